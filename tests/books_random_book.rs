//! Random books, written through the real book over three months: sales by
//! cash, QRIS and kasbon, voids, returns, consignment in and out and
//! payouts, kasbon repaid, expenses, stock received (paid every way) and
//! lost, closes with a short or long drawer, assets, loans and
//! instalments, prive, setoran and suppliers paid. Then, for every month:
//!
//! - assets = liabilities + equity;
//! - the month's profit = closing equity − opening equity + prive − capital
//!   paid in that month;
//! - and, against figures the book keeps apart from the journal: persediaan
//!   is the own goods' stock at cost, piutang is the customers' kasbon
//!   balance, utang kepada penitip is the producers' balance.

mod common;

use common::*;
use proptest::prelude::*;
use sentra::books::month_books;
use sentra::domain::books_event::{Paid, Purse};
use sentra::domain::consign::{PayoutMethod, Terms};
use sentra::domain::expense::ExpenseCategory;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::money::{Quantity, Rupiah};
use sentra::store::{
    Credit, HandoverItem, MoneyMove, NewCustomer, NewExpense, NewProducer, NewProduct, ReturnItem,
    SaleItem, SaleRequest, Store,
};
use time::{Duration, OffsetDateTime, macros::datetime};

const CASES: u32 = 24;
const OWN_COST: i64 = 6_000;
/// OWN-1, OWN-2 (the stall's, cost Rp6.000) and TIT-1 (consigned).
const PRICES: [i64; 3] = [10_000, 15_000, 12_000];

#[derive(Debug, Clone)]
enum Step {
    Sale {
        product: usize,
        quantity: i64,
        method: u8,
        void: bool,
        give_back: bool,
    },
    ConsignIn(i64),
    ConsignOut(i64),
    Payout(i64, bool),
    Repay(i64, bool),
    Expense(i64, bool),
    Receive(usize, i64, u8),
    Lose(usize),
    Asset(i64, i64, u8),
    Loan(i64),
    Instalment(i64, i64),
    Prive(i64, bool),
    Deposit(i64),
    PaySupplier(i64),
    /// Close the day with the drawer this much off, and go to the next.
    Close(i64),
}

fn step() -> impl Strategy<Value = Step> {
    let amount = 1_000i64..300_000;
    prop_oneof![
        6 => (0usize..3, 1i64..4, 0u8..3, any::<bool>(), any::<bool>()).prop_map(
            |(product, quantity, method, v, g)| Step::Sale {
                product,
                quantity,
                method,
                void: v && quantity == 1,
                give_back: g,
            }
        ),
        1 => (1i64..10).prop_map(Step::ConsignIn),
        1 => (1i64..3).prop_map(Step::ConsignOut),
        1 => (amount.clone(), any::<bool>()).prop_map(|(a, c)| Step::Payout(a, c)),
        1 => (amount.clone(), any::<bool>()).prop_map(|(a, c)| Step::Repay(a, c)),
        1 => (amount.clone(), any::<bool>()).prop_map(|(a, d)| Step::Expense(a, d)),
        2 => (0usize..2, 1i64..20, 0u8..4).prop_map(|(p, q, paid)| Step::Receive(p, q, paid)),
        1 => (0usize..2).prop_map(Step::Lose),
        1 => (100_000i64..5_000_000, 1i64..40, 0u8..4).prop_map(|(c, l, p)| Step::Asset(c, l, p)),
        1 => (1_000_000i64..20_000_000).prop_map(Step::Loan),
        1 => (0i64..2_000_000, 0i64..100_000).prop_map(|(p, i)| Step::Instalment(p, i)),
        1 => (amount.clone(), any::<bool>()).prop_map(|(a, c)| Step::Prive(a, c)),
        1 => amount.clone().prop_map(Step::Deposit),
        1 => amount.clone().prop_map(Step::PaySupplier),
        3 => (-20_000i64..20_000).prop_map(Step::Close),
    ]
}

