//! How the producers screen looks: the list with balances on the left; on
//! the right the producer shown (details, statement, payout), the producer
//! form, or the handover form with its item picker.

use iced::widget::{Column, Space, button, column, pick_list, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};

use super::{
    AMOUNT, FORM_BANK, FORM_CODE, FORM_NAME, FORM_NIB, FORM_PHONE, FROM, HandoverForm, Message,
    NOTE, Outcome, PICK, PIN, Panel, Penitip, ProducerForm, QUANTITY, REFERENCE, SEARCH,
    method_name,
};
use crate::domain::consign::PayoutMethod;
use crate::domain::regency::REGENCIES;
use crate::store::{HandoverKind, ProducerStatement, Product};
use crate::ui::i18n::{Lang, T};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, figure, keyed, keyed_tile, with_key};

impl Penitip {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let header = row![
            text(T::ProducersConsignment.get(lang))
                .size(theme::HEADING)
                .width(Fill),
            text_input(T::FindANameCodeOrRegency.get(lang), &self.search)
                .id(SEARCH)
                .on_input(Message::SearchChanged)
                .on_submit(Message::PickHighlighted)
                .padding(10)
                .width(300),
            keyed(T::NewProducer.get(lang), "F3", Some(Message::OpenNew)).width(230),
        ]
        .spacing(theme::GAP)
        .align_y(Alignment::Center);
        let outcome: Element<'_, Message> = match &self.outcome {
            Some(Outcome::Refused(refusal)) => text(refusal.say(lang))
                .size(theme::TEXT)
                .color(theme::BAD)
                .into(),
            Some(outcome) => text(outcome.say(lang))
                .size(theme::TEXT)
                .color(theme::GOOD)
                .into(),
            None => Space::new().into(),
        };
        let right: Element<'_, Message> = match (&self.panel, &self.selected) {
            (Panel::Form(form), _) => producer_form(form, lang),
            (Panel::Handover(form), _) => handover_form(form, self.busy, lang),
            (Panel::Shown, Some(shown)) => self.shown(shown, lang),
            _ => card(
                text(T::PickAProducerToSeeTheir.get(lang))
                    .size(theme::TEXT)
                    .color(theme::MUTED),
            ),
        };
        scrollable(
            column![
                header,
                outcome,
                row![
                    column![self.list(lang)].width(FillPortion(2)),
                    column![right].width(FillPortion(3)),
                ]
                .spacing(16)
            ]
            .spacing(theme::GAP)
            .padding(16),
        )
        .id(super::SCROLL)
        .into()
    }

    fn list(&self, lang: Lang) -> Element<'_, Message> {
        let mut list = Column::new().spacing(4).push(
            row![
                text(T::Producer.get(lang))
                    .size(theme::SMALL)
                    .width(FillPortion(3)),
                text(T::Balance.get(lang))
                    .size(theme::SMALL)
                    .width(FillPortion(2))
                    .align_x(Alignment::End),
            ]
            .spacing(8)
            .padding([0, 10]),
        );
        if self.list.is_empty() {
            list = list.push(
                text(T::NoProducersYet.get(lang))
                    .size(theme::TEXT)
                    .color(theme::MUTED),
            );
        }
        for (index, producer) in self.list.iter().enumerate() {
            let chosen = self
                .selected
                .as_ref()
                .is_some_and(|s| s.producer.code == producer.producer);
            let quiet = if chosen {
                iced::Color::WHITE
            } else {
                theme::MUTED
            };
            let who = column![
                text(format!("{} · {}", producer.producer, producer.name))
                    .size(theme::SMALL)
                    .font(BOLD),
                text(producer.regency_name.clone())
                    .size(theme::SMALL)
                    .color(quiet),
            ]
            .width(FillPortion(3));
            let money = column![
                text(producer.balance.to_string())
                    .size(theme::SMALL)
                    .font(BOLD),
                text(format!("{} {}", T::OwedShort.get(lang), producer.owed))
                    .size(theme::SMALL)
                    .color(quiet),
                text(format!("{} {}", T::PaidShort.get(lang), producer.paid))
                    .size(theme::SMALL)
                    .color(quiet),
            ]
            .align_x(Alignment::End)
            .width(FillPortion(2));
            let line = button(row![who, money].spacing(8).align_y(Alignment::Center))
                .width(Fill)
                .padding([8, 10])
                .on_press(Message::Select(producer.producer.clone()))
                .style(if chosen {
                    button::primary
                } else {
                    button::secondary
                });
            // The row ↑/↓ are on, and Enter shows.
            list = list.push(if index == self.highlighted {
                Element::from(
                    iced::widget::container(line)
                        .padding(3)
                        .style(theme::highlight),
                )
            } else {
                Element::from(line)
            });
        }
        card(list)
    }

    fn shown<'a>(&'a self, shown: &'a ProducerStatement, lang: Lang) -> Element<'a, Message> {
        let p = &shown.producer;
        let mut details = format!("{} · {} {}", p.code, p.regency, p.regency_name);
        if let Some(nib) = &p.nib {
            details += &format!(" · NIB {nib}");
        }
        let mut contact = Vec::new();
        if let Some(phone) = &p.phone {
            contact.push(phone.clone());
        }
        if let Some(bank) = &p.bank {
            contact.push(bank.clone());
        }
        let info = column![
            row![
                text(p.name.clone())
                    .size(theme::HEADING)
                    .font(BOLD)
                    .width(Fill),
                button(with_key(T::Edit.get(lang), "F8", theme::SMALL))
                    .padding([6, 12])
                    .on_press(Message::OpenEdit)
                    .style(button::secondary),
            ]
            .align_y(Alignment::Center),
            text(details).size(theme::SMALL).color(theme::MUTED),
            text(contact.join(" · "))
                .size(theme::SMALL)
                .color(theme::MUTED),
            figure(
                T::BalanceOwedPaid.get(lang),
                shown.balance.to_string(),
                theme::HEADING
            ),
            row![
                keyed(
                    T::TakeInGoods.get(lang),
                    "F5",
                    Some(Message::OpenHandover(HandoverKind::Intake))
                ),
                keyed(
                    T::HandBackGoods.get(lang),
                    "F6",
                    Some(Message::OpenHandover(HandoverKind::Handback))
                )
                .style(button::secondary),
            ]
            .spacing(6),
        ]
        .spacing(6);
        column![
            card(info),
            self.pay_card(shown, lang),
            statement(shown, &self.from, lang)
        ]
        .spacing(theme::GAP)
        .into()
    }

    fn pay_card<'a>(&'a self, shown: &'a ProducerStatement, lang: Lang) -> Element<'a, Message> {
        let method = self.method.unwrap_or(PayoutMethod::Cash);
        let tile = |m: PayoutMethod, key: &'static str| {
            button(
                column![
                    text(method_name(m, lang)).size(theme::TEXT),
                    text(key).size(theme::SMALL).font(BOLD),
                ]
                .align_x(Alignment::Center)
                .width(Fill),
            )
            .padding([6, 6])
            .width(Fill)
            .on_press(Message::MethodChanged(m))
            .style(if m == method {
                button::primary
            } else {
                button::secondary
            })
        };
        let mut pay = column![
            text(T::PayTheProducer.get(lang))
                .size(theme::TEXT)
                .font(BOLD),
            row![
                tile(PayoutMethod::Cash, "F9"),
                tile(PayoutMethod::Transfer, "F10")
            ]
            .spacing(6),
            row![
                text_input(T::FieldAmount.get(lang), &self.amount)
                    .id(AMOUNT)
                    .on_input(Message::AmountChanged)
                    .on_submit(Message::Pay)
                    .padding(10)
                    .size(theme::TEXT),
                button(with_key(T::All.get(lang), "F4", theme::TEXT))
                    .padding(10)
                    .on_press(Message::PayAll)
                    .style(button::secondary),
            ]
            .spacing(6),
        ]
        .spacing(8);
        if method == PayoutMethod::Transfer {
            pay = pay.push(
                text_input(T::TransferReferenceRequired.get(lang), &self.reference)
                    .id(REFERENCE)
                    .on_input(Message::ReferenceChanged)
                    .on_submit(Message::Pay)
                    .padding(10),
            );
        }
        pay = pay.push(
            row![
                text_input(T::FieldPin.get(lang), &self.pin)
                    .id(PIN)
                    .secure(true)
                    .on_input(Message::PinChanged)
                    .on_submit(Message::Pay)
                    .padding(10)
                    .width(160),
                keyed(
                    T::Pay.get(lang),
                    "Enter",
                    (!self.busy && shown.balance.is_positive()).then_some(Message::Pay),
                )
                .width(Fill),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        );
        card(pay)
    }
}

