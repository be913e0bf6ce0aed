//! Questions the bot could not answer confidently: what is stored, and how `unanswered`
//! groups them for volunteers.
//!
//! Stored is a *normalised* question (see [`normalise`]), never who asked or when exactly.
//! Long digit runs (phone, customer or case numbers) and e-mail addresses are masked before
//! anything is written, because people do type them into a chat.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::Engine;
use crate::engine::OutcomeKind;
use crate::ids::LangCode;
use crate::reply::Suggestion;
use crate::store::Unanswered;
use crate::text::Analyzer;

/// Stored questions are cut to this many characters.
pub const MAX_STORED_CHARS: usize = 200;

/// Two groups of one language merge when their word keys are at least this similar
/// (normalised Damerau–Levenshtein), so "wo ist das buero" and "wo ist das büro?" and
/// "wo ist das bro" end up together.
pub const GROUP_SIMILARITY: f64 = 0.85;

/// The form a question is stored in: NFC, lower case, invisible and control characters
/// removed, white space collapsed, numbers of 5+ digits → `[number]`, e-mail addresses →
/// `[e-mail]`, at most [`MAX_STORED_CHARS`] characters. `None` when nothing is left.
pub fn normalise(text: &str) -> Option<String> {
    let cleaned: String = text
        .nfc()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .filter(|c| !crate::text::punct::is_invisible(*c))
        .collect::<String>()
        .to_lowercase();
    let words: Vec<String> = cleaned.split_whitespace().map(mask_word).collect();
    let joined = mask_digit_runs(&words.join(" "));
    let out: String = joined.chars().take(MAX_STORED_CHARS).collect();
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

fn mask_word(w: &str) -> String {
    let looks_like_email = w
        .split_once('@')
        .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'));
    if looks_like_email {
        "[e-mail]".to_string()
    } else {
        w.to_string()
    }
}

/// Replaces runs of 5 or more digits — also written with spaces, dashes, slashes or a
/// leading + as phone numbers are — by `[number]`. Years (4 digits) stay.
fn mask_digit_runs(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()))
        {
            // Extend over digits and separators between digits.
            let mut j = i;
            let mut digits = 0;
            let mut end = i;
            while j < chars.len() {
                let c = chars[j];
                if c.is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                } else if !(matches!(c, ' ' | '-' | '/' | '+' | '(' | ')')
                    && chars
                        .get(j + 1)
                        .is_some_and(|n| n.is_ascii_digit() || *n == '('))
                {
                    break;
                }
                j += 1;
            }
            if digits >= 5 {
                out.push_str("[number]");
                i = end;
                continue;
            }
            out.extend(&chars[i..end.max(i + 1)]);
            i = end.max(i + 1);
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Near-identical questions of one language, with the entry that comes closest.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The most asked wording.
    pub question: String,
    pub lang: String,
    /// How often any wording of the group was asked.
    pub count: i64,
    pub first_day: String,
    pub last_day: String,
    /// The outcome of the most asked wording (`suggestions` or `no_match`).
    pub outcome: OutcomeKind,
    /// `suggestions`, `no_match` or both ([`crate::engine::OutcomeKind`] names).
    pub outcomes: Vec<OutcomeKind>,
    /// All wordings, most asked first.
    pub variants: Vec<String>,
    /// The entry the bot found closest (id, German title, score in [0, 1]), to add the
    /// question to as a variant.
    pub closest: Option<Suggestion>,
    /// The command that adds the question to the closest entry (`None` when no entry comes
    /// close).
    pub add_question: Option<String>,
    /// The command that adds the question to `faq/out-of-scope.toml`.
    pub add_out_of_scope: String,
}

