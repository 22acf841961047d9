//! Units a stall sells by, and whether they may be split.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::money::Quantity;

/// A unit of sale. Add a variant (and its key) to extend the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Pcs,
    Pack,
    Kg,
    G,
    M,
    L,
}

/// Why a unit or a quantity in it is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitError {
    #[error("satuan tidak dikenal: \"{0}\" (pakai pcs, pack, kg, g, m atau l)")]
    Unknown(String),
    #[error("{unit} dijual utuh: kuantitas {quantity} tidak boleh pecahan")]
    WholeOnly { unit: Unit, quantity: String },
}

impl Unit {
    pub const ALL: [Unit; 6] = [Unit::Pcs, Unit::Pack, Unit::Kg, Unit::G, Unit::M, Unit::L];

    pub fn key(self) -> &'static str {
        match self {
            Unit::Pcs => "pcs",
            Unit::Pack => "pack",
            Unit::Kg => "kg",
            Unit::G => "g",
            Unit::M => "m",
            Unit::L => "l",
        }
    }

    pub fn parse(text: &str) -> Result<Unit, UnitError> {
        let key = text.trim().to_lowercase();
        Unit::ALL
            .into_iter()
            .find(|u| u.key() == key)
            .ok_or_else(|| UnitError::Unknown(text.to_string()))
    }

    /// Pieces and packs are counted; weights, lengths and volumes are measured.
    pub fn allows_fraction(self) -> bool {
        !matches!(self, Unit::Pcs | Unit::Pack)
    }

    /// Refuses 1,5 pcs.
    pub fn check(self, quantity: Quantity) -> Result<(), UnitError> {
        if self.allows_fraction() || quantity.milli() % Quantity::SCALE == 0 {
            Ok(())
        } else {
            Err(UnitError::WholeOnly {
                unit: self,
                quantity: quantity.to_string(),
            })
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_whole_kilos_are_not() {
        assert_eq!(Unit::parse("KG"), Ok(Unit::Kg));
        assert!(Unit::parse("ton").is_err());
        assert!(Unit::Pcs.check(Quantity::from_milli(1_500)).is_err());
        assert!(Unit::Pcs.check(Quantity::from_milli(2_000)).is_ok());
        assert!(Unit::Kg.check(Quantity::from_milli(1_500)).is_ok());
    }
}
