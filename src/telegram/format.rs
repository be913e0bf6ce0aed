//! Telegram message formatting: HTML escaping and splitting long texts.

/// Telegram's limit for one message, in characters.
pub const MAX_MESSAGE: usize = 4096;

/// Escapes text for HTML parse mode (`&`, `<`, `>`); the network's name contains "&".
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Splits `text` into parts of at most `max` characters, at paragraph boundaries where
/// possible, else at line ends, else hard.
pub fn split(text: &str, max: usize) -> Vec<String> {
    split_at(text, max, &["\n\n", "\n"])
}

fn split_at(text: &str, max: usize, seps: &[&str]) -> Vec<String> {
    if text.chars().count() <= max {
        return vec![text.to_string()];
    }
    let Some((sep, finer)) = seps.split_first() else {
        let chars: Vec<char> = text.chars().collect();
        return chars.chunks(max).map(|c| c.iter().collect()).collect();
    };
    let mut parts = Vec::new();
    let mut cur = String::new();
    for piece in text.split(sep) {
        let candidate = if cur.is_empty() {
            piece.to_string()
        } else {
            format!("{cur}{sep}{piece}")
        };
        if candidate.chars().count() <= max {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        // A piece too long on its own is split at the next finer boundary.
        let mut sub = split_at(piece, max, finer);
        cur = sub.pop().unwrap_or_default();
        parts.extend(sub);
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_html() {
        assert_eq!(
            escape("Integration & Vielfalt <b>"),
            "Integration &amp; Vielfalt &lt;b&gt;"
        );
    }

    #[test]
    fn splits_at_paragraphs() {
        let text = format!("{}\n\n{}", "a".repeat(30), "b".repeat(30));
        assert_eq!(split(&text, 40), vec!["a".repeat(30), "b".repeat(30)]);
        let long = "x".repeat(100);
        let parts = split(&long, 40);
        assert!(parts.iter().all(|p| p.chars().count() <= 40), "{parts:?}");
        assert_eq!(parts.concat(), long);
        assert_eq!(split("short", 40), vec!["short"]);
    }
}
