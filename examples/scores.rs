//! Prints, per labelled case, what the decision sees, as one JSON object per line: the
//! evidence of every entry the question touches (best-variant score and the model's
//! probability), the ranking and the signals — for choosing thresholds on the TUNING sets
//! only (../shared/eval/dev.toml, tests/eval/holdout.toml, tests/eval/tuning2.toml); the
//! report-only sets (holdout2, holdout-en-uk-fa, holdout-latin) are never fed to it.
//! `cargo run --release --example scores -- FILE... > scores.jsonl`
use std::path::Path;

use widunetz_bot::engine::OutcomeKind;
use widunetz_bot::matcher::Target;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let engine = widunetz_bot::Engine::load_strict(Path::new("faq"), Path::new("locales"))?;
    let id = |t: Target| match t {
        Target::Entry(i) => engine.faq().entries[i].id.to_string(),
        _ => "-".into(),
    };
    for file in std::env::args().skip(1) {
        for c in widunetz_bot::eval::load_cases(Path::new(&file))? {
            let m = engine.search(&c.question);
            let r = engine.answer(&c.question, None);
            let s = &m.signals;
            let evidence: Vec<_> = m
                .evidence
                .iter()
                .map(|&(t, v, p)| serde_json::json!([id(t), v, p]))
                .collect();
            let ranked: Vec<_> = m
                .ranked
                .iter()
                .take(10)
                .map(|&(t, v)| serde_json::json!([id(t), v]))
                .collect();
            let line = serde_json::json!({
                "file": file,
                "lang": c.lang,
                "expect": c.expect,
                "got": r.id.as_ref().map_or_else(|| r.outcome().to_string(), |id| id.to_string()),
                "outcome": r.outcome().as_str(),
                "empty": r.outcome() == OutcomeKind::Empty,
                "detected": m.detected_lang,
                "evidence": evidence,
                "ranked": ranked,
                "smalltalk": s.smalltalk.is_some(),
                "content_words": s.content_words,
                "foreign_words": s.foreign_words,
                "foreign_names": s.foreign_names,
                "out_of_scope_words": s.out_of_scope_words,
                "names_network": s.names_network,
                "names_other": s.names_other,
                "out_of_scope": s.out_of_scope,
                "other_subject": s.other_subject,
                "none": s.none,
                "best_prob": s.best_prob,
            });
            println!("{line}");
        }
    }
    Ok(())
}
