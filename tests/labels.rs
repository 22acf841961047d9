//! Price labels, read back as a person's tools would: every label of a
//! `sentra label` PDF is rendered with poppler at its printer's resolution, cut out along the
//! real sheet's cells and read by zbar; poppler's word boxes must sit inside
//! those cells. The sheets' dimensions below are the stationery's own, typed
//! here from the packets, not taken from the program.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// A label stock as printed on its packet (millimetres).
struct Stock {
    key: &'static str,
    page: (f64, f64),
    columns: usize,
    rows: usize,
    label: (f64, f64),
    /// The first label's top left corner.
    origin: (f64, f64),
    /// From one label's corner to the next.
    pitch: (f64, f64),
    /// The coarsest printer the stock goes through: an office's laser or
    /// inkjet for A4 sheets (300 dpi), a thermal label printer for rolls
    /// (203 dpi, 8 dots a millimetre).
    dpi: u32,
}

/// A4 "isi 21": 63,5 × 38,1 mm, 3 × 7, side margins 7,25 mm, top 15,15 mm,
/// 2,5 mm between columns.
const A4_21: Stock = Stock {
    key: "a4-3x7",
    page: (210.0, 297.0),
    columns: 3,
    rows: 7,
    label: (63.5, 38.1),
    origin: (7.25, 15.15),
    pitch: (66.0, 38.1),
    dpi: 300,
};

/// A4 "isi 40": 52,5 × 29,7 mm, 4 × 10, cut edge to edge.
const A4_40: Stock = Stock {
    key: "a4-4x10",
    page: (210.0, 297.0),
    columns: 4,
    rows: 10,
    label: (52.5, 29.7),
    origin: (0.0, 0.0),
    pitch: (52.5, 29.7),
    dpi: 203,
};

/// A roll of 58 × 40 mm labels: one per page.
const ROLL: Stock = Stock {
    key: "roll-58x40",
    page: (58.0, 40.0),
    columns: 1,
    rows: 1,
    label: (58.0, 40.0),
    origin: (0.0, 0.0),
    pitch: (58.0, 40.0),
    dpi: 203,
};

const PT: f64 = 72.0 / 25.4;

fn run(tool: &str, args: &[&str]) -> std::process::Output {
    Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for these tests (.ci/run installs it): {e}"))
}

