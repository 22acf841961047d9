//! The book's promises: stock is the sum of its ledger, voids and returns put
//! stock back once, the sequence has no gaps, days close, the PIN locks.

mod common;

use common::*;
use rusqlite::Connection;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::money::Quantity;
use sentra::store::{ProductFilter, ProductOrder, SaleItem, SaleRequest, Store, StoreError};
use time::Duration;

fn cash(amount: i64) -> Vec<Tender> {
    vec![Tender {
        method: PaymentMethod::Cash,
        amount: rp(amount),
        reference: None,
    }]
}

fn sell(store: &mut Store, items: &[(&str, &str)], pay: i64) -> sentra::store::CompletedSale {
    let request = SaleRequest {
        items: items
            .iter()
            .map(|(code, q)| SaleItem {
                code: (*code).into(),
                quantity: qty(q),
                discount: None,
            })
            .collect(),
        discount: None,
        tenders: cash(pay),
    };
    store.complete_sale(&request, NOW).unwrap()
}

fn ledger_sum(store: &Store, sku: &str) -> Quantity {
    let milli: i64 = store
        .connection()
        .query_row(
            "SELECT COALESCE(SUM(m.quantity), 0) FROM stock_movements m JOIN products p ON p.id = m.product_id WHERE p.sku = ?1",
            [sku],
            |r| r.get(0),
        )
        .unwrap();
    Quantity::from_milli(milli)
}

fn sequence_numbers(store: &Store) -> Vec<i64> {
    let mut statement = store
        .connection()
        .prepare(
            "SELECT seq FROM sales UNION ALL SELECT seq FROM voids UNION ALL SELECT seq FROM returns
             UNION ALL SELECT seq FROM day_closes UNION ALL SELECT seq FROM book_events ORDER BY 1",
        )
        .unwrap();
    statement
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn stock_is_the_sum_of_every_kind_of_movement() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("KRP", 55_000, Unit::Kg), NOW)
        .unwrap();
    store
        .receive_stock(
            "KRP",
            qty("10"),
            Some(rp(36_000)),
            Some("dari Pringsewu"),
            NOW,
        )
        .unwrap();
    store
        .adjust_stock("KRP", qty("-0.25"), "tumpah", NOW)
        .unwrap();
    let sale = sell(&mut store, &[("KRP", "1.5"), ("KRP", "0.5")], 200_000);
    let voided = sell(&mut store, &[("KRP", "2")], 200_000);
    store
        .void_sale(&voided.receipt, "salah input", PIN, NOW)
        .unwrap();
    let refund = Tender {
        method: PaymentMethod::Cash,
        amount: rp(27_500),
        reference: None,
    };
    store
        .return_items(
            &sale.receipt,
            &[sentra::store::ReturnItem {
                sku: "KRP".into(),
                quantity: qty("0.5"),
            }],
            &refund,
            NOW,
        )
        .unwrap();
    let difference = store.count_stock("KRP", qty("8"), NOW).unwrap();
    // 10 − 0,25 − 2 + 0,5 = 8,25 in the book; counted 8.
    assert_eq!(difference, qty("-0.25"));

    let product = store.find_product("KRP").unwrap();
    assert_eq!(product.stock, qty("8"));
    assert_eq!(product.stock, ledger_sum(&store, "KRP"));
    assert_eq!(product.cost, Some(rp(36_000)));
    let ledger = store.ledger("KRP").unwrap();
    let kinds: Vec<&str> = ledger.iter().map(|m| m.kind.key()).collect();
    assert_eq!(
        kinds,
        [
            "receive", "adjust", "sale", "sale", "sale", "void", "return", "count"
        ]
    );
    assert_eq!(ledger.last().unwrap().balance, qty("8"));
}

#[test]
fn a_void_restores_stock_once() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    store
        .receive_stock("A", qty("10"), None, None, NOW)
        .unwrap();
    let sale = sell(&mut store, &[("A", "3")], 30_000);
    assert_eq!(store.find_product("A").unwrap().stock, qty("7"));
    store
        .void_sale(&sale.receipt, "pembeli batal", PIN, NOW)
        .unwrap();
    assert_eq!(store.find_product("A").unwrap().stock, qty("10"));
    assert!(store.sale(&sale.receipt).unwrap().voided);
    let again = store.void_sale(&sale.receipt, "lagi", PIN, NOW);
    assert!(
        matches!(again, Err(StoreError::AlreadyVoided(_))),
        "{again:?}"
    );
    assert_eq!(store.find_product("A").unwrap().stock, qty("10"));
    // The voided sale drops out of the day.
    let report = store.day_report(NOW.date()).unwrap();
    assert_eq!(report.sales_count, 0);
    assert_eq!(report.voids_count, 1);
    assert_eq!(report.cash.cash_in, rp(0));
}

