//! What a button does, as a type, with one checked wire format.
//!
//! The wire format is the callback data Telegram sends back (at most 64 bytes), and the same
//! as before this type existed, so buttons under old messages keep working:
//!
//! | action | data |
//! |---|---|
//! | all topics | `t` |
//! | questions of a topic | `t:<topic>` |
//! | an answer | `a:<entry>` |
//! | the German version of an answer | `g:<entry>` |
//! | an answer in another language (the person's own) | `i:<entry>:<lang>` |
//! | 👍 / 👎 on an answer in a language | `f:+:<entry>:<lang>` / `f:-:<entry>:<lang>` |
//! | choose a language | `l:<lang>` |
//! | admin review: add item's question to an entry | `r:<list>:<item>:a:<entry>` |
//! | admin review: choose another entry / not our topic / skip | `r:<list>:<item>:c` / `…:o` / `…:s` |
//!
//! A review button names an item of a list kept in memory for the admin's chat
//! (`conversation::review`); `<list>` tells a list from an older one, so an old button never
//! acts on another question.
//!
//! Ids and language codes never contain `:` (see [`crate::ids`]), so the format is
//! unambiguous.

use crate::ids::{EntryId, LangCode, TopicId};

/// Telegram's limit for callback data, in bytes.
pub const MAX_DATA: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Action {
    Topics,
    Topic(TopicId),
    Answer(EntryId),
    German(EntryId),
    /// The answer in another language: offered in the person's client language when the
    /// question was answered in another one («скока там членов в сети?» from a Ukrainian).
    InLang {
        entry: EntryId,
        lang: LangCode,
    },
    Feedback {
        up: bool,
        entry: EntryId,
        lang: LangCode,
    },
    SetLang(LangCode),
    /// An admin's answer to one question of a review list (`/unanswered`, `/feedback`).
    Review {
        list: u32,
        item: u16,
        op: ReviewOp,
    },
}

/// What an admin does with a question of a review list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReviewOp {
    /// Add it as a question variant of this entry.
    Add(EntryId),
    /// Show all entries to choose from.
    Choose,
    /// Add it to the out-of-scope examples.
    OutOfScope,
    /// Leave it; show the next one.
    Skip,
}

/// The encoded action would be longer than [`MAX_DATA`] bytes (an id too long for a
/// button; `check` refuses such ids).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("button data {data:?} is {} bytes; at most {MAX_DATA} fit", data.len())]
pub struct TooLong {
    pub data: String,
}

impl Action {
    /// The callback data for this action, checked against Telegram's limit.
    pub fn encode(&self) -> Result<String, TooLong> {
        let data = match self {
            Action::Topics => "t".to_string(),
            Action::Topic(t) => format!("t:{t}"),
            Action::Answer(e) => format!("a:{e}"),
            Action::German(e) => format!("g:{e}"),
            Action::InLang { entry, lang } => format!("i:{entry}:{lang}"),
            Action::Feedback { up, entry, lang } => {
                format!("f:{}:{entry}:{lang}", if *up { '+' } else { '-' })
            }
            Action::SetLang(l) => format!("l:{l}"),
            Action::Review { list, item, op } => match op {
                ReviewOp::Add(e) => format!("r:{list}:{item}:a:{e}"),
                ReviewOp::Choose => format!("r:{list}:{item}:c"),
                ReviewOp::OutOfScope => format!("r:{list}:{item}:o"),
                ReviewOp::Skip => format!("r:{list}:{item}:s"),
            },
        };
        if data.len() > MAX_DATA {
            Err(TooLong { data })
        } else {
            Ok(data)
        }
    }

