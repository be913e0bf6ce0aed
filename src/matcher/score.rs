//! Scoring the variants of one language against the query stems: weighted recall and
//! precision with context credit, the signals, and the bounded pre-ranking of large
//! knowledge bases.

use super::*;

impl LangIndex {
    /// Scores of query stems against this language's variants, with their details, and the
    /// signals completed (unknown words, names of the network). `own`: the matches made
    /// so far for stems that are neither vocabulary nor foreign stems (filled here).
    pub(super) fn score(
        &self,
        qtoks: &[QueryStem],
        mut signals: Signals,
        own: &mut Vec<(String, Expansion)>,
    ) -> Scored {
        if qtoks.is_empty() || self.variants.is_empty() {
            return (Vec::new(), signals, Vec::new());
        }
        // Taken out of the thread's cell and put back at the end: a panic in between drops
        // it, so no half-reset scratch is ever reused.
        let mut scratch = SCORE_SCRATCH.with(std::cell::Cell::take);
        scratch.fit(
            self.tok_chars.len(),
            self.targets.len(),
            self.variants.len(),
        );
        let mut words: Vec<Word> = Vec::with_capacity(qtoks.len());
        let nq = qtoks.len();
        // Per matched stem a row of its similarity to each query stem (0 = no match), found
        // by a dense per-vocabulary index (`scratch.row_of`): one array read per variant stem.
        // (Vectors of the scratch, emptied: their capacity is reused across queries.)
        let mut matched = std::mem::take(&mut scratch.matched);
        let mut table = std::mem::take(&mut scratch.table);
        matched.clear();
        table.clear();
        let mut weights: Vec<f32> = Vec::with_capacity(nq);
        // Unknown words of long questions are mostly context ("ich engagiere mich in einer
        // Flüchtlingsinitiative"): they weigh less there.
        let unknown_weight =
            UNKNOWN_WEIGHT + length_share(nq) * (LONG_UNKNOWN_WEIGHT - UNKNOWN_WEIGHT);
        for (qi, qs) in qtoks.iter().enumerate() {
            let (q, question) = (&qs.stem, &qs.question);
            // A stem of the vocabulary: its expansion was made when the index was built.
            let m = match self.vocab_id.get(q.as_str()) {
                Some(&id) => WordMatches::Vocab(id),
                None if let Some(&id) = self.foreign_id.get(q.as_str()) => WordMatches::Foreign(id),
                None => match own.iter().find(|(s, _)| s == q) {
                    Some((_, (ex, known))) => WordMatches::Own(ex.clone(), *known),
                    None => {
                        let qc: Vec<char> = q.chars().collect();
                        let ex = self.expand(&qc, q, &mut scratch.shared, &mut scratch.touched);
                        let known = self.known(&qc, q, &ex);
                        own.push((q.clone(), (ex.clone(), known)));
                        WordMatches::Own(ex, known)
                    }
                },
            };
            let (ex, known) = m.get(self);
            // The best match (ties: the first in vocabulary order) gives the weight.
            let best = ex
                .iter()
                .fold(None::<(u32, f32)>, |acc, &(id, s)| match acc {
                    Some((_, a)) if a >= s => acc,
                    _ => Some((id, s)),
                });
            let w = best.map(|(id, _)| self.idf[id as usize]).unwrap_or(
                unknown_weight * self.max_idf * if qs.misread { VIEW_UNKNOWN_SHARE } else { 1.0 },
            );
            weights.push(w);
            let numeric = q.chars().all(|c| c.is_numeric());
            if !question && !numeric && !known {
                signals.foreign_words += 1;
                if !qs.lower {
                    signals.foreign_names += 1;
                }
                if best.is_some_and(|(id, s)| s >= KNOWN_SIM && self.in_oos[id as usize]) {
                    signals.out_of_scope_words += 1;
                }
            }
            if self.analyzer.is_network_stem(q)
                || self.analyzer.is_network_mention(q)
                || ex
                    .iter()
                    .any(|&(id, s)| s >= KNOWN_SIM && self.self_stems.contains(&id))
            {
                signals.names_network = true;
            }
            for &(id, sim) in ex {
                let r = &mut scratch.row_of[id as usize];
                if *r == u32::MAX {
                    *r = matched.len() as u32;
                    matched.push(id);
                    table.resize(table.len() + nq, 0.0);
                }
                table[*r as usize * nq + qi] = sim;
            }
            words.push((q.clone(), m));
        }
        let recall_weight = recall_weight(nq);
        let min_info = length_share(nq) * MIN_INFO * self.max_idf;
        let wsum: f32 = weights.iter().sum();
        let work: usize = matched
            .iter()
            .map(|&t| self.postings[t as usize].len() + self.context_postings[t as usize].len())
            .sum();
        let mut slots = std::mem::take(&mut scratch.slots);
        slots.clear();
        let cand = if work <= EXHAUSTIVE_POSTINGS {
            // Every variant with a matched stem, and of each entry whose texts have one, the
            // first variant without one (see below); each once (bit set), in index order.
            let seen = &mut scratch.seen;
            let mut cand = std::mem::take(&mut scratch.cand);
            cand.clear();
            let is_seen = |seen: &[u64], vi: u32| seen[vi as usize / 64] & (1u64 << (vi % 64)) != 0;
            let add = |vi: u32, seen: &mut [u64], cand: &mut Vec<u32>| {
                if !is_seen(seen, vi) {
                    seen[vi as usize / 64] |= 1u64 << (vi % 64);
                    cand.push(vi);
                }
            };
            // Each posting also adds its stem's share of the variant's precision (weight ×
            // best similarity, as the scoring below adds it per stem of the variant): a
            // bound of the variant's score before it is scored.
            // The candidates are read back from the bit set below when it has at most one
            // word per posting (a small language); then the postings only set bits, without
            // a test and a push each.
            let words = self.variants.len().div_ceil(64);
            let walk = words <= work;
            let pacc = &mut scratch.pacc;
            for (r, &t) in matched.iter().enumerate() {
                let top = table[r * nq..(r + 1) * nq]
                    .iter()
                    .fold(0.0f32, |a, &s| fmax(a, s));
                let gain = self.idf[t as usize] * top;
                let postings = &self.postings[t as usize];
                for &vi in postings {
                    pacc[vi as usize] += gain;
                    seen[vi as usize / 64] |= 1u64 << (vi % 64);
                }
                if !walk {
                    cand.extend_from_slice(postings);
                }
            }
            for (r, &t) in matched.iter().enumerate() {
                let row = &table[r * nq..(r + 1) * nq];
                for &ti in &self.context_postings[t as usize] {
                    let k = slots.get(&mut scratch.slot_of, ti, nq);
                    if !slots.ready[k] {
                        slots.ready[k] = true;
                        // The variants with a matched stem are in (postings); the others
                        // have no stem with a row, so each scores the same (context credit
                        // only, no precision): only the first in index order can raise the
                        // target's score and set its detail.
                        let rest = self.target_variants[ti as usize]
                            .iter()
                            .find(|&&vi| !is_seen(seen, vi));
                        if let Some(&vi) = rest {
                            add(vi, seen, &mut cand);
                        }
                    }
                    // The context coverage of an entry: the best similarity per query
                    // word over its stems with a row, i.e. over these postings.
                    for (c, &s) in slots.cov[k * nq..(k + 1) * nq].iter_mut().zip(row) {
                        *c = fmax(*c, s);
                    }
                }
            }
            // In index order, each once: a small language's bit set is walked (a few words,
            // cheaper than sorting hundreds of candidates), clearing it on the way.
            if walk {
                cand.clear();
                for (w, word) in seen[..words].iter_mut().enumerate() {
                    let mut b = std::mem::take(word);
                    while b != 0 {
                        cand.push((w * 64) as u32 + b.trailing_zeros());
                        b &= b - 1;
                    }
                }
            } else {
                for &vi in &cand {
                    seen[vi as usize / 64] = 0;
                }
                cand.sort_unstable();
                cand.dedup();
            }
            cand
        } else {
            self.prerank(
                &matched,
                &table,
                &weights,
                wsum,
                recall_weight,
                &mut scratch.seen,
            )
        };
        let row_of = &scratch.row_of;
        let row = |id: u32| match row_of[id as usize] {
            u32::MAX => None,
            r => Some(&table[r as usize * nq..(r as usize + 1) * nq]),
        };
        // Query words that carry content (not question words or numbers).
        let content_q: Vec<bool> = qtoks
            .iter()
            .map(|q| !q.question && !q.stem.chars().all(char::is_numeric))
            .collect();
        let bounded = work <= EXHAUSTIVE_POSTINGS;
        // Exact pruning: a variant's score is at most `recall_weight` × its target's
        // coverage of the query (every similarity of the variant is one of its target's
        // texts; context credit is less) plus the rest × its precision bound (`pacc`, the
        // same terms summed in another order: `BOUND_SLACK` covers the rounding). Each
        // target's variant with the best bound is scored first, and a variant whose bound
        // is below its target's best score so far cannot change the score or the detail.
        let mut ubs = std::mem::take(&mut scratch.ubs);
        ubs.clear();
        if bounded {
            for &vi in &cand {
                let v = &self.variants[vi as usize];
                let k = slots.get(&mut scratch.slot_of, v.target, nq);
                let cov = &mut slots.cov[k * nq..(k + 1) * nq];
                if !slots.ready[k] {
                    slots.ready[k] = true;
                    self.cover(v.target, cov, &row);
                }
                if slots.rub[k] < 0.0 {
                    let mut all = 0.0f32;
                    for (w, &c) in weights.iter().zip(cov.iter()) {
                        all += w * c;
                    }
                    slots.rub[k] = if wsum > 0.0 { all / wsum } else { 0.0 };
                }
                let info = v.idf_sum.max(min_info);
                let pacc = &mut scratch.pacc[vi as usize];
                let p = if info > 0.0 {
                    *pacc * (1.0 + BOUND_SLACK) / info
                } else {
                    0.0
                };
                *pacc = 0.0;
                let ub = recall_weight * slots.rub[k] + (1.0 - recall_weight) * p + BOUND_SLACK;
                ubs.push(ub);
                if ub > slots.seed_ub[k] {
                    slots.seed_ub[k] = ub;
                    slots.seed[k] = vi;
                }
            }
        }
        let mut best = vec![0.0f32; nq];
        let mut score_one = |vi: u32, k: usize, slots: &mut Slots| {
            let v = &self.variants[vi as usize];
            let cov = &mut slots.cov[k * nq..(k + 1) * nq];
            if !slots.ready[k] {
                // A target no matched stem's context postings reach (out-of-scope examples,
                // or any target when pre-ranking): its coverage from its own texts.
                slots.ready[k] = true;
                self.cover(v.target, cov, &row);
            }
            best.iter_mut().for_each(|b| *b = 0.0);
            let mut precision = 0.0;
            for &t in self.variant_toks(v) {
                let Some(r) = row(t) else { continue };
                let mut top = 0.0f32;
                for (b, &s) in best.iter_mut().zip(r) {
                    *b = fmax(*b, s);
                    top = fmax(top, s);
                }
                precision += self.idf[t as usize] * top;
            }
            let mut recall = 0.0;
            for ((w, &b), &c) in weights.iter().zip(&best).zip(cov.iter()) {
                recall += w * fmax(b, CONTEXT_CREDIT * c);
            }
            let r = if wsum > 0.0 { recall / wsum } else { 0.0 };
            // A variant with little information (one common word: "Netzwerk") does not get
            // full marks for being contained in a long question.
            let info = v.idf_sum.max(min_info);
            let p = if info > 0.0 { precision / info } else { 0.0 };
            let score = (recall_weight * r + (1.0 - recall_weight) * p).clamp(0.0, 1.0);
            let e = &mut slots.score[k];
            if *e < 0.0 {
                *e = 0.0;
            }
            // The best score, ties to the first variant in index order (seeds come first).
            if score > *e || (score == *e && *e > 0.0 && vi < slots.best_vi[k]) {
                *e = score;
                slots.best_vi[k] = vi;
                let mut covered = 0u64;
                let mut uncovered = 0u64;
                for qi in 0..nq.min(64) {
                    if best[qi] >= KNOWN_SIM {
                        covered |= 1 << qi;
                    } else if content_q[qi] {
                        uncovered |= 1 << qi;
                    }
                }
                slots.detail[k] = Detail {
                    covered,
                    uncovered,
                    names_network: self
                        .variant_toks(v)
                        .iter()
                        .any(|t| self.self_stems.contains(t)),
                    lang: 0,
                };
            }
        };
        if bounded {
            for k in 0..slots.target.len() {
                if slots.seed_ub[k] >= 0.0 {
                    score_one(slots.seed[k], k, &mut slots);
                }
            }
            for (&vi, &ub) in cand.iter().zip(&ubs) {
                let k = scratch.slot_of[self.variants[vi as usize].target as usize] as usize;
                if vi != slots.seed[k] && ub >= slots.score[k] {
                    score_one(vi, k, &mut slots);
                }
            }
        } else {
            for &vi in &cand {
                let k = slots.get(&mut scratch.slot_of, self.variants[vi as usize].target, nq);
                score_one(vi, k, &mut slots);
            }
        }
        scratch.ubs = ubs;
        let mut out = Vec::with_capacity(slots.target.len());
        for (k, &ti) in slots.target.iter().enumerate() {
            scratch.slot_of[ti as usize] = u32::MAX;
            // Targets reached through their texts but without a variant are no result.
            if slots.score[k] >= 0.0 {
                out.push((self.targets[ti as usize], slots.score[k], slots.detail[k]));
            }
        }
        for &t in &matched {
            scratch.row_of[t as usize] = u32::MAX;
        }
        scratch.matched = matched;
        scratch.table = table;
        scratch.slots = slots;
        scratch.cand = cand;
        SCORE_SCRATCH.with(|c| c.set(scratch));
        (out, signals, words)
    }

