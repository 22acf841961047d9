//! The book's refusals as the window carries and says them.
//!
//! A refusal travels as the typed error the book gave (a [`Refusal`] wraps
//! it), and is put into words only when it is drawn: Indonesian is each
//! error's own text (its `Display`, which the command line prints too),
//! English is here, one exhaustive match per error type. A new kind of
//! refusal does not compile until it has its English sentence.

use std::fmt;
use std::sync::Arc;

use super::i18n::Lang;
use crate::clock::ClockError;
use crate::domain::barcode::BarcodeError;
use crate::domain::cart::PricingError;
use crate::domain::consign::ConsignError;
use crate::domain::discount::DiscountError;
use crate::domain::label::LabelError;
use crate::domain::limits::{LimitError, MAX_LINES};
use crate::domain::limits::{MAX_LABEL_COPIES, MAX_LABELS};
use crate::domain::payment::{PaymentError, PaymentMethod};
use crate::domain::pin::PinError;
use crate::domain::product::ProductError;
use crate::domain::qris::QrisError;
use crate::domain::record_check::RecordRule;
use crate::domain::scale::ScaleError;
use crate::domain::stall::IdentityError;
use crate::domain::unit::UnitError;
use crate::money::MoneyError;
use crate::print::PrintError;
use crate::print::deliver::DeliverError;
use crate::store::{CsvProblem, OutputPathError, RestoreError, SettingProblem, StoreError};
use crate::sync::content::Refusal as OfficeRefusal;
use crate::sync::folder::Unreadable;
use crate::sync::{Rejection, SyncError};

/// An error said in English.
pub trait English {
    fn english(&self) -> String;
}

/// What a refusal needs to travel in a message and be said in both languages.
pub trait Reason: fmt::Display + fmt::Debug + English + Send + Sync {}

impl<T: fmt::Display + fmt::Debug + English + Send + Sync> Reason for T {}

/// A refusal from the book (or from the window's own work), kept typed until
/// it is shown.
#[derive(Clone)]
pub struct Refusal(Arc<dyn Reason>);

impl Refusal {
    /// The sentence in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => self.0.to_string(),
            Lang::En => self.0.english(),
        }
    }
}

impl<E: Reason + 'static> From<E> for Refusal {
    fn from(error: E) -> Refusal {
        Refusal(Arc::new(error))
    }
}

impl fmt::Debug for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq for Refusal {
    fn eq(&self, other: &Refusal) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
            || (self.0.to_string() == other.0.to_string() && self.0.english() == other.0.english())
    }
}

impl Eq for Refusal {}

/// Work of the window itself that went wrong: no book error, but said the
/// same way.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    #[error("pekerjaan di latar belakang berhenti mendadak: {0}")]
    JobDied(String),
    #[error("folder {path} tidak bisa dibuat: {reason}")]
    Folder { path: String, reason: String },
    #[error("tanggal tidak terbaca: {0}")]
    Day(String),
    #[error("folder ekspor belum diatur: isi dulu di Pengaturan")]
    NoExportDir,
}

impl English for WindowError {
    fn english(&self) -> String {
        match self {
            WindowError::JobDied(detail) => format!("the work in the background stopped: {detail}"),
            WindowError::Folder { path, reason } => {
                format!("folder {path} could not be made: {reason}")
            }
            WindowError::Day(day) => format!("unreadable date: {day}"),
            WindowError::NoExportDir => {
                "no export folder is set: fill it in under Settings (Pengaturan)".into()
            }
        }
    }
}

impl English for MoneyError {
    fn english(&self) -> String {
        match self {
            MoneyError::BadAmount(text) => {
                format!("unreadable amount: \"{text}\" (e.g. 15000, 15.000 or Rp15.000)")
            }
            MoneyError::NegativeAmount(text) => format!("an amount cannot be negative: \"{text}\""),
            MoneyError::Overflow => "the amount is too large (past what can be computed)".into(),
            MoneyError::BadQuantity(text) => {
                format!("unreadable quantity: \"{text}\" (e.g. 2, 1,5 or 0.25)")
            }
            MoneyError::TooManyDecimals(text) => {
                format!("a quantity has at most three decimals: \"{text}\"")
            }
        }
    }
}

impl English for LimitError {
    fn english(&self) -> String {
        match self {
            LimitError::Price(price) => {
                format!("price {price} out of bounds (above zero, at most Rp1.000.000.000)")
            }
            LimitError::Quantity(quantity) => {
                format!("quantity {quantity} out of bounds (above zero, at most 100.000)")
            }
            LimitError::Amount(amount) => {
                format!("amount {amount} out of bounds (not negative, at most Rp10.000.000.000)")
            }
            LimitError::Lines => format!("at most {MAX_LINES} lines on one receipt"),
        }
    }
}

impl English for PricingError {
    fn english(&self) -> String {
        match self {
            PricingError::EmptyCart => "the cart is empty: add at least one item".into(),
            PricingError::NonPositiveQuantity { line } => {
                format!("line {line}: the quantity must be above zero")
            }
            PricingError::NegativePrice { line } => {
                format!("line {line}: the price cannot be negative")
            }
            PricingError::LineDiscountTooLarge {
                line,
                discount,
                amount,
            } => format!("line {line}: discount {discount} is more than the line's {amount}"),
            PricingError::SaleDiscountTooLarge { discount, amount } => {
                format!("sale discount {discount} is more than the subtotal {amount}")
            }
            PricingError::Bound { line, rule } => format!("line {line}: {}", rule.english()),
            PricingError::TotalBound(rule) => format!("sale total: {}", rule.english()),
            PricingError::Money(error) => error.english(),
        }
    }
}

impl English for DiscountError {
    fn english(&self) -> String {
        match self {
            DiscountError::PercentRange(text) => {
                format!("a percentage discount must be between 0% and 100%: \"{text}\"")
            }
            DiscountError::PercentShape(text) => {
                format!("a percentage discount has at most two decimals: \"{text}\"")
            }
            DiscountError::Amount(error) => error.english(),
        }
    }
}

/// A payment method's name in English.
pub fn method_english(method: PaymentMethod) -> &'static str {
    match method {
        PaymentMethod::Cash => "Cash",
        PaymentMethod::Qris => "QRIS",
        PaymentMethod::Transfer => "Transfer",
        PaymentMethod::Card => "Debit card",
        PaymentMethod::Kasbon => "On credit (kasbon)",
    }
}

impl English for PaymentError {
    fn english(&self) -> String {
        match self {
            PaymentError::UnknownMethod(text) => {
                format!("unknown payment method: \"{text}\" (use cash, qris, transfer or card)")
            }
            PaymentError::NoPayment => "no payment yet".into(),
            PaymentError::NonPositive { method } => {
                format!("a {} payment must be above zero", method_english(*method))
            }
            PaymentError::TooLarge { method } => format!(
                "a {} payment is over the bound of Rp10.000.000.000",
                method_english(*method)
            ),
            PaymentError::Underpaid { due, paid } => {
                format!("underpaid: the total is {due}, paid {paid}")
            }
            PaymentError::NonCashOverpaid { due, paid } => format!(
                "non-cash payments of {paid} are more than the total {due}: change comes only from cash"
            ),
            PaymentError::BadReference => {
                "the payment reference is too long or has odd characters (at most 64)".into()
            }
            PaymentError::Money(error) => error.english(),
        }
    }
}

