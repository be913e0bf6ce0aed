//! Starting and stopping the real bot (library, in-process) against the fake server.

use std::sync::Arc;
use std::time::Duration;

use widunetz_bot::conversation::Config;
use widunetz_bot::live::Live;
use widunetz_bot::store::Store;
use widunetz_bot::telegram::{self, Limits, Settings};

use super::calls::Calls;
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
    start_config(server, data, Config::default(), s).await
}

/// The bot with these operator settings (admins, recording) and the shipped content.
pub async fn start_config(
    server: &fake::Server,
    data: &std::path::Path,
    config: Config,
    s: Settings,
) -> Running {
    let live = Arc::new(Live::new(super::engine()));
    let store = Store::open(data).expect("store");
    let state = telegram::State::with_config(live, store, config);
    start_state(server, Arc::new(state), None, s).await
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
        let inbox = telegram::pending_updates(r.state.store()).expect("inbox");
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

/// A fake Telegram with the bot running against it: one per test.
pub struct TestBot {
    pub server: fake::Server,
    pub running: Running,
    pub data: tempfile::TempDir,
}

impl TestBot {
    /// The shipped content, default operator settings.
    pub async fn start() -> TestBot {
        TestBot::with_config(Config::default()).await
    }

    pub async fn with_config(config: Config) -> TestBot {
        let server = fake::start().await;
        let data = tempfile::tempdir().expect("tmp");
        let running = start_config(&server, data.path(), config, settings()).await;
        TestBot {
            server,
            running,
            data,
        }
    }

    /// A person in `chat` (negative: a group) writes `text`; `lang`: their Telegram language.
    pub async fn say(&self, chat: i64, text: &str, lang: Option<&str>) {
        self.server
            .fake
            .push(fake::text_update(chat, text, lang))
            .await;
    }

    /// A person in `chat` presses a button with this callback data.
    pub async fn press(&self, chat: i64, data: &str, lang: Option<&str>) {
        self.server
            .fake
            .push(fake::callback_update(chat, data, lang))
            .await;
    }

    /// Waits (at most 15 s) until `pred` holds for the calls so far.
    pub async fn wait(&self, what: &str, pred: impl Fn(&Calls) -> bool) -> Calls {
        self.server.fake.wait_for(15, what, pred).await
    }

    /// Waits until everything is answered; then the calls are final.
    pub async fn settle(&self) -> Calls {
        settle(&self.server, &self.running, 30).await;
        self.server.fake.calls().await
    }

    /// Stops the bot; returns its data folder.
    pub async fn stop(self) -> tempfile::TempDir {
        stop(&self.server, self.running).await;
        self.data
    }
}
