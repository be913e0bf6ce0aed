//! Fuzzy matches of a query stem: by shared padded bigrams among the stems of the lengths
//! an edit can reach, and by beginnings and endings among longer and shorter stems.

use super::*;

/// The stem lengths `lo..=hi` within the edit budget of a query stem of `lq` letters:
/// `|lt - lq| <= edit_budget(min(lt, lq))` (the budget grows with the length, so they are
/// one range).
pub(super) fn edit_window(lq: usize) -> (usize, usize) {
    let lo = (0..=lq)
        .find(|&lt| lq - lt <= edit_budget(lt))
        .unwrap_or(lq);
    (lo, lq + edit_budget(lq))
}

/// The entries of a bigram's list with stems of `lo..=hi` letters (one range: by length,
/// then stem), read from its `from_len`.
fn window(l: &GramList, lo: usize, hi: usize) -> &[GramEntry] {
    // (`from_len`'s last entry is the list's length: longer stems are none.)
    let f = &l.from_len;
    let at = |x: usize| f.get(x).or(f.last()).map_or(0, |&i| i as usize);
    &l.entries[at(lo)..at(hi.saturating_add(1))]
}

/// [`GramList::from_len`] of entries sorted by length: per length `x` from 0 to the
/// longest stem's + 1, the first entry of length `x` or more.
fn from_len(entries: &[GramEntry]) -> Vec<u32> {
    let longest = entries.last().map_or(0, |e| e.1 as usize);
    (0..=longest + 1)
        .map(|x| entries.partition_point(|e| (e.1 as usize) < x) as u32)
        .collect()
}

