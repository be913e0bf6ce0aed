//! `faq add-question` / `faq add-out-of-scope` on a copy of the shipped content
//! (CONTRACT.md): comments and layout kept, the content still loads, the question then gets
//! the intended reply, exit 0/1/2, nothing written on 2, concurrent edits all land.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use crate::support::{self, stderr, stdout};
use widunetz_bot::Engine;
use widunetz_bot::ids::EntryId;

/// The binary with the content of `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let mut a: Vec<String> = vec![
        "--faq".into(),
        dir.join("faq").display().to_string(),
        "--locales".into(),
        dir.join("locales").display().to_string(),
    ];
    a.extend(args.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = a.iter().map(String::as_str).collect();
    support::run(&refs, None)
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir.join("faq"))
        .expect("ls")
        .filter_map(|e| {
            let p = e.expect("entry").path();
            (p.extension()? == "toml").then(|| {
                let name = p.file_name().expect("name").to_string_lossy().to_string();
                (name, std::fs::read_to_string(&p).expect("read"))
            })
        })
        .collect()
}

fn load(dir: &Path) -> Engine {
    Engine::load_strict(&dir.join("faq"), &dir.join("locales")).expect("the content still loads")
}

/// `new` is `old` with exactly these lines inserted (every comment, line and order kept).
fn assert_only_inserted(old: &str, new: &str, inserted: &[&str]) {
    let mut rest: Vec<&str> = new.lines().collect();
    for line in inserted {
        let at = rest
            .iter()
            .position(|l| l.trim() == *line)
            .unwrap_or_else(|| panic!("{line:?} not written:\n{new}"));
        rest.remove(at);
    }
    assert_eq!(
        rest,
        old.lines().collect::<Vec<_>>(),
        "only the new lines differ"
    );
}

/// A question for `members` the shipped content does not answer with `members` today.
fn members_question(e: &Engine) -> &'static str {
    [
        "Wo finde ich die Liste der Mitgliedsorganisationen?",
        "Welche Einrichtungen machen mit?",
        "Welche Stellen sind im Netzwerk vertreten?",
        "Gibt es eine Übersicht der beteiligten Träger?",
        "Aus welchen Bereichen kommen die Institutionen?",
    ]
    .into_iter()
    .find(|q| e.answer(q, None).id.as_ref().map(EntryId::as_str) != Some("members"))
    .expect("a question the shipped content does not answer with members")
}

