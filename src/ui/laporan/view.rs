//! How the report screen looks: the day's figures, payments, top products,
//! the hourly chart, tutup kasir and the PPh estimate.

use iced::widget::{Column, button, canvas, column, row, scrollable, space, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};

use super::{COUNTED, Laporan, Message};
use crate::money::Rupiah;
use crate::store::DayReport;
use crate::ui::chart::BarChart;
use crate::ui::i18n::{Lang, Say, T, method_name};
use crate::ui::theme;
use crate::ui::widgets::{
    BOLD, card, day_navigation, figure, keyed, message_line, notice_when_any,
};

impl Laporan {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let Some(report) = &self.report else {
            return column![text(T::Opening.get(lang))].padding(16).into();
        };
        scrollable(
            column![
                self.header(report, lang),
                notice_when_any(&self.notice, lang),
                row![self.left_side(report, lang), self.right_side(report, lang)].spacing(16)
            ]
            .spacing(theme::GAP)
            .padding(16),
        )
        .id(super::SCROLL)
        .into()
    }

    /// The title and the day's state, then the money and print keys and
    /// the days' navigation.
    fn header<'a>(&'a self, report: &DayReport, lang: Lang) -> Element<'a, Message> {
        let status = match &report.state {
            None => T::NoSales.get(lang).to_string(),
            Some(day) if day.open => String::new(),
            Some(_) => T::DayClosed.get(lang).to_string(),
        };
        // The title and the day's state on a line of their own: at
        // 1024×768 the buttons leave no room beside them.
        column![
            row![
                text(format!(
                    "{} {}",
                    T::Laporan.get(lang),
                    crate::domain::calendar::long_day(&report.day, lang.language())
                ))
                .size(theme::HEADING)
                .width(Fill),
                text(status).size(theme::TEXT).color(theme::MUTED),
            ]
            .spacing(theme::GAP)
            .align_y(Alignment::Center),
            row![
                self.money.button(lang).map(Message::Money),
                keyed(T::PrintReport.get(lang), "F9", Some(Message::PrintReport)).width(190),
                space().width(Fill),
                day_navigation(lang, Message::PreviousDay, Message::Today, Message::NextDay),
            ]
            .spacing(theme::GAP)
            .align_y(Alignment::Center),
        ]
        .spacing(8)
        .into()
    }

    /// The wide side: an open form, the figures, the hours, the top
    /// products and the books.
    fn left_side<'a>(&'a self, report: &'a DayReport, lang: Lang) -> Element<'a, Message> {
        // The expense form opens at the top of the wide side: on the
        // narrow side it would push Tutup kasir's button off a 768-pixel
        // screen.
        let mut left = Column::new().spacing(theme::GAP).width(FillPortion(3));
        if let Some(form) = self.money.form(lang) {
            left = left.push(form.map(Message::Money));
        }
        if let Some(form) = self.books.form(lang) {
            left = left.push(form.map(Message::Books));
        }
        left.push(
            column![
                figures(report, lang),
                card(
                    column![
                        text(T::ByHour.get(lang)).size(theme::TEXT).font(BOLD),
                        canvas(BarChart::hourly(&report.hourly))
                            .width(Fill)
                            .height(180),
                    ]
                    .spacing(6)
                ),
                top_products(report, lang),
                self.books.view(lang).map(Message::Books),
            ]
            .spacing(theme::GAP),
        )
        .into()
    }

    /// The narrow side: Tutup kasir first (its confirmation must show
    /// without scrolling at 1024×768), then payments, payouts, money and PPh.
    fn right_side<'a>(&'a self, report: &'a DayReport, lang: Lang) -> Element<'a, Message> {
        Column::new()
            .spacing(theme::GAP)
            .width(FillPortion(2))
            .push(self.close_panel(report, lang))
            .push(payments(report, lang))
            .push(crate::ui::penitip::day::payouts(report, lang))
            .push(self.money.view(report, lang).map(Message::Money))
            .push(pph(report, lang))
            .into()
    }

    /// Today closed: F11 writes its file for the office if the close did
    /// not (the PC died, the stick was full).
    fn export_again_key(&self, lang: Lang) -> Element<'_, Message> {
        match self.is_today {
            true => keyed(T::ExportAgain.get(lang), "F11", Some(Message::ExportAgain))
                .style(button::secondary)
                .into(),
            false => space().into(),
        }
    }

    fn close_panel<'a>(&'a self, report: &'a DayReport, lang: Lang) -> Element<'a, Message> {
        let cash = &report.cash;
        let mut panel = column![
            text(T::CloseDay.get(lang)).size(theme::TEXT).font(BOLD),
            figure(
                T::OpeningFloat.get(lang),
                cash.opening_float.to_string(),
                theme::TEXT
            ),
            figure(T::CashIn.get(lang), cash.cash_in.to_string(), theme::TEXT),
            figure(T::CashOut.get(lang), cash.cash_out.to_string(), theme::TEXT),
            super::money::drawer_lines(cash, lang),
            crate::ui::penitip::day::drawer_line(cash, lang),
            figure(
                T::Expected.get(lang),
                cash.expected.to_string(),
                theme::HEADING
            ),
        ]
        .spacing(6);
        panel = panel.push(earlier_closes(report, lang));
        if let Some(closed) = &report.closed {
            panel = panel
                .push(figure(
                    T::Counted.get(lang),
                    closed.cash.counted.to_string(),
                    theme::TEXT,
                ))
                .push(difference(closed.cash.difference, lang))
                .push(self.export_again_key(lang));
        } else if self.is_today {
            panel = panel.push(
                text_input(T::Counted.get(lang), &self.counted)
                    .id(COUNTED)
                    .on_input(Message::CountedChanged)
                    .on_submit(Message::CloseDay)
                    .padding(theme::PAD)
                    .size(20),
            );
            let (shown, error) = match self.difference() {
                Some(Ok(amount)) => (Some(amount), None),
                Some(Err(error)) => (None, Some(error.say(lang))),
                None => (None, None),
            };
            panel = panel.push(difference_or_blank(shown, lang));
            panel = panel.push(message_line(error));
            panel = panel.push(self.close_keys(shown, lang));
        }
        card(panel)
    }

    /// Enter to close (asked again with the difference), Esc to not.
    fn close_keys(&self, shown: Option<Rupiah>, lang: Lang) -> Element<'_, Message> {
        if self.confirming {
            let difference = shown.map(|d| d.to_string()).unwrap_or_default();
            return column![
                text(Say::ConfirmClose(difference).say(lang))
                    .size(theme::TEXT)
                    .font(BOLD),
                // One above the other: side by side their labels wrap in a
                // third of a 1024-pixel screen.
                column![
                    keyed(T::CloseYes.get(lang), "Enter", Some(Message::ConfirmClose))
                        .style(button::danger)
                        .width(Fill),
                    keyed(T::Cancel.get(lang), "Esc", Some(Message::CancelClose))
                        .style(button::secondary)
                        .width(Fill),
                ]
                .spacing(8),
            ]
            .spacing(6)
            .into();
        }
        let ready = shown.is_some() && !self.closing;
        keyed(
            T::CloseNow.get(lang),
            "Enter",
            ready.then_some(Message::CloseDay),
        )
        .style(button::danger)
        .into()
    }
}

