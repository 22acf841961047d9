//! A dozen tricky carts rung up through the real book: totals, tax and change.

mod common;

use common::*;
use sentra::domain::discount::Discount;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::store::{SaleItem, SaleRequest, Store};

struct Case {
    name: &'static str,
    tax: (&'static str, &'static str),
    items: &'static [(&'static str, &'static str, Option<&'static str>)],
    discount: Option<&'static str>,
    pay: &'static [(PaymentMethod, i64)],
    total: i64,
    tax_amount: i64,
    change: i64,
}

const NO_TAX: (&str, &str) = ("none", "11");
const EXCLUSIVE: (&str, &str) = ("exclusive", "11");
const INCLUSIVE: (&str, &str) = ("inclusive", "11");

use PaymentMethod::{Card, Cash, Qris, Transfer};

const CASES: &[Case] = &[
    Case {
        name: "two packs, cash",
        tax: NO_TAX,
        items: &[("A", "2", None)],
        discount: None,
        pay: &[(Cash, 50_000)],
        total: 20_000,
        tax_amount: 0,
        change: 30_000,
    },
    Case {
        name: "0,375 kg exact cash",
        tax: NO_TAX,
        items: &[("B", "0.375", None)],
        discount: None,
        pay: &[(Cash, 20_625)],
        total: 20_625,
        tax_amount: 0,
        change: 0,
    },
    Case {
        name: "metres and grams round half up",
        tax: NO_TAX,
        items: &[("C", "1,25", None), ("B", "0.333", None)],
        discount: None,
        pay: &[(Qris, 184_981)],
        total: 184_981,
        tax_amount: 0,
        change: 0,
    },
    Case {
        name: "line % and Rp discounts, sale discount split",
        tax: NO_TAX,
        items: &[
            ("A", "3", Some("10%")),
            ("E", "1", Some("2000")),
            ("D", "1", None),
        ],
        discount: Some("1000"),
        pay: &[(Cash, 100_000)],
        total: 50_999,
        tax_amount: 0,
        change: 49_001,
    },
    Case {
        name: "12,5% sale discount over a fraction",
        tax: NO_TAX,
        items: &[("B", "0,333", None), ("A", "1", None)],
        discount: Some("12,5%"),
        pay: &[(Cash, 25_000)],
        total: 24_776,
        tax_amount: 0,
        change: 224,
    },
    Case {
        name: "split QRIS and cash",
        tax: NO_TAX,
        items: &[("A", "15", None)],
        discount: None,
        pay: &[(Qris, 100_000), (Cash, 60_000)],
        total: 150_000,
        tax_amount: 0,
        change: 10_000,
    },
    Case {
        name: "tapis over transfer, card and cash",
        tax: NO_TAX,
        items: &[("T", "1", Some("5%"))],
        discount: None,
        pay: &[(Transfer, 2_000_000), (Card, 500_000), (Cash, 150_000)],
        total: 2_612_500,
        tax_amount: 0,
        change: 37_500,
    },
    Case {
        name: "PPN exclusive after a sale discount",
        tax: EXCLUSIVE,
        items: &[("A", "10", None)],
        discount: Some("10%"),
        pay: &[(Cash, 100_000)],
        total: 99_900,
        tax_amount: 9_900,
        change: 100,
    },
    Case {
        name: "PPN inclusive",
        tax: INCLUSIVE,
        items: &[("E", "3", None)],
        discount: None,
        pay: &[(Cash, 51_000)],
        total: 51_000,
        tax_amount: 5_054,
        change: 0,
    },
    Case {
        name: "a free line beside a paid one",
        tax: NO_TAX,
        items: &[("A", "1", Some("100%")), ("D", "1", None)],
        discount: None,
        pay: &[(Cash, 10_000)],
        total: 9_999,
        tax_amount: 0,
        change: 1,
    },
    Case {
        name: "half a metre of Rp133.333",
        tax: NO_TAX,
        items: &[("C", "0.5", None)],
        discount: None,
        pay: &[(Qris, 66_667)],
        total: 66_667,
        tax_amount: 0,
        change: 0,
    },
    Case {
        name: "two cash tenders around a card",
        tax: NO_TAX,
        items: &[("A", "7", None)],
        discount: None,
        pay: &[(Cash, 50_000), (Card, 10_000), (Cash, 20_000)],
        total: 70_000,
        tax_amount: 0,
        change: 10_000,
    },
    Case {
        name: "1,5 kg at 12,5% off, PPN exclusive",
        tax: EXCLUSIVE,
        items: &[("B", "1,5", Some("12,5%"))],
        discount: None,
        pay: &[(Cash, 100_000)],
        total: 80_128,
        tax_amount: 7_941,
        change: 19_872,
    },
];

