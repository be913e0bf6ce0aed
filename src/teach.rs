//! The volunteers' loop: a question that found no (good) answer is added where it belongs —
//! as a variant of an entry, or as an out-of-scope example — and then asked again against
//! the new content, so the volunteer sees at once whether the change worked. Used by
//! `widunetz-bot faq add-question` / `add-out-of-scope` and by the admin buttons of the
//! conversation (`/unanswered`, `/feedback`).

use crate::Engine;
use crate::content::edit::{EditError, Target};
use crate::ids::{EntryId, LangCode};
use crate::reply::{Outcome, Reply};

/// What the bot does with the question after the edit.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The intended outcome: the entry answers it confidently (or, for an out-of-scope
    /// example, the no-match reply).
    Done,
    /// Another entry answers it confidently.
    OtherEntry(String),
    /// "Did you mean" with these entries, best first.
    Suggestions(Vec<String>),
    /// The no-match reply (when an entry should have answered).
    NoMatch,
    /// Answered as small talk (hello, thanks, …) of this kind.
    SmallTalk(String),
    /// No letters or digits.
    Empty,
}

impl Verdict {
    pub fn is_done(&self) -> bool {
        *self == Verdict::Done
    }
}

/// Is `lang` one of the bot's languages (a folder under `locales/`)?
pub fn known_lang(engine: &Engine, lang: &str) -> bool {
    engine.l10n().codes().iter().any(|c| c == lang)
}

/// Checks what an edit needs before anything is written: a known entry (for a variant), a
/// known language, a question that is not empty.
pub fn precheck(
    engine: &Engine,
    target: &Target,
    lang: &str,
    question: &str,
) -> Result<(), Refused> {
    if let Target::Entry(id) = target
        && !engine.faq().entries.iter().any(|e| e.id == id.as_str())
    {
        return Err(Refused::Edit(EditError::UnknownEntry(id.clone())));
    }
    if !known_lang(engine, lang) {
        return Err(Refused::UnknownLang {
            lang: lang.to_string(),
            available: engine.l10n().codes(),
        });
    }
    crate::content::edit::clean_question(question).map_err(Refused::Edit)?;
    Ok(())
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("unknown language {lang:?}; the bot has: {}", available.join(", "))]
    UnknownLang {
        lang: String,
        available: Vec<String>,
    },
    #[error(transparent)]
    Edit(#[from] EditError),
}

/// Asks `question` (in `lang`) against `engine` and says whether `target` now gets it.
pub fn verdict(engine: &Engine, target: &Target, lang: &str, question: &str) -> (Verdict, Reply) {
    let reply = engine.answer(question, LangCode::new(lang).as_ref());
    let id_of = |id: &EntryId| id.to_string();
    let v = match (&reply.kind, target) {
        (Outcome::Answer(i), Target::Entry(want)) if id_of(i) == *want => Verdict::Done,
        (Outcome::NoMatch, Target::OutOfScope) => Verdict::Done,
        (Outcome::Answer(i), _) => Verdict::OtherEntry(id_of(i)),
        (Outcome::Suggestions(list), _) => Verdict::Suggestions(list.iter().map(id_of).collect()),
        (Outcome::NoMatch, Target::Entry(_)) => Verdict::NoMatch,
        (Outcome::SmallTalk(k), _) => Verdict::SmallTalk(k.clone()),
        (Outcome::Empty, _) => Verdict::Empty,
    };
    (v, reply)
}

/// `s` quoted for a POSIX shell (single quotes; a `'` inside becomes `'\''`).
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The command line that adds `question` as a variant of `entry`.
pub fn add_question_line(entry: &str, lang: &str, question: &str) -> String {
    format!(
        "widunetz-bot faq add-question {entry} {lang} {}",
        shell_quote(question)
    )
}

/// The command line that adds `question` to the out-of-scope examples.
pub fn add_out_of_scope_line(lang: &str, question: &str) -> String {
    format!(
        "widunetz-bot faq add-out-of-scope {lang} {}",
        shell_quote(question)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_survive_the_shell() {
        assert_eq!(
            add_question_line("members", "tr", "widunetz'e nasıl üye olurum?"),
            r"widunetz-bot faq add-question members tr 'widunetz'\''e nasıl üye olurum?'"
        );
        assert_eq!(
            add_out_of_scope_line("de", "$HOME `x`"),
            "widunetz-bot faq add-out-of-scope de '$HOME `x`'"
        );
    }
}
