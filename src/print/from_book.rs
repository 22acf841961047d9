//! Documents for a book: gathers the plain data the drawing code takes (the
//! stall's heading, the sale, the day, the printing time) so the command line
//! and the window print the same paper from one place.

use time::OffsetDateTime;

use super::label::LabelData;
use super::{centre_report, day_report, escpos, receipt, receipt_text};
use crate::domain::calendar;
use crate::domain::label::{LabelError, check_total};
use crate::domain::language::Language;
use crate::office::centre::CentreDay;
use crate::store::{CompletedSale, DayReport, Store, StoreError};

/// The language of the book's paper (the `language` setting).
pub fn language(store: &Store) -> Language {
    store
        .settings()
        .map(|s| Language::from_key(&s.language))
        .unwrap_or_default()
}

/// `27 Nov 2026 21.30` on the stall's clock, for a document's footer.
fn printed_at(store: &Store, now: OffsetDateTime) -> String {
    calendar::stamp(&crate::clock::stamp(now, store.offset()), language(store))
}

/// Draws a sale's receipt with `draw` from the plain data every form of it
/// is made from: the stall's heading, its struk key, the paper's language.
fn with_receipt<T>(
    store: &Store,
    sale: &CompletedSale,
    paper_mm: u16,
    copy: bool,
    draw: impl FnOnce(&receipt::ReceiptData<'_>) -> T,
) -> Result<T, StoreError> {
    let identity = store.require_stall()?;
    let (struk_key, _) = store.struk_key()?;
    Ok(draw(&receipt::ReceiptData {
        stall_name: &identity.name,
        stall_code: identity.stall_code(),
        regency: identity.regency.map(|r| r.name).unwrap_or_default(),
        sale,
        struk_key: &struk_key,
        paper_mm,
        copy,
        language: language(store),
    }))
}

/// A sale's receipt on paper `paper_mm` wide; a reprint (`copy`) says SALINAN.
pub fn receipt_pdf(
    store: &Store,
    sale: &CompletedSale,
    paper_mm: u16,
    copy: bool,
) -> Result<Vec<u8>, StoreError> {
    with_receipt(store, sale, paper_mm, copy, receipt::receipt_pdf)
}

/// The same receipt as text, 32 or 48 characters wide.
pub fn receipt_text(
    store: &Store,
    sale: &CompletedSale,
    paper_mm: u16,
    copy: bool,
) -> Result<String, StoreError> {
    with_receipt(store, sale, paper_mm, copy, receipt_text::render)
}

/// The same receipt as a wa.me link for the buyer's number (`08…`): the
/// text struk, exactly.
pub fn receipt_whatsapp(
    store: &Store,
    sale: &CompletedSale,
    paper_mm: u16,
    number: &str,
) -> Result<String, StoreError> {
    let number = crate::domain::whatsapp::wa_number(number)?;
    let text = receipt_text(store, sale, paper_mm, false)?;
    Ok(crate::domain::whatsapp::link(&number, &text))
}

/// The same receipt as ESC/POS bytes for a thermal printer.
pub fn receipt_escpos(
    store: &Store,
    sale: &CompletedSale,
    paper_mm: u16,
    copy: bool,
) -> Result<Vec<u8>, StoreError> {
    with_receipt(store, sale, paper_mm, copy, escpos::receipt)
}

/// A test page for the receipt printer, in ESC/POS.
pub fn printer_test(store: &Store, paper_mm: u16) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    Ok(escpos::test_page(&identity.name, paper_mm))
}

/// The labels of `(SKU, copies)`, each product's label `copies` times in a
/// row. Refuses an unknown SKU, a product without a barcode and more labels
/// than one print takes, before anything is drawn.
pub fn labels(store: &Store, requests: &[(String, u32)]) -> Result<Vec<LabelData>, StoreError> {
    store.require_stall()?;
    let total = check_total(requests)?;
    let mut labels = Vec::with_capacity(total);
    for (sku, copies) in requests {
        let product = store.find_product(sku)?;
        let barcode = product
            .barcode
            .clone()
            .ok_or_else(|| LabelError::NoBarcode(product.sku.clone()))?;
        let label = LabelData {
            name: product.name.clone(),
            price: product.price,
            unit: product.unit,
            barcode,
            sku: product.sku.clone(),
            // The penitip's code, for goods on consignment (titip jual).
            producer: product.producer.clone(),
        };
        labels.extend(std::iter::repeat_n(label, *copies as usize));
    }
    Ok(labels)
}

