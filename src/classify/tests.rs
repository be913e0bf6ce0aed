use super::*;

fn c(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn ngrams_are_padded() {
    let mut out = Vec::new();
    ngrams(&c("ab"), |g| out.push(g));
    assert_eq!(
        out,
        vec![
            [PAD_START, 'a', 'b', '\0'],
            ['a', 'b', PAD_END, '\0'],
            [PAD_START, 'a', 'b', PAD_END]
        ],
        "two letters: two 3-grams and one 4-gram"
    );
    out.clear();
    ngrams(&c("a"), |g| out.push(g));
    assert_eq!(out, vec![[PAD_START, 'a', PAD_END, '\0']]);
}

#[test]
fn evidence_adds_up_over_variants() {
    // Class 0 has two variants that each share one word with the query; class 1 has one
    // variant sharing one word. Summed over variants, class 0 wins.
    let stems = vec![c("kern"), c("grupp"), c("aufgab"), c("treff"), c("projekt")];
    let none: &[u32] = &[];
    let groups_of = |_: u32| none;
    let vocab = Vocabulary {
        stems: &stems,
        groups_of: &groups_of,
        groups: 0,
    };
    let ex = [
        Example {
            class: 0,
            weight: 1.0,
            stems: &[0, 2],
        },
        Example {
            class: 0,
            weight: 1.0,
            stems: &[0, 1],
        },
        Example {
            class: 1,
            weight: 1.0,
            stems: &[4, 1, 3],
        },
    ];
    let m = Model::train(&vocab, &ex, 2);
    assert!(m.epochs > 0, "a tiny model is refined");
    let words = [
        QueryWord {
            stem: "kern",
            matches: &[(0, 1.0)],
            grams: None,
        },
        QueryWord {
            stem: "aufgab",
            matches: &[(2, 1.0)],
            grams: None,
        },
    ];
    let q = m.features(&words, &groups_of);
    let p = m.probabilities(&q, &[0, 1]);
    assert!(p[0] > 0.8, "{p:?}");
    assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    // An unknown word gives no features and no probabilities.
    let unknown = [QueryWord {
        stem: "xyz",
        matches: &[],
        grams: None,
    }];
    let q = m.features(&unknown, &groups_of);
    assert!(q.is_empty());
}

#[test]
fn ngrams_join_forms_the_stemmer_leaves_apart() {
    let stems = vec![c("началось"), c("деньг")];
    let none: &[u32] = &[];
    let groups_of = |_: u32| none;
    let vocab = Vocabulary {
        stems: &stems,
        groups_of: &groups_of,
        groups: 0,
    };
    let ex = [
        Example {
            class: 0,
            weight: 1.0,
            stems: &[0],
        },
        Example {
            class: 1,
            weight: 1.0,
            stems: &[1],
        },
    ];
    let m = Model::train(&vocab, &ex, 2);
    // "начиналось" is not in the vocabulary, but shares n-grams with "началось".
    let q = m.features(
        &[QueryWord {
            stem: "начиналось",
            matches: &[],
            grams: None,
        }],
        &groups_of,
    );
    let p = m.probabilities(&q, &[0, 1]);
    assert!(p[0] > p[1], "{p:?}");
}

/// [`Model::features`] as it was: every addition, a stable sort by feature, summed in order.
fn plain_features<'g>(
    m: &Model,
    words: &[QueryWord<'_>],
    groups_of: &'g dyn Fn(u32) -> &'g [u32],
) -> Sparse {
    let mut adds: Vec<(u32, f32)> = Vec::new();
    let mut word: Vec<(u32, f32)> = Vec::new();
    for w in words {
        word.clear();
        for &(id, sim) in w.matches.iter().filter(|&&(id, _)| id < m.n_vocab) {
            let groups = groups_of(id).iter().filter(|&&g| g < m.n_groups);
            for f in std::iter::once(id).chain(groups.map(|&g| m.n_vocab + g)) {
                match word.iter_mut().find(|e| e.0 == f) {
                    Some(e) => e.1 = e.1.max(sim),
                    None => word.push((f, 0.0f32.max(sim))),
                }
            }
        }
        adds.extend_from_slice(&word);
        match w.grams {
            Some(fs) => adds.extend(fs.iter().map(|&f| (f, CHAR_WEIGHT))),
            None => m.gram_features(w.stem, |f| adds.push((f, CHAR_WEIGHT))),
        }
    }
    adds.sort_by_key(|&(f, _)| f);
    let mut s: Sparse = Vec::new();
    for (f, x) in adds {
        match s.last_mut() {
            Some(e) if e.0 == f => e.1 += x,
            _ => s.push((f, x)),
        }
    }
    s.retain(|&(_, x)| x != 0.0);
    normalised(
        s.into_iter()
            .map(|(f, x)| (f, x * m.idf.get(f as usize).copied().unwrap_or(0.0))),
    )
}

#[test]
fn features_are_the_plain_sums() {
    let stems = vec![
        c("kern"),
        c("grupp"),
        c("aufgab"),
        c("treff"),
        c("projekt"),
        c("kerngrupp"),
    ];
    let member: &[u32] = &[0];
    let none: &[u32] = &[];
    let groups_of = |s: u32| if s == 1 || s == 5 { member } else { none };
    let vocab = Vocabulary {
        stems: &stems,
        groups_of: &groups_of,
        groups: 1,
    };
    let ex = [
        Example {
            class: 0,
            weight: 1.0,
            stems: &[0, 2, 5],
        },
        Example {
            class: 1,
            weight: 1.0,
            stems: &[4, 1, 3],
        },
    ];
    let m = Model::train(&vocab, &ex, 2);
    let grams: Vec<u32> = {
        let mut v = Vec::new();
        m.gram_features("kerngrupp", |f| v.push(f));
        v
    };
    // Repeated words and features, synonyms, memoised and fresh n-grams, negative and
    // zero similarities, out-of-vocabulary ids, unknown words.
    let cases: Vec<Vec<QueryWord<'_>>> = vec![
        vec![],
        vec![QueryWord {
            stem: "xyz",
            matches: &[],
            grams: None,
        }],
        vec![
            QueryWord {
                stem: "kern",
                matches: &[(0, 1.0), (5, 0.6)],
                grams: None,
            },
            QueryWord {
                stem: "kerngrupp",
                matches: &[(5, 1.0), (1, 0.7), (0, 0.5)],
                grams: Some(&grams),
            },
            QueryWord {
                stem: "grup",
                matches: &[(1, 0.8), (1, 0.9), (99, 1.0)],
                grams: None,
            },
            QueryWord {
                stem: "kern",
                matches: &[(0, -0.0), (2, 0.0)],
                grams: None,
            },
            QueryWord {
                stem: "treffen",
                matches: &[(3, 0.75)],
                grams: None,
            },
        ],
    ];
    for words in &cases {
        let got = m.features(words, &groups_of);
        let want = plain_features(&m, words, &groups_of);
        let bits = |v: &Sparse| v.iter().map(|&(f, x)| (f, x.to_bits())).collect::<Vec<_>>();
        assert_eq!(bits(&got), bits(&want));
    }
}
