//! What moves money out of the stall or bends a rule needs the manager PIN,
//! checked before anything is written and recorded as a `pin_used` event
//! that the day report and the office see: cash out of the drawer above the
//! stall's limit, and money given back for the whole of a sale (a void
//! without the void's PIN). Driven through the command line, as a vendor at
//! the stall PC would.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    let out = sentra_ok(dir, &args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

/// The `pin_used` events of today, their sentences in order.
fn approvals(dir: &Path) -> Vec<String> {
    json(dir, &["report", "day"])["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "pin_used")
        .map(|e| e["detail"].as_str().unwrap().to_string())
        .collect()
}

fn run(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

fn refused(dir: &Path, args: &[&str], words: &str) {
    let before = snapshot(dir);
    let (ok, _, stderr) = sentra(dir, args);
    assert!(!ok, "{args:?} was accepted");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(words), "{args:?}: {stderr}");
    // What a refused PIN leaves is only its own wrong-try event.
    if !words.contains("PIN salah") {
        assert_eq!(snapshot(dir), before, "{args:?} changed the book");
    }
}

#[test]
fn a_drawer_expense_above_the_limit_needs_the_pin_and_is_recorded_with_it() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(d, &["day", "open", "--float", "1000000"]);
    let add = |amount: &str, extra: &[&str]| {
        let mut args = vec![
            "expense",
            "add",
            "--amount",
            amount,
            "--category",
            "sewa",
            "--from-drawer",
        ];
        args.extend_from_slice(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };

    // Up to the limit in a day (Rp500.000 by default) the vendor alone
    // may; the day's drawer expenses count together, so a second one just
    // under the limit is no free one.
    sentra_ok(d, &run(&add("300000", &[])));
    refused(
        d,
        &run(&add("300000", &[])),
        "perlu PIN manajer: pengeluaran laci hari ini Rp600.000 di atas batas Rp500.000",
    );
    sentra_ok(d, &run(&add("200000", &[])));
    // Above it: asked for, then a wrong PIN, and nothing is recorded.
    refused(
        d,
        &run(&add("100000", &[])),
        "perlu PIN manajer: pengeluaran laci hari ini Rp600.000 di atas batas Rp500.000",
    );
    refused(d, &run(&add("100000", &["--pin", "9999"])), "PIN salah");
    let list = json(d, &["expense", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
    // The right PIN records it, and the approval with it.
    sentra_ok(d, &run(&add("100000", &["--pin", PIN])));
    assert_eq!(
        approvals(d),
        ["pengeluaran laci hari ini Rp600.000 di atas batas Rp500.000"]
    );
    // Not from the drawer, any size is the vendor's to write down.
    sentra_ok(
        d,
        &[
            "expense",
            "add",
            "--amount",
            "2000000",
            "--category",
            "sewa",
        ],
    );
    // The limit is a setting.
    sentra_ok(
        d,
        &[
            "settings",
            "set",
            "pin_expense_over",
            "100000",
            "--pin",
            PIN,
        ],
    );
    refused(
        d,
        &run(&add("1", &[])),
        "pengeluaran laci hari ini Rp600.001 di atas batas Rp100.000",
    );
    refused(
        d,
        &["settings", "set", "pin_expense_over", "banyak"],
        "batas pengeluaran laci tanpa PIN tidak valid",
    );
}

#[test]
fn money_back_for_the_whole_of_a_sale_needs_the_pin() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    for (sku, price) in [("KRP-01", "10000"), ("KPI-01", "45000")] {
        sentra_ok(
            d,
            &[
                "product", "add", "--sku", sku, "--name", sku, "--price", price,
            ],
        );
        sentra_ok(d, &["stock", "receive", sku, "20"]);
    }
    let sale = json(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=2",
            "--item",
            "KPI-01=1",
            "--pay",
            "cash=65000",
        ],
    );
    let receipt = sale["receipt"].as_str().unwrap().to_string();
    let back = |items: &[&str], refund: &str, pin: Option<&str>| {
        let mut args = vec!["return".to_string(), receipt.clone()];
        for item in items {
            args.extend(["--item".to_string(), item.to_string()]);
        }
        args.extend(["--refund".to_string(), refund.to_string()]);
        if let Some(pin) = pin {
            args.extend(["--pin".to_string(), pin.to_string()]);
        }
        args
    };

    // All of it at once, in cash: that is a void, and it needs the PIN.
    let words = format!("perlu PIN manajer: seluruh nota {receipt} dikembalikan tanpa pembatalan");
    refused(
        d,
        &run(&back(&["KRP-01=2", "KPI-01=1"], "cash=65000", None)),
        &words,
    );
    // Part of it is the vendor's to give back ...
    sentra_ok(d, &run(&back(&["KRP-01=1"], "cash=10000", None)));
    // ... but not the rest in one more step without the PIN.
    refused(
        d,
        &run(&back(&["KRP-01=1", "KPI-01=1"], "cash=55000", None)),
        &words,
    );
    assert!(approvals(d).is_empty());
    sentra_ok(
        d,
        &run(&back(&["KRP-01=1", "KPI-01=1"], "cash=55000", Some(PIN))),
    );
    assert_eq!(
        approvals(d),
        [format!(
            "seluruh nota {receipt} dikembalikan tanpa pembatalan"
        )]
    );
}

#[test]
fn goods_back_with_no_money_need_no_pin() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000",
        ],
    );
    sentra_ok(d, &["stock", "receive", "KRP-01", "5"]);
    let sale = json(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    let receipt = sale["receipt"].as_str().unwrap();
    // Exchanged for another of the same: the goods come back, no money goes.
    sentra_ok(
        d,
        &[
            "return", receipt, "--item", "KRP-01=1", "--refund", "cash=0",
        ],
    );
    assert!(approvals(d).is_empty());
}

