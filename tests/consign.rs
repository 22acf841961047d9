//! Titip jual at the stall, through the real binary and the book: what a
//! sold line owes is fixed when it sells, payouts come out of the drawer and
//! need the PIN, and every refusal leaves the book as it was.

mod common;

use std::path::Path;

use common::*;
use sentra::domain::consign::{PayoutMethod, Terms};
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::store::{HandoverItem, NewProducer, ReturnItem};
use serde_json::Value;

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&sentra_ok(dir, &all)).unwrap()
}

/// A stall with producer P001 (Lampung Utara) and two consigned products,
/// 24 packs and 2,5 kg of them received.
fn consigning_stall() -> tempfile::TempDir {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "producer",
            "add",
            "--code",
            "P001",
            "--name",
            "Ibu Sari",
            "--regency",
            "1806",
            "--nib",
            "1234567890123",
            "--phone",
            "0812-1111-2222",
            "--bank",
            "BRI 1234",
        ],
    );
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KRP-LU",
            "--name",
            "Keripik Pisang Lampung Utara",
            "--price",
            "12000",
            "--unit",
            "pack",
            "--producer",
            "P001",
            "--consign-price",
            "9000",
        ],
    );
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KPI-LB",
            "--name",
            "Kopi Robusta Lampung Barat",
            "--price",
            "150000",
            "--unit",
            "kg",
            "--producer",
            "P001",
            "--commission",
            "20%",
        ],
    );
    sentra_ok(
        d,
        &[
            "consign",
            "receive",
            "P001",
            "--item",
            "KRP-LU=24",
            "--item",
            "KPI-LB=2,5",
        ],
    );
    dir
}

fn expected_cash(dir: &Path) -> i64 {
    json(dir, &["report", "day"])["cash"]["expected"]
        .as_i64()
        .unwrap()
}

