//! Test inputs shared by the text steps' tests.

/// Every text of 1 to `max_len` characters over `alphabet`, shortest first.
pub fn every_text(alphabet: &[char], max_len: usize) -> Vec<String> {
    let mut texts = Vec::new();
    let mut last: Vec<String> = vec![String::new()];
    for _ in 0..max_len {
        last = last
            .iter()
            .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
            .collect();
        texts.extend(last.iter().cloned());
    }
    texts
}