/// A day reopened and closed again: the closes before the one shown (or
/// before today's reopened drawer), each with its count and selisih, so no
/// selisih disappears.
fn earlier_closes<'a>(report: &'a DayReport, lang: Lang) -> Element<'a, Message> {
    let shown = usize::from(report.closed.is_some());
    let earlier = &report.closes[..report.closes.len().saturating_sub(shown)];
    let mut list = Column::new().spacing(2);
    for (n, close) in earlier.iter().enumerate() {
        let at = close.closed_at.get(11..16).unwrap_or(&close.closed_at);
        let label = Say::EarlierClose(n + 1, at.to_string()).say(lang);
        let counted = Say::CountedAndDifference(
            close.cash.counted.to_string(),
            close.cash.difference.to_string(),
        )
        .say(lang);
        list = list.push(
            column![
                text(label).size(theme::SMALL).color(theme::MUTED),
                text(counted).size(theme::SMALL),
            ]
            .spacing(0),
        );
    }
    list.into()
}

/// The difference, or an empty line of the same height.
fn difference_or_blank<'a>(amount: Option<Rupiah>, lang: Lang) -> Element<'a, Message> {
    match amount {
        Some(amount) => difference(amount, lang),
        None => text(" ").size(theme::HEADING).into(),
    }
}

