//! Titip jual in the day report (Laporan): the cash paid to producers out of
//! the drawer as a term of tutup kasir, and the day's payouts.

use iced::widget::{Column, Space, column, text};
use iced::{Element, Fill};

use super::method_name;
use crate::domain::day_close::CashCount;
use crate::store::DayReport;
use crate::ui::i18n::{Lang, T};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, figure};

/// The drawer's term for producers paid in cash, when the day had any.
pub fn drawer_line<'a, M: 'a>(cash: &CashCount, lang: Lang) -> Element<'a, M> {
    if !cash.producer_payouts.is_positive() {
        return Space::new().into();
    }
    figure(
        T::ProducersPaidInCash.get(lang),
        format!("−{}", cash.producer_payouts),
        theme::TEXT,
    )
}

/// The day's payouts to producers, cash and transfer, when it had any.
pub fn payouts<'a, M: 'a>(report: &'a DayReport, lang: Lang) -> Element<'a, M> {
    if report.producer_payouts.is_empty() {
        return Space::new().into();
    }
    let mut list = Column::new().spacing(4).push(
        text(T::ProducerPayouts.get(lang))
            .size(theme::TEXT)
            .font(BOLD),
    );
    for payout in &report.producer_payouts {
        let how = match &payout.reference {
            Some(reference) => format!("{} {reference}", method_name(payout.method, lang)),
            None => method_name(payout.method, lang).to_string(),
        };
        list = list.push(
            column![
                figure(
                    format!(
                        "{} {} {}",
                        payout.created_at.get(11..16).unwrap_or_default(),
                        payout.producer,
                        payout.name
                    ),
                    payout.amount.to_string(),
                    theme::SMALL,
                ),
                text(how).size(theme::SMALL).color(theme::MUTED).width(Fill),
            ]
            .spacing(0),
        );
    }
    card(list)
}
