//! [`super::fold_before_digraphs`] of plain text (letters, digits, spaces and the
//! punctuation most chat words end with): most words of a chat message, folded in one pass
//! with one allocation instead of six steps that each copy the word.

use std::sync::OnceLock;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{IsNormalized, is_nfc_quick};

/// Whether [`fold`] takes `b`: no apostrophe (suffix cuts), no `<` or `&` (markup).
fn plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b' ' | b'?' | b'!' | b'.' | b',')
}

/// The fold of plain ASCII text, or `None` for any other text. For such text NFC, the
/// apostrophe rules and the per-script folds change nothing and case folding is ASCII
/// lower case (`I` is `i` in both); then runs of more than two equal letters are cut to two
/// ([`super::repeats::collapse`]) and every character that is no letter or digit becomes a
/// space ([`super::punct::to_spaces`]).
pub(super) fn fold(text: &str) -> Option<String> {
    if text.len() > super::MAX_CHARS || !text.bytes().all(plain) {
        return fold_letters(text);
    }
    let mut out = String::with_capacity(text.len());
    let (mut prev, mut run) = (0u8, 0usize);
    for b in text.bytes() {
        let c = b.to_ascii_lowercase();
        run = if c == prev { run + 1 } else { 1 };
        prev = c;
        if c.is_ascii_alphabetic() && run > 2 {
            continue;
        }
        out.push(if c.is_ascii_alphanumeric() {
            c as char
        } else {
            ' '
        });
    }
    Some(out)
}

/// One character's fold: up to two characters and how many (`None`: left to the steps).
type LetterFold = Option<([char; 2], u8)>;

/// The first character after the ones [`letter_folds`] covers.
const TABLE_END: u32 = 0x700;

/// Steps 2 and 4 (case, then the Latin, Cyrillic and Arabic folds) of one character,
/// for the non-ASCII characters below [`TABLE_END`] that the steps treat on their own:
/// no NFC change (quick check yes, no combining class), no apostrophe, no invisible or
/// combining character, no markup, in or out (at most two characters out). Every one of
/// these steps maps character by character, so a text of such characters folds as the
/// concatenation of its characters' folds (`None`: a character the steps must see).
fn letter_folds() -> &'static [LetterFold] {
    static TABLE: OnceLock<Vec<LetterFold>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let bad = |c: char| {
            super::apostrophe::APOSTROPHES.contains(&c)
                || super::punct::is_invisible(c)
                || is_combining_mark(c)
                || matches!(c, '<' | '&')
        };
        (0..TABLE_END)
            .map(|u| {
                let c = char::from_u32(u).filter(|c| !c.is_ascii())?;
                if bad(c)
                    || canonical_combining_class(c) != 0
                    || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
                {
                    return None;
                }
                let cased = super::case::fold_case(&c.to_string());
                if cased.chars().any(bad) {
                    return None;
                }
                let folded =
                    super::arabic::fold(&super::cyrillic::fold(&super::latin::fold(&cased)));
                let out: Vec<char> = folded.chars().collect();
                if out.len() > 2 || out.iter().any(|&o| bad(o)) {
                    return None;
                }
                let mut two = [' '; 2];
                two[..out.len()].copy_from_slice(&out);
                Some((two, out.len() as u8))
            })
            .collect()
    })
}

/// The first character after the ones [`nfc_starters`] covers (general punctuation, ZWNJ
/// and the like are below it).
const STARTERS_END: u32 = 0x3000;

/// One bit per character below [`STARTERS_END`]: NFC quick check yes and combining class 0
/// (a starter that never composes with what is before it). A text of such characters is
/// NFC (Unicode's quick check answers yes for it: every character yes, no class to order).
fn nfc_starters() -> &'static [u64] {
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut bits = vec![0u64; STARTERS_END as usize / 64];
        for c in (0..STARTERS_END).filter_map(char::from_u32) {
            if canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
            {
                bits[c as usize / 64] |= 1 << (c as usize % 64);
            }
        }
        bits
    })
}

/// Whether `text` is NFC for certain without Unicode's quick check: ASCII and the
/// characters of [`nfc_starters`] (Persian's ZWNJ, ؟ ، « », general punctuation), each NFC
/// on its own with no combining class.
pub(super) fn nfc_stable(text: &str) -> bool {
    let table = nfc_starters();
    text.chars().all(|c| {
        c.is_ascii()
            || table
                .get(c as usize / 64)
                .is_some_and(|w| (w >> (c as usize % 64)) & 1 == 1)
    })
}

/// Whether [`super::fold_before_digraphs`] folds `text` character by character (the
/// fast paths of [`fold`]): then the fold of words joined by single spaces is their folds
/// joined by spaces (a run of equal letters never spans a space), and so are its tokens.
pub(crate) fn per_char(text: &str) -> bool {
    let table = letter_folds();
    text.len() <= super::MAX_CHARS
        && text.chars().all(|c| {
            if c.is_ascii() {
                plain(c as u8)
            } else {
                table.get(c as usize).is_some_and(Option::is_some)
            }
        })
}

