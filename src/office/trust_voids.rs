//! Voids at the office: of a sale of this stall (in the file, held, or
//! still on its way), once, and never of a sale with returns.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use super::trust::{Admission, Checker, is_new, same_seq_elsewhere};
use super::trust_sales::load_sale;
use crate::domain::record::{SaleRecord, VoidRecord};
use crate::domain::record_check;
use crate::sync::SyncError;
use crate::sync::content::{Refusal, refused};

/// Voids: of a sale of this stall, once, not after its returns.
pub(super) struct Voids;

impl Checker for Voids {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for void in &content.voids {
            let label = format!("pembatalan {}", void.id);
            if !is_new(
                tx,
                "office_voids",
                &void.id,
                stall,
                &label,
                || {
                    load_void(tx, stall, &void.id)
                        .map(|held| held.map(|h| (h == *void, describe_void(&h))))
                },
                || describe_void(void),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, void.seq, &void.id, &label)?;
            require_own_sale(tx, stall, &void.sale_id, void.seq, &at.sales_here, &label)?;
            check_void_and_returns(tx, stall, &void.sale_id, Some(void), &label)?;
            refuse_second_void(tx, stall, void, label)?;
            insert_void(tx, stall, void)?;
            new += 1;
        }
        Ok(new)
    }
}

/// A sale is voided once.
fn refuse_second_void(
    tx: &Transaction<'_>,
    stall: &str,
    void: &VoidRecord,
    label: String,
) -> Result<(), SyncError> {
    let voided: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_voids WHERE sale_id = ?1 AND stall_code = ?2)",
        )?
        .query_row(params![void.sale_id, stall], |r| r.get(0))?;
    if voided {
        return Err(Refusal::AlreadyVoided {
            record: label,
            sale_id: void.sale_id.clone(),
        }
        .into());
    }
    Ok(())
}

fn insert_void(tx: &Transaction<'_>, stall: &str, void: &VoidRecord) -> Result<(), SyncError> {
    tx.prepare_cached(
        "INSERT INTO office_voids (id, stall_code, seq, sale_id, day, created_at, reason, epoch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT epoch FROM office_stalls WHERE code = ?2))",
    )?
    .execute(params![
        void.id,
        stall,
        void.seq,
        void.sale_id,
        void.day,
        void.created_at,
        void.reason
    ])?;
    Ok(())
}

/// Voids and returns apply only to the same stall's sales, in this file or
/// already held. A sale not held yet is accepted as on its way only while
/// some of the stall's earlier numbers are missing: when every number before
/// the void or return is held and the sale is not among them, it does not
/// exist.
pub(super) fn require_own_sale(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
    seq: i64,
    here: &HashMap<&str, &SaleRecord>,
    label: &str,
) -> Result<(), SyncError> {
    if here.contains_key(sale_id) {
        return Ok(());
    }
    let own: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_sales WHERE id = ?1 AND stall_code = ?2)",
        )?
        .query_row(params![sale_id, stall], |r| r.get(0))?;
    if own {
        return Ok(());
    }
    // Not held for this stall: on its way while earlier numbers are missing.
    // Another stall holding the same id changes nothing for this one.
    let earlier_held: i64 = tx
        .prepare_cached(
            "SELECT COUNT(*) FROM office_seen WHERE stall_code = ?1 AND seq < ?2 AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)",
        )?
        .query_row(params![stall, seq], |r| r.get(0))?;
    if earlier_held < seq - 1 {
        return Ok(());
    }
    let other: Option<String> = tx
        .prepare_cached(
            "SELECT stall_code FROM office_sales WHERE id = ?1 AND stall_code <> ?2 LIMIT 1",
        )?
        .query_row(params![sale_id, stall], |r| r.get(0))
        .optional()?;
    Err(match other {
        Some(owner) => Refusal::ForeignSale {
            record: label.to_string(),
            sale_id: sale_id.to_string(),
            owner,
            stall: stall.to_string(),
        },
        None => Refusal::UnknownSale {
            record: label.to_string(),
            sale_id: sale_id.to_string(),
            stall: stall.to_string(),
        },
    }
    .into())
}

/// A sale is either voided or returned (in part), never both: the till
/// refuses to void a returned sale and to take back a voided one. With
/// `void` given, the void is checked against its sale if the sale is held.
pub(super) fn check_void_and_returns(
    tx: &Transaction<'_>,
    stall: &str,
    sale_id: &str,
    void: Option<&VoidRecord>,
    label: &str,
) -> Result<(), SyncError> {
    let (voided, returned): (bool, bool) = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_voids WHERE sale_id = ?1 AND stall_code = ?2),
                    EXISTS (SELECT 1 FROM office_returns WHERE sale_id = ?1 AND stall_code = ?2)",
        )?
        .query_row(params![sale_id, stall], |r| Ok((r.get(0)?, r.get(1)?)))?;
    match void {
        Some(void) => {
            if returned {
                return Err(Refusal::VoidAfterReturn {
                    record: label.to_string(),
                    sale_id: sale_id.to_string(),
                }
                .into());
            }
            if let Some(sale) = load_sale(tx, stall, sale_id)? {
                record_check::check_void_of(void, &sale).map_err(refused(label.to_string()))?;
            }
        }
        None if voided => {
            return Err(Refusal::ReturnOfVoided {
                record: label.to_string(),
                sale_id: sale_id.to_string(),
            }
            .into());
        }
        None => {}
    }
    Ok(())
}

fn describe_void(void: &VoidRecord) -> String {
    format!("batal penjualan {} tanggal {}", void.sale_id, void.day)
}

pub(super) fn load_void(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<VoidRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, sale_id, day, created_at, reason FROM office_voids WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(VoidRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                sale_id: r.get(1)?,
                day: r.get(2)?,
                created_at: r.get(3)?,
                reason: r.get(4)?,
            })
        })
        .optional()?)
}