/// Groups rows (most frequent first) and finds the closest entry for each group.
pub fn group(rows: &[Unanswered], engine: &Engine) -> Vec<Group> {
    struct Acc {
        key: String,
        group: Group,
        counts: Vec<(String, i64)>,
        /// (wording, count, outcome) of each row.
        outcome_counts: Vec<(String, i64, OutcomeKind)>,
    }
    let mut analyzers: Vec<Analyzer> = Vec::new();
    let mut groups: Vec<Acc> = Vec::new();
    for row in rows {
        if !analyzers.iter().any(|a| a.lang() == row.lang) {
            analyzers.push(Analyzer::new(&row.lang));
        }
        let key = analyzers
            .iter()
            .find(|a| a.lang() == row.lang)
            .map(|a| {
                let mut words = a.analyze(&row.question);
                words.sort();
                words.join(" ")
            })
            .unwrap_or_default();
        let same = groups.iter_mut().find(|g| {
            g.group.lang == row.lang
                && (g.key == key
                    || (!key.is_empty()
                        && strsim::normalized_damerau_levenshtein(&g.key, &key)
                            >= GROUP_SIMILARITY))
        });
        match same {
            Some(g) => {
                g.group.count += row.count;
                if row.first_day < g.group.first_day {
                    g.group.first_day.clone_from(&row.first_day);
                }
                if row.last_day > g.group.last_day {
                    g.group.last_day.clone_from(&row.last_day);
                }
                if !g.group.outcomes.contains(&row.outcome) {
                    g.group.outcomes.push(row.outcome);
                }
                match g.counts.iter_mut().find(|(q, _)| *q == row.question) {
                    Some((_, n)) => *n += row.count,
                    None => g.counts.push((row.question.clone(), row.count)),
                }
                g.outcome_counts
                    .push((row.question.clone(), row.count, row.outcome));
            }
            None => groups.push(Acc {
                key,
                counts: vec![(row.question.clone(), row.count)],
                outcome_counts: vec![(row.question.clone(), row.count, row.outcome)],
                group: Group {
                    question: row.question.clone(),
                    lang: row.lang.clone(),
                    count: row.count,
                    first_day: row.first_day.clone(),
                    last_day: row.last_day.clone(),
                    outcome: row.outcome,
                    outcomes: vec![row.outcome],
                    variants: Vec::new(),
                    closest: None,
                    add_question: None,
                    add_out_of_scope: String::new(),
                },
            }),
        }
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|mut acc| {
            acc.counts
                .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            acc.group.variants = acc.counts.into_iter().map(|(q, _)| q).collect();
            if let Some(first) = acc.group.variants.first() {
                acc.group.question.clone_from(first);
            }
            // The most asked wording's most frequent outcome.
            if let Some(o) = acc
                .outcome_counts
                .iter()
                .filter(|(q, _, _)| *q == acc.group.question)
                .max_by_key(|(_, n, _)| *n)
            {
                acc.group.outcome = o.2;
            }
            let ranked = engine.rank(&acc.group.question);
            acc.group.closest = ranked.entries.first().map(|(id, score)| Suggestion {
                id: id.clone(),
                title: engine.entry_title(id, &LangCode::default_lang()),
                score: *score,
            });
            let (q, lang) = (&acc.group.question, &acc.group.lang);
            acc.group.add_question = acc
                .group
                .closest
                .as_ref()
                .map(|c| crate::teach::add_question_line(c.id.as_str(), lang, q));
            acc.group.add_out_of_scope = crate::teach::add_out_of_scope_line(lang, q);
            acc.group
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| b.last_day.cmp(&a.last_day))
            .then_with(|| a.question.cmp(&b.question))
    });
    out
}

