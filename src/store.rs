//! The bot's state in one SQLite file under `--data`: a chat's chosen language and anonymous
//! 👍/👎 counts per entry and language. No user ids, names or message texts are stored.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Error;

pub struct Store {
    conn: Mutex<Connection>,
}

/// Schema migrations, applied in order; each runs once (tracked in `user_version`).
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE chat_settings (chat_id INTEGER PRIMARY KEY, lang TEXT NOT NULL);
     CREATE TABLE feedback (entry TEXT NOT NULL, lang TEXT NOT NULL,
                            up INTEGER NOT NULL DEFAULT 0, down INTEGER NOT NULL DEFAULT 0,
                            PRIMARY KEY (entry, lang));",
];

fn db_err(e: rusqlite::Error) -> Error {
    Error::Storage(e.to_string())
}

impl Store {
    /// Opens (creating) `dir/widunetz.sqlite`; the folder and file are readable by the owner only.
    pub fn open(dir: &Path) -> Result<Store, Error> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            // Created private, not made private afterwards: no moment in which others can read.
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir).map_err(io)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
        let path = dir.join("widunetz.sqlite");
        #[cfg(unix)]
        {
            // Same for the file; SQLite gives its -wal and -shm files the file's permissions.
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .mode(0o600)
                .open(&path)
                .map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
        }
        let conn = Connection::open(&path).map_err(db_err)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(db_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(db_err)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(db_err)?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            conn.execute_batch(&format!(
                "BEGIN; {m} PRAGMA user_version = {}; COMMIT;",
                i + 1
            ))
            .map_err(db_err)?;
        }
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, Error> {
        let conn = self
            .conn
            .lock()
            .map_err(|_| Error::Storage("database lock poisoned".into()))?;
        f(&conn).map_err(db_err)
    }

    pub fn chat_lang(&self, chat_id: i64) -> Result<Option<String>, Error> {
        self.with(|c| {
            c.query_row(
                "SELECT lang FROM chat_settings WHERE chat_id = ?1",
                params![chat_id],
                |r| r.get(0),
            )
            .optional()
        })
    }

    pub fn set_chat_lang(&self, chat_id: i64, lang: &str) -> Result<(), Error> {
        self.with(|c| {
            c.execute(
                "INSERT INTO chat_settings (chat_id, lang) VALUES (?1, ?2)
                 ON CONFLICT(chat_id) DO UPDATE SET lang = excluded.lang",
                params![chat_id, lang],
            )
            .map(|_| ())
        })
    }

    /// Deletes everything stored about a chat.
    pub fn forget_chat(&self, chat_id: i64) -> Result<(), Error> {
        self.with(|c| {
            c.execute(
                "DELETE FROM chat_settings WHERE chat_id = ?1",
                params![chat_id],
            )
            .map(|_| ())
        })
    }

    pub fn add_feedback(&self, entry: &str, lang: &str, up: bool) -> Result<(), Error> {
        let (u, d) = if up { (1, 0) } else { (0, 1) };
        self.with(|c| {
            c.execute(
                "INSERT INTO feedback (entry, lang, up, down) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(entry, lang) DO UPDATE SET up = up + excluded.up, down = down + excluded.down",
                params![entry, lang, u, d],
            )
            .map(|_| ())
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

    #[test]
    fn language_survives_reopen_and_forget_deletes() {
        let dir = tempfile::tempdir().expect("tmp");
        {
            let s = Store::open(dir.path()).expect("open");
            s.set_chat_lang(42, "tr").expect("set");
            s.add_feedback("founding", "tr", true).expect("fb");
            s.add_feedback("founding", "tr", false).expect("fb");
        }
        let s = Store::open(dir.path()).expect("reopen");
        assert_eq!(s.chat_lang(42).expect("get").as_deref(), Some("tr"));
        assert_eq!(
            s.feedback().expect("fb"),
            vec![("founding".into(), "tr".into(), 1, 1)]
        );
        s.forget_chat(42).expect("forget");
        assert_eq!(s.chat_lang(42).expect("get"), None);
    }
}