#[test]
fn a_partial_return_restores_what_came_back_and_no_more() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    store
        .add_product(&product("B", 25_000, Unit::Pcs), NOW)
        .unwrap();
    let sale = sell(&mut store, &[("A", "3"), ("B", "1")], 55_000);
    let refund = |amount| Tender {
        method: PaymentMethod::Cash,
        amount: rp(amount),
        reference: None,
    };
    let item = |q: &str| sentra::store::ReturnItem {
        sku: "A".into(),
        quantity: qty(q),
    };
    let record = store
        .return_items(&sale.receipt, &[item("2")], &refund(20_000), NOW)
        .unwrap();
    assert_eq!(record.worth, rp(20_000));
    assert_eq!(store.find_product("A").unwrap().stock, qty("-1"));
    let too_many = store.return_items(&sale.receipt, &[item("2")], &refund(10_000), NOW);
    assert!(
        matches!(too_many, Err(StoreError::ReturnTooMuch { .. })),
        "{too_many:?}"
    );
    // More than half the sale's money back in all: the manager's PIN.
    let with_pin = |store: &mut sentra::store::Store, amount| {
        store.return_items_with(
            &sale.receipt,
            &[item("1")],
            &[refund(amount)],
            Some(PIN),
            NOW,
        )
    };
    let too_much_money = with_pin(&mut store, 10_001);
    assert!(
        matches!(too_much_money, Err(StoreError::RefundTooMuch { .. })),
        "{too_much_money:?}"
    );
    with_pin(&mut store, 10_000).unwrap();
    assert_eq!(store.find_product("A").unwrap().stock, qty("0"));
    let nothing_left = store.return_items(&sale.receipt, &[item("1")], &refund(0), NOW);
    assert!(matches!(
        nothing_left,
        Err(StoreError::ReturnTooMuch { .. })
    ));
    // A sale with returns can no longer be voided.
    let void = store.void_sale(&sale.receipt, "x", PIN, NOW);
    assert!(matches!(void, Err(StoreError::VoidAfterReturn(_))));
    let report = store.day_report(NOW.date()).unwrap();
    assert_eq!(report.returns_total, rp(30_000));
    assert_eq!(report.takings, rp(25_000));
    assert_eq!(report.cash.cash_out, rp(30_000));
}

#[test]
fn returning_a_line_in_parts_refunds_exactly_the_line() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    let request = SaleRequest {
        items: vec![SaleItem {
            code: "A".into(),
            quantity: qty("3"),
            discount: None,
        }],
        discount: Some(sentra::domain::discount::Discount::Amount(rp(1_000))),
        tenders: cash(29_000),
    };
    let sale = store.complete_sale(&request, NOW).unwrap();
    let mut worth = 0;
    for _ in 0..3 {
        let item = sentra::store::ReturnItem {
            sku: "A".into(),
            quantity: qty("1"),
        };
        let refund = Tender {
            method: PaymentMethod::Qris,
            amount: rp(0),
            reference: None,
        };
        worth += store
            .return_items(&sale.receipt, &[item], &refund, NOW)
            .unwrap()
            .worth
            .value();
    }
    assert_eq!(worth, 29_000);
}

#[test]
fn the_sequence_has_no_gaps_even_after_refusals() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    let first = sell(&mut store, &[("A", "1")], 10_000);
    // Refused attempts take no number.
    let short = SaleRequest {
        items: vec![SaleItem {
            code: "A".into(),
            quantity: qty("1"),
            discount: None,
        }],
        discount: None,
        tenders: cash(9_999),
    };
    assert!(store.complete_sale(&short, NOW).is_err());
    assert!(store.void_sale(&first.receipt, "x", "9999", NOW).is_err());
    sell(&mut store, &[("A", "2")], 20_000);
    store.void_sale(&first.receipt, "salah", PIN, NOW).unwrap();
    let second = sell(&mut store, &[("A", "1")], 10_000);
    let refund = Tender {
        method: PaymentMethod::Cash,
        amount: rp(5_000),
        reference: None,
    };
    let whole = [sentra::store::ReturnItem {
        sku: "A".into(),
        quantity: qty("1"),
    }];
    // Money back for the whole sale without the manager takes no number.
    assert!(
        store
            .return_items(&second.receipt, &whole, &refund, NOW)
            .is_err()
    );
    store
        .return_items_with(
            &second.receipt,
            &[sentra::store::ReturnItem {
                sku: "A".into(),
                quantity: qty("1"),
            }],
            std::slice::from_ref(&refund),
            Some(PIN),
            NOW,
        )
        .unwrap();
    store.close_day(rp(0), NOW).unwrap();
    let numbers = sequence_numbers(&store);
    // Five records, the wrong PIN's trail and the manager's approval of the
    // whole refund, numbered without a gap.
    assert_eq!(numbers, (1..=numbers.len() as i64).collect::<Vec<i64>>());
    assert_eq!(numbers.len(), 8);
}

