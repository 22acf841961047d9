//! How the stock screen looks: filters, the table, and a side panel for the
//! form, a movement or a ledger. The search has a line of its own, so a side
//! panel never squeezes it.

use iced::widget::{
    Column, Space, button, checkbox, column, container, pick_list, row, scrollable, text,
    text_input,
};
use iced::{Alignment, Element, Fill, FillPortion, Length};

use super::{
    Field, LabelMessage, Message, MovementForm, MovementKind, ProductForm, SEARCH, SortBy, Stok,
};
use crate::store::{Product, StockMovement};
use crate::ui::i18n::{Lang, T, movement_name, program_note};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, keyed, notice_when_any, refusal_text, with_key};

/// Width of the row of action buttons, the same in the header and the rows.
/// The id of the table's scrolling rows, which ↑/↓ keep the highlighted
/// row in.
pub(super) const ROWS: &str = "stok_rows";
const ACTIONS: f32 = 380.0;
/// Width of the box that ticks a row for price labels.
const PICK: f32 = 28.0;

impl Stok {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let table = column![
            self.filters(lang),
            notice_when_any(&self.notice, lang),
            self.table(lang)
        ]
        .spacing(theme::GAP)
        .width(FillPortion(3));
        let side: Option<Element<'_, Message>> = if let Some(form) = &self.form {
            Some(product_form(form, lang))
        } else if let Some(movement) = &self.movement {
            Some(movement_form(movement, lang))
        } else if self.labels.open {
            Some(self.labels.view(lang).map(Message::Labels))
        } else {
            self.ledger
                .as_ref()
                .map(|(product, movements)| ledger(product, movements, lang))
        };
        let mut body = row![table].spacing(16).padding(16).height(Fill);
        if let Some(side) = side {
            body = body.push(
                scrollable(column![side].padding(iced::Padding::ZERO.right(12)))
                    .width(FillPortion(2)),
            );
        }
        body.into()
    }

    fn filters(&self, lang: Lang) -> Element<'_, Message> {
        let all = T::AllCategories.get(lang).to_string();
        let mut options = vec![all.clone()];
        if let Some(page) = &self.page {
            options.extend(page.categories.iter().cloned());
        }
        let selected = Some(self.category.clone().unwrap_or_else(|| all.clone()));
        let categories = pick_list(options, selected, move |picked: String| {
            Message::CategoryPicked(if picked == all { String::new() } else { picked })
        })
        .padding(10);
        column![
            text_input(T::StockSearch.get(lang), &self.search)
                .id(SEARCH)
                .on_input(Message::SearchChanged)
                .on_submit(Message::SearchSubmitted)
                .padding(theme::PAD)
                .width(Fill),
            row![
                keyed(T::AddProduct.get(lang), "F3", Some(Message::NewProduct))
                    .width(220)
                    .style(button::success),
                categories,
                text("F1").size(theme::SMALL).font(BOLD),
                checkbox(self.low_only)
                    .label(T::LowOnly.get(lang))
                    .on_toggle(Message::LowOnlyToggled),
                text("F2").size(theme::SMALL).font(BOLD),
                button(with_key(
                    // Ticking a row is F9: said where the labels are.
                    format!(
                        "{} ({}) · {}",
                        T::PrintLabels.get(lang),
                        self.labels.picks.len(),
                        T::TickWithF9.get(lang)
                    ),
                    "F11",
                    theme::SMALL
                ))
                .on_press_maybe(
                    (!self.labels.picks.is_empty()).then_some(Message::Labels(LabelMessage::Open))
                )
                .padding(10)
                .style(button::secondary),
            ]
            .spacing(theme::GAP)
            .align_y(Alignment::Center)
            .wrap(),
            row![
                text_input(T::CsvPath.get(lang), &self.csv_path)
                    .id("csv-path")
                    .on_input(Message::CsvPathChanged)
                    .on_submit(Message::ImportCsv)
                    .padding(10)
                    .width(Fill),
                // Prices changed by a file are the manager's.
                text_input(T::CsvPin.get(lang), &self.csv_pin)
                    .id("csv-pin")
                    .secure(true)
                    .on_input(Message::CsvPinChanged)
                    .on_submit(Message::ImportCsv)
                    .padding(10)
                    .width(150),
                button(with_key(T::ImportCsv.get(lang), "F10", theme::SMALL))
                    .on_press(Message::ImportCsv)
                    .padding(10)
                    .style(button::secondary),
                button(with_key(T::ExportCsv.get(lang), "F12", theme::SMALL))
                    .on_press(Message::ExportCsv)
                    .padding(10)
                    .style(button::secondary),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        ]
        .spacing(8)
        .into()
    }

    fn table(&self, lang: Lang) -> Element<'_, Message> {
        let panel_open = self.form.is_some()
            || self.movement.is_some()
            || self.ledger.is_some()
            || self.labels.open;
        let Some(page) = &self.page else {
            return text(T::Opening.get(lang)).into();
        };
        let sort = |by: SortBy, label: T, width: Length| {
            let arrow = if self.sort == by {
                if self.descending { " ˅" } else { " ˄" }
            } else {
                ""
            };
            button(
                text(format!("{}{arrow}", label.get(lang)))
                    .size(theme::SMALL)
                    .font(BOLD),
            )
            .on_press(Message::SortBy(by))
            .style(button::text)
            .width(width)
        };
        let header = row![
            text("F4").size(theme::SMALL).font(BOLD).width(PICK),
            sort(SortBy::Sku, T::Sku, 110.into()),
            sort(SortBy::Name, T::Name, Fill),
            sort(SortBy::Price, T::SellPrice, 120.into()),
            sort(SortBy::Stock, T::StockColumn, 110.into()),
            Space::new().width(if panel_open { 0.0 } else { ACTIONS }),
        ]
        .spacing(6)
        // The rows below sit left of the scrollbar and its margin.
        .padding(iced::Padding::ZERO.right(26));
        let mut rows = Column::new().spacing(4);
        if page.products.is_empty() {
            rows = rows.push(
                text(T::NoProductsFound.get(lang))
                    .size(theme::TEXT)
                    .color(theme::MUTED),
            );
        }
        for (index, product) in page.products.iter().enumerate() {
            let picked = self.labels.is_picked(&product.sku);
            let line = product_row(
                product,
                lang,
                !panel_open,
                index == self.highlighted,
                picked,
            );
            rows = rows.push(if index == self.highlighted {
                container(line).style(theme::highlight).into()
            } else {
                line
            });
        }
        let count = text(format!(
            "{} {}–{} {} {} · {}",
            T::ShowingFirst.get(lang),
            (self.offset + 1).min(page.total),
            self.offset + page.products.len(),
            T::Of.get(lang),
            page.total,
            T::RowKeys.get(lang)
        ))
        .size(theme::SMALL)
        .color(theme::MUTED);
        // Room on the right so the scrollbar never covers the last button.
        card(
            column![
                header,
                scrollable(rows.padding(iced::Padding::ZERO.right(16)))
                    .id(ROWS)
                    .height(Fill),
                count
            ]
            .spacing(6),
        )
    }
}

