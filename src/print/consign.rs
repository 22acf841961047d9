//! Titip jual on A4: the handover note (*berita acara serah terima*) with
//! its two signature lines, a producer's statement (*laporan titip jual*),
//! and the office's report of the centre's producers.

use super::a4::{BODY, Column, LEFT, RIGHT, Report};
use super::day_report::StallHeading;
use crate::office::producers::ProducersReport;
use crate::store::{HandoverKind, HandoverNote, ProducerStatement};

/// Writes `text` wrapped to the page's width.
fn paragraph(doc: &mut Report, text: &str) {
    wrapped(doc, BODY, text);
}

fn wrapped(doc: &mut Report, size: f32, text: &str) {
    let lines = doc.fonts.wrap(text, size, false, RIGHT - LEFT);
    for line in lines {
        doc.line(size, false, &line);
    }
}

/// Signature lines side by side, each with who signs in what role under it.
fn signatures(doc: &mut Report, who: &[(&str, &str)]) {
    doc.need(40.0);
    doc.y += 26.0;
    let y = doc.y;
    let slot = (RIGHT - LEFT) / who.len().max(1) as f32;
    for (index, (role, name)) in who.iter().enumerate() {
        let x = LEFT + index as f32 * slot;
        let sheet = doc.sheet();
        sheet.line(x + 4.0, y, x + slot - 8.0, y, 0.4);
        sheet.text(x + 4.0, y + 4.5, BODY, false, role);
        sheet.text(x + 4.0, y + 9.5, BODY, true, name);
    }
    doc.y += 12.0;
}

/// A column at `x` mm from the left margin.
fn column(x: f32, width: f32, right: bool) -> Column {
    Column::new(LEFT + x, width, right)
}

/// A handover note as PDF bytes.
pub fn handover_note_pdf(
    stall: &StallHeading<'_>,
    note: &HandoverNote,
    printed_at: &str,
) -> Vec<u8> {
    let mut doc = Report::new(
        &format!("Berita Acara Serah Terima {}", note.number),
        &format!("Sentra · {} · dicetak {printed_at}", stall.name),
    );
    handover_opening(&mut doc, note, stall);

    parties_section(&mut doc, note, stall);

    let producer = &note.producer;
    let (giver, taker) = match note.kind {
        HandoverKind::Intake => (producer.name.as_str(), stall.name),
        HandoverKind::Handback => (stall.name, producer.name.as_str()),
    };
    goods_section(&mut doc, note, giver, taker);
    if let Some(text) = &note.note {
        doc.heading("Catatan / Note");
        paragraph(&mut doc, text);
    }
    signatures(
        &mut doc,
        &[
            ("Yang menyerahkan / Handed over by", giver),
            ("Yang menerima / Received by", taker),
        ],
    );
    doc.finish()
}

/// The note's title, number, which way the goods went, and its date.
fn handover_opening(doc: &mut Report, note: &HandoverNote, stall: &StallHeading<'_>) {
    doc.line(15.0, true, "Berita Acara Serah Terima Barang Titipan");
    doc.line(10.0, false, "Consignment handover note");
    doc.line(12.0, true, &note.number);
    let (what, english) = match note.kind {
        HandoverKind::Intake => ("Terima titipan", "goods received from the producer"),
        HandoverKind::Handback => ("Retur ke penitip", "unsold goods handed back"),
    };
    doc.line(BODY, true, &format!("{what} / {english}"));
    doc.line(
        BODY,
        false,
        &format!(
            "Tanggal / Date: {}",
            crate::domain::calendar::stamp(&note.created_at, stall.language)
        ),
    );
}

