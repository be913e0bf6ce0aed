//! What the bot answers: an update ([`Incoming`]) in, the steps of the reply ([`Outgoing`])
//! out. Deciding does not send anything: the steps are kept in the inbox and delivered by
//! the chat's worker, so a reply interrupted by a crash goes on where it stopped.
//!
//! Callback data (always < 64 bytes): `t` topics, `t:<topic>` questions of a topic,
//! `a:<id>` an answer, `g:<id>` the German version, `f:<+|->:<id>:<lang>` feedback,
//! `l:<lang>` choose language.

use std::sync::Arc;

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::flood::{FloodGuard, Verdict};
use super::format;
use super::incoming::Incoming;
use super::send::{Article, Outgoing};
use super::{Config, State};
use crate::error::Error;
use crate::live::Live;
use crate::store::Store;
use crate::{Engine, Outcome, Reply};

/// What one update is handled with: one snapshot of the content, so a reload in between
/// never mixes old and new texts in a reply.
struct Req<'a> {
    engine: Arc<Engine>,
    store: &'a Store,
    config: &'a Config,
    live: &'a Live,
}

/// The steps of a reply, in order.
#[derive(Default)]
struct Steps(Vec<Outgoing>);

impl Steps {
    /// A text (split into parts of at most 4,096 characters), buttons under the last part.
    fn text(&mut self, chat: i64, text: &str, keyboard: Option<InlineKeyboardMarkup>) {
        let parts = format::split(text, format::MAX_MESSAGE);
        let n = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            self.0.push(Outgoing::Text {
                chat,
                text: part,
                keyboard: if i + 1 == n { keyboard.clone() } else { None },
            });
        }
    }
}

/// Decides the reply to `inc`. An error (the database failed) means the user should get the
/// generic error text ([`error_reply`]).
pub fn plan(state: &State, flood: &FloodGuard, inc: &Incoming) -> Result<Vec<Outgoing>, Error> {
    let req = Req {
        engine: state.live.current(),
        store: &state.store,
        config: &state.config,
        live: &state.live,
    };
    let mut out = Steps::default();
    match inc {
        Incoming::Message {
            chat,
            date,
            text,
            user_lang,
            ..
        } => on_message(
            &req,
            flood,
            &mut out,
            *chat,
            *date,
            text.as_deref(),
            user_lang.as_deref(),
        )?,
        Incoming::Callback {
            id,
            chat,
            date,
            user_lang,
            data,
            message_id,
        } => on_callback(
            &req,
            flood,
            &mut out,
            (id, *chat, *date),
            user_lang.as_deref(),
            data,
            *message_id,
        )?,
        Incoming::Inline {
            id,
            user_lang,
            query,
            ..
        } => on_inline(&req, &mut out, id, user_lang.as_deref(), query),
    }
    Ok(out.0)
}

/// The localised "something went wrong" for `inc` (a failed or panicked handler).
pub fn error_reply(state: &State, inc: Option<&Incoming>) -> Vec<Outgoing> {
    let engine = state.live.current();
    let msg = |chat: i64, user_lang: Option<&str>| {
        let lang = match state.store.chat_lang(chat) {
            Ok(Some(l)) if engine.l10n.has_lang(&l) => l,
            _ => user_lang
                .and_then(|c| engine.l10n.negotiate(c))
                .unwrap_or_else(|| crate::l10n::DEFAULT_LANG.to_string()),
        };
        engine.l10n.msg(&lang, "error-generic")
    };
    match inc {
        Some(Incoming::Message {
            chat, user_lang, ..
        }) => vec![Outgoing::Text {
            chat: *chat,
            text: msg(*chat, user_lang.as_deref()),
            keyboard: None,
        }],
        Some(Incoming::Callback {
            id,
            chat,
            user_lang,
            ..
        }) => vec![Outgoing::AnswerCallback {
            id: id.clone(),
            text: Some(msg(*chat, user_lang.as_deref())),
        }],
        Some(Incoming::Inline { id, .. }) => vec![Outgoing::AnswerInline {
            id: id.clone(),
            results: Vec::new(),
        }],
        None => Vec::new(),
    }
}

/// The chat's `/language` choice, if it is still a language the bot has.
fn stored_lang(state: &Req<'_>, chat_id: i64) -> Option<String> {
    match state.store.chat_lang(chat_id) {
        Ok(l) => l.filter(|l| state.engine.l10n.has_lang(l)),
        Err(e) => {
            tracing::warn!("reading the chat language failed: {e}");
            None
        }
    }
}

