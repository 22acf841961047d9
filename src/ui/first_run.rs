//! First run: is this PC a stall or the office, who is it, and should it
//! start with demo data. Done from the keyboard alone: the code field has
//! the focus, Tab moves on, the regency is typed (its code or part of its
//! name) and picked with the arrows, F5/F6 choose stall or office, F7 the
//! demo data, Enter starts.

use iced::keyboard::{Key, key::Named};
use iced::widget::{Column, button, checkbox, column, container, row, scrollable, text};
use iced::{Alignment, Element, Fill};

use super::KeyPress;
use super::action::{Action, Intent, at_now};
use super::i18n::{Lang, Say, T};
use super::refusal::Refusal;
use super::theme;
use super::widgets::{BOLD, Field, keyed};
use crate::domain::regency::{REGENCIES, Regency};
use crate::domain::stall::{validate_name, validate_stall_code};
use crate::store::StoreError;

/// The field that has the focus when the first run opens.
pub const FIRST_FIELD: &str = "setup-code";
const OFFICE_NAME: &str = "setup-office-name";
const NAME: &str = "setup-name";
const REGENCY: &str = "setup-regency";
/// How many regencies the list under the field shows.
const SHOWN: usize = 15;

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
    /// What is typed in the regency field.
    pub regency_text: String,
    pub regency: Option<Regency>,
    /// The highlighted regency of the list under the field.
    pub highlighted: usize,
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
    RegencyTyped(String),
    /// Move the highlight in the regency list (arrow keys).
    MoveRegency(i32),
    RegencyPicked(Regency),
    /// Enter in the regency field: pick the highlighted one, or start.
    RegencySubmitted,
    PinChanged(String),
    DemoToggled(bool),
    /// Set the book up.
    Start,
    /// Set-up is written (or was refused).
    Finished(Result<(), Refusal>),
}

impl FirstRun {
    /// The regencies that match what is typed: by either code (BPS "1802",
    /// Kemendagri "18.06"), or by a part of the name.
    pub fn matches(&self) -> Vec<Regency> {
        let typed = self.regency_text.trim().to_lowercase();
        if typed.is_empty() {
            return REGENCIES.to_vec();
        }
        REGENCIES
            .into_iter()
            .filter(|r| {
                r.code.to_string().starts_with(&typed)
                    || (typed.contains('.') && r.kemendagri.starts_with(&typed))
                    || r.name.to_lowercase().contains(&typed)
                    || r.to_string().to_lowercase() == typed
            })
            .collect()
    }