#[test]
fn a_cash_payout_lowers_tutup_kasirs_expected_cash_by_exactly_its_amount() {
    let dir = consigning_stall();
    let d = dir.path();
    sentra_ok(d, &["day", "open", "--float", "100000"]);
    sentra_ok(
        d,
        &[
            "sale",
            "--item",
            "KRP-LU=3",
            "--item",
            "KPI-LB=0,5",
            "--pay",
            "cash=111000",
        ],
    );
    let before = expected_cash(d);
    assert_eq!(before, 100_000 + 111_000);

    let payout = json(
        d,
        &[
            "consign", "pay", "P001", "--amount", "20.000", "--method", "cash", "--pin", PIN,
        ],
    );
    assert_eq!(payout["amount"], 20_000);
    assert_eq!(payout["balance"], 27_000 + 60_000 - 20_000);
    assert_eq!(expected_cash(d), before - 20_000);

    // A transfer leaves the drawer alone.
    json(
        d,
        &[
            "consign",
            "pay",
            "P001",
            "--amount",
            "5000",
            "--method",
            "transfer:BRI 0042",
            "--pin",
            PIN,
        ],
    );
    assert_eq!(expected_cash(d), before - 20_000);
    let report = json(d, &["report", "day"]);
    assert_eq!(report["cash"]["producer_payouts"], 20_000);
    let payouts = report["producer_payouts"].as_array().unwrap();
    assert_eq!(payouts.len(), 2, "the day report lists both payouts");
    assert_eq!(payouts[1]["reference"], "BRI 0042");
    let text = sentra_ok(d, &["report", "day"]);
    assert!(text.contains("Bayar penitip tunai"), "{text}");
    assert!(
        text.contains("P001 Ibu Sari: Rp5.000 (Transfer BRI 0042)"),
        "{text}"
    );

    // Tutup kasir counts the drawer against it, and the record says why.
    let close = json(
        d,
        &[
            "day",
            "close",
            "--counted-cash",
            &(before - 20_000).to_string(),
        ],
    );
    assert_eq!(close["cash"]["expected"], before - 20_000);
    assert_eq!(close["cash"]["producer_payouts"], 20_000);
    assert_eq!(close["cash"]["difference"], 0);
    let conn = rusqlite::Connection::open(d.join("sentra.db")).unwrap();
    let (expected, payouts): (i64, i64) = conn
        .query_row(
            "SELECT expected, producer_payouts FROM day_closes",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((expected, payouts), (before - 20_000, 20_000));
    // A closed day takes no cash payout.
    let (ok, _, stderr) = sentra(
        d,
        &[
            "consign", "pay", "P001", "--amount", "1000", "--method", "cash", "--pin", PIN,
        ],
    );
    assert!(!ok && stderr.contains("sudah ditutup"), "{stderr}");
}

/// Every table but the PIN's state and the events a wrong PIN writes.
fn snapshot_without_events(dir: &Path) -> String {
    snapshot(dir)
        .split("## ")
        .filter(|t| !t.starts_with("book_events") && !t.starts_with("record_sequence"))
        .collect::<Vec<_>>()
        .join("## ")
}

#[test]
fn over_paying_and_a_wrong_pin_are_refused_with_the_book_unchanged() {
    let dir = consigning_stall();
    let d = dir.path();
    sentra_ok(d, &["sale", "--item", "KRP-LU=2", "--pay", "cash=24000"]);
    let balance = json(d, &["producer", "list"])[0]["balance"]
        .as_i64()
        .unwrap();
    assert_eq!(balance, 18_000);

    let before = snapshot(d);
    let (ok, stdout, stderr) = sentra(
        d,
        &[
            "consign", "pay", "P001", "--amount", "18001", "--method", "cash", "--pin", PIN,
        ],
    );
    assert!(!ok && stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bayar Rp18.001 melebihi saldo penitip P001 (Rp18.000)"),
        "{stderr}"
    );
    assert_eq!(before, snapshot(d), "over-paying changed the book");

    // A wrong PIN: no payout; the only trace is the wrong try itself, which
    // every PIN action records for the manager.
    let before = snapshot_without_events(d);
    let events = |d: &Path| -> i64 {
        rusqlite::Connection::open(d.join("sentra.db"))
            .unwrap()
            .query_row(
                "SELECT COUNT(*) FROM book_events WHERE kind = 'pin_wrong'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let (ok, _, stderr) = sentra(
        d,
        &[
            "consign", "pay", "P001", "--amount", "1000", "--method", "cash", "--pin", "9999",
        ],
    );
    assert!(!ok && stderr.contains("PIN salah"), "{stderr}");
    assert_eq!(
        before,
        snapshot_without_events(d),
        "a wrong PIN paid something"
    );
    assert_eq!(events(d), 1);
    assert_eq!(
        json(d, &["producer", "list"])[0]["balance"]
            .as_i64()
            .unwrap(),
        18_000
    );

    // Bad shapes never reach the PIN.
    for args in [
        vec!["--amount", "0", "--method", "cash"],
        vec!["--amount", "-5", "--method", "cash"],
        vec!["--amount", "1000", "--method", "qris"],
        vec!["--amount", "1000", "--method", "transfer"],
        vec!["--amount", "1e3", "--method", "cash"],
    ] {
        let before = snapshot(d);
        let mut all = vec!["consign", "pay", "P001"];
        all.extend(args.iter().copied());
        all.extend(["--pin", PIN]);
        let (ok, _, stderr) = sentra(d, &all);
        assert!(!ok, "{args:?} was accepted");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert_eq!(before, snapshot(d), "{args:?} changed the book");
    }
    let (ok, _, stderr) = sentra(
        d,
        &[
            "consign", "pay", "P404", "--amount", "1000", "--method", "cash", "--pin", PIN,
        ],
    );
    assert!(!ok && stderr.contains("penitip tidak dikenal"), "{stderr}");

    // The next morning the drawer is empty: cash cannot come out of it,
    // a transfer can.
    let tomorrow = "2026-11-28T08:00:00+07:00";
    let before = snapshot(d);
    let (ok, _, stderr) = sentra_at(
        d,
        tomorrow,
        &[
            "consign", "pay", "P001", "--amount", "1000", "--method", "cash", "--pin", PIN,
        ],
    );
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("uang tunai di laci seharusnya Rp0, tidak cukup untuk membayar Rp1.000"),
        "{stderr}"
    );
    assert_eq!(before, snapshot(d));
    let (ok, _, stderr) = sentra_at(
        d,
        tomorrow,
        &[
            "consign",
            "pay",
            "P001",
            "--amount",
            "18000",
            "--method",
            "transfer:BCA 9",
            "--pin",
            PIN,
        ],
    );
    assert!(ok, "{stderr}");
}

#[test]
fn what_a_line_owes_is_fixed_when_it_sells() {
    let (_dir, mut store) = new_stall();
    store
        .add_producer(
            &NewProducer {
                code: "p002".into(),
                name: "Pak Made".into(),
                regency: 1802,
                ..NewProducer::default()
            },
            NOW,
        )
        .unwrap();
    let tapis = product("TPS-01", 500_000, Unit::Pcs);
    store
        .add_consigned_product(&tapis, "P002", Terms::ConsignPrice(rp(400_000)), NOW)
        .unwrap();
    assert_eq!(
        store.find_product("TPS-01").unwrap().producer.as_deref(),
        Some("P002")
    );
    store
        .consign_receive(
            "P002",
            &[HandoverItem {
                sku: "TPS-01".into(),
                quantity: qty("5"),
            }],
            None,
            NOW,
        )
        .unwrap();
    let first = store
        .complete_sale(&cash_sale("TPS-01", "2", 1_000_000), NOW)
        .unwrap();
    // A new price and new terms: the first sale keeps what it owed.
    let mut changed = tapis.clone();
    changed.price = rp(550_000);
    store.update_product("TPS-01", &changed, NOW).unwrap();
    store
        .set_consignment("TPS-01", Some(("P002", Terms::Commission(2_500))), NOW)
        .unwrap();
    store
        .complete_sale(&cash_sale("TPS-01", "1", 550_000), NOW)
        .unwrap();
    let owed: Vec<(String, i64, i64)> = store
        .connection()
        .prepare("SELECT basis, rate, owed FROM consigned_lines ORDER BY rowid")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        owed,
        vec![
            ("consign_price".into(), 400_000, 800_000),
            ("commission".into(), 2_500, 412_500),
        ]
    );
    assert_eq!(store.producer_balance("P002").unwrap(), rp(1_212_500));

    // A return takes back its share; a void cancels the whole line.
    store
        .return_items(
            &first.receipt,
            &[ReturnItem {
                sku: "TPS-01".into(),
                quantity: qty("1"),
            }],
            &Tender {
                method: PaymentMethod::Cash,
                amount: rp(500_000),
                reference: None,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(store.producer_balance("P002").unwrap(), rp(812_500));
    let third = store
        .complete_sale(&cash_sale("TPS-01", "1", 550_000), NOW)
        .unwrap();
    assert_eq!(store.producer_balance("P002").unwrap(), rp(1_225_000));
    store
        .void_sale(&third.receipt, "salah scan", PIN, NOW)
        .unwrap();
    assert_eq!(store.producer_balance("P002").unwrap(), rp(812_500));

    // A harga setor above a discounted line's net is refused, nothing written.
    store
        .set_consignment(
            "TPS-01",
            Some(("P002", Terms::ConsignPrice(rp(500_000)))),
            NOW,
        )
        .unwrap();
    let mut discounted = cash_sale("TPS-01", "1", 440_000);
    discounted.items[0].discount = Some(sentra::domain::discount::Discount::Percent(2_000));
    let error = store
        .complete_sale(&discounted, NOW)
        .unwrap_err()
        .to_string();
    assert!(error.contains("melebihi harga bersih"), "{error}");
    // And a price below the harga setor.
    let mut cheap = changed.clone();
    cheap.price = rp(450_000);
    let error = store
        .update_product("TPS-01", &cheap, NOW)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("harga setor Rp500.000 tidak boleh lebih dari harga jual Rp450.000"),
        "{error}"
    );

    let statement = store.producer_statement("P002", None, NOW.date()).unwrap();
    let line = &statement.products[0];
    assert_eq!(
        (line.received, line.sold, line.buyer_returns, line.remaining),
        (qty("5"), qty("3"), qty("1"), qty("3"))
    );
    assert_eq!(statement.owed, rp(812_500));
    // Paid by transfer: the balance drops, the drawer does not.
    let payout = store
        .pay_producer(
            "P002",
            rp(800_000),
            PayoutMethod::Transfer,
            Some("BCA 77"),
            PIN,
            NOW,
        )
        .unwrap();
    assert_eq!(payout.balance, rp(12_500));
    assert_eq!(
        store.day_report(NOW.date()).unwrap().cash.producer_payouts,
        rp(0)
    );
}

#[test]
fn handovers_take_only_the_producers_goods_and_never_more_than_there_is() {
    let dir = consigning_stall();
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "OWN-01",
            "--name",
            "Gantungan Kunci",
            "--price",
            "10000",
        ],
    );
    sentra_ok(
        d,
        &[
            "producer",
            "add",
            "--code",
            "P002",
            "--name",
            "Pak Made",
            "--regency",
            "1802",
        ],
    );
    for (args, says) in [
        (
            vec!["consign", "receive", "P001", "--item", "OWN-01=5"],
            "bukan barang titipan penitip P001",
        ),
        (
            vec!["consign", "receive", "P002", "--item", "KRP-LU=5"],
            "bukan barang titipan penitip P002",
        ),
        (
            vec!["consign", "return", "P001", "--item", "KRP-LU=25"],
            "melebihi stok yang ada (24)",
        ),
        (
            vec![
                "consign", "receive", "P001", "--item", "KRP-LU=1", "--item", "krp-lu=2",
            ],
            "disebut dua kali",
        ),
        (
            vec!["consign", "receive", "P001", "--item", "KRP-LU=1,5"],
            "dijual utuh",
        ),
        (
            vec!["consign", "receive", "P001", "--item", "KRP-LU=0"],
            "lebih dari nol",
        ),
        (
            vec![
                "consign",
                "receive",
                "P001",
                "--item",
                "KRP-LU=28994507000392",
            ],
            "di luar batas",
        ),
        (
            vec!["consign", "receive", "P009", "--item", "KRP-LU=1"],
            "penitip tidak dikenal",
        ),
        (
            vec![
                "consign",
                "receive",
                "P001",
                "--item",
                "KRP-LU=1",
                "--note",
                "a\u{200B}b",
            ],
            "catatan",
        ),
        (
            vec![
                "consign",
                "statement",
                "P001",
                "--from",
                "2026-11-28",
                "--to",
                "2026-11-27",
            ],
            "sesudah tanggal akhir",
        ),
    ] {
        let before = snapshot(d);
        let (ok, _, stderr) = sentra(d, &args);
        assert!(!ok, "{args:?} was accepted");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(before, snapshot(d), "{args:?} changed the book");
    }

    // A clock set back is refused like for every other record.
    let before = snapshot(d);
    let (ok, _, stderr) = sentra_at(
        d,
        "2026-11-26T10:00:00+07:00",
        &["consign", "receive", "P001", "--item", "KRP-LU=1"],
    );
    assert!(
        !ok && stderr.contains("lebih awal dari catatan terakhir"),
        "{stderr}"
    );
    assert_eq!(before, snapshot(d));

    let note = json(
        d,
        &[
            "consign",
            "return",
            "P001",
            "--item",
            "KRP-LU=4",
            "--note",
            "kemasan lembap",
        ],
    );
    assert_eq!(note["number"], "ST07-TT-20261127-02");
    assert_eq!(note["kind"], "handback");
    assert_eq!(note["lines"][0]["stock"], 20.0);
    let ledger = sentra_ok(d, &["stock", "ledger", "KRP-LU"]);
    assert!(ledger.contains("terima titipan"), "{ledger}");
    assert!(ledger.contains("retur ke penitip"), "{ledger}");
    assert!(ledger.contains("ST07-TT-20261127-02"), "{ledger}");
    let listed = json(d, &["product", "list", "--search", "KRP"]);
    assert_eq!(listed[0]["producer"], "P001");
}