/// The fold of text of plain ASCII and the letters of [`letter_folds`] (German, Turkish,
/// Cyrillic and Arabic words), or `None`: NFC and the apostrophe rules change nothing, each
/// character folds on its own, then the runs are cut as [`super::repeats::collapse`] does
/// (three or more Arabic letters to one, other letters to two) and every character that is
/// no letter or digit becomes a space.
fn fold_letters(text: &str) -> Option<String> {
    if text.len() > super::MAX_CHARS {
        return None;
    }
    let table = letter_folds();
    let mut out = String::with_capacity(text.len() + 8);
    let (mut prev, mut run) = ('\0', 0usize);
    let mut push = |c: char, out: &mut String| {
        run = if c == prev { run + 1 } else { 1 };
        prev = c;
        if super::is_alphabetic(c) {
            if matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F) {
                // A run of three or more is one letter: the second one goes again.
                if run == 3 {
                    out.pop();
                }
                if run >= 3 {
                    return;
                }
            } else if run > 2 {
                return;
            }
        }
        out.push(if super::is_alphanumeric(c) { c } else { ' ' });
    };
    for c in text.chars() {
        if c.is_ascii() {
            if !plain(c as u8) {
                return None;
            }
            push(c.to_ascii_lowercase(), &mut out);
        } else {
            let (two, n) = table.get(c as usize).copied().flatten()?;
            for &f in &two[..n as usize] {
                push(f, &mut out);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character below the starters' end and some beyond: `nfc_stable` says NFC only
    /// where Unicode's quick check says yes; random texts of letters, marks and punctuation
    /// of the bot's scripts: `nfc_stable` implies the quick check's yes.
    #[test]
    fn nfc_stable_only_where_the_quick_check_says_yes() {
        let mut yes = 0;
        for c in (0..STARTERS_END + 0x100).filter_map(char::from_u32) {
            for t in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}\u{301}"),
                format!("ب{c}ی"),
            ] {
                if nfc_stable(&t) {
                    assert_eq!(is_nfc_quick(t.chars()), IsNormalized::Yes, "{t:?}");
                    yes += 1;
                }
            }
        }
        assert!(yes > 20_000, "{yes}");
        for c in ['\u{200C}', '\u{200D}', '؟', '،', '«', '»', '\u{2019}', '…'] {
            assert!(nfc_stable(&format!("می{c}خواهم")), "{c:?}");
        }
        let alphabet = [
            'a', 'e', '\u{301}', '\u{308}', 'ü', 'ب', 'ی', '\u{200C}', '\u{64E}', 'ا', '\u{653}',
            'И', '\u{306}', '?', ' ', 'ᄀ', 'ᅡ', '가', '\u{3099}', 'か',
        ];
        let mut rng = crate::test_rng::xorshift(0x5eed);
        for _ in 0..100_000 {
            let mut t = String::new();
            for _ in 0..rng(7) {
                t.push(alphabet[rng(alphabet.len() as u64) as usize]);
            }
            if nfc_stable(&t) {
                assert_eq!(is_nfc_quick(t.chars()), IsNormalized::Yes, "{t:?}");
            }
        }
    }

    /// Checks every text the fast fold takes against the six steps, under both apostrophe
    /// rules; returns how many it took.
    fn folded_fast_as_the_steps(texts: &[String]) -> usize {
        let mut fast = 0;
        for t in texts {
            for apostrophe_suffixes in [false, true] {
                let steps = super::super::fold_each_step(t, apostrophe_suffixes);
                if let Some(f) = fold(t) {
                    assert_eq!(f, steps, "{t:?}");
                    fast += 1;
                }
            }
        }
        fast
    }

    /// Every text up to five characters over an alphabet with the cases that matter (upper
    /// case, Turkish `I`, runs, digits, punctuation, and characters it must leave to the
    /// steps), and some longer ones: the same as the six steps, under both apostrophe rules.
    #[test]
    fn the_same_as_every_step() {
        let alphabet = ['a', 'A', 'I', 'i', 'ß', '1', '?', ' ', '.', '\'', '<', 'ı'];
        let mut texts: Vec<String> = vec![String::new()];
        texts.extend(super::super::testing::every_text(&alphabet, 5));
        texts.extend(
            [
                "Wann wurde das Netzwerk gegruendet??",
                "HALLOOOO widunetz!!! 2024...",
                "ISPARTA Istanbul ne zaman kuruldu?",
                "Jobcenter, Caritas. AWO",
            ]
            .map(String::from),
        );
        texts.push("a".repeat(super::super::MAX_CHARS + 1));
        let fast = folded_fast_as_the_steps(&texts);
        assert!(fast > 10_000, "{fast}");
    }

    /// Every character the table covers, alone, doubled, tripled and between letters, and
    /// every text up to four characters over an alphabet of letters of the four scripts
    /// with their special cases (Turkish İ ı, ß, Ё ё ґ, alef and Persian forms, stretched
    /// Arabic letters) and characters the table leaves to the steps: the same as the steps.
    #[test]
    fn letters_the_same_as_every_step() {
        let mut texts: Vec<String> = Vec::new();
        for c in (0x80..0x800u32).filter_map(char::from_u32) {
            for t in [
                "{c}",
                "{c}{c}",
                "{c}{c}{c}",
                "a{c}{c}{c}b",
                "ب{c}{c}{c}{c}",
                "Ё{c} {c}И",
            ] {
                texts.push(t.replace("{c}", &c.to_string()));
            }
        }
        let alphabet = [
            'a', 'I', 'İ', 'ı', 'ß', 'ü', 'Ö', 'ş', 'é', 'Ё', 'ё', 'ґ', 'Д', 'ы', 'і', 'ا', 'أ',
            'ی', 'ک', 'ة', 'ـ', '\u{064E}', '٣', '?', ' ', '\'', '<', '1',
        ];
        texts.extend(super::super::testing::every_text(&alphabet, 4));
        texts.extend(
            [
                "Wann wurde das Netzwerk gegründet??",
                "Größe ŞİŞLİ çağ ılık",
                "Когда основана СЕТЬ ещё ґанок?",
                "ما هي الشبكةةة؟ شكراااا أهداف",
                "ممکن است بپرسم کجا",
            ]
            .map(String::from),
        );
        texts.push("ä".repeat(super::super::MAX_CHARS / 2 + 1));
        let fast = folded_fast_as_the_steps(&texts);
        assert!(fast > 300_000, "{fast}");
    }
}