/// The statement on screen: per product, then the money.
fn statement<'a>(shown: &'a ProducerStatement, from: &'a str, lang: Lang) -> Element<'a, Message> {
    card(
        column![
            statement_table(shown, from, lang),
            statement_figures(shown, lang),
            statement_history(shown, lang)
        ]
        .spacing(10),
    )
}

/// One cell of a table: a share of the width, figures right.
fn cell<'a>(t: String, portion: u16, right: bool) -> iced::widget::Text<'a> {
    let t = text(t).size(theme::SMALL).width(FillPortion(portion));
    if right { t.align_x(Alignment::End) } else { t }
}

/// The statement's title, the first day and the print key.
fn statement_header<'a>(
    shown: &'a ProducerStatement,
    from: &'a str,
    lang: Lang,
) -> Element<'a, Message> {
    row![
        text(T::ConsignmentStatement.get(lang))
            .size(theme::TEXT)
            .font(BOLD)
            .width(Fill),
        text_input(T::FromDay.get(lang), from)
            .id(FROM)
            .on_input(Message::FromChanged)
            .padding(6)
            .width(150),
        text(format!("s/d {}", shown.to)).size(theme::SMALL),
        keyed_tile(T::Print.get(lang), "F7", Some(Message::PrintStatement))
            .width(110)
            .style(button::secondary),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

/// One line of the statement's table; the opening column only when the
/// statement starts on a day (from the beginning every opening is nought).
fn statement_line<'a>(cells: [String; 8], opening: bool) -> Element<'a, Message> {
    let [name, open, received, sold, back, returned, left, owed] = cells;
    let mut line = row![cell(name, 6, false)].spacing(4);
    if opening {
        line = line.push(cell(open, 2, true));
    }
    line.push(cell(received, 2, true))
        .push(cell(sold, 2, true))
        .push(cell(back, 2, true))
        .push(cell(returned, 3, true))
        .push(cell(left, 2, true))
        .push(cell(owed, 4, true))
        .into()
}

/// The header, then per product what came in, sold, went back and is owed.
fn statement_table<'a>(
    shown: &'a ProducerStatement,
    from: &'a str,
    lang: Lang,
) -> Column<'a, Message> {
    let mut table = Column::new()
        .spacing(4)
        .push(statement_header(shown, from, lang));
    // From the beginning every opening is nought: the column is left out.
    let opening = shown.from.is_some();
    table = table.push(statement_line(
        [
            T::Item.get(lang).into(),
            T::Open.get(lang).into(),
            T::In.get(lang).into(),
            T::Sold.get(lang).into(),
            T::ReturnedBack.get(lang).into(),
            T::Handed.get(lang).into(),
            T::Left.get(lang).into(),
            T::OwedHeading.get(lang).into(),
        ],
        opening,
    ));
    for p in &shown.products {
        table = table.push(statement_line(
            [
                format!("{} {}", p.sku, p.name),
                p.opening.to_string(),
                p.received.to_string(),
                p.sold.to_string(),
                p.buyer_returns.to_string(),
                p.returned.to_string(),
                p.remaining.to_string(),
                p.owed.to_string(),
            ],
            opening,
        ));
    }
    table
}

