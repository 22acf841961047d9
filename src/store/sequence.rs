//! The stall's one gap-free sequence over the records that travel to the office.

use rusqlite::Transaction;

use super::Result;

/// Takes the next number inside `tx`. A rolled-back transaction gives its
/// number back, so the sequence never has a hole.
pub fn next(tx: &Transaction<'_>) -> Result<i64> {
    Ok(tx.query_row(
        "UPDATE record_sequence SET last = last + 1 WHERE id = 1 RETURNING last",
        [],
        |row| row.get(0),
    )?)
}
