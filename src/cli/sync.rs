//! `export`, `import`, `stalls` and `report centre`: stall to office by file.

use std::path::{Path, PathBuf};

use serde::Serialize;
use time::{Date, OffsetDateTime};

use super::output::{pad, pad_left};
use super::{CliError, Output};
use crate::office::{centre as office, import};
use crate::store::Store;
use crate::sync::export;

pub fn export(
    store: &mut Store,
    dir: &Path,
    since: Option<i64>,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    store.check_output_folder(dir)?;
    let summary = export::export(store, dir, since, now)?;
    out.emit(&summary, |s| s.path.display().to_string());
    Ok(())
}

#[derive(Serialize)]
struct FileResult {
    file: PathBuf,
    /// `imported`, `rejected` (the file, or the folder entry, was refused),
    /// or `error` (the book failed on this file; the import stopped there).
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stats: Option<import::ImportStats>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    /// The tanda terima written for an imported file (`--receipts`).
    #[serde(skip_serializing_if = "Option::is_none")]
    receipt: Option<PathBuf>,
}

/// Where `import --receipts` writes a tanda terima per imported file.
pub struct Receipts<'a> {
    pub dir: &'a Path,
    pub paper: crate::print::tanda_terima::Paper,
}

/// `import PATH…`: each file's result as it is done (with `--json`, all of
/// them as one array, printed whatever happened, even when the book fails
/// part way). Exits non-zero if any file was refused, if the book failed,
/// or if there was nothing to import.
pub fn import(
    store: &mut Store,
    paths: &[PathBuf],
    receipts: Option<Receipts<'_>>,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    store.require_office()?;
    if let Some(receipts) = &receipts {
        store.check_output_folder(receipts.dir)?;
        crate::sync::export::check_writable(receipts.dir)?;
    }
    let files = import::collect_files(paths)?;
    if files.is_empty() {
        if out.json {
            out.emit(&Vec::<FileResult>::new(), |_| String::new());
        }
        let places: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::NothingToImport(places.join(", ")));
    }
    let mut results = Vec::with_capacity(files.len());
    let mut failure = None;
    let walked = import::import_files(store, &files, now, |file, outcome| {
        let file = file.to_path_buf();
        let result = file_result(file, outcome, &mut failure);
        if !out.json && receipts.is_none() {
            out.line(&line(&result));
        }
        results.push(result);
    });
    // A tanda terima for each file imported (none for a refused one), with
    // the figures as the office holds them now.
    if let Some(receipts) = &receipts {
        for result in &mut results {
            write_receipt(store, result, receipts, now)?;
            if !out.json {
                out.line(&line(result));
            }
        }
    }
    if out.json {
        out.emit(&results, |_| String::new());
    }
    walked?;
    if let Some(error) = failure {
        return Err(error.into());
    }
    let rejected = results.iter().filter(|r| r.status == "rejected").count();
    if rejected > 0 {
        return Err(CliError::SomeRejected {
            rejected,
            total: results.len(),
        });
    }
    Ok(())
}

/// One file's row: imported, refused, or the book's own failure (kept in
/// `failure`: the import stops there).
fn file_result(
    file: std::path::PathBuf,
    outcome: Result<import::ImportStats, crate::sync::SyncError>,
    failure: &mut Option<crate::sync::SyncError>,
) -> FileResult {
    match outcome {
        Ok(stats) => FileResult {
            file,
            status: "imported",
            stats: Some(stats),
            reason: None,
            receipt: None,
        },
        Err(error) if error.is_about_the_file() => FileResult {
            file,
            status: "rejected",
            stats: None,
            reason: Some(error.to_string()),
            receipt: None,
        },
        // The book itself failed: the import stops at this file.
        Err(error) => {
            let result = FileResult {
                file,
                status: "error",
                stats: None,
                reason: Some(error.to_string()),
                receipt: None,
            };
            failure.get_or_insert(error);
            result
        }
    }
}

