//! The schema upgrades old books in place and is safe to apply twice.

mod common;

use common::*;
use rusqlite::Connection;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::store::migrate::{latest_version, migrate, migrate_to};
use sentra::store::{SaleItem, SaleRequest, Store};

fn version(conn: &Connection) -> u32 {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn a_version_1_book_upgrades_and_keeps_its_records() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/book-v1.sqlite",
        dir.path().join("sentra.db"),
    )
    .unwrap();
    assert_eq!(
        version(&Connection::open(dir.path().join("sentra.db")).unwrap()),
        1
    );

    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(version(store.connection()), latest_version());
    let sale = store.sale("ST01-20260105-0001").unwrap();
    assert_eq!(sale.total, rp(90_000));
    assert_eq!(sale.change, rp(10_000));
    assert_eq!(store.find_product("KPI-01").unwrap().stock, qty("18"));

    // What version 2 added now holds for the old records too.
    let error = store
        .connection()
        .execute("UPDATE sales SET total = 1", [])
        .unwrap_err();
    assert!(error.to_string().contains("append-only"));

    // And the book carries on: the sequence continues where it stopped.
    let now = time::macros::datetime!(2026-01-06 09:00 +7);
    let next = store
        .complete_sale(
            &SaleRequest {
                items: vec![SaleItem {
                    code: "KPI-01".into(),
                    quantity: qty("1"),
                    discount: None,
                }],
                discount: None,
                tenders: vec![Tender {
                    method: PaymentMethod::Qris,
                    amount: rp(45_000),
                    reference: None,
                }],
            },
            now,
        )
        .unwrap();
    assert_eq!(next.seq, 2);
    assert_eq!(next.receipt, "ST01-20260106-0001");
}

#[test]
fn migrating_twice_changes_nothing() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate_to(&mut conn, 1).unwrap();
    assert_eq!(version(&conn), 1);
    migrate(&mut conn).unwrap();
    let schema = |conn: &Connection| -> Vec<String> {
        conn.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let once = schema(&conn);
    migrate(&mut conn).unwrap();
    assert_eq!(schema(&conn), once);
    assert_eq!(version(&conn), latest_version());
}

#[test]
fn a_book_from_a_newer_program_is_refused_at_open() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut conn = Connection::open(dir.path().join("sentra.db")).unwrap();
        migrate(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
    }
    let (ok, _, stderr) = sentra(dir.path(), &["product", "list"]);
    assert!(!ok);
    assert!(stderr.contains("Sentra yang lebih baru"), "{stderr}");
}
