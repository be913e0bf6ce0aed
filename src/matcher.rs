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
//! - **entry score**: its best variant in any language; out-of-scope examples are scored the
//!   same way, but do not count for the weights;
//! - **signals** ([`Signals`]) for the decision ([`crate::decide`]): the best out-of-scope
//!   score, content words the entries do not know, and whether the question names the
//!   network (a word that most entries' questions use, like "widunetz", "Netzwerk", "ağ",
//!   "сеть", "شبكة", or a form of address of the profile, like "ihr", "вы", "-kum").
//!
//! Candidates come from an inverted index (stem → variants), so only variants sharing a
//! (fuzzy) stem with the query are scored.

use std::hash::{BuildHasherDefault, Hasher};

use crate::content::SynonymGroup;
use crate::lang::Profiles;
use crate::lang::detect::{self, Signs};
use crate::lang::translit::Table;
use crate::text::phrase::PhraseSet;
use crate::text::{Analyzer, Script, script};

/// FxHash (as in rustc): the maps here have small integer keys and are hashed on every
/// query; SipHash's flooding resistance is not needed (keys come from our own content,
/// queries only look up).
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i.into());
    }
    fn write_u32(&mut self, i: u32) {
        self.add(i.into());
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fx>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fx>>;

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
    /// Best score of an out-of-scope example.
    pub out_of_scope: f32,
    /// The best entry's best question names the network where this question has a word of
    /// its own instead ("Wann wurde Herford gegründet?" against "Wann wurde widunetz
    /// gegründet?"), and this question names nothing of the network.
    pub other_subject: bool,
}

/// A stem of the query.
#[derive(Debug, Clone)]
struct QueryStem {
    stem: String,
    /// A question word.
    question: bool,
    /// Written in lower case by someone who writes capitals (see [`Signals::foreign_names`]).
    lower: bool,
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
const PAD_START: char = '\u{2}';
const PAD_END: char = '\u{3}';

struct LangIndex {
    code: String,
    script: Option<Script>,
    analyzer: Analyzer,
    /// What tells this language from the others of its script (language detection).
    signs: Signs,
    /// Reads a query typed in Latin letters in this language's script (Russian, Arabic).
    translit: Option<Table>,
    tok_chars: Vec<Vec<char>>,
    /// Per padded bigram: (stem, how often the bigram occurs in it). Candidate generation
    /// for fuzzy stems: only stems sharing enough bigrams with a query stem are compared.
    grams: HashMap<Gram, Vec<(u32, u8)>>,
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
    self_stems: HashSet<u32>,
    /// Stems of the profile's question words.
    question_stems: HashSet<String>,
}

/// Everything one language says about a query.
struct LangResult {
    scores: HashMap<Target, f32>,
    details: HashMap<Target, Detail>,
    known: f32,
    signals: Signals,
}

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
/// When pre-ranking, stems (rarest first) add new candidates only until there are this many;
/// the commoner stems then only raise the estimate of candidates found so far. Bounds the
/// candidates to estimate and rank per query.
pub const MAX_PRERANK_HITS: usize = 30_000;
/// The evidence of a transliteration view counts this much of the language's own script's
/// (a Latin-script language that fits as well wins).
pub const TRANSLIT_SHARE: f32 = 0.8;

pub struct Index {
    langs: Vec<LangIndex>,
}

/// Scores of one query.
#[derive(Debug, Clone)]
pub struct Matches {
    /// Best score per entry, best first (out-of-scope examples are in `signals`).
    pub ranked: Vec<(Target, f32)>,
    /// The language the query is most likely written in.
    pub detected_lang: Option<String>,
    /// Small talk, unknown words, out-of-scope score, names of the network (detected language).
    pub signals: Signals,
}

/// Allowed edits for a token of `len` characters: short words must be exact.
pub fn edit_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        7..=10 => 2,
        _ => 3,
    }
}

/// The edit-distance part of [`token_sim`]: 0 unless within the edit budget.
pub fn edit_sim(q: &[char], t: &[char]) -> f32 {
    if q == t {
        return 1.0;
    }
    let (short, long) = if q.len() <= t.len() { (q, t) } else { (t, q) };
    let budget = edit_budget(short.len());
    if long.len() - short.len() > budget {
        return 0.0;
    }
    let d = strsim::generic_damerau_levenshtein(q, t);
    if d <= budget {
        (1.0 - 1.5 * d as f32 / long.len() as f32).max(0.0)
    } else {
        0.0
    }
}

/// Similarity of two stems in [0, 1] (see module docs).
pub fn token_sim(q: &[char], t: &[char]) -> f32 {
    if q == t {
        return 1.0;
    }
    let (short, long) = if q.len() <= t.len() { (q, t) } else { (t, q) };
    let budget = edit_budget(short.len());
    let mut best = 0.0f32;
    if long.len() - short.len() <= budget {
        let d = strsim::generic_damerau_levenshtein(q, t);
        if d <= budget {
            // An edit costs more than its share of letters: "haus" is not quite "maus".
            best = (1.0 - 1.5 * d as f32 / long.len() as f32).max(0.0);
        }
    }
    if short.len() >= 4 && (long.starts_with(short) || (short.len() >= 5 && long.ends_with(short)))
    {
        best = best.max(0.5 + 0.4 * short.len() as f32 / long.len() as f32);
    }
    best
}

