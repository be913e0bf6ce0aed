//! `faq/*.toml`: entries (`[[entry]]`) and small talk (`[[smalltalk]]`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::lexicon::{self, Phrase, SynonymGroup};
use super::{files_with_ext, read};
use crate::error::{Error, Location, Problem};
use crate::ids::{EntryId, TopicId};

/// One FAQ entry after validation.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: EntryId,
    pub topic: TopicId,
    /// Entries offered under the answer, as written; an id that names no entry is a load
    /// problem and is skipped where the list is shown.
    pub related: Vec<EntryId>,
    /// Question variants per language code.
    pub questions: BTreeMap<String, Vec<String>>,
    /// Line of each question variant, parallel to `questions`.
    pub question_lines: BTreeMap<String, Vec<usize>>,
    pub review_by: Option<String>,
    pub review_by_line: usize,
    pub file: PathBuf,
    pub line: usize,
}

/// Small talk: a kind (`hello`, `thanks`, …) answered by the Fluent message
/// `smalltalk-<kind>` (`help` is answered by `help`).
#[derive(Debug, Clone)]
pub struct SmallTalk {
    pub kind: String,
    pub phrases: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default)]
pub struct Faq {
    pub entries: Vec<Entry>,
    pub smalltalk: Vec<SmallTalk>,
    /// Topics in order of first appearance.
    pub topics: Vec<TopicId>,
    /// Synonym groups from `synonyms.toml` ([`super::lexicon`]).
    pub synonyms: Vec<SynonymGroup>,
    /// Questions that must get the no-match reply, from `out-of-scope.toml`.
    pub out_of_scope: Vec<Phrase>,
    /// Names of other organisations, offices and places, from `out-of-scope.toml`.
    pub other_names: Vec<Phrase>,
    /// Entry id → index into `entries` (ids are unique; the loader refuses duplicates).
    index: HashMap<EntryId, usize>,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    entry: Vec<Spanned<RawEntry>>,
    #[serde(default)]
    smalltalk: Vec<RawSmallTalk>,
}

#[derive(Deserialize)]
struct RawEntry {
    id: Option<Spanned<String>>,
    topic: Option<Spanned<String>>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    questions: Option<BTreeMap<String, Vec<Spanned<String>>>>,
    review_by: Option<toml::Value>,
}

#[derive(Deserialize)]
struct RawSmallTalk {
    kind: String,
    #[serde(default)]
    phrases: BTreeMap<String, Vec<String>>,
}

/// Longest entry or topic id: Telegram's callback data holds 64 bytes, and the longest button
/// (`f:+:<id>:<lang>`) adds up to 24 bytes for the prefix and the longest language code
/// (`conversation::action` tests that every button with such an id fits).
pub const MAX_ID_LEN: usize = 40;

/// Is `id` of the form `[a-z0-9-]+`?
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Is `code` a plausible language code (`de`, `tr`, `pt-BR`)?
pub fn valid_lang(code: &str) -> bool {
    code.parse::<unic_langid::LanguageIdentifier>().is_ok()
}

