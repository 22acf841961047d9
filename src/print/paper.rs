//! A small layer over printpdf: pages laid out from the top in millimetres,
//! text measured with the bundled font so it can be right-aligned and
//! wrapped, and the page height chosen after the content (for receipts).

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

use crate::domain::language::Language;

// A cut of Noto Sans for paper: Latin with its extensions (Latin-1,
// Extended-A and -B, Extended Additional, spacing and combining marks),
// general punctuation (dashes, curly quotes, •, …), currency and letterlike
// symbols, ½ and the replacement character; without hinting, which paper
// does not need. Made with fontTools:
//   pyftsubset NotoSans-Regular.ttf --no-hinting --desubroutinize \
//     --unicodes=U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0300-036F,U+1E00-1EFF,\
//       U+2000-206F,U+20A0-20C0,U+2100-215F,U+25CC,U+FFFD \
//     --layout-features=kern,liga,ccmp,locl,mark,mkmk
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/print/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/print/NotoSans-Bold.ttf");

/// What is drawn for a character the fonts do not have: visible, never
/// nothing.
pub const REPLACEMENT: char = '\u{FFFD}';

/// The characters of `text` the paper's fonts lack and have no look-alike
/// for: each is printed as the visible replacement (a box), never dropped.
/// What the product forms warn about while a name is typed.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    let fonts = FONTS.get_or_init(Fonts::load);
    let mut missing: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && fonts.printable(&c.to_string()).contains(REPLACEMENT))
        .filter(|c| *c != REPLACEMENT)
        .collect();
    missing.dedup();
    missing.sort_unstable();
    missing.dedup();
    missing
}

/// The warning for [`missing_glyphs`], in the person's language; `None`
/// when every character prints.
pub fn glyph_warning(text: &str, language: Language) -> Option<String> {
    let missing = missing_glyphs(text);
    if missing.is_empty() {
        return None;
    }
    let chars: String = missing.iter().map(|c| format!("{c} ")).collect();
    let chars = chars.trim_end();
    Some(match language {
        Language::Id => format!(
            "Peringatan: {chars} tidak ada di huruf kertas; struk dan label mencetaknya sebagai kotak {REPLACEMENT}"
        ),
        Language::En => format!(
            "Warning: {chars} is not in the paper's font; receipts and labels print it as a box {REPLACEMENT}"
        ),
    })
}

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Grey levels used on paper (thermal printers print black or nothing).
pub const BLACK: f32 = 0.0;
pub const GREY: f32 = 0.45;

/// The two weights of the bundled font, parsed once per document.
pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
}

impl Fonts {
    pub fn load() -> Fonts {
        let parse =
            |bytes| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("bundled font parses");
        Fonts {
            regular: parse(REGULAR),
            bold: parse(BOLD),
        }
    }

    fn font(&self, bold: bool) -> &ParsedFont {
        if bold { &self.bold } else { &self.regular }
    }

    /// Whether both weights have a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        [&self.regular, &self.bold]
            .iter()
            .all(|font| font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0))
    }

    /// `text` as it is drawn: a character the fonts lack becomes its
    /// nearest look-alike they have (− is -), or the visible replacement.
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .map(|c| match c {
                _ if c.is_control() => ' ',
                _ if self.has(c) => c,
                '\u{2212}' | '\u{2796}' => '-',
                '\u{2715}' | '\u{2716}' | '\u{2717}' => 'x',
                '\u{25B8}' | '\u{25B6}' | '\u{2192}' => '>',
                '\u{25C2}' | '\u{25C0}' | '\u{2190}' => '<',
                _ => REPLACEMENT,
            })
            .collect()
    }

    /// The width of `text` at `size` points, in millimetres.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let font = self.font(bold);
        let units = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let advance: u32 = self
            .printable(text)
            .chars()
            .map(|c| {
                font.lookup_glyph_index(c as u32)
                    .map(|glyph| u32::from(font.get_horizontal_advance(glyph)))
                    .unwrap_or(units as u32 / 2)
            })
            .sum();
        advance as f32 / units * size / PT_PER_MM
    }

    /// Splits `text` into lines no wider than `width` mm, at spaces where it
    /// can and inside a word only when one word is wider than the line.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if self.width(&candidate, size, bold) <= width {
                current = candidate;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if self.width(&piece, size, bold) > width {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            current = piece;
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }
}

