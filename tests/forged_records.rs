//! Well-formed records, mutated, then signed again with the stall's own key:
//! the signature is good, so only the office's rules stand between a
//! dishonest stall and the centre's figures. Each mutation is known to keep
//! the file well formed or to break it; the office must accept exactly the
//! first kind, never panic, and never change on a refused file.

mod common;

use common::*;
use proptest::prelude::*;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::office::import::import_file;
use sentra::store::{SaleItem, SaleRequest, Store};
use sentra::sync::export::export;
use sentra::sync::file::seal;
use sentra::sync::format::ExportContent;
use time::Duration;

/// Cases per run (reported in docs/reliability.md).
const CASES: u32 = 1_000;

/// A stall's real export: three sales (packs, a quarter kilo with discounts,
/// a split payment), a return and a day close; and the stall's key.
fn base() -> (tempfile::TempDir, ExportContent, ed25519_dalek::SigningKey) {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    store
        .add_product(&product("KPI-02", 150_000, Unit::Kg), NOW)
        .unwrap();
    let sale = |items: Vec<(&str, &str)>, tenders: Vec<(PaymentMethod, i64)>| SaleRequest {
        items: items
            .into_iter()
            .map(|(code, q)| SaleItem {
                code: code.into(),
                quantity: qty(q),
                discount: None,
            })
            .collect(),
        discount: None,
        tenders: tenders
            .into_iter()
            .map(|(method, amount)| Tender {
                method,
                amount: rp(amount),
                reference: None,
            })
            .collect(),
    };
    store
        .complete_sale(
            &sale(vec![("KRP-01", "3")], vec![(PaymentMethod::Cash, 50_000)]),
            NOW,
        )
        .unwrap();
    let mut split = sale(
        vec![("KRP-01", "2"), ("KPI-02", "0,25")],
        vec![
            (PaymentMethod::Qris, 20_000),
            (PaymentMethod::Cash, 100_000),
        ],
    );
    split.discount = Some(sentra::domain::discount::Discount::parse("5%").unwrap());
    let second = store.complete_sale(&split, NOW).unwrap();
    store
        .return_items(
            &second.receipt,
            &[sentra::store::ReturnItem {
                sku: "KRP-01".into(),
                quantity: qty("1"),
            }],
            &Tender {
                method: PaymentMethod::Cash,
                amount: rp(9_000),
                reference: None,
            },
            NOW,
        )
        .unwrap();
    store.close_day(rp(30_000), NOW).unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = export(&mut store, out.path(), None, NOW).unwrap().path;
    let bytes = std::fs::read(path).unwrap();
    let (content, _, _) = sentra::sync::file::open(&bytes).unwrap();
    let key = store.signing_key().unwrap();
    (dir, content, key)
}

/// A change to one record. `Keeps*` leave the file well formed; the rest
/// break exactly one rule.
#[derive(Debug, Clone)]
enum Mutation {
    KeepsTimeWithinDay(i64),
    KeepsMoreCashTendered(i64),
    KeepsName(String),
    KeepsRecomputedQuantity(i64),
    Total(i64),
    Subtotal(i64),
    Gross(usize, i64),
    Net(usize, i64),
    UnitPrice(usize, i64),
    Quantity(usize, i64),
    PaymentAmount(i64),
    Method(String),
    Day(i64),
    Id(String),
    Receipt(String),
    Refund(i64),
    ReturnQuantity(i64),
    CloseCounted(i64),
}

