//! The drawer's other money in Laporan: the day's expenses with a form to
//! write one down (*pengeluaran*, from the drawer or not), the kasbon repaid
//! that day, and laba kotor — the day's and the month's so far, by product,
//! with the products sold without a cost (*tanpa HPP*) named.

use iced::widget::{Column, button, checkbox, column, row, text, text_input};
use iced::{Element, Fill};
use time::Date;

use crate::domain::expense::ExpenseCategory;
use crate::domain::profit::Margin;
use crate::money::Rupiah;
use crate::store::{DayReport, Expense, NewExpense, ProfitReport};
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::{Lang, T, method_name};
use crate::ui::refusal::Refusal;
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, figure, keyed, message_line};

/// The expense's amount field.
pub const EXPENSE_AMOUNT: &str = "expense-amount";
pub const EXPENSE_NOTE: &str = "expense-note";
/// The manager PIN, for a drawer expense above the stall's limit.
pub const EXPENSE_PIN: &str = "expense-pin";

pub(super) fn category_name(category: ExpenseCategory, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => category.label(),
        Lang::En => category.english(),
    }
}

#[derive(Debug, Default)]
pub struct Money {
    /// The expense form is open.
    pub writing: bool,
    pub amount: String,
    pub category: Option<ExpenseCategory>,
    pub note: String,
    pub from_drawer: bool,
    /// The manager PIN, asked for with cash out of the drawer.
    pub pin: String,
    pub saved: Option<Result<Expense, Refusal>>,
    /// Laba kotor from the first of the month to the day shown.
    pub month: Option<ProfitReport>,
    version: u64,
}

#[derive(Debug, Clone)]
pub enum MoneyMessage {
    /// Open the expense form.
    WriteExpense,
    AmountChanged(String),
    CategoryChanged(ExpenseCategory),
    /// The category after the one chosen (F1), the first if none is.
    NextCategory,
    NoteChanged(String),
    FromDrawerToggled(bool),
    PinChanged(String),
    /// Record the expense.
    SaveExpense,
    ExpenseSaved(Result<Expense, Refusal>),
    CancelExpense,
    /// The month's laba kotor, tagged with the version it answers.
    MonthLoaded(u64, Result<Box<ProfitReport>, Refusal>),
}

impl Money {
    /// Loads laba kotor of `date`'s month up to it.
    pub fn load(&mut self, date: Option<Date>) -> Action<MoneyMessage> {
        self.version += 1;
        let version = self.version;
        Action::search("month-profit", move |store| {
            let report = at_now(|now| {
                let to = date.unwrap_or_else(|| store.business_day(now));
                let from = to.replace_day(1).unwrap_or(to);
                store.profit(from, to).map(Box::new)
            });
            MoneyMessage::MonthLoaded(version, report)
        })
    }

    /// Handles a message; says whether the day's figures changed (an
    /// expense was written) and want loading again.
    pub fn update(&mut self, message: MoneyMessage) -> (Action<MoneyMessage>, bool) {
        match message {
            MoneyMessage::WriteExpense => {
                self.writing = true;
                self.saved = None;
                return (Action::Focus(EXPENSE_AMOUNT), false);
            }
            MoneyMessage::AmountChanged(text) => self.amount = text,
            MoneyMessage::CategoryChanged(category) => self.category = Some(category),
            MoneyMessage::NextCategory => {
                let all = ExpenseCategory::ALL;
                let next = match self.category.and_then(|c| all.iter().position(|a| *a == c)) {
                    Some(at) => (at + 1) % all.len(),
                    None => 0,
                };
                self.category = Some(all[next]);
            }
            MoneyMessage::NoteChanged(text) => self.note = text,
            MoneyMessage::FromDrawerToggled(on) => self.from_drawer = on,
            MoneyMessage::PinChanged(pin) => self.pin = pin,
            MoneyMessage::SaveExpense => return (self.save(), false),
            MoneyMessage::ExpenseSaved(result) => {
                let saved = result.is_ok();
                // A PIN is typed for one expense only.
                self.pin.clear();
                if saved {
                    self.writing = false;
                    self.amount.clear();
                    self.note.clear();
                    self.category = None;
                    self.from_drawer = false;
                }
                self.saved = Some(result);
                return (Action::None, saved);
            }
            MoneyMessage::CancelExpense => {
                self.writing = false;
                self.saved = None;
            }
            MoneyMessage::MonthLoaded(version, result) => {
                if version == self.version {
                    self.month = result.ok().map(|report| *report);
                }
            }
        }
        (Action::None, false)
    }

