//! The producers' view in Kantor: the centre's producers merged across
//! stalls by NIB, with what their goods sold for, are owed, were paid and
//! the balance, and the same by the producers' regency of origin; the CSV
//! for the province and the A4 report.

use iced::widget::{Column, button, column, row, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};
use time::Date;

use crate::office::producers::{
    ProducerRow, ProducersReport, RegencyRow, producers_report, write_producers_csv,
};
use crate::store::Store;
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::{Lang, T, en_count};
use crate::ui::refusal::{Refusal, WindowError};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, keyed_tile};

/// The period's first day field.
pub const FROM: &str = "kantor-penitip-from";
pub const TO: &str = "kantor-penitip-to";

#[derive(Default)]
pub struct OfficeProducers {
    pub report: Option<ProducersReport>,
    pub from: String,
    pub to: String,
    version: u64,
    /// What was written last, or why not.
    pub outcome: Option<Result<String, Refusal>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    FromChanged(String),
    ToChanged(String),
    Loaded(u64, Result<Box<ProducersReport>, Refusal>),
    /// Write the province's CSV of producers.
    WriteCsv,
    /// Write the A4 report (and open or print it as set).
    WritePdf,
    Written(Result<String, Refusal>),
}

fn day(text: &str) -> Result<Option<Date>, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    crate::clock::parse_day(text)
        .map(Some)
        .ok_or_else(|| WindowError::Day(text.to_string()).into())
}

fn period(from: &str, to: &str) -> Result<(Option<Date>, Option<Date>), Refusal> {
    Ok((day(from)?, day(to)?))
}

/// The office's `penitip/` folder, made if needed.
fn folder(store: &Store) -> Result<std::path::PathBuf, Refusal> {
    let folder = store.dir().join("penitip");
    std::fs::create_dir_all(&folder).map_err(|e| WindowError::Folder {
        path: folder.display().to_string(),
        reason: e.to_string(),
    })?;
    Ok(folder)
}

fn write(
    store: &Store,
    from: Option<Date>,
    to: Option<Date>,
    pdf: bool,
) -> Result<String, Refusal> {
    at_now(|now| {
        let report = producers_report(store, from, to)?;
        let stamp = store.business_day(now);
        let path = folder(store)?.join(format!(
            "penitip-{stamp}.{}",
            if pdf { "pdf" } else { "csv" }
        ));
        store.check_output_path(&path)?;
        if pdf {
            let bytes = crate::print::from_book::producers_report_pdf(store, &report, now)?;
            crate::print::write_file(&path, &bytes)?;
            let how =
                crate::print::deliver::Delivery::from_key(&store.settings()?.receipt_delivery)
                    .unwrap_or_default();
            crate::print::deliver::deliver(&path, how)?;
        } else {
            write_producers_csv(&report, &path)?;
        }
        Ok::<_, Refusal>(path.display().to_string())
    })
}

impl OfficeProducers {
    /// Reads the report again (the office opened, files were imported, the
    /// period changed).
    pub fn refresh(&mut self) -> Action<Message> {
        self.version += 1;
        let version = self.version;
        match period(&self.from, &self.to) {
            Ok((from, to)) => Action::search("office-producers", move |store| {
                Message::Loaded(
                    version,
                    producers_report(store, from, to)
                        .map(Box::new)
                        .map_err(Refusal::from),
                )
            }),
            Err(_) => Action::None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::FromChanged(text) => {
                self.from = text;
                self.refresh()
            }
            Message::ToChanged(text) => {
                self.to = text;
                self.refresh()
            }
            Message::Loaded(version, result) => {
                if version == self.version {
                    match result {
                        Ok(report) => self.report = Some(*report),
                        Err(error) => self.outcome = Some(Err(error)),
                    }
                }
                Action::None
            }
            Message::WriteCsv | Message::WritePdf => {
                let pdf = matches!(message, Message::WritePdf);
                match period(&self.from, &self.to) {
                    Ok((from, to)) => {
                        Action::job(move |store| Message::Written(write(store, from, to, pdf)))
                    }
                    Err(error) => {
                        self.outcome = Some(Err(error));
                        Action::None
                    }
                }
            }
            Message::Written(result) => {
                self.outcome = Some(result);
                Action::None
            }
        }
    }

    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let mut body = Column::new().spacing(4).push(self.header(lang));
        if let Some(outcome) = &self.outcome {
            body = body.push(outcome_line(outcome, lang));
        }
        let Some(report) = &self.report else {
            return card(body);
        };
        body = body.push(producers_heading(lang));
        if report.producers.is_empty() {
            body = body.push(
                text(T::NoProducersInTheStallsFiles.get(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
            );
        }
        for p in &report.producers {
            body = body.push(producer_row(p, lang));
        }
        body = body.push(
            text(T::ByTheProducersRegencyOfOrigin.get(lang))
                .size(theme::SMALL)
                .font(BOLD),
        );
        for r in &report.regencies {
            body = body.push(regency_row(r, lang));
        }
        card(column![body].spacing(6))
    }

    /// The title, the period's two days and the CSV and PDF keys.
    fn header(&self, lang: Lang) -> Element<'_, Message> {
        row![
            text(T::CentresProducers.get(lang))
                .size(theme::TEXT)
                .font(BOLD)
                .width(Fill),
            text_input(T::FromDay.get(lang), &self.from)
                .id(FROM)
                .on_input(Message::FromChanged)
                .padding(6)
                .width(175),
            text_input(T::ToDay.get(lang), &self.to)
                .id(TO)
                .on_input(Message::ToChanged)
                .padding(6)
                .width(175),
            keyed_tile("CSV", T::Province.get(lang), Some(Message::WriteCsv))
                .width(100)
                .style(button::secondary),
            keyed_tile("PDF", "A4", Some(Message::WritePdf))
                .width(80)
                .style(button::secondary),
        ]
        .spacing(8)
        .align_y(Alignment::Center)
        .into()
    }
}

