//! Printing results: short Indonesian text for a person, or one JSON document
//! for a program.

use std::io::Write;

use serde::Serialize;

/// Where a command's result goes, and in which form.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as JSON, or the text `text` makes of it.
    pub fn emit<T: Serialize>(&self, value: &T, text: impl FnOnce(&T) -> String) {
        if self.json {
            match serde_json::to_string_pretty(value) {
                Ok(json) => self.line(&json),
                Err(e) => eprintln!("galat: {e}"),
            }
        } else {
            let text = text(value);
            if !text.is_empty() {
                self.line(text.trim_end());
            }
        }
    }

    /// Prints one line. A closed pipe (`sentra ... | head`) is not an error
    /// worth a panic: the reader has what it wanted.
    pub fn line(&self, text: &str) {
        let _ = writeln!(std::io::stdout().lock(), "{text}");
    }
}

/// Pads `text` to `width` characters (not bytes: names have accents).
pub fn pad(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count >= width {
        text.to_string()
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}

/// Right-aligns `text` in `width` characters.
pub fn pad_left(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count >= width {
        text.to_string()
    } else {
        format!("{}{text}", " ".repeat(width - count))
    }
}
