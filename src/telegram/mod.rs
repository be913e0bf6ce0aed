//! The Telegram front end on teloxide: one [`schema`] holds the handler tree; endpoints are
//! small free functions. Every reply goes through [`Engine::answer`], like the terminal chat.
//!
//! Callback data (always < 64 bytes): `t` topics, `t:<topic>` questions of a topic,
//! `a:<id>` an answer, `g:<id>` the German version, `f:<+|->:<id>:<lang>` feedback,
//! `l:<lang>` choose language.

pub mod ack;
pub mod flood;
pub mod format;

use std::sync::Arc;

#[cfg(not(feature = "unthrottled"))]
use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResult,
    InlineQueryResultArticle, InputMessageContent, InputMessageContentText, Me, ParseMode,
};

use crate::live::Live;
use crate::store::Store;
use crate::{Engine, Outcome, Reply};

/// Throttled to Telegram's limits. The `unthrottled` feature (throughput benchmarks against
/// a local fake Bot API only) drops the throttle: it releases queued messages in 250 ms
/// steps, which would be all that benchmark measures.
#[cfg(not(feature = "unthrottled"))]
pub type TgBot = Throttle<Bot>;
#[cfg(feature = "unthrottled")]
pub type TgBot = Bot;
type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

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

    /// One update is handled with one snapshot of the content, so a reload in between
    /// never mixes old and new texts in a reply.
    fn req(&self) -> Req<'_> {
        Req {
            engine: self.live.current(),
            store: &self.store,
            config: &self.config,
            live: &self.live,
        }
    }
}

/// What one update is handled with.
struct Req<'a> {
    engine: Arc<Engine>,
    store: &'a Store,
    config: &'a Config,
    live: &'a Live,
}

/// The commands the bot knows (names are the same in every language).
pub const COMMANDS: &[&str] = &[
    "start", "help", "topics", "contact", "language", "privacy", "forget",
];

