//! Translations against German: missing, stale (German changed since), obsolete,
//! `$variable` mismatches, plural variants a language needs, empty texts, references to
//! messages that do not exist. Also gives each language's coverage.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use fluent_syntax::ast;

use super::Coverage;
use super::fluent_uses::{Uses, message_locations, uses_of};
use super::plurals::plural_categories;
use crate::error::{Location, Problem};
use crate::l10n::{DEFAULT_LANG, L10n};
use crate::sources;

/// Missing / stale / obsolete per language, variables, plurals, empty texts, references.
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
        let loc_of = |id: &str| {
            locations
                .get(code)
                .and_then(|m| m.get(id))
                .cloned()
                .unwrap_or_else(|| Location::file(locales_dir.join(code)))
        };
        let needed = plural_categories(code);
        for (id, u) in msgs {
            if !u.has_text {
                problems.push(Problem::error(
                    loc_of(id),
                    Some(id),
                    "empty text: write the message after `=`",
                ));
            }
            for r in &u.messages {
                if !msgs.contains_key(r) && !de.contains_key(r) {
                    problems.push(Problem::error(
                        loc_of(id),
                        Some(id),
                        format!("refers to message {r:?}, which does not exist"),
                    ));
                }
            }
            for keys in &u.plurals {
                let missing: Vec<&String> = needed.iter().filter(|c| !keys.contains(*c)).collect();
                if !missing.is_empty() {
                    problems.push(Problem::error(
                        loc_of(id),
                        Some(id),
                        format!(
                            "plural variants missing for {code}: add [{}] (the language uses {})",
                            missing
                                .iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join("], ["),
                            needed.iter().cloned().collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
            if code == DEFAULT_LANG {
                continue;
            }
            let Some(german) = de.get(id) else { continue };
            let missing: Vec<&String> = german.vars.difference(&u.vars).collect();
            let extra: Vec<&String> = u.vars.difference(&german.vars).collect();
            if !missing.is_empty() {
                problems.push(Problem::error(
                    loc_of(id),
                    Some(id),
                    format!(
                        "variable {} is in German but not in this translation: add it, or the reader misses that information",
                        vars(&missing)
                    ),
                ));
            }
            if !extra.is_empty() {
                problems.push(Problem::error(
                    loc_of(id),
                    Some(id),
                    format!(
                        "variable {} is not in German, so the bot never fills it in: remove it or use the German variable names ({})",
                        vars(&extra),
                        if german.vars.is_empty() {
                            "none".to_string()
                        } else {
                            vars(&german.vars.iter().collect::<Vec<_>>())
                        }
                    ),
                ));
            }
        }
        if code == DEFAULT_LANG {
            continue;
        }
        let st = status.get(code);
        let missing: Vec<String> = st.map(|s| s.missing.clone()).unwrap_or_default();
        let obsolete: Vec<String> = st.map(|s| s.obsolete.clone()).unwrap_or_default();
        let stale: Vec<sources::Stale> = st.map(|s| s.stale.clone()).unwrap_or_default();
        for id in &missing {
            problems.push(Problem::warning(
                Location::file(locales_dir.join(code)),
                Some(id),
                "not translated yet: German is shown instead",
            ));
        }
        for id in &obsolete {
            problems.push(Problem::warning(
                loc_of(id),
                Some(id),
                "obsolete: no longer in German; delete it",
            ));
        }
        for s in &stale {
            let change = match &s.old {
                Some(old) => {
                    let (removed, added) = sources::changed_lines(old, &s.new);
                    let q = |v: Vec<String>| {
                        v.iter()
                            .map(|l| format!("«{}»", sources::one_line(l)))
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    format!("German then: {}; German now: {}", q(removed), q(added))
                }
                None => format!(
                    "never marked current; German now: «{}»",
                    sources::one_line(&s.new)
                ),
            };
            problems.push(Problem::warning(
                loc_of(&s.id),
                Some(&s.id),
                format!(
                    "stale: the German text changed since this translation ({change}). Update the translation, then run `widunetz-bot l10n mark-current {code} {}`",
                    s.id
                ),
            ));
        }
        coverage.insert(
            code.clone(),
            Coverage {
                translated: st.map(|s| s.translated()).unwrap_or(0),
                missing,
                stale: stale.into_iter().map(|s| s.id).collect(),
                obsolete,
            },
        );
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

fn vars(v: &[&String]) -> String {
    v.iter()
        .map(|s| format!("${s}"))
        .collect::<Vec<_>>()
        .join(", ")
}
