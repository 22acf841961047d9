//! Kasbon, pengeluaran and laba kotor through the real book and the real
//! binary: balances and the drawer against figures the test keeps itself,
//! the credit limit and the PIN, kasbon without a customer, gross profit
//! against Σ(net − cost × quantity), the statement read back from its PDF,
//! and the records at the office.

mod common;

use std::collections::HashMap;

use common::*;
use proptest::prelude::*;
use sentra::domain::expense::ExpenseCategory;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::money::{Quantity, Rupiah};
use sentra::store::{
    Credit, NewCustomer, NewExpense, NewProduct, ReturnItem, SaleItem, SaleRequest, Store,
};
use time::Duration;

const PRICES: [i64; 5] = [12_500, 25_000, 60_000, 175_000, 50_000];
/// The last product is a producer's, left on consignment: each one sold
/// owes the producer this much (harga setor).
const CONSIGN_PRICE: i64 = 30_000;
const CUSTOMERS: [&str; 3] = ["C001", "C002", "C003"];

fn tender(method: PaymentMethod, amount: i64) -> Tender {
    Tender {
        method,
        amount: rp(amount),
        reference: None,
    }
}

/// A stall with four products (the fourth without a cost), a fifth left by a
/// producer on consignment, and three customers whose limits never get in
/// the way (the limit has tests of its own).
fn stall_with_customers() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_stall();
    store
        .add_producer(
            &sentra::store::NewProducer {
                code: "P001".into(),
                name: "Ibu Sari".into(),
                regency: 1810,
                nib: None,
                phone: None,
                bank: None,
            },
            NOW,
        )
        .unwrap();
    store
        .add_consigned_product(
            &product("P4", PRICES[4], Unit::Pcs),
            "P001",
            sentra::domain::consign::Terms::ConsignPrice(rp(CONSIGN_PRICE)),
            NOW,
        )
        .unwrap();
    store
        .consign_receive(
            "P001",
            &[sentra::store::HandoverItem {
                sku: "P4".into(),
                quantity: Quantity::from_milli(1_000_000),
            }],
            None,
            NOW,
        )
        .unwrap();
    for (n, price) in PRICES.iter().enumerate().take(4) {
        let cost = (n < 3).then(|| rp(price * 6 / 10));
        store
            .add_product(
                &NewProduct {
                    cost,
                    ..product(&format!("P{n}"), *price, Unit::Pcs)
                },
                NOW,
            )
            .unwrap();
        store
            .receive_stock(
                &format!("P{n}"),
                Quantity::from_milli(1_000_000),
                None,
                None,
                NOW,
            )
            .unwrap();
    }
    for (n, code) in CUSTOMERS.iter().enumerate() {
        store
            .add_customer(
                &NewCustomer {
                    code: code.to_string(),
                    name: format!("Pelanggan {n}"),
                    phone: Some(format!("0812-000-{n:04}")),
                    limit: rp(1_000_000_000),
                },
                Some(PIN),
                NOW,
            )
            .unwrap();
    }
    (dir, store)
}

/// One thing that happens at the till, with random figures the test turns
/// into real amounts once it knows what is possible.
#[derive(Debug, Clone)]
enum Step {
    Sale {
        product: usize,
        quantity: i64,
        customer: Option<usize>,
        /// Share of the total taken on kasbon, in percent.
        kasbon: i64,
        /// Share of the rest paid by QRIS, in percent.
        qris: i64,
        /// Cash handed over above what is due.
        extra_cash: i64,
    },
    Repay {
        customer: usize,
        percent: i64,
        method: usize,
    },
    Return {
        pick: usize,
        quantity: i64,
        /// Share of what may go back as money that does, in percent.
        money: i64,
        qris: bool,
    },
    Expense {
        amount: i64,
        category: usize,
        from_drawer: bool,
    },
    /// Cash paid to the producer from the drawer (*bayar penitip*).
    Payout { percent: i64 },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..5usize, 1..4i64, prop::option::weighted(0.7, 0..3usize), 0..=100i64, 0..=100i64, prop_oneof![Just(0i64), 0..20_000i64])
            .prop_map(|(product, quantity, customer, kasbon, qris, extra_cash)| Step::Sale {
                product, quantity, customer, kasbon, qris, extra_cash
            }),
        2 => (0..3usize, 1..=100i64, 0..3usize)
            .prop_map(|(customer, percent, method)| Step::Repay { customer, percent, method }),
        2 => (any::<usize>(), 1..3i64, 0..=100i64, any::<bool>())
            .prop_map(|(pick, quantity, money, qris)| Step::Return { pick, quantity, money, qris }),
        1 => (1..200_000i64, 0..6usize, any::<bool>())
            .prop_map(|(amount, category, from_drawer)| Step::Expense { amount, category, from_drawer }),
        1 => (1..=100i64).prop_map(|percent| Step::Payout { percent }),
    ]
}

