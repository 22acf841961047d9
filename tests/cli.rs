//! The command line as a person and a script use it: a tour from a new stall,
//! and every kind of bad input refused with one line and no change.

mod common;

use std::path::Path;

use common::*;

const YESTERDAY: &str = "2026-11-26T15:00:00+07:00";

/// A stall set up through the command line, with a closed day behind it and
/// today's sales (one of them voided).
fn stall_with_history() -> (tempfile::TempDir, String, String) {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KRP-01",
            "--name",
            "Keripik Pisang Coklat 200 g",
            "--price",
            "10.000",
            "--unit",
            "pack",
            "--barcode",
            "8994505000011",
            "--category",
            "Keripik",
        ],
    );
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KPI-03",
            "--name",
            "Kopi Robusta Curah",
            "--price",
            "Rp150.000",
            "--unit",
            "kg",
            "--category",
            "Kopi",
        ],
    );
    sentra_ok(d, &["stock", "receive", "KRP-01", "50"]);
    let (ok, _, stderr) = sentra_at(
        d,
        YESTERDAY,
        &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"],
    );
    assert!(ok, "{stderr}");
    let (ok, _, stderr) = sentra_at(d, YESTERDAY, &["day", "close", "--counted-cash", "10000"]);
    assert!(ok, "{stderr}");
    let json = |out: String| -> String {
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        value["receipt"].as_str().unwrap().to_string()
    };
    let kept = json(sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            "KRP-01=3",
            "--item",
            "KPI-03=0,5",
            "--pay",
            "cash=150000",
        ],
    ));
    let voided = json(sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            "8994505000011=2",
            "--pay",
            "qris=20000:QR1",
        ],
    ));
    sentra_ok(
        d,
        &["void", &voided, "--reason", "salah scan", "--pin", PIN],
    );
    (dir, kept, voided)
}

fn refused(dir: &Path, now: &str, args: &[&str], expected: &str) {
    let before = snapshot(dir);
    let (ok, stdout, stderr) = sentra_at(dir, now, args);
    assert!(!ok, "sentra {args:?} should fail, printed {stdout}");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "sentra {args:?}: one line, got {stderr:?}");
    assert!(
        stderr.contains(expected),
        "sentra {args:?}: expected {expected:?} in {stderr:?}"
    );
    assert_eq!(snapshot(dir), before, "sentra {args:?} changed the book");
}

