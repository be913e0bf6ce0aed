//! The `widunetz-bot` binary: parses arguments and calls into the library.
//! Errors are printed once, to stderr; exit codes: 0 ok, 1 problems found, 2 could not run.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use std::sync::Arc;

use widunetz_bot::live::{Live, WatchGuard};
use widunetz_bot::store::Store;
use widunetz_bot::{Engine, Error, Severity, cli, eval, redact};

#[derive(Parser)]
#[command(
    name = "widunetz-bot",
    version,
    about = "Multilingual FAQ bot for widunetz (Kreis Herford)"
)]
struct Args {
    /// Folder with the FAQ entries (*.toml).
    #[arg(long, global = true, default_value = "faq")]
    faq: PathBuf,
    /// Folder with one sub-folder of Fluent files (*.ftl) per language.
    #[arg(long, global = true, default_value = "locales")]
    locales: PathBuf,
    /// Folder where the bot keeps its state.
    #[arg(long, global = true, default_value = "data")]
    data: PathBuf,
    /// Do not watch faq/ and locales/ for changes (reload with SIGHUP or /reload instead).
    #[arg(long, global = true)]
    no_watch: bool,
    #[command(flatten)]
    serve: ServeOpts,
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Local conversation in the terminal (also reads questions piped in, one per line).
    Chat {
        /// Answer in this language (de, tr, ru, ar, …) instead of the question's language.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Answers one question as the bot would.
    Ask {
        #[arg(long)]
        lang: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// The question (several words are joined with spaces).
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Runs a labelled question file and prints accuracy and timing.
    Eval {
        #[arg(long)]
        json: bool,
        file: PathBuf,
    },
    /// Runs the Telegram bot (token from TELOXIDE_TOKEN or TELOXIDE_TOKEN_FILE).
    Serve {
        /// Webhook mode: the public HTTPS URL Telegram posts updates to.
        #[arg(long, requires = "listen")]
        webhook_url: Option<String>,
        /// Webhook mode: the address to listen on, e.g. 127.0.0.1:8080 (behind a proxy).
        #[arg(long, requires = "webhook_url")]
        listen: Option<std::net::SocketAddr>,
        #[command(flatten)]
        opts: ServeOpts,
    },
    /// Validates the FAQ and locale folders.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Translation status: what is missing, stale or obsolete per language.
    L10n {
        #[command(subcommand)]
        cmd: L10nCmd,
    },
    /// Questions the bot could not answer confidently, grouped, most frequent first.
    Unanswered {
        /// Only questions in this language.
        #[arg(long)]
        lang: Option<String>,
        /// Only questions asked within the last DAYS days.
        #[arg(long, value_name = "DAYS")]
        since: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// 👍/👎 counts per entry and language.
    Feedback {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum L10nCmd {
    /// The table of translated / current / stale / missing / obsolete messages.
    Status {
        /// One language, with the details of each message.
        lang: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Records that translations are up to date with the German text they translate.
    MarkCurrent {
        lang: String,
        /// Message ids; all translated messages of LANG when none are given.
        ids: Vec<String>,
    },
}

/// Telegram options (also read from the environment, so a service file can set them).
#[derive(clap::Args, Clone)]
struct ServeOpts {
    /// Chat ids (your private chat id = your user id) that may use /reload, /stats,
    /// /unanswered. Comma-separated in WIDUNETZ_ADMINS.
    #[arg(
        long = "admin",
        value_name = "CHAT_ID",
        env = "WIDUNETZ_ADMINS",
        value_delimiter = ','
    )]
    admins: Vec<i64>,
    /// Do not record questions that found no confident answer.
    #[arg(long, env = "WIDUNETZ_NO_RECORD_UNANSWERED")]
    no_record_unanswered: bool,
    /// Days an unanswered question is kept after it was last asked.
    #[arg(long, value_name = "DAYS", env = "WIDUNETZ_KEEP_UNANSWERED_DAYS", default_value_t = widunetz_bot::store::KEEP_UNANSWERED_DAYS)]
    keep_unanswered_days: u32,
}

fn main() -> ExitCode {
    // Secrets are registered before logging starts, so no line can carry them.
    if let Some(token) = widunetz_bot::telegram::token_from_env() {
        redact::register(&token);
    }
    if let Ok(secret) = std::env::var("WEBHOOK_SECRET") {
        redact::register(&secret);
    }
    redact::init_logging();
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", redact::scrub(&format!("widunetz-bot: {e}")));
            ExitCode::from(2)
        }
    }
}

fn load(args: &Args) -> Result<Engine, Error> {
    let (engine, problems) = Engine::load(&args.faq, &args.locales)?;
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        // Run on what could be loaded, but say what is broken (and where) once.
        for p in &errors {
            eprintln!("widunetz-bot: {p}");
        }
        eprintln!("widunetz-bot: run `widunetz-bot check` for details");
    }
    if engine.faq.entries.is_empty() || !engine.l10n.has_lang(widunetz_bot::l10n::DEFAULT_LANG) {
        return Err(Error::Content(problems));
    }
    Ok(engine)
}

/// Live content for `serve` and `chat`: reloaded when files change or on SIGHUP.
fn load_live(args: &Args) -> Result<(Arc<Live>, Option<WatchGuard>), Error> {
    let engine = load(args)?;
    let live = Arc::new(Live::from_dirs(engine, &args.faq, &args.locales));
    // Without a watcher the bot still runs; edits then need SIGHUP or /reload.
    let guard = if args.no_watch {
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

fn check_lang(engine: &Engine, lang: Option<&str>) -> Result<(), Error> {
    match lang {
        Some(l) if engine.l10n.negotiate(l).is_none() => Err(Error::Usage(format!(
            "--lang: unknown language {l:?}; available: {}",
            engine.l10n.codes().join(", ")
        ))),
        _ => Ok(()),
    }
}

fn run(args: Args) -> Result<ExitCode, Error> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    match &args.cmd {
        None => {
            // With a token the bot serves Telegram; without, it opens the local chat.
            if widunetz_bot::telegram::token_from_env().is_some() {
                return serve(&args, None, None, &args.serve);
            }
            let (live, _watch) = load_live(&args)?;
            // Tell the operator how to connect Telegram; on stderr so piped answers stay clean.
            eprintln!("{}\n", live.current().l10n.msg("de", "chat-no-token"));
            cli::run_chat(
                &live,
                None,
                stdin.lock(),
                std::io::stdout().lock(),
                interactive,
            )
            .map_err(io_err)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Chat { lang }) => {
            let (live, _watch) = load_live(&args)?;
            check_lang(&live.current(), lang.as_deref())?;
            cli::run_chat(
                &live,
                lang.as_deref(),
                stdin.lock(),
                std::io::stdout().lock(),
                interactive,
            )
            .map_err(io_err)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Ask {
            lang,
            json,
            question,
        }) => {
            let engine = load(&args)?;
            check_lang(&engine, lang.as_deref())?;
            let q = question.join(" ");
            let r = engine.answer(&q, lang.as_deref());
            if *json {
                println!("{}", serde_json::to_string(&r).map_err(json_err)?);
            } else {
                println!("{}", r.answer);
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Eval { json, file }) => {
            let engine = load(&args)?;
            let cases = eval::load_cases(file)?;
            let report = eval::run(&engine, &cases);
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).map_err(json_err)?
                );
            } else {
                print!("{}", report.render());
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Serve {
            webhook_url,
            listen,
            opts,
        }) => serve(&args, webhook_url.as_deref(), *listen, opts),
        Some(Cmd::L10n { cmd }) => l10n(&args, cmd),
        Some(Cmd::Unanswered { lang, since, json }) => {
            let engine = load(&args)?;
            let store = open_store_existing(&args)?;
            let lang = match lang {
                Some(l) => Some(engine.l10n.negotiate(l).unwrap_or_else(|| l.clone())),
                None => None,
            };
            let rows = match &store {
                Some(s) => s.unanswered(lang.as_deref(), *since)?,
                None => Vec::new(),
            };
            let groups = widunetz_bot::unanswered::group(&rows, &engine);
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&groups).map_err(json_err)?
                );
            } else {
                print!("{}", widunetz_bot::unanswered::render(&groups));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Feedback { json }) => {
            let rows = match open_store_existing(&args)? {
                Some(s) => s.feedback()?,
                None => Vec::new(),
            };
            if *json {
                let list: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|(entry, lang, up, down)| {
                        serde_json::json!({"entry": entry, "lang": lang, "up": up, "down": down})
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&list).map_err(json_err)?);
            } else if rows.is_empty() {
                println!("No feedback recorded yet.");
            } else {
                println!("{:<16} {:<5} {:>5} {:>5}", "entry", "lang", "👍", "👎");
                for (entry, lang, up, down) in &rows {
                    println!("{entry:<16} {lang:<5} {up:>5} {down:>5}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Check { json }) => {
            let report = widunetz_bot::check::run(&args.faq, &args.locales)?;
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).map_err(json_err)?
                );
            } else {
                print!("{}", report.render());
            }
            Ok(if report.errors() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// The store for read-only commands: `None` when the bot has never run here, instead of
/// creating an empty database in the wrong folder.
fn open_store_existing(args: &Args) -> Result<Option<Store>, Error> {
    if !args.data.join(widunetz_bot::store::FILE).exists() {
        eprintln!(
            "widunetz-bot: no database in {} yet (the bot has not run with --data {})",
            args.data.display(),
            args.data.display()
        );
        return Ok(None);
    }
    Store::open(&args.data).map(Some)
}

fn l10n(args: &Args, cmd: &L10nCmd) -> Result<ExitCode, Error> {
    let (l10n, problems) = widunetz_bot::l10n::L10n::load(&args.locales)?;
    for p in problems.iter().filter(|p| p.severity == Severity::Error) {
        eprintln!("widunetz-bot: {p}");
    }
    match cmd {
        L10nCmd::Status { lang, json } => {
            let lang = match lang {
                Some(l) => Some(l10n.negotiate(l).ok_or_else(|| {
                    Error::Usage(format!(
                        "unknown language {l:?}; available: {}",
                        l10n.codes().join(", ")
                    ))
                })?),
                None => None,
            };
            let (status, problems) =
                widunetz_bot::sources::status(&l10n, &args.locales, lang.as_deref());
            for p in &problems {
                eprintln!("widunetz-bot: {p}");
            }
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&status).map_err(json_err)?
                );
            } else {
                print!("{}", widunetz_bot::sources::render(&status, lang.is_some()));
            }
            Ok(ExitCode::SUCCESS)
        }
        L10nCmd::MarkCurrent { lang, ids } => {
            let marked = widunetz_bot::sources::mark_current(&l10n, &args.locales, lang, ids)?;
            println!(
                "{lang}: {} message(s) marked current in {}",
                marked.len(),
                widunetz_bot::sources::path(&args.locales, lang).display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn serve(
    args: &Args,
    webhook_url: Option<&str>,
    listen: Option<std::net::SocketAddr>,
    opts: &ServeOpts,
) -> Result<ExitCode, Error> {
    let webhook = match (webhook_url, listen) {
        (Some(u), Some(listen)) => Some(widunetz_bot::telegram::Webhook {
            listen,
            url: u
                .parse()
                .map_err(|_| Error::Usage(format!("--webhook-url: not a URL: {u:?}")))?,
            // A fixed secret survives restarts; without one teloxide generates a random one.
            secret: std::env::var("WEBHOOK_SECRET")
                .ok()
                .filter(|s| !s.is_empty()),
        }),
        _ => None,
    };
    let Some(token) = widunetz_bot::telegram::token_from_env() else {
        return Err(Error::Usage(
            "serve: set TELOXIDE_TOKEN (the token from @BotFather) or TELOXIDE_TOKEN_FILE".into(),
        ));
    };
    // One bot per data folder: a second one would fetch and answer the same questions.
    let _lock = widunetz_bot::store::lock_data_dir(&args.data)?;
    let (live, _watch) = load_live(args)?;
    // A damaged database is moved aside (and reported) rather than keeping the bot down.
    let (store, _moved) = Store::open_or_recover(&args.data)?;
    // Expired questions go even if nobody asks anything today (or recording is now off).
    let today = store.today()?;
    store.purge_unanswered(&today, opts.keep_unanswered_days)?;
    let rt = tokio::runtime::Runtime::new().map_err(io_err)?;
    rt.block_on(async {
        let api = std::env::var("TELOXIDE_API_URL").ok();
        let bot = widunetz_bot::telegram::make_bot(token, api.as_deref())?;
        let state = Arc::new(widunetz_bot::telegram::State {
            live,
            store,
            config: widunetz_bot::telegram::Config {
                admins: opts.admins.clone(),
                record_unanswered: !opts.no_record_unanswered,
                keep_unanswered_days: opts.keep_unanswered_days,
            },
        });
        tracing::info!("Telegram bot started");
        widunetz_bot::telegram::run_with(bot, state, webhook, widunetz_bot::telegram::signals())
            .await
    })?;
    Ok(ExitCode::SUCCESS)
}

fn io_err(e: std::io::Error) -> Error {
    Error::Io {
        path: PathBuf::from("<stdio>"),
        source: e,
    }
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Storage(format!("JSON: {e}"))
}
