//! Letter tests on the query path, fast for the scripts the bot reads.

/// [`char::is_alphabetic`], answered without the Unicode table for the letters of the
/// scripts the bot reads (Latin, Cyrillic А–я, Arabic and Persian letters): every
/// character of a query is asked several times per language, and the table is a search.
/// Same answer for every character (tested over all of them).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2AF}' => true,
        '\u{410}'..='\u{44F}' => true,
        '\u{621}'..='\u{63A}' | '\u{641}'..='\u{64A}' | '\u{671}'..='\u{6D3}' => true,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`] by way of [`is_alphabetic`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alphabetic(c) || c.is_numeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_letter_tests_agree_with_std_for_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
