//! ESC/POS, read back: a small interpreter of the printer's command set,
//! written from the ESC/POS reference and sharing nothing with the encoder
//! (its code page table is encoding_rs's), plays the bytes of
//! `sentra receipt --escpos` as a printer would and must print the receipt's
//! text lines, the QR code the PDF carries, and a cut — never wider than the
//! paper's 32 or 48 columns.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// What the printer did, in order.
#[derive(Debug, Clone, PartialEq)]
enum Printed {
    Line {
        text: String,
        /// 0 left, 1 centre, 2 right (ESC a).
        align: u8,
        bold: bool,
        /// Character size multiples (GS !).
        width: u8,
        height: u8,
    },
    Qr {
        payload: String,
        module: u8,
        model: u8,
        correction: u8,
    },
    Feed(u8),
    Cut,
}

/// A printer's state between commands.
#[derive(Debug)]
struct Printer {
    initialised: bool,
    kanji: bool,
    code_page: u8,
    align: u8,
    bold: bool,
    width: u8,
    height: u8,
    buffer: Vec<u8>,
    qr_model: u8,
    qr_module: u8,
    qr_correction: u8,
    qr_data: Option<Vec<u8>>,
    out: Vec<Printed>,
}

impl Printer {
    fn new() -> Printer {
        Printer {
            initialised: false,
            // Cheap Chinese printers start in double-byte mode: FS . leaves it.
            kanji: true,
            code_page: 0,
            align: 0,
            bold: false,
            width: 1,
            height: 1,
            buffer: Vec::new(),
            qr_model: 0,
            qr_module: 3,
            qr_correction: 48,
            qr_data: None,
            out: Vec::new(),
        }
    }

    /// A style change in the middle of a line would print part of it one
    /// way and part another: the receipt never does that.
    fn style_change(&self, what: &str) {
        assert!(self.buffer.is_empty(), "{what} in the middle of a line");
    }

    fn print_line(&mut self) {
        assert!(!self.kanji, "text sent while in Chinese double-byte mode");
        let bytes = std::mem::take(&mut self.buffer);
        if bytes.iter().any(|&b| b >= 0x80) {
            assert_eq!(self.code_page, 16, "high bytes need code page 16 (WPC1252)");
        }
        let (text, _, bad) = encoding_rs::WINDOWS_1252.decode(&bytes);
        assert!(!bad, "undecodable text {bytes:?}");
        self.out.push(Printed::Line {
            text: text.into_owned(),
            align: self.align,
            bold: self.bold,
            width: self.width,
            height: self.height,
        });
    }

