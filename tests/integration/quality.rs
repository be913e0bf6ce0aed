//! Quality regression tests: the eval metrics on the labelled sets must stay within bounds.
//! Not timings — accuracy only.
//!
//! The floors sit about one and a half questions under the values measured on 2026-11-30
//! after the native-speaker variant passes (issues 11 and 14; README "How matching works"):
//! a regression of two questions fails. dev, holdout, tuning2, tuning3-*, tuning4-* and
//! tuning-* are TUNING sets; holdout2, holdout-en-uk-fa and holdout-latin are report-only and
//! checked here only as a regression guard on their summaries (their questions are never
//! looked at).

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

/// dev (tuning): measured top1 1.000, top3 1.000, wrong 0.000,
/// oos_rejected 1.000, lang_detected 1.000; per language top1 ar 1.000, de 1.000, ru 1.000, tr 1.000.
/// Issue 11 asks for no worse: no wrong answer, every out-of-scope question rejected.
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

/// holdout (tuning): measured top1 0.988, top3 0.994, wrong 0.000,
/// oos_rejected 0.975, lang_detected 0.995; per language top1 ar 0.976, de 0.976, ru 1.000, tr 1.000.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout.toml",
        cases: 208,
        top1: 0.979,
        top3: 0.985,
        wrong: 0.009,
        oos_rejected: 0.937,
        lang_detected: 0.975,
        langs: &[("ar", 0.940), ("de", 0.940), ("ru", 0.964), ("tr", 0.964)],
    });
}

/// tuning2 (tuning): measured top1 0.946, top3 0.969, wrong 0.000,
/// oos_rejected 0.971, lang_detected 0.997; per language top1 ar 0.982, de 0.946, ru 1.000, tr 0.857.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning2_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning2.toml",
        cases: 294,
        top1: 0.939,
        top3: 0.962,
        wrong: 0.007,
        oos_rejected: 0.950,
        lang_detected: 0.976,
        langs: &[("ar", 0.955), ("de", 0.919), ("ru", 0.973), ("tr", 0.830)],
    });
}

/// holdout2 (report-only; a regression guard on its summary, never a tuning target): measured top1 0.922, top3 0.971, wrong 0.013,
/// oos_rejected 0.956, lang_detected 0.994; per language top1 ar 0.913, de 0.885, ru 0.946, tr 0.947.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout2_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout2.toml",
        cases: 488,
        top1: 0.918,
        top3: 0.966,
        wrong: 0.018,
        oos_rejected: 0.942,
        lang_detected: 0.973,
        langs: &[("ar", 0.896), ("de", 0.869), ("ru", 0.929), ("tr", 0.930)],
    });
}

/// tuning-en-uk-fa (tuning): measured top1 1.000, top3 1.000, wrong 0.000,
/// oos_rejected 1.000, lang_detected 1.000; per language top1 en 1.000, fa 1.000, uk 1.000.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning_en_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning-en-uk-fa.toml",
        cases: 48,
        top1: 0.964,
        top3: 0.964,
        wrong: 0.036,
        oos_rejected: 0.750,
        lang_detected: 0.980,
        langs: &[("en", 0.892), ("fa", 0.892), ("uk", 0.892)],
    });
}

/// tuning-latin (tuning): measured top1 0.930, top3 0.958, wrong 0.028,
/// oos_rejected 0.833, lang_detected 0.976; per language top1 ar 0.914, ru 0.944.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning_latin_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning-latin.toml",
        cases: 83,
        top1: 0.908,
        top3: 0.936,
        wrong: 0.050,
        oos_rejected: 0.708,
        lang_detected: 0.955,
        langs: &[("ar", 0.871), ("ru", 0.902)],
    });
}

/// tuning3-en-uk-fa (tuning): measured top1 0.985, top3 1.000, wrong 0.000,
/// oos_rejected 0.971, lang_detected 0.990; per language top1 en 1.000, fa 0.978, uk 0.977.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning3_en_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning3-en-uk-fa.toml",
        cases: 205,
        top1: 0.974,
        top3: 0.988,
        wrong: 0.012,
        oos_rejected: 0.949,
        lang_detected: 0.970,
        langs: &[("en", 0.968), ("fa", 0.945), ("uk", 0.941)],
    });
}

