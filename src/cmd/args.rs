//! The command line. Each option exists only on the commands that use it; clap refuses it
//! elsewhere. The exception is CONTRACT.md's global `--faq`, `--locales` and `--data`: they
//! are also accepted before any command (where a command does not use one, it has no effect).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "widunetz-bot",
    version,
    about = "Multilingual FAQ bot for widunetz (Kreis Herford)",
    after_help = "Without a command: `serve` when TELOXIDE_TOKEN (or TELOXIDE_TOKEN_FILE) is set \
                  (its options then come from the environment), else the local chat."
)]
pub struct Args {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Do not watch faq/ and locales/ for changes (without a command, or before `serve` or
    /// `chat`; reload with SIGHUP or /reload instead).
    #[arg(long)]
    pub no_watch: bool,
    #[command(subcommand)]
    pub cmd: Option<Cmd>,
}

/// Accepted before any command (CONTRACT.md). A value given after the command wins.
#[derive(clap::Args)]
pub struct GlobalArgs {
    /// Folder with the FAQ entries (*.toml) [default: faq].
    #[arg(long, value_name = "DIR")]
    pub faq: Option<PathBuf>,
    /// Folder with one sub-folder of Fluent files (*.ftl) per language [default: locales].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
    /// Folder where the bot keeps its state [default: data].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// The knowledge base, for commands that load it.
#[derive(clap::Args, Clone, Default)]
pub struct ContentArgs {
    /// Folder with the FAQ entries (*.toml) [default: faq].
    #[arg(long, value_name = "DIR")]
    pub faq: Option<PathBuf>,
    /// Folder with one sub-folder of Fluent files (*.ftl) per language [default: locales].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

/// The texts only (`l10n`).
#[derive(clap::Args, Clone, Default)]
pub struct LocalesArgs {
    /// Folder with one sub-folder of Fluent files (*.ftl) per language [default: locales].
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

/// The bot's state, for commands that read or write it.
#[derive(clap::Args, Clone, Default)]
pub struct DataArgs {
    /// Folder where the bot keeps its state [default: data].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// Live reload, for the commands that keep running.
#[derive(clap::Args, Clone, Default)]
pub struct WatchArgs {
    /// Do not watch faq/ and locales/ for changes (reload with SIGHUP or /reload instead).
    #[arg(long)]
    pub no_watch: bool,
}

#[derive(Subcommand)]
pub enum Cmd {
    /// Local conversation in the terminal (also reads questions piped in, one per line).
    Chat(ChatArgs),
    /// Answers one question as the bot would.
    Ask(AskArgs),
    /// Runs a labelled question file and prints accuracy and timing.
    Eval(EvalArgs),
    /// Runs the Telegram bot (token from TELOXIDE_TOKEN or TELOXIDE_TOKEN_FILE).
    Serve(ServeArgs),
    /// Validates the FAQ and locale folders.
    Check(CheckArgs),
    /// Translation status: what is missing, stale or obsolete per language.
    L10n {
        #[command(subcommand)]
        cmd: L10nCmd,
    },
    /// Questions the bot could not answer confidently, grouped, most frequent first.
    Unanswered(UnansweredArgs),
    /// 👍/👎 counts per entry and language.
    Feedback(FeedbackArgs),
}

/// What is recorded about questions without a confident answer, and for how long: used by
/// `serve`, and by `chat` (which counts in memory, but says the same in `/privacy`).
#[derive(clap::Args, Clone, Copy)]
pub struct RecordArgs {
    /// Do not record questions that found no confident answer.
    #[arg(long, env = "WIDUNETZ_NO_RECORD_UNANSWERED")]
    pub no_record_unanswered: bool,
    /// Days an unanswered question is kept after it was last asked.
    #[arg(long, value_name = "DAYS", env = "WIDUNETZ_KEEP_UNANSWERED_DAYS", default_value_t = widunetz_bot::store::KEEP_UNANSWERED_DAYS)]
    pub keep_unanswered_days: u32,
}

#[derive(clap::Args)]
pub struct ChatArgs {
    /// Answer in this language (de, tr, ru, ar, …) instead of the question's language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(flatten)]
    pub record: RecordArgs,
    #[command(flatten)]
    pub content: ContentArgs,
    #[command(flatten)]
    pub watch: WatchArgs,
}

#[derive(clap::Args)]
pub struct AskArgs {
    /// Answer in this language (de, tr, ru, ar, …) instead of the question's language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Print one JSON object (the shape of CONTRACT.md).
    #[arg(long)]
    pub json: bool,
    /// The question (several words are joined with spaces).
    #[arg(required = true, num_args = 1.., value_name = "QUESTION")]
    pub question: Vec<String>,
    #[command(flatten)]
    pub content: ContentArgs,
}

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Print one JSON object (the fields of CONTRACT.md).
    #[arg(long)]
    pub json: bool,
    /// A labelled question file: [[case]] tables with lang, question, expect.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[command(flatten)]
    pub content: ContentArgs,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Print the problems and the coverage table as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub content: ContentArgs,
}

/// Telegram options (each also from the environment, so a service file can set them).
#[derive(clap::Args, Clone)]
pub struct ServeArgs {
    /// Webhook mode: the public HTTPS URL Telegram posts updates to.
    #[arg(long, requires = "listen", value_name = "URL")]
    pub webhook_url: Option<String>,
    /// Webhook mode: the address to listen on, e.g. 127.0.0.1:8080 (behind a proxy).
    #[arg(long, requires = "webhook_url", value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// Chat ids (your private chat id = your user id) that may use /reload, /stats,
    /// /unanswered. Comma-separated in WIDUNETZ_ADMINS.
    #[arg(
        long = "admin",
        value_name = "CHAT_ID",
        env = "WIDUNETZ_ADMINS",
        value_delimiter = ','
    )]
    pub admins: Vec<i64>,
    #[command(flatten)]
    pub record: RecordArgs,
    #[command(flatten)]
    pub content: ContentArgs,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub watch: WatchArgs,
}

/// Only to read [`ServeArgs`] from the environment when no command was given.
#[derive(Parser)]
struct ServeFromEnv {
    #[command(flatten)]
    serve: ServeArgs,
}

impl ServeArgs {
    /// The options of `serve` from the environment alone (the no-command default).
    pub fn from_env() -> Result<ServeArgs, clap::Error> {
        ServeFromEnv::try_parse_from(["widunetz-bot"]).map(|s| s.serve)
    }
}

#[derive(Subcommand)]
pub enum L10nCmd {
    /// The table of translated / current / stale / missing / obsolete messages.
    Status {
        /// One language, with the details of each message.
        #[arg(value_name = "LANG")]
        lang: Option<String>,
        /// Print the status of every language as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        locales: LocalesArgs,
    },
    /// Records that translations are up to date with the German text they translate.
    MarkCurrent {
        /// The language whose translations are current.
        #[arg(value_name = "LANG")]
        lang: String,
        /// Message ids; all translated messages of LANG when none are given.
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        locales: LocalesArgs,
    },
}

#[derive(clap::Args)]
pub struct UnansweredArgs {
    /// Only questions in this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Only questions asked within the last DAYS days.
    #[arg(long, value_name = "DAYS")]
    pub since: Option<u32>,
    /// Print the groups as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub content: ContentArgs,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(clap::Args)]
pub struct FeedbackArgs {
    /// Print the counts as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

/// Where the content and the state are, after combining the global flags with a command's.
pub struct Paths {
    pub faq: PathBuf,
    pub locales: PathBuf,
}

impl GlobalArgs {
    pub fn content(&self, c: &ContentArgs) -> Paths {
        Paths {
            faq: pick(&c.faq, &self.faq, "faq"),
            locales: pick(&c.locales, &self.locales, "locales"),
        }
    }

