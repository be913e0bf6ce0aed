//! The `widunetz-bot` binary: parses arguments and calls into the library.
//! Errors are printed once, to stderr; exit codes: 0 ok, 1 problems found, 2 could not run.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
    },
    /// Validates the FAQ and locale folders.
    Check {
        #[arg(long)]
        json: bool,
    },
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
            let engine = load(&args)?;
            if std::env::var_os("TELOXIDE_TOKEN").is_some()
                || std::env::var_os("TELOXIDE_TOKEN_FILE").is_some()
            {
                eprintln!(
                    "widunetz-bot: Telegram mode is not part of this build yet; starting the local chat"
                );
            }
            // Tell the operator how to connect Telegram; on stderr so piped answers stay clean.
            eprintln!("{}\n", engine.l10n.msg("de", "chat-no-token"));
            cli::run_chat(
                &engine,
                None,
                stdin.lock(),
                std::io::stdout().lock(),
                interactive,
            )
            .map_err(io_err)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Chat { lang }) => {
            let engine = load(&args)?;
            check_lang(&engine, lang.as_deref())?;
            cli::run_chat(
                &engine,
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
        }) => serve(&args, webhook_url.as_deref(), *listen),
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

fn serve(
    args: &Args,
    webhook_url: Option<&str>,
    listen: Option<std::net::SocketAddr>,
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
    let engine = load(args)?;
    let store = widunetz_bot::store::Store::open(&args.data)?;
    let rt = tokio::runtime::Runtime::new().map_err(io_err)?;
    rt.block_on(async {
        let api = std::env::var("TELOXIDE_API_URL").ok();
        let bot = widunetz_bot::telegram::make_bot(token, api.as_deref())?;
        let state = std::sync::Arc::new(widunetz_bot::telegram::State {
            engine: std::sync::Arc::new(engine),
            store,
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
