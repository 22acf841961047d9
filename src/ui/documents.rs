//! Paper from the window: a receipt after a sale, the day report, the
//! centre report. Each is rendered and written on the book's worker, kept in
//! the data folder, then opened or printed as the settings say.

use std::path::PathBuf;

use super::effect::at_now;
use super::refusal::{Refusal, WindowError};
use crate::print::deliver::{Delivery, deliver};
use crate::print::from_book;
use crate::store::Store;
use crate::sync::office::CentreDay;

fn folder(store: &Store, name: &str) -> Result<PathBuf, Refusal> {
    let folder = store.dir().join(name);
    std::fs::create_dir_all(&folder).map_err(|e| WindowError::Folder {
        path: folder.display().to_string(),
        reason: e.to_string(),
    })?;
    Ok(folder)
}

fn delivery(store: &Store) -> Result<Delivery, Refusal> {
    let settings = store.settings()?;
    Ok(Delivery::from_key(&settings.receipt_delivery).unwrap_or_default())
}

fn finish(store: &Store, path: PathBuf, bytes: &[u8], how: Delivery) -> Result<String, Refusal> {
    store.check_output_path(&path)?;
    crate::print::write_file(&path, bytes)?;
    deliver(&path, how)?;
    Ok(path.display().to_string())
}

/// Writes the receipt of `receipt` (a reprint says SALINAN) to
/// `struk/` and hands it on; returns the file's path.
pub fn receipt(store: &Store, receipt: &str, copy: bool) -> Result<String, Refusal> {
    let sale = store.sale(receipt)?;
    let width = store.settings()?.receipt_width;
    let bytes = from_book::receipt_pdf(store, &sale, width, copy)?;
    let name = if copy {
        format!("{receipt}-salinan.pdf")
    } else {
        format!("{receipt}.pdf")
    };
    finish(
        store,
        folder(store, "struk")?.join(name),
        &bytes,
        delivery(store)?,
    )
}

/// Writes the day report of `day` (`YYYY-MM-DD`) to `laporan/`.
pub fn day_report(store: &Store, day: &str) -> Result<String, Refusal> {
    let date = crate::clock::parse_day(day).ok_or_else(|| WindowError::Day(day.to_string()))?;
    let report = store.day_report(date)?;
    let bytes = at_now(|now| from_book::day_report_pdf(store, &report, now))?;
    finish(
        store,
        folder(store, "laporan")?.join(format!("harian-{day}.pdf")),
        &bytes,
        delivery(store)?,
    )
}

/// Writes the centre report of `day` to `laporan/` (office).
pub fn centre_report(store: &Store, day: &CentreDay) -> Result<String, Refusal> {
    let bytes = at_now(|now| from_book::centre_report_pdf(store, day, now))?;
    finish(
        store,
        folder(store, "laporan")?.join(format!("sentra-{}.pdf", day.date)),
        &bytes,
        delivery(store)?,
    )
}
