//! The tanda terima of a file just imported, made one way for `sentra
//! import --receipts` and Kantor's *Tanda terima* button alike: the figures
//! as the office holds them now, the office's language, a name both faces
//! give it. Each face then writes it as it writes paper (the command line
//! says when the import stood but the paper failed; the window hands it to
//! the printer or viewer).

use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::tanda_terima::{Paper, tanda_terima_pdf};
use crate::office::OfficeError;
use crate::office::desk::{TandaTerima, for_import};
use crate::office::import::ImportStats;
use crate::store::Store;

/// A tanda terima ready to write.
pub struct ImportReceipt {
    pub path: PathBuf,
    pub note: TandaTerima,
    pub pdf: Vec<u8>,
}

/// The file name of the tanda terima for `file_name`: its stem and the
/// file's first 8 hash digits, so two files of one stall and day never
/// take each other's name.
pub fn receipt_name(file_name: &str, stats: &ImportStats) -> String {
    let stem = file_name.trim_end_matches(".sentra");
    let sha: String = stats.file_sha256.chars().take(8).collect();
    format!("tanda-terima-{stem}-{sha}.pdf")
}

/// The tanda terima of `file_name` (imported with `stats`) on `paper`, to
/// go into `dir`.
pub fn import_receipt(
    store: &Store,
    file_name: &str,
    stats: &ImportStats,
    dir: &Path,
    paper: Paper,
    now: OffsetDateTime,
) -> Result<ImportReceipt, OfficeError> {
    let note = for_import(store, file_name, stats, now)?;
    let pdf = tanda_terima_pdf(&note, paper, super::from_book::language(store));
    Ok(ImportReceipt {
        path: dir.join(receipt_name(file_name, stats)),
        note,
        pdf,
    })
}
