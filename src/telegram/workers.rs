//! Per-chat workers: each chat's updates are answered in order, one at a time; different
//! chats do not wait for each other. A chat whose send hangs, that waits out a 429 or that
//! floods holds up only itself.
//!
//! Work comes from the inbox (rows are only (seq, chat) in memory). At most [`BUSY`] updates
//! are being handled at once, taken in arrival order. On shutdown no new update is started
//! and no new request is sent; requests already sent get a grace period, then everything
//! unfinished stays in the inbox for the next start.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, Semaphore, mpsc};

use super::error::TelegramError;
use super::flood::FloodGuard;
use super::incoming::Incoming;
use super::send::{Delivery, Outgoing, Sender, Stop};
use super::{Planner, State, handlers, inbox};

/// Updates handled at the same time (the rest wait their turn, in arrival order).
const BUSY: usize = 64;

/// How often the write-ahead log is truncated after handled updates were deleted.
const SCRUB_EVERY: Duration = Duration::from_secs(1);

struct ChatQueue {
    pending: VecDeque<i64>,
    task: Option<tokio::task::AbortHandle>,
}

struct Shared {
    state: Arc<State>,
    flood: Arc<FloodGuard>,
    sender: Arc<Sender>,
    planner: Planner,
    stop: Stop,
    chats: Mutex<HashMap<i64, ChatQueue>>,
    permits: Semaphore,
    /// A chat's worker ended.
    idle: Notify,
    /// Rows were deleted since the last scrub.
    dirty: AtomicBool,
    /// Where a fatal error (a revoked token) is reported.
    fatal: mpsc::UnboundedSender<TelegramError>,
}

#[derive(Clone)]
pub struct Workers(Arc<Shared>);

