//! Pengaturan: receipt width, tax, language, manager PIN, export folder, the
//! stall's static QRIS, backups. Each change is checked and saved on its own.

use iced::widget::{Column, button, checkbox, column, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill};

use super::effect::{Effect, at_now};
use super::i18n::{Lang, Say, T};
use super::theme;
use super::widgets::{BOLD, Notice, big, card, field, figure, notice};
use crate::domain::tax::TaxMode;
use crate::store::{Identity, Settings, Store};

pub struct Pengaturan {
    pub identity: Identity,
    pub settings: Settings,
    pub tax_rate: String,
    pub export_dir: String,
    pub qris: String,
    pub old_pin: String,
    pub new_pin: String,
    pub restore_path: String,
    pub restore_pin: String,
    /// Restore even when the book holds records newer than the backup.
    pub accept_loss: bool,
    pub notice: Option<Notice>,
    /// Settings saved since the root last looked: it applies them.
    applied: Option<Settings>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Save one setting under its key.
    Set(&'static str, String),
    TaxRateChanged(String),
    ExportDirChanged(String),
    QrisChanged(String),
    Saved(Result<Settings, String>),
    OldPinChanged(String),
    NewPinChanged(String),
    ChangePin,
    PinChanged(Result<(), String>),
    BackupNow,
    RestorePathChanged(String),
    RestorePinChanged(String),
    AcceptLossToggled(bool),
    Restore,
    /// A backup or restore finished, with what to tell the person.
    FileDone(Result<Say, String>),
}

impl Pengaturan {
    pub fn new(identity: &Identity, settings: &Settings) -> Pengaturan {
        let entries: std::collections::HashMap<_, _> = settings.entries().into_iter().collect();
        Pengaturan {
            identity: identity.clone(),
            settings: settings.clone(),
            tax_rate: entries.get("tax_rate").cloned().unwrap_or_default(),
            export_dir: entries.get("export_dir").cloned().unwrap_or_default(),
            qris: entries.get("qris_payload").cloned().unwrap_or_default(),
            old_pin: String::new(),
            new_pin: String::new(),
            restore_path: String::new(),
            restore_pin: String::new(),
            accept_loss: false,
            notice: None,
            applied: None,
        }
    }

    /// Settings that changed, once.
    pub fn take_applied(&mut self) -> Option<Settings> {
        self.applied.take()
    }

