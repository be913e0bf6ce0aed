//! Scale benchmark: synthetic knowledge bases (shipped content, 1k, 10k, 100k entries × 4
//! languages × 5 variants), measured through the real loading path, side by side with
//! RapidFuzz on the same variants and queries (benches/rapidfuzz_bench.py, same run).
//!
//! `cargo bench --bench scale` (options after `--`, see BENCHMARKS.md):
//!   --sizes shipped,1k,10k,100k   --queries 2000   --out target/bench   --no-rapidfuzz
//!
//! Each size runs in a child process of this binary, so peak RSS per size is clean.

#[path = "synth/mod.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use widunetz_bot::Engine;
use widunetz_bot::content::Faq;
use widunetz_bot::l10n::L10n;

// The binary's allocator (src/main.rs), so that what is measured is what runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

type BoxError = Box<dyn std::error::Error>;

fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = opt("--out").map_or_else(|| root.join("target/bench"), PathBuf::from);
    let queries: usize = opt("--queries").map_or(Ok(2_000), |s| s.parse())?;
    if let Some(size) = opt("--child") {
        return child(&root, &out, &size, queries);
    }
    let sizes = opt("--sizes").unwrap_or_else(|| "shipped,1k,10k,100k".to_string());
    std::fs::create_dir_all(&out)?;
    let exe = std::env::current_exe()?;
    let mut lines = Vec::new();
    for size in sizes.split(',') {
        eprintln!("== {size}: generating, loading, querying (child process)");
        let o = Command::new(&exe)
            .args(["--child", size, "--queries", &queries.to_string(), "--out"])
            .arg(&out)
            .stderr(std::process::Stdio::inherit())
            .output()?;
        if !o.status.success() {
            return Err(format!("size {size} failed: {}", o.status).into());
        }
        let line = String::from_utf8(o.stdout)?;
        eprintln!("{}", line.trim());
        lines.push(line.trim().to_string());
    }
    let ours = out.join("ours.jsonl");
    std::fs::write(&ours, lines.join("\n") + "\n")?;
    if args.iter().any(|a| a == "--no-rapidfuzz") {
        return Ok(());
    }
    eprintln!("== RapidFuzz on the same variants and queries, table and plot");
    let status = Command::new("python3")
        .arg(root.join("benches/rapidfuzz_bench.py"))
        .arg("--out")
        .arg(&out)
        .arg("--svg")
        .arg(root.join("benches/latency.svg"))
        .status()?;
    if !status.success() {
        return Err(format!("rapidfuzz_bench.py failed: {status}").into());
    }
    Ok(())
}

fn parse_size(size: &str) -> Result<Option<usize>, BoxError> {
    if size == "shipped" {
        return Ok(None);
    }
    let (num, mul) = match size.strip_suffix('k') {
        Some(n) => (n, 1_000),
        None => (size, 1),
    };
    Ok(Some(num.parse::<usize>()? * mul))
}

/// VmRSS and VmHWM (peak) of this process in MiB.
fn rss_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e6
}

