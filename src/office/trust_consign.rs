//! The office's rules for titip jual (export format version 2): the stall's
//! producers, what its consigned lines owe, and its payouts. Like every
//! other record they are checked before anything is written, and a record
//! already held with other content is a conflict.

use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, Transaction, params};

use super::trust::{Admission, Checker, is_new, same_seq_elsewhere};
use crate::domain::record::{ConsignedLineRecord, PayoutRecord};
use crate::domain::record_check::RecordRule;
use crate::money::Rupiah;
use crate::sync::SyncError;
use crate::sync::content::{Refusal, consigned_label, payout_label, refused};
use crate::sync::format::ExportContent;

fn producer_known(tx: &Transaction<'_>, stall: &str, code: &str) -> Result<bool, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_producers WHERE stall_code = ?1 AND code = ?2)",
        )?
        .query_row(params![stall, code], |r| r.get(0))?)
}

/// Takes the file's description of the stall's producers; a later file's
/// description wins over an earlier one's, whatever order they arrive in.
fn admit_producers(tx: &Transaction<'_>, content: &ExportContent) -> Result<(), SyncError> {
    for producer in &content.producers {
        tx.prepare_cached(
            "INSERT INTO office_producers (stall_code, code, name, regency, nib, seen_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (stall_code, code) DO UPDATE SET name = excluded.name,
                 regency = excluded.regency, nib = excluded.nib, seen_at = excluded.seen_at
             WHERE excluded.seen_at >= office_producers.seen_at",
        )?
        .execute(params![
            content.stall.code,
            producer.code,
            producer.name,
            producer.regency,
            producer.nib,
            content.created_at
        ])?;
        // The first stall to name a NIB owns it; another's stays its own.
        if let Some(nib) = &producer.nib {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO office_nib_owners (nib, stall_code, first_seen)
                 VALUES (?1, ?2, (SELECT last_import FROM office_stalls WHERE code = ?2))",
            )?
            .execute(params![nib, content.stall.code])?;
        }
    }
    Ok(())
}

fn held_lines(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
) -> Result<Vec<ConsignedLineRecord>, SyncError> {
    let mut statement = tx.prepare_cached(
        "SELECT line_no, producer, basis, rate, owed FROM office_consigned_lines
         WHERE sale_id = ?1 AND stall_code = ?2 ORDER BY line_no",
    )?;
    let rows = statement.query_map(params![sale_id, stall], |r| {
        Ok(ConsignedLineRecord {
            sale_id: sale_id.to_string(),
            line_no: r.get(0)?,
            producer: r.get(1)?,
            basis: r.get(2)?,
            rate: r.get(3)?,
            owed: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn describe_lines(lines: &[&ConsignedLineRecord]) -> String {
    if lines.is_empty() {
        return "tanpa titipan".into();
    }
    lines
        .iter()
        .map(|l| {
            format!(
                "baris {} penitip {} utang {}",
                l.line_no,
                l.producer,
                Rupiah::new(l.owed)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Adds what the file's new sales owe their producers; for a sale already
/// held, what it owes must be exactly what the office holds.
fn admit_consigned_lines(
    tx: &Transaction<'_>,
    content: &ExportContent,
    new_sales: &[&str],
) -> Result<(), SyncError> {
    let stall = &content.stall.code;
    let mut by_sale: HashMap<&str, Vec<&ConsignedLineRecord>> = HashMap::new();
    for line in &content.consigned_lines {
        by_sale.entry(line.sale_id.as_str()).or_default().push(line);
    }
    for lines in by_sale.values_mut() {
        lines.sort_by_key(|l| l.line_no);
    }
    let new_sales: HashSet<&str> = new_sales.iter().copied().collect();
    for sale in &content.sales {
        let found = by_sale.get(sale.id.as_str()).cloned().unwrap_or_default();
        if !new_sales.contains(sale.id.as_str()) {
            let held = held_lines(tx, stall, &sale.id)?;
            let held_refs: Vec<&ConsignedLineRecord> = held.iter().collect();
            if held_refs != found {
                return Err(Refusal::Changed {
                    record: format!("titipan penjualan {} ({})", sale.receipt, sale.id),
                    held: describe_lines(&held_refs),
                    found: describe_lines(&found),
                }
                .into());
            }
            continue;
        }
        for line in found {
            if !producer_known(tx, stall, &line.producer)? {
                return Err(refused(consigned_label(line))(RecordRule::UnknownProducer(
                    line.producer.clone(),
                )));
            }
            tx.prepare_cached(
                "INSERT INTO office_consigned_lines (sale_id, line_no, stall_code, epoch, producer, basis, rate, owed)
                 VALUES (?1, ?2, ?3, (SELECT epoch FROM office_stalls WHERE code = ?3), ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                line.sale_id,
                line.line_no,
                stall,
                line.producer,
                line.basis,
                line.rate,
                line.owed
            ])?;
        }
    }
    Ok(())
}

fn load_payout(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<PayoutRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, day, created_at, producer, amount, method, reference FROM office_payouts WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(PayoutRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                producer: r.get(3)?,
                amount: r.get(4)?,
                method: r.get(5)?,
                reference: r.get(6)?,
            })
        })
        .optional()?)
}

fn describe_payout(payout: &PayoutRecord) -> String {
    format!(
        "bayar penitip {} tanggal {} sebesar {} ({})",
        payout.producer,
        payout.day,
        Rupiah::new(payout.amount),
        payout.method
    )
}

/// Adds the file's payouts; returns how many were new.
fn admit_payouts(tx: &Transaction<'_>, content: &ExportContent) -> Result<usize, SyncError> {
    let stall = &content.stall.code;
    let mut new_records = 0;
    for payout in &content.payouts {
        let label = payout_label(payout);
        if !is_new(
            tx,
            "office_payouts",
            &payout.id,
            stall,
            &label,
            || {
                load_payout(tx, stall, &payout.id)
                    .map(|held| held.map(|h| (h == *payout, describe_payout(&h))))
            },
            || describe_payout(payout),
        )? {
            continue;
        }
        same_seq_elsewhere(tx, stall, payout.seq, &payout.id, &label)?;
        if !producer_known(tx, stall, &payout.producer)? {
            return Err(refused(label)(RecordRule::UnknownProducer(
                payout.producer.clone(),
            )));
        }
        tx.prepare_cached(
            "INSERT INTO office_payouts (id, stall_code, epoch, seq, day, created_at, producer, amount, method, reference)
             VALUES (?1, ?2, (SELECT epoch FROM office_stalls WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            payout.id,
            stall,
            payout.seq,
            payout.day,
            payout.created_at,
            payout.producer,
            payout.amount,
            payout.method,
            payout.reference
        ])?;
        new_records += 1;
    }
    Ok(new_records)
}

/// Titip jual: the stall's producers, what its new sales owe them, the
/// payouts to them.
pub(super) struct Consignment;

impl Checker for Consignment {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        admit_producers(at.tx, at.content)?;
        admit_consigned_lines(at.tx, at.content, &at.pending_sales)?;
        admit_payouts(at.tx, at.content)
    }
}
