//! Price labels with an EAN-13 for goods that came without a barcode: the
//! A4 label sheets Indonesian stationery shops sell and 58×40 mm label
//! rolls, as PDF. Each label: the name (wrapped), the price, the bars with
//! their digits, the SKU and, for goods on consignment, the penitip's code.

use super::paper::{Fonts, Sheet, save};
use crate::domain::barcode::{BarcodeError, ean13_modules};
use crate::domain::unit::Unit;
use crate::money::Rupiah;

/// What one label shows, handed in by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelData {
    pub name: String,
    pub price: Rupiah,
    pub unit: Unit,
    /// A valid EAN-13.
    pub barcode: String,
    pub sku: String,
    /// The penitip's code (`P001`) for goods on consignment (*titip jual*).
    pub producer: Option<String>,
}

impl LabelData {
    /// `Rp15.000`, or `Rp55.000/kg` for goods sold by measure.
    pub fn price_text(&self) -> String {
        if self.unit.allows_fraction() {
            format!("{}/{}", self.price, self.unit)
        } else {
            self.price.to_string()
        }
    }
}

/// A label stock: the page, the grid of labels on it and how a label is
/// laid out. Millimetres from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelSheet {
    /// The name `sentra label --sheet` takes.
    pub key: &'static str,
    /// How a person finds it in a shop.
    pub title: &'static str,
    pub page_width: f32,
    pub page_height: f32,
    pub columns: usize,
    pub rows: usize,
    pub label_width: f32,
    pub label_height: f32,
    /// The first label's top left corner.
    pub left: f32,
    pub top: f32,
    /// From one label's corner to the next one's (label plus gap).
    pub pitch_x: f32,
    pub pitch_y: f32,
    /// Kept clear inside each label: cut tolerance, and on edge-to-edge
    /// sheets the printer's own margin.
    pub padding_x: f32,
    pub padding_y: f32,
    /// One bar module (GS1's X-dimension), never under 0.264 mm (80%
    /// magnification): 7 dots at 600 dpi on the 3 × 7 sheet, 0,28 mm on the
    /// 4 × 10 (the widest its 29,7 mm height holds with full bars; 40 random
    /// codes of 40 read at 203 dpi, where 0,27 mm lost 8 and 1/96 inch 6),
    /// 3 dots at 203 dpi on rolls. The bars are as tall as that magnification asks (see
    /// [`LabelSheet::bar_height`]): GS1 forbids shortened bars on goods
    /// scanned at a till.
    pub module: f32,
    pub name_size: f32,
    pub price_size: f32,
    pub small_size: f32,
}

/// The stocks Sentra prints on.
pub const SHEETS: [LabelSheet; 3] = [
    // 21 labels of 63,5 × 38,1 mm with margins (the A4 "isi 21" sheet,
    // Avery L7160 and its many equivalents): 7,25 mm at the sides, 15,15 mm
    // at top and bottom, 2,5 mm between columns, none between rows.
    LabelSheet {
        key: "a4-3x7",
        title: "A4 isi 21 (3 × 7), label 63,5 × 38,1 mm",
        page_width: 210.0,
        page_height: 297.0,
        columns: 3,
        rows: 7,
        label_width: 63.5,
        label_height: 38.1,
        left: 7.25,
        top: 15.15,
        pitch_x: 66.0,
        pitch_y: 38.1,
        padding_x: 3.0,
        padding_y: 2.0,
        module: 7.0 * 25.4 / 600.0,
        name_size: 8.0,
        price_size: 12.0,
        small_size: 6.5,
    },
    // 40 labels of 52,5 × 29,7 mm cut edge to edge (the A4 "isi 40" sheet,
    // Avery Zweckform 3651, Herma 4610): A4 in a 4 × 10 grid, no margins, so
    // the padding keeps clear of the printer's own unprintable edge.
    LabelSheet {
        key: "a4-4x10",
        title: "A4 isi 40 (4 × 10), label 52,5 × 29,7 mm",
        page_width: 210.0,
        page_height: 297.0,
        columns: 4,
        rows: 10,
        label_width: 52.5,
        label_height: 29.7,
        left: 0.0,
        top: 0.0,
        pitch_x: 52.5,
        pitch_y: 29.7,
        padding_x: 4.5,
        padding_y: 0.5,
        module: 0.28,
        name_size: 5.0,
        price_size: 7.5,
        small_size: 5.0,
    },
    // A roll of 58 × 40 mm labels for a thermal label printer: one label
    // per page, as the printer's driver feeds them.
    LabelSheet {
        key: "roll-58x40",
        title: "Rol label 58 × 40 mm",
        page_width: 58.0,
        page_height: 40.0,
        columns: 1,
        rows: 1,
        label_width: 58.0,
        label_height: 40.0,
        left: 0.0,
        top: 0.0,
        pitch_x: 58.0,
        pitch_y: 40.0,
        padding_x: 3.0,
        padding_y: 1.0,
        module: 3.0 / 8.0,
        name_size: 7.0,
        price_size: 10.0,
        small_size: 6.0,
    },
];

