//! The month's books (SAK EMKM): a journal derived from the stall's records,
//! never stored, and the statements folded from it.
//!
//! Layer: above `store` and `domain`, below `print`, `cli` and `ui`. The
//! records are read into [`event::Event`]s (`read`), each event maps to one
//! balanced journal entry (`journal`, one function per kind), and the entries
//! of a period fold into the statements (`statements`).

pub mod account;
pub mod depreciation;
pub use crate::domain::books_event as event;
pub mod journal;

pub mod lines;
pub mod registers;
pub mod report;
pub mod sheet;
pub mod statements;

pub use account::Account;
pub use event::Event;
pub use journal::{BooksError, Entry, entry_for};
pub use report::{MonthBooks, month_books};
pub use statements::{Statements, statements};
