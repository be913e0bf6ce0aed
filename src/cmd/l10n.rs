//! `l10n status [LANG] [--json]` and `l10n mark-current LANG [ID…]`: translation status.

use std::path::Path;
use std::process::ExitCode;

use widunetz_bot::l10n::L10n;
use widunetz_bot::sources::{self, LangStatus};
use widunetz_bot::{Error, Severity};

use super::args::{GlobalArgs, L10nCmd};
use super::output::{self, Line, Report};

struct Status {
    langs: Vec<LangStatus>,
    /// One language asked for: the details of each message.
    details: bool,
}

impl Report for Status {
    fn to_json(&self) -> Result<String, Error> {
        output::pretty(&self.langs)
    }

    fn render(&self) -> String {
        sources::render(&self.langs, self.details)
    }
}

fn load(locales: &Path) -> Result<L10n, Error> {
    let (l10n, problems) = L10n::load(locales)?;
    for p in problems.iter().filter(|p| p.severity == Severity::Error) {
        eprintln!("widunetz-bot: {p}");
    }
    Ok(l10n)
}

pub fn run(g: &GlobalArgs, cmd: &L10nCmd) -> Result<ExitCode, Error> {
    match cmd {
        L10nCmd::Status {
            lang,
            json,
            locales,
        } => {
            let dir = g.locales(locales);
            let l10n = load(&dir)?;
            let lang = match lang {
                Some(l) => Some(l10n.negotiate(l).ok_or_else(|| {
                    Error::Usage(format!(
                        "unknown language {l:?}; available: {}",
                        l10n.codes().join(", ")
                    ))
                })?),
                None => None,
            };
            let (langs, problems) = sources::status(&l10n, &dir, lang.as_deref());
            for p in &problems {
                eprintln!("widunetz-bot: {p}");
            }
            let status = Status {
                langs,
                details: lang.is_some(),
            };
            output::emit(&status, *json)?;
        }
        L10nCmd::MarkCurrent { lang, ids, locales } => {
            let dir = g.locales(locales);
            let l10n = load(&dir)?;
            let marked = sources::mark_current(&l10n, &dir, lang, ids)?;
            let line = format!(
                "{lang}: {} message(s) marked current in {}",
                marked.len(),
                sources::path(&dir, lang).display()
            );
            output::emit(&Line(line), false)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
