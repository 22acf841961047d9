//! Writing a stall's export: every record since the last export, sealed and
//! signed, written so that a pulled USB stick never leaves half a file under
//! the real name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};
use time::OffsetDateTime;
use uuid::Uuid;

use super::SyncError;
use super::file::{seal, to_hex};
use super::format::*;
use crate::clock;
use crate::store::Store;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExportSummary {
    pub path: PathBuf,
    pub from: i64,
    pub to: i64,
    pub records: usize,
}

/// The highest sequence number already exported (0 for none).
pub fn last_exported(store: &Store) -> Result<i64, SyncError> {
    Ok(store
        .connection()
        .query_row("SELECT COALESCE(MAX(seq_to), 0) FROM exports", [], |r| {
            r.get(0)
        })?)
}

/// Exports the records from `since` (default: after the last export) to the
/// newest into a new file in `out_dir`.
pub fn export(
    store: &mut Store,
    out_dir: &Path,
    since: Option<i64>,
    now: OffsetDateTime,
) -> Result<ExportSummary, SyncError> {
    let identity = store.require_stall()?;
    let last = last_exported(store)?;
    let newest: i64 =
        store
            .connection()
            .query_row("SELECT last FROM record_sequence WHERE id = 1", [], |r| {
                r.get(0)
            })?;
    let from = since.unwrap_or(last + 1).max(1);
    if from > newest {
        return Err(SyncError::NothingNew { last });
    }
    let key = store.signing_key()?;
    let (struk_key, struk_keyed_since) = store.struk_key()?;
    let content = ExportContent {
        export_id: Uuid::now_v7().to_string(),
        created_at: clock::stamp(now, store.offset()),
        stall: StallInfo {
            code: identity.stall_code().to_string(),
            name: identity.name.clone(),
            owner: identity.owner.clone(),
            regency: identity.regency.map(|r| r.code).unwrap_or_default(),
            regency_kemendagri: identity.regency.map(|r| r.kemendagri.into()),
            public_key: to_hex(key.verifying_key().as_bytes()),
            struk_key: Some(struk_key.to_hex()),
            struk_keyed_since: Some(struk_keyed_since),
        },
        sequence: SequenceRange { from, to: newest },
        products: Vec::new(),
        sales: sales(store.connection(), from, newest)?,
        voids: voids(store.connection(), from, newest)?,
        returns: returns(store.connection(), from, newest)?,
        day_closes: day_closes(store.connection(), from, newest)?,
        events: events(store.connection(), from, newest)?,
        producers: store.producers()?.iter().map(|p| p.info()).collect(),
        consigned_lines: crate::store::records_for_sales(store.connection(), from, newest)?,
        payouts: payouts(store.connection(), from, newest)?,
        repayments: repayments(store.connection(), from, newest)?,
        expenses: expenses(store.connection(), from, newest)?,
        prices: prices(store.connection(), from, newest)?,
    };
    let content = with_products(content);
    let day = clock::business_day(now, store.offset());
    let name = format!(
        "sentra-{}-{:04}{:02}{:02}-{from:07}-{newest:07}.{EXTENSION}",
        content.stall.code,
        day.year(),
        u8::from(day.month()),
        day.day()
    );
    // The office's rules, checked before signing: a book edited behind the
    // program's back is caught here, not only at the office.
    super::trust::check_content(&content, day)?;
    let path = write_atomically(out_dir, &name, &seal(&content, &key))?;
    // Marked as sent only once the file is whole under its real name.
    let stamp = content.created_at.clone();
    store.write(|tx| {
        tx.execute(
            "INSERT INTO exports (id, created_at, seq_from, seq_to, file_name) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![content.export_id, stamp, from, newest, name],
        )?;
        Ok(())
    })?;
    Ok(ExportSummary {
        path,
        from,
        to: newest,
        records: content.record_count(),
    })
}

/// The names and categories of the products sold in the file.
pub fn with_products(mut content: ExportContent) -> ExportContent {
    let mut products = BTreeMap::new();
    for line in content.sales.iter().flat_map(|s| &s.lines) {
        products
            .entry(line.sku.clone())
            .or_insert_with(|| ProductInfo {
                sku: line.sku.clone(),
                name: line.name.clone(),
                category: line.category.clone(),
                unit: line.unit.clone(),
            });
    }
    content.products = products.into_values().collect();
    content
}

/// Makes sure `dir` exists and takes files, before anything is committed to.
/// A missing folder is not made: an unplugged USB stick's mount point must
/// not quietly become a folder on the PC's own disk.
pub fn check_writable(dir: &Path) -> Result<(), SyncError> {
    let io = |source| SyncError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        return Err(SyncError::NoFolder(dir.to_path_buf()));
    }
    crate::store::files::check_writable(&dir.join(".sentra-probe")).map_err(io)
}

/// Writes `bytes` to `dir/name` through a temporary name: flushed to the
/// disk, then renamed, so the real name only ever holds a whole file.
pub fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, SyncError> {
    let io = |path: &Path, source: std::io::Error| SyncError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        return Err(SyncError::NoFolder(dir.to_path_buf()));
    }
    let target = dir.join(name);
    crate::store::files::write_whole(&target, bytes).map_err(|e| io(&target, e))?;
    Ok(target)
}

fn sales(conn: &Connection, from: i64, to: i64) -> Result<Vec<SaleRecord>, SyncError> {
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

fn voids(conn: &Connection, from: i64, to: i64) -> Result<Vec<VoidRecord>, SyncError> {
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

fn returns(conn: &Connection, from: i64, to: i64) -> Result<Vec<ReturnRecord>, SyncError> {
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

fn day_closes(conn: &Connection, from: i64, to: i64) -> Result<Vec<DayCloseRecord>, SyncError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, seq, day, created_at, opening_float, cash_in, cash_out, expected, counted, difference,
                sales_count, net_total, producer_payouts, kasbon_repayments, drawer_expenses
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
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn events(conn: &Connection, from: i64, to: i64) -> Result<Vec<EventRecord>, SyncError> {
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

fn payouts(conn: &Connection, from: i64, to: i64) -> Result<Vec<PayoutRecord>, SyncError> {
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

fn repayments(conn: &Connection, from: i64, to: i64) -> Result<Vec<RepaymentRecord>, SyncError> {
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

fn prices(conn: &Connection, from: i64, to: i64) -> Result<Vec<PriceRecord>, SyncError> {
    let mut statement = conn.prepare_cached(
        // After the number before the file's first, up to its last: a price
        // set after the last export goes with the next file (twice at most,
        // the same record, which the office holds once).
        "SELECT id, after_seq, day, created_at, sku, price, tiers FROM price_changes
         WHERE after_seq BETWEEN ?1 - 1 AND ?2 ORDER BY after_seq, rowid",
    )?;
    let rows = statement.query_map(params![from, to], super::trust_prices::row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn expenses(conn: &Connection, from: i64, to: i64) -> Result<Vec<ExpenseRecord>, SyncError> {
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
