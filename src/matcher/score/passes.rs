//! The candidate passes of [`LangIndex::score`] over a matched stem's postings and context
//! postings, each its own small function (out of `score.rs`, for its length; not inlined:
//! in `score`'s body the slices' pointers were reloaded from the stack per posting).

use super::*;

/// Adds a matched stem's `gain` (its shares of the precision and recall bounds) to each of
/// its `postings`' accumulators and marks them seen. (Its own small function, not inlined:
/// in `score`'s body the slices' pointers were reloaded from the stack per posting.)
#[inline(never)]
pub(super) fn add_postings(
    postings: &[u32],
    gain: [f32; 2],
    pacc: &mut [[f32; 2]],
    seen: &mut [u64],
) {
    for &vi in postings {
        let a = &mut pacc[vi as usize];
        a[0] += gain[0];
        a[1] += gain[1];
        seen[vi as usize / 64] |= 1u64 << (vi % 64);
    }
}

impl LangIndex {
    /// A matched stem's context postings `ctx` (targets whose texts have it, with its
    /// similarity `row` per query word): each target's slot, made ready once (its first
    /// variant without a matched stem added to the candidates `cand`), and its context
    /// coverage `cov` raised to `row`.
    #[inline(never)]
    pub(super) fn add_context(
        &self,
        ctx: &[u32],
        row: &[f32],
        slots: &mut Slots,
        slot_of: &mut [u32],
        seen: &mut [u64],
        cand: &mut Vec<u32>,
    ) {
        let nq = row.len();
        let is_seen = |seen: &[u64], vi: u32| seen[vi as usize / 64] & (1u64 << (vi % 64)) != 0;
        for &ti in ctx {
            let k = slots.get(slot_of, ti, nq);
            if !slots.t[k].ready {
                slots.t[k].ready = true;
                // The variants with a matched stem are in (postings); the others have no
                // stem with a row, so each scores the same (context credit only, no
                // precision): only the first in index order can raise the target's score
                // and set its detail.
                let rest = self.target_variants[ti as usize]
                    .iter()
                    .find(|&&vi| !is_seen(seen, vi));
                if let Some(&vi) = rest {
                    seen[vi as usize / 64] |= 1u64 << (vi % 64);
                    cand.push(vi);
                }
            }
            // The context coverage of an entry: the best similarity per query word over
            // its stems with a row, i.e. over these postings.
            for (c, &s) in slots.cov[k * nq..(k + 1) * nq].iter_mut().zip(row) {
                *c = fmax(*c, s);
            }
        }
    }
}
