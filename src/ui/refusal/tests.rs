//! Every kind of refusal the book (and the office, and the window's own
//! work) can give, one of each, said in English: each sentence is there,
//! differs from the Indonesian one, and has no Indonesian left in it.
//!
//! The English is an exhaustive match per error type, so a new kind does
//! not compile without its sentence; this list holds one of each kind so
//! the sentence is also read here.

use std::path::PathBuf;

use super::*;
use crate::domain::consign::ConsignError;
use crate::domain::customer::CustomerError;
use crate::domain::expense::ExpenseError;
use crate::domain::fee::FeeError;
use crate::domain::kasbon::KasbonError;
use crate::domain::label::LabelError;
use crate::domain::printer::PrinterError;
use crate::domain::scale::{Plu, ScaleError};
use crate::domain::unit::Unit;
use crate::money::{Quantity, Rupiah};
use crate::office::repin::RepinError;

fn rp(value: i64) -> Rupiah {
    Rupiah::new(value)
}

fn qty(milli: i64) -> Quantity {
    Quantity::from_milli(milli)
}

fn io() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied")
}

fn path() -> PathBuf {
    PathBuf::from("/media/usb/sentra.csv")
}

fn money() -> Vec<MoneyError> {
    vec![
        MoneyError::BadAmount("x1".into()),
        MoneyError::NegativeAmount("-5".into()),
        MoneyError::Overflow,
        MoneyError::BadQuantity("x1".into()),
        MoneyError::TooManyDecimals("1,2345".into()),
    ]
}

fn limits() -> Vec<LimitError> {
    vec![
        LimitError::Price(rp(0)),
        LimitError::Quantity(qty(200_000_000)),
        LimitError::Amount(rp(-1)),
        LimitError::Lines,
    ]
}

fn pricing() -> Vec<PricingError> {
    vec![
        PricingError::EmptyCart,
        PricingError::NonPositiveQuantity { line: 1 },
        PricingError::NegativePrice { line: 1 },
        PricingError::LineDiscountTooLarge {
            line: 1,
            discount: rp(20),
            amount: rp(10),
        },
        PricingError::SaleDiscountTooLarge {
            discount: rp(20),
            amount: rp(10),
        },
        PricingError::Bound {
            line: 1,
            rule: LimitError::Lines,
        },
        PricingError::TotalBound(LimitError::Amount(rp(-1))),
        PricingError::Money(MoneyError::Overflow),
    ]
}

fn discounts() -> Vec<DiscountError> {
    vec![
        DiscountError::PercentRange("120%".into()),
        DiscountError::PercentShape("1,234%".into()),
        DiscountError::Amount(MoneyError::Overflow),
    ]
}

fn payments() -> Vec<PaymentError> {
    vec![
        PaymentError::UnknownMethod("gold".into()),
        PaymentError::NoPayment,
        PaymentError::NonPositive {
            method: PaymentMethod::Cash,
        },
        PaymentError::TooLarge {
            method: PaymentMethod::Card,
        },
        PaymentError::Underpaid {
            due: rp(10),
            paid: rp(5),
        },
        PaymentError::NonCashOverpaid {
            due: rp(10),
            paid: rp(15),
        },
        PaymentError::BadReference,
        PaymentError::Money(MoneyError::Overflow),
    ]
}

fn plu() -> Plu {
    Plu::new(42).unwrap()
}

fn scales() -> Vec<ScaleError> {
    vec![
        ScaleError::Prefix("19".into()),
        ScaleError::Layout("PPPP".into()),
        ScaleError::Plu("0".into()),
        ScaleError::PluTooLong {
            plu: plu(),
            digits: 4,
        },
        ScaleError::Barcode(BarcodeError::Shape("123".into())),
        ScaleError::Zero("2000042000007".into()),
        ScaleError::UnknownPlu {
            plu: plu(),
            code: "2000042000007".into(),
        },
        ScaleError::PluTaken {
            plu: plu(),
            sku: "KPI-03".into(),
        },
        ScaleError::NotByWeight {
            sku: "KRP-01".into(),
            unit: Unit::Pack,
        },
        ScaleError::NotMeasured {
            sku: "KRP-01".into(),
            unit: Unit::Pack,
        },
        ScaleError::PriceTooSmall {
            price: rp(1),
            sku: "KPI-03".into(),
            unit_price: rp(150_000),
        },
        ScaleError::WholeLabels(qty(1_500)),
        ScaleError::PrefixInUse {
            prefix: "20".into(),
            barcode: "2012345678905".into(),
            sku: "KRP-01".into(),
        },
        ScaleError::ReservedPrefix {
            barcode: "2012345678905".into(),
            prefix: "20".into(),
        },
    ]
}

