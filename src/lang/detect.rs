//! Language detection among the languages of one script, from the profiles' data only: a
//! language the code has never heard of is detected from its own profile's lists (and, in
//! the matcher, from the words of its questions), so adding a language stays a folder.
//!
//! Evidence of one language for a text (see [`Signs::evidence`]), in [0, [`MAX_EVIDENCE`]]:
//! - its distinctive letters (`letters`: Ukrainian і ї є ґ against Russian ы э ъ ё, Persian
//!   پ چ ژ گ ی ک against Arabic ي ك ة ى, Turkish ş ğ ı, German ä ß), or, for a language
//!   whose writers often mix in a neighbour's words (`mixes_with`: Ukrainian with Russian,
//!   Persian typed on an Arabic keyboard), one of its `markers` the neighbour does not list
//!   (Ukrainian «можна», «чого» typed on a Russian keyboard, with no і in sight; Persian «در»
//!   with Arabic ي ك; see [`Signs::set_own`]): [`LETTER_WEIGHT`] when the text has one. Only there: Latin languages share too many short words ("is" is
//!   English and dialect German);
//! - a letter of its script that is not in its `alphabet` (where the profile lists one):
//!   [`LETTER_WEIGHT`] less (Russian has no і, Ukrainian no ы, neither has Belarusian ў),
//!   except a letter of the neighbour it `mixes_with` next to one of its own letters or
//!   words ("выхідні" is Ukrainian typed with a Russian ы);
//! - the share of the text's words (words of the language's script only: Latin names in a
//!   Cyrillic question say nothing) that are its `markers` (weight 1) or its stop and
//!   question words (weight ½), times [`WORD_WEIGHT`].
//!
//! The matcher adds what the content says (how well the text matches the language's
//! questions, how many of its words the language's texts use) and picks with [`pick`]:
//! the language with the most evidence, except that when the evidence is thin — the
//! hinted language (the person's Telegram language) is within [`THIN`] of the best — the
//! hint breaks the tie (and the hinted language wins over any language its writers mix in);
//! without a hint, a language whose writers mix in the best one's words (`mixes_with`)
//! wins it.

// FxHash: built and looked up per query and language; keys are characters and our own words.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Profile;
use crate::text::apostrophe;
use crate::text::case;
use crate::text::script::{self, Script};

/// Weight of a distinctive letter (once per text).
pub const LETTER_WEIGHT: f32 = 0.3;
/// Weight of the share of marker words.
pub const WORD_WEIGHT: f32 = 0.3;
/// The most evidence [`Signs::evidence`] gives.
pub const MAX_EVIDENCE: f32 = LETTER_WEIGHT + WORD_WEIGHT;
/// Evidence within this of the best is a tie the hint breaks.
pub const THIN: f32 = 0.12;

/// A text prepared for detection: its letters as typed, and its words (lower-case,
/// apostrophes inside words dropped) with their script.
#[derive(Debug, Clone)]
pub struct Text {
    chars: Chars,
    /// The normalised text ([`normalise`]); `words` are byte ranges of it.
    norm: String,
    words: Vec<(usize, usize, Option<Script>)>,
}

impl Text {
    pub fn new(text: &str) -> Text {
        let capped = crate::text::capped(text);
        let chars = Chars::new(&capped);
        let norm = normalise(&capped);
        let mut words = Vec::with_capacity(8);
        if norm.is_ascii() {
            // (The same words byte by byte: the runs of ASCII letters and digits, Latin
            // when they have a letter.)
            let b = norm.as_bytes();
            let mut i = 0;
            while i < b.len() && words.len() < crate::text::MAX_TOKENS {
                if !b[i].is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let (start, mut latin) = (i, false);
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    latin |= b[i].is_ascii_alphabetic();
                    i += 1;
                }
                words.push((start, i, latin.then_some(Script::Latin)));
            }
        } else {
            other_words(&norm, &mut words);
        }
        Text { chars, norm, words }
    }

    fn words(&self) -> impl Iterator<Item = (&str, Option<Script>)> {
        self.words.iter().map(|&(a, b, s)| (&self.norm[a..b], s))
    }
}

