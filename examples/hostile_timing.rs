//! Worst-case timing of hostile input through the front door (`Engine::answer`), the named
//! cases of issue 6. Target: every case under 20 ms per answer.
//! `cargo run --release --example hostile_timing` → one line per case: median and max (µs).
//! Exit code 1 if any case's median is over the target.

use std::path::Path;
use std::time::{Duration, Instant};

// The binary's allocator (src/main.rs), so that what is measured is what runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TARGET: Duration = Duration::from_millis(20);
const RUNS: usize = 200;

fn cases() -> Vec<(&'static str, String)> {
    let q = "Wie wurde widunetz gegründet? ";
    vec![
        (
            "4096-char message",
            q.repeat(200).chars().take(4_096).collect(),
        ),
        (
            "4096-char noise",
            "xq zv ".repeat(700).chars().take(4_096).collect(),
        ),
        ("4000-char word (latin)", "a".repeat(4_000)),
        ("4000-char word (arabic)", "س".repeat(4_000)),
        ("5000 combining marks", "\u{301}".repeat(5_000)),
        (
            "word + 5000 marks",
            format!("kontakt{}", "\u{308}".repeat(5_000)),
        ),
        (
            "RTL override + zero-width",
            "\u{202E}Wie wurde wid\u{200B}unetz gegr\u{200D}ündet?\u{202C}".repeat(60),
        ),
        (
            "emoji sequences",
            "👨\u{200D}👩\u{200D}👧\u{200D}👦 🇩🇪 👍🏽 ".repeat(200),
        ),
        ("NUL and controls", "\0Kon\u{7}\u{1B}[31mtakt\0".repeat(300)),
        (
            "mixed scripts in words",
            "kоntакt widunetzсеть كontakt Grüнdung ".repeat(100),
        ),
        (
            "HTML markup",
            "<b>Kontakt</b> &amp; <i>Telefon</i> ".repeat(120),
        ),
        ("48 distinct near-words", {
            // Many different typo-like tokens: the most candidate comparisons per query.
            let words = [
                "grundung",
                "netzwerk",
                "kontakt",
                "mitglied",
                "ziele",
                "struktur",
                "kerngrupe",
                "projekt",
                "vereinbarung",
                "evaluation",
                "finanzierung",
                "erfolge",
            ];
            (0..48)
                .map(|i| format!("{}{}", words[i % words.len()], i))
                .collect::<Vec<_>>()
                .join(" ")
        }),
        ("empty", String::new()),
        ("whitespace only", " \n\t".repeat(1_000)),
    ]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let engine = widunetz_bot::Engine::load_strict(Path::new("faq"), Path::new("locales"))?;
    let mut worst = Duration::ZERO;
    println!("case\tchars\tmedian_us\tmax_us\toutcome");
    for (name, text) in cases() {
        let mut times = Vec::with_capacity(RUNS);
        let mut outcome = "";
        for i in 0..RUNS {
            let lang = [None, Some("de"), Some("tr"), Some("ru"), Some("ar")][i % 5]
                .and_then(widunetz_bot::ids::LangCode::new);
            let t = Instant::now();
            let r = engine.answer(&text, lang.as_ref());
            times.push(t.elapsed());
            outcome = r.outcome().as_str();
        }
        times.sort();
        let median = times[RUNS / 2];
        let max = times[RUNS - 1];
        worst = worst.max(median);
        println!(
            "{name}\t{}\t{}\t{}\t{outcome}",
            text.chars().count(),
            median.as_micros(),
            max.as_micros()
        );
    }
    println!(
        "worst median: {} µs (target {} ms)",
        worst.as_micros(),
        TARGET.as_millis()
    );
    if worst > TARGET {
        std::process::exit(1);
    }
    Ok(())
}
