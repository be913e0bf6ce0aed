//! The terminal chat: a thin front end over [`Conversation`], like Telegram. Buttons are
//! shown as a numbered list under the text; typing a number picks (the conversation does
//! that, in every front end). Only leaving (`/quit`) is the terminal's own.
//!
//! The person at the terminal runs the bot on their own machine, so they are an admin
//! (`/reload`, `/stats`, `/unanswered`); what they say is counted in memory only, never in
//! the `--data` store.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use crate::conversation::{
    Chat, ChatKey, ChatSettings, Config, Conversation, InMemory, Input, View, ViewKind,
};
use crate::error::Error;
use crate::live::Live;
use crate::ui::Ui;

/// Typed to leave the chat.
const QUIT: &[&str] = &["/quit", "/exit", "/q"];

/// What `/privacy` says about recording (the terminal counts in memory only, but tells what a
/// bot with these settings does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recording {
    pub record_unanswered: bool,
    pub keep_unanswered_days: u32,
}

impl Default for Recording {
    fn default() -> Self {
        let c = Config::default();
        Recording {
            record_unanswered: c.record_unanswered,
            keep_unanswered_days: c.keep_unanswered_days,
        }
    }
}

/// One terminal conversation.
pub struct Terminal {
    conversation: Conversation<InMemory>,
    /// The "type a number" hint is shown under the first list only.
    hinted: bool,
}

impl Terminal {
    /// `lang`: answer in this language (as if chosen with `/language`).
    pub fn new(live: Arc<Live>, lang: Option<&str>, recording: Recording) -> Terminal {
        let settings = InMemory::new();
        let chosen = lang.and_then(|l| live.current().negotiate(l));
        if let Some(code) = chosen
            && let Err(e) = settings.set_lang(ChatKey::LOCAL, &code)
        {
            tracing::warn!("could not choose {code}: {e}");
        }
        let config = Config {
            admins: vec![ChatKey::LOCAL],
            record_unanswered: recording.record_unanswered,
            keep_unanswered_days: recording.keep_unanswered_days,
        };
        Terminal {
            conversation: Conversation::new(live, settings, config),
            hinted: false,
        }
    }

    fn chat() -> Chat<'static> {
        Chat::new(ChatKey::LOCAL)
    }

    fn msg(&self, msg: Ui) -> String {
        let lang = self.conversation.ui_lang(Self::chat());
        self.conversation.live().current().ui(lang.as_str(), msg)
    }

    /// The greeting of an interactive session.
    pub fn greeting(&self) -> String {
        format!("{}\n\n{}", self.msg(Ui::Welcome), self.msg(Ui::ChatIntro))
    }

    /// Handles one line: the text to print, and whether the person wants to leave.
    pub fn handle(&mut self, line: &str) -> (String, bool) {
        let line = line.trim();
        let first = line.split_whitespace().next().unwrap_or("").to_lowercase();
        if QUIT.contains(&first.as_str()) {
            return (self.msg(Ui::ChatBye), true);
        }
        let views = match self
            .conversation
            .handle(Self::chat(), Input::Text(line.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                tracing::error!("handling a line failed: {e}");
                vec![self.conversation.error_view(Self::chat())]
            }
        };
        (self.render(&views), false)
    }

    fn render(&mut self, views: &[View]) -> String {
        // A confirmation (👍 → "thanks") is printed only when nothing else is said.
        let said: Vec<&View> = if views.iter().all(|v| v.kind == ViewKind::Notice) {
            views.iter().collect()
        } else {
            views
                .iter()
                .filter(|v| v.kind != ViewKind::Notice)
                .collect()
        };
        let mut parts = Vec::new();
        for v in said {
            let mut s = v.text.clone();
            if v.has_buttons() {
                s.push_str("\n\n");
                s.push_str(&numbered(v));
                if !self.hinted {
                    self.hinted = true;
                    s.push_str(&format!("\n\n{}", self.msg(Ui::ChatPickNumber)));
                }
            }
            parts.push(s);
        }
        parts.join("\n\n")
    }
}

