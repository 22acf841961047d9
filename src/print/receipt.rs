//! The *struk*: as wide as the thermal paper, as tall as its content, with a
//! QR code that carries the receipt number and a check value of the sale.

use qrcode::{Color as Module, QrCode};

use super::paper::{Fonts, GREY, Sheet, save};
use super::receipt_text::{self, Content};
use crate::domain::struk_check::{StrukKey, keyed_check};
use crate::store::CompletedSale;

/// Everything a receipt shows, handed in by the caller.
pub struct ReceiptData<'a> {
    pub stall_name: &'a str,
    pub stall_code: &'a str,
    pub regency: &'a str,
    pub sale: &'a CompletedSale,
    /// The stall's key for the QR's check value.
    pub struk_key: &'a StrukKey,
    /// 58 or 80 (mm).
    pub paper_mm: u16,
    /// A reprint: says SALINAN (copy) at top and bottom.
    pub copy: bool,
    /// The language the date is written in.
    pub language: crate::domain::language::Language,
}

const SIZE: f32 = 8.0;
const LINE: f32 = 3.6;

/// What the receipt's QR code says: the receipt number and the keyed check
/// value (only the stall and the office can make one).
pub fn qr_payload(sale: &CompletedSale, key: &StrukKey) -> String {
    format!(
        "{}#{}",
        sale.receipt,
        keyed_check(key, &sale.receipt, sale.total.value(), &sale.created_at)
    )
}

/// The receipt as PDF bytes: the words of [`receipt_text::content`] laid out
/// in the bundled font.
pub fn receipt_pdf(data: &ReceiptData<'_>) -> Vec<u8> {
    let content = receipt_text::content(data);
    let fonts = Fonts::load();
    let paper = if data.paper_mm >= 80 { 80.0 } else { 58.0 };
    let printable = if data.paper_mm >= 80 { 72.0 } else { 48.0 };
    let left = (paper - printable) / 2.0;
    let margins = Margins {
        left,
        right: left + printable,
        printable,
        centre: paper / 2.0,
    };
    let mut sheet = Sheet::new(paper);
    let mut y = 4.0;

    head_lines(&mut sheet, &fonts, &margins, &mut y, &content);
    item_lines(&mut sheet, &fonts, &margins, &mut y, &content);
    rule(&mut sheet, left, margins.right, next(&mut y, 2.2));

    amount_lines(&mut sheet, &fonts, &margins, &mut y, &content);
    rule(&mut sheet, left, margins.right, next(&mut y, 2.2));
    foot_lines(&mut sheet, &fonts, &margins, &mut y, &content);
    let height = y + 6.0;
    save(
        &format!("Struk {}", content.receipt),
        &fonts,
        vec![(sheet, height)],
    )
}

/// The top of the struk down to the rule above the items: SALINAN on a
/// copy, the stall, the receipt number and time, and DIBATALKAN on a void.
fn head_lines(sheet: &mut Sheet, fonts: &Fonts, margins: &Margins, y: &mut f32, content: &Content) {
    let Margins {
        left,
        right,
        printable,
        centre,
    } = *margins;
    if content.copy {
        sheet.text_centred(fonts, centre, next(y, 4.5), 11.0, true, receipt_text::COPY);
        next(y, 1.5);
    }
    for line in fonts.wrap(&content.stall_name, 11.0, true, printable) {
        sheet.text_centred(fonts, centre, next(y, 4.8), 11.0, true, &line);
    }
    sheet.text_centred(
        fonts,
        centre,
        next(y, LINE),
        SIZE,
        false,
        &content.stall_line,
    );
    rule(sheet, left, right, next(y, 2.2));
    sheet.text(left, next(y, LINE + 0.6), SIZE, true, &content.receipt);
    sheet.text(left, next(y, LINE), SIZE, false, &content.when);
    if content.voided {
        sheet.text_centred(
            fonts,
            centre,
            next(y, LINE + 1.0),
            10.0,
            true,
            receipt_text::VOIDED,
        );
    }
    rule(sheet, left, right, next(y, 2.2));
}

