//! Matching a question against the knowledge base.
//!
//! Every question variant in `faq/`, every `faq-<id>-title` of every language and every
//! out-of-scope example is analysed with its language's [`Analyzer`] (built from the
//! language's profile, [`crate::lang`]) and indexed. A query is analysed once per language
//! of its script (Latin text as German *and* Turkish, …) and scored against that language's
//! variants:
//!
//! - **small talk and filler first**: greetings, thanks and other small-talk phrases
//!   (`faq/smalltalk.toml`) and the profile's politeness formulas are found as whole phrases
//!   in the folded words (never after stop-word removal, so "wer bist du" can never shrink
//!   to a lone "wer") and taken out; what is left is matched. The message is small talk
//!   only when nothing but small talk, filler, stop words and question words is left;
//! - **token similarity** ([`token_sim`]): exact stem = 1; else OSA edit distance (strsim)
//!   within a budget that grows with token length ([`edit_budget`]); else a prefix/compound
//!   match ("kern" ~ "kerngrupp", "vereinbar" ~ "netzwerkvereinbar");
//! - **synonyms** (`faq/synonyms.toml`): a query word that matches a member of a group also
//!   matches every other member of the group ([`SYNONYM_SIM`]); phrases of several words
//!   ("ins Leben gerufen") are joined into one token in queries and variants alike;
//! - **weights**: inverse document frequency of a stem over the entries of its language
//!   (a synonym group counts as one word), so "wie"/"ne"/"что"/"ما" count little and
//!   "kerngruppe" a lot; a query word the entries never use weighs [`UNKNOWN_WEIGHT`] × the
//!   rarest known word (it is evidence that the question is about something else);
//! - **variant score**: recall weight × weighted share of the query covered by the variant +
//!   (1 − recall weight) × weighted share of the variant covered by the query, in [0, 1]; the
//!   recall weight falls from [`RECALL_WEIGHT`] to [`LONG_RECALL_WEIGHT`] as questions get
//!   longer, because a long question holds context besides what it asks;
//! - **context**: a query word missing from a variant but present in another text of the same
//!   entry (another variant, the title, the answer) counts [`CONTEXT_CREDIT`] of its weight;
//!   rarity is measured over each entry's full text;
//! - **best-variant score** of an entry: its best variant in any language; out-of-scope
//!   examples are scored the same way, but do not count for the weights;
//! - **ranking** ([`crate::classify`]): the model of the detected language (or of a language
//!   its writers mix in, when that reading knows more of the question's words) gives each entry
//!   (and "out of scope") a probability from the evidence of all its variants; an entry's
//!   ranking score blends it with the best-variant score ([`crate::classify::BLEND`]);
//! - **signals** ([`Signals`]) for the decision ([`crate::decide`]): the best out-of-scope
//!   score, content words the entries do not know, and whether the question names the
//!   network (a word that most entries' questions use, like "widunetz", "Netzwerk", "ağ",
//!   "сеть", "شبكة", or a form of address of the profile, like "ihr", "вы", "-kum").
//!
//! Candidates come from an inverted index (stem → variants), so only variants sharing a
//! (fuzzy) stem with the query are scored.

// FxHash (rustc's hasher): the maps here have small integer keys and are hashed on every
// query; SipHash's flooding resistance is not needed (keys come from our own content, queries
// only look up).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::classify::{self, Example, Model, QueryWord, Vocabulary};
use crate::content::SynonymGroup;
use crate::lang::Profiles;
use crate::lang::detect::{self, Signs};
use crate::lang::translit::Table;
use crate::text::phrase::PhraseSet;
use crate::text::{Analyzer, Script, script};

mod build;
mod cache;
mod expand;
mod model;
mod prerank;
mod query;
mod score;
mod search;
mod similarity;
mod skeleton;
mod spelling;
mod targets;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fast;
#[cfg(test)]
mod tests_readings;
mod view;
mod words;

pub use score::{length_share, recall_weight};
pub use similarity::{edit_budget, edit_sim, token_sim};

use build::collapse_phrases;
use cache::BuildCache;
#[cfg(test)]
use similarity::may_match;
use similarity::{affix_sim, gram_count, grams_of, need_shared};

