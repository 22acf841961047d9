//! The office admits a signed file's records only if every one of them is
//! well formed (the rules of `domain::record_check`, shared with the stall)
//! and none of them collides with what another stall, or the same stall,
//! sent before. A stall's key proves who wrote a file, not that it is
//! honest: one stall must never be able to erase or claim another's sales.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};
use time::Date;

use super::import::ImportStats;
use crate::domain::record::{
    DayCloseRecord, EventRecord, PaymentRecord, ReturnLineRecord, ReturnRecord, SaleLineRecord,
    SaleRecord, VoidRecord,
};
use crate::domain::record_check::{self, Context, RecordRule};
use crate::domain::struk_check::StrukKey;
use crate::money::Rupiah;
use crate::sync::SyncError;
pub use crate::sync::content::key_prefix;
use crate::sync::content::{Refusal, check_content, refused, sale_label};
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
trait Checker {
    /// Checks and writes the file's records of this kind; how many were new.
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError>;
}

/// What the checkers share while one file is admitted.
struct Admission<'a> {
    tx: &'a Transaction<'a>,
    content: &'a ExportContent,
    stall: &'a str,
    context: Context<'a>,
    /// The file's own sales, for its voids and returns.
    sales_here: HashMap<&'a str, &'a SaleRecord>,
    /// Sales new in this file: their consigned lines and early returns are
    /// checked once every sale is in.
    pending_sales: Vec<&'a str>,
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
    })
}

/// Sales: new ones written, each checked against the prices held, its sequence number and receipt number its own; a void that came first is checked now.
struct Sales;

impl Checker for Sales {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for sale in &content.sales {
            at.sales_here.insert(sale.id.as_str(), sale);
            if !is_new(
                tx,
                "office_sales",
                &sale.id,
                stall,
                &sale_label(sale),
                || {
                    load_sale(tx, stall, &sale.id)
                        .map(|held| held.map(|h| (h.clone() == *sale, describe_sale(&h))))
                },
                || describe_sale(sale),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, sale.seq, &sale.id, &sale_label(sale))?;
            super::trust_prices::check_sale_prices(tx, stall, sale)?;
            // One receipt number, one sale: an edited book that renumbers a
            // sale under a new id is a conflict, not a second sale.
            let other: Option<String> = tx
            .prepare_cached(
                "SELECT id FROM office_sales WHERE stall_code = ?1 AND receipt = ?2 AND id <> ?3
                 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)",
            )?
            .query_row(params![stall, sale.receipt, sale.id], |r| r.get(0))
            .optional()?;
            if let Some(other) = other {
                return Err(Refusal::Changed {
                    record: sale_label(sale),
                    held: format!("nota {} dengan id {other}", sale.receipt),
                    found: format!("nota yang sama dengan id {}", sale.id),
                }
                .into());
            }
            insert_sale(tx, stall, sale)?;
            new += 1;
            at.pending_sales.push(sale.id.as_str());
            // A void that arrived before its sale is checked against it now.
            for void in load_voids_of(tx, stall, &sale.id)? {
                record_check::check_void_of(&void, sale)
                    .map_err(refused(format!("pembatalan {}", void.id)))?;
            }
        }
        Ok(new)
    }
}

/// Voids: of a sale of this stall, once, not after its returns.
struct Voids;

impl Checker for Voids {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for void in &content.voids {
            let label = format!("pembatalan {}", void.id);
            if !is_new(
                tx,
                "office_voids",
                &void.id,
                stall,
                &label,
                || {
                    load_void(tx, stall, &void.id)
                        .map(|held| held.map(|h| (h == *void, describe_void(&h))))
                },
                || describe_void(void),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, void.seq, &void.id, &label)?;
            require_own_sale(tx, stall, &void.sale_id, void.seq, &at.sales_here, &label)?;
            check_void_and_returns(tx, stall, &void.sale_id, Some(void), &label)?;
            let voided: bool = tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM office_voids WHERE sale_id = ?1 AND stall_code = ?2)",
            )?
            .query_row(params![void.sale_id, stall], |r| r.get(0))?;
            if voided {
                return Err(Refusal::AlreadyVoided {
                    record: label,
                    sale_id: void.sale_id.clone(),
                }
                .into());
            }
            tx.prepare_cached(
            "INSERT INTO office_voids (id, stall_code, seq, sale_id, day, created_at, reason, epoch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT epoch FROM office_stalls WHERE code = ?2))",
        )?
        .execute(params![
            void.id,
            stall,
            void.seq,
            void.sale_id,
            void.day,
            void.created_at,
            void.reason
        ])?;
            new += 1;
        }
        Ok(new)
    }
}