impl Index {
    /// An index with the built-in language profiles and no synonyms.
    pub fn build(docs: &[Doc<'_>]) -> Index {
        Index::build_with(docs, &Profiles::builtin(), &[])
    }

    /// An index with the given language profiles and synonym groups.
    pub fn build_with(docs: &[Doc<'_>], profiles: &Profiles, synonyms: &[SynonymGroup]) -> Index {
        let mut codes: Vec<&str> = docs.iter().map(|d| d.lang).collect();
        codes.sort();
        codes.dedup();
        // Languages are independent: build them in parallel (the index build of a large
        // knowledge base is seconds of analysis).
        let langs = std::thread::scope(|scope| {
            let handles: Vec<_> = codes
                .into_iter()
                .map(|code| {
                    let profile = profiles.get(code);
                    let translit = profiles.translit(code).cloned();
                    scope.spawn(move || {
                        let mut li = LangIndex::build(
                            code,
                            docs,
                            Analyzer::from_profile(&profile),
                            synonyms,
                        );
                        li.signs = Signs::from_profile(&profile);
                        // A language without a script in its profile: its content's script.
                        li.signs.script = li.script;
                        li.translit = translit.filter(|_| li.script != Some(Script::Latin));
                        li
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect::<Vec<LangIndex>>()
        });
        let mut langs = langs;
        // The network's name: a word most entries' questions use in at least two languages.
        let mut seen: HashMap<String, usize> = HashMap::default();
        for li in &langs {
            for c in li.self_candidates() {
                *seen.entry(c).or_default() += 1;
            }
        }
        let names: HashSet<String> = seen
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(c, _)| c)
            .collect();
        for li in &mut langs {
            li.keep_self_stems(&names);
        }
        Index { langs }
    }

    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| l.code.as_str())
    }

    /// Scores `query` against every language of its script.
    pub fn search(&self, query: &str) -> Matches {
        self.search_hinted(query, None)
    }

    /// Scores `query` against every language of its script, and, for a query in Latin
    /// letters, against the languages with a transliteration table (Russian, Arabic typed in
    /// Latin letters). `hint` (the person's client language) breaks thin ties of detection.
    pub fn search_hinted(&self, query: &str, hint: Option<&str>) -> Matches {
        let mut best: HashMap<Target, (f32, Detail)> = HashMap::default();
        // The languages of the dominant script, and of any other script with at least a third
        // of its weight ("ما هي Kerngruppe؟" is Arabic with a German word in it).
        let scripts = detect::scripts(query);
        if scripts.is_empty() {
            return Matches {
                ranked: Vec::new(),
                detected_lang: None,
                signals: Signals::default(),
            };
        }
        let text = detect::Text::new(query);
        // (index, result, evidence, read through a transliteration view)
        let mut results: Vec<(usize, LangResult, f32, bool)> = Vec::new();
        let evidence = |r: &LangResult, signs: f32| {
            let mut top = 0.0f32;
            for (&t, &s) in &r.scores {
                if let Target::Entry(_) = t {
                    top = top.max(s);
                }
            }
            let small = if r.signals.smalltalk.is_some() && r.signals.content_words == 0 {
                1.0
            } else {
                0.0
            };
            0.5 * top.max(small) + 0.5 * r.known + signs
        };
        for (li_index, li) in self.langs.iter().enumerate() {
            if li.script.is_some_and(|s| scripts.contains(&s)) {
                let r = li.search(query);
                let e = evidence(&r, li.signs.evidence(&text));
                results.push((li_index, r, e, false));
            } else if let Some(table) = li.translit.as_ref().filter(|_| scripts.contains(&Script::Latin)) {
                let view = table.view(query, |w| {
                    w.split(|c: char| !c.is_alphanumeric())
                        .filter(|p| !p.is_empty())
                        .all(|p| li.known_words.contains(p))
                });
                if view == query {
                    continue;
                }
                let r = li.search(&view);
                let e = TRANSLIT_SHARE * evidence(&r, li.signs.evidence(&detect::Text::new(&view)));
                results.push((li_index, r, e, true));
            }
        }
        let cands: Vec<(&str, f32)> = results
            .iter()
            .map(|(i, _, e, _)| (self.langs[*i].code.as_str(), *e))
            .collect();
        let detected = if results.len() == 1 {
            Some(0)
        } else {
            detect::pick(&cands, hint)
        };
        // Scores of a transliteration view count only when its language is the one detected:
        // a German or Turkish question read as Russian must not find a Russian variant.
        for (k, (li_index, r, _, translit)) in results.iter().enumerate() {
            if *translit && detected != Some(k) {
                continue;
            }
            for (&t, &s) in &r.scores {
                let e = best.entry(t).or_insert((0.0, Detail::default()));
                if s > e.0 {
                    let mut d = r.details.get(&t).copied().unwrap_or_default();
                    d.lang = *li_index;
                    *e = (s, d);
                }
            }
        }
        let mut signals = detected
            .map(|i| results[i].1.signals.clone())
            .unwrap_or_default();
        let detected_lang = detected.map(|i| self.langs[results[i].0].code.clone());
        // Through a transliteration view, a word no entry knows is mostly a spelling the
        // table read differently, not a name of another subject.
        if detected.is_some_and(|i| results[i].3) {
            signals.foreign_names = 0;
        }
        let mut ranked: Vec<(Target, f32)> = Vec::with_capacity(best.len());
        let mut details: HashMap<Target, Detail> = HashMap::default();
        for (t, (s, d)) in best {
            match t {
                Target::Entry(_) => {
                    ranked.push((t, s));
                    details.insert(t, d);
                }
                Target::OutOfScope(_) => signals.out_of_scope = signals.out_of_scope.max(s),
                Target::SmallTalk(_) => {}
            }
        }
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| target_key(a.0).cmp(&target_key(b.0)))
        });
        // Another subject: the best entry's question names the network where this question
        // has a word of its own — a word that the next entries' questions do not have either
        // (else it is a question that mixes two entries: "Сколько участников в проектной
        // группе?").
        if let Some(d) = ranked.first().and_then(|(t, _)| details.get(t)) {
            let mut own = d.uncovered;
            for (t, _) in ranked.iter().skip(1).take(2) {
                if let Some(o) = details.get(t).filter(|o| o.lang == d.lang) {
                    own &= !o.covered;
                }
            }
            signals.other_subject = !signals.names_network && d.names_network && own != 0;
        }
        Matches {
            ranked,
            detected_lang,
            signals,
        }
    }
}

fn target_key(t: Target) -> (u8, usize) {
    match t {
        Target::Entry(i) => (0, i),
        Target::SmallTalk(i) => (1, i),
        Target::OutOfScope(i) => (2, i),
    }
}

/// Padded bigrams of a stem with their counts (a multiset, few entries).
fn grams_of(chars: &[char]) -> Vec<(Gram, u8)> {
    let mut out: Vec<(Gram, u8)> = Vec::with_capacity(chars.len() + 1);
    let mut prev = PAD_START;
    for &c in chars.iter().chain(std::iter::once(&PAD_END)) {
        let g = [prev, c];
        match out.iter_mut().find(|(h, _)| *h == g) {
            Some((_, n)) => *n = n.saturating_add(1),
            None => out.push((g, 1)),
        }
        prev = c;
    }
    out
}

/// Could `token_sim(q, t)` be > 0, given that their padded bigram multisets share `shared`?
/// Exact filter (no false negatives), so candidate generation changes no result:
/// - an OSA edit (insertion, deletion, substitution, adjacent transposition) destroys at
///   most 3 bigrams, so `d` edits leave at least `max(|q|, |t|) + 1 - 3d` shared bigrams;
/// - a prefix or suffix match of the shorter stem shares at least its `len - 1` inner
///   bigrams.
fn may_match(lq: usize, lt: usize, shared: usize) -> bool {
    let (short, long) = if lq <= lt { (lq, lt) } else { (lt, lq) };
    let budget = edit_budget(short);
    let edit = long - short <= budget && shared + 3 * budget > long;
    let affix = short >= 4 && shared + 1 >= short;
    edit || affix
}

