//! `customer` (pelanggan and kasbon), `expense` (pengeluaran) and `report
//! profit` (laba kotor).

use std::path::PathBuf;

use clap::Subcommand;
use time::{Date, OffsetDateTime};

use super::output::{pad, pad_left};
use super::{CliError, Output, args};
use crate::domain::expense::ExpenseCategory;
use crate::domain::payment::PaymentMethod;
use crate::domain::profit::Margin;
use crate::money::Rupiah;
use crate::store::{CustomerBalance, DayReport, NewCustomer, ProfitReport, Store};

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Tambah pelanggan (batas kasbon 0 = kasbon hanya dengan PIN manajer)
    Add {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        phone: Option<String>,
        /// Batas kasbon (di atas 0 perlu PIN manajer)
        #[arg(long, value_parser = args::rupiah, default_value = "0")]
        limit: Rupiah,
        /// PIN manajer, untuk batas kasbon di atas 0
        #[arg(long)]
        pin: Option<String>,
    },
    /// Ubah nama, telepon atau batas kasbon pelanggan
    Set {
        code: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long, value_parser = args::rupiah)]
        limit: Option<Rupiah>,
        /// PIN manajer, untuk menaikkan batas kasbon
        #[arg(long)]
        pin: Option<String>,
    },
    /// Daftar pelanggan: kasbon, batas, kasbon tertua yang belum lunas
    List {
        /// Cari nama, telepon atau kode
        #[arg(long)]
        search: Option<String>,
    },
    /// Bayar kasbon: tunai, QRIS atau transfer
    Pay {
        code: String,
        #[arg(long, value_parser = args::rupiah)]
        amount: Rupiah,
        /// cash, qris atau transfer[:REF]
        #[arg(long, value_name = "METHOD[:REF]", value_parser = args::method_with_reference)]
        method: (PaymentMethod, Option<String>),
        /// Kuitansi (PDF) untuk pelanggan
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Kertas kuitansi; bawaan: lebar struk toko
        #[arg(long, value_parser = ["58", "80", "a4"])]
        width: Option<String>,
    },
    /// Rekening kasbon seorang pelanggan
    Statement {
        code: String,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExpenseCommand {
    /// Catat pengeluaran (kemasan, transport, listrik, sewa, gaji, lain-lain)
    Add {
        #[arg(long, value_parser = args::rupiah)]
        amount: Rupiah,
        #[arg(long, value_parser = args::expense_category)]
        category: ExpenseCategory,
        #[arg(long)]
        note: Option<String>,
        /// Dibayar dari uang di laci (mengurangi kas yang seharusnya ada)
        #[arg(long)]
        from_drawer: bool,
        /// PIN manajer, untuk pengeluaran laci di atas batas (pin_expense_over)
        #[arg(long)]
        pin: Option<String>,
    },
    /// Pengeluaran satu hari
    List {
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        date: Option<Date>,
    },
}

pub fn customer(
    store: &mut Store,
    command: CustomerCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let today = store.business_day(now);
    match command {
        command @ (CustomerCommand::Add { .. } | CustomerCommand::Set { .. }) => {
            customer_record(store, command, now, out)?
        }
        command @ (CustomerCommand::Pay { .. } | CustomerCommand::Statement { .. }) => {
            customer_kasbon(store, command, now, out)?
        }
        CustomerCommand::List { search } => {
            let customers = store.customers(search.as_deref(), today)?;
            out.emit(&customers, |list| customers_text(list));
        }
    }
    Ok(())
}

/// `customer add` and `customer set`: a customer and their credit limit.
fn customer_record(
    store: &mut Store,
    command: CustomerCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        CustomerCommand::Add {
            code,
            name,
            phone,
            limit,
            pin,
        } => {
            let customer = store.add_customer(
                &NewCustomer {
                    code,
                    name,
                    phone,
                    limit,
                },
                pin.as_deref(),
                now,
            )?;
            out.emit(&customer, |c| {
                format!(
                    "Pelanggan {} ({}) ditambahkan, batas kasbon {}.",
                    c.code, c.name, c.limit
                )
            });
        }
        CustomerCommand::Set {
            code,
            name,
            phone,
            limit,
            pin,
        } => {
            let existing = store.customer(&code)?;
            let fields = NewCustomer {
                code: existing.code.clone(),
                name: name.unwrap_or(existing.name),
                phone: phone.or(existing.phone),
                limit: limit.unwrap_or(existing.limit),
            };
            let customer = store.update_customer(&code, &fields, pin.as_deref(), now)?;
            out.emit(&customer, |c| {
                format!(
                    "Pelanggan {} ({}) diubah, batas kasbon {}.",
                    c.code, c.name, c.limit
                )
            });
        }
        _ => unreachable!("only customer_record's commands are sent here"),
    }
    Ok(())
}

