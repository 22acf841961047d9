//! `producer`, `consign` and `report producers`: titip jual on the command
//! line.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use time::{Date, OffsetDateTime};

use super::output::{pad, pad_left};
use super::{CliError, Output, args};
use crate::domain::consign::PayoutMethod;
use crate::money::Rupiah;
use crate::store::{HandoverItem, HandoverNote, NewProducer, Store};

/// `SKU=QTY` of a handover.
fn handover_item(text: &str) -> Result<HandoverItem, String> {
    let item = args::return_item(text).map_err(|e| e.replace("retur", "serah terima"))?;
    Ok(HandoverItem {
        sku: item.sku,
        quantity: item.quantity,
    })
}

/// A consigned product's terms from `--consign-price` or `--commission`.
pub fn terms(
    consign_price: Option<Rupiah>,
    commission: Option<&str>,
) -> Result<Option<crate::domain::consign::Terms>, CliError> {
    use crate::domain::consign::Terms;
    Ok(match (consign_price, commission) {
        (Some(price), _) => Some(Terms::ConsignPrice(price)),
        (None, Some(text)) => {
            Some(Terms::parse_commission(text).map_err(crate::store::StoreError::from)?)
        }
        (None, None) => None,
    })
}

/// `cash`, `transfer:REF`.
fn payout_method(text: &str) -> Result<(PayoutMethod, Option<String>), String> {
    let (method, reference) = match text.split_once(':') {
        Some((method, reference)) => (method, Some(reference.trim().to_string())),
        None => (text, None),
    };
    let method = PayoutMethod::parse(method).map_err(|e| e.to_string())?;
    Ok((method, reference.filter(|r| !r.is_empty())))
}

#[derive(Debug, Subcommand)]
pub enum ProducerCommand {
    /// Tambah penitip (produsen yang menitipkan barang)
    Add {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// Kabupaten/kota asal: kode Kemendagri (18.03) atau BPS (1806), mis. Lampung Utara
        #[arg(long, value_parser = args::regency)]
        regency: u16,
        /// Nomor Induk Berusaha (13 angka)
        #[arg(long)]
        nib: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// Rekening bank, mis. "BRI 1234-01-000123-50-1 a.n. Sari"
        #[arg(long)]
        bank: Option<String>,
    },
    /// Ubah data penitip (kodenya tetap)
    Edit {
        code: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_parser = args::regency)]
        regency: Option<u16>,
        #[arg(long)]
        nib: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        bank: Option<String>,
    },
    /// Daftar penitip: hak, dibayar, saldo
    List,
}

