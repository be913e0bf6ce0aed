//! Scoring the variants of one language against the query stems: weighted recall and
//! precision with context credit, and the signals (the bounded pre-ranking of large
//! knowledge bases is in `prerank.rs`).

use super::*;

mod bound;
mod passes;
use bound::{BoundState, Bounds, bit_walk};
use passes::add_postings;

impl LangIndex {
    /// Scores of query stems against this language's variants, with their details, and the
    /// signals completed (unknown words, names of the network). `own`: the matches made
    /// so far for stems that are neither vocabulary nor foreign stems (filled here).
    pub(super) fn score(
        &self,
        qtoks: Vec<QueryStem>,
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
        // Query words that carry content (not question words or numbers).
        let mut content_q: Vec<bool> = Vec::with_capacity(nq);
        for (qi, qs) in qtoks.into_iter().enumerate() {
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
            content_q.push(!question && !numeric);
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
                    .any(|&(id, s)| s >= KNOWN_SIM && self.is_self_stem(id))
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
            words.push((qs.stem, m));
        }
        let recall_weight = recall_weight(nq);
        let min_info = length_share(nq) * MIN_INFO * self.max_idf;
        let wsum: f32 = weights.iter().sum();
        // Per matched stem: its share of a variant's precision (weight × best similarity),
        // the same for every variant that has it.
        let gains: Vec<f32> = matched
            .iter()
            .enumerate()
            .map(|(r, &t)| {
                let top = table[r * nq..(r + 1) * nq]
                    .iter()
                    .fold(0.0f32, |a, &s| fmax(a, s));
                self.idf[t as usize] * top
            })
            .collect();
        let work: usize = matched
            .iter()
            .map(|&t| self.postings[t as usize].len() + self.context_postings[t as usize].len())
            .sum();
        let mut slots = std::mem::take(&mut scratch.slots);
        slots.clear();
        // (A small language's candidates are read from the bit set by the bounds loop.)
        let mut walk = false;
        let cand = if work <= EXHAUSTIVE_POSTINGS {
            // Every variant with a matched stem, and of each entry whose texts have one, the
            // first variant without one (see below); each once (bit set), in index order.
            let seen = &mut scratch.seen;
            let mut cand = std::mem::take(&mut scratch.cand);
            cand.clear();
            // Each posting also adds its stem's share of the variant's precision (weight ×
            // best similarity, as the scoring below adds it per stem of the variant): a
            // bound of the variant's score before it is scored.
            // The candidates are read back from the bit set below when it has at most one
            // word per posting (a small language); then the postings only set bits, without
            // a test and a push each.
            let words = self.variants.len().div_ceil(64);
            walk = words <= work;
            // The same per posting for the recall: the stem's weighted similarity to the
            // query words, summed over the variant's stems, bounds what they cover.
            let pacc = &mut scratch.pacc;
            for (r, &t) in matched.iter().enumerate() {
                let row = &table[r * nq..(r + 1) * nq];
                let mut reach = 0.0f32;
                for (w, &s) in weights.iter().zip(row) {
                    reach += w * s;
                }
                let gain = [gains[r], reach];
                let postings = &self.postings[t as usize];
                add_postings(postings, gain, pacc, seen);
                if !walk {
                    cand.extend_from_slice(postings);
                }
            }
            for (r, &t) in matched.iter().enumerate() {
                let row = &table[r * nq..(r + 1) * nq];
                let ctx = &self.context_postings[t as usize];
                self.add_context(ctx, row, &mut slots, &mut scratch.slot_of, seen, &mut cand);
            }
            // In index order, each once: a small language's bit set is walked by the bounds
            // loop below (a few words, cheaper than sorting hundreds of candidates), clearing
            // it on the way.
            if walk {
                cand.clear();
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
        let bounded = work <= EXHAUSTIVE_POSTINGS;
        // Exact pruning: a variant's score is at most `recall_weight` × its recall bound
        // (its target's coverage of the query, see below: every similarity of the variant
        // is one of its target's texts) plus the rest × its precision bound (`pacc`, the
        // same terms summed in another order: `BOUND_SLACK` covers the rounding). Each
        // target's variant with the best bound is scored first, and a variant whose bound
        // is below its target's best score so far cannot change the score or the detail
        // (the best score is a maximum, and of equal scores the first variant in index
        // order sets the detail, whatever the order they are scored in). So once a target's
        // seed is scored, its other candidates are read only if the second best bound
        // reaches the seed's score (most targets: none does).
        let mut ubs = std::mem::take(&mut scratch.ubs);
        ubs.clear();
        if bounded {
            // (Constant factors of the bounds, each rounded up by `BOUND_SLACK`.)
            let to_recall = if wsum > 0.0 {
                recall_weight * (1.0 + BOUND_SLACK) / wsum
            } else {
                0.0
            };
            let b = Bounds {
                to_recall,
                to_precision: (1.0 - recall_weight) * (1.0 + BOUND_SLACK),
                own_share: (1.0 - CONTEXT_CREDIT) * (1.0 + BOUND_SLACK),
                min_info,
            };
            let words = self.variants.len().div_ceil(64);
            let seen = &mut scratch.seen[..words];
            ubs.reserve(cand.len());
            let mut st = BoundState {
                slots: &mut slots,
                slot_of: &mut scratch.slot_of,
                pacc: &mut scratch.pacc[..self.variants.len()],
                ubs: &mut ubs,
            };
            if walk {
                self.bound(&mut st, &b, &weights, &row, bit_walk(seen));
            } else {
                self.bound(&mut st, &b, &weights, &row, cand.iter().copied());
            }
        }
        // Per query word the variant's best similarity: on the stack for up to `SMALL_NQ`
        // query words (reset by a few stores, not a call to `memset` per variant).
        let mut small = [0.0f32; SMALL_NQ];
        let mut large = if nq > SMALL_NQ {
            vec![0.0f32; nq]
        } else {
            Vec::new()
        };
        let mut score_one = |vi: u32, k: usize, slots: &mut Slots| {
            let v = &self.variants[vi as usize];
            let cov = &mut slots.cov[k * nq..(k + 1) * nq];
            let slot = &mut slots.t[k];
            if !slot.ready {
                // A target no matched stem's context postings reach (out-of-scope examples,
                // or any target when pre-ranking): its coverage from its own texts.
                slot.ready = true;
                self.cover(v.target, cov, &row);
            }
            let best: &mut [f32] = if nq <= SMALL_NQ {
                small = [0.0; SMALL_NQ];
                &mut small[..nq]
            } else {
                large.iter_mut().for_each(|b| *b = 0.0);
                &mut large
            };
            let mut precision = 0.0;
            for &t in self.variant_toks(v) {
                let r = row_of[t as usize];
                if r == u32::MAX {
                    continue;
                }
                let r = r as usize;
                for (b, &s) in best.iter_mut().zip(&table[r * nq..(r + 1) * nq]) {
                    *b = fmax(*b, s);
                }
                precision += gains[r];
            }
            let mut recall = 0.0;
            for ((w, &b), &c) in weights.iter().zip(best.iter()).zip(cov.iter()) {
                recall += w * fmax(b, CONTEXT_CREDIT * c);
            }
            let r = if wsum > 0.0 { recall / wsum } else { 0.0 };
            // A variant with little information (one common word: "Netzwerk") does not get
            // full marks for being contained in a long question.
            let info = v.idf_sum.max(min_info);
            let p = if info > 0.0 { precision / info } else { 0.0 };
            let score = (recall_weight * r + (1.0 - recall_weight) * p).clamp(0.0, 1.0);
            let e = &mut slot.score;
            if *e < 0.0 {
                *e = 0.0;
            }
            // The best score, ties to the first variant in index order (seeds come first).
            if score > *e || (score == *e && *e > 0.0 && vi < slot.best_vi) {
                *e = score;
                slot.best_vi = vi;
                let mut covered = 0u64;
                let mut uncovered = 0u64;
                for qi in 0..nq.min(64) {
                    if best[qi] >= KNOWN_SIM {
                        covered |= 1 << qi;
                    } else if content_q[qi] {
                        uncovered |= 1 << qi;
                    }
                }
                // (`names_network` is made for the final `best_vi` only, below.)
                slot.detail = Detail {
                    covered,
                    uncovered,
                    names_network: false,
                    lang: 0,
                };
            }
        };
        if bounded {
            // Per target its seed, then (only if the second best bound reaches the seed's
            // score) its other candidates, latest first: the order does not matter (above).
            for k in 0..slots.t.len() {
                let s = slots.t[k];
                if s.seed_ub < 0.0 {
                    continue;
                }
                score_one(s.seed, k, &mut slots);
                if s.ub2 < slots.t[k].score {
                    continue;
                }
                let mut e = s.last;
                while e != 0 {
                    let (ub, vi, next) = ubs[e as usize - 1];
                    if vi != s.seed && ub >= slots.t[k].score {
                        score_one(vi, k, &mut slots);
                    }
                    e = next;
                }
            }
        } else {
            for &vi in &cand {
                let k = slots.get(&mut scratch.slot_of, self.variants[vi as usize].target, nq);
                score_one(vi, k, &mut slots);
            }
        }
        scratch.ubs = ubs;
        let mut out = Vec::with_capacity(slots.t.len());
        for slot in &slots.t {
            scratch.slot_of[slot.target as usize] = u32::MAX;
            // Targets reached through their texts but without a variant are no result.
            if slot.score >= 0.0 {
                let mut detail = slot.detail;
                // Does the variant that set the detail name the network (once per target,
                // not at every better score)?
                if slot.best_vi != u32::MAX {
                    let v = &self.variants[slot.best_vi as usize];
                    detail.names_network =
                        self.variant_toks(v).iter().any(|&t| self.is_self_stem(t));
                }
                out.push((self.targets[slot.target as usize], slot.score, detail));
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
}

/// The targets one [`LangIndex::score`] call scores, by slot (first use order).
#[derive(Default)]
struct Slots {
    /// Per slot (one vector of structs: one bounds check per access in the loops).
    t: Vec<Slot>,
    /// Per slot and query word: the best similarity anywhere in the target's texts.
    cov: Vec<f32>,
}

/// One target of [`Slots`].
#[derive(Clone, Copy)]
struct Slot {
    target: u32,
    /// Best variant score (-1: no variant scored yet).
    score: f32,
    detail: Detail,
    /// `cov` is complete (and, when collecting candidates, the variants are in).
    ready: bool,
    /// `CONTEXT_CREDIT` × the weighted coverage of the query by `cov`, and that coverage
    /// (the parts of a recall bound; `rub` -1: not made yet).
    rub: f32,
    rcap: f32,
    /// The variant with the best bound, scored first, and its bound (-1: none); the best
    /// bound of its other candidates (-1: none).
    seed: u32,
    seed_ub: f32,
    ub2: f32,
    /// Its last candidate in `ubs` (its index + 1; 0: none), which links to the one before.
    last: u32,
    /// The variant that set `score` and `detail`.
    best_vi: u32,
}

impl Slot {
    /// Stores the seed, bounds and last candidate kept in locals while bounding.
    #[inline(always)]
    fn keep(&mut self, seed: u32, seed_ub: f32, ub2: f32, last: u32) {
        self.seed = seed;
        self.seed_ub = seed_ub;
        self.ub2 = ub2;
        self.last = last;
    }
}

impl Slots {
    fn clear(&mut self) {
        self.t.clear();
        self.cov.clear();
    }

    /// The slot of target `ti` (index into [`LangIndex::targets`]), new if needed.
    /// (Always inlined: it runs once per candidate and per context posting, and the
    /// compiler left it a call.)
    #[inline(always)]
    fn get(&mut self, slot_of: &mut [u32], ti: u32, nq: usize) -> usize {
        let s = &mut slot_of[ti as usize];
        if *s == u32::MAX {
            *s = self.t.len() as u32;
            self.t.push(Slot {
                target: ti,
                score: -1.0,
                detail: Detail::default(),
                ready: false,
                rub: -1.0,
                rcap: 0.0,
                seed: u32::MAX,
                seed_ub: -1.0,
                ub2: -1.0,
                last: 0,
                best_vi: u32::MAX,
            });
            self.cov.resize(self.cov.len() + nq, 0.0);
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
    /// Per variant: the numerators of its precision and recall bounds while collecting
    /// candidates, all 0.
    pacc: Vec<[f32; 2]>,
    /// Per candidate: its score bound, the variant and its target's candidate before it
    /// (its index + 1; 0: none).
    ubs: Vec<(f32, u32, u32)>,
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
            self.pacc.resize(variants, [0.0; 2]);
        }
    }
}

thread_local! {
    static SCORE_SCRATCH: std::cell::Cell<ScoreScratch> = std::cell::Cell::new(ScoreScratch::default());
}

/// Query words whose per-variant best similarities `score` keeps on the stack.
const SMALL_NQ: usize = 16;

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

/// `a.min(b)` for the bounds (never NaN), as [`fmax`].
#[inline(always)]
fn fmin(a: f32, b: f32) -> f32 {
    if b < a { b } else { a }
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
