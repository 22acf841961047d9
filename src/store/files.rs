//! The one way Sentra writes a file: into a temporary file created fresh
//! beside the target (a random name, `O_EXCL`, no symlink followed), flushed
//! to the disk, then renamed over the target, so the target's name only ever
//! holds a whole file and a name planted in the folder (a symlink to the
//! book, a crash's leftover) is never opened. A pipe or a device (a printer,
//! `/dev/stdout`) is written straight through instead: it cannot be renamed
//! over and never holds half a file. `-` is standard output.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `target` whole, or leaves it as it was.
pub fn write_whole(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if target == Path::new("-") || is_standard_output(target) {
        // Through the program's own standard output, so what it prints
        // after follows the file instead of overwriting it.
        let mut out = io::stdout().lock();
        return out.write_all(bytes).and_then(|()| out.flush());
    }
    if is_stream(target) {
        let mut stream = OpenOptions::new().write(true).open(target)?;
        return stream.write_all(bytes).and_then(|()| stream.flush());
    }
    if std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink()) {
        // The file the link names is replaced; the link stays a link.
        return write_whole(&std::fs::canonicalize(target)?, bytes);
    }
    let (mut file, temporary) = create_fresh(target)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            std::fs::rename(&temporary, target)
        });
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error);
    }
    sync_folder(target);
    Ok(())
}

/// Fails now, before anything is recorded, if a file cannot be written
/// beside `target`: the same fresh temporary file a write would make,
/// removed at once.
pub fn check_writable(target: &Path) -> io::Result<()> {
    if target == Path::new("-") {
        return Ok(());
    }
    if is_stream(target) {
        return OpenOptions::new().write(true).open(target).map(drop);
    }
    if target.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "itu folder, bukan nama berkas / that is a folder, not a file name",
        ));
    }
    let (file, temporary) = create_fresh(target)?;
    drop(file);
    std::fs::remove_file(&temporary)
}

/// A new, empty file with a random name in `target`'s folder, opened
/// without following a symlink and refused if the name exists.
pub fn create_fresh(target: &Path) -> io::Result<(File, PathBuf)> {
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    loop {
        let temporary = folder.join(format!(".{name}.{}.tmp", random_hex()?));
        match options.open(&temporary) {
            Ok(file) => return Ok((file, temporary)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Whether a write to `target` goes straight through (`-`, this program's
/// standard output, a pipe or a device) rather than into a file renamed into
/// place: what the program says about it then belongs on standard error.
pub fn is_passthrough(target: &Path) -> bool {
    target == Path::new("-") || is_standard_output(target) || is_stream(target)
}

/// Whether `target` is this program's standard output (`/dev/stdout`
/// redirected to a file).
fn is_standard_output(target: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = std::fs::metadata(target) else {
            return false;
        };
        let mut out = std::mem::MaybeUninit::<libc::stat>::uninit();
        // SAFETY: fstat fills the buffer it is given when it returns 0.
        let stat = unsafe { (libc::fstat(1, out.as_mut_ptr()) == 0).then(|| out.assume_init()) };
        // st_dev and st_ino are u64 here, narrower elsewhere.
        #[allow(clippy::unnecessary_cast)]
        stat.is_some_and(|s| s.st_dev as u64 == meta.dev() && s.st_ino as u64 == meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = target;
        false
    }
}

/// A pipe, a FIFO or a device: written through, not replaced.
pub fn is_stream(target: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(target) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        kind.is_fifo() || kind.is_char_device() || kind.is_socket()
    }
    #[cfg(not(unix))]
    {
        !meta.is_file() && !meta.is_dir()
    }
}

fn random_hex() -> io::Result<String> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The rename itself must reach the disk too; not every platform can.
fn sync_folder(target: &Path) {
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(folder) = File::open(folder)
    {
        let _ = folder.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_symlink_at_any_name_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("book.db");
        std::fs::write(&book, b"the book").unwrap();
        let target = dir.path().join("out.pdf");
        #[cfg(unix)]
        for planted in ["out.pdf.tmp", ".out.pdf.tmp", "out.pdf.probe"] {
            std::os::unix::fs::symlink(&book, dir.path().join(planted)).unwrap();
        }
        write_whole(&target, b"paper").unwrap();
        check_writable(&target).unwrap();
        assert_eq!(std::fs::read(&book).unwrap(), b"the book");
        assert_eq!(std::fs::read(&target).unwrap(), b"paper");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") && n.len() > ".out.pdf.tmp".len())
            .collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
    }
}
