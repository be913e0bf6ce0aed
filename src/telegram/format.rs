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
    if text.chars().count() <= max {
        return vec![text.to_string()];
    }
    let mut parts = Vec::new();
    let mut cur = String::new();
    for para in text.split("\n\n") {
        let candidate = if cur.is_empty() {
            para.to_string()
        } else {
            format!("{cur}\n\n{para}")
        };
        if candidate.chars().count() <= max {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        if para.chars().count() <= max {
            cur = para.to_string();
        } else {
            // One paragraph longer than a message: cut at line ends, then hard.
            for line in para.split('\n') {
                let cand = if cur.is_empty() {
                    line.to_string()
                } else {
                    format!("{cur}\n{line}")
                };
                if cand.chars().count() <= max {
                    cur = cand;
                    continue;
                }
                if !cur.is_empty() {
                    parts.push(std::mem::take(&mut cur));
                }
                let chars: Vec<char> = line.chars().collect();
                for chunk in chars.chunks(max) {
                    let s: String = chunk.iter().collect();
                    if s.chars().count() == max {
                        parts.push(s);
                    } else {
                        cur = s;
                    }
                }
            }
        }
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