fn run_ok(tool: &str, args: &[&str]) -> String {
    let output = run(tool, args);
    assert!(
        output.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

impl Stock {
    fn per_page(&self) -> usize {
        self.columns * self.rows
    }

    /// The label at `place` on its page: left, top, right, bottom in mm.
    fn cell(&self, place: usize) -> (f64, f64, f64, f64) {
        let (row, column) = (place / self.columns, place % self.columns);
        let left = self.origin.0 + column as f64 * self.pitch.0;
        let top = self.origin.1 + row as f64 * self.pitch.1;
        (left, top, left + self.label.0, top + self.label.1)
    }
}

/// The number check digit of an EAN-13's first twelve digits, worked the
/// way GS1 describes it.
fn check_digit(twelve: &str) -> u32 {
    let sum: u32 = twelve
        .chars()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    (10 - sum % 10) % 10
}

fn add(dir: &Path, sku: &str, name: &str, price: &str, unit: &str, barcode: Option<&str>) {
    let mut args = vec![
        "product", "add", "--sku", sku, "--name", name, "--price", price, "--unit", unit,
    ];
    if let Some(barcode) = barcode {
        args.extend(["--barcode", barcode]);
    }
    sentra_ok(dir, &args);
}

/// A stall with goods with and without a maker's barcode; those without get
/// the stall's own.
fn stall_with_catalogue() -> tempfile::TempDir {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    add(
        d,
        "TPS-01",
        "Kain Tapis Motif Siger Benang Emas Lampung Barat Asli Tulis Tangan",
        "Rp1.250.000",
        "pcs",
        None,
    );
    add(
        d,
        "KPC-01",
        "Keripik Pisang Coklat Curah",
        "55.000",
        "kg",
        None,
    );
    add(
        d,
        "KOP-02",
        "Kopi Robusta Lampung Barat 250 g",
        "45000",
        "pack",
        Some("8991002101104"),
    );
    add(
        d,
        "KMP-03",
        "Kemplang Panggang Ikan Tenggiri",
        "20000",
        "pack",
        None,
    );
    add(
        d,
        "BTK-04",
        "Batik Lampung Sembagi Katun",
        "Rp135.000",
        "pcs",
        None,
    );
    for sku in ["TPS-01", "KPC-01", "KMP-03", "BTK-04"] {
        sentra_ok(d, &["product", "barcode", sku, "--auto"]);
    }
    dir
}

/// Each product's barcode (those that have one), from the command line's own listing.
fn barcodes(dir: &Path) -> std::collections::HashMap<String, String> {
    let listed: serde_json::Value =
        serde_json::from_str(&sentra_ok(dir, &["--json", "product", "list"])).unwrap();
    listed
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| {
            Some((
                p["sku"].as_str().unwrap().to_string(),
                p["barcode"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// What zbar reads in each of `crops` (PNG files): one list of EAN-13s per
/// file, in order.
fn zbar(crops: &[String]) -> Vec<Vec<String>> {
    let mut args = vec!["--xml", "-q"];
    args.extend(crops.iter().map(String::as_str));
    let output = run("zbarimg", &args);
    // Exit 4: nothing found in any file; still XML.
    assert!(
        matches!(output.status.code(), Some(0 | 4)),
        "zbarimg: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let xml = String::from_utf8_lossy(&output.stdout);
    let mut found = vec![Vec::new(); crops.len()];
    let mut current = None;
    for line in xml.lines() {
        if let Some(rest) = line.strip_prefix("<source href='") {
            let href = rest.split('\'').next().unwrap();
            current = crops.iter().position(|c| c == href);
        }
        if line.contains("<symbol ") {
            assert!(line.contains("type='EAN-13'"), "{line}");
            let data = line
                .split("<![CDATA[")
                .nth(1)
                .and_then(|r| r.split("]]>").next())
                .unwrap();
            found[current.expect("a source")].push(data.to_string());
        }
    }
    found
}

/// A word poppler found, in millimetres from the page's top left.
#[derive(Debug)]
struct Word {
    text: String,
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

fn words(pdf: &str, page: usize) -> Vec<Word> {
    let page = page.to_string();
    let html = run_ok("pdftotext", &["-bbox", "-f", &page, "-l", &page, pdf, "-"]);
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f64 {
                let start = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                l[start..]
                    .split('"')
                    .next()
                    .unwrap()
                    .parse::<f64>()
                    .unwrap()
                    / PT
            };
            let text = l.split('>').nth(1).unwrap().split('<').next().unwrap();
            Word {
                text: text.replace("&amp;", "&"),
                left: attr("xMin"),
                top: attr("yMin"),
                right: attr("xMax"),
                bottom: attr("yMax"),
            }
        })
        .collect()
}

/// Prints `requests` on `stock` after `skip` used places and checks every
/// label: it decodes to its product's EAN-13 inside its own cell, its words
/// sit inside that cell, and places without a label stay empty.
fn check_sheet(dir: &Path, stock: &Stock, requests: &[(&str, usize)], skip: usize) {
    let codes = barcodes(dir);
    let pdf = dir.join(format!("label-{}.pdf", stock.key));
    let pdf = pdf.to_str().unwrap();
    let mut args: Vec<String> = vec!["--json".into(), "label".into()];
    args.extend(requests.iter().map(|(sku, n)| format!("{sku}={n}")));
    args.extend([
        "--pdf".into(),
        pdf.into(),
        "--sheet".into(),
        stock.key.into(),
    ]);
    args.extend(["--skip".into(), skip.to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result: serde_json::Value = serde_json::from_str(&sentra_ok(dir, &args)).unwrap();

    // What should be where: each product's labels in a row, after `skip`.
    let expected: Vec<&str> = requests
        .iter()
        .flat_map(|(sku, n)| std::iter::repeat_n(*sku, *n))
        .collect();
    let pages = (skip + expected.len()).div_ceil(stock.per_page());
    assert_eq!(result["labels"], expected.len());
    assert_eq!(result["pages"], pages);

    let info = run_ok("pdfinfo", &[pdf]);
    let page_count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse::<usize>().unwrap());
    assert_eq!(page_count, Some(pages), "{info}");
    let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let numbers: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!((numbers[0] - stock.page.0 * PT).abs() < 0.5, "{size}");
    assert!((numbers[1] - stock.page.1 * PT).abs() < 0.5, "{size}");

    let work = tempfile::tempdir().unwrap();
    for page in 1..=pages {
        let prefix = work.path().join(format!("p{page}"));
        run_ok(
            "pdftoppm",
            &[
                "-r",
                &stock.dpi.to_string(),
                "-png",
                "-f",
                &page.to_string(),
                "-l",
                &page.to_string(),
                "-singlefile",
                pdf,
                prefix.to_str().unwrap(),
            ],
        );
        let image = image::open(prefix.with_extension("png"))
            .unwrap()
            .to_luma8();
        let px = |mm: f64| (mm * f64::from(stock.dpi) / 25.4).round() as u32;
        let mut crops = Vec::new();
        let mut wanted = Vec::new();
        for place in 0..stock.per_page() {
            let index = (page - 1) * stock.per_page() + place;
            let sku = index
                .checked_sub(skip)
                .and_then(|i| expected.get(i))
                .copied();
            let (left, top, right, bottom) = stock.cell(place);
            // The cell itself, a pixel inside its edges.
            let (x, y) = (px(left) + 1, px(top) + 1);
            let (w, h) = (px(right) - x - 1, px(bottom) - y - 1);
            let w = w.min(image.width() - x);
            let h = h.min(image.height() - y);
            let crop = image::imageops::crop_imm(&image, x, y, w, h).to_image();
            let file = work.path().join(format!("p{page}-c{place}.png"));
            crop.save(&file).unwrap();
            crops.push(file.to_str().unwrap().to_string());
            wanted.push(sku.map(|s| codes[s].clone()));
        }
        let read = zbar(&crops);
        for (place, (found, wanted)) in read.iter().zip(&wanted).enumerate() {
            match wanted {
                Some(code) => assert_eq!(
                    found,
                    &vec![code.clone()],
                    "{} page {page} place {place}",
                    stock.key
                ),
                None => assert!(
                    found.is_empty(),
                    "{} page {page} place {place}: {found:?}",
                    stock.key
                ),
            }
        }

        // Every word inside the cell it belongs to; each label shows its
        // SKU, its price and its code's digits.
        let mut seen: Vec<Vec<String>> = vec![Vec::new(); stock.per_page()];
        for word in words(pdf, page) {
            let centre = (
                (word.left + word.right) / 2.0,
                (word.top + word.bottom) / 2.0,
            );
            let place = (0..stock.per_page())
                .find(|&p| {
                    let (l, t, r, b) = stock.cell(p);
                    (l..r).contains(&centre.0) && (t..b).contains(&centre.1)
                })
                .unwrap_or_else(|| {
                    panic!("{} page {page}: {word:?} outside every label", stock.key)
                });
            let (l, t, r, b) = stock.cell(place);
            let slack = 0.05;
            assert!(
                word.left >= l - slack
                    && word.right <= r + slack
                    && word.top >= t - slack
                    && word.bottom <= b + slack,
                "{} page {page} place {place}: {word:?} crosses the cell {:?}",
                stock.key,
                (l, t, r, b)
            );
            assert!(
                wanted[place].is_some(),
                "{} page {page}: {word:?} on an empty place",
                stock.key
            );
            seen[place].push(word.text);
        }
        for (place, wanted) in wanted.iter().enumerate() {
            let Some(code) = wanted else { continue };
            let sku = codes.iter().find(|(_, c)| *c == code).unwrap().0;
            let text = seen[place].join(" ");
            assert!(text.contains(&format!("SKU {sku}")), "{text}");
            assert!(
                text.contains(&code[1..7]) && text.contains(&code[7..]),
                "{text}"
            );
            assert!(text.contains("Rp"), "{text}");
        }
    }
}

#[test]
fn every_label_on_an_a4_sheet_of_21_decodes_to_its_product_inside_its_cell() {
    let dir = stall_with_catalogue();
    // 25 labels: a full sheet and four on the next.
    check_sheet(
        dir.path(),
        &A4_21,
        &[
            ("TPS-01", 7),
            ("KPC-01", 6),
            ("KOP-02", 5),
            ("KMP-03", 4),
            ("BTK-04", 3),
        ],
        0,
    );
}

#[test]
fn every_label_on_an_a4_sheet_of_40_decodes_inside_its_cell_after_the_used_places() {
    let dir = stall_with_catalogue();
    check_sheet(
        dir.path(),
        &A4_40,
        &[
            ("KPC-01", 12),
            ("TPS-01", 10),
            ("KOP-02", 8),
            ("KMP-03", 6),
            ("BTK-04", 4),
        ],
        3,
    );
}

/// Forty different makers' codes, one label each, fill a 4 × 10 sheet and
/// every one reads at 203 dpi: the bars' module (0,28 mm, 2,2 dots) was
/// chosen against random codes, and a few codes read wrong at 0,27 mm.
#[test]
fn forty_different_codes_on_a_sheet_of_40_all_read_at_203_dpi() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    // A fixed walk over 12-digit bodies (xorshift), the check digit added;
    // none in the stall's own 2x range. The helper's code first.
    let mut state: u64 = 0x5EED_2026;
    let mut codes = vec!["0012345678905".to_string()];
    while codes.len() < 40 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let body = format!("{:012}", state % 1_000_000_000_000);
        if body.starts_with('2') {
            continue;
        }
        let sum: u32 = body
            .bytes()
            .enumerate()
            .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 1 { 3 } else { 1 })
            .sum();
        codes.push(format!("{body}{}", (10 - sum % 10) % 10));
    }
    let skus: Vec<String> = (1..=40).map(|n| format!("EAN-{n:02}")).collect();
    for (sku, code) in skus.iter().zip(&codes) {
        add(
            d,
            sku,
            &format!("Barang {sku}"),
            "10.000",
            "pcs",
            Some(code),
        );
    }
    let requests: Vec<(&str, usize)> = skus.iter().map(|s| (s.as_str(), 1)).collect();
    check_sheet(d, &A4_40, &requests, 0);
}

/// Every filled rectangle of the PDF's pages as (width, height) in mm, read
/// from the content streams as qpdf uncompresses them.
fn rectangles(pdf: &str) -> Vec<(f64, f64)> {
    let work = tempfile::tempdir().unwrap();
    let plain = work.path().join("plain.pdf");
    run_ok(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf,
            plain.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&plain).unwrap();
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|line| {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                [_, _, w, h, "re"] => Some((
                    w.parse::<f64>().ok()?.abs() / PT,
                    h.parse::<f64>().ok()?.abs() / PT,
                )),
                _ => None,
            }
        })
        .collect()
}

#[test]
fn the_bars_meet_gs1_on_every_stock() {
    let dir = stall_with_catalogue();
    for stock in [&A4_40, &A4_21, &ROLL] {
        let pdf = dir.path().join(format!("gs1-{}.pdf", stock.key));
        let pdf = pdf.to_str().unwrap();
        sentra_ok(
            dir.path(),
            &[
                "label", "TPS-01", "KPC-01=2", "--pdf", pdf, "--sheet", stock.key,
            ],
        );
        let bars = rectangles(pdf);
        assert!(bars.len() > 3 * 25, "{}: {} bars", stock.key, bars.len());
        // The narrowest bar is one module: GS1's X-dimension, at least
        // 0,264 mm (80% magnification) ...
        let module = bars.iter().map(|b| b.0).fold(f64::MAX, f64::min);
        assert!(module >= 0.264, "{}: X = {module:.4} mm", stock.key);
        // ... and the shortest bar is as tall as that magnification asks:
        // 22,85 mm at X = 0,33 mm, never shortened.
        let full = 22.85 * module / 0.33;
        let shortest = bars.iter().map(|b| b.1).fold(f64::MAX, f64::min);
        assert!(
            shortest >= full - 0.01,
            "{}: bars {shortest:.2} mm tall, GS1 asks {full:.2}",
            stock.key
        );
    }
}

#[test]
fn every_label_on_a_58_by_40_roll_decodes_to_its_product() {
    let dir = stall_with_catalogue();
    check_sheet(
        dir.path(),
        &ROLL,
        &[("TPS-01", 1), ("KPC-01", 2), ("KOP-02", 1), ("BTK-04", 1)],
        0,
    );
}

#[test]
fn an_in_store_ean13_checks_out_and_never_collides() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    // A code typed in by hand under the in-store prefix, and a maker's one.
    add(d, "A", "Produk A", "1000", "pcs", Some("2100000000012"));
    add(d, "B", "Produk B", "1000", "pcs", Some("8991002101104"));
    for sku in ["C", "D", "E"] {
        add(d, sku, &format!("Produk {sku}"), "1000", "pcs", None);
    }
    let mut given = Vec::new();
    for sku in ["C", "D"] {
        let product: serde_json::Value = serde_json::from_str(&sentra_ok(
            d,
            &["--json", "product", "barcode", sku, "--auto"],
        ))
        .unwrap();
        given.push(product["barcode"].as_str().unwrap().to_string());
    }
    // The scale prints prefix 20 by default: in-store codes take 21.
    for code in &given {
        assert_eq!(code.len(), 13);
        assert!(code.starts_with("21"), "{code}");
        assert_eq!(
            code[12..].parse::<u32>().unwrap(),
            check_digit(&code[..12]),
            "{code}"
        );
    }
    let all = barcodes(d);
    let mut unique: Vec<&String> = all.values().collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "{all:?}");

    // A product that has a barcode keeps it.
    let before = snapshot(d);
    let (ok, _, stderr) = sentra(d, &["product", "barcode", "B", "--auto"]);
    assert!(!ok && stderr.contains("sudah punya barcode"), "{stderr}");
    assert_eq!(snapshot(d), before);

    // With the scale on 21, the stall's own codes move out of its way…
    let (ok, _, stderr) = sentra(d, &["settings", "set", "scale_prefix", "21"]);
    assert!(
        !ok && stderr.contains("awalan 21 sudah dipakai"),
        "{stderr}"
    );
    sentra_ok(d, &["settings", "set", "scale_prefix", "22"]);
    let product: serde_json::Value = serde_json::from_str(&sentra_ok(
        d,
        &["--json", "product", "barcode", "E", "--auto"],
    ))
    .unwrap();
    let code = product["barcode"].as_str().unwrap();
    assert!(code.starts_with("21"), "{code}");
    // …and no barcode may be typed under the scale's prefix.
    let before = snapshot(d);
    let twelve = "220000000001";
    let taken = format!("{twelve}{}", check_digit(twelve));
    let (ok, _, stderr) = sentra(
        d,
        &[
            "product",
            "add",
            "--sku",
            "F",
            "--name",
            "F",
            "--price",
            "1000",
            "--barcode",
            &taken,
        ],
    );
    assert!(
        !ok && stderr.contains("awalan barcode timbangan"),
        "{stderr}"
    );
    assert_eq!(snapshot(d), before);
}

#[test]
fn labels_are_refused_for_goods_without_a_barcode_and_past_their_bounds() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    add(d, "TPS-01", "Kain Tapis", "950000", "pcs", None);
    let pdf = d.join("l.pdf");
    let pdf = pdf.to_str().unwrap();
    for (args, says) in [
        (vec!["label", "TPS-01", "--pdf", pdf], "belum punya barcode"),
        (vec!["label", "NOPE", "--pdf", pdf], "produk tidak dikenal"),
        (vec!["label", "TPS-01=0", "--pdf", pdf], "1–1000"),
        (vec!["label", "TPS-01=1001", "--pdf", pdf], "1–1000"),
        (
            vec!["label", "TPS-01", "--pdf", pdf, "--sheet", "a4-5x13"],
            "a4-3x7",
        ),
        (
            vec!["label", "TPS-01", "--pdf", pdf, "--skip", "21"],
            "lewati paling banyak 20",
        ),
        (
            vec![
                "label",
                "TPS-01",
                "--pdf",
                d.join("sentra.db").to_str().unwrap(),
            ],
            "buku",
        ),
    ] {
        let before = snapshot(d);
        let (ok, _, stderr) = sentra(d, &args);
        assert!(!ok, "{args:?}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert_eq!(snapshot(d), before);
        assert!(!Path::new(pdf).exists());
    }
}

#[test]
fn a_consigned_products_label_shows_its_penitips_code() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "producer",
            "add",
            "--code",
            "P001",
            "--name",
            "Ibu Sari",
            "--regency",
            "1806",
        ],
    );
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KMP-08",
            "--name",
            "Kemplang Bakar Bu Sari",
            "--price",
            "18000",
            "--unit",
            "pack",
            "--producer",
            "P001",
            "--consign-price",
            "14000",
        ],
    );
    add(d, "TPS-01", "Kain Tapis Siger", "950000", "pcs", None);
    for sku in ["KMP-08", "TPS-01"] {
        sentra_ok(d, &["product", "barcode", sku, "--auto"]);
    }
    let pdf = d.join("titip.pdf");
    let pdf = pdf.to_str().unwrap();
    sentra_ok(d, &["label", "KMP-08=2", "TPS-01", "--pdf", pdf]);
    // Each label's words, by the real sheet's cells: the penitip's code on
    // the consigned goods' labels only.
    let mut per_cell = vec![String::new(); A4_21.per_page()];
    for word in words(pdf, 1) {
        let centre = (
            (word.left + word.right) / 2.0,
            (word.top + word.bottom) / 2.0,
        );
        let place = (0..A4_21.per_page())
            .find(|&p| {
                let (l, t, r, b) = A4_21.cell(p);
                (l..r).contains(&centre.0) && (t..b).contains(&centre.1)
            })
            .expect("inside a label");
        per_cell[place].push_str(&word.text);
        per_cell[place].push(' ');
    }
    for cell in &per_cell[..2] {
        assert!(cell.contains("SKU KMP-08"), "{cell:?}");
        assert!(cell.contains("Penitip P001"), "{cell:?}");
    }
    assert!(per_cell[2].contains("SKU TPS-01"), "{:?}", per_cell[2]);
    assert!(!per_cell[2].contains("Penitip"), "{:?}", per_cell[2]);
    assert!(per_cell[3..].iter().all(String::is_empty));
}
