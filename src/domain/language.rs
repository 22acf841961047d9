//! The language of paper and screens: Bahasa Indonesia first, English by a
//! setting (`language`: `id`, `en`). Below the screens so paper, the command
//! line and the window say dates and amounts the same way.

/// A language Sentra writes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Id,
    En,
}

impl Language {
    /// From the setting's value; anything but `en` is Indonesian.
    pub fn from_key(key: &str) -> Language {
        if key == "en" {
            Language::En
        } else {
            Language::Id
        }
    }
}