/// The words of a text that is not all ASCII, as byte ranges with their script (the first
/// of their letters' scripts): the non-empty parts between characters that are not
/// alphanumeric, at most [`crate::text::MAX_TOKENS`] (one pass over the characters:
/// `other_words_are_the_split_words`).
fn other_words(norm: &str, words: &mut Vec<(usize, usize, Option<Script>)>) {
    // (The current word's start and script.)
    let mut word: Option<(usize, Option<Script>)> = None;
    for (i, c) in norm.char_indices() {
        if crate::text::is_alphanumeric(c) {
            match &mut word {
                None => word = Some((i, script::of_char(c))),
                Some((_, s @ None)) => *s = script::of_char(c),
                Some(_) => {}
            }
        } else if let Some((start, s)) = word.take() {
            words.push((start, i, s));
            if words.len() == crate::text::MAX_TOKENS {
                return;
            }
        }
    }
    if let Some((start, s)) = word
        && words.len() < crate::text::MAX_TOKENS
    {
        words.push((start, norm.len(), s));
    }
}

/// The set of a text's characters: a bit per ASCII character, the others sorted (cheaper
/// to build than a hash set for a message, and most messages have no non-ASCII letter).
#[derive(Debug, Clone)]
struct Chars {
    ascii: u128,
    other: Vec<char>,
}

impl Chars {
    fn new(text: &str) -> Chars {
        let (mut ascii, mut other) = (0u128, Vec::new());
        // (Kept sorted and without repeats as it is filled: a message repeats its letters,
        // and a search in the few distinct ones costs less than sorting every one.)
        let mut last = '\0';
        for c in text.chars() {
            if c.is_ascii() {
                ascii |= 1 << c as u32;
            } else if c != last {
                last = c;
                if let Err(at) = other.binary_search(&c) {
                    other.insert(at, c);
                }
            }
        }
        Chars { ascii, other }
    }

    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            (self.ascii >> c as u32) & 1 == 1
        } else {
            self.other.binary_search(&c).is_ok()
        }
    }

    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        let mut bits = self.ascii;
        let ascii = std::iter::from_fn(move || {
            let b = bits.trailing_zeros();
            bits &= bits.checked_sub(1)?;
            Some(char::from(b as u8))
        });
        ascii.chain(self.other.iter().copied())
    }
}

/// The form words are compared in: lower-case (Turkish rules), apostrophes inside words
/// dropped, ё → е, Persian ی ک and Arabic ي ك kept apart (they are evidence).
fn normalise(s: &str) -> String {
    // ASCII is its own NFC, and its Turkish-rule lower case is ASCII lower case (I → i).
    let s = if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        // (`text::nfc` with no cap: NFC, quick when the text is NFC already.)
        case::fold_case_owned(crate::text::nfc::nfc(s, usize::MAX))
    };
    // (Each step changes only text that has its characters; ' and ` are the ASCII ones.)
    let apostrophe = if s.is_ascii() {
        s.bytes().any(|b| b == b'\'' || b == b'`')
    } else {
        s.contains(apostrophe::APOSTROPHES)
    };
    let s = if apostrophe {
        apostrophe::join_inner(&s)
    } else {
        s
    };
    if s.contains('ё') {
        s.replace('ё', "е")
    } else {
        s
    }
}

/// What tells one language from the others of its script (from its profile).
#[derive(Debug, Clone, Default)]
pub struct Signs {
    pub script: Option<Script>,
    letters: Vec<char>,
    /// Sorted, for a binary search per letter.
    alphabet: Vec<char>,
    markers: HashSet<String>,
    words: HashSet<String>,
    /// `markers` (1) and `words` (½) in one map: one look-up per word of a text.
    weights: HashMap<String, f32>,
    /// The languages whose words this one's writers mix in (profile `mixes_with`).
    mixes_with: Vec<String>,
    /// Markers none of `mixes_with` lists (set by [`Signs::set_own`]).
    own: HashSet<String>,
    /// The distinctive letters of `mixes_with` (set by [`Signs::set_own`]).
    neighbour_letters: Vec<char>,
}

