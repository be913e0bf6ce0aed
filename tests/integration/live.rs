//! Live reload: edits under a running instance are picked up without a restart; a broken edit
//! keeps the last good content (and says where the problem is); a snapshot keeps its version.

use crate::support;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use widunetz_bot::ids::EntryId;
use widunetz_bot::live::{Live, Reload};
use widunetz_bot::{Engine, Outcome};

const QUESTION: &str = "Wer ist der Ansprechpartner?";
const ORIGINAL: &str = "Die zentralen Ansprechpersonen von widunetz sind:";
/// The reply to `/language de` (locales/de/ui.ftl `language-changed`).
const END: &str = "Ich antworte jetzt auf Deutsch.";

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// The terminal chat as a child process, fed through a pipe.
struct Chat {
    child: Child,
    stdin: ChildStdin,
    out: Arc<Mutex<String>>,
    err: Arc<Mutex<String>>,
}

fn collect(mut r: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let buf = Arc::new(Mutex::new(String::new()));
    let b = buf.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = r.read(&mut chunk) {
            if n == 0 {
                break;
            }
            b.lock()
                .expect("lock")
                .push_str(&String::from_utf8_lossy(&chunk[..n]));
        }
    });
    buf
}

impl Chat {
    fn start(content: &Path, extra: &[&str]) -> Chat {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_widunetz-bot"));
        for v in support::LOCALE_VARS {
            cmd.env_remove(v);
        }
        let mut child = cmd
            .arg("--faq")
            .arg(content.join("faq"))
            .arg("--locales")
            .arg(content.join("locales"))
            .args(extra)
            .args(["chat", "--lang", "de"])
            .env_remove("TELOXIDE_TOKEN")
            .env_remove("TELOXIDE_TOKEN_FILE")
            .env("RUST_LOG", "info")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let stdin = child.stdin.take().expect("stdin");
        let out = collect(child.stdout.take().expect("stdout"));
        let err = collect(child.stderr.take().expect("stderr"));
        Chat {
            child,
            stdin,
            out,
            err,
        }
    }

