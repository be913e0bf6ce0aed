//! Language profiles: everything the matcher knows about one language, in one place.
//!
//! A profile is a small TOML file with one rule per line:
//!
//! | key | what | example |
//! |---|---|---|
//! | `script` | Unicode script of the language (open set: any script `unicode-script` knows) | `"Latin"`, `"Ethiopic"` |
//! | `stemmer` | Snowball stemmer ([`STEMMERS`]), or `"none"` | `"turkish"` |
//! | `digraphs` | German ae/oe/ue → a/o/u | `true` |
//! | `letters` | letters only this language of its script uses (language detection) | `"şğı"` |
//! | `alphabet` | every letter of the language, lower case (optional): a letter of its script outside it is evidence against the language (language detection) | `"абв…"` |
//! | `markers` | words that mark the language among those of its script (language detection, [`detect`]) | `["що", "як"]` |
//! | `mixes_with` | languages of the same script whose words people writing this one often mix in (Ukrainian with Russian words, surzhyk): a `markers` word none of them lists counts like a distinctive letter, and their letters next to one of this language's own are no evidence against it (language detection, [`detect`]) | `["ru"]` |
//! | `keyboard` | how people type this language's own letters on the keyboard of a language it `mixes_with`, one letter each: `"a = b"`. A word of this language's texts typed so ("членив" for «членів») that the neighbour's texts do not have counts as a word of this language (language detection) | `["і = и"]` |
//! | `apostrophe_suffixes` | an apostrophe after a letter starts a suffix that is cut off (Turkish "widunetz'in", German "geht's"); otherwise an apostrophe inside a word is dropped (Ukrainian "м'ята" = "мята") | `true` |
//! | `stopwords` | function words, dropped before matching | `["und", "der"]` |
//! | `question_words` | question words: kept, but alone they are not a question | `["wann"]` |
//! | `addressee` | words that address the network ("ihr", "вы"); `-x`: a word ending | `["euch", "-niz"]` |
//! | `pronouns` | words that stand for something named before ("it", "they"): in a chat with the network's bot, the network, so a question with one does not ask about another subject ([`crate::matcher::Signals::refers_back`]); `-x`: a pronoun written onto the word (Persian «هدفش», its goal), read as the word and the list's first pronoun where the texts use the word without it | `["es", "sie"]`, `["آن", "-ش"]` |
//! | `pronoun_elides` | letters a word loses in front of a `pronouns` ending: a query word is also read as its rest plus one of them and the pronoun (Persian silent ه: «بودجش» = «بودجه» + «ش») | `"ه"` |
//! | `network` | common nouns a question uses for the organisation the FAQ is about (its own name, like "widunetz", is found in the questions) | `["Netzwerk"]` |
//! | `network_mentions` | words that show a question is about the network, although the entries' questions do not use them as its name (the project it grew out of); exact stems only, so "Projektgruppe" is no mention | `["Projekt"]` |
//! | `filler` | politeness and filler phrases, dropped before matching | `["ich habe eine frage"]` |
//! | `folds` | dialect and chat spellings: `"a = b"` reads word(s) a as b, `"a ="` drops a, `"-a = -b"` a word ending, `"a- = b-"` a word beginning (only where three letters stay) | `"slm = selam"` |
//! | `stem_endings` | endings taken off stems where the stemmer is inconsistent (Arabic ة/ه stays on "الشبكة" but not on "شبكة") | `["ه"]` |
//! | `proclitics` | prefixes written together with the next word (Arabic ال, و, ب): a one-word fold also applies behind them | `["ال", "وال"]` |
//!
//! Where profiles come from (later ones replace earlier ones for their language):
//! 1. the built-in profiles of German, Turkish, Russian, Arabic, English, Ukrainian and
//!    Persian: `src/lang/<code>.toml`,
//!    compiled into the program (engine knowledge, tested with the code; they do not depend
//!    on where `--locales` points);
//! 2. `locales/<code>/profile.toml` next to a language's texts, in the same format: a new
//!    language brings its own (a folder stays all it takes to add a language);
//! 3. a language without either gets a default profile: its script is taken from its
//!    questions, the Snowball stemmer of its code if there is one ([`default_stemmer`]),
//!    no lists. It is still indexed and matched with typo tolerance.
//!
//! All lists are written in normal spelling and folded like the questions when the
//! analyser is built, so "für" in a list also removes a typed "fur" or "fuer".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rust_stemmers::Algorithm;
use serde::Deserialize;
use toml::Spanned;

pub mod detect;
mod files;
pub mod translit;

pub(crate) use files::language_files;

use crate::error::{LineIndex, Location, Problem, Severity};
use crate::text::script::{self, Script};

