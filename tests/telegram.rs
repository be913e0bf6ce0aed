//! End to end: the real bot and its Bot API client against a fake Bot API server on
//! 127.0.0.1. No internet.

#[path = "support/bot.rs"]
mod bot;
mod common;
#[path = "support/fake_telegram.rs"]
mod fake;

use std::sync::Arc;

use serde_json::{Value, json};
use widunetz_bot::live::Live;
use widunetz_bot::store::Store;
use widunetz_bot::telegram::{self, format::escape};

use bot::Running;

async fn start_bot(server: &fake::Server, data: &std::path::Path) -> Running {
    start_bot_with(server, data, None).await
}

async fn start_bot_with(
    server: &fake::Server,
    data: &std::path::Path,
    webhook: Option<telegram::Webhook>,
) -> Running {
    let live = Arc::new(Live::new(common::engine()));
    let store = Store::open(data).expect("store");
    bot::start_state(
        server,
        Arc::new(telegram::State::new(live, store)),
        webhook,
        bot::settings(),
    )
    .await
}

async fn stop_bot(server: &fake::Server, r: Running) {
    bot::stop(server, r).await
}

fn sent_to<'a>(calls: &'a [(String, Value)], chat: i64) -> impl Iterator<Item = &'a str> + 'a {
    calls
        .iter()
        .filter(move |(m, v)| m == "sendmessage" && v["chat_id"] == json!(chat))
        .map(|(_, v)| v["text"].as_str().unwrap_or_default())
}

