//! What the bot keeps of an update until it is answered: only what the answer needs.
//!
//! An update from Telegram carries names, user names, user ids and more. The inbox stores an
//! [`Incoming`] instead: the chat, the text meant for the bot (mention removed), the user's
//! Telegram language and the message date (for the flood guard); for a button, its data and
//! the message it was on; for an inline query, its text. Group messages not meant for the bot
//! are not stored at all.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use teloxide::types::{Update, UpdateKind, UserId};

use super::addressing;

/// The bot itself (from getMe): needed to see which group messages are for it.
#[derive(Debug, Clone)]
pub struct Me {
    pub id: UserId,
    pub username: String,
}

impl Me {
    /// From getMe's result.
    pub fn from_json(v: &Value) -> Option<Me> {
        Some(Me {
            id: UserId(v["id"].as_u64()?),
            username: v["username"].as_str()?.to_string(),
        })
    }
}

/// An update to answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Incoming {
    /// A message (new or edited). `text`: what it says to the bot; `None`: no text (a
    /// sticker, a photo …), private chats only.
    Message {
        chat: i64,
        private: bool,
        /// When it was sent (Unix seconds; the edit's time for an edited message).
        date: i64,
        text: Option<String>,
        user_lang: Option<String>,
    },
    /// A tap on one of the bot's buttons.
    Callback {
        id: String,
        chat: i64,
        /// When the bot received it (Unix seconds): taps carry no date of their own, and the
        /// flood guard must count a burst of taps as one even when they wait in the inbox.
        #[serde(default)]
        date: i64,
        user_lang: Option<String>,
        data: String,
        /// The message the button was on (to show a menu in its place).
        message_id: Option<i32>,
    },
    /// An inline query (`@bot question` in any chat).
    Inline {
        id: String,
        user: i64,
        user_lang: Option<String>,
        query: String,
    },
}

impl Incoming {
    /// The chat whose updates are answered in order, one at a time.
    pub fn chat_key(&self) -> i64 {
        match self {
            Incoming::Message { chat, .. } | Incoming::Callback { chat, .. } => *chat,
            Incoming::Inline { user, .. } => *user,
        }
    }
}

/// What to do with one raw update.
#[derive(Debug, PartialEq)]
pub enum Intake {
    /// Answer it.
    Answer(Incoming),
    /// Nothing to answer (not for the bot, or a kind the bot does not handle).
    Skip,
}

/// Reads one update of getUpdates or a webhook: its id (if it has one) and what to do.
/// An update that cannot be read is logged without its content and skipped.
pub fn read(raw: &Value, me: &Me) -> (Option<i64>, Intake) {
    let id = raw["update_id"].as_i64();
    // From text, not from the `Value`: teloxide's update reader needs borrowable keys.
    let text = raw.to_string();
    let update = match serde_json::from_str::<Update>(&text) {
        Ok(u) if !matches!(u.kind, UpdateKind::Error(_)) => u,
        _ => {
            // The content may be anyone's message: only its shape is logged.
            let kind = raw
                .as_object()
                .and_then(|o| o.keys().find(|k| *k != "update_id").cloned())
                .unwrap_or_else(|| "?".into());
            let size = text.len();
            tracing::warn!(
                "Cannot parse an update (id {id:?}, kind {kind:?}, {size} bytes); skipped \
                 (its content is not logged)"
            );
            return (id, Intake::Skip);
        }
    };
    (id, from_update(update, me))
}

fn from_update(update: Update, me: &Me) -> Intake {
    let lang = |u: Option<&teloxide::types::User>| u.and_then(|u| u.language_code.clone());
    match update.kind {
        UpdateKind::Message(msg) | UpdateKind::EditedMessage(msg) => {
            let private = msg.chat.is_private();
            let text = addressing::addressed_text(&msg, &me.username, me.id);
            if text.is_none() && (!private || msg.text().is_some()) {
                return Intake::Skip;
            }
            Intake::Answer(Incoming::Message {
                chat: msg.chat.id.0,
                private,
                date: msg.edit_date().unwrap_or(&msg.date).timestamp(),
                text,
                user_lang: lang(msg.from.as_ref()),
            })
        }
        UpdateKind::CallbackQuery(q) => {
            let (chat, message_id) = match &q.message {
                Some(m) => (m.chat().id.0, Some(m.id().0)),
                None => (i64::try_from(q.from.id.0).unwrap_or(i64::MAX), None),
            };
            Intake::Answer(Incoming::Callback {
                id: q.id.0.clone(),
                chat,
                date: now(),
                user_lang: q.from.language_code.clone(),
                data: q.data.clone().unwrap_or_default(),
                message_id,
            })
        }
        UpdateKind::InlineQuery(q) => Intake::Answer(Incoming::Inline {
            id: q.id.0.clone(),
            user: i64::try_from(q.from.id.0).unwrap_or(i64::MAX),
            user_lang: q.from.language_code.clone(),
            query: q.query.clone(),
        }),
        _ => Intake::Skip,
    }
}

/// Now, in Unix seconds.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn me() -> Me {
        Me {
            id: UserId(77),
            username: "widunetz_bot".into(),
        }
    }

    fn message(chat: i64, text: &str) -> Value {
        let chat_json = if chat > 0 {
            json!({"id": chat, "type": "private", "first_name": "Ayşe"})
        } else {
            json!({"id": chat, "type": "group", "title": "Gruppe"})
        };
        json!({"update_id": 5, "message": {"message_id": 1, "date": 1_700_000_000,
            "chat": chat_json, "from": {"id": chat.abs(), "is_bot": false, "first_name": "Ayşe",
            "username": "ayse_k", "language_code": "tr"}, "text": text}})
    }

    #[test]
    fn keeps_only_what_the_answer_needs() {
        let (id, intake) = read(&message(42, "Merhaba"), &me());
        assert_eq!(id, Some(5));
        let Intake::Answer(inc) = intake else {
            panic!("answered")
        };
        let stored = serde_json::to_string(&inc).expect("json");
        assert!(
            !stored.contains("Ayşe") && !stored.contains("ayse_k"),
            "{stored}"
        );
        assert_eq!(
            inc,
            Incoming::Message {
                chat: 42,
                private: true,
                date: 1_700_000_000,
                text: Some("Merhaba".into()),
                user_lang: Some("tr".into()),
            }
        );
    }

    #[test]
    fn group_messages_not_for_the_bot_are_not_kept() {
        assert_eq!(read(&message(-9, "hallo zusammen"), &me()).1, Intake::Skip);
        let (_, intake) = read(&message(-9, "İletişim @widunetz_bot"), &me());
        assert!(
            matches!(intake, Intake::Answer(Incoming::Message { text: Some(ref t), .. }) if t == "İletişim"),
            "{intake:?}"
        );
    }

    #[test]
    fn unreadable_updates_are_skipped_with_their_id() {
        let bad = json!({"update_id": 9, "message": {"message_id": "x", "text": 42}});
        assert_eq!(read(&bad, &me()), (Some(9), Intake::Skip));
        let unknown = json!({"update_id": 10, "message_reaction": {"chat": {}}});
        assert_eq!(read(&unknown, &me()).0, Some(10));
    }
}
