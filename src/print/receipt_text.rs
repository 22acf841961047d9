//! What a *struk* says, once: [`content`] turns the plain data of a receipt
//! into the words and amounts the PDF lays out, and [`lines`] sets them in
//! the columns of a thermal printer's standard font (32 on 58 mm, 48 on
//! 80 mm) for the text view and the ESC/POS bytes. The three never disagree
//! because none of them words anything itself.

use super::receipt::{ReceiptData, qr_payload};
use crate::domain::limits::is_hidden;
use crate::domain::payment::PaymentMethod;
use crate::money::Rupiah;

/// Said at the top and bottom of a reprint.
pub const COPY: &str = "SALINAN / COPY";
/// Said under the heading of a voided sale.
pub const VOIDED: &str = "*** DIBATALKAN / VOID ***";
/// The closing words.
pub const THANKS: [&str; 2] = ["Terima kasih atas kunjungan Anda", "Thank you"];

/// A receipt's words and amounts, ready to be laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub copy: bool,
    pub stall_name: String,
    /// `ST07 · Tanggamus`.
    pub stall_line: String,
    pub receipt: String,
    /// `2026-11-27 10:00 WIB`.
    pub when: String,
    pub voided: bool,
    pub items: Vec<Item>,
    pub amounts: Vec<Amount>,
    /// What the QR code carries: `RECEIPT#CHECK`.
    pub qr: String,
    /// The QR's text printed under it: `RECEIPT · CHECK`.
    pub qr_caption: String,
}

/// One line of the sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub name: String,
    /// `  0,750 kg × Rp55.000`.
    pub detail: String,
    pub gross: String,
    /// `-Rp5.000`, when the line has a discount.
    pub discount: Option<String>,
}

/// A row of the totals: Subtotal, Diskon, PPN, TOTAL, each payment, Kembalian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub label: String,
    pub amount: String,
    /// TOTAL and Kembalian stand out.
    pub strong: bool,
    /// A non-cash payment's reference: `  Ref. QR7788`.
    pub note: Option<String>,
}

/// The words of a receipt from its plain data.
pub fn content(data: &ReceiptData<'_>) -> Content {
    let sale = data.sale;
    // "27 Nov 2026 14.05": fits a 32-column roll with its zone.
    let when = crate::domain::calendar::stamp(&sale.created_at, data.language);
    let items = sale
        .lines
        .iter()
        .map(|line| Item {
            name: line.name.clone(),
            detail: format!(
                "  {} {} × {}{}",
                line.quantity,
                line.unit,
                line.unit_price,
                match (line.wholesale, data.language) {
                    (false, _) => "",
                    (true, crate::domain::language::Language::En) => " wholesale",
                    (true, _) => " grosir",
                }
            ),
            gross: line.gross.to_string(),
            discount: line
                .line_discount
                .is_positive()
                .then(|| format!("-{}", line.line_discount)),
        })
        .collect();
    let row = |label: &str, value: Rupiah, strong: bool| Amount {
        label: label.to_string(),
        amount: value.to_string(),
        strong,
        note: None,
    };
    let mut amounts = vec![row("Subtotal", sale.subtotal, false)];
    let discounts = sale
        .line_discounts
        .checked_add(sale.sale_discount)
        .unwrap_or(sale.line_discounts);
    if discounts.is_positive() {
        amounts.push(row("Diskon", Rupiah::new(-discounts.value()), false));
    }
    if sale.tax.is_positive() {
        amounts.push(row("PPN", sale.tax, false));
    }
    amounts.push(row("TOTAL", sale.total, true));
    for payment in &sale.payments {
        // Kasbon names its customer: the paper the customer signs for.
        let note = match (&payment.customer, payment.reference.as_deref()) {
            (Some(customer), _) => Some(format!("  Pelanggan {customer}")),
            (None, Some(reference)) if payment.method != PaymentMethod::Cash => {
                Some(format!("  Ref. {reference}"))
            }
            _ => None,
        };
        amounts.push(Amount {
            note,
            ..row(payment.method.label(), payment.tendered, false)
        });
    }
    amounts.push(row("Kembalian", sale.change, true));
    let qr = qr_payload(sale, data.struk_key);
    Content {
        copy: data.copy,
        stall_name: data.stall_name.to_string(),
        stall_line: format!("{} · {}", data.stall_code, data.regency),
        receipt: sale.receipt.clone(),
        when: format!("{when} {}", zone(&sale.created_at)),
        voided: sale.voided,
        items,
        amounts,
        qr_caption: qr.replace('#', " · "),
        qr,
    }
}

