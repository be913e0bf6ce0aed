//! What the tests share: the shipped content, the binary, a fake Bot API server
//! ([`fake`]), the bot started in-process against it ([`bot`]) and a typed view of the
//! calls the bot made ([`calls`]). Both test binaries (`integration`, `slow`) use it.
#![allow(dead_code)]

pub mod bot;
pub mod calls;
pub mod fake;
pub mod log;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use widunetz_bot::Engine;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped knowledge base.
pub fn engine() -> Engine {
    Engine::load_strict(&root().join("faq"), &root().join("locales"))
        .expect("shipped content loads cleanly")
}

/// Runs the binary from the repository root with `args`, optional stdin.
pub fn run(args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_widunetz-bot"));
    cmd.current_dir(root())
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_TOKEN_FILE");
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn widunetz-bot");
    if let (Some(mut s), Some(text)) = (child.stdin.take(), stdin) {
        s.write_all(text.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Copies the shipped faq/ and locales/ into a temporary folder for tests that edit content.
pub fn content_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&root().join("faq"), &dir.path().join("faq"));
    copy_dir(&root().join("locales"), &dir.path().join("locales"));
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}
