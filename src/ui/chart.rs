//! A bar chart of rupiah amounts, drawn on an iced canvas: sales by hour in
//! Laporan, sales by regency in Kantor.

use iced::mouse;
use iced::widget::canvas::{self, Frame, Geometry, Text};
use iced::{Color, Point, Rectangle, Renderer, Size, Theme};

use crate::money::Rupiah;
use crate::ui::theme;

/// Labelled bars; the tallest one is labelled with its amount.
pub struct BarChart {
    pub bars: Vec<(String, Rupiah)>,
}

impl BarChart {
    /// Sales per hour; the hours 7–21 always show, others only with sales.
    pub fn hourly(hours: &[Rupiah]) -> BarChart {
        BarChart {
            bars: crate::print::hourly_bars(hours),
        }
    }
}

impl<Message> canvas::Program<Message> for BarChart {
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
        // The whole chart in one fill with its background: when a bar changes
        // the software renderer redraws all of it, old labels included.
        frame.fill_rectangle(Point::ORIGIN, bounds.size(), theme::PANEL);
        let count = self.bars.len().max(1) as f32;
        let busiest = self
            .bars
            .iter()
            .map(|(_, amount)| *amount)
            .max()
            .unwrap_or_default();
        let max = busiest.value().max(1) as f32;
        let label_room = 18.0;
        let chart_height = bounds.height - label_room - 14.0;
        let slot = bounds.width / count;
        for (index, (label, amount)) in self.bars.iter().enumerate() {
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
                content: label.clone(),
                position: Point::new(x + slot * 0.35, bounds.height - label_room + 2.0),
                color: theme::MUTED,
                size: 12.0.into(),
                align_x: iced::alignment::Horizontal::Center.into(),
                ..Text::default()
            });
            if amount.is_positive() && *amount == busiest {
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
