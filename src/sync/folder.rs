//! Finding and reading export files in what a person hands the office: a
//! flash disk's folder may hold anything, so nothing found in it is trusted.
//!
//! - Only regular files are read. A symbolic link found inside a folder is
//!   never followed (a link named `*.sentra` to `/dev/zero`, or a link to a
//!   folder above it, is refused with a reason); FIFOs, sockets and devices
//!   are refused without being opened, so a FIFO cannot hang the import.
//! - A folder is walked once: each folder is known by its device and inode,
//!   so no arrangement of mounts can make the walk loop, and the walk stops
//!   [`MAX_DEPTH`] folders down.
//! - A file larger than [`MAX_FILE_BYTES`] is refused before a byte of it is
//!   read, and reading takes at most that many bytes (plus one, to notice a
//!   file that grew or lied about its size), so memory stays bounded.
//! - A path named on the command line may be a link: it is followed once,
//!   and what it leads to must be a regular file within the limit (or a
//!   folder, walked by the rules above).
//!
//! Every entry refused becomes a result of its own, with its reason; one bad
//! entry never stops the others.

use std::collections::HashSet;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use super::SyncError;
use super::format::EXTENSION;

/// The largest export file the office reads: 64 MiB. A stall's day is a few
/// kilobytes and a year re-sent in one file a few tens of megabytes; a file
/// over this is refused before it is read. It is also the import's budget
/// of file bytes held in memory at once (see `import::import_files`), which
/// keeps the office well under 256 MB whatever the folder holds.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How many folders deep a walk goes.
pub const MAX_DEPTH: usize = 32;

const MIB: u64 = 1024 * 1024;

/// Why an entry is not read, in the words the office shows next to its name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("tautan simbolik tidak diikuti")]
    Symlink,
    #[error("bukan berkas biasa (pipa/soket/perangkat): dilewati")]
    NotRegular,
    #[error("berkas terlalu besar: {} MB, batas {} MB", mebibytes(*.0), mebibytes(MAX_FILE_BYTES))]
    TooBig(u64),
    #[error("folder ini sudah dibaca (putaran tautan): dilewati")]
    Loop,
    #[error("folder terlalu dalam (lebih dari {MAX_DEPTH} tingkat): dilewati")]
    TooDeep,
    #[error("folder tidak bisa dibaca: {0}")]
    Folder(String),
}

/// Whole mebibytes, rounded up: a file one byte over the limit does not
/// read as "64 MB, batas 64 MB".
fn mebibytes(bytes: u64) -> u64 {
    bytes.div_ceil(MIB)
}

/// One candidate found for import: a path and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    how: How,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum How {
    /// Named by a person: a link is followed once.
    Named,
    /// Found inside a folder: read only if it is a regular file itself.
    InFolder,
    /// Refused while walking, never opened.
    Refused(Unreadable),
}

impl Found {
    /// A file named by a person (on the command line, in the window).
    pub fn named(path: &Path) -> Self {
        Found {
            path: path.to_path_buf(),
            how: How::Named,
        }
    }

    fn in_folder(path: PathBuf) -> Self {
        Found {
            path,
            how: How::InFolder,
        }
    }

    fn refused(path: PathBuf, why: Unreadable) -> Self {
        Found {
            path,
            how: How::Refused(why),
        }
    }

    /// Why the walk already refused this entry, if it did.
    pub fn refusal(&self) -> Option<&Unreadable> {
        match &self.how {
            How::Refused(why) => Some(why),
            _ => None,
        }
    }

    /// The size the file says it has (0 if unknown or refused), at most
    /// [`MAX_FILE_BYTES`]: what reading it will hold in memory.
    pub fn size_hint(&self) -> u64 {
        let meta = match self.how {
            How::Named => std::fs::metadata(&self.path),
            How::InFolder => std::fs::symlink_metadata(&self.path),
            How::Refused(_) => return 0,
        };
        meta.map(|m| m.len().min(MAX_FILE_BYTES)).unwrap_or(0)
    }
}

/// The files to import from paths given by a person: files as named, and
/// every export file found below a folder, in name order (which is the order
/// of the stalls' codes, days and sequences), with the entries refused on
/// the way among them.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<Found>, SyncError> {
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        // A named path is followed once: `metadata`, not `symlink_metadata`.
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &meta, 0, &mut seen, &mut found),
            // A file, a FIFO, a missing path: reading it says what is wrong.
            _ => found.push(Found::named(path)),
        }
    }
    Ok(found)
}

