//! The office's import: each file opened and checked, then its records added
//! in one transaction, every record keyed by its UUID so nothing is counted
//! twice whatever the order or the overlap of the files.
//!
//! The pipeline, one file at a time:
//! 1. read: [`check_found`] reads the file's bytes (bounded in size);
//! 2. verify the seal: envelope, length, checksum and the stall's signature
//!    (`sync::file::open`), needing no book, so on a second thread;
//! 3. check per kind: `trust::admit` checks the content by itself, the
//!    stall's key and prices, then runs one `Checker` per kind of record
//!    (sales, voids, returns, titip jual, kasbon, expenses, closes, events);
//! 4. write: every checker writes into the one transaction of [`add_checked`],
//!    kept only if no record was refused.

use std::path::Path;

use rusqlite::Transaction;
use time::OffsetDateTime;

use crate::clock;
use crate::domain::restore::{RESTORED, RestoreNote};
use crate::store::Store;
use crate::sync::SyncError;
use crate::sync::file::open;
use crate::sync::folder::Budget;
pub use crate::sync::folder::{Found, MAX_FILE_BYTES, collect_files};
use crate::sync::format::ExportContent;

/// What importing one file did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportStats {
    pub stall: String,
    pub from: i64,
    pub to: i64,
    pub new_records: usize,
    pub known_records: usize,
    /// The business days the file's records are of, in order.
    pub days: Vec<String>,
    pub export_id: String,
    /// Hex SHA-256 of the whole file, as `sha256sum` prints it: what the
    /// office's *tanda terima* names.
    pub file_sha256: String,
    /// The first digits of the stall's key when this file pinned it (a
    /// stall seen for the first time, or re-pinned): the manager compares
    /// them with the stall's own Pengaturan, since the first file of a code
    /// is trusted as the stall's.
    pub pinned_key: Option<String>,
    /// Stretches of the file's own numbers (from its first to its last) that
    /// neither it nor an earlier file brought: records the stall's book no
    /// longer has.
    pub missing: Vec<(i64, i64)>,
    /// The restores of the stall's book this file reports.
    pub restores: Vec<RestoreNote>,
}

impl ImportStats {
    /// What the manager is asked to check when the file pinned a key, in
    /// the person's language: the first file of a stall code is trusted as
    /// that stall's, so its key is compared with the stall's own screen.
    pub fn pinned_note(&self, english: bool) -> Option<String> {
        let key = self.pinned_key.as_deref()?;
        Some(if english {
            format!(
                "stall {}'s key {key}… is now pinned: check it matches the key in that stall's Settings (Pengaturan)",
                self.stall
            )
        } else {
            format!(
                "kunci toko {} {key}… kini disematkan: cocokkan dengan kunci di Pengaturan toko itu",
                self.stall
            )
        })
    }

    /// What the manager must see about the stall's numbers: holes in the
    /// file's range, and restores that gave records up.
    pub fn warnings(&self, english: bool) -> Vec<String> {
        let mut said = Vec::new();
        if !self.missing.is_empty() {
            let list: Vec<String> = self
                .missing
                .iter()
                .map(|(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}–{b}")
                    }
                })
                .collect();
            let list = list.join(", ");
            said.push(if english {
                format!(
                    "GAP: stall {}'s numbers {list} are in neither this file nor an earlier one",
                    self.stall
                )
            } else {
                format!(
                    "CELAH: nomor {list} toko {} tidak ada di berkas ini maupun berkas sebelumnya",
                    self.stall
                )
            });
        }
        for note in &self.restores {
            let stall = &self.stall;
            let sentence = note.sentence(english);
            said.push(if english {
                format!("stall {stall}: {sentence}")
            } else {
                format!("toko {stall}: {sentence}")
            });
        }
        said
    }
}

/// The restores an export reports.
pub fn restores_carried(content: &ExportContent) -> Vec<RestoreNote> {
    content
        .events
        .iter()
        .filter(|e| e.kind == RESTORED)
        .filter_map(|e| RestoreNote::read(&e.detail))
        .collect()
}

/// The business days an export's records are of, each once, in order.
pub fn days_carried(content: &ExportContent) -> Vec<String> {
    let days: std::collections::BTreeSet<&str> =
        content.sequence_days().map(|(_, day)| day).collect();
    days.into_iter().map(str::to_string).collect()
}

