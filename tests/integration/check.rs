//! `widunetz-bot check`: broken fixtures give exactly the expected problems at the right
//! lines; matching health and review dates; exit codes 0 / 1 / 2; the shipped content is clean.

use crate::support;

use std::path::{Path, PathBuf};

use widunetz_bot::check::{self, CheckReport};
use widunetz_bot::clock::{self, Date};
use widunetz_bot::l10n::L10n;
use widunetz_bot::{Severity, sources};

/// The day the review dates are compared with.
fn today() -> Date {
    day("2026-11-26")
}

fn day(s: &str) -> Date {
    clock::parse(s).expect("test date")
}

/// The broken fixture plus the real UI texts, with every translation marked current and
/// then one German text changed, so exactly that message is stale in each translation.
fn broken_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    support::copy_dir(&support::root().join("tests/fixtures/broken"), dir.path());
    for lang in ["de", "tr", "ru", "ar"] {
        std::fs::copy(
            support::root().join("locales").join(lang).join("ui.ftl"),
            dir.path().join("locales").join(lang).join("ui.ftl"),
        )
        .expect("copy ui.ftl");
    }
    let locales = dir.path().join("locales");
    let (l10n, _) = L10n::load(&locales).expect("load");
    for lang in ["tr", "ru", "ar"] {
        sources::mark_current(&l10n, &locales, lang, &[]).expect("mark");
    }
    let de = locales.join("de/faq.ftl");
    let text = std::fs::read_to_string(&de).expect("read");
    std::fs::write(
        &de,
        text.replace(
            "faq-bad-date-answer = Bald.",
            "faq-bad-date-answer = Bald, am Montag.",
        ),
    )
    .expect("write");
    dir
}

/// (severity, file relative to the content root, line, subject, a phrase of the message)
type Want = (
    Severity,
    &'static str,
    Option<usize>,
    Option<&'static str>,
    &'static str,
);

fn describe(report: &CheckReport, root: &Path) -> Vec<String> {
    report
        .problems
        .iter()
        .map(|p| {
            let file: PathBuf = p
                .location
                .file
                .strip_prefix(root)
                .unwrap_or(&p.location.file)
                .to_path_buf();
            format!(
                "{:?} {}:{:?} [{:?}] {}",
                p.severity,
                file.display(),
                p.location.line,
                p.subject,
                p.message
            )
        })
        .collect()
}

