//! The engine's typed API for front ends and the conversation: entries, topics and answers
//! by typed id, the stable outcome names, and the JSON shape of `ask`.
//!
//! [`Engine`] keeps its content private: loading, matching and deciding are in `base`; the
//! methods here add the lookups a conversation needs, so no front end builds a [`Reply`]
//! from a made-up outcome or searches `faq.entries` by hand.

mod base;
pub mod json;
pub mod outcome;

pub use json::AskJson;
pub use outcome::OutcomeKind;

use crate::content::Faq;
use crate::conversation::Command;
use crate::ids::{EntryId, LangCode, TopicId};
use crate::l10n::L10n;
use crate::matcher::Index;
use crate::reply::{self, Outcome, Reply};
use crate::ui::Ui;

/// An id (entry id or small-talk kind) with its score.
pub type Scored<Id = String> = (Id, f32);

/// What [`Engine::rank`] returns.
pub struct Ranking {
    pub entries: Vec<Scored<EntryId>>,
    /// The small-talk kind (`hello`, …) with its score.
    pub smalltalk: Option<Scored>,
    pub detected_lang: Option<LangCode>,
}

/// The loaded knowledge base: FAQ, texts and the match index.
pub struct Engine {
    faq: Faq,
    l10n: L10n,
    index: Index,
}

/// What [`Engine::candidates`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidates {
    pub entries: Vec<EntryId>,
    pub detected_lang: Option<LangCode>,
}

impl Engine {
    /// The FAQ as loaded (entries, topics, small talk).
    pub fn faq(&self) -> &Faq {
        &self.faq
    }

    /// The texts of every language.
    pub fn l10n(&self) -> &L10n {
        &self.l10n
    }

    /// The answer of one entry in `lang`, as if asked by its title (a button press or a
    /// number picked from a list). `None` when the entry no longer exists (an old button
    /// after a reload).
    pub fn answer_entry(&self, id: &EntryId, lang: &LangCode) -> Option<Reply> {
        self.entry_index(id)?;
        Some(reply::build(
            self,
            &self.title(id, lang),
            lang,
            Some(lang.clone()),
            Outcome::Answer(id.clone()),
            &[],
        ))
    }

    /// Entries worth offering for `text`, best first, at most `limit`: those that score as
    /// high as a "did you mean" suggestion ([`crate::SUGGEST`], the one threshold for
    /// offering an entry), and the language the text is written in, if recognised.
    pub fn candidates(&self, text: &str, limit: usize) -> Candidates {
        let ranked = self.rank(text);
        Candidates {
            entries: ranked
                .entries
                .into_iter()
                .filter(|(_, s)| *s >= crate::SUGGEST)
                .map(|(id, _)| id)
                .take(limit)
                .collect(),
            detected_lang: ranked.detected_lang,
        }
    }

    /// The answer text of an entry (German where the language lacks it).
    pub fn entry_answer(&self, id: &EntryId, lang: &LangCode) -> String {
        self.l10n
            .msg(lang.as_str(), &format!("faq-{}-answer", id.as_str()))
    }

    pub fn has_entry(&self, id: &EntryId) -> bool {
        self.entry_index(id).is_some()
    }

    fn entry_index(&self, id: &EntryId) -> Option<usize> {
        self.faq.position(id)
    }

    /// Title of an entry (the question as shown on buttons and lists).
    pub fn entry_title(&self, id: &EntryId, lang: &LangCode) -> String {
        self.title(id, lang)
    }

    /// Topics in the order the FAQ files name them first.
    pub fn topic_ids(&self) -> Vec<TopicId> {
        self.faq.topics.clone()
    }

    pub fn has_topic(&self, topic: &TopicId) -> bool {
        self.faq.topics.contains(topic)
    }

    /// Display name of a topic (`topic-<id>`).
    pub fn topic_name(&self, topic: &TopicId, lang: &LangCode) -> String {
        self.l10n
            .msg(lang.as_str(), &format!("topic-{}", topic.as_str()))
    }

    /// Entries of a topic, in file order.
    pub fn entries_of(&self, topic: &TopicId) -> Vec<EntryId> {
        self.faq
            .entries
            .iter()
            .filter(|e| e.topic == *topic)
            .map(|e| e.id.clone())
            .collect()
    }

    /// Languages the bot speaks, German first.
    pub fn languages(&self) -> Vec<LangCode> {
        self.l10n
            .codes()
            .into_iter()
            .filter_map(LangCode::new)
            .collect()
    }

    /// A UI text (`Ui::X`) in `lang`, German where the language lacks it.
    pub fn ui(&self, lang: &str, msg: Ui) -> String {
        self.l10n.ui(lang, msg)
    }

    /// The language the bot speaks for a requested code (`de-AT`, `ar_EG`, `TR`), if any.
    pub fn negotiate(&self, requested: &str) -> Option<LangCode> {
        self.l10n.negotiate(requested).and_then(LangCode::new)
    }

    /// The description of a user command in `lang` (menus), `None` for admin and unknown
    /// commands.
    pub fn command_description(&self, cmd: &Command, lang: &str) -> Option<String> {
        Some(self.l10n.msg(lang, cmd.description_id()?))
    }

    /// Is the content usable at all: at least one entry, and German texts? Loading at start
    /// and reloading both ask this.
    pub fn is_usable(&self) -> bool {
        !self.faq.entries.is_empty() && self.l10n.has_lang(crate::l10n::DEFAULT_LANG)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn engine() -> Engine {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Engine::load_strict(&root.join("faq"), &root.join("locales")).expect("shipped content")
    }

    #[test]
    fn answer_entry_answers_that_entry_in_that_language() {
        let e = engine();
        let id = EntryId::new("founding").expect("id");
        let tr = LangCode::new("tr").expect("tr");
        let r = e.answer_entry(&id, &tr).expect("exists");
        assert_eq!(r.id, Some(id));
        assert_eq!(r.lang, "tr");
        assert_eq!(r.kind.kind(), OutcomeKind::Answer);
        assert!(r.confident);
        let gone = EntryId::new("no-such-entry").expect("id");
        assert!(e.answer_entry(&gone, &tr).is_none());
    }

    #[test]
    fn topics_and_their_entries() {
        let e = engine();
        let topics = e.topic_ids();
        assert!(!topics.is_empty());
        for t in &topics {
            assert!(e.has_topic(t));
            assert!(!e.entries_of(t).is_empty(), "{t}");
        }
        assert!(e.is_usable());
    }

    #[test]
    fn the_outcome_name_in_the_reply_is_the_typed_one() {
        let e = engine();
        let mut seen = std::collections::BTreeSet::new();
        for q in [
            "Wie wurde widunetz gegründet?",
            "xyzzy plugh",
            "???",
            "hallo",
            "Mitglied",
        ] {
            let r = e.answer(q, None);
            let json: serde_json::Value = serde_json::to_value(AskJson::from(&r)).expect("json");
            assert_eq!(json["outcome"], r.outcome().as_str(), "{q}");
            assert_eq!(
                json["id"].as_str(),
                r.id.as_ref().map(EntryId::as_str),
                "{q}"
            );
            seen.insert(r.outcome());
        }
        for k in [
            OutcomeKind::Answer,
            OutcomeKind::SmallTalk,
            OutcomeKind::Empty,
        ] {
            assert!(seen.contains(&k), "{k} not among {seen:?}");
        }
    }
}
