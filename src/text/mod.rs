//! Text normalisation: turns what people type into the tokens the matcher compares.
//!
//! One small module per step. [`Analyzer::analyze`] runs them in this order, and the
//! order matters:
//!
//! 1. [`nfc`]: cap the length, then Unicode NFC, so that "ü" typed as u + U+0308 equals "ü".
//! 2. [`case`]: lower-case with Turkish rules (İ, I and ı all end as i, never "i̇").
//! 3. [`apostrophe`]: cut Turkish suffixes after an apostrophe ("widunetz'in" → "widunetz"),
//!    before punctuation would split the suffix off as a word of its own.
//! 4. [`latin`], [`cyrillic`], [`arabic`]: per-script folding (diacritics, ß, ё, alef forms,
//!    harakat, digits); German digraphs ae/oe/ue only in the German analyser.
//! 5. [`punct`]: punctuation of all scripts, symbols and invisible characters → word breaks.
//! 6. tokenise on white space, with a cap on token count and token length (bounded work).
//! 7. [`stopwords`]: drop function words of the analyser's language (lists folded like input).
//! 8. [`stem`]: Snowball stemmer of the language (rust-stemmers), on folded text.

pub mod apostrophe;
pub mod arabic;
pub mod case;
pub mod cyrillic;
pub mod latin;
pub mod nfc;
pub mod punct;
pub mod script;
pub mod stem;
pub mod stopwords;

use std::collections::HashSet;

pub use script::Script;

/// At most this many characters of a message are analysed; the rest is ignored.
/// A question is a sentence or two; this keeps a 4,096-character message cheap.
pub const MAX_CHARS: usize = 600;
/// At most this many tokens per query.
pub const MAX_TOKENS: usize = 48;
/// Longer tokens are cut to this many characters (a 3,000-character "word" costs nothing).
pub const MAX_TOKEN_CHARS: usize = 32;

/// Folding shared by every language: steps 1–5, returning the folded text.
/// `german_digraphs` turns ae/oe/ue into a/o/u (German only: "gruendung" = "gründung").
pub fn fold(text: &str, german_digraphs: bool) -> String {
    let s = nfc::nfc(text, MAX_CHARS);
    let s = case::fold_case(&s);
    let s = apostrophe::cut_suffixes(&s);
    let s = latin::fold(&s);
    let s = cyrillic::fold(&s);
    let s = arabic::fold(&s);
    let s = punct::to_spaces(&s);
    if german_digraphs {
        latin::german_digraphs(&s)
    } else {
        s
    }
}

/// Splits folded text into at most [`MAX_TOKENS`] tokens of at most [`MAX_TOKEN_CHARS`] chars.
pub fn tokens(folded: &str) -> Vec<String> {
    folded
        .split_whitespace()
        .take(MAX_TOKENS)
        .map(|t| t.chars().take(MAX_TOKEN_CHARS).collect())
        .collect()
}

/// The analyser of one language: folding, stop words and stemmer for that language.
pub struct Analyzer {
    lang: String,
    german_digraphs: bool,
    stopwords: HashSet<String>,
    stemmer: Option<stem::Stem>,
}

impl Analyzer {
    /// An analyser for a language code; languages without stop-word list or stemmer
    /// (a newly added folder) still get all folding steps.
    pub fn new(lang: &str) -> Self {
        let german_digraphs = lang == "de";
        let stopwords = stopwords::list(lang)
            .iter()
            .flat_map(|w| tokens(&fold(w, german_digraphs)))
            .collect();
        Analyzer {
            lang: lang.to_string(),
            german_digraphs,
            stopwords,
            stemmer: stem::Stem::for_lang(lang),
        }
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Folded tokens before stop words and stemming (used for language evidence).
    pub fn folded_tokens(&self, text: &str) -> Vec<String> {
        tokens(&fold(text, self.german_digraphs))
    }

    pub fn is_stopword(&self, folded_token: &str) -> bool {
        self.stopwords.contains(folded_token)
    }

    /// The full pipeline: folded, stop words removed, stemmed; duplicates kept in order once.
    pub fn analyze(&self, text: &str) -> Vec<String> {
        self.analyze_folded(self.folded_tokens(text))
    }

    /// The stem of a folded token that is not a stop word.
    pub fn stem(&self, folded_token: String) -> String {
        match &self.stemmer {
            Some(st) => st.stem(&folded_token),
            None => folded_token,
        }
    }

    /// [`Analyzer::analyze`] on tokens from [`Analyzer::folded_tokens`] (the matcher needs
    /// both and folds once).
    pub fn analyze_folded(&self, folded: Vec<String>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in folded {
            if self.is_stopword(&t) {
                continue;
            }
            let s = self.stem(t);
            if !s.is_empty() && !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(lang: &str, a: &str, b: &str) {
        let an = Analyzer::new(lang);
        assert_eq!(
            an.analyze(a),
            an.analyze(b),
            "{lang}: {a:?} and {b:?} should analyse alike"
        );
    }

    #[test]
    fn german_without_umlauts_equals_with() {
        same(
            "de",
            "Wie wurde das Netzwerk gegründet?",
            "wie wurde das netzwerk gegrundet",
        );
        same("de", "gegründet", "gegruendet");
        same("de", "Straße", "strasse");
    }

    #[test]
    fn turkish_without_special_letters_equals_with() {
        same("tr", "ağın amacı", "agin amaci");
        same("tr", "AĞIN AMACI", "agin amaci");
        same("tr", "widunetz'in amaçları", "widunetz amaclari");
    }

    #[test]
    fn russian_yo_equals_ye() {
        same("ru", "Ещё вопрос", "еще вопрос");
    }

    #[test]
    fn arabic_forms_fold() {
        same("ar", "متى تأسست الشبكة؟", "متي تاسست الشبكه");
    }

    #[test]
    fn stopwords_are_dropped() {
        let de = Analyzer::new("de");
        assert!(
            !de.analyze("Was ist die Kerngruppe?")
                .contains(&"die".to_string()),
            "'die' is a German stop word"
        );
    }

    #[test]
    fn bounded_on_huge_input() {
        let word = "a".repeat(3_000);
        let an = Analyzer::new("de");
        let t = an.analyze(&word);
        assert!(
            t.len() == 1 && t[0].chars().count() <= MAX_TOKEN_CHARS,
            "{t:?}"
        );
        let many = "wort ".repeat(2_000);
        assert!(an.folded_tokens(&many).len() <= MAX_TOKENS);
        let marks = format!("e{}", "\u{301}".repeat(5_000));
        assert!(an.analyze(&marks).len() <= 1);
    }
}
