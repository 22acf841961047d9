//! Checks that wait for earlier numbers. A sale's price of its time and a
//! day close's agreement with its day are checked once the office holds
//! every number before them; a record admitted while some were missing (its
//! file came before an earlier one) is checked when the gap closes, by the
//! import that closes it: a stall cannot slip a record past a check by
//! sending its numbers out of order.

use rusqlite::{Transaction, params};

use crate::sync::SyncError;

const EPOCH: &str = "(SELECT epoch FROM office_stalls WHERE code = ?1)";

/// What waits: a sale's prices, or a day close's figures.
#[derive(Debug, Clone, Copy)]
pub(super) enum Later {
    Prices,
    Close,
}

impl Later {
    fn key(self) -> &'static str {
        match self {
            Later::Prices => "prices",
            Later::Close => "close",
        }
    }
}

/// Notes that a record's check waits for the numbers before it.
pub(super) fn defer(
    tx: &Transaction<'_>,
    stall: &str,
    later: Later,
    id: &str,
    seq: i64,
) -> Result<(), SyncError> {
    tx.prepare_cached(&format!(
        "INSERT OR IGNORE INTO office_deferred (stall_code, epoch, kind, record_id, seq)
         VALUES (?1, {EPOCH}, ?2, ?3, ?4)"
    ))?
    .execute(params![stall, later.key(), id, seq])?;
    Ok(())
}

/// Whether every number before `seq` is held: one run from 1 reaches it.
pub(super) fn all_before_held(
    tx: &Transaction<'_>,
    stall: &str,
    seq: i64,
) -> Result<bool, SyncError> {
    if seq <= 1 {
        return Ok(true);
    }
    let one_run: bool = tx
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM office_seen_runs
                WHERE stall_code = ?1 AND epoch = {EPOCH} AND first <= 1 AND last >= ?2)"
        ))?
        .query_row(params![stall, seq - 1], |r| r.get(0))?;
    if one_run {
        return Ok(true);
    }
    // A gap: held only if numbers a restore gave up fill it.
    let spans: Vec<(i64, i64)> = tx
        .prepare_cached(&format!(
            "SELECT first, last FROM office_seen_runs WHERE stall_code = ?1 AND epoch = {EPOCH} AND first < ?2
             UNION ALL
             SELECT first, last FROM office_given_up WHERE stall_code = ?1 AND epoch = {EPOCH} AND first < ?2
             ORDER BY 1"
        ))?
        .query_map(params![stall, seq], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(covered_below(&spans, seq))
}

/// Whether spans sorted by their first number cover every number from 1
/// to `seq - 1`.
fn covered_below(spans: &[(i64, i64)], seq: i64) -> bool {
    super::centre::holes(spans, 1, Some(seq - 1)).is_empty()
}

/// Runs every waiting check of the stall whose numbers before are all held
/// now; a record that fails refuses the import that let it be checked.
pub(super) fn recheck(tx: &Transaction<'_>, stall: &str) -> Result<(), SyncError> {
    let waiting: Vec<(String, String, i64)> = tx
        .prepare_cached(&format!(
            "SELECT kind, record_id, seq FROM office_deferred
             WHERE stall_code = ?1 AND epoch = {EPOCH} ORDER BY seq"
        ))?
        .query_map([stall], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, id, seq) in waiting {
        if !all_before_held(tx, stall, seq)? {
            continue;
        }
        tx.prepare_cached(
            "DELETE FROM office_deferred WHERE stall_code = ?1 AND kind = ?2 AND record_id = ?3",
        )?
        .execute(params![stall, kind, id])?;
        if kind == Later::Prices.key() {
            if let Some(sale) = super::trust_sales::load_sale(tx, stall, &id)? {
                super::trust_prices::check_sale_prices(tx, stall, &sale)?;
            }
        } else if let Some(close) = super::trust_closes::load_day_close(tx, stall, &id)? {
            super::trust_closes::check_close_against_records(tx, stall, &close)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::covered_below;

    #[test]
    fn spans_cover_what_runs_and_given_up_numbers_reach() {
        assert!(covered_below(&[(1, 3), (4, 4), (5, 9)], 10));
        assert!(covered_below(&[(1, 5), (2, 3), (6, 6)], 7));
        assert!(!covered_below(&[(1, 3), (5, 9)], 10));
        assert!(!covered_below(&[(2, 9)], 5));
        assert!(covered_below(&[], 1));
    }
}
