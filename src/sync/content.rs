//! A file's content checked by itself, before any book is asked: the
//! stall's identity, ids and numbers once each, and every record by the
//! shared rules of `domain::record_check`. The stall runs it before it signs
//! an export; the office runs it before admission. What a file is refused
//! for is said here.

use std::collections::{HashMap, HashSet};

use time::Date;

use super::SyncError;
use super::format::{ExportContent, StallInfo};
use crate::domain::record::{
    ConsignedLineRecord, ExpenseRecord, PayoutRecord, PriceRecord, RepaymentRecord, SaleRecord,
};
use crate::domain::record_check::{self, Context, RecordRule};

/// Why a file's records are refused: the record, and the rule it broke.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{record}: {rule}")]
    Record { record: String, rule: RecordRule },
    #[error(
        "{record}: penjualan yang dirujuk ({sale_id}) tidak ada di berkas ini maupun di kantor untuk toko {stall}; impor berkas yang memuatnya lebih dulu"
    )]
    UnknownSale {
        record: String,
        sale_id: String,
        stall: String,
    },
    #[error("{record}: penjualan {sale_id} sudah dibatalkan")]
    AlreadyVoided { record: String, sale_id: String },
    #[error(
        "BENTROK: {record} sudah diterima kantor dengan isi lain: di kantor {held}; di berkas ini {found}"
    )]
    Changed {
        record: String,
        held: String,
        found: String,
    },
    #[error(
        "BENTROK: id ekspor {export_id} sudah diterima dari berkas {held_file} dengan isi lain (SHA-256 {held_sha} di kantor, {found_sha} di berkas ini)"
    )]
    ExportChanged {
        export_id: String,
        held_file: String,
        held_sha: String,
        found_sha: String,
    },
    #[error(
        "{record} merujuk penjualan {sale_id} milik toko {owner}: pembatalan dan retur hanya untuk penjualan toko sendiri ({stall})"
    )]
    ForeignSale {
        record: String,
        sale_id: String,
        owner: String,
        stall: String,
    },
    #[error(
        "{record}: penjualan {sale_id} sudah diretur; nota yang sudah diretur tidak bisa dibatalkan"
    )]
    VoidAfterReturn { record: String, sale_id: String },
    #[error("{record}: penjualan {sale_id} sudah dibatalkan; nota batal tidak bisa diretur")]
    ReturnOfVoided { record: String, sale_id: String },
    #[error(
        "BENTROK: kunci {prefix}… yang menandatangani berkas ini milik toko {owner}, bukan toko {stall}"
    )]
    KeyOfOtherStall {
        prefix: String,
        owner: String,
        stall: String,
    },
    #[error(
        "berkas toko {stall} ditandatangani kunci {prefix}… yang berbeda dari kunci yang dikenal kantor; bila PC toko itu memang dipasang ulang, pastikan dengan penjualnya bahwa kunci tokonya diawali {prefix}, lalu: sentra stalls repin {stall} --key {prefix} --pin PIN"
    )]
    NewKey { stall: String, prefix: String },
    #[error(
        "tutup kasir {day}: {field} {found} tidak sama dengan catatan toko itu di kantor ({expected})"
    )]
    CloseDoesNotMatch {
        day: String,
        field: &'static str,
        found: i64,
        expected: i64,
    },
    #[error("id ekspor \"{0}\" bukan UUID")]
    ExportId(String),
    #[error("penjualan {receipt} baris {line}: SKU {sku} tidak ada di daftar produk berkas")]
    UnknownSku {
        receipt: String,
        line: i64,
        sku: String,
    },
    #[error("identitas toko: {0}")]
    Identity(String),
    #[error("id {0} muncul dua kali di berkas ini")]
    Duplicate(String),
    #[error(
        "catatan nomor {seq} bertanggal {day}, sebelum hari terakhir kunci lama toko {stall} ({from}): PC yang dipasang ulang tidak mencatat hari yang sudah lewat"
    )]
    BeforeRepin {
        stall: String,
        seq: i64,
        day: String,
        from: String,
    },
    #[error(
        "titipan untuk penjualan {sale_id} yang tidak ada di berkas ini (titipan selalu dikirim bersama penjualannya)"
    )]
    ConsignedWithoutSale { sale_id: String },
}

/// The first 16 hex digits of a key: what a person compares.
pub fn key_prefix(key: &[u8]) -> String {
    super::file::to_hex(key).chars().take(16).collect()
}