/// WIB, WITA or WIT from the stamp's offset.
fn zone(stamp: &str) -> &'static str {
    match stamp.get(stamp.len().saturating_sub(6)..) {
        Some("+08:00") => "WITA",
        Some("+09:00") => "WIT",
        _ => "WIB",
    }
}

/// The characters per line of the standard font: 32 on 58 mm, 48 on 80 mm.
pub fn columns(paper_mm: u16) -> usize {
    if paper_mm >= 80 { 48 } else { 32 }
}

/// Where a line sits across the paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
}

/// One printed line of a thermal receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Text of at most the paper's columns (a centred line is not padded:
    /// the printer centres it).
    Text {
        text: String,
        align: Align,
        bold: bool,
        /// Double height (the width, and so the columns, stay).
        tall: bool,
    },
    /// The QR code, centred.
    Qr(String),
}

impl Line {
    fn left(text: String) -> Line {
        Line::Text {
            text,
            align: Align::Left,
            bold: false,
            tall: false,
        }
    }

    fn centred(text: String, bold: bool) -> Line {
        Line::Text {
            text,
            align: Align::Centre,
            bold,
            tall: false,
        }
    }

    /// The line as it reads on paper `columns` wide (centred lines padded
    /// on the left, as the printer places them); `None` for the QR code.
    pub fn as_text(&self, columns: usize) -> Option<String> {
        match self {
            Line::Text {
                text,
                align: Align::Centre,
                ..
            } => Some(centre(text, columns)),
            Line::Text { text, .. } => Some(text.clone()),
            Line::Qr(_) => None,
        }
    }
}

/// The receipt as the lines of a thermal printer `columns` wide.
pub fn lines(content: &Content, columns: usize) -> Vec<Line> {
    let rule = || Line::left("-".repeat(columns));
    let mut lines = Vec::new();
    let centred = |lines: &mut Vec<Line>, text: &str, bold: bool| {
        lines.extend(
            wrap(text, columns)
                .into_iter()
                .map(|part| Line::centred(part, bold)),
        )
    };
    if content.copy {
        centred(&mut lines, COPY, true);
    }
    centred(&mut lines, &content.stall_name, true);
    centred(&mut lines, &content.stall_line, false);
    lines.push(rule());
    for part in wrap(&content.receipt, columns) {
        lines.push(Line::Text {
            text: part,
            align: Align::Left,
            bold: true,
            tall: false,
        });
    }
    lines.extend(wrap(&content.when, columns).into_iter().map(Line::left));
    if content.voided {
        centred(&mut lines, VOIDED, true);
    }
    lines.push(rule());
    for item in &content.items {
        lines.extend(wrap(&item.name, columns).into_iter().map(Line::left));
        lines.extend(
            pair(&item.detail, &item.gross, columns)
                .into_iter()
                .map(Line::left),
        );
        if let Some(discount) = &item.discount {
            lines.extend(
                pair("  diskon", discount, columns)
                    .into_iter()
                    .map(Line::left),
            );
        }
    }
    lines.push(rule());
    for amount in &content.amounts {
        for text in pair(&amount.label, &amount.amount, columns) {
            lines.push(Line::Text {
                text,
                align: Align::Left,
                bold: amount.strong,
                tall: amount.label == "TOTAL",
            });
        }
        if let Some(note) = &amount.note {
            lines.extend(wrap(note, columns).into_iter().map(Line::left));
        }
    }
    lines.push(rule());
    for thanks in THANKS {
        centred(&mut lines, thanks, false);
    }
    lines.push(Line::Qr(content.qr.clone()));
    centred(&mut lines, &content.qr_caption, false);
    if content.copy {
        centred(&mut lines, COPY, true);
    }
    lines
}

