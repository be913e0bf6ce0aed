//! `/unanswered` and `/feedback` for admins: the most frequent questions without a confident
//! answer (or whose answer got 👎), one at a time, each with buttons that teach the bot at
//! once — "→ <closest entry>", "choose another entry…", "not our topic", "skip". A tap adds
//! the question to the content file ([`crate::content::edit`]), reloads the content, asks
//! the question again and says what the bot now answers ([`crate::teach`]); the handled
//! question is then deleted from the store.
//!
//! The list of each admin chat is kept in memory only; a button names its item by number
//! and the list by an id that starts from the clock, so a button from an older list (or from
//! before a restart) never acts on another question. Only admins get these lists, and a
//! review button pressed in any other chat does nothing.

use crate::ui::Ui;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use fluent_bundle::FluentArgs;

use super::ChatKey;
use super::action::{Action, ReviewOp};
use super::settings::Records;
use super::view::View;
use crate::Engine;
use crate::content::edit::{self, EditError, Target};
use crate::error::Error;
use crate::ids::{EntryId, LangCode};
use crate::live::{Live, Reload};
use crate::teach::{self, Verdict};

/// Questions per list; the full list is `widunetz-bot unanswered` on the server.
pub const SHOWN: usize = 15;

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Questions without a confident answer.
    Unanswered,
    /// Questions whose answer got 👎.
    Downvoted,
}

#[derive(Debug, Clone)]
struct Item {
    /// The most asked wording: what is shown and written.
    question: String,
    /// Every stored wording of the group, deleted once the question is handled.
    stored: Vec<String>,
    lang: String,
    count: i64,
    /// The entry whose answer got 👎 ([`Kind::Downvoted`]).
    answered_by: Option<String>,
    /// The entry the question is closest to (for 👎: other than `answered_by`).
    closest: Option<EntryId>,
}

struct List {
    id: u32,
    items: Vec<Item>,
}

/// The review list of each admin chat.
pub struct Reviews {
    lists: Mutex<HashMap<ChatKey, List>>,
    next: AtomicU32,
}

impl Default for Reviews {
    fn default() -> Self {
        // From the clock: a button from before a restart names no list of this process.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as u32);
        Reviews {
            lists: Mutex::new(HashMap::new()),
            next: AtomicU32::new(seed),
        }
    }
}

impl Reviews {
    fn with<T>(&self, f: impl FnOnce(&mut HashMap<ChatKey, List>) -> T) -> T {
        // Nothing here is left half-changed by a panic; use what is there.
        let mut g = self.lists.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut g)
    }

    pub fn forget(&self, chat: ChatKey) {
        self.with(|l| l.remove(&chat));
    }
}

/// What a review step needs.
pub(super) struct Ctx<'a, R> {
    pub engine: &'a Engine,
    pub live: &'a Live,
    pub records: &'a R,
    pub ui: &'a LangCode,
    pub chat: ChatKey,
    pub reviews: &'a Reviews,
}

