//! Building one language's index: folding and stemming with build-time caches, synonym
//! phrases, postings, word weights, and the stems that name the network.

use super::*;

/// Replaces runs of stems that form a synonym phrase by the phrase's joined token.
pub(super) fn collapse_phrases(
    phrases: &HashMap<String, Vec<(Vec<String>, String)>>,
    mut stems: Vec<(String, bool)>,
) -> Vec<(String, bool)> {
    if phrases.is_empty() || !stems.iter().any(|(s, _)| phrases.contains_key(s)) {
        return stems;
    }
    let mut out = Vec::with_capacity(stems.len());
    let mut i = 0;
    'outer: while i < stems.len() {
        if let Some(list) = phrases.get(&stems[i].0) {
            for (seq, joined) in list {
                if stems.len() - i >= seq.len()
                    && stems[i..i + seq.len()]
                        .iter()
                        .zip(seq)
                        .all(|((a, _), b)| a == b)
                {
                    out.push((joined.clone(), false));
                    i += seq.len();
                    continue 'outer;
                }
            }
        }
        // (Moved, not copied: each stem is looked at again only at a later index.)
        out.push(std::mem::take(&mut stems[i]));
        i += 1;
    }
    out
}

impl LangIndex {
    pub(super) fn build(
        code: &str,
        docs: &[Doc<'_>],
        analyzer: Analyzer,
        synonyms: &[SynonymGroup],
    ) -> LangIndex {
        let mut li = LangIndex {
            code: code.to_string(),
            script: analyzer.script(),
            analyzer,
            signs: Signs::default(),
            pronouns: HashSet::default(),
            pronoun_endings: Vec::new(),
            pronoun_elides: Vec::new(),
            pronoun_word: None,
            translit: None,
            tok_chars: Vec::new(),
            grams: HashMap::default(),
            by_letters: Vec::new(),
            by_ending: Vec::new(),
            idf: Vec::new(),
            max_idf: 1.0,
            postings: Vec::new(),
            toks: Vec::new(),
            variants: Vec::new(),
            targets: Vec::new(),
            context: Vec::new(),
            context_postings: Vec::new(),
            target_variants: Vec::new(),
            known_words: HashSet::default(),
            keyboard_words: HashMap::default(),
            raw_folds: HashMap::default(),
            view_words: HashMap::default(),
            skeletons: HashMap::default(),
            smalltalk: PhraseSet::new(),
            groups_of: HashMap::default(),
            groups: Vec::new(),
            syn_phrases: HashMap::default(),
            joined: HashMap::default(),
            in_oos: Vec::new(),
            self_stems: Vec::new(),
            self_bits: Vec::new(),
            other_names: Vec::new(),
            name_firsts: HashSet::default(),
            question_stems: HashSet::default(),
            stem_of: HashMap::default(),
            words: HashMap::default(),
            foreign_id: HashMap::default(),
            foreign_expansions: Vec::new(),
            vocab_grams: model::Lists::default(),
            foreign_grams: model::Lists::default(),
            vocab_id: HashMap::default(),
            expansions: Vec::new(),
            model: None,
            class_targets: Vec::new(),
            class_of_entry: HashMap::default(),
        };
        // Training texts of the model: (target, stems) of every question variant, title and
        // out-of-scope example.
        let mut training: Vec<(u32, Vec<u32>)> = Vec::new();
        let mut letters: Vec<(Script, usize)> = Vec::new();
        let mut cache = BuildCache::default();
        // Synonym groups first, so their phrases are joined in every text below.
        for g in synonyms {
            let mut members: Vec<u32> = Vec::new();
            for m in g.in_lang(code) {
                let folded = cache.fold(&li.analyzer, &m.text);
                li.mark_known(&mut cache, &folded);
                let seq = li.stem_seq(&mut cache, &folded);
                let id = match seq.len() {
                    0 => continue,
                    1 => seq[0],
                    _ => li.joined_token(&seq),
                };
                if !members.contains(&id) {
                    members.push(id);
                }
            }
            if members.len() < 2 {
                continue;
            }
            let gi = li.groups.len() as u32;
            for &m in &members {
                li.groups_of.entry(m).or_default().push(gi);
            }
            li.groups.push(members);
        }
        let mut tindex: HashMap<Target, u32> = HashMap::default();
        let mut is_oos: Vec<bool> = Vec::new();
        for d in docs.iter().filter(|d| d.lang == code) {
            if let Target::SmallTalk(i) = d.target {
                let toks = li.analyzer.folded_tokens(d.text);
                for t in &toks {
                    li.known_words.insert(t.clone());
                }
                li.smalltalk.add(toks, i);
                continue;
            }
            for (s, n) in script::counts(d.text) {
                match letters.iter_mut().find(|(t, _)| *t == s) {
                    Some((_, m)) => *m += n,
                    None => letters.push((s, n)),
                }
            }
            // Known words come from each line, stems from the whole text; answer texts are
            // long: analyse them line by line so no part is cut off.
            let ids = if d.context {
                let mut all: Vec<u32> = Vec::new();
                for line in d.text.lines() {
                    let folded = cache.fold(&li.analyzer, line);
                    li.mark_known(&mut cache, &folded);
                    for id in li.stems(&mut cache, &folded) {
                        if !all.contains(&id) {
                            all.push(id);
                        }
                    }
                }
                all
            } else if !d.text.contains('\n') {
                let folded = cache.fold(&li.analyzer, d.text);
                li.mark_known(&mut cache, &folded);
                li.stems(&mut cache, &folded)
            } else {
                for line in d.text.lines() {
                    let folded = cache.fold(&li.analyzer, line);
                    li.mark_known(&mut cache, &folded);
                }
                let folded = cache.fold(&li.analyzer, d.text);
                li.stems(&mut cache, &folded)
            };
            if ids.is_empty() {
                continue;
            }
            let oos = matches!(d.target, Target::OutOfScope(_));
            let next = li.targets.len() as u32;
            let ti = *tindex.entry(d.target).or_insert(next);
            if ti == next {
                li.targets.push(d.target);
                li.context.push(Vec::new());
                li.target_variants.push(Vec::new());
                is_oos.push(oos);
            }
            li.context[ti as usize].extend(ids.iter().copied());
            if oos {
                for &id in &ids {
                    li.in_oos[id as usize] = true;
                }
            }
            if d.context {
                continue;
            }
            training.push((ti, ids.clone()));
            let vi = li.variants.len() as u32;
            li.target_variants[ti as usize].push(vi);
            for &id in &ids {
                li.postings[id as usize].push(vi);
            }
            li.variants.push(Variant {
                target: ti,
                start: li.toks.len() as u32,
                len: ids.len() as u32,
                idf_sum: 0.0,
            });
            li.toks.extend_from_slice(&ids);
        }
        // The profile's script, else the script of most letters of the content (Latin
        // letters count half, as in queries).
        if li.script.is_none() {
            li.script = letters
                .iter()
                .map(|&(s, n)| (s, if s == Script::Latin { n } else { 2 * n }))
                .fold(None::<(Script, usize)>, |acc, (s, w)| match acc {
                    Some((_, aw)) if aw >= w => acc,
                    _ => Some((s, w)),
                })
                .map(|(s, _)| s);
        }
        for (ti, ctx) in li.context.iter_mut().enumerate() {
            ctx.sort_unstable();
            ctx.dedup();
            ctx.shrink_to_fit();
            if is_oos[ti] {
                continue;
            }
            for &id in ctx.iter() {
                li.context_postings[id as usize].push(ti as u32);
            }
        }
        let n = is_oos.iter().filter(|o| !**o).count().max(1) as f32;
        let idf_of = |df: usize| (1.0 + n / df.max(1) as f32).ln().powf(IDF_POWER);
        // Document frequency over entries = the entries whose context holds the stem; a
        // synonym group counts as one word (the union of its members' entries).
        li.idf = li
            .context_postings
            .iter()
            .map(|s| if s.is_empty() { 0.0 } else { idf_of(s.len()) })
            .collect();
        for members in &li.groups {
            let mut union: Vec<u32> = members
                .iter()
                .flat_map(|&m| li.context_postings[m as usize].iter().copied())
                .collect();
            union.sort_unstable();
            union.dedup();
            if union.is_empty() {
                continue;
            }
            let g = idf_of(union.len());
            for &m in members {
                let e = &mut li.idf[m as usize];
                // A word in several groups keeps its commonest reading.
                *e = if *e == 0.0 { g } else { e.min(g) };
            }
        }
        li.max_idf = li.idf.iter().copied().fold(0.0, f32::max).max(1e-3);
        // Stems no entry uses (out-of-scope examples only) weigh like unknown query words.
        let unknown = UNKNOWN_WEIGHT * li.max_idf;
        for w in li.idf.iter_mut().filter(|w| **w == 0.0) {
            *w = unknown;
        }
        for v in &mut li.variants {
            let toks = &li.toks[v.start as usize..(v.start + v.len) as usize];
            v.idf_sum = toks.iter().map(|&t| li.idf[t as usize]).sum();
        }
        li.find_self_stems(&mut cache, &is_oos);
        for f in &cache.folded {
            if let Some(sid) = f.stem
                && !li.analyzer.is_question_word(&f.text)
            {
                let stem = &cache.stem_vocab[sid as usize].0;
                li.stem_of.insert(f.text.clone(), stem.clone());
            }
        }
        li.expand_vocabulary();
        li.train(&training);
        li.toks.shrink_to_fit();
        li.variants.shrink_to_fit();
        li.postings.iter_mut().for_each(Vec::shrink_to_fit);
        li.context_postings.iter_mut().for_each(Vec::shrink_to_fit);
        li.target_variants.iter_mut().for_each(Vec::shrink_to_fit);
        li
    }

    /// Fills `vocab_id` and `expansions` (after the postings are complete).
    pub(super) fn expand_vocabulary(&mut self) {
        self.sort_fuzzy_stems();
        let mut shared = vec![0u8; self.tok_chars.len()];
        let mut touched = Vec::new();
        let mut expansions = Vec::with_capacity(self.tok_chars.len());
        for (id, chars) in self.tok_chars.iter().enumerate() {
            let q: String = chars.iter().collect();
            let ex = self.expand(chars, &q, &mut shared, &mut touched);
            let known = self.known(chars, &q, &ex);
            expansions.push((ex, known));
            if !q.contains(' ') {
                self.vocab_id.insert(q, id as u32);
            }
        }
        self.expansions = expansions;
    }

    /// What this language makes of the words (and stop words) of the other languages of
    /// its script, the query words it is most often asked to read without having them (a
    /// German question is read as Turkish and English too; one typed in Latin letters is
    /// also stemmed as Russian and Arabic, for names): their stems ([`Self::stem_cached`])
    /// where they are no words of its own, and [`Self::expand`] and [`Self::known`] of
    /// those stems that are no stems of its own — exactly what a query would make of them.
    pub(super) fn foreign(&self, all: &[LangIndex]) -> Foreign {
        let mut stems: Vec<(String, String)> = Vec::new();
        let mut keys: HashSet<String> = HashSet::default();
        for other in all {
            let same = self.script.is_some() && other.script == self.script;
            let typed = self.translit.is_some() && other.script == Some(Script::Latin);
            if std::ptr::eq(other, self) || !(same || typed) {
                continue;
            }
            for w in &other.known_words {
                if self.stem_of.contains_key(w) {
                    continue;
                }
                let s = self.analyzer.stem(w.clone());
                if same && !s.is_empty() && !s.contains(' ') && !self.vocab_id.contains_key(&s) {
                    keys.insert(s.clone());
                }
                stems.push((w.clone(), s));
            }
        }
        let mut keys: Vec<String> = keys.into_iter().collect();
        keys.sort_unstable();
        let mut shared = vec![0u8; self.tok_chars.len()];
        let mut touched = Vec::new();
        let mut ids = HashMap::default();
        let mut out = Vec::with_capacity(keys.len());
        for q in keys {
            let qc: Vec<char> = q.chars().collect();
            let ex = self.expand(&qc, &q, &mut shared, &mut touched);
            let known = self.known(&qc, &q, &ex);
            ids.insert(q, out.len() as u32);
            out.push((ex, known));
        }
        Foreign {
            stems,
            ids,
            expansions: out,
        }
    }

    /// Stems that the questions of most entries use: the network's own names.
    pub(super) fn find_self_stems(&mut self, cache: &mut BuildCache, is_oos: &[bool]) {
        let mut per_stem: HashMap<u32, usize> = HashMap::default();
        let mut entries = 0usize;
        for (ti, vs) in self.target_variants.iter().enumerate() {
            if is_oos[ti] || !matches!(self.targets[ti], Target::Entry(_)) || vs.is_empty() {
                continue;
            }
            entries += 1;
            let mut stems: Vec<u32> = vs
                .iter()
                .flat_map(|&v| {
                    self.variant_toks(&self.variants[v as usize])
                        .iter()
                        .copied()
                })
                .collect();
            stems.sort_unstable();
            stems.dedup();
            for s in stems {
                *per_stem.entry(s).or_default() += 1;
            }
        }
        let need = SELF_MIN_ENTRIES.max((SELF_SHARE * entries as f32).ceil() as usize);
        self.question_stems = self
            .analyzer
            .question_words()
            .map(|w| self.analyzer.stem(w.to_string()))
            .filter(|s| !s.is_empty())
            .collect();
        let question_ids: HashSet<u32> = cache
            .folded
            .iter()
            .filter(|f| self.analyzer.is_question_word(&f.text))
            .filter_map(|f| f.stem)
            .map(|sid| cache.stem_vocab[sid as usize].1)
            .collect();
        // Candidates only; [`Index::build_with`] keeps those that several languages share.
        self.set_self_stems(
            per_stem
                .into_iter()
                .filter(|&(s, n)| n >= need && !question_ids.contains(&s))
                .map(|(s, _)| s)
                .collect(),
        );
    }

    /// Sets [`LangIndex::self_stems`] (sorted) and their bit set.
    pub(super) fn set_self_stems(&mut self, mut stems: Vec<u32>) {
        stems.sort_unstable();
        self.self_bits = bits_of(&stems);
        self.self_stems = stems;
    }

    /// Is stem `id` a name of the network ([`LangIndex::self_stems`], looked up per query
    /// word and per best variant: one bit)?
    pub(super) fn is_self_stem(&self, id: u32) -> bool {
        has_bit(&self.self_bits, id)
    }

    /// The stems (as text) that name the network in this language's candidates.
    pub(super) fn self_candidates(&self) -> Vec<String> {
        self.self_stems
            .iter()
            .map(|&s| self.tok_chars[s as usize].iter().collect())
            .collect()
    }

    /// Keeps as names of the network the candidates in `names` (shared by several
    /// languages: "widunetz"), plus every member of a synonym group with one of them
    /// ("Netzwerk", "ağ", "сеть", "شبكة" next to "widunetz" in `faq/synonyms.toml`).
    pub(super) fn keep_self_stems(&mut self, names: &HashSet<String>) {
        let mut keep: HashSet<u32> = self
            .self_stems
            .iter()
            .copied()
            .filter(|&s| names.contains(&self.tok_chars[s as usize].iter().collect::<String>()))
            .collect();
        // The profile's nouns for the network.
        for (id, chars) in self.tok_chars.iter().enumerate() {
            if self
                .analyzer
                .is_network_stem(&chars.iter().collect::<String>())
            {
                keep.insert(id as u32);
            }
        }
        let named: Vec<u32> = keep.iter().copied().collect();
        for id in named {
            for &g in self.groups_of.get(&id).map(Vec::as_slice).unwrap_or(&[]) {
                keep.extend(self.groups[g as usize].iter().copied());
            }
        }
        self.set_self_stems(keep.into_iter().collect());
    }

    /// Adds folded tokens to the known words (each distinct token once).
    pub(super) fn mark_known(&mut self, cache: &mut BuildCache, folded: &[u32]) {
        for &f in folded {
            let entry = &mut cache.folded[f as usize];
            if !entry.known {
                entry.known = true;
                self.known_words.insert(entry.text.clone());
            }
        }
    }

    /// A new stem in the vocabulary (with bigrams unless it is a joined phrase).
    pub(super) fn new_stem(&mut self, stem: &str, fuzzy: bool) -> u32 {
        let id = self.tok_chars.len() as u32;
        let chars: Vec<char> = stem.chars().collect();
        if fuzzy {
            for (g, n) in grams_of(&chars) {
                let len = chars.len().min(u16::MAX as usize) as u16;
                self.grams.entry(g).or_default().entries.push((id, len, n));
            }
        }
        self.tok_chars.push(chars);
        self.postings.push(Vec::new());
        self.context_postings.push(Vec::new());
        self.in_oos.push(false);
        id
    }

    /// The token that stands for a synonym phrase of several stems.
    pub(super) fn joined_token(&mut self, seq: &[u32]) -> u32 {
        let parts: Vec<String> = seq
            .iter()
            .map(|&s| self.tok_chars[s as usize].iter().collect())
            .collect();
        let joined = parts.join(" ");
        if let Some(&id) = self.joined.get(&joined) {
            return id;
        }
        let id = self.new_stem(&joined, false);
        self.joined.insert(joined.clone(), id);
        let list = self.syn_phrases.entry(parts[0].clone()).or_default();
        list.push((parts, joined));
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        id
    }

    /// Vocabulary ids of the stems of folded tokens, in order, with filler phrases and stop
    /// words dropped (repeats kept); a stem gets its id on first use.
    pub(super) fn stem_seq(&mut self, cache: &mut BuildCache, folded: &[u32]) -> Vec<u32> {
        let mut drop: Vec<bool> = Vec::new();
        if folded
            .iter()
            .any(|&f| cache.folded[f as usize].starts_phrase)
        {
            let toks: Vec<String> = folded
                .iter()
                .map(|&f| cache.folded[f as usize].text.clone())
                .collect();
            drop = vec![false; toks.len()];
            for s in self.analyzer.filler_spans(&toks) {
                drop[s.start..s.end].iter_mut().for_each(|d| *d = true);
            }
        }
        let mut out: Vec<u32> = Vec::with_capacity(folded.len());
        for (k, &f) in folded.iter().enumerate() {
            if drop.get(k).copied().unwrap_or(false) {
                continue;
            }
            let Some(sid) = cache.folded[f as usize].stem else {
                continue;
            };
            let vid = cache.stem_vocab[sid as usize].1;
            let vid = if vid == u32::MAX {
                let stem = cache.stem_vocab[sid as usize].0.clone();
                let id = self.new_stem(&stem, true);
                cache.stem_vocab[sid as usize].1 = id;
                id
            } else {
                vid
            };
            out.push(vid);
        }
        out
    }

    /// Vocabulary ids of a text's stems as a query sees them: [`LangIndex::stem_seq`], synonym
    /// phrases joined, each stem once, in order.
    pub(super) fn stems(&mut self, cache: &mut BuildCache, folded: &[u32]) -> Vec<u32> {
        let seq = self.stem_seq(cache, folded);
        let seq: Vec<u32> = if self.syn_phrases.is_empty() {
            seq
        } else {
            let strs: Vec<(String, bool)> = seq
                .iter()
                .map(|&s| (self.tok_chars[s as usize].iter().collect(), false))
                .collect();
            let mut out = Vec::with_capacity(seq.len());
            let mut k = 0;
            for (s, _) in collapse_phrases(&self.syn_phrases, strs.clone()) {
                match self.joined.get(&s) {
                    Some(&j) if s.contains(' ') => {
                        out.push(j);
                        k += s.split(' ').count();
                    }
                    _ => {
                        out.push(seq[k]);
                        k += 1;
                    }
                }
            }
            out
        };
        let mut out: Vec<u32> = Vec::with_capacity(seq.len());
        for id in seq {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    pub(super) fn variant_toks(&self, v: &Variant) -> &[u32] {
        &self.toks[v.start as usize..(v.start + v.len) as usize]
    }
}

/// What [`LangIndex::foreign`] makes: stems for `stem_of`, and expansions with their keys.
pub(super) struct Foreign {
    stems: Vec<(String, String)>,
    ids: HashMap<String, u32>,
    expansions: Vec<Expansion>,
}

impl LangIndex {
    pub(super) fn add_foreign(&mut self, f: Foreign) {
        self.stem_of.extend(f.stems);
        // The language's own stop and question words (not stemmed for the index) are in
        // most questions, and the names of other subjects stem every word: their stems
        // too. (Only now: `foreign` skips words that have a stem here already.)
        let own: Vec<String> = self
            .known_words
            .iter()
            .filter(|w| !self.stem_of.contains_key(w.as_str()))
            .cloned()
            .collect();
        for w in own {
            let s = self.analyzer.stem(w.clone());
            self.stem_of.insert(w, s);
        }
        self.foreign_id = f.ids;
        self.foreign_expansions = f.expansions;
        if let Some(model) = &self.model {
            let mut keys: Vec<(&str, u32)> = Vec::with_capacity(self.foreign_id.len());
            keys.extend(self.foreign_id.iter().map(|(k, &i)| (k.as_str(), i)));
            keys.sort_unstable_by_key(|&(_, i)| i);
            self.foreign_grams = model::Lists::of(model, keys.into_iter().map(|(k, _)| k));
        }
    }
}
