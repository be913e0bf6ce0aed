//! `unanswered [--lang L] [--since DAYS] [--json]`: questions without a confident answer,
//! grouped, with the closest entry.

use std::process::ExitCode;

use widunetz_bot::Error;
use widunetz_bot::unanswered::{self, Group};

use super::args::{GlobalArgs, UnansweredArgs};
use super::output::{self, Report};

struct Groups(Vec<Group>);

impl Report for Groups {
    fn to_json(&self) -> Result<String, Error> {
        output::pretty(&self.0)
    }

    fn render(&self) -> String {
        unanswered::render(&self.0)
    }
}

pub fn run(g: &GlobalArgs, a: &UnansweredArgs) -> Result<ExitCode, Error> {
    let engine = super::load(&g.content(&a.content))?;
    let store = super::open_store_existing(&g.data(&a.data))?;
    let lang = a.lang.as_ref().map(|l| {
        engine
            .negotiate(l)
            .map_or_else(|| l.clone(), |c| c.to_string())
    });
    let rows = match &store {
        Some(s) => s.unanswered(lang.as_deref(), a.since)?,
        None => Vec::new(),
    };
    output::emit(&Groups(unanswered::group(&rows, &engine)), a.json)?;
    Ok(ExitCode::SUCCESS)
}
