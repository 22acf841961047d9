//! A small layer over printpdf: pages laid out from the top in millimetres,
//! text measured with the bundled font so it can be right-aligned and
//! wrapped, and the page height chosen after the content (for receipts).

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

// A smaller cut of the window's font: what receipts and reports print
// (Latin-1 and a few marks), without hinting, which paper does not need.
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/print/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/print/NotoSans-Bold.ttf");

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

    /// The width of `text` at `size` points, in millimetres.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let font = self.font(bold);
        let units = f32::from(font.units_per_em.max(1));
        let advance: u32 = text
            .chars()
            .map(|c| {
                font.lookup_glyph_index(c as u32)
                    .and_then(|glyph| font.get_glyph_width(glyph))
                    .map(u32::from)
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
    fn into_ops(self, ids: &(FontId, FontId), height: f32) -> Vec<Op> {
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
                            items: vec![TextItem::Text(text)],
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
            PdfPage::new(Mm(width), Mm(height), sheet.into_ops(&ids, height))
        })
        .collect();
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    document.with_pages(pages).save(&options, &mut Vec::new())
}
