//! First run: is this PC a stall or the office, who is it, and should it
//! start with demo data.

use iced::widget::{
    button, checkbox, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Element, Fill};

use super::effect::{Effect, at_now};
use super::i18n::{Lang, Say, T};
use super::theme;
use super::widgets::{big, field};
use crate::domain::regency::{REGENCIES, Regency};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    #[default]
    Stall,
    Office,
}

#[derive(Debug, Clone, Default)]
pub struct FirstRun {
    pub choice: Choice,
    pub code: String,
    pub name: String,
    pub owner: String,
    pub regency: Option<Regency>,
    pub pin: String,
    pub demo: bool,
    pub error: Option<Say>,
    pub working: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Choose(Choice),
    CodeChanged(String),
    NameChanged(String),
    OwnerChanged(String),
    RegencyPicked(Regency),
    PinChanged(String),
    DemoToggled(bool),
    /// Set the book up.
    Start,
    /// Set-up is written (or was refused).
    Finished(Result<(), String>),
}

impl FirstRun {
    pub fn update(&mut self, message: Message) -> Effect<Message> {
        if !matches!(message, Message::Finished(_)) {
            self.error = None;
        }
        match message {
            Message::Choose(choice) => self.choice = choice,
            Message::CodeChanged(code) => self.code = code.to_uppercase(),
            Message::NameChanged(name) => self.name = name,
            Message::OwnerChanged(owner) => self.owner = owner,
            Message::RegencyPicked(regency) => self.regency = Some(regency),
            Message::PinChanged(pin) => self.pin = pin,
            Message::DemoToggled(demo) => self.demo = demo,
            Message::Start => return self.start(),
            Message::Finished(result) => {
                self.working = false;
                self.error = result.err().map(Say::Plain);
            }
        }
        Effect::None
    }

    fn start(&mut self) -> Effect<Message> {
        if self.working {
            return Effect::None;
        }
        let pin = Some(self.pin.trim().to_string()).filter(|p| !p.is_empty());
        let name = self.name.clone();
        if self.choice == Choice::Office {
            self.working = true;
            return Effect::job(move |store| {
                let result = at_now(|now| store.init_office(&name, pin.as_deref(), now));
                Message::Finished(result.map(|_| ()))
            });
        }
        let Some(regency) = self.regency else {
            self.error = Some(Say::PickRegency);
            return Effect::None;
        };
        self.working = true;
        let (code, owner, demo) = (
            self.code.trim().to_string(),
            self.owner.trim().to_string(),
            self.demo,
        );
        Effect::job(move |store| {
            let result = at_now(|now| {
                let owner = Some(owner.as_str()).filter(|o| !o.is_empty());
                store.init_stall(&code, &name, owner, regency.code, pin.as_deref(), now)?;
                if demo {
                    crate::demo::fill(store, 7, now)?;
                }
                Ok::<(), crate::store::StoreError>(())
            });
            Message::Finished(result)
        })
    }

    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let choice = |c: Choice, label: T| {
            let style = if self.choice == c {
                button::primary
            } else {
                button::secondary
            };
            big(label.get(lang), Some(Message::Choose(c))).style(style)
        };
        let mut form = column![
            text(T::Welcome.get(lang)).size(34).color(theme::BRAND),
            text(T::ChooseKind.get(lang)).size(theme::TEXT),
            row![
                choice(Choice::Stall, T::AStall),
                choice(Choice::Office, T::TheOffice)
            ]
            .spacing(theme::GAP),
        ]
        .spacing(14)
        .max_width(620);
        match self.choice {
            Choice::Stall => {
                form = form
                    .push(field(
                        "setup-code",
                        T::StallCode.get(lang),
                        &self.code,
                        None,
                        Message::CodeChanged,
                    ))
                    .push(field(
                        "setup-name",
                        T::StallName.get(lang),
                        &self.name,
                        None,
                        Message::NameChanged,
                    ))
                    .push(field(
                        "setup-owner",
                        T::Owner.get(lang),
                        &self.owner,
                        None,
                        Message::OwnerChanged,
                    ))
                    .push(column![
                        text(T::Regency.get(lang))
                            .size(theme::SMALL)
                            .color(theme::MUTED),
                        pick_list(REGENCIES, self.regency, Message::RegencyPicked)
                            .placeholder(T::PickRegency.get(lang))
                            .padding(theme::PAD)
                            .width(Fill),
                    ]);
            }
            Choice::Office => {
                form = form.push(field(
                    "setup-office-name",
                    T::OfficeName.get(lang),
                    &self.name,
                    None,
                    Message::NameChanged,
                ));
            }
        }
        form = form.push(column![
            text(T::ManagerPin.get(lang))
                .size(theme::SMALL)
                .color(theme::MUTED),
            text_input("1234", &self.pin)
                .id("setup-pin")
                .on_input(Message::PinChanged)
                .secure(true)
                .padding(theme::PAD),
        ]);
        if self.choice == Choice::Stall {
            form = form.push(
                checkbox(self.demo)
                    .label(T::LoadDemo.get(lang))
                    .on_toggle(Message::DemoToggled),
            );
        }
        if let Some(error) = self.error.as_ref().map(|e| e.say(lang)) {
            form = form.push(text(error).color(theme::BAD).size(theme::TEXT));
        }
        let label = if self.working { T::Working } else { T::Start };
        form = form.push(
            big(label.get(lang), (!self.working).then_some(Message::Start)).style(button::success),
        );
        scrollable(container(form).center_x(Fill).padding(40)).into()
    }
}