impl English for ScaleError {
    fn english(&self) -> String {
        match self {
            ScaleError::Prefix(text) => {
                format!("a scale barcode prefix is two digits: 02 or 20–29 (written \"{text}\")")
            }
            ScaleError::Layout(text) => format!(
                "a scale barcode layout is 10 letters: 4–6 P (PLU) then W (grams) or R (price), e.g. PPPPPWWWWW (written \"{text}\")"
            ),
            ScaleError::Plu(text) => {
                format!("a PLU is 1–5 digits and not zero (written \"{text}\")")
            }
            ScaleError::PluTooLong { plu, digits } => format!(
                "PLU {plu} is longer than the {digits} PLU digits of the scale barcode layout"
            ),
            ScaleError::Barcode(error) => error.english(),
            ScaleError::Zero(code) => {
                format!("scale barcode {code} carries a weight or price of zero")
            }
            ScaleError::UnknownPlu { plu, code } => {
                format!("PLU {plu} (scale barcode {code}) is not set on any product")
            }
            ScaleError::PluTaken { plu, sku } => format!("PLU {plu} is already used by {sku}"),
            ScaleError::NotByWeight { sku, unit } => format!(
                "{sku} is sold per {unit}: a scale barcode with a weight is only for goods sold per kg or g"
            ),
            ScaleError::NotMeasured { sku, unit } => format!(
                "{sku} is sold per {unit}: a scale barcode with a price is only for goods sold by measure"
            ),
            ScaleError::PriceTooSmall {
                price,
                sku,
                unit_price,
            } => format!(
                "the price {price} on the scale barcode is below the smallest weighable amount ({sku} {unit_price})"
            ),
            ScaleError::WholeLabels(quantity) => format!(
                "a scale barcode counts labels: the quantity is a whole number, e.g. CODE=1 (written {quantity})"
            ),
            ScaleError::PrefixInUse {
                prefix,
                barcode,
                sku,
            } => format!(
                "prefix {prefix} is already used by barcode {barcode} ({sku}): scale barcodes would be mistaken for it; choose another prefix"
            ),
            ScaleError::ReservedPrefix { barcode, prefix } => format!(
                "barcode {barcode} starts with {prefix}, the scale barcode prefix: use another barcode or a store barcode (sentra product barcode SKU --auto)"
            ),
        }
    }
}

impl English for LabelError {
    fn english(&self) -> String {
        match self {
            LabelError::NoBarcode(sku) => format!(
                "{sku} has no barcode yet: give it a store barcode first (sentra product barcode {sku} --auto)"
            ),
            LabelError::Copies { sku, copies } => format!(
                "the number of labels of {sku} must be 1–{MAX_LABEL_COPIES} (written {copies})"
            ),
            LabelError::TooMany(count) => {
                format!("at most {MAX_LABELS} labels in one print ({count} asked)")
            }
            LabelError::Nothing => "choose at least one product to print labels for".into(),
            LabelError::Sheet(text) => {
                format!("unknown label stock: \"{text}\" (use a4-3x7, a4-4x10 or roll-58x40)")
            }
            LabelError::HasBarcode(sku) => format!("product {sku} already has a barcode"),
            LabelError::Exhausted(prefix) => {
                format!("store barcodes ran out: every number with prefix {prefix} is used")
            }
            LabelError::Skip { skip, per_page } => format!(
                "this sheet has only {per_page} places: skip at most {} (written {skip})",
                per_page - 1
            ),
        }
    }
}

impl English for BarcodeError {
    fn english(&self) -> String {
        match self {
            BarcodeError::Shape(text) => format!("a barcode has 13 digits: \"{text}\""),
            BarcodeError::CheckDigit { code, expected } => {
                format!("the check digit of barcode {code} is wrong (it should be {expected})")
            }
        }
    }
}

impl English for ProductError {
    fn english(&self) -> String {
        match self {
            ProductError::Sku(text) => {
                format!("a SKU is 1–32 letters, digits, - _ . or /: \"{text}\"")
            }
            ProductError::Name => {
                "a product name cannot be empty and has at most 120 characters".into()
            }
            ProductError::Category => {
                "a category cannot be empty and has at most 40 characters".into()
            }
            ProductError::Price(price) => format!(
                "the price must be above zero and at most Rp1.000.000.000 (written {price})"
            ),
            ProductError::Cost(cost) => {
                format!("the cost cannot be negative or over Rp1.000.000.000 (written {cost})")
            }
            ProductError::MinStock(quantity) => {
                format!("the minimum stock cannot be negative (written {quantity})")
            }
        }
    }
}

impl English for IdentityError {
    fn english(&self) -> String {
        match self {
            IdentityError::Code(text) => {
                format!(
                    "a stall code is 2–8 capital letters or digits, e.g. ST07{}",
                    crate::domain::stall::typed(text)
                )
            }
            IdentityError::Name => {
                "a name cannot be empty, has at most 80 characters, and no control or hidden characters"
                    .into()
            }
            IdentityError::Regency(code) => {
                format!("regency code {code} is not in Lampung (1801–1813, 1871, 1872)")
            }
        }
    }
}

impl English for UnitError {
    fn english(&self) -> String {
        match self {
            UnitError::Unknown(text) => {
                format!("unknown unit: \"{text}\" (use pcs, pack, kg, g, m or l)")
            }
            UnitError::WholeOnly { unit, quantity } => {
                format!("{unit} is sold whole: the quantity {quantity} cannot be a fraction")
            }
        }
    }
}

impl English for PinError {
    fn english(&self) -> String {
        match self {
            PinError::Shape => "a PIN is 4–8 digits".into(),
            PinError::Wrong { left } => {
                format!("wrong PIN ({left} more tries before it locks)")
            }
            PinError::Locked { until } => {
                format!("wrong PIN 5 times: PIN actions are locked until {until} WIB")
            }
            PinError::NotSet => "no manager PIN is set (sentra pin set --new PIN)".into(),
            PinError::OldRequired => {
                "a manager PIN is already set: give the old PIN to change it (--old PIN)".into()
            }
            PinError::Required(approval) => {
                format!("the manager PIN is needed: {}", approval.english())
            }
        }
    }
}

