//! Business days: opened by the first sale (or by hand with a float), closed
//! by *tutup kasir*, reopened only by the manager.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::{Result, Store, StoreError, sequence};
use crate::clock;
use crate::domain::day_close::CashCount;
use crate::money::Rupiah;

/// A business day's state.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Day {
    pub day: String,
    pub open: bool,
    pub opened_at: String,
    pub opening_float: Rupiah,
}

/// What *tutup kasir* recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DayCloseRecord {
    pub day: String,
    pub seq: i64,
    pub closed_at: String,
    pub cash: CashCount,
    pub sales_count: i64,
    pub net_total: Rupiah,
}

pub(super) fn day_key(date: Date) -> String {
    date.to_string()
}

/// Makes sure `day` is open for business, opening it with no float if nobody
/// did. A closed day takes nothing new.
pub(super) fn ensure_open(tx: &Transaction<'_>, day: &str, stamp: &str) -> Result<()> {
    let status: Option<String> = tx
        .prepare_cached("SELECT status FROM days WHERE day = ?1")?
        .query_row([day], |r| r.get(0))
        .optional()?;
    open_unless_closed(tx, day, stamp, status.as_deref())
}

/// [`ensure_open`] for a caller that read the day's `status` already (a sale
/// reads it with its sequence and receipt number, in one statement).
pub(super) fn open_unless_closed(
    tx: &Transaction<'_>,
    day: &str,
    stamp: &str,
    status: Option<&str>,
) -> Result<()> {
    match status {
        Some("open") => Ok(()),
        Some(_) => Err(StoreError::DayClosed(day.to_string())),
        None => {
            tx.prepare_cached("INSERT INTO days (day, status, opened_at, opening_float) VALUES (?1, 'open', ?2, 0)")?
                .execute(params![day, stamp])?;
            Ok(())
        }
    }
}

/// Cash in for the day's sales that stand (not voided), and cash out for its
/// returns.
pub(super) fn cash_flows(conn: &Connection, day: &str) -> Result<(Rupiah, Rupiah)> {
    let cash_in: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(p.amount), 0) FROM payments p JOIN sales s ON s.id = p.sale_id
             WHERE s.day = ?1 AND p.method = 'cash'
               AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = s.id)",
        )?
        .query_row([day], |r| r.get(0))?;
    let cash_out: i64 = conn
        .prepare_cached("SELECT COALESCE(SUM(refund), 0) FROM returns WHERE day = ?1 AND refund_method = 'cash'")?
        .query_row([day], |r| r.get(0))?;
    Ok((Rupiah::new(cash_in), Rupiah::new(cash_out)))
}

fn read_day(conn: &Connection, day: &str) -> Result<Option<Day>> {
    Ok(conn
        .prepare_cached("SELECT day, status, opened_at, opening_float FROM days WHERE day = ?1")?
        .query_row([day], |r| {
            Ok(Day {
                day: r.get(0)?,
                open: r.get::<_, String>(1)? == "open",
                opened_at: r.get(2)?,
                opening_float: Rupiah::new(r.get(3)?),
            })
        })
        .optional()?)
}

impl Store {
    /// The business day `now` falls on.
    pub fn business_day(&self, now: OffsetDateTime) -> Date {
        clock::business_day(now, self.offset)
    }

    /// The state of a day, if it was ever opened.
    pub fn day(&self, date: Date) -> Result<Option<Day>> {
        read_day(&self.conn, &day_key(date))
    }

