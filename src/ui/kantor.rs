//! Kantor, the centre's office: import the stalls' files (one job per file,
//! so thousands of them never freeze the window), see the centre's day by
//! stall and regency, spot silent stalls, write the province's CSV.

use std::path::PathBuf;

use iced::widget::{
    Column, button, canvas, column, progress_bar, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Fill, FillPortion};
use time::{Date, Duration};

use super::chart::BarChart;
use super::effect::{Effect, at_now};
use super::i18n::{Lang, Say, T};
use super::theme;
use super::widgets::{BOLD, Notice, big, card, day_navigation, figure, notice};
use crate::store::{Identity, Store};
use crate::sync::import::{Found, ImportStats, collect_files, import_found};
use crate::sync::office::{CentreDay, centre_day, write_centre_csv};

/// One file's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub file: String,
    pub outcome: Result<ImportStats, String>,
}

pub struct Kantor {
    pub identity: Identity,
    pub path: String,
    pub queue: Vec<Found>,
    pub done: usize,
    pub importing: bool,
    pub results: Vec<FileRow>,
    /// The day shown; `None` is today.
    pub date: Option<Date>,
    pub day: Option<CentreDay>,
    version: u64,
    pub csv_path: String,
    pub notice: Option<Notice>,
}

#[derive(Debug, Clone)]
pub enum Message {
    PathChanged(String),
    /// Import every export file at the path (a file or a folder).
    Import,
    FilesFound(Result<Vec<Found>, String>),
    FileImported(String, Result<ImportStats, String>),
    PreviousDay,
    NextDay,
    Today,
    Loaded(u64, Result<Box<CentreDay>, String>),
    CsvPathChanged(String),
    WriteCsv,
    CsvWritten(Result<Say, String>),
    /// Print the centre report of the day shown.
    PrintReport,
}

impl Kantor {
    pub fn new(identity: Identity) -> Kantor {
        Kantor {
            identity,
            path: String::new(),
            queue: Vec::new(),
            done: 0,
            importing: false,
            results: Vec::new(),
            date: None,
            day: None,
            version: 0,
            csv_path: String::new(),
            notice: None,
        }
    }

    /// Loads the centre's day shown.
    pub fn refresh(&mut self) -> Effect<Message> {
        self.version += 1;
        let (version, date) = (self.version, self.date);
        Effect::job(move |store| Message::Loaded(version, load(store, date)))
    }

    pub fn update(&mut self, message: Message) -> Effect<Message> {
        match message {
            Message::PathChanged(path) => {
                self.path = path;
                Effect::None
            }
            Message::Import => {
                if self.importing || self.path.trim().is_empty() {
                    return Effect::None;
                }
                self.importing = true;
                self.results.clear();
                let path = PathBuf::from(self.path.trim());
                Effect::job(move |_| {
                    Message::FilesFound(collect_files(&[path]).map_err(|e| e.to_string()))
                })
            }
            Message::FilesFound(Ok(files)) => {
                self.queue = files;
                self.done = 0;
                self.next_file()
            }
            Message::FilesFound(Err(error)) => {
                self.importing = false;
                self.notice = Some(Notice::Error(error.into()));
                Effect::None
            }
            Message::FileImported(file, outcome) => {
                self.results.push(FileRow { file, outcome });
                self.done += 1;
                self.next_file()
            }
            Message::PreviousDay => self.step(-1),
            Message::NextDay => self.step(1),
            Message::Today => {
                self.date = None;
                self.refresh()
            }
            Message::Loaded(version, result) => {
                if version == self.version {
                    match result {
                        Ok(day) => self.day = Some(*day),
                        Err(error) => self.notice = Some(Notice::Error(error.into())),
                    }
                }
                Effect::None
            }
            Message::CsvPathChanged(path) => {
                self.csv_path = path;
                Effect::None
            }
            Message::WriteCsv => {
                let Some(day) = self.day.clone() else {
                    return Effect::None;
                };
                let typed = self.csv_path.trim().to_string();
                Effect::job(move |store| {
                    let path = if typed.is_empty() {
                        store.dir().join(format!("sentra-{}.csv", day.date))
                    } else {
                        PathBuf::from(typed)
                    };
                    let result = store
                        .check_output_path(&path)
                        .map_err(|e| e.to_string())
                        .and_then(|()| write_centre_csv(&day, &path).map_err(|e| e.to_string()))
                        .map(|rows| Say::CsvRowsWritten {
                            rows,
                            path: path.display().to_string(),
                        });
                    Message::CsvWritten(result)
                })
            }
            Message::PrintReport => match self.day.clone() {
                Some(day) => Effect::job(move |store| {
                    Message::CsvWritten(
                        super::documents::centre_report(store, &day).map(Say::ReportWritten),
                    )
                }),
                None => Effect::None,
            },
            Message::CsvWritten(result) => {
                self.notice = Some(match result {
                    Ok(summary) => Notice::Info(summary),
                    Err(error) => Notice::Error(error.into()),
                });
                Effect::None
            }
        }
    }