impl English for crate::domain::price_tier::TierError {
    fn english(&self) -> String {
        use crate::domain::price_tier::{MAX_TIERS, TierError};
        match self {
            TierError::From => "a wholesale price starts from a quantity above 1 (e.g. 12)".into(),
            TierError::NotLower { price, base } => {
                format!("the wholesale price {price} must be below the normal price {base}")
            }
            TierError::NotFalling { from, price } => {
                format!("a wholesale price for more may not be dearer ({price} from {from})")
            }
            TierError::TooMany => format!("at most {MAX_TIERS} wholesale prices per product"),
            TierError::Twice(from) => {
                format!("two wholesale prices from the same quantity ({from})")
            }
            TierError::Typed(text) => {
                format!("write a wholesale price as QUANTITY=PRICE, e.g. 12=9000: \"{text}\"")
            }
            TierError::Stored(text) => {
                format!("the stored wholesale prices are broken: \"{text}\"")
            }
            TierError::Price(error) => error.english(),
        }
    }
}

impl English for crate::domain::whatsapp::NotAPhone {
    fn english(&self) -> String {
        format!(
            "\"{}\" is not an Indonesian mobile number (08…, 628… or +62 8…)",
            self.0
        )
    }
}

impl English for QrisError {
    fn english(&self) -> String {
        match self {
            QrisError::Shape => {
                "a QRIS text starts with 000201 and ends with the CRC tag 6304XXXX".into()
            }
            QrisError::Crc { found, expected } => {
                format!("wrong QRIS CRC: written {found}, it should be {expected}")
            }
            QrisError::Length { at, tag } => {
                format!("QRIS broken at position {at}: the length of tag {tag} does not match")
            }
            QrisError::Tag {
                tag,
                found,
                expected,
            } => format!("QRIS tag {tag} holds \"{found}\", it should be {expected}"),
            QrisError::Missing { tag, what } => {
                format!("QRIS has no tag {tag} ({})", what.english())
            }
            QrisError::AmountInStatic => "a static QRIS may not carry an amount (tag 54)".into(),
            QrisError::AmountOutOfRange => {
                "a QRIS amount must be between Rp1 and Rp10.000.000 per payment".into()
            }
            QrisError::NoStatic => {
                "the stall's static QRIS is not set (sentra settings set qris_payload TEXT, or Settings)"
                    .into()
            }
        }
    }
}

impl English for ClockError {
    fn english(&self) -> String {
        let text = self.to_string();
        let value = text.split_once(": ").map(|(_, v)| v).unwrap_or_default();
        format!("SENTRA_NOW is not an RFC 3339 time (e.g. 2026-11-27T10:15:00+07:00): {value}")
    }
}

impl English for PrintError {
    fn english(&self) -> String {
        format!("could not write {}: {}", self.path.display(), self.source)
    }
}

impl English for DeliverError {
    fn english(&self) -> String {
        format!("{} could not be started: {}", self.program, self.source)
    }
}

impl English for OutputPathError {
    fn english(&self) -> String {
        match self {
            OutputPathError::Book(path) => format!(
                "{} is this Sentra book or a file beside it; save to another file",
                path.display()
            ),
            OutputPathError::Lock(path) => format!(
                "{} is the Sentra data folder's lock; save to another file",
                path.display()
            ),
            OutputPathError::BeforeRestore(path) => format!(
                "{} is the copy of the book kept by a restore; save to another file",
                path.display()
            ),
            OutputPathError::Backup(path) => format!(
                "{} is in a Sentra book's backup folder, which only that book fills; save elsewhere",
                path.display()
            ),
            OutputPathError::SentraBook(path) => format!(
                "{} is a Sentra book or backup; only a newer backup (sentra backup) may replace it",
                path.display()
            ),
            OutputPathError::NotAFile(path) => format!(
                "{} is not a plain file (a device or a pipe); a backup must be a file",
                path.display()
            ),
            OutputPathError::SameFile(path) => format!(
                "--pdf and --xlsx name the same file ({}); give them different names",
                path.display()
            ),
            OutputPathError::NotXlsx(path) => {
                format!("{}: an --xlsx file's name ends in .xlsx", path.display())
            }
            OutputPathError::NoFolder(path) => format!(
                "folder {} does not exist; plug in the USB stick or make the folder first, then save again",
                path.display()
            ),
            OutputPathError::DataFolder(path) => format!(
                "{} is this book's data folder; pick another folder for export files",
                path.display()
            ),
            OutputPathError::Unresolvable(path) => format!(
                "the path {} cannot be checked (too many symbolic links)",
                path.display()
            ),
            OutputPathError::Database(path) => format!(
                "{} is another Sentra book (its data folder's lock is there); save to another file",
                path.display()
            ),
        }
    }
}

impl English for RestoreError {
    fn english(&self) -> String {
        match self {
            RestoreError::NoFile(path) => format!(
                "backup file {} not found; check its name and folder",
                path.display()
            ),
            RestoreError::Folder(path) => format!(
                "{} is a folder; pick the backup file inside it",
                path.display()
            ),
            RestoreError::PinRequired => "restoring the book needs the manager PIN".into(),
            RestoreError::OwnBook(path) => format!(
                "{} is the book in use, not a backup; pick a backup file",
                path.display()
            ),
            RestoreError::Empty => {
                "this backup is a book never set up as a stall or an office; there is nothing to restore"
                    .into()
            }
            RestoreError::OtherOwner { found, ours } => format!(
                "this backup belongs to {found}, and this book to {ours}; only this book's own backups can be restored"
            ),
            RestoreError::OtherKey { code } => format!(
                "this backup of stall {code} uses another signing key than stall {code} in this book; only this stall's own backups (same code and key) can be restored"
            ),
            RestoreError::Schema {
                version,
                differences,
            } => format!(
                "this backup's layout differs from a Sentra book of schema version {version} ({differences}); a changed backup is not restored"
            ),
            RestoreError::WouldLose {
                backup,
                count,
                first,
                last,
            } => format!(
                "this backup ends at sequence number {backup}, and this book holds {} (numbers {first} to {last}) that would be lost; if that is what you want, tick \"accept losing\" and give the manager PIN",
                super::i18n::en_count(*count, "later record", "later records")
            ),
        }
    }
}

impl English for CsvProblem {
    fn english(&self) -> String {
        match self {
            CsvProblem::Unreadable(text) => format!("not readable as CSV ({text})"),
            CsvProblem::NotUtf8 => "not UTF-8 text (save as CSV UTF-8)".into(),
            CsvProblem::MissingColumn(column) => format!("no {column} column in the header row"),
            CsvProblem::EmptySku => "empty SKU".into(),
            CsvProblem::RepeatedSku(sku) => format!("SKU {sku} appears twice in the file"),
            CsvProblem::Quantity(error) => error.english(),
            CsvProblem::Unit(error) => error.english(),
            CsvProblem::Price(error) => format!("price: {}", error.english()),
            CsvProblem::Cost(error) => format!("cost: {}", error.english()),
            CsvProblem::NegativeStock => "the opening stock cannot be negative".into(),
            CsvProblem::Refused(error) => error.english(),
        }
    }
}

