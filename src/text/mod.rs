//! Text normalisation: turns what people type into the tokens the matcher compares.
//!
//! One small module per step. [`Analyzer::analyze`] runs them in this order, and the
//! order matters:
//!
//! 1. [`nfc`]: cap the length, then Unicode NFC, so that "ü" typed as u + U+0308 equals "ü".
//! 2. [`case`]: lower-case with Turkish rules (İ, I and ı all end as i, never "i̇").
//! 3. [`apostrophe`]: where the profile says so (Turkish), cut suffixes after an apostrophe
//!    ("widunetz'in" → "widunetz"), before punctuation would split the suffix off as a word of
//!    its own; in every other language an apostrophe inside a word is dropped ("м'ята",
//!    "мʼята" → "мята", "don't" → "dont").
//! 4. [`latin`], [`cyrillic`], [`arabic`]: per-script folding (diacritics, ß, ё, alef forms,
//!    harakat, digits); then [`repeats`]: stretched letters ("شكراااا"); German digraphs
//!    ae/oe/ue only where the profile says so.
//! 5. [`punct`]: punctuation of all scripts, symbols and invisible characters → word breaks.
//! 6. tokenise on white space, with a cap on token count and token length (bounded work).
//! 7. the language profile's folds ([`crate::lang`]): dialect and chat spellings → the
//!    written word ("slm" → "selam", "شو" → "ما", "скока" → "сколько").
//! 8. politeness and filler phrases of the profile are dropped ([`phrase`]).
//! 9. stop words of the profile are dropped, then [`stem`]: the profile's Snowball stemmer.
//!
//! Steps 1–6 and the one-word folds of step 7 work within white-space-separated words (the
//! matcher's build cache relies on that); folds of several words work on the token list.

pub mod apostrophe;
pub mod arabic;
mod cap;
pub mod case;
pub mod cyrillic;
pub mod latin;
pub mod letters;
pub mod nfc;
pub mod phrase;
pub(crate) mod plain;
pub mod punct;
pub mod repeats;
pub mod script;
pub mod sentence;
pub mod stem;
#[cfg(test)]
pub(crate) mod testing;
mod token;

// FxHash: looked up for every query word in every language; keys are our own content.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub use cap::capped;
pub use letters::{is_alphabetic, is_alphanumeric};
pub use script::Script;
pub use token::tokens;
use token::{cap_owned, cap_token};

use crate::lang::{FoldKind, Profile, Profiles};
use phrase::PhraseSet;

/// At most this many characters of a message are analysed; the rest is ignored.
/// A question is a sentence or two; this keeps a 4,096-character message cheap.
pub const MAX_CHARS: usize = 600;
/// At most this many tokens per query.
pub const MAX_TOKENS: usize = 48;
/// Longer tokens are cut to this many characters (a 3,000-character "word" costs nothing).
pub const MAX_TOKEN_CHARS: usize = 32;
/// A word beginning or ending is folded only where at least this many letters stay.
pub const MIN_AFFIX_STEM: usize = 3;
/// At most this many word-ending folds apply to one word, one after the other.
pub const MAX_AFFIX_FOLDS: usize = 3;

/// The per-language switches of steps 1–5 (from the profile).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Folding {
    /// ae/oe/ue → a/o/u (German: "gruendung" = "gründung").
    pub digraphs: bool,
    /// Cut a suffix after an apostrophe (Turkish); otherwise the apostrophe is dropped.
    pub apostrophe_suffixes: bool,
}

/// Folding shared by every language: steps 1–5, returning the folded text.
pub fn fold(text: &str, how: Folding) -> String {
    let s = fold_before_digraphs(text, how.apostrophe_suffixes);
    if how.digraphs {
        latin::german_digraphs(&s)
    } else {
        s
    }
}

/// [`fold`] up to (without) the German digraphs: languages whose folding differs only in
/// those fold a query once ([`fold`] is this, then the digraphs if switched on).
pub fn fold_before_digraphs(text: &str, apostrophe_suffixes: bool) -> String {
    plain::fold(text).unwrap_or_else(|| fold_each_step(text, apostrophe_suffixes))
}

