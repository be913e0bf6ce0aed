//! The one place where what the conversation shows becomes Telegram requests: each
//! [`View`] becomes steps of the reply ([`Outgoing`]).
//!
//! - a message: its text split into parts of at most 4,096 characters (split first, escaped
//!   when sent, so a cut never falls inside `&amp;`), its buttons under the last part;
//! - a menu reached by a button: in place of the message that button was on (else a new
//!   message);
//! - a notice: the pop-up over the pressed button. A pressed button is always answered
//!   first (with the notice, if any), so its spinner stops. Without a pressed button a
//!   notice is sent as a message, only when nothing else is said (as the terminal does).

use super::format;
use super::keyboard;
use super::send::Outgoing;
use crate::conversation::{View, ViewKind};

/// Where a reply goes.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub chat: i64,
    /// For a pressed button: the callback query to answer, and the message it was on.
    pub button: Option<(&'a str, Option<i32>)>,
}

/// The steps that show `views` at `to`, in order.
pub fn steps(views: &[View], to: Target<'_>) -> Vec<Outgoing> {
    let mut out = Vec::new();
    let notice = views.iter().find(|v| v.kind == ViewKind::Notice);
    if let Some((id, _)) = to.button {
        out.push(Outgoing::AnswerCallback {
            id: id.to_string(),
            text: notice.map(|v| v.text.clone()),
        });
    }
    let only_notices = views.iter().all(|v| v.kind == ViewKind::Notice);
    for v in views {
        match v.kind {
            ViewKind::Notice if to.button.is_none() && only_notices => {
                out.extend(message(to.chat, v));
            }
            ViewKind::Notice => {}
            ViewKind::Message => out.extend(message(to.chat, v)),
            ViewKind::Menu => match to.button {
                Some((_, Some(message_id))) if v.text.chars().count() <= format::MAX_MESSAGE => {
                    out.push(Outgoing::Edit {
                        chat: to.chat,
                        message_id,
                        text: v.text.clone(),
                        keyboard: keyboard::markup(v).unwrap_or_default(),
                    });
                }
                _ => out.extend(message(to.chat, v)),
            },
        }
    }
    out
}

/// A view as new messages: the text in parts, the buttons under the last one.
pub fn message(chat: i64, v: &View) -> Vec<Outgoing> {
    let parts = format::split(&v.text, format::MAX_MESSAGE);
    let n = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Outgoing::Text {
            chat,
            text,
            keyboard: if i + 1 == n {
                keyboard::markup(v)
            } else {
                None
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conversation::Action;

    fn texts(steps: &[Outgoing]) -> Vec<&str> {
        steps
            .iter()
            .filter_map(|s| match s {
                Outgoing::Text { text, .. } | Outgoing::Edit { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_long_message_is_split_with_the_buttons_under_the_last_part() {
        let long = format!("{}\n\n{}", "a".repeat(4000), "b & c ".repeat(100));
        let v = View::message(long.clone()).row([("T".to_string(), Action::Topics)]);
        let s = steps(
            &[v],
            Target {
                chat: 5,
                button: None,
            },
        );
        assert_eq!(s.len(), 2);
        assert_eq!(texts(&s).concat().len() + 2, long.len());
        assert!(matches!(&s[0], Outgoing::Text { keyboard: None, .. }));
        assert!(matches!(
            &s[1],
            Outgoing::Text {
                keyboard: Some(_),
                ..
            }
        ));
        // Not escaped yet: that happens when it is sent (as HTML, or as plain text).
        assert!(texts(&s)[1].contains("b & c"));
    }

    #[test]
    fn a_button_is_answered_first_with_its_notice_and_a_menu_replaces_its_message() {
        let views = [
            View::notice("Danke"),
            View::menu("Themen").row([("T".to_string(), Action::Topics)]),
        ];
        let s = steps(
            &views,
            Target {
                chat: 5,
                button: Some(("q1", Some(77))),
            },
        );
        assert_eq!(
            s[0],
            Outgoing::AnswerCallback {
                id: "q1".into(),
                text: Some("Danke".into())
            }
        );
        assert!(
            matches!(&s[1], Outgoing::Edit { message_id: 77, .. }),
            "{s:?}"
        );
        assert_eq!(s.len(), 2);
        // Typed instead (a number picking the same menu): a new message, no pop-up.
        let typed = steps(
            &views,
            Target {
                chat: 5,
                button: None,
            },
        );
        assert_eq!(texts(&typed), ["Themen"]);
    }

    #[test]
    fn a_notice_alone_is_said_as_a_message_when_there_is_no_pop_up() {
        let s = steps(
            &[View::notice("Danke")],
            Target {
                chat: 5,
                button: None,
            },
        );
        assert_eq!(texts(&s), ["Danke"]);
        let pressed = steps(
            &[View::notice("Danke")],
            Target {
                chat: 5,
                button: Some(("q", None)),
            },
        );
        assert_eq!(pressed.len(), 1, "only the pop-up: {pressed:?}");
    }
}