/// A day's report on A4.
pub fn day_report_pdf(
    store: &Store,
    report: &DayReport,
    now: OffsetDateTime,
) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    Ok(day_report::day_report_pdf(
        &stall_heading(store, &identity),
        report,
        &printed_at(store, now),
    ))
}

/// A customer's kasbon statement on A4.
pub fn kasbon_statement_pdf(
    store: &Store,
    statement: &crate::store::KasbonStatement,
    now: OffsetDateTime,
) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    let today = calendar::long_date(store.business_day(now), language(store));
    Ok(super::kasbon::statement_pdf(
        &stall_heading(store, &identity),
        statement,
        &today,
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
        language(store),
    ))
}

fn stall_heading<'a>(
    store: &Store,
    identity: &'a crate::store::Identity,
) -> day_report::StallHeading<'a> {
    day_report::StallHeading {
        name: &identity.name,
        code: identity.stall_code(),
        regency: identity.regency.map(|r| r.name).unwrap_or_default(),
        language: language(store),
    }
}

/// The roll the stall's struk is printed on, where its kuitansi go too.
pub fn receipt_roll(store: &Store) -> super::tanda_terima::Paper {
    super::tanda_terima::Paper::of_receipt(store.settings().map(|s| s.receipt_width).unwrap_or(58))
}

/// The kuitansi for a payout to a penitip, on `paper`.
pub fn payout_kuitansi_pdf(
    store: &Store,
    payout: &crate::store::Payout,
    paper: super::tanda_terima::Paper,
) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    let stall = stall_heading(store, &identity);
    let kuitansi = super::kuitansi::payout(&stall, payout);
    Ok(super::kuitansi::kuitansi_pdf(
        &kuitansi,
        paper,
        stall.language,
    ))
}

/// The kuitansi for kasbon paid back, on `paper`.
pub fn repayment_kuitansi_pdf(
    store: &Store,
    repayment: &crate::store::Repayment,
    paper: super::tanda_terima::Paper,
) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    let stall = stall_heading(store, &identity);
    let kuitansi = super::kuitansi::repayment(&stall, repayment);
    Ok(super::kuitansi::kuitansi_pdf(
        &kuitansi,
        paper,
        stall.language,
    ))
}

/// A handover note (*berita acara serah terima*) on A4.
pub fn handover_note_pdf(
    store: &Store,
    note: &crate::store::HandoverNote,
    now: OffsetDateTime,
) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    Ok(super::consign::handover_note_pdf(
        &stall_heading(store, &identity),
        note,
        &printed_at(store, now),
    ))
}

/// A producer's statement (*laporan titip jual*) on A4.
pub fn producer_statement_pdf(
    store: &Store,
    statement: &crate::store::ProducerStatement,
    now: OffsetDateTime,
) -> Result<Vec<u8>, StoreError> {
    let identity = store.require_stall()?;
    Ok(super::consign::statement_pdf(
        &stall_heading(store, &identity),
        statement,
        &printed_at(store, now),
    ))
}

/// The centre's producers on A4 (office books).
pub fn producers_report_pdf(
    store: &Store,
    report: &crate::office::producers::ProducersReport,
    now: OffsetDateTime,
) -> Result<Vec<u8>, StoreError> {
    let centre = store.require_office()?;
    Ok(super::consign::producers_report_pdf(
        &centre.name,
        report,
        &printed_at(store, now),
    ))
}

/// The month's books (SAK EMKM) on A4.
pub fn month_books_pdf(
    store: &Store,
    books: &crate::books::MonthBooks,
    now: OffsetDateTime,
) -> Result<Vec<u8>, StoreError> {
    Ok(super::month_books::month_books_pdf(
        books,
        language(store),
        &printed_at(store, now),
    ))
}
