//! The whole conversation, independent of the transport: what the bot says to a message, a
//! command or a button press. Every chat front end (the terminal, Telegram, a future web
//! widget) turns its input into an [`Input`], calls [`Conversation::handle`] and renders the
//! [`View`]s it gets back; so they behave the same because they are the same code.
//!
//! - [`command`]: `/start`, `/language tr`, … parsed once into a [`Command`];
//! - [`action`]: what a button does, with one checked wire format ([`Action`]);
//! - [`view`]: text plus buttons ([`View`]);
//! - [`lang`]: the one language policy;
//! - [`settings`]: the chat's chosen language and the anonymous counts ([`ChatSettings`],
//!   [`Records`]), in SQLite or in memory;
//! - [`memory`]: the last list shown (typed numbers pick from it) and the last question's
//!   language, in memory only;
//! - [`record`]: which questions are counted as unanswered;
//! - [`inline`]: answers offered while someone types (Telegram's inline mode).

pub mod action;
mod admin;
pub mod command;
pub mod inline;
pub mod lang;
pub mod memory;
pub mod record;
pub mod review;
pub mod settings;
pub mod view;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use fluent_bundle::FluentArgs;

pub use action::{Action, ReviewOp};
pub use command::{AdminCommand, Command};
pub use lang::LangHint;
pub use memory::ChatMemory;
pub use settings::{ChatSettings, InMemory, Records};
pub use view::{Button, View, ViewKind};

use crate::Engine;
use crate::error::Error;
pub use crate::ids::ChatKey;
use crate::ids::{EntryId, LangCode};
use crate::l10n::DEFAULT_LANG;
use crate::live::Live;
use crate::reply::{Outcome, Reply};
use crate::ui::Ui;

/// Who writes: the chat, and the person's client language if the front end knows it.
#[derive(Debug, Clone, Copy)]
pub struct Chat<'a> {
    pub key: ChatKey,
    pub client_lang: Option<&'a LangCode>,
}

impl Chat<'_> {
    pub fn new(key: ChatKey) -> Chat<'static> {
        Chat {
            key,
            client_lang: None,
        }
    }
}

/// What arrived from the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A typed message: a command if it starts with `/`, a number picking from the last
    /// list, or a question. A `@name` after a command is ignored here: in groups the front
    /// end first decides with [`Command::parse`] and the bot's name whether a command is
    /// meant for the bot at all (Telegram's `addressing` drops `/start@other_bot`), or
    /// parses it itself and sends [`Input::Command`].
    Text(String),
    Command(Command),
    /// A button was pressed.
    Action(Action),
    /// A button whose data the bot cannot read (from an older version, or forged).
    UnknownButton,
    /// A message without text (a sticker, a photo, a voice message).
    NotText,
}

/// Operator settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Chats that may use the admin commands; for every other chat they do not exist.
    pub admins: Vec<ChatKey>,
    /// Count questions without a confident answer (see [`record`]).
    pub record_unanswered: bool,
    /// Days an unanswered question is kept after it was last asked.
    pub keep_unanswered_days: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            admins: Vec::new(),
            record_unanswered: true,
            keep_unanswered_days: crate::store::KEEP_UNANSWERED_DAYS,
        }
    }
}

/// The conversation of every chat of one front end.
pub struct Conversation<S> {
    live: Arc<Live>,
    settings: S,
    memory: ChatMemory,
    config: Config,
    reviews: review::Reviews,
}

impl<S: ChatSettings + Records> Conversation<S> {
    pub fn new(live: Arc<Live>, settings: S, config: Config) -> Self {
        Conversation {
            live,
            settings,
            memory: ChatMemory::default(),
            config,
            reviews: review::Reviews::default(),
        }
    }

    pub fn settings(&self) -> &S {
        &self.settings
    }