/// Returns: of a sale of this stall, checked against it now or when it arrives.
struct Returns;

impl Checker for Returns {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for record in &content.returns {
            let label = format!("retur {}", record.id);
            if !is_new(
                tx,
                "office_returns",
                &record.id,
                stall,
                &label,
                || {
                    load_return(tx, stall, &record.id)
                        .map(|held| held.map(|h| (h == *record, describe_return(&h))))
                },
                || describe_return(record),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, record.seq, &record.id, &label)?;
            require_own_sale(
                tx,
                stall,
                &record.sale_id,
                record.seq,
                &at.sales_here,
                &label,
            )?;
            check_void_and_returns(tx, stall, &record.sale_id, None, &label)?;
            insert_return(tx, stall, record)?;
            // Checked against its sale now, or when the sale arrives.
            check_returns_of(tx, stall, &record.sale_id, &at.context)?;
            new += 1;
        }
        Ok(new)
    }
}

/// Titip jual: the stall's producers, what its new sales owe them, the
/// payouts to them.
struct Consignment;

impl Checker for Consignment {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        super::trust_consign::admit_producers(at.tx, at.content)?;
        super::trust_consign::admit_consigned_lines(at.tx, at.content, &at.pending_sales)?;
        super::trust_consign::admit_payouts(at.tx, at.content)
    }
}

/// Kasbon repayments.
struct Repayments;

impl Checker for Repayments {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        super::trust_kasbon::admit_repayments(at.tx, at.content)
    }
}

/// Expenses.
struct Expenses;

impl Checker for Expenses {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        super::trust_kasbon::admit_expenses(at.tx, at.content)
    }
}

/// Returns that arrived before their sale (files imported out of order),
/// checked now that the sale is in. Adds no record.
struct EarlyReturns;

impl Checker for EarlyReturns {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        for sale_id in &at.pending_sales {
            check_returns_of(at.tx, at.stall, sale_id, &at.context)?;
        }
        Ok(0)
    }
}

/// Tutup kasir: each agreeing with the day's records held.
struct DayCloses;

impl Checker for DayCloses {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for close in &content.day_closes {
            let label = format!("tutup kasir {} ({})", close.day, close.id);
            if !is_new(
                tx,
                "office_day_closes",
                &close.id,
                stall,
                &label,
                || {
                    load_day_close(tx, stall, &close.id)
                        .map(|held| held.map(|h| (h == *close, describe_close(&h))))
                },
                || describe_close(close),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, close.seq, &close.id, &label)?;
            insert_day_close(tx, stall, close)?;
            check_close_against_records(tx, stall, close)?;
            new += 1;
        }
        Ok(new)
    }
}

/// Events (PIN used, day reopened, clock accepted): a reopen only after a close.
struct Events;

