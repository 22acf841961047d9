//! Titip jual in the book: producers (*penitip*), the terms of their
//! consigned products, handover notes, what each sold line owes, payouts
//! and the statement that puts them together.

mod handover;
mod owed;
mod payouts;
mod producers;
mod statement;

pub use handover::{HandoverItem, HandoverKind, HandoverLine, HandoverNote};
pub(super) use owed::fix_owed;
pub use owed::records_for_sales;
pub use payouts::Payout;
pub(super) use payouts::cash_payouts;
pub(super) use producers::check_price;
pub use producers::{Consignment, NewProducer, Producer, ProducerBalance};
pub use statement::{ProducerStatement, StatementProduct};
