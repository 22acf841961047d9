//! The office trusts no file: a dishonest stall signs whatever it likes with
//! its own key (read from its own book, as its owner can), and the office
//! must refuse every record that does not add up or that reaches into another
//! stall, leaving every figure as it was.
//!
//! Everything here goes through the real binary: stalls sell and export on
//! the command line, the forger edits the real export and signs it again with
//! the stall's own secret key, and the office imports on the command line.

mod common;

use std::path::{Path, PathBuf};

use common::forge::{content_of, sign, stall_key};
use common::*;
use ed25519_dalek::SigningKey;
use sentra::sync::format::VERSION;
use serde_json::{Value, json};

const DAY: &str = "2026-11-27";

/// A stall set up, selling and exporting through the command line.
struct Stall {
    dir: tempfile::TempDir,
    code: &'static str,
}

impl Stall {
    fn new(code: &'static str, regency: &str) -> Stall {
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
        for (sku, price, unit) in [("KRP-01", "40000", "pack"), ("KPI-02", "150000", "kg")] {
            sentra_ok(
                dir.path(),
                &[
                    "product", "add", "--sku", sku, "--name", "Keripik", "--price", price,
                    "--unit", unit,
                ],
            );
        }
        Stall { dir, code }
    }

    fn run(&self, args: &[&str]) -> String {
        sentra_ok(self.dir.path(), args)
    }

    /// Sells two packs and a quarter kilo with a discount, and exports.
    fn sell_and_export(&self, out: &Path) -> PathBuf {
        self.run(&["sale", "--item", "KRP-01=1", "--pay", "cash=50000"]);
        self.run(&[
            "sale",
            "--item",
            "KRP-01=2@10%",
            "--item",
            "KPI-02=0,25",
            "--discount",
            "5000",
            "--pay",
            "qris=20000",
            "--pay",
            "cash=100000",
        ]);
        self.export(out)
    }

    fn export(&self, out: &Path) -> PathBuf {
        PathBuf::from(self.run(&["export", "--out", out.to_str().unwrap()]).trim())
    }

    /// The stall's own secret key, read from its own book.
    fn key(&self) -> SigningKey {
        stall_key(self.dir.path())
    }
}

/// `file`'s content edited by `edit`, with a new export id, signed by `stall`.
fn forge(
    stall: &Stall,
    file: &Path,
    out: &Path,
    name: &str,
    edit: impl FnOnce(&mut Value),
) -> PathBuf {
    let mut content = content_of(file);
    content["export_id"] = json!(uuid::Uuid::now_v7().to_string());
    edit(&mut content);
    sign(&content, &stall.key(), VERSION, out, name)
}

struct Office {
    dir: tempfile::TempDir,
}

impl Office {
    fn new() -> Office {
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
        Office { dir }
    }

    fn import(&self, file: &Path) -> (bool, String) {
        let (ok, stdout, stderr) = sentra(self.dir.path(), &["import", file.to_str().unwrap()]);
        (ok, format!("{stdout}{stderr}"))
    }

    fn import_ok(&self, file: &Path) {
        let (ok, text) = self.import(file);
        assert!(ok, "import {} failed: {text}", file.display());
    }

    /// The import is refused, says why, and leaves every figure as it was.
    fn refuses(&self, file: &Path, reason: &str) -> String {
        let before = self.figures();
        let records = snapshot(self.dir.path());
        let (ok, text) = self.import(file);
        assert!(!ok, "{} was accepted: {text}", file.display());
        assert!(
            text.contains(reason),
            "{}: expected a reason with {reason:?}, got: {text}",
            file.display()
        );
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(text.contains(&name), "the refusal names the file: {text}");
        assert_eq!(self.figures(), before, "figures changed by a refused file");
        assert_eq!(
            snapshot(self.dir.path()),
            records,
            "book changed by a refused file"
        );
        text
    }

    fn figures(&self) -> Value {
        let out = sentra_ok(
            self.dir.path(),
            &["report", "centre", "--date", DAY, "--json"],
        );
        serde_json::from_str(&out).unwrap()
    }