impl Checker for Events {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for event in &content.events {
            let label = format!("kejadian {} ({})", event.kind, event.id);
            if !is_new(
                tx,
                "office_events",
                &event.id,
                stall,
                &label,
                || {
                    load_event(tx, stall, &event.id)
                        .map(|held| held.map(|h| (h == *event, describe_event(&h))))
                },
                || describe_event(event),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, event.seq, &event.id, &label)?;
            reopened_after_a_close(tx, stall, event, &label)?;
            tx.prepare_cached(
            "INSERT INTO office_events (id, stall_code, seq, day, created_at, kind, detail, epoch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT epoch FROM office_stalls WHERE code = ?2))",
        )?
        .execute(params![
            event.id,
            stall,
            event.seq,
            event.day,
            event.created_at,
            event.kind,
            event.detail
        ])?;
            new += 1;
        }
        Ok(new)
    }
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
    // One key, one stall: a stall's key never signs for another code.
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
    let pinned: Option<Vec<u8>> = tx
        .query_row(
            "SELECT public_key FROM office_stalls WHERE code = ?1",
            [&stall.code],
            |r| r.get(0),
        )
        .optional()?;
    match pinned {
        Some(pinned) if pinned != key => {
            // A new key is taken only after the manager re-pinned the stall
            // (a reinstalled PC); its records are then a new epoch.
            // The manager named the new key's first digits, read from the
            // reinstalled stall itself: only that key is taken.
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
            Ok(Some(prefix))
        }
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

/// Voids and returns apply only to the same stall's sales, in this file or
/// already held. A sale not held yet is accepted as on its way only while
/// some of the stall's earlier numbers are missing: when every number before
/// the void or return is held and the sale is not among them, it does not
/// exist.
fn require_own_sale(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
    seq: i64,
    here: &HashMap<&str, &SaleRecord>,
    label: &str,
) -> Result<(), SyncError> {
    if here.contains_key(sale_id) {
        return Ok(());
    }
    let own: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_sales WHERE id = ?1 AND stall_code = ?2)",
        )?
        .query_row(params![sale_id, stall], |r| r.get(0))?;
    if own {
        return Ok(());
    }
    // Not held for this stall: on its way while earlier numbers are missing.
    // Another stall holding the same id changes nothing for this one.
    let earlier_held: i64 = tx
        .prepare_cached(
            "SELECT COUNT(*) FROM office_seen WHERE stall_code = ?1 AND seq < ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)",
        )?
        .query_row(params![stall, seq], |r| r.get(0))?;
    if earlier_held < seq - 1 {
        return Ok(());
    }
    let other: Option<String> = tx
        .prepare_cached(
            "SELECT stall_code FROM office_sales WHERE id = ?1 AND stall_code <> ?2 LIMIT 1",
        )?
        .query_row(params![sale_id, stall], |r| r.get(0))
        .optional()?;
    Err(match other {
        Some(owner) => Refusal::ForeignSale {
            record: label.to_string(),
            sale_id: sale_id.to_string(),
            owner,
            stall: stall.to_string(),
        },
        None => Refusal::UnknownSale {
            record: label.to_string(),
            sale_id: sale_id.to_string(),
            stall: stall.to_string(),
        },
    }
    .into())
}

/// A sale is either voided or returned (in part), never both: the till
/// refuses to void a returned sale and to take back a voided one. With
/// `void` given, the void is checked against its sale if the sale is held.
fn check_void_and_returns(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
    void: Option<&VoidRecord>,
    label: &str,
) -> Result<(), SyncError> {
    let (voided, returned): (bool, bool) = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_voids WHERE sale_id = ?1 AND stall_code = ?2),
                    EXISTS (SELECT 1 FROM office_returns WHERE sale_id = ?1 AND stall_code = ?2)",
        )?
        .query_row(params![sale_id, stall], |r| Ok((r.get(0)?, r.get(1)?)))?;
    match void {
        Some(void) => {
            if returned {
                return Err(Refusal::VoidAfterReturn {
                    record: label.to_string(),
                    sale_id: sale_id.to_string(),
                }
                .into());
            }
            if let Some(sale) = load_sale(tx, stall, sale_id)? {
                record_check::check_void_of(void, &sale).map_err(refused(label.to_string()))?;
            }
        }
        None if voided => {
            return Err(Refusal::ReturnOfVoided {
                record: label.to_string(),
                sale_id: sale_id.to_string(),
            }
            .into());
        }
        None => {}
    }
    Ok(())
}

