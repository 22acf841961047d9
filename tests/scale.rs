//! Scale barcodes: a bag of keripik weighed on a label scale, scanned at the
//! till (the book's lookup, as the window calls it) or typed on the command
//! line, becomes a line of that weight — and a label that cannot be read is
//! refused with a sentence, changing nothing.

mod common;

use common::*;
use sentra::domain::scale::ScaleAmount;
use sentra::domain::unit::Unit;
use sentra::store::NewProduct;

/// An EAN-13 from its first twelve digits, check digit worked as GS1 says.
fn ean(twelve: &str) -> String {
    let sum: u32 = twelve
        .chars()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{twelve}{}", (10 - sum % 10) % 10)
}

/// Keripik curah at Rp55.000 a kilo, PLU 42 on the scale.
fn stall_with_keripik() -> tempfile::TempDir {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KPC-01",
            "--name",
            "Keripik Pisang Curah",
            "--price",
            "Rp55.000",
            "--unit",
            "kg",
            "--plu",
            "42",
        ],
    );
    sentra_ok(d, &["stock", "receive", "KPC-01", "20"]);
    dir
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_scale_label_of_0_750_kg_at_55000_a_kilo_adds_a_line_of_41250() {
    let dir = stall_with_keripik();
    let d = dir.path();
    // Prefix 20, PLU 00042, 00750 grams.
    let code = ean("200004200750");
    let sale = json(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            &format!("{code}=1"),
            "--pay",
            "cash=50000",
        ],
    ));
    assert_eq!(sale["total"], 41_250, "{sale}");
    assert_eq!(sale["change"], 8_750);
    let line = &sale["lines"][0];
    assert_eq!(line["sku"], "KPC-01");
    assert_eq!(line["quantity"], 0.75);
    assert_eq!(line["gross"], 41_250);
    let ledger = json(&sentra_ok(d, &["--json", "stock", "ledger", "KPC-01"]));
    assert_eq!(ledger["stock"], 19.25, "{ledger}");

    // Two bags with the same label: the count of labels times the weight.
    let sale = json(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            &format!("{code}=2"),
            "--pay",
            "cash=100000",
        ],
    ));
    assert_eq!(sale["total"], 82_500, "{sale}");
}

#[test]
fn the_tills_lookup_gives_the_product_and_the_weight() {
    let (_dir, mut store) = new_stall();
    store
        .add_product_with_plu(
            &NewProduct {
                name: "Kopi Robusta Bubuk Curah".into(),
                ..product("KOP-01", 150_000, Unit::Kg)
            },
            Some(sentra::domain::scale::Plu::parse("7").unwrap()),
            NOW,
        )
        .unwrap();
    let code = ean("200000701250");
    let scan = store.read_scale_code(&code).unwrap().expect("a scale code");
    assert_eq!(scan.product.sku, "KOP-01");
    assert_eq!(scan.quantity, qty("1,25"));
    assert_eq!(scan.reading.amount, ScaleAmount::Grams(1_250));
    assert_eq!(scan.product.price.times(scan.quantity), Ok(rp(187_500)));
    // A maker's barcode is no scale code; the lookup leaves it alone.
    assert_eq!(store.read_scale_code("8991002101104").unwrap(), None);
    // The sale takes the same code.
    let sale = store
        .complete_sale(&cash_sale(&code, "1", 187_500), NOW)
        .unwrap();
    assert_eq!(sale.lines[0].quantity, qty("1,25"));
    assert_eq!(sale.total, rp(187_500));
}

