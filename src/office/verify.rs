//! Any struk checked at the office by its QR code (`RECEIPT#CHECK`): the
//! check value is recomputed from the office's own record of the sale, so a
//! forged or altered struk cannot pass, and the answer says what became of
//! the sale (voided, partly returned). A keyed check is made with one of
//! the stall's struk keys its files brought; an old, unkeyed check is taken
//! only for a sale made before the stall's keyed struks began, and said so.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::OfficeError;
use crate::domain::day_close::{DAY_REOPENED, reopened_day};
use crate::domain::language::Language;
use crate::domain::struk_check::{CheckFormat, StrukKey, keyed_check, old_check};
use crate::money::Rupiah;
use crate::store::Store;

/// What the office can say about a struk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Held, standing, and the check value matches.
    Found,
    /// No sale with that number has been imported (yet).
    NotImported,
    /// Held, but voided.
    Voided,
    /// Held, with goods returned.
    Returned,
    /// A sale with that number is held, but the check value does not match
    /// it: the struk was forged or altered.
    Forged,
    /// The struk carries a keyed check, but no file of its stall has
    /// brought the key yet: a newer file of the stall must be imported.
    KeyNotHeld,
    /// No sale with that number is held, though its day's *tutup kasir* is:
    /// the struk is fake, or the sale is gone from the stall's book (given
    /// up by a restore, or cut out).
    MissingFromClosedDay,
}

/// The answer for one struk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub status: Status,
    pub receipt: String,
    pub stall: Option<String>,
    pub stall_name: Option<String>,
    pub total: Option<Rupiah>,
    pub created_at: Option<String>,
    /// Refunded so far, for a struk with returns.
    pub refunded: Option<Rupiah>,
    /// The struk carries the old, unkeyed check (printed before the stall's
    /// keyed struks began).
    pub old_format: bool,
}

pub use super::error::NotAStruk;

/// Checks the text of a struk's QR code against the records held.
pub fn verify(store: &Store, text: &str) -> Result<Verdict, OfficeError> {
    store.require_office()?;
    let text = text.trim();
    let not_a_struk = || OfficeError::NotAStruk(NotAStruk(text.chars().take(80).collect()));
    let (receipt, check) = struk_parts(text).ok_or_else(not_a_struk)?;
    let (receipt, check) = (receipt.as_str(), check.as_str());
    let stall = receipt.split('-').next().unwrap_or_default();
    let readable = !receipt.is_empty()
        && receipt.len() <= 40
        && receipt
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && CheckFormat::of(check).is_some();
    if !readable {
        return Err(not_a_struk());
    }
    let held = held_sales(store, stall, receipt)?;
    let mut verdict = Verdict {
        status: Status::NotImported,
        receipt: receipt.to_string(),
        stall: None,
        stall_name: None,
        total: None,
        created_at: None,
        refunded: None,
        old_format: false,
    };
    if held.is_empty() {
        if closed_day_held(store, stall, receipt)? {
            verdict.status = Status::MissingFromClosedDay;
            verdict.stall = Some(stall.to_string());
        }
        return Ok(verdict);
    }
    let keys = struk_keys(store, stall)?;
    let format = CheckFormat::of(check);
    if format == Some(CheckFormat::Keyed) && keys.is_empty() {
        verdict.status = Status::KeyNotHeld;
        verdict.stall = Some(stall.to_string());
        return Ok(verdict);
    }
    let matching = matching_sale(store, stall, receipt, check, &held, &keys)?;
    let Some(HeldSale {
        total,
        created_at,
        stall_name: name,
        voided,
        refunded,
        ..
    }) = matching
    else {
        verdict.status = Status::Forged;
        verdict.stall = Some(stall.to_string());
        return Ok(verdict);
    };
    verdict.old_format = format == Some(CheckFormat::Old);
    verdict.stall = Some(stall.to_string());
    verdict.stall_name = Some(name.clone());
    verdict.total = Some(Rupiah::new(*total));
    verdict.created_at = Some(created_at.clone());
    verdict.refunded = refunded.map(Rupiah::new);
    verdict.status = if *voided {
        Status::Voided
    } else if refunded.is_some() {
        Status::Returned
    } else {
        Status::Found
    };
    Ok(verdict)
}

/// The receipt number and check value of a struk, as its QR code says it
/// (`NUMBER#CHECK`) or as printed under the code (`NUMBER · CHECK`) and
/// typed by hand (a space between, either in lower case).
fn struk_parts(text: &str) -> Option<(String, String)> {
    let (receipt, check) = text
        .split_once('#')
        .or_else(|| text.split_once('·'))
        .or_else(|| text.split_once(char::is_whitespace))?;
    let (receipt, check) = (receipt.trim(), check.trim());
    if check.contains(char::is_whitespace) {
        return None;
    }
    Some((receipt.to_ascii_uppercase(), check.to_string()))
}

