//! The real binary (`widunetz-bot serve`) against the fake Bot API server: `kill -9` in the
//! middle of a burst and a restart on the same data folder; and the token never appearing in
//! stdout or stderr at TRACE level, on the normal path and on error paths.

use crate::support::{self, fake};

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use widunetz_bot::engine::OutcomeKind;
use widunetz_bot::ids::ChatKey;
use widunetz_bot::store::Store;

/// A realistic-looking token (35-character secret), which the fake server rejects (401).
/// A fake token shaped like a real one (digits, colon, 35 characters), assembled at run
/// time so that no token-shaped string sits in the source for secret scanners to flag.
fn real_shaped() -> String {
    format!(
        "{}:{}{}",
        "123456789", "AAHfakeSecretPart", "ForTests_0123456789"
    )
}

struct Bot {
    child: Child,
    out: Arc<Mutex<Vec<u8>>>,
    err: Arc<Mutex<Vec<u8>>>,
}

fn capture(mut r: impl Read + Send + 'static) -> Arc<Mutex<Vec<u8>>> {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let b = buf.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(n) = r.read(&mut chunk) {
            if n == 0 {
                break;
            }
            b.lock().expect("buf").extend_from_slice(&chunk[..n]);
        }
    });
    buf
}

/// Starts `widunetz-bot [args]` with `env`, at TRACE level, output captured.
fn spawn(args: &[&str], env: &[(&str, &str)]) -> Bot {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_widunetz-bot"));
    cmd.current_dir(support::root())
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_TOKEN_FILE")
        .env_remove("TELOXIDE_API_URL")
        .env_remove("WEBHOOK_SECRET")
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for v in support::LOCALE_VARS {
        cmd.env_remove(v);
    }
    let mut child = cmd.spawn().expect("spawn widunetz-bot");
    let out = capture(child.stdout.take().expect("stdout"));
    let err = capture(child.stderr.take().expect("stderr"));
    Bot { child, out, err }
}

fn serve(server: &fake::Server, data: &Path, token: &str) -> Bot {
    spawn(
        &["--data", data.to_str().expect("utf-8 path"), "serve"],
        &[("TELOXIDE_TOKEN", token), ("TELOXIDE_API_URL", &server.url)],
    )
}

impl Bot {
    /// SIGTERM, then wait (at most `secs`) for the exit.
    fn terminate(&mut self, secs: u64) -> Option<std::process::ExitStatus> {
        self.signal("-TERM", secs)
    }

    /// `kill <sig>`, then wait (at most `secs`) for the exit.
    fn signal(&mut self, sig: &str, secs: u64) -> Option<std::process::ExitStatus> {
        let _ = Command::new("kill")
            .args([sig, &self.child.id().to_string()])
            .status();
        self.wait(secs)
    }

