//! The 15 regencies and cities of Lampung, with both of their codes.
//!
//! The book has always stored the BPS code (`code`, e.g. 1803); the
//! Kemendagri code (`kemendagri`, e.g. "18.01") is the one on an identity
//! card's NIK, in OSS/NIB and on regional government lists. The two differ
//! for the first eight regencies, so a code is never shown or read without
//! saying which it is: a dotted code is Kemendagri, a plain one BPS.

/// A regency (*kabupaten*) or city (*kota*) of Lampung province.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regency {
    /// The BPS code, as the book stores it.
    pub code: u16,
    /// The Kemendagri code, dotted.
    pub kemendagri: &'static str,
    pub name: &'static str,
}

/// All of them, in BPS code order.
pub const REGENCIES: [Regency; 15] = [
    Regency {
        code: 1801,
        kemendagri: "18.04",
        name: "Lampung Barat",
    },
    Regency {
        code: 1802,
        kemendagri: "18.06",
        name: "Tanggamus",
    },
    Regency {
        code: 1803,
        kemendagri: "18.01",
        name: "Lampung Selatan",
    },
    Regency {
        code: 1804,
        kemendagri: "18.07",
        name: "Lampung Timur",
    },
    Regency {
        code: 1805,
        kemendagri: "18.02",
        name: "Lampung Tengah",
    },
    Regency {
        code: 1806,
        kemendagri: "18.03",
        name: "Lampung Utara",
    },
    Regency {
        code: 1807,
        kemendagri: "18.08",
        name: "Way Kanan",
    },
    Regency {
        code: 1808,
        kemendagri: "18.05",
        name: "Tulang Bawang",
    },
    Regency {
        code: 1809,
        kemendagri: "18.09",
        name: "Pesawaran",
    },
    Regency {
        code: 1810,
        kemendagri: "18.10",
        name: "Pringsewu",
    },
    Regency {
        code: 1811,
        kemendagri: "18.11",
        name: "Mesuji",
    },
    Regency {
        code: 1812,
        kemendagri: "18.12",
        name: "Tulang Bawang Barat",
    },
    Regency {
        code: 1813,
        kemendagri: "18.13",
        name: "Pesisir Barat",
    },
    Regency {
        code: 1871,
        kemendagri: "18.71",
        name: "Kota Bandar Lampung",
    },
    Regency {
        code: 1872,
        kemendagri: "18.72",
        name: "Kota Metro",
    },
];

/// A regency code that is not one of Lampung's, in either form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "kode kabupaten/kota \"{0}\" bukan di Lampung (BPS 1801–1813, 1871, 1872 atau Kemendagri 18.01–18.13, 18.71, 18.72) / \
     regency code \"{0}\" is not in Lampung (BPS 1801–1813, 1871, 1872 or Kemendagri 18.01–18.13, 18.71, 18.72)"
)]
pub struct UnknownRegency(pub String);

impl Regency {
    /// The regency with this BPS code, if it is one of Lampung's.
    pub fn by_code(code: u16) -> Option<Regency> {
        REGENCIES.iter().copied().find(|r| r.code == code)
    }

    /// The regency with this Kemendagri code ("18.01"), if it is one of
    /// Lampung's.
    pub fn by_kemendagri(code: &str) -> Option<Regency> {
        REGENCIES.iter().copied().find(|r| r.kemendagri == code)
    }

    /// A code as a person types it: dotted is Kemendagri ("18.01"), plain
    /// is BPS ("1803").
    pub fn parse(text: &str) -> Result<Regency, UnknownRegency> {
        let code = text.trim();
        let found = if code.contains('.') {
            Regency::by_kemendagri(code)
        } else {
            code.parse().ok().and_then(Regency::by_code)
        };
        found.ok_or_else(|| UnknownRegency(code.chars().take(20).collect()))
    }

    /// The Kemendagri code for a BPS code, empty when it is not Lampung's
    /// (for files and tables, where a cell must hold something).
    pub fn kemendagri_of(code: u16) -> &'static str {
        Regency::by_code(code).map_or("", |r| r.kemendagri)
    }
}

impl std::fmt::Display for Regency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({} · BPS {})", self.name, self.kemendagri, self.code)
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
        let mut dotted: Vec<&str> = REGENCIES.iter().map(|r| r.kemendagri).collect();
        dotted.sort();
        dotted.dedup();
        assert_eq!(dotted.len(), 15);
    }

    #[test]
    fn the_first_eight_differ_between_bps_and_kemendagri() {
        // Kemendagri 18.01 is Lampung Selatan; BPS 1801 is Lampung Barat.
        assert_eq!(Regency::parse("18.01").unwrap().name, "Lampung Selatan");
        assert_eq!(Regency::parse("1801").unwrap().name, "Lampung Barat");
        assert_eq!(Regency::parse("1802").unwrap().kemendagri, "18.06");
        assert_eq!(Regency::parse(" 18.72 ").unwrap().code, 1872);
        assert_eq!(Regency::kemendagri_of(1808), "18.05");
        assert_eq!(Regency::kemendagri_of(9999), "");
    }

    #[test]
    fn anything_else_is_refused_by_name() {
        for bad in [
            "18.14", "1814", "18.1", "1801.0", "", "abc", "31.71", "18,01",
        ] {
            let error = Regency::parse(bad).unwrap_err();
            assert!(
                error.to_string().contains("bukan di Lampung"),
                "{bad}: {error}"
            );
        }
    }
}
