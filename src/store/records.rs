//! What the store keeps: a chat's language, 👍/👎 counts, unanswered questions, and the
//! counts of `/stats`.

use rusqlite::{OptionalExtension, params};

use super::{Downvoted, Stats, Store, Unanswered};
use crate::clock::{self, Date};
use crate::engine::OutcomeKind;
use crate::error::Error;
use crate::ids::{ChatKey, EntryId, LangCode};

impl Store {
    /// The language chosen for `chat`. A stored code that is no language code (written by
    /// hand, say) counts as none.
    pub fn chat_lang(&self, chat: ChatKey) -> Result<Option<LangCode>, Error> {
        let code: Option<String> = self.with(|c| {
            c.query_row(
                "SELECT lang FROM chat_settings WHERE chat_id = ?1",
                params![chat.0],
                |r| r.get(0),
            )
            .optional()
        })?;
        Ok(code.and_then(LangCode::new))
    }

    pub fn set_chat_lang(&self, chat: ChatKey, lang: &LangCode) -> Result<(), Error> {
        self.with(|c| {
            c.execute(
                "INSERT INTO chat_settings (chat_id, lang) VALUES (?1, ?2)
                 ON CONFLICT(chat_id) DO UPDATE SET lang = excluded.lang",
                params![chat.0, lang.as_str()],
            )
            .map(|_| ())
        })
    }

    /// Deletes everything stored about a chat, from the files too.
    pub fn forget_chat(&self, chat: ChatKey) -> Result<(), Error> {
        self.with(|c| {
            c.execute(
                "DELETE FROM chat_settings WHERE chat_id = ?1",
                params![chat.0],
            )
            .map(|_| ())
        })?;
        self.scrub().map(|_| ())
    }

    pub fn add_feedback(&self, entry: &EntryId, lang: &LangCode, up: bool) -> Result<(), Error> {
        let (u, d) = if up { (1, 0) } else { (0, 1) };
        self.with(|c| {
            c.execute(
                "INSERT INTO feedback (entry, lang, up, down) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(entry, lang) DO UPDATE SET up = up + excluded.up, down = down + excluded.down",
                params![entry.as_str(), lang.as_str(), u, d],
            )
            .map(|_| ())
        })
    }

    /// Counts one question that got suggestions or no match, today, and deletes questions
    /// not asked for `keep_days` days (at most once a day).
    pub fn record_unanswered(
        &self,
        question: &str,
        lang: &str,
        outcome: OutcomeKind,
        keep_days: u32,
    ) -> Result<(), Error> {
        let today = clock::today();
        self.record_unanswered_on(today, question, lang, outcome)?;
        let due = {
            let mut last = self.purged_on.lock().unwrap_or_else(|p| p.into_inner());
            let due = *last != Some(today);
            if due {
                *last = Some(today);
            }
            due
        };
        if due {
            self.purge_unanswered(today, keep_days)?;
        }
        Ok(())
    }

    /// Like [`Store::record_unanswered`] on a given day; for tests and imports.
    pub fn record_unanswered_on(
        &self,
        day: Date,
        question: &str,
        lang: &str,
        outcome: OutcomeKind,
    ) -> Result<(), Error> {
        self.with(|c| {
            c.execute(
                "INSERT INTO unanswered (question, lang, outcome, count, first_day, last_day)
                 VALUES (?1, ?2, ?3, 1, ?4, ?4)
                 ON CONFLICT(question, lang, outcome) DO UPDATE SET count = count + 1,
                   first_day = min(first_day, excluded.first_day),
                   last_day = max(last_day, excluded.last_day)",
                params![question, lang, outcome.as_str(), day.to_string()],
            )
            .map(|_| ())
        })
    }

    /// Counts one question whose answer (entry `entry`) got 👎, today.
    pub fn record_downvoted(
        &self,
        question: &str,
        lang: &str,
        entry: &EntryId,
        keep_days: u32,
    ) -> Result<(), Error> {
        let today = clock::today();
        self.with(|c| {
            c.execute(
                "INSERT INTO downvoted (question, lang, entry, count, first_day, last_day)
                 VALUES (?1, ?2, ?3, 1, ?4, ?4)
                 ON CONFLICT(question, lang, entry) DO UPDATE SET count = count + 1,
                   last_day = max(last_day, excluded.last_day)",
                params![question, lang, entry.as_str(), today.to_string()],
            )
            .map(|_| ())
        })?;
        self.purge_unanswered(today, keep_days).map(|_| ())
    }