#[derive(Debug, Subcommand)]
pub enum ConsignCommand {
    /// Terima titipan dari penitip (berita acara serah terima)
    Receive(HandoverArgs),
    /// Retur barang yang tidak laku ke penitip (berita acara serah terima)
    Return(HandoverArgs),
    /// Laporan titip jual seorang penitip
    Statement {
        producer: String,
        /// Bawaan: dari awal
        #[arg(long, value_parser = args::date)]
        from: Option<Date>,
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        to: Option<Date>,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
    /// Bayar penitip (PIN manajer)
    Pay {
        producer: String,
        #[arg(long, value_parser = args::rupiah)]
        amount: Rupiah,
        /// cash (dari laci) atau transfer:REF
        #[arg(long, value_name = "cash|transfer:REF", value_parser = payout_method)]
        method: (PayoutMethod, Option<String>),
        #[arg(long)]
        pin: String,
        /// Kuitansi (PDF) untuk ditandatangani penitip
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Kertas kuitansi; bawaan: lebar struk toko
        #[arg(long, value_parser = ["58", "80", "a4"])]
        width: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct HandoverArgs {
    producer: String,
    /// SKU=JUMLAH, boleh berulang
    #[arg(long = "item", value_name = "SKU=QTY", required = true, value_parser = handover_item)]
    items: Vec<HandoverItem>,
    #[arg(long)]
    note: Option<String>,
    #[arg(long, value_name = "FILE")]
    pdf: Option<PathBuf>,
}

/// Fails now, before anything is recorded, if `pdf` may not or cannot be written.
pub(super) fn check_pdf(store: &Store, pdf: Option<&Path>) -> Result<(), CliError> {
    if let Some(path) = pdf {
        store.check_output_path(path)?;
        crate::print::check_writable(path)?;
    }
    Ok(())
}

pub fn producer(
    store: &mut Store,
    command: ProducerCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        command @ (ProducerCommand::Add { .. } | ProducerCommand::Edit { .. }) => {
            producer_record(store, command, now, out)?
        }
        ProducerCommand::List => {
            let balances = store.producer_balances()?;
            out.emit(&balances, |list| {
                if list.is_empty() {
                    return "Belum ada penitip.".into();
                }
                let mut text = format!(
                    "{} {} {} {} {} {}\n",
                    pad("Kode", 8),
                    pad("Nama", 28),
                    pad("Asal", 20),
                    pad_left("Hak", 14),
                    pad_left("Dibayar", 14),
                    pad_left("Saldo", 14)
                );
                for b in list {
                    text += &format!(
                        "{} {} {} {} {} {}\n",
                        pad(&b.producer, 8),
                        pad(&b.name.chars().take(28).collect::<String>(), 28),
                        pad(&b.regency_name, 20),
                        pad_left(&b.owed.to_string(), 14),
                        pad_left(&b.paid.to_string(), 14),
                        pad_left(&b.balance.to_string(), 14)
                    );
                }
                text + &format!("{} penitip", list.len())
            });
        }
    }
    Ok(())
}

/// `producer add` and `producer edit`.
fn producer_record(
    store: &mut Store,
    command: ProducerCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        ProducerCommand::Add {
            code,
            name,
            regency,
            nib,
            phone,
            bank,
        } => {
            let producer = store.add_producer(
                &NewProducer {
                    code,
                    name,
                    regency,
                    nib,
                    phone,
                    bank,
                },
                now,
            )?;
            out.emit(&producer, |p| {
                format!(
                    "Penitip {} \"{}\" dari {} ditambahkan.",
                    p.code, p.name, p.regency_name
                )
            });
        }
        ProducerCommand::Edit {
            code,
            name,
            regency,
            nib,
            phone,
            bank,
        } => {
            let old = store.producer(&code)?;
            let producer = store.update_producer(
                &code,
                &NewProducer {
                    code: old.code.clone(),
                    name: name.unwrap_or(old.name),
                    regency: regency.unwrap_or(old.regency),
                    nib: nib.or(old.nib),
                    phone: phone.or(old.phone),
                    bank: bank.or(old.bank),
                },
                now,
            )?;
            out.emit(&producer, |p| {
                format!("Penitip {} \"{}\" diperbarui.", p.code, p.name)
            });
        }
        _ => unreachable!("only producer_record's commands are sent here"),
    }
    Ok(())
}

#[derive(serde::Serialize)]
struct Handed<'a> {
    #[serde(flatten)]
    note: &'a HandoverNote,
    pdf: Option<&'a Path>,
}

pub fn consign(
    store: &mut Store,
    command: ConsignCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        ConsignCommand::Receive(args) => handover(store, true, args, now, out),
        ConsignCommand::Return(args) => handover(store, false, args, now, out),
        ConsignCommand::Statement {
            producer,
            from,
            to,
            pdf,
        } => {
            check_pdf(store, pdf.as_deref())?;
            let to = to.unwrap_or_else(|| store.business_day(now));
            let statement = store.producer_statement(&producer, from, to)?;
            if let Some(path) = &pdf {
                let bytes =
                    crate::print::from_book::producer_statement_pdf(store, &statement, now)?;
                crate::print::write_file(path, &bytes)?;
            }
            out.emit(&statement, |s| statement_text(s, pdf.as_deref()));
            Ok(())
        }
        ConsignCommand::Pay {
            producer,
            amount,
            method: (method, reference),
            pin,
            pdf,
            width,
        } => {
            check_pdf(store, pdf.as_deref())?;
            let payout =
                store.pay_producer(&producer, amount, method, reference.as_deref(), &pin, now)?;
            if let Some(path) = &pdf {
                let paper = crate::cli::kasbon::kuitansi_paper(store, width.as_deref());
                let bytes = crate::print::from_book::payout_kuitansi_pdf(store, &payout, paper)?;
                super::paper_after_record(
                    crate::print::write_file(path, &bytes),
                    || format!("Bayar penitip {} {}", payout.producer, payout.amount),
                    || format!("sentra consign statement {} --pdf FILE", payout.producer),
                )?;
            }
            out.emit(&payout, |p| {
                let how = match &p.reference {
                    Some(reference) => format!("{} ({reference})", p.method.label()),
                    None => p.method.label().to_string(),
                };
                format!(
                    "Penitip {} {} dibayar {} ({how}). Saldo sekarang {}.",
                    p.producer, p.name, p.amount, p.balance
                )
            });
            Ok(())
        }
    }
}

