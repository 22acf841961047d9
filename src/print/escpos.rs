//! The *struk* as ESC/POS bytes, the language of the cheap 58 and 80 mm
//! thermal printers on the stalls: the same lines as the text receipt
//! ([`receipt_text::lines`]), with bold, centring, double height for the
//! total, the QR code as the printer's own QR command, then feed and cut.
//!
//! Only commands every ESC/POS printer knows are used (see
//! `docs/escpos.md`): ESC @, FS ., ESC t, ESC a, ESC E, GS !, GS ( k, ESC d,
//! GS V. Text is sent in code page WPC1252, which holds every letter
//! Indonesian needs and the few marks a receipt uses (×, ·, é).

use super::receipt::ReceiptData;
use super::receipt_text::{self, Align, Line};

const ESC: u8 = 0x1B;
const GS: u8 = 0x1D;
const FS: u8 = 0x1C;
const LF: u8 = 0x0A;

/// ESC t 16: the printer's WPC1252 code page.
const CODE_PAGE_WPC1252: u8 = 16;

/// ESC/POS bytes being written, remembering the printer's state so each
/// change is sent once.
pub struct EscPos {
    bytes: Vec<u8>,
    align: Align,
    bold: bool,
    tall: bool,
}

impl Default for EscPos {
    fn default() -> Self {
        EscPos::new()
    }
}

impl EscPos {
    /// Initialise (ESC @), leave the Chinese double-byte mode some cheap
    /// printers start in (FS .), and choose the code page (ESC t 16).
    pub fn new() -> EscPos {
        EscPos {
            bytes: vec![ESC, b'@', FS, b'.', ESC, b't', CODE_PAGE_WPC1252],
            align: Align::Left,
            bold: false,
            tall: false,
        }
    }

    fn align(&mut self, align: Align) {
        if self.align != align {
            let n = match align {
                Align::Left => 0,
                Align::Centre => 1,
            };
            self.bytes.extend([ESC, b'a', n]);
            self.align = align;
        }
    }

    fn bold(&mut self, bold: bool) {
        if self.bold != bold {
            self.bytes.extend([ESC, b'E', u8::from(bold)]);
            self.bold = bold;
        }
    }

    fn tall(&mut self, tall: bool) {
        if self.tall != tall {
            // GS ! n: bits 0–2 the height multiple − 1, bits 4–6 the width's.
            self.bytes.extend([GS, b'!', u8::from(tall)]);
            self.tall = tall;
        }
    }

    /// One line of text, ended by LF.
    pub fn text(&mut self, text: &str, align: Align, bold: bool, tall: bool) {
        self.align(align);
        self.bold(bold);
        self.tall(tall);
        self.bytes.extend(wpc1252(text));
        self.bytes.push(LF);
    }

    /// A QR code (model 2, error correction M) of `payload`, centred, with
    /// modules `module` dots wide.
    pub fn qr(&mut self, payload: &str, module: u8) {
        self.align(Align::Centre);
        self.bold(false);
        self.tall(false);
        let data = payload.as_bytes();
        // GS ( k pL pH cn fn [parameters]: pL pH count the bytes after
        // them (cn, fn and the parameters); cn 49 is the QR symbol.
        let mut function = |parameters: &[u8]| {
            let length = parameters.len() as u16 + 1;
            self.bytes.extend([GS, b'(', b'k']);
            self.bytes.extend(length.to_le_bytes());
            self.bytes.push(49);
            self.bytes.extend(parameters);
        };
        function(&[65, 50, 0]); // fn 165: model 2
        function(&[67, module.clamp(1, 16)]); // fn 167: module size
        function(&[69, 49]); // fn 169: error correction M
        let mut store = vec![80, 48]; // fn 180: store the data
        store.extend(data);
        function(&store);
        function(&[81, 48]); // fn 181: print it
        self.bytes.push(LF);
    }