/// The handler tree.
pub fn schema() -> UpdateHandler<Box<dyn std::error::Error + Send + Sync>> {
    dptree::entry()
        // First: a guard that marks the update handled when its handling ends, so that
        // polling confirms it to Telegram only then (at least once, see `ack`).
        .map(ack::mark)
        .branch(Update::filter_message().endpoint(on_message))
        // Edited messages are answered like new ones (consistently: always).
        .branch(Update::filter_edited_message().endpoint(on_message))
        .branch(Update::filter_callback_query().endpoint(on_callback))
        .branch(Update::filter_inline_query().endpoint(on_inline))
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

/// Builds the throttled bot for `token`, talking to `TELOXIDE_API_URL` when set.
pub fn make_bot(token: String, api_url: Option<&str>) -> Result<TgBot, crate::Error> {
    make_bot_with_limits(token, api_url, Limits::default())
}

/// [`make_bot`] with other sending limits (load tests against a local fake server, which
/// does not have Telegram's limits).
pub fn make_bot_with_limits(
    token: String,
    api_url: Option<&str>,
    limits: Limits,
) -> Result<TgBot, crate::Error> {
    let mut bot = Bot::new(token);
    if let Some(u) = api_url {
        let url = reqwest_url(u)?;
        bot = bot.set_api_url(url);
    }
    #[cfg(not(feature = "unthrottled"))]
    let bot = Throttle::new_spawn(bot, limits);
    #[cfg(feature = "unthrottled")]
    let _ = limits;
    Ok(bot)
}

/// Largest webhook request body accepted; bigger ones get 413 before any parsing. Real
/// updates are a few kilobytes (a message is at most 4,096 characters).
pub const MAX_WEBHOOK_BODY: usize = 256 * 1024;

/// Updates that may wait per chat (see `run_with`); a flooding chat's extra messages are
/// dropped by the flood guard as soon as they reach the front of the queue.
const WORKER_QUEUE: usize = 1024;

/// Long polling waits this long for updates per request.
const POLL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Wait before retrying getUpdates after the `n`-th error in a row: 1, 2, then 3 s.
/// teloxide's default doubles up to 64 s, so after a half-minute outage people would wait
/// another half minute for answers; a request every 3 s costs nothing.
fn poll_backoff(n: u32) -> std::time::Duration {
    std::time::Duration::from_secs(u64::from(n.clamp(1, 3)))
}

fn reqwest_url(u: &str) -> Result<url::Url, crate::Error> {
    u.parse()
        .map_err(|_| crate::Error::Usage(format!("TELOXIDE_API_URL is not a URL: {u:?}")))
}

/// Sets the command menu once per language (German also as the default list).
pub async fn set_commands(bot: &TgBot, engine: &Engine) -> HandlerResult {
    let cmds = |lang: &str| -> Vec<BotCommand> {
        COMMANDS
            .iter()
            .map(|c| BotCommand::new(*c, engine.l10n.msg(lang, &format!("cmd-{c}"))))
            .collect()
    };
    bot.set_my_commands(cmds("de")).await?;
    for lang in engine.l10n.codes() {
        bot.set_my_commands(cmds(&lang))
            .language_code(lang.clone())
            .await?;
    }
    Ok(())
}

/// Webhook mode: where to listen, the public URL Telegram posts to, and the secret that
/// must arrive in `X-Telegram-Bot-Api-Secret-Token` (requests without it get 401).
pub struct Webhook {
    pub listen: std::net::SocketAddr,
    pub url: url::Url,
    /// `None`: teloxide generates a random secret and registers it with setWebhook.
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

/// Runs the bot with long polling, or as a webhook when `webhook` is given.
pub async fn run_with(
    bot: TgBot,
    state: Arc<State>,
    webhook: Option<Webhook>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), crate::Error> {
    let mut shutdown = Box::pin(shutdown);
    // Started while Telegram is unreachable: wait for it instead of failing (teloxide's
    // dispatcher panics when its first getMe fails). A rejected token is fatal.
    tokio::select! {
        r = wait_for_telegram(&bot) => r?,
        _ = &mut shutdown => return Ok(()),
    }
    if let Err(e) = set_commands(&bot, &state.live.current()).await {
        tracing::warn!("could not set the command menu: {e}");
    }
    // New content may bring a new language or new command texts: refresh the menus.
    let mut changed = state.live.subscribe();
    let menu_bot = bot.clone();
    let menu_live = state.live.clone();
    tokio::spawn(async move {
        while changed.changed().await.is_ok() {
            if let Err(e) = set_commands(&menu_bot, &menu_live.current()).await {
                tracing::warn!("could not refresh the command menu: {e}");
            }
        }
    });
    use teloxide::update_listeners::UpdateListener;
    // Build the listener first: its stop token is needed for shutting down (below).
    let (mut webhook_l, mut polling_l) = (None, None);
    let tracker = Arc::new(ack::Tracker::default());
    let listener_stop = match webhook {
        Some(w) => {
            let mut l = webhook_listener(bot.clone(), w).await?;
            let stop = l.stop_token();
            webhook_l = Some(l);
            stop
        }
        None => {
            // Long polling and a webhook exclude each other at Telegram.
            if let Err(e) = bot.delete_webhook().await {
                tracing::warn!("deleteWebhook failed: {e}");
            }
            let mut p =
                ack::AckPolling::new(bot.clone(), tracker.clone(), POLL_TIMEOUT, poll_backoff);
            let stop = p.stop_token();
            polling_l = Some(p);
            stop
        }
    };
    let flood = Arc::new(flood::FloodGuard::default());
    let confirm_bot = bot.clone();
    let mut dispatcher = Dispatcher::builder(bot, schema())
        .dependencies(dptree::deps![state, flood, tracker.clone()])
        // Updates of one chat wait in that chat's queue; when a queue is full, teloxide stops
        // dispatching for *all* chats. With 64 (the default), one chat sending 100 messages
        // held everyone up while its answers went out at Telegram's 1 per second.
        .worker_queue_size(WORKER_QUEUE)
        .default_handler(|_| async {})
        .error_handler(LoggingErrorHandler::with_custom_text(
            "update handler failed",
        ))
        .build();
    let token = dispatcher.shutdown_token();
    tokio::spawn(async move {
        shutdown.await;
        // Stop the listener: its stream ends, and the dispatcher answers what it already has
        // and returns. The dispatcher's own ShutdownToken alone is not enough: it wakes the
        // dispatcher with Notify::notify_waiters, a wake-up that is lost when the dispatcher
        // is busy handing out updates at that moment (SIGTERM during a burst was ignored).
        listener_stop.stop();
        // Also ask the dispatcher, in case it is waiting; it may not run yet, so retry for a
        // while (once it has stopped, the token says it is idle).
        for _ in 0..100 {
            match token.shutdown() {
                Ok(f) => {
                    f.await;
                    break;
                }
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
            }
        }
    });
    if let Some(l) = webhook_l {
        dispatcher
            .try_dispatch_with_listener(l, LoggingErrorHandler::with_custom_text("webhook failed"))
            .await
            .map_err(|e| crate::Error::Usage(format!("Telegram: {e}")))?;
    } else if let Some(p) = polling_l {
        dispatcher
            .try_dispatch_with_listener(
                p,
                LoggingErrorHandler::with_custom_text("getting updates failed"),
            )
            .await
            .map_err(|e| crate::Error::Usage(format!("Telegram: {e}")))?;
        // Everything fetched is handled now: confirm it, so a restart starts after it.
        ack::confirm(&confirm_bot, &tracker).await;
    }
    Ok(())
}

/// 413 at once when the announced length is over [`MAX_WEBHOOK_BODY`], without reading the
/// body. (Bodies without a length are cut at the limit by `DefaultBodyLimit` while reading.)
async fn refuse_large_body(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let too_large = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > MAX_WEBHOOK_BODY as u64);
    if too_large {
        return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    next.run(req).await
}

/// Calls getMe until Telegram answers (waits 1, 2, … up to 30 s between tries). Returns an
/// error only when Telegram rejects the token: retrying cannot help then.
async fn wait_for_telegram(bot: &TgBot) -> Result<(), crate::Error> {
    let mut wait = 1;
    loop {
        match bot.get_me().await {
            Ok(_) => return Ok(()),
            Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken)) => {
                return Err(crate::Error::Usage(
                    "Telegram rejected the token (401 Unauthorized); check TELOXIDE_TOKEN".into(),
                ));
            }
            Err(e) => {
                tracing::warn!("Telegram is not reachable ({e}); trying again in {wait} s");
                tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
                wait = (wait * 2).min(30);
            }
        }
    }
}

