//! Reading a query in one language: small talk and filler, query stems, fuzzy expansion
//! and synonyms, language evidence.

use super::*;
use std::borrow::Cow;

/// What the readings of one query in every language of its script share: its
/// white-space-separated words, which of them are written in lower case by someone who
/// writes capitals ([`LangIndex::lower_case_words`]), and the words' folds up to the German
/// digraphs ([`crate::text::fold_before_digraphs`]), each made at most once per apostrophe
/// rule (German and Turkish, Russian and Ukrainian, Arabic and Persian fold alike up to
/// there), and only for a word some language has not cached ([`LangIndex::raw_folds`]).
pub(super) struct QueryWords<'q> {
    pub(super) query: &'q str,
    words: Vec<&'q str>,
    lower_case: Vec<bool>,
    /// Index: `apostrophe_suffixes as usize`; per word (empty until first needed).
    folds: [Vec<Option<String>>; 2],
}

impl<'q> QueryWords<'q> {
    pub(super) fn new(query: &'q str) -> Self {
        let words = white_words(query);
        let has_upper = if query.is_ascii() {
            query.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            query.chars().any(char::is_uppercase)
        };
        let lower_case = words
            .iter()
            .map(|w| has_upper && lower_case_word(w))
            .collect();
        QueryWords {
            query,
            words,
            lower_case,
            folds: [Vec::new(), Vec::new()],
        }
    }

    /// The fold of word `i` up to the German digraphs.
    fn fold(&mut self, i: usize, apostrophe_suffixes: bool) -> &str {
        let folds = &mut self.folds[apostrophe_suffixes as usize];
        if folds.is_empty() {
            *folds = (0..self.words.len()).map(|_| None).collect();
        }
        let w = self.words[i];
        folds[i].get_or_insert_with(|| crate::text::fold_before_digraphs(w, apostrophe_suffixes))
    }
}

