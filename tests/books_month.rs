//! A small month made by hand through the command line, as a vendor would
//! record it, whose statements are worked out here line by line; then the
//! same month as PDF (read back with poppler and qpdf) and XLSX (read back
//! with openpyxl), and the registers' refusals.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

/// Runs `args` at `when` (November 2026, WIB), which must succeed.
fn at(dir: &Path, when: &str, args: &[&str]) -> String {
    let now = format!("2026-11-{when}:00+07:00");
    let (ok, stdout, stderr) = sentra_at(dir, &now, args);
    assert!(ok, "sentra {args:?} at {now} failed: {stderr}");
    stdout
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The hand-made November; returns the stall's folder.
fn november() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    at(
        d,
        "01T08:00",
        &[
            "init",
            "stall",
            "--code",
            "ST07",
            "--name",
            "Tapis Indah",
            "--regency",
            "1802",
            "--manager-pin",
            PIN,
        ],
    );
    at(
        d,
        "01T08:01",
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000", "--cost",
            "6000", "--unit", "pack",
        ],
    );
    at(
        d,
        "01T08:02",
        &[
            "producer",
            "add",
            "--code",
            "P001",
            "--name",
            "Ibu Sari",
            "--regency",
            "1806",
        ],
    );
    at(
        d,
        "01T08:03",
        &[
            "product",
            "add",
            "--sku",
            "KRP-LU",
            "--name",
            "Keripik LU",
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
    // Before the opening: 50 packs at Rp6.000, the opening's stock at cost.
    at(
        d,
        "01T08:04",
        &[
            "stock", "receive", "KRP-01", "50", "--cost", "6000", "--paid", "owner",
        ],
    );
    at(
        d,
        "02T07:00",
        &[
            "books",
            "opening",
            "--cash",
            "1.000.000",
            "--bank",
            "2.000.000",
            "--date",
            "2026-11-02",
        ],
    );
    // 20 more on the supplier's credit; 10 consigned packs in.
    at(
        d,
        "02T07:10",
        &[
            "stock", "receive", "KRP-01", "20", "--cost", "6000", "--paid", "credit",
        ],
    );
    at(
        d,
        "02T07:20",
        &["consign", "receive", "P001", "--item", "KRP-LU=10"],
    );
    // Sales: 5 own for cash; 2 own and 2 consigned by QRIS; 3 own on kasbon.
    let cash_sale = json(&at(
        d,
        "03T10:00",
        &[
            "--json",
            "sale",
            "--item",
            "KRP-01=5",
            "--pay",
            "cash=50000",
        ],
    ));
    at(
        d,
        "03T10:10",
        &[
            "sale",
            "--item",
            "KRP-01=2",
            "--item",
            "KRP-LU=2",
            "--pay",
            "qris=44000",
        ],
    );
    at(
        d,
        "03T10:20",
        &[
            "customer", "add", "--code", "C001", "--name", "Bu Siti", "--limit", "100000", "--pin",
            PIN,
        ],
    );
    at(
        d,
        "03T10:30",
        &[
            "sale",
            "--item",
            "KRP-01=3",
            "--customer",
            "C001",
            "--pay",
            "kasbon=30000",
        ],
    );
    // The drawer should hold Rp50.000; Rp45.000 is counted.
    at(d, "03T21:00", &["day", "close", "--counted-cash", "45000"]);
    // A sale voided; one pack of the cash sale brought back.
    let voided = json(&at(
        d,
        "04T10:00",
        &[
            "--json",
            "sale",
            "--item",
            "KRP-01=1",
            "--pay",
            "cash=10000",
        ],
    ));
    let voided = voided["receipt"].as_str().unwrap().to_string();
    at(
        d,
        "04T10:05",
        &["void", &voided, "--reason", "salah", "--pin", PIN],
    );
    let receipt = cash_sale["receipt"].as_str().unwrap().to_string();
    at(
        d,
        "04T10:10",
        &[
            "return",
            &receipt,
            "--item",
            "KRP-01=1",
            "--refund",
            "cash=10000",
        ],
    );
    at(
        d,
        "05T10:00",
        &[
            "customer", "pay", "C001", "--amount", "10.000", "--method", "cash",
        ],
    );
    at(
        d,
        "05T10:10",
        &[
            "consign",
            "pay",
            "P001",
            "--amount",
            "9.000",
            "--method",
            "transfer:BRI 1",
            "--pin",
            PIN,
        ],
    );
    at(
        d,
        "06T10:00",
        &[
            "expense",
            "add",
            "--amount",
            "15.000",
            "--category",
            "transport",
            "--from-drawer",
        ],
    );
    at(
        d,
        "06T10:10",
        &["stock", "adjust", "KRP-01", "-1", "--reason", "rusak"],
    );
    at(
        d,
        "07T10:00",
        &[
            "asset",
            "add",
            "--name",
            "Etalase",
            "--cost",
            "1.200.000",
            "--date",
            "2026-11-07",
            "--life-months",
            "12",
            "--paid",
            "bank",
        ],
    );
    at(
        d,
        "08T10:00",
        &[
            "loan",
            "add",
            "--lender",
            "KUR BRI",
            "--amount",
            "5.000.000",
        ],
    );
    at(
        d,
        "25T10:00",
        &[
            "loan",
            "pay",
            "PJ-1",
            "--principal",
            "400.000",
            "--interest",
            "40.000",
        ],
    );
    at(
        d,
        "26T10:00",
        &[
            "owner",
            "draw",
            "--amount",
            "100.000",
            "--from-drawer",
            "--pin",
            PIN,
        ],
    );
    at(d, "26T10:10", &["bank", "deposit", "--amount", "20.000"]);
    at(d, "27T10:00", &["supplier", "pay", "--amount", "50.000"]);
    dir
}

fn report(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["--json", "report", "month", "2026-11"];
    args.extend_from_slice(extra);
    json(&at(dir, "30T22:00", &args))
}

#[test]
fn a_hand_made_month_adds_up_line_by_line() {
    let dir = november();
    let r = report(dir.path(), &[]);
    let (a, l, e, i) = (
        &r["position"]["assets"],
        &r["position"]["liabilities"],
        &r["position"]["equity"],
        &r["income"],
    );
    // Kas: opening, the cash sale, the pack refunded, kasbon repaid, the
    // transport, prive, setoran, and the Rp5.000 short at the close.
    let cash = 1_000_000 + 50_000 - 10_000 + 10_000 - 15_000 - 100_000 - 20_000 - 5_000;
    assert_eq!(a["cash"], cash);
    // Bank: opening, QRIS, the producer paid, the etalase, the loan in and
    // its instalment, setoran, the supplier paid.
    let bank = 2_000_000 + 44_000 - 9_000 - 1_200_000 + 5_000_000 - 440_000 + 20_000 - 50_000;
    assert_eq!(a["bank"], bank);
    assert_eq!(a["receivables"], 30_000 - 10_000);
    // Own packs at Rp6.000: 50 + 20 − 5 − 2 − 3 + 1 back − 1 broken = 60.
    assert_eq!(a["inventory"], 60 * 6_000);
    // A year's life: one month of Rp100.000 gone.
    assert_eq!(a["fixed_assets"], 1_200_000 - 100_000);
    let assets = cash + bank + 20_000 + 360_000 + 1_100_000;
    assert_eq!(a["total"], assets);

    assert_eq!(l["payable_suppliers"], 120_000 - 50_000);
    // Two consigned packs owe Rp9.000 each; Rp9.000 paid.
    assert_eq!(l["payable_producers"], 18_000 - 9_000);
    assert_eq!(l["bank_loans"], 5_000_000 - 400_000);
    let liabilities = 70_000 + 9_000 + 4_600_000;
    assert_eq!(l["total"], liabilities);

    // Own goods: 5 + 2 + 3 packs at Rp10.000, one back; the void nets out.
    assert_eq!(i["revenue"], 90_000);
    // Two consigned packs at Rp12.000, Rp9.000 each owed.
    assert_eq!(i["commission"], 6_000);
    assert_eq!(i["cost_of_goods"], 9 * 6_000);
    assert_eq!(i["gross_profit"], 90_000 + 6_000 - 54_000);
    // Transport, the broken pack at cost, the short drawer.
    assert_eq!(i["expenses"], 15_000 + 6_000 + 5_000);
    assert_eq!(i["depreciation"], 100_000);
    assert_eq!(i["interest"], 40_000);
    let profit = 42_000 - 26_000 - 100_000 - 40_000;
    assert_eq!(i["profit"], profit);
    assert_eq!(r["year_to_date"]["profit"], profit);

    // Modal: kas, bank and the stock at cost on the opening day.
    assert_eq!(e["opening"], 1_000_000 + 2_000_000 + 300_000);
    assert_eq!(e["retained"], 0);
    assert_eq!(e["profit"], profit);
    assert_eq!(e["drawings"], 100_000);
    let equity = 3_300_000 + profit - 100_000;
    assert_eq!(e["total"], equity);
    assert_eq!(assets, liabilities + equity);
    assert_eq!(r["opened"], "2026-11-02");
    assert_eq!(r["loans"][0]["left"], 4_600_000);
    assert_eq!(r["assets"][0]["book_value"], 1_100_000);
}

#[test]
fn the_next_month_starts_from_this_ones_end() {
    let dir = november();
    let d = dir.path();
    let nov = report(d, &[]);
    let dec = json(
        &sentra_at(
            d,
            "2026-12-01T22:00:00+07:00",
            &["--json", "report", "month", "2026-12"],
        )
        .1,
    );
    // Nothing happened in December but the etalase's second month.
    assert_eq!(dec["income"]["depreciation"], 100_000);
    assert_eq!(
        dec["position"]["equity"]["retained"],
        nov["income"]["profit"]
    );
    assert_eq!(
        dec["position"]["assets"]["cash"],
        nov["position"]["assets"]["cash"]
    );
    let year = dec["year_to_date"]["profit"].as_i64().unwrap();
    let months =
        nov["income"]["profit"].as_i64().unwrap() + dec["income"]["profit"].as_i64().unwrap();
    assert_eq!(year, months);
}

fn tool(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} (CI installs it): {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `Rp1.234.567` or `-Rp5.000` as the PDF prints an amount.
fn printed(amount: i64) -> String {
    sentra::money::Rupiah::new(amount).to_string()
}

#[test]
fn the_pdf_and_the_xlsx_say_what_the_json_says() {
    let dir = november();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("laporan-2026-11.pdf");
    let xlsx = out.path().join("laporan-2026-11.xlsx");
    let r = report(
        dir.path(),
        &[
            "--pdf",
            pdf.to_str().unwrap(),
            "--xlsx",
            xlsx.to_str().unwrap(),
        ],
    );
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    for title in [
        "Laporan Posisi Keuangan",
        "Laporan Laba Rugi",
        "Catatan atas Laporan Keuangan",
        "SAK EMKM",
        "Tapis Indah (ST07)",
        "November 2026",
    ] {
        assert!(text.contains(title), "{title} missing from:\n{text}");
    }
    for (part, names) in [
        (
            "assets",
            &[
                "cash",
                "bank",
                "receivables",
                "inventory",
                "fixed_assets",
                "total",
            ][..],
        ),
        (
            "liabilities",
            &[
                "payable_suppliers",
                "payable_producers",
                "bank_loans",
                "total",
            ],
        ),
        ("equity", &["opening", "profit", "drawings", "total"]),
    ] {
        for name in names {
            let value = r["position"][part][name].as_i64().unwrap();
            assert!(
                text.contains(&printed(value)),
                "{part}.{name} = {value} not on paper"
            );
        }
    }
    for name in [
        "revenue",
        "commission",
        "cost_of_goods",
        "gross_profit",
        "expenses",
        "profit",
    ] {
        let value = r["income"][name].as_i64().unwrap();
        assert!(text.contains(&printed(value)), "income.{name} not on paper");
    }

    // Every figure of the sheet is a number, and the JSON's.
    let script = r#"
import sys, json, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1]).active
rows = list(sheet.iter_rows(values_only=True))
assert rows[0][:3] == ("period", "statement", "key"), rows[0]
out = {}
for row in rows[1:]:
    assert isinstance(row[5], int), row
    if row[2]:
        out[row[2]] = row[5]
print(json.dumps(out))
"#;
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&xlsx)
        .output()
        .expect("python3 (CI installs openpyxl)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let sheet: Value = serde_json::from_slice(&output.stdout).unwrap();
    let keys = sheet.as_object().unwrap();
    assert!(keys.len() >= 20, "{sheet}");
    for (key, value) in keys {
        let mut figure = &r;
        for part in key.split('.') {
            figure = &figure[part];
        }
        assert_eq!(figure, value, "{key}");
    }
}

