//! Finding phrases (small talk, politeness formulas, synonym phrases) in a token sequence.
//!
//! Rules:
//! - a phrase matches a run of consecutive tokens, token by token;
//! - scanning left to right, the longest phrase starting at a position wins, and matches do
//!   not overlap;
//! - token equality is exact, or — for [`PhraseSet::find_fuzzy`] — a small typo in a word of
//!   five letters or more with the same first letter ("merhba" ~ "merhaba"), or a word of up
//!   to four letters more that starts with a phrase word of five letters or more
//!   ("merhabalar" ~ "merhaba"; a short word like Arabic "هلا" is never a prefix match).

// FxHash: looked up for every query token; keys are our own content.
use rustc_hash::FxHashMap as HashMap;

/// A match: tokens `start..end` are phrase number `phrase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub phrase: usize,
}

/// Phrases as token sequences, each with a tag (e.g. its small-talk kind).
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<(Vec<String>, usize)>,
    /// Character count of each phrase token, parallel to `phrases`.
    lens: Vec<Vec<usize>>,
    /// First token → phrases starting with it, longest first (exact matching).
    by_first: HashMap<String, Vec<usize>>,
    /// First letter of the first token → the distinct first tokens of the phrases with it,
    /// each with its character count and its phrases in order (fuzzy matching: a loose
    /// match keeps the first letter, so only these can match there; each first token is
    /// compared once per query position, not once per phrase that starts with it).
    by_initial: HashMap<Option<char>, Vec<FirstWord>>,
}

/// A first token of phrases ([`PhraseSet::by_initial`]).
#[derive(Debug, Clone)]
struct FirstWord {
    token: String,
    len: usize,
    phrases: Vec<usize>,
}

/// Do two folded words match loosely (see the module rules)?
pub fn loosely_equal(q: &str, p: &str) -> bool {
    loosely(q, q.chars().count(), p, p.chars().count())
}

/// [`loosely_equal`] with the character counts known.
fn loosely(q: &str, qn: usize, p: &str, pn: usize) -> bool {
    if q == p {
        return true;
    }
    if pn >= 5 && qn > pn && qn <= pn + 4 && q.starts_with(p) {
        return true;
    }
    if qn < 5 || pn < 5 || qn.abs_diff(pn) > 1 || q.chars().next() != p.chars().next() {
        return false;
    }
    within_one_edit(q, p)
}

/// What [`loosely`] needs of the character counts (`loosely_needs_the_lengths`): equal
/// counts, a longer query word of at most four more, or, both of five or more, one more or
/// one fewer. A cheap test before the call, which the lengths mostly fail.
#[inline(always)]
fn lengths_may_match(qn: usize, pn: usize) -> bool {
    qn == pn || (pn >= 5 && qn > pn && qn <= pn + 4) || (qn >= 5 && pn >= 5 && qn.abs_diff(pn) <= 1)
}

/// `strsim::osa_distance(a, b) <= 1` without its allocations (it runs for every small-talk
/// phrase and long stop word against every query word): the texts are equal, or differ by
/// one character inserted, deleted or replaced, or two neighbours swapped.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(c), Some(d)) if c == d => {}
            // One text is the other plus a last character.
            (Some(_), None) => return x.as_str().is_empty(),
            (None, Some(_)) => return y.as_str().is_empty(),
            (Some(c), Some(d)) => {
                let (xr, yr) = (x.as_str(), y.as_str());
                // One replaced; `c` extra in `a`; `d` extra in `b`; `c` and `d` swapped.
                let (xd, yc) = (xr.strip_prefix(d), yr.strip_prefix(c));
                return xr == yr
                    || xd == Some(yr)
                    || yc == Some(xr)
                    || matches!((xd, yc), (Some(p), Some(q)) if p == q);
            }
        }
    }
}

impl PhraseSet {
    pub fn new() -> PhraseSet {
        PhraseSet::default()
    }

