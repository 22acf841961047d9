//! One definition of a well-formed record: every figure adds up, every
//! amount and quantity is within its bounds, every name is printable, and the
//! record belongs to its stall and its day. The stall checks each record
//! before it writes or exports it; the office checks each record before it
//! imports it. A stall's key proves who wrote a file, not that it is honest.

use std::collections::HashMap;

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use super::consign;
use super::limits::{
    MAX_LINES, MAX_NOTE_CHARS, MAX_PAYMENTS, check_amount, check_price, check_quantity,
    is_printable, is_printable_or_empty,
};
use super::payment::PaymentMethod;
use super::record::{
    ConsignedLineRecord, DayCloseRecord, EVENT_KINDS, EventRecord, ExpenseRecord, PayoutRecord,
    ProducerInfo, REPAYMENT_METHODS, RepaymentRecord, ReturnRecord, SaleLineRecord, SaleRecord,
    VoidRecord,
};
use crate::money::{Quantity, Rupiah};

/// The rule a record broke, said in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordRule {
    #[error("id \"{0}\" bukan UUID")]
    Id(String),
    #[error("nomor urut {0} di luar batas (1 sampai 1.000.000.000)")]
    Seq(i64),
    #[error("tanggal \"{0}\" tidak terbaca (YYYY-MM-DD)")]
    Day(String),
    #[error("waktu \"{0}\" tidak terbaca (RFC 3339)")]
    Time(String),
    #[error("tanggal {day} bukan tanggal setempat dari waktunya {time}")]
    DayNotOfTime { day: String, time: String },
    #[error("tanggal {day} di luar rentang yang mungkin (2000-01-01 s/d {latest})")]
    DayOutOfRange { day: String, latest: String },
    #[error("nomor nota \"{receipt}\" bukan milik toko {stall} pada tanggal {day}")]
    Receipt {
        receipt: String,
        stall: String,
        day: String,
    },
    #[error("nota tanpa baris barang")]
    NoLines,
    #[error("terlalu banyak baris ({0}; paling banyak {MAX_LINES})")]
    TooManyLines(usize),
    #[error("nomor baris harus berurutan 1, 2, 3 …: baris ke-{position} bernomor {found}")]
    LineNumber { position: usize, found: i64 },
    #[error("baris {line}: SKU, nama, kategori atau satuan tidak sah")]
    LineText { line: i64 },
    #[error("baris {line}: {rule}")]
    LineBound {
        line: i64,
        rule: super::limits::LimitError,
    },
    #[error("baris {line}: kuantitas {quantity} tidak sesuai satuan {unit}")]
    LineUnit {
        line: i64,
        quantity: Quantity,
        unit: String,
    },
    #[error("baris {line}: bruto {found} bukan harga × kuantitas ({expected})")]
    LineGross {
        line: i64,
        found: Rupiah,
        expected: Rupiah,
    },
    #[error("baris {line}: diskon {discount} di luar 0 s/d bruto {gross}")]
    LineDiscount {
        line: i64,
        discount: Rupiah,
        gross: Rupiah,
    },
    #[error("baris {line}: neto {found} bukan bruto − diskon − bagian diskon nota ({expected})")]
    LineNet {
        line: i64,
        found: Rupiah,
        expected: Rupiah,
    },
    #[error("{field} {found} bukan jumlah baris-barisnya ({expected})")]
    Sum {
        field: &'static str,
        found: Rupiah,
        expected: Rupiah,
    },
    #[error("PPN {tax} di luar 0 s/d neto {net}")]
    Tax { tax: Rupiah, net: Rupiah },
    #[error("total {found} bukan jumlah neto baris ({net}) atau neto + PPN")]
    Total { found: Rupiah, net: Rupiah },
    #[error("{field}: {rule}")]
    Bound {
        field: &'static str,
        rule: super::limits::LimitError,
    },
    #[error("terlalu banyak pembayaran ({0}; paling banyak {MAX_PAYMENTS})")]
    TooManyPayments(usize),
    #[error("cara bayar \"{0}\" tidak dikenal (cash, qris, transfer, card, kasbon)")]
    Method(String),
    #[error("pembayaran {method}: diserahkan {tendered} kurang dari {amount}")]
    Tendered {
        method: String,
        tendered: Rupiah,
        amount: Rupiah,
    },
    #[error("pembayaran non-tunai {method}: diserahkan {tendered} harus sama dengan {amount}")]
    NonCashTendered {
        method: String,
        tendered: Rupiah,
        amount: Rupiah,
    },
    #[error("pembayaran berjumlah {paid}, bukan total {total}")]
    Payments { paid: Rupiah, total: Rupiah },
    #[error("keterangan atau referensi kosong, terlalu panjang atau berisi karakter tersembunyi")]
    Text,
    #[error("retur tanpa baris")]
    NoReturnLines,
    #[error("retur baris {line}: baris itu tidak ada di nota")]
    ReturnLine { line: i64 },
    #[error("retur baris {line}: {returned} melebihi yang terjual {sold}")]
    ReturnTooMuch {
        line: i64,
        returned: Quantity,
        sold: Quantity,
    },
    #[error("retur baris {line}: nilai {found} bukan bagian neto barisnya ({expected})")]
    ReturnAmount {
        line: i64,
        found: Rupiah,
        expected: Rupiah,
    },
    #[error("uang kembali {refund} melebihi nilai barang yang diretur {worth}")]
    RefundTooMuch { refund: Rupiah, worth: Rupiah },
    #[error("retur baris {line} muncul dua kali dalam satu retur")]
    ReturnLineTwice { line: i64 },
    #[error(
        "pembatalan {time} bukan pada hari dan setelah penjualannya ({sale_time}): nota hanya dibatalkan pada harinya"
    )]
    VoidNotOnSaleDay { time: String, sale_time: String },
    #[error("retur bertanggal {day}, sebelum penjualannya ({sale_day})")]
    ReturnBeforeSale { day: String, sale_day: String },
    #[error(
        "tutup kasir: seharusnya {found} bukan kas awal + masuk − keluar − bayar penitip tunai + bayar kasbon tunai − pengeluaran dari laci ({expected})"
    )]
    Expected { found: Rupiah, expected: Rupiah },
    #[error("tutup kasir: selisih {found} bukan dihitung − seharusnya ({expected})")]
    Difference { found: Rupiah, expected: Rupiah },
    #[error("tutup kasir: jumlah nota {0} tidak boleh negatif")]
    SalesCount(i64),
    #[error("jenis kejadian \"{0}\" tidak dikenal")]
    EventKind(String),
    #[error("buka kembali hari: \"{0}\" tidak menyebut hari yang sudah lewat")]
    ReopenDetail(String),
    #[error("buka kembali hari {0}: hari itu belum pernah ditutup")]
    ReopenWithoutClose(String),
    #[error(
        "pemulihan cadangan: \"{0}\" tidak menyebut nomor yang dilepas antara cadangan dan pemulihannya"
    )]
    RestoreDetail(String),
    #[error(
        "hari {0} sudah ditutup (tutup kasir) dan tidak dibuka kembali oleh manajer sebelum catatan ini"
    )]
    AfterClose(String),
    #[error("penitip \"{code}\": {rule}")]
    Producer {
        code: String,
        rule: super::consign::ConsignError,
    },
    #[error("penitip \"{0}\" disebut dua kali dalam berkas ini")]
    ProducerTwice(String),
    #[error("penitip \"{0}\" tidak dikenal toko ini (tidak ada di berkas ini maupun di kantor)")]
    UnknownProducer(String),
    #[error("titipan baris {line}: baris itu tidak ada di nota")]
    ConsignedLine { line: i64 },
    #[error("titipan baris {line}: disebut dua kali")]
    ConsignedLineTwice { line: i64 },
    #[error("titipan baris {line}: dasar \"{basis}\" dengan tarif {rate} tidak dikenal")]
    ConsignedTerms { line: i64, basis: String, rate: i64 },
    #[error("titipan baris {line}: utang ke penitip {owed} melebihi neto barisnya {net}")]
    OwedAboveNet {
        line: i64,
        owed: Rupiah,
        net: Rupiah,
    },
    #[error(
        "titipan baris {line}: utang ke penitip {found} bukan hasil syarat titipnya ({expected})"
    )]
    OwedNotTerms {
        line: i64,
        found: Rupiah,
        expected: Rupiah,
    },
    #[error("bayar penitip: {0}")]
    Payout(super::consign::ConsignError),
    #[error("pelanggan \"{code}\": {rule}")]
    Customer {
        code: String,
        rule: super::customer::CustomerError,
    },
    #[error("pembayaran kasbon tanpa pelanggan")]
    KasbonWithoutCustomer,
    #[error("pembayaran {method} menyebut pelanggan: hanya kasbon yang atas nama pelanggan")]
    CustomerWithoutKasbon { method: String },
    #[error("lebih dari satu pembayaran kasbon dalam satu nota")]
    SeveralKasbon,
    #[error("uang kembali ke kasbon untuk nota yang tidak dibayar dengan kasbon")]
    KasbonRefundWithoutKasbon,
    #[error("uang kembali ke kasbon {refund} melebihi kasbon nota yang tersisa ({left})")]
    KasbonRefundTooMuch { refund: Rupiah, left: Rupiah },
    #[error("bayar kasbon dengan \"{0}\": hanya cash, qris atau transfer")]
    RepaymentMethod(String),
    #[error("{field} harus lebih dari nol")]
    NotPositive { field: &'static str },
    #[error("kategori pengeluaran \"{0}\" tidak dikenal")]
    ExpenseCategory(String),
    #[error(
        "harga baru untuk catatan nomor {0} dan sesudahnya, yang sudah diterima kantor sebelumnya"
    )]
    PriceTooLate(i64),
    #[error("harga produk \"{sku}\" tidak sah: {problem}")]
    Price { sku: String, problem: String },
    #[error(
        "baris {line} ({sku}): harga satuan {found} bukan harga produk pada waktu itu ({expected} untuk jumlah ini)"
    )]
    LinePrice {
        line: i64,
        sku: String,
        found: Rupiah,
        expected: Rupiah,
    },
}

