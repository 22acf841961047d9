//! Many rows in one statement: a sale's lines, its ledger rows and its
//! payments each cost one INSERT however long the cart, not one per row.

use rusqlite::Transaction;
use rusqlite::types::Value;

use super::Result;

/// Rows per INSERT: well under SQLite's limits on values and variables.
const ROWS_PER_INSERT: usize = 100;

/// Inserts `rows` (each one value per column, in order) into `table`: one
/// statement per hundred rows, each cached by its shape.
pub(super) fn insert_rows(
    tx: &Transaction<'_>,
    table: &str,
    columns: &[&str],
    rows: impl IntoIterator<Item = Vec<Value>>,
) -> Result<()> {
    let rows: Vec<Vec<Value>> = rows.into_iter().collect();
    debug_assert!(rows.iter().all(|row| row.len() == columns.len()));
    let placeholders = format!("({})", vec!["?"; columns.len()].join(", "));
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {}",
            columns.join(", "),
            vec![placeholders.as_str(); chunk.len()].join(", ")
        );
        tx.prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(chunk.iter().flatten()))?;
    }
    Ok(())
}
