//! Tokens of folded text, cut to [`MAX_TOKEN_CHARS`] characters.

use super::{MAX_TOKEN_CHARS, MAX_TOKENS};

/// Splits folded text into at most [`MAX_TOKENS`] tokens of at most [`MAX_TOKEN_CHARS`] chars.
pub fn tokens(folded: &str) -> Vec<String> {
    // Folded text separates words by spaces only: split at them, not at every kind of
    // white space (the same tokens when the text has no other white space).
    let other_space = |b: &u8| matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    if folded.is_ascii() && !folded.as_bytes().iter().any(other_space) {
        return folded
            .split(' ')
            .filter(|t| !t.is_empty())
            .take(MAX_TOKENS)
            .map(cap_token)
            .collect();
    }
    folded
        .split_whitespace()
        .take(MAX_TOKENS)
        .map(cap_token)
        .collect()
}

/// `t` cut to [`MAX_TOKEN_CHARS`] characters.
pub(super) fn cap_token(t: &str) -> String {
    super::cap::cut(t, MAX_TOKEN_CHARS).into_owned()
}

/// [`cap_token`] of a token already owned: kept as it is when nothing is cut.
pub(super) fn cap_owned(t: String) -> String {
    if t.len() <= MAX_TOKEN_CHARS {
        t
    } else {
        cap_token(&t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text up to five characters over spaces, every other ASCII white space, letters
    /// and a non-ASCII space: the same tokens as a split at any white space.
    #[test]
    fn the_same_as_split_whitespace() {
        let alphabet = [
            ' ', '\t', '\n', '\x0b', '\x0c', '\r', 'a', 'b', '\u{a0}', '\x1f',
        ];
        for t in &crate::text::testing::every_text(&alphabet, 5) {
            let want: Vec<String> = t.split_whitespace().map(cap_token).collect();
            assert_eq!(tokens(t), want, "{t:?}");
        }
    }
}