/// Build-time caches: a knowledge base repeats its words thousands of times, and folding
/// and stemming are most of the index build. Word by word folding equals folding the whole
/// text: every folding step and every one-word fold works within white-space-separated
/// words (none joins or splits across white space); folds of several words are applied to
/// the token list afterwards; texts over the length cap take the whole-text path.
#[derive(Default)]
struct BuildCache {
    /// Raw word → its folded tokens (indices into `folded`).
    words: HashMap<String, Vec<u32>>,
    folded_ids: HashMap<String, u32>,
    folded: Vec<Folded>,
    stem_ids: HashMap<String, u32>,
    /// Stem → vocabulary id, assigned on first use by a text (`u32::MAX`: not yet).
    stem_vocab: Vec<(String, u32)>,
}

/// A folded token of the build cache.
struct Folded {
    text: String,
    /// Its stem (index into `stem_vocab`; `None`: stop word or empty stem).
    stem: Option<u32>,
    /// Already in `known_words`.
    known: bool,
    /// A fold of several words or a filler phrase starts with it: the slow path.
    starts_phrase: bool,
}

impl BuildCache {
    fn folded_id(&mut self, analyzer: &Analyzer, t: &str) -> u32 {
        if let Some(&id) = self.folded_ids.get(t) {
            return id;
        }
        let stem = if analyzer.is_stopword(t) {
            None
        } else {
            // Question words are not stemmed: "neden" (why) is not "ne" (what).
            let s = if analyzer.is_question_word(t) {
                t.to_string()
            } else {
                analyzer.stem(t.to_string())
            };
            if s.is_empty() {
                None
            } else {
                let next = self.stem_vocab.len() as u32;
                let sid = *self.stem_ids.entry(s.clone()).or_insert(next);
                if sid == next {
                    self.stem_vocab.push((s, u32::MAX));
                }
                Some(sid)
            }
        };
        let id = self.folded.len() as u32;
        self.folded.push(Folded {
            text: t.to_string(),
            stem,
            known: false,
            starts_phrase: analyzer.starts_phrase_fold(t) || analyzer.starts_filler(t),
        });
        self.folded_ids.insert(t.to_string(), id);
        id
    }

    /// Folded tokens of `text` (at most [`crate::text::MAX_TOKENS`]), as indices, as
    /// [`Analyzer::folded_tokens`] gives them.
    fn fold(&mut self, analyzer: &Analyzer, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        if text.len() > crate::text::MAX_CHARS && text.chars().count() > crate::text::MAX_CHARS {
            for t in analyzer.folded_tokens(text) {
                out.push(self.folded_id(analyzer, &t));
            }
            return out;
        }
        for w in text.split_whitespace() {
            let ids = match self.words.get(w) {
                Some(ids) => ids.clone(),
                None => {
                    let ids: Vec<u32> = analyzer
                        .base_tokens(w)
                        .iter()
                        .map(|t| self.folded_id(analyzer, t))
                        .collect();
                    self.words.insert(w.to_string(), ids.clone());
                    ids
                }
            };
            out.extend(ids);
            if out.len() >= crate::text::MAX_TOKENS {
                out.truncate(crate::text::MAX_TOKENS);
                break;
            }
        }
        if out
            .iter()
            .any(|&f| analyzer.starts_phrase_fold(&self.folded[f as usize].text))
        {
            let toks: Vec<String> = out
                .iter()
                .map(|&f| self.folded[f as usize].text.clone())
                .collect();
            out = analyzer
                .fold_phrases(toks)
                .iter()
                .map(|t| self.folded_id(analyzer, t))
                .collect();
        }
        out
    }
}

/// Replaces runs of stems that form a synonym phrase by the phrase's joined token.
fn collapse_phrases(
    phrases: &HashMap<String, Vec<(Vec<String>, String)>>,
    stems: Vec<(String, bool)>,
) -> Vec<(String, bool)> {
    if phrases.is_empty() || !stems.iter().any(|(s, _)| phrases.contains_key(s)) {
        return stems;
    }
    let mut out = Vec::with_capacity(stems.len());
    let mut i = 0;
    'outer: while i < stems.len() {
        if let Some(list) = phrases.get(&stems[i].0) {
            for (seq, joined) in list {
                if stems.len() - i >= seq.len()
                    && stems[i..i + seq.len()]
                        .iter()
                        .zip(seq)
                        .all(|((a, _), b)| a == b)
                {
                    out.push((joined.clone(), false));
                    i += seq.len();
                    continue 'outer;
                }
            }
        }
        out.push(stems[i].clone());
        i += 1;
    }
    out
}

