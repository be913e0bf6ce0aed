//! Keeps secrets (the bot token, the webhook secret) out of everything the process prints.
//!
//! teloxide already hides the token in its own errors, but libraries underneath log at debug
//! and trace level, and error texts pass through several crates. Rather than trusting each of
//! them, every log line and every message the binary prints goes through [`scrub`], which
//! replaces each registered secret (and a token's secret part after the colon) with
//! `[redacted]`.

use std::io::{self, Write};
use std::sync::RwLock;

use tracing_subscriber::fmt::MakeWriter;

/// What a secret is replaced with.
pub const MASK: &str = "[redacted]";

/// Secrets shorter than this are not registered: replacing "1" everywhere would garble logs
/// and protect nothing.
const MIN_SECRET: usize = 6;

static SECRETS: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Registers a secret to be hidden from all output from now on. For a bot token
/// (`<id>:<secret>`) the part after the colon is registered too, so that a URL-encoded
/// token (`%3A`) or a token cut at the colon is hidden as well.
pub fn register(secret: &str) {
    let mut add = vec![secret.to_string()];
    if let Some((_, tail)) = secret.split_once(':') {
        add.push(tail.to_string());
        add.push(secret.replacen(':', "%3A", 1));
    }
    // A poisoned lock only means another thread panicked while registering; the list is
    // still usable.
    let mut list = SECRETS.write().unwrap_or_else(|e| e.into_inner());
    for s in add {
        if s.chars().count() >= MIN_SECRET && !list.contains(&s) {
            list.push(s);
        }
    }
    // Longest first, so that the whole token is replaced before its tail.
    list.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// `text` with every registered secret replaced by [`MASK`].
pub fn scrub(text: &str) -> String {
    let list = SECRETS.read().unwrap_or_else(|e| e.into_inner());
    let mut out = text.to_string();
    for s in list.iter() {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), MASK);
        }
    }
    out
}

/// A [`MakeWriter`] for tracing-subscriber that scrubs each log event before it reaches the
/// inner writer. An event is buffered whole (one writer per event) so that a secret split
/// across several `write` calls is still found.
pub struct Redacting<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Redacting<M> {
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            inner: self.0.make_writer(),
            buf: Vec::new(),
        }
    }
}

/// See [`Redacting`]: collects one event, writes it scrubbed on flush or drop.
pub struct RedactingWriter<W: Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: Write> RedactingWriter<W> {
    fn write_out(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.buf);
        let clean = scrub(&text);
        self.buf.clear();
        self.inner.write_all(clean.as_bytes())?;
        self.inner.flush()
    }
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out()
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        // Nowhere to report a failed log write; losing the line is better than panicking.
        let _ = self.write_out();
    }
}

/// Sets up logging to stderr through [`Redacting`], with the level from `RUST_LOG` (default
/// `warn`), and a panic hook that scrubs panic messages too. Call once, after [`register`]ing
/// the secrets that are already known.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Redacting(io::stderr))
        .init();
    std::panic::set_hook(Box::new(|info| {
        let msg = scrub(&info.to_string());
        let _ = writeln!(io::stderr(), "{msg}");
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_token_its_tail_and_encoded_form() {
        register("987654:unit-test-secret-value");
        let s = scrub(
            "url http://x/bot987654:unit-test-secret-value/getMe tail unit-test-secret-value enc 987654%3Aunit-test-secret-value",
        );
        assert!(!s.contains("unit-test-secret-value"), "{s}");
        assert!(s.contains(MASK));
        assert_eq!(scrub("nothing secret here"), "nothing secret here");
    }

    #[test]
    fn writer_scrubs_split_writes() {
        register("555:split-across-writes");
        let mut out = Vec::new();
        {
            let mut w = RedactingWriter {
                inner: &mut out,
                buf: Vec::new(),
            };
            w.write_all(b"token 555:split-ac").expect("write");
            w.write_all(b"ross-writes end\n").expect("write");
        }
        let s = String::from_utf8(out).expect("utf8");
        assert_eq!(s, format!("token {MASK} end\n"));
    }
}
