//! The `widunetz-bot` binary, laid out like ripgrep's: `main` reads the secrets and the
//! arguments, [`cmd::run`] does the work and returns the exit code, and an error is printed
//! once, here, to stderr. Exit codes: 0 ok, 1 problems found (`check`), 2 could not run.
//!
//! `cmd/args.rs` holds the argument types (each option only on the commands that use it),
//! `cmd/output.rs` the one way results are printed (text or `--json`), and `cmd/<name>.rs`
//! one module per subcommand.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

use widunetz_bot::redact;

// mimalloc instead of the system allocator: malloc/free were ~12 % of a query's
// instructions (~2,300 allocations per `Engine::rank`); see BENCHMARKS.md (speed7).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Secrets are read once and registered before logging starts, so no line can carry them.
    let env = cmd::Env::read();
    redact::init_logging();
    let args = cmd::args::Args::parse();
    match cmd::run(args, env) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", redact::scrub(&format!("widunetz-bot: {e}")));
            ExitCode::from(2)
        }
    }
}
