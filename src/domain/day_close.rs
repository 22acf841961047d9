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
    /// Opening float + cash in − cash out − producer payouts.
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
    }
}
