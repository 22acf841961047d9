//! The manager PIN: an Argon2 hash, never the PIN itself, and a lock after five
//! wrong tries that survives a restart because it lives in the book.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use rusqlite::{OptionalExtension, params};
use time::OffsetDateTime;

use super::{Result, Store, StoreError};
use crate::clock;
use crate::domain::pin::{Approval, PinError, PinGuard, validate_pin_shape};

pub(super) fn hash_pin(pin: &str) -> Result<String> {
    validate_pin_shape(pin)?;
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| StoreError::Io(std::io::Error::other(format!("argon2: {e}"))))
}

/// Records in the action's own transaction that a manager approved it.
pub(super) fn record_approval(
    tx: &rusqlite::Transaction<'_>,
    approval: &Approval,
    day: &str,
    stamp: &str,
) -> Result<()> {
    super::events::record(tx, "pin_used", &approval.to_string(), day, stamp)
}

impl Store {
    /// Checks the manager PIN for `approval`, before anything is written: no
    /// PIN given is refused with what needs it, and spends no try.
    pub fn approve(
        &mut self,
        pin: Option<&str>,
        approval: &Approval,
        now: OffsetDateTime,
    ) -> Result<()> {
        let pin = pin
            .filter(|p| !p.is_empty())
            .ok_or_else(|| PinError::Required(approval.clone()))?;
        self.verify_pin(pin, now)
    }

    /// Checks the manager PIN. A wrong one is counted (and committed) even
    /// though the action it was for is refused.
    pub fn verify_pin(&mut self, pin: &str, now: OffsetDateTime) -> Result<()> {
        // A PIN of the wrong shape cannot be right: say so, and spend no try.
        validate_pin_shape(pin)?;
        let (hash, guard) = self.pin_state()?;
        let hash = hash.ok_or(PinError::NotSet)?;
        if let Some(until) = guard.locked_at(now) {
            return Err(locked(until, self.offset).into());
        }
        let correct = Argon2::default()
            .verify_password(pin.as_bytes(), hash.as_str())
            .is_ok();
        let next = if correct {
            PinGuard::default()
        } else {
            guard.after_wrong(now)
        };
        let offset = self.offset;
        let stamp = clock::stamp(now, offset);
        let day = super::days::day_key(self.business_day(now));
        self.write(|tx| {
            tx.execute(
                "UPDATE manager_pin SET wrong_tries = ?1, locked_until = ?2, locks = ?3 WHERE id = 1",
                params![
                    next.wrong_tries,
                    next.locked_until.map(|t| clock::stamp(t, offset)),
                    next.locks
                ],
            )?;
            // Every wrong try is a record the day report and the office see:
            // a PIN guessed by moving the clock forward still leaves a trail.
            if !correct {
                super::events::record(tx, "pin_wrong", "PIN manajer salah", &day, &stamp)?;
                if let Some(until) = next.locked_until {
                    let detail = format!("PIN terkunci sampai {}", clock::stamp(until, offset));
                    super::events::record(tx, "pin_locked", &detail, &day, &stamp)?;
                }
            }
            Ok(())
        })?;
        if correct {
            Ok(())
        } else if let Some(until) = next.locked_until {
            Err(locked(until, offset).into())
        } else {
            Err(PinError::Wrong {
                left: next.tries_left(),
            }
            .into())
        }
    }

    /// Sets a new manager PIN; the old one is needed when there was one.
    pub fn set_pin(&mut self, new: &str, old: Option<&str>, now: OffsetDateTime) -> Result<()> {
        validate_pin_shape(new)?;
        let (existing, _) = self.pin_state()?;
        if existing.is_some() {
            // Asked for, not tried: a missing old PIN spends no try.
            let old = old.filter(|o| !o.is_empty()).ok_or(PinError::OldRequired)?;
            self.verify_pin(old, now)?;
        }
        let hash = hash_pin(new)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE manager_pin SET hash = ?1, wrong_tries = 0, locked_until = NULL, locks = 0 WHERE id = 1",
                params![hash],
            )?;
            Ok(())
        })
    }

    fn pin_state(&self) -> Result<(Option<String>, PinGuard)> {
        let row = self
            .conn
            .query_row(
                "SELECT hash, wrong_tries, locked_until, locks FROM manager_pin WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, u32>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, u32>(3)?,
                    ))
                },
            )
            .optional()?
            .ok_or(StoreError::NotInitialised)?;
        let guard = PinGuard {
            wrong_tries: row.1,
            locked_until: row.2.as_deref().and_then(clock::parse_stamp),
            locks: row.3,
        };
        Ok((row.0, guard))
    }
}

fn locked(until: OffsetDateTime, offset: time::UtcOffset) -> PinError {
    let local = until.to_offset(offset);
    PinError::Locked {
        until: format!("{:02}:{:02}", local.hour(), local.minute()),
    }
}