#[test]
fn broken_fixture_gives_exactly_the_expected_problems() {
    use Severity::{Error as E, Warning as W};
    let dir = broken_fixture();
    let root = dir.path();
    let report =
        check::run_at(&root.join("faq"), &root.join("locales"), today()).expect("check runs");
    let want: Vec<Want> = vec![
        // TOML: syntax, with the offending line quoted.
        (E, "faq/b.toml", Some(2), None, "TOML syntax"),
        // TOML: schema.
        (
            E,
            "faq/a.toml",
            Some(4),
            Some("hello"),
            "related id \"nowhere\" does not exist",
        ),
        (
            E,
            "faq/a.toml",
            Some(8),
            Some("hello"),
            "empty question in de",
        ),
        (
            E,
            "faq/a.toml",
            Some(10),
            Some("hello"),
            "unknown language code \"1x\"",
        ),
        (
            E,
            "faq/a.toml",
            Some(13),
            Some("Bad_Id"),
            "id must use only a-z",
        ),
        (
            E,
            "faq/a.toml",
            Some(19),
            Some("hello"),
            "duplicate id: already used in",
        ),
        (
            E,
            "faq/a.toml",
            Some(24),
            Some("no-german"),
            "no German questions",
        ),
        (E, "faq/a.toml", Some(30), None, "entry without `id`"),
        (
            E,
            "faq/a.toml",
            Some(25),
            Some("no-german"),
            "unknown topic \"nowhere\"",
        ),
        (E, "faq/a.toml", Some(38), Some("bad-date"), "is not a date"),
        // The code's own messages: /contact shows the answer of the entry `contact`.
        (
            E,
            "locales/de",
            None,
            Some("faq-contact-answer"),
            "message missing in German",
        ),
        (
            W,
            "faq/a.toml",
            Some(5),
            Some("hello"),
            "review date 2020-01-31 has passed",
        ),
        // Fluent: syntax and duplicates.
        (E, "locales/tr/faq.ftl", Some(14), None, "Fluent syntax"),
        (
            E,
            "locales/de/faq.ftl",
            Some(9),
            Some("faq-bad-date-title"),
            "duplicate message id",
        ),
        // Fluent: translations against German.
        (
            E,
            "locales/tr/faq.ftl",
            Some(4),
            Some("faq-hello-answer"),
            "$count, $name is in German but not",
        ),
        (
            E,
            "locales/tr/faq.ftl",
            Some(4),
            Some("faq-hello-answer"),
            "$isim is not in German",
        ),
        (
            E,
            "locales/tr/faq.ftl",
            Some(6),
            Some("faq-no-german-title"),
            "empty text",
        ),
        (
            W,
            "locales/tr/faq.ftl",
            Some(11),
            Some("faq-old"),
            "obsolete",
        ),
        (
            E,
            "locales/ru/faq.ftl",
            Some(9),
            Some("unread"),
            "add [few], [many]",
        ),
        (
            W,
            "locales/ar",
            None,
            Some("faq-bad-date-title"),
            "not translated yet",
        ),
        (
            W,
            "locales/tr/faq.ftl",
            Some(9),
            Some("faq-bad-date-answer"),
            "German then: «faq-bad-date-answer = Bald.»; German now: «faq-bad-date-answer = Bald, am Montag.»",
        ),
        (
            W,
            "locales/ru/faq.ftl",
            Some(7),
            Some("faq-bad-date-answer"),
            "stale",
        ),
        (
            W,
            "locales/ar/faq.ftl",
            Some(6),
            Some("faq-bad-date-answer"),
            "stale",
        ),
    ];
    let got = describe(&report, root);
    let mut unmatched: Vec<usize> = (0..report.problems.len()).collect();
    let mut missing = Vec::new();
    for w in &want {
        let pos = unmatched.iter().position(|&i| {
            let p = &report.problems[i];
            p.severity == w.0
                && p.location.file == root.join(w.1)
                && p.location.line == w.2
                && p.subject.as_deref() == w.3
                && p.message.contains(w.4)
        });
        match pos {
            Some(k) => {
                unmatched.remove(k);
            }
            None => missing.push(format!("{w:?}")),
        }
    }
    let extra: Vec<&String> = unmatched.iter().map(|&i| &got[i]).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing: {missing:#?}\nunexpected: {extra:#?}"
    );
    // The syntax error quotes the offending line; the coverage table counts stale messages.
    let syntax = report
        .problems
        .iter()
        .find(|p| p.message.contains("TOML syntax"))
        .expect("syntax problem");
    assert!(
        syntax.message.contains("id = \"broken"),
        "{}",
        syntax.message
    );
    // toml reports the end of the line, where the closing quote is missing.
    assert_eq!(syntax.location.column, Some(72), "{syntax}");
    assert_eq!(report.coverage["tr"].stale, vec!["faq-bad-date-answer"]);
    assert_eq!(report.coverage["ar"].missing, vec!["faq-bad-date-title"]);
    assert_eq!(report.coverage["tr"].obsolete, vec!["faq-old"]);
}

