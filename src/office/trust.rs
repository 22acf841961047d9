//! The office admits a signed file's records only if every one of them is
//! well formed (the rules of `domain::record_check`, shared with the stall)
//! and none of them collides with what another stall, or the same stall,
//! sent before. A stall's key proves who wrote a file, not that it is
//! honest: one stall must never be able to erase or claim another's sales.
//!
//! [`admit`] is the dispatcher of the pipeline's last steps (the file was
//! read and its seal verified by `import`): the content by itself, the
//! stall (its key, its prices), then one [`Checker`] per kind of record,
//! each in its own module (`trust_sales`, `trust_voids`, `trust_returns`,
//! `trust_consign`, `trust_kasbon`, `trust_closes`, `trust_events`), all
//! writing in the import's one transaction.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};
use time::Date;

use super::import::ImportStats;
use super::trust_closes::DayCloses;
use super::trust_consign::Consignment;
use super::trust_events::Events;
use super::trust_kasbon::{Expenses, Repayments};
use super::trust_returns::{EarlyReturns, Returns};
use super::trust_sales::Sales;
use super::trust_voids::Voids;
use crate::domain::record::SaleRecord;
use crate::domain::record_check::Context;
use crate::domain::struk_check::StrukKey;
use crate::sync::SyncError;
pub use crate::sync::content::key_prefix;
use crate::sync::content::{Refusal, check_content};
use crate::sync::format::{ExportContent, StallInfo};

/// The office's tables of records, each keyed by the record's id.
const RECORD_TABLES: [&str; 9] = [
    "office_sales",
    "office_voids",
    "office_returns",
    "office_day_closes",
    "office_events",
    "office_payouts",
    "office_repayments",
    "office_expenses",
    "office_prices",
];

/// One kind of record in a file: checked against the office's book, and
/// written when it is new. The pipeline runs them in [`CHECKERS`]' order
/// inside the import's one transaction; the first refusal rolls it all back.
pub(super) trait Checker {
    /// Checks and writes the file's records of this kind; how many were new.
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError>;
}

/// What the checkers share while one file is admitted.
pub(super) struct Admission<'a> {
    pub(super) tx: &'a Transaction<'a>,
    pub(super) content: &'a ExportContent,
    pub(super) stall: &'a str,
    pub(super) context: Context<'a>,
    /// The file's own sales, for its voids and returns.
    pub(super) sales_here: HashMap<&'a str, &'a SaleRecord>,
    /// Sales new in this file: their consigned lines and early returns are
    /// checked once every sale is in.
    pub(super) pending_sales: Vec<&'a str>,
}

/// Every kind of record, in the order they are admitted: sales before
/// what refers to them, closes after the day's records.
const CHECKERS: [&dyn Checker; 9] = [
    &Sales,
    &Voids,
    &Returns,
    &Consignment,
    &Repayments,
    &Expenses,
    &EarlyReturns,
    &DayCloses,
    &Events,
];

/// Adds the file's records after checking each against the book: all of
/// them, or (on the first refusal) nothing, since the caller's transaction
/// is rolled back. The pipeline: the file's content by itself, whether it
/// is held already, the stall's key and prices, then one checker per kind
/// of record, then the days it closes and the checks deferred until now.
pub fn admit(
    tx: &Transaction<'_>,
    content: &ExportContent,
    key: &[u8; 32],
    stamp: &str,
    file_name: &str,
    sha256: &str,
    today: Date,
) -> Result<ImportStats, SyncError> {
    check_content(content, today)?;
    if held_already(tx, content, sha256)? {
        return Ok(already_held(content));
    }
    let pinned_key = admit_stall(tx, content, key, stamp)?;
    let mut at = Admission {
        tx,
        content,
        stall: &content.stall.code,
        context: Context {
            stall: &content.stall.code,
            latest_day: today.next_day().unwrap_or(today),
        },
        sales_here: HashMap::new(),
        pending_sales: Vec::new(),
    };
    let mut new_records = 0;
    for checker in CHECKERS {
        new_records += checker.admit(&mut at)?;
    }
    super::trust_days::check_closed_days(tx, content)?;
    super::trust_later::recheck(tx, &content.stall.code)?;
    record_import(
        tx,
        content,
        stamp,
        file_name,
        sha256,
        new_records,
        pinned_key,
    )
}

