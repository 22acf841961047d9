//! The *tanda terima*: what the office hands a vendor for a file it imported
//! (or, on demand, for a stall's day as the office holds it): the stall, the
//! file and its SHA-256 prefix, the records new and already held, each day's
//! net and the fee due, and a QR the stall can keep.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use time::OffsetDateTime;

use super::OfficeError;
use super::centre::stall_day;
use super::import::ImportStats;
use crate::clock;
use crate::money::Rupiah;
use crate::store::Store;

/// One day a tanda terima covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoveredDay {
    pub day: String,
    pub sales_count: i64,
    /// What buyers paid for the day's standing sales.
    pub net: Rupiah,
    pub returns: Rupiah,
    pub fee: Rupiah,
}

/// Everything a tanda terima shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TandaTerima {
    pub centre: String,
    pub stall: String,
    pub stall_name: String,
    /// For a file: its name, export id and the first 16 hex of its SHA-256.
    pub file_name: Option<String>,
    pub export_id: Option<String>,
    pub sha256_prefix: Option<String>,
    pub new_records: Option<usize>,
    pub known_records: Option<usize>,
    pub days: Vec<CoveredDay>,
    /// Fee payments the stall has made so far, all days.
    pub fee_paid: Rupiah,
    /// Fees owed up to the last day covered, less `fee_paid` (never below
    /// zero: a stall that paid ahead owes nothing).
    pub fee_due: Rupiah,
    pub printed_at: String,
    /// What the QR code says.
    pub qr: String,
}

fn centre_name(store: &Store) -> Result<String, OfficeError> {
    Ok(store.require_office()?.name)
}

fn stall_name(store: &Store, code: &str) -> Result<String, OfficeError> {
    store
        .connection()
        .query_row(
            "SELECT name FROM office_stalls WHERE code = ?1",
            [code],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| OfficeError::UnknownStall(code.to_string()))
}

/// What is still due after the payments made, up to the last covered day.
fn due(store: &Store, code: &str, days: &[CoveredDay]) -> Result<(Rupiah, Rupiah), OfficeError> {
    let to = days.last().map(|d| d.day.as_str()).unwrap_or("0000-01-01");
    let (owed, paid) = super::fees::outstanding(store, code, to)?;
    let due = owed.checked_sub(paid)?.max(Rupiah::ZERO);
    Ok((paid, due))
}

fn covered(store: &Store, code: &str, days: &[String]) -> Result<Vec<CoveredDay>, OfficeError> {
    let from = days.first().cloned().unwrap_or_default();
    let to = days.last().cloned().unwrap_or_default();
    let fees = super::fees::owed(store, &from, &to)?;
    let mut covered = Vec::with_capacity(days.len());
    for day in days {
        let totals = stall_day(store.connection(), code, day)?;
        let fee = fees
            .iter()
            .find(|f| f.stall == code && &f.day == day)
            .map(|f| f.fee)
            .unwrap_or_default();
        covered.push(CoveredDay {
            day: day.clone(),
            sales_count: totals.sales_count,
            net: totals.net,
            returns: totals.returns,
            fee,
        });
    }
    Ok(covered)
}

/// The tanda terima for a file just imported (its figures as the office
/// holds them after the import).
pub fn for_import(
    store: &Store,
    file_name: &str,
    stats: &ImportStats,
    now: OffsetDateTime,
) -> Result<TandaTerima, OfficeError> {
    store.require_office()?;
    let days = covered(store, &stats.stall, &stats.days)?;
    let (fee_paid, fee_due) = due(store, &stats.stall, &days)?;
    let prefix: String = stats.file_sha256.chars().take(16).collect();
    Ok(TandaTerima {
        centre: centre_name(store)?,
        stall_name: stall_name(store, &stats.stall)?,
        stall: stats.stall.clone(),
        file_name: Some(file_name.to_string()),
        export_id: Some(stats.export_id.clone()),
        qr: format!("SENTRA-TT|{}|{}|{}", stats.stall, stats.export_id, prefix),
        sha256_prefix: Some(prefix),
        new_records: Some(stats.new_records),
        known_records: Some(stats.known_records),
        days,
        fee_paid,
        fee_due,
        printed_at: clock::stamp(now, store.offset()),
    })
}

/// The tanda terima for a stall's day as the office holds it now.
pub fn for_day(
    store: &Store,
    code: &str,
    day: &str,
    now: OffsetDateTime,
) -> Result<TandaTerima, OfficeError> {
    store.require_office()?;
    let name = stall_name(store, code)?;
    let days = covered(store, code, &[day.to_string()])?;
    let (fee_paid, fee_due) = due(store, code, &days)?;
    let records: i64 = store.connection().query_row(
        "SELECT COUNT(*) FROM office_seen WHERE stall_code = ?1 AND day = ?2",
        params![code, day],
        |r| r.get(0),
    )?;
    let net = days.first().map(|d| d.net).unwrap_or_default();
    Ok(TandaTerima {
        centre: centre_name(store)?,
        stall: code.to_string(),
        stall_name: name,
        file_name: None,
        export_id: None,
        sha256_prefix: None,
        new_records: None,
        known_records: Some(records as usize),
        qr: format!("SENTRA-TT|{code}|{day}|{}|{records}", net.value()),
        days,
        fee_paid,
        fee_due,
        printed_at: clock::stamp(now, store.offset()),
    })
}