impl LabelSheet {
    /// The stock named `key`.
    pub fn find(key: &str) -> Option<&'static LabelSheet> {
        SHEETS.iter().find(|s| s.key == key.trim())
    }

    /// GS1's full bar height for this sheet's magnification: 22,85 mm at
    /// X = 0,33 mm, in proportion.
    pub fn bar_height(&self) -> f32 {
        22.85 * self.module / 0.33
    }

    /// Labels on one page.
    pub fn per_page(&self) -> usize {
        self.columns * self.rows
    }

    /// The top left corner of the label at `index` on a page (row by row).
    pub fn cell(&self, index: usize) -> (f32, f32) {
        let (row, column) = (index / self.columns, index % self.columns);
        (
            self.left + column as f32 * self.pitch_x,
            self.top + row as f32 * self.pitch_y,
        )
    }

    /// How many pages `count` labels take after `skip` used places.
    pub fn pages(&self, skip: usize, count: usize) -> usize {
        (skip + count).div_ceil(self.per_page())
    }
}

/// Points per millimetre.
const PT: f32 = 72.0 / 25.4;

/// The labels as a PDF on `sheet`, leaving the first `skip` places of the
/// first page empty (a sheet used before). Refuses a label whose barcode is
/// no EAN-13.
pub fn labels_pdf(
    labels: &[LabelData],
    sheet: &LabelSheet,
    skip: usize,
) -> Result<Vec<u8>, BarcodeError> {
    let fonts = Fonts::load();
    let per_page = sheet.per_page();
    let skip = skip % per_page;
    let mut pages: Vec<(Sheet, f32)> = Vec::new();
    for (place, label) in (skip..).zip(labels) {
        if place % per_page == 0 || pages.is_empty() {
            pages.push((Sheet::new(sheet.page_width), sheet.page_height));
        }
        let page = &mut pages.last_mut().expect("a page").0;
        let (x, y) = sheet.cell(place % per_page);
        draw_label(page, &fonts, sheet, x, y, label)?;
    }
    if pages.is_empty() {
        pages.push((Sheet::new(sheet.page_width), sheet.page_height));
    }
    Ok(save("Label harga", &fonts, pages))
}

