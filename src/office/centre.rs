//! What the office sees: every total computed from the union of the records
//! it holds, never from totals a stall sent.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, params};
use serde::Serialize;
use time::Date;

use super::OfficeError;
use crate::domain::regency::Regency;
use crate::domain::restore::{RESTORED, RestoreNote};
use crate::money::Rupiah;
use crate::store::Store;
use crate::store::table::{Cell, Table};
use crate::sync::SyncError;

/// A known stall, and what the office has (and lacks) from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StallStatus {
    pub code: String,
    pub name: String,
    pub regency: u16,
    pub regency_name: String,
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    pub last_import: String,
    /// Missing stretches of the stall's sequence, both ends included.
    pub gaps: Vec<(i64, i64)>,
    /// Missing stretches under the stall's earlier keys (before a re-pin):
    /// the key's epoch, then the stretch. A new key does not wash them out.
    pub earlier_gaps: Vec<(i64, i64, i64)>,
    /// Days with records from other stalls but none from this one.
    pub silent_days: Vec<String>,
    /// Wrong manager PINs tried at the stall, as its files reported them.
    pub pin_wrong: i64,
    /// Times a manager accepted the stall's clock set back.
    pub clock_accepted: i64,
    /// The stall's book restored from a backup: when, and what it gave up.
    pub restores: Vec<(String, RestoreNote)>,
    /// Keys re-pinned by the office (a reinstalled PC).
    pub repins: Vec<super::repin::Repin>,
    /// Ids this stall sent that another stall sent too (either first).
    pub shared_ids: Vec<SharedId>,
}

/// An id two stalls both sent: each stall's record is held for it, and the
/// manager sees which stall sent the id first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedId {
    pub id: String,
    /// What the later stall sent under it: `export`, `sales`, `voids`, …
    pub kind: String,
    pub first_stall: String,
    pub then_stall: String,
    pub found_at: String,
}

/// The ids two stalls both sent; with `stall`, only those it is one of.
pub fn shared_ids(conn: &Connection, stall: Option<&str>) -> Result<Vec<SharedId>, OfficeError> {
    let map = |r: &rusqlite::Row<'_>| {
        Ok(SharedId {
            id: r.get(0)?,
            kind: r.get(1)?,
            first_stall: r.get(2)?,
            then_stall: r.get(3)?,
            found_at: r.get(4)?,
        })
    };
    let sql = "SELECT id, kind, first_stall, stall_code, found_at FROM office_shared_ids";
    let rows = match stall {
        Some(stall) => conn
            .prepare_cached(&format!(
                "{sql} WHERE stall_code = ?1 UNION {sql} WHERE first_stall = ?1 ORDER BY 5, 1"
            ))?
            .query_map([stall], map)?
            .collect::<rusqlite::Result<_>>()?,
        None => conn
            .prepare_cached(&format!("{sql} ORDER BY found_at, id"))?
            .query_map([], map)?
            .collect::<rusqlite::Result<_>>()?,
    };
    Ok(rows)
}

/// One stall's day, or a sum of them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DayTotals {
    pub sales_count: i64,
    pub gross: Rupiah,
    pub discounts: Rupiah,
    pub tax: Rupiah,
    /// What buyers paid for sales that stand (not voided).
    pub net: Rupiah,
    pub returns: Rupiah,
    /// Net less refunds.
    pub takings: Rupiah,
    pub cash: Rupiah,
    pub qris: Rupiah,
    pub transfer: Rupiah,
    pub card: Rupiah,
    /// `net` sold on kasbon (credit the stall gave its customers).
    pub kasbon: Rupiah,
    /// Kasbon customers paid back that day, whatever the method.
    pub repayments: Rupiah,
    /// The stall's expenses that day, from the drawer or not.
    pub expenses: Rupiah,
    /// The centre's retribusi owed for the day (see `sync::fees`).
    pub fee: Rupiah,
}

