//! The conversation with in-memory settings: every command, buttons, numbers picking from
//! the last list, feedback, the recording policy and the language policy.

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::engine::OutcomeKind;
use crate::ids::TopicId;

const USER: ChatKey = ChatKey(42);
const ADMIN: ChatKey = ChatKey(1);

fn engine() -> Engine {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Engine::load_strict(&root.join("faq"), &root.join("locales")).expect("shipped content")
}

fn conv_with(config: Config) -> Conversation<InMemory> {
    Conversation::new(Arc::new(Live::new(engine())), InMemory::new(), config)
}

fn conv() -> Conversation<InMemory> {
    conv_with(Config {
        admins: vec![ADMIN],
        ..Config::default()
    })
}

fn say(c: &Conversation<InMemory>, chat: ChatKey, text: &str) -> Vec<View> {
    c.handle(Chat::new(chat), Input::Text(text.into()))
        .expect("handled")
}

fn press(c: &Conversation<InMemory>, chat: ChatKey, a: Action) -> Vec<View> {
    c.handle(Chat::new(chat), Input::Action(a))
        .expect("handled")
}

fn one(views: Vec<View>) -> View {
    assert_eq!(views.len(), 1, "{views:#?}");
    views.into_iter().next().expect("one view")
}

fn msg(c: &Conversation<InMemory>, lang: &str, id: &str) -> String {
    c.live().current().l10n().msg(lang, id)
}

fn entry(id: &str) -> EntryId {
    EntryId::new(id).expect("entry id")
}

fn lang(code: &str) -> LangCode {
    LangCode::new(code).expect("lang")
}

fn topic_actions(c: &Conversation<InMemory>) -> Vec<Action> {
    c.live()
        .current()
        .topic_ids()
        .into_iter()
        .map(Action::Topic)
        .collect()
}

#[test]
fn start_and_topics_show_the_topics_as_buttons() {
    let c = conv();
    for (cmd, text_id) in [("/start", "welcome"), ("/topics", "topics-title")] {
        let v = one(say(&c, USER, cmd));
        assert_eq!(v.text, msg(&c, "de", text_id), "{cmd}");
        assert_eq!(
            v.actions().cloned().collect::<Vec<_>>(),
            topic_actions(&c),
            "{cmd}"
        );
        assert_eq!(v.kind, ViewKind::Message);
    }
}

#[test]
fn text_commands_answer_with_their_message() {
    let c = conv();
    for (cmd, id) in [
        ("/help", "help"),
        ("/contact", "faq-contact-answer"),
        ("/frobnicate", "unknown-command"),
        ("/HELP@some_bot", "help"),
    ] {
        let v = one(say(&c, USER, cmd));
        assert_eq!(v.text, msg(&c, "de", id), "{cmd}");
        assert!(!v.has_buttons(), "{cmd}");
    }
    // /privacy fills in the recording settings (the default: on, 90 days).
    let v = one(say(&c, USER, "/privacy"));
    let engine = c.live().current();
    let l10n = engine.l10n();
    assert_eq!(v.text, crate::reply::privacy_text(l10n, "de", true, 90));
    assert!(v.text.contains("90"), "{}", v.text);
}

#[test]
fn language_command_chooses_stores_and_refuses_unknown_codes() {
    let c = conv();
    let v = one(say(&c, USER, "/language"));
    assert_eq!(v.text, msg(&c, "de", "language-choose"));
    let codes: Vec<Action> = ["de", "ar", "en", "fa", "ru", "tr", "uk"]
        .into_iter()
        .map(|l| Action::SetLang(lang(l)))
        .collect();
    assert_eq!(v.actions().cloned().collect::<Vec<_>>(), codes);
    assert_eq!(
        v.buttons.len(),
        2,
        "seven languages in rows of at most four"
    );
    assert!(v.buttons.iter().all(|r| r.len() <= 4));

    let v = one(say(&c, USER, "/language tr-TR"));
    assert_eq!(v.text, msg(&c, "tr", "language-changed"));
    assert_eq!(c.settings().lang(USER).expect("lang"), Some(lang("tr")));
    // Now everything is Turkish, also the answer to a German question.
    assert_eq!(one(say(&c, USER, "/help")).text, msg(&c, "tr", "help"));
    let r = one(say(&c, USER, "Wie wurde widunetz gegründet?"));
    assert!(
        r.text.starts_with(&msg(&c, "tr", "faq-founding-answer")),
        "{}",
        r.text
    );

    let v = one(say(&c, USER, "/language xx"));
    assert!(v.text.contains("ar (العربية)"), "{}", v.text);
    assert_eq!(v.actions().count(), 7, "the choice is offered again");
    assert_eq!(c.settings().lang(USER).expect("lang"), Some(lang("tr")));

    // A language button (also an old one for a language that is gone).
    let v = one(press(&c, USER, Action::SetLang(lang("ru"))));
    assert_eq!(v.text, msg(&c, "ru", "language-changed"));
    let gone = press(&c, USER, Action::SetLang(lang("fr")));
    assert_eq!(gone[0].kind, ViewKind::Notice);
    assert_eq!(gone[1].text, msg(&c, "ru", "entry-gone"));
}

