//! Over random books: every month the position balances (assets =
//! liabilities + equity), and the month's profit is the change in equity
//! with prive added back and capital paid in taken out.

use proptest::prelude::*;
use sentra::books::event::{Event, Paid, Purse, SaleMoney};
use sentra::books::statements;
use sentra::money::Rupiah;
use time::{Date, Month};

fn rp(v: i64) -> Rupiah {
    Rupiah::new(v)
}

fn day(month: u8, d: u8) -> Date {
    Date::from_calendar_date(2026, Month::try_from(month).unwrap(), d).unwrap()
}

fn paid() -> impl Strategy<Value = Paid> {
    prop_oneof![
        Just(Paid::Drawer),
        Just(Paid::Bank),
        Just(Paid::Credit),
        Just(Paid::Owner)
    ]
}

fn purse() -> impl Strategy<Value = Purse> {
    prop_oneof![Just(Purse::Cash), Just(Purse::Bank)]
}

/// A sale's money that adds up: paid in equals own + commission + owed.
fn money() -> impl Strategy<Value = SaleMoney> {
    (
        0i64..500_000,
        0i64..50_000,
        0i64..300_000,
        0i64..400_000,
        0u8..3,
        0u8..3,
    )
        .prop_map(|(own, commission, owed, cost, cash_share, bank_share)| {
            let total = own + commission + owed;
            let cash = total * i64::from(cash_share) / 4;
            let bank = (total - cash) * i64::from(bank_share) / 4;
            SaleMoney {
                cash: rp(cash),
                bank: rp(bank),
                receivable: rp(total - cash - bank),
                own: rp(own),
                commission: rp(commission),
                owed: rp(owed),
                cost: rp(cost),
            }
        })
}

fn event() -> impl Strategy<Value = Event> {
    let date = (1u8..=4, 1u8..=28).prop_map(|(m, d)| day(m, d));
    let amount = 1i64..2_000_000;
    prop_oneof![
        (date.clone(), money()).prop_map(|(date, money)| Event::Sale { date, money }),
        (date.clone(), money()).prop_map(|(date, money)| Event::Void { date, money }),
        (date.clone(), money()).prop_map(|(date, money)| Event::Return { date, money }),
        (date.clone(), amount.clone(), paid()).prop_map(|(date, c, paid)| Event::Purchase {
            date,
            cost: rp(c),
            paid
        }),
        (date.clone(), amount.clone(), purse()).prop_map(|(date, a, from)| Event::Payout {
            date,
            amount: rp(a),
            from
        }),
        (date.clone(), amount.clone(), purse()).prop_map(|(date, a, into)| Event::Repayment {
            date,
            amount: rp(a),
            into
        }),
        (date.clone(), amount.clone(), purse()).prop_map(|(date, a, from)| Event::Expense {
            date,
            amount: rp(a),
            from
        }),
        (date.clone(), amount.clone(), purse()).prop_map(|(date, a, from)| Event::Fee {
            date,
            amount: rp(a),
            from
        }),
        (date.clone(), amount.clone(), 1u32..40, paid()).prop_map(|(date, c, life, paid)| {
            Event::Asset {
                date,
                cost: rp(c),
                life_months: life,
                paid,
            }
        }),
        (date.clone(), amount.clone()).prop_map(|(date, a)| Event::Loan {
            date,
            amount: rp(a)
        }),
        (date.clone(), amount.clone(), 0i64..100_000).prop_map(|(date, p, i)| {
            Event::LoanPayment {
                date,
                principal: rp(p),
                interest: rp(i),
            }
        }),
        (date.clone(), amount.clone(), purse()).prop_map(|(date, a, from)| Event::Drawing {
            date,
            amount: rp(a),
            from
        }),
        (date, amount).prop_map(|(date, a)| Event::Deposit {
            date,
            amount: rp(a)
        }),
    ]
}

fn books() -> impl Strategy<Value = Vec<Event>> {
    (
        0i64..5_000_000,
        0i64..5_000_000,
        0i64..5_000_000,
        proptest::collection::vec(event(), 0..60),
    )
        .prop_map(|(cash, bank, inventory, mut rest)| {
            let assets = cash + bank + inventory;
            let mut events = vec![Event::Opening {
                date: day(1, 1),
                cash: rp(cash),
                bank: rp(bank),
                inventory: rp(inventory),
                equity: rp(assets - assets / 10),
            }];
            events.append(&mut rest);
            events
        })
}

/// Capital the owner put in during a month: the opening equity and goods or
/// assets paid from their own pocket.
fn paid_in(events: &[Event], month: Month) -> i64 {
    events
        .iter()
        .filter(|e| e.date().month() == month)
        .map(|e| match *e {
            Event::Opening { equity, .. } => equity.value(),
            Event::Purchase {
                cost,
                paid: Paid::Owner,
                ..
            }
            | Event::Asset {
                cost,
                paid: Paid::Owner,
                ..
            } => cost.value(),
            _ => 0,
        })
        .sum()
}

fn drawn(events: &[Event], month: Month) -> i64 {
    events
        .iter()
        .filter(|e| e.date().month() == month)
        .map(|e| match *e {
            Event::Drawing { amount, .. } => amount.value(),
            _ => 0,
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_month_balances_and_profit_is_the_change_in_equity(events in books()) {
        let mut equity_before = 0i64;
        let mut ytd = 0i64;
        for m in 1u8..=5 {
            let month = Month::try_from(m).unwrap();
            let s = statements(&events, 2026, month).unwrap();
            let p = &s.position;
            prop_assert_eq!(
                p.assets.total.value(),
                p.liabilities.total.value() + p.equity.total.value(),
                "{}: assets = liabilities + equity", s.period
            );
            let change = p.equity.total.value() - equity_before
                + drawn(&events, month) - paid_in(&events, month);
            prop_assert_eq!(s.income.profit.value(), change, "{}: profit", s.period);
            prop_assert_eq!(s.position.equity.profit, s.income.profit);
            ytd += s.income.profit.value();
            prop_assert_eq!(s.year_to_date.profit.value(), ytd);
            equity_before = p.equity.total.value();
        }
    }
}