fn paid(n: u8) -> Paid {
    Paid::ALL[usize::from(n) % 4]
}

fn purse(cash: bool) -> Purse {
    if cash { Purse::Cash } else { Purse::Bank }
}

fn at_day(day: i64, minute: i64) -> OffsetDateTime {
    datetime!(2026-10-01 08:00 +7) + Duration::days(day) + Duration::minutes(minute)
}

fn setup() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let t = datetime!(2026-10-01 07:00 +7);
    store
        .init_stall("ST07", "Tapis Indah", Some("Ibu Rahma"), 1802, Some(PIN), t)
        .unwrap();
    for sku in ["OWN-1", "OWN-2"] {
        let price = if sku == "OWN-1" { PRICES[0] } else { PRICES[1] };
        store
            .add_product(
                &NewProduct {
                    cost: Some(rp(OWN_COST)),
                    ..product(sku, price, Unit::Pcs)
                },
                t,
            )
            .unwrap();
        store
            .receive_stock_paid(sku, qty("40"), None, Some(Paid::Owner), None, t)
            .unwrap();
    }
    store
        .add_producer(
            &NewProducer {
                code: "P001".into(),
                name: "Ibu Sari".into(),
                regency: 1806,
                nib: None,
                phone: None,
                bank: None,
            },
            t,
        )
        .unwrap();
    store
        .add_consigned_product(
            &product("TIT-1", PRICES[2], Unit::Pcs),
            "P001",
            Terms::ConsignPrice(rp(9_000)),
            t,
        )
        .unwrap();
    store
        .add_customer(
            &NewCustomer {
                code: "C001".into(),
                name: "Bu Siti".into(),
                phone: None,
                limit: rp(1_000_000_000),
            },
            Some(PIN),
            t,
        )
        .unwrap();
    store
        .record_opening(t.date(), (rp(1_000_000), rp(5_000_000), None), None, t)
        .unwrap();
    (dir, store)
}

const SKUS: [&str; 3] = ["OWN-1", "OWN-2", "TIT-1"];

fn sale(
    store: &mut Store,
    product: usize,
    quantity: i64,
    method: u8,
    now: OffsetDateTime,
) -> Option<(String, PaymentMethod)> {
    let total = PRICES[product] * quantity;
    let method = [
        PaymentMethod::Cash,
        PaymentMethod::Qris,
        PaymentMethod::Kasbon,
    ][usize::from(method)];
    let request = SaleRequest {
        items: vec![SaleItem {
            code: SKUS[product].into(),
            quantity: Quantity::from_milli(quantity * 1_000),
            discount: None,
        }],
        discount: None,
        tenders: vec![Tender {
            method,
            amount: rp(total),
            reference: None,
        }],
    };
    let credit = (method == PaymentMethod::Kasbon).then(|| Credit {
        customer: "C001".into(),
        pin: None,
    });
    // Out of stock is refused, and changes nothing.
    let sale = store
        .complete_sale_on(&request, credit.as_ref(), now)
        .ok()?;
    Some((sale.receipt, method))
}

