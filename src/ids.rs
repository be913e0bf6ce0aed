//! Typed identifiers that cross module boundaries: an entry, a topic, a language code, a
//! chat.
//!
//! Each is checked once where it enters (content loading, a button's data, a user's
//! `/language xx`), so code that holds one does not validate again, and an entry id can no
//! longer be passed where a topic or a language is expected.

use std::fmt;

use serde::Serialize;

use crate::content::faq::valid_id;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id if it has the form `[a-z0-9-]+`.
            pub fn new(id: impl Into<String>) -> Option<Self> {
                let id = id.into();
                valid_id(&id).then_some($name(id))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.0 == *other
            }
        }
    };
}

id_type!(
    /// The id of a FAQ entry (`founding`, `core-group`): `[a-z0-9-]+`, unique, never reused.
    EntryId
);

id_type!(
    /// The id of a topic (`history`); its display name is the Fluent message `topic-<id>`.
    TopicId
);

/// One chat: Telegram's chat id (in a private chat the same number as the person's user id),
/// or [`ChatKey::LOCAL`] for the terminal. Kept only where a chat's own setting needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ChatKey(pub i64);

impl ChatKey {
    /// The terminal chat.
    pub const LOCAL: ChatKey = ChatKey(0);
}

/// A language code as used for folders under `locales/` and in `[entry.questions]`
/// (`de`, `tr`, `pt-BR`): letters, digits and `-`, and a valid BCP 47 language identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct LangCode(String);

impl LangCode {
    /// Longest code accepted. Real codes are 2 to 10 characters (`zh-Hant-TW`); the limit
    /// keeps every button that carries a code within Telegram's 64 bytes (see
    /// `conversation::action`).
    pub const MAX_LEN: usize = 19;

    pub fn new(code: impl Into<String>) -> Option<Self> {
        let code = code.into();
        let plain = !code.is_empty()
            && code.len() <= Self::MAX_LEN
            && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        (plain && code.parse::<unic_langid::LanguageIdentifier>().is_ok()).then_some(LangCode(code))
    }

    /// A tag as clients write it: `ar_EG` (underscore, as in locale names) reads as `ar-EG`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::new(tag.replace('_', "-"))
    }

    /// German: the source language and the fallback.
    pub fn default_lang() -> Self {
        LangCode(crate::l10n::DEFAULT_LANG.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LangCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads as the code's text wherever a `&str` is wanted (Fluent lookups, JSON, SQL).
impl std::ops::Deref for LangCode {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for LangCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for LangCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for LangCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(EntryId::new("core-group").is_some());
        for bad in ["", "Core", "a b", "a:b", "ü", "a_b"] {
            assert!(EntryId::new(bad).is_none(), "{bad:?}");
            assert!(TopicId::new(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn language_codes_are_checked() {
        for ok in ["de", "tr", "pt-BR", "zh-Hant-TW", "ar"] {
            assert!(LangCode::new(ok).is_some(), "{ok:?}");
        }
        for bad in [
            "",
            "de:x",
            "d e",
            "x".repeat(20).as_str(),
            "de_AT",
            "123456789",
        ] {
            assert!(LangCode::new(bad).is_none(), "{bad:?}");
        }
        assert_eq!(LangCode::default_lang().as_str(), "de");
        // Clients' tags with an underscore read as the hyphenated tag.
        assert_eq!(
            LangCode::from_tag("de_AT").map(|c| c.to_string()),
            Some("de-AT".into())
        );
        assert!(LangCode::from_tag("de:AT").is_none());
    }
}
