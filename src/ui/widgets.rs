//! Small building blocks the screens share.

use iced::widget::{Space, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Fill, Font, Length};

use super::i18n::{Lang, Say, T};
use super::theme;

pub const BOLD: Font = Font {
    weight: iced::font::Weight::Bold,
    ..Font::with_name("Noto Sans")
};

/// The height kept for a one-line message under a field, shown or not, so
/// nothing moves under the cursor when it comes and goes.
pub const MESSAGE_LINE: f32 = 20.0;
/// The height kept for a screen's notice: two lines.
pub const NOTICE_LINES: f32 = 46.0;

/// A message to the person: good news, a word of warning, or a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(Say),
    Warning(Say),
    Error(Say),
}

impl Notice {
    /// Good news or a refusal from a job's result.
    pub fn of(result: Result<Say, super::refusal::Refusal>) -> Notice {
        match result {
            Ok(say) => Notice::Info(say),
            Err(error) => Notice::Error(error.into()),
        }
    }
}

/// A screen's notice in the room kept for it (two lines, always there).
pub fn notice<'a, M: 'a>(notice: &'a Option<Notice>, lang: Lang) -> Element<'a, M> {
    let line = match notice {
        None => None,
        Some(Notice::Info(say)) => Some((say.say(lang), theme::GOOD)),
        Some(Notice::Warning(say)) => Some((say.say(lang), theme::WARN)),
        Some(Notice::Error(say)) => Some((say.say(lang), theme::BAD)),
    };
    let content: Element<'a, M> = match line {
        Some((words, color)) => text(words).size(theme::TEXT).color(color).into(),
        None => Space::new().into(),
    };
    container(content)
        .height(NOTICE_LINES)
        .width(Fill)
        .clip(true)
        .into()
}

/// The screen's message where it takes room only while there is one: for
/// screens that are read, not scanned into, where two empty lines kept for
/// it pushed buttons off a 768-pixel screen.
pub fn notice_when_any<'a, M: 'a>(notice_now: &'a Option<Notice>, lang: Lang) -> Element<'a, M> {
    match notice_now {
        None => Space::new().height(0).into(),
        Some(_) => notice(notice_now, lang),
    }
}

/// A refusal shown whole where it stands (under a field, in a panel),
/// taking room only when there is one.
pub fn refusal_text<'a, M: 'a>(words: impl Into<String>) -> Element<'a, M> {
    text(words.into())
        .size(theme::SMALL)
        .color(theme::BAD)
        .into()
}

/// A one-line message in the room kept for it: a field's refusal.
pub fn message_line<'a, M: 'a>(message: Option<String>) -> Element<'a, M> {
    let content: Element<'a, M> = match message {
        Some(message) => text(message).size(theme::SMALL).color(theme::BAD).into(),
        None => Space::new().into(),
    };
    container(content)
        .height(Length::Fixed(MESSAGE_LINE))
        .width(Fill)
        .clip(true)
        .into()
}

/// A big button that shows its key after the label: `Bayar  F2`.
pub fn keyed<'a, M: Clone + 'a>(
    label: impl Into<String>,
    key: &'static str,
    on_press: Option<M>,
) -> button::Button<'a, M> {
    button(
        row![
            text(label.into()).size(theme::TEXT).width(Fill),
            text(key).size(theme::SMALL).font(BOLD),
        ]
        .spacing(8)
        .align_y(Alignment::Center),
    )
    .padding(theme::PAD)
    .on_press_maybe(on_press)
}

/// The words of a small button with its key after them, in its own text
/// (the label reads the same with or without the key).
pub fn with_key<'a, M: 'a>(
    label: impl Into<String>,
    key: &'static str,
    size: f32,
) -> Element<'a, M> {
    row![
        text(label.into()).size(size),
        text(key).size(theme::SMALL).font(BOLD),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

/// A narrow button with its key under the label.
pub fn keyed_tile<'a, M: Clone + 'a>(
    label: impl Into<String>,
    key: &'static str,
    on_press: Option<M>,
) -> button::Button<'a, M> {
    button(
        column![
            text(label.into()).size(theme::TEXT),
            text(key).size(theme::SMALL).font(BOLD),
        ]
        .align_x(Alignment::Center)
        .width(Fill),
    )
    // Four in a row fit the payment panel: "Transfer" needs its width.
    .padding([8, 4])
    .width(Fill)
    .on_press_maybe(on_press)
}

/// A labelled text field; one that can be refused keeps the room for its
/// refusal under it. Enter in it sends `on_submit`.
pub struct Field<'a, M> {
    pub id: &'static str,
    pub label: String,
    pub value: &'a str,
    /// `Some` for a field that can be refused: its message, if any.
    pub error: Option<Option<String>>,
    pub on_input: Box<dyn Fn(String) -> M + 'a>,
    pub on_submit: Option<M>,
    pub secure: bool,
}

impl<'a, M: Clone + 'a> Field<'a, M> {
    pub fn new(
        id: &'static str,
        label: impl Into<String>,
        value: &'a str,
        on_input: impl Fn(String) -> M + 'a,
    ) -> Field<'a, M> {
        Field {
            id,
            label: label.into(),
            value,
            error: None,
            on_input: Box::new(on_input),
            on_submit: None,
            secure: false,
        }
    }

    /// The field can be refused: `error` shows under it.
    pub fn error(mut self, error: Option<String>) -> Self {
        self.error = Some(error);
        self
    }

    pub fn submit(mut self, message: M) -> Self {
        self.on_submit = Some(message);
        self
    }

    pub fn secure(mut self) -> Self {
        self.secure = true;
        self
    }

    pub fn view(self) -> Element<'a, M> {
        let input = text_input("", self.value)
            .id(self.id)
            .on_input(self.on_input)
            .on_submit_maybe(self.on_submit)
            .secure(self.secure)
            .padding(10)
            .size(theme::TEXT)
            .style(theme::field(matches!(self.error, Some(Some(_)))));
        let mut field = column![
            text(self.label).size(theme::SMALL).color(theme::MUTED),
            input,
        ]
        .spacing(4);
        // The refusal under its field, only when there is one: a line kept
        // empty under every field pushed a form's buttons off a 768-pixel
        // screen.
        if let Some(Some(error)) = self.error {
            field = field.push(refusal_text(error));
        }
        field.into()
    }
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
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

/// ◂ Previous · Today · Next ▸, for screens that show one day, with their
/// keys (Ctrl+PgUp, Ctrl+Home, Ctrl+PgDn: plain PgUp/PgDn/Home scroll).
pub fn day_navigation<'a, M: Clone + 'a>(
    lang: Lang,
    previous: M,
    today: M,
    next: M,
) -> Element<'a, M> {
    row![
        keyed_tile(T::PrevDay.get(lang), "Ctrl+PgUp", Some(previous))
            .width(150)
            .style(button::secondary),
        keyed_tile(T::Today.get(lang), "Ctrl+Home", Some(today))
            .width(130)
            .style(button::secondary),
        keyed_tile(T::NextDay.get(lang), "Ctrl+PgDn", Some(next))
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
