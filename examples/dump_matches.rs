//! Prints everything the matcher and the decision produce for each question, one line per
//! question (scores as exact f32 values): to prove that a change meant to be fast only keeps
//! every result. Run it before and after the change and `diff` the outputs; never read them
//! question by question for the report-only eval sets.
//! `cargo run --release --example dump_matches -- [--content FAQ_DIR LOCALES_DIR] FILE...`
//! FILE: an eval set (`.toml`) or a bench query file (`.jsonl` with a `q` field).
use std::io::{BufRead, Write};
use std::path::Path;

use widunetz_bot::LangHint;
use widunetz_bot::ids::LangCode;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let (faq, locales) = if args.first().map(String::as_str) == Some("--content") {
        let f = args
            .get(1)
            .cloned()
            .ok_or("--content FAQ_DIR LOCALES_DIR")?;
        let l = args
            .get(2)
            .cloned()
            .ok_or("--content FAQ_DIR LOCALES_DIR")?;
        args.drain(..3);
        (f, l)
    } else {
        ("faq".into(), "locales".into())
    };
    let engine = widunetz_bot::Engine::load_strict(Path::new(&faq), Path::new(&locales))?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for file in args {
        let questions: Vec<(String, String)> = if file.ends_with(".jsonl") {
            let mut v = Vec::new();
            for line in std::io::BufReader::new(std::fs::File::open(&file)?).lines() {
                let j: serde_json::Value = serde_json::from_str(&line?)?;
                let q = j["q"].as_str().ok_or("no q")?.to_string();
                let lang = j["lang"].as_str().unwrap_or("de").to_string();
                v.push((q, lang));
            }
            v
        } else {
            widunetz_bot::eval::load_cases(Path::new(&file))?
                .into_iter()
                .map(|c| (c.question, c.lang))
                .collect()
        };
        for (q, lang) in questions {
            let m = engine.search(&q);
            let mut evidence = m.evidence.clone();
            evidence.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            writeln!(
                out,
                "{q:?}\n  ranked {:?}\n  lang {:?}\n  signals {:?}\n  evidence {evidence:?}",
                m.ranked, m.detected_lang, m.signals
            )?;
            for hint in [None, LangCode::new(&lang)] {
                let r = engine.answer_with(
                    &q,
                    LangHint {
                        chosen: None,
                        client: hint.as_ref(),
                    },
                );
                let sugg: Vec<_> = r.suggestions.iter().map(|s| s.id.to_string()).collect();
                writeln!(
                    out,
                    "  answer {:?} {:?} {:?} {:?} {} {} {sugg:?} {:?}",
                    hint.as_ref().map(LangCode::as_str),
                    r.lang.as_str(),
                    r.detected_lang.as_ref().map(LangCode::as_str),
                    r.id.as_ref().map(|i| i.as_str()),
                    r.score,
                    r.confident,
                    r.answer,
                )?;
            }
        }
    }
    Ok(())
}
