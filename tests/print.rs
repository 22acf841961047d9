//! Paper, read back: the PDFs are opened with tools nobody here wrote (a PDF
//! text extraction crate, poppler, qpdf, a QR reader) and checked for what a
//! person would look for.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::money::Rupiah;
use sentra::office::centre::{CentreDay, DayTotals, GroupTotal, StallDay};
use sentra::print::centre_report::centre_report_pdf;
use sentra::print::day_report::{StallHeading, day_report_pdf};
use sentra::print::receipt::{ReceiptData, receipt_pdf};
use sentra::store::{CompletedSale, NewProduct, SaleItem, SaleRequest, Store};

const MM: f32 = 72.0 / 25.4;

fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for these tests (.ci/run installs it): {e}"));
    assert!(
        output.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Width and height of the first page, in points.
fn page_size(pdf: &str) -> (f32, f32) {
    let info = run("pdfinfo", &[pdf]);
    let line = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .expect("page size");
    let numbers: Vec<f32> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

fn pages(pdf: &str) -> usize {
    let info = run("pdfinfo", &[pdf]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The right edge of every word on the page, from poppler's bounding boxes.
fn word_right_edges(pdf: &str) -> Vec<(String, f32)> {
    let html = run("pdftotext", &["-bbox", pdf, "-"]);
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let start = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                l[start..].split('"').next().unwrap().parse().unwrap()
            };
            let word = l
                .split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_string();
            (word, attr("xMax"))
        })
        .collect()
}

fn text_of(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).unwrap()
}

fn stall_with_sale(lines: usize) -> (tempfile::TempDir, Store, CompletedSale) {
    let (dir, mut store) = new_stall();
    let mut items = Vec::new();
    for n in 0..lines {
        let sku = format!("TPS-{n:03}");
        let product = NewProduct {
            name: format!(
                "Kain Tapis Motif Jung Sarat Benang Emas Nomor Item{n:03} Asli Lampung Barat"
            ),
            ..product(&sku, 950_000 + n as i64 * 1_000, Unit::Pcs)
        };
        store.add_product(&product, NOW).unwrap();
        items.push(SaleItem {
            code: sku,
            quantity: qty("1"),
            discount: None,
        });
    }
    let total: i64 = (0..lines as i64).map(|n| 950_000 + n * 1_000).sum();
    let tenders = vec![
        Tender {
            method: PaymentMethod::Qris,
            amount: rp(100_000),
            reference: Some("QR7788".into()),
        },
        Tender {
            method: PaymentMethod::Cash,
            amount: rp(total - 100_000 + 2_500),
            reference: None,
        },
    ];
    let sale = store
        .complete_sale(
            &SaleRequest {
                items,
                discount: None,
                tenders,
            },
            NOW,
        )
        .unwrap();
    (dir, store, sale)
}

/// The struk key the receipts here are printed with.
fn struk_key() -> sentra::domain::struk_check::StrukKey {
    sentra::domain::struk_check::StrukKey::from_secret(&[3; 32])
}

fn receipt(sale: &CompletedSale, paper_mm: u16, copy: bool) -> Vec<u8> {
    receipt_pdf(&ReceiptData {
        struk_key: &struk_key(),
        language: sentra::domain::language::Language::Id,
        stall_name: "Tapis Indah",
        stall_code: "ST07",
        regency: "Tanggamus",
        sale,
        paper_mm,
        copy,
    })
}

#[test]
fn a_receipt_shows_the_sale_and_says_salinan_only_on_a_reprint() {
    let (dir, _store, sale) = stall_with_sale(3);
    let original = receipt(&sale, 58, false);
    let text = text_of(&original);
    for expected in [
        sale.receipt.as_str(),
        "TOTAL",
        "Rp2.853.000",
        "Kembalian",
        "Rp2.500",
        "QRIS",
        "Ref. QR7788",
        "Tunai",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    assert!(!text.contains("SALINAN"));
    let reprint = text_of(&receipt(&sale, 58, true));
    assert_eq!(
        reprint.matches("SALINAN / COPY").count(),
        2,
        "top and bottom"
    );

    // Valid for qpdf, drawn by poppler, and small.
    let path = save(dir.path(), "struk.pdf", &original);
    run("qpdf", &["--check", &path]);
    run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "120",
            &path,
            &dir.path().join("struk").display().to_string(),
        ],
    );
    assert!(dir.path().join("struk-1.png").exists());
    // The fonts are cut wide enough for every Latin letter a name may carry
    // (Latin Extended A/B and Additional): a receipt stays well under 150 KB.
    assert!(
        original.len() < 150_000,
        "a receipt is {} bytes",
        original.len()
    );
}

