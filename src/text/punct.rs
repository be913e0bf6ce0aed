//! Step 5: punctuation, symbols and invisible characters.
//!
//! Rules:
//! - invisible format characters (zero-width space/joiners, bidi marks and overrides,
//!   BOM, soft hyphen) are removed without a break ("kern\u{200B}gruppe" = "kerngruppe");
//! - remaining combining marks (after NFC and folding) are removed;
//! - everything else that is not a letter or digit — punctuation of all four scripts
//!   (? ! . , ؟ ، ؛ « » „ “ ” … – -), symbols, emoji, control characters, NUL — becomes a space;
//! - markup pasted with a question is no words: an HTML tag of letters ("<b>", "</i>") and an
//!   entity ("&amp;", "&#39;") become a space, so "<b>Kontakt</b> &amp;" is "Kontakt".

use unicode_normalization::char::is_combining_mark;

pub fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF)
}

/// The length in chars of a markup tag or entity starting at `chars[0]`, if there is one.
fn markup_len(chars: &[char]) -> Option<usize> {
    let (close, first_ok): (char, fn(char) -> bool) = match chars.first()? {
        '<' => ('>', |c| c == '/' || c.is_ascii_alphabetic()),
        '&' => (';', |c| c == '#' || c.is_ascii_alphanumeric()),
        _ => return None,
    };
    if !first_ok(*chars.get(1)?) {
        return None;
    }
    let end = chars.iter().take(12).position(|&c| c == close)?;
    chars[1..end]
        .iter()
        .all(|&c| c == '/' || c == '#' || c.is_ascii_alphanumeric())
        .then_some(end + 1)
}

pub fn to_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = if text.contains(['<', '&']) {
        text.chars().collect()
    } else {
        Vec::new()
    };
    let mut skip = 0;
    for (i, c) in text.chars().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if matches!(c, '<' | '&')
            && let Some(n) = markup_len(&chars[i..])
        {
            skip = n - 1;
            out.push(' ');
            continue;
        }
        if is_invisible(c) || is_combining_mark(c) {
            continue;
        }
        if super::is_alphanumeric(c) {
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
    fn markup_is_no_words() {
        for (input, want) in [
            ("<b>Kontakt</b>", " Kontakt "),
            ("&amp;", " "),
            ("a &#39;b", "a  b"),
            ("3 < 4 & 5", "3   4   5"),
            ("<script>x", " x"),
            ("a<b", "a b"),
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