impl Faq {
    /// Loads every `*.toml` under `dir`: `synonyms.toml` and `out-of-scope.toml` in their own
    /// formats ([`super::lexicon`]), every other file as entries and small talk. Returns the
    /// FAQ and all problems found; the FAQ holds every entry that could be read, so one broken
    /// entry does not hide the others.
    pub fn load(dir: &Path) -> Result<(Faq, Vec<Problem>), Error> {
        let mut faq = Faq::default();
        let mut problems = Vec::new();
        let mut seen: HashMap<EntryId, (PathBuf, usize)> = HashMap::new();
        // (file, entry, line, related id as written): checked once every entry is known.
        let mut related_refs: Vec<(PathBuf, EntryId, usize, String)> = Vec::new();
        for path in files_with_ext(dir, "toml")? {
            let src = read(&path)?;
            if path
                .file_name()
                .is_some_and(|n| n == lexicon::SYNONYMS_FILE)
            {
                let (groups, p) = lexicon::load_synonyms(&path, &src);
                faq.synonyms.extend(groups);
                problems.extend(p);
                continue;
            }
            if path
                .file_name()
                .is_some_and(|n| n == lexicon::OUT_OF_SCOPE_FILE)
            {
                let (oos, p) = lexicon::load_out_of_scope(&path, &src);
                faq.out_of_scope.extend(oos.questions);
                faq.other_names.extend(oos.names);
                problems.extend(p);
                continue;
            }
            let lines = crate::error::LineIndex::new(&src);
            let at_span = |s: Option<std::ops::Range<usize>>| match s {
                Some(s) => lines.location(&path, s.start),
                None => Location::file(&path),
            };
            let raw: RawFile = match toml::from_str(&src) {
                Ok(r) => r,
                Err(e) => {
                    let line_text = e
                        .span()
                        .map(|s| {
                            let (l, _) = lines.line_col(s.start);
                            src.lines().nth(l - 1).unwrap_or("").trim().to_string()
                        })
                        .unwrap_or_default();
                    let msg = e.message().trim().to_string();
                    let msg = if line_text.is_empty() {
                        format!("TOML syntax: {msg}")
                    } else {
                        format!("TOML syntax: {msg} (in: {line_text})")
                    };
                    problems.push(Problem::error(at_span(e.span()), None, msg));
                    continue;
                }
            };
            for sp in raw.entry {
                let entry_span = sp.span();
                let r = sp.into_inner();
                let at =
                    |s: Option<std::ops::Range<usize>>| at_span(s.or(Some(entry_span.clone())));
                let Some(id) = r.id else {
                    problems.push(Problem::error(
                        at(None),
                        None,
                        "entry without `id`: add id = \"some-name\"",
                    ));
                    continue;
                };
                let id_span = id.span();
                let id = id.into_inner();
                let Some(id) = EntryId::new(id.as_str()) else {
                    problems.push(Problem::error(
                        at(Some(id_span.clone())),
                        Some(&id),
                        "id must use only a-z, 0-9 and - (e.g. \"core-group\")",
                    ));
                    continue;
                };
                let id_len = id.as_str().len();
                if id_len > MAX_ID_LEN {
                    problems.push(Problem::error(
                        at(Some(id_span.clone())),
                        Some(id.as_str()),
                        format!(
                            "id is {id_len} characters long; at most {MAX_ID_LEN} fit into a Telegram button"
                        ),
                    ));
                    continue;
                }
                let line = at(Some(id_span.clone())).line.unwrap_or(0);
                if let Some((f, l)) = seen.get(&id) {
                    problems.push(Problem::error(
                        at(Some(id_span)),
                        Some(id.as_str()),
                        format!(
                            "duplicate id: already used in {}:{l}; ids must be unique",
                            f.display()
                        ),
                    ));
                    continue;
                }
                seen.insert(id.clone(), (path.clone(), line));
                let Some(topic) = r.topic else {
                    problems.push(Problem::error(
                        at(None),
                        Some(id.as_str()),
                        "entry without `topic`: add topic = \"…\"",
                    ));
                    continue;
                };
                let topic_span = topic.span();
                let Some(topic) = TopicId::new(topic.into_inner()) else {
                    problems.push(Problem::error(
                        at(Some(topic_span)),
                        Some(id.as_str()),
                        "topic must use only a-z, 0-9 and -",
                    ));
                    continue;
                };
                if topic.as_str().len() > MAX_ID_LEN {
                    // Its button (`t:<topic>`) would not fit, and Telegram refuses a whole
                    // message with a button too long: /start, /topics and every no-match reply.
                    problems.push(Problem::error(
                        at(Some(topic_span)),
                        Some(id.as_str()),
                        format!(
                            "topic {:?} is {} characters long; at most {MAX_ID_LEN} fit into a Telegram button",
                            topic.as_str(),
                            topic.as_str().len()
                        ),
                    ));
                    continue;
                }
                let mut questions = BTreeMap::new();
                let mut question_lines = BTreeMap::new();
                for (lang, qs) in r.questions.unwrap_or_default() {
                    if !valid_lang(&lang) {
                        problems.push(Problem::error(
                            at(qs.first().map(|q| q.span())),
                            Some(id.as_str()),
                            format!("unknown language code {lang:?} in [entry.questions]"),
                        ));
                        continue;
                    }
                    let mut list = Vec::new();
                    let mut lines = Vec::new();
                    for q in qs {
                        if q.get_ref().trim().is_empty() {
                            problems.push(Problem::error(
                                at(Some(q.span())),
                                Some(id.as_str()),
                                format!("empty question in {lang}"),
                            ));
                        } else {
                            lines.push(at(Some(q.span())).line.unwrap_or(line));
                            list.push(q.into_inner());
                        }
                    }
                    question_lines.insert(lang.clone(), lines);
                    questions.insert(lang, list);
                }
                if questions.get("de").is_none_or(|q| q.is_empty()) {
                    problems.push(Problem::error(
                        at(None),
                        Some(id.as_str()),
                        "no German questions: [entry.questions] needs de = [\"…\"]",
                    ));
                }
                for rel in &r.related {
                    let l = at_span(Some(rel.span())).line.unwrap_or(line);
                    related_refs.push((path.clone(), id.clone(), l, rel.get_ref().clone()));
                }
                if !faq.topics.contains(&topic) {
                    faq.topics.push(topic.clone());
                }
                faq.entries.push(Entry {
                    id,
                    topic,
                    related: (r.related.into_iter())
                        .filter_map(|rel| EntryId::new(rel.into_inner()))
                        .collect(),
                    questions,
                    question_lines,
                    // Spanned<Value> loses TOML dates, so find the key's line in the entry.
                    review_by_line: r
                        .review_by
                        .as_ref()
                        .and_then(|_| {
                            src[entry_span.start.min(src.len())..]
                                .find("review_by")
                                .map(|off| lines.line_col(entry_span.start + off).0)
                        })
                        .unwrap_or(line),
                    review_by: r.review_by.map(value_text),
                    file: path.clone(),
                    line,
                });
            }
            for st in raw.smalltalk {
                if valid_id(&st.kind) {
                    faq.smalltalk.push(SmallTalk {
                        kind: st.kind,
                        phrases: st.phrases,
                    });
                } else {
                    problems.push(Problem::error(
                        at_span(None),
                        Some(&st.kind),
                        "small-talk kind must use only a-z, 0-9 and -",
                    ));
                }
            }
        }
        for (path, id, line, rel) in related_refs {
            if !EntryId::new(rel.as_str()).is_some_and(|r| seen.contains_key(&r)) {
                problems.push(Problem::error(
                    Location::at_line(path, Some(line)),
                    Some(id.as_str()),
                    format!("related id {rel:?} does not exist"),
                ));
            }
        }
        if faq.entries.is_empty() && problems.is_empty() {
            problems.push(Problem::error(
                Location::file(dir),
                None,
                "no FAQ entries found: add *.toml files with [[entry]] tables",
            ));
        }
        faq.index = (faq.entries.iter().enumerate())
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Ok((faq, problems))
    }

