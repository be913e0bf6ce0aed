//! Commands typed by a person (`/start`, `/language tr`, …), parsed once into [`Command`].
//! The names are the same in every language; their descriptions are the Fluent messages
//! `cmd-<name>` (Telegram's command menu, `check`).

/// A command the bot was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Greeting and topics.
    Start,
    Help,
    Topics,
    Contact,
    /// `/language` alone shows the choice; `/language tr` chooses.
    Language(Option<String>),
    Privacy,
    /// Deletes what is stored about the chat.
    Forget,
    /// Only for the chats configured as admins; for everyone else they do not exist.
    Admin(AdminCommand),
    /// A name the bot does not know (also an admin command from a chat that is not an admin).
    Unknown(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminCommand {
    /// Load `faq/` and `locales/` again.
    Reload,
    /// Counts: entries, languages, reloads, stored settings, feedback.
    Stats,
    /// The most asked questions without a confident answer, one at a time, with buttons
    /// that teach the bot.
    Unanswered,
    /// The same for questions whose answer got 👎.
    Feedback,
}

impl AdminCommand {
    pub const ALL: [AdminCommand; 4] = [
        AdminCommand::Reload,
        AdminCommand::Stats,
        AdminCommand::Unanswered,
        AdminCommand::Feedback,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AdminCommand::Reload => "reload",
            AdminCommand::Stats => "stats",
            AdminCommand::Unanswered => "unanswered",
            AdminCommand::Feedback => "feedback",
        }
    }
}

impl Command {
    /// The commands every user has, in menu order (Telegram's command menu, `check`'s list
    /// of `cmd-…` descriptions).
    pub const USER: &'static [Command] = &[
        Command::Start,
        Command::Help,
        Command::Topics,
        Command::Contact,
        Command::Language(None),
        Command::Privacy,
        Command::Forget,
    ];

    /// Parses a message that starts with `/`. `bot_username` (without `@`) is the bot's
    /// own name where several bots may read along (groups): `/start@other_bot` is then not
    /// for this bot and gives `None`. Also `None` for text that is not a command.
    pub fn parse(text: &str, bot_username: Option<&str>) -> Option<Command> {
        let rest = text.trim_start().strip_prefix('/')?;
        let mut words = rest.split_whitespace();
        let first = words.next().unwrap_or("");
        let name = match first.split_once('@') {
            Some((name, to)) => {
                if bot_username.is_some_and(|me| !to.eq_ignore_ascii_case(me)) {
                    return None;
                }
                name
            }
            None => first,
        };
        let name = name.to_lowercase();
        let arg = words.next();
        Some(match name.as_str() {
            "start" => Command::Start,
            "help" => Command::Help,
            "topics" => Command::Topics,
            "contact" => Command::Contact,
            "language" => Command::Language(arg.map(str::to_string)),
            "privacy" => Command::Privacy,
            "forget" => Command::Forget,
            _ => match AdminCommand::ALL.into_iter().find(|a| a.name() == name) {
                Some(a) => Command::Admin(a),
                None => Command::Unknown(name),
            },
        })
    }

    /// The command's name, as typed after `/`.
    pub fn name(&self) -> &str {
        match self {
            Command::Start => "start",
            Command::Help => "help",
            Command::Topics => "topics",
            Command::Contact => "contact",
            Command::Language(_) => "language",
            Command::Privacy => "privacy",
            Command::Forget => "forget",
            Command::Admin(a) => a.name(),
            Command::Unknown(name) => name,
        }
    }

    /// The Fluent message that describes a user command in menus (`cmd-start`, …).
    pub fn description_id(&self) -> Option<&'static str> {
        Some(match self {
            Command::Start => "cmd-start",
            Command::Help => "cmd-help",
            Command::Topics => "cmd-topics",
            Command::Contact => "cmd-contact",
            Command::Language(_) => "cmd-language",
            Command::Privacy => "cmd-privacy",
            Command::Forget => "cmd-forget",
            Command::Admin(_) | Command::Unknown(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_user_command_and_its_argument() {
        for c in Command::USER {
            let typed = format!("/{}", c.name());
            assert_eq!(Command::parse(&typed, None).as_ref(), Some(c), "{typed}");
            assert_eq!(
                c.description_id(),
                Some(format!("cmd-{}", c.name()).as_str())
            );
        }
        assert_eq!(
            Command::parse("/language tr", None),
            Some(Command::Language(Some("tr".into())))
        );
        assert_eq!(
            Command::parse("  /LANGUAGE   ar  extra", None),
            Some(Command::Language(Some("ar".into())))
        );
        assert_eq!(
            Command::parse("/stats", None),
            Some(Command::Admin(AdminCommand::Stats))
        );
        assert_eq!(
            Command::parse("/frobnicate", None),
            Some(Command::Unknown("frobnicate".into()))
        );
        assert_eq!(
            Command::parse("/", None),
            Some(Command::Unknown(String::new()))
        );
    }

    #[test]
    fn text_that_is_not_a_command() {
        for t in ["start", "hallo /start", "", "   ", "１/start"] {
            assert_eq!(Command::parse(t, None), None, "{t:?}");
        }
    }

    #[test]
    fn groups_address_commands_by_bot_name() {
        let me = Some("widunetz_bot");
        assert_eq!(
            Command::parse("/start@widunetz_bot", me),
            Some(Command::Start)
        );
        assert_eq!(
            Command::parse("/start@WIDUNETZ_BOT", me),
            Some(Command::Start)
        );
        assert_eq!(Command::parse("/start@other_bot", me), None);
        assert_eq!(Command::parse("/start", me), Some(Command::Start));
        assert_eq!(
            Command::parse("/topics@widunetz_bot x", me),
            Some(Command::Topics)
        );
        // Without a name to compare (a private chat, the terminal) any suffix is ignored.
        assert_eq!(Command::parse("/help@other_bot", None), Some(Command::Help));
    }

    #[test]
    fn admin_names_are_not_user_commands() {
        for a in AdminCommand::ALL {
            assert!(Command::USER.iter().all(|c| c.name() != a.name()));
            assert_eq!(Command::Admin(a).description_id(), None);
        }
    }
}
