//! Pengaturan: receipt width, tax, language, manager PIN, export folder, the
//! stall's static QRIS, backups. Each change is checked and saved on its own;
//! Tab moves through the fields in reading order and Enter saves the one
//! with the focus. A restore opens another book: the whole window reloads.
//!
//! Every choice has a key, shown beside it: F1 the language, F2 the receipt
//! width, F3 what happens after a sale, F4 the tax, F5 a test print, F6
//! accepts the PC's clock (PIN in the old PIN field), F7 backs up now, F8
//! ticks *terima kehilangan* for a restore, F9 who pays the stall's PPh
//! Final (orang pribadi or badan), F10 whether each payment's QRIS carries
//! its amount.

use iced::widget::{button, checkbox, column, container, row, scrollable, text};
use iced::{Alignment, Element, Fill, FillPortion};

use super::action::{Action, Intent, at_now};
use super::i18n::{Lang, Say, T};
use super::refusal::Refusal;
use super::theme;
use super::widgets::{
    BOLD, Field, Notice, card, figure, keyed, keyed_tile, notice_when_any, with_key,
};
use crate::domain::tax::{TaxMode, Taxpayer};
use crate::print::deliver::Delivery;
use crate::store::{Identity, SettingKey, Settings, Store};

/// The first field in reading order.
pub const FIRST_FIELD: &str = "tax_rate";
/// The screen's scrolling view (PgUp/PgDn, ↑/↓, Home/End).
pub const SCROLL: &str = "pengaturan-scroll";

/// A change to one setting, typed; [`Setting::key`] is where the book keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    ReceiptWidth(u16),
    Delivery(Delivery),
    Language(Lang),
    TaxMode(TaxMode),
    TaxRate(String),
    Taxpayer(Taxpayer),
    ExportDir(String),
    Qris(String),
    QrisAmount(bool),
    CustomerDisplay(bool),
    CustomerLine(String),
    EscposPrinter(String),
}

impl Setting {
    /// The text field the setting is typed in (its id is the key), if it
    /// is typed at all: the others are choices and switches.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Setting::TaxRate(_)
            | Setting::ExportDir(_)
            | Setting::Qris(_)
            | Setting::CustomerLine(_)
            | Setting::EscposPrinter(_) => Some(self.key()),
            _ => None,
        }
    }

    /// The key the book keeps the setting under.
    pub fn key(&self) -> &'static str {
        self.which().name()
    }

    /// Which setting this changes.
    pub fn which(&self) -> SettingKey {
        match self {
            Setting::ReceiptWidth(_) => SettingKey::ReceiptWidth,
            Setting::Delivery(_) => SettingKey::ReceiptDelivery,
            Setting::Language(_) => SettingKey::Language,
            Setting::TaxMode(_) => SettingKey::TaxMode,
            Setting::TaxRate(_) => SettingKey::TaxRate,
            Setting::Taxpayer(_) => SettingKey::PphTaxpayer,
            Setting::ExportDir(_) => SettingKey::ExportDir,
            Setting::Qris(_) => SettingKey::QrisPayload,
            Setting::QrisAmount(_) => SettingKey::QrisAmount,
            Setting::CustomerDisplay(_) => SettingKey::CustomerDisplay,
            Setting::CustomerLine(_) => SettingKey::CustomerLine,
            Setting::EscposPrinter(_) => SettingKey::EscposPrinter,
        }
    }

    /// The value as the book keeps it.
    pub fn value(&self) -> String {
        match self {
            Setting::ReceiptWidth(width) => width.to_string(),
            Setting::Delivery(delivery) => delivery.key().to_string(),
            Setting::Language(lang) => lang.key().to_string(),
            Setting::TaxMode(mode) => mode.key().to_string(),
            Setting::Taxpayer(taxpayer) => taxpayer.key().to_string(),
            Setting::QrisAmount(on) | Setting::CustomerDisplay(on) => {
                if *on { "on" } else { "off" }.to_string()
            }
            Setting::TaxRate(text)
            | Setting::CustomerLine(text)
            | Setting::ExportDir(text)
            | Setting::Qris(text)
            | Setting::EscposPrinter(text) => text.clone(),
        }
    }
}

