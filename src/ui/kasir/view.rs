//! How the till looks: search and cart on the left, totals and the current
//! panel on the right.

use iced::widget::{
    Column, button, column, container, qr_code, row, scrollable, space, text, text_input,
};
use iced::{Alignment, Element, Fill, FillPortion};

use super::{AMOUNT, Kasir, Message, Panel, Payment, SEARCH, VOID_RECEIPT, VoidForm};
use crate::domain::payment::{PaymentMethod, quick_cash};
use crate::ui::i18n::{Lang, T};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, big, card, field, figure, notice};

impl Kasir {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let left = column![self.search_box(lang), self.cart(lang)]
            .spacing(theme::GAP)
            .width(FillPortion(3));
        let right = column![self.totals(lang), self.side_panel(lang)]
            .spacing(theme::GAP)
            .width(FillPortion(2));
        row![
            left,
            scrollable(right.padding(iced::Padding::ZERO.right(12)))
        ]
        .spacing(16)
        .padding(16)
        .height(Fill)
        .into()
    }

    fn search_box(&self, lang: Lang) -> Element<'_, Message> {
        let input = text_input(T::SearchHint.get(lang), &self.query)
            .id(SEARCH)
            .on_input(Message::QueryChanged)
            .on_submit(Message::Submit)
            .padding(14)
            .size(22);
        let mut results = Column::new().spacing(2);
        for (index, product) in self.results.iter().enumerate() {
            let line = row![
                text(&product.name).size(theme::TEXT).width(Fill),
                text(format!("{} {}", product.stock, product.unit))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
                text(product.price.to_string()).size(theme::TEXT).font(BOLD),
            ]
            .spacing(12)
            .align_y(Alignment::Center);
            let entry = button(line)
                .on_press(Message::Pick(index))
                .padding(10)
                .width(Fill)
                .style(button::text);
            results = results.push(if index == self.highlighted {
                container(entry).style(theme::highlight).into()
            } else {
                Element::from(entry)
            });
        }
        column![input, notice(&self.notice, lang), results]
            .spacing(6)
            .into()
    }

    fn cart(&self, lang: Lang) -> Element<'_, Message> {
        if self.cart.is_empty() {
            return card(
                text(T::CartEmpty.get(lang))
                    .size(theme::TEXT)
                    .color(theme::MUTED),
            );
        }
        let priced = self.priced().ok();
        let header = row![
            text(T::Item.get(lang)).size(theme::SMALL).width(Fill),
            text(T::Qty.get(lang)).size(theme::SMALL).width(90),
            text(T::Price.get(lang)).size(theme::SMALL).width(110),
            text(T::Discount.get(lang)).size(theme::SMALL).width(100),
            text(T::Amount.get(lang))
                .size(theme::SMALL)
                .width(120)
                .align_x(Alignment::End),
            space().width(44),
        ]
        .spacing(8);
        let mut lines = Column::new().spacing(6).push(header);
        for (index, item) in self.cart.iter().enumerate() {
            let amount = priced
                .as_ref()
                .and_then(|p| p.lines.get(index))
                .map(|l| {
                    l.gross
                        .checked_sub(l.line_discount)
                        .unwrap_or(l.gross)
                        .to_string()
                })
                .unwrap_or_else(|| "—".into());
            let quantity_ok = item.quantity().is_ok();
            let discount_ok = item.discount().is_ok();
            lines = lines.push(
                row![
                    text(&item.product.name).size(theme::TEXT).width(Fill),
                    text_input("1", &item.quantity)
                        .id(format!("cart-quantity-{index}"))
                        .on_input(move |t| Message::QuantityChanged(index, t))
                        .padding(8)
                        .width(90)
                        .style(theme::field(!quantity_ok)),
                    text(format!("{}/{}", item.product.price, item.product.unit))
                        .size(theme::SMALL)
                        .width(110),
                    text_input("0", &item.discount)
                        .id(format!("cart-discount-{index}"))
                        .on_input(move |t| Message::LineDiscountChanged(index, t))
                        .padding(8)
                        .width(100)
                        .style(theme::field(!discount_ok)),
                    text(amount)
                        .size(theme::TEXT)
                        .font(BOLD)
                        .width(120)
                        .align_x(Alignment::End),
                    button(text("✕").size(theme::TEXT))
                        .on_press(Message::RemoveLine(index))
                        .padding([6, 14])
                        .style(button::danger),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        card(scrollable(lines).height(Fill))
    }

    fn totals(&self, lang: Lang) -> Element<'_, Message> {
        let mut totals = Column::new().spacing(6);
        match self.priced() {
            Ok(p) => {
                totals = totals.push(figure(
                    T::Subtotal.get(lang),
                    p.subtotal.to_string(),
                    theme::TEXT,
                ));
                let discounts = p
                    .line_discounts
                    .checked_add(p.sale_discount)
                    .unwrap_or(p.line_discounts);
                if discounts.is_positive() {
                    totals = totals.push(figure(
                        T::Discount.get(lang),
                        format!("-{discounts}"),
                        theme::TEXT,
                    ));
                }
                if p.tax.is_positive() {
                    totals = totals.push(figure("PPN", p.tax.to_string(), theme::TEXT));
                }
                totals = totals.push(figure(T::Total.get(lang), p.total.to_string(), 34.0));
            }
            Err(error) if !self.cart.is_empty() => {
                totals = totals.push(text(error).size(theme::TEXT).color(theme::BAD));
            }
            Err(_) => totals = totals.push(figure(T::Total.get(lang), "Rp0", 34.0)),
        }
        let discount = text_input(T::SaleDiscountHint.get(lang), &self.sale_discount)
            .id("sale-discount")
            .on_input(Message::SaleDiscountChanged)
            .padding(10)
            .style(theme::field(self.sale_discount().is_err()));
        totals = totals.push(
            row![
                text(T::SaleDiscount.get(lang))
                    .size(theme::SMALL)
                    .width(Fill),
                discount.width(140)
            ]
            .align_y(Alignment::Center),
        );
        card(totals)
    }

    fn side_panel(&self, lang: Lang) -> Element<'_, Message> {
        match &self.panel {
            Panel::None => self.actions(lang),
            Panel::Pay(payment) => self.pay_panel(payment, lang),
            Panel::Held(held) => {
                let mut list = Column::new()
                    .spacing(8)
                    .push(text(T::HeldCarts.get(lang)).size(theme::HEADING));
                for sale in held {
                    let count = sale.items.len();
                    list = list.push(
                        row![
                            text(format!("{} · {count} {}", sale.label, T::Items.get(lang)))
                                .size(theme::TEXT)
                                .width(Fill),
                            big(T::Resume.get(lang), Some(Message::Resume(sale.id))).width(160),
                        ]
                        .align_y(Alignment::Center),
                    );
                }
                card(
                    list.push(big(T::Back.get(lang), Some(Message::Back)).style(button::secondary)),
                )
            }
            Panel::Void(form) => self.void_panel(form, lang),
        }
    }

    fn actions(&self, lang: Lang) -> Element<'_, Message> {
        let has_cart = !self.cart.is_empty();
        let mut actions = column![
            big(T::PayF2.get(lang), has_cart.then_some(Message::OpenPay)).style(button::success),
            big(
                if has_cart {
                    T::HoldF4.get(lang)
                } else {
                    T::HeldF4.get(lang)
                },
                Some(Message::HoldOrList)
            )
            .style(button::secondary),
            big(T::VoidF8.get(lang), Some(Message::OpenVoid)).style(button::secondary),
        ]
        .spacing(theme::GAP);
        if let Some(sale) = &self.last_sale {
            let mut last = column![
                text(T::LastSale.get(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
                text(&sale.receipt).size(theme::TEXT).font(BOLD),
                figure(T::Total.get(lang), sale.total.to_string(), theme::TEXT),
                figure(T::Change.get(lang), sale.change.to_string(), 30.0),
            ]
            .spacing(4);
            if sale.voided {
                last = last.push(text(T::Voided.get(lang)).color(theme::BAD).font(BOLD));
            }
            match &self.receipt_file {
                Some(Ok(path)) => {
                    last = last.push(
                        text(format!("{}: {path}", T::ReceiptFile.get(lang))).size(theme::SMALL),
                    )
                }
                Some(Err(error)) => {
                    last = last.push(text(error).size(theme::SMALL).color(theme::BAD))
                }
                None => {}
            }
            last = last
                .push(big(T::Reprint.get(lang), Some(Message::Reprint)).style(button::secondary));
            actions = actions.push(card(last));
        }
        actions.into()
    }

    fn pay_panel<'a>(&'a self, payment: &'a Payment, lang: Lang) -> Element<'a, Message> {
        let method = |m: PaymentMethod, label: T| {
            let style = if payment.method == m {
                button::primary
            } else {
                button::secondary
            };
            big(label.get(lang), Some(Message::PayMethod(m))).style(style)
        };
        let methods = row![
            method(PaymentMethod::Cash, T::Cash),
            method(PaymentMethod::Qris, T::Qris),
            method(PaymentMethod::Transfer, T::Transfer),
            method(PaymentMethod::Card, T::Card),
        ]
        .spacing(6);
        let remaining = payment.remaining();
        let mut panel = column![
            figure(T::ToPay.get(lang), remaining.to_string(), theme::HEADING),
            methods,
        ]
        .spacing(theme::GAP);
        if payment.method == PaymentMethod::Cash {
            let mut quick = row![].spacing(6);
            for (index, amount) in quick_cash(remaining).into_iter().enumerate() {
                let label = if index == 0 {
                    T::ExactMoney.get(lang).to_string()
                } else {
                    amount.to_string()
                };
                quick = quick
                    .push(big(label, Some(Message::QuickCash(amount))).style(button::secondary));
            }
            panel = panel.push(quick);
        }
        if payment.method == PaymentMethod::Qris {
            match &self.qris {
                Some(data) => {
                    panel = panel.push(container(qr_code(data).cell_size(4)).center_x(Fill))
                }
                None => {
                    panel = panel.push(
                        text(T::NoQris.get(lang))
                            .size(theme::SMALL)
                            .color(theme::MUTED),
                    )
                }
            }
        }
        let amount = text_input(T::AmountHint.get(lang), &payment.amount)
            .id(AMOUNT)
            .on_input(Message::AmountChanged)
            .on_submit(Message::Complete)
            .padding(theme::PAD)
            .size(22);
        panel = panel.push(amount);
        if payment.method != PaymentMethod::Cash {
            panel = panel.push(
                text_input(T::ReferenceHint.get(lang), &payment.reference)
                    .id("payment-reference")
                    .on_input(Message::ReferenceChanged)
                    .padding(theme::PAD),
            );
        }
        panel = panel
            .push(big(T::AddSplit.get(lang), Some(Message::AddTender)).style(button::secondary));
        for (index, tender) in payment.tenders.iter().enumerate() {
            panel = panel.push(
                row![
                    text(format!("{} {}", tender.method, tender.amount))
                        .size(theme::TEXT)
                        .width(Fill),
                    button(text("✕"))
                        .on_press(Message::RemoveTender(index))
                        .style(button::danger),
                ]
                .align_y(Alignment::Center),
            );
        }
        match payment.preview() {
            Ok(settlement) => {
                panel = panel.push(column![
                    text(T::Change.get(lang))
                        .size(theme::TEXT)
                        .color(theme::MUTED),
                    text(settlement.change.to_string())
                        .size(theme::HUGE)
                        .font(BOLD)
                        .color(theme::GOOD),
                ]);
                panel = panel.push(
                    big(
                        // For QRIS, transfer and card the cashier confirms the
                        // buyer's payment went through.
                        if payment.method == PaymentMethod::Cash {
                            T::Finish.get(lang)
                        } else {
                            T::ConfirmPaid.get(lang)
                        },
                        (!self.saving).then_some(Message::Complete),
                    )
                    .style(button::success),
                );
            }
            Err(error) => {
                panel = panel.push(text(error).size(theme::TEXT).color(theme::BAD));
            }
        }
        if let Some(error) = payment.error.as_ref().map(|e| e.say(lang)) {
            panel = panel.push(text(error).size(theme::TEXT).color(theme::BAD));
        }
        panel = panel.push(big(T::BackEsc.get(lang), Some(Message::Back)).style(button::text));
        card(panel)
    }

    fn void_panel<'a>(&'a self, form: &'a VoidForm, lang: Lang) -> Element<'a, Message> {
        let receipt = text_input("ST07-20261127-0001", &form.receipt)
            .id(VOID_RECEIPT)
            .on_input(Message::VoidReceiptChanged)
            .padding(theme::PAD);
        let pin = text_input("PIN", &form.pin)
            .id("void-pin")
            .on_input(Message::VoidPinChanged)
            .on_submit(Message::SubmitVoid)
            .secure(true)
            .padding(theme::PAD);
        let mut panel = column![
            text(T::VoidTitle.get(lang)).size(theme::HEADING),
            text(T::Receipt.get(lang)).size(theme::SMALL),
            receipt,
            field(
                "void-reason",
                T::Reason.get(lang),
                &form.reason,
                None,
                Message::VoidReasonChanged
            ),
            text(T::ManagerPin.get(lang)).size(theme::SMALL),
            pin,
        ]
        .spacing(8);
        if let Some(error) = &form.error {
            panel = panel.push(text(error).color(theme::BAD));
        }
        panel = panel
            .push(big(T::VoidConfirm.get(lang), Some(Message::SubmitVoid)).style(button::danger));
        panel = panel.push(big(T::BackEsc.get(lang), Some(Message::Back)).style(button::text));
        card(panel)
    }
}
