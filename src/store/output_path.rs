//! One guard for every file written where a person chose the path (`--pdf`,
//! `--csv`, `--out`, `backup`, `product export`, the window's save boxes):
//! never the book, its companions, its lock, a backup or the copy a restore
//! kept. The path is compared as the system will open it: symlinks and `..`
//! of the existing folder resolved, a symlink at the path itself followed,
//! names compared without regard to case (Windows and macOS ignore it), and
//! an existing file compared by identity too (a hard link to the book).

use std::path::{Component, Path, PathBuf};

use super::{DATABASE_FILE, Store, StoreError};

/// The folder of the book's backups inside the data folder.
pub const BACKUP_FOLDER: &str = "backups";
/// The data folder's lock file.
pub const LOCK_FILE: &str = "sentra.lock";
/// How a restore names the book it replaces: `sentra.db.before-restore-…`.
pub const BEFORE_RESTORE: &str = "sentra.db.before-restore-";

/// Why an output path is refused.
#[derive(Debug, thiserror::Error)]
pub enum OutputPathError {
    #[error("{0} adalah buku Sentra ini atau berkas pendampingnya; simpan ke berkas lain")]
    Book(PathBuf),
    #[error("{0} adalah kunci folder data Sentra; simpan ke berkas lain")]
    Lock(PathBuf),
    #[error("{0} adalah salinan buku yang disimpan saat pemulihan; simpan ke berkas lain")]
    BeforeRestore(PathBuf),
    #[error(
        "{0} ada di folder cadangan sebuah buku Sentra, yang hanya diisi buku itu sendiri; simpan ke tempat lain"
    )]
    Backup(PathBuf),
    #[error("{0} adalah folder data buku ini; pilih folder lain untuk berkas ekspor")]
    DataFolder(PathBuf),
    #[error("jalur {0} tidak bisa diperiksa (terlalu banyak tautan simbolik)")]
    Unresolvable(PathBuf),
    #[error("{0} adalah buku Sentra lain (ada kunci folder datanya); simpan ke berkas lain")]
    Database(PathBuf),
    #[error(
        "{0} adalah buku atau cadangan Sentra; hanya cadangan baru (sentra backup) yang boleh menggantinya"
    )]
    SentraBook(PathBuf),
    #[error("{0} bukan berkas biasa (perangkat atau pipa); cadangan harus berkas")]
    NotAFile(PathBuf),
    #[error("--pdf dan --xlsx menunjuk berkas yang sama ({0}); beri nama yang berbeda")]
    SameFile(PathBuf),
    #[error("{0}: berkas --xlsx harus berakhiran .xlsx")]
    NotXlsx(PathBuf),
    #[error(
        "folder {0} tidak ada; pasang flashdisk-nya atau buat foldernya dulu, lalu simpan lagi"
    )]
    NoFolder(PathBuf),
}

/// Whether the regular file at `path` is a Sentra book or a backup of one:
/// an SQLite database whose `application_id` is Sentra's.
fn is_sentra_book(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 72];
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    regular
        && std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut header))
            .is_ok_and(|()| {
                &header[..16] == b"SQLite format 3\0"
                    && i32::from_be_bytes([header[68], header[69], header[70], header[71]])
                        == super::migrate::APPLICATION_ID
            })
}

/// Whether `path` is in the backups folder of a live data folder (this
/// book's or another's): daily backups are replaced only by their book.
fn in_a_books_backups(path: &Path) -> bool {
    path.parent().is_some_and(|folder| {
        folder.file_name().is_some_and(|n| n == BACKUP_FOLDER)
            && folder
                .parent()
                .is_some_and(|data| data.join(LOCK_FILE).exists())
    })
}

/// Whether the file at `path` is a live book: an SQLite database in a
/// folder that holds a Sentra lock (another stall's folder, the office's
/// book). A backup copied to a stick has no lock beside it and may be
/// replaced by a newer one.
fn is_live_book(path: &Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 16];
    // Only a regular file is read: opening a pipe or a device to read
    // would wait for input that never comes.
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    let database = regular
        && std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut magic))
            .is_ok_and(|()| &magic == b"SQLite format 3\0");
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    database && folder.join(LOCK_FILE).exists()
}

/// Whether `path` is the lock, or the WAL, shared memory or journal, of a
/// live book in another data folder: writing there breaks that book too.
fn is_live_companion(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if name == LOCK_FILE {
        return is_live_book(&folder.join(DATABASE_FILE));
    }
    ["-wal", "-shm", "-journal"].iter().any(|suffix| {
        name.strip_suffix(suffix)
            .is_some_and(|book| is_live_book(&folder.join(book)))
    })
}

