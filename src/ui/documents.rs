//! Paper from the window: a receipt after a sale, the day report, the
//! centre report. Each is rendered and written on a worker thread, kept in
//! the data folder, then opened or printed as the settings say.

use std::path::PathBuf;

use crate::print::deliver::{Delivery, deliver};
use crate::store::Store;

fn folder(store: &Store, name: &str) -> Result<PathBuf, String> {
    let folder = store.dir().join(name);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    Ok(folder)
}

fn delivery(store: &Store) -> Result<Delivery, String> {
    let settings = store.settings().map_err(|e| e.to_string())?;
    Ok(Delivery::from_key(&settings.receipt_delivery).unwrap_or_default())
}

fn finish(path: PathBuf, bytes: &[u8], how: Delivery) -> Result<String, String> {
    crate::print::write_file(&path, bytes).map_err(|e| e.to_string())?;
    deliver(&path, how)?;
    Ok(path.display().to_string())
}

/// Writes the receipt of `receipt` (a reprint says SALINAN) to
/// `struk/` and hands it on; returns the file's path.
pub fn receipt(store: &Store, receipt: &str, copy: bool) -> Result<String, String> {
    let identity = store.require_stall().map_err(|e| e.to_string())?;
    let sale = store.sale(receipt).map_err(|e| e.to_string())?;
    let settings = store.settings().map_err(|e| e.to_string())?;
    let bytes = crate::print::receipt::receipt_pdf(&crate::print::receipt::ReceiptData {
        stall_name: &identity.name,
        stall_code: identity.stall_code(),
        regency: identity.regency.map(|r| r.name).unwrap_or_default(),
        sale: &sale,
        paper_mm: settings.receipt_width,
        copy,
    });
    let name = if copy {
        format!("{receipt}-salinan.pdf")
    } else {
        format!("{receipt}.pdf")
    };
    finish(folder(store, "struk")?.join(name), &bytes, delivery(store)?)
}

/// Writes the day report of `day` (`YYYY-MM-DD`) to `laporan/`.
pub fn day_report(store: &Store, day: &str) -> Result<String, String> {
    let identity = store.require_stall().map_err(|e| e.to_string())?;
    let date = crate::clock::parse_day(day).ok_or_else(|| format!("tanggal {day}"))?;
    let report = store.day_report(date).map_err(|e| e.to_string())?;
    let now = crate::clock::now().map_err(|e| e.to_string())?;
    let printed = crate::print::day_report::short(&crate::clock::stamp(now, store.offset()));
    let heading = crate::print::day_report::StallHeading {
        name: &identity.name,
        code: identity.stall_code(),
        regency: identity.regency.map(|r| r.name).unwrap_or_default(),
    };
    let bytes = crate::print::day_report::day_report_pdf(&heading, &report, &printed);
    finish(
        folder(store, "laporan")?.join(format!("harian-{day}.pdf")),
        &bytes,
        delivery(store)?,
    )
}

/// Writes the centre report of `day` to `laporan/` (office).
pub fn centre_report(
    store: &Store,
    day: &crate::sync::office::CentreDay,
) -> Result<String, String> {
    let centre = store.require_office().map_err(|e| e.to_string())?;
    let now = crate::clock::now().map_err(|e| e.to_string())?;
    let printed = crate::print::day_report::short(&crate::clock::stamp(now, store.offset()));
    let bytes = crate::print::centre_report::centre_report_pdf(&centre.name, day, &printed);
    finish(
        folder(store, "laporan")?.join(format!("sentra-{}.pdf", day.date)),
        &bytes,
        delivery(store)?,
    )
}
