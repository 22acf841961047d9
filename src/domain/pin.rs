//! The manager PIN policy: its shape, and the lock after repeated wrong tries.

use time::{Duration, OffsetDateTime};

/// Wrong tries allowed before PIN actions lock.
pub const MAX_WRONG_TRIES: u32 = 5;
/// The most digits a PIN has.
pub const MAX_PIN_DIGITS: usize = 8;
/// How long PIN actions stay locked the first time.
pub const LOCK_FOR: Duration = Duration::minutes(5);
/// The longest lock: each lock since the last right PIN doubles the one
/// before, up to a day, so guessing a 4-digit PIN takes months, not a week.
pub const LONGEST_LOCK: Duration = Duration::hours(24);

/// Why a PIN is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("PIN harus 4–8 angka")]
    Shape,
    #[error("PIN salah ({left} kali coba lagi sebelum terkunci)")]
    Wrong { left: u32 },
    #[error("PIN salah 5 kali: aksi PIN terkunci sampai {until} WIB")]
    Locked { until: String },
    #[error("PIN manajer belum diatur (sentra pin set --new PIN)")]
    NotSet,
    #[error("PIN manajer sudah diatur: sebutkan PIN lama untuk menggantinya (--old PIN)")]
    OldRequired,
    #[error("perlu PIN manajer: {0}")]
    Required(Approval),
}

/// What a manager approves with the PIN beyond the everyday: what moves
/// money out of the stall or bends a rule. Each approval is recorded in the
/// book's events (`pin_used`) with its sentence, and reaches the office.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Approval {
    #[error("pengeluaran laci hari ini {amount} di atas batas {limit}")]
    Expense {
        amount: crate::money::Rupiah,
        limit: crate::money::Rupiah,
    },
    #[error("seluruh nota {receipt} dikembalikan tanpa pembatalan")]
    WholeRefund { receipt: String },
    #[error("uang kembali {given} untuk nota {receipt} (total {total}): lebih dari separuh")]
    MostRefunded {
        receipt: String,
        given: crate::money::Rupiah,
        total: crate::money::Rupiah,
    },
    #[error("uang tunai {refund} dikembalikan untuk nota {receipt} yang dibayar tunai {took}")]
    CashBeyondCash {
        receipt: String,
        refund: crate::money::Rupiah,
        took: crate::money::Rupiah,
    },
    #[error("diskon {percent}% ({what}), batas {limit}%")]
    Discount {
        what: String,
        percent: u32,
        limit: u32,
    },
    #[error("{count} harga atau satuan diubah lewat impor CSV")]
    PriceImport { count: usize },
    #[error("batas kasbon {customer} naik dari {from} ke {to}")]
    CreditLimit {
        customer: String,
        from: crate::money::Rupiah,
        to: crate::money::Rupiah,
    },
    #[error("prive {amount} diambil pemilik")]
    Drawing { amount: crate::money::Rupiah },
    #[error("saldo awal per {day} menggantikan saldo awal yang ada")]
    OpeningReplaced { day: String },
    #[error("catatan buku {record} dibatalkan: {reason}")]
    BooksCancel { record: String, reason: String },
    #[error("pengaturan {setting} diubah dari {from} ke {to}")]
    Setting {
        setting: String,
        from: String,
        to: String,
    },
}

impl Approval {
    /// The sentence in English, for the window in English.
    pub fn english(&self) -> String {
        match self {
            Approval::Expense { amount, limit } => {
                format!("today's drawer expenses of {amount}, above {limit}")
            }
            Approval::WholeRefund { receipt } => {
                format!("all of receipt {receipt} refunded without a void")
            }
            Approval::MostRefunded {
                receipt,
                given,
                total,
            } => format!("{given} back for receipt {receipt} (total {total}): more than half"),
            Approval::CashBeyondCash {
                receipt,
                refund,
                took,
            } => format!("{refund} in cash back for receipt {receipt}, which took {took} in cash"),
            Approval::Discount {
                what,
                percent,
                limit,
            } => format!("a {percent}% discount ({what}), the limit is {limit}%"),
            Approval::PriceImport { count } => {
                format!("{count} prices or units changed by CSV import")
            }
            Approval::CreditLimit { customer, from, to } => {
                format!("{customer}'s credit limit raised from {from} to {to}")
            }
            Approval::Setting { setting, from, to } => {
                format!("setting {setting} changed from {from} to {to}")
            }
            Approval::Drawing { amount } => format!("{amount} drawn by the owner (prive)"),
            Approval::OpeningReplaced { day } => {
                format!("opening balances of {day} replacing the ones recorded")
            }
            Approval::BooksCancel { record, reason } => {
                format!("books record {record} cancelled: {reason}")
            }
        }
    }
}

/// A PIN is 4 to 8 digits: quick on a keypad, not a password.
pub fn validate_pin_shape(pin: &str) -> Result<(), PinError> {
    if (4..=MAX_PIN_DIGITS).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(PinError::Shape)
    }
}

/// The remembered state of wrong tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinGuard {
    pub wrong_tries: u32,
    pub locked_until: Option<OffsetDateTime>,
    /// Locks since the last right PIN.
    pub locks: u32,
}

impl PinGuard {
    /// Whether a PIN may be tried at `now`.
    pub fn locked_at(&self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        self.locked_until.filter(|until| now < *until)
    }

    /// The state after a wrong PIN at `now`.
    pub fn after_wrong(self, now: OffsetDateTime) -> PinGuard {
        let wrong_tries = self.wrong_tries + 1;
        if wrong_tries >= MAX_WRONG_TRIES {
            let doubled = LOCK_FOR * 2_i32.saturating_pow(self.locks.min(16));
            PinGuard {
                wrong_tries: 0,
                locked_until: Some(now + doubled.min(LONGEST_LOCK)),
                locks: self.locks.saturating_add(1),
            }
        } else {
            PinGuard {
                wrong_tries,
                locked_until: None,
                locks: self.locks,
            }
        }
    }

    /// Tries left before the lock.
    pub fn tries_left(&self) -> u32 {
        MAX_WRONG_TRIES.saturating_sub(self.wrong_tries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn five_wrong_tries_lock_for_five_minutes() {
        let now = datetime!(2026-11-27 10:00 +7);
        let mut guard = PinGuard::default();
        for _ in 0..4 {
            guard = guard.after_wrong(now);
            assert_eq!(guard.locked_at(now), None);
        }
        assert_eq!(guard.tries_left(), 1);
        guard = guard.after_wrong(now);
        assert_eq!(guard.locked_at(now), Some(now + LOCK_FOR));
        assert!(guard.locked_at(now + Duration::minutes(4)).is_some());
        assert_eq!(guard.locked_at(now + LOCK_FOR), None);
    }

    #[test]
    fn each_lock_since_the_last_right_pin_doubles_up_to_a_day() {
        let mut now = datetime!(2026-11-27 10:00 +7);
        let mut guard = PinGuard::default();
        let mut lengths = Vec::new();
        for _ in 0..12 {
            for _ in 0..MAX_WRONG_TRIES {
                guard = guard.after_wrong(now);
            }
            let until = guard.locked_at(now).unwrap();
            lengths.push((until - now).whole_minutes());
            now = until;
        }
        assert_eq!(&lengths[..5], [5, 10, 20, 40, 80]);
        assert_eq!(lengths[11], 24 * 60);
        assert!(lengths.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn pins_are_short_digit_strings() {
        assert!(validate_pin_shape("1234").is_ok());
        for bad in ["123", "123456789", "12a4", "", "١٢٣٤"] {
            assert!(validate_pin_shape(bad).is_err(), "{bad}");
        }
    }
}