/// `customer pay` and `customer statement`: what a customer owes and repays.
fn customer_kasbon(
    store: &mut Store,
    command: CustomerCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let today = store.business_day(now);
    match command {
        command @ CustomerCommand::Pay { .. } => customer_pay(store, command, now, out)?,
        CustomerCommand::Statement { code, pdf } => {
            if let Some(path) = &pdf {
                store.check_output_path(path)?;
                crate::print::check_writable(path)?;
            }
            let statement = store.kasbon_statement(&code, today)?;
            if let Some(path) = &pdf {
                let bytes = crate::print::from_book::kasbon_statement_pdf(store, &statement, now)?;
                crate::print::write_file(path, &bytes)?;
            }
            out.emit(&statement, |s| {
                let c = &s.customer;
                let mut text = format!(
                    "Rekening kasbon {} ({})\nBatas {}, kasbon {}, dibayar {}, retur {}\n\n",
                    c.name, c.code, c.limit, c.kasbon, c.repaid, c.returned
                );
                for entry in &s.entries {
                    text += &format!(
                        "{} {} {} {} {}\n",
                        entry.day,
                        pad(entry.kind.label(), 7),
                        pad(&entry.reference, 24),
                        pad_left(&entry.amount.to_string(), 14),
                        pad_left(&entry.balance.to_string(), 14)
                    );
                }
                text += &format!("\nSisa kasbon {}", c.balance);
                if let (Some(day), Some(age)) = (&c.oldest_unpaid, c.oldest_unpaid_days) {
                    text += &format!(", tertua belum lunas {day} ({age} hari)");
                }
                if let Some(path) = &pdf {
                    text += &format!("\nPDF: {}", path.display());
                }
                text
            });
        }
        _ => unreachable!("only customer_kasbon's commands are sent here"),
    }
    Ok(())
}

/// `customer pay`: a repayment, and its kuitansi.
fn customer_pay(
    store: &mut Store,
    command: CustomerCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        CustomerCommand::Pay {
            code,
            amount,
            method: (method, reference),
            pdf,
            width,
        } => {
            super::consign::check_pdf(store, pdf.as_deref())?;
            let repayment = store.pay_kasbon(&code, amount, method, reference.as_deref(), now)?;
            if let Some(path) = &pdf {
                let paper = kuitansi_paper(store, width.as_deref());
                let bytes =
                    crate::print::from_book::repayment_kuitansi_pdf(store, &repayment, paper)?;
                super::paper_after_record(
                    crate::print::write_file(path, &bytes),
                    || format!("Bayar kasbon {} {}", repayment.customer, repayment.amount),
                    || {
                        format!(
                            "sentra customer statement {} --pdf FILE",
                            repayment.customer
                        )
                    },
                )?;
            }
            out.emit(&repayment, |r| {
                format!(
                    "Bayar kasbon {} ({}) {} {} tercatat. Sisa kasbon {}.",
                    r.customer,
                    r.name,
                    r.amount,
                    r.method,
                    r.balance.unwrap_or_default()
                )
            });
        }
        _ => unreachable!("only customer_pay's commands are sent here"),
    }
    Ok(())
}

fn customers_text(list: &[CustomerBalance]) -> String {
    if list.is_empty() {
        return "Belum ada pelanggan.".into();
    }
    let mut text = format!(
        "{} {} {} {} {}\n",
        pad("KODE", 8),
        pad("NAMA", 24),
        pad_left("KASBON", 14),
        pad_left("BATAS", 14),
        "TERTUA"
    );
    for c in list {
        let oldest = match (&c.oldest_unpaid, c.oldest_unpaid_days) {
            (Some(day), Some(age)) => format!("{day} ({age} hari)"),
            _ => "-".into(),
        };
        let name: String = c.name.chars().take(24).collect();
        text += &format!(
            "{} {} {} {} {}\n",
            pad(&c.code, 8),
            pad(&name, 24),
            pad_left(&c.balance.to_string(), 14),
            pad_left(&c.limit.to_string(), 14),
            oldest
        );
    }
    text
}