fn labels() -> Vec<LabelError> {
    vec![
        LabelError::NoBarcode("KRP-01".into()),
        LabelError::Copies {
            sku: "KRP-01".into(),
            copies: "0".into(),
        },
        LabelError::TooMany(5_000),
        LabelError::Nothing,
        LabelError::Sheet("a5".into()),
        LabelError::HasBarcode("KRP-01".into()),
        LabelError::Exhausted(20),
        LabelError::Skip {
            skip: "30".into(),
            per_page: 21,
        },
    ]
}

fn barcodes() -> Vec<BarcodeError> {
    vec![
        BarcodeError::Shape("123".into()),
        BarcodeError::CheckDigit {
            code: "8994505000012".into(),
            expected: 1,
        },
    ]
}

fn products() -> Vec<ProductError> {
    vec![
        ProductError::Sku("a b".into()),
        ProductError::Name,
        ProductError::Category,
        ProductError::Price(rp(0)),
        ProductError::Cost(rp(-1)),
        ProductError::MinStock(qty(-1_000)),
    ]
}

fn identities() -> Vec<IdentityError> {
    vec![
        IdentityError::Code("st-7".into()),
        IdentityError::Name,
        IdentityError::Regency("1900".into()),
    ]
}

fn units() -> Vec<UnitError> {
    vec![
        UnitError::Unknown("box".into()),
        UnitError::WholeOnly {
            unit: Unit::Pcs,
            quantity: "1,5".into(),
        },
    ]
}

fn pins() -> Vec<PinError> {
    vec![
        PinError::Shape,
        PinError::Wrong { left: 4 },
        PinError::Locked {
            until: "2026-11-27 10:15".into(),
        },
        PinError::NotSet,
        PinError::OldRequired,
    ]
}

fn qris() -> Vec<QrisError> {
    vec![
        QrisError::Shape,
        QrisError::Crc {
            found: "ABCD".into(),
            expected: "1234".into(),
        },
        QrisError::Length {
            at: 12,
            tag: "26".into(),
        },
        QrisError::Tag {
            tag: "53",
            found: "840".into(),
            expected: "360",
        },
        QrisError::Missing {
            tag: "59",
            what: crate::domain::qris::QrisPart::Name,
        },
        QrisError::AmountInStatic,
        QrisError::AmountOutOfRange,
    ]
}

fn output_paths() -> Vec<OutputPathError> {
    vec![
        OutputPathError::Book(path()),
        OutputPathError::Lock(path()),
        OutputPathError::BeforeRestore(path()),
        OutputPathError::Backup(path()),
        OutputPathError::DataFolder(path()),
        OutputPathError::NoFolder(path()),
        OutputPathError::Unresolvable(path()),
    ]
}

fn restores() -> Vec<RestoreError> {
    vec![
        RestoreError::NoFile(path()),
        RestoreError::Folder(path()),
        RestoreError::PinRequired,
        RestoreError::OwnBook(path()),
        RestoreError::Empty,
        RestoreError::OtherOwner {
            found: "ST08".into(),
            ours: "ST07".into(),
        },
        RestoreError::OtherKey {
            code: "ST07".into(),
        },
        RestoreError::Schema {
            version: 9,
            differences: "+ table x".into(),
        },
        RestoreError::WouldLose {
            backup: 10,
            count: 2,
            first: 11,
            last: 12,
        },
    ]
}