/// A sale as the test remembers it.
struct Sold {
    receipt: String,
    product: usize,
    quantity: i64,
    returned: i64,
    customer: Option<usize>,
    kasbon_left: i64,
}

/// What the test expects, kept apart from the book.
#[derive(Default)]
struct Expected {
    balances: HashMap<usize, i64>,
    drawer: i64,
    /// What the producer is owed and not yet paid.
    owed: i64,
}

fn run_steps(store: &mut Store, steps: &[Step], float: i64) -> Expected {
    let mut expected = Expected {
        drawer: float,
        ..Expected::default()
    };
    let mut sold: Vec<Sold> = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        let now = NOW + Duration::minutes(n as i64 + 1);
        match step {
            Step::Sale {
                product,
                quantity,
                customer,
                kasbon,
                qris,
                extra_cash,
            } => {
                let total = PRICES[*product] * quantity;
                let kasbon = if customer.is_some() {
                    (total * kasbon / 100).max(1)
                } else {
                    0
                };
                let qris = (total - kasbon) * qris / 100;
                let cash_due = total - kasbon - qris;
                let mut tenders = Vec::new();
                if kasbon > 0 {
                    tenders.push(tender(PaymentMethod::Kasbon, kasbon));
                }
                if qris > 0 {
                    tenders.push(tender(PaymentMethod::Qris, qris));
                }
                if cash_due > 0 {
                    tenders.push(tender(PaymentMethod::Cash, cash_due + extra_cash));
                }
                let request = SaleRequest {
                    items: vec![SaleItem {
                        code: format!("P{product}"),
                        quantity: Quantity::from_milli(quantity * 1_000),
                        discount: None,
                    }],
                    discount: None,
                    tenders,
                };
                let credit = customer.map(|c| Credit {
                    customer: CUSTOMERS[c].into(),
                    pin: None,
                });
                let sale = store
                    .complete_sale_on(&request, credit.as_ref(), now)
                    .unwrap();
                assert_eq!(sale.total, rp(total));
                assert_eq!(sale.change, rp(if cash_due > 0 { *extra_cash } else { 0 }));
                expected.drawer += cash_due;
                if *product == 4 {
                    expected.owed += CONSIGN_PRICE * quantity;
                }
                if let Some(c) = customer {
                    *expected.balances.entry(*c).or_default() += kasbon;
                }
                sold.push(Sold {
                    receipt: sale.receipt,
                    product: *product,
                    quantity: *quantity,
                    returned: 0,
                    customer: *customer,
                    kasbon_left: kasbon,
                });
            }
            Step::Repay {
                customer,
                percent,
                method,
            } => {
                let owed = expected.balances.get(customer).copied().unwrap_or(0);
                let method = [
                    PaymentMethod::Cash,
                    PaymentMethod::Qris,
                    PaymentMethod::Transfer,
                ][*method];
                if owed == 0 {
                    // Nothing owed: refused, and nothing changes.
                    assert!(
                        store
                            .pay_kasbon(CUSTOMERS[*customer], rp(1), method, None, now)
                            .is_err()
                    );
                    continue;
                }
                let amount = (owed * percent / 100).max(1);
                let repayment = store
                    .pay_kasbon(CUSTOMERS[*customer], rp(amount), method, None, now)
                    .unwrap();
                assert_eq!(repayment.balance, Some(rp(owed - amount)));
                *expected.balances.get_mut(customer).unwrap() -= amount;
                if method == PaymentMethod::Cash {
                    expected.drawer += amount;
                }
            }
            Step::Return {
                pick,
                quantity,
                money,
                qris,
            } => {
                if sold.is_empty() {
                    continue;
                }
                let index = pick % sold.len();
                let sale = &mut sold[index];
                let quantity = (*quantity).min(sale.quantity - sale.returned);
                if quantity == 0 {
                    continue;
                }
                // No discounts: the goods are worth their price.
                let worth = PRICES[sale.product] * quantity;
                // Kasbon first, but never below what the customer owes.
                let owed = sale
                    .customer
                    .map(|c| expected.balances.get(&c).copied().unwrap_or(0))
                    .unwrap_or(0);
                let to_kasbon = sale.kasbon_left.min(worth).min(owed.max(0));
                let money = (worth - to_kasbon) * money / 100;
                let method = if *qris {
                    PaymentMethod::Qris
                } else {
                    PaymentMethod::Cash
                };
                let mut refunds = vec![tender(method, money)];
                if to_kasbon > 0 {
                    refunds.push(tender(PaymentMethod::Kasbon, to_kasbon));
                }
                let record = store
                    .return_items_with(
                        &sale.receipt,
                        &[ReturnItem {
                            sku: format!("P{}", sale.product),
                            quantity: Quantity::from_milli(quantity * 1_000),
                        }],
                        &refunds,
                        // The last of a sale given back as money is the
                        // manager's: the PIN goes with every return here.
                        Some(PIN),
                        now,
                    )
                    .unwrap();
                assert_eq!(record.worth, rp(worth));
                sale.returned += quantity;
                if sale.product == 4 {
                    expected.owed -= CONSIGN_PRICE * quantity;
                }
                sale.kasbon_left -= to_kasbon;
                if let Some(c) = sale.customer {
                    *expected.balances.get_mut(&c).unwrap() -= to_kasbon;
                }
                if method == PaymentMethod::Cash {
                    expected.drawer -= money;
                }
            }
            Step::Expense {
                amount,
                category,
                from_drawer,
            } => {
                store
                    .add_expense(
                        &NewExpense {
                            category: ExpenseCategory::ALL[*category],
                            amount: rp(*amount),
                            note: Some(format!("catatan {n}")),
                            from_drawer: *from_drawer,
                        },
                        Some(PIN),
                        now,
                    )
                    .unwrap();
                if *from_drawer {
                    expected.drawer -= amount;
                }
            }
            Step::Payout { percent } => {
                // Goods returned after a payout can leave the producer
                // owing the stall: nothing to pay then.
                let amount = expected.owed * percent / 100;
                if amount <= 0 {
                    continue;
                }
                let paid = store.pay_producer(
                    "P001",
                    rp(amount),
                    sentra::domain::consign::PayoutMethod::Cash,
                    None,
                    PIN,
                    now,
                );
                if amount > expected.drawer {
                    // Cash only from a drawer that holds it.
                    assert!(
                        paid.is_err(),
                        "paid {amount} from a drawer of {}",
                        expected.drawer
                    );
                    continue;
                }
                paid.unwrap();
                expected.owed -= amount;
                expected.drawer -= amount;
            }
        }
    }
    expected
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Each customer's balance is Σ kasbon − Σ repayments − kasbon returned,
    /// and the drawer's expected cash is float + cash sales + cash repayments
    /// − cash paid to the producer
    /// − cash refunds − drawer expenses, as the test counts them; tutup kasir
    /// records the same, the export passes the office's rules, and the
    /// office's centre report shows the same kasbon, repayments and
    /// expenses as the stall's day report.
    #[test]
    fn balances_and_the_drawer_add_up(
        float in 0..500_000i64,
        steps in prop::collection::vec(step(), 1..40),
        counted_off in -5_000..5_000i64,
    ) {
        let (_dir, mut store) = stall_with_customers();
        store.open_day(rp(float), NOW).unwrap();
        let expected = run_steps(&mut store, &steps, float);
        let later = NOW + Duration::hours(2);
        let today = store.business_day(later);
        for (n, code) in CUSTOMERS.iter().enumerate() {
            let balance = store.customer_balance(code, today).unwrap();
            let owed = expected.balances.get(&n).copied().unwrap_or(0);
            prop_assert_eq!(balance.balance, rp(owed), "{}", code);
            prop_assert_eq!(
                balance.balance,
                rp(balance.kasbon.value() - balance.repaid.value() - balance.returned.value())
            );
            prop_assert_eq!(balance.oldest_unpaid.is_some(), owed > 0);
            let statement = store.kasbon_statement(code, today).unwrap();
            prop_assert_eq!(
                statement.entries.last().map(|e| e.balance).unwrap_or_default(),
                rp(owed)
            );
        }
        let report = store.day_report(today).unwrap();
        prop_assert_eq!(report.cash.expected, rp(expected.drawer));
        prop_assert_eq!(store.producer_balance("P001").unwrap(), rp(expected.owed));
        let counted = (expected.drawer + counted_off).max(0);
        let close = store.close_day(rp(counted), later).unwrap();
        prop_assert_eq!(close.cash.expected, rp(expected.drawer));
        prop_assert_eq!(close.cash.difference, rp(counted - expected.drawer));

        // The office takes the file and sees what the stall saw.
        let usb = tempfile::tempdir().unwrap();
        sentra::sync::export::export(&mut store, usb.path(), None, later).unwrap();
        let (_office_dir, mut office) = new_office();
        for entry in std::fs::read_dir(usb.path()).unwrap() {
            sentra::office::import::import_file(&mut office, &entry.unwrap().path(), later).unwrap();
        }
        let centre = sentra::office::centre::stall_day(office.connection(), "ST07", &today.to_string()).unwrap();
        let paid_by = |method: PaymentMethod| report.payments.iter().find(|m| m.method == method).map(|m| m.amount).unwrap_or_default();
        prop_assert_eq!(centre.kasbon, paid_by(PaymentMethod::Kasbon));
        prop_assert_eq!(centre.cash, paid_by(PaymentMethod::Cash));
        prop_assert_eq!(centre.repayments, Rupiah::sum(report.repayments.iter().map(|r| r.amount)).unwrap());
        prop_assert_eq!(centre.expenses, Rupiah::sum(report.expenses.iter().map(|e| e.amount)).unwrap());
        prop_assert_eq!(centre.returns, report.returns_total);
        prop_assert_eq!(centre.takings, report.takings);
    }
}

