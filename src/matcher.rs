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

use std::collections::HashMap;

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
    target: Target,
    toks: Vec<u32>,
    idf_sum: f32,
}

struct LangIndex {
    code: String,
    script: Script,
    analyzer: Analyzer,
    vocab: HashMap<String, u32>,
    tok_chars: Vec<Vec<char>>,
    idf: Vec<f32>,
    max_idf: f32,
    postings: Vec<Vec<u32>>,
    variants: Vec<Variant>,
    /// Per target: every stem of its texts in this language (sorted).
    context: HashMap<Target, Vec<u32>>,
    /// Per stem: targets whose context has it.
    context_postings: Vec<Vec<Target>>,
    /// Per target: its variants.
    target_variants: HashMap<Target, Vec<u32>>,
    /// Folded (unstemmed) words of this language's texts plus its stop words: evidence for
    /// language detection of Latin-script text.
    known_words: std::collections::HashSet<String>,
}

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
        let langs = codes
            .into_iter()
            .map(|code| LangIndex::build(code, docs))
            .collect();
        Index { langs }
    }

    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| l.code.as_str())
    }

    /// Scores `query` against every language of its script.
    pub fn search(&self, query: &str) -> Matches {
        let raw_script = script::dominant(query);
        let mut best: HashMap<Target, f32> = HashMap::new();
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

impl LangIndex {
    fn build(code: &str, docs: &[Doc<'_>]) -> LangIndex {
        let analyzer = Analyzer::new(code);
        let mut li = LangIndex {
            code: code.to_string(),
            script: Script::Latin,
            analyzer,
            vocab: HashMap::new(),
            tok_chars: Vec::new(),
            idf: Vec::new(),
            max_idf: 1.0,
            postings: Vec::new(),
            variants: Vec::new(),
            context: HashMap::new(),
            context_postings: Vec::new(),
            target_variants: HashMap::new(),
            known_words: std::collections::HashSet::new(),
        };
        let (mut lat, mut cyr, mut ara) = (0, 0, 0);
        let mut df_sets: Vec<std::collections::HashSet<Target>> = Vec::new();
        let mut targets = std::collections::HashSet::new();
        for d in docs.iter().filter(|d| d.lang == code) {
            let (l, c, a) = script::counts(d.text);
            lat += l;
            cyr += c;
            ara += a;
            for line in d.text.lines() {
                for w in li.analyzer.folded_tokens(line) {
                    li.known_words.insert(w);
                }
            }
            // Answer texts are long: analyse them line by line so no part is cut off.
            let toks = if d.context {
                let mut all: Vec<String> = Vec::new();
                for line in d.text.lines() {
                    for t in li.analyzer.analyze(line) {
                        if !all.contains(&t) {
                            all.push(t);
                        }
                    }
                }
                all
            } else {
                li.analyzer.analyze(d.text)
            };
            if toks.is_empty() {
                continue;
            }
            let mut ids = Vec::with_capacity(toks.len());
            for t in toks {
                let next = li.vocab.len() as u32;
                let id = *li.vocab.entry(t.clone()).or_insert(next);
                if id == next {
                    li.tok_chars.push(t.chars().collect());
                    li.postings.push(Vec::new());
                    li.context_postings.push(Vec::new());
                    df_sets.push(Default::default());
                }
                df_sets[id as usize].insert(d.target);
                ids.push(id);
            }
            targets.insert(d.target);
            let ctx = li.context.entry(d.target).or_default();
            ctx.extend(ids.iter().copied());
            if d.context {
                continue;
            }
            let vi = li.variants.len() as u32;
            li.target_variants.entry(d.target).or_default().push(vi);
            for &id in &ids {
                li.postings[id as usize].push(vi);
            }
            li.variants.push(Variant {
                target: d.target,
                toks: ids,
                idf_sum: 0.0,
            });
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
        for (t, ctx) in li.context.iter_mut() {
            ctx.sort_unstable();
            ctx.dedup();
            for &id in ctx.iter() {
                li.context_postings[id as usize].push(*t);
            }
        }
        let n = targets.len().max(1) as f32;
        li.idf = df_sets
            .iter()
            .map(|s| (1.0 + n / s.len().max(1) as f32).ln())
            .collect();
        li.max_idf = li.idf.iter().copied().fold(0.0, f32::max).max(1e-3);
        for v in &mut li.variants {
            v.idf_sum = v.toks.iter().map(|&t| li.idf[t as usize]).sum();
        }
        li
    }

    /// Fuzzy matches of one query stem: (vocabulary id, similarity), similarity > 0.
    fn expand(&self, q: &str) -> Vec<(u32, f32)> {
        // One pass: an exact stem scores 1 and close stems (compound parts, typos) still count.
        let qc: Vec<char> = q.chars().collect();
        self.tok_chars
            .iter()
            .enumerate()
            .map(|(i, tc)| (i as u32, token_sim(&qc, tc)))
            .filter(|&(_, s)| s > 0.0)
            .collect()
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
        let qtoks = self.analyzer.analyze(query);
        let mut out: HashMap<Target, f32> = HashMap::new();
        if qtoks.is_empty() || self.variants.is_empty() {
            return (out, known);
        }
        // Per query stem: its matches and its weight.
        let mut expansions: Vec<HashMap<u32, f32>> = Vec::with_capacity(qtoks.len());
        let mut weights: Vec<f32> = Vec::with_capacity(qtoks.len());
        for q in &qtoks {
            let ex = self.expand(q);
            let w = ex
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|&(id, _)| self.idf[id as usize])
                .unwrap_or(UNKNOWN_WEIGHT * self.max_idf);
            weights.push(w);
            expansions.push(ex.into_iter().collect());
        }
        let wsum: f32 = weights.iter().sum();
        let mut cand: Vec<u32> = expansions
            .iter()
            .flat_map(|m| m.keys())
            .flat_map(|&t| self.postings[t as usize].iter().copied())
            .collect();
        for ex in &expansions {
            for t in ex.keys() {
                for target in &self.context_postings[*t as usize] {
                    if let Some(vs) = self.target_variants.get(target) {
                        cand.extend(vs.iter().copied());
                    }
                }
            }
        }
        cand.sort_unstable();
        cand.dedup();
        // Per target and query word: best similarity anywhere in the target's texts.
        let mut ctx_cov: HashMap<Target, Vec<f32>> = HashMap::new();
        for vi in cand {
            let v = &self.variants[vi as usize];
            let cov = ctx_cov.entry(v.target).or_insert_with(|| {
                let ctx = self
                    .context
                    .get(&v.target)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                expansions
                    .iter()
                    .map(|ex| {
                        ctx.iter()
                            .filter_map(|t| ex.get(t))
                            .copied()
                            .fold(0.0, f32::max)
                    })
                    .collect()
            });
            let mut recall = 0.0;
            for (qi, ex) in expansions.iter().enumerate() {
                let s = v
                    .toks
                    .iter()
                    .filter_map(|t| ex.get(t))
                    .copied()
                    .fold(0.0, f32::max);
                recall += weights[qi] * s.max(CONTEXT_CREDIT * cov[qi]);
            }
            let mut precision = 0.0;
            for &t in &v.toks {
                let s = expansions
                    .iter()
                    .filter_map(|ex| ex.get(&t))
                    .copied()
                    .fold(0.0, f32::max);
                precision += self.idf[t as usize] * s;
            }
            let r = if wsum > 0.0 { recall / wsum } else { 0.0 };
            let p = if v.idf_sum > 0.0 {
                precision / v.idf_sum
            } else {
                0.0
            };
            let score = (RECALL_WEIGHT * r + (1.0 - RECALL_WEIGHT) * p).clamp(0.0, 1.0);
            let e = out.entry(v.target).or_insert(0.0);
            if score > *e {
                *e = score;
            }
        }
        (out, known)
    }
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
