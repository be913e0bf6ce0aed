use super::*;

fn c(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn token_similarity() {
    assert_eq!(token_sim(&c("kerngrupp"), &c("kerngrupp")), 1.0);
    assert!(
        token_sim(&c("kerngrup"), &c("kerngrupp")) > 0.8,
        "one deletion"
    );
    assert!(
        token_sim(&c("kenrgrupp"), &c("kerngrupp")) > 0.8,
        "transposition"
    );
    assert_eq!(
        token_sim(&c("wer"), &c("wie")),
        0.0,
        "short words must be exact"
    );
    assert!(token_sim(&c("kern"), &c("kerngrupp")) > 0.5, "prefix");
    assert!(
        token_sim(&c("vereinbar"), &c("netzwerkvereinbar")) > 0.5,
        "compound head"
    );
    assert_eq!(
        token_sim(&c("haus"), &c("maus")),
        0.625,
        "one edit in four letters costs 1.5/4"
    );
    assert_eq!(token_sim(&c("pass"), &c("kontakt")), 0.0);
}

#[test]
fn rare_words_decide() {
    let docs = [
        Doc {
            target: Target::Entry(0),
            lang: "de",
            text: "Was macht die Kerngruppe?",
            context: false,
        },
        Doc {
            target: Target::Entry(1),
            lang: "de",
            text: "Was macht die Projektgruppe?",
            context: false,
        },
        Doc {
            target: Target::Entry(2),
            lang: "de",
            text: "Wann wurde das Netzwerk gegründet?",
            context: false,
        },
    ];
    let idx = Index::build(&docs);
    let m = idx.search("kerngrupe");
    assert_eq!(m.ranked[0].0, Target::Entry(0), "{:?}", m.ranked);
    let m = idx.search("wann gegruendet");
    assert_eq!(m.ranked[0].0, Target::Entry(2), "{:?}", m.ranked);
    assert!(
        m.ranked[0].1 <= 1.0 && m.ranked[0].1 > 0.5,
        "{:?}",
        m.ranked
    );
}

#[test]
fn scripts_pick_languages() {
    let docs = [
        Doc {
            target: Target::Entry(0),
            lang: "de",
            text: "Kontakt",
            context: false,
        },
        Doc {
            target: Target::Entry(0),
            lang: "ru",
            text: "Контакт",
            context: false,
        },
        Doc {
            target: Target::Entry(0),
            lang: "ar",
            text: "التواصل",
            context: false,
        },
        Doc {
            target: Target::Entry(0),
            lang: "tr",
            text: "iletişim",
            context: false,
        },
    ];
    let idx = Index::build(&docs);
    assert_eq!(idx.search("контакты").detected_lang.as_deref(), Some("ru"));
    assert_eq!(idx.search("تواصل").detected_lang.as_deref(), Some("ar"));
    assert_eq!(idx.search("iletisim").detected_lang.as_deref(), Some("tr"));
    assert_eq!(idx.search("Kontakt").detected_lang.as_deref(), Some("de"));
    assert_eq!(idx.search("🙂 123").detected_lang, None);
}

#[test]
fn damerau_levenshtein_equals_strsim() {
    // Every pair of words of up to four letters over a three-letter alphabet (repeats and
    // transpositions everywhere), then random words across the stack-table limit.
    let words = every_word(&['a', 'b', 'ü'], 4);
    // Below a cap, the capped distance is the distance; above it, above the cap.
    let capped = |a: &[char], b: &[char], d: usize| {
        for cap in 0..=4 {
            let w = similarity::damerau_within(a, b, cap);
            assert!(if d <= cap { w == d } else { w > cap }, "{a:?} {b:?} {cap}");
        }
    };
    for a in &words {
        for b in &words {
            let d = strsim::generic_damerau_levenshtein(a, b);
            assert_eq!(similarity::damerau_levenshtein(a, b), d, "{a:?} {b:?}");
            capped(a, b, d);
        }
    }
    let mut next = crate::test_rng::xorshift(0x9E37_79B9_7F4A_7C15);
    let mut rnd = |n: u64| next(n) as usize;
    for _ in 0..3_000 {
        let word = |rnd: &mut dyn FnMut(u64) -> usize| -> Vec<char> {
            let len = rnd(46);
            (0..len)
                .map(|_| ['e', 'n', 'r', 'ş', 'я'][rnd(5)])
                .collect()
        };
        let a = word(&mut rnd);
        let b = if rnd(2) == 0 {
            let mut b = a.clone();
            if !b.is_empty() {
                let (i, last) = (rnd(b.len() as u64), b.len() - 1);
                b.swap(i, (i + 1).min(last));
                b.remove(rnd(b.len() as u64));
            }
            b
        } else {
            word(&mut rnd)
        };
        let d = strsim::generic_damerau_levenshtein(&a, &b);
        assert_eq!(similarity::damerau_levenshtein(&a, &b), d, "{a:?} {b:?}");
        capped(&a, &b, d);
    }
}

#[test]
fn min_shared_is_a_lower_bound_of_may_match() {
    for lq in 0..70 {
        for lt in 0..150 {
            for s in 0..similarity::min_shared(lq) {
                assert!(!may_match(lq, lt, s), "lq {lq} lt {lt} shared {s}");
            }
        }
    }
    assert!(similarity::min_shared(7) >= 2, "prunes where it can");
}

#[test]
fn may_match_grows_with_shared() {
    // (`expand` stops looking up shared bigrams once `may_match` holds.)
    for lq in 0..70 {
        for lt in 0..150 {
            for s in 0..300 {
                if may_match(lq, lt, s) {
                    assert!(may_match(lq, lt, s + 1), "lq {lq} lt {lt} shared {s}");
                }
            }
        }
    }
}

fn en_docs() -> Vec<Doc<'static>> {
    [
        (0, "When was the network founded?"),
        (1, "Whom can I contact at the network?"),
        (2, "What do you do?"),
    ]
    .into_iter()
    .map(|(i, text)| Doc {
        target: Target::Entry(i),
        lang: "en",
        text,
        context: false,
    })
    .collect()
}

