//! The tables Sentra writes, read back by another program (python's
//! openpyxl and csv), as an office in Indonesia opens them: codes keep their
//! leading zeros as text, rupiah are numbers, dates are dates, each regency
//! carries its Kemendagri code beside the BPS one, and a CSV saved for a
//! person starts with a BOM.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// Runs python on `script` with the file as its argument; what it prints.
fn python(script: &str, file: &Path) -> String {
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(file)
        .output()
        .expect("python3 (CI installs it with openpyxl)");
    assert!(
        output.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Each row of the first sheet as python's repr of its values' types and
/// values, one per line.
const READ_XLSX: &str = r#"
import sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1]).active
for row in sheet.iter_rows(values_only=True):
    print([(type(v).__name__, v) for v in row])
"#;

/// A stall in Tanggamus, set up by its Kemendagri code, with a producer
/// whose NIB starts with zeros and a product whose barcode does; one sale;
/// its file imported at an office. Returns (stall dir, office dir, out dir).
fn centre() -> (tempfile::TempDir, tempfile::TempDir, tempfile::TempDir) {
    let (stall, office, out) = (tempdir(), tempdir(), tempdir());
    let s = stall.path();
    sentra_ok(
        s,
        &[
            "init",
            "stall",
            "--code",
            "ST07",
            "--name",
            "Tapis Indah",
            "--regency",
            "18.06",
            "--manager-pin",
            PIN,
        ],
    );
    sentra_ok(
        s,
        &[
            "product",
            "add",
            "--sku",
            "KRP-01",
            "--name",
            "Keripik",
            "--price",
            "10000",
            "--barcode",
            "0012345678905",
        ],
    );
    sentra_ok(s, &["stock", "receive", "KRP-01", "5"]);
    sentra_ok(
        s,
        &[
            "producer",
            "add",
            "--code",
            "P001",
            "--name",
            "Ibu Sari",
            "--regency",
            "18.01",
            "--nib",
            "0012345678901",
        ],
    );
    sentra_ok(
        s,
        &["sale", "--item", "0012345678905=2", "--pay", "cash=20000"],
    );
    sentra_ok(s, &["day", "close", "--counted-cash", "20000"]);
    let file = sentra_ok(s, &["export", "--out", out.path().to_str().unwrap()]);
    let o = office.path();
    sentra_ok(
        o,
        &["init", "office", "--name", "Kantor", "--manager-pin", PIN],
    );
    sentra_ok(o, &["import", file.trim()]);
    (stall, office, out)
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn the_centre_as_xlsx_has_typed_cells_and_both_regency_codes() {
    let (_stall, office, out) = centre();
    let xlsx = out.path().join("sentra.xlsx");
    let said = sentra_ok(
        office.path(),
        &[
            "report",
            "centre",
            "--date",
            "2026-11-27",
            "--csv",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(said.contains("XLSX: "), "{said}");
    let rows = python(READ_XLSX, &xlsx);
    let mut lines = rows.lines();
    let header = lines.next().unwrap();
    assert!(
        header.contains("('str', 'regency_code'), ('str', 'regency_kemendagri')"),
        "{header}"
    );
    let row = lines.next().unwrap();
    // Tanggamus: BPS 1802, Kemendagri 18.06, both as text.
    for cell in [
        "('datetime', datetime.datetime(2026, 11, 27, 0, 0))",
        "('str', 'ST07')",
        "('str', '1802'), ('str', '18.06'), ('str', 'Tanggamus')",
        "('int', 1), ('int', 20000)",
    ] {
        assert!(row.contains(cell), "{cell} not in {row}");
    }
}

#[test]
fn the_centre_as_csv_starts_with_a_bom_and_names_the_kemendagri_code() {
    let (_stall, office, out) = centre();
    let csv = out.path().join("sentra.csv");
    sentra_ok(
        office.path(),
        &[
            "report",
            "centre",
            "--date",
            "2026-11-27",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}date,".as_bytes()), "a BOM first");
    let read = python(
        "import csv,sys\nrow=next(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))\n\
         print(row['regency_code'], row['regency_kemendagri'], row['regency_name'], row['net'])",
        &csv,
    );
    assert_eq!(read.trim(), "1802 18.06 Tanggamus 20000");
}

#[test]
fn producers_and_products_keep_their_leading_zeros_as_text() {
    let (stall, office, out) = centre();
    let producers = out.path().join("penitip.xlsx");
    sentra_ok(
        office.path(),
        &["report", "producers", "--csv", producers.to_str().unwrap()],
    );
    let rows = python(READ_XLSX, &producers);
    let row = rows.lines().nth(1).unwrap();
    for cell in [
        "('str', '0012345678901'), ('str', 'Ibu Sari')",
        // Kemendagri 18.01 is Lampung Selatan, BPS 1803.
        "('str', '1803'), ('str', '18.01'), ('str', 'Lampung Selatan')",
    ] {
        assert!(row.contains(cell), "{cell} not in {row}");
    }

    let products = out.path().join("produk.xlsx");
    sentra_ok(
        stall.path(),
        &["product", "export", products.to_str().unwrap()],
    );
    let rows = python(READ_XLSX, &products);
    let row = rows.lines().nth(1).unwrap();
    for cell in [
        "('str', 'KRP-01'), ('str', '0012345678905'), ('str', 'Keripik')",
        "('int', 10000)",
        "('int', 3)",
    ] {
        assert!(row.contains(cell), "{cell} not in {row}");
    }
}

#[test]
fn a_regency_is_typed_either_way_and_nothing_else() {
    let dir = tempdir();
    for (typed, shown) in [
        ("1801", "Lampung Barat (18.04 · BPS 1801)"),
        ("18.01", "Lampung Selatan (18.01 · BPS 1803)"),
    ] {
        let dir = tempdir();
        let said = sentra_ok(
            dir.path(),
            &[
                "init",
                "stall",
                "--code",
                "ST01",
                "--name",
                "A",
                "--regency",
                typed,
            ],
        );
        assert!(said.contains(shown), "{typed}: {said}");
    }
    let (ok, _, said) = sentra(
        dir.path(),
        &[
            "init",
            "stall",
            "--code",
            "ST01",
            "--name",
            "A",
            "--regency",
            "18.14",
        ],
    );
    assert!(!ok && said.contains("bukan di Lampung"), "{said}");
    assert!(!dir.path().join("sentra.db").exists(), "nothing written");
}
