//! Titip jual: goods a producer (*penitip*) leaves at the stall and is paid
//! for once they sell. The producer's identity, the terms a consigned
//! product is sold under, what a sold line owes, and the handover note's
//! number — pure rules, no book.

use serde::Serialize;
use time::Date;

use super::limits::{MAX_UNIT_PRICE, is_printable, is_printable_or_empty};
use super::regency::Regency;
use crate::money::{MoneyError, Quantity, Rupiah};

/// Everything titip jual can refuse, each as one sentence for the vendor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsignError {
    #[error("kode penitip harus 2–12 huruf besar, angka atau -, diawali huruf, mis. P001: \"{0}\"")]
    Code(String),
    #[error(
        "nama penitip tidak boleh kosong, paling panjang 80 karakter, tanpa karakter tersembunyi"
    )]
    Name,
    #[error("kode kabupaten/kota {0} bukan di Lampung (1801–1813, 1871, 1872)")]
    Regency(u16),
    #[error("NIB harus 13 angka: \"{0}\"")]
    Nib(String),
    #[error("nomor telepon hanya angka, +, spasi atau -, paling panjang 20: \"{0}\"")]
    Phone(String),
    #[error("rekening bank paling panjang 80 karakter, tanpa karakter tersembunyi")]
    Bank,
    #[error("penitip tidak dikenal: \"{0}\"")]
    UnknownProducer(String),
    #[error("kode penitip {0} sudah dipakai penitip lain")]
    DuplicateProducer(String),
    #[error("komisi harus antara 0% dan 100%, paling banyak dua angka desimal, mis. 20%: \"{0}\"")]
    Commission(String),
    #[error("harga setor harus lebih dari nol dan paling besar Rp1.000.000.000 (tertulis {0})")]
    ConsignPrice(Rupiah),
    #[error("harga setor {consign} tidak boleh lebih dari harga jual {price}")]
    ConsignAbovePrice { consign: Rupiah, price: Rupiah },
    #[error(
        "produk titipan perlu satu dari: harga setor (--consign-price) atau komisi (--commission)"
    )]
    Terms,
    #[error("harga setor atau komisi hanya untuk produk titipan: sebutkan penitipnya (--producer)")]
    TermsWithoutProducer,
    #[error(
        "{sku}: yang harus dibayar ke penitip ({owed}) melebihi harga bersih barisnya ({net}); kurangi diskonnya"
    )]
    OwedAboveNet {
        sku: String,
        owed: Rupiah,
        net: Rupiah,
    },
    #[error("{sku} bukan barang titipan penitip {producer}")]
    NotConsigned { sku: String, producer: String },
    #[error("berita acara serah terima tidak dikenal: \"{0}\"")]
    UnknownNote(String),
    #[error("serah terima perlu paling sedikit satu barang")]
    NoItems,
    #[error("{0} disebut dua kali dalam satu serah terima")]
    RepeatedItem(String),
    #[error("retur ke penitip {sku} {asked} melebihi stok yang ada ({left})")]
    HandBackTooMuch {
        sku: String,
        asked: Quantity,
        left: Quantity,
    },
    #[error("catatan paling panjang 200 karakter, tanpa karakter tersembunyi")]
    Note,
    #[error("jumlah bayar harus lebih dari nol dan paling besar Rp10.000.000.000 (tertulis {0})")]
    PayoutAmount(Rupiah),
    #[error("cara bayar penitip hanya tunai (cash) atau transfer: \"{0}\"")]
    PayoutMethod(String),
    #[error(
        "bayar lewat transfer perlu nomor referensi (transfer:REF), paling panjang 64 karakter"
    )]
    PayoutReference,
    #[error("bayar {amount} melebihi saldo penitip {producer} ({balance})")]
    Overpay {
        producer: String,
        amount: Rupiah,
        balance: Rupiah,
    },
    #[error(
        "uang tunai di laci seharusnya {drawer}, tidak cukup untuk membayar {amount}; bayar lewat transfer atau sebagian saja"
    )]
    DrawerShort { amount: Rupiah, drawer: Rupiah },
    #[error("tanggal awal {from} sesudah tanggal akhir {to}")]
    Period { from: Date, to: Date },
}

