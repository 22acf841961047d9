//! Events at the office (PIN used, day reopened, clock accepted, book
//! restored): kept as the stall sent them; a reopen only of a day the stall
//! closed before it; a restore's given-up numbers noted.

use rusqlite::{OptionalExtension, Transaction, params};

use super::trust::{Admission, Checker, is_new, same_seq_elsewhere};
use crate::domain::record::EventRecord;
use crate::domain::record_check::RecordRule;
use crate::domain::restore::{RESTORED, RestoreNote};
use crate::sync::SyncError;
use crate::sync::content::Refusal;

/// Events (PIN used, day reopened, clock accepted): a reopen only after a close.
pub(super) struct Events;

impl Checker for Events {
    fn admit(&self, at: &mut Admission<'_>) -> Result<usize, SyncError> {
        let (tx, content, stall) = (at.tx, at.content, at.stall);
        let mut new = 0;
        for event in &content.events {
            let label = format!("kejadian {} ({})", event.kind, event.id);
            if !is_new(
                tx,
                "office_events",
                &event.id,
                stall,
                &label,
                || {
                    load_event(tx, stall, &event.id)
                        .map(|held| held.map(|h| (h == *event, describe_event(&h))))
                },
                || describe_event(event),
            )? {
                continue;
            }
            same_seq_elsewhere(tx, stall, event.seq, &event.id, &label)?;
            reopened_after_a_close(tx, stall, event, &label)?;
            insert_event(tx, stall, event)?;
            keep_given_up(tx, stall, event)?;
            new += 1;
        }
        Ok(new)
    }
}

fn insert_event(tx: &Transaction<'_>, stall: &str, event: &EventRecord) -> Result<(), SyncError> {
    tx.prepare_cached(
        "INSERT INTO office_events (id, stall_code, seq, day, created_at, kind, detail, epoch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT epoch FROM office_stalls WHERE code = ?2))",
    )?
    .execute(params![
        event.id,
        stall,
        event.seq,
        event.day,
        event.created_at,
        event.kind,
        event.detail
    ])?;
    Ok(())
}

/// A restore's given-up numbers, kept apart from the numbers held (the
/// gap stays shown) for the checks that wait on the numbers before them.
fn keep_given_up(tx: &Transaction<'_>, stall: &str, event: &EventRecord) -> Result<(), SyncError> {
    if event.kind != RESTORED {
        return Ok(());
    }
    let Some((first, last, _)) = RestoreNote::read(&event.detail).and_then(|n| n.given_up) else {
        return Ok(());
    };
    tx.prepare_cached(
        "INSERT OR IGNORE INTO office_given_up (stall_code, epoch, event_id, first, last)
         VALUES (?1, (SELECT epoch FROM office_stalls WHERE code = ?1), ?2, ?3, ?4)",
    )?
    .execute(params![stall, event.id, first, last])?;
    Ok(())
}

/// A reopen is of a day the stall closed before it (the close in this file
/// or held from an earlier one): a reopen of a day never closed is forged.
fn reopened_after_a_close(
    tx: &Transaction<'_>,
    stall: &str,
    event: &EventRecord,
    label: &str,
) -> Result<(), SyncError> {
    if event.kind != crate::domain::day_close::DAY_REOPENED {
        return Ok(());
    }
    let day = crate::domain::day_close::reopened_day(&event.detail).unwrap_or_default();
    let closed: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM office_day_closes WHERE stall_code = ?1 AND day = ?2 AND seq < ?3
                              AND epoch = (SELECT epoch FROM office_stalls WHERE code = ?1))",
        )?
        .query_row(params![stall, day, event.seq], |r| r.get(0))?;
    if closed {
        return Ok(());
    }
    Err(Refusal::Record {
        record: label.to_string(),
        rule: RecordRule::ReopenWithoutClose(day.to_string()),
    }
    .into())
}

fn describe_event(event: &EventRecord) -> String {
    format!("{} {}: {}", event.kind, event.created_at, event.detail)
}

fn load_event(
    tx: &Transaction<'_>,
    stall: &str,
    id: &str,
) -> Result<Option<EventRecord>, SyncError> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, day, created_at, kind, detail FROM office_events WHERE id = ?1 AND stall_code = ?2",
        )?
        .query_row(params![id, stall], |r| {
            Ok(EventRecord {
                id: id.to_string(),
                seq: r.get(0)?,
                day: r.get(1)?,
                created_at: r.get(2)?,
                kind: r.get(3)?,
                detail: r.get(4)?,
            })
        })
        .optional()?)
}