/// The money: sales, opening balance, owed, paid and the balance.
fn statement_figures<'a>(shown: &ProducerStatement, lang: Lang) -> Column<'a, Message> {
    column![
        figure(
            T::SalesValue.get(lang),
            shown.sales_value.to_string(),
            theme::SMALL
        ),
        figure(
            T::OpeningBalance.get(lang),
            shown.opening_balance.to_string(),
            theme::SMALL
        ),
        figure(
            T::ProducerOwed.get(lang),
            shown.owed.to_string(),
            theme::SMALL
        ),
        figure(T::Paid.get(lang), shown.paid.to_string(), theme::SMALL),
        figure(T::Balance.get(lang), shown.balance.to_string(), theme::TEXT),
    ]
    .spacing(2)
}

/// The last five payouts, then the last five handover notes.
fn statement_history<'a>(shown: &ProducerStatement, lang: Lang) -> Column<'a, Message> {
    let mut history = Column::new().spacing(2);
    for payout in shown.payouts.iter().rev().take(5) {
        history = history.push(
            text(format!(
                "{} · {} {} {}",
                payout
                    .created_at
                    .get(..16)
                    .unwrap_or_default()
                    .replace('T', " "),
                T::PaidShort.get(lang),
                payout.amount,
                method_name(payout.method, lang)
            ))
            .size(theme::SMALL)
            .color(theme::MUTED),
        );
    }
    for (number, kind, day) in shown.notes.iter().rev().take(5) {
        let what = match kind {
            HandoverKind::Intake => T::GoodsIn.get(lang),
            HandoverKind::Handback => T::HandedBack.get(lang),
        };
        history = history.push(
            text(format!("{day} · {number} {what}"))
                .size(theme::SMALL)
                .color(theme::MUTED),
        );
    }
    history
}

