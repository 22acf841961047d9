//! A reinstalled stall PC has a new key. The office refuses its files until
//! the manager, with the office PIN, re-pins the stall: the next file signed
//! by a new key is then taken, its key pinned, and its records numbered as a
//! new epoch. Each re-pin is recorded and shown in `stalls`.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use time::OffsetDateTime;

use super::OfficeError;
use crate::clock;
use crate::store::Store;

/// A re-pin as the office recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repin {
    pub stall: String,
    pub requested_at: String,
    /// When a file with the new key arrived; `None` while it is awaited.
    pub done_at: Option<String>,
}

pub use super::error::RepinError;

/// Allows the next file from `code` to carry a new key. Needs the office's
/// manager PIN.
pub fn repin(
    store: &mut Store,
    code: &str,
    key_prefix: &str,
    pin: &str,
    now: OffsetDateTime,
) -> Result<Repin, OfficeError> {
    store.require_office()?;
    let key_prefix = key_prefix.trim().to_ascii_lowercase();
    if !(16..=64).contains(&key_prefix.len()) || !key_prefix.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return Err(OfficeError::Repin(RepinError::KeyPrefix(
            key_prefix.chars().take(70).collect(),
        )));
    }
    let old_key: Option<Vec<u8>> = store
        .connection()
        .query_row(
            "SELECT public_key FROM office_stalls WHERE code = ?1",
            [code],
            |r| r.get(0),
        )
        .optional()?;
    let Some(old_key) = old_key else {
        return Err(OfficeError::Repin(RepinError::UnknownStall(
            code.to_string(),
        )));
    };
    store.verify_pin(pin, now)?;
    let stamp = clock::stamp(now, store.offset());
    store.write(|tx| {
        crate::store::sequence::guard(tx, &stamp)?;
        // A new request replaces a pending one's expected key: the latest
        // word of the manager counts.
        let updated = tx.execute(
            "UPDATE office_repins SET expected_key = ?2, requested_at = ?3
             WHERE stall_code = ?1 AND done_at IS NULL",
            params![code, key_prefix, stamp],
        )?;
        if updated == 0 {
            tx.execute(
                "INSERT INTO office_repins (stall_code, requested_at, old_key, expected_key)
                 VALUES (?1, ?2, ?3, ?4)",
                params![code, stamp, old_key, key_prefix],
            )?;
        }
        Ok(())
    })?;
    Ok(Repin {
        stall: code.to_string(),
        requested_at: stamp,
        done_at: None,
    })
}

/// Every re-pin of a stall, oldest first.
pub fn repins_of(store: &Store, code: &str) -> Result<Vec<Repin>, OfficeError> {
    let mut statement = store.connection().prepare_cached(
        "SELECT requested_at, done_at FROM office_repins WHERE stall_code = ?1 ORDER BY rowid",
    )?;
    let rows = statement
        .query_map([code], |r| {
            Ok(Repin {
                stall: code.to_string(),
                requested_at: r.get(0)?,
                done_at: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
