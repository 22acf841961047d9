//! A whole centre's month: 100 stalls × 30 days of demo-sized daily exports,
//! imported from one folder in one command.

mod common;

use common::*;
use ed25519_dalek::SigningKey;
use sentra::sync::file::{seal, to_hex};
use sentra::sync::format::*;
use time::{Date, Duration};

const STALLS: usize = 100;
const DAYS: i64 = 30;
const SALES_PER_DAY: i64 = 20;

/// One stall's export for one day, as its till would write it: about twenty
/// sales of one to three lines, paid cash or QRIS, and the day's close.
fn daily_export(stall: usize, key: &SigningKey, day: Date, first_seq: i64) -> (ExportContent, i64) {
    let code = format!("S{stall:03}");
    let regency = sentra::domain::regency::REGENCIES[stall % 15].code;
    let mut seq = first_seq;
    let mut sales = Vec::new();
    let mut cash = 0;
    for n in 0..SALES_PER_DAY {
        let lines: Vec<SaleLineRecord> = (0..(n % 3 + 1))
            .map(|l| {
                let price = 10_000 + 5_000 * ((stall as i64 + n + l) % 7);
                SaleLineRecord {
                    line_no: l + 1,
                    sku: format!("P{:02}", (n + l) % 12),
                    name: format!("Produk {:02}", (n + l) % 12),
                    category: ["Keripik", "Kopi", "Batik", "Tapis"][((n + l) % 4) as usize].into(),
                    unit: "pcs".into(),
                    unit_price: price,
                    quantity_milli: 1_000,
                    gross: price,
                    line_discount: 0,
                    sale_discount_share: 0,
                    net: price,
                }
            })
            .collect();
        let total: i64 = lines.iter().map(|l| l.net).sum();
        let method = if n % 2 == 0 { "cash" } else { "qris" };
        if method == "cash" {
            cash += total;
        }
        sales.push(SaleRecord {
            id: uuid::Uuid::now_v7().to_string(),
            seq,
            receipt: format!("{code}-{}-{:04}", day.to_string().replace('-', ""), n + 1),
            day: day.to_string(),
            created_at: format!("{day}T{:02}:{:02}:00+07:00", 8 + n / 2, (n % 2) * 30),
            subtotal: total,
            line_discounts: 0,
            sale_discount: 0,
            tax: 0,
            total,
            lines,
            payments: vec![PaymentRecord {
                method: method.into(),
                amount: total,
                tendered: total,
                reference: None,
                customer: None,
            }],
        });
        seq += 1;
    }
    let close = DayCloseRecord {
        id: uuid::Uuid::now_v7().to_string(),
        seq,
        day: day.to_string(),
        created_at: format!("{day}T21:00:00+07:00"),
        opening_float: 0,
        cash_in: cash,
        cash_out: 0,
        expected: cash,
        counted: cash,
        difference: 0,
        sales_count: SALES_PER_DAY,
        net_total: sales.iter().map(|s| s.total).sum(),
        producer_payouts: 0,
        kasbon_repayments: 0,
        drawer_expenses: 0,
        books_out: 0,
    };
    let content = sentra::sync::export::with_products(ExportContent {
        export_id: uuid::Uuid::now_v7().to_string(),
        created_at: format!("{day}T21:01:00+07:00"),
        stall: StallInfo {
            code,
            name: format!("Toko {stall}"),
            owner: None,
            regency,
            regency_kemendagri: None,
            public_key: to_hex(key.verifying_key().as_bytes()),
            struk_key: Some(
                sentra::domain::struk_check::StrukKey::from_secret(&key.to_bytes()).to_hex(),
            ),
            struk_keyed_since: Some("2026-01-01T00:00:00+07:00".into()),
        },
        sequence: SequenceRange {
            from: first_seq,
            to: seq,
        },
        products: Vec::new(),
        sales,
        voids: Vec::new(),
        returns: Vec::new(),
        day_closes: vec![close],
        events: Vec::new(),
        producers: Vec::new(),
        consigned_lines: Vec::new(),
        payouts: Vec::new(),
        repayments: Vec::new(),
        expenses: Vec::new(),
        prices: Vec::new(),
    });
    (content, seq + 1)
}

#[test]
fn a_hundred_stalls_for_thirty_days_import_in_one_command() {
    let folder = tempfile::tempdir().unwrap();
    let first_day = NOW.date() - Duration::days(DAYS - 1);
    let mut expected_net = 0i64;
    for stall in 0..STALLS {
        let key = SigningKey::from_bytes(&[stall as u8 + 1; 32]);
        let stall_folder = folder.path().join(format!("S{stall:03}"));
        std::fs::create_dir_all(&stall_folder).unwrap();
        let mut seq = 1;
        for offset in 0..DAYS {
            let day = first_day + Duration::days(offset);
            let (content, next) = daily_export(stall, &key, day, seq);
            if day == NOW.date() {
                expected_net += content.sales.iter().map(|s| s.total).sum::<i64>();
            }
            seq = next;
            let name = format!(
                "sentra-{}-{}-{:07}-{:07}.sentra",
                content.stall.code, day, content.sequence.from, content.sequence.to
            );
            std::fs::write(stall_folder.join(name), seal(&content, &key)).unwrap();
        }
    }
    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &["init", "office", "--name", "Sentra UMKM Lampung"],
    );
    let out = sentra_ok(office.path(), &["import", folder.path().to_str().unwrap()]);
    assert_eq!(
        out.lines().filter(|l| l.contains(": diimpor (")).count(),
        STALLS * DAYS as usize
    );
    assert!(out.contains("21 catatan baru, 0 sudah ada"));

    let report: serde_json::Value = serde_json::from_str(&sentra_ok(
        office.path(),
        &["--json", "report", "centre", "--date", "2026-11-27"],
    ))
    .unwrap();
    assert_eq!(report["stalls"].as_array().unwrap().len(), STALLS);
    assert_eq!(report["totals"]["net"].as_i64().unwrap(), expected_net);
    assert_eq!(
        report["totals"]["sales_count"].as_i64().unwrap(),
        STALLS as i64 * SALES_PER_DAY
    );
    let stalls: serde_json::Value =
        serde_json::from_str(&sentra_ok(office.path(), &["--json", "stalls"])).unwrap();
    assert!(
        stalls
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["gaps"].as_array().unwrap().is_empty())
    );
}
