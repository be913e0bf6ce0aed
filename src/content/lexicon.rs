//! The two FAQ files that are not entries: `faq/synonyms.toml` (words and phrases that mean
//! the same for this FAQ) and `faq/out-of-scope.toml` (questions that must get the no-match
//! reply). Both are content that volunteers extend; both are read by name wherever they lie
//! under the FAQ folder, and every problem names its file and line.
//!
//! ```toml
//! # faq/synonyms.toml
//! [[synonyms]]
//! de = ["gegründet", "ins Leben gerufen", "entstanden"]
//! tr = ["kuruldu", "kuruluş"]
//!
//! # faq/out-of-scope.toml
//! [questions]
//! de = ["Wann wurde die Stadt Bünde gegründet?", "Telefonnummer vom Jobcenter"]
//! tr = ["Jobcenter'ın telefon numarası"]
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::faq::valid_lang;
use crate::error::{LineIndex, Location, Problem, Severity};

/// File name of the synonym groups.
pub const SYNONYMS_FILE: &str = "synonyms.toml";
/// File name of the out-of-scope examples.
pub const OUT_OF_SCOPE_FILE: &str = "out-of-scope.toml";

/// One phrase of a content list, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub lang: String,
    pub text: String,
    pub file: PathBuf,
    pub line: usize,
}

impl Phrase {
    pub fn location(&self) -> Location {
        Location {
            file: self.file.clone(),
            line: Some(self.line),
            column: None,
        }
    }
}

/// A group of words and phrases that mean the same (per language): a question containing
/// one member matches variants containing another member of the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymGroup {
    pub members: Vec<Phrase>,
    pub file: PathBuf,
    /// Line of the group's `[[synonyms]]` header.
    pub line: usize,
}

impl SynonymGroup {
    /// The members in one language.
    pub fn in_lang<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = &'a Phrase> + 'a {
        self.members.iter().filter(move |p| p.lang == lang)
    }
}

