//! QRIS, Indonesia's national QR standard: an EMV merchant-presented code.
//! A stall stores its *static* code (no amount); the payload is read as
//! TLV (two-digit tag, two-digit length, value), and every rule a buyer's
//! app would trip on is checked before it is stored or shown.

/// Why a QRIS payload is refused. Each names the tag that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrisError {
    #[error("teks QRIS harus diawali 000201 dan diakhiri tag CRC 6304XXXX")]
    Shape,
    #[error("QRIS rusak di posisi {at}: panjang tag {tag} tidak sesuai isinya")]
    Length { at: usize, tag: String },
    #[error("CRC QRIS salah: tertulis {found}, seharusnya {expected}")]
    Crc { found: String, expected: String },
    #[error("QRIS tag {tag} berisi \"{found}\", seharusnya {expected}")]
    Tag {
        tag: &'static str,
        found: String,
        expected: &'static str,
    },
    #[error("QRIS tidak punya tag {tag} ({})", what.indonesian())]
    Missing { tag: &'static str, what: QrisPart },
    #[error("QRIS statis tidak boleh berisi nominal (tag 54)")]
    AmountInStatic,
    #[error("nominal QRIS harus antara Rp1 dan Rp10.000.000 per pembayaran")]
    AmountOutOfRange,
    #[error(
        "QRIS statis toko belum diatur (sentra settings set qris_payload TEKS, atau Pengaturan)"
    )]
    NoStatic,
}

/// What a QRIS field is for, named in a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrisPart {
    Version,
    Static,
    Currency,
    Country,
    Account,
    Name,
    City,
    Crc,
}

impl QrisPart {
    pub fn indonesian(self) -> &'static str {
        match self {
            QrisPart::Version => "versi format",
            QrisPart::Static => "QRIS statis",
            QrisPart::Currency => "mata uang rupiah",
            QrisPart::Country => "negara Indonesia",
            QrisPart::Account => "akun merchant",
            QrisPart::Name => "nama merchant",
            QrisPart::City => "kota merchant",
            QrisPart::Crc => "CRC",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            QrisPart::Version => "format version",
            QrisPart::Static => "static QRIS",
            QrisPart::Currency => "currency rupiah",
            QrisPart::Country => "country Indonesia",
            QrisPart::Account => "merchant account",
            QrisPart::Name => "merchant name",
            QrisPart::City => "merchant city",
            QrisPart::Crc => "CRC",
        }
    }
}

/// The most one QRIS payment may carry.
pub const MAX_AMOUNT: i64 = 10_000_000;

/// What a checked static payload says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticQris {
    pub merchant: String,
    pub city: String,
    /// Whether it carries the national `ID.CO.QRIS.WWW` template; without
    /// it, some apps may not read it (a warning, not a refusal).
    pub national: bool,
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

/// The payload's top-level fields, in order: (tag, value).
pub fn fields(payload: &str) -> Result<Vec<(&str, &str)>, QrisError> {
    if !payload.is_ascii() || !payload.starts_with("00") || payload.len() < 12 {
        return Err(QrisError::Shape);
    }
    read_from(payload, 0, Vec::new()).map_err(|fields| wrong_length(payload, &fields))
}

/// Fields as read: (tag, value).
type Fields<'a> = Vec<(&'a str, &'a str)>;

/// Reads fields from `at` to the end; on a misread, the fields read so far.
fn read_from<'a>(
    payload: &'a str,
    mut at: usize,
    mut fields: Fields<'a>,
) -> Result<Fields<'a>, Fields<'a>> {
    while at < payload.len() {
        let Some(tag) = payload
            .get(at..at + 2)
            .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
        else {
            return Err(fields);
        };
        let length = payload
            .get(at + 2..at + 4)
            .filter(|l| l.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|l| l.parse::<usize>().ok());
        let Some(value) = length.and_then(|n| payload.get(at + 4..at + 4 + n)) else {
            return Err(fields);
        };
        fields.push((tag, value));
        at += 4 + value.len();
    }
    Ok(fields)
}

