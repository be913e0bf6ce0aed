//! Where a conversation keeps what outlives one message: the language a chat chose
//! ([`ChatSettings`]) and the anonymous counts for the volunteers ([`Records`]: 👍/👎 per
//! entry and language, questions without a confident answer).
//!
//! Two implementations: the SQLite [`Store`] (Telegram; survives restarts) and [`InMemory`]
//! (the terminal chat and tests; gone when the process ends).

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use super::ChatKey;
use crate::engine::OutcomeKind;
use crate::error::Error;
use crate::ids::{EntryId, LangCode};
use crate::store::{Downvoted, Stats, Store, Unanswered};

/// Per-chat settings.
pub trait ChatSettings {
    /// The language chosen for the chat, if any.
    fn lang(&self, chat: ChatKey) -> Result<Option<LangCode>, Error>;
    fn set_lang(&self, chat: ChatKey, lang: &LangCode) -> Result<(), Error>;
    /// Deletes everything stored about the chat.
    fn forget(&self, chat: ChatKey) -> Result<(), Error>;
}

/// Counts without any chat or user id.
pub trait Records {
    fn add_feedback(&self, entry: &EntryId, lang: &LangCode, up: bool) -> Result<(), Error>;
    /// Counts one question (already normalised, see `unanswered::normalise`) for today and
    /// drops questions not asked for `keep_days` days.
    fn record_unanswered(
        &self,
        question: &str,
        lang: &str,
        outcome: OutcomeKind,
        keep_days: u32,
    ) -> Result<(), Error>;
    fn stats(&self) -> Result<Stats, Error>;
    /// All recorded questions, most asked first.
    fn unanswered(&self) -> Result<Vec<Unanswered>, Error>;
    /// Counts one question (normalised) whose answer, entry `entry`, got 👎.
    fn record_downvoted(
        &self,
        question: &str,
        lang: &str,
        entry: &EntryId,
        keep_days: u32,
    ) -> Result<(), Error>;
    /// Questions whose answer got 👎, most frequent first.
    fn downvoted(&self) -> Result<Vec<Downvoted>, Error>;
    /// Deletes these questions of `lang` (unanswered and 👎): a volunteer handled them.
    fn forget_questions(&self, questions: &[String], lang: &str) -> Result<(), Error>;
}

impl ChatSettings for Store {
    fn lang(&self, chat: ChatKey) -> Result<Option<LangCode>, Error> {
        self.chat_lang(chat)
    }

    fn set_lang(&self, chat: ChatKey, lang: &LangCode) -> Result<(), Error> {
        self.set_chat_lang(chat, lang)
    }

    fn forget(&self, chat: ChatKey) -> Result<(), Error> {
        self.forget_chat(chat)
    }
}

impl Records for Store {
    fn add_feedback(&self, entry: &EntryId, lang: &LangCode, up: bool) -> Result<(), Error> {
        Store::add_feedback(self, entry, lang, up)
    }

    fn record_unanswered(
        &self,
        question: &str,
        lang: &str,
        outcome: OutcomeKind,
        keep_days: u32,
    ) -> Result<(), Error> {
        Store::record_unanswered(self, question, lang, outcome, keep_days)
    }

    fn stats(&self) -> Result<Stats, Error> {
        Store::stats(self)
    }

    fn unanswered(&self) -> Result<Vec<Unanswered>, Error> {
        Store::unanswered(self, None, None)
    }

    fn record_downvoted(
        &self,
        question: &str,
        lang: &str,
        entry: &EntryId,
        keep_days: u32,
    ) -> Result<(), Error> {
        Store::record_downvoted(self, question, lang, entry, keep_days)
    }

    fn downvoted(&self) -> Result<Vec<Downvoted>, Error> {
        Store::downvoted(self)
    }

    fn forget_questions(&self, questions: &[String], lang: &str) -> Result<(), Error> {
        Store::forget_questions(self, questions, lang)
    }
}

