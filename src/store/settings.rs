//! The stall's settings, kept as text under stable keys in the book.

use std::path::PathBuf;

use rusqlite::params;
use time::{OffsetDateTime, UtcOffset};

use super::setting_key::Key;
use super::{Result, Store, StoreError};
use crate::clock;
use crate::domain::books_event::Paid;
use crate::domain::pin::Approval;
use crate::domain::printer::{PrinterError, PrinterTarget};
use crate::domain::scale::{self, ScaleError, ScaleLayout};
use crate::domain::tax::{PphFinalRule, TaxMode, TaxRule};
use crate::money::Rupiah;

/// Everything a vendor can set, with the defaults of a non-PKP stall in WIB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub tax: TaxRule,
    pub pph: PphFinalRule,
    /// Thermal paper width in mm: 58 or 80.
    pub receipt_width: u16,
    /// `id` (Bahasa Indonesia) or `en`.
    pub language: String,
    pub utc_offset: UtcOffset,
    pub export_dir: Option<PathBuf>,
    /// The stall's static QRIS payload (EMV text), shown as a QR code.
    pub qris_payload: Option<String>,
    /// A QRIS the book holds from before the EMV checks that fails them:
    /// not used, but kept to tell the vendor (Kasir on opening, Pengaturan).
    pub unusable_qris: Option<String>,
    /// Each payment's QRIS carries its amount (made from the static one), so
    /// the buyer's app does not ask for it.
    pub qris_amount: bool,
    /// The layar pelanggan opens with the window.
    pub customer_display: bool,
    /// What the layar pelanggan says while nobody is being served.
    pub customer_line: String,
    /// Where the vendor last put the layar pelanggan (on the second
    /// monitor): it opens there again.
    pub customer_display_at: Option<(i32, i32)>,
    /// `save`, `open` or `print`: what happens to a receipt after a sale.
    pub receipt_delivery: String,
    /// The prefix of scale barcodes (`20`), or none: no scale.
    pub scale_prefix: Option<String>,
    /// What follows the prefix: `PPPPPWWWWW` (PLU, grams) by default.
    pub scale_pattern: String,
    /// A thermal printer every receipt goes to as ESC/POS, if any.
    pub escpos_printer: Option<PrinterTarget>,
    /// A drawer expense above this needs the manager PIN.
    pub pin_expense_over: Rupiah,
    /// A discount of this percent of a line's or a sale's gross, or more,
    /// needs the manager PIN.
    pub pin_discount_percent: u32,
    /// How goods received are paid when the vendor does not say: from the
    /// drawer's cash, the bank, on the supplier's credit, or by the owner
    /// (the default: the drawer's expected cash moves only when the vendor
    /// says the goods were paid from it).
    pub purchase_paid: Paid,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tax: TaxRule::default(),
            pph: PphFinalRule::default(),
            receipt_width: 58,
            language: "id".into(),
            utc_offset: crate::clock::WIB,
            export_dir: None,
            qris_payload: None,
            unusable_qris: None,
            qris_amount: false,
            customer_display: false,
            customer_line: String::new(),
            customer_display_at: None,
            receipt_delivery: "save".into(),
            scale_prefix: Some(scale::DEFAULT_PREFIX.into()),
            scale_pattern: scale::DEFAULT_PATTERN.into(),
            escpos_printer: None,
            pin_expense_over: Rupiah::new(500_000),
            pin_discount_percent: 50,
            purchase_paid: Paid::Owner,
        }
    }
}