/// What a record is checked against besides itself.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The stall whose key signed the records (or whose book holds them).
    pub stall: &'a str,
    /// The latest business day a record may carry: today + 1, so a stall a
    /// few hours ahead of the office is not refused.
    pub latest_day: Date,
}

/// The first day a record may carry.
const FIRST_DAY: Date = match Date::from_calendar_date(2000, time::Month::January, 1) {
    Ok(day) => day,
    Err(_) => panic!("2000-01-01 is a date"),
};

fn check_id(id: &str) -> Result<(), RecordRule> {
    // Canonical lowercase hyphenated form only: one id, one spelling.
    match uuid::Uuid::parse_str(id) {
        Ok(parsed) if parsed.hyphenated().to_string() == id => Ok(()),
        _ => Err(RecordRule::Id(id.to_string())),
    }
}

fn check_seq(seq: i64) -> Result<(), RecordRule> {
    if (1..=crate::domain::limits::MAX_SEQ).contains(&seq) {
        Ok(())
    } else {
        Err(RecordRule::Seq(seq))
    }
}

/// The one rule for any time a record or file carries: RFC 3339, and its
/// local date neither before 2000 nor after `latest_day`. Used for every
/// record's `created_at` and for the file's own, which orders producers'
/// descriptions at the office.
pub fn check_time(created_at: &str, context: &Context) -> Result<OffsetDateTime, RecordRule> {
    let time = OffsetDateTime::parse(created_at, &Rfc3339)
        .map_err(|_| RecordRule::Time(created_at.chars().take(40).collect()))?;
    if time.date() < FIRST_DAY || time.date() > context.latest_day {
        return Err(RecordRule::DayOutOfRange {
            day: time.date().to_string(),
            latest: context.latest_day.to_string(),
        });
    }
    Ok(time)
}

