//! The registers the month's books need beyond sales and stock: opening
//! balances, fixed assets, bank loans and their instalments, prive, setoran
//! and paying a supplier. One place checks what each may hold, for the CLI
//! and the window alike.

use time::Date;

use super::limits::{LimitError, check_amount, is_printable};
use crate::money::Rupiah;

/// The longest an asset may be depreciated over: 50 years.
pub const MAX_LIFE_MONTHS: u32 = 600;
/// Asset names, lenders and reasons.
pub const MAX_NAME_CHARS: usize = 80;

/// Why a register record is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    #[error("tanggal {0} belum tiba: catatan buku hanya untuk hari ini atau sebelumnya")]
    Future(String),
    #[error("tanggal {0} terlalu lama: buku Sentra mulai dari tahun 2000")]
    TooOld(String),
    #[error("modal {equity} lebih besar dari jumlah kas, bank dan persediaan ({assets})")]
    EquityAboveAssets { equity: Rupiah, assets: Rupiah },
    #[error("jumlah harus lebih dari nol")]
    NotPositive,
    #[error("nama harus diisi, paling panjang 80 karakter, tanpa karakter tersembunyi")]
    Name,
    #[error("umur aset 1 sampai 600 bulan, bukan {0}")]
    Life(i64),
    #[error("pinjaman tidak dikenal: \"{0}\"")]
    UnknownLoan(String),
    #[error("angsuran pokok {asked} lebih dari sisa pinjaman {loan} ({left})")]
    Overpaid {
        loan: String,
        asked: Rupiah,
        left: Rupiah,
    },
    #[error("angsuran harus berisi pokok atau bunga")]
    NothingPaid,
    #[error("catatan buku tidak dikenal: \"{0}\"")]
    UnknownRecord(String),
    #[error("catatan {0} sudah dibatalkan")]
    AlreadyCancelled(String),
    #[error("pinjaman {0} masih punya angsuran: batalkan angsurannya dulu")]
    LoanHasPayments(String),
    #[error("cara bayar tidak dikenal: \"{0}\" (drawer, bank, credit atau owner)")]
    Paid(String),
    #[error("bulan tidak dikenal: \"{0}\" (tulis TTTT-BB, misalnya 2026-11)")]
    Month(String),
    #[error("angsuran {loan} tanggal {day} sebelum pinjamannya diterima ({taken})")]
    BeforeLoan {
        loan: String,
        day: String,
        taken: String,
    },
    #[error("alasan harus diisi, paling panjang 80 karakter, tanpa karakter tersembunyi")]
    Reason,
    #[error("bulan {0} belum tiba")]
    FutureMonth(String),
    #[error("{what} di buku hanya {held}, kurang dari {asked}")]
    MoreThanHeld {
        what: &'static str,
        asked: Rupiah,
        held: Rupiah,
    },
    #[error(transparent)]
    Limit(#[from] LimitError),
}

/// The first day the books accept.
fn earliest() -> Date {
    Date::from_calendar_date(2000, time::Month::January, 1).expect("1 January 2000")
}

/// A record's day: not after today, not before 2000.
pub fn check_day(day: Date, today: Date) -> Result<(), RegisterError> {
    if day > today {
        return Err(RegisterError::Future(day.to_string()));
    }
    if day < earliest() {
        return Err(RegisterError::TooOld(day.to_string()));
    }
    Ok(())
}

/// An amount that must be above zero and within the book's bounds.
pub fn check_positive(amount: Rupiah) -> Result<(), RegisterError> {
    if !amount.is_positive() {
        return Err(RegisterError::NotPositive);
    }
    check_amount(amount)?;
    Ok(())
}

/// An amount that may be zero.
pub fn check_not_negative(amount: Rupiah) -> Result<(), RegisterError> {
    if amount.is_negative() {
        return Err(RegisterError::NotPositive);
    }
    check_amount(amount)?;
    Ok(())
}

/// A name, a lender or a reason, trimmed.
pub fn check_name(name: &str) -> Result<String, RegisterError> {
    let name = name.trim();
    if name.is_empty() || !is_printable(name, MAX_NAME_CHARS) {
        return Err(RegisterError::Name);
    }
    Ok(name.to_string())
}

pub fn check_life(months: i64) -> Result<u32, RegisterError> {
    match u32::try_from(months) {
        Ok(m) if (1..=MAX_LIFE_MONTHS).contains(&m) => Ok(m),
        _ => Err(RegisterError::Life(months)),
    }
}

/// A month written `YYYY-MM`.
pub fn parse_month(text: &str) -> Result<(i32, time::Month), RegisterError> {
    let bad = || RegisterError::Month(text.to_string());
    let (year, month) = text.trim().split_once('-').ok_or_else(bad)?;
    if year.len() != 4 || month.len() != 2 {
        return Err(bad());
    }
    let year: i32 = year.parse().map_err(|_| bad())?;
    let month: u8 = month.parse().map_err(|_| bad())?;
    let month = time::Month::try_from(month).map_err(|_| bad())?;
    if !(2000..=9999).contains(&year) {
        return Err(bad());
    }
    Ok((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_as_written() {
        assert_eq!(
            parse_month("2026-11").unwrap(),
            (2026, time::Month::November)
        );
        for bad in [
            "2026-13", "2026-1", "26-11", "2026/11", "", "1999-12", "2026-00",
        ] {
            assert!(parse_month(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lives_are_bounded() {
        assert_eq!(check_life(36).unwrap(), 36);
        for bad in [0, -1, 601, i64::MAX] {
            assert!(check_life(bad).is_err(), "{bad}");
        }
    }
}
