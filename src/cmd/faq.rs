//! `faq add-question ENTRY LANG QUESTION` and `faq add-out-of-scope LANG QUESTION`: teach
//! the bot a question from one command line, then ask it again (CONTRACT.md). Exit 0: the
//! question now gets the intended reply; 1: written, but another reply still wins (named,
//! with what to do); 2: nothing written.

use std::process::ExitCode;

use widunetz_bot::content::edit::{self, Target};
use widunetz_bot::ids::{EntryId, LangCode};
use widunetz_bot::teach::{self, Verdict};
use widunetz_bot::{Engine, Error};

use super::args::{FaqCmd, GlobalArgs};
use super::output::{self, Line};

pub fn run(g: &GlobalArgs, cmd: &FaqCmd) -> Result<ExitCode, Error> {
    let (target, lang, question, content) = match cmd {
        FaqCmd::AddQuestion {
            entry,
            lang,
            question,
            content,
        } => (Target::Entry(entry.clone()), lang, question, content),
        FaqCmd::AddOutOfScope {
            lang,
            question,
            content,
        } => (Target::OutOfScope, lang, question, content),
    };
    let question = question.join(" ");
    let paths = g.content(content);
    // Everything is checked before anything is written: exit 2 means the file is untouched.
    let engine = super::load(&paths)?;
    if let Err(e) = teach::precheck(&engine, &target, lang, &question) {
        eprintln!("widunetz-bot: {e}; nothing was written");
        return Ok(ExitCode::from(2));
    }
    let edited = match edit::edit(&paths.faq, &target, lang, &question, &mut |_| {}) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("widunetz-bot: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = if edited.written {
        format!(
            "Added to {}: {:?} ({lang})\n",
            edited.file.display(),
            edited.question
        )
    } else {
        format!(
            "Already in {}: {:?} ({lang}); nothing written\n",
            edited.file.display(),
            edited.question
        )
    };
    // The content as a running bot will load it (it reloads by itself when it watches the
    // folder; else /reload or SIGHUP).
    let engine = match Engine::load(&paths.faq, &paths.locales) {
        Ok((e, _)) => e,
        Err(e) => {
            out.push_str(&format!(
                "Could not ask again: the content does not load: {e}\n"
            ));
            output::emit(&Line(out.trim_end().to_string()), false)?;
            return Ok(ExitCode::from(1));
        }
    };
    let (verdict, reply) = teach::verdict(&engine, &target, lang, &edited.question);
    out.push_str(&explain(
        &engine,
        &target,
        lang,
        &edited.question,
        &verdict,
        reply.score,
    ));
    output::emit(&Line(out.trim_end().to_string()), false)?;
    Ok(if verdict.is_done() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What the bot now does with the question, and what to do if that is not what was meant.
fn explain(
    engine: &Engine,
    target: &Target,
    lang: &str,
    question: &str,
    verdict: &Verdict,
    score: f32,
) -> String {
    let code = LangCode::new(lang).unwrap_or_else(LangCode::default_lang);
    let title = |id: &str| match EntryId::new(id) {
        Some(id) => engine.entry_title(&id, &code),
        None => id.to_string(),
    };
    let named = |id: &str| format!("{id} ({:?})", title(id));
    match (verdict, target) {
        (Verdict::Done, Target::Entry(id)) => {
            format!(
                "Asked again: answered by {}, score {score:.2}. Done.",
                named(id)
            )
        }
        (Verdict::Done, Target::OutOfScope) => {
            "Asked again: the no-match reply (with the contacts). Done.".to_string()
        }
        (Verdict::OtherEntry(other), Target::Entry(id)) => format!(
            "Asked again: still answered by another entry, {}, score {score:.2}.\n\
             If the question belongs there, remove the line again (or run\n  {}\n\
             instead). If it belongs to {id}, add one or two more variants to {id} in the\n\
             words people use, or make the variants of {other} more specific.",
            named(other),
            teach::add_question_line(other, lang, question),
        ),
        (Verdict::OtherEntry(other), Target::OutOfScope) => format!(
            "Asked again: entry {} still answers it, score {score:.2}.\n\
             Its variants are closer than the out-of-scope examples: add more examples worded\n\
             like this question, or check whether a variant of {other} is too general.",
            named(other),
        ),
        (Verdict::Suggestions(ids), _) => {
            let list: Vec<String> = ids.iter().map(|i| named(i)).collect();
            let fix = match target {
                Target::Entry(id) => format!(
                    "Add one or two more variants to {id} worded like this question, so it\n\
                     answers directly."
                ),
                Target::OutOfScope => "Add more out-of-scope examples worded like this \
                                       question."
                    .to_string(),
            };
            format!(
                "Asked again: \"did you mean\" still wins, with {}.\n{fix}",
                list.join(", ")
            )
        }
        (Verdict::NoMatch, _) => format!(
            "Asked again: still the no-match reply. Check that the question fits {} and add\n\
             more variants in the words of the question.",
            match target {
                Target::Entry(id) => id.as_str(),
                Target::OutOfScope => "the entry",
            }
        ),
        (Verdict::SmallTalk(kind), _) => format!(
            "Asked again: answered as small talk ({kind}); the question reads like a greeting\n\
             or thanks. Write it the way people ask the real question."
        ),
        (Verdict::Empty, _) => "Asked again: the question has no letters or digits.".to_string(),
    }
}
