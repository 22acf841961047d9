//! *Tutup kasir* as one step for the command line and the window alike: the
//! export folder is tried first (so a missing USB stick is found out while
//! nothing has changed), then the day is closed, the file for the office is
//! written, and the day's backup is made.

use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::SyncError;
use super::export::{ExportSummary, check_writable, export};
use crate::money::Rupiah;
use crate::store::{DayCloseRecord, Store, StoreError};

/// What closing the day did. The day is closed whatever the export and the
/// backup did; their failures are for the person to see, not to undo it.
#[derive(Debug)]
pub struct ClosedDay {
    pub close: DayCloseRecord,
    /// The file for the office, when an export folder was given.
    pub export: Option<Result<ExportSummary, SyncError>>,
    /// The day's backup (`None` when today's exists already).
    pub backup: Result<Option<PathBuf>, StoreError>,
}

/// Closes today with `counted` cash in the drawer, then exports to
/// `export_dir` (if any) and backs the book up.
pub fn close_day(
    store: &mut Store,
    counted: Rupiah,
    export_dir: Option<&Path>,
    now: OffsetDateTime,
) -> Result<ClosedDay, SyncError> {
    if let Some(dir) = export_dir {
        store.check_output_folder(dir)?;
        check_writable(dir)?;
    }
    let close = store.close_day(counted, now)?;
    let export = export_dir.map(|dir| export(store, dir, None, now));
    let backup = store.daily_backup(now);
    Ok(ClosedDay {
        close,
        export,
        backup,
    })
}

/// Tutup kasir asked again on a day already closed, with an export folder:
/// the PC died, or the stick was full, between the close and its file. The
/// day stays as it was closed; the file it did not get is written now. With
/// nothing left to export it says so: the day is closed and all sent.
/// The one rule for `sentra day close` run again and the window's
/// *tulis ekspor lagi*.
pub fn export_after_close(
    store: &mut Store,
    day: &str,
    dir: &Path,
    now: OffsetDateTime,
) -> Result<ExportSummary, SyncError> {
    match export(store, dir, None, now) {
        Err(SyncError::NothingNew { last }) => Err(SyncError::AllExported {
            day: day.to_string(),
            last,
        }),
        written => written,
    }
}
