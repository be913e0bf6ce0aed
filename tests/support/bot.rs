//! Starting and stopping the real bot (library, in-process) against the fake server.
#![allow(dead_code)]

use std::sync::Arc;

use serde_json::{Value, json};
use teloxide::adaptors::throttle::Limits;
use widunetz_bot::live::Live;
use widunetz_bot::store::Store;
use widunetz_bot::telegram;

use super::common;
use super::fake;

pub struct Running {
    pub stop: tokio::sync::oneshot::Sender<()>,
    pub handle: tokio::task::JoinHandle<()>,
}

/// Telegram's real sending limits (teloxide's defaults).
pub async fn start(server: &fake::Server, data: &std::path::Path) -> Running {
    start_with_limits(server, data, Limits::default()).await
}

/// Sending limits far above Telegram's, for load tests against the fake server.
pub fn unthrottled() -> Limits {
    Limits {
        messages_per_sec_chat: 10_000,
        messages_per_min_chat: 1_000_000,
        messages_per_min_channel_or_supergroup: 1_000_000,
        messages_per_sec_overall: 1_000_000,
    }
}

pub async fn start_with_limits(
    server: &fake::Server,
    data: &std::path::Path,
    limits: Limits,
) -> Running {
    let live = Arc::new(Live::new(common::engine()));
    let store = Store::open(data).expect("store");
    start_state(
        server,
        Arc::new(telegram::State::new(live, store)),
        None,
        limits,
    )
    .await
}

/// Runs the bot with `state` (long polling, or a webhook) against the fake server.
pub async fn start_state(
    server: &fake::Server,
    state: Arc<telegram::State>,
    webhook: Option<telegram::Webhook>,
    limits: Limits,
) -> Running {
    let bot = telegram::make_bot_with_limits(fake::TOKEN.to_string(), Some(&server.url), limits)
        .expect("bot");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(async move {
        telegram::run_with(bot, state, webhook, async {
            let _ = rx.await;
        })
        .await
        .expect("bot runs");
    });
    Running { stop: tx, handle }
}

pub async fn stop(server: &fake::Server, r: Running) {
    let _ = r.stop.send(());
    server.fake.stop();
    tokio::time::timeout(std::time::Duration::from_secs(30), r.handle)
        .await
        .expect("bot stops")
        .expect("join");
}

/// Texts sent to `chat`, in order.
pub fn sent_to(calls: &[(String, Value)], chat: i64) -> Vec<String> {
    calls
        .iter()
        .filter(|(m, v)| m == "sendmessage" && v["chat_id"] == json!(chat))
        .map(|(_, v)| v["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// What the bot sends for a question in a private chat without a stored language: the
/// reply of the front door, HTML-escaped and split like `send_reply` does.
pub fn expected_reply(engine: &widunetz_bot::Engine, question: &str) -> Vec<String> {
    let r = engine.answer(question, None);
    telegram::format::split(
        &telegram::format::escape(&r.answer),
        telegram::format::MAX_MESSAGE,
    )
}
