//! *Bayar kasbon* and the customer's statement: repayments numbered in the
//! stall's sequence (cash ones go into the drawer), and every kasbon, void,
//! return and repayment of a customer with the running balance.

use rusqlite::{Connection, params};
use serde::Serialize;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::customers::{CustomerBalance, balance_of, find};
use super::days::{day_key, ensure_open};
use super::{Result, Store, sequence};
use crate::clock;
use crate::domain::kasbon::KasbonError;
use crate::domain::limits::check_amount;
use crate::domain::payment::PaymentMethod;
use crate::domain::record::RepaymentRecord;
use crate::domain::record_check;
use crate::money::Rupiah;

/// A repayment as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repayment {
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    pub customer: String,
    pub name: String,
    pub method: PaymentMethod,
    pub amount: Rupiah,
    pub reference: Option<String>,
    /// What the customer still owes right after it (given when it is
    /// made; not in a day's list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance: Option<Rupiah>,
}

/// What moved a customer's balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// A sale paid (partly) on kasbon.
    Kasbon,
    /// That sale voided: its kasbon is cancelled.
    Void,
    /// Goods of that sale returned, refunded to the kasbon.
    Return,
    /// Money paid back.
    Repayment,
}

impl StatementKind {
    /// The word on the statement, Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            StatementKind::Kasbon => "Kasbon",
            StatementKind::Void => "Batal",
            StatementKind::Return => "Retur",
            StatementKind::Repayment => "Bayar",
        }
    }
}

/// One line of a statement: `amount` raises the balance (kasbon) or lowers
/// it (negative: void, return, repayment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementEntry {
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    pub kind: StatementKind,
    /// The receipt number, or the repayment's method and reference.
    pub reference: String,
    pub amount: Rupiah,
    pub balance: Rupiah,
}

/// A customer's statement: every entry from the first, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KasbonStatement {
    pub customer: CustomerBalance,
    pub entries: Vec<StatementEntry>,
}

/// Cash customers paid back on `day` (into the drawer).
pub(super) fn cash_repayments(conn: &Connection, day: &str) -> Result<Rupiah> {
    let amount: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(amount), 0) FROM kasbon_repayments WHERE day = ?1 AND method = 'cash'",
        )?
        .query_row([day], |r| r.get(0))?;
    Ok(Rupiah::new(amount))
}

fn repayment_method(method: PaymentMethod) -> Result<PaymentMethod> {
    match method {
        PaymentMethod::Cash | PaymentMethod::Qris | PaymentMethod::Transfer => Ok(method),
        other => Err(KasbonError::RepaymentMethod(other).into()),
    }
}

