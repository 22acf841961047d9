//! *Laba kotor* from the book: every standing sale line of a period with the
//! cost its goods had when it was sold (the HPP kept on the line, or what a
//! consigned line owes its producer), less the returns of the period, per
//! day, month and product. Lines sold without a cost are listed apart.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use time::Date;

use super::days::day_key;
use super::{Result, Store};
use crate::domain::profit::{Margin, cost_of, returned_cost};
use crate::money::{Quantity, Rupiah};

/// One day's (or month's) gross profit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodProfit {
    /// `YYYY-MM-DD` for a day, `YYYY-MM` for a month.
    pub period: String,
    #[serde(flatten)]
    pub margin: Margin,
}

/// One product's gross profit over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProductProfit {
    pub sku: String,
    pub name: String,
    /// Sold less returned.
    pub quantity: Quantity,
    #[serde(flatten)]
    pub margin: Margin,
}

/// Laba kotor of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfitReport {
    pub from: String,
    pub to: String,
    #[serde(flatten)]
    pub total: Margin,
    pub days: Vec<PeriodProfit>,
    pub months: Vec<PeriodProfit>,
    /// By gross profit, highest first.
    pub products: Vec<ProductProfit>,
    /// Products sold without a cost (*tanpa HPP*) in the period: their sales
    /// are not in the profit.
    pub uncosted: Vec<ProductProfit>,
}

/// A line sold, or part of one returned, with its cost if known.
struct Movement {
    day: String,
    sku: String,
    name: String,
    quantity: Quantity,
    net: Rupiah,
    cost: Option<Rupiah>,
}

/// What a line's goods cost in all: a consigned line's amount owed, else the
/// HPP kept on the line times its quantity, else unknown.
fn line_cost(
    owed: Option<i64>,
    unit_cost: Option<i64>,
    quantity: Quantity,
) -> Result<Option<Rupiah>> {
    Ok(match (owed, unit_cost) {
        (Some(owed), _) => Some(Rupiah::new(owed)),
        (None, Some(cost)) => Some(cost_of(Rupiah::new(cost), quantity)?),
        (None, None) => None,
    })
}

fn sold(conn: &Connection, from: &str, to: &str) -> Result<Vec<Movement>> {
    let mut statement = conn.prepare_cached(
        "SELECT s.day, l.sku, l.name, l.quantity, l.net, l.unit_cost, cl.owed
         FROM sales s JOIN sale_lines l ON l.sale_id = s.id
         LEFT JOIN consigned_lines cl ON cl.sale_id = l.sale_id AND cl.line_no = l.line_no
         WHERE s.day >= ?1 AND s.day <= ?2
           AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = s.id)",
    )?;
    let rows = statement.query_map([from, to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, Option<i64>>(6)?,
        ))
    })?;
    let mut lines = Vec::new();
    for row in rows {
        let (day, sku, name, quantity, net, unit_cost, owed) = row?;
        let quantity = Quantity::from_milli(quantity);
        lines.push(Movement {
            day,
            sku,
            name,
            quantity,
            net: Rupiah::new(net),
            cost: line_cost(owed, unit_cost, quantity)?,
        });
    }
    Ok(lines)
}

fn returned(conn: &Connection, from: &str, to: &str) -> Result<Vec<Movement>> {
    let mut statement = conn.prepare_cached(
        "SELECT r.day, l.sku, l.name, rl.quantity, rl.amount, l.quantity, l.unit_cost, cl.owed,
                COALESCE((SELECT SUM(rl2.quantity) FROM return_lines rl2 JOIN returns r2 ON r2.id = rl2.return_id
                          WHERE r2.sale_id = r.sale_id AND rl2.line_no = rl.line_no AND r2.seq < r.seq), 0)
         FROM returns r JOIN return_lines rl ON rl.return_id = r.id
         JOIN sale_lines l ON l.sale_id = r.sale_id AND l.line_no = rl.line_no
         LEFT JOIN consigned_lines cl ON cl.sale_id = l.sale_id AND cl.line_no = l.line_no
         WHERE r.day >= ?1 AND r.day <= ?2",
    )?;
    let rows = statement.query_map([from, to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, Option<i64>>(6)?,
            r.get::<_, Option<i64>>(7)?,
            r.get::<_, i64>(8)?,
        ))
    })?;
    let mut lines = Vec::new();
    for row in rows {
        let (day, sku, name, quantity, amount, sold, unit_cost, owed, before) = row?;
        let sold = Quantity::from_milli(sold);
        let quantity = Quantity::from_milli(quantity);
        let cost = match line_cost(owed, unit_cost, sold)? {
            Some(whole) => Some(returned_cost(
                whole,
                sold,
                Quantity::from_milli(before),
                quantity,
            )?),
            None => None,
        };
        lines.push(Movement {
            day,
            sku,
            name,
            quantity,
            net: Rupiah::new(amount),
            cost,
        });
    }
    Ok(lines)
}

impl Store {
    /// Laba kotor from `from` to `to`, both days included.
    pub fn profit(&self, from: Date, to: Date) -> Result<ProfitReport> {
        self.require_stall()?;
        let (from_key, to_key) = (day_key(from), day_key(to));
        let sold = sold(&self.conn, &from_key, &to_key)?;
        let returned = returned(&self.conn, &from_key, &to_key)?;
        let mut total = Margin::default();
        let mut days: BTreeMap<String, Margin> = BTreeMap::new();
        let mut months: BTreeMap<String, Margin> = BTreeMap::new();
        let mut products: BTreeMap<String, ProductProfit> = BTreeMap::new();
        let moves = sold
            .iter()
            .map(|m| (m, false))
            .chain(returned.iter().map(|m| (m, true)));
        for (movement, back) in moves {
            let month = movement.day.get(..7).unwrap_or_default().to_string();
            let product = products
                .entry(movement.sku.clone())
                .or_insert_with(|| ProductProfit {
                    sku: movement.sku.clone(),
                    name: movement.name.clone(),
                    quantity: Quantity::ZERO,
                    margin: Margin::default(),
                });
            let margins = [
                &mut total,
                days.entry(movement.day.clone()).or_default(),
                months.entry(month).or_default(),
                &mut product.margin,
            ];
            for margin in margins {
                if back {
                    margin.take_back(movement.net, movement.cost)?;
                } else {
                    margin.add(movement.net, movement.cost)?;
                }
            }
            product.quantity = if back {
                product.quantity.checked_sub(movement.quantity)?
            } else {
                product.quantity.checked_add(movement.quantity)?
            };
        }
        let period = |(period, margin): (String, Margin)| PeriodProfit { period, margin };
        let mut products: Vec<ProductProfit> = products.into_values().collect();
        products.sort_by(|a, b| {
            b.margin
                .gross_profit
                .cmp(&a.margin.gross_profit)
                .then_with(|| a.sku.cmp(&b.sku))
        });
        let uncosted = products
            .iter()
            .filter(|p| p.margin.uncosted_net != Rupiah::ZERO)
            .cloned()
            .collect();
        Ok(ProfitReport {
            from: from_key,
            to: to_key,
            total,
            days: days.into_iter().map(period).collect(),
            months: months.into_iter().map(period).collect(),
            products,
            uncosted,
        })
    }
}
