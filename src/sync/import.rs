//! The office's import: each file opened and checked, then its records added
//! in one transaction, every record keyed by its UUID so nothing is counted
//! twice whatever the order or the overlap of the files.

use std::path::Path;

use rusqlite::{OptionalExtension, Transaction, params};
use time::OffsetDateTime;

use super::SyncError;
use super::file::{Rejection, open};
use super::folder::Budget;
pub use super::folder::{Found, MAX_FILE_BYTES, collect_files};
use super::format::ExportContent;
use crate::clock;
use crate::store::Store;

/// What importing one file did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportStats {
    pub stall: String,
    pub from: i64,
    pub to: i64,
    pub new_records: usize,
    pub known_records: usize,
}

/// A file read and checked, ready to be added.
pub struct Checked {
    content: ExportContent,
    key: [u8; 32],
    file_name: String,
}

/// Reads a file and checks everything about it that needs no book: the
/// envelope, length, checksum and signature. The costly part of an import,
/// and safe to do on another thread.
pub fn check_file(path: &Path) -> Result<Checked, SyncError> {
    check_found(&Found::named(path))
}

/// [`check_file`] for a file found by [`collect_files`]: refused entries stay
/// refused, and a file found in a folder is read only if it is a regular
/// file within [`MAX_FILE_BYTES`].
pub fn check_found(found: &Found) -> Result<Checked, SyncError> {
    let path = found.path.as_path();
    let bytes = super::folder::read(found)?;
    let (content, key) = open(&bytes).map_err(SyncError::Rejected)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Checked {
        content,
        key,
        file_name,
    })
}

/// Adds a checked file to the office book: all of it, or nothing.
pub fn add_checked(
    store: &mut Store,
    checked: &Checked,
    now: OffsetDateTime,
) -> Result<ImportStats, SyncError> {
    store.require_office()?;
    let stamp = clock::stamp(now, store.offset());
    store.write_with(|tx| {
        add(
            tx,
            &checked.content,
            &checked.key,
            &stamp,
            &checked.file_name,
        )
    })
}

/// Imports one file into the office book: all of it, or nothing.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    now: OffsetDateTime,
) -> Result<ImportStats, SyncError> {
    store.require_office()?;
    add_checked(store, &check_file(path)?, now)
}

/// Imports one found file (see [`collect_files`]): all of it, or nothing.
pub fn import_found(
    store: &mut Store,
    found: &Found,
    now: OffsetDateTime,
) -> Result<ImportStats, SyncError> {
    store.require_office()?;
    add_checked(store, &check_found(found)?, now)
}

/// Imports many files in order, checking the next files on a second thread
/// while this one writes, and reports each file's result as it is done. A
/// file refused does not stop the others; a failure of the book itself is
/// reported for its file and stops the import there.
///
/// Memory stays bounded: the files read but not yet added hold at most
/// [`MAX_FILE_BYTES`] of file bytes between them (a big file is read only
/// once the files before it are added), and at most 8 files are queued.
pub fn import_files(
    store: &mut Store,
    files: &[Found],
    now: OffsetDateTime,
    mut each: impl FnMut(&Path, Result<ImportStats, SyncError>),
) -> Result<(), SyncError> {
    store.require_office()?;
    let budget = Budget::new();
    let (sender, receiver) = std::sync::mpsc::sync_channel(8);
    let found = files.to_vec();
    let checker = {
        let budget = budget.clone();
        std::thread::spawn(move || {
            for file in found {
                let permit = budget.take(file.size_hint());
                let checked = check_found(&file);
                if sender.send((file, checked, permit)).is_err() {
                    break;
                }
            }
        })
    };
    while let Ok((file, checked, permit)) = receiver.recv() {
        let result = checked.and_then(|checked| add_checked(store, &checked, now));
        drop(permit);
        let stop = result.as_ref().is_err_and(|e| !e.is_about_the_file());
        each(&file.path, result);
        if stop {
            break;
        }
    }
    // Whatever is still queued is dropped with its permit, so the checker,
    // waiting for room or to send, finishes.
    drop(receiver);
    let _ = checker.join();
    Ok(())
}

