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
