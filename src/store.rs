//! The bot's state in one SQLite file under `--data`: a chat's chosen language, anonymous
//! 👍/👎 counts per entry and language, and questions that found no confident answer
//! (normalised text, language, outcome, count, first and last *day* — no user or chat id,
//! no name, no exact time). Besides these, the Telegram inbox (`telegram::inbox`) keeps each
//! incoming update only until its reply is delivered, and the numbers of recently handled
//! updates (no content) to recognise a re-delivery. Nothing else is stored.
//!
//! Deleted rows are overwritten (`secure_delete`), and after a deletion of personal data the
//! write-ahead log is checkpointed and truncated ([`Store::scrub`]), so what is deleted is gone
//! from the files, not only from query results.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

use rusqlite::{Connection, OptionalExtension, params};

use crate::engine::OutcomeKind;
use crate::error::Error;
use crate::ids::{ChatKey, EntryId, LangCode};

mod lock;
use lock::create_private_dir;
pub use lock::{DataLock, lock_data_dir};

/// Why opening failed: the file is not a sound database, or anything else.
enum Opened {
    Corrupt { path: PathBuf, reason: String },
    Other(Error),
}

impl From<Opened> for Error {
    fn from(o: Opened) -> Error {
        match o {
            Opened::Corrupt { path, reason } => Error::CorruptDatabase { path, reason },
            Opened::Other(e) => e,
        }
    }
}

pub struct Store {
    conn: Mutex<Connection>,
    /// Day of the last retention purge, so it runs at most once a day.
    purged_on: Mutex<String>,
}

/// Schema migrations, applied in order; each runs once (tracked in `user_version`).
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE chat_settings (chat_id INTEGER PRIMARY KEY, lang TEXT NOT NULL);
     CREATE TABLE feedback (entry TEXT NOT NULL, lang TEXT NOT NULL,
                            up INTEGER NOT NULL DEFAULT 0, down INTEGER NOT NULL DEFAULT 0,
                            PRIMARY KEY (entry, lang));",
    // Days are UTC dates (YYYY-MM-DD): enough to see trends, too coarse to tie a question
    // to a person's message.
    "CREATE TABLE unanswered (question TEXT NOT NULL, lang TEXT NOT NULL,
                              outcome TEXT NOT NULL, count INTEGER NOT NULL,
                              first_day TEXT NOT NULL, last_day TEXT NOT NULL,
                              PRIMARY KEY (question, lang, outcome));
     CREATE INDEX unanswered_last_day ON unanswered (last_day);",
    // The Telegram inbox (see telegram::inbox): an update from when it is fetched until its
    // reply is delivered; `seq` keeps arrival order (update ids may start again lower).
    // `seen`: ids of handled updates (numbers only) with the hour they were handled, kept a
    // day, so that an update Telegram delivers again is not answered twice. `meta`: the bot
    // these ids belong to (another bot's ids mean nothing).
    "CREATE TABLE inbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, update_id INTEGER NOT NULL,
                         chat INTEGER NOT NULL, incoming TEXT, plan TEXT,
                         done_steps INTEGER NOT NULL DEFAULT 0);
     CREATE INDEX inbox_update ON inbox (update_id);
     CREATE TABLE seen (update_id INTEGER PRIMARY KEY, hour INTEGER NOT NULL);
     CREATE INDEX seen_hour ON seen (hour);
     CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
];

/// The database file inside `--data`.
pub const FILE: &str = "widunetz.sqlite";

/// The lock file inside `--data`: one bot per data folder (see [`lock_data_dir`]).
pub const LOCK_FILE: &str = "widunetz.lock";

/// Default retention of unanswered questions, in days after they were last asked.
pub const KEEP_UNANSWERED_DAYS: u32 = 90;

/// One recorded unanswered question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unanswered {
    pub question: String,
    pub lang: String,
    /// [`OutcomeKind::Suggestions`] or [`OutcomeKind::NoMatch`] (stored as `suggestions`,
    /// `no_match`).
    pub outcome: OutcomeKind,
    pub count: i64,
    pub first_day: String,
    pub last_day: String,
}

/// Counts for the admin `/stats` command.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub chats_with_language: i64,
    pub unanswered_questions: i64,
    pub unanswered_asked: i64,
    pub feedback_up: i64,
    pub feedback_down: i64,
}

