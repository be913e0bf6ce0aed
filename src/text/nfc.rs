//! Step 1: cap the length, then Unicode NFC.
//!
//! Rules:
//! - at most `max_chars` characters are kept (bounded work on hostile input);
//! - NFC composes base + combining mark ("u" + U+0308 → "ü") so later steps see one form.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

pub fn nfc(text: &str, max_chars: usize) -> String {
    let capped = super::cap::cut(text, max_chars);
    // ASCII is its own NFC.
    if capped.is_ascii() {
        return capped.into_owned();
    }
    // Most text is NFC already (the quick check is a table look-up per character; composing
    // decomposes and recomposes every character).
    if super::plain::nfc_stable(&capped)
        || unicode_normalization::is_nfc_quick(capped.chars()) == IsNormalized::Yes
    {
        return capped.into_owned();
    }
    capped.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes() {
        let input = "gegru\u{308}ndet";
        assert_eq!(nfc(input, 100), "gegründet", "input {input:?}");
    }

    #[test]
    fn caps_length() {
        let input = "x".repeat(10_000);
        assert_eq!(nfc(&input, 600).chars().count(), 600, "10,000 x");
    }
}
