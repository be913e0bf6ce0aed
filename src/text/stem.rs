//! Step 9: stemming with the Snowball stemmers of rust-stemmers, after folding. Which
//! stemmer a language uses is in its profile ([`crate::lang`]).
//!
//! Rules:
//! - a language without a stemmer keeps folded tokens as they are;
//! - tokens of another script than the language's are left alone (a Latin name in an
//!   Arabic question stays "widunetz").

use rust_stemmers::{Algorithm, Stemmer};

use super::script::{self, Script};

pub struct Stem {
    stemmer: Stemmer,
    script: Option<Script>,
}

impl Stem {
    /// A stemmer for words of `script` (`None`: every word).
    pub fn new(alg: Algorithm, script: Option<Script>) -> Stem {
        Stem {
            stemmer: Stemmer::create(alg),
            script,
        }
    }

    /// The stemmer of a language's built-in or default profile.
    pub fn for_lang(lang: &str) -> Option<Stem> {
        let p = crate::lang::Profiles::builtin().get(lang);
        p.stemmer.map(|a| Stem::new(a, p.script))
    }

    pub fn stem(&self, token: &str) -> String {
        let first = token.chars().find_map(script::of_char);
        if let (Some(s), Some(own)) = (first, self.script)
            && s != own
        {
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
