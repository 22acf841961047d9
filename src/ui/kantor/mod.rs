//! Kantor, the centre's office: import the stalls' files with the same
//! step as `sentra import` (file by file, a result each, on the book's
//! worker so the window never freezes), see the centre's day by stall and
//! regency, spot silent stalls, write the province's CSV.
//!
//! After an import the screen shows the latest day the files carried.
//! Keys: Enter in the path imports; F2 writes the tanda terima of the file
//! imported last; F3 goes to the desk's struk check (Enter checks); F1
//! switches the language; Ctrl+PgUp/Ctrl+PgDn/Ctrl+Home move the day;
//! PgUp/PgDn, ↑/↓ and Home/End scroll; F9 prints.

pub mod meja;
pub mod producers;

use std::path::PathBuf;

use iced::keyboard::{Key, key::Named};
use iced::widget::{
    Column, button, canvas, column, container, progress_bar, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Fill, FillPortion};
use time::{Date, Duration};

use super::KeyPress;
use super::action::{Action, Intent, Job, Scroll};
use super::chart::BarChart;
use super::i18n::{Lang, Say, T, method_key_name};
use super::refusal::Refusal;
use super::theme;
use super::widgets::{BOLD, Notice, card, day_navigation, figure, keyed, notice};
use crate::office::centre::{CentreDay, centre_day, write_centre_csv};
use crate::office::import::{Found, ImportStats, collect_files, import_files};
use crate::store::{Identity, Settings, Store};

/// The import path field: it has the focus when the office opens.
pub const IMPORT_PATH: &str = "import-path";
/// The screen's scrolling view, which the keys scroll.
pub const SCROLL: &str = "kantor-scroll";

/// One file's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub file: String,
    pub outcome: Result<ImportStats, Refusal>,
}

pub struct Kantor {
    pub identity: Identity,
    pub lang: Lang,
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
    /// The centre's producers (titip jual), merged across stalls by NIB.
    pub producers: producers::OfficeProducers,
    /// The manager's desk: tanda terima, retribusi, verifying a struk.
    pub desk: meja::Desk,
}

#[derive(Debug, Clone)]
pub enum Message {
    PathChanged(String),
    /// Import every export file at the path (a file or a folder).
    Import,
    FilesFound(Result<Vec<Found>, Refusal>),
    FileImported(String, Result<ImportStats, Refusal>),
    /// The import went through the files (or the book failed part way).
    ImportFinished(Result<(), Refusal>),
    PreviousDay,
    NextDay,
    Today,
    Loaded(u64, Result<Box<CentreDay>, Refusal>),
    CsvPathChanged(String),
    WriteCsv,
    /// A CSV or the report was written, or why not.
    Written(Result<Say, Refusal>),
    /// Print the centre report of the day shown (F9).
    PrintReport,
    /// Show the screens in this language (and keep it).
    SetLanguage(Lang),
    /// Go to the desk's struk check (F3).
    GoVerify,
    /// Scroll the screen (PgUp/PgDn, ↑/↓, Home/End).
    Scroll(Scroll),
    LanguageSaved(Result<Settings, Refusal>),
    /// A job of this screen died before answering.
    JobFailed(Refusal),
    /// The producers' view.
    Producers(producers::Message),
    /// The manager's desk.
    Desk(meja::Message),
}

impl Kantor {
    pub fn new(identity: Identity, settings: &Settings) -> Kantor {
        Kantor {
            identity,
            lang: Lang::from_key(&settings.language),
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
            producers: Default::default(),
            desk: Default::default(),
        }
    }

    /// Settings that changed, once.
    /// Loads the centre's day shown, the producers and the fees.
    pub fn refresh(&mut self) -> Action<Message> {
        self.load_day()
            .and(self.producers.refresh().map(Message::Producers))
            .and(self.desk.refresh().map(Message::Desk))
    }

    /// Loads only the centre's day shown: moving between days changes
    /// nothing the producers' view or the fee balances show, and reading
    /// them again would keep the book's worker from the next day asked for.
    fn load_day(&mut self) -> Action<Message> {
        self.version += 1;
        let (version, date) = (self.version, self.date);
        Action::search("centre-day", move |store| {
            Message::Loaded(version, load(store, date))
        })
    }