    pub fn update(&mut self, message: Message) -> Effect<Message> {
        match message {
            Message::Set(key, value) => Effect::job(move |store| {
                Message::Saved(store.set_setting(key, &value).map_err(|e| e.to_string()))
            }),
            Message::TaxRateChanged(text) => {
                self.tax_rate = text;
                Effect::None
            }
            Message::ExportDirChanged(text) => {
                self.export_dir = text;
                Effect::None
            }
            Message::QrisChanged(text) => {
                self.qris = text;
                Effect::None
            }
            Message::Saved(Ok(settings)) => {
                self.notice = Some(Notice::Info(Say::Saved));
                self.settings = settings.clone();
                self.applied = Some(settings);
                Effect::None
            }
            Message::Saved(Err(error))
            | Message::PinChanged(Err(error))
            | Message::FileDone(Err(error)) => {
                self.notice = Some(Notice::Error(error.into()));
                Effect::None
            }
            Message::OldPinChanged(text) => {
                self.old_pin = text;
                Effect::None
            }
            Message::NewPinChanged(text) => {
                self.new_pin = text;
                Effect::None
            }
            Message::ChangePin => {
                let (old, new) = (self.old_pin.clone(), self.new_pin.clone());
                Effect::job(move |store| {
                    let result = at_now(|now| {
                        let old = Some(old.as_str()).filter(|o| !o.is_empty());
                        store.set_pin(&new, old, now)
                    });
                    Message::PinChanged(result)
                })
            }
            Message::PinChanged(Ok(())) => {
                self.old_pin.clear();
                self.new_pin.clear();
                self.notice = Some(Notice::Info(Say::PinChanged));
                Effect::None
            }
            Message::BackupNow => Effect::job(|store| Message::FileDone(backup_now(store))),
            Message::RestorePathChanged(text) => {
                self.restore_path = text;
                Effect::None
            }
            Message::RestorePinChanged(text) => {
                self.restore_pin = text;
                Effect::None
            }
            Message::AcceptLossToggled(on) => {
                self.accept_loss = on;
                Effect::None
            }
            Message::Restore => {
                let path = std::path::PathBuf::from(self.restore_path.trim());
                let pin = std::mem::take(&mut self.restore_pin);
                let accept_loss = std::mem::replace(&mut self.accept_loss, false);
                Effect::job(move |store| {
                    let result = at_now(|now| {
                        store.restore_from(&path, Some(pin.as_str()), accept_loss, now)
                    })
                    .map(|done| Say::Restored(done.previous.display().to_string()));
                    Message::FileDone(result)
                })
            }
            Message::FileDone(Ok(summary)) => {
                self.notice = Some(Notice::Info(summary));
                Effect::None
            }
        }
    }

    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let choice = |label: String, active: bool, message: Message| {
            big(label, Some(message)).style(if active {
                button::primary
            } else {
                button::secondary
            })
        };
        let identity = card(
            column![
                text(T::Identity.get(lang)).size(theme::TEXT).font(BOLD),
                figure(
                    T::StallName.get(lang),
                    self.identity.name.clone(),
                    theme::TEXT
                ),
                figure("Kode", self.identity.stall_code().to_string(), theme::TEXT),
                figure(
                    T::Regency.get(lang),
                    self.identity
                        .regency
                        .map(|r| r.to_string())
                        .unwrap_or_default(),
                    theme::TEXT
                ),
                figure(
                    T::Owner.get(lang),
                    self.identity.owner.clone().unwrap_or_default(),
                    theme::TEXT
                ),
            ]
            .spacing(6),
        );
        let width = self.settings.receipt_width;
        let mode = self.settings.tax.mode;
        let paper = card(
            column![
                text(T::ReceiptWidth.get(lang)).size(theme::TEXT).font(BOLD),
                row![
                    choice(
                        "58 mm".into(),
                        width == 58,
                        Message::Set("receipt_width", "58".into())
                    ),
                    choice(
                        "80 mm".into(),
                        width == 80,
                        Message::Set("receipt_width", "80".into())
                    ),
                ]
                .spacing(8),
                text(T::AfterSale.get(lang)).size(theme::TEXT).font(BOLD),
                row![
                    choice(
                        T::DeliverSave.get(lang).into(),
                        self.settings.receipt_delivery == "save",
                        Message::Set("receipt_delivery", "save".into())
                    ),
                    choice(
                        T::DeliverOpen.get(lang).into(),
                        self.settings.receipt_delivery == "open",
                        Message::Set("receipt_delivery", "open".into())
                    ),
                    choice(
                        T::DeliverPrint.get(lang).into(),
                        self.settings.receipt_delivery == "print",
                        Message::Set("receipt_delivery", "print".into())
                    ),
                ]
                .spacing(8),
                text(T::Language.get(lang)).size(theme::TEXT).font(BOLD),
                row![
                    choice(
                        "Bahasa Indonesia".into(),
                        lang == Lang::Id,
                        Message::Set("language", "id".into())
                    ),
                    choice(
                        "English".into(),
                        lang == Lang::En,
                        Message::Set("language", "en".into())
                    ),
                ]
                .spacing(8),
            ]
            .spacing(8),
        );
        let tax = card(
            column![
                text(T::Tax.get(lang)).size(theme::TEXT).font(BOLD),
                row![
                    choice(
                        T::TaxNone.get(lang).into(),
                        mode == TaxMode::None,
                        Message::Set("tax_mode", "none".into())
                    ),
                    choice(
                        T::TaxInclusive.get(lang).into(),
                        mode == TaxMode::Inclusive,
                        Message::Set("tax_mode", "inclusive".into())
                    ),
                    choice(
                        T::TaxExclusive.get(lang).into(),
                        mode == TaxMode::Exclusive,
                        Message::Set("tax_mode", "exclusive".into())
                    ),
                ]
                .spacing(8),
                saved_field(
                    T::TaxRate.get(lang),
                    &self.tax_rate,
                    Message::TaxRateChanged,
                    "tax_rate",
                    lang
                ),
            ]
            .spacing(8),
        );
        let places = card(
            column![
                saved_field(
                    T::ExportFolder.get(lang),
                    &self.export_dir,
                    Message::ExportDirChanged,
                    "export_dir",
                    lang
                ),
                saved_field(
                    T::QrisPayload.get(lang),
                    &self.qris,
                    Message::QrisChanged,
                    "qris_payload",
                    lang
                ),
            ]
            .spacing(8),
        );
        let pin = card(
            column![
                text(T::ChangePin.get(lang)).size(theme::TEXT).font(BOLD),
                row![
                    text_input(T::OldPin.get(lang), &self.old_pin)
                        .id("old-pin")
                        .on_input(Message::OldPinChanged)
                        .secure(true)
                        .padding(theme::PAD),
                    text_input(T::NewPin.get(lang), &self.new_pin)
                        .id("new-pin")
                        .on_input(Message::NewPinChanged)
                        .secure(true)
                        .padding(theme::PAD),
                    big(T::Save.get(lang), Some(Message::ChangePin)).width(140),
                ]
                .spacing(8),
            ]
            .spacing(8),
        );
        let backup = card(
            column![
                text(T::Backup.get(lang)).size(theme::TEXT).font(BOLD),
                big(T::BackupNow.get(lang), Some(Message::BackupNow)).style(button::secondary),
                row![
                    text_input(T::RestoreFrom.get(lang), &self.restore_path)
                        .id("restore-path")
                        .on_input(Message::RestorePathChanged)
                        .padding(theme::PAD),
                ]
                .spacing(8),
                row![
                    text_input(T::ManagerPin.get(lang), &self.restore_pin)
                        .id("restore-pin")
                        .on_input(Message::RestorePinChanged)
                        .secure(true)
                        .padding(theme::PAD),
                    big(T::Restore.get(lang), Some(Message::Restore))
                        .width(140)
                        .style(button::danger),
                ]
                .spacing(8),
                checkbox(self.accept_loss)
                    .label(T::AcceptLoss.get(lang))
                    .on_toggle(Message::AcceptLossToggled),
            ]
            .spacing(8),
        );
        let left = Column::new()
            .push(identity)
            .push(paper)
            .push(tax)
            .spacing(theme::GAP)
            .width(Fill);
        let right = Column::new()
            .push(places)
            .push(pin)
            .push(backup)
            .spacing(theme::GAP)
            .width(Fill);
        scrollable(
            column![notice(&self.notice, lang), row![left, right].spacing(16)]
                .spacing(theme::GAP)
                .padding(16),
        )
        .into()
    }
}

/// A text setting with its own save button.
fn saved_field<'a>(
    label: &str,
    value: &'a str,
    on_input: fn(String) -> Message,
    key: &'static str,
    lang: Lang,
) -> Element<'a, Message> {
    row![
        field(key, label, value, None, on_input),
        big(
            T::Save.get(lang),
            Some(Message::Set(key, value.to_string()))
        )
        .width(120),
    ]
    .spacing(8)
    .align_y(Alignment::End)
    .into()
}

/// A dated copy of the book in the data folder's `backups`.
fn backup_now(store: &mut Store) -> Result<Say, String> {
    let now = crate::clock::now().map_err(|e| e.to_string())?;
    let folder = store.dir().join("backups");
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let stamp = crate::clock::stamp(now, store.settings().map_err(|e| e.to_string())?.utc_offset);
    let name = format!(
        "sentra-{}.db",
        stamp.get(..16).unwrap_or(&stamp).replace([':', 'T'], "-")
    );
    let path = folder.join(name);
    store.backup_to(&path).map_err(|e| e.to_string())?;
    Ok(Say::BackupWritten(path.display().to_string()))
}
