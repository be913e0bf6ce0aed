//! Tests of the analyser's whole pipeline.

use super::*;

fn same(lang: &str, a: &str, b: &str) {
    let an = Analyzer::new(lang);
    assert_eq!(
        an.analyze(a),
        an.analyze(b),
        "{lang}: {a:?} and {b:?} should analyse alike"
    );
}

#[test]
fn the_project_word_mentions_the_network_but_is_no_name_of_it() {
    let an = Analyzer::new("en");
    let stems = an.analyze("projects");
    assert!(stems.iter().all(|s| an.is_network_mention(s)), "{stems:?}");
    assert!(stems.iter().all(|s| !an.is_network_stem(s)), "{stems:?}");
    let group = an.analyze("projectgroup");
    assert!(group.iter().all(|s| !an.is_network_mention(s)), "{group:?}");
    assert!(an.analyze("network").iter().all(|s| an.is_network_stem(s)));
}

#[test]
fn german_without_umlauts_equals_with() {
    same(
        "de",
        "Wie wurde das Netzwerk gegründet?",
        "wie wurde das netzwerk gegrundet",
    );
    same("de", "gegründet", "gegruendet");
    same("de", "Straße", "strasse");
}

#[test]
fn turkish_without_special_letters_equals_with() {
    same("tr", "ağın amacı", "agin amaci");
    same("tr", "AĞIN AMACI", "agin amaci");
    same("tr", "widunetz'in amaçları", "widunetz amaclari");
}

#[test]
fn russian_yo_equals_ye() {
    same("ru", "Ещё вопрос", "еще вопрос");
}

#[test]
fn arabic_forms_fold() {
    same("ar", "متى تأسست الشبكة؟", "متي تاسست الشبكه");
}

#[test]
fn stopwords_are_dropped() {
    let de = Analyzer::new("de");
    assert!(
        !de.analyze("Was ist die Kerngruppe?")
            .contains(&"die".to_string()),
        "'die' is a German stop word"
    );
}

#[test]
fn bounded_on_huge_input() {
    let word = "a".repeat(3_000);
    let an = Analyzer::new("de");
    let t = an.analyze(&word);
    assert!(
        t.len() == 1 && t[0].chars().count() <= MAX_TOKEN_CHARS,
        "{t:?}"
    );
    let many = "wort ".repeat(2_000);
    assert!(an.folded_tokens(&many).len() <= MAX_TOKENS);
    let marks = format!("e{}", "\u{301}".repeat(5_000));
    assert!(an.analyze(&marks).len() <= 1);
}
