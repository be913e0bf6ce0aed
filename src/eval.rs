//! `eval`: runs a labelled question file (format of `../shared/eval/dev.toml`) through
//! [`Engine::answer`] exactly as `ask` without `--lang` does, and reports the metrics of
//! CONTRACT.md.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Engine;
use crate::engine::OutcomeKind;
use crate::error::Error;
use crate::ids::EntryId;

#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    pub lang: String,
    pub question: String,
    pub expect: String,
}

#[derive(Deserialize)]
struct CaseFile {
    #[serde(default)]
    case: Vec<Case>,
}

pub fn load_cases(path: &Path) -> Result<Vec<Case>, Error> {
    let src = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let f: CaseFile = toml::from_str(&src).map_err(|e| {
        let at = e
            .span()
            .map(|s| crate::error::LineIndex::new(&src).line_col(s.start));
        Error::Eval {
            path: path.to_path_buf(),
            message: match at {
                Some((l, c)) => format!("line {l}, column {c}: {}", e.message()),
                None => e.message().to_string(),
            },
        }
    })?;
    Ok(f.case)
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct LangStats {
    pub top1: f64,
    pub wrong: f64,
    pub oos_rejected: f64,
    pub cases: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    pub lang: String,
    pub question: String,
    pub expect: String,
    pub got: Option<EntryId>,
    pub outcome: OutcomeKind,
    pub suggestions: Vec<EntryId>,
    pub score: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub cases: usize,
    pub in_scope: usize,
    pub top1: f64,
    pub top3: f64,
    pub wrong: f64,
    pub oos_rejected: f64,
    pub lang_detected: f64,
    pub match_us_p50: f64,
    pub match_us_p99: f64,
    pub per_lang: BTreeMap<String, LangStats>,
    pub failures: Vec<Failure>,
}

#[derive(Default)]
struct Tally {
    cases: usize,
    in_scope: usize,
    oos: usize,
    top1: usize,
    top3: usize,
    wrong: usize,
    rejected: usize,
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

pub fn run(engine: &Engine, cases: &[Case]) -> Report {
    let mut all = Tally::default();
    let mut per: BTreeMap<String, Tally> = BTreeMap::new();
    let mut detected = 0;
    let mut times = Vec::with_capacity(cases.len());
    let mut failures = Vec::new();
    for c in cases {
        let r = engine.answer(&c.question, None);
        times.push(r.match_time.as_secs_f64() * 1e6);
        if r.detected_lang.as_deref() == Some(c.lang.as_str()) {
            detected += 1;
        }
        let t = per.entry(c.lang.clone()).or_default();
        let in_scope = c.expect != "none";
        for t in [&mut all, &mut *t] {
            t.cases += 1;
        }
        let ok = if in_scope {
            let hit = r.confident && r.id.as_ref().is_some_and(|id| *id == *c.expect);
            let in3 = hit || r.suggestions.iter().any(|s| s.id == *c.expect);
            let wrong = r.confident && !hit;
            for t in [&mut all, per.entry(c.lang.clone()).or_default()] {
                t.in_scope += 1;
                t.top1 += hit as usize;
                t.top3 += in3 as usize;
                t.wrong += wrong as usize;
            }
            hit
        } else {
            let rejected = !r.confident;
            for t in [&mut all, per.entry(c.lang.clone()).or_default()] {
                t.oos += 1;
                t.rejected += rejected as usize;
            }
            rejected
        };
        if !ok {
            failures.push(Failure {
                lang: c.lang.clone(),
                question: c.question.clone(),
                expect: c.expect.clone(),
                got: r.id.clone(),
                outcome: r.outcome(),
                suggestions: r.suggestions.iter().map(|s| s.id.clone()).collect(),
                score: r.score,
            });
        }
    }
    times.sort_by(f64::total_cmp);
    Report {
        cases: all.cases,
        in_scope: all.in_scope,
        top1: share(all.top1, all.in_scope),
        top3: share(all.top3, all.in_scope),
        wrong: share(all.wrong, all.in_scope),
        oos_rejected: share(all.rejected, all.oos),
        lang_detected: share(detected, all.cases),
        match_us_p50: percentile(&times, 50.0),
        match_us_p99: percentile(&times, 99.0),
        per_lang: per
            .into_iter()
            .map(|(k, t)| {
                (
                    k,
                    LangStats {
                        top1: share(t.top1, t.in_scope),
                        wrong: share(t.wrong, t.in_scope),
                        oos_rejected: share(t.rejected, t.oos),
                        cases: t.cases,
                    },
                )
            })
            .collect(),
        failures,
    }
}

impl Report {
    /// Human-readable summary.
    pub fn render(&self) -> String {
        let mut s = format!(
            "cases {}  in scope {}\ntop1 {:.3}  top3 {:.3}  wrong {:.3}  oos_rejected {:.3}  lang_detected {:.3}\nmatch p50 {:.1} µs  p99 {:.1} µs\n",
            self.cases,
            self.in_scope,
            self.top1,
            self.top3,
            self.wrong,
            self.oos_rejected,
            self.lang_detected,
            self.match_us_p50,
            self.match_us_p99
        );
        for (l, st) in &self.per_lang {
            s.push_str(&format!(
                "  {l}: top1 {:.3}  wrong {:.3}  oos_rejected {:.3}  ({} cases)\n",
                st.top1, st.wrong, st.oos_rejected, st.cases
            ));
        }
        if !self.failures.is_empty() {
            s.push_str(&format!("failures ({}):\n", self.failures.len()));
            for f in &self.failures {
                s.push_str(&format!(
                    "  [{}] {:?}: expected {}, got {} ({}, {:.2}; suggestions {:?})\n",
                    f.lang,
                    f.question,
                    f.expect,
                    f.got.as_ref().map_or("-", EntryId::as_str),
                    f.outcome,
                    f.score,
                    f.suggestions
                        .iter()
                        .map(EntryId::as_str)
                        .collect::<Vec<_>>()
                ));
            }
        }
        s
    }
}