/// A file read and checked, ready to be added.
pub struct Checked {
    content: ExportContent,
    key: [u8; 32],
    file_name: String,
    /// The envelope's SHA-256 of the content: one file, one digest.
    sha256: String,
    /// The SHA-256 of the file's bytes.
    file_sha256: String,
}

/// Reads a file and checks everything about it that needs no book: the
/// envelope, length, checksum and signature. The costly part of an import,
/// and safe to do on another thread.
pub fn check_file(path: &Path) -> Result<Checked, SyncError> {
    check_found(&Found::named(path))
}

/// [`check_file`] for a file found by [`collect_files`]: refused entries stay
/// refused, and a file found in a folder is read only if it is a regular
/// file within [`MAX_FILE_BYTES`].
pub fn check_found(found: &Found) -> Result<Checked, SyncError> {
    let path = found.path.as_path();
    let bytes = crate::sync::folder::read(found)?;
    let (content, key, sha256) = open(&bytes).map_err(SyncError::Rejected)?;
    let file_sha256 = crate::sync::file::to_hex(&<sha2::Sha256 as sha2::Digest>::digest(&bytes));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Checked {
        content,
        key,
        file_name,
        sha256,
        file_sha256,
    })
}

/// Adds a checked file to the office book: all of it, or nothing.
pub fn add_checked(
    store: &mut Store,
    checked: &Checked,
    now: OffsetDateTime,
) -> Result<ImportStats, SyncError> {
    store.require_office()?;
    let stamp = clock::stamp(now, store.offset());
    let today = clock::business_day(now, store.offset());
    store.write_with(|tx| add(tx, checked, &stamp, today))
}

/// Imports one file into the office book: all of it, or nothing.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    now: OffsetDateTime,
) -> Result<ImportStats, SyncError> {
    store.require_office()?;
    add_checked(store, &check_file(path)?, now)
}

/// Imports one found file (see [`collect_files`]): all of it, or nothing.
pub fn import_found(
    store: &mut Store,
    found: &Found,
    now: OffsetDateTime,
) -> Result<ImportStats, SyncError> {
    store.require_office()?;
    add_checked(store, &check_found(found)?, now)
}

/// Imports many files in order, checking the next files on a second thread
/// while this one writes, and reports each file's result as it is done. A
/// file refused does not stop the others; a failure of the book itself is
/// reported for its file and stops the import there.
///
/// Memory stays bounded: the files read but not yet added hold at most
/// [`MAX_FILE_BYTES`] of file bytes between them (a big file is read only
/// once the files before it are added), and at most 8 files are queued.
pub fn import_files(
    store: &mut Store,
    files: &[Found],
    now: OffsetDateTime,
    mut each: impl FnMut(&Path, Result<ImportStats, SyncError>),
) -> Result<(), SyncError> {
    store.require_office()?;
    let budget = Budget::new();
    let (sender, receiver) = std::sync::mpsc::sync_channel(8);
    let found = files.to_vec();
    let checker = {
        let budget = budget.clone();
        std::thread::spawn(move || {
            for file in found {
                let permit = budget.take(file.size_hint());
                let checked = check_found(&file);
                if sender.send((file, checked, permit)).is_err() {
                    break;
                }
            }
        })
    };
    while let Ok((file, checked, permit)) = receiver.recv() {
        let result = checked.and_then(|checked| add_checked(store, &checked, now));
        drop(permit);
        let stop = result.as_ref().is_err_and(|e| !e.is_about_the_file());
        each(&file.path, result);
        if stop {
            break;
        }
    }
    // Whatever is still queued is dropped with its permit, so the checker,
    // waiting for room or to send, finishes.
    drop(receiver);
    let _ = checker.join();
    Ok(())
}

fn add(
    tx: &Transaction<'_>,
    checked: &Checked,
    stamp: &str,
    today: time::Date,
) -> Result<ImportStats, SyncError> {
    // The office's clock, too, never goes back silently.
    crate::store::sequence::guard(tx, stamp)?;
    let mut stats = super::trust::admit(
        tx,
        &checked.content,
        &checked.key,
        stamp,
        &checked.file_name,
        &checked.sha256,
        today,
    )?;
    // The file's own digest, for the tanda terima printed now or later.
    tx.execute(
        "UPDATE office_imports SET file_sha256 = ?3
         WHERE export_id = ?1 AND stall_code = ?2 AND file_sha256 IS NULL",
        rusqlite::params![checked.content.export_id, stats.stall, checked.file_sha256],
    )?;
    stats.file_sha256 = checked.file_sha256.clone();
    Ok(stats)
}