    pub fn entry(&self, id: &EntryId) -> Option<&Entry> {
        self.entries.get(self.position(id)?)
    }

    /// Where the entry `id` is in [`Faq::entries`].
    pub fn position(&self, id: &EntryId) -> Option<usize> {
        self.index.get(id).copied()
    }
}

/// A TOML value as text: strings as they are, dates as `YYYY-MM-DD`. Inside `Spanned`
/// a TOML date arrives as toml's private datetime table, so that is unwrapped here.
fn value_text(v: toml::Value) -> String {
    match v {
        toml::Value::String(s) => s,
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Table(t) => match t.get("$__toml_private_datetime") {
            Some(toml::Value::String(s)) => s.clone(),
            _ => toml::Value::Table(t).to_string(),
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(files: &[(&str, &str)]) -> (Faq, Vec<Problem>) {
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, body) in files {
            std::fs::write(dir.path().join(name), body).expect("write");
        }
        Faq::load(dir.path()).expect("load")
    }

    #[test]
    fn reads_entries() {
        let (faq, problems) = load_str(&[(
            "a.toml",
            "[[entry]]\nid = \"x\"\ntopic = \"t\"\n[entry.questions]\nde = [\"Frage?\"]\ntr = [\"Soru?\"]\n",
        )]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(faq.entries.len(), 1);
        assert_eq!(faq.entries[0].questions["tr"], vec!["Soru?".to_string()]);
    }

    #[test]
    fn synonyms_and_out_of_scope_are_not_entries() {
        let entry = "[[entry]]\nid = \"x\"\ntopic = \"t\"\n[entry.questions]\nde = [\"Frage?\"]\n";
        let (faq, problems) = load_str(&[
            ("a.toml", entry),
            (
                "synonyms.toml",
                "[[synonyms]]\nde = [\"Geldgeber\", \"Sponsor\"]\n",
            ),
            (
                "out-of-scope.toml",
                "[questions]\nde = [\"Telefonnummer vom Jobcenter\"]\n",
            ),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(faq.entries.len(), 1);
        assert_eq!(faq.synonyms.len(), 1);
        assert_eq!(faq.synonyms[0].members.len(), 2);
        assert_eq!(faq.out_of_scope.len(), 1);
        assert_eq!(faq.out_of_scope[0].line, 2);
    }

    #[test]
    fn broken_lexicon_files_do_not_hide_entries() {
        let entry = "[[entry]]\nid = \"x\"\ntopic = \"t\"\n[entry.questions]\nde = [\"Frage?\"]\n";
        let (faq, problems) = load_str(&[
            ("a.toml", entry),
            ("synonyms.toml", "[[synonyms]]\nde = [\"a\" \"b\"]\n"),
            ("out-of-scope.toml", "[questions]\nde = [\"ok\", \"\"]\n"),
        ]);
        let msgs: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 2, "{msgs:#?}");
        assert!(
            msgs.iter().any(|m| m.contains("synonyms.toml:2")),
            "{msgs:#?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("out-of-scope.toml:2")),
            "{msgs:#?}"
        );
        assert_eq!(faq.entries.len(), 1);
        assert_eq!(faq.out_of_scope.len(), 1);
    }

    #[test]
    fn syntax_error_has_line() {
        let (_, problems) = load_str(&[("bad.toml", "[[entry]]\nid = \"x\ntopic = \"t\"\n")]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].location.line, Some(2), "{}", problems[0]);
    }

    #[test]
    fn schema_errors_are_all_reported() {
        let (faq, problems) = load_str(&[(
            "a.toml",
            concat!(
                "[[entry]]\nid = \"Bad Id\"\ntopic = \"t\"\n[entry.questions]\nde = [\"a\"]\n",
                "[[entry]]\nid = \"ok\"\ntopic = \"t\"\nrelated = [\"missing\"]\n[entry.questions]\nde = [\"a\"]\n",
                "[[entry]]\nid = \"ok\"\ntopic = \"t\"\n[entry.questions]\nde = [\"b\"]\n",
                "[[entry]]\nid = \"nde\"\ntopic = \"t\"\n[entry.questions]\ntr = [\"b\"]\n",
            ),
        )]);
        let msgs: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 4, "{msgs:#?}");
        assert!(
            msgs.iter().any(|m| m.contains(":2:") && m.contains("a-z")),
            "{msgs:#?}"
        );
        assert!(msgs.iter().any(|m| m.contains("duplicate id")), "{msgs:#?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("\"missing\" does not exist")),
            "{msgs:#?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("no German questions")),
            "{msgs:#?}"
        );
        assert_eq!(faq.entries.len(), 2, "valid entries are still loaded");
    }

    #[test]
    fn ids_fit_into_telegram_buttons() {
        let long = "a".repeat(MAX_ID_LEN + 1);
        let (faq, problems) = load_str(&[(
            "a.toml",
            &format!(
                "[[entry]]\nid = \"{long}\"\ntopic = \"t\"\n[entry.questions]\nde = [\"a\"]\n"
            ),
        )]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("Telegram button"),
            "{}",
            problems[0]
        );
        assert!(faq.entries.is_empty());
        // That the longest accepted id fits every button the bot builds with it is checked
        // on the real encoding: conversation::action
        // `a_topic_id_too_long_for_a_button_is_refused_not_sent`.
    }
}
