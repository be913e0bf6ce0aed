//! The JSON shape of `ask --json` (CONTRACT.md), in its own type: what scripts rely on is
//! written down here, not implied by whatever fields [`Reply`] happens to have.

use serde::Serialize;

use crate::ids::{EntryId, LangCode};
use crate::reply::{Reply, Suggestion};

/// One answered question as `ask --json` prints it. The first eight fields are CONTRACT.md's;
/// `outcome`, `related` and `truncated` are documented extensions (README).
#[derive(Debug, Serialize)]
pub struct AskJson<'a> {
    pub question: &'a str,
    /// Language of the answer.
    pub lang: &'a str,
    pub detected_lang: Option<&'a str>,
    /// The entry answered confidently; `null` otherwise.
    pub id: Option<&'a str>,
    /// In [0, 1].
    pub score: f32,
    pub confident: bool,
    pub suggestions: &'a [Suggestion],
    pub answer: &'a str,
    /// One of the names of [`super::OutcomeKind`].
    pub outcome: &'a str,
    pub related: &'a [Suggestion],
    pub truncated: bool,
}

impl<'a> From<&'a Reply> for AskJson<'a> {
    fn from(r: &'a Reply) -> Self {
        AskJson {
            question: &r.question,
            lang: r.lang.as_str(),
            detected_lang: r.detected_lang.as_ref().map(LangCode::as_str),
            id: r.id.as_ref().map(EntryId::as_str),
            score: r.score,
            confident: r.confident,
            suggestions: &r.suggestions,
            answer: &r.answer,
            outcome: r.outcome().as_str(),
            related: &r.related,
            truncated: r.truncated,
        }
    }
}

impl AskJson<'_> {
    /// One line of JSON, as `ask --json` prints it.
    pub fn to_line(&self) -> Result<String, crate::Error> {
        Ok(serde_json::to_string(self)?)
    }
}
