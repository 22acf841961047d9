//! *Laporan harian*: a day's figures, computed from the records of that day
//! only, so the cost follows the day and not the history.

use rusqlite::Connection;
use time::Date;

use super::days::{Day, DayCloseRecord, cash_flows, day_key};
use super::{Result, Store};
use crate::domain::day_close::CashCount;
use crate::domain::payment::PaymentMethod;
use crate::money::{Quantity, Rupiah};

/// Takings by payment method.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MethodTotal {
    pub method: PaymentMethod,
    pub count: i64,
    pub amount: Rupiah,
}

/// A product's sales on the day.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProductTotal {
    pub sku: String,
    pub name: String,
    pub quantity: Quantity,
    pub net: Rupiah,
}

/// A void or a return, listed with its reason or refund.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Correction {
    pub receipt: String,
    pub amount: Rupiah,
    pub detail: String,
}

/// PPh Final estimate for the month and the year up to the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PphEstimate {
    pub month_turnover: Rupiah,
    pub month_tax: Rupiah,
    pub year_turnover: Rupiah,
    pub year_tax: Rupiah,
    /// The rule the estimate was made by, for its wording on paper and screen.
    #[serde(skip)]
    pub rule: crate::domain::tax::PphFinalRule,
}

/// The day at a glance.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DayReport {
    pub day: String,
    pub state: Option<Day>,
    /// Sales that stand (not voided).
    pub sales_count: i64,
    pub gross: Rupiah,
    pub discounts: Rupiah,
    pub tax: Rupiah,
    /// What buyers paid for the sales that stand.
    pub net: Rupiah,
    pub average_sale: Rupiah,
    pub voids_count: i64,
    pub voids_total: Rupiah,
    pub returns_count: i64,
    pub returns_total: Rupiah,
    /// Net less refunds.
    pub takings: Rupiah,
    pub payments: Vec<MethodTotal>,
    pub top_products: Vec<ProductTotal>,
    /// Net sales by hour of the day, 0–23.
    pub hourly: Vec<Rupiah>,
    /// The drawer: expected now, and counted if the day was closed.
    pub cash: CashCount,
    pub closed: Option<DayCloseRecord>,
    /// Every tutup kasir of the day, in order: a day reopened and closed
    /// again has two, each with its own count and selisih.
    pub closes: Vec<DayCloseRecord>,
    pub voids: Vec<Correction>,
    pub returns: Vec<Correction>,
    pub pph: PphEstimate,
    /// Wrong manager PINs tried that day.
    pub pin_wrong: i64,
    /// Wrong PINs, locks and clocks accepted, in order.
    pub events: Vec<super::BookEvent>,
    /// Payouts to producers (*bayar penitip*) that day, cash and transfer.
    pub producer_payouts: Vec<super::Payout>,
    /// Customers paying back their kasbon that day (*bayar kasbon*).
    pub repayments: Vec<super::Repayment>,
    /// The day's expenses (*pengeluaran*), from the drawer or not.
    pub expenses: Vec<super::Expense>,
    /// Laba kotor of the day's sales and returns.
    pub profit: crate::domain::profit::Margin,
    /// Products sold that day without a cost (*tanpa HPP*).
    pub uncosted: Vec<super::ProductProfit>,
}

const STANDING: &str = "NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = s.id)";

/// The day's voids: receipt, amount, reason.
const VOIDS_OF_DAY: &str =
    "SELECT s.receipt, s.total, v.reason FROM voids v JOIN sales s ON s.id = v.sale_id
 WHERE v.day = ?1 ORDER BY v.seq";

/// The day's returns: receipt, amount, how it went back.
const RETURNS_OF_DAY: &str = "SELECT s.receipt, r.refund + r.kasbon_refund,
        CASE WHEN r.kasbon_refund = 0 THEN r.refund_method
             WHEN r.refund = 0 THEN 'kasbon'
             ELSE r.refund_method || '+kasbon' END
 FROM returns r JOIN sales s ON s.id = r.sale_id
 WHERE r.day = ?1 ORDER BY r.seq";

