//! The fast paths of the query path against the plain algorithms they replace.

use super::*;

#[test]
fn damerau_within_one_edit_equals_strsim() {
    // (`damerau_within` takes a one-pass path for caps 0 and 1.) Random words of up to 14
    // letters over a small alphabet, each against itself after one to three random
    // insertions, deletions, substitutions or neighbour swaps.
    let mut next = crate::test_rng::xorshift(0x2545_F491_4F6C_DD1D);
    let mut rnd = |n: u64| next(n) as usize;
    let letters = ['a', 'b', 'c', 'ö', 'я'];
    for _ in 0..20_000 {
        let len = rnd(15);
        let a: Vec<char> = (0..len).map(|_| letters[rnd(5)]).collect();
        let mut b = a.clone();
        for _ in 0..1 + rnd(3) {
            let i = rnd(b.len() as u64 + 1);
            match rnd(4) {
                0 => b.insert(i, letters[rnd(5)]),
                1 if i < b.len() => {
                    b.remove(i);
                }
                2 if i < b.len() => b[i] = letters[rnd(5)],
                3 if i + 1 < b.len() => b.swap(i, i + 1),
                _ => {}
            }
        }
        let d = strsim::generic_damerau_levenshtein(&a, &b);
        for cap in 0..=2 {
            let w = similarity::damerau_within(&a, &b, cap);
            assert!(if d <= cap { w == d } else { w > cap }, "{a:?} {b:?} {cap}");
        }
    }
}

#[test]
fn banded_damerau_within_equals_strsim() {
    // (`damerau_within` takes a banded table for caps 2 and 3.) Random words of up to 34
    // letters (past the band's limit of 30) over a small alphabet, each against itself
    // after up to six random insertions, deletions, substitutions, neighbour swaps or
    // moves of a letter, and against a random word.
    let mut next = crate::test_rng::xorshift(0x9E6C_63D0_676A_9A99);
    let mut rnd = |n: u64| next(n) as usize;
    let letters = ['a', 'b', 'c', 'ö', 'я'];
    for round in 0..60_000 {
        let len = rnd(35);
        let a: Vec<char> = (0..len).map(|_| letters[rnd(5)]).collect();
        let mut b = a.clone();
        if round % 10 == 0 {
            b = (0..rnd(35)).map(|_| letters[rnd(5)]).collect();
        }
        for _ in 0..rnd(7) {
            let i = rnd(b.len() as u64 + 1);
            match rnd(5) {
                0 => b.insert(i, letters[rnd(5)]),
                1 if i < b.len() => {
                    b.remove(i);
                }
                2 if i < b.len() => b[i] = letters[rnd(5)],
                3 if i + 1 < b.len() => b.swap(i, i + 1),
                4 if i < b.len() => {
                    let c = b.remove(i);
                    let to = rnd(b.len() as u64 + 1);
                    b.insert(to, c);
                }
                _ => {}
            }
        }
        let d = strsim::generic_damerau_levenshtein(&a, &b);
        for cap in 2..=3 {
            let w = similarity::damerau_within(&a, &b, cap);
            assert!(if d <= cap { w == d } else { w > cap }, "{a:?} {b:?} {cap}");
        }
    }
}

#[test]
fn need_shared_is_may_match() {
    // (`expand` compares the shared bigrams with `need_shared` instead of calling
    // `may_match`.)
    for lq in 0..70 {
        for lt in 0..150 {
            let need = similarity::need_shared(lq, lt);
            for s in 0..300 {
                assert_eq!(
                    may_match(lq, lt, s),
                    s >= need,
                    "lq {lq} lt {lt} shared {s}"
                );
            }
        }
    }
}

#[test]
fn bit_set_equals_binary_search() {
    // (`is_self_stem` reads a bit set instead of searching the sorted stems.)
    let mut next = crate::test_rng::xorshift(0x9E37_79B9_7F4A_7C15);
    let mut rnd = |n: u64| next(n) as u32;
    for round in 0..500 {
        let span = 1 + rnd(if round % 2 == 0 { 70 } else { 3_000 }) as u64;
        let mut ids: Vec<u32> = (0..rnd(12)).map(|_| rnd(span)).collect();
        ids.sort_unstable();
        let bits = bits_of(&ids);
        for id in 0..span as u32 + 130 {
            assert_eq!(
                has_bit(&bits, id),
                ids.binary_search(&id).is_ok(),
                "{ids:?} {id}"
            );
        }
    }
    assert!(!has_bit(&bits_of(&[]), 0));
}

