//! Quality regression tests: the eval metrics on the labelled sets must stay within bounds.
//! Not timings — accuracy only.
//!
//! The floors sit a little under the values measured when the engine was merged (issue 11;
//! README "How matching works"): a regression of more than a few questions fails. dev,
//! holdout and tuning2 are the TUNING sets; holdout2 is report-only and is checked here only
//! as a regression guard on its summary (its questions are never looked at).

use crate::support;

use widunetz_bot::eval;

fn report(path: &std::path::Path) -> eval::Report {
    let cases = eval::load_cases(path).expect("eval file loads");
    eval::run(&support::engine(), &cases)
}

/// Floors (and the wrong-answer ceiling) for one labelled set.
struct Gate {
    file: &'static str,
    cases: usize,
    top1: f64,
    top3: f64,
    wrong: f64,
    oos_rejected: f64,
    /// Floor of the share of questions whose language is detected (for Latin-typed Russian
    /// and Arabic: answered in the language meant).
    lang_detected: f64,
    /// Per language: its top-1 floor.
    langs: &'static [(&'static str, f64)],
}

fn check(g: &Gate) {
    let r = report(&support::root().join(g.file));
    let name = g.file;
    let summary = r.render();
    // The summary, without the failures (report-only sets must not show their questions).
    let summary = summary
        .split("failures (")
        .next()
        .unwrap_or_default()
        .to_string();
    assert_eq!(r.cases, g.cases, "{name}: number of cases\n{summary}");
    assert!(
        r.top1 >= g.top1,
        "{name}: top1 {:.3} < {}\n{summary}",
        r.top1,
        g.top1
    );
    assert!(
        r.top3 >= g.top3,
        "{name}: top3 {:.3} < {}\n{summary}",
        r.top3,
        g.top3
    );
    assert!(
        r.wrong <= g.wrong,
        "{name}: wrong {:.3} > {}\n{summary}",
        r.wrong,
        g.wrong
    );
    assert!(
        r.oos_rejected >= g.oos_rejected,
        "{name}: oos_rejected {:.3} < {}\n{summary}",
        r.oos_rejected,
        g.oos_rejected
    );
    assert!(
        r.lang_detected >= g.lang_detected,
        "{name}: lang_detected {:.3} < {}\n{summary}",
        r.lang_detected,
        g.lang_detected
    );
    for &(lang, floor) in g.langs {
        let top1 = r.per_lang.get(lang).map_or(0.0, |s| s.top1);
        assert!(
            top1 >= floor,
            "{name}: {lang} top1 {top1:.3} < {floor}\n{summary}"
        );
    }
}

/// dev: measured top1 1.0, top3 1.0, wrong 0, oos_rejected 1.0 (before the new engine: top1
/// 0.972); issue 11 asks for no worse.
const DEV: Gate = Gate {
    file: "tests/eval/dev.toml",
    cases: 41,
    top1: 0.97,
    top3: 0.97,
    wrong: 0.0,
    oos_rejected: 1.0,
    lang_detected: 0.95,
    langs: &[("de", 0.93), ("tr", 0.85), ("ru", 0.85), ("ar", 0.85)],
};

#[test]
fn dev_set_meets_targets() {
    check(&DEV);
}

#[test]
fn shared_dev_set_meets_targets_when_present() {
    let shared = "../shared/eval/dev.toml";
    if support::root().join(shared).exists() {
        check(&Gate {
            file: shared,
            ..DEV
        });
    }
}

/// holdout (tuning): measured top1 0.964, top3 0.976, wrong 0.012, oos_rejected 1.0 (0.95
/// before another subject that resembles an out-of-scope example got no match); per
/// language top1 ar 0.976, de 0.929, ru 0.976, tr 0.976. One question is 0.006 of top1 and
/// 0.025 of oos_rejected.
#[test]
fn holdout_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout.toml",
        cases: 208,
        top1: 0.95,
        top3: 0.965,
        wrong: 0.018,
        oos_rejected: 0.975,
        lang_detected: 0.95,
        langs: &[("ar", 0.95), ("de", 0.90), ("ru", 0.95), ("tr", 0.95)],
    });
}

