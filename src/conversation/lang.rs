//! The one language policy: which language the bot answers in. Every front end, `ask` and
//! `eval` go through [`reply_lang`].
//!
//! 1. the language chosen for the chat (`/language`, `--lang`), if the bot has it;
//! 2. else the language of the question (detected from its words; for menus and command
//!    replies: the language of the chat's last question);
//! 3. else the person's client language (Telegram's `language_code`, e.g. `de-AT`);
//! 4. else German.

use crate::ids::LangCode;
use crate::l10n::L10n;

/// What a front end knows about the language besides the question itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct LangHint<'a> {
    /// Chosen for the chat: wins whenever the bot has that language.
    pub chosen: Option<&'a LangCode>,
    /// The client's language setting (any BCP 47 code; negotiated to what the bot has).
    pub client: Option<&'a LangCode>,
}

/// The language to reply in (see the module doc). `question` is a code as the matcher
/// detects it (exact, like `tr`); `chosen` and `client` are negotiated (`de-AT` → `de`).
pub fn reply_lang(
    l10n: &L10n,
    chosen: Option<&LangCode>,
    question: Option<&LangCode>,
    client: Option<&LangCode>,
) -> LangCode {
    let negotiated = |code: Option<&LangCode>| {
        code.and_then(|c| l10n.negotiate(c.as_str()))
            .and_then(LangCode::new)
    };
    negotiated(chosen)
        .or_else(|| question.filter(|q| l10n.has_lang(q.as_str())).cloned())
        .or_else(|| negotiated(client))
        .unwrap_or_else(LangCode::default_lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn l10n() -> L10n {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        L10n::load(&dir).expect("locales").0
    }

    #[test]
    fn chosen_then_question_then_client_then_german() {
        let l = l10n();
        let pick = |c: Option<&str>, q: Option<&str>, u: Option<&str>| {
            let code = |x: Option<&str>| x.and_then(LangCode::new);
            reply_lang(&l, code(c).as_ref(), code(q).as_ref(), code(u).as_ref()).to_string()
        };
        assert_eq!(pick(Some("ru"), Some("tr"), Some("ar")), "ru");
        assert_eq!(pick(None, Some("tr"), Some("ar")), "tr");
        assert_eq!(pick(None, None, Some("ar")), "ar");
        assert_eq!(pick(None, None, None), "de");
    }

    #[test]
    fn codes_the_bot_does_not_have_are_skipped() {
        let l = l10n();
        let pick = |c: Option<&str>, q: Option<&str>, u: Option<&str>| {
            let code = |x: Option<&str>| x.and_then(LangCode::new);
            reply_lang(&l, code(c).as_ref(), code(q).as_ref(), code(u).as_ref()).to_string()
        };
        // A chosen language that is gone (content changed) does not win.
        assert_eq!(pick(Some("xx"), Some("tr"), None), "tr");
        // Questions in a language without texts (`pl` questions but no locales/pl/).
        assert_eq!(pick(None, Some("pl"), Some("ru")), "ru");
        assert_eq!(pick(None, Some("pl"), Some("pl-PL")), "de");
        assert_eq!(pick(None, Some("xx"), None), "de");
    }

    #[test]
    fn client_and_chosen_codes_are_negotiated_but_detected_ones_are_exact() {
        let l = l10n();
        let pick = |c: Option<&str>, q: Option<&str>, u: Option<&str>| {
            let code = |x: Option<&str>| x.and_then(LangCode::from_tag);
            reply_lang(&l, code(c).as_ref(), code(q).as_ref(), code(u).as_ref()).to_string()
        };
        assert_eq!(pick(None, None, Some("de-AT")), "de");
        assert_eq!(pick(None, None, Some("ar_EG")), "ar");
        assert_eq!(pick(Some("TR"), None, None), "tr");
        assert_eq!(pick(None, Some("tr-TR"), None), "de");
    }
}