impl Store {
    /// A customer pays back `amount` of their kasbon. Never more than they
    /// owe; cash goes into today's drawer (so today must be open).
    pub fn pay_kasbon(
        &mut self,
        code: &str,
        amount: Rupiah,
        method: PaymentMethod,
        reference: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Repayment> {
        let identity = self.require_stall()?;
        let method = repayment_method(method)?;
        check_amount(amount)?;
        if !amount.is_positive() {
            return Err(KasbonError::NotPositive.into());
        }
        let reference = reference
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string);
        let customer = find(&self.conn, code)?;
        let date = self.business_day(now);
        let day = day_key(date);
        let stamp = clock::stamp(now, self.offset);
        let id = Uuid::now_v7();
        self.write(|tx| {
            let before = balance_of(tx, &customer, date)?;
            if !before.balance.is_positive() {
                return Err(KasbonError::NothingOwed {
                    customer: customer.name.clone(),
                }
                .into());
            }
            if amount > before.balance {
                return Err(KasbonError::Overpaid {
                    customer: customer.name.clone(),
                    paid: amount,
                    owed: before.balance,
                }
                .into());
            }
            if method == PaymentMethod::Cash {
                ensure_open(tx, &day, &stamp)?;
            }
            let seq = sequence::next_at(tx, &stamp)?;
            let record = RepaymentRecord {
                id: id.to_string(),
                seq,
                day: day.clone(),
                created_at: stamp.clone(),
                customer: customer.code.clone(),
                method: method.key().to_string(),
                amount: amount.value(),
                reference: reference.clone(),
            };
            // The office's own rules, before the repayment is kept.
            let context = record_check::Context {
                stall: identity.stall_code(),
                latest_day: date.next_day().unwrap_or(date),
            };
            record_check::check_repayment(&record, &context)?;
            tx.execute(
                "INSERT INTO kasbon_repayments (id, seq, customer_id, day, created_at, method, amount, reference)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    record.id,
                    seq,
                    customer.id.to_string(),
                    day,
                    stamp,
                    record.method,
                    amount.value(),
                    reference
                ],
            )?;
            Ok(Repayment {
                seq,
                day: day.clone(),
                created_at: stamp.clone(),
                customer: customer.code.clone(),
                name: customer.name.clone(),
                method,
                amount,
                reference: reference.clone(),
                balance: Some(before.balance.checked_sub(amount)?),
            })
        })
    }

    /// The repayments of `date`, in order.
    pub fn repayments_on(&self, date: Date) -> Result<Vec<Repayment>> {
        self.require_stall()?;
        let mut statement = self.conn.prepare_cached(
            "SELECT r.seq, r.day, r.created_at, c.code, c.name, r.method, r.amount, r.reference
             FROM kasbon_repayments r JOIN customers c ON c.id = r.customer_id
             WHERE r.day = ?1 ORDER BY r.seq",
        )?;
        let rows = statement.query_map([day_key(date)], |r| {
            Ok(Repayment {
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                customer: r.get(3)?,
                name: r.get(4)?,
                method: PaymentMethod::parse(&r.get::<_, String>(5)?)
                    .unwrap_or(PaymentMethod::Cash),
                amount: Rupiah::new(r.get(6)?),
                reference: r.get(7)?,
                balance: None,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything that moved the customer's balance, in the order it
    /// happened, with the running balance.
    pub fn kasbon_statement(&self, code: &str, today: Date) -> Result<KasbonStatement> {
        self.require_stall()?;
        let customer = find(&self.conn, code)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT s.seq, s.day, s.created_at, 'kasbon', s.receipt, p.amount
               FROM payments p JOIN sales s ON s.id = p.sale_id
              WHERE p.customer_id = ?1 AND p.method = 'kasbon'
             UNION ALL
             SELECT v.seq, v.day, v.created_at, 'void', s.receipt, -p.amount
               FROM voids v JOIN payments p ON p.sale_id = v.sale_id AND p.method = 'kasbon'
               JOIN sales s ON s.id = v.sale_id
              WHERE p.customer_id = ?1
             UNION ALL
             SELECT r.seq, r.day, r.created_at, 'return', s.receipt, -r.kasbon_refund
               FROM returns r JOIN payments p ON p.sale_id = r.sale_id AND p.method = 'kasbon'
               JOIN sales s ON s.id = r.sale_id
              WHERE p.customer_id = ?1 AND r.kasbon_refund > 0
             UNION ALL
             SELECT seq, day, created_at, 'repayment', method || char(31) || COALESCE(reference, ''), -amount
               FROM kasbon_repayments WHERE customer_id = ?1
             ORDER BY 1",
        )?;
        let rows = statement.query_map([customer.id.to_string()], |r| {
            let kind = match r.get::<_, String>(3)?.as_str() {
                "kasbon" => StatementKind::Kasbon,
                "void" => StatementKind::Void,
                "return" => StatementKind::Return,
                _ => StatementKind::Repayment,
            };
            Ok(StatementEntry {
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                kind,
                reference: r.get(4)?,
                amount: Rupiah::new(r.get(5)?),
                balance: Rupiah::ZERO,
            })
        })?;
        let mut entries: Vec<StatementEntry> = rows.collect::<rusqlite::Result<_>>()?;
        let mut running = Rupiah::ZERO;
        for entry in &mut entries {
            // A repayment's method as the statement says it, and its reference.
            if entry.kind == StatementKind::Repayment
                && let Some((method, reference)) = entry.reference.split_once('\u{1f}')
            {
                let method = PaymentMethod::parse(method)
                    .map(|m| m.label().to_string())
                    .unwrap_or_else(|_| method.to_string());
                entry.reference = format!("{method} {reference}").trim_end().to_string();
            }
            running = running.checked_add(entry.amount)?;
            entry.balance = running;
        }
        Ok(KasbonStatement {
            customer: balance_of(&self.conn, &customer, today)?,
            entries,
        })
    }
}