/// Share of the score given to covering the query (vs covering the variant), for questions
/// of up to [`SHORT_QUERY`] words.
pub const RECALL_WEIGHT: f32 = 0.6;
/// Share given to covering the query for questions of [`LONG_QUERY`] words or more.
pub const LONG_RECALL_WEIGHT: f32 = 0.4;
/// See [`RECALL_WEIGHT`].
pub const SHORT_QUERY: usize = 3;
/// See [`LONG_RECALL_WEIGHT`].
pub const LONG_QUERY: usize = 8;
/// Word weights are `ln(1 + entries / entries using the word)` to this power: above 1 the
/// rare words that tell entries apart count more against the common ones.
pub const IDF_POWER: f32 = 1.5;
/// Weight of a query word unknown to the knowledge base, relative to the rarest known word,
/// in questions of up to [`SHORT_QUERY`] words.
pub const UNKNOWN_WEIGHT: f32 = 0.8;
/// The same in questions of [`LONG_QUERY`] words or more.
pub const LONG_UNKNOWN_WEIGHT: f32 = 0.4;
/// The share of that weight left to an unknown word read through a transliteration view
/// from a lower-case word (mostly a chat word the table read wrongly; chosen on the Latin
/// tuning sets, 0.25–0.5 alike).
pub const VIEW_UNKNOWN_SHARE: f32 = 0.5;
/// Skeleton readings ([`LangIndex::mend_view`]) only for words of at least this many
/// letters, and skeletons of at least this many letter classes (shorter ones fit too many
/// words).
pub const MIN_SKELETON_WORD: usize = 3;
pub const MIN_SKELETON: usize = 3;
/// A skeleton reading differs from the view word by at most this many edits (and at most
/// half its letters).
pub const MAX_SKELETON_EDITS: usize = 2;
/// In questions of [`LONG_QUERY`] words or more, a variant counts as carrying at least this
/// much information (× the rarest word's weight) when the share of it the question covers is
/// measured: a one-word variant of a common word is no full match of a long question.
pub const MIN_INFO: f32 = 1.0;
/// Credit for a query word that the variant lacks but the entry's other texts (variants,
/// title, answer) contain: people mix words from several phrasings and from the answer.
pub const CONTEXT_CREDIT: f32 = 0.5;
/// Similarity of a word to the other members of its synonym groups (a little under an exact
/// match: the wording of a variant itself is the better evidence).
pub const SYNONYM_SIM: f32 = 0.95;
/// A query word expands to the synonyms of a member only if it matches the member this well.
pub const SYNONYM_MIN_SIM: f32 = 0.8;
/// A query word that matches a word of the entries at least this well is known to them.
pub const KNOWN_SIM: f32 = 0.7;
/// A stem that the questions of at least this share of a language's entries use, in at
/// least two languages, is the network's name ("widunetz"); the members of its synonym
/// groups and the profile's `network` nouns ("Netzwerk", "ağ", "сеть", "شبكة") name the
/// network too…
pub const SELF_SHARE: f32 = 0.4;
/// … and at least this many entries.
pub const SELF_MIN_ENTRIES: usize = 3;

/// What a variant points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Index into `Faq::entries`.
    Entry(usize),
    /// Index into `Faq::smalltalk` (small-talk phrases are found as phrases, not scored).
    SmallTalk(usize),
    /// Index into `Faq::out_of_scope`: a question that must get the no-match reply.
    OutOfScope(usize),
}

/// A text to index: its target, language, the text itself, and whether it is a question
/// variant (scored as a whole) or context (an answer text: only lends words to its entry).
pub struct Doc<'a> {
    pub target: Target,
    pub lang: &'a str,
    pub text: &'a str,
    pub context: bool,
}

