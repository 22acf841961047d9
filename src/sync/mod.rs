//! The file between stall and office: its format, sealing and opening it,
//! checking its content by itself, writing a stall's export, and the day
//! close that writes one. What the office does with a file is `office`.

pub mod content;
pub mod day_close;
pub mod export;
pub mod file;
pub mod folder;
pub mod format;

use std::path::PathBuf;

use crate::store::StoreError;

pub use file::Rejection;

/// Why an export or a file did not go through, in one sentence. The
/// office's own refusals are `office::OfficeError`.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("ditolak: {0}")]
    Rejected(Rejection),
    #[error("ditolak: {0}")]
    Refused(#[from] content::Refusal),
    /// An entry of a folder that is not read: a link, a FIFO, too big.
    #[error("{0}")]
    Unreadable(folder::Unreadable),
    #[error(
        "tidak ada catatan baru sejak ekspor terakhir (sampai nomor {last}); pakai --since-seq untuk mengirim ulang"
    )]
    NothingNew { last: i64 },
    #[error(
        "hari {day} sudah ditutup dan semua catatannya sudah diekspor (sampai nomor {last}); tidak ada berkas baru untuk ditulis"
    )]
    AllExported { day: String, last: i64 },
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
