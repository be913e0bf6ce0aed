//! The Telegram front end. Every reply goes through [`Engine::answer`], like the terminal chat.
//!
//! How an update travels (each step in its own module):
//! 1. `poll` (long polling) or `webhook` receives it; `incoming` keeps only what the answer
//!    needs (`addressing`: is a group message meant for the bot?);
//! 2. `inbox` writes it to SQLite; only then is it confirmed to Telegram (next getUpdates
//!    offset, or the webhook's 200);
//! 3. `workers` answer each chat's updates in order, chats side by side; `handlers` decide the
//!    reply as a list of steps, which the inbox keeps;
//! 4. `send` delivers each step within Telegram's limits (`limiter`), retrying what can be
//!    retried; the update is deleted from the inbox when its reply was delivered or failed
//!    for good.
//!
//! After a crash the inbox still holds every unfinished update; they are answered first on
//! the next start. A stop (SIGTERM) sends nothing new, gives requests already sent a few
//! seconds, and leaves the rest in the inbox.

pub mod addressing;
pub mod api;
pub mod flood;
pub mod format;
pub mod handlers;
pub mod inbox;
pub mod incoming;
pub mod limiter;
pub mod poll;
pub mod send;
pub mod webhook;
pub mod workers;

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use crate::Engine;
use crate::live::Live;
use crate::store::Store;
use api::{Api, Failure};
use incoming::Me;
pub use limiter::Limits;
pub use send::Policy;
use send::{Sender, Stop};

/// Everything the handlers share for the bot's lifetime.
pub struct State {
    pub live: Arc<Live>,
    pub store: Store,
    pub config: Config,
}

/// Operator settings for the Telegram front end.
#[derive(Debug, Clone)]
pub struct Config {
    /// Chats (private chat id = user id) allowed to use /reload, /stats and /unanswered.
    pub admins: Vec<i64>,
    /// Record questions that got no confident answer (text, language, counts; no ids).
    pub record_unanswered: bool,
    /// Days an unanswered question is kept after it was last asked.
    pub keep_unanswered_days: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            admins: Vec::new(),
            record_unanswered: true,
            keep_unanswered_days: crate::store::KEEP_UNANSWERED_DAYS,
        }
    }
}

impl State {
    pub fn new(live: Arc<Live>, store: Store) -> State {
        State {
            live,
            store,
            config: Config::default(),
        }
    }
}

/// The commands the bot knows (names are the same in every language).
pub const COMMANDS: &[&str] = &[
    "start", "help", "topics", "contact", "language", "privacy", "forget",
];

/// Largest webhook request body accepted; bigger ones get 413 before any parsing. Real
/// updates are a few kilobytes (a message is at most 4,096 characters).
pub const MAX_WEBHOOK_BODY: usize = 256 * 1024;

/// What decides the reply to an update ([`handlers::plan`]; tests put in one that panics, to
/// check that a panic costs only that update).
pub type Planner = fn(
    &State,
    &flood::FloodGuard,
    &incoming::Incoming,
) -> Result<Vec<send::Outgoing>, crate::Error>;

/// How the bot talks to Telegram.
#[derive(Clone, Copy)]
pub struct Settings {
    pub limits: Limits,
    pub policy: Policy,
    /// Long polling waits this long for updates per request.
    pub poll_timeout: Duration,
    /// On stop, requests already sent get this long before the bot ends (what is not done
    /// then stays in the inbox). Together with the rest of the stop, well under the 10 s
    /// that docker and Kubernetes give before they kill.
    pub grace: Duration,
    pub planner: Planner,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            // The `unthrottled` feature (throughput benchmarks against a local fake Bot API
            // only) drops Telegram's limits, which would be all that benchmark measures.
            limits: if cfg!(feature = "unthrottled") {
                Limits::NONE
            } else {
                Limits::TELEGRAM
            },
            policy: Policy::default(),
            poll_timeout: Duration::from_secs(10),
            grace: Duration::from_secs(4),
            planner: handlers::plan,
        }
    }
}

