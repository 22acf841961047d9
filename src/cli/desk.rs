//! The manager's desk at the office: a tanda terima for a stall's day, the
//! retribusi (set, paid, owed), and any struk verified by its QR code.

use std::path::PathBuf;

use clap::Subcommand;
use time::{Date, OffsetDateTime};

use super::output::{pad, pad_left};
use super::{CliError, Output, args};
use crate::domain::fee::FeeRule;
use crate::domain::payment::PaymentMethod;
use crate::money::Rupiah;
use crate::office::{desk, fees, verify as check};
use crate::print::kuitansi;
use crate::print::tanda_terima::{Paper, tanda_terima_pdf};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum OfficeCommand {
    /// Tanda terima hari sebuah toko seperti tercatat di kantor
    Receipt {
        stall: String,
        #[arg(long, value_parser = args::date)]
        date: Date,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long, value_parser = ["58", "80", "a4"], default_value = "80")]
        width: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum FeeCommand {
    /// Atur retribusi: persen dari penjualan bersih, atau jumlah tetap per hari
    Set {
        #[arg(long, conflicts_with = "daily", required_unless_present = "daily")]
        percent: Option<String>,
        #[arg(long, value_parser = args::rupiah)]
        daily: Option<Rupiah>,
    },
    /// Catat pembayaran retribusi sebuah toko (cash, atau transfer:REF)
    Pay {
        stall: String,
        #[arg(long, value_parser = args::rupiah)]
        amount: Rupiah,
        #[arg(long, value_name = "cash|transfer[:REF]", value_parser = args::method_with_reference)]
        method: (PaymentMethod, Option<String>),
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long, value_parser = ["58", "80", "a4"], default_value = "80")]
        width: String,
        /// PIN manajer kantor
        #[arg(long)]
        pin: String,
        /// Pembayaran yang sama memang dicatat lagi hari ini
        #[arg(long)]
        again: bool,
    },
}

/// The paper named on the command line (its value is checked by clap).
pub fn paper(width: &str) -> Paper {
    Paper::parse(width).unwrap_or(Paper::Roll80)
}

pub fn office(
    store: &Store,
    command: OfficeCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let OfficeCommand::Receipt {
        stall,
        date,
        pdf,
        width,
    } = command;
    if let Some(path) = &pdf {
        store.check_output_path(path)?;
        crate::print::check_writable(path)?;
    }
    let note = desk::for_day(store, &stall, &date.to_string(), now)?;
    if let Some(path) = &pdf {
        let language = crate::print::from_book::language(store);
        crate::print::write_file(path, &tanda_terima_pdf(&note, paper(&width), language))?;
    }
    out.emit(&note, |n| {
        let mut text = format!("Tanda terima {} {} — {}\n", n.stall, n.stall_name, n.centre);
        for day in &n.days {
            text += &format!(
                "{}: {} penjualan, bersih {}, retur {}, retribusi {}\n",
                day.day, day.sales_count, day.net, day.returns, day.fee
            );
        }
        if n.fee_paid.is_positive() {
            text += &format!("Sudah dibayar {}\n", n.fee_paid);
        }
        text += &format!("Retribusi terutang {}", n.fee_due);
        if let Some(path) = &pdf {
            text += &format!("\nPDF: {}", path.display());
        }
        text
    });
    Ok(())
}

pub fn fee(
    store: &mut Store,
    command: FeeCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        FeeCommand::Set { percent, daily } => {
            let rule = match (percent, daily) {
                (Some(percent), _) => FeeRule::percent(&percent),
                (None, Some(daily)) => FeeRule::daily(daily),
                (None, None) => FeeRule::percent(""),
            }
            .map_err(crate::office::OfficeError::Fee)?;
            fees::set_rule(store, rule, now)?;
            out.emit(&rule, |r| format!("Retribusi diatur: {}.", r.describe()));
        }
        FeeCommand::Pay {
            stall,
            amount,
            method,
            pdf,
            width,
            pin,
            again,
        } => {
            if let Some(path) = &pdf {
                store.check_output_path(path)?;
                crate::print::check_writable(path)?;
            }
            let authority = fees::PayAuthority { pin: &pin, again };
            let payment = fees::pay(
                store,
                &stall,
                amount,
                method.0,
                method.1.as_deref(),
                authority,
                now,
            )?;
            if let Some(path) = &pdf {
                let centre = store.require_office()?.name;
                let language = crate::print::from_book::language(store);
                let receipt = kuitansi::fee(&centre, &payment, language);
                let bytes = kuitansi::kuitansi_pdf(&receipt, paper(&width), language);
                super::paper_after_record(
                    crate::print::write_file(path, &bytes),
                    || {
                        format!(
                            "Retribusi {} {} ({})",
                            payment.stall, payment.amount, payment.number
                        )
                    },
                    || {
                        format!(
                            "sentra office receipt {} --date HARI --pdf FILE",
                            payment.stall
                        )
                    },
                )?;
            }
            out.emit(&payment, |p| {
                format!(
                    "Retribusi {} dari {} {} diterima ({}); sisa {}.",
                    p.amount, p.stall, p.number, p.method, p.balance
                )
            });
        }
    }
    Ok(())
}

pub fn fees(
    store: &Store,
    from: Option<Date>,
    to: Option<Date>,
    out: &Output,
) -> Result<(), CliError> {
    store.require_office()?;
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(crate::office::OfficeError::Period {
            from: from.to_string(),
            to: to.to_string(),
        }
        .into());
    }
    let from = from
        .map(|d| d.to_string())
        .unwrap_or_else(|| "0000-01-01".into());
    let to = to
        .map(|d| d.to_string())
        .unwrap_or_else(|| "9999-12-31".into());
    let balances = fees::balances(store, &from, &to)?;
    out.emit(&balances, |rows| {
        if rows.is_empty() {
            return "Belum ada toko yang dikenal.".into();
        }
        let mut text = format!(
            "{} {} {} {}\n",
            pad("Toko", 28),
            pad_left("Terutang", 14),
            pad_left("Dibayar", 14),
            pad_left("Sisa", 14)
        );
        for b in rows {
            text += &format!(
                "{} {} {} {}\n",
                pad(&format!("{} {}", b.stall, b.name), 28),
                pad_left(&b.owed.to_string(), 14),
                pad_left(&b.paid.to_string(), 14),
                pad_left(&b.balance.to_string(), 14)
            );
        }
        text
    });
    Ok(())
}

pub fn verify(store: &Store, qr: &str, out: &Output) -> Result<(), CliError> {
    let verdict = check::verify(store, qr)?;
    out.emit(&verdict, |v| v.sentence());
    // A forged struk is a failure scripts must see, not a verdict among others.
    // Only a genuine sale that stands (returns or not) exits 0: a script
    // asking "is this struk good?" must not take "not here yet" for yes.
    let why = match verdict.status {
        check::Status::Found | check::Status::Returned => return Ok(()),
        check::Status::Forged => return Err(CliError::ForgedStruk(verdict.receipt)),
        check::Status::NotImported => "belum ada di kantor",
        check::Status::Voided => "penjualannya sudah dibatalkan",
        check::Status::KeyNotHeld => "kunci struk tokonya belum ada di kantor",
        check::Status::MissingFromClosedDay => {
            "tidak ada di kantor, padahal tutup kasir hari itu sudah diimpor"
        }
    };
    Err(CliError::StrukNotConfirmed {
        receipt: verdict.receipt,
        why,
    })
}