impl<R: Records> Ctx<'_, R> {
    fn msg(&self, engine: &Engine, msg: Ui, args: Option<&FluentArgs<'_>>) -> String {
        engine.l10n().ui_args(self.ui.as_str(), msg, args)
    }

    fn title(&self, engine: &Engine, id: &str) -> String {
        match EntryId::new(id) {
            Some(e) => engine.entry_title(&e, self.ui),
            None => id.to_string(),
        }
    }

    /// `/unanswered` or `/feedback`: a new list, its first question.
    pub fn start(&self, kind: Kind) -> Result<Vec<View>, Error> {
        let e = self.engine;
        let items: Vec<Item> = match kind {
            Kind::Unanswered => {
                let rows = self.records.unanswered()?;
                crate::unanswered::group(&rows, e)
                    .into_iter()
                    .take(SHOWN)
                    .map(|g| Item {
                        closest: g.closest.map(|c| c.id),
                        question: g.question,
                        stored: g.variants,
                        lang: g.lang,
                        count: g.count,
                        answered_by: None,
                    })
                    .collect()
            }
            Kind::Downvoted => self
                .records
                .downvoted()?
                .into_iter()
                .take(SHOWN)
                .map(|d| Item {
                    closest: e
                        .rank(&d.question)
                        .entries
                        .into_iter()
                        .map(|(id, _)| id)
                        .find(|id| *id != *d.entry),
                    stored: vec![d.question.clone()],
                    question: d.question,
                    lang: d.lang,
                    count: d.count,
                    answered_by: Some(d.entry),
                })
                .collect(),
        };
        if items.is_empty() {
            let none = match kind {
                Kind::Unanswered => Ui::AdminUnansweredNone,
                Kind::Downvoted => Ui::AdminFeedbackNone,
            };
            return Ok(vec![View::message(self.msg(e, none, None))]);
        }
        let id = self.reviews.next.fetch_add(1, Ordering::Relaxed);
        let first = self.item_view(e, id, &items, 0);
        self.reviews
            .with(|l| l.insert(self.chat, List { id, items }));
        Ok(vec![first])
    }

    /// A review button.
    pub fn act(&self, list: u32, item: u16, op: ReviewOp) -> Result<Vec<View>, Error> {
        let e = self.engine;
        let found = self.reviews.with(|l| {
            l.get(&self.chat)
                .filter(|l| l.id == list)
                .and_then(|l| Some((l.items.get(usize::from(item))?.clone(), l.items.clone())))
        });
        let Some((it, items)) = found else {
            let text = self.msg(e, Ui::AdminReviewOutdated, None);
            return Ok(vec![View::notice(text.clone()), View::message(text)]);
        };
        let next = usize::from(item) + 1;
        match op {
            ReviewOp::Skip => Ok(vec![self.next_view(e, list, &items, next)]),
            ReviewOp::Choose => {
                let mut args = FluentArgs::new();
                args.set("question", it.question.clone());
                let entries = e.faq().entries.iter().map(|x| {
                    let op = ReviewOp::Add(x.id.clone());
                    (
                        e.entry_title(&x.id, self.ui),
                        Action::Review { list, item, op },
                    )
                });
                Ok(vec![
                    View::menu(self.msg(e, Ui::AdminReviewChooseTitle, Some(&args)))
                        .rows(entries)
                        .row(self.last_buttons(e, list, item)),
                ])
            }
            ReviewOp::Add(entry) => {
                self.teach(&it, Target::Entry(entry.to_string()), list, &items, next)
            }
            ReviewOp::OutOfScope => self.teach(&it, Target::OutOfScope, list, &items, next),
        }
    }

    /// Writes the question where the admin said, reloads, asks again, confirms; then the
    /// next question.
    fn teach(
        &self,
        it: &Item,
        target: Target,
        list: u32,
        items: &[Item],
        next: usize,
    ) -> Result<Vec<View>, Error> {
        let e = self.engine;
        // Why nothing was written, in the admin's language; the details go to the log.
        let failed = |key: Ui, arg: (&str, String)| {
            let mut args = FluentArgs::new();
            args.set(arg.0, arg.1);
            vec![View::message(self.msg(e, key, Some(&args)))]
        };
        let Some(faq_dir) = self.live.faq_dir() else {
            return Ok(failed(Ui::AdminReviewFailed, ("file", "faq/".into())));
        };
        match teach::precheck(e, &target, &it.lang, &it.question) {
            Ok(()) => {}
            Err(teach::Refused::UnknownLang { lang, .. }) => {
                return Ok(failed(Ui::AdminReviewFailedLang, ("lang", lang)));
            }
            Err(teach::Refused::Edit(EditError::UnknownEntry(_))) => {
                let text = self.msg(e, Ui::EntryGone, None);
                return Ok(vec![View::notice(text.clone()), View::message(text)]);
            }
            Err(why) => {
                tracing::warn!("review: nothing written: {why}");
                let file = faq_dir.display().to_string();
                return Ok(failed(Ui::AdminReviewFailed, ("file", file)));
            }
        }
        let edited = match edit::edit(faq_dir, &target, &it.lang, &it.question, &mut |_| {}) {
            Ok(x) => x,
            Err(why) => {
                tracing::warn!("review: nothing written: {why}");
                let file = match &why {
                    EditError::Io { path, .. }
                    | EditError::Parse { path, .. }
                    | EditError::Shape { path, .. }
                    | EditError::Contended { path } => path.display().to_string(),
                    _ => faq_dir.display().to_string(),
                };
                return Ok(failed(Ui::AdminReviewFailed, ("file", file)));
            }
        };
        let what = match &target {
            Target::Entry(id) => {
                let mut args = FluentArgs::new();
                args.set("title", self.title(e, id));
                let key = if edited.written {
                    Ui::AdminReviewAdded
                } else {
                    Ui::AdminReviewAlready
                };
                self.msg(e, key, Some(&args))
            }
            Target::OutOfScope => self.msg(
                e,
                if edited.written {
                    Ui::AdminReviewAddedOutOfScope
                } else {
                    Ui::AdminReviewAlreadyOutOfScope
                },
                None,
            ),
        };
        let outcome = match self.live.reload() {
            Reload::Swapped { .. } => {
                let now = self.live.current();
                let (verdict, _) = teach::verdict(&now, &target, &it.lang, &edited.question);
                self.verdict_text(&now, &target, &verdict)
            }
            Reload::Rejected { problems } => {
                let mut args = FluentArgs::new();
                args.set("count", problems.len());
                self.msg(e, Ui::AdminReviewNotReloaded, Some(&args))
            }
        };
        // Handled: the question no longer waits in the store.
        if let Err(why) = self.records.forget_questions(&it.stored, &it.lang) {
            tracing::warn!("review: a handled question stays in the store: {why}");
        }
        let now = self.live.current();
        Ok(vec![
            View::message(format!("{what}\n{outcome}")),
            self.next_view(&now, list, items, next),
        ])
    }

    fn verdict_text(&self, e: &Engine, target: &Target, v: &Verdict) -> String {
        let mut args = FluentArgs::new();
        let key = match (v, target) {
            (Verdict::Done, Target::Entry(id)) => {
                args.set("title", self.title(e, id));
                Ui::AdminReviewNowAnswered
            }
            (Verdict::Done, Target::OutOfScope) => Ui::AdminReviewNowNoMatch,
            (Verdict::OtherEntry(id), _) => {
                args.set("title", self.title(e, id));
                Ui::AdminReviewStillOther
            }
            (Verdict::Suggestions(ids), _) => {
                let titles: Vec<String> = ids.iter().map(|i| self.title(e, i)).collect();
                args.set("titles", titles.join(", "));
                Ui::AdminReviewStillSuggestions
            }
            (Verdict::NoMatch | Verdict::Empty, _) => Ui::AdminReviewStillNoMatch,
            (Verdict::SmallTalk(_), _) => Ui::AdminReviewStillSmalltalk,
        };
        self.msg(e, key, Some(&args))
    }

    fn next_view(&self, e: &Engine, list: u32, items: &[Item], next: usize) -> View {
        if next < items.len() {
            self.item_view(e, list, items, next)
        } else {
            self.reviews.with(|l| {
                if l.get(&self.chat).is_some_and(|x| x.id == list) {
                    l.remove(&self.chat);
                }
            });
            View::message(self.msg(e, Ui::AdminReviewEnd, None))
        }
    }

    /// One question with its buttons.
    fn item_view(&self, e: &Engine, list: u32, items: &[Item], i: usize) -> View {
        let it = &items[i];
        let item = u16::try_from(i).unwrap_or(u16::MAX);
        let mut args = FluentArgs::new();
        args.set("pos", i + 1);
        args.set("total", items.len());
        args.set("question", it.question.clone());
        args.set("count", it.count);
        args.set("lang", it.lang.clone());
        let key = match &it.answered_by {
            Some(entry) => {
                args.set("title", self.title(e, entry));
                Ui::AdminReviewDownvoted
            }
            None => Ui::AdminReviewUnanswered,
        };
        let mut view = View::message(self.msg(e, key, Some(&args)));
        if let Some(id) = &it.closest {
            let label = format!("→ {}", e.entry_title(id, self.ui));
            let op = ReviewOp::Add(id.clone());
            view = view.row([(label, Action::Review { list, item, op })]);
        }
        let choose = self.msg(e, Ui::AdminReviewButtonChoose, None);
        view.row([(
            choose,
            Action::Review {
                list,
                item,
                op: ReviewOp::Choose,
            },
        )])
        .row(self.last_buttons(e, list, item))
    }

    /// "not our topic" and "skip", side by side.
    fn last_buttons(&self, e: &Engine, list: u32, item: u16) -> Vec<(String, Action)> {
        let op = |op| Action::Review { list, item, op };
        vec![
            (
                self.msg(e, Ui::AdminReviewButtonOutOfScope, None),
                op(ReviewOp::OutOfScope),
            ),
            (
                self.msg(e, Ui::AdminReviewButtonSkip, None),
                op(ReviewOp::Skip),
            ),
        ]
    }
}
