//! *Retribusi* at the office: the rules as the manager set them, what each
//! stall owes for each day it traded (from the records held, voids and
//! returns counted), the payments received, and the balance.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::OfficeError;
use super::centre::STANDING;
use crate::clock;
use crate::domain::fee::{FeeError, FeeRule, check_payment};
use crate::domain::payment::PaymentMethod;
use crate::money::Rupiah;
use crate::store::Store;

/// The rules in force over time: each from a day on; the first also covers
/// every day before it, so a centre that starts collecting can bill the days
/// it already holds, and a later change never alters what was owed before.
#[derive(Debug, Clone, Default)]
pub struct FeeRules {
    rules: Vec<(String, FeeRule)>,
}

impl FeeRules {
    /// The rule for `day`, if any rule was ever set.
    pub fn for_day(&self, day: &str) -> Option<FeeRule> {
        self.rules
            .iter()
            .rev()
            .find(|(from, _)| from.as_str() <= day)
            .or(self.rules.first())
            .map(|(_, rule)| *rule)
    }

    /// The newest rule, as set last.
    pub fn current(&self) -> Option<FeeRule> {
        self.rules.last().map(|(_, rule)| *rule)
    }
}

/// Reads every rule, oldest first.
pub fn rules(store: &Store) -> Result<FeeRules, OfficeError> {
    let mut statement = store.connection().prepare_cached(
        "SELECT from_day, percent_hundredths, daily FROM office_fee_rules ORDER BY id",
    )?;
    let rules = statement
        .query_map([], |r| {
            let from: String = r.get(0)?;
            let percent: Option<u32> = r.get(1)?;
            let daily: Option<i64> = r.get(2)?;
            Ok((
                from,
                match (percent, daily) {
                    (Some(p), _) => FeeRule::Percent(p),
                    (None, d) => FeeRule::Daily(Rupiah::new(d.unwrap_or(0))),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(FeeRules { rules })
}

/// Sets the fee from today on (the first rule also covers earlier days).
pub fn set_rule(store: &mut Store, rule: FeeRule, now: OffsetDateTime) -> Result<(), OfficeError> {
    store.require_office()?;
    let stamp = clock::stamp(now, store.offset());
    let day = clock::business_day(now, store.offset()).to_string();
    let (percent, daily) = match rule {
        FeeRule::Percent(p) => (Some(p), None),
        FeeRule::Daily(amount) => (None, Some(amount.value())),
    };
    store.write(|tx| {
        crate::store::sequence::guard(tx, &stamp)?;
        tx.execute(
            "INSERT INTO office_fee_rules (from_day, percent_hundredths, daily, set_at) VALUES (?1, ?2, ?3, ?4)",
            params![day, percent, daily, stamp],
        )?;
        Ok(())
    })?;
    Ok(())
}

/// One stall's day, for the fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeDay {
    pub stall: String,
    pub day: String,
    /// Net sales less refunds, as the office holds them.
    pub takings: Rupiah,
    pub fee: Rupiah,
}

/// What each stall owes for each day it traded between `from` and `to`
/// (inclusive, `YYYY-MM-DD`), ordered by stall and day.
pub fn owed(store: &Store, from: &str, to: &str) -> Result<Vec<FeeDay>, OfficeError> {
    store.require_office()?;
    let rules = rules(store)?;
    let conn = store.connection();
    let mut takings: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut sold = conn.prepare_cached(&format!(
        "SELECT s.stall_code, s.day, SUM(s.total) FROM office_sales s
         WHERE s.day BETWEEN ?1 AND ?2 AND {STANDING} GROUP BY s.stall_code, s.day"
    ))?;
    for row in sold.query_map(params![from, to], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?))
    })? {
        let (stall, day, net) = row?;
        *takings.entry((stall, day)).or_default() += net;
    }
    let mut refunded = conn.prepare_cached(&format!(
        // Kasbon given back on a return leaves the takings as cash does:
        // the sale's total counted it.
        "SELECT stall_code, day, SUM(refund + kasbon_refund) FROM office_returns r
         WHERE day BETWEEN ?1 AND ?2 AND {} GROUP BY stall_code, day",
        super::centre::OF_HELD_SALE
    ))?;
    for row in refunded.query_map(params![from, to], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?))
    })? {
        let (stall, day, refunds) = row?;
        // Bounded amounts: a day's sums stay far below i64::MAX.
        *takings.entry((stall, day)).or_default() -= refunds;
    }
    let mut days = Vec::with_capacity(takings.len());
    for ((stall, day), takings) in takings {
        let takings = Rupiah::new(takings);
        let fee = match rules.for_day(&day) {
            Some(rule) => rule.owed(takings)?,
            None => Rupiah::ZERO,
        };
        days.push(FeeDay {
            stall,
            day,
            takings,
            fee,
        });
    }
    Ok(days)
}