fn csv_problems() -> Vec<CsvProblem> {
    vec![
        CsvProblem::Unreadable("found record with 3 fields, but the previous had 2".into()),
        CsvProblem::NotUtf8,
        CsvProblem::MissingColumn("price"),
        CsvProblem::EmptySku,
        CsvProblem::RepeatedSku("KRP-01".into()),
        CsvProblem::Quantity(MoneyError::BadQuantity("x1".into())),
        CsvProblem::Unit(UnitError::Unknown("box".into())),
        CsvProblem::Price(MoneyError::BadAmount("x1".into())),
        CsvProblem::Cost(MoneyError::BadAmount("x1".into())),
        CsvProblem::NegativeStock,
        CsvProblem::Refused(Box::new(StoreError::DuplicateSku("KRP-01".into()))),
    ]
}

fn setting_problems() -> Vec<SettingProblem> {
    vec![
        SettingProblem::TaxMode,
        SettingProblem::Percent { example: "0,5" },
        SettingProblem::Amount(MoneyError::BadAmount("x1".into())),
        SettingProblem::ReceiptWidth,
        SettingProblem::Language,
        SettingProblem::Taxpayer,
        SettingProblem::Offset,
        SettingProblem::QrisTooLong,
        SettingProblem::Qris(QrisError::Shape),
        SettingProblem::Delivery,
        SettingProblem::Scale(ScaleError::Prefix("19".into())),
        SettingProblem::Printer(PrinterError::Shape("lp".into())),
        SettingProblem::UnknownKey,
    ]
}

fn customers() -> Vec<CustomerError> {
    vec![
        CustomerError::Code("c 1".into()),
        CustomerError::Name,
        CustomerError::Phone("x".into()),
        CustomerError::Limit(rp(-1)),
    ]
}

fn kasbon() -> Vec<KasbonError> {
    vec![
        KasbonError::NoCustomer,
        KasbonError::CustomerWithoutKasbon,
        KasbonError::SeveralKasbon,
        KasbonError::UnknownCustomer("C009".into()),
        KasbonError::DuplicateCustomer("C001".into()),
        KasbonError::OverLimit {
            customer: "C001".into(),
            after: rp(600_000),
            limit: rp(500_000),
        },
        KasbonError::RepaymentMethod(PaymentMethod::Card),
        KasbonError::NotPositive,
        KasbonError::NothingOwed {
            customer: "C001".into(),
        },
        KasbonError::Overpaid {
            customer: "C001".into(),
            paid: rp(20),
            owed: rp(10),
        },
        KasbonError::RefundNotKasbon {
            receipt: "ST07-20261127-0001".into(),
        },
        KasbonError::RefundMustBeKasbon {
            receipt: "ST07-20261127-0001".into(),
            left: rp(10),
        },
        KasbonError::RefundOverKasbon {
            receipt: "ST07-20261127-0001".into(),
            asked: rp(20),
            left: rp(10),
        },
    ]
}

fn expenses() -> Vec<ExpenseError> {
    vec![
        ExpenseError::Category("x".into()),
        ExpenseError::NotPositive,
        ExpenseError::Note,
    ]
}

fn consign() -> Vec<ConsignError> {
    let date = time::macros::date!(2026 - 11 - 27);
    vec![
        ConsignError::Code("p 1".into()),
        ConsignError::Name,
        ConsignError::Regency(1900),
        ConsignError::Nib("123".into()),
        ConsignError::Phone("x".into()),
        ConsignError::Bank,
        ConsignError::UnknownProducer("P009".into()),
        ConsignError::DuplicateProducer("P001".into()),
        ConsignError::Commission("120%".into()),
        ConsignError::ConsignPrice(rp(0)),
        ConsignError::ConsignAbovePrice {
            consign: rp(20),
            price: rp(10),
        },
        ConsignError::Terms,
        ConsignError::TermsWithoutProducer,
        ConsignError::OwedAboveNet {
            sku: "KRP-01".into(),
            owed: rp(20),
            net: rp(10),
        },
        ConsignError::NotConsigned {
            sku: "KRP-01".into(),
            producer: "P001".into(),
        },
        ConsignError::UnknownNote("ST07-TT-20261127-01".into()),
        ConsignError::NoItems,
        ConsignError::RepeatedItem("KRP-01".into()),
        ConsignError::HandBackTooMuch {
            sku: "KRP-01".into(),
            asked: qty(5_000),
            left: qty(2_000),
        },
        ConsignError::Note,
        ConsignError::PayoutAmount(rp(0)),
        ConsignError::PayoutMethod("qris".into()),
        ConsignError::PayoutReference,
        ConsignError::Overpay {
            producer: "P001".into(),
            amount: rp(20),
            balance: rp(10),
        },
        ConsignError::DrawerShort {
            amount: rp(20),
            drawer: rp(10),
        },
        ConsignError::Period {
            from: date,
            to: date,
        },
    ]
}

