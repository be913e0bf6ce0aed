//! Prints the best entries and the signals for each question given.
//! `cargo run --release --example rank -- QUESTION...`
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let engine = widunetz_bot::Engine::load_strict(Path::new("faq"), Path::new("locales"))?;
    for q in std::env::args().skip(1) {
        let m = engine.search(&q);
        let r = engine.answer(&q, None);
        let id = r.id.as_ref().map(|id| id.as_str());
        println!("{q:?} → {} {id:?} ({:?})", r.outcome(), m.detected_lang);
        for (t, s) in m.ranked.iter().take(4) {
            if let widunetz_bot::matcher::Target::Entry(i) = t {
                println!("  {:<14} {s:.3}", engine.faq().entries[*i].id);
            }
        }
        println!("  {:?}", m.signals);
    }
    Ok(())
}
