//! Shows how each language's analyser reads a text: folded words, then stems.
//! `cargo run --release --example analyze -- LANG TEXT...`
fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args.next().unwrap_or_else(|| "de".into());
    let an = widunetz_bot::text::Analyzer::new(&lang);
    for text in args {
        let folded = an.folded_tokens(&text);
        println!(
            "{text:?}\n  folded: {folded:?}\n  stems:  {:?}",
            an.analyze(&text)
        );
    }
}
