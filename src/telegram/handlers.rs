//! What the bot answers to an update: [`Incoming`] in, the steps of the reply ([`Outgoing`])
//! out. Each handler only translates: the update becomes conversation [`Input`], the
//! [`Conversation`](crate::conversation::Conversation) decides, and [`render`] turns its
//! views into requests. What is Telegram's own stays here: the flood guard, the pop-up over a
//! pressed button, inline mode's result list.
//!
//! Deciding sends nothing: the steps are kept in the inbox and delivered by the chat's
//! worker, so a reply interrupted by a crash goes on where it stopped.

use super::State;
use super::flood::{FloodGuard, Verdict};
use super::format;
use super::incoming::Incoming;
use super::keyboard;
use super::render::{self, Target};
use super::send::{Article, Outgoing};
use crate::conversation::{Chat, ChatKey, Input, View, inline};
use crate::error::Error;
use crate::ids::LangCode;
use crate::ui::Ui;

/// Decides the reply to `inc`. An error (the database failed) means the user should get the
/// generic error text ([`error_reply`]).
pub fn plan(state: &State, flood: &FloodGuard, inc: &Incoming) -> Result<Vec<Outgoing>, Error> {
    match inc {
        Incoming::Message {
            chat,
            date,
            text,
            user_lang,
            ..
        } => {
            // Telegram's language setting; a code that is no language tag is ignored.
            let client = client_lang(user_lang);
            let who = Chat {
                key: ChatKey(*chat),
                client_lang: client.as_ref(),
            };
            let to = Target {
                chat: *chat,
                button: None,
            };
            match flood.check(*chat, *date) {
                Verdict::Ignore => return Ok(Vec::new()),
                Verdict::Notify => return Ok(flood_notice(state, who, to)),
                Verdict::Answer => {}
            }
            // In groups `incoming` keeps only text meant for this bot: a command addressed
            // to another bot (`/start@other_bot`) never gets here.
            let input = match text {
                Some(t) => Input::Text(t.clone()),
                None => Input::NotText,
            };
            let views = state.conversation().handle(who, input)?;
            Ok(render::steps(&views, to))
        }
        Incoming::Callback {
            id,
            chat,
            date,
            user_lang,
            data,
            message_id,
        } => {
            // Telegram's language setting; a code that is no language tag is ignored.
            let client = client_lang(user_lang);
            let who = Chat {
                key: ChatKey(*chat),
                client_lang: client.as_ref(),
            };
            let to = Target {
                chat: *chat,
                button: Some((id, *message_id)),
            };
            // Taps count like messages: 80 taps a second are a flood too. A muted chat gets
            // the notice as a pop-up, never a message.
            if flood.check(*chat, *date) != Verdict::Answer {
                return Ok(flood_notice(state, who, to));
            }
            let input = match keyboard::action(data) {
                Some(action) => Input::Action(action),
                None => Input::UnknownButton,
            };
            let views = state.conversation().handle(who, input)?;
            Ok(render::steps(&views, to))
        }
        Incoming::Inline {
            id,
            user_lang,
            query,
            ..
        } => Ok(vec![inline_answer(state, id, user_lang, query)]),
    }
}

/// "You are writing very fast": a message, or the pop-up over a pressed button.
fn flood_notice(state: &State, who: Chat<'_>, to: Target<'_>) -> Vec<Outgoing> {
    let c = state.conversation();
    let text = c
        .live()
        .current()
        .ui(c.ui_lang(who).as_str(), Ui::FloodNotice);
    if to.button.is_none() {
        // No chat id in the log: it would identify the person.
        tracing::info!("a chat is sending too fast; muted for a while");
    }
    render::steps(&[View::notice(text)], to)
}

/// The localised "something went wrong" for `inc` (a failed or panicked handler).
pub fn error_reply(state: &State, inc: Option<&Incoming>) -> Vec<Outgoing> {
    let c = state.conversation();
    let view = |chat: i64, user_lang: &Option<String>| {
        let client = client_lang(user_lang);
        c.error_view(Chat {
            key: ChatKey(chat),
            client_lang: client.as_ref(),
        })
    };
    match inc {
        Some(Incoming::Message {
            chat, user_lang, ..
        }) => render::message(*chat, &view(*chat, user_lang)),
        Some(Incoming::Callback {
            id,
            chat,
            user_lang,
            ..
        }) => vec![Outgoing::AnswerCallback {
            id: id.clone(),
            text: Some(view(*chat, user_lang).text),
        }],
        Some(Incoming::Inline { id, .. }) => vec![Outgoing::AnswerInline {
            id: id.clone(),
            results: Vec::new(),
        }],
        None => Vec::new(),
    }
}

/// Telegram's `language_code` as a typed code (`None` when it is missing or not a language
/// tag).
fn client_lang(user_lang: &Option<String>) -> Option<LangCode> {
    user_lang.as_deref().and_then(LangCode::from_tag)
}

/// Inline mode: the conversation's offers as Telegram's result list.
fn inline_answer(state: &State, id: &str, user_lang: &Option<String>, query: &str) -> Outgoing {
    let engine = state.live().current();
    let results = inline::offers(&engine, query, client_lang(user_lang).as_ref())
        .into_iter()
        .map(|o| {
            // Title, blank line and answer fit one message (cut before escaping, so no
            // character entity is cut in half).
            let room = format::MAX_MESSAGE.saturating_sub(o.title.chars().count() + 2);
            Article {
                id: format!("{}:{}", o.entry, o.lang),
                body: o.answer.chars().take(room).collect(),
                title: o.title,
            }
        })
        .collect();
    Outgoing::AnswerInline {
        id: id.to_string(),
        results,
    }
}