/// Why a value is refused for a setting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingProblem {
    #[error("pakai none, inclusive atau exclusive")]
    TaxMode,
    #[error("persen 0–100, mis. {example}")]
    Percent { example: &'static str },
    #[error("{0}")]
    Amount(crate::money::MoneyError),
    #[error("pakai 58 atau 80")]
    ReceiptWidth,
    #[error("pakai id atau en")]
    Language,
    #[error("pakai orang_pribadi atau badan (CV, firma, koperasi)")]
    Taxpayer,
    #[error("pakai 7 (WIB), 8 (WITA) atau 9 (WIT)")]
    Offset,
    #[error("teks QRIS terlalu panjang")]
    QrisTooLong,
    #[error("pakai on (nyala) atau off (mati)")]
    OnOff,
    #[error("paling banyak 60 huruf, tanpa karakter tersembunyi")]
    CustomerLine,
    #[error("pakai X,Y dalam piksel, mis. 1366,0")]
    Position,
    #[error("{0}")]
    Qris(crate::domain::qris::QrisError),
    #[error("pakai save (simpan), open (buka) atau print (cetak)")]
    Delivery,
    #[error("{0}")]
    Scale(ScaleError),
    #[error("{0}")]
    Printer(PrinterError),
    #[error("pakai drawer (kas), bank, credit (utang ke pemasok) atau owner (uang pemilik)")]
    Paid,
    #[error("kunci tidak dikenal; pilih salah satu: {}", Key::names())]
    UnknownKey,
}

/// A setting's name as the person reads it, (Indonesian, English): refusals
/// name the setting, not the book's key (`qris_payload` meant nothing on screen).
pub fn label(key: &str) -> (&'static str, &'static str) {
    Key::parse(key).map_or(("tidak dikenal", "unknown"), Key::label)
}

/// The approval a change of a guarded setting needs, if it changes one.
fn guarded_change(key: Key, before: &Settings, after: &Settings) -> Option<Approval> {
    if !key.guarded() {
        return None;
    }
    if key == Key::QrisPayload {
        let (from, to) = (
            before.qris_payload.as_deref()?,
            after.qris_payload.as_deref(),
        );
        return (Some(from) != to).then(|| Approval::Setting {
            setting: key.label().0.to_string(),
            from: qris_name(from),
            to: to.map(qris_name).unwrap_or_else(|| "(kosong)".into()),
        });
    }
    let value = |s: &Settings| s.value(key);
    let (from, to) = (value(before), value(after));
    (from != to).then(|| Approval::Setting {
        setting: key.label().0.to_string(),
        from,
        to,
    })
}

/// A QRIS code as a manager tells one from another: its merchant (tag 59)
/// and its CRC.
fn qris_name(payload: &str) -> String {
    let merchant = crate::domain::qris::fields(payload)
        .ok()
        .and_then(|fields| fields.into_iter().find(|(tag, _)| *tag == "59"))
        .map(|(_, name)| name.trim().to_string())
        .unwrap_or_default();
    let crc = payload.get(payload.len().saturating_sub(4)..).unwrap_or("");
    format!("{merchant} (CRC {crc})")
}

