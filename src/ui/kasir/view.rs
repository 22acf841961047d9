//! How the till looks: search and cart on the left, totals and the current
//! panel on the right. The right side keeps one width, so at 1024 pixels the
//! cart still has the room and product names wrap inside their column.

use iced::widget::{
    Column, Space, button, column, container, qr_code, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Fill, FillPortion, Length};

use super::{
    AMOUNT, CartItem, HeldList, Kasir, Message, OPENING_FLOAT, Panel, Payment, REFERENCE,
    REOPEN_PIN, SALE_DISCOUNT, SEARCH, Today, VOID_PIN, VOID_REASON, VOID_RECEIPT, VoidForm,
};
use crate::domain::payment::PaymentMethod;
use crate::money::Rupiah;
use crate::ui::i18n::{Lang, Say, T, method_name, method_short};
use crate::ui::theme;
use crate::ui::widgets::{
    BOLD, card, figure, keyed, keyed_tile, message_line, notice, refusal_text,
};

/// The width of the right-hand side: totals and panels.
const SIDE: f32 = 372.0;
/// The room kept for the totals' refusal: two lines.
const TOTALS_MESSAGE: f32 = 46.0;
/// The cart lines shown behind the payment panel.
const PAYING_LINES: usize = 5;

impl Kasir {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let top: Element<'_, Message> = match &self.today {
            Today::Closed { day } => self.closed_day(day, lang),
            _ => self.search_box(lang),
        };
        let mut left = column![top].spacing(theme::GAP).width(Fill);
        if !self.missed.is_empty() {
            left = left.push(self.missed_codes(lang));
        }
        if let Today::NotOpened { .. } = &self.today {
            left = left.push(self.open_day(lang));
        }
        left = left.push(self.cart(lang));
        // While paying, the panel says what is due: the totals make room.
        // A void is of a receipt already made: with nothing in the cart,
        // the empty totals make room for its form, whose Enter button
        // would otherwise fall below a 768-pixel screen.
        let right = match &self.panel {
            Panel::Pay(payment) => column![self.pay_panel(payment, lang)],
            // With nothing in the cart there are no totals to show: the
            // last sale's card and its reprint button take their room. A
            // void is of a receipt already made: its form takes the
            // totals' room too, or its Enter button falls below a
            // 768-pixel screen.
            Panel::Void(_) => column![self.side_panel(lang)],
            _ if self.cart.is_empty() => column![self.side_panel(lang)],
            _ => column![self.totals(lang), self.side_panel(lang)],
        }
        .spacing(theme::GAP)
        .width(Length::Fixed(SIDE));
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
        let input = text_input(T::SearchHint.get(lang), self.search.drawn())
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
                    .color(if product.stock.is_positive() {
                        theme::MUTED
                    } else {
                        theme::BAD
                    }),
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
        // The results in a backed box that shrinks with them: the software
        // renderer redraws all of the old box, so no slivers of gone lines stay.
        let results: Element<'_, Message> = if self.results.is_empty() {
            Space::new().into()
        } else {
            container(results).style(theme::panel).padding(2).into()
        };
        column![input, notice(&self.notice, lang), results]
            .spacing(6)
            .into()
    }

    /// The codes of this cart that matched nothing: they stay, paying
    /// included, so an item the scanner could not sell is never forgotten.
    fn missed_codes(&self, lang: Lang) -> Element<'_, Message> {
        let said = match self.missed.as_slice() {
            [code] => Say::UnknownCode(code.clone()),
            codes => Say::UnknownCodes(codes.to_vec()),
        };
        let hint = T::NotInCart.get(lang);
        column![
            text(said.say(lang))
                .size(theme::TEXT)
                .font(BOLD)
                .color(theme::BAD),
            text(hint).size(theme::SMALL).color(theme::MUTED),
        ]
        .spacing(2)
        .into()
    }

    /// A closed day: no cart can be rung up until a manager reopens it.
    fn closed_day<'a>(&'a self, day: &str, lang: Lang) -> Element<'a, Message> {
        let pin = text_input(T::ManagerPin.get(lang), &self.reopen_pin)
            .id(REOPEN_PIN)
            .on_input(Message::ReopenPinChanged)
            .on_submit(Message::Reopen)
            .secure(true)
            .padding(theme::PAD)
            .size(theme::TEXT);
        card(
            column![
                text(Say::DayIsClosed(day.to_string()).say(lang))
                    .size(theme::HEADING)
                    .color(theme::BAD),
                text(T::ReopenHint.get(lang)).size(theme::TEXT),
                row![
                    pin.width(200),
                    keyed(T::Reopen.get(lang), "Enter", Some(Message::Reopen))
                        .style(button::danger),
                ]
                .spacing(theme::GAP)
                .align_y(Alignment::Center),
                message_line(self.day_error.as_ref().map(|e| e.say(lang))),
                notice(&self.notice, lang),
            ]
            .spacing(8),
        )
    }

    /// *Kas awal*: the drawer's float when the day opens.
    fn open_day(&self, lang: Lang) -> Element<'_, Message> {
        let float = text_input("0", &self.opening_float)
            .id(OPENING_FLOAT)
            .on_input(Message::OpeningFloatChanged)
            .on_submit(Message::OpenDay)
            .padding(10)
            .size(theme::TEXT)
            .style(theme::field(self.day_error.is_some()));
        card(
            column![
                row![
                    text(T::OpeningFloatHint.get(lang))
                        .size(theme::TEXT)
                        .width(Fill),
                    float.width(150),
                    keyed(T::OpenDay.get(lang), "Enter", Some(Message::OpenDay))
                        .width(190)
                        .style(button::secondary),
                ]
                .spacing(theme::GAP)
                .align_y(Alignment::Center),
                message_line(self.day_error.as_ref().map(|e| e.say(lang))),
            ]
            .spacing(2),
        )
    }

    fn cart(&self, lang: Lang) -> Element<'_, Message> {
        if self.cart.is_empty() {
            return self.empty_cart(lang);
        }
        let priced = self.priced().ok();
        if matches!(self.panel, Panel::Pay(_)) {
            return self.cart_while_paying(priced.as_ref(), lang);
        }
        let mut lines = Column::new().spacing(8);
        for (index, item) in self.cart.iter().enumerate() {
            let line = cart_line(index, item, priced.as_ref(), lang);
            // The line the arrows, Delete and +/- act on.
            lines = lines.push(if index == self.cart_cursor {
                container(line).style(theme::highlight).into()
            } else {
                line
            });
        }
        card(
            column![
                cart_header(lang),
                scrollable(lines.padding(iced::Padding::ZERO.right(14)))
                    .id(super::CART_LINES)
                    .height(Fill),
                text(T::CartKeys.get(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
            ]
            .spacing(6),
        )
    }

    /// No cart: said so, and how many carts are held in the book.
    fn empty_cart(&self, lang: Lang) -> Element<'_, Message> {
        let mut empty = column![
            text(T::CartEmpty.get(lang))
                .size(theme::TEXT)
                .color(theme::MUTED)
        ]
        .spacing(4);
        if self.held_waiting > 0 {
            empty = empty.push(
                text(Say::HeldWaiting(self.held_waiting).say(lang))
                    .size(theme::TEXT)
                    .font(BOLD),
            );
        }
        card(empty)
    }

    /// The cart while the payment panel is open: its last lines, read only
    /// (the amount due was fixed on F2: a line edited now would no longer
    /// match it; Esc goes back to the lines). At most [`PAYING_LINES`], so
    /// each keystroke of the amount paints as much with 50 lines as with 5.
    fn cart_while_paying(
        &self,
        priced: Option<&crate::domain::cart::PricedCart>,
        lang: Lang,
    ) -> Element<'_, Message> {
        let hidden = self.cart.len().saturating_sub(PAYING_LINES);
        let mut lines = Column::new().spacing(6);
        if hidden > 0 {
            let above = Say::LinesAbove(hidden).say(lang);
            lines = lines.push(text(above).size(theme::SMALL).color(theme::MUTED));
        }
        for (index, item) in self.cart.iter().enumerate().skip(hidden) {
            let amount = line_amount(priced, index);
            lines = lines.push(
                row![
                    text(format!("{} × {}", item.quantity, item.product.name))
                        .size(theme::TEXT)
                        .width(Fill),
                    text(amount).size(theme::TEXT).font(BOLD),
                ]
                .spacing(12),
            );
        }
        card(column![text(T::Item.get(lang)).size(theme::SMALL), lines].spacing(6))
    }

    fn totals(&self, lang: Lang) -> Element<'_, Message> {
        let mut totals = Column::new().spacing(6);
        let mut refusal = None;
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
                totals = totals.push(figure(
                    T::Discount.get(lang),
                    if discounts.is_positive() {
                        format!("-{discounts}")
                    } else {
                        "—".into()
                    },
                    theme::TEXT,
                ));
                if p.tax.is_positive() {
                    totals = totals.push(figure("PPN", p.tax.to_string(), theme::TEXT));
                }
                totals = totals.push(figure(T::Total.get(lang), p.total.to_string(), 30.0));
            }
            Err(error) => {
                if !self.cart.is_empty() {
                    refusal = Some(error.say(lang));
                }
                totals = totals.push(figure(T::Subtotal.get(lang), "—", theme::TEXT));
                totals = totals.push(figure(T::Discount.get(lang), "—", theme::TEXT));
                totals = totals.push(figure(T::Total.get(lang), "—", 30.0));
            }
        }
        totals = totals.push(
            container(match refusal {
                Some(error) => Element::from(text(error).size(theme::SMALL).color(theme::BAD)),
                None => Space::new().into(),
            })
            .height(TOTALS_MESSAGE)
            .clip(true),
        );
        let discount = text_input(T::SaleDiscountHint.get(lang), &self.sale_discount)
            .id(SALE_DISCOUNT)
            .on_input(Message::SaleDiscountChanged)
            .on_submit(Message::LineSubmitted(usize::MAX))
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
        // The offer to round the total for cash, always in the same place.
        let offer: Element<'_, Message> = match self.rounding_offer() {
            Some((target, _)) if self.panel == Panel::None => keyed(
                Say::RoundTo(target.to_string()).say(lang),
                "F3",
                Some(Message::RoundTotal),
            )
            .width(Fill)
            .style(button::secondary)
            .into(),
            _ => Space::new().height(theme::BUTTON).into(),
        };
        totals = totals.push(offer);
        card(totals)
    }

    fn side_panel(&self, lang: Lang) -> Element<'_, Message> {
        match &self.panel {
            Panel::None => self.actions(lang),
            Panel::Pay(payment) => self.pay_panel(payment, lang),
            Panel::Held(list) => held_panel(list, lang),
            Panel::Void(form) => self.void_panel(form, lang),
        }
    }

    fn actions(&self, lang: Lang) -> Element<'_, Message> {
        let has_cart = !self.cart.is_empty();
        let open = !matches!(self.today, Today::Closed { .. });
        let mut actions = column![
            keyed(
                T::Pay.get(lang),
                "F2",
                (has_cart && open).then_some(Message::OpenPay)
            )
            .style(button::success),
            keyed(
                if has_cart {
                    T::Hold.get(lang)
                } else {
                    T::HeldList.get(lang)
                },
                "F4",
                open.then_some(Message::HoldOrList)
            )
            .style(button::secondary),
            keyed(
                T::VoidReceipt.get(lang),
                "F8",
                open.then_some(Message::OpenVoid)
            )
            .style(button::secondary),
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
                    last = last.push(text(error.say(lang)).size(theme::SMALL).color(theme::BAD))
                }
                None => {}
            }
            last = last.push(
                keyed(T::Reprint.get(lang), "F7", Some(Message::Reprint)).style(button::secondary),
            );
            last = last.push(self.whatsapp_row(lang));
            match &self.whatsapp_sent {
                Some(Ok(_)) => {
                    last = last.push(text(T::WhatsAppOpened.get(lang)).size(theme::SMALL))
                }
                Some(Err(error)) => {
                    last = last.push(refusal_text(error.say(lang)));
                }
                None => {}
            }
            actions = actions.push(card(last));
        }
        actions.into()
    }

    /// The buyer's number and the key that opens the struk in WhatsApp.
    fn whatsapp_row(&self, lang: Lang) -> Element<'_, Message> {
        let typed = !self.whatsapp.trim().is_empty();
        row![
            text_input(T::WhatsAppNumber.get(lang), &self.whatsapp)
                .id(super::WHATSAPP)
                .on_input(Message::WhatsAppChanged)
                .on_submit(Message::SendWhatsApp)
                .padding(8)
                .width(Fill),
            keyed(
                "WhatsApp",
                "F6",
                Some(if typed {
                    Message::SendWhatsApp
                } else {
                    Message::FocusWhatsApp
                })
            )
            .style(button::secondary),
        ]
        .spacing(6)
        .align_y(Alignment::Center)
        .into()
    }

    fn pay_panel<'a>(&'a self, payment: &'a Payment, lang: Lang) -> Element<'a, Message> {
        let remaining = payment.remaining();
        let mut panel = column![
            figure(T::ToPay.get(lang), remaining.to_string(), theme::HEADING),
            pay_methods(payment, lang),
        ]
        .spacing(8);
        panel = match payment.method {
            PaymentMethod::Kasbon => {
                let kasbon = crate::money::Rupiah::parse(&payment.amount).unwrap_or(remaining);
                panel.push(super::kasbon::view(&payment.kasbon, kasbon, lang))
            }
            PaymentMethod::Cash => panel.push(quick_cash(payment, lang)),
            PaymentMethod::Qris => self.with_qris(panel, lang),
            _ => panel,
        };
        panel = with_entry(panel, payment, lang);
        panel = with_tenders(panel, payment, lang);
        card(self.with_settlement(panel, payment, lang))
    }

    /// The QRIS to scan, with what it carries; or that the stall has none.
    fn with_qris<'a>(&'a self, panel: Column<'a, Message>, lang: Lang) -> Column<'a, Message> {
        match self.qris.shown() {
            Some(shown) => {
                // Three pixels a module: a phone reads it from the
                // screen, and the confirm button stays on a 768-pixel one.
                let panel = panel.push(container(qr_code(&shown.data).cell_size(3)).center_x(Fill));
                match qris_note(shown.amount, self.qris.with_amount(), lang) {
                    Some(note) => panel.push(text(note).size(theme::SMALL).color(theme::MUTED)),
                    None => panel,
                }
            }
            None => panel.push(
                text(T::NoQris.get(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
            ),
        }
    }

    /// The change to give, the one refusal, and the key that finishes.
    fn with_settlement<'a>(
        &'a self,
        mut panel: Column<'a, Message>,
        payment: &'a Payment,
        lang: Lang,
    ) -> Column<'a, Message> {
        // One refusal at a time, in the room kept for it: the last try's
        // if there was one, else why the payment does not settle yet.
        let preview = payment.preview();
        let refusal = match (&payment.error, &preview) {
            (Some(error), _) => Some(error.say(lang)),
            (None, Err(error)) if !payment.amount.trim().is_empty() => Some(error.say(lang)),
            _ => None,
        };
        // Change comes only from cash: paying by QRIS, transfer or card the
        // row gives its room to the code and the confirm button.
        let gives_change = payment.method == PaymentMethod::Cash
            || preview.as_ref().is_ok_and(|s| s.change.is_positive());
        if gives_change {
            panel = panel.push(change_row(&preview, lang));
        }
        panel = panel.push(
            container(match refusal {
                Some(error) => Element::from(text(error).size(theme::TEXT).color(theme::BAD)),
                None => Space::new().into(),
            })
            .height(TOTALS_MESSAGE)
            .clip(true),
        );
        let ready = preview.is_ok() && !self.saving;
        panel.push(
            keyed(
                // For QRIS, transfer and card the cashier confirms the
                // buyer's payment went through.
                match payment.method {
                    PaymentMethod::Cash => T::Finish.get(lang),
                    // Credit is written down, not paid.
                    PaymentMethod::Kasbon => T::RecordKasbon.get(lang),
                    _ => T::ConfirmPaid.get(lang),
                },
                "Enter",
                ready.then_some(Message::Complete),
            )
            .style(button::success),
        )
    }

    fn void_panel<'a>(&'a self, form: &'a VoidForm, lang: Lang) -> Element<'a, Message> {
        let receipt = text_input("ST07-20261127-0001", &form.receipt)
            .id(VOID_RECEIPT)
            .on_input(Message::VoidReceiptChanged)
            .on_submit(Message::SubmitVoid)
            .padding(theme::PAD);
        let reason = text_input("", &form.reason)
            .id(VOID_REASON)
            .on_input(Message::VoidReasonChanged)
            .on_submit(Message::SubmitVoid)
            .padding(theme::PAD);
        let pin = text_input("PIN", &form.pin)
            .id(VOID_PIN)
            .on_input(Message::VoidPinChanged)
            .on_submit(Message::SubmitVoid)
            .secure(true)
            .padding(theme::PAD);
        // The sale the number names: its total, so the right one is voided.
        let sale: Element<'a, Message> = match &form.sale {
            Some(Ok(sale)) => {
                let mut summary = column![figure(
                    format!("{} · {}", sale.receipt, short_time(&sale.created_at)),
                    sale.total.to_string(),
                    theme::TEXT,
                )];
                summary = summary.push(
                    text(Say::SaleLines(sale.lines.len()).say(lang))
                        .size(theme::SMALL)
                        .color(theme::MUTED),
                );
                if sale.voided {
                    summary = summary.push(text(T::Voided.get(lang)).color(theme::BAD).font(BOLD));
                }
                summary.into()
            }
            Some(Err(error)) => text(error.say(lang))
                .size(theme::SMALL)
                .color(theme::BAD)
                .into(),
            None => Space::new().into(),
        };
        let panel = column![
            text(T::VoidTitle.get(lang)).size(theme::HEADING),
            text(T::Receipt.get(lang)).size(theme::SMALL),
            receipt,
            container(sale).height(48).clip(true),
            text(T::Reason.get(lang)).size(theme::SMALL),
            reason,
            text(T::ManagerPin.get(lang)).size(theme::SMALL),
            pin,
            message_line(form.error.as_ref().map(|e| e.say(lang))),
            keyed(
                T::VoidConfirm.get(lang),
                "Enter",
                (!form.voiding).then_some(Message::SubmitVoid)
            )
            .style(button::danger),
            keyed(T::Back.get(lang), "Esc", Some(Message::Back)).style(button::text),
        ]
        .spacing(8);
        card(panel)
    }
}

