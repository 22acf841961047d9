//! The manager's desk in Kantor (*meja pengelola*): a tanda terima for a file
//! just imported, the retribusi owed, paid and left per stall, and any
//! customer's struk checked by the text of its QR code (typed, or scanned:
//! a scanner types it and Enter).

use iced::widget::{Column, button, column, row, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};

use crate::office::fees::{FeeBalance, balances};
use crate::office::import::ImportStats;
use crate::office::verify::{Status, Verdict, verify};
use crate::print::import_receipt::import_receipt;
use crate::store::Store;
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::{Lang, T};
use crate::ui::refusal::{Refusal, WindowError};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, keyed_tile};

/// The verify field: a scanner types the struk's QR text here.
pub const VERIFY: &str = "kantor-verify";

#[derive(Default)]
pub struct Desk {
    pub qr: String,
    pub verdict: Option<Result<Verdict, Refusal>>,
    pub fees: Vec<FeeBalance>,
    /// The last tanda terima written, or why not.
    pub written: Option<Result<String, Refusal>>,
    version: u64,
}

#[derive(Debug, Clone)]
pub enum Message {
    QrChanged(String),
    /// Check the struk whose QR text is in the field.
    Verify,
    Verified(Result<Verdict, Refusal>),
    FeesLoaded(u64, Result<Vec<FeeBalance>, Refusal>),
    /// Write the tanda terima of a file imported (its name and what it did).
    PrintReceipt(String, Box<ImportStats>),
    Written(Result<String, Refusal>),
}

/// Writes the tanda terima of an imported file into the office's
/// `tanda-terima/` folder, on the receipt paper set, and hands it to the
/// printer or viewer as receipts are.
fn write_receipt(store: &Store, file: &str, stats: &ImportStats) -> Result<String, Refusal> {
    at_now(|now| {
        let folder = store.dir().join("tanda-terima");
        std::fs::create_dir_all(&folder).map_err(|e| WindowError::Folder {
            path: folder.display().to_string(),
            reason: e.to_string(),
        })?;
        let paper = crate::print::from_book::receipt_roll(store);
        let receipt = import_receipt(store, file, stats, &folder, paper, now)?;
        store.check_output_path(&receipt.path)?;
        crate::print::write_file(&receipt.path, &receipt.pdf)?;
        let how = crate::print::deliver::Delivery::from_key(&store.settings()?.receipt_delivery)
            .unwrap_or_default();
        crate::print::deliver::deliver(&receipt.path, how)?;
        Ok::<_, Refusal>(receipt.path.display().to_string())
    })
}

impl Desk {
    /// Reads the fees again (the office opened, files were imported).
    pub fn refresh(&mut self) -> Action<Message> {
        self.version += 1;
        let version = self.version;
        Action::search("office-fees", move |store| {
            Message::FeesLoaded(
                version,
                balances(store, "0000-01-01", "9999-12-31").map_err(Refusal::from),
            )
        })
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::QrChanged(text) => {
                self.qr = text;
                Action::None
            }
            Message::Verify => {
                let qr = self.qr.clone();
                Action::job(move |store| {
                    Message::Verified(verify(store, &qr).map_err(Refusal::from))
                })
            }
            Message::Verified(result) => {
                self.verdict = Some(result);
                // Ready for the next struk.
                self.qr.clear();
                Action::Focus(VERIFY)
            }
            Message::FeesLoaded(version, result) => {
                if version == self.version {
                    match result {
                        Ok(fees) => self.fees = fees,
                        Err(error) => self.written = Some(Err(error)),
                    }
                }
                Action::None
            }
            Message::PrintReceipt(file, stats) => {
                Action::job(move |store| Message::Written(write_receipt(store, &file, &stats)))
            }
            Message::Written(result) => {
                self.written = Some(result);
                Action::None
            }
        }
    }

    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let verify_row = row![
            text("F3").size(theme::SMALL).font(BOLD),
            text_input(T::StrukQrField.get(lang), &self.qr)
                .id(VERIFY)
                .on_input(Message::QrChanged)
                .on_submit(Message::Verify)
                .padding(6)
                .width(Fill),
            keyed_tile(
                T::Verify.get(lang),
                "Enter",
                (!self.qr.trim().is_empty()).then_some(Message::Verify)
            )
            .width(120)
            .style(button::secondary),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        let mut body = Column::new()
            .spacing(6)
            .push(text(T::ManagersDesk.get(lang)).size(theme::TEXT).font(BOLD))
            .push(verify_row);
        if let Some(verdict) = &self.verdict {
            body = body.push(match verdict {
                Ok(verdict) => {
                    let good = matches!(verdict.status, Status::Found);
                    text(verdict.sentence_in(lang.language()))
                        .size(theme::SMALL)
                        .color(if good { theme::GOOD } else { theme::BAD })
                }
                Err(error) => text(error.say(lang)).size(theme::SMALL).color(theme::BAD),
            });
        }
        if let Some(written) = &self.written {
            body = body.push(match written {
                Ok(path) => text(format!("{} {path}", T::TandaTerimaLabel.get(lang)))
                    .size(theme::SMALL)
                    .color(theme::GOOD),
                Err(error) => text(error.say(lang)).size(theme::SMALL).color(theme::BAD),
            });
        }
        let cell = |t: String, portion: u16, right: bool| {
            let t = text(t).size(theme::SMALL).width(FillPortion(portion));
            if right { t.align_x(Alignment::End) } else { t }
        };
        body = body.push(text(T::FeesByStall.get(lang)).size(theme::SMALL).font(BOLD));
        // The stall on its own line and the three amounts under it: four
        // columns in this card leave a seven-digit amount no room at
        // 1024×768, and two amounts side by side read as one.
        body = body.push(
            row![
                cell(T::Owed.get(lang).into(), 1, true),
                cell(T::Paid.get(lang).into(), 1, true),
                cell(T::BalanceLeft.get(lang).into(), 1, true),
            ]
            .spacing(8),
        );
        for fee in &self.fees {
            body = body.push(text(format!("{} {}", fee.stall, fee.name)).size(theme::SMALL));
            body = body.push(
                row![
                    cell(fee.owed.to_string(), 1, true),
                    cell(fee.paid.to_string(), 1, true),
                    cell(fee.balance.to_string(), 1, true),
                ]
                .spacing(8),
            );
        }
        card(column![body])
    }
}