/// Registers the webhook and serves it on exactly `w.listen`, with the secret-header check
/// (teloxide: 401 without it) and a body size limit (413 above [`MAX_WEBHOOK_BODY`]).
async fn webhook_listener(
    bot: TgBot,
    w: Webhook,
) -> Result<
    impl teloxide::update_listeners::UpdateListener<Err = std::convert::Infallible>,
    crate::Error,
> {
    use teloxide::update_listeners::webhooks;
    let mut opts = webhooks::Options::new(w.listen, w.url);
    if let Some(secret) = w.secret {
        opts = opts.secret_token(secret);
    }
    // Bind first: a taken address is a clear error instead of a panic inside teloxide.
    let tcp = tokio::net::TcpListener::bind(w.listen)
        .await
        .map_err(|e| crate::Error::Usage(format!("cannot listen on {}: {e}", w.listen)))?;
    let (listener, stop, router) = webhooks::axum_to_router(bot, opts)
        .await
        .map_err(|e| crate::Error::Usage(format!("setWebhook failed: {e}")))?;
    let router = router
        .layer(axum::extract::DefaultBodyLimit::max(MAX_WEBHOOK_BODY))
        .layer(axum::middleware::from_fn(refuse_large_body));
    tokio::spawn(async move {
        if let Err(e) = axum::serve(tcp, router).with_graceful_shutdown(stop).await {
            tracing::error!("webhook server failed: {e}");
        }
    });
    Ok(listener)
}