/// Runs the steps; returns the last day reached.
fn run(store: &mut Store, steps: &[Step]) -> i64 {
    let (mut day, mut minute) = (0i64, 0i64);
    for step in steps {
        minute += 10;
        let now = at_day(day, minute);
        match *step {
            Step::Sale {
                product,
                quantity,
                method,
                void,
                give_back,
            } => {
                let Some((receipt, method)) = sale(store, product, quantity, method, now) else {
                    continue;
                };
                minute += 1;
                let later = at_day(day, minute);
                if void {
                    store.void_sale(&receipt, "salah", PIN, later).unwrap();
                } else if give_back && method != PaymentMethod::Kasbon {
                    let item = ReturnItem {
                        sku: SKUS[product].into(),
                        quantity: Quantity::ONE,
                    };
                    let refund = Tender {
                        method,
                        amount: rp(PRICES[product]),
                        reference: None,
                    };
                    // A whole sale back needs the PIN: that buyer keeps it.
                    let _ = store.return_items(&receipt, &[item], &refund, later);
                }
            }
            Step::ConsignIn(n) | Step::ConsignOut(n) => {
                let items = [HandoverItem {
                    sku: "TIT-1".into(),
                    quantity: Quantity::from_milli(n * 1_000),
                }];
                let _ = if matches!(step, Step::ConsignIn(_)) {
                    store.consign_receive("P001", &items, None, now)
                } else {
                    store.consign_return("P001", &items, None, now)
                };
            }
            Step::Payout(amount, cash) => {
                let method = if cash {
                    PayoutMethod::Cash
                } else {
                    PayoutMethod::Transfer
                };
                let _ = store.pay_producer("P001", rp(amount), method, None, PIN, now);
            }
            Step::Repay(amount, cash) => {
                let method = if cash {
                    PaymentMethod::Cash
                } else {
                    PaymentMethod::Transfer
                };
                let _ = store.pay_kasbon("C001", rp(amount), method, None, now);
            }
            Step::Expense(amount, from_drawer) => {
                let expense = NewExpense {
                    category: ExpenseCategory::ALL[0],
                    amount: rp(amount),
                    note: None,
                    from_drawer,
                };
                let _ = store.add_expense(&expense, Some(PIN), now);
            }
            Step::Receive(p, n, how) => {
                store
                    .receive_stock_paid(
                        SKUS[p],
                        qty(&n.to_string()),
                        None,
                        Some(paid(how)),
                        None,
                        now,
                    )
                    .unwrap();
            }
            Step::Lose(p) => {
                let _ = store.adjust_stock(SKUS[p], qty("-1"), "rusak", now);
            }
            Step::Asset(cost, life, how) => {
                store
                    .add_asset("Etalase", rp(cost), now.date(), life, paid(how), now)
                    .unwrap();
            }
            Step::Loan(amount) => {
                store.add_loan("KUR", rp(amount), now.date(), now).unwrap();
            }
            Step::Instalment(principal, interest) => {
                if let Some(loan) = store.loans().unwrap().first() {
                    let principal = rp(principal.min(loan.left.value()));
                    let _ = store.pay_loan(&loan.code, principal, rp(interest), now.date(), now);
                }
            }
            Step::Prive(amount, cash) => {
                store
                    .record_money_move(
                        MoneyMove::OwnerDraw,
                        rp(amount),
                        purse(cash),
                        None,
                        Some(PIN),
                        now,
                    )
                    .unwrap();
            }
            Step::Deposit(amount) => {
                store
                    .record_money_move(
                        MoneyMove::BankDeposit,
                        rp(amount),
                        Purse::Cash,
                        None,
                        None,
                        now,
                    )
                    .unwrap();
            }
            Step::PaySupplier(amount) => {
                store
                    .record_money_move(
                        MoneyMove::SupplierPaid,
                        rp(amount),
                        Purse::Bank,
                        None,
                        None,
                        now,
                    )
                    .unwrap();
            }
            Step::Close(off) => {
                let today = store.business_day(now);
                if store.day(today).unwrap().is_some_and(|d| d.open) {
                    let expected = store.day_report(today).unwrap().cash.expected;
                    let counted = rp((expected.value() + off).max(0));
                    store.close_day(counted, at_day(day, 13 * 60)).unwrap();
                }
                day += 1 + off.rem_euclid(3);
                minute = 0;
            }
        }
        if minute > 12 * 60 {
            day += 1;
            minute = 0;
        }
    }
    day
}