pub fn expense(
    store: &mut Store,
    command: ExpenseCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        ExpenseCommand::Add {
            amount,
            category,
            note,
            from_drawer,
            pin,
        } => {
            let expense = store.add_expense(
                &crate::store::NewExpense {
                    category,
                    amount,
                    note,
                    from_drawer,
                },
                pin.as_deref(),
                now,
            )?;
            out.emit(&expense, |e| {
                format!(
                    "Pengeluaran {} {}{} tercatat.",
                    e.category,
                    e.amount,
                    if e.from_drawer { " (dari laci)" } else { "" }
                )
            });
        }
        ExpenseCommand::List { date } => {
            let date = date.unwrap_or_else(|| store.business_day(now));
            let expenses = store.expenses_on(date)?;
            out.emit(&expenses, |list| {
                if list.is_empty() {
                    return format!("Tidak ada pengeluaran pada {date}.");
                }
                list.iter()
                    .map(|e| {
                        format!(
                            "{} {} {}{}",
                            pad(e.category.label(), 10),
                            pad_left(&e.amount.to_string(), 14),
                            if e.from_drawer { "dari laci " } else { "" },
                            e.note.as_deref().unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}

/// `report profit`: laba kotor from `from` (default: the first of this
/// month) to `to` (default: today).
pub fn profit(
    store: &Store,
    from: Option<Date>,
    to: Option<Date>,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let today = store.business_day(now);
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| to.replace_day(1).unwrap_or(to));
    if from > to {
        return Err(CliError::DateRange {
            from: from.to_string(),
            to: to.to_string(),
        });
    }
    let report = store.profit(from, to)?;
    out.emit(&report, profit_text);
    Ok(())
}

fn margin_row(label: &str, m: &Margin) -> String {
    format!(
        "{} {} {} {}\n",
        pad(label, 28),
        pad_left(&m.net_sales.to_string(), 15),
        pad_left(&m.cost_of_goods.to_string(), 15),
        pad_left(&m.gross_profit.to_string(), 15)
    )
}

fn profit_text(r: &ProfitReport) -> String {
    let mut text = format!("Laba kotor {} s/d {}\n\n", r.from, r.to);
    text += &format!(
        "{} {} {} {}\n",
        pad("", 28),
        pad_left("Penjualan", 15),
        pad_left("HPP", 15),
        pad_left("Laba kotor", 15)
    );
    text += &margin_row("Jumlah", &r.total);
    if let Some(points) = r.total.margin_basis_points() {
        text += &format!("Marjin {},{:02}%\n", points / 100, points.abs() % 100);
    }
    if r.months.len() > 1 {
        text += "\nPer bulan\n";
        for month in &r.months {
            text += &margin_row(&format!("  {}", month.period), &month.margin);
        }
    }
    text += "\nPer hari\n";
    for day in &r.days {
        text += &margin_row(&format!("  {}", day.period), &day.margin);
    }
    text += "\nPer produk (10 teratas; semua dengan --json)\n";
    for product in r
        .products
        .iter()
        .filter(|p| p.margin.costed_net != Rupiah::ZERO)
        .take(10)
    {
        let label: String = format!("  {} {}", product.sku, product.name)
            .chars()
            .take(28)
            .collect();
        text += &margin_row(&label, &product.margin);
    }
    if !r.uncosted.is_empty() {
        text += &format!(
            "\nTanpa HPP (tidak dihitung dalam laba): penjualan {}\n",
            r.total.uncosted_net
        );
        for product in &r.uncosted {
            text += &format!(
                "  {} {} × {} {}\n",
                pad(&product.sku, 10),
                product.quantity,
                product.name,
                product.margin.uncosted_net
            );
        }
    }
    text
}

/// The day report's lines about kasbon, expenses and laba kotor.
pub fn day_text(r: &DayReport) -> String {
    let row = |label: &str, value: String| format!("{} {}\n", pad(label, 22), pad_left(&value, 16));
    let mut text = String::new();
    if !r.repayments.is_empty() {
        text += "\nBayar kasbon\n";
        for p in &r.repayments {
            text += &row(
                &format!("  {} {} ({})", p.customer, p.name, p.method),
                p.amount.to_string(),
            );
        }
    }
    if !r.expenses.is_empty() {
        text += "\nPengeluaran\n";
        for e in &r.expenses {
            let drawer = if e.from_drawer { ", laci" } else { "" };
            text += &row(&format!("  {}{}", e.category, drawer), e.amount.to_string());
        }
    }
    text += "\nLaba kotor\n";
    text += &row("  Penjualan ber-HPP", r.profit.costed_net.to_string());
    text += &row("  HPP", r.profit.cost_of_goods.to_string());
    text += &row("  Laba kotor", r.profit.gross_profit.to_string());
    if !r.uncosted.is_empty() {
        text += &row("  Tanpa HPP", r.profit.uncosted_net.to_string());
        for p in &r.uncosted {
            text += &format!("    {} {}\n", p.sku, p.name);
        }
    }
    text
}

/// The paper a stall's kuitansi goes on: `width` when given, else the roll
/// its struk uses.
pub(super) fn kuitansi_paper(
    store: &Store,
    width: Option<&str>,
) -> crate::print::tanda_terima::Paper {
    width
        .and_then(crate::print::tanda_terima::Paper::parse)
        .unwrap_or_else(|| crate::print::from_book::receipt_roll(store))
}