/// A row of the table; the action buttons only while no side panel needs
/// the room; the highlighted row's buttons show their keys.
fn product_row(
    product: &Product,
    lang: Lang,
    actions: bool,
    highlighted: bool,
    picked: bool,
) -> Element<'_, Message> {
    let line = product_cells(product, lang, picked);
    if actions {
        line.push(row_actions(&product.sku, lang, highlighted))
            .into()
    } else {
        line.into()
    }
}

/// The label tick, the SKU, the name and whose goods, the price and the
/// stock (red when low).
fn product_cells(product: &Product, lang: Lang, picked: bool) -> iced::widget::Row<'_, Message> {
    let stock_color = if product.is_low() {
        theme::BAD
    } else {
        theme::MUTED
    };
    let low = if product.is_low() {
        format!(" · {}", T::Low.get(lang))
    } else {
        String::new()
    };
    let for_label = product.clone();
    row![
        checkbox(picked)
            .on_toggle(move |_| Message::Labels(LabelMessage::Toggle(for_label.clone())))
            .width(PICK),
        text(&product.sku).size(theme::SMALL).width(110),
        column![
            text(&product.name).size(theme::TEXT),
            text(match &product.producer {
                // Titip jual: whose goods these are.
                Some(producer) =>
                    format!("{} · {} {producer}", product.category, T::Penitip.get(lang)),
                None => product.category.clone(),
            })
            .size(theme::SMALL)
            .color(theme::MUTED)
        ]
        .width(Fill),
        text(product.price.to_string()).size(theme::TEXT).width(120),
        text(format!("{} {}{low}", product.stock, product.unit))
            .size(theme::TEXT)
            .color(stock_color)
            .width(110),
    ]
    .spacing(6)
    .align_y(Alignment::Center)
}