    /// `cov` (per query word) of target `ti`: the best similarity over its texts' stems.
    fn cover<'t>(&self, ti: u32, cov: &mut [f32], row: &impl Fn(u32) -> Option<&'t [f32]>) {
        for r in &self.context[ti as usize] {
            if let Some(r) = row(*r) {
                for (c, &s) in cov.iter_mut().zip(r) {
                    *c = fmax(*c, s);
                }
            }
        }
    }

    /// Is a query word with these expansions known to the entries: the word itself, with a
    /// typo, or an abbreviation of a longer word ("kern" ~ "kerngruppe"); not a compound that
    /// only ends or starts with a known word ("Jobcenter" is not a "Zentrum" of the network)?
    pub(super) fn known(&self, qc: &[char], q: &str, ex: &[(u32, f32)]) -> bool {
        ex.iter().any(|&(id, s)| {
            if s < KNOWN_SIM || self.context_postings[id as usize].is_empty() {
                return false;
            }
            let t = &self.tok_chars[id as usize];
            // A synonym (or a joined phrase) of a known word; the word with a typo; or an
            // abbreviation of it (cheap tests first: each is a plain condition). The edit
            // distance once: `token_sim` is the larger of `edit_sim` and `affix_sim`.
            q.contains(' ') || t.starts_with(qc) || {
                let edit = edit_sim(qc, t);
                edit >= KNOWN_SIM || edit.max(affix_sim(qc, t)) < s
            }
        })
    }

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