#[test]
fn bad_register_input_says_one_line_and_changes_nothing() {
    let dir = november();
    let d = dir.path();
    let cases: [(&[&str], &str); 15] = [
        (
            &[
                "books",
                "opening",
                "--cash",
                "1",
                "--bank",
                "1",
                "--date",
                "2026-11-03",
            ],
            "PIN manajer",
        ),
        (
            &[
                "loan",
                "pay",
                "PJ-1",
                "--principal",
                "1",
                "--date",
                "2026-11-07",
            ],
            "sebelum pinjamannya diterima",
        ),
        (&["report", "month", "2026-12"], "belum tiba"),
        (
            &["supplier", "pay", "--amount", "999.999.999"],
            "utang usaha di buku hanya Rp70.000",
        ),
        (
            &["bank", "deposit", "--amount", "9.000.000"],
            "kas di buku hanya",
        ),
        (
            &["owner", "draw", "--amount", "900.000.000", "--pin", PIN],
            "bank di buku hanya",
        ),
        (
            &[
                "books",
                "opening",
                "--cash",
                "1",
                "--bank",
                "1",
                "--date",
                "2026-12-01",
            ],
            "belum tiba",
        ),
        (
            &[
                "books",
                "opening",
                "--cash",
                "1",
                "--bank",
                "1",
                "--equity",
                "999.999.999",
                "--date",
                "2026-11-02",
            ],
            "lebih besar",
        ),
        (
            &[
                "asset",
                "add",
                "--name",
                "X",
                "--cost",
                "1000",
                "--life-months",
                "0",
            ],
            "umur aset",
        ),
        (
            &[
                "asset",
                "add",
                "--name",
                "",
                "--cost",
                "1000",
                "--life-months",
                "12",
            ],
            "nama harus diisi",
        ),
        (
            &["loan", "pay", "PJ-1", "--principal", "99.000.000"],
            "lebih dari sisa pinjaman",
        ),
        (
            &["loan", "pay", "PJ-9", "--principal", "1"],
            "tidak dikenal",
        ),
        (
            &["owner", "draw", "--amount", "1000", "--pin", "0000"],
            "PIN salah",
        ),
        (&["report", "month", "2026-13"], "bulan tidak dikenal"),
        (
            &[
                "asset",
                "add",
                "--name",
                "X",
                "--cost",
                "1000",
                "--life-months",
                "12",
                "--paid",
                "kas",
            ],
            "cara bayar",
        ),
    ];
    for (args, said) in cases {
        let before = snapshot(d);
        let (ok, _, stderr) = sentra_at(d, "2026-11-30T22:00:00+07:00", args);
        assert!(!ok, "{args:?} should be refused");
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        if said != "PIN salah" {
            assert_eq!(snapshot(d), before, "{args:?} changed the book");
        }
    }
}