    pub fn hotkey(&self, press: &KeyPress) -> Option<Message> {
        let Key::Named(named) = &press.key else {
            return None;
        };
        let ctrl = press.modifiers.control();
        match named {
            Named::F9 => self.day.is_some().then_some(Message::PrintReport),
            Named::F1 => Some(Message::SetLanguage(match self.lang {
                Lang::Id => Lang::En,
                Lang::En => Lang::Id,
            })),
            Named::F2 => self.last_receipt(),
            Named::F3 => Some(Message::GoVerify),
            Named::PageUp if ctrl => Some(Message::PreviousDay),
            Named::PageDown if ctrl => Some(Message::NextDay),
            Named::Home if ctrl => Some(Message::Today),
            _ if press.captured => None,
            named => Scroll::for_key(named).map(Message::Scroll),
        }
    }

    /// The tanda terima of the file imported last (the top of the list).
    fn last_receipt(&self) -> Option<Message> {
        let row = self.results.iter().rev().find(|row| row.outcome.is_ok())?;
        let stats = row.outcome.as_ref().ok()?.clone();
        Some(Message::Desk(meja::Message::PrintReceipt(
            file_name(&row.file),
            Box::new(stats),
        )))
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::Producers(message) => self.producers.update(message).map(Message::Producers),
            Message::Desk(message) => self.desk.update(message).map(Message::Desk),
            Message::PathChanged(path) => {
                self.path = path;
                Action::None
            }
            Message::Import => self.import(),
            Message::FilesFound(Ok(files)) => self.import_files(files),
            Message::FilesFound(Err(error)) => {
                self.importing = false;
                self.notice = Some(Notice::Error(error.into()));
                Action::None
            }
            Message::FileImported(file, outcome) => {
                self.results.push(FileRow { file, outcome });
                self.done += 1;
                Action::None
            }
            Message::ImportFinished(walked) => self.finished(walked),
            Message::PreviousDay => self.step(-1),
            Message::NextDay => self.step(1),
            Message::Today => {
                self.date = None;
                self.load_day()
            }
            Message::Loaded(version, result) => {
                if version == self.version {
                    match result {
                        Ok(day) => self.day = Some(*day),
                        Err(error) => self.notice = Some(Notice::Error(error.into())),
                    }
                }
                Action::None
            }
            Message::CsvPathChanged(path) => {
                self.csv_path = path;
                Action::None
            }
            Message::WriteCsv => self.write_csv(),
            Message::PrintReport => match self.day.clone() {
                Some(day) => Action::job(move |store| {
                    Message::Written(
                        super::documents::centre_report(store, &day).map(Say::ReportWritten),
                    )
                }),
                None => Action::None,
            },
            Message::Written(result) => {
                self.notice = Some(Notice::of(result));
                Action::None
            }
            Message::GoVerify => Action::Focus(meja::VERIFY),
            Message::Scroll(by) => Action::Scroll { view: SCROLL, by },
            Message::SetLanguage(lang) => Action::job(move |store| {
                Message::LanguageSaved(
                    store
                        .set_setting(crate::store::SettingKey::Language.name(), lang.key())
                        .map_err(Refusal::from),
                )
            }),
            Message::LanguageSaved(Ok(settings)) => {
                self.lang = Lang::from_key(&settings.language);
                Action::Intent(Intent::SettingsApplied(Box::new(settings)))
            }
            Message::LanguageSaved(Err(error)) => {
                self.notice = Some(Notice::Error(error.into()));
                Action::None
            }
            Message::JobFailed(why) => {
                self.importing = false;
                self.notice = Some(Notice::Error(why.into()));
                Action::None
            }
        }
    }

    /// Finds the files under the typed path, off the UI thread.
    fn import(&mut self) -> Action<Message> {
        if self.importing || self.path.trim().is_empty() {
            return Action::None;
        }
        self.importing = true;
        self.results.clear();
        self.queue.clear();
        self.done = 0;
        self.notice = None;
        let path = PathBuf::from(self.path.trim());
        Action::job(move |_| Message::FilesFound(collect_files(&[path]).map_err(Refusal::from)))
    }

    /// `sentra import`'s own step: the same order, checks and stop rule,
    /// one message per file as it is done.
    fn import_files(&mut self, files: Vec<Found>) -> Action<Message> {
        if files.is_empty() {
            self.importing = false;
            self.notice = Some(Notice::Error(Say::NothingToImport(self.path.clone())));
            return Action::None;
        }
        self.queue = files.clone();
        self.done = 0;
        Action::Run(Job::streaming(move |store, send| {
            let walked = super::action::at_now(|now| {
                import_files(store, &files, now, |path, outcome| {
                    send(Message::FileImported(
                        path.display().to_string(),
                        outcome.map_err(Refusal::from),
                    ))
                })
            });
            send(Message::ImportFinished(walked));
        }))
    }

    /// The centre's day as the province's CSV, to the typed path or beside
    /// the book; the path checked before anything is written.
    fn write_csv(&mut self) -> Action<Message> {
        let Some(day) = self.day.clone() else {
            return Action::None;
        };
        let typed = self.csv_path.trim().to_string();
        Action::job(move |store| {
            let path = if typed.is_empty() {
                store.dir().join(format!("sentra-{}.csv", day.date))
            } else {
                PathBuf::from(typed)
            };
            let result = store
                .check_output_path(&path)
                .map_err(Refusal::from)
                .and_then(|()| write_centre_csv(&day, &path).map_err(Refusal::from))
                .map(|rows| Say::CsvRowsWritten {
                    rows,
                    path: path.display().to_string(),
                });
            Message::Written(result)
        })
    }

    /// The import is done: say how it went, and show the latest day the
    /// files carried (their days are usually before today).
    fn finished(&mut self, walked: Result<(), Refusal>) -> Action<Message> {
        self.importing = false;
        let rejected = self.results.iter().filter(|r| r.outcome.is_err()).count();
        let mut days: Vec<String> = self
            .results
            .iter()
            .filter_map(|r| r.outcome.as_ref().ok())
            .flat_map(|stats| stats.days.iter().cloned())
            .collect();
        days.sort();
        days.dedup();
        self.notice = Some(match walked {
            Err(error) => Notice::Error(error.into()),
            Ok(()) if rejected > 0 => Notice::Error(Say::FilesRejected {
                rejected,
                total: self.results.len(),
                days: days.clone(),
            }),
            Ok(()) => Notice::Info(Say::FilesImported {
                count: self.results.len(),
                days: days.clone(),
            }),
        });
        if let Some(latest) = days.last().and_then(|d| crate::clock::parse_day(d)) {
            self.date = Some(latest);
        }
        self.refresh()
    }

    /// A day back or on from the day last asked for, not the day shown:
    /// presses that come faster than the office PC loads a day each count.
    fn step(&mut self, days: i64) -> Action<Message> {
        let from = self.date.or_else(|| {
            self.day
                .as_ref()
                .and_then(|d| crate::clock::parse_day(&d.date))
        });
        if let Some(from) = from {
            self.date = Some(from + Duration::days(days));
        }
        self.load_day()
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
                        .id(IMPORT_PATH)
                        .on_input(Message::PathChanged)
                        .on_submit(Message::Import)
                        .padding(theme::PAD),
                    keyed(
                        T::Import.get(lang),
                        "Enter",
                        (!self.importing).then_some(Message::Import)
                    )
                    .width(150),
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
                // Room on the right so the scrollbar never covers a result.
                scrollable(
                    container(self.results_list(lang)).padding(iced::Padding::ZERO.right(16))
                )
                .height(160),
            ]
            .spacing(8),
        );
        let left = column![import, self.stall_table(lang)]
            .spacing(theme::GAP)
            .width(FillPortion(3));
        // The desk first: a struk is checked while the vendor waits.
        let right = column![
            self.desk.view(lang).map(Message::Desk),
            self.csv(lang),
            self.groups(lang)
        ]
        .spacing(theme::GAP)
        .width(FillPortion(2));
        scrollable(
            column![
                self.header(lang),
                notice(&self.notice, lang),
                row![left, right].spacing(16),
                self.producers.view(lang).map(Message::Producers),
            ]
            .spacing(theme::GAP)
            .padding(16),
        )
        .id(SCROLL)
        .into()
    }

    fn header(&self, lang: Lang) -> Element<'_, Message> {
        let date = self
            .day
            .as_ref()
            .map(|d| d.date.clone())
            .unwrap_or_default();
        let language = |label: &'static str, choice: Lang| {
            button(text(label).size(theme::SMALL))
                .on_press(Message::SetLanguage(choice))
                .padding([6, 10])
                .style(if lang == choice {
                    button::primary
                } else {
                    button::secondary
                })
        };
        column![
            row![
                text(format!("{} — {date}", self.identity.name))
                    .size(theme::HEADING)
                    .width(Fill),
                language("Bahasa Indonesia", Lang::Id),
                language("English", Lang::En),
                text("F1").size(theme::SMALL).font(BOLD),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
            row![
                keyed(
                    T::PrintCentre.get(lang),
                    "F9",
                    self.day.is_some().then_some(Message::PrintReport)
                )
                .width(260),
                iced::widget::space().width(Fill),
                day_navigation(lang, Message::PreviousDay, Message::Today, Message::NextDay),
            ]
            .spacing(theme::GAP)
            .align_y(Alignment::Center),
        ]
        .spacing(8)
        .into()
    }

    fn results_list(&self, lang: Lang) -> Element<'_, Message> {
        let mut list = Column::new().spacing(2);
        let latest = self.results.iter().rposition(|row| row.outcome.is_ok());
        for (index, row) in self.results.iter().enumerate().rev() {
            let name = file_name(&row.file);
            let key = if Some(index) == latest { "F2" } else { "" };
            let line: Element<'_, Message> = match &row.outcome {
                Ok(s) => iced::widget::row![
                    text(format!(
                        "• {name}: {} {}, {} {} ({})",
                        s.new_records,
                        T::New.get(lang),
                        s.known_records,
                        T::AlreadyHeld.get(lang),
                        super::i18n::days_span(&s.days, lang)
                    ))
                    .size(theme::SMALL)
                    .color(theme::GOOD)
                    .width(Fill),
                    // The tanda terima the vendor takes home for this file.
                    iced::widget::button(super::widgets::with_key(
                        if lang == Lang::Id {
                            "Tanda terima"
                        } else {
                            "Receipt"
                        },
                        key,
                        theme::SMALL
                    ))
                    .on_press(Message::Desk(meja::Message::PrintReceipt(
                        name.clone(),
                        Box::new(s.clone())
                    )))
                    .padding([2, 8])
                    .style(iced::widget::button::secondary),
                ]
                .spacing(6)
                .align_y(iced::Alignment::Center)
                .into(),
                Err(reason) => text(format!("× {name}: {}", reason.say(lang)))
                    .size(theme::SMALL)
                    .color(theme::BAD)
                    .into(),
            };
            list = list.push(line);
            let pinned = row
                .outcome
                .as_ref()
                .ok()
                .and_then(|s| s.pinned_note(lang == Lang::En));
            let warnings = row.outcome.as_ref().map(|s| s.warnings(lang == Lang::En));
            for note in pinned.into_iter().chain(warnings.unwrap_or_default()) {
                list = list.push(
                    text(format!("  ! {note}"))
                        .size(theme::SMALL)
                        .color(theme::WARN),
                );
            }
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
        card(day_warnings(rows, day, lang))
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
                method_key_name(&group.key, lang).unwrap_or(&group.label),
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
                    .on_submit(Message::WriteCsv)
                    .padding(theme::PAD),
                keyed(
                    T::WriteCsv.get(lang),
                    "Enter",
                    self.day.is_some().then_some(Message::WriteCsv)
                )
                .style(button::secondary),
            ]
            .spacing(8),
        )
    }
}

fn load(store: &Store, date: Option<Date>) -> Result<Box<CentreDay>, Refusal> {
    let now = crate::clock::now()?;
    let date = date.unwrap_or_else(|| store.business_day(now));
    Ok(Box::new(centre_day(store, date)?))
}

/// A file's name without its folder, as the results and the tanda terima
/// show it.
fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_string()
}

/// Under the day's table, what the manager must look into: stalls that sent
/// nothing, books restored, ids two stalls both sent.
fn day_warnings<'a>(
    mut rows: Column<'a, Message>,
    day: &CentreDay,
    lang: Lang,
) -> Column<'a, Message> {
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
    for (code, note) in &day.restores {
        rows = rows.push(
            text(format!("{code} — {}", note.sentence(lang == Lang::En)))
                .size(theme::TEXT)
                .color(theme::WARN),
        );
    }
    for shared in &day.shared_ids {
        rows = rows.push(
            text(format!(
                "{}: {} ({}) — {} {}, {}",
                T::SharedId.get(lang),
                shared.id,
                shared.kind,
                shared.first_stall,
                T::SentFirst.get(lang),
                shared.then_stall,
            ))
            .size(theme::TEXT)
            .color(theme::BAD),
        );
    }
    rows
}