/// The receipt as text, `columns(paper_mm)` characters wide: what
/// `sentra receipt` shows and what the ESC/POS bytes print.
pub fn render(data: &ReceiptData<'_>) -> String {
    let columns = columns(data.paper_mm);
    lines(&content(data), columns)
        .iter()
        .filter_map(|line| line.as_text(columns))
        .collect::<Vec<_>>()
        .join("\n")
}

fn centre(text: &str, width: usize) -> String {
    let count = text.chars().count().min(width);
    let text: String = text.chars().take(width).collect();
    format!("{}{text}", " ".repeat((width - count) / 2))
}

/// Text as a thermal printer puts it down, one character to a column:
/// composed (NFC, so `e` + U+0301 is one `é`), with the marks that are left
/// over dropped (they would take a column each, or stack without end) and
/// line breaks (U+2028, U+2029), controls and invisible characters made
/// spaces, so every line keeps to the paper's columns.
fn plain(text: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    text.nfc()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if is_hidden(c) { ' ' } else { c })
        .collect()
}

/// A label and an amount on one line, the amount against the right edge;
/// when both do not fit, the label on its own lines and the amount under it.
fn pair(left: &str, right: &str, width: usize) -> Vec<String> {
    let (left, right) = (&plain(left), &plain(right));
    let (left_count, right_count) = (left.chars().count(), right.chars().count());
    if left_count + 1 + right_count <= width {
        let gap = width - left_count - right_count;
        return vec![format!("{left}{}{right}", " ".repeat(gap))];
    }
    let mut lines = wrap(left, width);
    let right: String = right.chars().take(width).collect();
    lines.push(format!(
        "{}{right}",
        " ".repeat(width - right.chars().count())
    ));
    lines
}

/// Long texts wrap at word boundaries, never run off the paper; a word
/// wider than the line is cut. Leading spaces (an indent) stay on the first
/// line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = &plain(text);
    let indent = " ".repeat(
        text.chars()
            .take_while(|c| *c == ' ')
            .count()
            .min(width / 2),
    );
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut first = true;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let prefix = if first { indent.as_str() } else { "" };
            let used = prefix.len() + current.chars().count();
            let needed = used + usize::from(!current.is_empty()) + word.len();
            if needed <= width {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.extend(word);
                break;
            }
            if !current.is_empty() {
                lines.push(format!("{prefix}{}", std::mem::take(&mut current)));
                first = false;
                continue;
            }
            let room = width - prefix.len();
            let head: String = word[..room].iter().collect();
            lines.push(format!("{prefix}{head}"));
            first = false;
            word.drain(..room);
        }
    }
    if !current.is_empty() {
        let prefix = if first { indent.as_str() } else { "" };
        lines.push(format!("{prefix}{current}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_within_the_paper() {
        let name = "Kain Tapis Motif Jung Sarat Benang Emas Asli Lampung Barat";
        let lines = wrap(name, 32);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 32));
        assert_eq!(lines.join(" "), name);
        let long = wrap(&"x".repeat(70), 32);
        assert!(long.iter().all(|l| l.chars().count() <= 32));
        assert_eq!(long.concat(), "x".repeat(70));
        assert_eq!(wrap("  Ref. QR7788", 32), vec!["  Ref. QR7788"]);
        assert!(wrap("", 32).is_empty());
    }

    #[test]
    fn amounts_line_up_right() {
        assert_eq!(
            pair("TOTAL", "Rp55.000", 32),
            vec![format!("TOTAL{}Rp55.000", " ".repeat(19))]
        );
        let long = pair("  100.000 pcs × Rp1.000.000.000", "Rp10.000.000.000", 32);
        assert_eq!(long.len(), 2);
        assert!(
            long.iter()
                .all(|l| l.chars().count() == 32 || l.starts_with("  100"))
        );
        assert!(long[1].ends_with("Rp10.000.000.000"));
    }
}
