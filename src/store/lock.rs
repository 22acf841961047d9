//! One process owns a data folder at a time: a second one is told so.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::StoreError;

/// An exclusive lock on `sentra.lock` in the data folder, released when dropped
/// (or when the process dies, so a crash never leaves a stale lock).
pub struct FolderLock {
    _file: File,
}

impl FolderLock {
    pub fn acquire(dir: &Path) -> Result<FolderLock, StoreError> {
        let path = dir.join(super::output_path::LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::folder(dir, e))?;
        match file.try_lock() {
            Ok(()) => Ok(FolderLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::AlreadyOpen(dir.to_path_buf())),
            Err(TryLockError::Error(e)) => Err(StoreError::folder(dir, e)),
        }
    }
}
