//! A stall's book restored from a backup, as the event the book records and
//! the office reads back: up to which number the backup went, and which
//! numbers the restore gave up (records made after the backup, a struk
//! perhaps among them, that no file will ever carry).

/// The event kind of a restore.
pub const RESTORED: &str = "restored";

/// What a restore event says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RestoreNote {
    /// The backup's last record number.
    pub backup_last: i64,
    /// The first and last number given up, and how many records.
    pub given_up: Option<(i64, i64, i64)>,
}

impl RestoreNote {
    /// The event's detail as the book keeps it (in Indonesian, as every
    /// event's); [`RestoreNote::read`] reads it back.
    pub fn detail(&self) -> String {
        let backup_last = self.backup_last;
        match self.given_up {
            Some((first, last, count)) => format!(
                "cadangan dipulihkan (sampai catatan {backup_last}); catatan {first}–{last} ({count}) dilepas"
            ),
            None => format!(
                "cadangan dipulihkan (sampai catatan {backup_last}); tidak ada yang dilepas"
            ),
        }
    }

    /// The note an event's detail holds, if the stall's program wrote it.
    pub fn read(detail: &str) -> Option<RestoreNote> {
        let rest = detail.strip_prefix("cadangan dipulihkan (sampai catatan ")?;
        let (backup_last, rest) = rest.split_once(");")?;
        let backup_last = backup_last.parse().ok()?;
        let rest = rest.trim_start();
        if rest == "tidak ada yang dilepas" {
            return Some(RestoreNote {
                backup_last,
                given_up: None,
            });
        }
        let rest = rest.strip_prefix("catatan ")?.strip_suffix(") dilepas")?;
        let (range, count) = rest.split_once(" (")?;
        let (first, last) = range.split_once('–')?;
        Some(RestoreNote {
            backup_last,
            given_up: Some((first.parse().ok()?, last.parse().ok()?, count.parse().ok()?)),
        })
    }

    /// Whether the note can be the one of a restore numbered `seq`: the
    /// backup ends before it, and what was given up lies between the two
    /// and counts no more numbers than it spans.
    pub fn fits_before(&self, seq: i64) -> bool {
        let backup = (0..seq).contains(&self.backup_last);
        match self.given_up {
            None => backup,
            Some((first, last, count)) => {
                backup
                    && self.backup_last < first
                    && first <= last
                    && last < seq
                    && (1..=last - first + 1).contains(&count)
            }
        }
    }

    /// One sentence for the manager, in Indonesian or English.
    pub fn sentence(&self, english: bool) -> String {
        let backup_last = self.backup_last;
        match (self.given_up, english) {
            (Some((first, last, count)), false) => format!(
                "buku dipulihkan dari cadangan (sampai catatan {backup_last}); catatan {first}–{last} ({count}) dilepas dan tidak akan pernah sampai"
            ),
            (Some((first, last, count)), true) => format!(
                "book restored from a backup (up to record {backup_last}); records {first}–{last} ({count}) were given up and will never arrive"
            ),
            (None, false) => format!(
                "buku dipulihkan dari cadangan (sampai catatan {backup_last}); tidak ada catatan yang dilepas"
            ),
            (None, true) => format!(
                "book restored from a backup (up to record {backup_last}); no record was given up"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_is_read_back_from_what_the_stall_wrote() {
        for note in [
            RestoreNote {
                backup_last: 824,
                given_up: Some((825, 826, 2)),
            },
            RestoreNote {
                backup_last: 12,
                given_up: None,
            },
        ] {
            assert_eq!(RestoreNote::read(&note.detail()), Some(note));
        }
        assert_eq!(RestoreNote::read("PIN manajer salah"), None);
        let note = RestoreNote {
            backup_last: 824,
            given_up: Some((825, 826, 2)),
        };
        assert!(note.fits_before(827));
        assert!(!note.fits_before(826), "given up at or after the restore");
        let lying = RestoreNote {
            given_up: Some((825, 826, 3)),
            ..note
        };
        assert!(!lying.fits_before(827), "more records than numbers");
        let overlapping = RestoreNote {
            given_up: Some((800, 826, 2)),
            ..note
        };
        assert!(!overlapping.fits_before(827), "given up inside the backup");
        assert_eq!(
            RestoreNote::read("cadangan dipulihkan (sampai catatan x); tidak ada yang dilepas"),
            None
        );
    }
}
