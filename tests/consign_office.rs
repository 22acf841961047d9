//! Titip jual at the office, through the real binary: one producer selling
//! at two stalls is one producer there (merged by NIB) whose figures are the
//! sum of the stalls' own statements; version-1 files still import; and the
//! office's rules refuse a signed file whose owed amounts, producers or
//! payouts do not hold, leaving everything as it was.

mod common;

use std::path::{Path, PathBuf};

use common::forge::{content_of, sign, stall_key};
use common::*;
use ed25519_dalek::SigningKey;
use serde_json::{Value, json};

fn json_of(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&sentra_ok(dir, &all)).unwrap()
}

struct Stall {
    dir: tempfile::TempDir,
}

impl Stall {
    fn new(code: &str, regency: &str) -> Stall {
        let dir = tempfile::tempdir().unwrap();
        sentra_ok(
            dir.path(),
            &[
                "init",
                "stall",
                "--code",
                code,
                "--name",
                &format!("Toko {code}"),
                "--regency",
                regency,
                "--manager-pin",
                PIN,
            ],
        );
        Stall { dir }
    }

    fn run(&self, args: &[&str]) -> String {
        sentra_ok(self.dir.path(), args)
    }

    fn json(&self, args: &[&str]) -> Value {
        json_of(self.dir.path(), args)
    }

    fn export(&self, out: &Path) -> PathBuf {
        PathBuf::from(self.run(&["export", "--out", out.to_str().unwrap()]).trim())
    }

    fn key(&self) -> SigningKey {
        stall_key(self.dir.path())
    }
}

/// Imports `file`; whether it was taken, and everything said about it.
fn import(office: &Path, file: &Path) -> (bool, String) {
    let (ok, stdout, stderr) = sentra(office, &["import", file.to_str().unwrap()]);
    (ok, format!("{stdout}{stderr}"))
}

fn office() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    sentra_ok(
        dir.path(),
        &[
            "init",
            "office",
            "--name",
            "Sentra UMKM Lampung",
            "--manager-pin",
            PIN,
        ],
    );
    dir
}

/// A stall selling Ibu Sari's keripik (NIB 1234567890123) under its own
/// code for her, with a sale, a return and a payout.
fn stall_selling_for_sari(code: &str, her_code: &str, pay: &str) -> Stall {
    let stall = Stall::new(code, "1871");
    stall.run(&[
        "producer",
        "add",
        "--code",
        her_code,
        "--name",
        "Ibu Sari",
        "--regency",
        "1806",
        "--nib",
        "1234567890123",
    ]);
    stall.run(&[
        "producer",
        "add",
        "--code",
        "P9",
        "--name",
        "Pak Made",
        "--regency",
        "1802",
    ]);
    stall.run(&[
        "product",
        "add",
        "--sku",
        "KRP-LU",
        "--name",
        "Keripik Pisang",
        "--price",
        "12000",
        "--unit",
        "pack",
        "--producer",
        her_code,
        "--consign-price",
        "9000",
    ]);
    stall.run(&[
        "product",
        "add",
        "--sku",
        "KPI-LB",
        "--name",
        "Kopi Robusta",
        "--price",
        "150000",
        "--unit",
        "kg",
        "--producer",
        her_code,
        "--commission",
        "15%",
    ]);
    stall.run(&[
        "product",
        "add",
        "--sku",
        "TPS-01",
        "--name",
        "Tapis",
        "--price",
        "900000",
        "--producer",
        "P9",
        "--consign-price",
        "750000",
    ]);
    stall.run(&[
        "consign",
        "receive",
        her_code,
        "--item",
        "KRP-LU=30",
        "--item",
        "KPI-LB=3",
    ]);
    stall.run(&["consign", "receive", "P9", "--item", "TPS-01=2"]);
    let sale: Value = stall.json(&[
        "sale",
        "--item",
        "KRP-LU=5",
        "--item",
        "KPI-LB=0,333",
        "--item",
        "TPS-01=1",
        "--discount",
        "5%",
        "--pay",
        "cash=2000000",
    ]);
    let receipt = sale["receipt"].as_str().unwrap().to_string();
    stall.run(&["sale", "--item", "KRP-LU=2", "--pay", "qris=24000"]);
    stall.run(&[
        "return",
        &receipt,
        "--item",
        "KRP-LU=2",
        "--refund",
        "cash=20000",
    ]);
    stall.run(&[
        "consign", "pay", her_code, "--amount", pay, "--method", "cash", "--pin", PIN,
    ]);
    stall.run(&["consign", "return", her_code, "--item", "KRP-LU=3"]);
    stall
}