fn fees() -> Vec<FeeError> {
    vec![
        FeeError::Percent("120".into()),
        FeeError::Daily(rp(-1)),
        FeeError::Payment(rp(0)),
        FeeError::Method("qris".into()),
        FeeError::Reference,
    ]
}

fn stores() -> Vec<StoreError> {
    let sqlite = rusqlite::Error::QueryReturnedNoRows;
    vec![
        StoreError::AlreadyOpen(path()),
        StoreError::Folder {
            path: path(),
            source: io(),
        },
        StoreError::Open {
            path: path(),
            source: rusqlite::Error::QueryReturnedNoRows,
        },
        StoreError::TooNew {
            found: 20,
            supported: 12,
        },
        StoreError::NotABook(path()),
        StoreError::ClockBehind {
            now: "2026-11-27T10:00:00+07:00".into(),
            latest: "2026-11-27T11:00:00+07:00".into(),
        },
        StoreError::NotInitialised,
        StoreError::AlreadyInitialised("ST07".into()),
        StoreError::WrongKind {
            expected: "office",
            actual: "stall",
        },
        StoreError::NotEmpty,
        StoreError::UnknownProduct("X-1".into()),
        StoreError::DuplicateSku("KRP-01".into()),
        StoreError::DuplicateBarcode("8994505000011".into()),
        StoreError::UnknownReceipt("ST07-20261127-0009".into()),
        StoreError::AlreadyVoided("ST07-20261127-0001".into()),
        StoreError::VoidNotToday("ST07-20261126-0001".into()),
        StoreError::VoidAfterReturn("ST07-20261127-0001".into()),
        StoreError::Reason,
        StoreError::NotOnReceipt {
            sku: "KRP-01".into(),
            receipt: "ST07-20261127-0001".into(),
        },
        StoreError::ReturnTooMuch {
            sku: "KRP-01".into(),
            asked: qty(3_000),
            left: qty(1_000),
        },
        StoreError::RefundTooMuch {
            asked: rp(20),
            worth: rp(10),
        },
        StoreError::RefundMethods,
        StoreError::DayClosed("2026-11-27".into()),
        StoreError::DayAlreadyOpen("2026-11-27".into()),
        StoreError::DayNotClosed("2026-11-27".into()),
        StoreError::NonPositiveQuantity,
        StoreError::ZeroAdjustment,
        StoreError::NegativeCount,
        StoreError::UnknownHeldSale("0192".into()),
        StoreError::Csv {
            line: 3,
            problem: CsvProblem::EmptySku,
        },
        StoreError::Setting {
            key: "tax_rate".into(),
            problem: SettingProblem::Percent { example: "11" },
        },
        StoreError::Money(MoneyError::Overflow),
        StoreError::Pricing(PricingError::EmptyCart),
        StoreError::Limit(LimitError::Lines),
        StoreError::Record(RecordRule::NoLines),
        StoreError::Payment(PaymentError::NoPayment),
        StoreError::Discount(DiscountError::PercentRange("120%".into())),
        StoreError::Barcode(BarcodeError::Shape("123".into())),
        StoreError::Scale(ScaleError::Plu("0".into())),
        StoreError::Label(LabelError::Nothing),
        StoreError::Product(ProductError::Name),
        StoreError::Identity(IdentityError::Name),
        StoreError::Unit(UnitError::Unknown("box".into())),
        StoreError::Pin(PinError::Shape),
        StoreError::Customer(CustomerError::Name),
        StoreError::Kasbon(KasbonError::NoCustomer),
        StoreError::Expense(ExpenseError::Note),
        StoreError::Consign(ConsignError::Terms),
        StoreError::OwnerWithStock {
            sku: "TPS-TG".into(),
            stock: "3".into(),
        },
        StoreError::Register(crate::domain::books_register::RegisterError::MoreThanHeld {
            what: "kas",
            asked: crate::money::Rupiah::new(2),
            held: crate::money::Rupiah::new(1),
        }),
        StoreError::Register(crate::domain::books_register::RegisterError::Future(
            "2027-01-01".into(),
        )),
        StoreError::OutputPath(OutputPathError::Book(path())),
        StoreError::Restore(RestoreError::Empty),
        StoreError::Sqlite(sqlite),
        StoreError::Io(io()),
    ]
}

