//! What a conversation remembers between two messages of a chat, in memory only: the
//! buttons of the last list (so that a typed number picks from it) and the language of the
//! last question (for menus). Never written to disk; `/forget` deletes it; a chat quiet for
//! [`KEEP`] is forgotten (checked with every update, at most once a minute); at most
//! [`MAX_CHATS`] chats are remembered, the least recently active are dropped first. A
//! restart forgets everything.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::ChatKey;
use super::action::Action;
use crate::ids::LangCode;

/// Chats remembered at once. A forgotten chat only loses "a number picks from the last
/// list" until its next list; 10,000 short lists are a few megabytes at most.
pub const MAX_CHATS: usize = 10_000;

/// How long a chat's last list and language are kept after its last message: long enough
/// for a conversation with pauses, short enough that nothing about a chat lingers.
pub const KEEP: Duration = Duration::from_secs(24 * 60 * 60);

/// Expired chats are looked for at most this often.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recent {
    /// The actions of the last buttons shown, in reading order.
    pub list: Vec<Action>,
    /// The language the last question was answered in.
    pub lang: Option<LangCode>,
}

pub struct ChatMemory {
    inner: Mutex<Inner>,
    keep: Duration,
}

struct Inner {
    /// Per chat: when it was last active, and what is remembered.
    chats: HashMap<ChatKey, (Instant, Recent)>,
    swept: Instant,
}

impl Default for ChatMemory {
    fn default() -> Self {
        ChatMemory::keeping(KEEP)
    }
}

impl ChatMemory {
    /// A memory that forgets a chat `keep` after its last activity.
    pub fn keeping(keep: Duration) -> ChatMemory {
        ChatMemory {
            inner: Mutex::new(Inner {
                chats: HashMap::new(),
                swept: Instant::now(),
            }),
            keep,
        }
    }

    pub fn get(&self, chat: ChatKey) -> Recent {
        self.get_at(chat, Instant::now())
    }

    /// Changes what is remembered about `chat`.
    pub fn update(&self, chat: ChatKey, f: impl FnOnce(&mut Recent)) {
        self.update_at(chat, Instant::now(), f)
    }

    fn get_at(&self, chat: ChatKey, now: Instant) -> Recent {
        self.with(|i| match i.chats.get(&chat) {
            Some((at, r)) if now.saturating_duration_since(*at) < self.keep => r.clone(),
            _ => Recent::default(),
        })
    }

    fn update_at(&self, chat: ChatKey, now: Instant, f: impl FnOnce(&mut Recent)) {
        self.with(|i| {
            if now.saturating_duration_since(i.swept) >= SWEEP_EVERY.min(self.keep) {
                i.swept = now;
                i.chats
                    .retain(|_, (at, _)| now.saturating_duration_since(*at) < self.keep);
            }
            let entry = i
                .chats
                .entry(chat)
                .or_insert_with(|| (now, Recent::default()));
            if now.saturating_duration_since(entry.0) >= self.keep {
                entry.1 = Recent::default();
            }
            entry.0 = now;
            f(&mut entry.1);
            if i.chats.len() > MAX_CHATS {
                // Rare (only when full), and a scan of MAX_CHATS entries is cheap.
                if let Some(oldest) = i.chats.iter().min_by_key(|(_, c)| c.0).map(|(k, _)| *k) {
                    i.chats.remove(&oldest);
                }
            }
        });
    }

    /// Ends the chat's list without creating an entry for a chat not remembered.
    pub fn clear_list(&self, chat: ChatKey) {
        self.with(|i| {
            if let Some(c) = i.chats.get_mut(&chat) {
                c.1.list.clear();
            }
        });
    }

    pub fn forget(&self, chat: ChatKey) {
        self.with(|i| i.chats.remove(&chat));
    }

    /// Chats remembered now (expired ones included until the next sweep).
    pub fn len(&self) -> usize {
        self.with(|i| i.chats.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        // A panic cannot leave the map inconsistent; use what is there.
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_and_forgets_the_least_recent_chat() {
        let m = ChatMemory::default();
        for c in 0..MAX_CHATS as i64 + 5 {
            m.update(ChatKey(c), |r| r.list = vec![Action::Topics]);
            // Chat 0 stays active, so it is never the oldest.
            m.update(ChatKey(0), |_| {});
        }
        assert_eq!(m.len(), MAX_CHATS);
        assert_eq!(m.get(ChatKey(0)).list, vec![Action::Topics]);
        assert_eq!(m.get(ChatKey(1)), Recent::default(), "dropped first");
        m.forget(ChatKey(0));
        assert_eq!(m.get(ChatKey(0)), Recent::default());
    }

    #[test]
    fn a_quiet_chat_is_forgotten_after_the_keeping_time() {
        let keep = Duration::from_secs(1000);
        let m = ChatMemory::keeping(keep);
        let t0 = Instant::now();
        let (a, b) = (ChatKey(1), ChatKey(2));
        m.update_at(a, t0, |r| r.list = vec![Action::Topics]);
        m.update_at(b, t0, |r| r.list = vec![Action::Topics]);
        let later = t0 + Duration::from_secs(999);
        assert_eq!(m.get_at(a, later).list, vec![Action::Topics], "still kept");
        // Chat b writes again just in time: its clock starts again.
        m.update_at(b, later, |_| {});
        let expired = t0 + keep;
        assert_eq!(
            m.get_at(a, expired),
            Recent::default(),
            "expired on reading"
        );
        assert_eq!(m.get_at(b, expired).list, vec![Action::Topics]);
        // A later update sweeps the expired chat out of memory altogether.
        m.update_at(ChatKey(3), expired + SWEEP_EVERY, |_| {});
        assert_eq!(m.len(), 2, "chat a is gone, b and the new one remain");
        // An expired chat that writes again starts from nothing.
        m.update_at(a, expired + SWEEP_EVERY, |_| {});
        assert_eq!(m.get_at(a, expired + SWEEP_EVERY), Recent::default());
    }
}