#[test]
fn a_cancelled_record_leaves_the_statements_and_stays_in_the_book() {
    let dir = november();
    let d = dir.path();
    let before = report(d, &[]);
    let asset = json(&at(
        d,
        "30T10:00",
        &[
            "--json",
            "asset",
            "add",
            "--name",
            "Salah ketik",
            "--cost",
            "9.000.000",
            "--life-months",
            "12",
            "--paid",
            "credit",
        ],
    ));
    let with = report(d, &[]);
    assert_ne!(with["position"], before["position"]);
    let id = asset["id"].as_str().unwrap();
    at(
        d,
        "30T10:05",
        &[
            "books",
            "cancel",
            id,
            "--reason",
            "salah ketik",
            "--pin",
            PIN,
        ],
    );
    let after = report(d, &[]);
    assert_eq!(after["position"], before["position"]);
    assert_eq!(after["income"], before["income"]);
    // Cancelled once only; the record is still there.
    let (ok, _, stderr) = sentra_at(
        d,
        "2026-11-30T10:10:00+07:00",
        &["books", "cancel", id, "--reason", "lagi", "--pin", PIN],
    );
    assert!(!ok && stderr.contains("sudah dibatalkan"), "{stderr}");
    let conn = rusqlite::Connection::open(d.join("sentra.db")).unwrap();
    let kept: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM fixed_assets WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 1);
    let edit = conn.execute("UPDATE fixed_assets SET cost = 1 WHERE id = ?1", [id]);
    assert!(edit.is_err(), "a register record is never edited");
}