fn load_voids_of(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
) -> Result<Vec<VoidRecord>, SyncError> {
    let ids: Vec<String> = tx
        .prepare_cached("SELECT id FROM office_voids WHERE sale_id = ?1 AND stall_code = ?2")?
        .query_map(params![sale_id, stall], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut voids = Vec::with_capacity(ids.len());
    for id in ids {
        voids.extend(load_void(tx, stall, &id)?);
    }
    Ok(voids)
}

/// A day close whose every earlier record is held must agree with them: the
/// number of the day's standing sales and their total, as they stood when
/// the day was closed (records numbered before the close).
pub(super) fn check_close_against_records(
    tx: &Transaction<'_>,
    stall: &str,
    close: &DayCloseRecord,
) -> Result<(), SyncError> {
    let held_before: i64 = tx
        .prepare_cached(
            "SELECT COUNT(*) FROM office_seen WHERE stall_code = ?1 AND seq < ?2
                 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)",
        )?
        .query_row(params![stall, close.seq], |r| r.get(0))?;
    if held_before < close.seq - 1 {
        // Some earlier record is still on its way: compared when it comes.
        return super::trust_later::defer(
            tx,
            stall,
            super::trust_later::Later::Close,
            &close.id,
            close.seq,
        );
    }
    let (count, net): (i64, i64) = tx
        .prepare_cached(
            "SELECT COUNT(*), COALESCE(SUM(s.total), 0) FROM office_sales s
             WHERE s.stall_code = ?1 AND s.day = ?2 AND +s.seq < ?3
               AND s.epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
               AND NOT EXISTS (SELECT 1 FROM office_voids v WHERE v.sale_id = s.id
                               AND v.stall_code = s.stall_code AND +v.seq < ?3)",
        )?
        .query_row(params![stall, close.day, close.seq], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let flows = cash_flows_before(tx, stall, close)?;
    for (field, found, expected) in [
        ("jumlah nota", close.sales_count, count),
        ("neto", close.net_total, net),
        ("tunai masuk", close.cash_in, flows[0]),
        ("tunai keluar (retur)", close.cash_out, flows[1]),
        ("bayar penitip tunai", close.producer_payouts, flows[2]),
        ("cicilan kasbon tunai", close.kasbon_repayments, flows[3]),
        ("pengeluaran laci", close.drawer_expenses, flows[4]),
    ] {
        if found != expected {
            return Err(Refusal::CloseDoesNotMatch {
                day: close.day.clone(),
                field,
                found,
                expected,
            }
            .into());
        }
    }
    Ok(())
}

/// The drawer's movements of the close's day as the stall's records before
/// the close make them, the way the till counted them: cash taken on the
/// standing sales, cash given back on returns, cash paid to producers, cash
/// kasbon repayments, expenses from the drawer.
fn cash_flows_before(
    tx: &Transaction<'_>,
    stall: &str,
    close: &DayCloseRecord,
) -> Result<[i64; 5], SyncError> {
    // `+seq` keeps SQLite on the (day, stall) indexes: a range over the
    // stall's numbers would read every earlier record, close after close.
    const EPOCH: &str = "(SELECT epoch FROM office_stalls WHERE code = ?1)";
    let sql = format!(
        "SELECT
            (SELECT COALESCE(SUM(p.amount), 0) FROM office_payments p
               JOIN office_sales s ON s.id = p.sale_id AND s.stall_code = p.stall_code
              WHERE s.stall_code = ?1 AND s.day = ?2 AND +s.seq < ?3 AND s.epoch = {EPOCH}
                AND p.method = 'cash'
                AND NOT EXISTS (SELECT 1 FROM office_voids v WHERE v.sale_id = s.id
                                AND v.stall_code = s.stall_code AND +v.seq < ?3)),
            (SELECT COALESCE(SUM(refund), 0) FROM office_returns WHERE stall_code = ?1
                AND day = ?2 AND +seq < ?3 AND epoch = {EPOCH} AND refund_method = 'cash'),
            (SELECT COALESCE(SUM(amount), 0) FROM office_payouts WHERE stall_code = ?1
                AND day = ?2 AND +seq < ?3 AND epoch = {EPOCH} AND method = 'cash'),
            (SELECT COALESCE(SUM(amount), 0) FROM office_repayments WHERE stall_code = ?1
                AND day = ?2 AND +seq < ?3 AND epoch = {EPOCH} AND method = 'cash'),
            (SELECT COALESCE(SUM(amount), 0) FROM office_expenses WHERE stall_code = ?1
                AND day = ?2 AND +seq < ?3 AND epoch = {EPOCH} AND from_drawer = 1)"
    );
    Ok(tx
        .prepare_cached(&sql)?
        .query_row(params![stall, close.day, close.seq], |r| {
            Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
        })?)
}

/// Checks every held return of a sale against it, in the stall's order, once
/// the sale is held.
fn check_returns_of(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
    context: &Context,
) -> Result<(), SyncError> {
    let Some(sale) = load_sale(tx, stall, sale_id)? else {
        return Ok(());
    };
    let returns = returns_of(tx, sale_id, stall)?;
    for (index, record) in returns.iter().enumerate() {
        let earlier: Vec<&ReturnRecord> = returns[..index].iter().collect();
        record_check::check_return(record, &sale, &earlier, context)
            .map_err(refused(format!("retur {}", record.id)))?;
    }
    Ok(())
}

fn describe_sale(sale: &SaleRecord) -> String {
    // Enough of the sale that two copies which differ show where.
    let lines: Vec<String> = sale
        .lines
        .iter()
        .map(|l| {
            let quantity = crate::money::Quantity::from_milli(l.quantity_milli);
            format!("{} {quantity}×{}", l.sku, Rupiah::new(l.unit_price))
        })
        .collect();
    let payments: Vec<String> = sale
        .payments
        .iter()
        .map(|p| format!("{} {}", p.method, Rupiah::new(p.amount)))
        .collect();
    format!(
        "nota {} {}, total {} [{}; {}]",
        sale.receipt,
        sale.created_at,
        Rupiah::new(sale.total),
        lines.join(", "),
        payments.join(", ")
    )
}

fn describe_void(void: &VoidRecord) -> String {
    format!("batal penjualan {} tanggal {}", void.sale_id, void.day)
}

fn describe_return(record: &ReturnRecord) -> String {
    format!(
        "retur penjualan {} tanggal {}, uang kembali {}",
        record.sale_id,
        record.day,
        Rupiah::new(record.refund)
    )
}

/// A reopen is of a day the stall closed before it (the close in this file
/// or held from an earlier one): a reopen of a day never closed is forged.
fn reopened_after_a_close(
    tx: &Transaction<'_>,
    stall: &str,
    event: &EventRecord,
    label: &str,
) -> Result<(), SyncError> {
    if event.kind != crate::domain::day_close::DAY_REOPENED {
        return Ok(());
    }
    let day = crate::domain::day_close::reopened_day(&event.detail).unwrap_or_default();
    let closed: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_day_closes WHERE stall_code = ?1 AND day = ?2 AND seq < ?3
                              AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1))",
        )?
        .query_row(params![stall, day, event.seq], |r| r.get(0))?;
    if closed {
        return Ok(());
    }
    Err(Refusal::Record {
        record: label.to_string(),
        rule: RecordRule::ReopenWithoutClose(day.to_string()),
    }
    .into())
}

