//! Paper from the window: a receipt after a sale, the day report, the
//! centre report. Each is rendered and written on a worker thread, kept in
//! the data folder, then opened or printed as the settings say.

use std::path::PathBuf;

use super::effect::at_now;
use crate::print::deliver::{Delivery, deliver};
use crate::print::from_book;
use crate::store::Store;
use crate::sync::office::CentreDay;

fn folder(store: &Store, name: &str) -> Result<PathBuf, String> {
    let folder = store.dir().join(name);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    Ok(folder)
}

fn delivery(store: &Store) -> Result<Delivery, String> {
    let settings = store.settings().map_err(|e| e.to_string())?;
    Ok(Delivery::from_key(&settings.receipt_delivery).unwrap_or_default())
}

fn finish(store: &Store, path: PathBuf, bytes: &[u8], how: Delivery) -> Result<String, String> {
    store.check_output_path(&path).map_err(|e| e.to_string())?;
    crate::print::write_file(&path, bytes).map_err(|e| e.to_string())?;
    deliver(&path, how)?;
    Ok(path.display().to_string())
}

/// Writes the receipt of `receipt` (a reprint says SALINAN) to
/// `struk/` and hands it on; returns the file's path.
pub fn receipt(store: &Store, receipt: &str, copy: bool) -> Result<String, String> {
    let sale = store.sale(receipt).map_err(|e| e.to_string())?;
    let width = store.settings().map_err(|e| e.to_string())?.receipt_width;
    let bytes = from_book::receipt_pdf(store, &sale, width, copy).map_err(|e| e.to_string())?;
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
pub fn day_report(store: &Store, day: &str) -> Result<String, String> {
    let date = crate::clock::parse_day(day).ok_or_else(|| format!("tanggal {day}"))?;
    let report = store.day_report(date).map_err(|e| e.to_string())?;
    let bytes = at_now(|now| from_book::day_report_pdf(store, &report, now))?;
    finish(
        store,
        folder(store, "laporan")?.join(format!("harian-{day}.pdf")),
        &bytes,
        delivery(store)?,
    )
}

/// Writes the centre report of `day` to `laporan/` (office).
pub fn centre_report(store: &Store, day: &CentreDay) -> Result<String, String> {
    let bytes = at_now(|now| from_book::centre_report_pdf(store, day, now))?;
    finish(
        store,
        folder(store, "laporan")?.join(format!("sentra-{}.pdf", day.date)),
        &bytes,
        delivery(store)?,
    )
}