/// What kind of protected file a name in the data folder is, if any.
enum Protected {
    Book,
    Lock,
    BeforeRestore,
}

impl Store {
    /// Refuses `path` as a file to write when it is the book, its `-wal`,
    /// `-shm` or `-journal`, the lock, anything in the backups folder or a
    /// before-restore copy. Call it before anything is recorded.
    pub fn check_output_path(&self, path: &Path) -> Result<(), StoreError> {
        self.check_target(path)?;
        // Paper and tables never replace a book or a backup, wherever it is.
        if is_sentra_book(path) {
            return Err(OutputPathError::SentraBook(path.to_path_buf()).into());
        }
        Ok(())
    }

    /// Refuses `path` as the file `sentra backup` writes: what
    /// [`Store::check_output_path`] refuses, except an older backup on a
    /// stick (no data folder's lock beside it), which a newer one replaces;
    /// and anything not a plain file, which a rename would replace.
    pub fn check_backup_path(&self, path: &Path) -> Result<(), StoreError> {
        self.check_target(path)?;
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            return Err(OutputPathError::NotAFile(path.to_path_buf()).into());
        }
        Ok(())
    }

    fn check_target(&self, path: &Path) -> Result<(), StoreError> {
        if in_a_books_backups(path) {
            return Err(OutputPathError::Backup(path.to_path_buf()).into());
        }
        let home = Home::of(self)?;
        for candidate in candidates(path)? {
            home.refuse_file(path, &candidate)?;
        }
        home.refuse_same_file(path)?;
        if is_live_book(path) || is_live_companion(path) {
            return Err(OutputPathError::Database(path.to_path_buf()).into());
        }
        Ok(())
    }

    /// Refuses a receipt printer that is the book (or any path
    /// `check_output_path` refuses): a device path is written straight into,
    /// so `printer test --to` or the `escpos_printer` setting must never
    /// name the book, its WAL, its lock or a backup.
    pub fn check_printer(
        &self,
        target: &crate::domain::printer::PrinterTarget,
    ) -> Result<(), StoreError> {
        match target {
            crate::domain::printer::PrinterTarget::Device(path) => {
                self.check_output_path(Path::new(path))
            }
            _ => Ok(()),
        }
    }

    /// Refuses `dir` as a folder to write export files into when it is the
    /// data folder itself or the backups folder (or inside it).
    pub fn check_output_folder(&self, dir: &Path) -> Result<(), StoreError> {
        let home = Home::of(self)?;
        for candidate in candidates(dir)? {
            if same_path(&candidate, &home.dir) {
                return Err(OutputPathError::DataFolder(dir.to_path_buf()).into());
            }
            if starts_with(&candidate, &home.backups) {
                return Err(OutputPathError::Backup(dir.to_path_buf()).into());
            }
        }
        Ok(())
    }

    /// Whether `path` is the book file itself (or one of its companions), as
    /// the system would open it: a restore must not read the book it replaces.
    pub(crate) fn is_own_book(&self, path: &Path) -> Result<bool, StoreError> {
        Ok(self.check_output_path(path).is_err_and(|e| {
            matches!(
                e,
                StoreError::OutputPath(OutputPathError::Book(_) | OutputPathError::Lock(_))
            )
        }))
    }
}

/// The data folder and its backups folder, resolved.
struct Home {
    dir: PathBuf,
    backups: PathBuf,
}

impl Home {
    fn of(store: &Store) -> Result<Home, StoreError> {
        let dir =
            std::fs::canonicalize(store.dir()).map_err(|e| StoreError::folder(store.dir(), e))?;
        let backups = std::fs::canonicalize(dir.join(BACKUP_FOLDER))
            .unwrap_or_else(|_| dir.join(BACKUP_FOLDER));
        Ok(Home { dir, backups })
    }

    fn refuse_file(&self, given: &Path, candidate: &Path) -> Result<(), OutputPathError> {
        if starts_with(candidate, &self.backups) {
            return Err(OutputPathError::Backup(given.to_path_buf()));
        }
        let (Some(parent), Some(name)) = (candidate.parent(), candidate.file_name()) else {
            return Ok(());
        };
        if !same_path(parent, &self.dir) {
            return Ok(());
        }
        match protected_name(&name.to_string_lossy()) {
            Some(Protected::Book) => Err(OutputPathError::Book(given.to_path_buf())),
            Some(Protected::Lock) => Err(OutputPathError::Lock(given.to_path_buf())),
            Some(Protected::BeforeRestore) => {
                Err(OutputPathError::BeforeRestore(given.to_path_buf()))
            }
            None => Ok(()),
        }
    }