#[test]
fn prices_changed_by_a_csv_import_need_the_pin() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000",
        ],
    );
    let csv = d.join("harga.csv");
    let write = |text: &str| std::fs::write(&csv, text).unwrap();
    let path = csv.to_str().unwrap();
    // A new product and the same price: the vendor's to import.
    write("sku,name,price\nKRP-01,Keripik,10000\nKPI-01,Kopi,45000\n");
    sentra_ok(d, &["product", "import", path]);
    // The price of one already in the book cut to Rp1: the manager's.
    write("sku,name,price\nKRP-01,Keripik,1\nKPI-02,Kopi Bubuk,30000\n");
    refused(
        d,
        &["product", "import", path],
        "perlu PIN manajer: 1 harga atau satuan diubah lewat impor CSV",
    );
    refused(
        d,
        &["product", "import", path, "--pin", "9999"],
        "PIN salah",
    );
    let price = |sku: &str| {
        json(d, &["product", "list", "--search", sku])[0]["price"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(price("KRP-01"), 10_000);
    let out = sentra_ok(d, &["product", "import", path, "--pin", PIN]);
    assert!(out.contains("Harga 1 produk"), "{out}");
    assert_eq!(price("KRP-01"), 1);
    assert_eq!(approvals(d), ["1 harga atau satuan diubah lewat impor CSV"]);
    // The same price per another unit is another price: Rp1 a gram is
    // Rp1.000 a kilogram.
    write("sku,name,price,unit\nKRP-01,Keripik,1,kg\n");
    refused(
        d,
        &["product", "import", path],
        "perlu PIN manajer: 1 harga atau satuan diubah lewat impor CSV",
    );
    assert_eq!(
        json(d, &["product", "list", "--search", "KRP-01"])[0]["unit"],
        "pcs"
    );
}

#[test]
fn a_discount_above_the_vendors_limit_needs_the_pin() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    for (sku, name, price) in [("KRP-01", "Keripik", "10000"), ("KPI-01", "Kopi", "45000")] {
        sentra_ok(
            d,
            &[
                "product", "add", "--sku", sku, "--name", name, "--price", price,
            ],
        );
        sentra_ok(d, &["stock", "receive", sku, "20"]);
    }
    let sale = |items: &[&str], discount: Option<&str>, pay: &str, pin: Option<&str>| {
        let mut args = vec!["sale".to_string()];
        for item in items {
            args.extend(["--item".to_string(), item.to_string()]);
        }
        if let Some(discount) = discount {
            args.extend(["--discount".to_string(), discount.to_string()]);
        }
        args.extend(["--pay".to_string(), pay.to_string()]);
        if let Some(pin) = pin {
            args.extend(["--pin".to_string(), pin.to_string()]);
        }
        args
    };
    // Half off is the vendor's to give (the limit is 50% by default).
    sentra_ok(d, &run(&sale(&["KRP-01=1@50%"], None, "cash=5000", None)));
    // A free line is not: refused, nothing sold, no number taken.
    refused(
        d,
        &run(&sale(
            &["KRP-01=1@100%", "KPI-01=1"],
            None,
            "cash=45000",
            None,
        )),
        "perlu PIN manajer: diskon 100% (Keripik), batas 50%",
    );
    // Nor a sale discount that takes more than half of the whole.
    refused(
        d,
        &run(&sale(&["KPI-01=1"], Some("30000"), "cash=15000", None)),
        "diskon 67% (seluruh nota), batas 50%",
    );
    refused(
        d,
        &run(&sale(
            &["KRP-01=1@100%", "KPI-01=1"],
            None,
            "cash=45000",
            Some("9999"),
        )),
        "PIN salah",
    );
    let done = json(
        d,
        &run(&sale(
            &["KRP-01=1@100%", "KPI-01=1"],
            None,
            "cash=45000",
            Some(PIN),
        )),
    );
    let receipt = done["receipt"].as_str().unwrap();
    assert_eq!(
        approvals(d),
        [format!("{receipt}: diskon 100% (Keripik), batas 50%")]
    );
    // The limit is a setting.
    refused(
        d,
        &run(&sale(&["KRP-01=2@60%"], None, "cash=8000", None)),
        "diskon 60% (Keripik), batas 50%",
    );
    sentra_ok(
        d,
        &[
            "settings",
            "set",
            "pin_discount_percent",
            "60",
            "--pin",
            PIN,
        ],
    );
    sentra_ok(d, &run(&sale(&["KRP-01=2@60%"], None, "cash=8000", None)));
}

