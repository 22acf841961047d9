//! *Laporan titip jual*: a producer's goods and money over a period. Per
//! product: the stock at the start, received, sold, returned by buyers,
//! handed back, other changes and what remains, from the stock ledger; the
//! sales value and what the sold lines owe. For the producer: what was owed
//! before, owed and paid in the period, and the balance.
//!
//! Everything is computed from the records as they were written: what a
//! line owes was fixed when it sold, a void cancels it, a return takes back
//! its share (running shares, half up: `consign::owed_returned`).

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, params};
use serde::Serialize;
use time::Date;

use super::producers::{Producer, producer_in};
use crate::domain::consign::{ConsignError, owed_returned};
use crate::money::{Quantity, Rupiah};
use crate::store::{Result, Store};

/// One product of a producer's statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementProduct {
    pub sku: String,
    pub name: String,
    pub unit: String,
    /// Stock at the start of the period.
    pub opening: Quantity,
    /// Received from the producer (terima titipan).
    pub received: Quantity,
    /// Sold, less sales voided.
    pub sold: Quantity,
    /// Brought back by buyers (retur).
    pub buyer_returns: Quantity,
    /// Handed back to the producer (retur ke penitip).
    pub returned: Quantity,
    /// Other changes: adjustments, stock counts, goods received outside a
    /// handover note.
    pub adjusted: Quantity,
    /// Stock at the end of the period.
    pub remaining: Quantity,
    /// Net of the lines sold, less what returns refunded of it.
    pub sales_value: Rupiah,
    /// What those lines owe the producer, less what returns took back.
    pub owed: Rupiah,
}

/// A producer's statement for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProducerStatement {
    pub producer: Producer,
    /// First day of the period (`None`: from the beginning).
    pub from: Option<String>,
    /// Last day of the period.
    pub to: String,
    pub products: Vec<StatementProduct>,
    /// Owed less paid before the period.
    pub opening_balance: Rupiah,
    pub sales_value: Rupiah,
    pub owed: Rupiah,
    pub paid: Rupiah,
    /// Owed less paid up to the end of the period.
    pub balance: Rupiah,
    pub payouts: Vec<super::Payout>,
    /// The handover notes of the period: number, kind, day.
    pub notes: Vec<(String, super::HandoverKind, String)>,
}

/// A change of what a producer is owed or was paid.
struct Movement {
    seq: i64,
    day: String,
    product_id: Option<String>,
    owed: Rupiah,
    value: Rupiah,
    paid: Rupiah,
}

