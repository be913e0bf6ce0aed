//! A fake Telegram Bot API server on 127.0.0.1 (random port) for end-to-end tests.
//! The real teloxide client talks to it over HTTP. It records every call, long-polls
//! `getUpdates` for real, and can be told to answer `sendMessage` with a 429 once.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Json;
use serde_json::{Value, json};
use tokio::sync::{Mutex, Notify};

pub const BOT_ID: i64 = 7_000_000_001;
pub const BOT_USERNAME: &str = "widunetz_test_bot";
/// A fake token (not shaped like a real one, so no scanner mistakes it for a secret).
pub const TOKEN: &str = "4242:FAKE-token-for-tests";

#[derive(Default)]
pub struct Fake {
    updates: Mutex<VecDeque<Value>>,
    next_update: AtomicI64,
    next_message: AtomicI64,
    pub calls: Mutex<Vec<(String, Value)>>,
    /// Arrival time of each recorded call, in the order of `calls` (for benches/bot_throughput.rs).
    pub call_times: Mutex<Vec<std::time::Instant>>,
    /// When getUpdates first handed out each update (update_id → time), for the same bench.
    pub delivered: Mutex<std::collections::HashMap<i64, std::time::Instant>>,
    new_call: Notify,
    new_update: Notify,
    stopping: AtomicBool,
    /// Number of upcoming sendMessage calls to refuse with 429 retry_after=1.
    pub fail_429: AtomicUsize,
}

pub struct Server {
    pub fake: Arc<Fake>,
    pub url: String,
}

pub async fn start() -> Server {
    let fake = Arc::new(Fake {
        next_update: AtomicI64::new(1),
        next_message: AtomicI64::new(100),
        ..Default::default()
    });
    let app = Router::new()
        .route("/{bot}/{method}", axum::routing::post(handle).get(handle))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Server {
        fake,
        url: format!("http://{addr}/"),
    }
}

impl Fake {
    /// Queues an update (its `update_id` is filled in).
    pub async fn push(&self, mut update: Value) {
        let id = self.next_update.fetch_add(1, Ordering::SeqCst);
        update["update_id"] = json!(id);
        self.updates.lock().await.push_back(update);
        self.new_update.notify_waiters();
    }

