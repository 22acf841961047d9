//! The window with a test's hands on it: the real app, its view driven by
//! iced_test's Simulator, its messages fed to the real `update`, its jobs run
//! on the real book, and where the keyboard focus is. Shared by the GUI tests
//! that include it (`#[path = "common/window.rs"] mod window;`).

#![allow(dead_code)]

use iced::keyboard::{Key, key::Named};
use iced::widget::Id;
use iced_test::selector::{Candidate, Target, id, is_focused};
use iced_test::{Simulator, simulator};
use sentra::store::Store;
use sentra::ui::{Action, App, Focus, Message, Scroll};

pub struct Window {
    pub app: App,
    pub focused: Option<Id>,
    /// The views the keys asked to scroll, in order.
    pub scrolled: Vec<(&'static str, Scroll)>,
    /// The lists asked to show a row: (list, row, rows).
    pub revealed: Vec<(&'static str, usize, usize)>,
}

impl Window {
    pub fn on(store: Store) -> Window {
        let (app, effect) = App::with_store(store).unwrap();
        let mut window = Window {
            app,
            focused: None,
            scrolled: Vec::new(),
            revealed: Vec::new(),
        };
        window.settle(effect);
        window
    }

    pub fn send(&mut self, message: Message) {
        let effect = self.app.handle(message);
        self.settle(effect);
    }

    pub fn settle(&mut self, effect: Action<Message>) {
        let (jobs, focus) = effect.into_parts();
        for focus in focus {
            self.move_focus(focus);
        }
        for job in jobs {
            for answer in self.app.book().expect("book open").run_now(job) {
                self.send(answer);
            }
        }
    }

    /// Every focusable field on screen, in the order Tab walks them.
    fn focusables(&self) -> Vec<Option<Id>> {
        self.gather(|candidate| match candidate {
            Candidate::Focusable { id, .. } => Some(id.cloned()),
            _ => None,
        })
    }

    /// What `pick` takes from each widget on screen, in the view's order.
    fn gather<T: Send + std::fmt::Debug + 'static>(
        &self,
        pick: impl Fn(Candidate<'_>) -> Option<T> + Send + 'static,
    ) -> Vec<T> {
        self.gather_in(false, pick)
    }

    /// Every text on the layar pelanggan.
    pub fn customer_texts(&self) -> Vec<String> {
        self.gather_in(true, |candidate| match candidate {
            Candidate::Text { content, .. } => Some(content.to_string()),
            _ => None,
        })
    }

    /// How many widgets on the layar pelanggan could take the keyboard.
    pub fn customer_focusables(&self) -> usize {
        self.gather_in(true, |candidate| match candidate {
            Candidate::Focusable { .. } => Some(()),
            _ => None,
        })
        .len()
    }

    /// [`Window::gather`] on the till's window, or on the layar pelanggan.
    fn gather_in<T: Send + std::fmt::Debug + 'static>(
        &self,
        customer: bool,
        pick: impl Fn(Candidate<'_>) -> Option<T> + Send + 'static,
    ) -> Vec<T> {
        let found = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = found.clone();
        let view = if customer {
            self.app.customer_view()
        } else {
            self.app.view()
        };
        let mut ui = simulator(view);
        let _ = ui.find(move |candidate: Candidate<'_>| -> Option<()> {
            if let Some(item) = pick(candidate) {
                sink.lock().unwrap().push(item);
            }
            None
        });
        drop(ui);
        std::sync::Arc::try_unwrap(found)
            .unwrap()
            .into_inner()
            .unwrap()
    }

    /// Moves the focus as iced's `focus`, `focus_next` and `focus_previous`
    /// operations do.
    fn move_focus(&mut self, focus: Focus) {
        match focus {
            Focus::On(field) => self.focused = Some(Id::from(field)),
            Focus::Scroll { view, by } => self.scrolled.push((view, by)),
            Focus::Reveal { list, row, of } => self.revealed.push((list, row, of)),
            Focus::Next | Focus::Previous => {
                let fields = self.focusables();
                let at = self
                    .focused
                    .as_ref()
                    .and_then(|f| fields.iter().position(|id| id.as_ref() == Some(f)));
                let next = match (matches!(focus, Focus::Next), at) {
                    (true, None) => fields.first(),
                    (true, Some(at)) => fields.get(at + 1),
                    (false, None) => fields.last(),
                    (false, Some(at)) => at.checked_sub(1).and_then(|at| fields.get(at)),
                };
                self.focused = next.cloned().flatten();
            }
        }
    }

    pub fn interact<T>(&mut self, act: impl FnOnce(&mut Simulator<'_, Message>) -> T) -> T {
        let focused = self.focused.clone();
        let (out, messages, now_focused) = {
            let mut ui = simulator(self.app.view());
            if let Some(field) = focused
                && ui.click(id(field)).is_ok()
            {
                ui.tap_key(Key::Named(Named::End));
            }
            let out = act(&mut ui);
            let now_focused = match ui.find(is_focused()) {
                Ok(Target::Focusable { id, .. }) => id,
                _ => None,
            };
            let messages: Vec<Message> = ui.into_messages().collect();
            (out, messages, now_focused)
        };
        self.focused = now_focused;
        for message in messages {
            self.send(message);
        }
        out
    }

    pub fn click(&mut self, label: &str) {
        self.interact(|ui| {
            ui.click(label)
                .unwrap_or_else(|e| panic!("click {label:?}: {e:?}"));
        });
    }
}

/// A key tap with modifiers held, as the keyboard sends it.
pub fn tap_with(key: Named, modifiers: iced::keyboard::Modifiers) -> Vec<iced::Event> {
    let mut press = iced_test::simulator::press_key(Key::Named(key), None);
    if let iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
        modifiers: held, ..
    }) = &mut press
    {
        *held = modifiers;
    }
    vec![press, iced_test::simulator::release_key(Key::Named(key))]
}

