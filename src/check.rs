//! `check`: validates the FAQ and locale folders and reports every problem at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::content::Faq;
use crate::error::{Error, Location, Problem, Severity};
use crate::l10n::{DEFAULT_LANG, L10n};

#[derive(Debug, Serialize)]
pub struct Coverage {
    pub translated: usize,
    pub missing: Vec<String>,
    pub obsolete: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub problems: Vec<Problem>,
    pub coverage: BTreeMap<String, Coverage>,
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        for p in &self.problems {
            s.push_str(&format!("{p}\n"));
        }
        s.push_str("\nlanguage  translated  missing  obsolete\n");
        for (l, c) in &self.coverage {
            s.push_str(&format!(
                "{l:<9} {:>10} {:>8} {:>9}\n",
                c.translated,
                c.missing.len(),
                c.obsolete.len()
            ));
        }
        let warnings = self.problems.len() - self.errors();
        s.push_str(&format!(
            "\n{} error(s), {warnings} warning(s)\n",
            self.errors()
        ));
        s
    }
}

/// Message ids the code and the content need in German.
fn required_messages(faq: &Faq) -> Vec<String> {
    let mut ids: Vec<String> = REQUIRED_UI.iter().map(|s| s.to_string()).collect();
    for e in &faq.entries {
        ids.push(format!("faq-{}-title", e.id));
        ids.push(format!("faq-{}-answer", e.id));
    }
    for t in &faq.topics {
        ids.push(format!("topic-{t}"));
    }
    for st in &faq.smalltalk {
        if st.kind != "help" {
            ids.push(format!("smalltalk-{}", st.kind));
        }
    }
    ids
}

/// UI messages the Rust code formats.
pub const REQUIRED_UI: &[&str] = &[
    "language-name",
    "welcome",
    "help",
    "topics-title",
    "topic-questions",
    "did-you-mean",
    "no-match",
    "no-match-contacts",
    "related-title",
    "empty-question",
    "question-too-long",
    "language-changed",
    "language-unknown",
    "language-choose",
    "error-generic",
    "unknown-command",
    "chat-intro",
    "chat-no-token",
    "chat-pick-number",
    "chat-bye",
    "non-text-hint",
    "privacy",
    "forget-done",
    "button-back",
    "button-german",
    "feedback-thanks",
    "entry-gone",
    "admin-reload-done",
    "admin-reload-failed",
    "admin-stats",
    "admin-unanswered-none",
    "admin-unanswered-title",
];

pub fn run(faq_dir: &Path, locales_dir: &Path) -> Result<CheckReport, Error> {
    let (faq, mut problems) = Faq::load(faq_dir)?;
    let (l10n, p2) = L10n::load(locales_dir)?;
    problems.extend(p2);
    let ids = l10n.message_ids();
    let de: BTreeSet<String> = ids
        .get(DEFAULT_LANG)
        .map(|v| v.iter().cloned().collect())
        .unwrap_or_default();
    for id in required_messages(&faq) {
        if !de.contains(&id) {
            problems.push(Problem {
                severity: Severity::Error,
                location: Location::file(locales_dir.join(DEFAULT_LANG)),
                subject: Some(id.clone()),
                message: "message missing in German (the source language): add it to a .ftl file"
                    .into(),
            });
        }
    }
    for code in faq
        .entries
        .iter()
        .flat_map(|e| e.questions.keys())
        .collect::<BTreeSet<_>>()
    {
        if !l10n.has_lang(code) {
            problems.push(Problem {
                severity: Severity::Warning,
                location: Location::file(faq_dir),
                subject: None,
                message: format!(
                    "questions in {code:?} but no locales/{code}/ folder: answers will be in German"
                ),
            });
        }
    }
    let mut coverage = BTreeMap::new();
    for (code, list) in &ids {
        let have: BTreeSet<String> = list.iter().cloned().collect();
        let missing: Vec<String> = de.difference(&have).cloned().collect();
        let obsolete: Vec<String> = have.difference(&de).cloned().collect();
        for id in &missing {
            problems.push(Problem {
                severity: Severity::Warning,
                location: Location::file(locales_dir.join(code)),
                subject: Some(id.clone()),
                message: "not translated yet: German is shown instead".into(),
            });
        }
        for id in &obsolete {
            problems.push(Problem {
                severity: Severity::Warning,
                location: Location::file(locales_dir.join(code)),
                subject: Some(id.clone()),
                message: "obsolete: no longer in German; delete it".into(),
            });
        }
        coverage.insert(
            code.clone(),
            Coverage {
                translated: have.intersection(&de).count(),
                missing,
                obsolete,
            },
        );
    }
    Ok(CheckReport { problems, coverage })
}