/// Checks a producer's code: 2–12 of `A–Z`, `0–9` and `-`, starting with a
/// letter. One spelling only: `p001` is not `P001`.
pub fn validate_code(code: &str) -> Result<(), ConsignError> {
    let ok = (2..=12).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_uppercase())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(ConsignError::Code(code.to_string()))
    }
}

/// The canonical form of a code typed by a person: trimmed, upper case.
pub fn normalise_code(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

pub fn validate_name(name: &str) -> Result<(), ConsignError> {
    if is_printable(name, 80) && name.trim() == name {
        Ok(())
    } else {
        Err(ConsignError::Name)
    }
}

pub fn validate_regency(code: u16) -> Result<Regency, ConsignError> {
    Regency::by_code(code).ok_or(ConsignError::Regency(code))
}

/// NIB (*Nomor Induk Berusaha*): 13 digits.
pub fn validate_nib(nib: &str) -> Result<(), ConsignError> {
    if nib.len() == 13 && nib.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(ConsignError::Nib(nib.to_string()))
    }
}

pub fn validate_phone(phone: &str) -> Result<(), ConsignError> {
    let ok = !phone.is_empty()
        && phone.chars().count() <= 20
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-'))
        && phone.chars().any(|c| c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(ConsignError::Phone(phone.to_string()))
    }
}

pub fn validate_bank(bank: &str) -> Result<(), ConsignError> {
    if is_printable_or_empty(bank, 80) {
        Ok(())
    } else {
        Err(ConsignError::Bank)
    }
}

/// A handover note's free text: empty, or printable and at most 200 characters.
pub fn validate_note(note: &str) -> Result<(), ConsignError> {
    if is_printable_or_empty(note, super::limits::MAX_NOTE_CHARS) {
        Ok(())
    } else {
        Err(ConsignError::Note)
    }
}

/// What a consigned product is sold under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "basis", content = "rate", rename_all = "snake_case")]
pub enum Terms {
    /// *Harga setor*: the rupiah owed to the producer per unit sold.
    ConsignPrice(Rupiah),
    /// *Komisi*: the stall's share of the line's net, in hundredths of a
    /// percent (`2000` is 20%); the producer is owed the rest.
    Commission(u32),
}

/// Hundredths of a percent in a whole.
pub const FULL_PERCENT: u32 = 10_000;

impl Terms {
    /// The key stored and sent: `consign_price` or `commission`.
    pub fn basis(self) -> &'static str {
        match self {
            Terms::ConsignPrice(_) => "consign_price",
            Terms::Commission(_) => "commission",
        }
    }

    /// The figure stored and sent with the basis: rupiah, or hundredths of a
    /// percent.
    pub fn rate(self) -> i64 {
        match self {
            Terms::ConsignPrice(price) => price.value(),
            Terms::Commission(hundredths) => i64::from(hundredths),
        }
    }

    /// Terms from a stored or received basis and rate; `None` if they are
    /// not terms this program knows or they are out of bounds.
    pub fn from_parts(basis: &str, rate: i64) -> Option<Terms> {
        let terms = match basis {
            "consign_price" => Terms::ConsignPrice(Rupiah::new(rate)),
            "commission" => Terms::Commission(u32::try_from(rate).ok()?),
            _ => return None,
        };
        terms.check().ok().map(|_| terms)
    }

    /// Reads a commission as typed: `20%`, `20`, `12,5%`.
    pub fn parse_commission(text: &str) -> Result<Terms, ConsignError> {
        let bad = || ConsignError::Commission(text.to_string());
        let trimmed = text.trim();
        let number = trimmed.strip_suffix('%').unwrap_or(trimmed).trim();
        let (whole, fraction) = number.split_once([',', '.']).unwrap_or((number, ""));
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || (!fraction.is_empty() && !digits(fraction)) || fraction.len() > 2 {
            return Err(bad());
        }
        let whole: u32 = whole.parse().map_err(|_| bad())?;
        let fraction: u32 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
        let hundredths = whole * 100 + fraction;
        if hundredths > FULL_PERCENT {
            return Err(bad());
        }
        Ok(Terms::Commission(hundredths))
    }

    /// The terms by themselves: a harga setor within the price bounds, a
    /// commission from 0% to 100%.
    pub fn check(self) -> Result<(), ConsignError> {
        match self {
            Terms::ConsignPrice(price) if !price.is_positive() || price > MAX_UNIT_PRICE => {
                Err(ConsignError::ConsignPrice(price))
            }
            Terms::Commission(hundredths) if hundredths > FULL_PERCENT => Err(
                ConsignError::Commission(format!("{},{:02}%", hundredths / 100, hundredths % 100)),
            ),
            _ => Ok(()),
        }
    }

    /// The terms for a product sold at `price`: a harga setor may not be
    /// above the price (the stall would owe more than it takes).
    pub fn check_for_price(self, price: Rupiah) -> Result<(), ConsignError> {
        self.check()?;
        match self {
            Terms::ConsignPrice(consign) if consign > price => {
                Err(ConsignError::ConsignAbovePrice { consign, price })
            }
            _ => Ok(()),
        }
    }

    /// What a line sold under these terms owes its producer: harga setor ×
    /// quantity (half up), or the net less the stall's commission (the
    /// commission rounded half up).
    pub fn owed(self, quantity: Quantity, net: Rupiah) -> Result<Rupiah, MoneyError> {
        match self {
            Terms::ConsignPrice(price) => price.times(quantity),
            Terms::Commission(hundredths) => {
                let commission = net.ratio(i64::from(hundredths), i64::from(FULL_PERCENT))?;
                net.checked_sub(commission)
            }
        }
    }
}

