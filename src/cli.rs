//! Terminal front ends: the local chat, `ask`, `eval` and `check` output. Everything the
//! user reads comes from Fluent messages; only the operator-facing error prefix is fixed.

use std::io::{self, BufRead, Write};

use fluent_bundle::FluentArgs;

use std::sync::Arc;

use crate::live::Live;
use crate::{Engine, Outcome, Reply};

/// What a bare number typed in the chat picks.
#[derive(Debug, Clone, PartialEq)]
enum Pick {
    None,
    Topics(Vec<String>),
    Entries(Vec<String>),
}

/// The data settings `/privacy` describes (those of `serve`: the terminal chat itself
/// stores nothing, it shows what the bot would say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataSettings {
    pub record_unanswered: bool,
    pub keep_unanswered_days: u32,
}

impl Default for DataSettings {
    fn default() -> Self {
        DataSettings {
            record_unanswered: true,
            keep_unanswered_days: crate::store::KEEP_UNANSWERED_DAYS,
        }
    }
}

/// One terminal conversation: its language and what a number would pick.
pub struct ChatSession<'a> {
    live: &'a Live,
    /// Snapshot taken at the start of each line, so one reply never mixes old and new
    /// content while a reload happens.
    engine: Arc<Engine>,
    /// Chosen with /language; wins over detection.
    chosen: Option<String>,
    /// Language of the last reply, for menus.
    current: String,
    pick: Pick,
    data: DataSettings,
}

impl<'a> ChatSession<'a> {
    pub fn new(live: &'a Live, lang: Option<&str>) -> Self {
        let engine = live.current();
        let chosen = lang.and_then(|l| engine.l10n.negotiate(l));
        let current = chosen
            .clone()
            .unwrap_or_else(|| crate::l10n::DEFAULT_LANG.to_string());
        ChatSession {
            live,
            engine,
            chosen,
            current,
            pick: Pick::None,
            data: DataSettings::default(),
        }
    }

    /// The data settings `/privacy` reports.
    pub fn with_data_settings(mut self, data: DataSettings) -> Self {
        self.data = data;
        self
    }

    pub fn lang(&self) -> &str {
        &self.current
    }

    pub fn greeting(&self) -> String {
        let engine = self.engine.clone();
        let l = &engine.l10n;
        format!(
            "{}\n\n{}",
            l.msg(&self.current, "welcome"),
            l.msg(&self.current, "chat-intro")
        )
    }

    /// Handles one line; `None` means the user wants to leave (the text is the goodbye).
    pub fn handle(&mut self, line: &str) -> (String, bool) {
        self.engine = self.live.current();
        let line = line.trim();
        let engine = self.engine.clone();
        let l = &engine.l10n;
        if let Some(cmd) = line.strip_prefix('/') {
            let mut parts = cmd.split_whitespace();
            let name = parts.next().unwrap_or("").to_lowercase();
            let arg = parts.next();
            return match name.as_str() {
                "quit" | "exit" | "q" => (l.msg(&self.current, "chat-bye"), true),
                "start" => (
                    format!("{}\n\n{}", l.msg(&self.current, "welcome"), self.topics()),
                    false,
                ),
                "help" => (l.msg(&self.current, "help"), false),
                "topics" => (self.topics(), false),
                "contact" => (l.msg(&self.current, "faq-contact-answer"), false),
                "language" => (self.language(arg), false),
                "privacy" => (
                    crate::reply::privacy_text(
                        l,
                        &self.current,
                        self.data.record_unanswered,
                        self.data.keep_unanswered_days,
                    ),
                    false,
                ),
                // The terminal keeps the chosen language in memory only: forget it.
                "forget" => {
                    self.chosen = None;
                    (l.msg(&self.current, "forget-done"), false)
                }
                _ => (l.msg(&self.current, "unknown-command"), false),
            };
        }
        if let Some(text) = line.parse::<usize>().ok().and_then(|n| self.pick_number(n)) {
            return (text, false);
        }
        let r = self.engine.answer(line, self.chosen.as_deref());
        (self.render(r), false)
    }

    fn topics(&mut self) -> String {
        let engine = self.engine.clone();
        let l = &engine.l10n;
        let topics = self.engine.faq.topics.clone();
        let mut s = l.msg(&self.current, "topics-title");
        for (i, t) in topics.iter().enumerate() {
            s.push_str(&format!(
                "\n{}. {}",
                i + 1,
                l.msg(&self.current, &format!("topic-{t}"))
            ));
        }
        s.push_str(&format!("\n\n{}", l.msg(&self.current, "chat-pick-number")));
        self.pick = Pick::Topics(topics);
        s
    }