/// The titles over the cart's columns.
fn cart_header<'a>(lang: Lang) -> Element<'a, Message> {
    row![
        text(T::Item.get(lang)).size(theme::SMALL).width(Fill),
        text(T::Qty.get(lang)).size(theme::SMALL).width(68),
        text(T::Discount.get(lang)).size(theme::SMALL).width(76),
        text(T::Amount.get(lang))
            .size(theme::SMALL)
            .width(104)
            .align_x(Alignment::End),
        Space::new().width(34),
    ]
    .spacing(8)
    .padding(iced::Padding::ZERO.right(14))
    .into()
}

/// What a line comes to after its discount, or a dash when the cart cannot
/// be priced.
fn line_amount(priced: Option<&crate::domain::cart::PricedCart>, index: usize) -> String {
    priced
        .and_then(|p| p.lines.get(index))
        .map(|l| {
            l.gross
                .checked_sub(l.line_discount)
                .unwrap_or(l.gross)
                .to_string()
        })
        .unwrap_or_else(|| "—".into())
}

/// One line of the cart: the item, its quantity and discount to edit, its
/// amount, and the key that removes it.
fn cart_line<'a>(
    index: usize,
    item: &'a CartItem,
    priced: Option<&crate::domain::cart::PricedCart>,
    lang: Lang,
) -> Element<'a, Message> {
    row![
        line_item(item, lang),
        text_input("1", &item.quantity)
            .id(format!("cart-quantity-{index}"))
            .on_input(move |t| Message::QuantityChanged(index, t))
            .on_submit(Message::LineSubmitted(index))
            .padding(8)
            .width(68)
            .style(theme::field(item.quantity().is_err())),
        text_input("0", &item.discount)
            .id(format!("cart-discount-{index}"))
            .on_input(move |t| Message::LineDiscountChanged(index, t))
            .on_submit(Message::LineSubmitted(index))
            .padding(8)
            .width(76)
            .style(theme::field(item.discount().is_err())),
        text(line_amount(priced, index))
            .size(theme::TEXT)
            .font(BOLD)
            .width(104)
            .align_x(Alignment::End),
        button(text("×").size(theme::TEXT))
            .on_press(Message::RemoveLine(index))
            .padding([6, 10])
            .width(34)
            .style(button::danger),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

/// A line's name over its unit price: its harga grosir once the quantity
/// reaches a tier, said so, and whether it came from the scale.
fn line_item<'a>(item: &'a CartItem, lang: Lang) -> Element<'a, Message> {
    let unit_price = item
        .quantity()
        .map(|q| item.product.unit_price(q))
        .unwrap_or(item.product.price);
    let wholesale = if unit_price != item.product.price {
        format!(" · {}", T::Wholesale.get(lang))
    } else {
        String::new()
    };
    column![
        text(&item.product.name).size(theme::TEXT),
        text(format!(
            "{unit_price} / {}{wholesale}{}",
            item.product.unit.key(),
            item.scale
                .as_ref()
                .map(|_| format!(" · {}", T::FromScale.get(lang)))
                .unwrap_or_default()
        ))
        .size(theme::SMALL)
        .color(theme::MUTED),
    ]
    .width(Fill)
    .into()
}

