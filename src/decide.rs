//! The decision: from the scores and signals of a question ([`crate::matcher::Matches`]) to
//! what the bot does — answer an entry, offer "did you mean" suggestions, answer small talk,
//! or give the honest no-match reply.
//!
//! In this order:
//! 1. the whole message is small talk (nothing but greetings, thanks, politeness, stop and
//!    question words) → small talk; a greeting around a real question never gets here, the
//!    question is matched without it; but if what is left (at most [`GREETED_MAX_WORDS`]
//!    content words) scores under [`GREETED`], the small talk is answered (or no match, when what is left has unknown words);
//! 2. no entry scores at all → no match;
//! 3. an out-of-scope example (`faq/out-of-scope.toml`) is at least as close as the best
//!    entry (within [`OUT_OF_SCOPE_MARGIN`]) → no match;
//! 4. **subject awareness**: the question names nothing of the network and either has
//!    content words no entry knows ("Wann wurde die Stadt Vlotho gegründet?", "Telefonnummer
//!    vom Jobcenter") or puts a word of its own where the best entry's question names the
//!    network ("Wann wurde Herford gegründet?" against "Wann wurde widunetz gegründet?"): if
//!    an unknown word is known from the out-of-scope examples → no match; a capitalised
//!    unknown word (a name) in a short question (at most [`MAX_WORDS_FOR_NAMES`] content
//!    words) makes the entry never answered directly, at most suggested;
//! 5. a confident best entry → answer: at least [`SURE`] and [`SURE_MARGIN`] ahead; or at least [`CONFIDENT`] and
//!    [`MARGIN`] ahead of the runner-up; or at least [`LONE`] with the runner-up at most
//!    [`LONE_RATIO`] of it;
//! 6. entries from [`SUGGEST`] up → suggestions (at most [`MAX_SUGGESTIONS`]); else no match.
//!
//! All thresholds were chosen together on the tuning sets ../shared/eval/dev.toml and
//! tests/eval/holdout.toml (scores dumped with `cargo run --release --example scores`),
//! maximising top-1 minus twice the wrong rate plus out-of-scope rejection.
//! tests/eval/holdout2.toml is report-only: never used to choose anything here.

use crate::matcher::Signals;

/// Score at or above which the best entry is answered directly (if it also leads the
/// runner-up by [`MARGIN`], or reaches [`SURE`]).
pub const CONFIDENT: f32 = 0.62;
/// Lead over the second-best entry a [`SURE`] answer still needs (a near tie of two good
/// matches is a question to ask back, not to guess).
pub const SURE_MARGIN: f32 = 0.02;
/// Unknown words that may be names make a question "about another subject" only in
/// questions of at most this many content words; in longer ones they are mostly context.
pub const MAX_WORDS_FOR_NAMES: usize = 4;
/// Lead over the second-best entry needed for a confident answer below [`SURE`].
pub const MARGIN: f32 = 0.04;
/// Score at which the best entry is answered whatever the runner-up scores.
pub const SURE: f32 = 0.85;
/// A lone candidate — at least this score, with the runner-up at most [`LONE_RATIO`] of it —
/// is answered directly: asking "did you mean X?" with one X only slows people down.
pub const LONE: f32 = 0.5;
/// See [`LONE`].
pub const LONE_RATIO: f32 = 0.7;
/// Score at or above which entries are offered as "did you mean" suggestions.
pub const SUGGEST: f32 = 0.38;
/// At most this many suggestions.
pub const MAX_SUGGESTIONS: usize = 3;
/// With small talk around it, a question is answered only from this score on; below it the
/// small talk is answered (people greet and ask how the bot is; a weak match of what is left
/// is no reason to answer an entry).
pub const GREETED: f32 = 0.7;
/// [`GREETED`] applies to what is left of a message with at most this many content words
/// ("Hallo, wie geht es dir?"); a longer rest is a real question.
pub const GREETED_MAX_WORDS: usize = 2;
/// An out-of-scope example this close to the best entry's score (or closer) wins.
pub const OUT_OF_SCOPE_MARGIN: f32 = 0.0;

/// What to do with a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Answer the entry (index into the ranked list's entries).
    Answer(usize),
    /// "Did you mean": entries, best first.
    Suggest(Vec<usize>),
    /// Small talk of this kind (index into `Faq::smalltalk`).
    SmallTalk(usize),
    /// The honest "no answer" reply.
    NoMatch,
}