#[test]
fn two_stalls_with_the_same_producer_give_one_merged_producer_at_the_office() {
    let out = tempfile::tempdir().unwrap();
    let a = stall_selling_for_sari("ST07", "P001", "10000");
    let b = stall_selling_for_sari("ST12", "SARI", "25000");
    let statement = |stall: &Stall, code: &str| stall.json(&["consign", "statement", code]);
    let (sa, sb) = (statement(&a, "P001"), statement(&b, "SARI"));
    let office = office();
    for stall in [&a, &b] {
        let file = stall.export(out.path());
        sentra_ok(office.path(), &["import", file.to_str().unwrap()]);
    }
    let csv = out.path().join("penitip.csv");
    let pdf = out.path().join("penitip.pdf");
    let report = json_of(
        office.path(),
        &[
            "report",
            "producers",
            "--csv",
            csv.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    let producers = report["producers"].as_array().unwrap();
    // A NIB is the stall's that named it first (ST07): ST12's Ibu Sari is
    // kept apart under ST12 and flagged, never merged on ST12's word.
    assert_eq!(producers.len(), 4, "Ibu Sari and Pak Made at each stall");
    let sari = producers
        .iter()
        .find(|p| p["key"] == "1234567890123")
        .unwrap();
    assert_eq!(sari["producer"], "Ibu Sari");
    assert_eq!(sari["regency_name"], "Lampung Utara");
    assert_eq!(sari["stalls"], json!(["ST07/P001"]));
    assert_eq!(sari["nib_owner"], Value::Null);
    let sari12 = producers.iter().find(|p| p["key"] == "ST12/SARI").unwrap();
    assert_eq!(sari12["nib_owner"], "ST07");
    for (row, statement) in [(sari, &sa), (sari12, &sb)] {
        assert_eq!(row["sold"], statement["sales_value"]);
        assert_eq!(row["owed"], statement["owed"]);
        assert_eq!(row["paid"], statement["paid"]);
        assert_eq!(row["balance"], statement["balance"]);
    }
    assert_eq!(sari["paid"], 10_000);
    assert!(sari["owed"].as_i64().unwrap() > 0);
    // Each stall's own producer list says the same.
    let listed = a.json(&["producer", "list"]);
    let mine = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["producer"] == "P001")
        .unwrap();
    assert_eq!(mine["balance"], sa["balance"]);

    // By the producers' regency of origin.
    let regencies = report["regencies"].as_array().unwrap();
    let utara = regencies.iter().find(|r| r["regency"] == 1806).unwrap();
    assert_eq!(utara["producers"], 2);
    assert_eq!(utara["stalls"], 2);
    assert_eq!(
        utara["sold"].as_i64().unwrap(),
        sari["sold"].as_i64().unwrap() + sari12["sold"].as_i64().unwrap()
    );
    let tanggamus = regencies.iter().find(|r| r["regency"] == 1802).unwrap();
    assert_eq!(tanggamus["producers"], 2);
    assert_eq!(
        report["totals"]["owed"].as_i64().unwrap(),
        producers
            .iter()
            .map(|p| p["owed"].as_i64().unwrap())
            .sum::<i64>()
    );

    // The province's CSV holds the same figures, money as integers.
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        sentra::office::producers::CSV_COLUMNS.to_vec()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let row = rows.iter().find(|r| &r[2] == "1234567890123").unwrap();
    assert_eq!(&row[4], "Ibu Sari");
    assert_eq!(&row[10], sari["owed"].to_string());
    assert_eq!(&row[12], sari["balance"].to_string());
    assert!(std::fs::metadata(&pdf).unwrap().len() > 1_000);

    // A period: only what happened in it, the balance up to its end.
    let later = json_of(
        office.path(),
        &["report", "producers", "--from", "2026-11-28"],
    );
    let sari_later = later["producers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "1234567890123")
        .unwrap()
        .clone();
    assert_eq!(sari_later["owed"], 0);
    assert_eq!(sari_later["balance"], sari["balance"]);

    // The same files again add nothing.
    for stall in [&a, &b] {
        let again = stall.run(&[
            "export",
            "--out",
            out.path().to_str().unwrap(),
            "--since-seq",
            "1",
        ]);
        sentra_ok(office.path(), &["import", again.trim()]);
    }
    assert_eq!(json_of(office.path(), &["report", "producers"]), report);
    // A stall has no centre to report on.
    let (ok, _, stderr) = sentra(a.dir.path(), &["report", "producers"]);
    assert!(!ok && stderr.contains("hanya untuk"), "{stderr}");
}

/// The keys version 2 added, taken out of a content to make it version 1.
fn as_version_1(content: &mut Value) {
    let object = content.as_object_mut().unwrap();
    for key in [
        "producers",
        "consigned_lines",
        "payouts",
        "customers",
        "repayments",
        "expenses",
        "prices",
    ] {
        object.remove(key);
    }
    // As is version 4's struk key.
    let stall = object["stall"].as_object_mut().unwrap();
    stall.remove("struk_key");
    stall.remove("struk_keyed_since");
    for close in object["day_closes"].as_array_mut().unwrap() {
        let close = close.as_object_mut().unwrap();
        for key in ["producer_payouts", "kasbon_repayments", "drawer_expenses"] {
            close.remove(key);
        }
    }
}

#[test]
fn a_version_1_file_still_imports() {
    let out = tempfile::tempdir().unwrap();
    let stall = Stall::new("ST07", "1802");
    stall.run(&[
        "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000", "--unit",
        "pack",
    ]);
    stall.run(&["sale", "--item", "KRP-01=3", "--pay", "cash=50000"]);
    stall.run(&["day", "close", "--counted-cash", "30000"]);
    let file = stall.export(out.path());
    let header: Value = serde_json::from_slice(
        std::fs::read(&file)
            .unwrap()
            .split(|b| *b == b'\n')
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["version"], 5, "this program writes version 5");
    let mut content = content_of(&file);
    as_version_1(&mut content);
    let text = serde_json::to_string(&content).unwrap();
    assert!(!text.contains("producer"), "{text}");
    let old = sign(&content, &stall.key(), 1, out.path(), "sentra-ST07-v1");
    let office = office();
    let result = json_of(office.path(), &["import", old.to_str().unwrap()]);
    assert_eq!(result[0]["status"], "imported", "{result}");
    assert_eq!(result[0]["stats"]["new_records"], 2);
    let day = json_of(office.path(), &["report", "centre", "--date", "2026-11-27"]);
    assert_eq!(day["totals"]["net"], 30_000);

    // Version 1 knew no titip jual: a file claiming it is not what it says.
    let mut forged = content_of(&file);
    as_version_1(&mut forged);
    forged["export_id"] = json!(uuid::Uuid::now_v7().to_string());
    forged["producers"] = json!([{"code": "P001", "name": "X", "regency": 1806, "nib": null}]);
    let forged = sign(
        &forged,
        &stall.key(),
        1,
        out.path(),
        "sentra-ST07-v1-forged",
    );
    let before = snapshot(office.path());
    let (ok, said) = import(office.path(), &forged);
    assert!(
        !ok && said.contains("titip jual dalam berkas versi 1"),
        "{said}"
    );
    assert_eq!(before, snapshot(office.path()));
    // Nor kasbon or expenses (issue 23, item 8): each alone is refused.
    type Edit = Box<dyn Fn(&mut Value)>;
    let v2_only: Vec<(&str, Edit)> = vec![
        (
            "kasbon-payment",
            Box::new(|c| {
                c["sales"][0]["payments"][0]["method"] = json!("kasbon");
                c["sales"][0]["payments"][0]["customer"] = json!("C001");
            }),
        ),
        (
            "expense",
            Box::new(|c| {
                c["expenses"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(), "seq": 99, "day": "2026-11-27",
                    "created_at": "2026-11-27T12:00:00+07:00", "category": "kemasan",
                    "amount": 5000, "note": null, "from_drawer": true,
                }]);
                c["sequence"]["to"] = json!(99);
            }),
        ),
        (
            "repayment",
            Box::new(|c| {
                c["repayments"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(), "seq": 99, "day": "2026-11-27",
                    "created_at": "2026-11-27T12:00:00+07:00", "customer": "C001",
                    "method": "cash", "amount": 5000, "reference": null,
                }]);
                c["sequence"]["to"] = json!(99);
            }),
        ),
    ];
    for (name, edit) in v2_only {
        let mut forged = content_of(&file);
        as_version_1(&mut forged);
        forged["export_id"] = json!(uuid::Uuid::now_v7().to_string());
        edit(&mut forged);
        let forged = sign(&forged, &stall.key(), 1, out.path(), name);
        let (ok, said) = import(office.path(), &forged);
        assert!(
            !ok && said.contains("kasbon atau pengeluaran dalam berkas versi 1"),
            "{name}: {said}"
        );
        assert_eq!(before, snapshot(office.path()), "{name}");
    }
    // And a version the program does not know yet is refused as such.
    let future = sign(
        &content_of(&file),
        &stall.key(),
        6,
        out.path(),
        "sentra-ST07-v6",
    );
    let (ok, said) = import(office.path(), &future);
    assert!(!ok && said.contains("versi format 6"), "{said}");
}

