//! The volunteers' loop from a chat (issue 15): `/unanswered` and `/feedback` for admins,
//! one question at a time, with buttons that write the content file, reload and confirm; in
//! the shared conversation (so the terminal chat has it) and in Telegram against the fake
//! Bot API. Non-admins never see these buttons, and a forged review button writes nothing.

use crate::support::{self, bot, fake};

use std::path::Path;
use std::sync::Arc;

use widunetz_bot::conversation::{
    Action, Chat, ChatKey, Config, Conversation, InMemory, Input, ReviewOp, View,
};
use widunetz_bot::ids::EntryId;
use widunetz_bot::live::Live;
use widunetz_bot::store::Store;
use widunetz_bot::telegram::{self, format::escape};
use widunetz_bot::{Engine, Severity};

const ADMIN: i64 = 701;
const USER: i64 = 702;

fn live_from(content: &Path) -> Arc<Live> {
    let (engine, problems) =
        Engine::load(&content.join("faq"), &content.join("locales")).expect("load");
    assert!(problems.iter().all(|p| p.severity != Severity::Error));
    Arc::new(Live::from_dirs(
        engine,
        &content.join("faq"),
        &content.join("locales"),
    ))
}

fn config() -> Config {
    Config {
        admins: vec![ChatKey(ADMIN)],
        ..Config::default()
    }
}

fn faq_text(content: &Path) -> String {
    let mut all = String::new();
    for f in widunetz_bot::content::files_with_ext(&content.join("faq"), "toml").expect("ls") {
        all.push_str(&std::fs::read_to_string(f).expect("read"));
    }
    all
}

fn is_review(a: &Action) -> bool {
    matches!(a, Action::Review { .. })
}

/// A question the shipped content does not answer confidently today, and the entry it
/// belongs to.
fn unanswered_question(e: &Engine) -> (&'static str, &'static str) {
    [
        (
            "Wo finde ich die Liste der Mitgliedsorganisationen?",
            "members",
        ),
        ("Welche Einrichtungen machen mit?", "members"),
        ("Welche Stellen sind im Netzwerk vertreten?", "members"),
        ("Gibt es eine Übersicht der beteiligten Träger?", "members"),
        ("Aus welchen Bereichen kommen die Institutionen?", "members"),
    ]
    .into_iter()
    .find(|(q, _)| !e.answer(q, None).confident)
    .expect("a question without a confident answer")
}

struct Talk {
    conv: Conversation<InMemory>,
}

impl Talk {
    fn say(&self, chat: i64, text: &str) -> Vec<View> {
        self.conv
            .handle(Chat::new(ChatKey(chat)), Input::Text(text.into()))
            .expect("handled")
    }

    fn press(&self, chat: i64, a: Action) -> Vec<View> {
        self.conv
            .handle(Chat::new(ChatKey(chat)), Input::Action(a))
            .expect("handled")
    }

    fn msg(&self, id: &str) -> String {
        self.conv.live().current().l10n().msg("de", id)
    }
}

#[test]
fn an_admin_teaches_an_unanswered_question_by_button_and_it_is_then_answered() {
    let content = support::content_copy();
    let t = Talk {
        conv: Conversation::new(live_from(content.path()), InMemory::new(), config()),
    };
    let (q, want) = unanswered_question(&t.conv.live().current());
    t.say(USER, q);
    t.say(USER, q);
    // Non-admins: no such command, no review buttons; a forged button writes nothing.
    let before = faq_text(content.path());
    for cmd in ["/unanswered", "/feedback"] {
        let v = t.say(USER, cmd);
        assert_eq!(v[0].text, t.msg("unknown-command"));
        assert!(v.iter().all(|v| !v.actions().any(is_review)));
    }
    let forged = Action::Review {
        list: 0,
        item: 0,
        op: ReviewOp::Add(EntryId::new(want).expect("id")),
    };
    t.press(USER, forged);
    assert_eq!(
        faq_text(content.path()),
        before,
        "nothing written for a non-admin"
    );

    let list = t.say(ADMIN, "/unanswered");
    assert_eq!(list.len(), 1);
    let first = &list[0];
    assert!(first.text.contains(&q.to_lowercase()), "{}", first.text);
    assert!(first.text.contains("2×"), "{}", first.text);
    let actions: Vec<&Action> = first.actions().collect();
    let ops: Vec<&ReviewOp> = actions
        .iter()
        .filter_map(|a| match a {
            Action::Review { op, .. } => Some(op),
            _ => None,
        })
        .collect();
    assert_eq!(
        ops.len(),
        4,
        "→ closest, choose, not our topic, skip: {ops:?}"
    );
    assert!(matches!(ops[0], ReviewOp::Add(_)));
    assert_eq!(
        ops[1..],
        [&ReviewOp::Choose, &ReviewOp::OutOfScope, &ReviewOp::Skip]
    );
    // "choose another entry…" lists every entry.
    let choose = t.press(ADMIN, actions[1].clone());
    let entries = t.conv.live().current().faq().entries.len();
    let pick = choose[0]
        .actions()
        .find(|a| matches!(a, Action::Review { op: ReviewOp::Add(e), .. } if e.as_str() == want))
        .cloned()
        .expect("the entry to choose");
    assert!(choose[0].actions().count() >= entries);
    let done = t.press(ADMIN, pick);
    let confirm = &done[0].text;
    assert!(confirm.contains("✅"), "{confirm}");
    assert_eq!(t.conv.live().generation(), 1, "reloaded");
    assert_eq!(done[1].text, t.msg("admin-review-end"));
    // The file has the question; the bot now answers it; the store forgot it.
    assert!(faq_text(content.path()).contains(&q.to_lowercase()));
    let r = t.conv.live().current().answer(q, None);
    assert_eq!(
        (r.id.as_ref().map(EntryId::as_str), r.confident),
        (Some(want), true)
    );
    assert_eq!(
        t.say(ADMIN, "/unanswered")[0].text,
        t.msg("admin-unanswered-none")
    );
    // An old button (its list is gone) does nothing.
    let again = t.press(ADMIN, actions[0].clone());
    assert_eq!(
        again.last().map(|v| v.text.clone()),
        Some(t.msg("admin-review-outdated"))
    );
}

