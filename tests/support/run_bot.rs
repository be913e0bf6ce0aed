//! Starts and stops the real dispatcher against the fake Bot API server.
#![allow(dead_code)]

use std::sync::Arc;

use widunetz_bot::telegram;

use super::fake;

pub struct Running {
    stop: tokio::sync::oneshot::Sender<()>,
    handle: tokio::task::JoinHandle<()>,
}

/// Runs the bot with `state` (long polling, or a webhook) against the fake server.
pub async fn start(
    server: &fake::Server,
    state: Arc<telegram::State>,
    webhook: Option<telegram::Webhook>,
) -> Running {
    let bot = telegram::make_bot(fake::TOKEN.to_string(), Some(&server.url)).expect("bot");
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
    tokio::time::timeout(std::time::Duration::from_secs(20), r.handle)
        .await
        .expect("bot stops")
        .expect("join");
}
