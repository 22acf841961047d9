//! `label`, `printer test`, `receipt --escpos`, `product barcode` and
//! `product plu`: price labels, the thermal printer, and the codes a
//! scanner or a label scale reads.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use time::OffsetDateTime;

use super::{CliError, Output};
use crate::domain::label::{LabelError, parse_request};
use crate::domain::printer::PrinterTarget;
use crate::domain::scale::Plu;
use crate::money::Rupiah;
use crate::print::from_book;
use crate::print::label::{LabelSheet, labels_pdf};
use crate::print::raw;
use crate::store::{Store, StoreError};

#[derive(Debug, Args)]
pub struct LabelArgs {
    /// SKU[=JUMLAH]: produk dan berapa label (bawaan 1), boleh berulang
    #[arg(value_name = "SKU[=COPIES]", required = true, value_parser = |s: &str| parse_request(s).map_err(|e| e.to_string()))]
    items: Vec<(String, u32)>,
    /// Tulis label sebagai PDF
    #[arg(long, value_name = "FILE")]
    pdf: PathBuf,
    /// Kertas label: a4-3x7 (isi 21, 63,5×38,1 mm), a4-4x10 (isi 40,
    /// 52,5×29,7 mm) atau roll-58x40 (rol 58×40 mm)
    #[arg(long, default_value = "a4-3x7", value_parser = ["a4-3x7", "a4-4x10", "roll-58x40"])]
    sheet: String,
    /// Lewati N tempat pertama di lembar pertama (lembar yang sudah terpakai)
    #[arg(long, value_name = "N", default_value_t = 0)]
    skip: usize,
}

/// `sentra printer …`: the thermal receipt printer.
#[derive(Debug, Subcommand)]
pub enum PrinterCommand {
    /// Kirim halaman tes ESC/POS ke printer struk
    Test {
        /// Printer: perangkat (/dev/usb/lp0, COM5), cups:ANTREAN atau
        /// windows:NAMA (bawaan: pengaturan escpos_printer)
        #[arg(long, value_name = "PRINTER")]
        to: Option<String>,
        #[arg(long, value_parser = ["58", "80"])]
        width: Option<String>,
    },
}