impl std::fmt::Display for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Terms::ConsignPrice(price) => write!(f, "harga setor {price}"),
            Terms::Commission(h) => write!(f, "komisi {}", percent(*h)),
        }
    }
}

/// `20%`, `12,5%`: hundredths of a percent as a person reads them.
pub fn percent(hundredths: u32) -> String {
    if hundredths.is_multiple_of(100) {
        format!("{}%", hundredths / 100)
    } else {
        let fraction = format!("{:02}", hundredths % 100);
        format!("{},{}%", hundredths / 100, fraction.trim_end_matches('0'))
    }
}

/// The part of a line's `owed` that `returned_now` more units of the line
/// take back, after `returned_before` were returned already: the difference
/// of running shares (`owed × returned ÷ sold`, half up), so a line returned
/// in parts gives back exactly what it owed, never more.
pub fn owed_returned(
    owed: Rupiah,
    sold_milli: i64,
    returned_before_milli: i64,
    returned_now_milli: i64,
) -> Result<Rupiah, MoneyError> {
    if sold_milli <= 0 {
        return Ok(Rupiah::ZERO);
    }
    let after = returned_before_milli
        .checked_add(returned_now_milli)
        .ok_or(MoneyError::Overflow)?
        .min(sold_milli);
    let before = returned_before_milli.min(sold_milli);
    owed.ratio(after, sold_milli)?
        .checked_sub(owed.ratio(before, sold_milli)?)
}

/// The number of a handover note: `CODE-TT-YYYYMMDD-NN` (two digits, more
/// past 99 notes in a day).
pub fn handover_number(stall_code: &str, day: Date, number_in_day: u32) -> String {
    format!(
        "{stall_code}-TT-{:04}{:02}{:02}-{number_in_day:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// How a producer was paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PayoutMethod {
    /// From the drawer: lowers the expected cash at tutup kasir.
    Cash,
    /// By bank transfer, with its reference.
    Transfer,
}

impl PayoutMethod {
    pub fn key(self) -> &'static str {
        match self {
            PayoutMethod::Cash => "cash",
            PayoutMethod::Transfer => "transfer",
        }
    }

    pub fn parse(text: &str) -> Result<PayoutMethod, ConsignError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "cash" | "tunai" => Ok(PayoutMethod::Cash),
            "transfer" => Ok(PayoutMethod::Transfer),
            _ => Err(ConsignError::PayoutMethod(text.to_string())),
        }
    }

    /// The word on screen and paper.
    pub fn label(self) -> &'static str {
        match self {
            PayoutMethod::Cash => "Tunai",
            PayoutMethod::Transfer => "Transfer",
        }
    }
}