#[test]
fn the_you_of_a_politeness_formula_is_no_name_of_the_network() {
    let idx = Index::build(&en_docs());
    let m = idx.search("when did you start your work");
    assert!(m.signals.names_network, "{:?}", m.signals);
    assert!(
        !idx.search("could you please tell me the phone number of the dentist")
            .signals
            .names_network,
        "\"could you please\" is politeness"
    );
}

#[test]
fn a_pronoun_refers_back_to_the_network_and_is_no_other_subject() {
    let idx = Index::build(&en_docs());
    // "Herford" stands where the network's question names the network: another subject.
    let town = idx.search("when was herford founded");
    assert!(town.signals.other_subject && !town.signals.refers_back);
    // "it" stands for something named before: in this chat, the network.
    let it = idx.search("when was it founded, so far back");
    assert!(it.signals.refers_back, "{:?}", it.signals);
    assert!(!it.signals.other_subject, "{:?}", it.signals);
}

#[test]
fn unknown_words_of_a_transliteration_view_weigh_less() {
    // The same Russian question typed in Latin letters with a chat word the table cannot
    // read: the unknown word costs the view less than the same unknown word typed in
    // Cyrillic costs the native reading.
    let docs = [Doc {
        target: Target::Entry(0),
        lang: "ru",
        text: "Когда была основана сеть?",
        context: false,
    }];
    let idx = Index::build(&docs);
    let score = |q: &str| {
        idx.search(q)
            .evidence
            .iter()
            .find(|e| e.0 == Target::Entry(0))
            .map_or(0.0, |e| e.1)
    };
    let native = score("когда была основана сеть бжзщк");
    let view = score("kogda byla osnovana set bzhzshchk");
    assert!(native > 0.0 && view > native, "{view} vs {native}");
}

#[test]
fn a_view_word_is_read_as_the_known_word_of_its_skeleton() {
    let docs = [
        Doc {
            target: Target::Entry(0),
            lang: "ar",
            text: "ما هي أهداف الشبكة؟",
            context: false,
        },
        Doc {
            target: Target::Entry(1),
            lang: "ar",
            text: "هل يجب أن أدفع؟ هل هذا لازم؟",
            context: false,
        },
    ];
    let idx = Index::build(&docs);
    let ar = &idx.langs[0];
    // "ahdaf" and "lazem" read with the long a left out; "bel ahdaf" with a proclitic.
    // (The known words are folded: أهداف is هدف, one goal or many.)
    assert_eq!(ar.mend_view("الاهدف"), "الهدف");
    assert_eq!(ar.mend_view("لزم?"), "لازم?");
    assert_eq!(ar.mend_view("بالاهدف"), "بالهدف");
    // Known words, short words and words too far from any known word stay.
    assert_eq!(ar.mend_view("الشبكة هي"), "الشبكة هي");
    assert_eq!(ar.mend_view("كتاب"), "كتاب");
    assert_eq!(idx.search("shu el ahdaf").ranked[0].0, Target::Entry(0));
}