/// The targets one [`LangIndex::score`] call scores, by slot (first use order).
#[derive(Default)]
struct Slots {
    target: Vec<u32>,
    /// Best variant score (-1: no variant scored yet).
    score: Vec<f32>,
    detail: Vec<Detail>,
    /// Per slot and query word: the best similarity anywhere in the target's texts.
    cov: Vec<f32>,
    /// `cov` is complete (and, when collecting candidates, the variants are in).
    ready: Vec<bool>,
    /// The weighted share of the query that `cov` covers (-1: not made yet).
    rub: Vec<f32>,
    /// The variant with the best bound, scored first, and its bound (-1: none).
    seed: Vec<u32>,
    seed_ub: Vec<f32>,
    /// The variant that set `score` and `detail`.
    best_vi: Vec<u32>,
}

impl Slots {
    fn clear(&mut self) {
        self.target.clear();
        self.score.clear();
        self.detail.clear();
        self.cov.clear();
        self.ready.clear();
        self.rub.clear();
        self.seed.clear();
        self.seed_ub.clear();
        self.best_vi.clear();
    }

    /// The slot of target `ti` (index into [`LangIndex::targets`]), new if needed.
    /// (Always inlined: it runs once per candidate and per context posting, and the
    /// compiler left it a call.)
    #[inline(always)]
    fn get(&mut self, slot_of: &mut [u32], ti: u32, nq: usize) -> usize {
        let s = &mut slot_of[ti as usize];
        if *s == u32::MAX {
            *s = self.target.len() as u32;
            self.target.push(ti);
            self.score.push(-1.0);
            self.detail.push(Detail::default());
            self.cov.resize(self.cov.len() + nq, 0.0);
            self.ready.push(false);
            self.rub.push(-1.0);
            self.seed.push(u32::MAX);
            self.seed_ub.push(-1.0);
            self.best_vi.push(u32::MAX);
        }
        *s as usize
    }
}

