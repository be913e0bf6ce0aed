//! Shows how a Latin-typed text reads through each transliteration table, and how that
//! language's analyser then folds and stems it (for studying TUNING-set failures).
//! `cargo run --release --example translit -- LANG TEXT...`
fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args.next().unwrap_or_else(|| "ar".into());
    let Some(table) = widunetz_bot::lang::translit::builtin(&lang) else {
        eprintln!("no built-in transliteration table for {lang:?}");
        return;
    };
    let an = widunetz_bot::text::Analyzer::new(&lang);
    for text in args {
        let view = table.view(&text, |w| w == "widunetz" || w == "komm-in");
        println!(
            "{text:?}\n  view:   {view}\n  folded: {:?}\n  stems:  {:?}",
            an.folded_tokens(&view),
            an.analyze(&view)
        );
    }
}
