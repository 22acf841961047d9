//! The stall's static QRIS is checked as an EMV merchant-presented code
//! before it is stored: each refusal names the tag that is wrong, and the
//! book keeps what it had. Payloads are built here with a CRC written here
//! (CRC-16/CCITT-FALSE), not the program's.

mod common;

use common::*;

fn crc(data: &str) -> String {
    let mut crc: u16 = 0xFFFF;
    for byte in data.bytes() {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    format!("{crc:04X}")
}

fn tlv(tag: &str, value: &str) -> String {
    format!("{tag}{:02}{value}", value.len())
}

fn sealed(body: &str) -> String {
    let body = format!("{body}6304");
    format!("{body}{}", crc(&body))
}

/// A static QRIS as issuers print them, with `changed` fields replaced.
fn payload(changed: &[(&str, &str)]) -> String {
    let account = tlv("00", "ID.CO.QRIS.WWW") + &tlv("02", "ID1020000000001") + &tlv("03", "UMI");
    let fields = [
        ("00", "01".to_string()),
        ("01", "11".to_string()),
        ("51", account),
        ("52", "5812".to_string()),
        ("53", "360".to_string()),
        ("58", "ID".to_string()),
        ("59", "TAPIS INDAH".to_string()),
        ("60", "BANDAR LAMPUNG".to_string()),
    ];
    let body: String = fields
        .iter()
        .map(|(tag, value)| {
            let value = changed
                .iter()
                .find(|(t, _)| t == tag)
                .map(|(_, v)| v.to_string())
                .unwrap_or_else(|| value.clone());
            tlv(tag, &value)
        })
        .collect();
    sealed(&body)
}

fn stored(dir: &std::path::Path) -> String {
    let out = sentra_ok(dir, &["--json", "settings", "list"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["qris_payload"]
        .as_str()
        .or_else(|| json["settings"]["qris_payload"].as_str())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_real_shaped_static_payload_is_stored() {
    let dir = cli_stall(None);
    let good = payload(&[]);
    sentra_ok(dir.path(), &["settings", "set", "qris_payload", &good]);
    assert_eq!(stored(dir.path()), good);
}

#[test]
fn every_broken_payload_is_refused_with_its_tag_and_nothing_changes() {
    let dir = cli_stall(None);
    let good = payload(&[]);
    sentra_ok(dir.path(), &["settings", "set", "qris_payload", &good]);
    let mut cases: Vec<(String, &str)> = vec![
        (payload(&[("53", "840")]), "tag 53"),
        (payload(&[("58", "SG")]), "tag 58"),
        (payload(&[("01", "12")]), "tag 01"),
        (payload(&[("00", "02")]), "tag 00"),
    ];
    // Each field's length one too long and one too short.
    let body = &good[..good.len() - 8];
    let mut at = 0;
    while at < body.len() {
        let tag = &body[at..at + 2];
        let length: usize = body[at + 2..at + 4].parse().unwrap();
        for wrong in [length + 1, length.saturating_sub(1)] {
            let broken = format!("{}{tag}{wrong:02}{}", &body[..at], &body[at + 4..]);
            let named = format!("panjang tag {tag} tidak sesuai");
            cases.push((sealed(&broken), Box::leak(named.into_boxed_str())));
        }
        at += 4 + length;
    }
    // A wrong CRC.
    let mut bad_crc = good.clone();
    bad_crc.replace_range(
        good.len() - 4..,
        if good.ends_with("0000") {
            "FFFF"
        } else {
            "0000"
        },
    );
    cases.push((bad_crc, "CRC"));
    // An amount in a static code.
    let with_amount = sealed(&format!("{}{}", &body, tlv("54", "25000")));
    cases.push((with_amount, "54"));
    for (broken, named) in cases {
        let (ok, _, err) = sentra(dir.path(), &["settings", "set", "qris_payload", &broken]);
        assert!(!ok, "accepted {broken}");
        assert!(err.contains(named), "{broken}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert_eq!(stored(dir.path()), good, "the book kept its payload");
    }
}

/// Reads a payload's fields as (tag, value), by the TLV rule written here.
fn read_fields(payload: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    let mut rest = payload;
    while !rest.is_empty() {
        let tag = &rest[..2];
        let length: usize = rest[2..4].parse().unwrap();
        fields.push((tag.to_string(), rest[4..4 + length].to_string()));
        rest = &rest[4 + length..];
    }
    fields
}

fn field<'a>(fields: &'a [(String, String)], tag: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(t, _)| t == tag)
        .map(|(_, v)| v.as_str())
}

/// Issue 26: `sentra qris --amount` makes the stall's static code carry the
/// amount (tag 01 `12`, tag 54 the amount, the CRC made anew), as text and
/// as a PNG another program reads back; refused above Rp10.000.000 and
/// without a static code.
#[test]
fn a_qris_carries_the_amount_and_its_crc_is_right() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    let (ok, _, stderr) = sentra(d, &["qris", "--amount", "25000"]);
    assert!(
        !ok && stderr.contains("QRIS statis toko belum diatur"),
        "{stderr}"
    );
    let static_payload = payload(&[]);
    sentra_ok(d, &["settings", "set", "qris_payload", &static_payload]);

    let text = sentra_ok(d, &["qris", "--amount", "25.000"]);
    let made = text.trim();
    let fields = read_fields(made);
    assert_eq!(field(&fields, "01"), Some("12"), "{made}");
    assert_eq!(field(&fields, "54"), Some("25000"), "{made}");
    assert_eq!(field(&fields, "53"), Some("360"));
    assert_eq!(field(&fields, "58"), Some("ID"));
    assert_eq!(field(&fields, "59"), Some("TAPIS INDAH"));
    let (body, written) = made.split_at(made.len() - 4);
    assert!(body.ends_with("6304"));
    assert_eq!(written, crc(body), "the CRC over everything before it");
    // Every other field as the static code had it, in its order.
    let before: Vec<_> = read_fields(&static_payload)
        .into_iter()
        .filter(|(t, _)| t != "01" && t != "63")
        .collect();
    let after: Vec<_> = fields
        .iter()
        .filter(|(t, _)| t != "01" && t != "63" && t != "54")
        .cloned()
        .collect();
    assert_eq!(before, after);

    // As a PNG: the QR decodes to the same payload.
    let png = d.join("qris.png");
    let said = sentra_ok(
        d,
        &["qris", "--amount", "25000", "--png", png.to_str().unwrap()],
    );
    assert!(said.contains("ditulis ke"), "{said}");
    let image = image::open(&png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].decode().unwrap().1, made);

    // Above QRIS's limit per payment, or nothing: refused, no file.
    for amount in ["10000001", "0"] {
        let png = d.join(format!("refused-{amount}.png"));
        let (ok, _, stderr) = sentra(
            d,
            &["qris", "--amount", amount, "--png", png.to_str().unwrap()],
        );
        assert!(!ok && stderr.contains("Rp10.000.000"), "{amount}: {stderr}");
        assert!(!png.exists());
    }
    assert!(sentra_ok(d, &["qris", "--amount", "10000000"]).contains("540810000000"));
}

#[test]
fn qris_with_the_amount_is_a_setting_of_on_or_off() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    let setting = |d: &std::path::Path| -> serde_json::Value {
        let json: serde_json::Value =
            serde_json::from_str(&sentra_ok(d, &["--json", "settings", "list"])).unwrap();
        json.get("qris_amount")
            .or_else(|| json["settings"].get("qris_amount"))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(setting(d), "off");
    sentra_ok(d, &["settings", "set", "qris_amount", "on"]);
    assert_eq!(setting(d), "on");
    let (ok, _, stderr) = sentra(d, &["settings", "set", "qris_amount", "ya"]);
    assert!(
        !ok && stderr.contains("pakai on (nyala) atau off (mati)"),
        "{stderr}"
    );
    assert_eq!(setting(d), "on");
}
