//! Tests of language detection.

use super::*;
use crate::lang::builtin;

fn seven() -> Detector {
    let ps: Vec<&Profile> = ["de", "tr", "en", "ru", "uk", "ar", "fa"]
        .iter()
        .map(|c| builtin(c).expect("built in"))
        .collect();
    Detector::new(ps)
}

#[test]
fn seven_languages() {
    let d = seven();
    for (text, want) in [
        ("Wann wurde das Netzwerk gegründet?", "de"),
        ("wie kann ich mitmachen", "de"),
        ("Ağ ne zaman kuruldu?", "tr"),
        ("bu ag ne zaman kuruldu", "tr"),
        ("When was the network founded?", "en"),
        ("how can we join", "en"),
        ("Когда была основана сеть?", "ru"),
        ("что такое widunetz", "ru"),
        ("Коли заснували мережу?", "uk"),
        ("що таке widunetz", "uk"),
        ("як з вами зв'язатися", "uk"),
        ("Скільки учасників у мережі?", "uk"),
        ("متى تأسست الشبكة؟", "ar"),
        ("ما هي widunetz", "ar"),
        ("شبکه کی تأسیس شد؟", "fa"),
        ("widunetz چیست", "fa"),
        ("چطور با شما تماس بگیرم", "fa"),
    ] {
        assert_eq!(d.detect(text, None).as_deref(), Some(want), "{text:?}");
    }
}

/// A text's characters kept sorted as they come: all of them sorted, each once.
#[test]
fn chars_are_the_sorted_distinct_characters() {
    let alphabet = ['a', 'A', 'ä', 'ы', 'і', 'ب', 'ی', ' ', 'Ё', '😀'];
    for t in crate::text::testing::every_text(&alphabet, 5) {
        let mut want: Vec<char> = t.chars().filter(|c| !c.is_ascii()).collect();
        want.sort_unstable();
        want.dedup();
        let chars = Chars::new(&t);
        assert_eq!(chars.other, want, "{t:?}");
        assert!(t.chars().all(|c| chars.contains(c)), "{t:?}");
    }
}

/// ASCII text's words and normal form made byte by byte: the same as the plain split
/// at every character that is no letter or digit (and the plain apostrophe test).
#[test]
fn ascii_words_are_the_plain_words() {
    let alphabet = ['a', 'B', '1', ' ', '\'', '`', '-', '?', 'I'];
    let mut texts = crate::text::testing::every_text(&alphabet, 5);
    texts.push("a ".repeat(60));
    for t in &texts {
        let text = Text::new(t);
        let plain: Vec<(&str, Option<Script>)> = text
            .norm
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(crate::text::MAX_TOKENS)
            .map(|w| (w, w.chars().find_map(script::of_char)))
            .collect();
        assert_eq!(text.words().collect::<Vec<_>>(), plain, "{t:?}");
        let lower = t.to_ascii_lowercase();
        let want = if lower.contains(apostrophe::APOSTROPHES) {
            apostrophe::join_inner(&lower)
        } else {
            lower
        };
        assert_eq!(text.norm, want, "{t:?}");
    }
}

/// No language's evidence exceeds [`MAX_EVIDENCE`] (the bound of a transliteration
/// view in the matcher), even for a text of its own letters and marker words only.
#[test]
fn evidence_is_at_most_max_evidence() {
    let d = seven();
    for (code, signs) in &d.langs {
        let mut texts: Vec<String> = signs.markers.iter().cloned().collect();
        let own: String = signs.letters.iter().collect();
        texts.push(format!("{} {own}", texts.join(" ")));
        texts.push(own);
        for t in &texts {
            let e = signs.evidence(&Text::new(t));
            assert!(e <= MAX_EVIDENCE, "{code} {t:?}: {e}");
        }
    }
}

