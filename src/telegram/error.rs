//! What stops the Telegram bot, by kind. The binary prints it and exits with code 2, so a
//! supervisor sees that the bot is not running.

use super::api::Failure;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TelegramError {
    /// 401 at start: the token is wrong.
    #[error("Telegram rejected the token (401 Unauthorized); check TELOXIDE_TOKEN")]
    TokenRejected,
    /// 401 while running: the token was revoked.
    #[error(
        "Telegram rejected the token (401 Unauthorized) while running; it was probably \
         revoked in @BotFather: set the new one and restart"
    )]
    TokenRevoked,
    /// 409 again and again: another program takes this bot's updates.
    #[error(
        "{count} conflicts (409) within {secs} s: another program is getting this bot's \
         updates with the same token; stopping so that not both answer"
    )]
    Conflict { count: usize, secs: u64 },
    /// getMe answered without the bot's user name.
    #[error("Telegram's getMe answer has no bot user name")]
    NoBotName,
    /// Telegram refused the webhook.
    #[error("setWebhook failed: {0}")]
    SetWebhook(Failure),
    /// `TELOXIDE_API_URL` is not a usable URL.
    #[error("TELOXIDE_API_URL is not a URL: {0:?}")]
    BadApiUrl(String),
    /// The HTTP client could not be set up (its message holds no URL).
    #[error("HTTP client: {0}")]
    HttpClient(String),
    /// Polling or the webhook server ended by itself.
    #[error("receiving updates stopped unexpectedly")]
    IntakeStopped,
}

impl From<TelegramError> for crate::Error {
    fn from(e: TelegramError) -> crate::Error {
        crate::Error::Telegram(Box::new(e))
    }
}
