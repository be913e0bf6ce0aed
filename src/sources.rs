//! Stale translations: which German text each translation was made from.
//!
//! Next to the translations of a language lies `locales/<lang>/sources.toml`, written only
//! by `widunetz-bot l10n mark-current`. For each message it holds a hash of the German
//! message the translation was made from, plus that German text (so `check` can show what
//! changed). When the German message changes, its hash no longer matches and the
//! translation is *stale* until a translator has looked at it and marked it current.
//! A stale translation is still served: slightly old is better than German for the reader.
//!
//! The German text is compared in Fluent's canonical form (the fluent-syntax serializer,
//! comments left out), so re-indenting a message or editing its comment is not a change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Problem};
use crate::l10n::{DEFAULT_LANG, L10n};

/// File name of the records, in each translation's folder.
pub const FILE: &str = "sources.toml";

/// What a translation was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// FNV-1a 64 of the canonical German message, hex.
    pub hash: String,
    /// The canonical German message itself.
    pub de: String,
}

/// A stale message: the German text it was translated from (if recorded) and the German now.
#[derive(Debug, Clone, Serialize)]
pub struct Stale {
    pub id: String,
    pub old: Option<String>,
    pub new: String,
}

/// Status of one language against German.
#[derive(Debug, Clone, Serialize)]
pub struct LangStatus {
    pub lang: String,
    /// Translated and current.
    pub current: Vec<String>,
    pub stale: Vec<Stale>,
    /// In German, not in this language (German is shown instead).
    pub missing: Vec<String>,
    /// In this language, no longer in German.
    pub obsolete: Vec<String>,
    /// Question variants per entry in this language (`faq/*.toml`), when the FAQ was read:
    /// a translator sees which entries are thin in their language.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, usize>,
}

impl LangStatus {
    /// All translated messages, current or stale.
    pub fn translated(&self) -> usize {
        self.current.len() + self.stale.len()
    }
}

/// Stable 64-bit FNV-1a (std's hasher may change between Rust releases; these hashes live
/// in files).
pub fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Canonical text of every message of a language: id → serialised message without comment.
pub fn canonical_messages(l10n: &L10n, lang: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for l in l10n.languages().iter().filter(|l| l.code == lang) {
        for f in &l.files {
            for e in f.resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = e {
                    let mut m = m.clone();
                    m.comment = None;
                    let res = fluent_syntax::ast::Resource {
                        body: vec![fluent_syntax::ast::Entry::Message(m)],
                    };
                    let text = fluent_syntax::serializer::serialize(&res);
                    out.entry(e_id(e))
                        .or_insert_with(|| text.trim_end().to_string());
                }
            }
        }
    }
    out
}

fn e_id(e: &fluent_syntax::ast::Entry<&str>) -> String {
    match e {
        fluent_syntax::ast::Entry::Message(m) => m.id.name.to_string(),
        _ => String::new(),
    }
}

/// Path of the records file of a language.
pub fn path(locales_dir: &Path, lang: &str) -> PathBuf {
    locales_dir.join(lang).join(FILE)
}

/// Reads a language's records; a missing file is an empty record set. A broken file is a
/// problem (reported by `check`), and is treated as empty.
pub fn read(locales_dir: &Path, lang: &str) -> (BTreeMap<String, Record>, Vec<Problem>) {
    let p = path(locales_dir, lang);
    let src = match std::fs::read_to_string(&p) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (BTreeMap::new(), vec![]),
        Err(e) => {
            return (
                BTreeMap::new(),
                vec![Problem::error(
                    Location::file(&p),
                    None,
                    format!("cannot read: {e}"),
                )],
            );
        }
    };
    match toml::from_str::<BTreeMap<String, Record>>(&src) {
        Ok(m) => (m, vec![]),
        Err(e) => (
            BTreeMap::new(),
            vec![Problem::error(
                crate::error::Location::at_span(&p, &src, e.span()),
                None,
                format!(
                    "broken record file ({}); do not edit it by hand — delete it and run `widunetz-bot l10n mark-current {lang}` after checking the translations",
                    e.message().trim()
                ),
            )],
        ),
    }
}