pub struct Pengaturan {
    pub identity: Identity,
    pub settings: Settings,
    pub tax_rate: String,
    pub export_dir: String,
    pub qris: String,
    /// The layar pelanggan's idle line, as typed.
    pub customer_line: String,
    /// The scale barcode's prefix and layout as typed: `20 PPPPPWWWWW`.
    pub scale: String,
    pub escpos_printer: String,
    pub old_pin: String,
    pub new_pin: String,
    pub restore_path: String,
    pub restore_pin: String,
    /// Restore even when the book holds records newer than the backup.
    pub accept_loss: bool,
    pub notice: Option<Notice>,
    /// The field whose setting is being saved: the focus goes back to it
    /// when the notice moves the form.
    saving: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Save one setting.
    Set(Setting),
    TaxRateChanged(String),
    ExportDirChanged(String),
    QrisChanged(String),
    CustomerLineChanged(String),
    ScaleChanged(String),
    /// Save the scale barcode's prefix and layout.
    SaveScale,
    EscposPrinterChanged(String),
    /// Send a test page to the printer typed in.
    TestPrint,
    TestPrinted(Result<String, Refusal>),
    Saved(Result<Settings, Refusal>),
    OldPinChanged(String),
    NewPinChanged(String),
    ChangePin,
    PinChanged(Result<(), Refusal>),
    /// Accept the PC's clock, earlier than the book's latest record, with the
    /// manager PIN typed in the PIN field.
    AcceptClock,
    ClockAccepted(Result<Say, Refusal>),
    BackupNow,
    RestorePathChanged(String),
    RestorePinChanged(String),
    AcceptLossToggled(bool),
    Restore,
    /// A backup finished, with what to tell the person.
    BackedUp(Result<Say, Refusal>),
    /// A restore finished: the book is another one now.
    Restored(Result<Say, Refusal>),
    /// A job of this screen died before answering.
    JobFailed(Refusal),
    /// Scroll the screen (PgUp/PgDn, ↑/↓, Home/End).
    Scroll(super::action::Scroll),
}

impl Pengaturan {
    /// The screen's keys: each choice steps to the next one, as a click on
    /// it would choose it.
    pub fn hotkey(&self, press: &super::KeyPress) -> Option<Message> {
        use iced::keyboard::{Key, key::Named};
        let Key::Named(named) = &press.key else {
            return None;
        };
        let settings = &self.settings;
        let setting = match named {
            Named::F1 => Setting::Language(match Lang::from_key(&settings.language) {
                Lang::Id => Lang::En,
                Lang::En => Lang::Id,
            }),
            Named::F2 => Setting::ReceiptWidth(if settings.receipt_width == 58 { 80 } else { 58 }),
            Named::F3 => Setting::Delivery(
                match Delivery::from_key(&settings.receipt_delivery).unwrap_or_default() {
                    Delivery::Save => Delivery::Open,
                    Delivery::Open => Delivery::Print,
                    Delivery::Print => Delivery::Save,
                },
            ),
            Named::F4 => Setting::TaxMode(match settings.tax.mode {
                TaxMode::None => TaxMode::Inclusive,
                TaxMode::Inclusive => TaxMode::Exclusive,
                TaxMode::Exclusive => TaxMode::None,
            }),
            Named::F5 => {
                return (!self.escpos_printer.trim().is_empty()).then_some(Message::TestPrint);
            }
            Named::F6 => return (!self.old_pin.is_empty()).then_some(Message::AcceptClock),
            Named::F7 => return Some(Message::BackupNow),
            Named::F8 => return Some(Message::AcceptLossToggled(!self.accept_loss)),
            Named::F10 => Setting::QrisAmount(!settings.qris_amount),
            Named::F11 => Setting::CustomerDisplay(!settings.customer_display),
            Named::F9 => Setting::Taxpayer(match settings.pph.taxpayer {
                Taxpayer::OrangPribadi => Taxpayer::Badan,
                Taxpayer::Badan => Taxpayer::OrangPribadi,
            }),
            // In a field Home and End move its cursor.
            _ if press.captured => return None,
            named => return super::action::Scroll::for_key(named).map(Message::Scroll),
        };
        Some(Message::Set(setting))
    }

