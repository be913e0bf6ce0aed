//! Scoring the variants of one language against the query stems: weighted recall and
//! precision with context credit, the signals, and the bounded pre-ranking of large
//! knowledge bases.

use super::*;

impl LangIndex {
    /// Scores of query stems against this language's variants, with their details, and the
    /// signals completed (unknown words, names of the network).
    pub(super) fn score(&self, qtoks: &[QueryStem], mut signals: Signals) -> Scored {
        let mut out: HashMap<Target, f32> = HashMap::default();
        if qtoks.is_empty() || self.variants.is_empty() {
            return (out, HashMap::default(), signals, Vec::new());
        }
        let mut words: Vec<Word> = Vec::with_capacity(qtoks.len());
        let nq = qtoks.len();
        // Per matched stem a row of its similarity to each query stem (0 = no match), found
        // by a dense per-vocabulary index: one array read per variant stem.
        let mut row_of: Vec<u32> = vec![u32::MAX; self.tok_chars.len()];
        let mut matched: Vec<u32> = Vec::new();
        let mut table: Vec<f32> = Vec::new();
        let mut weights: Vec<f32> = Vec::with_capacity(nq);
        // Unknown words of long questions are mostly context ("ich engagiere mich in einer
        // Flüchtlingsinitiative"): they weigh less there.
        let unknown_weight =
            UNKNOWN_WEIGHT + length_share(nq) * (LONG_UNKNOWN_WEIGHT - UNKNOWN_WEIGHT);
        let mut shared = vec![0u8; self.tok_chars.len()];
        let mut touched = Vec::new();
        for (qi, qs) in qtoks.iter().enumerate() {
            let (q, question) = (&qs.stem, &qs.question);
            let ex = self.expand(q, &mut shared, &mut touched);
            // The best match (ties: the first in vocabulary order) gives the weight.
            let best = ex
                .iter()
                .fold(None::<(u32, f32)>, |acc, &(id, s)| match acc {
                    Some((_, a)) if a >= s => acc,
                    _ => Some((id, s)),
                });
            let w = best
                .map(|(id, _)| self.idf[id as usize])
                .unwrap_or(unknown_weight * self.max_idf);
            weights.push(w);
            // Known to the entries: the word itself, with a typo, or an abbreviation of a
            // longer word ("kern" ~ "kerngruppe"); not a compound that only ends or starts
            // with a known word ("Jobcenter" is not a "Zentrum" of the network).
            let qc: Vec<char> = q.chars().collect();
            let known = ex.iter().any(|&(id, s)| {
                if s < KNOWN_SIM || self.context_postings[id as usize].is_empty() {
                    return false;
                }
                let t = &self.tok_chars[id as usize];
                let direct = token_sim(&qc, t);
                // A synonym (or a joined phrase) of a known word; the word with a typo; or
                // an abbreviation of it.
                direct < s || q.contains(' ') || edit_sim(&qc, t) >= KNOWN_SIM || t.starts_with(&qc)
            });
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
            for &(id, sim) in &ex {
                let r = &mut row_of[id as usize];
                if *r == u32::MAX {
                    *r = matched.len() as u32;
                    matched.push(id);
                    table.resize(table.len() + nq, 0.0);
                }
                table[*r as usize * nq + qi] = sim;
            }
            words.push((q.clone(), ex));
        }
        let row = |id: u32| match row_of[id as usize] {
            u32::MAX => None,
            r => Some(&table[r as usize * nq..(r as usize + 1) * nq]),
        };
        let recall_weight = recall_weight(nq);
        let min_info = length_share(nq) * MIN_INFO * self.max_idf;
        let wsum: f32 = weights.iter().sum();
        let work: usize = matched
            .iter()
            .map(|&t| self.postings[t as usize].len() + self.context_postings[t as usize].len())
            .sum();
        let cand = if work <= EXHAUSTIVE_POSTINGS {
            let mut cand: Vec<u32> = matched
                .iter()
                .flat_map(|&t| self.postings[t as usize].iter().copied())
                .collect();
            for &t in &matched {
                for &ti in &self.context_postings[t as usize] {
                    cand.extend(self.target_variants[ti as usize].iter().copied());
                }
            }
            cand.sort_unstable();
            cand.dedup();
            cand
        } else {
            self.prerank(&matched, &table, &weights, wsum, recall_weight)
        };
        // Query words that carry content (not question words or numbers).
        let content_q: Vec<bool> = qtoks
            .iter()
            .map(|q| !q.question && !q.stem.chars().all(char::is_numeric))
            .collect();
        let mut details: HashMap<Target, Detail> = HashMap::default();
        // Per target and query word: best similarity anywhere in the target's texts.
        let mut ctx_cov: HashMap<u32, Vec<f32>> = HashMap::default();
        let mut best = vec![0.0f32; nq];
        for vi in cand {
            let v = &self.variants[vi as usize];
            let cov = ctx_cov.entry(v.target).or_insert_with(|| {
                let mut cov = vec![0.0f32; nq];
                for r in &self.context[v.target as usize] {
                    if let Some(r) = row(*r) {
                        for (c, &s) in cov.iter_mut().zip(r) {
                            *c = c.max(s);
                        }
                    }
                }
                cov
            });
            best.iter_mut().for_each(|b| *b = 0.0);
            let mut precision = 0.0;
            for &t in self.variant_toks(v) {
                let Some(r) = row(t) else { continue };
                let mut top = 0.0f32;
                for (b, &s) in best.iter_mut().zip(r) {
                    *b = b.max(s);
                    top = top.max(s);
                }
                precision += self.idf[t as usize] * top;
            }
            let mut recall = 0.0;
            for qi in 0..nq {
                recall += weights[qi] * best[qi].max(CONTEXT_CREDIT * cov[qi]);
            }
            let r = if wsum > 0.0 { recall / wsum } else { 0.0 };
            // A variant with little information (one common word: "Netzwerk") does not get
            // full marks for being contained in a long question.
            let info = v.idf_sum.max(min_info);
            let p = if info > 0.0 { precision / info } else { 0.0 };
            let score = (recall_weight * r + (1.0 - recall_weight) * p).clamp(0.0, 1.0);
            let target = self.targets[v.target as usize];
            let e = out.entry(target).or_insert(0.0);
            if score > *e {
                *e = score;
                let mut covered = 0u64;
                let mut uncovered = 0u64;
                for qi in 0..nq.min(64) {
                    if best[qi] >= KNOWN_SIM {
                        covered |= 1 << qi;
                    } else if content_q[qi] {
                        uncovered |= 1 << qi;
                    }
                }
                details.insert(
                    target,
                    Detail {
                        covered,
                        uncovered,
                        names_network: self
                            .variant_toks(v)
                            .iter()
                            .any(|t| self.self_stems.contains(t)),
                        lang: 0,
                    },
                );
            }
        }
        (out, details, signals, words)
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
            for &(t, r) in &stems {
                let plist = &self.postings[t as usize];
                if plist.len() > MAX_PRERANK_POSTINGS && !hit.is_empty() {
                    continue;
                }
                let create = hit.len() < MAX_PRERANK_HITS;
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