    pub fn hotkey(&self, press: &KeyPress) -> Option<Message> {
        match &press.key {
            Key::Named(Named::F5) => Some(Message::Choose(Choice::Stall)),
            Key::Named(Named::F6) => Some(Message::Choose(Choice::Office)),
            Key::Named(Named::F7) if self.choice == Choice::Stall => {
                Some(Message::DemoToggled(!self.demo))
            }
            Key::Named(Named::ArrowDown) => Some(Message::MoveRegency(1)),
            Key::Named(Named::ArrowUp) => Some(Message::MoveRegency(-1)),
            _ => None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        if !matches!(message, Message::Finished(_)) {
            self.error = None;
        }
        match message {
            Message::Choose(choice) => {
                self.choice = choice;
                return Action::Focus(match choice {
                    Choice::Stall => FIRST_FIELD,
                    Choice::Office => OFFICE_NAME,
                });
            }
            Message::CodeChanged(code) => self.code = code.to_uppercase(),
            Message::NameChanged(name) => self.name = name,
            Message::OwnerChanged(owner) => self.owner = owner,
            Message::RegencyTyped(text) => {
                self.regency_text = text;
                self.highlighted = 0;
                let matches = self.matches();
                // One match (a code typed, or a name part only it has) is
                // the choice; anything else waits for a pick.
                self.regency = match matches.as_slice() {
                    [only] => Some(*only),
                    _ => None,
                };
            }
            Message::MoveRegency(step) => {
                let count = self.matches().len().min(SHOWN);
                if count > 0 {
                    self.highlighted =
                        (self.highlighted as i32 + step).clamp(0, count as i32 - 1) as usize;
                }
            }
            Message::RegencyPicked(regency) => {
                self.pick(regency);
                return Action::FocusNext;
            }
            Message::RegencySubmitted => {
                if self.regency.is_none() {
                    if let Some(regency) = self.matches().get(self.highlighted).copied() {
                        self.pick(regency);
                    }
                    return Action::FocusNext;
                }
                return self.start();
            }
            Message::PinChanged(pin) => self.pin = pin,
            Message::DemoToggled(demo) => self.demo = demo,
            Message::Start => return self.start(),
            Message::Finished(result) => {
                self.working = false;
                self.error = result.err().map(Say::from);
                return Action::Intent(Intent::SetUpFinished);
            }
        }
        Action::None
    }

    fn pick(&mut self, regency: Regency) {
        self.regency = Some(regency);
        self.regency_text = regency.to_string();
        self.highlighted = 0;
    }

    fn start(&mut self) -> Action<Message> {
        if self.working {
            return Action::None;
        }
        let pin = Some(self.pin.trim().to_string()).filter(|p| !p.is_empty());
        let name = self.name.clone();
        if self.choice == Choice::Office {
            self.working = true;
            return Action::job(move |store| {
                let result = at_now(|now| store.init_office(&name, pin.as_deref(), now));
                Message::Finished(result.map(|_| ()))
            });
        }
        // The form top to bottom: the first field wrong is the one named
        // and focused.
        let wrong = validate_stall_code(self.code.trim())
            .map_err(|e| (e, FIRST_FIELD))
            .and_then(|()| validate_name(&name).map_err(|e| (e, NAME)));
        if let Err((error, field)) = wrong {
            self.error = Some(Say::from(Refusal::from(StoreError::from(error))));
            return Action::Focus(field);
        }
        let Some(regency) = self.regency else {
            self.error = Some(Say::PickRegency);
            return Action::Focus(REGENCY);
        };
        self.working = true;
        let (code, owner, demo) = (
            self.code.trim().to_string(),
            self.owner.trim().to_string(),
            self.demo,
        );
        Action::job(move |store| {
            let result = at_now(|now| {
                let owner = Some(owner.as_str()).filter(|o| !o.is_empty());
                store.init_stall(&code, &name, owner, regency.code, pin.as_deref(), now)?;
                if demo {
                    crate::demo::fill(store, crate::demo::FIRST_RUN_DAYS, now)?;
                }
                Ok::<(), crate::store::StoreError>(())
            });
            Message::Finished(result)
        })
    }

    pub fn view<'a>(&'a self, lang: Lang) -> Element<'a, Message> {
        let mut body = row![self.fields(lang)].spacing(24);
        if self.choice == Choice::Stall {
            body = body.push(self.regency_list(lang));
        }
        let label = if self.working { T::Working } else { T::Start };
        let form = column![
            text(T::Welcome.get(lang)).size(30).color(theme::BRAND),
            text(T::ChooseKind.get(lang)).size(theme::TEXT),
            self.choice_keys(lang),
            body,
            // A refusal is read whole (a clock refusal names two times):
            // the form scrolls rather than cut it.
            container(
                text(self.error.as_ref().map(|e| e.say(lang)).unwrap_or_default())
                    .size(theme::SMALL)
                    .color(theme::BAD)
            )
            .width(Fill),
            keyed(
                label.get(lang),
                "Enter",
                (!self.working).then_some(Message::Start),
            )
            .style(button::success),
        ]
        .spacing(10)
        .max_width(900);
        scrollable(container(form).center_x(Fill).padding([20, 32])).into()
    }

    /// A stall (F5) or the office (F6): the one chosen in colour.
    fn choice_keys(&self, lang: Lang) -> Element<'_, Message> {
        let choice = |c: Choice, label: T, key: &'static str| {
            let style = if self.choice == c {
                button::primary
            } else {
                button::secondary
            };
            keyed(label.get(lang), key, Some(Message::Choose(c))).style(style)
        };
        row![
            choice(Choice::Stall, T::AStall, "F5"),
            choice(Choice::Office, T::TheOffice, "F6")
        ]
        .spacing(theme::GAP)
        .into()
    }

    /// The fields of the kind chosen, the manager's PIN, and for a stall
    /// the demo's tick.
    fn fields(&self, lang: Lang) -> Column<'_, Message> {
        let fields = Column::new().spacing(8).width(Fill);
        let mut fields = match self.choice {
            Choice::Stall => self.stall_fields(fields, lang),
            Choice::Office => fields.push(start_field(
                OFFICE_NAME,
                T::OfficeName,
                lang,
                &self.name,
                Message::NameChanged,
            )),
        };
        fields = fields.push(
            Field::new(
                "setup-pin",
                T::ManagerPin.get(lang),
                &self.pin,
                Message::PinChanged,
            )
            .submit(Message::Start)
            .secure()
            .view(),
        );
        if self.choice == Choice::Stall {
            fields = fields.push(
                row![
                    checkbox(self.demo)
                        .label(T::LoadDemo.get(lang))
                        .on_toggle(Message::DemoToggled),
                    text("F7").size(theme::SMALL).font(BOLD),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        fields
    }

    /// A stall's code, name, owner and regency.
    fn stall_fields<'a>(&'a self, fields: Column<'a, Message>, lang: Lang) -> Column<'a, Message> {
        fields
            .push(start_field(
                FIRST_FIELD,
                T::StallCode,
                lang,
                &self.code,
                Message::CodeChanged,
            ))
            .push(start_field(
                NAME,
                T::StallName,
                lang,
                &self.name,
                Message::NameChanged,
            ))
            .push(start_field(
                "setup-owner",
                T::Owner,
                lang,
                &self.owner,
                Message::OwnerChanged,
            ))
            .push(
                Field::new(
                    REGENCY,
                    T::RegencyField.get(lang),
                    &self.regency_text,
                    Message::RegencyTyped,
                )
                .submit(Message::RegencySubmitted)
                .view(),
            )
    }

    /// The regencies that match what is typed, beside the fields: the
    /// highlighted one is picked with Enter.
    fn regency_list(&self, lang: Lang) -> Element<'_, Message> {
        let mut list = Column::new().spacing(2).push(
            text(T::Regency.get(lang))
                .size(theme::SMALL)
                .color(theme::MUTED),
        );
        for (index, regency) in self.matches().into_iter().take(SHOWN).enumerate() {
            let chosen = self.regency == Some(regency);
            let entry = button(text(regency.to_string()).size(theme::SMALL))
                .on_press(Message::RegencyPicked(regency))
                .padding([4, 10])
                .width(Fill)
                .style(button::text);
            list = list.push(
                if chosen || (self.regency.is_none() && index == self.highlighted) {
                    container(entry).style(theme::highlight).into()
                } else {
                    Element::from(entry)
                },
            );
        }
        if self.regency.is_some() {
            list = list.push(
                text(T::RegencyChosen.get(lang))
                    .size(theme::SMALL)
                    .color(theme::GOOD),
            );
        }
        // A backed box that shrinks with the list: the software renderer
        // redraws all of the old box, leaving no slivers of the lines gone.
        container(list)
            .width(320)
            .padding(4)
            .style(theme::panel)
            .into()
    }
}

/// A field of the form: Enter starts.
fn start_field<'a>(
    id: &'static str,
    label: T,
    lang: Lang,
    value: &'a str,
    on_input: fn(String) -> Message,
) -> Element<'a, Message> {
    Field::new(id, label.get(lang), value, on_input)
        .submit(Message::Start)
        .view()
}