/// `consign statement` as text: a line per product, then the money.
fn statement_text(s: &crate::store::ProducerStatement, pdf: Option<&std::path::Path>) -> String {
    let mut text = format!(
        "Laporan titip jual {} {} ({}), {} s/d {}\n",
        s.producer.code,
        s.producer.name,
        s.producer.regency_name,
        s.from.as_deref().unwrap_or("awal"),
        s.to
    );
    text += &format!(
        "{} {} {} {} {} {} {} {} {}\n",
        pad("SKU", 10),
        pad_left("Awal", 7),
        pad_left("Terima", 7),
        pad_left("Terjual", 7),
        pad_left("Retur", 7),
        pad_left("Kembali", 7),
        pad_left("Lain", 7),
        pad_left("Sisa", 7),
        pad_left("Hak", 12)
    );
    for p in &s.products {
        text += &format!(
            "{} {} {} {} {} {} {} {} {}\n",
            pad(&p.sku, 10),
            pad_left(&p.opening.to_string(), 7),
            pad_left(&p.received.to_string(), 7),
            pad_left(&p.sold.to_string(), 7),
            pad_left(&p.buyer_returns.to_string(), 7),
            pad_left(&p.returned.to_string(), 7),
            pad_left(&p.adjusted.to_string(), 7),
            pad_left(&p.remaining.to_string(), 7),
            pad_left(&p.owed.to_string(), 12)
        );
    }
    text += &format!(
        "Nilai jual {} · Hak penitip {} · Dibayar {} · Saldo awal {} · Saldo {}",
        s.sales_value, s.owed, s.paid, s.opening_balance, s.balance
    );
    if let Some(path) = pdf {
        text += &format!("\nPDF: {}", path.display());
    }
    text
}

fn handover(
    store: &mut Store,
    intake: bool,
    args: HandoverArgs,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    check_pdf(store, args.pdf.as_deref())?;
    let note = if intake {
        store.consign_receive(&args.producer, &args.items, args.note.as_deref(), now)?
    } else {
        store.consign_return(&args.producer, &args.items, args.note.as_deref(), now)?
    };
    if let Some(path) = &args.pdf {
        let bytes = crate::print::from_book::handover_note_pdf(store, &note, now)?;
        super::paper_after_record(
            crate::print::write_file(path, &bytes),
            || format!("{} {}", note.kind.title(), note.number),
            || format!("sentra consign statement {} --pdf FILE", note.producer.code),
        )?;
    }
    let view = Handed {
        note: &note,
        pdf: args.pdf.as_deref(),
    };
    out.emit(&view, |v| {
        let note = v.note;
        let mut text = format!(
            "{} {} — penitip {} {}\n",
            note.kind.title(),
            note.number,
            note.producer.code,
            note.producer.name
        );
        for line in &note.lines {
            text += &format!(
                "  {} {} {} {} → stok {}\n",
                pad(&line.sku, 10),
                pad(&line.name.chars().take(32).collect::<String>(), 32),
                pad_left(&line.quantity.to_string(), 8),
                line.unit,
                line.stock
            );
        }
        if let Some(path) = v.pdf {
            text += &format!("PDF: {}", path.display());
        }
        text
    });
    Ok(())
}