/// The day and time of a record: both readable, the day is the time's local
/// date, and the day is neither before 2000 nor after `latest_day`.
fn check_when(day: &str, created_at: &str, context: &Context) -> Result<Date, RecordRule> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = Date::parse(day, &format).map_err(|_| RecordRule::Day(day.to_string()))?;
    let time = check_time(created_at, context)?;
    if time.date() != date {
        return Err(RecordRule::DayNotOfTime {
            day: day.to_string(),
            time: created_at.to_string(),
        });
    }
    if date < FIRST_DAY || date > context.latest_day {
        return Err(RecordRule::DayOutOfRange {
            day: day.to_string(),
            latest: context.latest_day.to_string(),
        });
    }
    Ok(date)
}

fn bound(field: &'static str, amount: Rupiah) -> Result<(), RecordRule> {
    check_amount(amount).map_err(|rule| RecordRule::Bound { field, rule })
}

fn sum(
    field: &'static str,
    found: Rupiah,
    parts: impl Iterator<Item = Rupiah>,
) -> Result<Rupiah, RecordRule> {
    // Every part is bounded and there are at most MAX_LINES of them: no overflow.
    let expected = Rupiah::sum(parts).map_err(|_| RecordRule::Bound {
        field,
        rule: super::limits::LimitError::Amount(found),
    })?;
    if found == expected {
        Ok(expected)
    } else {
        Err(RecordRule::Sum {
            field,
            found,
            expected,
        })
    }
}

