//! The month's books' registers (SAK EMKM): opening balances, fixed assets,
//! bank loans and instalments, prive, setoran and supplier payments. They
//! stay in the stall's book; each is append-only, and a wrong one is
//! cancelled (with a reason) and written again.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::days::day_key;
use super::{Result, Store, sequence};
use crate::clock;
use crate::domain::books_event::{Paid, Purse};
use crate::domain::books_register::{
    RegisterError, check_day, check_life, check_name, check_not_negative, check_positive,
};
use crate::domain::pin::Approval;
use crate::money::Rupiah;

/// Money between the stall and its owner, its bank or a supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyMove {
    /// Prive.
    OwnerDraw,
    /// Setoran: cash to the bank.
    BankDeposit,
    /// Utang usaha paid.
    SupplierPaid,
}

impl MoneyMove {
    pub fn key(self) -> &'static str {
        match self {
            MoneyMove::OwnerDraw => "owner_draw",
            MoneyMove::BankDeposit => "bank_deposit",
            MoneyMove::SupplierPaid => "supplier_paid",
        }
    }

    pub(super) fn from_key(key: &str) -> Option<MoneyMove> {
        match key {
            "owner_draw" => Some(MoneyMove::OwnerDraw),
            "bank_deposit" => Some(MoneyMove::BankDeposit),
            "supplier_paid" => Some(MoneyMove::SupplierPaid),
            _ => None,
        }
    }
}

/// Saldo awal as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Opening {
    pub id: String,
    pub day: String,
    pub cash: Rupiah,
    pub bank: Rupiah,
    /// The stall's own goods at cost on the morning of `day`, read from the
    /// stock ledger and the products' HPP.
    pub inventory: Rupiah,
    pub equity: Rupiah,
}

/// A fixed asset as registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Asset {
    pub id: String,
    pub day: String,
    pub name: String,
    pub cost: Rupiah,
    pub life_months: u32,
    pub paid: &'static str,
}

/// A bank loan with what is left of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Loan {
    pub id: String,
    pub code: String,
    pub day: String,
    pub lender: String,
    pub amount: Rupiah,
    pub principal_paid: Rupiah,
    pub interest_paid: Rupiah,
    pub left: Rupiah,
}

/// Cash taken out of the drawer on `day` for the books' registers: goods
/// (the stall's own) and assets paid from the drawer, prive, setoran and a
/// supplier paid in cash, as recorded that day. Tutup kasir's expected cash
/// is lower by it, so the books do not count it again as a short drawer.
pub(super) fn drawer_books_out(conn: &Connection, day: &str) -> Result<Rupiah> {
    let moves: i64 = conn.query_row(
        &format!(
            "SELECT COALESCE(SUM(m.amount), 0) FROM money_moves m
             WHERE m.purse = 'cash' AND m.day = ?1 AND {}",
            not_cancelled("m")
        ),
        [day],
        |r| r.get(0),
    )?;
    let assets: i64 = conn.query_row(
        &format!(
            "SELECT COALESCE(SUM(a.cost), 0) FROM fixed_assets a
             WHERE a.paid = 'drawer' AND substr(a.created_at, 1, 10) = ?1 AND {}",
            not_cancelled("a")
        ),
        [day],
        |r| r.get(0),
    )?;
    let mut goods = Rupiah::new(moves).checked_add(Rupiah::new(assets))?;
    let mut statement = conn.prepare_cached(
        "SELECT m.quantity, m.unit_cost FROM stock_movements m
         WHERE m.kind = 'receive' AND m.paid = 'drawer' AND m.unit_cost IS NOT NULL
           AND substr(m.created_at, 1, 10) = ?1
           AND NOT EXISTS (SELECT 1 FROM product_consignments c WHERE c.product_id = m.product_id)",
    )?;
    let rows = statement.query_map([day], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (quantity, cost) = row?;
        let value = crate::domain::profit::cost_of(
            Rupiah::new(cost),
            crate::money::Quantity::from_milli(quantity),
        )?;
        goods = goods.checked_add(value)?;
    }
    Ok(goods)
}

