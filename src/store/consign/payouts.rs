//! *Bayar penitip*: paying a producer what they are owed, with the manager
//! PIN. Append-only, numbered in the stall's sequence, sent to the office;
//! a cash payout comes out of the drawer and lowers tutup kasir's expected
//! cash by exactly its amount. Never more than the producer's balance.

use rusqlite::{Connection, params};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::producers::producer_in;
use crate::clock;
use crate::domain::consign::{self, ConsignError, PayoutMethod};
use crate::domain::record::PayoutRecord;
use crate::domain::record_check;
use crate::money::Rupiah;
use crate::store::days::{day_key, ensure_open};
use crate::store::{Result, Store, sequence};

/// A payout as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Payout {
    pub seq: i64,
    pub producer: String,
    pub name: String,
    pub day: String,
    pub created_at: String,
    pub amount: Rupiah,
    pub method: PayoutMethod,
    pub reference: Option<String>,
    /// The producer's balance after this payout.
    pub balance: Rupiah,
}

/// Cash paid to producers out of the drawer on `day`.
pub(in crate::store) fn cash_payouts(conn: &Connection, day: &str) -> Result<Rupiah> {
    let amount: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(amount), 0) FROM producer_payouts WHERE day = ?1 AND method = 'cash'",
        )?
        .query_row([day], |r| r.get(0))?;
    Ok(Rupiah::new(amount))
}

fn method_of(key: &str) -> PayoutMethod {
    if key == "transfer" {
        PayoutMethod::Transfer
    } else {
        PayoutMethod::Cash
    }
}

impl Store {
    /// Pays `producer` `amount` in cash from the drawer or by transfer,
    /// with the manager PIN. Refused, with nothing recorded, above the
    /// producer's balance; a wrong PIN is counted like every wrong PIN.
    pub fn pay_producer(
        &mut self,
        producer: &str,
        amount: Rupiah,
        method: PayoutMethod,
        reference: Option<&str>,
        pin: &str,
        now: OffsetDateTime,
    ) -> Result<Payout> {
        self.require_stall()?;
        let producer = self.producer(producer)?;
        let reference = reference.map(str::trim).filter(|r| !r.is_empty());
        consign::check_payout(amount, method, reference)?;
        // The PIN first: what the producer is owed, and what the drawer
        // holds, are shown only to the manager.
        self.verify_pin(pin, now)?;
        let balance = self.producer_balance(&producer.code)?;
        if amount > balance {
            return Err(ConsignError::Overpay {
                producer: producer.code.clone(),
                amount,
                balance,
            }
            .into());
        }
        self.check_drawer(amount, method, now)?;
        self.record_payout(&producer.code, amount, method, reference, now)
    }

    /// Records a payout the manager approved: [`Store::pay_producer`] once
    /// the PIN is checked, and the demo's payout, which stands for one.
    /// The balance is checked again inside the transaction.
    pub(crate) fn record_payout(
        &mut self,
        producer: &str,
        amount: Rupiah,
        method: PayoutMethod,
        reference: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Payout> {
        let identity = self.require_stall()?;
        let producer = self.producer(producer)?;
        let reference = reference.map(str::trim).filter(|r| !r.is_empty());
        consign::check_payout(amount, method, reference)?;
        self.check_drawer(amount, method, now)?;
        let date = self.business_day(now);
        let day = day_key(date);
        let stamp = clock::stamp(now, self.offset);
        let id = Uuid::now_v7();
        let seq = self.write(|tx| {
            // Cash leaves the drawer: the day must be open to count it.
            if method == PayoutMethod::Cash {
                ensure_open(tx, &day, &stamp)?;
            }
            let balance = super::statement::balance_in(tx, &producer)?;
            if amount > balance {
                return Err(ConsignError::Overpay {
                    producer: producer.code.clone(),
                    amount,
                    balance,
                }
                .into());
            }
            let seq = sequence::next_at(tx, &stamp)?;
            let record = PayoutRecord {
                id: id.to_string(),
                seq,
                day: day.clone(),
                created_at: stamp.clone(),
                producer: producer.code.clone(),
                amount: amount.value(),
                method: method.key().to_string(),
                reference: reference.map(str::to_string),
            };
            // The office's own rules, checked before the payout is kept.
            let context = record_check::Context {
                stall: identity.stall_code(),
                latest_day: date.next_day().unwrap_or(date),
            };
            record_check::check_payout(&record, &context)?;
            tx.prepare_cached(
                "INSERT INTO producer_payouts (id, seq, producer_id, day, created_at, amount, method, reference)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                record.id,
                seq,
                producer.id.to_string(),
                day,
                stamp,
                amount.value(),
                method.key(),
                record.reference
            ])?;
            Ok(seq)
        })?;
        Ok(Payout {
            seq,
            producer: producer.code.clone(),
            name: producer.name.clone(),
            day,
            created_at: stamp,
            amount,
            method,
            reference: reference.map(str::to_string),
            balance: self.producer_balance(&producer.code)?,
        })
    }

    /// Cash comes out of the drawer only if the drawer should hold it.
    fn check_drawer(
        &self,
        amount: Rupiah,
        method: PayoutMethod,
        now: OffsetDateTime,
    ) -> Result<()> {
        if method != PayoutMethod::Cash {
            return Ok(());
        }
        let drawer = self.day_report(self.business_day(now))?.cash.expected;
        if amount > drawer {
            return Err(ConsignError::DrawerShort { amount, drawer }.into());
        }
        Ok(())
    }

    /// What a producer is owed now, less what they were paid.
    pub fn producer_balance(&self, producer: &str) -> Result<Rupiah> {
        let producer = producer_in(&self.conn, producer)?;
        let (owed, paid) = super::statement::totals(&self.conn, &producer, None)?;
        Ok(owed.checked_sub(paid)?)
    }

    /// The payouts of `day`, in order (the day report lists them).
    pub fn payouts_on(&self, day: time::Date) -> Result<Vec<Payout>> {
        payouts_where(&self.conn, "x.day = ?1", &day_key(day))
    }

    /// A producer's payouts, in order.
    pub fn payouts_of(&self, producer: &str) -> Result<Vec<Payout>> {
        let producer = producer_in(&self.conn, producer)?;
        payouts_where(&self.conn, "x.producer_id = ?1", &producer.id.to_string())
    }
}

/// Payouts matching `condition` on `value`, each with the producer's
/// balance right after it.
fn payouts_where(conn: &Connection, condition: &str, value: &str) -> Result<Vec<Payout>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT x.seq, p.code, p.name, x.day, x.created_at, x.amount, x.method, x.reference
         FROM producer_payouts x JOIN producers p ON p.id = x.producer_id
         WHERE {condition} ORDER BY x.seq"
    ))?;
    let rows = statement.query_map([value], |r| {
        Ok(Payout {
            seq: r.get(0)?,
            producer: r.get(1)?,
            name: r.get(2)?,
            day: r.get(3)?,
            created_at: r.get(4)?,
            amount: Rupiah::new(r.get(5)?),
            method: method_of(&r.get::<_, String>(6)?),
            reference: r.get(7)?,
            balance: Rupiah::ZERO,
        })
    })?;
    let mut payouts = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for payout in &mut payouts {
        let producer = producer_in(conn, &payout.producer)?;
        let (owed, paid) = super::statement::totals_upto(conn, &producer, payout.seq)?;
        payout.balance = owed.checked_sub(paid)?;
    }
    Ok(payouts)
}
