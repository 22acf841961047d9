//! What a label print may ask for: products with a barcode, a bounded number
//! of copies, a known label stock.

use super::limits::{MAX_LABEL_COPIES, MAX_LABELS};

/// Why labels cannot be printed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("{0} belum punya barcode: beri barcode toko dulu (sentra product barcode {0} --auto)")]
    NoBarcode(String),
    #[error("jumlah label {sku} harus 1–{MAX_LABEL_COPIES} (tertulis {copies})")]
    Copies { sku: String, copies: String },
    #[error("paling banyak {MAX_LABELS} label sekali cetak (diminta {0})")]
    TooMany(usize),
    #[error("pilih paling sedikit satu produk untuk dicetak labelnya")]
    Nothing,
    #[error("kertas label tidak dikenal: \"{0}\" (pakai a4-3x7, a4-4x10 atau roll-58x40)")]
    Sheet(String),
    #[error("produk {0} sudah punya barcode")]
    HasBarcode(String),
    #[error("barcode toko habis: semua nomor berawalan {0} sudah terpakai")]
    Exhausted(u8),
    #[error("lembar ini hanya punya {per_page} tempat: lewati paling banyak {} (tertulis {skip})", per_page - 1)]
    Skip { skip: String, per_page: usize },
}

/// `SKU` or `SKU=COPIES` as `sentra label` takes it.
pub fn parse_request(text: &str) -> Result<(String, u32), LabelError> {
    let (sku, copies) = match text.split_once('=') {
        Some((sku, copies)) => (sku.trim(), copies.trim()),
        None => (text.trim(), "1"),
    };
    let bad = || LabelError::Copies {
        sku: sku.to_string(),
        copies: copies.to_string(),
    };
    let copies: u32 = copies.parse().map_err(|_| bad())?;
    if !(1..=MAX_LABEL_COPIES).contains(&copies) {
        return Err(bad());
    }
    Ok((sku.to_string(), copies))
}

/// The number of labels asked for, within the bound.
pub fn check_total(requests: &[(String, u32)]) -> Result<usize, LabelError> {
    if requests.is_empty() {
        return Err(LabelError::Nothing);
    }
    let total: usize = requests.iter().map(|(_, copies)| *copies as usize).sum();
    if total > MAX_LABELS {
        return Err(LabelError::TooMany(total));
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_skus_with_copies() {
        assert_eq!(parse_request("KRP-01"), Ok(("KRP-01".into(), 1)));
        assert_eq!(parse_request("KRP-01=21"), Ok(("KRP-01".into(), 21)));
        for bad in [
            "KRP-01=0",
            "KRP-01=-1",
            "KRP-01=1001",
            "KRP-01=x",
            "KRP-01=",
        ] {
            assert!(parse_request(bad).is_err(), "{bad}");
        }
        assert_eq!(check_total(&[]), Err(LabelError::Nothing));
        let many = vec![("A".to_string(), 1_000); 11];
        assert_eq!(check_total(&many), Err(LabelError::TooMany(11_000)));
    }
}