/// What a query says besides the scores of its words (for [`crate::decide`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signals {
    /// Small talk found in the message (and left out of the matching): the kind to answer
    /// (index into `Faq::smalltalk`). With no content words the message is only small talk.
    pub smalltalk: Option<usize>,
    /// Words that carry content (not small talk, filler, stop or question words).
    pub content_words: usize,
    /// Content words that no entry knows (unknown, or known only from out-of-scope examples).
    pub foreign_words: usize,
    /// Of those, the ones that may be names: not written in lower case by someone who
    /// writes capitals ("erklären" in a capitalised German question is no name; "Jobcenter"
    /// or an all-lower-case "jobcenter" may be).
    pub foreign_names: usize,
    /// Content words known only from the out-of-scope examples.
    pub out_of_scope_words: usize,
    /// The question names the network or addresses it.
    pub names_network: bool,
    /// The question names another organisation, office or place (`[names]` of
    /// `faq/out-of-scope.toml`: Caritas, Jobcenter, Tafel): `Some(true)` when the best
    /// entry's best-matching question names it too ("Hat die Caritas die Vereinbarung
    /// unterschrieben?" against a question about the signers), `Some(false)` when not.
    pub names_other: Option<bool>,
    /// Best score of an out-of-scope example.
    pub out_of_scope: f32,
    /// The best entry's best question names the network where this question has a word of
    /// its own instead ("Wann wurde Herford gegründet?" against "Wann wurde widunetz
    /// gegründet?"), and this question names nothing of the network nor refers back to it.
    pub other_subject: bool,
    /// The question refers by a pronoun to something named before ("what did they achieve
    /// so far?", "how is it built up?"): in a chat with the network's bot, the network. Such
    /// a question has no subject of its own ([`Signals::other_subject`]).
    pub refers_back: bool,
    /// The model's probability ([`crate::classify`]) that the question is out of scope.
    pub none: f32,
    /// The model's probability of the best-ranked entry.
    pub best_prob: f32,
}

/// A stem of the query.
#[derive(Debug, Clone)]
struct QueryStem {
    stem: String,
    /// A question word.
    question: bool,
    /// Written in lower case by someone who writes capitals (see [`Signals::foreign_names`]).
    lower: bool,
    /// Read through a transliteration view from a word written in lower case: an unknown
    /// one is mostly a chat word the table read wrongly, not new content.
    misread: bool,
}

/// How the best variant of a target covers the query.
#[derive(Debug, Clone, Copy, Default)]
struct Detail {
    /// Query words (bit i: the i-th query stem) the variant has.
    covered: u64,
    /// Content words of the query the variant does not have.
    uncovered: u64,
    /// The variant has a word that names the network.
    names_network: bool,
    /// The language (index into [`Index::langs`]) of the variant.
    lang: usize,
}

struct Variant {
    /// Index into [`LangIndex::targets`].
    target: u32,
    /// Its stems: `toks[start..start + len]` of [`LangIndex::toks`] (one flat vector instead
    /// of a `Vec` per variant: millions of variants at scale).
    start: u32,
    len: u32,
    idf_sum: f32,
}

/// A character bigram of a padded stem (`^` + stem + `$`).
type Gram = [char; 2];
/// A stem with a bigram ([`LangIndex::grams`]): (stem, its length, the bigram's count).
type GramEntry = (u32, u16, u8);
/// The stems with a bigram ([`GramEntry`], by length then stem), and per length `x`
/// (`0..=` the longest stem's + 1) the index of the first entry of length `x` or more
/// (made by [`LangIndex::sort_fuzzy_stems`]): a window of lengths is two reads, not two
/// binary searches.
#[derive(Default)]
struct GramList {
    entries: Vec<GramEntry>,
    from_len: Vec<u32>,
}
const PAD_START: char = '\u{2}';
const PAD_END: char = '\u{3}';