fn producer_form(form: &ProducerForm, lang: Lang) -> Element<'_, Message> {
    let field = |id: &'static str, label: &'static str, value: &str, on: fn(String) -> Message| {
        column![
            text(label).size(theme::SMALL).color(theme::MUTED),
            text_input("", value)
                .id(id)
                .on_input(on)
                .on_submit(Message::SaveForm)
                .padding(10)
                .size(theme::TEXT),
        ]
        .spacing(4)
    };
    let title = match form.editing {
        Some(_) => T::ChangeProducer.get(lang),
        None => T::NewProducerTitle.get(lang),
    };
    let code: Element<'_, Message> = match &form.editing {
        Some(code) => column![
            text(T::CodeFixed.get(lang))
                .size(theme::SMALL)
                .color(theme::MUTED),
            text(code.clone()).size(theme::TEXT).font(BOLD),
        ]
        .spacing(4)
        .into(),
        None => field(
            FORM_CODE,
            T::StallCodeShort.get(lang),
            &form.code,
            Message::FormCode,
        )
        .into(),
    };
    card(
        column![
            text(title).size(theme::TEXT).font(BOLD),
            code,
            field(FORM_NAME, T::Name.get(lang), &form.name, Message::FormName),
            column![
                text(T::RegencyOfOriginUpDown.get(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
                pick_list(REGENCIES, form.regency, Message::FormRegency)
                    .placeholder(T::Pick.get(lang))
                    .padding(10)
                    .width(Fill),
            ]
            .spacing(4),
            field(
                FORM_NIB,
                T::NibOptional.get(lang),
                &form.nib,
                Message::FormNib
            ),
            field(
                FORM_PHONE,
                T::Phone.get(lang),
                &form.phone,
                Message::FormPhone
            ),
            field(
                FORM_BANK,
                T::BankAccount.get(lang),
                &form.bank,
                Message::FormBank
            ),
            row![
                keyed(T::Save.get(lang), "Enter", Some(Message::SaveForm)).width(Fill),
                keyed(T::Cancel.get(lang), "Esc", Some(Message::Close)).style(button::text),
            ]
            .spacing(6),
        ]
        .spacing(8),
    )
}

fn quantity_field(index: usize, quantity: &str) -> Element<'_, Message> {
    let field = text_input("1", quantity)
        .on_input(move |t| Message::LineQuantity(index, t))
        .on_submit(Message::QuantityDone(index))
        .padding(6)
        .width(90);
    match QUANTITY.get(index) {
        Some(id) => field.id(*id).into(),
        None => field.into(),
    }
}

