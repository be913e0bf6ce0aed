//! Telegram's sending limits, per chat: at most one message a second to a chat, 20 a minute
//! to a group, 30 a second overall; and a 429's `retry_after` holds back only the chat it
//! came for.
//!
//! teloxide's `Throttle` does the first three, but a 429 freezes *every* chat for the whole
//! `retry_after` (measured: 29 s for all chats because one chat got `retry_after: 30`).
//! Here each chat has its own next free moment; the overall limit is a slot every 1/30 s.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Sending limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Least time between two messages to one chat.
    pub per_chat: Duration,
    /// Most messages to one group (negative chat id) within a minute.
    pub per_group_minute: usize,
    /// Most messages per second over all chats.
    pub overall_per_sec: u32,
}

impl Limits {
    /// Telegram's documented limits.
    pub const TELEGRAM: Limits = Limits {
        per_chat: Duration::from_secs(1),
        per_group_minute: 20,
        overall_per_sec: 30,
    };

    /// No limits (load tests and benchmarks against a local fake server only).
    pub const NONE: Limits = Limits {
        per_chat: Duration::ZERO,
        per_group_minute: usize::MAX,
        overall_per_sec: 0,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::TELEGRAM
    }
}

#[derive(Default)]
struct Chat {
    /// Earliest moment for the next message (per-chat spacing or a 429).
    next: Option<Instant>,
    /// Times of the last messages to a group, oldest first (at most `per_group_minute`).
    recent: std::collections::VecDeque<Instant>,
}

struct Inner {
    chats: HashMap<i64, Chat>,
    /// Overall: time is cut into slots of 1/`overall_per_sec` s from `base`; each message
    /// takes a free slot (a message due later does not hold up one due now).
    base: Instant,
    slots: std::collections::BTreeSet<u64>,
    /// Forget chats without pending limits when the map grows beyond this.
    prune_at: usize,
}

pub struct Limiter {
    limits: Limits,
    inner: Mutex<Inner>,
}

const MINUTE: Duration = Duration::from_secs(60);

impl Limiter {
    pub fn new(limits: Limits) -> Limiter {
        Limiter {
            limits,
            inner: Mutex::new(Inner {
                chats: HashMap::new(),
                base: Instant::now(),
                slots: std::collections::BTreeSet::new(),
                prune_at: 1024,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Reserves the moment at which a message to `chat` may go out, and returns it. One
    /// message per chat is sent at a time (one worker per chat), so the chat's own limits
    /// are decided here; the overall slot is taken in the same step.
    pub fn reserve(&self, chat: i64) -> Instant {
        let now = Instant::now();
        let lim = self.limits;
        let mut g = self.lock();
        let inner = &mut *g;
        let c = inner.chats.entry(chat).or_default();
        let mut at = c.next.map_or(now, |n| n.max(now));
        if chat < 0
            && c.recent.len() >= lim.per_group_minute
            && let Some(oldest) = c.recent.front()
        {
            at = at.max(*oldest + MINUTE);
        }
        if lim.overall_per_sec > 0 {
            let step = u64::try_from((Duration::from_secs(1) / lim.overall_per_sec).as_nanos())
                .unwrap_or(u64::MAX)
                .max(1);
            let nanos = |t: Instant| {
                u64::try_from(t.saturating_duration_since(inner.base).as_nanos())
                    .unwrap_or(u64::MAX)
            };
            let mut k = nanos(at).div_ceil(step);
            while inner.slots.contains(&k) {
                k += 1;
            }
            inner.slots.insert(k);
            at = inner.base + Duration::from_nanos(k.saturating_mul(step));
            // Slots in the past are of no interest any more.
            inner.slots = inner.slots.split_off(&(nanos(now) / step));
        }
        c.next = Some(at + lim.per_chat);
        if chat < 0 && lim.per_group_minute != usize::MAX {
            c.recent.push_back(at);
            while c.recent.len() > lim.per_group_minute {
                c.recent.pop_front();
            }
        }
        if inner.chats.len() > inner.prune_at {
            inner.chats.retain(|_, c| {
                c.next.is_some_and(|n| n > now)
                    || c.recent.back().is_some_and(|t| *t + MINUTE > now)
            });
            inner.prune_at = (inner.chats.len() * 2).max(1024);
        }
        at
    }

    /// Telegram said 429 for `chat`: nothing goes to it before `wait` has passed.
    pub fn hold(&self, chat: i64, wait: Duration) {
        let until = Instant::now() + wait;
        let mut g = self.lock();
        let c = g.chats.entry(chat).or_default();
        c.next = Some(c.next.map_or(until, |n| n.max(until)));
    }

    /// How many chats are remembered (memory stays bounded).
    pub fn tracked_chats(&self) -> usize {
        self.lock().chats.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_chat_per_second_others_unaffected() {
        let l = Limiter::new(Limits::TELEGRAM);
        let t0 = Instant::now();
        let a1 = l.reserve(1);
        let a2 = l.reserve(1);
        let b1 = l.reserve(2);
        assert!(a1 < t0 + Duration::from_millis(100));
        assert!(a2 >= t0 + Duration::from_secs(1), "chat 1 waits a second");
        assert!(
            b1 < t0 + Duration::from_millis(100),
            "chat 2 does not wait for chat 1"
        );
    }

    #[test]
    fn a_429_holds_back_only_its_chat() {
        let l = Limiter::new(Limits::TELEGRAM);
        let t0 = Instant::now();
        l.hold(7, Duration::from_secs(30));
        assert!(l.reserve(7) >= t0 + Duration::from_secs(30));
        assert!(l.reserve(8) < t0 + Duration::from_millis(100));
    }

    #[test]
    fn thirty_a_second_overall_and_twenty_a_minute_per_group() {
        let l = Limiter::new(Limits::TELEGRAM);
        let t0 = Instant::now();
        let slots: Vec<Instant> = (0..60).map(|c| l.reserve(c + 100)).collect();
        let in_first_second = slots
            .iter()
            .filter(|t| **t < t0 + Duration::from_secs(1))
            .count();
        assert_eq!(in_first_second, 30);
        let group: Vec<Instant> = (0..21).map(|_| l.reserve(-5)).collect();
        assert!(
            group[20] >= group[0] + MINUTE,
            "the 21st waits for the minute"
        );
    }

    #[test]
    fn no_limits_means_no_waiting() {
        let l = Limiter::new(Limits::NONE);
        let t0 = Instant::now();
        for _ in 0..1000 {
            assert!(l.reserve(-1) < t0 + Duration::from_millis(500));
        }
    }
}
