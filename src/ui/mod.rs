//! The window. The root decides which screen shows; each screen owns its
//! `Message`, `update` and `view`, and asks for work on the book through an
//! [`Effect`], which the root runs on a worker thread.

mod chart;
mod documents;
pub mod effect;
pub mod first_run;
pub mod i18n;
pub mod kantor;
pub mod kasir;
pub mod laporan;
pub mod pengaturan;
pub mod stok;
mod theme;
mod widgets;

use std::path::PathBuf;

use iced::keyboard::{self, Key};
use iced::widget::{button, center, column, container, row, space, text};
use iced::{Element, Event, Fill, Font, Subscription, Task};

pub use effect::{Book, Effect, Job};
use first_run::FirstRun;
use i18n::{Lang, T};
use kantor::Kantor;
use kasir::Kasir;
use laporan::Laporan;
use pengaturan::Pengaturan;
use stok::Stok;

use crate::store::{Identity, Kind, Settings, Store};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Opens the window on the book in `data_dir`.
pub fn run(data_dir: PathBuf) -> iced::Result {
    iced::application(move || App::boot(data_dir.clone()), App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .theme(|_: &App| theme::theme())
        .font(REGULAR)
        .font(BOLD)
        .default_font(Font::with_name("Noto Sans"))
        .window_size((1366.0, 768.0))
        .run()
}

/// The tabs of a stall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Kasir,
    Stok,
    Laporan,
    Pengaturan,
}

/// A stall's screens, once its book is open and set up.
pub struct Shell {
    pub tab: Tab,
    pub identity: Identity,
    pub kasir: Kasir,
    pub stok: Stok,
    pub laporan: Laporan,
    pub pengaturan: Pengaturan,
}

/// Where the program is.
pub enum Phase {
    Opening,
    Failed(String),
    FirstRun(FirstRun),
    Stall(Box<Shell>),
    Office(Box<Kantor>),
}

/// What opening the book found.
#[derive(Debug, Clone)]
pub struct Opened {
    pub book: Book,
    pub identity: Option<Identity>,
    pub settings: Settings,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The book is open (or could not be).
    Opened(Result<Box<Opened>, String>),
    /// The identity and settings were read again (after set-up).
    Reloaded(Result<(Option<Identity>, Settings), String>),
    FirstRun(first_run::Message),
    Kasir(kasir::Message),
    Stok(stok::Message),
    Laporan(laporan::Message),
    Pengaturan(pengaturan::Message),
    Kantor(kantor::Message),
    /// Show another tab.
    SwitchTab(Tab),
    /// A key went down, wherever the focus was.
    KeyPressed(Key),
    /// A worker thread died before answering.
    JobFailed(String),
}

pub struct App {
    book: Option<Book>,
    pub lang: Lang,
    pub phase: Phase,
}

impl App {
    fn boot(data_dir: PathBuf) -> (App, Task<Message>) {
        let app = App {
            book: None,
            lang: Lang::Id,
            phase: Phase::Opening,
        };
        let (sender, receiver) = iced::futures::channel::oneshot::channel();
        std::thread::spawn(move || {
            let opened = Store::open(&data_dir).and_then(|store| {
                let identity = store.identity()?;
                let settings = store.settings()?;
                Ok(Box::new(Opened {
                    book: Book::new(store),
                    identity,
                    settings,
                }))
            });
            let _ = sender.send(opened.map_err(|e| e.to_string()));
        });
        let task = Task::perform(receiver, |result| {
            Message::Opened(result.unwrap_or_else(|_| Err("buku tidak bisa dibuka".into())))
        });
        (app, task)
    }

    /// An app on a book that is already open (tests; a restore).
    pub fn with_store(store: Store) -> Result<App, String> {
        let identity = store.identity().map_err(|e| e.to_string())?;
        let settings = store.settings().map_err(|e| e.to_string())?;
        let mut app = App {
            book: None,
            lang: Lang::Id,
            phase: Phase::Opening,
        };
        let _ = app.handle(Message::Opened(Ok(Box::new(Opened {
            book: Book::new(store),
            identity,
            settings,
        }))));
        Ok(app)
    }