/// Checks a payout's amount, method and reference: more than zero and
/// within the bound of any amount; a transfer names its reference.
pub fn check_payout(
    amount: Rupiah,
    method: PayoutMethod,
    reference: Option<&str>,
) -> Result<(), ConsignError> {
    if !amount.is_positive() || amount > super::limits::MAX_AMOUNT {
        return Err(ConsignError::PayoutAmount(amount));
    }
    match (method, reference) {
        (PayoutMethod::Transfer, None) => Err(ConsignError::PayoutReference),
        (_, Some(reference)) if !is_printable(reference, 64) => Err(ConsignError::PayoutReference),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rp(value: i64) -> Rupiah {
        Rupiah::new(value)
    }

    #[test]
    fn codes_have_one_spelling() {
        assert!(validate_code("P001").is_ok());
        assert!(validate_code("KRP-LU").is_ok());
        assert!(validate_code("p001").is_err());
        assert!(validate_code("1P").is_err());
        assert!(validate_code("P").is_err());
        assert!(validate_code("P\u{200B}01").is_err());
        assert_eq!(normalise_code(" p001 "), "P001");
        assert!(validate_nib("1234567890123").is_ok());
        assert!(validate_nib("123456789012").is_err());
        assert!(validate_nib("12345678901a3").is_err());
        assert!(validate_phone("+62 812-3456-7890").is_ok());
        assert!(validate_phone("call me").is_err());
    }

    #[test]
    fn commission_reads_like_a_discount() {
        assert_eq!(
            Terms::parse_commission("20%").unwrap(),
            Terms::Commission(2000)
        );
        assert_eq!(
            Terms::parse_commission("12,5").unwrap(),
            Terms::Commission(1250)
        );
        assert!(Terms::parse_commission("101%").is_err());
        assert!(Terms::parse_commission("-5%").is_err());
        assert!(Terms::parse_commission("1e2").is_err());
        assert_eq!(percent(1250), "12,5%");
        assert_eq!(percent(2000), "20%");
    }

    #[test]
    fn owed_is_harga_setor_times_quantity_or_net_less_commission() {
        let setor = Terms::ConsignPrice(rp(7_500));
        assert_eq!(
            setor.owed(Quantity::from_milli(3_000), rp(30_000)).unwrap(),
            rp(22_500)
        );
        // Half up: 0,333 kg × Rp7.500 = 2.497,5 → 2.498.
        assert_eq!(
            setor.owed(Quantity::from_milli(333), rp(5_000)).unwrap(),
            rp(2_498)
        );
        let komisi = Terms::Commission(2000);
        // The stall keeps 20% of 10.005 = 2.001; the producer 8.004.
        assert_eq!(komisi.owed(Quantity::ONE, rp(10_005)).unwrap(), rp(8_004));
        assert!(setor.check_for_price(rp(7_000)).is_err());
        assert!(setor.check_for_price(rp(10_000)).is_ok());
        assert!(Terms::ConsignPrice(Rupiah::ZERO).check().is_err());
        assert_eq!(Terms::from_parts("commission", 2000), Some(komisi));
        assert_eq!(Terms::from_parts("commission", 10_001), None);
        assert_eq!(Terms::from_parts("gift", 1), None);
    }

    #[test]
    fn a_line_returned_in_parts_gives_back_exactly_what_it_owed() {
        let owed = rp(10_001);
        let parts = [1_000, 1_000, 1_000];
        let mut before = 0;
        let mut back = Rupiah::ZERO;
        for part in parts {
            back = back
                .checked_add(owed_returned(owed, 3_000, before, part).unwrap())
                .unwrap();
            before += part;
        }
        assert_eq!(back, owed);
    }

    #[test]
    fn handover_numbers_and_payouts() {
        let day = Date::from_calendar_date(2026, time::Month::November, 27).unwrap();
        assert_eq!(handover_number("ST07", day, 1), "ST07-TT-20261127-01");
        assert_eq!(handover_number("ST07", day, 123), "ST07-TT-20261127-123");
        assert!(check_payout(rp(50_000), PayoutMethod::Cash, None).is_ok());
        assert!(check_payout(rp(50_000), PayoutMethod::Transfer, None).is_err());
        assert!(check_payout(rp(50_000), PayoutMethod::Transfer, Some("BCA 123")).is_ok());
        assert!(check_payout(Rupiah::ZERO, PayoutMethod::Cash, None).is_err());
        assert_eq!(PayoutMethod::parse("Tunai").unwrap(), PayoutMethod::Cash);
        assert!(PayoutMethod::parse("qris").is_err());
    }
}