fn new_office() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .init_office("Sentra UMKM Lampung", Some(PIN), NOW)
        .unwrap();
    (dir, store)
}

/// A stall on the command line with a product (cost Rp6.500) and a
/// customer with a Rp50.000 limit.
fn cli_stall_with_customer() -> tempfile::TempDir {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KRP-01",
            "--name",
            "Keripik Pisang Coklat 200 g",
            "--price",
            "10000",
            "--cost",
            "6500",
            "--unit",
            "pack",
        ],
    );
    sentra_ok(d, &["stock", "receive", "KRP-01", "100"]);
    sentra_ok(
        d,
        &[
            "customer",
            "add",
            "--code",
            "C001",
            "--name",
            "Bu Siti",
            "--phone",
            "0812-7788-9900",
            "--limit",
            "50000",
            "--pin",
            PIN,
        ],
    );
    dir
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn a_kasbon_past_the_limit_is_refused_without_the_pin_and_accepted_with_it() {
    let dir = cli_stall_with_customer();
    let d = dir.path();
    // Within the limit: no PIN asked.
    let first = json(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            "KRP-01=4",
            "--customer",
            "C001",
            "--pay",
            "kasbon=40000",
        ],
    ));
    assert_eq!(first["payments"][0]["method"], "kasbon");
    assert_eq!(first["payments"][0]["customer"], "C001");
    // Rp40.000 + Rp20.000 is past the Rp50.000 limit.
    let before = snapshot(d);
    let (ok, _, stderr) = sentra(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=2",
            "--customer",
            "c001",
            "--pay",
            "kasbon=20000",
        ],
    );
    assert!(!ok);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("melebihi batasnya Rp50.000") && stderr.contains("PIN manajer"),
        "{stderr}"
    );
    assert_eq!(snapshot(d), before, "a refused kasbon changes nothing");
    // A wrong PIN is refused too (and counted, as every wrong PIN is).
    let (ok, _, stderr) = sentra(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=2",
            "--customer",
            "C001",
            "--pay",
            "kasbon=20000",
            "--pin",
            "9999",
        ],
    );
    assert!(!ok && stderr.contains("PIN"), "{stderr}");
    // With the manager's PIN it goes through.
    let second = json(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            "KRP-01=2",
            "--customer",
            "C001",
            "--pay",
            "kasbon=20000",
            "--pin",
            PIN,
        ],
    ));
    assert_eq!(second["total"], 20000);
    let list = json(&sentra_ok(d, &["--json", "customer", "list"]));
    assert_eq!(list[0]["code"], "C001");
    assert_eq!(list[0]["balance"], 60000);
    assert_eq!(list[0]["limit"], 50000);
    assert_eq!(list[0]["oldest_unpaid"], "2026-11-27");
}