    /// The open book, for running jobs.
    pub fn book(&self) -> Option<&Book> {
        self.book.as_ref()
    }

    fn title(&self) -> String {
        match &self.phase {
            Phase::Stall(shell) => format!(
                "Sentra — {} ({})",
                shell.identity.name,
                shell.identity.stall_code()
            ),
            Phase::Office(kantor) => format!("Sentra — {}", kantor.identity.name),
            _ => "Sentra".into(),
        }
    }

    fn subscription(&self) -> Subscription<Message> {
        iced::event::listen_with(|event, _status, _window| match event {
            Event::Keyboard(keyboard::Event::KeyPressed { key, .. }) => {
                Some(Message::KeyPressed(key))
            }
            _ => None,
        })
    }

    /// iced's update: the real work is in [`App::handle`]; this runs its effects.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let effect = self.handle(message);
        let (jobs, focus) = effect.into_parts();
        let mut tasks: Vec<Task<Message>> = Vec::new();
        if let Some(book) = &self.book {
            tasks.extend(
                jobs.into_iter()
                    .map(|job| book.run(job, Message::JobFailed)),
            );
        }
        tasks.extend(focus.into_iter().map(iced::widget::operation::focus));
        Task::batch(tasks)
    }

    /// Changes the state for `message` and says what else must happen.
    pub fn handle(&mut self, message: Message) -> Effect<Message> {
        match message {
            Message::Opened(Ok(opened)) => {
                self.book = Some(opened.book);
                self.enter(opened.identity, opened.settings)
            }
            Message::Opened(Err(error))
            | Message::Reloaded(Err(error))
            | Message::JobFailed(error) => {
                if matches!(self.phase, Phase::Opening) {
                    self.phase = Phase::Failed(error);
                } else {
                    eprintln!("galat: {error}");
                }
                Effect::None
            }
            Message::Reloaded(Ok((identity, settings))) => self.enter(identity, settings),
            Message::FirstRun(message) => {
                let Phase::FirstRun(first_run) = &mut self.phase else {
                    return Effect::None;
                };
                let finished = matches!(message, first_run::Message::Finished(Ok(())));
                let effect = first_run.update(message).map(Message::FirstRun);
                if finished {
                    // Read back what set-up wrote, then show the screens.
                    return Effect::job(|store| {
                        Message::Reloaded(
                            store
                                .identity()
                                .and_then(|identity| Ok((identity, store.settings()?)))
                                .map_err(|e| e.to_string()),
                        )
                    });
                }
                effect
            }
            Message::SwitchTab(tab) => self.switch(tab),
            Message::KeyPressed(key) => self.key_pressed(key),
            Message::Kasir(message) => {
                self.with_shell(|shell| shell.kasir.update(message).map(Message::Kasir))
            }
            Message::Stok(message) => {
                self.with_shell(|shell| shell.stok.update(message).map(Message::Stok))
            }
            Message::Laporan(message) => {
                self.with_shell(|shell| shell.laporan.update(message).map(Message::Laporan))
            }
            Message::Kantor(message) => match &mut self.phase {
                Phase::Office(kantor) => kantor.update(message).map(Message::Kantor),
                _ => Effect::None,
            },
            Message::Pengaturan(message) => {
                let effect = self
                    .with_shell(|shell| shell.pengaturan.update(message).map(Message::Pengaturan));
                if let Phase::Stall(shell) = &mut self.phase
                    && let Some(settings) = shell.pengaturan.take_applied()
                {
                    self.lang = Lang::from_key(&settings.language);
                    shell.kasir.apply_settings(&settings);
                }
                effect
            }
        }
    }

    fn enter(&mut self, identity: Option<Identity>, settings: Settings) -> Effect<Message> {
        self.lang = Lang::from_key(&settings.language);
        match identity {
            None => {
                self.phase = Phase::FirstRun(FirstRun::default());
                Effect::None
            }
            Some(identity) if identity.kind == Kind::Office => {
                let mut kantor = Kantor::new(identity);
                let effect = kantor.refresh().map(Message::Kantor);
                self.phase = Phase::Office(Box::new(kantor));
                effect
            }
            Some(identity) => {
                self.phase = Phase::Stall(Box::new(Shell {
                    tab: Tab::Kasir,
                    kasir: Kasir::new(&settings),
                    stok: Stok::default(),
                    laporan: Laporan::default(),
                    pengaturan: Pengaturan::new(&identity, &settings),
                    identity,
                }));
                Effect::Focus(kasir::SEARCH)
            }
        }
    }

    fn with_shell(&mut self, work: impl FnOnce(&mut Shell) -> Effect<Message>) -> Effect<Message> {
        match &mut self.phase {
            Phase::Stall(shell) => work(shell),
            _ => Effect::None,
        }
    }

    fn switch(&mut self, tab: Tab) -> Effect<Message> {
        self.with_shell(|shell| {
            shell.tab = tab;
            // A screen shows fresh figures each time it is opened.
            match tab {
                Tab::Kasir => Effect::Focus(kasir::SEARCH),
                Tab::Stok => shell.stok.refresh().map(Message::Stok),
                Tab::Laporan => shell.laporan.refresh().map(Message::Laporan),
                Tab::Pengaturan => Effect::None,
            }
        })
    }

    fn key_pressed(&mut self, key: Key) -> Effect<Message> {
        let message = match &self.phase {
            Phase::Stall(shell) if shell.tab == Tab::Kasir => {
                shell.kasir.hotkey(&key).map(Message::Kasir)
            }
            Phase::Stall(shell) if shell.tab == Tab::Stok => {
                shell.stok.hotkey(&key).map(Message::Stok)
            }
            _ => None,
        };
        match message {
            Some(message) => self.handle(message),
            None => Effect::None,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let lang = self.lang;
        match &self.phase {
            Phase::Opening => center(text(T::Opening.get(lang)).size(theme::HEADING)).into(),
            Phase::Failed(error) => center(text(error).size(theme::HEADING).color(theme::BAD))
                .padding(40)
                .into(),
            Phase::FirstRun(first_run) => first_run.view(lang).map(Message::FirstRun),
            Phase::Office(kantor) => kantor.view(lang).map(Message::Kantor),
            Phase::Stall(shell) => {
                let body = match shell.tab {
                    Tab::Kasir => shell.kasir.view(lang).map(Message::Kasir),
                    Tab::Stok => shell.stok.view(lang).map(Message::Stok),
                    Tab::Laporan => shell.laporan.view(lang).map(Message::Laporan),
                    Tab::Pengaturan => shell.pengaturan.view(lang).map(Message::Pengaturan),
                };
                column![top_bar(shell, lang), body].into()
            }
        }
    }
}

fn top_bar(shell: &Shell, lang: Lang) -> Element<'_, Message> {
    let tab = |tab: Tab, label: T| {
        button(text(label.get(lang)).size(theme::TEXT))
            .padding([14, 24])
            .style(theme::tab(shell.tab == tab))
            .on_press(Message::SwitchTab(tab))
    };
    let title = text(format!(
        "{} · {}",
        shell.identity.name,
        shell.identity.stall_code()
    ))
    .size(theme::TEXT)
    .color(iced::Color::WHITE);
    container(
        row![
            tab(Tab::Kasir, T::Kasir),
            tab(Tab::Stok, T::Stok),
            tab(Tab::Laporan, T::Laporan),
            tab(Tab::Pengaturan, T::Pengaturan),
            space().width(Fill),
            title,
        ]
        .align_y(iced::Alignment::Center)
        .padding([0, 16]),
    )
    .style(theme::bar)
    .width(Fill)
    .into()
}