/// Is this error SQLite saying the file is not a (sound) database?
fn is_corrupt(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

impl Store {
    /// Opens (creating) `dir/widunetz.sqlite`; the folder and file are readable by the owner only.
    pub fn open(dir: &Path) -> Result<Store, Error> {
        Store::open_checked(dir, false).map_err(Error::from)
    }

    /// Like [`Store::open`], but a file that is not a sound SQLite database is moved aside
    /// (kept as `widunetz.sqlite.corrupt-<date>`, with its `-wal` and `-shm`), reported
    /// loudly, and the bot starts with a fresh one: the file holds only settings and counts,
    /// and a bot that cannot start answers nobody. Returns where the old file went.
    pub fn open_or_recover(dir: &Path) -> Result<(Store, Option<PathBuf>), Error> {
        match Store::open_checked(dir, true) {
            Ok(s) => Ok((s, None)),
            Err(Opened::Other(e)) => Err(e),
            Err(Opened::Corrupt { path, reason: e }) => {
                let stamp = Connection::open_in_memory().and_then(|c| {
                    c.query_row("SELECT strftime('%Y%m%d-%H%M%S', 'now')", [], |r| {
                        r.get::<_, String>(0)
                    })
                })?;
                let aside = dir.join(format!("{FILE}.corrupt-{stamp}"));
                for suffix in ["", "-wal", "-shm"] {
                    let from = dir.join(format!("{FILE}{suffix}"));
                    let to = PathBuf::from(format!("{}{suffix}", aside.display()));
                    if from.exists() {
                        std::fs::rename(&from, &to)
                            .map_err(|source| Error::Io { path: from, source })?;
                    }
                }
                tracing::error!(
                    "{} is not a sound database ({e}); moved it to {} and started with a fresh \
                     one: chosen languages, 👍/👎 counts and unanswered questions start again \
                     from zero. Inspect or delete the old file.",
                    path.display(),
                    aside.display()
                );
                let store = Store::open_checked(dir, true)?;
                Ok((store, Some(aside)))
            }
        }
    }

    fn open_checked(dir: &Path, check: bool) -> Result<Store, Opened> {
        create_private_dir(dir).map_err(Opened::Other)?;
        let path = dir.join(FILE);
        #[cfg(unix)]
        {
            // Same for the file; SQLite gives its -wal and -shm files the file's permissions.
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .mode(0o600)
                .open(&path)
                .map_err(|source| {
                    Opened::Other(Error::Io {
                        path: path.clone(),
                        source,
                    })
                })?;
        }
        let sql = |source: rusqlite::Error| {
            if is_corrupt(&source) {
                Opened::Corrupt {
                    path: path.clone(),
                    reason: source.to_string(),
                }
            } else {
                Opened::Other(Error::Database {
                    path: path.clone(),
                    source,
                })
            }
        };
        let conn = Connection::open(&path).map_err(sql)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql)?;
        // Deleted content is overwritten with zeros, not just unlinked.
        conn.pragma_update(None, "secure_delete", "ON")
            .map_err(sql)?;
        if check {
            let verdict: String = conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .map_err(sql)?;
            if verdict != "ok" {
                return Err(Opened::Corrupt {
                    path: path.clone(),
                    reason: verdict,
                });
            }
        }
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql)?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            conn.execute_batch(&format!(
                "BEGIN; {m} PRAGMA user_version = {}; COMMIT;",
                i + 1
            ))
            .map_err(sql)?;
        }
        Ok(Store {
            conn: Mutex::new(conn),
            purged_on: Mutex::new(String::new()),
        })
    }

    /// Moves what the write-ahead log holds into the database file and truncates the log, so
    /// deleted rows (overwritten in the database by `secure_delete`) are gone from both files.
    /// Returns `false` when another connection (say `widunetz-bot unanswered` reading right
    /// then) kept it from finishing: try again later.
    pub fn scrub(&self) -> Result<bool, Error> {
        self.with(|c| {
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            })
        })
        .map(|busy| busy == 0)
    }

    /// Runs `f` on the connection (one at a time).
    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, Error> {
        // A panic elsewhere while the lock was held leaves the connection usable: SQLite
        // rolls back an unfinished transaction itself.
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        Ok(f(&conn)?)
    }

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
        let today = self.today()?;
        self.record_unanswered_on(&today, question, lang, outcome)?;
        let due = {
            let mut last = self.purged_on.lock().unwrap_or_else(|p| p.into_inner());
            let due = *last != today;
            if due {
                last.clone_from(&today);
            }
            due
        };
        if due {
            self.purge_unanswered(&today, keep_days)?;
        }
        Ok(())
    }

    /// Today's UTC date as SQLite sees it.
    pub fn today(&self) -> Result<String, Error> {
        self.with(|c| c.query_row("SELECT date('now')", [], |r| r.get(0)))
    }

    /// Like [`Store::record_unanswered`] on a given day (`YYYY-MM-DD`); for tests and imports.
    pub fn record_unanswered_on(
        &self,
        day: &str,
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
                params![question, lang, outcome.as_str(), day],
            )
            .map(|_| ())
        })
    }

    /// Deletes unanswered questions last asked more than `keep_days` days before `today`.
    /// Returns how many were deleted.
    pub fn purge_unanswered(&self, today: &str, keep_days: u32) -> Result<usize, Error> {
        let n = self.with(|c| {
            c.execute(
                "DELETE FROM unanswered WHERE last_day < date(?1, ?2)",
                params![today, format!("-{keep_days} days")],
            )
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
        self.with(|c| {
            let mut st = c.prepare(
                "SELECT question, lang, outcome, count, first_day, last_day FROM unanswered
                 WHERE (?1 IS NULL OR lang = ?1)
                   AND (?2 IS NULL OR last_day >= date('now', '-' || ?2 || ' days'))
                 ORDER BY count DESC, last_day DESC, question",
            )?;
            let rows = st.query_map(params![lang, since_days], |r| {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> LangCode {
        LangCode::new(code).expect("code")
    }

    #[test]
    fn language_survives_reopen_and_forget_deletes() {
        let dir = tempfile::tempdir().expect("tmp");
        {
            let s = Store::open(dir.path()).expect("open");
            s.set_chat_lang(ChatKey(42), &lang("tr")).expect("set");
            s.add_feedback(&EntryId::new("founding").expect("id"), &lang("tr"), true)
                .expect("fb");
            s.add_feedback(&EntryId::new("founding").expect("id"), &lang("tr"), false)
                .expect("fb");
        }
        let s = Store::open(dir.path()).expect("reopen");
        assert_eq!(s.chat_lang(ChatKey(42)).expect("get"), Some(lang("tr")));
        assert_eq!(
            s.feedback().expect("fb"),
            vec![("founding".into(), "tr".into(), 1, 1)]
        );
        s.forget_chat(ChatKey(42)).expect("forget");
        assert_eq!(s.chat_lang(ChatKey(42)).expect("get"), None);
    }

    #[test]
    fn unanswered_counts_and_expires() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Store::open(dir.path()).expect("open");
        s.record_unanswered_on("2026-01-01", "wo ist das büro", "de", OutcomeKind::NoMatch)
            .expect("rec");
        s.record_unanswered_on("2026-03-01", "wo ist das büro", "de", OutcomeKind::NoMatch)
            .expect("rec");
        s.record_unanswered_on("2026-03-20", "ofis nerede", "tr", OutcomeKind::Suggestions)
            .expect("rec");
        let all = s.unanswered(None, None).expect("list");
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].question, "wo ist das büro");
        assert_eq!(all[0].count, 2);
        assert_eq!(
            (all[0].first_day.as_str(), all[0].last_day.as_str()),
            ("2026-01-01", "2026-03-01")
        );
        assert_eq!(s.unanswered(Some("tr"), None).expect("list").len(), 1);
        // 2026-03-01 + 30 days = 2026-03-31: kept on that day, gone the day after.
        assert_eq!(s.purge_unanswered("2026-03-31", 30).expect("purge"), 0);
        assert_eq!(s.purge_unanswered("2026-04-01", 30).expect("purge"), 1);
        let left = s.unanswered(None, None).expect("list");
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].lang, "tr");
    }

    /// `record_unanswered` deletes expired questions on its first call of a day (the bot's
    /// daily purge while it runs), not on every call.
    #[test]
    fn recording_purges_expired_questions_once_a_day() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Store::open(dir.path()).expect("open");
        let day = |n: i64| -> String {
            s.with(|c| {
                c.query_row("SELECT date('now', ?1)", [format!("{n} days")], |r| {
                    r.get(0)
                })
            })
            .expect("date")
        };
        let questions = |s: &Store| -> Vec<String> {
            let mut q: Vec<String> = s
                .unanswered(None, None)
                .expect("list")
                .into_iter()
                .map(|u| u.question)
                .collect();
            q.sort();
            q
        };
        s.record_unanswered_on(&day(-31), "zqxv alt", "de", OutcomeKind::NoMatch)
            .expect("rec");
        s.record_unanswered_on(&day(-30), "zqxv grenze", "de", OutcomeKind::NoMatch)
            .expect("rec");
        s.record_unanswered("zqxv heute", "de", OutcomeKind::NoMatch, 30)
            .expect("rec");
        assert_eq!(
            questions(&s),
            ["zqxv grenze", "zqxv heute"],
            "the first recording today purged what was last asked 31 days ago"
        );
        // Expired later the same day: kept until tomorrow's first recording.
        s.record_unanswered_on(&day(-40), "zqxv spaet", "de", OutcomeKind::NoMatch)
            .expect("rec");
        s.record_unanswered("zqxv noch eine", "de", OutcomeKind::NoMatch, 30)
            .expect("rec");
        assert!(
            questions(&s).contains(&"zqxv spaet".to_string()),
            "once a day"
        );
        // The next day (as the bot sees it: the day of its last purge is another one).
        *s.purged_on.lock().expect("lock") = day(-1);
        s.record_unanswered("zqxv morgen", "de", OutcomeKind::NoMatch, 30)
            .expect("rec");
        assert!(!questions(&s).contains(&"zqxv spaet".to_string()));
        assert!(
            !contains(&raw_files(dir.path()), b"zqxv spaet"),
            "deleted from the files too"
        );
    }

    #[test]
    fn migrations_keep_existing_data() {
        let dir = tempfile::tempdir().expect("tmp");
        {
            // A database from the first release: only the first migration applied.
            let c = Connection::open(dir.path().join("widunetz.sqlite")).expect("open");
            c.execute_batch(&format!("{} PRAGMA user_version = 1;", MIGRATIONS[0]))
                .expect("v1");
            c.execute("INSERT INTO chat_settings VALUES (7, 'ar')", [])
                .expect("row");
        }
        let s = Store::open(dir.path()).expect("migrate");
        assert_eq!(s.chat_lang(ChatKey(7)).expect("get"), Some(lang("ar")));
        s.record_unanswered("frage", "de", OutcomeKind::NoMatch, 90)
            .expect("new table works");
        assert_eq!(s.stats().expect("stats").unanswered_questions, 1);
    }

    /// The bytes of the database and its -wal and -shm files.
    fn raw_files(dir: &Path) -> Vec<u8> {
        let mut all = Vec::new();
        for suffix in ["", "-wal", "-shm"] {
            if let Ok(b) = std::fs::read(dir.join(format!("{FILE}{suffix}"))) {
                all.extend(b);
            }
        }
        all
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    /// SQLite's variable-length integer (rowids are stored so), for values below 2^56.
    fn varint(mut v: u64) -> Vec<u8> {
        let mut groups = vec![(v & 0x7f) as u8];
        v >>= 7;
        while v > 0 {
            groups.push((v & 0x7f) as u8 | 0x80);
            v >>= 7;
        }
        groups.reverse();
        groups
    }

    #[test]
    fn forgotten_and_purged_data_is_gone_from_the_files() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Store::open(dir.path()).expect("open");
        // A chat id with a distinctive byte pattern.
        let chat: i64 = 0x5A17_C0DE;
        s.set_chat_lang(ChatKey(chat), &lang("tr")).expect("set");
        s.record_unanswered_on("2026-01-01", "zqxvmarker frage", "de", OutcomeKind::NoMatch)
            .expect("rec");
        // chat_settings.chat_id is the rowid: stored as a varint.
        let id = varint(chat as u64);
        assert!(contains(&raw_files(dir.path()), &id), "written at all");
        assert!(contains(&raw_files(dir.path()), b"zqxvmarker"));
        s.forget_chat(ChatKey(chat)).expect("forget");
        assert_eq!(s.purge_unanswered("2026-06-01", 30).expect("purge"), 1);
        let raw = raw_files(dir.path());
        assert!(
            !contains(&raw, &id),
            "the forgotten chat id is in the files"
        );
        assert!(
            !contains(&raw, b"zqxvmarker"),
            "the purged question is in the files"
        );
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_and_a_fresh_one_started() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join(FILE), vec![0x5Au8; 8192]).expect("garbage");
        let err = Store::open(dir.path())
            .err()
            .expect("refused without recovery");
        assert!(err.to_string().contains(FILE), "names the file: {err}");
        let (s, aside) = Store::open_or_recover(dir.path()).expect("recovers");
        let aside = aside.expect("moved aside");
        assert!(aside.to_string_lossy().contains(".corrupt-"), "{aside:?}");
        assert_eq!(std::fs::read(&aside).expect("kept"), vec![0x5Au8; 8192]);
        s.set_chat_lang(ChatKey(1), &lang("ar"))
            .expect("fresh database works");
        assert_eq!(s.chat_lang(ChatKey(1)).expect("get"), Some(lang("ar")));
    }
}
