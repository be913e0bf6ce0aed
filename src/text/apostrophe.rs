//! Step 3: apostrophes inside words.
//!
//! Rules for a language whose profile sets `apostrophe_suffixes` (Turkish), [`cut_suffixes`]:
//! - in a word, everything from an apostrophe (' ’ ‘ ʼ `) that follows a letter is dropped:
//!   Turkish writes case endings of names that way ("widunetz'in", "Herford'da");
//! - a leading apostrophe or one without a letter before it is left to punctuation.
//!
//! Every other language, [`join_inner`]: an apostrophe between two letters is dropped, so
//! the word stays one word (Ukrainian "м'ята", "мʼята" and "мята" are one word; English
//! "don't" is "dont"). Ukrainian writes it as ' or ʼ (U+02BC, a letter for Unicode), phones
//! also type ’.

pub const APOSTROPHES: [char; 5] = ['\'', '’', '‘', 'ʼ', '`'];

pub fn join_inner(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if APOSTROPHES.contains(&c)
            && i > 0
            && super::is_alphabetic(chars[i - 1])
            && !APOSTROPHES.contains(&chars[i - 1])
            && chars
                .get(i + 1)
                .is_some_and(|n| super::is_alphabetic(*n) && !APOSTROPHES.contains(n))
        {
            continue;
        }
        out.push(c);
    }
    out
}

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
        prev_letter = super::is_alphanumeric(c);
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

    #[test]
    fn joins_words_elsewhere() {
        for (input, want) in [
            ("м'ята", "мята"),
            ("мʼята", "мята"),
            ("м’ята", "мята"),
            ("зв'язатися з вами", "звязатися з вами"),
            ("don't", "dont"),
            ("'quoted'", "'quoted'"),
            ("widunetz' ", "widunetz' "),
        ] {
            assert_eq!(join_inner(input), want, "input {input:?}");
        }
    }
}