    pub fn live(&self) -> &Arc<Live> {
        &self.live
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// What the bot answers to `input` in `chat`. Blocking (SQLite, `/reload`): async front
    /// ends call it off their event loop. An `Err` is a storage failure the person should
    /// hear about ([`Conversation::error_view`]); content problems never are errors.
    pub fn handle(&self, chat: Chat<'_>, input: Input) -> Result<Vec<View>, Error> {
        // One snapshot per input: a reload in between never mixes old and new texts.
        let engine = self.live.current();
        let chosen = self.chosen(&engine, chat.key);
        let recent = self.memory.get(chat.key);
        let ui = lang::reply_lang(
            engine.l10n(),
            chosen.as_ref(),
            recent.lang.as_ref(),
            chat.client_lang,
        );
        let turn = Turn {
            conv: self,
            engine: &engine,
            chat,
            chosen: chosen.as_ref(),
            ui,
        };
        let views = match input {
            Input::Text(text) => match Command::parse(&text, None) {
                Some(cmd) => turn.command(cmd)?,
                None => {
                    match typed_number(&text).and_then(|n| recent.list.get(n.checked_sub(1)?)) {
                        Some(action) => turn.action(action.clone())?,
                        None => turn.question(&text),
                    }
                }
            },
            Input::Command(cmd) => turn.command(cmd)?,
            Input::Action(action) => turn.action(action)?,
            Input::UnknownButton => turn.gone(),
            Input::NotText => vec![View::message(turn.msg(Ui::NonTextHint))],
        };
        self.remember_list(chat.key, &views);
        Ok(views)
    }

    /// The language for texts that are not a reply to a question (a goodbye, a notice).
    pub fn ui_lang(&self, chat: Chat<'_>) -> LangCode {
        let engine = self.live.current();
        let chosen = self.chosen(&engine, chat.key);
        let recent = self.memory.get(chat.key);
        lang::reply_lang(
            engine.l10n(),
            chosen.as_ref(),
            recent.lang.as_ref(),
            chat.client_lang,
        )
    }

    /// What to show when [`Conversation::handle`] failed.
    pub fn error_view(&self, chat: Chat<'_>) -> View {
        let lang = self.ui_lang(chat);
        View::message(self.live.current().ui(lang.as_str(), Ui::ErrorGeneric))
    }

    /// The chat's chosen language, if the bot (still) has it. A storage failure is logged
    /// and treated as "nothing chosen": the person still gets an answer.
    fn chosen(&self, engine: &Engine, chat: ChatKey) -> Option<LangCode> {
        match self.settings.lang(chat) {
            Ok(l) => l.filter(|l| engine.l10n().has_lang(l.as_str())),
            Err(e) => {
                tracing::warn!("reading the chat language failed: {e}");
                None
            }
        }
    }

    /// Typed numbers pick from the buttons of the last view that had any. A confirmation
    /// alone (👍 → "thanks") keeps the list; any other reply without buttons ends it.
    fn remember_list(&self, chat: ChatKey, views: &[View]) {
        if let Some(v) = views.iter().rev().find(|v| v.has_buttons()) {
            let list = v.actions().cloned().collect();
            self.memory.update(chat, |r| r.list = list);
        } else if views.iter().any(|v| v.kind != ViewKind::Notice) {
            self.memory.clear_list(chat);
        }
    }
}

/// One input being handled: the snapshot, the chat and its languages.
struct Turn<'a, S> {
    conv: &'a Conversation<S>,
    engine: &'a Engine,
    chat: Chat<'a>,
    chosen: Option<&'a LangCode>,
    /// The language of everything that is not the answer to a question.
    ui: LangCode,
}