    /// Reads callback data back. `None` for anything [`Action::encode`] cannot produce
    /// (malformed, foreign or over-long data); never panics.
    pub fn decode(data: &str) -> Option<Action> {
        if data.len() > MAX_DATA {
            return None;
        }
        if let Some(rest) = data.strip_prefix("r:") {
            return decode_review(rest);
        }
        let mut parts = data.split(':');
        let kind = parts.next()?;
        let a = parts.next();
        let b = parts.next();
        let c = parts.next();
        if parts.next().is_some() {
            return None;
        }
        match (kind, a, b, c) {
            ("t", None, None, None) => Some(Action::Topics),
            ("t", Some(t), None, None) => TopicId::new(t).map(Action::Topic),
            ("a", Some(e), None, None) => EntryId::new(e).map(Action::Answer),
            ("g", Some(e), None, None) => EntryId::new(e).map(Action::German),
            ("i", Some(e), Some(l), None) => Some(Action::InLang {
                entry: EntryId::new(e)?,
                lang: LangCode::new(l)?,
            }),
            ("f", Some(sign @ ("+" | "-")), Some(e), Some(l)) => Some(Action::Feedback {
                up: sign == "+",
                entry: EntryId::new(e)?,
                lang: LangCode::new(l)?,
            }),
            ("l", Some(l), None, None) => LangCode::new(l).map(Action::SetLang),
            _ => None,
        }
    }
}