/// The tanda terima of a file imported, with the figures as the office
/// holds them now (none for a refused one).
fn write_receipt(
    store: &Store,
    result: &mut FileResult,
    receipts: &Receipts<'_>,
    now: OffsetDateTime,
) -> Result<(), CliError> {
    let Some(stats) = &result.stats else {
        return Ok(());
    };
    let name = result
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let receipt = crate::print::import_receipt::import_receipt(
        store,
        &name,
        stats,
        receipts.dir,
        receipts.paper,
        now,
    )?;
    let (path, note) = (receipt.path, receipt.note);
    super::paper_after_record(
        crate::print::write_file(&path, &receipt.pdf),
        || format!("Impor {name}"),
        || {
            format!(
                "sentra office receipt {} --date HARI --pdf FILE",
                note.stall
            )
        },
    )?;
    result.receipt = Some(path);
    Ok(())
}

fn line(result: &FileResult) -> String {
    let name = result.file.display();
    match (&result.stats, &result.reason) {
        (Some(s), _) => {
            let mut text = format!(
                "{name}: diimpor ({}, nomor {}–{}): {} catatan baru, {} sudah ada",
                s.stall, s.from, s.to, s.new_records, s.known_records
            );
            if let Some(receipt) = &result.receipt {
                text.push_str(&format!("; tanda terima {}", receipt.display()));
            }
            if let Some(note) = s.pinned_note(false) {
                text.push_str(&format!("; {note}"));
            }
            for warning in s.warnings(false) {
                text.push_str(&format!("; {warning}"));
            }
            text
        }
        (None, Some(reason)) => format!("{name}: {reason}"),
        (None, None) => format!("{name}: ?"),
    }
}

pub fn stalls(store: &Store, out: &Output) -> Result<(), CliError> {
    let stalls = office::stalls(store)?;
    out.emit(&stalls, |stalls| {
        if stalls.is_empty() {
            return "Belum ada toko yang dikenal: impor berkas ekspor dulu.".into();
        }
        let mut text = String::new();
        for s in stalls {
            let gaps = if s.gaps.is_empty() {
                "tanpa celah".to_string()
            } else {
                let list: Vec<String> = s.gaps.iter().map(|(a, b)| format!("{a}–{b}")).collect();
                format!("CELAH nomor {}", list.join(", "))
            };
            let silent = if s.silent_days.is_empty() {
                String::new()
            } else {
                format!("; tanpa kabar: {}", s.silent_days.join(", "))
            };
            let mut marks = String::new();
            if s.pin_wrong > 0 {
                marks.push_str(&format!("; PIN salah {}×", s.pin_wrong));
            }
            if s.clock_accepted > 0 {
                marks.push_str(&format!("; jam mundur diterima {}×", s.clock_accepted));
            }
            for (epoch, a, b) in &s.earlier_gaps {
                marks.push_str(&format!(
                    "; CELAH nomor {a}–{b} di kunci lama (ke-{})",
                    epoch + 1
                ));
            }
            for (at, note) in &s.restores {
                marks.push_str(&format!("; {at}: {}", note.sentence(false)));
            }
            for shared in &s.shared_ids {
                marks.push_str(&format!(
                    "; ID SAMA {} ({}): dikirim dulu oleh {}, lalu oleh {}",
                    shared.id, shared.kind, shared.first_stall, shared.then_stall
                ));
            }
            for repin in &s.repins {
                marks.push_str(&match &repin.done_at {
                    Some(done) => format!("; kunci diganti {done}"),
                    None => format!("; menunggu kunci baru (sejak {})", repin.requested_at),
                });
            }
            text.push_str(&format!(
                "{} {} ({} {}): {} s/d {}, impor terakhir {}; {gaps}{silent}{marks}\n",
                s.code,
                s.name,
                s.regency,
                s.regency_name,
                s.first_day.as_deref().unwrap_or("-"),
                s.last_day.as_deref().unwrap_or("-"),
                s.last_import
                    .get(..16)
                    .unwrap_or(&s.last_import)
                    .replace('T', " "),
            ));
        }
        text
    });
    Ok(())
}

