//! Layar pelanggan: the buyer's side of the counter, a second window that
//! follows Kasir. Idle, the stall's name and its line; while items are
//! scanned, each line and the total in large digits; at payment the amount
//! due and, by QRIS, the code carrying it; after the sale the change and
//! thanks. It takes no input: it reads the till and draws.

use iced::widget::{Column, column, container, qr_code, row, space, text};
use iced::{Alignment, Element, Fill, Length};

use super::i18n::{Lang, Say, T, method_name};
use super::kasir::{Kasir, Panel};
use super::theme;
use super::widgets::BOLD;
use crate::domain::payment::PaymentMethod;
use crate::money::Rupiah;

/// The digits of the total and the amount due.
const BIG: f32 = 64.0;
/// The lines shown: the latest, the way a buyer watches them arrive (the
/// ones before are counted above them); as many as fit 600 pixels.
const SHOWN_LINES: usize = 6;

/// What the buyer's screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    Idle,
    Cart,
    Paying,
    Done,
}

/// Where the till is, as the buyer sees it.
pub fn moment(kasir: &Kasir) -> Moment {
    match (&kasir.panel, kasir.cart.is_empty()) {
        (Panel::Pay(_), false) => Moment::Paying,
        (_, false) => Moment::Cart,
        (_, true) if kasir.thanking && kasir.last_sale.is_some() => Moment::Done,
        (_, true) => Moment::Idle,
    }
}

/// The buyer's screen for the till as it stands.
pub fn view<'a, M: 'a>(
    kasir: &'a Kasir,
    stall: &'a str,
    line: &'a str,
    lang: Lang,
) -> Element<'a, M> {
    let body = match moment(kasir) {
        Moment::Idle => idle(stall, line, lang),
        Moment::Cart => with_lines(kasir, stall, total(kasir, lang), lang),
        Moment::Paying => with_lines(kasir, stall, paying(kasir, lang), lang),
        Moment::Done => done(kasir, stall, lang),
    };
    container(body)
        .padding(32)
        .width(Fill)
        .height(Fill)
        .style(|_| container::Style::default().background(theme::PANEL))
        .into()
}

fn idle<'a, M: 'a>(stall: &'a str, line: &'a str, lang: Lang) -> Element<'a, M> {
    column![
        text(T::Welcome2.get(lang))
            .size(theme::HEADING)
            .color(theme::MUTED),
        text(stall)
            .size(BIG)
            .font(BOLD)
            .color(theme::BRAND)
            .wrapping(text::Wrapping::WordOrGlyph)
            .align_x(Alignment::Center),
        text(line)
            .size(theme::HEADING)
            .wrapping(text::Wrapping::WordOrGlyph)
            .align_x(Alignment::Center),
    ]
    .spacing(16)
    .align_x(Alignment::Center)
    .width(Fill)
    .into()
}

/// The lines on the left, `side` (the total, or what to pay) on the right.
fn with_lines<'a, M: 'a>(
    kasir: &'a Kasir,
    stall: &'a str,
    side: Element<'a, M>,
    lang: Lang,
) -> Element<'a, M> {
    let priced = kasir.priced().ok();
    let mut lines = Column::new().spacing(10);
    let skip = kasir.cart.len().saturating_sub(SHOWN_LINES);
    if skip > 0 {
        let more = Say::ItemsBefore(skip).say(lang);
        lines = lines.push(text(more).size(theme::TEXT).color(theme::MUTED));
    }
    for (index, item) in kasir.cart.iter().enumerate().skip(skip) {
        let quantity = item.quantity().ok();
        let unit_price = quantity.map_or(item.product.price, |q| item.product.unit_price(q));
        let wholesale = if unit_price != item.product.price {
            format!(" · {}", T::Wholesale.get(lang))
        } else {
            String::new()
        };
        let figures = priced.as_ref().and_then(|p| p.lines.get(index));
        let amount = figures.map(|l| l.gross.checked_sub(l.line_discount).unwrap_or(l.gross));
        let discount = figures
            .map(|l| l.line_discount)
            .filter(|d| d.is_positive())
            .map(|d| format!(" · {} -{d}", T::Discount.get(lang).to_lowercase()))
            .unwrap_or_default();
        lines = lines.push(row![
            column![
                text(&item.product.name).size(theme::HEADING),
                text(format!(
                    "{} {} × {unit_price}{wholesale}{discount}",
                    item.quantity.trim(),
                    item.product.unit.key()
                ))
                .size(theme::TEXT)
                .color(theme::MUTED),
            ]
            .width(Fill),
            text(amount.map(|a| a.to_string()).unwrap_or_else(|| "—".into())).size(theme::HEADING),
        ]);
    }
    column![
        text(stall)
            .size(theme::HEADING)
            .font(BOLD)
            .color(theme::BRAND),
        text(T::YourItems.get(lang))
            .size(theme::TEXT)
            .color(theme::MUTED),
        row![
            container(lines).height(Fill).width(Length::FillPortion(3)),
            container(side)
                .width(Length::FillPortion(2))
                .center_x(Length::FillPortion(2)),
        ]
        .spacing(32)
        .height(Fill),
    ]
    .spacing(12)
    .into()
}

