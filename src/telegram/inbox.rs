//! The durable inbox: every update is written here before it is confirmed to Telegram, and
//! deleted when its reply was delivered (or failed for good). A crash or restart leaves the
//! unfinished ones here; they are answered first when the bot starts again.
//!
//! A row goes through three states:
//! 1. `incoming` set: fetched, not yet handled (the user's text is kept only in this state);
//! 2. `plan` set, `incoming` cleared: the reply is decided ([`Outgoing`] steps) and
//!    `done_steps` of them were delivered; a restart goes on with the next step, so no part
//!    of a reply is sent twice and the decision (and its side effects, such as a 👍 counted)
//!    is not made twice;
//! 3. deleted, its update id noted in `seen` (a number, kept a day) so that a re-delivery of
//!    the same update by Telegram is recognised.
//!
//! Deleted rows are overwritten (`secure_delete`); the write-ahead log is truncated soon
//! after (see `workers`), so a handled message is gone from the files as well.

use rusqlite::{OptionalExtension, params};

use std::sync::Arc;

use super::State;
use super::incoming::Incoming;
use super::send::Outgoing;
use crate::clock;
use crate::error::Error;
use crate::store::Store;

/// Runs `f` on the bot's store on a blocking thread: SQLite calls wait for the disk (storing
/// updates even syncs it), which must not hold up the async threads that poll and send. A
/// panic inside becomes [`Error::Task`], handled like a failed call.
pub async fn blocking<T, F>(state: &Arc<State>, f: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, Error> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || f(state.store()))
        .await
        .map_err(Error::Task)?
}

/// Ids of handled updates are kept this many hours. Hours come from [`clock::unix_hour`]
/// (the crate's one clock), passed to SQLite as parameters.
const SEEN_HOURS: i64 = 24;

/// One row of the inbox.
#[derive(Debug)]
pub struct Row {
    pub seq: i64,
    pub chat: i64,
    pub incoming: Option<Incoming>,
    pub plan: Option<Vec<Outgoing>>,
    pub done_steps: usize,
}

fn json_err(e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
}

/// Stores new updates in one transaction and returns their (seq, chat) in order. Updates
/// already in the inbox, or handled within the last day, are left out (Telegram delivered
/// them again).
pub fn store(store: &Store, batch: &[(i64, Incoming)]) -> Result<Vec<(i64, i64)>, Error> {
    store_at(store, batch, clock::unix_hour())
}

/// [`store`] at the given hour ([`clock::unix_hour`]).
fn store_at(store: &Store, batch: &[(i64, Incoming)], hour: i64) -> Result<Vec<(i64, i64)>, Error> {
    store.with(|c| {
        // Telegram forgets these updates once they are confirmed, so this commit must survive
        // a power cut too: synced to disk. The bot's other commits are not (a power cut may
        // undo the last second of them: a reply is then sent twice, or a setting or count
        // written just before is lost), which keeps them cheap.
        c.pragma_update(None, "synchronous", "FULL")?;
        let added = store_batch(c, batch, hour);
        c.pragma_update(None, "synchronous", "NORMAL")?;
        added
    })
}

fn store_batch(
    c: &rusqlite::Connection,
    batch: &[(i64, Incoming)],
    hour: i64,
) -> rusqlite::Result<Vec<(i64, i64)>> {
    let tx = c.unchecked_transaction()?;
    tx.execute(
        "DELETE FROM seen WHERE hour < ?1",
        params![hour.saturating_sub(SEEN_HOURS)],
    )?;
    let mut added = Vec::new();
    for (update_id, incoming) in batch {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM seen WHERE update_id = ?1)
                     OR EXISTS (SELECT 1 FROM inbox WHERE update_id = ?1)",
            params![update_id],
            |r| r.get(0),
        )?;
        if known {
            continue;
        }
        let chat = incoming.chat_key();
        tx.execute(
            "INSERT INTO inbox (update_id, chat, incoming) VALUES (?1, ?2, ?3)",
            params![
                update_id,
                chat,
                serde_json::to_string(incoming).map_err(json_err)?
            ],
        )?;
        added.push((tx.last_insert_rowid(), chat));
    }
    tx.commit()?;
    Ok(added)
}

/// Every unfinished row, oldest first.
pub fn pending(store: &Store) -> Result<Vec<(i64, i64)>, Error> {
    store.with(|c| {
        let mut st = c.prepare("SELECT seq, chat FROM inbox ORDER BY seq")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    })
}

/// How many updates wait in the inbox.
pub fn len(store: &Store) -> Result<usize, Error> {
    store.with(|c| c.query_row("SELECT count(*) FROM inbox", [], |r| r.get(0)))
}

/// One row; `None` if it is gone (already finished). A row whose stored JSON cannot be read
/// (written by another version) comes back with neither `incoming` nor `plan`.
pub fn load(store: &Store, seq: i64) -> Result<Option<Row>, Error> {
    let row = store.with(|c| {
        c.query_row(
            "SELECT chat, incoming, plan, done_steps FROM inbox WHERE seq = ?1",
            params![seq],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            },
        )
        .optional()
    })?;
    Ok(row.map(|(chat, incoming, plan, done)| Row {
        seq,
        chat,
        incoming: incoming.and_then(|j| serde_json::from_str(&j).ok()),
        plan: plan.and_then(|j| serde_json::from_str(&j).ok()),
        done_steps: usize::try_from(done).unwrap_or(0),
    }))
}

