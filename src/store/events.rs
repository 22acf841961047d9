//! Events a manager should know about — a wrong manager PIN, the PIN locked,
//! a clock set back and accepted — recorded in the book, shown in the day
//! report and sent to the office like any other record.

use rusqlite::{Transaction, params};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::days::day_key;
use super::{Result, Store, sequence};
use crate::clock;

/// One event as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BookEvent {
    pub seq: i64,
    pub day: String,
    pub created_at: String,
    pub kind: String,
    pub detail: String,
}

/// Records an event inside `tx`, numbered in the stall's sequence.
pub(super) fn record(
    tx: &Transaction<'_>,
    kind: &str,
    detail: &str,
    day: &str,
    stamp: &str,
) -> Result<()> {
    let seq = sequence::next_for_event(tx, stamp)?;
    tx.prepare_cached(
        "INSERT INTO book_events (id, seq, day, created_at, kind, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![Uuid::now_v7().to_string(), seq, day, stamp, kind, detail])?;
    Ok(())
}

impl Store {
    /// A manager accepts the PC's clock although it is earlier than the
    /// book's latest record (the clock was wrong before, or the PC's battery
    /// died): checked with the PIN, recorded with both times.
    pub fn accept_clock(&mut self, pin: &str, now: OffsetDateTime) -> Result<Option<String>> {
        self.verify_pin(pin, now)?;
        let stamp = clock::stamp(now, self.offset);
        let day = day_key(self.business_day(now));
        self.write(|tx| {
            let before = sequence::latest_at(tx)?;
            let detail = format!(
                "jam mundur diterima: catatan terakhir {}, jam sekarang {stamp}",
                before.as_deref().unwrap_or("-")
            );
            sequence::accept_clock(tx, &stamp)?;
            record(tx, "clock_accepted", &detail, &day, &stamp)?;
            Ok(before)
        })
    }

    /// The events of a business day, in order.
    pub fn events_on(&self, day: &str) -> Result<Vec<BookEvent>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT seq, day, created_at, kind, detail FROM book_events WHERE day = ?1 ORDER BY seq",
        )?;
        let events = statement
            .query_map([day], |r| {
                Ok(BookEvent {
                    seq: r.get(0)?,
                    day: r.get(1)?,
                    created_at: r.get(2)?,
                    kind: r.get(3)?,
                    detail: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(events)
    }
}