/// A row's buttons: edit, receive, adjust, count and the ledger.
fn row_actions<'a>(sku: &str, lang: Lang, highlighted: bool) -> Element<'a, Message> {
    let action = |label: T, key: &str, message: Message| {
        let label = if highlighted {
            format!("{} {key}", label.get(lang))
        } else {
            label.get(lang).to_string()
        };
        button(text(label).size(theme::SMALL))
            .on_press(message)
            .padding([8, 8])
            .style(button::secondary)
    };
    let sku = sku.to_string();
    row![
        action(T::Edit, "Enter", Message::EditProduct(sku.clone())),
        action(
            T::ReceiveShort,
            "F5",
            Message::OpenMovement(MovementKind::Receive, sku.clone())
        ),
        action(
            T::AdjustShort,
            "F6",
            Message::OpenMovement(MovementKind::Adjust, sku.clone())
        ),
        action(
            T::CountShort,
            "F7",
            Message::OpenMovement(MovementKind::Count, sku.clone())
        ),
        action(T::LedgerShort, "F8", Message::ShowLedger(sku)),
    ]
    .spacing(4)
    .width(ACTIONS)
    .wrap()
    .into()
}

/// One field of the product form: Enter saves the form.
fn product_field<'a>(
    form: &'a ProductForm,
    lang: Lang,
    label: T,
    value: &'a str,
    field_id: Field,
) -> Element<'a, Message> {
    crate::ui::widgets::Field::new(field_id.id(), label.get(lang), value, move |v| {
        Message::FormChanged(field_id, v)
    })
    .error(form.error(field_id).map(|e| e.say(lang)))
    .submit(Message::SaveProduct)
    .view()
}

fn product_form(form: &ProductForm, lang: Lang) -> Element<'_, Message> {
    let title = if form.editing.is_some() {
        T::Edit
    } else {
        T::AddProduct
    };
    let mut panel = column![
        text(title.get(lang)).size(theme::HEADING),
        product_field(form, lang, T::Sku, &form.sku, Field::Sku),
        product_field(form, lang, T::Name, &form.name, Field::Name),
        crate::print::paper::glyph_warning(&form.name, lang.language())
            .map_or_else(|| Space::new().height(0).into(), refusal_text),
        product_field(form, lang, T::Barcode, &form.barcode, Field::Barcode),
        product_field(form, lang, T::Category, &form.category, Field::Category),
        row![
            product_field(form, lang, T::SellPrice, &form.price, Field::Price),
            product_field(form, lang, T::Cost, &form.cost, Field::Cost),
        ]
        .spacing(8),
        row![
            product_field(form, lang, T::Unit, &form.unit, Field::Unit),
            product_field(form, lang, T::MinStock, &form.min_stock, Field::MinStock)
        ]
        .spacing(8),
        product_field(form, lang, T::WholesaleField, &form.tiers, Field::Tiers),
        // Titip jual: a new product taken in for a producer (left empty,
        // the stall's own goods).
        if form.editing.is_none() {
            Element::from(
                row![
                    product_field(form, lang, T::ProducerCode, &form.producer, Field::Producer),
                    product_field(form, lang, T::ConsignTerms, &form.terms, Field::Terms),
                ]
                .spacing(8),
            )
        } else {
            Space::new().height(0).into()
        },
    ]
    .spacing(4);
    let general = form
        .errors
        .iter()
        .find(|e| e.field.is_none())
        .map(|e| e.message.say(lang));
    panel = panel.push(crate::ui::widgets::message_line(general));
    panel = panel.push(
        row![
            keyed(
                T::Save.get(lang),
                "Enter",
                (!form.saving).then_some(Message::SaveProduct)
            )
            .style(button::success),
            keyed(T::Cancel.get(lang), "Esc", Some(Message::Close)).style(button::secondary),
        ]
        .spacing(8),
    );
    card(panel)
}

