//! The office's own refusals, beside the file's (`SyncError`): a re-pin,
//! a fee, a struk checked, a stall or a period the office does not know.

use crate::store::StoreError;
use crate::sync::SyncError;

/// Why the office refused, in one sentence.
#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    /// The file, or the book under it.
    #[error(transparent)]
    Sync(#[from] SyncError),
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
}

impl From<StoreError> for OfficeError {
    fn from(error: StoreError) -> Self {
        OfficeError::Sync(error.into())
    }
}

impl From<rusqlite::Error> for OfficeError {
    fn from(error: rusqlite::Error) -> Self {
        OfficeError::Sync(error.into())
    }
}

impl From<crate::money::MoneyError> for OfficeError {
    fn from(error: crate::money::MoneyError) -> Self {
        OfficeError::Sync(error.into())
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
#[error(
    "bukan kode QR struk Sentra (NOMOR#CEK atau NOMOR · CEK, mis. ST07-20261127-0001#1A2B3C4D5E6F): \"{0}\""
)]
pub struct NotAStruk(pub String);
