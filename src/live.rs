//! Live content: the engine in use, swapped atomically when `faq/` or `locales/` change.
//!
//! - New content is loaded and validated off to the side; only content without errors
//!   replaces the current engine (warnings such as a missing translation are fine).
//! - Readers take a snapshot ([`Live::current`]) once per question or button press and use
//!   only that, so one reply never mixes old and new content.
//! - A broken edit keeps the last good content, logs every problem with file and line, and
//!   the next good edit is picked up as usual.
//! - Triggers: a file watcher (inotify/kqueue/… through the `notify` crate) with a short
//!   debounce, because editors save in several steps; SIGHUP; the admin `/reload` command.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::Engine;
use crate::error::{Error, Problem, Severity};

/// Quiet time after the last file event before reloading: editors write a file in several
/// steps (truncate, write, rename), and a reload half-way would see a broken file.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// What a reload did.
#[derive(Debug)]
pub enum Reload {
    /// New content is live; warnings (if any) did not stop it.
    Swapped {
        generation: u64,
        warnings: Vec<Problem>,
    },
    /// The content has errors; the previous content stays live.
    Rejected { problems: Vec<Problem> },
}

pub struct Live {
    current: RwLock<Arc<Engine>>,
    dirs: Option<(PathBuf, PathBuf)>,
    generation: AtomicU64,
    /// One reload at a time: a watcher event and a SIGHUP at once must not race.
    reloading: Mutex<()>,
    changed: tokio::sync::watch::Sender<u64>,
}

impl Live {
    /// Fixed content that is never reloaded (tests, tools).
    pub fn new(engine: Engine) -> Live {
        Live {
            current: RwLock::new(Arc::new(engine)),
            dirs: None,
            generation: AtomicU64::new(0),
            reloading: Mutex::new(()),
            changed: tokio::sync::watch::Sender::new(0),
        }
    }

    /// Content from these folders, reloadable with [`Live::reload`].
    pub fn from_dirs(engine: Engine, faq_dir: &Path, locales_dir: &Path) -> Live {
        let mut live = Live::new(engine);
        live.dirs = Some((faq_dir.to_path_buf(), locales_dir.to_path_buf()));
        live
    }

    /// The engine to answer with. Cheap (an `Arc` clone); take it once per request.
    pub fn current(&self) -> Arc<Engine> {
        match self.current.read() {
            Ok(g) => g.clone(),
            // A panic while swapping cannot leave a half-written Arc; use what is there.
            Err(p) => p.into_inner().clone(),
        }
    }