#[test]
fn a_kasbon_sale_without_a_customer_is_refused() {
    let dir = cli_stall_with_customer();
    let d = dir.path();
    let before = snapshot(d);
    for (args, says) in [
        (
            vec!["sale", "--item", "KRP-01=1", "--pay", "kasbon=10000"],
            "pelanggan",
        ),
        (
            vec![
                "sale",
                "--item",
                "KRP-01=1",
                "--customer",
                "C001",
                "--pay",
                "cash=10000",
            ],
            "kasbon",
        ),
        (
            vec![
                "sale",
                "--item",
                "KRP-01=1",
                "--customer",
                "C404",
                "--pay",
                "kasbon=10000",
            ],
            "tidak dikenal",
        ),
        (
            vec![
                "sale",
                "--item",
                "KRP-01=1",
                "--customer",
                "C001",
                "--pay",
                "kasbon=5000",
                "--pay",
                "kasbon=5000",
            ],
            "satu pembayaran kasbon",
        ),
    ] {
        let (ok, _, stderr) = sentra(d, &args);
        assert!(!ok, "{args:?} was taken");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(snapshot(d), before, "{args:?} changed the book");
    }
    // The office's rules say the same of a file: kasbon names a customer.
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("A", 10_000, Unit::Pcs), NOW)
        .unwrap();
    let request = SaleRequest {
        items: vec![SaleItem {
            code: "A".into(),
            quantity: Quantity::ONE,
            discount: None,
        }],
        discount: None,
        tenders: vec![tender(PaymentMethod::Kasbon, 10_000)],
    };
    assert!(matches!(
        store.complete_sale(&request, NOW),
        Err(sentra::store::StoreError::Kasbon(
            sentra::domain::kasbon::KasbonError::NoCustomer
        ))
    ));
}

