//! Price records at the office: each product's price from a moment on, and
//! the rule they make: a sale line's unit price is the product's price of
//! its time (the normal price, or the harga grosir its quantity reaches).
//! A price record takes no number: it says the last number taken before it
//! (`after_seq`), and applies to the records numbered after that. A sale is
//! checked when the office holds every number before it (so no price record
//! before it can be missing: each travels with the file holding the number
//! before it, or the next), at once or when the gap closes; a product with
//! no price record yet (an older program's) is not checked.

use rusqlite::{OptionalExtension, Transaction, params};

use super::trust::is_new;
use crate::domain::record::{PriceRecord, SaleRecord};
use crate::domain::record_check;
use crate::sync::SyncError;
use crate::sync::content::{price_label as label, refused};
use crate::sync::format::ExportContent;

/// A new price record may not reach into numbers the office held before
/// this file: a price "from record 100 on" sent after records 101 and later
/// were counted would rewrite the prices of sales already checked. (An
/// honest price record that travelled in an earlier file too is held
/// already, and passes.) Run before the file's own numbers count as held.
pub(super) fn refuse_late_prices(
    tx: &Transaction<'_>,
    content: &ExportContent,
) -> Result<(), SyncError> {
    let stall = &content.stall.code;
    for record in &content.prices {
        let held_record: bool = tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM office_prices WHERE id = ?1 AND stall_code = ?2)",
            )?
            .query_row(params![record.id, stall], |r| r.get(0))?;
        if held_record {
            continue;
        }
        let next_held: bool = tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM office_seen WHERE stall_code = ?1
                    AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1) AND seq = ?2)",
            )?
            .query_row(params![stall, record.after_seq + 1], |r| r.get(0))?;
        if next_held {
            return Err(crate::sync::content::Refusal::Record {
                record: label(record),
                rule: crate::domain::record_check::RecordRule::PriceTooLate(record.after_seq + 1),
            }
            .into());
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
    // Numbers missing before the sale: a price record among them would
    // change the answer, so the whole sale is checked when they come.
    if !super::trust_later::all_before_held(tx, stall, sale.seq)? {
        return super::trust_later::defer(
            tx,
            stall,
            super::trust_later::Later::Prices,
            &sale.id,
            sale.seq,
        );
    }
    for line in &sale.lines {
        let Some(price) = price_before(tx, stall, &line.sku, sale.seq)? else {
            continue;
        };
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
        .query_row(params![stall, sku, seq], crate::store::price_row)
        .optional()?)
}

fn load(tx: &Transaction<'_>, stall: &str, id: &str) -> Result<Option<PriceRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT id, after_seq, day, created_at, sku, price, tiers FROM office_prices
             WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], crate::store::price_row)
        .optional()?)
}

/// A price record from a row of `id, after_seq, day, created_at, sku,
/// price, tiers` (the stall's `price_changes` and the office's copy alike).
fn describe(record: &PriceRecord) -> String {
    format!(
        "harga {} Rp{} [{}] sesudah nomor {} {}",
        record.sku, record.price, record.tiers, record.after_seq, record.created_at
    )
}
