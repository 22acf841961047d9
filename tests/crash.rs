//! The power goes off mid-sale, again and again: a child process sells in a
//! loop and prints each receipt number once its sale is committed; it is
//! killed with SIGKILL at random moments, 200 times, and after every kill the
//! book must hold every printed receipt, whole, with no gap and no damage,
//! and every product's stock figure must be its ledger's sum.

mod common;

use std::collections::HashSet;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;
use rusqlite::Connection;
use sentra::domain::unit::Unit;

const KILLS: usize = 200;

fn check_book(dir: &std::path::Path, printed: &HashSet<String>) {
    let conn = Connection::open(dir.join("sentra.db")).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let mut statement = conn.prepare("SELECT receipt FROM sales").unwrap();
    let held: HashSet<String> = statement
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let lost: Vec<&String> = printed.difference(&held).collect();
    assert!(
        lost.is_empty(),
        "receipts shown but not in the book: {lost:?}"
    );
    let (without_lines, without_payments): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT COUNT(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)),
                    (SELECT COUNT(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = s.id))",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((without_lines, without_payments), (0, 0), "a half-sale");
    // The ledger moved exactly what the lines sold, product by product.
    let mismatched: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM products p
             WHERE COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = p.id AND m.kind = 'sale'), 0)
                 + COALESCE((SELECT SUM(quantity) FROM sale_lines l WHERE l.product_id = p.id), 0) <> 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0, "stock ledger and sale lines disagree");
    // Each product's stock figure is still its ledger's sum: the trigger's
    // update and the ledger row landed together, or neither did.
    let drifted: Vec<(String, i64, i64)> = conn
        .prepare(
            "SELECT sku, stock, ledger FROM (
                 SELECT p.sku, p.stock,
                        COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = p.id), 0) AS ledger
                 FROM products p)
             WHERE stock <> ledger",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(drifted, [], "stock figure and ledger disagree");
    let (counted, low): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT low FROM product_counts), COUNT(*) FROM products WHERE stock <= min_stock",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(counted, low, "the low-stock count and the figures disagree");
    let (count, max, last): (i64, i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), COALESCE(MAX(seq), 0), (SELECT last FROM record_sequence) FROM sales",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((count, max), (last, last), "the sequence has a gap");
}

#[test]
fn a_sale_whose_receipt_was_shown_survives_two_hundred_power_cuts() {
    let (dir, mut store) = new_stall();
    for (sku, price) in [("A", 1_000), ("B", 2_000), ("C", 3_000), ("D", 4_000)] {
        store
            .add_product(&product(sku, price, Unit::Pcs), NOW)
            .unwrap();
    }
    drop(store);

    let mut printed = HashSet::new();
    let mut seed = 0x5EED_u64;
    let mut killed_mid_run = 0;
    for _ in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sentra"))
            .arg("--data-dir")
            .arg(dir.path())
            .arg("soak")
            .env("SENTRA_NOW", NOW_TEXT)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_millis(2 + (seed >> 33) % 60));
        child.kill().unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_run += 1;
        }
        printed.extend(out.lines().map(str::to_string));
        check_book(dir.path(), &printed);
    }
    assert_eq!(
        killed_mid_run, KILLS,
        "every run was cut off, none finished on its own"
    );
    assert!(
        printed.len() > KILLS,
        "sales went through between the cuts: {}",
        printed.len()
    );
}