fn fold_each_step(text: &str, apostrophe_suffixes: bool) -> String {
    let s = nfc::nfc(text, MAX_CHARS);
    let s = case::fold_case_owned(s);
    let s = if apostrophe_suffixes {
        apostrophe::cut_suffixes(&s)
    } else {
        apostrophe::join_inner(&s)
    };
    // The per-script folds change no ASCII letter (most chat messages are ASCII).
    let s = if s.is_ascii() {
        s
    } else {
        arabic::fold(&cyrillic::fold(&latin::fold(&s)))
    };
    let s = repeats::collapse(&s);
    punct::to_spaces(&s)
}

/// A fold of several words: (the words, their replacement).
type PhraseFold = (Vec<String>, Vec<String>);

/// The analyser of one language, built from its profile: folding, folds, filler, stop
/// words and stemmer.
pub struct Analyzer {
    lang: String,
    script: Option<Script>,
    folding: Folding,
    letters: Vec<char>,
    /// One-word folds: word → its replacement (maybe several words, maybe none).
    word_folds: HashMap<String, Vec<String>>,
    /// Folds of several words: first word → (the words, replacement), longest first.
    phrase_folds: HashMap<String, Vec<PhraseFold>>,
    prefix_folds: Vec<(String, String)>,
    suffix_folds: Vec<(String, String)>,
    /// Proclitics, longest first.
    proclitics: Vec<String>,
    /// Endings taken off stems, longest first.
    stem_endings: Vec<String>,
    stopwords: HashSet<String>,
    /// Stop words of four letters or more with their first letter and length (the ones a
    /// misspelt stop word is compared with, [`Analyzer::is_misspelt_stopword`]).
    long_stopwords: Vec<(char, usize, String)>,
    question_words: HashSet<String>,
    addressee: HashSet<String>,
    addressee_endings: Vec<String>,
    /// Stems of the profile's nouns for the network.
    network: HashSet<String>,
    /// Stems of the profile's other words that show a question is about the network.
    network_mentions: HashSet<String>,
    filler: PhraseSet,
    stemmer: Option<stem::Stem>,
}

impl Analyzer {
    /// The analyser of a language's built-in profile (or its default profile: every
    /// folding step, the Snowball stemmer of its code if there is one, no lists).
    pub fn new(lang: &str) -> Self {
        Analyzer::from_profile(&Profiles::builtin().get(lang))
    }

