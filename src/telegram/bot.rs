//! Setting the bot up: its token, its Bot API client, and its command menu (from the
//! conversation's [`Command::USER`], described in each language).

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::Settings;
use super::api::{Api, Failure};
use super::error::TelegramError;
use crate::Engine;
use crate::conversation::Command;

/// The bot: its Bot API client and settings.
#[derive(Clone)]
pub struct TgBot {
    pub(super) api: Arc<Api>,
    pub(super) settings: Settings,
}

/// Reads the token from `TELOXIDE_TOKEN`, or from the file named by `TELOXIDE_TOKEN_FILE`.
pub fn token_from_env() -> Option<String> {
    if let Ok(t) = std::env::var("TELOXIDE_TOKEN") {
        let t = t.trim().to_string();
        if !t.is_empty() {
            return Some(t);
        }
    }
    let path = std::env::var_os("TELOXIDE_TOKEN_FILE")?;
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The bot for `token`, talking to `TELOXIDE_API_URL` when set, with Telegram's limits.
pub fn make_bot(token: String, api_url: Option<&str>) -> Result<TgBot, TelegramError> {
    make_bot_with(token, api_url, Settings::default())
}

/// [`make_bot`] with other settings (tests against a local fake server).
pub fn make_bot_with(
    token: String,
    api_url: Option<&str>,
    settings: Settings,
) -> Result<TgBot, TelegramError> {
    Ok(TgBot {
        api: Arc::new(Api::new(token, api_url)?),
        settings,
    })
}

/// The command menu in `lang`: every user command with its description.
pub(super) fn menu(engine: &Engine, lang: &str) -> serde_json::Value {
    Command::USER
        .iter()
        .filter_map(|c| {
            let description = engine.command_description(c, lang)?;
            Some(json!({"command": c.name(), "description": description}))
        })
        .collect()
}

/// Sets the command menu once per language (German also as the default list).
pub(super) async fn set_commands(api: &Api, engine: &Engine) -> Result<(), Failure> {
    let t = Duration::from_secs(15);
    api.call("setMyCommands", &json!({"commands": menu(engine, "de")}), t)
        .await?;
    for lang in engine.languages() {
        let lang = lang.as_str();
        let p = json!({"commands": menu(engine, lang), "language_code": lang});
        api.call("setMyCommands", &p, t).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_menu_lists_every_user_command_described_in_the_language() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let engine =
            Engine::load_strict(&root.join("faq"), &root.join("locales")).expect("shipped content");
        let tr = menu(&engine, "tr");
        let names: Vec<&str> = tr
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|c| c["command"].as_str())
            .collect();
        let user: Vec<&str> = Command::USER.iter().map(Command::name).collect();
        assert_eq!(names, user);
        assert_eq!(tr[0]["description"], engine.l10n().msg("tr", "cmd-start"));
        assert!(!names.contains(&"reload"), "admin commands are not listed");
    }
}
