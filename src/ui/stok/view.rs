//! How the stock screen looks: filters, the table, and a side panel for the
//! form, a movement or a ledger.

use iced::widget::{
    Column, button, checkbox, column, pick_list, row, scrollable, space, text, text_input,
};
use iced::{Alignment, Element, Fill, FillPortion};

use super::{Field, Message, MovementForm, MovementKind, ProductForm, SortBy, Stok};
use crate::store::{Product, StockMovement};
use crate::ui::i18n::{Lang, T};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, big, card, field, notice};

/// Width of the row of action buttons, the same in the header and the rows.
const ACTIONS: f32 = 380.0;

impl Stok {
    pub fn view(&self, lang: Lang) -> Element<'_, Message> {
        let table = column![
            self.filters(lang),
            notice(&self.notice, lang),
            self.table(lang)
        ]
        .spacing(theme::GAP)
        .width(FillPortion(3));
        let side: Option<Element<'_, Message>> = if let Some(form) = &self.form {
            Some(product_form(form, lang))
        } else if let Some(movement) = &self.movement {
            Some(movement_form(movement, lang))
        } else {
            self.ledger
                .as_ref()
                .map(|(product, movements)| ledger(product, movements, lang))
        };
        let mut body = row![table].spacing(16).padding(16).height(Fill);
        if let Some(side) = side {
            body = body.push(scrollable(column![side]).width(FillPortion(2)));
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
            row![
                text_input(T::StockSearch.get(lang), &self.search)
                    .id("stock-search")
                    .on_input(Message::SearchChanged)
                    .padding(theme::PAD)
                    .width(Fill),
                categories,
                checkbox(self.low_only)
                    .label(T::LowOnly.get(lang))
                    .on_toggle(Message::LowOnlyToggled),
                big(T::AddProduct.get(lang), Some(Message::NewProduct))
                    .width(200)
                    .style(button::success),
            ]
            .spacing(theme::GAP)
            .align_y(Alignment::Center),
            row![
                text_input(T::CsvPath.get(lang), &self.csv_path)
                    .id("csv-path")
                    .on_input(Message::CsvPathChanged)
                    .padding(10)
                    .width(Fill),
                big(T::ImportCsv.get(lang), Some(Message::ImportCsv))
                    .width(150)
                    .style(button::secondary),
                big(T::ExportCsv.get(lang), Some(Message::ExportCsv))
                    .width(150)
                    .style(button::secondary),
            ]
            .spacing(theme::GAP)
            .align_y(Alignment::Center),
        ]
        .spacing(8)
        .into()
    }

    fn table(&self, lang: Lang) -> Element<'_, Message> {
        let panel_open = self.form.is_some() || self.movement.is_some() || self.ledger.is_some();
        let Some(page) = &self.page else {
            return text(T::Opening.get(lang)).into();
        };
        let sort = |by: SortBy, label: T, width: iced::Length| {
            let arrow = if self.sort == by {
                if self.descending { " ▼" } else { " ▲" }
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
            sort(SortBy::Sku, T::Sku, 110.into()),
            sort(SortBy::Name, T::Name, Fill),
            sort(SortBy::Price, T::SellPrice, 120.into()),
            sort(SortBy::Stock, T::StockColumn, 110.into()),
            space().width(if panel_open { 0.0 } else { ACTIONS }),
        ]
        .spacing(6)
        // The rows below sit left of the scrollbar and its margin.
        .padding(iced::Padding::ZERO.right(26));
        let mut rows = Column::new().spacing(4);
        for product in &page.products {
            rows = rows.push(product_row(product, lang, !panel_open));
        }
        let count = text(format!(
            "{} {} {} {}",
            T::ShowingFirst.get(lang),
            page.products.len(),
            T::Of.get(lang),
            page.total
        ))
        .size(theme::SMALL)
        .color(theme::MUTED);
        // Room on the right so the scrollbar never covers the last button.
        card(
            column![
                header,
                scrollable(rows.padding(iced::Padding::ZERO.right(16))).height(Fill),
                count
            ]
            .spacing(6),
        )
    }
}