/// The keyboard alone: keys go to the focused field first, then to the
/// window's keys (the view's outermost widget), as in the running program.
impl Window {
    pub fn focus_is(&self, field: &'static str) -> bool {
        self.focused == Some(Id::from(field))
    }

    /// Types `text` wherever the focus is, each key also reaching the
    /// window's keys.
    pub fn type_keys(&mut self, text: &str) {
        assert!(
            self.focused.is_some(),
            "typing {text:?} with no field focused"
        );
        self.interact(|ui| {
            ui.typewrite(text);
        });
    }

    /// A named key (Enter, arrows, F-keys, Delete, Esc).
    pub fn press_key(&mut self, key: Named) {
        self.press_with(key, iced::keyboard::Modifiers::default());
    }

    /// A named key with Ctrl, Shift or both held.
    pub fn press_with(&mut self, key: Named, modifiers: iced::keyboard::Modifiers) {
        self.interact(|ui| ui.simulate(tap_with(key, modifiers)));
    }

    /// Whether this exact text is on screen.
    #[allow(dead_code)]
    pub fn shows_text(&self, text: &str) -> bool {
        let mut ui = simulator(self.app.view());
        ui.find(text).is_ok()
    }

    /// Every text on screen (a field's as `[text]`), for a failure message.
    pub fn texts(&self) -> Vec<String> {
        self.gather(|candidate| match candidate {
            Candidate::Text { content, .. } => Some(content.to_string()),
            Candidate::TextInput { state, .. } => Some(format!("[{}]", state.text())),
            _ => None,
        })
    }

    /// Whether some text on screen contains `part`.
    pub fn shows_part(&self, part: &str) -> bool {
        self.texts().iter().any(|t| t.contains(part))
    }

    /// Whether a widget with this id is on screen.
    pub fn shows_id(&self, widget: &'static str) -> bool {
        let mut ui = simulator(self.app.view());
        ui.find(id(widget)).is_ok()
    }

    pub fn till(&self) -> &sentra::ui::kasir::Kasir {
        match &self.app.phase {
            sentra::ui::Phase::Stall(shell) => &shell.kasir,
            _ => panic!("not on a stall's screens"),
        }
    }
}
