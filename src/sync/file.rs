//! Sealing an export's content into file bytes, and opening file bytes back
//! into content only if nothing about them was changed on the way.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use super::format::{Envelope, ExportContent, FORMAT, OLDEST_VERSION, VERSION};

/// Why a file is refused at the office door. Each says what happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("berkas kosong")]
    Empty,
    #[error("bukan berkas ekspor Sentra")]
    NotAnExport,
    #[error("versi format {0} belum dikenal program ini (perbarui Sentra)")]
    UnknownVersion(u64),
    #[error("berkas terpotong: hanya {found} dari {expected} byte isi")]
    Truncated { found: u64, expected: u64 },
    #[error("isi berkas rusak: checksum SHA-256 tidak cocok")]
    Corrupt,
    #[error("tanda tangan tidak sah: isi berkas diubah setelah ditandatangani")]
    BadSignature,
    #[error("isi berkas tidak sesuai format: {0}")]
    Malformed(String),
    #[error(
        "ditandatangani kunci yang berbeda dari kunci toko {0} yang dikenal kantor (bila PC toko dipasang ulang, pengelola menjalankan `sentra stalls repin {0} --pin PIN`)"
    )]
    WrongKey(String),
}

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// The bytes of a file: envelope line, newline, content.
pub fn seal(content: &ExportContent, key: &SigningKey) -> Vec<u8> {
    let body = serde_json::to_vec(content).expect("export content serialises");
    let envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        stall: content.stall.code.clone(),
        public_key: to_hex(key.verifying_key().as_bytes()),
        length: body.len() as u64,
        sha256: to_hex(&Sha256::digest(&body)),
        signature: to_hex(&key.sign(&body).to_bytes()),
    };
    let mut bytes = serde_json::to_vec(&envelope).expect("envelope serialises");
    bytes.push(b'\n');
    bytes.extend_from_slice(&body);
    bytes
}

/// Opens a file: checks the envelope, length, checksum and signature, then
/// reads the content. Returns the content, the key that signed it and the
/// content's SHA-256 (hex).
pub fn open(bytes: &[u8]) -> Result<(ExportContent, [u8; 32], String), Rejection> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Rejection::Empty);
    }
    let Some(newline) = bytes.iter().position(|b| *b == b'\n') else {
        // An envelope with no content after it is a file cut short.
        return match envelope_of(bytes) {
            Ok(envelope) => Err(Rejection::Truncated {
                found: 0,
                expected: envelope.length,
            }),
            Err(rejection) => Err(rejection),
        };
    };
    let envelope = envelope_of(&bytes[..newline])?;
    let mut body = &bytes[newline + 1..];
    // Tolerate one trailing newline added by a text editor or a mail client.
    if body.len() as u64 == envelope.length + 1 && body.ends_with(b"\n") {
        body = &body[..body.len() - 1];
    }
    // Short content that still parses whole was edited, not cut off.
    if (body.len() as u64) < envelope.length
        && serde_json::from_slice::<serde_json::Value>(body).is_err()
    {
        return Err(Rejection::Truncated {
            found: body.len() as u64,
            expected: envelope.length,
        });
    }
    if body.len() as u64 != envelope.length || to_hex(&Sha256::digest(body)) != envelope.sha256 {
        return Err(Rejection::Corrupt);
    }
    let key_bytes: [u8; 32] = from_hex(&envelope.public_key)
        .and_then(|k| k.try_into().ok())
        .ok_or_else(|| Rejection::Malformed("kunci publik".into()))?;
    let key = VerifyingKey::from_bytes(&key_bytes)
        .map_err(|_| Rejection::Malformed("kunci publik".into()))?;
    let signature_bytes: [u8; 64] = from_hex(&envelope.signature)
        .and_then(|s| s.try_into().ok())
        .ok_or(Rejection::BadSignature)?;
    key.verify(body, &Signature::from_bytes(&signature_bytes))
        .map_err(|_| Rejection::BadSignature)?;
    let content: ExportContent =
        serde_json::from_slice(body).map_err(|e| Rejection::Malformed(json_error(&e)))?;
    check(&content, &envelope)?;
    Ok((content, key_bytes, envelope.sha256))
}

fn envelope_of(line: &[u8]) -> Result<Envelope, Rejection> {
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|_| {
        // A first line cut inside the envelope still names the format.
        if line.starts_with(format!("{{\"format\":\"{FORMAT}\"").as_bytes()) {
            Rejection::Truncated {
                found: 0,
                expected: 0,
            }
        } else {
            Rejection::NotAnExport
        }
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Rejection::NotAnExport);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(version) if (u64::from(OLDEST_VERSION)..=u64::from(VERSION)).contains(&version) => {}
        Some(version) => return Err(Rejection::UnknownVersion(version)),
        None => return Err(Rejection::Malformed("versi".into())),
    }
    serde_json::from_value(value).map_err(|e| Rejection::Malformed(json_error(&e)))
}