/// A fee payment as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeePayment {
    pub number: String,
    pub stall: String,
    pub stall_name: String,
    pub day: String,
    pub paid_at: String,
    pub amount: Rupiah,
    pub method: String,
    pub reference: Option<String>,
    /// The stall's balance after this payment (owed − paid, all days).
    pub balance: Rupiah,
}

/// How a fee payment is asked for: the manager's PIN (money taken at the
/// office is the manager's word), and whether the same payment entered
/// again today is meant (`again`) rather than a slip.
#[derive(Debug, Clone, Copy)]
pub struct PayAuthority<'a> {
    pub pin: &'a str,
    pub again: bool,
}

/// Records a stall's fee payment (cash or transfer with a reference);
/// numbered `RTB-YYYYMMDD-NNN` by the office's day. Asks the manager PIN
/// (recorded if wrong); the same stall, amount, method and reference
/// already recorded that day is refused unless `again`.
pub fn pay(
    store: &mut Store,
    stall: &str,
    amount: Rupiah,
    method: PaymentMethod,
    reference: Option<&str>,
    authority: PayAuthority<'_>,
    now: OffsetDateTime,
) -> Result<FeePayment, OfficeError> {
    store.require_office()?;
    let reference = check_fee_input(amount, method, reference)?;
    let stall_name = stall_name(store, stall)?;
    let day = clock::business_day(now, store.offset());
    let day_key = day.to_string();
    if !authority.again {
        refuse_twice(store, stall, &day_key, amount, method, reference)?;
    }
    store.verify_pin(authority.pin, now)?;
    let stamp = clock::stamp(now, store.offset());
    let number = store.write(|tx| {
        crate::store::sequence::guard(tx, &stamp)?;
        record_payment(tx, stall, day, &stamp, amount, method, reference)
    })?;
    let balance = balances(store, "0000-01-01", "9999-12-31")?
        .into_iter()
        .find(|b| b.stall == stall)
        .map(|b| b.balance)
        .unwrap_or_default();
    Ok(FeePayment {
        number,
        stall: stall.to_string(),
        stall_name,
        day: day_key,
        paid_at: stamp,
        amount,
        method: method.key().to_string(),
        reference: reference.map(str::to_string),
        balance,
    })
}

/// The payment written, numbered `RTB-YYYYMMDD-NNN`: the office's day and
/// the day's count. Returns its number.
fn record_payment(
    tx: &rusqlite::Transaction<'_>,
    stall: &str,
    day: time::Date,
    stamp: &str,
    amount: Rupiah,
    method: PaymentMethod,
    reference: Option<&str>,
) -> Result<String, crate::store::StoreError> {
    let day_key = day.to_string();
    let count: i64 = tx.query_row(
        "SELECT COUNT(*) FROM office_fee_payments WHERE day = ?1",
        [&day_key],
        |r| r.get(0),
    )?;
    let number = format!(
        "RTB-{:04}{:02}{:02}-{:03}",
        day.year(),
        u8::from(day.month()),
        day.day(),
        count + 1
    );
    tx.execute(
        "INSERT INTO office_fee_payments (id, number, stall_code, day, paid_at, amount, method, reference)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            Uuid::now_v7().to_string(),
            number,
            stall,
            day_key,
            stamp,
            amount.value(),
            method.key(),
            reference
        ],
    )?;
    Ok(number)
}