struct LangIndex {
    code: String,
    script: Option<Script>,
    analyzer: Analyzer,
    /// What tells this language from the others of its script (language detection).
    signs: Signs,
    /// The profile's pronouns, folded ([`Signals::refers_back`]).
    pronouns: HashSet<String>,
    /// The profile's pronoun endings ("-ش"), folded, longest first
    /// ([`LangIndex::pronoun_stem`]).
    pronoun_endings: Vec<String>,
    /// Letters a word loses in front of a pronoun ending, folded (profile `pronoun_elides`).
    pronoun_elides: Vec<String>,
    /// The pronoun word an ending stands for (none without endings).
    pronoun_word: Option<String>,
    /// Reads a query typed in Latin letters in this language's script (Russian, Arabic).
    translit: Option<Table>,
    tok_chars: Vec<Vec<char>>,
    /// Per padded bigram: (stem, its length in characters, how often the bigram occurs in
    /// it), by length, then stem. Candidate generation for fuzzy stems: only stems of the
    /// lengths an edit can reach (one range of each list) sharing enough bigrams with a
    /// query stem are compared. With each list, per length `x` up to its longest stem's
    /// plus one, where its stems of length `x` or more start ([`GramList`]).
    grams: HashMap<Gram, GramList>,
    /// The fuzzy stems (those with bigrams) in the order of their letters, and of their
    /// letters read backwards: the stems a query stem is a prefix or suffix of, or that are
    /// one of it, are ranges of these ([`LangIndex::expand`]).
    by_letters: Vec<u32>,
    by_ending: Vec<u32>,
    idf: Vec<f32>,
    max_idf: f32,
    postings: Vec<Vec<u32>>,
    toks: Vec<u32>,
    variants: Vec<Variant>,
    /// The targets with texts in this language; below, "target" is an index into this.
    targets: Vec<Target>,
    /// Per target: every stem of its texts in this language (sorted).
    context: Vec<Vec<u32>>,
    /// Per stem: entry targets whose context has it (out-of-scope examples do not count).
    context_postings: Vec<Vec<u32>>,
    /// Per target: its variants.
    target_variants: Vec<Vec<u32>>,
    /// Folded (unstemmed) words of this language's texts plus its stop words: evidence for
    /// language detection.
    known_words: HashSet<String>,
    /// Known words as typed on a neighbour's keyboard, and the word each stands for
    /// ([`LangIndex::keyboard_words`]).
    keyboard_words: HashMap<String, String>,
    /// Raw (white-space-separated, unfolded) words of this language's texts other than
    /// answers → [`LangIndex::fold_raw_word`] of their fold: most words of a query are
    /// words of the texts, and one lookup costs less than folding them
    /// ([`LangIndex::cache_raw_words`]).
    raw_folds: HashMap<String, (usize, Vec<String>)>,
    /// Known words (three letters or more) by their skeleton in the transliteration table's
    /// letter classes, sorted: the readings a misread view word may have meant.
    skeletons: HashMap<String, Vec<String>>,
    /// Raw words of the content of the languages written in Latin letters → their
    /// transliteration view in this language ([`LangIndex::cache_view_words`]).
    view_words: HashMap<String, view::ViewWord>,
    /// Small-talk phrases (folded words), tagged with their index into `Faq::smalltalk`.
    smalltalk: PhraseSet,
    /// Per stem: the synonym groups it belongs to (indices into `groups`).
    groups_of: HashMap<u32, Vec<u32>>,
    /// Synonym groups: their stems.
    groups: Vec<Vec<u32>>,
    /// Synonym phrases of several stems: first stem → (stems, joined token), longest first.
    syn_phrases: HashMap<String, Vec<(Vec<String>, String)>>,
    /// Joined synonym phrase tokens → stem id (they are not fuzzy-matched).
    joined: HashMap<String, u32>,
    /// Per stem: used by an out-of-scope example.
    in_oos: Vec<bool>,
    /// Stems that name the network (see [`SELF_SHARE`]).
    self_stems: Vec<u32>,
    /// `self_stems` as a bit set ([`bits_of`]).
    self_bits: Vec<u64>,
    /// Stems of the profile's question words.
    question_stems: HashSet<String>,
    /// The stem of every folded word of the content that is stemmed (not a stop or
    /// question word; non-empty stems), and of the words of the other languages a query in
    /// this language's script (or typed in Latin letters, for a transliteration) is read
    /// with ([`LangIndex::foreign`]): queries mostly use the content's words, and the
    /// stemmer allocates on every call. Always the stemmer's own result. Only while
    /// building: then moved into `words`.
    stem_of: HashMap<String, String>,
    /// Folded words → their `stem_of` stem and flags ([`LangIndex::make_words`]).
    words: HashMap<String, words::Word>,
    /// Vocabulary id of each stem (joined synonym phrases are in `joined`).
    vocab_id: HashMap<String, u32>,
    /// Per vocabulary id: [`LangIndex::expand`] of the stem itself and whether it is
    /// [`LangIndex::known`], made once at build time (a query word is mostly a stem of the
    /// content, and finding its fuzzy matches is most of the work of scoring).
    expansions: Vec<Expansion>,
    /// The same for the stems this language makes of the other languages' words of its
    /// script (a German question is read as Turkish and English too, and its words are no
    /// stems of theirs): key → index into `foreign_expansions`.
    foreign_id: HashMap<String, u32>,
    foreign_expansions: Vec<Expansion>,
    /// The model's n-gram features ([`Model::gram_features`]) of each vocabulary stem and
    /// of each key of `foreign_id`, made once (every query word is looked up by n-grams).
    vocab_grams: model::Lists,
    foreign_grams: model::Lists,
    /// The trained model ([`crate::classify`]) with its classes: one per entry target (in
    /// `class_targets`), then "none" (the out-of-scope examples).
    model: Option<Model>,
    class_targets: Vec<Target>,
    /// Per entry index (`Target::Entry(i)`): its class, if it has texts in this language.
    class_of_entry: HashMap<usize, u32>,
    /// Names of other subjects, as stem sequences ([`Signals::names_other`]), sorted
    /// ([`LangIndex::names_in`] finds those of a first stem by binary search).
    other_names: Vec<Vec<String>>,
    /// The first stems of [`Self::other_names`]: a stem that is none of them starts no name
    /// (one hash look-up instead of two binary searches of the names).
    name_firsts: HashSet<String>,
}

