//! The struk by WhatsApp: a `https://wa.me/62…?text=…` link with the text
//! struk, which the system's browser or WhatsApp Desktop opens. Sentra sends
//! nothing itself.

/// Why a typed number is not a WhatsApp number in Indonesia.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" bukan nomor HP Indonesia (08…, 628… atau +62 8…)")]
pub struct NotAPhone(pub String);

/// The number as wa.me takes it: `62` and the number without its leading
/// `0`; spaces, dashes, dots and brackets as people type them are dropped.
pub fn wa_number(typed: &str) -> Result<String, NotAPhone> {
    let refused = || NotAPhone(typed.chars().take(40).collect());
    let trimmed = typed.trim();
    let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
    {
        return Err(refused());
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = digits.strip_prefix("62") {
        rest
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else {
        return Err(refused());
    };
    // Indonesian mobile numbers: 8 and 8 to 12 more digits.
    if !national.starts_with('8') || !(9..=13).contains(&national.len()) {
        return Err(refused());
    }
    Ok(format!("62{national}"))
}

/// The link that opens a chat with `number` (from [`wa_number`]) holding
/// `text`.
pub fn link(number: &str, text: &str) -> String {
    format!("https://wa.me/{number}?text={}", percent_encode(text))
}

/// Every byte but the unreserved ones (RFC 3986) as `%XX`.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_type_them() {
        for typed in [
            "0812-3456-7890",
            "+62 812 3456 7890",
            "62812.3456.7890",
            "(0812) 34567890",
        ] {
            assert_eq!(wa_number(typed).unwrap(), "6281234567890", "{typed}");
        }
        for typed in [
            "",
            "12345",
            "0212345678",
            "0812",
            "08123456789012345",
            "0812-abc",
            "+1 812 3456 7890",
        ] {
            assert!(wa_number(typed).is_err(), "{typed}");
        }
    }

    #[test]
    fn the_text_is_percent_encoded() {
        assert_eq!(
            link("6281234567890", "a b&c\nRp1.000"),
            "https://wa.me/6281234567890?text=a%20b%26c%0ARp1.000"
        );
        assert_eq!(percent_encode("é"), "%C3%A9");
    }
}