#[test]
fn ukrainian_words_typed_on_a_russian_keyboard_tell_ukrainian() {
    let doc = |target, lang, text| Doc {
        target: Target::Entry(target),
        lang,
        text,
        context: false,
    };
    let docs = [
        doc(0, "ru", "Сколько участников в сети widunetz?"),
        doc(0, "uk", "Скільки учасників у мережі widunetz?"),
        doc(1, "ru", "Кто финансирует сеть widunetz?"),
        doc(1, "uk", "Хто фінансує мережу widunetz?"),
    ];
    let idx = Index::build(&docs);
    // «учасникив» is «учасників» without і; no Ukrainian letter or marker in sight, and
    // «скока» is colloquial Russian as much as Ukrainian.
    let m = idx.search("скока учасникив widunetz");
    assert_eq!(m.detected_lang.as_deref(), Some("uk"), "{:?}", m.ranked);
    assert_eq!(m.ranked[0].0, Target::Entry(0));
    // Not the Russian word for it.
    let m = idx.search("скока участников widunetz");
    assert_eq!(m.detected_lang.as_deref(), Some("ru"));
    let ru = idx.langs.iter().find(|l| l.code == "ru").expect("ru");
    let uk = idx.langs.iter().find(|l| l.code == "uk").expect("uk");
    assert!(uk.keyboard_words.contains_key("учасникив"));
    assert!(uk.keyboard_words.contains_key("финансуе"));
    // A keyboard spelling the Russian texts have is no evidence: «фінансування» would be
    // «финансування», which Russian does not write, but «мережі» → «мережи» is kept.
    assert!(uk.keyboard_words.contains_key("мережи"));
    assert!(
        ru.keyboard_words.is_empty(),
        "Russian has no keyboard rules"
    );
}

pub(super) fn docs_of(texts: &[(usize, &'static str, &'static str)]) -> Vec<Doc<'static>> {
    texts
        .iter()
        .map(|&(i, lang, text)| Doc {
            target: Target::Entry(i),
            lang,
            text,
            context: false,
        })
        .collect()
}

#[test]
fn names_by_first_stem_are_the_plain_windows() {
    let docs = [Doc {
        target: Target::Entry(0),
        lang: "de",
        text: "Was macht die Kerngruppe?",
        context: false,
    }];
    let mut idx = Index::build(&docs);
    let s = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<String>>();
    let li = &mut idx.langs[0];
    li.set_names(vec![
        s("a"),
        s("a b"),
        s("a c"),
        s("b"),
        s("b a"),
        s("c d e"),
        s("d"),
    ]);
    let words = ["a", "b", "c", "d", "e", "x"];
    // Every sequence of up to four of the words, as stems and as typed stems.
    let mut seqs: Vec<Vec<String>> = vec![Vec::new()];
    for _ in 0..4 {
        let longer: Vec<Vec<String>> = seqs
            .iter()
            .filter(|q| q.len() == seqs.last().map_or(0, Vec::len))
            .flat_map(|q| {
                words.iter().map(move |w| {
                    let mut q = q.clone();
                    q.push(w.to_string());
                    q
                })
            })
            .collect();
        seqs.extend(longer);
    }
    let plain = |stems: &[String], typed: &[String]| -> Vec<String> {
        li.other_names
            .iter()
            .filter(|n| {
                stems.windows(n.len()).any(|w| w == n.as_slice())
                    || typed.windows(n.len()).any(|w| w == n.as_slice())
            })
            .flatten()
            .cloned()
            .collect()
    };
    for q in &seqs {
        for typed in [&[][..], &s("d")[..], &s("c d e")[..]] {
            assert_eq!(li.names_in(q, typed), plain(q, typed), "{q:?} {typed:?}");
        }
    }
}

#[test]
fn cached_stems_are_the_stemmers() {
    let docs = [
        Doc {
            target: Target::Entry(0),
            lang: "de",
            text: "Wie kann ich mich bei den Treffen anmelden?",
            context: false,
        },
        Doc {
            target: Target::Entry(0),
            lang: "tr",
            text: "Toplantılara nasıl kayıt olabilirim?",
            context: false,
        },
    ];
    let idx = Index::build(&docs);
    for li in &idx.langs {
        assert!(!li.words.is_empty());
        for (w, word) in &li.words {
            if let Some(s) = &word.stem {
                assert_eq!(*s, li.analyzer.stem(w.clone()), "{} {w}", li.code);
            }
        }
        for w in &li.known_words {
            assert!(
                li.words.get(w).is_some_and(|x| x.stem.is_some()),
                "{} {w}",
                li.code
            );
        }
    }
}

