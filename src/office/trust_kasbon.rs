//! The office's admission of kasbon repayments and expenses: each checked by
//! the shared rules of `domain::record_check`, keyed per stall like every
//! other record, a reused id or sequence number refused as a conflict.
//! (A kasbon sale is a sale: its payment's customer is checked with the sale,
//! and the kasbon a return gives back with the return.)

use rusqlite::{OptionalExtension, Transaction, params};

use super::trust::{Admission, Checker, is_new, same_seq_elsewhere};
use crate::domain::record::{ExpenseRecord, RepaymentRecord};
use crate::sync::SyncError;
use crate::sync::content::{expense_label, repayment_label};
use crate::sync::format::ExportContent;

use crate::money::Rupiah;

fn load_repayment(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<RepaymentRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, day, created_at, customer, method, amount, reference FROM office_repayments WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(RepaymentRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                customer: r.get(3)?,
                method: r.get(4)?,
                amount: r.get(5)?,
                reference: r.get(6)?,
            })
        })
        .optional()?)
}

fn describe_repayment(record: &RepaymentRecord) -> String {
    format!(
        "bayar kasbon {} tanggal {}, {} {}",
        record.customer,
        record.day,
        record.method,
        Rupiah::new(record.amount)
    )
}

fn load_expense(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<ExpenseRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, day, created_at, category, amount, note, from_drawer FROM office_expenses WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(ExpenseRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                category: r.get(3)?,
                amount: r.get(4)?,
                note: r.get(5)?,
                from_drawer: r.get(6)?,
            })
        })
        .optional()?)
}

fn describe_expense(record: &ExpenseRecord) -> String {
    format!(
        "pengeluaran {} tanggal {}, {}{}",
        record.category,
        record.day,
        Rupiah::new(record.amount),
        if record.from_drawer { " dari laci" } else { "" }
    )
}

/// Adds the file's repayments; returns how many were new.
fn admit_repayments(tx: &Transaction<'_>, content: &ExportContent) -> Result<usize, SyncError> {
    let stall = &content.stall.code;
    let mut new_records = 0;
    for record in &content.repayments {
        let label = repayment_label(record);
        if !is_new(
            tx,
            "office_repayments",
            &record.id,
            stall,
            &label,
            || {
                load_repayment(tx, stall, &record.id)
                    .map(|held| held.map(|h| (h == *record, describe_repayment(&h))))
            },
            || describe_repayment(record),
        )? {
            continue;
        }
        same_seq_elsewhere(tx, stall, record.seq, &record.id, &label)?;
        tx.prepare_cached(
            "INSERT INTO office_repayments (id, stall_code, epoch, seq, day, created_at, customer, method, amount,
                reference)
             VALUES (?1, ?2, (SELECT epoch FROM office_stalls WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            record.id,
            stall,
            record.seq,
            record.day,
            record.created_at,
            record.customer,
            record.method,
            record.amount,
            record.reference
        ])?;
        new_records += 1;
    }
    Ok(new_records)
}

/// Adds the file's expenses; returns how many were new.
fn admit_expenses(tx: &Transaction<'_>, content: &ExportContent) -> Result<usize, SyncError> {
    let stall = &content.stall.code;
    let mut new_records = 0;
    for record in &content.expenses {
        let label = expense_label(record);
        if !is_new(
            tx,
            "office_expenses",
            &record.id,
            stall,
            &label,
            || {
                load_expense(tx, stall, &record.id)
                    .map(|held| held.map(|h| (h == *record, describe_expense(&h))))
            },
            || describe_expense(record),
        )? {
            continue;
        }
        same_seq_elsewhere(tx, stall, record.seq, &record.id, &label)?;
        tx.prepare_cached(
            "INSERT INTO office_expenses (id, stall_code, epoch, seq, day, created_at, category, amount, note,
                from_drawer)
             VALUES (?1, ?2, (SELECT epoch FROM office_stalls WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            record.id,
            stall,
            record.seq,
            record.day,
            record.created_at,
            record.category,
            record.amount,
            record.note,
            record.from_drawer
        ])?;
        new_records += 1;
    }
    Ok(new_records)
}

/// Kasbon repayments.
pub(super) struct Repayments;

impl Checker for Repayments {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        admit_repayments(at.tx, at.content)
    }
}

/// Expenses.
pub(super) struct Expenses;

impl Checker for Expenses {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        admit_expenses(at.tx, at.content)
    }
}
