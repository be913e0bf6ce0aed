//! Starting and stopping the bot: wait for Telegram, set the menus, start the workers and
//! the intake (long polling or a webhook), and stop it all within a few seconds.

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::api::{Api, Failure};
use super::bot::{TgBot, set_commands};
use super::error::TelegramError;
use super::incoming::Me;
use super::send::{Sender, Stop};
use super::{State, flood, inbox, poll, webhook, workers};

/// Webhook mode: where to listen, the public URL Telegram posts to, and the secret that
/// must arrive in `X-Telegram-Bot-Api-Secret-Token` (requests without it get 401).
pub struct Webhook {
    pub listen: std::net::SocketAddr,
    pub url: url::Url,
    /// `None`: a random secret is made for this run and registered with setWebhook.
    pub secret: Option<String>,
}

/// Runs the bot with long polling until `shutdown` resolves.
pub async fn run(
    bot: TgBot,
    state: Arc<State>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), crate::Error> {
    run_with(bot, state, None, shutdown).await
}

/// Runs the bot with long polling, or as a webhook when `webhook` is given, until `shutdown`
/// resolves. Ends with an error (the binary exits with code 2) when Telegram rejects the
/// token, also while running, or when another program keeps taking the bot's updates.
pub async fn run_with(
    bot: TgBot,
    state: Arc<State>,
    webhook: Option<Webhook>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), crate::Error> {
    let mut shutdown = Box::pin(shutdown);
    let TgBot { api, settings } = bot;
    // Started while Telegram is unreachable: wait for it instead of failing. A rejected
    // token is fatal.
    let me = tokio::select! {
        r = wait_for_telegram(&api) => r?,
        _ = &mut shutdown => return Ok(()),
    };
    let engine = state.live().current();
    tokio::select! {
        r = set_commands(&api, &engine) => if let Err(e) = r {
            tracing::warn!("could not set the command menu: {e}");
        },
        _ = &mut shutdown => return Ok(()),
    }
    // New content may bring a new language or new command texts: refresh the menus.
    let mut changed = state.live().subscribe();
    let (menu_api, menu_live) = (api.clone(), state.live().clone());
    let menus = tokio::spawn(async move {
        while changed.changed().await.is_ok() {
            if let Err(e) = set_commands(&menu_api, &menu_live.current()).await {
                tracing::warn!("could not refresh the command menu: {e}");
            }
        }
    });

    let bot_id = me.id.0;
    inbox::blocking(&state, move |s| inbox::set_bot(s, bot_id)).await?;
    let stop = Stop::default();
    let (fatal_tx, mut fatal_rx) = tokio::sync::mpsc::unbounded_channel();
    let sender = Arc::new(Sender::new(
        api.clone(),
        settings.limits,
        settings.policy,
        stop.clone(),
    ));
    let flood = Arc::new(flood::FloodGuard::default());
    let workers = workers::Workers::start(
        state.clone(),
        flood,
        sender,
        settings.planner,
        stop.clone(),
        fatal_tx,
    )
    .await?;
    let mut intake: tokio::task::JoinHandle<Result<(), TelegramError>> = match webhook {
        Some(w) => {
            let server =
                webhook::start(&api, w, state.clone(), me, workers.clone(), stop.clone()).await?;
            tokio::spawn(async move {
                let _ = server.await;
                Ok(())
            })
        }
        None => {
            // Long polling and a webhook exclude each other at Telegram.
            if let Err(e) = api
                .call("deleteWebhook", &json!({}), Duration::from_secs(15))
                .await
            {
                tracing::warn!("deleteWebhook failed: {e}");
            }
            let (api, state, workers, stop) =
                (api.clone(), state.clone(), workers.clone(), stop.clone());
            tokio::spawn(async move {
                poll::Poller {
                    api: &api,
                    state: &state,
                    me: &me,
                    workers: &workers,
                    stop: &stop,
                    timeout: settings.poll_timeout,
                }
                .run()
                .await
            })
        }
    };
    let result = tokio::select! {
        _ = &mut shutdown => Ok(()),
        Some(why) = fatal_rx.recv() => Err(why),
        r = &mut intake => match r {
            Ok(Err(why)) => Err(why),
            _ => Err(TelegramError::IntakeStopped),
        },
    };
    // Stop: take nothing new, send nothing new; give what is in flight a few seconds.
    stop.stop();
    if !intake.is_finished() {
        let _ = tokio::time::timeout(Duration::from_secs(3), &mut intake).await;
    }
    intake.abort();
    workers.shutdown(settings.grace).await;
    menus.abort();
    Ok(result?)
}

/// Calls getMe until Telegram answers (waits 1, 2, … up to 30 s between tries). Returns an
/// error only when Telegram rejects the token: retrying cannot help then.
async fn wait_for_telegram(api: &Api) -> Result<Me, TelegramError> {
    let mut wait = 1;
    loop {
        match api.call("getMe", &json!({}), Duration::from_secs(15)).await {
            Ok(v) => return Me::from_json(&v).ok_or(TelegramError::NoBotName),
            Err(Failure::Unauthorized | Failure::Refused { code: 404, .. }) => {
                return Err(TelegramError::TokenRejected);
            }
            Err(e) => {
                tracing::warn!("Telegram is not reachable ({e}); trying again in {wait} s");
                tokio::time::sleep(Duration::from_secs(wait)).await;
                wait = (wait * 2).min(30);
            }
        }
    }
}

/// Resolves on SIGINT or SIGTERM.
pub async fn signals() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    tracing::info!("shutting down");
}
