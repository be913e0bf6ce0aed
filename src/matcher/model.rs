//! The trained model of one language ([`crate::classify`]): training it on the indexed
//! texts, and the probabilities of the entries and of "out of scope" for a query.

use super::*;

impl LangIndex {
    /// Trains the model on the question variants, titles and out-of-scope examples.
    pub(super) fn train(&mut self, training: &[(u32, Vec<u32>)]) {
        let mut class_of_target: Vec<u32> = vec![u32::MAX; self.targets.len()];
        for (ti, t) in self.targets.iter().enumerate() {
            if let Target::Entry(i) = *t {
                let c = self.class_targets.len() as u32;
                class_of_target[ti] = c;
                self.class_of_entry.insert(i, c);
                self.class_targets.push(*t);
            }
        }
        let none = self.class_targets.len() as u32;
        let examples: Vec<Example<'_>> = training
            .iter()
            .filter_map(|(ti, ids)| match self.targets[*ti as usize] {
                Target::Entry(_) => Some(Example {
                    class: class_of_target[*ti as usize],
                    weight: 1.0,
                    stems: ids,
                }),
                Target::OutOfScope(_) => Some(Example {
                    class: none,
                    weight: classify::OUT_OF_SCOPE_WEIGHT,
                    stems: ids,
                }),
                Target::SmallTalk(_) => None,
            })
            .collect();
        if examples.is_empty() {
            return;
        }
        let groups_of = |id: u32| -> &[u32] { self.groups_of.get(&id).map_or(&[], Vec::as_slice) };
        let vocab = Vocabulary {
            stems: &self.tok_chars,
            groups_of: &groups_of,
            groups: self.groups.len(),
        };
        let model = Model::train(&vocab, &examples, none as usize + 1);
        let stems: Vec<String> = self.tok_chars.iter().map(|c| c.iter().collect()).collect();
        self.vocab_grams = Lists::of(&model, stems.iter().map(String::as_str));
        self.model = Some(model);
    }

    /// The model's probabilities for the query words: per entry (its index into
    /// `Faq::entries`) and of "none". `candidates`: the matcher's entries, best first; a
    /// knowledge base of more than [`MODEL_ALL_CLASSES`] entries is scored on the best
    /// [`MODEL_CANDIDATES`] of them only.
    pub(super) fn classify(
        &self,
        words: &[Word],
        candidates: &[usize],
    ) -> (Vec<(usize, f32)>, f32) {
        let Some(model) = &self.model else {
            return (Vec::new(), 0.0);
        };
        let none = self.class_targets.len() as u32;
        let mut classes: Vec<u32> = if self.class_targets.len() <= MODEL_ALL_CLASSES {
            (0..none).collect()
        } else {
            candidates
                .iter()
                .filter_map(|i| self.class_of_entry.get(i).copied())
                .take(MODEL_CANDIDATES)
                .collect()
        };
        classes.push(none);
        let qwords: Vec<QueryWord<'_>> = words
            .iter()
            .map(|(stem, m)| QueryWord {
                stem,
                matches: m.get(self).0,
                grams: match m {
                    WordMatches::Vocab(id) => self.vocab_grams.get(*id),
                    WordMatches::Foreign(id) => self.foreign_grams.get(*id),
                    WordMatches::Own(..) => None,
                },
            })
            .collect();
        let groups_of = |id: u32| -> &[u32] { self.groups_of.get(&id).map_or(&[], Vec::as_slice) };
        let q = model.features(&qwords, &groups_of);
        if q.is_empty() {
            return (Vec::new(), 0.0);
        }
        let p = model.probabilities(&q, &classes);
        let mut out = Vec::with_capacity(classes.len());
        let mut p_none = 0.0;
        for (&c, &pc) in classes.iter().zip(&p) {
            if c == none {
                p_none = pc;
            } else if let Target::Entry(i) = self.class_targets[c as usize] {
                out.push((i, pc));
            }
        }
        (out, p_none)
    }
}

/// Lists of feature ids, one per stem, in one vector.
#[derive(Default)]
pub(super) struct Lists {
    /// Where each list starts in `items`, and where the last ends.
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// The model's [`Model::gram_features`] of each stem.
    pub(super) fn of<'s>(model: &Model, stems: impl Iterator<Item = &'s str>) -> Lists {
        let mut lists = Lists::default();
        lists.start.push(0);
        for s in stems {
            model.gram_features(s, |f| lists.items.push(f));
            lists.start.push(lists.items.len() as u32);
        }
        lists.items.shrink_to_fit();
        lists
    }

    /// List `i` (none if there is no such list).
    pub(super) fn get(&self, i: u32) -> Option<&[u32]> {
        let i = i as usize;
        let (a, b) = (*self.start.get(i)?, *self.start.get(i + 1)?);
        self.items.get(a as usize..b as usize)
    }
}