    /// Opens today with *kas awal* in the drawer.
    pub fn open_day(&mut self, opening_float: Rupiah, now: OffsetDateTime) -> Result<Day> {
        self.require_stall()?;
        if opening_float.is_negative() {
            return Err(crate::money::MoneyError::NegativeAmount(opening_float.to_string()).into());
        }
        let day = day_key(self.business_day(now));
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            super::sequence::guard(tx, &stamp)?;
            match read_day(tx, &day)? {
                Some(existing) if existing.open => return Err(StoreError::DayAlreadyOpen(day.clone())),
                Some(_) => return Err(StoreError::DayClosed(day.clone())),
                None => {}
            }
            tx.execute(
                "INSERT INTO days (day, status, opened_at, opening_float) VALUES (?1, 'open', ?2, ?3)",
                params![day, stamp, opening_float.value()],
            )?;
            Ok(())
        })?;
        self.day(self.business_day(now))?
            .ok_or(StoreError::NotInitialised)
    }

    /// *Tutup kasir*: records the counted cash against what should be there,
    /// and closes today to new sales.
    pub fn close_day(&mut self, counted: Rupiah, now: OffsetDateTime) -> Result<DayCloseRecord> {
        self.require_stall()?;
        if counted.is_negative() {
            return Err(crate::money::MoneyError::NegativeAmount(counted.to_string()).into());
        }
        let day = day_key(self.business_day(now));
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            ensure_open(tx, &day, &stamp)?;
            let state = read_day(tx, &day)?.ok_or(StoreError::NotInitialised)?;
            let (cash_in, cash_out) = cash_flows(tx, &day)?;
            let cash = CashCount::new(state.opening_float, cash_in, cash_out, counted)?
                .with_producer_payouts(super::consign::cash_payouts(tx, &day)?)?
                .with_kasbon_and_expenses(
                    super::kasbon::cash_repayments(tx, &day)?,
                    super::expenses::drawer_expenses(tx, &day)?,
                )?
                .with_books_out(super::registers::drawer_books_out(tx, &day)?)?;
            let (sales_count, net_total): (i64, i64) = tx.query_row(
                "SELECT COUNT(*), COALESCE(SUM(total), 0) FROM sales s
                 WHERE s.day = ?1 AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = s.id)",
                [&day],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let seq = sequence::next_at(tx, &stamp)?;
            tx.execute(
                "INSERT INTO day_closes (id, seq, day, created_at, opening_float, cash_in, cash_out, expected,
                                         counted, difference, sales_count, net_total, producer_payouts,
                                         kasbon_repayments, drawer_expenses, books_out)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                params![
                    Uuid::now_v7().to_string(),
                    seq,
                    day,
                    stamp,
                    cash.opening_float.value(),
                    cash.cash_in.value(),
                    cash.cash_out.value(),
                    cash.expected.value(),
                    cash.counted.value(),
                    cash.difference.value(),
                    sales_count,
                    net_total,
                    cash.producer_payouts.value(),
                    cash.kasbon_repayments.value(),
                    cash.drawer_expenses.value(),
                    cash.books_out.value()
                ],
            )?;
            tx.execute("UPDATE days SET status = 'closed' WHERE day = ?1", [&day])?;
            Ok(DayCloseRecord {
                day: day.clone(),
                seq,
                closed_at: stamp.clone(),
                cash,
                sales_count,
                net_total: Rupiah::new(net_total),
            })
        })
    }

    /// Reopens a closed day; needs the manager PIN.
    pub fn reopen_day(&mut self, date: Date, pin: &str, now: OffsetDateTime) -> Result<Day> {
        self.require_stall()?;
        let day = day_key(date);
        match self.day(date)? {
            Some(state) if !state.open => {}
            _ => return Err(StoreError::DayNotClosed(day)),
        }
        self.verify_pin(pin, now)?;
        // The reopen is a record of its own, in the stall's sequence and
        // sent to the office: the day's first close stays, and the next
        // close is added beside it.
        let stamp = clock::stamp(now, self.offset);
        let today = day_key(self.business_day(now));
        self.write(|tx| {
            tx.execute("UPDATE days SET status = 'open' WHERE day = ?1", [&day])?;
            super::events::record(
                tx,
                crate::domain::day_close::DAY_REOPENED,
                &crate::domain::day_close::reopen_detail(&day),
                &today,
                &stamp,
            )
        })?;
        self.day(date)?.ok_or(StoreError::DayNotClosed(day))
    }
}