    fn stall_figures(&self, code: &str) -> Value {
        self.figures()["stalls"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"] == code)
            .map(|s| s["totals"].clone())
            .unwrap_or(Value::Null)
    }
}

/// ST07 and ST08 have sold and exported; the office holds ST07's file.
fn centre() -> (Stall, Stall, Office, tempfile::TempDir, PathBuf, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let st07 = Stall::new("ST07", "1802");
    let st08 = Stall::new("ST08", "1806");
    let file07 = st07.sell_and_export(out.path());
    let file08 = st08.sell_and_export(out.path());
    let office = Office::new();
    office.import_ok(&file07);
    (st07, st08, office, out, file07, file08)
}

#[test]
fn one_stall_cannot_void_or_return_another_stalls_sale() {
    let (st07, st08, office, out, file07, file08) = centre();
    let st07_before = office.stall_figures("ST07");
    let victim = content_of(&file07)["sales"][0].clone();
    let own = content_of(&file08);

    // A void in ST08's file pointing at ST07's sale.
    let void = forge(&st08, &file08, out.path(), "void-other", |c| {
        let last = own["sequence"]["to"].as_i64().unwrap();
        c["voids"] = json!([{
            "id": uuid::Uuid::now_v7().to_string(),
            "seq": last + 1,
            "sale_id": victim["id"],
            "day": DAY,
            "created_at": "2026-11-27T11:00:00+07:00",
            "reason": "batal",
        }]);
        c["sequence"]["to"] = json!(last + 1);
    });
    let text = office.refuses(&void, "ST07");
    assert!(
        text.contains("hanya untuk penjualan toko sendiri"),
        "{text}"
    );

    // A return in ST08's file of ST07's sale.
    let refund = forge(&st08, &file08, out.path(), "return-other", |c| {
        let last = own["sequence"]["to"].as_i64().unwrap();
        c["returns"] = json!([{
            "id": uuid::Uuid::now_v7().to_string(),
            "seq": last + 1,
            "sale_id": victim["id"],
            "day": DAY,
            "created_at": "2026-11-27T11:00:00+07:00",
            "refund_method": "cash",
            "refund": 40000,
            "lines": [{"line_no": 1, "quantity_milli": 1000, "amount": 40000}],
        }]);
        c["sequence"]["to"] = json!(last + 1);
    });
    office.refuses(&refund, "milik toko ST07");
    assert_eq!(office.stall_figures("ST07"), st07_before);

    // ST08's honest file still imports.
    office.import_ok(&file08);
    assert_eq!(office.stall_figures("ST07"), st07_before);
    let _ = st07;
}

impl Stall {
    /// A day with one of each record: sales, a void, a return, an expense,
    /// the day closed; then the export.
    fn full_day_and_export(&self, out: &Path) -> PathBuf {
        let sold = self.run(&[
            "--json",
            "sale",
            "--item",
            "KRP-01=1",
            "--pay",
            "cash=50000",
        ]);
        let voided: Value = serde_json::from_str(&sold).unwrap();
        let kept: Value = serde_json::from_str(&self.run(&[
            "--json",
            "sale",
            "--item",
            "KRP-01=3",
            "--pay",
            "cash=120000",
        ]))
        .unwrap();
        self.run(&[
            "void",
            voided["receipt"].as_str().unwrap(),
            "--reason",
            "salah",
            "--pin",
            PIN,
        ]);
        self.run(&[
            "return",
            kept["receipt"].as_str().unwrap(),
            "--item",
            "KRP-01=1",
            "--refund",
            "cash=40000",
        ]);
        self.run(&[
            "expense",
            "add",
            "--amount",
            "5000",
            "--category",
            "kemasan",
        ]);
        self.run(&["day", "close", "--counted-cash", "75000"]);
        self.export(out)
    }
}

/// The ids `stalls --json` says `code` shares with another stall.
fn shared_ids(office: &Office, code: &str) -> Vec<Value> {
    let stalls: Value =
        serde_json::from_str(&sentra_ok(office.dir.path(), &["--json", "stalls"])).unwrap();
    stalls
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == code)
        .map(|s| s["shared_ids"].as_array().unwrap().clone())
        .unwrap_or_default()
}