#[test]
fn forget_deletes_the_language_and_the_last_list() {
    let c = conv();
    say(&c, USER, "/language ar");
    say(&c, USER, "/topics");
    let v = one(say(&c, USER, "/forget"));
    assert_eq!(
        v.text,
        msg(&c, "ar", "forget-done"),
        "said in the language it had"
    );
    assert_eq!(c.settings().lang(USER).expect("lang"), None);
    assert!(c.memory.is_empty(), "nothing remembered about the chat");
    // "1" no longer picks a topic (that would be a menu): it is a question now.
    assert_eq!(one(say(&c, USER, "1")).kind, ViewKind::Message);
}

#[test]
fn admin_commands_exist_only_for_admins() {
    let c = conv();
    for cmd in ["/stats", "/unanswered", "/reload"] {
        let v = one(say(&c, USER, cmd));
        assert_eq!(v.text, msg(&c, "de", "unknown-command"), "{cmd}");
    }
    let stats = one(say(&c, ADMIN, "/stats")).text;
    let entries = c.live().current().faq().entries.len();
    assert!(stats.contains(&entries.to_string()), "{stats}");
    assert_eq!(
        one(say(&c, ADMIN, "/unanswered")).text,
        msg(&c, "de", "admin-unanswered-none")
    );
    say(&c, USER, "xyzzy plugh");
    let list = one(say(&c, ADMIN, "/unanswered")).text;
    assert!(list.contains("xyzzy plugh"), "{list}");
    assert!(!list.contains("42"), "no chat id: {list}");
    // Fixed content (no folders): the reload is refused and says so.
    let mut args = FluentArgs::new();
    args.set("count", 0);
    let refused = c
        .live()
        .current()
        .l10n()
        .msg_args("de", "admin-reload-failed", Some(&args));
    assert_eq!(one(say(&c, ADMIN, "/reload")).text, format!("{refused}\n"));
}

#[test]
fn typed_numbers_pick_from_the_last_list_in_any_script() {
    let c = conv();
    let topics = topic_actions(&c);
    say(&c, USER, "/topics");
    let v = one(say(&c, USER, "2"));
    assert_eq!(v.kind, ViewKind::Menu);
    let Action::Topic(t) = &topics[1] else {
        panic!("topic")
    };
    let entries = c.live().current().entries_of(t);
    let back = v.actions().last().cloned();
    assert_eq!(back, Some(Action::Topics), "a way back");
    // "١" is 1 in Arabic-Indic digits.
    let v = one(say(&c, USER, "١"));
    assert_eq!(v.kind, ViewKind::Message);
    let answered = &entries[0];
    assert!(
        v.actions().any(|a| a
            == &Action::Feedback {
                up: true,
                entry: answered.clone(),
                lang: lang("de")
            }),
        "{v:#?}"
    );
    // A number beyond the list is a question like any other.
    let v = one(say(&c, USER, "99"));
    assert!(v.actions().all(|a| !matches!(a, Action::Feedback { .. })));
}