fn describe_event(event: &EventRecord) -> String {
    format!("{} {}: {}", event.kind, event.created_at, event.detail)
}

fn load_event(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<EventRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, day, created_at, kind, detail FROM office_events WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(EventRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                kind: r.get(3)?,
                detail: r.get(4)?,
            })
        })
        .optional()?)
}

fn describe_close(close: &DayCloseRecord) -> String {
    format!(
        "tutup kasir {}: dihitung {}, selisih {}",
        close.day,
        Rupiah::new(close.counted),
        Rupiah::new(close.difference)
    )
}

fn insert_sale(tx: &Transaction<'_>, stall: &str, sale: &SaleRecord) -> Result<(), SyncError> {
    tx.prepare_cached(
        "INSERT INTO office_sales (id, stall_code, seq, receipt, day, created_at, subtotal,
            line_discounts, sale_discount, tax, total, epoch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, (SELECT epoch FROM office_stalls WHERE code = ?2))",
    )?
    .execute(params![
        sale.id,
        stall,
        sale.seq,
        sale.receipt,
        sale.day,
        sale.created_at,
        sale.subtotal,
        sale.line_discounts,
        sale.sale_discount,
        sale.tax,
        sale.total
    ])?;
    for line in &sale.lines {
        tx.prepare_cached(
            "INSERT INTO office_sale_lines (sale_id, line_no, sku, name, category, unit, unit_price, quantity,
                gross, line_discount, sale_discount_share, net, stall_code)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            sale.id,
            line.line_no,
            line.sku,
            line.name,
            line.category,
            line.unit,
            line.unit_price,
            line.quantity_milli,
            line.gross,
            line.line_discount,
            line.sale_discount_share,
            line.net,
            stall
        ])?;
    }
    for (index, payment) in sale.payments.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO office_payments (sale_id, line_no, method, amount, tendered, reference, customer,
                stall_code)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            sale.id,
            index as i64 + 1,
            payment.method,
            payment.amount,
            payment.tendered,
            payment.reference,
            payment.customer,
            stall
        ])?;
    }
    Ok(())
}

