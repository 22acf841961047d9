//! The demo's registers, so a new user sees a whole month's statements:
//! saldo awal on the first day, a display case and a PC as fixed assets, a
//! KUR loan paid monthly, the day's cash taken to the bank after each
//! close, a prive each week, and the suppliers' credit paid.

use time::{Date, OffsetDateTime};

use crate::domain::books_event::{Paid, Purse};
use crate::domain::pin::Approval;
use crate::money::Rupiah;
use crate::store::{MoneyMove, Store, StoreError};

/// Saldo awal, the assets and the loan, on the first morning.
pub fn opening(store: &mut Store, first: Date, at: OffsetDateTime) -> Result<(), StoreError> {
    let balances = (Rupiah::new(2_000_000), Rupiah::new(5_000_000), None);
    store.record_opening(first, balances, None, at)?;
    store.add_asset(
        "Etalase kaca / glass display case",
        Rupiah::new(3_600_000),
        first,
        36,
        Paid::Owner,
        at,
    )?;
    store.add_asset(
        "Komputer kasir / till PC",
        Rupiah::new(6_000_000),
        first,
        24,
        Paid::Bank,
        at,
    )?;
    store.add_loan("KUR BRI Metro", Rupiah::new(10_000_000), first, at)?;
    Ok(())
}

/// After a day's close: the cash beyond the float goes to the bank; on
/// Saturdays the owner draws a prive and a supplier is paid; on the 25th
/// the loan's instalment is paid.
pub fn after_close(
    store: &mut Store,
    date: Date,
    float: Rupiah,
    counted: Rupiah,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    let deposit = counted.checked_sub(float)?;
    if deposit.is_positive() {
        store.record_money_move(MoneyMove::BankDeposit, deposit, Purse::Cash, None, None, at)?;
    }
    if date.weekday() == time::Weekday::Saturday {
        let amount = Rupiah::new(750_000);
        let approval = Approval::Drawing { amount };
        store.write_money_move(
            MoneyMove::OwnerDraw,
            amount,
            Purse::Bank,
            Some("contoh / demo"),
            Some(&approval),
            at,
        )?;
        let paid = Rupiah::new(supplier_owed(store)?.value() / 2);
        if paid.is_positive() {
            store.record_money_move(MoneyMove::SupplierPaid, paid, Purse::Bank, None, None, at)?;
        }
    }
    if date.day() == 25 {
        store.pay_loan("PJ-1", Rupiah::new(420_000), Rupiah::new(50_000), date, at)?;
    }
    Ok(())
}

/// What the suppliers' credit still holds: goods bought on credit less what
/// was paid them.
fn supplier_owed(store: &Store) -> Result<Rupiah, StoreError> {
    use crate::domain::books_event::Event;
    let mut owed = Rupiah::ZERO;
    for event in store.money_events()? {
        owed = match event {
            Event::Purchase {
                cost,
                paid: Paid::Credit,
                ..
            } => owed.checked_add(cost)?,
            Event::SupplierPaid { amount, .. } => owed.checked_sub(amount)?,
            _ => owed,
        };
    }
    Ok(owed)
}