/// Why a printer command cannot go ahead.
#[derive(Debug, thiserror::Error)]
pub enum PrinterCliError {
    #[error(
        "belum ada printer struk: atur dengan `sentra settings set escpos_printer /dev/usb/lp0` (atau cups:ANTREAN, windows:NAMA), atau pakai --to"
    )]
    NoPrinter,
    #[error(transparent)]
    Target(#[from] crate::domain::printer::PrinterError),
    #[error(transparent)]
    Raw(#[from] raw::RawPrintError),
}

pub fn label(store: &Store, args: LabelArgs, out: &Output) -> Result<(), CliError> {
    let sheet = LabelSheet::find(&args.sheet)
        .ok_or_else(|| StoreError::from(LabelError::Sheet(args.sheet.clone())))?;
    if args.skip >= sheet.per_page() {
        return Err(StoreError::from(LabelError::Skip {
            skip: args.skip.to_string(),
            per_page: sheet.per_page(),
        })
        .into());
    }
    store.check_output_path(&args.pdf)?;
    crate::print::check_writable(&args.pdf)?;
    let labels = from_book::labels(store, &args.items)?;
    let bytes = labels_pdf(&labels, sheet, args.skip).map_err(StoreError::from)?;
    crate::print::write_file(&args.pdf, &bytes)?;
    let pages = sheet.pages(args.skip, labels.len());
    out.emit(
        &serde_json::json!({
            "pdf": args.pdf,
            "sheet": sheet.key,
            "labels": labels.len(),
            "pages": pages,
        }),
        |_| {
            format!(
                "{} label di {pages} halaman {} ditulis ke {}",
                labels.len(),
                sheet.title,
                args.pdf.display()
            )
        },
    );
    Ok(())
}

/// The stall's QRIS with `amount` filled in: its text, and as a PNG image.
pub fn qris(
    store: &Store,
    amount: Rupiah,
    png: Option<&Path>,
    out: &Output,
) -> Result<(), CliError> {
    store.require_stall()?;
    if let Some(path) = png {
        store.check_output_path(path)?;
        crate::print::check_writable(path)?;
    }
    let payload = store.settings()?.qris_with_amount(amount)?;
    if let Some(path) = png {
        let bytes = crate::print::qr_png::qr_png(&payload, 8).map_err(|source| {
            crate::print::PrintError {
                path: path.to_path_buf(),
                source,
            }
        })?;
        crate::print::write_file(path, &bytes)?;
    }
    out.emit(
        &serde_json::json!({ "amount": amount, "payload": payload, "png": png }),
        |_| match png {
            Some(path) => format!("{payload}\nQRIS {amount} ditulis ke {}", path.display()),
            None => payload.clone(),
        },
    );
    Ok(())
}

pub fn printer(store: &Store, command: PrinterCommand, out: &Output) -> Result<(), CliError> {
    let PrinterCommand::Test { to, width } = command;
    let settings = store.settings()?;
    let target = match to {
        Some(text) => PrinterTarget::parse(&text).map_err(PrinterCliError::from)?,
        None => settings.escpos_printer.clone(),
    }
    .ok_or(PrinterCliError::NoPrinter)?;
    store.check_printer(&target)?;
    let width = paper(width.as_deref(), settings.receipt_width);
    let bytes = from_book::printer_test(store, width)?;
    raw::send(&target, &bytes).map_err(PrinterCliError::from)?;
    out.emit(
        &serde_json::json!({ "printer": target.to_string(), "bytes": bytes.len() }),
        |_| format!("Halaman tes dikirim ke {target}."),
    );
    Ok(())
}

/// `receipt RECEIPT --escpos FILE|DEVICE`: a reprint as ESC/POS bytes,
/// written to a file, into a device, or to a printer queue
/// (`cups:QUEUE`, `windows:NAME`).
pub fn receipt_escpos(
    store: &Store,
    receipt: &str,
    width: Option<&str>,
    to: &str,
    out: &Output,
) -> Result<(), CliError> {
    store.require_stall()?;
    let queue = to.starts_with("cups:") || to.starts_with("windows:");
    let path = Path::new(to);
    let device = !queue && is_device(path);
    if !queue && !device {
        store.check_output_path(path)?;
        crate::print::check_writable(path)?;
    }
    let sale = store.sale(receipt)?;
    let width = paper(width, store.settings()?.receipt_width);
    let bytes = from_book::receipt_escpos(store, &sale, width, true)?;
    if queue || device {
        let target = PrinterTarget::parse(to)
            .map_err(PrinterCliError::from)?
            .ok_or(PrinterCliError::NoPrinter)?;
        store.check_printer(&target)?;
        raw::send(&target, &bytes).map_err(PrinterCliError::from)?;
    } else {
        crate::print::write_file(path, &bytes)?;
    }
    out.emit(
        &serde_json::json!({ "receipt": sale.receipt, "escpos": to, "bytes": bytes.len() }),
        |_| format!("Struk {} (ESC/POS) dikirim ke {to}", sale.receipt),
    );
    Ok(())
}

/// A device file (a printer's `/dev/usb/lp0`), not a file to write anew.
fn is_device(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device())
    }
    #[cfg(not(unix))]
    {
        let text = path.to_string_lossy().to_ascii_uppercase();
        let port = text.strip_prefix("\\\\.\\").unwrap_or(&text);
        port.starts_with("COM") && port[3..].bytes().all(|b| b.is_ascii_digit())
    }
}

/// The receipt paper asked for (`--width`), or the setting's.
pub(super) fn paper(width: Option<&str>, setting: u16) -> u16 {
    match width {
        Some("80") => 80,
        Some(_) => 58,
        None => setting,
    }
}

/// `product barcode SKU --auto`.
pub fn store_barcode(
    store: &mut Store,
    sku: &str,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let product = store.assign_store_barcode(sku, now)?;
    out.emit(&product, |p| {
        format!(
            "{} \"{}\" mendapat barcode toko {}.",
            p.sku,
            p.name,
            p.barcode.as_deref().unwrap_or_default()
        )
    });
    Ok(())
}

/// `product plu SKU [PLU] [--clear]`: shows, sets or clears a PLU.
pub fn plu(
    store: &mut Store,
    sku: &str,
    plu: Option<Plu>,
    clear: bool,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    store.require_stall()?;
    let product = if clear || plu.is_some() {
        store.set_plu(sku, plu, now)?
    } else {
        store.find_product(sku)?
    };
    let plu = store.plu_of(&product.sku)?;
    out.emit(
        &serde_json::json!({ "sku": product.sku, "name": product.name, "plu": plu }),
        |_| match plu {
            Some(plu) => format!("{} \"{}\": PLU {plu}", product.sku, product.name),
            None => format!("{} \"{}\": tanpa PLU", product.sku, product.name),
        },
    );
    Ok(())
}