#[test]
fn expand_by_length_and_affix_equals_a_scan() {
    // (`expand` counts shared bigrams only for stems of the lengths an edit can reach and
    // finds longer and shorter stems by their beginnings and endings.) Every stem of a small
    // vocabulary with words of many lengths, their beginnings, endings, longer forms and
    // random edits, against `token_sim` with every fuzzy stem.
    let idx = Index::build(&super::tests::docs_of(&[
        (
            0,
            "de",
            "Netzwerk Netzwerkarbeit Netzwerktreffen Arbeit Arbeitsgruppe Gruppe Gruppenleiter",
        ),
        (
            1,
            "de",
            "Mitglied Mitgliedschaft Mitgliederversammlung Versammlung Haus Maus Hausaufgabe",
        ),
        (
            2,
            "de",
            "Beratungsstelle Beratung Stelle Stellenangebot Integrationskurs Kurs Kursleiter",
        ),
        (
            3,
            "de",
            "Ehrenamt ehrenamtlich Flüchtlingsinitiative Initiative Initiativen Förderung",
        ),
    ]));
    let li = &idx.langs[0];
    let fuzzy: Vec<u32> = li.by_letters.clone();
    let mut queries: Vec<Vec<char>> = Vec::new();
    for &id in &fuzzy {
        let w = li.tok_chars[id as usize].clone();
        for k in 0..=w.len() {
            queries.push(w[..k].to_vec());
            queries.push(w[k..].to_vec());
        }
        let mut longer = w.clone();
        longer.extend("ungen".chars());
        queries.push(longer);
        queries.push("xx".chars().chain(w.iter().copied()).collect());
    }
    let mut next = crate::test_rng::xorshift(0x5DEE_CE66_D1CE_4E5B);
    let mut rnd = |n: u64| next(n) as usize;
    for i in 0..queries.len() {
        let mut q = queries[i].clone();
        for _ in 0..rnd(4) {
            let at = rnd(q.len() as u64 + 1);
            match rnd(3) {
                0 => q.insert(at, ['e', 'n', 'r', 'x'][rnd(4)]),
                1 if at < q.len() => {
                    q.remove(at);
                }
                _ if at + 1 < q.len() => q.swap(at, at + 1),
                _ => {}
            }
        }
        queries.push(q);
    }
    let (mut shared, mut touched) = (vec![0u8; li.tok_chars.len()], Vec::new());
    for qc in &queries {
        let q: String = qc.iter().collect();
        let got = li.expand(qc, &q, &mut shared, &mut touched);
        let want: Vec<(u32, f32)> = (0..li.tok_chars.len() as u32)
            .filter(|id| fuzzy.contains(id))
            .map(|id| (id, token_sim(qc, &li.tok_chars[id as usize])))
            .filter(|&(_, s)| s > 0.0)
            .collect();
        assert_eq!(got, want, "{q}");
    }
}