/// The language for texts not tied to a question: stored choice, else the user's Telegram
/// language, else German.
fn fallback_lang(state: &Req<'_>, stored: Option<&str>, user_code: Option<&str>) -> String {
    stored
        .map(str::to_string)
        .or_else(|| user_code.and_then(|c| state.engine.l10n.negotiate(c)))
        .unwrap_or_else(|| crate::l10n::DEFAULT_LANG.to_string())
}

fn on_message(
    state: &Req<'_>,
    flood: &FloodGuard,
    out: &mut Steps,
    chat: i64,
    date: i64,
    text: Option<&str>,
    user_code: Option<&str>,
) -> Result<(), Error> {
    let verdict = flood.check(chat, date);
    if verdict == Verdict::Ignore {
        return Ok(());
    }
    let l = &state.engine.l10n;
    let stored = stored_lang(state, chat);
    let lang = fallback_lang(state, stored.as_deref(), user_code);
    if verdict == Verdict::Notify {
        // No chat id in the log: it would identify the person.
        tracing::info!("a chat is sending too fast; muted for a while");
        out.text(chat, &l.msg(&lang, "flood-notice"), None);
        return Ok(());
    }
    let Some(text) = text else {
        out.text(chat, &l.msg(&lang, "non-text-hint"), None);
        return Ok(());
    };
    if let Some(rest) = text.strip_prefix('/') {
        let mut parts = rest.split_whitespace();
        let name = parts
            .next()
            .unwrap_or("")
            .split('@')
            .next()
            .unwrap_or("")
            .to_lowercase();
        return command(state, out, chat, &lang, &name, parts.next());
    }
    let mut reply = state.engine.answer(text, stored.as_deref());
    // Nothing detected (emoji, digits): fall back to the user's Telegram language.
    if stored.is_none()
        && reply.detected_lang.is_none()
        && let Some(code) = user_code.and_then(|c| l.negotiate(c))
    {
        reply = state.engine.answer(text, Some(&code));
    }
    if state.config.record_unanswered
        && matches!(reply.kind, Outcome::Suggestions(_) | Outcome::NoMatch)
    {
        record_unanswered(state, text, &reply);
    }
    out.text(chat, &reply.answer, Some(reply_keyboard(state, &reply)));
    Ok(())
}

/// Counts a question without a confident answer: normalised text, language, outcome, day.
/// Never the chat, the user or the time; a storage failure must not cost the reply.
fn record_unanswered(state: &Req<'_>, text: &str, reply: &Reply) {
    let Some(q) = crate::unanswered::normalise(text) else {
        return;
    };
    let lang = reply.detected_lang.as_deref().unwrap_or(&reply.lang);
    if let Err(e) =
        state
            .store
            .record_unanswered(&q, lang, reply.outcome, state.config.keep_unanswered_days)
    {
        tracing::warn!("recording an unanswered question failed: {e}");
    }
}

fn command(
    state: &Req<'_>,
    out: &mut Steps,
    chat: i64,
    lang: &str,
    name: &str,
    arg: Option<&str>,
) -> Result<(), Error> {
    let engine = &state.engine;
    let l = &engine.l10n;
    match name {
        "start" => out.text(
            chat,
            &l.msg(lang, "welcome"),
            Some(topics_keyboard(engine, lang)),
        ),
        "help" => out.text(chat, &l.msg(lang, "help"), None),
        "topics" => out.text(
            chat,
            &l.msg(lang, "topics-title"),
            Some(topics_keyboard(engine, lang)),
        ),
        "contact" => out.text(chat, &l.msg(lang, "faq-contact-answer"), None),
        "language" => match arg.and_then(|a| l.negotiate(a)) {
            Some(code) => {
                state.store.set_chat_lang(chat, &code)?;
                out.text(chat, &l.msg(&code, "language-changed"), None);
            }
            None => out.text(
                chat,
                &l.msg(lang, "language-choose"),
                Some(language_keyboard(engine)),
            ),
        },
        "privacy" => {
            let c = state.config;
            let text =
                crate::reply::privacy_text(l, lang, c.record_unanswered, c.keep_unanswered_days);
            out.text(chat, &text, None);
        }
        "forget" => {
            state.store.forget_chat(chat)?;
            out.text(chat, &l.msg(lang, "forget-done"), None);
        }
        // Admin commands exist only for admins; anyone else gets the unknown-command reply.
        "reload" | "stats" | "unanswered" if state.config.admins.contains(&chat) => {
            let text = admin(state, lang, name)?;
            out.text(chat, &text, None);
        }
        _ => out.text(chat, &l.msg(lang, "unknown-command"), None),
    }
    Ok(())
}