/// The export id is the stall's own: the same id with other content is a
/// conflict; the very same file adds nothing. (Another stall's file with
/// the same id blocks nothing here: the pair is flagged once the stall is
/// known.)
fn held_already(
    tx: &Transaction<'_>,
    content: &ExportContent,
    sha256: &str,
) -> Result<bool, SyncError> {
    let held: Option<(String, Option<String>)> = tx
        .prepare_cached(
            "SELECT file_name, sha256 FROM office_imports WHERE export_id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![content.export_id, content.stall.code], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match held {
        Some((held_file, Some(held_sha))) if held_sha != sha256 => Err(Refusal::ExportChanged {
            export_id: content.export_id.clone(),
            held_file,
            held_sha,
            found_sha: sha256.to_string(),
        }
        .into()),
        Some((_, Some(_))) => Ok(true),
        // Imported before the office kept digests: check record by record.
        Some((_, None)) | None => Ok(false),
    }
}

/// The stall itself: its key pinned (or a re-pin honoured), its struk key
/// kept, its prices; the file's sequence numbers counted as held for the
/// checks that follow. Returns the key pinned now, if it was.
fn admit_stall(
    tx: &Transaction<'_>,
    content: &ExportContent,
    key: &[u8; 32],
    stamp: &str,
) -> Result<Option<String>, SyncError> {
    let stall = &content.stall;
    let pinned_key = pin_key(tx, stall, key, stamp)?;
    require_after_repin(tx, content)?;
    keep_struk_key(tx, stall)?;
    flag_if_shared(
        tx,
        "office_imports",
        "export_id",
        &content.export_id,
        &stall.code,
    )?;
    super::trust_prices::refuse_late_prices(tx, content)?;
    for (seq, day) in content.sequence_days() {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO office_seen (stall_code, epoch, seq, day)
             VALUES (?1, (SELECT epoch FROM office_stalls WHERE code = ?1), ?2, ?3)",
        )?
        .execute(params![stall.code, seq, day])?;
    }
    // Prices first: the file's sales are checked against them. (They are
    // not counted as records: they take no number.)
    super::trust_prices::admit_prices(tx, content)?;
    Ok(pinned_key)
}

/// The import itself, and what it added.
fn record_import(
    tx: &Transaction<'_>,
    content: &ExportContent,
    stamp: &str,
    file_name: &str,
    sha256: &str,
    new_records: usize,
    pinned_key: Option<String>,
) -> Result<ImportStats, SyncError> {
    let stall = &content.stall;
    let total = content.record_count();
    tx.execute(
        "INSERT OR IGNORE INTO office_imports (export_id, stall_code, imported_at, file_name, seq_from, seq_to,
            new_records, known_records, sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            content.export_id,
            stall.code,
            stamp,
            file_name,
            content.sequence.from,
            content.sequence.to,
            new_records as i64,
            (total - new_records) as i64,
            sha256
        ],
    )?;
    Ok(ImportStats {
        stall: stall.code.clone(),
        from: content.sequence.from,
        to: content.sequence.to,
        new_records,
        known_records: total - new_records,
        days: super::import::days_carried(content),
        export_id: content.export_id.clone(),
        file_sha256: String::new(),
        pinned_key,
        missing: missing_in_range(tx, &stall.code, content.sequence.from, content.sequence.to)?,
        restores: super::import::restores_carried(content),
    })
}

