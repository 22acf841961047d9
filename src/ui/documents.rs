//! Paper from the window: a receipt after a sale, the day report, the
//! centre report. Each is rendered and written on the book's worker, kept in
//! the data folder, then opened or printed as the settings say.

use std::path::PathBuf;

use super::action::at_now;
use super::refusal::{Refusal, WindowError};
use crate::office::centre::CentreDay;
use crate::print::deliver::{Delivery, deliver};
use crate::print::from_book;
use crate::store::Store;

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

/// Writes `bytes` as `name` in the data folder's `under/` and hands it on
/// as the settings say (save, open or print); returns the file's path.
pub fn keep(store: &Store, under: &str, name: &str, bytes: &[u8]) -> Result<String, Refusal> {
    finish(
        store,
        folder(store, under)?.join(name),
        bytes,
        delivery(store)?,
    )
}

/// Writes the kuitansi of a kasbon repayment to `rekening/`, on the struk's
/// roll.
pub fn repayment_kuitansi(
    store: &Store,
    repayment: &crate::store::Repayment,
) -> Result<String, Refusal> {
    let paper = from_book::receipt_roll(store);
    let bytes = from_book::repayment_kuitansi_pdf(store, repayment, paper)?;
    let name = format!("kuitansi-{}-{}.pdf", repayment.customer, repayment.seq);
    keep(store, "rekening", &name, &bytes)
}

/// Writes the kuitansi of a payout to a penitip to `titipan/`, on the
/// struk's roll.
pub fn payout_kuitansi(store: &Store, payout: &crate::store::Payout) -> Result<String, Refusal> {
    let paper = from_book::receipt_roll(store);
    let bytes = from_book::payout_kuitansi_pdf(store, payout, paper)?;
    let name = format!("kuitansi-{}-{}.pdf", payout.producer, payout.seq);
    keep(store, "titipan", &name, &bytes)
}

/// Writes the receipt of `receipt` (a reprint says SALINAN) to
/// `struk/` and hands it on; returns the file's path. With a thermal
/// printer set, the receipt goes to it as ESC/POS and the PDF is only kept.
pub fn receipt(store: &Store, receipt: &str, copy: bool) -> Result<String, Refusal> {
    let sale = store.sale(receipt)?;
    let settings = store.settings()?;
    let width = settings.receipt_width;
    let bytes = from_book::receipt_pdf(store, &sale, width, copy)?;
    let name = if copy {
        format!("{receipt}-salinan.pdf")
    } else {
        format!("{receipt}.pdf")
    };
    let how = match &settings.escpos_printer {
        Some(printer) => {
            store.check_printer(printer)?;
            let escpos = from_book::receipt_escpos(store, &sale, width, copy)?;
            crate::print::raw::send(printer, &escpos)?;
            Delivery::Save
        }
        None => delivery(store)?,
    };
    finish(store, folder(store, "struk")?.join(name), &bytes, how)
}

/// Opens a wa.me link with the sale's text struk for the buyer's number
/// (the browser or WhatsApp Desktop takes it on); the link, to show.
pub fn whatsapp(store: &Store, receipt: &str, number: &str) -> Result<String, Refusal> {
    let sale = store.sale(receipt)?;
    let width = store.settings()?.receipt_width;
    let link = from_book::receipt_whatsapp(store, &sale, width, number)?;
    crate::print::deliver::open_link(&link)?;
    Ok(link)
}

/// Sends a test page to `printer` (as typed in Pengaturan, saved or not).
pub fn test_print(store: &Store, printer: &str) -> Result<String, Refusal> {
    let target = crate::domain::printer::PrinterTarget::parse(printer)?
        .ok_or_else(|| crate::domain::printer::PrinterError::Shape(printer.to_string()))?;
    store.check_printer(&target)?;
    let bytes = from_book::printer_test(store, store.settings()?.receipt_width)?;
    crate::print::raw::send(&target, &bytes)?;
    Ok(target.to_string())
}

/// Writes price labels of `(SKU, copies)` on `sheet` to `label/`, opened or
/// printed as receipts are; returns how many and the file's path.
pub fn labels(
    store: &Store,
    requests: &[(String, u32)],
    sheet: &str,
    skip: usize,
) -> Result<(usize, String), Refusal> {
    use crate::domain::label::LabelError;
    use crate::print::label::{LabelSheet, labels_pdf};
    let stock = LabelSheet::find(sheet).ok_or_else(|| LabelError::Sheet(sheet.to_string()))?;
    if skip >= stock.per_page() {
        return Err(LabelError::Skip {
            skip: skip.to_string(),
            per_page: stock.per_page(),
        }
        .into());
    }
    let labels = from_book::labels(store, requests)?;
    let bytes = labels_pdf(&labels, stock, skip)?;
    let name = at_now(|now| {
        Ok::<_, Refusal>(format!(
            "label-{}.pdf",
            crate::clock::stamp(now, store.offset())
                .get(..19)
                .unwrap_or_default()
                .replace([':', 'T'], "-")
        ))
    })?;
    let path = finish(
        store,
        folder(store, "label")?.join(name),
        &bytes,
        delivery(store)?,
    )?;
    Ok((labels.len(), path))
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

/// Writes the month's statements (SAK EMKM) to `laporan/`.
pub fn month_books(store: &Store, books: &crate::books::MonthBooks) -> Result<String, Refusal> {
    let bytes = at_now(|now| from_book::month_books_pdf(store, books, now))?;
    let name = format!("bulanan-{}.pdf", books.statements.period);
    finish(
        store,
        folder(store, "laporan")?.join(name),
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