pub(crate) fn sale_label(sale: &SaleRecord) -> String {
    format!("penjualan {} ({})", sale.receipt, sale.id)
}

pub(crate) fn refused(record: String) -> impl FnOnce(RecordRule) -> SyncError {
    move |rule| Refusal::Record { record, rule }.into()
}

/// Checks the file's stall identity and every record by itself, before the
/// book is asked anything.
pub fn check_content(content: &ExportContent, today: Date) -> Result<(), SyncError> {
    check_identity(&content.stall)?;
    let context = Context {
        stall: &content.stall.code,
        latest_day: today.next_day().unwrap_or(today),
    };
    check_export_id(&content.export_id)?;
    check_file_times(content, &context)?;
    check_skus_known(content)?;
    check_ids_once(content)?;
    check_each_record(content, &context)?;
    consign_content(content, &context)?;
    kasbon_content(content, &context)?;
    prices_content(content, &context)?;
    check_return_lines_once(content)?;
    // Returns need their sale: checked in `admit`, where the book is at hand.
    Ok(())
}

/// The stall's code, name and owner as the stall itself would take them.
fn check_identity(stall: &StallInfo) -> Result<(), SyncError> {
    crate::domain::stall::validate_stall_code(&stall.code)
        .map_err(|e| Refusal::Identity(e.to_string()))?;
    crate::domain::stall::validate_name(&stall.name)
        .map_err(|e| Refusal::Identity(e.to_string()))?;
    if let Some(owner) = &stall.owner {
        crate::domain::stall::validate_name(owner)
            .map_err(|e| Refusal::Identity(format!("pemilik: {e}")))?;
    }
    Ok(())
}

/// The export id is a canonical UUID.
fn check_export_id(export_id: &str) -> Result<(), SyncError> {
    if uuid::Uuid::parse_str(export_id)
        .map(|u| u.hyphenated().to_string() != export_id)
        .unwrap_or(true)
    {
        return Err(Refusal::ExportId(export_id.chars().take(60).collect()).into());
    }
    Ok(())
}

/// The file's own moments, bounded like any record's.
fn check_file_times(content: &ExportContent, context: &Context) -> Result<(), SyncError> {
    // The file's own time orders producers' descriptions: bounded like any.
    record_check::check_time(&content.created_at, context)
        .map_err(refused("berkas ekspor (created_at)".to_string()))?;
    // Keys that "begin" in the future would let the old, unkeyed check pass
    // for years: the moment is bounded like any record's.
    if let Some(since) = &content.stall.struk_keyed_since {
        record_check::check_time(since, context)
            .map_err(refused("kunci struk (struk_keyed_since)".to_string()))?;
    }
    Ok(())
}

/// Every sale line's product travels in the file.
fn check_skus_known(content: &ExportContent) -> Result<(), SyncError> {
    let skus: std::collections::HashSet<&str> =
        content.products.iter().map(|p| p.sku.as_str()).collect();
    for sale in &content.sales {
        for line in &sale.lines {
            if !skus.contains(line.sku.as_str()) {
                return Err(Refusal::UnknownSku {
                    receipt: sale.receipt.clone(),
                    line: line.line_no,
                    sku: line.sku.chars().take(40).collect(),
                }
                .into());
            }
        }
    }
    Ok(())
}

/// One id, one record; one sequence number, one record: across every kind
/// of numbered record in the file.
fn check_ids_once(content: &ExportContent) -> Result<(), SyncError> {
    let mut ids = std::collections::HashSet::new();
    let mut seqs = std::collections::HashSet::new();
    let all_ids = content
        .sales
        .iter()
        .map(|r| (&r.id, r.seq))
        .chain(content.voids.iter().map(|r| (&r.id, r.seq)))
        .chain(content.returns.iter().map(|r| (&r.id, r.seq)))
        .chain(content.day_closes.iter().map(|r| (&r.id, r.seq)))
        .chain(content.events.iter().map(|r| (&r.id, r.seq)))
        .chain(content.payouts.iter().map(|r| (&r.id, r.seq)))
        .chain(content.repayments.iter().map(|r| (&r.id, r.seq)))
        .chain(content.expenses.iter().map(|r| (&r.id, r.seq)));
    for (id, seq) in all_ids {
        if !ids.insert(id.as_str()) {
            return Err(Refusal::Duplicate(id.clone()).into());
        }
        if !seqs.insert(seq) {
            return Err(Refusal::Duplicate(format!("nomor urut {seq}")).into());
        }
    }
    Ok(())
}