fn check_line(line: &SaleLineRecord, position: usize) -> Result<(), RecordRule> {
    let number = line.line_no;
    if number != position as i64 {
        return Err(RecordRule::LineNumber {
            position,
            found: number,
        });
    }
    let unit = super::unit::Unit::parse(&line.unit);
    if super::product::validate_sku(&line.sku).is_err()
        || super::product::validate_name(&line.name).is_err()
        || super::product::validate_category(&line.category).is_err()
        || !is_printable(&line.name, 120)
        || !is_printable(&line.category, 40)
        || unit.as_ref().map(|u| u.key()) != Ok(line.unit.as_str())
    {
        return Err(RecordRule::LineText { line: number });
    }
    let price = Rupiah::new(line.unit_price);
    let quantity = Quantity::from_milli(line.quantity_milli);
    let line_bound = |rule| RecordRule::LineBound { line: number, rule };
    check_price(price).map_err(line_bound)?;
    check_quantity(quantity).map_err(line_bound)?;
    if let Ok(unit) = unit
        && unit.check(quantity).is_err()
    {
        return Err(RecordRule::LineUnit {
            line: number,
            quantity,
            unit: line.unit.clone(),
        });
    }
    let gross = Rupiah::new(line.gross);
    let expected = price
        .times(quantity)
        .map_err(|_| line_bound(super::limits::LimitError::Amount(gross)))?;
    if gross != expected {
        return Err(RecordRule::LineGross {
            line: number,
            found: gross,
            expected,
        });
    }
    check_amount(gross).map_err(line_bound)?;
    let line_discount = Rupiah::new(line.line_discount);
    let share = Rupiah::new(line.sale_discount_share);
    let discounts = line_discount
        .checked_add(share)
        .unwrap_or(Rupiah::new(i64::MAX));
    if line_discount.is_negative() || share.is_negative() || discounts > gross {
        return Err(RecordRule::LineDiscount {
            line: number,
            discount: discounts,
            gross,
        });
    }
    let net = Rupiah::new(line.net);
    let expected = Rupiah::new(gross.value() - discounts.value());
    if net != expected {
        return Err(RecordRule::LineNet {
            line: number,
            found: net,
            expected,
        });
    }
    Ok(())
}

/// Checks a sale: its lines, its sums, its payments, its number and its day.
pub fn check_sale(sale: &SaleRecord, context: &Context) -> Result<(), RecordRule> {
    check_id(&sale.id)?;
    check_seq(sale.seq)?;
    let date = check_when(&sale.day, &sale.created_at, context)?;
    check_receipt(&sale.receipt, context.stall, date)?;
    if sale.lines.is_empty() {
        return Err(RecordRule::NoLines);
    }
    if sale.lines.len() > MAX_LINES {
        return Err(RecordRule::TooManyLines(sale.lines.len()));
    }
    for (index, line) in sale.lines.iter().enumerate() {
        check_line(line, index + 1)?;
    }
    let lines = &sale.lines;
    sum(
        "subtotal",
        Rupiah::new(sale.subtotal),
        lines.iter().map(|l| Rupiah::new(l.gross)),
    )?;
    sum(
        "diskon baris",
        Rupiah::new(sale.line_discounts),
        lines.iter().map(|l| Rupiah::new(l.line_discount)),
    )?;
    sum(
        "diskon nota",
        Rupiah::new(sale.sale_discount),
        lines.iter().map(|l| Rupiah::new(l.sale_discount_share)),
    )?;
    let net =
        Rupiah::sum(lines.iter().map(|l| Rupiah::new(l.net))).map_err(|_| RecordRule::Total {
            found: Rupiah::new(sale.total),
            net: Rupiah::new(i64::MAX),
        })?;
    let tax = Rupiah::new(sale.tax);
    if tax.is_negative() || tax > net {
        return Err(RecordRule::Tax { tax, net });
    }
    let total = Rupiah::new(sale.total);
    // PPN is either inside the lines' prices (total = net) or added on top.
    if total != net && Some(total) != net.checked_add(tax).ok() {
        return Err(RecordRule::Total { found: total, net });
    }
    bound("total", total)?;
    check_payments(sale, total)
}

fn check_payments(sale: &SaleRecord, total: Rupiah) -> Result<(), RecordRule> {
    if sale.payments.len() > MAX_PAYMENTS {
        return Err(RecordRule::TooManyPayments(sale.payments.len()));
    }
    let mut paid = Rupiah::ZERO;
    let mut kasbon = 0;
    for payment in &sale.payments {
        let method = PaymentMethod::parse(&payment.method)
            .ok()
            .filter(|m| m.key() == payment.method)
            .ok_or_else(|| RecordRule::Method(payment.method.clone()))?;
        check_payment_customer(method, payment.customer.as_deref())?;
        if method == PaymentMethod::Kasbon {
            kasbon += 1;
            if kasbon > 1 {
                return Err(RecordRule::SeveralKasbon);
            }
        }
        let amount = Rupiah::new(payment.amount);
        let tendered = Rupiah::new(payment.tendered);
        bound("pembayaran", amount)?;
        bound("uang diserahkan", tendered)?;
        if method == PaymentMethod::Cash && tendered < amount {
            return Err(RecordRule::Tendered {
                method: payment.method.clone(),
                tendered,
                amount,
            });
        }
        if method != PaymentMethod::Cash && (tendered != amount || !amount.is_positive()) {
            return Err(RecordRule::NonCashTendered {
                method: payment.method.clone(),
                tendered,
                amount,
            });
        }
        if let Some(reference) = &payment.reference
            && !is_printable(reference, 64)
        {
            return Err(RecordRule::Text);
        }
        // Bounded amounts, at most MAX_PAYMENTS of them: cannot overflow.
        paid = Rupiah::new(paid.value() + amount.value());
    }
    if paid != total {
        return Err(RecordRule::Payments { paid, total });
    }
    Ok(())
}