/// Resolves on SIGINT or SIGTERM (teloxide's ctrl-c handler does not cover SIGTERM).
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

/// What a handler knows about the user's language.
struct Lang<'a> {
    /// The chat's `/language` choice.
    stored: Option<&'a str>,
    /// Telegram's `language_code` of the user.
    user_code: Option<&'a str>,
    /// For texts not tied to a question: stored, else Telegram's, else German.
    lang: &'a str,
}

/// The language for a user: stored choice, else their Telegram language, else German.
fn user_lang(state: &Req<'_>, chat_id: i64, user_code: Option<&str>) -> String {
    fallback_lang(state, stored_lang(state, chat_id).as_deref(), user_code)
}

fn fallback_lang(state: &Req<'_>, stored: Option<&str>, user_code: Option<&str>) -> String {
    stored
        .map(str::to_string)
        .or_else(|| user_code.and_then(|c| state.engine.l10n.negotiate(c)))
        .unwrap_or_else(|| crate::l10n::DEFAULT_LANG.to_string())
}

fn stored_lang(state: &Req<'_>, chat_id: i64) -> Option<String> {
    match state.store.chat_lang(chat_id) {
        Ok(l) => l.filter(|l| state.engine.l10n.has_lang(l)),
        Err(e) => {
            tracing::warn!("reading the chat language failed: {e}");
            None
        }
    }
}

/// Is this group message meant for the bot? Returns the text without the mention.
fn addressed_text(msg: &Message, me: &Me) -> Option<String> {
    let text = msg.text()?;
    if msg.chat.is_private() {
        return Some(text.to_string());
    }
    let mention = format!("@{}", me.username());
    if let Some(rest) = text.strip_prefix('/') {
        let first = rest.split_whitespace().next().unwrap_or("");
        return match first.split_once('@') {
            Some((_, to)) if to.eq_ignore_ascii_case(me.username()) => Some(text.to_string()),
            Some(_) => None,
            None => Some(text.to_string()),
        };
    }
    if text.to_lowercase().contains(&mention.to_lowercase()) {
        let lower = text.to_lowercase();
        let at = lower.find(&mention.to_lowercase()).unwrap_or(0);
        let mut s = text.to_string();
        s.replace_range(at..at + mention.len(), " ");
        return Some(s.trim().to_string());
    }
    let to_me = msg
        .reply_to_message()
        .and_then(|r| r.from.as_ref())
        .is_some_and(|u| u.id == me.id);
    to_me.then(|| text.to_string())
}

async fn on_message(
    bot: TgBot,
    msg: Message,
    me: Me,
    state: Arc<State>,
    flood: Arc<flood::FloodGuard>,
) -> HandlerResult {
    let state = &state.req();
    let chat = msg.chat.id;
    let sent_at = msg.edit_date().unwrap_or(&msg.date).timestamp();
    // Only messages meant for the bot count: a lively group is not a flood.
    let for_me = msg.chat.is_private() || addressed_text(&msg, &me).is_some();
    let verdict = if for_me {
        flood.check(chat.0, sent_at)
    } else {
        flood::Verdict::Answer
    };
    if verdict == flood::Verdict::Ignore {
        return Ok(());
    }
    let user_code = msg.from.as_ref().and_then(|u| u.language_code.clone());
    // Read the stored choice once per message; everything below uses it.
    let stored = stored_lang(state, chat.0);
    let lang = fallback_lang(state, stored.as_deref(), user_code.as_deref());
    if verdict == flood::Verdict::Notify {
        // No chat id in the log: it would identify the person.
        tracing::info!("a chat is sending too fast; muted for a while");
        send_text(&bot, chat, &state.engine.l10n.msg(&lang, "flood-notice")).await?;
        return Ok(());
    }
    let who = Lang {
        stored: stored.as_deref(),
        user_code: user_code.as_deref(),
        lang: &lang,
    };
    let result = handle_message(&bot, &msg, &me, state, &who).await;
    if let Err(e) = result {
        tracing::error!("handling a message failed: {e}");
        bot.send_message(chat, state.engine.l10n.msg(&lang, "error-generic"))
            .await?;
    }
    Ok(())
}

