//! A trained model per language on top of the matcher's analysis: which entry a question is
//! about, with evidence summed over ALL question variants and titles of an entry (the matcher
//! scores single variants), and an out-of-scope class trained from `faq/out-of-scope.toml`.
//!
//! **Features** (sparse, from the matcher's analysis of a text in one language: profile
//! folds, filler and stop words removed, Snowball stems, synonym phrases joined):
//! - every stem (a query word counts through its fuzzy matches in the vocabulary, typos and
//!   synonyms included, with their similarity);
//! - every synonym group of a stem, as a concept ("Geldgeber" and "gefördert" share one);
//! - character 3- and 4-grams of the stems (padded: `^ge`, `geg`, …, `et$`, `^geg`, …),
//!   [`CHAR_WEIGHT`] each:
//!   they join forms the stemmer leaves apart ("начиналось" ~ "началось", Turkish and
//!   Arabic suffixes, dialect spellings).
//!
//! Each training text (question variants and titles of an entry; out-of-scope examples with
//! weight [`OUT_OF_SCOPE_WEIGHT`] in one "none" class; answers are not used) is a TF-IDF
//! vector (idf over the training texts), L2-normalised.
//!
//! **Model**: softmax (multinomial logistic) regression with weights on the (feature, class)
//! pairs seen in training, started from the Rocchio centroids (each class's summed,
//! normalised text vectors, scaled by [`INIT_SCALE`]) and refined by full-batch Adagrad with
//! L2 regularisation ([`EPOCHS`], [`LEARNING_RATE`], [`L2`]). Weights outside a class's own
//! features would be the same for every class (a shared term that does not change the
//! softmax), so they are left out: memory and scoring stay O(features of the content).
//!
//! **Bounded training**: one epoch costs about Σ over texts of (their features' class lists
//! plus the number of classes); the refinement runs at most as many epochs as fit into
//! [`WORK_BUDGET`]. The shipped FAQ gets all [`EPOCHS`] (a few milliseconds); a knowledge base
//! of thousands of entries gets fewer or none and keeps the Rocchio weights, so loading stays
//! O(total features).
//!
//! **Scoring** a query: its feature vector (idf-weighted, normalised) against the classes it
//! is given (all of them for a small knowledge base, else the matcher's best candidates plus
//! "none"), softmax over those: the probability of each entry and of "none".
//!
//! Hyper-parameters were chosen on the tuning sets (tests/eval/tuning2.toml,
//! tests/eval/holdout.toml, ../shared/eval/dev.toml) by first-place accuracy; alternatives
//! measured there (multinomial and one-vs-rest Naive Bayes, Rocchio alone, k-nearest
//! variants) ranked 1–2 points lower. See README ("How matching works").

// FxHash: small integer and character keys, hashed per query word; no untrusted key can
// flood them (features come from our own content). Iteration order never matters here:
// every map is sorted (`to_sparse`) or only looked up.
use rustc_hash::FxHashMap as HashMap;

/// Share of the matcher's best-variant score in the ranking score of an entry; the rest is
/// the model's probability. The best-variant score rewards a question that is nearly one
/// of the variants; the model, evidence spread over many variants.
pub const BLEND: f32 = 0.2;
/// A best-variant score from which the question counts as one of the entry's own variants
/// (asked as written, or nearly): the entry's probability is raised to that score, so a
/// variant is always answered by its own entry.
pub const EXACT: f32 = 0.9;
/// Weight of one character n-gram of a stem (a whole stem weighs 1).
pub const CHAR_WEIGHT: f32 = 0.5;
/// Weight of an out-of-scope example in training (a question variant weighs 1): the "none"
/// class holds many kinds of questions, each with few examples, and must not swallow long
/// questions that tell who is asking before they ask.
pub const OUT_OF_SCOPE_WEIGHT: f32 = 0.3;
/// Scale of the Rocchio start (cosine similarities are small logits).
pub const INIT_SCALE: f32 = 3.0;
/// Refinement epochs (full batch) when the budget allows.
pub const EPOCHS: usize = 60;
/// Adagrad step size.
pub const LEARNING_RATE: f32 = 0.5;
/// L2 regularisation of the weights.
pub const L2: f32 = 1e-4;
/// Training work (feature-class updates) allowed per language; see the module docs.
pub const WORK_BUDGET: usize = 60_000_000;
/// Models of up to this many classes keep their weights by feature as well (see
/// `Model::by_feat`): small knowledge bases score every class for every query.
pub const TRANSPOSED_CLASSES: usize = 256;

