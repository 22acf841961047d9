//! The office as its own room: what the centre's manager does with the
//! stalls' files. Import admits a file's records (its seal checked by
//! `sync::file`, its content by `sync::content`, each record against the
//! book by `trust` and its siblings, one per record kind) in one
//! transaction; the office's tables and every statement naming them live
//! here; the centre's reports (`centre`, `producers`), the desk (tanda
//! terima, `verify`), retribusi (`fees`) and re-pinning a stall's key.
//!
//! Layer: above `store` and `sync`, below `print`, `cli` and `ui`.

pub mod centre;
pub mod desk;
mod error;
pub mod fees;
pub mod import;
mod plans;
pub mod producers;
pub mod repin;
pub mod trust;
mod trust_closes;
mod trust_consign;
mod trust_days;
mod trust_events;
mod trust_kasbon;
mod trust_later;
mod trust_prices;
mod trust_returns;
mod trust_sales;
mod trust_voids;
pub mod verify;

pub use error::{NotAStruk, OfficeError, RepinError};
