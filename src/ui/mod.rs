//! The window. The root decides which screen shows; each screen owns its
//! `Message`, `update` and `view`, and asks for work on the book through an
//! [`Action`], which the root runs on the book's worker thread.
//!
//! Keys that work everywhere: Tab and Shift+Tab move through a form's fields,
//! Ctrl+Tab and Ctrl+Shift+Tab move between the screens.

pub mod action;
mod chart;
mod documents;
pub mod first_run;
pub mod i18n;
pub mod kantor;
pub mod kasir;
mod keys;
pub mod laporan;
pub mod layar;
pub mod pelanggan;
pub mod pengaturan;
pub mod penitip;
pub mod refusal;
pub mod stok;
mod theme;
mod widgets;

use std::path::PathBuf;

use iced::keyboard::{Key, Modifiers, key::Named};
use iced::widget::{button, center, column, container, row, space, text};
use iced::{Element, Fill, Font, Size, Task};

pub use action::{Action, Book, Focus, Intent, Job, Scroll};
use first_run::FirstRun;
use i18n::{Lang, T};
use kantor::Kantor;
use kasir::Kasir;
use laporan::Laporan;
use pengaturan::Pengaturan;
pub use refusal::Refusal;
use stok::Stok;

use crate::store::{Identity, Kind, SettingKey, Settings, Store};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// The fonts the window loads (its default is Noto Sans), and below its
/// theme: the benchmark draws the same frames headless with them.
pub const FONTS: [&[u8]; 2] = [REGULAR, BOLD];
pub use theme::theme;

/// The size the window opens at: it fits the smallest stall screen
/// (1024×768, less a taskbar); once the screen's size is known the window
/// grows to 1366×768 if the screen has the room, or fills a smaller one.
const OPENING_SIZE: Size = Size::new(1024.0, 700.0);
const PREFERRED_SIZE: Size = Size::new(1366.0, 768.0);

/// Opens the window on the book in `data_dir`, and with `customer_display`
/// the layar pelanggan beside it.
pub fn run(data_dir: PathBuf, customer_display: bool) -> iced::Result {
    iced::daemon(
        move || App::boot(data_dir.clone(), customer_display),
        App::update,
        App::view_in,
    )
    .title(App::title_in)
    .theme(|_: &App, _| theme::theme())
    .font(REGULAR)
    .font(BOLD)
    .default_font(Font::with_name("Noto Sans"))
    // The close button or Alt+F4: on the till, the cart is kept, then the
    // program ends; on the layar pelanggan, only that window closes. (A
    // window destroyed from outside without asking, which no desktop does,
    // reaches no program through iced.)
    .subscription(|_: &App| {
        iced::Subscription::batch([
            iced::window::close_requests().map(Message::CloseRequested),
            window_moves(),
        ])
    })
    .run()
}

/// The till's window.
fn main_window() -> iced::window::Settings {
    iced::window::Settings {
        size: OPENING_SIZE,
        icon: window_icon(),
        // Closing waits for the book: a cart not paid is held first.
        exit_on_close_request: false,
        ..Default::default()
    }
}

/// The layar pelanggan's window, where the vendor last put it (a second
/// monitor: iced cannot list monitors, so the vendor drags it there once).
fn customer_window(at: Option<(i32, i32)>) -> iced::window::Settings {
    iced::window::Settings {
        size: Size::new(1024.0, 600.0),
        position: at.map_or(iced::window::Position::Default, |(x, y)| {
            iced::window::Position::Specific(iced::Point::new(x as f32, y as f32))
        }),
        icon: window_icon(),
        exit_on_close_request: false,
        ..Default::default()
    }
}

/// Where each window is: the layar pelanggan's place is kept.
fn window_moves() -> iced::Subscription<Message> {
    iced::window::events().filter_map(|(id, event)| match event {
        iced::window::Event::Moved(at) => Some(Message::WindowMoved(id, at)),
        _ => None,
    })
}

/// The stall's icon in the title bar and task bar: 64×64 RGBA made from
/// assets/icon/sentra.svg by packaging/generate-icons (raw pixels, so the
/// program needs no PNG decoder).
fn window_icon() -> Option<iced::window::Icon> {
    const PIXELS: &[u8] = include_bytes!("../../assets/icon/sentra-64.rgba");
    iced::window::icon::from_rgba(PIXELS.to_vec(), 64, 64).ok()
}

