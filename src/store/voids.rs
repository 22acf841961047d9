//! *Batal*: cancelling a whole sale of today, with the manager PIN and a
//! reason. The sale stays in the book; a void record points at it.

use rusqlite::params;
use time::OffsetDateTime;
use uuid::Uuid;

use super::days::{day_key, ensure_open};
use super::sales::read_sale;
use super::stock::{Movement, MovementKind, record};
use super::{Result, Store, StoreError, sequence};
use crate::clock;

/// What a void recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VoidRecord {
    pub receipt: String,
    pub seq: i64,
    pub day: String,
    pub reason: String,
    pub total: crate::money::Rupiah,
}

fn valid_reason(reason: &str) -> Result<&str> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 200 || reason.chars().any(char::is_control) {
        return Err(StoreError::Reason);
    }
    Ok(reason)
}

impl Store {
    /// Voids the sale `receipt`: its stock comes back and it drops out of the
    /// day's figures. Only for today's sales that have no returns.
    pub fn void_sale(
        &mut self,
        receipt: &str,
        reason: &str,
        pin: &str,
        now: OffsetDateTime,
    ) -> Result<VoidRecord> {
        self.require_stall()?;
        let reason = valid_reason(reason)?;
        let sale = self.sale(receipt)?;
        if sale.voided {
            return Err(StoreError::AlreadyVoided(sale.receipt));
        }
        let today = day_key(self.business_day(now));
        if sale.day != today {
            return Err(StoreError::VoidNotToday(sale.receipt));
        }
        let returned: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM returns WHERE sale_id = ?1)",
            [sale.id.to_string()],
            |r| r.get(0),
        )?;
        if returned {
            return Err(StoreError::VoidAfterReturn(sale.receipt));
        }
        self.verify_pin(pin, now)?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            ensure_open(tx, &today, &stamp)?;
            // Checked again inside the transaction: the book is the judge.
            if read_sale(tx, &sale.receipt)?.is_some_and(|s| s.voided) {
                return Err(StoreError::AlreadyVoided(sale.receipt.clone()));
            }
            let seq = sequence::next_at(tx, &stamp)?;
            tx.execute(
                "INSERT INTO voids (id, seq, sale_id, day, created_at, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![Uuid::now_v7().to_string(), seq, sale.id.to_string(), today, stamp, reason],
            )?;
            let mut lines = tx.prepare_cached("SELECT product_id, quantity FROM sale_lines WHERE sale_id = ?1")?;
            let sold = lines
                .query_map([sale.id.to_string()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for (product_id, quantity) in sold {
                record(
                    tx,
                    &Movement {
                        product_id: Uuid::parse_str(&product_id).unwrap_or_default(),
                        kind: MovementKind::Void,
                        quantity: crate::money::Quantity::from_milli(quantity),
                        unit_cost: None,
                        note: Some(reason),
                        sale_id: Some(sale.id),
                    },
                    &stamp,
                )?;
            }
            Ok(VoidRecord {
                receipt: sale.receipt.clone(),
                seq,
                day: today.clone(),
                reason: reason.to_string(),
                total: sale.total,
            })
        })
    }
}
