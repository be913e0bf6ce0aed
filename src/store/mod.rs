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

use rusqlite::Connection;

use crate::clock::{self, Date};
use crate::engine::OutcomeKind;
use crate::error::Error;

mod lock;
mod records;
#[cfg(test)]
mod tests;
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
    purged_on: Mutex<Option<Date>>,
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
    // Questions whose answer got 👎 (issue 15): normalised text, language, the entry that
    // answered, count and days, as for `unanswered`; no chat or user id.
    "CREATE TABLE downvoted (question TEXT NOT NULL, lang TEXT NOT NULL, entry TEXT NOT NULL,
                             count INTEGER NOT NULL, first_day TEXT NOT NULL,
                             last_day TEXT NOT NULL, PRIMARY KEY (question, lang, entry));
     CREATE INDEX downvoted_last_day ON downvoted (last_day);",
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

/// One recorded question whose answer got 👎.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Downvoted {
    pub question: String,
    pub lang: String,
    /// The entry that answered it.
    pub entry: String,
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
                let stamp = clock::timestamp();
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
            purged_on: Mutex::new(None),
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
}
