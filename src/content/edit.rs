//! Editing `faq/*.toml` in place: a question variant added to an entry
//! ([`add_question`]) or an example to `faq/out-of-scope.toml` ([`add_out_of_scope`]).
//!
//! The file is edited as a TOML *document* (`toml_edit`), never rewritten from a struct, so
//! every comment, the order of entries and keys and the layout stay as the volunteer wrote
//! them; the new line copies the indentation of the list it joins.
//!
//! Two edits at once (two admins tapping, the bot and a volunteer's terminal, or a text
//! editor saving) must neither corrupt a file nor lose an edit:
//! - writers of this crate take an exclusive lock ([`LOCK_FILE`] in the FAQ folder), so they
//!   take turns;
//! - the new text goes to a temporary file in the same folder that is then renamed over the
//!   old one, so a reader (the live reload, an editor) sees the old file or the new one,
//!   never half of one;
//! - right before the rename the file is read again: if someone else (a text editor, which
//!   takes no lock) changed it since it was read, the edit is applied again to what is there
//!   now.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, Item, Table, Value};

use super::faq::valid_lang;
use super::files_with_ext;

/// The lock file in the FAQ folder that writers of this crate hold while they edit. Its name
/// starts with a dot and does not end in `.toml`: neither the loader nor the watcher read it.
pub const LOCK_FILE: &str = ".edit.lock";

/// The out-of-scope examples, in the FAQ folder (CONTRACT.md).
pub use super::lexicon::OUT_OF_SCOPE_FILE;

/// Longest question accepted (people's questions are shorter; a pasted letter is not a
/// question variant).
pub const MAX_QUESTION_CHARS: usize = 300;

/// How often an edit is applied again when the file keeps changing underneath.
const ATTEMPTS: usize = 5;

/// Where a question goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A question variant of this entry.
    Entry(String),
    /// An example in `faq/out-of-scope.toml`.
    OutOfScope,
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub file: PathBuf,
    /// `false`: the question was already in the list (nothing written).
    pub written: bool,
    /// The question as written (white space collapsed).
    pub question: String,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("no entry with id {0:?} in any faq/*.toml file")]
    UnknownEntry(String),
    #[error("{0:?} is not a language code")]
    BadLang(String),
    #[error("the question is empty")]
    EmptyQuestion,
    #[error("the question is {0} characters long; at most {MAX_QUESTION_CHARS} are accepted")]
    TooLong(usize),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not valid TOML ({message}); fix it first, nothing was written")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: {message}; nothing was written")]
    Shape { path: PathBuf, message: String },
    #[error("{path} kept changing while it was being edited; nothing was written, try again")]
    Contended { path: PathBuf },
    /// The content list (the FAQ folder) could not be read.
    #[error(transparent)]
    Content(#[from] crate::error::Error),
}

/// The question as it is written: trimmed, white space (also line breaks) collapsed.
pub fn clean_question(question: &str) -> Result<String, EditError> {
    let q = question.split_whitespace().collect::<Vec<_>>().join(" ");
    if q.is_empty() {
        return Err(EditError::EmptyQuestion);
    }
    let n = q.chars().count();
    if n > MAX_QUESTION_CHARS {
        return Err(EditError::TooLong(n));
    }
    Ok(q)
}

/// Adds `question` to `[entry.questions]` of entry `entry`, language `lang`, in the file of
/// `faq_dir` where the entry lives.
pub fn add_question(
    faq_dir: &Path,
    entry: &str,
    lang: &str,
    question: &str,
) -> Result<Edited, EditError> {
    edit(
        faq_dir,
        &Target::Entry(entry.to_string()),
        lang,
        question,
        &mut |_| {},
    )
}

/// Adds `question` to `[questions]` of `faq_dir/out-of-scope.toml` (created if missing).
pub fn add_out_of_scope(faq_dir: &Path, lang: &str, question: &str) -> Result<Edited, EditError> {
    edit(faq_dir, &Target::OutOfScope, lang, question, &mut |_| {})
}

