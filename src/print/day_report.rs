//! The stall's day report (Z report) on A4: the day's figures, payments, the
//! drawer, top products, sales by hour, voids and returns, PPh Final, and a
//! place for two signatures.

use super::a4::{Column, LEFT, RIGHT, Report};
use crate::domain::calendar;
use crate::domain::language::Language;
use crate::store::DayReport;

/// Who the report is for, handed in by the caller.
pub struct StallHeading<'a> {
    pub name: &'a str,
    pub code: &'a str,
    pub regency: &'a str,
    /// The language dates are written in (the `language` setting).
    pub language: Language,
}

/// The day report as PDF bytes; `printed_at` goes in the footer.
pub fn day_report_pdf(stall: &StallHeading<'_>, report: &DayReport, printed_at: &str) -> Vec<u8> {
    let title = format!(
        "Laporan Harian {} {}",
        stall.code,
        calendar::short_day(&report.day, stall.language)
    );
    let mut doc = Report::new(
        &title,
        &format!("Sentra · {} · dicetak {printed_at}", stall.name),
    );
    opening_lines(&mut doc, stall, report);

    sales_section(&mut doc, report);

    drawer_section(&mut doc, stall, report);

    products_section(&mut doc, report);

    voids_section(&mut doc, report);

    events_section(&mut doc, stall, report);

    super::consign::day_section(&mut doc, report);
    super::kasbon::day_sections(&mut doc, report);

    pph_section(&mut doc, stall, report);

    doc.signatures(&["Penjual / Vendor", "Pengelola / Manager"]);
    doc.finish()
}

/// Who and which day, opened and closed when.
fn opening_lines(doc: &mut Report, stall: &StallHeading<'_>, report: &DayReport) {
    doc.line(16.0, true, "Laporan Harian / Daily Report");
    doc.line(12.0, true, &format!("{} ({})", stall.name, stall.code));
    doc.line(
        9.5,
        false,
        &format!(
            "Asal: {} · Hari: {}",
            stall.regency,
            calendar::long_day(&report.day, stall.language)
        ),
    );
    let opened = report
        .state
        .as_ref()
        .map(|d| calendar::stamp(&d.opened_at, stall.language))
        .unwrap_or_else(|| "-".into());
    let closed = report
        .closed
        .as_ref()
        .map(|c| calendar::stamp(&c.closed_at, stall.language))
        .map(|at| format!("Ditutup {at}"))
        .unwrap_or_else(|| "Belum ditutup / not closed yet".into());
    doc.line(9.5, false, &format!("Dibuka {opened} · {closed}"));
}

/// The day's sales, discounts, tax, returns and voids.
fn sales_section(doc: &mut Report, report: &DayReport) {
    doc.heading("Penjualan / Sales");
    doc.figure("Jumlah transaksi", &report.sales_count.to_string(), false);
    doc.figure("Penjualan kotor", &report.gross.to_string(), false);
    doc.figure("Diskon", &report.discounts.to_string(), false);
    doc.figure("PPN", &report.tax.to_string(), false);
    doc.figure("Penjualan bersih", &report.net.to_string(), true);
    doc.figure(
        "Rata-rata per nota",
        &report.average_sale.to_string(),
        false,
    );
    doc.figure(
        &format!("Retur ({})", report.returns_count),
        &report.returns_total.to_string(),
        false,
    );
    doc.figure(
        &format!("Batal ({})", report.voids_count),
        &report.voids_total.to_string(),
        false,
    );
    doc.figure(
        "Pendapatan (bersih – retur)",
        &report.takings.to_string(),
        true,
    );
}

/// Payments by method, and the cash drawer: expected, counted, every close.
fn drawer_section(doc: &mut Report, stall: &StallHeading<'_>, report: &DayReport) {
    doc.heading("Pembayaran / Payments");
    for method in &report.payments {
        doc.figure(
            &format!("{} ({} nota)", method.method.label(), method.count),
            &method.amount.to_string(),
            false,
        );
    }

    doc.heading("Kas / Cash drawer");
    let cash = &report.cash;
    doc.figure("Kas awal", &cash.opening_float.to_string(), false);
    doc.figure("Tunai masuk", &cash.cash_in.to_string(), false);
    doc.figure("Tunai keluar (retur)", &cash.cash_out.to_string(), false);
    if cash.kasbon_repayments.is_positive() {
        doc.figure(
            "Bayar kasbon tunai / Credit repaid in cash",
            &cash.kasbon_repayments.to_string(),
            false,
        );
    }
    if cash.drawer_expenses.is_positive() {
        doc.figure(
            "Pengeluaran dari laci / Expenses from the drawer",
            &format!("−{}", cash.drawer_expenses),
            false,
        );
    }
    if cash.books_out.is_positive() {
        doc.figure(
            "Belanja, prive, setoran dari laci / Goods, drawings, deposits",
            &format!("−{}", cash.books_out),
            false,
        );
    }
    if cash.producer_payouts.is_positive() {
        doc.figure(
            "Bayar penitip tunai / Producers paid in cash",
            &format!("-{}", cash.producer_payouts),
            false,
        );
    }
    doc.figure("Seharusnya di laci", &cash.expected.to_string(), true);
    if report.closed.is_some() {
        doc.figure("Uang dihitung", &cash.counted.to_string(), false);
        doc.figure("Selisih", &cash.difference.to_string(), true);
    }
    if report.closes.len() > 1 {
        // A day reopened and closed again: every close with its own
        // count and selisih, not only the last.
        doc.heading("Tutup kasir / Day closes");
        for (n, close) in report.closes.iter().enumerate() {
            doc.line(
                9.0,
                false,
                &format!(
                    "{}. {} · seharusnya {} · dihitung {} · selisih {}",
                    n + 1,
                    calendar::stamp(&close.closed_at, stall.language),
                    close.cash.expected,
                    close.cash.counted,
                    close.cash.difference
                ),
            );
        }
    }
}

