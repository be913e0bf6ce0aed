//! A typed view of the Bot API calls the bot made, as the fake server recorded them: what
//! was sent to a chat and with which buttons, what the pop-up over a pressed button said.
//! The one place tests read recorded calls, so each test says what it checks, not how calls
//! are stored.

use std::ops::{Deref, DerefMut};

use serde_json::{Value, json};

/// Every call in order: the method name in lower case, and its parameters.
#[derive(Debug, Clone, Default)]
pub struct Calls(pub Vec<(String, Value)>);

/// One `sendMessage` or `editMessageText` as the bot sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub text: String,
    /// The inline keyboard, row by row: (label, callback data).
    pub buttons: Vec<Vec<(String, String)>>,
    /// Sent with HTML formatting (else as plain text).
    pub html: bool,
    /// The fake refused it (a fault): the person never saw it.
    pub refused: bool,
}

impl Sent {
    fn from(v: &Value) -> Sent {
        let buttons = v["reply_markup"]["inline_keyboard"]
            .as_array()
            .map(|rows| {
                rows.iter()
                    .map(|row| {
                        row.as_array()
                            .map(|bs| {
                                bs.iter()
                                    .map(|b| {
                                        (
                                            b["text"].as_str().unwrap_or_default().to_string(),
                                            b["callback_data"]
                                                .as_str()
                                                .unwrap_or_default()
                                                .to_string(),
                                        )
                                    })
                                    .collect()
                            })
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        Sent {
            text: v["text"].as_str().unwrap_or_default().to_string(),
            buttons,
            html: v["parse_mode"] == "HTML",
            refused: v.get("_refused").is_some(),
        }
    }

    /// Every button's callback data, in reading order.
    pub fn data(&self) -> Vec<&str> {
        self.buttons
            .iter()
            .flatten()
            .map(|b| b.1.as_str())
            .collect()
    }

    /// Every button's label, in reading order.
    pub fn labels(&self) -> Vec<&str> {
        self.buttons
            .iter()
            .flatten()
            .map(|b| b.0.as_str())
            .collect()
    }
}

impl Calls {
    /// How many calls of `method` (lower case) were made.
    pub fn count(&self, method: &str) -> usize {
        self.iter().filter(|(m, _)| m == method).count()
    }

    /// The parameters of each call of `method`, in order.
    pub fn of<'a>(&'a self, method: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
        self.iter()
            .filter(move |(m, _)| m == method)
            .map(|(_, v)| v)
    }

    fn to_chat<'a>(&'a self, method: &'a str, chat: i64) -> impl Iterator<Item = Sent> + 'a {
        self.of(method)
            .filter(move |v| v["chat_id"] == json!(chat))
            .map(Sent::from)
    }

    /// Every `sendMessage` to `chat` (every attempt, also refused ones), in order.
    pub fn messages_to(&self, chat: i64) -> Vec<Sent> {
        self.to_chat("sendmessage", chat).collect()
    }

    /// The texts of [`Calls::messages_to`].
    pub fn texts_to(&self, chat: i64) -> Vec<String> {
        self.to_chat("sendmessage", chat).map(|s| s.text).collect()
    }

    /// The texts the fake accepted for `chat`: what the person saw.
    pub fn delivered_to(&self, chat: i64) -> Vec<String> {
        self.to_chat("sendmessage", chat)
            .filter(|s| !s.refused)
            .map(|s| s.text)
            .collect()
    }

    /// Did a message to `chat` contain `needle`?
    pub fn has_text(&self, chat: i64, needle: &str) -> bool {
        self.to_chat("sendmessage", chat)
            .any(|s| s.text.contains(needle))
    }

    /// The first message to `chat` that contains `needle`.
    pub fn message_with(&self, chat: i64, needle: &str) -> Option<Sent> {
        self.to_chat("sendmessage", chat)
            .find(|s| s.text.contains(needle))
    }

    /// Every `editMessageText` in `chat` (menus shown in place of a message).
    pub fn edits_in(&self, chat: i64) -> Vec<Sent> {
        self.to_chat("editmessagetext", chat).collect()
    }

    /// The pop-up texts of the answered button presses, in order (`None`: no pop-up).
    pub fn popups(&self) -> Vec<Option<String>> {
        self.of("answercallbackquery")
            .map(|v| v["text"].as_str().map(str::to_string))
            .collect()
    }
}

impl Deref for Calls {
    type Target = Vec<(String, Value)>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for Calls {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}