/// File name of a language's profile in its locales folder.
pub const PROFILE_FILE: &str = "profile.toml";

/// The built-in profiles: (code, file name, text).
const BUILTIN: &[(&str, &str, &str)] = &[
    ("de", "src/lang/de.toml", include_str!("de.toml")),
    ("en", "src/lang/en.toml", include_str!("en.toml")),
    ("uk", "src/lang/uk.toml", include_str!("uk.toml")),
    ("fa", "src/lang/fa.toml", include_str!("fa.toml")),
    ("tr", "src/lang/tr.toml", include_str!("tr.toml")),
    ("ru", "src/lang/ru.toml", include_str!("ru.toml")),
    ("ar", "src/lang/ar.toml", include_str!("ar.toml")),
];

/// Snowball stemmers by name (the `stemmer` key).
pub const STEMMERS: &[(&str, Algorithm)] = &[
    ("arabic", Algorithm::Arabic),
    ("danish", Algorithm::Danish),
    ("dutch", Algorithm::Dutch),
    ("english", Algorithm::English),
    ("finnish", Algorithm::Finnish),
    ("french", Algorithm::French),
    ("german", Algorithm::German),
    ("greek", Algorithm::Greek),
    ("hungarian", Algorithm::Hungarian),
    ("italian", Algorithm::Italian),
    ("norwegian", Algorithm::Norwegian),
    ("portuguese", Algorithm::Portuguese),
    ("romanian", Algorithm::Romanian),
    ("russian", Algorithm::Russian),
    ("spanish", Algorithm::Spanish),
    ("swedish", Algorithm::Swedish),
    ("tamil", Algorithm::Tamil),
    ("turkish", Algorithm::Turkish),
];

/// The stemmer a language without a profile gets: Snowball's for its ISO 639-1 code.
pub fn default_stemmer(code: &str) -> Option<Algorithm> {
    let base = code.split(['-', '_']).next().unwrap_or(code);
    let name = match base {
        "ar" => "arabic",
        "da" => "danish",
        "nl" => "dutch",
        "en" => "english",
        "fi" => "finnish",
        "fr" => "french",
        "de" => "german",
        "el" => "greek",
        "hu" => "hungarian",
        "it" => "italian",
        "nb" | "no" | "nn" => "norwegian",
        "pt" => "portuguese",
        "ro" => "romanian",
        "ru" => "russian",
        "es" => "spanish",
        "sv" => "swedish",
        "ta" => "tamil",
        "tr" => "turkish",
        _ => return None,
    };
    STEMMERS.iter().find(|(n, _)| *n == name).map(|&(_, a)| a)
}

/// What a fold rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    /// Whole words (one or more).
    Words,
    /// A word beginning.
    Prefix,
    /// A word ending.
    Suffix,
}

/// One fold rule, as written (folded by the analyser).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    pub kind: FoldKind,
    pub from: String,
    pub to: String,
}

/// Where a profile came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    BuiltIn(&'static str),
    File(PathBuf),
    Default,
}

/// What the matcher knows about one language (see the module docs).
#[derive(Debug, Clone)]
pub struct Profile {
    pub code: String,
    /// `None`: taken from the language's questions.
    pub script: Option<Script>,
    pub stemmer: Option<Algorithm>,
    pub digraphs: bool,
    pub letters: String,
    pub markers: Vec<String>,
    pub mixes_with: Vec<String>,
    /// (own letter, the letter typed for it on the neighbour's keyboard)
    pub keyboard: Vec<(char, char)>,
    pub alphabet: String,
    pub apostrophe_suffixes: bool,
    pub stopwords: Vec<String>,
    pub question_words: Vec<String>,
    pub addressee: Vec<String>,
    pub pronouns: Vec<String>,
    pub pronoun_elides: String,
    pub network: Vec<String>,
    pub network_mentions: Vec<String>,
    pub filler: Vec<String>,
    pub folds: Vec<Fold>,
    pub proclitics: Vec<String>,
    pub stem_endings: Vec<String>,
    pub source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    script: Option<Spanned<String>>,
    stemmer: Option<Spanned<String>>,
    #[serde(default)]
    digraphs: bool,
    #[serde(default)]
    letters: String,
    #[serde(default)]
    markers: Vec<Spanned<String>>,
    #[serde(default)]
    mixes_with: Vec<Spanned<String>>,
    #[serde(default)]
    keyboard: Vec<Spanned<String>>,
    #[serde(default)]
    alphabet: String,
    #[serde(default)]
    apostrophe_suffixes: bool,
    #[serde(default)]
    stopwords: Vec<Spanned<String>>,
    #[serde(default)]
    question_words: Vec<Spanned<String>>,
    #[serde(default)]
    addressee: Vec<Spanned<String>>,
    #[serde(default)]
    pronouns: Vec<Spanned<String>>,
    #[serde(default)]
    pronoun_elides: String,
    #[serde(default)]
    network: Vec<Spanned<String>>,
    #[serde(default)]
    network_mentions: Vec<Spanned<String>>,
    #[serde(default)]
    filler: Vec<Spanned<String>>,
    #[serde(default)]
    folds: Vec<Spanned<String>>,
    #[serde(default)]
    proclitics: Vec<Spanned<String>>,
    #[serde(default)]
    stem_endings: Vec<Spanned<String>>,
}