#[test]
fn every_bad_input_is_refused_with_one_line_and_changes_nothing() {
    let (dir, kept, voided) = stall_with_history();
    let d = dir.path();
    let csv = d.join("katalog.csv");
    std::fs::write(&csv, "sku;nama;harga;satuan\nKPL-01;Kemplang Panggang;17.000;pack\nKPL-02;Kemplang Goreng;dua puluh ribu;pack\n").unwrap();
    let csv = csv.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["sale", "--item", "NOPE=1", "--pay", "cash=10000"],
            "produk tidak dikenal: \"NOPE\"",
        ),
        (
            &[
                "product", "add", "--sku", "KRP-01", "--name", "Lain", "--price", "5000",
            ],
            "SKU KRP-01 sudah dipakai",
        ),
        (
            &[
                "product", "add", "--sku", "krp-01", "--name", "Lain", "--price", "5000",
            ],
            "SKU krp-01 sudah dipakai",
        ),
        (
            &[
                "product",
                "add",
                "--sku",
                "NEW",
                "--name",
                "Lain",
                "--price",
                "5000",
                "--barcode",
                "8994505000011",
            ],
            "barcode 8994505000011 sudah dipakai",
        ),
        (
            &[
                "product",
                "add",
                "--sku",
                "NEW",
                "--name",
                "Lain",
                "--price",
                "5000",
                "--barcode",
                "8994505000012",
            ],
            "angka periksa barcode",
        ),
        (
            &[
                "product",
                "add",
                "--sku",
                "NEW",
                "--name",
                "Lain",
                "--price=-5000",
            ],
            "tidak boleh negatif",
        ),
        (
            &[
                "product", "add", "--sku", "NEW", "--name", "Lain", "--price", "0",
            ],
            "harga jual harus lebih dari nol",
        ),
        (
            &[
                "product",
                "add",
                "--sku",
                "NEW",
                "--name",
                "Lain",
                "--price",
                "99999999999999999999",
            ],
            "terlalu besar",
        ),
        (
            &[
                "product", "add", "--sku", "NEW", "--name", "", "--price", "5000",
            ],
            "nama produk tidak boleh kosong",
        ),
        (
            &[
                "product",
                "add",
                "--sku",
                "NEW; DROP TABLE products",
                "--name",
                "x",
                "--price",
                "5000",
            ],
            "SKU harus",
        ),
        (
            &["sale", "--item", "KPI-03=0.0001", "--pay", "cash=10000"],
            "paling banyak tiga angka desimal",
        ),
        (
            &["sale", "--item", "KRP-01=1,5", "--pay", "cash=100000"],
            "dijual utuh",
        ),
        (
            &["sale", "--item", "KRP-01=0", "--pay", "cash=100000"],
            "kuantitas harus lebih dari nol",
        ),
        (
            &["sale", "--item", "KRP-01=1@20000", "--pay", "cash=10000"],
            "lebih besar dari harga baris",
        ),
        (
            &[
                "sale",
                "--item",
                "KRP-01=1",
                "--discount",
                "101%",
                "--pay",
                "cash=10000",
            ],
            "antara 0% dan 100%",
        ),
        (
            &["sale", "--item", "KRP-01=2", "--pay", "cash=19.999"],
            "kurang bayar: total Rp20.000, dibayar Rp19.999",
        ),
        (
            &["sale", "--item", "KRP-01=2", "--pay", "card=25000"],
            "kembalian hanya dari tunai",
        ),
        (
            &["sale", "--item", "KRP-01=2", "--pay", "emas=25000"],
            "metode bayar tidak dikenal",
        ),
        (
            &[
                "sale",
                "--item",
                "KRP-01=999999999999999",
                "--pay",
                "cash=1",
            ],
            "kuantitas 999999999999999 di luar batas",
        ),
        (
            // A barcode scanned into a quantity: refused, not sold.
            &["sale", "--item", "KRP-01=28994507000392", "--pay", "cash=1"],
            "di luar batas",
        ),
        (
            &[
                "product",
                "add",
                "--sku",
                "MAHAL",
                "--name",
                "Mahal",
                "--price",
                "9223372036854775000",
            ],
            "paling besar Rp1.000.000.000",
        ),
        (
            &[
                "sale",
                "--item",
                "KRP-01=9999999999999999999",
                "--pay",
                "cash=1",
            ],
            "terlalu besar",
        ),
        (
            &[
                "sale",
                "--item",
                "KRP-01=1",
                "--pay",
                "cash=9223372036854775807",
                "--pay",
                "qris=1",
            ],
            "melebihi batas Rp10.000.000.000",
        ),
        (
            &["void", "ST07-20261127-9999", "--reason", "x", "--pin", PIN],
            "nota tidak dikenal",
        ),
        (
            &["void", &voided, "--reason", "x", "--pin", PIN],
            "sudah dibatalkan",
        ),
        (
            &["void", &kept, "--reason", "x", "--pin", "0000"],
            "PIN salah",
        ),
        (
            &["void", &kept, "--reason", "x", "--pin", "12"],
            "PIN harus 4–8 angka",
        ),
        (
            &["void", &kept, "--reason", "", "--pin", PIN],
            "alasan harus diisi",
        ),
        (
            &[
                "return",
                &kept,
                "--item",
                "KRP-01=4",
                "--refund",
                "cash=40000",
            ],
            "melebihi yang masih bisa diretur",
        ),
        (
            &[
                "return",
                &kept,
                "--item",
                "KRP-01=1",
                "--refund",
                "cash=10001",
            ],
            "melebihi nilai barang",
        ),
        (
            &["return", &kept, "--item", "TPS-01=1", "--refund", "cash=1"],
            "tidak ada di nota",
        ),
        (
            &[
                "return", &voided, "--item", "KRP-01=1", "--refund", "cash=1",
            ],
            "sudah dibatalkan",
        ),
        (
            &["stock", "receive", "KRP-01", "-5"],
            "kuantitas harus lebih dari nol",
        ),
        (&["stock", "receive", "NOPE", "5"], "produk tidak dikenal"),
        (
            &["stock", "adjust", "KRP-01", "0", "--reason", "x"],
            "tidak boleh nol",
        ),
        (
            &["stock", "adjust", "KRP-01", "-1", "--reason", " "],
            "alasan harus diisi",
        ),
        (&["stock", "count", "KRP-01", "-1"], "tidak boleh negatif"),
        (
            &["day", "open", "--float", "abc"],
            "jumlah uang tidak terbaca",
        ),
        (
            &["report", "day", "--date", "2026-02-30"],
            "tanggal harus YYYY-MM-DD",
        ),
        (&["product", "import", csv], "CSV baris 3"),
        (
            &[
                "init",
                "stall",
                "--code",
                "ST08",
                "--name",
                "x",
                "--regency",
                "1802",
            ],
            "sudah diatur",
        ),
        (
            &["settings", "set", "tax_rate", "150"],
            "tarif PPN tidak valid",
        ),
        (
            &["receipt", &kept, "--pdf", "/nonexistent-folder/struk.pdf"],
            "tidak bisa menulis /nonexistent-folder/struk.pdf",
        ),
        // The PDF's folder is checked before the day closes: it stays open.
        (
            &[
                "day",
                "close",
                "--counted-cash",
                "0",
                "--pdf",
                "/nonexistent-folder/x.pdf",
            ],
            "tidak bisa menulis",
        ),
        (
            &[
                "day",
                "close",
                "--counted-cash",
                "0",
                "--export-dir",
                "/proc/sentra-usb",
            ],
            "folder /proc/sentra-usb tidak ada (flashdisk sudah terpasang?)",
        ),
        (
            &[
                "sale",
                "--item",
                "KRP-01=1",
                "--pay",
                "cash=10000",
                "--pdf",
                "/nonexistent-folder/s.pdf",
            ],
            "tidak bisa menulis",
        ),
        (&["nonsense"], "perintah tidak dikenal"),
        (
            &["sale", "--pay", "cash=1"],
            "argumen wajib belum diisi: --item",
        ),
    ];
    for (args, expected) in cases {
        refused(d, NOW_TEXT, args, expected);
    }
    // Yesterday is closed: nothing more is sold on it.
    refused(
        d,
        "2026-11-26T16:00:00+07:00",
        &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"],
        "sudah ditutup",
    );
    // The clock itself, when it is nonsense.
    refused(d, "kemarin sore", &["product", "list"], "SENTRA_NOW");
}

