//! *Tutup kasir*: what should be in the drawer, and the difference (*selisih*)
//! from what was counted.

use serde::Serialize;

use crate::money::{MoneyError, Rupiah};

/// The cash figures of one business day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CashCount {
    /// *Kas awal*: the float the day opened with.
    pub opening_float: Rupiah,
    /// Cash taken in for sales.
    pub cash_in: Rupiah,
    /// Cash paid out for returns.
    pub cash_out: Rupiah,
    /// Cash paid to producers (*bayar penitip* from the drawer).
    pub producer_payouts: Rupiah,
    /// Cash customers paid back on their kasbon (*bayar kasbon* in cash).
    pub kasbon_repayments: Rupiah,
    /// Expenses paid out of the drawer (*pengeluaran dari laci*).
    pub drawer_expenses: Rupiah,
    /// Cash taken out of the drawer for the month's books: goods or assets
    /// paid from it, prive, setoran, a supplier paid.
    pub books_out: Rupiah,
    /// Opening float + cash in − cash out − producer payouts + kasbon
    /// repayments − drawer expenses − books out.
    pub expected: Rupiah,
    /// What the vendor counted.
    pub counted: Rupiah,
    /// Counted − expected: negative when cash is missing.
    pub difference: Rupiah,
}

impl CashCount {
    pub fn new(
        opening_float: Rupiah,
        cash_in: Rupiah,
        cash_out: Rupiah,
        counted: Rupiah,
    ) -> Result<CashCount, MoneyError> {
        let expected = opening_float.checked_add(cash_in)?.checked_sub(cash_out)?;
        Ok(CashCount {
            opening_float,
            cash_in,
            cash_out,
            producer_payouts: Rupiah::ZERO,
            kasbon_repayments: Rupiah::ZERO,
            drawer_expenses: Rupiah::ZERO,
            books_out: Rupiah::ZERO,
            expected,
            counted,
            difference: counted.checked_sub(expected)?,
        })
    }

    /// The same count with `amount` paid to producers in cash out of the
    /// drawer: the expected cash is lower by exactly that much.
    pub fn with_producer_payouts(mut self, amount: Rupiah) -> Result<CashCount, MoneyError> {
        self.expected = self
            .expected
            .checked_add(self.producer_payouts)?
            .checked_sub(amount)?;
        self.producer_payouts = amount;
        self.difference = self.counted.checked_sub(self.expected)?;
        Ok(self)
    }

    /// The same count with the cash customers paid back on their kasbon
    /// (more in the drawer) and the expenses paid out of it (less), each a
    /// term of its own.
    pub fn with_kasbon_and_expenses(
        mut self,
        repayments: Rupiah,
        expenses: Rupiah,
    ) -> Result<CashCount, MoneyError> {
        self.expected = self
            .expected
            .checked_sub(self.kasbon_repayments)?
            .checked_add(self.drawer_expenses)?
            .checked_add(repayments)?
            .checked_sub(expenses)?;
        self.kasbon_repayments = repayments;
        self.drawer_expenses = expenses;
        self.difference = self.counted.checked_sub(self.expected)?;
        Ok(self)
    }

    /// The same count with `amount` taken out of the drawer for the books'
    /// registers.
    pub fn with_books_out(mut self, amount: Rupiah) -> Result<CashCount, MoneyError> {
        self.expected = self
            .expected
            .checked_add(self.books_out)?
            .checked_sub(amount)?;
        self.books_out = amount;
        self.difference = self.counted.checked_sub(self.expected)?;
        Ok(self)
    }

    /// The same flows as if exactly what is expected were counted (a day
    /// still open).
    pub fn counted_as_expected(self) -> Result<CashCount, MoneyError> {
        self.counted_as(self.expected)
    }

    /// The same flows with `counted` as the cash counted.
    pub fn counted_as(mut self, counted: Rupiah) -> Result<CashCount, MoneyError> {
        self.counted = counted;
        self.difference = counted.checked_sub(self.expected)?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_over() {
        let rp = Rupiah::new;
        let short = CashCount::new(rp(200_000), rp(1_350_000), rp(50_000), rp(1_495_000)).unwrap();
        assert_eq!(short.expected, rp(1_500_000));
        assert_eq!(short.difference, rp(-5_000));
        let over = CashCount::new(rp(0), rp(10_000), rp(0), rp(12_000)).unwrap();
        assert_eq!(over.difference, rp(2_000));
        let paid = over.with_producer_payouts(rp(4_000)).unwrap();
        assert_eq!(paid.expected, rp(6_000));
        assert_eq!(paid.difference, rp(6_000));
        assert_eq!(paid.with_producer_payouts(rp(0)).unwrap(), over);
        let drawer = over.with_kasbon_and_expenses(rp(5_000), rp(3_000)).unwrap();
        assert_eq!(drawer.expected, rp(12_000));
        assert_eq!(drawer.difference, rp(0));
        assert_eq!(drawer.with_kasbon_and_expenses(rp(0), rp(0)).unwrap(), over);
        assert_eq!(over.counted_as(rp(10_000)).unwrap().difference, rp(0));
    }
}

/// The kind of the event a manager's reopening of a closed day leaves.
pub const DAY_REOPENED: &str = "day_reopened";

/// What a reopen event says, naming the day reopened: the stall writes it,
/// the office reads the day back from it to check a close came first.
pub fn reopen_detail(day: &str) -> String {
    format!("hari {day} dibuka kembali oleh manajer")
}

/// The day a reopen event's detail names, if it is one.
pub fn reopened_day(detail: &str) -> Option<&str> {
    detail
        .strip_prefix("hari ")?
        .strip_suffix(" dibuka kembali oleh manajer")
}

#[cfg(test)]
mod reopen_tests {
    use super::*;

    #[test]
    fn the_day_is_read_back_from_what_the_stall_wrote() {
        assert_eq!(
            reopened_day(&reopen_detail("2026-11-27")),
            Some("2026-11-27")
        );
        assert_eq!(reopened_day("PIN manajer salah"), None);
    }
}