impl<S: ChatSettings + Records> Turn<'_, S> {
    fn msg(&self, msg: Ui) -> String {
        self.engine.ui(self.ui.as_str(), msg)
    }

    fn question(&self, text: &str) -> Vec<View> {
        let hint = LangHint {
            chosen: self.chosen,
            client: self.chat.client_lang,
        };
        let reply = self.engine.answer_with(text, hint);
        let c = &self.conv;
        if c.config.record_unanswered {
            record::record(&c.settings, text, &reply, c.config.keep_unanswered_days);
        }
        let lang = LangCode::new(reply.lang.as_str());
        // Kept for a 👎 on this answer, only where questions are recorded at all.
        let answered = if c.config.record_unanswered {
            record::answered_row(text, &reply)
        } else {
            None
        };
        c.memory.update(self.chat.key, |r| {
            r.lang = lang;
            r.answered = answered;
        });
        // The person's own language, when the answer came in another one (a Ukrainian
        // who asked in English): one tap gives the answer in it; or, when the person's
        // Telegram language chose the answer's language over the question's (a Russian
        // question from a Ukrainian Telegram, answered in Ukrainian), the question's; or,
        // when nothing told Ukrainian from Russian, the other one (`undecided_lang`). Not
        // after a `/language` choice (the person chose), nor for German (its own button).
        let other =
            |l: Option<LangCode>| l.filter(|o| *o != reply.lang && o.as_str() != DEFAULT_LANG);
        let own = self.chosen.is_none().then(|| {
            other(
                self.chat
                    .client_lang
                    .and_then(|c| self.engine.l10n().negotiate(c.as_str()))
                    .and_then(LangCode::new),
            )
            .or_else(|| other(reply.written_lang.clone()))
            .or_else(|| other(reply.undecided_lang.clone()))
        });
        vec![reply_view(self.engine, &reply, own.flatten().as_ref())]
    }

    fn command(&self, cmd: Command) -> Result<Vec<View>, Error> {
        let l = self.engine.l10n();
        let view = match cmd {
            Command::Start => View::message(self.msg(Ui::Welcome)).rows(self.topic_buttons()),
            Command::Help => View::message(self.msg(Ui::Help)),
            Command::Topics => View::message(self.msg(Ui::TopicsTitle)).rows(self.topic_buttons()),
            Command::Contact => View::message(l.msg(self.ui.as_str(), "faq-contact-answer")),
            Command::Language(None) => {
                View::message(self.msg(Ui::LanguageChoose)).rows_of(4, self.language_buttons())
            }
            Command::Language(Some(code)) => match l.negotiate(&code).and_then(LangCode::new) {
                Some(found) => return self.set_lang(found),
                None => {
                    let mut args = FluentArgs::new();
                    args.set("languages", self.language_list());
                    View::message(l.ui_args(self.ui.as_str(), Ui::LanguageUnknown, Some(&args)))
                        .rows_of(4, self.language_buttons())
                }
            },
            Command::Privacy => View::message(crate::reply::privacy_text(
                l,
                self.ui.as_str(),
                self.conv.config.record_unanswered,
                self.conv.config.keep_unanswered_days,
            )),
            Command::Forget => {
                self.conv.settings.forget(self.chat.key)?;
                self.conv.memory.forget(self.chat.key);
                self.conv.reviews.forget(self.chat.key);
                View::message(self.msg(Ui::ForgetDone))
            }
            Command::Admin(a @ (AdminCommand::Unanswered | AdminCommand::Feedback))
                if self.is_admin() =>
            {
                let kind = if a == AdminCommand::Unanswered {
                    review::Kind::Unanswered
                } else {
                    review::Kind::Downvoted
                };
                return self.review().start(kind);
            }
            Command::Admin(a) if self.is_admin() => admin::run(
                a,
                self.engine,
                &self.conv.live,
                &self.conv.settings,
                &self.ui,
            )?,
            // Admin commands exist only for admins; anyone else gets the unknown-command reply.
            Command::Admin(_) | Command::Unknown(_) => View::message(self.msg(Ui::UnknownCommand)),
        };
        Ok(vec![view])
    }

    fn action(&self, action: Action) -> Result<Vec<View>, Error> {
        let e = self.engine;
        let views = match action {
            Action::Topics => {
                vec![View::menu(self.msg(Ui::TopicsTitle)).rows(self.topic_buttons())]
            }
            Action::Topic(t) if e.has_topic(&t) => {
                let mut args = FluentArgs::new();
                args.set("topic", e.topic_name(&t, &self.ui));
                let text = e
                    .l10n()
                    .ui_args(self.ui.as_str(), Ui::TopicQuestions, Some(&args));
                let entries = e
                    .entries_of(&t)
                    .into_iter()
                    .map(|id| (e.entry_title(&id, &self.ui), Action::Answer(id)));
                vec![
                    View::menu(text)
                        .rows(entries)
                        .row([(self.msg(Ui::ButtonBack), Action::Topics)]),
                ]
            }
            Action::Answer(id) => match e.answer_entry(&id, &self.ui) {
                Some(r) => vec![reply_view(e, &r, None)],
                None => self.gone(),
            },
            Action::German(id) => match e.answer_entry(&id, &LangCode::default_lang()) {
                Some(r) => vec![reply_view(e, &r, None)],
                None => self.gone(),
            },
            Action::InLang { entry, lang } if e.l10n().has_lang(lang.as_str()) => {
                match e.answer_entry(&entry, &lang) {
                    Some(r) => vec![reply_view(e, &r, None)],
                    None => self.gone(),
                }
            }
            Action::Feedback { up, entry, lang }
                if e.has_entry(&entry) && e.l10n().has_lang(lang.as_str()) =>
            {
                self.conv.settings.add_feedback(&entry, &lang, up)?;
                self.downvote(up, &entry);
                vec![View::notice(self.msg(Ui::FeedbackThanks))]
            }
            Action::Review { list, item, op } if self.is_admin() => {
                return self.review().act(list, item, op);
            }
            // Review buttons exist only in admin chats; anywhere else they do nothing.
            Action::Review { .. } => self.gone(),
            Action::SetLang(code) if e.l10n().has_lang(code.as_str()) => {
                return self.set_lang(code);
            }
            // An old button whose entry, topic or language no longer exists.
            Action::Topic(_)
            | Action::Feedback { .. }
            | Action::SetLang(_)
            | Action::InLang { .. } => self.gone(),
        };
        Ok(views)
    }

    fn is_admin(&self) -> bool {
        self.conv.config.admins.contains(&self.chat.key)
    }

    fn review(&self) -> review::Ctx<'_, S> {
        review::Ctx {
            engine: self.engine,
            live: &self.conv.live,
            records: &self.conv.settings,
            ui: &self.ui,
            chat: self.chat.key,
            reviews: &self.conv.reviews,
        }
    }

    /// A 👎 on the answer to the chat's last question counts that question (normalised, no
    /// chat id) for `/feedback`; a second tap on the same answer does not count again.
    fn downvote(&self, up: bool, entry: &EntryId) {
        let c = &self.conv;
        let mut asked = None;
        c.memory.update(self.chat.key, |r| {
            if r.answered.as_ref().is_some_and(|a| a.entry == *entry) {
                asked = r.answered.take();
            }
        });
        let Some(a) = asked.filter(|_| !up && c.config.record_unanswered) else {
            return;
        };
        if let Err(e) =
            c.settings
                .record_downvoted(&a.question, &a.lang, entry, c.config.keep_unanswered_days)
        {
            tracing::warn!("recording a 👎 question failed: {e}");
        }
    }

    fn set_lang(&self, code: LangCode) -> Result<Vec<View>, Error> {
        self.conv.settings.set_lang(self.chat.key, &code)?;
        let text = self.engine.ui(code.as_str(), Ui::LanguageChanged);
        Ok(vec![View::message(text)])
    }

    fn gone(&self) -> Vec<View> {
        let text = self.msg(Ui::EntryGone);
        vec![View::notice(text.clone()), View::message(text)]
    }

    fn topic_buttons(&self) -> Vec<(String, Action)> {
        topic_buttons(self.engine, &self.ui)
    }

    fn language_buttons(&self) -> Vec<(String, Action)> {
        self.engine
            .languages()
            .into_iter()
            .map(|c| {
                (
                    self.engine.ui(c.as_str(), Ui::LanguageName),
                    Action::SetLang(c),
                )
            })
            .collect()
    }

    /// `de (Deutsch), tr (Türkçe), …` for typing `/language tr`.
    fn language_list(&self) -> String {
        let l = self.engine.l10n();
        l.codes()
            .iter()
            .map(|c| format!("{c} ({})", l.ui(c, Ui::LanguageName)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn topic_buttons(engine: &Engine, lang: &LangCode) -> Vec<(String, Action)> {
    engine
        .topic_ids()
        .into_iter()
        .map(|t| (engine.topic_name(&t, lang), Action::Topic(t)))
        .collect()
}

/// A reply to a question (or an entry picked) as a view. The items a reply offers become
/// buttons; the text does not list them. `own`: a language to offer an answer in (the
/// person's own, when the answer is in another).
pub fn reply_view(engine: &Engine, r: &Reply, own: Option<&LangCode>) -> View {
    let l = engine.l10n();
    let lang = LangCode::new(r.lang.as_str()).unwrap_or_else(LangCode::default_lang);
    let with_note = |body: String| {
        if r.truncated {
            format!("{}\n\n{body}", l.ui(&r.lang, Ui::QuestionTooLong))
        } else {
            body
        }
    };
    let entry_buttons = |list: &[crate::reply::Suggestion]| {
        list.iter()
            .map(|s| (s.title.clone(), Action::Answer(s.id.clone())))
            .collect::<Vec<_>>()
    };
    match &r.kind {
        Outcome::Answer(_) => {
            let mut text = r.answer.clone();
            if !r.related.is_empty() {
                text = format!("{text}\n\n{}", l.ui(&r.lang, Ui::RelatedTitle));
            }
            let mut view = View::message(text).rows(entry_buttons(&r.related));
            if let Some(id) = &r.id {
                if let Some(o) = own.filter(|o| **o != r.lang) {
                    let name = format!("🌐 {}", l.ui(o.as_str(), Ui::LanguageName));
                    view = view.row([(
                        name,
                        Action::InLang {
                            entry: id.clone(),
                            lang: o.clone(),
                        },
                    )]);
                }
                if r.lang != DEFAULT_LANG {
                    view =
                        view.row([(l.ui(&r.lang, Ui::ButtonGerman), Action::German(id.clone()))]);
                }
                let feedback = |up| Action::Feedback {
                    up,
                    entry: id.clone(),
                    lang: lang.clone(),
                };
                view = view.row([
                    ("👍".to_string(), feedback(true)),
                    ("👎".to_string(), feedback(false)),
                ]);
            }
            view
        }
        Outcome::Suggestions(_) => View::message(with_note(crate::reply::did_you_mean(
            l,
            &r.lang,
            r.suggestions.len(),
        )))
        .rows(entry_buttons(&r.suggestions)),
        Outcome::NoMatch => View::message(with_note(crate::reply::no_match_intro(engine, &r.lang)))
            .rows(topic_buttons(engine, &lang)),
        Outcome::SmallTalk(_) | Outcome::Empty => View::message(r.answer.clone()),
    }
}

/// A typed number (ASCII, Arabic-Indic or Persian digits, as phones type them), if the
/// whole message is one.
fn typed_number(text: &str) -> Option<usize> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    t.chars().try_fold(0usize, |n, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '\u{660}'..='\u{669}' => c as u32 - 0x660,
            '\u{6F0}'..='\u{6F9}' => c as u32 - 0x6F0,
            _ => return None,
        };
        n.checked_mul(10)?.checked_add(d as usize)
    })
}