    pub fn locales(&self, l: &LocalesArgs) -> PathBuf {
        pick(&l.locales, &self.locales, "locales")
    }

    pub fn data(&self, d: &DataArgs) -> PathBuf {
        pick(&d.data, &self.data, "data")
    }
}

/// The command's own value, else the global one, else the default.
fn pick(own: &Option<PathBuf>, global: &Option<PathBuf>, default: &str) -> PathBuf {
    own.clone()
        .or_else(|| global.clone())
        .unwrap_or_else(|| PathBuf::from(default))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("widunetz-bot").chain(args.iter().copied()))
    }

    #[test]
    fn the_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn serve_options_only_after_serve() {
        let a = parse(&["serve", "--admin", "5", "--admin", "7"]).expect("serve --admin");
        let Some(Cmd::Serve(s)) = a.cmd else {
            panic!("serve")
        };
        assert_eq!(s.admins, vec![5, 7]);
        // Before the command they used to be accepted and dropped (serve) or ignored (check).
        for args in [
            &["--admin", "5", "serve"][..],
            &["--admin", "5", "check"],
            &["--admin", "5"],
            &["check", "--admin", "5"],
            &["--no-record-unanswered", "serve"],
            &["--keep-unanswered-days", "3", "serve"],
            &["ask", "--webhook-url", "https://x.example/h", "q"],
            &["chat", "--admin", "5"],
        ] {
            assert!(parse(args).is_err(), "{args:?} must be refused");
        }
    }

    #[test]
    fn options_are_refused_where_they_mean_nothing() {
        for args in [
            &["check", "--no-watch"][..],
            &["ask", "--no-watch", "q"],
            &["eval", "--data", "d", "f.toml"],
            &["check", "--data", "d"],
            &["feedback", "--faq", "f"],
            &["l10n", "status", "--faq", "f"],
            &["ask", "--json", "--since", "3", "q"],
            &["chat", "--json"],
        ] {
            assert!(parse(args).is_err(), "{args:?} must be refused");
        }
    }

    #[test]
    fn global_flags_before_any_command_as_the_contract_says() {
        for cmd in [
            &["check"][..],
            &["ask", "q"],
            &["eval", "f.toml"],
            &["chat"],
            &["serve"],
            &["feedback"],
            &["unanswered"],
            &["l10n", "status"],
            &[],
        ] {
            let mut args = vec!["--faq", "F", "--locales", "L", "--data", "D"];
            args.extend_from_slice(cmd);
            let a = parse(&args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            assert_eq!(a.global.faq.as_deref(), Some(std::path::Path::new("F")));
        }
        // After the command where the command uses them; the command's value wins.
        let a = parse(&["--faq", "G", "check", "--faq", "F"]).expect("check --faq");
        let Some(Cmd::Check(c)) = &a.cmd else {
            panic!("check")
        };
        let p = a.global.content(&c.content);
        assert_eq!(p.faq, PathBuf::from("F"));
        assert_eq!(p.locales, PathBuf::from("locales"), "the default");
        let a = parse(&["--data", "D", "feedback"]).expect("feedback");
        let Some(Cmd::Feedback(f)) = &a.cmd else {
            panic!("feedback")
        };
        assert_eq!(a.global.data(&f.data), PathBuf::from("D"));
    }

    #[test]
    fn no_watch_before_serve_or_chat_or_without_a_command() {
        for args in [
            &["--no-watch"][..],
            &["--no-watch", "chat"],
            &["chat", "--no-watch"],
        ] {
            assert!(parse(args).is_ok(), "{args:?}");
        }
        // Refused before other commands by `cmd::run` (clap cannot tell); see its test.
        assert!(parse(&["--no-watch", "check"]).is_ok());
    }
}