/// The tabs of a stall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Kasir,
    Stok,
    Pelanggan,
    Penitip,
    Laporan,
    Pengaturan,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Kasir,
        Tab::Stok,
        Tab::Pelanggan,
        Tab::Penitip,
        Tab::Laporan,
        Tab::Pengaturan,
    ];

    fn step(self, by: i32) -> Tab {
        let index = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as i32;
        Tab::ALL[(index + by).rem_euclid(Tab::ALL.len() as i32) as usize]
    }
}

/// A stall's screens, once its book is open and set up.
pub struct Shell {
    pub tab: Tab,
    pub identity: Identity,
    pub kasir: Kasir,
    pub stok: Stok,
    pub pelanggan: pelanggan::Pelanggan,
    pub penitip: penitip::Penitip,
    pub laporan: Laporan,
    pub pengaturan: Pengaturan,
}

impl Shell {
    /// A message for one of the stall's screens, to that screen.
    fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::Kasir(message) => self
                .kasir
                .update(message)
                .map(Message::Kasir)
                .or_failed(|why| Message::Kasir(kasir::Message::JobFailed(why))),
            Message::Stok(message) => self
                .stok
                .update(message)
                .map(Message::Stok)
                .or_failed(|why| Message::Stok(stok::Message::JobFailed(why))),
            Message::Pelanggan(message) => self
                .pelanggan
                .update(message)
                .map(Message::Pelanggan)
                .or_failed(|why| Message::Pelanggan(pelanggan::Message::JobFailed(why))),
            Message::Penitip(message) => self
                .penitip
                .update(message)
                .map(Message::Penitip)
                .or_failed(|why| Message::Penitip(penitip::Message::JobFailed(why))),
            Message::Laporan(message) => self
                .laporan
                .update(message)
                .map(Message::Laporan)
                .or_failed(|why| Message::Laporan(laporan::Message::JobFailed(why))),
            Message::Pengaturan(message) => self
                .pengaturan
                .update(message)
                .map(Message::Pengaturan)
                .or_failed(|why| Message::Pengaturan(pengaturan::Message::JobFailed(why))),
            _ => Action::None,
        }
    }
}

impl Shell {
    /// The screen shown is left: a message stays with the screen it
    /// speaks of, never follows the person to the next.
    fn leave(&mut self) {
        match self.tab {
            Tab::Kasir => self.kasir.leave(),
            Tab::Stok => self.stok.leave(),
            Tab::Pelanggan => self.pelanggan.leave(),
            Tab::Penitip => self.penitip.leave(),
            Tab::Laporan => self.laporan.leave(),
            Tab::Pengaturan => self.pengaturan.leave(),
        }
    }
}

/// Where the program is.
pub enum Phase {
    Opening,
    Failed(Refusal),
    FirstRun(Box<FirstRun>),
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

/// A key as the keyboard delivered it, and whether a field used it already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPress {
    pub key: Key,
    pub modifiers: Modifiers,
    /// A text field took it (Home in a field moves its cursor).
    pub captured: bool,
}