/// The payment methods, each with its key.
fn pay_methods<'a>(payment: &'a Payment, lang: Lang) -> Element<'a, Message> {
    let method = |m: PaymentMethod, key: &'static str| {
        let style = if payment.method == m {
            button::primary
        } else {
            button::secondary
        };
        keyed_tile(method_short(m, lang), key, Some(Message::PayMethod(m))).style(style)
    };
    let methods = row![
        method(PaymentMethod::Cash, "F9"),
        method(PaymentMethod::Qris, "F10"),
        method(PaymentMethod::Transfer, "F11"),
        method(PaymentMethod::Card, "F12"),
    ]
    .spacing(4);
    // Kasbon on a row of its own: credit, not money in hand.
    column![methods, method(PaymentMethod::Kasbon, "F1")]
        .spacing(6)
        .into()
}

/// The quick cash amounts (F5–F8), *uang pas* first, two by two so long
/// amounts never run into each other.
fn quick_cash<'a>(payment: &Payment, lang: Lang) -> Element<'a, Message> {
    let keys = ["F5", "F6", "F7", "F8"];
    let mut tiles: Vec<Element<'a, Message>> = Vec::new();
    for (index, amount) in payment.quick_amounts().into_iter().enumerate().take(4) {
        let label = if index == 0 {
            T::ExactMoney.get(lang).to_string()
        } else {
            amount.to_string()
        };
        tiles.push(
            keyed_tile(label, keys[index], Some(Message::QuickCash(index)))
                .style(button::secondary)
                .into(),
        );
    }
    let mut grid = Column::new().spacing(6);
    let mut tiles = tiles.into_iter();
    while let Some(first) = tiles.next() {
        let second: Element<'a, Message> = tiles
            .next()
            .unwrap_or_else(|| Space::new().width(Fill).into());
        grid = grid.push(row![first, second].spacing(6));
    }
    grid.into()
}