/// The buttons as `1. label`, one row per line (buttons of one row side by side).
fn numbered(v: &View) -> String {
    let mut n = 0;
    v.buttons
        .iter()
        .map(|row| {
            row.iter()
                .map(|b| {
                    n += 1;
                    format!("{n}. {}", b.label)
                })
                .collect::<Vec<_>>()
                .join("   ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs the chat over `input`. Interactive: greeting and a prompt; piped: one answer per
/// question line, separated by blank lines, and nothing else on stdout.
pub fn run_chat(
    live: Arc<Live>,
    lang: Option<&str>,
    recording: Recording,
    input: impl BufRead,
    mut out: impl Write,
    interactive: bool,
) -> Result<(), Error> {
    let mut term = Terminal::new(live, lang, recording);
    let prompt = |out: &mut dyn Write| -> io::Result<()> {
        if interactive {
            write!(out, "> ")?;
        }
        out.flush()
    };
    if interactive {
        writeln!(out, "{}\n", term.greeting()).map_err(Error::Stdio)?;
        prompt(&mut out).map_err(Error::Stdio)?;
    }
    for line in input.lines() {
        let line = match line {
            Ok(l) => l,
            // Not UTF-8: answer like an empty question instead of stopping.
            Err(e) if e.kind() == io::ErrorKind::InvalidData => String::new(),
            Err(e) => return Err(Error::Stdio(e)),
        };
        if line.trim().is_empty() {
            if interactive {
                prompt(&mut out).map_err(Error::Stdio)?;
            }
            continue;
        }
        let (text, quit) = term.handle(&line);
        writeln!(out, "{text}\n").map_err(Error::Stdio)?;
        if quit {
            out.flush().map_err(Error::Stdio)?;
            break;
        }
        prompt(&mut out).map_err(Error::Stdio)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn live() -> Arc<Live> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let engine = crate::Engine::load_strict(&root.join("faq"), &root.join("locales"))
            .expect("shipped content");
        Arc::new(Live::new(engine))
    }

    fn chat(input: &str) -> String {
        let mut out = Vec::new();
        run_chat(
            live(),
            None,
            Recording::default(),
            input.as_bytes(),
            &mut out,
            false,
        )
        .expect("chat");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn every_command_works_in_the_terminal() {
        let l = live().current();
        let de = |id: &str| l.l10n().msg("de", id);
        for (cmd, expect) in [
            ("/start", de("welcome")),
            ("/help", de("help")),
            ("/topics", de("topics-title")),
            ("/contact", de("faq-contact-answer")),
            ("/language", de("language-choose")),
            (
                "/privacy",
                crate::reply::privacy_text(l.l10n(), "de", true, 90),
            ),
            ("/forget", de("forget-done")),
            ("/stats", l.faq().entries.len().to_string()),
            ("/unanswered", de("admin-unanswered-none")),
            ("/nonsense", de("unknown-command")),
        ] {
            let out = chat(&format!("{cmd}\n"));
            assert!(out.contains(&expect), "{cmd}: {out}");
        }
    }

    #[test]
    fn buttons_are_numbered_and_numbers_pick() {
        let out = chat("/topics\n2\n1\n");
        let l = live().current();
        // The topics as a numbered list, then topic 2's questions, then the first answer.
        assert!(out.contains("1. "), "{out}");
        assert!(
            out.contains(&l.l10n().msg("de", "chat-pick-number")),
            "{out}"
        );
        assert_eq!(
            out.matches(&l.l10n().msg("de", "chat-pick-number")).count(),
            1
        );
        assert!(out.contains("27.02.2008"), "{out}");
        // Under an answer: related questions, then 👍 and 👎 side by side.
        assert!(out.contains("👍   "), "{out}");
    }

    #[test]
    fn feedback_by_number_says_thanks_once() {
        let l = live().current();
        let r = l.answer("Wie wurde widunetz gegründet?", None);
        // Related questions, then the feedback row: 👍 is the next number.
        let up = r.related.len() + 1;
        let out = chat(&format!("Wie wurde widunetz gegründet?\n{up}\n"));
        let thanks = l.l10n().msg("de", "feedback-thanks");
        assert_eq!(out.matches(&thanks).count(), 1, "{out}");
    }

    #[test]
    fn quit_says_goodbye_in_the_chosen_language_and_stops() {
        let mut out = Vec::new();
        run_chat(
            live(),
            Some("tr"),
            Recording::default(),
            "/quit\nnever read\n".as_bytes(),
            &mut out,
            false,
        )
        .expect("chat");
        let out = String::from_utf8(out).expect("utf-8");
        assert_eq!(out.trim(), live().current().l10n().msg("tr", "chat-bye"));
    }
}