async fn handle_message(
    bot: &TgBot,
    msg: &Message,
    me: &Me,
    state: &Req<'_>,
    who: &Lang<'_>,
) -> HandlerResult {
    let chat = msg.chat.id;
    let l = &state.engine.l10n;
    let lang = who.lang;
    let Some(text) = addressed_text(msg, me) else {
        // Not text, or a group message not meant for the bot.
        if msg.text().is_none() && msg.chat.is_private() {
            bot.send_message(chat, l.msg(lang, "non-text-hint")).await?;
        }
        return Ok(());
    };
    if let Some(rest) = text.strip_prefix('/') {
        let mut parts = rest.split_whitespace();
        let name = parts
            .next()
            .unwrap_or("")
            .split('@')
            .next()
            .unwrap_or("")
            .to_lowercase();
        let arg = parts.next();
        return command(bot, msg, state, lang, &name, arg).await;
    }
    let mut reply = state.engine.answer(&text, who.stored);
    // Nothing detected (emoji, digits): fall back to the user's Telegram language.
    if who.stored.is_none()
        && reply.detected_lang.is_none()
        && let Some(code) = who.user_code.and_then(|c| l.negotiate(c))
    {
        reply = state.engine.answer(&text, Some(&code));
    }
    if state.config.record_unanswered
        && matches!(reply.kind, Outcome::Suggestions(_) | Outcome::NoMatch)
    {
        record_unanswered(state, &text, &reply);
    }
    send_reply(bot, chat, state, &reply).await
}

/// Counts a question without a confident answer: normalised text, language, outcome, day.
/// Never the chat, the user or the time; a storage failure must not cost the reply.
fn record_unanswered(state: &Req<'_>, text: &str, reply: &Reply) {
    let Some(q) = crate::unanswered::normalise(text) else {
        return;
    };
    let lang = reply.detected_lang.as_deref().unwrap_or(&reply.lang);
    if let Err(e) =
        state
            .store
            .record_unanswered(&q, lang, reply.outcome, state.config.keep_unanswered_days)
    {
        tracing::warn!("recording an unanswered question failed: {e}");
    }
}

/// `/reload`, `/stats`, `/unanswered` for the chats listed as admins.
async fn admin(
    bot: &TgBot,
    chat: ChatId,
    state: &Req<'_>,
    lang: &str,
    name: &str,
) -> HandlerResult {
    let l = &state.engine.l10n;
    let text = match name {
        "reload" => match state.live.reload() {
            crate::live::Reload::Swapped {
                generation,
                warnings,
            } => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("generation", generation);
                args.set("warnings", warnings.len());
                l.msg_args(lang, "admin-reload-done", Some(&args))
            }
            crate::live::Reload::Rejected { problems } => {
                let list: Vec<String> = problems
                    .iter()
                    .filter(|p| p.severity == crate::Severity::Error)
                    .take(10)
                    .map(|p| format!("• {p}"))
                    .collect();
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("count", list.len());
                format!(
                    "{}\n{}",
                    l.msg_args(lang, "admin-reload-failed", Some(&args)),
                    list.join("\n")
                )
            }
        },
        "stats" => {
            let st = state.store.stats()?;
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("entries", state.engine.faq.entries.len());
            args.set("languages", state.engine.l10n.codes().join(", "));
            args.set("generation", state.live.generation());
            args.set("chats", st.chats_with_language);
            args.set("unanswered", st.unanswered_questions);
            args.set("asked", st.unanswered_asked);
            args.set("up", st.feedback_up);
            args.set("down", st.feedback_down);
            l.msg_args(lang, "admin-stats", Some(&args))
        }
        _ => {
            let rows = state.store.unanswered(None, None)?;
            let groups = crate::unanswered::group(&rows, &state.engine);
            if groups.is_empty() {
                l.msg(lang, "admin-unanswered-none")
            } else {
                let mut s = l.msg(lang, "admin-unanswered-title");
                for g in groups.iter().take(15) {
                    s.push_str(&format!("\n{}× [{}] {}", g.count, g.lang, g.question));
                    if let Some(c) = &g.closest {
                        s.push_str(&format!(" → {}", c.id));
                    }
                }
                s
            }
        }
    };
    send_text(bot, chat, &text).await?;
    Ok(())
}