#[test]
fn a_closed_day_takes_no_sale_until_the_manager_reopens_it() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    store.open_day(rp(200_000), NOW).unwrap();
    sell(&mut store, &[("A", "2")], 50_000);
    let close = store.close_day(rp(215_000), NOW).unwrap();
    assert_eq!(close.cash.expected, rp(220_000));
    assert_eq!(close.cash.difference, rp(-5_000));
    let request = SaleRequest {
        items: vec![SaleItem {
            code: "A".into(),
            quantity: qty("1"),
            discount: None,
        }],
        discount: None,
        tenders: cash(10_000),
    };
    assert!(matches!(
        store.complete_sale(&request, NOW),
        Err(StoreError::DayClosed(_))
    ));
    assert!(store.reopen_day(NOW.date(), "0000", NOW).is_err());
    store.reopen_day(NOW.date(), PIN, NOW).unwrap();
    store.complete_sale(&request, NOW).unwrap();
    // Tomorrow is a new day whatever today's state.
    store.close_day(rp(230_000), NOW).unwrap();
    assert!(
        store
            .complete_sale(&request, NOW + Duration::days(1))
            .is_ok()
    );
}

#[test]
fn five_wrong_pins_lock_for_five_minutes_across_restarts() {
    let (dir, store) = new_stall();
    drop(store);
    for _ in 0..4 {
        let mut store = Store::open(dir.path()).unwrap();
        assert!(matches!(
            store.verify_pin("0000", NOW),
            Err(StoreError::Pin(_))
        ));
    }
    let mut store = Store::open(dir.path()).unwrap();
    let fifth = store.verify_pin("0000", NOW).unwrap_err().to_string();
    assert!(fifth.contains("terkunci"), "{fifth}");
    drop(store);
    let mut store = Store::open(dir.path()).unwrap();
    let locked = store
        .verify_pin(PIN, NOW + Duration::minutes(4))
        .unwrap_err()
        .to_string();
    assert!(locked.contains("terkunci sampai 10:05"), "{locked}");
    store.verify_pin(PIN, NOW + Duration::minutes(5)).unwrap();
    // The PIN itself is nowhere in the book.
    let hash: String = store
        .connection()
        .query_row("SELECT hash FROM manager_pin", [], |r| r.get(0))
        .unwrap();
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PIN));
}

#[test]
fn held_sales_come_back_whole() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Kg), NOW)
        .unwrap();
    let items = vec![SaleItem {
        code: "A".into(),
        quantity: qty("1.25"),
        discount: Some(sentra::domain::discount::Discount::Percent(1_000)),
    }];
    let id = store.hold_sale("Bu Sari", &items, None, NOW).unwrap();
    let held = store.held_sales().unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].label, "Bu Sari");
    let resumed = store.resume_held(id).unwrap();
    assert_eq!(resumed.held.items, items);
    assert_eq!(resumed.products[0].sku, "A");
    assert!(store.held_sales().unwrap().is_empty());
    assert!(store.resume_held(id).is_err());
}

#[test]
fn a_held_cart_whose_product_changed_its_sku_stays_held() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    let items = vec![SaleItem {
        code: "A".into(),
        quantity: qty("2"),
        discount: None,
    }];
    let id = store.hold_sale("", &items, None, NOW).unwrap();
    store
        .update_product("A", &product("A-2", 10_000, Unit::Pcs), NOW)
        .unwrap();
    let refused = store.resume_held(id).unwrap_err();
    assert!(matches!(refused, StoreError::UnknownProduct(ref code) if code == "A"));
    assert_eq!(
        store.held_sales().unwrap().len(),
        1,
        "the cart is still held"
    );
}

#[test]
fn a_second_program_on_the_same_folder_is_refused() {
    let (dir, _store) = new_stall();
    let second = Store::open(dir.path());
    assert!(matches!(second, Err(StoreError::AlreadyOpen(_))));
    let (ok, _, stderr) = sentra(dir.path(), &["product", "list"]);
    assert!(!ok);
    assert!(
        stderr.contains("sedang dipakai program Sentra lain"),
        "{stderr}"
    );
}

