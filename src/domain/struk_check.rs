//! The check value a struk's QR code carries after its number
//! (`ST07-20261127-0001#…`), so the office can tell a real struk from a made
//! one.
//!
//! Keyed (12 hex digits): HMAC-SHA256 of the sale's number, total and time
//! with a key only the stall and the office hold (derived from the stall's
//! secret key; the stall's file carries it to the office). Nobody else can
//! make one.
//!
//! Old (8 hex digits): a bare SHA-256 of the same, printed before keyed
//! checks began. Anyone can compute it, so the office takes it only for a
//! sale made before the stall's keyed checks began.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

/// The key a stall's struk checks are made with.
#[derive(Clone, PartialEq, Eq)]
pub struct StrukKey([u8; 32]);

impl std::fmt::Debug for StrukKey {
    // A key never reaches a log or an error message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StrukKey(…)")
    }
}

impl StrukKey {
    /// The stall's struk key, derived from its secret signing key: the
    /// same for as long as the key, with nothing new to keep or lose.
    pub fn from_secret(secret: &[u8; 32]) -> StrukKey {
        let mut hash = Sha256::new();
        hash.update(b"sentra struk key v1\0");
        hash.update(secret);
        StrukKey(hash.finalize().into())
    }

    /// As the export carries it: 64 hex digits.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// From the export's 64 hex digits; `None` when they are not.
    pub fn from_hex(hex: &str) -> Option<StrukKey> {
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(StrukKey(bytes))
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub fn from_bytes(bytes: [u8; 32]) -> StrukKey {
        StrukKey(bytes)
    }
}

/// What a sale's check is made of.
fn message(receipt: &str, total: i64, created_at: &str) -> String {
    format!("{receipt}|{total}|{created_at}")
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// The keyed check printed on a struk: 12 hex digits (48 bits) of an
/// HMAC-SHA256.
pub fn keyed_check(key: &StrukKey, receipt: &str, total: i64, created_at: &str) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key.0).expect("any key length");
    mac.update(message(receipt, total, created_at).as_bytes());
    hex_upper(&mac.finalize().into_bytes()[..6])
}

/// The old, unkeyed check: 8 hex digits of a SHA-256.
pub fn old_check(receipt: &str, total: i64, created_at: &str) -> String {
    hex_upper(&Sha256::digest(message(receipt, total, created_at).as_bytes())[..4])
}

/// Which kind of check a struk's QR carries, read from its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    Keyed,
    Old,
}

impl CheckFormat {
    pub fn of(check: &str) -> Option<CheckFormat> {
        if !check.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        match check.len() {
            12 => Some(CheckFormat::Keyed),
            8 => Some(CheckFormat::Old),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHEN: &str = "2026-11-27T10:15:00+07:00";

    #[test]
    fn the_keyed_check_follows_the_sale_and_the_key() {
        let key = StrukKey::from_secret(&[7; 32]);
        let check = keyed_check(&key, "ST07-20261127-0001", 55_000, WHEN);
        assert_eq!(CheckFormat::of(&check), Some(CheckFormat::Keyed));
        assert_ne!(check, keyed_check(&key, "ST07-20261127-0001", 55_001, WHEN));
        let other = StrukKey::from_secret(&[8; 32]);
        assert_ne!(
            check,
            keyed_check(&other, "ST07-20261127-0001", 55_000, WHEN)
        );
    }

    #[test]
    fn the_old_check_is_what_old_struks_carry() {
        // The value printed on struks before keyed checks (SHA-256 of
        // "ST07-20261127-0001|55000|2026-11-27T10:15:00+07:00").
        let check = old_check("ST07-20261127-0001", 55_000, WHEN);
        assert_eq!(CheckFormat::of(&check), Some(CheckFormat::Old));
        use sha2::Digest;
        let digest = Sha256::digest(b"ST07-20261127-0001|55000|2026-11-27T10:15:00+07:00");
        assert_eq!(check, hex_upper(&digest[..4]));
    }

    #[test]
    fn a_key_goes_to_hex_and_back() {
        let key = StrukKey::from_secret(&[1; 32]);
        assert_eq!(StrukKey::from_hex(&key.to_hex()), Some(key.clone()));
        assert_eq!(StrukKey::from_hex("zz"), None);
        assert_eq!(StrukKey::from_hex(&"g".repeat(64)), None);
        assert_eq!(format!("{key:?}"), "StrukKey(…)");
    }
}