fn problem(location: Location, message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        location,
        subject: None,
        message,
    }
}

/// Parses one fold rule (see the module docs).
pub fn parse_fold(rule: &str) -> Result<Fold, String> {
    let Some((from, to)) = rule.split_once('=') else {
        return Err(format!(
            "fold rule {rule:?} has no \"=\": write \"from = to\""
        ));
    };
    let (from, to) = (from.trim(), to.trim());
    if from.is_empty() {
        return Err(format!("fold rule {rule:?} has nothing before \"=\""));
    }
    let affix = |s: &str, kind: FoldKind| match kind {
        FoldKind::Prefix => s.strip_suffix('-').map(str::to_string),
        FoldKind::Suffix => s.strip_prefix('-').map(str::to_string),
        FoldKind::Words => Some(s.to_string()),
    };
    let kind = if from.len() > 1 && from.ends_with('-') && !from.starts_with('-') {
        FoldKind::Prefix
    } else if from.len() > 1 && from.starts_with('-') && !from.ends_with('-') {
        FoldKind::Suffix
    } else {
        FoldKind::Words
    };
    let from = affix(from, kind).unwrap_or_default();
    let to = if kind == FoldKind::Words || to.is_empty() {
        Some(to.to_string())
    } else {
        affix(to, kind)
    };
    let Some(to) = to else {
        let shape = if kind == FoldKind::Prefix { "b-" } else { "-b" };
        return Err(format!(
            "fold rule {rule:?}: a word {} is replaced by another one, written {shape}",
            if kind == FoldKind::Prefix {
                "beginning"
            } else {
                "ending"
            }
        ));
    };
    if kind != FoldKind::Words && (from.contains(' ') || to.contains(' ')) {
        return Err(format!(
            "fold rule {rule:?}: a word beginning or ending cannot hold a space"
        ));
    }
    Ok(Fold { kind, from, to })
}

impl Profile {
    /// The profile of a language without a profile file (see the module docs).
    pub fn default_for(code: &str) -> Profile {
        Profile {
            code: code.to_string(),
            script: None,
            stemmer: default_stemmer(code),
            digraphs: false,
            letters: String::new(),
            markers: Vec::new(),
            mixes_with: Vec::new(),
            keyboard: Vec::new(),
            alphabet: String::new(),
            apostrophe_suffixes: false,
            stopwords: Vec::new(),
            question_words: Vec::new(),
            addressee: Vec::new(),
            pronouns: Vec::new(),
            pronoun_elides: String::new(),
            network: Vec::new(),
            network_mentions: Vec::new(),
            filler: Vec::new(),
            folds: Vec::new(),
            proclitics: Vec::new(),
            stem_endings: Vec::new(),
            source: Source::Default,
        }
    }

