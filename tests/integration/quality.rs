//! Quality regression tests: the eval metrics on the labelled sets must stay within bounds.
//! Not timings — accuracy only.

use crate::support;

use widunetz_bot::eval;

fn report(path: &std::path::Path) -> eval::Report {
    let cases = eval::load_cases(path).expect("eval file loads");
    eval::run(&support::engine(), &cases)
}

fn assert_dev_bounds(r: &eval::Report, name: &str) {
    let summary = r.render();
    assert!(
        r.top1 >= 0.90,
        "{name}: top1 {:.3} < 0.90\n{summary}",
        r.top1
    );
    assert!(
        r.wrong <= 0.05,
        "{name}: wrong {:.3} > 0.05\n{summary}",
        r.wrong
    );
    assert!(
        r.oos_rejected >= 0.85,
        "{name}: oos_rejected {:.3} < 0.85\n{summary}",
        r.oos_rejected
    );
    for (lang, s) in &r.per_lang {
        assert!(
            s.top1 >= 0.85,
            "{name}: {lang} top1 {:.3} < 0.85\n{summary}",
            s.top1
        );
    }
    assert!(
        r.lang_detected >= 0.95,
        "{name}: lang_detected {:.3}\n{summary}",
        r.lang_detected
    );
}

#[test]
fn dev_set_meets_targets() {
    assert_dev_bounds(
        &report(&support::root().join("tests/eval/dev.toml")),
        "tests/eval/dev.toml",
    );
}

#[test]
fn shared_dev_set_meets_targets_when_present() {
    let shared = support::root().join("../shared/eval/dev.toml");
    if shared.exists() {
        assert_dev_bounds(&report(&shared), "../shared/eval/dev.toml");
    }
}

/// The independent held-out set (written without looking at faq/) guards against
/// regressions; its bounds sit a little under the measured values (top1 0.887,
/// wrong 0.024, oos_rejected 0.70) because its out-of-scope questions are hard on purpose.
#[test]
fn holdout_set_does_not_regress() {
    let r = report(&support::root().join("tests/eval/holdout.toml"));
    let summary = r.render();
    assert!(r.top1 >= 0.85, "holdout top1 {:.3}\n{summary}", r.top1);
    assert!(r.top3 >= 0.93, "holdout top3 {:.3}\n{summary}", r.top3);
    assert!(r.wrong <= 0.04, "holdout wrong {:.3}\n{summary}", r.wrong);
    assert!(
        r.oos_rejected >= 0.65,
        "holdout oos_rejected {:.3}\n{summary}",
        r.oos_rejected
    );
    assert!(
        r.lang_detected >= 0.95,
        "holdout lang_detected {:.3}\n{summary}",
        r.lang_detected
    );
}

/// Every question variant in faq/ is answered by its own entry (or at least suggested).
#[test]
fn own_variants_find_their_entry() {
    let engine = support::engine();
    let mut misses = Vec::new();
    let mut total = 0;
    for e in &engine.faq.entries {
        for (lang, qs) in &e.questions {
            for q in qs {
                total += 1;
                let r = engine.answer(q, None);
                let ok = r.id.as_deref() == Some(e.id.as_str())
                    || r.suggestions.iter().any(|s| s.id == e.id);
                if !ok {
                    misses.push(format!(
                        "[{lang}] {q:?} ({}) → {:?} {}",
                        e.id, r.id, r.outcome
                    ));
                }
            }
        }
    }
    assert!(
        misses.len() * 50 <= total,
        "{} of {total} variants miss their entry:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
