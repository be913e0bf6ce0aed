//! The length cap of every text the bot reads ([`super::MAX_CHARS`] characters).

use std::borrow::Cow;

/// `text` cut to [`super::MAX_CHARS`] characters: borrowed when it is within the cap (a
/// text of at most that many bytes always is), so most messages are not copied.
pub fn capped(text: &str) -> Cow<'_, str> {
    if text.len() <= super::MAX_CHARS {
        return text.into();
    }
    match text.char_indices().nth(super::MAX_CHARS) {
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
