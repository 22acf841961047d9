//! Sentra: an offline point of sale for the stalls of a sentra UMKM in Lampung.
//!
//! Layers, top to bottom (each uses only those below it):
//! `ui`, `cli` → `store` → `domain`, `money`, `clock`.

pub mod clock;
pub mod domain;
pub mod money;
pub mod store;