/// A character 3- or 4-gram of a stem padded with STX/ETX (a 3-gram ends in NUL).
type Gram = [char; 4];
const PAD_START: char = '\u{2}';
const PAD_END: char = '\u{3}';

/// The padded 3-grams, then 4-grams, of a stem.
fn ngrams(s: &[char], mut f: impl FnMut(Gram)) {
    let n = s.len() + 2;
    let at = |i: usize| {
        if i == 0 {
            PAD_START
        } else if i == n - 1 {
            PAD_END
        } else {
            s[i - 1]
        }
    };
    for i in 0..n.saturating_sub(2) {
        f([at(i), at(i + 1), at(i + 2), '\0']);
    }
    for i in 0..n.saturating_sub(3) {
        f([at(i), at(i + 1), at(i + 2), at(i + 3)]);
    }
}

/// What the classifier needs to know about the matcher's vocabulary of one language.
pub struct Vocabulary<'a> {
    /// Stems by id (a joined synonym phrase has a space and no n-grams).
    pub stems: &'a [Vec<char>],
    /// Synonym groups of each stem.
    pub groups_of: &'a dyn Fn(u32) -> &'a [u32],
    /// Number of synonym groups.
    pub groups: usize,
}

/// One training text: its class, weight and stem ids.
pub struct Example<'a> {
    pub class: u32,
    pub weight: f32,
    pub stems: &'a [u32],
}

/// One query word: its folded stem and its fuzzy matches in the vocabulary (id, similarity).
pub struct QueryWord<'a> {
    pub stem: &'a str,
    pub matches: &'a [(u32, f32)],
    /// The stem's [`Model::gram_features`], if made already (for the vocabulary's stems
    /// at build time); else they are made here.
    pub grams: Option<&'a [u32]>,
}

/// The trained model of one language.
pub struct Model {
    n_vocab: u32,
    n_groups: u32,
    grams: HashMap<Gram, u32>,
    idf: Vec<f32>,
    /// Per class: `feat[start[c]..start[c + 1]]` sorted, with `weight` alongside.
    start: Vec<u32>,
    feat: Vec<u32>,
    weight: Vec<f32>,
    bias: Vec<f32>,
    /// Classes that have training texts.
    present: Vec<bool>,
    /// The weights by feature for a model of at most [`TRANSPOSED_CLASSES`] classes: the
    /// (class, weight) pairs of feature f are `by_feat[by_feat_start[f]..by_feat_start[f + 1]]`
    /// in class order. Scoring every class walks the query's features once instead of
    /// merging them with every class's list. Empty for larger models.
    by_feat_start: Vec<u32>,
    by_feat: Vec<(u32, f32)>,
    /// Epochs the refinement ran (for tests and benchmarks).
    pub epochs: usize,
}

/// Sparse vector: (feature, value), sorted by feature, no duplicates.
type Sparse = Vec<(u32, f32)>;

