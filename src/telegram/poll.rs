//! Long polling into the inbox: fetch a batch, write it to the inbox, and only then confirm
//! it to Telegram (the next getUpdates' offset). Handling happens elsewhere (`workers`), so
//! confirming never waits for an answer and one slow chat cannot hold back the others.
//!
//! - Update ids that go backwards (Telegram picks a new, random start after a week without
//!   updates; its server then serves from its queue's head) are recognised: a batch whose ids
//!   all lie below the offset asked for is impossible otherwise. It is logged once and
//!   polling goes on from there.
//! - No hot loop: a batch that brought nothing new, or an empty answer long before the
//!   long-poll timeout, is followed by a short pause.
//! - 401 (token revoked) ends the bot; 409 (another program polls with this token) ends it
//!   when it keeps coming, so that a supervisor notices.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::State;
use super::api::{Api, Failure};
use super::error::TelegramError;
use super::inbox;
use super::incoming::{self, Intake, Me};
use super::send::Stop;
use super::workers::Workers;

/// Updates per getUpdates call (Telegram's maximum).
const LIMIT: u32 = 100;
/// This many 409s within [`CONFLICT_WINDOW`] end the bot.
const CONFLICTS: usize = 5;
const CONFLICT_WINDOW: Duration = Duration::from_secs(60);
/// Least pause after a getUpdates that brought nothing new.
const IDLE_PAUSE: Duration = Duration::from_millis(500);

/// Wait before retrying getUpdates after the `n`-th error in a row (0-based): 1, 2, then
/// 3 s. A request every 3 s costs nothing, and answers come soon after an outage.
fn poll_backoff(n: u32) -> Duration {
    Duration::from_secs(u64::from(n.saturating_add(1).min(3)))
}

pub struct Poller<'a> {
    pub api: &'a Api,
    /// Its store holds the inbox.
    pub state: &'a Arc<State>,
    pub me: &'a Me,
    pub workers: &'a Workers,
    pub stop: &'a Stop,
    pub timeout: Duration,
}

impl Poller<'_> {
    /// Polls until stopped; `Err` with the reason when the bot must end.
    pub async fn run(&self) -> Result<(), TelegramError> {
        let mut offset: i64 = 0;
        let mut errors: u32 = 0;
        let mut conflicts: VecDeque<tokio::time::Instant> = VecDeque::new();
        let secs = self.timeout.as_secs();
        while !self.stop.is_stopped() {
            let asked = tokio::time::Instant::now();
            let params = json!({"offset": offset, "timeout": secs, "limit": LIMIT});
            let res = tokio::select! {
                r = self.api.call("getUpdates", &params, self.timeout + Duration::from_secs(10)) => r,
                _ = self.stop.stopped() => break,
            };
            let pause = match res {
                Ok(v) => {
                    errors = 0;
                    let batch = v.as_array().cloned().unwrap_or_default();
                    let (next, fresh) = self.take(offset, &batch).await;
                    offset = next;
                    let quick = asked.elapsed() < Duration::from_secs(1).min(self.timeout);
                    (!fresh && (quick || !batch.is_empty())).then_some(IDLE_PAUSE)
                }
                Err(Failure::Unauthorized) => return Err(TelegramError::TokenRevoked),
                Err(Failure::Conflict) => {
                    let now = tokio::time::Instant::now();
                    conflicts.push_back(now);
                    while conflicts
                        .front()
                        .is_some_and(|t| now - *t > CONFLICT_WINDOW)
                    {
                        conflicts.pop_front();
                    }
                    tracing::error!(
                        "Telegram says another program is getting this bot's updates (409 \
                         Conflict): is a second copy of the bot running with this token \
                         somewhere else?"
                    );
                    if conflicts.len() >= CONFLICTS {
                        return Err(TelegramError::Conflict {
                            count: CONFLICTS,
                            secs: CONFLICT_WINDOW.as_secs(),
                        });
                    }
                    errors = errors.saturating_add(1);
                    Some(poll_backoff(errors - 1))
                }
                Err(Failure::RetryAfter(d)) => Some(d),
                Err(e) => {
                    // Only the kind of fault: an answer that could not be read may hold
                    // people's messages, and is never printed.
                    tracing::warn!("getting updates failed ({e}); trying again");
                    errors = errors.saturating_add(1);
                    Some(poll_backoff(errors - 1))
                }
            };
            if let Some(p) = pause
                && !self.stop.sleep(p).await
            {
                break;
            }
        }
        // Confirm what is stored, so that a restart does not fetch it again (the inbox would
        // skip it anyway).
        if offset > 0 {
            let params = json!({"offset": offset, "timeout": 0, "limit": 1});
            if let Err(e) = self
                .api
                .call("getUpdates", &params, Duration::from_secs(2))
                .await
            {
                tracing::info!("could not confirm the last updates to Telegram ({e})");
            }
        }
        Ok(())
    }

    /// Stores a batch and hands it to the workers. Returns the next offset and whether the
    /// batch held anything new. Until the inbox has the batch, it is not confirmed: a
    /// failing database is retried here, and Telegram keeps the updates meanwhile.
    async fn take(&self, offset: i64, batch: &[serde_json::Value]) -> (i64, bool) {
        if batch.is_empty() {
            return (offset, false);
        }
        let read: Vec<(Option<i64>, Intake)> =
            batch.iter().map(|u| incoming::read(u, self.me)).collect();
        let ids: Vec<i64> = read.iter().filter_map(|(id, _)| *id).collect();
        let (Some(&min), Some(&max)) = (ids.iter().min(), ids.iter().max()) else {
            tracing::warn!("getUpdates returned updates without ids; skipped");
            return (offset, false);
        };
        if offset > 0 && max < offset {
            tracing::warn!(
                "Telegram's update ids went backwards (asked from {offset}, got {min}–{max}); \
                 this happens after a week without updates. Going on from {min}."
            );
            if let Err(e) = inbox::blocking(self.state, inbox::forget_seen).await {
                tracing::warn!("clearing the old update ids failed: {e}");
            }
        }
        let items: Arc<Vec<(i64, incoming::Incoming)>> = read
            .into_iter()
            .filter_map(|(id, intake)| match (id, intake) {
                (Some(id), Intake::Answer(inc)) => Some((id, inc)),
                _ => None,
            })
            .collect::<Vec<_>>()
            .into();
        let added = loop {
            let batch = items.clone();
            match inbox::blocking(self.state, move |s| inbox::store(s, &batch)).await {
                Ok(added) => break added,
                Err(e) => {
                    tracing::error!(
                        "cannot write updates to the inbox ({e}); they stay unconfirmed at \
                         Telegram; trying again in 1 s"
                    );
                    if !self.stop.sleep(Duration::from_secs(1)).await {
                        return (offset, false);
                    }
                }
            }
        };
        self.workers.enqueue(&added);
        // Fresh: something new was stored, or ids moved on (updates that need no answer).
        (max + 1, !added.is_empty() || max >= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_one_two_three_seconds() {
        assert_eq!(poll_backoff(0), Duration::from_secs(1));
        assert_eq!(poll_backoff(1), Duration::from_secs(2));
        assert_eq!(poll_backoff(2), Duration::from_secs(3));
        assert_eq!(poll_backoff(50), Duration::from_secs(3));
    }
}
