//! `check`: validates the FAQ and locale folders and reports every problem at once, each with
//! file, line and column where it has them, the entry or message id, and what to do.
//!
//! Checks, in report order:
//! 1. loading: TOML syntax and schema, Fluent syntax, duplicate ids, folder names;
//! 2. German completeness: every message the code and the entries need;
//! 3. translations: missing, stale (German changed since), obsolete, `$variable` mismatch,
//!    plural variants a language needs, empty texts, references to unknown messages;
//! 4. matching health: every question variant answered by its own entry; near-duplicate
//!    variants shared by two entries;
//! 5. review dates (`review_by`) that have passed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use fluent_syntax::ast;
use serde::Serialize;

use crate::Engine;
use crate::content::Faq;
use crate::conversation::Command;
use crate::error::{Error, Location, Problem, Severity};
use crate::l10n::{DEFAULT_LANG, L10n, Language, message_lines};
use crate::reply::Outcome;
use crate::sources;

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

/// Content messages the Rust code formats on their own (the no-match reply shows the
/// contact persons); they live in faq.ftl.
pub const REQUIRED_FAQ: &[&str] = &["contact-people"];

/// Runs every check with today's date (UTC) for review dates.
pub fn run(faq_dir: &Path, locales_dir: &Path) -> Result<CheckReport, Error> {
    run_at(faq_dir, locales_dir, today())
}