/// A fee payment is an amount paid in cash or by transfer, its reference
/// (trimmed; blank is none) printable and short. Returns the reference.
fn check_fee_input(
    amount: Rupiah,
    method: PaymentMethod,
    reference: Option<&str>,
) -> Result<Option<&str>, OfficeError> {
    check_payment(amount).map_err(OfficeError::Fee)?;
    if !matches!(method, PaymentMethod::Cash | PaymentMethod::Transfer) {
        return Err(OfficeError::Fee(FeeError::Method(method.key().to_string())));
    }
    let reference = reference.map(str::trim).filter(|r| !r.is_empty());
    if reference.is_some_and(|r| !crate::domain::limits::is_printable(r, 64)) {
        return Err(OfficeError::Fee(FeeError::Reference));
    }
    Ok(reference)
}

/// The stall's name; a stall the office never heard of pays nothing.
fn stall_name(store: &Store, stall: &str) -> Result<String, OfficeError> {
    let stall_name: Option<String> = store
        .connection()
        .query_row(
            "SELECT name FROM office_stalls WHERE code = ?1",
            [stall],
            |r| r.get(0),
        )
        .optional()?;
    stall_name.ok_or_else(|| OfficeError::UnknownStall(stall.to_string()))
}

/// The same stall, amount, method and reference already recorded that day
/// is taken for a slip: refused, naming the payment held.
fn refuse_twice(
    store: &Store,
    stall: &str,
    day_key: &str,
    amount: Rupiah,
    method: PaymentMethod,
    reference: Option<&str>,
) -> Result<(), OfficeError> {
    let same: Option<String> = store
        .connection()
        .query_row(
            "SELECT number FROM office_fee_payments WHERE stall_code = ?1 AND day = ?2
                 AND amount = ?3 AND method = ?4 AND reference IS ?5",
            params![stall, day_key, amount.value(), method.key(), reference],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(number) = same {
        return Err(OfficeError::Fee(FeeError::Twice { number }));
    }
    Ok(())
}

/// A stall's fees over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeBalance {
    pub stall: String,
    pub name: String,
    pub owed: Rupiah,
    pub paid: Rupiah,
    /// `owed − paid`; negative when the stall paid ahead.
    pub balance: Rupiah,
}

/// Owed, paid and balance per known stall between `from` and `to`.
pub fn balances(store: &Store, from: &str, to: &str) -> Result<Vec<FeeBalance>, OfficeError> {
    let conn = store.connection();
    let mut owed_by: BTreeMap<String, Rupiah> = BTreeMap::new();
    for day in owed(store, from, to)? {
        let slot = owed_by.entry(day.stall).or_default();
        *slot = slot.checked_add(day.fee)?;
    }
    let mut statement = conn.prepare_cached(
        "SELECT code, name, COALESCE((SELECT SUM(amount) FROM office_fee_payments p
                                      WHERE p.stall_code = code AND p.day BETWEEN ?1 AND ?2), 0)
         FROM office_stalls ORDER BY code",
    )?;
    let rows: Vec<(String, String, i64)> = statement
        .query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut balances = Vec::with_capacity(rows.len());
    for (code, name, paid) in rows {
        let owed = owed_by.get(&code).copied().unwrap_or_default();
        let paid = Rupiah::new(paid);
        balances.push(FeeBalance {
            balance: owed.checked_sub(paid)?,
            stall: code,
            name,
            owed,
            paid,
        });
    }
    Ok(balances)
}

/// A stall's fees owed for every day up to `to` and everything it has paid
/// so far: what a tanda terima shows as still due.
pub fn outstanding(store: &Store, stall: &str, to: &str) -> Result<(Rupiah, Rupiah), OfficeError> {
    let mut owed_total = Rupiah::ZERO;
    for day in owed(store, "0000-01-01", to)? {
        if day.stall == stall {
            owed_total = owed_total.checked_add(day.fee)?;
        }
    }
    let paid: i64 = store.connection().query_row(
        "SELECT COALESCE(SUM(amount), 0) FROM office_fee_payments WHERE stall_code = ?1",
        [stall],
        |r| r.get(0),
    )?;
    Ok((owed_total, Rupiah::new(paid)))
}