impl KeyPress {
    /// A key with no modifiers, not taken by a field.
    pub fn plain(key: Named) -> KeyPress {
        KeyPress {
            key: Key::Named(key),
            modifiers: Modifiers::default(),
            captured: false,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The book is open (or could not be).
    Opened(Result<Box<Opened>, Refusal>),
    /// The identity and settings were read again (after set-up or a restore).
    Reloaded(Result<Box<(Option<Identity>, Settings)>, Refusal>),
    FirstRun(first_run::Message),
    Kasir(kasir::Message),
    Stok(stok::Message),
    Laporan(laporan::Message),
    Pelanggan(pelanggan::Message),
    Penitip(penitip::Message),
    Pengaturan(pengaturan::Message),
    Kantor(kantor::Message),
    /// Show another tab.
    SwitchTab(Tab),
    /// A key went down, wherever the focus was.
    KeyPressed(KeyPress),
    /// The screen the window opened on is this big.
    Fit(iced::window::Id, Option<Size>),
    /// A job with no screen to answer to died.
    JobFailed(Refusal),
    /// A window's close button (or Alt+F4): on the till, Kasir's cart is
    /// held first; the layar pelanggan just closes.
    CloseRequested(iced::window::Id),
    /// A window is open: the till keeps the keyboard.
    WindowOpened(iced::window::Id),
    /// A window was moved to this place.
    WindowMoved(iced::window::Id, iced::Point),
    /// A chore with nothing to show is done.
    Settled,
    /// The book's work is done: the program ends.
    Quit,
}

pub struct App {
    book: Option<Book>,
    /// The program is ending: a second close keeps nothing twice.
    closing: bool,
    pub lang: Lang,
    pub phase: Phase,
    pub windows: Windows,
}

/// The program's windows: the till's, and the layar pelanggan's when it is
/// wanted (`--customer-display`, or the setting) and not closed by hand.
#[derive(Debug, Default)]
pub struct Windows {
    pub main: Option<iced::window::Id>,
    pub customer: Option<iced::window::Id>,
    /// `--customer-display` was given.
    pub asked: bool,
    /// The vendor closed the layar pelanggan: it stays closed until the
    /// setting is changed.
    pub dismissed: bool,
    /// Where the vendor moved the layar pelanggan, to keep when it closes.
    pub customer_moved: Option<(i32, i32)>,
    /// The `customer_display` setting as last seen, to tell a change.
    pub setting_seen: bool,
}

/// Keeps where the layar pelanggan was (a closing window's last chore).
fn keep_place(store: &mut Store, at: Option<(i32, i32)>) {
    if let Some((x, y)) = at {
        let _ = store.set_setting(SettingKey::CustomerDisplayAt.name(), &format!("{x},{y}"));
    }
}

impl App {
    fn boot(data_dir: PathBuf, customer_display: bool) -> (App, Task<Message>) {
        let (main, opened) = iced::window::open(main_window());
        let app = App {
            book: None,
            closing: false,
            lang: Lang::Id,
            phase: Phase::Opening,
            windows: Windows {
                main: Some(main),
                asked: customer_display,
                ..Windows::default()
            },
        };
        let (sender, receiver) = iced::futures::channel::oneshot::channel();
        std::thread::spawn(move || {
            let opened = Store::open(&data_dir)
                .and_then(|store| {
                    let identity = store.identity()?;
                    let settings = store.settings()?;
                    Ok(Box::new(Opened {
                        book: Book::new(store),
                        identity,
                        settings,
                    }))
                })
                .map_err(Refusal::from);
            let _ = sender.send(opened);
        });
        let open = Task::perform(receiver, |result| {
            Message::Opened(
                result.unwrap_or_else(|_| Err(refusal::WindowError::JobDied(String::new()).into())),
            )
        });
        let fit = opened
            .then(|id| iced::window::monitor_size(id).map(move |size| Message::Fit(id, size)));
        (app, Task::batch([open, fit]))
    }

    /// An app on a book that is already open (tests), and what opening it
    /// asks for (the first screen's data).
    pub fn with_store(store: Store) -> Result<(App, Action<Message>), Refusal> {
        let identity = store.identity()?;
        let settings = store.settings()?;
        let mut app = App {
            book: None,
            closing: false,
            lang: Lang::Id,
            phase: Phase::Opening,
            windows: Windows::default(),
        };
        let action = app.handle(Message::Opened(Ok(Box::new(Opened {
            book: Book::new(store),
            identity,
            settings,
        }))));
        Ok((app, action))
    }

    /// The open book, for running jobs.
    pub fn book(&self) -> Option<&Book> {
        self.book.as_ref()
    }

    fn title_in(&self, window: iced::window::Id) -> String {
        if self.windows.customer == Some(window) {
            return T::CustomerWindow.get(self.lang).to_string();
        }
        self.title()
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

    /// iced's update: the real work is in [`App::handle`]; this runs its effects.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::CloseRequested(id) if self.windows.customer == Some(id) => {
                self.windows.customer = None;
                self.windows.dismissed = true;
                let at = self.windows.customer_moved.take();
                if let (Phase::Stall(shell), Some(at)) = (&mut self.phase, at) {
                    shell.pengaturan.settings.customer_display_at = Some(at);
                }
                let kept = self.tasks_for(Action::job(move |store| {
                    keep_place(store, at);
                    Message::Settled
                }));
                return Task::batch([iced::window::close(id), kept]);
            }
            Message::WindowMoved(id, at) => {
                if self.windows.customer == Some(id) {
                    self.windows.customer_moved = Some((at.x as i32, at.y as i32));
                }
                return Task::none();
            }
            // With no book open (first run) nothing waits to be kept.
            Message::Quit => return iced::exit(),
            Message::CloseRequested(_) if self.book.is_none() => return iced::exit(),
            Message::Fit(id, size) => return fit(id, size),
            // The layar pelanggan opened: the keyboard stays with the till.
            Message::WindowOpened(_) => {
                return self
                    .windows
                    .main
                    .map_or_else(Task::none, iced::window::gain_focus);
            }
            _ => {}
        }
        let tasks = self.run_effect(message);
        Task::batch([tasks, self.follow_windows()])
    }