/// Cash taken from the drawer for the books (goods paid from it, prive,
/// setoran) lowers what tutup kasir expects, so the drawer is not short and
/// the books do not count the money twice.
#[test]
fn cash_for_the_books_taken_from_the_drawer_is_not_a_short_drawer() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    at(
        d,
        "02T07:00",
        &[
            "init",
            "stall",
            "--code",
            "ST07",
            "--name",
            "Tapis Indah",
            "--regency",
            "1802",
            "--manager-pin",
            PIN,
        ],
    );
    at(
        d,
        "02T07:01",
        &[
            "product", "add", "--sku", "A", "--name", "A", "--price", "10000", "--cost", "6000",
        ],
    );
    at(
        d,
        "02T07:02",
        &["books", "opening", "--cash", "1.000.000", "--bank", "0"],
    );
    at(d, "02T07:03", &["day", "open", "--float", "1.000.000"]);
    at(
        d,
        "02T09:00",
        &[
            "stock", "receive", "A", "10", "--cost", "6000", "--paid", "drawer",
        ],
    );
    at(
        d,
        "02T10:00",
        &[
            "owner",
            "draw",
            "--amount",
            "100.000",
            "--from-drawer",
            "--pin",
            PIN,
        ],
    );
    at(d, "02T11:00", &["bank", "deposit", "--amount", "200.000"]);
    let day = json(&at(d, "02T12:00", &["--json", "report", "day"]));
    assert_eq!(day["cash"]["books_out"], 60_000 + 100_000 + 200_000);
    assert_eq!(day["cash"]["expected"], 640_000);
    let close = json(&at(
        d,
        "02T21:00",
        &["--json", "day", "close", "--counted-cash", "640.000"],
    ));
    assert_eq!(close["cash"]["difference"], 0, "{close}");
    let r = report(d, &[]);
    assert_eq!(r["position"]["assets"]["cash"], 640_000);
    assert_eq!(r["position"]["assets"]["bank"], 200_000);
    assert_eq!(r["income"]["expenses"], 0);
}

