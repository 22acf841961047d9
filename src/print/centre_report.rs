//! The centre's day on A4 for the office: every stall, by regency, category
//! and payment method, silent stalls, with the table's header repeated on
//! every page.

use super::a4::{Column, LEFT, RIGHT, Report};
use crate::domain::calendar;
use crate::domain::language::Language;
use crate::office::centre::CentreDay;

/// The centre report as PDF bytes.
pub fn centre_report_pdf(
    centre_name: &str,
    day: &CentreDay,
    printed_at: &str,
    language: Language,
) -> Vec<u8> {
    let title = format!(
        "Laporan Sentra {}",
        calendar::short_day(&day.date, language)
    );
    let mut doc = Report::new(
        &title,
        &format!("Sentra · {centre_name} · dicetak {printed_at}"),
    );
    opening_lines(&mut doc, centre_name, day, language);
    summary_section(&mut doc, day);
    let two = two_columns();
    regencies_section(&mut doc, day, &two);

    stalls_section(&mut doc, day);

    super::kasbon::centre_section(&mut doc, day);

    groups_section(&mut doc, day, &two);
    doc.finish()
}

/// The report's name, the centre's and the day with how many stalls spoke.
fn opening_lines(doc: &mut Report, centre_name: &str, day: &CentreDay, language: Language) {
    doc.line(16.0, true, "Laporan Harian Sentra / Centre Daily Report");
    doc.line(12.0, true, centre_name);
    doc.line(
        9.5,
        false,
        &format!(
            "Hari {} · {} toko melapor, {} tanpa kabar",
            calendar::long_day(&day.date, language),
            day.stalls.len(),
            day.silent.len()
        ),
    );
}

/// The centre's totals; the fees line only when fees are due.
fn summary_section(doc: &mut Report, day: &CentreDay) {
    doc.heading("Ringkasan / Summary");
    let t = &day.totals;
    doc.figure("Jumlah transaksi", &t.sales_count.to_string(), false);
    doc.figure("Penjualan bersih", &t.net.to_string(), true);
    doc.figure("Retur", &t.returns.to_string(), false);
    doc.figure("Pendapatan", &t.takings.to_string(), true);
    if t.fee.is_positive() {
        doc.figure("Retribusi terutang / Fees due", &t.fee.to_string(), false);
    }
}

/// Net sales by regency: a bar chart, then the same figures as a table.
fn regencies_section(doc: &mut Report, day: &CentreDay, two: &[Column; 2]) {
    doc.heading("Per kabupaten/kota / By regency");
    let bars: Vec<_> = day
        .regencies
        .iter()
        .map(|g| (g.key.clone(), g.net))
        .collect();
    doc.bars(&bars, 32.0);
    let rows: Vec<Vec<String>> = day
        .regencies
        .iter()
        .map(|g| vec![format!("{} {}", g.key, g.label), g.net.to_string()])
        .collect();
    doc.table(two, &["Kabupaten/kota", "Bersih"], &rows, None);
}

/// A label and an amount.
fn two_columns() -> [Column; 2] {
    [
        Column::new(LEFT, 120.0, false),
        Column::new(RIGHT - 40.0, 40.0, true),
    ]
}

/// The day by category and by payment method, and the stalls that sent
/// nothing.
fn groups_section(doc: &mut Report, day: &CentreDay, two: &[Column; 2]) {
    doc.heading("Per kategori / By category");
    let rows: Vec<Vec<String>> = day
        .categories
        .iter()
        .map(|g| vec![g.label.clone(), g.net.to_string()])
        .collect();
    doc.table(two, &["Kategori", "Bersih"], &rows, None);

    doc.heading("Per pembayaran / By payment method");
    let rows: Vec<Vec<String>> = day
        .payments
        .iter()
        .map(|g| vec![g.label.clone(), g.net.to_string()])
        .collect();
    doc.table(two, &["Metode", "Bersih"], &rows, None);

    if !day.silent.is_empty() {
        doc.heading("Tanpa kabar / Sent nothing");
        let rows: Vec<Vec<String>> = day
            .silent
            .iter()
            .map(|s| vec![format!("{} {}", s.code, s.name), s.regency.to_string()])
            .collect();
        doc.table(two, &["Toko", "Asal"], &rows, None);
    }
    if !day.restores.is_empty() {
        doc.heading("Buku dipulihkan / Books restored");
        let rows: Vec<Vec<String>> = day
            .restores
            .iter()
            .map(|(code, note)| match note.given_up {
                Some((first, last, count)) => vec![
                    format!("{code}: catatan {first}–{last} dilepas / given up"),
                    count.to_string(),
                ],
                None => vec![
                    format!("{code}: tanpa catatan dilepas / none given up"),
                    "0".into(),
                ],
            })
            .collect();
        doc.table(two, &["Toko / Stall", "Catatan / Records"], &rows, None);
    }
}

/// Every stall's day in one table, with the centre's total.
fn stalls_section(doc: &mut Report, day: &CentreDay) {
    let t = &day.totals;
    doc.heading("Per toko / By stall");
    let columns = [
        Column::new(LEFT, 16.0, false),
        Column::new(LEFT + 17.0, 52.0, false),
        Column::new(LEFT + 70.0, 12.0, false),
        Column::new(LEFT + 83.0, 12.0, true),
        Column::new(LEFT + 97.0, 27.0, true),
        Column::new(LEFT + 125.0, 21.0, true),
        Column::new(RIGHT - 27.0, 27.0, true),
    ];
    let rows: Vec<Vec<String>> = day
        .stalls
        .iter()
        .map(|s| {
            vec![
                s.code.clone(),
                s.name.clone(),
                s.regency.to_string(),
                s.totals.sales_count.to_string(),
                s.totals.net.to_string(),
                s.totals.returns.to_string(),
                s.totals.takings.to_string(),
            ]
        })
        .collect();
    let total = vec![
        "Jumlah".into(),
        String::new(),
        String::new(),
        t.sales_count.to_string(),
        t.net.to_string(),
        t.returns.to_string(),
        t.takings.to_string(),
    ];
    doc.table(
        &columns,
        &[
            "Kode",
            "Toko",
            "Asal",
            "Nota",
            "Bersih",
            "Retur",
            "Pendapatan",
        ],
        &rows,
        Some(total),
    );
}