/// The evidence as it was made before one map of word weights and the sorted alphabet:
/// the markers and words looked up in turn, the alphabet scanned.
fn plain_evidence(signs: &Signs, code: &str, text: &Text) -> f32 {
    let own_letter = signs.letters.iter().any(|&c| text.chars.contains(c));
    let own_word = text.words().any(|(w, _)| signs.own.contains(w));
    let mut letters = if own_letter || own_word {
        LETTER_WEIGHT
    } else {
        0.0
    };
    // (The profile's alphabet as written.)
    let alphabet: Vec<char> = builtin(code).expect("built in").alphabet.chars().collect();
    let foreign = !alphabet.is_empty()
        && text.chars.iter().any(|c| {
            signs.script.is_some_and(|s| script::of_char(c) == Some(s))
                && c.to_lowercase().all(|l| !alphabet.contains(&l))
                && !((own_letter || own_word) && signs.neighbour_letters.contains(&c))
        });
    if foreign {
        letters -= LETTER_WEIGHT;
    }
    let (mut n, mut hits) = (0usize, 0.0f32);
    for (w, s) in text.words() {
        if !(signs.script.is_none() || s == signs.script) || s.is_none() {
            continue;
        }
        n += 1;
        if signs.markers.contains(w) {
            hits += 1.0;
        } else if signs.words.contains(w) {
            hits += 0.5;
        }
    }
    let share = if n == 0 { 0.0 } else { hits / n as f32 };
    letters + WORD_WEIGHT * share.min(1.0)
}

/// Every language's evidence for texts of its and the others' markers, stop words and
/// letters, mixed and with capitals: the same as the plain look-ups.
#[test]
fn evidence_is_the_plain_evidence() {
    let d = seven();
    let mut words: Vec<String> = Vec::new();
    let mut letters: Vec<char> = Vec::new();
    for (_, signs) in &d.langs {
        words.extend(signs.markers.iter().cloned());
        words.extend(signs.words.iter().cloned());
        letters.extend(signs.letters.iter().copied());
        letters.extend(signs.alphabet.iter().copied());
    }
    words.sort();
    letters.extend(['A', 'Ä', 'İ', 'Я', 'Ё', 'ў', 'ي', 'ی', '\u{200C}', '?', '1']);
    let mut rng = crate::test_rng::xorshift(0xe71d);
    let mut texts: Vec<String> = words.clone();
    for _ in 0..3_000 {
        let mut t = String::new();
        for _ in 0..1 + rng(6) {
            if rng(3) == 0 {
                for _ in 0..1 + rng(5) {
                    t.push(letters[rng(letters.len() as u64) as usize]);
                }
            } else {
                let w = &words[rng(words.len() as u64) as usize];
                t.push_str(&if rng(4) == 0 {
                    w.to_uppercase()
                } else {
                    w.clone()
                });
            }
            t.push(' ');
        }
        texts.push(t);
    }
    for (code, signs) in &d.langs {
        for t in &texts {
            let text = Text::new(t);
            assert_eq!(
                signs.evidence(&text),
                plain_evidence(signs, code, &text),
                "{code} {t:?}"
            );
        }
    }
}

#[test]
fn letters_alone_decide() {
    let d = seven();
    // No function word at all: the letters say which language.
    assert_eq!(d.detect("мережі", None).as_deref(), Some("uk"));
    assert_eq!(d.detect("объединённые", None).as_deref(), Some("ru"));
    assert_eq!(d.detect("پروژه", None).as_deref(), Some("fa"));
    assert_eq!(d.detect("مشروع شبكة", None).as_deref(), Some("ar"));
}

#[test]
fn thin_evidence_goes_to_the_hint() {
    let d = seven();
    let pick = |c: &[(&str, f32)], h| pick(c, h, |_: &str, _: &str| false);
    // "контакт" is neither Russian nor Ukrainian by its letters or words.
    assert_eq!(d.detect("контакт", Some("uk-UA")).as_deref(), None);
    let c = [("ru", 0.40), ("uk", 0.35)];
    assert_eq!(pick(&c, Some("uk-UA")), Some(1));
    assert_eq!(pick(&c, Some("ru")), Some(0));
    assert_eq!(pick(&c, None), Some(0));
    // Clear evidence is not overruled by the hint.
    let c = [("ru", 0.20), ("uk", 0.60)];
    assert_eq!(pick(&c, Some("ru")), Some(1));
    // A hint for a language without evidence changes nothing.
    let c = [("ru", 0.20), ("uk", 0.0)];
    assert_eq!(pick(&c, Some("uk")), Some(0));
    assert_eq!(pick(&[("ru", 0.0)], None), None);
    // Real text with no telling word: the hint decides.
    let scores = d.scores("widunetz");
    assert!(scores.iter().all(|(_, e)| *e == 0.0), "{scores:?}");
}