#[test]
fn a_bad_check_digit_is_refused_and_changes_nothing() {
    let dir = stall_with_keripik();
    let d = dir.path();
    let good = ean("200004200750");
    let last = good.as_bytes()[12] - b'0';
    let bad = format!("{}{}", &good[..12], (last + 1) % 10);
    let before = snapshot(d);
    let (ok, _, stderr) = sentra(
        d,
        &["sale", "--item", &format!("{bad}=1"), "--pay", "cash=50000"],
    );
    assert!(!ok);
    assert!(stderr.contains("angka periksa barcode"), "{stderr}");
    assert!(stderr.contains(&format!("seharusnya {last}")), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert_eq!(snapshot(d), before);
}

#[test]
fn an_unknown_plu_says_so_and_changes_nothing() {
    let dir = stall_with_keripik();
    let d = dir.path();
    let code = ean("200004300750");
    let before = snapshot(d);
    let (ok, _, stderr) = sentra(
        d,
        &[
            "sale",
            "--item",
            &format!("{code}=1"),
            "--pay",
            "cash=50000",
        ],
    );
    assert!(!ok);
    assert!(stderr.contains("PLU 00043"), "{stderr}");
    assert!(stderr.contains("belum dipasang pada produk"), "{stderr}");
    assert_eq!(snapshot(d), before);
}

#[test]
fn a_price_layout_sells_the_quantity_that_makes_the_price() {
    let dir = stall_with_keripik();
    let d = dir.path();
    sentra_ok(d, &["settings", "set", "scale_layout", "PPPPPRRRRR"]);
    // Rp41.250 printed by the scale: exactly 0,750 kg.
    let sale = json(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            &format!("{}=1", ean("200004241250")),
            "--pay",
            "cash=41250",
        ],
    ));
    assert_eq!(sale["total"], 41_250, "{sale}");
    assert_eq!(sale["lines"][0]["quantity"], 0.75);
    // Rp10.000 is no whole number of grams: the most that stays within it.
    let sale = json(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            &format!("{}=1", ean("200004210000")),
            "--pay",
            "cash=10000",
        ],
    ));
    let total = sale["total"].as_i64().unwrap();
    let grams = (sale["lines"][0]["quantity"].as_f64().unwrap() * 1000.0).round() as i64;
    assert!(total <= 10_000, "{sale}");
    // One gram more would cost more than the label says (half up).
    assert!((55_000 * (grams + 1) + 500) / 1000 > 10_000, "{sale}");
}

#[test]
fn scale_codes_and_plus_refuse_what_does_not_fit() {
    let dir = stall_with_keripik();
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "TPS-01",
            "--name",
            "Kain Tapis",
            "--price",
            "950000",
            "--plu",
            "9",
        ],
    );
    let code = ean("200004200750");
    for (args, says) in [
        // A count of labels is whole.
        (
            vec![
                "sale".to_string(),
                "--item".into(),
                format!("{code}=0,5"),
                "--pay".into(),
                "cash=50000".into(),
            ],
            "bilangan bulat",
        ),
        // Cloth is not sold by weight.
        (
            vec![
                "sale".to_string(),
                "--item".into(),
                format!("{}=1", ean("200000900750")),
                "--pay".into(),
                "cash=5000000".into(),
            ],
            "dijual per pcs",
        ),
        // A zero weight.
        (
            vec![
                "sale".to_string(),
                "--item".into(),
                format!("{}=1", ean("200004200000")),
                "--pay".into(),
                "cash=1".into(),
            ],
            "nol",
        ),
        // One PLU, one product.
        (
            vec![
                "product".to_string(),
                "plu".into(),
                "TPS-01".into(),
                "42".into(),
            ],
            "PLU 00042 sudah dipakai produk KPC-01",
        ),
        (
            vec![
                "product".to_string(),
                "add".into(),
                "--sku".into(),
                "X".into(),
                "--name".into(),
                "X".into(),
                "--price".into(),
                "1".into(),
                "--plu".into(),
                "123456".into(),
            ],
            "PLU harus 1–5 angka",
        ),
        (
            vec![
                "settings".to_string(),
                "set".into(),
                "scale_layout".into(),
                "PPPWWWWWWW".into(),
            ],
            "susunan barcode timbangan",
        ),
        (
            vec![
                "settings".to_string(),
                "set".into(),
                "scale_prefix".into(),
                "30".into(),
            ],
            "02 atau 20–29",
        ),
    ] {
        let before = snapshot(d);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (ok, _, stderr) = sentra(d, &args);
        assert!(!ok, "{args:?}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert_eq!(snapshot(d), before, "{args:?}");
    }
    // The PLU moves when it is cleared first.
    sentra_ok(d, &["product", "plu", "KPC-01", "--clear"]);
    let moved = json(&sentra_ok(d, &["--json", "product", "plu", "TPS-01", "42"]));
    assert_eq!(moved["plu"], "00042");
    // Scale barcodes off: the code is just an unknown product.
    sentra_ok(d, &["settings", "set", "scale_prefix", ""]);
    let (ok, _, stderr) = sentra(
        d,
        &[
            "sale",
            "--item",
            &format!("{code}=1"),
            "--pay",
            "cash=50000",
        ],
    );
    assert!(!ok && stderr.contains("produk tidak dikenal"), "{stderr}");
}
