//! Payments: cash (*tunai*) with change (*kembalian*), QRIS, transfer and card,
//! alone or split over several; and *kasbon*, the part a customer takes on
//! credit (tied to the customer, see [`super::kasbon`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::money::{MoneyError, Rupiah};

/// Why a set of payments does not settle a sale.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    #[error("metode bayar tidak dikenal: \"{0}\" (pakai cash, qris, transfer, card atau kasbon)")]
    UnknownMethod(String),
    #[error("belum ada pembayaran")]
    NoPayment,
    #[error("pembayaran {method} harus lebih dari nol")]
    NonPositive { method: PaymentMethod },
    #[error("pembayaran {method} melebihi batas Rp10.000.000.000")]
    TooLarge { method: PaymentMethod },
    #[error("kurang bayar: total {due}, dibayar {paid}")]
    Underpaid { due: Rupiah, paid: Rupiah },
    #[error("pembayaran non-tunai {paid} melebihi total {due}: kembalian hanya dari tunai")]
    NonCashOverpaid { due: Rupiah, paid: Rupiah },
    #[error("referensi pembayaran terlalu panjang atau berisi karakter aneh (maks. 64 karakter)")]
    BadReference,
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// How the buyer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Cash,
    Qris,
    Transfer,
    Card,
    /// On credit: the customer pays later. Never gives change.
    Kasbon,
}

impl PaymentMethod {
    /// The methods paid there and then at the till. [`PaymentMethod::Kasbon`]
    /// is not among them: it needs a customer.
    pub const ALL: [PaymentMethod; 4] = [
        PaymentMethod::Cash,
        PaymentMethod::Qris,
        PaymentMethod::Transfer,
        PaymentMethod::Card,
    ];

    /// The stable key used on the command line, in the book and in exports.
    pub fn key(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Qris => "qris",
            PaymentMethod::Transfer => "transfer",
            PaymentMethod::Card => "card",
            PaymentMethod::Kasbon => "kasbon",
        }
    }

    /// Accepts the English keys and the words on an Indonesian shop floor.
    pub fn parse(text: &str) -> Result<PaymentMethod, PaymentError> {
        match text.trim().to_lowercase().as_str() {
            "cash" | "tunai" => Ok(PaymentMethod::Cash),
            "qris" => Ok(PaymentMethod::Qris),
            "transfer" | "tf" => Ok(PaymentMethod::Transfer),
            "card" | "kartu" | "debit" | "edc" => Ok(PaymentMethod::Card),
            "kasbon" | "bon" | "utang" | "hutang" => Ok(PaymentMethod::Kasbon),
            _ => Err(PaymentError::UnknownMethod(text.to_string())),
        }
    }

    /// The name on a receipt.
    pub fn label(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "Tunai",
            PaymentMethod::Qris => "QRIS",
            PaymentMethod::Transfer => "Transfer",
            PaymentMethod::Card => "Kartu debit",
            PaymentMethod::Kasbon => "Kasbon",
        }
    }
}

impl fmt::Display for PaymentMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What the buyer hands over with one method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tender {
    pub method: PaymentMethod,
    pub amount: Rupiah,
    /// QRIS or transfer reference, card approval code; optional.
    pub reference: Option<String>,
}

/// A payment as recorded against a sale: `amount` is what counts toward the
/// total; `tendered` is what was handed over (differs only for cash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedPayment {
    pub method: PaymentMethod,
    pub amount: Rupiah,
    pub tendered: Rupiah,
    pub reference: Option<String>,
    /// The customer's code, for kasbon only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
}

/// The payments of a sale, settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settlement {
    pub payments: Vec<AppliedPayment>,
    pub tendered: Rupiah,
    pub change: Rupiah,
}

/// Checks `tenders` against `total` and works out the change. Change comes
/// only from cash: non-cash payments may not exceed what is due.
pub fn settle(total: Rupiah, tenders: &[Tender]) -> Result<Settlement, PaymentError> {
    if tenders.is_empty() && total.is_positive() {
        return Err(PaymentError::NoPayment);
    }
    for tender in tenders {
        if !tender.amount.is_positive() {
            return Err(PaymentError::NonPositive {
                method: tender.method,
            });
        }
        if tender.amount > crate::domain::limits::MAX_AMOUNT {
            return Err(PaymentError::TooLarge {
                method: tender.method,
            });
        }
        if let Some(reference) = &tender.reference
            && (reference.chars().count() > 64 || reference.chars().any(char::is_control))
        {
            return Err(PaymentError::BadReference);
        }
    }
    let is_cash = |t: &&Tender| t.method == PaymentMethod::Cash;
    let non_cash = Rupiah::sum(tenders.iter().filter(|t| !is_cash(t)).map(|t| t.amount))?;
    let cash = Rupiah::sum(tenders.iter().filter(is_cash).map(|t| t.amount))?;
    let tendered = non_cash.checked_add(cash)?;
    if non_cash > total {
        return Err(PaymentError::NonCashOverpaid {
            due: total,
            paid: non_cash,
        });
    }
    if tendered < total {
        return Err(PaymentError::Underpaid {
            due: total,
            paid: tendered,
        });
    }
    let cash_due = total.checked_sub(non_cash)?;
    let change = cash.checked_sub(cash_due)?;

    // Several cash tenders are one handful of notes: record them as one cash
    // payment where the first one stood, so the drawer count stays simple.
    let mut payments = Vec::with_capacity(tenders.len());
    let mut cash_recorded = false;
    for tender in tenders {
        if tender.method != PaymentMethod::Cash {
            payments.push(AppliedPayment {
                method: tender.method,
                amount: tender.amount,
                tendered: tender.amount,
                reference: tender.reference.clone(),
                customer: None,
            });
        } else if !cash_recorded {
            cash_recorded = true;
            payments.push(AppliedPayment {
                method: PaymentMethod::Cash,
                amount: cash_due,
                tendered: cash,
                reference: None,
                customer: None,
            });
        }
    }
    Ok(Settlement {
        payments,
        tendered,
        change,
    })
}