enum Mark {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        grey: f32,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        grey: f32,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        grey: f32,
        thickness: f32,
    },
}

#[cfg(test)]
thread_local! {
    /// Every text drawn on this thread, as the document code gave it: what
    /// the glyph test reads.
    pub(crate) static DRAWN: std::cell::RefCell<Vec<String>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// One page being laid out: positions are millimetres from the top left.
pub struct Sheet {
    pub width: f32,
    marks: Vec<Mark>,
}

impl Sheet {
    pub fn new(width: f32) -> Sheet {
        Sheet {
            width,
            marks: Vec::new(),
        }
    }

    /// Text whose baseline is at `y`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        self.grey_text(x, y, size, bold, BLACK, text);
    }

    pub fn grey_text(&mut self, x: f32, y: f32, size: f32, bold: bool, grey: f32, text: &str) {
        #[cfg(test)]
        DRAWN.with(|drawn| drawn.borrow_mut().push(text.to_string()));
        self.marks.push(Mark::Text {
            x,
            y,
            size,
            bold,
            grey,
            text: text.to_string(),
        });
    }

    /// Text ending at `right`.
    pub fn text_right(
        &mut self,
        fonts: &Fonts,
        right: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: &str,
    ) {
        let x = right - fonts.width(text, size, bold);
        self.text(x, y, size, bold, text);
    }

    /// Text centred on `centre`.
    pub fn text_centred(
        &mut self,
        fonts: &Fonts,
        centre: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: &str,
    ) {
        let x = centre - fonts.width(text, size, bold) / 2.0;
        self.text(x, y, size, bold, text);
    }

    /// A filled rectangle with its top left at (`x`, `y`).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, grey: f32) {
        self.marks.push(Mark::Rect { x, y, w, h, grey });
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32) {
        self.marks.push(Mark::Line {
            x1,
            y1,
            x2,
            y2,
            grey: BLACK,
            thickness,
        });
    }

    /// The page as printpdf operations, for a page `height` mm tall.
    fn into_ops(self, fonts: &Fonts, ids: &(FontId, FontId), height: f32) -> Vec<Op> {
        let pt = |mm: f32| Pt(mm * PT_PER_MM);
        let flip = |y: f32| pt(height - y);
        let colour = |grey: f32| Color::Rgb(Rgb::new(grey, grey, grey, None));
        let mut ops = Vec::with_capacity(self.marks.len() * 4);
        for mark in self.marks {
            match mark {
                Mark::Text {
                    x,
                    y,
                    size,
                    bold,
                    grey,
                    text,
                } => {
                    let font = if bold { ids.1.clone() } else { ids.0.clone() };
                    ops.extend([
                        Op::StartTextSection,
                        Op::SetFillColor { col: colour(grey) },
                        Op::SetFont {
                            font: PdfFontHandle::External(font),
                            size: Pt(size),
                        },
                        Op::SetTextCursor {
                            pos: Point {
                                x: pt(x),
                                y: flip(y),
                            },
                        },
                        Op::ShowText {
                            items: vec![TextItem::Text(fonts.printable(&text))],
                        },
                        Op::EndTextSection,
                    ]);
                }
                Mark::Rect { x, y, w, h, grey } => {
                    ops.push(Op::SetFillColor { col: colour(grey) });
                    let rectangle = Rect {
                        mode: Some(PaintMode::Fill),
                        ..Rect::from_xywh(pt(x), flip(y + h), pt(w), pt(h))
                    };
                    ops.push(Op::DrawRectangle { rectangle });
                }
                Mark::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    grey,
                    thickness,
                } => {
                    ops.push(Op::SetOutlineColor { col: colour(grey) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: pt(x1),
                                        y: flip(y1),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: pt(x2),
                                        y: flip(y2),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
            }
        }
        ops
    }
}

/// Saves sheets as one PDF, each page `height` mm tall (fonts subset).
pub fn save(title: &str, fonts: &Fonts, sheets: Vec<(Sheet, f32)>) -> Vec<u8> {
    let mut document = PdfDocument::new(title);
    let ids = (
        document.add_font(&fonts.regular),
        document.add_font(&fonts.bold),
    );
    let pages = sheets
        .into_iter()
        .map(|(sheet, height)| {
            let width = sheet.width;
            PdfPage::new(Mm(width), Mm(height), sheet.into_ops(fonts, &ids, height))
        })
        .collect();
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let now = crate::clock::now().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    let made = printpdf::DateTime::from_unix_timestamp(now.unix_timestamp())
        .unwrap_or_else(|_| printpdf::DateTime::now_utc());
    let info = &mut document.metadata.info;
    info.creation_date = made;
    info.modification_date = made;
    info.metadata_date = made;
    info.creator = "Sentra".into();
    info.producer = format!("Sentra {}", env!("CARGO_PKG_VERSION"));
    let bytes = document.with_pages(pages).save(&options, &mut Vec::new());
    without_standard_claims(bytes)
}

/// printpdf always writes a `GTS_PDFXVersion` key, which tells prepress
/// tools the file is PDF/X; it is not. The key goes, nothing else changes.
fn without_standard_claims(bytes: Vec<u8>) -> Vec<u8> {
    let Ok(mut document) = lopdf::Document::load_mem(&bytes) else {
        return bytes;
    };
    let info = document
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference);
    let Ok(info) = info else {
        return bytes;
    };
    if let Ok(dictionary) = document
        .get_object_mut(info)
        .and_then(lopdf::Object::as_dict_mut)
    {
        dictionary.remove(b"GTS_PDFXVersion");
    }
    let mut out = Vec::with_capacity(bytes.len());
    match document.save_to(&mut out) {
        Ok(()) => out,
        Err(_) => bytes,
    }
}

