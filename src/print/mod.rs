//! Paper: what a receipt or a report looks like. Documents are built from
//! plain data handed in by the caller, never from the database.

pub mod receipt_text;
