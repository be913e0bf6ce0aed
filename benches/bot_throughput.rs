//! Bot throughput: the real bot (inbox, per-chat workers, its own Bot API client; without
//! Telegram's sending limits, cargo feature `unthrottled`) against the fake Bot API server of
//! the tests, on loopback.
//!
//! `cargo bench --features unthrottled --bench bot_throughput [-- --chats 1000 --questions 10
//!  --rate 2000]`
//!
//! 1. Saturation: all chats × questions updates are queued at once; updates/s = updates /
//!    time until the last reply arrived.
//! 2. Latency at a paced load (`--rate` updates/s): per update, the time from getUpdates
//!    handing it to the bot to the bot's sendMessage arriving at the fake server.
//!
//! The fake server, the bot and the load generator share the machine's cores.

#[path = "../tests/support/mod.rs"]
mod support;

use support::fake;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use widunetz_bot::live::Live;
use widunetz_bot::store::Store;
use widunetz_bot::{Engine, telegram};

// The binary's allocator (src/main.rs), so that what is measured is what runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3
}

/// Sends every update of `plan` (chat, question, language), paced at `rate` per second
/// (0 = all at once), waits for one reply per update and returns (elapsed, latencies, extra
/// or missing replies).
async fn run_phase(
    f: &fake::Fake,
    plan: &[(i64, String, String)],
    rate: u64,
    sent_per_chat: &mut HashMap<i64, i64>,
) -> Result<(Duration, Vec<Duration>, i64), BoxError> {
    let before = f.calls.lock().await.len();
    let first_id = f.delivered.lock().await.keys().max().copied().unwrap_or(0) + 1;
    let started = Instant::now();
    let mut sent_at_chat: HashMap<i64, Vec<i64>> = HashMap::new();
    for (i, (chat, q, lang)) in plan.iter().enumerate() {
        if rate > 0 {
            let due = started + Duration::from_secs_f64(i as f64 / rate as f64);
            tokio::time::sleep_until(due.into()).await;
        }
        // Message dates 20 s apart per chat, as a person asking 10 questions writes them: the
        // flood guard counts by message date, and the fake's updates all carry one date.
        let n = sent_per_chat.entry(*chat).or_insert(0);
        let mut update = fake::text_update(*chat, q, Some(lang));
        update["message"]["date"] = serde_json::json!(1_700_000_000 + 20 * *n);
        *n += 1;
        f.push(update).await;
        sent_at_chat
            .entry(*chat)
            .or_default()
            .push(first_id + i as i64);
    }
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let n = f.calls.lock().await.len() - before;
        if n >= plan.len() {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!("only {n} of {} replies after 120 s", plan.len()).into());
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let elapsed = started.elapsed();
    // Replies per chat in arrival order; a chat's updates are handled in order, one reply each.
    let calls = f.calls.lock().await;
    let times = f.call_times.lock().await;
    let delivered = f.delivered.lock().await;
    let mut replies: HashMap<i64, Vec<Instant>> = HashMap::new();
    for ((m, v), t) in calls.iter().zip(times.iter()).skip(before) {
        if m == "sendmessage" {
            let chat = v["chat_id"].as_i64().unwrap_or(0);
            replies.entry(chat).or_default().push(*t);
        }
    }
    let mut lat = Vec::with_capacity(plan.len());
    let mut mismatch = 0i64;
    for (chat, ids) in &sent_at_chat {
        let got = replies.get(chat).map_or(&[][..], Vec::as_slice);
        mismatch += (got.len() as i64 - ids.len() as i64).abs();
        for (id, reply) in ids.iter().zip(got) {
            if let Some(d) = delivered.get(id) {
                lat.push(reply.saturating_duration_since(*d));
            }
        }
    }
    lat.sort();
    Ok((elapsed, lat, mismatch))
}

fn questions(root: &Path) -> Result<Vec<(String, String)>, BoxError> {
    let cases = widunetz_bot::eval::load_cases(&root.join("tests/eval/holdout.toml"))?;
    Ok(cases
        .into_iter()
        .map(|c| (c.question, c.lang))
        .filter(|(q, _)| !q.starts_with('/'))
        .collect())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str, default: u64| -> Result<u64, BoxError> {
        match args.iter().position(|a| a == name) {
            Some(i) => Ok(args.get(i + 1).ok_or("missing value")?.parse()?),
            None => Ok(default),
        }
    };
    let chats = opt("--chats", 1_000)? as i64;
    let per_chat = opt("--questions", 10)? as usize;
    let rate = opt("--rate", 2_000)?;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let qs = questions(&root)?;

    let server = fake::start().await;
    let data = tempfile::tempdir()?;
    let engine = Engine::load_strict(&root.join("faq"), &root.join("locales"))?;
    let live = Arc::new(Live::new(engine));
    let store = Store::open(data.path())?;
    let bot = telegram::make_bot(fake::TOKEN.to_string(), Some(&server.url))?;
    let state = Arc::new(telegram::State::new(live, store));
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(async move {
        telegram::run_with(bot, state, None, async {
            let _ = stop_rx.await;
        })
        .await
    });
    let f = server.fake.clone();
    f.wait_for(20, "setMyCommands", |c| {
        c.iter().filter(|(m, _)| m == "setmycommands").count() >= 5
    })
    .await;

    // Question k of every chat, then question k + 1: all chats are busy at once.
    let plan = |offset: usize| -> Vec<(i64, String, String)> {
        let mut p = Vec::new();
        for k in 0..per_chat {
            for c in 0..chats {
                let (q, lang) = &qs[(offset + k * chats as usize + c as usize) % qs.len()];
                p.push((10_000 + c, q.clone(), lang.clone()));
            }
        }
        p
    };
    // Warm-up: one question per chat (first contact, store rows created).
    let warm: Vec<_> = plan(7).into_iter().take(chats as usize).collect();
    let mut sent_per_chat = HashMap::new();
    run_phase(&f, &warm, 0, &mut sent_per_chat).await?;

    let all = plan(0);
    let (el, lat, mm) = run_phase(&f, &all, 0, &mut sent_per_chat).await?;
    println!(
        "saturation: {} updates from {chats} chats in {:.2} s = {:.0} updates/s; \
         delivered→reply p50 {:.1} ms, p99 {:.1} ms (queueing included); reply count off by {mm}",
        all.len(),
        el.as_secs_f64(),
        all.len() as f64 / el.as_secs_f64(),
        pct(&lat, 0.5),
        pct(&lat, 0.99),
    );
    let paced = plan(3);
    let (el, lat, mm) = run_phase(&f, &paced, rate, &mut sent_per_chat).await?;
    println!(
        "paced at {rate}/s: {} updates in {:.2} s = {:.0} updates/s; \
         delivered→reply p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; reply count off by {mm}",
        paced.len(),
        el.as_secs_f64(),
        paced.len() as f64 / el.as_secs_f64(),
        pct(&lat, 0.5),
        pct(&lat, 0.99),
        pct(&lat, 1.0),
    );
    let _ = stop_tx.send(());
    f.stop();
    let _ = tokio::time::timeout(Duration::from_secs(20), handle).await;
    Ok(())
}