/// tuning3-latin (tuning): measured top1 0.968, top3 0.989, wrong 0.011,
/// oos_rejected 0.875, lang_detected 0.929; per language top1 ar 0.942, ru 1.000.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning3_latin_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning3-latin.toml",
        cases: 127,
        top1: 0.952,
        top3: 0.973,
        wrong: 0.027,
        oos_rejected: 0.828,
        lang_detected: 0.909,
        langs: &[("ar", 0.913), ("ru", 0.965)],
    });
}

/// tuning3-de (tuning): measured top1 0.900, top3 0.986, wrong 0.014,
/// oos_rejected 0.957, lang_detected 1.000; per language top1 de 0.900.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning3_de_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning3-de.toml",
        cases: 93,
        top1: 0.878,
        top3: 0.964,
        wrong: 0.036,
        oos_rejected: 0.891,
        lang_detected: 0.980,
        langs: &[("de", 0.878)],
    });
}

/// tuning4 (tuning): measured top1 0.919, top3 0.980, wrong 0.003,
/// oos_rejected 0.924, lang_detected 0.993; per language top1 ar 0.938, de 0.880, ru 0.954, tr 0.923.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning4_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning4.toml",
        cases: 400,
        top1: 0.913,
        top3: 0.974,
        wrong: 0.009,
        oos_rejected: 0.909,
        lang_detected: 0.972,
        langs: &[("ar", 0.915), ("de", 0.865), ("ru", 0.930), ("tr", 0.900)],
    });
}

/// tuning4-en-uk-fa (tuning): measured top1 0.973, top3 0.993, wrong 0.000,
/// oos_rejected 0.983, lang_detected 1.000; per language top1 en 0.980, fa 0.940, uk 1.000.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning4_en_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning4-en-uk-fa.toml",
        cases: 210,
        top1: 0.963,
        top3: 0.983,
        wrong: 0.010,
        oos_rejected: 0.958,
        lang_detected: 0.980,
        langs: &[("en", 0.950), ("fa", 0.909), ("uk", 0.970)],
    });
}

/// tuning4-latin (tuning): measured top1 0.902, top3 0.946, wrong 0.011,
/// oos_rejected 0.893, lang_detected 0.925; per language top1 ar 0.891, ru 0.913.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning4_latin_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning4-latin.toml",
        cases: 120,
        top1: 0.885,
        top3: 0.929,
        wrong: 0.028,
        oos_rejected: 0.839,
        lang_detected: 0.905,
        langs: &[("ar", 0.858), ("ru", 0.880)],
    });
}

/// holdout-en-uk-fa (report-only; a regression guard on its summary, never a tuning target): measured top1 0.944, top3 0.963, wrong 0.025,
/// oos_rejected 0.979, lang_detected 0.986; per language top1 en 0.963, fa 0.926, uk 0.944.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout_en_uk_fa_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout-en-uk-fa.toml",
        cases: 210,
        top1: 0.935,
        top3: 0.953,
        wrong: 0.034,
        oos_rejected: 0.947,
        lang_detected: 0.965,
        langs: &[("en", 0.935), ("fa", 0.898), ("uk", 0.916)],
    });
}

/// holdout-latin (report-only; a regression guard on its summary, never a tuning target): measured top1 0.897, top3 0.962, wrong 0.013,
/// oos_rejected 1.000, lang_detected 0.967; per language top1 ar 0.821, ru 0.974.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout_latin_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout-latin.toml",
        cases: 90,
        top1: 0.878,
        top3: 0.942,
        wrong: 0.033,
        oos_rejected: 0.875,
        lang_detected: 0.946,
        langs: &[("ar", 0.782), ("ru", 0.935)],
    });
}

