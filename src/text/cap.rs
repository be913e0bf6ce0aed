//! The length cap of every text the bot reads ([`super::MAX_CHARS`] characters).

use std::borrow::Cow;

/// `text` cut to [`super::MAX_CHARS`] characters (see [`cut`]).
pub fn capped(text: &str) -> Cow<'_, str> {
    cut(text, super::MAX_CHARS)
}

/// `text` cut to `max_chars` characters: borrowed when it is within them (a text of at most
/// that many bytes always is), so most texts are not copied.
pub(super) fn cut(text: &str, max_chars: usize) -> Cow<'_, str> {
    if text.len() <= max_chars {
        return text.into();
    }
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => text[..end].into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_at_the_cap_in_characters_not_bytes() {
        let max = super::super::MAX_CHARS;
        assert!(matches!(capped("kurz"), Cow::Borrowed("kurz")));
        let long = "a".repeat(max + 5);
        assert_eq!(capped(&long), "a".repeat(max));
        // Two bytes per letter: over the cap in bytes, within it in characters.
        let wide = "ä".repeat(max);
        assert_eq!(capped(&wide), wide);
        let wider = "ä".repeat(max + 1);
        assert_eq!(capped(&wider).chars().count(), max);
    }
}