pub fn repin(
    store: &mut Store,
    code: &str,
    key: &str,
    pin: &str,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let repin = crate::office::repin::repin(store, code, key, pin, now)?;
    out.emit(&repin, |r| {
        format!(
            "Toko {}: berkas berikutnya yang bertanda tangan kunci {key}… diterima (PC dipasang ulang); tercatat {}.",
            r.stall, r.requested_at
        )
    });
    Ok(())
}

pub fn report_centre(
    store: &Store,
    date: Date,
    csv: Option<&Path>,
    pdf: Option<&Path>,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    for path in csv.iter().chain(pdf.iter()) {
        store.check_output_path(path)?;
    }
    let report = office::centre_day(store, date)?;
    if let Some(path) = csv {
        office::write_centre_csv(&report, path)?;
    }
    if let Some(path) = pdf {
        let bytes = crate::print::from_book::centre_report_pdf(store, &report, now)?;
        crate::print::write_file(path, &bytes)?;
    }
    out.emit(&report, |r| {
        let row = |label: &str, count: String, net: String, takings: String| {
            format!(
                "{} {} {} {}\n",
                pad(label, 36),
                pad_left(&count, 6),
                pad_left(&net, 16),
                pad_left(&takings, 16)
            )
        };
        let mut text = format!("Laporan sentra {}\n\n", r.date);
        text += &row("Toko", "Nota".into(), "Bersih".into(), "Pendapatan".into());
        for s in &r.stalls {
            let label: String = format!("{} {}", s.code, s.name).chars().take(36).collect();
            text += &row(
                &label,
                s.totals.sales_count.to_string(),
                s.totals.net.to_string(),
                s.totals.takings.to_string(),
            );
        }
        text += &row(
            "JUMLAH",
            r.totals.sales_count.to_string(),
            r.totals.net.to_string(),
            r.totals.takings.to_string(),
        );
        if r.totals.fee.is_positive() {
            text += &format!("Retribusi terutang hari ini: {}\n", r.totals.fee);
        }
        text += "\nPer kabupaten/kota\n";
        for g in &r.regencies {
            text += &format!("  {} {}: {}\n", g.key, g.label, g.net);
        }
        text += "\nPer kategori\n";
        for g in &r.categories {
            text += &format!("  {}: {} (retur {})\n", g.label, g.net, g.returns);
        }
        text += "\nPer pembayaran\n";
        for g in &r.payments {
            text += &format!("  {}: {}\n", g.label, g.net);
        }
        let t = &r.totals;
        if t.kasbon.is_positive() || t.repayments.is_positive() || t.expenses.is_positive() {
            text += "\nKasbon, bayar kasbon, pengeluaran\n";
            for s in &r.stalls {
                let k = &s.totals;
                text += &format!(
                    "  {} {}: kasbon {}, bayar kasbon {}, pengeluaran {}\n",
                    s.code, s.name, k.kasbon, k.repayments, k.expenses
                );
            }
        }
        if !r.silent.is_empty() {
            let silent: Vec<String> = r
                .silent
                .iter()
                .map(|s| format!("{} {}", s.code, s.name))
                .collect();
            text += &format!("\nTanpa kabar hari ini: {}\n", silent.join(", "));
        }
        for (code, note) in &r.restores {
            text += &format!("\nPERHATIAN {code}: {}\n", note.sentence(false));
        }
        if let Some(path) = csv {
            let kind = match crate::store::table::TableFormat::for_path(path) {
                crate::store::table::TableFormat::Xlsx => "XLSX",
                crate::store::table::TableFormat::Csv => "CSV",
            };
            text += &format!("\n{kind}: {}", path.display());
        }
        if let Some(path) = pdf {
            text += &format!("\nPDF: {}", path.display());
        }
        text
    });
    Ok(())
}
