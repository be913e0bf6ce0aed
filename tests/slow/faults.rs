//! Telegram faults (issue 6), with the real bot and its Bot API client against the fake Bot
//! API server: the API unreachable for 30 seconds, slow and dropped getUpdates, one malformed
//! update among good ones. Every question is answered exactly once. (Send errors, hangs,
//! 429s and id resets: tests/slow/delivery.rs.)
//!
//! All logging of this test process goes, at TRACE level and without any redaction, into a
//! buffer; each test checks that the token is not in it (teloxide, reqwest and hyper must not
//! print it by themselves; the binary adds a redacting writer on top, see tests/slow/process.rs).

use crate::support::calls::Calls;
use crate::support::{self, bot, fake};

use std::time::Duration;

fn log() -> &'static std::sync::Arc<std::sync::Mutex<Vec<u8>>> {
    support::log::captured()
}

fn log_text() -> String {
    support::log::text()
}

fn assert_no_token_logged() {
    let text = log_text();
    assert!(!text.is_empty(), "TRACE logging captured nothing");
    let secret = fake::TOKEN.split_once(':').expect("token").1;
    assert!(
        !text.contains(fake::TOKEN) && !text.contains(secret),
        "the token appears in the log"
    );
}

/// Distinct questions with distinct replies (so that order and duplicates are visible).
const QUESTIONS: [&str; 4] = [
    "Wie wurde widunetz gegründet?",
    "kontakt",
    "Welche Ziele hat widunetz?",
    "Wie ist widunetz aufgebaut?",
];

async fn wait_answered(
    f: &fake::Fake,
    chats: &[(i64, Vec<String>)],
    secs: u64,
    what: &str,
) -> Calls {
    f.wait_for(secs, what, |c| {
        chats
            .iter()
            .all(|(chat, want)| c.texts_to(*chat).len() >= want.len())
    })
    .await
}

/// Once nothing is left to do (Telegram holds nothing unconfirmed, the inbox is empty),
/// checks that each chat got exactly `want`.
async fn assert_exactly_once(
    server: &fake::Server,
    running: &bot::Running,
    chats: &[(i64, Vec<String>)],
) {
    bot::settle(server, running, 30).await;
    let calls = server.fake.calls.lock().await.clone();
    for (chat, want) in chats {
        assert_eq!(
            &calls.texts_to(*chat),
            want,
            "chat {chat}: every question answered once, in order"
        );
    }
}

/// Every fault test: log capture on, the shipped engine, the fake server and the bot.
async fn start() -> (
    widunetz_bot::Engine,
    fake::Server,
    tempfile::TempDir,
    bot::Running,
) {
    log();
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let running = bot::start(&server, data.path()).await;
    (support::engine(), server, data, running)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_unreachable_for_30_seconds_then_back() {
    let (engine, server, _data, running) = start().await;
    let f = &server.fake;
    f.push(fake::text_update(100, QUESTIONS[1], None)).await;
    let first = bot::expected_reply(&engine, QUESTIONS[1]);
    wait_answered(f, &[(100, first)], 15, "answer before the outage").await;

    server.go_down();
    // Questions keep arriving at Telegram while the bot cannot reach it.
    let mut chats = Vec::new();
    for (i, chat) in (101..=104).enumerate() {
        let q = QUESTIONS[i % QUESTIONS.len()];
        f.push(fake::text_update(chat, q, None)).await;
        chats.push((chat, bot::expected_reply(&engine, q)));
    }
    tokio::time::sleep(Duration::from_secs(15)).await;
    for (i, (chat, want)) in chats.iter_mut().enumerate() {
        let q = QUESTIONS[(i + 1) % QUESTIONS.len()];
        f.push(fake::text_update(*chat, q, None)).await;
        want.extend(bot::expected_reply(&engine, q));
    }
    tokio::time::sleep(Duration::from_secs(15)).await;
    assert!(!running.handle.is_finished(), "the bot kept running");
    {
        let calls = f.calls.lock().await.clone();
        assert!(
            chats.iter().all(|(c, _)| calls.texts_to(*c).is_empty()),
            "nothing can be sent while the server is down"
        );
    }

    server.come_back().await;
    // Retries are at most 3 s apart, so answers come soon after the server is back.
    wait_answered(f, &chats, 20, "answers after the outage").await;
    assert_exactly_once(&server, &running, &chats).await;
    bot::stop(&server, running).await;
    assert_no_token_logged();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_dropped_get_updates() {
    let (engine, server, _data, running) = start().await;
    let f = &server.fake;

    // Slow: every getUpdates answer takes 2 s.
    f.slow_get_updates_ms
        .store(2_000, std::sync::atomic::Ordering::SeqCst);
    let mut chats = Vec::new();
    for (i, chat) in (201..=203).enumerate() {
        f.push(fake::text_update(chat, QUESTIONS[i], None)).await;
        chats.push((chat, bot::expected_reply(&engine, QUESTIONS[i])));
    }
    wait_answered(f, &chats, 30, "answers with slow getUpdates").await;
    f.slow_get_updates_ms
        .store(0, std::sync::atomic::Ordering::SeqCst);

    // Dropped: the connection is cut in the middle of a long poll, again and again; each
    // time the next question arrives while the bot reconnects. (Cut only while the bot waits
    // in getUpdates: a reply cut in flight could not be told apart from a lost one.)
    for round in 0..6_i64 {
        let chat = 210 + round;
        let q = QUESTIONS[round as usize % QUESTIONS.len()];
        f.push(fake::text_update(chat, q, None)).await;
        chats.push((chat, bot::expected_reply(&engine, q)));
        wait_answered(f, &chats, 30, "answer before the next cut").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        server.drop_connections();
    }
    wait_answered(f, &chats, 30, "answers despite dropped connections").await;
    assert_exactly_once(&server, &running, &chats).await;
    assert!(!running.handle.is_finished(), "the bot kept running");
    bot::stop(&server, running).await;
    assert_no_token_logged();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_malformed_update_among_good_ones_is_skipped_with_a_log_line() {
    let (engine, server, _data, running) = start().await;
    let f = &server.fake;
    let good = |chat: i64, i: usize| {
        (
            fake::text_update(chat, QUESTIONS[i], None),
            (chat, bot::expected_reply(&engine, QUESTIONS[i])),
        )
    };
    let (u1, c1) = good(301, 0);
    let (u2, c2) = good(303, 1);
    let (u3, c3) = good(304, 2);
    f.push_all(vec![u1, fake::malformed_update(302), u2, u3])
        .await;
    let chats = vec![c1, c2, c3];
    wait_answered(f, &chats, 15, "the good updates answered").await;
    assert_exactly_once(&server, &running, &chats).await;
    let calls = f.calls.lock().await.clone();
    assert!(
        calls.texts_to(302).is_empty(),
        "the malformed update is skipped"
    );
    assert!(
        log_text().contains("Cannot parse an update"),
        "a log line names the skipped update"
    );
    assert!(!running.handle.is_finished());
    bot::stop(&server, running).await;
    assert_no_token_logged();
}