fn record_rules() -> Vec<RecordRule> {
    let rule = LimitError::Amount(rp(-1));
    vec![
        RecordRule::Id("x".into()),
        RecordRule::Seq(0),
        RecordRule::Day("27/11".into()),
        RecordRule::Time("10:00".into()),
        RecordRule::DayNotOfTime {
            day: "2026-11-27".into(),
            time: "2026-11-26T10:00:00+07:00".into(),
        },
        RecordRule::DayOutOfRange {
            day: "1999-01-01".into(),
            latest: "2026-11-28".into(),
        },
        RecordRule::Receipt {
            receipt: "ST08-20261127-0001".into(),
            stall: "ST07".into(),
            day: "2026-11-27".into(),
        },
        RecordRule::NoLines,
        RecordRule::TooManyLines(600),
        RecordRule::LineNumber {
            position: 2,
            found: 3,
        },
        RecordRule::LineText { line: 1 },
        RecordRule::LineBound {
            line: 1,
            rule: rule.clone(),
        },
        RecordRule::LineUnit {
            line: 1,
            quantity: qty(1_500),
            unit: "pcs".into(),
        },
        RecordRule::LineGross {
            line: 1,
            found: rp(20),
            expected: rp(10),
        },
        RecordRule::LineDiscount {
            line: 1,
            discount: rp(20),
            gross: rp(10),
        },
        RecordRule::LineNet {
            line: 1,
            found: rp(20),
            expected: rp(10),
        },
        RecordRule::Sum {
            field: "diskon nota",
            found: rp(20),
            expected: rp(10),
        },
        RecordRule::Tax {
            tax: rp(20),
            net: rp(10),
        },
        RecordRule::Total {
            found: rp(20),
            net: rp(10),
        },
        RecordRule::Bound {
            field: "uang diserahkan",
            rule: rule.clone(),
        },
        RecordRule::TooManyPayments(9),
        RecordRule::Method("gold".into()),
        RecordRule::Tendered {
            method: "cash".into(),
            tendered: rp(5),
            amount: rp(10),
        },
        RecordRule::NonCashTendered {
            method: "qris".into(),
            tendered: rp(15),
            amount: rp(10),
        },
        RecordRule::Payments {
            paid: rp(5),
            total: rp(10),
        },
        RecordRule::Text,
        RecordRule::NoReturnLines,
        RecordRule::ReturnLine { line: 4 },
        RecordRule::ReturnTooMuch {
            line: 1,
            returned: qty(3_000),
            sold: qty(1_000),
        },
        RecordRule::ReturnAmount {
            line: 1,
            found: rp(20),
            expected: rp(10),
        },
        RecordRule::RefundTooMuch {
            refund: rp(20),
            worth: rp(10),
        },
        RecordRule::ReturnBeforeSale {
            day: "2026-11-26".into(),
            sale_day: "2026-11-27".into(),
        },
        RecordRule::Expected {
            found: rp(20),
            expected: rp(10),
        },
        RecordRule::Difference {
            found: rp(20),
            expected: rp(10),
        },
        RecordRule::SalesCount(-1),
        RecordRule::EventKind("x".into()),
        RecordRule::ReopenDetail("x".into()),
        RecordRule::ReopenWithoutClose("2026-11-27".into()),
        RecordRule::RestoreDetail("x".into()),
        RecordRule::Producer {
            code: "P001".into(),
            rule: ConsignError::Name,
        },
        RecordRule::ProducerTwice("P001".into()),
        RecordRule::UnknownProducer("P001".into()),
        RecordRule::ConsignedLine { line: 4 },
        RecordRule::ConsignedLineTwice { line: 1 },
        RecordRule::ConsignedTerms {
            line: 1,
            basis: "x".into(),
            rate: 5,
        },
        RecordRule::OwedAboveNet {
            line: 1,
            owed: rp(20),
            net: rp(10),
        },
        RecordRule::OwedNotTerms {
            line: 1,
            found: rp(20),
            expected: rp(10),
        },
        RecordRule::Payout(ConsignError::PayoutReference),
        RecordRule::Customer {
            code: "C001".into(),
            rule: CustomerError::Name,
        },
        RecordRule::KasbonWithoutCustomer,
        RecordRule::CustomerWithoutKasbon {
            method: "cash".into(),
        },
        RecordRule::SeveralKasbon,
        RecordRule::KasbonRefundWithoutKasbon,
        RecordRule::KasbonRefundTooMuch {
            refund: rp(20),
            left: rp(10),
        },
        RecordRule::RepaymentMethod("card".into()),
        RecordRule::NotPositive {
            field: "pengeluaran",
        },
        RecordRule::ExpenseCategory("x".into()),
    ]
}