/// Whether a name is an export file's.
fn is_export_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == EXTENSION)
}

#[cfg(unix)]
fn identity(meta: &Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(meta: &Metadata) -> (u64, u64) {
    // No inode to go by: links are never followed inside a folder, so a
    // folder is reached by one path only; the size and times tell folders
    // apart well enough for the walk's depth limit to do the rest.
    let stamp = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    (stamp, meta.len())
}

fn walk(
    dir: &Path,
    meta: &Metadata,
    depth: usize,
    seen: &mut HashSet<(u64, u64)>,
    found: &mut Vec<Found>,
) {
    if depth > MAX_DEPTH {
        found.push(Found::refused(dir.to_path_buf(), Unreadable::TooDeep));
        return;
    }
    if !seen.insert(identity(meta)) {
        found.push(Found::refused(dir.to_path_buf(), Unreadable::Loop));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            found.push(Found::refused(
                dir.to_path_buf(),
                Unreadable::Folder(error.to_string()),
            ));
            return;
        }
    };
    let mut listed = Vec::new();
    for entry in entries {
        match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
            Ok(pair) => listed.push(pair),
            Err(error) => {
                found.push(Found::refused(
                    dir.to_path_buf(),
                    Unreadable::Folder(error.to_string()),
                ));
            }
        }
    }
    listed.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in listed {
        // `file_type` is the entry's own type: a link is a link here.
        if kind.is_symlink() {
            // Worth a word if it looks like an export or leads to a folder
            // (or nowhere sensible, as a loop does); other links are just
            // not exports.
            let leads_to_folder = match std::fs::metadata(&path) {
                Ok(target) => target.is_dir(),
                Err(error) => error.kind() != std::io::ErrorKind::NotFound,
            };
            if is_export_name(&path) || leads_to_folder {
                found.push(Found::refused(path, Unreadable::Symlink));
            }
        } else if kind.is_dir() {
            match std::fs::symlink_metadata(&path) {
                Ok(meta) => walk(&path, &meta, depth + 1, seen, found),
                Err(error) => {
                    found.push(Found::refused(path, Unreadable::Folder(error.to_string())))
                }
            }
        } else if is_export_name(&path) {
            if kind.is_file() {
                found.push(Found::in_folder(path));
            } else {
                found.push(Found::refused(path, Unreadable::NotRegular));
            }
        }
    }
}

/// What a file's metadata must say before it is opened, and again of the
/// handle once opened (the entry may have been swapped in between).
fn check(meta: &Metadata) -> Result<(), Unreadable> {
    if meta.file_type().is_symlink() {
        Err(Unreadable::Symlink)
    } else if !meta.is_file() {
        Err(Unreadable::NotRegular)
    } else if meta.len() > MAX_FILE_BYTES {
        Err(Unreadable::TooBig(meta.len()))
    } else {
        Ok(())
    }
}

#[cfg(unix)]
fn open_file(path: &Path, follow: bool) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Never block on open (a FIFO swapped in after the check), and never
    // follow a link swapped in after the check unless the person named it.
    let mut flags = libc::O_NONBLOCK;
    if !follow {
        flags |= libc::O_NOFOLLOW;
    }
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
}

#[cfg(not(unix))]
fn open_file(path: &Path, _follow: bool) -> std::io::Result<File> {
    File::open(path)
}

/// The bytes of a found file, by the rules above.
pub fn read(found: &Found) -> Result<Vec<u8>, SyncError> {
    let follow = match &found.how {
        How::Refused(why) => return Err(SyncError::Unreadable(why.clone())),
        How::Named => true,
        How::InFolder => false,
    };
    let path = &found.path;
    let io = |source| SyncError::Io {
        path: path.clone(),
        source,
    };
    let meta = if follow {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    }
    .map_err(io)?;
    check(&meta).map_err(SyncError::Unreadable)?;
    let file = open_file(path, follow).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    check(&meta).map_err(SyncError::Unreadable)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // It grew while being read, or its size was not the truth.
        return Err(SyncError::Unreadable(
            Unreadable::TooBig(bytes.len() as u64),
        ));
    }
    Ok(bytes)
}

