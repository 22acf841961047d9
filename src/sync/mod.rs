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

/// Why an export or an import did not happen, in one sentence.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("ditolak: {0}")]
    Rejected(Rejection),
    #[error("ditolak: {0}")]
    Refused(#[from] content::Refusal),
    #[error(transparent)]
    Repin(RepinError),
    #[error(transparent)]
    Fee(crate::domain::fee::FeeError),
    #[error("toko {0} belum dikenal kantor (belum ada berkas yang diimpor darinya)")]
    UnknownStall(String),
    #[error(transparent)]
    NotAStruk(NotAStruk),
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

/// Why a re-pin was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepinError {
    #[error("toko {0} belum dikenal kantor: tidak ada kunci untuk diganti")]
    UnknownStall(String),
    #[error(
        "--key harus 16 sampai 64 angka heksadesimal awal kunci baru toko (lihat Pengaturan toko atau pesan penolakan berkasnya): \"{0}\""
    )]
    KeyPrefix(String),
}

/// Why a QR text cannot even be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bukan kode QR struk Sentra (NOMOR#CEK, mis. ST07-20261127-0001#1A2B3C4D5E6F): \"{0}\"")]
pub struct NotAStruk(pub String);
