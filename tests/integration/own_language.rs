//! "No Ukrainian question answered in Russian" (issue 14), counted over every labelled set in
//! `tests/eval/`. With the person's language known, as the bot knows it (Telegram's
//! `language_code`; in the terminal chat the locale), no Ukrainian question gets a Russian
//! answer and no Persian one an Arabic answer. Without any language, a question in Russian
//! words with no Ukrainian letter reads as Russian (it gets the button for the Ukrainian
//! answer, src/conversation/tests.rs `nothing_tells_ukrainian_from_russian_so_both_are_offered`);
//! their number is guarded too. Only counts are printed: most sets are report-only.

use crate::support;

use widunetz_bot::LangHint;
use widunetz_bot::eval;
use widunetz_bot::ids::LangCode;

/// Per set (file name), how many questions labelled `lang` are answered in `neighbour`, with
/// the person's language = the label or without one; and how many were asked.
fn answered_in_neighbour(
    lang: &str,
    neighbour: &str,
    with_hint: bool,
) -> (Vec<(String, usize)>, usize) {
    let e = support::engine();
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(support::root().join("tests/eval"))
        .expect("tests/eval")
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let code = LangCode::new(lang).expect("a language code");
    let hint = LangHint {
        chosen: None,
        client: with_hint.then_some(&code),
    };
    let (mut per_set, mut asked) = (Vec::new(), 0);
    for f in files {
        let cases = eval::load_cases(&f).expect("eval file loads");
        let mut n = 0;
        for c in cases.iter().filter(|c| c.lang == lang) {
            asked += 1;
            if e.answer_with(&c.question, hint).lang.as_str() == neighbour {
                n += 1;
            }
        }
        if n > 0 {
            let name = f.file_name().map(|s| s.to_string_lossy().to_string());
            per_set.push((name.unwrap_or_default(), n));
        }
    }
    (per_set, asked)
}

#[test]
fn with_the_persons_language_no_ukrainian_question_is_answered_in_russian() {
    let (wrong, asked) = answered_in_neighbour("uk", "ru", true);
    assert!(asked >= 1000, "only {asked} Ukrainian questions");
    assert!(wrong.is_empty(), "answered in Russian, per set: {wrong:?}");
}

#[test]
fn with_the_persons_language_no_persian_question_is_answered_in_arabic() {
    let (wrong, asked) = answered_in_neighbour("fa", "ar", true);
    assert!(asked >= 900, "only {asked} Persian questions");
    assert!(wrong.is_empty(), "answered in Arabic, per set: {wrong:?}");
}

/// Measured 2026-12-02 (main 71e9e2c, every set then in tests/eval, holdout7 included): 12
/// of 1,268 Ukrainian questions answered in Russian without a language — 5 in the tuning
/// sets (Russian words, none of і ї є ґ: «скока там членов в сети?»), 7 in the report-only
/// ones (counted only).
const UNHINTED_UK_IN_RU: usize = 12;

#[test]
fn without_any_language_few_ukrainian_questions_read_as_russian() {
    let (wrong, asked) = answered_in_neighbour("uk", "ru", false);
    let n: usize = wrong.iter().map(|(_, n)| n).sum();
    assert!(
        n <= UNHINTED_UK_IN_RU,
        "{n} of {asked} Ukrainian questions answered in Russian without a language (was {UNHINTED_UK_IN_RU}), per set: {wrong:?}"
    );
}