impl Settings {
    /// Applies one `key = value`, refusing values that make no sense.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<()> {
        let bad = |problem: SettingProblem| StoreError::Setting {
            key: key.to_string(),
            problem,
        };
        let known = Key::parse(key).ok_or(bad(SettingProblem::UnknownKey))?;
        self.set(known, value).map_err(bad)
    }

    /// One setting from its text, by its family.
    fn set(&mut self, key: Key, value: &str) -> std::result::Result<(), SettingProblem> {
        match key {
            Key::TaxMode
            | Key::TaxRate
            | Key::PphRate
            | Key::PphFreeTurnover
            | Key::PphTaxpayer => self.set_tax(key, value),
            Key::ReceiptWidth
            | Key::Language
            | Key::UtcOffsetHours
            | Key::ExportDir
            | Key::ReceiptDelivery
            | Key::EscposPrinter
            | Key::PurchasePaid => self.set_paper(key, value),
            Key::QrisPayload
            | Key::QrisAmount
            | Key::CustomerDisplay
            | Key::CustomerLine
            | Key::CustomerDisplayAt => self.set_qris_and_display(key, value),
            Key::ScalePrefix | Key::ScaleLayout | Key::PinExpenseOver | Key::PinDiscountPercent => {
                self.set_scale_and_guards(key, value)
            }
        }
    }

    /// PPN and PPh final.
    fn set_tax(&mut self, key: Key, value: &str) -> std::result::Result<(), SettingProblem> {
        match key {
            Key::TaxMode => {
                self.tax.mode = TaxMode::from_key(value).ok_or(SettingProblem::TaxMode)?
            }
            Key::TaxRate => {
                self.tax.rate_hundredths =
                    hundredths(value).ok_or(SettingProblem::Percent { example: "11" })?
            }
            Key::PphRate => {
                self.pph.rate_hundredths =
                    hundredths(value).ok_or(SettingProblem::Percent { example: "0,5" })?
            }
            Key::PphFreeTurnover => {
                let amount = Rupiah::parse(value).map_err(SettingProblem::Amount)?;
                self.pph.yearly_free_turnover = amount;
            }
            Key::PphTaxpayer => {
                self.pph.taxpayer =
                    crate::domain::tax::Taxpayer::from_key(value).ok_or(SettingProblem::Taxpayer)?
            }
            _ => unreachable!("{key:?} is set by another family"),
        }
        Ok(())
    }

    /// The stall's paper, language, clock, folders and goods' payment.
    fn set_paper(&mut self, key: Key, value: &str) -> std::result::Result<(), SettingProblem> {
        match key {
            Key::ReceiptWidth => {
                self.receipt_width = match value {
                    "58" => 58,
                    "80" => 80,
                    _ => return Err(SettingProblem::ReceiptWidth),
                }
            }
            Key::Language => {
                if value != "id" && value != "en" {
                    return Err(SettingProblem::Language);
                }
                self.language = value.to_string();
            }
            Key::UtcOffsetHours => {
                // WIB, WITA, WIT: the three zones of Indonesia.
                self.utc_offset = match value {
                    "7" => UtcOffset::from_hms(7, 0, 0),
                    "8" => UtcOffset::from_hms(8, 0, 0),
                    "9" => UtcOffset::from_hms(9, 0, 0),
                    _ => return Err(SettingProblem::Offset),
                }
                .map_err(|_| SettingProblem::Offset)?
            }
            Key::ExportDir => self.export_dir = (!value.is_empty()).then(|| PathBuf::from(value)),
            Key::ReceiptDelivery => {
                if !matches!(value, "save" | "open" | "print") {
                    return Err(SettingProblem::Delivery);
                }
                self.receipt_delivery = value.to_string();
            }
            Key::EscposPrinter => {
                self.escpos_printer =
                    PrinterTarget::parse(value).map_err(SettingProblem::Printer)?
            }
            Key::PurchasePaid => {
                self.purchase_paid = Paid::parse(value.trim()).ok_or(SettingProblem::Paid)?
            }
            _ => unreachable!("{key:?} is set by another family"),
        }
        Ok(())
    }

    /// QRIS and the layar pelanggan.
    fn set_qris_and_display(
        &mut self,
        key: Key,
        value: &str,
    ) -> std::result::Result<(), SettingProblem> {
        match key {
            Key::QrisPayload => {
                if value.len() > 512 {
                    return Err(SettingProblem::QrisTooLong);
                }
                if !value.is_empty() {
                    crate::domain::qris::validate_qris(value).map_err(SettingProblem::Qris)?;
                }
                self.qris_payload = (!value.is_empty()).then(|| value.to_string());
            }
            Key::QrisAmount => self.qris_amount = on_off(value).ok_or(SettingProblem::OnOff)?,
            Key::CustomerDisplay => {
                self.customer_display = on_off(value).ok_or(SettingProblem::OnOff)?
            }
            Key::CustomerLine => {
                // A line of the stall's own words, shown large: printable,
                // and short enough for one line of a small screen.
                if !crate::domain::limits::is_printable_or_empty(value, CUSTOMER_LINE_CHARS) {
                    return Err(SettingProblem::CustomerLine);
                }
                self.customer_line = value.to_string();
            }
            Key::CustomerDisplayAt => {
                self.customer_display_at = if value.is_empty() {
                    None
                } else {
                    Some(position(value).ok_or(SettingProblem::Position)?)
                }
            }
            _ => unreachable!("{key:?} is set by another family"),
        }
        Ok(())
    }

    /// Scale barcodes and the PIN's guards.
    fn set_scale_and_guards(
        &mut self,
        key: Key,
        value: &str,
    ) -> std::result::Result<(), SettingProblem> {
        match key {
            Key::ScalePrefix => {
                self.scale_prefix = match value.trim() {
                    "" | "off" => None,
                    prefix => Some(scale::check_prefix(prefix).map_err(SettingProblem::Scale)?),
                }
            }
            Key::ScaleLayout => {
                let (plu_digits, value) =
                    scale::parse_pattern(value).map_err(SettingProblem::Scale)?;
                let layout = ScaleLayout {
                    prefix: scale::DEFAULT_PREFIX.into(),
                    plu_digits,
                    value,
                };
                self.scale_pattern = layout.pattern();
            }
            Key::PinExpenseOver => {
                self.pin_expense_over = Rupiah::parse(value).map_err(SettingProblem::Amount)?
            }
            Key::PinDiscountPercent => {
                self.pin_discount_percent = value
                    .trim()
                    .trim_end_matches('%')
                    .parse()
                    .ok()
                    .filter(|p| (1..=100).contains(p))
                    .ok_or(SettingProblem::Percent { example: "50" })?
            }
            _ => unreachable!("{key:?} is set by another family"),
        }
        Ok(())
    }

    /// Every setting as `(key, value)` text, in the order of [`Key::ALL`].
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        Key::ALL
            .iter()
            .map(|key| (key.name(), self.value(*key)))
            .collect()
    }

    /// One setting's value as the book keeps it.
    pub fn value(&self, key: Key) -> String {
        let percent = |h: u32| {
            let text = format!("{},{:02}", h / 100, h % 100);
            text.trim_end_matches('0').trim_end_matches(',').to_string()
        };
        match key {
            Key::TaxMode => self.tax.mode.key().to_string(),
            Key::TaxRate => percent(self.tax.rate_hundredths),
            Key::PphRate => percent(self.pph.rate_hundredths),
            Key::PphFreeTurnover => self.pph.yearly_free_turnover.value().to_string(),
            Key::PphTaxpayer => self.pph.taxpayer.key().to_string(),
            Key::ReceiptWidth => self.receipt_width.to_string(),
            Key::Language => self.language.clone(),
            Key::UtcOffsetHours => self.utc_offset.whole_hours().to_string(),
            Key::ExportDir => self
                .export_dir
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            Key::QrisPayload => self.qris_payload.clone().unwrap_or_default(),
            Key::QrisAmount => if self.qris_amount { "on" } else { "off" }.to_string(),
            Key::CustomerDisplay => if self.customer_display { "on" } else { "off" }.to_string(),
            Key::CustomerLine => self.customer_line.clone(),
            Key::CustomerDisplayAt => self
                .customer_display_at
                .map(|(x, y)| format!("{x},{y}"))
                .unwrap_or_default(),
            Key::ReceiptDelivery => self.receipt_delivery.clone(),
            Key::ScalePrefix => self.scale_prefix.clone().unwrap_or_default(),
            Key::ScaleLayout => self.scale_pattern.clone(),
            Key::EscposPrinter => self
                .escpos_printer
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            Key::PinExpenseOver => self.pin_expense_over.value().to_string(),
            Key::PinDiscountPercent => self.pin_discount_percent.to_string(),
            Key::PurchasePaid => self.purchase_paid.name().to_string(),
        }
    }

    /// The scale barcode layout, when scale barcodes are on.
    pub fn scale_layout(&self) -> Option<ScaleLayout> {
        let prefix = self.scale_prefix.as_deref()?;
        ScaleLayout::parse(prefix, &self.scale_pattern).ok()
    }
}

