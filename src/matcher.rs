//! Matching a question against the knowledge base.
//!
//! Every question variant in `faq/` and every `faq-<id>-title` of every language is analysed
//! with its language's [`Analyzer`] and indexed. A query is analysed once per language of its
//! script (Latin text as German *and* Turkish, …) and scored against that language's variants:
//!
//! - **token similarity** ([`token_sim`]): exact stem = 1; else OSA edit distance (strsim)
//!   within a budget that grows with token length ([`edit_budget`]); else a prefix/compound
//!   match ("kern" ~ "kerngrupp", "vereinbar" ~ "netzwerkvereinbar");
//! - **weights**: inverse document frequency of a stem over the entries of its language, so
//!   "wie"/"ne"/"что"/"ما" count little and "kerngruppe" a lot; a query word the knowledge
//!   base never uses weighs [`UNKNOWN_WEIGHT`] × the rarest known word (it is evidence that
//!   the question is about something else);
//! - **variant score**: `RECALL_WEIGHT` × weighted share of the query covered by the variant +
//!   (1 − `RECALL_WEIGHT`) × weighted share of the variant covered by the query; in [0, 1];
//! - **context**: a query word missing from a variant but present in another text of the same
//!   entry (another variant, the title, the answer) counts [`CONTEXT_CREDIT`] of its weight;
//!   rarity is measured over each entry's full text;
//! - **entry score**: its best variant in any language.
//!
//! Candidates come from an inverted index (stem → variants), so only variants sharing a
//! (fuzzy) stem with the query are scored.

// FxHash (rustc's hasher): the maps here have small integer keys and are hashed on every
// query; SipHash's flooding resistance is not needed (keys come from our own content, queries
// only look up).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::{Analyzer, Script, script};

/// Share of the score given to covering the query (vs covering the variant).
pub const RECALL_WEIGHT: f32 = 0.6;
/// Weight of a query word unknown to the knowledge base, relative to the rarest known word.
pub const UNKNOWN_WEIGHT: f32 = 0.8;
/// Credit for a query word that the variant lacks but the entry's other texts (variants,
/// title, answer) contain: people mix words from several phrasings and from the answer.
pub const CONTEXT_CREDIT: f32 = 0.5;

/// What a variant points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Index into `Faq::entries`.
    Entry(usize),
    /// Index into `Faq::smalltalk`.
    SmallTalk(usize),
}

/// A text to index: its target, language, the text itself, and whether it is a question
/// variant (scored as a whole) or context (an answer text: only lends words to its entry).
pub struct Doc<'a> {
    pub target: Target,
    pub lang: &'a str,
    pub text: &'a str,
    pub context: bool,
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
    script: Script,
    analyzer: Analyzer,
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
    /// Per stem: targets whose context has it.
    context_postings: Vec<Vec<u32>>,
    /// Per target: its variants.
    target_variants: Vec<Vec<u32>>,
    /// Folded (unstemmed) words of this language's texts plus its stop words: evidence for
    /// language detection of Latin-script text.
    known_words: HashSet<String>,
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

pub struct Index {
    langs: Vec<LangIndex>,
}

/// Scores of one query.
#[derive(Debug, Clone)]
pub struct Matches {
    /// Best score per target, best first.
    pub ranked: Vec<(Target, f32)>,
    /// The language the query is most likely written in.
    pub detected_lang: Option<String>,
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
    pub fn build(docs: &[Doc<'_>]) -> Index {
        let mut codes: Vec<&str> = docs.iter().map(|d| d.lang).collect();
        codes.sort();
        codes.dedup();
        // Languages are independent: build them in parallel (the index build of a large
        // knowledge base is seconds of analysis).
        let langs = std::thread::scope(|scope| {
            let handles: Vec<_> = codes
                .into_iter()
                .map(|code| scope.spawn(move || LangIndex::build(code, docs)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        Index { langs }
    }

    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| l.code.as_str())
    }

    /// Scores `query` against every language of its script.
    pub fn search(&self, query: &str) -> Matches {
        let raw_script = script::dominant(query);
        let mut best: HashMap<Target, f32> = HashMap::default();
        let mut lang_evidence: Vec<(&str, f32)> = Vec::new();
        let Some(qs) = raw_script else {
            return Matches {
                ranked: Vec::new(),
                detected_lang: None,
            };
        };
        let candidates: Vec<&LangIndex> = self.langs.iter().filter(|l| l.script == qs).collect();
        for li in &candidates {
            let (scores, known) = li.search(query);
            let mut top = 0.0f32;
            for (t, s) in scores {
                top = top.max(s);
                let e = best.entry(t).or_insert(0.0);
                if s > *e {
                    *e = s;
                }
            }
            lang_evidence.push((
                li.code.as_str(),
                0.5 * top + 0.5 * known + letter_evidence(&li.code, query),
            ));
        }
        let detected_lang = if candidates.len() == 1 {
            Some(candidates[0].code.clone())
        } else {
            lang_evidence
                .iter()
                .filter(|(_, e)| *e > 0.0)
                .fold(None::<(&str, f32)>, |acc, &(c, e)| match acc {
                    Some((_, ae)) if ae >= e => acc,
                    _ => Some((c, e)),
                })
                .map(|(c, _)| c.to_string())
        };
        let mut ranked: Vec<(Target, f32)> = best.into_iter().collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| target_key(a.0).cmp(&target_key(b.0)))
        });
        Matches {
            ranked,
            detected_lang,
        }
    }
}

