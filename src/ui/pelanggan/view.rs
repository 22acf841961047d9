//! How the customers screen looks: the list with what each owes, and the
//! customer shown with the repayment form and the latest of the statement.

use iced::widget::{Column, Space, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};

use super::{
    AMOUNT, Message, NEW_CODE, NEW_LIMIT, NEW_NAME, NEW_PHONE, NEW_PIN, NewForm, Outcome,
    Pelanggan, REFERENCE, SEARCH,
};
use crate::domain::customer::typed_limit_gives_credit;
use crate::domain::payment::PaymentMethod;
use crate::store::{CustomerBalance, KasbonStatement};
use crate::ui::i18n::{Lang, T, method_name};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, figure, keyed, keyed_tile, with_key};

/// How many statement lines the screen shows (the PDF has them all).
const LATEST: usize = 8;

impl Pelanggan {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let header = row![
            text(T::Pelanggan.get(lang))
                .size(theme::HEADING)
                .width(Fill),
            text_input(T::FindANamePhoneOrCode.get(lang), &self.search)
                .id(SEARCH)
                .on_input(Message::SearchChanged)
                .on_submit(Message::PickHighlighted)
                .padding(10)
                .width(320),
            keyed(T::NewCustomerButton.get(lang), "F3", Some(Message::OpenNew)).width(250),
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
        let right: Element<'_, Message> = match (&self.adding, &self.selected) {
            (Some(form), _) => new_form(form, lang),
            (None, Some(shown)) => self.shown(shown, lang),
            (None, None) => card(
                text(T::PickACustomerToTakeA.get(lang))
                    .size(theme::TEXT)
                    .color(theme::MUTED),
            ),
        };
        scrollable(
            column![
                header,
                outcome,
                row![
                    column![self.list(lang)].width(FillPortion(3)),
                    column![right].width(FillPortion(2)),
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
        let cell = |t: String, portion: u16, right: bool| {
            let t = text(t).size(theme::SMALL).width(FillPortion(portion));
            if right { t.align_x(Alignment::End) } else { t }
        };
        let mut list = Column::new().spacing(4).push(
            row![
                cell(T::StallCodeShort.get(lang).into(), 2, false),
                cell(T::Name.get(lang).into(), 4, false),
                cell(T::Phone.get(lang).into(), 5, false),
                cell(T::KasbonHeading.get(lang).into(), 3, true),
                cell(T::LimitHeading.get(lang).into(), 3, true),
                cell(T::Oldest.get(lang).into(), 2, true),
            ]
            .spacing(8)
            .padding([0, 10]),
        );
        if self.list.is_empty() {
            list = list.push(
                text(T::NoCustomersYet.get(lang))
                    .size(theme::TEXT)
                    .color(theme::MUTED),
            );
        }
        for (index, customer) in self.list.iter().enumerate() {
            let chosen = self
                .selected
                .as_ref()
                .is_some_and(|s| s.customer.code == customer.code);
            let oldest = customer
                .oldest_unpaid_days
                .map(|days| format!("{days} {}", T::D.get(lang)))
                .unwrap_or_else(|| "-".into());
            let owes = text(customer.balance.to_string())
                .size(theme::SMALL)
                .font(BOLD)
                .width(FillPortion(3))
                .align_x(Alignment::End);
            // Red on the chosen row's red is unreadable: there it keeps the
            // row's white (the panel beside it names the limit).
            let owes = if customer.balance > customer.limit && !chosen {
                owes.color(theme::BAD)
            } else {
                owes
            };
            let line = button(
                row![
                    cell(customer.code.clone(), 2, false),
                    cell(customer.name.clone(), 4, false),
                    cell(customer.phone.clone().unwrap_or_default(), 5, false),
                    owes,
                    cell(customer.limit.to_string(), 3, true),
                    cell(oldest, 2, true),
                ]
                .spacing(8),
            )
            .width(Fill)
            .padding([8, 10])
            .on_press(Message::Select(customer.code.clone()))
            .style(if chosen {
                button::primary
            } else {
                button::secondary
            });
            // The row ↑/↓ are on, and Enter shows.
            list = list.push(if index == self.highlighted {
                Element::from(container(line).padding(3).style(theme::highlight))
            } else {
                Element::from(line)
            });
        }
        card(list)
    }

    fn shown<'a>(&'a self, shown: &'a KasbonStatement, lang: Lang) -> Element<'a, Message> {
        column![
            card(customer_info(&shown.customer, lang)),
            card(self.repayment_form(&shown.customer, lang)),
            card(history(shown, lang)),
        ]
        .spacing(theme::GAP)
        .into()
    }

    /// Recording a repayment: the method, the amount, its reference.
    fn repayment_form<'a>(&'a self, c: &'a CustomerBalance, lang: Lang) -> Element<'a, Message> {
        let method = self.method.unwrap_or(PaymentMethod::Cash);
        let tile = |m: PaymentMethod, key: &'static str| {
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
            text(T::Repayment.get(lang)).size(theme::TEXT).font(BOLD),
            row![
                tile(PaymentMethod::Cash, "F9"),
                tile(PaymentMethod::Qris, "F10"),
                tile(PaymentMethod::Transfer, "F11")
            ]
            .spacing(6),
            row![
                text_input(T::FieldAmount.get(lang), &self.amount)
                    .id(AMOUNT)
                    .on_input(Message::AmountChanged)
                    .on_submit(Message::Pay)
                    .padding(10)
                    .size(theme::TEXT),
                button(with_key(T::PaidOff.get(lang), "F4", theme::TEXT))
                    .padding(10)
                    .on_press(Message::PayAll)
                    .style(button::secondary),
            ]
            .spacing(6),
        ]
        .spacing(8);
        if method != PaymentMethod::Cash {
            pay = pay.push(
                text_input(T::ReferenceHint.get(lang), &self.reference)
                    .id(REFERENCE)
                    .on_input(Message::ReferenceChanged)
                    .on_submit(Message::Pay)
                    .padding(10),
            );
        }
        pay = pay.push(
            keyed(
                T::RecordRepayment.get(lang),
                "Enter",
                (!self.busy && c.balance.is_positive()).then_some(Message::Pay),
            )
            .width(Fill),
        );
        pay.into()
    }
}

/// Who the customer is and what they owe.
fn customer_info(c: &CustomerBalance, lang: Lang) -> Element<'_, Message> {
    let mut info = column![
        text(format!("{} ({})", c.name, c.code))
            .size(theme::HEADING)
            .font(BOLD),
        figure(
            T::KasbonLeft.get(lang),
            c.balance.to_string(),
            theme::HEADING
        ),
        figure(T::CreditLimit.get(lang), c.limit.to_string(), theme::TEXT),
    ]
    .spacing(6);
    if let Some(phone) = &c.phone {
        info = info.push(figure(T::Phone.get(lang), phone.clone(), theme::TEXT));
    }
    if let (Some(day), Some(age)) = (&c.oldest_unpaid, c.oldest_unpaid_days) {
        info = info.push(figure(
            T::OldestUnpaid.get(lang),
            format!("{day} ({age} {})", T::Days.get(lang)),
            theme::TEXT,
        ));
    }
    info.into()
}

