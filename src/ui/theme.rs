//! Colours and sizes: calm, high contrast, targets big enough for a thumb.

use iced::widget::{button, container, text_input};
use iced::{Border, Color, Theme, color};

pub const TEXT: f32 = 17.0;
pub const SMALL: f32 = 14.0;
pub const HEADING: f32 = 24.0;
pub const HUGE: f32 = 40.0;
/// Padding inside buttons and fields: about a fingertip tall overall.
pub const PAD: u16 = 12;
pub const GAP: u32 = 10;
/// The height of a big button, for keeping its room when it is not shown.
pub const BUTTON: f32 = 48.0;

pub const BRAND: Color = color!(0x8a1c1c); // the deep red of tapis cloth
pub const GOLD: Color = color!(0xc8962e); // its gold thread
pub const GOOD: Color = color!(0x1e7b45);
pub const BAD: Color = color!(0xb3261e);
pub const WARN: Color = color!(0x8a5a00);
pub const MUTED: Color = color!(0x5f6368);
pub const PANEL: Color = color!(0xf6f1ea);

pub fn theme() -> Theme {
    Theme::custom(
        "Sentra".to_string(),
        iced::theme::Palette {
            background: color!(0xfffdf9),
            text: color!(0x1f1f1f),
            primary: BRAND,
            success: GOOD,
            warning: GOLD,
            danger: BAD,
        },
    )
}

/// A panel: the warm card the screens are built from.
pub fn panel(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(PANEL.into()),
        border: Border {
            radius: 8.0.into(),
            width: 1.0,
            color: color!(0xe4dccf),
        },
        ..container::Style::default()
    }
}

/// The highlighted row of a list.
pub fn highlight(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(color!(0xf3e3c3).into()),
        border: Border {
            radius: 6.0.into(),
            width: 1.0,
            color: GOLD,
        },
        ..container::Style::default()
    }
}

/// The top bar with the tabs.
pub fn bar(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(BRAND.into()),
        text_color: Some(Color::WHITE),
        ..container::Style::default()
    }
}

/// A tab button: white on red, gold underline when active.
pub fn tab(active: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |_theme, status| {
        let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
        button::Style {
            background: Some(
                if active {
                    color!(0x6d1313)
                } else if hovered {
                    color!(0x9c2a2a)
                } else {
                    BRAND
                }
                .into(),
            ),
            text_color: Color::WHITE,
            border: Border {
                radius: 0.0.into(),
                width: if active { 2.0 } else { 0.0 },
                color: GOLD,
            },
            ..button::Style::default()
        }
    }
}

/// A text field with a red border when its content is refused.
pub fn field(invalid: bool) -> impl Fn(&Theme, text_input::Status) -> text_input::Style {
    move |theme, status| {
        let mut style = text_input::default(theme, status);
        if invalid {
            style.border.color = BAD;
            style.border.width = 2.0;
        }
        style
    }
}