/// The sentence of who handed what to whom, the goods' table and their count.
fn goods_section(doc: &mut Report, note: &HandoverNote, giver: &str, taker: &str) {
    doc.heading("Barang / Goods");
    paragraph(
        doc,
        &format!(
            "Pada tanggal {} {giver} menyerahkan kepada {taker} barang berikut dalam keadaan baik. \
             On this date {giver} handed the goods below to {taker} in good condition.",
            note.day
        ),
    );
    let columns = [
        column(0.0, 8.0, true),
        column(11.0, 30.0, false),
        column(43.0, 90.0, false),
        column(135.0, 24.0, true),
        column(161.0, 13.0, false),
    ];
    let rows: Vec<Vec<String>> = note
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            vec![
                (index + 1).to_string(),
                line.sku.clone(),
                line.name.clone(),
                line.quantity.to_string(),
                line.unit.clone(),
            ]
        })
        .collect();
    doc.table(
        &columns,
        &["No", "SKU", "Nama barang / Item", "Jumlah", "Satuan"],
        &rows,
        None,
    );
    doc.y += 2.0;
    doc.line(
        BODY,
        false,
        &format!("{} jenis barang / items", note.lines.len()),
    );
}

/// Who hands the goods over and who takes them.
fn parties_section(doc: &mut Report, note: &HandoverNote, stall: &StallHeading<'_>) {
    doc.heading("Pihak / Parties");
    let producer = &note.producer;
    doc.figure(
        "Toko / Stall",
        &format!("{} ({}), {}", stall.name, stall.code, stall.regency),
        false,
    );
    doc.figure(
        "Penitip / Producer",
        &format!("{} ({})", producer.name, producer.code),
        false,
    );
    doc.figure("Asal / Regency of origin", &producer.regency_name, false);
    if let Some(nib) = &producer.nib {
        doc.figure("NIB", nib, false);
    }
    if let Some(phone) = &producer.phone {
        doc.figure("Telepon / Phone", phone, false);
    }
}

/// A producer's statement as PDF bytes.
pub fn statement_pdf(
    stall: &StallHeading<'_>,
    statement: &ProducerStatement,
    printed_at: &str,
) -> Vec<u8> {
    let producer = &statement.producer;
    let period = format!(
        "{} s/d {}",
        statement.from.as_deref().unwrap_or("awal"),
        statement.to
    );
    let mut doc = Report::new(
        &format!("Laporan Titip Jual {} {}", producer.code, statement.to),
        &format!("Sentra · {} · dicetak {printed_at}", stall.name),
    );
    doc.line(15.0, true, "Laporan Titip Jual / Consignment Statement");
    doc.line(
        12.0,
        true,
        &format!(
            "{} ({}) · {}",
            producer.name, producer.code, producer.regency_name
        ),
    );
    doc.line(
        BODY,
        false,
        &format!(
            "Toko / Stall: {} ({}) · Periode / Period: {period}",
            stall.name, stall.code
        ),
    );
    if let Some(nib) = &producer.nib {
        doc.line(BODY, false, &format!("NIB {nib}"));
    }
    if let Some(bank) = &producer.bank {
        doc.line(BODY, false, &format!("Rekening / Bank: {bank}"));
    }

    stock_section(&mut doc, statement);

    money_section(&mut doc, statement);

    payouts_section(&mut doc, statement, stall);

    if !statement.notes.is_empty() {
        doc.heading("Serah terima / Handover notes");
        for (number, kind, day) in &statement.notes {
            doc.line(BODY, false, &format!("{day}  {number}  {}", kind.title()));
        }
    }
    signatures(
        &mut doc,
        &[
            ("Penitip / Producer", producer.name.as_str()),
            ("Toko / Stall", stall.name),
        ],
    );
    doc.finish()
}

