//! Right-to-left display: one rule for every message of every right-to-left language.
//!
//! Telegram and terminals lay out each line with the Unicode bidi algorithm (UAX #9). Inside
//! an Arabic (Persian, Hebrew, …) line, left-to-right pieces can come out in the wrong order:
//! `الهاتف: 05221-131121` shows as `131121-05221` (after an Arabic letter the digits become
//! "Arabic numbers", which a hyphen does not hold together), a line that starts with a Latin
//! name is laid out left to right, and `/topics` or `@BotFather` lose their sign to the other
//! end. So every message formatted in a right-to-left language goes through [`isolate_ltr`]:
//! on each line that holds right-to-left letters, every left-to-right span (phone numbers,
//! dates, e-mail and web addresses, commands, Latin names — from the first to the last
//! left-to-right character before the next right-to-left letter, brackets kept balanced) is
//! wrapped in LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE (U+2066 … U+2069). Inside the
//! isolate it reads left to right; outside, the line keeps its right-to-left order.
//!
//! Lines without right-to-left letters (a phone number on its own line, `/contact`) are left
//! untouched, so what people most often copy carries no invisible characters. Which
//! languages are right-to-left comes from the language code (CLDR: ar, fa, he, ur, ps, …,
//! or a script subtag such as `-Arab`), so a new language folder needs no code change.

use std::borrow::Cow;

use unic_langid::{CharacterDirection, LanguageIdentifier};
use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// LEFT-TO-RIGHT ISOLATE.
pub const LRI: char = '\u{2066}';
/// POP DIRECTIONAL ISOLATE.
pub const PDI: char = '\u{2069}';

/// Is this language written right to left?
pub fn is_rtl(lang: &LanguageIdentifier) -> bool {
    lang.character_direction() == CharacterDirection::RTL
}

fn is_rtl_letter(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Letters and digits that are laid out left to right (Latin letters, European and Arabic
/// digits: both kinds of digits must keep their order inside a number).
fn is_ltr_core(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::L | BidiClass::EN | BidiClass::AN)
}

/// Signs that belong to the word after them: `/topics`, `+49 …`, `@BotFather`, `#tag`.
fn is_prefix_sign(c: char) -> bool {
    matches!(c, '/' | '+' | '@' | '#')
}

fn opening(c: char) -> Option<char> {
    match c {
        ')' => Some('('),
        ']' => Some('['),
        '}' => Some('{'),
        _ => None,
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{')
}

/// Wraps the left-to-right spans of a right-to-left message in LRI … PDI: every span on a
/// line that holds right-to-left letters, and on other lines those spans that a renderer
/// laying the line out right to left would break (`/contact` → `contact/`). Text that needs
/// no mark comes back unchanged (borrowed).
pub fn isolate_ltr(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len() + 32);
    let mut changed = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        changed |= isolate_line(line, &mut out);
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Does this span of a line without right-to-left letters come out of order when the
/// renderer gives the line a right-to-left direction (as some do for a whole message)?
fn breaks_right_to_left(line: &str, span: &str) -> bool {
    let info = BidiInfo::new(line, Some(Level::rtl()));
    let shown: String = info
        .paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()))
        .collect();
    !shown.contains(span)
}

/// The spans of one line, as char index ranges `[start, end)`.
fn spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts = is_ltr_core(c)
            || (is_prefix_sign(c)
                && chars.get(i + 1).is_some_and(|n| is_ltr_core(*n))
                && (i == 0 || chars[i - 1].is_whitespace() || is_opening(chars[i - 1])));
        // Already inside an isolate the author wrote: leave it alone.
        if c == LRI || c == '\u{2067}' || c == '\u{2068}' {
            i = chars[i..]
                .iter()
                .position(|&x| x == PDI)
                .map_or(chars.len(), |p| i + p + 1);
            continue;
        }
        if !starts {
            i += 1;
            continue;
        }
        // Up to the next right-to-left letter (or an isolate the author wrote).
        let stop = chars[i..]
            .iter()
            .position(|&x| is_rtl_letter(x) || matches!(x, LRI | PDI | '\u{2067}' | '\u{2068}'))
            .map_or(chars.len(), |p| i + p);
        // Walk the span, cutting it before a bracket that does not pair up inside it; it
        // ends after its last left-to-right character or closed bracket.
        let mut open: Vec<char> = Vec::new();
        let mut end = i + 1;
        for (j, &x) in chars.iter().enumerate().take(stop).skip(i) {
            if is_opening(x) {
                open.push(x);
            } else if let Some(o) = opening(x) {
                if open.last() != Some(&o) {
                    break;
                }
                open.pop();
                if open.is_empty() {
                    end = j + 1;
                }
            } else if is_ltr_core(x) && open.is_empty() {
                end = j + 1;
            }
        }
        found.push((i, end));
        i = end;
    }
    found
}