#[test]
fn check_binary_exit_codes_and_json() {
    let dir = broken_fixture();
    let out = support::run(
        &[
            "--faq",
            &dir.path().join("faq").to_string_lossy(),
            "--locales",
            &dir.path().join("locales").to_string_lossy(),
            "check",
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "problems → exit 1");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["errors"].as_u64().unwrap_or(0) >= 10, "{v}");
    assert!(v["problems"][0]["location"]["file"].is_string(), "{v}");
    assert!(v["coverage"]["tr"]["stale"].is_array(), "{v}");

    let human = support::run(
        &[
            "--faq",
            &dir.path().join("faq").to_string_lossy(),
            "--locales",
            &dir.path().join("locales").to_string_lossy(),
            "check",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("a.toml:4:"), "{text}");
    assert!(
        text.contains("language  translated  missing  stale  obsolete"),
        "{text}"
    );

    let missing = support::run(&["--faq", "/nonexistent/faq", "check"], None);
    assert_eq!(missing.status.code(), Some(2), "could not run → exit 2");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/faq"));
}

#[test]
fn shipped_content_is_clean() {
    let out = support::run(&["check"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("\n0 error(s)"), "{text}");
}

/// A small clean content set with one problem of matching health and one review date.
#[test]
fn matching_health_and_review_dates() {
    let dir = support::content_copy();
    let faq = dir.path().join("faq");
    // The contact entry gets a question of "join" word for word (join comes first in the
    // files, so it wins the tie), and "join" gets a review date that has passed.
    let contact = faq.join("5-contact.toml");
    let text = std::fs::read_to_string(&contact).expect("read");
    let text = text.replacen(
        "    \"Wie kann ich euch erreichen?\",",
        "    \"Wie kann ich euch erreichen?\",\n    \"Wie kann ich Mitglied werden?\",",
        1,
    );
    std::fs::write(&contact, &text).expect("write");
    let dup_line = text
        .lines()
        .position(|l| l.contains("Wie kann ich Mitglied werden?"))
        .map(|i| i + 1);
    let join = faq.join("4-participation.toml");
    let jtext = std::fs::read_to_string(&join).expect("read").replacen(
        "id = \"join\"",
        "id = \"join\"\nreview_by = 2026-01-31",
        1,
    );
    std::fs::write(&join, &jtext).expect("write");
    let review_line = jtext
        .lines()
        .position(|l| l.starts_with("review_by"))
        .map(|i| i + 1);
    let report = check::run_at(&faq, &dir.path().join("locales"), today()).expect("check runs");
    let got = describe(&report, dir.path());
    let health = report
        .problems
        .iter()
        .find(|p| {
            p.message.contains("\"Wie kann ich Mitglied werden?\"")
                && p.subject.as_deref() == Some("contact")
                && (p.message.contains("answered by entry \"join\"")
                    || p.message.contains("is not answered directly"))
        })
        .unwrap_or_else(|| panic!("variant not reported: {got:#?}"));
    // Answered by the other entry is an error; a tie of the two (suggestions) a warning.
    let expected = if health.message.contains("answered by entry") {
        Severity::Error
    } else {
        Severity::Warning
    };
    assert_eq!(health.severity, expected);
    assert_eq!(health.location.line, dup_line, "{health}");
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.message.contains("near-duplicate")
                && p.message.contains("Wie kann ich Mitglied werden?")),
        "{got:#?}"
    );
    let review = report
        .problems
        .iter()
        .find(|p| p.message.contains("review date 2026-01-31 has passed"))
        .unwrap_or_else(|| panic!("{got:#?}"));
    assert_eq!(review.severity, Severity::Warning);
    assert_eq!(review.location.line, review_line, "{review}");
    // A date in the future is fine.
    let later = check::run_at(&faq, &dir.path().join("locales"), day("2025-12-31")).expect("run");
    assert!(
        !later
            .problems
            .iter()
            .any(|p| p.message.contains("review date"))
    );
}