    pub fn from_profile(p: &Profile) -> Self {
        let mut an = Analyzer {
            lang: p.code.clone(),
            script: p.script,
            folding: Folding {
                digraphs: p.digraphs,
                apostrophe_suffixes: p.apostrophe_suffixes,
            },
            letters: p.letters.chars().collect(),
            word_folds: HashMap::default(),
            phrase_folds: HashMap::default(),
            prefix_folds: Vec::new(),
            suffix_folds: Vec::new(),
            proclitics: Vec::new(),
            stem_endings: Vec::new(),
            stopwords: HashSet::default(),
            long_stopwords: Vec::new(),
            question_words: HashSet::default(),
            addressee: HashSet::default(),
            addressee_endings: Vec::new(),
            network: HashSet::default(),
            network_mentions: HashSet::default(),
            filler: PhraseSet::new(),
            stemmer: p.stemmer.map(|a| stem::Stem::new(a, p.script)),
        };
        let one = |an: &Analyzer, s: &str| -> String { tokens(&fold(s, an.folding)).join("") };
        // One-word folds and word beginnings/endings first: the other rules and lists are
        // folded with them, so a list word written in dialect still works.
        for f in &p.folds {
            match f.kind {
                FoldKind::Words => {
                    let from = tokens(&fold(&f.from, an.folding));
                    let to = tokens(&fold(&f.to, an.folding));
                    if from.len() == 1 {
                        an.word_folds.insert(from[0].clone(), to);
                    }
                }
                FoldKind::Prefix => {
                    let (from, to) = (one(&an, &f.from), one(&an, &f.to));
                    an.prefix_folds.push((from, to));
                }
                FoldKind::Suffix => {
                    let (from, to) = (one(&an, &f.from), one(&an, &f.to));
                    an.suffix_folds.push((from, to));
                }
            }
        }
        an.proclitics = p
            .proclitics
            .iter()
            .map(|c| one(&an, c))
            .filter(|c| !c.is_empty())
            .collect();
        an.proclitics
            .sort_by_key(|c| std::cmp::Reverse(c.chars().count()));
        an.stem_endings = p
            .stem_endings
            .iter()
            .map(|c| one(&an, c))
            .filter(|c| !c.is_empty())
            .collect();
        an.stem_endings
            .sort_by_key(|c| std::cmp::Reverse(c.chars().count()));
        an.prefix_folds
            .sort_by_key(|(f, _)| std::cmp::Reverse(f.chars().count()));
        an.suffix_folds
            .sort_by_key(|(f, _)| std::cmp::Reverse(f.chars().count()));
        for f in p.folds.iter().filter(|f| f.kind == FoldKind::Words) {
            let from = an.base_tokens(&f.from);
            if from.len() > 1 {
                let to = tokens(&fold(&f.to, an.folding));
                let list = an.phrase_folds.entry(from[0].clone()).or_default();
                list.push((from, to));
                list.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
            }
        }
        // List words are written in their standard form: no word beginnings or endings are
        // folded off them (and none are folded off them in questions either, see
        // `fold_word`), so "neler" stays "neler".
        let prefix_folds = std::mem::take(&mut an.prefix_folds);
        let suffix_folds = std::mem::take(&mut an.suffix_folds);
        let words = |an: &Analyzer, list: &[String]| -> HashSet<String> {
            list.iter().flat_map(|w| an.folded_tokens(w)).collect()
        };
        an.stopwords = words(&an, &p.stopwords);
        an.long_stopwords = an
            .stopwords
            .iter()
            .filter_map(|w| Some((w.chars().next()?, w.chars().count(), w.clone())))
            .filter(|&(_, m, _)| m >= 4)
            .collect();
        an.question_words = words(&an, &p.question_words);
        let (endings, whole): (Vec<&String>, Vec<&String>) =
            p.addressee.iter().partition(|w| w.starts_with('-'));
        an.addressee = whole.iter().flat_map(|w| an.folded_tokens(w)).collect();
        an.prefix_folds = prefix_folds;
        an.suffix_folds = suffix_folds;
        an.network = p.network.iter().flat_map(|w| an.analyze(w)).collect();
        an.network_mentions = p
            .network_mentions
            .iter()
            .flat_map(|w| an.analyze(w))
            .collect();
        an.addressee_endings = endings
            .iter()
            .map(|w| one(&an, w.trim_start_matches('-')))
            .filter(|w| !w.is_empty())
            .collect();
        // Filler phrases are matched without their stop words, so "können Sie mir bitte
        // erklären" is the phrase "können Sie mir erklären".
        for (i, f) in p.filler.iter().enumerate() {
            let toks: Vec<String> = an
                .folded_tokens(f)
                .into_iter()
                .filter(|t| !an.stopwords.contains(t))
                .collect();
            an.filler.add(toks, i);
        }
        an
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The script of the profile (`None`: not set; the index takes it from the content).
    pub fn script(&self) -> Option<Script> {
        self.script
    }

    /// Letters only this language of its script uses.
    pub fn letters(&self) -> &[char] {
        &self.letters
    }

    /// Steps 1–6 plus the one-word folds of step 7; works word by word.
    pub fn base_tokens(&self, text: &str) -> Vec<String> {
        self.base_tokens_counted(text).0
    }

    /// [`Analyzer::base_tokens`], and how many tokens step 6 made (at most [`MAX_TOKENS`]).
    pub fn base_tokens_counted(&self, text: &str) -> (Vec<String>, usize) {
        let mut out = Vec::new();
        let toks = tokens(&fold(text, self.folding));
        let n = toks.len();
        for t in toks {
            self.fold_word(t, &mut out);
            if out.len() >= MAX_TOKENS {
                out.truncate(MAX_TOKENS);
                break;
            }
        }
        (out, n)
    }

    /// The switches of steps 1–5.
    pub fn folding(&self) -> Folding {
        self.folding
    }

    /// One-word folds of one token (see the profile's `folds`).
    pub fn fold_word(&self, t: String, out: &mut Vec<String>) {
        if let Some(to) = self.word_folds.get(&t) {
            out.extend(to.iter().map(|w| cap_token(w)));
            return;
        }
        // Behind a proclitic ("الأشخاص" = ال + أشخاص): the fold, with the proclitic kept
        // on the first word; a question or stop word, or the start of a filler phrase, loses
        // it ("ومتى" = و + متى, "وأريد أن أعرف" = و + أريد أن أعرف).
        for c in &self.proclitics {
            let Some(rest) = t.strip_prefix(c.as_str()) else {
                continue;
            };
            if let Some(to) = self.word_folds.get(rest)
                && rest.chars().count() >= MIN_AFFIX_STEM
            {
                for (k, w) in to.iter().enumerate() {
                    if k == 0 {
                        out.push(cap_token(&format!("{c}{w}")));
                    } else {
                        out.push(cap_token(w));
                    }
                }
                return;
            }
            if self.question_words.contains(rest)
                || self.stopwords.contains(rest)
                || self.filler.starts(rest)
            {
                out.push(rest.to_string());
                return;
            }
        }
        if self.question_words.contains(&t)
            || self.stopwords.contains(&t)
            || self.addressee.contains(&t)
        {
            out.push(t);
            return;
        }
        // Word beginnings and endings: at most one beginning, then endings one after the
        // other ("yapiyo" → "yapiyor" → "yap"), at most [`MAX_AFFIX_FOLDS`] in all.
        // (The first and last bytes are compared before the whole affix: most rules fail there.)
        let (first, last) = (|s: &str| s.bytes().next(), |s: &str| s.bytes().next_back());
        let mut t = t;
        let mut n = t.chars().count();
        if let Some((from, to)) = self.prefix_folds.iter().find(|(from, _)| {
            first(from).is_none_or(|b| first(&t) == Some(b))
                && t.starts_with(from.as_str())
                && n >= from.chars().count() + MIN_AFFIX_STEM
        }) {
            t = format!("{to}{}", &t[from.len()..]);
            n = t.chars().count();
        }
        for _ in 0..MAX_AFFIX_FOLDS {
            let Some((from, to)) = self.suffix_folds.iter().find(|(from, _)| {
                last(from).is_none_or(|b| last(&t) == Some(b))
                    && t.ends_with(from.as_str())
                    && n >= from.chars().count() + MIN_AFFIX_STEM
            }) else {
                break;
            };
            t = format!("{}{to}", &t[..t.len() - from.len()]);
            n = t.chars().count();
        }
        out.push(cap_owned(t));
    }

    /// Does a fold of several words start with this token?
    pub fn starts_phrase_fold(&self, token: &str) -> bool {
        self.phrase_folds.contains_key(token)
    }

    /// The folds of several words (step 7, second half).
    pub fn fold_phrases(&self, mut toks: Vec<String>) -> Vec<String> {
        if self.phrase_folds.is_empty() || !toks.iter().any(|t| self.starts_phrase_fold(t)) {
            return toks;
        }
        let mut out = Vec::with_capacity(toks.len());
        let mut i = 0;
        'outer: while i < toks.len() {
            if let Some(rules) = self.phrase_folds.get(&toks[i]) {
                for (from, to) in rules {
                    if toks.len() - i >= from.len() && toks[i..i + from.len()] == from[..] {
                        out.extend(to.iter().cloned());
                        i += from.len();
                        continue 'outer;
                    }
                }
            }
            // (Moved, not copied: each token is looked at again only at a later index.)
            out.push(std::mem::take(&mut toks[i]));
            i += 1;
        }
        out.truncate(MAX_TOKENS);
        out
    }