/// What records before the saldo awal leave owed (kasbon, a supplier's
/// credit, a producer's share) is brought in; paid after it, it is gone.
#[test]
fn balances_owed_before_the_opening_are_brought_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let on = |when: &str, args: &[&str]| {
        let now = format!("2026-{when}:00+07:00");
        let (ok, stdout, stderr) = sentra_at(d, &now, args);
        assert!(ok, "sentra {args:?} at {now}: {stderr}");
        stdout
    };
    on(
        "10-05T07:00",
        &[
            "init",
            "stall",
            "--code",
            "ST07",
            "--name",
            "Tapis Indah",
            "--regency",
            "1802",
            "--manager-pin",
            PIN,
        ],
    );
    on(
        "10-05T07:01",
        &[
            "product", "add", "--sku", "A", "--name", "A", "--price", "10000", "--cost", "6000",
        ],
    );
    on(
        "10-05T07:02",
        &[
            "producer",
            "add",
            "--code",
            "P1",
            "--name",
            "Ibu Sari",
            "--regency",
            "1806",
        ],
    );
    on(
        "10-05T07:03",
        &[
            "product",
            "add",
            "--sku",
            "T",
            "--name",
            "T",
            "--price",
            "50000",
            "--producer",
            "P1",
            "--consign-price",
            "40000",
        ],
    );
    on(
        "10-05T07:04",
        &["consign", "receive", "P1", "--item", "T=2"],
    );
    on(
        "10-05T07:05",
        &[
            "stock", "receive", "A", "20", "--cost", "6000", "--paid", "credit",
        ],
    );
    on(
        "10-05T07:06",
        &[
            "customer", "add", "--code", "C1", "--name", "Bu Siti", "--limit", "100000", "--pin",
            PIN,
        ],
    );
    on(
        "10-05T10:00",
        &[
            "sale",
            "--item",
            "A=5",
            "--customer",
            "C1",
            "--pay",
            "kasbon=50000",
        ],
    );
    on(
        "10-05T10:10",
        &["sale", "--item", "T=1", "--pay", "cash=50000"],
    );
    on(
        "11-01T07:00",
        &[
            "books",
            "opening",
            "--cash",
            "50.000",
            "--bank",
            "200.000",
            "--date",
            "2026-11-01",
        ],
    );
    let json_at = |when: &str| {
        let now = format!("2026-{when}:00+07:00");
        json(&sentra_at(d, &now, &["--json", "report", "month", "2026-11"]).1)
    };
    let before = json_at("11-01T08:00");
    let (a, l) = (
        &before["position"]["assets"],
        &before["position"]["liabilities"],
    );
    assert_eq!(a["receivables"], 50_000);
    assert_eq!(l["payable_suppliers"], 120_000);
    assert_eq!(l["payable_producers"], 40_000);
    // Kas, bank and the stock at cost are the saldo awal's; modal is what
    // is left: 50.000 + 200.000 + 15 × 6.000 + 50.000 − 120.000 − 40.000.
    assert_eq!(a["inventory"], 15 * 6_000);
    assert_eq!(before["position"]["equity"]["total"], 230_000);
    on(
        "11-02T10:00",
        &[
            "customer", "pay", "C1", "--amount", "50.000", "--method", "cash",
        ],
    );
    on(
        "11-02T10:10",
        &[
            "consign", "pay", "P1", "--amount", "40.000", "--method", "cash", "--pin", PIN,
        ],
    );
    // More than the kas holds is refused; from the bank it is paid.
    let (ok, _, stderr) = sentra_at(
        d,
        "2026-11-02T10:20:00+07:00",
        &["supplier", "pay", "--amount", "120.000", "--from-drawer"],
    );
    assert!(
        !ok && stderr.contains("kas di buku hanya Rp60.000"),
        "{stderr}"
    );
    on("11-02T10:21", &["supplier", "pay", "--amount", "120.000"]);
    let after = json_at("11-02T11:00");
    let (a, l) = (
        &after["position"]["assets"],
        &after["position"]["liabilities"],
    );
    assert_eq!(a["receivables"], 0);
    assert_eq!(l["payable_suppliers"], 0);
    assert_eq!(l["payable_producers"], 0);
    assert_eq!(a["cash"], 50_000 + 50_000 - 40_000);
    assert_eq!(a["bank"], 200_000 - 120_000);
}