    /// Questions whose answer got 👎, most frequent first.
    pub fn downvoted(&self) -> Result<Vec<Downvoted>, Error> {
        self.with(|c| {
            let mut st = c.prepare(
                "SELECT question, lang, entry, count, first_day, last_day FROM downvoted
                 ORDER BY count DESC, last_day DESC, question",
            )?;
            let rows = st.query_map([], |r| {
                Ok(Downvoted {
                    question: r.get(0)?,
                    lang: r.get(1)?,
                    entry: r.get(2)?,
                    count: r.get(3)?,
                    first_day: r.get(4)?,
                    last_day: r.get(5)?,
                })
            })?;
            rows.collect()
        })
    }

    /// Deletes these questions of `lang` (unanswered and 👎), from the files too: a volunteer
    /// has handled them.
    pub fn forget_questions(&self, questions: &[String], lang: &str) -> Result<(), Error> {
        self.with(|c| {
            for q in questions {
                for table in ["unanswered", "downvoted"] {
                    c.execute(
                        &format!("DELETE FROM {table} WHERE question = ?1 AND lang = ?2"),
                        params![q, lang],
                    )?;
                }
            }
            Ok(())
        })?;
        self.scrub().map(|_| ())
    }

    /// Deletes unanswered (and 👎) questions last asked more than `keep_days` days before `today`
    /// (the date comes from [`clock`], so SQLite's own clock is never asked).
    /// Returns how many were deleted.
    pub fn purge_unanswered(&self, today: Date, keep_days: u32) -> Result<usize, Error> {
        // A period reaching before the calendar's start keeps everything.
        let Some(oldest_kept) = clock::days_before(today, keep_days) else {
            return Ok(0);
        };
        // Days are stored as `YYYY-MM-DD`, so text order is date order.
        let n = self.with(|c| {
            let mut n = 0;
            for table in ["unanswered", "downvoted"] {
                n += c.execute(
                    &format!("DELETE FROM {table} WHERE last_day < ?1"),
                    params![oldest_kept.to_string()],
                )?;
            }
            Ok(n)
        })?;
        if n > 0 {
            self.scrub()?;
        }
        Ok(n)
    }

    /// Unanswered questions last asked within `since_days` (all when `None`), optionally of
    /// one language; most frequent first. A row whose outcome this version does not know
    /// (written by hand) is left out.
    pub fn unanswered(
        &self,
        lang: Option<&str>,
        since_days: Option<u32>,
    ) -> Result<Vec<Unanswered>, Error> {
        // `since_days` reaching before the calendar's start means all of them.
        let since = since_days
            .and_then(|n| clock::days_before(clock::today(), n))
            .map(|d| d.to_string());
        self.with(|c| {
            let mut st = c.prepare(
                "SELECT question, lang, outcome, count, first_day, last_day FROM unanswered
                 WHERE (?1 IS NULL OR lang = ?1)
                   AND (?2 IS NULL OR last_day >= ?2)
                 ORDER BY count DESC, last_day DESC, question",
            )?;
            let rows = st.query_map(params![lang, since], |r| {
                let outcome: String = r.get(2)?;
                let Some(outcome) = OutcomeKind::parse(&outcome) else {
                    return Ok(None);
                };
                Ok(Some(Unanswered {
                    question: r.get(0)?,
                    lang: r.get(1)?,
                    outcome,
                    count: r.get(3)?,
                    first_day: r.get(4)?,
                    last_day: r.get(5)?,
                }))
            })?;
            rows.filter_map(Result::transpose).collect()
        })
    }

    pub fn stats(&self) -> Result<Stats, Error> {
        self.with(|c| {
            let one = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0));
            Ok(Stats {
                chats_with_language: one("SELECT count(*) FROM chat_settings")?,
                unanswered_questions: one("SELECT count(*) FROM unanswered")?,
                unanswered_asked: one("SELECT coalesce(sum(count), 0) FROM unanswered")?,
                feedback_up: one("SELECT coalesce(sum(up), 0) FROM feedback")?,
                feedback_down: one("SELECT coalesce(sum(down), 0) FROM feedback")?,
            })
        })
    }

    /// (entry, lang, up, down), sorted by entry and language.
    pub fn feedback(&self) -> Result<Vec<(String, String, i64, i64)>, Error> {
        self.with(|c| {
            let mut st =
                c.prepare("SELECT entry, lang, up, down FROM feedback ORDER BY entry, lang")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            rows.collect()
        })
    }
}
