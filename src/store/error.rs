//! Everything the book can refuse, each as one sentence for the vendor.

use std::path::PathBuf;

use crate::domain::barcode::BarcodeError;
use crate::domain::cart::PricingError;
use crate::domain::discount::DiscountError;
use crate::domain::payment::PaymentError;
use crate::domain::pin::PinError;
use crate::domain::product::ProductError;
use crate::domain::stall::IdentityError;
use crate::domain::unit::UnitError;
use crate::money::{MoneyError, Quantity};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("folder data {0} sedang dipakai program Sentra lain; tutup dulu program itu")]
    AlreadyOpen(PathBuf),
    #[error("folder data {path} tidak bisa dipakai: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("buku Sentra di {path} tidak bisa dibuka: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "buku ini dibuat oleh Sentra yang lebih baru (versi skema {found}, program ini paham sampai {supported}); perbarui Sentra"
    )]
    TooNew { found: u32, supported: u32 },
    #[error("berkas {0} bukan buku Sentra")]
    NotABook(PathBuf),
    #[error(
        "jam komputer ({now}) lebih awal dari catatan terakhir di buku ({latest}): betulkan jam komputer; bila jam memang benar, manajer menerimanya dengan PIN (Pengaturan › Terima jam komputer, atau sentra clock accept --pin PIN)"
    )]
    ClockBehind { now: String, latest: String },
    #[error("toko belum diatur: jalankan `sentra init stall --code .. --name .. --regency ..`")]
    NotInitialised,
    #[error("buku ini sudah diatur sebagai {}; tidak bisa diatur ulang", book_kind(.0).0)]
    AlreadyInitialised(String),
    #[error("perintah ini hanya untuk {expected}, sedangkan buku ini milik {actual}")]
    WrongKind {
        expected: &'static str,
        actual: &'static str,
    },
    #[error("data contoh hanya untuk toko baru: buku ini sudah berisi produk")]
    NotEmpty,
    #[error("produk tidak dikenal: \"{0}\"")]
    UnknownProduct(String),
    #[error("SKU {0} sudah dipakai produk lain")]
    DuplicateSku(String),
    #[error("barcode {0} sudah dipakai produk lain")]
    DuplicateBarcode(String),
    #[error("nota tidak dikenal: \"{0}\"")]
    UnknownReceipt(String),
    #[error("nota {0} sudah dibatalkan")]
    AlreadyVoided(String),
    #[error("nota {0} dari hari lain: batal hanya untuk nota hari ini; pakai retur")]
    VoidNotToday(String),
    #[error("nota {0} sudah ada returnya; retur sisa barangnya, jangan dibatalkan")]
    VoidAfterReturn(String),
    #[error("alasan harus diisi (paling panjang 200 karakter)")]
    Reason,
    #[error("{sku} tidak ada di nota {receipt}")]
    NotOnReceipt { sku: String, receipt: String },
    #[error("retur {sku} {asked} melebihi yang masih bisa diretur ({left})")]
    ReturnTooMuch {
        sku: String,
        asked: Quantity,
        left: Quantity,
    },
    #[error("pengembalian uang {asked} melebihi nilai barang yang diretur {worth}")]
    RefundTooMuch {
        asked: crate::money::Rupiah,
        worth: crate::money::Rupiah,
    },
    #[error("uang kembali paling banyak satu cara bayar, ditambah kasbon")]
    RefundMethods,
    #[error("hari {0} sudah ditutup: manajer membukanya kembali dengan PIN")]
    DayClosed(String),
    #[error("hari {0} sudah dibuka")]
    DayAlreadyOpen(String),
    #[error("hari {0} tidak tertutup")]
    DayNotClosed(String),
    #[error("kuantitas harus lebih dari nol")]
    NonPositiveQuantity,
    #[error("penyesuaian stok tidak boleh nol")]
    ZeroAdjustment,
    #[error("hasil hitung stok tidak boleh negatif")]
    NegativeCount,
    #[error("keranjang tertahan tidak ditemukan: {0}")]
    UnknownHeldSale(String),
    #[error("CSV baris {line}: {problem}")]
    Csv {
        line: u64,
        problem: super::product_csv::CsvProblem,
    },
    #[error("pengaturan {} tidak valid: {problem}", super::settings::label(key).0)]
    Setting {
        key: String,
        problem: super::settings::SettingProblem,
    },
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error(transparent)]
    Pricing(#[from] PricingError),
    #[error(transparent)]
    Limit(#[from] crate::domain::limits::LimitError),
    #[error("catatan tidak sah: {0}")]
    Record(#[from] crate::domain::record_check::RecordRule),
    #[error(transparent)]
    Payment(#[from] PaymentError),
    #[error(transparent)]
    Discount(#[from] DiscountError),
    #[error(transparent)]
    Barcode(#[from] BarcodeError),
    #[error(transparent)]
    Scale(#[from] crate::domain::scale::ScaleError),
    #[error(transparent)]
    Label(#[from] crate::domain::label::LabelError),
    #[error(transparent)]
    Product(#[from] ProductError),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Unit(#[from] UnitError),
    #[error(transparent)]
    Pin(#[from] PinError),
    #[error(transparent)]
    Qris(#[from] crate::domain::qris::QrisError),
    #[error(transparent)]
    Phone(#[from] crate::domain::whatsapp::NotAPhone),
    #[error(transparent)]
    Tier(#[from] crate::domain::price_tier::TierError),
    #[error(transparent)]
    Customer(#[from] crate::domain::customer::CustomerError),
    #[error(transparent)]
    Kasbon(#[from] crate::domain::kasbon::KasbonError),
    #[error(transparent)]
    Expense(#[from] crate::domain::expense::ExpenseError),
    #[error(transparent)]
    Register(#[from] crate::domain::books_register::RegisterError),
    #[error(
        "stok {sku} masih {stock}: barang titipan tidak bisa menjadi barang sendiri (atau sebaliknya) selama ada stok; kembalikan ke penitip atau sesuaikan stok dulu"
    )]
    OwnerWithStock { sku: String, stock: String },
    #[error(transparent)]
    Consign(#[from] crate::domain::consign::ConsignError),
    #[error(transparent)]
    OutputPath(#[from] super::OutputPathError),
    #[error(transparent)]
    Restore(#[from] super::RestoreError),
    #[error("kesalahan basis data: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("kesalahan berkas: {0}")]
    Io(#[from] std::io::Error),
}

impl StoreError {
    pub(crate) fn folder(path: &std::path::Path, source: std::io::Error) -> StoreError {
        StoreError::Folder {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn open(path: &std::path::Path, source: rusqlite::Error) -> StoreError {
        StoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// A book's kind as the person reads it, (Indonesian, English): the book keeps
/// `stall` or `office`, which read as "sebagai stall" on an Indonesian screen.
pub fn book_kind(kind: &str) -> (&str, &str) {
    match kind {
        "stall" => ("toko", "a stall"),
        "office" => ("kantor pengelola", "the centre's office"),
        other => (other, other),
    }
}