/// `/reload`, `/stats`, `/unanswered` for the chats listed as admins.
fn admin(state: &Req<'_>, lang: &str, name: &str) -> Result<String, Error> {
    let l = &state.engine.l10n;
    Ok(match name {
        "reload" => match state.live.reload() {
            crate::live::Reload::Swapped {
                generation,
                warnings,
            } => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("generation", generation);
                args.set("warnings", warnings.len());
                l.msg_args(lang, "admin-reload-done", Some(&args))
            }
            crate::live::Reload::Rejected { problems } => {
                let list: Vec<String> = problems
                    .iter()
                    .filter(|p| p.severity == crate::Severity::Error)
                    .take(10)
                    .map(|p| format!("• {p}"))
                    .collect();
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("count", list.len());
                format!(
                    "{}\n{}",
                    l.msg_args(lang, "admin-reload-failed", Some(&args)),
                    list.join("\n")
                )
            }
        },
        "stats" => {
            let st = state.store.stats()?;
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("entries", state.engine.faq.entries.len());
            args.set("languages", state.engine.l10n.codes().join(", "));
            args.set("generation", state.live.generation());
            args.set("chats", st.chats_with_language);
            args.set("unanswered", st.unanswered_questions);
            args.set("asked", st.unanswered_asked);
            args.set("up", st.feedback_up);
            args.set("down", st.feedback_down);
            l.msg_args(lang, "admin-stats", Some(&args))
        }
        _ => {
            let rows = state.store.unanswered(None, None)?;
            let groups = crate::unanswered::group(&rows, &state.engine);
            if groups.is_empty() {
                l.msg(lang, "admin-unanswered-none")
            } else {
                let mut s = l.msg(lang, "admin-unanswered-title");
                for g in groups.iter().take(15) {
                    s.push_str(&format!("\n{}× [{}] {}", g.count, g.lang, g.question));
                    if let Some(c) = &g.closest {
                        s.push_str(&format!(" → {}", c.id));
                    }
                }
                s
            }
        }
    })
}

fn button(text: String, data: String) -> InlineKeyboardButton {
    debug_assert!(data.len() <= 64, "callback data over 64 bytes: {data}");
    InlineKeyboardButton::callback(text, data)
}

fn reply_keyboard(state: &Req<'_>, r: &Reply) -> InlineKeyboardMarkup {
    let l = &state.engine.l10n;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    match &r.kind {
        Outcome::Answer(_) => {
            let id = r.id.clone().unwrap_or_default();
            rows.push(vec![
                button("👍".into(), format!("f:+:{id}:{}", r.lang)),
                button("👎".into(), format!("f:-:{id}:{}", r.lang)),
            ]);
            for s in &r.related {
                rows.push(vec![button(s.title.clone(), format!("a:{}", s.id))]);
            }
            if r.lang != crate::l10n::DEFAULT_LANG {
                rows.push(vec![button(
                    l.msg(&r.lang, "button-german"),
                    format!("g:{id}"),
                )]);
            }
        }
        Outcome::Suggestions(_) => {
            for s in &r.suggestions {
                rows.push(vec![button(s.title.clone(), format!("a:{}", s.id))]);
            }
        }
        Outcome::NoMatch => return topics_keyboard(&state.engine, &r.lang),
        _ => {}
    }
    InlineKeyboardMarkup::new(rows)
}

fn topics_keyboard(engine: &Engine, lang: &str) -> InlineKeyboardMarkup {
    let rows = engine
        .faq
        .topics
        .iter()
        .map(|t| {
            vec![button(
                engine.l10n.msg(lang, &format!("topic-{t}")),
                format!("t:{t}"),
            )]
        })
        .collect::<Vec<_>>();
    InlineKeyboardMarkup::new(rows)
}

fn language_keyboard(engine: &Engine) -> InlineKeyboardMarkup {
    let row = engine
        .l10n
        .codes()
        .into_iter()
        .map(|c| button(engine.l10n.msg(&c, "language-name"), format!("l:{c}")))
        .collect::<Vec<_>>();
    InlineKeyboardMarkup::new(vec![row])
}

/// A menu: in place of the message its button was on, else as a new message.
fn menu(out: &mut Steps, chat: i64, edit: Option<i32>, text: String, kb: InlineKeyboardMarkup) {
    match edit {
        Some(message_id) => out.0.push(Outgoing::Edit {
            chat,
            message_id,
            text,
            keyboard: kb,
        }),
        None => out.text(chat, &text, Some(kb)),
    }
}