    fn play(mut self, bytes: &[u8]) -> Vec<Printed> {
        let mut at = 0;
        let next = |at: &mut usize| -> u8 {
            let byte = *bytes.get(*at).expect("a command cut short");
            *at += 1;
            byte
        };
        while at < bytes.len() {
            let byte = next(&mut at);
            match byte {
                0x1B => match next(&mut at) {
                    b'@' => {
                        self.buffer.clear();
                        self.initialised = true;
                        self.code_page = 0;
                        self.align = 0;
                        self.bold = false;
                        self.width = 1;
                        self.height = 1;
                    }
                    b't' => {
                        self.style_change("ESC t");
                        self.code_page = next(&mut at);
                    }
                    b'a' => {
                        self.style_change("ESC a");
                        let n = next(&mut at);
                        assert!(matches!(n, 0..=2 | 48..=50), "ESC a {n}");
                        self.align = n % 48;
                    }
                    b'E' => {
                        self.style_change("ESC E");
                        self.bold = next(&mut at) & 1 == 1;
                    }
                    b'd' => {
                        if !self.buffer.is_empty() {
                            self.print_line();
                        }
                        let n = next(&mut at);
                        self.out.push(Printed::Feed(n));
                    }
                    other => panic!("unknown ESC {other:#04x} at {at}"),
                },
                0x1C => match next(&mut at) {
                    b'.' => self.kanji = false,
                    other => panic!("unknown FS {other:#04x}"),
                },
                0x1D => match next(&mut at) {
                    b'!' => {
                        self.style_change("GS !");
                        let n = next(&mut at);
                        self.width = (n >> 4 & 7) + 1;
                        self.height = (n & 7) + 1;
                    }
                    b'(' => {
                        assert_eq!(next(&mut at), b'k', "only GS ( k is used");
                        let length = usize::from(next(&mut at)) + 256 * usize::from(next(&mut at));
                        let data: Vec<u8> = (0..length).map(|_| next(&mut at)).collect();
                        assert_eq!(data[0], 49, "cn 49: QR code");
                        match data[1] {
                            65 => {
                                assert_eq!(length, 4);
                                self.qr_model = data[2] - 48;
                            }
                            67 => self.qr_module = data[2],
                            69 => self.qr_correction = data[2],
                            80 => {
                                assert_eq!(data[2], 48);
                                self.qr_data = Some(data[3..].to_vec());
                            }
                            81 => {
                                assert_eq!(data[2], 48);
                                assert!(self.buffer.is_empty(), "QR in the middle of a line");
                                let payload =
                                    self.qr_data.take().expect("QR printed before stored");
                                self.out.push(Printed::Qr {
                                    payload: String::from_utf8(payload).unwrap(),
                                    module: self.qr_module,
                                    model: self.qr_model,
                                    correction: self.qr_correction,
                                });
                            }
                            other => panic!("unknown QR function {other}"),
                        }
                    }
                    b'V' => {
                        let m = next(&mut at);
                        match m {
                            0 | 1 | 48 | 49 => {}
                            65 | 66 => {
                                next(&mut at);
                            }
                            other => panic!("GS V {other}"),
                        }
                        assert!(self.buffer.is_empty(), "cut with text unprinted");
                        self.out.push(Printed::Cut);
                    }
                    other => panic!("unknown GS {other:#04x}"),
                },
                b'\n' => {
                    if self.buffer.is_empty() && matches!(self.out.last(), Some(Printed::Qr { .. }))
                    {
                        // LF after a QR code: the symbol's line.
                        continue;
                    }
                    self.print_line();
                }
                0x00..=0x1F | 0x7F => panic!("unexpected control byte {byte:#04x} at {at}"),
                _ => self.buffer.push(byte),
            }
        }
        assert!(self.initialised, "the printer was never initialised");
        assert!(self.buffer.is_empty(), "text left unprinted at the end");
        self.out
    }
}

fn decode(bytes: &[u8]) -> Vec<Printed> {
    assert_eq!(&bytes[..2], b"\x1b@", "ESC @ first");
    Printer::new().play(bytes)
}

/// The lines as they read across the paper: centred ones placed in the
/// middle of the columns, as the printer does with whole characters.
fn as_read(printed: &[Printed], columns: usize) -> Vec<String> {
    printed
        .iter()
        .filter_map(|p| match p {
            Printed::Line { text, align, .. } => {
                let count = text.chars().count();
                let pad = match align {
                    1 => (columns.saturating_sub(count)) / 2,
                    2 => columns.saturating_sub(count),
                    _ => 0,
                };
                Some(format!("{}{text}", " ".repeat(pad)))
            }
            _ => None,
        })
        .collect()
}

/// No line runs past the paper, counting each character's width multiple.
fn assert_fits(printed: &[Printed], columns: usize) {
    for p in printed {
        if let Printed::Line { text, width, .. } = p {
            let used = text.chars().count() * usize::from(*width);
            assert!(used <= columns, "{used} > {columns}: {text:?}");
        }
    }
}

fn qr_of_pdf(dir: &Path, pdf: &Path) -> String {
    let stem = dir.join("qr");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "300", "-singlefile"])
        .arg(pdf)
        .arg(&stem)
        .status()
        .expect("pdftoppm is needed for these tests (.ci/run installs it)");
    assert!(status.success());
    let image = image::open(stem.with_extension("png")).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    grids[0].decode().unwrap().1
}

