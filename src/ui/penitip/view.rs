//! How the producers screen looks: the list with balances on the left; on
//! the right the producer shown (details, statement, payout), the producer
//! form, or the handover form with its item picker.

use iced::widget::{Column, Space, button, column, pick_list, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};

use super::{
    AMOUNT, FORM_BANK, FORM_CODE, FORM_NAME, FORM_NIB, FORM_PHONE, FROM, HandoverForm, Message,
    NOTE, Outcome, PICK, PIN, Panel, Penitip, ProducerForm, QUANTITY, REFERENCE, SEARCH,
    method_name, tr,
};
use crate::domain::consign::PayoutMethod;
use crate::domain::regency::REGENCIES;
use crate::store::{HandoverKind, ProducerStatement};
use crate::ui::i18n::Lang;
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, figure, keyed, keyed_tile, with_key};

impl Penitip {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let header = row![
            text(tr(lang, "Penitip (titip jual)", "Producers (consignment)"))
                .size(theme::HEADING)
                .width(Fill),
            text_input(
                tr(
                    lang,
                    "Cari nama, kode atau asal",
                    "Find a name, code or regency"
                ),
                &self.search
            )
            .id(SEARCH)
            .on_input(Message::SearchChanged)
            .on_submit(Message::PickHighlighted)
            .padding(10)
            .width(300),
            keyed(
                tr(lang, "+ Penitip baru", "+ New producer"),
                "F3",
                Some(Message::OpenNew)
            )
            .width(230),
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
                text(tr(
                    lang,
                    "Pilih penitip untuk melihat laporannya, menerima atau mengembalikan barang, atau membayarnya.",
                    "Pick a producer to see their statement, take in or hand back goods, or pay them.",
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
                text(tr(lang, "Penitip", "Producer"))
                    .size(theme::SMALL)
                    .width(FillPortion(3)),
                text(tr(lang, "Saldo", "Balance"))
                    .size(theme::SMALL)
                    .width(FillPortion(2))
                    .align_x(Alignment::End),
            ]
            .spacing(8)
            .padding([0, 10]),
        );
        if self.list.is_empty() {
            list = list.push(
                text(tr(lang, "Belum ada penitip.", "No producers yet."))
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
                text(format!("{} {}", tr(lang, "hak", "owed"), producer.owed))
                    .size(theme::SMALL)
                    .color(quiet),
                text(format!("{} {}", tr(lang, "dibayar", "paid"), producer.paid))
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
                button(with_key(tr(lang, "Ubah", "Edit"), "F8", theme::SMALL))
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
                tr(lang, "Saldo (hak − dibayar)", "Balance (owed − paid)"),
                shown.balance.to_string(),
                theme::HEADING
            ),
            row![
                keyed(
                    tr(lang, "Terima titipan", "Take in goods"),
                    "F5",
                    Some(Message::OpenHandover(HandoverKind::Intake))
                ),
                keyed(
                    tr(lang, "Retur ke penitip", "Hand back goods"),
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
            text(tr(lang, "Bayar penitip", "Pay the producer"))
                .size(theme::TEXT)
                .font(BOLD),
            row![
                tile(PayoutMethod::Cash, "F9"),
                tile(PayoutMethod::Transfer, "F10")
            ]
            .spacing(6),
            row![
                text_input(tr(lang, "Jumlah (Rp)", "Amount (Rp)"), &self.amount)
                    .id(AMOUNT)
                    .on_input(Message::AmountChanged)
                    .on_submit(Message::Pay)
                    .padding(10)
                    .size(theme::TEXT),
                button(with_key(tr(lang, "Semua", "All"), "F4", theme::TEXT))
                    .padding(10)
                    .on_press(Message::PayAll)
                    .style(button::secondary),
            ]
            .spacing(6),
        ]
        .spacing(8);
        if method == PayoutMethod::Transfer {
            pay = pay.push(
                text_input(
                    tr(
                        lang,
                        "Referensi transfer (wajib)",
                        "Transfer reference (required)",
                    ),
                    &self.reference,
                )
                .id(REFERENCE)
                .on_input(Message::ReferenceChanged)
                .on_submit(Message::Pay)
                .padding(10),
            );
        }
        pay = pay.push(
            row![
                text_input(tr(lang, "PIN manajer", "Manager PIN"), &self.pin)
                    .id(PIN)
                    .secure(true)
                    .on_input(Message::PinChanged)
                    .on_submit(Message::Pay)
                    .padding(10)
                    .width(160),
                keyed(
                    tr(lang, "Bayar", "Pay"),
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
    let cell = |t: String, portion: u16, right: bool| {
        let t = text(t).size(theme::SMALL).width(FillPortion(portion));
        if right { t.align_x(Alignment::End) } else { t }
    };
    let mut table = Column::new().spacing(4).push(
        row![
            text(tr(lang, "Laporan titip jual", "Consignment statement"))
                .size(theme::TEXT)
                .font(BOLD)
                .width(Fill),
            text_input(tr(lang, "Dari YYYY-MM-DD", "From YYYY-MM-DD"), from)
                .id(FROM)
                .on_input(Message::FromChanged)
                .padding(6)
                .width(150),
            text(format!("s/d {}", shown.to)).size(theme::SMALL),
            keyed_tile(
                tr(lang, "Cetak", "Print"),
                "F7",
                Some(Message::PrintStatement)
            )
            .width(110)
            .style(button::secondary),
        ]
        .spacing(8)
        .align_y(Alignment::Center),
    );
    // From the beginning every opening is nought: the column is left out.
    let opening = shown.from.is_some();
    let line = |cells: [String; 8]| {
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
    };
    table = table.push(line([
        tr(lang, "Barang", "Item").into(),
        tr(lang, "Awal", "Open").into(),
        tr(lang, "Terima", "In").into(),
        tr(lang, "Terjual", "Sold").into(),
        tr(lang, "Retur", "Back").into(),
        tr(lang, "Kembali", "Handed").into(),
        tr(lang, "Sisa", "Left").into(),
        tr(lang, "Hak", "Owed").into(),
    ]));
    for p in &shown.products {
        table = table.push(line([
            format!("{} {}", p.sku, p.name),
            p.opening.to_string(),
            p.received.to_string(),
            p.sold.to_string(),
            p.buyer_returns.to_string(),
            p.returned.to_string(),
            p.remaining.to_string(),
            p.owed.to_string(),
        ]));
    }
    let figures = column![
        figure(
            tr(lang, "Nilai jual", "Sales value"),
            shown.sales_value.to_string(),
            theme::SMALL
        ),
        figure(
            tr(lang, "Saldo awal", "Opening balance"),
            shown.opening_balance.to_string(),
            theme::SMALL
        ),
        figure(
            tr(lang, "Hak penitip", "Owed"),
            shown.owed.to_string(),
            theme::SMALL
        ),
        figure(
            tr(lang, "Dibayar", "Paid"),
            shown.paid.to_string(),
            theme::SMALL
        ),
        figure(
            tr(lang, "Saldo", "Balance"),
            shown.balance.to_string(),
            theme::TEXT
        ),
    ]
    .spacing(2);
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
                tr(lang, "dibayar", "paid"),
                payout.amount,
                method_name(payout.method, lang)
            ))
            .size(theme::SMALL)
            .color(theme::MUTED),
        );
    }
    for (number, kind, day) in shown.notes.iter().rev().take(5) {
        let what = match kind {
            HandoverKind::Intake => tr(lang, "terima titipan", "goods in"),
            HandoverKind::Handback => tr(lang, "retur ke penitip", "handed back"),
        };
        history = history.push(
            text(format!("{day} · {number} {what}"))
                .size(theme::SMALL)
                .color(theme::MUTED),
        );
    }
    card(column![table, figures, history].spacing(10))
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
        Some(_) => tr(lang, "Ubah penitip", "Change producer"),
        None => tr(lang, "Penitip baru", "New producer"),
    };
    let code: Element<'_, Message> = match &form.editing {
        Some(code) => column![
            text(tr(lang, "Kode (tetap)", "Code (fixed)"))
                .size(theme::SMALL)
                .color(theme::MUTED),
            text(code.clone()).size(theme::TEXT).font(BOLD),
        ]
        .spacing(4)
        .into(),
        None => field(
            FORM_CODE,
            tr(lang, "Kode", "Code"),
            &form.code,
            Message::FormCode,
        )
        .into(),
    };
    card(
        column![
            text(title).size(theme::TEXT).font(BOLD),
            code,
            field(
                FORM_NAME,
                tr(lang, "Nama", "Name"),
                &form.name,
                Message::FormName
            ),
            column![
                text(tr(
                    lang,
                    "Kabupaten/kota asal (panah atas/bawah)",
                    "Regency of origin (Up/Down)"
                ))
                .size(theme::SMALL)
                .color(theme::MUTED),
                pick_list(REGENCIES, form.regency, Message::FormRegency)
                    .placeholder(tr(lang, "Pilih …", "Pick …"))
                    .padding(10)
                    .width(Fill),
            ]
            .spacing(4),
            field(
                FORM_NIB,
                tr(
                    lang,
                    "NIB (13 angka, boleh kosong)",
                    "NIB (13 digits, optional)"
                ),
                &form.nib,
                Message::FormNib
            ),
            field(
                FORM_PHONE,
                tr(lang, "Telepon", "Phone"),
                &form.phone,
                Message::FormPhone
            ),
            field(
                FORM_BANK,
                tr(lang, "Rekening bank", "Bank account"),
                &form.bank,
                Message::FormBank
            ),
            row![
                keyed(tr(lang, "Simpan", "Save"), "Enter", Some(Message::SaveForm)).width(Fill),
                keyed(tr(lang, "Batal", "Cancel"), "Esc", Some(Message::Close)).style(button::text),
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
        HandoverKind::Intake => tr(
            lang,
            "Terima titipan — berita acara serah terima",
            "Take in goods — handover note",
        ),
        HandoverKind::Handback => tr(
            lang,
            "Retur ke penitip — berita acara serah terima",
            "Hand back goods — handover note",
        ),
    };
    let mut picker = Column::new().spacing(4);
    if form.products.is_empty() {
        picker = picker.push(
            text(tr(
                lang,
                "Penitip ini belum punya barang titipan: tambahkan di Stok (F3) dengan kode penitipnya.",
                "This producer has no consigned goods yet: add them in Stok (F3) with the producer's code.",
            ))
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
        picker = picker.push(
            button(
                row![
                    text(format!("{} {}", product.sku, product.name))
                        .size(theme::SMALL)
                        .width(Fill),
                    text(format!(
                        "{} {} {}",
                        tr(lang, "stok", "stock"),
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
            .style(if index == form.highlighted {
                button::primary
            } else {
                button::secondary
            }),
        );
    }
    let mut lines = Column::new().spacing(4);
    if form.lines.is_empty() {
        lines = lines.push(
            text(tr(
                lang,
                "Belum ada barang: ketik nama atau SKU lalu Enter, atau klik barangnya.",
                "No goods yet: type a name or SKU and press Enter, or click the item.",
            ))
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
            text(tr(
                lang,
                "Jumlah 0 lalu Enter: hapus baris · Enter di kolom cari yang kosong: simpan",
                "Quantity 0 and Enter: remove the line · Enter in the empty search: save",
            ))
            .size(theme::SMALL)
            .color(theme::MUTED),
        );
    }
    card(
        column![
            text(title).size(theme::TEXT).font(BOLD),
            text_input(
                tr(
                    lang,
                    "Cari barang penitip ini…",
                    "Find this producer's goods…"
                ),
                &form.pick
            )
            .id(PICK)
            .on_input(Message::PickChanged)
            .on_submit(Message::PickFirst)
            .padding(10)
            .size(theme::TEXT),
            picker,
            text(tr(lang, "Barang di berita acara", "Goods on the note"))
                .size(theme::SMALL)
                .font(BOLD),
            lines,
            text_input(
                tr(lang, "Catatan (boleh kosong)", "Note (optional)"),
                &form.note
            )
            .id(NOTE)
            .on_input(Message::NoteChanged)
            .on_submit(Message::SaveHandover)
            .padding(10),
            row![
                keyed(
                    tr(lang, "Simpan & cetak", "Save & print"),
                    "Enter",
                    (!busy && !form.lines.is_empty()).then_some(Message::SaveHandover)
                )
                .width(Fill),
                keyed(tr(lang, "Batal", "Cancel"), "Esc", Some(Message::Close)).style(button::text),
            ]
            .spacing(6),
        ]
        .spacing(8),
    )
}
