//! Delivery of one step of a reply ([`Outgoing`]): within Telegram's limits, retried where
//! retrying helps, never where it cannot.
//!
//! - connection errors, resets, timeouts and 5xx (also HTML error pages): retried after 0.5,
//!   1, 2, 4 … at most 30 s, until [`Policy::give_up_after`]; then logged once and dropped;
//! - 429: that chat waits `retry_after` (other chats do not);
//! - 400 "can't parse entities": sent once more as plain text;
//! - 403, "chat not found" and the like: the rest of the reply is dropped, with one WARN line;
//! - "message is not modified" (a double tap on a menu button): nothing to do;
//!   "message can't be edited": the menu is sent as a new message instead;
//! - 401: the token was revoked; the bot stops ([`Delivery::Fatal`]).
//!
//! A request that was sent when the connection broke may have reached Telegram; it is sent
//! again, so that message can arrive twice. That is the one exception to "exactly once".

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use teloxide::types::InlineKeyboardMarkup;

use super::api::{Api, Failure};
use super::error::TelegramError;
use super::format;
use super::limiter::{Limiter, Limits};

/// One request of a reply. A reply is a list of these, delivered in order; progress is
/// kept in the inbox after each, so a restart goes on with the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum Outgoing {
    /// A message: plain text of at most [`format::MAX_MESSAGE`] characters, sent HTML-escaped.
    Text {
        chat: i64,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keyboard: Option<InlineKeyboardMarkup>,
    },
    /// A menu shown in place of the message its button was on.
    Edit {
        chat: i64,
        message_id: i32,
        text: String,
        keyboard: InlineKeyboardMarkup,
    },
    /// Stops a button's spinner, with an optional short notice.
    AnswerCallback { id: String, text: Option<String> },
    /// Results of an inline query.
    AnswerInline { id: String, results: Vec<Article> },
}

/// One inline result: a title (shown bold) and a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub body: String,
}

impl Outgoing {
    /// The chat whose limits the request counts against (messages only).
    pub fn chat(&self) -> Option<i64> {
        match self {
            Outgoing::Text { chat, .. } | Outgoing::Edit { chat, .. } => Some(*chat),
            _ => None,
        }
    }

    fn method(&self) -> &'static str {
        match self {
            Outgoing::Text { .. } => "sendMessage",
            Outgoing::Edit { .. } => "editMessageText",
            Outgoing::AnswerCallback { .. } => "answerCallbackQuery",
            Outgoing::AnswerInline { .. } => "answerInlineQuery",
        }
    }

    /// The request's parameters; `html`: with HTML formatting (else plain text).
    fn params(&self, html: bool) -> Value {
        let text = |t: &str| {
            if html {
                format::escape(t)
            } else {
                t.to_string()
            }
        };
        let mut p = match self {
            Outgoing::Text {
                chat,
                text: t,
                keyboard,
            } => {
                let mut p = json!({"chat_id": chat, "text": text(t)});
                if let Some(kb) = keyboard {
                    p["reply_markup"] = serde_json::to_value(kb).unwrap_or(Value::Null);
                }
                p
            }
            Outgoing::Edit {
                chat,
                message_id,
                text: t,
                keyboard,
            } => json!({
                "chat_id": chat, "message_id": message_id, "text": text(t),
                "reply_markup": serde_json::to_value(keyboard).unwrap_or(Value::Null),
            }),
            Outgoing::AnswerCallback { id, text } => {
                let mut p = json!({"callback_query_id": id});
                if let Some(t) = text {
                    p["text"] = json!(t);
                }
                return p;
            }
            Outgoing::AnswerInline { id, results } => {
                let results: Vec<Value> = results
                    .iter()
                    .map(|a| {
                        let content = if html {
                            json!({"message_text": format!("<b>{}</b>\n\n{}",
                                format::escape(&a.title), format::escape(&a.body)),
                                "parse_mode": "HTML"})
                        } else {
                            json!({"message_text": format!("{}\n\n{}", a.title, a.body)})
                        };
                        json!({"type": "article", "id": a.id, "title": a.title,
                               "input_message_content": content})
                    })
                    .collect();
                return json!({"inline_query_id": id, "results": results});
            }
        };
        if html {
            p["parse_mode"] = json!("HTML");
        }
        p
    }
}

