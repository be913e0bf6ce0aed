//! Everything the test process logs, captured (one global subscriber per test binary, at
//! TRACE for every crate: the tests search it for tokens and message texts that must never
//! be logged, also by the libraries).

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

/// Starts capturing (once per process); later calls return the same buffer.
pub fn captured() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let w = buf.clone();
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
            .with_ansi(false)
            .with_writer(move || Writer(w.clone()))
            .init();
        buf
    })
}

/// What was logged so far (by every test of this binary).
pub fn text() -> String {
    String::from_utf8_lossy(&captured().lock().expect("log")).to_string()
}

struct Writer(Arc<Mutex<Vec<u8>>>);

impl Write for Writer {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log").extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