impl English for SettingProblem {
    fn english(&self) -> String {
        match self {
            SettingProblem::TaxMode => "use none, inclusive or exclusive".into(),
            SettingProblem::Percent { example } => {
                format!("a percentage 0–100, e.g. {}", example.replace(',', "."))
            }
            SettingProblem::Amount(error) => error.english(),
            SettingProblem::ReceiptWidth => "use 58 or 80".into(),
            SettingProblem::CustomerLine => "at most 60 letters, no hidden characters".into(),
            SettingProblem::Position => "use X,Y in pixels, e.g. 1366,0".into(),
            SettingProblem::Language => "use id or en".into(),
            SettingProblem::Taxpayer => {
                "use orang_pribadi (a person) or badan (CV, firm, cooperative)".into()
            }
            SettingProblem::Offset => "use 7 (WIB), 8 (WITA) or 9 (WIT)".into(),
            SettingProblem::QrisTooLong => "the QRIS text is too long".into(),
            SettingProblem::OnOff => "use on or off".into(),
            SettingProblem::Paid => {
                "use drawer (cash), bank, credit (the supplier's) or owner (the owner's money)"
                    .into()
            }
            SettingProblem::Qris(error) => error.english(),
            SettingProblem::Delivery => "use save, open or print".into(),
            SettingProblem::Scale(error) => error.english(),
            SettingProblem::Printer(error) => error.english(),
            SettingProblem::UnknownKey => format!(
                "unknown key; pick one of: {}",
                crate::store::SettingKey::names()
            ),
        }
    }
}

impl English for StoreError {
    fn english(&self) -> String {
        match self {
            StoreError::AlreadyOpen(path) => format!(
                "the data folder {} is in use by another Sentra; close that program first",
                path.display()
            ),
            StoreError::Folder { path, source } => {
                format!(
                    "the data folder {} cannot be used: {source}",
                    path.display()
                )
            }
            StoreError::Open { path, source } => {
                format!(
                    "the Sentra book in {} cannot be opened: {source}",
                    path.display()
                )
            }
            StoreError::TooNew { found, supported } => format!(
                "this book was made by a newer Sentra (schema version {found}, this program knows up to {supported}); update Sentra"
            ),
            StoreError::NotABook(path) => format!("{} is not a Sentra book", path.display()),
            StoreError::ClockBehind { now, latest } => format!(
                "the computer's clock ({now}) is earlier than the book's latest record ({latest}): set the clock right; if the clock really is right, a manager accepts it with the PIN (Settings › Accept the PC's clock, or sentra clock accept --pin PIN)"
            ),
            StoreError::NotInitialised => "the stall is not set up yet".into(),
            StoreError::AlreadyInitialised(kind) => {
                format!(
                    "this book is already set up as {}; it cannot be set up again",
                    crate::store::book_kind(kind).1
                )
            }
            StoreError::WrongKind { expected, actual } => {
                format!("this is only for {expected}, and this book belongs to {actual}")
            }
            StoreError::NotEmpty => {
                "demo data is only for a new stall: this book already holds products".into()
            }
            StoreError::UnknownProduct(code) => format!("unknown product: \"{code}\""),
            StoreError::DuplicateSku(sku) => {
                format!("SKU {sku} is already used by another product")
            }
            StoreError::DuplicateBarcode(code) => {
                format!("barcode {code} is already used by another product")
            }
            StoreError::UnknownReceipt(receipt) => format!("unknown receipt: \"{receipt}\""),
            StoreError::AlreadyVoided(receipt) => format!("receipt {receipt} is already voided"),
            StoreError::VoidNotToday(receipt) => format!(
                "receipt {receipt} is from another day: only today's receipts can be voided; use a return"
            ),
            StoreError::VoidAfterReturn(receipt) => format!(
                "receipt {receipt} already has a return; return the rest of its goods, do not void it"
            ),
            StoreError::Reason => "a reason is required (at most 200 characters)".into(),
            StoreError::NotOnReceipt { sku, receipt } => {
                format!("{sku} is not on receipt {receipt}")
            }
            StoreError::ReturnTooMuch { sku, asked, left } => {
                format!("returning {asked} of {sku} is more than can still be returned ({left})")
            }
            StoreError::RefundTooMuch { asked, worth } => {
                format!("a refund of {asked} is more than the returned goods are worth ({worth})")
            }
            StoreError::DayClosed(day) => {
                format!("the day {day} is closed: a manager reopens it with the PIN")
            }
            StoreError::DayAlreadyOpen(day) => format!("the day {day} is already open"),
            StoreError::DayNotClosed(day) => format!("the day {day} is not closed"),
            StoreError::NonPositiveQuantity => "the quantity must be above zero".into(),
            StoreError::ZeroAdjustment => "a stock adjustment cannot be zero".into(),
            StoreError::NegativeCount => "a stock count cannot be negative".into(),
            StoreError::UnknownHeldSale(id) => format!("held cart not found: {id}"),
            StoreError::Csv { line, problem } => {
                format!("CSV line {line}: {}", problem.english())
            }
            StoreError::Setting { key, problem } => {
                format!(
                    "the setting {} is not valid: {}",
                    crate::store::setting_label(key).1,
                    problem.english()
                )
            }
            StoreError::Money(error) => error.english(),
            StoreError::Pricing(error) => error.english(),
            StoreError::Limit(error) => error.english(),
            StoreError::Record(rule) => format!("invalid record: {}", rule.english()),
            StoreError::Payment(error) => error.english(),
            StoreError::Discount(error) => error.english(),
            StoreError::Barcode(error) => error.english(),
            StoreError::Scale(error) => error.english(),
            StoreError::Label(error) => error.english(),
            StoreError::Product(error) => error.english(),
            StoreError::Identity(error) => error.english(),
            StoreError::Unit(error) => error.english(),
            StoreError::Pin(error) => error.english(),
            StoreError::Qris(error) => error.english(),
            StoreError::Phone(error) => error.english(),
            StoreError::Tier(error) => error.english(),
            StoreError::Consign(error) => error.english(),
            StoreError::OutputPath(error) => error.english(),
            StoreError::Restore(error) => error.english(),
            StoreError::RefundMethods => "a refund takes one method at most, plus kasbon".into(),
            StoreError::Customer(error) => error.english(),
            StoreError::Kasbon(error) => error.english(),
            StoreError::Expense(error) => error.english(),
            StoreError::Register(error) => error.english(),
            StoreError::OwnerWithStock { sku, stock } => format!(
                "{sku} still has {stock} in stock: consigned goods cannot become the stall's own (or the other way) while stock is left; hand them back or adjust the stock first"
            ),
            StoreError::Sqlite(error) => format!("database error: {error}"),
            StoreError::Io(error) => format!("file error: {error}"),
        }
    }
}

/// A field name a record rule quotes, in English.
fn field_english(field: &str) -> &str {
    match field {
        "diskon baris" => "line discounts",
        "diskon nota" => "sale discount",
        "pembayaran" => "payment",
        "uang diserahkan" => "tendered",
        "uang kembali" => "refund",
        "kas awal" => "opening float",
        "kas masuk" => "cash in",
        "kas keluar" => "cash out",
        "kas dihitung" => "counted cash",
        "bayar penitip tunai" => "cash paid to producers",
        "neto" => "net",
        "bayar kasbon" => "kasbon repayment",
        "pengeluaran" => "expense",
        "bayar penitip" => "producer payout",
        other => other,
    }
}