#[test]
fn a_receipt_is_as_wide_as_the_paper_and_as_tall_as_its_lines() {
    let (dir, _store, short_sale) = stall_with_sale(3);
    let (_dir2, _store2, long_sale) = stall_with_sale(60);
    for paper in [58u16, 80] {
        let short = save(
            dir.path(),
            &format!("short-{paper}.pdf"),
            &receipt(&short_sale, paper, false),
        );
        let long = save(
            dir.path(),
            &format!("long-{paper}.pdf"),
            &receipt(&long_sale, paper, false),
        );
        let (width, short_height) = page_size(&short);
        let (long_width, long_height) = page_size(&long);
        assert!(
            (width - f32::from(paper) * MM).abs() < 0.5,
            "{paper} mm paper is {width} pt wide"
        );
        assert_eq!(width, long_width);
        assert!(
            long_height > short_height * 5.0,
            "{short_height} → {long_height}"
        );
        assert_eq!(pages(&long), 1, "a receipt is one long strip");

        // Every one of the 60 lines is there, and no word runs past the
        // printable width (48 mm of 58, 72 mm of 80).
        let words = word_right_edges(&long);
        let right_margin = (f32::from(paper)
            - (f32::from(paper) - if paper == 58 { 48.0 } else { 72.0 }) / 2.0)
            * MM;
        for (word, right) in &words {
            assert!(
                *right <= right_margin + 0.5,
                "{word:?} ends at {right} pt, past {right_margin} on {paper} mm"
            );
        }
        let text: String = words
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for n in 0..60 {
            assert!(
                text.contains(&format!("Item{n:03}")),
                "line {n} missing on {paper} mm"
            );
        }
    }
}

#[test]
fn the_receipt_qr_code_decodes_to_the_receipt_number() {
    let (dir, _store, sale) = stall_with_sale(2);
    let path = save(dir.path(), "qr.pdf", &receipt(&sale, 58, false));
    let stem = dir.path().join("qr").display().to_string();
    run("pdftoppm", &["-png", "-r", "300", &path, &stem]);
    let image = image::open(format!("{stem}-1.png")).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the receipt");
    let (_meta, content) = grids[0].decode().unwrap();
    let (number, check) = content.split_once('#').expect("number#check");
    assert_eq!(number, sale.receipt);
    assert_eq!(
        check,
        sentra::domain::struk_check::keyed_check(
            &struk_key(),
            &sale.receipt,
            sale.total.value(),
            &sale.created_at
        )
    );
}

#[test]
fn the_day_report_carries_the_days_figures_and_the_drawer() {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    store.open_day(rp(200_000), NOW).unwrap();
    for _ in 0..3 {
        let request = SaleRequest {
            items: vec![SaleItem {
                code: "KRP-01".into(),
                quantity: qty("2"),
                discount: None,
            }],
            discount: None,
            tenders: vec![Tender {
                method: PaymentMethod::Cash,
                amount: rp(20_000),
                reference: None,
            }],
        };
        store.complete_sale(&request, NOW).unwrap();
    }
    let voided = store
        .complete_sale(
            &SaleRequest {
                items: vec![SaleItem {
                    code: "KRP-01".into(),
                    quantity: qty("1"),
                    discount: None,
                }],
                discount: None,
                tenders: vec![Tender {
                    method: PaymentMethod::Qris,
                    amount: rp(10_000),
                    reference: None,
                }],
            },
            NOW,
        )
        .unwrap();
    store
        .void_sale(&voided.receipt, "salah scan", PIN, NOW)
        .unwrap();
    store.close_day(rp(255_000), NOW).unwrap();
    let report = store.day_report(NOW.date()).unwrap();
    let bytes = day_report_pdf(
        &StallHeading {
            name: "Tapis Indah",
            code: "ST07",
            regency: "Tanggamus",
            language: sentra::domain::language::Language::Id,
        },
        &report,
        "2026-11-27 21:30",
    );
    let text = text_of(&bytes);
    for expected in [
        "Laporan Harian",
        "Tapis Indah (ST07)",
        "Rp60.000",
        "Seharusnya di laci",
        "Rp260.000",
        "Rp255.000",
        "-Rp5.000",
        "salah scan",
        &voided.receipt,
        "Penjual / Vendor",
        "Pengelola / Manager",
        "PPh Final",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the day report"
        );
    }
    let path = save(dir.path(), "harian.pdf", &bytes);
    run("qpdf", &["--check", &path]);
    let (width, height) = page_size(&path);
    assert!(
        (width - 210.0 * MM).abs() < 0.5 && (height - 297.0 * MM).abs() < 0.5,
        "A4"
    );
}