fn total<'a, M: 'a>(kasir: &'a Kasir, lang: Lang) -> Element<'a, M> {
    let total = kasir.priced().map(|p| p.total).ok();
    column![
        text(T::TotalBig.get(lang))
            .size(theme::HEADING)
            .color(theme::MUTED),
        big(total),
    ]
    .spacing(8)
    .align_x(Alignment::Center)
    .into()
}

fn paying<'a, M: 'a>(kasir: &'a Kasir, lang: Lang) -> Element<'a, M> {
    let Panel::Pay(payment) = &kasir.panel else {
        return total(kasir, lang);
    };
    let mut side = column![
        text(T::PleasePay.get(lang))
            .size(theme::HEADING)
            .color(theme::MUTED),
        big(Some(payment.remaining())),
    ]
    .spacing(8)
    .align_x(Alignment::Center);
    // Part paid already (a split): said, so the lines and the amount due
    // agree in the buyer's eyes.
    let paid = Rupiah::sum(payment.tenders.iter().map(|t| t.amount)).ok();
    if let Some(paid) = paid.filter(|p| p.is_positive()) {
        let said = Say::PaidAlready(paid).say(lang);
        side = side.push(text(said).size(theme::TEXT).color(theme::MUTED));
    }
    match (payment.method, kasir.qris.shown()) {
        (PaymentMethod::Qris, Some(shown)) => {
            side = side.push(text(T::ScanToPay.get(lang)).size(theme::TEXT));
            side = side.push(qr_code(&shown.data).cell_size(5));
            if let Some(amount) = shown.amount {
                side = side.push(
                    text(format!("QRIS · {amount}"))
                        .size(theme::TEXT)
                        .color(theme::MUTED),
                );
            }
        }
        (method, _) => {
            side = side.push(
                text(format!(
                    "{} {}",
                    T::PaidBy.get(lang),
                    method_name(method, lang)
                ))
                .size(theme::TEXT),
            );
        }
    }
    side.into()
}

fn done<'a, M: 'a>(kasir: &'a Kasir, stall: &'a str, lang: Lang) -> Element<'a, M> {
    let mut shown = column![
        text(stall)
            .size(theme::HEADING)
            .font(BOLD)
            .color(theme::BRAND),
        text(T::ThankYou.get(lang)).size(BIG).font(BOLD),
    ]
    .spacing(16)
    .align_x(Alignment::Center)
    .width(Fill);
    if let Some(sale) = &kasir.last_sale {
        shown = shown
            .push(text(format!("{} {}", T::TotalBig.get(lang), sale.total)).size(theme::HEADING));
        if sale.change.is_positive() {
            shown = shown.push(space().height(8));
            shown = shown.push(
                text(T::Change.get(lang))
                    .size(theme::HEADING)
                    .color(theme::MUTED),
            );
            shown = shown.push(big(Some(sale.change)));
        }
    }
    shown.into()
}

fn big<'a, M: 'a>(amount: Option<Rupiah>) -> Element<'a, M> {
    text(amount.map(|a| a.to_string()).unwrap_or_else(|| "—".into()))
        .size(BIG)
        .font(BOLD)
        .into()
}
