//! The stock ledger: every change of stock is a row, and a product's stock is
//! the sum of its rows. That sum is kept in `products.stock` by a trigger on
//! every row written (schema.sql, migration 14), in the row's transaction.

use rusqlite::types::Value;
use rusqlite::{Connection, Transaction, params};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Result, Store, StoreError};
use crate::clock;
use crate::domain::books_event::Paid;
use crate::money::{Quantity, Rupiah};

/// Why stock moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    /// *Terima barang*: goods in.
    Receive,
    /// Loss, damage, a gift: with a reason.
    Adjust,
    /// *Stok opname*: the difference between the count and the book.
    Count,
    Sale,
    Void,
    Return,
    /// *Terima titipan*: a producer's goods in, under a handover note.
    ConsignIn,
    /// *Retur ke penitip*: a producer's goods handed back, under a note.
    ConsignOut,
}

impl MovementKind {
    pub fn key(self) -> &'static str {
        match self {
            MovementKind::Receive => "receive",
            MovementKind::Adjust => "adjust",
            MovementKind::Count => "count",
            MovementKind::Sale => "sale",
            MovementKind::Void => "void",
            MovementKind::Return => "return",
            MovementKind::ConsignIn => "consign_in",
            MovementKind::ConsignOut => "consign_out",
        }
    }

    fn from_key(key: &str) -> MovementKind {
        match key {
            "receive" => MovementKind::Receive,
            "adjust" => MovementKind::Adjust,
            "count" => MovementKind::Count,
            "sale" => MovementKind::Sale,
            "void" => MovementKind::Void,
            "consign_in" => MovementKind::ConsignIn,
            "consign_out" => MovementKind::ConsignOut,
            _ => MovementKind::Return,
        }
    }

    /// The word on the ledger screen.
    pub fn label(self) -> &'static str {
        match self {
            MovementKind::Receive => "terima barang",
            MovementKind::Adjust => "penyesuaian",
            MovementKind::Count => "stok opname",
            MovementKind::Sale => "penjualan",
            MovementKind::Void => "batal",
            MovementKind::Return => "retur",
            MovementKind::ConsignIn => "terima titipan",
            MovementKind::ConsignOut => "retur ke penitip",
        }
    }
}

/// One ledger row, with the running balance after it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StockMovement {
    pub at: String,
    pub kind: MovementKind,
    pub quantity: Quantity,
    pub balance: Quantity,
    pub unit_cost: Option<Rupiah>,
    pub note: Option<String>,
    pub receipt: Option<String>,
}

/// The unit cost after `received` come in at `cost` on top of `on_hand` at
/// `old` (none, or none on hand: the new cost), rounded half up.
pub(crate) fn weighted_cost(
    on_hand: Quantity,
    old: Option<Rupiah>,
    received: Quantity,
    cost: Rupiah,
) -> Rupiah {
    let Some(old) = old.filter(|_| on_hand.is_positive()) else {
        return cost;
    };
    let (held, come) = (i128::from(on_hand.milli()), i128::from(received.milli()));
    let total = held * i128::from(old.value()) + come * i128::from(cost.value());
    let units = held + come;
    let average = (2 * total + units) / (2 * units);
    i64::try_from(average).map(Rupiah::new).unwrap_or(cost)
}

/// A ledger row to write.
pub(super) struct Movement<'a> {
    pub product_id: Uuid,
    pub kind: MovementKind,
    pub quantity: Quantity,
    pub unit_cost: Option<Rupiah>,
    pub note: Option<&'a str>,
    pub sale_id: Option<Uuid>,
}

pub(super) fn record(tx: &Transaction<'_>, movement: &Movement<'_>, stamp: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO stock_movements (id, product_id, kind, quantity, unit_cost, note, sale_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        Uuid::now_v7().to_string(),
        movement.product_id.to_string(),
        movement.kind.key(),
        movement.quantity.milli(),
        movement.unit_cost.map(Rupiah::value),
        movement.note,
        movement.sale_id.map(|id| id.to_string()),
        stamp
    ])?;
    Ok(())
}

