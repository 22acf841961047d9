//! The records a stall sends to the office, as they travel in the export
//! file: plain figures, checked by [`super::record_check`] on both sides.

use serde::{Deserialize, Serialize};

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
    /// The customer's code when `method` is `kasbon`; absent otherwise (and
    /// in files from before kasbon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
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
    /// How `refund` was paid back: `cash`, `qris`, `transfer` or `card`.
    pub refund_method: String,
    /// Money given back.
    pub refund: i64,
    /// Taken off the customer's kasbon instead (a kasbon sale's goods
    /// returned); absent (0) in files from before kasbon.
    #[serde(default)]
    pub kasbon_refund: i64,
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
    /// Cash paid to producers (*bayar penitip*) out of the drawer, a term of
    /// `expected` of its own; absent (0) in files from before titip jual.
    #[serde(default)]
    pub producer_payouts: i64,
    /// Cash customers paid back on their kasbon that day (into the drawer);
    /// absent (0) in files from before kasbon.
    #[serde(default)]
    pub kasbon_repayments: i64,
    /// Expenses paid out of the drawer that day; absent (0) in older files.
    #[serde(default)]
    pub drawer_expenses: i64,
    /// Cash taken out of the drawer for the stall's books (goods, assets,
    /// prive, setoran, suppliers), as the stall declares it: its registers
    /// stay in its book. Absent (0) in older files.
    #[serde(default)]
    pub books_out: i64,
}

/// Something a manager should know happened at the till: a wrong manager
/// PIN, the PIN locked, a clock set back and accepted with the PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: String,
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    /// One of [`EVENT_KINDS`].
    pub kind: String,
    pub detail: String,
}

/// The kinds of [`EventRecord`]. `restored`: the stall's book was restored
/// from a backup (the detail names the records given up, if any).
pub const EVENT_KINDS: [&str; 6] = [
    "pin_wrong",
    "pin_locked",
    "clock_accepted",
    "day_reopened",
    "pin_used",
    super::restore::RESTORED,
];

/// A producer (*penitip*) of the stall, as the office needs to know them:
/// the code the stall gave them, their name, their regency of origin and,
/// if they have one, their NIB (by which the office merges one producer
/// across stalls). Phone and bank stay at the stall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerInfo {
    pub code: String,
    pub name: String,
    /// BPS code of the producer's regency of origin.
    pub regency: u16,
    /// Its Kemendagri code, from export version 3 (see `StallInfo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regency_kemendagri: Option<String>,
    pub nib: Option<String>,
}

/// What a sold line of a consigned product owes its producer, fixed in the
/// sale's own transaction with the terms it was sold under. It travels in
/// the same file as its sale; a void of the sale cancels it and a return
/// reverses its share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsignedLineRecord {
    pub sale_id: String,
    pub line_no: i64,
    /// The producer's code.
    pub producer: String,
    /// `consign_price` (rate: rupiah per unit) or `commission` (rate: the
    /// stall's share in hundredths of a percent).
    pub basis: String,
    pub rate: i64,
    pub owed: i64,
}

/// *Bayar penitip*: money paid to a producer, numbered in the stall's
/// sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutRecord {
    pub id: String,
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    /// The producer's code.
    pub producer: String,
    pub amount: i64,
    /// `cash` (from the drawer) or `transfer`.
    pub method: String,
    pub reference: Option<String>,
}

/// *Bayar kasbon*: a customer paying back (part of) what they took on credit,
/// numbered in the stall's sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepaymentRecord {
    pub id: String,
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    /// The customer's code in the stall (`C001`).
    pub customer: String,
    /// `cash`, `qris` or `transfer`.
    pub method: String,
    pub amount: i64,
    pub reference: Option<String>,
}

/// The methods a repayment may take.
pub const REPAYMENT_METHODS: [&str; 3] = ["cash", "qris", "transfer"];

/// *Pengeluaran*: money the stall spent, from the drawer or not, numbered in
/// the stall's sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpenseRecord {
    pub id: String,
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    /// `kemasan`, `transport`, `listrik`, `sewa`, `gaji` or `lain-lain`.
    pub category: String,
    pub amount: i64,
    pub note: Option<String>,
    /// Paid out of the drawer: it lowers the cash expected at tutup kasir.
    pub from_drawer: bool,
}

/// A product's price as it stood from this record on: the normal price and
/// its harga grosir (`12000:9000;24000:8500`, quantities in thousandths).
/// Written whenever a product is added or its price or tiers change, so the
/// office can check each sale line's price against the price of its time.
/// It takes no number of the stall's sequence (a product is no sale): it
/// says the last number taken before it, `after_seq`, and applies to the
/// records numbered after that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceRecord {
    pub id: String,
    pub after_seq: i64,
    pub day: String,
    pub created_at: String,
    pub sku: String,
    pub price: i64,
    #[serde(default)]
    pub tiers: String,
}
