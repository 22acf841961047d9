//! Money moved by the registers, checked against the books first: prive
//! and a supplier paid come out of what the purse holds, setoran out of the
//! kas, and a supplier is paid no more than is owed. One rule for the
//! command line and the window.

use time::OffsetDateTime;

use super::report::ReportError;
use super::statements::{Position, statements};
use crate::domain::books_event::Purse;
use crate::domain::books_register::RegisterError;
use crate::money::Rupiah;
use crate::store::{MoneyMove, Store, StoreError};

/// The position today, from the book's records.
fn today(store: &Store, now: OffsetDateTime) -> Result<Position, ReportError> {
    let day = store.business_day(now);
    let events = store.money_events()?;
    Ok(statements(&events, day.year(), day.month())?.position)
}

fn at_most(what: &'static str, asked: Rupiah, held: Rupiah) -> Result<(), ReportError> {
    if asked > held {
        let refusal = RegisterError::MoreThanHeld { what, asked, held };
        return Err(StoreError::from(refusal).into());
    }
    Ok(())
}

/// Prive, setoran or a supplier paid, once the books hold the money.
pub fn record_money_move(
    store: &mut Store,
    kind: MoneyMove,
    amount: Rupiah,
    purse: Purse,
    note: Option<&str>,
    pin: Option<&str>,
    now: OffsetDateTime,
) -> Result<String, ReportError> {
    store.require_stall()?;
    let position = today(store, now)?;
    let purse = if kind == MoneyMove::BankDeposit {
        Purse::Cash
    } else {
        purse
    };
    let (what, held) = match purse {
        Purse::Cash => ("kas", position.assets.cash),
        Purse::Bank => ("bank", position.assets.bank),
    };
    if kind == MoneyMove::SupplierPaid {
        let owed = position.liabilities.payable_suppliers;
        at_most("utang usaha", amount, owed)?;
    }
    at_most(what, amount, held)?;
    Ok(store.record_money_move(kind, amount, purse, note, pin, now)?)
}
