//! *Pengeluaran*: the stall's expenses, numbered in its sequence and sent to
//! the office. Those paid out of the drawer lower the cash expected at
//! tutup kasir.

use rusqlite::{Connection, params};
use serde::Serialize;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::days::{day_key, ensure_open};
use super::{Result, Store, sequence};
use crate::clock;
use crate::domain::expense::{ExpenseCategory, ExpenseError};
use crate::domain::limits::{MAX_NOTE_CHARS, check_amount, is_printable};
use crate::domain::pin::Approval;
use crate::domain::record::ExpenseRecord;
use crate::domain::record_check;
use crate::money::Rupiah;

/// An expense as the vendor enters it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExpense {
    pub category: ExpenseCategory,
    pub amount: Rupiah,
    pub note: Option<String>,
    /// Paid out of the drawer's cash.
    pub from_drawer: bool,
}

/// An expense as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expense {
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    pub category: ExpenseCategory,
    pub amount: Rupiah,
    pub note: Option<String>,
    pub from_drawer: bool,
}

/// Expenses paid out of the drawer on `day`.
pub(super) fn drawer_expenses(conn: &Connection, day: &str) -> Result<Rupiah> {
    let amount: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(amount), 0) FROM expenses WHERE day = ?1 AND from_drawer = 1",
        )?
        .query_row([day], |r| r.get(0))?;
    Ok(Rupiah::new(amount))
}

impl Store {
    /// Records an expense. One paid from the drawer needs today open (it
    /// changes what tutup kasir expects); any other may be written down any
    /// time of the day.
    pub fn add_expense(
        &mut self,
        expense: &NewExpense,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Expense> {
        let identity = self.require_stall()?;
        check_amount(expense.amount)?;
        if !expense.amount.is_positive() {
            return Err(ExpenseError::NotPositive.into());
        }
        // Cash out of the drawer above the stall's limit in a day is the
        // manager's: the day's drawer expenses with this one, so two just
        // under the limit are not two free ones.
        let limit = self.settings()?.pin_expense_over;
        let day = super::days::day_key(self.business_day(now));
        let so_far = drawer_expenses(&self.conn, &day)?;
        let with_this = so_far.checked_add(expense.amount)?;
        let approval = (expense.from_drawer && with_this > limit).then_some(Approval::Expense {
            amount: with_this,
            limit,
        });
        let note = expense
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string);
        if let Some(note) = &note
            && !is_printable(note, MAX_NOTE_CHARS)
        {
            return Err(ExpenseError::Note.into());
        }
        if let Some(approval) = &approval {
            self.approve(pin, approval, now)?;
        }
        let date = self.business_day(now);
        let day = day_key(date);
        let stamp = clock::stamp(now, self.offset);
        let id = Uuid::now_v7();
        self.write(|tx| {
            if expense.from_drawer {
                ensure_open(tx, &day, &stamp)?;
            }
            let seq = sequence::next_at(tx, &stamp)?;
            let record = ExpenseRecord {
                id: id.to_string(),
                seq,
                day: day.clone(),
                created_at: stamp.clone(),
                category: expense.category.key().to_string(),
                amount: expense.amount.value(),
                note: note.clone(),
                from_drawer: expense.from_drawer,
            };
            let context = record_check::Context {
                stall: identity.stall_code(),
                latest_day: date.next_day().unwrap_or(date),
            };
            record_check::check_expense(&record, &context)?;
            tx.execute(
                "INSERT INTO expenses (id, seq, day, created_at, category, amount, note, from_drawer)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    record.id,
                    seq,
                    day,
                    stamp,
                    record.category,
                    record.amount,
                    note,
                    expense.from_drawer
                ],
            )?;
            if let Some(approval) = &approval {
                super::pin::record_approval(tx, approval, &day, &stamp)?;
            }
            Ok(Expense {
                seq,
                day: day.clone(),
                created_at: stamp.clone(),
                category: expense.category,
                amount: expense.amount,
                note: note.clone(),
                from_drawer: expense.from_drawer,
            })
        })
    }

    /// The expenses of `date`, in order.
    pub fn expenses_on(&self, date: Date) -> Result<Vec<Expense>> {
        self.require_stall()?;
        let mut statement = self.conn.prepare_cached(
            "SELECT seq, day, created_at, category, amount, note, from_drawer FROM expenses
             WHERE day = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map([day_key(date)], |r| {
            Ok(Expense {
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                category: ExpenseCategory::parse(&r.get::<_, String>(3)?)
                    .unwrap_or(ExpenseCategory::Other),
                amount: Rupiah::new(r.get(4)?),
                note: r.get(5)?,
                from_drawer: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
