//! What each sold line of a consigned product owes its producer, fixed in
//! the sale's own transaction with the terms of that moment: a later change
//! of price or terms never alters what was owed.

use rusqlite::{Connection, Transaction, params};
use uuid::Uuid;

use super::producers::consignment_of;
use crate::domain::consign::ConsignError;
use crate::domain::record::ConsignedLineRecord;
use crate::store::{Product, Result, SoldLine};

/// Writes what each consigned line of the sale `sale_id` owes, inside the
/// sale's transaction; refuses a line that would owe more than its net (a
/// harga setor above a discounted price). Lines of the stall's own goods
/// owe nothing and cost no statement.
pub(in crate::store) fn fix_owed(
    tx: &Transaction<'_>,
    sale_id: Uuid,
    products: &[Product],
    lines: &[SoldLine],
) -> Result<Vec<ConsignedLineRecord>> {
    let mut records = Vec::new();
    for (product, line) in products.iter().zip(lines) {
        let Some(code) = &product.producer else {
            continue;
        };
        let Some((producer_id, terms)) = consignment_of(tx, product.id)? else {
            continue;
        };
        let owed = terms.owed(line.quantity, line.net)?;
        if owed > line.net {
            return Err(ConsignError::OwedAboveNet {
                sku: line.sku.clone(),
                owed,
                net: line.net,
            }
            .into());
        }
        tx.prepare_cached(
            "INSERT INTO consigned_lines (sale_id, line_no, producer_id, basis, rate, owed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            sale_id.to_string(),
            line.line_no,
            producer_id,
            terms.basis(),
            terms.rate(),
            owed.value()
        ])?;
        records.push(ConsignedLineRecord {
            sale_id: sale_id.to_string(),
            line_no: line.line_no,
            producer: code.clone(),
            basis: terms.basis().to_string(),
            rate: terms.rate(),
            owed: owed.value(),
        });
    }
    Ok(records)
}

/// What the sales numbered `from..=to` owe their producers, as it travels.
pub fn records_for_sales(
    conn: &Connection,
    from: i64,
    to: i64,
) -> Result<Vec<ConsignedLineRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.sale_id, c.line_no, p.code, c.basis, c.rate, c.owed
         FROM sales s JOIN consigned_lines c ON c.sale_id = s.id JOIN producers p ON p.id = c.producer_id
         WHERE s.seq BETWEEN ?1 AND ?2 ORDER BY s.seq, c.line_no",
    )?;
    let rows = statement.query_map(params![from, to], |r| {
        Ok(ConsignedLineRecord {
            sale_id: r.get(0)?,
            line_no: r.get(1)?,
            producer: r.get(2)?,
            basis: r.get(3)?,
            rate: r.get(4)?,
            owed: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
