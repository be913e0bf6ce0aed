//! Typed errors of the library. Each names the file and, where known, line, column and entry.

use std::fmt;
use std::path::PathBuf;

/// Where a problem is: file, and line/column (1-based) where the format has them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Location {
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }

    /// A line (1-based) of a file, without a column; the file alone when `line` is `None`.
    pub fn at_line(file: impl Into<PathBuf>, line: Option<usize>) -> Self {
        Location {
            file: file.into(),
            line,
            column: None,
        }
    }

    /// Location of a byte offset in `source`. For many offsets in one file, build one
    /// [`LineIndex`] and use [`LineIndex::location`].
    pub fn at_offset(file: impl Into<PathBuf>, source: &str, offset: usize) -> Self {
        LineIndex::new(source).location(file, offset)
    }

    /// Location of the start of a span (from a TOML or Fluent parser), or of the file.
    pub fn at_span(
        file: impl Into<PathBuf>,
        source: &str,
        span: Option<std::ops::Range<usize>>,
    ) -> Self {
        match span {
            Some(s) => Location::at_offset(file, source, s.start),
            None => Location::file(file),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        Ok(())
    }
}

/// Line starts of one source, so that many offsets of one file are located in O(log n)
/// each (a big FAQ file has a location per question variant). The one way offsets become
/// lines and columns in this crate.
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { src, starts }
    }

    /// 1-based line and column (in characters) of a byte offset (clamped to the source, and
    /// to the start of the character it falls in).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.src[start..offset].chars().count() + 1)
    }

    pub fn location(&self, file: impl Into<PathBuf>, offset: usize) -> Location {
        let (line, column) = self.line_col(offset);
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the content, with what to do about it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    /// The entry id or Fluent message id concerned, if any.
    pub subject: Option<String>,
    pub message: String,
}

impl Problem {
    /// An error: the content cannot be used as it is (`check` fails, a reload is refused).
    pub fn error(location: Location, subject: Option<&str>, message: impl Into<String>) -> Self {
        Problem::new(Severity::Error, location, subject, message)
    }

    /// A warning: worth fixing, but the content works.
    pub fn warning(location: Location, subject: Option<&str>, message: impl Into<String>) -> Self {
        Problem::new(Severity::Warning, location, subject, message)
    }

    fn new(
        severity: Severity,
        location: Location,
        subject: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            severity,
            location,
            subject: subject.map(str::to_string),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {sev}", self.location)?;
        if let Some(s) = &self.subject {
            write!(f, " [{s}]")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Errors that stop a command or the content from loading at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Reading the terminal or writing the output failed.
    #[error("standard input/output: {0}")]
    Stdio(#[source] std::io::Error),
    #[error("the content has {} error(s):\n{}", .0.len(), render(.0))]
    Content(Vec<Problem>),
    #[error("{path}: {message}")]
    Eval { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
    /// A database query failed.
    #[error("database: {0}")]
    Storage(#[from] rusqlite::Error),
    /// The database file could not be opened or set up.
    #[error("{path}: {source}")]
    Database {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The database file is damaged (not a sound SQLite database).
    #[error(
        "{path}: not a sound database ({reason}); move the file aside (the bot does this \
         itself when it serves)"
    )]
    CorruptDatabase { path: PathBuf, reason: String },
    /// Another bot holds the data folder's lock.
    #[error(
        "another widunetz-bot is already running with --data {}; stop it first (two bots on \
         one data folder would answer questions twice)",
        dir.display()
    )]
    Locked { dir: PathBuf },
    /// The webhook server could not listen on its address.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },
    /// The Telegram front end stopped with one of its own errors (`telegram::TelegramError`;
    /// boxed, because the core does not know the front ends).
    #[error("Telegram: {0}")]
    Telegram(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The async runtime for the Telegram bot could not be started.
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// Blocking work moved off the async threads (a database call) panicked or was
    /// cancelled.
    #[error("a background task failed: {0}")]
    Task(#[source] tokio::task::JoinError),
    /// Listening for SIGHUP (reload) failed.
    #[error("cannot listen for SIGHUP: {0}")]
    Signal(#[source] std::io::Error),
    /// Watching the content folders failed.
    #[error("{path}: cannot watch for changes: {source}")]
    Watch {
        path: PathBuf,
        #[source]
        source: notify::Error,
    },
    /// Content without folders (tests, tools) cannot be watched or reloaded.
    #[error("the content was not loaded from folders; there is nothing to watch")]
    FixedContent,
    /// A TOML file could not be written (`l10n mark-current`).
    #[error("{path}: cannot write TOML: {source}")]
    TomlWrite {
        path: PathBuf,
        #[source]
        source: toml::ser::Error,
    },
}

fn render(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_chars() {
        let src = "a\nbü c\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2), (2, 1));
        assert_eq!(idx.line_col(5), (2, 3), "after the two-byte ü");
        assert_eq!(idx.line_col(4), (2, 2), "inside ü: its start");
        assert_eq!(idx.line_col(99), (3, 1), "past the end: the end");
        let loc = Location::at_offset("f.toml", src, 5);
        assert_eq!(loc.to_string(), "f.toml:2:3");
        assert_eq!(Location::at_span("f.toml", src, None).to_string(), "f.toml");
    }
}