fn insert_return(
    tx: &Transaction<'_>,
    stall: &str,
    record: &ReturnRecord,
) -> Result<(), SyncError> {
    tx.prepare_cached(
        "INSERT INTO office_returns (id, stall_code, seq, sale_id, day, created_at, refund_method, refund,
            epoch, kasbon_refund)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (SELECT epoch FROM office_stalls WHERE code = ?2), ?9)",
    )?
    .execute(params![
        record.id,
        stall,
        record.seq,
        record.sale_id,
        record.day,
        record.created_at,
        record.refund_method,
        record.refund,
        record.kasbon_refund
    ])?;
    for line in &record.lines {
        tx.prepare_cached(
            "INSERT INTO office_return_lines (return_id, stall_code, line_no, quantity, amount)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            record.id,
            stall,
            line.line_no,
            line.quantity_milli,
            line.amount
        ])?;
    }
    Ok(())
}

fn insert_day_close(
    tx: &Transaction<'_>,
    stall: &str,
    close: &DayCloseRecord,
) -> Result<(), SyncError> {
    tx.prepare_cached(
        "INSERT INTO office_day_closes (id, stall_code, seq, day, created_at, opening_float,
            cash_in, cash_out, expected, counted, difference, sales_count, net_total, epoch, producer_payouts,
            kasbon_repayments, drawer_expenses, books_out)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, (SELECT epoch FROM office_stalls WHERE code = ?2),
                 ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        close.id,
        stall,
        close.seq,
        close.day,
        close.created_at,
        close.opening_float,
        close.cash_in,
        close.cash_out,
        close.expected,
        close.counted,
        close.difference,
        close.sales_count,
        close.net_total,
        close.producer_payouts,
        close.kasbon_repayments,
        close.drawer_expenses,
        close.books_out
    ])?;
    Ok(())
}

