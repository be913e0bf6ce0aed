//! Transliteration views of a question typed in Latin letters (see
//! [`crate::lang::translit`]), mended ([`LangIndex::mend_view_tokens`]) and with their base
//! tokens, made word by word from the words of the content where that gives the same.

use super::*;
use crate::lang::translit::Scratch;

/// One Latin word read through a language's transliteration view on its own
/// ([`LangIndex::view_word`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ViewWord {
    /// Its mended view.
    piece: String,
    /// [`Analyzer::base_tokens`] of `piece`, and how many tokens step 6 made of it.
    tokens: Vec<String>,
    counted: usize,
    /// The word ends with a joining prefix (the article: "el"): the next word joins it.
    joins: bool,
    /// Its view is one word: not empty, no white space.
    one: bool,
    /// Read from its letters in lower case (not kept as typed): then the view of an ASCII
    /// word is that of its lower case ([`Table::word_view`] reads only that).
    read: bool,
    /// `piece` is folded character by character ([`crate::text::plain::per_char`]).
    per_char: bool,
}

impl LangIndex {
    /// Words the language itself writes in Latin letters (widunetz) stay, and so do
    /// one-letter words ("b", "i" are words in too many languages). Words with other marks
    /// (markup, addresses: "<b>Kontakt</b>") are no chat spelling either and stay as typed.
    pub(super) fn keeps_latin(&self, w: &str) -> bool {
        w.chars().filter(|c| c.is_alphanumeric()).count() < 2
            || w.chars().any(|c| {
                !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '?' | '!' | '.' | ','))
            })
            || w.split(|c: char| !c.is_alphanumeric())
                .filter(|p| !p.is_empty())
                .all(|p| self.known_words.contains(p))
    }

    /// The mended view of `text` through `table` and its [`Analyzer::base_tokens`]: the
    /// same as [`Self::mend_view_tokens`] of [`Table::view`] (with [`Self::keeps_latin`]).
    pub(super) fn view_tokens(&self, table: &Table, text: &str) -> (String, Vec<String>) {
        if let Some(made) = self.view_by_words(table, text) {
            return made;
        }
        self.mend_view_tokens(&table.view(text, |w| self.keeps_latin(w)))
    }

    /// [`Self::view_tokens`] from its words' views ([`Self::view_words`], else made), when
    /// that is the same: a text within the length cap, no word joined to the next, every
    /// word's view one word. Then the view is its words' views joined by spaces
    /// ([`Table::word_view`]) and mending works on each word of it alone. Its tokens are
    /// its words' tokens one after the other when it is folded character by character with
    /// fewer than [`crate::text::MAX_TOKENS`] tokens and without German digraphs (such a
    /// fold never joins or splits across a space), else the mended view's.
    fn view_by_words(&self, table: &Table, text: &str) -> Option<(String, Vec<String>)> {
        if text.len() > crate::text::MAX_CHARS {
            return None;
        }
        let mut per_char = !self.analyzer.folding().digraphs;
        let mut out = String::with_capacity(text.len() * 2);
        let mut tokens: Vec<String> = Vec::new();
        let mut counted = 0;
        let mut words = text.split_whitespace().enumerate().peekable();
        let (mut made, mut scratch) = (None, Scratch::default());
        while let Some((k, w)) = words.next() {
            // (An ASCII word with capitals whose lower case the content has, read from
            // its letters, is read as that: "Ahdaf" as "ahdaf".)
            let lower = || {
                let lower = w.to_ascii_lowercase();
                self.view_words.get(&lower).filter(|vw| vw.read)
            };
            let vw = match self.view_words.get(w) {
                Some(vw) => vw,
                None => match w
                    .bytes()
                    .any(|b| b.is_ascii_uppercase())
                    .then(lower)
                    .flatten()
                {
                    Some(vw) if w.is_ascii() => vw,
                    _ => made.insert(self.view_word(table, w, &mut scratch)),
                },
            };
            if !vw.one || (vw.joins && words.peek().is_some()) {
                return None;
            }
            per_char &= vw.per_char;
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&vw.piece);
            if per_char {
                tokens.extend(vw.tokens.iter().cloned());
            }
            counted += vw.counted;
        }
        if per_char && counted < crate::text::MAX_TOKENS && out.len() <= crate::text::MAX_CHARS {
            tokens.truncate(crate::text::MAX_TOKENS);
        } else {
            tokens = self.analyzer.base_tokens(&out);
        }
        Some((out, tokens))
    }

    /// One word's [`ViewWord`].
    pub(super) fn view_word(&self, table: &Table, word: &str, scratch: &mut Scratch) -> ViewWord {
        let mut view = String::with_capacity(word.len() * 2);
        let joins = table
            .word_view(word, |w| self.keeps_latin(w), None, &mut view, scratch)
            .is_some();
        let (piece, tokens, counted) = self.mend_view_counted(&view);
        ViewWord {
            // (Told only for the cached words, [`Self::cache_view_words`].)
            read: false,
            per_char: crate::text::plain::per_char(&piece),
            piece,
            tokens,
            counted,
            joins,
            one: !view.is_empty() && !view.chars().any(char::is_whitespace),
        }
    }

    /// Fills [`Self::view_words`] (languages with a transliteration table) with the words of
    /// the questions, titles, small talk and out-of-scope examples of `langs` (the
    /// languages written in Latin letters): most words of a question typed in Latin
    /// letters are words of the content, read through the view by every such language.
    pub(super) fn cache_view_words(&mut self, docs: &[Doc<'_>], langs: &[&str]) {
        let Some(table) = &self.translit else { return };
        let mut cache: HashMap<String, ViewWord> = HashMap::default();
        let mut scratch = Scratch::default();
        for d in docs
            .iter()
            .filter(|d| langs.contains(&d.lang) && !d.context)
        {
            for w in d.text.split_whitespace() {
                if !cache.contains_key(w) {
                    let mut vw = self.view_word(table, w, &mut scratch);
                    // (As `Table::word_view` tells a word kept as typed.)
                    let lower = if w.is_ascii() {
                        w.to_ascii_lowercase()
                    } else {
                        w.to_lowercase()
                    };
                    vw.read =
                        lower.chars().any(|c| c.is_ascii_alphabetic()) && !self.keeps_latin(&lower);
                    cache.insert(w.to_string(), vw);
                }
            }
        }
        self.view_words = cache;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The view as it was made before word-by-word views: the table's view of the whole
    /// text, each word mended on its own, then the base tokens of the whole mended view.
    fn plain(li: &LangIndex, table: &Table, text: &str) -> (String, Vec<String>) {
        let view = table.view(text, |w| li.keeps_latin(w));
        if li.skeletons.is_empty() {
            let tokens = li.analyzer.base_tokens(&view);
            return (view, tokens);
        }
        let mut out = String::new();
        for (k, word) in view.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let core = word.trim_matches(|c: char| !crate::text::is_alphanumeric(c));
            let folded = if core.is_empty() || core.is_ascii() {
                Vec::new()
            } else {
                li.analyzer.folded_tokens(core)
            };
            let mended = match folded.as_slice() {
                [f] if !f.is_ascii() && !li.known_words.contains(f) => li.mend_word(table, f),
                _ => None,
            };
            match mended {
                Some(m) => out.push_str(&word.replacen(core, &m, 1)),
                None => out.push_str(word),
            }
        }
        let tokens = li.analyzer.base_tokens(&out);
        (out, tokens)
    }

    fn capitalised(w: &str) -> String {
        let mut c = w.chars();
        c.next().map_or(String::new(), |f| {
            f.to_ascii_uppercase().to_string() + c.as_str()
        })
    }

    fn index() -> Index {
        Index::build(&super::super::tests::docs_of(&[
            (
                0,
                "de",
                "Wie wurde widunetz gegründet? Straße, GRÜNDUNG E-Mail",
            ),
            (1, "de", "Was sind die Ziele des Netzwerks? shu el ahdaf"),
            (
                0,
                "tr",
                "widunetz'in amaçları nelerdir? İSTANBUL’da kak dela",
            ),
            (
                0,
                "en",
                "What's the network's goal? (e-mail) <b>Kontakt</b> 2008",
            ),
            (0, "ru", "Как стать участником сети? Что такое widunetz?"),
            (1, "ru", "Сколько участников в сети? щедрый"),
            (0, "ar", "ما هي أهداف الشبكة؟ هل هذا لازم؟"),
            (1, "ar", "متى تأسست الشبكة؟ بالأهداف والأشخاص ٢٠٠٨"),
        ]))
    }

    /// Questions typed in Latin letters (content words and others; joining articles at the
    /// end and inside; capitals, marks, digits, markup, combining marks, other white space,
    /// other scripts; over the length and token caps), and every short text over an
    /// alphabet of the letters and marks that matter: the same view and tokens as the plain
    /// way, with the cached words and without them.
    #[test]
    fn word_by_word_views_are_the_plain_views() {
        let mut texts: Vec<String> = [
            "Wie wurde widunetz gegründet? Straße, GRÜNDUNG E-Mail",
            "shu el ahdaf",
            "shu el",
            "el",
            "bel ahdaf el-shabake w",
            "fil shabake",
            "kak stat uchastnikom seti?",
            "4to takoe widunetz",
            "skolko 3'",
            "shchedryj 3a",
            "lazem? ahdaf!! ... ,ahdaf, wa",
            "Kak Dela",
            "KAK DELA",
            "<b>Kontakt</b> 2008",
            "what's the network's goal? (e-mail)",
            "e\u{301}cole  a\u{200B}b\u{00A0}c\u{2003}d",
            "ما هي el ahdaf",
            "kak\tdela\nseti",
            "hallo 😀 ahdaf",
            "Caritas ’s gruendung",
            "e-mail: sondern – widunetz'in",
            "KNOMM-IN ahdaf: 3'a",
        ]
        .map(String::from)
        .to_vec();
        texts.push("ahdaf ".repeat(47));
        texts.push("ahdaf ".repeat(48));
        texts.push("a-b ".repeat(30));
        texts.push("shabake ".repeat(80));
        texts.push(format!("{} el", "x".repeat(598)));
        let alphabet = [
            'e', 'l', 'a', 'h', 'b', 'w', '3', ' ', '?', '-', 'A', '\'', 'ü',
        ];
        texts.extend(crate::text::testing::every_text(&alphabet, 4));
        let mut idx = index();
        for li in &mut idx.langs {
            let Some(table) = li.translit.clone() else {
                continue;
            };
            assert!(!li.view_words.is_empty(), "{}", li.code);
            for t in [
                "kak stat uchastnikom seti?",
                "lazem? ahdaf!! ... ,ahdaf, wa",
                "Kak Dela",
                "e-mail: sondern – widunetz'in",
            ] {
                assert!(li.view_by_words(&table, t).is_some(), "{} {t}", li.code);
            }
            assert!(li.view_by_words(&table, "shu el ahdaf").is_none() || li.code == "ru");
            // A cached word read from its letters stands for its ASCII variants with
            // capitals: the same as their own views.
            let mut scratch = Scratch::default();
            for (w, vw) in li
                .view_words
                .iter()
                .filter(|(w, vw)| vw.read && w.is_ascii())
            {
                for upper in [w.to_ascii_uppercase(), capitalised(w)] {
                    let mut fresh = li.view_word(&table, &upper, &mut scratch);
                    fresh.read = true;
                    assert_eq!(fresh, *vw, "{upper}");
                }
            }
            let want: Vec<_> = texts.iter().map(|t| plain(li, &table, t)).collect();
            for _ in 0..2 {
                for (t, w) in texts.iter().zip(&want) {
                    assert_eq!(li.view_tokens(&table, t), *w, "{} {t:?}", li.code);
                }
                li.view_words.clear();
            }
        }
    }
}