/// The amount paid, the reference of a payment not in cash, and the
/// manager PIN when the discount needs it.
fn with_entry<'a>(
    panel: Column<'a, Message>,
    payment: &'a Payment,
    lang: Lang,
) -> Column<'a, Message> {
    let amount = text_input(T::AmountHint.get(lang), &payment.amount)
        .id(AMOUNT)
        .on_input(Message::AmountChanged)
        .on_submit(Message::Complete)
        .padding(theme::PAD)
        .size(22);
    let mut panel = panel.push(amount);
    if payment.method != PaymentMethod::Cash {
        panel = panel.push(
            text_input(T::ReferenceHint.get(lang), &payment.reference)
                .id(REFERENCE)
                .on_input(Message::ReferenceChanged)
                .on_submit(Message::Complete)
                .padding(theme::PAD),
        );
    }
    if let Some(approval) = &payment.approval {
        let said = Say::PinNeededFor(approval.to_string(), approval.english()).say(lang);
        panel = panel.push(
            column![
                refusal_text(said),
                text_input(T::ManagerPin.get(lang), &payment.pin)
                    .id(super::DISCOUNT_PIN)
                    .secure(true)
                    .on_input(Message::DiscountPinChanged)
                    .on_submit(Message::Complete)
                    .padding(8),
            ]
            .spacing(4),
        );
    }
    panel
}