fn rejections() -> Vec<Rejection> {
    vec![
        Rejection::Empty,
        Rejection::NotAnExport,
        Rejection::UnknownVersion(9),
        Rejection::Truncated {
            found: 10,
            expected: 20,
        },
        Rejection::Corrupt,
        Rejection::BadSignature,
        Rejection::Malformed("kunci publik".into()),
        Rejection::WrongKey("ST07".into()),
    ]
}

fn unreadables() -> Vec<Unreadable> {
    vec![
        Unreadable::Symlink,
        Unreadable::NotRegular,
        Unreadable::TooBig(70 * 1024 * 1024),
        Unreadable::Loop,
        Unreadable::TooDeep,
        Unreadable::Folder("permission denied".into()),
    ]
}

fn office_refusals() -> Vec<OfficeRefusal> {
    vec![
        OfficeRefusal::Record {
            record: "sale ST07-20261127-0001".into(),
            rule: RecordRule::NoLines,
        },
        OfficeRefusal::UnknownSale {
            record: "void 0192".into(),
            sale_id: "0191".into(),
            stall: "ST07".into(),
        },
        OfficeRefusal::AlreadyVoided {
            record: "void 0192".into(),
            sale_id: "0191".into(),
        },
        OfficeRefusal::Changed {
            record: "sale 0191".into(),
            held: "Rp10.000".into(),
            found: "Rp20.000".into(),
        },
        OfficeRefusal::ExportChanged {
            export_id: "0190".into(),
            held_file: "a.sentra".into(),
            held_sha: "ab12".into(),
            found_sha: "cd34".into(),
        },
        OfficeRefusal::Identity("ST-7".into()),
        OfficeRefusal::Duplicate("0191".into()),
        OfficeRefusal::ConsignedWithoutSale {
            sale_id: "0191".into(),
        },
    ]
}

fn syncs() -> Vec<SyncError> {
    vec![
        SyncError::Store(StoreError::NotInitialised),
        SyncError::Rejected(Rejection::Corrupt),
        SyncError::Refused(OfficeRefusal::Duplicate("0191".into())),
        SyncError::Unreadable(Unreadable::Symlink),
        SyncError::NothingNew { last: 141 },
        SyncError::AllExported {
            day: "2026-11-27".into(),
            last: 141,
        },
        SyncError::NoFolder(path()),
        SyncError::Io {
            path: path(),
            source: io(),
        },
    ]
}

