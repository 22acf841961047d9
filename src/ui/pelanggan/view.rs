//! How the customers screen looks: the list with what each owes, and the
//! customer shown with the repayment form and the latest of the statement.

use iced::widget::{Column, Space, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};

use super::{
    AMOUNT, Message, NEW_CODE, NEW_LIMIT, NEW_NAME, NEW_PHONE, NEW_PIN, NewForm, Outcome,
    Pelanggan, REFERENCE, SEARCH, tr,
};
use crate::domain::customer::typed_limit_gives_credit;
use crate::domain::payment::PaymentMethod;
use crate::store::KasbonStatement;
use crate::ui::i18n::{Lang, method_name};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, figure, keyed, keyed_tile, with_key};

/// How many statement lines the screen shows (the PDF has them all).
const LATEST: usize = 8;

impl Pelanggan {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let header = row![
            text(tr(lang, "Pelanggan", "Customers"))
                .size(theme::HEADING)
                .width(Fill),
            text_input(
                tr(
                    lang,
                    "Cari nama, telepon atau kode",
                    "Find a name, phone or code"
                ),
                &self.search
            )
            .id(SEARCH)
            .on_input(Message::SearchChanged)
            .on_submit(Message::PickHighlighted)
            .padding(10)
            .width(320),
            keyed(
                tr(lang, "+ Pelanggan baru", "+ New customer"),
                "F3",
                Some(Message::OpenNew)
            )
            .width(250),
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
                text(tr(
                    lang,
                    "Pilih pelanggan untuk bayar kasbon atau melihat rekeningnya.",
                    "Pick a customer to take a repayment or see their statement.",
                ))
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
                cell(tr(lang, "Kode", "Code").into(), 2, false),
                cell(tr(lang, "Nama", "Name").into(), 4, false),
                cell(tr(lang, "Telepon", "Phone").into(), 5, false),
                cell(tr(lang, "Kasbon", "Owes").into(), 3, true),
                cell(tr(lang, "Batas", "Limit").into(), 3, true),
                cell(tr(lang, "Tertua", "Oldest").into(), 2, true),
            ]
            .spacing(8)
            .padding([0, 10]),
        );
        if self.list.is_empty() {
            list = list.push(
                text(tr(lang, "Belum ada pelanggan.", "No customers yet."))
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
                .map(|days| format!("{days} {}", tr(lang, "hr", "d")))
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
        let c = &shown.customer;
        let mut info = column![
            text(format!("{} ({})", c.name, c.code))
                .size(theme::HEADING)
                .font(BOLD),
            figure(
                tr(lang, "Sisa kasbon", "Owes"),
                c.balance.to_string(),
                theme::HEADING
            ),
            figure(
                tr(lang, "Batas kasbon", "Credit limit"),
                c.limit.to_string(),
                theme::TEXT
            ),
        ]
        .spacing(6);
        if let Some(phone) = &c.phone {
            info = info.push(figure(
                tr(lang, "Telepon", "Phone"),
                phone.clone(),
                theme::TEXT,
            ));
        }
        if let (Some(day), Some(age)) = (&c.oldest_unpaid, c.oldest_unpaid_days) {
            info = info.push(figure(
                tr(lang, "Tertua belum lunas", "Oldest unpaid"),
                format!("{day} ({age} {})", tr(lang, "hari", "days")),
                theme::TEXT,
            ));
        }
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
            text(tr(lang, "Bayar kasbon", "Repayment"))
                .size(theme::TEXT)
                .font(BOLD),
            row![
                tile(PaymentMethod::Cash, "F9"),
                tile(PaymentMethod::Qris, "F10"),
                tile(PaymentMethod::Transfer, "F11")
            ]
            .spacing(6),
            row![
                text_input(tr(lang, "Jumlah (Rp)", "Amount (Rp)"), &self.amount)
                    .id(AMOUNT)
                    .on_input(Message::AmountChanged)
                    .on_submit(Message::Pay)
                    .padding(10)
                    .size(theme::TEXT),
                button(with_key(tr(lang, "Lunas", "All"), "F4", theme::TEXT))
                    .padding(10)
                    .on_press(Message::PayAll)
                    .style(button::secondary),
            ]
            .spacing(6),
        ]
        .spacing(8);
        if method != PaymentMethod::Cash {
            pay = pay.push(
                text_input(
                    tr(lang, "Referensi (boleh kosong)", "Reference (optional)"),
                    &self.reference,
                )
                .id(REFERENCE)
                .on_input(Message::ReferenceChanged)
                .on_submit(Message::Pay)
                .padding(10),
            );
        }
        pay = pay.push(
            keyed(
                tr(lang, "Bayar kasbon", "Record repayment"),
                "Enter",
                (!self.busy && c.balance.is_positive()).then_some(Message::Pay),
            )
            .width(Fill),
        );
        let mut history = Column::new().spacing(4).push(
            row![
                text(tr(lang, "Rekening", "Statement"))
                    .size(theme::TEXT)
                    .font(BOLD)
                    .width(Fill),
                keyed_tile(
                    tr(lang, "Cetak rekening", "Print statement"),
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
        column![card(info), card(pay), card(history)]
            .spacing(theme::GAP)
            .into()
    }
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
            text(tr(lang, "Pelanggan baru", "New customer"))
                .size(theme::TEXT)
                .font(BOLD),
            field(
                NEW_CODE,
                tr(lang, "Kode", "Code"),
                &form.code,
                Message::NewCodeChanged
            ),
            field(
                NEW_NAME,
                tr(lang, "Nama", "Name"),
                &form.name,
                Message::NewNameChanged
            ),
            field(
                NEW_PHONE,
                tr(lang, "Telepon", "Phone"),
                &form.phone,
                Message::NewPhoneChanged
            ),
            field(
                NEW_LIMIT,
                tr(
                    lang,
                    "Batas kasbon (Rp; 0 = hanya dengan PIN)",
                    "Credit limit (Rp; 0 = only with the PIN)"
                ),
                &form.limit,
                Message::NewLimitChanged
            ),
            // Credit from the first sale asks the manager's PIN.
            typed_limit_gives_credit(&form.limit).then(|| column![
                text(tr(
                    lang,
                    "PIN manajer (memberi kasbon)",
                    "Manager PIN (gives credit)"
                ))
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
                keyed(tr(lang, "Simpan", "Save"), "Enter", Some(Message::SaveNew)).width(Fill),
                keyed(tr(lang, "Batal", "Cancel"), "Esc", Some(Message::CancelNew))
                    .style(button::text),
            ]
            .spacing(6),
        ]
        .spacing(8),
    )
}