#[test]
fn the_book_refuses_to_edit_history() {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    sell(&mut store, &[("A", "1")], 10_000);
    drop(store);
    let conn = Connection::open(dir.path().join("sentra.db")).unwrap();
    for sql in [
        "UPDATE sales SET total = 1",
        "DELETE FROM sales",
        "UPDATE sale_lines SET net = 1",
        "DELETE FROM payments",
        "UPDATE stock_movements SET quantity = 0",
        "DELETE FROM stock_movements",
    ] {
        let error = conn.execute(sql, []).unwrap_err().to_string();
        assert!(error.contains("append-only"), "{sql}: {error}");
    }
}

#[test]
fn pragmas_make_every_commit_durable() {
    let (_dir, store) = new_stall();
    let conn = store.connection();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let sync: i64 = conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let keys: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!((mode.as_str(), sync, keys), ("wal", 2, 1));
}

#[test]
fn the_days_turnover_kept_by_triggers_matches_the_records() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    let kept = sell(&mut store, &[("A", "3")], 30_000);
    let voided = sell(&mut store, &[("A", "1")], 10_000);
    store.void_sale(&voided.receipt, "salah", PIN, NOW).unwrap();
    let refund = Tender {
        method: PaymentMethod::Cash,
        amount: rp(8_000),
        reference: None,
    };
    store
        .return_items(
            &kept.receipt,
            &[sentra::store::ReturnItem {
                sku: "A".into(),
                quantity: qty("1"),
            }],
            &refund,
            NOW,
        )
        .unwrap();
    let tomorrow = SaleRequest {
        items: vec![SaleItem {
            code: "A".into(),
            quantity: qty("2"),
            discount: None,
        }],
        discount: None,
        tenders: cash(20_000),
    };
    store
        .complete_sale(&tomorrow, NOW + Duration::days(1))
        .unwrap();
    let conn = store.connection();
    let kept_rows: Vec<(String, i64, i64)> = conn
        .prepare("SELECT day, sales, refunds FROM day_turnover ORDER BY day")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        kept_rows,
        [
            ("2026-11-27".to_string(), 30_000, 8_000),
            ("2026-11-28".to_string(), 20_000, 0)
        ]
    );
    let pph = store
        .pph_estimate((NOW + Duration::days(1)).date())
        .unwrap();
    assert_eq!(pph.year_turnover, rp(42_000));
}

#[test]
fn the_stock_table_is_sorted_filtered_and_cut_by_the_book() {
    let (_dir, mut store) = new_stall();
    for (sku, price, stock) in [
        ("C-1", 30_000, "5"),
        ("A-1", 10_000, "0"),
        ("B-1", 20_000, "12"),
        ("D-1", 5_000, "1"),
    ] {
        let mut new = product(sku, price, Unit::Pcs);
        new.name = format!("Barang {sku}");
        new.min_stock = qty("2");
        store.add_product(&new, NOW).unwrap();
        if stock != "0" {
            store
                .receive_stock(sku, qty(stock), None, None, NOW)
                .unwrap();
        }
    }
    let skus = |products: Vec<sentra::store::Product>| {
        products.into_iter().map(|p| p.sku).collect::<Vec<_>>()
    };
    let all = ProductFilter::default();
    let (page, total) = store
        .product_page(&all, ProductOrder::Price, true, 3)
        .unwrap();
    assert_eq!(
        (skus(page), total),
        (vec!["C-1".to_string(), "B-1".into(), "A-1".into()], 4)
    );
    let (page, _) = store
        .product_page(&all, ProductOrder::Stock, false, 10)
        .unwrap();
    assert_eq!(skus(page), ["A-1", "D-1", "C-1", "B-1"]);
    let low = ProductFilter {
        low_stock_only: true,
        ..Default::default()
    };
    let (page, total) = store
        .product_page(&low, ProductOrder::Name, false, 10)
        .unwrap();
    assert_eq!(
        (skus(page), total),
        (vec!["A-1".to_string(), "D-1".into()], 2)
    );
    let search = ProductFilter {
        search: Some("b-1".into()),
        ..Default::default()
    };
    assert_eq!(
        store
            .product_page(&search, ProductOrder::Sku, false, 10)
            .unwrap()
            .1,
        1
    );
}

#[test]
fn a_long_cart_is_written_whole() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 1_000, Unit::Pcs), NOW)
        .unwrap();
    let items: Vec<SaleItem> = (0..250)
        .map(|_| SaleItem {
            code: "A".into(),
            quantity: qty("1"),
            discount: None,
        })
        .collect();
    let request = SaleRequest {
        items,
        discount: None,
        tenders: cash(250_000),
    };
    let sale = store.complete_sale(&request, NOW).unwrap();
    let stored = store.sale(&sale.receipt).unwrap();
    assert_eq!(stored.lines.len(), 250);
    assert_eq!(store.find_product("A").unwrap().stock, qty("-250"));
    assert_eq!(store.ledger("A").unwrap().len(), 250);
}
