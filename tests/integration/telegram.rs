//! End to end: the real bot and its Bot API client against a fake Bot API server on
//! 127.0.0.1 (no internet). One test per behaviour; each starts its own fake Telegram.
//! That Telegram says what the conversation says (the same code as the terminal chat) is
//! `conversation.rs`; here: what is Telegram's own (menus, pop-ups, edits, groups, inline
//! mode, HTML, webhook) and the bugs the shared conversation fixed.

use crate::support::{self, bot, fake};

use serde_json::{Value, json};
use widunetz_bot::Engine;
use widunetz_bot::conversation::Command;
use widunetz_bot::store::Store;
use widunetz_bot::telegram::{self, format::escape};

use bot::TestBot;

/// A text as the bot sends it (HTML-escaped); fails when `lang` lacks it (no German
/// fallback can pass for the right language).
fn sent(e: &Engine, lang: &str, id: &str) -> String {
    support::localised(e, lang, id)
}

/// A question the shipped content answers with suggestions.
fn suggestions_question(e: &Engine) -> &'static str {
    [
        "Vielfalt",
        "Projekt",
        "Projekt Gruppe",
        "Netzwerk Projekt",
        "Evaluation Projekt",
    ]
    .into_iter()
    .find(|q| !e.answer(q, None).suggestions.is_empty())
    .expect("one of these gets suggestions")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn command_menu_lists_the_user_commands_in_every_language() {
    let bot = TestBot::start().await;
    let calls = bot
        .wait("setMyCommands x8", |c| c.count("setmycommands") >= 8)
        .await;
    let user: Vec<&str> = Command::USER.iter().map(Command::name).collect();
    let mut langs = Vec::new();
    for v in calls.of("setmycommands") {
        langs.push(v["language_code"].clone());
        let names: Vec<&str> = v["commands"]
            .as_array()
            .expect("commands")
            .iter()
            .filter_map(|c| c["command"].as_str())
            .collect();
        assert_eq!(names, user, "{v}");
    }
    for code in ["de", "tr", "ru", "ar", "en", "uk", "fa"] {
        assert!(langs.contains(&json!(code)), "{code}: {langs:?}");
    }
    assert!(langs.contains(&Value::Null), "the default list");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn turkish_start_greets_with_topic_buttons() {
    let e = support::engine();
    let bot = TestBot::start().await;
    bot.say(11, "/start", Some("tr")).await;
    let welcome = sent(&e, "tr", "welcome");
    let calls = bot
        .wait("Turkish welcome", |c| c.has_text(11, &welcome))
        .await;
    let start = calls.message_with(11, &welcome).expect("welcome");
    let topics: Vec<String> = e.topic_ids().iter().map(|t| format!("t:{t}")).collect();
    assert_eq!(start.data(), topics);
    assert_eq!(
        start.labels()[0],
        support::own_msg(&e, "tr", &format!("topic-{}", e.topic_ids()[0]))
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic_question_gets_arabic_answer_with_related_german_and_feedback_buttons() {
    let bot = TestBot::start().await;
    bot.say(12, "من هم الأشخاص المسؤولون عن التواصل؟", None)
        .await;
    let calls = bot
        .wait("Arabic answer", |c| {
            c.has_text(12, "m.j.chaput@kreis-herford.de")
        })
        .await;
    let reply = &calls.messages_to(12)[0];
    assert!(
        reply
            .text
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "Arabic: {}",
        reply.text
    );
    assert!(reply.html);
    // Related questions first, then the German version, then 👍 and 👎 side by side.
    let data = reply.data();
    let n = data.len();
    assert!(n >= 4, "{data:?}");
    assert!(
        data[..n - 3].iter().all(|d| d.starts_with("a:")),
        "{data:?}"
    );
    assert_eq!(
        data[n - 3..],
        ["g:contact", "f:+:contact:ar", "f:-:contact:ar"]
    );
    assert_eq!(
        reply.buttons.last().map(Vec::len),
        Some(2),
        "one row for 👍 👎"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_in_the_network_name_is_escaped() {
    let bot = TestBot::start().await;
    bot.say(13, "Was ist widunetz?", Some("de")).await;
    bot.wait("escaped &", |c| {
        c.has_text(13, "Integration &amp; Vielfalt")
    })
    .await;
    bot.stop().await;
}

/// Every message sent with HTML parse mode, for questions full of markup in every
/// language: no tag at all, and every `&` starts an entity Telegram knows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_in_questions_never_reaches_telegram_as_html() {
    let bot = TestBot::start().await;
    let questions = [
        "<b>Kontakt</b> &amp; <i>Telefon</i>",
        "<script>alert(1)</script>",
        "<b></b>&amp;&lt;&gt;",
        "*bold* _it_ `code` [x](tg://user?id=1)",
        "Was ist widunetz? <a href=\"x\">&</a>",
    ];
    let mut chat = 60;
    for lang in ["de", "tr", "ru", "ar"] {
        for q in questions {
            bot.say(chat, q, Some(lang)).await;
            chat += 1;
        }
    }
    let calls = bot.settle().await;
    let sent: Vec<(String, bool)> = calls
        .of("sendmessage")
        .map(|v| {
            (
                v["text"].as_str().unwrap_or_default().to_string(),
                v["parse_mode"] == "HTML",
            )
        })
        .collect();
    assert_eq!(sent.len(), 20, "one message per question: {sent:#?}");
    let entities = ["&amp;", "&lt;", "&gt;", "&quot;"];
    for (text, html) in &sent {
        assert!(html, "sent with HTML parse mode: {text}");
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        for (i, _) in text.match_indices('&') {
            assert!(
                entities.iter().any(|e| text[i..].starts_with(e)),
                "a bare & at {i}: {text}"
            );
        }
    }
    // The question inside the markup is still found.
    support::assert_replies(&calls.texts_to(60), &["kontakt"], "<b>Kontakt</b> …");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sticker_gets_a_hint_to_write_text() {
    let e = support::engine();
    let bot = TestBot::start().await;
    bot.server.fake.push(fake::sticker_update(14)).await;
    let hint = sent(&e, "de", "non-text-hint");
    bot.wait("sticker hint", |c| c.has_text(14, &hint)).await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_get_answers_only_to_what_is_meant_for_the_bot() {
    let e = support::engine();
    let bot = TestBot::start().await;
    let me = fake::BOT_USERNAME;
    bot.say(-15, "Wann wurde widunetz gegründet?", Some("de"))
        .await;
    bot.say(-15, "/start@other_bot", Some("de")).await;
    bot.say(
        -16,
        &format!("@{me} Wann wurde widunetz gegründet?"),
        Some("de"),
    )
    .await;
    bot.say(-17, &format!("/help@{me}"), Some("de")).await;
    bot.wait("mention and addressed command answered", |c| {
        c.has_text(-16, "27.02.2008") && c.has_text(-17, &sent(&e, "de", "help"))
    })
    .await;
    let calls = bot.settle().await;
    assert!(
        calls.messages_to(-15).is_empty(),
        "{:?}",
        calls.texts_to(-15)
    );
    bot.stop().await;
}

/// README: "In groups the bot answers only commands, mentions and replies to its own
/// messages" — a reply to the bot counts, a reply to someone else does not, and the mention
/// is found in any letter case.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_groups_replies_to_the_bot_and_mentions_in_any_case_are_answered() {
    let bot = TestBot::start().await;
    let f = &bot.server.fake;
    f.push(fake::reply_update(
        -31,
        "Wann wurde widunetz gegründet?",
        fake::BOT_ID,
    ))
    .await;
    f.push(fake::reply_update(
        -32,
        "Wann wurde widunetz gegründet?",
        4242,
    ))
    .await;
    let shouting = fake::BOT_USERNAME.to_uppercase();
    bot.say(-33, &format!("@{shouting} kontakt"), Some("de"))
        .await;
    let calls = bot.settle().await;
    support::assert_replies(
        &calls.texts_to(-31),
        &["Wie wurde widunetz gegründet?"],
        "a reply to the bot's message",
    );
    assert!(
        calls.messages_to(-32).is_empty(),
        "a reply to another member is not for the bot: {:?}",
        calls.texts_to(-32)
    );
    support::assert_replies(&calls.texts_to(-33), &["kontakt"], "@MENTION in capitals");
    bot.stop().await;
}

/// An edited message is a question again: it is answered like a new one (in a group only
/// when it is meant for the bot).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_question_is_answered_again() {
    let bot = TestBot::start().await;
    let f = &bot.server.fake;
    let now = fake::now();
    f.push(fake::text_update_at(41, "kontakt", Some("de"), now))
        .await;
    f.push(fake::edited_update(
        41,
        "Wie wurde widunetz gegründet?",
        Some("de"),
        now,
        now + 20,
    ))
    .await;
    f.push(fake::edited_update(
        -42,
        "Wie wurde widunetz gegründet?",
        Some("de"),
        now,
        now + 20,
    ))
    .await;
    let calls = bot.settle().await;
    support::assert_replies(
        &calls.texts_to(41),
        &["kontakt", "Wie wurde widunetz gegründet?"],
        "the question, then its edited form",
    );
    assert!(
        calls.messages_to(-42).is_empty(),
        "an edit in a group that does not address the bot: {:?}",
        calls.texts_to(-42)
    );
    bot.stop().await;
}

/// README: the reply language is "the chat's /language choice, else the language of the
/// question, else the user's Telegram language, else German". A question without words
/// (a number) has no language of its own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_language_in_the_question_the_telegram_language_is_used() {
    let e = support::engine();
    let bot = TestBot::start().await;
    bot.say(43, "12345", Some("ru-RU")).await;
    bot.say(44, "12345", Some("fr")).await;
    bot.say(45, "12345", None).await;
    let calls = bot.settle().await;
    let ru = sent(&e, "ru", "no-match");
    assert!(ru.contains("Извините"), "{ru}");
    let de = sent(&e, "de", "no-match");
    assert!(de.contains("Entschuldigung"), "{de}");
    for (chat, want, what) in [
        (43, &ru, "ru-RU: Russian"),
        (44, &de, "fr (not offered): German"),
        (45, &de, "no Telegram language: German"),
    ] {
        let got = calls.texts_to(chat);
        assert_eq!(got.len(), 1, "{what}: {got:?}");
        assert!(got[0].starts_with(want.as_str()), "{what}: {}", got[0]);
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answer_button_uses_the_chat_language_and_the_german_button_german() {
    let e = support::engine();
    let bot = TestBot::start().await;
    bot.press(17, "a:founding", Some("ru")).await;
    bot.press(18, "g:founding", Some("ru")).await;
    let ru = sent(&e, "ru", "faq-founding-answer");
    let de = sent(&e, "de", "faq-founding-answer");
    let calls = bot
        .wait("both answers", |c| {
            c.has_text(17, &ru) && c.has_text(18, &de)
        })
        .await;
    assert!(calls.popups().iter().all(Option::is_none), "no pop-up text");
    assert_eq!(
        calls.count("answercallbackquery"),
        2,
        "every press is answered"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_in_another_language_than_the_telegram_one_offers_it() {
    let e = support::engine();
    let bot = TestBot::start().await;
    // Telegram in Ukrainian, the question in English: the English answer, with a button for
    // the Ukrainian one (before the German version and 👍 👎).
    bot.say(140, "When was the network founded?", Some("uk"))
        .await;
    let en = sent(&e, "en", "faq-founding-answer");
    let calls = bot.wait("English answer", |c| c.has_text(140, &en)).await;
    let first = &calls.messages_to(140)[0];
    let data = first.data();
    let n = data.len();
    assert!(n >= 4, "{data:?}");
    assert_eq!(
        data[n - 4..],
        [
            "i:founding:uk",
            "g:founding",
            "f:+:founding:en",
            "f:-:founding:en"
        ]
    );
    bot.press(140, "i:founding:uk", Some("uk")).await;
    let uk = sent(&e, "uk", "faq-founding-answer");
    let calls = bot.wait("Ukrainian answer", |c| c.has_text(140, &uk)).await;
    let sent_to = calls.messages_to(140);
    let last = sent_to.last().map(|m| m.data()).unwrap_or_default();
    assert!(!last.is_empty(), "the Ukrainian answer has buttons");
    assert!(last.iter().all(|d| !d.starts_with("i:")), "{last:?}");
    // The question in Russian: the person's Ukrainian, with a button for the Russian answer.
    bot.say(141, "Когда была основана сеть?", Some("uk")).await;
    let calls = bot.wait("Ukrainian answer", |c| c.has_text(141, &uk)).await;
    let to = calls.messages_to(141);
    let data = to[0].data();
    assert!(data.contains(&"i:founding:ru"), "{data:?}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_whose_entry_is_gone_gets_a_polite_pop_up_and_message() {
    let e = support::engine();
    let gone = e.l10n().msg("de", "entry-gone");
    let bot = TestBot::start().await;
    bot.press(19, "a:no-such-entry", Some("de")).await;
    // Data no version of the bot wrote (an old format, or forged): the same reply.
    bot.press(20, "zz:whatever", Some("de")).await;
    let calls = bot
        .wait("entry gone twice", |c| {
            c.has_text(19, &escape(&gone)) && c.has_text(20, &escape(&gone))
        })
        .await;
    assert_eq!(calls.popups(), [Some(gone.clone()), Some(gone)]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_is_counted_per_entry_and_language_with_a_thank_you_pop_up() {
    let e = support::engine();
    let bot = TestBot::start().await;
    bot.press(21, "f:+:founding:tr", Some("tr")).await;
    let calls = bot
        .wait("feedback answered", |c| c.count("answercallbackquery") >= 1)
        .await;
    assert_eq!(
        calls.popups(),
        [Some(support::own_msg(&e, "tr", "feedback-thanks"))]
    );
    let calls = bot.settle().await;
    assert!(calls.messages_to(21).is_empty(), "only the pop-up");
    let data = bot.stop().await;
    assert_eq!(
        Store::open(data.path())
            .expect("store")
            .feedback()
            .expect("fb"),
        vec![("founding".to_string(), "tr".to_string(), 1, 0)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_menu_button_shows_the_menu_in_place_of_its_message() {
    let e = support::engine();
    let bot = TestBot::start().await;
    let topic = &e.topic_ids()[1];
    bot.press(22, &format!("t:{topic}"), Some("de")).await;
    let calls = bot.wait("topic menu", |c| !c.edits_in(22).is_empty()).await;
    let menu = &calls.edits_in(22)[0];
    let entries: Vec<String> = e
        .entries_of(topic)
        .iter()
        .map(|id| format!("a:{id}"))
        .collect();
    assert_eq!(menu.data()[..entries.len()], entries);
    assert_eq!(menu.data().last(), Some(&"t"), "a way back");
    bot.press(22, "t", Some("de")).await;
    let calls = bot.wait("topics menu", |c| c.edits_in(22).len() >= 2).await;
    assert_eq!(calls.edits_in(22)[1].text, sent(&e, "de", "topics-title"));
    assert!(
        calls.messages_to(22).is_empty(),
        "menus are edits, not new messages"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inline_query_lists_matching_entries() {
    let bot = TestBot::start().await;
    bot.server
        .fake
        .push(fake::inline_update(23, "kontakt", "de"))
        .await;
    let calls = bot
        .wait("inline answer", |c| c.count("answerinlinequery") > 0)
        .await;
    let inline = calls.of("answerinlinequery").next().expect("inline");
    let results = inline["results"].as_array().expect("results");
    assert!(!results.is_empty() && results.len() <= 10, "{results:?}");
    assert!(inline.to_string().contains("05221-131121"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_is_waited_out_and_the_reply_delivered_once() {
    let bot = TestBot::start().await;
    let f = &bot.server.fake;
    f.fail_429.store(1, std::sync::atomic::Ordering::SeqCst);
    let asked = std::time::Instant::now();
    bot.say(24, "kontakt", Some("de")).await;
    bot.wait("429 retried", |c| c.messages_to(24).len() >= 2)
        .await;
    assert!(
        asked.elapsed() >= std::time::Duration::from_secs(1),
        "the retry waited retry_after (1 s)"
    );
    let calls = bot.settle().await;
    assert_eq!(
        calls.messages_to(24).len(),
        2,
        "one refused attempt and one delivery"
    );
    assert_eq!(calls.delivered_to(24).len(), 1);
    bot.stop().await;
}

/// Issue 12: Telegram showed "1. … 2. …" *and* buttons, and a typed "1" got the no-match
/// apology. Now the text lists nothing the buttons show, and a number picks from them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suggestions_are_buttons_only_and_a_typed_number_picks_one() {
    let e = support::engine();
    let q = suggestions_question(&e);
    let bot = TestBot::start().await;
    bot.say(25, q, Some("de")).await;
    let calls = bot
        .wait("suggestions", |c| !c.messages_to(25).is_empty())
        .await;
    let list = &calls.messages_to(25)[0];
    assert!(!list.text.contains("1. "), "numbered text: {}", list.text);
    // The first button as sent; a typed "1" must answer exactly that entry.
    let first = list.data()[0]
        .strip_prefix("a:")
        .unwrap_or_else(|| panic!("an answer button first: {list:?}"))
        .to_string();
    bot.say(25, "1", Some("de")).await;
    let answer = sent(&e, "de", &format!("faq-{first}-answer"));
    let calls = bot
        .wait("the first suggestion", |c| c.has_text(25, &answer))
        .await;
    assert!(
        !calls.has_text(25, &sent(&e, "de", "no-match")),
        "no apology"
    );
    // Numbers pick from the topics too (Arabic-Indic digits as well).
    bot.say(26, "/topics", Some("ar")).await;
    bot.say(26, "١", Some("ar")).await;
    let topic = &e.topic_ids()[0];
    let mut args = fluent_bundle::FluentArgs::new();
    args.set(
        "topic",
        support::own_msg(&e, "ar", &format!("topic-{topic}")),
    );
    assert!(e.l10n().has_message("ar", "topic-questions"));
    let menu = escape(&e.l10n().msg_args("ar", "topic-questions", Some(&args)));
    bot.wait("the first topic", |c| c.has_text(26, &menu)).await;
    bot.stop().await;
}

/// Issue 12: `/language xx` shows the unknown-language text with the language buttons.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_language_code_shows_the_choice_again() {
    let bot = TestBot::start().await;
    bot.say(27, "/language xx", Some("de")).await;
    let calls = bot.wait("choice", |c| !c.messages_to(27).is_empty()).await;
    let reply = &calls.messages_to(27)[0];
    assert!(reply.text.contains("tr (Türkçe)"), "{}", reply.text);
    assert_eq!(
        reply.data(),
        ["l:de", "l:ar", "l:en", "l:fa", "l:ru", "l:tr", "l:uk"]
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chosen_language_survives_restart_and_forget_removes_it() {
    let data = tempfile::tempdir().expect("tmp");
    let e = support::engine();
    {
        let server = fake::start().await;
        let running = bot::start(&server, data.path()).await;
        let f = &server.fake;
        f.push(fake::callback_update(31, "l:ru", Some("de"))).await;
        f.wait_for(10, "language changed", |c| {
            c.has_text(31, &sent(&e, "ru", "language-changed"))
        })
        .await;
        f.push(fake::text_update(
            31,
            "Wann wurde widunetz gegründet?",
            Some("de"),
        ))
        .await;
        f.wait_for(10, "Russian answer", |c| {
            c.has_text(31, &sent(&e, "ru", "faq-founding-answer"))
        })
        .await;
        bot::stop(&server, running).await;
    }
    let server = fake::start().await;
    let running = bot::start(&server, data.path()).await;
    let f = &server.fake;
    f.push(fake::text_update(31, "Kontakt", Some("de"))).await;
    f.wait_for(10, "still Russian after restart", |c| {
        c.has_text(31, &sent(&e, "ru", "faq-contact-answer"))
    })
    .await;
    f.push(fake::text_update(31, "/forget", Some("de"))).await;
    f.wait_for(10, "forget", |c| {
        c.has_text(31, &sent(&e, "ru", "forget-done"))
    })
    .await;
    bot::stop(&server, running).await;
    let store = Store::open(data.path()).expect("store");
    assert_eq!(
        store
            .chat_lang(widunetz_bot::ids::ChatKey(31))
            .expect("read"),
        None
    );
}

/// Sends one HTTP POST to the webhook and returns the status code.
async fn post(addr: std::net::SocketAddr, path: &str, secret: Option<&str>, body: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect webhook");
    let secret = secret
        .map(|v| format!("X-Telegram-Bot-Api-Secret-Token: {v}\r\n"))
        .unwrap_or_default();
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{secret}Connection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.expect("read");
    let head = String::from_utf8_lossy(&buf);
    head.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

/// Sends headers announcing `declared` body bytes but only a little of it, and returns the
/// status code: a size limit must answer from the Content-Length alone.
async fn post_oversized(addr: std::net::SocketAddr, secret: &str, declared: usize) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect webhook");
    let req = format!(
        "POST /hook HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {declared}\r\nX-Telegram-Bot-Api-Secret-Token: {secret}\r\n\r\n{{\"update_id\": 9, "
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut buf = vec![0u8; 512];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), s.read(&mut buf))
        .await
        .expect("answered before the body is complete")
        .expect("read");
    let head = String::from_utf8_lossy(&buf[..n]);
    head.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

/// Sends `chunks` chunks of `size` bytes with chunked transfer encoding; returns the status.
async fn post_chunked(addr: std::net::SocketAddr, secret: &str, chunks: usize, size: usize) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect webhook");
    let head = format!(
        "POST /hook HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Telegram-Bot-Api-Secret-Token: {secret}\r\n\r\n"
    );
    s.write_all(head.as_bytes()).await.expect("write");
    let chunk = format!("{size:x}\r\n{}\r\n", " ".repeat(size));
    for _ in 0..chunks {
        // The server may stop reading once the limit is passed.
        if s.write_all(chunk.as_bytes()).await.is_err() {
            break;
        }
    }
    let _ = s.write_all(b"0\r\n\r\n").await;
    let mut buf = vec![0u8; 512];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), s.read(&mut buf))
        .await
        .expect("answered")
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&buf[..n]);
    head.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_checks_the_secret_header() {
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let listen: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().expect("addr");
    let hook = telegram::Webhook {
        listen,
        url: "https://bot.example.org/hook".parse().expect("url"),
        secret: Some("s3cret_value".into()),
    };
    let live = std::sync::Arc::new(widunetz_bot::live::Live::new(support::engine()));
    let state = telegram::State::new(live, Store::open(data.path()).expect("store"));
    let bot = bot::start_state(
        &server,
        std::sync::Arc::new(state),
        Some(hook),
        bot::settings(),
    )
    .await;
    let f = &server.fake;
    let calls = f
        .wait_for(10, "setWebhook", |c| {
            c.iter().any(|(m, _)| m == "setwebhook")
        })
        .await;
    let set = calls
        .iter()
        .find(|(m, _)| m == "setwebhook")
        .expect("setwebhook");
    assert_eq!(set.1["secret_token"], "s3cret_value");
    // Wait until the webhook listens.
    let mut tries = 0;
    while tokio::net::TcpStream::connect(listen).await.is_err() {
        tries += 1;
        assert!(tries < 100, "webhook never listened");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let mut update = fake::text_update(41, "kontakt", Some("de"));
    update["update_id"] = json!(1);
    let body = update.to_string();
    assert_eq!(
        post(listen, "/hook", None, &body).await,
        401,
        "no secret header"
    );
    assert_eq!(
        post(listen, "/hook", Some("wrong"), &body).await,
        401,
        "wrong secret"
    );
    assert_eq!(
        post(listen, "/hook", Some("s3cret_value"), &body).await,
        200
    );
    f.wait_for(10, "answer via webhook", |c| c.has_text(41, "05221-131121"))
        .await;
    let calls = f.calls().await;
    assert_eq!(
        calls.messages_to(41).len(),
        1,
        "only the request with the secret is answered"
    );

    // Bodies over the limit are refused (413) from the announced length, even with the secret.
    assert_eq!(
        post_oversized(listen, "s3cret_value", telegram::MAX_WEBHOOK_BODY + 1).await,
        413
    );
    assert_eq!(
        post_oversized(listen, "s3cret_value", 50 * 1024 * 1024).await,
        413
    );
    // Without a length (chunked), the body is cut at the limit while it is read.
    assert_eq!(
        post_chunked(listen, "s3cret_value", 5, 64 * 1024).await,
        413
    );
    // A body just under the limit is accepted (the limit is not lower than it says).
    let mut padded = fake::text_update(42, "kontakt", Some("de"));
    padded["update_id"] = json!(2);
    let mut body = padded.to_string();
    body.insert_str(1, &" ".repeat(telegram::MAX_WEBHOOK_BODY - body.len() - 16));
    assert_eq!(
        post(listen, "/hook", Some("s3cret_value"), &body).await,
        200
    );
    f.wait_for(10, "padded update answered", |c| {
        c.has_text(42, "05221-131121")
    })
    .await;

    // It listens on the configured address only: another loopback address of this machine
    // (127.0.0.2, same port) is refused; with 0.0.0.0 it would be answered.
    let other: std::net::SocketAddr = format!("127.0.0.2:{port}").parse().expect("addr");
    assert!(
        tokio::net::TcpStream::connect(other).await.is_err(),
        "the webhook answers on {other}, not only on {listen}"
    );
    bot::stop(&server, bot).await;
}

/// README: the webhook secret comes "from `WEBHOOK_SECRET`, else a random one". Without a
/// configured secret each run registers its own, and requests need it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_without_a_configured_secret_registers_a_random_one() {
    let mut secrets = Vec::new();
    for (run, chat) in [(0, 43), (1, 44)] {
        let server = fake::start().await;
        let data = tempfile::tempdir().expect("tmp");
        let listen = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("free port")
            .local_addr()
            .expect("addr");
        let hook = telegram::Webhook {
            listen,
            url: "https://bot.example.org/hook".parse().expect("url"),
            secret: None,
        };
        let live = std::sync::Arc::new(widunetz_bot::live::Live::new(support::engine()));
        let state = telegram::State::new(live, Store::open(data.path()).expect("store"));
        let bot = bot::start_state(
            &server,
            std::sync::Arc::new(state),
            Some(hook),
            bot::settings(),
        )
        .await;
        let f = &server.fake;
        let calls = f
            .wait_for(10, "setWebhook", |c| c.count("setwebhook") > 0)
            .await;
        let secret = calls.of("setwebhook").next().expect("setwebhook")["secret_token"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(
            secret.len() >= 16,
            "run {run}: a secret of 16+ characters: {secret:?}"
        );
        let mut tries = 0;
        while tokio::net::TcpStream::connect(listen).await.is_err() {
            tries += 1;
            assert!(tries < 100, "webhook never listened");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let mut update = fake::text_update(chat, "kontakt", Some("de"));
        update["update_id"] = json!(1);
        let body = update.to_string();
        assert_eq!(post(listen, "/hook", None, &body).await, 401, "no header");
        assert_eq!(post(listen, "/hook", Some(&secret), &body).await, 200);
        f.wait_for(10, "answer via webhook", |c| {
            c.has_text(chat, "05221-131121")
        })
        .await;
        bot::stop(&server, bot).await;
        secrets.push(secret);
    }
    assert_ne!(secrets[0], secrets[1], "a new secret each run");
}

/// README: "Bot API methods used: `getMe`, `getUpdates`, `sendMessage`, `editMessageText`,
/// `answerCallbackQuery`, `answerInlineQuery`, `setMyCommands`, `deleteWebhook` (long
/// polling) and `setWebhook` (webhook mode)." A session with commands, menus, buttons and
/// an inline query calls no other method.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_documented_bot_api_methods_are_called() {
    let bot = TestBot::start().await;
    bot.say(46, "/start", Some("de")).await;
    bot.say(46, "kontakt", Some("de")).await;
    bot.press(46, "t", Some("de")).await;
    bot.press(46, "f:+:contact:de", Some("de")).await;
    bot.server
        .fake
        .push(fake::inline_update(46, "kontakt", "de"))
        .await;
    let calls = bot.settle().await;
    let documented = [
        "getme",
        "getupdates",
        "sendmessage",
        "editmessagetext",
        "answercallbackquery",
        "answerinlinequery",
        "setmycommands",
        "deletewebhook",
    ];
    let mut used: Vec<&str> = calls.iter().map(|(m, _)| m.as_str()).collect();
    used.sort_unstable();
    used.dedup();
    assert!(
        used.iter().all(|m| documented.contains(m)),
        "undocumented methods: {used:?}"
    );
    // The session did exercise the interesting ones.
    for m in [
        "editmessagetext",
        "answercallbackquery",
        "answerinlinequery",
    ] {
        assert!(used.contains(&m), "{m} not called: {used:?}");
    }
    bot.stop().await;
}

/// A webhook address that is already taken is a clear error naming it, and Telegram is
/// not told about a webhook that could not listen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_webhook_address_is_a_clear_error_before_set_webhook() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let listen = taken.local_addr().expect("addr");
    let server = fake::start().await;
    let data = tempfile::tempdir().expect("tmp");
    let live = std::sync::Arc::new(widunetz_bot::live::Live::new(support::engine()));
    let state = telegram::State::new(live, Store::open(data.path()).expect("store"));
    let hook = telegram::Webhook {
        listen,
        url: "https://bot.example.org/hook".parse().expect("url"),
        secret: Some("s3cret_value".into()),
    };
    let running = bot::start_state(
        &server,
        std::sync::Arc::new(state),
        Some(hook),
        bot::settings(),
    )
    .await;
    let ended = tokio::time::timeout(std::time::Duration::from_secs(30), running.handle)
        .await
        .expect("the bot ends")
        .expect("join");
    let err = ended.expect_err("a taken address is an error");
    assert!(err.to_string().contains(&listen.to_string()), "{err}");
    assert_eq!(server.fake.calls().await.count("setwebhook"), 0);
    drop(taken);
}
