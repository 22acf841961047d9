//! The *kuitansi*: paper for money paid — a fee at the office, a payout to a
//! penitip, a customer's kasbon paid back. Each states the amount in figures
//! and in words (*terbilang*), as a kuitansi in Indonesia does so the figure
//! cannot be altered, carries a QR code of what it records, and has a line
//! for whoever received the money to sign.

use super::a4::{LEFT, Report};
use super::day_report::StallHeading;
use super::receipt::qr;
use super::tanda_terima::{Paper, roll};
use crate::domain::language::Language;
use crate::domain::{calendar, terbilang};
use crate::money::Rupiah;
use crate::office::fees::FeePayment;
use crate::store::{Payout, Repayment};

/// One kuitansi's words, whatever it is for.
pub struct Kuitansi {
    pub title: &'static str,
    /// Who issues it: the centre, or the stall.
    pub issuer: String,
    /// Number, who and when: the lines above the amount.
    pub head: Vec<(String, String)>,
    pub amount: Rupiah,
    /// How it was paid and what is left: the lines under the words.
    pub tail: Vec<(String, String)>,
    pub qr: String,
    /// Who paid and who received; the roll has room for the receiver only.
    pub payer: &'static str,
    pub receiver: &'static str,
}

/// The kuitansi as PDF bytes on `paper`, the words in `language`.
pub fn kuitansi_pdf(kuitansi: &Kuitansi, paper: Paper, language: Language) -> Vec<u8> {
    let mut lines: Vec<(String, Option<String>)> = kuitansi
        .head
        .iter()
        .map(|(label, value)| (label.clone(), Some(value.clone())))
        .collect();
    lines.push(("Jumlah / Amount".into(), Some(kuitansi.amount.to_string())));
    lines.push((
        "Terbilang / In words".into(),
        Some(terbilang::rupiah(kuitansi.amount, language)),
    ));
    lines.extend(
        kuitansi
            .tail
            .iter()
            .map(|(label, value)| (label.clone(), Some(value.clone()))),
    );
    match paper {
        Paper::A4 => {
            let mut report = Report::new(kuitansi.title, &kuitansi.issuer);
            report.line(14.0, true, kuitansi.title);
            report.line(10.0, false, &kuitansi.issuer);
            for (label, value) in &lines {
                report.figure(label, value.as_deref().unwrap_or_default(), false);
            }
            report.need(48.0);
            let y = report.y + 4.0;
            qr(report.sheet(), &kuitansi.qr, LEFT, y, 30.0);
            report.y = y + 32.0;
            report.signatures(&[kuitansi.payer, kuitansi.receiver]);
            report.finish()
        }
        Paper::Roll58 | Paper::Roll80 => {
            let (width, printable) = paper.roll();
            roll(
                &kuitansi.issuer,
                kuitansi.title,
                &lines,
                &kuitansi.qr,
                width,
                printable,
                kuitansi.title,
                kuitansi.receiver,
            )
        }
    }
}

/// A transfer's words: "Transfer REF", or "Tunai / Cash".
fn method_words(cash: bool, label: &str, reference: Option<&str>) -> String {
    match (cash, reference) {
        (true, _) => "Tunai / Cash".into(),
        (false, Some(reference)) => format!("{label} {reference}"),
        (false, None) => label.to_string(),
    }
}

/// The kuitansi for a fee paid at the office (*kuitansi retribusi*).
pub fn fee(centre: &str, payment: &FeePayment, language: Language) -> Kuitansi {
    let balance = if payment.balance.is_negative() {
        format!(
            "lebih bayar / paid ahead {}",
            Rupiah::new(-payment.balance.value())
        )
    } else {
        payment.balance.to_string()
    };
    Kuitansi {
        title: "KUITANSI RETRIBUSI / FEE RECEIPT",
        issuer: centre.to_string(),
        head: vec![
            ("Nomor / Number".into(), payment.number.clone()),
            (
                "Toko / Stall".into(),
                format!("{} {}", payment.stall, payment.stall_name),
            ),
            (
                "Waktu / Time".into(),
                calendar::stamp(&payment.paid_at, language),
            ),
        ],
        amount: payment.amount,
        tail: vec![
            (
                "Cara / Method".into(),
                method_words(
                    payment.method == "cash",
                    "Transfer",
                    payment.reference.as_deref(),
                ),
            ),
            ("Sisa retribusi / Balance".into(), balance),
        ],
        qr: format!(
            "SENTRA-RTB|{}|{}|{}",
            payment.number,
            payment.stall,
            payment.amount.value()
        ),
        payer: "Penjual / Vendor",
        receiver: "Pengelola / Manager",
    }
}

/// The stall's name and code as a kuitansi's issuer.
fn stall_issuer(stall: &StallHeading<'_>) -> String {
    format!("{} ({})", stall.name, stall.code)
}

/// The kuitansi for a payout to a penitip: the penitip signs for the money.
pub fn payout(stall: &StallHeading<'_>, payout: &Payout) -> Kuitansi {
    let number = format!("BYR-{}-{}", stall.code, payout.seq);
    Kuitansi {
        title: "KUITANSI BAYAR PENITIP / PAYOUT RECEIPT",
        issuer: stall_issuer(stall),
        head: vec![
            ("Nomor / Number".into(), number.clone()),
            (
                "Penitip / Producer".into(),
                format!("{} {}", payout.producer, payout.name),
            ),
            (
                "Waktu / Time".into(),
                calendar::stamp(&payout.created_at, stall.language),
            ),
        ],
        amount: payout.amount,
        tail: vec![
            (
                "Cara / Method".into(),
                method_words(
                    payout.method == crate::domain::consign::PayoutMethod::Cash,
                    payout.method.label(),
                    payout.reference.as_deref(),
                ),
            ),
            (
                "Saldo penitip / Still owed".into(),
                payout.balance.to_string(),
            ),
        ],
        qr: format!(
            "SENTRA-BYR|{number}|{}|{}",
            payout.producer,
            payout.amount.value()
        ),
        payer: "Penjual / Vendor",
        receiver: "Penitip / Producer",
    }
}

/// The kuitansi for kasbon paid back: the stall signs for the money.
pub fn repayment(stall: &StallHeading<'_>, repayment: &Repayment) -> Kuitansi {
    let number = format!("KSB-{}-{}", stall.code, repayment.seq);
    let mut tail = vec![(
        "Cara / Method".into(),
        method_words(
            repayment.method == crate::domain::payment::PaymentMethod::Cash,
            repayment.method.label(),
            repayment.reference.as_deref(),
        ),
    )];
    if let Some(balance) = repayment.balance {
        tail.push(("Sisa kasbon / Still owed".into(), balance.to_string()));
    }
    Kuitansi {
        title: "KUITANSI BAYAR KASBON / CREDIT REPAYMENT",
        issuer: stall_issuer(stall),
        head: vec![
            ("Nomor / Number".into(), number.clone()),
            (
                "Pelanggan / Customer".into(),
                format!("{} {}", repayment.customer, repayment.name),
            ),
            (
                "Waktu / Time".into(),
                calendar::stamp(&repayment.created_at, stall.language),
            ),
        ],
        amount: repayment.amount,
        tail,
        qr: format!(
            "SENTRA-KSB|{number}|{}|{}",
            repayment.customer,
            repayment.amount.value()
        ),
        payer: "Pelanggan / Customer",
        receiver: "Penjual / Vendor",
    }
}
