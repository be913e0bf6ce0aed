//! `/reload`, `/stats`, `/unanswered`: for the chats configured as admins only (the caller
//! checks). They show counts and normalised questions, never a chat or user id.

use fluent_bundle::FluentArgs;

use super::command::AdminCommand;
use super::settings::Records;
use super::view::View;
use crate::Engine;
use crate::error::{Error, Severity};
use crate::ids::LangCode;
use crate::live::{Live, Reload};

/// Lines of `/unanswered`; the full list is `widunetz-bot unanswered` on the server.
const UNANSWERED_SHOWN: usize = 15;
/// Problems listed when a reload is refused; `check` lists all.
const PROBLEMS_SHOWN: usize = 10;

pub(super) fn run(
    cmd: AdminCommand,
    engine: &Engine,
    live: &Live,
    records: &impl Records,
    lang: &LangCode,
) -> Result<View, Error> {
    let l = &engine.l10n;
    let lang = lang.as_str();
    let text = match cmd {
        AdminCommand::Reload => match live.reload() {
            Reload::Swapped {
                generation,
                warnings,
            } => {
                let mut args = FluentArgs::new();
                args.set("generation", generation);
                args.set("warnings", warnings.len());
                l.msg_args(lang, "admin-reload-done", Some(&args))
            }
            Reload::Rejected { problems } => {
                let list: Vec<String> = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .take(PROBLEMS_SHOWN)
                    .map(|p| format!("• {p}"))
                    .collect();
                let mut args = FluentArgs::new();
                args.set("count", list.len());
                format!(
                    "{}\n{}",
                    l.msg_args(lang, "admin-reload-failed", Some(&args)),
                    list.join("\n")
                )
            }
        },
        AdminCommand::Stats => {
            let st = records.stats()?;
            let mut args = FluentArgs::new();
            args.set("entries", engine.faq.entries.len());
            args.set("languages", l.codes().join(", "));
            args.set("generation", live.generation());
            args.set("chats", st.chats_with_language);
            args.set("unanswered", st.unanswered_questions);
            args.set("asked", st.unanswered_asked);
            args.set("up", st.feedback_up);
            args.set("down", st.feedback_down);
            l.msg_args(lang, "admin-stats", Some(&args))
        }
        AdminCommand::Unanswered => {
            let rows = records.unanswered()?;
            let groups = crate::unanswered::group(&rows, engine);
            if groups.is_empty() {
                l.msg(lang, "admin-unanswered-none")
            } else {
                let mut s = l.msg(lang, "admin-unanswered-title");
                for g in groups.iter().take(UNANSWERED_SHOWN) {
                    s.push_str(&format!("\n{}× [{}] {}", g.count, g.lang, g.question));
                    if let Some(c) = &g.closest {
                        s.push_str(&format!(" → {}", c.id));
                    }
                }
                s
            }
        }
    };
    Ok(View::message(text))
}
