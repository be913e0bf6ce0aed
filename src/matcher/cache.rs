//! Build-time caches of folding and stemming: a knowledge base repeats its words thousands
//! of times, and folding and stemming are most of the index build.

use super::*;

/// Build-time caches: a knowledge base repeats its words thousands of times, and folding
/// and stemming are most of the index build. Word by word folding equals folding the whole
/// text: every folding step and every one-word fold works within white-space-separated
/// words (none joins or splits across white space); folds of several words are applied to
/// the token list afterwards; texts over the length cap take the whole-text path.
#[derive(Default)]
pub(super) struct BuildCache {
    /// Raw word → its folded tokens (indices into `folded`).
    pub(super) words: HashMap<String, Vec<u32>>,
    pub(super) folded_ids: HashMap<String, u32>,
    pub(super) folded: Vec<Folded>,
    pub(super) stem_ids: HashMap<String, u32>,
    /// Stem → vocabulary id, assigned on first use by a text (`u32::MAX`: not yet).
    pub(super) stem_vocab: Vec<(String, u32)>,
}

/// A folded token of the build cache.
pub(super) struct Folded {
    pub(super) text: String,
    /// Its stem (index into `stem_vocab`; `None`: stop word or empty stem).
    pub(super) stem: Option<u32>,
    /// Already in `known_words`.
    pub(super) known: bool,
    /// A fold of several words or a filler phrase starts with it: the slow path.
    pub(super) starts_phrase: bool,
}

impl BuildCache {
    pub(super) fn folded_id(&mut self, analyzer: &Analyzer, t: &str) -> u32 {
        if let Some(&id) = self.folded_ids.get(t) {
            return id;
        }
        let stem = if analyzer.is_stopword(t) {
            None
        } else {
            // Question words are not stemmed: "neden" (why) is not "ne" (what).
            let s = if analyzer.is_question_word(t) {
                t.to_string()
            } else {
                analyzer.stem(t.to_string())
            };
            if s.is_empty() {
                None
            } else {
                let next = self.stem_vocab.len() as u32;
                let sid = *self.stem_ids.entry(s.clone()).or_insert(next);
                if sid == next {
                    self.stem_vocab.push((s, u32::MAX));
                }
                Some(sid)
            }
        };
        let id = self.folded.len() as u32;
        self.folded.push(Folded {
            text: t.to_string(),
            stem,
            known: false,
            starts_phrase: analyzer.starts_phrase_fold(t) || analyzer.starts_filler(t),
        });
        self.folded_ids.insert(t.to_string(), id);
        id
    }

    /// Folded tokens of `text` (at most [`crate::text::MAX_TOKENS`]), as indices, as
    /// [`Analyzer::folded_tokens`] gives them.
    pub(super) fn fold(&mut self, analyzer: &Analyzer, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        if text.len() > crate::text::MAX_CHARS && text.chars().count() > crate::text::MAX_CHARS {
            for t in analyzer.folded_tokens(text) {
                out.push(self.folded_id(analyzer, &t));
            }
            return out;
        }
        for w in text.split_whitespace() {
            let ids = match self.words.get(w) {
                Some(ids) => ids.clone(),
                None => {
                    let ids: Vec<u32> = analyzer
                        .base_tokens(w)
                        .iter()
                        .map(|t| self.folded_id(analyzer, t))
                        .collect();
                    self.words.insert(w.to_string(), ids.clone());
                    ids
                }
            };
            out.extend(ids);
            if out.len() >= crate::text::MAX_TOKENS {
                out.truncate(crate::text::MAX_TOKENS);
                break;
            }
        }
        if out
            .iter()
            .any(|&f| analyzer.starts_phrase_fold(&self.folded[f as usize].text))
        {
            let toks: Vec<String> = out
                .iter()
                .map(|&f| self.folded[f as usize].text.clone())
                .collect();
            out = analyzer
                .fold_phrases(toks)
                .iter()
                .map(|t| self.folded_id(analyzer, t))
                .collect();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_by_word_folding_equals_whole_text() {
        let texts = [
            "Wie wurde widunetz gegründet? Straße, GRÜNDUNG",
            "widunetz'in amaçları nelerdir? İSTANBUL’da",
            "Ещё вопрос: как связаться?",
            "متى تأسست الشبكة؟ أين؟ ٢٠٠٨",
            "e\u{301}cole  a\u{200B}b\u{00A0}c\u{2003}d \u{301}x",
            "wort-mit.punkt/und(klammern) ae oe ue Äpfel",
        ];
        for lang in ["de", "tr", "ru", "ar"] {
            let an = Analyzer::new(lang);
            let mut cache = BuildCache::default();
            let mut fold = |t: &str| -> Vec<String> {
                let ids = cache.fold(&an, t);
                ids.iter()
                    .map(|&f| cache.folded[f as usize].text.clone())
                    .collect()
            };
            for t in texts {
                for _ in 0..2 {
                    assert_eq!(fold(t), an.folded_tokens(t), "{lang}: {t:?}");
                }
            }
            let many = "Wort ".repeat(100);
            assert_eq!(fold(&many), an.folded_tokens(&many));
            let long = "Straße ".repeat(120);
            assert_eq!(fold(&long), an.folded_tokens(&long), "over the length cap");
        }
    }
}
