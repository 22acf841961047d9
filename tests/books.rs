//! A small hand-made month whose statements are worked out here line by line.

use sentra::books::event::{Event, Paid, Purse, SaleMoney};
use sentra::books::statements;
use sentra::money::Rupiah;
use time::{Date, Month};

fn rp(v: i64) -> Rupiah {
    Rupiah::new(v)
}

fn march(d: u8) -> Date {
    Date::from_calendar_date(2026, Month::March, d).unwrap()
}

fn month() -> Vec<Event> {
    vec![
        // Opening: kas 1.000.000, bank 2.000.000, stock at cost 3.000.000, all equity.
        Event::Opening {
            date: march(1),
            cash: rp(1_000_000),
            bank: rp(2_000_000),
            inventory: rp(3_000_000),
            equity: rp(6_000_000),
        },
        // Own goods sold for 500.000 (cost 300.000): 200.000 cash, 150.000 QRIS, 150.000 kasbon.
        Event::Sale {
            date: march(2),
            money: SaleMoney {
                cash: rp(200_000),
                bank: rp(150_000),
                receivable: rp(150_000),
                own: rp(500_000),
                cost: rp(300_000),
                ..SaleMoney::default()
            },
        },
        // A consigned tapis sold for 1.000.000 cash: 100.000 commission, 900.000 owed.
        Event::Sale {
            date: march(3),
            money: SaleMoney {
                cash: rp(1_000_000),
                commission: rp(100_000),
                owed: rp(900_000),
                ..SaleMoney::default()
            },
        },
        // A cash sale of 80.000 (cost 50.000), voided.
        Event::Sale {
            date: march(4),
            money: SaleMoney {
                cash: rp(80_000),
                own: rp(80_000),
                cost: rp(50_000),
                ..SaleMoney::default()
            },
        },
        Event::Void {
            date: march(4),
            money: SaleMoney {
                cash: rp(80_000),
                own: rp(80_000),
                cost: rp(50_000),
                ..SaleMoney::default()
            },
        },
        // Part of the first sale returned to kasbon: 50.000, cost 30.000.
        Event::Return {
            date: march(5),
            money: SaleMoney {
                receivable: rp(50_000),
                own: rp(50_000),
                cost: rp(30_000),
                ..SaleMoney::default()
            },
        },
        // The producer paid 600.000 by transfer.
        Event::Payout {
            date: march(10),
            amount: rp(600_000),
            from: Purse::Bank,
        },
        // The customer pays 40.000 of kasbon in cash.
        Event::Repayment {
            date: march(11),
            amount: rp(40_000),
            into: Purse::Cash,
        },
        // Goods bought: 400.000 on credit, 100.000 from the owner's pocket.
        Event::Purchase {
            date: march(12),
            cost: rp(400_000),
            paid: Paid::Credit,
        },
        Event::Purchase {
            date: march(12),
            cost: rp(100_000),
            paid: Paid::Owner,
        },
        Event::Expense {
            date: march(13),
            amount: rp(25_000),
            from: Purse::Cash,
        },
        Event::Fee {
            date: march(14),
            amount: rp(15_000),
            from: Purse::Cash,
        },
        // A display case for 1.200.000 from the bank, 24 months.
        Event::Asset {
            date: march(15),
            cost: rp(1_200_000),
            life_months: 24,
            paid: Paid::Bank,
        },
        Event::Loan {
            date: march(16),
            amount: rp(5_000_000),
        },
        Event::LoanPayment {
            date: march(30),
            principal: rp(200_000),
            interest: rp(30_000),
        },
        Event::Drawing {
            date: march(20),
            amount: rp(100_000),
            from: Purse::Cash,
        },
        Event::Deposit {
            date: march(21),
            amount: rp(500_000),
        },
    ]
}

