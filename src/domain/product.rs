//! What makes a product entry acceptable before it reaches the book.

use crate::money::{Quantity, Rupiah};

/// Why a product's fields are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProductError {
    #[error("SKU harus 1–32 karakter huruf, angka, - _ . atau /: \"{0}\"")]
    Sku(String),
    #[error(
        "nama produk tidak boleh kosong, paling panjang 120 karakter, tanpa karakter kontrol atau tersembunyi"
    )]
    Name,
    #[error(
        "kategori tidak boleh kosong, paling panjang 40 karakter, tanpa karakter kontrol atau tersembunyi"
    )]
    Category,
    #[error("harga jual harus lebih dari nol dan paling besar Rp1.000.000.000 (tertulis {0})")]
    Price(Rupiah),
    #[error("HPP tidak boleh negatif atau lebih dari Rp1.000.000.000 (tertulis {0})")]
    Cost(Rupiah),
    #[error("stok minimum tidak boleh negatif (tertulis {0})")]
    MinStock(Quantity),
}

pub fn validate_sku(sku: &str) -> Result<(), ProductError> {
    let ok = (1..=32).contains(&sku.len())
        && sku
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if ok {
        Ok(())
    } else {
        Err(ProductError::Sku(sku.to_string()))
    }
}

fn plain_text(text: &str, max: usize) -> bool {
    super::limits::is_printable(text, max)
}

pub fn validate_name(name: &str) -> Result<(), ProductError> {
    if plain_text(name, 120) {
        Ok(())
    } else {
        Err(ProductError::Name)
    }
}

pub fn validate_category(category: &str) -> Result<(), ProductError> {
    if plain_text(category, 40) {
        Ok(())
    } else {
        Err(ProductError::Category)
    }
}

pub fn validate_price(price: Rupiah) -> Result<(), ProductError> {
    super::limits::check_price(price).map_err(|_| ProductError::Price(price))
}

pub fn validate_cost(cost: Rupiah) -> Result<(), ProductError> {
    if cost.is_negative() || cost > super::limits::MAX_UNIT_PRICE {
        Err(ProductError::Cost(cost))
    } else {
        Ok(())
    }
}

pub fn validate_min_stock(min: Quantity) -> Result<(), ProductError> {
    if min.is_negative() {
        Err(ProductError::MinStock(min))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skus_are_plain_codes() {
        assert!(validate_sku("KPS-200G").is_ok());
        for bad in ["", "a b", "x'; DROP TABLE products;--", &"A".repeat(33)] {
            assert!(validate_sku(bad).is_err(), "{bad}");
        }
        assert!(validate_price(Rupiah::ZERO).is_err());
        assert!(validate_cost(Rupiah::new(-1)).is_err());
        assert!(validate_name("Keripik Pisang Coklat 200 g").is_ok());
        assert!(validate_category("").is_err());
    }
}