/// What the signature cannot vouch for by itself: that the content agrees
/// with its envelope and with itself.
fn check(content: &ExportContent, envelope: &Envelope) -> Result<(), Rejection> {
    let malformed = |what: &str| Err(Rejection::Malformed(what.into()));
    if content.stall.code != envelope.stall || content.stall.public_key != envelope.public_key {
        return malformed("identitas toko di isi dan di amplop berbeda");
    }
    if !regency_agrees(content.stall.regency, &content.stall.regency_kemendagri) {
        return malformed("kode kabupaten/kota");
    }
    // A producer's regency outside Lampung is refused with its record;
    // here only a Kemendagri code that names another regency.
    if let Some(p) = (content.producers.iter()).find(|p| {
        let known = crate::domain::regency::Regency::by_code(p.regency).is_some();
        known && !regency_agrees(p.regency, &p.regency_kemendagri)
    }) {
        return Err(Rejection::Malformed(format!(
            "kode Kemendagri penitip {} tidak cocok dengan kode BPS",
            p.code.chars().take(20).collect::<String>()
        )));
    }
    // Titip jual arrived with version 2: a version-1 file carrying it is
    // not what it says it is.
    if envelope.version < 2
        && (!content.producers.is_empty()
            || !content.consigned_lines.is_empty()
            || !content.payouts.is_empty())
    {
        return malformed("titip jual dalam berkas versi 1");
    }
    // So did kasbon and expenses.
    let kasbon_sale = content
        .sales
        .iter()
        .flat_map(|s| &s.payments)
        .any(|p| p.method == "kasbon" || p.customer.is_some());
    if envelope.version < 2
        && (kasbon_sale
            || content.returns.iter().any(|r| r.kasbon_refund != 0)
            || !content.repayments.is_empty()
            || !content.expenses.is_empty())
    {
        return malformed("kasbon atau pengeluaran dalam berkas versi 1");
    }
    // The struk key arrived with version 4, and a version-4 file has it.
    let keyed = (content.stall.struk_key.as_deref())
        .is_some_and(|k| crate::domain::struk_check::StrukKey::from_hex(k).is_some())
        && (content.stall.struk_keyed_since.as_deref())
            .and_then(crate::clock::parse_stamp)
            .is_some_and(|t| (2020..=2200).contains(&t.year()));
    let unkeyed = content.stall.struk_key.is_none() && content.stall.struk_keyed_since.is_none();
    if (envelope.version >= 4 && !keyed) || (envelope.version < 4 && !unkeyed) {
        return malformed("kunci struk");
    }
    // Price records arrived with version 5.
    if envelope.version < 5 && !content.prices.is_empty() {
        return malformed("catatan harga dalam berkas sebelum versi 5");
    }
    let range = content.sequence;
    let max = crate::domain::limits::MAX_SEQ;
    if range.from < 0 || range.to > max || range.from > range.to.saturating_add(1) {
        return malformed("rentang nomor urut");
    }
    if content
        .sequence_days()
        .any(|(seq, _)| seq < range.from || seq > range.to)
        || (content.prices.iter()).any(|p| p.after_seq < range.from - 1 || p.after_seq > range.to)
    {
        return malformed("nomor urut di luar rentang berkas");
    }
    if content
        .sequence_days()
        .any(|(_, day)| crate::clock::parse_day(day).is_none())
    {
        return malformed("tanggal");
    }
    Ok(())
}

/// A JSON reader's complaint in the manager's words: the common shapes said
/// in Indonesian, with where in the file; anything else kept as written.
fn json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    // serde_json ends its message with " at line L column C".
    let message = text
        .rsplit_once(" at line ")
        .map(|(message, _)| message)
        .unwrap_or(&text);
    let said = if let Some(rest) = message.strip_prefix("missing field ") {
        format!("kolom {rest} tidak ada")
    } else if let Some(rest) = message.strip_prefix("duplicate field ") {
        format!("kolom {rest} muncul dua kali")
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        format!("nilai tidak dikenal {rest}")
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let rest = rest.replace(", expected ", ", seharusnya ");
        format!("jenis nilai salah: {rest}")
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        let rest = rest.replace(", expected ", ", seharusnya ");
        format!("nilai salah: {rest}")
    } else if message.starts_with("EOF while parsing") {
        "isi berakhir sebelum waktunya".to_string()
    } else if message.starts_with("trailing characters") {
        "ada sisa setelah isi".to_string()
    } else {
        message.to_string()
    };
    if error.line() > 0 {
        format!("{said} (baris {} kolom {})", error.line(), error.column())
    } else {
        said
    }
}

/// A BPS regency code of Lampung's, and, when the file names the Kemendagri
/// code too (version 3), the one that goes with it: a file saying
/// 1801 / 18.01 is confused about which regency it means.
fn regency_agrees(bps: u16, kemendagri: &Option<String>) -> bool {
    let Some(regency) = crate::domain::regency::Regency::by_code(bps) else {
        return false;
    };
    kemendagri
        .as_deref()
        .is_none_or(|k| k == regency.kemendagri)
}
