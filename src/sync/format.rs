//! The export file, version 1: what a stall carries to the office.
//!
//! A file is two lines of UTF-8 JSON. The first is the envelope: format,
//! version, the stall's code and public key, the byte length and SHA-256 of
//! the content, and an Ed25519 signature of the content. The second is the
//! content: everything the stall recorded in a range of its sequence.
//! `docs/export-format.md` describes every field for other programs.

use serde::{Deserialize, Serialize};

/// The `format` field of every export envelope.
pub const FORMAT: &str = "sentra-export";
/// The version this program writes and reads.
pub const VERSION: u32 = 1;
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StallInfo {
    pub code: String,
    pub name: String,
    pub owner: Option<String>,
    /// Kemendagri code of the regency of origin.
    pub regency: u16,
    pub public_key: String,
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

/// Money fields are whole rupiah; `quantity_milli` is thousandths of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleRecord {
    pub id: String,
    pub seq: i64,
    pub receipt: String,
    pub day: String,
    pub created_at: String,
    pub subtotal: i64,
    pub line_discounts: i64,
    pub sale_discount: i64,
    pub tax: i64,
    pub total: i64,
    pub lines: Vec<SaleLineRecord>,
    pub payments: Vec<PaymentRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleLineRecord {
    pub line_no: i64,
    pub sku: String,
    pub name: String,
    pub category: String,
    pub unit: String,
    pub unit_price: i64,
    pub quantity_milli: i64,
    pub gross: i64,
    pub line_discount: i64,
    pub sale_discount_share: i64,
    pub net: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentRecord {
    pub method: String,
    pub amount: i64,
    pub tendered: i64,
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoidRecord {
    pub id: String,
    pub seq: i64,
    pub sale_id: String,
    pub day: String,
    pub created_at: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRecord {
    pub id: String,
    pub seq: i64,
    pub sale_id: String,
    pub day: String,
    pub created_at: String,
    pub refund_method: String,
    pub refund: i64,
    pub lines: Vec<ReturnLineRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLineRecord {
    pub line_no: i64,
    pub quantity_milli: i64,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCloseRecord {
    pub id: String,
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    pub opening_float: i64,
    pub cash_in: i64,
    pub cash_out: i64,
    pub expected: i64,
    pub counted: i64,
    pub difference: i64,
    pub sales_count: i64,
    pub net_total: i64,
}

impl ExportContent {
    /// How many records the file carries.
    pub fn record_count(&self) -> usize {
        self.sales.len() + self.voids.len() + self.returns.len() + self.day_closes.len()
    }

    /// Every record's sequence number and business day.
    pub fn sequence_days(&self) -> impl Iterator<Item = (i64, &str)> {
        self.sales
            .iter()
            .map(|r| (r.seq, r.day.as_str()))
            .chain(self.voids.iter().map(|r| (r.seq, r.day.as_str())))
            .chain(self.returns.iter().map(|r| (r.seq, r.day.as_str())))
            .chain(self.day_closes.iter().map(|r| (r.seq, r.day.as_str())))
    }
}