/// How long to keep trying.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// One request may take this long.
    pub send_timeout: Duration,
    /// A reply step that keeps failing with network or server errors is given up after this.
    pub give_up_after: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            send_timeout: Duration::from_secs(15),
            give_up_after: Duration::from_secs(5 * 60),
        }
    }
}

/// How delivering a step ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Delivered, or nothing was left to do (given up for good; logged).
    Done,
    /// The chat cannot be written to: drop the rest of this reply.
    ChatGone,
    /// The bot is stopping: not sent; the step stays in the inbox.
    Interrupted,
    /// The token was rejected: the bot must stop.
    Fatal(TelegramError),
}

/// The stop signal shared by polling, workers and delivery.
#[derive(Clone)]
pub struct Stop(Arc<tokio::sync::watch::Sender<bool>>);

impl Default for Stop {
    fn default() -> Self {
        Stop(Arc::new(tokio::sync::watch::Sender::new(false)))
    }
}

impl Stop {
    pub fn stop(&self) {
        self.0.send_replace(true);
    }

    pub fn is_stopped(&self) -> bool {
        *self.0.borrow()
    }

    /// Resolves once [`Stop::stop`] was called.
    pub async fn stopped(&self) {
        let mut rx = self.0.subscribe();
        let _ = rx.wait_for(|s| *s).await;
    }

    /// Sleeps `d`; `false` if stopped meanwhile.
    pub async fn sleep(&self, d: Duration) -> bool {
        tokio::select! {
            _ = tokio::time::sleep(d) => !self.is_stopped(),
            _ = self.stopped() => false,
        }
    }
}

/// Waits before the `n`-th retry (0-based): 0.5, 1, 2, 4, 8, 16, then 30 s.
pub fn backoff(n: u32) -> Duration {
    Duration::from_millis(500u64.saturating_mul(1 << n.min(6))).min(Duration::from_secs(30))
}

pub struct Sender {
    api: Arc<Api>,
    limiter: Limiter,
    policy: Policy,
    stop: Stop,
}

impl Sender {
    pub fn new(api: Arc<Api>, limits: Limits, policy: Policy, stop: Stop) -> Sender {
        Sender {
            api,
            limiter: Limiter::new(limits),
            policy,
            stop,
        }
    }