    /// Opens or closes the layar pelanggan as the till wants it.
    fn follow_windows(&mut self) -> Task<Message> {
        let wanted = match &self.phase {
            Phase::Stall(shell) => {
                !self.windows.dismissed
                    && (self.windows.asked || shell.pengaturan.settings.customer_display)
            }
            _ => false,
        };
        match (wanted, self.windows.customer, self.windows.main) {
            (true, None, Some(_)) => {
                let at = match &self.phase {
                    Phase::Stall(shell) => shell.pengaturan.settings.customer_display_at,
                    _ => None,
                };
                let (id, opened) = iced::window::open(customer_window(at));
                self.windows.customer = Some(id);
                opened.map(Message::WindowOpened)
            }
            (false, Some(id), _) => {
                self.windows.customer = None;
                iced::window::close(id)
            }
            _ => Task::none(),
        }
    }

    /// Runs [`App::handle`] and turns its effects into tasks.
    fn run_effect(&mut self, message: Message) -> Task<Message> {
        let action = self.handle(message);
        self.tasks_for(action)
    }

    /// The tasks that carry out `action`: jobs on the book, focus moves.
    fn tasks_for(&self, action: Action<Message>) -> Task<Message> {
        let (jobs, focus) = action.into_parts();
        let mut tasks: Vec<Task<Message>> = Vec::new();
        if let Some(book) = &self.book {
            tasks.extend(
                jobs.into_iter()
                    .map(|job| book.run(job.or_failed(Message::JobFailed))),
            );
        }
        tasks.extend(focus.into_iter().map(|focus| match focus {
            Focus::On(id) => iced::widget::operation::focus(id),
            Focus::Next => iced::widget::operation::focus_next(),
            Focus::Previous => iced::widget::operation::focus_previous(),
            Focus::Reveal { list, row, of } => iced::widget::operation::snap_to(
                list,
                iced::widget::operation::RelativeOffset {
                    x: 0.0,
                    y: reveal_share(row, of),
                },
            ),
            Focus::Scroll { view, by } => scroll(view, by),
        }));
        Task::batch(tasks)
    }

