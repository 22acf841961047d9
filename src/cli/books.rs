//! The month's books from the command line: the registers (saldo awal,
//! aset tetap, pinjaman bank, prive, setoran, bayar pemasok) and
//! `report month`, the SAK EMKM statements.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use time::{Date, OffsetDateTime};

use super::output::Output;
use super::{CliError, args};
use crate::books::{MonthBooks, lines, month_books};
use crate::domain::books_event::{Paid, Purse};
use crate::money::Rupiah;
use crate::store::{MoneyMove, Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum BooksCommand {
    /// Saldo awal: kas, bank dan modal (persediaan dibaca dari buku)
    Opening {
        #[arg(long, value_parser = args::rupiah)]
        cash: Rupiah,
        #[arg(long, value_parser = args::rupiah)]
        bank: Rupiah,
        /// Bawaan: kas + bank + persediaan (tanpa utang)
        #[arg(long, value_parser = args::rupiah)]
        equity: Option<Rupiah>,
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        date: Option<Date>,
        /// PIN manajer, untuk mengganti saldo awal yang sudah ada
        #[arg(long)]
        pin: Option<String>,
    },
    /// Daftar catatan buku dengan nomornya (untuk dibatalkan)
    List,
    /// Batalkan catatan buku (saldo awal, aset, pinjaman, angsuran, prive, setoran)
    Cancel {
        /// Nomor catatan, atau kode pinjaman (PJ-1)
        id: String,
        #[arg(long)]
        reason: String,
        /// PIN manajer
        #[arg(long)]
        pin: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AssetCommand {
    /// Catat aset tetap (disusutkan garis lurus)
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = args::rupiah)]
        cost: Rupiah,
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        date: Option<Date>,
        #[arg(long, allow_negative_numbers = true)]
        life_months: i64,
        /// drawer (kas), bank, credit (utang ke pemasok) atau owner (uang pemilik)
        #[arg(long, value_parser = args::paid, default_value = "owner")]
        paid: Paid,
    },
    /// Daftar aset tetap
    List,
}

#[derive(Debug, Subcommand)]
pub enum LoanCommand {
    /// Pinjaman bank masuk ke rekening toko
    Add {
        #[arg(long)]
        lender: String,
        #[arg(long, value_parser = args::rupiah)]
        amount: Rupiah,
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        date: Option<Date>,
    },
    /// Angsuran dari rekening toko: pokok dan bunga
    Pay {
        /// Kode pinjaman (PJ-1)
        loan: String,
        #[arg(long, value_parser = args::rupiah)]
        principal: Rupiah,
        #[arg(long, value_parser = args::rupiah, default_value = "0")]
        interest: Rupiah,
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        date: Option<Date>,
    },
    /// Daftar pinjaman dan sisanya
    List,
}

