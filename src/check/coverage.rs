//! How far a translation is: messages not translated yet, translations whose German
//! changed since (stale, with what changed), translations German no longer has (obsolete).

use super::Coverage;
use super::translations::LangView;
use crate::error::{Location, Problem};
use crate::sources;

/// One translation's missing, stale and obsolete messages, as problems and as counts.
pub(super) fn check(
    lang: &LangView<'_>,
    st: Option<&sources::LangStatus>,
    problems: &mut Vec<Problem>,
) -> Coverage {
    let code = lang.code;
    let missing: Vec<String> = st.map(|s| s.missing.clone()).unwrap_or_default();
    let obsolete: Vec<String> = st.map(|s| s.obsolete.clone()).unwrap_or_default();
    let stale: Vec<sources::Stale> = st.map(|s| s.stale.clone()).unwrap_or_default();
    for id in &missing {
        problems.push(Problem::warning(
            Location::file(&lang.dir),
            Some(id),
            "not translated yet: German is shown instead",
        ));
    }
    for id in &obsolete {
        problems.push(Problem::warning(
            lang.loc_of(id),
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
            lang.loc_of(&s.id),
            Some(&s.id),
            format!(
                "stale: the German text changed since this translation ({change}). Update the translation, then run `widunetz-bot l10n mark-current {code} {}`",
                s.id
            ),
        ));
    }
    Coverage {
        translated: st.map(|s| s.translated()).unwrap_or(0),
        missing,
        stale: stale.into_iter().map(|s| s.id).collect(),
        obsolete,
    }
}
