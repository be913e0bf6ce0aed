//! `/privacy` tells what the code does (issue 13): the number of days unanswered questions
//! are kept comes from `--keep-unanswered-days`, in every language, in Telegram and in the
//! terminal chat; with recording switched off it says nothing is recorded.

use crate::support::{self, bot, fake};

use std::sync::Arc;

use widunetz_bot::conversation::Config;
use widunetz_bot::live::Live;
use widunetz_bot::reply::privacy_text;
use widunetz_bot::store::Store;
use widunetz_bot::telegram::{self, format::escape};

/// An unusual number, so it cannot be there by chance.
const DAYS: u32 = 37;

#[test]
fn every_language_shows_the_configured_days_and_no_fixed_period() {
    let engine = support::engine();
    let l = engine.l10n();
    for code in l.codes() {
        assert!(
            l.has_message(&code, "privacy"),
            "{code} has its own privacy text"
        );
        let on = privacy_text(l, &code, true, DAYS);
        assert!(on.contains(&DAYS.to_string()), "{code}: {on}");
        assert!(!on.contains("90"), "{code}: a fixed period is left: {on}");
        assert!(
            on.contains("/forget"),
            "{code}: says what /forget deletes: {on}"
        );
        assert!(
            on.contains("Telegram"),
            "{code}: says that Telegram keeps the chat: {on}"
        );
        let other = privacy_text(l, &code, true, 120);
        assert!(other.contains("120"), "{code}: {other}");
        // Recording switched off: no retention period, and a different text.
        let off = privacy_text(l, &code, false, DAYS);
        assert!(!off.contains(&DAYS.to_string()), "{code}: {off}");
        assert_ne!(off, on, "{code}");
    }
    // Singular and plural forms where the language has them.
    assert!(privacy_text(l, "de", true, 1).contains("einen Tag lang"));
    assert!(privacy_text(l, "de", true, DAYS).contains("37 Tage lang"));
    assert!(privacy_text(l, "ru", true, 21).contains("21 день"));
    assert!(privacy_text(l, "ru", true, 22).contains("22 дня"));
    assert!(privacy_text(l, "ru", true, DAYS).contains("37 дней"));
    assert!(privacy_text(l, "ar", true, 2).contains("يومين"));
    assert!(privacy_text(l, "ar", true, DAYS).contains("يومًا"));
}

#[test]
fn terminal_chat_answers_privacy_with_the_configured_days() {
    let engine = support::engine();
    for code in engine.l10n().codes() {
        let days = DAYS.to_string();
        let out = support::run(
            &["chat", "--keep-unanswered-days", &days, "--lang", &code],
            Some("/privacy\n"),
        );
        assert!(out.status.success(), "{}", support::stderr(&out));
        let text = support::stdout(&out);
        assert_eq!(
            text.trim(),
            privacy_text(engine.l10n(), &code, true, DAYS).trim(),
            "{code}"
        );
    }
    // Also from the environment, as a service file sets it; and recording switched off.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_widunetz-bot"));
    for v in support::LOCALE_VARS {
        cmd.env_remove(v);
    }
    let out = cmd
        .current_dir(support::root())
        .args(["chat", "--no-record-unanswered", "--lang", "de"])
        .env("WIDUNETZ_KEEP_UNANSWERED_DAYS", "12")
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_TOKEN_FILE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            if let Some(mut s) = c.stdin.take() {
                s.write_all(b"/privacy\n/forget\n")?;
            }
            c.wait_with_output()
        })
        .expect("run");
    let text = support::stdout(&out);
    assert!(
        text.contains(&privacy_text(engine.l10n(), "de", false, 12)),
        "{text}"
    );
    assert!(
        text.contains(&engine.l10n().msg("de", "forget-done")),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_answers_privacy_with_the_configured_days() {
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let engine = support::engine();
    let codes = engine.l10n().codes();
    let expected: Vec<(i64, String)> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            (
                50 + i as i64,
                escape(&privacy_text(engine.l10n(), code, true, DAYS)),
            )
        })
        .collect();
    let live = Arc::new(Live::new(engine));
    let store = Store::open(data.path()).expect("store");
    let config = Config {
        keep_unanswered_days: DAYS,
        ..Config::default()
    };
    let state = telegram::State::with_config(live, store, config);
    let running = bot::start_state(&server, Arc::new(state), None, bot::settings()).await;
    for ((chat, _), code) in expected.iter().zip(&codes) {
        server
            .fake
            .push(fake::text_update(*chat, "/privacy", Some(code)))
            .await;
    }
    let calls = server
        .fake
        .wait_for(15, "privacy in every language", |c| {
            expected
                .iter()
                .all(|(chat, want)| c.texts_to(*chat).iter().any(|t| t == want))
        })
        .await;
    for (chat, _) in &expected {
        let sent = calls.texts_to(*chat).join("\n");
        assert!(sent.contains("37") && !sent.contains("90"), "{sent}");
    }
    bot::stop(&server, running).await;
}
