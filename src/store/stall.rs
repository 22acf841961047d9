//! Who this book belongs to: a stall (with its signing key) or the office.

use ed25519_dalek::SigningKey;
use rusqlite::{OptionalExtension, params};
use time::OffsetDateTime;

use super::{Result, Store, StoreError, pin};
use crate::clock;
use crate::domain::regency::Regency;
use crate::domain::stall::{IdentityError, validate_name, validate_stall_code};
use crate::domain::struk_check::StrukKey;

/// Whether this PC is a stall's till or the centre's office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Stall,
    Office,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Stall => "stall",
            Kind::Office => "office",
        }
    }

    /// How a person calls it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Stall => "toko (stall)",
            Kind::Office => "kantor pengelola (office)",
        }
    }
}

/// The identity set up at `init`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub kind: Kind,
    /// The stall's code (e.g. `ST07`); none for the office.
    pub code: Option<String>,
    pub name: String,
    pub owner: Option<String>,
    pub regency: Option<Regency>,
    /// The Ed25519 key that signs this stall's exports.
    pub public_key: Option<[u8; 32]>,
}

impl Identity {
    /// The stall code, for stall books.
    pub fn stall_code(&self) -> &str {
        self.code.as_deref().unwrap_or("")
    }
}

impl Store {
    /// The identity, or `None` for a new book.
    pub fn identity(&self) -> Result<Option<Identity>> {
        if let Some(identity) = &self.cache.borrow().identity {
            return Ok(Some(identity.clone()));
        }
        let identity = self.read_identity()?;
        self.cache.borrow_mut().identity = identity.clone();
        Ok(identity)
    }

    fn read_identity(&self) -> Result<Option<Identity>> {
        self.conn
            .query_row(
                "SELECT kind, code, name, owner, regency, public_key FROM stall WHERE id = 1",
                [],
                |row| {
                    let kind: String = row.get(0)?;
                    let regency: Option<u16> = row.get(4)?;
                    let key: Option<Vec<u8>> = row.get(5)?;
                    Ok(Identity {
                        kind: if kind == "office" {
                            Kind::Office
                        } else {
                            Kind::Stall
                        },
                        code: row.get(1)?,
                        name: row.get(2)?,
                        owner: row.get(3)?,
                        regency: regency.and_then(Regency::by_code),
                        public_key: key.and_then(|k| k.try_into().ok()),
                    })
                },
            )
            .optional()
            .map_err(StoreError::from)
    }

    /// The identity of a stall book; refuses a new book or the office's.
    pub fn require_stall(&self) -> Result<Identity> {
        self.require(Kind::Stall)
    }

    /// The identity of an office book.
    pub fn require_office(&self) -> Result<Identity> {
        self.require(Kind::Office)
    }

    fn require(&self, kind: Kind) -> Result<Identity> {
        let identity = self.identity()?.ok_or(StoreError::NotInitialised)?;
        if identity.kind != kind {
            return Err(StoreError::WrongKind {
                expected: kind.label(),
                actual: identity.kind.label(),
            });
        }
        Ok(identity)
    }

    /// Sets this book up as a stall, with a fresh signing key.
    pub fn init_stall(
        &mut self,
        code: &str,
        name: &str,
        owner: Option<&str>,
        regency: u16,
        manager_pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Identity> {
        validate_stall_code(code)?;
        validate_name(name)?;
        if let Some(owner) = owner {
            validate_name(owner)?;
        }
        let regency =
            Regency::by_code(regency).ok_or_else(|| IdentityError::Regency(regency.to_string()))?;
        let key = new_signing_key()?;
        let pin_hash = manager_pin.map(pin::hash_pin).transpose()?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            refuse_if_initialised(tx)?;
            tx.execute(
                "INSERT INTO stall (id, kind, code, name, owner, regency, public_key, secret_key, created_at, struk_keyed_since)
                 VALUES (1, 'stall', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    code,
                    name.trim(),
                    owner.map(str::trim),
                    regency.code,
                    key.verifying_key().to_bytes().to_vec(),
                    key.to_bytes().to_vec(),
                    stamp
                ],
            )?;
            init_common(tx, pin_hash.as_deref())
        })?;
        self.forget();
        self.identity()?.ok_or(StoreError::NotInitialised)
    }

    /// Sets this book up as the centre's office.
    pub fn init_office(
        &mut self,
        name: &str,
        manager_pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Identity> {
        validate_name(name)?;
        let pin_hash = manager_pin.map(pin::hash_pin).transpose()?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            refuse_if_initialised(tx)?;
            tx.execute(
                "INSERT INTO stall (id, kind, name, created_at) VALUES (1, ?1, ?2, ?3)",
                params![Kind::Office.key(), name.trim(), stamp],
            )?;
            init_common(tx, pin_hash.as_deref())
        })?;
        self.forget();
        self.identity()?.ok_or(StoreError::NotInitialised)
    }

    /// The key that signs this stall's exports.
    pub fn signing_key(&self) -> Result<SigningKey> {
        let secret: Vec<u8> = self
            .conn
            .query_row(
                "SELECT secret_key FROM stall WHERE id = 1 AND kind = 'stall'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotInitialised)?;
        let bytes: [u8; 32] = secret.try_into().map_err(|_| StoreError::NotInitialised)?;
        Ok(SigningKey::from_bytes(&bytes))
    }
}

impl Store {
    /// The key this stall's struk checks are made with, and since when its
    /// struks carry them (before that moment they carried the old check).
    pub fn struk_key(&self) -> Result<(StrukKey, String)> {
        let since: Option<String> = self
            .conn
            .query_row(
                "SELECT struk_keyed_since FROM stall WHERE id = 1 AND kind = 'stall'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let since = since.ok_or(StoreError::NotInitialised)?;
        Ok((
            StrukKey::from_secret(&self.signing_key()?.to_bytes()),
            since,
        ))
    }
}

fn refuse_if_initialised(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let existing: Option<String> = tx
        .query_row("SELECT kind FROM stall WHERE id = 1", [], |r| r.get(0))
        .optional()?;
    match existing {
        Some(kind) => Err(StoreError::AlreadyInitialised(kind)),
        None => Ok(()),
    }
}

fn init_common(tx: &rusqlite::Transaction<'_>, pin_hash: Option<&str>) -> Result<()> {
    tx.execute("INSERT INTO record_sequence (id, last) VALUES (1, 0)", [])?;
    tx.execute(
        "INSERT INTO manager_pin (id, hash, wrong_tries) VALUES (1, ?1, 0)",
        params![pin_hash],
    )?;
    Ok(())
}

fn new_signing_key() -> Result<SigningKey> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret)
        .map_err(|e| StoreError::Io(std::io::Error::other(format!("random: {e}"))))?;
    Ok(SigningKey::from_bytes(&secret))
}