/// Adds `question` to `target`. `before_rename` runs after the new text is ready and before
/// the file is checked again and replaced (tests use it to change the file underneath).
pub fn edit(
    faq_dir: &Path,
    target: &Target,
    lang: &str,
    question: &str,
    before_rename: &mut dyn FnMut(&Path),
) -> Result<Edited, EditError> {
    if !valid_lang(lang) || lang.contains(['.', ' ', '"']) {
        return Err(EditError::BadLang(lang.to_string()));
    }
    let question = clean_question(question)?;
    let _lock = lock(faq_dir)?;
    for _ in 0..ATTEMPTS {
        let (path, before) = match target {
            Target::Entry(id) => find_entry(faq_dir, id)?,
            Target::OutOfScope => {
                let path = out_of_scope_path(faq_dir)?;
                let text = match std::fs::read_to_string(&path) {
                    Ok(t) => t,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                    Err(source) => return Err(EditError::Io { path, source }),
                };
                (path, text)
            }
        };
        let new = apply(&path, &before, target, lang, &question)?;
        let Some(new) = new else {
            return Ok(Edited {
                file: path,
                written: false,
                question,
            });
        };
        before_rename(&path);
        // Changed underneath (a text editor saved meanwhile): apply again to what is there.
        let now = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => return Err(EditError::Io { path, source }),
        };
        if now != before {
            continue;
        }
        replace(&path, &new)?;
        return Ok(Edited {
            file: path,
            written: true,
            question,
        });
    }
    Err(EditError::Contended {
        path: match target {
            Target::Entry(_) => faq_dir.to_path_buf(),
            Target::OutOfScope => out_of_scope_path(faq_dir)?,
        },
    })
}

/// The out-of-scope file: where the loader finds it (by name, anywhere under the FAQ
/// folder), else a new one at the top of the folder.
fn out_of_scope_path(faq_dir: &Path) -> Result<PathBuf, EditError> {
    Ok(files_with_ext(faq_dir, "toml")?
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n == OUT_OF_SCOPE_FILE))
        .unwrap_or_else(|| faq_dir.join(OUT_OF_SCOPE_FILE)))
}

/// Holds the FAQ folder's edit lock until dropped (the lock goes with the file handle).
struct Lock(#[allow(dead_code)] File);

fn lock(faq_dir: &Path) -> Result<Lock, EditError> {
    let path = faq_dir.join(LOCK_FILE);
    let io = |source| EditError::Io {
        path: path.clone(),
        source,
    };
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io)?;
    f.lock().map_err(io)?;
    Ok(Lock(f))
}

/// The file that holds entry `id`, with its text.
fn find_entry(faq_dir: &Path, id: &str) -> Result<(PathBuf, String), EditError> {
    let entry_files = files_with_ext(faq_dir, "toml")?
        .into_iter()
        .filter(|p| p.file_name().is_none_or(|n| n != OUT_OF_SCOPE_FILE));
    for path in entry_files {
        let text = std::fs::read_to_string(&path).map_err(|source| EditError::Io {
            path: path.clone(),
            source,
        })?;
        // A broken file cannot hold the entry as far as the bot knows; it is reported when
        // it is the one to edit.
        let Ok(doc) = text.parse::<DocumentMut>() else {
            if text.contains(id) {
                return Err(parse_error(&path, &text));
            }
            continue;
        };
        if entry_table(&doc, id).is_some() {
            return Ok((path, text));
        }
    }
    Err(EditError::UnknownEntry(id.to_string()))
}

fn parse_error(path: &Path, text: &str) -> EditError {
    let message = match text.parse::<DocumentMut>() {
        Err(e) => e.message().trim().to_string(),
        Ok(_) => "unexpected".into(),
    };
    EditError::Parse {
        path: path.to_path_buf(),
        message,
    }
}

fn entry_table<'a>(doc: &'a DocumentMut, id: &str) -> Option<&'a Table> {
    doc.get("entry")?
        .as_array_of_tables()?
        .iter()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
}

/// The new text of the file, or `None` when the question is already there.
fn apply(
    path: &Path,
    text: &str,
    target: &Target,
    lang: &str,
    question: &str,
) -> Result<Option<String>, EditError> {
    // A missing out-of-scope file starts with a comment that says what it is for.
    let start = if *target == Target::OutOfScope && text.trim().is_empty() {
        OUT_OF_SCOPE_START
    } else {
        text
    };
    let mut doc: DocumentMut = start.parse().map_err(|_| parse_error(path, start))?;
    let shape = |message: String| EditError::Shape {
        path: path.to_path_buf(),
        message,
    };
    let questions: &mut Item = match target {
        Target::Entry(id) => {
            let table = doc
                .get_mut("entry")
                .and_then(Item::as_array_of_tables_mut)
                .and_then(|a| {
                    a.iter_mut()
                        .find(|t| t.get("id").and_then(Item::as_str) == Some(id.as_str()))
                })
                .ok_or_else(|| EditError::UnknownEntry(id.clone()))?;
            table.entry("questions").or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(false);
                Item::Table(t)
            })
        }
        Target::OutOfScope => doc
            .entry("questions")
            .or_insert_with(|| Item::Table(Table::new())),
    };
    let list = questions
        .as_table_like_mut()
        .ok_or_else(|| shape("`questions` is not a table".into()))?;
    match list.get_mut(lang) {
        Some(item) => {
            let arr = item
                .as_array_mut()
                .ok_or_else(|| shape(format!("`{lang}` under questions is not a list")))?;
            let same = |v: &Value| {
                v.as_str()
                    .is_some_and(|s| s.trim().to_lowercase() == question.to_lowercase())
            };
            if arr.iter().any(same) {
                return Ok(None);
            }
            push_like(arr, question);
        }
        None => {
            let mut arr = Array::new();
            arr.push(question);
            if multi_line_lists(list) {
                if let Some(v) = arr.get_mut(0) {
                    v.decor_mut().set_prefix("\n    ");
                }
                arr.set_trailing_comma(true);
                arr.set_trailing("\n");
            }
            list.insert(lang, Item::Value(Value::Array(arr)));
        }
    }
    Ok(Some(doc.to_string()))
}