/// HPP by moving weighted average: persediaan follows the stock at cost
/// (to the rupiah or so of rounding), whatever order goods come and go in.
#[test]
fn persediaan_is_the_stock_at_its_average_cost() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    at(
        d,
        "02T07:00",
        &[
            "init",
            "stall",
            "--code",
            "ST07",
            "--name",
            "Tapis Indah",
            "--regency",
            "1802",
            "--manager-pin",
            PIN,
        ],
    );
    at(
        d,
        "02T07:01",
        &[
            "product", "add", "--sku", "A", "--name", "A", "--price", "5000",
        ],
    );
    let steps: [(&str, &[&str]); 5] = [
        (
            "02T08:00",
            &[
                "stock", "receive", "A", "10", "--cost", "1000", "--paid", "bank",
            ],
        ),
        (
            "02T08:01",
            &[
                "stock", "receive", "A", "10", "--cost", "3000", "--paid", "bank",
            ],
        ),
        (
            "02T09:00",
            &["sale", "--item", "A=10", "--pay", "cash=50000"],
        ),
        (
            "02T09:01",
            &[
                "stock", "receive", "A", "1", "--cost", "100", "--paid", "bank",
            ],
        ),
        (
            "02T10:00",
            &["sale", "--item", "A=6", "--pay", "cash=30000"],
        ),
    ];
    for (when, args) in steps {
        at(d, when, args);
    }
    let r = report(d, &[]);
    // 10 at 1.000 and 10 at 3.000: 2.000 each; 10 sold (20.000); one more at
    // 100: (10 × 2.000 + 100) / 11 = 1.827; 6 sold (10.962); 5 left.
    assert_eq!(r["income"]["cost_of_goods"], 20_000 + 6 * 1_827);
    let inventory = r["position"]["assets"]["inventory"].as_i64().unwrap();
    assert!((inventory - 5 * 1_827).abs() <= 3, "{inventory}");
}

/// The month's files are all checked before any is written.
#[test]
fn a_bad_output_path_writes_no_file_at_all() {
    let dir = november();
    let d = dir.path();
    let out = tempfile::tempdir().unwrap();
    let path = |name: &str| out.path().join(name).display().to_string();
    let (same, txt, pdf) = (path("same.xlsx"), path("out.txt"), path("ok.pdf"));
    let missing = "/no/such/folder/x.xlsx".to_string();
    let cases: [(Vec<&str>, &str); 3] = [
        (vec!["--pdf", &same, "--xlsx", &same], "berkas yang sama"),
        (vec!["--xlsx", &txt], "berakhiran .xlsx"),
        (vec!["--pdf", &pdf, "--xlsx", &missing], "/no/such/folder"),
    ];
    for (extra, said) in cases {
        let mut args = vec!["report", "month", "2026-11"];
        args.extend(extra.iter().copied());
        let (ok, _, stderr) = sentra_at(d, "2026-11-30T22:00:00+07:00", &args);
        assert!(!ok, "{args:?}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        let written: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
        assert!(written.is_empty(), "{args:?} left {written:?}");
    }
}
