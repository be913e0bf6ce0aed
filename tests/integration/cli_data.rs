//! The read-only commands over the data folder and the translation files, as the binary
//! runs them: `unanswered --since/--lang/--json`, `feedback [--json]`, `l10n status` and
//! `l10n mark-current` (README "Commands"). The data is written with the library's `Store`,
//! the expectations are literal values.

use crate::support::{self, run, stderr, stdout};

use std::path::Path;

use serde_json::{Value, json};
use widunetz_bot::engine::OutcomeKind;
use widunetz_bot::ids::{EntryId, LangCode};
use widunetz_bot::store::Store;

/// Today (UTC) minus `n` days as `YYYY-MM-DD`, from the crate's one clock, which the store
/// counts its days by.
fn days_ago(n: u32) -> String {
    use widunetz_bot::clock;
    clock::days_before(clock::today(), n)
        .expect("a recent day")
        .to_string()
}

fn json_of(args: &[&str]) -> Value {
    let out = run(args, None);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {}", stdout(&out)))
}

/// (question, lang, count) of each group of `unanswered --json`, in its order.
fn groups(v: &Value) -> Vec<(String, String, i64)> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|g| {
            (
                g["question"].as_str().unwrap_or_default().to_string(),
                g["lang"].as_str().unwrap_or_default().to_string(),
                g["count"].as_i64().unwrap_or(-1),
            )
        })
        .collect()
}

fn record(store: &Store, day: &str, q: &str, lang: &str, outcome: OutcomeKind) {
    store
        .record_unanswered_on(
            widunetz_bot::clock::parse(day).expect("date"),
            q,
            lang,
            outcome,
        )
        .expect("record");
}