/// Kasbon is always a customer's, and only kasbon names a customer.
fn check_payment_customer(method: PaymentMethod, customer: Option<&str>) -> Result<(), RecordRule> {
    match (method, customer) {
        (PaymentMethod::Kasbon, None) => Err(RecordRule::KasbonWithoutCustomer),
        (PaymentMethod::Kasbon, Some(code)) => check_customer_code(code),
        (_, None) => Ok(()),
        (method, Some(_)) => Err(RecordRule::CustomerWithoutKasbon {
            method: method.key().to_string(),
        }),
    }
}

fn check_customer_code(code: &str) -> Result<(), RecordRule> {
    super::customer::validate_code(code).map_err(|rule| RecordRule::Customer {
        code: code.to_string(),
        rule,
    })
}

/// The part of a sale paid on kasbon (0 if none).
pub fn kasbon_of(sale: &SaleRecord) -> Rupiah {
    Rupiah::new(
        sale.payments
            .iter()
            .filter(|p| p.method == PaymentMethod::Kasbon.key())
            .map(|p| p.amount)
            .sum(),
    )
}

/// A receipt number is the stall's own: `CODE-YYYYMMDD-NNNN` with the
/// stall's code and the sale's day.
pub fn check_receipt(receipt: &str, stall: &str, day: Date) -> Result<(), RecordRule> {
    let prefix = super::receipt_number::receipt_number(stall, day, 0);
    let prefix = &prefix[..prefix.len() - 4];
    // One spelling per number, the till's own: `-0001`, never `-00001`
    // beside it for another sale.
    let ok = receipt.strip_prefix(prefix).is_some_and(|number| {
        number.len() <= 6
            && number.bytes().all(|b| b.is_ascii_digit())
            && number.parse::<u32>().is_ok_and(|n| {
                n > 0 && super::receipt_number::receipt_number(stall, day, n) == receipt
            })
    });
    if ok {
        Ok(())
    } else {
        Err(RecordRule::Receipt {
            receipt: receipt.to_string(),
            stall: stall.to_string(),
            day: day.to_string(),
        })
    }
}

/// Checks a void by itself; that its sale is the same stall's is for the
/// caller, who knows where the sale is.
pub fn check_void(void: &VoidRecord, context: &Context) -> Result<(), RecordRule> {
    check_id(&void.id)?;
    check_id(&void.sale_id)?;
    check_seq(void.seq)?;
    check_when(&void.day, &void.created_at, context)?;
    if !is_printable(&void.reason, MAX_NOTE_CHARS) {
        return Err(RecordRule::Text);
    }
    Ok(())
}