/// tuning5-latin (tuning): measured top1 0.911, top3 0.967, wrong 0.011,
/// oos_rejected 1.000, lang_detected 0.967; per language top1 ar 0.867, ru 1.000.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning5_latin_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning5-latin.toml",
        cases: 120,
        top1: 0.894,
        top3: 0.950,
        wrong: 0.028,
        oos_rejected: 0.950,
        lang_detected: 0.946,
        langs: &[("ar", 0.841), ("ru", 0.950)],
    });
}

/// tuning5-en-fa (tuning): measured top1 0.989, top3 1.000, wrong 0.000,
/// oos_rejected 0.967, lang_detected 0.992; per language top1 en 0.978, fa 1.000.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning5_en_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning5-en-fa.toml",
        cases: 120,
        top1: 0.972,
        top3: 0.983,
        wrong: 0.017,
        oos_rejected: 0.916,
        lang_detected: 0.971,
        langs: &[("en", 0.944), ("fa", 0.966)],
    });
}

/// holdout3-en-uk-fa (report-only; a regression guard on its summary, never a tuning target): measured top1 0.938, top3 0.972, wrong 0.007,
/// oos_rejected 1.000, lang_detected 0.994; per language top1 en 0.917, fa 0.938, uk 0.958.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout3_en_uk_fa_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout3-en-uk-fa.toml",
        cases: 180,
        top1: 0.927,
        top3: 0.961,
        wrong: 0.018,
        oos_rejected: 0.958,
        lang_detected: 0.974,
        langs: &[("en", 0.885), ("fa", 0.906), ("uk", 0.927)],
    });
}

/// holdout3-latin (report-only; a regression guard on its summary, never a tuning target): measured top1 0.893, top3 0.929, wrong 0.048,
/// oos_rejected 0.952, lang_detected 0.952; per language top1 ar 0.812, ru 1.000.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout3_latin_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout3-latin.toml",
        cases: 105,
        top1: 0.875,
        top3: 0.910,
        wrong: 0.066,
        oos_rejected: 0.880,
        lang_detected: 0.932,
        langs: &[("ar", 0.781), ("ru", 0.958)],
    });
}

/// tuning6-en-uk-fa (tuning): measured top1 0.963, top3 0.993, wrong 0.000,
/// oos_rejected 0.933, lang_detected 0.986; per language top1 en 0.956, fa 1.000, uk 0.933.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning6_en_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning6-en-uk-fa.toml",
        cases: 210,
        top1: 0.951,
        top3: 0.981,
        wrong: 0.012,
        oos_rejected: 0.913,
        lang_detected: 0.965,
        langs: &[("en", 0.922), ("fa", 0.966), ("uk", 0.900)],
    });
}

/// tuning7-en-uk-fa (tuning): measured top1 0.953, top3 0.980, wrong 0.000,
/// oos_rejected 0.960, lang_detected 0.995; per language top1 en 0.968, fa 0.909, uk 0.977.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning7_en_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning7-en-uk-fa.toml",
        cases: 200,
        top1: 0.943,
        top3: 0.970,
        wrong: 0.010,
        oos_rejected: 0.929,
        lang_detected: 0.975,
        langs: &[("en", 0.943), ("fa", 0.875), ("uk", 0.943)],
    });
}

/// tuning8-en-uk-fa (tuning): measured top1 0.924, top3 0.990, wrong 0.000,
/// oos_rejected 0.947, lang_detected 0.989; per language top1 en 0.886, fa 0.971, uk 0.914.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning8_en_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning8-en-uk-fa.toml",
        cases: 180,
        top1: 0.909,
        top3: 0.976,
        wrong: 0.015,
        oos_rejected: 0.926,
        lang_detected: 0.968,
        langs: &[("en", 0.842), ("fa", 0.928), ("uk", 0.871)],
    });
}