/// Sales, voids, day closes and events, each by the shared rules.
fn check_each_record(content: &ExportContent, context: &Context) -> Result<(), SyncError> {
    for sale in &content.sales {
        record_check::check_sale(sale, context).map_err(refused(sale_label(sale)))?;
    }
    for void in &content.voids {
        record_check::check_void(void, context)
            .map_err(refused(format!("pembatalan {}", void.id)))?;
    }
    for close in &content.day_closes {
        record_check::check_day_close(close, context)
            .map_err(refused(format!("tutup kasir {} ({})", close.day, close.id)))?;
    }
    for event in &content.events {
        record_check::check_event(event, context)
            .map_err(refused(format!("kejadian {} ({})", event.kind, event.id)))?;
    }
    Ok(())
}

/// A return names each of its sale's lines once.
fn check_return_lines_once(content: &ExportContent) -> Result<(), SyncError> {
    for record in &content.returns {
        let mut lines = std::collections::HashSet::new();
        for line in &record.lines {
            if !lines.insert(line.line_no) {
                return Err(Refusal::Record {
                    record: format!("retur {}", record.id),
                    rule: RecordRule::ReturnLineTwice { line: line.line_no },
                }
                .into());
            }
        }
    }
    Ok(())
}

pub(crate) fn payout_label(payout: &PayoutRecord) -> String {
    format!("bayar penitip {} ({})", payout.producer, payout.id)
}

pub(crate) fn consigned_label(line: &ConsignedLineRecord) -> String {
    format!("titipan penjualan {} baris {}", line.sale_id, line.line_no)
}

/// The file's producers, consigned lines and payouts by themselves, before
/// the book is asked anything.
fn consign_content(content: &ExportContent, context: &Context) -> Result<(), SyncError> {
    let mut codes = HashSet::new();
    for producer in &content.producers {
        let label = format!("penitip {}", producer.code);
        if !codes.insert(producer.code.as_str()) {
            return Err(refused(label)(RecordRule::ProducerTwice(
                producer.code.clone(),
            )));
        }
        record_check::check_producer(producer).map_err(refused(label))?;
    }
    let sales: HashMap<&str, &SaleRecord> =
        content.sales.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut lines = HashSet::new();
    for line in &content.consigned_lines {
        let label = consigned_label(line);
        // Written in the sale's own transaction: it travels with its sale.
        let Some(sale) = sales.get(line.sale_id.as_str()) else {
            return Err(Refusal::ConsignedWithoutSale {
                sale_id: line.sale_id.clone(),
            }
            .into());
        };
        if !lines.insert((line.sale_id.as_str(), line.line_no)) {
            return Err(refused(label)(RecordRule::ConsignedLineTwice {
                line: line.line_no,
            }));
        }
        record_check::check_consigned_line(line, sale).map_err(refused(label))?;
    }
    for payout in &content.payouts {
        record_check::check_payout(payout, context).map_err(refused(payout_label(payout)))?;
    }
    Ok(())
}

/// Whether the office knows `code` as a producer of `stall`.
pub(crate) fn repayment_label(record: &RepaymentRecord) -> String {
    format!("bayar kasbon {} ({})", record.customer, record.id)
}

pub(crate) fn expense_label(record: &ExpenseRecord) -> String {
    format!("pengeluaran {} ({})", record.category, record.id)
}

/// Checks every repayment and expense by itself, before the book is asked.
fn kasbon_content(content: &ExportContent, context: &Context) -> Result<(), SyncError> {
    for record in &content.repayments {
        record_check::check_repayment(record, context).map_err(refused(repayment_label(record)))?;
    }
    for record in &content.expenses {
        record_check::check_expense(record, context).map_err(refused(expense_label(record)))?;
    }
    Ok(())
}

pub(crate) fn price_label(record: &PriceRecord) -> String {
    format!("harga {} ({})", record.sku, record.id)
}

/// Checks every price record by itself, before the book is asked; each id
/// once in the file.
fn prices_content(content: &ExportContent, context: &Context) -> Result<(), SyncError> {
    let mut ids = std::collections::HashSet::new();
    for record in &content.prices {
        record_check::check_price_record(record, context).map_err(refused(price_label(record)))?;
        if !ids.insert(record.id.as_str()) {
            return Err(Refusal::Duplicate(record.id.clone()).into());
        }
    }
    Ok(())
}