#[derive(Debug, Subcommand)]
pub enum OwnerCommand {
    /// Prive: uang toko diambil pemilik (PIN manajer)
    Draw {
        #[arg(long, value_parser = args::rupiah)]
        amount: Rupiah,
        /// Dari kas tunai toko (bawaan: dari rekening bank)
        #[arg(long)]
        from_drawer: bool,
        #[arg(long)]
        pin: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Setoran: kas tunai disetor ke rekening bank
    Deposit {
        #[arg(long, value_parser = args::rupiah)]
        amount: Rupiah,
    },
}

#[derive(Debug, Subcommand)]
pub enum SupplierCommand {
    /// Bayar utang ke pemasok (barang yang diterima dengan --paid credit)
    Pay {
        #[arg(long, value_parser = args::rupiah)]
        amount: Rupiah,
        /// Dari kas tunai toko (bawaan: dari rekening bank)
        #[arg(long)]
        from_drawer: bool,
        #[arg(long)]
        note: Option<String>,
    },
}

fn purse(from_drawer: bool) -> Purse {
    if from_drawer {
        Purse::Cash
    } else {
        Purse::Bank
    }
}

pub fn books(
    store: &mut Store,
    command: BooksCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        BooksCommand::Opening {
            cash,
            bank,
            equity,
            date,
            pin,
        } => {
            let day = date.unwrap_or_else(|| store.business_day(now));
            let opening = store.record_opening(day, (cash, bank, equity), pin.as_deref(), now)?;
            out.emit(&opening, |o| {
                format!(
                    "Saldo awal per {} tercatat: kas {}, bank {}, persediaan {}, modal {} ({}).",
                    o.day, o.cash, o.bank, o.inventory, o.equity, o.id
                )
            });
        }
        BooksCommand::List => {
            store.require_stall()?;
            let records = store.register_records()?;
            out.emit(&records, |list| {
                if list.is_empty() {
                    return "Belum ada catatan buku.".into();
                }
                list.iter()
                    .map(|r| {
                        let gone = if r.cancelled { "  [dibatalkan]" } else { "" };
                        format!(
                            "{}  {}  {:<13} {:>16}  {}{gone}",
                            r.id,
                            r.day,
                            r.kind,
                            r.amount.to_string(),
                            r.what
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        BooksCommand::Cancel { id, reason, pin } => {
            let id = store.cancel_register_record(&id, &reason, Some(&pin), now)?;
            out.emit(&serde_json::json!({ "cancelled": id }), |_| {
                format!("Catatan {id} dibatalkan.")
            });
        }
    }
    Ok(())
}

pub fn asset(
    store: &mut Store,
    command: AssetCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        AssetCommand::Add {
            name,
            cost,
            date,
            life_months,
            paid,
        } => {
            let day = date.unwrap_or_else(|| store.business_day(now));
            let asset = store.add_asset(&name, cost, day, life_months, paid, now)?;
            out.emit(&asset, |a| {
                format!(
                    "Aset {} {} ({} bulan) tercatat ({}).",
                    a.name, a.cost, a.life_months, a.id
                )
            });
        }
        AssetCommand::List => {
            store.require_stall()?;
            let assets = store.assets()?;
            out.emit(&assets, |list| {
                if list.is_empty() {
                    return "Belum ada aset tetap.".into();
                }
                list.iter()
                    .map(|a| {
                        format!(
                            "{}  {}  {}  {} bulan  {}",
                            a.day, a.name, a.cost, a.life_months, a.id
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}

pub fn loan(
    store: &mut Store,
    command: LoanCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let text = |l: &crate::store::Loan| {
        format!(
            "{}  {}  {}  pokok {}  dibayar {} (bunga {})  sisa {}",
            l.code, l.day, l.lender, l.amount, l.principal_paid, l.interest_paid, l.left
        )
    };
    match command {
        LoanCommand::Add {
            lender,
            amount,
            date,
        } => {
            let day = date.unwrap_or_else(|| store.business_day(now));
            let loan = store.add_loan(&lender, amount, day, now)?;
            out.emit(&loan, |l| format!("Pinjaman tercatat: {}", text(l)));
        }
        LoanCommand::Pay {
            loan,
            principal,
            interest,
            date,
        } => {
            let day = date.unwrap_or_else(|| store.business_day(now));
            let loan = store.pay_loan(&loan, principal, interest, day, now)?;
            out.emit(&loan, |l| format!("Angsuran tercatat: {}", text(l)));
        }
        LoanCommand::List => {
            store.require_stall()?;
            let loans = store.loans()?;
            out.emit(&loans, |list| {
                if list.is_empty() {
                    return "Belum ada pinjaman.".into();
                }
                list.iter().map(text).collect::<Vec<_>>().join("\n")
            });
        }
    }
    Ok(())
}

/// Prive, setoran or a supplier paid: `(kind, amount, from the drawer,
/// note, PIN)`.
type Move<'a> = (MoneyMove, Rupiah, bool, Option<&'a str>, Option<&'a str>);

fn money_move(
    store: &mut Store,
    (kind, amount, from_drawer, note, pin): Move<'_>,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let id = crate::books::registers::record_money_move(
        store,
        kind,
        amount,
        purse(from_drawer),
        note,
        pin,
        now,
    )?;
    let what = match kind {
        MoneyMove::OwnerDraw => "Prive",
        MoneyMove::BankDeposit => "Setoran ke bank",
        MoneyMove::SupplierPaid => "Pembayaran ke pemasok",
    };
    out.emit(
        &serde_json::json!({ "id": id, "kind": kind, "amount": amount }),
        |_| format!("{what} {amount} tercatat ({id})."),
    );
    Ok(())
}

pub fn owner(
    store: &mut Store,
    command: OwnerCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let OwnerCommand::Draw {
        amount,
        from_drawer,
        pin,
    } = command;
    let draw = (
        MoneyMove::OwnerDraw,
        amount,
        from_drawer,
        None,
        Some(pin.as_str()),
    );
    money_move(store, draw, now, out)
}

pub fn bank(
    store: &mut Store,
    command: BankCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let BankCommand::Deposit { amount } = command;
    money_move(
        store,
        (MoneyMove::BankDeposit, amount, true, None, None),
        now,
        out,
    )
}

pub fn supplier(
    store: &mut Store,
    command: SupplierCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let SupplierCommand::Pay {
        amount,
        from_drawer,
        note,
    } = command;
    let pay = (
        MoneyMove::SupplierPaid,
        amount,
        from_drawer,
        note.as_deref(),
        None,
    );
    money_move(store, pay, now, out)
}

/// `report month YYYY-MM`: on screen (text or JSON), and as PDF or XLSX.
pub fn report_month(
    store: &Store,
    month: &str,
    pdf: Option<&Path>,
    xlsx: Option<&PathBuf>,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    use crate::store::OutputPathError;
    if let (Some(pdf), Some(xlsx)) = (pdf, xlsx)
        && pdf == xlsx.as_path()
    {
        return Err(StoreError::from(OutputPathError::SameFile(pdf.to_path_buf())).into());
    }
    if let Some(xlsx) = xlsx
        && crate::store::table::TableFormat::for_path(xlsx)
            != crate::store::table::TableFormat::Xlsx
    {
        return Err(StoreError::from(OutputPathError::NotXlsx(xlsx.clone())).into());
    }
    // Every path is checked before any file is written: none is left
    // behind by a refusal of the next.
    for path in pdf.into_iter().chain(xlsx.map(PathBuf::as_path)) {
        store.check_output_path(path)?;
        crate::print::check_writable(path)?;
    }
    let books = month_books(store, month, store.business_day(now))?;
    if let Some(path) = pdf {
        let bytes = crate::print::from_book::month_books_pdf(store, &books, now)?;
        crate::print::write_file(path, &bytes)?;
    }
    if let Some(path) = xlsx {
        crate::office::centre::write_table(&crate::books::sheet::month_table(&books), path)?;
    }
    out.emit(&books, month_text);
    Ok(())
}

fn month_text(books: &MonthBooks) -> String {
    let mut text = format!(
        "Laporan keuangan {} ({}) — {} (SAK EMKM)\n",
        books.stall, books.stall_code, books.statements.period
    );
    text += "\nLaporan posisi keuangan per ";
    text += &books.statements.to;
    text += "\n";
    for line in lines::position(books) {
        text += &render(&line);
    }
    text += "\nLaporan laba rugi (bulan ini, sejak Januari)\n";
    for line in lines::income(books) {
        text += &render(&line);
    }
    text
}

fn render(line: &lines::Line) -> String {
    if line.heading {
        return format!("{}\n", line.id);
    }
    let ytd = line
        .year_to_date
        .map(|y| format!(" {:>18}", y.to_string()))
        .unwrap_or_default();
    format!("  {:<36} {:>18}{ytd}\n", line.id, line.amount.to_string())
}
