//! Titip jual, at random: sequences of intake, sales (with discounts),
//! voids, returns, hand-backs, price and term changes and payouts over
//! several days, run against the real book. Afterwards every producer's
//! statement must hold together:
//!
//! - per product, opening + received − sold + returned by buyers − handed
//!   back (+ other changes, none here) = remaining, for the whole history
//!   and for a period inside it, and remaining is the product's stock;
//! - balance = Σ owed − Σ paid, where the test computes what each line owes
//!   itself, from the lines as the book recorded them and the terms the test
//!   set at the moment of the sale (later price and term changes must not
//!   matter), a void cancelling it and returns taking back running shares.
//!
//! The book must also refuse exactly what the model says it must: a sale
//! whose discount puts a line's net below what it owes, a hand-back above
//! the stock, a payout above the balance.

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;
use proptest::prelude::*;
use sentra::domain::consign::PayoutMethod;
use sentra::domain::consign::Terms;
use sentra::domain::discount::Discount;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::money::{Quantity, Rupiah};
use sentra::store::{HandoverItem, NewProducer, ReturnItem, SaleItem, SaleRequest, Store};
use time::{Duration, OffsetDateTime};

/// Cases per run (reported in docs/reliability.md).
const CASES: u32 = 40;

/// What the runs did, so a run that never voided or paid cannot pass as a
/// test of voids and payouts: sales, voids, returns, hand-backs, payouts,
/// term changes, and refusals (sales, hand-backs, payouts).
static DONE: [AtomicUsize; 7] = [const { AtomicUsize::new(0) }; 7];

fn done(what: usize) {
    DONE[what].fetch_add(1, Ordering::Relaxed);
}

/// A product: SKU, unit, price, producer (None: the stall's own), terms.
type Item = (&'static str, Unit, i64, Option<&'static str>, Option<Terms>);

/// The products.
fn catalogue() -> Vec<Item> {
    vec![
        (
            "KRP-LU",
            Unit::Pack,
            12_000,
            Some("P001"),
            Some(Terms::ConsignPrice(rp(9_000))),
        ),
        (
            "KPI-LB",
            Unit::Kg,
            150_000,
            Some("P001"),
            Some(Terms::Commission(2_000)),
        ),
        (
            "TPS-TG",
            Unit::Pcs,
            475_000,
            Some("P002"),
            Some(Terms::ConsignPrice(rp(400_000))),
        ),
        (
            "KMP-01",
            Unit::Pack,
            20_000,
            Some("P002"),
            Some(Terms::Commission(1_250)),
        ),
        ("OWN-01", Unit::Pcs, 10_000, None, None),
    ]
}

#[derive(Debug, Clone)]
enum Op {
    Intake {
        product: usize,
        quantity: u32,
    },
    Sale {
        lines: Vec<(usize, u32, u8)>,
        sale_discount: u8,
    },
    Void {
        sale: usize,
    },
    Return {
        sale: usize,
        line: usize,
        part: u8,
    },
    HandBack {
        product: usize,
        quantity: u32,
    },
    Price {
        product: usize,
        step: u8,
    },
    Terms {
        product: usize,
        setor_step: u8,
        commission: u16,
    },
    Pay {
        producer: usize,
        share: u8,
        transfer: bool,
        over: bool,
    },
    NextDay,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..4usize, 1..40u32).prop_map(|(product, quantity)| Op::Intake { product, quantity }),
        6 => (prop::collection::vec((0..5usize, 1..4000u32, prop_oneof![3 => Just(0u8), 1 => 1..35u8]), 1..4),
              prop_oneof![3 => Just(0u8), 1 => 1..20u8])
            .prop_map(|(lines, sale_discount)| Op::Sale { lines, sale_discount }),
        1 => (0..50usize).prop_map(|sale| Op::Void { sale }),
        2 => (0..50usize, 0..4usize, 1..=100u8).prop_map(|(sale, line, part)| Op::Return { sale, line, part }),
        2 => (0..4usize, 1..30u32).prop_map(|(product, quantity)| Op::HandBack { product, quantity }),
        1 => (0..4usize, 0..20u8).prop_map(|(product, step)| Op::Price { product, step }),
        1 => (0..4usize, 0..10u8, 0..10_000u16)
            .prop_map(|(product, setor_step, commission)| Op::Terms { product, setor_step, commission }),
        2 => (0..2usize, 1..=100u8, any::<bool>(), prop::bool::weighted(0.15))
            .prop_map(|(producer, share, transfer, over)| Op::Pay { producer, share, transfer, over }),
        1 => Just(Op::NextDay),
    ]
}

