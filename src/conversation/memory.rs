//! What a conversation remembers between two messages of a chat, in memory only: the
//! buttons of the last list (so that a typed number picks from it) and the language of the
//! last question (for menus). Never written to disk; `/forget` deletes it; at most
//! [`MAX_CHATS`] chats are remembered, the least recently active are dropped first.

use std::collections::HashMap;
use std::sync::Mutex;

use super::ChatKey;
use super::action::Action;
use crate::ids::LangCode;

/// Chats remembered at once. A forgotten chat only loses "a number picks from the last
/// list" until its next list; 10,000 short lists are a few megabytes at most.
pub const MAX_CHATS: usize = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recent {
    /// The actions of the last buttons shown, in reading order.
    pub list: Vec<Action>,
    /// The language the last question was answered in.
    pub lang: Option<LangCode>,
}

#[derive(Default)]
pub struct ChatMemory {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    chats: HashMap<ChatKey, (u64, Recent)>,
    tick: u64,
}

impl ChatMemory {
    pub fn get(&self, chat: ChatKey) -> Recent {
        self.with(|i| i.chats.get(&chat).map(|c| c.1.clone()).unwrap_or_default())
    }

    /// Changes what is remembered about `chat`.
    pub fn update(&self, chat: ChatKey, f: impl FnOnce(&mut Recent)) {
        self.with(|i| {
            i.tick += 1;
            let tick = i.tick;
            let entry = i.chats.entry(chat).or_default();
            entry.0 = tick;
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
}
