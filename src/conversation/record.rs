//! Which questions are counted for the volunteers, and how.
//!
//! Counted: questions that got suggestions or no match ([`OutcomeKind::is_unanswered`]),
//! as normalised text (numbers and e-mail addresses masked, see `unanswered::normalise`),
//! with the question's language (else the reply's), the outcome and the day. Never the chat,
//! the user or the time. Answers, small talk and empty messages are not counted. Operators
//! switch counting off with `--no-record-unanswered`.

use super::settings::Records;
use crate::reply::Reply;

/// What would be stored for `question`: (normalised text, language), or `None` when this
/// reply is not counted.
pub fn unanswered_row(question: &str, reply: &Reply) -> Option<(String, String)> {
    if !reply.kind.kind().is_unanswered() {
        return None;
    }
    let q = crate::unanswered::normalise(question)?;
    let lang = reply
        .detected_lang
        .clone()
        .unwrap_or_else(|| reply.lang.clone())
        .to_string();
    Some((q, lang))
}

/// Counts `question` if the policy says so. A storage failure is logged and must not cost
/// the person their reply.
pub fn record(records: &impl Records, question: &str, reply: &Reply, keep_days: u32) {
    let Some((q, lang)) = unanswered_row(question, reply) else {
        return;
    };
    if let Err(e) = records.record_unanswered(&q, &lang, reply.kind.kind(), keep_days) {
        tracing::warn!("recording an unanswered question failed: {e}");
    }
}

/// What is kept in memory after a confident answer so that a 👎 on it can be counted with
/// its question: the normalised question, its language and the entry. `None` for any other
/// reply.
pub fn answered_row(question: &str, reply: &Reply) -> Option<super::memory::Answered> {
    let crate::reply::Outcome::Answer(_) = reply.kind else {
        return None;
    };
    let entry = reply.id.clone()?;
    Some(super::memory::Answered {
        entry,
        question: crate::unanswered::normalise(question)?,
        lang: reply
            .detected_lang
            .clone()
            .unwrap_or_else(|| reply.lang.clone())
            .to_string(),
    })
}
