//! The binary as people and scripts use it: ask, chat, eval, check, exit codes.

use crate::support;

use support::{run, stderr, stdout};

fn ask_json(args: &[&str]) -> serde_json::Value {
    let mut a = vec!["ask", "--json"];
    a.extend_from_slice(args);
    let o = run(&a, None);
    assert!(o.status.success(), "ask {args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("one JSON object")
}

#[test]
fn ask_json_has_the_contract_shape() {
    let v = ask_json(&["Wie wurde widunetz gegründet?"]);
    for key in [
        "question",
        "lang",
        "detected_lang",
        "id",
        "score",
        "confident",
        "suggestions",
        "answer",
        "outcome",
        "related",
        "truncated",
    ] {
        assert!(v.get(key).is_some(), "missing {key} in {v}");
    }
    assert_eq!(v["outcome"], "answer");
    assert_eq!(v["truncated"], false);
    assert!(v["related"].is_array(), "{v}");
    assert_eq!(v["id"], "founding");
    assert_eq!(v["lang"], "de");
    assert_eq!(v["confident"], true);
    let s = v["score"].as_f64().expect("score");
    assert!((0.0..=1.0).contains(&s));
    assert!(v["answer"].as_str().expect("answer").contains("27.02.2008"));
}

#[test]
fn ask_answers_in_the_question_language() {
    for (q, lang, id) in [
        ("widunetz ne zaman kuruldu?", "tr", "founding"),
        ("Что такое widunetz?", "ru", "about"),
        ("ما هي أهداف widunetz؟", "ar", "goals"),
        ("Wie viele Mitglieder gibt es?", "de", "members"),
    ] {
        let v = ask_json(&[q]);
        assert_eq!(v["lang"], lang, "{q}: {v}");
        assert_eq!(v["detected_lang"], lang, "{q}: {v}");
        assert_eq!(v["id"], id, "{q}: {v}");
    }
    let v = ask_json(&["من هم الأشخاص المسؤولون عن التواصل؟"]);
    assert!(
        v["answer"]
            .as_str()
            .expect("answer")
            .contains("fmi.loehne@awo-owl.de"),
        "{v}"
    );
}

#[test]
fn ask_with_lang_and_unknown_lang() {
    let v = ask_json(&["--lang", "ru", "Wann wurde widunetz gegründet?"]);
    assert_eq!(v["lang"], "ru");
    assert_eq!(v["id"], "founding");
    let o = run(&["ask", "--lang", "xx", "Kontakt"], None);
    assert_eq!(
        o.status.code(),
        Some(2),
        "unknown language is a usage error"
    );
    assert!(stderr(&o).contains("unknown language"), "{}", stderr(&o));
}

#[test]
fn ask_no_match_has_null_id() {
    let v = ask_json(&["xyzzy plugh"]);
    assert!(v["id"].is_null());
    assert_eq!(v["confident"], false);
}

#[test]
fn chat_with_piped_input_answers_each_line_and_exits() {
    let o = run(&["chat"], Some("Wie wurde widunetz gegründet?\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("27.02.2008"), "{out}");
    let o = run(
        &["chat"],
        Some("kontakt\nmerhaba\n/language ar\nKontakt\n/quit\nnever read\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // One reply per line, in order, each a literal of its language's files: the German
    // contact answer, the Turkish greeting, the Arabic confirmation, the Arabic contact
    // answer (after the switch), the Arabic goodbye — and nothing for the line after /quit.
    let replies = [
        "Die zentralen Ansprechpersonen von widunetz sind:",
        "Merhaba, hoş geldiniz!",
        "سأجيب الآن باللغة العربية.",
        "المسؤولتان الرئيسيتان عن التواصل في شبكة",
        "مع السلامة!",
    ];
    let mut at = 0;
    for r in replies {
        let Some(i) = out[at..].find(r) else {
            panic!("{r:?} missing or out of order after byte {at}:\n{out}");
        };
        at += i + r.len();
    }
    assert_eq!(out[at..].trim(), "", "nothing after the goodbye: {out}");
    assert!(
        !out.contains("عذرًا، ليس عندي جواب"),
        "the line after /quit was answered: {out}"
    );
}

#[test]
fn chat_topics_and_numbers() {
    let o = run(&["chat"], Some("/topics\n2\n1\n"));
    let out = stdout(&o);
    // Topic 2 is history, its first entry is founding.
    assert!(out.contains("27.02.2008"), "{out}");
}

#[test]
fn default_command_opens_the_chat_and_explains_telegram() {
    let o = run(&[], Some("Kontakt\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("m.j.chaput@kreis-herford.de"));
    assert!(
        stderr(&o).contains("TELOXIDE_TOKEN"),
        "says how to connect Telegram: {}",
        stderr(&o)
    );
}

#[test]
fn the_terminal_s_locale_breaks_a_tie_as_telegram_s_language_does() {
    // Russian words without a Ukrainian or Russian letter: read as Russian, unless the
    // terminal's locale is Ukrainian (then Ukrainian, as for a Telegram user set to it).
    let question = "скока там членов в сети?\n";
    let q = Some(question);
    let e = support::engine();
    let members = |lang: &str| support::own_msg(&e, lang, "faq-members-answer");
    let plain = run(&["chat"], q);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(
        stdout(&plain).contains(&members("ru")),
        "{}",
        stdout(&plain)
    );
    let uk = support::run_env(&["chat"], q, &[("LANG", "uk_UA.UTF-8")]);
    assert!(stdout(&uk).contains(&members("uk")), "{}", stdout(&uk));
    // LC_ALL wins over LANG; C names no language.
    let c = support::run_env(&["chat"], q, &[("LANG", "uk_UA.UTF-8"), ("LC_ALL", "C")]);
    assert!(stdout(&c).contains(&members("ru")), "{}", stdout(&c));
    // A set LC_ALL that is not Unicode is the C locale: LANG does not count under it.
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::unix::ffi::OsStrExt;
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_widunetz-bot"));
        cmd.current_dir(support::root())
            .arg("chat")
            .env_remove("TELOXIDE_TOKEN")
            .env_remove("TELOXIDE_TOKEN_FILE")
            .env_remove("LC_MESSAGES")
            .env("LANG", "uk_UA.UTF-8")
            .env("LC_ALL", std::ffi::OsStr::from_bytes(b"uk_UA.\xff"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped());
        let mut child = cmd.spawn().expect("spawn");
        if let Some(mut s) = child.stdin.take() {
            s.write_all(question.as_bytes()).expect("stdin");
        }
        let o = child.wait_with_output().expect("wait");
        assert!(stdout(&o).contains(&members("ru")), "{}", stdout(&o));
    }
    // The no-token notice on stderr in the locale's language too.
    let notice = support::own_msg(&e, "uk", "chat-no-token");
    let first_line = notice.lines().next().unwrap_or_default();
    let d = support::run_env(&[], Some("/quit\n"), &[("LANG", "uk_UA.UTF-8")]);
    assert!(stderr(&d).contains(first_line), "{}", stderr(&d));
}

#[test]
fn eval_json_has_the_contract_shape() {
    let o = run(&["eval", "--json", "tests/eval/dev.toml"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    for key in [
        "cases",
        "in_scope",
        "top1",
        "top3",
        "wrong",
        "oos_rejected",
        "lang_detected",
        "match_us_p50",
        "match_us_p99",
        "per_lang",
        "failures",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for lang in ["de", "tr", "ru", "ar"] {
        assert!(v["per_lang"][lang]["top1"].is_number(), "per_lang.{lang}");
    }
}

#[test]
fn eval_on_a_broken_file_exits_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("bad.toml");
    std::fs::write(&f, "[[case]]\nlang = \"de\nquestion = 1\n").expect("write");
    let o = run(&["eval", f.to_str().expect("utf8")], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
}

#[test]
fn check_passes_on_shipped_content() {
    let o = run(&["check"], None);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn check_reports_broken_content_with_lines() {
    let dir = support::content_copy();
    std::fs::write(
        dir.path().join("faq/broken.toml"),
        "[[entry]]\nid = \"x\"\ntopic = \n",
    )
    .expect("write");
    let faq = dir.path().join("faq");
    let loc = dir.path().join("locales");
    let o = run(
        &[
            "--faq",
            faq.to_str().expect("p"),
            "--locales",
            loc.to_str().expect("p"),
            "check",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("broken.toml:3"), "{}", stdout(&o));
}

#[test]
fn missing_content_folder_exits_2() {
    let o = run(&["--faq", "does-not-exist", "ask", "Kontakt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does-not-exist"), "{}", stderr(&o));
}

#[test]
fn serve_options_are_refused_where_they_would_be_ignored() {
    for args in [
        &["--admin", "5", "check"][..],
        &["--admin", "5", "serve"],
        &["check", "--admin", "5"],
        &["--no-watch", "check"],
        &["ask", "--no-watch", "Kontakt"],
    ] {
        let o = run(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("--admin") || stderr(&o).contains("--no-watch"),
            "{args:?} names the option: {}",
            stderr(&o)
        );
    }
    // The contract's global flags stay valid before any command.
    let data = tempfile::tempdir().expect("tmp");
    let d = data.path().to_str().expect("utf-8");
    let o = run(
        &["--data", d, "--faq", "faq", "--locales", "locales", "check"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn the_terminal_chat_knows_privacy_and_forget() {
    let o = run(
        &["chat", "--lang", "tr"],
        Some("/privacy\n/forget\n/help\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let e = support::engine();
    let privacy = widunetz_bot::reply::privacy_text(e.l10n(), "tr", true, 90);
    assert!(out.contains(&privacy), "{out}");
    // Literals of locales/tr/ui.ftl and locales/de/ui.ftl (a missing Turkish text would
    // be shown in German and must not pass).
    assert!(out.contains("90 gün boyunca"), "the days in Turkish: {out}");
    assert!(e.l10n().has_message("tr", "forget-done"));
    assert!(
        out.contains(&support::own_msg(&e, "tr", "forget-done")),
        "{out}"
    );
    // Forgotten: back to German.
    assert!(out.contains("So benutzen Sie mich:"), "{out}");
    assert!(
        !out.contains(&support::own_msg(&e, "tr", "unknown-command")),
        "{out}"
    );
}

/// README: in the terminal chat "What you do there is counted in memory only, never in
/// `data/`" — an unanswered question, a 👍 and a language choice leave the folder empty.
#[test]
fn the_terminal_chat_writes_nothing_to_the_data_folder() {
    let data = tempfile::tempdir().expect("tmp");
    let d = data.path().to_str().expect("utf-8");
    let o = run(
        &["--data", d, "chat"],
        Some("Wo kann ich mein Fahrrad reparieren lassen?\nkontakt\n3\n/language tr\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Die zentralen Ansprechpersonen"), "{out}");
    assert!(out.contains("Artık size Türkçe cevap vereceğim."), "{out}");
    let files: Vec<_> = std::fs::read_dir(data.path())
        .expect("dir")
        .map(|e| e.map(|e| e.file_name()))
        .collect();
    assert!(files.is_empty(), "written to --data: {files:?}");
}

/// `serve` without a token: a clear message naming both ways to give one, exit code 2, and
/// no data folder created.
#[test]
fn serve_without_a_token_says_how_to_give_one_and_exits_2() {
    let parent = tempfile::tempdir().expect("tmp");
    let data = parent.path().join("data");
    let d = data.to_str().expect("utf-8");
    let o = run(&["--data", d, "serve"], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("TELOXIDE_TOKEN") && err.contains("TELOXIDE_TOKEN_FILE"),
        "{err}"
    );
    assert!(!data.exists(), "a data folder was created");
}
