//! `day` (open, close, reopen) and `report`.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use time::{Date, OffsetDateTime};

use super::output::{pad, pad_left};
use super::{CliError, Output, args};
use crate::money::Rupiah;
use crate::store::{DayReport, Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum DayCommand {
    /// Buka hari dengan kas awal
    Open {
        #[arg(long = "float", value_parser = args::rupiah, default_value = "0")]
        opening_float: Rupiah,
    },
    /// Tutup kasir: uang yang dihitung di laci
    Close {
        #[arg(long, value_parser = args::rupiah)]
        counted_cash: Rupiah,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long, value_name = "DIR")]
        export_dir: Option<PathBuf>,
    },
    /// Buka kembali hari yang sudah ditutup (PIN manajer)
    Reopen {
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        date: Option<Date>,
        #[arg(long)]
        pin: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Laporan harian toko
    Day {
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        date: Option<Date>,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
    /// Laba kotor: penjualan bersih − HPP, per hari, bulan dan produk
    Profit {
        /// Bawaan: tanggal 1 bulan ini
        #[arg(long, value_parser = args::date)]
        from: Option<Date>,
        /// Bawaan: hari ini
        #[arg(long, value_parser = args::date)]
        to: Option<Date>,
    },
    /// Laporan keuangan bulanan (SAK EMKM): posisi keuangan, laba rugi, CALK
    Month {
        /// TTTT-BB, misalnya 2026-11
        month: String,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
    },
    /// Kantor: laporan sentra satu hari
    Centre {
        #[arg(long, value_parser = args::date)]
        date: Date,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Kantor: penitip sentra (digabung per NIB) dan per kabupaten/kota asalnya
    Producers {
        /// Bawaan: dari awal
        #[arg(long, value_parser = args::date)]
        from: Option<Date>,
        /// Bawaan: sampai hari ini
        #[arg(long, value_parser = args::date)]
        to: Option<Date>,
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
}

#[derive(serde::Serialize)]
struct ClosedDay {
    #[serde(flatten)]
    close: crate::store::DayCloseRecord,
    export: Option<crate::sync::export::ExportSummary>,
    backup: Option<PathBuf>,
}

pub fn day(
    store: &mut Store,
    command: DayCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        command @ DayCommand::Close { .. } => close(store, command, now, out)?,
        DayCommand::Open { opening_float } => {
            let day = store.open_day(opening_float, now)?;
            out.emit(&day, |d| {
                format!("Hari {} dibuka, kas awal {}.", d.day, d.opening_float)
            });
        }
        DayCommand::Reopen { date, pin } => {
            let date = date.unwrap_or_else(|| store.business_day(now));
            let day = store.reopen_day(date, &pin, now)?;
            out.emit(&day, |d| format!("Hari {} dibuka kembali.", d.day));
        }
    }
    Ok(())
}

/// `day close`: tutup kasir, the file for the office and the day's PDF.
fn close(
    store: &mut Store,
    command: DayCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        DayCommand::Close {
            counted_cash,
            export_dir,
            pdf,
        } => {
            if let Some(path) = &pdf {
                store.check_output_path(path)?;
                crate::print::check_writable(path)?;
            }
            // The same step as the window's tutup kasir: the folder is tried
            // before the day closes, then the export and the day's backup.
            let closed = match (
                crate::sync::day_close::close_day(store, counted_cash, export_dir.as_deref(), now),
                &export_dir,
            ) {
                // Run again after the PC died between the close and the
                // export: the day stays as it was closed, the file is written.
                (Err(crate::sync::SyncError::Store(StoreError::DayClosed(day))), Some(dir)) => {
                    return finish_closed_export(store, &day, dir, now, out);
                }
                (result, _) => result?,
            };
            let close = closed.close;
            let export = closed
                .export
                .transpose()
                .map_err(CliError::ClosedButNotExported)?;
            if let Some(path) = &pdf {
                let day = store.business_day(now);
                let report = store.day_report(day)?;
                let bytes = crate::print::from_book::day_report_pdf(store, &report, now)?;
                super::paper_after_record(
                    crate::print::write_file(path, &bytes),
                    || format!("Tutup hari {day}"),
                    || format!("sentra report day --date {day} --pdf FILE"),
                )?;
            }
            // A failed backup is worth a warning, not an error: the day is
            // closed and its records are safe in the book.
            let backup = match closed.backup {
                Ok(path) => path,
                Err(error) => {
                    eprintln!("peringatan: cadangan harian gagal: {error}");
                    None
                }
            };
            let view = ClosedDay {
                close,
                export,
                backup,
            };
            out.emit(&view, closed_text);
        }
        _ => unreachable!("only close's commands are sent here"),
    }
    Ok(())
}

/// Tutup kasir as text: the drawer's figures, the verdict, where the
/// export and the backup went.
fn closed_text(v: &ClosedDay) -> String {
    let c = &v.close;
    let verdict = match c.cash.difference.value() {
        0 => "pas".to_string(),
        d if d < 0 => format!("kurang {}", Rupiah::new(-d)),
        _ => format!("lebih {}", c.cash.difference),
    };
    format!(
        "Tutup kasir {}: {} penjualan, {}.\nKas awal {}\nTunai masuk {}\nTunai keluar {}\nBayar penitip tunai {}\nBayar kasbon tunai {}\nPengeluaran dari laci {}\nBelanja, prive, setoran dari laci {}\nSeharusnya {}\nDihitung {}\nSelisih {} ({verdict})",
        c.day,
        c.sales_count,
        c.net_total,
        c.cash.opening_float,
        c.cash.cash_in,
        c.cash.cash_out,
        c.cash.producer_payouts,
        c.cash.kasbon_repayments,
        c.cash.drawer_expenses,
        c.cash.books_out,
        c.cash.expected,
        c.cash.counted,
        c.cash.difference
    ) + &v
        .export
        .as_ref()
        .map(|e| format!("\nEkspor ditulis: {}", e.path.display()))
        .unwrap_or_default()
        + &v.backup
            .as_ref()
            .map(|b| format!("\nCadangan harian: {}", b.display()))
            .unwrap_or_default()
}

pub fn report(
    store: &Store,
    command: ReportCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let ReportCommand::Day { date, pdf } = command else {
        unreachable!("report centre and report profit are run elsewhere");
    };
    let identity = store.require_stall()?;
    let date = date.unwrap_or_else(|| store.business_day(now));
    let report = store.day_report(date)?;
    if let Some(path) = &pdf {
        write_day_pdf(store, &report, path, now)?;
    }
    out.emit(&report, |r| {
        let mut text = day_text(&identity.name, identity.stall_code(), r);
        if let Some(path) = &pdf {
            text.push_str(&format!("\nPDF: {}", path.display()));
        }
        text
    });
    Ok(())
}

/// The drawer: what came in and went out, what should be there and what
/// was counted.
fn drawer_text(r: &DayReport) -> String {
    let row = |label: &str, value: String| format!("{} {}\n", pad(label, 22), pad_left(&value, 16));
    let mut text = String::from("\nKas\n");
    text += &row("  Kas awal", r.cash.opening_float.to_string());
    text += &row("  Tunai masuk", r.cash.cash_in.to_string());
    text += &row("  Tunai keluar", r.cash.cash_out.to_string());
    if r.cash.kasbon_repayments.is_positive() {
        text += &row("  Bayar kasbon tunai", r.cash.kasbon_repayments.to_string());
    }
    if r.cash.drawer_expenses.is_positive() {
        text += &row("  Pengeluaran laci", r.cash.drawer_expenses.to_string());
    }
    if r.cash.books_out.is_positive() {
        text += &row("  Belanja/prive/setoran", r.cash.books_out.to_string());
    }
    if r.cash.producer_payouts.is_positive() {
        text += &row("  Bayar penitip tunai", r.cash.producer_payouts.to_string());
    }
    text += &row("  Seharusnya di laci", r.cash.expected.to_string());
    if r.closed.is_some() {
        text += &row("  Dihitung", r.cash.counted.to_string());
        text += &row("  Selisih", r.cash.difference.to_string());
    }
    text
}

fn day_text(name: &str, code: &str, r: &DayReport) -> String {
    let status = match &r.state {
        None => "belum dibuka",
        Some(d) if d.open => "buka",
        Some(_) => "ditutup",
    };
    let row = |label: &str, value: String| format!("{} {}\n", pad(label, 22), pad_left(&value, 16));
    let mut text = format!("Laporan harian {name} ({code}) — {} [{status}]\n\n", r.day);
    text += &row("Jumlah transaksi", r.sales_count.to_string());
    text += &row("Penjualan kotor", r.gross.to_string());
    text += &row("Diskon", r.discounts.to_string());
    if r.tax.is_positive() {
        text += &row("PPN", r.tax.to_string());
    }
    text += &row("Penjualan bersih", r.net.to_string());
    text += &row("Rata-rata per nota", r.average_sale.to_string());
    text += &row(
        &format!("Batal ({})", r.voids_count),
        r.voids_total.to_string(),
    );
    text += &row(
        &format!("Retur ({})", r.returns_count),
        r.returns_total.to_string(),
    );
    text += &row("Pendapatan", r.takings.to_string());
    text += "\nPembayaran\n";
    for m in &r.payments {
        text += &row(
            &format!("  {} ({})", m.method, m.count),
            m.amount.to_string(),
        );
    }
    if !r.top_products.is_empty() {
        text += "\nProduk terlaris\n";
        for p in r.top_products.iter().take(5) {
            let label: String = format!("  {} × {}", p.quantity, p.name)
                .chars()
                .take(40)
                .collect();
            text += &format!("{} {}\n", pad(&label, 40), pad_left(&p.net.to_string(), 14));
        }
    }
    text += &drawer_text(r);
    for v in &r.voids {
        text += &format!("Batal {} {}: {}\n", v.receipt, v.amount, v.detail);
    }
    for v in &r.returns {
        text += &format!("Retur {} {} ({})\n", v.receipt, v.amount, v.detail);
    }
    if r.pin_wrong > 0 {
        text += &format!("PIN manajer salah {} kali hari ini\n", r.pin_wrong);
    }
    for event in r.events.iter().filter(|e| e.kind != "pin_wrong") {
        text += &format!("{}: {}\n", event.created_at, event.detail);
    }
    text += &super::consign::day_text(r);
    text += &super::kasbon::day_text(r);
    text += &format!(
        "\nPerkiraan PPh Final: bulan ini {} (omzet {}), tahun ini {} (omzet {})",
        r.pph.month_tax, r.pph.month_turnover, r.pph.year_tax, r.pph.year_turnover
    );
    text
}

/// The day report on A4, written to `path`.
fn write_day_pdf(
    store: &Store,
    report: &DayReport,
    path: &Path,
    now: OffsetDateTime,
) -> Result<(), CliError> {
    store.check_output_path(path)?;
    let bytes = crate::print::from_book::day_report_pdf(store, report, now)?;
    crate::print::write_file(path, &bytes)?;
    Ok(())
}

/// `day close --export-dir` on a day already closed: writes what the close
/// did not get to export, and records nothing else.
fn finish_closed_export(
    store: &mut Store,
    day: &str,
    dir: &std::path::Path,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let summary = crate::sync::day_close::export_after_close(store, day, dir, now)?;
    out.emit(&summary, |s| {
        format!(
            "Hari {day} sudah ditutup sebelumnya; berkas ekspor yang belum tertulis kini ditulis: {}",
            s.path.display()
        )
    });
    Ok(())
}