/// Writes several ledger rows in one statement.
pub(super) fn record_many(
    tx: &Transaction<'_>,
    movements: &[Movement<'_>],
    stamp: &str,
) -> Result<()> {
    let rows = movements.iter().map(|movement| {
        vec![
            Value::Text(Uuid::now_v7().to_string()),
            Value::Text(movement.product_id.to_string()),
            Value::Text(movement.kind.key().into()),
            Value::Integer(movement.quantity.milli()),
            movement
                .unit_cost
                .map(|c| Value::Integer(c.value()))
                .unwrap_or(Value::Null),
            movement
                .note
                .map(|n| Value::Text(n.into()))
                .unwrap_or(Value::Null),
            movement
                .sale_id
                .map(|id| Value::Text(id.to_string()))
                .unwrap_or(Value::Null),
            Value::Text(stamp.into()),
        ]
    });
    super::bulk::insert_rows(
        tx,
        "stock_movements",
        &[
            "id",
            "product_id",
            "kind",
            "quantity",
            "unit_cost",
            "note",
            "sale_id",
            "created_at",
        ],
        rows,
    )
}

/// Sets every product's stock figure that differs from its ledger's sum
/// back to that sum, and returns how many differed. The trigger keeps the
/// figure in step with every row, so only a book edited by hand (a backup
/// changed before a restore) has any to set: the ledger is the truth.
pub(super) fn refigure(conn: &Connection) -> Result<usize> {
    let changed = conn.execute(
        "UPDATE products SET stock = ledger.total
         FROM (SELECT p.id, COALESCE((SELECT SUM(m.quantity) FROM stock_movements m
                                      WHERE m.product_id = p.id), 0) AS total
               FROM products p) AS ledger
         WHERE ledger.id = products.id AND products.stock IS NOT ledger.total",
        [],
    )?;
    // And the count of low products (migration 16), from the figures.
    conn.execute(
        "UPDATE product_counts SET low = (SELECT COUNT(*) FROM products WHERE stock <= min_stock)",
        [],
    )?;
    Ok(changed)
}

/// A product's stock as the ledger's rows so far in `tx` add up to: the
/// figure the trigger keeps, read by key.
pub(super) fn stock_in(tx: &Transaction<'_>, product_id: Uuid) -> Result<Quantity> {
    let milli: i64 = tx
        .prepare_cached("SELECT stock FROM products WHERE id = ?1")?
        .query_row([product_id.to_string()], |r| r.get(0))?;
    Ok(Quantity::from_milli(milli))
}

fn check_note(note: Option<&str>) -> Result<()> {
    match note {
        Some(n) if n.chars().count() > 200 || n.chars().any(char::is_control) => {
            Err(StoreError::Reason)
        }
        _ => Ok(()),
    }
}

impl Store {
    /// Goods in. A cost given becomes the product's HPP.
    pub fn receive_stock(
        &mut self,
        code: &str,
        quantity: Quantity,
        cost: Option<Rupiah>,
        note: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Quantity> {
        self.receive_stock_paid(code, quantity, cost, None, note, now)
    }

    /// Terima barang, saying how the goods were paid (`None`: the stall's
    /// setting). A row keeps the unit cost it came in at (the product's HPP
    /// when none is given) and how it was paid, for the month's books.
    pub fn receive_stock_paid(
        &mut self,
        code: &str,
        quantity: Quantity,
        cost: Option<Rupiah>,
        paid: Option<Paid>,
        note: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Quantity> {
        self.require_stall()?;
        let product = self.find_product(code)?;
        if !quantity.is_positive() {
            return Err(StoreError::NonPositiveQuantity);
        }
        crate::domain::limits::check_quantity(quantity)?;
        product.unit.check(quantity)?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if let Some(cost) = cost {
            crate::domain::product::validate_cost(cost)?;
        }
        check_note(note)?;
        let paid = match paid {
            Some(paid) => paid,
            None => self.settings()?.purchase_paid,
        };
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO stock_movements (id, product_id, kind, quantity, unit_cost, note, created_at, paid)
                 VALUES (?1, ?2, 'receive', ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                Uuid::now_v7().to_string(),
                product.id.to_string(),
                quantity.milli(),
                cost.or(product.cost).map(Rupiah::value),
                note,
                stamp,
                paid.name()
            ])?;
            if let Some(cost) = cost {
                // HPP by moving weighted average (rata-rata tertimbang), one
                // of the two ways SAK EMKM allows: what is on hand at its
                // cost, and the goods received at theirs.
                let average = weighted_cost(product.stock, product.cost, quantity, cost);
                tx.execute(
                    "UPDATE products SET cost = ?2, updated_at = ?3 WHERE id = ?1",
                    params![product.id.to_string(), average.value(), stamp],
                )?;
            }
            stock_in(tx, product.id)
        })
    }

    /// A change with a reason: breakage, a gift, a sample.
    pub fn adjust_stock(
        &mut self,
        code: &str,
        delta: Quantity,
        reason: &str,
        now: OffsetDateTime,
    ) -> Result<Quantity> {
        self.require_stall()?;
        let product = self.find_product(code)?;
        if delta == Quantity::ZERO {
            return Err(StoreError::ZeroAdjustment);
        }
        crate::domain::limits::check_quantity(if delta.is_negative() {
            delta.checked_neg()?
        } else {
            delta
        })?;
        product.unit.check(delta)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::Reason);
        }
        check_note(Some(reason))?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            record(
                tx,
                &Movement {
                    product_id: product.id,
                    kind: MovementKind::Adjust,
                    quantity: delta,
                    unit_cost: None,
                    note: Some(reason),
                    sale_id: None,
                },
                &stamp,
            )?;
            stock_in(tx, product.id)
        })
    }

    /// *Stok opname*: records the difference between the count and the book,
    /// even when it is zero, so the ledger shows the count took place.
    /// Returns the difference.
    pub fn count_stock(
        &mut self,
        code: &str,
        counted: Quantity,
        now: OffsetDateTime,
    ) -> Result<Quantity> {
        self.require_stall()?;
        let product = self.find_product(code)?;
        if counted.is_negative() {
            return Err(StoreError::NegativeCount);
        }
        if counted.is_positive() {
            crate::domain::limits::check_quantity(counted)?;
        }
        product.unit.check(counted)?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            let book = stock_in(tx, product.id)?;
            let difference = counted.checked_sub(book)?;
            let note = format!("dihitung {counted}, buku {book}");
            record(
                tx,
                &Movement {
                    product_id: product.id,
                    kind: MovementKind::Count,
                    quantity: difference,
                    unit_cost: None,
                    note: Some(&note),
                    sale_id: None,
                },
                &stamp,
            )?;
            Ok(difference)
        })
    }

    /// A product's ledger, oldest first, with the running balance.
    pub fn ledger(&self, code: &str) -> Result<Vec<StockMovement>> {
        let product = self.find_product(code)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT m.created_at, m.kind, m.quantity, m.unit_cost, m.note, s.receipt
             FROM stock_movements m LEFT JOIN sales s ON s.id = m.sale_id
             WHERE m.product_id = ?1 ORDER BY m.rowid",
        )?;
        let rows = statement.query_map([product.id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut balance = Quantity::ZERO;
        let mut movements = Vec::new();
        for row in rows {
            let (at, kind, quantity, unit_cost, note, receipt) = row?;
            let quantity = Quantity::from_milli(quantity);
            balance = balance.checked_add(quantity)?;
            movements.push(StockMovement {
                at,
                kind: MovementKind::from_key(&kind),
                quantity,
                balance,
                unit_cost: unit_cost.map(Rupiah::new),
                note,
                receipt,
            });
        }
        Ok(movements)
    }
}

#[cfg(test)]
mod tests {
    use super::weighted_cost;
    use crate::money::{Quantity, Rupiah};

    fn q(units: i64) -> Quantity {
        Quantity::from_milli(units * 1_000)
    }

    #[test]
    fn the_cost_is_the_weighted_average_of_what_is_held_and_what_comes() {
        let rp = Rupiah::new;
        assert_eq!(
            weighted_cost(q(10), Some(rp(1_000)), q(10), rp(3_000)),
            rp(2_000)
        );
        // 10 × 2.000 + 1 × 100 = 20.100 over 11: 1.827,27…
        assert_eq!(
            weighted_cost(q(10), Some(rp(2_000)), q(1), rp(100)),
            rp(1_827)
        );
        // Nothing held, or no cost before: the new cost.
        assert_eq!(weighted_cost(q(0), Some(rp(2_000)), q(5), rp(100)), rp(100));
        assert_eq!(
            weighted_cost(q(-3), Some(rp(2_000)), q(5), rp(100)),
            rp(100)
        );
        assert_eq!(weighted_cost(q(4), None, q(5), rp(100)), rp(100));
        // Half up.
        assert_eq!(weighted_cost(q(1), Some(rp(1)), q(1), rp(2)), rp(2));
    }
}
