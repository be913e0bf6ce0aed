//! Step 4 (Latin script): fold letters people often cannot or do not type.
//!
//! Rules:
//! - German `ß`/`ẞ` → `ss`;
//! - Turkish `ş ğ ç ı` → `s g c i`; `ö ü ä` → `o u a` (German and Turkish alike);
//! - any other Latin letter with a diacritic loses it (é → e, â → a);
//! - German only ([`german_digraphs`]): `ae oe ue` → `a o u`, so "gruendung", "grundung" and
//!   "gründung" are one word. Applied to the knowledge base and the query alike.
//! - Non-Latin letters (й, ё, Arabic) are left to their own step.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

fn is_latin_extended(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ı' => out.push('i'),
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            c if is_latin_extended(c) => {
                decompose_canonical(c, |d| {
                    if !is_combining_mark(d) {
                        out.push(d)
                    }
                });
            }
            c => out.push(c),
        }
    }
    out
}

/// German digraphs ae/oe/ue → a/o/u (see module rules).
pub fn german_digraphs(text: &str) -> String {
    // (Most words have none: one copy instead of three.)
    let digraph = |w: &[u8]| w[1] == b'e' && matches!(w[0], b'a' | b'o' | b'u');
    if !text.as_bytes().windows(2).any(digraph) {
        return text.to_string();
    }
    text.replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_letters() {
        for (input, want) in [
            ("straße", "strasse"),
            ("gegründet", "gegrundet"),
            ("ähnlich", "ahnlich"),
        ] {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }

    #[test]
    fn turkish_letters() {
        for (input, want) in [
            ("ağın amacı", "agin amaci"),
            ("şçğöü", "scgou"),
            ("kuruldu", "kuruldu"),
        ] {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }

    #[test]
    fn leaves_cyrillic_and_arabic() {
        for input in ["йод", "ёж", "شبكة"] {
            assert_eq!(fold(input), input, "input {input:?}");
        }
    }

    #[test]
    fn digraphs() {
        for (input, want) in [
            ("gegruendet", "gegrundet"),
            ("moeglich", "moglich"),
            ("aehnlich", "ahnlich"),
        ] {
            assert_eq!(german_digraphs(input), want, "input {input:?}");
        }
    }
}