/// A register record as `books list` shows it, with its id to cancel it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterRecord {
    pub id: String,
    /// `opening`, `asset`, `loan`, `instalment`, `owner_draw`,
    /// `bank_deposit`, `supplier_paid`.
    pub kind: String,
    pub day: String,
    pub amount: Rupiah,
    pub what: String,
    pub cancelled: bool,
}

/// A day after every day: "up to now".
const ALL_DAYS: &str = "9999-12-31";

/// Where a register record's id was found, to cancel it.
const REGISTERS: [&str; 5] = [
    "books_openings",
    "fixed_assets",
    "loans",
    "loan_payments",
    "money_moves",
];

pub(super) fn not_cancelled(alias: &str) -> String {
    format!("NOT EXISTS (SELECT 1 FROM books_cancels c WHERE c.record_id = {alias}.id)")
}

/// The stall's own goods at cost at the start of `day`: each product's
/// stock then (its ledger's rows before that day) at its HPP now.
fn inventory_at(conn: &Connection, day: &str) -> Result<Rupiah> {
    let value: i64 = conn.query_row(
        "SELECT COALESCE(SUM(stock * cost / 1000), 0) FROM (
             SELECT p.cost AS cost,
                    MAX(0, COALESCE((SELECT SUM(m.quantity) FROM stock_movements m
                              WHERE m.product_id = p.id AND substr(m.created_at, 1, 10) < ?1), 0)) AS stock
             FROM products p
             WHERE p.cost IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM product_consignments c WHERE c.product_id = p.id))",
        [day],
        |r| r.get(0),
    )?;
    Ok(Rupiah::new(value))
}

