//! Reading a transliteration view's misread words as the known words of the same skeleton
//! (the letter classes of the table: [`crate::lang::translit::Table::skeleton`]).

use super::*;

impl LangIndex {
    /// Fills [`LangIndex::skeletons`] (languages with a transliteration table that has
    /// letter classes).
    pub(super) fn build_skeletons(&mut self) {
        let Some(table) = &self.translit else { return };
        let mut map: HashMap<String, Vec<String>> = HashMap::default();
        for w in &self.known_words {
            if w.is_ascii() || w.chars().count() < MIN_SKELETON_WORD {
                continue;
            }
            if let Some(sk) = table
                .skeleton(w)
                .filter(|k| k.chars().count() >= MIN_SKELETON)
            {
                map.entry(sk).or_default().push(w.clone());
            }
        }
        for words in map.values_mut() {
            words.sort();
        }
        self.skeletons = map;
    }

    /// A transliteration view with each word the language does not know replaced by the
    /// known word of the same skeleton (the closest, if several), also behind one of the
    /// profile's proclitics (the article, "و", "ب": "bi herford" read بهرفرد is بهرفورد):
    /// the chat alphabet leaves long vowels out and types one letter for several.
    #[cfg(test)]
    pub(super) fn mend_view(&self, view: &str) -> String {
        self.mend_view_tokens(view).0
    }

    /// [`Self::mend_view_counted`] without the count.
    pub(super) fn mend_view_tokens(&self, view: &str) -> (String, Vec<String>) {
        let (out, tokens, _) = self.mend_view_counted(view);
        (out, tokens)
    }

    /// [`Self::mend_view`], and its [`Analyzer::base_tokens_counted`]: the tokens of the
    /// words mending folded already where they are the same (text folded character by
    /// character, [`crate::text::plain::per_char`], folds word by word; a word's marks of
    /// plain punctuation around it fold to spaces), else the tokens of the whole mended view.
    pub(super) fn mend_view_counted(&self, view: &str) -> (String, Vec<String>, usize) {
        let Some(table) = self
            .translit
            .as_ref()
            .filter(|_| !self.skeletons.is_empty())
        else {
            let (tokens, n) = self.analyzer.base_tokens_counted(view);
            return (view.to_string(), tokens, n);
        };
        let an = &self.analyzer;
        let mut out = String::with_capacity(view.len());
        // The tokens of the words so far and how many step 6 made (`None`: not word by word).
        let mut by_word = (!an.folding().digraphs).then(|| (Vec::new(), 0usize));
        // (The crate's letter test: the same answer, fast for the bot's scripts.)
        let mark = |c: char| !crate::text::is_alphanumeric(c);
        for (k, word) in view.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let rest = word.trim_start_matches(mark);
            let core = rest.trim_end_matches(mark);
            let (lead, tail) = (&word[..word.len() - rest.len()], &rest[core.len()..]);
            let base = if core.is_empty() || core.is_ascii() {
                None
            } else {
                Some(an.base_tokens_counted(core))
            };
            let mended = match &base {
                Some((b, _)) => {
                    // (`fold_phrases` returns the tokens as they are when none starts a fold.)
                    let folded: std::borrow::Cow<'_, [String]> =
                        if b.iter().any(|t| an.starts_phrase_fold(t)) {
                            an.fold_phrases(b.clone()).into()
                        } else {
                            b.as_slice().into()
                        };
                    match &*folded {
                        [f] if !f.is_ascii() && !self.known_words.contains(f) => {
                            self.mend_word(table, f)
                        }
                        _ => None,
                    }
                }
                None => None,
            };
            let piece = match &mended {
                Some(m) => std::borrow::Cow::Owned(word.replacen(core, m, 1)),
                None => std::borrow::Cow::Borrowed(word),
            };
            out.push_str(&piece);
            if let Some((toks, n)) = &mut by_word {
                let plain = |s: &str| s.bytes().all(|b| matches!(b, b'?' | b'!' | b'.' | b','));
                let (t, m) = match base {
                    Some(b) if mended.is_none() && plain(lead) && plain(tail) => b,
                    _ => an.base_tokens_counted(&piece),
                };
                toks.extend(t);
                *n += m;
            }
        }
        let (tokens, n) = match by_word {
            // (Fewer than MAX_TOKENS in all: no word's tokens were cut, nor the view's.)
            Some((mut toks, n))
                if n < crate::text::MAX_TOKENS && crate::text::plain::per_char(&out) =>
            {
                toks.truncate(crate::text::MAX_TOKENS);
                (toks, n)
            }
            _ => an.base_tokens_counted(&out),
        };
        (out, tokens, n)
    }

    /// The known word a folded unknown word `f` was meant as, with its prefix (see
    /// [`Self::mend_view`]).
    pub(super) fn mend_word(&self, table: &Table, f: &str) -> Option<String> {
        let mut tries: Vec<(&str, &str)> = vec![("", f)];
        for p in self.analyzer.proclitics() {
            if let Some(rest) = f.strip_prefix(p.as_str()) {
                tries.push((&f[..p.len()], rest));
            }
        }
        for (prefix, rest) in tries {
            if rest.chars().count() < MIN_SKELETON_WORD {
                continue;
            }
            let Some(words) = table.skeleton(rest).and_then(|k| self.skeletons.get(&k)) else {
                continue;
            };
            let rc: Vec<char> = rest.chars().collect();
            let (d, best) = words
                .iter()
                .map(|w| {
                    let wc: Vec<char> = w.chars().collect();
                    (similarity::damerau_levenshtein(&rc, &wc), w)
                })
                .min_by_key(|&(d, _)| d)?;
            // Letters left out or told apart, not another word: a few edits at most.
            if d > MAX_SKELETON_EDITS.min(rc.len() / 2) {
                continue;
            }
            return Some(format!("{prefix}{best}"));
        }
        None
    }
}