fn nonzero() -> impl Strategy<Value = i64> {
    prop_oneof![
        1..1_000i64,
        -1_000..-1i64,
        Just(i64::MAX / 2),
        Just(-i64::MAX / 2),
        Just(1_000_000_000_000)
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        // Earlier only: the sale's return comes after it, as on the till.
        (-180..0i64).prop_map(Mutation::KeepsTimeWithinDay),
        (1..10_000_000i64).prop_map(Mutation::KeepsMoreCashTendered),
        "[A-Za-z][A-Za-z ]{0,30}[a-z]".prop_map(Mutation::KeepsName),
        (1..50i64).prop_map(Mutation::KeepsRecomputedQuantity),
        nonzero().prop_map(Mutation::Total),
        nonzero().prop_map(Mutation::Subtotal),
        (0..2usize, nonzero()).prop_map(|(l, d)| Mutation::Gross(l, d)),
        (0..2usize, nonzero()).prop_map(|(l, d)| Mutation::Net(l, d)),
        (0..2usize, nonzero()).prop_map(|(l, d)| Mutation::UnitPrice(l, d)),
        (0..2usize, nonzero()).prop_map(|(l, d)| Mutation::Quantity(l, d)),
        nonzero().prop_map(Mutation::PaymentAmount),
        "[a-z]{1,10}"
            .prop_filter("an unknown method", |m| !matches!(
                m.as_str(),
                "cash" | "qris" | "transfer" | "card"
            ))
            .prop_map(Mutation::Method),
        prop_oneof![1..4000i64, -9000..-1i64].prop_map(Mutation::Day),
        "[a-z0-9-]{0,40}".prop_map(Mutation::Id),
        prop_oneof![
            Just("ST08-20261127-0001".to_string()),
            Just("st07-20261127-0001".to_string()),
            Just("ST07-20261128-0001".to_string()),
            Just("ST07-20261127-0000".to_string()),
            "[A-Z0-9-]{0,20}"
        ]
        .prop_map(Mutation::Receipt),
        (1..1_000_000i64).prop_map(Mutation::Refund),
        nonzero().prop_map(Mutation::ReturnQuantity),
        nonzero().prop_map(Mutation::CloseCounted),
    ]
}

fn half_up(price: i64, milli: i64) -> i64 {
    (price * milli + 500) / 1000
}

/// Applies the mutation to the second sale (two lines, a split payment);
/// returns whether the result should still be well formed.
fn apply(content: &mut ExportContent, mutation: &Mutation) -> bool {
    let sale = &mut content.sales[1];
    match mutation {
        Mutation::KeepsTimeWithinDay(minutes) => {
            // The base time is 10:00: up to 3 hours earlier stays on the same day.
            let time = time::OffsetDateTime::parse(
                &sale.created_at,
                &time::format_description::well_known::Rfc3339,
            )
            .unwrap()
                + Duration::minutes(*minutes);
            sale.created_at = time
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap();
            true
        }
        Mutation::KeepsMoreCashTendered(more) => {
            let cash = sale
                .payments
                .iter_mut()
                .find(|p| p.method == "cash")
                .unwrap();
            cash.tendered += more;
            true
        }
        Mutation::KeepsName(name) => {
            sale.lines[0].name = name.clone();
            true
        }
        Mutation::KeepsRecomputedQuantity(units) => {
            // Every figure of the sale recomputed by hand for a new quantity
            // of the first line: a consistent sale, if not the one sold.
            let line = &mut sale.lines[0];
            line.quantity_milli = units * 1000;
            line.gross = half_up(line.unit_price, line.quantity_milli);
            line.line_discount = 0;
            line.sale_discount_share = 0;
            line.net = line.gross;
            let other = &mut sale.lines[1];
            other.line_discount = 0;
            other.sale_discount_share = 0;
            other.net = other.gross;
            sale.subtotal = sale.lines.iter().map(|l| l.gross).sum();
            sale.line_discounts = 0;
            sale.sale_discount = 0;
            sale.total = sale.lines.iter().map(|l| l.net).sum();
            sale.payments.retain(|p| p.method == "cash");
            sale.payments[0].amount = sale.total;
            sale.payments[0].tendered = sale.total;
            // Its return no longer fits its figures: drop it.
            content.returns.clear();
            true
        }
        Mutation::Total(d) => {
            sale.total = sale.total.saturating_add(*d);
            false
        }
        Mutation::Subtotal(d) => {
            sale.subtotal = sale.subtotal.saturating_add(*d);
            false
        }
        Mutation::Gross(l, d) => {
            sale.lines[*l].gross = sale.lines[*l].gross.saturating_add(*d);
            false
        }
        Mutation::Net(l, d) => {
            sale.lines[*l].net = sale.lines[*l].net.saturating_add(*d);
            false
        }
        Mutation::UnitPrice(l, d) => {
            let line = &mut sale.lines[*l];
            line.unit_price = line.unit_price.saturating_add(*d);
            // A price change that rounds to the same gross is no change.
            line.unit_price > 0
                && line.unit_price <= 1_000_000_000
                && half_up(line.unit_price, line.quantity_milli) == line.gross
        }
        Mutation::Quantity(l, d) => {
            let line = &mut sale.lines[*l];
            line.quantity_milli = line.quantity_milli.saturating_add(*d);
            // Packs take whole numbers; a kilo change that rounds to the same
            // gross is no change.
            *l == 1
                && line.quantity_milli > 0
                && line.quantity_milli <= 100_000_000
                && half_up(line.unit_price, line.quantity_milli) == line.gross
        }
        Mutation::PaymentAmount(d) => {
            sale.payments[0].amount = sale.payments[0].amount.saturating_add(*d);
            sale.payments[0].tendered = sale.payments[0].amount;
            false
        }
        Mutation::Method(method) => {
            sale.payments[0].method = method.clone();
            false
        }
        Mutation::Day(d) => {
            let day = sentra::clock::parse_day(&sale.day).unwrap() + Duration::days(*d);
            sale.day = day.to_string();
            false
        }
        Mutation::Id(id) => {
            sale.id = id.clone();
            false
        }
        Mutation::Receipt(receipt) => {
            sale.receipt = receipt.clone();
            false
        }
        Mutation::Refund(more) => {
            content.returns[0].refund += more + 1_000;
            false
        }
        Mutation::ReturnQuantity(d) => {
            let line = &mut content.returns[0].lines[0];
            line.quantity_milli = line.quantity_milli.saturating_add(*d);
            false
        }
        Mutation::CloseCounted(d) => {
            content.day_closes[0].counted = content.day_closes[0].counted.saturating_add(*d);
            false
        }
    }
}

