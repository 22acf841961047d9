//! Paper for kasbon, expenses and laba kotor: a customer's statement
//! (*rekening kasbon*) on A4, and the day report's sections on repayments,
//! expenses and gross profit.

use super::a4::{Column, LEFT, RIGHT, Report};
use super::day_report::{StallHeading, time_of};
use crate::store::{DayReport, KasbonStatement};

/// A customer's statement as PDF bytes: every kasbon, void, return and
/// repayment with the running balance, what is owed and since when.
pub fn statement_pdf(
    stall: &StallHeading<'_>,
    statement: &KasbonStatement,
    today: &str,
    printed_at: &str,
) -> Vec<u8> {
    let customer = &statement.customer;
    let title = format!("Rekening Kasbon {} {}", stall.code, customer.code);
    let mut doc = Report::new(
        &title,
        &format!("Sentra · {} · dicetak {printed_at}", stall.name),
    );
    doc.line(16.0, true, "Rekening Kasbon / Credit Statement");
    doc.line(12.0, true, &format!("{} ({})", stall.name, stall.code));
    doc.line(
        9.5,
        false,
        &format!("Asal: {} · Per {today}", stall.regency),
    );

    doc.heading("Pelanggan / Customer");
    doc.figure("Kode", &customer.code, false);
    doc.figure("Nama", &customer.name, true);
    if let Some(phone) = &customer.phone {
        doc.figure("Telepon", phone, false);
    }
    doc.figure(
        "Batas kasbon / Credit limit",
        &customer.limit.to_string(),
        false,
    );

    history_section(&mut doc, statement);

    summary_section(&mut doc, customer);

    doc.signatures(&["Pelanggan / Customer", "Penjual / Vendor"]);
    doc.finish()
}