#[test]
fn the_centre_report_of_120_stalls_runs_over_pages_and_adds_up() {
    let mut stalls = Vec::new();
    let mut totals = DayTotals::default();
    for n in 0..120i64 {
        let net = Rupiah::new(150_000 + n * 7_350);
        let day = DayTotals {
            sales_count: 10 + n % 7,
            net,
            takings: net,
            gross: net,
            ..DayTotals::default()
        };
        totals.sales_count += day.sales_count;
        totals.net = totals.net.checked_add(net).unwrap();
        totals.takings = totals.net;
        stalls.push(StallDay {
            code: format!("S{n:03}"),
            name: format!("Toko {n}"),
            regency: sentra::domain::regency::REGENCIES[(n % 15) as usize].code,
            totals: day,
        });
    }
    let centre = CentreDay {
        date: "2026-11-27".into(),
        regencies: vec![GroupTotal {
            key: "1802".into(),
            label: "Tanggamus".into(),
            net: totals.net,
            returns: Rupiah::ZERO,
        }],
        categories: Vec::new(),
        payments: Vec::new(),
        silent: Vec::new(),
        totals: totals.clone(),
        stalls,
        shared_ids: Vec::new(),
        restores: Vec::new(),
    };
    let bytes = centre_report_pdf(
        "Sentra UMKM Lampung",
        &centre,
        "2026-11-28 08:00",
        sentra::domain::language::Language::Id,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "sentra.pdf", &bytes);
    run("qpdf", &["--check", &path]);
    let page_count = pages(&path);
    assert!(page_count >= 3, "120 stalls on {page_count} pages");
    let text = text_of(&bytes);
    for n in 0..120 {
        assert!(text.contains(&format!("S{n:03}")), "stall {n} missing");
    }
    // The table's header stands on every page it runs over.
    assert!(
        text.matches("Pendapatan").count() >= page_count - 1,
        "header repeated"
    );
    assert!(text.contains(&format!("Halaman {page_count} / {page_count}")));
    let expected_total = (0..120i64).map(|n| 150_000 + n * 7_350).sum::<i64>();
    assert_eq!(totals.net.value(), expected_total);
    assert!(
        text.contains(&Rupiah::new(expected_total).to_string()),
        "the total adds up"
    );
}

/// Issue 23, item 8: marks that combine with a letter, and a line separator
/// in a name, keep the text struk (and so the ESC/POS one) within the
/// paper's columns, its amounts against the right edge.
#[test]
fn combining_marks_and_line_separators_keep_the_text_struk_in_its_columns() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    // A line separator is refused in a name, saying so.
    let (ok, _, stderr) = sentra(
        d,
        &[
            "product",
            "add",
            "--sku",
            "X-1",
            "--name",
            "Kopi\u{2028}Robusta",
            "--price",
            "1000",
        ],
    );
    assert!(!ok && !stderr.is_empty(), "{stderr}");
    // Combining marks are letters' accents: accepted, and printed composed
    // (or dropped where no letter takes them).
    let decomposed = "Kope\u{301} Lampung Asli Barat Daya Sekali";
    let stacked = "Z\u{337}\u{322}a\u{335}l\u{336}g\u{337}o\u{338} keripik pedas manis";
    for (sku, name) in [("KPI-01", decomposed), ("KRP-09", stacked)] {
        sentra_ok(
            d,
            &[
                "product", "add", "--sku", sku, "--name", name, "--price", "12500",
            ],
        );
    }
    sentra_ok(
        d,
        &[
            "sale",
            "--item",
            "KPI-01=2",
            "--item",
            "KRP-09=1",
            "--pay",
            "cash=50000",
        ],
    );
    // An older book may hold a separator already (the stall's name here).
    let book = rusqlite::Connection::open(d.join("sentra.db")).unwrap();
    book.execute("UPDATE stall SET name = 'Tapis\u{2028}Indah'", [])
        .unwrap();
    drop(book);
    let receipt = sentra_ok(d, &["receipt", "ST07-20261127-0001"]);
    let text: Vec<&str> = receipt.lines().collect();
    let paper: Vec<&str> = text
        .iter()
        .copied()
        .skip_while(|l| !l.starts_with("----"))
        .collect();
    assert!(!paper.is_empty(), "{receipt}");
    for line in &text {
        assert!(
            !line.contains('\u{2028}') && !line.contains('\u{301}'),
            "{line:?}"
        );
    }
    for line in &paper {
        assert!(line.chars().count() <= 32, "{line:?} in\n{receipt}");
        if line.ends_with("Rp25.000") || line.ends_with("Rp12.500") || line.contains("TOTAL") {
            assert_eq!(line.chars().count(), 32, "{line:?} in\n{receipt}");
        }
    }
    assert!(receipt.contains("Kopé Lampung"), "{receipt}");
    assert!(receipt.contains("Zalgo keripik"), "{receipt}");
    assert!(receipt.contains("Tapis Indah"), "{receipt}");
}