impl LangIndex {
    /// Fuzzy matches of one query stem: (vocabulary id, similarity), similarity > 0, in
    /// vocabulary order, then the other members of the synonym groups of good matches.
    /// Only stems sharing enough padded bigrams with `q` ([`similarity::may_match`]) are compared, which
    /// finds exactly the stems a scan of the whole vocabulary would. `shared` is scratch of
    /// vocabulary size, all zero on entry and on return.
    pub(super) fn expand(
        &self,
        qc: &[char],
        q: &str,
        shared: &mut [u8],
        touched: &mut Vec<u32>,
    ) -> Vec<(u32, f32)> {
        let mut out = Vec::new();
        if q.contains(' ') {
            // A joined synonym phrase: exact only.
            if let Some(&id) = self.joined.get(q) {
                out.push((id, 1.0));
            }
        } else {
            // Stems of the lengths an edit can reach (`lo..=hi`) are found by their shared
            // bigrams; longer and shorter stems only match as prefixes or suffixes
            // (`token_sim`'s affix part), found by binary search in the sorted stems.
            let lq = qc.len();
            let (lo, hi) = edit_window(lq);
            // The longest bigram lists are left out of the counting as long as the query
            // bigrams they hold add up to less than the fewest shared bigrams any match of
            // those lengths needs: every stem that can match still shares a counted
            // bigram, and for those the left-out bigrams are counted in the stem.
            // (Each list's stems of lengths `lo..=hi`: one range, by length then stem.)
            let grams: Vec<(&[GramEntry], u8, Gram)> = grams_of(qc)
                .into_iter()
                .map(|(g, nq)| {
                    (
                        self.grams.get(&g).map_or(&[][..], |l| window(l, lo, hi)),
                        nq,
                        g,
                    )
                })
                .collect();
            let mut order: Vec<usize> = (0..grams.len()).collect();
            order.sort_by_key(|&i| std::cmp::Reverse(grams[i].0.len()));
            let need_min = (lo..=hi).map(|lt| need_shared(lq, lt)).min().unwrap_or(0);
            let mut budget = need_min.saturating_sub(1);
            let mut left_out: Vec<usize> = Vec::new();
            for i in order {
                let n = grams[i].1 as usize;
                if n <= budget {
                    budget -= n;
                    left_out.push(i);
                }
            }
            for (k, &(list, nq, _)) in grams.iter().enumerate() {
                if left_out.contains(&k) {
                    continue;
                }
                for &(id, _, nt) in list {
                    let s = &mut shared[id as usize];
                    if *s == 0 {
                        touched.push(id);
                    }
                    *s = s.saturating_add(nq.min(nt));
                }
            }
            let left_out_max: usize = left_out.iter().map(|&k| grams[k].1 as usize).sum();
            for id in touched.drain(..) {
                let mut n = std::mem::take(&mut shared[id as usize]) as usize;
                let tc = &self.tok_chars[id as usize];
                // (`may_match(qc.len(), tc.len(), n)` is `n >= need`.)
                let need = need_shared(lq, tc.len());
                // Even all the left-out bigrams would not be enough.
                if n + left_out_max < need {
                    continue;
                }
                for &k in &left_out {
                    // `may_match` only grows with the shared bigrams
                    // (`may_match_grows_with_shared`): once it holds, the rest cannot undo it.
                    if n >= need {
                        break;
                    }
                    // The stem's count of the bigram, as its entry in the list has it
                    // (0: no entry), counted in the stem (a few letters) instead of a
                    // binary search of the long list (`gram_count_is_the_list_entry`).
                    let (_, nq, g) = grams[k];
                    n += nq.min(gram_count(tc, g)) as usize;
                }
                if n >= need {
                    let sim = token_sim(qc, tc);
                    if sim > 0.0 {
                        out.push((id, sim));
                    }
                }
            }
            for id in self.affix_stems(qc, lo, hi) {
                let sim = token_sim(qc, &self.tok_chars[id as usize]);
                if sim > 0.0 {
                    out.push((id, sim));
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

    /// Fills [`Self::by_letters`] and [`Self::by_ending`] (once every stem is made).
    pub(super) fn sort_fuzzy_stems(&mut self) {
        for l in self.grams.values_mut() {
            l.entries.sort_unstable_by_key(|&(id, len, _)| (len, id));
            l.from_len = from_len(&l.entries);
        }
        let mut ids: Vec<u32> = self
            .grams
            .values()
            .flat_map(|l| l.entries.iter().map(|&(id, _, _)| id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let tc = &self.tok_chars;
        let mut by_ending = ids.clone();
        ids.sort_by(|&a, &b| tc[a as usize].cmp(&tc[b as usize]));
        by_ending.sort_by(|&a, &b| {
            let (a, b) = (&tc[a as usize], &tc[b as usize]);
            a.iter().rev().cmp(b.iter().rev())
        });
        self.by_letters = ids;
        self.by_ending = by_ending;
    }

    /// The fuzzy stems outside the lengths `lo..=hi` whose [`affix_sim`] with `qc` may be
    /// above 0: longer stems that start with `qc` (four letters or more) or end with it
    /// (five or more), and shorter ones of four letters or more that `qc` starts with, or
    /// of five or more that it ends with. Each once, in no order.
    fn affix_stems(&self, qc: &[char], lo: usize, hi: usize) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        let lq = qc.len();
        if lq < 4 {
            return out;
        }
        let tc = &self.tok_chars;
        let forward = |id: u32| tc[id as usize].as_slice();
        let backward = |id: u32| tc[id as usize].iter().rev();
        // Longer stems: the range of the sorted stems that start (end) with `qc`.
        let from = self.by_letters.partition_point(|&id| forward(id) < qc);
        out.extend(
            self.by_letters[from..]
                .iter()
                .take_while(|&&id| forward(id).starts_with(qc))
                .filter(|&&id| forward(id).len() > hi),
        );
        if lq >= 5 {
            let from = self
                .by_ending
                .partition_point(|&id| backward(id).lt(qc.iter().rev()));
            for &id in self.by_ending[from..]
                .iter()
                .take_while(|&&id| forward(id).ends_with(qc))
            {
                if forward(id).len() > hi && !forward(id).starts_with(qc) {
                    out.push(id);
                }
            }
        }
        // Shorter stems: `qc`'s own beginnings and endings.
        for k in 4..lo.min(lq) {
            if let Ok(j) = self
                .by_letters
                .binary_search_by(|&id| forward(id).cmp(&qc[..k]))
            {
                out.push(self.by_letters[j]);
            }
            let end = &qc[lq - k..];
            if k >= 5
                && end != &qc[..k]
                && let Ok(j) = self
                    .by_ending
                    .binary_search_by(|&id| backward(id).cmp(end.iter().rev()))
            {
                out.push(self.by_ending[j]);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_the_plain_search() {
        // 3,000 random lists (empty, one length, many lengths, lengths with gaps) sorted by
        // length then stem: for every window `lo..=hi` up to beyond the longest stem, the
        // entries the two binary searches of the list find.
        let mut next = crate::test_rng::xorshift(0x5EED_0F6A_A115);
        for _ in 0..3_000 {
            let n = next(40) as usize;
            let spread = 1 + next(30);
            let mut entries: Vec<GramEntry> = (0..n)
                .map(|i| (i as u32, next(spread) as u16, 1 + next(3) as u8))
                .collect();
            entries.sort_unstable_by_key(|&(id, len, _)| (len, id));
            let list = GramList {
                from_len: from_len(&entries),
                entries,
            };
            for lo in 0..40 {
                for hi in lo..45 {
                    let l = &list.entries;
                    let from = l.partition_point(|e| (e.1 as usize) < lo);
                    let to = from + l[from..].partition_point(|e| e.1 as usize <= hi);
                    assert_eq!(window(&list, lo, hi), &l[from..to], "{lo}..={hi}");
                }
            }
        }
    }
}