    fn wait(&mut self, secs: u64) -> Option<std::process::ExitStatus> {
        for _ in 0..secs * 10 {
            if let Ok(Some(s)) = self.child.try_wait() {
                // Let the reader threads take the last output.
                std::thread::sleep(Duration::from_millis(200));
                return Some(s);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }

    /// SIGKILL (`kill -9`): no chance to clean up.
    fn kill9(&mut self) {
        self.child.kill().expect("kill -9");
        let _ = self.child.wait();
        std::thread::sleep(Duration::from_millis(200));
    }

    fn output(&self) -> String {
        let out = String::from_utf8_lossy(&self.out.lock().expect("out")).to_string();
        let err = String::from_utf8_lossy(&self.err.lock().expect("err")).to_string();
        format!("{out}\n{err}")
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The token, its secret part and its URL-encoded form are nowhere in `output`.
fn assert_no_secret(output: &str, token: &str, what: &str) {
    let secret = token.split_once(':').map_or(token, |(_, s)| s);
    let encoded = token.replacen(':', "%3A", 1);
    for needle in [token, secret, encoded.as_str()] {
        assert!(
            !output.contains(needle),
            "{what}: the token appears in the output:\n{}",
            output
                .lines()
                .filter(|l| l.contains(needle))
                .take(3)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_burst_then_restart_answers_every_question_and_keeps_settings() {
    let engine = support::engine();
    let server = fake::start().await;
    let f = &server.fake;
    let data = tempfile::tempdir().expect("tmp");
    let mut bot = serve(&server, data.path(), fake::TOKEN);

    // A stored setting: chat 501 chose Russian.
    f.push(fake::text_update(501, "/language ru", Some("de")))
        .await;
    let changed = support::localised(&engine, "ru", "language-changed");
    f.wait_for(30, "language stored", |c| {
        c.texts_to(501).contains(&changed)
    })
    .await;

    // A burst of 300 questions from 300 chats; at Telegram's 30 messages per second the bot
    // is still busy with it when it is killed.
    let chats: Vec<i64> = (1_000..1_300).collect();
    let burst: Vec<Value> = chats
        .iter()
        .map(|c| fake::text_update(*c, "kontakt", None))
        .collect();
    f.push_all(burst).await;
    f.wait_for(30, "the burst is being answered", |c| {
        chats
            .iter()
            .filter(|ch| !c.texts_to(**ch).is_empty())
            .count()
            >= 20
    })
    .await;
    bot.kill9();
    let before: HashMap<i64, usize> = {
        let calls = f.calls.lock().await.clone();
        chats
            .iter()
            .map(|c| (*c, calls.texts_to(*c).len()))
            .collect()
    };
    assert!(
        before.values().filter(|n| **n > 0).count() < chats.len(),
        "killed in the middle of the burst"
    );
    // What the bot had fetched is in its inbox (confirmed to Telegram, not answered yet).
    let at_telegram = f.pending().await;
    let first_output = bot.output();

    // Restart on the same data folder: the inbox is answered first.
    let mut bot = serve(&server, data.path(), fake::TOKEN);
    f.wait_for(60, "every question answered after the restart", |c| {
        chats.iter().all(|ch| !c.texts_to(*ch).is_empty())
    })
    .await;
    // The stored language survived the kill.
    f.push(fake::text_update(501, "Kontakt", Some("de"))).await;
    let ru = support::localised(&engine, "ru", "faq-contact-answer");
    let calls = f
        .wait_for(30, "still Russian after kill -9", |c| c.has_text(501, &ru))
        .await;
    assert!(calls.has_text(501, "Главные контактные лица"));
    let store = Store::open(data.path()).expect("reopen");
    let t = std::time::Instant::now();
    while widunetz_bot::telegram::pending_updates(&store).expect("inbox") > 0 {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "the inbox never emptied"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(bot.terminate(20).is_some(), "SIGTERM stops the bot");
    f.stop();

    let calls = f.calls.lock().await.clone();
    let twice: Vec<i64> = chats
        .iter()
        .copied()
        .filter(|c| calls.texts_to(*c).len() > 1)
        .collect();
    eprintln!(
        "kill -9: {} of {} answered before the kill, {at_telegram} still at Telegram, the rest \
         in the inbox; all answered after the restart; {} answered twice",
        before.values().filter(|n| **n > 0).count(),
        chats.len(),
        twice.len()
    );
    assert!(
        chats.iter().all(|c| calls.texts_to(*c).len() <= 2),
        "never more than twice"
    );
    // Twice only where the kill fell between Telegram taking the message and the bot noting
    // it (usually one message; how many depends on how busy the machine is): every chat
    // answered twice had its answer before the kill, none of the others got a second one.
    assert!(
        twice.iter().all(|c| before[c] > 0),
        "a second answer only for a message that was on its way at the kill: {twice:?}"
    );
    assert!(
        twice.len() < before.values().filter(|n| **n > 0).count(),
        "not every answer before the kill was sent again: {twice:?}"
    );
    let store = Store::open(data.path()).expect("reopen");
    assert_eq!(
        store
            .chat_lang(ChatKey(501))
            .expect("read")
            .map(|l| l.to_string()),
        Some("ru".to_string())
    );
    let conn = rusqlite::Connection::open(data.path().join("widunetz.sqlite")).expect("open");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(ok, "ok");
    assert_no_secret(&first_output, fake::TOKEN, "killed run");
    assert_no_secret(&bot.output(), fake::TOKEN, "restarted run");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_never_appears_in_output_at_trace_level() {
    let data = tempfile::tempdir().expect("tmp");

    // 1. A normal run with a conversation, a malformed update and a 429, then SIGTERM.
    let server = fake::start().await;
    let f = &server.fake;
    let mut bot = serve(&server, data.path(), fake::TOKEN);
    f.fail_429.store(1, std::sync::atomic::Ordering::SeqCst);
    f.push_all(vec![
        fake::text_update(860_123_601, "Wie wurde widunetz gegründet?", None),
        fake::malformed_update(860_123_602),
        fake::text_update(860_123_603, "kontakt", None),
    ])
    .await;
    let founding = support::fragment("Wie wurde widunetz gegründet?");
    f.wait_for(30, "answers", |c| {
        c.has_text(860_123_601, founding) && !c.texts_to(860_123_603).is_empty()
    })
    .await;
    assert!(bot.terminate(20).is_some(), "SIGTERM stops the bot");
    f.stop();
    let out = bot.output();
    // Not even at TRACE does a question or an answer appear in the log (the bot's own
    // client logs no bodies; unreadable updates are logged by kind and size only).
    assert!(
        !out.contains("gegründet"),
        "a message text is in the TRACE log"
    );
    // Nor a user's or chat's id (README: "message texts and user ids are not logged").
    for id in ["860123601", "860123602", "860123603"] {
        assert!(!out.contains(id), "an id is in the TRACE log: {id}");
    }
    assert!(out.contains("TRACE"), "TRACE logging is on");
    assert!(
        out.contains("Cannot parse an update"),
        "the malformed update is logged"
    );
    assert_no_secret(&out, fake::TOKEN, "normal run");

    // 2. The API refuses the token (401): a clear error, exit code 2, no token.
    let real_shaped = real_shaped();
    let server = fake::start().await;
    let mut bot = serve(&server, data.path(), &real_shaped);
    let status = bot.wait(30).expect("exits on a rejected token");
    assert_eq!(status.code(), Some(2));
    let out = bot.output();
    assert!(out.contains("rejected the token"), "{out}");
    assert_no_secret(&out, &real_shaped, "401");

    // 3. The API unreachable (nothing listens): keeps retrying, logs it, no token.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let url = format!("http://{}/", closed.local_addr().expect("addr"));
    drop(closed);
    let mut bot = spawn(
        &["--data", data.path().to_str().expect("path"), "serve"],
        &[
            ("TELOXIDE_TOKEN", real_shaped.as_str()),
            ("TELOXIDE_API_URL", &url),
        ],
    );
    // It says so and keeps trying (getMe after 1, 2, 4 … s).
    let t = std::time::Instant::now();
    while bot.output().matches("not reachable").count() < 2 {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "no second try logged: {}",
            bot.output()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        bot.child.try_wait().expect("status").is_none(),
        "still running"
    );
    assert!(bot.terminate(20).is_some(), "SIGTERM stops the waiting bot");
    let out = bot.output();
    assert_no_secret(&out, &real_shaped, "unreachable");

    // 4. A broken API URL, and a token in an odd format read from TELOXIDE_TOKEN_FILE.
    let token_file = data.path().join("token");
    let odd = "not a token but secret-ish 8c1f2e";
    std::fs::write(&token_file, format!("{odd}\n")).expect("write token");
    let mut bot = spawn(
        &["--data", data.path().to_str().expect("path"), "serve"],
        &[
            ("TELOXIDE_TOKEN_FILE", token_file.to_str().expect("path")),
            ("TELOXIDE_API_URL", "::not a url::"),
        ],
    );
    let status = bot.wait(30).expect("exits");
    assert_eq!(status.code(), Some(2));
    let out = bot.output();
    assert!(out.contains("TELOXIDE_API_URL"), "{out}");
    assert_no_secret(&out, odd, "bad URL");

    // 5. Webhook mode with a secret: neither token nor secret printed.
    let server = fake::start().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let listen = format!("127.0.0.1:{port}");
    let hook_secret = "hook-secret-value-42";
    let mut bot = spawn(
        &[
            "--data",
            data.path().to_str().expect("path"),
            "serve",
            "--webhook-url",
            "https://bot.example.org/hook",
            "--listen",
            &listen,
        ],
        &[
            ("TELOXIDE_TOKEN", fake::TOKEN),
            ("TELOXIDE_API_URL", &server.url),
            ("WEBHOOK_SECRET", hook_secret),
        ],
    );
    server
        .fake
        .wait_for(30, "setWebhook", |c| {
            c.iter().any(|(m, _)| m == "setwebhook")
        })
        .await;
    assert!(bot.terminate(20).is_some(), "SIGTERM stops the webhook bot");
    let out = bot.output();
    assert_no_secret(&out, fake::TOKEN, "webhook");
    assert!(!out.contains(hook_secret), "the webhook secret is printed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_a_backlog_exits_within_10_s_and_the_restart_answers_the_rest_once() {
    let server = fake::start().await;
    let f = &server.fake;
    let data = tempfile::tempdir().expect("tmp");
    let mut bot = serve(&server, data.path(), fake::TOKEN);
    // A backlog: 200 private chats (30 messages a second overall), a group with 12 mentions
    // (one a second), and one chat whose send hangs.
    let chats: Vec<i64> = (2_000..2_200).collect();
    let (group, hangs) = (-2_500_i64, 2_600_i64);
    f.fault_always("sendmessage", Some(hangs), fake::Fault::Hang);
    let mut burst: Vec<Value> = vec![fake::text_update(hangs, "kontakt", None)];
    burst.extend(chats.iter().map(|c| fake::text_update(*c, "kontakt", None)));
    let now = fake::now();
    burst.extend((0..12).map(|i| {
        fake::text_update_at(
            group,
            &format!("@{} kontakt", fake::BOT_USERNAME),
            None,
            now + 10 * i,
        )
    }));
    f.push_all(burst).await;
    f.wait_for(60, "the backlog is being answered", |c| {
        chats
            .iter()
            .filter(|ch| !c.texts_to(**ch).is_empty())
            .count()
            >= 20
            && !c.texts_to(hangs).is_empty()
    })
    .await;
    // docker and Kubernetes kill 10 s after SIGTERM: the bot must be gone by then (issue 10).
    // This bound is the requirement itself, not a speed measurement; the bot's own budget is
    // about 5 s (stop taking updates, 4 s grace for requests in flight), which leaves the
    // rest for a busy machine.
    let asked = std::time::Instant::now();
    let Some(status) = bot.terminate(30) else {
        panic!("no exit 30 s after SIGTERM:\n{}", bot.output());
    };
    let took = asked.elapsed();
    eprintln!("SIGTERM under a backlog: exit after {took:?}");
    assert!(status.success(), "{status:?}");
    assert!(took < Duration::from_secs(10), "SIGTERM took {took:?}");
    {
        let calls = f.calls.lock().await.clone();
        for c in chats.iter().chain([&group]) {
            assert!(
                calls.delivered_to(*c).len() <= if *c == group { 12 } else { 1 },
                "chat {c}: nothing twice"
            );
        }
        assert!(
            calls.delivered_to(group).len() < 12,
            "the group's backlog was cut short by the stop"
        );
    }
    // The rest waits in the inbox (Telegram has nothing unconfirmed).
    assert_eq!(f.pending().await, 0, "everything fetched was confirmed");
    let left = widunetz_bot::telegram::pending_updates(&Store::open(data.path()).expect("open"))
        .expect("inbox");
    assert!(left > 0, "unanswered updates stay in the inbox");
    f.clear_faults();
    let mut bot = serve(&server, data.path(), fake::TOKEN);
    f.wait_for(120, "everything answered after the restart", |c| {
        chats.iter().all(|ch| !c.delivered_to(*ch).is_empty())
            && c.delivered_to(group).len() >= 12
            && !c.delivered_to(hangs).is_empty()
    })
    .await;
    // Nothing is left: the inbox of the running bot is empty once its last send is noted.
    let store = Store::open(data.path()).expect("open");
    let t = std::time::Instant::now();
    while widunetz_bot::telegram::pending_updates(&store).expect("inbox") > 0 {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "the inbox never emptied"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(bot.terminate(20).is_some());
    f.stop();
    let calls = f.calls.lock().await.clone();
    for c in chats.iter().chain([&hangs]) {
        assert_eq!(
            calls.delivered_to(*c).len(),
            1,
            "chat {c}: exactly once across the restart"
        );
    }
    assert_eq!(
        calls.delivered_to(group).len(),
        12,
        "the group: all 12, once each"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_bot_on_the_same_data_folder_exits_with_code_2() {
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let mut first = serve(&server, data.path(), fake::TOKEN);
    server
        .fake
        .wait_for(30, "the first bot polls", |c| {
            c.iter().any(|(m, _)| m == "deletewebhook")
        })
        .await;
    let mut second = serve(&server, data.path(), fake::TOKEN);
    let status = second.wait(30).expect("the second bot exits");
    assert_eq!(status.code(), Some(2));
    assert!(
        second.output().contains("already running"),
        "{}",
        second.output()
    );
    // The first one is not disturbed.
    server
        .fake
        .push(fake::text_update(3_001, "kontakt", None))
        .await;
    server
        .fake
        .wait_for(30, "the first bot still answers", |c| {
            c.texts_to(3_001).len() == 1
        })
        .await;
    assert!(first.terminate(20).is_some_and(|s| s.success()));
    server.fake.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_revoked_while_running_or_polled_elsewhere_ends_the_process_with_code_2() {
    // Revoked: every call answers 401 from some moment on.
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let mut bot = serve(&server, data.path(), fake::TOKEN);
    server
        .fake
        .wait_for(30, "polling", |c| {
            c.iter().any(|(m, _)| m == "deletewebhook")
        })
        .await;
    server
        .fake
        .fault_always("*", None, fake::Fault::api(401, "Unauthorized"));
    let status = bot.wait(60).expect("exits after a 401");
    assert_eq!(status.code(), Some(2));
    assert!(
        bot.output().contains("rejected the token"),
        "{}",
        bot.output()
    );
    server.fake.stop();

    // Another program polls with the same token (two bots on different data folders): the
    // fake ends a waiting getUpdates with 409 when another arrives, as Telegram does.
    let server = fake::start().await;
    let (d1, d2) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    let mut a = serve(&server, d1.path(), fake::TOKEN);
    let mut b = serve(&server, d2.path(), fake::TOKEN);
    let t = std::time::Instant::now();
    let (ended, other) = loop {
        if let Ok(Some(s)) = a.child.try_wait() {
            break (s, &mut b);
        }
        if let Ok(Some(s)) = b.child.try_wait() {
            break (s, &mut a);
        }
        assert!(
            t.elapsed() < Duration::from_secs(90),
            "neither bot ended on repeated 409"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(ended.code(), Some(2));
    assert!(
        server
            .fake
            .conflicts
            .load(std::sync::atomic::Ordering::SeqCst)
            >= 5
    );
    assert!(
        other.terminate(20).is_some(),
        "the other bot stops on SIGTERM"
    );
    let out = format!("{}{}", a.output(), b.output());
    assert!(out.contains("409"), "{out}");
    server.fake.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupt_database_is_moved_aside_and_the_bot_starts() {
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    std::fs::write(data.path().join("widunetz.sqlite"), vec![0xA5u8; 4096]).expect("garbage");
    let mut bot = serve(&server, data.path(), fake::TOKEN);
    server
        .fake
        .push(fake::text_update(3_101, "kontakt", None))
        .await;
    server
        .fake
        .wait_for(30, "answered with a fresh database", |c| {
            c.texts_to(3_101).len() == 1
        })
        .await;
    assert!(bot.terminate(20).is_some());
    server.fake.stop();
    let aside: Vec<String> = std::fs::read_dir(data.path())
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("widunetz.sqlite.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read(data.path().join(&aside[0])).expect("kept"),
        vec![0xA5u8; 4096]
    );
    assert!(
        bot.output().contains("not a sound database"),
        "{}",
        bot.output()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_mode_loses_nothing_when_killed_while_answering() {
    let server = fake::start().await;
    let f = &server.fake;
    let data = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let listen = format!("127.0.0.1:{port}");
    let args = [
        "--data",
        data.path().to_str().expect("path"),
        "serve",
        "--webhook-url",
        "https://bot.example.org/hook",
        "--listen",
        &listen,
    ];
    let env = [
        ("TELOXIDE_TOKEN", fake::TOKEN),
        ("TELOXIDE_API_URL", server.url.as_str()),
        ("WEBHOOK_SECRET", "hook-secret-value-42"),
    ];
    let mut bot = spawn(&args, &env);
    f.wait_for(30, "setWebhook", |c| {
        c.iter().any(|(m, _)| m == "setwebhook")
    })
    .await;
    // The answer hangs: the bot is killed while answering, after Telegram got its 200.
    f.fault_always("sendmessage", Some(3_201), fake::Fault::Hang);
    let mut update = fake::text_update(3_201, "kontakt", None);
    update["update_id"] = json!(5);
    let body = update.to_string();
    let mut code = 0;
    for _ in 0..100 {
        code = post_hook(&listen, "hook-secret-value-42", &body).await;
        if code != 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(code, 200);
    f.wait_for(30, "the answer is on its way", |c| {
        !c.texts_to(3_201).is_empty()
    })
    .await;
    // Killed in the middle of handling: the answer was being sent, nothing was delivered.
    bot.kill9();
    assert!(f.calls().await.delivered_to(3_201).is_empty());
    // Telegram got its 200 and will not send the update again (the fake never does): what
    // is answered after the restart can only come from the bot's own inbox.
    let left = widunetz_bot::telegram::pending_updates(&Store::open(data.path()).expect("open"))
        .expect("inbox");
    assert_eq!(left, 1, "the update is in the inbox after kill -9");
    f.clear_faults();
    let mut bot = spawn(&args, &env);
    let calls = f
        .wait_for(30, "answered after the restart", |c| {
            !c.delivered_to(3_201).is_empty()
        })
        .await;
    support::assert_replies(
        &calls.delivered_to(3_201),
        &["kontakt"],
        "the contact answer, after the restart",
    );
    assert!(bot.terminate(20).is_some());
    f.stop();
    let calls = f.calls().await;
    support::assert_replies(&calls.delivered_to(3_201), &["kontakt"], "once");
    assert_eq!(
        widunetz_bot::telegram::pending_updates(&Store::open(data.path()).expect("open"))
            .expect("inbox"),
        0
    );
}

/// POSTs `body` to the webhook at `addr`; 0 if nothing listens yet.
async fn post_hook(addr: &str, secret: &str, body: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Ok(mut s) = tokio::net::TcpStream::connect(addr).await else {
        return 0;
    };
    let req = format!(
        "POST /hook HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-Telegram-Bot-Api-Secret-Token: {secret}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    if s.write_all(req.as_bytes()).await.is_err() {
        return 0;
    }
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf).await;
    String::from_utf8_lossy(&buf)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

/// Issue 12: `--admin` is honoured wherever it is accepted (after `serve`, and from
/// `WIDUNETZ_ADMINS` when the bot runs without a command) and refused before the command,
/// where it used to be accepted and silently dropped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_given_to_serve_or_in_the_environment_can_use_admin_commands() {
    let engine = support::engine();
    let stats = format!("Einträge: {}", engine.faq().entries.len());
    let unknown = support::localised(&engine, "de", "unknown-command");
    for (args, env_admins) in [
        (vec!["serve", "--admin", "3301"], None),
        (vec![], Some("3301,3302")),
    ] {
        let server = fake::start().await;
        let f = &server.fake;
        let data = tempfile::tempdir().expect("tmp");
        let dir = data.path().to_str().expect("utf-8 path").to_string();
        let mut all = vec!["--data", dir.as_str()];
        all.extend(args.iter().copied());
        let mut env = vec![
            ("TELOXIDE_TOKEN", fake::TOKEN),
            ("TELOXIDE_API_URL", server.url.as_str()),
        ];
        if let Some(a) = env_admins {
            env.push(("WIDUNETZ_ADMINS", a));
        }
        let mut bot = spawn(&all, &env);
        let admins: &[i64] = if env_admins.is_some() {
            &[3301, 3302]
        } else {
            &[3301]
        };
        for a in admins {
            f.push(fake::text_update(*a, "/stats", Some("de"))).await;
        }
        f.push(fake::text_update(3303, "/stats", Some("de"))).await;
        f.wait_for(30, "all answered", |c| {
            admins.iter().all(|a| !c.texts_to(*a).is_empty()) && !c.texts_to(3303).is_empty()
        })
        .await;
        let calls = f.calls().await;
        for a in admins {
            assert!(
                calls.texts_to(*a)[0].starts_with(&stats),
                "{args:?}, admin {a}: {:?}",
                calls.texts_to(*a)
            );
        }
        assert_eq!(
            calls.texts_to(3303),
            std::slice::from_ref(&unknown),
            "{args:?}: not an admin"
        );
        assert!(bot.terminate(20).is_some());
        f.stop();
    }
    // Before the command it is refused (exit code 2), not dropped.
    let mut bot = spawn(
        &["--admin", "3301", "serve"],
        &[("TELOXIDE_TOKEN", fake::TOKEN)],
    );
    let status = bot.wait(30).expect("exits");
    assert_eq!(status.code(), Some(2), "{}", bot.output());
}

/// Today (UTC) minus `n` days as `YYYY-MM-DD`, from the crate's one clock, which the store
/// counts its days by.
fn days_ago(n: u32) -> String {
    use widunetz_bot::clock;
    clock::days_before(clock::today(), n)
        .expect("a recent day")
        .to_string()
}

/// The recorded questions (text, last day), sorted.
fn recorded(data: &Path) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Store::open(data)
        .expect("open")
        .unanswered(None, None)
        .expect("list")
        .into_iter()
        .map(|u| (u.question, u.last_day))
        .collect();
    rows.sort();
    rows
}

/// The bytes of the database and its -wal and -shm files.
fn raw_db(data: &Path) -> Vec<u8> {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::read(data.join(format!("widunetz.sqlite{s}"))).ok())
        .flatten()
        .collect()
}

fn holds(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// README "Options of serve": `--keep-unanswered-days` and `--no-record-unanswered`, and
/// their environment forms when the bot runs without a command. Expired questions are
/// deleted at start-up — from the files too — and `/privacy` tells the configured days.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recording_options_of_serve_and_the_purge_at_start_up() {
    let data = tempfile::tempdir().expect("tmp");
    let dir = data.path().to_str().expect("utf-8 path").to_string();
    {
        let store = Store::open(data.path()).expect("store");
        for (q, age) in [
            ("zqxv elf tage", 11),
            ("zqxv zehn tage", 10),
            ("zqxv vier tage", 4),
        ] {
            store
                .record_unanswered_on(
                    widunetz_bot::clock::parse(&days_ago(age)).expect("date"),
                    q,
                    "de",
                    OutcomeKind::NoMatch,
                )
                .expect("record");
        }
    }
    let unanswerable = "Wo kann ich mein Fahrrad reparieren lassen?";
    let asked = "wo kann ich mein fahrrad reparieren lassen?";

    // 1. `serve --keep-unanswered-days 10`: at start-up, what was last asked more than 10
    //    days ago goes (also from the bytes of the files); new questions are recorded.
    let server = fake::start().await;
    let f = &server.fake;
    let mut bot = spawn(
        &["--data", &dir, "serve", "--keep-unanswered-days", "10"],
        &[
            ("TELOXIDE_TOKEN", fake::TOKEN),
            ("TELOXIDE_API_URL", server.url.as_str()),
        ],
    );
    f.push(fake::text_update(3401, "/privacy", Some("de")))
        .await;
    f.push(fake::text_update(3401, unanswerable, Some("de")))
        .await;
    let calls = f
        .wait_for(30, "both answered", |c| c.texts_to(3401).len() >= 2)
        .await;
    let privacy = &calls.texts_to(3401)[0];
    assert!(privacy.contains("10 Tage lang"), "{privacy}");
    assert!(bot.terminate(20).is_some());
    f.stop();
    assert_eq!(
        recorded(data.path()),
        [
            (asked.to_string(), days_ago(0)),
            ("zqxv vier tage".to_string(), days_ago(4)),
            ("zqxv zehn tage".to_string(), days_ago(10)),
        ],
        "kept for 10 days after the last day asked, the 11-day-old one deleted"
    );
    assert!(
        !holds(&raw_db(data.path()), "zqxv elf"),
        "deleted from the files too"
    );

    // 2. No command, settings from the environment: 3 days, recording off.
    let server = fake::start().await;
    let f = &server.fake;
    let mut bot = spawn(
        &["--data", &dir],
        &[
            ("TELOXIDE_TOKEN", fake::TOKEN),
            ("TELOXIDE_API_URL", server.url.as_str()),
            ("WIDUNETZ_KEEP_UNANSWERED_DAYS", "3"),
            ("WIDUNETZ_NO_RECORD_UNANSWERED", "true"),
        ],
    );
    f.push(fake::text_update(3402, "/privacy", Some("de")))
        .await;
    f.push(fake::text_update(
        3402,
        "Wo kann ich Schwimmen lernen?",
        Some("de"),
    ))
    .await;
    let calls = f
        .wait_for(30, "both answered", |c| c.texts_to(3402).len() >= 2)
        .await;
    let privacy = &calls.texts_to(3402)[0];
    assert!(
        privacy.contains("Diese Fragen speichert der Bot nicht.") && !privacy.contains("Tage lang"),
        "recording off: {privacy}"
    );
    assert!(bot.terminate(20).is_some());
    f.stop();
    assert_eq!(
        recorded(data.path()),
        [(asked.to_string(), days_ago(0))],
        "older than 3 days deleted at start-up; nothing new recorded"
    );
    assert!(
        !holds(&raw_db(data.path()), "zqxv"),
        "deleted from the files too"
    );

    // 3. `serve --no-record-unanswered`.
    let server = fake::start().await;
    let f = &server.fake;
    let mut bot = spawn(
        &["--data", &dir, "serve", "--no-record-unanswered"],
        &[
            ("TELOXIDE_TOKEN", fake::TOKEN),
            ("TELOXIDE_API_URL", server.url.as_str()),
        ],
    );
    f.push(fake::text_update(
        3403,
        "Wo kann ich Schwimmen lernen?",
        Some("de"),
    ))
    .await;
    f.wait_for(30, "answered", |c| !c.texts_to(3403).is_empty())
        .await;
    assert!(bot.terminate(20).is_some());
    f.stop();
    assert_eq!(recorded(data.path()), [(asked.to_string(), days_ago(0))]);
}

/// README: "SIGINT and SIGTERM stop it" — SIGINT (Ctrl-C) ends the bot cleanly too, with
/// nothing left in its inbox.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_stops_the_bot_cleanly() {
    let data = tempfile::tempdir().expect("tmp");
    let server = fake::start().await;
    let f = &server.fake;
    let mut bot = serve(&server, data.path(), fake::TOKEN);
    f.push(fake::text_update(3501, "kontakt", Some("de"))).await;
    let calls = f
        .wait_for(30, "answered", |c| !c.texts_to(3501).is_empty())
        .await;
    support::assert_replies(&calls.texts_to(3501), &["kontakt"], "before SIGINT");
    // Wait until Telegram holds nothing unconfirmed, then interrupt.
    let t = std::time::Instant::now();
    while f.pending().await > 0 {
        assert!(t.elapsed() < Duration::from_secs(30), "never confirmed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let Some(status) = bot.signal("-INT", 30) else {
        panic!("still running 30 s after SIGINT:\n{}", bot.output());
    };
    assert!(status.success(), "{status:?}:\n{}", bot.output());
    f.stop();
    let store = Store::open(data.path()).expect("reopen");
    assert_eq!(
        widunetz_bot::telegram::pending_updates(&store).expect("inbox"),
        0,
        "nothing left in the inbox"
    );
}