/// The payments of a split put down so far, and the keys to add one or go
/// back.
fn with_tenders<'a>(
    mut panel: Column<'a, Message>,
    payment: &'a Payment,
    lang: Lang,
) -> Column<'a, Message> {
    for (index, tender) in payment.tenders.iter().enumerate() {
        panel = panel.push(
            row![
                text(format!(
                    "{} {}",
                    method_name(tender.method, lang),
                    tender.amount
                ))
                .size(theme::TEXT)
                .width(Fill),
                button(text("×"))
                    .on_press(Message::RemoveTender(index))
                    .style(button::danger),
            ]
            .align_y(Alignment::Center),
        );
    }
    panel.push(
        row![
            // Shares of the panel's width, so "Bayar sebagian" keeps
            // to one line.
            keyed(T::AddSplit.get(lang), "F3", Some(Message::AddTender))
                .style(button::secondary)
                .width(FillPortion(3)),
            keyed(T::Back.get(lang), "Esc", Some(Message::Back))
                .style(button::text)
                .width(FillPortion(2)),
        ]
        .spacing(6),
    )
}

/// The change to give, large, or a dash while the payment does not settle.
fn change_row<'a>(
    preview: &Result<crate::domain::payment::Settlement, crate::ui::refusal::Refusal>,
    lang: Lang,
) -> Element<'a, Message> {
    let change = preview
        .as_ref()
        .map(|s| s.change.to_string())
        .unwrap_or_else(|_| "—".into());
    row![
        text(T::Change.get(lang))
            .size(theme::TEXT)
            .color(theme::MUTED)
            .width(Fill),
        text(change).size(theme::HUGE).font(BOLD).color(theme::GOOD),
    ]
    .align_y(Alignment::Center)
    .into()
}

