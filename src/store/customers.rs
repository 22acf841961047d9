//! *Pelanggan*: the stall's customers who may buy on kasbon, with what each
//! owes. A balance is never stored: it is the customer's kasbon of sales
//! that stand, less their repayments, less the kasbon of goods returned.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::{Result, Store};
use crate::clock;
use crate::domain::customer::{
    normalise_code, validate_code, validate_limit, validate_name, validate_phone,
};
use crate::domain::kasbon::{KasbonError, age_in_days, oldest_unpaid};
use crate::domain::pin::Approval;
use crate::money::Rupiah;

/// A customer as the book holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Customer {
    #[serde(skip)]
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub phone: Option<String>,
    /// The credit limit: kasbon past it needs the manager PIN.
    pub limit: Rupiah,
}

/// The fields of a customer to add.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewCustomer {
    pub code: String,
    pub name: String,
    pub phone: Option<String>,
    pub limit: Rupiah,
}

impl NewCustomer {
    /// The fields as typed, tidied: code in capitals, blanks trimmed, an
    /// empty phone as none.
    pub fn tidy(mut self) -> NewCustomer {
        self.code = normalise_code(&self.code);
        self.name = self.name.trim().to_string();
        self.phone = self
            .phone
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        self
    }

    /// Checks every field; the book also refuses a code already used.
    pub fn validate(&self) -> Result<()> {
        validate_code(&self.code)?;
        validate_name(&self.name)?;
        if let Some(phone) = &self.phone {
            validate_phone(phone)?;
        }
        validate_limit(self.limit)?;
        Ok(())
    }
}

/// A customer with what they owe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerBalance {
    pub code: String,
    pub name: String,
    pub phone: Option<String>,
    pub limit: Rupiah,
    /// Kasbon of sales that stand.
    pub kasbon: Rupiah,
    /// Paid back.
    pub repaid: Rupiah,
    /// Kasbon of goods returned.
    pub returned: Rupiah,
    /// `kasbon − repaid − returned`.
    pub balance: Rupiah,
    /// The day of the oldest kasbon not yet paid off (oldest paid first).
    pub oldest_unpaid: Option<String>,
    /// Its age in days.
    pub oldest_unpaid_days: Option<i64>,
}

/// A standing sale's kasbon, as the balance counts it.
pub(super) const KASBON_STANDING: &str = "p.method = 'kasbon'
    AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = p.sale_id)";

pub(super) fn find(conn: &Connection, code: &str) -> Result<Customer> {
    let code = normalise_code(code);
    conn.prepare_cached(
        "SELECT id, code, name, phone, credit_limit FROM customers WHERE code = ?1",
    )?
    .query_row([&code], |r| {
        Ok(Customer {
            id: Uuid::parse_str(&r.get::<_, String>(0)?).unwrap_or_default(),
            code: r.get(1)?,
            name: r.get(2)?,
            phone: r.get(3)?,
            limit: Rupiah::new(r.get(4)?),
        })
    })
    .optional()?
    .ok_or_else(|| KasbonError::UnknownCustomer(code).into())
}

/// What `customer` owes now.
pub(super) fn balance_of(
    conn: &Connection,
    customer: &Customer,
    today: Date,
) -> Result<CustomerBalance> {
    let id = customer.id.to_string();
    let taken: Vec<(String, i64)> = conn
        .prepare_cached(&format!(
            "SELECT s.day, p.amount FROM payments p JOIN sales s ON s.id = p.sale_id
             WHERE p.customer_id = ?1 AND {KASBON_STANDING} ORDER BY s.seq"
        ))?
        .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let repaid: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(amount), 0) FROM kasbon_repayments WHERE customer_id = ?1",
        )?
        .query_row([&id], |r| r.get(0))?;
    let returned: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(r.kasbon_refund), 0) FROM returns r
             JOIN payments p ON p.sale_id = r.sale_id AND p.method = 'kasbon'
             WHERE p.customer_id = ?1",
        )?
        .query_row([&id], |r| r.get(0))?;
    let taken: Vec<(Date, Rupiah)> = taken
        .into_iter()
        .filter_map(|(day, amount)| Some((clock::parse_day(&day)?, Rupiah::new(amount))))
        .collect();
    let kasbon = Rupiah::sum(taken.iter().map(|(_, amount)| *amount))?;
    let repaid = Rupiah::new(repaid);
    let returned = Rupiah::new(returned);
    let settled = repaid.checked_add(returned)?;
    let oldest = oldest_unpaid(&taken, settled);
    Ok(CustomerBalance {
        code: customer.code.clone(),
        name: customer.name.clone(),
        phone: customer.phone.clone(),
        limit: customer.limit,
        kasbon,
        repaid,
        returned,
        balance: kasbon.checked_sub(settled)?,
        oldest_unpaid: oldest.map(|d| d.to_string()),
        oldest_unpaid_days: oldest.map(|d| age_in_days(d, today)),
    })
}