/// A stall with a sale that has what a receipt can show: a long name, a kilo
/// line, a line discount, a sale discount, QRIS with a reference, cash and
/// change, a name with a letter outside ASCII.
fn stall_with_sale() -> (tempfile::TempDir, String) {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    for (sku, name, price, unit) in [
        (
            "TPS-01",
            "Kain Tapis Motif Jung Sarat Benang Emas Asli Lampung Barat Tulis Tangan",
            "Rp2.750.000",
            "pcs",
        ),
        ("KPC-01", "Keripik Pisang Coklat Curah", "55.000", "kg"),
        ("KOP-02", "Kopi Robusta Café Liwa 250 g", "45000", "pack"),
    ] {
        sentra_ok(
            d,
            &[
                "product", "add", "--sku", sku, "--name", name, "--price", price, "--unit", unit,
            ],
        );
        sentra_ok(d, &["stock", "receive", sku, "50"]);
    }
    let sale: serde_json::Value = serde_json::from_str(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            "TPS-01=1@5%",
            "--item",
            "KPC-01=0,75",
            "--item",
            "KOP-02=3",
            "--discount",
            "10000",
            "--pay",
            "qris=100000:QR-2026-7788",
            "--pay",
            "cash=3000000",
        ],
    ))
    .unwrap();
    (dir, sale["receipt"].as_str().unwrap().to_string())
}

#[test]
fn an_escpos_receipt_reads_back_as_its_lines_its_qr_code_and_a_cut() {
    let (dir, receipt) = stall_with_sale();
    let d = dir.path();
    for (width, columns) in [("58", 32), ("80", 48)] {
        let bin = d.join(format!("struk-{width}.bin"));
        sentra_ok(
            d,
            &[
                "receipt",
                &receipt,
                "--escpos",
                bin.to_str().unwrap(),
                "--width",
                width,
            ],
        );
        let printed = decode(&std::fs::read(&bin).unwrap());

        // The text: the receipt's own lines, as `sentra receipt` shows them.
        let text = sentra_ok(d, &["receipt", &receipt, "--width", width]);
        let expected: Vec<&str> = text.lines().collect();
        assert_eq!(as_read(&printed, columns), expected, "{width} mm");
        assert!(
            text.contains("Café") && text.contains("× Rp55.000"),
            "{text}"
        );
        assert_fits(&printed, columns);

        // Bold receipt number, double-height bold total.
        let line = |start: &str| {
            printed
                .iter()
                .find(|p| matches!(p, Printed::Line { text, .. } if text.starts_with(start)))
                .cloned()
                .unwrap_or_else(|| panic!("no line {start}"))
        };
        assert!(matches!(line(&receipt), Printed::Line { bold: true, .. }));
        assert!(matches!(
            line("TOTAL"),
            Printed::Line {
                bold: true,
                height: 2,
                width: 1,
                ..
            }
        ));

        // The QR code: the printer's own command, carrying what the PDF's does.
        let qrs: Vec<&Printed> = printed
            .iter()
            .filter(|p| matches!(p, Printed::Qr { .. }))
            .collect();
        assert_eq!(qrs.len(), 1);
        let pdf = d.join(format!("struk-{width}.pdf"));
        sentra_ok(
            d,
            &[
                "receipt",
                &receipt,
                "--pdf",
                pdf.to_str().unwrap(),
                "--width",
                width,
            ],
        );
        let Printed::Qr {
            payload,
            model,
            correction,
            module,
        } = qrs[0]
        else {
            unreachable!()
        };
        assert_eq!(payload, &qr_of_pdf(d, &pdf));
        assert!(payload.starts_with(&format!("{receipt}#")));
        assert_eq!((*model, *correction), (2, 49), "model 2, correction M");
        assert!((3..=8).contains(module));

        // Feed, then cut, last.
        let tail = &printed[printed.len() - 2..];
        assert!(matches!(tail[0], Printed::Feed(n) if n >= 3), "{tail:?}");
        assert_eq!(tail[1], Printed::Cut);
    }
}

