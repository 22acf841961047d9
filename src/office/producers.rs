//! The office's view of the centre's producers (*penitip*): every stall's
//! producers merged into one by their NIB (a producer without a NIB stays
//! one stall's), with what their goods sold for, what they are owed, were
//! paid and the balance; and the same by the producers' regency of origin —
//! which regencies' UMKM the centre sells for. Computed from the records
//! held, by the same rules as the stall's statement.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use rusqlite::{Connection, params};
use serde::Serialize;
use time::Date;

use crate::domain::consign::owed_returned;
use crate::domain::regency::Regency;
use crate::money::Rupiah;
use crate::store::Store;
use crate::store::table::{Cell, Table};
use crate::sync::SyncError;

/// One producer of the centre (merged across stalls by NIB).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProducerRow {
    /// The NIB, or `STALL/CODE` for a producer without one.
    pub key: String,
    pub producer: String,
    pub nib: Option<String>,
    pub regency: u16,
    pub regency_name: String,
    /// The stalls selling their goods, each as `STALL/CODE`.
    pub stalls: Vec<String>,
    /// When another stall named this NIB first: that stall. The producer is
    /// then kept apart under this stall, never merged into the first one's.
    pub nib_owner: Option<String>,
    /// What their goods sold for in the period (net, less returns).
    pub sold: Rupiah,
    /// Owed for the period's sales, less what returns took back.
    pub owed: Rupiah,
    /// Paid in the period.
    pub paid: Rupiah,
    /// Owed less paid up to the end of the period.
    pub balance: Rupiah,
}

/// The producers of one regency of origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegencyRow {
    pub regency: u16,
    pub regency_name: String,
    pub producers: usize,
    pub stalls: usize,
    pub sold: Rupiah,
    pub owed: Rupiah,
    pub paid: Rupiah,
    pub balance: Rupiah,
}

/// Sums over every producer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ProducerTotals {
    pub producers: usize,
    pub sold: Rupiah,
    pub owed: Rupiah,
    pub paid: Rupiah,
    pub balance: Rupiah,
}

/// The centre's producers over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProducersReport {
    pub from: Option<String>,
    pub to: Option<String>,
    pub producers: Vec<ProducerRow>,
    pub regencies: Vec<RegencyRow>,
    pub totals: ProducerTotals,
}

/// One stall's producer's figures.
#[derive(Default)]
struct Figures {
    sold: Rupiah,
    owed: Rupiah,
    paid: Rupiah,
    /// Owed less paid up to the end of the period.
    balance: Rupiah,
}

/// Adds `owed`, `value` and `paid` of something on `day` to `figures`, as
/// the period says: the balance takes everything up to its end, the other
/// figures only the period itself.
fn count(
    figures: &mut Figures,
    day: &str,
    from: &str,
    to: &str,
    owed: Rupiah,
    value: Rupiah,
    paid: Rupiah,
) -> Result<(), SyncError> {
    if day > to {
        return Ok(());
    }
    figures.balance = figures.balance.checked_add(owed)?.checked_sub(paid)?;
    if day >= from {
        figures.sold = figures.sold.checked_add(value)?;
        figures.owed = figures.owed.checked_add(owed)?;
        figures.paid = figures.paid.checked_add(paid)?;
    }
    Ok(())
}

/// Each (stall, producer code)'s figures over the period.
fn figures(
    conn: &Connection,
    from: &str,
    to: &str,
) -> Result<HashMap<(String, String), Figures>, SyncError> {
    let mut all: HashMap<(String, String), Figures> = HashMap::new();
    let mut lines = count_sold_lines(conn, from, to, &mut all)?;
    count_returns(conn, from, to, &mut all, &mut lines)?;
    count_payouts(conn, from, to, &mut all)?;
    Ok(all)
}

/// A consigned line of a sale that stands, and how much of it came back.
struct Line {
    key: (String, String),
    quantity: i64,
    owed: Rupiah,
    returned: i64,
}

