//! *Pelanggan*: the regulars a stall lets buy on credit (*kasbon*), as the
//! vendor types them: a code, a name, a phone number and a credit limit.

use super::limits::{MAX_AMOUNT, is_printable};
use crate::money::Rupiah;

/// Why a customer's field is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CustomerError {
    #[error("kode pelanggan harus 1–16 huruf besar, angka atau -, mis. C001: \"{0}\"")]
    Code(String),
    #[error(
        "nama pelanggan tidak boleh kosong, paling panjang 80 karakter, tanpa karakter tersembunyi"
    )]
    Name,
    #[error("nomor telepon hanya angka, spasi, +, - atau tanda kurung (6–20 karakter): \"{0}\"")]
    Phone(String),
    #[error("batas kasbon {0} di luar batas (tidak negatif, paling besar Rp10.000.000.000)")]
    Limit(Rupiah),
}

/// The longest customer code.
pub const MAX_CODE_CHARS: usize = 16;

/// A customer code as it is kept and sent: `C001`. Typed codes are read
/// with [`normalise_code`] first, so `c001` finds `C001`.
pub fn validate_code(code: &str) -> Result<(), CustomerError> {
    let ok = (1..=MAX_CODE_CHARS).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && !code.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(CustomerError::Code(code.to_string()))
    }
}

/// A code as typed (spaces around it, small letters) in its kept form.
pub fn normalise_code(typed: &str) -> String {
    typed.trim().to_ascii_uppercase()
}

pub fn validate_name(name: &str) -> Result<(), CustomerError> {
    if is_printable(name, 80) {
        Ok(())
    } else {
        Err(CustomerError::Name)
    }
}

/// A phone number as people write it in Indonesia: `0812-3456-7890`,
/// `+62 812 3456 7890`.
pub fn validate_phone(phone: &str) -> Result<(), CustomerError> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let ok = (6..=20).contains(&phone.chars().count())
        && digits >= 6
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'));
    if ok {
        Ok(())
    } else {
        Err(CustomerError::Phone(phone.to_string()))
    }
}

/// A credit limit: 0 means no credit without the manager's PIN.
pub fn validate_limit(limit: Rupiah) -> Result<(), CustomerError> {
    if !limit.is_negative() && limit <= MAX_AMOUNT {
        Ok(())
    } else {
        Err(CustomerError::Limit(limit))
    }
}

/// A limit as a form takes it: empty is 0.
pub fn typed_limit(text: &str) -> Result<Rupiah, crate::money::MoneyError> {
    match text.trim() {
        "" => Ok(Rupiah::ZERO),
        typed => Rupiah::parse(typed),
    }
}

/// Whether a limit typed in a new customer's form gives credit from the
/// first sale, and so asks the manager's PIN (the book asks it of any
/// limit raised, and a new customer's starts at 0).
pub fn typed_limit_gives_credit(text: &str) -> bool {
    typed_limit(text).is_ok_and(|limit| limit > Rupiah::ZERO)
}

/// The next free code after `codes` in the `C001` series (for a customer
/// added at the till, where nobody wants to think of a code).
pub fn next_code<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    let highest = codes
        .into_iter()
        .filter_map(|code| code.strip_prefix('C'))
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|digits| digits.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("C{:03}", highest.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_plain_and_typed_ones_are_normalised() {
        assert!(validate_code("C001").is_ok());
        assert!(validate_code("BU-SITI").is_ok());
        for bad in ["", "c001", "C 01", "-C1", "C001'", &"C".repeat(17)] {
            assert!(validate_code(bad).is_err(), "{bad}");
        }
        assert_eq!(normalise_code(" c001 "), "C001");
    }

    #[test]
    fn phones_and_limits() {
        assert!(validate_phone("0812-3456-7890").is_ok());
        assert!(validate_phone("+62 812 3456 7890").is_ok());
        assert!(validate_phone("12345").is_err());
        assert!(validate_phone("0812abc4567").is_err());
        assert!(validate_limit(Rupiah::ZERO).is_ok());
        assert!(validate_limit(Rupiah::new(-1)).is_err());
        assert!(validate_limit(Rupiah::new(MAX_AMOUNT.value() + 1)).is_err());
    }

    #[test]
    fn the_next_code_follows_the_highest() {
        assert_eq!(next_code([]), "C001");
        assert_eq!(next_code(["C001", "C009", "BU-SITI", "C0x"]), "C010");
        assert_eq!(next_code(["C999"]), "C1000");
    }
}
