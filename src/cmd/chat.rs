//! `chat [--lang L]`, and running without a command and without a token: the terminal chat.

use std::io::IsTerminal;
use std::process::ExitCode;

use widunetz_bot::{Error, cli};

use super::args::{ChatArgs, ContentArgs, GlobalArgs, WatchArgs};

pub fn run(g: &GlobalArgs, a: &ChatArgs, no_watch_before: bool) -> Result<ExitCode, Error> {
    let watch = WatchArgs {
        no_watch: a.watch.no_watch || no_watch_before,
    };
    let (live, _watch) = super::load_live(g, &a.content, &watch)?;
    super::check_lang(&live.current(), a.lang.as_deref())?;
    chat(live, a.lang.as_deref())
}

/// No command and no token: the chat, after telling the operator how to connect Telegram
/// (on stderr, so piped answers stay clean).
pub fn run_default(g: &GlobalArgs, no_watch: bool) -> Result<ExitCode, Error> {
    let (live, _watch) = super::load_live(g, &ContentArgs::default(), &WatchArgs { no_watch })?;
    eprintln!("{}\n", live.current().l10n.msg("de", "chat-no-token"));
    chat(live, None)
}

fn chat(
    live: std::sync::Arc<widunetz_bot::live::Live>,
    lang: Option<&str>,
) -> Result<ExitCode, Error> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    cli::run_chat(
        live,
        lang,
        stdin.lock(),
        std::io::stdout().lock(),
        interactive,
    )?;
    Ok(ExitCode::SUCCESS)
}