/// A loan's principal and interest paid up to `upto` (a day, included),
/// and the principal left then.
fn loan_left(conn: &Connection, loan_id: &str, upto: &str) -> Result<(Rupiah, Rupiah, Rupiah)> {
    let (amount, principal, interest): (i64, i64, i64) = conn.query_row(
        &format!(
            "SELECT l.amount,
                    COALESCE((SELECT SUM(p.principal) FROM loan_payments p WHERE p.loan_id = l.id AND p.day <= ?2 AND {np}), 0),
                    COALESCE((SELECT SUM(p.interest) FROM loan_payments p WHERE p.loan_id = l.id AND p.day <= ?2 AND {np}), 0)
             FROM loans l WHERE l.id = ?1",
            np = not_cancelled("p")
        ),
        [loan_id, upto],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok((
        Rupiah::new(principal),
        Rupiah::new(interest),
        Rupiah::new(amount - principal),
    ))
}

fn find_loan(conn: &Connection, code: &str) -> Result<(String, String)> {
    conn.query_row(
        &format!(
            "SELECT l.id, l.code FROM loans l WHERE (l.code = ?1 COLLATE NOCASE OR l.id = ?1) AND {}",
            not_cancelled("l")
        ),
        [code.trim()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| RegisterError::UnknownLoan(code.trim().to_string()).into())
}

impl Store {
    fn register_day(&self, day: Date, now: OffsetDateTime) -> Result<String> {
        self.require_stall()?;
        check_day(day, self.business_day(now))?;
        Ok(day_key(day))
    }

    /// Saldo awal on `day`: the stock at cost then is read from the book;
    /// equity left out is everything the stall holds (nothing owed).
    /// Replacing saldo awal already recorded takes the manager PIN: it
    /// changes every statement since.
    pub fn record_opening(
        &mut self,
        day: Date,
        (cash, bank, equity): (Rupiah, Rupiah, Option<Rupiah>),
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Opening> {
        let day = self.register_day(day, now)?;
        check_not_negative(cash)?;
        check_not_negative(bank)?;
        let inventory = inventory_at(&self.conn, &day)?;
        let assets = Rupiah::sum([cash, bank, inventory])?;
        let equity = equity.unwrap_or(assets);
        check_not_negative(equity)?;
        if equity > assets {
            return Err(RegisterError::EquityAboveAssets { equity, assets }.into());
        }
        let approval = self
            .opening()?
            .map(|_| Approval::OpeningReplaced { day: day.clone() });
        if let Some(approval) = &approval {
            self.approve(pin, approval, now)?;
        }
        let opening = Opening {
            id: Uuid::now_v7().to_string(),
            day,
            cash,
            bank,
            inventory,
            equity,
        };
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO books_openings (id, day, created_at, cash, bank, inventory, equity)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    opening.id,
                    opening.day,
                    stamp,
                    cash.value(),
                    bank.value(),
                    inventory.value(),
                    equity.value()
                ],
            )?;
            sequence::guard(tx, &stamp)?;
            if let Some(approval) = &approval {
                super::pin::record_approval(tx, approval, &opening.day, &stamp)?;
            }
            Ok(())
        })?;
        Ok(opening)
    }

    /// A fixed asset bought on `day`, depreciated over `life_months`.
    pub fn add_asset(
        &mut self,
        name: &str,
        cost: Rupiah,
        day: Date,
        life_months: i64,
        paid: Paid,
        now: OffsetDateTime,
    ) -> Result<Asset> {
        let day = self.register_day(day, now)?;
        let name = check_name(name)?;
        check_positive(cost)?;
        let life_months = check_life(life_months)?;
        let asset = Asset {
            id: Uuid::now_v7().to_string(),
            day,
            name,
            cost,
            life_months,
            paid: paid.name(),
        };
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO fixed_assets (id, day, created_at, name, cost, life_months, paid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    asset.id,
                    asset.day,
                    stamp,
                    asset.name,
                    cost.value(),
                    life_months,
                    asset.paid
                ],
            )?;
            sequence::guard(tx, &stamp)?;
            Ok(())
        })?;
        Ok(asset)
    }

    /// A bank loan paid into the bank account on `day`; numbered PJ-1, PJ-2…
    pub fn add_loan(
        &mut self,
        lender: &str,
        amount: Rupiah,
        day: Date,
        now: OffsetDateTime,
    ) -> Result<Loan> {
        let day = self.register_day(day, now)?;
        let lender = check_name(lender)?;
        check_positive(amount)?;
        let stamp = clock::stamp(now, self.offset);
        let id = Uuid::now_v7().to_string();
        let code = self.write(|tx| {
            let count: i64 = tx.query_row("SELECT COUNT(*) FROM loans", [], |r| r.get(0))?;
            let code = format!("PJ-{}", count + 1);
            tx.execute(
                "INSERT INTO loans (id, code, day, created_at, lender, amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, code, day, stamp, lender, amount.value()],
            )?;
            sequence::guard(tx, &stamp)?;
            Ok(code)
        })?;
        Ok(Loan {
            id,
            code,
            day,
            lender,
            amount,
            principal_paid: Rupiah::ZERO,
            interest_paid: Rupiah::ZERO,
            left: amount,
        })
    }

    /// An instalment from the bank account: principal (at most what is
    /// left) and interest.
    pub fn pay_loan(
        &mut self,
        loan: &str,
        principal: Rupiah,
        interest: Rupiah,
        day: Date,
        now: OffsetDateTime,
    ) -> Result<Loan> {
        let day = self.register_day(day, now)?;
        check_not_negative(principal)?;
        check_not_negative(interest)?;
        if principal == Rupiah::ZERO && interest == Rupiah::ZERO {
            return Err(RegisterError::NothingPaid.into());
        }
        let (loan_id, code) = find_loan(&self.conn, loan)?;
        let taken: String =
            self.conn
                .query_row("SELECT day FROM loans WHERE id = ?1", [&loan_id], |r| {
                    r.get(0)
                })?;
        if day < taken {
            return Err(RegisterError::BeforeLoan {
                loan: code,
                day,
                taken,
            }
            .into());
        }
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            let (_, _, left) = loan_left(tx, &loan_id, ALL_DAYS)?;
            if principal > left {
                return Err(RegisterError::Overpaid {
                    loan: code.clone(),
                    asked: principal,
                    left,
                }
                .into());
            }
            tx.execute(
                "INSERT INTO loan_payments (id, loan_id, day, created_at, principal, interest)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    Uuid::now_v7().to_string(),
                    loan_id,
                    day,
                    stamp,
                    principal.value(),
                    interest.value()
                ],
            )?;
            sequence::guard(tx, &stamp)?;
            Ok(())
        })?;
        self.loans()?
            .into_iter()
            .find(|l| l.id == loan_id)
            .ok_or_else(|| RegisterError::UnknownLoan(code).into())
    }

    /// Prive, setoran or a supplier paid, from `purse` (setoran is always
    /// from cash). Prive takes the manager PIN, checked last, and leaves a
    /// `pin_used` record as every approval does.
    pub fn record_money_move(
        &mut self,
        kind: MoneyMove,
        amount: Rupiah,
        purse: Purse,
        note: Option<&str>,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<String> {
        self.register_day(self.business_day(now), now)?;
        check_positive(amount)?;
        let note = match note.map(str::trim).filter(|n| !n.is_empty()) {
            Some(note) => Some(check_name(note)?),
            None => None,
        };
        let approval = (kind == MoneyMove::OwnerDraw).then_some(Approval::Drawing { amount });
        if let Some(approval) = &approval {
            self.approve(pin, approval, now)?;
        }
        self.write_money_move(kind, amount, purse, note.as_deref(), approval.as_ref(), now)
    }

    /// Writes a money move whose PIN, if it needs one, was checked (the
    /// demo's prive is the demo's own).
    pub(crate) fn write_money_move(
        &mut self,
        kind: MoneyMove,
        amount: Rupiah,
        purse: Purse,
        note: Option<&str>,
        approval: Option<&Approval>,
        now: OffsetDateTime,
    ) -> Result<String> {
        let day = self.register_day(self.business_day(now), now)?;
        check_positive(amount)?;
        let purse = if kind == MoneyMove::BankDeposit {
            Purse::Cash
        } else {
            purse
        };
        let id = Uuid::now_v7().to_string();
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO money_moves (id, day, created_at, kind, purse, amount, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    day,
                    stamp,
                    kind.key(),
                    purse.key(),
                    amount.value(),
                    note
                ],
            )?;
            if let Some(approval) = approval {
                super::pin::record_approval(tx, approval, &day, &stamp)?;
            }
            Ok(())
        })?;
        Ok(id)
    }

    /// Cancels a register record (by id, or a loan's code) with a reason;
    /// the record stays in the book, the statements leave it out.
    pub fn cancel_register_record(
        &mut self,
        id: &str,
        reason: &str,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<String> {
        self.require_stall()?;
        let reason = check_name(reason).map_err(|_| RegisterError::Reason)?;
        let id = match find_loan(&self.conn, id) {
            Ok((loan_id, _)) => loan_id,
            Err(_) => id.trim().to_string(),
        };
        let approval = Approval::BooksCancel {
            record: id.clone(),
            reason: reason.clone(),
        };
        self.approve(pin, &approval, now)?;
        let day = day_key(self.business_day(now));
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            if !exists_in_registers(tx, &id)? {
                return Err(RegisterError::UnknownRecord(id.clone()).into());
            }
            let live_payments: i64 = tx.query_row(
                &format!(
                    "SELECT COUNT(*) FROM loan_payments p WHERE p.loan_id = ?1 AND {}",
                    not_cancelled("p")
                ),
                [&id],
                |r| r.get(0),
            )?;
            if live_payments > 0 {
                return Err(RegisterError::LoanHasPayments(id.clone()).into());
            }
            let done = tx.execute(
                "INSERT OR IGNORE INTO books_cancels (id, record_id, created_at, reason) VALUES (?1, ?2, ?3, ?4)",
                params![Uuid::now_v7().to_string(), id, stamp, reason],
            )?;
            if done == 0 {
                return Err(RegisterError::AlreadyCancelled(id.clone()).into());
            }
            sequence::guard(tx, &stamp)?;
            super::pin::record_approval(tx, &approval, &day, &stamp)

        })?;
        Ok(id)
    }

    /// Every register record, oldest first, cancelled ones marked.
    pub fn register_records(&self) -> Result<Vec<RegisterRecord>> {
        let sql = "SELECT * FROM (
               SELECT o.id, 'opening', o.day, o.cash + o.bank + o.inventory, 'kas ' || o.cash || ', bank ' || o.bank, o.created_at FROM books_openings o
               UNION ALL SELECT a.id, 'asset', a.day, a.cost, a.name || ' (' || a.life_months || ' bulan, ' || a.paid || ')', a.created_at FROM fixed_assets a
               UNION ALL SELECT l.id, 'loan', l.day, l.amount, l.code || ' ' || l.lender, l.created_at FROM loans l
               UNION ALL SELECT p.id, 'instalment', p.day, p.principal + p.interest,
                      (SELECT code FROM loans WHERE id = p.loan_id) || ': pokok ' || p.principal || ', bunga ' || p.interest, p.created_at
                      FROM loan_payments p
               UNION ALL SELECT m.id, m.kind, m.day, m.amount, m.purse || COALESCE(' — ' || m.note, ''), m.created_at FROM money_moves m)
             ORDER BY 6, 1";
        let mut statement = self.conn.prepare(sql)?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut records = Vec::new();
        for row in rows {
            let (id, kind, day, amount, what) = row?;
            let cancelled: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM books_cancels WHERE record_id = ?1)",
                [&id],
                |r| r.get(0),
            )?;
            records.push(RegisterRecord {
                id,
                kind,
                day,
                amount: Rupiah::new(amount),
                what,
                cancelled,
            });
        }
        Ok(records)
    }

    /// The saldo awal that counts: the latest not cancelled.
    pub fn opening(&self) -> Result<Option<Opening>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT o.id, o.day, o.cash, o.bank, o.inventory, o.equity FROM books_openings o
                     WHERE {} ORDER BY o.created_at DESC, o.rowid DESC LIMIT 1",
                    not_cancelled("o")
                ),
                [],
                |r| {
                    Ok(Opening {
                        id: r.get(0)?,
                        day: r.get(1)?,
                        cash: Rupiah::new(r.get(2)?),
                        bank: Rupiah::new(r.get(3)?),
                        inventory: Rupiah::new(r.get(4)?),
                        equity: Rupiah::new(r.get(5)?),
                    })
                },
            )
            .optional()?)
    }

    /// The fixed assets not cancelled, oldest first.
    pub fn assets(&self) -> Result<Vec<Asset>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT a.id, a.day, a.name, a.cost, a.life_months, a.paid FROM fixed_assets a
             WHERE {} ORDER BY a.day, a.rowid",
            not_cancelled("a")
        ))?;
        let rows = statement.query_map([], |r| {
            let paid: String = r.get(5)?;
            Ok(Asset {
                id: r.get(0)?,
                day: r.get(1)?,
                name: r.get(2)?,
                cost: Rupiah::new(r.get(3)?),
                life_months: r.get(4)?,
                paid: Paid::parse(&paid).unwrap_or(Paid::Owner).name(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The bank loans not cancelled, with what is left of each.
    pub fn loans(&self) -> Result<Vec<Loan>> {
        self.loans_at(ALL_DAYS)
    }

    /// The bank loans taken by `upto` (a day, included), with what was
    /// left of each then.
    pub fn loans_at(&self, upto: &str) -> Result<Vec<Loan>> {
        let rows: Vec<(String, String, String, String, i64)> = {
            let mut statement = self.conn.prepare(&format!(
                "SELECT l.id, l.code, l.day, l.lender, l.amount FROM loans l WHERE l.day <= ?1 AND {} ORDER BY l.rowid",
                not_cancelled("l")
            ))?;
            statement
                .query_map([upto], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<rusqlite::Result<_>>()?
        };
        rows.into_iter()
            .map(|(id, code, day, lender, amount)| {
                let (principal_paid, interest_paid, left) = loan_left(&self.conn, &id, upto)?;
                Ok(Loan {
                    id,
                    code,
                    day,
                    lender,
                    amount: Rupiah::new(amount),
                    principal_paid,
                    interest_paid,
                    left,
                })
            })
            .collect()
    }
}

fn exists_in_registers(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    for table in REGISTERS {
        let found: Option<i64> = tx
            .query_row(&format!("SELECT 1 FROM {table} WHERE id = ?1"), [id], |r| {
                r.get(0)
            })
            .optional()?;
        if found.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}