/// The human-readable list for `widunetz-bot unanswered`.
pub fn render(groups: &[Group]) -> String {
    if groups.is_empty() {
        return "No unanswered questions recorded.\n".to_string();
    }
    let mut s = String::new();
    for g in groups {
        s.push_str(&format!("{:>4}×  [{}]  {}\n", g.count, g.lang, g.question));
        for v in g.variants.iter().skip(1) {
            s.push_str(&format!("        also: {v}\n"));
        }
        s.push_str(&format!(
            "        {} – {}, {}",
            g.first_day,
            g.last_day,
            g.outcomes
                .iter()
                .map(|o| o.as_str())
                .collect::<Vec<_>>()
                .join(" / ")
        ));
        match &g.closest {
            Some(c) => s.push_str(&format!(
                "; closest entry: {} ({}, score {:.2})\n",
                c.id, c.title, c.score
            )),
            None => s.push_str("; no entry comes close\n"),
        }
        if let Some(cmd) = &g.add_question {
            s.push_str(&format!("        {cmd}\n"));
        }
        s.push_str(&format!("        not our topic: {}\n", g.add_out_of_scope));
    }
    s.push_str(
        "\nTo teach the bot a question, run the line under it (put another entry id in place of \
         the closest one if the question belongs elsewhere), or the `not our topic` line. Each \
         says whether the question is then answered as intended (docs/volunteers.md).\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_masks_numbers_and_mails() {
        assert_eq!(
            normalise("  Meine Nummer ist +49 5221 123456, Mail: a.b@example.org ").as_deref(),
            Some("meine nummer ist [number], mail: [e-mail]")
        );
        assert_eq!(
            normalise("Seit 2016?").as_deref(),
            Some("seit 2016?"),
            "years stay"
        );
        assert_eq!(
            normalise("Wo\u{200B}\u{202E} ist\tdas\nBüro").as_deref(),
            Some("wo ist das büro")
        );
        assert_eq!(normalise(" \u{200B} \0 "), None);
        let long = "x".repeat(5000);
        assert_eq!(
            normalise(&long).map(|s| s.chars().count()),
            Some(MAX_STORED_CHARS)
        );
    }

    #[test]
    fn near_identical_questions_are_grouped_with_the_closest_entry() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let engine = Engine::load_strict(&root.join("faq"), &root.join("locales")).expect("load");
        let row = |q: &str, lang: &str, n: i64, day: &str| Unanswered {
            question: q.into(),
            lang: lang.into(),
            outcome: OutcomeKind::NoMatch,
            count: n,
            first_day: day.into(),
            last_day: day.into(),
        };
        let rows = vec![
            row("wo ist euer büro in herford?", "de", 3, "2026-11-02"),
            row("wo ist euer buero in herford", "de", 2, "2026-11-20"),
            row("wo ist euer büro in herfrod?", "de", 1, "2026-11-01"),
            row("ofisiniz nerede?", "tr", 4, "2026-11-10"),
            row("wie ist das wetter?", "de", 1, "2026-11-03"),
        ];
        let groups = group(&rows, &engine);
        assert_eq!(groups.len(), 3, "{groups:#?}");
        assert_eq!(groups[0].question, "wo ist euer büro in herford?");
        assert_eq!(groups[0].count, 6);
        assert_eq!(groups[0].variants.len(), 3);
        assert_eq!(
            (groups[0].first_day.as_str(), groups[0].last_day.as_str()),
            ("2026-11-01", "2026-11-20")
        );
        assert_eq!(groups[1].lang, "tr", "most frequent first");
        assert!(groups.iter().all(|g| g.closest.is_some()));
        assert_eq!(groups[0].outcome, OutcomeKind::NoMatch);
        let closest = groups[0]
            .closest
            .as_ref()
            .map(|c| c.id.to_string())
            .unwrap_or_default();
        assert_eq!(
            groups[0].add_question.as_deref(),
            Some(
                format!(
                    "widunetz-bot faq add-question {closest} de 'wo ist euer büro in herford?'"
                )
                .as_str()
            )
        );
        let text = render(&groups);
        assert!(
            text.contains("widunetz-bot faq add-out-of-scope tr 'ofisiniz nerede?'"),
            "{text}"
        );
        assert!(
            text.contains(&format!("faq add-question {closest} de")),
            "{text}"
        );
    }
}
