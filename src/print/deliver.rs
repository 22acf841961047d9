//! Getting a document to the person: keep the file, open it in the system's
//! viewer, or send it to the default printer through the operating system.

use std::path::Path;
use std::process::{Command, Stdio};

/// What happens to a receipt or report once it is written (a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Delivery {
    /// Keep the PDF in the data folder.
    #[default]
    Save,
    /// Open it in the system's PDF viewer.
    Open,
    /// Send it to the default printer.
    Print,
}

impl Delivery {
    pub fn key(self) -> &'static str {
        match self {
            Delivery::Save => "save",
            Delivery::Open => "open",
            Delivery::Print => "print",
        }
    }

    pub fn from_key(key: &str) -> Option<Delivery> {
        match key {
            "save" => Some(Delivery::Save),
            "open" => Some(Delivery::Open),
            "print" => Some(Delivery::Print),
            _ => None,
        }
    }
}

/// Why the viewer or the printer could not be reached.
#[derive(Debug, thiserror::Error)]
#[error("{program} tidak bisa dijalankan: {source}")]
pub struct DeliverError {
    pub program: String,
    pub source: std::io::Error,
}

/// Hands `path` to the viewer or the printer, without waiting for them.
pub fn deliver(path: &Path, delivery: Delivery) -> Result<(), DeliverError> {
    let command = match delivery {
        Delivery::Save => return Ok(()),
        Delivery::Open => viewer(path),
        Delivery::Print => printer(path),
    };
    start(command)
}

/// Opens `url` (a wa.me link) in the system's browser, or WhatsApp Desktop
/// when it handles such links, without waiting. `SENTRA_OPENER` names
/// another program to hand it to (a kiosk's, or a test's).
pub fn open_link(url: &str) -> Result<(), DeliverError> {
    let mut command = match std::env::var_os("SENTRA_OPENER") {
        Some(program) => Command::new(program),
        // Not `cmd /C start`: cmd would read the link's `%` and `&`.
        None if cfg!(windows) => Command::new("explorer"),
        None if cfg!(target_os = "macos") => Command::new("open"),
        None => Command::new("xdg-open"),
    };
    command.arg(url);
    start(command)
}

/// Starts `command` on its own, without waiting or sharing our terminal.
fn start(mut command: Command) -> Result<(), DeliverError> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|source| DeliverError {
            program: command.get_program().to_string_lossy().into_owned(),
            source,
        })
}

fn viewer(path: &Path) -> Command {
    if cfg!(windows) {
        let mut command = Command::new("cmd");
        command.args(["/C", "start", ""]).arg(path);
        command
    } else if cfg!(target_os = "macos") {
        let mut command = Command::new("open");
        command.arg(path);
        command
    } else {
        let mut command = Command::new("xdg-open");
        command.arg(path);
        command
    }
}

fn printer(path: &Path) -> Command {
    if cfg!(windows) {
        let mut command = Command::new("powershell");
        command
            .args([
                "-NoProfile",
                "-Command",
                "Start-Process",
                "-Verb",
                "Print",
                "-FilePath",
            ])
            .arg(path);
        command
    } else {
        // CUPS on Linux and macOS.
        let mut command = Command::new("lp");
        command.arg(path);
        command
    }
}
