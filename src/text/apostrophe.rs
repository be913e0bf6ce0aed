//! Step 3: cut Turkish suffixes written after an apostrophe.
//!
//! Rules:
//! - in a word, everything from an apostrophe (' ’ ‘ ʼ `) that follows a letter is dropped:
//!   Turkish writes case endings of names that way ("widunetz'in", "Herford'da");
//! - a leading apostrophe or one without a letter before it is left to punctuation.

const APOSTROPHES: [char; 5] = ['\'', '’', '‘', 'ʼ', '`'];

pub fn cut_suffixes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skipping = false;
    let mut prev_letter = false;
    for c in text.chars() {
        if c.is_whitespace() {
            skipping = false;
            prev_letter = false;
            out.push(c);
            continue;
        }
        if skipping {
            continue;
        }
        if APOSTROPHES.contains(&c) && prev_letter {
            skipping = true;
            continue;
        }
        prev_letter = c.is_alphanumeric();
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_turkish_suffix() {
        for (input, want) in [
            ("widunetz'in amacı", "widunetz amacı"),
            ("herford’da kim", "herford kim"),
            ("'quoted'", "'quoted"),
        ] {
            assert_eq!(cut_suffixes(input), want, "input {input:?}");
        }
    }
}