#[test]
fn a_csv_of_skus_and_prices_changes_only_the_prices() {
    let (dir, _, _) = stall_with_history();
    let d = dir.path();
    let products = |d: &std::path::Path| -> Vec<serde_json::Value> {
        serde_json::from_str::<serde_json::Value>(&sentra_ok(d, &["--json", "product", "list"]))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let before = products(d);
    let first = before[0].clone();
    let sku = first["sku"].as_str().unwrap().to_string();
    let stock = first["stock"].as_f64().unwrap();
    // A spreadsheet cut down to what the vendor changes, with a stock figure
    // other than the book's.
    let prices = d.join("harga.csv");
    std::fs::write(
        &prices,
        format!(
            "sku,name,price,stock\n{sku},Nama Baru,123000,{}\n",
            stock + 5.0
        ),
    )
    .unwrap();
    // A new price is the manager's call: without the PIN, nothing changes.
    let path = prices.to_str().unwrap();
    refused(
        d,
        NOW_TEXT,
        &["product", "import", path],
        "perlu PIN manajer",
    );
    let out = sentra_ok(d, &["product", "import", path, "--pin", PIN]);
    assert!(out.contains("0 produk baru, 1 diperbarui"), "{out}");
    assert!(
        out.contains("Stok 1 produk yang sudah ada tidak diubah"),
        "{out}"
    );
    let after = products(d);
    let changed = after.iter().find(|p| p["sku"] == sku.as_str()).unwrap();
    assert_eq!(changed["price"], 123_000);
    assert_eq!(changed["name"], "Nama Baru");
    // Everything the file did not name is as it was: barcode, unit,
    // category, cost, minimum and the ledger's stock.
    for field in ["barcode", "unit", "category", "cost", "min_stock", "stock"] {
        assert_eq!(changed[field], first[field], "{field}");
    }
    // And every other product is untouched.
    assert_eq!(
        after
            .iter()
            .filter(|p| p["sku"] != sku.as_str())
            .collect::<Vec<_>>(),
        before
            .iter()
            .filter(|p| p["sku"] != sku.as_str())
            .collect::<Vec<_>>()
    );
    // A column present but empty still means none.
    std::fs::write(
        &prices,
        format!("sku,name,price,barcode\n{sku},Nama Baru,123000,\n"),
    )
    .unwrap();
    sentra_ok(d, &["product", "import", path, "--pin", PIN]);
    let cleared = products(d);
    let cleared = cleared.iter().find(|p| p["sku"] == sku.as_str()).unwrap();
    assert!(cleared["barcode"].is_null(), "{cleared}");
    assert_eq!(cleared["category"], first["category"]);
}

#[test]
fn a_csv_import_is_all_or_nothing_and_reads_semicolons() {
    let (dir, _, _) = stall_with_history();
    let d = dir.path();
    let good = d.join("baik.csv");
    std::fs::write(
        &good,
        "\u{feff}SKU;Nama;Kategori;Satuan;Harga;HPP;Stok_Min;Stok\nKPL-01;Kemplang Panggang;Kemplang;pack;17.000;11.000;10;40\nKRP-01;Keripik Pisang Coklat 200 g;Keripik;pack;Rp11.000;;20;999\nKPI-09;Kopi Bubuk Curah;Kopi;kg;150000;;2,5;12,5\n",
    )
    .unwrap();
    let out = sentra_ok(
        d,
        &["product", "import", good.to_str().unwrap(), "--pin", PIN],
    );
    assert!(out.contains("2 produk baru, 1 diperbarui"), "{out}");
    let list: serde_json::Value =
        serde_json::from_str(&sentra_ok(d, &["--json", "product", "list"])).unwrap();
    let find = |sku: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|p| p["sku"] == sku)
            .unwrap()
            .clone()
    };
    assert_eq!(find("KPL-01")["stock"], 40.0);
    assert_eq!(find("KPI-09")["stock"], 12.5);
    assert_eq!(find("KPI-09")["min_stock"], 2.5);
    // An existing product takes the new price but keeps its ledger's stock.
    assert_eq!(find("KRP-01")["price"], 11_000);
    assert_eq!(find("KRP-01")["stock"], 46.0);

    // Export, then read it back with a CSV reader nobody here wrote... the
    // csv crate's, in the strictest mode.
    let exported = d.join("keluar.csv");
    sentra_ok(d, &["product", "export", exported.to_str().unwrap()]);
    let mut reader = csv::Reader::from_path(&exported).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "sku",
            "barcode",
            "name",
            "category",
            "unit",
            "price",
            "cost",
            "min_stock",
            "stock"
        ]
    );
    assert_eq!(reader.records().count(), 4);
}