/// Settings and counts in memory, for one process.
#[derive(Default)]
pub struct InMemory {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    langs: HashMap<ChatKey, LangCode>,
    /// (entry, lang) → (up, down)
    feedback: BTreeMap<(String, String), (i64, i64)>,
    /// (question, lang, outcome) → (count, first day, last day)
    unanswered: BTreeMap<(String, String, OutcomeKind), (i64, String, String)>,
    /// (question, lang, entry) → (count, first day, last day)
    downvoted: BTreeMap<(String, String, String), (i64, String, String)>,
}

impl InMemory {
    pub fn new() -> InMemory {
        InMemory::default()
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        // Nothing here can be left half-written by a panic; use what is there.
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut g)
    }

    /// (entry, lang, up, down), sorted like [`Store::feedback`].
    pub fn feedback(&self) -> Vec<(String, String, i64, i64)> {
        self.with(|i| {
            i.feedback
                .iter()
                .map(|((e, l), (u, d))| (e.clone(), l.clone(), *u, *d))
                .collect()
        })
    }
}

/// The store's order of recorded questions: most asked first, then most recent, then by
/// text. Arguments are (count, last day, question).
fn store_order(a: (i64, &String, &String), b: (i64, &String, &String)) -> std::cmp::Ordering {
    b.0.cmp(&a.0)
        .then_with(|| b.1.cmp(a.1))
        .then_with(|| a.2.cmp(b.2))
}

fn today() -> String {
    crate::clock::today().to_string()
}

impl ChatSettings for InMemory {
    fn lang(&self, chat: ChatKey) -> Result<Option<LangCode>, Error> {
        Ok(self.with(|i| i.langs.get(&chat).cloned()))
    }

    fn set_lang(&self, chat: ChatKey, lang: &LangCode) -> Result<(), Error> {
        self.with(|i| i.langs.insert(chat, lang.clone()));
        Ok(())
    }

    fn forget(&self, chat: ChatKey) -> Result<(), Error> {
        self.with(|i| i.langs.remove(&chat));
        Ok(())
    }
}

