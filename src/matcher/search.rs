//! The index of all languages: building it from the documents, and searching a query in
//! the languages of its script that may be detected (and the ones their writers mix in),
//! then ranking the entries with the model of the detected language.

use super::query::QueryWords;
use super::targets::{Scores, best_per_target, target_key};
use super::*;

impl Index {
    /// An index with the built-in language profiles and no synonyms.
    pub fn build(docs: &[Doc<'_>]) -> Index {
        Index::build_with(docs, &Profiles::builtin(), &[])
    }

    /// Sets the names of other organisations, offices and places ([`Signals::names_other`]):
    /// each in its language, and a name in Latin letters in every language (people write
    /// "Caritas" or "Jobcenter" in Latin letters whatever their language).
    pub fn set_other_names(&mut self, names: &[crate::content::lexicon::Phrase]) {
        let latin = |text: &str| {
            text.chars().filter(|c| c.is_alphabetic()).all(|c| {
                c.is_ascii_alphabetic() || matches!(c, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' | 'ß')
            })
        };
        for li in &mut self.langs {
            let stems = names
                .iter()
                .filter(|n| n.lang == li.code || latin(&n.text))
                .map(|n| li.name_stems(&n.text))
                .filter(|t| !t.is_empty())
                .collect();
            li.set_names(stems);
            // A place or organisation that many questions mention ("Herford") is no name of
            // the network.
            let named: HashSet<&str> = li
                .other_names
                .iter()
                .filter(|n| n.len() == 1)
                .map(|n| n[0].as_str())
                .collect();
            let tok_chars = &li.tok_chars;
            let mut stems = std::mem::take(&mut li.self_stems);
            stems.retain(|&s| {
                !named.contains(tok_chars[s as usize].iter().collect::<String>().as_str())
            });
            li.set_self_stems(stems);
        }
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
                    let translit = profiles.translit(code).cloned();
                    scope.spawn(move || {
                        let mut li = LangIndex::build(
                            code,
                            docs,
                            Analyzer::from_profile(&profile),
                            synonyms,
                        );
                        li.signs = Signs::from_profile(&profile);
                        li.set_pronouns(&profile.pronouns, &profile.pronoun_elides);
                        // A language without a script in its profile: its content's script.
                        li.signs.script = li.script;
                        li.translit = translit.filter(|_| li.script != Some(Script::Latin));
                        li.build_skeletons();
                        li
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect::<Vec<LangIndex>>()
        });
        let mut langs = langs;
        // Words only a language has next to the neighbour its writers mix in (detect.rs).
        let all: Vec<(String, Signs)> = langs
            .iter()
            .map(|li| (li.code.clone(), li.signs.clone()))
            .collect();
        for li in &mut langs {
            li.signs.set_own(all.iter().map(|(c, s)| (c.as_str(), s)));
        }
        // Known words as typed on a neighbour's keyboard (profile `keyboard`).
        let typed: Vec<HashMap<String, String>> = langs
            .iter()
            .map(|li| {
                let p = profiles.get(&li.code);
                let neighbours = langs.iter().filter(|o| p.mixes_with.contains(&o.code));
                li.keyboard_words(&p.keyboard, neighbours)
            })
            .collect();
        for (li, t) in langs.iter_mut().zip(typed) {
            li.keyboard_words = t;
        }
        // The query words' folds of the words of each language's script (after the
        // keyboard words, which are part of them), in parallel as above.
        let scripts: Vec<(String, Option<Script>)> = langs
            .iter()
            .map(|li| (li.code.clone(), li.script))
            .collect();
        std::thread::scope(|scope| {
            for li in &mut langs {
                let same: Vec<&str> = scripts
                    .iter()
                    .filter(|(_, s)| s.is_some() && *s == li.script)
                    .map(|(c, _)| c.as_str())
                    .collect();
                let latin: Vec<&str> = scripts
                    .iter()
                    .filter(|(_, s)| *s == Some(Script::Latin))
                    .map(|(c, _)| c.as_str())
                    .collect();
                scope.spawn(move || {
                    li.cache_raw_words(docs, &same);
                    li.cache_view_words(docs, &latin);
                });
            }
        });
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
        // The fuzzy matches of the other languages' words of each script, made once here
        // as for each language's own stems (every question is read in every language of
        // its script).
        let made = std::thread::scope(|scope| {
            let all = &langs;
            let handles: Vec<_> = all
                .iter()
                .map(|li| scope.spawn(move || li.foreign(all)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect::<Vec<_>>()
        });
        for (li, f) in langs.iter_mut().zip(made) {
            li.add_foreign(f);
            li.make_words();
        }
        Index { langs }
    }

    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| l.code.as_str())
    }

    /// [`Self::search_hinted`] without a hint.
    pub fn search(&self, query: &str) -> Matches {
        self.search_hinted(query, None)
    }

    /// Scores `query` against the languages of its script that may be detected, and, for a
    /// query in Latin letters, against the languages with a transliteration table (Russian
    /// and Arabic typed in Latin letters, [`crate::lang::translit`]). Detection:
    /// [`crate::lang::detect`]; `hint` (the person's client language) breaks thin ties.
    pub fn search_hinted(&self, query: &str, hint: Option<&str>) -> Matches {
        // The languages of the dominant script, and of any other script with at least a third
        // of its weight ("ما هي Kerngruppe؟" is Arabic with a German word in it).
        let scripts = detect::scripts(query);
        if scripts.is_empty() {
            return Matches::default();
        }
        let text = detect::Text::new(query);
        let evidence = |top: f32, known: f32, signs: f32| 0.5 * top + 0.5 * known + signs;
        let evidence_of = |r: &LangResult, signs: f32| {
            let top = r.top_entry();
            let small = if r.signals.smalltalk.is_some() && r.signals.content_words == 0 {
                1.0
            } else {
                0.0
            };
            evidence(top.max(small), r.known, signs)
        };
        // (language, its result, evidence, read through a transliteration view)
        let mut results: Vec<(usize, LangResult, f32, bool)> = Vec::new();
        // Every language of the question's script reads it (folds it, its known share, its
        // signs: cheap); its evidence is at most that of a best score of 1 (as for the
        // transliteration views below). Scoring is most of the work: the languages are
        // scored in the order of their bounds, and a language whose bound stays more than
        // `THIN` below the best evidence scored so far can neither win nor be picked in a
        // tie, and is not scored: its bound stands in for its evidence (changing neither
        // the pick nor the best evidence), and its variants do not compete in the ranking
        // (a German question's best variant is German, not the English one that shares its
        // loanwords).
        let mut words = QueryWords::new(query);
        let mut own: Vec<Reading> = Vec::new();
        for (lang, li) in self.langs.iter().enumerate() {
            if li.script.is_some_and(|s| scripts.contains(&s)) {
                let folded = li.fold_query(&mut words);
                let (known, looked) = li.known_share(&folded.0);
                let signs = li.signs.evidence(&text);
                own.push(Reading {
                    lang,
                    folded,
                    looked,
                    known,
                    signs,
                    bound: evidence(1.0, known, signs),
                    scored: None,
                });
            }
        }
        let score = |r: &mut Reading| {
            let result =
                self.langs[r.lang].search(std::mem::take(&mut r.folded), &r.looked, r.known, None);
            let e = evidence_of(&result, r.signs);
            r.scored = Some((result, e));
            e
        };
        let mut order: Vec<usize> = (0..own.len()).collect();
        // (A stable sort: equal bounds in the languages' order.)
        order.sort_by(|&a, &b| own[b].bound.total_cmp(&own[a].bound));
        let mut best_scored = f32::NEG_INFINITY;
        for k in order {
            if best_scored - own[k].bound <= detect::THIN {
                best_scored = best_scored.max(score(&mut own[k]));
            }
        }
        // A question that a language of its script reads as (nearly) one of its own
        // questions (a best score of at least `classify::EXACT`, as the ranking below calls
        // it) is that language's: it is read neither by a neighbour (below) nor through a
        // transliteration view. (Most of the work of a Ukrainian, Persian or Latin-script
        // question was these readings, which then changed nothing.)
        let exact = own.iter().any(|o| {
            o.scored
                .as_ref()
                .is_some_and(|(r, _)| r.top_entry() >= classify::EXACT)
        });
        // Writers who mix in a neighbour's words (`mixes_with`: Ukrainian with Russian) may
        // have written the neighbour's variant of the question ("номер телефону або имейл"):
        // the neighbours of a scored language compete in the ranking too (their evidence,
        // at most their bound, changes no pick).
        // The hinted language is read when its writers mix in a scored language's words:
        // it may win over that one (`detect::pick`).
        for k in 0..own.len() {
            let li = &self.langs[own[k].lang];
            let code = li.code.as_str();
            let neighbour = own
                .iter()
                .any(|o| o.scored.is_some() && self.langs[o.lang].signs.mixes_in(code));
            let hinted = hint.is_some_and(|h| detect::base(h).eq_ignore_ascii_case(code))
                && own
                    .iter()
                    .any(|o| o.scored.is_some() && li.signs.mixes_in(&self.langs[o.lang].code));
            if own[k].scored.is_none() && (!exact && neighbour || hinted) {
                score(&mut own[k]);
            }
        }
        for o in own {
            let (r, e) = o
                .scored
                .unwrap_or_else(|| (LangResult::empty(o.known), o.bound));
            results.push((o.lang, r, e, false));
        }
        // A question whose every word a language of its own script knows ("Evaluation",
        // "Arbeitsgruppen") is no chat spelling of another language: transliteration views
        // only for questions with words of their own (nor for a question read as one of its
        // own language's, `exact` above).
        let all_known = exact || results.iter().any(|(_, r, _, _)| r.known >= 1.0);
        // A view counts only when it is detected (see below). Its evidence is at most that
        // of a best score of 1 (scores are clamped to [0, 1]; every step of `evidence` is
        // monotone in floats too): a view that stays more than `THIN` below the best own
        // script's language even so can neither win nor be picked in a tie, and is not
        // scored (its bound stands in for its evidence, changing neither the pick nor the
        // best evidence the hint is measured against).
        let own_best = results
            .iter()
            .map(|(_, _, e, _)| *e)
            .fold(f32::NEG_INFINITY, f32::max);
        for (li_index, li) in self.langs.iter().enumerate() {
            if all_known || li.script.is_some_and(|s| scripts.contains(&s)) {
                continue;
            }
            if let Some(table) = li
                .translit
                .as_ref()
                .filter(|_| scripts.contains(&Script::Latin))
            {
                let (view, base) = li.view_tokens(table, query);
                if view == query {
                    continue;
                }
                // A reading competes only when it makes at least one real word of the
                // language: Latin nonsense ("xqzv plmk") read as Arabic letters matches
                // variants by typo tolerance alone and must not claim the question.
                // (`fold_phrases` gives the tokens as they are when no fold starts in them:
                // then they are not copied for the lower-case reading below.)
                let (folded, base) = if base.iter().any(|t| li.analyzer.starts_phrase_fold(t)) {
                    (li.analyzer.fold_phrases(base.clone()), Some(base))
                } else {
                    (base, None)
                };
                let real = folded
                    .iter()
                    .any(|w| !w.is_ascii() && li.known_words.contains(w));
                if !real {
                    continue;
                }
                // (Before the lower-case reading below, which only the scoring needs.)
                let (known, looked) = li.known_share(&folded);
                // The signs are at most `MAX_EVIDENCE` (and the bound grows with them): a
                // view below the best by more than `THIN` even so is not read for its signs.
                // Its evidence is never the best nor tied with it, so which of the two
                // bounds stands in for it changes no pick.
                let most = TRANSLIT_SHARE * evidence(1.0, known, detect::MAX_EVIDENCE);
                if own_best - most > detect::THIN {
                    results.push((li_index, LangResult::empty(0.0), most, true));
                    continue;
                }
                let signs = li.signs.evidence(&detect::Text::new(&view));
                let bound = TRANSLIT_SHARE * evidence(1.0, known, signs);
                if own_best - bound > detect::THIN {
                    results.push((li_index, LangResult::empty(0.0), bound, true));
                    continue;
                }
                // Chat spelling is mostly typed in lower case, names mostly with a capital
                // ("kam 3odw fi el DRK"): an unknown word read from a lower-case word is a
                // word the table read wrongly, not a name (see `Signals::foreign_names`).
                // (Read in context without the capitalised words: the article and one-letter
                // prepositions join the next word, "bi ejtima3at" is one word.)
                let lower_words: Vec<&str> = query
                    .split_whitespace()
                    .filter(|w| !w.chars().any(char::is_uppercase))
                    .collect();
                let lower_text = lower_words.join(" ");
                // (A message all in lower case, single-spaced, is its own lower-case part.)
                let lower = if lower_text == query {
                    base.as_ref().unwrap_or(&folded).iter().cloned().collect()
                } else {
                    li.view_tokens(table, &lower_text).1.into_iter().collect()
                };
                let r = li.search((folded, lower), &looked, known, Some(query));
                let e = evidence_of(&r, signs);
                results.push((li_index, r, TRANSLIT_SHARE * e, true));
            }
        }
        let picks: Vec<(&str, f32)> = results
            .iter()
            .map(|(i, _, e, _)| (self.langs[*i].code.as_str(), *e))
            .collect();
        let lang = |a: &str| self.langs.iter().find(|l| l.code == a);
        let mixes = |a: &str, b: &str| lang(a).is_some_and(|l| l.signs.mixes_in(b));
        let detected = if results.len() == 1 {
            Some(0)
        } else {
            detect::pick(&picks, hint, mixes)
        };
        // The language the text alone reads as, where the hint decided otherwise (a Russian
        // question from a person whose Telegram speaks Ukrainian): offered as a button.
        let written_lang = (results.len() > 1 && hint.is_some())
            .then(|| detect::pick(&picks, None, mixes))
            .flatten()
            .filter(|&k| Some(k) != detected)
            .map(|k| self.langs[results[k].0].code.clone());
        // Another language the question may be in: a language whose writers mix in the
        // detected one's words and type on its keyboard (profile `mixes_with`, and spellings
        // of its words from `keyboard`: Ukrainian on a Russian keyboard has no і ї є ґ), when
        // the text shows none of the detected language's distinctive letters (ы э ъ ё) — or
        // shows the neighbour's too (a mixed spelling) — and no client language names
        // either («скока там членов в сети?», «там же есть робочі групи?»). Offered as a
        // button: a Ukrainian who types Russian words and whose Telegram speaks neither gets
        // the Ukrainian answer with one tap. (Not the other way: a Ukrainian answer hurts no
        // Russian reader.) The neighbour first: most languages have none, and then the text
        // is not read.
        let undecided_lang = detected.filter(|&k| !results[k].3).and_then(|k| {
            let d = &self.langs[results[k].0];
            let named = |c: &str| hint.is_some_and(|h| detect::base(h).eq_ignore_ascii_case(c));
            let o = results
                .iter()
                .map(|(j, _, _, view)| (&self.langs[*j], *view))
                .find(|&(o, view)| {
                    !view && o.signs.mixes_in(&d.code) && !o.keyboard_words.is_empty()
                })
                .map(|(o, _)| o)?;
            let told = named(&d.code) || named(&o.code);
            let russian_only = d.signs.tells(&text) && !o.signs.tells(&text);
            (!told && !russian_only).then(|| o.code.clone())
        });
        // Scores of a transliteration view count only when its language is the one
        // detected: a German or Turkish question read as Russian must find no Russian variant.
        let counted = |k: usize| !results[k].3 || detected == Some(k);
        // Per target its best score and that variant's detail: every counted score, in
        // the order of the results and their scores, sorted by target (its key, then that
        // order: a stable sort), each target's run folded as a map entry was (a first
        // score 0, replaced by a strictly greater one). Sorted by target, so a target's
        // detail is a binary search.
        let counted_scores: Vec<(usize, Scores<'_>)> = (0..results.len())
            .filter(|&k| counted(k))
            .map(|k| (results[k].0, results[k].1.scores.as_slice()))
            .collect();
        let best = best_per_target(&counted_scores);
        let details = |t: Target| {
            best.binary_search_by_key(&target_key(t), |e| target_key(e.0))
                .ok()
                .map(|i| &best[i].2)
        };
        // The reading that understands the question: the detected language's, or that of a
        // language its writers mix in (`mixes_with`) whose reading knows more of the
        // question's words (a Ukrainian question in Russian words, «скока членов в сети», is
        // answered in Ukrainian but understood by the Russian reading, which knows them).
        let reader = detected.map(|k| {
            let (li, r) = (&self.langs[results[k].0], &results[k].1);
            results
                .iter()
                .enumerate()
                .filter(|(_, (j, rj, _, view))| {
                    !view
                        && !rj.words.is_empty()
                        && rj.known > r.known
                        && li.signs.mixes_in(&self.langs[*j].code)
                })
                .max_by(|a, b| a.1.1.known.total_cmp(&b.1.1.known))
                .map_or(k, |(j, _)| j)
        });
        let mut signals = reader
            .map(|i| results[i].1.signals.clone())
            .unwrap_or_default();
        let detected_lang = detected.map(|i| self.langs[results[i].0].code.clone());
        let mut ranked: Vec<(Target, f32)> = Vec::with_capacity(best.len());
        let mut evidence: Vec<(Target, f32, f32)> = Vec::new();
        for &(t, s, _) in &best {
            match t {
                Target::Entry(_) => ranked.push((t, s)),
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
        if let Some(d) = ranked.first().and_then(|&(t, _)| details(t)) {
            let mut own = d.uncovered;
            for (t, _) in ranked.iter().skip(1).take(2) {
                if let Some(o) = details(*t).filter(|o| o.lang == d.lang) {
                    own &= !o.covered;
                }
            }
            // Nor a word the best entry's other questions or its answer use ("Wer gibt dem
            // Projekt Geld?": the funding answer is about the project): that is its subject.
            if let (Some(&(Target::Entry(e), _)), Some((_, r, _, _))) = (
                ranked.first(),
                results.iter().find(|(j, _, _, _)| *j == d.lang),
            ) {
                own &= !self.langs[d.lang].entry_uses(e, &r.words);
            }
            signals.other_subject =
                !signals.names_network && !signals.refers_back && d.names_network && own != 0;
            // Read through a transliteration view, a word of its own is mostly a chat word
            // the table read wrongly; only a name (a capitalised unknown word) counts.
            if detected.is_some_and(|k| results[k].3) && signals.foreign_names == 0 {
                signals.other_subject = false;
            }
        }
        // The ranking: the model of the detected language, blended with the best-variant
        // scores ([`classify::BLEND`]).
        if let Some(k) = detected {
            let r = &results[k].1;
            let candidates: Vec<usize> = ranked
                .iter()
                .filter_map(|&(t, _)| match t {
                    Target::Entry(i) => Some(i),
                    _ => None,
                })
                .collect();
            // The model of the reading that understands the question (`reader`).
            let j = reader.unwrap_or(k);
            let (model, words) = (&self.langs[results[j].0], &results[j].1.words);
            let (probs, none) = model.classify(words, &candidates);
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
            // (Each with its probability, sorted, instead of a map of the positive ones.)
            let mut blended: Vec<(Target, f32, f32)> = both
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
                .collect();
            blended.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then_with(|| target_key(a.0).cmp(&target_key(b.0)))
            });
            signals.best_prob = blended
                .first()
                .map(|&(_, _, p)| p)
                .filter(|&p| p > 0.0)
                .unwrap_or(0.0);
            ranked = blended.into_iter().map(|(t, b, _)| (t, b)).collect();
            // A name of another subject: does the best entry's best question have it too?
            if signals.names_other.is_some() {
                let covered = ranked
                    .first()
                    .and_then(|&(t, _)| details(t))
                    .filter(|d| d.lang == results[k].0)
                    .map_or(0, |d| d.covered);
                let bits: Vec<usize> = r
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(_, (stem, _))| r.names.contains(stem))
                    .map(|(i, _)| i)
                    .collect();
                signals.names_other = Some(bits.iter().any(|&i| i < 64 && covered & (1 << i) != 0));
            }
        }
        Matches {
            ranked,
            detected_lang,
            written_lang,
            undecided_lang,
            signals,
            evidence,
        }
    }
}

/// A language's reading of a question of its script, before it is scored.
struct Reading<'a> {
    /// Index into [`Index::langs`].
    lang: usize,
    /// [`LangIndex::fold_query`].
    folded: (Vec<String>, HashSet<String>),
    /// The folded tokens' entries in the language's words ([`LangIndex::known_share`]).
    looked: Vec<Option<&'a words::Word>>,
    known: f32,
    /// [`detect::Signs::evidence`].
    signs: f32,
    /// Its evidence with a best score of 1: at least its evidence.
    bound: f32,
    /// Its result and evidence, once scored.
    scored: Option<(LangResult, f32)>,
}
