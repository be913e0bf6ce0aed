//! "No Ukrainian question answered in Russian" (issue 14), counted over every labelled set in
//! `tests/eval/`. With the person's language known, as the bot knows it (Telegram's
//! `language_code`; in the terminal chat the locale), no Ukrainian question gets a Russian
//! answer and no Persian one an Arabic answer. Without any language, a question in Russian
//! words with no Ukrainian letter reads as Russian (answered with an entry, it gets the button
//! for the Ukrainian answer: src/conversation/tests.rs
//! `nothing_tells_ukrainian_from_russian_so_both_are_offered`); their number, and how many get
//! the button, are guarded too. Only counts are printed: most sets are report-only.

use crate::support;

use widunetz_bot::LangHint;
use widunetz_bot::eval;
use widunetz_bot::ids::LangCode;

/// What [`answered_in_neighbour`] counts.
struct Count {
    /// Per set (file name): questions answered in the neighbour's language.
    per_set: Vec<(String, usize)>,
    /// Questions labelled with the language.
    asked: usize,
    /// Of those answered in the neighbour's language: answered with an entry, with the
    /// button for the answer in the question's language (`Reply::undecided_lang`).
    offered: usize,
}

impl Count {
    fn total(&self) -> usize {
        self.per_set.iter().map(|(_, n)| n).sum()
    }
}

/// How many questions labelled `lang` are answered in `neighbour`, with the person's
/// language = the label or without one.
fn answered_in_neighbour(lang: &str, neighbour: &str, with_hint: bool) -> Count {
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
    let (mut per_set, mut asked, mut offered) = (Vec::new(), 0, 0);
    for f in files {
        let cases = eval::load_cases(&f).expect("eval file loads");
        let mut n = 0;
        for c in cases.iter().filter(|c| c.lang == lang) {
            asked += 1;
            let r = e.answer_with(&c.question, hint);
            if r.lang.as_str() == neighbour {
                n += 1;
                if r.id.is_some()
                    && r.undecided_lang
                        .as_ref()
                        .is_some_and(|u| u.as_str() == lang)
                {
                    offered += 1;
                }
            }
        }
        if n > 0 {
            let name = f.file_name().map(|s| s.to_string_lossy().to_string());
            per_set.push((name.unwrap_or_default(), n));
        }
    }
    Count {
        per_set,
        asked,
        offered,
    }
}

#[test]
fn with_the_persons_language_no_ukrainian_question_is_answered_in_russian() {
    let c = answered_in_neighbour("uk", "ru", true);
    assert!(c.asked >= 1000, "only {} Ukrainian questions", c.asked);
    assert!(c.per_set.is_empty(), "answered in Russian: {:?}", c.per_set);
}

#[test]
fn with_the_persons_language_no_persian_question_is_answered_in_arabic() {
    let c = answered_in_neighbour("fa", "ar", true);
    assert!(c.asked >= 900, "only {} Persian questions", c.asked);
    assert!(c.per_set.is_empty(), "answered in Arabic: {:?}", c.per_set);
}

/// Measured 2026-12-02 (main 71e9e2c, every set then in tests/eval, holdout7 included): 12
/// of 1,268 Ukrainian questions answered in Russian without a language — 5 in the tuning
/// sets (Russian words, none of і ї є ґ: «скока там членов в сети?»), 7 in the report-only
/// ones (counted only). Of the 12, 3 were answered with an entry and the button for the
/// Ukrainian answer; 6 got suggestions or the no-match reply (in Russian; these offer no
/// language button), 3 show a Russian letter and no Ukrainian one (2 answered, 1 no-match).
const UNHINTED_UK_IN_RU: usize = 12;
const OFFERED: usize = 3;

#[test]
fn without_any_language_few_ukrainian_questions_read_as_russian() {
    let c = answered_in_neighbour("uk", "ru", false);
    let n = c.total();
    assert!(
        n <= UNHINTED_UK_IN_RU,
        "{n} of {} Ukrainian questions answered in Russian without a language (was {UNHINTED_UK_IN_RU}): {:?}",
        c.asked,
        c.per_set
    );
    assert!(
        n - c.offered <= UNHINTED_UK_IN_RU - OFFERED,
        "{} of {n} offered the Ukrainian answer (was {OFFERED} of {UNHINTED_UK_IN_RU})",
        c.offered
    );
}
