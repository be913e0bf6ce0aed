//! Every command works in the terminal chat and in Telegram, because both are the same
//! code: the same script of commands, a question and a typed number gives the same texts
//! and buttons in an in-memory `Conversation`, in Telegram (end to end, against the fake Bot
//! API) and in the terminal chat (issue 12: the terminal did not know `/privacy` and
//! `/forget`; Telegram listed suggestions as text and did not understand typed numbers).

use std::sync::Arc;

use widunetz_bot::conversation::{
    Chat, ChatKey, Config, Conversation, InMemory, Input, View, ViewKind,
};
use widunetz_bot::live::Live;
use widunetz_bot::telegram::format::escape;
use widunetz_bot::terminal;

use crate::support::{self, bot::TestBot};

const SCRIPT: &[&str] = &[
    "/start",
    "/help",
    "/topics",
    "/contact",
    "/language",
    "/privacy",
    "/forget",
    "Wie wurde widunetz gegründet?",
    // Picks the first related question under that answer.
    "1",
    "/language tr",
    "/nonsense",
];

const CHAT: i64 = 50;

/// What the conversation itself says to the script, view by view.
fn reference(config: Config) -> Vec<View> {
    let live = Arc::new(Live::new(support::engine()));
    let c = Conversation::new(live, InMemory::new(), config);
    let de = support::lang("de");
    let chat = Chat {
        key: ChatKey(CHAT),
        client_lang: Some(&de),
    };
    SCRIPT
        .iter()
        .flat_map(|line| {
            c.handle(chat, Input::Text(line.to_string()))
                .expect("handled")
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_says_what_the_conversation_says() {
    let want = reference(Config::default());
    assert!(
        want.iter().all(|v| v.kind == ViewKind::Message),
        "{want:#?}"
    );
    let bot = TestBot::start().await;
    for line in SCRIPT {
        bot.say(CHAT, line, Some("de")).await;
    }
    let calls = bot
        .wait("every reply", |c| c.messages_to(CHAT).len() >= want.len())
        .await;
    let got = calls.messages_to(CHAT);
    assert_eq!(got.len(), want.len());
    for (sent, view) in got.iter().zip(&want) {
        assert_eq!(sent.text, escape(&view.text));
        let data: Vec<String> = view.actions().map(|a| a.encode().expect("fits")).collect();
        assert_eq!(sent.data(), data, "{}", view.text);
        let labels: Vec<&str> = view
            .buttons
            .iter()
            .flatten()
            .map(|b| b.label.as_str())
            .collect();
        assert_eq!(sent.labels(), labels);
    }
    bot.stop().await;
}

#[test]
fn the_terminal_says_what_the_conversation_says() {
    // The terminal's person is its admin; the script has no admin command, so no difference.
    let want = reference(Config::default());
    let live = Arc::new(Live::new(support::engine()));
    let mut out = Vec::new();
    let input = SCRIPT.join("\n");
    terminal::run_chat(
        live,
        None,
        None,
        terminal::Recording::default(),
        input.as_bytes(),
        &mut out,
        false,
    )
    .expect("chat");
    let out = String::from_utf8(out).expect("utf-8");
    // Each view's text, in order; its buttons as a numbered list under it.
    let mut rest = out.as_str();
    for v in &want {
        let at = rest
            .find(&v.text)
            .unwrap_or_else(|| panic!("missing or out of order: {:?}\nin:\n{out}", v.text));
        rest = &rest[at + v.text.len()..];
        if let Some(first) = v.buttons.first().and_then(|row| row.first()) {
            assert!(
                rest.trim_start()
                    .starts_with(&format!("1. {}", first.label)),
                "buttons as a numbered list under {:?}",
                v.text
            );
        }
    }
}
