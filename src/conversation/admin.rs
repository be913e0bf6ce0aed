//! `/reload` and `/stats` (`/unanswered` and `/feedback` are in `review`): for the chats configured as admins only (the caller
//! checks). They show counts and normalised questions, never a chat or user id.

use fluent_bundle::FluentArgs;

use super::command::AdminCommand;
use super::settings::Records;
use super::view::View;
use crate::Engine;
use crate::error::{Error, Severity};
use crate::ids::LangCode;
use crate::live::{Live, Reload};
use crate::ui::Ui;

/// Problems listed when a reload is refused; `check` lists all.
const PROBLEMS_SHOWN: usize = 10;

pub(super) fn run(
    cmd: AdminCommand,
    engine: &Engine,
    live: &Live,
    records: &impl Records,
    lang: &LangCode,
) -> Result<View, Error> {
    let l = engine.l10n();
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
                l.ui_args(lang, Ui::AdminReloadDone, Some(&args))
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
                    l.ui_args(lang, Ui::AdminReloadFailed, Some(&args)),
                    list.join("\n")
                )
            }
        },
        AdminCommand::Stats => {
            let st = records.stats()?;
            let mut args = FluentArgs::new();
            args.set("entries", engine.faq().entries.len());
            args.set("languages", l.codes().join(", "));
            args.set("generation", live.generation());
            args.set("chats", st.chats_with_language);
            args.set("unanswered", st.unanswered_questions);
            args.set("asked", st.unanswered_asked);
            args.set("up", st.feedback_up);
            args.set("down", st.feedback_down);
            l.ui_args(lang, Ui::AdminStats, Some(&args))
        }
        // Lists with buttons: `review`, called by the conversation before this.
        AdminCommand::Unanswered | AdminCommand::Feedback => {
            return Err(Error::Usage(format!("/{} is a review list", cmd.name())));
        }
    };
    Ok(View::message(text))
}