    pub fn new(identity: &Identity, settings: &Settings) -> Pengaturan {
        let entries: std::collections::HashMap<_, _> = settings.entries().into_iter().collect();
        Pengaturan {
            identity: identity.clone(),
            settings: settings.clone(),
            tax_rate: entries
                .get(SettingKey::TaxRate.name())
                .cloned()
                .unwrap_or_default(),
            export_dir: entries
                .get(SettingKey::ExportDir.name())
                .cloned()
                .unwrap_or_default(),
            qris: entries
                .get(SettingKey::QrisPayload.name())
                .cloned()
                .unwrap_or_default(),
            customer_line: settings.customer_line.clone(),
            scale: scale_text(settings),
            escpos_printer: entries
                .get(SettingKey::EscposPrinter.name())
                .cloned()
                .unwrap_or_default(),
            old_pin: String::new(),
            new_pin: String::new(),
            restore_path: String::new(),
            restore_pin: String::new(),
            accept_loss: false,
            notice: None,
            saving: None,
        }
    }

    /// A text setting with what its field holds now: keys typed in one
    /// burst reach the screen after the Enter that saves them was made.
    fn as_typed(&self, setting: Setting) -> Setting {
        match setting {
            Setting::TaxRate(_) => Setting::TaxRate(self.tax_rate.clone()),
            Setting::ExportDir(_) => Setting::ExportDir(self.export_dir.clone()),
            Setting::Qris(_) => Setting::Qris(self.qris.clone()),
            Setting::CustomerLine(_) => Setting::CustomerLine(self.customer_line.clone()),
            other => other,
        }
    }

    /// A refusal goes once the person changes what was refused.
    fn forget_refusal(&mut self) {
        if matches!(self.notice, Some(Notice::Error(_))) {
            self.notice = None;
        }
    }

