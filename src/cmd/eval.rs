//! `eval [--json] FILE`: accuracy and timing on a labelled question file.

use std::process::ExitCode;

use widunetz_bot::{Error, eval};

use super::args::{EvalArgs, GlobalArgs};
use super::output::{self, Report};

impl Report for eval::Report {
    fn to_json(&self) -> Result<String, Error> {
        output::pretty(self)
    }

    fn render(&self) -> String {
        eval::Report::render(self)
    }
}

pub fn run(g: &GlobalArgs, a: &EvalArgs) -> Result<ExitCode, Error> {
    let engine = super::load(&g.content(&a.content))?;
    let cases = eval::load_cases(&a.file)?;
    output::emit(&eval::run(&engine, &cases), a.json)?;
    Ok(ExitCode::SUCCESS)
}
