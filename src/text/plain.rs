//! [`super::fold_before_digraphs`] of plain ASCII text (letters, digits, spaces and the
//! punctuation most chat words end with): most words of a chat message, folded in one pass
//! with one allocation instead of six steps that each copy the word.

/// Whether [`fold`] takes `b`: no apostrophe (suffix cuts), no `<` or `&` (markup).
fn plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b' ' | b'?' | b'!' | b'.' | b',')
}

/// The fold of plain ASCII text, or `None` for any other text. For such text NFC, the
/// apostrophe rules and the per-script folds change nothing and case folding is ASCII
/// lower case (`I` is `i` in both); then runs of more than two equal letters are cut to two
/// ([`super::repeats::collapse`]) and every character that is no letter or digit becomes a
/// space ([`super::punct::to_spaces`]).
pub(super) fn fold(text: &str) -> Option<String> {
    if text.len() > super::MAX_CHARS || !text.bytes().all(plain) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (mut prev, mut run) = (0u8, 0usize);
    for b in text.bytes() {
        let c = b.to_ascii_lowercase();
        run = if c == prev { run + 1 } else { 1 };
        prev = c;
        if c.is_ascii_alphabetic() && run > 2 {
            continue;
        }
        out.push(if c.is_ascii_alphanumeric() {
            c as char
        } else {
            ' '
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text up to five characters over an alphabet with the cases that matter (upper
    /// case, Turkish `I`, runs, digits, punctuation, and characters it must leave to the
    /// steps), and some longer ones: the same as the six steps, under both apostrophe rules.
    #[test]
    fn the_same_as_every_step() {
        let alphabet = ['a', 'A', 'I', 'i', 'ß', '1', '?', ' ', '.', '\'', '<', 'ı'];
        let mut texts: Vec<String> = vec![String::new()];
        let mut last: Vec<String> = vec![String::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        texts.extend(
            [
                "Wann wurde das Netzwerk gegruendet??",
                "HALLOOOO widunetz!!! 2024...",
                "ISPARTA Istanbul ne zaman kuruldu?",
                "Jobcenter, Caritas. AWO",
            ]
            .map(String::from),
        );
        texts.push("a".repeat(super::super::MAX_CHARS + 1));
        let mut fast = 0;
        for t in &texts {
            for apostrophe_suffixes in [false, true] {
                let steps = super::super::fold_each_step(t, apostrophe_suffixes);
                if let Some(f) = fold(t) {
                    assert_eq!(f, steps, "{t:?}");
                    fast += 1;
                }
            }
        }
        assert!(fast > 10_000, "{fast}");
    }
}
