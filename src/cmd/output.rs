//! The one way a command prints its result: as text, or as JSON with `--json`.

use std::io::Write;

use serde::Serialize;

use widunetz_bot::Error;

/// A command's result.
pub trait Report {
    /// The JSON form: one value (pretty-printed unless a command's contract says otherwise).
    fn to_json(&self) -> Result<String, Error>;
    /// The text form, exactly as printed (ends with a newline).
    fn render(&self) -> String;
}

/// Prints `r` to stdout as text, or as JSON followed by a newline. A closed pipe
/// (`… | head`) is not an error: whoever reads has all they wanted.
pub fn emit(r: &impl Report, json: bool) -> Result<(), Error> {
    let text = if json {
        format!("{}\n", r.to_json()?)
    } else {
        r.render()
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Stdio(e)),
        _ => Ok(()),
    }
}

/// Pretty-printed JSON, as every command but `ask` prints it.
pub fn pretty(value: &impl Serialize) -> Result<String, Error> {
    Ok(serde_json::to_string_pretty(value)?)
}

/// A plain message (no JSON form).
pub struct Line(pub String);

impl Report for Line {
    fn to_json(&self) -> Result<String, Error> {
        Ok(serde_json::to_string(&self.0)?)
    }

    fn render(&self) -> String {
        format!("{}\n", self.0)
    }
}
