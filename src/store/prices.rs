//! A product's price history, as records that travel to the office: each
//! time a product is added or its price or harga grosir change, the price as
//! it now stands is recorded after the stall's last numbered record. The office
//! checks every sale line against the price of its time (issue 26), so a
//! price is never lowered in a file without a record saying so.

use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::{Result, sequence};

/// Records the product's price and tiers if they differ from its last price
/// record (or it has none), inside the transaction that changed them.
pub(super) fn note_price(tx: &Transaction<'_>, product_id: Uuid, stamp: &str) -> Result<()> {
    let id = product_id.to_string();
    let now: (String, i64, String) = tx
        .prepare_cached("SELECT sku, price, price_tiers FROM products WHERE id = ?1")?
        .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let last: Option<(String, i64, String)> = tx
        .prepare_cached(
            "SELECT sku, price, tiers FROM price_changes WHERE product_id = ?1
             ORDER BY after_seq DESC, rowid DESC LIMIT 1",
        )?
        .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if last.as_ref() == Some(&now) {
        return Ok(());
    }
    // No number of its own (adding a product is no sale, and must neither
    // fail with the clock behind nor hold later sales back): it stands after
    // the last record numbered.
    let after_seq = sequence::last(tx)?;
    // A record's day is its time's local date (the office's rule).
    let day = stamp.get(..10).unwrap_or(stamp);
    tx.prepare_cached(
        "INSERT INTO price_changes (id, after_seq, product_id, sku, day, created_at, price, tiers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        Uuid::now_v7().to_string(),
        after_seq,
        id,
        now.0,
        day,
        stamp,
        now.1,
        now.2
    ])?;
    Ok(())
}
