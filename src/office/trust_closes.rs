//! Tutup kasir at the office: a day close agrees with the day's records the
//! stall numbered before it (the count and total of its standing sales and
//! the drawer's movements), checked at once or when the gap before it closes.

use rusqlite::{OptionalExtension, Transaction, params};

use super::trust::{Admission, Checker, is_new, same_seq_elsewhere};
use crate::domain::record::DayCloseRecord;
use crate::money::Rupiah;
use crate::sync::SyncError;
use crate::sync::content::Refusal;

/// Tutup kasir: each agreeing with the day's records held.
pub(super) struct DayCloses;

impl Checker for DayCloses {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for close in &content.day_closes {
            let label = format!("tutup kasir {} ({})", close.day, close.id);
            if !is_new(
                tx,
                "office_day_closes",
                &close.id,
                stall,
                &label,
                || {
                    load_day_close(tx, stall, &close.id)
                        .map(|held| held.map(|h| (h == *close, describe_close(&h))))
                },
                || describe_close(close),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, close.seq, &close.id, &label)?;
            insert_day_close(tx, stall, close)?;
            check_close_against_records(tx, stall, close)?;
            new += 1;
        }
        Ok(new)
    }
}

/// A day close whose every earlier record is held must agree with them: the
/// number of the day's standing sales and their total, as they stood when
/// the day was closed (records numbered before the close).
pub(super) fn check_close_against_records(
    tx: &Transaction<'_>,
    stall: &str,
    close: &DayCloseRecord,
) -> Result<(), SyncError> {
    if !super::trust_later::all_before_held(tx, stall, close.seq)? {
        // Some earlier record is still on its way: compared when it comes
        // (numbers a restore gave up are not waited for).
        return super::trust_later::defer(
            tx,
            stall,
            super::trust_later::Later::Close,
            &close.id,
            close.seq,
        );
    }
    let (count, net): (i64, i64) = tx
        .prepare_cached(
            "SELECT COUNT(*), COALESCE(SUM(s.total), 0) FROM office_sales s
             WHERE s.stall_code = ?1 AND s.day = ?2 AND +s.seq < ?3
               AND s.epoch = (SELECT epoch FROM office_stalls WHERE code = ?1)
               AND NOT EXISTS (SELECT 1 FROM office_voids v WHERE v.sale_id = s.id
                               AND v.stall_code = s.stall_code AND +v.seq < ?3)",
        )?
        .query_row(params![stall, close.day, close.seq], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let flows = cash_flows_before(tx, stall, close)?;
    for (field, found, expected) in [
        ("jumlah nota", close.sales_count, count),
        ("neto", close.net_total, net),
        ("tunai masuk", close.cash_in, flows[0]),
        ("tunai keluar (retur)", close.cash_out, flows[1]),
        ("bayar penitip tunai", close.producer_payouts, flows[2]),
        ("cicilan kasbon tunai", close.kasbon_repayments, flows[3]),
        ("pengeluaran laci", close.drawer_expenses, flows[4]),
    ] {
        if found != expected {
            return Err(Refusal::CloseDoesNotMatch {
                day: close.day.clone(),
                field,
                found,
                expected,
            }
            .into());
        }
    }
    Ok(())
}

/// The drawer's movements of the close's day as the stall's records before
/// the close make them, the way the till counted them: cash taken on the
/// standing sales, cash given back on returns, cash paid to producers, cash
/// kasbon repayments, expenses from the drawer.
fn cash_flows_before(
    tx: &Transaction<'_>,
    stall: &str,
    close: &DayCloseRecord,
) -> Result<[i64; 5], SyncError> {
    // `+seq` keeps SQLite on the (day, stall) indexes: a range over the
    // stall's numbers would read every earlier record, close after close.
    const EPOCH: &str = "(SELECT epoch FROM office_stalls WHERE code = ?1)";
    let sql = format!(
        "SELECT
            (SELECT COALESCE(SUM(p.amount), 0) FROM office_payments p
               JOIN office_sales s ON s.id = p.sale_id AND s.stall_code = p.stall_code
              WHERE s.stall_code = ?1 AND s.day = ?2 AND +s.seq < ?3 AND s.epoch = {EPOCH}
                AND p.method = 'cash'
                AND NOT EXISTS (SELECT 1 FROM office_voids v WHERE v.sale_id = s.id
                                AND v.stall_code = s.stall_code AND +v.seq < ?3)),
            (SELECT COALESCE(SUM(refund), 0) FROM office_returns WHERE stall_code = ?1
                AND day = ?2 AND +seq < ?3 AND epoch = {EPOCH} AND refund_method = 'cash'),
            (SELECT COALESCE(SUM(amount), 0) FROM office_payouts WHERE stall_code = ?1
                AND day = ?2 AND +seq < ?3 AND epoch = {EPOCH} AND method = 'cash'),
            (SELECT COALESCE(SUM(amount), 0) FROM office_repayments WHERE stall_code = ?1
                AND day = ?2 AND +seq < ?3 AND epoch = {EPOCH} AND method = 'cash'),
            (SELECT COALESCE(SUM(amount), 0) FROM office_expenses WHERE stall_code = ?1
                AND day = ?2 AND +seq < ?3 AND epoch = {EPOCH} AND from_drawer = 1)"
    );
    Ok(tx
        .prepare_cached(&sql)?
        .query_row(params![stall, close.day, close.seq], |r| {
            Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
        })?)
}

fn describe_close(close: &DayCloseRecord) -> String {
    format!(
        "tutup kasir {}: dihitung {}, selisih {}",
        close.day,
        Rupiah::new(close.counted),
        Rupiah::new(close.difference)
    )
}

fn insert_day_close(
    tx: &Transaction<'_>,
    stall: &str,
    close: &DayCloseRecord,
) -> Result<(), SyncError> {
    tx.prepare_cached(
        "INSERT INTO office_day_closes (id, stall_code, seq, day, created_at, opening_float,
            cash_in, cash_out, expected, counted, difference, sales_count, net_total, epoch, producer_payouts,
            kasbon_repayments, drawer_expenses, books_out)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, (SELECT epoch FROM office_stalls WHERE code = ?2),
                 ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        close.id,
        stall,
        close.seq,
        close.day,
        close.created_at,
        close.opening_float,
        close.cash_in,
        close.cash_out,
        close.expected,
        close.counted,
        close.difference,
        close.sales_count,
        close.net_total,
        close.producer_payouts,
        close.kasbon_repayments,
        close.drawer_expenses,
        close.books_out
    ])?;
    Ok(())
}

pub(super) fn load_day_close(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<DayCloseRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, day, created_at, opening_float, cash_in, cash_out, expected, counted, difference,
                    sales_count, net_total, producer_payouts, kasbon_repayments, drawer_expenses,
                    books_out
             FROM office_day_closes WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(DayCloseRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                opening_float: r.get(3)?,
                cash_in: r.get(4)?,
                cash_out: r.get(5)?,
                expected: r.get(6)?,
                counted: r.get(7)?,
                difference: r.get(8)?,
                sales_count: r.get(9)?,
                net_total: r.get(10)?,
                producer_payouts: r.get(11)?,
                kasbon_repayments: r.get(12)?,
                drawer_expenses: r.get(13)?,
                books_out: r.get(14)?,
            })
        })
        .optional()?)
}