async fn command(
    bot: &TgBot,
    msg: &Message,
    state: &Req<'_>,
    lang: &str,
    name: &str,
    arg: Option<&str>,
) -> HandlerResult {
    let chat = msg.chat.id;
    let l = &state.engine.l10n;
    match name {
        "start" => {
            bot.send_message(chat, format::escape(&l.msg(lang, "welcome")))
                .parse_mode(ParseMode::Html)
                .reply_markup(topics_keyboard(&state.engine, lang))
                .await?;
        }
        "help" => send_text(bot, chat, &l.msg(lang, "help")).await?,
        "topics" => {
            bot.send_message(chat, format::escape(&l.msg(lang, "topics-title")))
                .parse_mode(ParseMode::Html)
                .reply_markup(topics_keyboard(&state.engine, lang))
                .await?;
        }
        "contact" => send_text(bot, chat, &l.msg(lang, "faq-contact-answer")).await?,
        "language" => match arg.and_then(|a| l.negotiate(a)) {
            Some(code) => {
                state.store.set_chat_lang(chat.0, &code)?;
                send_text(bot, chat, &l.msg(&code, "language-changed")).await?;
            }
            None => {
                bot.send_message(chat, format::escape(&l.msg(lang, "language-choose")))
                    .parse_mode(ParseMode::Html)
                    .reply_markup(language_keyboard(&state.engine))
                    .await?;
            }
        },
        "privacy" => {
            let c = &state.config;
            let text =
                crate::reply::privacy_text(l, lang, c.record_unanswered, c.keep_unanswered_days);
            send_text(bot, chat, &text).await?
        }
        "forget" => {
            state.store.forget_chat(chat.0)?;
            send_text(bot, chat, &l.msg(lang, "forget-done")).await?;
        }
        // Admin commands exist only for admins; anyone else gets the unknown-command reply.
        "reload" | "stats" | "unanswered" if state.config.admins.contains(&chat.0) => {
            admin(bot, chat, state, lang, name).await?
        }
        _ => send_text(bot, chat, &l.msg(lang, "unknown-command")).await?,
    }
    Ok(())
}

async fn send_text(bot: &TgBot, chat: ChatId, text: &str) -> Result<(), teloxide::RequestError> {
    for part in format::split(&format::escape(text), format::MAX_MESSAGE) {
        bot.send_message(chat, part)
            .parse_mode(ParseMode::Html)
            .await?;
    }
    Ok(())
}

/// Sends a reply: the text (split if needed) with its buttons under the last part.
async fn send_reply(bot: &TgBot, chat: ChatId, state: &Req<'_>, r: &Reply) -> HandlerResult {
    let keyboard = reply_keyboard(state, r);
    let parts = format::split(&format::escape(&r.answer), format::MAX_MESSAGE);
    let n = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        let req = bot.send_message(chat, part).parse_mode(ParseMode::Html);
        if i + 1 == n {
            req.reply_markup(keyboard.clone()).await?;
        } else {
            req.await?;
        }
    }
    Ok(())
}