#[test]
fn lines_never_run_past_32_or_48_columns() {
    let (dir, mut store) = new_stall();
    let long = "Kain".repeat(25) + " Tapis " + &"x".repeat(90);
    store
        .add_product(
            &sentra::store::NewProduct {
                name: long[..120].to_string(),
                ..product(
                    "TPS-LONG-NAME-WITHOUT-SPACES-001",
                    999_999_999,
                    sentra::domain::unit::Unit::Pcs,
                )
            },
            NOW,
        )
        .unwrap();
    store
        .add_product(
            &sentra::store::NewProduct {
                name: "Kopi".into(),
                ..product("KOP", 123_457, sentra::domain::unit::Unit::Kg)
            },
            NOW,
        )
        .unwrap();
    use sentra::domain::payment::{PaymentMethod, Tender};
    let request = sentra::store::SaleRequest {
        items: vec![
            sentra::store::SaleItem {
                code: "TPS-LONG-NAME-WITHOUT-SPACES-001".into(),
                quantity: qty("10"),
                discount: Some(sentra::domain::discount::Discount::parse("12,5%").unwrap()),
            },
            sentra::store::SaleItem {
                code: "KOP".into(),
                quantity: qty("9999,999"),
                discount: None,
            },
        ],
        discount: None,
        tenders: vec![Tender {
            method: PaymentMethod::Transfer,
            amount: rp(1),
            reference: Some("R".repeat(64)),
        }],
    };
    // Paid exactly, by transfer, whatever the rounding makes it.
    let lines: Vec<_> = request
        .items
        .iter()
        .zip([rp(999_999_999), rp(123_457)])
        .map(|(item, unit_price)| sentra::domain::cart::CartLine {
            unit_price,
            quantity: item.quantity,
            discount: item.discount,
        })
        .collect();
    let total = sentra::domain::cart::price_cart(&lines, None, Default::default())
        .unwrap()
        .total;
    let mut request = request;
    request.tenders[0].amount = total;
    let sale = store.complete_sale(&request, NOW).unwrap();
    drop(store);
    for (width, columns) in [("58", 32), ("80", 48)] {
        let bin = dir.path().join("long.bin");
        sentra_ok(
            dir.path(),
            &[
                "receipt",
                &sale.receipt,
                "--escpos",
                bin.to_str().unwrap(),
                "--width",
                width,
            ],
        );
        let printed = decode(&std::fs::read(&bin).unwrap());
        assert_fits(&printed, columns);
        let read = as_read(&printed, columns).join("\n");
        assert!(read.contains(&sale.total.to_string()), "{read}");
        assert!(read.contains(&"R".repeat(20)), "{read}");
    }
}

#[test]
fn a_test_page_goes_to_the_printer_set_and_reads_back() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    let before = snapshot(d);
    let (ok, _, stderr) = sentra(d, &["printer", "test"]);
    assert!(
        !ok && stderr.contains("belum ada printer struk"),
        "{stderr}"
    );
    for bad in ["lp0", "cups:pos 58", "windows:"] {
        let (ok, _, stderr) = sentra(d, &["settings", "set", "escpos_printer", bad]);
        assert!(!ok && stderr.contains("printer struk"), "{bad}: {stderr}");
    }
    assert_eq!(snapshot(d), before);

    // A device that is not there is an error, not a new file.
    let device = d.join("lp0");
    let device_text = device.to_str().unwrap();
    sentra_ok(d, &["settings", "set", "escpos_printer", device_text]);
    let (ok, _, stderr) = sentra(d, &["printer", "test"]);
    assert!(!ok && stderr.contains("tidak bisa dibuka"), "{stderr}");
    assert!(!device.exists());

    std::fs::write(&device, b"").unwrap();
    sentra_ok(d, &["printer", "test"]);
    let printed = decode(&std::fs::read(&device).unwrap());
    assert_fits(&printed, 32);
    let read = as_read(&printed, 32);
    assert!(
        read.contains(&"12345678901234567890123456789012".to_string()),
        "{read:?}"
    );
    assert!(
        printed
            .iter()
            .any(|p| matches!(p, Printed::Qr { payload, .. } if payload == "SENTRA#TES"))
    );
    assert_eq!(printed.last(), Some(&Printed::Cut));

    // A receipt into a device file (a character device) goes straight in.
    #[cfg(unix)]
    {
        let (dir, receipt) = stall_with_sale();
        sentra_ok(dir.path(), &["receipt", &receipt, "--escpos", "/dev/null"]);
    }
}
