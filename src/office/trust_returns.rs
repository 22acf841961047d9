//! Returns at the office: of a sale of this stall, never of a voided one,
//! each checked against its sale (and the sale's earlier returns) as soon
//! as the office holds the sale, in this file or a later one.

use rusqlite::{OptionalExtension, Transaction, params};

use super::trust::{Admission, Checker, is_new, same_seq_elsewhere};
use super::trust_sales::load_sale;
use super::trust_voids::{check_void_and_returns, require_own_sale};
use crate::domain::record::{ReturnLineRecord, ReturnRecord};
use crate::domain::record_check::{self, Context};
use crate::money::Rupiah;
use crate::sync::SyncError;
use crate::sync::content::refused;

/// Returns: of a sale of this stall, checked against it now or when it arrives.
pub(super) struct Returns;

impl Checker for Returns {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for record in &content.returns {
            let label = format!("retur {}", record.id);
            if !is_new(
                tx,
                "office_returns",
                &record.id,
                stall,
                &label,
                || {
                    load_return(tx, stall, &record.id)
                        .map(|held| held.map(|h| (h == *record, describe_return(&h))))
                },
                || describe_return(record),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, record.seq, &record.id, &label)?;
            require_own_sale(
                tx,
                stall,
                &record.sale_id,
                record.seq,
                &at.sales_here,
                &label,
            )?;
            check_void_and_returns(tx, stall, &record.sale_id, None, &label)?;
            insert_return(tx, stall, record)?;
            // Checked against its sale now, or when the sale arrives.
            check_returns_of(tx, stall, &record.sale_id, &at.context)?;
            new += 1;
        }
        Ok(new)
    }
}

/// Returns that arrived before their sale (files imported out of order),
/// checked now that the sale is in. Adds no record.
pub(super) struct EarlyReturns;

impl Checker for EarlyReturns {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        for sale_id in &at.pending_sales {
            check_returns_of(at.tx, at.stall, sale_id, &at.context)?;
        }
        Ok(0)
    }
}

/// Checks every held return of a sale against it, in the stall's order, once
/// the sale is held.
fn check_returns_of(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
    context: &Context,
) -> Result<(), SyncError> {
    let Some(sale) = load_sale(tx, stall, sale_id)? else {
        return Ok(());
    };
    let returns = returns_of(tx, sale_id, stall)?;
    for (index, record) in returns.iter().enumerate() {
        let earlier: Vec<&ReturnRecord> = returns[..index].iter().collect();
        record_check::check_return(record, &sale, &earlier, context)
            .map_err(refused(format!("retur {}", record.id)))?;
    }
    Ok(())
}

fn describe_return(record: &ReturnRecord) -> String {
    format!(
        "retur penjualan {} tanggal {}, uang kembali {}",
        record.sale_id,
        record.day,
        Rupiah::new(record.refund)
    )
}

fn insert_return(
    tx: &Transaction<'_>,
    stall: &str,
    record: &ReturnRecord,
) -> Result<(), SyncError> {
    tx.prepare_cached(
        "INSERT INTO office_returns (id, stall_code, seq, sale_id, day, created_at, refund_method, refund,
            epoch, kasbon_refund)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (SELECT epoch FROM office_stalls WHERE code = ?2), ?9)",
    )?
    .execute(params![
        record.id,
        stall,
        record.seq,
        record.sale_id,
        record.day,
        record.created_at,
        record.refund_method,
        record.refund,
        record.kasbon_refund
    ])?;
    for line in &record.lines {
        tx.prepare_cached(
            "INSERT INTO office_return_lines (return_id, stall_code, line_no, quantity, amount)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            record.id,
            stall,
            line.line_no,
            line.quantity_milli,
            line.amount
        ])?;
    }
    Ok(())
}

fn return_lines(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Vec<ReturnLineRecord>, SyncError> {
    let mut statement = tx.prepare_cached(
        "SELECT line_no, quantity, amount FROM office_return_lines WHERE return_id = ?1 AND stall_code = ?2 ORDER BY line_no",
    )?;
    Ok(statement
        .query_map(params![id, stall], |r| {
            Ok(ReturnLineRecord {
                line_no: r.get(0)?,
                quantity_milli: r.get(1)?,
                amount: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn load_return(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<ReturnRecord>, SyncError> {
    let head = tx
        .prepare_cached(
            "SELECT seq, sale_id, day, created_at, refund_method, refund, kasbon_refund FROM office_returns
             WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(ReturnRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                sale_id: r.get(1)?,
                day: r.get(2)?,
                created_at: r.get(3)?,
                refund_method: r.get(4)?,
                refund: r.get(5)?,
                kasbon_refund: r.get(6)?,
                lines: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut record) = head else {
        return Ok(None);
    };
    record.lines = return_lines(tx, stall, id)?;
    Ok(Some(record))
}

/// The returns already held against a sale, in the stall's order.
fn returns_of(
    tx: &Transaction<'_>,
    sale_id: &str,
    stall: &str,
) -> Result<Vec<ReturnRecord>, SyncError> {
    let ids: Vec<String> = tx
        .prepare_cached(
            "SELECT id FROM office_returns WHERE sale_id = ?1 AND stall_code = ?2 ORDER BY seq",
        )?
        .query_map(params![sale_id, stall], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut records = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(record) = load_return(tx, stall, &id)? {
            records.push(record);
        }
    }
    Ok(records)
}
