//! The terminal chat: a thin front end over [`Conversation`], like Telegram. Buttons are
//! shown as a numbered list under the text; typing a number picks (the conversation does
//! that, in every front end). Only leaving (`/quit`) is the terminal's own.
//!
//! The person at the terminal runs the bot on their own machine, so they are an admin
//! (`/reload`, `/stats`, `/unanswered`); what they say is counted in memory only, never in
//! the `--data` store. The terminal's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`:
//! [`locale_lang`]) plays the part of Telegram's `language_code`: the greeting's language, and
//! the tie-breaker between languages a question reads as equally well (Ukrainian or Russian).

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use crate::conversation::{
    Chat, ChatKey, ChatSettings, Config, Conversation, InMemory, Input, View, ViewKind,
};
use crate::error::Error;
use crate::ids::LangCode;
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
    /// The locale's language (as Telegram's `language_code`).
    client: Option<LangCode>,
}

/// The language of a POSIX locale, read with `var` (`std::env::var`): the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty (the order in which programs pick the
/// language of their messages), without codeset and modifier (`uk_UA.UTF-8` → `uk-UA`).
/// `None` for the `C` and `POSIX` locales, which name no language, and for anything that is
/// no language tag.
pub fn locale_lang(var: impl Fn(&str) -> Option<String>) -> Option<LangCode> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| var(k).filter(|v| !v.trim().is_empty()))?;
    let tag = value.trim().split(['.', '@']).next().unwrap_or_default();
    if tag.eq_ignore_ascii_case("C") || tag.eq_ignore_ascii_case("POSIX") {
        return None;
    }
    LangCode::from_tag(tag)
}

impl Terminal {
    /// `lang`: answer in this language (as if chosen with `/language`); `client`: the
    /// locale's language ([`locale_lang`]).
    pub fn new(
        live: Arc<Live>,
        lang: Option<&str>,
        client: Option<LangCode>,
        recording: Recording,
    ) -> Terminal {
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
            client,
        }
    }

    fn chat(&self) -> Chat<'_> {
        Chat {
            key: ChatKey::LOCAL,
            client_lang: self.client.as_ref(),
        }
    }

    fn msg(&self, msg: Ui) -> String {
        let lang = self.conversation.ui_lang(self.chat());
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
            .handle(self.chat(), Input::Text(line.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                tracing::error!("handling a line failed: {e}");
                vec![self.conversation.error_view(self.chat())]
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
/// question line, separated by blank lines, and nothing else on stdout. `lang` and `client`:
/// see [`Terminal::new`].
pub fn run_chat(
    live: Arc<Live>,
    lang: Option<&str>,
    client: Option<LangCode>,
    recording: Recording,
    input: impl BufRead,
    mut out: impl Write,
    interactive: bool,
) -> Result<(), Error> {
    let mut term = Terminal::new(live, lang, client, recording);
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
        chat_in(None, input)
    }

    /// The piped chat with the locale's language `client` (a locale name).
    fn chat_in(client: Option<&str>, input: &str) -> String {
        let mut out = Vec::new();
        run_chat(
            live(),
            None,
            client.and_then(LangCode::from_tag),
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
            None,
            Recording::default(),
            "/quit\nnever read\n".as_bytes(),
            &mut out,
            false,
        )
        .expect("chat");
        let out = String::from_utf8(out).expect("utf-8");
        assert_eq!(out.trim(), live().current().l10n().msg("tr", "chat-bye"));
    }

    #[test]
    fn the_locale_names_the_language_as_programs_read_it() {
        let read = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            locale_lang(|k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
                .map(|c| c.to_string())
        };
        assert_eq!(read(&[("LANG", "uk_UA.UTF-8")]).as_deref(), Some("uk-UA"));
        assert_eq!(read(&[("LANG", "fa_IR")]).as_deref(), Some("fa-IR"));
        assert_eq!(read(&[("LANG", "de_DE@euro")]).as_deref(), Some("de-DE"));
        assert_eq!(read(&[("LANG", "ru")]).as_deref(), Some("ru"));
        // LC_ALL before LC_MESSAGES before LANG; an empty one does not count.
        assert_eq!(
            read(&[("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "tr_TR.UTF-8")]).as_deref(),
            Some("tr-TR")
        );
        assert_eq!(
            read(&[
                ("LANG", "de_DE.UTF-8"),
                ("LC_MESSAGES", "tr_TR.UTF-8"),
                ("LC_ALL", "ar_EG.UTF-8")
            ])
            .as_deref(),
            Some("ar-EG")
        );
        assert_eq!(
            read(&[("LANG", "uk_UA.UTF-8"), ("LC_ALL", "")]).as_deref(),
            Some("uk-UA")
        );
        // No language: C, POSIX, nothing set, no tag.
        assert_eq!(read(&[("LANG", "C.UTF-8")]), None);
        assert_eq!(read(&[("LANG", "POSIX")]), None);
        assert_eq!(read(&[("LC_ALL", "C"), ("LANG", "uk_UA.UTF-8")]), None);
        assert_eq!(read(&[]), None);
        assert_eq!(read(&[("LANG", "../../etc")]), None);
    }

    #[test]
    fn the_locale_greets_and_breaks_a_tie_as_telegram_s_language_does() {
        let l = live().current();
        let run = chat_in;
        // The greeting (`/start`) in the locale's language, German without one.
        assert!(run(Some("uk_UA"), "/start\n").contains(&l.l10n().msg("uk", "welcome")));
        assert!(run(None, "/start\n").contains(&l.l10n().msg("de", "welcome")));
        // Russian words, no Ukrainian or Russian letter: Russian without a locale, Ukrainian
        // for a Ukrainian locale (with the button for the Russian answer), as in Telegram.
        let q = "скока там членов в сети?\n";
        let members = |lang: &str| l.l10n().msg(lang, "faq-members-answer");
        let (ru, uk) = (run(None, q), run(Some("uk_UA"), q));
        assert!(ru.contains(&members("ru")), "{ru}");
        assert!(uk.contains(&members("uk")), "{uk}");
        assert!(uk.contains("Русский"), "{uk}");
        // A locale that is not one of the question's script changes nothing.
        assert!(run(Some("en_US"), q).contains(&members("ru")));
    }
}
