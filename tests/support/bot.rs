//! Starting and stopping the real bot (library, in-process) against the fake server.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use widunetz_bot::live::Live;
use widunetz_bot::store::Store;
use widunetz_bot::telegram::{self, Limits, Settings};

use super::common;
use super::fake;

pub struct Running {
    pub stop: tokio::sync::oneshot::Sender<()>,
    pub handle: tokio::task::JoinHandle<Result<(), widunetz_bot::Error>>,
    pub state: Arc<telegram::State>,
}

/// Telegram's real sending limits; a short long-poll timeout so a test's bot stops quickly.
pub fn settings() -> Settings {
    Settings {
        poll_timeout: Duration::from_secs(5),
        ..Settings::default()
    }
}

/// Sending limits off, for load tests against the fake server.
pub fn unthrottled() -> Settings {
    Settings {
        limits: Limits::NONE,
        ..settings()
    }
}

pub async fn start(server: &fake::Server, data: &std::path::Path) -> Running {
    start_with(server, data, settings()).await
}

pub async fn start_with(server: &fake::Server, data: &std::path::Path, s: Settings) -> Running {
    let live = Arc::new(Live::new(common::engine()));
    let store = Store::open(data).expect("store");
    start_state(server, Arc::new(telegram::State::new(live, store)), None, s).await
}

/// Runs the bot with `state` (long polling, or a webhook) against the fake server.
pub async fn start_state(
    server: &fake::Server,
    state: Arc<telegram::State>,
    webhook: Option<telegram::Webhook>,
    s: Settings,
) -> Running {
    let bot = telegram::make_bot_with(fake::TOKEN.to_string(), Some(&server.url), s).expect("bot");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let st = state.clone();
    let handle = tokio::spawn(async move {
        telegram::run_with(bot, st, webhook, async {
            let _ = rx.await;
        })
        .await
    });
    Running {
        stop: tx,
        handle,
        state,
    }
}

pub async fn stop(server: &fake::Server, r: Running) {
    let _ = r.stop.send(());
    server.fake.stop();
    tokio::time::timeout(Duration::from_secs(30), r.handle)
        .await
        .expect("bot stops")
        .expect("join")
        .expect("bot ran without error");
}

/// Waits until nothing is left to do: Telegram (the fake) holds no unconfirmed update and
/// the bot's inbox is empty (every reply delivered or given up). After this, nothing more
/// will be sent, so exact counts are meaningful.
pub async fn settle(server: &fake::Server, r: &Running, secs: u64) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    loop {
        let fake_pending = server.fake.pending().await;
        let inbox = telegram::pending_updates(&r.state.store).expect("inbox");
        if fake_pending == 0 && inbox == 0 {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "not settled after {secs} s: {fake_pending} unconfirmed at Telegram, {inbox} in the inbox"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Texts sent to `chat`, in order (every attempt, also refused ones).
pub fn sent_to(calls: &[(String, Value)], chat: i64) -> Vec<String> {
    calls
        .iter()
        .filter(|(m, v)| m == "sendmessage" && v["chat_id"] == json!(chat))
        .map(|(_, v)| v["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// What the bot sends for a question in a private chat without a stored language: the
/// reply of the front door, split into messages and HTML-escaped.
pub fn expected_reply(engine: &widunetz_bot::Engine, question: &str) -> Vec<String> {
    let r = engine.answer(question, None);
    telegram::format::split(&r.answer, telegram::format::MAX_MESSAGE)
        .iter()
        .map(|p| telegram::format::escape(p))
        .collect()
}
