//! The hourly bar chart of a day's sales, drawn on an iced canvas.

use iced::mouse;
use iced::widget::canvas::{self, Frame, Geometry, Text};
use iced::{Color, Point, Rectangle, Renderer, Size, Theme};

use crate::money::Rupiah;
use crate::ui::theme;

/// Sales per hour; hours outside 7–22 are drawn only when they had sales.
pub struct HourlyChart<'a> {
    pub hours: &'a [Rupiah],
}

impl HourlyChart<'_> {
    fn shown_hours(&self) -> std::ops::RangeInclusive<usize> {
        let first = self
            .hours
            .iter()
            .position(|h| h.is_positive())
            .unwrap_or(7)
            .min(7);
        let last = self
            .hours
            .iter()
            .rposition(|h| h.is_positive())
            .unwrap_or(21)
            .max(21);
        first..=last
    }
}

impl<Message> canvas::Program<Message> for HourlyChart<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let hours = self.shown_hours();
        let count = hours.clone().count().max(1) as f32;
        let busiest = self.hours.iter().copied().max().unwrap_or(Rupiah::ZERO);
        let max = busiest.value().max(1) as f32;
        let label_room = 18.0;
        let chart_height = bounds.height - label_room - 14.0;
        let slot = bounds.width / count;
        for (index, hour) in hours.enumerate() {
            let amount = self.hours.get(hour).copied().unwrap_or(Rupiah::ZERO);
            let value = amount.value() as f32;
            let height = (value / max * chart_height).max(if value > 0.0 { 2.0 } else { 0.0 });
            let x = index as f32 * slot + slot * 0.15;
            let top = 14.0 + chart_height - height;
            frame.fill_rectangle(
                Point::new(x, top),
                Size::new(slot * 0.7, height),
                theme::BRAND,
            );
            frame.fill_text(Text {
                content: format!("{hour:02}"),
                position: Point::new(x + slot * 0.35, bounds.height - label_room + 2.0),
                color: theme::MUTED,
                size: 12.0.into(),
                align_x: iced::alignment::Horizontal::Center.into(),
                ..Text::default()
            });
            if amount.is_positive() && amount == busiest {
                frame.fill_text(Text {
                    content: amount.to_string(),
                    position: Point::new(x + slot * 0.35, (top - 14.0).max(0.0)),
                    color: Color::BLACK,
                    size: 12.0.into(),
                    align_x: iced::alignment::Horizontal::Center.into(),
                    ..Text::default()
                });
            }
        }
        vec![frame.into_geometry()]
    }
}