/// Which field's length is wrong: a misread shows only later, where the
/// reading went astray. Each field read (and the one that failed) is tried
/// with every length that lets the rest read to the end and close with the
/// CRC field; the culprit is the one that needs the smallest change to its
/// stated length (a typo is off by little; a field read astray is off by
/// much), then the one that keeps the most fields, then the earliest.
fn wrong_length(payload: &str, read: &[(&str, &str)]) -> QrisError {
    let mut starts = Vec::with_capacity(read.len() + 1);
    let mut at = 0;
    for (_, value) in read {
        starts.push(at);
        at += 4 + value.len();
    }
    starts.push(at);
    // (change to the length, fields lost, start)
    let mut best: Option<(usize, usize, usize)> = None;
    for (index, &start) in starts.iter().enumerate() {
        let stated = payload
            .get(start..start + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|h| h[2..].parse::<usize>().ok());
        let Some(stated) = stated else {
            continue;
        };
        for length in 0..=99 {
            let Ok(rest) = read_from(payload, start + 4 + length, Vec::new()) else {
                continue;
            };
            if !rest.last().is_some_and(|(t, v)| *t == "63" && v.len() == 4) {
                continue;
            }
            let key = (stated.abs_diff(length), 1000 - (index + rest.len()), start);
            if best.is_none_or(|kept| key < kept) {
                best = Some(key);
            }
        }
    }
    let at = best.map_or(at, |(_, _, start)| start);
    QrisError::Length {
        at,
        tag: payload.get(at..at + 2).unwrap_or("??").to_string(),
    }
}

/// Checks the CRC in the last field (tag 63, four hex digits).
fn check_crc(payload: &str, fields: &[(&str, &str)]) -> Result<(), QrisError> {
    match fields.last() {
        Some(("63", crc)) if crc.len() == 4 => {
            let body = &payload[..payload.len() - 4];
            let expected = format!("{:04X}", crc16(body.as_bytes()));
            if crc.eq_ignore_ascii_case(&expected) {
                Ok(())
            } else {
                Err(QrisError::Crc {
                    found: crc.to_string(),
                    expected,
                })
            }
        }
        _ => Err(QrisError::Missing {
            tag: "63",
            what: QrisPart::Crc,
        }),
    }
}

fn value<'a>(fields: &[(&'a str, &'a str)], tag: &str) -> Option<&'a str> {
    fields.iter().find(|(t, _)| *t == tag).map(|(_, v)| *v)
}

fn expect(
    fields: &[(&str, &str)],
    tag: &'static str,
    want: &'static str,
    what: QrisPart,
) -> Result<(), QrisError> {
    match value(fields, tag) {
        Some(found) if found == want => Ok(()),
        Some(found) => Err(QrisError::Tag {
            tag,
            found: found.to_string(),
            expected: want,
        }),
        None => Err(QrisError::Missing { tag, what }),
    }
}

/// Accepts a stall's static QRIS: right lengths and CRC, version `01`,
/// static (`11`), rupiah (`360`), Indonesia (`ID`), a merchant account
/// template (26–51), a name and a city; no amount.
pub fn validate_qris(payload: &str) -> Result<StaticQris, QrisError> {
    let payload = payload.trim();
    let fields = fields(payload)?;
    check_crc(payload, &fields)?;
    expect(&fields, "00", "01", QrisPart::Version)?;
    expect(&fields, "01", "11", QrisPart::Static)?;
    if value(&fields, "54").is_some() {
        return Err(QrisError::AmountInStatic);
    }
    expect(&fields, "53", "360", QrisPart::Currency)?;
    expect(&fields, "58", "ID", QrisPart::Country)?;
    let accounts: Vec<&str> = fields
        .iter()
        .filter(|(tag, _)| tag.parse::<u8>().is_ok_and(|n| (26..=51).contains(&n)))
        .map(|(_, v)| *v)
        .collect();
    if accounts.is_empty() {
        return Err(QrisError::Missing {
            tag: "26-51",
            what: QrisPart::Account,
        });
    }
    let merchant = value(&fields, "59").filter(|v| !v.trim().is_empty());
    let merchant = merchant.ok_or(QrisError::Missing {
        tag: "59",
        what: QrisPart::Name,
    })?;
    let city = value(&fields, "60").filter(|v| !v.trim().is_empty());
    let city = city.ok_or(QrisError::Missing {
        tag: "60",
        what: QrisPart::City,
    })?;
    Ok(StaticQris {
        merchant: merchant.to_string(),
        city: city.to_string(),
        national: accounts.iter().any(|a| a.contains("ID.CO.QRIS.WWW")),
    })
}