#[test]
fn a_hand_made_month_line_by_line() {
    let s = statements(&month(), 2026, Month::March).unwrap();
    let cash = 1_000_000 + 200_000 + 1_000_000 + 80_000 - 80_000 + 40_000
        - 25_000
        - 15_000
        - 100_000
        - 500_000;
    let bank = 2_000_000 + 150_000 - 600_000 - 1_200_000 + 5_000_000 - 230_000 + 500_000;
    let receivables = 150_000 - 50_000 - 40_000;
    let inventory = 3_000_000 - 300_000 - 50_000 + 50_000 + 30_000 + 400_000 + 100_000;
    let fixed_assets = 1_200_000 - 1_200_000 / 24;
    let payable_suppliers = 400_000;
    let payable_producers = 900_000 - 600_000;
    let bank_loans = 5_000_000 - 200_000;
    let revenue = 500_000 + 80_000 - 80_000 - 50_000;
    let commission = 100_000;
    let cost_of_goods = 300_000 + 50_000 - 50_000 - 30_000;
    let gross_profit = revenue + commission - cost_of_goods;
    let expenses = 25_000 + 15_000;
    let depreciation = 50_000;
    let interest = 30_000;
    let profit = gross_profit - expenses - depreciation - interest;
    let equity_opening = 6_000_000 + 100_000;

    let p = &s.position;
    assert_eq!(p.assets.cash.value(), cash);
    assert_eq!(p.assets.bank.value(), bank);
    assert_eq!(p.assets.receivables.value(), receivables);
    assert_eq!(p.assets.inventory.value(), inventory);
    assert_eq!(p.assets.fixed_assets.value(), fixed_assets);
    assert_eq!(
        p.assets.total.value(),
        cash + bank + receivables + inventory + fixed_assets
    );
    assert_eq!(p.liabilities.payable_suppliers.value(), payable_suppliers);
    assert_eq!(p.liabilities.payable_producers.value(), payable_producers);
    assert_eq!(p.liabilities.bank_loans.value(), bank_loans);
    assert_eq!(
        p.liabilities.total.value(),
        payable_suppliers + payable_producers + bank_loans
    );
    assert_eq!(s.income.revenue.value(), revenue);
    assert_eq!(s.income.commission.value(), commission);
    assert_eq!(s.income.cost_of_goods.value(), cost_of_goods);
    assert_eq!(s.income.gross_profit.value(), gross_profit);
    assert_eq!(s.income.expenses.value(), expenses);
    assert_eq!(s.income.depreciation.value(), depreciation);
    assert_eq!(s.income.interest.value(), interest);
    assert_eq!(s.income.tax.value(), 0);
    assert_eq!(s.income.profit.value(), profit);
    assert_eq!(p.equity.opening.value(), equity_opening);
    assert_eq!(p.equity.retained.value(), 0);
    assert_eq!(p.equity.profit.value(), profit);
    assert_eq!(p.equity.drawings.value(), 100_000);
    assert_eq!(p.equity.total.value(), equity_opening + profit - 100_000);
    assert_eq!(s.year_to_date, s.income, "the books opened in March");
}

#[test]
fn april_carries_march_profit_as_retained_and_depreciates_again() {
    let s = statements(&month(), 2026, Month::April).unwrap();
    let march = statements(&month(), 2026, Month::March).unwrap();
    assert_eq!(s.income.depreciation.value(), 50_000);
    assert_eq!(s.income.profit.value(), -50_000);
    assert_eq!(s.position.equity.retained, march.income.profit);
    assert_eq!(s.position.assets.fixed_assets.value(), 1_100_000);
    assert_eq!(
        s.year_to_date.profit.value(),
        march.income.profit.value() - 50_000
    );
}

#[test]
fn records_before_the_last_opening_are_in_its_figures() {
    let mut events = vec![Event::Expense {
        date: Date::from_calendar_date(2026, Month::February, 10).unwrap(),
        amount: rp(999),
        from: Purse::Cash,
    }];
    events.extend(month());
    let s = statements(&events, 2026, Month::March).unwrap();
    assert_eq!(s.income.expenses.value(), 40_000);
}

#[test]
fn an_unbalanced_sale_is_refused() {
    let events = vec![Event::Sale {
        date: march(2),
        money: SaleMoney {
            cash: rp(100),
            own: rp(90),
            ..SaleMoney::default()
        },
    }];
    let error = statements(&events, 2026, Month::March).unwrap_err();
    assert!(error.to_string().contains("tidak seimbang"), "{error}");
}
