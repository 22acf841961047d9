//! The 15 regencies and cities of Lampung, keyed by their Kemendagri code.

/// A regency (*kabupaten*) or city (*kota*) of Lampung province.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regency {
    pub code: u16,
    pub name: &'static str,
}

/// All of them, in code order.
pub const REGENCIES: [Regency; 15] = [
    Regency {
        code: 1801,
        name: "Lampung Barat",
    },
    Regency {
        code: 1802,
        name: "Tanggamus",
    },
    Regency {
        code: 1803,
        name: "Lampung Selatan",
    },
    Regency {
        code: 1804,
        name: "Lampung Timur",
    },
    Regency {
        code: 1805,
        name: "Lampung Tengah",
    },
    Regency {
        code: 1806,
        name: "Lampung Utara",
    },
    Regency {
        code: 1807,
        name: "Way Kanan",
    },
    Regency {
        code: 1808,
        name: "Tulang Bawang",
    },
    Regency {
        code: 1809,
        name: "Pesawaran",
    },
    Regency {
        code: 1810,
        name: "Pringsewu",
    },
    Regency {
        code: 1811,
        name: "Mesuji",
    },
    Regency {
        code: 1812,
        name: "Tulang Bawang Barat",
    },
    Regency {
        code: 1813,
        name: "Pesisir Barat",
    },
    Regency {
        code: 1871,
        name: "Kota Bandar Lampung",
    },
    Regency {
        code: 1872,
        name: "Kota Metro",
    },
];

impl Regency {
    /// The regency with this Kemendagri code, if it is one of Lampung's.
    pub fn by_code(code: u16) -> Option<Regency> {
        REGENCIES.iter().copied().find(|r| r.code == code)
    }
}

impl std::fmt::Display for Regency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_every_lampung_code_and_nothing_else() {
        assert_eq!(Regency::by_code(1802).unwrap().name, "Tanggamus");
        assert_eq!(Regency::by_code(1871).unwrap().name, "Kota Bandar Lampung");
        assert_eq!(Regency::by_code(1814), None);
        assert_eq!(Regency::by_code(3171), None);
        let mut codes: Vec<u16> = REGENCIES.iter().map(|r| r.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), 15);
    }
}