fn stocked_stall() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_stall();
    for (sku, price, unit) in [
        ("A", 10_000, Unit::Pack),
        ("B", 55_000, Unit::Kg),
        ("C", 133_333, Unit::M),
        ("D", 9_999, Unit::Pcs),
        ("E", 17_000, Unit::Pack),
        ("T", 2_750_000, Unit::Pcs),
    ] {
        store.add_product(&product(sku, price, unit), NOW).unwrap();
    }
    (dir, store)
}

#[test]
fn tricky_carts_total_tax_and_change() {
    let (_dir, mut store) = stocked_stall();
    for case in CASES {
        store.set_setting("tax_mode", case.tax.0).unwrap();
        store.set_setting("tax_rate", case.tax.1).unwrap();
        let request = SaleRequest {
            items: case
                .items
                .iter()
                .map(|(code, quantity, discount)| SaleItem {
                    code: (*code).into(),
                    quantity: qty(quantity),
                    discount: discount.map(|d| Discount::parse(d).unwrap()),
                })
                .collect(),
            discount: case.discount.map(|d| Discount::parse(d).unwrap()),
            tenders: case
                .pay
                .iter()
                .map(|(method, amount)| Tender {
                    method: *method,
                    amount: rp(*amount),
                    reference: None,
                })
                .collect(),
        };
        // A free line is past the vendor's discount: the manager's PIN.
        let sale = store
            .complete_sale_approved(&request, None, Some(PIN), NOW)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(sale.total, rp(case.total), "{}: total", case.name);
        assert_eq!(sale.tax, rp(case.tax_amount), "{}: tax", case.name);
        assert_eq!(sale.change, rp(case.change), "{}: change", case.name);

        // What the book holds says the same, and the lines add up to the sale.
        let stored = store.sale(&sale.receipt).unwrap();
        assert_eq!(stored, sale, "{}: read back", case.name);
        let nets: i64 = stored.lines.iter().map(|l| l.net.value()).sum();
        let net = if case.tax.0 == "exclusive" {
            case.total - case.tax_amount
        } else {
            case.total
        };
        assert_eq!(nets, net, "{}: lines add up", case.name);
        let applied: i64 = stored.payments.iter().map(|p| p.amount.value()).sum();
        assert_eq!(
            applied, case.total,
            "{}: payments cover the total",
            case.name
        );
    }
}

#[test]
fn receipts_number_the_day_and_the_stall() {
    let (_dir, mut store) = stocked_stall();
    let pay = |amount| {
        vec![Tender {
            method: Cash,
            amount: rp(amount),
            reference: None,
        }]
    };
    let one = SaleRequest {
        items: vec![SaleItem {
            code: "A".into(),
            quantity: qty("1"),
            discount: None,
        }],
        discount: None,
        tenders: pay(10_000),
    };
    let first = store.complete_sale(&one, NOW).unwrap();
    let second = store.complete_sale(&one, NOW).unwrap();
    let tomorrow = store
        .complete_sale(&one, NOW + time::Duration::days(1))
        .unwrap();
    assert_eq!(first.receipt, "ST07-20261127-0001");
    assert_eq!(second.receipt, "ST07-20261127-0002");
    assert_eq!(tomorrow.receipt, "ST07-20261128-0001");
    // Late at night UTC is already the next business day in Lampung.
    let late = time::macros::datetime!(2026-11-28 17:30 UTC);
    assert_eq!(
        store.complete_sale(&one, late).unwrap().receipt,
        "ST07-20261129-0001"
    );
}

#[test]
fn lines_keep_the_product_as_sold() {
    let (_dir, mut store) = stocked_stall();
    let request = SaleRequest {
        items: vec![SaleItem {
            code: "A".into(),
            quantity: qty("1"),
            discount: None,
        }],
        discount: None,
        tenders: vec![Tender {
            method: Cash,
            amount: rp(10_000),
            reference: None,
        }],
    };
    let sale = store.complete_sale(&request, NOW).unwrap();
    let mut renamed = product("A", 12_000, Unit::Pack);
    renamed.name = "Keripik Baru".into();
    renamed.category = "Lain".into();
    store.update_product("A", &renamed, NOW).unwrap();
    let stored = store.sale(&sale.receipt).unwrap();
    assert_eq!(stored.lines[0].name, "Produk A");
    assert_eq!(stored.lines[0].category, "Keripik");
    assert_eq!(stored.lines[0].unit_price, rp(10_000));
}
