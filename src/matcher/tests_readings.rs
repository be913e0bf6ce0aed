//! Which languages read a question: the ones that can be detected, the ones their writers
//! mix in, and none other than its own for a question that is one of its own.

use super::tests::docs_of;
use super::*;

#[test]
fn a_language_that_cannot_be_detected_is_not_scored() {
    // Entry 2 has an English question only, which shares the loanword "Newsletter".
    let idx = Index::build(&docs_of(&[
        (0, "de", "Wie bestelle ich den Newsletter?"),
        (0, "en", "How do I order the newsletter?"),
        (1, "de", "Wann wurde das Netzwerk gegründet?"),
        (1, "en", "When was the network founded?"),
        (2, "en", "Who writes the newsletter?"),
    ]));
    let entries = |q: &str| {
        let m = idx.search(q);
        let e: Vec<Target> = m.ranked.iter().map(|&(t, _)| t).collect();
        (m.detected_lang, e)
    };
    // Clearly German: English is far below and not scored, so its variants do not compete.
    let (lang, ranked) = entries("Wie bestelle ich den Newsletter?");
    assert_eq!(lang.as_deref(), Some("de"));
    assert_eq!(ranked.first(), Some(&Target::Entry(0)), "{ranked:?}");
    assert!(!ranked.contains(&Target::Entry(2)), "{ranked:?}");
    // Clearly English: English is scored.
    let (lang, ranked) = entries("Who writes the newsletter?");
    assert_eq!(lang.as_deref(), Some("en"));
    assert_eq!(ranked.first(), Some(&Target::Entry(2)), "{ranked:?}");
    // Half German, half English: both could be detected, both are scored.
    let (_, ranked) = entries("who writes den Newsletter, wann bestelle ich");
    assert!(ranked.contains(&Target::Entry(2)), "{ranked:?}");
    assert!(ranked.contains(&Target::Entry(0)), "{ranked:?}");
}

#[test]
fn the_language_a_writer_mixes_in_is_scored_too() {
    // Entry 1 has a Russian question only. Ukrainian writers mix in Russian words
    // (`mixes_with`): a clearly Ukrainian question still finds the Russian variant.
    let idx = Index::build(&docs_of(&[
        (0, "uk", "Коли була заснована мережа?"),
        (0, "ru", "Когда была основана сеть?"),
        (1, "ru", "Какой имейл у контактного лица?"),
    ]));
    let m = idx.search("Який імейл у контактної особи? Дякую, їй напишу");
    assert_eq!(m.detected_lang.as_deref(), Some("uk"));
    assert!(
        m.ranked.iter().any(|&(t, _)| t == Target::Entry(1)),
        "{:?}",
        m.ranked
    );
}

#[test]
fn a_question_read_as_one_of_its_own_is_read_in_its_language_only() {
    // Entry 1 has a Russian question only, with the Russian words of entry 0's question.
    let idx = Index::build(&docs_of(&[
        (0, "uk", "Скільки учасників у мережі?"),
        (0, "ru", "Сколько участников в сети?"),
        (1, "ru", "Сколько участников в организации?"),
    ]));
    // One of the Ukrainian questions: the Russian neighbour does not read it (it does read
    // a question that is none of them, `the_language_a_writer_mixes_in_is_scored_too`).
    let m = idx.search("Скільки учасників у мережі?");
    assert_eq!(m.detected_lang.as_deref(), Some("uk"));
    assert_eq!(m.ranked.first().map(|r| r.0), Some(Target::Entry(0)));
    assert!(
        !m.ranked.iter().any(|&(t, _)| t == Target::Entry(1)),
        "{:?}",
        m.ranked
    );
    let m = idx.search("Скільки учасників в організації?");
    assert!(
        m.ranked.iter().any(|&(t, _)| t == Target::Entry(1)),
        "{:?}",
        m.ranked
    );
}

#[test]
fn a_question_read_as_one_of_its_own_is_read_through_no_view() {
    let idx = Index::build(&docs_of(&[
        (2, "de", "Was ist widunetz?"),
        (2, "ru", "Что такое widunetz?"),
        (3, "ru", "Вы кто такой, координатор?"),
        (3, "de", "vy kto takoj koordinator"),
    ]));
    // One of the German questions (with a typo: not every word is a German word, which
    // alone keeps the views away), however Russian it reads through the transliteration
    // view, is German.
    let m = idx.search("vy kto takoj koordinatr");
    assert_eq!(m.detected_lang.as_deref(), Some("de"));
}

#[test]
fn a_question_nothing_tells_offers_the_language_typed_on_the_others_keyboard() {
    let idx = Index::build(&docs_of(&[
        (0, "ru", "Сколько членов в сети?"),
        (0, "uk", "Скільки членів у мережі?"),
        (1, "ru", "Когда основана сеть?"),
        (1, "uk", "Коли заснована мережа?"),
        (2, "ar", "من هم المسؤولون عن التواصل؟"),
        (2, "fa", "چه کسانی مسئول تماس هستند؟"),
    ]));
    let undecided = |q: &str, hint: Option<&str>| {
        let m = idx.search_hinted(q, hint);
        (m.detected_lang, m.undecided_lang)
    };
    let some = |s: &str| Some(s.to_string());
    // Russian words, none of ы э ъ ё, і ї є ґ: Russian, Ukrainian offered (no hint, or one
    // naming neither).
    for hint in [None, Some("de-DE")] {
        assert_eq!(
            undecided("скока там членов в сети", hint),
            (some("ru"), some("uk"))
        );
    }
    // A client language naming either decides; nothing is offered.
    assert_eq!(undecided("скока там членов в сети", Some("ru")).1, None);
    assert_eq!(undecided("скока там членов в сети", Some("uk")).1, None);
    // A letter only Russian writes, and none only Ukrainian writes: Russian, nothing offered.
    assert_eq!(undecided("Сколько членов в сети? Мы тут", None).1, None);
    // Detected as Ukrainian: nothing offered (a Ukrainian answer hurts no Russian reader).
    assert_eq!(undecided("Скільки членів у мережі?", None).1, None);
    // Both languages' letters (a mixed spelling) and still read as Russian: offered.
    assert_eq!(
        undecided("Сколько членов в сети? Мы тут і все", None),
        (some("ru"), some("uk"))
    );
    // Persians type on Persian keyboards (no `keyboard` rules): an Arabic question without
    // ي ك ة ى offers no Persian.
    assert_eq!(
        undecided("من هم المسؤولون عن التواصل", None),
        (some("ar"), None)
    );
}
