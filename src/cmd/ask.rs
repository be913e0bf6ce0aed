//! `ask [--lang L] [--json] QUESTION`: one question, answered as the bot would.

use std::process::ExitCode;

use widunetz_bot::engine::AskJson;
use widunetz_bot::{Error, Reply};

use super::args::{AskArgs, GlobalArgs};
use super::output::{self, Report};

struct Answer(Reply);

impl Report for Answer {
    /// One line: the contract's one object per question.
    fn to_json(&self) -> Result<String, Error> {
        AskJson::from(&self.0).to_line()
    }

    fn render(&self) -> String {
        format!("{}\n", self.0.answer)
    }
}

pub fn run(g: &GlobalArgs, a: &AskArgs) -> Result<ExitCode, Error> {
    let engine = super::load(&g.content(&a.content))?;
    let lang = super::check_lang(&engine, a.lang.as_deref())?;
    let question = a.question.join(" ");
    let reply = engine.answer(&question, lang.as_ref());
    output::emit(&Answer(reply), a.json)?;
    Ok(ExitCode::SUCCESS)
}
