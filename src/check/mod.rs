//! `check`: validates the FAQ and locale folders and reports every problem at once, each with
//! file, line and column where it has them, the entry or message id, and what to do. Problems
//! are collected, not thrown (the shape of fluent-rs's errors): one module per family of checks,
//! each pushing [`Problem`]s onto one list.
//!
//! Checks, in report order:
//! 1. loading: TOML syntax and schema, Fluent syntax, duplicate ids, folder names, the
//!    language profiles in `locales/<code>/profile.toml` ([`Faq::load`], [`L10n::load`],
//!    [`Profiles::load`]);
//! 2. `completeness`: every message the code and the entries need exists in German;
//! 3. `translations`, language by language: `variables` (empty texts, references to
//!    unknown messages, plural variants the language needs (`plurals`), `$variable`
//!    mismatches) and `coverage` (missing, stale: German changed since, obsolete);
//!    `rtl`: arrows in right-to-left languages;
//! 4. `review`: review dates (`review_by`) that have passed;
//! 5. `matching`: every question variant answered by its own entry; near-duplicate
//!    variants shared by two entries.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::Engine;
use crate::clock::{self, Date};
use crate::content::Faq;
use crate::error::{Error, Location, Problem, Severity};
use crate::l10n::L10n;
use crate::lang::Profiles;

mod completeness;
mod coverage;
mod fluent_uses;
mod matching;
mod plurals;
mod review;
mod rtl;
mod translations;
mod variables;

pub use plurals::plural_categories;

/// How far one language's translation is.
#[derive(Debug, Serialize)]
pub struct Coverage {
    pub translated: usize,
    pub missing: Vec<String>,
    pub stale: Vec<String>,
    pub obsolete: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub errors: usize,
    pub warnings: usize,
    pub problems: Vec<Problem>,
    pub coverage: BTreeMap<String, Coverage>,
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.errors
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        for p in &self.problems {
            s.push_str(&format!("{p}\n"));
        }
        s.push_str("\nlanguage  translated  missing  stale  obsolete\n");
        for (l, c) in &self.coverage {
            s.push_str(&format!(
                "{l:<9} {:>10} {:>8} {:>6} {:>9}\n",
                c.translated,
                c.missing.len(),
                c.stale.len(),
                c.obsolete.len()
            ));
        }
        s.push_str(&format!(
            "\n{} error(s), {} warning(s)\n",
            self.errors, self.warnings
        ));
        s
    }
}

/// Runs every check with today's date (UTC) for review dates.
pub fn run(faq_dir: &Path, locales_dir: &Path) -> Result<CheckReport, Error> {
    run_at(faq_dir, locales_dir, clock::today())
}

/// Runs every check; `today` is the day review dates are compared with.
pub fn run_at(faq_dir: &Path, locales_dir: &Path, today: Date) -> Result<CheckReport, Error> {
    let (faq, mut problems) = Faq::load(faq_dir)?;
    let (l10n, p2) = L10n::load(locales_dir)?;
    problems.extend(p2);
    // The language profiles the bot would read (`locales/<code>/profile.toml`), so that a
    // broken rule is reported here and matching health is measured with them.
    let (profiles, p3) = Profiles::load(locales_dir);
    problems.extend(p3);

    completeness::german(&faq, &l10n, locales_dir, &mut problems);
    completeness::question_languages(&faq, &l10n, faq_dir, &mut problems);
    let coverage = translations::check(&l10n, locales_dir, &mut problems);
    rtl::arrows(&l10n, &mut problems);
    review::dates(&faq, today, &mut problems);

    // Matching needs content that loaded; with load errors it would only add noise.
    let load_errors = problems.iter().any(|p| p.severity == Severity::Error);
    if !load_errors && !faq.entries.is_empty() {
        let engine = Engine::with_profiles(faq, l10n, &profiles);
        matching::health(&engine, &mut problems);
        matching::near_duplicates(&engine, &mut problems);
    }

    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    Ok(CheckReport {
        errors,
        warnings: problems.len() - errors,
        problems,
        coverage,
    })
}

/// Where an entry starts.
fn entry_loc(e: &crate::content::Entry) -> Location {
    Location::at_line(&e.file, Some(e.line))
}