fn button(text: String, data: String) -> InlineKeyboardButton {
    debug_assert!(data.len() <= 64, "callback data over 64 bytes: {data}");
    InlineKeyboardButton::callback(text, data)
}

fn reply_keyboard(state: &Req<'_>, r: &Reply) -> InlineKeyboardMarkup {
    let l = &state.engine.l10n;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    match &r.kind {
        Outcome::Answer(_) => {
            let id = r.id.clone().unwrap_or_default();
            rows.push(vec![
                button("👍".into(), format!("f:+:{id}:{}", r.lang)),
                button("👎".into(), format!("f:-:{id}:{}", r.lang)),
            ]);
            for s in &r.related {
                rows.push(vec![button(s.title.clone(), format!("a:{}", s.id))]);
            }
            if r.lang != crate::l10n::DEFAULT_LANG {
                rows.push(vec![button(
                    l.msg(&r.lang, "button-german"),
                    format!("g:{id}"),
                )]);
            }
        }
        Outcome::Suggestions(_) => {
            for s in &r.suggestions {
                rows.push(vec![button(s.title.clone(), format!("a:{}", s.id))]);
            }
        }
        Outcome::NoMatch => return topics_keyboard(&state.engine, &r.lang),
        _ => {}
    }
    InlineKeyboardMarkup::new(rows)
}

fn topics_keyboard(engine: &Engine, lang: &str) -> InlineKeyboardMarkup {
    let rows = engine
        .faq
        .topics
        .iter()
        .map(|t| {
            vec![button(
                engine.l10n.msg(lang, &format!("topic-{t}")),
                format!("t:{t}"),
            )]
        })
        .collect::<Vec<_>>();
    InlineKeyboardMarkup::new(rows)
}

fn language_keyboard(engine: &Engine) -> InlineKeyboardMarkup {
    let row = engine
        .l10n
        .codes()
        .into_iter()
        .map(|c| button(engine.l10n.msg(&c, "language-name"), format!("l:{c}")))
        .collect::<Vec<_>>();
    InlineKeyboardMarkup::new(vec![row])
}

async fn on_callback(bot: TgBot, q: CallbackQuery, state: Arc<State>) -> HandlerResult {
    let state = &state.req();
    let chat_id = q
        .message
        .as_ref()
        .map(|m| m.chat().id)
        .unwrap_or(ChatId(q.from.id.0 as i64));
    let lang = user_lang(state, chat_id.0, q.from.language_code.as_deref());
    let data = q.data.clone().unwrap_or_default();
    let mut toast: Option<String> = None;
    let result = handle_callback(&bot, &q, state, chat_id, &lang, &data, &mut toast).await;
    if let Err(e) = &result {
        tracing::error!("handling a button failed: {e}");
        toast = Some(state.engine.l10n.msg(&lang, "error-generic"));
    }
    // Always answer, so the button stops spinning.
    let mut ans = bot.answer_callback_query(q.id.clone());
    if let Some(t) = toast {
        ans = ans.text(t);
    }
    ans.await?;
    Ok(())
}