fn office() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.init_office("Sentra UMKM Lampung", None, NOW).unwrap();
    (dir, store)
}

#[test]
fn the_office_accepts_a_signed_file_only_if_every_record_holds() {
    let (_stall, content, key) = base();
    let (office_dir, shared) = office();
    let shared = std::cell::RefCell::new(shared);
    // The untouched file is well formed.
    {
        let (_dir, mut fresh) = office();
        let files = tempfile::tempdir().unwrap();
        let path = files.path().join("base.sentra");
        std::fs::write(&path, seal(&content, &key)).unwrap();
        import_file(&mut fresh, &path, NOW).unwrap();
    }
    let files = tempfile::tempdir().unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let kept = std::cell::Cell::new(0);
    let broken = std::cell::Cell::new(0);
    runner
        .run(&mutation(), |mutation| {
            let mut forged = content.clone();
            forged.export_id = uuid::Uuid::now_v7().to_string();
            let well_formed = apply(&mut forged, &mutation);
            let path = files.path().join("forged.sentra");
            std::fs::write(&path, seal(&forged, &key)).unwrap();
            // A fresh office for what should be accepted; the shared one
            // (which never accepts anything) for what should be refused.
            if well_formed {
                let (_dir, mut fresh) = office();
                let result = import_file(&mut fresh, &path, NOW);
                prop_assert!(result.is_ok(), "{mutation:?} refused: {:?}", result.err());
                kept.set(kept.get() + 1);
            } else {
                let before = snapshot(office_dir.path());
                let result = import_file(&mut shared.borrow_mut(), &path, NOW);
                prop_assert!(result.is_err(), "{mutation:?} accepted");
                prop_assert_eq!(snapshot(office_dir.path()), before);
                broken.set(broken.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    // Both kinds were really tried.
    let (kept, broken) = (kept.get(), broken.get());
    assert!(
        kept > CASES / 20 && broken > CASES / 2,
        "kept {kept}, broken {broken}"
    );
}