fn write(locales_dir: &Path, lang: &str, records: &BTreeMap<String, Record>) -> Result<(), Error> {
    let p = path(locales_dir, lang);
    let body = toml::to_string_pretty(records).map_err(|source| Error::TomlWrite {
        path: p.clone(),
        source,
    })?;
    let text = format!(
        "# Written by `widunetz-bot l10n mark-current {lang}`. Do not edit by hand.\n\
         # For each message: the German text this translation was made from.\n\n{body}"
    );
    // Write then rename, so a crash never leaves half a file (and a watcher sees one change).
    let tmp = p.with_extension("toml.tmp");
    std::fs::write(&tmp, text).map_err(|source| Error::Io {
        path: tmp.clone(),
        source,
    })?;
    std::fs::rename(&tmp, &p).map_err(|source| Error::Io { path: p, source })
}

/// Status of every language but German (or only `only`).
pub fn status(
    l10n: &L10n,
    locales_dir: &Path,
    only: Option<&str>,
) -> (Vec<LangStatus>, Vec<Problem>) {
    let de = canonical_messages(l10n, DEFAULT_LANG);
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for code in l10n.codes() {
        if code == DEFAULT_LANG || only.is_some_and(|o| o != code) {
            continue;
        }
        let (records, p) = read(locales_dir, &code);
        problems.extend(p);
        let have = canonical_messages(l10n, &code);
        let mut st = LangStatus {
            lang: code.clone(),
            current: vec![],
            stale: vec![],
            missing: vec![],
            obsolete: vec![],
            variants: BTreeMap::new(),
        };
        for (id, german) in &de {
            if !have.contains_key(id) {
                st.missing.push(id.clone());
                continue;
            }
            match records.get(id) {
                Some(r) if r.hash == hash(german) => st.current.push(id.clone()),
                r => st.stale.push(Stale {
                    id: id.clone(),
                    old: r.map(|r| r.de.clone()),
                    new: german.clone(),
                }),
            }
        }
        st.obsolete = have
            .keys()
            .filter(|id| !de.contains_key(*id))
            .cloned()
            .collect();
        out.push(st);
    }
    (out, problems)
}

/// Records that the translations `ids` of `lang` (all translated messages when empty) are
/// made from the current German. Returns the ids marked.
pub fn mark_current(
    l10n: &L10n,
    locales_dir: &Path,
    lang: &str,
    ids: &[String],
) -> Result<Vec<String>, Error> {
    if lang == DEFAULT_LANG {
        return Err(Error::Usage(
            "German is the source language; only translations are marked current".into(),
        ));
    }
    if !l10n.has_lang(lang) {
        return Err(Error::Usage(format!(
            "unknown language {lang:?}; available: {}",
            l10n.codes().join(", ")
        )));
    }
    let de = canonical_messages(l10n, DEFAULT_LANG);
    let have = canonical_messages(l10n, lang);
    let wanted: Vec<String> = if ids.is_empty() {
        have.keys()
            .filter(|id| de.contains_key(*id))
            .cloned()
            .collect()
    } else {
        ids.to_vec()
    };
    let mut bad = Vec::new();
    for id in &wanted {
        if !de.contains_key(id) {
            bad.push(format!("{id}: not a German message"));
        } else if !have.contains_key(id) {
            bad.push(format!("{id}: not translated in {lang} yet"));
        }
    }
    if !bad.is_empty() {
        return Err(Error::Usage(format!(
            "l10n mark-current: nothing marked:\n  {}",
            bad.join("\n  ")
        )));
    }
    let (mut records, problems) = read(locales_dir, lang);
    if !problems.is_empty() && !ids.is_empty() {
        return Err(Error::Content(problems));
    }
    // Records of messages German no longer has are dropped.
    records.retain(|id, _| de.contains_key(id));
    for id in &wanted {
        if let Some(german) = de.get(id) {
            records.insert(
                id.clone(),
                Record {
                    hash: hash(german),
                    de: german.clone(),
                },
            );
        }
    }
    write(locales_dir, lang, &records)?;
    Ok(wanted)
}