    /// Imports the next file of the queue, or finishes.
    fn next_file(&mut self) -> Effect<Message> {
        let Some(found) = self.queue.get(self.done).cloned() else {
            self.importing = false;
            let rejected = self.results.iter().filter(|r| r.outcome.is_err()).count();
            self.notice = Some(if rejected == 0 {
                Notice::Info(Say::FilesImported(self.results.len()))
            } else {
                Notice::Error(Say::FilesRejected {
                    rejected,
                    total: self.results.len(),
                })
            });
            return self.refresh();
        };
        Effect::job(move |store| {
            let name = found.path.display().to_string();
            let outcome = at_now(|now| import_found(store, &found, now));
            Message::FileImported(name, outcome)
        })
    }

    fn step(&mut self, days: i64) -> Effect<Message> {
        if let Some(shown) = self
            .day
            .as_ref()
            .and_then(|d| crate::clock::parse_day(&d.date))
        {
            self.date = Some(shown + Duration::days(days));
        }
        self.refresh()
    }

    /// Share of the queue done, 0–1.
    pub fn progress(&self) -> f32 {
        if self.queue.is_empty() {
            0.0
        } else {
            self.done as f32 / self.queue.len() as f32
        }
    }

    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let import = card(
            column![
                text(T::ImportFiles.get(lang)).size(theme::TEXT).font(BOLD),
                row![
                    text_input(T::ImportPath.get(lang), &self.path)
                        .id("import-path")
                        .on_input(Message::PathChanged)
                        .on_submit(Message::Import)
                        .padding(theme::PAD),
                    big(
                        T::Import.get(lang),
                        (!self.importing).then_some(Message::Import)
                    )
                    .width(140),
                ]
                .spacing(8),
                progress_bar(0.0..=1.0, self.progress()),
                text(format!(
                    "{}/{} {}",
                    self.done,
                    self.queue.len(),
                    T::Files.get(lang)
                ))
                .size(theme::SMALL),
                scrollable(self.results_list(lang)).height(160),
            ]
            .spacing(8),
        );
        let left = column![import, self.stall_table(lang)]
            .spacing(theme::GAP)
            .width(FillPortion(3));
        let right = column![self.groups(lang), self.csv(lang)]
            .spacing(theme::GAP)
            .width(FillPortion(2));
        scrollable(
            column![
                self.header(lang),
                notice(&self.notice, lang),
                row![left, right].spacing(16)
            ]
            .spacing(theme::GAP)
            .padding(16),
        )
        .into()
    }

    fn header(&self, lang: Lang) -> Element<'_, Message> {
        let date = self
            .day
            .as_ref()
            .map(|d| d.date.clone())
            .unwrap_or_default();
        row![
            text(format!("{} — {date}", self.identity.name))
                .size(theme::HEADING)
                .width(Fill),
            big(
                T::PrintCentre.get(lang),
                self.day.is_some().then_some(Message::PrintReport)
            )
            .width(230),
            day_navigation(lang, Message::PreviousDay, Message::Today, Message::NextDay),
        ]
        .spacing(theme::GAP)
        .align_y(Alignment::Center)
        .into()
    }

    fn results_list(&self, lang: Lang) -> Element<'_, Message> {
        let mut list = Column::new().spacing(2);
        for row in self.results.iter().rev() {
            let name = row
                .file
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(&row.file)
                .to_string();
            let line = match &row.outcome {
                Ok(s) => text(format!(
                    "✓ {name}: {} {}, {} {}",
                    s.new_records,
                    T::New.get(lang),
                    s.known_records,
                    T::AlreadyHeld.get(lang)
                ))
                .size(theme::SMALL)
                .color(theme::GOOD),
                Err(reason) => text(format!("✕ {name}: {reason}"))
                    .size(theme::SMALL)
                    .color(theme::BAD),
            };
            list = list.push(line);
        }
        list.into()
    }

    fn stall_table(&self, lang: Lang) -> Element<'_, Message> {
        let Some(day) = &self.day else {
            return card(text(T::Opening.get(lang)));
        };
        let header = row![
            text(T::Stall.get(lang)).size(theme::SMALL).width(Fill),
            text(T::SalesCount.get(lang)).size(theme::SMALL).width(90),
            text(T::Net.get(lang)).size(theme::SMALL).width(150),
            text(T::Takings.get(lang)).size(theme::SMALL).width(150),
        ];
        let mut rows = Column::new().spacing(4).push(header);
        for stall in &day.stalls {
            rows = rows.push(row![
                text(format!("{} {}", stall.code, stall.name))
                    .size(theme::TEXT)
                    .width(Fill),
                text(stall.totals.sales_count.to_string())
                    .size(theme::TEXT)
                    .width(90),
                text(stall.totals.net.to_string())
                    .size(theme::TEXT)
                    .width(150),
                text(stall.totals.takings.to_string())
                    .size(theme::TEXT)
                    .width(150),
            ]);
        }
        rows = rows.push(row![
            text(T::Total.get(lang))
                .size(theme::TEXT)
                .font(BOLD)
                .width(Fill),
            text(day.totals.sales_count.to_string())
                .size(theme::TEXT)
                .font(BOLD)
                .width(90),
            text(day.totals.net.to_string())
                .size(theme::TEXT)
                .font(BOLD)
                .width(150),
            text(day.totals.takings.to_string())
                .size(theme::TEXT)
                .font(BOLD)
                .width(150),
        ]);
        for stall in &day.silent {
            rows = rows.push(
                text(format!(
                    "{} {} — {}",
                    stall.code,
                    stall.name,
                    T::Silent.get(lang)
                ))
                .size(theme::TEXT)
                .color(theme::BAD),
            );
        }
        card(rows)
    }

    fn groups(&self, lang: Lang) -> Element<'_, Message> {
        let Some(day) = &self.day else {
            return column![].into();
        };
        let bars = BarChart {
            bars: day
                .regencies
                .iter()
                .map(|g| (g.key.clone(), g.net))
                .collect(),
        };
        let mut regencies = Column::new()
            .spacing(4)
            .push(text(T::ByRegency.get(lang)).size(theme::TEXT).font(BOLD));
        regencies = regencies.push(canvas(bars).width(Fill).height(140));
        for group in &day.regencies {
            regencies = regencies.push(figure(
                format!("{} {}", group.key, group.label),
                group.net.to_string(),
                theme::TEXT,
            ));
        }
        let mut categories = Column::new()
            .spacing(4)
            .push(text(T::ByCategory.get(lang)).size(theme::TEXT).font(BOLD));
        for group in &day.categories {
            categories = categories.push(figure(
                group.label.clone(),
                group.net.to_string(),
                theme::TEXT,
            ));
        }
        let mut payments = Column::new()
            .spacing(4)
            .push(text(T::Payments.get(lang)).size(theme::TEXT).font(BOLD));
        for group in &day.payments {
            payments = payments.push(figure(
                group.label.clone(),
                group.net.to_string(),
                theme::TEXT,
            ));
        }
        column![card(regencies), card(categories), card(payments)]
            .spacing(theme::GAP)
            .into()
    }

    fn csv(&self, lang: Lang) -> Element<'_, Message> {
        card(
            column![
                text(T::ProvinceCsv.get(lang)).size(theme::TEXT).font(BOLD),
                text_input(T::CsvPath.get(lang), &self.csv_path)
                    .id("centre-csv-path")
                    .on_input(Message::CsvPathChanged)
                    .padding(theme::PAD),
                big(
                    T::WriteCsv.get(lang),
                    self.day.is_some().then_some(Message::WriteCsv)
                )
                .style(button::secondary),
            ]
            .spacing(8),
        )
    }
}

fn load(store: &Store, date: Option<Date>) -> Result<Box<CentreDay>, String> {
    let now = crate::clock::now().map_err(|e| e.to_string())?;
    let date = date.unwrap_or_else(|| store.business_day(now));
    centre_day(store, date)
        .map(Box::new)
        .map_err(|e| e.to_string())
}
