//! Token similarity: the edit budget, OSA edit distance and prefix/compound matches of
//! stems, and the padded-bigram filter that finds fuzzy candidates without missing one.

use super::*;

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

/// Padded bigrams of a stem with their counts (a multiset, few entries).
pub(super) fn grams_of(chars: &[char]) -> Vec<(Gram, u8)> {
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
pub(super) fn may_match(lq: usize, lt: usize, shared: usize) -> bool {
    let (short, long) = if lq <= lt { (lq, lt) } else { (lt, lq) };
    let budget = edit_budget(short);
    let edit = long - short <= budget && shared + 3 * budget > long;
    let affix = short >= 4 && shared + 1 >= short;
    edit || affix
}