/// Six ways ST08 could reuse ST07's ids, each with ST08's file imported
/// first (and last): ST07's honest file is admitted for ST07, ST07's figures
/// are exactly those of an office holding ST07's file alone, and the shared
/// id is shown on the desk for both stalls.
#[test]
fn another_stalls_ids_never_lock_a_stall_out() {
    let out = tempfile::tempdir().unwrap();
    let st07 = Stall::new("ST07", "1802");
    let st08 = Stall::new("ST08", "1806");
    let file07 = st07.full_day_and_export(out.path());
    let file08 = st08.full_day_and_export(out.path());
    let honest = content_of(&file07);
    let alone = Office::new();
    alone.import_ok(&file07);
    let exact = alone.stall_figures("ST07");
    assert_ne!(exact, Value::Null);
    assert!(shared_ids(&alone, "ST07").is_empty());

    type Steal = Box<dyn Fn(&mut Value)>;
    let stolen = |path: &'static str| honest.pointer(path).unwrap().clone();
    let variants: Vec<(&str, Value, Steal)> = vec![
        ("export-id", stolen("/export_id"), {
            let id = stolen("/export_id");
            Box::new(move |c: &mut Value| c["export_id"] = id.clone())
        }),
        ("sale-id", stolen("/sales/1/id"), {
            let id = stolen("/sales/1/id");
            Box::new(move |c: &mut Value| {
                // The sale's own void and return follow it to the new id.
                let old = c["sales"][1]["id"].clone();
                c["sales"][1]["id"] = id.clone();
                for r in c["returns"].as_array_mut().unwrap() {
                    if r["sale_id"] == old {
                        r["sale_id"] = id.clone();
                    }
                }
            })
        }),
        ("void-id", stolen("/voids/0/id"), {
            let id = stolen("/voids/0/id");
            Box::new(move |c: &mut Value| c["voids"][0]["id"] = id.clone())
        }),
        ("return-id", stolen("/returns/0/id"), {
            let id = stolen("/returns/0/id");
            Box::new(move |c: &mut Value| c["returns"][0]["id"] = id.clone())
        }),
        ("close-id", stolen("/day_closes/0/id"), {
            let id = stolen("/day_closes/0/id");
            Box::new(move |c: &mut Value| c["day_closes"][0]["id"] = id.clone())
        }),
        // ST07's sale id as the id of ST08's expense: another kind of record.
        ("sale-id-as-expense", stolen("/sales/0/id"), {
            let id = stolen("/sales/0/id");
            Box::new(move |c: &mut Value| c["expenses"][0]["id"] = id.clone())
        }),
    ];
    for (name, id, steal) in variants {
        for st08_first in [true, false] {
            let forged = forge(&st08, &file08, out.path(), name, |c| {
                steal(c);
            });
            let office = Office::new();
            let (first, second) = if st08_first {
                (&forged, &file07)
            } else {
                (&file07, &forged)
            };
            office.import_ok(first);
            office.import_ok(second);
            assert_eq!(office.stall_figures("ST07"), exact, "{name}");
            assert_ne!(office.stall_figures("ST08"), Value::Null, "{name}");
            let (sender, other) = if st08_first {
                ("ST08", "ST07")
            } else {
                ("ST07", "ST08")
            };
            for code in ["ST07", "ST08"] {
                let flagged = shared_ids(&office, code);
                assert!(
                    flagged.iter().any(|f| f["id"] == id
                        && f["first_stall"] == sender
                        && f["then_stall"] == other),
                    "{name}: {code} shows the shared id {id}: {flagged:?}"
                );
            }
            // Importing ST07's file again adds nothing and refuses nothing.
            office.import_ok(&file07);
            assert_eq!(office.stall_figures("ST07"), exact, "{name}");
        }
    }
}

/// A forged record, and the words of the rule it breaks.
type Forgery = (&'static str, &'static str, Box<dyn Fn(&mut Value)>);

