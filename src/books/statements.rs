//! The statements of a month: the laporan posisi keuangan at its last day,
//! the laporan laba rugi of the month and of the year to date. Folded from
//! the journal entries; the JSON names are the design's.

use std::collections::BTreeMap;

use serde::Serialize;
use time::{Date, Month};

use super::account::Account;
use super::depreciation::{depreciation_events, month_end};
use super::journal::{BooksError, Entry, entry_for};
use crate::domain::books_event::Event;
use crate::money::Rupiah;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Assets {
    pub cash: Rupiah,
    pub bank: Rupiah,
    pub receivables: Rupiah,
    pub inventory: Rupiah,
    /// At cost less accumulated depreciation.
    pub fixed_assets: Rupiah,
    pub total: Rupiah,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Liabilities {
    pub payable_suppliers: Rupiah,
    pub payable_producers: Rupiah,
    pub bank_loans: Rupiah,
    pub total: Rupiah,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Equity {
    /// Modal: the opening equity and capital the owner added since.
    pub opening: Rupiah,
    /// Profit of the months before this one.
    pub retained: Rupiah,
    /// This month's profit.
    pub profit: Rupiah,
    /// Prive taken since the opening (subtracted).
    pub drawings: Rupiah,
    pub total: Rupiah,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Position {
    pub assets: Assets,
    pub liabilities: Liabilities,
    pub equity: Equity,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Income {
    pub revenue: Rupiah,
    pub commission: Rupiah,
    pub cost_of_goods: Rupiah,
    /// Revenue and commission less the cost of goods.
    pub gross_profit: Rupiah,
    pub expenses: Rupiah,
    pub depreciation: Rupiah,
    pub interest: Rupiah,
    pub tax: Rupiah,
    pub profit: Rupiah,
}

/// The month's statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statements {
    /// `YYYY-MM`.
    pub period: String,
    /// `YYYY-MM-DD`, the month's first and last days.
    pub from: String,
    pub to: String,
    /// The opening balances' date, if the books have one.
    pub opened: Option<String>,
    pub position: Position,
    pub income: Income,
    pub year_to_date: Income,
}

type Balances = BTreeMap<Account, Rupiah>;

/// The balances a record from before the saldo awal still leaves: the
/// saldo awal states kas, bank and persediaan, so those parts are in its
/// figures; piutang, the utang, fixed assets and their depreciation are
/// not, and are brought in against modal.
const BROUGHT_IN: [Account; 6] = [
    Account::Receivables,
    Account::FixedAssets,
    Account::AccumulatedDepreciation,
    Account::PayableSuppliers,
    Account::PayableProducers,
    Account::BankLoans,
];

/// The entries the books count up to `to`: from the last saldo awal on (a
/// new one corrects the one before), what earlier records leave in the
/// accounts of [`BROUGHT_IN`] as one entry on the saldo awal's day, and
/// each asset's monthly depreciation.
fn counted(events: &[Event], to: Date) -> Result<(Option<Date>, Vec<Entry>), BooksError> {
    let opening = events
        .iter()
        .rev()
        .find(|e| matches!(e, Event::Opening { .. }));
    let start = opening.map(Event::date);
    let mut all: Vec<Event> = events
        .iter()
        .filter(|e| !matches!(e, Event::Opening { .. }))
        .cloned()
        .collect();
    all.extend(depreciation_events(&all, to));
    let mut entries = Vec::new();
    let mut brought = Balances::new();
    if let Some(opening) = opening {
        entries.push(entry_for(opening)?);
    }
    for event in all.iter().filter(|e| e.date() <= to) {
        let entry = entry_for(event)?;
        match start {
            Some(start) if event.date() < start => {
                for (account, amount) in entry.lines {
                    if BROUGHT_IN.contains(&account) {
                        let sum = brought.entry(account).or_insert(Rupiah::ZERO);
                        *sum = sum.checked_add(amount)?;
                    }
                }
            }
            _ => entries.push(entry),
        }
    }
    if let Some(start) = start.filter(|_| !brought.is_empty()) {
        let mut lines: Vec<(Account, Rupiah)> = brought.into_iter().collect();
        let sum = Rupiah::sum(lines.iter().map(|(_, amount)| *amount))?;
        lines.push((Account::OpeningEquity, sum.checked_neg()?));
        entries.push(Entry { date: start, lines });
    }
    Ok((start, entries))
}

fn balances(entries: &[Entry], from: Option<Date>, to: Date) -> Result<Balances, BooksError> {
    let mut sums = Balances::new();
    for entry in entries {
        if entry.date > to || from.is_some_and(|f| entry.date < f) {
            continue;
        }
        for (account, amount) in &entry.lines {
            let sum = sums.entry(*account).or_insert(Rupiah::ZERO);
            *sum = sum.checked_add(*amount)?;
        }
    }
    Ok(sums)
}

fn get(sums: &Balances, account: Account) -> Rupiah {
    sums.get(&account).copied().unwrap_or(Rupiah::ZERO)
}

/// A credit balance as a positive figure.
fn owed(sums: &Balances, account: Account) -> Result<Rupiah, BooksError> {
    Ok(get(sums, account).checked_neg()?)
}

fn income(sums: &Balances) -> Result<Income, BooksError> {
    let revenue = owed(sums, Account::Revenue)?;
    let commission = owed(sums, Account::Commission)?;
    let cost_of_goods = get(sums, Account::CostOfGoods);
    let gross_profit = revenue
        .checked_add(commission)?
        .checked_sub(cost_of_goods)?;
    let expenses = get(sums, Account::Expenses);
    let depreciation = get(sums, Account::Depreciation);
    let interest = get(sums, Account::Interest);
    let tax = get(sums, Account::Tax);
    let costs = Rupiah::sum([expenses, depreciation, interest, tax])?;
    Ok(Income {
        revenue,
        commission,
        cost_of_goods,
        gross_profit,
        expenses,
        depreciation,
        interest,
        tax,
        profit: gross_profit.checked_sub(costs)?,
    })
}

fn position(all: &Balances, month_profit: Rupiah) -> Result<Position, BooksError> {
    let fixed_assets =
        get(all, Account::FixedAssets).checked_add(get(all, Account::AccumulatedDepreciation))?;
    let mut assets = Assets {
        cash: get(all, Account::Cash),
        bank: get(all, Account::Bank),
        receivables: get(all, Account::Receivables),
        inventory: get(all, Account::Inventory),
        fixed_assets,
        total: Rupiah::ZERO,
    };
    assets.total = Rupiah::sum([
        assets.cash,
        assets.bank,
        assets.receivables,
        assets.inventory,
        assets.fixed_assets,
    ])?;
    let mut liabilities = Liabilities {
        payable_suppliers: owed(all, Account::PayableSuppliers)?,
        payable_producers: owed(all, Account::PayableProducers)?,
        bank_loans: owed(all, Account::BankLoans)?,
        total: Rupiah::ZERO,
    };
    liabilities.total = Rupiah::sum([
        liabilities.payable_suppliers,
        liabilities.payable_producers,
        liabilities.bank_loans,
    ])?;
    let opening =
        owed(all, Account::OpeningEquity)?.checked_add(owed(all, Account::CapitalPaidIn)?)?;
    let profit_to_date = income(all)?.profit;
    let drawings = get(all, Account::Drawings);
    let equity = Equity {
        opening,
        retained: profit_to_date.checked_sub(month_profit)?,
        profit: month_profit,
        drawings,
        total: opening.checked_add(profit_to_date)?.checked_sub(drawings)?,
    };
    Ok(Position {
        assets,
        liabilities,
        equity,
    })
}

/// The statements of `year`-`month` from the stall's events (in the order
/// they were recorded).
pub fn statements(events: &[Event], year: i32, month: Month) -> Result<Statements, BooksError> {
    let from = Date::from_calendar_date(year, month, 1).expect("day 1 exists");
    let to = month_end(year, month);
    let year_start = Date::from_calendar_date(year, Month::January, 1).expect("1 January");
    let (opened, counted) = counted(events, to)?;
    let month_income = income(&balances(&counted, Some(from), to)?)?;
    let ytd = income(&balances(&counted, Some(year_start), to)?)?;
    let all = balances(&counted, None, to)?;
    Ok(Statements {
        period: format!("{year:04}-{:02}", month as u8),
        from: from.to_string(),
        to: to.to_string(),
        opened: opened.map(|d| d.to_string()),
        position: position(&all, month_income.profit)?,
        income: month_income,
        year_to_date: ytd,
    })
}
