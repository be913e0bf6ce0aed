//! Ranks the queries of a bench query file (`.jsonl` with a `q` field) in a loop, for
//! profiling (`perf record`): `rank_loop FILE [ROUNDS] [--content FAQ_DIR LOCALES_DIR]`.
use std::io::BufRead;
use std::path::Path;

// The binary's allocator (src/main.rs), so that what is measured is what runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().ok_or("rank_loop FILE [ROUNDS]")?;
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let (faq, loc) = match args.iter().position(|a| a == "--content") {
        Some(i) => (
            args.get(i + 1)
                .cloned()
                .ok_or("--content FAQ_DIR LOCALES_DIR")?,
            args.get(i + 2)
                .cloned()
                .ok_or("--content FAQ_DIR LOCALES_DIR")?,
        ),
        None => ("faq".into(), "locales".into()),
    };
    let engine = widunetz_bot::Engine::load_strict(Path::new(&faq), Path::new(&loc))?;
    let mut qs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(file)?).lines() {
        let j: serde_json::Value = serde_json::from_str(&line?)?;
        qs.push(j["q"].as_str().ok_or("no q")?.to_string());
    }
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for q in &qs {
            std::hint::black_box(engine.rank(q));
        }
    }
    let n = (rounds * qs.len()).max(1) as f64;
    eprintln!("mean {:.1} µs", t.elapsed().as_secs_f64() * 1e6 / n);
    Ok(())
}