/// File bytes held in memory at once by an import, read or being added:
/// [`MAX_FILE_BYTES`] in all, so big files go one at a time and small ones
/// many at a time. Cloned, it is the same budget.
#[derive(Clone)]
pub struct Budget(Arc<(Mutex<u64>, Condvar)>);

/// A share of a [`Budget`], given back when dropped.
pub struct Permit {
    budget: Budget,
    bytes: u64,
}

impl Budget {
    const LIMIT: u64 = MAX_FILE_BYTES;

    pub fn new() -> Self {
        Budget(Arc::new((Mutex::new(0), Condvar::new())))
    }

    /// Waits until `bytes` (at most the whole budget) are free, and takes them.
    pub fn take(&self, bytes: u64) -> Permit {
        let bytes = bytes.min(Self::LIMIT);
        let (in_use, freed) = &*self.0;
        let mut in_use = in_use.lock().unwrap_or_else(|e| e.into_inner());
        while *in_use + bytes > Self::LIMIT {
            in_use = freed.wait(in_use).unwrap_or_else(|e| e.into_inner());
        }
        *in_use += bytes;
        Permit {
            budget: self.clone(),
            bytes,
        }
    }
}

impl Default for Budget {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let (in_use, freed) = &*self.budget.0;
        let mut in_use = in_use.lock().unwrap_or_else(|e| e.into_inner());
        *in_use -= self.bytes;
        freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_file_waits_until_the_files_before_it_are_given_back() {
        let budget = Budget::new();
        let small = budget.take(1024);
        let also_small = budget.take(1024);
        let (sender, receiver) = std::sync::mpsc::channel();
        let waiting = {
            let budget = budget.clone();
            std::thread::spawn(move || {
                let _big = budget.take(MAX_FILE_BYTES * 3);
                sender.send(()).unwrap();
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(receiver.try_recv().is_err(), "read while others are held");
        drop(small);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(receiver.try_recv().is_err(), "read while one is held");
        drop(also_small);
        receiver
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap();
        waiting.join().unwrap();
        // And all of it is free again.
        drop(budget.take(MAX_FILE_BYTES));
    }

    #[test]
    fn sizes_are_said_in_whole_megabytes_rounded_up() {
        assert_eq!(
            Unreadable::TooBig(200 * MIB).to_string(),
            "berkas terlalu besar: 200 MB, batas 64 MB"
        );
        assert_eq!(
            Unreadable::TooBig(MAX_FILE_BYTES + 1).to_string(),
            "berkas terlalu besar: 65 MB, batas 64 MB"
        );
    }

    #[test]
    fn a_folder_is_walked_in_name_order_and_only_exports_are_taken() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("b/2.sentra"), "x").unwrap();
        std::fs::write(dir.path().join("1.sentra"), "x").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let found = collect_files(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|f| f.path.strip_prefix(dir.path()).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            vec![PathBuf::from("1.sentra"), PathBuf::from("b/2.sentra")]
        );
        assert!(found.iter().all(|f| f.refusal().is_none()));
        assert_eq!(read(&found[0]).unwrap(), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_a_folder_are_refused_but_a_named_link_is_followed_once() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.sentra");
        std::fs::write(&real, "isi").unwrap();
        let inner = dir.path().join("inner");
        std::fs::create_dir(&inner).unwrap();
        std::os::unix::fs::symlink(&real, inner.join("link.sentra")).unwrap();
        std::os::unix::fs::symlink(dir.path(), inner.join("up")).unwrap();
        let found = collect_files(std::slice::from_ref(&inner)).unwrap();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .all(|f| f.refusal() == Some(&Unreadable::Symlink))
        );
        let named = collect_files(&[inner.join("link.sentra")]).unwrap();
        assert_eq!(read(&named[0]).unwrap(), b"isi");
        std::os::unix::fs::symlink("/dev/null", dir.path().join("null.sentra")).unwrap();
        let named = collect_files(&[dir.path().join("null.sentra")]).unwrap();
        assert!(matches!(
            read(&named[0]),
            Err(SyncError::Unreadable(Unreadable::NotRegular))
        ));
    }
}