/// One label with its top left corner at (`x`, `y`).
fn draw_label(
    page: &mut Sheet,
    fonts: &Fonts,
    sheet: &LabelSheet,
    x: f32,
    y: f32,
    label: &LabelData,
) -> Result<(), BarcodeError> {
    let modules = ean13_modules(&label.barcode)?;
    let left = x + sheet.padding_x;
    let width = sheet.label_width - 2.0 * sheet.padding_x;
    let module = sheet.module;
    let digit_size = digit_size(fonts, module);
    let room = Room::of(sheet, digit_size);

    // The name, on as many lines as the bars leave room for (at most two;
    // a longer one ends in "…"), the whole label centred in what is left.
    let mut cursor = y + sheet.padding_y + room.spare.max(0.0) / 2.0;
    for part in name_lines(fonts, &label.name, sheet.name_size, width, room.name_lines) {
        cursor += line(sheet.name_size);
        page.text(left, cursor, sheet.name_size, false, &part);
    }
    cursor += line(sheet.price_size) * 0.95;
    price_line(page, fonts, sheet, label, left, width, cursor);

    // The symbol: quiet zones of 11 and 7 modules, bars of full height,
    // the digits under them with the guard bars reaching down between.
    let symbol = (11 + 95 + 7) as f32 * module;
    let start = left + (width - symbol) / 2.0 + 11.0 * module;
    let digit_cap = cap(digit_size);
    let bars_top = cursor + below_price(sheet.price_size);
    let bar_height = sheet.bar_height();
    let digits_y = bars_top + bar_height + digit_cap + DIGIT_GAP;
    let guard_extra = digit_cap * 0.5 + DIGIT_GAP;
    let bars = Bars {
        start,
        top: bars_top,
        height: bar_height,
        guard_extra,
        module,
    };
    bars.draw(page, &modules);
    bars.digits(page, fonts, &label.barcode, digits_y, digit_size);
    Ok(())
}

/// The price on the left; the SKU and the penitip's code on its right, on
/// the price's baseline `cursor`.
fn price_line(
    page: &mut Sheet,
    fonts: &Fonts,
    sheet: &LabelSheet,
    label: &LabelData,
    left: f32,
    width: f32,
    cursor: f32,
) {
    let right = left + width;
    page.text(left, cursor, sheet.price_size, true, &label.price_text());
    let small = sheet.small_size;
    let producer = label
        .producer
        .as_deref()
        .map(|code| format!("Penitip {code}"));
    let producer_width = producer
        .as_deref()
        .map(|p| fonts.width(p, small, true) + 1.5)
        .unwrap_or(0.0);
    let price_width = fonts.width(&label.price_text(), sheet.price_size, true) + 1.5;
    let sku_room = width - price_width - producer_width;
    let sku = fit(fonts, &format!("SKU {}", label.sku), small, sku_room);
    page.text_right(fonts, right - producer_width, cursor, small, false, &sku);
    if let Some(producer) = &producer {
        page.text_right(fonts, right, cursor, small, true, producer);
    }
}

/// Where an EAN-13's bars stand on a label (mm).
struct Bars {
    /// The left edge of the first module (after the left quiet zone).
    start: f32,
    top: f32,
    height: f32,
    /// How far the guard bars reach below the others.
    guard_extra: f32,
    module: f32,
}

impl Bars {
    /// Each run of dark modules as one rectangle.
    fn draw(&self, page: &mut Sheet, modules: &[bool]) {
        let mut column = 0;
        while column < modules.len() {
            if !modules[column] {
                column += 1;
                continue;
            }
            let run = modules[column..].iter().take_while(|&&m| m).count();
            // Guard bars reach down between the digits, as on every EAN-13.
            let guard = column < 3 || (45..50).contains(&column) || column >= 92;
            let height = if guard {
                self.height + self.guard_extra
            } else {
                self.height
            };
            page.rect(
                self.start + column as f32 * self.module,
                self.top,
                run as f32 * self.module,
                height,
                0.0,
            );
            column += run;
        }
    }

    /// The first digit left of the bars, the other twelve centred under
    /// their halves.
    fn digits(&self, page: &mut Sheet, fonts: &Fonts, code: &str, digits_y: f32, size: f32) {
        let (start, module) = (self.start, self.module);
        page.text_right(fonts, start - module, digits_y, size, false, &code[..1]);
        let half = |from: usize, text: &str, page: &mut Sheet| {
            let centre = start + (from as f32 + 21.0) * module;
            page.text_centred(fonts, centre, digits_y, size, false, text);
        };
        half(3, &code[1..7], page);
        half(50, &code[7..], page);
    }
}

