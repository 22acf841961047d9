//! The journal: each event is one balanced entry, one function per kind.
//! Debits are positive, credits negative; an entry whose lines do not sum to
//! zero is refused, so a statement never hides an unbalanced record.

use time::Date;

use super::account::Account;
use crate::domain::books_event::{Event, Paid, Purse, SaleMoney};
use crate::money::{MoneyError, Rupiah};

/// Why the books could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BooksError {
    #[error("{0}")]
    Money(#[from] MoneyError),
    #[error("catatan tidak seimbang pada {0}: debit dan kredit berbeda {1}")]
    Unbalanced(Date, Rupiah),
}

/// One journal entry: its day and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub date: Date,
    pub lines: Vec<(Account, Rupiah)>,
}

type Lines = Vec<(Account, Rupiah)>;

fn debit(lines: &mut Lines, account: Account, amount: Rupiah) {
    if amount != Rupiah::ZERO {
        lines.push((account, amount));
    }
}

fn credit(lines: &mut Lines, account: Account, amount: Rupiah) -> Result<(), BooksError> {
    if amount != Rupiah::ZERO {
        lines.push((account, amount.checked_neg()?));
    }
    Ok(())
}

fn purse(purse: Purse) -> Account {
    match purse {
        Purse::Cash => Account::Cash,
        Purse::Bank => Account::Bank,
    }
}

fn paid_from(paid: Paid) -> Account {
    match paid {
        Paid::Drawer => Account::Cash,
        Paid::Bank => Account::Bank,
        Paid::Credit => Account::PayableSuppliers,
        Paid::Owner => Account::CapitalPaidIn,
    }
}

/// The entry an event makes, checked to balance.
pub fn entry_for(event: &Event) -> Result<Entry, BooksError> {
    let lines = match *event {
        Event::Opening {
            cash,
            bank,
            inventory,
            equity,
            ..
        } => opening(cash, bank, inventory, equity)?,
        Event::Purchase { cost, paid, .. } => bought(Account::Inventory, cost, paid)?,
        Event::Sale { money, .. } => sale(&money)?,
        Event::Void { money, .. } | Event::Return { money, .. } => reversed(sale(&money)?)?,
        Event::Payout { amount, from, .. } => pair(Account::PayableProducers, purse(from), amount)?,
        Event::Repayment { amount, into, .. } => pair(purse(into), Account::Receivables, amount)?,
        Event::Expense { amount, from, .. } | Event::Fee { amount, from, .. } => {
            pair(Account::Expenses, purse(from), amount)?
        }
        Event::Asset { cost, paid, .. } => bought(Account::FixedAssets, cost, paid)?,
        Event::Depreciation { amount, .. } => pair(
            Account::Depreciation,
            Account::AccumulatedDepreciation,
            amount,
        )?,
        Event::Loan { amount, .. } => pair(Account::Bank, Account::BankLoans, amount)?,
        Event::LoanPayment {
            principal,
            interest,
            ..
        } => loan_payment(principal, interest)?,
        Event::Drawing { amount, from, .. } => pair(Account::Drawings, purse(from), amount)?,
        Event::Deposit { amount, .. } => pair(Account::Bank, Account::Cash, amount)?,
        Event::SupplierPaid { amount, from, .. } => {
            pair(Account::PayableSuppliers, purse(from), amount)?
        }
        Event::StockChange { amount, .. } => pair(Account::Expenses, Account::Inventory, amount)?,
        Event::CashShort { amount, .. } => pair(Account::Expenses, Account::Cash, amount)?,
    };
    balanced(event.date(), lines)
}

fn balanced(date: Date, lines: Lines) -> Result<Entry, BooksError> {
    let sum = Rupiah::sum(lines.iter().map(|(_, amount)| *amount))?;
    if sum != Rupiah::ZERO {
        return Err(BooksError::Unbalanced(date, sum));
    }
    Ok(Entry { date, lines })
}

/// Debit one account, credit another, by the same amount.
fn pair(to: Account, from: Account, amount: Rupiah) -> Result<Lines, BooksError> {
    let mut lines = Lines::new();
    debit(&mut lines, to, amount);
    credit(&mut lines, from, amount)?;
    Ok(lines)
}

/// Opening balances: the assets against equity; equity declared below the
/// assets leaves the rest owed to suppliers.
fn opening(
    cash: Rupiah,
    bank: Rupiah,
    inventory: Rupiah,
    equity: Rupiah,
) -> Result<Lines, BooksError> {
    let assets = Rupiah::sum([cash, bank, inventory])?;
    let mut lines = Lines::new();
    debit(&mut lines, Account::Cash, cash);
    debit(&mut lines, Account::Bank, bank);
    debit(&mut lines, Account::Inventory, inventory);
    credit(&mut lines, Account::OpeningEquity, equity)?;
    credit(
        &mut lines,
        Account::PayableSuppliers,
        assets.checked_sub(equity)?,
    )?;
    Ok(lines)
}

fn bought(asset: Account, cost: Rupiah, paid: Paid) -> Result<Lines, BooksError> {
    pair(asset, paid_from(paid), cost)
}

/// A sale: paid in to kas, bank or piutang; own goods to revenue with their
/// cost moved from persediaan to HPP; consigned goods' commission to the
/// stall, the rest owed to the producer.
fn sale(money: &SaleMoney) -> Result<Lines, BooksError> {
    let mut lines = Lines::new();
    debit(&mut lines, Account::Cash, money.cash);
    debit(&mut lines, Account::Bank, money.bank);
    debit(&mut lines, Account::Receivables, money.receivable);
    credit(&mut lines, Account::Revenue, money.own)?;
    credit(&mut lines, Account::Commission, money.commission)?;
    credit(&mut lines, Account::PayableProducers, money.owed)?;
    debit(&mut lines, Account::CostOfGoods, money.cost);
    credit(&mut lines, Account::Inventory, money.cost)?;
    Ok(lines)
}

fn reversed(lines: Lines) -> Result<Lines, BooksError> {
    lines
        .into_iter()
        .map(|(account, amount)| Ok((account, amount.checked_neg()?)))
        .collect()
}

fn loan_payment(principal: Rupiah, interest: Rupiah) -> Result<Lines, BooksError> {
    let mut lines = Lines::new();
    debit(&mut lines, Account::BankLoans, principal);
    debit(&mut lines, Account::Interest, interest);
    credit(&mut lines, Account::Bank, principal.checked_add(interest)?)?;
    Ok(lines)
}
