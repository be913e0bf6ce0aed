//! The per-language files under `locales/<code>/` (`profile.toml`, `translit.txt`), read
//! the same way for every loader.

use std::path::{Path, PathBuf};

use crate::error::{Location, Problem};

/// The file `name` of every language folder under `locales_dir` that has one, as (code,
/// path, text), in folder order. A file that cannot be read is a problem at its path; a
/// missing locales folder is reported by the localisation loader, not here.
pub(crate) fn language_files(
    locales_dir: &Path,
    name: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(String, PathBuf, String)> {
    let Ok(rd) = std::fs::read_dir(locales_dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    dirs.sort();
    let mut out = Vec::new();
    for d in dirs {
        let file = d.join(name);
        let Some(code) = d.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !file.is_file() {
            continue;
        }
        match std::fs::read_to_string(&file) {
            Ok(src) => out.push((code.to_string(), file, src)),
            Err(e) => problems.push(Problem::error(
                Location::file(&file),
                None,
                format!("cannot read: {e}"),
            )),
        }
    }
    out
}