    fn save(&mut self) -> Action<MoneyMessage> {
        let amount = match Rupiah::parse(&self.amount) {
            Ok(amount) => amount,
            Err(error) => {
                self.saved = Some(Err(error.into()));
                return Action::Focus(EXPENSE_AMOUNT);
            }
        };
        let expense = NewExpense {
            category: self.category.unwrap_or(ExpenseCategory::Other),
            amount,
            note: Some(self.note.clone()),
            from_drawer: self.from_drawer,
        };
        let pin = Some(self.pin.clone()).filter(|p| self.from_drawer && !p.is_empty());
        Action::job(move |store| {
            MoneyMessage::ExpenseSaved(at_now(|now| {
                store.add_expense(&expense, pin.as_deref(), now)
            }))
        })
    }

    /// Expenses and repayments of the day, and laba kotor.
    pub fn view<'a>(&'a self, report: &'a DayReport, lang: Lang) -> Element<'a, MoneyMessage> {
        let mut expenses = Column::new()
            .spacing(6)
            .push(text(T::Expenses.get(lang)).size(theme::TEXT).font(BOLD));
        for expense in &report.expenses {
            let drawer = if expense.from_drawer {
                T::FromTheDrawer.get(lang)
            } else {
                ""
            };
            let note = expense
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            expenses = expenses.push(figure(
                format!("{}{drawer}{note}", category_name(expense.category, lang)),
                expense.amount.to_string(),
                theme::SMALL,
            ));
        }
        if report.expenses.is_empty() {
            expenses = expenses.push(
                text(T::NoExpensesYet.get(lang))
                    .size(theme::SMALL)
                    .color(theme::MUTED),
            );
        }
        if let Some(Ok(expense)) = &self.saved {
            expenses = expenses.push(
                text(format!(
                    "{} {} {}",
                    category_name(expense.category, lang),
                    expense.amount,
                    T::Recorded.get(lang)
                ))
                .size(theme::SMALL)
                .color(theme::GOOD),
            );
        }
        let mut panel = column![card(expenses)].spacing(theme::GAP);
        if !report.repayments.is_empty() {
            let mut repaid = Column::new()
                .spacing(6)
                .push(text(T::KasbonRepaid.get(lang)).size(theme::TEXT).font(BOLD));
            for repayment in &report.repayments {
                repaid = repaid.push(figure(
                    format!(
                        "{} ({}) · {}",
                        repayment.name,
                        repayment.customer,
                        method_name(repayment.method, lang)
                    ),
                    repayment.amount.to_string(),
                    theme::SMALL,
                ));
            }
            panel = panel.push(card(repaid));
        }
        panel.push(self.profit(report, lang)).into()
    }

