//! widunetz-bot: a multilingual FAQ bot for widunetz – Netzwerk für Integration & Vielfalt
//! im Kreis Herford.
//!
//! Questions go in through [`Engine::answer`] (or [`Engine::answer_with`], which also takes
//! the user's client language); `ask`, `eval` and every chat front end call it, so what is
//! tested is what runs. The conversation around it (commands, menus, buttons, language
//! policy, feedback) is [`conversation`], shared by the terminal chat and Telegram.

pub mod bidi;
pub mod check;
pub mod classify;
pub mod clock;
pub mod content;
pub mod conversation;
pub mod decide;
pub mod engine;
pub mod error;
pub mod eval;
pub mod ids;
pub mod l10n;
pub mod lang;
pub mod live;
pub mod matcher;
pub mod redact;
pub mod reply;
pub mod sources;
pub mod store;
pub mod teach;
/// Front ends: only the binary uses them; nothing in the core imports them.
pub mod telegram;
pub mod terminal;
#[cfg(test)]
mod test_rng;
pub mod text;
pub mod ui;
pub mod unanswered;

pub use conversation::lang::LangHint;
pub use engine::{Engine, Ranking, Scored};
pub use error::{Error, Problem, Severity};
pub use reply::{Outcome, Reply, Suggestion};

// The thresholds of the decision live in `decide`; re-exported here for front ends.
pub use decide::{
    ANSWER, ANSWER_OTHER_SUBJECT, MAX_SUGGESTIONS, OUT_OF_SCOPE, SMALL_TALK_BELOW, SUGGEST,
};