/// A row of the table; the action buttons only while no side panel needs
/// the room.
fn product_row(product: &Product, lang: Lang, actions: bool) -> Element<'_, Message> {
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
    let sku = &product.sku;
    let action = |label: T, message: Message| {
        button(text(label.get(lang)).size(theme::SMALL))
            .on_press(message)
            .padding([8, 10])
            .style(button::secondary)
    };
    let mut line = row![
        text(sku).size(theme::SMALL).width(110),
        column![
            text(&product.name).size(theme::TEXT),
            text(&product.category)
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
    .align_y(Alignment::Center);
    if actions {
        line = line.push(
            row![
                action(T::Edit, Message::EditProduct(sku.clone())),
                action(
                    T::ReceiveShort,
                    Message::OpenMovement(MovementKind::Receive, sku.clone())
                ),
                action(
                    T::AdjustShort,
                    Message::OpenMovement(MovementKind::Adjust, sku.clone())
                ),
                action(
                    T::CountShort,
                    Message::OpenMovement(MovementKind::Count, sku.clone())
                ),
                action(T::LedgerShort, Message::ShowLedger(sku.clone())),
            ]
            .spacing(4)
            .width(ACTIONS),
        );
    }
    line.into()
}

fn product_form(form: &ProductForm, lang: Lang) -> Element<'_, Message> {
    let input = |label: T, value: &str, field_id: Field| {
        field(
            field_id.id(),
            label.get(lang),
            value,
            form.error(field_id),
            move |v| Message::FormChanged(field_id, v),
        )
    };
    let title = if form.editing.is_some() {
        T::Edit
    } else {
        T::AddProduct
    };
    let mut panel = column![
        text(title.get(lang)).size(theme::HEADING),
        input(T::Sku, &form.sku, Field::Sku),
        input(T::Name, &form.name, Field::Name),
        input(T::Barcode, &form.barcode, Field::Barcode),
        input(T::Category, &form.category, Field::Category),
        row![
            input(T::SellPrice, &form.price, Field::Price),
            input(T::Cost, &form.cost, Field::Cost),
        ]
        .spacing(8),
        row![
            input(T::Unit, &form.unit, Field::Unit),
            input(T::MinStock, &form.min_stock, Field::MinStock)
        ]
        .spacing(8),
    ]
    .spacing(8);
    for error in form.errors.iter().filter(|e| e.field.is_none()) {
        panel = panel.push(text(&error.message).color(theme::BAD));
    }
    panel = panel.push(
        row![
            big(
                T::Save.get(lang),
                (!form.saving).then_some(Message::SaveProduct)
            )
            .style(button::success),
            big(T::Cancel.get(lang), Some(Message::Close)).style(button::secondary),
        ]
        .spacing(8),
    );
    card(panel)
}

fn movement_form(form: &MovementForm, lang: Lang) -> Element<'_, Message> {
    let (title, quantity_label) = match form.kind {
        MovementKind::Receive => (T::Receive, T::QuantityField),
        MovementKind::Adjust => (T::Adjust, T::QuantityField),
        MovementKind::Count => (T::Count, T::CountedField),
    };
    let mut panel = column![
        text(title.get(lang)).size(theme::HEADING),
        text(format!("{} — {}", form.sku, form.name)).size(theme::TEXT),
        field(
            "movement-quantity",
            quantity_label.get(lang),
            &form.quantity,
            None,
            Message::MovementQuantity
        ),
    ]
    .spacing(8);
    if form.kind == MovementKind::Receive {
        panel = panel.push(field(
            "movement-cost",
            T::Cost.get(lang),
            &form.cost,
            None,
            Message::MovementCost,
        ));
    }
    if form.kind != MovementKind::Count {
        let label = if form.kind == MovementKind::Adjust {
            T::Reason
        } else {
            T::Note
        };
        panel = panel.push(field(
            "movement-note",
            label.get(lang),
            &form.note,
            None,
            Message::MovementNote,
        ));
    }
    if let Some(error) = &form.error {
        panel = panel.push(text(error).color(theme::BAD));
    }
    panel = panel.push(
        row![
            big(T::Save.get(lang), Some(Message::SubmitMovement)).style(button::success),
            big(T::Cancel.get(lang), Some(Message::Close)).style(button::secondary),
        ]
        .spacing(8),
    );
    card(panel)
}

fn ledger<'a>(
    product: &'a Product,
    movements: &'a [StockMovement],
    lang: Lang,
) -> Element<'a, Message> {
    let mut rows = Column::new().spacing(4);
    for movement in movements.iter().rev() {
        let detail = movement
            .receipt
            .clone()
            .or_else(|| movement.note.clone())
            .unwrap_or_default();
        rows = rows.push(
            row![
                text(
                    movement
                        .at
                        .get(..16)
                        .unwrap_or(&movement.at)
                        .replace('T', " ")
                )
                .size(theme::SMALL)
                .width(130),
                text(movement.kind.label()).size(theme::SMALL).width(110),
                text(signed(movement.quantity)).size(theme::SMALL).width(70),
                text(movement.balance.to_string())
                    .size(theme::SMALL)
                    .font(BOLD)
                    .width(60),
                text(detail).size(theme::SMALL),
            ]
            .spacing(6),
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
            big(T::Back.get(lang), Some(Message::Close)).style(button::secondary),
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