#[test]
fn a_tour_from_a_new_stall_reads_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = sentra_ok(
        d,
        &[
            "init",
            "stall",
            "--code",
            "ST07",
            "--name",
            "Tapis Indah",
            "--regency",
            "1802",
            "--owner",
            "Ibu Rahma",
            "--manager-pin",
            PIN,
        ],
    );
    assert!(
        out.contains("Toko ST07 \"Tapis Indah\" siap")
            && out.contains("Tanggamus (18.06 · BPS 1802)"),
        "{out}"
    );
    let out = sentra_ok(d, &["demo", "--days", "5"]);
    assert!(out.contains("Data contoh dimuat: 49 produk"), "{out}");

    let products: serde_json::Value =
        serde_json::from_str(&sentra_ok(d, &["--json", "product", "list"])).unwrap();
    let products = products.as_array().unwrap();
    assert!(products.len() >= 40);
    let categories: std::collections::HashSet<&str> = products
        .iter()
        .map(|p| p["category"].as_str().unwrap())
        .collect();
    assert!(categories.len() >= 6, "{categories:?}");
    for barcode in products.iter().filter_map(|p| p["barcode"].as_str()) {
        assert!(barcode.starts_with("899"));
        sentra::domain::barcode::validate_ean13(barcode).unwrap();
    }

    let out = sentra_ok(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=2",
            "--item",
            "KPI-03=0,5@10%",
            "--pay",
            "cash=100000",
        ],
    );
    assert!(
        out.contains("Struk ST07-20261127-")
            && out.contains("Total Rp87.500")
            && out.contains("Kembalian Rp12.500"),
        "{out}"
    );
    let report = sentra_ok(d, &["report", "day"]);
    assert!(
        report.contains("Laporan harian Tapis Indah (ST07) — 2026-11-27"),
        "{report}"
    );
    assert!(
        report.contains("Penjualan bersih") && report.contains("Seharusnya di laci"),
        "{report}"
    );
    let yesterday = sentra_ok(d, &["--json", "report", "day", "--date", "2026-11-26"]);
    let yesterday: serde_json::Value = serde_json::from_str(&yesterday).unwrap();
    assert!(yesterday["sales_count"].as_i64().unwrap() > 5);
    assert_eq!(yesterday["state"]["open"], false);
    let paid: i64 = yesterday["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["amount"].as_i64().unwrap())
        .sum();
    assert_eq!(paid, yesterday["net"].as_i64().unwrap());
}