    /// Changes the state for `message` and says what else must happen.
    pub fn handle(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::Opened(Ok(opened)) => {
                self.book = Some(opened.book);
                self.enter(opened.identity, opened.settings, None)
            }
            Message::Opened(Err(error))
            | Message::Reloaded(Err(error))
            | Message::JobFailed(error) => {
                if matches!(self.phase, Phase::Opening) {
                    self.phase = Phase::Failed(error);
                }
                Action::None
            }
            Message::Reloaded(Ok(loaded)) => self.reloaded(*loaded),
            Message::Fit(..)
            | Message::Quit
            | Message::WindowOpened(_)
            | Message::WindowMoved(..)
            | Message::Settled => Action::None,
            Message::CloseRequested(_) => self.close(),
            Message::SwitchTab(tab) => self.switch(tab),
            Message::KeyPressed(press) => self.key_pressed(press),
            screen => {
                let action = self.send_to_screen(screen);
                self.obey(action)
            }
        }
    }

    /// The book read again (after set-up or a restore): the screens it
    /// decides, on the tab the person was on, with what they were told.
    fn reloaded(&mut self, (identity, settings): (Option<Identity>, Settings)) -> Action<Message> {
        let Some(identity) = identity else {
            // Nothing was set up: the first run stays as typed, with its
            // refusal.
            if !matches!(self.phase, Phase::FirstRun(_)) {
                return self.enter(None, settings, None);
            }
            return Action::None;
        };
        if let Phase::FirstRun(first_run) = &mut self.phase {
            let refused = first_run.error.take();
            let action = self.enter(Some(identity), settings, None);
            self.tell_refusal(refused);
            return action;
        }
        let (tab, notice) = match &mut self.phase {
            Phase::Stall(shell) => (Some(shell.tab), shell.pengaturan.notice.take()),
            _ => (None, None),
        };
        let action = self.enter(Some(identity), settings, tab);
        if let Phase::Stall(shell) = &mut self.phase {
            shell.pengaturan.notice = notice;
        }
        action
    }

    /// Behind every job already asked for (a sale being written finishes
    /// first), the cart not paid is held, then the program ends: it is
    /// under F4 when the stall opens again.
    fn close(&mut self) -> Action<Message> {
        if self.closing {
            return Action::None;
        }
        self.closing = true;
        let cart = match &self.phase {
            Phase::Stall(shell) => shell.kasir.cart_to_keep(),
            _ => None,
        };
        let at = self.windows.customer_moved.take();
        Action::job(move |store| {
            keep_place(store, at);
            if let Some((items, discount)) = cart {
                let _ = action::at_now(|now| store.hold_sale("", &items, discount, now));
            }
            Message::Quit
        })
    }

    /// A screen's message to its screen, when that screen is up; a job that
    /// dies answers the screen that asked.
    fn send_to_screen(&mut self, message: Message) -> Action<Message> {
        match (&mut self.phase, message) {
            (Phase::FirstRun(first_run), Message::FirstRun(message)) => first_run
                .update(message)
                .map(Message::FirstRun)
                .or_failed(|why| Message::FirstRun(first_run::Message::Finished(Err(why)))),
            (Phase::Office(kantor), Message::Kantor(message)) => kantor
                .update(message)
                .map(Message::Kantor)
                .or_failed(|why| Message::Kantor(kantor::Message::JobFailed(why))),
            (Phase::Stall(shell), message) => shell.update(message),
            _ => Action::None,
        }
    }

    /// Does what the screens asked of the root, and returns the rest of
    /// their action to run.
    fn obey(&mut self, action: Action<Message>) -> Action<Message> {
        let (mut rest, intents) = action.take_intents();
        for intent in intents {
            rest = rest.and(match intent {
                // Read back what set-up wrote, then show the screens; a
                // refusal after the identity was written (the demo's days,
                // or a set-up done already) is told there, never a first
                // run that can only say "already set up".
                Intent::SetUpFinished => reload(),
                // Another book is open now: identity, tax, QRIS, the
                // language and every screen come from it.
                Intent::Restored => reload(),
                Intent::SettingsApplied(settings) => {
                    self.apply_settings(&settings);
                    Action::None
                }
            });
        }
        rest
    }

    /// Saved settings reach the language and the screens that read them.
    fn apply_settings(&mut self, settings: &Settings) {
        self.lang = Lang::from_key(&settings.language);
        let Phase::Stall(shell) = &mut self.phase else {
            return;
        };
        // The vendor changed a setting: from now on the setting decides
        // (over --customer-display too).
        if settings.customer_display != self.windows.setting_seen {
            self.windows.setting_seen = settings.customer_display;
            self.windows.dismissed = false;
            self.windows.asked = false;
        }
        shell.kasir.apply_settings(settings);
        shell.stok.apply_settings(settings);
    }

    fn enter(
        &mut self,
        identity: Option<Identity>,
        settings: Settings,
        tab: Option<Tab>,
    ) -> Action<Message> {
        self.lang = Lang::from_key(&settings.language);
        match identity {
            None => {
                self.phase = Phase::FirstRun(Box::default());
                Action::Focus(first_run::FIRST_FIELD)
            }
            Some(identity) if identity.kind == Kind::Office => {
                let mut kantor = Kantor::new(identity, &settings);
                let action = kantor.refresh().map(Message::Kantor);
                self.phase = Phase::Office(Box::new(kantor));
                action.and(Action::Focus(kantor::IMPORT_PATH))
            }
            Some(identity) => {
                self.windows.setting_seen = settings.customer_display;
                let mut kasir = Kasir::new(&settings);
                let action = kasir.refresh().map(Message::Kasir);
                self.phase = Phase::Stall(Box::new(Shell {
                    tab: Tab::Kasir,
                    kasir,
                    stok: Stok::new(&settings),
                    pelanggan: Default::default(),
                    penitip: Default::default(),
                    laporan: Laporan::default(),
                    pengaturan: Pengaturan::new(&identity, &settings),
                    identity,
                }));
                match tab {
                    Some(tab) if tab != Tab::Kasir => action.and(self.switch(tab)),
                    _ => action,
                }
            }
        }
    }

    /// A refusal of the first run, told on the screen it led to.
    fn tell_refusal(&mut self, refused: Option<i18n::Say>) {
        let Some(said) = refused else {
            return;
        };
        let notice = Some(widgets::Notice::Error(said));
        match &mut self.phase {
            Phase::Stall(shell) => shell.kasir.notice = notice,
            Phase::Office(kantor) => kantor.notice = notice,
            _ => {}
        }
    }

    fn with_shell(&mut self, work: impl FnOnce(&mut Shell) -> Action<Message>) -> Action<Message> {
        match &mut self.phase {
            Phase::Stall(shell) => work(shell),
            _ => Action::None,
        }
    }

    fn switch(&mut self, tab: Tab) -> Action<Message> {
        self.with_shell(|shell| {
            if shell.tab != tab {
                shell.leave();
            }
            shell.tab = tab;
            // A screen shows fresh figures each time it is opened.
            match tab {
                Tab::Kasir => shell.kasir.refresh().map(Message::Kasir),
                Tab::Stok => shell.stok.open().map(Message::Stok),
                Tab::Pelanggan => shell.pelanggan.refresh().map(Message::Pelanggan),
                Tab::Penitip => shell.penitip.refresh().map(Message::Penitip),
                Tab::Laporan => {
                    shell.laporan.unpaid_cart = shell.kasir.cart.len();
                    shell.laporan.refresh().map(Message::Laporan)
                }
                Tab::Pengaturan => Action::Focus(pengaturan::FIRST_FIELD),
            }
        })
    }

    fn key_pressed(&mut self, press: KeyPress) -> Action<Message> {
        if press.key == Key::Named(Named::Tab) {
            return match (press.modifiers.control(), press.modifiers.shift()) {
                (true, shift) => match &self.phase {
                    Phase::Stall(shell) => self.switch(shell.tab.step(if shift { -1 } else { 1 })),
                    _ => Action::None,
                },
                (false, false) => Action::FocusNext,
                (false, true) => Action::FocusPrevious,
            };
        }
        let message = match &self.phase {
            Phase::Stall(shell) => match shell.tab {
                Tab::Kasir => shell.kasir.hotkey(&press.key).map(Message::Kasir),
                Tab::Stok => shell.stok.hotkey(&press).map(Message::Stok),
                Tab::Pelanggan => shell.pelanggan.hotkey(&press).map(Message::Pelanggan),
                Tab::Penitip => shell.penitip.hotkey(&press).map(Message::Penitip),
                Tab::Laporan => shell.laporan.hotkey(&press).map(Message::Laporan),
                Tab::Pengaturan => shell.pengaturan.hotkey(&press).map(Message::Pengaturan),
            },
            Phase::Office(kantor) => kantor.hotkey(&press).map(Message::Kantor),
            Phase::FirstRun(first_run) => first_run.hotkey(&press).map(Message::FirstRun),
            _ => None,
        };
        match message {
            Some(message) => self.handle(message),
            None => Action::None,
        }
    }

    /// The view of one of the program's windows.
    pub fn view_in(&self, window: iced::window::Id) -> Element<'_, Message> {
        if self.windows.customer == Some(window) {
            return self.customer_view();
        }
        self.view()
    }

    /// The layar pelanggan: the till as the buyer sees it.
    pub fn customer_view(&self) -> Element<'_, Message> {
        match &self.phase {
            Phase::Stall(shell) => layar::view(
                &shell.kasir,
                &shell.identity.name,
                &shell.pengaturan.settings.customer_line,
                self.lang,
            ),
            _ => center(text("Sentra").size(theme::HEADING)).into(),
        }
    }

    /// The window: every key pressed in it reaches [`App::handle`] as
    /// [`Message::KeyPressed`], after the focused field has seen it.
    pub fn view(&self) -> Element<'_, Message> {
        keys::Keys::new(self.screen()).into()
    }

    fn screen(&self) -> Element<'_, Message> {
        let lang = self.lang;
        match &self.phase {
            Phase::Opening => center(text(T::Opening.get(lang)).size(theme::HEADING)).into(),
            Phase::Failed(error) => {
                center(text(error.say(lang)).size(theme::HEADING).color(theme::BAD))
                    .padding(40)
                    .into()
            }
            Phase::FirstRun(first_run) => first_run.view(lang).map(Message::FirstRun),
            Phase::Office(kantor) => kantor.view(lang).map(Message::Kantor),
            Phase::Stall(shell) => {
                let body = match shell.tab {
                    Tab::Kasir => shell.kasir.view(lang).map(Message::Kasir),
                    Tab::Stok => shell.stok.view(lang).map(Message::Stok),
                    Tab::Pelanggan => shell.pelanggan.view(lang).map(Message::Pelanggan),
                    Tab::Penitip => shell.penitip.view(lang).map(Message::Penitip),
                    Tab::Laporan => shell.laporan.view(lang).map(Message::Laporan),
                    Tab::Pengaturan => shell.pengaturan.view(lang).map(Message::Pengaturan),
                };
                column![top_bar(shell, lang), body].into()
            }
        }
    }
}

