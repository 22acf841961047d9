//! `sale`, `void`, `return` and `receipt`.

use std::path::{Path, PathBuf};

use clap::Args;
use time::OffsetDateTime;

use super::{CliError, Output, args};
use crate::domain::discount::Discount;
use crate::domain::payment::Tender;
use crate::store::{CompletedSale, ReturnItem, SaleItem, SaleRequest, Store};

#[derive(Debug, Args)]
pub struct SaleArgs {
    /// KODE=JUMLAH[@DISKON]: SKU atau barcode, jumlah, diskon baris (Rp atau N%)
    #[arg(long = "item", value_name = "CODE=QTY[@DISCOUNT]", required = true, value_parser = args::sale_item)]
    items: Vec<SaleItem>,
    /// Diskon nota: Rp atau N%
    #[arg(long, value_name = "RP|N%", value_parser = args::discount)]
    discount: Option<Discount>,
    /// METODE=JUMLAH[:REF]; metode: cash, qris, transfer, card, kasbon
    #[arg(long = "pay", value_name = "METHOD=RP[:REF]", value_parser = args::tender)]
    payments: Vec<Tender>,
    /// Pelanggan yang mengambil kasbon (kode, mis. C001)
    #[arg(long, value_name = "CODE")]
    customer: Option<String>,
    /// PIN manajer: kasbon melewati batas pelanggan, atau diskon di atas
    /// pin_discount_percent
    #[arg(long)]
    pin: Option<String>,
    /// Tulis struk sebagai PDF
    #[arg(long, value_name = "FILE")]
    pdf: Option<PathBuf>,
}

pub fn sale(
    store: &mut Store,
    sale: SaleArgs,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let request = SaleRequest {
        items: sale.items,
        discount: sale.discount,
        tenders: sale.payments,
    };
    if let Some(path) = &sale.pdf {
        store.check_output_path(path)?;
        crate::print::check_writable(path)?;
    }
    let credit = sale.customer.map(|customer| crate::store::Credit {
        customer,
        pin: sale.pin.clone(),
    });
    let completed =
        store.complete_sale_approved(&request, credit.as_ref(), sale.pin.as_deref(), now)?;
    if let Some(path) = &sale.pdf {
        let width = store.settings()?.receipt_width;
        let bytes = crate::print::from_book::receipt_pdf(store, &completed, width, false)?;
        super::paper_after_record(
            crate::print::write_file(path, &bytes),
            || format!("Penjualan {}", completed.receipt),
            || format!("sentra receipt {} --pdf FILE", completed.receipt),
        )?;
    }
    out.emit(&completed, |s| {
        let mut text = format!("Struk {} tersimpan.\nTotal {}", s.receipt, s.total);
        for payment in &s.payments {
            text.push_str(&format!("\n{} {}", payment.method, payment.tendered));
            if let Some(customer) = &payment.customer {
                text.push_str(&format!(" ({customer})"));
            }
        }
        text.push_str(&format!("\nKembalian {}", s.change));
        text
    });
    Ok(())
}

pub fn void(
    store: &mut Store,
    receipt: &str,
    reason: &str,
    pin: &str,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let record = store.void_sale(receipt, reason, pin, now)?;
    out.emit(&record, |r| {
        format!(
            "Nota {} dibatalkan ({}), {} keluar dari penjualan.",
            r.receipt, r.reason, r.total
        )
    });
    Ok(())
}

pub fn return_items(
    store: &mut Store,
    receipt: &str,
    items: &[ReturnItem],
    refunds: &[Tender],
    pin: Option<&str>,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let record = store.return_items_with(receipt, items, refunds, pin, now)?;
    out.emit(&record, |r| {
        let mut text = format!(
            "Retur nota {} tercatat: barang senilai {}, dikembalikan {} ({})",
            r.receipt, r.worth, r.refund, r.refund_method
        );
        if r.kasbon_refund.is_positive() {
            text.push_str(&format!(", kasbon berkurang {}", r.kasbon_refund));
        }
        text.push('.');
        text
    });
    Ok(())
}

/// Shows a receipt, or writes it as a PDF. Either way it is a reprint, so
/// the paper says SALINAN.
/// A sale's struk as a wa.me link for the buyer's number.
pub fn receipt_whatsapp(
    store: &Store,
    receipt: &str,
    width: Option<&str>,
    number: &str,
    out: &Output,
) -> Result<(), CliError> {
    store.require_stall()?;
    let sale = store.sale(receipt)?;
    let width = super::printing::paper(width, store.settings()?.receipt_width);
    let link = crate::print::from_book::receipt_whatsapp(store, &sale, width, number)?;
    out.emit(
        &serde_json::json!({ "receipt": sale.receipt, "whatsapp": link }),
        |_| link.clone(),
    );
    Ok(())
}

pub fn receipt(
    store: &Store,
    receipt: &str,
    width: Option<&str>,
    pdf: Option<&Path>,
    out: &Output,
) -> Result<(), CliError> {
    store.require_stall()?;
    if let Some(path) = pdf {
        store.check_output_path(path)?;
    }
    let sale = store.sale(receipt)?;
    let width = super::printing::paper(width, store.settings()?.receipt_width);
    match pdf {
        Some(path) => {
            write_receipt(store, &sale, width, true, path)?;
            out.emit(
                &serde_json::json!({ "receipt": sale.receipt, "pdf": path }),
                |_| {
                    format!(
                        "Salinan struk {} ditulis ke {}",
                        sale.receipt,
                        path.display()
                    )
                },
            );
        }
        None => {
            let text = crate::print::from_book::receipt_text(store, &sale, width, true)?;
            out.emit(&sale, |_| text)
        }
    }
    Ok(())
}

fn write_receipt(
    store: &Store,
    sale: &CompletedSale,
    width: u16,
    copy: bool,
    path: &Path,
) -> Result<(), CliError> {
    let bytes = crate::print::from_book::receipt_pdf(store, sale, width, copy)?;
    crate::print::write_file(path, &bytes)?;
    Ok(())
}