#[test]
fn backup_and_restore_keep_the_replaced_book() {
    let (dir, kept, _) = stall_with_history();
    let d = dir.path();
    let backup = d.join("cadangan.sentra");
    sentra_ok(d, &["backup", backup.to_str().unwrap()]);
    sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    let not_a_book = d.join("bukan.db");
    std::fs::write(&not_a_book, "hello").unwrap();
    refused(
        d,
        NOW_TEXT,
        &["restore", not_a_book.to_str().unwrap(), "--pin", PIN],
        "bukan buku Sentra",
    );
    let out = sentra_ok(
        d,
        &[
            "restore",
            backup.to_str().unwrap(),
            "--pin",
            PIN,
            "--accept-loss",
        ],
    );
    assert!(out.contains("Buku sebelumnya disimpan"), "{out}");
    // The sale after the backup is gone from the book; the one before is there.
    assert!(
        sentra(d, &["receipt", "ST07-20261127-0003"])
            .2
            .contains("nota tidak dikenal")
    );
    assert!(sentra_ok(d, &["receipt", &kept]).contains("TOTAL"));
}

#[test]
fn closing_again_after_the_pc_died_before_the_export_writes_the_export() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000",
        ],
    );
    sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    // The close committed; the program died before the export was written.
    sentra_ok(d, &["day", "close", "--counted-cash", "10000"]);
    let before = snapshot(d);
    let usb = tempfile::tempdir().unwrap();
    let again = [
        "day",
        "close",
        "--counted-cash",
        "10000",
        "--export-dir",
        usb.path().to_str().unwrap(),
    ];
    let out = sentra_ok(d, &again);
    assert!(out.contains("sudah ditutup sebelumnya"), "{out}");
    let written: Vec<_> = std::fs::read_dir(usb.path()).unwrap().collect();
    assert_eq!(written.len(), 1, "one export file");
    // Nothing but the export mark was recorded: the day was not closed twice.
    let conn = rusqlite::Connection::open(d.join("sentra.db")).unwrap();
    let closes: i64 = conn
        .query_row("SELECT COUNT(*) FROM day_closes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(closes, 1);
    assert_ne!(snapshot(d), before, "the export was marked as sent");
    // A third time there is nothing left to write: the day is closed, said plainly.
    let (ok, _, stderr) = sentra(d, &again);
    assert!(!ok);
    assert!(stderr.contains("sudah ditutup"), "{stderr}");
}