/// The longest line the layar pelanggan shows while idle.
const CUSTOMER_LINE_CHARS: usize = 60;

/// `X,Y` in pixels, within any desktop's reach.
fn position(value: &str) -> Option<(i32, i32)> {
    let (x, y) = value.split_once(',')?;
    let (x, y) = (x.trim().parse::<i32>().ok()?, y.trim().parse::<i32>().ok()?);
    let reach = -20_000..=20_000;
    (reach.contains(&x) && reach.contains(&y)).then_some((x, y))
}

fn on_off(value: &str) -> Option<bool> {
    match value {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    }
}

/// `11`, `0,5`, `12.25` percent as hundredths, at most 100%.
fn hundredths(text: &str) -> Option<u32> {
    match crate::domain::discount::Discount::parse(&format!("{}%", text.trim())) {
        Ok(crate::domain::discount::Discount::Percent(h)) => Some(h),
        _ => None,
    }
}

impl Settings {
    /// The QRIS for a payment of `amount`: the stall's static code with the
    /// amount filled in. Refused without a usable static code and outside
    /// QRIS's bounds (Rp1 to Rp10.000.000 a payment).
    pub fn qris_with_amount(&self, amount: Rupiah) -> Result<String> {
        let payload = self
            .qris_payload
            .as_deref()
            .ok_or(crate::domain::qris::QrisError::NoStatic)?;
        Ok(crate::domain::qris::with_amount(payload, amount.value())?)
    }

