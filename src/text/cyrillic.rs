//! Step 4 (Cyrillic script).
//!
//! Rules:
//! - `ё` → `е` (most people type е); `й` is a letter of its own and stays;
//! - Ukrainian `ґ` → `г` (many keyboards lack ґ, and spelling changed over time: «проґрама»);
//!   і, ї, є stay (they tell words apart);
//! - stray combining marks are dropped by [`super::punct`].

pub fn fold(text: &str) -> String {
    text.replace('ё', "е").replace('ґ', "г")
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
            ("ґанок", "ганок"),
            ("їжак є", "їжак є"),
        ] {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }
}