/// Every change of a producer's money, in no particular order.
fn movements(conn: &Connection, producer: &Producer) -> Result<Vec<Movement>> {
    let id = producer.id.to_string();
    let mut moves = Vec::new();
    struct Line {
        product_id: String,
        quantity: i64,
        owed: Rupiah,
        returned: i64,
    }
    let mut lines: HashMap<(String, i64), Line> = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT s.id, s.seq, s.day, l.line_no, l.product_id, l.quantity, l.net, c.owed, v.seq, v.day
         FROM consigned_lines c
         JOIN sales s ON s.id = c.sale_id
         JOIN sale_lines l ON l.sale_id = c.sale_id AND l.line_no = c.line_no
         LEFT JOIN voids v ON v.sale_id = s.id
         WHERE c.producer_id = ?1",
    )?;
    let rows = statement.query_map([&id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, i64>(6)?,
            r.get::<_, i64>(7)?,
            r.get::<_, Option<i64>>(8)?,
            r.get::<_, Option<String>>(9)?,
        ))
    })?;
    for row in rows {
        let (sale_id, seq, day, line_no, product_id, quantity, net, owed, void_seq, void_day) =
            row?;
        let (owed, net) = (Rupiah::new(owed), Rupiah::new(net));
        moves.push(Movement {
            seq,
            day,
            product_id: Some(product_id.clone()),
            owed,
            value: net,
            paid: Rupiah::ZERO,
        });
        if let (Some(seq), Some(day)) = (void_seq, void_day) {
            moves.push(Movement {
                seq,
                day,
                product_id: Some(product_id.clone()),
                owed: owed.checked_neg()?,
                value: net.checked_neg()?,
                paid: Rupiah::ZERO,
            });
        }
        lines.insert(
            (sale_id, line_no),
            Line {
                product_id,
                quantity,
                owed,
                returned: 0,
            },
        );
    }
    let mut statement = conn.prepare_cached(
        "SELECT r.seq, r.day, r.sale_id, rl.line_no, rl.quantity, rl.amount
         FROM consigned_lines c
         JOIN returns r ON r.sale_id = c.sale_id
         JOIN return_lines rl ON rl.return_id = r.id AND rl.line_no = c.line_no
         WHERE c.producer_id = ?1 ORDER BY r.seq",
    )?;
    let rows = statement.query_map([&id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    for row in rows {
        let (seq, day, sale_id, line_no, quantity, amount) = row?;
        let Some(line) = lines.get_mut(&(sale_id, line_no)) else {
            continue;
        };
        let back = owed_returned(line.owed, line.quantity, line.returned, quantity)?;
        line.returned += quantity;
        moves.push(Movement {
            seq,
            day,
            product_id: Some(line.product_id.clone()),
            owed: back.checked_neg()?,
            value: Rupiah::new(amount).checked_neg()?,
            paid: Rupiah::ZERO,
        });
    }
    let mut statement = conn
        .prepare_cached("SELECT seq, day, amount FROM producer_payouts WHERE producer_id = ?1")?;
    let rows = statement.query_map([&id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (seq, day, amount) = row?;
        moves.push(Movement {
            seq,
            day,
            product_id: None,
            owed: Rupiah::ZERO,
            value: Rupiah::ZERO,
            paid: Rupiah::new(amount),
        });
    }
    Ok(moves)
}

/// Owed and paid over the days `period` (both ends included; `None`: all).
pub(super) fn totals(
    conn: &Connection,
    producer: &Producer,
    period: Option<(&str, &str)>,
) -> Result<(Rupiah, Rupiah)> {
    sum(movements(conn, producer)?
        .iter()
        .filter(|m| period.is_none_or(|(from, to)| m.day.as_str() >= from && m.day.as_str() <= to)))
}

/// Owed and paid by the records numbered up to `seq`.
pub(super) fn totals_upto(
    conn: &Connection,
    producer: &Producer,
    seq: i64,
) -> Result<(Rupiah, Rupiah)> {
    sum(movements(conn, producer)?.iter().filter(|m| m.seq <= seq))
}

/// The balance now.
pub(super) fn balance_in(conn: &Connection, producer: &Producer) -> Result<Rupiah> {
    let (owed, paid) = totals(conn, producer, None)?;
    Ok(owed.checked_sub(paid)?)
}

fn sum<'a>(moves: impl Iterator<Item = &'a Movement>) -> Result<(Rupiah, Rupiah)> {
    let mut owed = Rupiah::ZERO;
    let mut paid = Rupiah::ZERO;
    for m in moves {
        owed = owed.checked_add(m.owed)?;
        paid = paid.checked_add(m.paid)?;
    }
    Ok((owed, paid))
}

/// A product's ledger summed by kind, before and during the period.
fn stock_figures(
    conn: &Connection,
    product_id: &str,
    from: &str,
    to: &str,
) -> Result<(Quantity, BTreeMap<String, i64>)> {
    let mut statement = conn.prepare_cached(
        "SELECT kind,
                SUM(CASE WHEN substr(created_at, 1, 10) < ?2 THEN quantity ELSE 0 END),
                SUM(CASE WHEN substr(created_at, 1, 10) BETWEEN ?2 AND ?3 THEN quantity ELSE 0 END)
         FROM stock_movements WHERE product_id = ?1 GROUP BY kind",
    )?;
    let rows = statement.query_map(params![product_id, from, to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut opening = 0i64;
    let mut during = BTreeMap::new();
    for row in rows {
        let (kind, before, now) = row?;
        opening += before;
        during.insert(kind, now);
    }
    Ok((Quantity::from_milli(opening), during))
}

impl Store {
    /// The statement of `producer` from `from` (or the beginning) to `to`
    /// (or today), both days included.
    pub fn producer_statement(
        &self,
        producer: &str,
        from: Option<Date>,
        to: Date,
    ) -> Result<ProducerStatement> {
        self.require_stall()?;
        if let Some(from) = from
            && from > to
        {
            return Err(ConsignError::Period { from, to }.into());
        }
        let producer = producer_in(&self.conn, producer)?;
        let from_key = from.map(|d| d.to_string()).unwrap_or_default();
        let to_key = to.to_string();
        let moves = movements(&self.conn, &producer)?;
        let (before_owed, before_paid) =
            sum(moves.iter().filter(|m| m.day.as_str() < from_key.as_str()))?;
        let during: Vec<&Movement> = moves
            .iter()
            .filter(|m| m.day.as_str() >= from_key.as_str() && m.day.as_str() <= to_key.as_str())
            .collect();
        let (owed, paid) = sum(during.iter().copied())?;
        let sales_value = Rupiah::sum(during.iter().map(|m| m.value))?;

        // The producer's products: consigned to them now, or ever sold,
        // received or handed back as theirs.
        let id = producer.id.to_string();
        let mut statement = self.conn.prepare_cached(
            "SELECT p.id, p.sku, p.name, p.unit FROM products p WHERE p.id IN (
                 SELECT product_id FROM product_consignments WHERE producer_id = ?1
                 UNION SELECT l.product_id FROM consigned_lines c
                       JOIN sale_lines l ON l.sale_id = c.sale_id AND l.line_no = c.line_no
                       WHERE c.producer_id = ?1
                 UNION SELECT hl.product_id FROM handover_notes n
                       JOIN handover_lines hl ON hl.note_id = n.id WHERE n.producer_id = ?1)
             ORDER BY p.name COLLATE NOCASE, p.sku",
        )?;
        let products: Vec<(String, String, String, String)> = statement
            .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut rows = Vec::with_capacity(products.len());
        for (product_id, sku, name, unit) in products {
            let (opening, kinds) = stock_figures(&self.conn, &product_id, &from_key, &to_key)?;
            let of = |kind: &str| *kinds.get(kind).unwrap_or(&0);
            let adjusted = of("adjust") + of("count") + of("receive");
            let remaining = opening.milli() + kinds.values().sum::<i64>();
            let mine = during
                .iter()
                .filter(|m| m.product_id.as_deref() == Some(product_id.as_str()));
            let (owed, _) = sum(mine.clone().copied())?;
            rows.push(StatementProduct {
                sku,
                name,
                unit,
                opening,
                received: Quantity::from_milli(of("consign_in")),
                sold: Quantity::from_milli(-(of("sale") + of("void"))),
                buyer_returns: Quantity::from_milli(of("return")),
                returned: Quantity::from_milli(-of("consign_out")),
                adjusted: Quantity::from_milli(adjusted),
                remaining: Quantity::from_milli(remaining),
                sales_value: Rupiah::sum(mine.map(|m| m.value))?,
                owed,
            });
        }
        let payouts = self
            .payouts_of(&producer.code)?
            .into_iter()
            .filter(|p| p.day >= from_key && p.day <= to_key)
            .collect();
        let notes = self
            .handover_notes(&producer.code)?
            .into_iter()
            .filter(|(_, _, day)| *day >= from_key && *day <= to_key)
            .rev()
            .collect();
        let opening_balance = before_owed.checked_sub(before_paid)?;
        Ok(ProducerStatement {
            from: from.map(|d| d.to_string()),
            to: to_key,
            products: rows,
            opening_balance,
            sales_value,
            owed,
            paid,
            balance: opening_balance.checked_add(owed)?.checked_sub(paid)?,
            payouts,
            notes,
            producer,
        })
    }
}
