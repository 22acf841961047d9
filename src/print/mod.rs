//! Paper: receipts and reports as PDF, built from plain data handed in by the
//! caller, never from the database.

pub mod a4;
pub mod centre_report;
pub mod consign;
pub mod day_report;
pub mod deliver;
pub mod escpos;
pub mod from_book;
pub mod import_receipt;
pub mod kasbon;
pub mod kuitansi;
pub mod label;
pub mod month_books;
pub mod paper;
pub mod qr_png;
pub mod raw;
pub mod receipt;
pub mod receipt_text;
pub mod tanda_terima;

use crate::money::Rupiah;

/// The hours of a day's chart: 7–21 always, others only when they had sales.
pub fn hourly_bars(hours: &[Rupiah]) -> Vec<(String, Rupiah)> {
    let first = hours
        .iter()
        .position(|h| h.is_positive())
        .unwrap_or(7)
        .min(7);
    let last = hours
        .iter()
        .rposition(|h| h.is_positive())
        .unwrap_or(21)
        .max(21);
    (first..=last)
        .map(|hour| {
            (
                format!("{hour:02}"),
                hours.get(hour).copied().unwrap_or_default(),
            )
        })
        .collect()
}

use std::path::Path;

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
#[error("tidak bisa menulis {path}: {source}")]
pub struct PrintError {
    pub path: std::path::PathBuf,
    pub source: std::io::Error,
}

/// Writes a document the one way files are written (store::files): a
/// half-written PDF never stands under the real name.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), PrintError> {
    let error = |source| PrintError {
        path: path.to_path_buf(),
        source,
    };
    crate::store::files::write_whole(path, bytes).map_err(error)
}

/// Fails now, before anything is recorded, if `path` cannot be written.
pub fn check_writable(path: &Path) -> Result<(), PrintError> {
    let error = |source| PrintError {
        path: path.to_path_buf(),
        source,
    };
    crate::store::files::check_writable(path).map_err(error)
}
