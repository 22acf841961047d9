//! The stall's numbered records as the export file carries them, read
//! from the book between two sequence numbers: nothing outside `store`
//! reads the stall's tables.

use rusqlite::{Connection, params};

use super::{Result, Store};
use crate::domain::record::{
    ConsignedLineRecord, DayCloseRecord, EventRecord, ExpenseRecord, PaymentRecord, PayoutRecord,
    PriceRecord, RepaymentRecord, ReturnLineRecord, ReturnRecord, SaleLineRecord, SaleRecord,
    VoidRecord,
};

/// Every record numbered `from` to `to`, and the price records set between.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookRecords {
    pub sales: Vec<SaleRecord>,
    pub voids: Vec<VoidRecord>,
    pub returns: Vec<ReturnRecord>,
    pub day_closes: Vec<DayCloseRecord>,
    pub events: Vec<EventRecord>,
    pub consigned_lines: Vec<ConsignedLineRecord>,
    pub payouts: Vec<PayoutRecord>,
    pub repayments: Vec<RepaymentRecord>,
    pub expenses: Vec<ExpenseRecord>,
    pub prices: Vec<PriceRecord>,
}

impl Store {
    /// The records numbered `from` to `to`, as the export carries them.
    pub fn records_between(&self, from: i64, to: i64) -> Result<BookRecords> {
        let conn = &self.conn;
        Ok(BookRecords {
            sales: sales(conn, from, to)?,
            voids: voids(conn, from, to)?,
            returns: returns(conn, from, to)?,
            day_closes: day_closes(conn, from, to)?,
            events: events(conn, from, to)?,
            consigned_lines: super::records_for_sales(conn, from, to)?,
            payouts: payouts(conn, from, to)?,
            repayments: repayments(conn, from, to)?,
            expenses: expenses(conn, from, to)?,
            prices: prices(conn, from, to)?,
        })
    }

    /// The highest sequence number already exported (0 for none).
    pub fn last_exported(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(seq_to), 0) FROM exports", [], |r| {
                r.get(0)
            })?)
    }

    /// The newest sequence number taken (0 for none).
    pub fn last_seq(&self) -> Result<i64> {
        super::sequence::last(&self.conn)
    }

    /// Marks `from`..=`to` as sent in the file `name`: only once the file
    /// is whole under its real name.
    pub fn mark_exported(
        &mut self,
        export_id: &str,
        stamp: &str,
        (from, to): (i64, i64),
        name: &str,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO exports (id, created_at, seq_from, seq_to, file_name) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![export_id, stamp, from, to, name],
            )?;
            Ok(())
        })
    }
}

/// A price record from a row of `id, after_seq, day, created_at, sku,
/// price, tiers`: the stall's `price_changes` and the office's copies alike.
pub fn price_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PriceRecord> {
    Ok(PriceRecord {
        id: r.get(0)?,
        after_seq: r.get(1)?,
        day: r.get(2)?,
        created_at: r.get(3)?,
        sku: r.get(4)?,
        price: r.get(5)?,
        tiers: r.get(6)?,
    })
}

