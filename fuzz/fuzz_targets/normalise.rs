//! Fuzzes the normalisation pipeline (`text::fold`, `Analyzer::analyze`) of every language:
//! no panic, bounded output, the same result twice.
//! Run: `cargo +nightly fuzz run normalise -- -max_total_time=300` (from the repository root).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use widunetz_bot::text::{self, Analyzer};

fn analyzers() -> &'static [Analyzer] {
    static A: OnceLock<Vec<Analyzer>> = OnceLock::new();
    A.get_or_init(|| {
        ["de", "tr", "ru", "ar", "xx"]
            .iter()
            .map(|l| Analyzer::new(l))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    for digraphs in [false, true] {
        for apostrophe_suffixes in [false, true] {
            let g = text::Folding {
                digraphs,
                apostrophe_suffixes,
            };
            let f = text::fold(&s, g);
            assert_eq!(f, text::fold(&s, g));
        }
    }
    for a in analyzers() {
        let t = a.analyze(&s);
        assert!(t.len() <= text::MAX_TOKENS);
        assert!(t.iter().all(|w| !w.is_empty()));
        assert_eq!(t, a.analyze(&s));
    }
});