    /// Asks one question and returns the answer. A `/language de` follows each question;
    /// its reply (a literal of locales/de/ui.ftl) marks where the answer ends, so the wait
    /// ends on that text, not on a quiet time.
    fn ask(&mut self, q: &str) -> String {
        let start = self.out.lock().expect("lock").len();
        writeln!(self.stdin, "{q}\n/language de").expect("write");
        self.stdin.flush().expect("flush");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let out = self.out.lock().expect("lock")[start..].to_string();
            if let Some(end) = out.find(END) {
                return out[..end].to_string();
            }
            assert!(Instant::now() < deadline, "no answer to {q:?}: {out}");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Asks until the answer contains `needle`; returns how long that took.
    fn ask_until(&mut self, q: &str, needle: &str, limit: Duration) -> Duration {
        let t = Instant::now();
        loop {
            if self.ask(q).contains(needle) {
                return t.elapsed();
            }
            assert!(
                t.elapsed() < limit,
                "{needle:?} not live after {limit:?}; stderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn stderr(&self) -> String {
        self.err.lock().expect("lock").clone()
    }
}

impl Drop for Chat {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn chat_picks_up_edits_survives_a_broken_edit_and_recovers() {
    let dir = support::content_copy();
    let answers = dir.path().join("locales/de/faq.ftl");
    let toml = dir.path().join("faq/5-contact.toml");
    let mut chat = Chat::start(dir.path(), &[]);
    assert!(chat.ask(QUESTION).contains(ORIGINAL));

    // 1. A good edit goes live without a restart. How fast is not asserted here (the
    //    watcher's debounce is 0.3 s); the 20 s bound only ends a test that hangs.
    edit(&answers, ORIGINAL, "LIVE-1 Ansprechpartner:");
    let took = chat.ask_until(QUESTION, "LIVE-1", Duration::from_secs(20));
    eprintln!("edit live after {took:?}");

    // 2. A broken edit: the bot keeps answering from the last good content and says where.
    let good_toml = std::fs::read_to_string(&toml).expect("read");
    std::fs::write(&toml, format!("{good_toml}\n[[entry]]\nid = \"broken\n")).expect("write");
    let broken_line = good_toml.lines().count() + 3;
    edit(&answers, "LIVE-1", "LIVE-NEVER");
    let t = Instant::now();
    let want = format!("5-contact.toml:{broken_line}");
    while !(chat.stderr().contains("content not reloaded") && chat.stderr().contains(&want)) {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "broken edit not reported at {want}; stderr:\n{}",
            chat.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let a = chat.ask(QUESTION);
    assert!(a.contains("LIVE-1"), "still the last good content: {a}");
    assert!(!a.contains("LIVE-NEVER"), "{a}");

    // 3. The next good edit is picked up.
    std::fs::write(&toml, &good_toml).expect("fix");
    edit(&answers, "LIVE-NEVER", "LIVE-2");
    chat.ask_until(QUESTION, "LIVE-2", Duration::from_secs(20));
}

#[cfg(unix)]
#[test]
fn sighup_reloads_without_a_watcher() {
    let dir = support::content_copy();
    let answers = dir.path().join("locales/de/faq.ftl");
    let mut chat = Chat::start(dir.path(), &["--no-watch"]);
    assert!(chat.ask(QUESTION).contains(ORIGINAL));
    edit(&answers, ORIGINAL, "HUP-1 Ansprechpartner:");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        chat.ask(QUESTION).contains(ORIGINAL),
        "no watcher: nothing changes by itself"
    );
    let status = Command::new("kill")
        .args(["-HUP", &chat.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    chat.ask_until(QUESTION, "HUP-1", Duration::from_secs(20));
}

pub(crate) fn set_version(content: &Path, v: &str) {
    // The answer of "contact" and the title of its related entry "join" carry the version,
    // so a reply built from two versions would show both.
    let ftl = content.join("locales/de/faq.ftl");
    let text = std::fs::read_to_string(&ftl).expect("read");
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("faq-join-title =") {
            out.push_str(&format!("faq-join-title = Mitglied werden [{v}]\n"));
        } else if line.starts_with("faq-contact-answer =") {
            out.push_str(&format!("faq-contact-answer = Kontakt [{v}]\n"));
            out.push_str("    Marie Chaput\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    // Drop the rest of the old multi-line contact answer (indented lines after it).
    let mut cleaned = String::new();
    let mut skipping = false;
    for line in out.lines() {
        if line.starts_with("faq-contact-answer =") {
            skipping = true;
            cleaned.push_str(line);
            cleaned.push('\n');
            cleaned.push_str("    Marie Chaput\n");
            continue;
        }
        if skipping && (line.starts_with(' ') || line.is_empty()) {
            continue;
        }
        skipping = false;
        cleaned.push_str(line);
        cleaned.push('\n');
    }
    std::fs::write(&ftl, cleaned).expect("write");
}

/// In-process: one `Arc<Engine>` snapshot answers from its own version while reloads swap
/// new ones in. (That replies sent to Telegram during reloads never mix versions is
/// `telegram_content::replies_during_reloads_never_mix_versions`.)
#[test]
fn a_snapshot_answers_from_its_version_while_reloads_swap_in_new_ones() {
    let dir = support::content_copy();
    set_version(dir.path(), "A");
    let (engine, problems) =
        Engine::load(&dir.path().join("faq"), &dir.path().join("locales")).expect("load");
    assert!(
        problems
            .iter()
            .all(|p| p.severity != widunetz_bot::Severity::Error),
        "{problems:?}"
    );
    let live = Arc::new(Live::from_dirs(
        engine,
        &dir.path().join("faq"),
        &dir.path().join("locales"),
    ));

    // A snapshot taken before a reload keeps answering from its own version.
    let before = live.current();
    set_version(dir.path(), "B");
    assert!(matches!(live.reload(), Reload::Swapped { .. }));
    assert!(
        before
            .answer(QUESTION, Some(&support::lang("de")))
            .answer
            .contains("[A]")
    );
    assert!(
        live.current()
            .answer(QUESTION, Some(&support::lang("de")))
            .answer
            .contains("[B]")
    );

    let stop = Arc::new(AtomicBool::new(false));
    let mut readers = Vec::new();
    for _ in 0..3 {
        let live = live.clone();
        let stop = stop.clone();
        readers.push(std::thread::spawn(move || {
            let mut seen = [0usize; 2];
            while !stop.load(Ordering::Relaxed) {
                let engine = live.current();
                let r = engine.answer(QUESTION, Some(&support::lang("de")));
                assert!(matches!(r.kind, Outcome::Answer(_)), "{}", r.answer);
                let join = r
                    .related
                    .iter()
                    .find(|s| s.id == "join")
                    .expect("join is related to contact");
                let a = r.answer.contains("[A]") && join.title.contains("[A]");
                let b = r.answer.contains("[B]") && join.title.contains("[B]");
                assert!(a || b, "mixed reply: {} / {}", r.answer, join.title);
                seen[usize::from(b)] += 1;
            }
            seen
        }));
    }
    for i in 0..12 {
        set_version(dir.path(), if i % 2 == 0 { "A" } else { "B" });
        assert!(matches!(live.reload(), Reload::Swapped { .. }));
    }
    stop.store(true, Ordering::Relaxed);
    let mut total = [0usize; 2];
    for r in readers {
        let seen = r.join().expect("reader");
        total[0] += seen[0];
        total[1] += seen[1];
    }
    assert!(
        total[0] > 0 && total[1] > 0,
        "both versions served: {total:?}"
    );
    assert_eq!(live.generation(), 13);
}

#[test]
fn broken_content_is_rejected_and_the_old_engine_kept() {
    let dir = support::content_copy();
    let live = Live::from_dirs(
        support::engine(),
        &dir.path().join("faq"),
        &dir.path().join("locales"),
    );
    std::fs::write(
        dir.path().join("locales/de/ui.ftl"),
        "welcome = Hallo\nthis is broken\n",
    )
    .expect("write");
    match live.reload() {
        Reload::Rejected { problems } => {
            assert!(
                problems
                    .iter()
                    .any(|p| p.location.file.ends_with("ui.ftl") && p.location.line == Some(2)),
                "{problems:?}"
            );
        }
        Reload::Swapped { .. } => panic!("broken content went live"),
    }
    assert_eq!(live.generation(), 0);
    assert!(
        live.current()
            .answer(QUESTION, Some(&support::lang("de")))
            .answer
            .contains(ORIGINAL)
    );
}

/// The entry `ask` is answered with, if confidently.
fn answered_id(live: &Live, q: &str) -> Option<String> {
    let r = live.current().answer(q, Some(&support::lang("de")));
    matches!(r.kind, Outcome::Answer(_))
        .then_some(r.id)
        .flatten()
        .map(|id| id.to_string())
}

#[test]
fn a_content_folder_deleted_and_created_again_is_still_watched() {
    let dir = support::content_copy();
    let (faq, locales) = (dir.path().join("faq"), dir.path().join("locales"));
    let engine = Engine::load_strict(&faq, &locales).expect("load");
    let live = Arc::new(Live::from_dirs(engine, &faq, &locales));
    let _guard = live.watch().expect("watch");
    let wait_for = |q: &str| {
        let t = Instant::now();
        while answered_id(&live, q).as_deref() != Some("contact") {
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "{q:?} never went live"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    // Replaced as `git checkout` or `rsync --delete` do: the folder goes, a new one comes.
    let saved = tempfile::tempdir().expect("tmp");
    support::copy_dir(&faq, saved.path());
    std::fs::remove_dir_all(&faq).expect("rm");
    // Gone for a moment (long enough for the watcher to see it go and the reload to fail),
    // as during a real replacement; this is the scenario, not a wait for a result.
    std::thread::sleep(Duration::from_millis(1000));
    support::copy_dir(saved.path(), &faq);
    let toml = faq.join("5-contact.toml");
    edit(&toml, "de = [", "de = [\"zqxv frage nummer eins\", ");
    wait_for("zqxv frage nummer eins");
    // And the new folder is watched: a later edit goes live too.
    edit(&toml, "de = [", "de = [\"zqxv frage nummer zwei\", ");
    wait_for("zqxv frage nummer zwei");
}

/// `faq add-question` under a running chat: the watcher reloads, and the question is then
/// answered by the entry (issue 15: "a running bot picks the change up through live reload").
#[test]
fn a_question_added_from_the_command_line_goes_live() {
    let dir = support::content_copy();
    let e = support::engine();
    let q = [
        "Wo finde ich die Liste der Mitgliedsorganisationen?",
        "Welche Stellen sind im Netzwerk vertreten?",
        "Gibt es eine Übersicht der beteiligten Träger?",
    ]
    .into_iter()
    .find(|q| e.answer(q, None).id.as_ref().map(EntryId::as_str) != Some("members"))
    .expect("a question not yet answered by members");
    let members = e.l10n().msg("de", "faq-members-answer");
    let needle = members.lines().next().expect("first line");
    let mut chat = Chat::start(dir.path(), &[]);
    assert!(!chat.ask(q).contains(needle));
    let faq = dir.path().join("faq").display().to_string();
    let locales = dir.path().join("locales").display().to_string();
    let o = support::run(
        &[
            "--faq",
            &faq,
            "--locales",
            &locales,
            "faq",
            "add-question",
            "members",
            "de",
            q,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", support::stderr(&o));
    chat.ask_until(q, needle, Duration::from_secs(5));
}

/// Content that loads without a syntax error but cannot serve anyone — no entries (a
/// half-done checkout left faq/ empty), or no German (the source and fallback) — is not
/// taken either: the last good version keeps answering.
#[test]
fn content_without_entries_or_without_german_is_not_taken() {
    for breakage in ["no entries", "no German"] {
        let dir = support::content_copy();
        let (faq, locales) = (dir.path().join("faq"), dir.path().join("locales"));
        let live = Live::from_dirs(support::engine(), &faq, &locales);
        match breakage {
            "no entries" => {
                for e in std::fs::read_dir(&faq).expect("faq") {
                    let p = e.expect("entry").path();
                    if p.file_name().is_some_and(|n| n != "smalltalk.toml") {
                        std::fs::remove_file(p).expect("rm");
                    }
                }
            }
            _ => std::fs::remove_dir_all(locales.join("de")).expect("rm de"),
        }
        assert!(
            matches!(live.reload(), Reload::Rejected { .. }),
            "{breakage}: taken"
        );
        assert_eq!(live.generation(), 0, "{breakage}");
        assert!(
            live.current()
                .answer(QUESTION, Some(&support::lang("de")))
                .answer
                .contains(ORIGINAL),
            "{breakage}: the last good version answers"
        );
    }
}