/// The buttons a cashier taps for cash: the exact amount (*uang pas*), then
/// the next amounts a buyer is likely to hand over in notes.
pub fn quick_cash(due: Rupiah) -> Vec<Rupiah> {
    let mut amounts = vec![due];
    if !due.is_positive() {
        return amounts;
    }
    for step in [5_000, 10_000, 50_000, 100_000] {
        let value = due.value();
        let rounded = (value / step + i64::from(value % step != 0)).saturating_mul(step);
        let rounded = Rupiah::new(rounded);
        if rounded > due && !amounts.contains(&rounded) {
            amounts.push(rounded);
        }
    }
    amounts.truncate(4);
    amounts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_cash_offers_exact_then_round_notes() {
        let rp = Rupiah::new;
        assert_eq!(
            quick_cash(rp(47_500)),
            vec![rp(47_500), rp(50_000), rp(100_000)]
        );
        assert_eq!(
            quick_cash(rp(12_300)),
            vec![rp(12_300), rp(15_000), rp(20_000), rp(50_000)]
        );
        assert_eq!(quick_cash(rp(100_000)), vec![rp(100_000)]);
    }

    fn tender(method: PaymentMethod, amount: i64) -> Tender {
        Tender {
            method,
            amount: Rupiah::new(amount),
            reference: None,
        }
    }

    #[test]
    fn cash_gives_change() {
        let s = settle(Rupiah::new(47_500), &[tender(PaymentMethod::Cash, 100_000)]).unwrap();
        assert_eq!(s.change, Rupiah::new(52_500));
        assert_eq!(s.payments[0].amount, Rupiah::new(47_500));
        assert_eq!(s.payments[0].tendered, Rupiah::new(100_000));
    }

    #[test]
    fn exact_money_gives_no_change() {
        let s = settle(Rupiah::new(20_000), &[tender(PaymentMethod::Qris, 20_000)]).unwrap();
        assert_eq!(s.change, Rupiah::ZERO);
    }

    #[test]
    fn split_qris_and_cash() {
        let s = settle(
            Rupiah::new(150_000),
            &[
                tender(PaymentMethod::Qris, 100_000),
                tender(PaymentMethod::Cash, 60_000),
            ],
        )
        .unwrap();
        assert_eq!(s.change, Rupiah::new(10_000));
        assert_eq!(s.payments.len(), 2);
        assert_eq!(s.payments[1].amount, Rupiah::new(50_000));
    }

    #[test]
    fn several_cash_tenders_become_one() {
        let s = settle(
            Rupiah::new(70_000),
            &[
                tender(PaymentMethod::Cash, 50_000),
                tender(PaymentMethod::Card, 10_000),
                tender(PaymentMethod::Cash, 20_000),
            ],
        )
        .unwrap();
        assert_eq!(s.payments.len(), 2);
        assert_eq!(s.payments[0].tendered, Rupiah::new(70_000));
        assert_eq!(s.payments[0].amount, Rupiah::new(60_000));
        assert_eq!(s.change, Rupiah::new(10_000));
    }

    #[test]
    fn refuses_underpayment_and_non_cash_change() {
        assert_eq!(
            settle(Rupiah::new(50_000), &[tender(PaymentMethod::Cash, 49_999)]),
            Err(PaymentError::Underpaid {
                due: Rupiah::new(50_000),
                paid: Rupiah::new(49_999)
            })
        );
        assert!(matches!(
            settle(Rupiah::new(50_000), &[tender(PaymentMethod::Card, 60_000)]),
            Err(PaymentError::NonCashOverpaid { .. })
        ));
        assert_eq!(settle(Rupiah::new(1), &[]), Err(PaymentError::NoPayment));
        assert!(matches!(
            settle(Rupiah::new(1), &[tender(PaymentMethod::Cash, 0)]),
            Err(PaymentError::NonPositive { .. })
        ));
        assert_eq!(
            settle(
                Rupiah::new(1),
                &[
                    tender(PaymentMethod::Cash, i64::MAX),
                    tender(PaymentMethod::Cash, 1)
                ]
            ),
            Err(PaymentError::TooLarge {
                method: PaymentMethod::Cash
            })
        );
    }

    #[test]
    fn reads_method_names() {
        assert_eq!(PaymentMethod::parse("tunai"), Ok(PaymentMethod::Cash));
        assert_eq!(PaymentMethod::parse("QRIS"), Ok(PaymentMethod::Qris));
        assert!(PaymentMethod::parse("bitcoin").is_err());
    }
}
