//! What the bot answers: a [`Reply`] with the outcome, the text in the user's language and
//! the ids front ends need for buttons. JSON shape as in CONTRACT.md (`ask --json`).

use std::time::Duration;

use serde::Serialize;

use crate::Engine;
use crate::engine::OutcomeKind;
use crate::ids::{EntryId, LangCode};
use crate::matcher::Target;
use crate::ui::Ui;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A confident answer by this entry.
    Answer(EntryId),
    /// "Did you mean": entries, best first.
    Suggestions(Vec<EntryId>),
    /// Nothing fits: apology, contacts, topics.
    NoMatch,
    /// Hello, thanks, bye, help, who are you.
    SmallTalk(String),
    /// No letters or digits at all.
    Empty,
}

#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub id: EntryId,
    pub title: String,
    pub score: f32,
}

/// Its JSON shape is [`crate::engine::AskJson`]; the outcome's name is [`Reply::outcome`].
#[derive(Debug, Clone)]
pub struct Reply {
    pub question: String,
    /// Language of the answer.
    pub lang: LangCode,
    /// Language the question was detected in, if any.
    pub detected_lang: Option<LangCode>,
    /// The language the question alone reads as, when the person's Telegram language made
    /// `detected_lang` another (a Russian question from a Ukrainian Telegram).
    pub written_lang: Option<LangCode>,
    /// Another language the question may be in, when nothing in it or the person's
    /// Telegram language tells ([`crate::matcher::Matches::undecided_lang`]: Russian words
    /// typed by a Ukrainian whose Telegram speaks German).
    pub undecided_lang: Option<LangCode>,
    /// The entry answered confidently, if any.
    pub id: Option<EntryId>,
    pub score: f32,
    pub confident: bool,
    pub suggestions: Vec<Suggestion>,
    /// The whole reply as plain text.
    pub answer: String,
    /// Follow-up entries offered under a confident answer.
    pub related: Vec<Suggestion>,
    /// The question was longer than what is read; only its start was used.
    pub truncated: bool,
    pub kind: Outcome,
    pub match_time: Duration,
}

pub(crate) fn build(
    engine: &Engine,
    question: &str,
    lang_code: &LangCode,
    detected_lang: Option<LangCode>,
    outcome: Outcome,
    ranked: &[(Target, f32)],
) -> Reply {
    let l = engine.l10n();
    let lang = lang_code.as_str();
    let score_of = |i: usize| {
        ranked
            .iter()
            .find(|(t, _)| *t == Target::Entry(i))
            .map_or(0.0, |x| x.1)
    };
    let sugg = |i: usize| {
        let id = engine.faq().entries[i].id.clone();
        Suggestion {
            title: engine.title(&id, lang_code),
            id,
            score: score_of(i),
        }
    };
    let top_score = ranked.first().map_or(0.0, |x| x.1).clamp(0.0, 1.0);
    let truncated = question.chars().count() > crate::text::MAX_CHARS;
    let mut r = Reply {
        question: question.to_string(),
        lang: lang_code.clone(),
        detected_lang,
        written_lang: None,
        undecided_lang: None,
        id: None,
        score: top_score,
        confident: false,
        suggestions: Vec::new(),
        answer: String::new(),
        related: Vec::new(),
        truncated,
        kind: outcome.clone(),
        match_time: Duration::ZERO,
    };
    // Ids come from this engine's own decision or an id it has (answer_entry); one that is
    // gone all the same gets the no-match text rather than a panic.
    let position = |id: &EntryId| engine.faq().position(id);
    match outcome {
        Outcome::Answer(ref id) => match position(id) {
            Some(i) => {
                let e = &engine.faq().entries[i];
                r.id = Some(e.id.clone());
                r.confident = true;
                r.score = score_of(i);
                r.answer = l.msg(lang, &format!("faq-{}-answer", e.id));
                r.related = e
                    .related
                    .iter()
                    .filter_map(|rid| engine.faq().position(rid))
                    .map(sugg)
                    .collect();
            }
            None => r.answer = no_match_text(engine, lang),
        },
        Outcome::Suggestions(ref list) => {
            r.suggestions = list.iter().filter_map(position).map(sugg).collect();
            let mut text = did_you_mean(l, lang, r.suggestions.len());
            for (n, s) in r.suggestions.iter().enumerate() {
                text.push_str(&format!("\n{}. {}", n + 1, s.title));
            }
            r.answer = text;
        }
        Outcome::NoMatch => {
            r.answer = no_match_text(engine, lang);
        }
        Outcome::SmallTalk(ref kind) => {
            r.answer = if kind == "help" {
                l.ui(lang, Ui::Help)
            } else {
                l.msg(lang, &format!("smalltalk-{kind}"))
            };
        }
        Outcome::Empty => {
            r.score = 0.0;
            r.answer = l.ui(lang, Ui::EmptyQuestion);
        }
    }
    if truncated {
        r.answer = format!("{}\n\n{}", l.ui(lang, Ui::QuestionTooLong), r.answer);
    }
    r
}

impl Reply {
    /// The stable name of the outcome ([`OutcomeKind`]: `answer`, `no_match`, …), from
    /// [`Reply::kind`]: the one place the name comes from.
    pub fn outcome(&self) -> OutcomeKind {
        self.kind.kind()
    }
}

/// Is there nothing to match: no letter or digit at all? Decided once, by the engine, before
/// matching ([`Outcome::Empty`]).
pub fn is_empty_question(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

impl Outcome {
    /// The stable name of this outcome.
    pub fn kind(&self) -> OutcomeKind {
        match self {
            Outcome::Answer(_) => OutcomeKind::Answer,
            Outcome::Suggestions(_) => OutcomeKind::Suggestions,
            Outcome::NoMatch => OutcomeKind::NoMatch,
            Outcome::SmallTalk(_) => OutcomeKind::SmallTalk,
            Outcome::Empty => OutcomeKind::Empty,
        }
    }
}

/// Apology, what the bot can answer, the contact persons and the heading of the topics (front ends with buttons show
/// the topics as buttons under it).
pub fn no_match_intro(engine: &Engine, lang: &str) -> String {
    let l = engine.l10n();
    format!(
        "{}\n\n{}\n\n{}\n\n{}",
        l.ui(lang, Ui::NoMatch),
        l.ui(lang, Ui::NoMatchContacts),
        l.msg(lang, "contact-people"),
        l.ui(lang, Ui::TopicsTitle),
    )
}

/// Apology, the contact persons and the list of topics.
pub fn no_match_text(engine: &Engine, lang: &str) -> String {
    let l = engine.l10n();
    let mut text = no_match_intro(engine, lang);
    for t in &engine.faq().topics {
        text.push_str(&format!("\n• {}", l.msg(lang, &format!("topic-{t}"))));
    }
    text
}

/// "Did you mean this question" or "… one of these questions": the count picks the form.
pub fn did_you_mean(l10n: &crate::l10n::L10n, lang: &str, count: usize) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", count);
    l10n.ui_args(lang, Ui::DidYouMean, Some(&args))
}

/// What `/privacy` says, with the data settings this bot runs with: whether questions
/// without a sure answer are recorded (`--no-record-unanswered`) and for how many days
/// after they were last asked (`--keep-unanswered-days`).
pub fn privacy_text(
    l10n: &crate::l10n::L10n,
    lang: &str,
    record_unanswered: bool,
    keep_unanswered_days: u32,
) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("recording", if record_unanswered { "on" } else { "off" });
    args.set("days", keep_unanswered_days);
    l10n.ui_args(lang, Ui::Privacy, Some(&args))
}
