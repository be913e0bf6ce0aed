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
    pub(super) fn mend_view(&self, view: &str) -> String {
        let Some(table) = self
            .translit
            .as_ref()
            .filter(|_| !self.skeletons.is_empty())
        else {
            return view.to_string();
        };
        let mut out = String::with_capacity(view.len());
        for (k, word) in view.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            // (The crate's letter test: the same answer, fast for the bot's scripts.)
            let core = word.trim_matches(|c: char| !crate::text::is_alphanumeric(c));
            let folded = if core.is_empty() || core.is_ascii() {
                Vec::new()
            } else {
                self.analyzer.folded_tokens(core)
            };
            let mended = match folded.as_slice() {
                [f] if !f.is_ascii() && !self.known_words.contains(f) => self.mend_word(table, f),
                _ => None,
            };
            match mended {
                Some(m) => out.push_str(&word.replacen(core, &m, 1)),
                None => out.push_str(word),
            }
        }
        out
    }

    /// The known word a folded unknown word `f` was meant as, with its prefix (see
    /// [`Self::mend_view`]).
    fn mend_word(&self, table: &Table, f: &str) -> Option<String> {
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