/// Between the price's descenders and the bars, and the bars and the
/// digits (mm).
const GAP: f32 = 0.3;
const DIGIT_GAP: f32 = 0.4;

/// From the price's baseline to the top of the bars: its descenders ("p",
/// "g") and a gap, so no letter touches a bar.
fn below_price(size: f32) -> f32 {
    size / PT * 0.27 + GAP
}

/// A line of text at `size` points, in millimetres.
fn line(size: f32) -> f32 {
    size / PT * 1.18
}

/// The height of a digit at `size` points, in millimetres.
fn cap(size: f32) -> f32 {
    size / PT * 0.72
}

/// How a label's height is shared: the bars at full height first, then the
/// price line, then as many name lines as fit.
struct Room {
    name_lines: usize,
    /// What is left below the digits (mm); negative: the stock cannot hold
    /// a conformant label.
    spare: f32,
}

impl Room {
    fn of(sheet: &LabelSheet, digit_size: f32) -> Room {
        let fixed = 2.0 * sheet.padding_y
            + line(sheet.price_size) * 0.95
            + below_price(sheet.price_size)
            + sheet.bar_height()
            + cap(digit_size)
            + DIGIT_GAP
            // The digits' font reaches below their baseline: the label
            // holds its whole line, as a PDF reader boxes it.
            + digit_size / PT * 0.24;
        let free = sheet.label_height - fixed;
        let name_lines = ((free / line(sheet.name_size)).floor().max(0.0) as usize).min(2);
        Room {
            name_lines,
            spare: free - name_lines as f32 * line(sheet.name_size),
        }
    }
}

/// The digits' size: six of them fill most of a half's 42 modules.
fn digit_size(fonts: &Fonts, module: f32) -> f32 {
    let at_ten = fonts.width("000000", 10.0, false);
    (10.0 * 42.0 * module * 0.8 / at_ten).min(9.0)
}

/// The name wrapped to at most `most` lines, the last cut with "…" when
/// more is left.
fn name_lines(fonts: &Fonts, name: &str, size: f32, width: f32, most: usize) -> Vec<String> {
    let mut lines = fonts.wrap(name, size, false, width);
    if lines.len() > most && most > 0 {
        let rest = lines[most - 1..].join(" ");
        lines.truncate(most - 1);
        lines.push(fit(fonts, &rest, size, width));
    }
    lines.truncate(most);
    lines
}

/// `text` cut with "…" until it is no wider than `width`.
fn fit(fonts: &Fonts, text: &str, size: f32, width: f32) -> String {
    if fonts.width(text, size, false) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if fonts.width(&candidate, size, false) <= width {
            return candidate;
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheets_fit_their_pages() {
        for sheet in &SHEETS {
            let right = sheet.left + (sheet.columns - 1) as f32 * sheet.pitch_x + sheet.label_width;
            let bottom = sheet.top + (sheet.rows - 1) as f32 * sheet.pitch_y + sheet.label_height;
            assert!(right <= sheet.page_width + 0.01, "{}", sheet.key);
            assert!(bottom <= sheet.page_height + 0.01, "{}", sheet.key);
            let symbol = 113.0 * sheet.module;
            assert!(
                symbol <= sheet.label_width - 2.0 * sheet.padding_x,
                "{}",
                sheet.key
            );
            // GS1: X at least 0,264 mm, and the full bar height with the
            // name, price and digits still inside the label.
            assert!(sheet.module >= 0.264, "{}", sheet.key);
            let fonts = Fonts::load();
            let room = Room::of(sheet, digit_size(&fonts, sheet.module));
            assert!(room.name_lines >= 1 && room.spare >= 0.0, "{}", sheet.key);
        }
        assert_eq!(LabelSheet::find("a4-3x7").unwrap().per_page(), 21);
        assert_eq!(LabelSheet::find("a4-4x10").unwrap().pages(39, 2), 2);
        assert!(LabelSheet::find("a4-5x13").is_none());
    }
}
