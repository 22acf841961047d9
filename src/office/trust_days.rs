//! A closed day takes nothing: the stall's program refuses every record on
//! a day after its *tutup kasir* until a manager reopens it (with the PIN,
//! and a `day_reopened` event in the sequence). So at the office a record
//! numbered after its day's close, with no reopen of that day between, was
//! not made by the program: a void back-dated into a closed day (to cut the
//! fee), or a sale moved into one. Checked both ways: a file's records
//! against the closes held, and a file's closes against the records held.

use rusqlite::{Transaction, params};

use crate::domain::day_close::{DAY_REOPENED, reopened_day};
use crate::domain::record_check::RecordRule;
use crate::sync::SyncError;
use crate::sync::content::Refusal;
use crate::sync::format::ExportContent;

const EPOCH: &str = "(SELECT epoch FROM office_stalls WHERE code = ?1)";

/// Checks every money record of the file (all are in the book by now, the
/// file's closes and reopens too) and every close of the file.
pub(super) fn check_closed_days(
    tx: &Transaction<'_>,
    content: &ExportContent,
) -> Result<(), SyncError> {
    let stall = &content.stall.code;
    for (label, day, seq) in money_records(content) {
        if let Some(closed) = close_before(tx, stall, &day, seq)?
            && !reopened_between(tx, stall, &day, closed, seq)?
        {
            return Err(after_close(label, day));
        }
    }
    for close in &content.day_closes {
        if let Some(later) = first_after(tx, stall, &close.day, close.seq)?
            && !reopened_between(tx, stall, &close.day, close.seq, later)?
        {
            let label = format!("tutup kasir {} ({})", close.day, close.id);
            return Err(after_close(label, close.day.clone()));
        }
    }
    Ok(())
}

fn after_close(record: String, day: String) -> SyncError {
    Refusal::Record {
        record,
        rule: RecordRule::AfterClose(day),
    }
    .into()
}

/// The file's records that move money or close a day: label, day, number.
fn money_records(content: &ExportContent) -> Vec<(String, String, i64)> {
    let mut records = Vec::new();
    let mut push = |kind: &str, id: &str, day: &str, seq: i64| {
        records.push((format!("{kind} {id}"), day.to_string(), seq));
    };
    for r in &content.sales {
        push("penjualan", &r.receipt, &r.day, r.seq);
    }
    for r in &content.voids {
        push("pembatalan", &r.id, &r.day, r.seq);
    }
    for r in &content.returns {
        push("retur", &r.id, &r.day, r.seq);
    }
    // Money that does not pass the drawer (a transfer to a producer, kasbon
    // repaid by QRIS, an expense not from the drawer) may be written down on
    // a closed day: the program allows it.
    for r in content.payouts.iter().filter(|r| r.method == "cash") {
        push("bayar penitip", &r.id, &r.day, r.seq);
    }
    for r in content.repayments.iter().filter(|r| r.method == "cash") {
        push("bayar kasbon", &r.id, &r.day, r.seq);
    }
    for r in content.expenses.iter().filter(|r| r.from_drawer) {
        push("pengeluaran", &r.id, &r.day, r.seq);
    }
    for r in &content.day_closes {
        push("tutup kasir", &r.id, &r.day, r.seq);
    }
    records
}

/// The last close of `day` numbered before `seq`.
fn close_before(
    tx: &Transaction<'_>,
    stall: &str,
    day: &str,
    seq: i64,
) -> Result<Option<i64>, SyncError> {
    Ok(tx
        .prepare_cached(&format!(
            "SELECT MAX(seq) FROM office_day_closes
             WHERE stall_code = ?1 AND epoch = {EPOCH} AND day = ?2 AND seq < ?3"
        ))?
        .query_row(params![stall, day, seq], |r| r.get(0))?)
}

/// The first record of `day` held with a number after `seq`.
fn first_after(
    tx: &Transaction<'_>,
    stall: &str,
    day: &str,
    seq: i64,
) -> Result<Option<i64>, SyncError> {
    // As above: only what passes the drawer is barred from a closed day.
    let tables = [
        ("office_sales", ""),
        ("office_voids", ""),
        ("office_returns", ""),
        ("office_payouts", "AND method = 'cash'"),
        ("office_repayments", "AND method = 'cash'"),
        ("office_expenses", "AND from_drawer = 1"),
        ("office_day_closes", ""),
    ];
    let union = tables
        .iter()
        .map(|(t, only)| {
            format!(
                "SELECT MIN(seq) AS seq FROM {t}
                 WHERE stall_code = ?1 AND epoch = {EPOCH} AND day = ?2 AND seq > ?3 {only}"
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    Ok(tx
        .prepare_cached(&format!("SELECT MIN(seq) FROM ({union})"))?
        .query_row(params![stall, day, seq], |r| r.get(0))?)
}

/// Whether a reopen of `day` is numbered between `from` and `to`.
fn reopened_between(
    tx: &Transaction<'_>,
    stall: &str,
    day: &str,
    from: i64,
    to: i64,
) -> Result<bool, SyncError> {
    let mut statement = tx.prepare_cached(&format!(
        "SELECT detail FROM office_events
         WHERE stall_code = ?1 AND epoch = {EPOCH} AND kind = ?2 AND seq > ?3 AND seq < ?4"
    ))?;
    let details = statement.query_map(params![stall, DAY_REOPENED, from, to], |r| {
        r.get::<_, String>(0)
    })?;
    for detail in details {
        if reopened_day(&detail?) == Some(day) {
            return Ok(true);
        }
    }
    Ok(false)
}
