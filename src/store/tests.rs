//! The store's tests: what survives a reopen, what is deleted and gone from the files,
//! retention by day, migrations, a corrupt file.

use std::path::Path;

use rusqlite::Connection;

use super::*;
use crate::clock::{self, Date};
use crate::engine::OutcomeKind;
use crate::ids::{ChatKey, EntryId, LangCode};

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

fn day(s: &str) -> Date {
    clock::parse(s).expect("test date")
}

#[test]
fn unanswered_counts_and_expires() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = Store::open(dir.path()).expect("open");
    s.record_unanswered_on(
        day("2026-01-01"),
        "wo ist das büro",
        "de",
        OutcomeKind::NoMatch,
    )
    .expect("rec");
    s.record_unanswered_on(
        day("2026-03-01"),
        "wo ist das büro",
        "de",
        OutcomeKind::NoMatch,
    )
    .expect("rec");
    s.record_unanswered_on(
        day("2026-03-20"),
        "ofis nerede",
        "tr",
        OutcomeKind::Suggestions,
    )
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
    assert_eq!(s.purge_unanswered(day("2026-03-31"), 30).expect("purge"), 0);
    assert_eq!(s.purge_unanswered(day("2026-04-01"), 30).expect("purge"), 1);
    let left = s.unanswered(None, None).expect("list");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].lang, "tr");
}

#[test]
fn since_days_counts_back_from_today() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = Store::open(dir.path()).expect("open");
    let today = clock::today();
    let old = clock::days_before(today, 31).expect("a month ago");
    s.record_unanswered_on(old, "alt", "de", OutcomeKind::NoMatch)
        .expect("rec");
    s.record_unanswered_on(today, "neu", "de", OutcomeKind::NoMatch)
        .expect("rec");
    let recent = s.unanswered(None, Some(30)).expect("list");
    assert_eq!(recent.len(), 1);
    assert_eq!(recent[0].question, "neu");
    assert_eq!(s.unanswered(None, Some(31)).expect("list").len(), 2);
    assert_eq!(s.unanswered(None, Some(u32::MAX)).expect("list").len(), 2);
    assert_eq!(s.purge_unanswered(today, u32::MAX).expect("purge"), 0);
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
    s.record_unanswered_on(
        day("2026-01-01"),
        "zqxvmarker frage",
        "de",
        OutcomeKind::NoMatch,
    )
    .expect("rec");
    // chat_settings.chat_id is the rowid: stored as a varint.
    let id = varint(chat as u64);
    assert!(contains(&raw_files(dir.path()), &id), "written at all");
    assert!(contains(&raw_files(dir.path()), b"zqxvmarker"));
    s.forget_chat(ChatKey(chat)).expect("forget");
    assert_eq!(s.purge_unanswered(day("2026-06-01"), 30).expect("purge"), 1);
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

/// `record_unanswered` deletes expired questions on its first call of a day (the bot's
/// daily purge while it runs), not on every call.
#[test]
fn recording_purges_expired_questions_once_a_day() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = Store::open(dir.path()).expect("open");
    let today = clock::today();
    let day = |n: u32| -> Date { clock::days_before(today, n).expect("date") };
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
    s.record_unanswered_on(day(31), "zqxv alt", "de", OutcomeKind::NoMatch)
        .expect("rec");
    s.record_unanswered_on(day(30), "zqxv grenze", "de", OutcomeKind::NoMatch)
        .expect("rec");
    s.record_unanswered("zqxv heute", "de", OutcomeKind::NoMatch, 30)
        .expect("rec");
    assert_eq!(
        questions(&s),
        ["zqxv grenze", "zqxv heute"],
        "the first recording today purged what was last asked 31 days ago"
    );
    // Expired later the same day: kept until tomorrow's first recording.
    s.record_unanswered_on(day(40), "zqxv spaet", "de", OutcomeKind::NoMatch)
        .expect("rec");
    s.record_unanswered("zqxv noch eine", "de", OutcomeKind::NoMatch, 30)
        .expect("rec");
    assert!(
        questions(&s).contains(&"zqxv spaet".to_string()),
        "once a day"
    );
    // The next day (as the bot sees it: the day of its last purge is another one).
    *s.purged_on.lock().expect("lock") = Some(day(1));
    s.record_unanswered("zqxv morgen", "de", OutcomeKind::NoMatch, 30)
        .expect("rec");
    assert!(!questions(&s).contains(&"zqxv spaet".to_string()));
    assert!(
        !contains(&raw_files(dir.path()), b"zqxv spaet"),
        "deleted from the files too"
    );
}
