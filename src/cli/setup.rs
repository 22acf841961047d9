//! Setting a book up, the manager PIN, settings, demo data and backups.

use std::path::Path;

use clap::Subcommand;
use serde::Serialize;
use time::OffsetDateTime;

use super::{CliError, Output};
use crate::store::{Identity, Store};

#[derive(Debug, Subcommand)]
pub enum Init {
    /// Atur buku ini sebagai toko
    Stall {
        /// Kode toko, 2–8 huruf besar/angka (mis. ST07)
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// Kabupaten/kota asal: kode Kemendagri (18.06) atau BPS (1802)
        #[arg(long, value_parser = super::args::regency)]
        regency: u16,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        manager_pin: Option<String>,
    },
    /// Atur buku ini sebagai kantor pengelola sentra
    Office {
        #[arg(long)]
        name: String,
        #[arg(long)]
        manager_pin: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PinCommand {
    /// Atur atau ganti PIN manajer (4–8 angka)
    Set {
        #[arg(long)]
        new: String,
        /// PIN lama, jika sudah ada
        #[arg(long)]
        old: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Tampilkan semua pengaturan
    List,
    /// Ubah satu pengaturan (batas PIN dan zona waktu perlu PIN manajer)
    Set {
        key: String,
        value: String,
        /// PIN manajer, untuk pin_expense_over, pin_discount_percent dan
        /// utc_offset_hours
        #[arg(long)]
        pin: Option<String>,
    },
}

#[derive(Serialize)]
struct IdentityView {
    kind: crate::store::Kind,
    code: Option<String>,
    name: String,
    owner: Option<String>,
    regency: Option<u16>,
    regency_name: Option<&'static str>,
    regency_kemendagri: Option<&'static str>,
    public_key: Option<String>,
}

impl From<Identity> for IdentityView {
    fn from(identity: Identity) -> Self {
        IdentityView {
            kind: identity.kind,
            code: identity.code,
            name: identity.name,
            owner: identity.owner,
            regency: identity.regency.map(|r| r.code),
            regency_name: identity.regency.map(|r| r.name),
            regency_kemendagri: identity.regency.map(|r| r.kemendagri),
            public_key: identity
                .public_key
                .map(|k| k.iter().map(|b| format!("{b:02x}")).collect()),
        }
    }
}

pub fn init(
    store: &mut Store,
    init: Init,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let identity = match init {
        Init::Stall {
            code,
            name,
            regency,
            owner,
            manager_pin,
        } => store.init_stall(
            &code,
            &name,
            owner.as_deref(),
            regency,
            manager_pin.as_deref(),
            now,
        )?,
        Init::Office { name, manager_pin } => {
            store.init_office(&name, manager_pin.as_deref(), now)?
        }
    };
    out.emit(&IdentityView::from(identity), |v| match &v.code {
        Some(code) => format!(
            "Toko {code} \"{}\" siap di {}.\nAsal: {}.",
            v.name,
            store.dir().display(),
            v.regency
                .and_then(crate::domain::regency::Regency::by_code)
                .map(|r| r.to_string())
                .unwrap_or_default()
        ),
        None => format!("Kantor \"{}\" siap di {}.", v.name, store.dir().display()),
    });
    Ok(())
}

pub fn demo(
    store: &mut Store,
    days: u32,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let summary = crate::demo::fill(store, days, now)?;
    out.emit(&summary, |s| {
        format!(
            "Data contoh dimuat: {} produk, {} penjualan selama {} hari.",
            s.products, s.sales, s.days
        )
    });
    Ok(())
}

pub fn pin(
    store: &mut Store,
    command: PinCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let PinCommand::Set { new, old } = command;
    store.set_pin(&new, old.as_deref(), now)?;
    out.emit(&serde_json::json!({ "pin_set": true }), |_| {
        "PIN manajer tersimpan.".into()
    });
    Ok(())
}

pub fn settings(
    store: &mut Store,
    command: SettingsCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let settings = match command {
        SettingsCommand::List => store.settings()?,
        SettingsCommand::Set { key, value, pin } => {
            store.set_guarded_setting(&key, &value, pin.as_deref(), now)?
        }
    };
    let mut entries: serde_json::Map<String, serde_json::Value> = settings
        .entries()
        .into_iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
        .collect();
    // The stall's public key, read-only: what the office's manager compares
    // before re-pinning a reinstalled stall.
    if let Some(key) = store.identity()?.and_then(|i| i.public_key) {
        entries.insert(
            "public_key".into(),
            serde_json::Value::String(crate::sync::file::to_hex(&key)),
        );
    }
    out.emit(&entries, |entries| {
        entries
            .iter()
            .map(|(k, v)| format!("{k:<18} {}", v.as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("\n")
    });
    Ok(())
}

pub fn backup(store: &Store, file: &Path, out: &Output) -> Result<(), CliError> {
    store.check_backup_path(file)?;
    store.backup_to(file)?;
    out.emit(&serde_json::json!({ "backup": file }), |_| {
        format!("Cadangan tersimpan: {}", file.display())
    });
    Ok(())
}

pub fn restore(
    store: &mut Store,
    file: &Path,
    pin: Option<&str>,
    accept_loss: bool,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let summary = store.restore_from(file, pin, accept_loss, now)?;
    out.emit(
        &serde_json::json!({
            "restored": file,
            "previous": summary.previous,
            "given_up": summary.given_up,
        }),
        |_| {
            let mut text = format!(
                "Buku dipulihkan dari {}.\nBuku sebelumnya disimpan di {}.",
                file.display(),
                summary.previous.display()
            );
            if let Some(lost) = summary.given_up {
                text.push_str(&format!(
                    "\n{} catatan (nomor urut {} sampai {}) dilepas; nomor urut dan nomor nota berikutnya melanjutkan di atasnya.",
                    lost.count, lost.first, lost.last
                ));
            }
            text
        },
    );
    Ok(())
}

/// `sentra clock accept --pin PIN`: the PC's clock is right after all.
pub fn accept_clock(
    store: &mut Store,
    pin: &str,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let before = store.accept_clock(pin, now)?;
    let stamp = crate::clock::stamp(now, store.offset());
    #[derive(serde::Serialize)]
    struct Accepted {
        latest_before: Option<String>,
        now: String,
    }
    out.emit(
        &Accepted {
            latest_before: before,
            now: stamp,
        },
        |a| {
            format!(
                "Jam diterima dan dicatat: catatan terakhir {}, jam sekarang {}.",
                a.latest_before.as_deref().unwrap_or("-"),
                a.now
            )
        },
    );
    Ok(())
}