fn handover_form(form: &HandoverForm, busy: bool, lang: Lang) -> Element<'_, Message> {
    let title = match form.kind {
        HandoverKind::Intake => T::TakeInGoodsHandoverNote.get(lang),
        HandoverKind::Handback => T::HandBackGoodsHandoverNote.get(lang),
    };
    card(
        column![
            text(title).size(theme::TEXT).font(BOLD),
            text_input(T::FindProducersGoods.get(lang), &form.pick)
                .id(PICK)
                .on_input(Message::PickChanged)
                .on_submit(Message::PickFirst)
                .padding(10)
                .size(theme::TEXT),
            handover_picker(form, lang),
            text(T::GoodsOnTheNote.get(lang))
                .size(theme::SMALL)
                .font(BOLD),
            handover_lines(form, lang),
            text_input(T::FieldNote.get(lang), &form.note)
                .id(NOTE)
                .on_input(Message::NoteChanged)
                .on_submit(Message::SaveHandover)
                .padding(10),
            row![
                keyed(
                    T::SavePrint.get(lang),
                    "Enter",
                    (!busy && !form.lines.is_empty()).then_some(Message::SaveHandover)
                )
                .width(Fill),
                keyed(T::Cancel.get(lang), "Esc", Some(Message::Close)).style(button::text),
            ]
            .spacing(6),
        ]
        .spacing(8),
    )
}

/// The producer's goods that match what was typed, the highlighted one
/// first in colour.
fn handover_picker(form: &HandoverForm, lang: Lang) -> Column<'_, Message> {
    let mut picker = Column::new().spacing(4);
    if form.products.is_empty() {
        picker = picker.push(
            text(T::ThisProducerHasNoConsignedGoods.get(lang))
                .size(theme::SMALL)
                .color(theme::MUTED),
        );
    }
    for (index, product) in form
        .matching()
        .into_iter()
        .take(super::PICKER_ROWS)
        .enumerate()
    {
        picker = picker.push(picked_product(product, index == form.highlighted, lang));
    }
    picker
}

fn picked_product<'a>(product: &Product, highlighted: bool, lang: Lang) -> Element<'a, Message> {
    button(
        row![
            text(format!("{} {}", product.sku, product.name))
                .size(theme::SMALL)
                .width(Fill),
            text(format!(
                "{} {} {}",
                T::Stock.get(lang),
                product.stock,
                product.unit.key()
            ))
            .size(theme::SMALL)
            .color(theme::MUTED),
        ]
        .spacing(8),
    )
    .width(Fill)
    .padding([6, 10])
    .on_press(Message::PickProduct(product.sku.clone()))
    .style(if highlighted {
        button::primary
    } else {
        button::secondary
    })
    .into()
}

/// The goods on the note, each with its quantity and a key to take it off.
fn handover_lines(form: &HandoverForm, lang: Lang) -> Column<'_, Message> {
    let mut lines = Column::new().spacing(4);
    if form.lines.is_empty() {
        lines = lines.push(
            text(T::NoGoodsYetTypeAName.get(lang))
                .size(theme::SMALL)
                .color(theme::MUTED),
        );
    }
    for (index, (sku, name, unit, quantity)) in form.lines.iter().enumerate() {
        lines = lines.push(
            row![
                text(format!("{sku} {name}")).size(theme::SMALL).width(Fill),
                quantity_field(index, quantity),
                text(unit.clone()).size(theme::SMALL).width(40),
                button(text("✕").size(theme::SMALL))
                    .padding([4, 8])
                    .on_press(Message::RemoveLine(index))
                    .style(button::text),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        );
    }
    if !form.lines.is_empty() {
        lines = lines.push(
            text(T::HandoverKeysHint.get(lang))
                .size(theme::SMALL)
                .color(theme::MUTED),
        );
    }
    lines
}