/// The `l10n status` table (and, for one language, the details).
pub fn render(status: &[LangStatus], details: bool) -> String {
    let mut s = String::from("language  translated  current  stale  missing  obsolete\n");
    for st in status {
        s.push_str(&format!(
            "{:<9} {:>10} {:>8} {:>6} {:>8} {:>9}\n",
            st.lang,
            st.translated(),
            st.current.len(),
            st.stale.len(),
            st.missing.len(),
            st.obsolete.len()
        ));
    }
    if details {
        for st in status {
            for x in &st.stale {
                s.push_str(&format!("\nstale {} [{}]\n", st.lang, x.id));
                match &x.old {
                    Some(old) => {
                        let (removed, added) = changed_lines(old, &x.new);
                        s.push_str("  German changed:\n");
                        for l in removed {
                            s.push_str(&format!("  - {l}\n"));
                        }
                        for l in added {
                            s.push_str(&format!("  + {l}\n"));
                        }
                    }
                    None => {
                        s.push_str("  never marked current; German now:\n");
                        for l in x.new.lines() {
                            s.push_str(&format!("    {}\n", l.trim()));
                        }
                    }
                }
            }
            for id in &st.missing {
                s.push_str(&format!("\nmissing {} [{id}]\n", st.lang));
            }
            for id in &st.obsolete {
                s.push_str(&format!(
                    "\nobsolete {} [{id}]: no longer in German; delete it\n",
                    st.lang
                ));
            }
        }
        let stale: usize = status.iter().map(|s| s.stale.len()).sum();
        if stale > 0 {
            s.push_str("\nAfter updating a translation: widunetz-bot l10n mark-current LANG ID\n");
        }
    }
    s
}

/// The lines that differ between two versions of a message: (removed, added), in order.
/// Messages are short, so a plain longest-common-subsequence table is fine.
pub fn changed_lines(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let a: Vec<&str> = old
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let b: Vec<&str> = new
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(b[j].to_string());
            j += 1;
        } else {
            removed.push(a[i].to_string());
            i += 1;
        }
    }
    (removed, added)
}

/// A message's text on one line, for tables and warnings.
pub fn one_line(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(160).collect();
    if flat.chars().count() > 160 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(de: &str, tr: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tmp");
        for (lang, body) in [("de", de), ("tr", tr)] {
            std::fs::create_dir_all(dir.path().join(lang)).expect("mkdir");
            std::fs::write(dir.path().join(lang).join("a.ftl"), body).expect("write");
        }
        dir
    }

    fn load(dir: &Path) -> L10n {
        L10n::load(dir).expect("load").0
    }

    #[test]
    fn stale_is_detected_and_cleared() {
        let dir = setup(
            "a = Hallo\nb = Tschüss\nc = Neu\n",
            "a = Merhaba\nb = Hoşça kal\nz = Eski\n",
        );
        let l = load(dir.path());
        let (st, p) = status(&l, dir.path(), None);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(st[0].stale.len(), 2, "never marked: stale");
        assert_eq!(st[0].missing, vec!["c".to_string()]);
        assert_eq!(st[0].obsolete, vec!["z".to_string()]);

        assert_eq!(
            mark_current(&l, dir.path(), "tr", &[]).expect("mark"),
            vec!["a", "b"]
        );
        let (st, _) = status(&l, dir.path(), None);
        assert_eq!(st[0].current, vec!["a", "b"]);
        assert!(st[0].stale.is_empty());

        // Re-indenting German is not a change; changing its words is.
        std::fs::write(
            dir.path().join("de/a.ftl"),
            "# comment\na =\n    Hallo\nb = Auf Wiedersehen\nc = Neu\n",
        )
        .expect("write");
        let l = load(dir.path());
        let (st, _) = status(&l, dir.path(), None);
        assert_eq!(st[0].current, vec!["a"]);
        assert_eq!(st[0].stale.len(), 1);
        assert_eq!(st[0].stale[0].id, "b");
        assert_eq!(st[0].stale[0].old.as_deref(), Some("b = Tschüss"));
        assert_eq!(st[0].stale[0].new, "b = Auf Wiedersehen");

        // Until updated, the stale translation is still what Turkish readers get.
        assert_eq!(l.msg("tr", "b"), "Hoşça kal");

        mark_current(&l, dir.path(), "tr", &["b".to_string()]).expect("mark b");
        let (st, _) = status(&l, dir.path(), None);
        assert!(st[0].stale.is_empty());
    }

    #[test]
    fn mark_current_refuses_unknown_ids() {
        let dir = setup("a = Hallo\nc = Neu\n", "a = Merhaba\n");
        let l = load(dir.path());
        let e =
            mark_current(&l, dir.path(), "tr", &["c".into(), "x".into()]).expect_err("must refuse");
        let msg = e.to_string();
        assert!(msg.contains("c: not translated"), "{msg}");
        assert!(msg.contains("x: not a German message"), "{msg}");
        assert!(mark_current(&l, dir.path(), "de", &[]).is_err());
        assert!(mark_current(&l, dir.path(), "xx", &[]).is_err());
        assert!(!path(dir.path(), "tr").exists(), "nothing written on error");
    }

    #[test]
    fn changed_lines_shows_only_what_changed() {
        let old = "a =\n    one\n    two\n    three\n";
        let new = "a =\n    one\n    TWO\n    three\n    four\n";
        assert_eq!(
            changed_lines(old, new),
            (
                vec!["two".to_string()],
                vec!["TWO".to_string(), "four".to_string()]
            )
        );
    }

    #[test]
    fn hash_is_stable() {
        // Fixed values: these hashes are stored in files and must never change.
        // Reference values of 64-bit FNV-1a: "" and "a", "foobar" from the FNV authors'
        // test vectors; the others computed with an independent implementation (Python).
        assert_eq!(hash(""), "cbf29ce484222325");
        assert_eq!(hash("a"), "af63dc4c8601ec8c");
        assert_eq!(hash("foobar"), "85944171f73967e8");
        assert_eq!(hash("a = Hallo"), "28323c51d11acc73");
        assert_eq!(hash("ä"), "0ac21207b7181582", "hashed as UTF-8 bytes");
    }
}