impl Store {
    /// Adds a customer. The code is kept in capitals; a code already used
    /// is refused. A customer given credit (a limit above 0) lets money out
    /// on credit from the first sale: that asks the manager PIN, as raising
    /// a limit does, and is recorded.
    pub fn add_customer(
        &mut self,
        customer: &NewCustomer,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Customer> {
        self.require_stall()?;
        let customer = customer.clone().tidy();
        customer.validate()?;
        // A code already used is refused before the PIN is asked (a PIN
        // spent on a refused customer would count as a try); one program
        // holds the book, so nothing can take the code in between.
        let taken: bool = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM customers WHERE code = ?1)")?
            .query_row([&customer.code], |r| r.get(0))?;
        if taken {
            return Err(KasbonError::DuplicateCustomer(customer.code.clone()).into());
        }
        let approval =
            self.approve_limit(&customer.name, Rupiah::ZERO, customer.limit, pin, now)?;
        let stamp = clock::stamp(now, self.offset);
        let day = super::days::day_key(self.business_day(now));
        let id = Uuid::now_v7();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO customers (id, code, name, phone, credit_limit, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![
                    id.to_string(),
                    customer.code,
                    customer.name,
                    customer.phone,
                    customer.limit.value(),
                    stamp
                ],
            )?;
            if let Some(approval) = &approval {
                super::pin::record_approval(tx, approval, &day, &stamp)?;
            }
            Ok(())
        })?;
        self.customer(&customer.code)
    }

    /// Checks the manager PIN when a limit goes up from `from` to `to`,
    /// before anything is written; the approval to record, if one was asked.
    fn approve_limit(
        &mut self,
        customer: &str,
        from: Rupiah,
        to: Rupiah,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Option<Approval>> {
        if to <= from {
            return Ok(None);
        }
        let approval = Approval::CreditLimit {
            customer: customer.to_string(),
            from,
            to,
        };
        self.approve(pin, &approval, now)?;
        Ok(Some(approval))
    }

    /// Changes a customer's name, phone or credit limit (the code stays).
    /// Raising the limit lets more money out on credit: it asks the manager
    /// PIN (a wrong one is counted and changes nothing).
    pub fn update_customer(
        &mut self,
        code: &str,
        fields: &NewCustomer,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Customer> {
        self.require_stall()?;
        let existing = self.customer(code)?;
        let fields = NewCustomer {
            code: existing.code.clone(),
            ..fields.clone()
        }
        .tidy();
        fields.validate()?;
        let approval =
            self.approve_limit(&existing.name, existing.limit, fields.limit, pin, now)?;
        let stamp = clock::stamp(now, self.offset);
        let day = super::days::day_key(self.business_day(now));
        self.write(|tx| {
            tx.execute(
                "UPDATE customers SET name = ?2, phone = ?3, credit_limit = ?4, updated_at = ?5 WHERE id = ?1",
                params![
                    existing.id.to_string(),
                    fields.name,
                    fields.phone,
                    fields.limit.value(),
                    stamp
                ],
            )?;
            if let Some(approval) = &approval {
                super::pin::record_approval(tx, approval, &day, &stamp)?;
            }
            Ok(())
        })?;
        self.customer(&existing.code)
    }

    /// The customer with this code (typed in any case).
    pub fn customer(&self, code: &str) -> Result<Customer> {
        self.require_stall()?;
        find(&self.conn, code)
    }

    /// What the customer with this code owes, as of `today`.
    pub fn customer_balance(&self, code: &str, today: Date) -> Result<CustomerBalance> {
        let customer = self.customer(code)?;
        balance_of(&self.conn, &customer, today)
    }

    /// Every customer with what they owe, by name; with `search`, only those
    /// whose name, phone or code holds it.
    pub fn customers(&self, search: Option<&str>, today: Date) -> Result<Vec<CustomerBalance>> {
        self.require_stall()?;
        let search = search.map(str::trim).filter(|s| !s.is_empty());
        let mut statement = self.conn.prepare_cached(
            "SELECT id, code, name, phone, credit_limit FROM customers
             WHERE ?1 IS NULL
                OR instr(lower(name), lower(?1)) > 0
                OR instr(lower(code), lower(?1)) > 0
                OR instr(replace(replace(replace(COALESCE(phone, ''), ' ', ''), '-', ''), '+', ''),
                         replace(replace(replace(?1, ' ', ''), '-', ''), '+', '')) > 0
             ORDER BY name COLLATE NOCASE, code",
        )?;
        let customers: Vec<Customer> = statement
            .query_map([search], |r| {
                Ok(Customer {
                    id: Uuid::parse_str(&r.get::<_, String>(0)?).unwrap_or_default(),
                    code: r.get(1)?,
                    name: r.get(2)?,
                    phone: r.get(3)?,
                    limit: Rupiah::new(r.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        customers
            .iter()
            .map(|c| balance_of(&self.conn, c, today))
            .collect()
    }

    /// The code the next customer added at the till gets: `C001`, `C002` …
    pub fn next_customer_code(&self) -> Result<String> {
        let codes: Vec<String> = self
            .conn
            .prepare_cached("SELECT code FROM customers")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(crate::domain::customer::next_code(
            codes.iter().map(String::as_str),
        ))
    }
}