async fn handle_callback(
    bot: &TgBot,
    q: &CallbackQuery,
    state: &Req<'_>,
    chat: ChatId,
    lang: &str,
    data: &str,
    toast: &mut Option<String>,
) -> HandlerResult {
    let engine = &state.engine;
    let l = &engine.l10n;
    let parts: Vec<&str> = data.split(':').collect();
    let entry_index = |id: &str| engine.faq.entries.iter().position(|e| e.id == id);
    let edit_target = q.message.as_ref().map(|m| m.id());
    match parts.as_slice() {
        ["t"] => {
            let text = format::escape(&l.msg(lang, "topics-title"));
            show_menu(bot, chat, edit_target, text, topics_keyboard(engine, lang)).await?;
        }
        ["t", topic] if engine.faq.topics.iter().any(|t| t == topic) => {
            let mut rows: Vec<Vec<InlineKeyboardButton>> = engine
                .topic_entries(topic)
                .into_iter()
                .map(|id| vec![button(engine.title(&id, lang), format!("a:{id}"))])
                .collect();
            rows.push(vec![button(l.msg(lang, "button-back"), "t".into())]);
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("topic", l.msg(lang, &format!("topic-{topic}")));
            let text = format::escape(&l.msg_args(lang, "topic-questions", Some(&args)));
            show_menu(
                bot,
                chat,
                edit_target,
                text,
                InlineKeyboardMarkup::new(rows),
            )
            .await?;
        }
        ["a", id] | ["g", id] if entry_index(id).is_some() => {
            let i = entry_index(id).unwrap_or_default();
            let reply_lang = if parts[0] == "g" {
                crate::l10n::DEFAULT_LANG
            } else {
                lang
            };
            let r = crate::reply::build(
                engine,
                &engine.title(id, reply_lang),
                reply_lang,
                Some(reply_lang.to_string()),
                Outcome::Answer(i),
                &[],
            );
            send_reply(bot, chat, state, &r).await?;
        }
        ["f", sign @ ("+" | "-"), id, flang] if entry_index(id).is_some() && l.has_lang(flang) => {
            state.store.add_feedback(id, flang, *sign == "+")?;
            *toast = Some(l.msg(lang, "feedback-thanks"));
        }
        ["l", code] if l.has_lang(code) => {
            state.store.set_chat_lang(chat.0, code)?;
            send_text(bot, chat, &l.msg(code, "language-changed")).await?;
        }
        _ => {
            // An old button whose entry or topic no longer exists.
            *toast = Some(l.msg(lang, "entry-gone"));
            send_text(bot, chat, &l.msg(lang, "entry-gone")).await?;
        }
    }
    Ok(())
}

/// Shows a menu: edits the message the button was on, or sends a new one.
async fn show_menu(
    bot: &TgBot,
    chat: ChatId,
    edit: Option<teloxide::types::MessageId>,
    text: String,
    kb: InlineKeyboardMarkup,
) -> Result<(), teloxide::RequestError> {
    match edit {
        Some(mid) => {
            bot.edit_message_text(chat, mid, text)
                .parse_mode(ParseMode::Html)
                .reply_markup(kb)
                .await?;
        }
        None => {
            bot.send_message(chat, text)
                .parse_mode(ParseMode::Html)
                .reply_markup(kb)
                .await?;
        }
    }
    Ok(())
}

async fn on_inline(bot: TgBot, q: InlineQuery, state: Arc<State>) -> HandlerResult {
    let engine = &state.live.current();
    let user_lang = q
        .from
        .language_code
        .as_deref()
        .and_then(|c| engine.l10n.negotiate(c));
    let ranked = engine.rank(&q.query);
    let lang = engine.reply_lang(
        None,
        ranked.detected_lang.as_deref().or(user_lang.as_deref()),
    );
    let results: Vec<InlineQueryResult> = ranked
        .entries
        .into_iter()
        .filter(|(_, s)| *s >= crate::SUGGEST)
        .take(10)
        .map(|(id, _)| {
            let title = engine.title(&id, &lang);
            let answer = engine.l10n.msg(&lang, &format!("faq-{id}-answer"));
            let body = format!(
                "<b>{}</b>\n\n{}",
                format::escape(&title),
                format::escape(&answer)
            );
            let body: String = body.chars().take(format::MAX_MESSAGE).collect();
            InlineQueryResultArticle::new(
                format!("{id}:{lang}"),
                title,
                InputMessageContent::Text(
                    InputMessageContentText::new(body).parse_mode(ParseMode::Html),
                ),
            )
            .into()
        })
        .collect();
    bot.answer_inline_query(q.id.clone(), results).await?;
    Ok(())
}
