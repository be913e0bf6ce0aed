//! Per-chat flood control: a chat that sends messages far faster than a person types gets one
//! polite notice and is then ignored for a while; other chats are not affected.
//!
//! Counting uses the message's own `date` (set by Telegram's servers when the message was
//! sent), not the time the bot gets to it. So a backlog delivered at once after an outage or
//! a restart is not mistaken for a flood, and a flood is recognised even while the chat's
//! earlier messages are still being answered. The check is a few map operations under a
//! short lock; it never waits, so it cannot hold up the workers.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// How much is too much.
#[derive(Debug, Clone, Copy)]
pub struct FloodLimits {
    /// More than this many messages of one chat within [`Self::window_secs`] is a flood.
    pub max_messages: usize,
    pub window_secs: i64,
    /// After the notice, the chat's messages are ignored for this long (seconds).
    pub mute_secs: i64,
}

impl Default for FloodLimits {
    /// 15 messages in 10 seconds: more than anyone types, enough for someone pasting a few
    /// lines or tapping quickly. One minute of quiet afterwards.
    fn default() -> Self {
        FloodLimits {
            max_messages: 15,
            window_secs: 10,
            mute_secs: 60,
        }
    }
}

/// What to do with one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Answer it as usual.
    Answer,
    /// The chat just went over the limit: send the flood notice (once), do not answer.
    Notify,
    /// The chat is muted: no reply at all.
    Ignore,
}

#[derive(Default)]
struct Chat {
    /// Dates (Unix seconds) of the chat's recent messages, oldest first.
    recent: VecDeque<i64>,
    muted_until: Option<i64>,
    last: i64,
}

struct Inner {
    chats: HashMap<i64, Chat>,
    /// The newest message date seen: the clock for forgetting quiet chats.
    newest: i64,
    /// Forget quiet chats when the map grows beyond this (doubles with the live chats).
    prune_at: usize,
}

/// Keeps the memory bounded: chats quiet for longer than the window and the mute are dropped.
const MIN_PRUNE_AT: usize = 1024;

pub struct FloodGuard {
    limits: FloodLimits,
    inner: Mutex<Inner>,
}

impl FloodGuard {
    pub fn new(limits: FloodLimits) -> Self {
        FloodGuard {
            limits,
            inner: Mutex::new(Inner {
                chats: HashMap::new(),
                newest: i64::MIN,
                prune_at: MIN_PRUNE_AT,
            }),
        }
    }

    /// Records a message of `chat` sent at `date` (Unix seconds) and says what to do with it.
    pub fn check(&self, chat: i64, date: i64) -> Verdict {
        let lim = self.limits;
        // A poisoned lock means a panic elsewhere mid-update; the counts are still usable.
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.newest = inner.newest.max(date);
        let c = inner.chats.entry(chat).or_default();
        c.last = c.last.max(date);
        if let Some(until) = c.muted_until {
            if date < until {
                return Verdict::Ignore;
            }
            c.muted_until = None;
            c.recent.clear();
        }
        while c
            .recent
            .front()
            .is_some_and(|&t| t <= date - lim.window_secs)
        {
            c.recent.pop_front();
        }
        c.recent.push_back(date);
        let verdict = if c.recent.len() > lim.max_messages {
            c.recent.clear();
            c.muted_until = Some(date.saturating_add(lim.mute_secs));
            Verdict::Notify
        } else {
            Verdict::Answer
        };
        if inner.chats.len() > inner.prune_at {
            let horizon = inner.newest.saturating_sub(lim.window_secs + lim.mute_secs);
            inner
                .chats
                .retain(|_, c| c.last >= horizon || c.muted_until.is_some_and(|u| u > horizon));
            inner.prune_at = (inner.chats.len() * 2).max(MIN_PRUNE_AT);
        }
        verdict
    }

    /// How many chats are remembered (to check that memory stays bounded).
    pub fn tracked_chats(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .chats
            .len()
    }
}

impl Default for FloodGuard {
    fn default() -> Self {
        FloodGuard::new(FloodLimits::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundred_in_a_second_gets_one_notice_then_silence() {
        let g = FloodGuard::default();
        let verdicts: Vec<Verdict> = (0..100).map(|_| g.check(1, 1000)).collect();
        let answered = verdicts.iter().filter(|v| **v == Verdict::Answer).count();
        let notices = verdicts.iter().filter(|v| **v == Verdict::Notify).count();
        assert_eq!(answered, 15);
        assert_eq!(notices, 1);
        assert_eq!(verdicts[15], Verdict::Notify);
        // Another chat is not affected.
        assert_eq!(g.check(2, 1000), Verdict::Answer);
        // Still muted 59 s later, answered again after the minute.
        assert_eq!(g.check(1, 1059), Verdict::Ignore);
        assert_eq!(g.check(1, 1060), Verdict::Answer);
    }

    #[test]
    fn steady_typing_is_never_limited() {
        let g = FloodGuard::default();
        for i in 0..500 {
            assert_eq!(g.check(7, 1000 + i), Verdict::Answer, "message {i}");
        }
    }

    #[test]
    fn a_backlog_sent_over_time_is_not_a_flood() {
        // Twenty messages written over two minutes, delivered together after an outage.
        let g = FloodGuard::default();
        for i in 0..20 {
            assert_eq!(g.check(3, 1000 + i * 6), Verdict::Answer);
        }
    }

    #[test]
    fn quiet_chats_are_forgotten() {
        let g = FloodGuard::default();
        for chat in 0..10_000 {
            g.check(chat, 1000);
        }
        // Much later, new chats arrive; the old ones are dropped as the map grows
        // (without forgetting, 30,000 would be remembered).
        for chat in 10_000..30_000 {
            g.check(chat, 5000);
        }
        assert!(g.tracked_chats() <= 20_000, "{}", g.tracked_chats());
    }
}
