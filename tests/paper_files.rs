//! The PDFs as an Indonesian office's tools read them: small (the fonts
//! subset to the glyphs used), with true metadata (the real creation time,
//! the program that made them, no claim of PDF/X), and clean for qpdf.
//! Read with poppler's pdffonts and pdfinfo and with qpdf, which .ci/run
//! installs.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed (poppler-utils, qpdf): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A stall with three products, two sales and a label sheet's worth of goods.
fn stall_with_sales() -> tempfile::TempDir {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    for (sku, name, price, barcode) in [
        (
            "KRP-01",
            "Keripik Pisang Coklat 200 g",
            "10000",
            "8994505000011",
        ),
        (
            "KPI-01",
            "Kopi Robusta Lampung 250 g",
            "45000",
            "8994505000028",
        ),
        (
            "TPS-01",
            "Dompet Tapis Sulam Usus",
            "300000",
            "8994505000035",
        ),
    ] {
        sentra_ok(
            d,
            &[
                "product",
                "add",
                "--sku",
                sku,
                "--name",
                name,
                "--price",
                price,
                "--barcode",
                barcode,
            ],
        );
        sentra_ok(d, &["stock", "receive", sku, "20"]);
    }
    sentra_ok(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=1",
            "--item",
            "KPI-01=1",
            "--item",
            "TPS-01=1",
            "--pay",
            "cash=400000",
        ],
    );
    sentra_ok(d, &["sale", "--item", "KRP-01=3", "--pay", "qris=30000"]);
    dir
}