/// A button tap; `(id, chat, date)` of the callback query.
fn on_callback(
    state: &Req<'_>,
    flood: &FloodGuard,
    out: &mut Steps,
    (id, chat, date): (&str, i64, i64),
    user_code: Option<&str>,
    data: &str,
    edit: Option<i32>,
) -> Result<(), Error> {
    let engine = &state.engine;
    let l = &engine.l10n;
    let lang = fallback_lang(state, stored_lang(state, chat).as_deref(), user_code);
    let answer = |out: &mut Steps, text: Option<String>| {
        out.0.push(Outgoing::AnswerCallback {
            id: id.to_string(),
            text,
        })
    };
    // Taps count like messages: 80 taps a second are a flood too. A muted chat gets the
    // notice as a toast, never a message.
    if flood.check(chat, date) != Verdict::Answer {
        answer(out, Some(l.msg(&lang, "flood-notice")));
        return Ok(());
    }
    let parts: Vec<&str> = data.split(':').collect();
    let entry_index = |id: &str| engine.faq.entries.iter().position(|e| e.id == id);
    match parts.as_slice() {
        ["t"] => {
            answer(out, None);
            let text = l.msg(&lang, "topics-title");
            menu(out, chat, edit, text, topics_keyboard(engine, &lang));
        }
        ["t", topic] if engine.faq.topics.iter().any(|t| t == topic) => {
            answer(out, None);
            let mut rows: Vec<Vec<InlineKeyboardButton>> = engine
                .topic_entries(topic)
                .into_iter()
                .map(|id| vec![button(engine.title(&id, &lang), format!("a:{id}"))])
                .collect();
            rows.push(vec![button(l.msg(&lang, "button-back"), "t".into())]);
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("topic", l.msg(&lang, &format!("topic-{topic}")));
            let text = l.msg_args(&lang, "topic-questions", Some(&args));
            menu(out, chat, edit, text, InlineKeyboardMarkup::new(rows));
        }
        ["a", id] | ["g", id] if entry_index(id).is_some() => {
            answer(out, None);
            let i = entry_index(id).unwrap_or_default();
            let reply_lang = if parts[0] == "g" {
                crate::l10n::DEFAULT_LANG
            } else {
                &lang
            };
            let r = crate::reply::build(
                engine,
                &engine.title(id, reply_lang),
                reply_lang,
                Some(reply_lang.to_string()),
                Outcome::Answer(i),
                &[],
            );
            out.text(chat, &r.answer, Some(reply_keyboard(state, &r)));
        }
        ["f", sign @ ("+" | "-"), id, flang] if entry_index(id).is_some() && l.has_lang(flang) => {
            state.store.add_feedback(id, flang, *sign == "+")?;
            answer(out, Some(l.msg(&lang, "feedback-thanks")));
        }
        ["l", code] if l.has_lang(code) => {
            state.store.set_chat_lang(chat, code)?;
            answer(out, None);
            out.text(chat, &l.msg(code, "language-changed"), None);
        }
        _ => {
            // An old button whose entry or topic no longer exists.
            answer(out, Some(l.msg(&lang, "entry-gone")));
            out.text(chat, &l.msg(&lang, "entry-gone"), None);
        }
    }
    Ok(())
}

fn on_inline(state: &Req<'_>, out: &mut Steps, id: &str, user_code: Option<&str>, query: &str) {
    let engine = &state.engine;
    let user_lang = user_code.and_then(|c| engine.l10n.negotiate(c));
    let ranked = engine.rank(query);
    let lang = engine.reply_lang(
        None,
        ranked.detected_lang.as_deref().or(user_lang.as_deref()),
    );
    let results: Vec<Article> = ranked
        .entries
        .into_iter()
        .filter(|(_, s)| *s >= crate::SUGGEST)
        .take(10)
        .map(|(entry, _)| {
            let title = engine.title(&entry, &lang);
            let answer = engine.l10n.msg(&lang, &format!("faq-{entry}-answer"));
            // Title, blank line and answer fit one message (cut before escaping, so no
            // character entity is cut in half).
            let room = format::MAX_MESSAGE.saturating_sub(title.chars().count() + 2);
            Article {
                id: format!("{entry}:{lang}"),
                body: answer.chars().take(room).collect(),
                title,
            }
        })
        .collect();
    out.0.push(Outgoing::AnswerInline {
        id: id.to_string(),
        results,
    });
}