impl DayTotals {
    fn add(&mut self, other: &DayTotals) -> Result<(), OfficeError> {
        self.sales_count += other.sales_count;
        for (mine, theirs) in [
            (&mut self.gross, other.gross),
            (&mut self.discounts, other.discounts),
            (&mut self.tax, other.tax),
            (&mut self.net, other.net),
            (&mut self.returns, other.returns),
            (&mut self.takings, other.takings),
            (&mut self.cash, other.cash),
            (&mut self.qris, other.qris),
            (&mut self.transfer, other.transfer),
            (&mut self.card, other.card),
            (&mut self.kasbon, other.kasbon),
            (&mut self.repayments, other.repayments),
            (&mut self.expenses, other.expenses),
            (&mut self.fee, other.fee),
        ] {
            *mine = mine.checked_add(theirs)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StallDay {
    pub code: String,
    pub name: String,
    pub regency: u16,
    pub totals: DayTotals,
}

/// A group (regency, category, payment method) and its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupTotal {
    pub key: String,
    pub label: String,
    pub net: Rupiah,
    pub returns: Rupiah,
}

/// The centre's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CentreDay {
    pub date: String,
    pub stalls: Vec<StallDay>,
    pub regencies: Vec<GroupTotal>,
    pub categories: Vec<GroupTotal>,
    pub payments: Vec<GroupTotal>,
    /// Known stalls with no record for the day, on a day between their
    /// first record and today.
    pub silent: Vec<StallDay>,
    pub totals: DayTotals,
    /// Ids two stalls both sent, for the manager to look into.
    pub shared_ids: Vec<SharedId>,
    /// Stalls whose book was restored from a backup on the day: the code
    /// and what the restore gave up.
    pub restores: Vec<(String, RestoreNote)>,
}

// A void counts only for a sale of its own stall.
pub(crate) const STANDING: &str = "NOT EXISTS (SELECT 1 FROM office_voids v WHERE v.sale_id = s.id AND v.stall_code = s.stall_code)";

// A return (`r`) counts only once its sale is held: one admitted "on its
// way" while earlier numbers are missing waits for it, so a stall cannot
// lower its takings with returns of sales it never sent.
pub(crate) const OF_HELD_SALE: &str = "EXISTS (SELECT 1 FROM office_sales held WHERE held.id = r.sale_id AND held.stall_code = r.stall_code)";

/// One stall's figures for a day, from the records held.
pub fn stall_day(conn: &Connection, code: &str, day: &str) -> Result<DayTotals, OfficeError> {
    let (sales_count, gross, discounts, tax, net): (i64, i64, i64, i64, i64) = conn
        .prepare_cached(&format!(
            "SELECT COUNT(*), COALESCE(SUM(subtotal), 0), COALESCE(SUM(line_discounts + sale_discount), 0),
                    COALESCE(SUM(tax), 0), COALESCE(SUM(total), 0)
             FROM office_sales s WHERE s.stall_code = ?1 AND s.day = ?2 AND {STANDING}"
        ))?
        .query_row(params![code, day], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
    let returns: i64 = conn
        .prepare_cached(&format!(
            "SELECT COALESCE(SUM(refund + kasbon_refund), 0) FROM office_returns r
             WHERE stall_code = ?1 AND day = ?2 AND {OF_HELD_SALE}"
        ))?
        .query_row(params![code, day], |r| r.get(0))?;
    let mut totals = DayTotals {
        sales_count,
        gross: Rupiah::new(gross),
        discounts: Rupiah::new(discounts),
        tax: Rupiah::new(tax),
        net: Rupiah::new(net),
        returns: Rupiah::new(returns),
        takings: Rupiah::new(net).checked_sub(Rupiah::new(returns))?,
        ..DayTotals::default()
    };
    let mut statement = conn.prepare_cached(&format!(
        "SELECT p.method, SUM(p.amount) FROM office_payments p JOIN office_sales s ON s.id = p.sale_id AND s.stall_code = p.stall_code
         WHERE s.stall_code = ?1 AND s.day = ?2 AND {STANDING} GROUP BY p.method"
    ))?;
    let rows = statement.query_map(params![code, day], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    for row in rows {
        let (method, amount) = row?;
        let slot = match method.as_str() {
            "cash" => &mut totals.cash,
            "qris" => &mut totals.qris,
            "transfer" => &mut totals.transfer,
            "kasbon" => &mut totals.kasbon,
            _ => &mut totals.card,
        };
        *slot = Rupiah::new(amount);
    }
    for (table, slot) in [
        ("office_repayments", &mut totals.repayments),
        ("office_expenses", &mut totals.expenses),
    ] {
        let amount: i64 = conn
            .prepare_cached(&format!(
                "SELECT COALESCE(SUM(amount), 0) FROM {table} WHERE stall_code = ?1 AND day = ?2"
            ))?
            .query_row(params![code, day], |r| r.get(0))?;
        *slot = Rupiah::new(amount);
    }
    Ok(totals)
}

/// The centre's day by stall, regency, category and payment method.
pub fn centre_day(store: &Store, date: Date) -> Result<CentreDay, OfficeError> {
    store.require_office()?;
    let conn = store.connection();
    let day = date.to_string();
    let known = known_stalls(conn)?;
    // A stall is silent only between its first record and today: not before
    // it started, and not on days still to come.
    let today = crate::clock::now()
        .map(|now| store.business_day(now).to_string())
        .ok();
    let reported = stalls_reporting(conn, &day)?;

    let mut stalls = Vec::new();
    let mut silent = Vec::new();
    let mut totals = DayTotals::default();
    let mut regencies: BTreeMap<u16, (Rupiah, Rupiah)> = BTreeMap::new();
    let fees = super::fees::owed(store, &day, &day)?;
    for (code, name, regency, first_day) in known {
        let mut day_totals = stall_day(conn, &code, &day)?;
        day_totals.fee = fees
            .iter()
            .find(|f| f.stall == code)
            .map(|f| f.fee)
            .unwrap_or_default();
        let entry = StallDay {
            code: code.clone(),
            name,
            regency,
            totals: day_totals,
        };
        if !reported.contains(&code) {
            let started = first_day.is_some_and(|first| first <= day);
            let come = today.as_ref().is_none_or(|today| day <= *today);
            if started && come {
                silent.push(entry);
            }
            continue;
        }
        totals.add(&entry.totals)?;
        let slot = regencies.entry(regency).or_default();
        slot.0 = slot.0.checked_add(entry.totals.net)?;
        slot.1 = slot.1.checked_add(entry.totals.returns)?;
        stalls.push(entry);
    }
    let regencies = regency_totals(regencies);
    let payments = payment_totals(conn, &day, &totals)?;
    Ok(CentreDay {
        date: day.clone(),
        categories: categories(conn, &day)?,
        stalls,
        regencies,
        payments,
        silent,
        totals,
        shared_ids: shared_ids(conn, None)?,
        restores: restores_on(conn, &day)?,
    })
}

/// The restores the stalls' files reported for `day`: stall code and note.
fn restores_on(conn: &Connection, day: &str) -> Result<Vec<(String, RestoreNote)>, OfficeError> {
    restore_notes(
        conn,
        "SELECT stall_code, detail FROM office_events WHERE day = ?1 AND kind = ?2 ORDER BY stall_code, seq",
        day,
    )
}

/// The restore notes of the events `sql` picks (`?1` is `key`, `?2` the
/// restore's kind), each beside the column it reads first.
fn restore_notes(
    conn: &Connection,
    sql: &str,
    key: &str,
) -> Result<Vec<(String, RestoreNote)>, OfficeError> {
    let mut statement = conn.prepare_cached(sql)?;
    let rows: Vec<(String, String)> = statement
        .query_map(params![key, RESTORED], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(label, detail)| RestoreNote::read(&detail).map(|note| (label, note)))
        .collect())
}

/// A known stall: code, name, regency and first day.
type KnownStall = (String, String, u16, Option<String>);

/// Every known stall. Each stall's first day from its summary row, not
/// from its records.
fn known_stalls(conn: &Connection) -> Result<Vec<KnownStall>, OfficeError> {
    let mut statement = conn.prepare_cached(
        "SELECT code, name, regency,
                (SELECT first_day FROM office_stall_span WHERE stall_code = office_stalls.code)
         FROM office_stalls ORDER BY code",
    )?;
    Ok(statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The stalls with records on the day: one row per stall that day, not one
/// per record.
fn stalls_reporting(
    conn: &Connection,
    day: &str,
) -> Result<std::collections::HashSet<String>, OfficeError> {
    let mut active =
        conn.prepare_cached("SELECT stall_code FROM office_stall_days WHERE day = ?1")?;
    Ok(active
        .query_map([day], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The day's net and returns by regency, each named.
fn regency_totals(regencies: BTreeMap<u16, (Rupiah, Rupiah)>) -> Vec<GroupTotal> {
    regencies
        .into_iter()
        .map(|(code, (net, returns))| GroupTotal {
            key: code.to_string(),
            label: Regency::by_code(code)
                .map(|r| r.name.to_string())
                .unwrap_or_default(),
            net,
            returns,
        })
        .collect()
}

/// The day's takings by payment method, each with what went back by it.
fn payment_totals(
    conn: &Connection,
    day: &str,
    totals: &DayTotals,
) -> Result<Vec<GroupTotal>, OfficeError> {
    let given_back = returns_by_method(conn, day)?;
    Ok([
        ("cash", totals.cash),
        ("qris", totals.qris),
        ("transfer", totals.transfer),
        ("card", totals.card),
        ("kasbon", totals.kasbon),
    ]
    .into_iter()
    .map(|(key, net)| GroupTotal {
        key: key.into(),
        label: crate::domain::payment::PaymentMethod::parse(key)
            .map(|m| m.label().to_string())
            .unwrap_or_default(),
        net,
        returns: given_back.get(key).copied().unwrap_or(Rupiah::ZERO),
    })
    .collect())
}

/// The money given back on the day's returns, by how it went back: the
/// refund by its method, kasbon given back as kasbon.
fn returns_by_method(
    conn: &Connection,
    day: &str,
) -> Result<BTreeMap<String, Rupiah>, OfficeError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT refund_method, SUM(refund) FROM office_returns r WHERE day = ?1 AND {OF_HELD_SALE}
         GROUP BY refund_method
         UNION ALL SELECT 'kasbon', COALESCE(SUM(kasbon_refund), 0) FROM office_returns r
         WHERE day = ?1 AND {OF_HELD_SALE}"
    ))?;
    let mut given = BTreeMap::new();
    for row in statement.query_map([day], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (method, amount) = row?;
        let slot: &mut Rupiah = given.entry(method).or_default();
        *slot = slot.checked_add(Rupiah::new(amount))?;
    }
    Ok(given)
}

fn categories(conn: &Connection, day: &str) -> Result<Vec<GroupTotal>, OfficeError> {
    let mut groups: BTreeMap<String, (Rupiah, Rupiah)> = BTreeMap::new();
    let mut sold = conn.prepare_cached(&format!(
        "SELECT l.category, SUM(l.net) FROM office_sale_lines l JOIN office_sales s ON s.id = l.sale_id AND s.stall_code = l.stall_code
         WHERE s.day = ?1 AND {STANDING} GROUP BY l.category"
    ))?;
    for row in sold.query_map([day], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (category, net) = row?;
        groups.entry(category).or_default().0 = Rupiah::new(net);
    }
    // What went back is money (cash and kasbon given back), as in the
    // day's totals; a return may give back less than its goods were worth,
    // so each return's money is spread over its lines by their worth.
    let mut returned = conn.prepare_cached(
        "SELECT r.stall_code || ' ' || r.id, r.refund + r.kasbon_refund, l.category, rl.amount FROM office_return_lines rl
         JOIN office_returns r ON r.id = rl.return_id AND r.stall_code = rl.stall_code
         JOIN office_sale_lines l ON l.sale_id = r.sale_id AND l.stall_code = r.stall_code AND l.line_no = rl.line_no
         WHERE r.day = ?1 ORDER BY r.stall_code, r.id, rl.line_no",
    )?;
    let rows = returned.query_map([day], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut lines: Vec<(String, i64, String, i64)> = Vec::new();
    for row in rows {
        lines.push(row?);
    }
    for one in lines.chunk_by(|a, b| a.0 == b.0) {
        let worth: Vec<i64> = one.iter().map(|l| l.3).collect();
        for (line, share) in one.iter().zip(Rupiah::new(one[0].1).spread(&worth)) {
            let slot = &mut groups.entry(line.2.clone()).or_default().1;
            *slot = slot.checked_add(share)?;
        }
    }
    Ok(groups
        .into_iter()
        .map(|(category, (net, returns))| GroupTotal {
            key: category.clone(),
            label: category,
            net,
            returns,
        })
        .collect())
}

/// Every known stall with its gaps and silent days.
///
/// Read from the summaries the office keeps as records arrive (schema
/// migration 15): the centre's days, each stall's span and days, its
/// sequence as runs of numbers held. A year of files costs a few hundred
/// rows here, not the millions of records behind them.
pub fn stalls(store: &Store) -> Result<Vec<StallStatus>, OfficeError> {
    store.require_office()?;
    let conn = store.connection();
    let known = stall_rows(conn)?;
    let mut days = conn.prepare_cached("SELECT day FROM office_centre_days ORDER BY day")?;
    let centre_days: Vec<String> = days
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut result = Vec::new();
    for (code, name, regency, last_import, epoch, first_day, last_day, own_count) in known {
        let runs = seen_runs(conn, &code, epoch)?;
        let silent_days = silent_days(conn, &code, first_day.as_deref(), own_count, &centre_days)?;
        let pin_wrong = event_count(conn, &code, "pin_wrong")?;
        let clock_accepted = event_count(conn, &code, "clock_accepted")?;
        let restores = restores_of(conn, &code)?;
        let earlier_gaps = earlier_gaps(conn, &code, epoch)?;
        let repins = super::repin::repins_of(store, &code)?;
        let shared_ids = shared_ids(conn, Some(&code))?;
        result.push(StallStatus {
            shared_ids,
            pin_wrong,
            clock_accepted,
            restores,
            repins,
            regency_name: Regency::by_code(regency)
                .map(|r| r.name.to_string())
                .unwrap_or_default(),
            code,
            name,
            regency,
            last_day,
            first_day,
            last_import,
            gaps: run_gaps(&runs),
            earlier_gaps,
            silent_days,
        });
    }
    Ok(result)
}

/// A known stall's summary: code, name, regency, last import, epoch, first
/// and last day, how many days it has.
type StallRow = (
    String,
    String,
    u16,
    String,
    i64,
    Option<String>,
    Option<String>,
    i64,
);

fn stall_rows(conn: &Connection) -> Result<Vec<StallRow>, OfficeError> {
    let mut statement = conn.prepare_cached(
        "SELECT o.code, o.name, o.regency, o.last_import, o.epoch, s.first_day, s.last_day, s.days
         FROM office_stalls o LEFT JOIN office_stall_span s ON s.stall_code = o.code
         ORDER BY o.code",
    )?;
    Ok(statement
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get::<_, Option<i64>>(7)?.unwrap_or(0),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The runs of numbers held of the stall. Numbers restart with a re-pinned
/// key: gaps are of the current epoch.
fn seen_runs(conn: &Connection, code: &str, epoch: i64) -> Result<Vec<(i64, i64)>, OfficeError> {
    let mut runs = conn.prepare_cached(
        "SELECT first, last FROM office_seen_runs WHERE stall_code = ?1 AND epoch = ?2 ORDER BY first",
    )?;
    Ok(runs
        .query_map(params![code, epoch], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Silent days are the centre's days since the stall's first that are not
/// its own: only a stall with fewer days than that has any, and only its
/// days are read to name them.
fn silent_days(
    conn: &Connection,
    code: &str,
    first_day: Option<&str>,
    own_count: i64,
    centre_days: &[String],
) -> Result<Vec<String>, OfficeError> {
    let Some(first) = first_day else {
        return Ok(Vec::new());
    };
    let since = &centre_days[centre_days.partition_point(|d| d.as_str() < first)..];
    if since.len() as i64 <= own_count {
        return Ok(Vec::new());
    }
    let mut own = conn
        .prepare_cached("SELECT day FROM office_stall_days WHERE stall_code = ?1 ORDER BY day")?;
    let own_days: Vec<String> = own
        .query_map([code], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(since
        .iter()
        .filter(|d| own_days.binary_search(d).is_err())
        .cloned()
        .collect())
}

fn event_count(conn: &Connection, code: &str, kind: &str) -> Result<i64, OfficeError> {
    Ok(conn
        .prepare_cached("SELECT COUNT(*) FROM office_events WHERE stall_code = ?1 AND kind = ?2")?
        .query_row(params![code, kind], |r| r.get(0))?)
}

/// The gaps of each epoch before `epoch` (keys the office re-pinned away).
fn earlier_gaps(
    conn: &Connection,
    code: &str,
    epoch: i64,
) -> Result<Vec<(i64, i64, i64)>, OfficeError> {
    let mut gaps = Vec::new();
    for old in 0..epoch {
        let runs = seen_runs(conn, code, old)?;
        gaps.extend(run_gaps(&runs).into_iter().map(|(a, b)| (old, a, b)));
    }
    Ok(gaps)
}

/// The restores a stall's files reported, in order: when, and the note.
fn restores_of(conn: &Connection, code: &str) -> Result<Vec<(String, RestoreNote)>, OfficeError> {
    restore_notes(
        conn,
        "SELECT created_at, detail FROM office_events WHERE stall_code = ?1 AND kind = ?2 ORDER BY created_at",
        code,
    )
}

/// The missing stretches before and between runs of held numbers (ordered,
/// disjoint, both ends included), counting from 1.
pub fn run_gaps(runs: &[(i64, i64)]) -> Vec<(i64, i64)> {
    holes(runs, 1, None)
}

/// The stretches of `from` to `to` (no end when `None`) that no run covers,
/// both ends included. The runs are ordered by their first number and may
/// overlap (numbers held beside numbers a restore gave up).
pub fn holes(runs: &[(i64, i64)], from: i64, to: Option<i64>) -> Vec<(i64, i64)> {
    let mut holes = Vec::new();
    let mut expected = from;
    for &(first, last) in runs {
        if to.is_some_and(|to| first > to) {
            break;
        }
        if first > expected {
            holes.push((expected, first - 1));
        }
        expected = expected.max(last.saturating_add(1));
    }
    if let Some(to) = to
        && expected <= to
    {
        holes.push((expected, to));
    }
    holes
}

/// The missing stretches in an ordered list of sequence numbers from 1.
pub fn gaps(seqs: &[i64]) -> Vec<(i64, i64)> {
    let mut gaps = Vec::new();
    let mut expected = 1;
    for &seq in seqs {
        if seq > expected {
            gaps.push((expected, seq - 1));
        }
        expected = expected.max(seq.saturating_add(1));
    }
    gaps
}

/// The columns of the province's CSV (and XLSX), in order.
pub const CSV_COLUMNS: [&str; 22] = [
    "date",
    "stall_code",
    "stall_name",
    "regency_code",
    "regency_kemendagri",
    "regency_name",
    "sales_count",
    "gross",
    "discounts",
    "tax",
    "net",
    "returns",
    "takings",
    "cash",
    "qris",
    "transfer",
    "card",
    "reported",
    "kasbon",
    "repayments",
    "expenses",
    "fee",
];

/// The centre's day as a table for the provincial office: one row per
/// known stall, rupiah as numbers, codes as text.
pub fn centre_table(report: &CentreDay) -> Table {
    let mut table = Table::new("Sentra", &CSV_COLUMNS);
    let rows = report
        .stalls
        .iter()
        .map(|s| (s, true))
        .chain(report.silent.iter().map(|s| (s, false)));
    for (stall, reported) in rows {
        let t = &stall.totals;
        let regency = Regency::by_code(stall.regency);
        table.push(vec![
            Cell::iso_date(&report.date),
            Cell::code(&stall.code),
            Cell::text(&stall.name),
            Cell::code(stall.regency.to_string()),
            Cell::code(Regency::kemendagri_of(stall.regency)),
            Cell::text(regency.map(|r| r.name).unwrap_or_default()),
            Cell::Count(t.sales_count),
            Cell::Rupiah(t.gross),
            Cell::Rupiah(t.discounts),
            Cell::Rupiah(t.tax),
            Cell::Rupiah(t.net),
            Cell::Rupiah(t.returns),
            Cell::Rupiah(t.takings),
            Cell::Rupiah(t.cash),
            Cell::Rupiah(t.qris),
            Cell::Rupiah(t.transfer),
            Cell::Rupiah(t.card),
            Cell::text(if reported { "yes" } else { "no" }),
            Cell::Rupiah(t.kasbon),
            Cell::Rupiah(t.repayments),
            Cell::Rupiah(t.expenses),
            Cell::Rupiah(t.fee),
        ]);
    }
    table
}

/// Writes the centre's day to `path`: XLSX for a `.xlsx` name, else CSV
/// (UTF-8 with a BOM, text cells that would read as a formula get a `'`).
pub fn write_centre_csv(report: &CentreDay, path: &Path) -> Result<usize, OfficeError> {
    let table = centre_table(report);
    write_table(&table, path)?;
    Ok(table.rows.len())
}

/// Writes a table whole to `path` (a temporary name, then renamed; or
/// straight through to a stream).
pub fn write_table(table: &Table, path: &Path) -> Result<(), SyncError> {
    let io = |source: std::io::Error| SyncError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = table.bytes_for(path).map_err(io)?;
    crate::store::files::write_whole(path, &bytes).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_the_missing_stretches() {
        assert_eq!(gaps(&[1, 2, 3]), vec![]);
        assert_eq!(gaps(&[1, 2, 5, 6, 9]), vec![(3, 4), (7, 8)]);
        assert_eq!(gaps(&[3]), vec![(1, 2)]);
        assert_eq!(gaps(&[]), vec![]);
    }

    #[test]
    fn runs_give_the_same_gaps_as_their_numbers() {
        assert_eq!(run_gaps(&[(1, 3)]), vec![]);
        assert_eq!(run_gaps(&[(1, 2), (5, 6), (9, 9)]), vec![(3, 4), (7, 8)]);
        assert_eq!(run_gaps(&[(3, 3)]), vec![(1, 2)]);
        assert_eq!(run_gaps(&[]), vec![]);
        // Within a file's range, overlapping runs, a run past the end.
        assert_eq!(holes(&[(3, 4)], 1, Some(6)), vec![(1, 2), (5, 6)]);
        assert_eq!(holes(&[(1, 5), (2, 3), (7, 9)], 1, Some(6)), vec![(6, 6)]);
        assert_eq!(holes(&[(2, 2), (9, 12)], 1, Some(5)), vec![(1, 1), (3, 5)]);
        assert_eq!(holes(&[], 1, Some(0)), vec![]);
    }
}
