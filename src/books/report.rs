//! A month's books as `report month` gives them: the stall it belongs to,
//! the three statements, and what the notes (CALK) list — the opening
//! balances, the fixed assets with their depreciation, the loans.

use serde::Serialize;

use super::depreciation::{depreciated, month_end};
use super::journal::BooksError;
use super::statements::{Statements, statements};
use time::Date;

use crate::domain::books_register::{RegisterError, parse_month};
use crate::money::Rupiah;
use crate::store::{Asset, Loan, Opening, Store, StoreError};

/// Why a month's books could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Books(#[from] BooksError),
}

/// A fixed asset as the notes list it: its cost, and its book value at the
/// month's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssetNote {
    #[serde(flatten)]
    pub asset: Asset,
    pub depreciated: Rupiah,
    pub book_value: Rupiah,
}

/// The month's books with the stall they belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthBooks {
    pub stall: String,
    pub stall_code: String,
    pub owner: Option<String>,
    pub regency: Option<String>,
    #[serde(flatten)]
    pub statements: Statements,
    pub opening: Option<Opening>,
    pub assets: Vec<AssetNote>,
    pub loans: Vec<Loan>,
    /// Products sold this month without an HPP (`SKU name`): their sales
    /// count in full as gross profit, and the notes say so.
    pub uncosted: Vec<String>,
}

/// The books of `month` (`YYYY-MM`) from the stall's records; a month
/// after `today`'s has no books yet.
pub fn month_books(store: &Store, month: &str, today: Date) -> Result<MonthBooks, ReportError> {
    let (year, month) = parse_month(month).map_err(StoreError::from)?;
    if (year, month as u8) > (today.year(), today.month() as u8) {
        let refusal = RegisterError::FutureMonth(format!("{year:04}-{:02}", month as u8));
        return Err(StoreError::from(refusal).into());
    }
    let identity = store.identity()?.ok_or(StoreError::NotInitialised)?;
    let events = store.money_events()?;
    let statements = statements(&events, year, month)?;
    let last_day = month_end(year, month);
    let end = last_day.to_string();
    let assets = store
        .assets()?
        .into_iter()
        .filter(|a| a.day <= end)
        .map(|asset| {
            let bought = crate::clock::parse_day(&asset.day).unwrap_or(last_day);
            let depreciated = depreciated(asset.cost, asset.life_months, bought, last_day);
            let book_value = asset.cost.checked_sub(depreciated)?;
            Ok(AssetNote {
                asset,
                depreciated,
                book_value,
            })
        })
        .collect::<Result<_, crate::money::MoneyError>>()
        .map_err(BooksError::from)?;
    let loans = store.loans_at(&end)?;
    let first_day = last_day.replace_day(1).unwrap_or(last_day);
    let uncosted = store
        .profit(first_day, last_day)?
        .uncosted
        .iter()
        .map(|p| format!("{} {}", p.sku, p.name))
        .collect();
    Ok(MonthBooks {
        stall: identity.name.clone(),
        stall_code: identity.stall_code().to_string(),
        owner: identity.owner.clone(),
        regency: identity.regency.map(|r| r.name.to_string()),
        statements,
        opening: store.opening()?,
        assets,
        loans,
        uncosted,
    })
}
