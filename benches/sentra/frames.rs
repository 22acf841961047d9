//! The window as the vendor sees it, drawn headless: the real app's
//! `handle` (its update), the jobs it asks for run to completion on the real
//! book (as `tests/common/window.rs` runs them), then the view built, laid
//! out and drawn by tiny-skia at 1366×768 into pixels, every frame.
//!
//! Like iced's own runtime (and unlike a fresh `Simulator` per frame), one
//! renderer and one widget-tree cache live across frames: a new renderer
//! each keystroke would time start-up costs the window pays once.
//! `Simulator::snapshot` draws at scale 2 (2732×1536 pixels); a stall PC's
//! 1366×768 screen is drawn at scale 1 here, the same steps otherwise.

use std::time::{Duration, Instant};

use iced::{Font, Pixels, Point, Size, Theme};
use iced_test::core::renderer::{Headless, Style};
use iced_test::core::theme::Base;
use iced_test::core::{Event, clipboard, keyboard, mouse, window};
use iced_test::renderer::Renderer;
use iced_test::runtime::user_interface::{Cache, UserInterface};
use sentra::store::Store;
use sentra::ui::{Action, App, KeyPress, Message};

pub const WIDTH: u32 = 1366;
pub const HEIGHT: u32 = 768;

/// Loads the window's fonts into the text system once per process, as the
/// program does when it starts.
pub fn load_fonts() {
    let mut fonts = iced_test::renderer::graphics::text::font_system()
        .write()
        .expect("font system");
    for font in sentra::ui::FONTS {
        fonts.load_font(std::borrow::Cow::Borrowed(font));
    }
}

/// A software renderer as the window makes one (`ICED_BACKEND=tiny-skia`).
pub fn renderer() -> Renderer {
    iced_test::futures::futures::executor::block_on(<Renderer as Headless>::new(
        Font::with_name("Noto Sans"),
        Pixels(16.0),
        Some("tiny-skia"),
    ))
    .expect("tiny-skia renderer")
}

pub struct Screen {
    pub app: App,
    renderer: Renderer,
    cache: Cache,
    theme: Theme,
    /// A checksum of the last frame's pixels, so nothing is optimised away
    /// and a bench can tell two frames apart.
    pub last_frame: u64,
}

impl Screen {
    /// The window on `store`, its first screen's data loaded, nothing drawn.
    pub fn open(store: Store) -> Screen {
        let (app, effect) = App::with_store(store).expect("the book opens");
        let mut screen = Screen {
            app,
            renderer: renderer(),
            cache: Cache::default(),
            theme: sentra::ui::theme(),
            last_frame: 0,
        };
        screen.settle(effect);
        screen
    }

    /// The message through the real update, and every job it starts run to
    /// completion (their answers fed back in, as the worker's would be).
    pub fn send(&mut self, message: Message) {
        let effect = self.app.handle(message);
        self.settle(effect);
    }

    fn settle(&mut self, effect: Action<Message>) {
        // Focus moves only change which field draws a caret.
        let (jobs, _focus) = effect.into_parts();
        for job in jobs {
            for answer in self.app.book().expect("book open").run_now(job) {
                self.send(answer);
            }
        }
    }

    pub fn key(&mut self, key: keyboard::key::Named) {
        self.send(Message::KeyPressed(KeyPress::plain(key)));
    }

    /// One frame: the view built and laid out, `events` delivered to it (a
    /// redraw at least), drawn, and rasterised. Returns the messages the
    /// events produced.
    pub fn draw_with(&mut self, events: &[Event], cursor: mouse::Cursor) -> Vec<Message> {
        let Screen {
            app,
            renderer,
            cache,
            theme,
            ..
        } = self;
        let size = Size::new(WIDTH as f32, HEIGHT as f32);
        let mut ui = UserInterface::build(app.view(), size, std::mem::take(cache), renderer);
        let mut messages = Vec::new();
        let mut all = events.to_vec();
        all.push(Event::Window(window::Event::RedrawRequested(
            iced_test::core::time::Instant::now(),
        )));
        let _ = ui.update(&all, cursor, renderer, &mut clipboard::Null, &mut messages);
        let base = theme.base();
        ui.draw(
            renderer,
            theme,
            &Style {
                text_color: base.text_color,
            },
            cursor,
        );
        *cache = ui.into_cache();
        let pixels = renderer.screenshot(Size::new(WIDTH, HEIGHT), 1.0, base.background_color);
        self.last_frame = checksum(&pixels);
        messages
    }

    pub fn draw(&mut self) {
        self.draw_with(&[], mouse::Cursor::Unavailable);
    }

    /// From a message to its frame drawn.
    pub fn frame_after(&mut self, message: Message) -> Duration {
        let start = Instant::now();
        self.send(message);
        self.draw();
        start.elapsed()
    }

    /// From several messages that arrive together (a scanner's burst) to the
    /// one frame drawn after them.
    pub fn frame_after_all(&mut self, messages: Vec<Message>) -> Duration {
        let start = Instant::now();
        for message in messages {
            self.send(message);
        }
        self.draw();
        start.elapsed()
    }

    /// The mouse wheel turned `lines` over the point `at`: the frame it
    /// draws, and whatever its messages ask for.
    pub fn wheel(&mut self, at: Point, lines: f32) -> Duration {
        let start = Instant::now();
        let wheel = Event::Mouse(mouse::Event::WheelScrolled {
            delta: mouse::ScrollDelta::Lines { x: 0.0, y: lines },
        });
        let messages = self.draw_with(&[wheel], mouse::Cursor::Available(at));
        for message in messages {
            self.send(message);
        }
        start.elapsed()
    }
}

/// FNV-1a over a sample of the frame's pixels.
fn checksum(pixels: &[u8]) -> u64 {
    pixels
        .iter()
        .step_by(61)
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
        })
}