const OUT_OF_SCOPE_START: &str = "# Questions the bot must NOT answer with an entry: a question closer to one of these than\n\
# to any entry gets the no-match reply (see docs/volunteers.md).\n\n[questions]\n";

/// Do the other language lists of this table have one question per line?
fn multi_line_lists(list: &dyn toml_edit::TableLike) -> bool {
    list.iter().any(|(_, item)| {
        item.as_array()
            .and_then(|a| a.iter().next())
            .and_then(|v| v.decor().prefix())
            .and_then(|p| p.as_str())
            .is_some_and(|p| p.contains('\n'))
    })
}

/// Appends `text` to `arr` in the array's own style: one per line with the indentation of
/// the last line (a comment before the closing bracket stays above the new line), or on one
/// line.
fn push_like(arr: &mut Array, text: &str) {
    let prefix_of = |v: &Value| {
        v.decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string()
    };
    let multi_line = arr.iter().any(|v| prefix_of(v).contains('\n'));
    if !multi_line {
        arr.push(text);
        return;
    }
    let last_prefix = arr.iter().last().map(prefix_of).unwrap_or_default();
    let indent: String = last_prefix
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let indent = if indent.is_empty() {
        "    ".to_string()
    } else {
        indent
    };
    let trailing = arr.trailing().as_str().unwrap_or("\n").to_string();
    let (head, tail) = trailing
        .rsplit_once('\n')
        .unwrap_or(("", trailing.as_str()));
    let mut v = Value::from(text);
    v.decor_mut().set_prefix(format!("{head}\n{indent}"));
    v.decor_mut().set_suffix("");
    arr.push_formatted(v);
    arr.set_trailing_comma(true);
    arr.set_trailing(format!("\n{tail}"));
}