/// The thanks, the QR code with its caption, and SALINAN again on a copy.
fn foot_lines(sheet: &mut Sheet, fonts: &Fonts, margins: &Margins, y: &mut f32, content: &Content) {
    let centre = margins.centre;
    let [thanks, thank_you] = receipt_text::THANKS;
    sheet.text_centred(fonts, centre, next(y, LINE + 1.0), SIZE, false, thanks);
    sheet.text_centred(fonts, centre, next(y, LINE), SIZE, false, thank_you);

    let size = 22.0;
    next(y, 3.0);
    qr(sheet, &content.qr, centre - size / 2.0, *y, size);
    next(y, size + 3.2);
    sheet.text_centred(fonts, centre, *y, 7.0, false, &content.qr_caption);
    if content.copy {
        sheet.text_centred(fonts, centre, next(y, 6.0), 11.0, true, receipt_text::COPY);
    }
}

/// Where the roll's printable lines begin and end, and its middle.
#[derive(Clone, Copy)]
struct Margins {
    left: f32,
    right: f32,
    printable: f32,
    centre: f32,
}

/// Moves down the roll by `by`; where that is.
fn next(y: &mut f32, by: f32) -> f32 {
    *y += by;
    *y
}

/// Each item: its name (wrapped), its quantity and price, its discount.
fn item_lines(sheet: &mut Sheet, fonts: &Fonts, margins: &Margins, y: &mut f32, content: &Content) {
    let Margins {
        left,
        right,
        printable,
        ..
    } = *margins;
    for item in &content.items {
        for (index, part) in fonts
            .wrap(&item.name, SIZE, false, printable)
            .iter()
            .enumerate()
        {
            next(y, if index == 0 { LINE + 0.6 } else { LINE });
            sheet.text(left, *y, SIZE, false, part);
        }
        next(y, LINE);
        sheet.text(left, *y, SIZE, false, &item.detail);
        // A price too long to share the line puts its amount on the next.
        let room = printable - fonts.width(&item.detail, SIZE, false) - 2.0;
        if fonts.width(&item.gross, SIZE, false) > room {
            next(y, LINE);
        }
        sheet.text_right(fonts, right, *y, SIZE, false, &item.gross);
        if let Some(discount) = &item.discount {
            next(y, LINE);
            sheet.grey_text(left, *y, SIZE, false, GREY, "  diskon");
            sheet.text_right(fonts, right, *y, SIZE, false, discount);
        }
    }
}

/// The totals, payments and change, a note under any that has one.
fn amount_lines(
    sheet: &mut Sheet,
    fonts: &Fonts,
    margins: &Margins,
    y: &mut f32,
    content: &Content,
) {
    let Margins {
        left,
        right,
        printable,
        ..
    } = *margins;
    for amount in &content.amounts {
        let size = if amount.strong { 10.0 } else { SIZE };
        *y += if amount.strong { LINE + 1.2 } else { LINE };
        sheet.text(left, *y, size, amount.strong, &amount.label);
        sheet.text_right(fonts, right, *y, size, amount.strong, &amount.amount);
        if let Some(note) = &amount.note {
            for part in fonts.wrap(note, SIZE, false, printable) {
                sheet.grey_text(left, next(y, LINE), SIZE, false, GREY, &part);
            }
        }
    }
}

fn rule(sheet: &mut Sheet, left: f32, right: f32, y: f32) {
    sheet.line(left, y, right, y, 0.5);
}

/// Draws a QR code `size` mm square with its top left at (`x`, `y`); runs of
/// dark modules in a row are one rectangle, to keep the file small.
pub fn qr(sheet: &mut Sheet, payload: &str, x: f32, y: f32, size: f32) {
    let Ok(code) = QrCode::new(payload.as_bytes()) else {
        return;
    };
    let modules = code.width();
    let colors = code.to_colors();
    // A quiet zone of two modules on each side.
    let cell = size / (modules + 4) as f32;
    for row in 0..modules {
        let mut column = 0;
        while column < modules {
            if colors[row * modules + column] == Module::Dark {
                let start = column;
                while column < modules && colors[row * modules + column] == Module::Dark {
                    column += 1;
                }
                // A hair of overlap so no white seams show between rows.
                sheet.rect(
                    x + (start + 2) as f32 * cell,
                    y + (row + 2) as f32 * cell,
                    (column - start) as f32 * cell,
                    cell + 0.02,
                    0.0,
                );
            } else {
                column += 1;
            }
        }
    }
}
