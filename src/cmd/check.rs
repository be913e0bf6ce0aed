//! `check [--json]`: validates the content. Exit 1 when it has errors.

use std::process::ExitCode;

use widunetz_bot::Error;
use widunetz_bot::check::{self, CheckReport};

use super::args::{CheckArgs, GlobalArgs};
use super::output::{self, Report};

impl Report for CheckReport {
    fn to_json(&self) -> Result<String, Error> {
        output::pretty(self)
    }

    fn render(&self) -> String {
        CheckReport::render(self)
    }
}

pub fn run(g: &GlobalArgs, a: &CheckArgs) -> Result<ExitCode, Error> {
    let paths = g.content(&a.content);
    let report = check::run(&paths.faq, &paths.locales)?;
    output::emit(&report, a.json)?;
    Ok(if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