impl Signs {
    pub fn from_profile(p: &Profile) -> Signs {
        let list = |l: &[String]| -> HashSet<String> {
            l.iter()
                .flat_map(|w| {
                    normalise(w)
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let markers = list(&p.markers);
        let mut words = list(&p.stopwords);
        words.extend(list(&p.question_words));
        words.retain(|w| !markers.contains(w));
        let weights = markers
            .iter()
            .map(|w| (w.clone(), 1.0))
            .chain(words.iter().map(|w| (w.clone(), 0.5)))
            .collect();
        let mut alphabet: Vec<char> = p.alphabet.chars().collect();
        alphabet.sort_unstable();
        alphabet.dedup();
        Signs {
            script: p.script,
            // As written: profiles list both cases where a script has them (lower-casing
            // would turn Turkish İ into i + a dot, a letter every Latin language uses).
            letters: p.letters.chars().collect(),
            alphabet,
            markers,
            words,
            weights,
            mixes_with: p.mixes_with.clone(),
            own: HashSet::default(),
            neighbour_letters: Vec::new(),
        }
    }

    /// Keeps as this language's own words its markers that none of the languages it
    /// `mixes_with` (among `others`, by code) lists as a marker, stop or question word:
    /// such a word is as telling as a distinctive letter, also in a question whose other
    /// words are borrowed from the neighbour (Ukrainian written with Russian words mixed
    /// in). Without such a neighbour present, no word is its own.
    pub fn set_own<'a>(&mut self, others: impl IntoIterator<Item = (&'a str, &'a Signs)>) {
        let neighbours: Vec<&Signs> = others
            .into_iter()
            .filter(|(code, _)| self.mixes_with.iter().any(|m| m == code))
            .map(|(_, s)| s)
            .collect();
        self.neighbour_letters = neighbours
            .iter()
            .flat_map(|o| o.letters.iter().copied())
            .collect();
        self.own = if neighbours.is_empty() {
            HashSet::default()
        } else {
            self.markers
                .iter()
                .filter(|w| {
                    neighbours
                        .iter()
                        .all(|o| !o.markers.contains(*w) && !o.words.contains(*w))
                })
                .cloned()
                .collect()
        };
    }

    /// Whether this language's writers mix in words of the language `code` (profile
    /// `mixes_with`).
    pub fn mixes_in(&self, code: &str) -> bool {
        self.mixes_with.iter().any(|m| m == code)
    }

    /// Does `text` have one of this language's distinctive letters (`letters`)?
    pub fn shows_letter(&self, text: &Text) -> bool {
        self.letters.iter().any(|&c| text.chars.contains(c))
    }

    /// Does `text` have one of this language's distinctive letters or own words (words
    /// none of the languages it mixes with has, [`Signs::set_own`])? Then the text itself
    /// tells this language from its neighbours.
    pub fn tells(&self, text: &Text) -> bool {
        self.shows_letter(text) || self.shows_own_word(text)
    }

    fn shows_own_word(&self, text: &Text) -> bool {
        // (Most languages have no own words: no hashing of every word for them.)
        !self.own.is_empty() && text.words().any(|(w, _)| self.own.contains(w))
    }

    /// The evidence for this language in `text` (see the module docs).
    pub fn evidence(&self, text: &Text) -> f32 {
        let own_letter = self.shows_letter(text);
        let own_word = self.shows_own_word(text);
        let letters = if own_letter || own_word {
            LETTER_WEIGHT
        } else {
            0.0
        };
        // Next to one of its own letters or words, a letter of the neighbour it mixes with
        // is a mixed spelling ("выхідні", «можна ... мы»), not evidence against the language.
        let foreign = !self.alphabet.is_empty()
            && text.chars.iter().any(|c| {
                self.script.is_some_and(|s| script::of_char(c) == Some(s))
                    && c.to_lowercase()
                        .all(|l| self.alphabet.binary_search(&l).is_err())
                    && !((own_letter || own_word) && self.neighbour_letters.contains(&c))
            });
        let letters = if foreign {
            letters - LETTER_WEIGHT
        } else {
            letters
        };
        let mine = |s: &Option<Script>| self.script.is_none() || *s == self.script;
        let (mut n, mut hits) = (0usize, 0.0f32);
        for (w, s) in text.words() {
            if !mine(&s) || s.is_none() {
                continue;
            }
            n += 1;
            if let Some(&h) = self.weights.get(w) {
                hits += h;
            }
        }
        let share = if n == 0 { 0.0 } else { hits / n as f32 };
        letters + WORD_WEIGHT * share.min(1.0)
    }
}

/// The scripts whose languages a text may be in: its dominant script, and any other with at
/// least a third of its weight (Latin letters count half: "ما هي Kerngruppe؟" is Arabic with
/// a German word in it; "widunetz چیست" is Persian).
pub fn scripts(text: &str) -> Vec<Script> {
    let weight = |s: Script, n: usize| if s == Script::Latin { n } else { 2 * n };
    let counts = script::counts(text);
    // (`script::dominant` from the same counts: the first script of the most weight.)
    let mut best: Option<(Script, usize)> = None;
    for &(s, n) in &counts {
        let w = weight(s, n);
        if best.is_none_or(|(_, bw)| w > bw) {
            best = Some((s, w));
        }
    }
    let Some((top, _)) = best else {
        return Vec::new();
    };
    let top_weight = counts.iter().map(|&(s, n)| weight(s, n)).max().unwrap_or(0);
    counts
        .iter()
        .filter(|&&(s, n)| s == top || 3 * weight(s, n) >= top_weight)
        .map(|&(s, _)| s)
        .collect()
}

/// The language of `hint` ("uk-UA" → "uk").
pub(crate) fn base(code: &str) -> &str {
    code.split(['-', '_']).next().unwrap_or(code)
}

/// Picks among candidates (code, evidence): the most evidence wins; ties within [`THIN`]
/// of the best go to the hinted language, and so does any lead of a language whose words
/// the hinted language's writers mix in (`mixes(hint, best)`), even by that language's own
/// letters: a person whose Telegram speaks Ukrainian reads Ukrainian, and a question in
/// Russian words or on a Russian keyboard («скока членов в сети», «часи роботы») is the
/// habit of surzhyk or of the keyboard, not a wish for a Russian answer — answering a
/// Ukrainian in Russian is the hurtful mistake, a Ukrainian answer hurts nobody who set
/// Telegram to Ukrainian (`/language` gives Russian to whom wants it). Without a hint,
/// ties go to a language whose writers mix in the best one's words (`mixes(candidate,
/// best)`: Ukrainian with Russian, Persian with Arabic): a text that reads almost as well
/// as Ukrainian as it does as Russian is more likely a Ukrainian's surzhyk than a Russian's
/// text with a Ukrainian word. Returns the index of the pick; `None` when no candidate has
/// any evidence.
pub fn pick(
    candidates: &[(&str, f32)],
    hint: Option<&str>,
    mixes: impl Fn(&str, &str) -> bool,
) -> Option<usize> {
    let best = candidates
        .iter()
        .enumerate()
        .filter(|(_, (_, e))| *e > 0.0)
        .fold(None::<(usize, f32)>, |acc, (i, &(_, e))| match acc {
            Some((_, ae)) if ae >= e => acc,
            _ => Some((i, e)),
        });
    let (bi, be) = best?;
    let tied = |i: usize| candidates[i].1 > 0.0 && be - candidates[i].1 <= THIN;
    let tie_breaker = match hint.map(base) {
        Some(h) => (0..candidates.len()).find(|&i| {
            base(candidates[i].0).eq_ignore_ascii_case(h)
                && (tied(i) || mixes(candidates[i].0, candidates[bi].0))
        }),
        None => (0..candidates.len())
            .find(|&i| i != bi && tied(i) && mixes(candidates[i].0, candidates[bi].0)),
    };
    Some(tie_breaker.unwrap_or(bi))
}

/// Detection from the profiles alone (no content): for tests, and to explain a decision.
#[derive(Debug, Clone, Default)]
pub struct Detector {
    langs: Vec<(String, Signs)>,
}

impl Detector {
    pub fn new<'a>(profiles: impl IntoIterator<Item = &'a Profile>) -> Detector {
        let mut langs: Vec<(String, Signs)> = profiles
            .into_iter()
            .map(|p| (p.code.clone(), Signs::from_profile(p)))
            .collect();
        let all = langs.clone();
        for (_, s) in &mut langs {
            s.set_own(all.iter().map(|(c, o)| (c.as_str(), o)));
        }
        Detector { langs }
    }

    /// Evidence per language of the text's scripts (see [`scripts`]).
    pub fn scores(&self, text: &str) -> Vec<(String, f32)> {
        let scs = scripts(text);
        let t = Text::new(text);
        self.langs
            .iter()
            .filter(|(_, s)| s.script.is_some_and(|sc| scs.contains(&sc)))
            .map(|(c, s)| (c.clone(), s.evidence(&t)))
            .collect()
    }

    /// The language of `text` (see [`pick`]).
    pub fn detect(&self, text: &str, hint: Option<&str>) -> Option<String> {
        let scores = self.scores(text);
        let c: Vec<(&str, f32)> = scores.iter().map(|(c, e)| (c.as_str(), *e)).collect();
        let mixes = |a: &str, b: &str| self.langs.iter().any(|(c, s)| c == a && s.mixes_in(b));
        pick(&c, hint, mixes).map(|i| c[i].0.to_string())
    }
}

#[cfg(test)]
mod tests;