#[test]
fn unanswered_filters_by_days_and_language() {
    let data = tempfile::tempdir().expect("tmp");
    let dir = data.path().to_str().expect("utf-8").to_string();
    {
        let s = Store::open(data.path()).expect("store");
        let (today, d5, d20) = (days_ago(0), days_ago(5), days_ago(20));
        record(&s, &d20, "zqxv alt", "de", OutcomeKind::NoMatch);
        record(&s, &d5, "zqxv fahrrad", "de", OutcomeKind::NoMatch);
        record(&s, &today, "zqxv fahrrad", "de", OutcomeKind::NoMatch);
        record(&s, &today, "zqxv bisiklet", "tr", OutcomeKind::Suggestions);
    }
    let all = json_of(&["--data", &dir, "unanswered", "--json"]);
    assert_eq!(
        groups(&all),
        [
            ("zqxv fahrrad".into(), "de".into(), 2),
            ("zqxv bisiklet".into(), "tr".into(), 1),
            ("zqxv alt".into(), "de".into(), 1),
        ],
        "{all:#}"
    );
    let first = &all[0];
    assert_eq!(first["first_day"], json!(days_ago(5)));
    assert_eq!(first["last_day"], json!(days_ago(0)));
    assert_eq!(first["outcomes"], json!(["no_match"]));
    assert_eq!(first["variants"], json!(["zqxv fahrrad"]));

    // --since 7: last asked within 7 days; the 20-day-old question is left out.
    let recent = json_of(&["--data", &dir, "unanswered", "--since", "7", "--json"]);
    assert_eq!(
        groups(&recent),
        [
            ("zqxv fahrrad".into(), "de".into(), 2),
            ("zqxv bisiklet".into(), "tr".into(), 1),
        ]
    );
    // --lang, also as a regional code the bot negotiates (tr-TR → tr).
    for code in ["tr", "tr-TR"] {
        let tr = json_of(&["--data", &dir, "unanswered", "--lang", code, "--json"]);
        assert_eq!(
            groups(&tr),
            [("zqxv bisiklet".into(), "tr".into(), 1)],
            "{code}"
        );
        assert_eq!(tr[0]["outcomes"], json!(["suggestions"]));
    }
    let both = json_of(&[
        "--data",
        &dir,
        "unanswered",
        "--lang",
        "de",
        "--since",
        "7",
        "--json",
    ]);
    assert_eq!(groups(&both), [("zqxv fahrrad".into(), "de".into(), 2)]);

    // The text form: count, language, question, the days and the outcome.
    let out = run(&["--data", &dir, "unanswered", "--since", "7"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let want = format!(
        "   2×  [de]  zqxv fahrrad\n        {} – {}, no_match",
        days_ago(5),
        days_ago(0)
    );
    assert!(text.contains(&want), "{text}");
    assert!(!text.contains("zqxv alt"), "{text}");
}

#[test]
fn read_only_commands_without_a_database_say_so_and_create_none() {
    let data = tempfile::tempdir().expect("tmp");
    let dir = data.path().to_str().expect("utf-8").to_string();
    for (args, empty) in [
        (vec!["unanswered"], "No unanswered questions recorded.\n"),
        (vec!["feedback"], "No feedback recorded yet.\n"),
    ] {
        let mut all = vec!["--data", dir.as_str()];
        all.extend(&args);
        let out = run(&all, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(stdout(&out), empty, "{args:?}");
        assert!(stderr(&out).contains("no database in"), "{}", stderr(&out));
        all.push("--json");
        assert_eq!(json_of(&all), json!([]), "{args:?} --json");
    }
    assert_eq!(
        std::fs::read_dir(data.path()).expect("dir").count(),
        0,
        "reading created no database"
    );
}

#[test]
fn feedback_lists_the_counts_per_entry_and_language() {
    let data = tempfile::tempdir().expect("tmp");
    let dir = data.path().to_str().expect("utf-8").to_string();
    {
        let s = Store::open(data.path()).expect("store");
        let id = |e: &str| EntryId::new(e).expect("entry id");
        let lang = |l: &str| LangCode::new(l).expect("lang");
        for up in [true, true, false] {
            s.add_feedback(&id("founding"), &lang("tr"), up)
                .expect("feedback");
        }
        s.add_feedback(&id("contact"), &lang("ar"), false)
            .expect("feedback");
    }
    let v = json_of(&["--data", &dir, "feedback", "--json"]);
    assert_eq!(
        v,
        json!([
            {"down": 1, "entry": "contact", "lang": "ar", "up": 0},
            {"down": 1, "entry": "founding", "lang": "tr", "up": 2},
        ])
    );
    let out = run(&["--data", &dir, "feedback"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "entry            lang      👍     👎\n\
         contact          ar        0     1\n\
         founding         tr        2     1\n"
    );
}

/// `l10n status` of one language as JSON.
fn status(locales: &str, lang: &str) -> Value {
    let v = json_of(&["--locales", locales, "l10n", "status", lang, "--json"]);
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    v[0].clone()
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("list")
        .iter()
        .map(|i| match i {
            Value::String(s) => s.clone(),
            other => other["id"].as_str().unwrap_or_default().to_string(),
        })
        .collect()
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn l10n_status_and_mark_current_follow_a_german_change() {
    let content = support::content_copy();
    let locales_dir = content.path().join("locales");
    let locales = locales_dir.to_str().expect("utf-8").to_string();
    // The shipped translations, all marked current (the state after a translator's work).
    for lang in ["tr", "ru", "ar"] {
        let out = run(&["--locales", &locales, "l10n", "mark-current", lang], None);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let before = status(&locales, "tr");
    assert_eq!(before["lang"], "tr");
    assert_eq!(ids(&before["stale"]), Vec::<String>::new());
    assert_eq!(ids(&before["missing"]), Vec::<String>::new());
    assert!(ids(&before["current"]).contains(&"faq-contact-title".to_string()));

    // The German title changes, and Turkish loses one message and keeps one German lacks.
    replace_in(
        &locales_dir.join("de/faq.ftl"),
        "faq-contact-title = Wer sind die Ansprechpersonen?",
        "faq-contact-title = Wer sind die Ansprechpersonen von widunetz?",
    );
    let tr_ui = locales_dir.join("tr/ui.ftl");
    let ui = std::fs::read_to_string(&tr_ui).expect("read");
    let kept: Vec<&str> = ui
        .lines()
        .filter(|l| !l.starts_with("cmd-privacy ="))
        .collect();
    assert_eq!(kept.len() + 1, ui.lines().count(), "one line: cmd-privacy");
    std::fs::write(
        &tr_ui,
        format!("{}\nzz-old-message = eski\n", kept.join("\n")),
    )
    .expect("write");

    let tr = status(&locales, "tr");
    assert_eq!(ids(&tr["stale"]), ["faq-contact-title"]);
    assert_eq!(ids(&tr["missing"]), ["cmd-privacy"]);
    assert_eq!(ids(&tr["obsolete"]), ["zz-old-message"]);
    assert!(!ids(&tr["current"]).contains(&"faq-contact-title".to_string()));
    // Russian was not touched but its German source changed too: stale as well.
    assert_eq!(ids(&status(&locales, "ru")["stale"]), ["faq-contact-title"]);
    // The text form of one language names the stale message with the German then and now.
    let out = run(&["--locales", &locales, "l10n", "status", "tr"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("faq-contact-title"), "{text}");
    assert!(
        text.contains("Wer sind die Ansprechpersonen?"),
        "then: {text}"
    );
    assert!(
        text.contains("Wer sind die Ansprechpersonen von widunetz?"),
        "now: {text}"
    );

    // The translator updated the Turkish title: marked current, only that message.
    let out = run(
        &[
            "--locales",
            &locales,
            "l10n",
            "mark-current",
            "tr",
            "faq-contact-title",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("tr: 1 message(s) marked current in "),
        "{}",
        stdout(&out)
    );
    assert_eq!(ids(&status(&locales, "tr")["stale"]), Vec::<String>::new());
    assert_eq!(
        ids(&status(&locales, "ru")["stale"]),
        ["faq-contact-title"],
        "other languages stay stale"
    );

    // Unknown languages: exit 2 with the available ones named.
    for args in [
        vec!["--locales", &locales, "l10n", "status", "xx"],
        vec!["--locales", &locales, "l10n", "mark-current", "xx"],
    ] {
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("unknown language \"xx\""),
            "{}",
            stderr(&out)
        );
    }
}