#[test]
fn best_per_target_is_the_map_of_best_scores() {
    // Random lists of scores (repeated targets of every kind, equal, zero, negative and NaN
    // scores, details told apart by their bits): the same best score and detail per target
    // as the map entry per target `search_hinted` made, sorted by target.
    let mut next = crate::test_rng::xorshift(0x9E37_79B9_7F4A_7C15);
    let mut rnd = |n: u64| next(n) as usize;
    let scores = [0.0, -0.0, 0.5, 0.5, 1.0, -1.0, 0.25, f32::NAN, 0.75];
    for _ in 0..5_000 {
        let n = rnd(40);
        let list: Vec<(Target, f32, Detail)> = (0..n)
            .map(|j| {
                let i = rnd(6);
                let t = match rnd(3) {
                    0 => Target::Entry(i),
                    1 => Target::SmallTalk(i),
                    _ => Target::OutOfScope(i),
                };
                let d = Detail {
                    covered: j as u64,
                    uncovered: rnd(4) as u64,
                    names_network: rnd(2) == 1,
                    lang: rnd(3),
                };
                (t, scores[rnd(scores.len() as u64)], d)
            })
            .collect();
        let cut = rnd(n as u64 + 1);
        let lists = [(1, &list[..cut]), (2, &list[cut..])];
        let mut map: HashMap<Target, (f32, Detail)> = HashMap::default();
        for &(lang, l) in &lists {
            for &(t, s, d) in l {
                let e = map.entry(t).or_insert((0.0, Detail::default()));
                if s > e.0 {
                    let mut d = d;
                    d.lang = lang;
                    *e = (s, d);
                }
            }
        }
        let mut want: Vec<(Target, f32, Detail)> =
            map.into_iter().map(|(t, (s, d))| (t, s, d)).collect();
        want.sort_by_key(|e| targets::target_key(e.0));
        let got = targets::best_per_target(&lists);
        let show = |v: &[(Target, f32, Detail)]| {
            v.iter()
                .map(|(t, s, d)| format!("{t:?} {} {d:?}", s.to_bits()))
                .collect::<Vec<_>>()
        };
        assert_eq!(show(&got), show(&want));
    }
}

#[test]
fn gram_count_is_the_list_entry() {
    // (`expand` counts a left-out bigram in the stem instead of finding the stem's entry in
    // the bigram's list.) 20,000 random stems of a few letters with repeats, and every
    // bigram of a small alphabet with the pads: the count `grams_of` gives the bigram (the
    // list entry's), 0 where it gives none.
    let mut next = crate::test_rng::xorshift(0x2545_F491_4F6C_DD1D);
    let mut rnd = |n: u64| next(n) as usize;
    let letters = ['a', 'b', 'n', 'ü', 'ş', 'я', 'ب', PAD_START, PAD_END];
    let with_pads = letters;
    for _ in 0..20_000 {
        let stem: Vec<char> = (0..rnd(12))
            .map(|_| letters[rnd(letters.len() as u64)])
            .collect();
        let all = grams_of(&stem);
        for &x in &with_pads {
            for &y in &with_pads {
                let g = [x, y];
                let want = all.iter().find(|(h, _)| *h == g).map_or(0, |&(_, n)| n);
                assert_eq!(gram_count(&stem, g), want, "{stem:?} {g:?}");
            }
        }
    }
    // Saturating as `grams_of`: 300 times the same letter.
    let long = vec!['a'; 300];
    assert_eq!(gram_count(&long, ['a', 'a']), 255);
    assert_eq!(
        grams_of(&long)
            .iter()
            .find(|(h, _)| *h == ['a', 'a'])
            .map(|e| e.1),
        Some(255)
    );
}

#[test]
fn white_words_are_split_whitespace() {
    // Every text of up to four characters over ASCII and non-ASCII white space, letters
    // that share a lead byte with white space (U+200B, U+2010, U+1681, U+3001), other
    // letters of every byte length: the words `split_whitespace` gives, and each word lower
    // case as the plain test of its letters says.
    let alphabet = [
        ' ',
        '\t',
        '\n',
        '\x0b',
        '\x0c',
        '\r',
        '\x1f',
        'a',
        'B',
        'ü',
        'Ü',
        'я',
        'Я',
        'ب',
        '\u{85}',
        '\u{a0}',
        '\u{a9}',
        '\u{1680}',
        '\u{1681}',
        '\u{2000}',
        '\u{200a}',
        '\u{200b}',
        '\u{2010}',
        '\u{2028}',
        '\u{202f}',
        '\u{205f}',
        '\u{3000}',
        '\u{3001}',
        '\u{1f600}',
        '1',
    ];
    let plain_lower = |w: &str| {
        let letters = || w.chars().filter(|c| crate::text::is_alphabetic(*c));
        letters().next().is_some() && letters().all(char::is_lowercase)
    };
    for t in &crate::text::testing::every_text(&alphabet, 4) {
        let want: Vec<&str> = t.split_whitespace().collect();
        assert_eq!(super::query::white_words(t), want, "{t:?}");
        for w in want {
            assert_eq!(super::query::lower_case_word(w), plain_lower(w), "{w:?}");
        }
    }
}