/// Checks a return against its sale and the same sale's earlier returns:
/// never more back than was sold, each line's amount its share of the line's
/// net (running totals, as the stall computes them), the refund within that.
pub fn check_return(
    record: &ReturnRecord,
    sale: &SaleRecord,
    earlier: &[&ReturnRecord],
    context: &Context,
) -> Result<(), RecordRule> {
    check_id(&record.id)?;
    check_seq(record.seq)?;
    check_when(&record.day, &record.created_at, context)?;
    if record.day < sale.day || is_earlier(&record.created_at, &sale.created_at) {
        return Err(RecordRule::ReturnBeforeSale {
            day: record.created_at.clone(),
            sale_day: sale.created_at.clone(),
        });
    }
    // Money goes back by a till's method; kasbon goes back as kasbon_refund.
    PaymentMethod::parse(&record.refund_method)
        .ok()
        .filter(|m| m.key() == record.refund_method && *m != PaymentMethod::Kasbon)
        .ok_or_else(|| RecordRule::Method(record.refund_method.clone()))?;
    check_kasbon_refund(record, sale, earlier)?;
    if record.lines.is_empty() {
        return Err(RecordRule::NoReturnLines);
    }
    if record.lines.len() > MAX_LINES {
        return Err(RecordRule::TooManyLines(record.lines.len()));
    }
    let mut before: HashMap<i64, i64> = HashMap::new();
    for line in earlier.iter().flat_map(|r| &r.lines) {
        *before.entry(line.line_no).or_default() += line.quantity_milli;
    }
    let mut worth = Rupiah::ZERO;
    let mut seen = std::collections::HashSet::new();
    for line in &record.lines {
        if !seen.insert(line.line_no) {
            return Err(RecordRule::ReturnLineTwice { line: line.line_no });
        }
        let sold = sale
            .lines
            .iter()
            .find(|l| l.line_no == line.line_no)
            .ok_or(RecordRule::ReturnLine { line: line.line_no })?;
        let quantity = Quantity::from_milli(line.quantity_milli);
        check_quantity(quantity).map_err(|rule| RecordRule::LineBound {
            line: line.line_no,
            rule,
        })?;
        // Packs and pieces come back whole, as they were sold.
        if let Ok(unit) = super::unit::Unit::parse(&sold.unit)
            && unit.check(quantity).is_err()
        {
            return Err(RecordRule::LineUnit {
                line: line.line_no,
                quantity,
                unit: sold.unit.clone(),
            });
        }
        let already = *before.get(&line.line_no).unwrap_or(&0);
        // Bounded quantities: no overflow.
        let after = already + line.quantity_milli;
        if after > sold.quantity_milli {
            return Err(RecordRule::ReturnTooMuch {
                line: line.line_no,
                returned: Quantity::from_milli(after),
                sold: Quantity::from_milli(sold.quantity_milli),
            });
        }
        let net = Rupiah::new(sold.net);
        let upto = |q: i64| net.ratio(q, sold.quantity_milli).unwrap_or(Rupiah::ZERO);
        let expected = Rupiah::new(upto(after).value() - upto(already).value());
        let amount = Rupiah::new(line.amount);
        if amount != expected {
            return Err(RecordRule::ReturnAmount {
                line: line.line_no,
                found: amount,
                expected,
            });
        }
        before.insert(line.line_no, after);
        worth = Rupiah::new(worth.value() + amount.value());
    }
    let refund = Rupiah::new(record.refund);
    bound("uang kembali", refund)?;
    // Money and kasbon given back together never exceed what came back.
    let given = Rupiah::new(refund.value() + record.kasbon_refund);
    if given > worth {
        return Err(RecordRule::RefundTooMuch {
            refund: given,
            worth,
        });
    }
    Ok(())
}

/// A return's kasbon part lowers the customer's balance instead of paying
/// out: only for a sale that was (partly) kasbon, and never more than its
/// kasbon not yet given back by earlier returns.
fn check_kasbon_refund(
    record: &ReturnRecord,
    sale: &SaleRecord,
    earlier: &[&ReturnRecord],
) -> Result<(), RecordRule> {
    let refund = Rupiah::new(record.kasbon_refund);
    bound("uang kembali ke kasbon", refund)?;
    if refund == Rupiah::ZERO {
        return Ok(());
    }
    let kasbon = kasbon_of(sale);
    if !kasbon.is_positive() {
        return Err(RecordRule::KasbonRefundWithoutKasbon);
    }
    // Bounded refunds, at most a few hundred returns: no overflow.
    let before: i64 = earlier.iter().map(|r| r.kasbon_refund).sum();
    let left = Rupiah::new((kasbon.value() - before).max(0));
    if refund > left {
        return Err(RecordRule::KasbonRefundTooMuch { refund, left });
    }
    Ok(())
}

/// Checks a day close's arithmetic.
pub fn check_day_close(close: &DayCloseRecord, context: &Context) -> Result<(), RecordRule> {
    check_id(&close.id)?;
    check_seq(close.seq)?;
    check_when(&close.day, &close.created_at, context)?;
    for (field, amount) in [
        ("kas awal", close.opening_float),
        ("kas masuk", close.cash_in),
        ("kas keluar", close.cash_out),
        ("kas dihitung", close.counted),
        ("neto", close.net_total),
    ] {
        bound(field, Rupiah::new(amount))?;
    }
    if close.sales_count < 0 {
        return Err(RecordRule::SalesCount(close.sales_count));
    }
    // Bounded amounts: no overflow.
    bound("bayar penitip tunai", Rupiah::new(close.producer_payouts))?;
    bound("bayar kasbon tunai", Rupiah::new(close.kasbon_repayments))?;
    bound("pengeluaran dari laci", Rupiah::new(close.drawer_expenses))?;
    bound("uang laci untuk buku", Rupiah::new(close.books_out))?;
    let expected = close.opening_float + close.cash_in - close.cash_out - close.producer_payouts
        + close.kasbon_repayments
        - close.drawer_expenses
        - close.books_out;
    if close.expected != expected {
        return Err(RecordRule::Expected {
            found: Rupiah::new(close.expected),
            expected: Rupiah::new(expected),
        });
    }
    let difference = close.counted - expected;
    if close.difference != difference {
        return Err(RecordRule::Difference {
            found: Rupiah::new(close.difference),
            expected: Rupiah::new(difference),
        });
    }
    Ok(())
}

/// Free text a record may carry (a name, a note): printable and bounded.
pub fn check_text(text: &str, max: usize) -> Result<(), RecordRule> {
    if is_printable(text, max) {
        Ok(())
    } else {
        Err(RecordRule::Text)
    }
}

