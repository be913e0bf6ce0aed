//! At-least-once long polling: an update is confirmed to Telegram only after it was handled.
//!
//! Telegram deletes every update below the `offset` of the next `getUpdates` call. teloxide's
//! own polling sends that offset as soon as updates are *queued* in the dispatcher, so a
//! `kill -9` lost whatever was queued but not yet answered. Here the offset never passes
//! the oldest update still being handled:
//!
//! - each update yielded to the dispatcher is recorded as in flight ([`Tracker`]);
//! - the dispatcher's handler tree starts with [`mark`], which puts a [`Handling`] guard into
//!   the update's dependencies; when the update's handling ends (answered, failed or
//!   unhandled), the guard is dropped and the update is done;
//! - `getUpdates` asks from the oldest update in flight, so Telegram re-sends the ones after
//!   it; updates already yielded are skipped (none is answered twice while running);
//! - after a crash Telegram re-sends everything from the oldest unfinished update: nothing is
//!   lost, and the few already answered after it are answered again (at least once, never
//!   zero times);
//! - the price: while one update is slow, Telegram re-sends the ones after it, and at most
//!   100 newer updates are seen until it finishes. Handlers end within Telegram's request
//!   timeouts and the flood guard's limits, so this is seconds at worst.

use std::collections::{BTreeSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use futures::stream::BoxStream;
use teloxide::RequestError;
use teloxide::errors::AsResponseParameters;
use teloxide::prelude::*;
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::AllowedUpdate;
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};

use super::TgBot;

/// Updates per `getUpdates` call (Telegram's maximum).
const LIMIT: u8 = 100;
/// Ask for more once at most this many updates are still being handled …
const REFILL_AT: usize = LIMIT as usize / 2;
/// … or after this long, whichever comes first.
const REFILL_WAIT: Duration = Duration::from_millis(20);

/// Which updates are in flight, and how far Telegram may forget.
#[derive(Default)]
pub struct Tracker {
    inner: Mutex<Inner>,
    done: tokio::sync::Notify,
}

#[derive(Default)]
struct Inner {
    in_flight: BTreeSet<u32>,
    /// One past the highest update id yielded so far.
    next: u32,
}

impl Tracker {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The offset to send: every update below it has been handled.
    pub fn offset(&self) -> u32 {
        let g = self.lock();
        g.in_flight.first().copied().unwrap_or(g.next)
    }

    /// Takes a fetched update; `false` if it was yielded before (a re-send). `handled`:
    /// whether the dispatcher will run the handler tree for it (and so drop a guard).
    fn accept(&self, id: u32, handled: bool) -> bool {
        let mut g = self.lock();
        if id < g.next {
            return false;
        }
        if handled {
            g.in_flight.insert(id);
        }
        g.next = id.saturating_add(1);
        true
    }

    fn finish(&self, id: u32) {
        self.lock().in_flight.remove(&id);
        self.done.notify_waiters();
    }

    /// How many updates are being handled.
    pub fn in_flight(&self) -> usize {
        self.lock().in_flight.len()
    }
}

/// Marks its update handled when the last clone is dropped (the end of its dispatch).
#[derive(Clone)]
pub struct Handling(#[allow(dead_code)] Arc<Guard>);

pub struct Guard {
    tracker: Arc<Tracker>,
    id: u32,
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.tracker.finish(self.id);
    }
}

/// The first step of the handler tree: a guard that lives as long as the update's handling.
pub fn mark(update: Update, tracker: Arc<Tracker>) -> Handling {
    Handling(Arc::new(Guard {
        tracker,
        id: update.id.0,
    }))
}

/// The long-polling listener.
pub struct AckPolling {
    bot: TgBot,
    tracker: Arc<Tracker>,
    timeout: Duration,
    backoff: fn(u32) -> Duration,
    token: StopToken,
    flag: StopFlag,
}

impl AckPolling {
    pub fn new(
        bot: TgBot,
        tracker: Arc<Tracker>,
        timeout: Duration,
        backoff: fn(u32) -> Duration,
    ) -> Self {
        let (token, flag) = mk_stop_token();
        AckPolling {
            bot,
            tracker,
            timeout,
            backoff,
            token,
            flag,
        }
    }
}

struct PollState {
    bot: TgBot,
    tracker: Arc<Tracker>,
    timeout: u32,
    backoff: fn(u32) -> Duration,
    flag: StopFlag,
    buffer: VecDeque<Update>,
    errors: u32,
    pause: Option<Duration>,
}

impl UpdateListener for AckPolling {
    type Err = RequestError;

    fn stop_token(&mut self) -> StopToken {
        self.token.clone()
    }

