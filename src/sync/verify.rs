//! Any struk checked at the office by its QR code (`RECEIPT#CHECK`): the
//! check value is recomputed from the office's own record of the sale, so a
//! forged or altered struk cannot pass, and the answer says what became of
//! the sale (voided, partly returned).

use rusqlite::params;
use serde::Serialize;

use super::SyncError;
use crate::domain::receipt_number::check_value;
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
}

/// Why a QR text cannot even be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bukan kode QR struk Sentra (NOMOR#CEK, mis. ST07-20261127-0001#1A2B3C4D): \"{0}\"")]
pub struct NotAStruk(pub String);

/// Checks the text of a struk's QR code against the records held.
pub fn verify(store: &Store, text: &str) -> Result<Verdict, SyncError> {
    store.require_office()?;
    let text = text.trim();
    let not_a_struk = || SyncError::NotAStruk(NotAStruk(text.chars().take(80).collect()));
    let (receipt, check) = text.split_once('#').ok_or_else(not_a_struk)?;
    let stall = receipt.split('-').next().unwrap_or_default();
    let readable = !receipt.is_empty()
        && receipt.len() <= 40
        && receipt
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && check.len() == 8
        && check.bytes().all(|b| b.is_ascii_hexdigit());
    if !readable {
        return Err(not_a_struk());
    }
    let conn = store.connection();
    // After a re-pin a stall's numbers start again: several sales may carry
    // the number; the check value says which one the struk is.
    let mut statement = conn.prepare_cached(
        "SELECT s.id, s.total, s.created_at, st.name,
                EXISTS (SELECT 1 FROM office_voids v WHERE v.sale_id = s.id AND v.stall_code = s.stall_code),
                (SELECT SUM(r.refund + r.kasbon_refund) FROM office_returns r WHERE r.sale_id = s.id AND r.stall_code = s.stall_code)
         FROM office_sales s JOIN office_stalls st ON st.code = s.stall_code
         WHERE s.stall_code = ?1 AND s.receipt = ?2",
    )?;
    let held: Vec<(String, i64, String, String, bool, Option<i64>)> = statement
        .query_map(params![stall, receipt], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut verdict = Verdict {
        status: Status::NotImported,
        receipt: receipt.to_string(),
        stall: None,
        stall_name: None,
        total: None,
        created_at: None,
        refunded: None,
    };
    if held.is_empty() {
        return Ok(verdict);
    }
    let matching = held.iter().find(|(_, total, created_at, ..)| {
        check_value(receipt, *total, created_at).eq_ignore_ascii_case(check)
    });
    let Some((_, total, created_at, name, voided, refunded)) = matching else {
        verdict.status = Status::Forged;
        verdict.stall = Some(stall.to_string());
        return Ok(verdict);
    };
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

impl Verdict {
    /// One sentence for the manager.
    pub fn sentence(&self) -> String {
        let total = self.total.map(|t| t.to_string()).unwrap_or_default();
        let when = self
            .created_at
            .as_deref()
            .map(|t| t.get(..16).unwrap_or(t).replace('T', " "))
            .unwrap_or_default();
        let stall = format!(
            "{} {}",
            self.stall.as_deref().unwrap_or_default(),
            self.stall_name.as_deref().unwrap_or_default()
        );
        match self.status {
            Status::Found => format!(
                "SAH: struk {} dari toko {stall}, total {total}, {when}.",
                self.receipt
            ),
            Status::NotImported => format!(
                "BELUM ADA: struk {} belum ada di kantor (berkas tokonya belum diimpor, atau struk palsu).",
                self.receipt
            ),
            Status::Voided => format!(
                "DIBATALKAN: struk {} dari toko {stall}, total {total}, {when}, sudah dibatalkan.",
                self.receipt
            ),
            Status::Returned => format!(
                "ADA RETUR: struk {} dari toko {stall}, total {total}, {when}; dikembalikan {}.",
                self.receipt,
                self.refunded.unwrap_or_default()
            ),
            Status::Forged => format!(
                "PALSU: kode cek struk {} tidak cocok dengan catatan kantor untuk toko {} (struk dipalsukan atau diubah).",
                self.receipt,
                self.stall.as_deref().unwrap_or_default()
            ),
        }
    }
}
