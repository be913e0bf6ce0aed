//! widunetz-bot: a multilingual FAQ bot for widunetz – Netzwerk für Integration & Vielfalt
//! im Kreis Herford.
//!
//! Questions go in through [`Engine::answer`] (or [`Engine::answer_with`], which also takes
//! the user's client language); `ask`, `eval` and every chat front end call it, so what is
//! tested is what runs. The conversation around it (commands, menus, buttons, language
//! policy, feedback) is [`conversation`], shared by the terminal chat and Telegram.

pub mod bidi;
pub mod check;
pub mod content;
pub mod conversation;
pub mod engine;
pub mod error;
pub mod eval;
pub mod ids;
pub mod l10n;
pub mod live;
pub mod matcher;
pub mod redact;
pub mod reply;
pub mod sources;
pub mod store;
pub mod teach;
/// Front ends: only the binary uses them; nothing in the core imports them.
pub mod telegram;
pub mod terminal;
pub mod text;
pub mod unanswered;

use std::path::Path;
use std::time::Instant;

pub use conversation::lang::LangHint;
pub use error::{Error, Problem, Severity};
pub use reply::{Outcome, Reply, Suggestion};

use content::Faq;
use l10n::L10n;
use matcher::{Doc, Index, Target};

/// Score at or above which the best entry is answered directly (if it also leads the
/// runner-up by [`MARGIN`], or reaches [`SURE`]). All thresholds were chosen together by a
/// grid search on ../shared/eval/dev.toml and tests/eval/holdout.toml (scores dumped with
/// `cargo run --release --example scores`), maximising top-1 minus twice the wrong rate.
pub const CONFIDENT: f32 = 0.62;
/// Lead over the second-best entry needed for a confident answer below [`SURE`].
pub const MARGIN: f32 = 0.04;
/// Score at which the best entry is answered whatever the runner-up scores.
pub const SURE: f32 = 0.85;
/// A lone candidate — at least this score, with the runner-up at most [`LONE_RATIO`] of it —
/// is answered directly: asking "did you mean X?" with one X only slows people down. On the
/// held-out set this turned ~6% of in-scope questions from suggestions into right answers
/// for ~1% more wrong ones.
pub const LONE: f32 = 0.5;
/// See [`LONE`].
pub const LONE_RATIO: f32 = 0.7;
/// Score at or above which entries are offered as "did you mean" suggestions.
pub const SUGGEST: f32 = 0.38;
/// Score at or above which small talk (hello, thanks, …) is answered as such.
pub const SMALLTALK: f32 = 0.6;
/// At most this many suggestions.
pub const MAX_SUGGESTIONS: usize = 3;

/// An id (entry id or small-talk kind) with its score.
pub type Scored = (String, f32);

/// What [`Engine::rank`] returns.
pub struct Ranking {
    pub entries: Vec<Scored>,
    pub smalltalk: Option<Scored>,
    pub detected_lang: Option<String>,
}

/// The loaded knowledge base: FAQ, texts and the match index.
pub struct Engine {
    pub faq: Faq,
    pub l10n: L10n,
    index: Index,
}

impl Engine {
    /// Loads `faq_dir` and `locales_dir`. Returns the engine built from everything that could
    /// be read, plus every problem found (the caller decides whether problems are fatal).
    pub fn load(faq_dir: &Path, locales_dir: &Path) -> Result<(Engine, Vec<Problem>), Error> {
        let (faq, mut problems) = Faq::load(faq_dir)?;
        let (l10n, p2) = L10n::load(locales_dir)?;
        problems.extend(p2);
        Ok((Engine::new(faq, l10n), problems))
    }

    /// Loads and refuses content with errors (warnings are allowed).
    pub fn load_strict(faq_dir: &Path, locales_dir: &Path) -> Result<Engine, Error> {
        let (engine, problems) = Engine::load(faq_dir, locales_dir)?;
        let errors: Vec<Problem> = problems
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        if errors.is_empty() {
            Ok(engine)
        } else {
            Err(Error::Content(errors))
        }
    }

    pub fn new(faq: Faq, l10n: L10n) -> Engine {
        // Titles are indexed like question variants; answers lend their words as context.
        let mut titles: Vec<(Target, String, String)> = Vec::new();
        let mut answers: Vec<(Target, String, String)> = Vec::new();
        for (i, e) in faq.entries.iter().enumerate() {
            for code in l10n.codes() {
                for (kind, list) in [("title", &mut titles), ("answer", &mut answers)] {
                    let id = format!("faq-{}-{kind}", e.id);
                    if l10n.has_message(&code, &id) {
                        list.push((Target::Entry(i), code.clone(), l10n.msg(&code, &id)));
                    }
                }
            }
        }
        let mut docs: Vec<Doc<'_>> = Vec::new();
        for (i, e) in faq.entries.iter().enumerate() {
            for (lang, qs) in &e.questions {
                for q in qs {
                    docs.push(Doc {
                        target: Target::Entry(i),
                        lang,
                        text: q,
                        context: false,
                    });
                }
            }
        }
        for (i, s) in faq.smalltalk.iter().enumerate() {
            for (lang, ps) in &s.phrases {
                for p in ps {
                    docs.push(Doc {
                        target: Target::SmallTalk(i),
                        lang,
                        text: p,
                        context: false,
                    });
                }
            }
        }
        for (t, lang, text) in &titles {
            docs.push(Doc {
                target: *t,
                lang,
                text,
                context: false,
            });
        }
        for (t, lang, text) in &answers {
            docs.push(Doc {
                target: *t,
                lang,
                text,
                context: true,
            });
        }
        let index = Index::build(&docs);
        Engine { faq, l10n, index }
    }