/// Sales by hour, and the products that sold most.
fn products_section(doc: &mut Report, report: &DayReport) {
    doc.heading("Penjualan per jam / Sales by hour");
    let chart = crate::print::hourly_bars(&report.hourly);
    doc.bars(&chart, 38.0);

    doc.heading("Produk terlaris / Top products");
    let columns = [
        Column::new(LEFT, 28.0, false),
        Column::new(LEFT + 30.0, 94.0, false),
        Column::new(LEFT + 126.0, 18.0, true),
        Column::new(RIGHT - 30.0, 30.0, true),
    ];
    let rows: Vec<Vec<String>> = report
        .top_products
        .iter()
        .map(|p| {
            vec![
                p.sku.clone(),
                p.name.clone(),
                p.quantity.to_string(),
                p.net.to_string(),
            ]
        })
        .collect();
    doc.table(
        &columns,
        &["SKU", "Produk", "Jumlah", "Bersih"],
        &rows,
        None,
    );
}

/// Each void and return, with how money went back.
fn voids_section(doc: &mut Report, report: &DayReport) {
    if !report.voids.is_empty() || !report.returns.is_empty() {
        doc.heading("Batal dan retur / Voids and returns");
        let columns = [
            Column::new(LEFT, 18.0, false),
            Column::new(LEFT + 20.0, 44.0, false),
            Column::new(LEFT + 66.0, 30.0, true),
            Column::new(LEFT + 100.0, RIGHT - LEFT - 100.0, false),
        ];
        let rows: Vec<Vec<String>> = report
            .voids
            .iter()
            .map(|v| {
                vec![
                    "Batal".into(),
                    v.receipt.clone(),
                    v.amount.to_string(),
                    v.detail.clone(),
                ]
            })
            .chain(report.returns.iter().map(|r| {
                // `cash`, `kasbon` or `cash+kasbon`: money and kasbon given back.
                let method = r
                    .detail
                    .split('+')
                    .map(|part| {
                        crate::domain::payment::PaymentMethod::parse(part)
                            .map(|m| m.label().to_string())
                            .unwrap_or_else(|_| part.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join(" + ");
                vec![
                    "Retur".into(),
                    r.receipt.clone(),
                    r.amount.to_string(),
                    format!("dikembalikan {method}"),
                ]
            }))
            .collect();
        doc.table(
            &columns,
            &["", "Nota", "Jumlah", "Alasan / cara"],
            &rows,
            None,
        );
    }
}

/// What the manager must see: PINs tried wrong, a clock set back.
fn events_section(doc: &mut Report, stall: &StallHeading<'_>, report: &DayReport) {
    if !report.events.is_empty() {
        // What the manager must see: PINs tried wrong, a clock set back.
        doc.heading("Kejadian / Events");
        doc.figure(
            "PIN manajer salah / Wrong manager PIN",
            &format!("{}×", report.pin_wrong),
            report.pin_wrong > 0,
        );
        for event in report.events.iter().filter(|e| e.kind != "pin_wrong") {
            doc.line(
                9.0,
                false,
                &format!(
                    "{}  {}",
                    calendar::stamp(&event.created_at, stall.language),
                    event.detail
                ),
            );
        }
    }
}

/// The PPh final estimate for the month and the year.
fn pph_section(doc: &mut Report, stall: &StallHeading<'_>, report: &DayReport) {
    doc.heading("Perkiraan PPh Final / Final income tax estimate");
    let pph = &report.pph;
    for part in pph.rule.wording(stall.language).split("; ") {
        doc.line(8.5, false, part);
    }
    doc.figure(
        &format!("Bulan ini (omzet {})", pph.month_turnover),
        &pph.month_tax.to_string(),
        false,
    );
    doc.figure(
        &format!("Tahun ini (omzet {})", pph.year_turnover),
        &pph.year_tax.to_string(),
        false,
    );
}

/// The time of day of a stored stamp as Indonesian print writes it: `21.15`.
pub fn time_of(stamp: &str) -> String {
    stamp.get(11..16).unwrap_or_default().replace(':', ".")
}
