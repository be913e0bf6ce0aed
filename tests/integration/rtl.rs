//! Right-to-left display (issue 13): every answer and UI text of every right-to-left
//! language goes through the Unicode bidi algorithm (the `unicode-bidi` crate, as phones and
//! browsers do), and every phone number, e-mail address, date, web address, command and
//! Latin name must come out in reading order — whichever direction the renderer gives the
//! line. Also for a right-to-left language added later (a Persian fixture), and the "back"
//! arrow must point right there.

use crate::support;

use fluent_bundle::FluentArgs;
use unicode_bidi::{BidiInfo, Level};
use widunetz_bot::l10n::L10n;

/// How a line looks, left to right, without the invisible isolate marks: with the
/// direction taken from its first strong letter, and forced left-to-right / right-to-left.
fn displays(line: &str) -> Vec<String> {
    [None, Some(Level::ltr()), Some(Level::rtl())]
        .into_iter()
        .map(|level| {
            let info = BidiInfo::new(line, level);
            info.paragraphs
                .iter()
                .map(|p| info.reorder_line(p, p.range.clone()).to_string())
                .collect::<String>()
                .chars()
                .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
                .collect()
        })
        .collect()
}

/// What must keep its order, found in the logical text (marks removed) with plain scanning
/// that knows nothing of the code under test.
fn tokens(line: &str) -> Vec<(&'static str, String)> {
    let clean: String = line
        .chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect();
    let mut out = Vec::new();
    for word in clean.split_whitespace() {
        let w = word.trim_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | '،' | ':' | '(' | ')' | '«' | '»' | '“' | '”' | '„'
            )
        });
        if w.contains('@') && w.contains('.') && !w.starts_with('@') {
            out.push(("e-mail", w.to_string()));
        } else if w.starts_with("http://") || w.starts_with("https://") {
            out.push(("url", w.to_string()));
        } else if w.starts_with('/')
            && w[1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
        {
            out.push(("command", w.to_string()));
        } else if w.chars().filter(|c| c.is_ascii_digit()).count() >= 5
            && w.contains('-')
            && w.chars().all(|c| c.is_ascii_digit() || c == '-')
        {
            out.push(("phone", w.to_string()));
        } else if w.len() == 10
            && w.chars().enumerate().all(|(i, c)| {
                if i == 2 || i == 5 {
                    c == '.'
                } else {
                    c.is_ascii_digit()
                }
            })
        {
            out.push(("date", w.to_string()));
        }
    }
    // Latin names of two or more words: "Marie Chaput", "Kreis Herford - Kommunales …";
    // a bracket or punctuation mark ends a name.
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<(&'static str, String)>| {
        if run.len() >= 2 {
            out.push(("name", run.join(" ")));
        }
        run.clear();
    };
    for word in clean.split(' ') {
        let opens = word.starts_with(['(', '«', '„', '“']);
        let core = word.trim_matches(|c: char| "()«»„“”.,:،؛".contains(c));
        let closes = core.len() < word.len() && !opens
            || word.ends_with([')', '»', '“', '”', '.', ',', ':', '،']);
        let latin = !core.is_empty()
            && core
                .chars()
                .all(|c| c.is_ascii_alphabetic() || "äöüÄÖÜß-".contains(c))
            && core.chars().any(|c| c.is_ascii_alphabetic());
        if opens || !latin {
            flush(&mut run, &mut out);
        }
        if latin {
            run.push(core);
        }
        if closes {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Every variable the shipped messages use, with realistic values in `lang`.
fn args_for(
    l10n: &L10n,
    lang: &str,
    count: usize,
    recording: &str,
    days: u32,
) -> FluentArgs<'static> {
    let mut a = FluentArgs::new();
    a.set("topic", l10n.msg(lang, "topic-about"));
    a.set("languages", "de, tr, ru, ar");
    a.set("count", count);
    a.set("recording", recording.to_string());
    a.set("days", days);
    for (k, v) in [
        ("generation", 3),
        ("warnings", 1),
        ("entries", 14),
        ("chats", 12),
        ("unanswered", 5),
        ("asked", 9),
        ("up", 4),
        ("down", 2),
    ] {
        a.set(k, v);
    }
    a
}

/// All texts of a language: every message with every variant of its selectors, plus the
/// composed no-match reply.
fn all_texts(engine: &widunetz_bot::Engine, lang: &str) -> Vec<(String, String)> {
    let l10n = engine.l10n();
    let ids = l10n.message_ids().remove(lang).unwrap_or_default();
    let mut out = Vec::new();
    for id in ids {
        for (count, recording, days) in [(1, "on", 90), (3, "off", 1), (2, "on", 2), (5, "on", 11)]
        {
            let args = args_for(l10n, lang, count, recording, days);
            out.push((id.clone(), l10n.msg_args(lang, &id, Some(&args))));
        }
    }
    out.push((
        "no-match reply".into(),
        widunetz_bot::reply::no_match_text(engine, lang),
    ));
    out.push((
        "privacy (30 days)".into(),
        widunetz_bot::reply::privacy_text(l10n, lang, true, 30),
    ));
    out
}

/// Checks every token of every line; returns the tokens checked.
fn check_language(engine: &widunetz_bot::Engine, lang: &str) -> Vec<(&'static str, String)> {
    let mut seen = Vec::new();
    let mut wrong = Vec::new();
    for (id, text) in all_texts(engine, lang) {
        for line in text.split('\n') {
            let shown = displays(line);
            for (kind, tok) in tokens(line) {
                for d in &shown {
                    if !d.contains(&tok) {
                        wrong.push(format!("{lang} {id}: {kind} {tok:?} shows as {d:?}"));
                    }
                }
                seen.push((kind, tok));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "out of reading order:\n{}",
        wrong.join("\n")
    );
    seen
}

#[test]
fn shipped_right_to_left_languages_keep_phones_emails_dates_in_reading_order() {
    let engine = support::engine();
    let rtl: Vec<String> = engine
        .l10n()
        .languages()
        .iter()
        .filter(|l| l.rtl)
        .map(|l| l.code.clone())
        .collect();
    // Arabic and Persian are shipped right to left; nothing else is.
    assert_eq!(rtl, ["ar", "fa"], "{rtl:?}");
    for lang in &rtl {
        let seen = check_language(&engine, lang);
        // Not vacuous: the contact data and a date were among what was checked.
        for want in [
            "05221-131121",
            "05732-905211",
            "m.j.chaput@kreis-herford.de",
            "fmi.loehne@awo-owl.de",
            "27.02.2008",
            "/contact",
            "Marie Chaput",
        ] {
            assert!(
                seen.iter().any(|(_, t)| t == want),
                "{lang}: {want} not checked; seen {seen:?}"
            );
        }
    }
}

#[test]
fn the_checker_sees_the_failure_the_rule_prevents() {
    // The Arabic line as it was shipped before: the phone's digit groups swap places.
    let line = "الهاتف: 05221-131121";
    let toks = tokens(line);
    assert_eq!(toks, vec![("phone", "05221-131121".to_string())]);
    assert!(displays(line).iter().any(|d| !d.contains("05221-131121")));
}

/// A language added later (Persian) and one written with a script subtag get the rule from
/// their code alone; `check` wants the "back" arrow mirrored.
#[test]
fn a_new_right_to_left_language_needs_no_code() {
    let dir = support::content_copy();
    let fa = dir.path().join("locales/fa");
    std::fs::create_dir_all(&fa).expect("mkdir");
    std::fs::write(
        fa.join("ui.ftl"),
        "language-name = فارسی\n\
         no-match = ببخشید، برای این سؤال جوابی ندارم.\n\
         button-back = ◀ بازگشت\n",
    )
    .expect("write");
    std::fs::write(
        fa.join("faq.ftl"),
        "contact-people =\n    خانم ماری شاپو (Marie Chaput)\n    تلفن: 05221-131121، ایمیل: m.j.chaput@kreis-herford.de\n    تاریخ: 27.02.2008 و /contact\n",
    )
    .expect("write");
    let (engine, _) =
        widunetz_bot::Engine::load(&dir.path().join("faq"), &dir.path().join("locales"))
            .expect("load");
    assert!(
        engine
            .l10n()
            .languages()
            .iter()
            .any(|l| l.code == "fa" && l.rtl),
        "fa is right to left"
    );
    let seen = check_language(&engine, "fa");
    for want in [
        "05221-131121",
        "m.j.chaput@kreis-herford.de",
        "27.02.2008",
        "/contact",
        "Marie Chaput",
    ] {
        assert!(seen.iter().any(|(_, t)| t == want), "{want}: {seen:?}");
    }

    let report = widunetz_bot::check::run(&dir.path().join("faq"), &dir.path().join("locales"))
        .expect("check");
    let arrow: Vec<String> = report
        .problems
        .iter()
        .filter(|p| {
            p.subject.as_deref() == Some("button-back")
                && p.severity == widunetz_bot::Severity::Error
        })
        .map(|p| p.to_string())
        .collect();
    assert!(
        arrow.len() == 1 && arrow[0].contains("locales/fa/ui.ftl:3") && arrow[0].contains('▶'),
        "{arrow:?}"
    );
}

#[test]
fn back_arrow_is_mirrored_in_shipped_right_to_left_languages() {
    let engine = support::engine();
    for l in engine.l10n().languages() {
        let back = engine.l10n().msg(&l.code, "button-back");
        if l.rtl {
            assert!(
                back.contains('▶') && !back.contains('◀'),
                "{}: {back}",
                l.code
            );
        } else {
            assert!(back.contains('◀'), "{}: {back}", l.code);
        }
    }
}