/// The bot: its Bot API client and settings.
#[derive(Clone)]
pub struct TgBot {
    api: Arc<Api>,
    settings: Settings,
}

/// Reads the token from `TELOXIDE_TOKEN`, or from the file named by `TELOXIDE_TOKEN_FILE`.
pub fn token_from_env() -> Option<String> {
    if let Ok(t) = std::env::var("TELOXIDE_TOKEN") {
        let t = t.trim().to_string();
        if !t.is_empty() {
            return Some(t);
        }
    }
    let path = std::env::var_os("TELOXIDE_TOKEN_FILE")?;
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The bot for `token`, talking to `TELOXIDE_API_URL` when set, with Telegram's limits.
pub fn make_bot(token: String, api_url: Option<&str>) -> Result<TgBot, crate::Error> {
    make_bot_with(token, api_url, Settings::default())
}

/// [`make_bot`] with other settings (tests against a local fake server).
pub fn make_bot_with(
    token: String,
    api_url: Option<&str>,
    settings: Settings,
) -> Result<TgBot, crate::Error> {
    Ok(TgBot {
        api: Arc::new(Api::new(token, api_url)?),
        settings,
    })
}

/// Sets the command menu once per language (German also as the default list).
async fn set_commands(api: &Api, engine: &Engine) -> Result<(), Failure> {
    let cmds = |lang: &str| {
        COMMANDS
            .iter()
            .map(|c| json!({"command": c, "description": engine.l10n.msg(lang, &format!("cmd-{c}"))}))
            .collect::<Vec<_>>()
    };
    let t = Duration::from_secs(15);
    api.call("setMyCommands", &json!({"commands": cmds("de")}), t)
        .await?;
    for lang in engine.l10n.codes() {
        let p = json!({"commands": cmds(&lang), "language_code": lang});
        api.call("setMyCommands", &p, t).await?;
    }
    Ok(())
}

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
    let engine = state.live.current();
    tokio::select! {
        r = set_commands(&api, &engine) => if let Err(e) = r {
            tracing::warn!("could not set the command menu: {e}");
        },
        _ = &mut shutdown => return Ok(()),
    }
    // New content may bring a new language or new command texts: refresh the menus.
    let mut changed = state.live.subscribe();
    let (menu_api, menu_live) = (api.clone(), state.live.clone());
    let menus = tokio::spawn(async move {
        while changed.changed().await.is_ok() {
            if let Err(e) = set_commands(&menu_api, &menu_live.current()).await {
                tracing::warn!("could not refresh the command menu: {e}");
            }
        }
    });

    inbox::set_bot(&state.store, me.id.0)?;
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
    )?;
    let mut intake: tokio::task::JoinHandle<Result<(), String>> = match webhook {
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
                    store: &state.store,
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
            _ => Err("receiving updates stopped unexpectedly".to_string()),
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
    result.map_err(crate::Error::Usage)
}

/// Calls getMe until Telegram answers (waits 1, 2, … up to 30 s between tries). Returns an
/// error only when Telegram rejects the token: retrying cannot help then.
async fn wait_for_telegram(api: &Api) -> Result<Me, crate::Error> {
    let mut wait = 1;
    loop {
        match api.call("getMe", &json!({}), Duration::from_secs(15)).await {
            Ok(v) => {
                return Me::from_json(&v).ok_or_else(|| {
                    crate::Error::Usage("Telegram's getMe answer has no bot user name".into())
                });
            }
            Err(Failure::Unauthorized | Failure::Refused { code: 404, .. }) => {
                return Err(crate::Error::Usage(
                    "Telegram rejected the token (401 Unauthorized); check TELOXIDE_TOKEN".into(),
                ));
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

/// Updates waiting in the inbox of the bot whose state is `store` (0 when everything
/// fetched is answered).
pub fn pending_updates(store: &Store) -> Result<usize, crate::Error> {
    inbox::len(store)
}
