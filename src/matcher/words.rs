//! One map from a folded word to what a query asks of it ([`LangIndex::words`]): its stem
//! and whether it is a stop word, a question word, … — one lookup per query token instead
//! of one per set.

use super::*;

/// A stop word, or a misspelt one the language does not know (dropped from queries).
pub(super) const DROP: u8 = 1;
/// A word of the language's texts or a stop word ([`LangIndex::known_words`]).
pub(super) const KNOWN: u8 = 2;
/// A question word of the profile.
pub(super) const QUESTION: u8 = 4;
/// Its stem is a question word's stem ([`LangIndex::question_stems`]).
pub(super) const QUESTION_STEM: u8 = 8;
/// It addresses the network ([`Analyzer::is_addressee`]).
pub(super) const ADDRESSEE: u8 = 16;
/// One of the profile's pronouns ([`LangIndex::pronouns`]).
pub(super) const PRONOUN: u8 = 32;

/// A word's entry in [`LangIndex::words`].
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    /// The stemmer's own result, when the index made it (see [`LangIndex::stem_cached`]).
    pub(super) stem: Option<String>,
    pub(super) flags: u8,
}

impl LangIndex {
    /// What the separate sets say of `t` with stem `stem`: what `words` holds.
    fn flags_of(&self, t: &str, stem: &str) -> u8 {
        let known = self.known_words.contains(t);
        let mut flags = 0;
        if self.analyzer.is_stopword(t) || (!known && self.analyzer.is_misspelt_stopword(t)) {
            flags |= DROP;
        }
        if known {
            flags |= KNOWN;
        }
        if self.analyzer.is_question_word(t) {
            flags |= QUESTION;
        }
        if self.question_stems.contains(stem) {
            flags |= QUESTION_STEM;
        }
        if self.analyzer.is_addressee(t) {
            flags |= ADDRESSEE;
        }
        if self.pronouns.contains(t) {
            flags |= PRONOUN;
        }
        flags
    }

    /// Makes [`Self::words`] of `stem_of` (taken: queries look up `words`), the known
    /// words, the stop and question words and the pronouns. A word not in it is no known,
    /// stop or question word and no pronoun. Last step of the build.
    pub(super) fn make_words(&mut self) {
        let mut words: HashMap<String, Word> = std::mem::take(&mut self.stem_of)
            .into_iter()
            .map(|(w, s)| {
                (
                    w,
                    Word {
                        stem: Some(s),
                        flags: 0,
                    },
                )
            })
            .collect();
        let others: Vec<String> = self
            .known_words
            .iter()
            .map(String::as_str)
            .chain(self.analyzer.stopwords())
            .chain(self.analyzer.question_words())
            .chain(self.pronouns.iter().map(String::as_str))
            .filter(|w| !words.contains_key(*w))
            .map(str::to_string)
            .collect();
        for w in others {
            words.insert(
                w,
                Word {
                    stem: None,
                    flags: 0,
                },
            );
        }
        for (w, word) in words.iter_mut() {
            let stem = match &word.stem {
                Some(s) => s.clone(),
                None => self.analyzer.stem(w.clone()),
            };
            word.flags = self.flags_of(w, &stem);
        }
        self.words = words;
    }

    /// Is the folded query token `t` dropped ([`DROP`])? `word`: its entry.
    pub(super) fn is_dropped(&self, t: &str, word: Option<&Word>) -> bool {
        match word {
            Some(w) => w.flags & DROP != 0,
            None => self.analyzer.is_misspelt_stopword(t),
        }
    }

    /// Does the folded query token `t` address the network ([`ADDRESSEE`])?
    #[cfg(test)]
    pub(super) fn is_addressee(&self, t: &str) -> bool {
        self.addressee_of(t, self.words.get(t))
    }

    /// [`Self::is_addressee`] of `t` with its entry in [`Self::words`] (`word`) looked up.
    pub(super) fn addressee_of(&self, t: &str, word: Option<&Word>) -> bool {
        match word {
            Some(w) => w.flags & ADDRESSEE != 0,
            None => self.analyzer.is_addressee(t),
        }
    }