/// Optional text: empty or printable and bounded.
pub fn check_optional_text(text: Option<&str>, max: usize) -> Result<(), RecordRule> {
    if text.is_none_or(|t| is_printable_or_empty(t, max)) {
        Ok(())
    } else {
        Err(RecordRule::Text)
    }
}

/// Checks an event: a known kind and a printable detail.
pub fn check_event(event: &EventRecord, context: &Context) -> Result<(), RecordRule> {
    check_id(&event.id)?;
    check_seq(event.seq)?;
    // An event may be dated before the book's latest record (that is what
    // a clock set back looks like), but not outside the possible days.
    check_when(&event.day, &event.created_at, context)?;
    if !EVENT_KINDS.contains(&event.kind.as_str()) {
        return Err(RecordRule::EventKind(event.kind.clone()));
    }
    check_text(&event.detail, MAX_NOTE_CHARS)?;
    if event.kind == crate::domain::day_close::DAY_REOPENED {
        // The day reopened is named, valid and not after the reopen; that
        // it was closed first is checked against the office's book.
        let named = crate::domain::day_close::reopened_day(&event.detail)
            .filter(|day| check_when(day, &format!("{day}T00:00:00Z"), context).is_ok())
            .filter(|day| *day <= event.day.as_str());
        if named.is_none() {
            return Err(RecordRule::ReopenDetail(event.detail.clone()));
        }
    }
    if event.kind == crate::domain::restore::RESTORED
        && !crate::domain::restore::RestoreNote::read(&event.detail)
            .is_some_and(|note| note.fits_before(event.seq))
    {
        return Err(RecordRule::RestoreDetail(event.detail.clone()));
    }
    Ok(())
}

/// Checks a producer as a file describes them: a canonical code, a
/// printable name, one of the 15 regencies, a 13-digit NIB if any.
pub fn check_producer(producer: &ProducerInfo) -> Result<(), RecordRule> {
    let wrap = |rule| RecordRule::Producer {
        code: producer.code.clone(),
        rule,
    };
    consign::validate_code(&producer.code).map_err(wrap)?;
    consign::validate_name(&producer.name).map_err(wrap)?;
    consign::validate_regency(producer.regency).map_err(wrap)?;
    if let Some(nib) = &producer.nib {
        consign::validate_nib(nib).map_err(wrap)?;
    }
    Ok(())
}

/// Checks what a sold line owes its producer against the line itself: the
/// line is on the sale, the terms are known, the amount owed is what the
/// terms make of the line, and never more than the line's net.
pub fn check_consigned_line(
    record: &ConsignedLineRecord,
    sale: &SaleRecord,
) -> Result<(), RecordRule> {
    let line_no = record.line_no;
    let line = sale
        .lines
        .iter()
        .find(|l| l.line_no == line_no)
        .ok_or(RecordRule::ConsignedLine { line: line_no })?;
    consign::validate_code(&record.producer).map_err(|rule| RecordRule::Producer {
        code: record.producer.clone(),
        rule,
    })?;
    let owed = Rupiah::new(record.owed);
    let net = Rupiah::new(line.net);
    if owed.is_negative() || owed > net {
        return Err(RecordRule::OwedAboveNet {
            line: line_no,
            owed,
            net,
        });
    }
    let terms = consign::Terms::from_parts(&record.basis, record.rate).ok_or_else(|| {
        RecordRule::ConsignedTerms {
            line: line_no,
            basis: record.basis.clone(),
            rate: record.rate,
        }
    })?;
    let expected = terms
        .owed(Quantity::from_milli(line.quantity_milli), net)
        .map_err(|_| RecordRule::OwedAboveNet {
            line: line_no,
            owed,
            net,
        })?;
    if owed != expected {
        return Err(RecordRule::OwedNotTerms {
            line: line_no,
            found: owed,
            expected,
        });
    }
    Ok(())
}

/// Checks a payout by itself; that its producer is the stall's is for the
/// caller, who knows the stall's producers.
pub fn check_payout(payout: &PayoutRecord, context: &Context) -> Result<(), RecordRule> {
    check_id(&payout.id)?;
    check_seq(payout.seq)?;
    check_when(&payout.day, &payout.created_at, context)?;
    consign::validate_code(&payout.producer).map_err(|rule| RecordRule::Producer {
        code: payout.producer.clone(),
        rule,
    })?;
    // The method's key exactly as written: one spelling.
    let method = match payout.method.as_str() {
        "cash" => consign::PayoutMethod::Cash,
        "transfer" => consign::PayoutMethod::Transfer,
        other => {
            return Err(RecordRule::Payout(consign::ConsignError::PayoutMethod(
                other.to_string(),
            )));
        }
    };
    consign::check_payout(
        Rupiah::new(payout.amount),
        method,
        payout.reference.as_deref(),
    )
    .map_err(RecordRule::Payout)
}