fn difference<'a>(amount: Rupiah, lang: Lang) -> Element<'a, Message> {
    let color = if amount.is_negative() {
        theme::BAD
    } else if amount.is_positive() {
        theme::GOLD
    } else {
        theme::GOOD
    };
    row![
        text(T::Difference.get(lang))
            .size(theme::HEADING)
            .width(Fill),
        text(amount.to_string())
            .size(theme::HEADING)
            .font(BOLD)
            .color(color),
    ]
    .into()
}

fn figures(report: &DayReport, lang: Lang) -> Element<'_, Message> {
    let tile = |label: T, value: String| {
        card(column![
            text(label.get(lang)).size(theme::SMALL).color(theme::MUTED),
            text(value).size(26).font(BOLD),
        ])
    };
    column![
        row![
            tile(T::SalesCount, report.sales_count.to_string()),
            tile(T::Net, report.net.to_string()),
            tile(T::Average, report.average_sale.to_string()),
        ]
        .spacing(theme::GAP),
        row![
            tile(T::Gross, report.gross.to_string()),
            tile(T::Discount, report.discounts.to_string()),
            tile(T::Takings, report.takings.to_string()),
        ]
        .spacing(theme::GAP),
        row![
            tile(
                T::Voids,
                format!("{} · {}", report.voids_count, report.voids_total)
            ),
            tile(
                T::Returns,
                format!("{} · {}", report.returns_count, report.returns_total)
            ),
        ]
        .spacing(theme::GAP),
    ]
    .spacing(theme::GAP)
    .into()
}

fn payments(report: &DayReport, lang: Lang) -> Element<'_, Message> {
    let mut list = Column::new()
        .spacing(4)
        .push(text(T::Payments.get(lang)).size(theme::TEXT).font(BOLD));
    for method in &report.payments {
        list = list.push(figure(
            format!("{} ({})", method_name(method.method, lang), method.count),
            method.amount.to_string(),
            theme::TEXT,
        ));
    }
    card(list)
}

fn top_products(report: &DayReport, lang: Lang) -> Element<'_, Message> {
    let mut list = Column::new()
        .spacing(4)
        .push(text(T::TopProducts.get(lang)).size(theme::TEXT).font(BOLD));
    for product in report.top_products.iter().take(8) {
        list = list.push(figure(
            format!("{} × {}", product.quantity, product.name),
            product.net.to_string(),
            theme::TEXT,
        ));
    }
    card(list)
}

fn pph(report: &DayReport, lang: Lang) -> Element<'_, Message> {
    let pph = &report.pph;
    card(
        column![
            text(T::PphEstimate.get(lang)).size(theme::TEXT).font(BOLD),
            text(pph.rule.wording(lang.language())).size(theme::SMALL),
            figure(
                format!(
                    "{} ({} {})",
                    T::ThisMonth.get(lang),
                    T::Turnover.get(lang),
                    pph.month_turnover
                ),
                pph.month_tax.to_string(),
                theme::TEXT
            ),
            figure(
                format!(
                    "{} ({} {})",
                    T::ThisYear.get(lang),
                    T::Turnover.get(lang),
                    pph.year_turnover
                ),
                pph.year_tax.to_string(),
                theme::TEXT
            ),
        ]
        .spacing(6),
    )
}
