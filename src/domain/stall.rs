//! A stall's identity as the vendor types it: code, name, owner.

/// Why an identity field is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("kode toko harus 2–8 huruf besar atau angka, mis. ST07{}", typed(.0))]
    Code(String),
    #[error(
        "nama tidak boleh kosong, paling panjang 80 karakter, tanpa karakter kontrol atau tersembunyi"
    )]
    Name,
    #[error("kode kabupaten/kota {0} bukan di Lampung (1801–1813, 1871, 1872)")]
    Regency(String),
}

/// What was typed, after a refusal's sentence (nothing when nothing was).
pub fn typed(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(": \"{text}\"")
    }
}

/// Stall codes go into receipt numbers and file names: keep them plain.
pub fn validate_stall_code(code: &str) -> Result<(), IdentityError> {
    let ok = (2..=8).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(IdentityError::Code(code.to_string()))
    }
}

/// Names print on receipts and reports: not empty, not a novel, no control characters.
pub fn validate_name(name: &str) -> Result<(), IdentityError> {
    if super::limits::is_printable(name, 80) {
        Ok(())
    } else {
        Err(IdentityError::Name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_plain() {
        assert!(validate_stall_code("ST07").is_ok());
        for bad in ["", "s", "st07", "ST-07", "ABCDEFGHI", "ST 7", "ST07'"] {
            assert!(validate_stall_code(bad).is_err(), "{bad}");
        }
        assert!(validate_name("Tapis Indah").is_ok());
        assert!(validate_name("  ").is_err());
        assert!(validate_name(&"x".repeat(81)).is_err());
    }
}
