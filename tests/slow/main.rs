//! The slow tests, one binary: delivery through Telegram's faults, the real process killed
//! and restarted, load. They run in `cargo test` like the others; alone with
//! `cargo test --test slow` (one of them: `cargo test --test slow delivery::`).

#[path = "../support/mod.rs"]
mod support;

mod delivery;
mod faults;
mod load;
mod process;
