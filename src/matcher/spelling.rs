//! How people spell what the texts say: a pronoun written onto its word (Persian «هدفش»),
//! and a language's words typed on the keyboard of a neighbour (Ukrainian on a Russian
//! keyboard, «членив» for «членів»). Both read a query word the texts do not know as one
//! they do.

use super::*;

impl LangIndex {
    /// Sets the profile's `pronouns`: words, and endings written "-ش" (a pronoun written
    /// together with its noun). An ending stands for the list's first pronoun word (see
    /// [`Self::pronoun_stem`]); `elides`: letters a word loses in front of an ending.
    pub(super) fn set_pronouns(&mut self, list: &[String], elides: &str) {
        self.pronoun_elides = elides
            .chars()
            .map(|c| self.analyzer.folded_tokens(&c.to_string()).concat())
            .filter(|f| !f.is_empty())
            .collect();
        for p in list {
            match p.strip_prefix('-') {
                Some(ending) => {
                    let folded = self.analyzer.folded_tokens(ending).concat();
                    if !folded.is_empty() {
                        self.pronoun_endings.push(folded);
                    }
                }
                None => {
                    let folded = self.analyzer.folded_tokens(p);
                    if self.pronoun_word.is_none() {
                        self.pronoun_word = folded.first().cloned();
                    }
                    self.pronouns.extend(folded);
                }
            }
        }
        if self.pronoun_endings.is_empty() {
            self.pronoun_word = None;
        }
        // The longest ending first: «اعضاشون» is «اعضا» + «شون», not «اعضاشو» + «ن».
        self.pronoun_endings
            .sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
    }

    /// A folded query word that this language does not know, but knows without a pronoun
    /// ending («شروعش», its beginning: «شروع» + «ش»), or without it and with a letter the
    /// word loses in front of it (`pronoun_elides`: «بودجش» = «بودجه» + «ش»): that word.
    pub(super) fn pronoun_stem(&self, t: &str) -> Option<String> {
        if self.known_words.contains(t) {
            return None;
        }
        let rests = || {
            self.pronoun_endings.iter().filter_map(|e| {
                t.strip_suffix(e.as_str())
                    .filter(|rest| rest.chars().count() >= crate::text::MIN_AFFIX_STEM)
            })
        };
        // The word as written first: «هدفش» is «هدف», never «هدفه».
        if let Some(rest) = rests().find(|rest| self.known_words.contains(*rest)) {
            return Some(rest.to_string());
        }
        rests().find_map(|rest| {
            self.pronoun_elides
                .iter()
                .map(|l| format!("{rest}{l}"))
                .find(|w| self.known_words.contains(w))
        })
    }

    /// This language's known words as typed on the keyboard of a language it mixes with
    /// (profile `keyboard`: «членив» for «членів»), three letters or more, that neither
    /// this language nor any of `neighbours` knows as written, each with the word it
    /// stands for: a query word typed so is read as that word ([`Self::fold_query`]), which
    /// is evidence for this language where the letters that tell it are missing.
    pub(super) fn keyboard_words<'a>(
        &self,
        rules: &[(char, char)],
        neighbours: impl Iterator<Item = &'a LangIndex> + Clone,
    ) -> HashMap<String, String> {
        let mut out: HashMap<String, String> = HashMap::default();
        if rules.is_empty() {
            return out;
        }
        let typed = |c: char| rules.iter().find(|&&(a, _)| a == c).map_or(c, |&(_, b)| b);
        for w in &self.known_words {
            let t: String = w.chars().map(typed).collect();
            if t.chars().count() >= 3
                && !self.known_words.contains(&t)
                && neighbours.clone().all(|o| !o.known_words.contains(&t))
            {
                // Two words typed alike: the first in sort order, whatever the hash order.
                let e = out.entry(t).or_insert_with(|| w.clone());
                if w < e {
                    *e = w.clone();
                }
            }
        }
        out
    }
}