thread_local! {
    /// Per feature: its sum in [`Model::features`] (`None` between calls), and the list of
    /// the features touched (empty between calls), reused across queries.
    static SUMS: std::cell::Cell<(Vec<Option<f32>>, Vec<u32>)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

fn to_sparse(map: HashMap<u32, f32>) -> Sparse {
    let mut v: Sparse = map.into_iter().filter(|&(_, x)| x != 0.0).collect();
    v.sort_unstable_by_key(|&(f, _)| f);
    v
}

impl Model {
    /// Trains the model for `classes` classes on `examples` (see the module docs).
    pub fn train(vocab: &Vocabulary<'_>, examples: &[Example<'_>], classes: usize) -> Model {
        let n_vocab = vocab.stems.len() as u32;
        let n_groups = vocab.groups as u32;
        let mut grams: HashMap<Gram, u32> = HashMap::default();
        let mut next = n_vocab + n_groups;
        // Raw feature vectors of the training texts.
        let mut raw: Vec<Sparse> = Vec::with_capacity(examples.len());
        for ex in examples {
            let mut m: HashMap<u32, f32> = HashMap::default();
            for &id in ex.stems {
                *m.entry(id).or_default() += 1.0;
                for &g in (vocab.groups_of)(id) {
                    *m.entry(n_vocab + g).or_default() += 1.0;
                }
                let s = &vocab.stems[id as usize];
                if !s.contains(&' ') {
                    ngrams(s, |g| {
                        let f = *grams.entry(g).or_insert_with(|| {
                            next += 1;
                            next - 1
                        });
                        *m.entry(f).or_default() += CHAR_WEIGHT;
                    });
                }
            }
            raw.push(to_sparse(m));
        }
        let n_feat = next as usize;
        let mut df = vec![0u32; n_feat];
        for v in &raw {
            for &(f, _) in v {
                df[f as usize] += 1;
            }
        }
        let n = examples.len().max(1) as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| {
                if d == 0 {
                    0.0
                } else {
                    (1.0 + n / d as f32).ln()
                }
            })
            .collect();
        let xs: Vec<Sparse> = raw
            .into_iter()
            .map(|v| normalised(v.into_iter().map(|(f, x)| (f, x * idf[f as usize]))))
            .collect();
        // Rocchio start: per class, the sum of its normalised texts, normalised and scaled.
        let mut cent: Vec<HashMap<u32, f32>> = vec![HashMap::default(); classes];
        let mut present = vec![false; classes];
        for (ex, x) in examples.iter().zip(&xs) {
            let c = ex.class as usize;
            present[c] = true;
            for &(f, v) in x {
                *cent[c].entry(f).or_default() += ex.weight * v;
            }
        }
        let mut start = Vec::with_capacity(classes + 1);
        let mut feat: Vec<u32> = Vec::new();
        let mut weight: Vec<f32> = Vec::new();
        start.push(0u32);
        for m in cent {
            let v = normalised(to_sparse(m).into_iter());
            for (f, x) in v {
                feat.push(f);
                weight.push(INIT_SCALE * x);
            }
            start.push(feat.len() as u32);
        }
        let mut model = Model {
            n_vocab,
            n_groups,
            grams,
            idf,
            start,
            feat,
            weight,
            bias: vec![0.0; classes],
            present,
            by_feat_start: Vec::new(),
            by_feat: Vec::new(),
            epochs: 0,
        };
        model.refine(examples, &xs);
        model.transpose();
        model
    }

    /// Fills `by_feat` from the final weights (small models only).
    fn transpose(&mut self) {
        let classes = self.bias.len();
        if classes > TRANSPOSED_CLASSES {
            return;
        }
        let mut count = vec![0u32; self.idf.len() + 1];
        for &f in &self.feat {
            count[f as usize + 1] += 1;
        }
        for f in 1..count.len() {
            count[f] += count[f - 1];
        }
        let mut next = count.clone();
        self.by_feat = vec![(0, 0.0); self.feat.len()];
        // Classes in order, so each feature's pairs are in class order.
        for c in 0..classes {
            for slot in self.start[c] as usize..self.start[c + 1] as usize {
                let f = self.feat[slot] as usize;
                self.by_feat[next[f] as usize] = (c as u32, self.weight[slot]);
                next[f] += 1;
            }
        }
        self.by_feat_start = count;
    }

    /// Softmax regression on the support pairs, full-batch Adagrad, within the work budget.
    fn refine(&mut self, examples: &[Example<'_>], xs: &[Sparse]) {
        let classes = self.bias.len();
        let live: Vec<usize> = (0..classes).filter(|&c| self.present[c]).collect();
        if live.len() < 2 || examples.is_empty() {
            return;
        }
        // Per feature: its (class, slot) pairs.
        let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); self.idf.len()];
        for c in 0..classes {
            for slot in self.start[c] as usize..self.start[c + 1] as usize {
                postings[self.feat[slot] as usize].push((c as u32, slot as u32));
            }
        }
        let per_epoch: usize = xs
            .iter()
            .map(|x| {
                live.len()
                    + x.iter()
                        .map(|&(f, _)| 2 * postings[f as usize].len())
                        .sum::<usize>()
            })
            .sum::<usize>()
            .max(1);
        let epochs = EPOCHS.min(WORK_BUDGET / per_epoch);
        let n = examples.len() as f32;
        let mut g2 = vec![1e-8f32; self.weight.len()];
        let mut gb2 = vec![1e-8f32; classes];
        let mut grad = vec![0.0f32; self.weight.len()];
        let mut gbias = vec![0.0f32; classes];
        let mut z = vec![0.0f32; classes];
        for _ in 0..epochs {
            grad.iter_mut().for_each(|g| *g = 0.0);
            gbias.iter_mut().for_each(|g| *g = 0.0);
            for (ex, x) in examples.iter().zip(xs) {
                for &c in &live {
                    z[c] = self.bias[c];
                }
                for &(f, v) in x {
                    for &(c, slot) in &postings[f as usize] {
                        z[c as usize] += self.weight[slot as usize] * v;
                    }
                }
                let max = live.iter().map(|&c| z[c]).fold(f32::MIN, f32::max);
                let mut sum = 0.0;
                for &c in &live {
                    z[c] = (z[c] - max).exp();
                    sum += z[c];
                }
                // z now holds w·(p − y) per class: the gradient of the loss by the logit.
                for &c in &live {
                    let y = if c as u32 == ex.class { 1.0 } else { 0.0 };
                    z[c] = ex.weight * (z[c] / sum - y);
                    gbias[c] += z[c];
                }
                for &(f, v) in x {
                    for &(c, slot) in &postings[f as usize] {
                        grad[slot as usize] += z[c as usize] * v;
                    }
                }
            }
            for (k, w) in self.weight.iter_mut().enumerate() {
                let g = grad[k] / n + L2 * *w;
                g2[k] += g * g;
                *w -= LEARNING_RATE * g / g2[k].sqrt();
            }
            for &c in &live {
                let g = gbias[c] / n;
                gb2[c] += g * g;
                self.bias[c] -= LEARNING_RATE * g / gb2[c].sqrt();
            }
        }
        self.epochs = epochs;
    }

    /// The query's feature vector (idf-weighted, normalised); empty if nothing is known.
    pub fn features<'g>(
        &self,
        words: &[QueryWord<'_>],
        groups_of: &'g dyn Fn(u32) -> &'g [u32],
    ) -> Sparse {
        // Every addition (feature, value) summed per feature in the order it is made, in a
        // per-thread array indexed by feature (a sum that starts at -0.0 instead of 0.0 is
        // zero only when both are: dropped either way); then the features in order. (Taken
        // out of its cell: a panic in between drops it, so no half-reset array is reused.)
        let (mut sums, mut touched) = SUMS.with(std::cell::Cell::take);
        touched.clear();
        let mut add = |f: u32, x: f32| {
            let i = f as usize;
            if i >= sums.len() {
                sums.resize(i + 1, None);
            }
            match &mut sums[i] {
                Some(sum) => *sum += x,
                empty => {
                    *empty = Some(x);
                    touched.push(f);
                }
            }
        };
        let mut word: Vec<(u32, f32)> = Vec::with_capacity(8);
        for w in words {
            word.clear();
            for &(id, sim) in w.matches.iter().filter(|&&(id, _)| id < self.n_vocab) {
                let groups = groups_of(id).iter().filter(|&&g| g < self.n_groups);
                for f in std::iter::once(id).chain(groups.map(|&g| self.n_vocab + g)) {
                    match word.iter_mut().find(|e| e.0 == f) {
                        Some(e) => e.1 = e.1.max(sim),
                        None => word.push((f, 0.0f32.max(sim))),
                    }
                }
            }
            for &(f, x) in &word {
                add(f, x);
            }
            match w.grams {
                Some(fs) => fs.iter().for_each(|&f| add(f, CHAR_WEIGHT)),
                None => self.gram_features(w.stem, |f| add(f, CHAR_WEIGHT)),
            }
        }
        touched.sort_unstable();
        // (What `normalised` makes of the non-zero sums times their idf, in one vector
        // sized once: the same values, filters and float operations in the same order.)
        let mut m: Sparse = Vec::with_capacity(touched.len());
        for &f in &touched {
            if let Some(x) = sums[f as usize].take()
                && x != 0.0
            {
                let x = x * self.idf.get(f as usize).copied().unwrap_or(0.0);
                if x != 0.0 {
                    m.push((f, x));
                }
            }
        }
        SUMS.with(|cell| cell.set((sums, touched)));
        let norm = m.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt();
        if norm == 0.0 {
            return Vec::new();
        }
        m.iter_mut().for_each(|(_, x)| *x /= norm);
        m
    }

    /// The features of the padded n-grams of `stem` that the model knows, in n-gram order
    /// (none for a joined phrase: it has a space).
    pub fn gram_features(&self, stem: &str, mut f: impl FnMut(u32)) {
        if stem.contains(' ') {
            return;
        }
        let chars: Vec<char> = stem.chars().collect();
        ngrams(&chars, |g| {
            if let Some(&id) = self.grams.get(&g) {
                f(id);
            }
        });
    }

    /// The logit of a class for a query vector.
    fn logit(&self, c: usize, q: &Sparse) -> f32 {
        let (a, b) = (self.start[c] as usize, self.start[c + 1] as usize);
        let feats = &self.feat[a..b];
        let mut z = self.bias[c];
        // Merge or binary search, whichever is cheaper.
        if feats.len() <= 4 * q.len() {
            let (mut i, mut j) = (0, 0);
            while i < q.len() && j < feats.len() {
                match q[i].0.cmp(&feats[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        z += q[i].1 * self.weight[a + j];
                        i += 1;
                        j += 1;
                    }
                }
            }
        } else {
            for &(f, v) in q {
                if let Ok(j) = feats.binary_search(&f) {
                    z += v * self.weight[a + j];
                }
            }
        }
        z
    }

    /// Probabilities of `classes` (softmax over them; classes without training texts get 0).
    pub fn probabilities(&self, q: &Sparse, classes: &[u32]) -> Vec<f32> {
        let all = !self.by_feat_start.is_empty()
            && classes.len() == self.bias.len()
            && classes.iter().enumerate().all(|(i, &c)| c as usize == i);
        let z: Vec<f32> = if all {
            // Every class: the same sums as `logit` (bias, then the query's features in
            // order), walked by feature.
            let mut z = self.bias.clone();
            for &(f, v) in q {
                let f = f as usize;
                if f + 1 >= self.by_feat_start.len() {
                    continue;
                }
                let (a, b) = (self.by_feat_start[f], self.by_feat_start[f + 1]);
                for &(c, w) in &self.by_feat[a as usize..b as usize] {
                    z[c as usize] += v * w;
                }
            }
            for (zc, &p) in z.iter_mut().zip(&self.present) {
                if !p {
                    *zc = f32::NEG_INFINITY;
                }
            }
            z
        } else {
            classes
                .iter()
                .map(|&c| {
                    let c = c as usize;
                    if c < self.bias.len() && self.present[c] {
                        self.logit(c, q)
                    } else {
                        f32::NEG_INFINITY
                    }
                })
                .collect()
        };
        let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        if max == f32::NEG_INFINITY {
            return vec![0.0; classes.len()];
        }
        let e: Vec<f32> = z.iter().map(|&x| (x - max).exp()).collect();
        let sum: f32 = e.iter().sum();
        e.into_iter().map(|x| x / sum).collect()
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.bias.len()
    }
}

fn normalised(v: impl Iterator<Item = (u32, f32)>) -> Sparse {
    let v: Sparse = v.filter(|&(_, x)| x != 0.0).collect();
    let norm = v.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt();
    if norm == 0.0 {
        return Vec::new();
    }
    v.into_iter().map(|(f, x)| (f, x / norm)).collect()
}

#[cfg(test)]
mod tests;