/// The reply is decided: keep the steps, drop the update itself.
pub fn save_plan(store: &Store, seq: i64, plan: &[Outgoing]) -> Result<(), Error> {
    store.with(|c| {
        c.execute(
            "UPDATE inbox SET plan = ?2, incoming = NULL, done_steps = 0 WHERE seq = ?1",
            params![seq, serde_json::to_string(plan).map_err(json_err)?],
        )
        .map(|_| ())
    })
}

/// `n` steps of the row's reply are delivered.
pub fn steps_done(store: &Store, seq: i64, n: usize) -> Result<(), Error> {
    store.with(|c| {
        c.execute(
            "UPDATE inbox SET done_steps = ?2 WHERE seq = ?1",
            params![seq, i64::try_from(n).unwrap_or(i64::MAX)],
        )
        .map(|_| ())
    })
}

/// The row is handled: delete it and remember its update id for a day.
pub fn finish(store: &Store, seq: i64) -> Result<(), Error> {
    finish_at(store, seq, clock::unix_hour())
}

/// [`finish`] at the given hour ([`clock::unix_hour`]).
fn finish_at(store: &Store, seq: i64, hour: i64) -> Result<(), Error> {
    store.with(|c| {
        let tx = c.unchecked_transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO seen (update_id, hour)
             SELECT update_id, ?2 FROM inbox WHERE seq = ?1",
            params![seq, hour],
        )?;
        tx.execute("DELETE FROM inbox WHERE seq = ?1", params![seq])?;
        tx.commit()
    })
}

/// The bot (its user id) whose updates come in. Update ids are counted per bot: when the
/// data folder is used with another bot's token, the remembered ids are forgotten.
pub fn set_bot(store: &Store, bot_id: u64) -> Result<(), Error> {
    let id = bot_id.to_string();
    store.with(|c| {
        let tx = c.unchecked_transaction()?;
        let known: Option<String> = tx
            .query_row("SELECT value FROM meta WHERE key = 'bot'", [], |r| r.get(0))
            .optional()?;
        if known.as_deref() != Some(id.as_str()) {
            tx.execute("DELETE FROM seen", [])?;
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('bot', ?1)",
                params![id],
            )?;
        }
        tx.commit()
    })
}

/// Telegram started its update ids again: the remembered ones mean nothing any more.
pub fn forget_seen(store: &Store) -> Result<(), Error> {
    store.with(|c| c.execute("DELETE FROM seen", []).map(|_| ()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(chat: i64, text: &str) -> Incoming {
        Incoming::Message {
            chat,
            private: true,
            date: 1,
            text: Some(text.into()),
            user_lang: None,
        }
    }

    #[test]
    fn a_row_from_arrival_to_done_and_re_deliveries_skipped() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Store::open(dir.path()).expect("open");
        set_bot(&s, 1).expect("bot");
        let added = store(
            &s,
            &[(10, msg(1, "a")), (11, msg(2, "b")), (12, msg(1, "c"))],
        )
        .expect("store");
        assert_eq!(added.iter().map(|a| a.1).collect::<Vec<_>>(), [1, 2, 1]);
        assert!(
            store(&s, &[(11, msg(2, "b"))]).expect("again").is_empty(),
            "pending"
        );
        let seq = added[0].0;
        let row = load(&s, seq).expect("load").expect("row");
        assert_eq!(row.incoming, Some(msg(1, "a")));
        let plan = vec![
            Outgoing::Text {
                chat: 1,
                text: "x".into(),
                keyboard: None,
            },
            Outgoing::Text {
                chat: 1,
                text: "y".into(),
                keyboard: None,
            },
        ];
        save_plan(&s, seq, &plan).expect("plan");
        steps_done(&s, seq, 1).expect("step");
        let row = load(&s, seq).expect("load").expect("row");
        assert_eq!(
            (row.incoming, row.plan, row.done_steps),
            (None, Some(plan), 1)
        );
        finish(&s, seq).expect("finish");
        assert!(load(&s, seq).expect("load").is_none());
        assert!(
            store(&s, &[(10, msg(1, "a"))]).expect("again").is_empty(),
            "handled"
        );
        assert_eq!(pending(&s).expect("pending").len(), 2);
        assert_eq!(len(&s).expect("len"), 2);
        set_bot(&s, 1).expect("bot");
        assert!(
            store(&s, &[(10, msg(1, "a"))]).expect("again").is_empty(),
            "same bot"
        );
        set_bot(&s, 2).expect("another bot");
        let again = store(&s, &[(10, msg(1, "x"))]).expect("other bot");
        assert_eq!(again.len(), 1, "another bot's update 10 is new");
        finish(&s, again[0].0).expect("finish");
        assert!(store(&s, &[(10, msg(1, "x"))]).expect("seen").is_empty());
        forget_seen(&s).expect("ids started again");
        assert_eq!(store(&s, &[(10, msg(1, "y"))]).expect("new").len(), 1);
    }

    #[test]
    fn handled_update_ids_are_kept_a_day_by_the_given_hour() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Store::open(dir.path()).expect("open");
        set_bot(&s, 1).expect("bot");
        let hour = 500_000;
        let added = store_at(&s, &[(20, msg(1, "a"))], hour).expect("store");
        finish_at(&s, added[0].0, hour).expect("finish");
        let again = |h| store_at(&s, &[(20, msg(1, "a"))], h).expect("again");
        assert!(
            again(hour + SEEN_HOURS).is_empty(),
            "a day later: still known"
        );
        let new = again(hour + SEEN_HOURS + 1);
        assert_eq!(new.len(), 1, "after a day: forgotten, so new");
        finish_at(&s, new[0].0, hour + SEEN_HOURS + 1).expect("finish");
        assert!(again(hour + SEEN_HOURS + 1).is_empty(), "known again");
    }
}
