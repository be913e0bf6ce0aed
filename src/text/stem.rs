//! Step 8: stemming with the Snowball stemmers of rust-stemmers, after folding.
//!
//! Rules:
//! - de, tr, ru, ar (and the other Snowball languages) get their stemmer; a language
//!   without one keeps folded tokens as they are;
//! - tokens of another script than the stemmer's are left alone (a Latin name in an
//!   Arabic question stays "widunetz").

use rust_stemmers::{Algorithm, Stemmer};

use super::script::{self, Script};

pub struct Stem {
    stemmer: Stemmer,
    script: Script,
}

impl Stem {
    pub fn for_lang(lang: &str) -> Option<Stem> {
        let (alg, script) = match lang {
            "de" => (Algorithm::German, Script::Latin),
            "tr" => (Algorithm::Turkish, Script::Latin),
            "ru" => (Algorithm::Russian, Script::Cyrillic),
            "ar" => (Algorithm::Arabic, Script::Arabic),
            "en" => (Algorithm::English, Script::Latin),
            "fr" => (Algorithm::French, Script::Latin),
            "es" => (Algorithm::Spanish, Script::Latin),
            "it" => (Algorithm::Italian, Script::Latin),
            "pt" => (Algorithm::Portuguese, Script::Latin),
            "nl" => (Algorithm::Dutch, Script::Latin),
            "ro" => (Algorithm::Romanian, Script::Latin),
            "hu" => (Algorithm::Hungarian, Script::Latin),
            "sv" => (Algorithm::Swedish, Script::Latin),
            "da" => (Algorithm::Danish, Script::Latin),
            "nb" | "no" => (Algorithm::Norwegian, Script::Latin),
            "fi" => (Algorithm::Finnish, Script::Latin),
            _ => return None,
        };
        Some(Stem {
            stemmer: Stemmer::create(alg),
            script,
        })
    }

    pub fn stem(&self, token: &str) -> String {
        let first = token.chars().find_map(script::of_char);
        if first.is_some_and(|s| s != self.script) {
            return token.to_string();
        }
        self.stemmer.stem(token).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_per_language() {
        let cases = [
            ("de", "mitglieder", "mitglied"),
            ("ru", "участников", "участник"),
            ("tr", "hedefleri", "hedef"),
        ];
        for (lang, input, want) in cases {
            let s = Stem::for_lang(lang).expect("stemmer");
            assert_eq!(s.stem(input), want, "{lang} input {input:?}");
        }
    }

    #[test]
    fn other_script_untouched() {
        let ar = Stem::for_lang("ar").expect("stemmer");
        assert_eq!(ar.stem("widunetz"), "widunetz", "Latin name in Arabic");
    }
}