/// Each product's stock: opening, received, sold, returned, left.
fn stock_section(doc: &mut Report, statement: &ProducerStatement) {
    doc.heading("Stok / Stock");
    let stock = [
        column(0.0, 62.0, false),
        column(63.0, 15.0, true),
        column(79.0, 15.0, true),
        column(95.0, 15.0, true),
        column(111.0, 15.0, true),
        column(127.0, 15.0, true),
        column(143.0, 15.0, true),
        column(159.0, 15.0, true),
    ];
    let rows: Vec<Vec<String>> = statement
        .products
        .iter()
        .map(|p| {
            vec![
                format!("{} {}", p.sku, p.name),
                p.opening.to_string(),
                p.received.to_string(),
                p.sold.to_string(),
                p.buyer_returns.to_string(),
                p.returned.to_string(),
                p.adjusted.to_string(),
                p.remaining.to_string(),
            ]
        })
        .collect();
    doc.table(
        &stock,
        &[
            "Barang", "Awal", "Terima", "Terjual", "Retur", "Kembali", "Lain", "Sisa",
        ],
        &rows,
        None,
    );
    doc.y += 2.0;
    wrapped(
        doc,
        7.5,
        "Awal = opening · Terima = received · Terjual = sold · Retur = dikembalikan pembeli, \
         returned by buyers · Kembali = dikembalikan ke penitip, handed back to the producer · \
         Lain = penyesuaian dan stok opname, other changes · Sisa = remaining",
    );
}

/// What the goods sold for, what the producer is owed and was paid.
fn money_section(doc: &mut Report, statement: &ProducerStatement) {
    doc.heading("Uang / Money");
    let money = [
        column(0.0, 100.0, false),
        column(104.0, 34.0, true),
        column(140.0, 34.0, true),
    ];
    let rows: Vec<Vec<String>> = statement
        .products
        .iter()
        .map(|p| {
            vec![
                format!("{} {}", p.sku, p.name),
                p.sales_value.to_string(),
                p.owed.to_string(),
            ]
        })
        .collect();
    doc.table(
        &money,
        &["Barang", "Nilai jual", "Hak penitip"],
        &rows,
        Some(vec![
            "Jumlah / Total".into(),
            statement.sales_value.to_string(),
            statement.owed.to_string(),
        ]),
    );
    doc.y += 3.0;
    doc.figure(
        "Saldo awal / Opening balance",
        &statement.opening_balance.to_string(),
        false,
    );
    doc.figure("Hak penitip / Owed", &statement.owed.to_string(), false);
    doc.figure("Dibayar / Paid", &statement.paid.to_string(), false);
    doc.figure(
        "Saldo akhir / Balance",
        &statement.balance.to_string(),
        true,
    );
}

/// Each payout to the producer.
fn payouts_section(doc: &mut Report, statement: &ProducerStatement, stall: &StallHeading<'_>) {
    if !statement.payouts.is_empty() {
        doc.heading("Pembayaran / Payouts");
        let columns = [
            column(0.0, 34.0, false),
            column(36.0, 24.0, false),
            column(62.0, 76.0, false),
            column(140.0, 34.0, true),
        ];
        let rows: Vec<Vec<String>> = statement
            .payouts
            .iter()
            .map(|p| {
                vec![
                    crate::domain::calendar::stamp(&p.created_at, stall.language),
                    p.method.label().to_string(),
                    p.reference.clone().unwrap_or_default(),
                    p.amount.to_string(),
                ]
            })
            .collect();
        doc.table(
            &columns,
            &["Waktu", "Cara", "Referensi", "Jumlah"],
            &rows,
            None,
        );
        doc.y += 2.0;
    }
}

/// The centre's producers as PDF bytes (office).
pub fn producers_report_pdf(
    centre_name: &str,
    report: &ProducersReport,
    printed_at: &str,
) -> Vec<u8> {
    let period = format!(
        "{} s/d {}",
        report.from.as_deref().unwrap_or("awal"),
        report.to.as_deref().unwrap_or("hari ini")
    );
    let mut doc = Report::new(
        "Laporan Penitip Sentra",
        &format!("Sentra · {centre_name} · dicetak {printed_at}"),
    );
    doc.line(15.0, true, "Penitip Sentra / The Centre's Producers");
    doc.line(12.0, true, centre_name);
    doc.line(
        BODY,
        false,
        &format!(
            "Periode / Period: {period} · {} penitip / producers",
            report.totals.producers
        ),
    );

    doc.heading("Ringkasan / Summary");
    doc.figure("Nilai jual / Sold", &report.totals.sold.to_string(), false);
    doc.figure("Hak penitip / Owed", &report.totals.owed.to_string(), false);
    doc.figure("Dibayar / Paid", &report.totals.paid.to_string(), false);
    doc.figure("Saldo / Balance", &report.totals.balance.to_string(), true);

    regencies_section(&mut doc, report);

    producers_section(&mut doc, report);

    doc.finish()
}

