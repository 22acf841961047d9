//! Small building blocks the screens share.

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element, Fill, Font};

use super::i18n::{Lang, Say, T};
use super::theme;

pub const BOLD: Font = Font {
    weight: iced::font::Weight::Bold,
    ..Font::with_name("Noto Sans")
};

/// A message to the person: good news or a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(Say),
    Error(Say),
}

impl Notice {
    /// Good news or a refusal from a job's result.
    pub fn of(result: Result<Say, String>) -> Notice {
        match result {
            Ok(say) => Notice::Info(say),
            Err(error) => Notice::Error(Say::Plain(error)),
        }
    }
}

pub fn notice<'a, M: 'a>(notice: &'a Option<Notice>, lang: Lang) -> Element<'a, M> {
    match notice {
        None => column![].into(),
        Some(Notice::Info(say)) => text(say.say(lang))
            .size(theme::TEXT)
            .color(theme::GOOD)
            .into(),
        Some(Notice::Error(say)) => text(say.say(lang))
            .size(theme::TEXT)
            .color(theme::BAD)
            .into(),
    }
}

/// A big button; `None` draws it disabled.
pub fn big<'a, M: Clone + 'a>(
    label: impl Into<String>,
    on_press: Option<M>,
) -> button::Button<'a, M> {
    button(
        text(label.into())
            .size(theme::TEXT)
            .align_x(Alignment::Center)
            .width(Fill),
    )
    .padding(theme::PAD)
    .on_press_maybe(on_press)
}

/// A labelled text field with its own error line under it.
pub fn field<'a, M: Clone + 'a>(
    id: &'static str,
    label: &str,
    value: &str,
    error: Option<&str>,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    let input = text_input("", value)
        .id(id)
        .on_input(on_input)
        .padding(theme::PAD)
        .size(theme::TEXT)
        .style(theme::field(error.is_some()));
    let mut fieldset = column![
        text(label.to_string())
            .size(theme::SMALL)
            .color(theme::MUTED),
        input
    ]
    .spacing(4);
    if let Some(error) = error {
        fieldset = fieldset.push(text(error.to_string()).size(theme::SMALL).color(theme::BAD));
    }
    fieldset.into()
}

/// A label and a value on one line, the value to the right.
pub fn figure<'a, M: 'a>(
    label: impl Into<String>,
    value: impl Into<String>,
    size: f32,
) -> Element<'a, M> {
    row![
        text(label.into()).size(size).width(Fill),
        text(value.into()).size(size).font(BOLD),
    ]
    .align_y(Alignment::Center)
    .into()
}

/// ◂ Previous · Today · Next ▸, for screens that show one day.
pub fn day_navigation<'a, M: Clone + 'a>(
    lang: Lang,
    previous: M,
    today: M,
    next: M,
) -> Element<'a, M> {
    row![
        big(T::PrevDay.get(lang), Some(previous))
            .width(150)
            .style(button::secondary),
        big(T::Today.get(lang), Some(today))
            .width(120)
            .style(button::secondary),
        big(T::NextDay.get(lang), Some(next))
            .width(150)
            .style(button::secondary),
    ]
    .spacing(theme::GAP)
    .into()
}

/// A card around some content.
pub fn card<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(content)
        .padding(14)
        .style(theme::panel)
        .width(Fill)
        .into()
}