    /// The header's button that opens the expense form.
    pub fn button(&self, lang: Lang) -> Element<'_, MoneyMessage> {
        keyed(T::Expense.get(lang), "F6", Some(MoneyMessage::WriteExpense))
            .width(190)
            .into()
    }

    /// The expense form, at the top while it is open.
    pub fn form(&self, lang: Lang) -> Option<Element<'_, MoneyMessage>> {
        self.writing.then(|| card(self.form_fields(lang)))
    }

    fn form_fields(&self, lang: Lang) -> Element<'_, MoneyMessage> {
        let mut categories = row![].spacing(4).width(Fill);
        for category in ExpenseCategory::ALL {
            let chosen = self.category == Some(category);
            categories = categories.push(
                button(text(category_name(category, lang)).size(theme::SMALL))
                    .padding([6, 8])
                    .on_press(MoneyMessage::CategoryChanged(category))
                    .style(if chosen {
                        button::primary
                    } else {
                        button::secondary
                    }),
            );
        }
        let refusal = match &self.saved {
            Some(Err(error)) => Some(error.say(lang)),
            _ => None,
        };
        column![
            text(T::WriteAnExpense.get(lang))
                .size(theme::TEXT)
                .font(BOLD),
            // The chips flow onto a second line rather than squeeze a
            // word like "Lain-lain" into two.
            row![categories.wrap(), text("F1").size(theme::SMALL).font(BOLD)]
                .spacing(6)
                .align_y(iced::Alignment::Center),
            text_input(T::FieldAmount.get(lang), &self.amount)
                .id(EXPENSE_AMOUNT)
                .on_input(MoneyMessage::AmountChanged)
                .on_submit(MoneyMessage::SaveExpense)
                .padding(10),
            text_input(T::FieldNote.get(lang), &self.note)
                .id(EXPENSE_NOTE)
                .on_input(MoneyMessage::NoteChanged)
                .on_submit(MoneyMessage::SaveExpense)
                .padding(10),
            row![
                checkbox(self.from_drawer)
                    .label(T::PaidOutOfTheDrawer.get(lang))
                    .on_toggle(MoneyMessage::FromDrawerToggled),
                text("F7").size(theme::SMALL).font(BOLD),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            // Cash out of the drawer above the stall's limit is approved
            // with the manager PIN, typed here.
            self.from_drawer.then(|| {
                text_input(T::ExpensePinHint.get(lang), &self.pin)
                    .id(EXPENSE_PIN)
                    .secure(true)
                    .on_input(MoneyMessage::PinChanged)
                    .on_submit(MoneyMessage::SaveExpense)
                    .padding(10)
            }),
            message_line(refusal),
            row![
                keyed(T::Save.get(lang), "Enter", Some(MoneyMessage::SaveExpense)).width(Fill),
                keyed(
                    T::Cancel.get(lang),
                    "Esc",
                    Some(MoneyMessage::CancelExpense)
                )
                .style(button::text),
            ]
            .spacing(6),
        ]
        .spacing(6)
        .into()
    }

    fn profit<'a>(&'a self, report: &'a DayReport, lang: Lang) -> Element<'a, MoneyMessage> {
        let margin_rows = |label: &'static str, margin: &Margin| {
            column![
                text(label).size(theme::SMALL).color(theme::MUTED),
                figure(
                    T::SalesWithACost.get(lang),
                    margin.costed_net.to_string(),
                    theme::SMALL
                ),
                figure(
                    T::CostOfGoods.get(lang),
                    margin.cost_of_goods.to_string(),
                    theme::SMALL
                ),
                figure(
                    T::GrossProfit.get(lang),
                    margin.gross_profit.to_string(),
                    theme::TEXT
                ),
            ]
            .spacing(2)
        };
        let mut panel = column![
            text(T::GrossProfit.get(lang)).size(theme::TEXT).font(BOLD),
            margin_rows(T::ThisDay.get(lang), &report.profit),
        ]
        .spacing(8);
        if let Some(month) = &self.month {
            panel = panel.push(margin_rows(T::ThisMonthToThisDay.get(lang), &month.total));
            let best: Vec<_> = month
                .products
                .iter()
                .filter(|p| p.margin.costed_net != Rupiah::ZERO)
                .take(5)
                .collect();
            if !best.is_empty() {
                let mut products = Column::new().spacing(2).push(
                    text(T::ProfitByProductThisMonth.get(lang))
                        .size(theme::SMALL)
                        .color(theme::MUTED),
                );
                for product in best {
                    products = products.push(figure(
                        product.name.clone(),
                        product.margin.gross_profit.to_string(),
                        theme::SMALL,
                    ));
                }
                panel = panel.push(products);
            }
            if !month.uncosted.is_empty() {
                let mut uncosted = Column::new().spacing(2).push(
                    text(format!(
                        "{} {}",
                        T::WithoutACostNotCounted.get(lang),
                        month.total.uncosted_net
                    ))
                    .size(theme::SMALL)
                    .color(theme::BAD),
                );
                for product in &month.uncosted {
                    uncosted = uncosted
                        .push(text(format!("{} {}", product.sku, product.name)).size(theme::SMALL));
                }
                panel = panel.push(uncosted);
            }
        }
        card(panel)
    }
}

/// The drawer's own terms for kasbon repaid in cash and expenses paid out
/// of it, when the day had any.
pub fn drawer_lines<'a, M: 'a>(
    cash: &crate::domain::day_close::CashCount,
    lang: Lang,
) -> Element<'a, M> {
    let mut lines = Column::new().spacing(6);
    if cash.kasbon_repayments.is_positive() {
        lines = lines.push(figure(
            T::KasbonRepaidInCash.get(lang),
            cash.kasbon_repayments.to_string(),
            theme::TEXT,
        ));
    }
    if cash.drawer_expenses.is_positive() {
        lines = lines.push(figure(
            T::ExpensesFromTheDrawer.get(lang),
            format!("−{}", cash.drawer_expenses),
            theme::TEXT,
        ));
    }
    if cash.books_out.is_positive() {
        lines = lines.push(figure(
            T::BooksFromTheDrawer.get(lang),
            format!("−{}", cash.books_out),
            theme::TEXT,
        ));
    }
    lines.into()
}
