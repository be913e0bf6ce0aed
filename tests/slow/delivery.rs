//! Delivery through Telegram's faults (issue 10), in-process against the fake Bot API server,
//! which behaves like Telegram's (see tests/support/fake.rs): every question gets
//! exactly one answer through resets, 5xx pages, timeouts and hangs; one chat's trouble does
//! not hold up the others; update ids that go backwards are followed; no message can take
//! the bot down.
//!
//! "Exactly once" has one exception, and the tests say where it applies: when the connection
//! breaks after Telegram already had the message (a reset half-way through the answer, an
//! answer slower than our timeout), the bot cannot know and sends it again: at most twice.

use crate::support::{self, bot, fake};

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use fake::Fault;
use serde_json::{Value, json};
use widunetz_bot::telegram::{self, Settings};

fn log() -> &'static std::sync::Arc<std::sync::Mutex<Vec<u8>>> {
    support::log::captured()
}

fn log_text() -> String {
    support::log::text()
}

/// Settings for fault tests: a request times out after 2 s (hangs resolve quickly).
fn quick() -> Settings {
    let mut s = bot::settings();
    s.policy.send_timeout = Duration::from_secs(2);
    s
}

async fn start(
    s: Settings,
) -> (
    widunetz_bot::Engine,
    fake::Server,
    tempfile::TempDir,
    bot::Running,
) {
    log();
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let running = bot::start_with(&server, data.path(), s).await;
    server
        .fake
        .wait_for(30, "bot started", |c| {
            c.iter().any(|(m, _)| m == "deletewebhook")
        })
        .await;
    (support::engine(), server, data, running)
}

fn generic_error() -> String {
    support::localised(&support::engine(), "de", "error-generic")
}

