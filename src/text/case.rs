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
            'İ' | 'I' | 'ı' => out.push('i'),
            c if c.is_lowercase() || !super::is_alphabetic(c) => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