/// Decides (see the module docs). `ranked`: (entry index, score), best first.
pub fn decide(ranked: &[(usize, f32)], s: &Signals) -> Decision {
    if let Some(kind) = s.smalltalk
        && s.content_words == 0
    {
        return Decision::SmallTalk(kind);
    }
    let Some(&(best, score)) = ranked.first() else {
        return Decision::NoMatch;
    };
    // Small talk around a weak remainder ("Hallo, wie geht es dir?"): answer the small talk,
    // unless the remainder is about something else ("Hallo, ich brauche Hilfe bei meinem
    // Asylantrag").
    let greeted_weak =
        s.smalltalk.is_some() && s.content_words <= GREETED_MAX_WORDS && score < GREETED;
    if let Some(kind) = s.smalltalk
        && score < SUGGEST
    {
        return if s.foreign_words > 0 {
            Decision::NoMatch
        } else {
            Decision::SmallTalk(kind)
        };
    }
    if s.out_of_scope > 0.0 && s.out_of_scope + OUT_OF_SCOPE_MARGIN >= score {
        return Decision::NoMatch;
    }
    // Words known only from the out-of-scope examples, and nothing of the network.
    if s.out_of_scope_words > 0 && !s.names_network {
        return Decision::NoMatch;
    }
    let other_subject = s.other_subject
        || (s.foreign_names > 0 && !s.names_network && s.content_words <= MAX_WORDS_FOR_NAMES);
    let second = ranked.get(1).map_or(0.0, |e| e.1);
    // A lone weak candidate is answered only when every word of the question is known.
    let all_known = s.foreign_words == 0 || s.names_network;
    let confident = (score >= SURE && score - second >= SURE_MARGIN)
        || (score >= CONFIDENT && score - second >= MARGIN)
        || (all_known && score >= LONE && second <= LONE_RATIO * score);
    if confident && !other_subject && !greeted_weak {
        return Decision::Answer(best);
    }
    let sugg: Vec<usize> = ranked
        .iter()
        .take_while(|e| e.1 >= SUGGEST)
        .take(MAX_SUGGESTIONS)
        .map(|e| e.0)
        .collect();
    if sugg.is_empty() {
        Decision::NoMatch
    } else {
        Decision::Suggest(sugg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig() -> Signals {
        Signals::default()
    }

    #[test]
    fn confident_answers() {
        assert_eq!(
            decide(&[(3, 0.9), (1, 0.87)], &sig()),
            Decision::Answer(3),
            "sure"
        );
        assert_eq!(
            decide(&[(3, 0.9), (1, 0.89)], &sig()),
            Decision::Suggest(vec![3, 1]),
            "a near tie of two good matches is asked back"
        );
        assert_eq!(
            decide(&[(3, 0.7), (1, 0.6)], &sig()),
            Decision::Answer(3),
            "margin"
        );
        assert_eq!(
            decide(&[(3, 0.55), (1, 0.3)], &sig()),
            Decision::Answer(3),
            "lone"
        );
        assert_eq!(
            decide(&[(3, 0.7), (1, 0.68)], &sig()),
            Decision::Suggest(vec![3, 1]),
            "too close"
        );
        assert_eq!(decide(&[(3, 0.2)], &sig()), Decision::NoMatch);
        assert_eq!(decide(&[], &sig()), Decision::NoMatch);
    }

    #[test]
    fn small_talk_only_when_nothing_else() {
        let s = Signals {
            smalltalk: Some(2),
            ..sig()
        };
        assert_eq!(decide(&[], &s), Decision::SmallTalk(2));
        let around = Signals {
            smalltalk: Some(2),
            content_words: 2,
            ..sig()
        };
        assert_eq!(
            decide(&[(1, 0.9)], &around),
            Decision::Answer(1),
            "greeting + question"
        );
        assert_eq!(
            decide(&[(1, 0.65)], &around),
            Decision::Suggest(vec![1]),
            "a weak remainder is not answered"
        );
        assert_eq!(
            decide(&[(1, 0.3)], &around),
            Decision::SmallTalk(2),
            "nothing left"
        );
        let other = Signals {
            foreign_words: 1,
            ..around
        };
        assert_eq!(
            decide(&[(1, 0.3)], &other),
            Decision::NoMatch,
            "help with something else"
        );
    }

    #[test]
    fn out_of_scope_examples_win_ties() {
        let s = Signals {
            out_of_scope: 0.8,
            ..sig()
        };
        assert_eq!(decide(&[(0, 0.8)], &s), Decision::NoMatch);
        assert_eq!(decide(&[(0, 0.95)], &s), Decision::Answer(0));
    }

    #[test]
    fn another_subject_is_not_answered() {
        let other = Signals {
            content_words: 3,
            foreign_words: 1,
            foreign_names: 1,
            ..sig()
        };
        assert_eq!(decide(&[(0, 0.9)], &other), Decision::Suggest(vec![0]));
        let known_other = Signals {
            out_of_scope_words: 1,
            ..other.clone()
        };
        assert_eq!(decide(&[(0, 0.9)], &known_other), Decision::NoMatch);
        let ours = Signals {
            names_network: true,
            ..other
        };
        assert_eq!(decide(&[(0, 0.9)], &ours), Decision::Answer(0));
        let swapped = Signals {
            other_subject: true,
            ..sig()
        };
        assert_eq!(decide(&[(0, 0.9)], &swapped), Decision::Suggest(vec![0]));
    }
}
