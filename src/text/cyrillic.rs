//! Step 4 (Cyrillic script).
//!
//! Rules:
//! - `ё` → `е` (most people type е); `й` is a letter of its own and stays;
//! - stray combining marks are dropped by [`super::punct`].

pub fn fold(text: &str) -> String {
    text.replace('ё', "е")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yo_to_ye_keeps_short_i() {
        for (input, want) in [
            ("ещё", "еще"),
            ("объединённый", "объединенный"),
            ("какой", "какой"),
        ] {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }
}