/// Per-query scratch of [`LangIndex::score`], sized to the largest language and reset after
/// each use (allocating and zeroing arrays of vocabulary size per query cost more than the
/// scoring of a small knowledge base).
#[derive(Default)]
struct ScoreScratch {
    /// Per stem: its row in the similarity table (`u32::MAX`: none).
    row_of: Vec<u32>,
    /// Per stem: shared padded bigrams with a query stem ([`LangIndex::expand`]), all 0.
    shared: Vec<u8>,
    touched: Vec<u32>,
    /// Per target: its slot among the targets scored (`u32::MAX`: none).
    slot_of: Vec<u32>,
    /// Per variant: a candidate already (bit set), all 0.
    seen: Vec<u64>,
    /// The matched stems, their similarity table, the targets and the candidate variants
    /// of the last query (cleared before use).
    matched: Vec<u32>,
    table: Vec<f32>,
    slots: Slots,
    cand: Vec<u32>,
    /// Per variant: its precision bound's numerator while collecting candidates, all 0.
    pacc: Vec<f32>,
    /// Per candidate: its score bound.
    ubs: Vec<f32>,
}

impl ScoreScratch {
    fn fit(&mut self, stems: usize, targets: usize, variants: usize) {
        if self.row_of.len() < stems {
            self.row_of.resize(stems, u32::MAX);
            self.shared.resize(stems, 0);
        }
        if self.slot_of.len() < targets {
            self.slot_of.resize(targets, u32::MAX);
        }
        if self.seen.len() < variants.div_ceil(64) {
            self.seen.resize(variants.div_ceil(64), 0);
        }
        if self.pacc.len() < variants {
            self.pacc.resize(variants, 0.0);
        }
    }
}

