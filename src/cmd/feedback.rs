//! `feedback [--json]`: 👍/👎 counts per entry and language.

use std::process::ExitCode;

use serde::Serialize;

use widunetz_bot::Error;

use super::args::{FeedbackArgs, GlobalArgs};
use super::output::{self, Report};

/// One row of `feedback --json`. The fields are in alphabetical order because that is how
/// this output has always looked (it was built as a sorted JSON map); scripts may diff it.
#[derive(Serialize)]
struct Row<'a> {
    down: i64,
    entry: &'a str,
    lang: &'a str,
    up: i64,
}

struct Feedback(Vec<(String, String, i64, i64)>);

impl Report for Feedback {
    fn to_json(&self) -> Result<String, Error> {
        let rows: Vec<Row<'_>> = self
            .0
            .iter()
            .map(|(entry, lang, up, down)| Row {
                down: *down,
                entry,
                lang,
                up: *up,
            })
            .collect();
        output::pretty(&rows)
    }

    fn render(&self) -> String {
        if self.0.is_empty() {
            return "No feedback recorded yet.\n".into();
        }
        let mut s = format!("{:<16} {:<5} {:>5} {:>5}\n", "entry", "lang", "👍", "👎");
        for (entry, lang, up, down) in &self.0 {
            s.push_str(&format!("{entry:<16} {lang:<5} {up:>5} {down:>5}\n"));
        }
        s
    }
}

pub fn run(g: &GlobalArgs, a: &FeedbackArgs) -> Result<ExitCode, Error> {
    let rows = match super::open_store_existing(&g.data(&a.data))? {
        Some(s) => s.feedback()?,
        None => Vec::new(),
    };
    output::emit(&Feedback(rows), a.json)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_text_look_as_they_always_did() {
        let f = Feedback(vec![("founding".into(), "tr".into(), 3, 1)]);
        assert_eq!(
            f.to_json().expect("json"),
            "[\n  {\n    \"down\": 1,\n    \"entry\": \"founding\",\n    \"lang\": \"tr\",\n    \"up\": 3\n  }\n]"
        );
        assert_eq!(
            f.render(),
            "entry            lang      👍     👎\nfounding         tr        3     1\n"
        );
        assert_eq!(Feedback(vec![]).render(), "No feedback recorded yet.\n");
    }
}