/// Every kasbon and repayment, with the balance after each.
fn history_section(doc: &mut Report, statement: &KasbonStatement) {
    doc.heading("Riwayat / History");
    let columns = [
        Column::new(LEFT, 20.0, false),
        Column::new(LEFT + 22.0, 16.0, false),
        Column::new(LEFT + 40.0, 58.0, false),
        Column::new(LEFT + 100.0, 36.0, true),
        Column::new(RIGHT - 36.0, 36.0, true),
    ];
    let rows: Vec<Vec<String>> = statement
        .entries
        .iter()
        .map(|e| {
            vec![
                e.day.clone(),
                e.kind.label().to_string(),
                e.reference.clone(),
                e.amount.to_string(),
                e.balance.to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        doc.line(9.5, false, "Belum ada kasbon / No credit yet");
    } else {
        doc.table(
            &columns,
            &["Tanggal", "Jenis", "Nota / cara", "Jumlah", "Sisa"],
            &rows,
            None,
        );
    }
}

/// What the customer took, repaid and still owes, and since when.
fn summary_section(doc: &mut Report, customer: &crate::store::CustomerBalance) {
    doc.heading("Ringkasan / Summary");
    doc.figure("Kasbon / Credit taken", &customer.kasbon.to_string(), false);
    doc.figure("Dibayar / Repaid", &customer.repaid.to_string(), false);
    doc.figure(
        "Retur ke kasbon / Returned",
        &customer.returned.to_string(),
        false,
    );
    doc.figure("Sisa kasbon / Balance", &customer.balance.to_string(), true);
    match (&customer.oldest_unpaid, customer.oldest_unpaid_days) {
        (Some(day), Some(age)) => doc.figure(
            "Tertua belum lunas / Oldest unpaid",
            &format!("{day} ({age} hari / days)"),
            false,
        ),
        _ => doc.figure("Tertua belum lunas / Oldest unpaid", "-", false),
    }
}

/// The day report's sections on kasbon repaid, expenses and laba kotor.
pub fn day_sections(doc: &mut Report, report: &DayReport) {
    repayments_section(doc, report);

    expenses_section(doc, report);

    doc.heading("Laba kotor / Gross profit");
    let profit = &report.profit;
    doc.figure(
        "Penjualan ber-HPP / Sales with a cost",
        &profit.costed_net.to_string(),
        false,
    );
    doc.figure(
        "HPP / Cost of goods",
        &profit.cost_of_goods.to_string(),
        false,
    );
    doc.figure(
        "Laba kotor / Gross profit",
        &profit.gross_profit.to_string(),
        true,
    );
    if !report.uncosted.is_empty() {
        doc.figure(
            "Tanpa HPP (tidak dihitung) / Without a cost (not counted)",
            &profit.uncosted_net.to_string(),
            false,
        );
        for product in &report.uncosted {
            doc.line(
                9.0,
                false,
                &format!(
                    "   {} {} · {}",
                    product.sku, product.name, product.margin.uncosted_net
                ),
            );
        }
    }
}

/// Kasbon repaid during the day.
fn repayments_section(doc: &mut Report, report: &DayReport) {
    if !report.repayments.is_empty() {
        doc.heading("Bayar kasbon / Credit repaid");
        let columns = [
            Column::new(LEFT, 14.0, false),
            Column::new(LEFT + 16.0, 20.0, false),
            Column::new(LEFT + 38.0, 70.0, false),
            Column::new(LEFT + 110.0, 24.0, false),
            Column::new(RIGHT - 30.0, 30.0, true),
        ];
        let rows: Vec<Vec<String>> = report
            .repayments
            .iter()
            .map(|r| {
                vec![
                    time_of(&r.created_at),
                    r.customer.clone(),
                    r.name.clone(),
                    r.method.label().to_string(),
                    r.amount.to_string(),
                ]
            })
            .collect();
        doc.table(
            &columns,
            &["Jam", "Kode", "Pelanggan", "Cara", "Jumlah"],
            &rows,
            None,
        );
    }
}

/// The day's expenses.
fn expenses_section(doc: &mut Report, report: &DayReport) {
    if !report.expenses.is_empty() {
        doc.heading("Pengeluaran / Expenses");
        let columns = [
            Column::new(LEFT, 14.0, false),
            Column::new(LEFT + 16.0, 26.0, false),
            Column::new(LEFT + 44.0, 76.0, false),
            Column::new(LEFT + 122.0, 12.0, false),
            Column::new(RIGHT - 30.0, 30.0, true),
        ];
        let rows: Vec<Vec<String>> = report
            .expenses
            .iter()
            .map(|e| {
                vec![
                    time_of(&e.created_at),
                    e.category.label().to_string(),
                    e.note.clone().unwrap_or_default(),
                    if e.from_drawer { "laci" } else { "" }.to_string(),
                    e.amount.to_string(),
                ]
            })
            .collect();
        doc.table(
            &columns,
            &["Jam", "Kategori", "Catatan", "", "Jumlah"],
            &rows,
            None,
        );
    }
}

/// The centre report's kasbon, repayments and expenses by stall, when the
/// day had any.
pub fn centre_section(doc: &mut Report, day: &crate::office::centre::CentreDay) {
    let t = &day.totals;
    if !(t.kasbon.is_positive() || t.repayments.is_positive() || t.expenses.is_positive()) {
        return;
    }
    doc.heading("Kasbon dan pengeluaran / Credit and expenses");
    let columns = [
        Column::new(LEFT, 16.0, false),
        Column::new(LEFT + 17.0, 62.0, false),
        Column::new(LEFT + 80.0, 30.0, true),
        Column::new(LEFT + 112.0, 30.0, true),
        Column::new(RIGHT - 30.0, 30.0, true),
    ];
    let rows: Vec<Vec<String>> = day
        .stalls
        .iter()
        .map(|s| {
            vec![
                s.code.clone(),
                s.name.clone(),
                s.totals.kasbon.to_string(),
                s.totals.repayments.to_string(),
                s.totals.expenses.to_string(),
            ]
        })
        .collect();
    let total = vec![
        "Jumlah".into(),
        String::new(),
        t.kasbon.to_string(),
        t.repayments.to_string(),
        t.expenses.to_string(),
    ];
    doc.table(
        &columns,
        &["Kode", "Toko", "Kasbon", "Bayar kasbon", "Pengeluaran"],
        &rows,
        Some(total),
    );
}
