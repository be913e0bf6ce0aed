//! Step 4b: letters stretched for emphasis.
//!
//! Rules:
//! - a run of three or more of the same letter becomes one letter in Arabic script
//!   ("شكراااا" → "شكرا", "اهدااااف" → "اهداف": Arabic writes no double letters, a doubled
//!   consonant is a shadda, removed by [`super::arabic`]);
//! - in other scripts it becomes two letters ("hallooo" → "halloo", "Schifffahrt" →
//!   "Schiffahrt"): German and Turkish have real double letters, and a typo budget covers one
//!   letter too many;
//! - digits and other characters are left alone ("2000" stays).

pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut run = 1usize;
        while chars.peek() == Some(&c) {
            chars.next();
            run += 1;
        }
        let keep = if !super::is_alphabetic(c) {
            run
        } else if matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F) {
            if run >= 3 { 1 } else { run }
        } else {
            run.min(2)
        };
        out.extend(std::iter::repeat_n(c, keep));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretched_letters() {
        for (input, want) in [
            ("شكراااا", "شكرا"),
            ("اهدااااف", "اهداف"),
            ("hallooo", "halloo"),
            ("Schifffahrt", "Schiffahrt"),
            ("danke", "danke"),
            ("2000", "2000"),
            ("ммммм да", "мм да"),
        ] {
            assert_eq!(collapse(input), want, "input {input:?}");
        }
    }
}