/// The German reply to "kontakt", recognised by a fragment written down in `support::ASKED`.
fn is_contact(text: &str) -> bool {
    text.contains(support::fragment("kontakt"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_send_error_is_retried_until_the_answer_arrives() {
    let (_engine, server, _data, running) = start(quick()).await;
    let f = &server.fake;
    // (chat, fault, how often, may Telegram already have had the message?)
    let cases: Vec<(i64, Fault, usize, bool)> = vec![
        (501, Fault::ResetBefore, 2, false),
        (502, Fault::html(502), 3, false),
        (503, Fault::html(504), 2, false),
        (504, Fault::api(500, "Internal Server Error"), 1, false),
        (505, Fault::Hang, 1, false),
        (506, Fault::ResetMidBody, 1, true),
        (507, Fault::Delay(Duration::from_secs(4)), 1, true),
    ];
    for (chat, fault, times, _) in &cases {
        f.fault("sendmessage", Some(*chat), fault.clone(), *times);
        f.push(fake::text_update(*chat, "kontakt", None)).await;
    }
    f.wait_for(60, "every chat answered", |c| {
        cases
            .iter()
            .all(|(chat, ..)| !c.delivered_to(*chat).is_empty())
    })
    .await;
    bot::settle(&server, &running, 60).await;
    let calls = f.calls.lock().await.clone();
    for (chat, fault, times, maybe_twice) in &cases {
        let got = calls.delivered_to(*chat);
        assert!(
            got.iter().all(|t| is_contact(t)),
            "chat {chat} ({fault:?}): only the answer, never an error text: {got:?}"
        );
        if *maybe_twice {
            // Telegram had the message when the connection broke: the bot cannot know, sends
            // it again, and the user may see it twice (never more).
            assert!(
                (1..=2).contains(&got.len()),
                "chat {chat} ({fault:?}): {}",
                got.len()
            );
        } else {
            support::assert_replies(&got, &["kontakt"], &format!("chat {chat} ({fault:?})"));
        }
        let attempts = calls.texts_to(*chat).len();
        assert!(
            attempts > *times,
            "chat {chat}: retried ({attempts} attempts)"
        );
    }
    assert!(!log_text().contains(fake::TOKEN));
    bot::stop(&server, running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_chat_hanging_waiting_tapping_or_flooding_does_not_hold_up_the_others() {
    let (engine, server, _data, running) = start(quick()).await;
    let f = &server.fake;
    let (hangs, waits, taps, floods) = (601, 602, 603, 604);
    f.fault_always("sendmessage", Some(hangs), Fault::Hang);
    f.fault("sendmessage", Some(waits), Fault::retry_after(10), 1);
    f.push(fake::text_update(hangs, "kontakt", None)).await;
    f.push(fake::text_update(waits, "kontakt", None)).await;
    let now = fake::now();
    let mut trouble: Vec<Value> = (0..80)
        .map(|_| fake::callback_update(taps, "a:founding", Some("de")))
        .collect();
    trouble.extend((0..100).map(|i| fake::text_update_at(floods, "kontakt", None, now + i / 50)));
    f.push_all(trouble).await;
    // Let the trouble start before the others write.
    f.wait_for(30, "the hanging send started", |c| {
        !c.texts_to(hangs).is_empty() && !c.texts_to(waits).is_empty()
    })
    .await;
    let asked = Instant::now();
    let others: Vec<i64> = (610..650).collect();
    f.push_all(
        others
            .iter()
            .map(|c| fake::text_update(*c, "kontakt", None))
            .collect(),
    )
    .await;
    let calls = f
        .wait_for(30, "the other chats answered", |c| {
            others.iter().all(|o| !c.delivered_to(*o).is_empty())
        })
        .await;
    eprintln!(
        "40 other chats answered {:?} after they asked",
        asked.elapsed()
    );
    // Order, not a stopwatch: every other chat was answered while the hanging chat still
    // hung and the waiting one still waited out its 10 s (its 429 came before they asked).
    // So they were answered within those 10 s ("within a few seconds", issue 10), held up by
    // nobody; their answers need about 1.5 s at Telegram's 30 messages a second.
    assert!(calls.delivered_to(hangs).is_empty(), "still hanging");
    assert!(
        calls.delivered_to(waits).is_empty(),
        "the other chats were answered only after the 429's 10 s had passed"
    );
    f.clear_faults();
    f.wait_for(60, "the waiting and the hanging chat answered", |c| {
        !c.delivered_to(hangs).is_empty() && !c.delivered_to(waits).is_empty()
    })
    .await;
    bot::settle(&server, &running, 120).await;
    let calls = f.calls.lock().await.clone();
    support::assert_replies(
        &calls.delivered_to(hangs),
        &["kontakt"],
        "a hung send is sent again, once",
    );
    support::assert_replies(
        &calls.delivered_to(waits),
        &["kontakt"],
        "after the 429: once",
    );
    for o in &others {
        support::assert_replies(&calls.delivered_to(*o), &["kontakt"], &format!("chat {o}"));
    }
    // Button taps count like messages: at most 15 answers, then only toasts; every tap is
    // answered so that no button keeps spinning.
    let tap_answers = calls
        .iter()
        .filter(|(m, v)| m == "answercallbackquery" && v["callback_query_id"] == json!("cb10"))
        .count();
    assert_eq!(tap_answers, 80, "every tap answered");
    let tap_messages = calls.delivered_to(taps).len();
    assert!(
        (1..=15).contains(&tap_messages),
        "{tap_messages} messages to the tapping chat"
    );
    let notice = support::localised(&engine, "de", "flood-notice");
    let flood = calls.delivered_to(floods);
    assert_eq!(flood.iter().filter(|t| **t == notice).count(), 1);
    assert!(
        flood.len() <= 16,
        "{} messages to the flooding chat",
        flood.len()
    );
    bot::stop(&server, running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn update_ids_that_go_backwards_are_followed_without_a_hot_loop() {
    let (_engine, server, _data, running) = start(bot::settings()).await;
    let f = &server.fake;
    let first = f.push(fake::text_update(701, "kontakt", None)).await;
    bot::settle(&server, &running, 30).await;
    // A quiet week later Telegram numbers updates from a new, lower start; its server then
    // serves them although the bot asks from its old offset.
    f.reset_ids(first - 500_000).await;
    for chat in [702, 703, 704] {
        f.push(fake::text_update(chat, "kontakt", None)).await;
    }
    f.wait_for(30, "the questions after the id reset answered", |c| {
        [702, 703, 704]
            .iter()
            .all(|ch| !c.delivered_to(*ch).is_empty())
    })
    .await;
    bot::settle(&server, &running, 30).await;
    // Polling goes on normally: a hot loop would make thousands of calls in this time.
    let polls = f.polls.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let more = f.polls.load(Ordering::SeqCst) - polls;
    assert!(more <= 5, "{more} getUpdates calls in 2 s while idle");
    let calls = f.calls.lock().await.clone();
    for chat in [701, 702, 703, 704] {
        support::assert_replies(
            &calls.delivered_to(chat),
            &["kontakt"],
            &format!("chat {chat}"),
        );
    }
    assert_eq!(
        log_text().matches("went backwards").count(),
        1,
        "logged once"
    );
    bot::stop(&server, running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn letters_that_change_length_in_lower_case_before_a_mention_are_answered() {
    let (engine, server, _data, running) = start(bot::settings()).await;
    let f = &server.fake;
    let group = -801;
    let now = fake::now();
    let questions = [
        format!("İletişim @{}", fake::BOT_USERNAME),
        format!("ẞ@{} kontakt", fake::BOT_USERNAME),
        format!("İİİİ@{} Wie wurde widunetz gegründet?", fake::BOT_USERNAME),
    ];
    for (i, q) in questions.iter().enumerate() {
        f.push(fake::text_update_at(
            group,
            q,
            Some("de"),
            now + 5 * i as i64,
        ))
        .await;
    }
    f.wait_for(30, "three answers in the group", |c| {
        c.delivered_to(group).len() >= 3
    })
    .await;
    bot::settle(&server, &running, 30).await;
    let got = f.calls().await.delivered_to(group);
    let tr = support::localised(&engine, "tr", "faq-contact-answer");
    assert!(
        got[0].starts_with(&tr) && got[0].contains("iletişim kişileri"),
        "İletişim: the Turkish contact answer: {}",
        got[0]
    );
    assert!(got[1].contains("05221-131121"), "{}", got[1]);
    assert!(
        got[2].contains("27.02.2008"),
        "the founding answer: {}",
        got[2]
    );
    assert!(!running.handle.is_finished(), "the bot is still up");
    bot::stop(&server, running).await;
}

/// Decides replies as the bot does, but panics on "boom" (in a message, a button's data or
/// an inline query).
fn panicking(
    state: &telegram::State,
    flood: &telegram::flood::FloodGuard,
    inc: &telegram::incoming::Incoming,
) -> Result<Vec<telegram::send::Outgoing>, widunetz_bot::Error> {
    use telegram::incoming::Incoming;
    let said = match inc {
        Incoming::Message { text, .. } => text.clone().unwrap_or_default(),
        Incoming::Callback { data, .. } => data.clone(),
        Incoming::Inline { query, .. } => query.clone(),
    };
    assert!(!said.contains("boom"), "a handler bug");
    telegram::handlers::plan(state, flood, inc)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_handler_costs_only_its_update() {
    let mut s = bot::settings();
    s.planner = panicking;
    let (engine, server, _data, running) = start(s).await;
    let f = &server.fake;
    f.push(fake::text_update(901, "boom", Some("tr"))).await;
    f.push(fake::text_update(901, "kontakt", None)).await;
    f.push(fake::text_update(902, "boom", None)).await;
    f.push(fake::text_update(902, "kontakt", None)).await;
    // A button and an inline query whose handling panics.
    f.push(fake::callback_update(903, "a:boom", Some("ru")))
        .await;
    f.push(fake::inline_update(904, "boom", "de")).await;
    bot::settle(&server, &running, 30).await;
    let calls = f.calls.lock().await.clone();
    let error_tr = support::localised(&engine, "tr", "error-generic");
    let got = calls.delivered_to(901);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0], error_tr,
        "the error text in the user's Telegram language"
    );
    assert!(got[0].contains("Bir sorun oldu"), "{}", got[0]);
    support::assert_replies(&got[1..], &["kontakt"], "then the next question answered");
    let got = calls.delivered_to(902);
    assert_eq!(got[0], generic_error());
    assert!(got[0].contains("Etwas ist schiefgelaufen"), "{}", got[0]);
    support::assert_replies(&got[1..], &["kontakt"], "then the next question answered");
    // The button: the error as its pop-up (in Russian), no message; the inline query: an
    // empty result list, so the person's Telegram stops waiting.
    let toast = support::own_msg(&engine, "ru", "error-generic");
    assert!(toast.contains("Что-то пошло не так"), "{toast}");
    assert_eq!(calls.popups(), [Some(toast)]);
    assert!(calls.messages_to(903).is_empty());
    let inline: Vec<&Value> = calls.of("answerinlinequery").collect();
    assert_eq!(inline.len(), 1);
    assert_eq!(inline[0]["results"], json!([]));
    assert!(log_text().contains("handler panicked"));
    assert!(!running.handle.is_finished());
    bot::stop(&server, running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_are_handled_by_their_kind() {
    let (engine, server, _data, running) = start(bot::settings()).await;
    let f = &server.fake;
    let (blocked, bad_html, same, old) = (1001, 1002, 1003, 1004);
    f.fault_always(
        "sendmessage",
        Some(blocked),
        Fault::api(403, "Forbidden: bot was blocked by the user"),
    );
    f.fault(
        "sendmessage",
        Some(bad_html),
        Fault::api(
            400,
            "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 12",
        ),
        1,
    );
    f.fault(
        "editmessagetext",
        Some(same),
        Fault::api(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"),
        1,
    );
    f.fault(
        "editmessagetext",
        Some(old),
        Fault::api(400, "Bad Request: message can't be edited"),
        1,
    );
    let warns_before = log_text().matches("cannot be written to").count();
    let now = fake::now();
    for i in 0..3 {
        f.push(fake::text_update_at(blocked, "kontakt", None, now + 10 * i))
            .await;
    }
    f.push(fake::text_update(bad_html, "Was ist widunetz?", Some("de")))
        .await;
    f.push(fake::callback_update(same, "t", Some("de"))).await;
    f.push(fake::callback_update(old, "t", Some("de"))).await;
    bot::settle(&server, &running, 30).await;
    let calls = f.calls.lock().await.clone();
    // Blocked: one attempt per message, no "something went wrong" after it, one WARN each.
    assert_eq!(calls.texts_to(blocked).len(), 3);
    assert_eq!(
        log_text().matches("cannot be written to").count() - warns_before,
        3
    );
    // Rejected HTML: the same text again, as plain text.
    let tries: Vec<&Value> = calls
        .iter()
        .filter(|(m, v)| m == "sendmessage" && v["chat_id"] == json!(bad_html))
        .map(|(_, v)| v)
        .collect();
    assert_eq!(tries.len(), 2);
    assert_eq!(tries[0]["parse_mode"], "HTML");
    assert!(tries[1].get("parse_mode").is_none(), "{}", tries[1]);
    let plain = tries[1]["text"].as_str().unwrap_or_default();
    assert!(
        plain.contains("Integration & Vielfalt") && !plain.contains("&amp;"),
        "{plain}"
    );
    // A double tap: nothing to change, no error toast, nothing sent.
    let toasts: Vec<&Value> = calls
        .iter()
        .filter(|(m, _)| m == "answercallbackquery")
        .map(|(_, v)| v)
        .collect();
    assert!(toasts.iter().all(|v| v.get("text").is_none()), "{toasts:?}");
    assert!(calls.texts_to(same).is_empty());
    // A menu that cannot be edited any more comes as a new message.
    assert_eq!(
        calls.delivered_to(old),
        vec![support::localised(&engine, "de", "topics-title")]
    );
    assert!(
        !calls
            .iter()
            .any(|(_, v)| v["text"] == json!(generic_error()))
    );
    bot::stop(&server, running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_that_keeps_failing_is_given_up_once_and_logged() {
    let mut s = quick();
    s.policy.give_up_after = Duration::from_secs(3);
    let (_engine, server, _data, running) = start(s).await;
    let f = &server.fake;
    let before = log_text().matches("is given up").count();
    f.fault_always("sendmessage", Some(1101), Fault::html(502));
    f.push(fake::text_update(1101, "kontakt", None)).await;
    f.push(fake::text_update(1102, "kontakt", None)).await;
    bot::settle(&server, &running, 60).await;
    let calls = f.calls.lock().await.clone();
    assert!(calls.delivered_to(1101).is_empty());
    assert!(calls.texts_to(1101).len() >= 3, "retried before giving up");
    support::assert_replies(&calls.delivered_to(1102), &["kontakt"], "the other chat");
    assert_eq!(log_text().matches("is given up").count() - before, 1);
    bot::stop(&server, running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_get_updates_answers_are_survived_and_never_logged_with_their_content() {
    let (_engine, server, _data, running) = start(bot::settings()).await;
    let f = &server.fake;
    let secret = "Geheimnis-4711-Adresse";
    // A cut-off answer that holds someone's message, two HTML error pages, then normal.
    f.fault(
        "getupdates",
        None,
        Fault::Raw {
            code: 200,
            body: format!(r#"{{"ok":true,"result":[{{"update_id":5,"message":{{"text":"{secret}"#),
        },
        1,
    );
    f.fault("getupdates", None, Fault::html(502), 2);
    let mut bad = fake::malformed_update(1202);
    bad["message"]["caption"] = json!(secret);
    f.push_all(vec![
        fake::text_update(1201, "kontakt", None),
        bad,
        fake::text_update(1203, "kontakt", None),
    ])
    .await;
    bot::settle(&server, &running, 60).await;
    let calls = f.calls.lock().await.clone();
    support::assert_replies(&calls.delivered_to(1201), &["kontakt"], "chat 1201");
    support::assert_replies(&calls.delivered_to(1203), &["kontakt"], "chat 1203");
    assert!(calls.texts_to(1202).is_empty());
    let log = log_text();
    assert!(
        log.contains("Cannot parse an update"),
        "the skipped update is logged"
    );
    assert!(!log.contains(secret), "a message text is in the log");
    bot::stop(&server, running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_stores_an_update_before_telegram_gets_200() {
    log();
    let server = fake::start().await;
    let f = &server.fake;
    let data = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let listen: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().expect("addr");
    let hook = telegram::Webhook {
        listen,
        url: "https://bot.example.org/hook".parse().expect("url"),
        secret: Some("s3cret_value".into()),
    };
    let live = Arc::new(widunetz_bot::live::Live::new(support::engine()));
    let store = widunetz_bot::store::Store::open(data.path()).expect("store");
    let state = Arc::new(telegram::State::new(live, store));
    let running = bot::start_state(&server, state, Some(hook), quick()).await;
    f.wait_for(30, "setWebhook", |c| {
        c.iter().any(|(m, _)| m == "setwebhook")
    })
    .await;
    let mut tries = 0;
    while tokio::net::TcpStream::connect(listen).await.is_err() {
        tries += 1;
        assert!(tries < 200, "webhook never listened");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The answer cannot be sent yet (the send hangs): when Telegram has its 200, the update
    // must already be in the inbox.
    f.fault_always("sendmessage", Some(1301), Fault::Hang);
    let mut update = fake::text_update(1301, "kontakt", None);
    update["update_id"] = json!(77);
    assert_eq!(post(listen, "s3cret_value", &update.to_string()).await, 200);
    assert_eq!(
        telegram::pending_updates(running.state.store()).expect("inbox"),
        1,
        "stored before 200"
    );
    // Telegram delivers it again (its 200 got lost): answered once all the same.
    assert_eq!(post(listen, "s3cret_value", &update.to_string()).await, 200);
    f.clear_faults();
    bot::settle(&server, &running, 30).await;
    let calls = f.calls.lock().await.clone();
    support::assert_replies(&calls.delivered_to(1301), &["kontakt"], "answered once");
    bot::stop(&server, running).await;
}

/// POSTs `body` to the webhook with the secret header; returns the status.
async fn post(addr: std::net::SocketAddr, secret: &str, body: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let req = format!(
        "POST /hook HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-Telegram-Bot-Api-Secret-Token: {secret}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.expect("read");
    String::from_utf8_lossy(&buf)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}
