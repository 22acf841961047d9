//! The month's books on A4, as a bank or the Dinas asks for them: the
//! laporan posisi keuangan, the laporan laba rugi and the catatan atas
//! laporan keuangan (CALK), titled as SAK EMKM asks, with the stall's
//! identity and period and a place to sign.

use time::Month;

use super::a4::{Column, LEFT, RIGHT, Report};
use crate::books::MonthBooks;
use crate::books::lines::{self, Line, POLICIES};
use crate::domain::calendar;
use crate::domain::language::Language;

fn period_name(books: &MonthBooks, language: Language) -> String {
    let (year, month) = books.statements.period.split_at(4);
    let month = month
        .trim_start_matches('-')
        .parse::<u8>()
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .map(|m| calendar::month(m, language))
        .unwrap_or_default();
    format!("{month} {year}")
}

fn statement(doc: &mut Report, lines: &[Line], with_ytd: bool) {
    let (month_x, year_x) = if with_ytd {
        (RIGHT - 80.0, RIGHT - 38.0)
    } else {
        (RIGHT - 38.0, RIGHT - 80.0)
    };
    let amount = Column {
        x: month_x,
        width: 38.0,
        right: true,
    };
    let ytd = Column {
        x: year_x,
        width: 38.0,
        right: true,
    };
    let label = Column {
        x: LEFT,
        width: if with_ytd { 90.0 } else { 120.0 },
        right: false,
    };
    if with_ytd {
        doc.row(
            &[label, amount, ytd],
            &[String::new(), "Bulan ini".into(), "Sejak Januari".into()],
            true,
        );
    }
    for line in lines {
        doc.need(8.0);
        if line.heading {
            doc.y += 2.0;
            doc.row(&[label], &[format!("{} / {}", line.id, line.en)], true);
            continue;
        }
        if line.total {
            doc.y += 1.0;
            let y = doc.y + 1.0;
            doc.sheet().line(RIGHT - 80.0, y, RIGHT, y, 0.3);
        }
        let mut cells = vec![
            format!("{} / {}", line.id, line.en),
            line.amount.to_string(),
        ];
        let mut columns = vec![label, amount];
        if let Some(year) = line.year_to_date {
            cells.push(year.to_string());
            columns.push(ytd);
        }
        doc.row(&columns, &cells, line.total);
    }
}

fn notes(doc: &mut Report, books: &MonthBooks, language: Language) {
    doc.heading("Catatan atas Laporan Keuangan / Notes to the Financial Statements");
    doc.line(9.5, true, "1. Umum / General");
    let mut general = format!("{} ({})", books.stall, books.stall_code);
    if let Some(regency) = &books.regency {
        general.push_str(&format!(", {regency}, Lampung"));
    }
    if let Some(owner) = &books.owner {
        general.push_str(&format!("; pemilik / owner: {owner}"));
    }
    wrapped(doc, &general);
    doc.line(
        9.5,
        true,
        "2. Dasar penyusunan dan kebijakan / Basis and policies",
    );
    for (index, (id, en)) in POLICIES.iter().enumerate() {
        wrapped(doc, &format!("{}. {id}", index + 1));
        wrapped(doc, &format!("    {en}"));
    }
    registers(doc, books, language);
}

/// Notes 3 to 5: the saldo awal, the fixed assets (and the products sold
/// without an HPP), the bank loans.
fn registers(doc: &mut Report, books: &MonthBooks, language: Language) {
    let day = |iso: &str| calendar::short_day(iso, language);
    doc.line(9.5, true, "3. Saldo awal / Opening balances");
    match &books.opening {
        Some(o) => wrapped(
            doc,
            &format!(
                "Per {}: kas {}, bank {}, persediaan (biaya) {}, modal {}. Modal di laporan posisi keuangan menambahkan barang dan aset yang dibayar pemilik, dan saldo piutang, utang, aset dan pinjaman dari sebelum tanggal ini.",
                day(&o.day),
                o.cash,
                o.bank,
                o.inventory,
                o.equity
            ),
        ),
        None => wrapped(
            doc,
            "Tidak ada saldo awal: buku dimulai dari catatan pertama. / No opening balances: the books start at the first record.",
        ),
    }
    doc.line(9.5, true, "4. Aset tetap / Fixed assets");
    if books.assets.is_empty() {
        wrapped(doc, "Tidak ada. / None.");
    }
    for note in &books.assets {
        wrapped(
            doc,
            &format!(
                "{} — dibeli {}, biaya {}, umur {} bulan; akumulasi penyusutan {}, nilai buku {}.",
                note.asset.name,
                day(&note.asset.day),
                note.asset.cost,
                note.asset.life_months,
                note.depreciated,
                note.book_value
            ),
        );
    }
    if !books.uncosted.is_empty() {
        doc.line(9.5, true, "Produk tanpa HPP / Products without a cost");
        wrapped(
            doc,
            &format!(
                "Terjual bulan ini tanpa HPP, jadi penjualannya dihitung penuh sebagai laba kotor: {}. / Sold this month with no cost recorded: their sales count in full as gross profit.",
                books.uncosted.join(", ")
            ),
        );
    }
    doc.line(9.5, true, "5. Utang bank / Bank loans");
    if books.loans.is_empty() {
        wrapped(doc, "Tidak ada. / None.");
    }
    for loan in &books.loans {
        wrapped(
            doc,
            &format!(
                "{} {} — diterima {}, pokok {}; dibayar pokok {}, bunga {}; sisa {}.",
                loan.code,
                loan.lender,
                day(&loan.day),
                loan.amount,
                loan.principal_paid,
                loan.interest_paid,
                loan.left
            ),
        );
    }
}

fn wrapped(doc: &mut Report, text: &str) {
    let lines = doc.fonts.wrap(text, 9.0, false, RIGHT - LEFT);
    for line in lines {
        doc.line(9.0, false, &line);
    }
}

/// The three statements as PDF bytes; `printed_at` goes in the footer.
pub fn month_books_pdf(books: &MonthBooks, language: Language, printed_at: &str) -> Vec<u8> {
    let period = period_name(books, language);
    let title = format!("Laporan Keuangan {} {}", books.stall_code, period);
    let mut doc = Report::new(
        &title,
        &format!("Sentra · {} · dicetak {printed_at}", books.stall),
    );
    doc.line(16.0, true, "Laporan Keuangan / Financial Statements");
    doc.line(
        12.0,
        true,
        &format!("{} ({})", books.stall, books.stall_code),
    );
    doc.line(
        9.5,
        false,
        &format!(
            "Disusun mengacu pada SAK EMKM · Periode {period} ({} s.d. {})",
            calendar::short_day(&books.statements.from, language),
            calendar::short_day(&books.statements.to, language)
        ),
    );
    doc.heading(&format!(
        "Laporan Posisi Keuangan / Statement of Financial Position — per {}",
        calendar::short_day(&books.statements.to, language)
    ));
    statement(&mut doc, &lines::position(books), false);
    doc.y += 4.0;
    doc.heading(&format!("Laporan Laba Rugi / Income Statement — {period}"));
    statement(&mut doc, &lines::income(books), true);
    doc.y += 4.0;
    notes(&mut doc, books, language);
    doc.signatures(&["Pemilik / Owner", "Disiapkan oleh / Prepared by"]);
    doc.finish()
}
