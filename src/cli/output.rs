//! Printing results: short Indonesian text for a person, or one JSON document
//! for a program.

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
                Ok(json) => println!("{json}"),
                Err(e) => eprintln!("galat: {e}"),
            }
        } else {
            let text = text(value);
            if !text.is_empty() {
                println!("{}", text.trim_end());
            }
        }
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