/// An honest stall's file with consigned sales and a payout.
fn honest() -> (Stall, tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let stall = stall_selling_for_sari("ST07", "P001", "10000");
    let file = stall.export(out.path());
    (stall, out, file)
}

#[test]
fn forged_titip_jual_is_refused_each_with_its_reason_and_changes_nothing() {
    let (stall, out, file) = honest();
    let office = office();
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "owed-above-net",
            Box::new(|c| {
                let sale = c["sales"][0].clone();
                let line = &mut c["consigned_lines"][0];
                let net = sale["lines"][line["line_no"].as_u64().unwrap() as usize - 1]["net"]
                    .as_i64()
                    .unwrap();
                line["owed"] = json!(net + 1);
            }),
            "melebihi neto barisnya",
        ),
        (
            "owed-not-terms",
            Box::new(|c| {
                let owed = c["consigned_lines"][0]["owed"].as_i64().unwrap();
                c["consigned_lines"][0]["owed"] = json!(owed - 1);
            }),
            "bukan hasil syarat titipnya",
        ),
        (
            "unknown-basis",
            Box::new(|c| c["consigned_lines"][0]["basis"] = json!("gift")),
            "tidak dikenal",
        ),
        (
            "line-not-on-sale",
            Box::new(|c| c["consigned_lines"][0]["line_no"] = json!(9)),
            "baris itu tidak ada di nota",
        ),
        (
            "line-twice",
            Box::new(|c| {
                let line = c["consigned_lines"][0].clone();
                c["consigned_lines"].as_array_mut().unwrap().push(line);
            }),
            "disebut dua kali",
        ),
        (
            "line-without-its-sale",
            Box::new(|c| {
                c["consigned_lines"][0]["sale_id"] = json!(uuid::Uuid::now_v7().to_string());
            }),
            "tidak ada di berkas ini",
        ),
        (
            "payout-to-unknown-producer",
            Box::new(|c| c["payouts"][0]["producer"] = json!("P404")),
            "penitip \"P404\" tidak dikenal toko ini",
        ),
        (
            "line-of-unknown-producer",
            Box::new(|c| c["consigned_lines"][0]["producer"] = json!("P404")),
            "penitip \"P404\" tidak dikenal toko ini",
        ),
        (
            "payout-method",
            Box::new(|c| c["payouts"][0]["method"] = json!("qris")),
            "cara bayar penitip",
        ),
        (
            "payout-zero",
            Box::new(|c| c["payouts"][0]["amount"] = json!(0)),
            "jumlah bayar harus lebih dari nol",
        ),
        (
            "producer-nib",
            Box::new(|c| c["producers"][0]["nib"] = json!("12345")),
            "NIB harus 13 angka",
        ),
        (
            "producer-regency",
            Box::new(|c| c["producers"][0]["regency"] = json!(3171)),
            "bukan di Lampung",
        ),
        (
            "producer-twice",
            Box::new(|c| {
                let producer = c["producers"][0].clone();
                c["producers"].as_array_mut().unwrap().push(producer);
            }),
            "disebut dua kali dalam berkas ini",
        ),
        (
            "file-created-at",
            Box::new(|c| c["created_at"] = json!("9999-99-99 not a time")),
            "waktu \"9999-99-99 not a time\" tidak terbaca",
        ),
        (
            "file-created-at-far-ahead",
            Box::new(|c| c["created_at"] = json!("9999-12-31T23:59:59+07:00")),
            "di luar rentang yang mungkin",
        ),
        (
            "payout-created-at",
            Box::new(|c| c["payouts"][0]["created_at"] = json!("9999-99-99 not a time")),
            "waktu \"9999-99-99 not a time\" tidak terbaca",
        ),
        (
            "day-close-payouts",
            Box::new(|c| {
                let close = json!({
                    "id": uuid::Uuid::now_v7().to_string(), "seq": 99, "day": "2026-11-27",
                    "created_at": "2026-11-27T21:00:00+07:00", "opening_float": 0, "cash_in": 50000,
                    "cash_out": 0, "expected": 50000, "counted": 50000, "difference": 0,
                    "sales_count": 1, "net_total": 50000, "producer_payouts": 10000,
                });
                c["day_closes"].as_array_mut().unwrap().push(close);
                c["sequence"]["to"] = json!(99);
            }),
            "kas awal + masuk − keluar − bayar penitip tunai",
        ),
    ];
    let key = stall.key();
    for (name, edit, says) in cases {
        let mut content = content_of(&file);
        content["export_id"] = json!(uuid::Uuid::now_v7().to_string());
        edit(&mut content);
        let forged = sign(
            &content,
            &key,
            sentra::sync::format::VERSION,
            out.path(),
            name,
        );
        let before = snapshot(office.path());
        let (ok, said) = import(office.path(), &forged);
        assert!(!ok, "{name} was imported");
        assert!(said.contains(says), "{name}: {said}");
        assert_eq!(before, snapshot(office.path()), "{name} changed the office");
    }
    // The honest file still imports.
    sentra_ok(office.path(), &["import", file.to_str().unwrap()]);
    let report = json_of(office.path(), &["report", "producers"]);
    assert_eq!(report["totals"]["paid"], 10_000);

    // The same sales sent again owing something else (terms and amount
    // changed together, so each line adds up): an edited book, refused as
    // a conflict naming both sides.
    let mut content = content_of(&file);
    content["export_id"] = json!(uuid::Uuid::now_v7().to_string());
    let lines = content["consigned_lines"].as_array_mut().unwrap();
    let line = lines
        .iter_mut()
        .find(|l| l["basis"] == "commission")
        .unwrap();
    line["rate"] = json!(10_000);
    line["owed"] = json!(0);
    let edited = sign(
        &content,
        &key,
        sentra::sync::format::VERSION,
        out.path(),
        "edited",
    );
    let before = snapshot(office.path());
    let (ok, said) = import(office.path(), &edited);
    assert!(!ok && said.contains("BENTROK"), "{said}");
    assert!(said.contains("utang Rp0"), "{said}");
    assert_eq!(before, snapshot(office.path()));
}

