//! The integration tests, one binary (laid out like ripgrep's `tests/`): the CLI, content
//! checks, the engine, the conversation in both front ends, Telegram end to end against the
//! fake Bot API in `support/`, privacy and right-to-left display. The slow fault, process and
//! load tests are the other binary, `tests/slow/`.

#[path = "../support/mod.rs"]
mod support;
#[path = "../../benches/synth/mod.rs"]
mod synth;

mod architecture;
mod check;
mod cli;
mod cli_data;
mod conversation;
mod engine;
mod faq_edit;
mod hostile;
mod live;
mod own_language;
mod privacy;
mod privacy_text;
mod quality;
mod review;
mod rtl;
mod synth_smoke;
mod telegram;
mod telegram_content;
