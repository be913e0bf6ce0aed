//! A small Bot API client: one JSON request per call, and every way a call can fail sorted
//! into what the caller can do about it ([`Failure`]).
//!
//! Not teloxide's request path, because that one sleeps 10 s on every 5xx before it reports
//! it, and reports an HTML error page from a proxy (what Telegram's edge sends on 502/504)
//! only as "invalid JSON". Here a failure is known at once and by its kind, so that delivery
//! (`send`) can retry within a second and polling can tell a revoked token from a dead network.
//!
//! The token is part of every URL; no URL is ever printed (`reqwest::Error::without_url`).

use std::time::Duration;

use serde_json::{Value, json};

use super::error::TelegramError;

/// How a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer from Telegram: connection refused or reset, timeout, or the answer was cut
    /// off. The request may or may not have reached Telegram.
    Network(String),
    /// Telegram (or a proxy in front of it) failed: 5xx, or an answer that is not the Bot
    /// API's JSON (an HTML error page).
    Server { status: u16 },
    /// 429: wait this long before the next message to this chat.
    RetryAfter(Duration),
    /// 401: the token is not (or no longer) valid.
    Unauthorized,
    /// 409: another program takes this bot's updates (getUpdates elsewhere, or a webhook).
    Conflict,
    /// Any other refusal, with Telegram's code and description (e.g. 400 "Bad Request: can't
    /// parse entities", 403 "Forbidden: bot was blocked by the user").
    Refused { code: u16, description: String },
}

impl Failure {
    /// Worth trying again (after a pause): the fault is Telegram's or the network's.
    pub fn is_transient(&self) -> bool {
        matches!(self, Failure::Network(_) | Failure::Server { .. })
    }

    fn description(&self) -> &str {
        match self {
            Failure::Refused { description, .. } => description,
            _ => "",
        }
    }

    fn says(&self, what: &str) -> bool {
        self.description().to_ascii_lowercase().contains(what)
    }

    /// 400 "can't parse entities": the HTML was rejected (send it again as plain text).
    pub fn is_bad_entities(&self) -> bool {
        self.says("can't parse entities") || self.says("can't find end of")
    }

    /// 400 "message is not modified": the edit would change nothing (a double tap).
    pub fn is_not_modified(&self) -> bool {
        self.says("message is not modified")
    }

    /// The message to edit cannot be edited (too old, deleted, not the bot's).
    pub fn is_cannot_edit(&self) -> bool {
        self.says("message can't be edited") || self.says("message to edit not found")
    }

    /// The chat cannot be written to: the user blocked the bot or deleted the account, the
    /// bot was removed from the group, or the chat does not exist.
    pub fn is_chat_gone(&self) -> bool {
        matches!(self, Failure::Refused { code: 403, .. })
            || self.says("chat not found")
            || self.says("user is deactivated")
            || self.says("bot was kicked")
            || self.says("have no rights to send")
            || self.says("not enough rights")
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Network(d) => write!(f, "network error: {d}"),
            Failure::Server { status } => {
                write!(
                    f,
                    "Telegram failed (HTTP {status}, no usable Bot API answer)"
                )
            }
            Failure::RetryAfter(d) => write!(f, "too many requests; retry after {d:?}"),
            Failure::Unauthorized => write!(f, "401 Unauthorized: the token was rejected"),
            Failure::Conflict => write!(
                f,
                "409 Conflict: another program is getting this bot's updates"
            ),
            Failure::Refused { code, description } => write!(f, "{code}: {description}"),
        }
    }
}

/// The client for one bot token.
pub struct Api {
    client: reqwest::Client,
    base: url::Url,
    token: String,
}

/// Telegram's own server; `TELOXIDE_API_URL` points elsewhere (a local Bot API server, or
/// the tests' fake one).
const DEFAULT_URL: &str = "https://api.telegram.org/";

impl Api {
    pub fn new(token: String, api_url: Option<&str>) -> Result<Api, TelegramError> {
        let bad_url = || TelegramError::BadApiUrl(api_url.unwrap_or_default().to_string());
        let mut base: url::Url = api_url
            .unwrap_or(DEFAULT_URL)
            .parse()
            .map_err(|_| bad_url())?;
        if base.cannot_be_a_base() {
            return Err(bad_url());
        }
        if !base.path().ends_with('/') {
            let p = format!("{}/", base.path());
            base.set_path(&p);
        }
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .tcp_nodelay(true)
            .build()
            .map_err(|e| TelegramError::HttpClient(e.without_url().to_string()))?;
        Ok(Api {
            client,
            base,
            token,
        })
    }

