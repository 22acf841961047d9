//! The rules of the stall, as pure functions: no database, no clock, no files.

pub mod barcode;
pub mod cart;
pub mod consign;
pub mod customer;
pub mod day_close;
pub mod discount;
pub mod expense;
pub mod fee;
pub mod kasbon;
pub mod label;
pub mod limits;
pub mod payment;
pub mod pin;
pub mod printer;
pub mod product;
pub mod profit;
pub mod qris;
pub mod receipt_number;
pub mod record;
pub mod record_check;
pub mod regency;
pub mod scale;
pub mod stall;
pub mod tax;
pub mod unit;