#[test]
fn add_question_keeps_the_file_and_the_question_is_then_answered() {
    let dir = support::content_copy();
    let before = files(dir.path());
    let q = members_question(&load(dir.path()));
    let o = run_in(dir.path(), &["faq", "add-question", "members", "de", q]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("members"), "{}", stdout(&o));
    let after = files(dir.path());
    let changed: Vec<&String> = after.keys().filter(|k| before[*k] != after[*k]).collect();
    assert_eq!(changed, ["3-organisation.toml"], "only the entry's file");
    let name = "3-organisation.toml";
    assert_only_inserted(&before[name], &after[name], &[&format!("\"{q}\",")]);
    let e = load(dir.path());
    let r = e.answer(q, None);
    assert_eq!(
        (r.id.as_ref().map(EntryId::as_str), r.confident),
        (Some("members"), true)
    );
    // A Turkish variant lands in the entry's `tr` list.
    let o = run_in(
        dir.path(),
        &[
            "faq",
            "add-question",
            "members",
            "tr",
            "Üye kurumların listesi nerede?",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let e = load(dir.path());
    let members = e
        .faq()
        .entries
        .iter()
        .find(|x| x.id == "members")
        .expect("members");
    assert!(
        members.questions["tr"]
            .iter()
            .any(|x| x == "Üye kurumların listesi nerede?")
    );
}

#[test]
fn another_entry_still_winning_is_exit_1_and_named() {
    let dir = support::content_copy();
    let o = run_in(
        dir.path(),
        &[
            "faq",
            "add-question",
            "contact",
            "de",
            "Wann wurde widunetz gegründet?",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("founding"), "{}", stdout(&o));
    let e = load(dir.path());
    let contact = e
        .faq()
        .entries
        .iter()
        .find(|x| x.id == "contact")
        .expect("contact");
    assert!(
        contact.questions["de"]
            .iter()
            .any(|x| x == "Wann wurde widunetz gegründet?"),
        "written"
    );
}

#[test]
fn refused_edits_exit_2_and_write_nothing() {
    let dir = support::content_copy();
    let before = files(dir.path());
    for args in [
        &["faq", "add-question", "no-such-entry", "de", "Eine Frage?"][..],
        &["faq", "add-question", "members", "xx", "Eine Frage?"],
        &["faq", "add-question", "members", "de", "   "],
        &["faq", "add-out-of-scope", "xx", "Eine Frage?"],
        &["faq", "add-out-of-scope", "de", ""],
    ] {
        let o = run_in(dir.path(), args);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{args:?}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        assert!(!stderr(&o).is_empty(), "{args:?} says why");
    }
    assert_eq!(files(dir.path()), before, "nothing written");
    // An unwritable file: nothing written either.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let faq = dir.path().join("faq");
        std::fs::set_permissions(&faq, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        let o = run_in(
            dir.path(),
            &["faq", "add-question", "members", "de", "Eine Frage?"],
        );
        std::fs::set_permissions(&faq, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        // Root may write anyway; then the edit simply worked (answered or not).
        if o.status.code() == Some(2) {
            assert_eq!(files(dir.path()), before);
        } else {
            assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
            assert_ne!(files(dir.path()), before, "exit 0 or 1: written");
        }
    }
}

#[test]
fn two_concurrent_edits_both_land() {
    let dir = support::content_copy();
    let spawn = |q: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_widunetz-bot"))
            .arg("--faq")
            .arg(dir.path().join("faq"))
            .arg("--locales")
            .arg(dir.path().join("locales"))
            .args(["faq", "add-question", "members", "de", q])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let qs = [
        "Erste gleichzeitige Frage?",
        "Zweite gleichzeitige Frage?",
        "Dritte gleichzeitige Frage?",
    ];
    let children: Vec<_> = qs.iter().map(|q| spawn(q)).collect();
    for c in children {
        let o = c.wait_with_output().expect("wait");
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    }
    let e = load(dir.path());
    let members = e
        .faq()
        .entries
        .iter()
        .find(|x| x.id == "members")
        .expect("members");
    for q in qs {
        assert!(members.questions["de"].iter().any(|x| x == q), "{q} lost");
    }
}

#[test]
fn l10n_status_counts_question_variants_per_entry_and_language() {
    let dir = support::content_copy();
    let count = |lang: &str| -> u64 {
        let o = run_in(dir.path(), &["l10n", "status", "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        let st = v
            .as_array()
            .expect("list")
            .iter()
            .find(|s| s["lang"] == lang)
            .expect("language")
            .clone();
        st["variants"]["members"].as_u64().expect("members count")
    };
    let e = load(dir.path());
    let members = e
        .faq()
        .entries
        .iter()
        .find(|x| x.id == "members")
        .expect("members");
    assert_eq!(count("tr"), members.questions["tr"].len() as u64);
    let o = run_in(
        dir.path(),
        &[
            "faq",
            "add-question",
            "members",
            "tr",
            "Üye listesi var mı acaba?",
        ],
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert_eq!(count("tr"), members.questions["tr"].len() as u64 + 1);
    // The text table has a row per entry, German first.
    let o = run_in(dir.path(), &["l10n", "status"]);
    let text = stdout(&o);
    assert!(text.contains("question variants per entry"), "{text}");
    for entry in &e.faq().entries {
        assert!(
            text.lines().any(|l| l.starts_with(entry.id.as_str())),
            "{}: {text}",
            entry.id
        );
    }
}

/// Out-of-scope questions (not in the shipped examples) that an entry answers or suggests
/// today; the first one that does is used.
const OUT_OF_SCOPE_CANDIDATES: &[&str] = &[
    "Wer finanziert die Volkshochschule in Herford?",
    "Wie viele Mitglieder hat der Schützenverein?",
    "Wann wurde der Sportverein in Kirchlengern gegründet?",
    "Kontakt zum Integrationsrat der Stadt Herford",
    "Welche Ziele hat der Kleingartenverein?",
];

#[test]
fn add_out_of_scope_keeps_the_file_and_the_question_then_gets_the_no_match_reply() {
    use widunetz_bot::Outcome;
    let dir = support::content_copy();
    let e = load(dir.path());
    let q = OUT_OF_SCOPE_CANDIDATES
        .iter()
        .copied()
        .find(|q| e.answer(q, None).kind != Outcome::NoMatch)
        .expect("a candidate that an entry still answers or suggests");
    let before = files(dir.path());
    let o = run_in(dir.path(), &["faq", "add-out-of-scope", "de", q]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let after = files(dir.path());
    let name = "out-of-scope.toml";
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, [name], "only the out-of-scope file");
    assert_only_inserted(&before[name], &after[name], &[&format!("\"{q}\",")]);
    let e = load(dir.path());
    assert_eq!(e.answer(q, None).kind, Outcome::NoMatch);
    // Adding the same again writes nothing and still says it works.
    let o = run_in(dir.path(), &["faq", "add-out-of-scope", "de", q]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(files(dir.path()), after);
}
