//! Step 5: punctuation, symbols and invisible characters.
//!
//! Rules:
//! - invisible format characters (zero-width space/joiners, bidi marks and overrides,
//!   BOM, soft hyphen) are removed without a break ("kern\u{200B}gruppe" = "kerngruppe");
//! - remaining combining marks (after NFC and folding) are removed;
//! - everything else that is not a letter or digit — punctuation of all four scripts
//!   (? ! . , ؟ ، ؛ « » „ “ ” … – -), symbols, emoji, control characters, NUL — becomes a space.

use unicode_normalization::char::is_combining_mark;

pub fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF)
}

pub fn to_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) || is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_of_all_scripts() {
        for (input, want) in [
            ("wer?", "wer "),
            ("كيف؟", "كيف "),
            ("أ، ب", "أ  ب"),
            ("«сеть»", " сеть "),
            ("„Netz“…", " Netz  "),
        ] {
            assert_eq!(to_spaces(input), want, "input {input:?}");
        }
    }

    #[test]
    fn invisible_and_control() {
        for (input, want) in [
            ("kern\u{200B}gruppe", "kerngruppe"),
            ("a\u{0}b", "a b"),
            ("\u{202E}abc", "abc"),
        ] {
            assert_eq!(to_spaces(input), want, "input {input:?}");
        }
    }
}