fn has_text(calls: &[(String, Value)], chat: i64, needle: &str) -> bool {
    sent_to(calls, chat).any(|t| t.contains(needle))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conversations_in_four_languages() {
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let engine = common::engine();
    let l = &engine.l10n;
    let bot = start_bot(&server, data.path()).await;
    let f = &server.fake;

    // The command menu is set for every language, German also as the default list.
    let calls = f
        .wait_for(10, "setMyCommands x5", |c| {
            c.iter().filter(|(m, _)| m == "setmycommands").count() >= 5
        })
        .await;
    let langs: Vec<Value> = calls
        .iter()
        .filter(|(m, _)| m == "setmycommands")
        .map(|(_, v)| v["language_code"].clone())
        .collect();
    for code in ["de", "tr", "ru", "ar"] {
        assert!(
            langs.contains(&json!(code)),
            "setMyCommands for {code}: {langs:?}"
        );
    }
    assert!(langs.contains(&Value::Null), "default list");

    // /start with a Turkish Telegram language → Turkish greeting and topic buttons.
    f.push(fake::text_update(11, "/start", Some("tr"))).await;
    let welcome_tr = escape(&l.msg("tr", "welcome"));
    let calls = f
        .wait_for(10, "Turkish welcome", |c| has_text(c, 11, &welcome_tr))
        .await;
    let start = calls
        .iter()
        .find(|(m, v)| m == "sendmessage" && v["chat_id"] == json!(11))
        .expect("start");
    assert!(
        start.1["reply_markup"]["inline_keyboard"]
            .as_array()
            .is_some_and(|r| r.len() >= 5),
        "topic buttons"
    );

    // An Arabic question → Arabic answer with the contact e-mail, feedback and German buttons.
    f.push(fake::text_update(
        12,
        "من هم الأشخاص المسؤولون عن التواصل؟",
        None,
    ))
    .await;
    let calls = f
        .wait_for(10, "Arabic answer", |c| {
            has_text(c, 12, "m.j.chaput@kreis-herford.de")
        })
        .await;
    let text = sent_to(&calls, 12).next().expect("reply");
    assert!(
        text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "Arabic: {text}"
    );
    let reply = calls
        .iter()
        .find(|(m, v)| m == "sendmessage" && v["chat_id"] == json!(12))
        .expect("reply");
    let kb = reply.1["reply_markup"].to_string();
    assert!(
        kb.contains("f:+:contact:ar") && kb.contains("g:contact"),
        "buttons: {kb}"
    );
    assert_eq!(reply.1["parse_mode"], "HTML");

    // "&" in the network's name arrives escaped for HTML.
    f.push(fake::text_update(13, "Was ist widunetz?", Some("de")))
        .await;
    f.wait_for(10, "escaped &", |c| {
        has_text(c, 13, "Integration &amp; Vielfalt")
    })
    .await;

    // A sticker → a hint to write text.
    f.push(fake::sticker_update(14)).await;
    let hint = escape(&l.msg("de", "non-text-hint"));
    f.wait_for(10, "sticker hint", |c| has_text(c, 14, &hint))
        .await;

    // Groups: no reply without mention; a reply when mentioned.
    f.push(fake::text_update(
        -15,
        "Wann wurde widunetz gegründet?",
        Some("de"),
    ))
    .await;
    f.push(fake::text_update(
        -16,
        &format!("@{} Wann wurde widunetz gegründet?", fake::BOT_USERNAME),
        Some("de"),
    ))
    .await;
    f.wait_for(10, "group mention answered", |c| {
        has_text(c, -16, "27.02.2008")
    })
    .await;
    bot::settle(&server, &bot, 30).await;
    let calls = f.calls.lock().await.clone();
    assert_eq!(
        sent_to(&calls, -15).count(),
        0,
        "no reply to a group message without mention"
    );

    // A did-you-mean button → the answer; the German-version button → German.
    f.push(fake::callback_update(17, "a:founding", Some("ru")))
        .await;
    f.wait_for(10, "answer via button", |c| {
        has_text(c, 17, &escape(&l.msg("ru", "faq-founding-answer")))
    })
    .await;
    f.push(fake::callback_update(18, "g:founding", Some("ru")))
        .await;
    f.wait_for(10, "German version", |c| {
        has_text(c, 18, &escape(&l.msg("de", "faq-founding-answer")))
    })
    .await;
    // An old button whose entry is gone → a polite message, and every callback is answered.
    f.push(fake::callback_update(19, "a:no-such-entry", Some("de")))
        .await;
    f.wait_for(10, "entry gone", |c| {
        has_text(c, 19, &escape(&l.msg("de", "entry-gone")))
    })
    .await;
    f.wait_for(10, "callbacks answered", |c| {
        c.iter().filter(|(m, _)| m == "answercallbackquery").count() >= 3
    })
    .await;

    // Feedback is stored per entry and language, without ids.
    f.push(fake::callback_update(20, "f:+:founding:tr", Some("tr")))
        .await;
    f.wait_for(10, "feedback answered", |c| {
        c.iter().filter(|(m, _)| m == "answercallbackquery").count() >= 4
    })
    .await;

    // Inline mode lists matching entries.
    f.push(fake::inline_update(21, "kontakt", "de")).await;
    let calls = f
        .wait_for(10, "inline answer", |c| {
            c.iter().any(|(m, _)| m == "answerinlinequery")
        })
        .await;
    let inline = calls
        .iter()
        .find(|(m, _)| m == "answerinlinequery")
        .expect("inline");
    let results = inline.1["results"].as_array().expect("results");
    assert!(!results.is_empty() && results.len() <= 10, "{results:?}");
    assert!(inline.1.to_string().contains("05221-131121"));

    // A 429 with retry_after on sendMessage: retried after the wait, delivered once.
    f.fail_429.store(1, std::sync::atomic::Ordering::SeqCst);
    let asked = std::time::Instant::now();
    f.push(fake::text_update(22, "kontakt", Some("de"))).await;
    let calls = f
        .wait_for(15, "429 retried", |c| {
            c.iter()
                .filter(|(m, v)| m == "sendmessage" && v["chat_id"] == json!(22))
                .count()
                >= 2
        })
        .await;
    assert!(
        asked.elapsed() >= std::time::Duration::from_secs(1),
        "the retry waited retry_after (1 s)"
    );
    assert_eq!(f.fail_429.load(std::sync::atomic::Ordering::SeqCst), 0);
    bot::settle(&server, &bot, 30).await;
    let n = f
        .calls
        .lock()
        .await
        .iter()
        .filter(|(m, v)| m == "sendmessage" && v["chat_id"] == json!(22))
        .count();
    assert_eq!(n, 2, "one refused attempt and one delivery: {calls:?}");

    stop_bot(&server, bot).await;
    let store = Store::open(data.path()).expect("store");
    assert_eq!(
        store.feedback().expect("fb"),
        vec![("founding".to_string(), "tr".to_string(), 1, 0)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chosen_language_survives_restart_and_forget_removes_it() {
    let data = tempfile::tempdir().expect("tmp");
    let engine = common::engine();
    let l = &engine.l10n;
    {
        let server = fake::start().await;
        let bot = start_bot(&server, data.path()).await;
        let f = &server.fake;
        f.push(fake::callback_update(31, "l:ru", Some("de"))).await;
        f.wait_for(10, "language changed", |c| {
            has_text(c, 31, &escape(&l.msg("ru", "language-changed")))
        })
        .await;
        f.push(fake::text_update(
            31,
            "Wann wurde widunetz gegründet?",
            Some("de"),
        ))
        .await;
        f.wait_for(10, "Russian answer", |c| {
            has_text(c, 31, &escape(&l.msg("ru", "faq-founding-answer")))
        })
        .await;
        stop_bot(&server, bot).await;
    }
    let server = fake::start().await;
    let bot = start_bot(&server, data.path()).await;
    let f = &server.fake;
    f.push(fake::text_update(31, "Kontakt", Some("de"))).await;
    f.wait_for(10, "still Russian after restart", |c| {
        has_text(c, 31, &escape(&l.msg("ru", "faq-contact-answer")))
    })
    .await;
    f.push(fake::text_update(31, "/forget", Some("de"))).await;
    f.wait_for(10, "forget", |c| {
        has_text(c, 31, &escape(&l.msg("ru", "forget-done")))
    })
    .await;
    stop_bot(&server, bot).await;
    assert_eq!(
        Store::open(data.path())
            .expect("store")
            .chat_lang(31)
            .expect("read"),
        None
    );
}

/// Sends one HTTP POST to the webhook and returns the status code.
async fn post(addr: std::net::SocketAddr, path: &str, secret: Option<&str>, body: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect webhook");
    let secret = secret
        .map(|v| format!("X-Telegram-Bot-Api-Secret-Token: {v}\r\n"))
        .unwrap_or_default();
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{secret}Connection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.expect("read");
    let head = String::from_utf8_lossy(&buf);
    head.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

/// Sends headers announcing `declared` body bytes but only a little of it, and returns the
/// status code: a size limit must answer from the Content-Length alone.
async fn post_oversized(addr: std::net::SocketAddr, secret: &str, declared: usize) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect webhook");
    let req = format!(
        "POST /hook HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {declared}\r\nX-Telegram-Bot-Api-Secret-Token: {secret}\r\n\r\n{{\"update_id\": 9, "
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut buf = vec![0u8; 512];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), s.read(&mut buf))
        .await
        .expect("answered before the body is complete")
        .expect("read");
    let head = String::from_utf8_lossy(&buf[..n]);
    head.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

/// Sends `chunks` chunks of `size` bytes with chunked transfer encoding; returns the status.
async fn post_chunked(addr: std::net::SocketAddr, secret: &str, chunks: usize, size: usize) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect webhook");
    let head = format!(
        "POST /hook HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Telegram-Bot-Api-Secret-Token: {secret}\r\n\r\n"
    );
    s.write_all(head.as_bytes()).await.expect("write");
    let chunk = format!("{size:x}\r\n{}\r\n", " ".repeat(size));
    for _ in 0..chunks {
        // The server may stop reading once the limit is passed.
        if s.write_all(chunk.as_bytes()).await.is_err() {
            break;
        }
    }
    let _ = s.write_all(b"0\r\n\r\n").await;
    let mut buf = vec![0u8; 512];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), s.read(&mut buf))
        .await
        .expect("answered")
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&buf[..n]);
    head.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_checks_the_secret_header() {
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let listen: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().expect("addr");
    let hook = telegram::Webhook {
        listen,
        url: "https://bot.example.org/hook".parse().expect("url"),
        secret: Some("s3cret_value".into()),
    };
    let bot = start_bot_with(&server, data.path(), Some(hook)).await;
    let f = &server.fake;
    let calls = f
        .wait_for(10, "setWebhook", |c| {
            c.iter().any(|(m, _)| m == "setwebhook")
        })
        .await;
    let set = calls
        .iter()
        .find(|(m, _)| m == "setwebhook")
        .expect("setwebhook");
    assert_eq!(set.1["secret_token"], "s3cret_value");
    // Wait until the webhook listens.
    let mut tries = 0;
    while tokio::net::TcpStream::connect(listen).await.is_err() {
        tries += 1;
        assert!(tries < 100, "webhook never listened");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let mut update = fake::text_update(41, "kontakt", Some("de"));
    update["update_id"] = json!(1);
    let body = update.to_string();
    assert_eq!(
        post(listen, "/hook", None, &body).await,
        401,
        "no secret header"
    );
    assert_eq!(
        post(listen, "/hook", Some("wrong"), &body).await,
        401,
        "wrong secret"
    );
    assert_eq!(
        post(listen, "/hook", Some("s3cret_value"), &body).await,
        200
    );
    f.wait_for(10, "answer via webhook", |c| {
        has_text(c, 41, "05221-131121")
    })
    .await;
    let calls = f.calls.lock().await.clone();
    assert_eq!(
        sent_to(&calls, 41).count(),
        1,
        "only the request with the secret is answered"
    );

    // Bodies over the limit are refused (413) from the announced length, even with the secret.
    assert_eq!(
        post_oversized(listen, "s3cret_value", telegram::MAX_WEBHOOK_BODY + 1).await,
        413
    );
    assert_eq!(
        post_oversized(listen, "s3cret_value", 50 * 1024 * 1024).await,
        413
    );
    // Without a length (chunked), the body is cut at the limit while it is read.
    assert_eq!(
        post_chunked(listen, "s3cret_value", 5, 64 * 1024).await,
        413
    );
    // A body just under the limit is accepted (the limit is not lower than it says).
    let mut padded = fake::text_update(42, "kontakt", Some("de"));
    padded["update_id"] = json!(2);
    let mut body = padded.to_string();
    body.insert_str(1, &" ".repeat(telegram::MAX_WEBHOOK_BODY - body.len() - 16));
    assert_eq!(
        post(listen, "/hook", Some("s3cret_value"), &body).await,
        200
    );
    f.wait_for(10, "padded update answered", |c| {
        has_text(c, 42, "05221-131121")
    })
    .await;

    // It listens on the configured address only: another loopback address of this machine
    // (127.0.0.2, same port) is refused; with 0.0.0.0 it would be answered.
    let other: std::net::SocketAddr = format!("127.0.0.2:{port}").parse().expect("addr");
    assert!(
        tokio::net::TcpStream::connect(other).await.is_err(),
        "the webhook answers on {other}, not only on {listen}"
    );
    stop_bot(&server, bot).await;
}