    /// Delivers one step (see the module comment for what is retried).
    pub async fn deliver(&self, step: &Outgoing) -> Delivery {
        let mut step = step.clone();
        let started = tokio::time::Instant::now();
        // Buttons and inline results are of no use after a few seconds (Telegram refuses
        // late answers anyway).
        let give_up = match step {
            Outgoing::AnswerCallback { .. } | Outgoing::AnswerInline { .. } => {
                self.policy.give_up_after.min(Duration::from_secs(15))
            }
            _ => self.policy.give_up_after,
        };
        let mut html = true;
        let mut retries = 0;
        loop {
            if let Some(chat) = step.chat() {
                let at = self.limiter.reserve(chat);
                if !self
                    .stop
                    .sleep(at.saturating_duration_since(tokio::time::Instant::now()))
                    .await
                {
                    return Delivery::Interrupted;
                }
            }
            if self.stop.is_stopped() {
                return Delivery::Interrupted;
            }
            let failure = match self
                .api
                .call(step.method(), &step.params(html), self.policy.send_timeout)
                .await
            {
                Ok(_) => return Delivery::Done,
                Err(f) => f,
            };
            match failure {
                Failure::RetryAfter(wait) => {
                    if started.elapsed() >= give_up {
                        tracing::warn!(
                            "a reply could not be delivered for {} s (Telegram kept asking to \
                             wait) and is given up",
                            give_up.as_secs()
                        );
                        return Delivery::Done;
                    }
                    tracing::info!("Telegram asks to wait {wait:?} before writing to a chat");
                    match step.chat() {
                        Some(chat) => self.limiter.hold(chat, wait),
                        None => {
                            if !self.stop.sleep(wait).await {
                                return Delivery::Interrupted;
                            }
                        }
                    }
                    continue;
                }
                Failure::Unauthorized => {
                    return Delivery::Fatal(TelegramError::TokenRevoked);
                }
                f if f.is_transient() => {
                    if started.elapsed() >= give_up {
                        tracing::warn!(
                            "a reply could not be delivered for {} s and is given up ({f})",
                            give_up.as_secs()
                        );
                        return Delivery::Done;
                    }
                    tracing::debug!("{} failed ({f}); trying again", step.method());
                    let wait = backoff(retries);
                    retries += 1;
                    if !self.stop.sleep(wait).await {
                        return Delivery::Interrupted;
                    }
                }
                f if f.is_bad_entities() && html => {
                    tracing::warn!(
                        "Telegram rejected the reply's HTML ({f}); sending it as plain text"
                    );
                    html = false;
                }
                f if f.is_not_modified() => return Delivery::Done,
                f if f.is_cannot_edit() => {
                    if let Outgoing::Edit {
                        chat,
                        text,
                        keyboard,
                        ..
                    } = step
                    {
                        step = Outgoing::Text {
                            chat,
                            text,
                            keyboard: Some(keyboard),
                        };
                        continue;
                    }
                    return Delivery::Done;
                }
                f if f.is_chat_gone() && step.chat().is_some() => {
                    // No chat id in the log: it would identify the person.
                    tracing::warn!("a chat cannot be written to ({f}); its reply is dropped");
                    return Delivery::ChatGone;
                }
                f => {
                    // Late button or inline answers ("query is too old") end here, as does
                    // anything else Telegram refuses for good: retrying cannot help.
                    let level_info = matches!(
                        step,
                        Outgoing::AnswerCallback { .. } | Outgoing::AnswerInline { .. }
                    );
                    if level_info {
                        tracing::info!("{} refused ({f}); skipped", step.method());
                    } else {
                        tracing::warn!("{} refused ({f}); skipped", step.method());
                    }
                    return Delivery::Done;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// README "Retries where they help": 15 s per request, given up after 5 minutes.
    #[test]
    fn the_documented_timeout_and_give_up_time_are_the_defaults() {
        let p = Policy::default();
        assert_eq!(p.send_timeout, Duration::from_secs(15));
        assert_eq!(p.give_up_after, Duration::from_secs(300));
    }

    #[test]
    fn backoff_starts_within_a_second_and_is_capped() {
        assert_eq!(backoff(0), Duration::from_millis(500));
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(5), Duration::from_secs(16));
        assert_eq!(backoff(6), Duration::from_secs(30));
        assert_eq!(backoff(1000), Duration::from_secs(30));
    }

    #[test]
    fn plain_text_fallback_has_no_markup() {
        let step = Outgoing::Text {
            chat: 5,
            text: "Integration & Vielfalt <b>".into(),
            keyboard: None,
        };
        let html = step.params(true);
        assert_eq!(html["text"], "Integration &amp; Vielfalt &lt;b&gt;");
        assert_eq!(html["parse_mode"], "HTML");
        let plain = step.params(false);
        assert_eq!(plain["text"], "Integration & Vielfalt <b>");
        assert!(plain.get("parse_mode").is_none());
        let inline = Outgoing::AnswerInline {
            id: "q".into(),
            results: vec![Article {
                id: "a:de".into(),
                title: "T & U".into(),
                body: "B".into(),
            }],
        };
        let p = inline.params(false);
        let content = &p["results"][0]["input_message_content"];
        assert_eq!(content["message_text"], "T & U\n\nB");
        assert!(content.get("parse_mode").is_none());
        assert_eq!(
            inline.params(true)["results"][0]["input_message_content"]["message_text"],
            "<b>T &amp; U</b>\n\nB"
        );
    }

    #[test]
    fn steps_survive_the_inbox() {
        let step = Outgoing::Edit {
            chat: -3,
            message_id: 9,
            text: "x".into(),
            keyboard: InlineKeyboardMarkup::new(vec![vec![
                teloxide::types::InlineKeyboardButton::callback("a", "t"),
            ]]),
        };
        let json = serde_json::to_string(&step).expect("ser");
        assert_eq!(serde_json::from_str::<Outgoing>(&json).expect("de"), step);
    }
}
