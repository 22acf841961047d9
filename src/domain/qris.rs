//! QRIS, Indonesia's national QR standard: checking a static payload's CRC.

/// Why a QRIS payload is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrisError {
    #[error("teks QRIS harus diawali 000201 dan diakhiri tag CRC 6304XXXX")]
    Shape,
    #[error("CRC QRIS salah: tertulis {found}, seharusnya {expected}")]
    Crc { found: String, expected: String },
}

/// CRC-16/CCITT-FALSE, as EMV QR codes use in tag 63.
pub fn crc16(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for byte in data {
        crc ^= u16::from(*byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// Accepts an EMV payload whose last tag is a correct `6304` CRC.
pub fn validate_qris(payload: &str) -> Result<(), QrisError> {
    let payload = payload.trim();
    if !payload.is_ascii() || !payload.starts_with("000201") || payload.len() < 12 {
        return Err(QrisError::Shape);
    }
    let (body, crc) = payload.split_at(payload.len() - 4);
    if !body.ends_with("6304") || !crc.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(QrisError::Shape);
    }
    let expected = format!("{:04X}", crc16(body.as_bytes()));
    if !crc.eq_ignore_ascii_case(&expected) {
        return Err(QrisError::Crc {
            found: crc.to_string(),
            expected,
        });
    }
    Ok(())
}

/// Completes a payload written without its CRC (for demo data and tests).
pub fn with_crc(body_without_crc: &str) -> String {
    let body = format!("{body_without_crc}6304");
    format!("{body}{:04X}", crc16(body.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        // The CRC-16/CCITT-FALSE check value of "123456789".
        assert_eq!(crc16(b"123456789"), 0x29B1);
    }

    #[test]
    fn accepts_a_payload_with_its_crc_and_refuses_a_changed_one() {
        let payload = with_crc(
            "00020101021126570011ID.DANA.WWW011893600915000000000102090000000010303UMI51440014ID.CO.QRIS.WWW0215ID10200000000010303UMI5204581253033605802ID5911TAPIS INDAH6015BANDAR LAMPUNG61053511162070703A01",
        );
        assert_eq!(validate_qris(&payload), Ok(()));
        let tampered = payload.replacen("TAPIS", "TAPIZ", 1);
        assert!(matches!(
            validate_qris(&tampered),
            Err(QrisError::Crc { .. })
        ));
        assert_eq!(validate_qris("hello"), Err(QrisError::Shape));
    }
}
