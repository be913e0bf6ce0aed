//! Fuzzes the front door: `Engine::answer` and `Engine::rank` on arbitrary text, with the
//! shipped knowledge base. Checks what the proptests check: no panic, scores finite and in
//! [0, 1], the same reply twice, a non-empty answer text.
//! Run: `cargo +nightly fuzz run answer -- -max_total_time=300` (from the repository root).
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use widunetz_bot::Engine;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        Engine::load_strict(&root.join("faq"), &root.join("locales")).expect("shipped content")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let e = engine();
    // The first byte picks the requested language (or none), like a stored /language choice.
    let lang = match data.first().map(|b| b % 5) {
        Some(1) => Some("de"),
        Some(2) => Some("tr"),
        Some(3) => Some("ru"),
        Some(4) => Some("ar"),
        _ => None,
    }
    .and_then(widunetz_bot::ids::LangCode::new);
    let a = e.answer(&text, lang.as_ref());
    assert!(
        a.score.is_finite() && (0.0..=1.0).contains(&a.score),
        "{}",
        a.score
    );
    for s in a.suggestions.iter().chain(&a.related) {
        assert!(
            s.score.is_finite() && (0.0..=1.0).contains(&s.score),
            "{}",
            s.score
        );
    }
    assert!(!a.answer.trim().is_empty());
    let b = e.answer(&text, lang.as_ref());
    assert_eq!(
        (&a.id, a.outcome(), &a.answer),
        (&b.id, b.outcome(), &b.answer)
    );
    let r = e.rank(&text);
    let scores = r.entries.iter().map(|(_, s)| s);
    for s in scores.chain(r.smalltalk.iter().map(|(_, s)| s)) {
        assert!(s.is_finite() && (0.0..=1.0).contains(s), "{s}");
    }
});