/// Question variants per entry (in file order) and language.
pub fn variant_counts(faq: &crate::content::Faq) -> Vec<(String, BTreeMap<String, usize>)> {
    faq.entries
        .iter()
        .map(|e| {
            let per_lang = e
                .questions
                .iter()
                .map(|(l, qs)| (l.clone(), qs.len()))
                .collect();
            (e.id.to_string(), per_lang)
        })
        .collect()
}

/// An entry is thin in a language with fewer than half as many variants as in German.
pub fn is_thin(n: usize, german: usize) -> bool {
    n * 2 < german
}

/// The table of question variants per entry, German first, then `langs`; thin counts are
/// marked with `!`.
pub fn render_variants(rows: &[(String, BTreeMap<String, usize>)], langs: &[String]) -> String {
    let mut cols = vec![DEFAULT_LANG.to_string()];
    cols.extend(langs.iter().filter(|l| *l != DEFAULT_LANG).cloned());
    let mut s =
        String::from("\nquestion variants per entry (! = fewer than half as many as in German)\n");
    s.push_str(&format!("{:<16}", "entry"));
    for c in &cols {
        s.push_str(&format!(" {c:>4} "));
    }
    s.truncate(s.trim_end().len());
    s.push('\n');
    for (id, per) in rows {
        let german = per.get(DEFAULT_LANG).copied().unwrap_or(0);
        s.push_str(&format!("{id:<16}"));
        for c in &cols {
            let n = per.get(c).copied().unwrap_or(0);
            let mark = if c != DEFAULT_LANG && is_thin(n, german) {
                "!"
            } else {
                " "
            };
            s.push_str(&format!(" {n:>4}{mark}"));
        }
        s.truncate(s.trim_end().len());
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod variant_tests {
    use super::*;

    #[test]
    fn thin_languages_are_marked() {
        let rows = vec![(
            "founding".to_string(),
            BTreeMap::from([
                ("de".to_string(), 10),
                ("tr".to_string(), 4),
                ("ru".to_string(), 5),
            ]),
        )];
        let t = render_variants(&rows, &["ar".into(), "ru".into(), "tr".into()]);
        let line = t.lines().find(|l| l.starts_with("founding")).expect("row");
        assert_eq!(line, "founding           10     0!    5     4!");
        let header = t.lines().find(|l| l.starts_with("entry")).expect("header");
        assert_eq!(header, "entry              de    ar    ru    tr");
    }
}
