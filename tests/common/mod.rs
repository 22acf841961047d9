//! Helpers shared by the integration tests: a fresh stall, a fixed clock, the
//! real `sentra` binary, and a snapshot of every record in a book.

#![allow(dead_code)]

pub mod forge;

use std::path::Path;
use std::process::Command;

use rusqlite::Connection;
use sentra::domain::unit::Unit;
use sentra::money::{Quantity, Rupiah};
use sentra::store::{NewProduct, Store};
use time::OffsetDateTime;
use time::macros::datetime;

/// Friday 27 November 2026, 10:00 WIB: the tests' "now".
pub const NOW: OffsetDateTime = datetime!(2026-11-27 10:00 +7);
pub const NOW_TEXT: &str = "2026-11-27T10:00:00+07:00";
pub const PIN: &str = "1234";

/// A stall book in a fresh temporary folder.
pub fn new_stall() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .init_stall(
            "ST07",
            "Tapis Indah",
            Some("Ibu Rahma"),
            1802,
            Some(PIN),
            NOW,
        )
        .unwrap();
    (dir, store)
}

pub fn rp(value: i64) -> Rupiah {
    Rupiah::new(value)
}

pub fn qty(text: &str) -> Quantity {
    Quantity::parse(text).unwrap()
}

/// A product with sensible fields; `unit` decides whether fractions sell.
pub fn product(sku: &str, price: i64, unit: Unit) -> NewProduct {
    NewProduct {
        sku: sku.into(),
        barcode: None,
        name: format!("Produk {sku}"),
        unit,
        category: "Keripik".into(),
        price: Rupiah::new(price),
        cost: None,
        min_stock: Quantity::ZERO,
    }
}

/// Runs the real binary on `dir` at the fixed time; returns (status ok, stdout, stderr).
pub fn sentra(dir: &Path, args: &[&str]) -> (bool, String, String) {
    sentra_at(dir, NOW_TEXT, args)
}

pub fn sentra_at(dir: &Path, now: &str, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_sentra"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SENTRA_NOW", now)
        .env_remove("SENTRA_DATA_DIR")
        .output()
        .expect("run sentra");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Like [`sentra`], but the command must succeed.
pub fn sentra_ok(dir: &Path, args: &[&str]) -> String {
    let (ok, stdout, stderr) = sentra(dir, args);
    assert!(ok, "sentra {args:?} failed: {stderr}");
    stdout
}

/// Every row of every table that holds records, as text, in a stable order.
/// The PIN's wrong-try counter and its trail of wrong tries are left out.
pub fn snapshot(dir: &Path) -> String {
    let conn = Connection::open(dir.join("sentra.db")).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'manager_pin' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for table in tables {
        out.push_str(&format!("## {table}\n"));
        // A wrong PIN is recorded even when the action it was for is
        // refused (a trail for the manager, like the PIN's counter): the
        // snapshot leaves that trail out, and the sequence numbers it took.
        let query = match table.as_str() {
            "book_events" => {
                "SELECT * FROM book_events WHERE kind NOT IN ('pin_wrong', 'pin_locked') ORDER BY 1, 2"
                    .to_string()
            }
            "record_sequence" => "SELECT id, last - (SELECT COUNT(*) FROM book_events
                 WHERE kind IN ('pin_wrong', 'pin_locked')) FROM record_sequence"
                .to_string(),
            _ => {
                // A one-column table (the office's days) orders by its one.
                let columns: i64 = conn
                    .query_row(
                        "SELECT COUNT(*) FROM pragma_table_info(?1)",
                        [&table],
                        |r| r.get(0),
                    )
                    .unwrap();
                let order = if columns > 1 { "1, 2" } else { "1" };
                format!("SELECT * FROM {table} ORDER BY {order}")
            }
        };
        let mut statement = conn.prepare(&query).unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let values: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out.push_str(&values.join("|"));
            out.push('\n');
        }
    }
    out
}

/// A new folder with a stall set up through the command line: ST07 "Tapis
/// Indah" of Tanggamus, with the manager PIN `pin` if given.
pub fn cli_stall(pin: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "init",
        "stall",
        "--code",
        "ST07",
        "--name",
        "Tapis Indah",
        "--regency",
        "1802",
    ];
    if let Some(pin) = pin {
        args.extend(["--manager-pin", pin]);
    }
    sentra_ok(dir.path(), &args);
    dir
}

/// `quantity` of `code`, paid exactly `amount` in cash.
pub fn cash_sale(code: &str, quantity: &str, amount: i64) -> sentra::store::SaleRequest {
    use sentra::domain::payment::{PaymentMethod, Tender};
    sentra::store::SaleRequest {
        items: vec![sentra::store::SaleItem {
            code: code.into(),
            quantity: qty(quantity),
            discount: None,
        }],
        discount: None,
        tenders: vec![Tender {
            method: PaymentMethod::Cash,
            amount: rp(amount),
            reference: None,
        }],
    }
}

/// The one kuitansi in `folder` whose name starts with `prefix`, and its
/// words as pdf-extract reads them, joined by single spaces.
#[allow(dead_code)]
pub fn kuitansi_in(folder: &Path, prefix: &str) -> (std::path::PathBuf, String) {
    let files: Vec<_> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".pdf"))
        })
        .collect();
    assert_eq!(
        files.len(),
        1,
        "{prefix} in {}: {files:?}",
        folder.display()
    );
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&files[0]).unwrap()).unwrap();
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (files[0].clone(), words)
}