    /// Folded tokens (steps 1–7), before filler, stop words and stemming.
    pub fn folded_tokens(&self, text: &str) -> Vec<String> {
        self.fold_phrases(self.base_tokens(text))
    }

    /// The profile's proclitics (prefixes written together with their word: "ال", "و").
    pub fn proclitics(&self) -> &[String] {
        &self.proclitics
    }

    pub fn is_stopword(&self, folded_token: &str) -> bool {
        self.stopwords.contains(folded_token)
    }

    pub fn is_question_word(&self, folded_token: &str) -> bool {
        self.question_words.contains(folded_token)
    }

    /// The profile's stop words, folded.
    pub fn stopwords(&self) -> impl Iterator<Item = &str> {
        self.stopwords.iter().map(String::as_str)
    }

    /// The profile's question words, folded.
    pub fn question_words(&self) -> impl Iterator<Item = &str> {
        self.question_words.iter().map(String::as_str)
    }

    /// Does this token address the network ("ihr", "вы", "-niz")?
    pub fn is_addressee(&self, folded_token: &str) -> bool {
        self.addressee.contains(folded_token)
            || self.addressee_endings.iter().any(|e| {
                folded_token.ends_with(e.as_str())
                    && folded_token.chars().count() >= e.chars().count() + MIN_AFFIX_STEM
            })
    }

