//! The score bounds of [`LangIndex::score`]'s candidates (out of `score.rs`, for its length).

use super::*;

impl LangIndex {
    /// The score bound of each candidate `vis` (in index order, so a target's candidates
    /// mostly come in one run: its slot is looked up once per run and its bound parts kept
    /// in locals), each target's seed (the best bound, the first of equal ones) and second
    /// best bound, and the candidates by target (`ubs`, linked from the slot's `last`).
    /// (Not inlined: in `score`'s body its loop kept little in registers.)
    #[inline(never)]
    pub(super) fn bound<'t>(
        &self,
        st: &mut BoundState<'_>,
        b: &Bounds,
        weights: &[f32],
        row: &impl Fn(u32) -> Option<&'t [f32]>,
        vis: impl Iterator<Item = u32>,
    ) {
        let nq = weights.len();
        let mut cur = u32::MAX;
        let mut k = 0usize;
        let (mut rub, mut rcap, mut seed, mut seed_ub, mut ub2, mut last) =
            (0.0f32, 0.0f32, u32::MAX, -1.0f32, -1.0f32, 0u32);
        // (`pacc` is as long as `variants`: one bounds check for both.)
        let (variants, pacc) = (&self.variants[..], &mut st.pacc[..self.variants.len()]);
        for vi in vis {
            let v = &variants[vi as usize];
            if v.target != cur {
                if cur != u32::MAX {
                    st.slots.t[k].keep(seed, seed_ub, ub2, last);
                }
                cur = v.target;
                k = st.slots.get(st.slot_of, cur, nq);
                let slot = &mut st.slots.t[k];
                // (A bound is made only once `cov` is complete: with it, `ready` holds.)
                if slot.rub < 0.0 {
                    let cov = &mut st.slots.cov[k * nq..(k + 1) * nq];
                    if !slot.ready {
                        slot.ready = true;
                        self.cover(cur, cov, row);
                    }
                    let mut all = 0.0f32;
                    for (w, &c) in weights.iter().zip(cov.iter()) {
                        all += w * c;
                    }
                    slot.rub = CONTEXT_CREDIT * all;
                    // (Rounded up once here instead of `ra` per candidate below.)
                    slot.rcap = all / (1.0 + BOUND_SLACK);
                }
                (rub, rcap) = (slot.rub, slot.rcap);
                (seed, seed_ub, ub2, last) = (slot.seed, slot.seed_ub, slot.ub2, slot.last);
            }
            let [pa, ra] = std::mem::take(&mut pacc[vi as usize]);
            // (The bound only: `fmax` for `f32::max`, both never NaN.)
            let info = fmax(v.idf_sum, b.min_info);
            let p = if info > 0.0 { pa / info } else { 0.0 };
            // Recall: per query word the larger of the variant's own similarity `b`
            // (at most the target's `c`) and the context credit `CONTEXT_CREDIT × c`,
            // i.e. `CONTEXT_CREDIT × c + max(0, b − CONTEXT_CREDIT × c)`, where the
            // second term is at most `(1 − CONTEXT_CREDIT) × b` (as `c >= b >= 0`).
            // Summed with the weights, the `b` are at most the variant's `reach` (`ra`,
            // every `b` is one of its stems' similarities) and at most the target's
            // weighted coverage (`rcap`), each rounded up by `BOUND_SLACK`.
            let own = b.own_share * fmin(ra, rcap);
            let ub = b.to_recall * (rub + own) + b.to_precision * p + BOUND_SLACK;
            if ub > seed_ub {
                ub2 = seed_ub;
                seed_ub = ub;
                seed = vi;
            } else if ub > ub2 {
                ub2 = ub;
            }
            st.ubs.push((ub, vi, last));
            last = st.ubs.len() as u32;
        }
        if cur != u32::MAX {
            st.slots.t[k].keep(seed, seed_ub, ub2, last);
        }
    }
}

/// The constant factors of the score bounds of one [`LangIndex::score`] call.
pub(super) struct Bounds {
    pub(super) to_recall: f32,
    pub(super) to_precision: f32,
    pub(super) own_share: f32,
    pub(super) min_info: f32,
}

/// What [`LangIndex::bound`] reads and fills.
pub(super) struct BoundState<'a> {
    pub(super) slots: &'a mut Slots,
    pub(super) slot_of: &'a mut [u32],
    pub(super) pacc: &'a mut [[f32; 2]],
    pub(super) ubs: &'a mut Vec<(f32, u32, u32)>,
}

/// The set bits of a bit set in ascending order, clearing each word as it is read.
pub(super) struct BitWalk<'a> {
    words: &'a mut [u64],
    /// The next word to read, and what is left of the one before it.
    next: usize,
    bits: u64,
}

pub(super) fn bit_walk(words: &mut [u64]) -> BitWalk<'_> {
    BitWalk {
        words,
        next: 0,
        bits: 0,
    }
}

impl Iterator for BitWalk<'_> {
    type Item = u32;

    #[inline(always)]
    fn next(&mut self) -> Option<u32> {
        while self.bits == 0 {
            let word = self.words.get_mut(self.next)?;
            self.bits = std::mem::take(word);
            self.next += 1;
        }
        let i = ((self.next - 1) * 64) as u32 + self.bits.trailing_zeros();
        self.bits &= self.bits - 1;
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_walk_is_the_plain_scan() {
        // 2,000 random bit sets of up to 12 words, sparse and dense: the set bits in
        // ascending order, as a scan of every bit finds them, and every word cleared.
        let mut next = crate::test_rng::xorshift(0x9E37_79B9_7F4A_7C15);
        for round in 0..2_000u64 {
            let n = next(13) as usize;
            let words: Vec<u64> = (0..n)
                .map(|_| match next(4) {
                    0 => 0,
                    1 => 1u64 << next(64),
                    2 => u64::MAX,
                    _ => next(u64::MAX) ^ (next(u64::MAX) << 1) ^ round,
                })
                .collect();
            let plain: Vec<u32> = (0..n * 64)
                .filter(|&i| words[i / 64] & (1u64 << (i % 64)) != 0)
                .map(|i| i as u32)
                .collect();
            let mut walked = words.clone();
            let got: Vec<u32> = bit_walk(&mut walked).collect();
            assert_eq!(got, plain);
            assert!(walked.iter().all(|&w| w == 0));
        }
    }
}