/// The producers' figures by their regency of origin.
fn regencies_section(doc: &mut Report, report: &ProducersReport) {
    doc.heading("Per asal penitip / By producers' regency of origin");
    let bars: Vec<_> = report
        .regencies
        .iter()
        .map(|r| (r.regency.to_string(), r.sold))
        .collect();
    if !bars.is_empty() {
        doc.bars(&bars, 28.0);
    }
    let regency_columns = [
        column(0.0, 56.0, false),
        column(57.0, 16.0, true),
        column(74.0, 12.0, true),
        column(88.0, 28.0, true),
        column(117.0, 28.0, true),
        column(146.0, 28.0, true),
    ];
    let rows: Vec<Vec<String>> = report
        .regencies
        .iter()
        .map(|r| {
            vec![
                format!("{} {}", r.regency, r.regency_name),
                r.producers.to_string(),
                r.stalls.to_string(),
                r.sold.to_string(),
                r.owed.to_string(),
                r.balance.to_string(),
            ]
        })
        .collect();
    doc.table(
        &regency_columns,
        &[
            "Kabupaten/kota",
            "Penitip",
            "Toko",
            "Nilai jual",
            "Hak",
            "Saldo",
        ],
        &rows,
        None,
    );
    doc.y += 2.0;
}

/// Each producer's figures.
fn producers_section(doc: &mut Report, report: &ProducersReport) {
    doc.heading("Per penitip / By producer");
    let columns = [
        column(0.0, 44.0, false),
        column(45.0, 25.0, false),
        column(71.0, 22.0, false),
        column(94.0, 26.0, true),
        column(121.0, 26.0, true),
        column(148.0, 26.0, true),
    ];
    let rows: Vec<Vec<String>> = report
        .producers
        .iter()
        .map(|p| {
            vec![
                p.producer.clone(),
                p.regency_name.clone(),
                p.stalls.join(" "),
                p.sold.to_string(),
                p.paid.to_string(),
                p.balance.to_string(),
            ]
        })
        .collect();
    doc.table(
        &columns,
        &["Penitip", "Asal", "Toko", "Nilai jual", "Dibayar", "Saldo"],
        &rows,
        Some(vec![
            "Jumlah / Total".into(),
            String::new(),
            String::new(),
            report.totals.sold.to_string(),
            report.totals.paid.to_string(),
            report.totals.balance.to_string(),
        ]),
    );
    doc.y += 2.0;
    wrapped(
        doc,
        7.5,
        "Penitip dengan NIB yang sama di beberapa toko dihitung satu; toko ditulis TOKO/KODE. \
         Producers with the same NIB are merged across stalls; stalls are written STALL/CODE.",
    );
}

/// The day report's section on payouts to producers (cash and transfer).
pub fn day_section(doc: &mut Report, report: &crate::store::DayReport) {
    if report.producer_payouts.is_empty() {
        return;
    }
    doc.heading("Bayar penitip / Producer payouts");
    let columns = [
        column(0.0, 14.0, false),
        column(16.0, 80.0, false),
        column(98.0, 44.0, false),
        column(144.0, 30.0, true),
    ];
    let rows: Vec<Vec<String>> = report
        .producer_payouts
        .iter()
        .map(|p| {
            let how = match &p.reference {
                Some(reference) => format!("{} {reference}", p.method.label()),
                None => p.method.label().to_string(),
            };
            vec![
                p.created_at.get(11..16).unwrap_or_default().to_string(),
                format!("{} {}", p.producer, p.name),
                how,
                p.amount.to_string(),
            ]
        })
        .collect();
    doc.table(&columns, &["Jam", "Penitip", "Cara", "Jumlah"], &rows, None);
}
