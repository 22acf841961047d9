//! Where a thermal receipt printer takes its raw ESC/POS bytes: a device
//! file, a CUPS queue (Linux) or a Windows printer through the spooler.
//! Written as one setting: `/dev/usb/lp0`, `COM5`, `cups:POS58`,
//! `windows:POS-58`.

use std::fmt;

/// A receipt printer the stall sends raw bytes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrinterTarget {
    /// A device (or file) written directly: `/dev/usb/lp0`, `/dev/rfcomm0`,
    /// `COM5`, `\\.\COM5`.
    Device(String),
    /// A CUPS queue set up as raw (`lp -d QUEUE -o raw`).
    Cups(String),
    /// A Windows printer, fed through the spooler in RAW mode.
    Windows(String),
}

/// Why a printer setting is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrinterError {
    #[error(
        "printer struk ditulis sebagai perangkat (/dev/usb/lp0, COM5), cups:ANTREAN atau windows:NAMA PRINTER (tertulis \"{0}\")"
    )]
    Shape(String),
    #[error("nama antrean CUPS hanya huruf, angka, - _ atau . (tertulis \"{0}\")")]
    CupsName(String),
}

impl PrinterTarget {
    /// Reads a setting's text; an empty text is no printer.
    pub fn parse(text: &str) -> Result<Option<PrinterTarget>, PrinterError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        let printable = |s: &str| {
            !s.trim().is_empty() && s.chars().count() <= 200 && !s.chars().any(char::is_control)
        };
        if !printable(trimmed) {
            return Err(PrinterError::Shape(text.to_string()));
        }
        if let Some(queue) = trimmed.strip_prefix("cups:") {
            let queue = queue.trim();
            let ok = !queue.is_empty()
                && queue.len() <= 127
                && queue
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
            return if ok {
                Ok(Some(PrinterTarget::Cups(queue.to_string())))
            } else {
                Err(PrinterError::CupsName(text.to_string()))
            };
        }
        if let Some(name) = trimmed.strip_prefix("windows:") {
            return if printable(name) {
                Ok(Some(PrinterTarget::Windows(name.trim().to_string())))
            } else {
                Err(PrinterError::Shape(text.to_string()))
            };
        }
        let path = trimmed.strip_prefix("device:").unwrap_or(trimmed).trim();
        let upper = path.to_ascii_uppercase();
        let com_port = upper.strip_prefix("\\\\.\\").unwrap_or(&upper);
        let is_com = com_port.len() > 3
            && com_port.starts_with("COM")
            && com_port[3..].bytes().all(|b| b.is_ascii_digit());
        let absolute = path.starts_with('/')
            || path.starts_with("\\\\")
            || (path.len() > 2
                && path.as_bytes()[1] == b':'
                && path.as_bytes()[0].is_ascii_alphabetic());
        if is_com || absolute {
            Ok(Some(PrinterTarget::Device(path.to_string())))
        } else {
            Err(PrinterError::Shape(text.to_string()))
        }
    }
}

impl fmt::Display for PrinterTarget {
    /// The setting's text, as [`PrinterTarget::parse`] reads it back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrinterTarget::Device(path) => f.write_str(path),
            PrinterTarget::Cups(queue) => write!(f, "cups:{queue}"),
            PrinterTarget::Windows(name) => write!(f, "windows:{name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_devices_queues_and_windows_printers() {
        let read = |text: &str| PrinterTarget::parse(text).unwrap().unwrap();
        assert_eq!(
            read("/dev/usb/lp0"),
            PrinterTarget::Device("/dev/usb/lp0".into())
        );
        assert_eq!(
            read("device:/dev/rfcomm0"),
            PrinterTarget::Device("/dev/rfcomm0".into())
        );
        assert_eq!(read("COM5"), PrinterTarget::Device("COM5".into()));
        assert_eq!(
            read("\\\\.\\COM12"),
            PrinterTarget::Device("\\\\.\\COM12".into())
        );
        assert_eq!(read("cups:POS58"), PrinterTarget::Cups("POS58".into()));
        assert_eq!(
            read("windows:POS-58 Printer"),
            PrinterTarget::Windows("POS-58 Printer".into())
        );
        for target in [
            "/dev/usb/lp0",
            "cups:POS58",
            "windows:POS-58 Printer",
            "COM5",
        ] {
            assert_eq!(read(target).to_string(), target);
        }
        assert_eq!(PrinterTarget::parse("  "), Ok(None));
        for bad in [
            "lp0",
            "cups:",
            "cups:a b",
            "windows:",
            "COM",
            "printer",
            "/dev/\u{7}",
        ] {
            assert!(PrinterTarget::parse(bad).is_err(), "{bad}");
        }
    }
}