impl Records for InMemory {
    fn add_feedback(&self, entry: &EntryId, lang: &LangCode, up: bool) -> Result<(), Error> {
        self.with(|i| {
            let c = i
                .feedback
                .entry((entry.to_string(), lang.to_string()))
                .or_default();
            if up {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        });
        Ok(())
    }

    /// Kept for the life of the process, which is shorter than any retention period, so
    /// `keep_days` has nothing to delete.
    fn record_unanswered(
        &self,
        question: &str,
        lang: &str,
        outcome: OutcomeKind,
        _keep_days: u32,
    ) -> Result<(), Error> {
        let day = today();
        self.with(|i| {
            let row = i
                .unanswered
                .entry((question.to_string(), lang.to_string(), outcome))
                .or_insert_with(|| (0, day.clone(), day.clone()));
            row.0 += 1;
            row.2 = day;
        });
        Ok(())
    }

    fn stats(&self) -> Result<Stats, Error> {
        Ok(self.with(|i| Stats {
            chats_with_language: i.langs.len() as i64,
            unanswered_questions: i.unanswered.len() as i64,
            unanswered_asked: i.unanswered.values().map(|r| r.0).sum(),
            feedback_up: i.feedback.values().map(|f| f.0).sum(),
            feedback_down: i.feedback.values().map(|f| f.1).sum(),
        }))
    }

    fn unanswered(&self) -> Result<Vec<Unanswered>, Error> {
        let mut rows: Vec<Unanswered> = self.with(|i| {
            i.unanswered
                .iter()
                .map(|((q, l, o), (count, first, last))| Unanswered {
                    question: q.clone(),
                    lang: l.clone(),
                    outcome: *o,
                    count: *count,
                    first_day: first.clone(),
                    last_day: last.clone(),
                })
                .collect()
        });
        rows.sort_by(|a, b| {
            store_order(
                (a.count, &a.last_day, &a.question),
                (b.count, &b.last_day, &b.question),
            )
        });
        Ok(rows)
    }

    fn record_downvoted(
        &self,
        question: &str,
        lang: &str,
        entry: &EntryId,
        _keep_days: u32,
    ) -> Result<(), Error> {
        let day = today();
        self.with(|i| {
            let row = i
                .downvoted
                .entry((question.to_string(), lang.to_string(), entry.to_string()))
                .or_insert_with(|| (0, day.clone(), day.clone()));
            row.0 += 1;
            row.2 = day;
        });
        Ok(())
    }

    fn downvoted(&self) -> Result<Vec<Downvoted>, Error> {
        let mut rows: Vec<Downvoted> = self.with(|i| {
            i.downvoted
                .iter()
                .map(|((q, l, e), (count, first, last))| Downvoted {
                    question: q.clone(),
                    lang: l.clone(),
                    entry: e.clone(),
                    count: *count,
                    first_day: first.clone(),
                    last_day: last.clone(),
                })
                .collect()
        });
        rows.sort_by(|a, b| {
            store_order(
                (a.count, &a.last_day, &a.question),
                (b.count, &b.last_day, &b.question),
            )
        });
        Ok(rows)
    }

    fn forget_questions(&self, questions: &[String], lang: &str) -> Result<(), Error> {
        self.with(|i| {
            i.unanswered
                .retain(|(q, l, _), _| !(l == lang && questions.contains(q)));
            i.downvoted
                .retain(|(q, l, _), _| !(l == lang && questions.contains(q)));
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both implementations behave the same through the traits.
    fn exercise(s: &(impl ChatSettings + Records)) {
        let chat = ChatKey(42);
        let tr = LangCode::new("tr").expect("tr");
        assert_eq!(s.lang(chat).expect("lang"), None);
        s.set_lang(chat, &tr).expect("set");
        assert_eq!(s.lang(chat).expect("lang"), Some(tr.clone()));
        assert_eq!(s.lang(ChatKey(7)).expect("lang"), None, "per chat");
        s.forget(chat).expect("forget");
        assert_eq!(s.lang(chat).expect("lang"), None);

        let founding = EntryId::new("founding").expect("id");
        s.add_feedback(&founding, &tr, true).expect("fb");
        s.add_feedback(&founding, &tr, false).expect("fb");
        s.add_feedback(&founding, &tr, true).expect("fb");
        for q in ["ofis nerede", "ofis nerede", "bu ne"] {
            s.record_unanswered(q, "tr", OutcomeKind::NoMatch, 90)
                .expect("rec");
        }
        s.record_unanswered("bu ne", "tr", OutcomeKind::Suggestions, 90)
            .expect("rec");
        let st = s.stats().expect("stats");
        assert_eq!((st.feedback_up, st.feedback_down), (2, 1));
        assert_eq!((st.unanswered_questions, st.unanswered_asked), (3, 4));
        let rows = s.unanswered().expect("rows");
        assert_eq!(rows[0].question, "ofis nerede");
        assert_eq!(rows[0].count, 2);
        assert_eq!(rows[0].outcome, OutcomeKind::NoMatch);
        assert!(rows.iter().any(|r| r.outcome == OutcomeKind::Suggestions));

        for _ in 0..2 {
            s.record_downvoted("wann gegründet", "de", &founding, 90)
                .expect("down");
        }
        let down = s.downvoted().expect("down");
        assert_eq!(down.len(), 1);
        assert_eq!((down[0].entry.as_str(), down[0].count), ("founding", 2));
        s.forget_questions(
            &["ofis nerede".to_string(), "wann gegründet".to_string()],
            "tr",
        )
        .expect("forget");
        assert_eq!(s.downvoted().expect("down").len(), 1, "another language");
        assert!(
            s.unanswered()
                .expect("rows")
                .iter()
                .all(|r| r.question != "ofis nerede")
        );
        s.forget_questions(&["wann gegründet".to_string()], "de")
            .expect("forget");
        assert!(s.downvoted().expect("down").is_empty());
    }

    #[test]
    fn in_memory() {
        exercise(&InMemory::new());
    }

    #[test]
    fn sqlite_store() {
        let dir = tempfile::tempdir().expect("tmp");
        let store = Store::open(dir.path()).expect("open");
        exercise(&store);
        assert_eq!(
            store.feedback().expect("fb"),
            vec![("founding".to_string(), "tr".to_string(), 2, 1)]
        );
    }
}