#[test]
fn without_a_hint_a_thin_tie_goes_to_the_language_that_mixes_in_the_others_words() {
    // Ukrainian writers mix in Russian words; Russian writers do not mix in Ukrainian.
    let mixes = |a: &str, b: &str| a == "uk" && b == "ru";
    let never = |_: &str, _: &str| false;
    let c = [("ru", 0.40), ("uk", 0.35)];
    assert_eq!(pick(&c, None, mixes), Some(1));
    assert_eq!(pick(&c, None, never), Some(0));
    // A hint still decides the tie, either way.
    assert_eq!(pick(&c, Some("ru"), mixes), Some(0));
    // Beyond a thin tie, a Ukrainian hint wins over Russian (whose words and keyboard
    // Ukrainians mix in), even with no Ukrainian evidence at all; a Russian hint does not
    // win over Ukrainian, nor a hint over a language its writers do not mix in.
    let c = [("ru", 0.90), ("uk", 0.40)];
    assert_eq!(pick(&c, Some("uk"), mixes), Some(1));
    assert_eq!(pick(&c, Some("uk"), never), Some(0));
    let c = [("uk", 0.90), ("ru", 0.40)];
    assert_eq!(pick(&c, Some("ru"), mixes), Some(0));
    let c = [("ru", 0.90), ("uk", 0.0)];
    assert_eq!(pick(&c, Some("uk"), mixes), Some(1));
    // Not the other way round: Ukrainian ahead stays Ukrainian.
    let c = [("uk", 0.40), ("ru", 0.35)];
    assert_eq!(pick(&c, None, mixes), Some(0));
    // And not beyond a thin tie.
    let c = [("ru", 0.60), ("uk", 0.40)];
    assert_eq!(pick(&c, None, mixes), Some(0));
    // Nor for a language without evidence.
    let c = [("ru", 0.05), ("uk", 0.0)];
    assert_eq!(pick(&c, None, mixes), Some(0));
}

#[test]
fn a_ukrainian_telegram_gets_ukrainian_for_any_cyrillic_question() {
    let d = seven();
    for text in [
        "Когда была основана сеть?",
        "скока членов в сети",
        "джобцентр херфорд часи роботы",
    ] {
        assert_eq!(
            d.detect(text, Some("uk-UA")).as_deref(),
            Some("uk"),
            "{text}"
        );
    }
    // Without the hint the letters and words speak; a Russian Telegram changes nothing.
    assert_eq!(
        d.detect("Когда была основана сеть?", None).as_deref(),
        Some("ru")
    );
    assert_eq!(
        d.detect("Когда была основана сеть?", Some("ru")).as_deref(),
        Some("ru")
    );
    assert_eq!(
        d.detect("Коли заснували мережу?", Some("ru")).as_deref(),
        Some("uk")
    );
    // Other scripts are not Ukrainian for it.
    assert_eq!(
        d.detect("Wann wurde widunetz gegründet?", Some("uk"))
            .as_deref(),
        Some("de")
    );
}

#[test]
fn a_ukrainian_question_is_never_russian_by_its_letters() {
    let d = seven();
    for text in [
        "Які цілі мережі?",
        "Хто фінансував проєкт?",
        "де ви знаходитесь",
    ] {
        assert_eq!(
            d.detect(text, Some("ru")).as_deref(),
            Some("uk"),
            "{text:?}"
        );
    }
}

#[test]
fn ukrainian_on_a_russian_keyboard_with_russian_words_mixed_in() {
    let d = seven();
    // No і ї є, mostly Russian words, but «можна» / «чого» only Ukrainian has.
    for text in [
        "а можна приватно вступить, я хочу помогать мигрантам",
        "а яки у них цели вообще, чого хочуть добиться",
    ] {
        assert_eq!(d.detect(text, None).as_deref(), Some("uk"), "{text:?}");
    }
    // A Ukrainian letter next to a Russian one is a mixed spelling, not Russian.
    assert_eq!(d.detect("вы знаєте, де офіс?", None).as_deref(), Some("uk"));
    // A Russian letter next to a Ukrainian word of its own is a mixed spelling too.
    assert_eq!(
        d.detect("можна нам вступити, мы ферайн з Бюнде", None)
            .as_deref(),
        Some("uk")
    );
    // An everyday Ukrainian word Russian does not have («кошти», money) among Russian
    // words; the same question in Russian stays Russian.
    assert_eq!(
        d.detect("кто им дает кошти на эту работу", None).as_deref(),
        Some("uk")
    );
    assert_eq!(
        d.detect("кто им дает деньги на эту работу", None)
            .as_deref(),
        Some("ru")
    );
    // «шо» is colloquial Russian as much as Ukrainian: no Ukrainian word of its own.
    assert_eq!(
        d.detect("шо они хотят добиться этой сетью", None)
            .as_deref(),
        Some("ru")
    );
    // Only next to the neighbour it names: Ukrainian alone has no words of its own.
    let mut uk = Signs::from_profile(builtin("uk").expect("uk"));
    uk.set_own([("en", &Signs::from_profile(builtin("en").expect("en")))]);
    assert!(uk.own.is_empty());
}

