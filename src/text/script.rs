//! Which script a text is written in: an open set (the `unicode-script` crate's Unicode
//! Script property), so a language in any script — Ge'ez, Greek, Armenian, Hebrew — is indexed
//! and matched without a code change.
//!
//! Rules:
//! - a letter counts for its Unicode script; digits, punctuation, marks and letters of the
//!   Common/Inherited/Unknown "scripts" do not count;
//! - the dominant script is the one with the most letters, where Latin letters count half
//!   (in Cyrillic, Arabic or Ge'ez messages Latin words are names, brands and addresses:
//!   "история widunetz", "تاريخ widunetz"); a tie goes to the script seen first.

pub use unicode_script::Script;
use unicode_script::UnicodeScript;

/// The script of one letter; `None` for anything that is not a letter of a real script.
pub fn of_char(c: char) -> Option<Script> {
    // The letters of the scripts the bot reads without the Unicode table (a search, asked
    // for every character of a query several times); the same answer for every character
    // (tested over all of them).
    match c {
        'a'..='z' | 'A'..='Z' => return Some(Script::Latin),
        '\0'..='\x7f' => return None,
        '\u{410}'..='\u{44F}' => return Some(Script::Cyrillic),
        '\u{621}'..='\u{63A}' | '\u{641}'..='\u{64A}' => return Some(Script::Arabic),
        _ => {}
    }
    if !super::is_alphabetic(c) {
        return None;
    }
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(s),
    }
}

/// Letter counts per script, in order of first appearance. (An ASCII text's letters are
/// counted byte by byte; in other texts an ASCII letter goes straight to the Latin count:
/// `counts_are_the_plain_counts`.)
pub fn counts(text: &str) -> Vec<(Script, usize)> {
    if text.is_ascii() {
        let n = text.bytes().filter(u8::is_ascii_alphabetic).count();
        return if n > 0 {
            vec![(Script::Latin, n)]
        } else {
            Vec::new()
        };
    }
    let mut out: Vec<(Script, usize)> = Vec::new();
    // (The Latin count's index in `out`, once it has one.)
    let mut latin = usize::MAX;
    for ch in text.chars() {
        if ch.is_ascii() {
            if ch.is_ascii_alphabetic() {
                if latin == usize::MAX {
                    latin = out.len();
                    out.push((Script::Latin, 0));
                }
                out[latin].1 += 1;
            }
            continue;
        }
        if let Some(s) = of_char(ch) {
            match out.iter_mut().find(|(t, _)| *t == s) {
                Some((_, n)) => *n += 1,
                None => {
                    if s == Script::Latin {
                        latin = out.len();
                    }
                    out.push((s, 1));
                }
            }
        }
    }
    out
}

/// The script of the most letters (see the module rules), `None` without letters.
pub fn dominant(text: &str) -> Option<Script> {
    let weight = |s: Script, n: usize| if s == Script::Latin { n } else { 2 * n };
    let mut best: Option<(Script, usize)> = None;
    for (s, n) in counts(text) {
        let w = weight(s, n);
        if best.is_none_or(|(_, bw)| w > bw) {
            best = Some((s, w));
        }
    }
    best.map(|(s, _)| s)
}

/// A script by its Unicode name ("Latin", "Cyrillic", "Arabic", "Ethiopic") or its
/// ISO 15924 code ("Latn", "Cyrl", "Arab", "Ethi"), case-insensitive.
pub fn by_name(name: &str) -> Option<Script> {
    let exact = Script::from_full_name(name).or_else(|| Script::from_short_name(name));
    let title: String = name
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    exact
        .or_else(|| Script::from_full_name(&title))
        .or_else(|| Script::from_short_name(&title))
        .filter(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        for (input, want) in [
            ("Wie geht's?", Some(Script::Latin)),
            ("Как дела?", Some(Script::Cyrillic)),
            ("كيف الحال؟", Some(Script::Arabic)),
            ("widunetz ne zaman kuruldu", Some(Script::Latin)),
            ("Что такое widunetz?", Some(Script::Cyrillic)),
            ("ما هي شبكة widunetz؟", Some(Script::Arabic)),
            ("история widunetz", Some(Script::Cyrillic)),
            ("تاريخ widunetz", Some(Script::Arabic)),
            (
                "Was heißt widunetz auf Russisch, сеть?",
                Some(Script::Latin),
            ),
            ("ሰላም እንታይ እዩ", Some(Script::Ethiopic)),
            ("Τι είναι το widunetz;", Some(Script::Greek)),
            ("چطور با شما تماس بگیرم؟", Some(Script::Arabic)),
            ("123 ?!", None),
            ("🙂", None),
        ] {
            assert_eq!(dominant(input), want, "input {input:?}");
        }
    }

    #[test]
    fn counts_are_the_plain_counts() {
        // Every text of up to four characters over ASCII letters, digits and signs, Latin
        // letters beyond ASCII, Cyrillic, Arabic, Greek and CJK letters and a mark: the
        // counts of a scan of `of_char`, in order of first appearance.
        let alphabet = [
            'a', 'Z', '1', ' ', '?', 'ü', 'ə', 'я', 'ب', 'α', '中', '\u{301}',
        ];
        let plain = |text: &str| {
            let mut out: Vec<(Script, usize)> = Vec::new();
            for ch in text.chars() {
                if let Some(s) = of_char(ch) {
                    match out.iter_mut().find(|(t, _)| *t == s) {
                        Some((_, n)) => *n += 1,
                        None => out.push((s, 1)),
                    }
                }
            }
            out
        };
        for t in &crate::text::testing::every_text(&alphabet, 4) {
            assert_eq!(counts(t), plain(t), "{t:?}");
        }
    }

    #[test]
    fn of_char_fast_paths_agree_with_the_table() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let table = match c.script() {
                _ if !c.is_alphabetic() => None,
                Script::Common | Script::Inherited | Script::Unknown => None,
                s => Some(s),
            };
            assert_eq!(of_char(c), table, "{c:?}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(by_name("Latin"), Some(Script::Latin));
        assert_eq!(by_name("cyrl"), Some(Script::Cyrillic));
        assert_eq!(by_name("ARABIC"), Some(Script::Arabic));
        assert_eq!(by_name("Ethiopic"), Some(Script::Ethiopic));
        assert_eq!(by_name("Klingon"), None);
        assert_eq!(by_name("Common"), None);
    }
}