#[test]
fn bad_producer_and_consignment_input_is_one_line_and_changes_nothing() {
    let dir = consigning_stall();
    let d = dir.path();
    let add = |extra: &[&str]| {
        let mut args = vec![
            "producer",
            "add",
            "--code",
            "P003",
            "--name",
            "Bu Ani",
            "--regency",
            "1810",
        ];
        args.extend_from_slice(extra);
        args.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let cases: Vec<(Vec<String>, &str)> = vec![
        (add(&["--nib", "12345"]), "NIB harus 13 angka"),
        (add(&["--phone", "telepon saya"]), "nomor telepon"),
        (
            vec![
                "producer",
                "add",
                "--code",
                "P 3",
                "--name",
                "X",
                "--regency",
                "1810",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "kode penitip",
        ),
        (
            vec![
                "producer",
                "add",
                "--code",
                "P001",
                "--name",
                "X",
                "--regency",
                "1810",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "sudah dipakai",
        ),
        (
            vec![
                "producer",
                "add",
                "--code",
                "P004",
                "--name",
                "X",
                "--regency",
                "3171",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "bukan di Lampung",
        ),
        (
            vec![
                "producer",
                "add",
                "--code",
                "P004",
                "--name",
                "X",
                "--regency",
                "Metro",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "bukan di Lampung",
        ),
        (
            vec![
                "product",
                "add",
                "--sku",
                "X-1",
                "--name",
                "X",
                "--price",
                "1000",
                "--producer",
                "P001",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "perlu satu dari",
        ),
        (
            vec![
                "product",
                "add",
                "--sku",
                "X-1",
                "--name",
                "X",
                "--price",
                "1000",
                "--commission",
                "10%",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "sebutkan penitipnya",
        ),
        (
            vec![
                "product",
                "add",
                "--sku",
                "X-1",
                "--name",
                "X",
                "--price",
                "1000",
                "--producer",
                "P001",
                "--commission",
                "150%",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "komisi harus antara 0% dan 100%",
        ),
        (
            vec![
                "product",
                "add",
                "--sku",
                "X-1",
                "--name",
                "X",
                "--price",
                "1000",
                "--producer",
                "P001",
                "--consign-price",
                "1500",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "tidak boleh lebih dari harga jual",
        ),
        (
            vec![
                "product",
                "add",
                "--sku",
                "X-1",
                "--name",
                "X",
                "--price",
                "1000",
                "--producer",
                "P404",
                "--consign-price",
                "500",
            ]
            .into_iter()
            .map(str::to_string)
            .collect(),
            "penitip tidak dikenal",
        ),
    ];
    for (args, says) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let before = snapshot(d);
        let (ok, _, stderr) = sentra(d, &args);
        assert!(!ok, "{args:?} was accepted");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(before, snapshot(d), "{args:?} changed the book");
    }
    // Typed in lower case, kept in one spelling.
    let added = json(
        d,
        &[
            "producer",
            "add",
            "--code",
            " p003 ",
            "--name",
            "Bu Ani",
            "--regency",
            "1810",
        ],
    );
    assert_eq!(added["code"], "P003");
    assert_eq!(added["regency_name"], "Pringsewu");
    // A product's terms change, or it becomes the stall's own again.
    let changed = json(
        d,
        &[
            "product",
            "consign",
            "KRP-LU",
            "--producer",
            "P003",
            "--commission",
            "15%",
        ],
    );
    assert_eq!(changed["product"]["producer"], "P003");
    assert_eq!(changed["consignment"]["terms"]["basis"], "commission");
    assert_eq!(changed["consignment"]["terms"]["rate"], 1500);
    let before = snapshot(d);
    let (ok, _, stderr) = sentra(d, &["product", "consign", "KRP-LU", "--producer", "P003"]);
    assert!(!ok && stderr.contains("perlu satu dari"), "{stderr}");
    let (ok, _, stderr) = sentra(
        d,
        &[
            "product",
            "consign",
            "KRP-LU",
            "--producer",
            "P003",
            "--consign-price",
            "13000",
        ],
    );
    assert!(
        !ok && stderr.contains("tidak boleh lebih dari harga jual"),
        "{stderr}"
    );
    assert_eq!(before, snapshot(d));
    // The producer's 24 packs on hand stay the producer's: handed back
    // first, then the product can be the stall's own.
    let (ok, _, stderr) = sentra(d, &["product", "consign", "KRP-LU", "--clear"]);
    assert!(!ok && stderr.contains("selama ada stok"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert_eq!(before, snapshot(d));
    let holder = json(d, &["product", "list", "--search", "KRP-LU"])[0]["producer"]
        .as_str()
        .unwrap()
        .to_string();
    sentra_ok(d, &["consign", "return", &holder, "--item", "KRP-LU=24"]);
    let own = sentra_ok(d, &["product", "consign", "KRP-LU", "--clear"]);
    assert!(own.contains("barang milik toko sendiri"), "{own}");
    assert_eq!(
        json(d, &["product", "list", "--search", "KRP-LU"])[0]["producer"],
        Value::Null
    );
    let edited = json(d, &["producer", "edit", "P003", "--phone", "0813 555"]);
    assert_eq!(edited["phone"], "0813 555");
    assert_eq!(edited["name"], "Bu Ani");
}
