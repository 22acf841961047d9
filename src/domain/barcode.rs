//! EAN-13 retail barcodes: what a scanner reads off a packet of keripik.

/// Why a text is not a valid EAN-13.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BarcodeError {
    #[error("barcode harus 13 angka: \"{0}\"")]
    Shape(String),
    #[error("angka periksa barcode {code} salah (seharusnya {expected})")]
    CheckDigit { code: String, expected: u8 },
}

/// The check digit for the first twelve digits of an EAN-13.
pub fn ean13_check_digit(first_twelve: &[u8; 12]) -> u8 {
    let weighted: u32 = first_twelve
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    ((10 - weighted % 10) % 10) as u8
}

/// Accepts a 13-digit EAN whose last digit checks out.
pub fn validate_ean13(code: &str) -> Result<(), BarcodeError> {
    let digits: Vec<u8> = code
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    if code.len() != 13 || digits.len() != 13 {
        return Err(BarcodeError::Shape(code.to_string()));
    }
    let mut first_twelve = [0u8; 12];
    first_twelve.copy_from_slice(&digits[..12]);
    let expected = ean13_check_digit(&first_twelve);
    if digits[12] != expected {
        return Err(BarcodeError::CheckDigit {
            code: code.to_string(),
            expected,
        });
    }
    Ok(())
}

/// A full EAN-13 from its first twelve digits, given as a number.
pub fn ean13_from_twelve(first_twelve: u64) -> String {
    let text = format!("{first_twelve:012}");
    let mut digits = [0u8; 12];
    for (slot, byte) in digits.iter_mut().zip(text.bytes()) {
        *slot = byte - b'0';
    }
    format!("{text}{}", ean13_check_digit(&digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_codes_with_a_correct_check_digit() {
        // Check digits worked by hand: 8998866200301 (sum 109) and 8991002101104 (sum 56).
        assert_eq!(validate_ean13("8998866200301"), Ok(()));
        assert_eq!(validate_ean13("8991002101104"), Ok(()));
    }

    #[test]
    fn refuses_wrong_check_digit_and_shapes() {
        assert_eq!(
            validate_ean13("8998866200302"),
            Err(BarcodeError::CheckDigit {
                code: "8998866200302".into(),
                expected: 1
            })
        );
        for bad in [
            "",
            "899886620030",
            "89988662003011",
            "899886620030a",
            "8998866 00301",
        ] {
            assert!(
                matches!(validate_ean13(bad), Err(BarcodeError::Shape(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn builds_valid_codes() {
        let code = ean13_from_twelve(899_123_400_001);
        assert_eq!(code.len(), 13);
        assert!(code.starts_with("899"));
        assert_eq!(validate_ean13(&code), Ok(()));
    }
}
