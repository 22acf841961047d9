//! The export file, version 5: what a stall carries to the office.
//! Version 2 added titip jual (producers, what consigned lines owe, payouts)
//! and kasbon (a kasbon payment's customer, kasbon given back on returns,
//! repayments) and expenses; version 3 names each regency by its Kemendagri
//! code beside the BPS one; version 4 carries the stall's struk key (the
//! key of the check value on its struks) and since when its struks carry
//! it; version 5 carries each product's price records, against which the
//! office checks every sale line. The office still reads versions 1 to 4.
//!
//! A file is two lines of UTF-8 JSON. The first is the envelope: format,
//! version, the stall's code and public key, the byte length and SHA-256 of
//! the content, and an Ed25519 signature of the content. The second is the
//! content: everything the stall recorded in a range of its sequence.
//! `docs/export-format.md` describes every field for other programs.

use serde::{Deserialize, Serialize};

pub use crate::domain::record::{
    ConsignedLineRecord, DayCloseRecord, EventRecord, ExpenseRecord, PaymentRecord, PayoutRecord,
    PriceRecord, ProducerInfo, RepaymentRecord, ReturnLineRecord, ReturnRecord, SaleLineRecord,
    SaleRecord, VoidRecord,
};

/// The `format` field of every export envelope.
pub const FORMAT: &str = "sentra-export";
/// The version this program writes.
pub const VERSION: u32 = 5;
/// The oldest version this program still reads.
pub const OLDEST_VERSION: u32 = 1;
/// The file name extension.
pub const EXTENSION: &str = "sentra";

/// The first line of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub stall: String,
    /// Hex of the stall's 32-byte Ed25519 public key.
    pub public_key: String,
    /// Bytes of content after the first newline.
    pub length: u64,
    /// Hex SHA-256 of the content bytes.
    pub sha256: String,
    /// Hex Ed25519 signature of the content bytes.
    pub signature: String,
}

/// The second line of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportContent {
    pub export_id: String,
    pub created_at: String,
    pub stall: StallInfo,
    pub sequence: SequenceRange,
    pub products: Vec<ProductInfo>,
    pub sales: Vec<SaleRecord>,
    pub voids: Vec<VoidRecord>,
    pub returns: Vec<ReturnRecord>,
    pub day_closes: Vec<DayCloseRecord>,
    /// Wrong PINs and accepted clock changes; absent in older files.
    #[serde(default)]
    pub events: Vec<EventRecord>,
    /// The stall's producers (titip jual); absent before version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub producers: Vec<ProducerInfo>,
    /// What the file's sales owe their producers, line by line; absent
    /// before version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consigned_lines: Vec<ConsignedLineRecord>,
    /// Payouts to producers (*bayar penitip*); absent before version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payouts: Vec<PayoutRecord>,
    /// Customers paying back their kasbon (*bayar kasbon*); absent before
    /// version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repayments: Vec<RepaymentRecord>,
    /// The stall's expenses (*pengeluaran*); absent before version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expenses: Vec<ExpenseRecord>,
    /// Each product's price from a moment on (added, repriced, new harga
    /// grosir); absent before version 5. Not counted among the records: they
    /// take no number of the sequence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prices: Vec<PriceRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StallInfo {
    pub code: String,
    pub name: String,
    pub owner: Option<String>,
    /// BPS code of the regency of origin (as the book stores it).
    pub regency: u16,
    /// Kemendagri code of the same regency ("18.06"), from version 3;
    /// when present it must be the one that goes with `regency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regency_kemendagri: Option<String>,
    pub public_key: String,
    /// Hex of the 32-byte key of the stall's struk checks, from version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub struk_key: Option<String>,
    /// Since when the stall's struks carry the keyed check (RFC 3339), from
    /// version 4; struks of sales before it carry the old check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub struk_keyed_since: Option<String>,
}

/// The stall's sequence numbers this file covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SequenceRange {
    pub from: i64,
    pub to: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductInfo {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub unit: String,
}

impl ExportContent {
    /// How many records the file carries.
    pub fn record_count(&self) -> usize {
        self.sales.len()
            + self.voids.len()
            + self.returns.len()
            + self.day_closes.len()
            + self.events.len()
            + self.payouts.len()
            + self.repayments.len()
            + self.expenses.len()
    }

    /// Every record's sequence number and business day.
    pub fn sequence_days(&self) -> impl Iterator<Item = (i64, &str)> {
        self.sales
            .iter()
            .map(|r| (r.seq, r.day.as_str()))
            .chain(self.voids.iter().map(|r| (r.seq, r.day.as_str())))
            .chain(self.returns.iter().map(|r| (r.seq, r.day.as_str())))
            .chain(self.day_closes.iter().map(|r| (r.seq, r.day.as_str())))
            .chain(self.events.iter().map(|r| (r.seq, r.day.as_str())))
            .chain(self.payouts.iter().map(|r| (r.seq, r.day.as_str())))
            .chain(self.repayments.iter().map(|r| (r.seq, r.day.as_str())))
            .chain(self.expenses.iter().map(|r| (r.seq, r.day.as_str())))
    }
}
