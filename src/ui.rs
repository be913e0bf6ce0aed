//! The one table of the messages the code formats by id: the UI messages of
//! `locales/<lang>/ui.ftl` ([`Ui`]) and the few content messages of `faq.ftl` ([`CONTENT`]).
//! `check` requires each of them in German, so a message the code uses cannot be missing
//! from the content; the tests below read `src/` and fail when code formats a message by a
//! literal id that is not in this table, when it gives a UI message by its literal id
//! instead of naming it as `Ui::Welcome` (with [`crate::l10n::L10n::ui`]), or when the
//! table names one no code uses.

/// Declares [`Ui`] with its list and ids from one table, so a variant cannot lack an id or
/// be left out of `Ui::ALL`.
macro_rules! ui_messages {
    ($($(#[$doc:meta])* $variant:ident = $id:literal,)*) => {
        /// A UI message the code formats (`locales/<lang>/ui.ftl`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Ui {
            $($(#[$doc])* $variant,)*
        }

        impl Ui {
            /// Every UI message, in table order (the order `check` reports them in).
            pub const ALL: &'static [Ui] = &[$(Ui::$variant,)*];

            /// The Fluent message id.
            pub const fn id(self) -> &'static str {
                match self {
                    $(Ui::$variant => $id,)*
                }
            }
        }
    };
}

ui_messages! {
    LanguageName = "language-name",
    Welcome = "welcome",
    Help = "help",
    TopicsTitle = "topics-title",
    TopicQuestions = "topic-questions",
    DidYouMean = "did-you-mean",
    NoMatch = "no-match",
    NoMatchContacts = "no-match-contacts",
    RelatedTitle = "related-title",
    EmptyQuestion = "empty-question",
    QuestionTooLong = "question-too-long",
    LanguageChanged = "language-changed",
    LanguageUnknown = "language-unknown",
    LanguageChoose = "language-choose",
    ErrorGeneric = "error-generic",
    UnknownCommand = "unknown-command",
    ChatIntro = "chat-intro",
    ChatNoToken = "chat-no-token",
    ChatPickNumber = "chat-pick-number",
    ChatBye = "chat-bye",
    NonTextHint = "non-text-hint",
    Privacy = "privacy",
    ForgetDone = "forget-done",
    ButtonBack = "button-back",
    ButtonGerman = "button-german",
    FeedbackThanks = "feedback-thanks",
    EntryGone = "entry-gone",
    AdminReloadDone = "admin-reload-done",
    AdminReloadFailed = "admin-reload-failed",
    AdminStats = "admin-stats",
    AdminUnansweredNone = "admin-unanswered-none",
    AdminFeedbackNone = "admin-feedback-none",
    AdminReviewUnanswered = "admin-review-unanswered",
    AdminReviewDownvoted = "admin-review-downvoted",
    AdminReviewButtonChoose = "admin-review-button-choose",
    AdminReviewButtonOutOfScope = "admin-review-button-out-of-scope",
    AdminReviewButtonSkip = "admin-review-button-skip",
    AdminReviewChooseTitle = "admin-review-choose-title",
    AdminReviewAdded = "admin-review-added",
    AdminReviewAlready = "admin-review-already",
    AdminReviewAddedOutOfScope = "admin-review-added-out-of-scope",
    AdminReviewAlreadyOutOfScope = "admin-review-already-out-of-scope",
    AdminReviewNowAnswered = "admin-review-now-answered",
    AdminReviewNowNoMatch = "admin-review-now-no-match",
    AdminReviewStillOther = "admin-review-still-other",
    AdminReviewStillSuggestions = "admin-review-still-suggestions",
    AdminReviewStillNoMatch = "admin-review-still-no-match",
    AdminReviewStillSmalltalk = "admin-review-still-smalltalk",
    AdminReviewNotReloaded = "admin-review-not-reloaded",
    AdminReviewFailed = "admin-review-failed",
    AdminReviewFailedLang = "admin-review-failed-lang",
    AdminReviewOutdated = "admin-review-outdated",
    AdminReviewEnd = "admin-review-end",
    /// Telegram: the chat writes faster than the bot answers.
    FloodNotice = "flood-notice",
}

/// Content messages (`faq.ftl`) the code formats on their own: the no-match reply shows the
/// contact persons, `/contact` the answer of the entry `contact`.
pub const CONTENT: &[&str] = &["contact-people", "faq-contact-answer"];

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    use super::*;

    /// The functions that format a message by id: `msg(id)` / `msg(lang, id)` /
    /// `msg_args(lang, id, args)` / l10n's own `format(language, id, args)`.
    const LOOKUPS: &[&str] = &["msg", "msg_args", "format"];

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src/ is readable")
            .map(|e| e.expect("dir entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }

    /// Where a file's inline test module (`#[cfg(test)] mod tests {`, at the end by custom)
    /// starts, or its end. A `#[cfg(test)] mod tests;` line only declares a file.
    fn inline_tests_start(text: &str) -> usize {
        for (i, _) in text.match_indices("#[cfg(test)]") {
            let rest = text[i + "#[cfg(test)]".len()..].trim_start();
            if let Some(decl) = rest.strip_prefix("mod ") {
                let brace = decl.find('{');
                if brace.is_some_and(|b| decl.find(';').is_none_or(|s| b < s)) {
                    return i;
                }
            }
        }
        text.len()
    }

    /// The code of each file under `src/` without its tests (files named `tests.rs`, and
    /// inline test modules), with its path relative to the crate.
    fn non_test_sources() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        rust_files(&root.join("src"), &mut files);
        files
            .into_iter()
            .filter(|p| p.file_name().is_some_and(|n| n != "tests.rs"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("source is readable");
                let code = text[..inline_tests_start(&text)].to_string();
                let rel = p.strip_prefix(root).unwrap_or(&p).display().to_string();
                (rel, code)
            })
            .collect()
    }

    /// The arguments of the call whose `(` is at `open`, split at top-level commas (string
    /// literals and nested brackets skipped); `None` if the call is not closed.
    fn call_args(code: &str, open: usize) -> Option<Vec<(usize, &str)>> {
        let b = code.as_bytes();
        let (mut depth, mut i, mut start) = (0usize, open + 1, open + 1);
        let mut args = Vec::new();
        while i < b.len() {
            match b[i] {
                b'"' => {
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth > 0 => depth -= 1,
                b')' => {
                    args.push((start, &code[start..i]));
                    return Some(args);
                }
                b',' if depth == 0 => {
                    args.push((start, &code[start..i]));
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// Adds every message id `code` gives as a string literal to a lookup, with `file:line`.
    fn scan(file: &str, code: &str, found: &mut BTreeMap<String, Vec<String>>) {
        for name in LOOKUPS {
            let pat = format!("{name}(");
            for (at, _) in code.match_indices(&pat) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // a longer name ending in `msg`
                }
                if *name == "format" && before == Some('.') {
                    continue; // a method `format` (chrono's), not l10n's function
                }
                let Some(args) = call_args(code, at + name.len()) else {
                    continue;
                };
                let Some(&(offset, arg)) = args.get(if args.len() >= 2 { 1 } else { 0 }) else {
                    continue;
                };
                let literal = arg
                    .trim()
                    .strip_prefix('"')
                    .and_then(|a| a.strip_suffix('"'));
                // Fluent message ids: lower-case letters, digits and hyphens.
                let is_id = |id: &&str| {
                    !id.is_empty()
                        && id
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                };
                if let Some(id) = literal.filter(is_id) {
                    let line = code[..offset].matches('\n').count() + 1;
                    found
                        .entry(id.to_string())
                        .or_default()
                        .push(format!("{file}:{line}"));
                }
            }
        }
    }

    /// Every message id given as a string literal to a lookup in `src/`, with `file:line`.
    fn literal_ids() -> BTreeMap<String, Vec<String>> {
        let mut found = BTreeMap::new();
        for (file, code) in non_test_sources() {
            scan(&file, &code, &mut found);
        }
        found
    }

    /// Does `code` name `path` as a whole word (`Ui::NoMatch`, not `Ui::NoMatchContacts`)?
    fn names(code: &str, path: &str) -> bool {
        code.match_indices(path).any(|(at, _)| {
            !code[at + path.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    }

    #[test]
    fn every_message_the_code_formats_is_in_the_table() {
        let ui: BTreeSet<&str> = Ui::ALL.iter().map(|u| u.id()).collect();
        let found = literal_ids();
        // The scan must see the code's lookups, or this test could not fail: the content
        // messages are formatted by literal id (and `the_scan_finds_ids_in_nested_calls`).
        for id in CONTENT {
            assert!(found.contains_key(*id), "{id:?} not found: {found:?}");
        }
        let missing: Vec<String> = found
            .iter()
            .filter(|(id, _)| !ui.contains(id.as_str()) && !CONTENT.contains(&id.as_str()))
            .map(|(id, at)| format!("{id:?} at {}", at.join(", ")))
            .collect();
        assert!(
            missing.is_empty(),
            "formatted by the code but not in src/ui.rs (so `check` does not require them): {missing:#?}"
        );
        let by_literal: Vec<String> = found
            .iter()
            .filter(|(id, _)| ui.contains(id.as_str()))
            .map(|(id, at)| format!("{id:?} at {}", at.join(", ")))
            .collect();
        assert!(
            by_literal.is_empty(),
            "UI messages given by their literal id; name them as Ui::… (L10n::ui): {by_literal:#?}"
        );
    }

    #[test]
    fn every_message_in_the_table_is_used_by_the_code() {
        let found = literal_ids();
        let code: String = non_test_sources()
            .into_iter()
            .filter(|(f, _)| !f.ends_with("src/ui.rs"))
            .map(|(_, c)| c)
            .collect();
        let unused: Vec<&str> = Ui::ALL
            .iter()
            .filter(|u| !names(&code, &format!("Ui::{u:?}")))
            .map(|u| u.id())
            .chain(
                CONTENT
                    .iter()
                    .copied()
                    .filter(|id| !found.contains_key(*id)),
            )
            .collect();
        assert!(
            unused.is_empty(),
            "required by check but used nowhere: {unused:?}"
        );
    }

    #[test]
    fn a_variant_is_named_as_a_whole_word() {
        assert!(names("l.ui(x, Ui::NoMatch)", "Ui::NoMatch"));
        assert!(!names("l.ui(x, Ui::NoMatchContacts)", "Ui::NoMatch"));
        assert!(names("Ui::NoMatchContacts, Ui::NoMatch", "Ui::NoMatch"));
    }

    #[test]
    fn the_scan_finds_ids_in_nested_calls() {
        let code = concat!(
            "x.msg(lang, \"a-b\") + y.msg_args(c.f(1, 2), \"c\", Some(&args(\",\")))\n",
            "+ z.msg(\"d\") + format(l, \"e\", None) + t.format(\"%Y\") + remsg(\"no\")\n",
            "+ w.msg(lang, id) + v.msg(\"Not An Id\")",
        );
        let mut found = BTreeMap::new();
        scan("f.rs", code, &mut found);
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|(id, at)| (id.as_str(), at[0].as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("a-b", "f.rs:1"),
                ("c", "f.rs:1"),
                ("d", "f.rs:2"),
                ("e", "f.rs:2")
            ]
        );
    }
}
