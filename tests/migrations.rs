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

    // Its struks carry the keyed check from the update on; the ones before
    // it (made in January) carry the old one.
    let (_, since) = store.struk_key().unwrap();
    let since = sentra::clock::parse_stamp(&since).expect("a time");
    assert!(
        since > time::macros::datetime!(2026-01-05 23:59 +7),
        "{since}"
    );

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

#[test]
fn migrations_14_and_16_keep_each_products_stock_and_the_low_count() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate_to(&mut conn, 13).unwrap();
    let product = |id: &str, sku: &str| {
        format!(
            "INSERT INTO products (id, sku, name, unit, category, price, min_stock, created_at, updated_at)
             VALUES ('{id}', '{sku}', 'Barang {sku}', 'pcs', 'Uji', 1000, 2000,
                     '2026-01-05T07:00:00+07:00', '2026-01-05T07:00:00+07:00');"
        )
    };
    let movement = |id: &str, product: &str, kind: &str, quantity: i64| {
        format!(
            "INSERT INTO stock_movements (id, product_id, kind, quantity, created_at)
             VALUES ('{id}', '{product}', '{kind}', {quantity}, '2026-01-05T07:05:00+07:00');"
        )
    };
    conn.execute_batch(
        &[
            product("p1", "A"),
            product("p2", "B"),
            product("p3", "C"),
            movement("m1", "p1", "receive", 5_000),
            movement("m2", "p1", "sale", -1_500),
            movement("m3", "p2", "count", 2_000),
        ]
        .concat(),
    )
    .unwrap();
    migrate(&mut conn).unwrap();
    let stock = |conn: &Connection| -> Vec<(String, i64, i64)> {
        conn.prepare(
            "SELECT sku, stock, (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements m
                                 WHERE m.product_id = p.id)
             FROM products p ORDER BY sku",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    assert_eq!(
        stock(&conn),
        [
            ("A".to_string(), 3_500, 3_500),
            ("B".into(), 2_000, 2_000),
            ("C".into(), 0, 0)
        ]
    );
    // A row written afterwards, even by hand, moves the figure with it.
    conn.execute_batch(&movement("m4", "p3", "adjust", -250))
        .unwrap();
    assert_eq!(stock(&conn)[2], ("C".to_string(), -250, -250));
    // The search index still follows a renamed product (its trigger now
    // fires only when a searched column changes).
    conn.execute("UPDATE products SET name = 'Gula Aren' WHERE id = 'p2'", [])
        .unwrap();
    let found: String = conn
        .query_row(
            "SELECT p.sku FROM products_fts f JOIN products p ON p.rowid = f.rowid
             WHERE products_fts MATCH 'aren'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, "B");
    // Migration 16 counts the low products already there (min 2 each: A at
    // 3.5 is not low; B at 2 and C at -0.25 are) and follows every crossing.
    let low = |conn: &Connection| -> i64 {
        conn.query_row("SELECT low FROM product_counts", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(low(&conn), 2);
    conn.execute_batch(&movement("m5", "p2", "receive", 1_000))
        .unwrap();
    assert_eq!(low(&conn), 1);
    conn.execute("UPDATE products SET min_stock = 4000 WHERE id = 'p1'", [])
        .unwrap();
    assert_eq!(low(&conn), 2);
    conn.execute_batch(&product("p4", "D")).unwrap();
    assert_eq!(low(&conn), 3);
}

/// Migration 18 rekeys the office's records per stall: an office book of
/// version 17 keeps every sale, line, payment, return and its lines, each
/// now carrying its stall, and its NIBs get their first stall.
#[test]
fn migration_18_keeps_an_offices_records_and_gives_each_its_stall() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate_to(&mut conn, 17).unwrap();
    conn.execute_batch(
        "INSERT INTO office_stalls (code, name, regency, public_key, first_seen, last_import)
             VALUES ('ST07', 'Toko', 1802, x'00', 't', 't');
         INSERT INTO office_imports (export_id, stall_code, imported_at, file_name, seq_from, seq_to,
             new_records, known_records) VALUES ('e1', 'ST07', 't', 'f', 1, 2, 2, 0);
         INSERT INTO office_sales (id, stall_code, seq, receipt, day, created_at, subtotal, line_discounts,
             sale_discount, tax, total) VALUES ('s1', 'ST07', 1, 'R1', '2026-11-27', 't', 100, 0, 0, 0, 100);
         INSERT INTO office_sale_lines (sale_id, line_no, sku, name, category, unit, unit_price, quantity,
             gross, line_discount, sale_discount_share, net)
             VALUES ('s1', 1, 'A', 'A', 'K', 'pcs', 100, 1000, 100, 0, 0, 100);
         INSERT INTO office_payments (sale_id, line_no, method, amount, tendered)
             VALUES ('s1', 1, 'cash', 100, 100);
         INSERT INTO office_returns (id, stall_code, seq, sale_id, day, created_at, refund_method, refund)
             VALUES ('r1', 'ST07', 2, 's1', '2026-11-27', 't', 'cash', 40);
         INSERT INTO office_return_lines (return_id, line_no, quantity, amount) VALUES ('r1', 1, 400, 40);
         INSERT INTO office_producers (stall_code, code, name, regency, nib, seen_at)
             VALUES ('ST07', 'P1', 'Sari', 1806, '1234567890123', 't');",
    )
    .unwrap();
    migrate(&mut conn).unwrap();
    assert_eq!(version(&conn), latest_version());
    let stall_of = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    for table in [
        "office_imports",
        "office_sales",
        "office_sale_lines",
        "office_payments",
        "office_returns",
        "office_return_lines",
        "office_nib_owners",
    ] {
        assert_eq!(
            stall_of(&format!("SELECT stall_code FROM {table}")),
            "ST07",
            "{table}"
        );
    }
    // The same ids from another stall now fit beside them.
    conn.execute_batch(
        "INSERT INTO office_stalls (code, name, regency, public_key, first_seen, last_import)
             VALUES ('ST08', 'Toko', 1806, x'01', 't', 't');
         INSERT INTO office_sales (id, stall_code, seq, receipt, day, created_at, subtotal, line_discounts,
             sale_discount, tax, total) VALUES ('s1', 'ST08', 1, 'R1', '2026-11-27', 't', 5, 0, 0, 0, 5);
         INSERT INTO office_imports (export_id, stall_code, imported_at, file_name, seq_from, seq_to,
             new_records, known_records) VALUES ('e1', 'ST08', 't', 'f', 1, 1, 1, 0);",
    )
    .unwrap();
}

#[test]
fn migration_22_keeps_the_events_takes_a_reopen_and_stays_append_only() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate_to(&mut conn, 17).unwrap();
    conn.execute_batch(
        "INSERT INTO book_events (id, seq, day, created_at, kind, detail)
         VALUES ('e1', 1, '2026-11-27', '2026-11-27T10:00:00+07:00', 'pin_wrong', 'PIN manajer salah');",
    )
    .unwrap();
    let reopen = "INSERT INTO book_events (id, seq, day, created_at, kind, detail)
         VALUES ('e2', 2, '2026-11-27', '2026-11-27T17:00:00+07:00', 'day_reopened',
                 'hari 2026-11-27 dibuka kembali oleh manajer')";
    assert!(conn.execute(reopen, []).is_err(), "17 knows no reopen");
    migrate(&mut conn).unwrap();
    conn.execute(reopen, []).unwrap();
    let kinds: Vec<String> = conn
        .prepare("SELECT kind FROM book_events ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(kinds, ["pin_wrong", "day_reopened"]);
    assert!(conn.execute("DELETE FROM book_events", []).is_err());
    assert!(
        conn.execute("UPDATE book_events SET detail = 'x'", [])
            .is_err()
    );
}