#[test]
fn answers_carry_related_german_and_feedback_buttons_and_no_numbering() {
    let c = conv();
    let v = one(say(&c, USER, "widunetz ne zaman kuruldu?"));
    assert!(v.text.starts_with(&msg(&c, "tr", "faq-founding-answer")));
    assert!(v.text.ends_with(&msg(&c, "tr", "related-title")));
    assert!(!v.text.contains("\n1. "), "{}", v.text);
    let actions: Vec<Action> = v.actions().cloned().collect();
    let related = c
        .live()
        .current()
        .faq()
        .entry(&entry("founding"))
        .expect("founding")
        .related
        .len();
    assert!(related > 0);
    assert!(
        actions[..related]
            .iter()
            .all(|a| matches!(a, Action::Answer(_)))
    );
    assert_eq!(actions[related], Action::German(entry("founding")));
    assert_eq!(
        actions[related + 1..],
        [
            Action::Feedback {
                up: true,
                entry: entry("founding"),
                lang: lang("tr")
            },
            Action::Feedback {
                up: false,
                entry: entry("founding"),
                lang: lang("tr")
            }
        ]
    );
    // The German version: German text, no German button.
    let g = one(press(&c, USER, Action::German(entry("founding"))));
    assert!(g.text.starts_with(&msg(&c, "de", "faq-founding-answer")));
    assert!(g.actions().all(|a| !matches!(a, Action::German(_))));
}

#[test]
fn feedback_is_counted_and_keeps_the_list() {
    let c = conv();
    let v = one(say(&c, USER, "Wie wurde widunetz gegründet?"));
    let first_related = v.actions().next().cloned().expect("related");
    let up = Action::Feedback {
        up: true,
        entry: entry("founding"),
        lang: lang("de"),
    };
    let n = one(press(&c, USER, up));
    assert_eq!(n.kind, ViewKind::Notice);
    assert_eq!(n.text, msg(&c, "de", "feedback-thanks"));
    assert_eq!(
        c.settings().feedback(),
        vec![("founding".to_string(), "de".to_string(), 1, 0)]
    );
    // After the "thanks", 1 still picks the first related question.
    let Action::Answer(rel) = first_related else {
        panic!("related is an answer")
    };
    let v = one(say(&c, USER, "1"));
    assert!(
        v.text
            .starts_with(&msg(&c, "de", &format!("faq-{rel}-answer")))
    );
    // Feedback on an entry that is gone.
    let gone = press(
        &c,
        USER,
        Action::Feedback {
            up: false,
            entry: entry("no-such-entry"),
            lang: lang("de"),
        },
    );
    assert_eq!(gone.len(), 2);
    assert_eq!(c.settings().feedback().len(), 1, "nothing counted");
}

/// A question the shipped content answers with suggestions.
fn suggestions_question(c: &Conversation<InMemory>) -> &'static str {
    let e = c.live().current();
    [
        "Vielfalt",
        "Projekt",
        "Projekt Gruppe",
        "Netzwerk Projekt",
        "Evaluation Projekt",
    ]
    .into_iter()
    .find(|q| e.answer(q, None).kind.kind() == OutcomeKind::Suggestions)
    .expect("one of these gets suggestions")
}

#[test]
fn suggestions_and_no_match_offer_buttons_instead_of_numbered_text() {
    let c = conv();
    let q = suggestions_question(&c);
    let v = one(say(&c, USER, q));
    let r = c.live().current().answer(q, None);
    let engine = c.live().current();
    let l10n = engine.l10n();
    assert_eq!(
        v.text,
        crate::reply::did_you_mean(l10n, "de", r.suggestions.len())
    );
    let ids: Vec<Action> = r
        .suggestions
        .iter()
        .map(|s| Action::Answer(s.id.clone()))
        .collect();
    assert_eq!(v.actions().cloned().collect::<Vec<_>>(), ids);
    // Typing 1 answers the first suggestion.
    let a = one(say(&c, USER, "1"));
    assert!(a.text.starts_with(&msg(
        &c,
        "de",
        &format!("faq-{}-answer", r.suggestions[0].id)
    )));

    let v = one(say(&c, USER, "xyzzy plugh"));
    assert!(v.text.starts_with(&msg(&c, "de", "no-match")));
    assert!(!v.text.contains('•'), "{}", v.text);
    assert_eq!(v.actions().cloned().collect::<Vec<_>>(), topic_actions(&c));
}

#[test]
fn unanswered_questions_are_recorded_by_the_policy() {
    let c = conv();
    let q = suggestions_question(&c);
    for text in [
        "xyzzy plugh",
        q,
        "Wie wurde widunetz gegründet?",
        "hallo",
        "???",
        "/help",
    ] {
        say(&c, USER, text);
    }
    let rows = c.settings().unanswered().expect("rows");
    let mut got: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.question.clone(), r.outcome.to_string()))
        .collect();
    got.sort();
    let mut want = vec![
        ("xyzzy plugh".to_string(), "no_match".to_string()),
        (q.to_lowercase(), "suggestions".to_string()),
    ];
    want.sort();
    assert_eq!(
        got, want,
        "answers, small talk, empty and commands are not recorded"
    );

    let off = conv_with(Config {
        record_unanswered: false,
        ..Config::default()
    });
    say(&off, USER, "xyzzy plugh");
    assert!(off.settings().unanswered().expect("rows").is_empty());
}