    /// Does a politeness or filler phrase start with this token?
    pub fn starts_filler(&self, folded_token: &str) -> bool {
        self.filler.starts(folded_token)
    }

    /// Is this stem one of the profile's nouns for the network ("Netzwerk", "сеть")?
    pub fn is_network_stem(&self, stem: &str) -> bool {
        self.network.contains(stem)
    }

    /// Is this stem one of the profile's `network_mentions` ("Projekt")? Such a word in a
    /// question shows it is about the network; in an entry's question it is no name of it.
    pub fn is_network_mention(&self, stem: &str) -> bool {
        self.network_mentions.contains(stem)
    }

    /// Politeness and filler phrases in folded tokens.
    pub fn filler_spans(&self, folded: &[String]) -> Vec<phrase::Span> {
        self.filler
            .find_skipping(folded, |t| self.stopwords.contains(t))
    }

    /// The stem of a folded token that is not a stop word. Stemmers may put letters back
    /// that folding took out (Turkish "amac" → "amaç"): the stem is folded again.
    pub fn stem(&self, folded_token: String) -> String {
        match &self.stemmer {
            Some(st) => {
                let s = st.stem(&folded_token);
                let s = if s.is_ascii() { s } else { latin::fold(&s) };
                self.cut_stem_ending(s)
            }
            None => self.cut_stem_ending(folded_token),
        }
    }

    /// The profile's `stem_endings` off a stem (where three letters stay).
    fn cut_stem_ending(&self, s: String) -> String {
        // (The ending is compared before any letters are counted: most endings fail there.)
        for e in &self.stem_endings {
            if s.ends_with(e.as_str()) && s.chars().count() >= e.chars().count() + MIN_AFFIX_STEM {
                return s[..s.len() - e.len()].to_string();
            }
        }
        s
    }

    /// A word that is a stop word with a typo ("jetz", "eigentlch"): four letters or more,
    /// one edit from a stop word of four letters or more with the same first letter.
    pub fn is_misspelt_stopword(&self, folded_token: &str) -> bool {
        let n = folded_token.chars().count();
        let Some(first) = folded_token.chars().next() else {
            return false;
        };
        n >= 4
            && self.long_stopwords.iter().any(|(c, m, w)| {
                *c == first && m.abs_diff(n) <= 1 && phrase::within_one_edit(folded_token, w)
            })
    }

    /// The full pipeline: folded, filler and stop words removed, stemmed; each stem once.
    pub fn analyze(&self, text: &str) -> Vec<String> {
        self.analyze_folded(self.folded_tokens(text))
    }

    /// [`Analyzer::analyze`] on tokens from [`Analyzer::folded_tokens`].
    pub fn analyze_folded(&self, folded: Vec<String>) -> Vec<String> {
        let mut drop = vec![false; folded.len()];
        for s in self.filler_spans(&folded) {
            drop[s.start..s.end].iter_mut().for_each(|d| *d = true);
        }
        let mut out: Vec<String> = Vec::new();
        for (t, d) in folded.into_iter().zip(drop) {
            if d || self.is_stopword(&t) {
                continue;
            }
            // Question words are not stemmed: "neden" (why) is not "ne" (what).
            let s = if self.is_question_word(&t) {
                t
            } else {
                self.stem(t)
            };
            if !s.is_empty() && !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