impl English for ConsignError {
    fn english(&self) -> String {
        match self {
            ConsignError::Code(code) => format!(
                "a producer code is 2–12 capital letters, digits or -, starting with a letter, e.g. P001: \"{code}\""
            ),
            ConsignError::Name => {
                "a producer's name cannot be empty, has at most 80 characters, and no hidden characters"
                    .into()
            }
            ConsignError::Regency(code) => {
                format!("regency code {code} is not in Lampung (1801–1813, 1871, 1872)")
            }
            ConsignError::Nib(nib) => format!("a NIB is 13 digits: \"{nib}\""),
            ConsignError::Phone(phone) => format!(
                "a phone number has only digits, +, spaces or -, at most 20: \"{phone}\""
            ),
            ConsignError::Bank => {
                "the bank account has at most 80 characters and no hidden characters".into()
            }
            ConsignError::UnknownProducer(code) => format!("unknown producer: \"{code}\""),
            ConsignError::DuplicateProducer(code) => {
                format!("producer code {code} is already used by another producer")
            }
            ConsignError::Commission(text) => format!(
                "a commission is between 0% and 100%, with at most two decimals, e.g. 20%: \"{text}\""
            ),
            ConsignError::ConsignPrice(price) => format!(
                "the consignment price must be above zero and at most Rp1.000.000.000 (written {price})"
            ),
            ConsignError::ConsignAbovePrice { consign, price } => format!(
                "the consignment price {consign} cannot be above the selling price {price}"
            ),
            ConsignError::Terms => {
                "a consigned product needs one of: a consignment price (--consign-price) or a commission (--commission)"
                    .into()
            }
            ConsignError::TermsWithoutProducer => {
                "a consignment price or commission is only for consigned goods: name the producer (--producer)"
                    .into()
            }
            ConsignError::OwedAboveNet { sku, owed, net } => format!(
                "{sku}: what is owed to the producer ({owed}) is more than the line's net ({net}); lower the discount"
            ),
            ConsignError::NotConsigned { sku, producer } => {
                format!("{sku} is not consigned by producer {producer}")
            }
            ConsignError::UnknownNote(number) => format!("unknown handover note: \"{number}\""),
            ConsignError::NoItems => "a handover needs at least one item".into(),
            ConsignError::RepeatedItem(sku) => format!("{sku} is named twice in one handover"),
            ConsignError::HandBackTooMuch { sku, asked, left } => format!(
                "handing back {asked} of {sku} is more than the stock there is ({left})"
            ),
            ConsignError::Note => "a note has at most 200 characters and no hidden characters".into(),
            ConsignError::PayoutAmount(amount) => format!(
                "the amount paid must be above zero and at most Rp10.000.000.000 (written {amount})"
            ),
            ConsignError::PayoutMethod(text) => {
                format!("a producer is paid only in cash or by transfer: \"{text}\"")
            }
            ConsignError::PayoutReference => {
                "a transfer needs its reference (transfer:REF), at most 64 characters".into()
            }
            ConsignError::Overpay {
                producer,
                amount,
                balance,
            } => format!("paying {amount} is more than producer {producer}'s balance ({balance})"),
            ConsignError::DrawerShort { amount, drawer } => format!(
                "the drawer should hold {drawer} in cash, not enough to pay {amount}; pay by transfer or pay part"
            ),
            ConsignError::Period { from, to } => {
                format!("the first day {from} is after the last day {to}")
            }
        }
    }
}