/// Everything one language says about a query.
struct LangResult {
    /// Per target with a candidate variant: its best variant's score and how that variant
    /// covers the query (default details where no variant scores above 0).
    scores: Vec<(Target, f32, Detail)>,
    known: f32,
    signals: Signals,
    /// The query words as matched (stem, fuzzy matches), for the model.
    words: Vec<Word>,
    /// Stems of the names of other subjects in the query ([`Signals::names_other`]).
    names: Vec<String>,
}

impl LangResult {
    /// The best score of an entry (0 without one).
    fn top_entry(&self) -> f32 {
        self.scores
            .iter()
            .filter(|(t, _, _)| matches!(t, Target::Entry(_)))
            .map(|&(_, s, _)| s)
            .fold(0.0f32, f32::max)
    }

    /// The result of a reading that is not scored (it cannot change the outcome), with its
    /// known share.
    fn empty(known: f32) -> LangResult {
        LangResult {
            scores: Vec::new(),
            known,
            signals: Signals::default(),
            words: Vec::new(),
            names: Vec::new(),
        }
    }
}

/// The fuzzy matches of a stem (vocabulary id, similarity) and whether it is
/// [`LangIndex::known`].
type Expansion = (Vec<(u32, f32)>, bool);

/// A query stem and its fuzzy matches in the vocabulary (id, similarity).
type Word = (String, WordMatches);

/// The fuzzy matches of a query stem: those of a vocabulary stem were made at build time
/// ([`LangIndex::expansions`]) and are only pointed at, not copied.
enum WordMatches {
    /// A vocabulary id.
    Vocab(u32),
    /// An index into [`LangIndex::foreign_expansions`].
    Foreign(u32),
    /// Matches made for this query, and whether the word is [`LangIndex::known`].
    Own(Vec<(u32, f32)>, bool),
}

impl WordMatches {
    /// The matches and whether the word is known.
    fn get<'a>(&'a self, li: &'a LangIndex) -> (&'a [(u32, f32)], bool) {
        match self {
            WordMatches::Vocab(id) => {
                let (ex, known) = &li.expansions[*id as usize];
                (ex, *known)
            }
            WordMatches::Foreign(id) => {
                let (ex, known) = &li.foreign_expansions[*id as usize];
                (ex, *known)
            }
            WordMatches::Own(ex, known) => (ex, *known),
        }
    }
}

/// What [`LangIndex::score`] finds: scores with details per target, signals, query words.
type Scored = (Vec<(Target, f32, Detail)>, Signals, Vec<Word>);

/// Up to this many entries per language the model scores every entry for a query; above it
/// only the matcher's best [`MODEL_CANDIDATES`] (and "none").
pub const MODEL_ALL_CLASSES: usize = 64;
/// See [`MODEL_ALL_CLASSES`].
pub const MODEL_CANDIDATES: usize = 64;

