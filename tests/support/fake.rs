//! A fake Telegram Bot API server on 127.0.0.1 (random port) for end-to-end tests. The bot's
//! own client talks to it over HTTP. It records every call and behaves like Telegram's
//! server where the bot's reliability depends on it:
//!
//! - `getUpdates(offset=N)` deletes every update below N (confirmation), long-polls for real,
//!   and, like the reference Bot API server, serves from the queue's head without deleting
//!   anything when N is more than 10 past the last id it gave out (an offset "in the future",
//!   which is what a bot sees after Telegram restarts its ids: [`Fake::reset_ids`]);
//! - a second `getUpdates` while one is waiting ends the first with 409 Conflict;
//! - faults per method (and chat): any status with a Bot API error or an HTML page, a reset
//!   before the answer (nothing processed), a reset half-way through the answer (processed:
//!   Telegram has the message), an answer after a delay (processed), or a request that is
//!   never answered (not processed) — see [`Fault`].
//!
//! The HTTP/1.1 server is written out here (keep-alive, Content-Length bodies) because a
//! framework cannot reset a connection half-way through an answer. The bot connects through
//! a small TCP relay in front of it, which can go away (port closed: connection refused),
//! come back on the same port, or cut every open connection.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Mutex, Notify};

use super::calls::Calls;

pub const BOT_ID: i64 = 7_000_000_001;
pub const BOT_USERNAME: &str = "widunetz_test_bot";
/// A fake token (not shaped like a real one, so no scanner mistakes it for a secret).
pub const TOKEN: &str = "4242:FAKE-token-for-tests";

/// How the fake answers one request.
#[derive(Debug, Clone)]
pub enum Fault {
    /// This HTTP status with a Bot API error (`description`, `retry_after`), or with an HTML
    /// page as proxies in front of Telegram send on 502/504. Not processed.
    Status {
        code: u16,
        html: bool,
        description: String,
        retry_after: Option<u64>,
    },
    /// The connection is reset before any answer. Not processed.
    ResetBefore,
    /// Processed (a message is delivered), then the connection is reset half-way through the
    /// answer's body.
    ResetMidBody,
    /// Processed, answered after this long (the client may have given up by then).
    Delay(Duration),
    /// Never answered and not processed; the connection is closed when the fault is cleared
    /// ([`Fake::clear_faults`]) or the server stops.
    Hang,
    /// This status and body as they are (e.g. cut-off JSON). Not processed.
    Raw { code: u16, body: String },
}

impl Fault {
    /// A Bot API error with this status and description.
    pub fn api(code: u16, description: &str) -> Fault {
        Fault::Status {
            code,
            html: false,
            description: description.into(),
            retry_after: None,
        }
    }

    /// An nginx-style HTML error page with this status.
    pub fn html(code: u16) -> Fault {
        Fault::Status {
            code,
            html: true,
            description: String::new(),
            retry_after: None,
        }
    }

    /// 429 with `retry_after`.
    pub fn retry_after(secs: u64) -> Fault {
        Fault::Status {
            code: 429,
            html: false,
            description: format!("Too Many Requests: retry after {secs}"),
            retry_after: Some(secs),
        }
    }
}

struct Rule {
    /// Lower-case method name, or `*` for any.
    method: String,
    chat: Option<i64>,
    fault: Fault,
    /// `None`: every matching request, until cleared.
    times: Option<usize>,
}