    /// Parses a profile file. Returns the profile (with every rule that could be read) and
    /// every problem, at file:line.
    pub fn parse(code: &str, path: &Path, src: &str, source: Source) -> (Profile, Vec<Problem>) {
        let lines = LineIndex::new(src);
        let mut problems = Vec::new();
        let mut p = Profile::default_for(code);
        p.source = source;
        let raw: RawProfile = match toml::from_str(src) {
            Ok(r) => r,
            Err(e) => {
                problems.push(crate::content::lexicon::toml_problem(path, src, &lines, &e));
                return (p, problems);
            }
        };
        let at = |s: std::ops::Range<usize>| lines.location(path, s.start);
        if let Some(s) = raw.script {
            match script::by_name(s.get_ref()) {
                Some(sc) => p.script = Some(sc),
                None => problems.push(problem(
                    at(s.span()),
                    format!(
                        "unknown script {:?}: use a Unicode script name like Latin, Cyrillic, Arabic, Greek, Ethiopic",
                        s.get_ref()
                    ),
                )),
            }
        }
        if let Some(s) = raw.stemmer {
            let name = s.get_ref().trim().to_lowercase();
            if name == "none" {
                p.stemmer = None;
            } else if let Some(&(_, a)) = STEMMERS.iter().find(|(n, _)| *n == name) {
                p.stemmer = Some(a);
            } else {
                problems.push(problem(
                    at(s.span()),
                    format!(
                        "unknown stemmer {:?}: use none or one of {}",
                        s.get_ref(),
                        STEMMERS
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        p.digraphs = raw.digraphs;
        p.letters = raw.letters;
        let words = |list: Vec<Spanned<String>>, what: &str, problems: &mut Vec<Problem>| {
            let mut out = Vec::new();
            for w in list {
                if w.get_ref().trim().is_empty() {
                    problems.push(problem(
                        at(w.span()),
                        format!("empty text in {what}: remove it"),
                    ));
                } else {
                    out.push(w.into_inner().trim().to_string());
                }
            }
            out
        };
        p.apostrophe_suffixes = raw.apostrophe_suffixes;
        p.alphabet = raw.alphabet;
        p.markers = words(raw.markers, "markers", &mut problems);
        p.mixes_with = words(raw.mixes_with, "mixes_with", &mut problems);
        p.stopwords = words(raw.stopwords, "stopwords", &mut problems);
        p.question_words = words(raw.question_words, "question_words", &mut problems);
        p.addressee = words(raw.addressee, "addressee", &mut problems);
        p.pronouns = words(raw.pronouns, "pronouns", &mut problems);
        p.pronoun_elides = raw.pronoun_elides;
        p.network = words(raw.network, "network", &mut problems);
        p.network_mentions = words(raw.network_mentions, "network_mentions", &mut problems);
        p.filler = words(raw.filler, "filler", &mut problems);
        p.proclitics = words(raw.proclitics, "proclitics", &mut problems);
        p.stem_endings = words(raw.stem_endings, "stem_endings", &mut problems);
        for k in raw.keyboard {
            let letters: Vec<Vec<char>> = k
                .get_ref()
                .split('=')
                .map(|side| side.trim().chars().collect())
                .collect();
            match letters.as_slice() {
                [a, b] if a.len() == 1 && b.len() == 1 => p.keyboard.push((a[0], b[0])),
                _ => problems.push(problem(
                    at(k.span()),
                    format!(
                        "keyboard rule \"{}\" is not one letter = one letter (\"і = и\")",
                        k.get_ref()
                    ),
                )),
            }
        }
        for f in raw.folds {
            match parse_fold(f.get_ref()) {
                Ok(fold) => p.folds.push(fold),
                Err(msg) => problems.push(problem(at(f.span()), msg)),
            }
        }
        (p, problems)
    }
}

/// The built-in profile of a language, if it has one.
pub fn builtin(code: &str) -> Option<&'static Profile> {
    static ALL: OnceLock<Vec<Profile>> = OnceLock::new();
    ALL.get_or_init(|| {
        BUILTIN
            .iter()
            // Built-in files are tested to parse without problems (`builtin_profiles_are_clean`).
            .map(|&(code, file, src)| {
                Profile::parse(code, Path::new(file), src, Source::BuiltIn(file)).0
            })
            .collect()
    })
    .iter()
    .find(|p| p.code == code)
}

/// The profile of every language: built in, from `locales/<code>/profile.toml`, or default.
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    loaded: BTreeMap<String, Arc<Profile>>,
    /// Transliteration tables (built in, or `locales/<code>/translit.txt`).
    translit: translit::Tables,
}

impl Profiles {
    /// Built-in profiles only.
    pub fn builtin() -> Profiles {
        Profiles {
            loaded: BTreeMap::new(),
            translit: translit::Tables::builtin(),
        }
    }

    /// The transliteration table of a language typed in Latin letters, if it has one.
    pub fn translit(&self, code: &str) -> Option<&translit::Table> {
        self.translit.by_lang.get(code).filter(|t| !t.is_empty())
    }

    /// Built-in profiles, replaced by `profile.toml` files in the language folders of
    /// `locales_dir`. Returns every problem of those files at file:line.
    pub fn load(locales_dir: &Path) -> (Profiles, Vec<Problem>) {
        let (translit, mut problems) = translit::Tables::load(locales_dir);
        let mut out = Profiles {
            loaded: BTreeMap::new(),
            translit,
        };
        for (code, file, src) in language_files(locales_dir, PROFILE_FILE, &mut problems) {
            let (p, pr) = Profile::parse(&code, &file, &src, Source::File(file.clone()));
            problems.extend(pr);
            out.loaded.insert(code, Arc::new(p));
        }
        (out, problems)
    }

    /// The profile of `code` (see the module docs for the order).
    pub fn get(&self, code: &str) -> Arc<Profile> {
        if let Some(p) = self.loaded.get(code) {
            return p.clone();
        }
        match builtin(code) {
            Some(p) => Arc::new(p.clone()),
            None => Arc::new(Profile::default_for(code)),
        }
    }
}

#[cfg(test)]
mod tests;