impl English for RecordRule {
    fn english(&self) -> String {
        match self {
            RecordRule::Id(id) => format!("id \"{id}\" is not a UUID"),
            RecordRule::Seq(seq) => {
                format!("sequence number {seq} out of bounds (1 to 1,000,000,000)")
            }
            RecordRule::Day(day) => format!("unreadable date \"{day}\" (YYYY-MM-DD)"),
            RecordRule::Time(time) => format!("unreadable time \"{time}\" (RFC 3339)"),
            RecordRule::DayNotOfTime { day, time } => {
                format!("date {day} is not the local date of its time {time}")
            }
            RecordRule::DayOutOfRange { day, latest } => {
                format!("date {day} is outside the possible range (2000-01-01 to {latest})")
            }
            RecordRule::Receipt {
                receipt,
                stall,
                day,
            } => format!("receipt number \"{receipt}\" is not stall {stall}'s on {day}"),
            RecordRule::NoLines => "a receipt with no lines".into(),
            RecordRule::TooManyLines(count) => {
                format!("too many lines ({count}; at most {MAX_LINES})")
            }
            RecordRule::LineNumber { position, found } => {
                format!("lines are numbered 1, 2, 3 …: line {position} is numbered {found}")
            }
            RecordRule::LineText { line } => {
                format!("line {line}: the SKU, name, category or unit is not valid")
            }
            RecordRule::LineBound { line, rule } => format!("line {line}: {}", rule.english()),
            RecordRule::LineUnit {
                line,
                quantity,
                unit,
            } => format!("line {line}: quantity {quantity} does not fit the unit {unit}"),
            RecordRule::LineGross {
                line,
                found,
                expected,
            } => format!("line {line}: gross {found} is not price × quantity ({expected})"),
            RecordRule::LineDiscount {
                line,
                discount,
                gross,
            } => format!("line {line}: discount {discount} outside 0 to gross {gross}"),
            RecordRule::LineNet {
                line,
                found,
                expected,
            } => format!(
                "line {line}: net {found} is not gross − discount − share of the sale discount ({expected})"
            ),
            RecordRule::Sum {
                field,
                found,
                expected,
            } => format!(
                "{} {found} is not the sum of its lines ({expected})",
                field_english(field)
            ),
            RecordRule::Tax { tax, net } => format!("VAT {tax} outside 0 to net {net}"),
            RecordRule::Total { found, net } => {
                format!("total {found} is not the lines' net ({net}) or net + VAT")
            }
            RecordRule::Bound { field, rule } => {
                format!("{}: {}", field_english(field), rule.english())
            }
            RecordRule::TooManyPayments(count) => format!(
                "too many payments ({count}; at most {})",
                crate::domain::limits::MAX_PAYMENTS
            ),
            RecordRule::Method(method) => {
                format!("unknown payment method \"{method}\" (cash, qris, transfer, card)")
            }
            RecordRule::Tendered {
                method,
                tendered,
                amount,
            } => format!("{method} payment: tendered {tendered} is less than {amount}"),
            RecordRule::NonCashTendered {
                method,
                tendered,
                amount,
            } => format!("non-cash payment {method}: tendered {tendered} must equal {amount}"),
            RecordRule::Payments { paid, total } => {
                format!("payments add up to {paid}, not the total {total}")
            }
            RecordRule::Text => {
                "a note or reference is empty, too long or has hidden characters".into()
            }
            RecordRule::NoReturnLines => "a return with no lines".into(),
            RecordRule::ReturnLine { line } => {
                format!("return line {line}: that line is not on the receipt")
            }
            RecordRule::ReturnTooMuch {
                line,
                returned,
                sold,
            } => format!("return line {line}: {returned} is more than the {sold} sold"),
            RecordRule::ReturnAmount {
                line,
                found,
                expected,
            } => format!(
                "return line {line}: value {found} is not its share of the line's net ({expected})"
            ),
            RecordRule::RefundTooMuch { refund, worth } => {
                format!("a refund of {refund} is more than the returned goods are worth ({worth})")
            }
            RecordRule::ReturnBeforeSale { day, sale_day } => {
                format!("a return dated {day}, before its sale ({sale_day})")
            }
            RecordRule::Expected { found, expected } => format!(
                "day close: expected {found} is not opening float + in − out − cash paid to producers + cash kasbon repayments − expenses from the drawer ({expected})"
            ),
            RecordRule::Difference { found, expected } => {
                format!("day close: difference {found} is not counted − expected ({expected})")
            }
            RecordRule::SalesCount(count) => {
                format!("day close: a sales count of {count} cannot be negative")
            }
            RecordRule::EventKind(kind) => format!("unknown kind of event \"{kind}\""),
            RecordRule::ReopenDetail(detail) => {
                format!("day reopened: \"{detail}\" names no day gone by")
            }
            RecordRule::RestoreDetail(detail) => format!(
                "backup restored: \"{detail}\" names no numbers given up between the backup and its restore"
            ),
            RecordRule::ReopenWithoutClose(day) => {
                format!("day {day} reopened: that day was never closed")
            }
            RecordRule::AfterClose(day) => format!(
                "day {day} was closed (tutup kasir) and not reopened by a manager before this record"
            ),
            RecordRule::ReturnLineTwice { line } => {
                format!("return line {line} appears twice in one return")
            }
            RecordRule::VoidNotOnSaleDay { time, sale_time } => format!(
                "the void at {time} is not on the day of its sale, after it ({sale_time}): a receipt is voided only on its day"
            ),
            RecordRule::Customer { code, rule } => {
                format!("customer \"{code}\": {}", rule.english())
            }
            RecordRule::KasbonWithoutCustomer => "a kasbon payment with no customer".into(),
            RecordRule::CustomerWithoutKasbon { method } => {
                format!("a {method} payment names a customer: only kasbon is in a customer's name")
            }
            RecordRule::SeveralKasbon => "more than one kasbon payment on one receipt".into(),
            RecordRule::KasbonRefundWithoutKasbon => {
                "a refund to kasbon for a receipt not paid with kasbon".into()
            }
            RecordRule::KasbonRefundTooMuch { refund, left } => format!(
                "a refund of {refund} to kasbon is more than the receipt's kasbon left ({left})"
            ),
            RecordRule::RepaymentMethod(method) => {
                format!("a kasbon repayment by \"{method}\": only cash, qris or transfer")
            }
            RecordRule::NotPositive { field } => {
                format!("{} must be above zero", field_english(field))
            }
            RecordRule::ExpenseCategory(category) => {
                format!("unknown expense category \"{category}\"")
            }
            RecordRule::PriceTooLate(seq) => {
                format!("a new price for record {seq} and after, which the office held already")
            }
            RecordRule::Price { sku, problem } => {
                format!("the price of \"{sku}\" is not valid: {problem}")
            }
            RecordRule::LinePrice {
                line,
                sku,
                found,
                expected,
            } => format!(
                "line {line} ({sku}): unit price {found} is not the product's price at the time ({expected} for this quantity)"
            ),
            RecordRule::Producer { code, rule } => {
                format!("producer \"{code}\": {}", rule.english())
            }
            RecordRule::ProducerTwice(code) => {
                format!("producer \"{code}\" appears twice in this file")
            }
            RecordRule::UnknownProducer(code) => format!(
                "producer \"{code}\" is not known for this stall (neither in this file nor at the office)"
            ),
            RecordRule::ConsignedLine { line } => {
                format!("consigned line {line}: that line is not on the receipt")
            }
            RecordRule::ConsignedLineTwice { line } => {
                format!("consigned line {line}: named twice")
            }
            RecordRule::ConsignedTerms { line, basis, rate } => {
                format!("consigned line {line}: basis \"{basis}\" with rate {rate} is not known")
            }
            RecordRule::OwedAboveNet { line, owed, net } => format!(
                "consigned line {line}: owed to the producer {owed} is more than the line's net {net}"
            ),
            RecordRule::OwedNotTerms {
                line,
                found,
                expected,
            } => format!(
                "consigned line {line}: owed {found} is not what its consignment terms give ({expected})"
            ),
            RecordRule::Payout(rule) => format!("producer payout: {}", rule.english()),
        }
    }
}

impl English for Rejection {
    fn english(&self) -> String {
        match self {
            Rejection::Empty => "an empty file".into(),
            Rejection::NotAnExport => "not a Sentra export file".into(),
            Rejection::UnknownVersion(version) => {
                format!("format version {version} is not known to this program (update Sentra)")
            }
            Rejection::Truncated { found, expected } => {
                format!("a cut-off file: only {found} of {expected} content bytes")
            }
            Rejection::Corrupt => "damaged content: the SHA-256 checksum does not match".into(),
            Rejection::BadSignature => {
                "invalid signature: the content was changed after it was signed".into()
            }
            Rejection::Malformed(what) => {
                let what = match what.as_str() {
                    "kunci publik" => "public key",
                    "versi" => "version",
                    "identitas toko di isi dan di amplop berbeda" => {
                        "the stall in the content and on the envelope differ"
                    }
                    "kode kabupaten/kota" => "regency code",
                    "nomor urut di luar rentang berkas" => {
                        "a sequence number outside the file's range"
                    }
                    "tanggal" => "date",
                    other => other,
                };
                format!("the content does not follow the format: {what}")
            }
            Rejection::WrongKey(stall) => format!(
                "signed with another key than the one the office knows for stall {stall} (if the stall's PC was reinstalled, the manager runs `sentra stalls repin {stall} --pin PIN`)"
            ),
        }
    }
}

impl English for Unreadable {
    fn english(&self) -> String {
        match self {
            Unreadable::Symlink => "symbolic link not followed".into(),
            Unreadable::NotRegular => "not a regular file (pipe/socket/device): skipped".into(),
            Unreadable::TooBig(_) => {
                let text = self.to_string();
                let sizes = text.split_once(": ").map(|(_, s)| s).unwrap_or_default();
                format!("file too big: {}", sizes.replace("batas", "limit"))
            }
            Unreadable::Loop => "this folder was already read (a loop of links): skipped".into(),
            Unreadable::TooDeep => format!(
                "folder too deep (more than {} levels): skipped",
                crate::sync::folder::MAX_DEPTH
            ),
            Unreadable::Folder(reason) => format!("the folder cannot be read: {reason}"),
        }
    }
}