/// Runs every check; `today` is `(year, month, day)` for review dates.
pub fn run_at(
    faq_dir: &Path,
    locales_dir: &Path,
    today: (i32, u32, u32),
) -> Result<CheckReport, Error> {
    let (faq, mut problems) = Faq::load(faq_dir)?;
    let (l10n, p2) = L10n::load(locales_dir)?;
    problems.extend(p2);

    german_completeness(&faq, &l10n, locales_dir, &mut problems);
    for code in faq
        .entries
        .iter()
        .flat_map(|e| e.questions.keys())
        .collect::<BTreeSet<_>>()
    {
        if !l10n.has_lang(code) {
            problems.push(warn(
                Location::file(faq_dir),
                None,
                format!(
                    "questions in {code:?} but no locales/{code}/ folder: answers will be in German"
                ),
            ));
        }
    }
    let coverage = translations(&l10n, locales_dir, &mut problems);
    right_to_left(&l10n, &mut problems);
    review_dates(&faq, today, &mut problems);

    // Matching needs content that loaded; with load errors it would only add noise.
    let load_errors = problems.iter().any(|p| p.severity == Severity::Error);
    if !load_errors && !faq.entries.is_empty() {
        let engine = Engine::new(faq, l10n);
        matching_health(&engine, &mut problems);
        near_duplicates(&engine, &mut problems);
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

fn warn(location: Location, subject: Option<&str>, message: String) -> Problem {
    Problem {
        severity: Severity::Warning,
        location,
        subject: subject.map(str::to_string),
        message,
    }
}

fn error(location: Location, subject: Option<&str>, message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        location,
        subject: subject.map(str::to_string),
        message,
    }
}

fn entry_loc(e: &crate::content::Entry) -> Location {
    Location {
        file: e.file.clone(),
        line: Some(e.line),
        column: None,
    }
}

/// Where each message of a language is defined (first definition).
fn message_locations(lang: &Language) -> HashMap<String, Location> {
    let mut out = HashMap::new();
    for f in &lang.files {
        for e in f.resource.entries() {
            if let ast::Entry::Message(m) = e {
                let id = m.id.name.to_string();
                let line = message_lines(f.source(), &id).first().copied();
                out.entry(id).or_insert(Location {
                    file: f.path.clone(),
                    line,
                    column: line.map(|_| 1),
                });
            }
        }
    }
    out
}

/// Every message the code and the entries need must exist in German.
fn german_completeness(faq: &Faq, l10n: &L10n, locales_dir: &Path, problems: &mut Vec<Problem>) {
    let de_dir = locales_dir.join(DEFAULT_LANG);
    let has = |id: &str| l10n.has_message(DEFAULT_LANG, id);
    for id in REQUIRED_UI {
        if !has(id) {
            problems.push(error(
                Location::file(&de_dir),
                Some(id),
                "message missing in German (the source language): add it to locales/de/ui.ftl"
                    .into(),
            ));
        }
    }
    for id in REQUIRED_FAQ {
        if !has(id) {
            problems.push(error(
                Location::file(&de_dir),
                Some(id),
                "message missing in German (the source language): add it to locales/de/faq.ftl"
                    .into(),
            ));
        }
    }
    for id in Command::USER.iter().filter_map(Command::description_id) {
        if !has(id) {
            problems.push(error(
                Location::file(&de_dir),
                Some(id),
                "command description missing in German: add it to locales/de/ui.ftl".into(),
            ));
        }
    }
    for e in &faq.entries {
        for kind in ["title", "answer"] {
            let id = format!("faq-{}-{kind}", e.id);
            if !has(&id) {
                problems.push(error(
                    entry_loc(e),
                    Some(&e.id),
                    format!("entry has no German {kind}: add `{id} = …` to locales/de/faq.ftl"),
                ));
            }
        }
    }
    let mut seen = BTreeSet::new();
    for e in &faq.entries {
        let id = format!("topic-{}", e.topic);
        if seen.insert(e.topic.clone()) && !has(&id) {
            problems.push(error(
                entry_loc(e),
                Some(&e.id),
                format!(
                    "unknown topic {:?}: use an existing topic ({}) or name it with `{id} = …` in locales/de/faq.ftl",
                    e.topic,
                    faq.topics
                        .iter()
                        .filter(|t| has(&format!("topic-{t}")))
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    for st in &faq.smalltalk {
        let id = format!("smalltalk-{}", st.kind);
        if st.kind != "help" && !has(&id) {
            problems.push(error(
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

/// Arrows that point left: "back" in a left-to-right language, "forward" in a right-to-left one.
const LEFT_ARROWS: &[char] = &['◀', '◄', '←', '⬅', '◁', '⇐', '⟵'];

/// Right-to-left languages mirror what points: the "back" button points right there. (Phone
/// numbers, dates and names are kept in reading order by code, see `crate::bidi`.)
fn right_to_left(l10n: &L10n, problems: &mut Vec<Problem>) {
    for lang in l10n.languages().iter().filter(|l| l.rtl) {
        for f in &lang.files {
            for e in f.resource.entries() {
                let ast::Entry::Message(m) = e else { continue };
                let mut text = String::new();
                if let Some(p) = &m.value {
                    pattern_text(p, &mut text);
                }
                let Some(a) = text.chars().find(|c| LEFT_ARROWS.contains(c)) else {
                    continue;
                };
                let id = m.id.name;
                let line = message_lines(f.source(), id).first().copied();
                problems.push(error(
                    Location {
                        file: f.path.clone(),
                        line,
                        column: line.map(|_| 1),
                    },
                    Some(id),
                    format!(
                        "{} is written right to left, so an arrow for \"back\" points right: use ▶ instead of {a}",
                        lang.code
                    ),
                ));
            }
        }
    }
}

/// The literal text of a pattern, all variants included.
fn pattern_text(p: &ast::Pattern<&str>, out: &mut String) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for v in variants {
                    pattern_text(&v.value, out);
                }
            }
            ast::PatternElement::Placeable { .. } => {}
        }
    }
}

/// What a message's patterns use: variables, referenced messages, plural selectors.
#[derive(Default)]
struct Uses {
    vars: BTreeSet<String>,
    messages: BTreeSet<String>,
    /// Variant keys of each select expression on a number (plural), in order.
    plurals: Vec<BTreeSet<String>>,
    /// The message has a value (not only attributes), and that value is not blank.
    has_text: bool,
}

const PLURAL_CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

fn uses_of(m: &ast::Message<&str>) -> Uses {
    let mut u = Uses::default();
    if let Some(p) = &m.value {
        u.has_text = !pattern_is_blank(p);
        walk_pattern(p, &mut u);
    }
    for a in &m.attributes {
        walk_pattern(&a.value, &mut u);
    }
    u
}

fn pattern_is_blank(p: &ast::Pattern<&str>) -> bool {
    p.elements.iter().all(|e| match e {
        ast::PatternElement::TextElement { value } => value.trim().is_empty(),
        ast::PatternElement::Placeable { expression } => matches!(
            expression,
            ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) if value.trim().is_empty()
        ),
    })
}

fn walk_pattern(p: &ast::Pattern<&str>, u: &mut Uses) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            walk_expr(expression, u);
        }
    }
}

fn walk_expr(e: &ast::Expression<&str>, u: &mut Uses) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, u);
            let numeric = match selector {
                ast::InlineExpression::VariableReference { .. } => true,
                ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
                _ => false,
            };
            let keys: BTreeSet<String> = variants
                .iter()
                .filter_map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => Some(name.to_string()),
                    ast::VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            // A select on gender or a string has other keys: not a plural. Nor is one with
            // exact numbers and `other` only (`[1] this question *[other] these questions`).
            if numeric
                && keys.iter().any(|k| k != "other")
                && keys.iter().all(|k| PLURAL_CATEGORIES.contains(&k.as_str()))
            {
                u.plurals.push(keys);
            }
            for v in variants {
                walk_pattern(&v.value, u);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, u),
    }
}

