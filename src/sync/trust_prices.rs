//! Price records at the office: each product's price from a moment on, and
//! the rule they make: a sale line's unit price is the product's price of
//! its time (the normal price, or the harga grosir its quantity reaches).
//! A price record takes no number: it says the last number taken before it
//! (`after_seq`), and applies to the records numbered after that. A line is
//! checked when the office holds the product's last price record before the
//! sale and every number between them (so no later price record can be
//! missing: each travels with the file holding the number before it, or the
//! next); a stall with no price records yet (an older program) is not
//! checked.

use rusqlite::{OptionalExtension, Transaction, params};

use super::SyncError;
use super::format::ExportContent;
use super::trust::{is_new, refused};
use crate::domain::record::{PriceRecord, SaleRecord};
use crate::domain::record_check::{self, Context};

fn label(record: &PriceRecord) -> String {
    format!("harga {} ({})", record.sku, record.id)
}

/// Checks every price record by itself, before the book is asked; each id
/// once in the file.
pub(super) fn check_content(content: &ExportContent, context: &Context) -> Result<(), SyncError> {
    let mut ids = std::collections::HashSet::new();
    for record in &content.prices {
        record_check::check_price_record(record, context).map_err(refused(label(record)))?;
        if !ids.insert(record.id.as_str()) {
            return Err(super::trust::Refusal::Duplicate(record.id.clone()).into());
        }
    }
    Ok(())
}

/// Adds the file's new price records.
pub(super) fn admit_prices(tx: &Transaction<'_>, content: &ExportContent) -> Result<(), SyncError> {
    let stall = &content.stall.code;
    for record in &content.prices {
        let label = label(record);
        if !is_new(
            tx,
            "office_prices",
            &record.id,
            stall,
            &label,
            || load(tx, stall, &record.id).map(|held| held.map(|h| (h == *record, describe(&h)))),
            || describe(record),
        )? {
            continue;
        }
        tx.prepare_cached(
            "INSERT INTO office_prices (id, stall_code, epoch, after_seq, day, created_at, sku, price, tiers)
             VALUES (?1, ?2, (SELECT epoch FROM office_stalls WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            record.id,
            stall,
            record.after_seq,
            record.day,
            record.created_at,
            record.sku,
            record.price,
            record.tiers
        ])?;
    }
    Ok(())
}

/// Checks each line of a new sale against its product's price of the time.
pub(super) fn check_sale_prices(
    tx: &Transaction<'_>,
    stall: &str,
    sale: &SaleRecord,
) -> Result<(), SyncError> {
    for line in &sale.lines {
        let Some(price) = price_before(tx, stall, &line.sku, sale.seq)? else {
            continue;
        };
        if !all_held_between(tx, stall, price.after_seq + 1, sale.seq - 1)? {
            continue;
        }
        record_check::check_line_price(line, &price)
            .map_err(refused(format!("penjualan {} ({})", sale.receipt, sale.id)))?;
    }
    Ok(())
}

/// The product's last price record standing before number `seq`, in the
/// stall's current epoch.
fn price_before(
    tx: &Transaction<'_>,
    stall: &str,
    sku: &str,
    seq: i64,
) -> Result<Option<PriceRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT id, after_seq, day, created_at, sku, price, tiers FROM office_prices
             WHERE stall_code = ?1 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
               AND sku = ?2 AND after_seq < ?3
             ORDER BY after_seq DESC, created_at DESC, id DESC LIMIT 1",
        )?
        .query_row(params![stall, sku, seq], row)
        .optional()?)
}

/// Whether every number from `first` to `last` is held (none: yes): one
/// run of held numbers spans them.
fn all_held_between(
    tx: &Transaction<'_>,
    stall: &str,
    first: i64,
    last: i64,
) -> Result<bool, SyncError> {
    if first > last {
        return Ok(true);
    }
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_seen_runs
                WHERE stall_code = ?1 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
                  AND first <= ?2 AND last >= ?3)",
        )?
        .query_row(params![stall, first, last], |r| r.get(0))?)
}

fn load(tx: &Transaction<'_>, stall: &str, id: &str) -> Result<Option<PriceRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT id, after_seq, day, created_at, sku, price, tiers FROM office_prices
             WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], row)
        .optional()?)
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PriceRecord> {
    Ok(PriceRecord {
        id: r.get(0)?,
        after_seq: r.get(1)?,
        day: r.get(2)?,
        created_at: r.get(3)?,
        sku: r.get(4)?,
        price: r.get(5)?,
        tiers: r.get(6)?,
    })
}

fn describe(record: &PriceRecord) -> String {
    format!(
        "harga {} Rp{} [{}] sesudah nomor {} {}",
        record.sku, record.price, record.tiers, record.after_seq, record.created_at
    )
}
