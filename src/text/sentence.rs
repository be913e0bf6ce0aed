//! The question of a message that tells a story first ("I volunteer at a café in Vlotho. We
//! help people with paperwork. Could our association join?").
//!
//! Rules:
//! - a sentence ends at `.`, `!`, `?`, `؟`, `…` or `。` followed by white space or the end of
//!   the message, and at a line break; "2.5", "z.B." inside a word and "widunetz.de" do not end
//!   one;
//! - a sentence counts only if it has a letter or digit ("!!!" and "..." are no sentences);
//! - the question is the one sentence with a question mark (`?` or `؟`) among sentences
//!   without one; without any question mark, the last sentence;
//! - a message of one sentence has no separate question ([`None`]): it is the question;
//!   neither has one with two or more questions ("Who founded it? And when?": which one
//!   the person cares about most, or whether the second leans on the first, is not known).

/// The sentences of `text`, in order, trimmed, each with its end mark.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_mark = matches!(c, '.' | '!' | '?' | '؟' | '…' | '。');
        let ends = c == '\n'
            || (end_mark
                && chars
                    .peek()
                    .is_none_or(|&(_, n)| n.is_whitespace() || n == '\n'));
        if ends {
            // Several marks ("?!", "...") belong to one end.
            let mut stop = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if matches!(n, '.' | '!' | '?' | '؟' | '…') {
                    stop = j + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push(&mut out, &text[start..stop]);
            start = stop;
        }
    }
    push(&mut out, &text[start..]);
    out
}

fn push<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if s.chars().any(crate::text::is_alphanumeric) {
        out.push(s);
    }
}

/// The question of a message of several sentences (see the module docs).
pub fn question(text: &str) -> Option<&str> {
    let all = sentences(text);
    if all.len() < 2 {
        return None;
    }
    let mut asked = all.iter().filter(|s| s.contains(['?', '؟']));
    match (asked.next(), asked.next()) {
        (Some(q), None) => Some(q),
        (None, _) => all.last().copied(),
        (Some(_), Some(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_marks_followed_by_space_and_at_line_breaks() {
        assert_eq!(
            sentences("Hallo! Ich bin neu hier. Wer seid ihr?"),
            ["Hallo!", "Ich bin neu hier.", "Wer seid ihr?"]
        );
        assert_eq!(
            sentences("Seit 2.5 Jahren z.B. auf widunetz.de aktiv"),
            ["Seit 2.5 Jahren z.B.", "auf widunetz.de aktiv"],
            "inside a word no end; an abbreviation before a space ends one (harmless)"
        );
        assert_eq!(sentences("hi\nwer seid ihr"), ["hi", "wer seid ihr"]);
        assert_eq!(
            sentences("Was?! Wirklich... ok"),
            ["Was?!", "Wirklich...", "ok"]
        );
        assert_eq!(sentences("مرحبا. من أنتم؟"), ["مرحبا.", "من أنتم؟"]);
        assert!(sentences("!!! ...").is_empty());
    }

    #[test]
    fn the_question_is_the_last_sentence_with_a_question_mark() {
        assert_eq!(
            question("Ich arbeite in Vlotho. Kann unser Verein mitmachen? Danke schön."),
            Some("Kann unser Verein mitmachen?")
        );
        assert_eq!(
            question("Я волонтёр. Мы помогаем детям. как вступить в сеть"),
            Some("как вступить в сеть"),
            "no question mark: the last sentence"
        );
        assert_eq!(question("Wer seid ihr?"), None, "one sentence");
        assert_eq!(
            question("Wer seid ihr? !!!"),
            None,
            "marks alone are no sentence"
        );
        assert_eq!(
            question("Gibt es das auch in Bielefeld? Wer hat es gegründet?"),
            None,
            "two questions"
        );
    }
}