fn target_key(t: Target) -> (u8, usize) {
    match t {
        Target::Entry(i) => (0, i),
        Target::SmallTalk(i) => (1, i),
    }
}

/// Letters only one of the Latin-script languages uses.
fn letter_evidence(code: &str, query: &str) -> f32 {
    let has = |set: &str| query.chars().any(|c| set.contains(c));
    match code {
        "tr" if has("şŞğĞıİ") => 0.3,
        "de" if has("äÄß") => 0.3,
        _ => 0.0,
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
/// text: every folding step works within white-space-separated words (none joins or splits
/// across white space); texts over the length cap take the whole-text path.
#[derive(Default)]
struct BuildCache {
    /// Raw word → its folded tokens (indices into `folded`).
    words: HashMap<String, Vec<u32>>,
    folded_ids: HashMap<String, u32>,
    /// Folded token, its stem (index into `stem_vocab`; `None`: stop word or empty stem),
    /// and whether it is in `known_words` yet.
    folded: Vec<(String, Option<u32>, bool)>,
    stem_ids: HashMap<String, u32>,
    /// Stem → vocabulary id, assigned on first use by a text (`u32::MAX`: not yet).
    stem_vocab: Vec<(String, u32)>,
}

impl BuildCache {
    fn folded_id(&mut self, analyzer: &Analyzer, t: &str) -> u32 {
        if let Some(&id) = self.folded_ids.get(t) {
            return id;
        }
        let stem = if analyzer.is_stopword(t) {
            None
        } else {
            let s = analyzer.stem(t.to_string());
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
        self.folded.push((t.to_string(), stem, false));
        self.folded_ids.insert(t.to_string(), id);
        id
    }

    /// Folded tokens of `text` (at most [`crate::text::MAX_TOKENS`]), as indices.
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
                        .folded_tokens(w)
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
        out
    }
}

impl LangIndex {
    fn build(code: &str, docs: &[Doc<'_>]) -> LangIndex {
        let analyzer = Analyzer::new(code);
        let mut li = LangIndex {
            code: code.to_string(),
            script: Script::Latin,
            analyzer,
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
        };
        let (mut lat, mut cyr, mut ara) = (0, 0, 0);
        let mut cache = BuildCache::default();
        let mut tindex: HashMap<Target, u32> = HashMap::default();
        for d in docs.iter().filter(|d| d.lang == code) {
            let (l, c, a) = script::counts(d.text);
            lat += l;
            cyr += c;
            ara += a;
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
            let next = li.targets.len() as u32;
            let ti = *tindex.entry(d.target).or_insert(next);
            if ti == next {
                li.targets.push(d.target);
                li.context.push(Vec::new());
                li.target_variants.push(Vec::new());
            }
            li.context[ti as usize].extend(ids.iter().copied());
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
        li.script = if cyr > lat && cyr >= ara {
            Script::Cyrillic
        } else if ara > lat {
            Script::Arabic
        } else {
            Script::Latin
        };
        for w in crate::text::stopwords::list(code) {
            for t in li.analyzer.folded_tokens(w) {
                li.known_words.insert(t);
            }
        }
        for (ti, ctx) in li.context.iter_mut().enumerate() {
            ctx.sort_unstable();
            ctx.dedup();
            ctx.shrink_to_fit();
            for &id in ctx.iter() {
                li.context_postings[id as usize].push(ti as u32);
            }
        }
        let n = li.targets.len().max(1) as f32;
        // Document frequency over targets = the targets whose context holds the stem.
        li.idf = li
            .context_postings
            .iter()
            .map(|s| (1.0 + n / s.len().max(1) as f32).ln())
            .collect();
        li.max_idf = li.idf.iter().copied().fold(0.0, f32::max).max(1e-3);
        for v in &mut li.variants {
            let toks = &li.toks[v.start as usize..(v.start + v.len) as usize];
            v.idf_sum = toks.iter().map(|&t| li.idf[t as usize]).sum();
        }
        li.toks.shrink_to_fit();
        li.variants.shrink_to_fit();
        li.postings.iter_mut().for_each(Vec::shrink_to_fit);
        li.context_postings.iter_mut().for_each(Vec::shrink_to_fit);
        li.target_variants.iter_mut().for_each(Vec::shrink_to_fit);
        li
    }

    /// Adds folded tokens to the known words (each distinct token once).
    fn mark_known(&mut self, cache: &mut BuildCache, folded: &[u32]) {
        for &f in folded {
            let entry = &mut cache.folded[f as usize];
            if !entry.2 {
                entry.2 = true;
                self.known_words.insert(entry.0.clone());
            }
        }
    }

    /// Vocabulary ids of the stems of folded tokens (stop words dropped, each stem once, in
    /// order), as [`Analyzer::analyze_folded`]; a stem gets its id on first use.
    fn stems(&mut self, cache: &mut BuildCache, folded: &[u32]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for &f in folded {
            let Some(sid) = cache.folded[f as usize].1 else {
                continue;
            };
            let (stem, vid) = &mut cache.stem_vocab[sid as usize];
            if *vid == u32::MAX {
                *vid = self.tok_chars.len() as u32;
                let chars: Vec<char> = stem.chars().collect();
                for (g, n) in grams_of(&chars) {
                    self.grams.entry(g).or_default().push((*vid, n));
                }
                self.tok_chars.push(chars);
                self.postings.push(Vec::new());
                self.context_postings.push(Vec::new());
            }
            if !out.contains(vid) {
                out.push(*vid);
            }
        }
        out
    }

    fn variant_toks(&self, v: &Variant) -> &[u32] {
        &self.toks[v.start as usize..(v.start + v.len) as usize]
    }

    /// Fuzzy matches of one query stem: (vocabulary id, similarity), similarity > 0, in
    /// vocabulary order. Only stems sharing enough padded bigrams with `q` ([`may_match`])
    /// are compared, which finds exactly the stems a scan of the whole vocabulary would.
    /// `shared` is scratch of vocabulary size, all zero on entry and on return.
    fn expand(&self, q: &str, shared: &mut [u8], touched: &mut Vec<u32>) -> Vec<(u32, f32)> {
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
        let mut out = Vec::new();
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
        out
    }

    /// Scores per target, and the share of query words known in this language.
    fn search(&self, query: &str) -> (HashMap<Target, f32>, f32) {
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
        let qtoks = self.analyzer.analyze_folded(folded);
        let mut out: HashMap<Target, f32> = HashMap::default();
        if qtoks.is_empty() || self.variants.is_empty() {
            return (out, known);
        }
        let nq = qtoks.len();
        // Per matched stem a row of its similarity to each query stem (0 = no match), found
        // by a dense per-vocabulary index: one array read per variant stem.
        let mut row_of: Vec<u32> = vec![u32::MAX; self.tok_chars.len()];
        let mut matched: Vec<u32> = Vec::new();
        let mut table: Vec<f32> = Vec::new();
        let mut weights: Vec<f32> = Vec::with_capacity(nq);
        let mut shared = vec![0u8; self.tok_chars.len()];
        let mut touched = Vec::new();
        for (qi, q) in qtoks.iter().enumerate() {
            let ex = self.expand(q, &mut shared, &mut touched);
            let w = ex
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|&(id, _)| self.idf[id as usize])
                .unwrap_or(UNKNOWN_WEIGHT * self.max_idf);
            weights.push(w);
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
            self.prerank(&matched, &table, &weights, wsum)
        };
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
            let p = if v.idf_sum > 0.0 {
                precision / v.idf_sum
            } else {
                0.0
            };
            let score = (RECALL_WEIGHT * r + (1.0 - RECALL_WEIGHT) * p).clamp(0.0, 1.0);
            let e = out.entry(self.targets[v.target as usize]).or_insert(0.0);
            if score > *e {
                *e = score;
            }
        }
        (out, known)
    }

    /// Large knowledge bases: the [`MAX_SCORED`] variants with the best cheap estimate of the
    /// score (weighted overlap with the query, both ways; no context credit), sorted.
    fn prerank(&self, matched: &[u32], table: &[f32], weights: &[f32], wsum: f32) -> Vec<u32> {
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
                    (RECALL_WEIGHT * r + (1.0 - RECALL_WEIGHT) * p, vi)
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
                    .map(|&f| cache.folded[f as usize].0.clone())
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