    /// Is the folded query token `t` a pronoun ([`PRONOUN`])?
    #[cfg(test)]
    pub(super) fn is_pronoun(&self, t: &str) -> bool {
        pronoun_of(self.words.get(t))
    }

    /// Is the folded query token `t` a known word ([`KNOWN`])?
    #[cfg(test)]
    pub(super) fn is_known(&self, t: &str) -> bool {
        known_of(self.words.get(t))
    }
}

/// [`LangIndex::is_pronoun`] of a token with its entry in [`LangIndex::words`] looked up.
pub(super) fn pronoun_of(word: Option<&Word>) -> bool {
    word.is_some_and(|w| w.flags & PRONOUN != 0)
}

/// [`LangIndex::is_known`] of a token with its entry in [`LangIndex::words`] looked up.
pub(super) fn known_of(word: Option<&Word>) -> bool {
    word.is_some_and(|w| w.flags & KNOWN != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_flags_equal_the_separate_sets() {
        // Every word of the profiles (stop and question words, pronouns), of the texts, of
        // the other languages, and each with a letter more, less and changed: the lookups
        // the query path makes against the sets [`LangIndex::make_words`] replaced.
        let idx = Index::build(&super::super::tests::docs_of(&[
            (
                0,
                "de",
                "Wie kann ich Mitglied im Netzwerk werden? Was macht ihr?",
            ),
            (
                0,
                "en",
                "How can I become a member of your network? What do you do?",
            ),
            (0, "tr", "Ağınıza nasıl üye olabilirim? Ne yapıyorsunuz?"),
            (0, "ru", "Как стать членом вашей сети? Что вы делаете?"),
            (0, "uk", "Як стати членом вашої мережі? Що ви робите?"),
            (0, "fa", "چطور می‌توانم عضو شبکه شما شوم؟ شما چه کار می‌کنید؟"),
            (0, "ar", "كيف يمكنني أن أصبح عضوا في شبكتكم؟ ماذا تفعلون؟"),
        ]));
        let mut all: Vec<String> = Vec::new();
        for li in &idx.langs {
            all.extend(li.known_words.iter().cloned());
            all.extend(li.analyzer.stopwords().map(str::to_string));
            all.extend(li.analyzer.question_words().map(str::to_string));
            all.extend(li.pronouns.iter().cloned());
        }
        let mut words = all.clone();
        for w in &all {
            let chars: Vec<char> = w.chars().collect();
            if chars.is_empty() {
                continue;
            }
            words.push(format!("{w}x"));
            words.push(format!("{w}{}", chars[chars.len() - 1]));
            words.push(chars[..chars.len() - 1].iter().collect());
            words.push(chars[1..].iter().collect());
            let mut changed = chars.clone();
            changed[chars.len() / 2] = 'о';
            words.push(changed.into_iter().collect());
        }
        words.extend(["", "nasılsınız", "ihrer", "euch", "вашей"].map(str::to_string));
        for li in &idx.langs {
            assert!(li.stem_of.is_empty() && !li.words.is_empty());
            for t in &words {
                let stem = li.analyzer.stem(t.clone());
                let known = li.known_words.contains(t);
                let word = li.words.get(t.as_str());
                let drop =
                    li.analyzer.is_stopword(t) || (!known && li.analyzer.is_misspelt_stopword(t));
                assert_eq!(li.is_dropped(t, word), drop, "{} {t}", li.code);
                assert_eq!(li.is_known(t), known, "{} {t}", li.code);
                assert_eq!(
                    word.is_some_and(|w| w.flags & QUESTION != 0),
                    li.analyzer.is_question_word(t),
                    "{} {t}",
                    li.code
                );
                let qstem = match word {
                    Some(w) => w.flags & QUESTION_STEM != 0,
                    None => li.question_stems.contains(&stem),
                };
                assert_eq!(qstem, li.question_stems.contains(&stem), "{} {t}", li.code);
                assert_eq!(li.is_addressee(t), li.analyzer.is_addressee(t));
                assert_eq!(li.is_pronoun(t), li.pronouns.contains(t), "{} {t}", li.code);
                assert_eq!(li.stem_cached(t), stem, "{} {t}", li.code);
            }
        }
    }
}
