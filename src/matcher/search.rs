//! The index of all languages: building it from the documents, and searching a query in
//! every language of its script, then ranking the entries with the model of the detected
//! language.

use super::*;

impl Index {
    /// An index with the built-in language profiles and no synonyms.
    pub fn build(docs: &[Doc<'_>]) -> Index {
        Index::build_with(docs, &Profiles::builtin(), &[])
    }

    /// An index with the given language profiles and synonym groups.
    pub fn build_with(docs: &[Doc<'_>], profiles: &Profiles, synonyms: &[SynonymGroup]) -> Index {
        let mut codes: Vec<&str> = docs.iter().map(|d| d.lang).collect();
        codes.sort();
        codes.dedup();
        // Languages are independent: build them in parallel (the index build of a large
        // knowledge base is seconds of analysis).
        let langs = std::thread::scope(|scope| {
            let handles: Vec<_> = codes
                .into_iter()
                .map(|code| {
                    let profile = profiles.get(code);
                    scope.spawn(move || {
                        LangIndex::build(code, docs, Analyzer::from_profile(&profile), synonyms)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect::<Vec<LangIndex>>()
        });
        let mut langs = langs;
        // The network's name: a word most entries' questions use in at least two languages.
        let mut seen: HashMap<String, usize> = HashMap::default();
        for li in &langs {
            for c in li.self_candidates() {
                *seen.entry(c).or_default() += 1;
            }
        }
        let names: HashSet<String> = seen
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(c, _)| c)
            .collect();
        for li in &mut langs {
            li.keep_self_stems(&names);
        }
        Index { langs }
    }

    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| l.code.as_str())
    }

    /// Scores `query` against every language of its script.
    pub fn search(&self, query: &str) -> Matches {
        let raw_script = script::dominant(query);
        let mut best: HashMap<Target, (f32, Detail)> = HashMap::default();
        let Some(qs) = raw_script else {
            return Matches {
                ranked: Vec::new(),
                detected_lang: None,
                signals: Signals::default(),
                evidence: Vec::new(),
            };
        };
        // The languages of the dominant script, and of any other script with at least a third
        // of its weight ("ما هي Kerngruppe؟" is Arabic with a German word in it).
        let weight = |s: Script, n: usize| if s == Script::Latin { n } else { 2 * n };
        let counts = script::counts(query);
        let top_weight = counts.iter().map(|&(s, n)| weight(s, n)).max().unwrap_or(0);
        let scripts: Vec<Script> = counts
            .iter()
            .filter(|&&(s, n)| s == qs || 3 * weight(s, n) >= top_weight)
            .map(|&(s, _)| s)
            .collect();
        let candidates: Vec<(usize, &LangIndex)> = self
            .langs
            .iter()
            .enumerate()
            .filter(|(_, l)| l.script.is_some_and(|s| scripts.contains(&s)))
            .collect();
        let mut results: Vec<(&LangIndex, LangResult, f32)> = Vec::new();
        for (li_index, li) in candidates {
            let r = li.search(query);
            let mut top = 0.0f32;
            for (&t, &s) in &r.scores {
                if let Target::Entry(_) = t {
                    top = top.max(s);
                }
                let e = best.entry(t).or_insert((0.0, Detail::default()));
                if s > e.0 {
                    let mut d = r.details.get(&t).copied().unwrap_or_default();
                    d.lang = li_index;
                    *e = (s, d);
                }
            }
            let small = if r.signals.smalltalk.is_some() && r.signals.content_words == 0 {
                1.0
            } else {
                0.0
            };
            let evidence = 0.5 * top.max(small)
                + 0.5 * r.known
                + letter_evidence(li.analyzer.letters(), query);
            results.push((li, r, evidence));
        }
        let detected = if results.len() == 1 {
            Some(0)
        } else {
            results
                .iter()
                .enumerate()
                .filter(|(_, (_, _, e))| *e > 0.0)
                .fold(None::<(usize, f32)>, |acc, (i, &(_, _, e))| match acc {
                    Some((_, ae)) if ae >= e => acc,
                    _ => Some((i, e)),
                })
                .map(|(i, _)| i)
        };
        let mut signals = detected
            .map(|i| results[i].1.signals.clone())
            .unwrap_or_default();
        let detected_lang = detected.map(|i| results[i].0.code.clone());
        let mut ranked: Vec<(Target, f32)> = Vec::with_capacity(best.len());
        let mut details: HashMap<Target, Detail> = HashMap::default();
        let mut probs_of: HashMap<Target, f32> = HashMap::default();
        let mut evidence: Vec<(Target, f32, f32)> = Vec::new();
        for (t, (s, d)) in best {
            match t {
                Target::Entry(_) => {
                    ranked.push((t, s));
                    details.insert(t, d);
                }
                Target::OutOfScope(_) => signals.out_of_scope = signals.out_of_scope.max(s),
                Target::SmallTalk(_) => {}
            }
        }
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| target_key(a.0).cmp(&target_key(b.0)))
        });
        // Another subject: the best entry's question names the network where this question
        // has a word of its own — a word that the next entries' questions do not have either
        // (else it is a question that mixes two entries: "Сколько участников в проектной
        // группе?").
        if let Some(d) = ranked.first().and_then(|(t, _)| details.get(t)) {
            let mut own = d.uncovered;
            for (t, _) in ranked.iter().skip(1).take(2) {
                if let Some(o) = details.get(t).filter(|o| o.lang == d.lang) {
                    own &= !o.covered;
                }
            }
            signals.other_subject = !signals.names_network && d.names_network && own != 0;
        }
        // The ranking: the model of the detected language, blended with the best-variant
        // scores ([`classify::BLEND`]).
        if let Some(k) = detected {
            let (li, r, _) = &results[k];
            let candidates: Vec<usize> = ranked
                .iter()
                .filter_map(|&(t, _)| match t {
                    Target::Entry(i) => Some(i),
                    _ => None,
                })
                .collect();
            let (probs, none) = li.classify(&r.words, &candidates);
            signals.none = none;
            let mut both: HashMap<usize, (f32, f32)> = HashMap::default();
            for &(t, s) in &ranked {
                if let Target::Entry(i) = t {
                    both.entry(i).or_default().0 = s;
                }
            }
            for (i, p) in probs {
                both.entry(i).or_default().1 = p;
            }
            evidence = both
                .iter()
                .map(|(&i, &(s, p))| (Target::Entry(i), s, p))
                .collect();
            ranked = both
                .into_iter()
                .map(|(i, (s, p))| {
                    // A question that is (nearly) one of the entry's own variants.
                    let p = if s >= classify::EXACT { p.max(s) } else { p };
                    (
                        Target::Entry(i),
                        classify::BLEND * s + (1.0 - classify::BLEND) * p,
                        p,
                    )
                })
                .filter(|&(_, b, _)| b > 0.0)
                .map(|(t, b, p)| {
                    if p > 0.0 {
                        probs_of.insert(t, p);
                    }
                    (t, b)
                })
                .collect();
            ranked.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then_with(|| target_key(a.0).cmp(&target_key(b.0)))
            });
            signals.best_prob = ranked
                .first()
                .and_then(|(t, _)| probs_of.get(t))
                .copied()
                .unwrap_or(0.0);
        }
        Matches {
            ranked,
            detected_lang,
            signals,
            evidence,
        }
    }
}

pub(super) fn target_key(t: Target) -> (u8, usize) {
    match t {
        Target::Entry(i) => (0, i),
        Target::SmallTalk(i) => (1, i),
        Target::OutOfScope(i) => (2, i),
    }
}

/// Letters only one language of a script uses (from its profile): evidence for it.
pub(super) fn letter_evidence(letters: &[char], query: &str) -> f32 {
    if !letters.is_empty() && query.chars().any(|c| letters.contains(&c)) {
        0.3
    } else {
        0.0
    }
}