/// A sale as the office holds it, in the form it travelled.
pub fn load_sale(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<SaleRecord>, SyncError> {
    let head = tx
        .prepare_cached(
            "SELECT seq, receipt, day, created_at, subtotal, line_discounts, sale_discount, tax, total
             FROM office_sales WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(SaleRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                receipt: r.get(1)?,
                day: r.get(2)?,
                created_at: r.get(3)?,
                subtotal: r.get(4)?,
                line_discounts: r.get(5)?,
                sale_discount: r.get(6)?,
                tax: r.get(7)?,
                total: r.get(8)?,
                lines: Vec::new(),
                payments: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut sale) = head else {
        return Ok(None);
    };
    let mut lines = tx.prepare_cached(
        "SELECT line_no, sku, name, category, unit, unit_price, quantity, gross, line_discount,
                sale_discount_share, net
         FROM office_sale_lines WHERE sale_id = ?1 AND stall_code = ?2 ORDER BY line_no",
    )?;
    sale.lines = lines
        .query_map(params![id, stall], |r| {
            Ok(SaleLineRecord {
                line_no: r.get(0)?,
                sku: r.get(1)?,
                name: r.get(2)?,
                category: r.get(3)?,
                unit: r.get(4)?,
                unit_price: r.get(5)?,
                quantity_milli: r.get(6)?,
                gross: r.get(7)?,
                line_discount: r.get(8)?,
                sale_discount_share: r.get(9)?,
                net: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut payments = tx.prepare_cached(
        "SELECT method, amount, tendered, reference, customer FROM office_payments WHERE sale_id = ?1
         AND stall_code = ?2 ORDER BY line_no",
    )?;
    sale.payments = payments
        .query_map(params![id, stall], |r| {
            Ok(PaymentRecord {
                method: r.get(0)?,
                amount: r.get(1)?,
                tendered: r.get(2)?,
                reference: r.get(3)?,
                customer: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(sale))
}

fn load_void(tx: &Transaction<'_>, stall: &str, id: &str) -> Result<Option<VoidRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, sale_id, day, created_at, reason FROM office_voids WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(VoidRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                sale_id: r.get(1)?,
                day: r.get(2)?,
                created_at: r.get(3)?,
                reason: r.get(4)?,
            })
        })
        .optional()?)
}

fn return_lines(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Vec<ReturnLineRecord>, SyncError> {
    let mut statement = tx.prepare_cached(
        "SELECT line_no, quantity, amount FROM office_return_lines WHERE return_id = ?1 AND stall_code = ?2 ORDER BY line_no",
    )?;
    Ok(statement
        .query_map(params![id, stall], |r| {
            Ok(ReturnLineRecord {
                line_no: r.get(0)?,
                quantity_milli: r.get(1)?,
                amount: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn load_return(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<ReturnRecord>, SyncError> {
    let head = tx
        .prepare_cached(
            "SELECT seq, sale_id, day, created_at, refund_method, refund, kasbon_refund FROM office_returns
             WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(ReturnRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                sale_id: r.get(1)?,
                day: r.get(2)?,
                created_at: r.get(3)?,
                refund_method: r.get(4)?,
                refund: r.get(5)?,
                kasbon_refund: r.get(6)?,
                lines: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut record) = head else {
        return Ok(None);
    };
    record.lines = return_lines(tx, stall, id)?;
    Ok(Some(record))
}

/// The returns already held against a sale, in the stall's order.
fn returns_of(
    tx: &Transaction<'_>,
    sale_id: &str,
    stall: &str,
) -> Result<Vec<ReturnRecord>, SyncError> {
    let ids: Vec<String> = tx
        .prepare_cached(
            "SELECT id FROM office_returns WHERE sale_id = ?1 AND stall_code = ?2 ORDER BY seq",
        )?
        .query_map(params![sale_id, stall], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut records = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(record) = load_return(tx, stall, &id)? {
            records.push(record);
        }
    }
    Ok(records)
}

pub(super) fn load_day_close(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<DayCloseRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, day, created_at, opening_float, cash_in, cash_out, expected, counted, difference,
                    sales_count, net_total, producer_payouts, kasbon_repayments, drawer_expenses,
                    books_out
             FROM office_day_closes WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(DayCloseRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                opening_float: r.get(3)?,
                cash_in: r.get(4)?,
                cash_out: r.get(5)?,
                expected: r.get(6)?,
                counted: r.get(7)?,
                difference: r.get(8)?,
                sales_count: r.get(9)?,
                net_total: r.get(10)?,
                producer_payouts: r.get(11)?,
                kasbon_repayments: r.get(12)?,
                drawer_expenses: r.get(13)?,
                books_out: r.get(14)?,
            })
        })
        .optional()?)
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
