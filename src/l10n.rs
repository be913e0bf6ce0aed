//! What the bot says: one concurrent Fluent bundle per language folder under `locales/`.
//!
//! - German (`de`) is the source and the fallback: a message missing in a language is taken
//!   from German and logged once per (language, message). A message missing everywhere gives
//!   the German `error-generic` text, never a raw message id.
//! - Language codes from users (`de-AT`, `ru-UA`, `ar-EG`, `pt-BR`) are negotiated to the
//!   available languages with fluent-langneg.
//! - Right-to-left languages (ar, fa, he, … — from the language code): every formatted
//!   message goes through [`crate::bidi::isolate_ltr`], which wraps the left-to-right spans
//!   (phones, dates, e-mails, commands, Latin names) of lines with right-to-left letters in
//!   isolate marks, so they display in reading order. Fluent's own isolation (FSI/PDI around
//!   every variable, in every language) stays off: it would not reach the phone numbers and
//!   dates written in the text, and it would put invisible characters into German, Turkish
//!   and Russian texts, where nothing needs them.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use crate::content::{files_with_ext, read};
use crate::error::{Error, LineIndex, Location, Problem};
use crate::ids::LangCode;

pub const DEFAULT_LANG: &str = "de";

/// One parsed `.ftl` file, kept for `check` and for tools (ids, line numbers).
pub struct FtlFile {
    pub path: PathBuf,
    pub resource: std::sync::Arc<FluentResource>,
}

impl FtlFile {
    /// The file's text (the resource keeps it; no second copy).
    pub fn source(&self) -> &str {
        self.resource.source()
    }
}

pub struct Language {
    pub code: String,
    pub langid: LanguageIdentifier,
    /// Written right to left (see [`crate::bidi`]).
    pub rtl: bool,
    pub bundle: FluentBundle<std::sync::Arc<FluentResource>>,
    pub files: Vec<FtlFile>,
}

pub struct L10n {
    /// Sorted with German first.
    langs: Vec<Language>,
    warned: Mutex<HashSet<(String, String)>>,
}