#[test]
fn gross_profit_of_a_day_is_net_less_cost_times_quantity() {
    let (_dir, mut store) = stall_with_customers();
    // A product by the kilo, with a cost that does not divide evenly.
    store
        .add_product(
            &NewProduct {
                cost: Some(rp(33_333)),
                ..product("KOPI", 150_000, Unit::Kg)
            },
            NOW,
        )
        .unwrap();
    store
        .receive_stock("KOPI", Quantity::from_milli(50_000), None, None, NOW)
        .unwrap();
    let costs: HashMap<&str, Option<i64>> = [
        ("P0", Some(7_500)),
        ("P1", Some(15_000)),
        ("P2", Some(36_000)),
        ("P3", None),
        ("KOPI", Some(33_333)),
    ]
    .into_iter()
    .collect();
    // Lines (code, quantity, line discount) and the sale's discount.
    type Cart<'a> = (&'a [(&'a str, &'a str, Option<&'a str>)], Option<&'a str>);
    let carts: [Cart; 4] = [
        (&[("P0", "3", None), ("KOPI", "0,75", Some("10%"))], None),
        (&[("P1", "2", None), ("P3", "1", None)], Some("5000")),
        (
            &[("KOPI", "1,333", None), ("P2", "1", Some("2500"))],
            Some("7%"),
        ),
        (&[("P2", "2", None)], None),
    ];
    let mut expected_profit = 0i64;
    let mut expected_uncosted = 0i64;
    let mut last = None;
    for (n, (lines, discount)) in carts.iter().enumerate() {
        let items: Vec<SaleItem> = lines
            .iter()
            .map(|(code, quantity, discount)| SaleItem {
                code: code.to_string(),
                quantity: qty(quantity),
                discount: discount.map(|d| sentra::domain::discount::Discount::parse(d).unwrap()),
            })
            .collect();
        let request = SaleRequest {
            items,
            discount: discount.map(|d| sentra::domain::discount::Discount::parse(d).unwrap()),
            tenders: vec![tender(PaymentMethod::Cash, 10_000_000)],
        };
        let sale = store
            .complete_sale(&request, NOW + Duration::minutes(n as i64))
            .unwrap();
        for line in &sale.lines {
            match costs[line.sku.as_str()] {
                Some(cost) => {
                    // cost × quantity, rounded half up to the rupiah.
                    let milli = line.quantity.milli();
                    let cost_of_goods = (cost * milli + 500) / 1_000;
                    expected_profit += line.net.value() - cost_of_goods;
                }
                None => expected_uncosted += line.net.value(),
            }
        }
        last = Some(sale);
    }
    // A voided sale counts for nothing.
    store
        .void_sale(
            &last.unwrap().receipt,
            "salah input",
            PIN,
            NOW + Duration::minutes(9),
        )
        .unwrap();
    // The last cart, P2 × 2 at Rp60.000 with a cost of Rp36.000, is gone.
    expected_profit -= 2 * 60_000 - 2 * 36_000;
    let day = store.business_day(NOW);
    let report = store.profit(day, day).unwrap();
    assert_eq!(report.total.gross_profit, rp(expected_profit));
    assert_eq!(report.total.uncosted_net, rp(expected_uncosted));
    assert_eq!(
        report.total.gross_profit,
        rp(report.total.costed_net.value() - report.total.cost_of_goods.value())
    );
    assert_eq!(report.uncosted.len(), 1);
    assert_eq!(report.uncosted[0].sku, "P3");
    assert_eq!(store.day_report(day).unwrap().profit, report.total);
    // The products add up to the day.
    let by_product: i64 = report
        .products
        .iter()
        .map(|p| p.margin.gross_profit.value())
        .sum();
    assert_eq!(by_product, expected_profit);
}

#[test]
fn the_statement_pdf_reads_back() {
    let dir = cli_stall_with_customer();
    let d = dir.path();
    sentra_ok(
        d,
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
    sentra_ok(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=2",
            "--customer",
            "C001",
            "--pay",
            "kasbon=15000",
            "--pay",
            "cash=5000",
        ],
    );
    sentra_ok(
        d,
        &[
            "return",
            "ST07-20261127-0001",
            "--item",
            "KRP-01=1",
            "--refund",
            "kasbon=10000",
        ],
    );
    // A kuitansi whose path cannot be written is refused before the
    // repayment is recorded; then the repayment and its kuitansi.
    let (ok, _, stderr) = sentra(
        d,
        &[
            "customer",
            "pay",
            "C001",
            "--amount",
            "12.500",
            "--method",
            "qris:QR-889",
            "--pdf",
            "/no/such/folder/kuitansi.pdf",
        ],
    );
    assert!(!ok && stderr.trim().lines().count() == 1, "{stderr}");
    let kuitansi = d.join("kuitansi-C001.pdf");
    sentra_ok(
        d,
        &[
            "customer",
            "pay",
            "C001",
            "--amount",
            "12.500",
            "--method",
            "qris:QR-889",
            "--pdf",
            kuitansi.to_str().unwrap(),
            "--width",
            "a4",
        ],
    );
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&kuitansi).unwrap()).unwrap();
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "KUITANSI BAYAR KASBON",
        "C001 Bu Siti",
        "Rp12.500",
        "dua belas ribu lima ratus rupiah",
        "QRIS QR-889",
        "Sisa kasbon / Still owed Rp22.500",
    ] {
        assert!(words.contains(expected), "{expected}: {words}");
    }
    let pdf = d.join("rekening-C001.pdf");
    let out = sentra_ok(
        d,
        &[
            "customer",
            "statement",
            "C001",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(out.contains("Sisa kasbon Rp22.500"), "{out}");
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).unwrap()).unwrap();
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Rekening Kasbon",
        "Tapis Indah (ST07)",
        "Bu Siti",
        "0812-7788-9900",
        "ST07-20261127-0001",
        "ST07-20261127-0002",
        "QRIS QR-889",
        "Rp30.000",
        "Rp15.000",
        "-Rp10.000",
        "-Rp12.500",
        "Sisa kasbon / Balance Rp22.500",
        "Rp50.000",
    ] {
        assert!(words.contains(expected), "{expected} not in: {words}");
    }
    // The statement's JSON says the same.
    let statement = json(&sentra_ok(d, &["--json", "customer", "statement", "C001"]));
    assert_eq!(statement["customer"]["balance"], 22500);
    assert_eq!(statement["entries"].as_array().unwrap().len(), 4);
}

