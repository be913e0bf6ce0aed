//! Matching health: every question variant, asked as a question, is answered by its own
//! entry; two entries sharing (almost) the same question make both uncertain.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::Engine;
use crate::error::{Location, Problem};
use crate::reply::Outcome;

/// Every variant, asked as a question, must be answered by its own entry.
pub(super) fn health(engine: &Engine, problems: &mut Vec<Problem>) {
    for e in &engine.faq().entries {
        for (lang, qs) in &e.questions {
            let lines = e.question_lines.get(lang);
            for (k, q) in qs.iter().enumerate() {
                let line = lines.and_then(|l| l.get(k)).copied().or(Some(e.line));
                let loc = Location::at_line(&e.file, line);
                let r = engine.answer(q, None);
                match r.kind {
                    Outcome::Answer(ref j) if *j == e.id => {}
                    Outcome::Answer(ref j) => problems.push(Problem::error(
                        loc,
                        Some(e.id.as_str()),
                        format!(
                            "question {q:?} ({lang}) is answered by entry {:?} (score {:.2}): reword it, or move it to that entry",
                            j.as_str(), r.score
                        ),
                    )),
                    _ => {
                        let best = r
                            .suggestions
                            .first()
                            .map(|s| format!("best: {} {:.2}", s.id, s.score))
                            .unwrap_or_else(|| "no entry close".into());
                        problems.push(Problem::warning(
                            loc,
                            Some(e.id.as_str()),
                            format!(
                                "question {q:?} ({lang}) is not answered directly ({}; {best}): it is too close to other entries or small talk; add a clearer variant",
                                r.outcome()
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// One question variant, as the near-duplicate search compares it.
struct Variant<'a> {
    /// Index of its entry.
    entry: usize,
    text: &'a str,
    line: Option<usize>,
    /// Its analysed words, sorted and joined by spaces.
    key: String,
}

/// Two entries with (almost) the same question make both uncertain.
pub(super) fn near_duplicates(engine: &Engine, problems: &mut Vec<Problem>) {
    let mut by_lang: BTreeMap<&str, Vec<Variant<'_>>> = BTreeMap::new();
    for (i, e) in engine.faq().entries.iter().enumerate() {
        for (lang, qs) in &e.questions {
            let an = crate::text::Analyzer::new(lang);
            for (k, q) in qs.iter().enumerate() {
                let mut words = an.analyze(q);
                words.sort();
                let line = e.question_lines.get(lang).and_then(|l| l.get(k)).copied();
                by_lang.entry(lang.as_str()).or_default().push(Variant {
                    entry: i,
                    text: q.as_str(),
                    line,
                    key: words.join(" "),
                });
            }
        }
    }
    // Pairwise similarity is quadratic; beyond this many variants only exact keys compare.
    const PAIRWISE_LIMIT: usize = 4000;
    for (lang, list) in by_lang {
        let pairwise = list.len() <= PAIRWISE_LIMIT;
        let mut reported = BTreeSet::new();
        let mut exact: HashMap<&str, usize> = HashMap::new();
        for (n, item) in list.iter().enumerate() {
            let mut others: Vec<usize> = Vec::new();
            if let Some(&m) = exact.get(item.key.as_str()) {
                others.push(m);
            } else {
                exact.insert(item.key.as_str(), n);
            }
            if pairwise {
                // Fuzzy only for longer questions: in two-word keys one letter is a different
                // word ("mitglied wer" vs "mitglied werd").
                let words = item.key.split(' ').count();
                for (m, other) in list.iter().enumerate().take(n) {
                    if words >= 3
                        && other.key.split(' ').count() == words
                        && other.key != item.key
                        && strsim::normalized_damerau_levenshtein(&item.key, &other.key) >= 0.9
                    {
                        others.push(m);
                    }
                }
            }
            for m in others {
                let other = &list[m];
                if other.entry == item.entry
                    || !reported.insert((
                        other.entry.min(item.entry),
                        other.entry.max(item.entry),
                        m.min(n),
                    ))
                {
                    continue;
                }
                let (a, b) = (
                    &engine.faq().entries[other.entry],
                    &engine.faq().entries[item.entry],
                );
                problems.push(Problem::warning(
                    Location::at_line(&b.file, item.line.or(Some(b.line))),
                    Some(b.id.as_str()),
                    format!(
                        "near-duplicate question ({lang}): {:?} is almost the same as {:?} of entry {:?} ({}:{}); keep it in one entry only",
                        item.text,
                        other.text,
                        a.id.as_str(),
                        a.file.display(),
                        other.line.unwrap_or(a.line)
                    ),
                ));
            }
        }
    }
}