    /// The screen is left: its message goes with it.
    pub fn leave(&mut self) {
        self.notice = None;
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::Scroll(by) => Action::Scroll { view: SCROLL, by },
            Message::Set(setting) => self.save(setting),
            Message::TaxRateChanged(text) => self.typed(|p| &mut p.tax_rate, text),
            Message::ExportDirChanged(text) => self.typed(|p| &mut p.export_dir, text),
            Message::QrisChanged(text) => self.typed(|p| &mut p.qris, text),
            Message::CustomerLineChanged(text) => self.typed(|p| &mut p.customer_line, text),
            Message::ScaleChanged(text) => self.keep(|p| &mut p.scale, text),
            Message::EscposPrinterChanged(text) => self.keep(|p| &mut p.escpos_printer, text),
            Message::OldPinChanged(text) => self.keep(|p| &mut p.old_pin, text),
            Message::NewPinChanged(text) => self.keep(|p| &mut p.new_pin, text),
            Message::RestorePathChanged(text) => self.keep(|p| &mut p.restore_path, text),
            Message::RestorePinChanged(text) => self.keep(|p| &mut p.restore_pin, text),
            Message::AcceptLossToggled(on) => {
                self.accept_loss = on;
                Action::None
            }
            Message::SaveScale => self.save_scale(),
            Message::TestPrint => {
                let printer = self.escpos_printer.clone();
                Action::job(move |store| {
                    Message::TestPrinted(super::documents::test_print(store, &printer))
                })
            }
            Message::ChangePin => self.change_pin(),
            Message::AcceptClock => self.accept_clock(),
            Message::BackupNow => Action::job(|store| Message::BackedUp(backup_now(store))),
            Message::Restore => self.restore(),
            Message::Saved(Ok(settings)) => self.saved(settings),
            Message::PinChanged(Ok(())) => {
                self.old_pin.clear();
                self.new_pin.clear();
                self.tell(Say::PinChanged)
            }
            Message::TestPrinted(Ok(printer)) => self.tell(Say::TestPrinted(printer)),
            Message::ClockAccepted(Ok(said)) | Message::BackedUp(Ok(said)) => self.tell(said),
            Message::Restored(Ok(summary)) => {
                self.notice = Some(Notice::Info(summary));
                Action::Intent(Intent::Restored)
            }
            Message::Saved(Err(error)) => {
                // Refused: the vendor corrects the same field.
                self.notice = Some(Notice::Error(error.into()));
                self.saving.take().map_or(Action::None, Action::Focus)
            }
            Message::PinChanged(Err(error))
            | Message::BackedUp(Err(error))
            | Message::Restored(Err(error))
            | Message::TestPrinted(Err(error))
            | Message::ClockAccepted(Err(error))
            | Message::JobFailed(error) => {
                self.notice = Some(Notice::Error(error.into()));
                Action::None
            }
        }
    }

    /// A field typed into that a refusal was about: the refusal goes.
    fn typed(&mut self, field: fn(&mut Self) -> &mut String, text: String) -> Action<Message> {
        *field(self) = text;
        self.forget_refusal();
        Action::None
    }

    /// A field typed into, kept until its button or Enter.
    fn keep(&mut self, field: fn(&mut Self) -> &mut String, text: String) -> Action<Message> {
        *field(self) = text;
        Action::None
    }

    /// Something done, told on the screen.
    fn tell(&mut self, said: Say) -> Action<Message> {
        self.notice = Some(Notice::Info(said));
        Action::None
    }

    /// Saves one setting. A guarded setting (the QRIS code) takes the PIN
    /// typed in the PIN card's first field, as accepting the clock does.
    fn save(&mut self, setting: Setting) -> Action<Message> {
        let setting = self.as_typed(setting);
        self.saving = setting.field();
        let pin = Some(self.old_pin.clone()).filter(|p| !p.is_empty());
        Action::job(move |store| {
            let saved = at_now(|now| {
                store.set_guarded_setting(setting.key(), &setting.value(), pin.as_deref(), now)
            });
            Message::Saved(saved)
        })
    }

    /// A setting saved: the screen shows it and the root applies it.
    fn saved(&mut self, settings: Settings) -> Action<Message> {
        self.notice = Some(Notice::Info(Say::Saved));
        // A PIN typed for a guarded setting does not stay behind.
        self.old_pin.clear();
        self.scale = scale_text(&settings);
        self.settings = settings.clone();
        let refocus = self.saving.take().map_or(Action::None, Action::Focus);
        Action::Intent(Intent::SettingsApplied(Box::new(settings))).and(refocus)
    }

    /// Scale barcodes' prefix and layout: both checked before either is
    /// saved; the prefix (which a product's barcode may hold) first.
    fn save_scale(&mut self) -> Action<Message> {
        let typed = self.scale.trim().to_string();
        let (prefix, layout) = match typed.split_once(char::is_whitespace) {
            Some((prefix, layout)) => (prefix.to_string(), layout.trim().to_string()),
            None if typed.is_empty() => (String::new(), self.settings.scale_pattern.clone()),
            None => (typed.clone(), self.settings.scale_pattern.clone()),
        };
        if !prefix.is_empty()
            && let Err(error) = crate::domain::scale::ScaleLayout::parse(&prefix, &layout)
        {
            let refused = crate::store::StoreError::from(error);
            self.notice = Some(Notice::Error(Refusal::from(refused).into()));
            return Action::None;
        }
        Action::job(move |store| {
            let saved = store
                .set_setting(SettingKey::ScalePrefix.name(), &prefix)
                .and_then(|_| store.set_setting(SettingKey::ScaleLayout.name(), &layout))
                .map_err(Refusal::from);
            Message::Saved(saved)
        })
    }

    fn change_pin(&mut self) -> Action<Message> {
        let (old, new) = (self.old_pin.clone(), self.new_pin.clone());
        Action::job(move |store| {
            let result = at_now(|now| {
                let old = Some(old.as_str()).filter(|o| !o.is_empty());
                store.set_pin(&new, old, now)
            });
            Message::PinChanged(result)
        })
    }

    /// A clock set back stops the till until a manager accepts it with the
    /// PIN (recorded, and sent to the office).
    fn accept_clock(&mut self) -> Action<Message> {
        let pin = std::mem::take(&mut self.old_pin);
        Action::job(move |store| {
            let result = at_now(|now| store.accept_clock(&pin, now))
                .map(|latest| Say::ClockAccepted(latest.unwrap_or_default()));
            Message::ClockAccepted(result)
        })
    }

    /// Another book from a backup, with the manager PIN; the PIN and the
    /// loss accepted do not stay for the next try.
    fn restore(&mut self) -> Action<Message> {
        let path = std::path::PathBuf::from(self.restore_path.trim());
        let pin = std::mem::take(&mut self.restore_pin);
        let accept_loss = std::mem::replace(&mut self.accept_loss, false);
        Action::job(move |store| {
            let result =
                at_now(|now| store.restore_from(&path, Some(pin.as_str()), accept_loss, now))
                    .map(|done| Say::Restored(done.previous.display().to_string()));
            Message::Restored(result)
        })
    }

    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        // Three columns, so the whole screen fits 1024×768 and Tab never
        // goes to a field out of sight.
        let columns = row![
            column![
                self.identity_card(lang),
                self.paper_card(lang),
                self.scale_card(lang)
            ]
            .spacing(theme::GAP)
            .width(Fill),
            column![self.tax_card(lang), self.places_card(lang)]
                .spacing(theme::GAP)
                .width(Fill),
            column![
                self.pin_card(lang),
                self.backup_card(lang),
                self.customer_card(lang)
            ]
            .spacing(theme::GAP)
            .width(Fill),
        ]
        .spacing(12);
        scrollable(
            column![notice_when_any(&self.notice, lang), columns]
                .spacing(8)
                .padding(12),
        )
        .id(SCROLL)
        .into()
    }

    /// Who the stall is, and the key the office compares.
    fn identity_card(&self, lang: Lang) -> Element<'_, Message> {
        card(
            column![
                text(T::Identity.get(lang)).size(theme::TEXT).font(BOLD),
                figure(
                    T::StallName.get(lang),
                    self.identity.name.clone(),
                    theme::TEXT
                ),
                figure(
                    T::StallCodeShort.get(lang),
                    self.identity.stall_code().to_string(),
                    theme::TEXT
                ),
                figure(
                    T::Regency.get(lang),
                    // The name and the Kemendagri code (the one on the
                    // owner's KTP); the narrow card has no room for both.
                    self.identity
                        .regency
                        .map(|r| format!("{} · {}", r.name, r.kemendagri))
                        .unwrap_or_default(),
                    theme::TEXT
                ),
                figure(
                    T::Owner.get(lang),
                    self.identity.owner.clone().unwrap_or_default(),
                    theme::TEXT
                ),
                // What the office's manager compares at the first file (or a
                // re-pin): the key's first 16 digits, as the office shows them.
                figure(
                    T::StallKey.get(lang),
                    self.identity
                        .public_key
                        .map(|key| crate::office::trust::key_prefix(&key))
                        .unwrap_or_default(),
                    theme::TEXT
                ),
            ]
            .spacing(6),
        )
    }

    /// The receipt's paper, what follows a sale, the language.
    fn paper_card(&self, lang: Lang) -> Element<'_, Message> {
        let width = self.settings.receipt_width;
        let delivery = Delivery::from_key(&self.settings.receipt_delivery).unwrap_or_default();
        card(
            column![
                heading(T::ReceiptWidth.get(lang), "F2"),
                row![
                    choice(
                        "58 mm".into(),
                        width == 58,
                        Message::Set(Setting::ReceiptWidth(58))
                    ),
                    choice(
                        "80 mm".into(),
                        width == 80,
                        Message::Set(Setting::ReceiptWidth(80))
                    ),
                ]
                .spacing(8)
                .wrap(),
                heading(T::AfterSale.get(lang), "F3"),
                row![
                    choice(
                        T::DeliverSave.get(lang).into(),
                        delivery == Delivery::Save,
                        Message::Set(Setting::Delivery(Delivery::Save))
                    ),
                    choice(
                        T::DeliverOpen.get(lang).into(),
                        delivery == Delivery::Open,
                        Message::Set(Setting::Delivery(Delivery::Open))
                    ),
                    choice(
                        T::DeliverPrint.get(lang).into(),
                        delivery == Delivery::Print,
                        Message::Set(Setting::Delivery(Delivery::Print))
                    ),
                ]
                .spacing(8)
                .wrap(),
                heading(T::Language.get(lang), "F1"),
                row![
                    choice(
                        "Bahasa Indonesia".into(),
                        lang == Lang::Id,
                        Message::Set(Setting::Language(Lang::Id))
                    ),
                    choice(
                        "English".into(),
                        lang == Lang::En,
                        Message::Set(Setting::Language(Lang::En))
                    ),
                ]
                .spacing(8)
                .wrap(),
            ]
            .spacing(8),
        )
    }

    /// PPN's mode and rate, and who pays the stall's PPh.
    fn tax_card(&self, lang: Lang) -> Element<'_, Message> {
        let mode = self.settings.tax.mode;
        let taxpayer = self.settings.pph.taxpayer;
        card(
            column![
                heading(T::Tax.get(lang), "F4"),
                row![
                    choice(
                        T::TaxNone.get(lang).into(),
                        mode == TaxMode::None,
                        Message::Set(Setting::TaxMode(TaxMode::None))
                    ),
                    choice(
                        T::TaxInclusive.get(lang).into(),
                        mode == TaxMode::Inclusive,
                        Message::Set(Setting::TaxMode(TaxMode::Inclusive))
                    ),
                    choice(
                        T::TaxExclusive.get(lang).into(),
                        mode == TaxMode::Exclusive,
                        Message::Set(Setting::TaxMode(TaxMode::Exclusive))
                    ),
                ]
                .spacing(8)
                .wrap(),
                saved_field(
                    "tax_rate",
                    T::TaxRate.get(lang),
                    &self.tax_rate,
                    Message::TaxRateChanged,
                    Setting::TaxRate(self.tax_rate.clone()),
                    lang
                ),
                // One button that switches: the whole page fits 1024×768.
                button(with_key(
                    format!(
                        "{}: {}",
                        T::PphTaxpayer.get(lang),
                        match taxpayer {
                            Taxpayer::OrangPribadi => T::OrangPribadi.get(lang),
                            Taxpayer::Badan => T::Badan.get(lang),
                        }
                    ),
                    "F9",
                    theme::SMALL
                ))
                .on_press(Message::Set(Setting::Taxpayer(match taxpayer {
                    Taxpayer::OrangPribadi => Taxpayer::Badan,
                    Taxpayer::Badan => Taxpayer::OrangPribadi,
                })))
                .padding(8)
                .style(button::secondary),
            ]
            .spacing(8),
        )
    }

    /// Where exports go, the QRIS code, the receipt printer.
    fn places_card(&self, lang: Lang) -> Element<'_, Message> {
        card(
            column![
                saved_field(
                    "export_dir",
                    T::ExportFolder.get(lang),
                    &self.export_dir,
                    Message::ExportDirChanged,
                    Setting::ExportDir(self.export_dir.clone()),
                    lang
                ),
                saved_field(
                    "qris_payload",
                    T::QrisPayload.get(lang),
                    &self.qris,
                    Message::QrisChanged,
                    Setting::Qris(self.qris.clone()),
                    lang
                ),
                super::widgets::message_line(qris_problem(&self.qris, lang)),
                // One button that switches, as the taxpayer's does.
                button(with_key(
                    format!(
                        "{}: {}",
                        T::QrisAmount.get(lang),
                        if self.settings.qris_amount {
                            T::On.get(lang)
                        } else {
                            T::Off.get(lang)
                        }
                    ),
                    "F10",
                    theme::SMALL
                ))
                .on_press(Message::Set(Setting::QrisAmount(
                    !self.settings.qris_amount
                )))
                .padding(8)
                .style(button::secondary),
                text(T::QrisAmountNote.get(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
                saved_field(
                    "escpos_printer",
                    T::EscposPrinter.get(lang),
                    &self.escpos_printer,
                    Message::EscposPrinterChanged,
                    Setting::EscposPrinter(self.escpos_printer.clone()),
                    lang
                ),
                button(with_key(T::TestPrint.get(lang), "F5", theme::SMALL))
                    .on_press_maybe(
                        (!self.escpos_printer.trim().is_empty()).then_some(Message::TestPrint)
                    )
                    .padding(10)
                    .style(button::secondary),
            ]
            .spacing(8),
        )
    }

    /// Scale barcodes' prefix and layout.
    fn scale_card(&self, lang: Lang) -> Element<'_, Message> {
        card(
            row![
                Field::new(
                    "scale",
                    T::ScaleBarcode.get(lang),
                    &self.scale,
                    Message::ScaleChanged
                )
                .submit(Message::SaveScale)
                .view(),
                // The stacked key, as beside the other fields: the pattern
                // (20 PPPPP WWWWW C) needs the width at 1024 pixels.
                keyed_tile(T::Save.get(lang), "Enter", Some(Message::SaveScale)).width(96),
            ]
            .spacing(8)
            .align_y(Alignment::End),
        )
    }

    /// The manager PIN, and accepting a clock set back.
    fn pin_card(&self, lang: Lang) -> Element<'_, Message> {
        card(
            column![
                text(T::ChangePin.get(lang)).size(theme::TEXT).font(BOLD),
                // Side by side: four to eight digits each, and the room below
                // goes to the layar pelanggan's card at 1024×768.
                row![
                    Field::new(
                        "old-pin",
                        T::OldPin.get(lang),
                        &self.old_pin,
                        Message::OldPinChanged
                    )
                    .secure()
                    .submit(Message::ChangePin)
                    .view(),
                    Field::new(
                        "new-pin",
                        T::NewPin.get(lang),
                        &self.new_pin,
                        Message::NewPinChanged
                    )
                    .secure()
                    .submit(Message::ChangePin)
                    .view(),
                ]
                .spacing(8),
                keyed(T::Save.get(lang), "Enter", Some(Message::ChangePin)),
                // A clock set back stops the till until a manager accepts it
                // with the PIN typed above (recorded, and sent to the office).
                button(with_key(T::AcceptClock.get(lang), "F6", theme::SMALL))
                    .on_press_maybe((!self.old_pin.is_empty()).then_some(Message::AcceptClock))
                    .padding(8)
                    .style(button::secondary),
            ]
            .spacing(8),
        )
    }

    /// A backup now, and a restore with the PIN.
    fn backup_card(&self, lang: Lang) -> Element<'_, Message> {
        card(
            column![
                text(T::Backup.get(lang)).size(theme::TEXT).font(BOLD),
                keyed(T::BackupNow.get(lang), "F7", Some(Message::BackupNow))
                    .style(button::secondary),
                row![
                    container(
                        Field::new(
                            "restore-path",
                            T::RestoreFrom.get(lang),
                            &self.restore_path,
                            Message::RestorePathChanged
                        )
                        .submit(Message::Restore)
                        .view()
                    )
                    .width(FillPortion(2)),
                    container(
                        Field::new(
                            "restore-pin",
                            T::ManagerPin.get(lang),
                            &self.restore_pin,
                            Message::RestorePinChanged
                        )
                        .secure()
                        .submit(Message::Restore)
                        .view()
                    )
                    .width(FillPortion(1)),
                ]
                .spacing(8),
                row![
                    checkbox(self.accept_loss)
                        .label(T::AcceptLoss.get(lang))
                        .on_toggle(Message::AcceptLossToggled),
                    text("F8").size(theme::SMALL).font(BOLD),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
                keyed(T::Restore.get(lang), "Enter", Some(Message::Restore)).style(button::danger),
            ]
            .spacing(8),
        )
    }

    /// The layar pelanggan: on or off, and its line while idle.
    fn customer_card(&self, lang: Lang) -> Element<'_, Message> {
        card(
            column![
                button(with_key(
                    format!(
                        "{}: {}",
                        T::CustomerDisplay.get(lang),
                        if self.settings.customer_display {
                            T::On.get(lang)
                        } else {
                            T::Off.get(lang)
                        }
                    ),
                    "F11",
                    theme::SMALL
                ))
                .on_press(Message::Set(Setting::CustomerDisplay(
                    !self.settings.customer_display
                )))
                .padding(8)
                .style(button::secondary),
                saved_field(
                    "customer_line",
                    T::CustomerLine.get(lang),
                    &self.customer_line,
                    Message::CustomerLineChanged,
                    Setting::CustomerLine(self.customer_line.clone()),
                    lang
                ),
            ]
            .spacing(8),
        )
    }
}