fn held_panel(list: &HeldList, lang: Lang) -> Element<'_, Message> {
    let mut rows = Column::new()
        .spacing(8)
        .push(text(T::HeldCarts.get(lang)).size(theme::HEADING))
        .push(
            text(T::HeldHint.get(lang))
                .size(theme::SMALL)
                .color(theme::MUTED),
        );
    for (index, (sale, total)) in list.carts.iter().enumerate() {
        let count: usize = sale.items.len();
        let line = button(
            column![
                row![
                    text(Say::HeldAt(short_time(&sale.created_at)).say(lang))
                        .size(theme::TEXT)
                        .font(BOLD)
                        .width(Fill),
                    text(
                        total
                            .map(|t| t.to_string())
                            .unwrap_or_else(|| "—".to_string())
                    )
                    .size(theme::TEXT)
                    .font(BOLD),
                ],
                text(Say::SaleLines(count).say(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
            ]
            .spacing(2),
        )
        .on_press(Message::Resume(sale.id))
        .padding(10)
        .width(Fill)
        .style(button::text);
        rows = rows.push(if index == list.highlighted {
            container(line).style(theme::highlight).into()
        } else {
            Element::from(line)
        });
    }
    rows = rows.push(keyed(T::Back.get(lang), "Esc", Some(Message::Back)).style(button::secondary));
    card(rows)
}

/// `07:09` from a stored time.
fn short_time(stamp: &str) -> String {
    stamp.get(11..16).unwrap_or(stamp).to_string()
}

/// Under the QRIS code: the amount it carries, with the reminder that the
/// money must be seen to arrive; or, when codes carry the amount but this
/// one cannot (above QRIS's limit), that the buyer types it.
fn qris_note(amount: Option<Rupiah>, with_amount: bool, lang: Lang) -> Option<String> {
    match (amount, lang) {
        (Some(amount), Lang::Id) => Some(format!("QRIS berisi {amount}: cek uang masuk.")),
        (Some(amount), Lang::En) => Some(format!("The QRIS carries {amount}: check it arrived.")),
        (None, Lang::Id) if with_amount => {
            Some("QRIS tanpa jumlah: pembeli mengetik jumlahnya.".into())
        }
        (None, Lang::En) if with_amount => {
            Some("A QRIS without the amount: the buyer types it in.".into())
        }
        (None, _) => None,
    }
}