#[test]
fn a_guard_or_the_clock_changes_only_with_the_pin_and_leaves_a_record() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    // Each setting that loosens a guard or moves the business day: without
    // the PIN refused (the book unchanged), with a wrong one refused, with
    // the right one changed and the change recorded with its old value.
    let cases = [
        ("pin_expense_over", "90000000", "500000", "90000000"),
        ("pin_discount_percent", "100", "50", "100"),
        ("utc_offset_hours", "9", "7", "9"),
    ];
    for (key, value, _, _) in cases {
        refused(d, &["settings", "set", key, value], "perlu PIN manajer");
        refused(
            d,
            &["settings", "set", key, value, "--pin", "0000"],
            "PIN salah",
        );
        sentra_ok(d, &["settings", "set", key, value, "--pin", PIN]);
    }
    let recorded = approvals(d);
    assert_eq!(recorded.len(), 3, "{recorded:?}");
    for ((_, _, from, to), detail) in cases.iter().zip(&recorded) {
        assert!(detail.contains(&format!("dari {from} ke {to}")), "{detail}");
    }
    // The same value again changes nothing and asks for nothing.
    sentra_ok(d, &["settings", "set", "pin_discount_percent", "100"]);
    // Settings that guard no money still need no PIN.
    sentra_ok(d, &["settings", "set", "receipt_width", "80"]);
}

#[test]
fn a_refund_that_leaves_a_sliver_or_pays_cash_for_a_qris_sale_needs_the_pin() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product", "add", "--sku", "KPI-01", "--name", "Kopi", "--price", "80000", "--unit",
            "kg",
        ],
    );
    let sold = |pay: &str| {
        json(d, &["sale", "--item", "KPI-01=1", "--pay", pay])["receipt"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // All but a gram back, Rp80 left standing: the whole sale, in effect.
    let cash = sold("cash=80000");
    refused(
        d,
        &[
            "return",
            &cash,
            "--item",
            "KPI-01=0,999",
            "--refund",
            "cash=79920",
        ],
        "perlu PIN manajer: seluruh nota",
    );
    // Half back in cash, from a sale paid in cash: the vendor's to do.
    sentra_ok(
        d,
        &[
            "return",
            &cash,
            "--item",
            "KPI-01=0,5",
            "--refund",
            "cash=40000",
        ],
    );
    // A little more, bit by bit: past half of the sale's money.
    refused(
        d,
        &[
            "return",
            &cash,
            "--item",
            "KPI-01=0,1",
            "--refund",
            "cash=8000",
        ],
        "uang kembali Rp48.000 untuk nota",
    );
    // A QRIS sale: money went to the bank, so cash from the drawer for it
    // is the manager's; back by QRIS it is the vendor's.
    let qris = sold("qris=80000");
    refused(
        d,
        &[
            "return",
            &qris,
            "--item",
            "KPI-01=0,5",
            "--refund",
            "cash=40000",
        ],
        "uang tunai Rp40.000 dikembalikan untuk nota",
    );
    sentra_ok(
        d,
        &[
            "return",
            &qris,
            "--item",
            "KPI-01=0,5",
            "--refund",
            "qris=40000",
        ],
    );
    let qris = sold("qris=80000");
    sentra_ok(
        d,
        &[
            "return",
            &qris,
            "--item",
            "KPI-01=0,5",
            "--refund",
            "cash=40000",
            "--pin",
            PIN,
        ],
    );
    assert_eq!(approvals(d).len(), 1, "{:?}", approvals(d));
}

#[test]
fn the_qris_code_is_changed_only_with_the_pin_and_leaves_a_record() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    let code = |merchant: &str| {
        sentra::domain::qris::with_crc(&format!(
            "00020101021151440014ID.CO.QRIS.WWW0215ID10200000000010303UMI\
             5204581253033605802ID59{:02}{merchant}6014BANDAR LAMPUNG",
            merchant.len()
        ))
    };
    // The first code is the vendor's to type.
    sentra_ok(
        d,
        &["settings", "set", "qris_payload", &code("TAPIS INDAH")],
    );
    assert!(approvals(d).is_empty());
    // Another account's: the buyers' money would go there.
    let other = code("HELPER PRIBADI");
    refused(
        d,
        &["settings", "set", "qris_payload", &other],
        "perlu PIN manajer: pengaturan kode QRIS diubah dari TAPIS INDAH",
    );
    refused(
        d,
        &["settings", "set", "qris_payload", &other, "--pin", "0000"],
        "PIN salah",
    );
    sentra_ok(
        d,
        &["settings", "set", "qris_payload", &other, "--pin", PIN],
    );
    let recorded = approvals(d);
    assert_eq!(recorded.len(), 1, "{recorded:?}");
    assert!(
        recorded[0].starts_with("pengaturan kode QRIS diubah dari TAPIS INDAH (CRC")
            && recorded[0].contains("ke HELPER PRIBADI (CRC"),
        "{recorded:?}"
    );
    // Cleared, too, only with the PIN.
    refused(
        d,
        &["settings", "set", "qris_payload", ""],
        "perlu PIN manajer",
    );
}