    fn language(&mut self, arg: Option<&str>) -> String {
        let engine = self.engine.clone();
        let l = &engine.l10n;
        let list = || {
            l.codes()
                .iter()
                .map(|c| format!("{c} ({})", l.msg(c, "language-name")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match arg {
            None => format!("{}\n{}", l.msg(&self.current, "language-choose"), list()),
            Some(code) => match l.negotiate(code) {
                Some(found) => {
                    self.chosen = Some(found.clone());
                    self.current = found;
                    l.msg(&self.current, "language-changed")
                }
                None => {
                    let mut args = FluentArgs::new();
                    args.set("languages", list());
                    l.msg_args(&self.current, "language-unknown", Some(&args))
                }
            },
        }
    }

    fn pick_number(&mut self, n: usize) -> Option<String> {
        if n == 0 {
            return None;
        }
        match self.pick.clone() {
            Pick::Topics(ts) => {
                let topic = ts.get(n - 1)?;
                let engine = self.engine.clone();
                let l = &engine.l10n;
                let ids = self.engine.topic_entries(topic);
                let mut args = FluentArgs::new();
                args.set("topic", l.msg(&self.current, &format!("topic-{topic}")));
                let mut s = l.msg_args(&self.current, "topic-questions", Some(&args));
                for (i, id) in ids.iter().enumerate() {
                    s.push_str(&format!(
                        "\n{}. {}",
                        i + 1,
                        self.engine.title(id, &self.current)
                    ));
                }
                s.push_str(&format!("\n\n{}", l.msg(&self.current, "chat-pick-number")));
                self.pick = Pick::Entries(ids);
                Some(s)
            }
            Pick::Entries(ids) => {
                let id = ids.get(n - 1)?;
                let i = self.engine.faq.entries.iter().position(|e| &e.id == id)?;
                let r = crate::reply::build(
                    &self.engine,
                    &self.engine.title(id, &self.current),
                    &self.current,
                    Some(self.current.clone()),
                    Outcome::Answer(i),
                    &[],
                );
                Some(self.render(r))
            }
            Pick::None => None,
        }
    }

    fn render(&mut self, r: Reply) -> String {
        let engine = self.engine.clone();
        let l = &engine.l10n;
        self.current = r.lang.clone();
        let mut s = r.answer.clone();
        match &r.kind {
            Outcome::Answer(_) if !r.related.is_empty() => {
                s.push_str(&format!("\n\n{}", l.msg(&self.current, "related-title")));
                for (i, x) in r.related.iter().enumerate() {
                    s.push_str(&format!("\n{}. {}", i + 1, x.title));
                }
                self.pick = Pick::Entries(r.related.iter().map(|x| x.id.clone()).collect());
            }
            Outcome::Suggestions(_) => {
                s.push_str(&format!("\n\n{}", l.msg(&self.current, "chat-pick-number")));
                self.pick = Pick::Entries(r.suggestions.iter().map(|x| x.id.clone()).collect());
            }
            Outcome::NoMatch => {
                self.pick = Pick::Topics(self.engine.faq.topics.clone());
            }
            _ => self.pick = Pick::None,
        }
        s
    }
}

/// Runs the chat over `input`. Interactive: greeting and a prompt; piped: one answer per
/// question line, separated by blank lines, and nothing else on stdout.
pub fn run_chat(
    live: &Live,
    lang: Option<&str>,
    data: DataSettings,
    input: impl BufRead,
    mut out: impl Write,
    interactive: bool,
) -> io::Result<()> {
    let mut session = ChatSession::new(live, lang).with_data_settings(data);
    if interactive {
        writeln!(out, "{}\n", session.greeting())?;
        write!(out, "> ")?;
        out.flush()?;
    }
    for line in input.lines() {
        let line = match line {
            Ok(l) => l,
            // Not UTF-8: answer like an empty question instead of stopping.
            Err(e) if e.kind() == io::ErrorKind::InvalidData => String::new(),
            Err(e) => return Err(e),
        };
        if line.trim().is_empty() {
            if interactive {
                write!(out, "> ")?;
                out.flush()?;
            }
            continue;
        }
        let (text, quit) = session.handle(&line);
        writeln!(out, "{text}\n")?;
        if quit {
            break;
        }
        if interactive {
            write!(out, "> ")?;
        }
        out.flush()?;
    }
    Ok(())
}
