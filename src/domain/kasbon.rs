//! *Kasbon*: buying on credit. A customer's balance is what they took on
//! kasbon, less what they paid back (*bayar kasbon*) and less the kasbon of
//! goods they returned. Past the credit limit a sale needs the manager PIN.

use time::Date;

use super::payment::{PaymentMethod, Tender};
use crate::money::{MoneyError, Rupiah};

/// Why kasbon, or paying it back, is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KasbonError {
    #[error("kasbon harus atas nama pelanggan: pilih atau tambah pelanggan dulu")]
    NoCustomer,
    #[error("pelanggan hanya untuk pembayaran kasbon; pilih kasbon sebagai cara bayar")]
    CustomerWithoutKasbon,
    #[error("satu nota hanya boleh satu pembayaran kasbon")]
    SeveralKasbon,
    #[error("pelanggan tidak dikenal: \"{0}\"")]
    UnknownCustomer(String),
    #[error("kode pelanggan {0} sudah dipakai")]
    DuplicateCustomer(String),
    #[error("kasbon {customer} menjadi {after}, melebihi batasnya {limit}: perlu PIN manajer")]
    OverLimit {
        customer: String,
        after: Rupiah,
        limit: Rupiah,
    },
    #[error("bayar kasbon dengan tunai, QRIS atau transfer, bukan {0}")]
    RepaymentMethod(PaymentMethod),
    #[error("bayar kasbon harus lebih dari nol")]
    NotPositive,
    #[error("{customer} tidak punya kasbon yang belum lunas")]
    NothingOwed { customer: String },
    #[error("bayar kasbon {paid} melebihi sisa kasbon {customer} ({owed})")]
    Overpaid {
        customer: String,
        paid: Rupiah,
        owed: Rupiah,
    },
    #[error("nota {receipt} tidak dibayar dengan kasbon: uang kembali tidak bisa ke kasbon")]
    RefundNotKasbon { receipt: String },
    #[error(
        "nota {receipt} dibayar dengan kasbon: barang yang diretur mengurangi kasbon pelanggan dulu ({left} ke kasbon), baru sisanya dikembalikan sebagai uang"
    )]
    RefundMustBeKasbon { receipt: String, left: Rupiah },
    #[error("uang kembali ke kasbon {asked} melebihi kasbon nota {receipt} yang tersisa ({left})")]
    RefundOverKasbon {
        receipt: String,
        asked: Rupiah,
        left: Rupiah,
    },
}

/// The kasbon part of a sale's tenders: at most one kasbon tender, and a
/// customer exactly when there is one.
pub fn kasbon_part(tenders: &[Tender], has_customer: bool) -> Result<Rupiah, KasbonError> {
    let kasbon: Vec<&Tender> = tenders
        .iter()
        .filter(|t| t.method == PaymentMethod::Kasbon)
        .collect();
    match (kasbon.as_slice(), has_customer) {
        ([], false) => Ok(Rupiah::ZERO),
        ([], true) => Err(KasbonError::CustomerWithoutKasbon),
        ([_], false) => Err(KasbonError::NoCustomer),
        ([one], true) => Ok(one.amount),
        _ => Err(KasbonError::SeveralKasbon),
    }
}

/// The balance after `amount` more kasbon, and whether it stays within
/// `limit`. A limit of 0 allows no kasbon without the manager PIN.
pub fn within_limit(
    balance: Rupiah,
    amount: Rupiah,
    limit: Rupiah,
) -> Result<(Rupiah, bool), MoneyError> {
    let after = balance.checked_add(amount)?;
    Ok((after, after <= limit))
}

/// The day of the oldest kasbon not yet paid off, paying the oldest first:
/// `taken` is each kasbon (its day and amount) in the order taken, and
/// `settled` everything that lowered the balance since (repayments and the
/// kasbon of returned goods).
pub fn oldest_unpaid(taken: &[(Date, Rupiah)], settled: Rupiah) -> Option<Date> {
    let mut left = settled.value();
    for (day, amount) in taken {
        if left >= amount.value() {
            left -= amount.value();
        } else {
            return Some(*day);
        }
    }
    None
}

/// Whole days from `since` to `today` (0 on the same day).
pub fn age_in_days(since: Date, today: Date) -> i64 {
    (today - since).whole_days().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_limit_holds_up_to_its_last_rupiah() {
        let rp = Rupiah::new;
        assert_eq!(within_limit(rp(400), rp(100), rp(500)), Ok((rp(500), true)));
        assert_eq!(
            within_limit(rp(400), rp(101), rp(500)),
            Ok((rp(501), false))
        );
        assert_eq!(within_limit(rp(0), rp(1), rp(0)), Ok((rp(1), false)));
    }

    #[test]
    fn the_oldest_unpaid_is_paid_off_first() {
        let rp = Rupiah::new;
        let taken = [
            (date!(2026 - 11 - 01), rp(50_000)),
            (date!(2026 - 11 - 10), rp(30_000)),
            (date!(2026 - 11 - 20), rp(20_000)),
        ];
        assert_eq!(oldest_unpaid(&taken, rp(0)), Some(date!(2026 - 11 - 01)));
        assert_eq!(
            oldest_unpaid(&taken, rp(49_999)),
            Some(date!(2026 - 11 - 01))
        );
        assert_eq!(
            oldest_unpaid(&taken, rp(50_000)),
            Some(date!(2026 - 11 - 10))
        );
        assert_eq!(oldest_unpaid(&taken, rp(100_000)), None);
        assert_eq!(
            age_in_days(date!(2026 - 11 - 01), date!(2026 - 11 - 27)),
            26
        );
    }
}
