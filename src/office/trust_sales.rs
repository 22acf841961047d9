//! Sales at the office: each new one checked against the prices held, its
//! sequence number and receipt number its own, and written with its lines
//! and payments; a void that came before its sale is checked against it now.

use rusqlite::{OptionalExtension, Transaction, params};

use super::trust::{Admission, Checker, is_new, same_seq_elsewhere};
use super::trust_voids::load_void;
use crate::domain::record::{PaymentRecord, SaleLineRecord, SaleRecord, VoidRecord};
use crate::domain::record_check;
use crate::money::Rupiah;
use crate::sync::SyncError;
use crate::sync::content::{Refusal, refused, sale_label};

/// Sales: new ones written, each checked against the prices held, its
/// sequence number and receipt number its own; a void that came first is
/// checked now.
pub(super) struct Sales;

impl Checker for Sales {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for sale in &content.sales {
            at.sales_here.insert(sale.id.as_str(), sale);
            if !is_new(
                tx,
                "office_sales",
                &sale.id,
                stall,
                &sale_label(sale),
                || {
                    load_sale(tx, stall, &sale.id)
                        .map(|held| held.map(|h| (h.clone() == *sale, describe_sale(&h))))
                },
                || describe_sale(sale),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, sale.seq, &sale.id, &sale_label(sale))?;
            super::trust_prices::check_sale_prices(tx, stall, sale)?;
            receipt_its_own(tx, stall, sale)?;
            insert_sale(tx, stall, sale)?;
            new += 1;
            at.pending_sales.push(sale.id.as_str());
            check_early_voids(tx, stall, sale)?;
        }
        Ok(new)
    }
}

/// One receipt number, one sale: an edited book that renumbers a sale under
/// a new id is a conflict, not a second sale.
fn receipt_its_own(tx: &Transaction<'_>, stall: &str, sale: &SaleRecord) -> Result<(), SyncError> {
    let other: Option<String> = tx
        .prepare_cached(
            "SELECT id FROM office_sales WHERE stall_code = ?1 AND receipt = ?2 AND id <> ?3
                 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)",
        )?
        .query_row(params![stall, sale.receipt, sale.id], |r| r.get(0))
        .optional()?;
    if let Some(other) = other {
        return Err(Refusal::Changed {
            record: sale_label(sale),
            held: format!("nota {} dengan id {other}", sale.receipt),
            found: format!("nota yang sama dengan id {}", sale.id),
        }
        .into());
    }
    Ok(())
}

/// A void that arrived before its sale is checked against it now.
fn check_early_voids(
    tx: &Transaction<'_>,
    stall: &str,
    sale: &SaleRecord,
) -> Result<(), SyncError> {
    for void in load_voids_of(tx, stall, &sale.id)? {
        record_check::check_void_of(&void, sale)
            .map_err(refused(format!("pembatalan {}", void.id)))?;
    }
    Ok(())
}

fn describe_sale(sale: &SaleRecord) -> String {
    // Enough of the sale that two copies which differ show where.
    let lines: Vec<String> = sale
        .lines
        .iter()
        .map(|l| {
            let quantity = crate::money::Quantity::from_milli(l.quantity_milli);
            format!("{} {quantity}×{}", l.sku, Rupiah::new(l.unit_price))
        })
        .collect();
    let payments: Vec<String> = sale
        .payments
        .iter()
        .map(|p| format!("{} {}", p.method, Rupiah::new(p.amount)))
        .collect();
    format!(
        "nota {} {}, total {} [{}; {}]",
        sale.receipt,
        sale.created_at,
        Rupiah::new(sale.total),
        lines.join(", "),
        payments.join(", ")
    )
}

fn insert_sale(tx: &Transaction<'_>, stall: &str, sale: &SaleRecord) -> Result<(), SyncError> {
    tx.prepare_cached(
        "INSERT INTO office_sales (id, stall_code, seq, receipt, day, created_at, subtotal,
            line_discounts, sale_discount, tax, total, epoch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, (SELECT epoch FROM office_stalls WHERE code = ?2))",
    )?
    .execute(params![
        sale.id,
        stall,
        sale.seq,
        sale.receipt,
        sale.day,
        sale.created_at,
        sale.subtotal,
        sale.line_discounts,
        sale.sale_discount,
        sale.tax,
        sale.total
    ])?;
    for line in &sale.lines {
        tx.prepare_cached(
            "INSERT INTO office_sale_lines (sale_id, line_no, sku, name, category, unit, unit_price, quantity,
                gross, line_discount, sale_discount_share, net, stall_code)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            sale.id,
            line.line_no,
            line.sku,
            line.name,
            line.category,
            line.unit,
            line.unit_price,
            line.quantity_milli,
            line.gross,
            line.line_discount,
            line.sale_discount_share,
            line.net,
            stall
        ])?;
    }
    for (index, payment) in sale.payments.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO office_payments (sale_id, line_no, method, amount, tendered, reference, customer,
                stall_code)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            sale.id,
            index as i64 + 1,
            payment.method,
            payment.amount,
            payment.tendered,
            payment.reference,
            payment.customer,
            stall
        ])?;
    }
    Ok(())
}

/// A sale as the office holds it, in the form it travelled.
pub(super) fn load_sale(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<SaleRecord>, SyncError> {
    let head = tx
        .prepare_cached(
            "SELECT seq, receipt, day, created_at, subtotal, line_discounts, sale_discount, tax, total
             FROM office_sales WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(SaleRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                receipt: r.get(1)?,
                day: r.get(2)?,
                created_at: r.get(3)?,
                subtotal: r.get(4)?,
                line_discounts: r.get(5)?,
                sale_discount: r.get(6)?,
                tax: r.get(7)?,
                total: r.get(8)?,
                lines: Vec::new(),
                payments: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut sale) = head else {
        return Ok(None);
    };
    let mut lines = tx.prepare_cached(
        "SELECT line_no, sku, name, category, unit, unit_price, quantity, gross, line_discount,
                sale_discount_share, net
         FROM office_sale_lines WHERE sale_id = ?1 AND stall_code = ?2 ORDER BY line_no",
    )?;
    sale.lines = lines
        .query_map(params![id, stall], |r| {
            Ok(SaleLineRecord {
                line_no: r.get(0)?,
                sku: r.get(1)?,
                name: r.get(2)?,
                category: r.get(3)?,
                unit: r.get(4)?,
                unit_price: r.get(5)?,
                quantity_milli: r.get(6)?,
                gross: r.get(7)?,
                line_discount: r.get(8)?,
                sale_discount_share: r.get(9)?,
                net: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut payments = tx.prepare_cached(
        "SELECT method, amount, tendered, reference, customer FROM office_payments WHERE sale_id = ?1
         AND stall_code = ?2 ORDER BY line_no",
    )?;
    sale.payments = payments
        .query_map(params![id, stall], |r| {
            Ok(PaymentRecord {
                method: r.get(0)?,
                amount: r.get(1)?,
                tendered: r.get(2)?,
                reference: r.get(3)?,
                customer: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(sale))
}

fn load_voids_of(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
) -> Result<Vec<VoidRecord>, SyncError> {
    let ids: Vec<String> = tx
        .prepare_cached("SELECT id FROM office_voids WHERE sale_id = ?1 AND stall_code = ?2")?
        .query_map(params![sale_id, stall], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut voids = Vec::with_capacity(ids.len());
    for id in ids {
        voids.extend(load_void(tx, stall, &id)?);
    }
    Ok(voids)
}
