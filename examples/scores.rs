//! Prints, per labelled case, what the decision sees: the best two entries and scores, the
//! best out-of-scope example, and the signals (for choosing thresholds on the TUNING sets
//! only: ../shared/eval/dev.toml and tests/eval/holdout.toml; holdout2 is report-only).
//! `cargo run --release --example scores -- FILE...` → TSV on stdout:
//! file, lang, expect, outcome, top, score, second, score, oos, content, foreign, oos words,
//! names network, other subject, small talk, question.
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let engine = widunetz_bot::Engine::load_strict(Path::new("faq"), Path::new("locales"))?;
    for file in std::env::args().skip(1) {
        for c in widunetz_bot::eval::load_cases(Path::new(&file))? {
            let m = engine.search(&c.question);
            let r = engine.answer(&c.question, None);
            let id = |k: usize| match m.ranked.get(k) {
                Some(&(widunetz_bot::matcher::Target::Entry(i), s)) => {
                    (engine.faq.entries[i].id.clone(), s)
                }
                _ => ("-".into(), 0.0),
            };
            let (a, sa) = id(0);
            let (b, sb) = id(1);
            let s = &m.signals;
            let got = r.id.clone().unwrap_or_else(|| r.outcome.to_string());
            println!(
                "{file}\t{}\t{}\t{got}\t{a}\t{sa:.3}\t{b}\t{sb:.3}\t{:.3}\t{}\t{}\t{}\t{}\t{}\t{}\t{:?}",
                c.lang,
                c.expect,
                s.out_of_scope,
                s.content_words,
                s.foreign_words,
                s.out_of_scope_words,
                s.names_network,
                s.other_subject,
                s.smalltalk
                    .map_or("-".into(), |k| engine.faq.smalltalk[k].kind.clone()),
                c.question
            );
        }
    }
    Ok(())
}