#[derive(Default)]
pub struct Fake {
    updates: Mutex<VecDeque<Value>>,
    next_update: AtomicI64,
    next_message: AtomicI64,
    pub calls: Mutex<Calls>,
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
    /// Load tests: record sendMessage as `{chat_id, text}` only, the text shortened to
    /// [`lean_text`], and skip the notifications (waiters poll [`Fake::sends`] instead).
    pub lean: AtomicBool,
    /// In lean mode: the text is recorded as the ones of these fragments it contains.
    pub lean_markers: std::sync::Mutex<Vec<String>>,
    /// getUpdates calls waiting for updates right now (long polls open).
    pub polling: AtomicUsize,
    /// Successful (processed) sendMessage calls.
    pub sends: AtomicUsize,
    /// getUpdates calls that returned at least one update.
    pub batches: AtomicUsize,
    /// getUpdates calls answered 409 because another one came in.
    pub conflicts: AtomicUsize,
    /// All getUpdates calls.
    pub polls: AtomicUsize,
    faults: std::sync::Mutex<Vec<Rule>>,
    /// Ends hanging requests.
    release: Notify,
    /// Counts getUpdates calls; a waiting one whose number is no longer the latest gets 409.
    poll_gen: AtomicU64,
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
                    if let Ok(mut server) = TcpStream::connect(backend).await
                        && tokio::io::copy_bidirectional(&mut client, &mut server)
                            .await
                            .is_err()
                    {
                        // The server reset the connection: pass the reset on.
                        reset_on_drop(&client);
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

/// Update ids of each fake server start where the last one's ended, as Telegram's go on
/// for one bot (a restarted bot must not see ids it has handled before).
static NEXT_IDS: AtomicI64 = AtomicI64::new(1_000_000);

pub async fn start() -> Server {
    let fake = Arc::new(Fake {
        next_update: AtomicI64::new(NEXT_IDS.fetch_add(1_000_000, Ordering::SeqCst)),
        next_message: AtomicI64::new(100),
        ..Default::default()
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let backend = listener.local_addr().expect("addr");
    let f = fake.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            tokio::spawn(serve_conn(f.clone(), stream));
        }
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
        let mut q = self.updates.lock().await;
        let id = self.next_update.fetch_add(1, Ordering::SeqCst);
        update["update_id"] = json!(id);
        q.push_back(update);
        drop(q);
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

    /// Telegram starts its update ids again at `next` (after a week without updates).
    pub async fn reset_ids(&self, next: i64) {
        let _q = self.updates.lock().await;
        self.next_update.store(next, Ordering::SeqCst);
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

    /// The next `times` requests of `method` (lower case, or `*`), for `chat` if given, get
    /// `fault`.
    pub fn fault(&self, method: &str, chat: Option<i64>, fault: Fault, times: usize) {
        self.add_rule(method, chat, fault, Some(times));
    }

    /// Every request of `method` (for `chat`) gets `fault` until [`Fake::clear_faults`].
    pub fn fault_always(&self, method: &str, chat: Option<i64>, fault: Fault) {
        self.add_rule(method, chat, fault, None);
    }

    fn add_rule(&self, method: &str, chat: Option<i64>, fault: Fault, times: Option<usize>) {
        self.faults.lock().expect("faults").push(Rule {
            method: method.to_lowercase(),
            chat,
            fault,
            times,
        });
    }

    /// Removes every fault and ends hanging requests (closed without an answer).
    pub fn clear_faults(&self) {
        self.faults.lock().expect("faults").clear();
        self.release.notify_waiters();
    }

    fn take_fault(&self, method: &str, chat: Option<i64>) -> Option<Fault> {
        let mut rules = self.faults.lock().expect("faults");
        let i = rules.iter().position(|r| {
            (r.method == "*" || r.method == method) && (r.chat.is_none() || r.chat == chat)
        })?;
        let fault = rules[i].fault.clone();
        if let Some(n) = rules[i].times.as_mut() {
            *n -= 1;
            if *n == 0 {
                rules.remove(i);
            }
        }
        Some(fault)
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

    /// Releases pending long polls and hanging requests so the bot can stop quickly.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.new_update.notify_waiters();
        self.release.notify_waiters();
    }

    /// Waits until `pred` holds for the recorded calls (or panics after `secs`).
    pub async fn wait_for(&self, secs: u64, what: &str, pred: impl Fn(&Calls) -> bool) -> Calls {
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
                let names: Vec<String> = calls
                    .iter()
                    .rev()
                    .take(60)
                    .map(|(m, v)| format!("{m} {v}"))
                    .collect();
                panic!(
                    "timed out waiting for {what}; last calls (newest first):\n{}",
                    names.join("\n")
                );
            }
        }
    }

    /// The calls recorded so far.
    pub async fn calls(&self) -> Calls {
        self.calls.lock().await.clone()
    }
}

/// What lean mode records instead of a text (so that the recorded calls of a load test cost
/// the test process little memory): the `markers` it contains, joined by `+`; a 64-bit hash
/// when it contains none.
pub fn lean_text(text: &str, markers: &[String]) -> String {
    let found: Vec<&str> = markers
        .iter()
        .filter(|m| text.contains(m.as_str()))
        .map(String::as_str)
        .collect();
    if !found.is_empty() {
        return found.join("+");
    }
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    format!("{:016x}", h.finish())
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

/// One answer: status and body, or what to do to the connection instead.
enum Answer {
    Http(u16, String),
    /// Answer, then reset half-way through the body.
    CutMidBody(u16, String),
    Reset,
    /// Close without answering once released.
    Hang,
}

/// Serves one connection: requests one after another (keep-alive) until it closes.
async fn serve_conn(f: Arc<Fake>, mut stream: TcpStream) {
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match stream.read_buf(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
        let len: usize = head
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.trim().parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + len {
            match stream.read_buf(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
        let body: Vec<u8> = buf[head_end..head_end + len].to_vec();
        buf.drain(..head_end + len);
        match handle(&f, &path, &body).await {
            Answer::Http(status, body) => {
                if stream.write_all(&response(status, &body)).await.is_err() {
                    return;
                }
            }
            Answer::CutMidBody(status, body) => {
                let full = response(status, &body);
                let cut = full.len() - body.len() / 2;
                let _ = stream.write_all(&full[..cut]).await;
                let _ = stream.flush().await;
                tokio::time::sleep(Duration::from_millis(20)).await;
                reset_on_drop(&stream);
                return;
            }
            Answer::Reset => {
                reset_on_drop(&stream);
                return;
            }
            Answer::Hang => {
                let released = f.release.notified();
                if !f.stopping.load(Ordering::SeqCst) {
                    let _ = tokio::time::timeout(Duration::from_secs(300), released).await;
                }
                return;
            }
        }
    }
}

/// Closing the socket then resets the connection (RST) instead of closing it cleanly.
/// (Deprecated in tokio because a non-zero linger blocks on drop; zero does not.)
#[allow(deprecated)]
fn reset_on_drop(s: &TcpStream) {
    let _ = s.set_linger(Some(Duration::ZERO));
}

fn response(status: u16, body: &str) -> Vec<u8> {
    let (reason, kind) = match status {
        200 => ("OK", "application/json"),
        s if body.starts_with('<') => (if s >= 500 { "Bad Gateway" } else { "Error" }, "text/html"),
        _ => ("Error", "application/json"),
    };
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn ok(result: Value) -> Answer {
    Answer::Http(200, json!({"ok": true, "result": result}).to_string())
}

fn api_error(code: u16, description: &str, retry_after: Option<u64>) -> Answer {
    let mut v = json!({"ok": false, "error_code": code, "description": description});
    if let Some(s) = retry_after {
        v["parameters"] = json!({"retry_after": s});
    }
    Answer::Http(code, v.to_string())
}

async fn handle(f: &Arc<Fake>, path: &str, body: &[u8]) -> Answer {
    let (bot, method) = path
        .trim_start_matches('/')
        .split_once('/')
        .unwrap_or(("", ""));
    let method = method.to_lowercase();
    let params: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let fault = f.take_fault(&method, params["chat_id"].as_i64());
    let refused = matches!(
        fault,
        Some(Fault::Status { .. } | Fault::ResetBefore | Fault::Hang | Fault::Raw { .. })
    ) || (method == "sendmessage" && f.fail_429.load(Ordering::SeqCst) > 0);
    if method != "getupdates" {
        record(f, &method, &params, refused).await;
    } else {
        f.polls.fetch_add(1, Ordering::SeqCst);
    }
    match fault {
        Some(Fault::Status {
            code,
            html,
            description,
            retry_after,
        }) => {
            if html {
                let page = format!(
                    "<html>\r\n<head><title>{code} Bad Gateway</title></head>\r\n<body>\r\n\
                     <center><h1>{code} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n\
                     </body>\r\n</html>\r\n"
                );
                return Answer::Http(code, page);
            }
            return api_error(code, &description, retry_after);
        }
        Some(Fault::ResetBefore) => return Answer::Reset,
        Some(Fault::Raw { code, body }) => return Answer::Http(code, body),
        Some(Fault::Hang) => return Answer::Hang,
        _ => {}
    }
    let answer = if bot != format!("bot{TOKEN}") {
        api_error(401, "Unauthorized", None)
    } else {
        process(f, &method, &params).await
    };
    match (fault, answer) {
        (Some(Fault::ResetMidBody), Answer::Http(s, b)) => Answer::CutMidBody(s, b),
        (Some(Fault::Delay(d)), a) => {
            tokio::time::sleep(d).await;
            a
        }
        (_, a) => a,
    }
}

async fn record(f: &Fake, method: &str, params: &Value, refused: bool) {
    let mut calls = f.calls.lock().await;
    let mut v = if method == "sendmessage" && f.lean.load(Ordering::SeqCst) {
        let text = params["text"].as_str().unwrap_or_default();
        let markers = f.lean_markers.lock().expect("markers");
        json!({"chat_id": params["chat_id"], "text": lean_text(text, &markers)})
    } else {
        params.clone()
    };
    if refused {
        v["_refused"] = json!(true);
    }
    calls.push((method.to_string(), v));
    f.call_times.lock().await.push(std::time::Instant::now());
    drop(calls);
    f.new_call.notify_waiters();
}

async fn process(f: &Arc<Fake>, method: &str, params: &Value) -> Answer {
    match method {
        "getme" => ok(json!({
            "id": BOT_ID, "is_bot": true, "first_name": "widunetz", "username": BOT_USERNAME,
            "can_join_groups": true, "can_read_all_group_messages": false, "supports_inline_queries": true,
            "can_connect_to_business": false, "has_main_web_app": false
        })),
        "getupdates" => get_updates(f, params).await,
        "sendmessage" => {
            if f.fail_429.load(Ordering::SeqCst) > 0 {
                f.fail_429.fetch_sub(1, Ordering::SeqCst);
                return api_error(429, "Too Many Requests: retry after 1", Some(1));
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
        _ => api_error(404, "Not Found: method not found", None),
    }
}

async fn get_updates(f: &Arc<Fake>, params: &Value) -> Answer {
    let my_poll = f.poll_gen.fetch_add(1, Ordering::SeqCst) + 1;
    // A poll still waiting is ended with 409 (Telegram: "terminated by other getUpdates
    // request").
    f.new_update.notify_waiters();
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
        if f.poll_gen.load(Ordering::SeqCst) != my_poll {
            f.conflicts.fetch_add(1, Ordering::SeqCst);
            return api_error(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                None,
            );
        }
        {
            let mut q = f.updates.lock().await;
            // The last id given out; an offset more than 10 past it is "in the future": the
            // reference server then serves from the head and deletes nothing.
            let last = f.next_update.load(Ordering::SeqCst) - 1;
            if offset <= last + 10 {
                // An offset confirms (deletes) every earlier update.
                q.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
            }
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
        if f.stopping.load(Ordering::SeqCst) {
            return ok(json!([]));
        }
        f.polling.fetch_add(1, Ordering::SeqCst);
        let timed_out = tokio::time::timeout_at(deadline, notified).await.is_err();
        f.polling.fetch_sub(1, Ordering::SeqCst);
        if timed_out {
            return ok(json!([]));
        }
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

/// The message `text_update_at(chat, text, lang, date)` edited at `edit_date`: Telegram
/// sends the whole message again as `edited_message`.
pub fn edited_update(
    chat: i64,
    text: &str,
    lang: Option<&str>,
    date: i64,
    edit_date: i64,
) -> Value {
    let mut u = text_update_at(chat, text, lang, date);
    let mut m = u["message"].take();
    m["edit_date"] = json!(edit_date);
    json!({ "edited_message": m })
}

/// A message in `group` that replies to an earlier message from `from` (the bot: [`BOT_ID`]).
pub fn reply_update(group: i64, text: &str, from: i64) -> Value {
    let mut u = text_update(group, text, Some("de"));
    u["message"]["reply_to_message"] = json!({
        "message_id": 50, "date": 1_700_000_000,
        "chat": {"id": group, "type": "group", "title": "Group"},
        "from": {"id": from, "is_bot": from == BOT_ID, "first_name": "Someone"},
        "text": "an earlier message"
    });
    u
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
