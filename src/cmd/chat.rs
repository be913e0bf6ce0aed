//! `chat [--lang L]`, and running without a command and without a token: the terminal chat.

use std::io::IsTerminal;
use std::process::ExitCode;

use widunetz_bot::l10n::DEFAULT_LANG;
use widunetz_bot::ui::Ui;
use widunetz_bot::{Error, terminal};

use super::args::{ChatArgs, ContentArgs, GlobalArgs, RecordArgs, ServeArgs, WatchArgs};

pub fn run(g: &GlobalArgs, a: &ChatArgs, no_watch_before: bool) -> Result<ExitCode, Error> {
    let watch = WatchArgs {
        no_watch: a.watch.no_watch || no_watch_before,
    };
    let (live, _watch) = super::load_live(g, &a.content, &watch)?;
    super::check_lang(&live.current(), a.lang.as_deref())?;
    chat(live, a.lang.as_deref(), a.record)
}

/// No command and no token: the chat, after telling the operator how to connect Telegram
/// (on stderr, so piped answers stay clean).
pub fn run_default(g: &GlobalArgs, no_watch: bool) -> Result<ExitCode, Error> {
    let (live, _watch) = super::load_live(g, &ContentArgs::default(), &WatchArgs { no_watch })?;
    let said_in = locale()
        .and_then(|c| live.current().negotiate(c.as_str()))
        .map_or_else(|| DEFAULT_LANG.to_string(), |c| c.to_string());
    eprintln!("{}\n", live.current().ui(&said_in, Ui::ChatNoToken));
    // The recording settings a `serve` would run with (from the environment), for `/privacy`.
    let record = ServeArgs::from_env()
        .map_err(|e| Error::Usage(e.to_string()))?
        .record;
    chat(live, None, record)
}

fn chat(
    live: std::sync::Arc<widunetz_bot::live::Live>,
    lang: Option<&str>,
    record: RecordArgs,
) -> Result<ExitCode, Error> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    terminal::run_chat(
        live,
        lang,
        locale(),
        terminal::Recording {
            record_unanswered: !record.no_record_unanswered,
            keep_unanswered_days: record.keep_unanswered_days,
        },
        stdin.lock(),
        std::io::stdout().lock(),
        interactive,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The terminal's locale language (`LC_ALL`, `LC_MESSAGES`, `LANG`): what Telegram's
/// `language_code` is in the bot. A value that is not Unicode names no language but still
/// counts as set (as the C locale), so it is not passed over for the next variable.
fn locale() -> Option<widunetz_bot::ids::LangCode> {
    terminal::locale_lang(|k| {
        std::env::var_os(k).map(|v| v.into_string().unwrap_or_else(|_| "C".to_string()))
    })
}