fn child(root: &Path, out: &Path, size: &str, nq: usize) -> Result<(), BoxError> {
    let dir = out.join(size);
    std::fs::create_dir_all(&dir)?;
    let mut gen_s = 0.0;
    let (faq_dir, loc_dir) = match parse_size(size)? {
        None => (root.join("faq"), root.join("locales")),
        Some(n) => {
            let kb = dir.join("kb");
            if kb.exists() {
                std::fs::remove_dir_all(&kb)?;
            }
            let t = Instant::now();
            synth::write(&kb, n, root)?;
            gen_s = t.elapsed().as_secs_f64();
            (kb.join("faq"), kb.join("locales"))
        }
    };
    let (rss_before, _) = rss_mib();
    // The same steps as Engine::load, timed apart: parsing the files vs building the index.
    let t = Instant::now();
    let (faq, mut problems) = Faq::load(&faq_dir)?;
    let (l10n, p2) = L10n::load(&loc_dir)?;
    problems.extend(p2);
    let load_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (rss_loaded, _) = rss_mib();
    let engine = Engine::new(faq, l10n);
    let build_s = t.elapsed().as_secs_f64();
    let (rss_built, hwm_built) = rss_mib();

    // Variants (what RapidFuzz chooses from) and labelled queries, exported for Python.
    let mut variants = String::new();
    let mut pool: Vec<(usize, &str, &str)> = Vec::new();
    for (i, e) in engine.faq().entries.iter().enumerate() {
        for (lang, qs) in &e.questions {
            for q in qs {
                variants.push_str(&format!(
                    "{{\"id\":{},\"text\":{}}}\n",
                    synth::json_str(e.id.as_str()),
                    synth::json_str(q)
                ));
                pool.push((i, lang, q));
            }
        }
    }
    std::fs::write(dir.join("variants.jsonl"), &variants)?;
    drop(variants);
    let mut rng = synth::Rng::new(0x5EED_0005);
    let n_entries = engine.faq().entries.len();
    let mut queries: Vec<(String, String, String)> = Vec::with_capacity(nq);
    for _ in 0..nq {
        let e = &engine.faq().entries[rng.below(n_entries)];
        let langs: Vec<(&String, &Vec<String>)> = e.questions.iter().collect();
        let (lang, qs) = langs[rng.below(langs.len())];
        let v = &qs[rng.below(qs.len())];
        queries.push((
            e.id.to_string(),
            lang.clone(),
            synth::perturb(lang, v, &mut rng),
        ));
    }
    if let Ok(only) = std::env::var("SCALE_ONLY_LANG") {
        queries.retain(|q| q.1 == only);
    }
    let mut qfile = String::new();
    for (id, lang, q) in &queries {
        qfile.push_str(&format!(
            "{{\"id\":{},\"lang\":{},\"q\":{}}}\n",
            synth::json_str(id),
            synth::json_str(lang),
            synth::json_str(q)
        ));
    }
    std::fs::write(dir.join("queries.jsonl"), qfile)?;

    // Warm-up, then one timed pass of matching (Engine::rank: analysis, candidate
    // generation, scoring, ranking) and one of the full answer (reply text included).
    for (_, _, q) in queries.iter().take(200) {
        std::hint::black_box(engine.rank(q));
    }
    let mut times = Vec::with_capacity(nq);
    let mut hit_file = String::with_capacity(2 * nq);
    let mut hits = 0usize;
    let mut lang_ok = 0usize;
    for (id, lang, q) in &queries {
        let t = Instant::now();
        let r = engine.rank(q);
        times.push(t.elapsed());
        let hit = r.entries.first().is_some_and(|(top, _)| top == id);
        hits += usize::from(hit);
        hit_file.push_str(if hit { "1\n" } else { "0\n" });
        if r.detected_lang.as_deref() == Some(lang.as_str()) {
            lang_ok += 1;
        }
    }
    if std::env::var_os("SCALE_SLOWEST").is_some() {
        let mut by_time: Vec<(Duration, &str)> = times
            .iter()
            .copied()
            .zip(queries.iter().map(|q| q.2.as_str()))
            .collect();
        by_time.sort();
        for (t, q) in by_time.iter().rev().take(8) {
            let again = Instant::now();
            for _ in 0..20 {
                std::hint::black_box(engine.rank(q));
            }
            let again = again.elapsed().as_secs_f64() * 1e6 / 20.0;
            eprintln!(
                "slow {:>8.0} µs (again {again:.0} µs)  {q}",
                t.as_secs_f64() * 1e6
            );
        }
    }
    if std::env::var_os("SCALE_BY_LANG").is_some() {
        // p50 per language of the query (where the time goes: scripts differ in how many
        // languages and views a query is read in).
        let mut langs: Vec<&str> = queries.iter().map(|q| q.1.as_str()).collect();
        langs.sort_unstable();
        langs.dedup();
        for l in langs {
            let mut t: Vec<Duration> = times
                .iter()
                .zip(&queries)
                .filter(|(_, q)| q.1 == l)
                .map(|(t, _)| *t)
                .collect();
            t.sort();
            eprintln!("lang {l}: {} queries, p50 {:.1} µs", t.len(), pct(&t, 0.5));
        }
    }
    // Per query: top-1 right (1) or not (0), so RapidFuzz's subset compares like for like.
    std::fs::write(dir.join("ours_hits.txt"), hit_file)?;
    times.sort();
    let mut answer_times = Vec::with_capacity(nq);
    for (_, _, q) in &queries {
        let t = Instant::now();
        std::hint::black_box(engine.answer(q, None));
        answer_times.push(t.elapsed());
    }
    answer_times.sort();
    let (rss_after, hwm_after) = rss_mib();
    let n = queries.len().max(1) as f64;
    println!(
        "{{\"size\":\"{size}\",\"entries\":{n_entries},\"variants\":{},\"queries\":{},\
         \"problems\":{},\"gen_s\":{gen_s:.3},\"load_s\":{load_s:.3},\"build_s\":{build_s:.3},\
         \"rss_start_mib\":{rss_before:.1},\"rss_loaded_mib\":{rss_loaded:.1},\"rss_built_mib\":{rss_built:.1},\
         \"peak_built_mib\":{hwm_built:.1},\"rss_steady_mib\":{rss_after:.1},\
         \"peak_mib\":{hwm_after:.1},\"p50_us\":{:.2},\"p99_us\":{:.2},\"mean_us\":{:.2},\
         \"answer_p50_us\":{:.2},\"answer_p99_us\":{:.2},\"top1\":{:.4},\"lang_ok\":{:.4}}}",
        pool.len(),
        queries.len(),
        problems.len(),
        pct(&times, 0.5),
        pct(&times, 0.99),
        times.iter().map(|d| d.as_secs_f64()).sum::<f64>() * 1e6 / n,
        pct(&answer_times, 0.5),
        pct(&answer_times, 0.99),
        hits as f64 / n,
        lang_ok as f64 / n,
    );
    Ok(())
}
