//! Laporan: a day at a glance, past days, *tutup kasir*, and the PPh Final
//! estimate for the month and the year.

mod view;

use time::{Date, Duration};

use super::effect::Effect;
use super::i18n::Say;
use super::widgets::Notice;
use crate::money::Rupiah;
use crate::store::{DayCloseRecord, DayReport, Store};

#[derive(Default)]
pub struct Laporan {
    /// The day shown; `None` is today.
    pub date: Option<Date>,
    pub report: Option<DayReport>,
    pub is_today: bool,
    version: u64,
    /// *Uang dihitung*, as typed for tutup kasir.
    pub counted: String,
    pub closing: bool,
    pub notice: Option<Notice>,
}

/// A closed day, and the export's path or why it could not be written
/// (`None` when no export folder is set).
pub type Closed = (DayCloseRecord, Option<Result<String, String>>);

#[derive(Debug, Clone)]
pub enum Message {
    Today,
    PreviousDay,
    NextDay,
    /// A report, tagged with the version it answers; and whether it is today's.
    Loaded(u64, Result<Box<(DayReport, bool)>, String>),
    CountedChanged(String),
    /// Print the day report shown.
    PrintReport,
    Printed(Result<String, String>),
    CloseDay,
    /// The day is closed, with the export's path or why it failed.
    Closed(Result<Box<Closed>, String>),
}

impl Laporan {
    /// Loads the report of the day shown.
    pub fn refresh(&mut self) -> Effect<Message> {
        self.version += 1;
        let (version, date) = (self.version, self.date);
        Effect::job(move |store| Message::Loaded(version, load(store, date)))
    }

    /// What the drawer should hold against what was counted, as typed so far.
    pub fn difference(&self) -> Option<Result<Rupiah, String>> {
        let report = self.report.as_ref()?;
        if self.counted.trim().is_empty() {
            return None;
        }
        Some(
            Rupiah::parse(&self.counted)
                .and_then(|counted| counted.checked_sub(report.cash.expected))
                .map_err(|e| e.to_string()),
        )
    }

    pub fn update(&mut self, message: Message) -> Effect<Message> {
        match message {
            Message::Today => {
                self.date = None;
                self.refresh()
            }
            Message::PreviousDay => self.step(-1),
            Message::NextDay => self.step(1),
            Message::Loaded(version, result) => {
                if version == self.version {
                    match result {
                        Ok(loaded) => {
                            let (report, is_today) = *loaded;
                            self.report = Some(report);
                            self.is_today = is_today;
                        }
                        Err(error) => self.notice = Some(Notice::Error(error.into())),
                    }
                }
                Effect::None
            }
            Message::PrintReport => match &self.report {
                Some(report) => {
                    let day = report.day.clone();
                    Effect::job(move |store| {
                        Message::Printed(super::documents::day_report(store, &day))
                    })
                }
                None => Effect::None,
            },
            Message::Printed(result) => {
                self.notice = Some(match result {
                    Ok(path) => Notice::Info(Say::ReportWritten(path)),
                    Err(error) => Notice::Error(error.into()),
                });
                Effect::None
            }
            Message::CountedChanged(text) => {
                self.counted = text;
                Effect::None
            }
            Message::CloseDay => {
                let counted = match Rupiah::parse(&self.counted) {
                    Ok(counted) => counted,
                    Err(error) => {
                        self.notice = Some(Notice::Error(error.to_string().into()));
                        return Effect::None;
                    }
                };
                self.closing = true;
                Effect::job(move |store| {
                    Message::Closed(close_and_export(store, counted).map(Box::new))
                })
            }
            Message::Closed(result) => {
                self.closing = false;
                match result {
                    Ok(closed) => {
                        let (close, export) = *closed;
                        self.counted.clear();
                        let failed = matches!(export, Some(Err(_)));
                        let say = Say::DayClosed {
                            day: close.day.clone(),
                            difference: close.cash.difference.to_string(),
                            export,
                        };
                        self.notice = Some(if failed {
                            Notice::Error(say)
                        } else {
                            Notice::Info(say)
                        });
                        self.refresh()
                    }
                    Err(error) => {
                        self.notice = Some(Notice::Error(error.into()));
                        Effect::None
                    }
                }
            }
        }
    }

    fn step(&mut self, days: i64) -> Effect<Message> {
        if let Some(report) = &self.report
            && let Some(shown) = crate::clock::parse_day(&report.day)
        {
            self.date = Some(shown + Duration::days(days));
        }
        self.refresh()
    }
}

fn load(store: &Store, date: Option<Date>) -> Result<Box<(DayReport, bool)>, String> {
    let now = crate::clock::now().map_err(|e| e.to_string())?;
    let today = store.business_day(now);
    let date = date.unwrap_or(today);
    store
        .day_report(date)
        .map(|r| Box::new((r, date == today)))
        .map_err(|e| e.to_string())
}

/// *Tutup kasir*, then the file for the office into the export folder if one
/// is set. The folder is tried first, so a missing USB stick is found out
/// before the day closes.
fn close_and_export(
    store: &mut Store,
    counted: Rupiah,
) -> Result<(DayCloseRecord, Option<Result<String, String>>), String> {
    let now = crate::clock::now().map_err(|e| e.to_string())?;
    let export_dir = store.settings().map_err(|e| e.to_string())?.export_dir;
    if let Some(dir) = &export_dir {
        store.check_output_folder(dir).map_err(|e| e.to_string())?;
        crate::sync::export::check_writable(dir).map_err(|e| e.to_string())?;
    }
    let close = store.close_day(counted, now).map_err(|e| e.to_string())?;
    if let Err(error) = store.daily_backup(now) {
        eprintln!("peringatan: cadangan harian gagal: {error}");
    }
    let export = export_dir.map(|dir| {
        crate::sync::export::export(store, &dir, None, now)
            .map(|summary| summary.path.display().to_string())
            .map_err(|e| e.to_string())
    });
    Ok((close, export))
}