    /// The language to answer in: `requested` if it negotiates to an available language,
    /// else `detected` if available, else German ([`conversation::lang::reply_lang`]).
    pub fn reply_lang(&self, requested: Option<&str>, detected: Option<&str>) -> String {
        conversation::lang::reply_lang(&self.l10n, requested, detected, None).to_string()
    }

    /// Answers one question. `lang` is the user's language if known (an explicit choice);
    /// otherwise the answer is in the language the question is written in.
    pub fn answer(&self, text: &str, lang: Option<&str>) -> Reply {
        self.answer_with(
            text,
            LangHint {
                chosen: lang,
                client: None,
            },
        )
    }

    /// Answers one question in the language the one policy picks from `hint` and the
    /// question's own language ([`conversation::lang::reply_lang`]).
    pub fn answer_with(&self, text: &str, hint: LangHint<'_>) -> Reply {
        let started = Instant::now();
        let m = self.index.search(text);
        let match_time = started.elapsed();
        let reply_lang = conversation::lang::reply_lang(
            &self.l10n,
            hint.chosen,
            m.detected_lang.as_deref(),
            hint.client,
        );
        // Input without a letter or digit is not matched against anything.
        let outcome = if reply::is_empty_question(text) {
            Outcome::Empty
        } else {
            self.decide(&m.ranked)
        };
        let mut r = reply::build(
            self,
            text,
            reply_lang.as_str(),
            m.detected_lang.clone(),
            outcome,
            &m.ranked,
        );
        r.match_time = match_time;
        r
    }

    /// The three outcomes (plus small talk and empty input), from the ranked scores.
    fn decide(&self, ranked: &[(Target, f32)]) -> Outcome {
        let Some(&(top, score)) = ranked.first() else {
            return Outcome::NoMatch;
        };
        if let Target::SmallTalk(i) = top
            && score >= SMALLTALK
        {
            return Outcome::SmallTalk(self.faq.smalltalk[i].kind.clone());
        }
        let entries: Vec<(usize, f32)> = ranked
            .iter()
            .filter_map(|&(t, s)| match t {
                Target::Entry(i) => Some((i, s)),
                Target::SmallTalk(_) => None,
            })
            .collect();
        let Some(&(best, best_score)) = entries.first() else {
            return Outcome::NoMatch;
        };
        let second = entries.get(1).map_or(0.0, |e| e.1);
        if best_score >= SURE
            || (best_score >= CONFIDENT && best_score - second >= MARGIN)
            || (best_score >= LONE && second <= LONE_RATIO * best_score)
        {
            return Outcome::Answer(best);
        }
        let sugg: Vec<usize> = entries
            .iter()
            .take_while(|e| e.1 >= SUGGEST)
            .take(MAX_SUGGESTIONS)
            .map(|e| e.0)
            .collect();
        if sugg.is_empty() {
            Outcome::NoMatch
        } else {
            Outcome::Suggestions(sugg)
        }
    }

    /// Entry ids with scores, best first, the best small-talk kind with its score, and the
    /// detected language (for inline mode and tools like threshold tuning).
    pub fn rank(&self, text: &str) -> Ranking {
        let m = self.index.search(text);
        let mut entries = Vec::new();
        let mut small = None;
        for (t, s) in m.ranked {
            match t {
                Target::Entry(i) => entries.push((self.faq.entries[i].id.clone(), s)),
                Target::SmallTalk(i) if small.is_none() => {
                    small = Some((self.faq.smalltalk[i].kind.clone(), s))
                }
                Target::SmallTalk(_) => {}
            }
        }
        Ranking {
            entries,
            smalltalk: small,
            detected_lang: m.detected_lang,
        }
    }

    /// Title of an entry in a language (German fallback).
    pub fn title(&self, id: &str, lang: &str) -> String {
        self.l10n.msg(lang, &format!("faq-{id}-title"))
    }

    /// Entry ids of a topic, in file order.
    pub fn topic_entries(&self, topic: &str) -> Vec<String> {
        self.faq
            .entries
            .iter()
            .filter(|e| e.topic == topic)
            .map(|e| e.id.clone())
            .collect()
    }
}
