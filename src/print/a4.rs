//! A4 reports: pages that fill from the top, break where the content would
//! run past the bottom margin, repeat a table's header on the next page, and
//! number themselves.

use super::paper::{Fonts, GREY, Sheet, save};
use crate::money::Rupiah;

pub const WIDTH: f32 = 210.0;
pub const HEIGHT: f32 = 297.0;
pub const LEFT: f32 = 18.0;
pub const RIGHT: f32 = WIDTH - 18.0;
const TOP: f32 = 18.0;
const BOTTOM: f32 = HEIGHT - 20.0;

pub const BODY: f32 = 9.5;
pub const ROW: f32 = 5.2;

/// A column of a table: its left edge, width, and whether it is an amount
/// (right-aligned).
#[derive(Clone, Copy)]
pub struct Column {
    pub x: f32,
    pub width: f32,
    pub right: bool,
}

impl Column {
    /// A column at `x` mm from the page's left edge.
    pub const fn new(x: f32, width: f32, right: bool) -> Column {
        Column { x, width, right }
    }
}

pub struct Report {
    pub fonts: Fonts,
    title: String,
    footer: String,
    sheets: Vec<Sheet>,
    pub y: f32,
}

impl Report {
    pub fn new(title: &str, footer: &str) -> Report {
        Report {
            fonts: Fonts::load(),
            title: title.to_string(),
            footer: footer.to_string(),
            sheets: vec![Sheet::new(WIDTH)],
            y: TOP,
        }
    }

    pub fn sheet(&mut self) -> &mut Sheet {
        self.sheets.last_mut().expect("a report has a page")
    }

    /// Starts a new page if `height` more mm would not fit; returns whether it did.
    pub fn need(&mut self, height: f32) -> bool {
        if self.y + height <= BOTTOM {
            return false;
        }
        self.sheets.push(Sheet::new(WIDTH));
        self.y = TOP;
        let title = format!("{} (lanjutan)", self.title);
        let y = self.y + 4.0;
        self.sheet().grey_text(LEFT, y, BODY, true, GREY, &title);
        self.y += 9.0;
        true
    }

    /// A line of text at the cursor.
    pub fn line(&mut self, size: f32, bold: bool, text: &str) {
        self.need(size * 0.55);
        self.y += size * 0.5;
        let y = self.y;
        self.sheet().text(LEFT, y, size, bold, text);
        self.y += 1.2;
    }

    /// A section heading with a rule under it.
    pub fn heading(&mut self, text: &str) {
        self.need(16.0);
        self.y += 6.0;
        let y = self.y;
        self.sheet().text(LEFT, y, 11.0, true, text);
        self.y += 1.6;
        let y = self.y;
        self.sheet().line(LEFT, y, RIGHT, y, 0.6);
        self.y += 1.0;
    }

    /// A label and an amount on one line.
    pub fn figure(&mut self, label: &str, value: &str, bold: bool) {
        self.need(ROW);
        self.y += ROW;
        let y = self.y;
        let x = RIGHT - self.fonts.width(value, BODY, bold);
        let sheet = self.sheet();
        sheet.text(LEFT, y, BODY, bold, label);
        sheet.text(x, y, BODY, bold, value);
    }

    /// One row of a table; long cells are cut to their column.
    pub fn row(&mut self, columns: &[Column], cells: &[String], bold: bool) {
        self.y += ROW;
        let y = self.y;
        for (column, cell) in columns.iter().zip(cells) {
            let text = self.fit(cell, column.width, bold);
            let x = if column.right {
                column.x + column.width - self.fonts.width(&text, BODY, bold)
            } else {
                column.x
            };
            self.sheet().text(x, y, BODY, bold, &text);
        }
    }