fn forgeries() -> Vec<Forgery> {
    fn sale(c: &mut Value) -> &mut Value {
        &mut c["sales"][0]
    }
    vec![
        (
            "total-5",
            "total Rp5 bukan jumlah neto",
            Box::new(|c| sale(c)["total"] = json!(5)),
        ),
        (
            "billion-payment",
            "pembayaran berjumlah",
            Box::new(|c| {
                sale(c)["payments"][0]["amount"] = json!(999_999_999);
                sale(c)["payments"][0]["tendered"] = json!(999_999_999);
            }),
        ),
        (
            "negative-total",
            "bukan jumlah neto",
            Box::new(|c| sale(c)["total"] = json!(-40_000)),
        ),
        (
            "quantity-zero",
            "kuantitas 0 di luar batas",
            Box::new(|c| sale(c)["lines"][0]["quantity_milli"] = json!(0)),
        ),
        (
            "quantity-negative",
            "kuantitas -5000 di luar batas",
            Box::new(|c| sale(c)["lines"][0]["quantity_milli"] = json!(-5_000_000)),
        ),
        (
            "day-2031",
            "di luar rentang",
            Box::new(|c| {
                sale(c)["day"] = json!("2031-01-01");
                sale(c)["created_at"] = json!("2031-01-01T10:00:00+07:00");
                sale(c)["receipt"] = json!("ST08-20310101-0001");
            }),
        ),
        (
            "day-9999",
            "di luar rentang",
            Box::new(|c| {
                sale(c)["day"] = json!("9999-12-31");
                sale(c)["created_at"] = json!("9999-12-31T10:00:00+07:00");
                sale(c)["receipt"] = json!("ST08-99991231-0001");
            }),
        ),
        (
            "day-not-of-time",
            "bukan tanggal setempat",
            Box::new(|c| sale(c)["day"] = json!("2026-11-26")),
        ),
        (
            "not-a-time",
            "tidak terbaca (RFC 3339)",
            Box::new(|c| sale(c)["created_at"] = json!("not a time")),
        ),
        (
            "bitcoin",
            "cara bayar \"bitcoin\" tidak dikenal",
            Box::new(|c| sale(c)["payments"][0]["method"] = json!("bitcoin")),
        ),
        (
            "receipt-padded",
            "bukan milik toko ST08",
            Box::new(|c| {
                let receipt = sale(c)["receipt"]
                    .as_str()
                    .unwrap()
                    .replace("-0001", "-00001");
                sale(c)["receipt"] = json!(receipt);
            }),
        ),
        (
            "foreign-receipt",
            "bukan milik toko ST08",
            Box::new(|c| sale(c)["receipt"] = json!("ST07-20261127-0001")),
        ),
        (
            "gross-wrong",
            "bukan harga × kuantitas",
            Box::new(|c| {
                sale(c)["lines"][0]["unit_price"] = json!(1);
            }),
        ),
        (
            "net-wrong",
            "neto Rp1 bukan bruto",
            Box::new(|c| sale(c)["lines"][0]["net"] = json!(1)),
        ),
        (
            "subtotal-wrong",
            "subtotal Rp1 bukan jumlah",
            Box::new(|c| sale(c)["subtotal"] = json!(1)),
        ),
        (
            "duplicate-line-no",
            "nomor baris harus berurutan",
            Box::new(|c| c["sales"][1]["lines"][1]["line_no"] = json!(1)),
        ),
        (
            "cash-under-tendered",
            "kurang dari",
            Box::new(|c| sale(c)["payments"][0]["tendered"] = json!(1)),
        ),
        (
            "unit-ton",
            "satuan tidak sah",
            Box::new(|c| sale(c)["lines"][0]["unit"] = json!("ton")),
        ),
        (
            "price-huge",
            "di luar batas",
            Box::new(|c| {
                let line = &mut sale(c)["lines"][0];
                line["unit_price"] = json!(9_223_372_036_854_775_000_i64);
            }),
        ),
        (
            "name-nul",
            "satuan tidak sah",
            Box::new(|c| sale(c)["lines"][0]["name"] = json!("Keripik\u{0}")),
        ),
        (
            "id-not-uuid",
            "bukan UUID",
            Box::new(|c| sale(c)["id"] = json!("not-a-uuid")),
        ),
        (
            "tax-over-net",
            "PPN",
            Box::new(|c| sale(c)["tax"] = json!(10_000_000)),
        ),
        (
            "stall-lowercase",
            "kode toko",
            Box::new(|c| c["stall"]["code"] = json!("st08")),
        ),
        (
            "stall-space",
            "kode toko",
            Box::new(|c| c["stall"]["code"] = json!("ST08 ")),
        ),
        (
            "stall-zero-width",
            "kode toko",
            Box::new(|c| c["stall"]["code"] = json!("ST08\u{200B}")),
        ),
        (
            "stall-name-100k",
            "nama tidak boleh kosong",
            Box::new(|c| c["stall"]["name"] = json!("x".repeat(100_000))),
        ),
        (
            "void-of-nothing",
            "tidak ada di berkas ini maupun di kantor",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                c["voids"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "sale_id": uuid::Uuid::now_v7().to_string(),
                    "day": DAY,
                    "created_at": "2026-11-27T11:00:00+07:00",
                    "reason": "batal",
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
        (
            "refund-over-sale",
            "melebihi yang terjual",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                let sale_id = c["sales"][0]["id"].clone();
                c["returns"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "sale_id": sale_id,
                    "day": DAY,
                    "created_at": "2026-11-27T11:00:00+07:00",
                    "refund_method": "cash",
                    "refund": 400000,
                    "lines": [{"line_no": 1, "quantity_milli": 10000, "amount": 400000}],
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
        (
            "refund-over-returned",
            "uang kembali Rp400.000 melebihi",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                let sale_id = c["sales"][0]["id"].clone();
                c["returns"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "sale_id": sale_id,
                    "day": DAY,
                    "created_at": "2026-11-27T11:00:00+07:00",
                    "refund_method": "cash",
                    "refund": 400000,
                    "lines": [{"line_no": 1, "quantity_milli": 1000, "amount": 40000}],
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
        (
            "return-half-pack",
            "tidak sesuai satuan pack",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                let sale_id = c["sales"][0]["id"].clone();
                c["returns"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "sale_id": sale_id,
                    "day": DAY,
                    "created_at": "2026-11-27T11:00:00+07:00",
                    "refund_method": "cash",
                    "refund": 20000,
                    "lines": [{"line_no": 1, "quantity_milli": 500, "amount": 20000}],
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
        (
            "return-line-twice",
            "muncul dua kali dalam satu retur",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                let sale_id = c["sales"][1]["id"].clone();
                c["returns"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "sale_id": sale_id,
                    "day": DAY,
                    "created_at": "2026-11-27T11:00:00+07:00",
                    "refund_method": "cash",
                    "refund": 0,
                    "lines": [
                        {"line_no": 1, "quantity_milli": 1000, "amount": 0},
                        {"line_no": 1, "quantity_milli": 1000, "amount": 0}
                    ],
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
        (
            "void-and-return",
            "nota batal tidak bisa diretur",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                let sale_id = c["sales"][0]["id"].clone();
                c["voids"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "sale_id": sale_id,
                    "day": DAY,
                    "created_at": "2026-11-27T11:00:00+07:00",
                    "reason": "batal",
                }]);
                c["returns"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 2,
                    "sale_id": sale_id,
                    "day": DAY,
                    "created_at": "2026-11-27T11:05:00+07:00",
                    "refund_method": "cash",
                    "refund": 40000,
                    "lines": [{"line_no": 1, "quantity_milli": 1000, "amount": 40000}],
                }]);
                c["sequence"]["to"] = json!(last + 2);
            }),
        ),
        (
            "void-before-sale",
            "nota hanya dibatalkan pada harinya",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                let sale_id = c["sales"][0]["id"].clone();
                c["voids"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "sale_id": sale_id,
                    "day": DAY,
                    "created_at": "2026-11-27T08:00:00+07:00",
                    "reason": "batal",
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
        (
            "export-id-not-uuid",
            "id ekspor \"not-a-uuid\" bukan UUID",
            Box::new(|c| c["export_id"] = json!("not-a-uuid")),
        ),
        (
            "unknown-sku",
            "tidak ada di daftar produk berkas",
            Box::new(|c| sale(c)["lines"][0]["sku"] = json!("XYZ-99")),
        ),
        (
            "close-not-the-records",
            "tidak sama dengan catatan toko itu",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                c["day_closes"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "day": DAY,
                    "created_at": "2026-11-27T21:00:00+07:00",
                    "opening_float": 0, "cash_in": 5, "cash_out": 0,
                    "expected": 5, "counted": 5, "difference": 0,
                    "sales_count": 2, "net_total": 5,
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
        (
            // The sales and their total right, the drawer's cash not: the
            // close says less cash came in than the sales took.
            "close-cash-in-short",
            "tunai masuk",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                let sales = c["sales"].as_array().unwrap();
                let net: i64 = sales.iter().map(|s| s["total"].as_i64().unwrap()).sum();
                let cash: i64 = sales
                    .iter()
                    .flat_map(|s| s["payments"].as_array().unwrap())
                    .filter(|p| p["method"] == "cash")
                    .map(|p| p["amount"].as_i64().unwrap())
                    .sum();
                let short = cash - 10_000;
                c["day_closes"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "day": DAY,
                    "created_at": "2026-11-27T21:00:00+07:00",
                    "opening_float": 0, "cash_in": short, "cash_out": 0,
                    "expected": short, "counted": short, "difference": 0,
                    "sales_count": sales.len(), "net_total": net,
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
        (
            "day-close-wrong",
            "seharusnya",
            Box::new(|c| {
                let last = c["sequence"]["to"].as_i64().unwrap();
                c["day_closes"] = json!([{
                    "id": uuid::Uuid::now_v7().to_string(),
                    "seq": last + 1,
                    "day": DAY,
                    "created_at": "2026-11-27T21:00:00+07:00",
                    "opening_float": 0, "cash_in": 100000, "cash_out": 0,
                    "expected": 5, "counted": 100000, "difference": 0,
                    "sales_count": 2, "net_total": 100000,
                }]);
                c["sequence"]["to"] = json!(last + 1);
            }),
        ),
    ]
}

#[test]
fn records_that_do_not_add_up_are_refused_each_with_its_reason() {
    let (_st07, st08, office, out, _file07, file08) = centre();
    let st07_before = office.stall_figures("ST07");
    let forgeries = forgeries();
    let mut reasons = std::collections::BTreeSet::new();
    for (name, reason, edit) in &forgeries {
        let file = forge(&st08, &file08, out.path(), name, edit);
        office.refuses(&file, reason);
        reasons.insert(*reason);
    }
    assert!(forgeries.len() >= 35);
    assert!(reasons.len() >= 30, "distinct reasons: {reasons:#?}");
    assert_eq!(office.stall_figures("ST07"), st07_before);
    // After all that, ST08's honest file imports whole.
    office.import_ok(&file08);
    assert_eq!(office.stall_figures("ST07"), st07_before);
    assert_eq!(office.stall_figures("ST08")["sales_count"], 2);
}

/// Drops the book's append-only triggers, as a dishonest owner with sqlite3
/// can, and runs `sql`.
fn edit_book(stall: &Stall, sql: &str) {
    let conn = rusqlite::Connection::open(stall.dir.path().join("sentra.db")).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for trigger in triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{trigger}\""))
            .unwrap();
    }
    conn.execute_batch(sql).unwrap();
}

#[test]
fn an_edited_book_is_caught_whichever_copy_arrives_first() {
    for honest_first in [true, false] {
        let out = tempfile::tempdir().unwrap();
        let st07 = Stall::new("ST07", "1802");
        let honest = st07.sell_and_export(out.path());
        // The first sale becomes smaller, consistently: every figure adds up.
        edit_book(
            &st07,
            "UPDATE sale_lines SET unit_price = 30000, gross = 30000, net = 30000 WHERE line_no = 1
                 AND sale_id = (SELECT id FROM sales WHERE seq = 1);
             UPDATE sales SET subtotal = 30000, total = 30000 WHERE seq = 1;
             UPDATE payments SET amount = 30000 WHERE line_no = 1
                 AND sale_id = (SELECT id FROM sales WHERE seq = 1);",
        );
        let edited = st07.export_again(out.path());
        let office = Office::new();
        if honest_first {
            office.import_ok(&honest);
            let text = office.refuses(&edited, "BENTROK");
            assert!(text.contains("isi lain"), "{text}");
            assert!(
                text.contains("Rp40.000") && text.contains("Rp30.000"),
                "both sides named: {text}"
            );
        } else {
            // Arriving first, the edited sale is not at the product's price
            // of its time (the file's own price records say Rp40.000).
            office.refuses(
                &edited,
                "harga satuan Rp30.000 bukan harga produk pada waktu itu (Rp40.000",
            );
            office.import_ok(&honest);
        }
    }
}

#[test]
fn an_edited_book_that_does_not_add_up_is_not_even_exported() {
    let out = tempfile::tempdir().unwrap();
    let st07 = Stall::new("ST07", "1802");
    st07.sell_and_export(out.path());
    edit_book(&st07, "UPDATE sales SET total = 5 WHERE seq = 1;");
    let (ok, _, stderr) = sentra(
        st07.dir.path(),
        &[
            "export",
            "--since-seq",
            "1",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(!ok);
    assert!(stderr.contains("total Rp5 bukan jumlah neto"), "{stderr}");
}

impl Stall {
    /// Every record again, from the first: what an edited book sends.
    fn export_again(&self, out: &Path) -> PathBuf {
        let dir = out.join(format!("again-{}", self.code));
        std::fs::create_dir_all(&dir).unwrap();
        PathBuf::from(
            self.run(&["export", "--since-seq", "1", "--out", dir.to_str().unwrap()])
                .trim(),
        )
    }
}

#[test]
fn a_return_counts_only_once_its_sale_is_held() {
    let (st07, _st08, office, out, file07, _file08) = centre();
    let before = office.stall_figures("ST07");
    let last = content_of(&file07)["sequence"]["to"].as_i64().unwrap();
    let forged_return = |seq: i64| {
        move |c: &mut Value| {
            c["sales"] = json!([]);
            c["prices"] = json!([]);
            c["returns"] = json!([{
                "id": uuid::Uuid::now_v7().to_string(),
                "seq": seq,
                "sale_id": uuid::Uuid::now_v7().to_string(),
                "day": DAY,
                "created_at": "2026-11-27T11:00:00+07:00",
                "refund_method": "cash",
                "refund": 4_000_000,
                "lines": [{"line_no": 1, "quantity_milli": 1000, "amount": 4_000_000}],
            }]);
            c["sequence"] = json!({"from": seq, "to": seq});
        }
    };
    // A sequence number past any stall's lifetime is refused outright (it
    // once overflowed the office's gap count).
    let far = forge(
        &st07,
        &file07,
        out.path(),
        "far",
        forged_return(i64::MAX - 1),
    );
    office.refuses(&far, "nomor urut");
    // Numbers before it missing, the return of a sale never sent is taken
    // as on its way, and waits: ST07's takings do not fall.
    let waiting = forge(
        &st07,
        &file07,
        out.path(),
        "waiting",
        forged_return(last + 500),
    );
    office.import_ok(&waiting);
    assert_eq!(office.stall_figures("ST07"), before);
    let fees: Value = serde_json::from_str(&sentra_ok(
        office.dir.path(),
        &["--json", "fees", "--from", DAY, "--to", DAY],
    ))
    .unwrap();
    assert!(fees.to_string().contains("ST07"), "{fees}");
    let stalls = sentra_ok(office.dir.path(), &["stalls"]);
    assert!(stalls.contains("ST07"), "{stalls}");
}

#[test]
fn a_return_waits_for_its_sale_and_then_counts() {
    let out = tempfile::tempdir().unwrap();
    let st07 = Stall::new("ST07", "1802");
    let first = st07.sell_and_export(out.path());
    let sold = content_of(&first)["sales"][1]["receipt"]
        .as_str()
        .unwrap()
        .to_string();
    st07.run(&[
        "return",
        &sold,
        "--item",
        "KRP-01=1",
        "--refund",
        "cash=30000",
    ]);
    let second = st07.export(out.path());
    let office = Office::new();
    // The later file first: its return waits for the sale.
    office.import_ok(&second);
    assert_eq!(office.stall_figures("ST07")["returns"], 0);
    office.import_ok(&first);
    assert_eq!(office.stall_figures("ST07")["returns"], 30000);
}

#[test]
fn the_first_file_of_a_stall_says_which_key_it_pinned_for_the_manager_to_compare() {
    let out = tempfile::tempdir().unwrap();
    let st07 = Stall::new("ST07", "1802");
    let first = st07.sell_and_export(out.path());
    let office = Office::new();
    let (ok, said) = office.import(&first);
    assert!(ok, "{said}");
    // The first file of a code is trusted as that stall's: the import says
    // the key's first digits, the same the stall's own Pengaturan shows.
    let key: Value = serde_json::from_str(&st07.run(&["--json", "settings", "list"])).unwrap();
    let prefix = &key["public_key"].as_str().unwrap()[..16];
    assert!(
        said.contains(&format!("kunci toko ST07 {prefix}… kini disematkan")),
        "{said}"
    );
    // A later file of the same key pins nothing and says nothing of it.
    let second = st07.sell_and_export(out.path());
    let (ok, said) = office.import(&second);
    assert!(ok && !said.contains("disematkan"), "{said}");
}

/// The fresh-eyes trial of issue 23: a stall signed a file holding only a
/// void, numbered after a closed day's *tutup kasir* and dated in that day,
/// and the day's figures and the fee fell with nothing flagged. The
/// program takes nothing on a closed day until a manager reopens it; the
/// office now refuses what it never would have written, either way round.
#[test]
fn nothing_lands_in_a_closed_day_without_a_reopen() {
    let out = tempfile::tempdir().unwrap();
    let st07 = Stall::new("ST07", "1802");
    st07.run(&["sale", "--item", "KRP-01=1", "--pay", "cash=40000"]);
    st07.run(&["sale", "--item", "KRP-01=2", "--pay", "cash=80000"]);
    st07.run(&["day", "close", "--counted-cash", "120000"]);
    let file = st07.export(out.path());
    let content = content_of(&file);
    let last = content["sequence"]["to"].as_i64().unwrap();
    let kept = content["sales"][1].clone();
    let void_after_close = |c: &mut Value| {
        *c = json!({
            "export_id": uuid::Uuid::now_v7().to_string(),
            "created_at": "2026-11-27T23:55:00+07:00",
            "stall": c["stall"].clone(),
            "sequence": {"from": last + 2, "to": last + 2},
            "products": [],
            "sales": [],
            "voids": [{
                "id": uuid::Uuid::now_v7().to_string(),
                "seq": last + 2,
                "sale_id": kept["id"],
                "day": DAY,
                "created_at": "2026-11-27T23:50:00+07:00",
                "reason": "batal",
            }],
            "returns": [],
            "day_closes": [],
        });
    };
    // What the program allows on a closed day (an expense not from the
    // drawer) is taken after the close.
    st07.run(&["expense", "add", "--amount", "5000", "--category", "sewa"]);
    let later = out.path().join("after");
    std::fs::create_dir(&later).unwrap();
    let after = st07.export(&later);
    // In order: the close is held, the void after it is refused.
    let office = Office::new();
    office.import_ok(&file);
    office.import_ok(&after);
    let before = office.stall_figures("ST07");
    let forged = forge(
        &st07,
        &file,
        out.path(),
        "void-after-close",
        void_after_close,
    );
    let text = office.refuses(&forged, "sudah ditutup");
    assert!(text.contains("tidak dibuka kembali"), "{text}");
    assert_eq!(office.stall_figures("ST07"), before);

    // Out of order: the forged void first (its close not held yet, so it
    // passes), then the honest file with the close: refused, since the
    // close would stand before a record of its day with no reopen.
    let office = Office::new();
    let forged = forge(&st07, &file, out.path(), "void-first", void_after_close);
    office.import_ok(&forged);
    let text = office.refuses(&file, "sudah ditutup");
    assert!(text.contains("tutup kasir"), "{text}");
}

/// The fresh-eyes trial of issue 26: a day close sent before the sales it
/// should count (a number skipped) was never compared with them. The
/// comparison now waits for the gap and is made by the import closing it.
#[test]
fn a_close_sent_before_its_sales_is_compared_when_they_come() {
    let out = tempfile::tempdir().unwrap();
    let st07 = Stall::new("ST07", "1802");
    st07.run(&["sale", "--item", "KRP-01=1", "--pay", "cash=40000"]);
    st07.run(&["sale", "--item", "KRP-01=2", "--pay", "cash=80000"]);
    st07.run(&["day", "close", "--counted-cash", "120000"]);
    let file = st07.export(out.path());
    let content = content_of(&file);
    let close_seq = content["day_closes"][0]["seq"].as_i64().unwrap();
    // The close alone, saying one sale of Rp40.000 (figures that add up).
    let close_only = forge(&st07, &file, out.path(), "close-only", |c| {
        let mut close = c["day_closes"][0].clone();
        let float = close["opening_float"].as_i64().unwrap();
        close["sales_count"] = 1.into();
        close["net_total"] = 40_000.into();
        close["cash_in"] = 40_000.into();
        close["expected"] = (float + 40_000).into();
        close["counted"] = (float + 40_000).into();
        close["difference"] = 0.into();
        c["sales"] = json!([]);
        c["prices"] = json!([]);
        c["day_closes"] = json!([close]);
        c["events"] = json!([]);
        c["sequence"] = json!({"from": close_seq, "to": close_seq});
    });
    // The sales, without the close.
    let sales_only = forge(&st07, &file, out.path(), "sales-only", |c| {
        c["day_closes"] = json!([]);
        c["events"] = json!([]);
        c["sequence"]["to"] = json!(close_seq - 1);
    });
    let office = Office::new();
    office.import_ok(&close_only);
    let text = office.refuses(&sales_only, "tidak sama dengan catatan toko itu");
    assert!(text.contains("jumlah nota"), "{text}");
}
