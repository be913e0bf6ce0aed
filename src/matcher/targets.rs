//! Per target (entry, small talk, out-of-scope example) the best of the scores of several
//! languages: how the readings of one question are merged.

use super::*;

/// A language's scores ([`LangResult::scores`]).
pub(super) type Scores<'a> = &'a [(Target, f32, Detail)];

/// Per target of the lists of scores (each with its language, told in the detail) its best
/// score and that one's detail, sorted by target: a first score 0 with the default detail,
/// replaced by each strictly greater one in the lists' order (as a map entry per target).
pub(super) fn best_per_target(lists: &[(usize, Scores<'_>)]) -> Vec<(Target, f32, Detail)> {
    let n = lists.iter().map(|(_, l)| l.len()).sum();
    let mut all: Vec<((u8, usize), u32)> = Vec::with_capacity(n);
    let mut flat: Vec<(f32, Detail)> = Vec::with_capacity(n);
    for &(lang, scores) in lists {
        for &(t, s, mut d) in scores {
            d.lang = lang;
            all.push((target_key(t), flat.len() as u32));
            flat.push((s, d));
        }
    }
    // (Keys and positions are unique: the same order as a stable sort by target.)
    all.sort_unstable();
    let mut best: Vec<(Target, f32, Detail)> = Vec::with_capacity(all.len());
    for &(key, i) in &all {
        let (s, d) = flat[i as usize];
        if best.last().is_none_or(|e| target_key(e.0) != key) {
            best.push((target_of(key), 0.0, Detail::default()));
        }
        if let Some(e) = best.last_mut().filter(|e| s > e.1) {
            (e.1, e.2) = (s, d);
        }
    }
    best
}

/// The target of a [`target_key`].
fn target_of((kind, i): (u8, usize)) -> Target {
    match kind {
        0 => Target::Entry(i),
        1 => Target::SmallTalk(i),
        _ => Target::OutOfScope(i),
    }
}

pub(super) fn target_key(t: Target) -> (u8, usize) {
    match t {
        Target::Entry(i) => (0, i),
        Target::SmallTalk(i) => (1, i),
        Target::OutOfScope(i) => (2, i),
    }
}
