//! Held carts (F4): a cart parked in the book while the next buyer is
//! served, the list of them with what each would cost now, and a cart
//! taken back.

use uuid::Uuid;

use super::{CartItem, HeldList, Kasir, Message, Panel, SEARCH};
use crate::domain::cart::price_cart;
use crate::domain::discount::Discount;
use crate::money::Rupiah;
use crate::store::{HeldSale, Store};
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::Say;
use crate::ui::refusal::Refusal;
use crate::ui::widgets::Notice;

impl Kasir {
    /// Holding, listing and resuming carts.
    pub(super) fn on_held(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::HoldOrList => self.hold_or_list(),
            Message::Held(result) => self.held(result),
            Message::HeldListed(result) => self.held_listed(result),
            Message::HeldCounted(count) => {
                self.held_waiting = count;
                Action::None
            }
            Message::Resume(id) => resume(id),
            Message::Resumed(result) => self.resumed(result),
            _ => Action::None,
        }
    }

    /// The cart is held: the till is free for the next buyer.
    fn held(&mut self, result: Result<Uuid, Refusal>) -> Action<Message> {
        match result {
            Ok(_) => {
                self.clear_cart();
                self.notice = Some(Notice::Info(Say::CartHeld));
            }
            Err(error) => self.notice = Some(Notice::Error(error.into())),
        }
        Action::Focus(SEARCH).and(count_held())
    }

    /// The held carts, listed in the side panel (none: said so).
    fn held_listed(
        &mut self,
        result: Result<Vec<(HeldSale, Option<Rupiah>)>, Refusal>,
    ) -> Action<Message> {
        match result {
            Ok(held) if held.is_empty() => self.notice = Some(Notice::Info(Say::NoHeldCarts)),
            Ok(carts) => {
                self.notice = None;
                self.panel = Panel::Held(HeldList {
                    carts,
                    highlighted: 0,
                })
            }
            Err(error) => self.notice = Some(Notice::Error(error.into())),
        }
        Action::Focus(SEARCH)
    }

    /// A held cart is the cart again, with its discount.
    fn resumed(
        &mut self,
        result: Result<(Vec<CartItem>, Option<Discount>), Refusal>,
    ) -> Action<Message> {
        match result {
            Ok((items, discount)) => {
                self.cart = items;
                self.sale_discount = discount.map(|d| d.to_string()).unwrap_or_default();
                self.panel = Panel::None;
                self.notice = None;
            }
            Err(error) => self.notice = Some(Notice::Error(error.into())),
        }
        Action::Focus(SEARCH).and(count_held())
    }

    fn hold_or_list(&mut self) -> Action<Message> {
        if self.cart.is_empty() {
            if let Panel::Held(_) = self.panel {
                self.panel = Panel::None;
                return Action::Focus(SEARCH);
            }
            return Action::job(|store| Message::HeldListed(held_with_totals(store)));
        }
        let items = match self
            .cart
            .iter()
            .map(CartItem::as_sale_item)
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(items) => items,
            Err(error) => {
                self.notice = Some(Notice::Error(error.into()));
                return Action::Focus(SEARCH);
            }
        };
        let discount = self.sale_discount().ok().flatten();
        // The held list shows each cart's time on the stall's clock, in the
        // screen's language: no label needs writing.
        Action::job(move |store| {
            Message::Held(at_now(|now| store.hold_sale("", &items, discount, now)))
        })
    }
}

/// Takes a held cart out of the book, its lines with today's products.
fn resume(id: Uuid) -> Action<Message> {
    Action::job(move |store| {
        let resumed = store.resume_held(id).map(|resumed| {
            let items = resumed
                .products
                .into_iter()
                .zip(&resumed.held.items)
                .map(|(product, item)| CartItem::resumed(product, item))
                .collect();
            (items, resumed.held.discount)
        });
        Message::Resumed(resumed.map_err(Refusal::from))
    })
}

/// How many carts the book holds, for the line under an empty cart.
pub(super) fn count_held() -> Action<Message> {
    Action::job(|store| Message::HeldCounted(store.held_sales().map_or(0, |held| held.len())))
}

/// The held carts, each priced as it would sell now (`None` if a product of
/// it changed too much to price).
fn held_with_totals(store: &Store) -> Result<Vec<(HeldSale, Option<Rupiah>)>, Refusal> {
    let settings = store.settings()?;
    let held = store.held_sales()?;
    Ok(held
        .into_iter()
        .map(|sale| {
            let lines: Option<Vec<_>> = sale
                .items
                .iter()
                .map(|item| {
                    let product = store.lookup_product(&item.code).ok()??;
                    Some(crate::domain::cart::CartLine {
                        unit_price: product.unit_price(item.quantity),
                        quantity: item.quantity,
                        discount: item.discount,
                    })
                })
                .collect();
            let total = lines
                .and_then(|lines| price_cart(&lines, sale.discount, settings.tax).ok())
                .map(|priced| priced.total);
            (sale, total)
        })
        .collect())
}