/// Half up, as a person does it on paper: (a × b + d/2) / d.
fn half_up(a: i64, b: i64, d: i64) -> i64 {
    let exact = i128::from(a) * i128::from(b);
    let d = i128::from(d);
    ((exact + d / 2).div_euclid(d)) as i64
}

/// What a line owes under `terms`, worked out by the test itself.
fn owed_by_test(terms: Terms, quantity_milli: i64, net: i64) -> i64 {
    match terms {
        Terms::ConsignPrice(setor) => half_up(setor.value(), quantity_milli, 1000),
        Terms::Commission(hundredths) => net - half_up(net, i64::from(hundredths), 10_000),
    }
}

#[derive(Debug)]
struct SoldLine {
    producer: Option<&'static str>,
    sku: &'static str,
    quantity: i64,
    owed: i64,
    returned: i64,
    /// What returns took back of `owed` so far.
    owed_back: i64,
}

#[derive(Debug)]
struct ModelSale {
    receipt: String,
    day: String,
    voided: bool,
    lines: Vec<SoldLine>,
}

/// What the test believes, kept beside the book.
struct Model {
    terms: Vec<Option<Terms>>,
    prices: Vec<i64>,
    sales: Vec<ModelSale>,
    paid: HashMap<&'static str, i64>,
    received: HashMap<&'static str, i64>,
    handed_back: HashMap<&'static str, i64>,
}

impl Model {
    fn owed(&self, producer: &str) -> i64 {
        self.sales
            .iter()
            .filter(|s| !s.voided)
            .flat_map(|s| &s.lines)
            .filter(|l| l.producer == Some(producer))
            .map(|l| l.owed - l.owed_back)
            .sum()
    }

    fn balance(&self, producer: &str) -> i64 {
        self.owed(producer) - self.paid.get(producer).copied().unwrap_or(0)
    }
}

fn quantity_for(unit: Unit, raw: u32) -> Quantity {
    match unit {
        // Whole units sell whole; kilos by the gram.
        Unit::Kg => Quantity::from_milli(i64::from(raw % 3_000 + 1)),
        _ => Quantity::from_milli(i64::from(raw % 5 + 1) * 1_000),
    }
}