#[cfg(test)]
mod glyph_tests {
    //! Every string the program draws on paper has its glyphs in the bundled
    //! fonts: the receipts (58 and 80 mm, a copy, PPN, split payments), the
    //! day report (voids, returns, a closed day with a difference) and the
    //! centre report, with every demo product's name on a receipt.

    use time::macros::datetime;

    use super::{DRAWN, Fonts, REPLACEMENT};
    use crate::domain::discount::Discount;
    use crate::domain::payment::{PaymentMethod, Tender};
    use crate::money::{Quantity, Rupiah};
    use crate::print::from_book;
    use crate::store::{ProductFilter, ReturnItem, SaleItem, SaleRequest, Store};

    fn tender(method: PaymentMethod, amount: Rupiah, reference: Option<&str>) -> Tender {
        Tender {
            method,
            amount,
            reference: reference.map(str::to_string),
        }
    }

    #[test]
    fn every_string_on_paper_has_its_glyphs() {
        let now = datetime!(2026-11-27 15:00 +7);
        let later = |minutes: i64| now + time::Duration::minutes(minutes);
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .init_stall(
                "ST07",
                "Tapis Indah",
                Some("Ibu Rahma"),
                1802,
                Some("1234"),
                now,
            )
            .unwrap();
        crate::demo::fill(&mut store, 3, now).unwrap();
        store.set_setting("tax_mode", "exclusive").unwrap();

        // One of every demo product on one receipt, paid by QRIS and cash.
        let products = store.list_products(&ProductFilter::default()).unwrap();
        let items: Vec<SaleItem> = products
            .iter()
            .map(|p| SaleItem {
                code: p.sku.clone(),
                quantity: Quantity::ONE,
                discount: Some(Discount::Percent(500)),
            })
            .collect();
        let lines: Vec<_> = products
            .iter()
            .map(|p| crate::domain::cart::CartLine {
                unit_price: p.price,
                quantity: Quantity::ONE,
                discount: Some(Discount::Percent(500)),
            })
            .collect();
        let settings = store.settings().unwrap();
        let total = crate::domain::cart::price_cart(
            &lines,
            Some(Discount::Amount(Rupiah::new(1_000))),
            settings.tax,
        )
        .unwrap()
        .total;
        let everything = store
            .complete_sale(
                &SaleRequest {
                    items,
                    discount: Some(Discount::Amount(Rupiah::new(1_000))),
                    tenders: vec![
                        tender(PaymentMethod::Qris, Rupiah::new(100_000), Some("REF123")),
                        tender(
                            PaymentMethod::Cash,
                            total.checked_sub(Rupiah::new(50_000)).unwrap(),
                            None,
                        ),
                    ],
                },
                later(1),
            )
            .unwrap();
        let small = store
            .complete_sale(
                &SaleRequest {
                    items: vec![SaleItem {
                        code: "KRP-01".into(),
                        quantity: Quantity::ONE,
                        discount: None,
                    }],
                    discount: None,
                    tenders: vec![tender(
                        PaymentMethod::Card,
                        Rupiah::new(11_100),
                        Some("APPR1"),
                    )],
                },
                later(2),
            )
            .unwrap();
        store
            .void_sale(&small.receipt, "salah scan", "1234", later(3))
            .unwrap();
        let line = &everything.lines[0];
        store
            .return_items(
                &everything.receipt,
                &[ReturnItem {
                    sku: line.sku.clone(),
                    quantity: Quantity::ONE,
                }],
                &tender(PaymentMethod::Cash, line.net, None),
                later(4),
            )
            .unwrap();
        let _ = store.verify_pin("0000", later(5));
        let expected = store
            .day_report(store.business_day(now))
            .unwrap()
            .cash
            .expected;
        store
            .close_day(expected.checked_sub(Rupiah::new(2_500)).unwrap(), later(6))
            .unwrap();

        let fonts = Fonts::load();
        DRAWN.with(|drawn| drawn.borrow_mut().clear());
        for width in [58, 80] {
            for copy in [false, true] {
                let sale = store.sale(&everything.receipt).unwrap();
                from_book::receipt_pdf(&store, &sale, width, copy).unwrap();
            }
        }
        let report = store.day_report(store.business_day(now)).unwrap();
        from_book::day_report_pdf(&store, &report, later(7)).unwrap();

        // The centre's report of the same day, at an office.
        let usb = tempfile::tempdir().unwrap();
        crate::sync::export::export(&mut store, usb.path(), None, later(8)).unwrap();
        let office_dir = tempfile::tempdir().unwrap();
        let mut office = Store::open(office_dir.path()).unwrap();
        office
            .init_office("Sentra UMKM Lampung", None, later(9))
            .unwrap();
        let files = crate::office::import::collect_files(&[usb.path().to_path_buf()]).unwrap();
        crate::office::import::import_files(&mut office, &files, later(9), |_, outcome| {
            outcome.unwrap();
        })
        .unwrap();
        let day = crate::office::centre::centre_day(&office, office.business_day(now)).unwrap();
        from_book::centre_report_pdf(&office, &day, later(10)).unwrap();

        let drawn = DRAWN.with(|drawn| drawn.borrow().clone());
        assert!(drawn.len() > 200, "{} strings drawn", drawn.len());
        for product in &products {
            assert!(
                drawn.iter().any(|text| text.contains(&product.name)),
                "{} is on the receipt",
                product.name
            );
        }
        let missing: Vec<(String, char)> = drawn
            .iter()
            .flat_map(|text| {
                text.chars()
                    .filter(|c| !fonts.has(*c))
                    .map(move |c| (text.clone(), c))
            })
            .collect();
        assert!(missing.is_empty(), "glyphs missing: {missing:?}");
    }

