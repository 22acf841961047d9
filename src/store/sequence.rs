//! The stall's one gap-free sequence over the records that travel to the
//! office, and the clock check that goes with it: a record is never dated
//! before the book's latest record unless a manager accepted the clock.

use rusqlite::{OptionalExtension, Transaction};

use super::{Result, StoreError};
use crate::clock;

/// Takes the next number inside `tx` for a record made at `stamp`, refusing
/// a time before the book's latest record (a clock set back). A rolled-back
/// transaction gives its number back, so the sequence never has a hole.
pub fn next_at(tx: &Transaction<'_>, stamp: &str) -> Result<i64> {
    let latest = latest_at(tx)?;
    next_after(tx, stamp, latest.as_deref())
}

/// [`next_at`] for a caller that read the book's latest time already, in
/// this same transaction (a sale reads it with the day's state and receipt
/// number, in one statement).
pub fn next_after(tx: &Transaction<'_>, stamp: &str, latest: Option<&str>) -> Result<i64> {
    refuse_if_behind(stamp, latest)?;
    take(tx, stamp, latest)
}

/// Refuses a time before the book's latest record, and otherwise makes it
/// the latest: for writes that take no number (a day opened, the office's
/// imports, fee payments and re-pins), so no clock set back passes silently.
pub fn guard(tx: &Transaction<'_>, stamp: &str) -> Result<()> {
    let latest = latest_at(tx)?;
    refuse_if_behind(stamp, latest.as_deref())?;
    if is_later(stamp, latest.as_deref()) {
        tx.execute(
            "UPDATE record_sequence SET latest_at = ?1 WHERE id = 1",
            [stamp],
        )?;
    }
    Ok(())
}

/// Takes the next number for an event, which is recorded whatever the clock
/// says: a wrong PIN tried with the clock set back is exactly what the
/// manager must see.
pub fn next_for_event(tx: &Transaction<'_>, stamp: &str) -> Result<i64> {
    let latest = latest_at(tx)?;
    take(tx, stamp, latest.as_deref())
}

/// The last number taken (0 before the first record).
pub fn last(conn: &rusqlite::Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT last FROM record_sequence WHERE id = 1")?
        .query_row([], |row| row.get::<_, i64>(0))
        .optional()?
        .unwrap_or(0))
}

/// The one clock refusal: `stamp` earlier than the book's latest record.
fn refuse_if_behind(stamp: &str, latest: Option<&str>) -> Result<()> {
    match latest {
        Some(latest) if is_before(stamp, latest) => Err(StoreError::ClockBehind {
            now: stamp.to_string(),
            latest: latest.to_string(),
        }),
        _ => Ok(()),
    }
}

/// Whether `stamp` moves the book's latest time forward.
fn is_later(stamp: &str, latest: Option<&str>) -> bool {
    latest.is_none_or(|latest| is_before(latest, stamp))
}

/// Makes `stamp` the book's latest time, so records from now on are
/// measured against it (a clock set back, accepted by a manager).
pub fn accept_clock(tx: &Transaction<'_>, stamp: &str) -> Result<Option<String>> {
    let before = latest_at(tx)?;
    tx.execute(
        "UPDATE record_sequence SET latest_at = ?1 WHERE id = 1",
        [stamp],
    )?;
    Ok(before)
}

/// The time of the book's latest record, if any.
pub fn latest_at(tx: &Transaction<'_>) -> Result<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT latest_at FROM record_sequence WHERE id = 1")?
        .query_row([], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

/// Takes the next number, in the same statement moving the latest time
/// forward (never back) to `stamp`; `latest` is the time read before.
fn take(tx: &Transaction<'_>, stamp: &str, latest: Option<&str>) -> Result<i64> {
    Ok(tx
        .prepare_cached(
            "UPDATE record_sequence SET last = last + 1,
                 latest_at = CASE WHEN ?2 THEN ?1 ELSE latest_at END
             WHERE id = 1 RETURNING last",
        )?
        .query_row(rusqlite::params![stamp, is_later(stamp, latest)], |row| {
            row.get(0)
        })?)
}

/// Whether `a` is an earlier moment than `b` (both RFC 3339, any offsets).
fn is_before(a: &str, b: &str) -> bool {
    match (clock::parse_stamp(a), clock::parse_stamp(b)) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    }
}