/// The numbers from `from` to `to` the office holds no record of (in the
/// stall's current numbering): a file carries every number of its range,
/// so a hole is a record its book no longer has.
fn missing_in_range(
    tx: &Transaction<'_>,
    stall: &str,
    from: i64,
    to: i64,
) -> Result<Vec<(i64, i64)>, SyncError> {
    let runs: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT first, last FROM office_seen_runs
             WHERE stall_code = ?1 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
               AND last >= ?2 AND first <= ?3 ORDER BY first",
        )?
        .query_map(params![stall, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(super::centre::holes(&runs, from, Some(to)))
}

/// After a re-pin, no record of the new key is of a day before the old
/// key's last: a reinstalled PC starts where the old one stopped.
fn require_after_repin(tx: &Transaction<'_>, content: &ExportContent) -> Result<(), SyncError> {
    let from: Option<String> = tx
        .prepare_cached("SELECT epoch_from_day FROM office_stalls WHERE code = ?1")?
        .query_row([&content.stall.code], |r| r.get(0))?;
    let Some(from) = from else {
        return Ok(());
    };
    match content
        .sequence_days()
        .find(|(_, day)| *day < from.as_str())
    {
        Some((seq, day)) => Err(Refusal::BeforeRepin {
            stall: content.stall.code.clone(),
            seq,
            day: day.to_string(),
            from,
        }
        .into()),
        None => Ok(()),
    }
}

/// Pins the stall's key at first sight, or takes a re-pinned stall's new
/// key; refuses any other key. Says the key's first digits when it was
/// pinned now, for the manager to compare with the stall's own screen.
fn pin_key(
    tx: &Transaction<'_>,
    stall: &StallInfo,
    key: &[u8; 32],
    stamp: &str,
) -> Result<Option<String>, SyncError> {
    refuse_key_of_other_stall(tx, stall, key)?;
    let pinned: Option<Vec<u8>> = tx
        .query_row(
            "SELECT public_key FROM office_stalls WHERE code = ?1",
            [&stall.code],
            |r| r.get(0),
        )
        .optional()?;
    match pinned {
        Some(pinned) if pinned != key => take_repinned_key(tx, stall, key, stamp).map(Some),
        Some(_) => {
            tx.execute(
                "UPDATE office_stalls SET name = ?2, owner = ?3, regency = ?4, last_import = ?5 WHERE code = ?1",
                params![stall.code, stall.name, stall.owner, stall.regency, stamp],
            )?;
            Ok(None)
        }
        None => {
            // First sight of this stall: its key is pinned from now on.
            tx.execute(
                "INSERT INTO office_stalls (code, name, owner, regency, public_key, first_seen, last_import)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![stall.code, stall.name, stall.owner, stall.regency, key.to_vec(), stamp],
            )?;
            Ok(Some(key_prefix(key)))
        }
    }
}

/// One key, one stall: a stall's key never signs for another code.
fn refuse_key_of_other_stall(
    tx: &Transaction<'_>,
    stall: &StallInfo,
    key: &[u8; 32],
) -> Result<(), SyncError> {
    let owner_of_key: Option<String> = tx
        .prepare_cached("SELECT code FROM office_stalls WHERE public_key = ?1 AND code <> ?2")?
        .query_row(params![key.to_vec(), stall.code], |r| r.get(0))
        .optional()?;
    if let Some(owner) = owner_of_key {
        return Err(Refusal::KeyOfOtherStall {
            prefix: key_prefix(key),
            owner,
            stall: stall.code.clone(),
        }
        .into());
    }
    Ok(())
}

/// A new key is taken only after the manager re-pinned the stall (a
/// reinstalled PC), and only the key whose first digits the manager named,
/// read from the reinstalled stall itself; its records are then a new epoch.
/// Returns the new key's first digits.
fn take_repinned_key(
    tx: &Transaction<'_>,
    stall: &StallInfo,
    key: &[u8; 32],
    stamp: &str,
) -> Result<String, SyncError> {
    let expected: Option<String> = tx
        .prepare_cached(
            "SELECT expected_key FROM office_repins WHERE stall_code = ?1 AND done_at IS NULL",
        )?
        .query_row([&stall.code], |r| r.get(0))
        .optional()?
        .flatten();
    let prefix = key_prefix(key);
    let hex = crate::sync::file::to_hex(key);
    if !expected.is_some_and(|e| hex.starts_with(&e.to_ascii_lowercase())) {
        return Err(Refusal::NewKey {
            stall: stall.code.clone(),
            prefix,
        }
        .into());
    }
    // A new PC starts after the old one's last sale: the new key's
    // records are of that day or later. (Sales, whose clock is
    // checked, not events, which keep whatever time the clock said.) (Re-signed old sales under a
    // new key would count every sale twice.)
    tx.execute(
        "UPDATE office_stalls SET public_key = ?2, name = ?3, owner = ?4, regency = ?5,
            last_import = ?6,
            epoch_from_day = (SELECT MAX(day) FROM office_sales
                              WHERE stall_code = ?1 AND epoch = office_stalls.epoch),
            epoch = epoch + 1
         WHERE code = ?1",
        params![
            stall.code,
            key.to_vec(),
            stall.name,
            stall.owner,
            stall.regency,
            stamp
        ],
    )?;
    tx.execute(
        "UPDATE office_repins SET new_key = ?2, done_at = ?3 WHERE stall_code = ?1 AND done_at IS NULL",
        params![stall.code, key.to_vec(), stamp],
    )?;
    Ok(prefix)
}

fn already_held(content: &ExportContent) -> ImportStats {
    ImportStats {
        stall: content.stall.code.clone(),
        from: content.sequence.from,
        to: content.sequence.to,
        new_records: 0,
        known_records: content.record_count(),
        days: super::import::days_carried(content),
        export_id: content.export_id.clone(),
        file_sha256: String::new(),
        pinned_key: None,
        missing: Vec::new(),
        restores: super::import::restores_carried(content),
    }
}

/// Whether a record is new to the office. A record already held is fine only
/// if it came from the same stall with the very same content. Ids are keyed
/// per stall: another stall's record under the same id blocks nothing, and
/// the pair is flagged for the manager.
pub(super) fn is_new(
    tx: &Transaction<'_>,
    table: &str,
    id: &str,
    stall: &str,
    label: &str,
    held_same: impl FnOnce() -> Result<Option<(bool, String)>, SyncError>,
    found: impl FnOnce() -> String,
) -> Result<bool, SyncError> {
    let held: bool = tx
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND stall_code = ?2)"
        ))?
        .query_row(params![id, stall], |r| r.get(0))?;
    if !held {
        // An id is one record's of the stall, whatever its kind.
        for other in RECORD_TABLES {
            if other == table {
                continue;
            }
            let own: bool = tx
                .prepare_cached(&format!(
                    "SELECT EXISTS (SELECT 1 FROM {other} WHERE id = ?1 AND stall_code = ?2)"
                ))?
                .query_row(params![id, stall], |r| r.get(0))?;
            if own {
                return Err(Refusal::Changed {
                    record: label.to_string(),
                    held: format!("catatan lain dengan id {id}"),
                    found: found(),
                }
                .into());
            }
        }
        for other in RECORD_TABLES {
            flag_if_shared(tx, other, "id", id, stall)?;
        }
        return Ok(true);
    }
    let (same, held) = held_same()?.unwrap_or((false, String::new()));
    if !same {
        return Err(Refusal::Changed {
            record: label.to_string(),
            held,
            found: found(),
        }
        .into());
    }
    Ok(false)
}