/// Lines of sales that stand (a void counts only from its own stall),
/// keyed by stall too: two stalls may both send a sale under one id.
fn count_sold_lines(
    conn: &Connection,
    from: &str,
    to: &str,
    all: &mut HashMap<(String, String), Figures>,
) -> Result<HashMap<(String, String, i64), Line>, SyncError> {
    let mut lines: HashMap<(String, String, i64), Line> = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT c.stall_code, c.producer, s.id, s.day, l.line_no, l.quantity, l.net, c.owed
         FROM office_consigned_lines c
         JOIN office_sales s ON s.id = c.sale_id AND s.stall_code = c.stall_code
         JOIN office_sale_lines l ON l.sale_id = c.sale_id AND l.stall_code = c.stall_code AND l.line_no = c.line_no
         WHERE NOT EXISTS (SELECT 1 FROM office_voids v WHERE v.sale_id = s.id AND v.stall_code = s.stall_code)",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, i64>(6)?,
            r.get::<_, i64>(7)?,
        ))
    })?;
    for row in rows {
        let (stall, producer, sale_id, day, line_no, quantity, net, owed) = row?;
        let key = (stall, producer);
        let owed = Rupiah::new(owed);
        count(
            all.entry(key.clone()).or_default(),
            &day,
            from,
            to,
            owed,
            Rupiah::new(net),
            Rupiah::ZERO,
        )?;
        lines.insert(
            (key.0.clone(), sale_id, line_no),
            Line {
                key,
                quantity,
                owed,
                returned: 0,
            },
        );
    }
    Ok(lines)
}

/// Returns take back their share, in the stall's order.
fn count_returns(
    conn: &Connection,
    from: &str,
    to: &str,
    all: &mut HashMap<(String, String), Figures>,
    lines: &mut HashMap<(String, String, i64), Line>,
) -> Result<(), SyncError> {
    let mut statement = conn.prepare_cached(
        "SELECT r.stall_code, r.sale_id, r.day, rl.line_no, rl.quantity, rl.amount
         FROM office_returns r
         JOIN office_return_lines rl ON rl.return_id = r.id AND rl.stall_code = r.stall_code
         JOIN office_consigned_lines c ON c.sale_id = r.sale_id AND c.line_no = rl.line_no
              AND c.stall_code = r.stall_code
         ORDER BY r.stall_code, r.epoch, r.seq",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    for row in rows {
        let (stall, sale_id, day, line_no, quantity, amount) = row?;
        let Some(line) = lines.get_mut(&(stall, sale_id, line_no)) else {
            continue;
        };
        let back = owed_returned(line.owed, line.quantity, line.returned, quantity)?;
        line.returned += quantity;
        count(
            all.entry(line.key.clone()).or_default(),
            &day,
            from,
            to,
            back.checked_neg()?,
            Rupiah::new(amount).checked_neg()?,
            Rupiah::ZERO,
        )?;
    }
    Ok(())
}

/// What the stalls paid their producers.
fn count_payouts(
    conn: &Connection,
    from: &str,
    to: &str,
    all: &mut HashMap<(String, String), Figures>,
) -> Result<(), SyncError> {
    let mut statement =
        conn.prepare_cached("SELECT stall_code, producer, day, amount FROM office_payouts")?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for row in rows {
        let (stall, producer, day, amount) = row?;
        count(
            all.entry((stall, producer)).or_default(),
            &day,
            from,
            to,
            Rupiah::ZERO,
            Rupiah::ZERO,
            Rupiah::new(amount),
        )?;
    }
    Ok(())
}