/// Writes `text` to a temporary file next to `path` and renames it over `path`, keeping the
/// file's permissions.
fn replace(path: &Path, text: &str) -> Result<(), EditError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    // Not `*.toml`: the loader and the watcher skip it until it is renamed.
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| EditError::Io { path: p, source }
    };
    let result = (|| {
        let mut f = File::create(&tmp).map_err(io(&tmp))?;
        f.write_all(text.as_bytes()).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions()).map_err(io(&tmp))?;
        }
        std::fs::rename(&tmp, path).map_err(io(path))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Header comment\n\n[[entry]]\nid = \"a\"   # the first\ntopic = \"t\"\n\n[entry.questions]\nde = [\n    \"Erste Frage?\",\n    # a group comment\n    \"Zweite Frage?\",  # trailing note\n]\ntr = [\"Bir?\", \"İki?\"]\n\n[[entry]]\nid = \"b\"\ntopic = \"t\"\n[entry.questions]\nde = [\"B?\"]\n";

    fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let d = tempfile::tempdir().expect("tmp");
        for (name, text) in files {
            std::fs::write(d.path().join(name), text).expect("write");
        }
        d
    }

    fn read(d: &tempfile::TempDir, name: &str) -> String {
        std::fs::read_to_string(d.path().join(name)).expect("read")
    }

    #[test]
    fn adds_a_line_in_the_lists_own_style_and_keeps_the_rest() {
        let d = dir_with(&[("x.toml", FILE)]);
        let e = add_question(d.path(), "a", "de", "  Dritte\n Frage?  ").expect("add");
        assert!(e.written);
        assert_eq!(e.question, "Dritte Frage?");
        let want = FILE.replace(
            "    \"Zweite Frage?\",  # trailing note\n]",
            "    \"Zweite Frage?\",  # trailing note\n    \"Dritte Frage?\",\n]",
        );
        assert_eq!(read(&d, "x.toml"), want);
        // One-line lists stay on one line; a new language gets its own list.
        add_question(d.path(), "a", "tr", "Üç?").expect("add");
        add_question(d.path(), "b", "ru", "Вопрос \"в кавычках\"?").expect("add");
        let text = read(&d, "x.toml");
        assert!(
            text.contains("tr = [\"Bir?\", \"İki?\", \"Üç?\"]"),
            "{text}"
        );
        assert!(text.contains("# the first") && text.contains("# Header comment"));
        let v: toml::Value = toml::from_str(&text).expect("still TOML");
        assert_eq!(
            v["entry"][1]["questions"]["ru"][0].as_str(),
            Some("Вопрос \"в кавычках\"?")
        );
        assert!(
            !std::fs::read_dir(d.path()).expect("ls").any(|e| e
                .expect("e")
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")),
            "no temporary file left"
        );
    }

    #[test]
    fn the_same_question_again_writes_nothing() {
        let d = dir_with(&[("x.toml", FILE)]);
        let e = add_question(d.path(), "a", "de", "erste frage?").expect("add");
        assert!(!e.written);
        assert_eq!(read(&d, "x.toml"), FILE);
    }

    #[test]
    fn refusals_write_nothing() {
        let d = dir_with(&[("x.toml", FILE)]);
        for (entry, lang, q) in [
            ("nope", "de", "Frage?"),
            ("a", "d e", "Frage?"),
            ("a", "de", "  \n "),
            ("a", "de", &"x".repeat(MAX_QUESTION_CHARS + 1)),
        ] {
            assert!(
                add_question(d.path(), entry, lang, q).is_err(),
                "{entry} {lang} {q}"
            );
        }
        assert!(matches!(
            add_question(d.path(), "nope", "de", "Frage?"),
            Err(EditError::UnknownEntry(_))
        ));
        assert_eq!(read(&d, "x.toml"), FILE);
    }

    #[test]
    fn out_of_scope_file_is_created_or_extended() {
        let d = dir_with(&[("x.toml", FILE)]);
        add_out_of_scope(d.path(), "de", "Wie wird das Wetter?").expect("add");
        add_out_of_scope(d.path(), "tr", "Hava nasıl?").expect("add");
        let text = read(&d, OUT_OF_SCOPE_FILE);
        let v: toml::Value = toml::from_str(&text).expect("TOML");
        assert_eq!(
            v["questions"]["de"][0].as_str(),
            Some("Wie wird das Wetter?")
        );
        assert_eq!(v["questions"]["tr"][0].as_str(), Some("Hava nasıl?"));
        assert!(
            text.starts_with("# Questions the bot must NOT answer"),
            "{text}"
        );
    }

    #[test]
    fn a_change_underneath_is_kept_and_the_edit_applied_again() {
        let d = dir_with(&[("x.toml", FILE)]);
        let path = d.path().join("x.toml");
        let mut first = true;
        // A text editor saves between our read and our rename.
        let e = edit(
            d.path(),
            &Target::Entry("a".into()),
            "de",
            "Von uns?",
            &mut |p: &Path| {
                if first {
                    first = false;
                    let t = std::fs::read_to_string(p).expect("read");
                    let t = t.replace("de = [\"B?\"]", "de = [\"B?\", \"Vom Editor?\"]");
                    std::fs::write(p, t).expect("write");
                }
            },
        )
        .expect("edit");
        assert!(e.written);
        let text = std::fs::read_to_string(path).expect("read");
        assert!(
            text.contains("Vom Editor?") && text.contains("Von uns?"),
            "{text}"
        );
    }

    #[test]
    fn concurrent_edits_all_land() {
        let d = dir_with(&[("x.toml", FILE)]);
        let dir = d.path().to_path_buf();
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let dir = dir.clone();
                std::thread::spawn(move || {
                    add_question(
                        &dir,
                        if i % 2 == 0 { "a" } else { "b" },
                        "de",
                        &format!("Frage {i}?"),
                    )
                })
            })
            .collect();
        for t in threads {
            assert!(t.join().expect("join").expect("edit").written);
        }
        let v: toml::Value = toml::from_str(&read(&d, "x.toml")).expect("TOML");
        for i in 0..8 {
            let entry = &v["entry"][i % 2]["questions"]["de"];
            let q = format!("Frage {i}?");
            assert!(
                entry
                    .as_array()
                    .expect("list")
                    .iter()
                    .any(|x| x.as_str() == Some(&q)),
                "{q} lost"
            );
        }
    }
}