impl Workers {
    /// Starts with what the inbox holds from the last run (oldest first).
    pub async fn start(
        state: Arc<State>,
        flood: Arc<FloodGuard>,
        sender: Arc<Sender>,
        planner: Planner,
        stop: Stop,
        fatal: mpsc::UnboundedSender<TelegramError>,
    ) -> Result<Workers, crate::Error> {
        let left = inbox::blocking(&state, inbox::pending).await?;
        let w = Workers(Arc::new(Shared {
            state,
            flood,
            sender,
            planner,
            stop,
            chats: Mutex::new(HashMap::new()),
            permits: Semaphore::new(BUSY),
            idle: Notify::new(),
            dirty: AtomicBool::new(false),
            fatal,
        }));
        if !left.is_empty() {
            tracing::info!(
                "{} update(s) left unfinished by the last run are answered first",
                left.len()
            );
        }
        w.enqueue(&left);
        let scrubber = Arc::downgrade(&w.0);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(SCRUB_EVERY).await;
                let Some(shared) = scrubber.upgrade() else {
                    return;
                };
                if shared.stop.is_stopped() {
                    return;
                }
                scrub(&shared).await;
            }
        });
        Ok(w)
    }

    /// Hands rows (seq, chat) to their chats' workers.
    pub fn enqueue(&self, rows: &[(i64, i64)]) {
        let mut chats = self.lock();
        for &(seq, chat) in rows {
            match chats.get_mut(&chat) {
                Some(q) => q.pending.push_back(seq),
                None => {
                    let task = tokio::spawn(run_chat(self.0.clone(), chat));
                    chats.insert(
                        chat,
                        ChatQueue {
                            pending: VecDeque::from([seq]),
                            task: Some(task.abort_handle()),
                        },
                    );
                }
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, ChatQueue>> {
        self.0.chats.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// After [`Stop::stop`]: waits at most `grace` for requests already sent, then ends the
    /// rest. Returns how many chats still had a request in flight (their updates stay in
    /// the inbox).
    pub async fn shutdown(&self, grace: Duration) -> usize {
        let deadline = tokio::time::Instant::now() + grace;
        loop {
            let notified = self.0.idle.notified();
            if self.lock().is_empty() {
                break;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                break;
            }
        }
        let left: Vec<_> = self.lock().drain().filter_map(|(_, q)| q.task).collect();
        for t in &left {
            t.abort();
        }
        if !left.is_empty() {
            tracing::info!(
                "{} chat(s) still had a request in flight after {} s; their updates stay in \
                 the inbox and are answered after the restart",
                left.len(),
                grace.as_secs()
            );
        }
        scrub(&self.0).await;
        left.len()
    }
}

/// Truncates the write-ahead log if rows were deleted since the last time.
async fn scrub(shared: &Arc<Shared>) {
    if !shared.dirty.swap(false, Ordering::SeqCst) {
        return;
    }
    let state = shared.state.clone();
    match tokio::task::spawn_blocking(move || state.store().scrub()).await {
        Ok(Ok(true)) => {}
        // Someone was reading: the next round tries again.
        Ok(Ok(false)) => shared.dirty.store(true, Ordering::SeqCst),
        Ok(Err(e)) => tracing::warn!("truncating the database log failed: {e}"),
        Err(e) => tracing::warn!("truncating the database log failed: {e}"),
    }
}

/// One chat's worker: its rows in order, until none is left (or the bot stops).
async fn run_chat(shared: Arc<Shared>, chat: i64) {
    loop {
        let next = {
            let mut chats = shared.chats.lock().unwrap_or_else(|p| p.into_inner());
            let seq = match chats.get_mut(&chat) {
                Some(q) if !shared.stop.is_stopped() => q.pending.pop_front(),
                _ => None,
            };
            if seq.is_none() {
                chats.remove(&chat);
            }
            seq
        };
        let Some(seq) = next else {
            shared.idle.notify_waiters();
            return;
        };
        let permit = tokio::select! {
            p = shared.permits.acquire() => p,
            _ = shared.stop.stopped() => continue,
        };
        if permit.is_err() {
            continue;
        }
        handle_row(&shared, seq).await;
    }
}

/// Decides the reply to one row (unless decided before a restart), delivers its remaining
/// steps, and deletes the row.
async fn handle_row(shared: &Arc<Shared>, seq: i64) {
    let state = &shared.state;
    let row = match inbox::blocking(state, move |s| inbox::load(s, seq)).await {
        Ok(Some(row)) => row,
        Ok(None) => return,
        Err(e) => {
            tracing::error!("reading the inbox failed ({e}); the update stays there");
            return;
        }
    };
    let plan = match row.plan {
        Some(plan) => plan,
        None => {
            let Some(incoming) = row.incoming else {
                tracing::warn!("an inbox entry could not be read; dropped");
                finish(shared, seq).await;
                return;
            };
            let plan = match decide(shared, &incoming).await {
                Ok(Ok(plan)) => plan,
                Ok(Err(e)) => {
                    tracing::error!("handling an update failed: {e}");
                    handlers::error_reply(state, Some(&incoming))
                }
                Err(_) => {
                    // The panic message itself went to stderr already (it may quote the
                    // user's text, so it is not repeated here).
                    tracing::error!("an update handler panicked; the user gets the error text");
                    handlers::error_reply(state, Some(&incoming))
                }
            };
            if plan.is_empty() {
                // Nothing to send (a muted chat): done.
                finish(shared, seq).await;
                return;
            }
            let saved = plan.clone();
            if let Err(e) = inbox::blocking(state, move |s| inbox::save_plan(s, seq, &saved)).await
            {
                tracing::warn!("saving a reply in the inbox failed: {e}");
            }
            plan
        }
    };
    for (i, step) in plan.iter().enumerate().skip(row.done_steps) {
        match shared.sender.deliver(step).await {
            // After the last step the row is deleted: noting it first would only cost time.
            Delivery::Done if i + 1 == plan.len() => {}
            Delivery::Done => {
                let done = i + 1;
                if let Err(e) =
                    inbox::blocking(state, move |s| inbox::steps_done(s, seq, done)).await
                {
                    tracing::warn!("noting a delivered message failed: {e}");
                }
            }
            Delivery::ChatGone => break,
            Delivery::Interrupted => return,
            Delivery::Fatal(why) => {
                let _ = shared.fatal.send(why);
                return;
            }
        }
    }
    finish(shared, seq).await;
}

/// The planner panicked (caught: it costs only that update).
struct Panicked;

/// Decides the reply to `incoming`; `Err(Panicked)` when the planner panicked. Deciding is
/// CPU work (matching) and SQLite calls, and an admin's `/reload` or a review button takes
/// long, so it always runs on a blocking thread: the async workers stay free for the long poll
/// and the sends. (Matching on the async threads once starved the poller under load, so a
/// fetched batch stayed unconfirmed at a stop.)
async fn decide(
    shared: &Arc<Shared>,
    incoming: &Incoming,
) -> Result<Result<Vec<Outgoing>, crate::Error>, Panicked> {
    let (sh, inc) = (shared.clone(), incoming.clone());
    tokio::task::spawn_blocking(move || (sh.planner)(&sh.state, &sh.flood, &inc))
        .await
        .map_err(|_| Panicked)
}

async fn finish(shared: &Shared, seq: i64) {
    match inbox::blocking(&shared.state, move |s| inbox::finish(s, seq)).await {
        Ok(()) => shared.dirty.store(true, Ordering::SeqCst),
        Err(e) => tracing::error!("removing a handled update from the inbox failed: {e}"),
    }
}