/// Templates with `{}` where a bad value goes, and values that are, for that
/// argument, good.
const KASBON_TEMPLATES: &[(&[&str], &[&str])] = &[
    (
        &[
            "customer", "add", "--code", "C9", "--name", "X", "--limit", "{}",
        ],
        &["0"],
    ),
    (
        &["customer", "add", "--code", "{}", "--name", "X"],
        &["0", "abc", "1e5", "NaN"],
    ),
    (
        &[
            "customer", "add", "--code", "C9", "--name", "X", "--phone", "{}",
        ],
        &["", " "],
    ),
    (&["customer", "set", "C001", "--limit", "{}"], &["0"]),
    (
        &[
            "customer", "pay", "C001", "--amount", "{}", "--method", "cash",
        ],
        &[],
    ),
    (
        &[
            "customer", "pay", "C001", "--amount", "1000", "--method", "{}",
        ],
        &[],
    ),
    (
        &[
            "customer", "pay", "{}", "--amount", "1000", "--method", "cash",
        ],
        &[],
    ),
    (&["customer", "statement", "{}"], &[]),
    (
        &["expense", "add", "--amount", "{}", "--category", "kemasan"],
        &[],
    ),
    (
        &["expense", "add", "--amount", "1000", "--category", "{}"],
        &[],
    ),
    (&["expense", "list", "--date", "{}"], &[]),
    (&["report", "profit", "--from", "{}"], &[]),
    (&["report", "profit", "--to", "{}"], &[]),
    (
        &[
            "sale",
            "--item",
            "KRP-01=1",
            "--customer",
            "{}",
            "--pay",
            "kasbon=10000",
        ],
        &[],
    ),
    (
        &[
            "sale",
            "--item",
            "KRP-01=9",
            "--customer",
            "C001",
            "--pay",
            "kasbon=90000",
            "--pin",
            "{}",
        ],
        &[],
    ),
    (
        &[
            "return",
            "ST07-20261127-0001",
            "--item",
            "KRP-01=1",
            "--refund",
            "kasbon={}",
        ],
        &["0"],
    ),
];