/// `lang = ["…", …]` with the spans of the list and of each text.
type RawList = Spanned<Vec<Spanned<String>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynonyms {
    #[serde(default)]
    synonyms: Vec<Spanned<BTreeMap<String, RawList>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutOfScope {
    #[serde(default)]
    questions: BTreeMap<String, RawList>,
    #[serde(default)]
    names: BTreeMap<String, RawList>,
}

/// What `out-of-scope.toml` holds.
#[derive(Debug, Default)]
pub struct OutOfScope {
    /// `[questions]`: questions that must get the no-match reply.
    pub questions: Vec<Phrase>,
    /// `[names]`: names of other organisations, offices and places (Caritas, Jobcenter,
    /// Rathaus). A question that names one of them and nothing of the network is about
    /// that subject, not about widunetz ([`crate::decide`]).
    pub names: Vec<Phrase>,
}

fn problem(severity: Severity, location: Location, message: String) -> Problem {
    Problem {
        severity,
        location,
        subject: None,
        message,
    }
}

/// A TOML syntax or schema error at its line, with the line's text.
pub(crate) fn toml_problem(
    path: &Path,
    src: &str,
    lines: &LineIndex<'_>,
    e: &toml::de::Error,
) -> Problem {
    let at = match e.span() {
        Some(s) => lines.location(path, s.start),
        None => Location::file(path),
    };
    let line_text = at
        .line
        .and_then(|l| src.lines().nth(l - 1))
        .map(str::trim)
        .unwrap_or("");
    let msg = e.message().trim().replace('\n', "; ");
    let message = if line_text.is_empty() {
        format!("TOML syntax: {msg}")
    } else {
        format!("TOML syntax: {msg} (in: {line_text})")
    };
    problem(Severity::Error, at, message)
}

/// Checks one list of phrases (`lang = [...]`) and appends the good ones to `out`.
fn phrases(
    path: &Path,
    lines: &LineIndex<'_>,
    lang: &str,
    list: RawList,
    what: &str,
    out: &mut Vec<Phrase>,
    problems: &mut Vec<Problem>,
) {
    let list_at = lines.location(path, list.span().start);
    if !valid_lang(lang) {
        problems.push(problem(
            Severity::Error,
            list_at,
            format!("unknown language code {lang:?} in {what}: use a code like de, tr, ru, ar"),
        ));
        return;
    }
    for p in list.into_inner() {
        let at = lines.location(path, p.span().start);
        let line = at.line.unwrap_or(0);
        let text = p.into_inner();
        if text.trim().is_empty() {
            problems.push(problem(
                Severity::Error,
                at,
                format!("empty text in {what} ({lang}): remove it"),
            ));
            continue;
        }
        if let Some(prev) = out
            .iter()
            .find(|q| q.lang == lang && q.text.trim().to_lowercase() == text.trim().to_lowercase())
        {
            problems.push(problem(
                Severity::Warning,
                at,
                format!(
                    "{text:?} ({lang}) is written twice in {what} (also at line {}): remove one",
                    prev.line
                ),
            ));
            continue;
        }
        out.push(Phrase {
            lang: lang.to_string(),
            text,
            file: path.to_path_buf(),
            line,
        });
    }
}

/// Reads a `synonyms.toml`. Returns the groups that could be read and every problem.
pub fn load_synonyms(path: &Path, src: &str) -> (Vec<SynonymGroup>, Vec<Problem>) {
    let lines = LineIndex::new(src);
    let mut problems = Vec::new();
    let raw: RawSynonyms = match toml::from_str(src) {
        Ok(r) => r,
        Err(e) => return (Vec::new(), vec![toml_problem(path, src, &lines, &e)]),
    };
    let mut groups = Vec::new();
    for g in raw.synonyms {
        // The span of an array-of-tables element starts at its `[[synonyms]]` header.
        let at = lines.location(path, g.span().start);
        let line = at.line.unwrap_or(1);
        let mut members = Vec::new();
        for (lang, list) in g.into_inner() {
            let mut own = Vec::new();
            phrases(
                path,
                &lines,
                &lang,
                list,
                "this synonym group",
                &mut own,
                &mut problems,
            );
            members.extend(own);
        }
        let most_in_one_lang = members
            .iter()
            .map(|m| members.iter().filter(|o| o.lang == m.lang).count())
            .max()
            .unwrap_or(0);
        if most_in_one_lang < 2 {
            problems.push(problem(
                Severity::Warning,
                at,
                "synonym group without two words of one language does nothing: a group joins words of the same language".into(),
            ));
        }
        if !members.is_empty() {
            groups.push(SynonymGroup {
                members,
                file: path.to_path_buf(),
                line,
            });
        }
    }
    (groups, problems)
}

/// Reads an `out-of-scope.toml`. Returns what could be read and every problem.
pub fn load_out_of_scope(path: &Path, src: &str) -> (OutOfScope, Vec<Problem>) {
    let lines = LineIndex::new(src);
    let mut problems = Vec::new();
    let raw: RawOutOfScope = match toml::from_str(src) {
        Ok(r) => r,
        Err(e) => {
            return (
                OutOfScope::default(),
                vec![toml_problem(path, src, &lines, &e)],
            );
        }
    };
    let mut out = OutOfScope::default();
    for (lang, list) in raw.questions {
        phrases(
            path,
            &lines,
            &lang,
            list,
            "the out-of-scope questions",
            &mut out.questions,
            &mut problems,
        );
    }
    for (lang, list) in raw.names {
        phrases(
            path,
            &lines,
            &lang,
            list,
            "the names of other subjects",
            &mut out.names,
            &mut problems,
        );
    }
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> PathBuf {
        PathBuf::from("faq/x.toml")
    }

    #[test]
    fn reads_synonym_groups_with_lines() {
        let src = "# c\n[[synonyms]]\nde = [\"gegründet\", \"ins Leben gerufen\"]\ntr = [\n  \"kuruldu\",\n  \"kuruluş\",\n]\n\n[[synonyms]]\nru = [\"деньги\", \"финансы\"]\n";
        let (groups, problems) = load_synonyms(&p(), src);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(groups.len(), 2);
        let g = &groups[0];
        assert_eq!(g.in_lang("de").count(), 2);
        let kurulus = g
            .members
            .iter()
            .find(|m| m.text == "kuruluş")
            .expect("member");
        assert_eq!(kurulus.line, 6);
        assert_eq!(groups[1].members[0].line, 10);
    }

    #[test]
    fn synonym_errors_have_lines() {
        let src = "[[synonyms]]\nde = [\"a\", \"\"]\nxx_1 = [\"b\", \"c\"]\n[[synonyms]]\nde = [\"nur eins\"]\n";
        let (groups, problems) = load_synonyms(&p(), src);
        let msgs: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("x.toml:2") && m.contains("empty")),
            "{msgs:#?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("x.toml:3") && m.contains("unknown language")),
            "{msgs:#?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("x.toml:4") && m.contains("does nothing")),
            "{msgs:#?}"
        );
        assert_eq!(groups.len(), 2, "groups with readable members stay");
    }

    #[test]
    fn synonym_syntax_and_schema_errors() {
        let (_, problems) = load_synonyms(&p(), "[[synonyms]]\nde = [\"a\" \"b\"]\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("TOML syntax"),
            "{}",
            problems[0]
        );
        assert_eq!(problems[0].location.line, Some(2), "{}", problems[0]);
        let (_, problems) = load_synonyms(&p(), "[[synonym]]\nde = [\"a\", \"b\"]\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].location.line.is_some(), "{}", problems[0]);
        let (_, problems) = load_synonyms(&p(), "[[synonyms]]\nde = \"a\"\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].location.line, Some(2), "{}", problems[0]);
    }

    #[test]
    fn reads_names_of_other_subjects() {
        let src = "[questions]\nde = [\"Telefonnummer vom Jobcenter\"]\n\n[names]\nde = [\n  \"Caritas\",\n  \"Rotes Kreuz\",\n]\nru = [\"Каритас\", \"\"]\n";
        let (oos, problems) = load_out_of_scope(&p(), src);
        assert_eq!(oos.questions.len(), 1);
        let names: Vec<(&str, &str, usize)> = oos
            .names
            .iter()
            .map(|n| (n.lang.as_str(), n.text.as_str(), n.line))
            .collect();
        assert_eq!(
            names,
            [
                ("de", "Caritas", 6),
                ("de", "Rotes Kreuz", 7),
                ("ru", "Каритас", 9)
            ]
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].to_string().contains("x.toml:9"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn reads_out_of_scope_questions() {
        let src = "[questions]\nde = [\n  \"Wann wurde die Stadt Bünde gegründet?\",\n  \"Telefonnummer vom Jobcenter\",\n]\ntr = [\"Jobcenter'ın telefon numarası\"]\n";
        let (oos, problems) = load_out_of_scope(&p(), src);
        let qs = oos.questions;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(qs.len(), 3);
        assert_eq!(qs[0].line, 3);
        assert_eq!(qs[1].line, 4);
        assert_eq!((qs[2].lang.as_str(), qs[2].line), ("tr", 6));
    }

    #[test]
    fn out_of_scope_errors_have_lines() {
        let src = "[questions]\nde = [\"a\", \" \", \"A\"]\n\"q!r\" = [\"b\"]\n";
        let (oos, problems) = load_out_of_scope(&p(), src);
        let qs = oos.questions;
        let msgs: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 3, "{msgs:#?}");
        assert!(msgs.iter().all(|m| m.contains("x.toml:")), "{msgs:#?}");
        assert!(msgs.iter().any(|m| m.contains("twice")), "{msgs:#?}");
        assert_eq!(qs.len(), 1);
        let (_, problems) = load_out_of_scope(&p(), "[question]\nde = [\"a\"]\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].location.line, Some(1), "{}", problems[0]);
    }
}