#[test]
fn menus_follow_the_client_language_then_the_last_question() {
    let c = conv();
    let egypt = LangCode::new("ar-EG").expect("a language tag");
    let arab = Chat {
        key: USER,
        client_lang: Some(&egypt),
    };
    let v = one(c.handle(arab, Input::Command(Command::Start)).expect("ok"));
    assert_eq!(v.text, msg(&c, "ar", "welcome"));
    // A Turkish question: answered in Turkish, and the menus follow.
    let v = one(c
        .handle(arab, Input::Text("widunetz ne zaman kuruldu?".into()))
        .expect("ok"));
    assert!(v.text.starts_with(&msg(&c, "tr", "faq-founding-answer")));
    let v = one(c.handle(arab, Input::Command(Command::Topics)).expect("ok"));
    assert_eq!(v.text, msg(&c, "tr", "topics-title"));
    // Nothing detectable in the question: the client language.
    let v = one(c.handle(arab, Input::Text("???".into())).expect("ok"));
    assert_eq!(v.text, msg(&c, "ar", "empty-question"));
    // Another chat is not affected.
    assert_eq!(
        one(say(&c, ChatKey(7), "/topics")).text,
        msg(&c, "de", "topics-title")
    );
}

#[test]
fn an_answer_in_another_language_offers_the_persons_own() {
    let c = conv();
    let ua = LangCode::new("uk-UA").expect("a language tag");
    let chat = Chat {
        key: USER,
        client_lang: Some(&ua),
    };
    let ask = |q: &str| one(c.handle(chat, Input::Text(q.into())).expect("ok"));
    let offers = |v: &View| v.actions().any(|a| matches!(a, Action::InLang { .. }));
    // A question in English from someone whose Telegram is Ukrainian: the English answer,
    // and a button (named in Ukrainian) for the Ukrainian one.
    let v = ask("When was the network founded?");
    assert!(v.text.starts_with(&msg(&c, "en", "faq-founding-answer")));
    let own = Action::InLang {
        entry: entry("founding"),
        lang: lang("uk"),
    };
    let button = v.buttons.iter().flatten().find(|b| b.action == own);
    assert_eq!(
        button.map(|b| b.label.as_str()),
        Some(format!("🌐 {}", msg(&c, "uk", "language-name")).as_str()),
        "{v:#?}"
    );
    let u = one(c.handle(chat, Input::Action(own)).expect("ok"));
    assert!(u.text.starts_with(&msg(&c, "uk", "faq-founding-answer")));
    assert!(!offers(&u), "{u:#?}");
    // Asked in the person's own language: nothing to offer.
    assert!(!offers(&ask("Коли заснували мережу?")));
    // A Russian question, even with a letter only Russian writes: answered in the person's
    // Ukrainian, with a button (named in Russian) for the Russian answer; anyone else gets
    // Russian.
    let v = ask("Когда была основана сеть?");
    assert!(
        v.text.starts_with(&msg(&c, "uk", "faq-founding-answer")),
        "{v:#?}"
    );
    let russian = Action::InLang {
        entry: entry("founding"),
        lang: lang("ru"),
    };
    let button = v.buttons.iter().flatten().find(|b| b.action == russian);
    assert_eq!(
        button.map(|b| b.label.as_str()),
        Some(format!("🌐 {}", msg(&c, "ru", "language-name")).as_str()),
        "{v:#?}"
    );
    let r = one(c.handle(chat, Input::Action(russian)).expect("ok"));
    assert!(r.text.starts_with(&msg(&c, "ru", "faq-founding-answer")));
    let surzhyk = "скока членов в сети";
    let v = ask(surzhyk);
    assert!(
        v.text.starts_with(&msg(&c, "uk", "faq-members-answer")),
        "{v:#?}"
    );
    // Without a Telegram language: Russian, with the Ukrainian answer a tap away (nothing in
    // the question tells; see `nothing_tells_ukrainian_from_russian_so_both_are_offered`).
    let v = one(say(&c, ChatKey(9), surzhyk));
    assert!(
        v.text.starts_with(&msg(&c, "ru", "faq-members-answer")),
        "{v:#?}"
    );
    // German has its own button; no second one.
    let de = LangCode::new("de-DE").expect("a language tag");
    let german = Chat {
        key: ChatKey(8),
        client_lang: Some(&de),
    };
    let v = one(c
        .handle(german, Input::Text("Когда была основана сеть?".into()))
        .expect("ok"));
    assert!(!offers(&v), "{v:#?}");
    // After a /language choice the person has chosen: no offer either.
    press(&c, USER, Action::SetLang(lang("ru")));
    assert!(!offers(&ask("Когда была основана сеть?")));
    // A button for a language the bot does not have (an old message): the entry-gone notice.
    let old = Action::InLang {
        entry: entry("founding"),
        lang: lang("pt"),
    };
    assert_eq!(press(&c, USER, old)[0].kind, ViewKind::Notice);
}