/// tuning9-en-uk-fa (tuning): measured top1 0.857, top3 0.990, wrong 0.000,
/// oos_rejected 0.960, lang_detected 1.000; per language top1 en 0.914, fa 0.829, uk 0.829.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning9_en_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning9-en-uk-fa.toml",
        cases: 180,
        top1: 0.842,
        top3: 0.976,
        wrong: 0.015,
        oos_rejected: 0.940,
        lang_detected: 0.980,
        langs: &[("en", 0.871), ("fa", 0.785), ("uk", 0.785)],
    });
}

/// tuning10-uk-fa (tuning): measured top1 0.956, top3 0.989, wrong 0.011,
/// oos_rejected 0.900, lang_detected 0.993; per language top1 fa 0.978, uk 0.933.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning10_uk_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning10-uk-fa.toml",
        cases: 140,
        top1: 0.938,
        top3: 0.972,
        wrong: 0.028,
        oos_rejected: 0.870,
        lang_detected: 0.972,
        langs: &[("fa", 0.944), ("uk", 0.900)],
    });
}

/// tuning11-uk-fa-en (tuning): measured top1 0.973, top3 0.982, wrong 0.018,
/// oos_rejected 0.980, lang_detected 0.994; per language top1 en 1.000, fa 0.956, uk 0.978.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning11_uk_fa_en_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning11-uk-fa-en.toml",
        cases: 160,
        top1: 0.959,
        top3: 0.968,
        wrong: 0.032,
        oos_rejected: 0.948,
        lang_detected: 0.973,
        langs: &[("en", 0.928), ("fa", 0.922), ("uk", 0.944)],
    });
}

/// tuning12-fa-uk (tuning): measured top1 0.930, top3 0.980, wrong 0.000,
/// oos_rejected 0.975, lang_detected 1.000; per language top1 fa 0.900, uk 0.960.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning12_fa_uk_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning12-fa-uk.toml",
        cases: 140,
        top1: 0.915,
        top3: 0.965,
        wrong: 0.015,
        oos_rejected: 0.937,
        lang_detected: 0.980,
        langs: &[("fa", 0.870), ("uk", 0.929)],
    });
}

/// tuning13-uk-ru-fa (tuning): measured top1 0.934, top3 0.967, wrong 0.013,
/// oos_rejected 0.939, lang_detected 0.990; per language top1 fa 1.000, ru 0.921, uk 0.883.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning13_uk_ru_fa_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning13-uk-ru-fa.toml",
        cases: 200,
        top1: 0.923,
        top3: 0.956,
        wrong: 0.023,
        oos_rejected: 0.908,
        lang_detected: 0.980,
        langs: &[("fa", 0.971), ("ru", 0.881), ("uk", 0.858)],
    });
}

/// holdout4-uk-fa (report-only; a regression guard on its summary, never a tuning target): measured top1 0.925, top3 0.975, wrong 0.017,
/// oos_rejected 0.933, lang_detected 1.000; per language top1 fa 0.950, uk 0.900 (uk 0.917,
/// top1 0.933 after the neighbour's model for surzhyk, session 9).
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout4_uk_fa_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout4-uk-fa.toml",
        cases: 150,
        top1: 0.912,
        top3: 0.962,
        wrong: 0.030,
        oos_rejected: 0.883,
        lang_detected: 0.980,
        langs: &[("fa", 0.924), ("uk", 0.875)],
    });
}

/// holdout5-uk-ru (report-only; a regression guard on its summary, never a tuning target):
/// 100 Ukrainian questions (a third standard, a third surzhyk or typed on a Russian keyboard,
/// a third mixed styles) and 60 Russian ones, written blind and measured once, after the
/// thin-tie rule for languages that mix (2fe4ca3): top1 0.892, top3 0.983, wrong 0.017,
/// oos_rejected 0.925, lang_detected 0.963; per language top1 ru 0.933, uk 0.867. After the
/// neighbour's model for surzhyk (b19d0df, chosen on the tuning sets): top1 0.908, top3
/// 0.992, wrong 0.008, oos_rejected 0.925, lang_detected 0.963; ru 0.956, uk 0.880.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout5_uk_ru_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout5-uk-ru.toml",
        cases: 160,
        top1: 0.895,
        top3: 0.979,
        wrong: 0.021,
        oos_rejected: 0.887,
        lang_detected: 0.953,
        langs: &[("ru", 0.922), ("uk", 0.860)],
    });
}