impl L10n {
    /// Loads every folder under `dir` as a language. Returns all problems found; parse errors
    /// keep the rest of the file usable (Fluent's own recovery).
    pub fn load(dir: &Path) -> Result<(L10n, Vec<Problem>), Error> {
        let mut problems = Vec::new();
        let mut langs = Vec::new();
        let rd = std::fs::read_dir(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut folders: Vec<PathBuf> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        folders.sort();
        for folder in folders {
            let code = folder
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            // The code travels in button data and settings: it must be a [`LangCode`].
            let langid = LangCode::new(code.as_str())
                .and_then(|c| c.as_str().parse::<LanguageIdentifier>().ok());
            let Some(langid) = langid else {
                problems.push(Problem::error(
                    Location::file(&folder),
                    None,
                    format!("{code:?} is not a language code; name the folder like de, tr, pt-BR"),
                ));
                continue;
            };
            let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
            bundle.set_use_isolating(false);
            let mut files = Vec::new();
            for path in files_with_ext(&folder, "ftl")? {
                let resource = match FluentResource::try_new(read(&path)?) {
                    Ok(r) => r,
                    Err((r, errs)) => {
                        let lines = LineIndex::new(r.source());
                        for e in errs {
                            problems.push(Problem::error(
                                lines.location(&path, e.pos.start),
                                None,
                                format!("Fluent syntax: {}", e.kind),
                            ));
                        }
                        r
                    }
                };
                let resource = std::sync::Arc::new(resource);
                if let Err(errs) = bundle.add_resource(resource.clone()) {
                    for e in errs {
                        let (subject, message, line) = match &e {
                            fluent_bundle::FluentError::Overriding { id, .. } => {
                                // Twice in this file: point at the second; else at this one.
                                let lines = message_lines(resource.source(), id);
                                (
                                    Some(id.clone()),
                                    "duplicate message id (defined twice in this language): keep one and delete or rename the other"
                                        .to_string(),
                                    lines.get(1).or(lines.first()).copied(),
                                )
                            }
                            other => (None, other.to_string(), None),
                        };
                        let location = Location {
                            file: path.clone(),
                            line,
                            column: line.map(|_| 1),
                        };
                        problems.push(Problem::error(location, subject.as_deref(), message));
                    }
                }
                files.push(FtlFile { path, resource });
            }
            langs.push(Language {
                code,
                rtl: crate::bidi::is_rtl(&langid),
                langid,
                bundle,
                files,
            });
        }
        if !langs.iter().any(|l| l.code == DEFAULT_LANG) {
            problems.push(Problem::error(
                Location::file(dir),
                None,
                format!("no {DEFAULT_LANG}/ folder: German is the source and fallback language"),
            ));
        }
        langs.sort_by_key(|l| (l.code != DEFAULT_LANG, l.code.clone()));
        Ok((
            L10n {
                langs,
                warned: Mutex::new(HashSet::new()),
            },
            problems,
        ))
    }

    /// Codes of all languages, German first.
    pub fn codes(&self) -> Vec<String> {
        self.langs.iter().map(|l| l.code.clone()).collect()
    }

    pub fn languages(&self) -> &[Language] {
        &self.langs
    }

    pub fn has_lang(&self, code: &str) -> bool {
        self.langs.iter().any(|l| l.code == code)
    }

    /// Maps a requested code (`de-AT`, `ar_EG`, `TR`) to an available language, if any.
    pub fn negotiate(&self, requested: &str) -> Option<String> {
        let req: LanguageIdentifier = requested.trim().replace('_', "-").parse().ok()?;
        let available: Vec<LanguageIdentifier> =
            self.langs.iter().map(|l| l.langid.clone()).collect();
        let found = negotiate_languages(&[req], &available, None, NegotiationStrategy::Lookup);
        let hit = found.first()?;
        self.langs
            .iter()
            .find(|l| &l.langid == *hit)
            .map(|l| l.code.clone())
    }

    fn lang(&self, code: &str) -> Option<&Language> {
        self.langs.iter().find(|l| l.code == code)
    }

    /// Does `code`'s own bundle (not the fallback) have this message?
    pub fn has_message(&self, code: &str, id: &str) -> bool {
        self.lang(code).is_some_and(|l| l.bundle.has_message(id))
    }

    /// Formats a message in `code`, falling back to German.
    pub fn msg(&self, code: &str, id: &str) -> String {
        self.msg_args(code, id, None)
    }

    pub fn msg_args(&self, code: &str, id: &str, args: Option<&FluentArgs>) -> String {
        if let Some(s) = self.lang(code).and_then(|l| format(l, id, args)) {
            return s;
        }
        self.warn_once(code, id);
        if let Some(s) = self.lang(DEFAULT_LANG).and_then(|l| format(l, id, args)) {
            return s;
        }
        self.lang(DEFAULT_LANG)
            .and_then(|l| format(l, "error-generic", None))
            .unwrap_or_else(|| "…".to_string())
    }

    fn warn_once(&self, code: &str, id: &str) {
        let key = (code.to_string(), id.to_string());
        let first = self
            .warned
            .lock()
            .map(|mut w| w.insert(key))
            .unwrap_or(false);
        if first {
            tracing::warn!(lang = code, message = id, "message missing; using German");
        }
    }

    /// All message ids per language (for `check` and coverage tables).
    pub fn message_ids(&self) -> BTreeMap<String, Vec<String>> {
        let mut out = BTreeMap::new();
        for l in &self.langs {
            let mut ids = Vec::new();
            for f in &l.files {
                for e in f.resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = e {
                        ids.push(m.id.name.to_string());
                    }
                }
            }
            out.insert(l.code.clone(), ids);
        }
        out
    }
}

/// Lines (1-based) where a message `id` is defined in an FTL source (`id =` at the start of
/// a line; Fluent messages cannot be indented).
pub fn message_lines(source: &str, id: &str) -> Vec<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            l.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(i, _)| i + 1)
        .collect()
}