fn walk_inline(i: &ast::InlineExpression<&str>, u: &mut Uses) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            u.vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            u.messages.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => walk_args(arguments, u),
        ast::InlineExpression::TermReference {
            arguments: Some(a), ..
        } => walk_args(a, u),
        ast::InlineExpression::Placeable { expression } => walk_expr(expression, u),
        _ => {}
    }
}

fn walk_args(a: &ast::CallArguments<&str>, u: &mut Uses) {
    for p in &a.positional {
        walk_inline(p, u);
    }
    for n in &a.named {
        walk_inline(&n.value, u);
    }
}

/// The plural categories (CLDR, cardinal) a language distinguishes, from its rules.
pub fn plural_categories(lang: &str) -> BTreeSet<String> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let Ok(langid) = lang.parse::<unic_langid::LanguageIdentifier>() else {
        return BTreeSet::new();
    };
    let Ok(rules) = PluralRules::create(langid, PluralRuleType::CARDINAL) else {
        return BTreeSet::new();
    };
    let mut out = BTreeSet::new();
    // Every category shows up among 0..=200 and a few fractions (Russian "other" is only
    // reached by fractions).
    let samples = (0..=200)
        .map(|n| n.to_string())
        .chain(["0.5", "1.5", "2.5", "10.5", "1000000"].map(str::to_string));
    for n in samples {
        if let Ok(c) = rules.select(n.as_str()) {
            out.insert(
                match c {
                    PluralCategory::ZERO => "zero",
                    PluralCategory::ONE => "one",
                    PluralCategory::TWO => "two",
                    PluralCategory::FEW => "few",
                    PluralCategory::MANY => "many",
                    PluralCategory::OTHER => "other",
                }
                .to_string(),
            );
        }
    }
    out
}