thread_local! {
    static SCORE_SCRATCH: std::cell::Cell<ScoreScratch> = std::cell::Cell::new(ScoreScratch::default());
    /// Per-variant accumulators of [`LangIndex::prerank`], reused across queries (a fresh
    /// zeroed vector of millions of entries per query would cost more than the ranking).
    static SCRATCH: std::cell::RefCell<Vec<(f32, f32)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Relative and absolute slack of the score bounds: far above the rounding of summing at
/// most [`crate::text::MAX_TOKENS`] terms in another order.
const BOUND_SLACK: f32 = 1e-4;

/// `a.max(b)` for the similarities of the scoring loops, which are never NaN and never -0
/// (so the result is the same): a plain comparison, without `f32::max`'s NaN handling in
/// the innermost loops.
#[inline(always)]
fn fmax(a: f32, b: f32) -> f32 {
    if b > a { b } else { a }
}

/// How far a query of `n` stems is from short (0, up to [`SHORT_QUERY`]) to long (1, from
/// [`LONG_QUERY`]).
pub fn length_share(n: usize) -> f32 {
    let (short, long) = (SHORT_QUERY, LONG_QUERY);
    if n <= short {
        return 0.0;
    }
    ((n - short) as f32 / (long.max(short + 1) - short) as f32).min(1.0)
}

/// The share of the score given to covering the query, for a query of `n` stems (see
/// [`RECALL_WEIGHT`] and [`LONG_RECALL_WEIGHT`]).
pub fn recall_weight(n: usize) -> f32 {
    let r = RECALL_WEIGHT;
    r + length_share(n) * (LONG_RECALL_WEIGHT - r)
}