#[test]
fn persian_on_an_arabic_keyboard() {
    let d = seven();
    // Arabic ي ك for Persian ی ک: no Persian letter, but «در» and «است» Arabic does
    // not write.
    for text in ["ايميل مسئول در هرفورد", "هدف شبكه چيست و مسئول كيست"]
    {
        assert_eq!(d.detect(text, None).as_deref(), Some("fa"), "{text:?}");
    }
    assert_eq!(d.detect("ما هو ايميل المسؤول", None).as_deref(), Some("ar"));
}

#[test]
fn an_unknown_language_is_detected_from_its_own_profile() {
    // Belarusian: a profile the code has never heard of, next to ru and uk.
    let (be, problems) = Profile::parse(
        "be",
        std::path::Path::new("locales/be/profile.toml"),
        "script = \"Cyrillic\"\nletters = \"ўЎ\"\nalphabet = \"абвгдеёжзійклмнопрстуўфхцчшыьэюя\"\nmarkers = [\"што\", \"калі\", \"дзе\"]\n",
        crate::lang::Source::Default,
    );
    assert!(problems.is_empty());
    let ps: Vec<&Profile> = vec![builtin("ru").expect("ru"), builtin("uk").expect("uk"), &be];
    let d = Detector::new(ps);
    assert_eq!(d.detect("калі ўзнікла сетка", None).as_deref(), Some("be"));
    assert_eq!(d.detect("ўдзельнікі", None).as_deref(), Some("be"));
    assert_eq!(d.detect("когда основали сеть", None).as_deref(), Some("ru"));
}

#[test]
fn words_of_another_script_do_not_count() {
    let d = seven();
    let s = d.scores("что the network");
    let en = s.iter().find(|(c, _)| c == "en").map(|(_, e)| *e);
    assert!(en.is_some_and(|e| e > 0.0), "Latin text: {s:?}");
    // Each language counts the words of its own script only: ru 1½ of 2 Cyrillic words,
    // de 2 of 3 Latin words (Netzwerk, der).
    let s = d.scores("Что такое Netzwerk der Stadt?");
    let of = |code: &str| s.iter().find(|(c, _)| c == code).map(|(_, e)| *e);
    let near = |a: Option<f32>, b: f32| a.is_some_and(|a| (a - b).abs() < 1e-4);
    assert!(near(of("ru"), WORD_WEIGHT * 0.75), "{s:?}");
    assert!(near(of("de"), WORD_WEIGHT * 2.0 / 3.0), "{s:?}");
    assert!(near(of("uk"), 0.0), "{s:?}");
}

/// The words of a text that is not all ASCII as the plain split gave them: every text of up
/// to four characters over letters of several scripts, digits, marks and white space, and
/// texts over the token cap.
#[test]
fn other_words_are_the_split_words() {
    let plain = |norm: &str| -> Vec<(usize, usize, Option<Script>)> {
        let base = norm.as_ptr() as usize;
        norm.split(|c: char| !crate::text::is_alphanumeric(c))
            .filter(|w| !w.is_empty())
            .take(crate::text::MAX_TOKENS)
            .map(|w| {
                let start = w.as_ptr() as usize - base;
                (start, start + w.len(), w.chars().find_map(script::of_char))
            })
            .collect()
    };
    let alphabet = [
        'a', '1', ' ', '?', 'ж', 'ш', '٣', 'ب', '؟', '\u{301}', '²', '中', '\u{a0}',
    ];
    let mut texts = crate::text::testing::every_text(&alphabet, 4);
    texts.push("ж ".repeat(crate::text::MAX_TOKENS + 3));
    texts.push("ж1 ".repeat(crate::text::MAX_TOKENS));
    texts.push(format!("{}ж", "a ".repeat(crate::text::MAX_TOKENS - 1)));
    texts.push(format!("{}ж a", "a ".repeat(crate::text::MAX_TOKENS - 1)));
    for t in &texts {
        let mut got = Vec::new();
        other_words(t, &mut got);
        assert_eq!(got, plain(t), "{t:?}");
    }
}