/// The statement's latest lines, with the key that prints it whole.
fn history(shown: &KasbonStatement, lang: Lang) -> Element<'_, Message> {
    let mut history = Column::new().spacing(4).push(
        row![
            text(T::Statement.get(lang))
                .size(theme::TEXT)
                .font(BOLD)
                .width(Fill),
            keyed_tile(
                T::PrintStatement.get(lang),
                "F6",
                Some(Message::PrintStatement)
            )
            .width(170)
            .style(button::secondary),
        ]
        .align_y(Alignment::Center),
    );
    let skip = shown.entries.len().saturating_sub(LATEST);
    for entry in shown.entries.iter().skip(skip) {
        // The receipt number on a line of its own: beside three other
        // columns it has no room at 1024×768 and runs into the amount.
        history = history.push(column![
            row![
                text(format!(
                    "{} {}",
                    entry.day.get(5..).unwrap_or(&entry.day),
                    entry.kind.label()
                ))
                .size(theme::SMALL)
                .width(Fill),
                text(entry.amount.to_string()).size(theme::SMALL),
                text(entry.balance.to_string())
                    .size(theme::SMALL)
                    .font(BOLD),
            ]
            .spacing(12),
            text(entry.reference.clone())
                .size(theme::SMALL)
                .color(theme::MUTED),
        ]);
    }
    history.into()
}

fn new_form(form: &NewForm, lang: Lang) -> Element<'_, Message> {
    let field = |id: &'static str, label: &'static str, value: &str, on: fn(String) -> Message| {
        column![
            text(label).size(theme::SMALL).color(theme::MUTED),
            text_input("", value)
                .id(id)
                .on_input(on)
                .on_submit(Message::SaveNew)
                .padding(10)
                .size(theme::TEXT),
        ]
        .spacing(4)
    };
    card(
        column![
            text(T::NewCustomer.get(lang)).size(theme::TEXT).font(BOLD),
            field(
                NEW_CODE,
                T::StallCodeShort.get(lang),
                &form.code,
                Message::NewCodeChanged
            ),
            field(
                NEW_NAME,
                T::Name.get(lang),
                &form.name,
                Message::NewNameChanged
            ),
            field(
                NEW_PHONE,
                T::Phone.get(lang),
                &form.phone,
                Message::NewPhoneChanged
            ),
            field(
                NEW_LIMIT,
                T::ZeroLimitHint.get(lang),
                &form.limit,
                Message::NewLimitChanged
            ),
            // Credit from the first sale asks the manager's PIN.
            typed_limit_gives_credit(&form.limit).then(|| column![
                text(T::PinGivesCredit.get(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
                text_input("", &form.pin)
                    .id(NEW_PIN)
                    .secure(true)
                    .on_input(Message::NewPinChanged)
                    .on_submit(Message::SaveNew)
                    .padding(10)
                    .size(theme::TEXT),
            ]
            .spacing(4)),
            row![
                keyed(T::Save.get(lang), "Enter", Some(Message::SaveNew)).width(Fill),
                keyed(T::Cancel.get(lang), "Esc", Some(Message::CancelNew)).style(button::text),
            ]
            .spacing(6),
        ]
        .spacing(8),
    )
}