/// Another stall naming ST07's producer's NIB (with a new name, another
/// regency and a huge payout, in a later file) takes nothing over: ST07's
/// producer keeps its name, regency and figures; the other is kept apart
/// under its own stall and flagged.
#[test]
fn another_stall_cannot_take_over_a_producer_by_nib() {
    let out = tempfile::tempdir().unwrap();
    let st07 = stall_selling_for_sari("ST07", "P001", "10000");
    let file07 = st07.export(out.path());
    let thief = stall_selling_for_sari("ST08", "SARI", "25000");
    let mut content = content_of(&thief.export(out.path()));
    content["export_id"] = json!(uuid::Uuid::now_v7().to_string());
    content["created_at"] = json!("2026-11-27T23:00:00+07:00");
    for producer in content["producers"].as_array_mut().unwrap() {
        if producer["code"] == "SARI" {
            producer["name"] = json!("Pencuri");
            producer["regency"] = json!(1871);
            if producer.get("regency_kemendagri").is_some() {
                producer["regency_kemendagri"] = json!(
                    sentra::domain::regency::Regency::by_code(1871)
                        .unwrap()
                        .kemendagri
                );
            }
        }
    }
    content["payouts"][0]["amount"] = json!(900_000_000);
    let forged = sign(
        &content,
        &thief.key(),
        sentra::sync::format::VERSION,
        out.path(),
        "takeover",
    );
    let alone = office();
    sentra_ok(alone.path(), &["import", file07.to_str().unwrap()]);
    let before = json_of(alone.path(), &["report", "producers"])["producers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "1234567890123")
        .unwrap()
        .clone();

    let office = office();
    sentra_ok(office.path(), &["import", file07.to_str().unwrap()]);
    sentra_ok(office.path(), &["import", forged.to_str().unwrap()]);
    let report = json_of(office.path(), &["report", "producers"]);
    let producers = report["producers"].as_array().unwrap();
    let sari = producers
        .iter()
        .find(|p| p["key"] == "1234567890123")
        .unwrap();
    assert_eq!(sari, &before, "ST07's producer as it was");
    assert_eq!(sari["producer"], "Ibu Sari");
    assert_eq!(sari["regency"], 1806);
    let other = producers.iter().find(|p| p["key"] == "ST08/SARI").unwrap();
    assert_eq!(other["producer"], "Pencuri");
    assert_eq!(other["nib_owner"], "ST07");
    assert_eq!(other["paid"], 900_000_000);
    let text = sentra_ok(office.path(), &["report", "producers"]);
    assert!(text.contains("LEBIH DULU DIKIRIM TOKO ST07"), "{text}");
}

/// Version 4 carries the stall's struk key; a version-3 file (a stall not
/// yet updated) still imports, and its keyed struks wait for the key.
#[test]
fn the_struk_key_comes_with_version_4_and_only_with_it() {
    use sentra::domain::struk_check::{StrukKey, keyed_check};
    let out = tempfile::tempdir().unwrap();
    let stall = Stall::new("ST07", "1802");
    stall.run(&[
        "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000", "--unit",
        "pack",
    ]);
    stall.run(&["sale", "--item", "KRP-01=3", "--pay", "cash=50000"]);
    let file = stall.export(out.path());
    let content = content_of(&file);
    let key = StrukKey::from_secret(&stall.key().to_bytes());
    assert_eq!(content["stall"]["struk_key"], key.to_hex());
    let sale = &content["sales"][0];
    let receipt = sale["receipt"].as_str().unwrap();
    let qr = format!(
        "{receipt}#{}",
        keyed_check(&key, receipt, 30_000, sale["created_at"].as_str().unwrap())
    );

    // A version-3 file has no key: imported, and the struk cannot be
    // checked until a file with the key arrives.
    let office = office();
    let mut v3 = content.clone();
    v3["export_id"] = json!(uuid::Uuid::now_v7().to_string());
    v3.as_object_mut().unwrap().remove("prices");
    let info = v3["stall"].as_object_mut().unwrap();
    info.remove("struk_key");
    info.remove("struk_keyed_since");
    let old = sign(&v3, &stall.key(), 3, out.path(), "sentra-ST07-v3");
    assert!(import(office.path(), &old).0);
    // Said, and (not shown good) a failure for a script.
    let (ok, stdout, _) = sentra(office.path(), &["--json", "verify", &qr]);
    assert!(!ok, "{stdout}");
    let verdict: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(verdict["status"], "key_not_held", "{verdict}");
    let (_, said, stderr) = sentra(office.path(), &["verify", &qr]);
    assert!(said.starts_with("BELUM BISA DICEK"), "{said}");
    assert!(stderr.contains("kunci struk tokonya belum ada"), "{stderr}");
    // The same records again with the key. (Its price records are left
    // out: prices for records the office holds already are refused.)
    let mut v4 = content.clone();
    v4["export_id"] = json!(uuid::Uuid::now_v7().to_string());
    v4.as_object_mut().unwrap().remove("prices");
    let keyed = sign(&v4, &stall.key(), 4, out.path(), "sentra-ST07-v4");
    assert!(import(office.path(), &keyed).0);
    assert_eq!(json_of(office.path(), &["verify", &qr])["status"], "found");

    // A version-4 file without its key, with a key that is no key, or a
    // version-3 file with one: refused, nothing changed.
    let before = snapshot(office.path());
    type Edit = fn(&mut Value);
    let cases: [(&str, u32, Edit); 4] = [
        ("v4-no-key", 4, |c| {
            c["stall"].as_object_mut().unwrap().remove("struk_key");
        }),
        ("v4-bad-key", 4, |c| c["stall"]["struk_key"] = json!("zz")),
        ("v4-bad-since", 4, |c| {
            c["stall"]["struk_keyed_since"] = json!("9999-99-99 not a time")
        }),
        ("v3-with-key", 3, |_| {}),
    ];
    for (name, version, edit) in cases {
        let mut forged = content.clone();
        forged["export_id"] = json!(uuid::Uuid::now_v7().to_string());
        edit(&mut forged);
        let forged = sign(&forged, &stall.key(), version, out.path(), name);
        let (ok, said) = import(office.path(), &forged);
        assert!(!ok && said.contains("kunci struk"), "{name}: {said}");
        assert_eq!(before, snapshot(office.path()), "{name}");
    }
    // Price records came with version 5: a version-4 file carrying them is
    // not what it says it is.
    let mut forged = content.clone();
    forged["export_id"] = json!(uuid::Uuid::now_v7().to_string());
    assert!(!forged["prices"].as_array().unwrap().is_empty());
    let forged = sign(&forged, &stall.key(), 4, out.path(), "v4-with-prices");
    let (ok, said) = import(office.path(), &forged);
    assert!(!ok && said.contains("catatan harga"), "{said}");
    assert_eq!(before, snapshot(office.path()));
}
