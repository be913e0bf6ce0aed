//! The bounded pre-ranking of large knowledge bases (out of `score.rs`, for its length).

use super::*;

impl LangIndex {
    /// Large knowledge bases: the [`MAX_SCORED`] variants with the best cheap estimate of the
    /// score (weighted overlap with the query, both ways; no context credit), sorted.
    pub(super) fn prerank(
        &self,
        matched: &[u32],
        table: &[f32],
        weights: &[f32],
        wsum: f32,
        recall_weight: f32,
        seen: &mut [u64],
    ) -> Vec<u32> {
        let nq = weights.len();
        let mut stems: Vec<(u32, usize)> = matched.iter().copied().zip(0..).collect();
        // Rare stems first, so the skip of near-stop-word stems below has a fallback.
        stems.sort_unstable_by_key(|&(t, _)| (self.postings[t as usize].len(), t));
        SCRATCH.with(|cell| {
            let mut acc = cell.borrow_mut();
            if acc.len() < self.variants.len() {
                acc.resize(self.variants.len(), (0.0, 0.0));
            }
            let mut hit: Vec<u32> = Vec::new();
            let max_hits = prerank_hits(self.variants.len());
            for &(t, r) in &stems {
                let plist = &self.postings[t as usize];
                if plist.len() > MAX_PRERANK_POSTINGS && !hit.is_empty() {
                    continue;
                }
                let create = hit.len() < max_hits;
                let sims = &table[r * nq..(r + 1) * nq];
                let gain: f32 = sims.iter().zip(weights).map(|(s, w)| s * w).sum();
                let top = sims.iter().copied().fold(0.0, f32::max);
                let prec = self.idf[t as usize] * top;
                for &vi in plist {
                    let a = &mut acc[vi as usize];
                    if a.0 == 0.0 && a.1 == 0.0 {
                        if !create {
                            continue;
                        }
                        hit.push(vi);
                    }
                    a.0 += gain;
                    a.1 += prec;
                }
            }
            // Many hits: in index order (a bit set walked once), so the reads below go
            // through `acc` and `variants` in order instead of at random. Each hit is in
            // `hit` once (every posting adds a positive gain), and the selection below
            // breaks ties by index, so the order changes nothing.
            let hit =
                if hit.len() * 8 > self.variants.len() && seen.len() * 64 >= self.variants.len() {
                    for &vi in &hit {
                        seen[vi as usize / 64] |= 1 << (vi % 64);
                    }
                    let mut sorted = Vec::with_capacity(hit.len());
                    for (w, word) in seen.iter_mut().enumerate() {
                        let mut b = std::mem::take(word);
                        while b != 0 {
                            sorted.push((w * 64) as u32 + b.trailing_zeros());
                            b &= b - 1;
                        }
                    }
                    sorted
                } else {
                    hit
                };
            let mut est: Vec<(f32, u32)> = hit
                .iter()
                .map(|&vi| {
                    let (g, p) = std::mem::take(&mut acc[vi as usize]);
                    let v = &self.variants[vi as usize];
                    let r = if wsum > 0.0 { (g / wsum).min(1.0) } else { 0.0 };
                    let p = if v.idf_sum > 0.0 { p / v.idf_sum } else { 0.0 };
                    (recall_weight * r + (1.0 - recall_weight) * p, vi)
                })
                .collect();
            let by_score = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            if est.len() > MAX_SCORED {
                est.select_nth_unstable_by(MAX_SCORED - 1, by_score);
                est.truncate(MAX_SCORED);
            }
            let mut cand: Vec<u32> = est.into_iter().map(|(_, vi)| vi).collect();
            cand.sort_unstable();
            cand
        })
    }
}

thread_local! {
    /// Per-variant accumulators of [`LangIndex::prerank`], reused across queries (a fresh
    /// zeroed vector of millions of entries per query would cost more than the ranking).
    static SCRATCH: std::cell::RefCell<Vec<(f32, f32)>> = const { std::cell::RefCell::new(Vec::new()) };
}