/// Reads the identity and settings again and shows the screens they make.
fn reload() -> Action<Message> {
    Action::job(|store| {
        let loaded = store
            .identity()
            .and_then(|identity| Ok(Box::new((identity, store.settings()?))))
            .map_err(Refusal::from);
        Message::Reloaded(loaded)
    })
}

/// Sizes the window for the screen it opened on: never larger than it.
fn fit(id: iced::window::Id, screen: Option<Size>) -> Task<Message> {
    match screen {
        Some(screen)
            if screen.width < PREFERRED_SIZE.width + 40.0
                || screen.height < PREFERRED_SIZE.height + 60.0 =>
        {
            Task::batch([
                iced::window::resize(id, screen),
                iced::window::maximize(id, true),
            ])
        }
        Some(_) => iced::window::resize(id, PREFERRED_SIZE),
        None => Task::none(),
    }
}

fn top_bar(shell: &Shell, lang: Lang) -> Element<'_, Message> {
    let tab = |tab: Tab, label: T| {
        button(text(label.get(lang)).size(theme::TEXT))
            .padding([14, 22])
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
            tab(Tab::Pelanggan, T::Pelanggan),
            tab(Tab::Penitip, T::Penitip),
            tab(Tab::Laporan, T::Laporan),
            tab(Tab::Pengaturan, T::Pengaturan),
            text("Ctrl+Tab")
                .size(theme::SMALL)
                .color(theme::GOLD)
                .font(widgets::BOLD),
            space().width(Fill),
            title,
        ]
        .spacing(2)
        .align_y(iced::Alignment::Center)
        .padding([0, 16]),
    )
    .style(theme::bar)
    .width(Fill)
    .into()
}

/// Scrolls a view as a key asked.
fn scroll(view: &'static str, by: Scroll) -> Task<Message> {
    use iced::widget::operation::{AbsoluteOffset, RelativeOffset, scroll_by, snap_to};
    match by {
        Scroll::By(y) => scroll_by(view, AbsoluteOffset { x: 0.0, y }),
        Scroll::Top => snap_to(view, RelativeOffset { x: 0.0, y: 0.0 }),
        Scroll::Bottom => snap_to(view, RelativeOffset { x: 0.0, y: 1.0 }),
    }
}

/// Where to scroll a list (0 top, 1 bottom) so its row `row` of `of` shows.
/// The row's share of the list would put it at the very top, where rows of
/// unequal height (a name on two lines, the highlighted row's key hints)
/// leave it just above the edge: it is aimed a row and a half lower at the
/// top of the list, less towards the end, where the last row must show.
fn reveal_share(row: usize, of: usize) -> f32 {
    if of < 2 {
        return 0.0;
    }
    let last = (of - 1) as f32;
    let row = row as f32;
    let lead = 1.5 * (1.0 - row / last);
    ((row - lead) / last).clamp(0.0, 1.0)
}
