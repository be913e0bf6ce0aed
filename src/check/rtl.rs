//! Right-to-left languages mirror what points: the "back" button points right there. (Phone
//! numbers, dates and names are kept in reading order by code, see `crate::bidi`.)

use fluent_syntax::ast;

use super::fluent_uses::{message_at, pattern_text};
use crate::error::Problem;
use crate::l10n::{L10n, message_lines};

/// Arrows that point left: "back" in a left-to-right language, "forward" in a right-to-left one.
const LEFT_ARROWS: &[char] = &['◀', '◄', '←', '⬅', '◁', '⇐', '⟵'];

/// A left arrow in a right-to-left language's message is an error.
pub(super) fn arrows(l10n: &L10n, problems: &mut Vec<Problem>) {
    for lang in l10n.languages().iter().filter(|l| l.rtl) {
        for f in &lang.files {
            for e in f.resource.entries() {
                let ast::Entry::Message(m) = e else { continue };
                let mut text = String::new();
                if let Some(p) = &m.value {
                    pattern_text(p, &mut text);
                }
                let Some(a) = text.chars().find(|c| LEFT_ARROWS.contains(c)) else {
                    continue;
                };
                let id = m.id.name;
                let line = message_lines(f.source(), id).first().copied();
                problems.push(Problem::error(
                    message_at(&f.path, line),
                    Some(id),
                    format!(
                        "{} is written right to left, so an arrow for \"back\" points right: use ▶ instead of {a}",
                        lang.code
                    ),
                ));
            }
        }
    }
}