fn positive(field: &'static str, amount: Rupiah) -> Result<(), RecordRule> {
    bound(field, amount)?;
    if amount.is_positive() {
        Ok(())
    } else {
        Err(RecordRule::NotPositive { field })
    }
}

/// Checks a kasbon repayment by itself: a customer's code, a method that
/// brings money in (cash, QRIS, transfer), an amount above zero and within
/// bounds. Whether the customer owed that much is the stall's to check: the
/// kasbon may be in a file the office has not seen yet.
pub fn check_repayment(record: &RepaymentRecord, context: &Context) -> Result<(), RecordRule> {
    check_id(&record.id)?;
    check_seq(record.seq)?;
    check_when(&record.day, &record.created_at, context)?;
    check_customer_code(&record.customer)?;
    if !REPAYMENT_METHODS.contains(&record.method.as_str()) {
        return Err(RecordRule::RepaymentMethod(record.method.clone()));
    }
    positive("bayar kasbon", Rupiah::new(record.amount))?;
    check_optional_text(record.reference.as_deref(), 64)
}

/// Checks an expense: a known category, an amount above zero and within
/// bounds, a printable note.
pub fn check_expense(record: &ExpenseRecord, context: &Context) -> Result<(), RecordRule> {
    check_id(&record.id)?;
    check_seq(record.seq)?;
    check_when(&record.day, &record.created_at, context)?;
    super::expense::ExpenseCategory::parse(&record.category)
        .ok()
        .filter(|c| c.key() == record.category)
        .ok_or_else(|| RecordRule::ExpenseCategory(record.category.clone()))?;
    positive("pengeluaran", Rupiah::new(record.amount))?;
    check_optional_text(record.note.as_deref(), MAX_NOTE_CHARS)
}

/// Whether RFC 3339 time `a` is before `b` (unreadable times are checked
/// elsewhere and never count as earlier).
fn is_earlier(a: &str, b: &str) -> bool {
    match (
        OffsetDateTime::parse(a, &Rfc3339),
        OffsetDateTime::parse(b, &Rfc3339),
    ) {
        (Ok(a), Ok(b)) => a < b,
        _ => false,
    }
}

/// A void cancels a sale on the sale's own day, after it was made: the till
/// voids only today's receipts.
pub fn check_void_of(void: &VoidRecord, sale: &SaleRecord) -> Result<(), RecordRule> {
    if void.day != sale.day || is_earlier(&void.created_at, &sale.created_at) {
        return Err(RecordRule::VoidNotOnSaleDay {
            time: void.created_at.clone(),
            sale_time: sale.created_at.clone(),
        });
    }
    Ok(())
}

/// Checks a price record: its id, number and time, the SKU's shape, the
/// price within bounds and the tiers below it and falling.
pub fn check_price_record(
    record: &super::record::PriceRecord,
    context: &Context,
) -> Result<(), RecordRule> {
    check_id(&record.id)?;
    if !(0..=crate::domain::limits::MAX_SEQ).contains(&record.after_seq) {
        return Err(RecordRule::Seq(record.after_seq));
    }
    check_when(&record.day, &record.created_at, context)?;
    let bad = |problem: String| RecordRule::Price {
        sku: record.sku.chars().take(40).collect(),
        problem,
    };
    super::product::validate_sku(&record.sku).map_err(|e| bad(e.to_string()))?;
    let price = Rupiah::new(record.price);
    check_price(price).map_err(|e| bad(e.to_string()))?;
    let tiers = super::price_tier::from_column(&record.tiers).map_err(|e| bad(e.to_string()))?;
    let checked = super::price_tier::check(price, &tiers).map_err(|e| bad(e.to_string()))?;
    // One spelling: the till's own, tiers in order.
    if super::price_tier::to_column(&checked) != record.tiers {
        return Err(bad(format!("harga grosir \"{}\"", record.tiers)));
    }
    Ok(())
}

/// A sale line's unit price is the product's price of its time: the normal
/// price, or the harga grosir its quantity reaches.
pub fn check_line_price(
    line: &SaleLineRecord,
    price: &super::record::PriceRecord,
) -> Result<(), RecordRule> {
    let tiers = super::price_tier::from_column(&price.tiers).unwrap_or_default();
    let quantity = Quantity::from_milli(line.quantity_milli);
    let expected = super::price_tier::unit_price(Rupiah::new(price.price), &tiers, quantity);
    if Rupiah::new(line.unit_price) == expected {
        Ok(())
    } else {
        Err(RecordRule::LinePrice {
            line: line.line_no,
            sku: line.sku.clone(),
            found: Rupiah::new(line.unit_price),
            expected,
        })
    }
}
