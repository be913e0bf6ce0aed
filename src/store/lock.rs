//! One bot per data folder: an exclusive lock on `widunetz.lock` inside it.

use std::path::Path;

use super::LOCK_FILE;
use crate::error::Error;

/// Holds the data folder's lock; released when dropped (or when the process ends, also by
/// `kill -9`).
#[derive(Debug)]
pub struct DataLock {
    _file: std::fs::File,
}

/// Takes the exclusive lock on `dir/widunetz.lock` (creating the folder, private, if needed).
/// A second bot on the same folder would fetch and answer the same questions: it gets a clear
/// error instead.
pub fn lock_data_dir(dir: &Path) -> Result<DataLock, Error> {
    create_private_dir(dir)?;
    let path = dir.join(LOCK_FILE);
    let mut opts = std::fs::OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let file = opts.open(&path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    match file.try_lock() {
        Ok(()) => Ok(DataLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Locked {
            dir: dir.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(Error::Io { path, source }),
    }
}

/// Creates `dir` readable by the owner only (and makes an existing one so).
pub(super) fn create_private_dir(dir: &Path) -> Result<(), Error> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        // Created private, not made private afterwards: no moment in which others can read.
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_one_folder_is_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        let first = lock_data_dir(dir.path()).expect("first");
        let second = lock_data_dir(dir.path()).expect_err("second");
        assert!(second.to_string().contains("already running"), "{second}");
        drop(first);
        lock_data_dir(dir.path()).expect("free again");
    }
}
