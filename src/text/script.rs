//! Which script a text is written in (Latin, Cyrillic, Arabic).
//!
//! Rules:
//! - Cyrillic: U+0400–U+052F; Arabic: U+0600–U+06FF, U+0750–U+077F, U+08A0–U+08FF,
//!   U+FB50–U+FDFF, U+FE70–U+FEFF; Latin: other alphabetic characters below U+0250 and
//!   U+1E00–U+1EFF; anything else does not count.
//! - The dominant script is the one with most letters; none → `None`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Arabic,
}

pub fn of_char(c: char) -> Option<Script> {
    match c as u32 {
        0x0400..=0x052F => Some(Script::Cyrillic),
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            if c.is_alphabetic() {
                Some(Script::Arabic)
            } else {
                None
            }
        }
        0x0041..=0x024F | 0x1E00..=0x1EFF if c.is_alphabetic() => Some(Script::Latin),
        _ => None,
    }
}

/// Letter counts per script: (latin, cyrillic, arabic).
pub fn counts(text: &str) -> (usize, usize, usize) {
    let (mut l, mut c, mut a) = (0, 0, 0);
    for ch in text.chars() {
        match of_char(ch) {
            Some(Script::Latin) => l += 1,
            Some(Script::Cyrillic) => c += 1,
            Some(Script::Arabic) => a += 1,
            None => {}
        }
    }
    (l, c, a)
}

/// The script a question is written in. Latin letters count half: in Cyrillic or Arabic
/// messages Latin words are names, brands and addresses ("история widunetz",
/// "تاريخ widunetz"), while Cyrillic or Arabic words in a German or Turkish message are rare.
pub fn dominant(text: &str) -> Option<Script> {
    let (l, c, a) = counts(text);
    if l == 0 && c == 0 && a == 0 {
        None
    } else if c > 0 && 2 * c >= l && c >= a {
        Some(Script::Cyrillic)
    } else if a > 0 && 2 * a >= l {
        Some(Script::Arabic)
    } else {
        Some(Script::Latin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        for (input, want) in [
            ("Wie geht's?", Some(Script::Latin)),
            ("Как дела?", Some(Script::Cyrillic)),
            ("كيف الحال؟", Some(Script::Arabic)),
            ("widunetz ne zaman kuruldu", Some(Script::Latin)),
            ("Что такое widunetz?", Some(Script::Cyrillic)),
            ("ما هي شبكة widunetz؟", Some(Script::Arabic)),
            ("история widunetz", Some(Script::Cyrillic)),
            ("تاريخ widunetz", Some(Script::Arabic)),
            (
                "Was heißt widunetz auf Russisch, сеть?",
                Some(Script::Latin),
            ),
            ("123 ?!", None),
        ] {
            assert_eq!(dominant(input), want, "input {input:?}");
        }
    }
}
