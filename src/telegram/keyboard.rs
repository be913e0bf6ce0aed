//! A view's buttons as Telegram's inline keyboard. A button's callback data is its action in
//! the one wire format ([`Action::encode`]); Telegram sends it back when the button is
//! pressed, and [`Action::decode`] reads it.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::conversation::{Action, View};

/// The inline keyboard of `view`, row by row; `None` when it has no buttons. A button whose
/// action does not fit into callback data is left out (`View::row` already leaves such
/// buttons out, and `check` refuses the ids that would cause them).
pub fn markup(view: &View) -> Option<InlineKeyboardMarkup> {
    let rows: Vec<Vec<InlineKeyboardButton>> = view
        .buttons
        .iter()
        .map(|row| {
            row.iter()
                .filter_map(|b| {
                    let data = b.action.encode().ok()?;
                    Some(InlineKeyboardButton::callback(b.label.clone(), data))
                })
                .collect::<Vec<_>>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

/// The action of a pressed button, from its callback data.
pub fn action(data: &str) -> Option<Action> {
    Action::decode(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{EntryId, LangCode};
    use teloxide::types::InlineKeyboardButtonKind;

    #[test]
    fn buttons_become_callback_buttons_row_by_row() {
        let id = EntryId::new("founding").expect("id");
        let v = View::message("x")
            .row([("A".to_string(), Action::Answer(id.clone()))])
            .row([
                ("👍".to_string(), feedback(true, &id)),
                ("👎".to_string(), feedback(false, &id)),
            ]);
        let kb = markup(&v).expect("keyboard");
        let data: Vec<Vec<String>> = kb
            .inline_keyboard
            .iter()
            .map(|row| {
                row.iter()
                    .map(|b| match &b.kind {
                        InlineKeyboardButtonKind::CallbackData(d) => d.clone(),
                        other => panic!("not a callback button: {other:?}"),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            data,
            vec![
                vec!["a:founding".to_string()],
                vec!["f:+:founding:tr".to_string(), "f:-:founding:tr".to_string()]
            ]
        );
        for d in data.iter().flatten() {
            assert!(action(d).is_some(), "{d}");
        }
        assert_eq!(markup(&View::message("no buttons")), None);
    }

    fn feedback(up: bool, entry: &EntryId) -> Action {
        Action::Feedback {
            up,
            entry: entry.clone(),
            lang: LangCode::new("tr").expect("tr"),
        }
    }
}
