//! Price labels from Stok: tick products in the table (the box on each row,
//! or F9 on the highlighted one), then the side panel sets how many of each,
//! the label stock and the places of a sheet already used, gives a store
//! barcode to goods that have none, and writes the PDF.

use iced::widget::{button, column, pick_list, row, text, text_input};
use iced::{Alignment, Element, Fill};

use crate::print::label::SHEETS;
use crate::store::Product;
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::{Lang, Say, T};
use crate::ui::refusal::Refusal;
use crate::ui::theme;
use crate::ui::widgets::{BOLD, Notice, card, keyed, with_key};

/// The ids of the first products' label counts, in Tab's order.
pub const COPIES: [&str; 12] = [
    "label-copies-0",
    "label-copies-1",
    "label-copies-2",
    "label-copies-3",
    "label-copies-4",
    "label-copies-5",
    "label-copies-6",
    "label-copies-7",
    "label-copies-8",
    "label-copies-9",
    "label-copies-10",
    "label-copies-11",
];
/// The places already used on the first sheet.
pub const SKIP: &str = "label-skip";

/// A product ticked for labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelPick {
    pub sku: String,
    pub name: String,
    pub barcode: Option<String>,
    /// How many labels, as typed.
    pub copies: String,
}

/// The ticked products and the panel's choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    pub picks: Vec<LabelPick>,
    /// The side panel is showing.
    pub open: bool,
    /// The label stock's key (`a4-3x7`).
    pub sheet: String,
    /// Places already used on the first sheet, as typed.
    pub skip: String,
    pub busy: bool,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            picks: Vec::new(),
            open: false,
            sheet: SHEETS[0].key.to_string(),
            skip: String::new(),
            busy: false,
        }
    }
}

#[derive(Debug, Clone)]
pub enum LabelMessage {
    /// Tick or untick a product.
    Toggle(Product),
    /// Show the panel of the ticked products.
    Open,
    CopiesChanged(usize, String),
    SheetPicked(String),
    /// The next label stock (F11 with the panel open).
    NextSheet,
    SkipChanged(String),
    Remove(usize),
    /// Give a store EAN-13 to every ticked product without a barcode.
    GiveBarcodes,
    BarcodesGiven(Result<Vec<Product>, Refusal>),
    /// Write the labels' PDF.
    Print,
    Printed(Result<(usize, String), Refusal>),
}

/// The sheet stocks as the list shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetChoice(pub String);

impl std::fmt::Display for SheetChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let title = SHEETS
            .iter()
            .find(|s| s.key == self.0)
            .map_or(self.0.as_str(), |s| s.title);
        f.write_str(title)
    }
}

impl Labels {
    pub fn is_picked(&self, sku: &str) -> bool {
        self.picks.iter().any(|p| p.sku == sku)
    }

    /// Handles one message; what to tell the person comes back as a notice.
    pub fn update(&mut self, message: LabelMessage) -> (Action<LabelMessage>, Option<Notice>) {
        match message {
            LabelMessage::Toggle(product) => {
                match self.picks.iter().position(|p| p.sku == product.sku) {
                    Some(index) => {
                        self.picks.remove(index);
                    }
                    None => self.picks.push(LabelPick {
                        sku: product.sku,
                        name: product.name,
                        barcode: product.barcode,
                        copies: "1".into(),
                    }),
                }
                if self.picks.is_empty() {
                    self.open = false;
                }
            }
            LabelMessage::Open => self.open = !self.picks.is_empty(),
            LabelMessage::CopiesChanged(index, text) => {
                if let Some(pick) = self.picks.get_mut(index) {
                    pick.copies = text;
                }
            }
            LabelMessage::SheetPicked(key) => self.sheet = key,
            LabelMessage::NextSheet => {
                let at = SHEETS.iter().position(|s| s.key == self.sheet);
                let next = at.map_or(0, |at| (at + 1) % SHEETS.len());
                self.sheet = SHEETS[next].key.to_string();
            }
            LabelMessage::SkipChanged(text) => self.skip = text,
            LabelMessage::Remove(index) => {
                if index < self.picks.len() {
                    self.picks.remove(index);
                }
                self.open = !self.picks.is_empty();
            }
            LabelMessage::GiveBarcodes if self.busy || !self.open => {}
            LabelMessage::GiveBarcodes => return self.give_barcodes(),
            LabelMessage::BarcodesGiven(result) => return self.barcodes_given(result),
            LabelMessage::Print => return self.print(),
            LabelMessage::Printed(result) => {
                self.busy = false;
                return match result {
                    Ok((count, path)) => (
                        Action::None,
                        Some(Notice::Info(Say::LabelsWritten { count, path })),
                    ),
                    Err(error) => (Action::None, Some(Notice::Error(error.into()))),
                };
            }
        }
        (Action::None, None)
    }