    /// Calls `method` with JSON `params`; `Ok` is the `result` field of Telegram's answer.
    /// `timeout` bounds the whole call.
    pub async fn call(
        &self,
        method: &str,
        params: &Value,
        timeout: Duration,
    ) -> Result<Value, Failure> {
        // Not `Url::join`: a token's colon would make "bot123:…" look like a URL scheme.
        let mut url = self.base.clone();
        url.set_path(&format!("{}bot{}/{method}", self.base.path(), self.token));
        let resp = self
            .client
            .post(url)
            .json(params)
            .timeout(timeout)
            .send()
            .await
            .map_err(network)?;
        let status = resp.status().as_u16();
        let body = resp.bytes().await.map_err(network)?;
        parse_answer(status, &body)
    }
}

/// A reqwest error without its URL (which holds the token), by kind.
fn network(e: reqwest::Error) -> Failure {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else if e.is_body() || e.is_decode() {
        "answer cut off"
    } else {
        "connection failed"
    };
    let e = e.without_url();
    // The innermost cause names the actual fault (reset, refused, …).
    let mut cause: &dyn std::error::Error = &e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    Failure::Network(format!("{kind} ({cause})"))
}

/// Telegram's answer `{"ok": …, "result" | "error_code", "description", "parameters"}`.
fn parse_answer(status: u16, body: &[u8]) -> Result<Value, Failure> {
    let Ok(v) = serde_json::from_slice::<Value>(body) else {
        // An HTML page from a proxy, or a cut-off body: never shown (it may hold anything).
        return Err(if status == 401 {
            Failure::Unauthorized
        } else if (200..300).contains(&status) || status >= 500 {
            Failure::Server { status }
        } else {
            Failure::Refused {
                code: status,
                description: format!("HTTP {status} without a Bot API answer"),
            }
        });
    };
    if v["ok"] == json!(true) {
        return Ok(v.get("result").cloned().unwrap_or(Value::Null));
    }
    let code = v["error_code"]
        .as_u64()
        .and_then(|c| u16::try_from(c).ok())
        .unwrap_or(status);
    let description = v["description"].as_str().unwrap_or("").to_string();
    if let Some(s) = v["parameters"]["retry_after"].as_u64() {
        return Err(Failure::RetryAfter(Duration::from_secs(s.max(1))));
    }
    Err(match code {
        401 => Failure::Unauthorized,
        409 => Failure::Conflict,
        429 => Failure::RetryAfter(Duration::from_secs(5)),
        c if c >= 500 => Failure::Server { status: c },
        _ => Failure::Refused { code, description },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_sorted_by_what_can_be_done() {
        assert_eq!(
            parse_answer(200, br#"{"ok":true,"result":{"message_id":5}}"#),
            Ok(json!({"message_id": 5}))
        );
        let html = b"<html><body><h1>502 Bad Gateway</h1></body></html>";
        assert_eq!(
            parse_answer(502, html),
            Err(Failure::Server { status: 502 })
        );
        assert!(parse_answer(504, html).unwrap_err().is_transient());
        assert_eq!(
            parse_answer(200, br#"{"ok":true,"result":[{"upd"#),
            Err(Failure::Server { status: 200 }),
            "a cut-off answer"
        );
        assert_eq!(
            parse_answer(
                429,
                br#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#
            ),
            Err(Failure::RetryAfter(Duration::from_secs(7)))
        );
        assert_eq!(
            parse_answer(
                401,
                br#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#
            ),
            Err(Failure::Unauthorized)
        );
        assert_eq!(
            parse_answer(409, br#"{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"}"#),
            Err(Failure::Conflict)
        );
        let blocked = parse_answer(
            403,
            br#"{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"#,
        )
        .unwrap_err();
        assert!(blocked.is_chat_gone() && !blocked.is_transient());
        let entities = parse_answer(
            400,
            br#"{"ok":false,"error_code":400,"description":"Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3"}"#,
        )
        .unwrap_err();
        assert!(entities.is_bad_entities() && !entities.is_chat_gone());
        let same = parse_answer(
            400,
            br#"{"ok":false,"error_code":400,"description":"Bad Request: message is not modified: specified new message content and reply markup are exactly the same"}"#,
        )
        .unwrap_err();
        assert!(same.is_not_modified());
        let gone = parse_answer(
            400,
            br#"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#,
        )
        .unwrap_err();
        assert!(gone.is_chat_gone());
        assert_eq!(
            parse_answer(
                500,
                br#"{"ok":false,"error_code":500,"description":"Internal Server Error"}"#
            ),
            Err(Failure::Server { status: 500 })
        );
    }

    #[test]
    fn the_token_is_never_in_an_error() {
        let api = Api::new("123:secret-part".into(), Some("http://127.0.0.1:9/")).expect("api");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("rt");
        let e = rt
            .block_on(api.call("getMe", &json!({}), Duration::from_secs(2)))
            .unwrap_err();
        assert!(matches!(e, Failure::Network(_)), "{e:?}");
        let text = format!("{e} {e:?}");
        assert!(!text.contains("secret-part"), "{text}");
    }
}
