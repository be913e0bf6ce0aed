//! Translations against German, language by language: each message (`variables.rs`)
//! and how far the translation is (`coverage.rs`). Also gives each language's coverage.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::fluent_uses::{Uses, message_locations, uses_of};
use super::{Coverage, coverage, variables};
use crate::error::{Location, Problem};
use crate::l10n::{DEFAULT_LANG, L10n};
use crate::sources;

/// One language's messages as the per-language checks see them.
pub(super) struct LangView<'a> {
    pub code: &'a str,
    /// What each of its messages uses.
    pub msgs: &'a BTreeMap<String, Uses>,
    /// The same for German.
    pub german: &'a BTreeMap<String, Uses>,
    /// Its folder, where a problem without a message of its own is reported.
    pub dir: PathBuf,
    locations: Option<&'a HashMap<String, Location>>,
}

impl LangView<'_> {
    /// Where a message of this language is defined, else its folder.
    pub fn loc_of(&self, id: &str) -> Location {
        self.locations
            .and_then(|m| m.get(id))
            .cloned()
            .unwrap_or_else(|| Location::file(&self.dir))
    }
}

/// Every language's messages and coverage, against German.
pub(super) fn check(
    l10n: &L10n,
    locales_dir: &Path,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, Coverage> {
    let mut uses: BTreeMap<String, BTreeMap<String, Uses>> = BTreeMap::new();
    let mut locations: BTreeMap<String, HashMap<String, Location>> = BTreeMap::new();
    for lang in l10n.languages() {
        let mut m = BTreeMap::new();
        for f in &lang.files {
            for e in f.resource.entries() {
                if let ast::Entry::Message(msg) = e {
                    m.entry(msg.id.name.to_string())
                        .or_insert_with(|| uses_of(msg));
                }
            }
        }
        uses.insert(lang.code.clone(), m);
        locations.insert(lang.code.clone(), message_locations(lang));
    }
    let empty = BTreeMap::new();
    let de = uses.get(DEFAULT_LANG).unwrap_or(&empty);
    let (status, p) = sources::status(l10n, locales_dir, None);
    problems.extend(p);
    let status: HashMap<String, sources::LangStatus> =
        status.into_iter().map(|s| (s.lang.clone(), s)).collect();

    let mut coverage = BTreeMap::new();
    for (code, msgs) in &uses {
        let lang = LangView {
            code,
            msgs,
            german: de,
            dir: locales_dir.join(code),
            locations: locations.get(code),
        };
        variables::check(&lang, problems);
        if code != DEFAULT_LANG {
            coverage.insert(
                code.clone(),
                coverage::check(&lang, status.get(code), problems),
            );
        }
    }
    coverage.insert(
        DEFAULT_LANG.to_string(),
        Coverage {
            translated: de.len(),
            missing: vec![],
            stale: vec![],
            obsolete: vec![],
        },
    );
    coverage
}