    /// A table: header, then rows, breaking pages and repeating the header.
    pub fn table(
        &mut self,
        columns: &[Column],
        header: &[&str],
        rows: &[Vec<String>],
        total: Option<Vec<String>>,
    ) {
        let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        self.need(ROW * 3.0);
        self.table_header(columns, &header);
        for cells in rows {
            if self.need(ROW + 1.0) {
                self.table_header(columns, &header);
            }
            self.row(columns, cells, false);
        }
        if let Some(total) = total {
            if self.need(ROW * 2.0) {
                self.table_header(columns, &header);
            }
            self.y += 1.5;
            let y = self.y;
            self.sheet().line(LEFT, y, RIGHT, y, 0.4);
            self.row(columns, &total, true);
        }
    }

    fn table_header(&mut self, columns: &[Column], header: &[String]) {
        self.row(columns, header, true);
        self.y += 1.5;
        let y = self.y;
        self.sheet().line(LEFT, y, RIGHT, y, 0.3);
    }

    /// Cuts `text` to fit `width` mm, ending with an ellipsis if it had to.
    fn fit(&self, text: &str, width: f32, bold: bool) -> String {
        if self.fonts.width(text, BODY, bold) <= width {
            return text.to_string();
        }
        let mut cut: String = text.to_string();
        while !cut.is_empty() && self.fonts.width(&format!("{cut}…"), BODY, bold) > width {
            cut.pop();
        }
        format!("{cut}…")
    }

    /// A bar chart `height` mm tall across the page.
    pub fn bars(&mut self, bars: &[(String, Rupiah)], height: f32) {
        self.need(height + 12.0);
        let top = self.y + 8.0;
        let max = bars
            .iter()
            .map(|(_, v)| v.value())
            .max()
            .unwrap_or(0)
            .max(1) as f32;
        let slot = (RIGHT - LEFT) / bars.len().max(1) as f32;
        for (index, (label, value)) in bars.iter().enumerate() {
            let h = value.value() as f32 / max * height;
            let x = LEFT + index as f32 * slot + slot * 0.15;
            self.sheet().rect(x, top + height - h, slot * 0.7, h, 0.25);
            let centre = x + slot * 0.35;
            let label_width = self.fonts.width(label, 7.0, false);
            self.sheet().grey_text(
                centre - label_width / 2.0,
                top + height + 4.0,
                7.0,
                false,
                GREY,
                label,
            );
            if value.value() as f32 >= max && value.is_positive() {
                let text = value.to_string();
                let width = self.fonts.width(&text, 7.0, true);
                self.sheet().text(
                    centre - width / 2.0,
                    top + height - h - 1.5,
                    7.0,
                    true,
                    &text,
                );
            }
        }
        self.y = top + height + 6.0;
    }

    /// Signature lines side by side.
    pub fn signatures(&mut self, who: &[&str]) {
        self.need(32.0);
        self.y += 24.0;
        let y = self.y;
        let slot = (RIGHT - LEFT) / who.len().max(1) as f32;
        for (index, label) in who.iter().enumerate() {
            let x = LEFT + index as f32 * slot;
            self.sheet().line(x + 4.0, y, x + slot - 8.0, y, 0.4);
            self.sheet().text(x + 4.0, y + 4.5, BODY, false, label);
        }
        self.y += 6.0;
    }

    /// The PDF, each page footed with the footer and its number.
    pub fn finish(mut self) -> Vec<u8> {
        let pages = self.sheets.len();
        for (index, sheet) in self.sheets.iter_mut().enumerate() {
            sheet.grey_text(LEFT, HEIGHT - 10.0, 7.5, false, GREY, &self.footer);
            let number = format!("Halaman {} / {pages}", index + 1);
            let x = RIGHT - self.fonts.width(&number, 7.5, false);
            sheet.grey_text(x, HEIGHT - 10.0, 7.5, false, GREY, &number);
        }
        let sheets = std::mem::take(&mut self.sheets)
            .into_iter()
            .map(|s| (s, HEIGHT))
            .collect();
        save(&self.title, &self.fonts, sheets)
    }
}