/// Every font subset, the real creation date, no PDF/X key, qpdf clean.
fn check_pdf(path: &Path) {
    let file = path.to_str().unwrap();
    let fonts = tool("pdffonts", &[file]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{file}: no fonts?\n{fonts}");
    for row in rows {
        let name = row.split_whitespace().next().unwrap();
        assert!(
            name.len() > 7 && name.as_bytes()[6] == b'+',
            "{file}: font {name} is not subset\n{fonts}"
        );
        let columns: Vec<&str> = row.split_whitespace().collect();
        let n = columns.len();
        assert_eq!(
            &columns[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "{file}: emb/sub/uni\n{fonts}"
        );
    }
    let info = tool("pdfinfo", &[file]);
    let created = info
        .lines()
        .find(|l| l.starts_with("CreationDate:"))
        .unwrap_or_default();
    assert!(
        created.contains("Nov 27") && created.contains("2026"),
        "{file}: {created}"
    );
    assert!(info.contains("Producer:        Sentra"), "{file}:\n{info}");
    let bytes = std::fs::read(path).unwrap();
    assert!(
        !bytes.windows(8).any(|w| w == b"GTS_PDFX"),
        "{file}: claims PDF/X"
    );
    tool("qpdf", &["--check", file]);
}

#[test]
fn a_three_line_receipt_is_under_30_kb_with_subset_fonts_and_true_metadata() {
    let dir = stall_with_sales();
    for width in ["58", "80"] {
        let pdf = dir.path().join(format!("struk-{width}.pdf"));
        sentra_ok(
            dir.path(),
            &[
                "receipt",
                "ST07-20261127-0001",
                "--pdf",
                pdf.to_str().unwrap(),
                "--width",
                width,
            ],
        );
        let size = std::fs::metadata(&pdf).unwrap().len();
        assert!(size <= 30 * 1024, "{width} mm receipt is {size} bytes");
        check_pdf(&pdf);
    }
}

#[test]
fn the_day_report_is_under_100_kb_and_the_labels_are_clean() {
    let dir = stall_with_sales();
    let report = dir.path().join("harian.pdf");
    sentra_ok(
        dir.path(),
        &["report", "day", "--pdf", report.to_str().unwrap()],
    );
    let size = std::fs::metadata(&report).unwrap().len();
    assert!(size <= 100 * 1024, "the day report is {size} bytes");
    check_pdf(&report);
    let labels = dir.path().join("label.pdf");
    sentra_ok(
        dir.path(),
        &[
            "label",
            "KRP-01=3",
            "KPI-01",
            "--pdf",
            labels.to_str().unwrap(),
        ],
    );
    check_pdf(&labels);
    let closing = dir.path().join("tutup.pdf");
    sentra_ok(
        dir.path(),
        &[
            "day",
            "close",
            "--counted-cash",
            "400000",
            "--pdf",
            closing.to_str().unwrap(),
        ],
    );
    check_pdf(&closing);
}

fn text_of(path: &Path) -> String {
    tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"])
}

#[test]
fn the_day_report_dates_are_indonesian_and_english_by_the_setting() {
    let dir = stall_with_sales();
    let report = dir.path().join("harian.pdf");
    let args = ["report", "day", "--pdf", report.to_str().unwrap()];
    sentra_ok(dir.path(), &args);
    let text = text_of(&report);
    assert!(text.contains("Jumat, 27 November 2026"), "{text}");
    assert!(
        !text.contains("2026-11-27"),
        "an ISO date on paper:\n{text}"
    );
    // The footer's time is written with a dot.
    let footer = text.lines().find(|l| l.contains("dicetak")).unwrap();
    assert!(footer.contains("27 Nov 2026 "), "{footer}");
    let clock = footer.rsplit(' ').find(|w| w.len() == 5).unwrap();
    assert_eq!(&clock[2..3], ".", "{footer}");

    // The PPh Final estimate says its rate, base and regulation, and the
    // turnover an orang pribadi does not pay on.
    assert!(
        text.contains("estimasi PPh Final 0,5% dari omzet bruto (PP 55/2022)"),
        "{text}"
    );
    assert!(
        text.contains("omzet Rp500.000.000 pertama setahun"),
        "{text}"
    );

    sentra_ok(dir.path(), &["settings", "set", "pph_taxpayer", "badan"]);
    sentra_ok(dir.path(), &["settings", "set", "language", "en"]);
    sentra_ok(dir.path(), &args);
    let text = text_of(&report);
    assert!(text.contains("Friday, 27 November 2026"), "{text}");
    assert!(!text.contains("Jumat"), "{text}");
    assert!(
        text.contains("0.5% of gross turnover (PP 55/2022)"),
        "{text}"
    );
    assert!(text.contains("company: no tax-free turnover"), "{text}");
    assert!(!text.contains("Rp500.000.000"), "{text}");
    let (ok, _, stderr) = sentra(dir.path(), &["settings", "set", "pph_taxpayer", "pt"]);
    assert!(!ok && stderr.contains("badan"), "{stderr}");
    check_pdf(&report);
}

/// An office whose stall ST07 has sent a day, so fees can be paid.
fn office_with_a_stall() -> (tempfile::TempDir, tempfile::TempDir) {
    let stall = stall_with_sales();
    let usb = tempfile::tempdir().unwrap();
    sentra_ok(
        stall.path(),
        &["export", "--out", usb.path().to_str().unwrap()],
    );
    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &[
            "init",
            "office",
            "--name",
            "Sentra UMKM Lampung",
            "--manager-pin",
            PIN,
        ],
    );
    sentra_ok(office.path(), &["import", usb.path().to_str().unwrap()]);
    (office, stall)
}

#[test]
fn a_fee_receipt_states_the_amount_in_words() {
    let (office, _stall) = office_with_a_stall();
    let kuitansi = office.path().join("kuitansi.pdf");
    let pay = |width: &str| {
        sentra_ok(
            office.path(),
            &[
                "fee",
                "pay",
                "ST07",
                "--amount",
                "125000",
                "--method",
                "cash",
                "--pin",
                PIN,
                "--again",
                "--pdf",
                kuitansi.to_str().unwrap(),
                "--width",
                width,
            ],
        );
        // Words wrapped on a roll are joined back to one line.
        text_of(&kuitansi)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for width in ["58", "a4"] {
        let text = pay(width);
        assert!(
            text.contains("seratus dua puluh lima ribu rupiah"),
            "{width}: {text}"
        );
        assert!(text.contains("27 Nov 2026"), "{width}: {text}");
        check_pdf(&kuitansi);
    }
    sentra_ok(office.path(), &["settings", "set", "language", "en"]);
    let text = pay("80");
    assert!(
        text.contains("one hundred twenty-five thousand rupiah"),
        "{text}"
    );
}

#[test]
fn a_name_the_fonts_cannot_print_is_warned_about_and_printed_as_boxes() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    let add = |sku: &str, name: &str| {
        let (ok, _, stderr) = sentra(
            d,
            &[
                "product", "add", "--sku", sku, "--name", name, "--price", "15000",
            ],
        );
        assert!(ok, "{stderr}");
        stderr
    };
    let warned = add("KPI-09", "Kopi ☕ 咖啡");
    assert!(
        warned.contains('☕') && warned.contains('咖') && warned.contains("kotak"),
        "{warned}"
    );
    assert_eq!(add("KPI-10", "Kopi Tubruk — ½ kg"), "", "no warning");
    sentra_ok(d, &["stock", "receive", "KPI-09", "5"]);
    sentra_ok(d, &["sale", "--item", "KPI-09=1", "--pay", "cash=15000"]);
    let pdf = d.join("struk.pdf");
    sentra_ok(
        d,
        &[
            "receipt",
            "ST07-20261127-0001",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    // Each character the fonts lack is a visible box, none is dropped.
    let text = text_of(&pdf);
    assert!(text.contains("Kopi \u{FFFD} \u{FFFD}\u{FFFD}"), "{text}");
}