    /// Adds a phrase (empty ones are ignored).
    pub fn add(&mut self, tokens: Vec<String>, tag: usize) {
        if tokens.is_empty() {
            return;
        }
        let i = self.phrases.len();
        let first = tokens[0].clone();
        let words = self.by_initial.entry(first.chars().next()).or_default();
        match words.iter_mut().find(|w| w.token == first) {
            Some(w) => w.phrases.push(i),
            None => words.push(FirstWord {
                token: first.clone(),
                len: first.chars().count(),
                phrases: vec![i],
            }),
        }
        self.lens
            .push(tokens.iter().map(|t| t.chars().count()).collect());
        self.phrases.push((tokens, tag));
        let list = self.by_first.entry(first).or_default();
        list.push(i);
        let phrases = &self.phrases;
        list.sort_by_key(|&j| std::cmp::Reverse(phrases[j].0.len()));
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Does an (exact) phrase start with this token?
    pub fn starts(&self, token: &str) -> bool {
        self.by_first.contains_key(token)
    }

    /// The tag of phrase `i`.
    pub fn tag(&self, i: usize) -> usize {
        self.phrases[i].1
    }

    /// The tokens of phrase `i`.
    pub fn tokens(&self, i: usize) -> &[String] {
        &self.phrases[i].0
    }

    /// Exact matches (see the module rules).
    pub fn find<S: AsRef<str>>(&self, toks: &[S]) -> Vec<Span> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let hit = self.by_first.get(toks[i].as_ref()).and_then(|cands| {
                cands.iter().copied().find(|&p| {
                    let ph = &self.phrases[p].0;
                    toks.len() - i >= ph.len()
                        && toks[i..i + ph.len()]
                            .iter()
                            .zip(ph)
                            .all(|(a, b)| a.as_ref() == b.as_str())
                })
            });
            match hit {
                Some(p) => {
                    let end = i + self.phrases[p].0.len();
                    out.push(Span {
                        start: i,
                        end,
                        phrase: p,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Exact matches that skip the tokens `skip` says (stop words): phrases are stored
    /// without them, and a match spans the skipped tokens between its words.
    pub fn find_skipping(&self, toks: &[String], skip: impl Fn(&str) -> bool) -> Vec<Span> {
        let kept: Vec<usize> = (0..toks.len()).filter(|&i| !skip(&toks[i])).collect();
        // (Borrowed: no copy of the tokens per call.)
        let sub: Vec<&str> = kept.iter().map(|&i| toks[i].as_str()).collect();
        self.find(&sub)
            .into_iter()
            .map(|s| Span {
                start: kept[s.start],
                end: kept[s.end - 1] + 1,
                phrase: s.phrase,
            })
            .collect()
    }

    /// Matches with small typos allowed (see the module rules).
    pub fn find_fuzzy(&self, toks: &[String]) -> Vec<Span> {
        let qlens: Vec<usize> = toks.iter().map(|t| t.chars().count()).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // The longest phrase that matches here; of equal lengths the first added (the
            // phrases of each first token are in order, the first tokens are not).
            let mut best: Option<(usize, usize)> = None;
            let initial = toks[i].chars().next();
            for fw in self.by_initial.get(&initial).map_or(&[][..], Vec::as_slice) {
                if !lengths_may_match(qlens[i], fw.len)
                    || !loosely(&toks[i], qlens[i], &fw.token, fw.len)
                {
                    continue;
                }
                for &p in &fw.phrases {
                    let ph = &self.phrases[p].0;
                    let n = ph.len();
                    if toks.len() - i < n
                        || best.is_some_and(|(bp, bn)| bn > n || (bn == n && bp < p))
                    {
                        continue;
                    }
                    let lens = &self.lens[p];
                    if (1..n).all(|k| {
                        lengths_may_match(qlens[i + k], lens[k])
                            && loosely(&toks[i + k], qlens[i + k], &ph[k], lens[k])
                    }) {
                        best = Some((p, n));
                    }
                }
            }
            match best {
                Some((p, n)) => {
                    out.push(Span {
                        start: i,
                        end: i + n,
                        phrase: p,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loosely_needs_the_lengths() {
        // Every pair of texts of up to six characters over a few letters (multi-byte
        // too): where `loosely` holds, so does the length test `find_fuzzy` makes first.
        let texts = crate::text::testing::every_text(&['a', 'b', 'ü'], 6);
        let mut texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        texts.push("");
        for q in &texts {
            let qn = q.chars().count();
            for p in &texts {
                let pn = p.chars().count();
                if loosely(q, qn, p, pn) {
                    assert!(lengths_may_match(qn, pn), "{q:?} {p:?}");
                }
            }
        }
    }

    #[test]
    fn within_one_edit_is_osa_distance_at_most_one() {
        // Every text of up to 4 characters over a small alphabet (multi-byte letters too).
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|t| ['a', 'b', 'ü', 'ш'].map(|c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        for a in &texts {
            for b in &texts {
                let want = strsim::osa_distance(a, b) <= 1;
                assert_eq!(within_one_edit(a, b), want, "{a:?} {b:?}");
            }
        }
    }

    fn t(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn longest_first_no_overlap() {
        let mut set = PhraseSet::new();
        set.add(t("guten tag"), 0);
        set.add(t("guten"), 1);
        set.add(t("tag"), 2);
        let spans = set.find(&t("guten tag guten morgen tag"));
        let got: Vec<(usize, usize, usize)> = spans
            .iter()
            .map(|s| (s.start, s.end, set.tag(s.phrase)))
            .collect();
        assert_eq!(got, vec![(0, 2, 0), (2, 3, 1), (4, 5, 2)]);
    }

    /// `find_fuzzy` as it was: every phrase with the position's initial, in order.
    fn plain_fuzzy(set: &PhraseSet, toks: &[String]) -> Vec<Span> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let mut best: Option<(usize, usize)> = None;
            for (p, (ph, _)) in set.phrases.iter().enumerate() {
                let n = ph.len();
                if ph[0].chars().next() != toks[i].chars().next()
                    || toks.len() - i < n
                    || best.is_some_and(|(_, bn)| bn >= n)
                {
                    continue;
                }
                if (0..n).all(|k| loosely_equal(&toks[i + k], &ph[k])) {
                    best = Some((p, n));
                }
            }
            match best {
                Some((p, n)) => {
                    out.push(Span {
                        start: i,
                        end: i + n,
                        phrase: p,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn fuzzy_by_first_word_is_the_plain_scan() {
        // Phrases of one to three words over a few words that match each other loosely
        // (typos, longer forms, other first letters), and random texts of them.
        let words = [
            "merhaba",
            "merhba",
            "merhabalar",
            "hallo",
            "hello",
            "hallooo",
            "guten",
            "gutem",
            "tag",
            "morgen",
            "mogren",
            "wie",
            "gehts",
            "gehtss",
            "danke",
            "dankeschoen",
        ];
        let mut next = crate::test_rng::xorshift(0x1234_5678_9ABC_DEF1);
        let mut rnd = |n: u64| next(n) as usize;
        for _ in 0..200 {
            let mut set = PhraseSet::new();
            for tag in 0..1 + rnd(30) {
                let n = 1 + rnd(3);
                set.add((0..n).map(|_| words[rnd(16)].to_string()).collect(), tag);
            }
            for _ in 0..50 {
                let text: Vec<String> = (0..rnd(9)).map(|_| words[rnd(16)].to_string()).collect();
                assert_eq!(set.find_fuzzy(&text), plain_fuzzy(&set, &text), "{text:?}");
            }
        }
    }

    #[test]
    fn fuzzy_words() {
        for (q, p, want) in [
            ("merhabalar", "merhaba", true),
            ("merhba", "merhaba", true),
            ("tesekkurler", "tesekkurler", true),
            ("wer", "was", false),
            ("hallo", "hello", true),
            ("haus", "maus", false),
            ("hilf", "hilfe", false),
            ("nerhaba", "merhaba", false),
            ("hilfe", "hilfen", true),
        ] {
            assert_eq!(loosely_equal(q, p), want, "{q} ~ {p}");
        }
        let mut set = PhraseSet::new();
        set.add(t("wer bist du"), 0);
        assert_eq!(set.find_fuzzy(&t("wer bist du eigentlich")).len(), 1);
        assert!(
            set.find_fuzzy(&t("wer bist")).is_empty(),
            "a phrase matches whole"
        );
        assert!(set.find_fuzzy(&t("wer ist die kerngruppe")).is_empty());
    }
}