#[test]
fn the_kasbon_commands_refuse_bad_input_with_one_line_and_change_nothing() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;

    let dir = cli_stall_with_customer();
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=1",
            "--customer",
            "C001",
            "--pay",
            "kasbon=10000",
        ],
    );
    let mut values: Vec<OsString> = [
        "",
        " ",
        "-5",
        "0",
        "99999999999999999999999999",
        "abc",
        "1e5",
        "1,2,3",
        "NaN",
        "1'; DROP TABLE sales; --",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    values.push(OsString::from("9".repeat(10_000)));
    values.push(OsString::from("x".repeat(10_000)));
    values.push(OsString::from_vec(vec![0xff, 0xfe, b'1']));
    let mut tried = 0;
    for (template, good) in KASBON_TEMPLATES {
        for value in &values {
            if value.to_str().is_some_and(|v| good.contains(&v)) {
                continue;
            }
            let args: Vec<OsString> = template
                .iter()
                .map(|part| match part.split_once("{}") {
                    Some((before, after)) => {
                        let mut filled = OsString::from(before);
                        filled.push(value);
                        filled.push(after);
                        filled
                    }
                    None => OsString::from(part),
                })
                .collect();
            let before = snapshot(d);
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_sentra"))
                .arg("--data-dir")
                .arg(d)
                .args(&args)
                .env("SENTRA_NOW", NOW_TEXT)
                .env_remove("SENTRA_DATA_DIR")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            let shown: String = format!("{args:?}").chars().take(160).collect();
            assert!(!output.status.success(), "accepted: {shown}");
            let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(lines.len(), 1, "{shown}: {stderr:?}");
            assert!(lines[0].starts_with("galat: "), "{shown}: {stderr:?}");
            assert!(!stderr.contains("panicked"), "{shown}: {stderr}");
            assert_eq!(snapshot(d), before, "{shown} changed the book");
            tried += 1;
        }
    }
    assert!(tried > 180, "{tried} bad values tried");
}

