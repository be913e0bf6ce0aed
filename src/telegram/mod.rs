//! The Telegram front end: a thin adapter over [`Conversation`]. Telegram's updates become
//! conversation [`Input`](crate::conversation::Input)s, and the [`View`](crate::conversation::View)s
//! that come back become Telegram messages; what the bot says is decided in
//! `src/conversation/`, the same code the terminal chat runs.
//!
//! How an update travels (each step in its own module):
//! 1. `poll` (long polling) or `webhook` receives it; `incoming` keeps only what the answer
//!    needs (`addressing`: is a group message meant for the bot?);
//! 2. `inbox` writes it to SQLite; only then is it confirmed to Telegram (next getUpdates
//!    offset, or the webhook's 200);
//! 3. `workers` answer each chat's updates in order, chats side by side; `handlers` turn an
//!    update into conversation input and the views into the steps of the reply (`render`,
//!    `keyboard`), which the inbox keeps;
//! 4. `send` delivers each step within Telegram's limits (`limiter`), retrying what can be
//!    retried; the update is deleted from the inbox when its reply was delivered or failed
//!    for good.
//!
//! `bot` sets up the client and the command menu, `run` starts and stops it all. After a
//! crash the inbox still holds every unfinished update; they are answered first on the next
//! start. A stop (SIGTERM) sends nothing new, gives requests already sent a few seconds, and
//! leaves the rest in the inbox.

pub mod addressing;
pub mod api;
mod bot;
pub mod error;
pub mod flood;
pub mod format;
pub mod handlers;
pub mod inbox;
pub mod incoming;
pub mod keyboard;
pub mod limiter;
pub mod poll;
pub mod render;
mod run;
pub mod send;
pub mod webhook;
pub mod workers;

use std::sync::Arc;
use std::time::Duration;

use crate::conversation::{Config, Conversation};
use crate::live::Live;
use crate::store::Store;

pub use bot::{TgBot, make_bot, make_bot_with, token_from_env};
pub use error::TelegramError;
pub use limiter::Limits;
pub use run::{Webhook, run, run_with, signals};
pub use send::Policy;

/// Everything the handlers share for the bot's lifetime: the conversation of every chat,
/// with its settings in the SQLite store (which also holds the inbox).
pub struct State {
    conversation: Conversation<Store>,
}

impl State {
    /// With the default operator settings (no admins, unanswered questions recorded).
    pub fn new(live: Arc<Live>, store: Store) -> State {
        State::with_config(live, store, Config::default())
    }

    pub fn with_config(live: Arc<Live>, store: Store, config: Config) -> State {
        State {
            conversation: Conversation::new(live, store, config),
        }
    }

    pub fn conversation(&self) -> &Conversation<Store> {
        &self.conversation
    }

    pub fn store(&self) -> &Store {
        self.conversation.settings()
    }

    pub fn live(&self) -> &Arc<Live> {
        self.conversation.live()
    }
}

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

/// Updates waiting in the inbox of the bot whose state is `store` (0 when everything
/// fetched is answered).
pub fn pending_updates(store: &Store) -> Result<usize, crate::Error> {
    inbox::len(store)
}