/// One of a setting's choices: as wide as its label, the row wrapping when
/// a third of 1024×768 is too narrow for all of them.
fn choice<'a>(label: String, active: bool, message: Message) -> iced::widget::Button<'a, Message> {
    button(text(label).size(theme::TEXT))
        .padding(theme::PAD)
        .on_press(message)
        .style(if active {
            button::primary
        } else {
            button::secondary
        })
}

/// A card's heading with the key that steps its choice.
fn heading<'a>(label: &'a str, key: &'static str) -> Element<'a, Message> {
    row![
        text(label).size(theme::TEXT).font(BOLD),
        text(key).size(theme::SMALL).font(BOLD).color(theme::MUTED),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

/// The scale barcode setting as one text: `20 PPPPPWWWWW`, empty when off.
fn scale_text(settings: &Settings) -> String {
    match &settings.scale_prefix {
        Some(prefix) => format!("{prefix} {}", settings.scale_pattern),
        None => String::new(),
    }
}

/// A text setting with its own save button; Enter in it saves it too.
fn saved_field<'a>(
    id: &'static str,
    label: &str,
    value: &'a str,
    on_input: fn(String) -> Message,
    setting: Setting,
    lang: Lang,
) -> Element<'a, Message> {
    row![
        Field::new(id, label, value, on_input)
            .submit(Message::Set(setting.clone()))
            .view(),
        keyed_tile(T::Save.get(lang), "Enter", Some(Message::Set(setting))).width(96),
    ]
    .spacing(8)
    .align_y(Alignment::End)
    .into()
}