fn month_of(day: i64) -> String {
    let date = at_day(day, 0).date();
    format!("{}-{:02}", date.year(), date.month() as u8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn every_month_balances_and_its_profit_is_the_change_in_equity(
        steps in prop::collection::vec(step(), 40..160)
    ) {
        let (_dir, mut store) = setup();
        let last = run(&mut store, &steps);
        let mut months: Vec<String> = (0..=last).map(month_of).collect();
        months.dedup();
        let mut before: Option<sentra::books::MonthBooks> = None;
        for month in &months {
            let books = month_books(&store, month, at_day(last, 0).date()).unwrap();
            let p = &books.statements.position;
            prop_assert_eq!(
                p.assets.total,
                p.liabilities.total.checked_add(p.equity.total).unwrap(),
                "{} does not balance: {:?}", month, p
            );
            let (open_equity, open_capital, open_drawings) = match &before {
                Some(b) => {
                    let e = &b.statements.position.equity;
                    (e.total, e.opening, e.drawings)
                }
                None => (Rupiah::ZERO, Rupiah::ZERO, Rupiah::ZERO),
            };
            let capital_in = p.equity.opening.checked_sub(open_capital).unwrap();
            let drawn = p.equity.drawings.checked_sub(open_drawings).unwrap();
            let change = p.equity.total.checked_sub(open_equity).unwrap()
                .checked_add(drawn).unwrap()
                .checked_sub(capital_in).unwrap();
            prop_assert_eq!(books.statements.income.profit, change, "{}", month);
            before = Some(books);
        }
        // The last month against what the book keeps apart.
        let books = before.unwrap();
        let p = &books.statements.position;
        let today = at_day(last, 0).date();
        let stock: i64 = ["OWN-1", "OWN-2"]
            .iter()
            .map(|sku| store.find_product(sku).unwrap().stock.milli() / 1_000)
            .sum();
        prop_assert_eq!(p.assets.inventory, rp(stock * OWN_COST));
        let kasbon = store.customer_balance("C001", today).unwrap().balance;
        prop_assert_eq!(p.assets.receivables, kasbon);
        prop_assert_eq!(p.liabilities.payable_producers, store.producer_balance("P001").unwrap());
    }
}

/// The steps do what they say: a fixed run leaves an event of every kind
/// (so the random runs are not runs of refusals).
#[test]
fn a_fixed_run_leaves_every_kind_of_record() {
    use sentra::domain::books_event::Event;
    let (_dir, mut store) = setup();
    // A whole sale back needs the PIN: the one given back is of two.
    let sale = |product, method, void, give_back: bool| Step::Sale {
        product,
        quantity: if give_back { 2 } else { 1 },
        method,
        void,
        give_back,
    };
    let steps = [
        sale(0, 0, false, false),
        sale(1, 0, false, true),
        sale(2, 1, false, false),
        sale(0, 2, false, false),
        sale(0, 0, true, false),
        Step::ConsignIn(5),
        Step::ConsignOut(1),
        Step::Payout(5_000, true),
        Step::Repay(5_000, true),
        Step::Expense(7_000, true),
        Step::Receive(0, 5, 2),
        Step::Lose(1),
        Step::Asset(1_200_000, 12, 1),
        Step::Loan(5_000_000),
        Step::Instalment(100_000, 10_000),
        Step::Prive(50_000, false),
        Step::Deposit(20_000),
        Step::PaySupplier(10_000),
        Step::Close(-5_000),
        sale(0, 0, false, false),
    ];
    run(&mut store, &steps);
    let events = store.money_events().unwrap();
    let count = |f: fn(&Event) -> bool| events.iter().filter(|e| f(e)).count();
    assert_eq!(count(|e| matches!(e, Event::Sale { .. })), 6);
    assert_eq!(count(|e| matches!(e, Event::Void { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Return { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Payout { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Repayment { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Expense { .. })), 1);
    // The two stok awal and one more.
    assert_eq!(count(|e| matches!(e, Event::Purchase { .. })), 3);
    assert_eq!(count(|e| matches!(e, Event::StockChange { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::CashShort { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Asset { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Loan { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::LoanPayment { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Drawing { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Deposit { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::SupplierPaid { .. })), 1);
    assert_eq!(count(|e| matches!(e, Event::Opening { .. })), 1);
}
