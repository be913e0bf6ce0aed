//! Each message of a language on its own and against German: it has text, the messages
//! it refers to exist, its plural selects have every variant the language needs, and it
//! uses the same `$variables` as German.

use super::plurals::plural_categories;
use super::translations::LangView;
use crate::error::Problem;
use crate::l10n::DEFAULT_LANG;

/// Empty texts, unknown references, missing plural variants and `$variable` mismatches of
/// every message of one language.
pub(super) fn check(lang: &LangView<'_>, problems: &mut Vec<Problem>) {
    let (code, msgs, de) = (lang.code, lang.msgs, lang.german);
    let needed = plural_categories(code);
    for (id, u) in msgs {
        if !u.has_text {
            problems.push(Problem::error(
                lang.loc_of(id),
                Some(id),
                "empty text: write the message after `=`",
            ));
        }
        for r in &u.messages {
            if !msgs.contains_key(r) && !de.contains_key(r) {
                problems.push(Problem::error(
                    lang.loc_of(id),
                    Some(id),
                    format!("refers to message {r:?}, which does not exist"),
                ));
            }
        }
        for keys in &u.plurals {
            let missing: Vec<&String> = needed.iter().filter(|c| !keys.contains(*c)).collect();
            if !missing.is_empty() {
                problems.push(Problem::error(
                    lang.loc_of(id),
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
                lang.loc_of(id),
                Some(id),
                format!(
                    "variable {} is in German but not in this translation: add it, or the reader misses that information",
                    vars(&missing)
                ),
            ));
        }
        if !extra.is_empty() {
            problems.push(Problem::error(
                lang.loc_of(id),
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
}

fn vars(v: &[&String]) -> String {
    v.iter()
        .map(|s| format!("${s}"))
        .collect::<Vec<_>>()
        .join(", ")
}
