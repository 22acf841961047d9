//! Brings a book's schema up to date from `schema.sql`, one numbered section at
//! a time, keyed on `PRAGMA user_version`. Sections are only ever appended.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// The schema, as shipped.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// `PRAGMA application_id` of a Sentra book: "Sent" in ASCII.
pub const APPLICATION_ID: i32 = 0x5365_6E74;

/// The numbered sections of `schema.sql`, in order.
pub fn migrations() -> Vec<(u32, &'static str)> {
    let mut sections = Vec::new();
    let mut current: Option<(u32, usize)> = None;
    let mut offset = 0;
    for line in SCHEMA.split_inclusive('\n') {
        if let Some(number) = line.trim().strip_prefix("-- migration ") {
            if let Some((n, start)) = current {
                sections.push((n, &SCHEMA[start..offset]));
            }
            let n = number.trim().parse().expect("schema.sql: migration number");
            current = Some((n, offset + line.len()));
        }
        offset += line.len();
    }
    if let Some((n, start)) = current {
        sections.push((n, &SCHEMA[start..]));
    }
    sections
}

/// The newest schema version this program knows.
pub fn latest_version() -> u32 {
    migrations().last().map(|(n, _)| *n).unwrap_or(0)
}

/// Applies every pending section.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, latest_version())
}

/// Applies the pending sections up to `target` (tests use this to build an
/// old book). Runs in one exclusive transaction: a failed step leaves the book
/// as it was.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let current: u32 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let supported = latest_version();
    if current > supported {
        return Err(StoreError::TooNew {
            found: current,
            supported,
        });
    }
    let application_id: i32 = tx.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if current > 0 && application_id != APPLICATION_ID {
        return Err(StoreError::NotABook(conn_path(&tx)));
    }
    for (number, sql) in migrations() {
        if number > current && number <= target {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", number)?;
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

fn conn_path(conn: &Connection) -> std::path::PathBuf {
    conn.path().unwrap_or_default().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_numbered_in_order() {
        // Engineers reserve numbers in parallel: gaps are allowed, going
        // back or twice the same is not.
        let numbers: Vec<u32> = migrations().iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers.first(), Some(&1));
        assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    }

    #[test]
    fn migrating_twice_is_harmless() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
    }

    #[test]
    fn refuses_a_newer_book() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
        assert!(matches!(migrate(&mut conn), Err(StoreError::TooNew { .. })));
    }

    #[test]
    fn refuses_a_foreign_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
            .unwrap();
        assert!(matches!(migrate(&mut conn), Err(StoreError::NotABook(_))));
    }
}