/// `text.split_whitespace()`, collected: read byte by byte, only the lead bytes of the
/// non-ASCII white space (U+0085 … U+3000) decoded (`white_words_are_split_whitespace`).
pub(super) fn white_words(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(8);
    let (mut i, mut start) = (0, None::<usize>);
    while i < b.len() {
        // The white space's length in bytes at `i` (0: none), and the character's.
        let (white, len) = match b[i] {
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ' => (1, 1),
            0..=0x7f => (0, 1),
            0xc2 | 0xe1 | 0xe2 | 0xe3 => match text[i..].chars().next() {
                Some(c) if c.is_whitespace() => (c.len_utf8(), c.len_utf8()),
                Some(c) => (0, c.len_utf8()),
                None => (0, 1),
            },
            _ => (0, 1),
        };
        if white > 0 {
            if let Some(s) = start.take() {
                out.push(&text[s..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Is the word written in lower case: it has a letter ([`crate::text::is_alphabetic`]) and
/// every letter is lower case (byte by byte for an ASCII word: its letters are `a-z A-Z`).
pub(super) fn lower_case_word(w: &str) -> bool {
    if w.is_ascii() {
        return w.bytes().any(|b| b.is_ascii_alphabetic())
            && !w.bytes().any(|b| b.is_ascii_uppercase());
    }
    let letters = || w.chars().filter(|c| crate::text::is_alphabetic(*c));
    letters().next().is_some() && letters().all(char::is_lowercase)
}

impl LangIndex {
    /// Scores per target, the share of query words known in this language (`known`, its
    /// [`Self::known_share`]), and signals, from the folded tokens and the words written in
    /// lower case ([`Self::fold_query`]; for a transliteration view, whose letters have no
    /// case, see [`Self::lower_case_words`]), and for a view the text as typed (names of
    /// other subjects are looked for in it too: "Ausländerbehörde" read as Arabic letters is
    /// no name any more).
    ///
    /// Small talk found in the message is matched two ways: left out (a greeting around a
    /// question), and kept (a small-talk phrase inside a question: "wie funktioniert das
    /// Netzwerk?"); the reading with the better best entry wins, ties go to keeping it.
    pub(super) fn search(
        &self,
        (folded, lower): (Vec<String>, HashSet<String>),
        looked: &[Option<&words::Word>],
        known: f32,
        typed: Option<&str>,
    ) -> LangResult {
        // The stem of every folded word, for the names of other subjects and for the query
        // stems below (which would stem the same words again).
        // (Borrowed from the index where it has them: no copy per word.)
        let stems: Vec<Cow<'_, str>> = if self.other_names.is_empty() {
            Vec::new()
        } else {
            folded
                .iter()
                .zip(looked)
                .map(|(t, &w)| self.stem_of_word(t, w))
                .collect()
        };
        let typed_stems: Vec<String> = match typed {
            Some(t) if !self.other_names.is_empty() => self.name_stems(t),
            _ => Vec::new(),
        };
        let names = self.names_in(&stems, &typed_stems);
        let mut filler = vec![false; folded.len()];
        for s in self.analyzer.filler_spans(&folded) {
            filler[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        // The "you" of a politeness formula ("could you help me") asks the bot, not about
        // the network.
        let mut signals = Signals {
            names_network: folded
                .iter()
                .zip(&filler)
                .zip(looked)
                .any(|((t, &f), &w)| !f && self.addressee_of(t, w)),
            names_other: None,
            refers_back: looked
                .iter()
                .zip(&filler)
                .any(|(&w, &f)| !f && words::pronoun_of(w)),
            ..Signals::default()
        };
        if !names.is_empty() {
            signals.names_other = Some(false);
        }
        let small = self.smalltalk.find_fuzzy(&folded);
        // The longest small-talk phrase decides the kind (ties: the later one), so "Hallo,
        // wer bist du?" is "who" and "Danke, tschüss" is "bye".
        signals.smalltalk = small
            .iter()
            .fold(None::<(usize, usize)>, |acc, s| {
                let n = s.end - s.start;
                match acc {
                    Some((_, an)) if an > n => acc,
                    _ => Some((s.phrase, n)),
                }
            })
            .map(|(p, _)| self.smalltalk.tag(p));
        let mut without = filler.clone();
        for s in &small {
            without[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        let (qtoks, content) = self.query_stems(&folded, looked, &stems, &without, &lower);
        signals.content_words = content;
        if signals.smalltalk.is_some() && content == 0 {
            // Only small talk: nothing to match.
            return LangResult {
                scores: Vec::new(),
                known,
                signals,
                words: Vec::new(),
                names,
            };
        }
        let view = typed.is_some();
        let mark = |mut q: Vec<QueryStem>| {
            if view {
                q.iter_mut().for_each(|t| t.misread = t.lower);
            }
            q
        };
        let qtoks = mark(qtoks);
        // The fuzzy matches of words the index has not seen, made once for both readings.
        let mut own = Vec::new();
        let mut result = self.score(qtoks, signals.clone(), &mut own);
        if !small.is_empty() {
            let (all, content) = self.query_stems(&folded, looked, &stems, &filler, &lower);
            let all = mark(all);
            let mut kept = signals;
            kept.smalltalk = None;
            kept.content_words = content;
            let kept = self.score(all, kept, &mut own);
            let top = |r: &Scored| {
                r.0.iter()
                    .filter(|(t, _, _)| matches!(t, Target::Entry(_)))
                    .map(|&(_, s, _)| s)
                    .fold(0.0f32, f32::max)
            };
            if top(&kept) >= top(&result) {
                result = kept;
            }
        }
        let (scores, signals, words) = result;
        LangResult {
            scores,
            known,
            signals,
            words,
            names,
        }
    }

    /// The names of other subjects ([`LangIndex::other_names`]) that `stems` or `typed`
    /// have, in their order there, flattened. The names are sorted, so those that start
    /// with a stem are one range, found by binary search (instead of every name against
    /// every window).
    pub(super) fn names_in<S: AsRef<str>>(&self, stems: &[S], typed: &[String]) -> Vec<String> {
        let all = &self.other_names;
        let mut hits: Vec<usize> = Vec::new();
        fn first(n: &[String]) -> Option<&str> {
            n.first().map(String::as_str)
        }
        for s in stems
            .iter()
            .map(AsRef::as_ref)
            .chain(typed.iter().map(String::as_str))
        {
            if !self.name_firsts.contains(s) {
                continue;
            }
            let from = all.partition_point(|n| first(n) < Some(s));
            let to = from + all[from..].partition_point(|n| first(n) == Some(s));
            hits.extend(from..to);
        }
        hits.sort_unstable();
        hits.dedup();
        hits.into_iter()
            .map(|i| &all[i])
            .filter(|n| {
                stems
                    .windows(n.len())
                    .any(|w| w.iter().map(AsRef::as_ref).eq(n.iter().map(String::as_str)))
                    || typed.windows(n.len()).any(|w| w == n.as_slice())
            })
            .flatten()
            .cloned()
            .collect()
    }

    /// Sets [`Self::other_names`] (sorted, each once) and their first stems.
    pub(super) fn set_names(&mut self, mut names: Vec<Vec<String>>) {
        names.sort();
        names.dedup();
        self.name_firsts = names.iter().filter_map(|n| n.first().cloned()).collect();
        self.other_names = names;
    }

    /// The share of the folded tokens this language knows ([`LangResult::known`]), and
    /// each token's entry in [`Self::words`] (looked up once here for [`Self::search`]).
    pub(super) fn known_share<'a>(
        &'a self,
        folded: &[String],
    ) -> (f32, Vec<Option<&'a words::Word>>) {
        let looked: Vec<Option<&words::Word>> =
            folded.iter().map(|t| self.words.get(t.as_str())).collect();
        if folded.is_empty() {
            return (0.0, looked);
        }
        let known = looked.iter().filter(|&&w| words::known_of(w)).count();
        (known as f32 / folded.len() as f32, looked)
    }

    /// The stems of every folded word of `text`, stop words included: how names of other
    /// subjects are compared ("ауслендерки" is "ауслендерка").
    pub(super) fn name_stems(&self, text: &str) -> Vec<String> {
        self.analyzer
            .folded_tokens(text)
            .iter()
            .map(|t| self.stem_cached(t))
            .collect()
    }

    /// The stem of a folded word ([`Analyzer::stem`]): the content's words were stemmed
    /// when the index was built (`stem_of`), and the stemmer allocates on every call.
    pub(super) fn stem_cached(&self, t: &str) -> String {
        self.stem_ref(t).into_owned()
    }

    /// [`Self::stem_cached`], borrowed from the index where it has the stem.
    pub(super) fn stem_ref(&self, t: &str) -> Cow<'_, str> {
        self.stem_of_word(t, self.words.get(t))
    }

    /// [`Self::stem_ref`] of `t` with its entry in [`Self::words`] (`word`) looked up.
    pub(super) fn stem_of_word<'a>(
        &'a self,
        t: &str,
        word: Option<&'a words::Word>,
    ) -> Cow<'a, str> {
        match word.and_then(|w| w.stem.as_ref()) {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(self.analyzer.stem(t.to_string())),
        }
    }

    /// The folded tokens of a query ([`Analyzer::folded_tokens`]) and its
    /// [`LangIndex::lower_case_words`], folding each word once: steps 1–6 and one-word folds
    /// work within white-space-separated words (see [`super::cache::BuildCache`]), so for a
    /// query within the caps the words' tokens, joined, are the query's. A word of the
    /// language's texts is looked up ([`Self::raw_folds`]) instead of folded.
    pub(super) fn fold_query(&self, words: &mut QueryWords<'_>) -> (Vec<String>, HashSet<String>) {
        let query = words.query;
        let whole = || {
            (
                self.analyzer.folded_tokens(query),
                self.lower_case_words(query),
            )
        };
        if query.len() > crate::text::MAX_CHARS && query.chars().count() > crate::text::MAX_CHARS {
            return whole();
        }
        let apostrophe_suffixes = self.analyzer.folding().apostrophe_suffixes;
        // (Sized once: a word is mostly one token; growing a set rehashes it.)
        let n_lower = words.lower_case.iter().filter(|&&l| l).count();
        let mut base = Vec::with_capacity(words.words.len());
        let mut lower = HashSet::with_capacity_and_hasher(n_lower, Default::default());
        let mut raw = 0;
        for i in 0..words.words.len() {
            // (A cached word's tokens are copied into the query's, not first into a list; a
            // word folded here gives its tokens.)
            let (n, word) = match self.raw_folds.get(words.words[i]) {
                Some((n, word)) => (*n, Cow::Borrowed(word.as_slice())),
                None => {
                    let (n, word) = self.fold_raw_word(words.fold(i, apostrophe_suffixes));
                    (n, Cow::Owned(word))
                }
            };
            raw += n;
            if raw > crate::text::MAX_TOKENS {
                // The query's own token cap cuts in: fold it whole.
                return whole();
            }
            if words.lower_case[i] {
                lower.extend(word.iter().take(crate::text::MAX_TOKENS).cloned());
            }
            match word {
                Cow::Borrowed(word) => base.extend(word.iter().cloned()),
                Cow::Owned(word) => base.extend(word),
            }
        }
        base.truncate(crate::text::MAX_TOKENS);
        (self.analyzer.fold_phrases(base), lower)
    }

    /// One white-space-separated word of a query, folded up to the German digraphs
    /// (`fold`), made into this language's folded words ([`Self::fold_query`]): its number
    /// of tokens (for the token cap) and the words, after one-word folds, keyboard
    /// spellings and pronoun endings.
    pub(super) fn fold_raw_word(&self, fold: &str) -> (usize, Vec<String>) {
        let toks = if self.analyzer.folding().digraphs {
            crate::text::tokens(&crate::text::latin::german_digraphs(fold))
        } else {
            crate::text::tokens(fold)
        };
        let n = toks.len();
        let mut word = Vec::new();
        for t in toks {
            self.analyzer.fold_word(t, &mut word);
        }
        // A word typed on a neighbour's keyboard («хотили») is the word it stands for.
        if !self.keyboard_words.is_empty() {
            for w in &mut word {
                if let Some(meant) = self.keyboard_words.get(w.as_str()) {
                    w.clone_from(meant);
                }
            }
        }
        // A pronoun written onto a word the texts use without it («هدفش», its goal) is
        // that word and the pronoun («هدف آن»).
        if let Some(pronoun) = self.pronoun_word.as_ref() {
            let mut k = 0;
            while k < word.len() {
                match self.pronoun_stem(&word[k]) {
                    Some(stem) => {
                        word[k] = stem;
                        word.insert(k + 1, pronoun.clone());
                        k += 2;
                    }
                    None => k += 1,
                }
            }
        }
        (n, word)
    }

    /// Fills [`Self::raw_folds`] with the words of the questions, titles, small talk and
    /// out-of-scope examples (not answers: queries seldom use their words) of the languages
    /// `langs` (this one's script: each reads every question of it). Only once the index is
    /// complete: keyboard spellings and pronoun endings are part of the fold.
    pub(super) fn cache_raw_words(&mut self, docs: &[Doc<'_>], langs: &[&str]) {
        let apostrophe_suffixes = self.analyzer.folding().apostrophe_suffixes;
        let mut cache: HashMap<String, (usize, Vec<String>)> = HashMap::default();
        for d in docs
            .iter()
            .filter(|d| langs.contains(&d.lang) && !d.context)
        {
            for w in d.text.split_whitespace() {
                if !cache.contains_key(w) {
                    let fold = crate::text::fold_before_digraphs(w, apostrophe_suffixes);
                    cache.insert(w.to_string(), self.fold_raw_word(&fold));
                }
            }
        }
        self.raw_folds = cache;
    }

    /// Folded words that the writer put in lower case although the message has capitals
    /// elsewhere (empty for scripts without case and for all-lower-case messages).
    pub(super) fn lower_case_words(&self, query: &str) -> HashSet<String> {
        let mut out = HashSet::default();
        if !query.chars().any(char::is_uppercase) {
            return out;
        }
        for w in query.split_whitespace() {
            let letters = || w.chars().filter(|c| crate::text::is_alphabetic(*c));
            if letters().next().is_some() && letters().all(char::is_lowercase) {
                out.extend(self.analyzer.base_tokens(w));
            }
        }
        out
    }

    /// Stems of the folded tokens not `skip`ped, stop words left out, synonym phrases
    /// joined, each once, with "is a question word"; and the number of content words.
    /// `looked`: each folded token's entry in [`Self::words`]; `stems`: the stem of each
    /// folded token if already made, else empty.
    pub(super) fn query_stems(
        &self,
        folded: &[String],
        looked: &[Option<&words::Word>],
        stems: &[Cow<'_, str>],
        skip: &[bool],
        lower: &HashSet<String>,
    ) -> (Vec<QueryStem>, usize) {
        let mut content = 0;
        let mut qstems: Vec<(String, bool)> = Vec::with_capacity(folded.len());
        let mut lowers: Vec<bool> = Vec::with_capacity(folded.len());
        for (i, t) in folded.iter().enumerate() {
            if skip[i] {
                continue;
            }
            let word = looked[i];
            if self.is_dropped(t, word) {
                continue;
            }
            let (s, question) = if word.is_some_and(|w| w.flags & words::QUESTION != 0) {
                (t.clone(), true)
            } else {
                let s = match (stems.get(i), word) {
                    (Some(s), _) => s.to_string(),
                    (None, Some(w)) => match &w.stem {
                        Some(s) => s.clone(),
                        None => self.analyzer.stem(t.clone()),
                    },
                    (None, None) => self.analyzer.stem(t.clone()),
                };
                // A question word in another form ("nasılsın" is "nasıl" + "you").
                let q = match word {
                    Some(w) => w.flags & words::QUESTION_STEM != 0,
                    None => self.question_stems.contains(&s),
                };
                (s, q)
            };
            if !question && t.chars().any(crate::text::is_alphabetic) {
                content += 1;
            }
            if !s.is_empty() {
                qstems.push((s, question));
                lowers.push(lower.contains(t));
            }
        }
        let n_before = qstems.len();
        let qstems = collapse_phrases(&self.syn_phrases, qstems);
        // Joined phrases lose the case flags of their words: known words, never names.
        let lowers = if qstems.len() == n_before {
            lowers
        } else {
            vec![false; qstems.len()]
        };
        let mut qtoks: Vec<QueryStem> = Vec::with_capacity(qstems.len());
        for ((s, q), l) in qstems.into_iter().zip(lowers) {
            match qtoks.iter_mut().find(|t| t.stem == s) {
                Some(t) => {
                    t.question &= q;
                    t.lower &= l;
                }
                None => qtoks.push(QueryStem {
                    stem: s,
                    question: q,
                    lower: l,
                    misread: false,
                }),
            }
        }
        (qtoks, content)
    }
}