/// The drawer of a day not closed: what should be in it now.
fn drawer_now(conn: &Connection, day: &str, opening_float: Rupiah) -> Result<CashCount> {
    let (cash_in, cash_out) = cash_flows(conn, day)?;
    let payouts = super::consign::cash_payouts(conn, day)?;
    let expected = opening_float
        .checked_add(cash_in)?
        .checked_sub(cash_out)?
        .checked_sub(payouts)?;
    CashCount::new(opening_float, cash_in, cash_out, expected)?
        .with_producer_payouts(payouts)?
        .with_kasbon_and_expenses(
            super::kasbon::cash_repayments(conn, day)?,
            super::expenses::drawer_expenses(conn, day)?,
        )?
        .with_books_out(super::registers::drawer_books_out(conn, day)?)?
        .counted_as_expected()
        .map_err(Into::into)
}

impl Store {
    /// The report of `date`.
    pub fn day_report(&self, date: Date) -> Result<DayReport> {
        self.require_stall()?;
        let conn = &self.conn;
        let day = day_key(date);
        let state = self.day(date)?;
        let (sales_count, gross, discounts, tax, net): (i64, i64, i64, i64, i64) = conn
            .prepare_cached(&format!(
                "SELECT COUNT(*), COALESCE(SUM(subtotal), 0), COALESCE(SUM(line_discounts + sale_discount), 0),
                        COALESCE(SUM(tax), 0), COALESCE(SUM(total), 0)
                 FROM sales s WHERE s.day = ?1 AND {STANDING}"
            ))?
            .query_row([&day], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
        let (voids_count, voids_total): (i64, i64) = conn
            .prepare_cached(
                "SELECT COUNT(*), COALESCE(SUM(s.total), 0) FROM voids v JOIN sales s ON s.id = v.sale_id
                 WHERE v.day = ?1",
            )?
            .query_row([&day], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let (returns_count, returns_total): (i64, i64) = conn
            .prepare_cached(
                "SELECT COUNT(*), COALESCE(SUM(refund + kasbon_refund), 0) FROM returns WHERE day = ?1",
            )?
            .query_row([&day], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let net = Rupiah::new(net);
        let returns_total = Rupiah::new(returns_total);
        let closes = closes_of(conn, &day)?;
        let closed = match &state {
            Some(d) if !d.open => closes.last().cloned(),
            _ => None,
        };
        let opening_float = state.as_ref().map(|d| d.opening_float).unwrap_or_default();
        let profit = self.profit(date, date)?;
        let cash = match &closed {
            Some(close) => close.cash,
            None => drawer_now(conn, &day, opening_float)?,
        };
        Ok(DayReport {
            state,
            sales_count,
            gross: Rupiah::new(gross),
            discounts: Rupiah::new(discounts),
            tax: Rupiah::new(tax),
            net,
            average_sale: if sales_count > 0 {
                net.ratio(1, sales_count)?
            } else {
                Rupiah::ZERO
            },
            voids_count,
            voids_total: Rupiah::new(voids_total),
            returns_count,
            returns_total,
            takings: net.checked_sub(returns_total)?,
            payments: payments(conn, &day)?,
            top_products: top_products(conn, &day, 10)?,
            hourly: hourly(conn, &day)?,
            cash,
            closed,
            closes,
            voids: corrections(conn, VOIDS_OF_DAY, &day)?,
            returns: corrections(conn, RETURNS_OF_DAY, &day)?,
            pph: self.pph_estimate(date)?,
            events: self.events_on(&day)?,
            producer_payouts: self.payouts_on(date)?,
            repayments: self.repayments_on(date)?,
            expenses: self.expenses_on(date)?,
            profit: profit.total,
            uncosted: profit.uncosted,
            pin_wrong: conn
                .prepare_cached(
                    "SELECT COUNT(*) FROM book_events WHERE day = ?1 AND kind = 'pin_wrong'",
                )?
                .query_row([&day], |r| r.get(0))?,
            day,
        })
    }

    /// PPh Final owed on the turnover of `date`'s month, and of its year up to
    /// that day, by the stall's rule.
    pub fn pph_estimate(&self, date: Date) -> Result<PphEstimate> {
        let rule = self.settings()?.pph;
        let year_start =
            Date::from_calendar_date(date.year(), time::Month::January, 1).unwrap_or(date);
        let month_start = date.replace_day(1).unwrap_or(date);
        let before_month = turnover(
            &self.conn,
            &day_key(year_start),
            &day_key(month_start),
            false,
        )?;
        let month = turnover(&self.conn, &day_key(month_start), &day_key(date), true)?;
        let year = before_month.checked_add(month)?;
        Ok(PphEstimate {
            month_turnover: month,
            month_tax: rule.estimate(before_month, month)?,
            year_turnover: year,
            year_tax: rule.estimate(Rupiah::ZERO, year)?,
            rule,
        })
    }
}

/// Gross turnover (sales that stand, less refunds) from `from` up to `to`,
/// read from the per-day totals the triggers keep.
fn turnover(conn: &Connection, from: &str, to: &str, inclusive: bool) -> Result<Rupiah> {
    let op = if inclusive { "<=" } else { "<" };
    let (sales, refunds): (i64, i64) = conn
        .prepare_cached(&format!(
            "SELECT COALESCE(SUM(sales), 0), COALESCE(SUM(refunds), 0) FROM day_turnover
             WHERE day >= ?1 AND day {op} ?2"
        ))?
        .query_row([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(Rupiah::new(sales).checked_sub(Rupiah::new(refunds))?)
}

fn payments(conn: &Connection, day: &str) -> Result<Vec<MethodTotal>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT p.method, COUNT(*), SUM(p.amount) FROM payments p JOIN sales s ON s.id = p.sale_id
         WHERE s.day = ?1 AND {STANDING} GROUP BY p.method"
    ))?;
    let rows = statement.query_map([day], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut totals: Vec<MethodTotal> = Vec::new();
    for row in rows {
        let (method, count, amount) = row?;
        if let Ok(method) = PaymentMethod::parse(&method) {
            totals.push(MethodTotal {
                method,
                count,
                amount: Rupiah::new(amount),
            });
        }
    }
    totals.sort_by_key(|t| t.method);
    Ok(totals)
}

fn top_products(conn: &Connection, day: &str, limit: i64) -> Result<Vec<ProductTotal>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT l.sku, MAX(l.name), SUM(l.quantity), SUM(l.net) FROM sale_lines l JOIN sales s ON s.id = l.sale_id
         WHERE s.day = ?1 AND {STANDING}
         GROUP BY l.sku ORDER BY SUM(l.net) DESC, l.sku LIMIT ?2"
    ))?;
    let rows = statement.query_map(rusqlite::params![day, limit], |r| {
        Ok(ProductTotal {
            sku: r.get(0)?,
            name: r.get(1)?,
            quantity: Quantity::from_milli(r.get(2)?),
            net: Rupiah::new(r.get(3)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn hourly(conn: &Connection, day: &str) -> Result<Vec<Rupiah>> {
    let mut hours = vec![Rupiah::ZERO; 24];
    // Stamps are written at the stall's offset, so characters 12–13 are the
    // local hour.
    let mut statement = conn.prepare_cached(&format!(
        "SELECT CAST(substr(s.created_at, 12, 2) AS INTEGER), SUM(s.total) FROM sales s
         WHERE s.day = ?1 AND {STANDING} GROUP BY 1"
    ))?;
    let rows = statement.query_map([day], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (hour, amount) = row?;
        if let Some(slot) = usize::try_from(hour).ok().and_then(|h| hours.get_mut(h)) {
            *slot = Rupiah::new(amount);
        }
    }
    Ok(hours)
}

fn corrections(conn: &Connection, sql: &str, day: &str) -> Result<Vec<Correction>> {
    let mut statement = conn.prepare_cached(sql)?;
    let rows = statement.query_map([day], |r| {
        Ok(Correction {
            receipt: r.get(0)?,
            amount: Rupiah::new(r.get(1)?),
            detail: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn closes_of(conn: &Connection, day: &str) -> Result<Vec<DayCloseRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT seq, opening_float, cash_in, cash_out, expected, counted, difference, sales_count, net_total,
                created_at, producer_payouts, kasbon_repayments, drawer_expenses, books_out
         FROM day_closes WHERE day = ?1 ORDER BY seq",
    )?;
    let rows = statement.query_map([day], |r| {
        Ok(DayCloseRecord {
            day: day.to_string(),
            seq: r.get(0)?,
            closed_at: r.get(9)?,
            cash: CashCount {
                opening_float: Rupiah::new(r.get(1)?),
                cash_in: Rupiah::new(r.get(2)?),
                cash_out: Rupiah::new(r.get(3)?),
                producer_payouts: Rupiah::new(r.get(10)?),
                kasbon_repayments: Rupiah::new(r.get(11)?),
                drawer_expenses: Rupiah::new(r.get(12)?),
                books_out: Rupiah::new(r.get(13)?),
                expected: Rupiah::new(r.get(4)?),
                counted: Rupiah::new(r.get(5)?),
                difference: Rupiah::new(r.get(6)?),
            },
            sales_count: r.get(7)?,
            net_total: Rupiah::new(r.get(8)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
