//! Hostile and odd input (issue 6): property tests of normalisation and matching over
//! arbitrary Unicode, and the named cases, each with the reply it should get.
//! The worst-case timings are measured by `cargo run --release --example hostile_timing`.

use crate::support;

use std::sync::OnceLock;

use proptest::prelude::*;
use widunetz_bot::engine::OutcomeKind;
use widunetz_bot::ids::EntryId;
use widunetz_bot::text::{self, Analyzer};
use widunetz_bot::{Engine, Reply};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(support::engine)
}

fn analyzers() -> &'static [Analyzer] {
    static A: OnceLock<Vec<Analyzer>> = OnceLock::new();
    // "xx": a language without stop words or stemmer (a newly added folder).
    A.get_or_init(|| {
        ["de", "tr", "ru", "ar", "xx"]
            .iter()
            .map(|l| Analyzer::new(l))
            .collect()
    })
}

const LANGS: [Option<&str>; 5] = [None, Some("de"), Some("tr"), Some("ru"), Some("ar")];

/// Characters that have broken text pipelines before: combining marks (Latin and Arabic),
/// bidi controls and zero-width characters, the letters of the four languages, Turkish
/// dotted/dotless i, emoji with joiners and skin tones, controls, NUL, markup characters.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::char::range('\u{0300}', '\u{036F}'),
        2 => prop::char::range('\u{064B}', '\u{065F}'),
        2 => prop::sample::select(vec![
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{FEFF}', '\u{00AD}', '\u{0640}',
        ]),
        4 => prop::char::range('\u{0621}', '\u{064A}'),
        4 => prop::char::range('\u{0410}', '\u{044F}'),
        4 => prop::sample::select("çğıöşüÇĞİÖŞÜIiäöüßÄÖÜẞёЁ'’`".chars().collect::<Vec<_>>()),
        4 => prop::char::range('a', 'z'),
        3 => Just(' '),
        1 => prop::sample::select("?!.,؟،؛«»„“”…–-<>&;/\"\n\t\r".chars().collect::<Vec<_>>()),
        1 => prop::sample::select(vec!['\0', '\u{7}', '\u{1B}', '\u{7F}', '\u{85}', '\u{2028}']),
        1 => prop::sample::select(vec!['👍', '🏽', '\u{200D}', '👨', '👩', '🇩', '🇪', '❤', '\u{FE0F}']),
        1 => prop::char::range('0', '9'),
        1 => prop::char::range('\u{0660}', '\u{0669}'),
        1 => any::<char>(),
    ]
}

fn tricky_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Any Unicode, or strings built from the tricky characters, short and long (beyond the
/// 600 characters that are read).
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        4 => tricky_string(80),
        1 => tricky_string(1_500),
    ]
}

fn assert_score(s: f32, what: &str) {
    assert!(
        s.is_finite() && (0.0..=1.0).contains(&s),
        "{what}: score {s} out of [0, 1]"
    );
}

