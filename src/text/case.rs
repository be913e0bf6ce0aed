//! Step 2: case folding with Turkish rules.
//!
//! Rules:
//! - `İ` (U+0130) → `i`, not Unicode's default "i̇" (i + combining dot);
//! - `I` → `i` and dotless `ı` → `i`: Turkish and German readers type both, and
//!   Turkish folding (step 4) maps ı to i anyway, so all four end as plain `i`;
//! - everything else: Unicode lower case.

pub fn fold_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // The bot's commonest letters first, without the Unicode tables' look-ups (the
            // same results: `every_character_as_the_plain_fold`): ASCII ('I' → 'i' too),
            // Arabic and Persian (no case), general punctuation (ZWNJ), basic Cyrillic.
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '\u{0600}'..='\u{06FF}' | '\u{2000}'..='\u{206F}' | 'а'..='я' | 'ѐ'..='џ' => {
                out.push(c)
            }
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'Ѐ'..='Џ' => out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
            'İ' | 'ı' => out.push('i'),
            c if c.is_lowercase() || !super::is_alphabetic(c) => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// [`fold_case`] of an owned text: the text itself when every character is one the fold
/// keeps ([`keeps_case`]), no copy.
pub fn fold_case_owned(text: String) -> String {
    if text.chars().all(keeps_case) {
        text
    } else {
        fold_case(&text)
    }
}

/// Characters [`fold_case`] maps to themselves by its fast paths (ASCII but `A`–`Z`,
/// Arabic and Persian, general punctuation, lower-case basic Cyrillic).
fn keeps_case(c: char) -> bool {
    matches!(c, '\0'..='@' | '['..='\x7f' | '\u{0600}'..='\u{06FF}' | '\u{2000}'..='\u{206F}' | 'а'..='я' | 'ѐ'..='џ')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the owned fold keeps as it is folds to itself; texts of kept and
    /// changed characters fold the same owned or not.
    #[test]
    fn owned_fold_is_the_fold() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| keeps_case(c))
        {
            assert_eq!(
                fold_case(&c.to_string()),
                c.to_string(),
                "U+{:04X}",
                c as u32
            );
        }
        let alphabet = [
            'a', 'A', 'I', 'İ', 'ı', 'ب', 'ی', '\u{200C}', 'д', 'Д', 'ё', 'Ё', '?', ' ', 'ß', 'Σ',
        ];
        let mut rng = crate::test_rng::xorshift(0xca5e);
        for _ in 0..50_000 {
            let t: String = (0..rng(8))
                .map(|_| alphabet[rng(alphabet.len() as u64) as usize])
                .collect();
            assert_eq!(fold_case_owned(t.clone()), fold_case(&t), "{t:?}");
        }
    }

    /// The fold without the fast paths.
    fn plain(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                'İ' | 'I' | 'ı' => out.push('i'),
                c if c.is_lowercase() || !crate::text::is_alphabetic(c) => out.push(c),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    #[test]
    fn every_character_as_the_plain_fold() {
        let mut s = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            s.clear();
            s.push(c);
            assert_eq!(fold_case(&s), plain(&s), "U+{:04X}", c as u32);
        }
        let text = "İSTANBUL Iİı СЕТЬ Ёлка ЀЏ ما هي Straße ǅ ΣΑΣ";
        assert_eq!(fold_case(text), plain(text));
    }

    #[test]
    fn turkish_dotted_and_dotless() {
        for (input, want) in [
            ("İSTANBUL", "istanbul"),
            ("ISPARTA", "isparta"),
            ("ılık", "ilik"),
        ] {
            assert_eq!(fold_case(input), want, "input {input:?}");
        }
    }

    #[test]
    fn other_scripts() {
        for (input, want) in [
            ("KERNGRUPPE", "kerngruppe"),
            ("СЕТЬ", "сеть"),
            ("ШАГ", "шаг"),
        ] {
            assert_eq!(fold_case(input), want, "input {input:?}");
        }
    }
}