#[test]
fn nothing_tells_ukrainian_from_russian_so_both_are_offered() {
    let c = conv();
    let members = |l: &str| Action::InLang {
        entry: entry("members"),
        lang: lang(l),
    };
    let asked = |client: Option<&str>, q: &str| {
        let code = client.and_then(LangCode::from_tag);
        let chat = Chat {
            key: ChatKey(11),
            client_lang: code.as_ref(),
        };
        one(c.handle(chat, Input::Text(q.into())).expect("ok"))
    };
    let offered = |v: &View| -> Vec<Action> {
        v.actions()
            .filter(|a| matches!(a, Action::InLang { .. }))
            .cloned()
            .collect()
    };
    // Russian words, no letter only one of the two writes: Russian, and the Ukrainian answer
    // offered, without a Telegram language or with one that is neither (a German phone).
    let q = "скока там членов в сети?";
    for client in [None, Some("de-DE"), Some("tr")] {
        let v = asked(client, q);
        assert!(
            v.text.starts_with(&msg(&c, "ru", "faq-members-answer")),
            "{client:?}: {v:#?}"
        );
        let want = match client {
            // (Turkish Telegram: the Turkish answer is offered, one button as before.)
            Some("tr") => vec![members("tr")],
            _ => vec![members("uk")],
        };
        assert_eq!(offered(&v), want, "{client:?}: {v:#?}");
    }
    // The person's Telegram speaks Russian: Russian, nothing offered.
    assert!(offered(&asked(Some("ru"), q)).is_empty());
    // A letter only Russian writes (ы), or one only Ukrainian writes (і): it tells.
    let v = asked(None, "Сколько членов в сети? Кто мы?");
    assert!(v.text.starts_with(&msg(&c, "ru", "faq-members-answer")));
    assert!(offered(&v).is_empty(), "{v:#?}");
    let v = asked(None, "Скільки членів у мережі?");
    assert!(v.text.starts_with(&msg(&c, "uk", "faq-members-answer")));
    assert!(offered(&v).is_empty(), "{v:#?}");
}

#[test]
fn topic_menus_and_old_buttons() {
    let c = conv();
    let topics = topic_actions(&c);
    let v = one(press(&c, USER, topics[0].clone()));
    assert_eq!(v.kind, ViewKind::Menu);
    assert_eq!(one(press(&c, USER, Action::Topics)).kind, ViewKind::Menu);
    for old in [
        Action::Topic(TopicId::new("no-such-topic").expect("id")),
        Action::Answer(entry("no-such-entry")),
        Action::German(entry("no-such-entry")),
        Action::InLang {
            entry: entry("no-such-entry"),
            lang: lang("uk"),
        },
    ] {
        let v = press(&c, USER, old.clone());
        assert_eq!(v[0], View::notice(msg(&c, "de", "entry-gone")), "{old:?}");
        assert_eq!(v[1], View::message(msg(&c, "de", "entry-gone")), "{old:?}");
    }
}

#[test]
fn stickers_get_a_hint() {
    let c = conv();
    let v = one(c.handle(Chat::new(USER), Input::NotText).expect("ok"));
    assert_eq!(v.text, msg(&c, "de", "non-text-hint"));
}

#[test]
fn typed_numbers() {
    assert_eq!(typed_number(" 2 "), Some(2));
    assert_eq!(typed_number("١٢"), Some(12));
    assert_eq!(typed_number("۳"), Some(3));
    assert_eq!(typed_number("2."), None);
    assert_eq!(typed_number(""), None);
    assert_eq!(typed_number("99999999999999999999999"), None);
}
