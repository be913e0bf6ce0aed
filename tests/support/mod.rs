//! What the tests share: the shipped content, the binary, a fake Bot API server
//! ([`fake`]), the bot started in-process against it ([`bot`]) and a typed view of the
//! calls the bot made ([`calls`]). Both test binaries (`integration`, `slow`) use it.
#![allow(dead_code)]

pub mod bot;
pub mod calls;
pub mod fake;
pub mod log;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use widunetz_bot::Engine;
use widunetz_bot::telegram::format::escape;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped knowledge base.
/// A language code the tests name (`"de"`, `"pt-BR"`).
pub fn lang(code: &str) -> widunetz_bot::ids::LangCode {
    widunetz_bot::ids::LangCode::new(code).expect("a language tag")
}

pub fn engine() -> Engine {
    Engine::load_strict(&root().join("faq"), &root().join("locales"))
        .expect("shipped content loads cleanly")
}

/// Questions and a fragment of their German reply, copied by hand from `locales/de/*.ftl`.
/// Each fragment stands in that one reply only (`integration::engine` checks this against
/// the files), so a chat's messages show which question each one answers: order, loss and
/// duplicates become visible. Written down here rather than computed with `Engine::answer`:
/// an expectation must not come from the code under test.
pub const ASKED: [(&str, &str); 10] = [
    ("Wie wurde widunetz gegründet?", "Es startete im Juli 2005"),
    ("kontakt", "Die zentralen Ansprechpersonen"),
    ("Welche Ziele hat widunetz?", "Strategische Steuerung"),
    ("Wie ist widunetz aufgebaut?", "drei Arten von Gruppen"),
    (
        "Wer ist Mitglied bei widunetz?",
        "Institutionen, also Einrichtungen",
    ),
    ("Wie wird widunetz finanziert?", "KOMM-IN NRW"),
    (
        "Was hat widunetz erreicht?",
        "dauerhaftes Netzwerk entstanden",
    ),
    ("Was ist die Kerngruppe?", "Das ist ihre Hauptaufgabe"),
    ("hallo", "Schön, dass Sie da sind"),
    ("danke", "Gern geschehen"),
];

/// The fragment of [`ASKED`] for question `q`.
pub fn fragment(q: &str) -> &'static str {
    ASKED
        .iter()
        .find(|(question, _)| *question == q)
        .map(|(_, f)| *f)
        .unwrap_or_else(|| panic!("no fragment written down for {q:?}"))
}

/// Checks that `got` (the messages a chat received, in order) are exactly one reply per
/// question of `asked`, in that order: each the one message holding its fragment.
#[track_caller]
pub fn assert_replies(got: &[String], asked: &[&str], what: &str) {
    let want: Vec<&str> = asked.iter().map(|q| fragment(q)).collect();
    let seen: Vec<Vec<&str>> = got
        .iter()
        .map(|t| {
            ASKED
                .iter()
                .map(|(_, f)| *f)
                .filter(|f| t.contains(f))
                .collect()
        })
        .collect();
    assert_eq!(
        seen,
        want.iter().map(|f| vec![*f]).collect::<Vec<_>>(),
        "{what}: one reply per question, in order; got {got:#?}"
    );
}

/// Message `id` in `lang` as the bot sends it (HTML-escaped). Fails when `lang`'s own files
/// lack the message: a missing translation is shown in German, and an expectation built on
/// that fallback could not tell a right language from a lost language setting.
#[track_caller]
pub fn localised(e: &Engine, lang: &str, id: &str) -> String {
    assert!(
        e.l10n().has_message(lang, id),
        "locales/{lang} has no {id}: the test would compare with the German fallback"
    );
    escape(&e.l10n().msg(lang, id))
}

/// Message `id` in `lang`, unescaped (pop-ups, `Engine::answer`); fails like
/// [`localised`] when `lang`'s own files lack it.
#[track_caller]
pub fn own_msg(e: &Engine, lang: &str, id: &str) -> String {
    assert!(
        e.l10n().has_message(lang, id),
        "locales/{lang} has no {id}: the test would compare with the German fallback"
    );
    e.l10n().msg(lang, id)
}

/// The environment variables that name the terminal's language: removed for every run, so
/// that a test's result does not depend on the machine's locale.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// Runs the binary from the repository root with `args`, optional stdin.
pub fn run(args: &[&str], stdin: Option<&str>) -> Output {
    run_env(args, stdin, &[])
}

/// [`run`] with environment variables set (after the locale is removed).
pub fn run_env(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_widunetz-bot"));
    cmd.current_dir(root())
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_TOKEN_FILE");
    for v in LOCALE_VARS {
        cmd.env_remove(v);
    }
    cmd.envs(env.iter().copied());
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn widunetz-bot");
    if let (Some(mut s), Some(text)) = (child.stdin.take(), stdin) {
        s.write_all(text.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Copies the shipped faq/ and locales/ into a temporary folder for tests that edit content.
pub fn content_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&root().join("faq"), &dir.path().join("faq"));
    copy_dir(&root().join("locales"), &dir.path().join("locales"));
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}