/// Up to this many candidate postings a query is scored exhaustively (every variant sharing
/// a fuzzy stem, directly or through its entry's context). Above it (large knowledge bases)
/// candidates are pre-ranked by a cheap weighted overlap and only the best
/// [`MAX_SCORED`] variants are scored in full, so the work per query stays bounded.
pub const EXHAUSTIVE_POSTINGS: usize = 2_000;
/// Variants scored in full per language when pre-ranking is on.
pub const MAX_SCORED: usize = 400;
/// When pre-ranking, a stem whose posting list is longer than this is skipped in the
/// pre-ranking pass if the query has rarer stems (it is nearly a stop word: low weight,
/// and it cannot separate entries). It still counts in the full score.
pub const MAX_PRERANK_POSTINGS: usize = 50_000;
/// When pre-ranking, stems (rarest first) add new candidates only until there are
/// [`prerank_hits`] of them; the commoner stems then only raise the estimate of candidates
/// found so far. Bounds the candidates to estimate and rank per query.
pub const MAX_PRERANK_HITS: usize = 30_000;
/// The fewest candidates [`prerank_hits`] allows.
pub const MIN_PRERANK_HITS: usize = 10_000;

/// How many candidates pre-ranking creates in a language of `variants` variants: a sixth of
/// them, within [`MIN_PRERANK_HITS`]..=[`MAX_PRERANK_HITS`]. Estimating and selecting the
/// candidates is most of a large query's work; on the 10k bench (60,000 variants per
/// language) 10,000 candidates rank the same best entries as 30,000 (top-1 0.991 either
/// way) in about two thirds of the time, while at 100k (600,000 per language, where the
/// rarest stem alone has more postings than that) fewer than 30,000 lose answers (top-1 0.93
/// → 0.82 at 10,000). Below 60,000 variants (the shipped content, 1k) no language has more
/// candidates than the floor, so nothing changes there.
pub fn prerank_hits(variants: usize) -> usize {
    (variants / 6).clamp(MIN_PRERANK_HITS, MAX_PRERANK_HITS)
}
/// The evidence of a transliteration view counts this much of the language's own script's
/// (a Latin-script language that fits as well wins).
pub const TRANSLIT_SHARE: f32 = 0.8;

pub struct Index {
    langs: Vec<LangIndex>,
}

/// Scores of one query.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// Best score per entry, best first (out-of-scope examples are in `signals`).
    pub ranked: Vec<(Target, f32)>,
    /// The language the query is most likely written in.
    pub detected_lang: Option<String>,
    /// The language the text alone reads as, when the hint made `detected_lang` another.
    pub written_lang: Option<String>,
    /// Another language the text may be in: one whose writers mix in the detected one's
    /// words and type on its keyboard, when the text shows no letter or word that only the
    /// detected language has and the hint names neither (see `search_hinted`).
    pub undecided_lang: Option<String>,
    /// Small talk, unknown words, out-of-scope score, names of the network (detected language).
    pub signals: Signals,
    /// What the ranking blends, per entry: (entry, best-variant score, model probability),
    /// in no particular order (for tools that choose thresholds: `examples/scores.rs`).
    pub evidence: Vec<(Target, f32, f32)>,
}

impl LangIndex {
    /// The query words (bit i: `words[i]`) that the texts of `entry` in this language use
    /// (one of its questions, its title or its answer), or a word within typo distance of
    /// one ([`KNOWN_SIM`]).
    fn entry_uses(&self, entry: usize, words: &[Word]) -> u64 {
        let Some(ti) = self.targets.iter().position(|&t| t == Target::Entry(entry)) else {
            return 0;
        };
        let context = &self.context[ti];
        let mut bits = 0u64;
        for (i, (_, m)) in words.iter().enumerate().take(64) {
            let (matches, _) = m.get(self);
            if matches
                .iter()
                .any(|&(id, s)| s >= KNOWN_SIM && context.binary_search(&id).is_ok())
            {
                bits |= 1 << i;
            }
        }
        bits
    }
}

/// The bit set of `ids` (bit `i % 64` of word `i / 64`), as long as its largest id needs.
fn bits_of(ids: &[u32]) -> Vec<u64> {
    let mut bits = vec![0u64; ids.iter().max().map_or(0, |&m| m as usize / 64 + 1)];
    for &i in ids {
        bits[i as usize / 64] |= 1 << (i % 64);
    }
    bits
}

/// Is `id` in the bit set [`bits_of`] made?
fn has_bit(bits: &[u64], id: u32) -> bool {
    bits.get(id as usize / 64)
        .is_some_and(|w| w & (1 << (id % 64)) != 0)
}
