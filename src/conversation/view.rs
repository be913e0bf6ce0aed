//! What the conversation shows: plain text plus buttons. Front ends render it in their own
//! way (Telegram: a message with an inline keyboard; the terminal: a numbered list), so the
//! text never lists the buttons' items itself.

use super::action::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Plain text (front ends escape it for their markup).
    pub text: String,
    /// Rows of buttons, top to bottom.
    pub buttons: Vec<Vec<Button>>,
    pub kind: ViewKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// A new message.
    Message,
    /// A menu reached by a button: replaces the message the button was on where the front
    /// end can (Telegram edits it), else a new message.
    Menu,
    /// A short confirmation of a button press (Telegram: the pop-up over the button). Front
    /// ends without pop-ups show it only when nothing else is said.
    Notice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    pub action: Action,
}

impl View {
    pub fn message(text: impl Into<String>) -> View {
        View {
            text: text.into(),
            buttons: Vec::new(),
            kind: ViewKind::Message,
        }
    }

    pub fn notice(text: impl Into<String>) -> View {
        View {
            kind: ViewKind::Notice,
            ..View::message(text)
        }
    }

    pub fn menu(text: impl Into<String>) -> View {
        View {
            kind: ViewKind::Menu,
            ..View::message(text)
        }
    }

    /// Adds a row of buttons. A button whose action does not fit into Telegram's callback
    /// data is left out (and logged) instead of making the whole message fail to send;
    /// `check` refuses the ids that would cause it.
    pub fn row(mut self, buttons: impl IntoIterator<Item = (String, Action)>) -> View {
        let row: Vec<Button> = buttons
            .into_iter()
            .filter_map(|(label, action)| match action.encode() {
                Ok(_) => Some(Button { label, action }),
                Err(e) => {
                    tracing::warn!("button left out: {e}");
                    None
                }
            })
            .collect();
        if !row.is_empty() {
            self.buttons.push(row);
        }
        self
    }

    /// Rows of at most `width` buttons (language names: seven in one row do not fit on a
    /// phone).
    pub fn rows_of(self, width: usize, buttons: Vec<(String, Action)>) -> View {
        buttons
            .chunks(width.max(1))
            .fold(self, |v, chunk| v.row(chunk.to_vec()))
    }

    /// One row per button.
    pub fn rows(self, buttons: impl IntoIterator<Item = (String, Action)>) -> View {
        buttons.into_iter().fold(self, |v, b| v.row([b]))
    }

    /// The buttons' actions in reading order: what the numbers 1, 2, 3 … pick.
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.buttons.iter().flatten().map(|b| &b.action)
    }

    pub fn has_buttons(&self) -> bool {
        !self.buttons.is_empty()
    }
}