#[test]
fn laba_kotor_of_consigned_goods_is_net_less_what_each_line_owes_its_producer() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    for args in [
        &[
            "producer",
            "add",
            "--code",
            "P005",
            "--name",
            "Ibu Wayan",
            "--regency",
            "1810",
        ][..],
        &[
            "product",
            "add",
            "--sku",
            "SLM-09",
            "--name",
            "Taplak Sulam Usus",
            "--price",
            "185000",
            "--producer",
            "P005",
            "--consign-price",
            "150000",
        ],
        &[
            "product",
            "add",
            "--sku",
            "KPI-09",
            "--name",
            "Kopi Robusta 250 g",
            "--unit",
            "pack",
            "--price",
            "48000",
            "--producer",
            "P005",
            "--commission",
            "20%",
        ],
        &[
            "consign",
            "receive",
            "P005",
            "--item",
            "SLM-09=6",
            "--item",
            "KPI-09=20",
        ],
        &[
            "sale",
            "--item",
            "SLM-09=1",
            "--item",
            "KPI-09=2",
            "--pay",
            "cash=300000",
        ],
    ] {
        sentra_ok(d, args);
    }
    // The harga setor for the taplak (Rp150.000), the line's net less 20%
    // for the coffee (Rp96.000 − Rp19.200): what the producer is owed is
    // what the goods cost the stall.
    let report = json(&sentra_ok(d, &["--json", "report", "profit"]));
    assert_eq!(report["net_sales"], 185_000 + 96_000);
    assert_eq!(report["cost_of_goods"], 150_000 + 76_800);
    assert_eq!(report["gross_profit"], 35_000 + 19_200);
    assert_eq!(report["uncosted_net"], 0);
    // A coffee back: its net and its share of what was owed go back too.
    sentra_ok(
        d,
        &[
            "return",
            "ST07-20261127-0001",
            "--item",
            "KPI-09=1",
            "--refund",
            "cash=48000",
        ],
    );
    let report = json(&sentra_ok(d, &["--json", "report", "profit"]));
    assert_eq!(report["cost_of_goods"], 150_000 + 38_400);
    assert_eq!(report["gross_profit"], 35_000 + 9_600);
}

/// Issue 23, item 5: raising a customer's kasbon limit lets money out on
/// credit, so it asks the manager PIN; lowering it does not.
#[test]
fn raising_a_customers_limit_asks_the_manager_pin() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    // A new customer given credit asks it too, as a limit raised from 0;
    // none given, or a wrong one, adds nobody.
    let add = [
        "customer", "add", "--code", "C001", "--name", "Bu Siti", "--limit", "100000",
    ];
    let wrong = if PIN == "0000" { "1111" } else { "0000" };
    for pin in [None, Some(wrong)] {
        let mut args = add.to_vec();
        if let Some(pin) = pin {
            args.extend(["--pin", pin]);
        }
        let (ok, _, stderr) = sentra(d, &args);
        assert!(!ok && stderr.contains("PIN"), "{args:?}: {stderr}");
        let (_, list, _) = sentra(d, &["customer", "list"]);
        assert!(!list.contains("Bu Siti"), "{list}");
    }
    let (ok, _, stderr) = sentra(d, &add);
    assert!(
        stderr.contains("batas kasbon Bu Siti naik dari Rp0 ke Rp100.000") && !ok,
        "{stderr}"
    );
    sentra_ok(d, &[&add[..], &["--pin", PIN]].concat());
    // No credit, no PIN.
    sentra_ok(
        d,
        &["customer", "add", "--code", "C002", "--name", "Pak Joko"],
    );
    let limit = || -> i64 {
        let conn = rusqlite::Connection::open(d.join("sentra.db")).unwrap();
        conn.query_row(
            "SELECT credit_limit FROM customers WHERE code = 'C001'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    for pin in [None, Some(wrong)] {
        let mut args = vec!["customer", "set", "C001", "--limit", "10000000"];
        if let Some(pin) = pin {
            args.extend(["--pin", pin]);
        }
        let (ok, _, stderr) = sentra(d, &args);
        assert!(!ok && stderr.contains("PIN"), "{args:?}: {stderr}");
        assert_eq!(limit(), 100_000);
    }
    sentra_ok(
        d,
        &["customer", "set", "C001", "--limit", "500000", "--pin", PIN],
    );
    assert_eq!(limit(), 500_000);
    sentra_ok(d, &["customer", "set", "C001", "--limit", "50000"]);
    assert_eq!(limit(), 50_000);
    // Both approvals are in the book's events, for the office to see.
    let conn = rusqlite::Connection::open(d.join("sentra.db")).unwrap();
    let used: Vec<String> = conn
        .prepare("SELECT detail FROM book_events WHERE kind = 'pin_used' ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        used,
        [
            "batas kasbon Bu Siti naik dari Rp0 ke Rp100.000",
            "batas kasbon Bu Siti naik dari Rp100.000 ke Rp500.000"
        ]
    );
}