/// The stall's static QRIS with `amount` rupiah filled in (tag 01 = `12`,
/// tag 54 = the amount, the CRC made anew), so the buyer's app does not ask.
pub fn with_amount(static_payload: &str, amount: i64) -> Result<String, QrisError> {
    if !(1..=MAX_AMOUNT).contains(&amount) {
        return Err(QrisError::AmountOutOfRange);
    }
    let payload = static_payload.trim();
    validate_qris(payload)?;
    let mut body = String::new();
    for (tag, value) in fields(payload)? {
        let value = match tag {
            "01" => "12",
            "63" => continue,
            _ => value,
        };
        push_field(&mut body, tag, value);
        if tag == "53" {
            push_field(&mut body, "54", &amount.to_string());
        }
    }
    Ok(with_crc(&body))
}

fn push_field(body: &mut String, tag: &str, value: &str) {
    body.push_str(&format!("{tag}{:02}{value}", value.len()));
}

/// Completes a payload written without its CRC (for demo data and tests).
pub fn with_crc(body_without_crc: &str) -> String {
    let body = format!("{body_without_crc}6304");
    format!("{body}{:04X}", crc16(body.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field as EMV writes it: tag, two-digit length, value.
    fn tlv(tag: &str, value: &str) -> String {
        format!("{tag}{:02}{value}", value.len())
    }

    /// A stall's static QRIS without its CRC, shaped as issuers print them.
    fn stall() -> String {
        let dana = tlv("00", "ID.DANA.WWW")
            + &tlv("01", "936009150000000001")
            + &tlv("02", "000000000103")
            + &tlv("03", "UMI");
        let national =
            tlv("00", "ID.CO.QRIS.WWW") + &tlv("02", "ID1020000000001") + &tlv("03", "UMI");
        [
            tlv("00", "01"),
            tlv("01", "11"),
            tlv("26", &dana),
            tlv("51", &national),
            tlv("52", "5812"),
            tlv("53", "360"),
            tlv("58", "ID"),
            tlv("59", "TAPIS INDAH"),
            tlv("60", "BANDAR LAMPUNG"),
            tlv("61", "35111"),
            tlv("62", &tlv("07", "A01")),
        ]
        .concat()
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        // The CRC-16/CCITT-FALSE check value of "123456789".
        assert_eq!(crc16(b"123456789"), 0x29B1);
    }

    #[test]
    fn accepts_a_static_payload_and_refuses_a_changed_one() {
        let payload = with_crc(&stall());
        let read = validate_qris(&payload).unwrap();
        assert_eq!(read.merchant, "TAPIS INDAH");
        assert_eq!(read.city, "BANDAR LAMPUNG");
        assert!(read.national);
        let tampered = payload.replacen("TAPIS", "TAPIZ", 1);
        assert!(matches!(
            validate_qris(&tampered),
            Err(QrisError::Crc { .. })
        ));
        assert_eq!(validate_qris("hello"), Err(QrisError::Shape));
    }

    #[test]
    fn an_amount_goes_into_tag_54_of_a_dynamic_code() {
        let dynamic = with_amount(&with_crc(&stall()), 25_000).unwrap();
        let fields = fields(&dynamic).unwrap();
        assert_eq!(value(&fields, "01"), Some("12"));
        assert_eq!(value(&fields, "54"), Some("25000"));
        assert_eq!(value(&fields, "53"), Some("360"));
        check_crc(&dynamic, &fields).unwrap();
        assert_eq!(
            with_amount(&with_crc(&stall()), 10_000_001),
            Err(QrisError::AmountOutOfRange)
        );
    }
}