/// tuning2 (tuning): measured top1 0.866, top3 0.938, wrong 0.018, oos_rejected 0.929; per
/// language top1 ar 0.821, de 0.946, ru 0.929, tr 0.768.
#[test]
fn tuning2_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning2.toml",
        cases: 294,
        top1: 0.85,
        top3: 0.92,
        wrong: 0.025,
        oos_rejected: 0.91,
        lang_detected: 0.95,
        langs: &[("ar", 0.80), ("de", 0.91), ("ru", 0.91), ("tr", 0.75)],
    });
}

/// holdout2 (report-only; a regression guard on its summary, never a tuning target). It
/// does not meet issue 11's targets yet (top1 ≥ 0.90, wrong ≤ 0.02, oos ≥ 0.90, top3 ≥ 0.97,
/// each language ≥ 0.85), so it is held at its measured level: top1 0.799, top3 0.909, wrong
/// 0.029, oos_rejected 0.947; per language top1 ar 0.848, de 0.708, ru 0.826, tr 0.819.
#[test]
fn holdout2_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout2.toml",
        cases: 488,
        top1: 0.785,
        top3: 0.90,
        wrong: 0.035,
        oos_rejected: 0.93,
        lang_detected: 0.95,
        langs: &[("ar", 0.83), ("de", 0.69), ("ru", 0.81), ("tr", 0.80)],
    });
}

/// tuning3-en-uk-fa (tuning; blind set 3, written from the seed and the entry ids only):
/// measured top1 0.846, top3 0.934, wrong 0.029, oos_rejected 0.899, lang_detected 0.980; per
/// language top1 en 0.787, fa 0.870, uk 0.884 (before branch quality3: 0.779, en 0.681, fa
/// 0.804, uk 0.860; issue 14's 0.85 is not met for en). One question is 0.007 of top1, 0.014
/// of oos_rejected, about 0.02 of a language's top1.
#[test]
fn tuning3_en_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning3-en-uk-fa.toml",
        cases: 205,
        top1: 0.83,
        top3: 0.92,
        wrong: 0.04,
        oos_rejected: 0.87,
        lang_detected: 0.97,
        langs: &[("en", 0.76), ("fa", 0.84), ("uk", 0.86)],
    });
}

/// tuning3-latin (tuning; blind set 3, Russian and Arabic typed in Latin letters): measured
/// top1 0.811, top3 0.905, wrong 0.074, oos_rejected 0.969, lang_detected (answered in the
/// language meant) 0.921; per language top1 ar 0.731, ru 0.907 (before branch quality3: top1
/// 0.632, ar 0.404). One question is 0.011 of top1 and about 0.02 of a language's top1.
#[test]
fn tuning3_latin_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning3-latin.toml",
        cases: 127,
        top1: 0.79,
        top3: 0.885,
        wrong: 0.085,
        oos_rejected: 0.93,
        lang_detected: 0.90,
        langs: &[("ar", 0.71), ("ru", 0.88)],
    });
}

/// tuning3-de (tuning; blind set 3, German): measured top1 0.729, top3 0.857, wrong 0.029,
/// oos_rejected 0.913, lang_detected 0.989 (before branch quality3: top1 0.700). One question
/// is 0.014 of top1 and 0.043 of oos_rejected.
#[test]
fn tuning3_de_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning3-de.toml",
        cases: 93,
        top1: 0.71,
        top3: 0.84,
        wrong: 0.045,
        oos_rejected: 0.87,
        lang_detected: 0.97,
        langs: &[("de", 0.71)],
    });
}

/// Every question variant in faq/ is answered by its own entry (or at least suggested).
#[test]
fn own_variants_find_their_entry() {
    let engine = support::engine();
    let mut misses = Vec::new();
    let mut total = 0;
    for e in &engine.faq().entries {
        for (lang, qs) in &e.questions {
            for q in qs {
                total += 1;
                let r = engine.answer(q, None);
                let ok = r.id.as_ref() == Some(&e.id) || r.suggestions.iter().any(|s| s.id == e.id);
                if !ok {
                    misses.push(format!(
                        "[{lang}] {q:?} ({}) → {:?} {}",
                        e.id,
                        r.id,
                        r.outcome()
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