    /// Releases pending long polls so the bot can stop quickly.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.new_update.notify_waiters();
    }

    /// Waits until `pred` holds for the recorded calls (or panics after `secs`).
    pub async fn wait_for(
        &self,
        secs: u64,
        what: &str,
        pred: impl Fn(&[(String, Value)]) -> bool,
    ) -> Vec<(String, Value)> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let notified = self.new_call.notified();
            {
                let calls = self.calls.lock().await;
                if pred(&calls) {
                    return calls.clone();
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let calls = self.calls.lock().await;
                let names: Vec<String> = calls.iter().map(|(m, v)| format!("{m} {v}")).collect();
                panic!(
                    "timed out waiting for {what}; calls so far:\n{}",
                    names.join("\n")
                );
            }
        }
    }

    pub async fn sent_texts(&self, chat: i64) -> Vec<String> {
        self.calls
            .lock()
            .await
            .iter()
            .filter(|(m, v)| m == "sendmessage" && v["chat_id"] == json!(chat))
            .map(|(_, v)| v["text"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

/// The text fields of a multipart/form-data body (teloxide sends setWebhook that way).
fn form_fields(body: &[u8]) -> Value {
    let text = String::from_utf8_lossy(body);
    let mut out = serde_json::Map::new();
    for part in text
        .split("Content-Disposition: form-data; name=\"")
        .skip(1)
    {
        let Some((name, rest)) = part.split_once('"') else {
            continue;
        };
        let Some((_, value)) = rest.split_once("\r\n\r\n") else {
            continue;
        };
        let value = value.split("\r\n--").next().unwrap_or("").to_string();
        out.insert(name.to_string(), Value::String(value));
    }
    Value::Object(out)
}

fn message_json(id: i64, chat_id: &Value, text: &Value, markup: &Value) -> Value {
    let cid = chat_id.as_i64().unwrap_or(0);
    let chat = if cid > 0 {
        json!({"id": cid, "type": "private", "first_name": "Test"})
    } else {
        json!({"id": cid, "type": "group", "title": "Test group"})
    };
    let mut m = json!({
        "message_id": id, "date": 1_700_000_000, "chat": chat,
        "from": {"id": BOT_ID, "is_bot": true, "first_name": "widunetz", "username": BOT_USERNAME},
        "text": text.as_str().unwrap_or_default(),
    });
    if markup.is_object() {
        m["reply_markup"] = markup.clone();
    }
    m
}

async fn handle(
    Path((bot, method)): Path<(String, String)>,
    State(f): State<Arc<Fake>>,
    body: Bytes,
) -> Json<Value> {
    let method = method.to_lowercase();
    let params: Value = serde_json::from_slice(&body).unwrap_or_else(|_| form_fields(&body));
    if bot != format!("bot{TOKEN}") {
        return Json(json!({"ok": false, "error_code": 401, "description": "Unauthorized"}));
    }
    if method != "getupdates" {
        let mut calls = f.calls.lock().await;
        calls.push((method.clone(), params.clone()));
        f.call_times.lock().await.push(std::time::Instant::now());
        drop(calls);
        f.new_call.notify_waiters();
    }
    let ok = |result: Value| Json(json!({"ok": true, "result": result}));
    match method.as_str() {
        "getme" => ok(json!({
            "id": BOT_ID, "is_bot": true, "first_name": "widunetz", "username": BOT_USERNAME,
            "can_join_groups": true, "can_read_all_group_messages": false, "supports_inline_queries": true,
            "can_connect_to_business": false, "has_main_web_app": false
        })),
        "getupdates" => {
            let offset = params["offset"].as_i64().unwrap_or(0);
            let timeout = params["timeout"].as_u64().unwrap_or(0).min(30);
            let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
            loop {
                let notified = f.new_update.notified();
                {
                    let mut q = f.updates.lock().await;
                    q.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
                    if !q.is_empty() {
                        let now = std::time::Instant::now();
                        let mut delivered = f.delivered.lock().await;
                        for u in q.iter() {
                            delivered
                                .entry(u["update_id"].as_i64().unwrap_or(0))
                                .or_insert(now);
                        }
                        return ok(Value::Array(q.iter().cloned().collect()));
                    }
                }
                if f.stopping.load(Ordering::SeqCst)
                    || tokio::time::timeout_at(deadline, notified).await.is_err()
                {
                    return ok(json!([]));
                }
            }
        }
        "sendmessage" => {
            if f.fail_429.load(Ordering::SeqCst) > 0 {
                f.fail_429.fetch_sub(1, Ordering::SeqCst);
                return Json(json!({"ok": false, "error_code": 429,
                    "description": "Too Many Requests: retry after 1", "parameters": {"retry_after": 1}}));
            }
            let id = f.next_message.fetch_add(1, Ordering::SeqCst);
            ok(message_json(
                id,
                &params["chat_id"],
                &params["text"],
                &params["reply_markup"],
            ))
        }
        "editmessagetext" => {
            let id = params["message_id"].as_i64().unwrap_or(1);
            ok(message_json(
                id,
                &params["chat_id"],
                &params["text"],
                &params["reply_markup"],
            ))
        }
        "editmessagereplymarkup"
        | "setwebhook"
        | "answercallbackquery"
        | "answerinlinequery"
        | "setmycommands"
        | "deletewebhook" => ok(json!(true)),
        "getwebhookinfo" => {
            ok(json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0}))
        }
        _ => Json(
            json!({"ok": false, "error_code": 404, "description": "Not Found: method not found"}),
        ),
    }
}

/// Update builders.
pub fn text_update(chat: i64, text: &str, lang: Option<&str>) -> Value {
    let mut from = json!({"id": chat.abs(), "is_bot": false, "first_name": "User"});
    if let Some(l) = lang {
        from["language_code"] = json!(l);
    }
    let chat_json = if chat > 0 {
        json!({"id": chat, "type": "private", "first_name": "User"})
    } else {
        json!({"id": chat, "type": "group", "title": "Group"})
    };
    json!({"message": {"message_id": 1, "date": 1_700_000_000, "chat": chat_json, "from": from, "text": text}})
}

pub fn sticker_update(chat: i64) -> Value {
    json!({"message": {"message_id": 2, "date": 1_700_000_000,
        "chat": {"id": chat, "type": "private", "first_name": "User"},
        "from": {"id": chat, "is_bot": false, "first_name": "User"},
        "sticker": {"file_id": "f", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512,
                    "is_animated": false, "is_video": false}}})
}

pub fn callback_update(chat: i64, data: &str, lang: Option<&str>) -> Value {
    let mut from = json!({"id": chat, "is_bot": false, "first_name": "User"});
    if let Some(l) = lang {
        from["language_code"] = json!(l);
    }
    json!({"callback_query": {"id": format!("cb{}", data.len()), "from": from, "chat_instance": "ci",
        "data": data,
        "message": {"message_id": 100, "date": 1_700_000_000,
                    "chat": {"id": chat, "type": "private", "first_name": "User"},
                    "from": {"id": BOT_ID, "is_bot": true, "first_name": "widunetz"}, "text": "x"}}})
}

pub fn inline_update(user: i64, query: &str, lang: &str) -> Value {
    json!({"inline_query": {"id": "iq1", "from": {"id": user, "is_bot": false, "first_name": "User",
        "language_code": lang}, "query": query, "offset": ""}})
}
