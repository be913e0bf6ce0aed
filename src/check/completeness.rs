//! German completeness: every message the code and the entries need exists in German (the
//! source language, and the fallback of every other one). The messages the code formats by
//! id come from the one table of them, `crate::ui`.

use std::collections::BTreeSet;
use std::path::Path;

use super::entry_loc;
use crate::content::Faq;
use crate::conversation::Command;
use crate::error::{Location, Problem};
use crate::ids::TopicId;
use crate::l10n::{DEFAULT_LANG, L10n};
use crate::ui::{CONTENT, Ui};

/// Every message the code and the entries need must exist in German.
pub(super) fn german(faq: &Faq, l10n: &L10n, locales_dir: &Path, problems: &mut Vec<Problem>) {
    let de_dir = locales_dir.join(DEFAULT_LANG);
    let has = |id: &str| l10n.has_message(DEFAULT_LANG, id);
    for id in Ui::ALL.iter().map(|u| u.id()) {
        if !has(id) {
            problems.push(Problem::error(
                Location::file(&de_dir),
                Some(id),
                "message missing in German (the source language): add it to locales/de/ui.ftl",
            ));
        }
    }
    for id in CONTENT {
        if !has(id) {
            problems.push(Problem::error(
                Location::file(&de_dir),
                Some(id),
                "message missing in German (the source language): add it to locales/de/faq.ftl",
            ));
        }
    }
    for id in Command::USER.iter().filter_map(Command::description_id) {
        if !has(id) {
            problems.push(Problem::error(
                Location::file(&de_dir),
                Some(id),
                "command description missing in German: add it to locales/de/ui.ftl",
            ));
        }
    }
    for e in &faq.entries {
        for kind in ["title", "answer"] {
            let id = format!("faq-{}-{kind}", e.id);
            if !has(&id) {
                problems.push(Problem::error(
                    entry_loc(e),
                    Some(e.id.as_str()),
                    format!("entry has no German {kind}: add `{id} = …` to locales/de/faq.ftl"),
                ));
            }
        }
    }
    let mut seen = BTreeSet::new();
    for e in &faq.entries {
        let id = format!("topic-{}", e.topic);
        if seen.insert(e.topic.clone()) && !has(&id) {
            problems.push(Problem::error(
                entry_loc(e),
                Some(e.id.as_str()),
                format!(
                    "unknown topic {:?}: use an existing topic ({}) or name it with `{id} = …` in locales/de/faq.ftl",
                    e.topic.as_str(),
                    faq.topics
                        .iter()
                        .filter(|t| has(&format!("topic-{t}")))
                        .map(TopicId::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    for st in &faq.smalltalk {
        let id = format!("smalltalk-{}", st.kind);
        if st.kind != "help" && !has(&id) {
            problems.push(Problem::error(
                Location::file(&de_dir),
                Some(&id),
                format!(
                    "small talk {:?} has no German reply: add `{id} = …`",
                    st.kind
                ),
            ));
        }
    }
}

/// Questions in a language that has no locale folder get German answers: worth a warning.
pub(super) fn question_languages(
    faq: &Faq,
    l10n: &L10n,
    faq_dir: &Path,
    problems: &mut Vec<Problem>,
) {
    for code in faq
        .entries
        .iter()
        .flat_map(|e| e.questions.keys())
        .collect::<BTreeSet<_>>()
    {
        if !l10n.has_lang(code) {
            problems.push(Problem::warning(
                Location::file(faq_dir),
                None,
                format!(
                    "questions in {code:?} but no locales/{code}/ folder: answers will be in German"
                ),
            ));
        }
    }
}