/// holdout6-uk-ru (report-only; a regression guard on its summary, never a tuning target):
/// 100 Ukrainian questions (35 typed on a Russian keyboard or in surzhyk) and 50 Russian ones,
/// written blind in session 12 and measured once, after the Ukrainian markers of everyday words
/// (588c756; the binary before them measured the same): top1 0.930, top3 0.991, wrong 0.000,
/// oos_rejected 0.917, lang_detected 0.987; per language top1 ru 1.000, uk 0.895.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout6_uk_ru_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout6-uk-ru.toml",
        cases: 150,
        top1: 0.915,
        top3: 0.978,
        wrong: 0.015,
        oos_rejected: 0.875,
        lang_detected: 0.977,
        langs: &[("ru", 0.96), ("uk", 0.875)],
    });
}

/// holdout7-en-uk-fa (report-only; a regression guard on its summary, never a tuning target):
/// 60 English, 60 Ukrainian (20 typed on a Russian keyboard or in surzhyk) and 60 Persian
/// questions, a quarter out of scope, written blind from the seed and the entry ids in
/// session 17 and measured once (main 71e9e2c + the terminal locale, whose decisions are
/// main's): top1 0.956, top3 0.978, wrong 0.022, oos_rejected 0.978, lang_detected 0.983;
/// per language top1 en 0.978, fa 0.978, uk 0.911 (wrong 0.022 each).
/// Floors sit about one and a half questions under the measured values.
#[test]
fn holdout7_en_uk_fa_summary_does_not_regress() {
    check(&Gate {
        file: "tests/eval/holdout7-en-uk-fa.toml",
        cases: 180,
        top1: 0.944,
        top3: 0.966,
        wrong: 0.034,
        oos_rejected: 0.944,
        lang_detected: 0.975,
        langs: &[("en", 0.944), ("fa", 0.944), ("uk", 0.878)],
    });
}

/// tuning14-all (tuning): 40 questions per language in all seven, written blind from the seed
/// and the entry ids (session 10), weighted to paraphrase, "we"/"our association" questions,
/// long messages with a story, dialect and colloquial speech: measured top1 0.886, top3
/// 0.957, wrong 0.014, oos_rejected 0.986, lang_detected 0.996; per language top1 ar 0.900,
/// de 0.933, en 0.767, fa 0.867, ru 0.967, tr 0.867, uk 0.900.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning14_all_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning14-all.toml",
        cases: 280,
        top1: 0.878,
        top3: 0.950,
        wrong: 0.022,
        oos_rejected: 0.964,
        lang_detected: 0.991,
        langs: &[
            ("ar", 0.850),
            ("de", 0.883),
            ("en", 0.717),
            ("fa", 0.817),
            ("ru", 0.917),
            ("tr", 0.817),
            ("uk", 0.850),
        ],
    });
}

/// tuning15-uk-ru (tuning): 80 Ukrainian questions (42 without і ї є ґ or an apostrophe:
/// typed on a Russian keyboard, or surzhyk) and 40 Russian ones, written blind from the seed
/// and the entry ids (session 11): measured top1 0.956, top3 0.989, wrong 0.000,
/// oos_rejected 0.967, lang_detected 0.983 (one Ukrainian question answered in Russian, one
/// Russian keyword question in Ukrainian); per language top1 ru 1.000, uk 0.933.
/// Floors sit about one and a half questions under the measured values.
#[test]
fn tuning15_uk_ru_set_does_not_regress() {
    check(&Gate {
        file: "tests/eval/tuning15-uk-ru.toml",
        cases: 120,
        top1: 0.939,
        top3: 0.972,
        wrong: 0.017,
        oos_rejected: 0.917,
        lang_detected: 0.970,
        langs: &[("ru", 0.950), ("uk", 0.908)],
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
