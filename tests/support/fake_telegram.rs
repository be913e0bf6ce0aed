//! A fake Telegram Bot API server on 127.0.0.1 (random port) for end-to-end tests.
//! The real teloxide client talks to it over HTTP. It records every call, long-polls
//! `getUpdates` for real, and can be told to answer `sendMessage` with a 429 once.
//!
//! Faults: the bot connects through a small TCP relay in front of the server, which can
//! go away (port closed: connection refused) and come back on the same port, or cut every
//! open connection (a dropped connection mid-request); `getUpdates` can be slowed down, and
//! raw (malformed) updates can be queued.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
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
    /// Each getUpdates answer is delayed by this many milliseconds.
    pub slow_get_updates_ms: AtomicU64,
    /// Load tests: record sendMessage as `{chat_id, text}` only and skip the notifications
    /// (waiters poll [`Fake::sends`] instead).
    pub lean: AtomicBool,
    /// Successful sendMessage calls.
    pub sends: AtomicUsize,
    /// getUpdates calls that returned at least one update.
    pub batches: AtomicUsize,
}

pub struct Server {
    pub fake: Arc<Fake>,
    pub url: String,
    relay: Relay,
}

/// The TCP relay between the bot and the fake server.
struct Relay {
    addr: SocketAddr,
    backend: SocketAddr,
    accept: std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
    conns: Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl Relay {
    fn spawn_accept(&self, listener: tokio::net::TcpListener) {
        let backend = self.backend;
        let conns = self.conns.clone();
        let task = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let conn = tokio::spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(backend).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                let mut c = conns.lock().expect("conns");
                c.retain(|h| !h.is_finished());
                c.push(conn.abort_handle());
            }
        });
        *self.accept.lock().expect("accept") = Some(task);
    }

    fn cut_connections(&self) {
        for h in self.conns.lock().expect("conns").drain(..) {
            h.abort();
        }
    }
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
    let backend = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let front = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = front.local_addr().expect("addr");
    let relay = Relay {
        addr,
        backend,
        accept: std::sync::Mutex::new(None),
        conns: Arc::new(std::sync::Mutex::new(Vec::new())),
    };
    relay.spawn_accept(front);
    Server {
        fake,
        url: format!("http://{addr}/"),
        relay,
    }
}

impl Server {
    /// The server becomes unreachable: its port is closed (connection refused) and every
    /// open connection is cut.
    pub fn go_down(&self) {
        if let Some(t) = self.relay.accept.lock().expect("accept").take() {
            t.abort();
        }
        self.relay.cut_connections();
    }

    /// The server listens again on the same port.
    pub async fn come_back(&self) {
        let mut tries = 0;
        let listener = loop {
            match tokio::net::TcpListener::bind(self.relay.addr).await {
                Ok(l) => break l,
                Err(e) => {
                    tries += 1;
                    assert!(tries < 100, "could not rebind {}: {e}", self.relay.addr);
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        };
        self.relay.spawn_accept(listener);
    }

    /// Cuts every open connection (in-flight requests see the connection drop).
    pub fn drop_connections(&self) {
        self.relay.cut_connections();
    }

    pub fn addr(&self) -> SocketAddr {
        self.relay.addr
    }
}

impl Fake {
    /// Queues an update (its `update_id` is filled in) and returns its id.
    pub async fn push(&self, mut update: Value) -> i64 {
        let id = self.next_update.fetch_add(1, Ordering::SeqCst);
        update["update_id"] = json!(id);
        self.updates.lock().await.push_back(update);
        self.new_update.notify_waiters();
        id
    }

    /// Queues many updates at once.
    pub async fn push_all(&self, updates: Vec<Value>) {
        let mut q = self.updates.lock().await;
        for mut u in updates {
            let id = self.next_update.fetch_add(1, Ordering::SeqCst);
            u["update_id"] = json!(id);
            q.push_back(u);
        }
        drop(q);
        self.new_update.notify_waiters();
    }

    /// Chats of the updates not yet confirmed by the bot.
    pub async fn pending_chats(&self) -> Vec<i64> {
        self.updates
            .lock()
            .await
            .iter()
            .filter_map(|u| u["message"]["chat"]["id"].as_i64())
            .collect()
    }

    /// Updates not yet confirmed by the bot (a getUpdates offset past them).
    pub async fn pending(&self) -> usize {
        self.updates.lock().await.len()
    }

    /// Waits until `n` sendMessage calls succeeded (polling; for load tests).
    pub async fn wait_sends(&self, n: usize, secs: u64) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        while self.sends.load(Ordering::SeqCst) < n {
            assert!(
                tokio::time::Instant::now() < deadline,
                "timed out: {} of {n} messages sent",
                self.sends.load(Ordering::SeqCst)
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
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

/// What lean mode records instead of a text: a 64-bit hash (so that the recorded calls of a
/// load test cost the test process little memory).
pub fn lean_text(text: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    format!("{:016x}", h.finish())
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
    let lean = f.lean.load(Ordering::SeqCst);
    if method != "getupdates" {
        let mut calls = f.calls.lock().await;
        if method == "sendmessage" && lean {
            let text = params["text"].as_str().unwrap_or_default();
            let small = json!({"chat_id": params["chat_id"], "text": lean_text(text)});
            calls.push((method.clone(), small));
        } else {
            calls.push((method.clone(), params.clone()));
        }
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
            let limit = params["limit"].as_u64().unwrap_or(100).clamp(1, 100) as usize;
            let timeout = params["timeout"].as_u64().unwrap_or(0).min(30);
            let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
            let slow = f.slow_get_updates_ms.load(Ordering::SeqCst);
            if slow > 0 {
                tokio::time::sleep(Duration::from_millis(slow)).await;
            }
            loop {
                let notified = f.new_update.notified();
                {
                    let mut q = f.updates.lock().await;
                    // Like Telegram: an offset confirms (deletes) every earlier update.
                    q.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
                    if !q.is_empty() {
                        f.batches.fetch_add(1, Ordering::SeqCst);
                        let now = std::time::Instant::now();
                        let mut delivered = f.delivered.lock().await;
                        for u in q.iter().take(limit) {
                            delivered
                                .entry(u["update_id"].as_i64().unwrap_or(0))
                                .or_insert(now);
                        }
                        return ok(Value::Array(q.iter().take(limit).cloned().collect()));
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
            f.sends.fetch_add(1, Ordering::SeqCst);
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

/// Now, in Unix seconds (Telegram stamps each message with the time it was sent).
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(1_700_000_000)
}

/// Update builders.
pub fn text_update(chat: i64, text: &str, lang: Option<&str>) -> Value {
    text_update_at(chat, text, lang, now())
}

/// A text message sent at `date` (Unix seconds).
pub fn text_update_at(chat: i64, text: &str, lang: Option<&str>, date: i64) -> Value {
    let mut from = json!({"id": chat.abs(), "is_bot": false, "first_name": "User"});
    if let Some(l) = lang {
        from["language_code"] = json!(l);
    }
    let chat_json = if chat > 0 {
        json!({"id": chat, "type": "private", "first_name": "User"})
    } else {
        json!({"id": chat, "type": "group", "title": "Group"})
    };
    json!({"message": {"message_id": 1, "date": date, "chat": chat_json, "from": from, "text": text}})
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

/// An update teloxide cannot read: a message whose fields have the wrong types.
pub fn malformed_update(chat: i64) -> Value {
    json!({"message": {"message_id": "not a number", "date": "yesterday",
        "chat": {"id": chat, "type": "no such chat type"}, "text": 42}})
}
