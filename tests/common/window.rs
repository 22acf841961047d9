//! The window with a test's hands on it: the real app, its view driven by
//! iced_test's Simulator, its messages fed to the real `update`, its jobs run
//! on the real book, and where the keyboard focus is. Shared by the GUI tests
//! that include it (`#[path = "common/window.rs"] mod window;`).

#![allow(dead_code)]

use iced::keyboard::{Key, key::Named};
use iced::widget::Id;
use iced_test::selector::{Target, id, is_focused};
use iced_test::{Simulator, simulator};
use sentra::store::Store;
use sentra::ui::{App, Effect, Focus, Message};

pub struct Window {
    pub app: App,
    pub focused: Option<Id>,
}

impl Window {
    pub fn on(store: Store) -> Window {
        let (app, effect) = App::with_store(store).unwrap();
        let mut window = Window { app, focused: None };
        window.settle(effect);
        window
    }

    pub fn send(&mut self, message: Message) {
        let effect = self.app.handle(message);
        self.settle(effect);
    }

    pub fn settle(&mut self, effect: Effect<Message>) {
        let (jobs, focus) = effect.into_parts();
        for focus in focus {
            if let Focus::On(field) = focus {
                self.focused = Some(Id::from(field));
            }
        }
        for job in jobs {
            for answer in self.app.book().expect("book open").run_now(job) {
                self.send(answer);
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