fn window() -> Vec<WindowError> {
    vec![
        WindowError::JobDied("disk full".into()),
        WindowError::Folder {
            path: "/media/usb".into(),
            reason: "permission denied".into(),
        },
        WindowError::Day("27/11".into()),
    ]
}

/// One of each kind, as the window carries them.
fn every_refusal() -> Vec<Refusal> {
    fn all<E: Reason + 'static>(errors: Vec<E>) -> impl Iterator<Item = Refusal> {
        errors.into_iter().map(Refusal::from)
    }
    let mut refusals: Vec<Refusal> = Vec::new();
    refusals.extend(all(money()));
    refusals.extend(all(limits()));
    refusals.extend(all(pricing()));
    refusals.extend(all(discounts()));
    refusals.extend(all(payments()));
    refusals.extend(all(scales()));
    refusals.extend(all(labels()));
    refusals.extend(all(barcodes()));
    refusals.extend(all(products()));
    refusals.extend(all(identities()));
    refusals.extend(all(units()));
    refusals.extend(all(pins()));
    refusals.extend(all(qris()));
    refusals.extend(all(output_paths()));
    refusals.extend(all(restores()));
    refusals.extend(all(csv_problems()));
    refusals.extend(all(setting_problems()));
    refusals.extend(all(customers()));
    refusals.extend(all(kasbon()));
    refusals.extend(all(expenses()));
    refusals.extend(all(consign()));
    refusals.extend(all(fees()));
    refusals.extend(all(stores()));
    refusals.extend(all(record_rules()));
    refusals.extend(all(rejections()));
    refusals.extend(all(unreadables()));
    refusals.extend(all(office_refusals()));
    refusals.extend(all(syncs()));
    refusals.extend(all(vec![
        crate::office::OfficeError::Repin(RepinError::UnknownStall("ST09".into())),
        crate::office::OfficeError::Fee(FeeError::Reference),
        crate::office::OfficeError::UnknownStall("ST09".into()),
        crate::office::OfficeError::NotAStruk(crate::office::verify::NotAStruk("hello".into())),
        crate::office::OfficeError::Period {
            from: "2026-11-28".into(),
            to: "2026-11-27".into(),
        },
    ]));
    refusals.extend(all(window()));
    refusals.extend(all(vec![
        PrinterError::Shape("lp".into()),
        PrinterError::CupsName("a b".into()),
    ]));
    refusals.extend(all(vec![RepinError::UnknownStall("ST09".into())]));
    refusals.push(crate::clock::fixed("27/11 10:00").unwrap_err().into());
    refusals.push(
        PrintError {
            path: path(),
            source: io(),
        }
        .into(),
    );
    refusals.push(
        DeliverError {
            program: "lp".into(),
            source: io(),
        }
        .into(),
    );
    refusals.push(
        crate::ui::kasir::LineRefused {
            name: "Keripik".into(),
            why: StoreError::NonPositiveQuantity,
        }
        .into(),
    );
    refusals
}

/// Words that only Indonesian sentences have (whole words).
const INDONESIAN: [&str; 24] = [
    "tidak",
    "harus",
    "sudah",
    "belum",
    "paling",
    "dengan",
    "untuk",
    "baris",
    "bukan",
    "dari",
    "atau",
    "dan",
    "kurang",
    "lebih",
    "luar",
    "hari",
    "berkas",
    "nota",
    "toko",
    "kantor",
    "yang",
    "jumlah",
    "pembayaran",
    "ditolak",
];

#[test]
fn english_mode_says_every_kind_of_refusal_in_english() {
    let refusals = every_refusal();
    assert!(refusals.len() > 200, "{} kinds", refusals.len());
    for refusal in &refusals {
        let id = refusal.say(Lang::Id);
        let en = refusal.say(Lang::En);
        assert!(!en.trim().is_empty(), "{refusal:?}: no English");
        assert_ne!(en, id, "{refusal:?}: the English is the Indonesian");
        let words: Vec<String> = en
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
            .collect();
        for word in INDONESIAN {
            assert!(
                !words.iter().any(|w| w == word),
                "{refusal:?}: \"{word}\" left in \"{en}\""
            );
        }
    }
}