#[test]
fn memoised_gram_features_are_the_models() {
    let docs = [
        Doc {
            target: Target::Entry(0),
            lang: "de",
            text: "Wie kann ich mich bei den Treffen anmelden?",
            context: false,
        },
        Doc {
            target: Target::Entry(1),
            lang: "de",
            text: "Wann wurde das Netzwerk gegründet?",
            context: false,
        },
        Doc {
            target: Target::Entry(0),
            lang: "en",
            text: "How can I register for the meetings?",
            context: false,
        },
        Doc {
            target: Target::Entry(1),
            lang: "en",
            text: "When was the network founded?",
            context: false,
        },
    ];
    let idx = Index::build(&docs);
    for li in &idx.langs {
        let model = li.model.as_ref().expect("a model");
        let fresh = |q: &str| {
            let mut v = Vec::new();
            model.gram_features(q, |f| v.push(f));
            v
        };
        assert!(!li.vocab_id.is_empty() && !li.foreign_id.is_empty());
        for (q, &id) in &li.vocab_id {
            assert_eq!(li.vocab_grams.get(id), Some(&fresh(q)[..]), "{q}");
        }
        for (q, &id) in &li.foreign_id {
            assert_eq!(li.foreign_grams.get(id), Some(&fresh(q)[..]), "{q}");
        }
    }
}

#[test]
fn token_sim_is_the_larger_of_edit_and_affix() {
    // Every pair of words of up to six letters over a two-letter alphabet (prefixes,
    // suffixes and edits of every length), and some of the content's shapes.
    let mut words = every_word(&['a', 'ß'], 6);
    words.extend(["kerngrupp", "kern", "netzwerkvereinbar", "vereinbar"].map(c));
    for a in &words {
        for b in &words {
            let want = token_sim(a, b);
            let got = edit_sim(a, b).max(similarity::affix_sim(a, b));
            assert_eq!(got.to_bits(), want.to_bits(), "{a:?} {b:?}");
        }
    }
}

/// The empty word and every word of 1 to `max_len` letters over `alphabet`, shortest first.
fn every_word(alphabet: &[char], max_len: usize) -> Vec<Vec<char>> {
    std::iter::once(Vec::new())
        .chain(
            crate::text::testing::every_text(alphabet, max_len)
                .iter()
                .map(|w| w.chars().collect()),
        )
        .collect()
}

#[test]
fn cached_raw_word_folds_are_the_plain_folds() {
    let mut idx = Index::build(&docs_of(&[
        (0, "de", "Wie wurde widunetz gegründet? Straße, GRÜNDUNG"),
        (0, "tr", "widunetz'in amaçları nelerdir? İSTANBUL’da"),
        (0, "en", "What's the network's goal? (e-mail)"),
        (0, "ru", "Ещё вопрос: как связаться с сетью?"),
        (0, "uk", "Скільки учасників у мережі widunetz?"),
        (1, "uk", "Хто фінансує мережу widunetz?"),
        (0, "ar", "متى تأسست الشبكة؟ والأشخاص ٢٠٠٨"),
        (0, "fa", "هدف شبکه چیست؟ بودجه شبکه"),
    ]));
    // The texts' words as written, changed (typos, case, marks, keyboard spellings,
    // pronoun endings) and joined: the cached and the plain fold of every query agree.
    let queries = [
        "Wie wurde widunetz gegründet? straße, Gründung gegrundet",
        "widunetz'in amaçları nelerdir? istanbul’da İSTANBUL'DA",
        "What's the network's goal? (e-mail) whats the networks",
        "Ещё вопрос: как связаться с сетью? еще",
        "скока учасникив у мережи widunetz? финансуе Хто",
        "متى تأسست الشبكة؟ والأشخاص ٢٠٠٨ الاشخاص",
        "هدفش شبکه چیست؟ بودجش هدف",
    ];
    for li in &mut idx.langs {
        let hit = |w: &str| li.raw_folds.contains_key(w);
        assert!(
            queries.iter().any(|q| q.split_whitespace().any(hit)),
            "{}",
            li.code
        );
        let cache = std::mem::take(&mut li.raw_folds);
        let plain: Vec<_> = queries
            .iter()
            .map(|q| li.fold_query(&mut query::QueryWords::new(q)))
            .collect();
        li.raw_folds = cache;
        for (q, p) in queries.iter().zip(plain) {
            assert_eq!(
                li.fold_query(&mut query::QueryWords::new(q)),
                p,
                "{} {q}",
                li.code
            );
        }
        // Each cached word is its plain fold.
        let rule = li.analyzer.folding().apostrophe_suffixes;
        for (w, cached) in &li.raw_folds {
            let fold = crate::text::fold_before_digraphs(w, rule);
            assert_eq!(*cached, li.fold_raw_word(&fold), "{} {w}", li.code);
        }
    }
}
