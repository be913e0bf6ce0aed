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
    let d = damerau_within(q, t, budget);
    if d <= budget {
        (1.0 - 1.5 * d as f32 / long.len() as f32).max(0.0)
    } else {
        0.0
    }
}

/// Longest stems [`damerau_levenshtein`] handles on the stack (query tokens are capped at
/// [`crate::text::MAX_TOKEN_CHARS`]; longer ones take strsim's path).
const DL_MAX: usize = 40;

/// The (unrestricted) Damerau-Levenshtein distance: strsim's
/// `generic_damerau_levenshtein`, the same algorithm (Lowrance-Wagner), with its table on
/// the stack and the last row of each character kept per column instead of a hash map: it
/// runs for every fuzzy candidate of every query word, and strsim allocates both per call.
pub fn damerau_levenshtein(a: &[char], b: &[char]) -> usize {
    damerau_within(a, b, usize::MAX)
}

/// [`damerau_levenshtein`] when it is at most `cap`, else some number above `cap` (what
/// [`token_sim`] needs): a row's least entry never falls in the rows below it (every entry
/// is at least the row above's least: a transposition from row k costs at least the rows
/// between, and a row's least grows by at most 1 a row), so once it is above `cap`, so is
/// the distance.
pub(super) fn damerau_within(a: &[char], b: &[char], cap: usize) -> usize {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 {
        return b_len;
    }
    if b_len == 0 {
        return a_len;
    }
    if cap <= 1 {
        return within_one(a, b);
    }
    if cap <= BAND_CAP && a_len <= BAND_MAX && b_len <= BAND_MAX {
        return within_band(a, b, cap);
    }
    if a_len > DL_MAX || b_len > DL_MAX {
        return strsim::generic_damerau_levenshtein(a, b);
    }
    const W: usize = DL_MAX + 2;
    // Every entry is at most `a_len + b_len` <= 80: a byte each keeps the table small.
    let mut d = [[0u8; W]; W];
    let max = a_len + b_len;
    d[0][0] = max as u8;
    for i in 0..=a_len {
        d[i + 1][0] = max as u8;
        d[i + 1][1] = i as u8;
    }
    for j in 0..=b_len {
        d[0][j + 1] = max as u8;
        d[1][j + 1] = j as u8;
    }
    // Per column j: the last row before this one whose character of `a` is `b[j - 1]`
    // (0: none), i.e. the row of that character seen last — strsim's map lookup, kept per
    // column and updated as each row passes, instead of a search per cell.
    let mut last_row = [0usize; DL_MAX + 1];
    for i in 1..=a_len {
        let mut db = 0;
        let mut row_min = i;
        for j in 1..=b_len {
            let k = last_row[j];
            let insertion = d[i][j + 1] as usize + 1;
            let deletion = d[i + 1][j] as usize + 1;
            let transposition = d[k][db] as usize + (i - k - 1) + 1 + (j - db - 1);
            let mut substitution = d[i][j] as usize + 1;
            if a[i - 1] == b[j - 1] {
                db = j;
                substitution -= 1;
                last_row[j] = i;
            }
            let here = substitution.min(insertion.min(deletion.min(transposition)));
            d[i + 1][j + 1] = here as u8;
            row_min = row_min.min(here);
        }
        if row_min > cap {
            return row_min;
        }
    }
    d[a_len + 1][b_len + 1] as usize
}

/// The largest cap [`within_band`] takes (the edit budget of the longest stems).
const BAND_CAP: usize = 3;
/// The longest words [`within_band`] takes.
const BAND_MAX: usize = 30;
/// A cell outside the band: above every distance of words up to [`BAND_MAX`] letters
/// plus one step.
const BAND_OUT: usize = 100;

/// [`damerau_within`] for caps 2 and 3 ([`BAND_CAP`]): the same table (Lowrance-Wagner),
/// only its cells within `cap` of the diagonal (`|i - j| <= cap`, `D(i, j)` the distance of
/// the first `i` letters of `a` and the first `j` of `b`), those outside read as
/// [`BAND_OUT`]. A cell computed so is never below its true value (each term is the cost
/// of some edit sequence), and a cell whose true value is at most `cap` is exact: its
/// best term comes from a cell of at most that value (every term adds a cost of 0 or
/// more), and `D(i, j) >= |i - j|`, so that cell is in the band; for a transposition term
/// with the rows `k` and columns `db` of the last matches, a value of at most `cap` puts
/// both matches in the band too (its cost is at least `|k - db| + (i - k - 1) + (j - db -
/// 1) + 1`), where they were recorded. A last match outside the band leaves an earlier
/// one (or none) for the term: the cost of another edit sequence, never below the true
/// value. So the result is the distance when that is at most `cap`, else above `cap`; a
/// row of the band all above `cap` has every cell of the row above `cap`, which ends the
/// table as in [`damerau_within`]. The band is a few bytes a row, no 1.7 KB table.
fn within_band(a: &[char], b: &[char], cap: usize) -> usize {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len.abs_diff(b_len) > cap {
        return cap + 1;
    }
    // Row `i`, offset `j - i + cap + 1`: offsets 0 and `2 cap + 2` stay `BAND_OUT`.
    const WB: usize = 2 * BAND_CAP + 3;
    let mut d = [[BAND_OUT as u8; WB]; BAND_MAX + 1];
    let at = |i: usize, j: usize| j + cap + 1 - i;
    for j in 0..=b_len.min(cap) {
        d[0][at(0, j)] = j as u8;
    }
    for i in 1..=a_len.min(cap) {
        d[i][at(i, 0)] = i as u8;
    }
    // As in `damerau_within`: per column, the last row (1-based) whose letter is `b[j - 1]`.
    let mut last_row = [0usize; BAND_MAX + 1];
    for i in 1..=a_len {
        let mut db = 0;
        // (Column 0 is in the band for the first `cap` rows.)
        let mut row_min = if i <= cap { i } else { BAND_OUT };
        for j in i.saturating_sub(cap).max(1)..=b_len.min(i + cap) {
            let k = last_row[j];
            let insertion = d[i - 1][at(i, j) + 1] as usize + 1;
            let deletion = d[i][at(i, j) - 1] as usize + 1;
            let mut substitution = d[i - 1][at(i, j)] as usize + 1;
            let transposition = if k > 0 && db > 0 && k.abs_diff(db) <= cap {
                d[k - 1][at(k - 1, db - 1)] as usize + (i - k - 1) + 1 + (j - db - 1)
            } else {
                BAND_OUT
            };
            if a[i - 1] == b[j - 1] {
                db = j;
                substitution -= 1;
                last_row[j] = i;
            }
            let here = substitution.min(insertion.min(deletion.min(transposition)));
            d[i][at(i, j)] = here as u8;
            row_min = row_min.min(here);
        }
        if row_min > cap {
            return row_min;
        }
    }
    d[a_len][at(a_len, b_len)] as usize
}