fn sales(conn: &Connection, from: i64, to: i64) -> Result<Vec<SaleRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, seq, receipt, day, created_at, subtotal, line_discounts, sale_discount, tax, total
         FROM sales WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq",
    )?;
    let mut sales = statement
        .query_map(params![from, to], |r| {
            Ok(SaleRecord {
                id: r.get(0)?,
                seq: r.get(1)?,
                receipt: r.get(2)?,
                day: r.get(3)?,
                created_at: r.get(4)?,
                subtotal: r.get(5)?,
                line_discounts: r.get(6)?,
                sale_discount: r.get(7)?,
                tax: r.get(8)?,
                total: r.get(9)?,
                lines: Vec::new(),
                payments: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut lines = conn.prepare_cached(
        "SELECT line_no, sku, name, category, unit, unit_price, quantity, gross, line_discount,
                sale_discount_share, net
         FROM sale_lines WHERE sale_id = ?1 ORDER BY line_no",
    )?;
    let mut payments = conn.prepare_cached(
        "SELECT p.method, p.amount, p.tendered, p.reference, c.code
         FROM payments p LEFT JOIN customers c ON c.id = p.customer_id
         WHERE p.sale_id = ?1 ORDER BY p.line_no",
    )?;
    for sale in &mut sales {
        sale.lines = lines
            .query_map([&sale.id], |r| {
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
        sale.payments = payments
            .query_map([&sale.id], |r| {
                Ok(PaymentRecord {
                    method: r.get(0)?,
                    amount: r.get(1)?,
                    tendered: r.get(2)?,
                    reference: r.get(3)?,
                    customer: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(sales)
}

fn voids(conn: &Connection, from: i64, to: i64) -> Result<Vec<VoidRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, seq, sale_id, day, created_at, reason FROM voids WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq",
    )?;
    let rows = statement.query_map(params![from, to], |r| {
        Ok(VoidRecord {
            id: r.get(0)?,
            seq: r.get(1)?,
            sale_id: r.get(2)?,
            day: r.get(3)?,
            created_at: r.get(4)?,
            reason: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn returns(conn: &Connection, from: i64, to: i64) -> Result<Vec<ReturnRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, seq, sale_id, day, created_at, refund_method, refund, kasbon_refund FROM returns
         WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq",
    )?;
    let mut returns = statement
        .query_map(params![from, to], |r| {
            Ok(ReturnRecord {
                id: r.get(0)?,
                seq: r.get(1)?,
                sale_id: r.get(2)?,
                day: r.get(3)?,
                created_at: r.get(4)?,
                refund_method: r.get(5)?,
                refund: r.get(6)?,
                kasbon_refund: r.get(7)?,
                lines: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut lines = conn.prepare_cached(
        "SELECT line_no, quantity, amount FROM return_lines WHERE return_id = ?1 ORDER BY line_no",
    )?;
    for record in &mut returns {
        record.lines = lines
            .query_map([&record.id], |r| {
                Ok(ReturnLineRecord {
                    line_no: r.get(0)?,
                    quantity_milli: r.get(1)?,
                    amount: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(returns)
}

fn day_closes(conn: &Connection, from: i64, to: i64) -> Result<Vec<DayCloseRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, seq, day, created_at, opening_float, cash_in, cash_out, expected, counted, difference,
                sales_count, net_total, producer_payouts, kasbon_repayments, drawer_expenses, books_out
         FROM day_closes WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq",
    )?;
    let rows = statement.query_map(params![from, to], |r| {
        Ok(DayCloseRecord {
            id: r.get(0)?,
            seq: r.get(1)?,
            day: r.get(2)?,
            created_at: r.get(3)?,
            opening_float: r.get(4)?,
            cash_in: r.get(5)?,
            cash_out: r.get(6)?,
            expected: r.get(7)?,
            counted: r.get(8)?,
            difference: r.get(9)?,
            sales_count: r.get(10)?,
            net_total: r.get(11)?,
            producer_payouts: r.get(12)?,
            kasbon_repayments: r.get(13)?,
            drawer_expenses: r.get(14)?,
            books_out: r.get(15)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn events(conn: &Connection, from: i64, to: i64) -> Result<Vec<EventRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, seq, day, created_at, kind, detail FROM book_events WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq",
    )?;
    let rows = statement.query_map(params![from, to], |r| {
        Ok(EventRecord {
            id: r.get(0)?,
            seq: r.get(1)?,
            day: r.get(2)?,
            created_at: r.get(3)?,
            kind: r.get(4)?,
            detail: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn payouts(conn: &Connection, from: i64, to: i64) -> Result<Vec<PayoutRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT x.id, x.seq, x.day, x.created_at, p.code, x.amount, x.method, x.reference
         FROM producer_payouts x JOIN producers p ON p.id = x.producer_id
         WHERE x.seq BETWEEN ?1 AND ?2 ORDER BY x.seq",
    )?;
    let rows = statement.query_map(params![from, to], |r| {
        Ok(PayoutRecord {
            id: r.get(0)?,
            seq: r.get(1)?,
            day: r.get(2)?,
            created_at: r.get(3)?,
            producer: r.get(4)?,
            amount: r.get(5)?,
            method: r.get(6)?,
            reference: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn repayments(conn: &Connection, from: i64, to: i64) -> Result<Vec<RepaymentRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT r.id, r.seq, r.day, r.created_at, c.code, r.method, r.amount, r.reference
         FROM kasbon_repayments r JOIN customers c ON c.id = r.customer_id
         WHERE r.seq BETWEEN ?1 AND ?2 ORDER BY r.seq",
    )?;
    let rows = statement.query_map(params![from, to], |r| {
        Ok(RepaymentRecord {
            id: r.get(0)?,
            seq: r.get(1)?,
            day: r.get(2)?,
            created_at: r.get(3)?,
            customer: r.get(4)?,
            method: r.get(5)?,
            amount: r.get(6)?,
            reference: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn prices(conn: &Connection, from: i64, to: i64) -> Result<Vec<PriceRecord>> {
    let mut statement = conn.prepare_cached(
        // After the number before the file's first, up to its last: a price
        // set after the last export goes with the next file (twice at most,
        // the same record, which the office holds once).
        "SELECT id, after_seq, day, created_at, sku, price, tiers FROM price_changes
         WHERE after_seq BETWEEN ?1 - 1 AND ?2 ORDER BY after_seq, rowid",
    )?;
    let rows = statement.query_map(params![from, to], price_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn expenses(conn: &Connection, from: i64, to: i64) -> Result<Vec<ExpenseRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, seq, day, created_at, category, amount, note, from_drawer FROM expenses
         WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq",
    )?;
    let rows = statement.query_map(params![from, to], |r| {
        Ok(ExpenseRecord {
            id: r.get(0)?,
            seq: r.get(1)?,
            day: r.get(2)?,
            created_at: r.get(3)?,
            category: r.get(4)?,
            amount: r.get(5)?,
            note: r.get(6)?,
            from_drawer: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
