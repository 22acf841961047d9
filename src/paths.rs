//! Where a PC keeps its book when nobody says otherwise.

use std::path::PathBuf;

/// The platform's data folder for Sentra (e.g. `~/.local/share/sentra` on
/// Linux, `%APPDATA%\Sentra\Sentra\data` on Windows).
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("id", "Sentra", "Sentra")
        .map(|dirs| dirs.data_dir().to_path_buf())
}