fn movement_form(form: &MovementForm, lang: Lang) -> Element<'_, Message> {
    let (title, quantity_label) = match form.kind {
        MovementKind::Receive => (T::Receive, T::QuantityField),
        MovementKind::Adjust => (T::Adjust, T::AdjustField),
        MovementKind::Count => (T::Count, T::CountedField),
    };
    let mut panel = column![
        text(title.get(lang)).size(theme::HEADING),
        text(format!("{} — {}", form.sku, form.name)).size(theme::TEXT),
        crate::ui::widgets::Field::new(
            super::MOVEMENT_QUANTITY,
            format!("{} ({})", quantity_label.get(lang), form.unit),
            &form.quantity,
            Message::MovementQuantity
        )
        .submit(Message::SubmitMovement)
        .view(),
    ]
    .spacing(4);
    if form.kind == MovementKind::Receive {
        panel = panel.push(movement_cost(form, lang));
        panel = panel.push(movement_paid(form, lang));
    }
    if form.kind != MovementKind::Count {
        let label = if form.kind == MovementKind::Adjust {
            T::Reason
        } else {
            T::Note
        };
        panel = panel.push(
            crate::ui::widgets::Field::new(
                "movement-note",
                label.get(lang),
                &form.note,
                Message::MovementNote,
            )
            .submit(Message::SubmitMovement)
            .view(),
        );
    }
    panel = panel.push(crate::ui::widgets::message_line(
        form.error.as_ref().map(|e| e.say(lang)),
    ));
    panel = panel.push(movement_keys(form, lang));
    card(panel)
}

/// What the received goods cost.
fn movement_cost(form: &MovementForm, lang: Lang) -> Element<'_, Message> {
    crate::ui::widgets::Field::new(
        "movement-cost",
        T::Cost.get(lang),
        &form.cost,
        Message::MovementCost,
    )
    .submit(Message::SubmitMovement)
    .view()
}

/// How the received goods were paid, and F2 to change it.
fn movement_paid<'a>(form: &MovementForm, lang: Lang) -> Element<'a, Message> {
    // None of the four is picked until F2: the stall's setting then.
    let paid = match form.paid {
        Some(paid) => paid.label(lang == Lang::En).to_string(),
        None => T::PaidAsSet.get(lang).to_string(),
    };
    row![
        text(format!("{}: {paid}", T::PaidWith.get(lang)))
            .size(theme::TEXT)
            .width(iced::Fill),
        button(text("F2").size(theme::SMALL))
            .on_press(Message::MovementPaid)
            .style(button::secondary),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}

fn movement_keys<'a>(form: &MovementForm, lang: Lang) -> Element<'a, Message> {
    row![
        keyed(
            T::Save.get(lang),
            "Enter",
            (!form.saving).then_some(Message::SubmitMovement)
        )
        .style(button::success),
        keyed(T::Cancel.get(lang), "Esc", Some(Message::Close)).style(button::secondary),
    ]
    .spacing(8)
    .into()
}

fn ledger<'a>(
    product: &'a Product,
    movements: &'a [StockMovement],
    lang: Lang,
) -> Element<'a, Message> {
    let header = row![
        text(T::When.get(lang))
            .size(theme::SMALL)
            .font(BOLD)
            .width(Fill),
        text(T::QuantityField.get(lang))
            .size(theme::SMALL)
            .font(BOLD)
            .width(70)
            .align_x(Alignment::End),
        text(T::Balance.get(lang))
            .size(theme::SMALL)
            .font(BOLD)
            .width(70)
            .align_x(Alignment::End),
    ]
    .spacing(6);
    let mut rows = Column::new().spacing(6).push(header);
    for movement in movements.iter().rev() {
        // A receipt number is shown whole; a note wraps under the row.
        let detail = movement
            .receipt
            .clone()
            .or_else(|| movement.note.as_deref().map(|n| program_note(n, lang)))
            .unwrap_or_default();
        let when = movement
            .at
            .get(..16)
            .unwrap_or(&movement.at)
            .replace('T', " ");
        rows = rows.push(
            column![
                row![
                    text(format!("{when} · {}", movement_name(movement.kind, lang)))
                        .size(theme::SMALL)
                        .width(Fill),
                    text(signed(movement.quantity))
                        .size(theme::SMALL)
                        .width(70)
                        .align_x(Alignment::End),
                    text(movement.balance.to_string())
                        .size(theme::SMALL)
                        .font(BOLD)
                        .width(70)
                        .align_x(Alignment::End),
                ]
                .spacing(6),
                text(detail).size(theme::SMALL).color(theme::MUTED),
            ]
            .spacing(0),
        );
    }
    card(
        column![
            text(format!("{} — {}", T::Ledger.get(lang), product.name)).size(theme::HEADING),
            text(format!(
                "{}: {} {}",
                T::StockColumn.get(lang),
                product.stock,
                product.unit
            ))
            .size(theme::TEXT),
            rows,
            keyed(T::Back.get(lang), "Esc", Some(Message::Close)).style(button::secondary),
        ]
        .spacing(8),
    )
}

fn signed(quantity: crate::money::Quantity) -> String {
    if quantity.is_negative() {
        quantity.to_string()
    } else {
        format!("+{quantity}")
    }
}
