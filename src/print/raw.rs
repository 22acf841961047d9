//! Raw bytes to a receipt printer, past any driver: written to a device file
//! (`/dev/usb/lp0`, a Bluetooth `/dev/rfcomm0`, `COM5`), handed to a CUPS
//! queue with `lp -o raw`, or to the Windows spooler as a RAW document.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::domain::printer::PrinterTarget;

/// Why the bytes did not reach the printer.
#[derive(Debug, thiserror::Error)]
pub enum RawPrintError {
    #[error("printer {target} tidak bisa dibuka: {source}")]
    Open {
        target: String,
        source: std::io::Error,
    },
    #[error("printer {target} tidak menerima data: {source}")]
    Write {
        target: String,
        source: std::io::Error,
    },
    #[error("{program} tidak bisa dijalankan: {source}")]
    Program {
        program: &'static str,
        source: std::io::Error,
    },
    #[error("{program} menolak mencetak ke {target}: {message}")]
    Refused {
        program: &'static str,
        target: String,
        message: String,
    },
    #[error(
        "printer Windows ({0}) hanya bisa dipakai di Windows; di Linux pakai perangkat atau cups:ANTREAN"
    )]
    NotWindows(String),
}

/// Sends `bytes` to `target` and waits until it has taken them.
pub fn send(target: &PrinterTarget, bytes: &[u8]) -> Result<(), RawPrintError> {
    match target {
        PrinterTarget::Device(path) => to_device(Path::new(path), bytes),
        PrinterTarget::Cups(queue) => to_cups(queue, bytes),
        PrinterTarget::Windows(name) => to_windows(name, bytes),
    }
}

/// Writes into an existing device (or file): a printer that is not plugged
/// in is an error, not a new file under /dev.
fn to_device(path: &Path, bytes: &[u8]) -> Result<(), RawPrintError> {
    let target = path.display().to_string();
    let mut device = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|source| RawPrintError::Open {
            target: target.clone(),
            source,
        })?;
    device
        .write_all(bytes)
        .and_then(|()| device.flush())
        .map_err(|source| RawPrintError::Write { target, source })
}

fn to_cups(queue: &str, bytes: &[u8]) -> Result<(), RawPrintError> {
    let mut command = Command::new("lp");
    command.args(["-d", queue, "-o", "raw", "-t", "Sentra"]);
    run_with_input(command, "lp", queue, bytes)
}

/// The Windows spooler, RAW: OpenPrinter, StartDocPrinter with the RAW data
/// type, WritePrinter — through PowerShell, so no driver renders the bytes
/// as text. The printer's name and the bytes' file travel in the
/// environment, never inside the script.
fn to_windows(name: &str, bytes: &[u8]) -> Result<(), RawPrintError> {
    if !cfg!(windows) {
        return Err(RawPrintError::NotWindows(name.to_string()));
    }
    // A fresh file of its own (random name, O_EXCL): nothing planted in
    // the temporary folder is opened or overwritten.
    let write = || -> std::io::Result<std::path::PathBuf> {
        let (mut handle, file) =
            crate::store::files::create_fresh(&std::env::temp_dir().join("sentra-raw.bin"))?;
        handle.write_all(bytes)?;
        handle.flush()?;
        Ok(file)
    };
    let file = write().map_err(|source| RawPrintError::Write {
        target: std::env::temp_dir().display().to_string(),
        source,
    })?;
    let mut command = Command::new("powershell");
    command
        .args([
            "-NoProfile",
            "-NonInteractive",
            "-ExecutionPolicy",
            "Bypass",
            "-Command",
            WINDOWS_RAW,
        ])
        .env("SENTRA_PRINTER", name)
        .env("SENTRA_RAW_FILE", &file);
    let result = run_with_input(command, "powershell", name, &[]);
    let _ = std::fs::remove_file(&file);
    result
}

fn run_with_input(
    mut command: Command,
    program: &'static str,
    target: &str,
    bytes: &[u8],
) -> Result<(), RawPrintError> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| RawPrintError::Program { program, source })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(bytes)
            .map_err(|source| RawPrintError::Write {
                target: target.to_string(),
                source,
            })?;
    }
    let output = child
        .wait_with_output()
        .map_err(|source| RawPrintError::Program { program, source })?;
    if output.status.success() {
        Ok(())
    } else {
        let message = String::from_utf8_lossy(&output.stderr);
        Err(RawPrintError::Refused {
            program,
            target: target.to_string(),
            message: message.split_whitespace().collect::<Vec<_>>().join(" "),
        })
    }
}

/// PowerShell: the winspool calls of a RAW print job.
const WINDOWS_RAW: &str = r#"
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class SentraRaw {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DocInfo { public string Name; public string Output; public string DataType; }
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern bool OpenPrinter(string name, out IntPtr handle, IntPtr defaults);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool ClosePrinter(IntPtr handle);
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern int StartDocPrinter(IntPtr handle, int level, [In] DocInfo info);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndDocPrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool StartPagePrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndPagePrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool WritePrinter(IntPtr handle, byte[] bytes, int count, out int written);
  public static void Send(string printer, byte[] bytes) {
    IntPtr handle;
    if (!OpenPrinter(printer, out handle, IntPtr.Zero))
      throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error());
    try {
      DocInfo info = new DocInfo { Name = "Sentra", DataType = "RAW" };
      if (StartDocPrinter(handle, 1, info) == 0)
        throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error());
      StartPagePrinter(handle);
      int written;
      bool ok = WritePrinter(handle, bytes, bytes.Length, out written);
      EndPagePrinter(handle);
      EndDocPrinter(handle);
      if (!ok || written != bytes.Length)
        throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error());
    } finally { ClosePrinter(handle); }
  }
}
'@
[SentraRaw]::Send($env:SENTRA_PRINTER, [System.IO.File]::ReadAllBytes($env:SENTRA_RAW_FILE))
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_into_a_device_that_exists_and_refuses_one_that_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let device = dir.path().join("lp0");
        std::fs::write(&device, b"").unwrap();
        send(
            &PrinterTarget::Device(device.display().to_string()),
            b"\x1b@hi",
        )
        .unwrap();
        assert_eq!(std::fs::read(&device).unwrap(), b"\x1b@hi");
        let missing = dir.path().join("lp9");
        assert!(matches!(
            send(&PrinterTarget::Device(missing.display().to_string()), b"x"),
            Err(RawPrintError::Open { .. })
        ));
        assert!(!missing.exists());
    }
}