impl LangIndex {
    fn build(
        code: &str,
        docs: &[Doc<'_>],
        analyzer: Analyzer,
        synonyms: &[SynonymGroup],
    ) -> LangIndex {
        let mut li = LangIndex {
            code: code.to_string(),
            script: analyzer.script(),
            analyzer,
            signs: Signs::default(),
            translit: None,
            tok_chars: Vec::new(),
            grams: HashMap::default(),
            idf: Vec::new(),
            max_idf: 1.0,
            postings: Vec::new(),
            toks: Vec::new(),
            variants: Vec::new(),
            targets: Vec::new(),
            context: Vec::new(),
            context_postings: Vec::new(),
            target_variants: Vec::new(),
            known_words: HashSet::default(),
            smalltalk: PhraseSet::new(),
            groups_of: HashMap::default(),
            groups: Vec::new(),
            syn_phrases: HashMap::default(),
            joined: HashMap::default(),
            in_oos: Vec::new(),
            self_stems: HashSet::default(),
            question_stems: HashSet::default(),
        };
        let mut letters: Vec<(Script, usize)> = Vec::new();
        let mut cache = BuildCache::default();
        // Synonym groups first, so their phrases are joined in every text below.
        for g in synonyms {
            let mut members: Vec<u32> = Vec::new();
            for m in g.in_lang(code) {
                let folded = cache.fold(&li.analyzer, &m.text);
                li.mark_known(&mut cache, &folded);
                let seq = li.stem_seq(&mut cache, &folded);
                let id = match seq.len() {
                    0 => continue,
                    1 => seq[0],
                    _ => li.joined_token(&seq),
                };
                if !members.contains(&id) {
                    members.push(id);
                }
            }
            if members.len() < 2 {
                continue;
            }
            let gi = li.groups.len() as u32;
            for &m in &members {
                li.groups_of.entry(m).or_default().push(gi);
            }
            li.groups.push(members);
        }
        let mut tindex: HashMap<Target, u32> = HashMap::default();
        let mut is_oos: Vec<bool> = Vec::new();
        for d in docs.iter().filter(|d| d.lang == code) {
            if let Target::SmallTalk(i) = d.target {
                let toks = li.analyzer.folded_tokens(d.text);
                for t in &toks {
                    li.known_words.insert(t.clone());
                }
                li.smalltalk.add(toks, i);
                continue;
            }
            for (s, n) in script::counts(d.text) {
                match letters.iter_mut().find(|(t, _)| *t == s) {
                    Some((_, m)) => *m += n,
                    None => letters.push((s, n)),
                }
            }
            // Known words come from each line, stems from the whole text; answer texts are
            // long: analyse them line by line so no part is cut off.
            let ids = if d.context {
                let mut all: Vec<u32> = Vec::new();
                for line in d.text.lines() {
                    let folded = cache.fold(&li.analyzer, line);
                    li.mark_known(&mut cache, &folded);
                    for id in li.stems(&mut cache, &folded) {
                        if !all.contains(&id) {
                            all.push(id);
                        }
                    }
                }
                all
            } else if !d.text.contains('\n') {
                let folded = cache.fold(&li.analyzer, d.text);
                li.mark_known(&mut cache, &folded);
                li.stems(&mut cache, &folded)
            } else {
                for line in d.text.lines() {
                    let folded = cache.fold(&li.analyzer, line);
                    li.mark_known(&mut cache, &folded);
                }
                let folded = cache.fold(&li.analyzer, d.text);
                li.stems(&mut cache, &folded)
            };
            if ids.is_empty() {
                continue;
            }
            let oos = matches!(d.target, Target::OutOfScope(_));
            let next = li.targets.len() as u32;
            let ti = *tindex.entry(d.target).or_insert(next);
            if ti == next {
                li.targets.push(d.target);
                li.context.push(Vec::new());
                li.target_variants.push(Vec::new());
                is_oos.push(oos);
            }
            li.context[ti as usize].extend(ids.iter().copied());
            if oos {
                for &id in &ids {
                    li.in_oos[id as usize] = true;
                }
            }
            if d.context {
                continue;
            }
            let vi = li.variants.len() as u32;
            li.target_variants[ti as usize].push(vi);
            for &id in &ids {
                li.postings[id as usize].push(vi);
            }
            li.variants.push(Variant {
                target: ti,
                start: li.toks.len() as u32,
                len: ids.len() as u32,
                idf_sum: 0.0,
            });
            li.toks.extend_from_slice(&ids);
        }
        // The profile's script, else the script of most letters of the content (Latin
        // letters count half, as in queries).
        if li.script.is_none() {
            li.script = letters
                .iter()
                .map(|&(s, n)| (s, if s == Script::Latin { n } else { 2 * n }))
                .fold(None::<(Script, usize)>, |acc, (s, w)| match acc {
                    Some((_, aw)) if aw >= w => acc,
                    _ => Some((s, w)),
                })
                .map(|(s, _)| s);
        }
        for (ti, ctx) in li.context.iter_mut().enumerate() {
            ctx.sort_unstable();
            ctx.dedup();
            ctx.shrink_to_fit();
            if is_oos[ti] {
                continue;
            }
            for &id in ctx.iter() {
                li.context_postings[id as usize].push(ti as u32);
            }
        }
        let n = is_oos.iter().filter(|o| !**o).count().max(1) as f32;
        let idf_of = |df: usize| (1.0 + n / df.max(1) as f32).ln().powf(IDF_POWER);
        // Document frequency over entries = the entries whose context holds the stem; a
        // synonym group counts as one word (the union of its members' entries).
        li.idf = li
            .context_postings
            .iter()
            .map(|s| if s.is_empty() { 0.0 } else { idf_of(s.len()) })
            .collect();
        for members in &li.groups {
            let mut union: Vec<u32> = members
                .iter()
                .flat_map(|&m| li.context_postings[m as usize].iter().copied())
                .collect();
            union.sort_unstable();
            union.dedup();
            if union.is_empty() {
                continue;
            }
            let g = idf_of(union.len());
            for &m in members {
                let e = &mut li.idf[m as usize];
                // A word in several groups keeps its commonest reading.
                *e = if *e == 0.0 { g } else { e.min(g) };
            }
        }
        li.max_idf = li.idf.iter().copied().fold(0.0, f32::max).max(1e-3);
        // Stems no entry uses (out-of-scope examples only) weigh like unknown query words.
        let unknown = UNKNOWN_WEIGHT * li.max_idf;
        for w in li.idf.iter_mut().filter(|w| **w == 0.0) {
            *w = unknown;
        }
        for v in &mut li.variants {
            let toks = &li.toks[v.start as usize..(v.start + v.len) as usize];
            v.idf_sum = toks.iter().map(|&t| li.idf[t as usize]).sum();
        }
        li.find_self_stems(&mut cache, &is_oos);
        li.toks.shrink_to_fit();
        li.variants.shrink_to_fit();
        li.postings.iter_mut().for_each(Vec::shrink_to_fit);
        li.context_postings.iter_mut().for_each(Vec::shrink_to_fit);
        li.target_variants.iter_mut().for_each(Vec::shrink_to_fit);
        li
    }

    /// Stems that the questions of most entries use: the network's own names.
    fn find_self_stems(&mut self, cache: &mut BuildCache, is_oos: &[bool]) {
        let mut per_stem: HashMap<u32, usize> = HashMap::default();
        let mut entries = 0usize;
        for (ti, vs) in self.target_variants.iter().enumerate() {
            if is_oos[ti] || !matches!(self.targets[ti], Target::Entry(_)) || vs.is_empty() {
                continue;
            }
            entries += 1;
            let mut stems: Vec<u32> = vs
                .iter()
                .flat_map(|&v| {
                    self.variant_toks(&self.variants[v as usize])
                        .iter()
                        .copied()
                })
                .collect();
            stems.sort_unstable();
            stems.dedup();
            for s in stems {
                *per_stem.entry(s).or_default() += 1;
            }
        }
        let need = SELF_MIN_ENTRIES.max((SELF_SHARE * entries as f32).ceil() as usize);
        self.question_stems = self
            .analyzer
            .question_words()
            .map(|w| self.analyzer.stem(w.to_string()))
            .filter(|s| !s.is_empty())
            .collect();
        let question_ids: HashSet<u32> = cache
            .folded
            .iter()
            .filter(|f| self.analyzer.is_question_word(&f.text))
            .filter_map(|f| f.stem)
            .map(|sid| cache.stem_vocab[sid as usize].1)
            .collect();
        // Candidates only; [`Index::build_with`] keeps those that several languages share.
        self.self_stems = per_stem
            .into_iter()
            .filter(|&(s, n)| n >= need && !question_ids.contains(&s))
            .map(|(s, _)| s)
            .collect();
    }

    /// The stems (as text) that name the network in this language's candidates.
    fn self_candidates(&self) -> Vec<String> {
        self.self_stems
            .iter()
            .map(|&s| self.tok_chars[s as usize].iter().collect())
            .collect()
    }

    /// Keeps as names of the network the candidates in `names` (shared by several
    /// languages: "widunetz"), plus every member of a synonym group with one of them
    /// ("Netzwerk", "ağ", "сеть", "شبكة" next to "widunetz" in `faq/synonyms.toml`).
    fn keep_self_stems(&mut self, names: &HashSet<String>) {
        let mut keep: HashSet<u32> = self
            .self_stems
            .iter()
            .copied()
            .filter(|&s| names.contains(&self.tok_chars[s as usize].iter().collect::<String>()))
            .collect();
        // The profile's nouns for the network.
        for (id, chars) in self.tok_chars.iter().enumerate() {
            if self.analyzer.is_network_stem(&chars.iter().collect::<String>()) {
                keep.insert(id as u32);
            }
        }
        let named: Vec<u32> = keep.iter().copied().collect();
        for id in named {
            for &g in self.groups_of.get(&id).map(Vec::as_slice).unwrap_or(&[]) {
                keep.extend(self.groups[g as usize].iter().copied());
            }
        }
        self.self_stems = keep;
    }

    /// Adds folded tokens to the known words (each distinct token once).
    fn mark_known(&mut self, cache: &mut BuildCache, folded: &[u32]) {
        for &f in folded {
            let entry = &mut cache.folded[f as usize];
            if !entry.known {
                entry.known = true;
                self.known_words.insert(entry.text.clone());
            }
        }
    }

    /// A new stem in the vocabulary (with bigrams unless it is a joined phrase).
    fn new_stem(&mut self, stem: &str, fuzzy: bool) -> u32 {
        let id = self.tok_chars.len() as u32;
        let chars: Vec<char> = stem.chars().collect();
        if fuzzy {
            for (g, n) in grams_of(&chars) {
                self.grams.entry(g).or_default().push((id, n));
            }
        }
        self.tok_chars.push(chars);
        self.postings.push(Vec::new());
        self.context_postings.push(Vec::new());
        self.in_oos.push(false);
        id
    }

    /// The token that stands for a synonym phrase of several stems.
    fn joined_token(&mut self, seq: &[u32]) -> u32 {
        let parts: Vec<String> = seq
            .iter()
            .map(|&s| self.tok_chars[s as usize].iter().collect())
            .collect();
        let joined = parts.join(" ");
        if let Some(&id) = self.joined.get(&joined) {
            return id;
        }
        let id = self.new_stem(&joined, false);
        self.joined.insert(joined.clone(), id);
        let list = self.syn_phrases.entry(parts[0].clone()).or_default();
        list.push((parts, joined));
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        id
    }

    /// Vocabulary ids of the stems of folded tokens, in order, with filler phrases and stop
    /// words dropped (repeats kept); a stem gets its id on first use.
    fn stem_seq(&mut self, cache: &mut BuildCache, folded: &[u32]) -> Vec<u32> {
        let mut drop: Vec<bool> = Vec::new();
        if folded
            .iter()
            .any(|&f| cache.folded[f as usize].starts_phrase)
        {
            let toks: Vec<String> = folded
                .iter()
                .map(|&f| cache.folded[f as usize].text.clone())
                .collect();
            drop = vec![false; toks.len()];
            for s in self.analyzer.filler_spans(&toks) {
                drop[s.start..s.end].iter_mut().for_each(|d| *d = true);
            }
        }
        let mut out: Vec<u32> = Vec::with_capacity(folded.len());
        for (k, &f) in folded.iter().enumerate() {
            if drop.get(k).copied().unwrap_or(false) {
                continue;
            }
            let Some(sid) = cache.folded[f as usize].stem else {
                continue;
            };
            let vid = cache.stem_vocab[sid as usize].1;
            let vid = if vid == u32::MAX {
                let stem = cache.stem_vocab[sid as usize].0.clone();
                let id = self.new_stem(&stem, true);
                cache.stem_vocab[sid as usize].1 = id;
                id
            } else {
                vid
            };
            out.push(vid);
        }
        out
    }

    /// Vocabulary ids of a text's stems as a query sees them: [`LangIndex::stem_seq`], synonym
    /// phrases joined, each stem once, in order.
    fn stems(&mut self, cache: &mut BuildCache, folded: &[u32]) -> Vec<u32> {
        let seq = self.stem_seq(cache, folded);
        let seq: Vec<u32> = if self.syn_phrases.is_empty() {
            seq
        } else {
            let strs: Vec<(String, bool)> = seq
                .iter()
                .map(|&s| (self.tok_chars[s as usize].iter().collect(), false))
                .collect();
            let mut out = Vec::with_capacity(seq.len());
            let mut k = 0;
            for (s, _) in collapse_phrases(&self.syn_phrases, strs.clone()) {
                match self.joined.get(&s) {
                    Some(&j) if s.contains(' ') => {
                        out.push(j);
                        k += s.split(' ').count();
                    }
                    _ => {
                        out.push(seq[k]);
                        k += 1;
                    }
                }
            }
            out
        };
        let mut out: Vec<u32> = Vec::with_capacity(seq.len());
        for id in seq {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    fn variant_toks(&self, v: &Variant) -> &[u32] {
        &self.toks[v.start as usize..(v.start + v.len) as usize]
    }

    /// Fuzzy matches of one query stem: (vocabulary id, similarity), similarity > 0, in
    /// vocabulary order, then the other members of the synonym groups of good matches.
    /// Only stems sharing enough padded bigrams with `q` ([`may_match`]) are compared, which
    /// finds exactly the stems a scan of the whole vocabulary would. `shared` is scratch of
    /// vocabulary size, all zero on entry and on return.
    fn expand(&self, q: &str, shared: &mut [u8], touched: &mut Vec<u32>) -> Vec<(u32, f32)> {
        let mut out = Vec::new();
        if q.contains(' ') {
            // A joined synonym phrase: exact only.
            if let Some(&id) = self.joined.get(q) {
                out.push((id, 1.0));
            }
        } else {
            let qc: Vec<char> = q.chars().collect();
            for (g, nq) in grams_of(&qc) {
                if let Some(list) = self.grams.get(&g) {
                    for &(id, nt) in list {
                        let s = &mut shared[id as usize];
                        if *s == 0 {
                            touched.push(id);
                        }
                        *s = s.saturating_add(nq.min(nt));
                    }
                }
            }
            for id in touched.drain(..) {
                let n = std::mem::take(&mut shared[id as usize]) as usize;
                let tc = &self.tok_chars[id as usize];
                if may_match(qc.len(), tc.len(), n) {
                    let sim = token_sim(&qc, tc);
                    if sim > 0.0 {
                        out.push((id, sim));
                    }
                }
            }
            // Vocabulary order, as a full scan yields: ties for the best match pick the same stem.
            out.sort_unstable_by_key(|&(id, _)| id);
        }
        if !self.groups.is_empty() {
            let mut extra: Vec<(u32, f32)> = Vec::new();
            for &(id, sim) in &out {
                if sim < SYNONYM_MIN_SIM {
                    continue;
                }
                for &g in self.groups_of.get(&id).map(Vec::as_slice).unwrap_or(&[]) {
                    for &m in &self.groups[g as usize] {
                        let s = sim * SYNONYM_SIM;
                        match extra.iter_mut().find(|(e, _)| *e == m) {
                            Some((_, es)) => *es = es.max(s),
                            None => extra.push((m, s)),
                        }
                    }
                }
            }
            for (m, s) in extra {
                match out.iter_mut().find(|(e, _)| *e == m) {
                    Some((_, es)) => *es = es.max(s),
                    None => out.push((m, s)),
                }
            }
        }
        out
    }

    /// Scores per target, the share of query words known in this language, and signals.
    ///
    /// Small talk found in the message is matched two ways: left out (a greeting around a
    /// question), and kept (a small-talk phrase inside a question: "wie funktioniert das
    /// Netzwerk?"); the reading with the better best entry wins, ties go to keeping it.
    fn search(&self, query: &str) -> LangResult {
        let folded = self.analyzer.folded_tokens(query);
        let known = if folded.is_empty() {
            0.0
        } else {
            folded
                .iter()
                .filter(|w| self.known_words.contains(*w))
                .count() as f32
                / folded.len() as f32
        };
        let mut signals = Signals {
            names_network: folded.iter().any(|t| self.analyzer.is_addressee(t)),
            ..Signals::default()
        };
        let mut filler = vec![false; folded.len()];
        for s in self.analyzer.filler_spans(&folded) {
            filler[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        let small = self.smalltalk.find_fuzzy(&folded);
        // The longest small-talk phrase decides the kind (ties: the later one), so "Hallo,
        // wer bist du?" is "who" and "Danke, tschüss" is "bye".
        signals.smalltalk = small
            .iter()
            .fold(None::<(usize, usize)>, |acc, s| {
                let n = s.end - s.start;
                match acc {
                    Some((_, an)) if an > n => acc,
                    _ => Some((s.phrase, n)),
                }
            })
            .map(|(p, _)| self.smalltalk.tag(p));
        let mut without = filler.clone();
        for s in &small {
            without[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        let lower = self.lower_case_words(query);
        let (qtoks, content) = self.query_stems(&folded, &without, &lower);
        signals.content_words = content;
        if signals.smalltalk.is_some() && content == 0 {
            // Only small talk: nothing to match.
            return LangResult {
                scores: HashMap::default(),
                details: HashMap::default(),
                known,
                signals,
            };
        }
        let mut result = self.score(&qtoks, signals.clone());
        if !small.is_empty() {
            let (all, content) = self.query_stems(&folded, &filler, &lower);
            let mut kept = signals;
            kept.smalltalk = None;
            kept.content_words = content;
            let kept = self.score(&all, kept);
            let top = |r: &(HashMap<Target, f32>, HashMap<Target, Detail>, Signals)| {
                r.0.iter()
                    .filter(|(t, _)| matches!(t, Target::Entry(_)))
                    .map(|(_, &s)| s)
                    .fold(0.0f32, f32::max)
            };
            if top(&kept) >= top(&result) {
                result = kept;
            }
        }
        let (scores, details, signals) = result;
        LangResult {
            scores,
            details,
            known,
            signals,
        }
    }

    /// Folded words that the writer put in lower case although the message has capitals
    /// elsewhere (empty for scripts without case and for all-lower-case messages).
    fn lower_case_words(&self, query: &str) -> HashSet<String> {
        let mut out = HashSet::default();
        if !query.chars().any(char::is_uppercase) {
            return out;
        }
        for w in query.split_whitespace() {
            let letters = || w.chars().filter(|c| c.is_alphabetic());
            if letters().next().is_some() && letters().all(char::is_lowercase) {
                out.extend(self.analyzer.base_tokens(w));
            }
        }
        out
    }

    /// Stems of the folded tokens not `skip`ped, stop words left out, synonym phrases
    /// joined, each once, with "is a question word"; and the number of content words.
    fn query_stems(
        &self,
        folded: &[String],
        skip: &[bool],
        lower: &HashSet<String>,
    ) -> (Vec<QueryStem>, usize) {
        let mut content = 0;
        let mut qstems: Vec<(String, bool)> = Vec::with_capacity(folded.len());
        let mut lowers: Vec<bool> = Vec::with_capacity(folded.len());
        for (i, t) in folded.iter().enumerate() {
            if skip[i]
                || self.analyzer.is_stopword(t)
                || (!self.known_words.contains(t) && self.analyzer.is_misspelt_stopword(t))
            {
                continue;
            }
            let (s, question) = if self.analyzer.is_question_word(t) {
                (t.clone(), true)
            } else {
                let s = self.analyzer.stem(t.clone());
                // A question word in another form ("nasılsın" is "nasıl" + "you").
                let q = self.question_stems.contains(&s);
                (s, q)
            };
            if !question && t.chars().any(char::is_alphabetic) {
                content += 1;
            }
            if !s.is_empty() {
                qstems.push((s, question));
                lowers.push(lower.contains(t));
            }
        }
        let n_before = qstems.len();
        let qstems = collapse_phrases(&self.syn_phrases, qstems);
        // Joined phrases lose the case flags of their words: known words, never names.
        let lowers = if qstems.len() == n_before {
            lowers
        } else {
            vec![false; qstems.len()]
        };
        let mut qtoks: Vec<QueryStem> = Vec::with_capacity(qstems.len());
        for ((s, q), l) in qstems.into_iter().zip(lowers) {
            match qtoks.iter_mut().find(|t| t.stem == s) {
                Some(t) => {
                    t.question &= q;
                    t.lower &= l;
                }
                None => qtoks.push(QueryStem {
                    stem: s,
                    question: q,
                    lower: l,
                }),
            }
        }
        (qtoks, content)
    }

    /// Scores of query stems against this language's variants, with their details, and the
    /// signals completed (unknown words, names of the network).
    fn score(
        &self,
        qtoks: &[QueryStem],
        mut signals: Signals,
    ) -> (HashMap<Target, f32>, HashMap<Target, Detail>, Signals) {
        let mut out: HashMap<Target, f32> = HashMap::default();
        if qtoks.is_empty() || self.variants.is_empty() {
            return (out, HashMap::default(), signals);
        }
        let nq = qtoks.len();
        // Per matched stem a row of its similarity to each query stem (0 = no match), found
        // by a dense per-vocabulary index: one array read per variant stem.
        let mut row_of: Vec<u32> = vec![u32::MAX; self.tok_chars.len()];
        let mut matched: Vec<u32> = Vec::new();
        let mut table: Vec<f32> = Vec::new();
        let mut weights: Vec<f32> = Vec::with_capacity(nq);
        // Unknown words of long questions are mostly context ("ich engagiere mich in einer
        // Flüchtlingsinitiative"): they weigh less there.
        let unknown_weight = UNKNOWN_WEIGHT
            + length_share(nq)
                * (LONG_UNKNOWN_WEIGHT
                    - UNKNOWN_WEIGHT);
        let mut shared = vec![0u8; self.tok_chars.len()];
        let mut touched = Vec::new();
        for (qi, qs) in qtoks.iter().enumerate() {
            let (q, question) = (&qs.stem, &qs.question);
            let ex = self.expand(q, &mut shared, &mut touched);
            // The best match (ties: the first in vocabulary order) gives the weight.
            let best = ex
                .iter()
                .fold(None::<(u32, f32)>, |acc, &(id, s)| match acc {
                    Some((_, a)) if a >= s => acc,
                    _ => Some((id, s)),
                });
            let w = best
                .map(|(id, _)| self.idf[id as usize])
                .unwrap_or(unknown_weight * self.max_idf);
            weights.push(w);
            // Known to the entries: the word itself, with a typo, or an abbreviation of a
            // longer word ("kern" ~ "kerngruppe"); not a compound that only ends or starts
            // with a known word ("Jobcenter" is not a "Zentrum" of the network).
            let qc: Vec<char> = q.chars().collect();
            let known = ex.iter().any(|&(id, s)| {
                if s < KNOWN_SIM || self.context_postings[id as usize].is_empty() {
                    return false;
                }
                let t = &self.tok_chars[id as usize];
                let direct = token_sim(&qc, t);
                // A synonym (or a joined phrase) of a known word; the word with a typo; or
                // an abbreviation of it.
                direct < s || q.contains(' ') || edit_sim(&qc, t) >= KNOWN_SIM || t.starts_with(&qc)
            });
            let numeric = q.chars().all(|c| c.is_numeric());
            if !question && !numeric && !known {
                signals.foreign_words += 1;
                if !qs.lower {
                    signals.foreign_names += 1;
                }
                if best.is_some_and(|(id, s)| s >= KNOWN_SIM && self.in_oos[id as usize]) {
                    signals.out_of_scope_words += 1;
                }
            }
            if self.analyzer.is_network_stem(q)
                || ex.iter().any(|&(id, s)| {
                    s >= KNOWN_SIM && self.self_stems.contains(&id)
                })
            {
                signals.names_network = true;
            }
            for (id, sim) in ex {
                let r = &mut row_of[id as usize];
                if *r == u32::MAX {
                    *r = matched.len() as u32;
                    matched.push(id);
                    table.resize(table.len() + nq, 0.0);
                }
                table[*r as usize * nq + qi] = sim;
            }
        }
        let row = |id: u32| match row_of[id as usize] {
            u32::MAX => None,
            r => Some(&table[r as usize * nq..(r as usize + 1) * nq]),
        };
        let recall_weight = recall_weight(nq);
        let min_info = length_share(nq) * MIN_INFO * self.max_idf;
        let wsum: f32 = weights.iter().sum();
        let work: usize = matched
            .iter()
            .map(|&t| self.postings[t as usize].len() + self.context_postings[t as usize].len())
            .sum();
        let cand = if work <= EXHAUSTIVE_POSTINGS {
            let mut cand: Vec<u32> = matched
                .iter()
                .flat_map(|&t| self.postings[t as usize].iter().copied())
                .collect();
            for &t in &matched {
                for &ti in &self.context_postings[t as usize] {
                    cand.extend(self.target_variants[ti as usize].iter().copied());
                }
            }
            cand.sort_unstable();
            cand.dedup();
            cand
        } else {
            self.prerank(&matched, &table, &weights, wsum, recall_weight)
        };
        // Query words that carry content (not question words or numbers).
        let content_q: Vec<bool> = qtoks
            .iter()
            .map(|q| !q.question && !q.stem.chars().all(char::is_numeric))
            .collect();
        let mut details: HashMap<Target, Detail> = HashMap::default();
        // Per target and query word: best similarity anywhere in the target's texts.
        let mut ctx_cov: HashMap<u32, Vec<f32>> = HashMap::default();
        let mut best = vec![0.0f32; nq];
        for vi in cand {
            let v = &self.variants[vi as usize];
            let cov = ctx_cov.entry(v.target).or_insert_with(|| {
                let mut cov = vec![0.0f32; nq];
                for r in &self.context[v.target as usize] {
                    if let Some(r) = row(*r) {
                        for (c, &s) in cov.iter_mut().zip(r) {
                            *c = c.max(s);
                        }
                    }
                }
                cov
            });
            best.iter_mut().for_each(|b| *b = 0.0);
            let mut precision = 0.0;
            for &t in self.variant_toks(v) {
                let Some(r) = row(t) else { continue };
                let mut top = 0.0f32;
                for (b, &s) in best.iter_mut().zip(r) {
                    *b = b.max(s);
                    top = top.max(s);
                }
                precision += self.idf[t as usize] * top;
            }
            let mut recall = 0.0;
            for qi in 0..nq {
                recall += weights[qi] * best[qi].max(CONTEXT_CREDIT * cov[qi]);
            }
            let r = if wsum > 0.0 { recall / wsum } else { 0.0 };
            // A variant with little information (one common word: "Netzwerk") does not get
            // full marks for being contained in a long question.
            let info = v.idf_sum.max(min_info);
            let p = if info > 0.0 { precision / info } else { 0.0 };
            let score = (recall_weight * r + (1.0 - recall_weight) * p).clamp(0.0, 1.0);
            let target = self.targets[v.target as usize];
            let e = out.entry(target).or_insert(0.0);
            if score > *e {
                *e = score;
                let mut covered = 0u64;
                let mut uncovered = 0u64;
                for qi in 0..nq.min(64) {
                    if best[qi] >= KNOWN_SIM {
                        covered |= 1 << qi;
                    } else if content_q[qi] {
                        uncovered |= 1 << qi;
                    }
                }
                details.insert(
                    target,
                    Detail {
                        covered,
                        uncovered,
                        names_network: self
                            .variant_toks(v)
                            .iter()
                            .any(|t| self.self_stems.contains(t)),
                        lang: 0,
                    },
                );
            }
        }
        (out, details, signals)
    }

    /// Large knowledge bases: the [`MAX_SCORED`] variants with the best cheap estimate of the
    /// score (weighted overlap with the query, both ways; no context credit), sorted.
    fn prerank(
        &self,
        matched: &[u32],
        table: &[f32],
        weights: &[f32],
        wsum: f32,
        recall_weight: f32,
    ) -> Vec<u32> {
        let nq = weights.len();
        let mut stems: Vec<(u32, usize)> = matched.iter().copied().zip(0..).collect();
        // Rare stems first, so the skip of near-stop-word stems below has a fallback.
        stems.sort_unstable_by_key(|&(t, _)| (self.postings[t as usize].len(), t));
        SCRATCH.with(|cell| {
            let mut acc = cell.borrow_mut();
            if acc.len() < self.variants.len() {
                acc.resize(self.variants.len(), (0.0, 0.0));
            }
            let mut hit: Vec<u32> = Vec::new();
            for &(t, r) in &stems {
                let plist = &self.postings[t as usize];
                if plist.len() > MAX_PRERANK_POSTINGS && !hit.is_empty() {
                    continue;
                }
                let create = hit.len() < MAX_PRERANK_HITS;
                let sims = &table[r * nq..(r + 1) * nq];
                let gain: f32 = sims.iter().zip(weights).map(|(s, w)| s * w).sum();
                let top = sims.iter().copied().fold(0.0, f32::max);
                let prec = self.idf[t as usize] * top;
                for &vi in plist {
                    let a = &mut acc[vi as usize];
                    if a.0 == 0.0 && a.1 == 0.0 {
                        if !create {
                            continue;
                        }
                        hit.push(vi);
                    }
                    a.0 += gain;
                    a.1 += prec;
                }
            }
            let mut est: Vec<(f32, u32)> = hit
                .iter()
                .map(|&vi| {
                    let (g, p) = std::mem::take(&mut acc[vi as usize]);
                    let v = &self.variants[vi as usize];
                    let r = if wsum > 0.0 { (g / wsum).min(1.0) } else { 0.0 };
                    let p = if v.idf_sum > 0.0 { p / v.idf_sum } else { 0.0 };
                    (recall_weight * r + (1.0 - recall_weight) * p, vi)
                })
                .collect();
            let by_score = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            if est.len() > MAX_SCORED {
                est.select_nth_unstable_by(MAX_SCORED - 1, by_score);
                est.truncate(MAX_SCORED);
            }
            let mut cand: Vec<u32> = est.into_iter().map(|(_, vi)| vi).collect();
            cand.sort_unstable();
            cand
        })
    }
}

thread_local! {
    /// Per-variant accumulators of [`LangIndex::prerank`], reused across queries (a fresh
    /// zeroed vector of millions of entries per query would cost more than the ranking).
    static SCRATCH: std::cell::RefCell<Vec<(f32, f32)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How far a query of `n` stems is from short (0, up to [`SHORT_QUERY`]) to long (1, from
/// [`LONG_QUERY`]).
pub fn length_share(n: usize) -> f32 {
    let (short, long) = (SHORT_QUERY, LONG_QUERY);
    if n <= short {
        return 0.0;
    }
    ((n - short) as f32 / (long.max(short + 1) - short) as f32).min(1.0)
}

/// The share of the score given to covering the query, for a query of `n` stems (see
/// [`RECALL_WEIGHT`] and [`LONG_RECALL_WEIGHT`]).
pub fn recall_weight(n: usize) -> f32 {
    let r = RECALL_WEIGHT;
    r + length_share(n) * (LONG_RECALL_WEIGHT - r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn token_similarity() {
        assert_eq!(token_sim(&c("kerngrupp"), &c("kerngrupp")), 1.0);
        assert!(
            token_sim(&c("kerngrup"), &c("kerngrupp")) > 0.8,
            "one deletion"
        );
        assert!(
            token_sim(&c("kenrgrupp"), &c("kerngrupp")) > 0.8,
            "transposition"
        );
        assert_eq!(
            token_sim(&c("wer"), &c("wie")),
            0.0,
            "short words must be exact"
        );
        assert!(token_sim(&c("kern"), &c("kerngrupp")) > 0.5, "prefix");
        assert!(
            token_sim(&c("vereinbar"), &c("netzwerkvereinbar")) > 0.5,
            "compound head"
        );
        assert_eq!(
            token_sim(&c("haus"), &c("maus")),
            0.625,
            "one edit in four letters costs 1.5/4"
        );
        assert_eq!(token_sim(&c("pass"), &c("kontakt")), 0.0);
    }

    #[test]
    fn word_by_word_folding_equals_whole_text() {
        let texts = [
            "Wie wurde widunetz gegründet? Straße, GRÜNDUNG",
            "widunetz'in amaçları nelerdir? İSTANBUL’da",
            "Ещё вопрос: как связаться?",
            "متى تأسست الشبكة؟ أين؟ ٢٠٠٨",
            "e\u{301}cole  a\u{200B}b\u{00A0}c\u{2003}d \u{301}x",
            "wort-mit.punkt/und(klammern) ae oe ue Äpfel",
        ];
        for lang in ["de", "tr", "ru", "ar"] {
            let an = Analyzer::new(lang);
            let mut cache = BuildCache::default();
            let mut fold = |t: &str| -> Vec<String> {
                let ids = cache.fold(&an, t);
                ids.iter()
                    .map(|&f| cache.folded[f as usize].text.clone())
                    .collect()
            };
            for t in texts {
                for _ in 0..2 {
                    assert_eq!(fold(t), an.folded_tokens(t), "{lang}: {t:?}");
                }
            }
            let many = "Wort ".repeat(100);
            assert_eq!(fold(&many), an.folded_tokens(&many));
            let long = "Straße ".repeat(120);
            assert_eq!(fold(&long), an.folded_tokens(&long), "over the length cap");
        }
    }

    #[test]
    fn rare_words_decide() {
        let docs = [
            Doc {
                target: Target::Entry(0),
                lang: "de",
                text: "Was macht die Kerngruppe?",
                context: false,
            },
            Doc {
                target: Target::Entry(1),
                lang: "de",
                text: "Was macht die Projektgruppe?",
                context: false,
            },
            Doc {
                target: Target::Entry(2),
                lang: "de",
                text: "Wann wurde das Netzwerk gegründet?",
                context: false,
            },
        ];
        let idx = Index::build(&docs);
        let m = idx.search("kerngrupe");
        assert_eq!(m.ranked[0].0, Target::Entry(0), "{:?}", m.ranked);
        let m = idx.search("wann gegruendet");
        assert_eq!(m.ranked[0].0, Target::Entry(2), "{:?}", m.ranked);
        assert!(
            m.ranked[0].1 <= 1.0 && m.ranked[0].1 > 0.5,
            "{:?}",
            m.ranked
        );
    }

    #[test]
    fn scripts_pick_languages() {
        let docs = [
            Doc {
                target: Target::Entry(0),
                lang: "de",
                text: "Kontakt",
                context: false,
            },
            Doc {
                target: Target::Entry(0),
                lang: "ru",
                text: "Контакт",
                context: false,
            },
            Doc {
                target: Target::Entry(0),
                lang: "ar",
                text: "التواصل",
                context: false,
            },
            Doc {
                target: Target::Entry(0),
                lang: "tr",
                text: "iletişim",
                context: false,
            },
        ];
        let idx = Index::build(&docs);
        assert_eq!(idx.search("контакты").detected_lang.as_deref(), Some("ru"));
        assert_eq!(idx.search("تواصل").detected_lang.as_deref(), Some("ar"));
        assert_eq!(idx.search("iletisim").detected_lang.as_deref(), Some("tr"));
        assert_eq!(idx.search("Kontakt").detected_lang.as_deref(), Some("de"));
        assert_eq!(idx.search("🙂 123").detected_lang, None);
    }
}
