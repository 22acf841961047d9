//! Price records at the office: each product's price from a moment on, and
//! the rule they make: a sale line's unit price is the product's price of
//! its time (the normal price, or the harga grosir its quantity reaches).
//! A line is checked when the office holds the product's last price record
//! before the sale and every number between them (the files came in order);
//! a stall with no price records yet (an older program) is not checked.

use rusqlite::{OptionalExtension, Transaction, params};

use super::SyncError;
use super::format::ExportContent;
use super::trust::{is_new, refused, same_seq_elsewhere};
use crate::domain::record::{PriceRecord, SaleRecord};
use crate::domain::record_check::{self, Context};

fn label(record: &PriceRecord) -> String {
    format!("harga {} ({})", record.sku, record.id)
}

/// Checks every price record by itself, before the book is asked.
pub(super) fn check_content(content: &ExportContent, context: &Context) -> Result<(), SyncError> {
    for record in &content.prices {
        record_check::check_price_record(record, context).map_err(refused(label(record)))?;
    }
    Ok(())
}

/// Adds the file's new price records.
pub(super) fn admit_prices(
    tx: &Transaction<'_>,
    content: &ExportContent,
) -> Result<usize, SyncError> {
    let stall = &content.stall.code;
    let mut new_records = 0;
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
        same_seq_elsewhere(tx, stall, record.seq, &record.id, &label)?;
        tx.prepare_cached(
            "INSERT INTO office_prices (id, stall_code, epoch, seq, day, created_at, sku, price, tiers)
             VALUES (?1, ?2, (SELECT epoch FROM office_stalls WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            record.id,
            stall,
            record.seq,
            record.day,
            record.created_at,
            record.sku,
            record.price,
            record.tiers
        ])?;
        new_records += 1;
    }
    Ok(new_records)
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
        if !all_held_between(tx, stall, price.seq, sale.seq)? {
            continue;
        }
        record_check::check_line_price(line, &price)
            .map_err(refused(format!("penjualan {} ({})", sale.receipt, sale.id)))?;
    }
    Ok(())
}

/// The product's last price record numbered before `seq`, in the stall's
/// current epoch.
fn price_before(
    tx: &Transaction<'_>,
    stall: &str,
    sku: &str,
    seq: i64,
) -> Result<Option<PriceRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT id, seq, day, created_at, sku, price, tiers FROM office_prices
             WHERE stall_code = ?1 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
               AND sku = ?2 AND seq < ?3
             ORDER BY seq DESC LIMIT 1",
        )?
        .query_row(params![stall, sku, seq], row)
        .optional()?)
}

/// Whether every number from `first` to `last` is held: one run of held
/// numbers spans them (no price record between them can be missing).
fn all_held_between(
    tx: &Transaction<'_>,
    stall: &str,
    first: i64,
    last: i64,
) -> Result<bool, SyncError> {
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
            "SELECT id, seq, day, created_at, sku, price, tiers FROM office_prices
             WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], row)
        .optional()?)
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PriceRecord> {
    Ok(PriceRecord {
        id: r.get(0)?,
        seq: r.get(1)?,
        day: r.get(2)?,
        created_at: r.get(3)?,
        sku: r.get(4)?,
        price: r.get(5)?,
        tiers: r.get(6)?,
    })
}

fn describe(record: &PriceRecord) -> String {
    format!(
        "harga {} Rp{} [{}] nomor {} {}",
        record.sku, record.price, record.tiers, record.seq, record.created_at
    )
}