    fn hint_allowed_updates(&mut self, _hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        // Telegram's default set (everything but a few chat-member updates) is what we use.
    }
}

impl<'a> AsUpdateStream<'a> for AckPolling {
    type StreamErr = RequestError;
    type Stream = BoxStream<'a, Result<Update, RequestError>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        let st = PollState {
            bot: self.bot.clone(),
            tracker: self.tracker.clone(),
            timeout: u32::try_from(self.timeout.as_secs()).unwrap_or(10),
            backoff: self.backoff,
            flag: self.flag.clone(),
            buffer: VecDeque::new(),
            errors: 0,
            pause: None,
        };
        futures::stream::unfold(st, next_update).boxed()
    }
}

async fn next_update(mut st: PollState) -> Option<(Result<Update, RequestError>, PollState)> {
    loop {
        if let Some(u) = st.buffer.pop_front() {
            return Some((Ok(u), st));
        }
        if st.flag.is_stopped() {
            return None;
        }
        if let Some(d) = st.pause.take() {
            tokio::select! {
                _ = tokio::time::sleep(d) => {}
                _ = st.flag.clone() => return None,
            }
        }
        // Telegram re-sends everything from the oldest update in flight; asking while most
        // of the last batch is still being answered would bring back mostly re-sends. So wait
        // until the batch is largely done — but not long, so one slow chat holds up nobody.
        let deadline = tokio::time::Instant::now() + REFILL_WAIT;
        loop {
            let notified = st.tracker.done.notified();
            if st.tracker.in_flight() <= REFILL_AT {
                break;
            }
            tokio::select! {
                _ = notified => {}
                _ = tokio::time::sleep_until(deadline) => break,
                _ = st.flag.clone() => return None,
            }
        }
        let req = st
            .bot
            .get_updates()
            .offset(i32::try_from(st.tracker.offset()).unwrap_or(i32::MAX))
            .timeout(st.timeout)
            .limit(LIMIT);
        let res = tokio::select! {
            r = req.send() => r,
            _ = st.flag.clone() => return None,
        };
        match res {
            Ok(updates) => {
                st.errors = 0;
                let mut fresh = false;
                for u in updates {
                    // teloxide's dispatcher drops an update it cannot read (with a log line)
                    // without running the handlers: nothing would ever mark it done.
                    let handled = !matches!(u.kind, teloxide::types::UpdateKind::Error(_));
                    if st.tracker.accept(u.id.0, handled) {
                        fresh = true;
                        st.buffer.push_back(u);
                    }
                }
                if !fresh && st.tracker.in_flight() > 0 {
                    // Only re-sends: wait for an update to finish instead of asking again
                    // at once (the answer would be the same).
                    let done = st.tracker.clone();
                    tokio::select! {
                        _ = done.done.notified() => {}
                        _ = tokio::time::sleep(Duration::from_millis(500)) => {}
                        _ = st.flag.clone() => return None,
                    }
                }
            }
            Err(e) => {
                st.pause = Some(match e.retry_after() {
                    Some(s) => s.duration(),
                    None => {
                        let d = (st.backoff)(st.errors);
                        st.errors = st.errors.saturating_add(1);
                        d
                    }
                });
                return Some((Err(e), st));
            }
        }
    }
}

/// After the dispatcher has stopped (everything handled): tell Telegram, so a restart does
/// not get the last updates again.
pub async fn confirm(bot: &TgBot, tracker: &Tracker) {
    let offset = i32::try_from(tracker.offset()).unwrap_or(i32::MAX);
    if offset == 0 {
        return;
    }
    if let Err(e) = bot.get_updates().offset(offset).limit(1).timeout(0).await {
        tracing::warn!("could not confirm the last updates to Telegram: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_waits_for_the_oldest_update_in_flight() {
        let t = Arc::new(Tracker::default());
        assert_eq!(t.offset(), 0);
        assert!(t.accept(10, true) && t.accept(11, true) && t.accept(12, true));
        assert!(!t.accept(11, true), "a re-send is skipped");
        assert_eq!(t.offset(), 10);
        t.finish(11);
        assert_eq!(t.offset(), 10, "10 is still being handled");
        t.finish(10);
        assert_eq!(t.offset(), 12);
        {
            let _h = Handling(Arc::new(Guard {
                tracker: t.clone(),
                id: 12,
            }));
        }
        assert_eq!(t.offset(), 13, "dropping the guard finishes the update");
        assert_eq!(t.in_flight(), 0);
        assert!(t.accept(13, false), "an unreadable update");
        assert_eq!(t.offset(), 14, "is not waited for");
    }
}