/// Whether the office holds the stall's *tutup kasir* of the struk's day
/// (under any of its keys) with no reopen of that day after it: every sale
/// of the day came before the close.
fn closed_day_held(store: &Store, stall: &str, receipt: &str) -> Result<bool, OfficeError> {
    let Some(day) = crate::domain::receipt_number::receipt_day(receipt) else {
        return Ok(false);
    };
    let conn = store.connection();
    // The last close of the day under any of the stall's keys (a re-pin
    // starts its numbers again; the old key's closes still stand).
    let closed: Option<(i64, i64)> = conn
        .prepare_cached(
            "SELECT epoch, seq FROM office_day_closes WHERE stall_code = ?1 AND day = ?2
             ORDER BY epoch DESC, seq DESC LIMIT 1",
        )?
        .query_row(params![stall, day], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((epoch, closed)) = closed else {
        return Ok(false);
    };
    let mut reopens = conn.prepare_cached(
        "SELECT detail FROM office_events WHERE stall_code = ?1 AND kind = ?2
           AND (epoch > ?4 OR (epoch = ?4 AND seq > ?3))",
    )?;
    let details: Vec<String> = reopens
        .query_map(params![stall, DAY_REOPENED, closed, epoch], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(!details
        .iter()
        .any(|d| reopened_day(d) == Some(day.as_str())))
}

/// The office's sales with this stall and receipt number. After a re-pin a
/// stall's numbers start again: several sales may carry the number; the
/// check value says which one the struk is.
fn held_sales(store: &Store, stall: &str, receipt: &str) -> Result<Vec<HeldSale>, OfficeError> {
    let conn = store.connection();
    let mut statement = conn.prepare_cached(
        "SELECT s.seq, s.total, s.created_at, st.name, s.epoch,
                EXISTS (SELECT 1 FROM office_voids v WHERE v.sale_id = s.id AND v.stall_code = s.stall_code),
                (SELECT SUM(r.refund + r.kasbon_refund) FROM office_returns r WHERE r.sale_id = s.id AND r.stall_code = s.stall_code)
         FROM office_sales s JOIN office_stalls st ON st.code = s.stall_code
         WHERE s.stall_code = ?1 AND s.receipt = ?2",
    )?;
    let held: Vec<HeldSale> = statement
        .query_map(params![stall, receipt], |r| {
            Ok(HeldSale {
                seq: r.get(0)?,
                total: r.get(1)?,
                created_at: r.get(2)?,
                stall_name: r.get(3)?,
                epoch: r.get(4)?,
                voided: r.get(5)?,
                refunded: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(held)
}

/// The held sale whose check value is the struk's: keyed with one of the
/// stall's keys, or the old check of a sale made before the keys began.
fn matching_sale<'a>(
    store: &Store,
    stall: &str,
    receipt: &str,
    check: &str,
    held: &'a [HeldSale],
    keys: &[(StrukKey, String)],
) -> Result<Option<&'a HeldSale>, OfficeError> {
    let format = CheckFormat::of(check);
    // The earliest moment any of the stall's keys began: a struk of a sale
    // after it cannot carry the old check.
    let keyed_since = keys
        .iter()
        .filter_map(|(_, since)| crate::clock::parse_stamp(since))
        .min();
    let earliest_key = keys.iter().map(|(_, since)| since).min();
    for sale in held {
        let (total, created_at) = (sale.total, sale.created_at.as_str());
        let matches = match format {
            Some(CheckFormat::Keyed) => keys.iter().any(|(key, _)| {
                keyed_check(key, receipt, total, created_at).eq_ignore_ascii_case(check)
            }),
            _ => {
                let before_keys = match (keyed_since, crate::clock::parse_stamp(created_at)) {
                    (Some(since), Some(at)) => at < since,
                    (None, _) => true,
                    (Some(_), None) => false,
                };
                // Nor can a sale numbered after one made once the keys
                // began, whatever time it carries (a clock set back).
                let numbered_before = match earliest_key {
                    Some(since) => first_seq_from(store, stall, sale.epoch, since)?
                        .is_none_or(|first| sale.seq < first),
                    None => true,
                };
                before_keys
                    && numbered_before
                    && old_check(receipt, total, created_at).eq_ignore_ascii_case(check)
            }
        };
        if matches {
            return Ok(Some(sale));
        }
    }
    Ok(None)
}

/// The lowest number of the stall's sales made at or after `since` (SQLite
/// compares the moments across offsets), if any is held.
fn first_seq_from(
    store: &Store,
    stall: &str,
    epoch: i64,
    since: &str,
) -> Result<Option<i64>, OfficeError> {
    Ok(store
        .connection()
        .prepare_cached(
            "SELECT MIN(seq) FROM office_sales
             WHERE stall_code = ?1 AND epoch = ?2 AND julianday(created_at) >= julianday(?3)",
        )?
        .query_row(params![stall, epoch, since], |r| r.get(0))?)
}

/// A sale the office holds under a struk's number.
struct HeldSale {
    seq: i64,
    total: i64,
    created_at: String,
    stall_name: String,
    epoch: i64,
    voided: bool,
    refunded: Option<i64>,
}

/// Every struk key the stall's files have brought, with since when each
/// made the stall's struks.
fn struk_keys(store: &Store, stall: &str) -> Result<Vec<(StrukKey, String)>, OfficeError> {
    let mut statement = store.connection().prepare_cached(
        "SELECT struk_key, keyed_since FROM office_struk_keys WHERE stall_code = ?1",
    )?;
    let rows = statement.query_map([stall], |r| {
        Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut keys = Vec::new();
    for row in rows {
        let (bytes, since) = row?;
        if let Ok(bytes) = <[u8; 32]>::try_from(bytes) {
            keys.push((StrukKey::from_bytes(bytes), since));
        }
    }
    Ok(keys)
}

impl Verdict {
    /// One sentence for the manager, in Indonesian.
    pub fn sentence(&self) -> String {
        self.sentence_in(Language::Id)
    }

    /// One sentence for the manager in `language`.
    pub fn sentence_in(&self, language: Language) -> String {
        let en = language == Language::En;
        let total = self.total.map(|t| t.to_string()).unwrap_or_default();
        let when = self
            .created_at
            .as_deref()
            .map(|t| t.get(..16).unwrap_or(t).replace('T', " "))
            .unwrap_or_default();
        let code = self.stall.as_deref().unwrap_or_default();
        let stall = format!("{code} {}", self.stall_name.as_deref().unwrap_or_default());
        let receipt = &self.receipt;
        let said = match (self.status, en) {
            (Status::Found, false) => {
                format!("SAH: struk {receipt} dari toko {stall}, total {total}, {when}.")
            }
            (Status::Found, true) => {
                format!("VALID: struk {receipt} of stall {stall}, total {total}, {when}.")
            }
            (Status::NotImported, false) => format!(
                "BELUM ADA: struk {receipt} belum ada di kantor (berkas tokonya belum diimpor, atau struk palsu)."
            ),
            (Status::NotImported, true) => format!(
                "NOT YET: struk {receipt} is not at the office (its stall's file is not imported yet, or it is fake)."
            ),
            (Status::Voided, false) => format!(
                "DIBATALKAN: struk {receipt} dari toko {stall}, total {total}, {when}, sudah dibatalkan."
            ),
            (Status::Voided, true) => {
                format!(
                    "VOIDED: struk {receipt} of stall {stall}, total {total}, {when}, was voided."
                )
            }
            (Status::Returned, false) => format!(
                "ADA RETUR: struk {receipt} dari toko {stall}, total {total}, {when}; dikembalikan {}.",
                self.refunded.unwrap_or_default()
            ),
            (Status::Returned, true) => format!(
                "RETURNS: struk {receipt} of stall {stall}, total {total}, {when}; refunded {}.",
                self.refunded.unwrap_or_default()
            ),
            (Status::Forged, false) => format!(
                "PALSU: kode cek struk {receipt} tidak cocok dengan penjualan yang dicatat kantor di nomor itu untuk toko {code}: struk dipalsukan atau diubah, atau toko mencatat penjualan lain di nomor yang sama (buku toko dikembalikan ke salinan lama)."
            ),
            (Status::Forged, true) => format!(
                "FORGED: the check code of receipt {receipt} does not match the sale the office holds under that number for stall {code}: the receipt was forged or altered, or the stall recorded another sale under the same number (its book put back to an old copy)."
            ),
            (Status::KeyNotHeld, false) => format!(
                "BELUM BISA DICEK: kunci struk toko {code} belum sampai ke kantor; impor berkas terbaru toko itu."
            ),
            (Status::MissingFromClosedDay, false) => format!(
                "TIDAK ADA: struk {receipt} tidak ada di kantor, padahal tutup kasir hari itu dari toko {code} sudah diimpor: struk palsu, atau penjualannya hilang dari buku toko (lihat celah nomor dan pemulihan cadangan toko itu)."
            ),
            (Status::MissingFromClosedDay, true) => format!(
                "MISSING: receipt {receipt} is not at the office, although stall {code}'s close for that day has been imported: the receipt is fake, or the sale is gone from the stall's book (see the stall's number gaps and restores)."
            ),
            (Status::KeyNotHeld, true) => format!(
                "CANNOT CHECK YET: stall {code}'s struk key has not reached the office; import the stall's latest file."
            ),
        };
        match (self.old_format, en) {
            (false, _) => said,
            (true, false) => {
                format!("{said} Format lama: kode cek tanpa kunci, dicetak sebelum struk berkunci.")
            }
            (true, true) => {
                format!("{said} Old format: an unkeyed check, printed before keyed struks.")
            }
        }
    }
}