/// A dated copy of the book in the data folder's `backups`.
fn backup_now(store: &mut Store) -> Result<Say, Refusal> {
    let now = crate::clock::now()?;
    let folder = store.dir().join("backups");
    std::fs::create_dir_all(&folder).map_err(|e| super::refusal::WindowError::Folder {
        path: folder.display().to_string(),
        reason: e.to_string(),
    })?;
    let stamp = crate::clock::stamp(now, store.settings()?.utc_offset);
    // To the second, and never over an earlier copy (two in one second
    // take -2, -3, …).
    let base = format!(
        "sentra-{}",
        stamp.get(..19).unwrap_or(&stamp).replace([':', 'T'], "-")
    );
    let mut path = folder.join(format!("{base}.db"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = folder.join(format!("{base}-{n}.db"));
    }
    store.backup_to(&path)?;
    Ok(Say::BackupWritten(path.display().to_string()))
}

/// What is wrong with the QRIS in the field (one stored before the EMV
/// checks may fail them: the till then shows no QRIS until it is fixed), or
/// the warning for a code without the national template.
fn qris_problem(payload: &str, lang: Lang) -> Option<String> {
    use super::refusal::English;
    if payload.trim().is_empty() {
        return None;
    }
    match crate::domain::qris::validate_qris(payload) {
        Err(error) => Some(Say::QrisNotUsed(error.to_string(), error.english()).say(lang)),
        Ok(read) if !read.national => Some(T::QrisNotNational.get(lang).into()),
        Ok(_) => None,
    }
}