    /// Store barcodes for the picks that have none, so every label scans.
    fn give_barcodes(&mut self) -> (Action<LabelMessage>, Option<Notice>) {
        let skus: Vec<String> = self
            .picks
            .iter()
            .filter(|p| p.barcode.is_none())
            .map(|p| p.sku.clone())
            .collect();
        self.busy = true;
        let job = Action::job(move |store| {
            let given = at_now(|now| {
                skus.iter()
                    .map(|sku| store.assign_store_barcode(sku, now))
                    .collect::<Result<Vec<_>, _>>()
            });
            LabelMessage::BarcodesGiven(given)
        });
        (job, None)
    }

    fn barcodes_given(
        &mut self,
        result: Result<Vec<Product>, Refusal>,
    ) -> (Action<LabelMessage>, Option<Notice>) {
        self.busy = false;
        match result {
            Ok(products) => {
                for product in &products {
                    if let Some(pick) = self.picks.iter_mut().find(|p| p.sku == product.sku) {
                        pick.barcode = product.barcode.clone();
                    }
                }
                let said = Notice::Info(Say::BarcodesGiven(products.len()));
                (Action::None, Some(said))
            }
            Err(error) => (Action::None, Some(Notice::Error(error.into()))),
        }
    }

    /// The sheet to PDF, every count and the places skipped read first.
    fn print(&mut self) -> (Action<LabelMessage>, Option<Notice>) {
        let (requests, skip) = match (self.requests(), self.skip_places()) {
            (Ok(requests), Ok(skip)) => (requests, skip),
            (Err(error), _) | (_, Err(error)) => {
                return (Action::None, Some(Notice::Error(error.into())));
            }
        };
        let sheet = self.sheet.clone();
        self.busy = true;
        let job = Action::job(move |store| {
            LabelMessage::Printed(crate::ui::documents::labels(store, &requests, &sheet, skip))
        });
        (job, None)
    }

    /// `(SKU, copies)` of every pick, each count read as `sentra label` reads it.
    fn requests(&self) -> Result<Vec<(String, u32)>, Refusal> {
        self.picks
            .iter()
            .map(|p| {
                crate::domain::label::parse_request(&format!("{}={}", p.sku, p.copies.trim()))
                    .map_err(|e| Refusal::from(crate::store::StoreError::from(e)))
            })
            .collect()
    }

    fn skip_places(&self) -> Result<usize, Refusal> {
        let text = self.skip.trim();
        if text.is_empty() {
            return Ok(0);
        }
        text.parse().map_err(|_| {
            let per_page = SHEETS
                .iter()
                .find(|s| s.key == self.sheet)
                .map_or(21, |s| s.per_page());
            let skip = text.to_string();
            Refusal::from(crate::store::StoreError::from(
                crate::domain::label::LabelError::Skip { skip, per_page },
            ))
        })
    }

    /// The side panel.
    pub fn view(&self, lang: Lang) -> Element<'_, LabelMessage> {
        let mut list = column![].spacing(6);
        for (index, pick) in self.picks.iter().enumerate() {
            let code = pick
                .barcode
                .clone()
                .unwrap_or_else(|| T::NoBarcodeYet.get(lang).to_string());
            list = list.push(
                row![
                    column![
                        text(&pick.name).size(theme::TEXT),
                        text(format!("{} · {code}", pick.sku))
                            .size(theme::SMALL)
                            .color(if pick.barcode.is_some() {
                                theme::MUTED
                            } else {
                                theme::BAD
                            }),
                    ]
                    .width(Fill),
                    text_input(T::LabelCopies.get(lang), &pick.copies)
                        .id(COPIES
                            .get(index)
                            .map_or_else(|| format!("label-copies-{index}"), |id| id.to_string()))
                        .on_input(move |t| LabelMessage::CopiesChanged(index, t))
                        .on_submit(LabelMessage::Print)
                        .padding(8)
                        .width(70),
                    button(text("×").size(theme::TEXT))
                        .on_press(LabelMessage::Remove(index))
                        .style(button::text),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        let choices: Vec<SheetChoice> = SHEETS
            .iter()
            .map(|s| SheetChoice(s.key.to_string()))
            .collect();
        let missing = self.picks.iter().any(|p| p.barcode.is_none());
        let idle = !self.busy;
        let mut panel = column![
            text(T::Labels.get(lang)).size(theme::TEXT).font(BOLD),
            list,
            text(format!("{} · F11", T::LabelStock.get(lang))).size(theme::SMALL),
            pick_list(choices, Some(SheetChoice(self.sheet.clone())), |c| {
                LabelMessage::SheetPicked(c.0)
            })
            .padding(10)
            .width(Fill),
            text_input(T::SkipPlaces.get(lang), &self.skip)
                .id(SKIP)
                .on_input(LabelMessage::SkipChanged)
                .on_submit(LabelMessage::Print)
                .padding(8),
        ]
        .spacing(8);
        if missing {
            panel = panel.push(
                button(with_key(
                    T::GiveBarcodes.get(lang),
                    "Shift+F11",
                    theme::SMALL,
                ))
                .on_press_maybe(idle.then_some(LabelMessage::GiveBarcodes))
                .padding(10)
                .style(button::secondary),
            );
        }
        panel = panel.push(
            keyed(
                T::PrintLabels.get(lang),
                "Enter",
                (idle && !missing).then_some(LabelMessage::Print),
            )
            .style(button::success),
        );
        card(panel)
    }
}