#[test]
fn a_downvoted_answer_is_listed_with_its_question_without_the_chat() {
    let content = support::content_copy();
    let t = Talk {
        conv: Conversation::new(live_from(content.path()), InMemory::new(), config()),
    };
    let q = "Wann wurde widunetz gegründet?";
    let answer = t.say(USER, q);
    let down = answer[0]
        .actions()
        .find(|a| matches!(a, Action::Feedback { up: false, .. }))
        .cloned()
        .expect("👎");
    t.press(USER, down.clone());
    t.press(USER, down);
    let list = t.say(ADMIN, "/feedback");
    let v = &list[0];
    assert!(
        v.text.contains("wann wurde widunetz gegründet?"),
        "{}",
        v.text
    );
    assert!(
        v.text.contains("1×"),
        "a second tap does not count again: {}",
        v.text
    );
    assert!(
        !v.text.contains(&USER.to_string()),
        "no chat id: {}",
        v.text
    );
    let title = t.conv.live().current().entry_title(
        &EntryId::new("founding").expect("id"),
        &widunetz_bot::ids::LangCode::new("de").expect("de"),
    );
    assert!(v.text.contains(&title), "names the answer: {}", v.text);
    // Skip ends the list; it is still there next time.
    let skip = v
        .actions()
        .find(|a| {
            matches!(
                a,
                Action::Review {
                    op: ReviewOp::Skip,
                    ..
                }
            )
        })
        .cloned()
        .expect("skip");
    assert_eq!(t.press(ADMIN, skip)[0].text, t.msg("admin-review-end"));
    assert!(t.say(ADMIN, "/feedback")[0].text.contains("gegründet"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_admin_adds_a_variant_by_button_and_the_next_question_is_answered() {
    let content = support::content_copy();
    let data = tempfile::tempdir().expect("tmp");
    let live = live_from(content.path());
    let (q, want) = unanswered_question(&live.current());
    let state = Arc::new(telegram::State::with_config(
        live.clone(),
        Store::open(data.path()).expect("store"),
        config(),
    ));
    let server = fake::start().await;
    let bot = bot::start_state(&server, state, None, bot::settings()).await;
    let f = &server.fake;
    let de = |id: &str| escape(&live.current().l10n().msg("de", id));

    f.push(fake::text_update(USER, q, Some("de"))).await;
    f.wait_for(10, "the reply", |c| !c.texts_to(USER).is_empty())
        .await;
    // A non-admin asking for the lists gets the unknown-command reply, no buttons.
    for cmd in ["/unanswered", "/feedback"] {
        f.push(fake::text_update(USER, cmd, Some("de"))).await;
    }
    let unknown = de("unknown-command");
    f.wait_for(10, "two unknown-command replies", |c| {
        c.texts_to(USER).iter().filter(|t| **t == unknown).count() == 2
    })
    .await;

    f.push(fake::text_update(ADMIN, "/unanswered", Some("de")))
        .await;
    let lower = escape(&q.to_lowercase());
    let calls = f
        .wait_for(10, "the first question", |c| c.has_text(ADMIN, &lower))
        .await;
    let item = calls.message_with(ADMIN, &lower).expect("item");
    let data_of = item.data();
    assert_eq!(data_of.len(), 4, "{data_of:?}");
    assert!(data_of.iter().all(|d| d.starts_with("r:")), "{data_of:?}");
    // Choose the entry it belongs to (the closest may be another one).
    let choose = data_of[1].to_string();
    f.push(fake::callback_update(ADMIN, &choose, Some("de")))
        .await;
    let suffix = format!(":a:{want}");
    let calls = f
        .wait_for(10, "the entries to choose from", |c| {
            c.edits_in(ADMIN)
                .iter()
                .chain(c.messages_to(ADMIN).iter())
                .any(|m| m.data().iter().any(|d| d.ends_with(&suffix)))
        })
        .await;
    let add = calls
        .edits_in(ADMIN)
        .iter()
        .chain(calls.messages_to(ADMIN).iter())
        .flat_map(|m| m.data().into_iter().map(str::to_string).collect::<Vec<_>>())
        .find(|d| d.ends_with(&suffix))
        .expect("add button");
    f.push(fake::callback_update(ADMIN, &add, Some("de"))).await;
    f.wait_for(10, "confirmation with the new result", |c| {
        c.texts_to(ADMIN).iter().any(|t| t.contains("✅"))
    })
    .await;
    assert_eq!(live.generation(), 1, "reloaded");

    // The next identical question is answered confidently.
    f.push(fake::text_update(USER + 10, q, Some("de"))).await;
    let calls = f
        .wait_for(10, "the answer", |c| !c.texts_to(USER + 10).is_empty())
        .await;
    // The entry's answer, with the 👍/👎 of that entry: a confident answer.
    let answer = de(&format!("faq-{want}-answer"));
    let first_line = answer.lines().next().expect("a line");
    let reply = calls
        .message_with(USER + 10, first_line)
        .expect("the entry's answer");
    assert!(
        reply.data().contains(&format!("f:-:{want}:de").as_str()),
        "{:?}",
        reply.data()
    );

    // A non-admin never saw a review button; a forged one writes nothing.
    let before = faq_text(content.path());
    f.push(fake::callback_update(USER, &add, Some("de"))).await;
    let calls = bot_settle(&server, &bot).await;
    for chat in [USER, USER + 10] {
        for m in calls.messages_to(chat) {
            assert!(
                m.data().iter().all(|d| !d.starts_with("r:")),
                "{:?}",
                m.data()
            );
        }
    }
    assert_eq!(faq_text(content.path()), before);
    bot::stop(&server, bot).await;
}

async fn bot_settle(server: &fake::Server, r: &bot::Running) -> crate::support::calls::Calls {
    bot::settle(server, r, 30).await;
    server.fake.calls().await
}

#[test]
fn without_content_folders_a_tap_writes_nothing_and_says_so() {
    let t = Talk {
        conv: Conversation::new(
            Arc::new(Live::new(support::engine())),
            InMemory::new(),
            config(),
        ),
    };
    t.say(USER, "xyzzy plugh frobnicate");
    let list = t.say(ADMIN, "/unanswered");
    let skip_or_oos = list[0]
        .actions()
        .find(|a| {
            matches!(
                a,
                Action::Review {
                    op: ReviewOp::OutOfScope,
                    ..
                }
            )
        })
        .cloned()
        .expect("not our topic");
    let v = t.press(ADMIN, skip_or_oos);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("file", "faq/");
    let want = t
        .conv
        .live()
        .current()
        .l10n()
        .msg_args("de", "admin-review-failed", Some(&args));
    assert_eq!(v[0].text, want);
    // The question stays for later.
    assert!(t.say(ADMIN, "/unanswered")[0].text.contains("xyzzy"));
}

/// "Not our topic" from `/feedback`: an out-of-scope question that an entry answered (and
/// got 👎) then gets the no-match reply.
#[test]
fn not_our_topic_from_feedback_then_gets_the_no_match_reply() {
    use widunetz_bot::Outcome;
    let content = support::content_copy();
    let t = Talk {
        conv: Conversation::new(live_from(content.path()), InMemory::new(), config()),
    };
    let e = t.conv.live().current();
    let q = [
        "Wer finanziert die Volkshochschule in Herford?",
        "Welche Ziele hat der Kleingartenverein?",
        "Wie viele Mitglieder hat der Schützenverein?",
    ]
    .into_iter()
    .find(|q| e.answer(q, None).confident)
    .expect("an out-of-scope question an entry answers today");
    let answer = t.say(USER, q);
    let down = answer[0]
        .actions()
        .find(|a| matches!(a, Action::Feedback { up: false, .. }))
        .cloned()
        .expect("👎");
    t.press(USER, down);
    let list = t.say(ADMIN, "/feedback");
    let oos = list[0]
        .actions()
        .find(|a| {
            matches!(
                a,
                Action::Review {
                    op: ReviewOp::OutOfScope,
                    ..
                }
            )
        })
        .cloned()
        .expect("not our topic");
    let done = t.press(ADMIN, oos);
    assert_eq!(
        done[0].text,
        format!(
            "{}\n{}",
            t.msg("admin-review-added-out-of-scope"),
            t.msg("admin-review-now-no-match")
        )
    );
    assert_eq!(
        t.conv.live().current().answer(q, None).kind,
        Outcome::NoMatch
    );
    assert_eq!(
        t.say(ADMIN, "/feedback")[0].text,
        t.msg("admin-feedback-none")
    );
}
