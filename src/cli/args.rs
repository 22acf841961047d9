//! Reading the compact arguments of `sale`, `return` and friends:
//! `CODE=QTY[@DISCOUNT]`, `SKU=QTY`, `METHOD=RP[:REF]`.

use crate::domain::discount::Discount;
use crate::domain::payment::{PaymentMethod, Tender};
use crate::money::{Quantity, Rupiah};
use crate::store::{ReturnItem, SaleItem};

/// `CODE=QTY[@DISCOUNT]`: a SKU or barcode, a quantity, an optional discount.
pub fn sale_item(text: &str) -> Result<SaleItem, String> {
    let (code, rest) = text.split_once('=').ok_or_else(|| {
        format!("item harus berbentuk KODE=JUMLAH[@DISKON], mis. KRP-01=2: \"{text}\"")
    })?;
    let (quantity, discount) = match rest.split_once('@') {
        Some((quantity, discount)) => (
            quantity,
            Some(Discount::parse(discount).map_err(|e| e.to_string())?),
        ),
        None => (rest, None),
    };
    let code = code.trim();
    if code.is_empty() {
        return Err(format!("kode barang kosong: \"{text}\""));
    }
    Ok(SaleItem {
        code: code.to_string(),
        quantity: Quantity::parse(quantity).map_err(|e| e.to_string())?,
        discount,
    })
}

/// `SKU=QTY` of a return.
pub fn return_item(text: &str) -> Result<ReturnItem, String> {
    let item = sale_item(text)?;
    if item.discount.is_some() {
        return Err(format!("retur tidak memakai diskon: \"{text}\""));
    }
    Ok(ReturnItem {
        sku: item.code,
        quantity: item.quantity,
    })
}

/// `METHOD=RP[:REF]`, e.g. `cash=100000` or `qris=55.000:REF123`.
pub fn tender(text: &str) -> Result<Tender, String> {
    let (method, rest) = text.split_once('=').ok_or_else(|| {
        format!("pembayaran harus berbentuk METODE=JUMLAH[:REF], mis. cash=100000: \"{text}\"")
    })?;
    let (amount, reference) = match rest.split_once(':') {
        Some((amount, reference)) => (
            amount,
            Some(reference.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (rest, None),
    };
    Ok(Tender {
        method: PaymentMethod::parse(method).map_err(|e| e.to_string())?,
        amount: Rupiah::parse(amount).map_err(|e| e.to_string())?,
        reference,
    })
}

/// `METHOD[:REF]` of a repayment: `cash`, `qris:REF`, `transfer:REF`.
pub fn method_with_reference(text: &str) -> Result<(PaymentMethod, Option<String>), String> {
    let (method, reference) = match text.split_once(':') {
        Some((method, reference)) => (
            method,
            Some(reference.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (text, None),
    };
    Ok((
        PaymentMethod::parse(method).map_err(|e| e.to_string())?,
        reference,
    ))
}

/// An expense's category: `kemasan`, `transport`, `listrik`, `sewa`, `gaji`,
/// `lain-lain`.
pub fn expense_category(text: &str) -> Result<crate::domain::expense::ExpenseCategory, String> {
    crate::domain::expense::ExpenseCategory::parse(text).map_err(|e| e.to_string())
}

/// A discount on the whole sale: `RP` or `N%`.
pub fn discount(text: &str) -> Result<Discount, String> {
    Discount::parse(text).map_err(|e| e.to_string())
}

pub fn rupiah(text: &str) -> Result<Rupiah, String> {
    Rupiah::parse(text).map_err(|e| e.to_string())
}

pub fn quantity(text: &str) -> Result<Quantity, String> {
    Quantity::parse(text).map_err(|e| e.to_string())
}

pub fn date(text: &str) -> Result<time::Date, String> {
    crate::clock::parse_day(text)
        .ok_or_else(|| format!("tanggal harus YYYY-MM-DD, mis. 2026-11-27: \"{text}\""))
}

/// A regency as typed: a Kemendagri code ("18.06") or a BPS code ("1802");
/// the book keeps the BPS code.
pub fn regency(text: &str) -> Result<u16, String> {
    crate::domain::regency::Regency::parse(text)
        .map(|r| r.code)
        .map_err(|e| e.to_string())
}

/// A harga grosir tier as typed: `12=9000` (from 12, Rp9.000 each).
pub fn price_tier(text: &str) -> Result<crate::domain::price_tier::PriceTier, String> {
    crate::domain::price_tier::parse_one(text).map_err(|e| e.to_string())
}

/// How goods or an asset were paid: `drawer`, `bank`, `credit`, `owner`.
pub fn paid(text: &str) -> Result<crate::domain::books_event::Paid, String> {
    crate::domain::books_event::Paid::parse(text.trim()).ok_or_else(|| {
        crate::domain::books_register::RegisterError::Paid(text.to_string()).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_items_and_tenders() {
        let item = sale_item("KRP-01=1,5@10%").unwrap();
        assert_eq!(item.code, "KRP-01");
        assert_eq!(item.quantity, Quantity::from_milli(1_500));
        assert_eq!(item.discount, Some(Discount::Percent(1_000)));
        let qris = tender("qris=55.000:REF 12").unwrap();
        assert_eq!(qris.method, PaymentMethod::Qris);
        assert_eq!(qris.amount, Rupiah::new(55_000));
        assert_eq!(qris.reference.as_deref(), Some("REF 12"));
        assert!(sale_item("KRP-01").is_err());
        assert!(sale_item("=2").is_err());
        assert!(tender("cash").is_err());
        assert!(tender("gold=5").is_err());
        assert!(return_item("KRP-01=1@5%").is_err());
        assert!(date("2026-13-01").is_err());
    }
}
