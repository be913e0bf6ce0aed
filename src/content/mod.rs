//! The knowledge base on disk: `faq/*.toml` (how people ask) and `locales/<lang>/*.ftl`
//! (what the bot says), plus `faq/synonyms.toml` and `faq/out-of-scope.toml` ([`lexicon`]).
//! Loading collects every problem instead of stopping at the first.

pub mod faq;
pub mod lexicon;

pub use faq::{Entry, Faq, SmallTalk};
pub use lexicon::{Phrase, SynonymGroup};

use std::path::{Path, PathBuf};

use crate::error::Error;

/// Files under `dir` (recursively) whose name ends in `.ext`, sorted for stable results.
pub fn files_with_ext(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d).map_err(|source| Error::Io {
            path: d.clone(),
            source,
        })?;
        for e in rd {
            let e = e.map_err(|source| Error::Io {
                path: d.clone(),
                source,
            })?;
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

pub(crate) fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}
