//! Sentra: an offline point of sale for the stalls of a sentra UMKM in Lampung.
//!
//! Layers, top to bottom; each uses only those below it:
//! `ui`, `cli` → `demo`, `print` → `sync` → `store` → `domain`, `money`, `clock`, `paths`.

pub mod books;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod money;
pub mod office;
pub mod paths;
pub mod print;
pub mod store;
pub mod sync;
pub mod ui;
