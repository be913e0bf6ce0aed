//! Privacy (issue 6): the data folder and SQLite files are readable by the owner only, and
//! after a conversation the database holds no user or chat ids — except the chat id next to
//! a chosen language (needed to answer in it; removed by /forget).

use crate::support::{self, bot, fake};

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rusqlite::Connection;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

/// Every (table, column, value) in the database, as text.
fn all_values(conn: &Connection) -> Vec<(String, String, String)> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("tables");
    let mut out = Vec::new();
    for t in tables {
        let mut st = conn
            .prepare(&format!("SELECT * FROM \"{t}\""))
            .expect("select");
        let cols: Vec<String> = st.column_names().iter().map(|c| c.to_string()).collect();
        let rows = st
            .query_map([], |r| {
                (0..cols.len())
                    .map(|i| {
                        let v: rusqlite::types::Value = r.get(i)?;
                        Ok(format!("{v:?}"))
                    })
                    .collect::<Result<Vec<String>, _>>()
            })
            .expect("rows");
        for row in rows {
            for (c, v) in cols.iter().zip(row.expect("row")) {
                out.push((t.clone(), c.clone(), v));
            }
        }
    }
    out
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("columns")
}

#[test]
fn data_folder_and_database_files_are_private() {
    let parent = tempfile::tempdir().expect("tmp");
    // A new folder (two levels) is created 0700.
    let data = parent.path().join("a").join("data");
    let store = widunetz_bot::store::Store::open(&data).expect("open");
    let tr = widunetz_bot::ids::LangCode::new("tr").expect("tr");
    store
        .set_chat_lang(widunetz_bot::ids::ChatKey(1), &tr)
        .expect("write"); // creates the WAL file
    assert_eq!(mode(&data), 0o700, "data folder");
    for name in [
        "widunetz.sqlite",
        "widunetz.sqlite-wal",
        "widunetz.sqlite-shm",
    ] {
        // All three exist while the database is open in WAL mode.
        assert_eq!(mode(&data.join(name)), 0o600, "{name}");
    }
    assert!(data.join("widunetz.sqlite-wal").exists(), "WAL mode");
    drop(store);
    // An existing folder that others could read is made private.
    let open = parent.path().join("open");
    std::fs::create_dir(&open).expect("mkdir");
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let _s = widunetz_bot::store::Store::open(&open).expect("open");
    assert_eq!(mode(&open), 0o700);
    assert_eq!(mode(&open.join("widunetz.sqlite")), 0o600);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_holds_no_ids_beyond_the_language_choice() {
    // Ids that cannot be mistaken for counts or dates.
    let (stays, forgets, asks) = (987_654_321_i64, 876_543_219_i64, 765_432_198_i64);
    let group = -1_001_234_567_890_i64;
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let running = bot::start(&server, data.path()).await;
    let f = &server.fake;
    f.push(fake::text_update(stays, "/language tr", Some("de")))
        .await;
    f.push(fake::text_update(forgets, "/language ru", Some("de")))
        .await;
    f.push(fake::text_update(
        asks,
        "Wie wurde widunetz gegründet?",
        None,
    ))
    .await;
    f.push(fake::text_update(asks, "blorf quux zing", None))
        .await;
    f.push(fake::text_update(
        group,
        &format!("@{} kontakt", fake::BOT_USERNAME),
        None,
    ))
    .await;
    f.push(fake::callback_update(asks, "f:+:founding:de", Some("de")))
        .await;
    f.push(fake::callback_update(stays, "f:-:contact:tr", Some("tr")))
        .await;
    f.wait_for(20, "all handled", |c| {
        c.count("answercallbackquery") >= 2
            && [stays, forgets, asks, group]
                .iter()
                .all(|id| !c.messages_to(*id).is_empty())
    })
    .await;
    f.push(fake::text_update(forgets, "/forget", None)).await;
    f.wait_for(20, "forget done", |c| c.messages_to(forgets).len() >= 2)
        .await;
    bot::stop(&server, running).await;

    let conn = Connection::open(data.path().join("widunetz.sqlite")).expect("open");
    assert_eq!(columns(&conn, "chat_settings"), ["chat_id", "lang"]);
    assert_eq!(columns(&conn, "feedback"), ["entry", "lang", "up", "down"]);
    let values = all_values(&conn);
    assert!(!values.is_empty());
    for id in [stays, forgets, asks, group] {
        let abs = id.abs().to_string();
        for (table, column, value) in &values {
            let allowed = id == stays && table == "chat_settings" && column == "chat_id";
            assert!(
                allowed || !value.contains(&abs),
                "id {id} stored in {table}.{column}: {value}"
            );
        }
    }
    // No message text in these two either. (The unanswered-questions log keeps normalised
    // question texts by design; its own test checks it.)
    for (table, column, value) in values
        .iter()
        .filter(|(t, _, _)| t == "chat_settings" || t == "feedback")
    {
        for text in ["gegründet", "blorf", "kontakt"] {
            assert!(
                !value.contains(text),
                "{table}.{column} holds text: {value}"
            );
        }
    }
    let settings: Vec<(i64, String)> = conn
        .prepare("SELECT chat_id, lang FROM chat_settings")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        settings,
        vec![(stays, "tr".to_string())],
        "/forget removed the other"
    );
    let feedback: Vec<(String, String, i64, i64)> = conn
        .prepare("SELECT entry, lang, up, down FROM feedback ORDER BY entry")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        feedback,
        vec![
            ("contact".to_string(), "tr".to_string(), 0, 1),
            ("founding".to_string(), "de".to_string(), 1, 0)
        ]
    );
}

