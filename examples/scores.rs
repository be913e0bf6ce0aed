//! Prints, per labelled case, the best two entries and scores (for choosing thresholds).
//! `cargo run --release --example scores -- FILE...` → TSV on stdout.
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let engine = widunetz_bot::Engine::load_strict(Path::new("faq"), Path::new("locales"))?;
    for file in std::env::args().skip(1) {
        for c in widunetz_bot::eval::load_cases(Path::new(&file))? {
            let r = engine.rank(&c.question);
            let (ranked, small) = (r.entries, r.smalltalk);
            let get = |k: usize| ranked.get(k).cloned().unwrap_or(("-".into(), 0.0));
            let (a, sa) = get(0);
            let (b, sb) = get(1);
            println!(
                "{}\t{}\t{}\t{a}\t{sa:.3}\t{b}\t{sb:.3}\t{}\t{:?}",
                file,
                c.lang,
                c.expect,
                small.map_or("-".into(), |(k, s)| format!("{k}:{s:.2}")),
                c.question
            );
        }
    }
    Ok(())
}
