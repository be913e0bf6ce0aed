//! Telegram and the content workflow: admin commands only for admins, /reload, unanswered
//! questions recorded without ids, and a new language with no code change.

use crate::support::{self, bot, fake};

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;
use widunetz_bot::conversation::{ChatKey, Config};
use widunetz_bot::live::Live;
use widunetz_bot::store::Store;
use widunetz_bot::telegram::{self, format::escape};
use widunetz_bot::{Engine, Severity};

fn live_from(content: &Path) -> Arc<Live> {
    let (engine, problems) =
        Engine::load(&content.join("faq"), &content.join("locales")).expect("load");
    assert!(
        problems.iter().all(|p| p.severity != Severity::Error),
        "{problems:?}"
    );
    Arc::new(Live::from_dirs(
        engine,
        &content.join("faq"),
        &content.join("locales"),
    ))
}

const ADMIN: i64 = 901;
const OTHER: i64 = 902;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_commands_reload_and_unanswered_without_ids() {
    let content = support::content_copy();
    let data = tempfile::tempdir().expect("tmp");
    let live = live_from(content.path());
    let l10n_de = |id: &str| escape(&live.current().l10n().msg("de", id));
    let unknown = l10n_de("unknown-command");
    let state = Arc::new(telegram::State::with_config(
        live.clone(),
        Store::open(data.path()).expect("store"),
        Config {
            admins: vec![ChatKey(ADMIN)],
            ..Config::default()
        },
    ));
    let server = fake::start().await;
    let bot = bot::start_state(&server, state, None, bot::settings()).await;
    let f = &server.fake;

    // Not an admin: the commands do not exist for them.
    for cmd in ["/stats", "/reload", "/unanswered"] {
        f.push(fake::text_update(OTHER, cmd, Some("de"))).await;
    }
    f.wait_for(10, "three unknown-command replies", |c| {
        c.texts_to(OTHER).iter().filter(|t| **t == unknown).count() == 3
    })
    .await;

    // Questions nobody can answer are recorded: text (numbers masked), language, outcome.
    f.push(fake::text_update(
        903,
        "Wo kann ich mein Fahrrad reparieren lassen? Meine Nummer: 0171 2345678",
        Some("de"),
    ))
    .await;
    f.push(fake::callback_update(904, "f:+:founding:de", Some("de")))
        .await;
    f.wait_for(10, "no-match reply and feedback", |c| {
        !c.texts_to(903).is_empty() && c.count("answercallbackquery") > 0
    })
    .await;

    // The admin sees the counts and the unanswered list.
    f.push(fake::text_update(ADMIN, "/stats", Some("de"))).await;
    f.wait_for(10, "stats", |c| {
        c.has_text(ADMIN, "Einträge: 14") && c.has_text(ADMIN, "Fragen ohne Antwort: 1")
    })
    .await;
    f.push(fake::text_update(ADMIN, "/unanswered", Some("de")))
        .await;
    f.wait_for(10, "unanswered list", |c| {
        c.has_text(ADMIN, "fahrrad reparieren") && c.has_text(ADMIN, "[number]")
    })
    .await;

    // /reload makes an edit live (this instance has no file watcher).
    let ftl = content.path().join("locales/de/faq.ftl");
    let text = std::fs::read_to_string(&ftl).expect("read");
    std::fs::write(
        &ftl,
        text.replacen(
            "faq-founding-answer =",
            "faq-founding-answer = RELOAD-MARK",
            1,
        ),
    )
    .expect("write");
    f.push(fake::text_update(
        905,
        "Wann wurde widunetz gegründet?",
        Some("de"),
    ))
    .await;
    f.wait_for(10, "old answer", |c| !c.texts_to(905).is_empty())
        .await;
    // 👎 on that answer: the question is counted for /feedback, without the chat.
    f.push(fake::callback_update(905, "f:-:founding:de", Some("de")))
        .await;
    f.wait_for(10, "👎 confirmed", |c| {
        c.count("answercallbackquery") >= 2
    })
    .await;
    f.push(fake::text_update(ADMIN, "/reload", Some("de")))
        .await;
    f.wait_for(10, "reload done", |c| c.has_text(ADMIN, "Inhalt Nummer 1"))
        .await;
    assert_eq!(live.generation(), 1);
    f.push(fake::text_update(
        906,
        "Wann wurde widunetz gegründet?",
        Some("de"),
    ))
    .await;
    let calls = f
        .wait_for(10, "new answer", |c| c.has_text(906, "RELOAD-MARK"))
        .await;
    assert!(
        !calls.has_text(905, "RELOAD-MARK"),
        "asked before the reload"
    );
    bot::stop(&server, bot).await;

    // The database: no user or chat ids, no times, in the unanswered and feedback tables.
    let db = rusqlite::Connection::open(data.path().join(widunetz_bot::store::FILE)).expect("db");
    for table in ["unanswered", "feedback", "downvoted"] {
        let mut st = db
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .expect("columns");
        let cols: Vec<String> = st
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        for c in &cols {
            assert!(
                !["chat", "user", "id", "time", "name"]
                    .iter()
                    .any(|bad| c.contains(bad)),
                "{table}.{c}"
            );
        }
        let mut st = db
            .prepare(&format!("SELECT * FROM {table}"))
            .expect("select");
        let n = st.column_count();
        let rows: Vec<String> = st
            .query_map([], |r| {
                let mut s = Vec::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push(format!("{v:?}"));
                }
                Ok(s.join("|"))
            })
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert!(!rows.is_empty(), "{table} has the test's row");
        for row in &rows {
            for id in [OTHER, 903, 904, 905, 906, ADMIN] {
                assert!(!row.contains(&id.to_string()), "{table}: {row}");
            }
            assert!(!row.contains("2345678"), "phone number masked: {row}");
        }
    }
    let (q, lang, outcome, count): (String, String, String, i64) = db
        .query_row(
            "SELECT question, lang, outcome, count FROM unanswered",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("row");
    assert_eq!(
        (q.as_str(), lang.as_str(), count),
        (
            "wo kann ich mein fahrrad reparieren lassen? meine nummer: [number]",
            "de",
            1
        )
    );
    // Not answered: the honest reply or weak suggestions, both recorded.
    assert!(
        ["no_match", "suggestions"].contains(&outcome.as_str()),
        "{outcome}"
    );

    // The volunteer's view of the same data.
    let out = support::run(
        &[
            "--data",
            &data.path().to_string_lossy(),
            "unanswered",
            "--json",
        ],
        None,
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v[0]["count"], 1, "{v}");
    assert_eq!(v[0]["lang"], "de", "{v}");
    // What a tool needs to act (issue 15): outcome, days, the closest entry with its score,
    // and the ready-to-run commands.
    assert_eq!(v[0]["outcome"], outcome.as_str(), "the stored outcome: {v}");
    assert!(
        v[0]["first_day"].is_string() && v[0]["last_day"].is_string(),
        "{v}"
    );
    let closest = v[0]["closest"]["id"].as_str().expect("closest entry");
    let score = v[0]["closest"]["score"].as_f64().expect("score");
    assert!((0.0..=1.0).contains(&score), "{v}");
    assert_eq!(
        v[0]["add_question"].as_str(),
        Some(
            format!(
                "widunetz-bot faq add-question {closest} de 'wo kann ich mein fahrrad reparieren lassen? meine nummer: [number]'"
            )
            .as_str()
        ),
        "{v}"
    );
    let text = support::run(
        &["--data", &data.path().to_string_lossy(), "unanswered"],
        None,
    );
    assert!(
        support::stdout(&text).contains(&format!("widunetz-bot faq add-question {closest} de '")),
        "{}",
        support::stdout(&text)
    );
    let out = support::run(
        &["--data", &data.path().to_string_lossy(), "feedback"],
        None,
    );
    assert!(
        support::stdout(&out).contains("founding"),
        "{}",
        support::stdout(&out)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recording_can_be_switched_off() {
    let data = tempfile::tempdir().expect("tmp");
    let state = Arc::new(telegram::State::with_config(
        Arc::new(Live::new(support::engine())),
        Store::open(data.path()).expect("store"),
        Config {
            record_unanswered: false,
            ..Config::default()
        },
    ));
    let server = fake::start().await;
    let bot = bot::start_state(&server, state, None, bot::settings()).await;
    server
        .fake
        .push(fake::text_update(
            910,
            "Wo kann ich mein Fahrrad reparieren?",
            Some("de"),
        ))
        .await;
    server
        .fake
        .wait_for(10, "reply", |c| !c.texts_to(910).is_empty())
        .await;
    bot::stop(&server, bot).await;
    let store = Store::open(data.path()).expect("store");
    assert!(store.unanswered(None, None).expect("list").is_empty());
}

/// A small French folder: a few UI texts and the contact entry; everything else falls back
/// to German. The French contact answer says only what the German one says.
fn add_french(content: &Path) {
    let fr = content.join("locales/fr");
    std::fs::create_dir_all(&fr).expect("mkdir");
    std::fs::write(
        fr.join("ui.ftl"),
        "language-name = Français\n\
         language-changed = D'accord, je réponds maintenant en français.\n\
         welcome = Bonjour ! Je réponds aux questions sur widunetz.\n\
         cmd-start = Accueil et thèmes\n\
         cmd-help = Aide\n\
         cmd-topics = Tous les thèmes\n\
         cmd-contact = Contacts de widunetz\n\
         cmd-language = Choisir la langue\n\
         cmd-privacy = Protection des données\n\
         cmd-forget = Effacer les réglages\n",
    )
    .expect("write");
    std::fs::write(
        fr.join("faq.ftl"),
        "topic-contact = Contact\n\
         faq-contact-title = Qui sont les personnes de contact ?\n\
         faq-contact-answer =\n    Les personnes de contact de widunetz sont :\n\n    Marie Chaput\n    Téléphone : 05221-131121\n    E-mail : m.j.chaput@kreis-herford.de\n\n    Iris Wolter\n    Téléphone : 05732-905211\n    E-mail : fmi.loehne@awo-owl.de\n",
    )
    .expect("write");
    let toml = content.join("faq/5-contact.toml");
    let text = std::fs::read_to_string(&toml).expect("read");
    let text = text.replacen(
        "[entry.questions]\n",
        "[entry.questions]\nfr = [\"Qui sont les personnes de contact ?\", \"Comment contacter widunetz ?\", \"numéro de téléphone\"]\n",
        1,
    );
    std::fs::write(&toml, text).expect("write");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_language_needs_no_code_change() {
    let content = support::content_copy();
    add_french(content.path());
    let c = content.path();
    let faq = c.join("faq").to_string_lossy().to_string();
    let locales = c.join("locales").to_string_lossy().to_string();

    // Terminal: `ask`, the chat's /language list, and `check` (French gaps are warnings).
    let out = support::run(
        &[
            "--faq",
            &faq,
            "--locales",
            &locales,
            "ask",
            "--json",
            "Comment contacter widunetz ?",
        ],
        None,
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["id"], "contact", "{v}");
    assert_eq!(v["lang"], "fr", "{v}");
    assert!(
        v["answer"]
            .as_str()
            .unwrap_or("")
            .contains("Les personnes de contact"),
        "{v}"
    );
    let out = support::run(
        &["--faq", &faq, "--locales", &locales, "chat"],
        Some("/language\n/language fr\n"),
    );
    let text = support::stdout(&out);
    assert!(text.contains("Français"), "{text}");
    assert!(text.contains("je réponds maintenant en français"), "{text}");
    let out = support::run(&["--faq", &faq, "--locales", &locales, "check"], None);
    assert_eq!(out.status.code(), Some(0), "{}", support::stdout(&out));
    assert!(
        support::stdout(&out).contains("\nfr "),
        "coverage row for fr"
    );

    // Telegram: the command menu in French, the language button, answers in French.
    let data = tempfile::tempdir().expect("tmp");
    let state = Arc::new(telegram::State::new(
        live_from(c),
        Store::open(data.path()).expect("store"),
    ));
    let server = fake::start().await;
    let bot = bot::start_state(&server, state, None, bot::settings()).await;
    let f = &server.fake;
    let calls = f
        .wait_for(10, "French command menu", |c| {
            c.iter()
                .any(|(m, v)| m == "setmycommands" && v["language_code"] == "fr")
        })
        .await;
    let menu = calls
        .of("setmycommands")
        .find(|v| v["language_code"] == "fr")
        .map(|v| v["commands"].to_string())
        .unwrap_or_default();
    assert!(menu.contains("Choisir la langue"), "{menu}");

    f.push(fake::text_update(920, "/language", Some("de")))
        .await;
    let calls = f
        .wait_for(10, "language menu", |c| !c.texts_to(920).is_empty())
        .await;
    let menu = &calls.messages_to(920)[0];
    assert!(menu.data().contains(&"l:fr"), "{menu:?}");
    assert!(menu.labels().contains(&"Français"), "{menu:?}");
    f.push(fake::callback_update(920, "l:fr", Some("de"))).await;
    f.wait_for(10, "French chosen", |c| {
        c.has_text(920, "je réponds maintenant en français")
    })
    .await;
    f.push(fake::text_update(
        920,
        "Wer ist der Ansprechpartner?",
        Some("de"),
    ))
    .await;
    f.wait_for(10, "French answer", |c| {
        c.has_text(920, "Les personnes de contact")
    })
    .await;
    bot::stop(&server, bot).await;
}

/// README "Live reload": "New language folders appear in menus after a reload". The bot
/// starts with four languages; French is added and reloaded while it runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_menu_is_refreshed_after_a_reload() {
    let content = support::content_copy();
    let live = live_from(content.path());
    let data = tempfile::tempdir().expect("tmp");
    let state = Arc::new(telegram::State::new(
        live.clone(),
        Store::open(data.path()).expect("store"),
    ));
    let server = fake::start().await;
    let bot = bot::start_state(&server, state, None, bot::settings()).await;
    let f = &server.fake;
    let calls = f
        .wait_for(15, "the first menus", |c| c.count("setmycommands") >= 5)
        .await;
    assert!(
        !calls
            .of("setmycommands")
            .any(|v| v["language_code"] == "fr"),
        "no French yet"
    );
    add_french(content.path());
    assert!(matches!(
        live.reload(),
        widunetz_bot::live::Reload::Swapped { .. }
    ));
    let calls = f
        .wait_for(15, "a French menu after the reload", |c| {
            c.of("setmycommands").any(|v| v["language_code"] == "fr")
        })
        .await;
    let fr = calls
        .of("setmycommands")
        .find(|v| v["language_code"] == "fr")
        .map(|v| v["commands"].to_string())
        .unwrap_or_default();
    assert!(fr.contains("Choisir la langue"), "{fr}");
    bot::stop(&server, bot).await;
}

/// Replies sent while the content is reloaded again and again: each message's text and its
/// buttons come from one version ("each question is answered from one version"). Version
/// markers sit in the contact answer and in the title of its related entry `join`, which
/// is a button under that answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_during_reloads_never_mix_versions() {
    let content = support::content_copy();
    crate::live::set_version(content.path(), "A");
    let live = live_from(content.path());
    let data = tempfile::tempdir().expect("tmp");
    let state = Arc::new(telegram::State::new(
        live.clone(),
        Store::open(data.path()).expect("store"),
    ));
    let server = fake::start().await;
    let bot = bot::start_state(&server, state, None, bot::unthrottled()).await;
    let f = &server.fake;
    let ask = |chat: i64| fake::text_update(chat, "Wer ist der Ansprechpartner?", Some("de"));
    // Version A answers first.
    f.push_all((0..5).map(|i| ask(5000 + i)).collect()).await;
    f.wait_for(15, "a first answer", |c| {
        (0..5).any(|i| !c.texts_to(5000 + i).is_empty())
    })
    .await;
    // Twelve reloads with questions in between, answered while the content changes.
    let mut chat = 5100;
    for round in 0..12 {
        crate::live::set_version(content.path(), if round % 2 == 0 { "B" } else { "A" });
        assert!(matches!(
            live.reload(),
            widunetz_bot::live::Reload::Swapped { .. }
        ));
        f.push_all((0..4).map(|i| ask(chat + i)).collect()).await;
        chat += 4;
    }
    // The last version is B (round 11 set A; one more).
    crate::live::set_version(content.path(), "B");
    assert!(matches!(
        live.reload(),
        widunetz_bot::live::Reload::Swapped { .. }
    ));
    f.push_all((0..4).map(|i| ask(chat + i)).collect()).await;
    bot::settle(&server, &bot, 60).await;
    let calls = f.calls().await;
    let mut seen = [0usize; 2];
    let chats: Vec<i64> = (5000..5005).chain(5100..chat + 4).collect();
    for c in &chats {
        let got = calls.messages_to(*c);
        assert_eq!(got.len(), 1, "chat {c}: one reply: {got:?}");
        let m = &got[0];
        let join: Vec<&str> = m
            .labels()
            .into_iter()
            .filter(|l| l.starts_with("Mitglied werden"))
            .collect();
        assert_eq!(join.len(), 1, "chat {c}: the related button: {m:?}");
        let a = m.text.contains("Kontakt [A]") && join[0].contains("[A]");
        let b = m.text.contains("Kontakt [B]") && join[0].contains("[B]");
        assert!(a || b, "chat {c}: a mixed reply: {} / {}", m.text, join[0]);
        seen[usize::from(b)] += 1;
    }
    assert!(
        seen[0] > 0 && seen[1] > 0,
        "both versions answered: {seen:?}"
    );
    bot::stop(&server, bot).await;
}