/// Notes that `stall` sent an id another stall sent first (in `table`,
/// whose `column` holds it). Nothing is refused: the desk shows the pair.
fn flag_if_shared(
    tx: &Transaction<'_>,
    table: &str,
    column: &str,
    id: &str,
    stall: &str,
) -> Result<(), SyncError> {
    let first: Option<String> = tx
        .prepare_cached(&format!(
            "SELECT stall_code FROM {table} WHERE {column} = ?1 AND stall_code <> ?2 LIMIT 1"
        ))?
        .query_row(params![id, stall], |r| r.get(0))
        .optional()?;
    if let Some(first) = first {
        let kind = table.trim_start_matches("office_");
        tx.prepare_cached(
            "INSERT OR IGNORE INTO office_shared_ids (id, stall_code, kind, first_stall, found_at)
             VALUES (?1, ?2, ?3, ?4, (SELECT last_import FROM office_stalls WHERE code = ?2))",
        )?
        .execute(params![id, stall, kind, first])?;
    }
    Ok(())
}

/// A stall's sequence number names one record: a new record under a number
/// already held for another id is an edited book.
pub(super) fn same_seq_elsewhere(
    tx: &Transaction<'_>,
    stall: &str,
    seq: i64,
    id: &str,
    label: &str,
) -> Result<(), SyncError> {
    let held: Option<String> = tx
        .prepare_cached(
            "SELECT id FROM office_sales WHERE stall_code = ?1 AND seq = ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
             UNION ALL SELECT id FROM office_voids WHERE stall_code = ?1 AND seq = ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
             UNION ALL SELECT id FROM office_returns WHERE stall_code = ?1 AND seq = ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
             UNION ALL SELECT id FROM office_day_closes WHERE stall_code = ?1 AND seq = ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
             UNION ALL SELECT id FROM office_events WHERE stall_code = ?1 AND seq = ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
             UNION ALL SELECT id FROM office_payouts WHERE stall_code = ?1 AND seq = ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
             UNION ALL SELECT id FROM office_repayments WHERE stall_code = ?1 AND seq = ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
             UNION ALL SELECT id FROM office_expenses WHERE stall_code = ?1 AND seq = ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
             LIMIT 1",
        )?
        .query_row(params![stall, seq], |r| r.get(0))
        .optional()?;
    match held {
        Some(held) if held != id => Err(Refusal::Changed {
            record: label.to_string(),
            held: format!("nomor urut {seq} adalah catatan {held}"),
            found: format!("nomor urut {seq} adalah catatan {id}"),
        }
        .into()),
        _ => Ok(()),
    }
}

/// The key of the stall's struk checks (a version-4 file carries it), kept
/// beside every earlier one: struks printed under a stall's older key (a
/// reinstalled PC has a new one) keep verifying.
fn keep_struk_key(tx: &Transaction<'_>, stall: &StallInfo) -> Result<(), SyncError> {
    let key = stall.struk_key.as_deref().and_then(StrukKey::from_hex);
    if let (Some(key), Some(since)) = (key, &stall.struk_keyed_since) {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO office_struk_keys (stall_code, struk_key, keyed_since) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![stall.code, key.as_bytes().to_vec(), since])?;
    }
    Ok(())
}
