//! The *tanda terima* on paper: a roll as wide as the struk (58 or 80 mm)
//! or an A4 page, with the same words and the same QR code.

use super::a4::{LEFT, Report};
use super::paper::{Fonts, GREY, Sheet, save};
use super::receipt::qr;
use crate::domain::calendar;
use crate::domain::language::Language;
use crate::office::desk::TandaTerima;

/// The paper a document is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    Roll58,
    Roll80,
    A4,
}

impl Paper {
    /// A roll's width and printable width (mm).
    pub(super) fn roll(self) -> (f32, f32) {
        if self == Paper::Roll80 {
            (80.0, 72.0)
        } else {
            (58.0, 48.0)
        }
    }

    /// The roll the stall's struk uses (`receipt_width` 58 or 80).
    pub fn of_receipt(width_mm: u16) -> Paper {
        if width_mm == 80 {
            Paper::Roll80
        } else {
            Paper::Roll58
        }
    }

    /// Reads `58`, `80` or `a4`.
    pub fn parse(text: &str) -> Option<Paper> {
        match text.trim().to_ascii_lowercase().as_str() {
            "58" => Some(Paper::Roll58),
            "80" => Some(Paper::Roll80),
            "a4" => Some(Paper::A4),
            _ => None,
        }
    }
}

/// The lines of a tanda terima, as (label, value) pairs; a value of `None`
/// is a heading. The roll and the A4 page print the same lines.
fn lines(note: &TandaTerima, language: Language) -> Vec<(String, Option<String>)> {
    let mut lines = vec![
        (
            "Toko / Stall".to_string(),
            Some(format!("{} {}", note.stall, note.stall_name)),
        ),
        (
            "Diterima / Received".to_string(),
            Some(calendar::stamp(&note.printed_at, language)),
        ),
    ];
    if let Some(file) = &note.file_name {
        lines.push(("Berkas / File".into(), Some(file.clone())));
    }
    if let Some(prefix) = &note.sha256_prefix {
        lines.push(("SHA-256".into(), Some(prefix.clone())));
    }
    if let Some(new) = note.new_records {
        lines.push(("Catatan baru / New records".into(), Some(new.to_string())));
    }
    if let Some(known) = note.known_records {
        let label = if note.file_name.is_some() {
            "Sudah ada / Already held"
        } else {
            "Catatan di kantor / Records held"
        };
        lines.push((label.into(), Some(known.to_string())));
    }
    for day in &note.days {
        lines.push((
            format!("Hari / Day {}", calendar::long_day(&day.day, language)),
            None,
        ));
        lines.push((
            "  Penjualan / Sales".into(),
            Some(day.sales_count.to_string()),
        ));
        lines.push(("  Bersih / Net".into(), Some(day.net.to_string())));
        if day.returns.is_positive() {
            lines.push(("  Retur / Returns".into(), Some(day.returns.to_string())));
        }
        lines.push(("  Retribusi / Fee".into(), Some(day.fee.to_string())));
    }
    if note.fee_paid.is_positive() {
        lines.push((
            "Sudah dibayar / Paid so far".into(),
            Some(note.fee_paid.to_string()),
        ));
    }
    lines.push((
        "Retribusi terutang / Fee due".into(),
        Some(note.fee_due.to_string()),
    ));
    lines
}

const TITLE: &str = "TANDA TERIMA / RECEIPT";

/// The tanda terima as PDF bytes on `paper`, its dates in `language`.
pub fn tanda_terima_pdf(note: &TandaTerima, paper: Paper, language: Language) -> Vec<u8> {
    let lines = lines(note, language);
    match paper {
        Paper::A4 => {
            let mut report = Report::new(
                &format!("{TITLE} {}", note.stall),
                &format!(
                    "{} · dicetak {}",
                    note.centre,
                    calendar::stamp(&note.printed_at, language)
                ),
            );
            report.line(14.0, true, TITLE);
            report.line(10.0, false, &note.centre);
            for (label, value) in &lines {
                match value {
                    Some(value) => report.figure(label, value, false),
                    None => report.heading(label),
                }
            }
            report.need(48.0);
            let y = report.y + 4.0;
            qr(report.sheet(), &note.qr, LEFT, y, 36.0);
            report.y = y + 38.0;
            report.signatures(&["Penjual / Vendor", "Pengelola / Manager"]);
            report.finish()
        }
        Paper::Roll58 | Paper::Roll80 => {
            let (width, printable) = paper.roll();
            roll(
                &note.centre,
                TITLE,
                &lines,
                &note.qr,
                width,
                printable,
                &format!("Tanda terima {}", note.stall),
                "Pengelola / Manager",
            )
        }
    }
}

/// A roll document: title, centre, label/value lines, a QR, a signature
/// line for `signer`.
#[allow(clippy::too_many_arguments)]
pub(super) fn roll(
    centre: &str,
    title: &str,
    lines: &[(String, Option<String>)],
    payload: &str,
    width: f32,
    printable: f32,
    pdf_title: &str,
    signer: &str,
) -> Vec<u8> {
    const SIZE: f32 = 8.0;
    const LINE: f32 = 3.6;
    let fonts = Fonts::load();
    let left = (width - printable) / 2.0;
    let right = left + printable;
    let centre_x = width / 2.0;
    let mut sheet = Sheet::new(width);
    let mut y = 4.0;
    for part in fonts.wrap(centre, 10.0, true, printable) {
        y += 4.5;
        sheet.text_centred(&fonts, centre_x, y, 10.0, true, &part);
    }
    // A bilingual title may be wider than the roll: it wraps, never cut.
    for part in fonts.wrap(title, 9.0, true, printable) {
        y += 4.5;
        sheet.text_centred(&fonts, centre_x, y, 9.0, true, &part);
    }
    y += 2.2;
    sheet.line(left, y, right, y, 0.5);
    for (label, value) in lines {
        match value {
            None => {
                y += LINE + 1.0;
                sheet.text(left, y, SIZE, true, label);
            }
            Some(value) => {
                // A value too wide to share the line goes under its label.
                let room = printable - fonts.width(label, SIZE, false) - 2.0;
                y += LINE;
                sheet.grey_text(left, y, SIZE, false, GREY, label);
                if fonts.width(value, SIZE, false) <= room {
                    sheet.text_right(&fonts, right, y, SIZE, false, value);
                } else {
                    for part in fonts.wrap(value, SIZE, false, printable) {
                        y += LINE;
                        sheet.text_right(&fonts, right, y, SIZE, false, &part);
                    }
                }
            }
        }
    }
    y += 3.0;
    let size = 26.0;
    qr(&mut sheet, payload, centre_x - size / 2.0, y, size);
    y += size + 10.0;
    sheet.line(left + 4.0, y, right - 4.0, y, 0.4);
    y += 3.6;
    sheet.text_centred(&fonts, centre_x, y, 7.0, false, signer);
    save(pdf_title, &fonts, vec![(sheet, y + 6.0)])
}