/// One cell of the producers' table: a share of the width, figures right.
fn cell<'a>(t: String, portion: u16, right: bool) -> iced::widget::Text<'a> {
    let t = text(t).size(theme::SMALL).width(FillPortion(portion));
    if right { t.align_x(Alignment::End) } else { t }
}

/// What was written last, or why not.
fn outcome_line<'a>(outcome: &Result<String, Refusal>, lang: Lang) -> iced::widget::Text<'a> {
    match outcome {
        Ok(path) => text(format!("{} {path}", T::Written.get(lang)))
            .size(theme::SMALL)
            .color(theme::GOOD),
        Err(error) => text(error.say(lang)).size(theme::SMALL).color(theme::BAD),
    }
}

fn producers_heading<'a>(lang: Lang) -> Element<'a, Message> {
    row![
        cell(T::Producer.get(lang).into(), 5, false),
        cell(T::Origin.get(lang).into(), 4, false),
        cell(T::Stalls.get(lang).into(), 4, false),
        cell(T::SoldValue.get(lang).into(), 3, true),
        cell(T::OwedHeading.get(lang).into(), 3, true),
        cell(T::Paid.get(lang).into(), 3, true),
        cell(T::Balance.get(lang).into(), 3, true),
    ]
    .spacing(6)
    .into()
}

/// A producer's name, with the NIB and, when another stall named it first,
/// that stall.
fn producer_name(p: &ProducerRow, lang: Lang) -> String {
    match (&p.nib, &p.nib_owner) {
        (Some(nib), Some(owner)) => {
            format!(
                "{} · NIB {nib} ({} {owner})",
                p.producer,
                T::NibFirstSentBy.get(lang)
            )
        }
        (Some(nib), None) => format!("{} · NIB {nib}", p.producer),
        _ => p.producer.clone(),
    }
}

fn producer_row<'a>(p: &ProducerRow, lang: Lang) -> Element<'a, Message> {
    row![
        cell(producer_name(p, lang), 5, false),
        cell(format!("{} {}", p.regency, p.regency_name), 4, false),
        cell(p.stalls.join(" "), 4, false),
        cell(p.sold.to_string(), 3, true),
        cell(p.owed.to_string(), 3, true),
        cell(p.paid.to_string(), 3, true),
        cell(p.balance.to_string(), 3, true),
    ]
    .spacing(6)
    .into()
}

fn regency_row<'a>(r: &RegencyRow, lang: Lang) -> Element<'a, Message> {
    row![
        cell(format!("{} {}", r.regency, r.regency_name), 9, false),
        cell(
            match lang {
                Lang::Id => format!(
                    "{} {} · {} {}",
                    r.producers,
                    T::Producers.get(lang),
                    r.stalls,
                    T::StallsCount.get(lang)
                ),
                Lang::En => format!(
                    "{} · {}",
                    en_count(r.producers as i64, "producer", "producers"),
                    en_count(r.stalls as i64, "stall", "stalls")
                ),
            },
            4,
            false
        ),
        cell(r.sold.to_string(), 3, true),
        cell(r.owed.to_string(), 3, true),
        cell(r.paid.to_string(), 3, true),
        cell(r.balance.to_string(), 3, true),
    ]
    .spacing(6)
    .into()
}