/// Appends `line` with its spans isolated; true if it added marks.
fn isolate_line(line: &str, out: &mut String) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let has_rtl = chars.iter().any(|&c| is_rtl_letter(c));
    let mut at = 0;
    let mut changed = false;
    for (s, e) in spans(&chars) {
        if !has_rtl {
            let span: String = chars[s..e].iter().collect();
            if !breaks_right_to_left(line, &span) {
                continue;
            }
        }
        out.extend(&chars[at..s]);
        out.push(LRI);
        out.extend(&chars[s..e]);
        out.push(PDI);
        at = e;
        changed = true;
    }
    out.extend(&chars[at..]);
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line as a reader sees it, left to right, without the isolate marks; for each of
    /// the three ways a renderer may choose the line's direction.
    fn displays(line: &str) -> Vec<String> {
        [None, Some(Level::ltr()), Some(Level::rtl())]
            .into_iter()
            .map(|level| {
                let info = BidiInfo::new(line, level);
                let para = &info.paragraphs[0];
                info.reorder_line(para, para.range.clone())
                    .chars()
                    .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
                    .collect()
            })
            .collect()
    }

    fn in_order(line: &str, token: &str) -> bool {
        displays(line).iter().all(|d| d.contains(token))
    }

    #[test]
    fn phone_after_arabic_is_reversed_without_and_in_order_with_isolation() {
        let line = "الهاتف: 05221-131121";
        // The failure the rule exists for (so this test can fail):
        assert!(!in_order(line, "05221-131121"), "{:?}", displays(line));
        let fixed = isolate_ltr(line);
        assert_eq!(fixed, "الهاتف: \u{2066}05221-131121\u{2069}");
        assert!(in_order(&fixed, "05221-131121"), "{:?}", displays(&fixed));
    }

    #[test]
    fn persian_and_hebrew_lines_too() {
        for line in [
            "تلفن: 05221-131121 و ایمیل m.j.chaput@kreis-herford.de",
            "טלפון: 05732-905211, דוא\"ל: fmi.loehne@awo-owl.de",
            "شماره: +49 5221 131121",
        ] {
            let fixed = isolate_ltr(line);
            for t in [
                "05221-131121",
                "05732-905211",
                "m.j.chaput@kreis-herford.de",
                "fmi.loehne@awo-owl.de",
                "+49 5221 131121",
            ] {
                if line.contains(t) {
                    assert!(in_order(&fixed, t), "{t} in {:?}", displays(&fixed));
                }
            }
        }
    }

    #[test]
    fn names_commands_dates_and_brackets() {
        let cases = [
            (
                "مركز الاندماج في Kreis Herford - Kommunales Integrationszentrum (KI) للمنطقة",
                "Kreis Herford - Kommunales Integrationszentrum (KI)",
            ),
            ("Kreis Herford هي منطقة إدارية.", "Kreis Herford"),
            ("/topics – المواضيع", "/topics"),
            ("(الرمز من @BotFather)", "@BotFather"),
            ("تأسست الشبكة في 27.02.2008.", "27.02.2008"),
            (
                "الموقع https://example.org/a-b?x=1 هنا",
                "https://example.org/a-b?x=1",
            ),
            (
                "جمعية Diakonisches Werk (DW، جمعية بروتستانتية)",
                "Diakonisches Werk",
            ),
        ];
        for (line, token) in cases {
            let fixed = isolate_ltr(line);
            assert!(in_order(&fixed, token), "{token}: {:?}", displays(&fixed));
            // Brackets stay paired: never one inside an isolate and its partner outside.
            for part in fixed.split('\u{2066}').skip(1) {
                let inside = part.split('\u{2069}').next().unwrap_or("");
                let opens = inside.matches('(').count();
                let closes = inside.matches(')').count();
                assert_eq!(opens, closes, "{fixed:?}");
            }
        }
    }

    #[test]
    fn lines_without_rtl_letters_get_marks_only_where_needed() {
        // Phone and e-mail lines that every renderer shows right stay clean for copying.
        let text = "📞 05221-131121\n✉️ m.j.chaput@kreis-herford.de\nMarie Chaput";
        assert!(matches!(isolate_ltr(text), Cow::Borrowed(_)));
        let mixed = "اتصلوا:\n📞 05221-131121";
        assert_eq!(isolate_ltr(mixed), mixed);
        // A command alone on a line would show as "contact/" in a right-to-left layout.
        assert_eq!(isolate_ltr("/contact"), "\u{2066}/contact\u{2069}");
        assert!(in_order(&isolate_ltr("/contact"), "/contact"));
    }

    #[test]
    fn written_isolates_are_kept() {
        let line = "الهاتف: \u{2066}05221-131121\u{2069}";
        assert_eq!(isolate_ltr(line), line);
    }

    #[test]
    fn direction_from_the_language_code() {
        for (code, rtl) in [
            ("ar", true),
            ("fa", true),
            ("he", true),
            ("ur", true),
            ("de", false),
            ("tr", false),
            ("ru", false),
            ("uk", false),
            ("en", false),
            ("az-Arab", true),
        ] {
            let id: LanguageIdentifier = code.parse().expect("code");
            assert_eq!(is_rtl(&id), rtl, "{code}");
        }
    }
}
