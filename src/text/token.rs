//! Tokens of folded text, cut to [`MAX_TOKEN_CHARS`] characters.

use super::{MAX_TOKEN_CHARS, MAX_TOKENS};

/// Splits folded text into at most [`MAX_TOKENS`] tokens of at most [`MAX_TOKEN_CHARS`] chars.
pub fn tokens(folded: &str) -> Vec<String> {
    folded
        .split_whitespace()
        .take(MAX_TOKENS)
        .map(cap_token)
        .collect()
}

/// `t` cut to [`MAX_TOKEN_CHARS`] characters. (A token of at most that many bytes has at
/// most that many characters: copied whole, not character by character.)
pub(super) fn cap_token(t: &str) -> String {
    if t.len() <= MAX_TOKEN_CHARS {
        t.to_string()
    } else {
        t.chars().take(MAX_TOKEN_CHARS).collect()
    }
}

/// [`cap_token`] of a token already owned: kept as it is when nothing is cut.
pub(super) fn cap_owned(t: String) -> String {
    if t.len() <= MAX_TOKEN_CHARS {
        t
    } else {
        cap_token(&t)
    }
}