/// The centre's producers from `from` to `to` (both included; `None`: no
/// limit on that side).
pub fn producers_report(
    store: &Store,
    from: Option<Date>,
    to: Option<Date>,
) -> Result<ProducersReport, SyncError> {
    store.require_office()?;
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(SyncError::Store(
            crate::domain::consign::ConsignError::Period { from, to }.into(),
        ));
    }
    let conn = store.connection();
    let from_key = from.map(|d| d.to_string()).unwrap_or_default();
    let to_key = to
        .map(|d| d.to_string())
        .unwrap_or_else(|| "9999-12-31".into());
    let figures = figures(conn, &from_key, &to_key)?;
    let producers = merge_producers(known_producers(conn)?, &nib_owners(conn)?, figures)?;
    let (regencies, totals) = by_regency(&producers)?;
    Ok(ProducersReport {
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        producers,
        regencies,
        totals,
    })
}

/// A producer as one stall described them.
struct Known {
    stall: String,
    code: String,
    name: String,
    regency: u16,
    nib: Option<String>,
    seen_at: String,
}

fn known_producers(conn: &Connection) -> Result<Vec<Known>, SyncError> {
    let mut statement = conn.prepare_cached(
        "SELECT stall_code, code, name, regency, nib, seen_at FROM office_producers ORDER BY stall_code, code",
    )?;
    let known = statement
        .query_map([], |r| {
            Ok(Known {
                stall: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                regency: r.get(3)?,
                nib: r.get(4)?,
                seen_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(known)
}

/// Each NIB and the stall that named it first.
fn nib_owners(conn: &Connection) -> Result<HashMap<String, String>, SyncError> {
    let mut owners = conn.prepare_cached("SELECT nib, stall_code FROM office_nib_owners")?;
    let owners = owners
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(owners)
}

/// One producer per NIB among the stall that named it first; without a
/// NIB, or with a NIB another stall named first, one per stall's code. In
/// order of name.
fn merge_producers(
    known: Vec<Known>,
    owners: &HashMap<String, String>,
    mut figures: HashMap<(String, String), Figures>,
) -> Result<Vec<ProducerRow>, SyncError> {
    let mut merged: BTreeMap<String, (ProducerRow, String)> = BTreeMap::new();
    for k in known {
        let nib_owner = k
            .nib
            .as_ref()
            .and_then(|nib| owners.get(nib))
            .filter(|owner| **owner != k.stall)
            .cloned();
        let key = match (&k.nib, &nib_owner) {
            (Some(nib), None) => nib.clone(),
            _ => format!("{}/{}", k.stall, k.code),
        };
        let mine = figures
            .remove(&(k.stall.clone(), k.code.clone()))
            .unwrap_or_default();
        let regency_name = Regency::by_code(k.regency)
            .map(|r| r.name.to_string())
            .unwrap_or_default();
        let entry = merged.entry(key.clone()).or_insert_with(|| {
            (
                ProducerRow {
                    key,
                    producer: k.name.clone(),
                    nib: k.nib.clone(),
                    regency: k.regency,
                    regency_name: regency_name.clone(),
                    stalls: Vec::new(),
                    nib_owner: nib_owner.clone(),
                    sold: Rupiah::ZERO,
                    owed: Rupiah::ZERO,
                    paid: Rupiah::ZERO,
                    balance: Rupiah::ZERO,
                },
                k.seen_at.clone(),
            )
        });
        // The latest description of the producer names them.
        if k.seen_at > entry.1 {
            entry.0.producer = k.name.clone();
            entry.0.regency = k.regency;
            entry.0.regency_name = regency_name;
            entry.1 = k.seen_at.clone();
        }
        let row = &mut entry.0;
        row.stalls.push(format!("{}/{}", k.stall, k.code));
        row.sold = row.sold.checked_add(mine.sold)?;
        row.owed = row.owed.checked_add(mine.owed)?;
        row.paid = row.paid.checked_add(mine.paid)?;
        row.balance = row.balance.checked_add(mine.balance)?;
    }
    let mut producers: Vec<ProducerRow> = merged.into_values().map(|(row, _)| row).collect();
    producers.sort_by(|a, b| {
        (a.producer.to_lowercase(), &a.key).cmp(&(b.producer.to_lowercase(), &b.key))
    });

    Ok(producers)
}

/// The producers by their regency of origin, and the centre's totals.
fn by_regency(producers: &[ProducerRow]) -> Result<(Vec<RegencyRow>, ProducerTotals), SyncError> {
    let mut regencies: BTreeMap<u16, (RegencyRow, BTreeSet<String>)> = BTreeMap::new();
    let mut totals = ProducerTotals::default();
    for row in producers {
        let (group, stalls) = regencies.entry(row.regency).or_insert_with(|| {
            (
                RegencyRow {
                    regency: row.regency,
                    regency_name: row.regency_name.clone(),
                    producers: 0,
                    stalls: 0,
                    sold: Rupiah::ZERO,
                    owed: Rupiah::ZERO,
                    paid: Rupiah::ZERO,
                    balance: Rupiah::ZERO,
                },
                BTreeSet::new(),
            )
        });
        group.producers += 1;
        for stall in &row.stalls {
            stalls.insert(stall.split('/').next().unwrap_or_default().to_string());
        }
        group.sold = group.sold.checked_add(row.sold)?;
        group.owed = group.owed.checked_add(row.owed)?;
        group.paid = group.paid.checked_add(row.paid)?;
        group.balance = group.balance.checked_add(row.balance)?;
        totals.producers += 1;
        totals.sold = totals.sold.checked_add(row.sold)?;
        totals.owed = totals.owed.checked_add(row.owed)?;
        totals.paid = totals.paid.checked_add(row.paid)?;
        totals.balance = totals.balance.checked_add(row.balance)?;
    }
    let regencies = regencies
        .into_values()
        .map(|(mut row, stalls)| {
            row.stalls = stalls.len();
            row
        })
        .collect();
    Ok((regencies, totals))
}

/// The columns of the producers' CSV, in order.
pub const CSV_COLUMNS: [&str; 13] = [
    "from",
    "to",
    "producer_key",
    "nib",
    "producer",
    "regency_code",
    "regency_kemendagri",
    "regency_name",
    "stalls",
    "sold",
    "owed",
    "paid",
    "balance",
];

/// The centre's producers as a table for the provincial office: one row
/// per producer, rupiah as numbers, the NIB and codes as text.
pub fn producers_table(report: &ProducersReport) -> Table {
    let mut table = Table::new("Penitip", &CSV_COLUMNS);
    let day = |d: &Option<String>| d.as_deref().map_or(Cell::Empty, Cell::iso_date);
    for row in &report.producers {
        table.push(vec![
            day(&report.from),
            day(&report.to),
            Cell::code(&row.key),
            Cell::maybe_code(row.nib.as_deref()),
            Cell::text(&row.producer),
            Cell::code(row.regency.to_string()),
            Cell::code(Regency::kemendagri_of(row.regency)),
            Cell::text(&row.regency_name),
            Cell::text(row.stalls.join(" ")),
            Cell::Rupiah(row.sold),
            Cell::Rupiah(row.owed),
            Cell::Rupiah(row.paid),
            Cell::Rupiah(row.balance),
        ]);
    }
    table
}

/// Writes the centre's producers to `path`: XLSX for a `.xlsx` name, else
/// CSV (UTF-8 with a BOM; formula-like text cells get a `'`).
pub fn write_producers_csv(report: &ProducersReport, path: &Path) -> Result<usize, SyncError> {
    super::centre::write_table(&producers_table(report), path)?;
    Ok(report.producers.len())
}

/// Producers the office holds for a stall, by code (for tests and screens).
pub fn stall_producers(store: &Store, stall: &str) -> Result<Vec<(String, String)>, SyncError> {
    let mut statement = store.connection().prepare_cached(
        "SELECT code, name FROM office_producers WHERE stall_code = ?1 ORDER BY code",
    )?;
    let rows = statement.query_map(params![stall], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