/// The bytes of the database and its -wal and -shm files.
fn raw_files(dir: &Path) -> Vec<u8> {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::read(dir.join(format!("widunetz.sqlite{s}"))).ok())
        .flatten()
        .collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// SQLite's variable-length integer (how rowids such as `chat_settings.chat_id` are stored).
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

/// Every form a chat id can take in the files: decimal text (JSON), a rowid varint, and a
/// column value (SQLite stores integers big-endian in 1 to 8 bytes; these ids need 4).
fn id_forms(id: i64) -> Vec<Vec<u8>> {
    vec![
        id.to_string().into_bytes(),
        varint(id as u64),
        (id as u32).to_be_bytes().to_vec(),
        id.to_be_bytes().to_vec(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handled_messages_and_forgotten_chats_are_gone_from_the_database_files() {
    let chat: i64 = 0x5A17_C0DE;
    let marker = "Zqxv-Marker-8812";
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let live = std::sync::Arc::new(widunetz_bot::live::Live::new(support::engine()));
    let store = widunetz_bot::store::Store::open(data.path()).expect("store");
    // The unanswered-questions log keeps normalised texts by design; here only the inbox is
    // looked at.
    let config = widunetz_bot::conversation::Config {
        record_unanswered: false,
        ..Default::default()
    };
    let state = widunetz_bot::telegram::State::with_config(live, store, config);
    let running =
        bot::start_state(&server, std::sync::Arc::new(state), None, bot::settings()).await;
    let f = &server.fake;
    let now = fake::now();
    f.push(fake::text_update_at(chat, "/language tr", None, now))
        .await;
    f.push(fake::text_update_at(
        chat,
        &format!("kontakt {marker}"),
        None,
        now + 5,
    ))
    .await;
    // A chat that only asks: nothing of it is kept once it is answered.
    let other: i64 = 0x6B28_D1EF;
    f.push(fake::text_update_at(
        other,
        "kontakt Qwvz-Anderer-4471",
        None,
        now,
    ))
    .await;
    f.wait_for(20, "answered", |c| {
        c.messages_to(chat).len() >= 2 && !c.messages_to(other).is_empty()
    })
    .await;
    bot::settle(&server, &running, 20).await;
    let other_needles = id_forms(other);
    let t = std::time::Instant::now();
    loop {
        let raw = raw_files(data.path());
        let left: Vec<&Vec<u8>> = other_needles.iter().filter(|n| contains(&raw, n)).collect();
        if left.is_empty() && !contains(&raw, b"Qwvz-Anderer") {
            break;
        }
        assert!(
            t.elapsed() < std::time::Duration::from_secs(20),
            "an answered chat's id or text is still in the files: {left:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let written = raw_files(data.path());
    assert!(
        contains(&written, &varint(chat as u64)),
        "the chosen language is stored with the chat id"
    );
    f.push(fake::text_update_at(chat, "/forget", None, now + 10))
        .await;
    bot::settle(&server, &running, 20).await;
    // Deleted rows are overwritten and the write-ahead log truncated (within about a second).
    let mut needles = id_forms(chat);
    needles.push(marker.as_bytes().to_vec());
    let t = std::time::Instant::now();
    loop {
        let raw = raw_files(data.path());
        let left: Vec<usize> = (0..needles.len())
            .filter(|i| contains(&raw, &needles[*i]))
            .collect();
        if left.is_empty() {
            break;
        }
        assert!(
            t.elapsed() < std::time::Duration::from_secs(20),
            "still in the database files: needles {left:?} of {needles:?} (the chat id as text, as a rowid varint, as a 4- and an 8-byte integer; the marker text)"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    bot::stop(&server, running).await;
}
