//! Step 4 (Arabic script).
//!
//! Rules:
//! - alef forms `أ إ آ ٱ` → `ا` (people often leave out the hamza);
//! - alef maqsura `ى` → `ي`; ta marbuta `ة` → `ه`;
//! - tatweel `ـ` (stretching) is removed;
//! - harakat (short vowels, shadda, sukun: U+064B–U+065F, U+0670) are removed;
//! - Arabic-Indic `٠–٩` and Persian `۰–۹` digits → ASCII `0–9`;
//! - Persian letters `ی ک` → Arabic `ي ك`; Persian `ۀ` (heh with hamza, the ezafe) → `ه`.
//!   Persian پ چ ژ گ stay (they tell words apart).

pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' | 'ی' => out.push('ي'),
            'ة' | 'ۀ' => out.push('ه'),
            'ک' => out.push('ك'),
            'ـ' => {}
            '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
            '٠'..='٩' => out.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
            '۰'..='۹' => out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alef_ya_ta_marbuta() {
        for (input, want) in [
            ("أهداف", "اهداف"),
            ("إلى", "الي"),
            ("آمنة", "امنه"),
            ("ٱلشبكة", "الشبكه"),
        ] {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }

    #[test]
    fn tatweel_and_harakat() {
        for (input, want) in [("شبـــكة", "شبكه"), ("مُوَّل", "مول"), ("الشَّبَكَةُ", "الشبكه")]
        {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }

    #[test]
    fn digits() {
        for (input, want) in [("٢٠٠٨", "2008"), ("۴۸", "48")] {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }
}
