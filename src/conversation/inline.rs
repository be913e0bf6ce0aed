//! Answers offered while someone types (Telegram's inline mode, `@bot question` in any chat;
//! a web widget's search-as-you-type would be the same): the entries the engine would
//! suggest for the text so far, in the one language policy's language (the text's, else the
//! person's client language, else German). There is no chat, so no chosen language and
//! nothing recorded.

use super::lang;
use crate::Engine;
use crate::ids::{EntryId, LangCode};

/// At most this many offers (Telegram shows them as a list above the keyboard).
pub const MAX_OFFERS: usize = 10;

/// One entry offered: its title and its whole answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub entry: EntryId,
    pub lang: LangCode,
    pub title: String,
    pub answer: String,
}

/// The offers for `query`, best first.
pub fn offers(engine: &Engine, query: &str, client_lang: Option<&LangCode>) -> Vec<Offer> {
    let found = engine.candidates(query, MAX_OFFERS);
    let lang = lang::reply_lang(
        engine.l10n(),
        None,
        found.detected_lang.as_ref(),
        client_lang,
    );
    found
        .entries
        .into_iter()
        .map(|entry| Offer {
            title: engine.entry_title(&entry, &lang),
            answer: engine.entry_answer(&entry, &lang),
            entry,
            lang: lang.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn engine() -> Engine {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Engine::load_strict(&root.join("faq"), &root.join("locales")).expect("shipped content")
    }

    #[test]
    fn offers_what_the_engine_would_suggest_in_the_question_language() {
        let e = engine();
        let found = offers(
            &e,
            "widunetz ne zaman kuruldu",
            LangCode::new("ru").as_ref(),
        );
        assert!(!found.is_empty());
        assert!(found.len() <= MAX_OFFERS);
        assert_eq!(found[0].entry.as_str(), "founding");
        assert!(found.iter().all(|o| o.lang == "tr"), "{found:?}");
        // The same threshold as the suggestions of an answer: whatever `answer` offers
        // first is offered here too.
        let r = e.answer("widunetz ne zaman kuruldu", None);
        assert_eq!(r.id.as_ref(), Some(&found[0].entry));
    }

    #[test]
    fn nonsense_offers_nothing_and_every_offer_has_one_language() {
        let e = engine();
        let code = |c: &str| LangCode::new(c).expect("a valid code");
        assert!(offers(&e, "xqzv plmk", Some(&code("ar"))).is_empty());
        assert!(offers(&e, "", None).is_empty());
        let found = offers(&e, "widunetz", Some(&code("ar-EG")));
        let want = lang::reply_lang(
            e.l10n(),
            None,
            e.candidates("widunetz", 1).detected_lang.as_ref(),
            Some(&code("ar-EG")),
        );
        assert!(!found.is_empty());
        assert!(found.iter().all(|o| o.lang == want), "{found:?}");
    }
}