/// [`damerau_within`] for a cap of at most 1 (most stems are short: a budget of one edit),
/// in one pass instead of a table: 0 for equal words, 1 for words one insertion, deletion,
/// substitution or transposition of neighbours apart (the only ways to be at distance 1),
/// else 2.
fn within_one(a: &[char], b: &[char]) -> usize {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // The first difference (the end of the shorter word if it is a prefix).
    let i = short
        .iter()
        .zip(long)
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    let one = match long.len() - short.len() {
        0 if i == short.len() => return 0,
        0 => {
            short[i + 1..] == long[i + 1..]
                || (i + 1 < short.len()
                    && short[i] == long[i + 1]
                    && short[i + 1] == long[i]
                    && short[i + 2..] == long[i + 2..])
        }
        1 => short[i..] == long[i + 1..],
        _ => false,
    };
    if one { 1 } else { 2 }
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
        let d = damerau_within(q, t, budget);
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

/// The prefix/compound part of [`token_sim`] (0 if none): `token_sim` is the larger of it
/// and [`edit_sim`].
pub(super) fn affix_sim(q: &[char], t: &[char]) -> f32 {
    let (short, long) = if q.len() <= t.len() { (q, t) } else { (t, q) };
    if short.len() >= 4 && (long.starts_with(short) || (short.len() >= 5 && long.ends_with(short)))
    {
        0.5 + 0.4 * short.len() as f32 / long.len() as f32
    } else {
        0.0
    }
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

/// How often the padded bigram `g` occurs in the padded stem `chars` (saturating): its
/// count in [`grams_of`]`(chars)`, 0 if it has none.
#[inline]
pub(super) fn gram_count(chars: &[char], g: Gram) -> u8 {
    let [x, y] = g;
    let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else {
        return u8::from(x == PAD_START && y == PAD_END);
    };
    // The pads' bigrams, then the inner ones.
    let mut n = u8::from(x == PAD_START && y == first) + u8::from(x == last && y == PAD_END);
    for w in chars.windows(2) {
        if w[0] == x && w[1] == y {
            n = n.saturating_add(1);
        }
    }
    n
}

/// The fewest padded bigrams a stem of any length must share with a query stem of `lq`
/// characters to pass [`may_match`] (0 for stems too long for the table: no bound).
#[cfg(test)]
pub(super) fn min_shared(lq: usize) -> usize {
    // [`may_match`] grows with the shared count; past `lq + 3` letters a stem's length no
    // longer changes the bound (only prefix/suffix matches are left), so the table scans
    // lengths well beyond that.
    static TABLE: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..64)
            .map(|lq| {
                (1..2 * lq + 64)
                    .filter_map(|lt| (0..=lq + lt + 2).find(|&s| may_match(lq, lt, s)))
                    .min()
                    .unwrap_or(0)
            })
            .collect()
    });
    table.get(lq).copied().unwrap_or(0)
}

/// The fewest padded bigrams a stem of `lt` characters must share with a query stem of
/// `lq` characters to pass [`may_match`] (`usize::MAX`: none pass): `may_match(lq, lt, s)`
/// is `s >= need_shared(lq, lt)`, one comparison per count instead of a call each.
pub(super) fn need_shared(lq: usize, lt: usize) -> usize {
    let (short, long) = if lq <= lt { (lq, lt) } else { (lt, lq) };
    let budget = edit_budget(short);
    let mut need = usize::MAX;
    if long - short <= budget {
        need = (long + 1).saturating_sub(3 * budget);
    }
    if short >= 4 {
        need = need.min(short - 1);
    }
    need
}

/// Could `token_sim(q, t)` be > 0, given that their padded bigram multisets share `shared`?
/// Exact filter (no false negatives), so candidate generation changes no result:
/// - an OSA edit (insertion, deletion, substitution, adjacent transposition) destroys at
///   most 3 bigrams, so `d` edits leave at least `max(|q|, |t|) + 1 - 3d` shared bigrams;
/// - a prefix or suffix match of the shorter stem shares at least its `len - 1` inner
///   bigrams.
#[cfg(test)]
pub(super) fn may_match(lq: usize, lt: usize, shared: usize) -> bool {
    let (short, long) = if lq <= lt { (lq, lt) } else { (lt, lq) };
    let budget = edit_budget(short);
    let edit = long - short <= budget && shared + 3 * budget > long;
    let affix = short >= 4 && shared + 1 >= short;
    edit || affix
}