    /// An existing file that is one of the protected files under another
    /// name (a hard link, a bind mount): refused all the same.
    fn refuse_same_file(&self, given: &Path) -> Result<(), OutputPathError> {
        let Ok(target) = std::fs::metadata(given) else {
            return Ok(());
        };
        let mut protected: Vec<(PathBuf, Protected)> = Vec::new();
        for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            if let Some(kind) = protected_name(&entry.file_name().to_string_lossy()) {
                protected.push((entry.path(), kind));
            }
        }
        for (path, kind) in protected {
            if std::fs::metadata(&path).is_ok_and(|m| same_file(&m, &target)) {
                return Err(match kind {
                    Protected::Book => OutputPathError::Book(given.to_path_buf()),
                    Protected::Lock => OutputPathError::Lock(given.to_path_buf()),
                    Protected::BeforeRestore => OutputPathError::BeforeRestore(given.to_path_buf()),
                });
            }
        }
        for entry in std::fs::read_dir(&self.backups)
            .into_iter()
            .flatten()
            .flatten()
        {
            if std::fs::metadata(entry.path()).is_ok_and(|m| same_file(&m, &target)) {
                return Err(OutputPathError::Backup(given.to_path_buf()));
            }
        }
        Ok(())
    }
}

/// The book (`sentra.db` and everything SQLite or a restore puts beside it
/// under that name), the lock, or a before-restore copy.
fn protected_name(name: &str) -> Option<Protected> {
    let name = name.to_lowercase();
    if name.starts_with(BEFORE_RESTORE) {
        Some(Protected::BeforeRestore)
    } else if name.starts_with(DATABASE_FILE) {
        Some(Protected::Book)
    } else if name == LOCK_FILE {
        Some(Protected::Lock)
    } else {
        None
    }
}

/// The path as the system will open it, and as written with `..` folded
/// (Windows folds `..` before looking at the disk, so both count).
fn candidates(path: &Path) -> Result<Vec<PathBuf>, OutputPathError> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let lexical = fold_dots(&absolute);
    let mut found = vec![resolve(&absolute, path)?, resolve(&lexical, path)?];
    found.push(lexical);
    Ok(found)
}

/// Follows a symlink at the path itself (even a dangling one, whose target
/// the write would create), then resolves the existing folder it is in.
fn resolve(start: &Path, given: &Path) -> Result<PathBuf, OutputPathError> {
    let mut path = start.to_path_buf();
    for _ in 0..40 {
        let folder = path
            .parent()
            .map(real_folder)
            .unwrap_or_else(|| path.clone());
        let Some(name) = path.file_name() else {
            // `/` or a path ending in `..`: a folder, resolved as a whole.
            return Ok(std::fs::canonicalize(&path).unwrap_or_else(|_| fold_dots(&path)));
        };
        let here = folder.join(name);
        match std::fs::symlink_metadata(&here) {
            Ok(meta) if meta.file_type().is_symlink() => match std::fs::read_link(&here) {
                Ok(target) => path = fold_dots(&folder.join(target)),
                Err(_) => return Ok(here),
            },
            _ => return Ok(here),
        }
    }
    Err(OutputPathError::Unresolvable(given.to_path_buf()))
}

/// The folder with its symlinks and `..` resolved as far as it exists.
fn real_folder(folder: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(folder) {
        return real;
    }
    match (folder.parent(), folder.file_name()) {
        (Some(parent), Some(name)) => real_folder(parent).join(name),
        _ => fold_dots(folder),
    }
}

/// `a/b/../c` → `a/c`, without looking at the disk.
fn fold_dots(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn folded(path: &Path) -> Vec<String> {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().to_lowercase())
        .collect()
}

fn same_path(a: &Path, b: &Path) -> bool {
    folded(a) == folded(b)
}

fn starts_with(path: &Path, folder: &Path) -> bool {
    folded(path).starts_with(&folded(folder))
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_beside_the_book() {
        assert!(matches!(protected_name("sentra.db"), Some(Protected::Book)));
        assert!(matches!(
            protected_name("SENTRA.DB-wal"),
            Some(Protected::Book)
        ));
        assert!(matches!(
            protected_name("sentra.db-shm"),
            Some(Protected::Book)
        ));
        assert!(matches!(
            protected_name("sentra.lock"),
            Some(Protected::Lock)
        ));
        assert!(matches!(
            protected_name("sentra.db.before-restore-1"),
            Some(Protected::BeforeRestore)
        ));
        assert!(protected_name("struk.pdf").is_none());
        assert!(protected_name("sentra.pdf").is_none());
    }

    #[test]
    fn dots_fold() {
        assert_eq!(
            fold_dots(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }
}