/// Broken `synonyms.toml` and `out-of-scope.toml` are reported at file:line, and `check`
/// exits 1; the entries still load.
#[test]
fn lexicon_files_are_checked_at_their_lines() {
    let dir = support::content_copy();
    let faq = dir.path().join("faq");
    std::fs::write(
        faq.join("synonyms.toml"),
        "# test\n[[synonyms]]\nde = [\"Geldgeber\", \"\"]\n\n[[synonyms]]\nxx_1 = [\"a\", \"b\"]\n",
    )
    .expect("write");
    std::fs::write(
        faq.join("out-of-scope.toml"),
        "[questions]\nde = [\n  \"Telefonnummer vom Jobcenter\",\n  \"\",\n]\n",
    )
    .expect("write");
    let report = check::run_at(&faq, &dir.path().join("locales"), today()).expect("check runs");
    let got = describe(&report, dir.path());
    for (file, line, phrase) in [
        ("faq/synonyms.toml", 3, "empty"),
        ("faq/synonyms.toml", 6, "unknown language"),
        ("faq/out-of-scope.toml", 4, "empty"),
    ] {
        assert!(
            got.iter().any(|g| g.starts_with("Error ")
                && g.contains(&format!("{file}:Some({line})"))
                && g.contains(phrase)),
            "want {file}:{line} {phrase}; got {got:#?}"
        );
    }
    assert!(report.errors >= 3, "{got:#?}");
    let o = support::run(
        &[
            "--faq",
            faq.to_str().expect("utf-8 path"),
            "--locales",
            dir.path().join("locales").to_str().expect("utf-8 path"),
            "check",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", support::stdout(&o));
    assert!(
        support::stdout(&o).contains("synonyms.toml:3"),
        "{}",
        support::stdout(&o)
    );
}

/// Issue 12: a topic id too long for its button (`t:<topic>`, at most 64 bytes) made Telegram
/// refuse `/start`, `/topics` and every no-match reply; `check` refuses it now, and a folder
/// under `locales/` that is no language code.
#[test]
fn ids_that_do_not_fit_a_button_and_folders_that_are_no_language_are_refused() {
    let dir = support::content_copy();
    let toml = dir.path().join("faq/1-about.toml");
    let long = "t".repeat(60);
    let text = std::fs::read_to_string(&toml).expect("read");
    std::fs::write(
        &toml,
        text.replacen("topic = \"about\"", &format!("topic = \"{long}\""), 1),
    )
    .expect("write");
    support::copy_dir(
        &dir.path().join("locales/tr"),
        &dir.path().join("locales/tr_TR"),
    );
    let report = check::run_at(
        &dir.path().join("faq"),
        &dir.path().join("locales"),
        today(),
    )
    .expect("check runs");
    let errors: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    assert!(
        errors.iter().any(|e| e.contains(&long)
            && e.contains("Telegram button")
            && e.contains("1-about.toml:")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("tr_TR") && e.contains("not a language code")),
        "{errors:#?}"
    );
    let out = support::run(
        &[
            "--faq",
            &dir.path().join("faq").to_string_lossy(),
            "--locales",
            &dir.path().join("locales").to_string_lossy(),
            "check",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", support::stdout(&out));
}

/// A language profile next to a language's texts (`locales/<code>/profile.toml`) is read by
/// `check` as by the bot: its broken rules are reported at their lines.
#[test]
fn profile_files_are_checked_at_their_lines() {
    let dir = support::content_copy();
    let locales = dir.path().join("locales");
    std::fs::write(
        locales.join("uk/profile.toml"),
        "script = \"Cyrillic\"\nmixes_with = [\"ru\"]\nkeyboard = [\"і = и\", \"є\"]\nfolds = [\"скока = скільки\", \"=\"]\n",
    )
    .expect("write");
    let report = check::run_at(&dir.path().join("faq"), &locales, today()).expect("check runs");
    let got = describe(&report, dir.path());
    for (line, phrase) in [(3, "keyboard"), (4, "")] {
        assert!(
            got.iter().any(|g| g.starts_with("Error ")
                && g.contains(&format!("locales/uk/profile.toml:Some({line})"))
                && g.contains(phrase)),
            "want profile.toml:{line} {phrase}; got {got:#?}"
        );
    }
}
