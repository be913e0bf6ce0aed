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
