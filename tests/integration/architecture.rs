//! How the code is laid out, checked: files stay short, and the core (everything in `src/`
//! but the front ends and the binary) never imports a front end (issue 12: `check.rs` used
//! to import the Telegram module for its command list).

use std::path::{Path, PathBuf};

use crate::support;

/// The front ends and the binary: the only places that may name a front end.
const OUTSIDE_THE_CORE: &[&str] = &["telegram", "terminal.rs", "cmd", "main.rs"];

/// Paths that reach a front end from Rust code.
const FRONT_END_PATHS: &[&str] = &[
    "crate::telegram",
    "crate::terminal",
    "widunetz_bot::telegram",
    "widunetz_bot::terminal",
    "super::telegram",
    "super::terminal",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_core_never_imports_a_front_end() {
    let src = support::root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let core: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            let rel = p.strip_prefix(&src).expect("under src");
            let first = rel.components().next().expect("a name");
            !OUTSIDE_THE_CORE.contains(&first.as_os_str().to_string_lossy().as_ref())
        })
        .collect();
    assert!(core.len() > 20, "the core: {core:?}");
    let mut found = Vec::new();
    for p in core {
        let text = std::fs::read_to_string(p).expect("read");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if FRONT_END_PATHS.iter().any(|f| code.contains(f))
                || code.trim_start().starts_with("use telegram")
            {
                found.push(format!("{}:{}: {}", p.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core imports a front end:\n{}",
        found.join("\n")
    );
}

/// Issue 12: no file in `src/` over 600 lines, so each file stays one concern a newcomer can
/// read (src/lang/mod.rs once grew to 610 while nothing checked it).
#[test]
fn no_source_file_is_over_600_lines() {
    let src = support::root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "src/: {files:?}");
    let long: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).expect("read").lines().count();
            (n > 600).then(|| format!("{}: {n} lines", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files: {long:?}");
}