/// Missing / stale / obsolete per language, variables, plurals, empty texts, references.
fn translations(
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
                problems.push(error(
                    loc_of(id),
                    Some(id),
                    "empty text: write the message after `=`".into(),
                ));
            }
            for r in &u.messages {
                if !msgs.contains_key(r) && !de.contains_key(r) {
                    problems.push(error(
                        loc_of(id),
                        Some(id),
                        format!("refers to message {r:?}, which does not exist"),
                    ));
                }
            }
            for keys in &u.plurals {
                let missing: Vec<&String> = needed.iter().filter(|c| !keys.contains(*c)).collect();
                if !missing.is_empty() {
                    problems.push(error(
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
                problems.push(error(
                    loc_of(id),
                    Some(id),
                    format!(
                        "variable {} is in German but not in this translation: add it, or the reader misses that information",
                        vars(&missing)
                    ),
                ));
            }
            if !extra.is_empty() {
                problems.push(error(
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
            problems.push(warn(
                Location::file(locales_dir.join(code)),
                Some(id),
                "not translated yet: German is shown instead".into(),
            ));
        }
        for id in &obsolete {
            problems.push(warn(
                loc_of(id),
                Some(id),
                "obsolete: no longer in German; delete it".into(),
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
            problems.push(warn(
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

/// Every variant, asked as a question, must be answered by its own entry.
fn matching_health(engine: &Engine, problems: &mut Vec<Problem>) {
    for (i, e) in engine.faq.entries.iter().enumerate() {
        for (lang, qs) in &e.questions {
            let lines = e.question_lines.get(lang);
            for (k, q) in qs.iter().enumerate() {
                let loc = Location {
                    file: e.file.clone(),
                    line: lines.and_then(|l| l.get(k)).copied().or(Some(e.line)),
                    column: None,
                };
                let r = engine.answer(q, None);
                match r.kind {
                    Outcome::Answer(j) if j == i => {}
                    Outcome::Answer(j) => problems.push(error(
                        loc,
                        Some(&e.id),
                        format!(
                            "question {q:?} ({lang}) is answered by entry {:?} (score {:.2}): reword it, or move it to that entry",
                            engine.faq.entries[j].id, r.score
                        ),
                    )),
                    _ => {
                        let best = r
                            .suggestions
                            .first()
                            .map(|s| format!("best: {} {:.2}", s.id, s.score))
                            .unwrap_or_else(|| "no entry close".into());
                        problems.push(warn(
                            loc,
                            Some(&e.id),
                            format!(
                                "question {q:?} ({lang}) is not answered directly ({}; {best}): it is too close to other entries or small talk; add a clearer variant",
                                r.outcome
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// Two entries with (almost) the same question make both uncertain.
fn near_duplicates(engine: &Engine, problems: &mut Vec<Problem>) {
    // Per language: (entry index, variant text, line, word key).
    type Variant<'a> = (usize, &'a str, Option<usize>, String);
    let mut by_lang: BTreeMap<&str, Vec<Variant<'_>>> = BTreeMap::new();
    for (i, e) in engine.faq.entries.iter().enumerate() {
        for (lang, qs) in &e.questions {
            let an = crate::text::Analyzer::new(lang);
            for (k, q) in qs.iter().enumerate() {
                let mut words = an.analyze(q);
                words.sort();
                let line = e.question_lines.get(lang).and_then(|l| l.get(k)).copied();
                by_lang.entry(lang.as_str()).or_default().push((
                    i,
                    q.as_str(),
                    line,
                    words.join(" "),
                ));
            }
        }
    }
    // Pairwise similarity is quadratic; beyond this many variants only exact keys compare.
    const PAIRWISE_LIMIT: usize = 4000;
    for (lang, list) in by_lang {
        let pairwise = list.len() <= PAIRWISE_LIMIT;
        let mut reported = BTreeSet::new();
        let mut exact: HashMap<&str, usize> = HashMap::new();
        for (n, item) in list.iter().enumerate() {
            let mut others: Vec<usize> = Vec::new();
            if let Some(&m) = exact.get(item.3.as_str()) {
                others.push(m);
            } else {
                exact.insert(item.3.as_str(), n);
            }
            if pairwise {
                // Fuzzy only for longer questions: in two-word keys one letter is a different
                // word ("mitglied wer" vs "mitglied werd").
                let words = item.3.split(' ').count();
                for (m, other) in list.iter().enumerate().take(n) {
                    if words >= 3
                        && other.3.split(' ').count() == words
                        && other.3 != item.3
                        && strsim::normalized_damerau_levenshtein(&item.3, &other.3) >= 0.9
                    {
                        others.push(m);
                    }
                }
            }
            for m in others {
                let other = &list[m];
                if other.0 == item.0
                    || !reported.insert((other.0.min(item.0), other.0.max(item.0), m.min(n)))
                {
                    continue;
                }
                let (a, b) = (&engine.faq.entries[other.0], &engine.faq.entries[item.0]);
                problems.push(warn(
                    Location {
                        file: b.file.clone(),
                        line: item.2.or(Some(b.line)),
                        column: None,
                    },
                    Some(&b.id),
                    format!(
                        "near-duplicate question ({lang}): {:?} is almost the same as {:?} of entry {:?} ({}:{}); keep it in one entry only",
                        item.1,
                        other.1,
                        a.id,
                        a.file.display(),
                        other.2.unwrap_or(a.line)
                    ),
                ));
            }
        }
    }
}

/// `review_by` dates: malformed is an error, passed is a warning.
fn review_dates(faq: &Faq, today: (i32, u32, u32), problems: &mut Vec<Problem>) {
    for e in &faq.entries {
        let Some(d) = &e.review_by else { continue };
        let loc = Location {
            file: e.file.clone(),
            line: Some(e.review_by_line),
            column: None,
        };
        match parse_date(d) {
            None => problems.push(error(
                loc,
                Some(&e.id),
                format!("review_by = {d:?} is not a date: write it like review_by = 2027-06-30"),
            )),
            Some(date) if date < today => problems.push(warn(
                loc,
                Some(&e.id),
                format!(
                    "review date {d} has passed: check the answer is still true (against the source text), then set a new review_by"
                ),
            )),
            Some(_) => {}
        }
    }
}

/// `YYYY-MM-DD` → (year, month, day), checking the day exists.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (s.trim().len() == 10 && (1..=days).contains(&d)).then_some((y, m, d))
}

/// Today's date (UTC) from the system clock (civil-from-days, H. Hinnant's algorithm).
pub fn today() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories_follow_cldr() {
        let c = |l: &str| {
            plural_categories(l)
                .into_iter()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(c("de"), "one other");
        assert_eq!(c("ru"), "few many one other");
        assert_eq!(c("ar"), "few many one other two zero");
        assert_eq!(c("tr"), "one other");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2027-06-30"), Some((2027, 6, 30)));
        assert_eq!(parse_date("2028-02-29"), Some((2028, 2, 29)));
        assert_eq!(parse_date("2027-02-29"), None);
        assert_eq!(parse_date("2027-6-30"), None);
        assert_eq!(parse_date("30.06.2027"), None);
        let (y, m, d) = today();
        assert!(y >= 2024 && (1..=12).contains(&m) && (1..=31).contains(&d));
    }
}
