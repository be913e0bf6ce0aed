//! Smoke test of the benchmark's synthetic knowledge-base generator (benches/synth): a tiny
//! knowledge base in the content formats loads cleanly through `Engine::load`, and its
//! labelled queries find their entries. No timings.

use crate::support;
use crate::synth;

use widunetz_bot::Engine;

#[test]
fn tiny_synthetic_knowledge_base_loads_and_answers() {
    let dir = tempfile::tempdir().expect("tmp");
    synth::write(dir.path(), 30, &support::root()).expect("generate");
    let (engine, problems) =
        Engine::load(&dir.path().join("faq"), &dir.path().join("locales")).expect("load");
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(engine.faq().entries.len(), 30);
    let mut rng = synth::Rng::new(7);
    let mut hits = 0;
    let mut total = 0;
    for e in &engine.faq().entries {
        for lang in synth::LANGS {
            let qs = &e.questions[lang];
            assert_eq!(qs.len(), synth::VARIANTS, "{} {lang}", e.id);
            let q = synth::perturb(lang, &qs[rng.below(qs.len())], &mut rng);
            assert!(
                !qs.contains(&q),
                "a query is never a variant verbatim: {q:?}"
            );
            let r = engine.rank(&q);
            total += 1;
            if r.entries.first().is_some_and(|(id, _)| *id == e.id) {
                hits += 1;
            }
        }
    }
    // Quality is measured by the benchmark; here only that matching works at all.
    assert!(hits * 10 >= total * 8, "{hits} of {total}");
}
