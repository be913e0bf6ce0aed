//! Loading the content into an [`Engine`], matching a question and deciding the outcome.

use std::path::Path;
use std::time::Instant;

use super::{Engine, Ranking};
use crate::LangHint;
use crate::content::Faq;
use crate::conversation;
use crate::decide;
use crate::error::{Error, Problem, Severity};
use crate::ids::{EntryId, LangCode};
use crate::l10n::L10n;
use crate::lang::Profiles;
use crate::matcher::{Doc, Index, Matches, Target};
use crate::reply::{self, Outcome, Reply};

impl Engine {
    /// Loads `faq_dir` and `locales_dir`. Returns the engine built from everything that could
    /// be read, plus every problem found (the caller decides whether problems are fatal).
    pub fn load(faq_dir: &Path, locales_dir: &Path) -> Result<(Engine, Vec<Problem>), Error> {
        let (faq, mut problems) = Faq::load(faq_dir)?;
        let (l10n, p2) = L10n::load(locales_dir)?;
        problems.extend(p2);
        let (profiles, p3) = Profiles::load(locales_dir);
        problems.extend(p3);
        Ok((Engine::with_profiles(faq, l10n, &profiles), problems))
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

    /// An engine with the built-in language profiles ([`lang`]).
    pub fn new(faq: Faq, l10n: L10n) -> Engine {
        Engine::with_profiles(faq, l10n, &Profiles::builtin())
    }

    /// An engine with the given language profiles (built in, or from `locales/<lang>/`).
    pub fn with_profiles(faq: Faq, l10n: L10n, profiles: &Profiles) -> Engine {
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
        for (i, q) in faq.out_of_scope.iter().enumerate() {
            docs.push(Doc {
                target: Target::OutOfScope(i),
                lang: &q.lang,
                text: &q.text,
                context: false,
            });
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
        let mut index = Index::build_with(&docs, profiles, &faq.synonyms);
        index.set_other_names(&faq.other_names);
        Engine { faq, l10n, index }
    }

    /// The language to answer in: `requested` if it negotiates to an available language,
    /// else `detected` if available, else German ([`conversation::lang::reply_lang`]).
    pub fn reply_lang(
        &self,
        requested: Option<&LangCode>,
        detected: Option<&LangCode>,
    ) -> LangCode {
        conversation::lang::reply_lang(&self.l10n, requested, detected, None)
    }

    /// Answers one question. `lang` is the user's language if known (an explicit choice);
    /// otherwise the answer is in the language the question is written in.
    pub fn answer(&self, text: &str, lang: Option<&LangCode>) -> Reply {
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
        // The client language breaks thin ties of detection (uk or ru, fa or ar).
        let m = self
            .index
            .search_hinted(text, hint.client.map(LangCode::as_str));
        let match_time = started.elapsed();
        let detected = m.detected_lang.clone().and_then(LangCode::new);
        let reply_lang =
            conversation::lang::reply_lang(&self.l10n, hint.chosen, detected.as_ref(), hint.client);
        // Input without a letter or digit is not matched against anything.
        let outcome = if reply::is_empty_question(text) {
            Outcome::Empty
        } else {
            self.decide(&m)
        };
        let outcome = self.question_of_a_story(text, hint, &m, outcome);
        let mut r = reply::build(self, text, &reply_lang, detected, outcome, &m.ranked);
        r.written_lang = m.written_lang.and_then(LangCode::new);
        r.undecided_lang = m.undecided_lang.and_then(LangCode::new);
        r.match_time = match_time;
        r
    }

    /// A message that tells a story before its question ("I volunteer at a café in Vlotho.
    /// We help with paperwork. Could our association join?") dilutes the question with the
    /// story's words. When the whole message gets no answer, its question sentence
    /// ([`crate::text::sentence::question`]) is matched alone; its answer is given if the
    /// whole message ranks that entry first, is not about another subject and its words are
    /// mostly known to the entries (the story still decides what the message is about).
    fn question_of_a_story(
        &self,
        text: &str,
        hint: LangHint<'_>,
        whole: &Matches,
        outcome: Outcome,
    ) -> Outcome {
        let s = &whole.signals;
        // A story told mostly in words no entry knows is about something else (a person's
        // own case: "my son sleeps late … what can I do?").
        if !matches!(outcome, Outcome::NoMatch | Outcome::Suggestions(_))
            || decide::about_other_subject(s)
            || s.foreign_words * 3 > s.content_words
        {
            return outcome;
        }
        let Some(q) = crate::text::sentence::question(text) else {
            return outcome;
        };
        let m = self
            .index
            .search_hinted(q, hint.client.map(LangCode::as_str));
        let Outcome::Answer(id) = self.decide(&m) else {
            return outcome;
        };
        let agrees = whole
            .ranked
            .iter()
            .filter_map(|&(t, _)| match t {
                Target::Entry(i) => self.faq.entries.get(i),
                _ => None,
            })
            .take(1)
            .any(|e| e.id == id);
        if agrees { Outcome::Answer(id) } else { outcome }
    }

    /// The outcome ([`decide`]) of a search.
    fn decide(&self, m: &Matches) -> Outcome {
        let entries: Vec<(usize, f32)> = m
            .ranked
            .iter()
            .filter_map(|&(t, s)| match t {
                Target::Entry(i) => Some((i, s)),
                _ => None,
            })
            .collect();
        match decide::decide(&entries, &m.signals) {
            decide::Decision::Answer(i) => match self.faq.entries.get(i) {
                Some(e) => Outcome::Answer(e.id.clone()),
                None => Outcome::NoMatch,
            },
            decide::Decision::Suggest(list) => Outcome::Suggestions(
                list.iter()
                    .filter_map(|&i| self.faq.entries.get(i))
                    .map(|e| e.id.clone())
                    .collect(),
            ),
            decide::Decision::SmallTalk(k) => match self.faq.smalltalk.get(k) {
                Some(st) => Outcome::SmallTalk(st.kind.clone()),
                None => Outcome::NoMatch,
            },
            decide::Decision::NoMatch => Outcome::NoMatch,
        }
    }

    /// Entry ids with scores, best first, the best small-talk kind with its score, and the
    /// detected language (for inline mode and tools like threshold tuning).
    pub fn rank(&self, text: &str) -> Ranking {
        let m = self.index.search(text);
        let mut entries = Vec::new();
        for (t, s) in m.ranked {
            if let Target::Entry(i) = t {
                entries.push((self.faq.entries[i].id.clone(), s));
            }
        }
        // Small talk is found as whole phrases: 1 for a message that is only small talk,
        // 0.5 for small talk around a question.
        let only = m.signals.content_words == 0;
        let small = m
            .signals
            .smalltalk
            .and_then(|k| self.faq.smalltalk.get(k))
            .map(|st| (st.kind.clone(), if only { 1.0 } else { 0.5 }));
        Ranking {
            entries,
            smalltalk: small,
            detected_lang: m.detected_lang.and_then(LangCode::new),
        }
    }

    /// The raw search result: entry scores, detected language and the signals the decision
    /// uses (for tools: threshold tuning, `examples/scores.rs`).
    pub fn search(&self, text: &str) -> Matches {
        self.index.search(text)
    }

    /// Title of an entry in a language (German fallback).
    pub fn title(&self, id: &EntryId, lang: &LangCode) -> String {
        self.l10n.msg(lang.as_str(), &format!("faq-{id}-title"))
    }
}
