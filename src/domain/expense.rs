//! *Pengeluaran*: what a stall pays for besides its goods — plastic bags,
//! transport, electricity, rent, wages — from the drawer or not.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why an expense's category is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExpenseError {
    #[error(
        "kategori pengeluaran tidak dikenal: \"{0}\" (kemasan, transport, listrik, sewa, gaji atau lain-lain)"
    )]
    Category(String),
    #[error("pengeluaran harus lebih dari nol")]
    NotPositive,
    #[error("catatan pengeluaran paling panjang 200 karakter, tanpa karakter tersembunyi")]
    Note,
}

/// What the money went on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpenseCategory {
    #[serde(rename = "kemasan")]
    Packaging,
    #[serde(rename = "transport")]
    Transport,
    #[serde(rename = "listrik")]
    Electricity,
    #[serde(rename = "sewa")]
    Rent,
    #[serde(rename = "gaji")]
    Wages,
    #[serde(rename = "lain-lain")]
    Other,
}

impl ExpenseCategory {
    pub const ALL: [ExpenseCategory; 6] = [
        ExpenseCategory::Packaging,
        ExpenseCategory::Transport,
        ExpenseCategory::Electricity,
        ExpenseCategory::Rent,
        ExpenseCategory::Wages,
        ExpenseCategory::Other,
    ];

    /// The stable key on the command line, in the book and in exports: the
    /// Indonesian word, as the vendor says it.
    pub fn key(self) -> &'static str {
        match self {
            ExpenseCategory::Packaging => "kemasan",
            ExpenseCategory::Transport => "transport",
            ExpenseCategory::Electricity => "listrik",
            ExpenseCategory::Rent => "sewa",
            ExpenseCategory::Wages => "gaji",
            ExpenseCategory::Other => "lain-lain",
        }
    }

    /// The name on screen and paper, Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            ExpenseCategory::Packaging => "Kemasan",
            ExpenseCategory::Transport => "Transport",
            ExpenseCategory::Electricity => "Listrik",
            ExpenseCategory::Rent => "Sewa",
            ExpenseCategory::Wages => "Gaji",
            ExpenseCategory::Other => "Lain-lain",
        }
    }

    /// The name in English.
    pub fn english(self) -> &'static str {
        match self {
            ExpenseCategory::Packaging => "Packaging",
            ExpenseCategory::Transport => "Transport",
            ExpenseCategory::Electricity => "Electricity",
            ExpenseCategory::Rent => "Rent",
            ExpenseCategory::Wages => "Wages",
            ExpenseCategory::Other => "Other",
        }
    }

    /// Reads the keys, and the English words a script might use.
    pub fn parse(text: &str) -> Result<ExpenseCategory, ExpenseError> {
        match text.trim().to_lowercase().as_str() {
            "kemasan" | "packaging" | "plastik" => Ok(ExpenseCategory::Packaging),
            "transport" | "transportasi" | "ongkos" => Ok(ExpenseCategory::Transport),
            "listrik" | "electricity" => Ok(ExpenseCategory::Electricity),
            "sewa" | "rent" => Ok(ExpenseCategory::Rent),
            "gaji" | "wages" | "upah" => Ok(ExpenseCategory::Wages),
            "lain-lain" | "lainnya" | "lain" | "other" => Ok(ExpenseCategory::Other),
            _ => Err(ExpenseError::Category(text.to_string())),
        }
    }
}

impl fmt::Display for ExpenseCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back() {
        for category in ExpenseCategory::ALL {
            assert_eq!(ExpenseCategory::parse(category.key()), Ok(category));
            assert_eq!(
                serde_json::to_string(&category).unwrap(),
                format!("\"{}\"", category.key())
            );
        }
        assert!(ExpenseCategory::parse("rokok").is_err());
    }
}
