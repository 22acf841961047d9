//! A dishonest stall's tools: its own secret key read from its own book, a
//! file's content opened, and content signed again as its program would.

use std::path::{Path, PathBuf};

use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The stall's secret key, read from the book in `dir` (as its owner can).
pub fn stall_key(dir: &Path) -> SigningKey {
    let conn = rusqlite::Connection::open(dir.join("sentra.db")).unwrap();
    let secret: Vec<u8> = conn
        .query_row("SELECT secret_key FROM stall", [], |r| r.get(0))
        .unwrap();
    SigningKey::from_bytes(&secret.try_into().unwrap())
}

/// The JSON content of an export file (the line after its envelope).
pub fn content_of(file: &Path) -> Value {
    let bytes = std::fs::read(file).unwrap();
    let newline = bytes.iter().position(|b| *b == b'\n').unwrap();
    serde_json::from_slice(&bytes[newline + 1..]).unwrap()
}

/// Signs `content` as a file of format `version` with `key`, as
/// `out/NAME.sentra`.
pub fn sign(content: &Value, key: &SigningKey, version: u32, out: &Path, name: &str) -> PathBuf {
    let body = serde_json::to_vec(content).unwrap();
    let hex = sentra::sync::file::to_hex;
    let envelope = json!({
        "format": "sentra-export",
        "version": version,
        "stall": content["stall"]["code"],
        "public_key": hex(key.verifying_key().as_bytes()),
        "length": body.len(),
        "sha256": hex(&Sha256::digest(&body)),
        "signature": hex(&key.sign(&body).to_bytes()),
    });
    let mut bytes = serde_json::to_vec(&envelope).unwrap();
    bytes.push(b'\n');
    bytes.extend_from_slice(&body);
    let path = out.join(format!("{name}.sentra"));
    std::fs::write(&path, bytes).unwrap();
    path
}