/// `report producers` (office).
pub fn report_producers(
    store: &Store,
    from: Option<Date>,
    to: Option<Date>,
    csv: Option<&Path>,
    pdf: Option<&Path>,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    for path in csv.iter().chain(pdf.iter()) {
        store.check_output_path(path)?;
    }
    let report = crate::office::producers::producers_report(store, from, to)?;
    if let Some(path) = csv {
        crate::office::producers::write_producers_csv(&report, path)?;
    }
    if let Some(path) = pdf {
        let bytes = crate::print::from_book::producers_report_pdf(store, &report, now)?;
        crate::print::write_file(path, &bytes)?;
    }
    out.emit(&report, |r| {
        let row = |a: &str, b: &str, c: &str, d: &str, e: &str, f: &str| {
            format!(
                "{} {} {} {} {} {}\n",
                pad(a, 28),
                pad(b, 20),
                pad_left(c, 14),
                pad_left(d, 14),
                pad_left(e, 14),
                pad_left(f, 14)
            )
        };
        let mut text = format!(
            "Penitip sentra, {} s/d {}\n\n",
            r.from.as_deref().unwrap_or("awal"),
            r.to.as_deref().unwrap_or("hari ini")
        );
        text += &row("Penitip", "Asal", "Nilai jual", "Hak", "Dibayar", "Saldo");
        for p in &r.producers {
            let name: String = p.producer.chars().take(28).collect();
            text += &row(
                &name,
                &p.regency_name,
                &p.sold.to_string(),
                &p.owed.to_string(),
                &p.paid.to_string(),
                &p.balance.to_string(),
            );
            text += &format!(
                "  {} · toko {}\n",
                p.nib.as_deref().unwrap_or("tanpa NIB"),
                p.stalls.join(", ")
            );
            if let Some(owner) = &p.nib_owner {
                text += &format!(
                    "  NIB INI LEBIH DULU DIKIRIM TOKO {owner}: dipisah, tidak digabung\n"
                );
            }
        }
        text += &row(
            "JUMLAH",
            "",
            &r.totals.sold.to_string(),
            &r.totals.owed.to_string(),
            &r.totals.paid.to_string(),
            &r.totals.balance.to_string(),
        );
        text += "\nPer asal penitip\n";
        for g in &r.regencies {
            text += &format!(
                "  {} {}: {} penitip, {} toko, nilai jual {}, saldo {}\n",
                g.regency, g.regency_name, g.producers, g.stalls, g.sold, g.balance
            );
        }
        text
    });
    Ok(())
}

/// The day report's lines about payouts to producers.
pub fn day_text(report: &crate::store::DayReport) -> String {
    if report.producer_payouts.is_empty() {
        return String::new();
    }
    let mut text = "\nBayar penitip\n".to_string();
    for p in &report.producer_payouts {
        let how = match &p.reference {
            Some(reference) => format!("{} {reference}", p.method.label()),
            None => p.method.label().to_string(),
        };
        text += &format!(
            "  {} {} {}: {} ({how})\n",
            p.created_at.get(11..16).unwrap_or_default(),
            p.producer,
            p.name,
            p.amount
        );
    }
    text
}

/// `product consign`: a product becomes a producer's, its terms change, or
/// (`--clear`) it is the stall's own again. Lines already sold keep what
/// they owed.
#[allow(clippy::too_many_arguments)]
pub fn product_consign(
    store: &mut Store,
    sku: &str,
    producer: Option<&str>,
    consign_price: Option<Rupiah>,
    commission: Option<&str>,
    clear: bool,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let product = if clear {
        store.set_consignment(sku, None, now)?
    } else {
        let terms = terms(consign_price, commission)?.ok_or_else(|| {
            crate::store::StoreError::from(crate::domain::consign::ConsignError::Terms)
        })?;
        let producer = producer.unwrap_or_default();
        store.set_consignment(sku, Some((producer, terms)), now)?
    };
    let consignment = store.consignment(&product.sku)?;
    out.emit(
        &serde_json::json!({ "product": product, "consignment": consignment }),
        |_| match &consignment {
            Some(c) => format!(
                "{} {}: titipan penitip {}, {}.",
                product.sku, product.name, c.producer, c.terms
            ),
            None => format!(
                "{} {}: barang milik toko sendiri.",
                product.sku, product.name
            ),
        },
    );
    Ok(())
}