    /// What the payment panel shows for `amount` by QRIS: the code, and
    /// whether it carries the amount (when that is on and the amount is
    /// within QRIS's bounds; else the static code, for the buyer to type
    /// the amount in).
    pub fn qris_to_show(&self, amount: Rupiah) -> Option<(String, bool)> {
        let usable = self.qris_payload.clone()?;
        match self.qris_amount.then(|| self.qris_with_amount(amount).ok()) {
            Some(Some(with_amount)) => Some((with_amount, true)),
            _ => Some((usable, false)),
        }
    }
}

impl Store {
    /// The settings, defaults filled in for keys never set.
    pub fn settings(&self) -> Result<Settings> {
        if let Some(settings) = &self.cache.borrow().settings {
            return Ok(settings.clone());
        }
        let settings = self.read_settings()?;
        self.cache.borrow_mut().settings = Some(settings.clone());
        Ok(settings)
    }

    fn read_settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        let mut statement = self
            .conn
            .prepare_cached("SELECT key, value FROM settings")?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (key, value) = row?;
            // A key from a newer program is kept in the book but ignored here.
            let refused = settings.apply(&key, &value).is_err();
            if refused && key == Key::QrisPayload.name() {
                settings.unusable_qris = Some(value);
            }
        }
        Ok(settings)
    }

    /// Changes one setting after checking its value. A guarded setting is
    /// refused here, asking for the PIN: see [`Store::set_guarded_setting`].
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<Settings> {
        self.set_guarded_setting(key, value, None, OffsetDateTime::now_utc())
    }

    /// Changes one setting; one that loosens a guard or moves the clock
    /// ([`Key::guarded`]) only with the manager PIN, the change recorded with it.
    pub fn set_guarded_setting(
        &mut self,
        key: &str,
        value: &str,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Settings> {
        let before = self.settings()?;
        let mut settings = before.clone();
        settings.apply(key, value.trim())?;
        // `apply` refused a key it does not know.
        let key = Key::parse(key).ok_or(StoreError::Setting {
            key: key.to_string(),
            problem: SettingProblem::UnknownKey,
        })?;
        let approval = guarded_change(key, &before, &settings);
        if let Some(approval) = &approval {
            self.approve(pin, approval, now)?;
        }
        if key == Key::EscposPrinter
            && let Some(printer) = &settings.escpos_printer
        {
            self.check_printer(printer)?;
        }
        // Exports land there every day close: never the data folder or the
        // backups beside the book.
        if key == Key::ExportDir
            && let Some(dir) = &settings.export_dir
        {
            if !dir.is_dir() {
                return Err(super::OutputPathError::NoFolder(dir.clone()).into());
            }
            self.check_output_folder(dir)?;
        }
        if key == Key::ScalePrefix {
            super::barcodes::refuse_prefix_in_use(&self.conn, settings.scale_prefix.as_deref())?;
        }
        let stamp = clock::stamp(now, self.offset);
        let day = super::days::day_key(self.business_day(now));
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key.name(), value.trim()],
            )?;
            if let Some(approval) = &approval {
                super::pin::record_approval(tx, approval, &day, &stamp)?;
            }
            Ok(())
        })?;
        self.offset = settings.utc_offset;
        self.forget();
        Ok(settings)
    }
}