fn setup() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_stall();
    for (code, name, regency, nib) in [
        ("P001", "Ibu Sari", 1806, Some("1234567890123")),
        ("P002", "Pak Made", 1802, None),
    ] {
        store
            .add_producer(
                &NewProducer {
                    code: code.into(),
                    name: name.into(),
                    regency,
                    nib: nib.map(str::to_string),
                    ..NewProducer::default()
                },
                NOW,
            )
            .unwrap();
    }
    for (sku, unit, price, producer, terms) in catalogue() {
        let product = product(sku, price, unit);
        match (producer, terms) {
            (Some(producer), Some(terms)) => {
                store
                    .add_consigned_product(&product, producer, terms, NOW)
                    .unwrap();
            }
            _ => {
                store.add_product(&product, NOW).unwrap();
            }
        }
    }
    (dir, store)
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let (_dir, mut store) = setup();
    let products = catalogue();
    let mut model = Model {
        terms: products.iter().map(|p| p.4).collect(),
        prices: products.iter().map(|p| p.2).collect(),
        sales: Vec::new(),
        paid: HashMap::new(),
        received: HashMap::new(),
        handed_back: HashMap::new(),
    };
    let mut now: OffsetDateTime = NOW;
    let tick = |now: &mut OffsetDateTime| *now += Duration::minutes(3);
    for op in ops {
        tick(&mut now);
        let day = store.business_day(now).to_string();
        match op.clone() {
            Op::Intake { product, quantity } => {
                let (sku, unit, _, producer, _) = products[product];
                let quantity = quantity_for(unit, quantity * 997);
                let note = store
                    .consign_receive(
                        producer.unwrap(),
                        &[HandoverItem {
                            sku: sku.into(),
                            quantity,
                        }],
                        Some("dari rumah"),
                        now,
                    )
                    .unwrap();
                prop_assert!(note.number.starts_with("ST07-TT-"));
                *model.received.entry(sku).or_default() += quantity.milli();
            }
            Op::Sale {
                lines,
                sale_discount,
            } => {
                let mut items = Vec::new();
                let mut seen = Vec::new();
                for (product, raw, discount) in lines {
                    if seen.contains(&product) {
                        continue;
                    }
                    seen.push(product);
                    let (sku, unit, ..) = products[product];
                    items.push(SaleItem {
                        code: sku.into(),
                        quantity: quantity_for(unit, raw),
                        discount: (discount > 0)
                            .then(|| Discount::Percent(u32::from(discount) * 100)),
                    });
                }
                let request = SaleRequest {
                    items,
                    discount: (sale_discount > 0)
                        .then(|| Discount::Percent(u32::from(sale_discount) * 100)),
                    // A big note: the change is not what is under test here.
                    tenders: vec![Tender {
                        method: PaymentMethod::Cash,
                        amount: rp(100_000_000),
                        reference: None,
                    }],
                };
                let before = snapshot_sequence(&store);
                let sale = match store.complete_sale(&request, now) {
                    Ok(sale) => sale,
                    Err(error) => {
                        // Refused: only because a line would owe more than its net.
                        prop_assert!(
                            error.to_string().contains("melebihi harga bersih"),
                            "unexpected refusal {error}"
                        );
                        prop_assert_eq!(before, snapshot_sequence(&store));
                        let predicted = request.items.iter().any(|item| {
                            let index = products.iter().position(|p| p.0 == item.code).unwrap();
                            matches!(model.terms[index], Some(Terms::ConsignPrice(_)))
                        });
                        prop_assert!(predicted, "refused a sale with no harga setor line");
                        done(6);
                        continue;
                    }
                };
                let mut lines = Vec::new();
                for line in &sale.lines {
                    let index = products.iter().position(|p| p.0 == line.sku).unwrap();
                    let (sku, _, _, producer, _) = products[index];
                    let owed = match model.terms[index] {
                        Some(terms) => owed_by_test(terms, line.quantity.milli(), line.net.value()),
                        None => 0,
                    };
                    prop_assert!(owed <= line.net.value());
                    lines.push(SoldLine {
                        producer,
                        sku,
                        quantity: line.quantity.milli(),
                        owed,
                        returned: 0,
                        owed_back: 0,
                    });
                }
                done(0);
                model.sales.push(ModelSale {
                    receipt: sale.receipt.clone(),
                    day: sale.day.clone(),
                    voided: false,
                    lines,
                });
            }
            Op::Void { sale } => {
                if model.sales.is_empty() {
                    continue;
                }
                let index = sale % model.sales.len();
                let target = &model.sales[index];
                let can = !target.voided
                    && target.day == day
                    && target.lines.iter().all(|l| l.returned == 0);
                let result = store.void_sale(&target.receipt, "salah scan", PIN, now);
                prop_assert_eq!(result.is_ok(), can, "void {:?}", result.err());
                if can {
                    model.sales[index].voided = true;
                    done(1);
                }
            }
            Op::Return { sale, line, part } => {
                if model.sales.is_empty() {
                    continue;
                }
                let index = sale % model.sales.len();
                let target = &mut model.sales[index];
                if target.voided {
                    continue;
                }
                let count = target.lines.len();
                let line = &mut target.lines[line % count];
                let left = line.quantity - line.returned;
                if left == 0 {
                    continue;
                }
                let unit = products.iter().find(|p| p.0 == line.sku).unwrap().1;
                let mut quantity = (left * i64::from(part) / 100).max(1);
                if unit != Unit::Kg {
                    quantity = (quantity / 1000).max(1) * 1000;
                }
                let quantity = quantity.min(left);
                store
                    .return_items(
                        &target.receipt,
                        &[ReturnItem {
                            sku: line.sku.into(),
                            quantity: Quantity::from_milli(quantity),
                        }],
                        &Tender {
                            method: PaymentMethod::Cash,
                            amount: Rupiah::ZERO,
                            reference: None,
                        },
                        now,
                    )
                    .unwrap();
                // Running shares, half up: what was owed for all returned so
                // far, less what was owed for what was returned before.
                let upto = |q: i64| half_up(line.owed, q, line.quantity);
                line.owed_back += upto(line.returned + quantity) - upto(line.returned);
                line.returned += quantity;
                done(2);
            }
            Op::HandBack { product, quantity } => {
                let (sku, unit, _, producer, _) = products[product];
                let quantity = quantity_for(unit, quantity * 991);
                let stock = store.find_product(sku).unwrap().stock;
                let before = snapshot_sequence(&store);
                let result = store.consign_return(
                    producer.unwrap(),
                    &[HandoverItem {
                        sku: sku.into(),
                        quantity,
                    }],
                    None,
                    now,
                );
                prop_assert_eq!(result.is_ok(), quantity <= stock);
                if result.is_ok() {
                    *model.handed_back.entry(sku).or_default() += quantity.milli();
                    done(3);
                } else {
                    done(6);
                    prop_assert_eq!(before, snapshot_sequence(&store));
                }
            }
            Op::Price { product, step } => {
                let (sku, ..) = products[product];
                let floor = match model.terms[product] {
                    Some(Terms::ConsignPrice(setor)) => setor.value(),
                    _ => 1_000,
                };
                let price = floor + i64::from(step) * 500;
                let changed = store.find_product(sku).unwrap();
                let new = sentra::store::NewProduct {
                    sku: changed.sku.clone(),
                    barcode: changed.barcode.clone(),
                    name: changed.name.clone(),
                    unit: changed.unit,
                    category: changed.category.clone(),
                    price: rp(price),
                    cost: changed.cost,
                    min_stock: changed.min_stock,
                };
                store.update_product(sku, &new, now).unwrap();
                model.prices[product] = price;
            }
            Op::Terms {
                product,
                setor_step,
                commission,
            } => {
                let (sku, _, _, producer, _) = products[product];
                let price = model.prices[product];
                let terms = if commission % 2 == 0 {
                    Terms::Commission(u32::from(commission))
                } else {
                    Terms::ConsignPrice(rp((price - i64::from(setor_step) * 250).max(1)))
                };
                store
                    .set_consignment(sku, Some((producer.unwrap(), terms)), now)
                    .unwrap();
                model.terms[product] = Some(terms);
                done(5);
            }
            Op::Pay {
                producer,
                share,
                transfer,
                over,
            } => {
                let code = ["P001", "P002"][producer];
                let balance = model.balance(code);
                let amount = if over {
                    balance.max(0) + 1
                } else if balance > 0 {
                    (balance * i64::from(share) / 100).max(1)
                } else {
                    continue;
                };
                let (method, reference) = if transfer {
                    (PayoutMethod::Transfer, Some("BRI 0042"))
                } else {
                    (PayoutMethod::Cash, None)
                };
                // Cash comes out of the drawer only if the drawer holds it.
                let drawer = store
                    .day_report(store.business_day(now))
                    .unwrap()
                    .cash
                    .expected;
                let payable = amount <= balance && (transfer || amount <= drawer.value());
                let before = snapshot_sequence(&store);
                let result = store.pay_producer(code, rp(amount), method, reference, PIN, now);
                prop_assert_eq!(result.is_ok(), payable, "{:?}", result.as_ref().err());
                match result {
                    Ok(payout) => {
                        *model.paid.entry(code).or_default() += amount;
                        done(4);
                        prop_assert_eq!(payout.balance.value(), model.balance(code));
                    }
                    Err(_) => {
                        done(6);
                        prop_assert_eq!(before, snapshot_sequence(&store));
                    }
                }
            }
            Op::NextDay => {
                let date = store.business_day(now).next_day().unwrap();
                now = date.with_hms(8, 0, 0).unwrap().assume_offset(NOW.offset());
            }
        }
    }

    // Everything the test believes, against the statements.
    let today = store.business_day(now);
    for code in ["P001", "P002"] {
        let whole = store.producer_statement(code, None, today).unwrap();
        let owed = model.owed(code);
        let paid = model.paid.get(code).copied().unwrap_or(0);
        prop_assert_eq!(whole.owed.value(), owed, "{} owed", code);
        prop_assert_eq!(whole.paid.value(), paid, "{} paid", code);
        prop_assert_eq!(whole.balance.value(), owed - paid, "{} balance", code);
        prop_assert_eq!(whole.opening_balance, Rupiah::ZERO);
        prop_assert_eq!(store.producer_balance(code).unwrap().value(), owed - paid);
        for line in &whole.products {
            let sum = line.opening.milli() + line.received.milli() - line.sold.milli()
                + line.buyer_returns.milli()
                - line.returned.milli()
                + line.adjusted.milli();
            prop_assert_eq!(sum, line.remaining.milli(), "{} stock identity", &line.sku);
            prop_assert_eq!(line.adjusted, Quantity::ZERO);
            prop_assert_eq!(line.opening, Quantity::ZERO);
            prop_assert_eq!(line.remaining, store.find_product(&line.sku).unwrap().stock);
            let sku: &str = &line.sku;
            prop_assert_eq!(
                line.received.milli(),
                model.received.get(sku).copied().unwrap_or(0)
            );
            prop_assert_eq!(
                line.returned.milli(),
                model.handed_back.get(sku).copied().unwrap_or(0)
            );
            let sold: i64 = model
                .sales
                .iter()
                .filter(|s| !s.voided)
                .flat_map(|s| &s.lines)
                .filter(|l| l.sku == sku)
                .map(|l| l.quantity)
                .sum();
            prop_assert_eq!(line.sold.milli(), sold, "{} sold", sku);
        }
        let product_owed: i64 = whole.products.iter().map(|p| p.owed.value()).sum();
        prop_assert_eq!(product_owed, owed);
        // A period inside the history: the identities still hold, and the
        // balance carries over.
        let first = NOW.date().next_day().unwrap();
        if first <= today {
            let part = store.producer_statement(code, Some(first), today).unwrap();
            prop_assert_eq!(
                part.balance,
                part.opening_balance
                    .checked_add(part.owed)
                    .unwrap()
                    .checked_sub(part.paid)
                    .unwrap()
            );
            prop_assert_eq!(part.balance, whole.balance);
            let before = store.producer_statement(code, None, NOW.date()).unwrap();
            prop_assert_eq!(part.opening_balance, before.balance);
            for line in &part.products {
                let sum = line.opening.milli() + line.received.milli() - line.sold.milli()
                    + line.buyer_returns.milli()
                    - line.returned.milli()
                    + line.adjusted.milli();
                prop_assert_eq!(sum, line.remaining.milli(), "{} period identity", &line.sku);
            }
        }
    }
    Ok(())
}

/// The stall's sequence and the count of what titip jual wrote: unchanged
/// by a refusal.
fn snapshot_sequence(store: &Store) -> (i64, i64, i64, i64, i64) {
    store
        .connection()
        .query_row(
            "SELECT (SELECT last FROM record_sequence),
                    (SELECT COUNT(*) FROM consigned_lines),
                    (SELECT COUNT(*) FROM producer_payouts),
                    (SELECT COUNT(*) FROM handover_notes),
                    (SELECT COUNT(*) FROM stock_movements)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap()
}

#[test]
fn every_statement_adds_up_whatever_happened() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    runner
        .run(&prop::collection::vec(op(), 5..45), |ops| run(&ops))
        .unwrap();
    let done: Vec<usize> = DONE.iter().map(|d| d.load(Ordering::Relaxed)).collect();
    eprintln!("sales, voids, returns, hand-backs, payouts, term changes, refusals: {done:?}");
    assert!(
        done.iter().all(|n| *n > 0),
        "every kind of step ran: {done:?}"
    );
}