fn format(l: &Language, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let msg = l.bundle.get_message(id)?;
    let pattern = msg.value()?;
    let mut errors = Vec::new();
    let s = l.bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(lang = %l.code, message = id, "formatting errors: {errors:?}");
    }
    if l.rtl {
        return Some(crate::bidi::isolate_ltr(&s).into_owned());
    }
    Some(s.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn make(files: &[(&str, &str)]) -> (tempfile::TempDir, L10n, Vec<Problem>) {
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, body) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, body).expect("write");
        }
        let (l, p) = L10n::load(dir.path()).expect("load");
        (dir, l, p)
    }

    #[test]
    fn falls_back_to_german() {
        let (_d, l, p) = make(&[
            (
                "de/a.ftl",
                "hello = Hallo\nonly-de = Nur Deutsch\nerror-generic = Fehler\n",
            ),
            ("tr/a.ftl", "hello = Merhaba\n"),
        ]);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(l.msg("tr", "hello"), "Merhaba");
        assert_eq!(l.msg("tr", "only-de"), "Nur Deutsch");
        assert_eq!(l.msg("tr", "nowhere"), "Fehler", "never the raw id");
        assert_eq!(l.msg("xx", "hello"), "Hallo");
    }

    /// README: "A message missing in a language is shown in German (and logged once)" —
    /// once per language and message, however often it is shown.
    #[test]
    fn a_missing_message_is_logged_once_per_language() {
        use std::sync::{Arc, Mutex};
        #[derive(Clone, Default)]
        struct Buf(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Buf {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.lock().expect("buf").extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let (_d, l, _) = make(&[
            ("de/a.ftl", "hello = Hallo\nonly-de = Nur Deutsch\n"),
            ("tr/a.ftl", "hello = Merhaba\n"),
            ("ru/a.ftl", "hello = Привет\n"),
        ]);
        let buf = Buf::default();
        let writer = buf.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            for _ in 0..3 {
                assert_eq!(l.msg("tr", "only-de"), "Nur Deutsch");
                assert_eq!(l.msg("ru", "only-de"), "Nur Deutsch");
            }
        });
        let log = String::from_utf8_lossy(&buf.0.lock().expect("buf")).to_string();
        let lines: Vec<&str> = log.lines().filter(|l| l.contains("only-de")).collect();
        assert_eq!(lines.len(), 2, "one line each for tr and ru: {log}");
        assert!(lines.iter().any(|l| l.contains("tr")) && lines.iter().any(|l| l.contains("ru")));
    }

    #[test]
    fn negotiates_regional_codes() {
        let (_d, l, _) = make(&[
            ("de/a.ftl", "a = b\n"),
            ("ar/a.ftl", "a = b\n"),
            ("ru/a.ftl", "a = b\n"),
        ]);
        assert_eq!(l.negotiate("de-AT").as_deref(), Some("de"));
        assert_eq!(l.negotiate("ru-UA").as_deref(), Some("ru"));
        assert_eq!(l.negotiate("ar_EG").as_deref(), Some("ar"));
        assert_eq!(l.negotiate("pt-BR"), None);
        assert_eq!(l.negotiate("not a code!"), None);
    }

    #[test]
    fn isolation_only_in_right_to_left_languages() {
        let (_d, l, _) = make(&[
            (
                "de/a.ftl",
                "topic-q = Fragen zu „{ $topic }“: 05221-131121\n",
            ),
            ("ar/a.ftl", "topic-q = أسئلة حول { $topic }: 05221-131121\n"),
            ("fa/a.ftl", "only-fa = تلفن: 05221-131121\n"),
        ]);
        let mut args = FluentArgs::new();
        args.set("topic", "widunetz");
        let de = l.msg_args("de", "topic-q", Some(&args));
        assert_eq!(
            de, "Fragen zu „widunetz“: 05221-131121",
            "no marks in German"
        );
        let ar = l.msg_args("ar", "topic-q", Some(&args));
        assert_eq!(ar, "أسئلة حول \u{2066}widunetz: 05221-131121\u{2069}");
        // A language added later gets the rule from its code alone.
        assert_eq!(l.msg("fa", "only-fa"), "تلفن: \u{2066}05221-131121\u{2069}");
        // German shown as fallback in an Arabic chat stays German.
        assert_eq!(l.msg_args("fa", "topic-q", Some(&args)), de);
    }

    #[test]
    fn folders_that_are_no_language_code_are_refused() {
        let (_d, l, p) = make(&[
            ("de/a.ftl", "a = b\n"),
            ("de_AT/a.ftl", "a = b\n"),
            ("tr:x/a.ftl", "a = b\n"),
            ("not a code/a.ftl", "a = b\n"),
        ]);
        assert_eq!(l.codes(), ["de"]);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p.iter().all(|p| p.message.contains("not a language code")));
    }

    #[test]
    fn parse_errors_have_lines() {
        let (_d, _l, p) = make(&[("de/a.ftl", "ok = fine\n\nbroken\nalso-ok = yes\n")]);
        assert!(!p.is_empty());
        assert_eq!(p[0].location.line, Some(3), "{}", p[0]);
    }
}