impl English for OfficeRefusal {
    fn english(&self) -> String {
        match self {
            OfficeRefusal::Record { record, rule } => format!("{record}: {}", rule.english()),
            OfficeRefusal::UnknownSale {
                record,
                sale_id,
                stall,
            } => format!(
                "{record}: the sale it points at ({sale_id}) is neither in this file nor at the office for stall {stall}; import the file that holds it first"
            ),
            OfficeRefusal::AlreadyVoided { record, sale_id } => {
                format!("{record}: sale {sale_id} is already voided")
            }
            OfficeRefusal::Changed {
                record,
                held,
                found,
            } => format!(
                "CONFLICT: {record} was already received with other content: at the office {held}; in this file {found}"
            ),
            OfficeRefusal::ExportChanged {
                export_id,
                held_file,
                held_sha,
                found_sha,
            } => format!(
                "CONFLICT: export id {export_id} was already received from file {held_file} with other content (SHA-256 {held_sha} at the office, {found_sha} in this file)"
            ),
            OfficeRefusal::Identity(reason) => format!("stall identity: {reason}"),
            OfficeRefusal::ForeignSale {
                record,
                sale_id,
                owner,
                stall,
            } => format!(
                "{record} points at sale {sale_id} of stall {owner}: voids and returns are only for the stall's own sales ({stall})"
            ),
            OfficeRefusal::VoidAfterReturn { record, sale_id } => format!(
                "{record}: sale {sale_id} has goods returned; a returned receipt cannot be voided"
            ),
            OfficeRefusal::ReturnOfVoided { record, sale_id } => {
                format!("{record}: sale {sale_id} is voided; a voided receipt cannot take returns")
            }
            OfficeRefusal::KeyOfOtherStall {
                prefix,
                owner,
                stall,
            } => format!(
                "CONFLICT: the key {prefix}… that signed this file belongs to stall {owner}, not stall {stall}"
            ),
            OfficeRefusal::NewKey { stall, prefix } => format!(
                "stall {stall}'s file is signed by a key {prefix}… other than the one the office knows; if that stall's PC really was reinstalled, check with its vendor that the stall's key starts with {prefix}, then: sentra stalls repin {stall} --key {prefix} --pin PIN"
            ),
            OfficeRefusal::CloseDoesNotMatch {
                day,
                field,
                found,
                expected,
            } => {
                let field = match *field {
                    "jumlah nota" => "number of sales",
                    _ => "net",
                };
                format!(
                    "day close {day}: {field} {found} does not match that stall's records at the office ({expected})"
                )
            }
            OfficeRefusal::ExportId(id) => format!("export id \"{id}\" is not a UUID"),
            OfficeRefusal::UnknownSku { receipt, line, sku } => format!(
                "sale {receipt} line {line}: SKU {sku} is not in the file's list of products"
            ),
            OfficeRefusal::Duplicate(id) => format!("id {id} appears twice in this file"),
            OfficeRefusal::BeforeRepin {
                stall,
                seq,
                day,
                from,
            } => format!(
                "record number {seq} is dated {day}, before the last day of stall {stall}'s old key ({from}): a reinstalled PC does not record days gone by"
            ),
            OfficeRefusal::ConsignedWithoutSale { sale_id } => format!(
                "consigned lines of sale {sale_id}, which is not in this file (they always travel with their sale)"
            ),
        }
    }
}

impl English for SyncError {
    fn english(&self) -> String {
        match self {
            SyncError::Store(error) => error.english(),
            SyncError::Rejected(rejection) => format!("refused: {}", rejection.english()),
            SyncError::Refused(refusal) => format!("refused: {}", refusal.english()),
            SyncError::Unreadable(why) => why.english(),
            SyncError::NothingNew { last } => {
                format!("no new records since the last export (up to number {last})")
            }
            SyncError::AllExported { day, last } => format!(
                "day {day} is closed and all its records are exported (up to number {last}); there is no new file to write"
            ),
            SyncError::NoFolder(path) => {
                format!(
                    "folder {} does not exist (is the USB stick in?)",
                    path.display()
                )
            }
            SyncError::Io { path, source } => {
                format!("cannot write or read {}: {source}", path.display())
            }
        }
    }
}

impl English for crate::office::OfficeError {
    fn english(&self) -> String {
        use crate::office::OfficeError;
        match self {
            OfficeError::Sync(error) => error.english(),
            OfficeError::Repin(error) => error.english(),
            OfficeError::Fee(error) => error.english(),
            OfficeError::Period { from, to } => {
                format!("the first day {from} is after the last day {to}")
            }
            OfficeError::UnknownStall(code) => format!(
                "stall {code} is not known to the office yet (no file from it was imported)"
            ),
            OfficeError::NotAStruk(not) => format!(
                "not a Sentra receipt's QR code (NUMBER#CHECK or NUMBER · CHECK, e.g. ST07-20261127-0001#1A2B3C4D5E6F): \"{}\"",
                not.0
            ),
        }
    }
}

impl English for crate::office::repin::RepinError {
    fn english(&self) -> String {
        match self {
            crate::office::repin::RepinError::UnknownStall(code) => {
                format!("stall {code} is not known to the office: there is no key to replace")
            }
            crate::office::repin::RepinError::KeyPrefix(text) => format!(
                "--key must be the first 16 to 64 hexadecimal digits of the stall's new key (see the stall's settings or its file's refusal): \"{text}\""
            ),
        }
    }
}

impl English for crate::domain::customer::CustomerError {
    fn english(&self) -> String {
        use crate::domain::customer::CustomerError;
        match self {
            CustomerError::Code(code) => format!(
                "a customer code is 1–16 capital letters, digits or -, e.g. C001: \"{code}\""
            ),
            CustomerError::Name => {
                "a customer's name cannot be empty, has at most 80 characters, and no hidden characters"
                    .into()
            }
            CustomerError::Phone(phone) => format!(
                "a phone number has only digits, spaces, +, - or brackets (6–20 characters): \"{phone}\""
            ),
            CustomerError::Limit(limit) => format!(
                "a kasbon limit of {limit} is out of bounds (not negative, at most Rp10.000.000.000)"
            ),
        }
    }
}