    #[test]
    fn a_name_with_characters_the_fonts_lack_is_warned_about() {
        use super::{glyph_warning, missing_glyphs};
        use crate::domain::language::Language;
        assert_eq!(missing_glyphs("Kopi ☕ 咖啡 ☕"), vec!['☕', '咖', '啡']);
        assert!(missing_glyphs("Kain Tapis — Sulam Usus ½ m").is_empty());
        // A minus prints as its look-alike, not a box: no warning.
        assert!(missing_glyphs("Diskon − 10").is_empty());
        let warning = glyph_warning("Kopi ☕", Language::Id).unwrap();
        assert!(
            warning.contains('☕') && warning.contains("kotak"),
            "{warning}"
        );
        let warning = glyph_warning("Kopi ☕", Language::En).unwrap();
        assert!(warning.contains("box"), "{warning}");
        assert_eq!(glyph_warning("Kopi Robusta", Language::Id), None);
    }

    #[test]
    fn a_character_the_fonts_lack_is_drawn_as_a_visible_replacement() {
        let fonts = Fonts::load();
        for c in [
            '—', '–', '“', '”', '‘', '’', '½', '•', '…', 'ă', 'ş', 'ệ', 'ñ', '€', '№',
        ] {
            assert!(fonts.has(c), "{c} is in the fonts");
        }
        assert!(fonts.has(REPLACEMENT));
        assert_eq!(fonts.printable("bersih − retur"), "bersih - retur");
        assert_eq!(
            fonts.printable("Kopi ☕ 咖啡"),
            format!("Kopi {REPLACEMENT} {REPLACEMENT}{REPLACEMENT}")
        );
        assert!(fonts.width("☕", 10.0, false) > 0.0);
    }
}