    /// How many times new content went live since start.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Notified with the new generation after each swap (e.g. to refresh command menus).
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.changed.subscribe()
    }

    /// Loads the folders again; swaps the new engine in only if it has no errors.
    pub fn reload(&self) -> Reload {
        let Some((faq, locales)) = &self.dirs else {
            return Reload::Rejected {
                problems: Vec::new(),
            };
        };
        let _one = self.reloading.lock().unwrap_or_else(|p| p.into_inner());
        let (engine, problems) = match Engine::load(faq, locales) {
            Ok((e, p)) => (Some(e), p),
            Err(Error::Content(problems)) => (None, problems),
            Err(e) => (
                None,
                vec![Problem::error(
                    crate::error::Location::file(faq),
                    None,
                    e.to_string(),
                )],
            ),
        };
        let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
        let usable = engine.filter(Engine::is_usable);
        match usable {
            Some(engine) if !has_errors => {
                match self.current.write() {
                    Ok(mut g) => *g = Arc::new(engine),
                    Err(p) => *p.into_inner() = Arc::new(engine),
                }
                let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
                self.changed.send_replace(generation);
                for w in &problems {
                    tracing::warn!("{w}");
                }
                tracing::info!(generation, "content reloaded");
                Reload::Swapped {
                    generation,
                    warnings: problems,
                }
            }
            _ => {
                for p in problems.iter().filter(|p| p.severity == Severity::Error) {
                    tracing::error!("content not reloaded: {p}");
                }
                tracing::error!(
                    "content not reloaded: still answering from the last good content; fix the problems above and save again"
                );
                Reload::Rejected { problems }
            }
        }
    }

    /// Watches the content folders and reloads after each burst of changes. Dropping the
    /// returned guard stops watching.
    ///
    /// A folder that is deleted and created again (`git checkout`, `rsync --delete`, an
    /// editor's "save folder") loses its watch with it; so the folders' parents are watched
    /// too, and a content folder that appears again is watched again (and reloaded).
    pub fn watch(self: &Arc<Self>) -> Result<WatchGuard, Error> {
        use notify::{RecursiveMode, Watcher};
        let Some((faq, locales)) = self.dirs.clone() else {
            return Err(Error::FixedContent);
        };
        // Absolute, so that event paths can be compared with them.
        let roots: Vec<PathBuf> = [&faq, &locales]
            .iter()
            .map(|d| std::path::absolute(d).unwrap_or_else(|_| d.to_path_buf()))
            .collect();
        let (tx, rx) = std::sync::mpsc::channel::<Option<PathBuf>>();
        let cb_roots = roots.clone();
        let watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            let Ok(ev) = ev else {
                return;
            };
            for root in &cb_roots {
                if ev.paths.iter().any(|p| p == root) && root.is_dir() {
                    let _ = tx.send(Some(root.clone()));
                }
            }
            let inside = ev
                .paths
                .iter()
                .any(|p| cb_roots.iter().any(|r| p.starts_with(r) && p != r));
            if inside && relevant(&ev) {
                let _ = tx.send(None);
            }
        })
        .map_err(|e| watch_err(&faq, e))?;
        let watcher = Arc::new(Mutex::new(watcher));
        {
            let mut w = watcher.lock().unwrap_or_else(|p| p.into_inner());
            for dir in &roots {
                w.watch(dir, RecursiveMode::Recursive)
                    .map_err(|e| watch_err(dir, e))?;
            }
            for parent in roots.iter().filter_map(|r| r.parent()) {
                // Without the parent's watch only re-creation goes unnoticed: not fatal.
                if let Err(e) = w.watch(parent, RecursiveMode::NonRecursive) {
                    tracing::debug!("not watching {}: {e}", parent.display());
                }
            }
        }
        let live = Arc::downgrade(self);
        let rewatch = Arc::downgrade(&watcher);
        std::thread::Builder::new()
            .name("content-watch".into())
            .spawn(move || {
                // Ends when the watcher (and so the sender) is dropped.
                while let Ok(first) = rx.recv() {
                    let mut appeared: Vec<PathBuf> = first.into_iter().collect();
                    while let Ok(next) = rx.recv_timeout(DEBOUNCE) {
                        appeared.extend(next);
                    }
                    appeared.dedup();
                    if let Some(w) = rewatch.upgrade() {
                        let mut w = w.lock().unwrap_or_else(|p| p.into_inner());
                        for root in &appeared {
                            // Already watched (it only changed): the error is expected.
                            if w.watch(root, RecursiveMode::Recursive).is_ok() {
                                tracing::debug!("watching {} (again)", root.display());
                            }
                        }
                    }
                    match live.upgrade() {
                        Some(l) => {
                            l.reload();
                        }
                        None => break,
                    }
                }
            })
            .map_err(|e| watch_err(&faq, notify::Error::io(e)))?;
        Ok(WatchGuard { _watcher: watcher })
    }

    /// Reloads on SIGHUP (Unix), from a small thread of its own so it works in the
    /// synchronous terminal chat as well as in `serve`.
    #[cfg(unix)]
    pub fn reload_on_sighup(self: &Arc<Self>) -> Result<(), Error> {
        let live = Arc::downgrade(self);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
            .map_err(Error::Signal)?;
        let mut hup = rt
            .block_on(async {
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
            })
            .map_err(Error::Signal)?;
        std::thread::Builder::new()
            .name("sighup".into())
            .spawn(move || {
                rt.block_on(async move {
                    while hup.recv().await.is_some() {
                        match live.upgrade() {
                            Some(l) => {
                                tracing::info!("SIGHUP: reloading content");
                                l.reload();
                            }
                            None => break,
                        }
                    }
                })
            })
            .map_err(Error::Signal)?;
        Ok(())
    }

    #[cfg(not(unix))]
    pub fn reload_on_sighup(self: &Arc<Self>) -> Result<(), Error> {
        Ok(())
    }
}

/// Keeps the file watcher alive.
pub struct WatchGuard {
    _watcher: Arc<Mutex<notify::RecommendedWatcher>>,
}

/// Changes to content files or folders; not reads, and not editor swap files.
fn relevant(ev: &notify::Event) -> bool {
    use notify::EventKind;
    if matches!(ev.kind, EventKind::Access(_)) {
        return false;
    }
    ev.paths.iter().any(|p| {
        match p.extension().and_then(|e| e.to_str()) {
            Some(ext) => ext == "toml" || ext == "ftl",
            // A language folder added or removed.
            None => !p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.') || n.ends_with('~')),
        }
    })
}

fn watch_err(dir: &Path, source: notify::Error) -> Error {
    Error::Watch {
        path: dir.to_path_buf(),
        source,
    }
}