impl English for crate::domain::kasbon::KasbonError {
    fn english(&self) -> String {
        use crate::domain::kasbon::KasbonError;
        match self {
            KasbonError::NoCustomer => {
                "kasbon is in a customer's name: pick or add the customer first".into()
            }
            KasbonError::CustomerWithoutKasbon => {
                "a customer is only for a kasbon payment; pick kasbon as the method".into()
            }
            KasbonError::SeveralKasbon => "one receipt takes one kasbon payment at most".into(),
            KasbonError::UnknownCustomer(code) => format!("unknown customer: \"{code}\""),
            KasbonError::DuplicateCustomer(code) => {
                format!("customer code {code} is already used")
            }
            KasbonError::OverLimit {
                customer,
                after,
                limit,
            } => format!(
                "{customer}'s kasbon would be {after}, over the limit of {limit}: the manager PIN is needed"
            ),
            KasbonError::RepaymentMethod(method) => format!(
                "kasbon is repaid in cash, QRIS or transfer, not {}",
                method_english(*method)
            ),
            KasbonError::NotPositive => "a kasbon repayment must be above zero".into(),
            KasbonError::NothingOwed { customer } => {
                format!("{customer} owes no kasbon")
            }
            KasbonError::Overpaid {
                customer,
                paid,
                owed,
            } => format!("a repayment of {paid} is more than {customer} owes ({owed})"),
            KasbonError::RefundNotKasbon { receipt } => {
                format!("receipt {receipt} was not paid with kasbon: a refund cannot go to kasbon")
            }
            KasbonError::RefundMustBeKasbon { receipt, left } => format!(
                "receipt {receipt} was paid with kasbon: returned goods lower the customer's kasbon first ({left} to kasbon), only the rest is given back as money"
            ),
            KasbonError::RefundOverKasbon {
                receipt,
                asked,
                left,
            } => format!(
                "a refund of {asked} to kasbon is more than receipt {receipt}'s kasbon left ({left})"
            ),
        }
    }
}

impl English for crate::domain::expense::ExpenseError {
    fn english(&self) -> String {
        use crate::domain::expense::ExpenseError;
        match self {
            ExpenseError::Category(category) => format!(
                "unknown expense category: \"{category}\" (kemasan, transport, listrik, sewa, gaji or lain-lain)"
            ),
            ExpenseError::NotPositive => "an expense must be above zero".into(),
            ExpenseError::Note => {
                "an expense note has at most 200 characters, and no hidden characters".into()
            }
        }
    }
}

impl English for crate::books::report::ReportError {
    fn english(&self) -> String {
        match self {
            crate::books::report::ReportError::Store(error) => error.english(),
            crate::books::report::ReportError::Books(error) => error.english(),
        }
    }
}

impl English for crate::books::BooksError {
    fn english(&self) -> String {
        match self {
            crate::books::BooksError::Money(error) => error.english(),
            crate::books::BooksError::Unbalanced(day, by) => {
                format!("a record of {day} does not balance: debit and credit differ by {by}")
            }
        }
    }
}

impl English for crate::domain::books_register::RegisterError {
    fn english(&self) -> String {
        use crate::domain::books_register::RegisterError;
        match self {
            RegisterError::Future(day) => {
                format!("{day} has not come yet: the books take today or earlier")
            }
            RegisterError::TooOld(day) => {
                format!("{day} is too long ago: Sentra's books start in 2000")
            }
            RegisterError::EquityAboveAssets { equity, assets } => {
                format!("equity {equity} is more than cash, bank and stock together ({assets})")
            }
            RegisterError::NotPositive => "the amount must be above zero".into(),
            RegisterError::Name => {
                "a name is needed, at most 80 characters, with no hidden characters".into()
            }
            RegisterError::Life(months) => {
                format!("an asset's life is 1 to 600 months, not {months}")
            }
            RegisterError::UnknownLoan(loan) => format!("unknown loan: \"{loan}\""),
            RegisterError::Overpaid { loan, asked, left } => {
                format!("a principal of {asked} is more than what is left of loan {loan} ({left})")
            }
            RegisterError::NothingPaid => "an instalment needs principal or interest".into(),
            RegisterError::UnknownRecord(id) => format!("unknown books record: \"{id}\""),
            RegisterError::AlreadyCancelled(id) => format!("record {id} is cancelled already"),
            RegisterError::LoanHasPayments(id) => {
                format!("loan {id} has instalments: cancel them first")
            }
            RegisterError::Paid(text) => {
                format!("unknown way of paying: \"{text}\" (drawer, bank, credit or owner)")
            }
            RegisterError::Month(text) => {
                format!("unknown month: \"{text}\" (write YYYY-MM, e.g. 2026-11)")
            }
            RegisterError::BeforeLoan { loan, day, taken } => {
                format!("instalment of {loan} dated {day}, before the loan came ({taken})")
            }
            RegisterError::Reason => {
                "a reason is needed, at most 80 characters, with no hidden characters".into()
            }
            RegisterError::FutureMonth(month) => format!("{month} has not come yet"),
            RegisterError::MoreThanHeld { what, asked, held } => {
                let what = match *what {
                    "kas" => "cash",
                    "bank" => "the bank",
                    _ => "what is owed to suppliers",
                };
                format!("{what} in the books is only {held}, less than {asked}")
            }
            RegisterError::Limit(error) => error.english(),
        }
    }
}

impl English for crate::print::raw::RawPrintError {
    fn english(&self) -> String {
        use crate::print::raw::RawPrintError;
        match self {
            RawPrintError::Open { target, source } => {
                format!("printer {target} could not be opened: {source}")
            }
            RawPrintError::Write { target, source } => {
                format!("printer {target} did not take the data: {source}")
            }
            RawPrintError::Program { program, source } => {
                format!("{program} could not be run: {source}")
            }
            RawPrintError::Refused {
                program,
                target,
                message,
            } => format!("{program} refused to print to {target}: {message}"),
            RawPrintError::NotWindows(name) => format!(
                "a Windows printer ({name}) works on Windows only; on Linux use a device or cups:QUEUE"
            ),
        }
    }
}

impl English for crate::domain::printer::PrinterError {
    fn english(&self) -> String {
        use crate::domain::printer::PrinterError;
        match self {
            PrinterError::Shape(text) => format!(
                "a receipt printer is written as a device (/dev/usb/lp0, COM5), cups:QUEUE or windows:PRINTER NAME (written \"{text}\")"
            ),
            PrinterError::CupsName(text) => {
                format!("a CUPS queue name has only letters, digits, - _ or . (written \"{text}\")")
            }
        }
    }
}

impl English for crate::domain::fee::FeeError {
    fn english(&self) -> String {
        use crate::domain::fee::FeeError;
        match self {
            FeeError::Percent(text) => {
                format!("a fee percentage is 0 to 100, with at most two decimals: \"{text}\"")
            }
            FeeError::Daily(amount) => {
                format!("a daily fee of {amount} is out of bounds (0 to Rp10.000.000.000)")
            }
            FeeError::Payment(amount) => {
                format!("a fee payment of {amount} must be above zero and at most Rp10.000.000.000")
            }
            FeeError::Method(method) => {
                format!("unknown fee payment method \"{method}\" (cash or transfer)")
            }
            FeeError::Reference => {
                "the payment reference is too long or has hidden characters".into()
            }
            FeeError::Twice { number } => format!(
                "the same payment was already recorded today ({number}); if the stall really paid twice, repeat with --again"
            ),
        }
    }
}

#[cfg(test)]
mod tests;
