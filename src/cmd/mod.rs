//! The subcommands, one module each, and what several of them share: loading the content,
//! checking `--lang`, opening the store.

pub mod args;
mod ask;
mod chat;
mod check;
mod eval;
mod faq;
mod feedback;
mod l10n;
pub mod output;
mod serve;
mod unanswered;

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use widunetz_bot::ids::LangCode;
use widunetz_bot::live::{Live, WatchGuard};
use widunetz_bot::store::Store;
use widunetz_bot::{Engine, Error, Severity, redact};

use args::{Args, Cmd, ContentArgs, ServeArgs, WatchArgs};

/// What the process reads from the environment once, before logging starts.
pub struct Env {
    /// The bot token (`TELOXIDE_TOKEN` or the file in `TELOXIDE_TOKEN_FILE`).
    pub token: Option<String>,
    /// `WEBHOOK_SECRET`, if set and not empty.
    pub webhook_secret: Option<String>,
}

impl Env {
    /// Reads the secrets and registers them with [`redact`], so no output can carry them.
    pub fn read() -> Env {
        let token = widunetz_bot::telegram::token_from_env();
        if let Some(t) = &token {
            redact::register(t);
        }
        let secret = std::env::var("WEBHOOK_SECRET").ok();
        if let Some(s) = &secret {
            redact::register(s);
        }
        Env {
            token,
            webhook_secret: secret.filter(|s| !s.is_empty()),
        }
    }
}

pub fn run(args: Args, env: Env) -> Result<ExitCode, Error> {
    validate(&args)?;
    let g = &args.global;
    match &args.cmd {
        // With a token the bot serves Telegram; without, it opens the local chat.
        None if env.token.is_some() => {
            let mut opts = ServeArgs::from_env().map_err(|e| Error::Usage(e.to_string()))?;
            opts.watch.no_watch |= args.no_watch;
            serve::run(g, &opts, env)
        }
        None => chat::run_default(g, args.no_watch),
        Some(Cmd::Chat(a)) => chat::run(g, a, args.no_watch),
        Some(Cmd::Ask(a)) => ask::run(g, a),
        Some(Cmd::Eval(a)) => eval::run(g, a),
        Some(Cmd::Serve(a)) => {
            let mut opts = a.clone();
            opts.watch.no_watch |= args.no_watch;
            serve::run(g, &opts, env)
        }
        Some(Cmd::Check(a)) => check::run(g, a),
        Some(Cmd::L10n { cmd }) => l10n::run(g, cmd),
        Some(Cmd::Unanswered(a)) => unanswered::run(g, a),
        Some(Cmd::Feedback(a)) => feedback::run(g, a),
        Some(Cmd::Faq { cmd }) => faq::run(g, cmd),
    }
}

/// What clap cannot refuse by itself: `--no-watch` before a command that does not watch.
fn validate(args: &Args) -> Result<(), Error> {
    let watches = matches!(args.cmd, None | Some(Cmd::Serve(_)) | Some(Cmd::Chat(_)));
    if args.no_watch && !watches {
        return Err(Error::Usage(
            "--no-watch applies only to `serve` and `chat` (and to running without a command)"
                .into(),
        ));
    }
    Ok(())
}

/// Loads the content for a command. Runs on what could be loaded when some of it is broken
/// (saying what, once), but not without entries or German texts.
fn load(content: &args::Paths) -> Result<Engine, Error> {
    let (engine, problems) = Engine::load(&content.faq, &content.locales)?;
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        for p in &errors {
            eprintln!("widunetz-bot: {p}");
        }
        eprintln!("widunetz-bot: run `widunetz-bot check` for details");
    }
    if !engine.is_usable() {
        return Err(Error::Content(problems));
    }
    Ok(engine)
}

/// Live content for `serve` and `chat`: reloaded when files change or on SIGHUP.
fn load_live(
    g: &args::GlobalArgs,
    content: &ContentArgs,
    watch: &WatchArgs,
) -> Result<(Arc<Live>, Option<WatchGuard>), Error> {
    let paths = g.content(content);
    let engine = load(&paths)?;
    let live = Arc::new(Live::from_dirs(engine, &paths.faq, &paths.locales));
    // Without a watcher the bot still runs; edits then need SIGHUP or /reload.
    let guard = if watch.no_watch {
        None
    } else {
        match live.watch() {
            Ok(g) => Some(g),
            Err(e) => {
                tracing::warn!("not watching the content folders ({e}); use SIGHUP to reload");
                None
            }
        }
    };
    if let Err(e) = live.reload_on_sighup() {
        tracing::warn!("no reload on SIGHUP: {e}");
    }
    Ok((live, guard))
}

/// `--lang` must name a language the bot has.
/// `--lang` as a typed code, refused with the available languages when the bot cannot
/// answer in it.
fn check_lang(engine: &Engine, lang: Option<&str>) -> Result<Option<LangCode>, Error> {
    let Some(l) = lang else {
        return Ok(None);
    };
    match LangCode::from_tag(l).filter(|c| engine.negotiate(c).is_some()) {
        Some(code) => Ok(Some(code)),
        None => Err(Error::Usage(format!(
            "--lang: unknown language {l:?}; available: {}",
            engine
                .languages()
                .iter()
                .map(LangCode::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// The store for read-only commands: `None` when the bot has never run here, instead of
/// creating an empty database in the wrong folder.
fn open_store_existing(data: &Path) -> Result<Option<Store>, Error> {
    if !data.join(widunetz_bot::store::FILE).exists() {
        eprintln!(
            "widunetz-bot: no database in {} yet (the bot has not run with --data {})",
            data.display(),
            data.display()
        );
        return Ok(None);
    }
    Store::open(data).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Args {
        Args::try_parse_from(std::iter::once("widunetz-bot").chain(args.iter().copied()))
            .expect("parses")
    }

    #[test]
    fn no_watch_is_refused_before_commands_that_do_not_watch() {
        for ok in [
            &["--no-watch"][..],
            &["--no-watch", "serve"],
            &["--no-watch", "chat"],
        ] {
            assert!(validate(&parse(ok)).is_ok(), "{ok:?}");
        }
        for bad in [
            &["--no-watch", "check"][..],
            &["--no-watch", "ask", "q"],
            &["--no-watch", "feedback"],
            &["--no-watch", "l10n", "status"],
        ] {
            assert!(validate(&parse(bad)).is_err(), "{bad:?}");
        }
    }
}