fn add(
    tx: &Transaction<'_>,
    content: &ExportContent,
    key: &[u8; 32],
    stamp: &str,
    file_name: &str,
) -> Result<ImportStats, SyncError> {
    let stall = &content.stall;
    let pinned: Option<Vec<u8>> = tx
        .query_row(
            "SELECT public_key FROM office_stalls WHERE code = ?1",
            [&stall.code],
            |r| r.get(0),
        )
        .optional()?;
    match pinned {
        Some(pinned) if pinned != key => {
            return Err(SyncError::Rejected(Rejection::WrongKey(stall.code.clone())));
        }
        Some(_) => {
            tx.execute(
                "UPDATE office_stalls SET name = ?2, owner = ?3, regency = ?4, last_import = ?5 WHERE code = ?1",
                params![stall.code, stall.name, stall.owner, stall.regency, stamp],
            )?;
        }
        None => {
            // First sight of this stall: its key is pinned from now on.
            tx.execute(
                "INSERT INTO office_stalls (code, name, owner, regency, public_key, first_seen, last_import)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![stall.code, stall.name, stall.owner, stall.regency, key.to_vec(), stamp],
            )?;
        }
    }
    // A file already imported (same export id, same signed content) adds
    // nothing: say so without touching every record again.
    let seen_before: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM office_imports WHERE export_id = ?1)")?
        .query_row([&content.export_id], |r| r.get(0))?;
    if seen_before {
        return Ok(ImportStats {
            stall: stall.code.clone(),
            from: content.sequence.from,
            to: content.sequence.to,
            new_records: 0,
            known_records: content.record_count(),
        });
    }
    let mut new_records = 0;
    for sale in &content.sales {
        let added = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO office_sales (id, stall_code, seq, receipt, day, created_at, subtotal,
                    line_discounts, sale_discount, tax, total)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                sale.id,
                stall.code,
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
        if added == 0 {
            continue;
        }
        new_records += 1;
        for line in &sale.lines {
            tx.prepare_cached(
                "INSERT INTO office_sale_lines (sale_id, line_no, sku, name, category, unit, unit_price, quantity,
                    gross, line_discount, sale_discount_share, net)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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
                line.net
            ])?;
        }
        for (index, payment) in sale.payments.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO office_payments (sale_id, line_no, method, amount, tendered, reference)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                sale.id,
                index as i64 + 1,
                payment.method,
                payment.amount,
                payment.tendered,
                payment.reference
            ])?;
        }
    }
    for void in &content.voids {
        new_records += tx
            .prepare_cached(
                "INSERT OR IGNORE INTO office_voids (id, stall_code, seq, sale_id, day, created_at, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![void.id, stall.code, void.seq, void.sale_id, void.day, void.created_at, void.reason])?;
    }
    for record in &content.returns {
        let added = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO office_returns (id, stall_code, seq, sale_id, day, created_at, refund_method,
                    refund)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                record.id,
                stall.code,
                record.seq,
                record.sale_id,
                record.day,
                record.created_at,
                record.refund_method,
                record.refund
            ])?;
        if added == 0 {
            continue;
        }
        new_records += 1;
        for line in &record.lines {
            tx.prepare_cached(
                "INSERT INTO office_return_lines (return_id, line_no, quantity, amount) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![record.id, line.line_no, line.quantity_milli, line.amount])?;
        }
    }
    for close in &content.day_closes {
        new_records += tx
            .prepare_cached(
                "INSERT OR IGNORE INTO office_day_closes (id, stall_code, seq, day, created_at, opening_float,
                    cash_in, cash_out, expected, counted, difference, sales_count, net_total)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                close.id,
                stall.code,
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
                close.net_total
            ])?;
    }
    for (seq, day) in content.sequence_days() {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO office_seen (stall_code, seq, day) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![stall.code, seq, day])?;
    }
    let total = content.record_count();
    tx.execute(
        "INSERT OR IGNORE INTO office_imports (export_id, stall_code, imported_at, file_name, seq_from, seq_to,
            new_records, known_records)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            content.export_id,
            stall.code,
            stamp,
            file_name,
            content.sequence.from,
            content.sequence.to,
            new_records as i64,
            (total - new_records) as i64
        ],
    )?;
    Ok(ImportStats {
        stall: stall.code.clone(),
        from: content.sequence.from,
        to: content.sequence.to,
        new_records,
        known_records: total - new_records,
    })
}
