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

/// The GS1 prefixes for restricted circulation inside one shop: codes that
/// start with them are never printed by a manufacturer, so a stall may give
/// them to its own goods (and a label scale prints them too).
pub const IN_STORE_PREFIXES: std::ops::RangeInclusive<u8> = 20..=29;

/// The largest serial an in-store code carries after its two-digit prefix.
pub const MAX_IN_STORE_SERIAL: u64 = 9_999_999_999;

/// An in-store EAN-13: a prefix of 20–29, a ten-digit serial and the check
/// digit. `None` when the prefix or the serial is out of range.
pub fn in_store_ean13(prefix: u8, serial: u64) -> Option<String> {
    if !IN_STORE_PREFIXES.contains(&prefix) || serial > MAX_IN_STORE_SERIAL {
        return None;
    }
    Some(ean13_from_twelve(
        u64::from(prefix) * 10_000_000_000 + serial,
    ))
}

/// The 95 modules of an EAN-13 symbol, dark first, from the left guard to the
/// right guard: what a label draws as bars.
pub fn ean13_modules(code: &str) -> Result<[bool; 95], BarcodeError> {
    // The seven-module patterns of each digit: L (odd parity) and R; G is R
    // read backwards.
    const L: [u8; 10] = [
        0b0001101, 0b0011001, 0b0010011, 0b0111101, 0b0100011, 0b0110001, 0b0101111, 0b0111011,
        0b0110111, 0b0001011,
    ];
    // Which of the left half's six digits use G, by the first digit (which
    // is not drawn but read from this choice).
    const PARITY: [u8; 10] = [
        0b000000, 0b001011, 0b001101, 0b001110, 0b010011, 0b011001, 0b011100, 0b010101, 0b010110,
        0b011010,
    ];
    validate_ean13(code)?;
    let digits: Vec<usize> = code.bytes().map(|b| usize::from(b - b'0')).collect();
    let mut modules = [false; 95];
    let mut at = 0;
    let mut put = |bits: u8, count: u32, modules: &mut [bool; 95]| {
        for i in (0..count).rev() {
            modules[at] = bits >> i & 1 == 1;
            at += 1;
        }
    };
    put(0b101, 3, &mut modules);
    for (place, &digit) in digits[1..7].iter().enumerate() {
        let uses_g = PARITY[digits[0]] >> (5 - place) & 1 == 1;
        let pattern = if uses_g {
            // G: the R pattern (L inverted) mirrored.
            let r = !L[digit] & 0x7F;
            (0..7).fold(0u8, |acc, i| acc << 1 | (r >> i & 1))
        } else {
            L[digit]
        };
        put(pattern, 7, &mut modules);
    }
    put(0b01010, 5, &mut modules);
    for &digit in &digits[7..] {
        put(!L[digit] & 0x7F, 7, &mut modules);
    }
    put(0b101, 3, &mut modules);
    Ok(modules)
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

    #[test]
    fn in_store_codes_stay_in_their_prefix() {
        let code = in_store_ean13(21, 1).unwrap();
        assert_eq!(&code[..12], "210000000001");
        assert_eq!(validate_ean13(&code), Ok(()));
        assert_eq!(in_store_ean13(19, 1), None);
        assert_eq!(in_store_ean13(30, 1), None);
        assert_eq!(in_store_ean13(29, MAX_IN_STORE_SERIAL + 1), None);
    }

    #[test]
    fn a_symbol_has_its_guards_and_mirrored_halves() {
        let modules = ean13_modules("8991002101104").unwrap();
        let text: String = modules.iter().map(|&m| if m { '1' } else { '0' }).collect();
        assert!(text.starts_with("101") && text.ends_with("101"));
        assert_eq!(&text[45..50], "01010");
        // Every digit is two bars and two spaces: 30 bars in all.
        let bars = text.split('0').filter(|run| !run.is_empty()).count();
        assert_eq!(bars, 30);
        // Digit 9 on the left (second digit, first of the left half, always L).
        assert_eq!(&text[3..10], "0001011");
        assert!(ean13_modules("8991002101105").is_err());
    }
}