/// `<list>:<item>:<op>` of a review button (numbers in their canonical form only, so that
/// what decodes encodes to the same data).
fn decode_review(rest: &str) -> Option<Action> {
    let mut parts = rest.split(':');
    fn canonical(s: &str) -> bool {
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
    }
    let list = parts.next().filter(|s| canonical(s))?;
    let item = parts.next().filter(|s| canonical(s))?;
    let list: u32 = list.parse().ok()?;
    let item: u16 = item.parse().ok()?;
    let op = match (parts.next()?, parts.next(), parts.next()) {
        ("a", Some(e), None) => ReviewOp::Add(EntryId::new(e)?),
        ("c", None, None) => ReviewOp::Choose,
        ("o", None, None) => ReviewOp::OutOfScope,
        ("s", None, None) => ReviewOp::Skip,
        _ => return None,
    };
    Some(Action::Review { list, item, op })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn entry(s: &str) -> EntryId {
        EntryId::new(s).expect("entry id")
    }

    fn lang(s: &str) -> LangCode {
        LangCode::new(s).expect("lang")
    }

    #[test]
    fn todays_callback_data_still_decodes() {
        let cases = [
            ("t", Action::Topics),
            (
                "t:history",
                Action::Topic(TopicId::new("history").expect("t")),
            ),
            ("a:founding", Action::Answer(entry("founding"))),
            ("g:core-group", Action::German(entry("core-group"))),
            (
                "i:members:uk",
                Action::InLang {
                    entry: entry("members"),
                    lang: lang("uk"),
                },
            ),
            (
                "f:+:contact:ar",
                Action::Feedback {
                    up: true,
                    entry: entry("contact"),
                    lang: lang("ar"),
                },
            ),
            (
                "f:-:join:pt-BR",
                Action::Feedback {
                    up: false,
                    entry: entry("join"),
                    lang: lang("pt-BR"),
                },
            ),
            ("l:tr", Action::SetLang(lang("tr"))),
            (
                "r:4294967295:65535:a:core-group",
                Action::Review {
                    list: u32::MAX,
                    item: u16::MAX,
                    op: ReviewOp::Add(entry("core-group")),
                },
            ),
            (
                "r:7:0:c",
                Action::Review {
                    list: 7,
                    item: 0,
                    op: ReviewOp::Choose,
                },
            ),
            (
                "r:0:3:o",
                Action::Review {
                    list: 0,
                    item: 3,
                    op: ReviewOp::OutOfScope,
                },
            ),
            (
                "r:12:1:s",
                Action::Review {
                    list: 12,
                    item: 1,
                    op: ReviewOp::Skip,
                },
            ),
        ];
        for (data, action) in cases {
            assert_eq!(Action::decode(data).as_ref(), Some(&action), "{data}");
            assert_eq!(action.encode().as_deref(), Ok(data));
        }
    }

    #[test]
    fn malformed_data_is_refused() {
        for data in [
            "",
            "x",
            "t:",
            "a:",
            "a:Bad",
            "a:x:y",
            "f:*:x:de",
            "f:+:x",
            "f:+:x:de:y",
            "l:",
            "l:d e",
            "g:ü",
            ":",
            "t::",
            "a:a b",
            "r:",
            "r:1:2",
            "r:1:2:x",
            "r:01:2:s",
            "r:1:2:s:x",
            "r:1:99999:s",
            "r:-1:2:s",
            "r:1:2:a:",
            "r:1:2:a:B",
            "r:4294967296:0:s",
        ] {
            assert_eq!(Action::decode(data), None, "{data:?}");
        }
        let long = format!("a:{}", "x".repeat(MAX_DATA));
        assert_eq!(Action::decode(&long), None);
    }

    #[test]
    fn a_topic_id_too_long_for_a_button_is_refused_not_sent() {
        let t = TopicId::new("x".repeat(63)).expect("valid id");
        let err = Action::Topic(t).encode().expect_err("65 bytes");
        assert_eq!(err.data.len(), 65);
        // The longest entry id the loader accepts fits every button that carries it, with
        // the longest language code there is.
        let longest =
            "f:-:".len() + crate::content::faq::MAX_ID_LEN + ":".len() + LangCode::MAX_LEN;
        assert!(longest <= MAX_DATA, "{longest}");
        let a = Action::Feedback {
            up: false,
            entry: entry(&"e".repeat(crate::content::faq::MAX_ID_LEN)),
            lang: lang("zh-Hant-TW"),
        };
        assert!(a.encode().is_ok(), "{a:?}");
    }

    fn id_strategy(max: usize) -> impl Strategy<Value = String> {
        proptest::string::string_regex(&format!("[a-z0-9-]{{1,{max}}}")).expect("regex")
    }

    fn lang_strategy() -> impl Strategy<Value = LangCode> {
        proptest::string::string_regex("[a-z]{2,3}(-[A-Z]{2})?")
            .expect("regex")
            .prop_filter_map("a language code", LangCode::new)
    }

    fn action_strategy() -> impl Strategy<Value = Action> {
        let entry = || id_strategy(70).prop_map(|s| EntryId::new(s).expect("id"));
        let topic = id_strategy(70).prop_map(|s| TopicId::new(s).expect("id"));
        prop_oneof![
            Just(Action::Topics),
            topic.prop_map(Action::Topic),
            entry().prop_map(Action::Answer),
            entry().prop_map(Action::German),
            (entry(), lang_strategy()).prop_map(|(entry, lang)| Action::InLang { entry, lang }),
            (any::<bool>(), entry(), lang_strategy())
                .prop_map(|(up, entry, lang)| Action::Feedback { up, entry, lang }),
            lang_strategy().prop_map(Action::SetLang),
            (
                any::<u32>(),
                any::<u16>(),
                prop_oneof![
                    entry().prop_map(ReviewOp::Add),
                    Just(ReviewOp::Choose),
                    Just(ReviewOp::OutOfScope),
                    Just(ReviewOp::Skip),
                ]
            )
                .prop_map(|(list, item, op)| Action::Review { list, item, op }),
        ]
    }

    proptest! {
        #[test]
        fn decode_inverts_encode(a in action_strategy()) {
            match a.encode() {
                Ok(data) => {
                    prop_assert!(data.len() <= MAX_DATA);
                    prop_assert_eq!(Action::decode(&data), Some(a));
                }
                // Refused only when it really does not fit.
                Err(TooLong { data }) => prop_assert!(data.len() > MAX_DATA),
            }
        }

        #[test]
        fn whatever_decodes_encodes_to_the_same_data(
            data in prop_oneof!["\\PC{0,80}", "[tagiflr][:+a-z0-9-]{0,70}", "r:[0-9]{1,11}:[0-9]{1,6}:[acos]:?[a-z0-9-]{0,8}"]
        ) {
            if let Some(a) = Action::decode(&data) {
                prop_assert_eq!(a.encode(), Ok(data));
            }
        }
    }
}
