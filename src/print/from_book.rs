//! Documents for a book: gathers the plain data the drawing code takes (the
//! stall's heading, the sale, the day, the printing time) so the command line
//! and the window print the same paper from one place.

use time::OffsetDateTime;

use super::{centre_report, day_report, receipt};
use crate::store::{CompletedSale, DayReport, Store, StoreError};
use crate::sync::office::CentreDay;

/// `2026-11-27 21:30` on the stall's clock, for a document's footer.
fn printed_at(store: &Store, now: OffsetDateTime) -> String {
    day_report::short(&crate::clock::stamp(now, store.offset()))
}

/// A sale's receipt on paper `paper_mm` wide; a reprint (`copy`) says SALINAN.
pub fn receipt_pdf(
    store: &Store,
    sale: &CompletedSale,
    paper_mm: u16,
    copy: bool,
) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    Ok(receipt::receipt_pdf(&receipt::ReceiptData {
        stall_name: &identity.name,
        stall_code: identity.stall_code(),
        regency: identity.regency.map(|r| r.name).unwrap_or_default(),
        sale,
        paper_mm,
        copy,
    }))
}

/// A day's report on A4.
pub fn day_report_pdf(
    store: &Store,
    report: &DayReport,
    now: OffsetDateTime,
) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    let heading = day_report::StallHeading {
        name: &identity.name,
        code: identity.stall_code(),
        regency: identity.regency.map(|r| r.name).unwrap_or_default(),
    };
    Ok(day_report::day_report_pdf(
        &heading,
        report,
        &printed_at(store, now),
    ))
}

/// The centre's day on A4 (office books).
pub fn centre_report_pdf(
    store: &Store,
    day: &CentreDay,
    now: OffsetDateTime,
) -> Result<Vec<u8>, StoreError> {
    let centre = store.require_office()?;
    Ok(centre_report::centre_report_pdf(
        &centre.name,
        day,
        &printed_at(store, now),
    ))
}
