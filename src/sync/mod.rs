//! From stall to office by file: the export format, sealing and opening it,
//! writing a stall's export, the office's import, and the centre's totals.

pub mod day_close;
pub mod desk;
pub mod export;
pub mod fees;
pub mod file;
pub mod folder;
pub mod format;
pub mod import;
pub mod office;
mod plans;
pub mod producers;
pub mod repin;
pub mod trust;
mod trust_consign;
mod trust_days;
mod trust_kasbon;
mod trust_later;
mod trust_prices;
pub mod verify;

use std::path::PathBuf;

use crate::store::StoreError;

pub use file::Rejection;

/// Why an export or an import did not happen, in one sentence.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("ditolak: {0}")]
    Rejected(Rejection),
    #[error("ditolak: {0}")]
    Refused(#[from] trust::Refusal),
    #[error(transparent)]
    Repin(repin::RepinError),
    #[error(transparent)]
    Fee(crate::domain::fee::FeeError),
    #[error("toko {0} belum dikenal kantor (belum ada berkas yang diimpor darinya)")]
    UnknownStall(String),
    #[error(transparent)]
    NotAStruk(verify::NotAStruk),
    #[error("hari pertama {from} sesudah hari terakhir {to}")]
    Period { from: String, to: String },
    /// An entry of a folder that is not read: a link, a FIFO, too big.
    #[error("{0}")]
    Unreadable(folder::Unreadable),
    #[error(
        "tidak ada catatan baru sejak ekspor terakhir (sampai nomor {last}); pakai --since-seq untuk mengirim ulang"
    )]
    NothingNew { last: i64 },
    #[error("folder {0} tidak ada (flashdisk sudah terpasang?)")]
    NoFolder(PathBuf),
    #[error("tidak bisa menulis atau membaca {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl SyncError {
    /// Whether this is about one file (refused, unreadable), so that the
    /// files after it can still be imported; if not, the book itself failed.
    pub fn is_about_the_file(&self) -> bool {
        !matches!(self, SyncError::Store(_))
    }
}

impl From<rusqlite::Error> for SyncError {
    fn from(error: rusqlite::Error) -> Self {
        SyncError::Store(error.into())
    }
}

impl From<crate::money::MoneyError> for SyncError {
    fn from(error: crate::money::MoneyError) -> Self {
        SyncError::Store(error.into())
    }
}