    /// Feed `lines` lines (ESC d n) and cut the paper, leaving a hinge
    /// (GS V 1: partial cut). Printers without a cutter ignore the cut.
    pub fn feed_and_cut(&mut self, lines: u8) {
        self.align(Align::Left);
        self.bold(false);
        self.tall(false);
        self.bytes.extend([ESC, b'd', lines, GS, b'V', 1]);
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

/// The receipt as ESC/POS bytes for paper `data.paper_mm` wide (32 or 48
/// columns).
pub fn receipt(data: &ReceiptData<'_>) -> Vec<u8> {
    let columns = receipt_text::columns(data.paper_mm);
    let mut out = EscPos::new();
    for line in receipt_text::lines(&receipt_text::content(data), columns) {
        match line {
            Line::Text {
                text,
                align,
                bold,
                tall,
            } => out.text(&text, align, bold, tall),
            Line::Qr(payload) => out.qr(&payload, qr_module(columns)),
        }
    }
    out.feed_and_cut(4);
    out.into_bytes()
}

/// A page to try a printer with: the stall, a ruler of the columns, the
/// letters and marks a receipt uses, a QR code, and a cut.
pub fn test_page(stall_name: &str, paper_mm: u16) -> Vec<u8> {
    let columns = receipt_text::columns(paper_mm);
    let mut out = EscPos::new();
    out.text("TES PRINTER / PRINTER TEST", Align::Centre, true, true);
    out.text(stall_name, Align::Centre, false, false);
    out.text(&"-".repeat(columns), Align::Left, false, false);
    let ruler: String = (1..=columns)
        .map(|n| char::from(b'0' + (n % 10) as u8))
        .collect();
    out.text(&ruler, Align::Left, false, false);
    out.text(
        &format!("{columns} kolom / columns, {paper_mm} mm"),
        Align::Left,
        false,
        false,
    );
    out.text(
        "Rp1.234.567  2 × Rp10.000  é · ü",
        Align::Left,
        false,
        false,
    );
    out.text("Huruf tebal / bold", Align::Left, true, false);
    out.text("TOTAL Rp55.000", Align::Left, true, true);
    out.qr("SENTRA#TES", qr_module(columns));
    out.text("Sentra", Align::Centre, false, false);
    out.feed_and_cut(4);
    out.into_bytes()
}

/// QR modules: 5 dots on 58 mm (a receipt's QR is about 2 cm), 7 on 80 mm.
fn qr_module(columns: usize) -> u8 {
    if columns >= 48 { 7 } else { 5 }
}

/// Text in code page WPC1252 (Windows-1252): ASCII and Latin-1 as they are,
/// the marks of 0x80–0x9F by their table, anything else as `?`.
pub fn wpc1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{A0}'..='\u{FF}' => c as u32 as u8,
            _ if c.is_control() => b'?',
            _ => WPC1252_HIGH
                .iter()
                .position(|&h| h == c)
                .map(|i| 0x80 + i as u8)
                .unwrap_or(b'?'),
        })
        .collect()
}

/// Windows-1252's characters at 0x80–0x9F (`\0` where it has none).
const WPC1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_goes_out_in_wpc1252() {
        assert_eq!(
            wpc1252("Rp1.000 × 2 · é"),
            b"Rp1.000 \xD7 2 \xB7 \xE9".to_vec()
        );
        assert_eq!(wpc1252("€ … 漢\u{0}"), b"\x80 \x85 ??".to_vec());
    }

    #[test]
    fn state_changes_are_sent_once() {
        let mut out = EscPos::new();
        out.text("a", Align::Centre, true, false);
        out.text("b", Align::Centre, true, false);
        let bytes = out.into_bytes();
        let count = |pattern: &[u8]| {
            bytes
                .windows(pattern.len())
                .filter(|w| *w == pattern)
                .count()
        };
        assert_eq!(count(&[ESC, b'a', 1]), 1);
        assert_eq!(count(&[ESC, b'E', 1]), 1);
    }
}
