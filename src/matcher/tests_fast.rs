//! The fast paths of the query path against the plain algorithms they replace.

use super::*;

#[test]
fn damerau_within_one_edit_equals_strsim() {
    // (`damerau_within` takes a one-pass path for caps 0 and 1.) Random words of up to 14
    // letters over a small alphabet, each against itself after one to three random
    // insertions, deletions, substitutions or neighbour swaps.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut rnd = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n) as usize
    };
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
    let mut x: u64 = 0x9E6C_63D0_676A_9A99;
    let mut rnd = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n) as usize
    };
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