fn check_reply(r: &Reply) {
    assert_score(r.score, "reply");
    for s in r.suggestions.iter().chain(&r.related) {
        assert_score(s.score, s.id.as_str());
    }
    assert!(!r.answer.trim().is_empty(), "every input gets a reply text");
    assert_eq!(r.confident, r.kind.kind() == OutcomeKind::Answer);
    assert_eq!(r.id.is_some(), r.kind.kind() == OutcomeKind::Answer);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn normalisation_is_total_bounded_and_deterministic(s in input()) {
        for g in [false, true] {
            let f = text::fold(&s, text::Folding { digraphs: g, apostrophe_suffixes: g });
            prop_assert_eq!(&f, &text::fold(&s, text::Folding { digraphs: g, apostrophe_suffixes: g }));
            prop_assert!(f.chars().count() <= text::MAX_CHARS * 4, "fold grew: {}", f.len());
            let toks = text::tokens(&f);
            prop_assert!(toks.len() <= text::MAX_TOKENS);
            prop_assert!(toks.iter().all(|t| t.chars().count() <= text::MAX_TOKEN_CHARS));
        }
        for a in analyzers() {
            let t = a.analyze(&s);
            prop_assert!(t.len() <= text::MAX_TOKENS);
            prop_assert!(t.iter().all(|w| !w.is_empty()), "empty token from {:?}", s);
            prop_assert_eq!(t, a.analyze(&s));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn matching_is_total_in_range_and_deterministic(s in input(), li in 0usize..5) {
        let e = engine();
        let lang = LANGS[li].map(support::lang);
        let a = e.answer(&s, lang.as_ref());
        check_reply(&a);
        let b = e.answer(&s, lang.as_ref());
        prop_assert_eq!(
            (&a.id, a.kind.kind(), &a.answer, a.score.to_bits()),
            (&b.id, b.kind.kind(), &b.answer, b.score.to_bits())
        );
        let r1 = e.rank(&s);
        let r2 = e.rank(&s);
        for (id, sc) in &r1.entries {
            assert_score(*sc, id.as_str());
        }
        if let Some((kind, sc)) = &r1.smalltalk {
            assert_score(*sc, kind);
        }
        let bits = |r: &widunetz_bot::Ranking| -> Vec<(EntryId, u32)> {
            r.entries.iter().map(|(i, s)| (i.clone(), s.to_bits())).collect()
        };
        prop_assert_eq!(bits(&r1), bits(&r2));
        prop_assert_eq!(r1.detected_lang, r2.detected_lang);
    }
}

// ---- Named cases -------------------------------------------------------------------------

fn each_lang(text: &str) -> Vec<Reply> {
    LANGS
        .iter()
        .map(|l| {
            let r = engine().answer(text, l.map(support::lang).as_ref());
            check_reply(&r);
            r
        })
        .collect()
}

fn msg(lang: &str, id: &str) -> String {
    engine().l10n().msg(lang, id)
}

#[test]
fn message_of_4096_characters_is_answered_from_its_start() {
    let q = "Wie wurde widunetz gegründet? ";
    let text: String = q.repeat(200).chars().take(4_096).collect();
    assert_eq!(text.chars().count(), 4_096);
    let r = engine().answer(&text, None);
    check_reply(&r);
    assert_eq!(
        r.id.as_ref().map(EntryId::as_str),
        Some("founding"),
        "{}",
        r.answer
    );
    assert!(r.truncated);
    assert!(
        r.answer.starts_with(&msg("de", "question-too-long")),
        "the reply says only the start was read: {}",
        r.answer
    );
    // The same length of noise: a no-match reply (with the contacts), never a panic.
    let noise: String = "xq zv ".repeat(700).chars().take(4_096).collect();
    let r = engine().answer(&noise, Some(&support::lang("tr")));
    check_reply(&r);
    assert_eq!(r.kind.kind(), OutcomeKind::NoMatch);
    assert!(r.answer.contains(&msg("tr", "no-match")));
}

#[test]
fn single_word_of_4000_characters() {
    for word in ["a".repeat(4_000), "ж".repeat(4_000), "س".repeat(4_000)] {
        for r in each_lang(&word) {
            assert!(r.truncated);
            assert_eq!(r.kind.kind(), OutcomeKind::NoMatch, "{}", &word[..10]);
        }
    }
}

#[test]
fn five_thousand_combining_marks() {
    // Marks alone: nothing to read, so the "please write a question" reply.
    let marks = "\u{301}".repeat(5_000);
    for r in each_lang(&marks) {
        assert_eq!(r.kind.kind(), OutcomeKind::Empty);
        assert!(r.answer.contains(&msg(&r.lang, "empty-question")));
    }
    // A question followed by marks on its last letter still finds the entry.
    let q = format!("kontakt{}", "\u{308}".repeat(5_000));
    let r = engine().answer(&q, None);
    check_reply(&r);
    assert_eq!(r.id.as_ref().map(EntryId::as_str), Some("contact"));
    // Arabic harakat piled on one letter.
    let ar = format!("ت{}", "\u{64E}".repeat(5_000));
    for r in each_lang(&ar) {
        assert_ne!(r.kind.kind(), OutcomeKind::Answer);
    }
}

#[test]
fn right_to_left_override_and_zero_width_characters() {
    // Invisible characters inside and around words are ignored, in every script.
    let de = "\u{202E}Wie wurde wid\u{200B}unetz gegr\u{200D}ündet?\u{202C}\u{FEFF}";
    let r = engine().answer(de, None);
    assert_eq!(
        r.id.as_ref().map(EntryId::as_str),
        Some("founding"),
        "{}",
        r.answer
    );
    let ar = "\u{200F}\u{2067}من هم الأشخاص\u{200C} المسؤولون عن التواصل؟\u{2069}";
    let r = engine().answer(ar, None);
    assert_eq!(
        r.id.as_ref().map(EntryId::as_str),
        Some("contact"),
        "{}",
        r.answer
    );
    assert_eq!(r.lang, "ar");
    // Only invisible characters: empty.
    let only = "\u{202E}\u{200B}\u{200D}\u{FEFF}\u{2066}";
    for r in each_lang(only) {
        assert_eq!(r.kind.kind(), OutcomeKind::Empty);
    }
}

#[test]
fn emoji_sequences() {
    // Family (ZWJ sequence), flag, thumbs up with skin tone: no words, so "empty".
    let only = "👨\u{200D}👩\u{200D}👧\u{200D}👦 🇩🇪 👍🏽 ❤\u{FE0F}";
    for r in each_lang(only) {
        assert_eq!(r.kind.kind(), OutcomeKind::Empty, "{}", r.answer);
    }
    // Emoji around a question do not disturb it.
    let r = engine().answer("👋 Kontakt 📞👍🏽?", None);
    assert_eq!(r.id.as_ref().map(EntryId::as_str), Some("contact"));
}

#[test]
fn nul_and_control_characters() {
    let r = engine().answer("\0Kon\u{7}\u{1B}[31mtakt\0", None);
    check_reply(&r);
    // Control characters split words, like punctuation; the question still gets a sensible
    // reply (not empty, not an error).
    assert_ne!(r.kind.kind(), OutcomeKind::Empty);
    let r = engine().answer("Kontakt\0\u{1B}[0m\r\n\u{7F}", None);
    assert_eq!(r.id.as_ref().map(EntryId::as_str), Some("contact"));
    for r in each_lang("\0\u{1}\u{2}\u{1B}\u{7F}\u{85}") {
        assert_eq!(r.kind.kind(), OutcomeKind::Empty);
    }
}

#[test]
fn mixed_scripts_in_one_word() {
    // Latin + Cyrillic homoglyphs and Latin + Arabic in one word: a reply, never a panic.
    for w in [
        "kоntакt",
        "widunetzсеть",
        "كontakt",
        "Grüнdung",
        "ṡạ\u{301}ﻻ",
    ] {
        for r in each_lang(w) {
            assert!(
                matches!(
                    r.kind.kind(),
                    OutcomeKind::Answer | OutcomeKind::Suggestions | OutcomeKind::NoMatch
                ),
                "{w}: {}",
                r.outcome()
            );
        }
    }
}

#[test]
fn html_and_telegram_markup_in_the_question() {
    // Tags and entities around a question do not hide it. (That what the bot sends for
    // markup is safe for Telegram's HTML parse mode is checked on the wire:
    // `telegram::markup_in_questions_never_reaches_telegram_as_html`.)
    let r = engine().answer("<b>Kontakt</b> &amp; <i>Telefon</i>", None);
    assert_eq!(
        r.id.as_ref().map(EntryId::as_str),
        Some("contact"),
        "{}",
        r.answer
    );
    // Markup alone is not a question about anything.
    for q in [
        "<script>alert(1)</script>",
        "<b></b>&amp;&lt;&gt;",
        "*bold* _it_ `code` [x](tg://user?id=1)",
    ] {
        for r in each_lang(q) {
            assert!(
                !matches!(r.kind.kind(), OutcomeKind::Answer),
                "{q:?} answered with {:?}",
                r.id
            );
        }
    }
}

#[test]
fn empty_and_whitespace_only_text() {
    for t in [
        "",
        " ",
        "   \n\t  ",
        "\u{00A0}\u{3000}\u{2003}",
        "?!...",
        "؟",
    ] {
        for r in each_lang(t) {
            assert_eq!(r.kind.kind(), OutcomeKind::Empty, "{t:?}");
            assert_eq!(r.answer, msg(&r.lang, "empty-question"));
            assert_eq!(r.score, 0.0);
        }
    }
}
