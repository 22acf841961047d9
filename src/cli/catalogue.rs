//! `product` and `stock`: the catalogue and the stock ledger.

use std::path::PathBuf;

use clap::Subcommand;
use serde::Serialize;
use time::OffsetDateTime;

use super::args;
use super::output::{pad, pad_left};
use super::{CliError, Output};
use crate::domain::consign::ConsignError;
use crate::domain::scale::Plu;
use crate::domain::unit::Unit;
use crate::money::{Quantity, Rupiah};
use crate::store::{NewProduct, Product, ProductFilter, Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum ProductCommand {
    /// Tambah produk
    Add {
        #[arg(long)]
        sku: String,
        #[arg(long)]
        name: String,
        /// Harga jual, mis. 15000 atau Rp15.000
        #[arg(long, value_parser = args::rupiah)]
        price: Rupiah,
        /// pcs, pack, kg, g, m, l
        #[arg(long, default_value = "pcs", value_parser = |s: &str| Unit::parse(s).map_err(|e| e.to_string()))]
        unit: Unit,
        /// EAN-13
        #[arg(long)]
        barcode: Option<String>,
        /// HPP (harga pokok)
        #[arg(long, value_parser = args::rupiah)]
        cost: Option<Rupiah>,
        #[arg(long, default_value = crate::store::DEFAULT_CATEGORY)]
        category: String,
        #[arg(long, value_parser = args::quantity)]
        min_stock: Option<Quantity>,
        /// PLU timbangan label (1–5 angka), untuk barang yang ditimbang
        #[arg(long, value_parser = |s: &str| Plu::parse(s).map_err(|e| e.to_string()))]
        plu: Option<Plu>,
        /// Titip jual: kode penitip pemilik barang
        #[arg(long)]
        producer: Option<String>,
        /// Titip jual: harga setor per satuan (Rp yang menjadi hak penitip)
        #[arg(long, value_parser = args::rupiah, conflicts_with = "commission")]
        consign_price: Option<Rupiah>,
        /// Titip jual: komisi toko dari harga bersih, mis. 20%
        #[arg(long)]
        commission: Option<String>,
    },
    /// Daftar produk dengan stok
    List {
        /// Hanya yang stoknya sama dengan atau di bawah minimum
        #[arg(long)]
        low_stock: bool,
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        category: Option<String>,
    },
    /// Impor produk dari CSV (pemisah , atau ;)
    Import {
        file: PathBuf,
        /// PIN manajer, bila berkas mengubah harga produk yang sudah ada
        #[arg(long)]
        pin: Option<String>,
    },
    /// Ekspor katalog dengan stok ke CSV
    Export { file: PathBuf },
    /// Beri produk barcode toko (EAN-13 berawalan 20–29)
    Barcode {
        sku: String,
        /// Pilih nomor berikutnya yang belum terpakai
        #[arg(long, required = true)]
        auto: bool,
    },
    /// Lihat, pasang atau hapus PLU timbangan sebuah produk
    Plu {
        sku: String,
        #[arg(value_parser = |s: &str| Plu::parse(s).map_err(|e| e.to_string()), conflicts_with = "clear")]
        plu: Option<Plu>,
        /// Hapus PLU produk ini
        #[arg(long)]
        clear: bool,
    },
    /// Harga grosir: JUMLAH=HARGA, mis. 12=9000 24=8500 (menggantikan yang lama), atau --clear
    PriceTier {
        sku: String,
        #[arg(value_parser = args::price_tier, conflicts_with = "clear", required_unless_present = "clear")]
        tiers: Vec<crate::domain::price_tier::PriceTier>,
        /// Hapus semua harga grosir produk ini
        #[arg(long)]
        clear: bool,
    },
    /// Titip jual: jadikan produk barang titipan penitip, ubah syaratnya, atau --clear
    Consign {
        sku: String,
        /// Kode penitip pemilik barang
        #[arg(long, required_unless_present = "clear", conflicts_with = "clear")]
        producer: Option<String>,
        /// Harga setor per satuan
        #[arg(long, value_parser = args::rupiah, conflicts_with_all = ["commission", "clear"])]
        consign_price: Option<Rupiah>,
        /// Komisi toko dari harga bersih, mis. 20%
        #[arg(long, conflicts_with = "clear")]
        commission: Option<String>,
        /// Jadikan barang milik toko sendiri lagi
        #[arg(long)]
        clear: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum StockCommand {
    /// Terima barang
    Receive {
        sku: String,
        #[arg(allow_negative_numbers = true, value_parser = args::quantity)]
        quantity: Quantity,
        #[arg(long, value_parser = args::rupiah)]
        cost: Option<Rupiah>,
        /// Dibayar dari: drawer (kas), bank, credit (utang ke pemasok) atau
        /// owner (uang pemilik); bawaan: pengaturan purchase_paid
        #[arg(long, value_parser = args::paid)]
        paid: Option<crate::domain::books_event::Paid>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Penyesuaian stok (+/-) dengan alasan
    Adjust {
        sku: String,
        #[arg(allow_negative_numbers = true, value_parser = args::quantity)]
        delta: Quantity,
        #[arg(long)]
        reason: String,
    },
    /// Stok opname: catat hasil hitung
    Count {
        sku: String,
        #[arg(allow_negative_numbers = true, value_parser = args::quantity)]
        counted: Quantity,
    },
    /// Kartu stok sebuah produk
    Ledger { sku: String },
}

pub fn product(
    store: &mut Store,
    command: ProductCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        command @ ProductCommand::Add { .. } => add_product(store, command, now, out)?,
        command @ (ProductCommand::Barcode { .. }
        | ProductCommand::PriceTier { .. }
        | ProductCommand::Plu { .. }
        | ProductCommand::Consign { .. }) => product_codes_and_prices(store, command, now, out)?,
        command @ (ProductCommand::List { .. }
        | ProductCommand::Import { .. }
        | ProductCommand::Export { .. }) => catalogue(store, command, now, out)?,
    }
    Ok(())
}

/// `product add`: a new product, its first stock and warnings.
fn add_product(
    store: &mut Store,
    command: ProductCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        ProductCommand::Add {
            sku,
            name,
            price,
            unit,
            barcode,
            cost,
            category,
            min_stock,
            plu,
            producer,
            consign_price,
            commission,
        } => {
            let new = NewProduct {
                sku,
                barcode: barcode.filter(|b| !b.trim().is_empty()),
                name,
                unit,
                category,
                price,
                cost,
                min_stock: min_stock.unwrap_or(Quantity::ZERO),
            };
            let terms = super::consign::terms(consign_price, commission.as_deref())?;
            let product = match (producer, terms) {
                (Some(producer), Some(terms)) => {
                    store.add_consigned_product_with_plu(&new, &producer, terms, plu, now)?
                }
                (Some(_), None) => return Err(StoreError::from(ConsignError::Terms).into()),
                (None, Some(_)) => {
                    return Err(StoreError::from(ConsignError::TermsWithoutProducer).into());
                }
                (None, None) => store.add_product_with_plu(&new, plu, now)?,
            };
            let language = crate::print::from_book::language(store);
            if let Some(warning) = crate::print::paper::glyph_warning(&product.name, language) {
                eprintln!("{warning}");
            }
            out.emit(&product, |p| {
                format!(
                    "Produk {} \"{}\" ditambahkan, harga {}.",
                    p.sku, p.name, p.price
                )
            });
        }
        _ => unreachable!("only add_product's commands are sent here"),
    }
    Ok(())
}

/// `product barcode`, `price-tier`, `plu`, `consign`: what a product is sold by and for.
fn product_codes_and_prices(
    store: &mut Store,
    command: ProductCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        ProductCommand::Barcode { sku, auto: _ } => {
            super::printing::store_barcode(store, &sku, now, out)?
        }
        ProductCommand::PriceTier {
            sku,
            tiers,
            clear: _,
        } => {
            let product = store.set_price_tiers(&sku, &tiers, now)?;
            out.emit(&product, |p| {
                if p.tiers.is_empty() {
                    return format!("{} tanpa harga grosir; harga {}.", p.sku, p.price);
                }
                let tiers: Vec<String> = (p.tiers.iter())
                    .map(|t| format!("mulai {} {}: {}", t.from, p.unit.key(), t.price))
                    .collect();
                format!(
                    "Harga grosir {} (biasa {}): {}.",
                    p.sku,
                    p.price,
                    tiers.join("; ")
                )
            });
        }
        ProductCommand::Plu { sku, plu, clear } => {
            super::printing::plu(store, &sku, plu, clear, now, out)?
        }
        ProductCommand::Consign {
            sku,
            producer,
            consign_price,
            commission,
            clear,
        } => super::consign::product_consign(
            store,
            &sku,
            producer.as_deref(),
            consign_price,
            commission.as_deref(),
            clear,
            now,
            out,
        )?,
        _ => unreachable!("only product_codes_and_prices's commands are sent here"),
    }
    Ok(())
}

/// `product list`, `import`, `export`: the catalogue as a table or a CSV.
fn catalogue(
    store: &mut Store,
    command: ProductCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        ProductCommand::List {
            low_stock,
            search,
            category,
        } => {
            store.require_stall()?;
            let filter = ProductFilter {
                search,
                category,
                low_stock_only: low_stock,
            };
            let products = store.list_products(&filter)?;
            out.emit(&products, |products| product_table(products));
        }
        ProductCommand::Import { file, pin } => {
            let summary = store.import_products(&file, pin.as_deref(), now)?;
            out.emit(&summary, |s| {
                let mut said = format!(
                    "Impor selesai: {} produk baru, {} diperbarui.",
                    s.added, s.updated
                );
                if s.repriced > 0 {
                    said.push_str(&format!(
                        "\nHarga {} produk yang sudah ada diubah (disetujui dengan PIN manajer).",
                        s.repriced
                    ));
                }
                if s.stock_unchanged > 0 {
                    said.push_str(&format!(
                        "\nStok {} produk yang sudah ada tidak diubah dari berkas: pakai `stock count` (stok opname).",
                        s.stock_unchanged
                    ));
                }
                said
            });
        }
        ProductCommand::Export { file } => {
            store.require_stall()?;
            store.check_output_path(&file)?;
            let count = store.export_products(&file)?;
            // Written to standard output or a pipe: the CSV alone goes
            // there, and the message to standard error.
            if crate::store::files::is_passthrough(&file) {
                eprintln!("{count} produk diekspor.");
                return Ok(());
            }
            out.emit(
                &serde_json::json!({ "file": file, "products": count }),
                |_| format!("{count} produk diekspor ke {}.", file.display()),
            );
        }
        _ => unreachable!("only catalogue's commands are sent here"),
    }
    Ok(())
}

fn product_table(products: &[Product]) -> String {
    if products.is_empty() {
        return "Tidak ada produk.".into();
    }
    let mut text = format!(
        "{} {} {} {}\n",
        pad("SKU", 10),
        pad("Nama", 40),
        pad_left("Harga", 12),
        pad_left("Stok", 12)
    );
    for p in products {
        let low = if p.is_low() { "  ⚠ stok menipis" } else { "" };
        text.push_str(&format!(
            "{} {} {} {}{low}\n",
            pad(&p.sku, 10),
            pad(&p.name, 40),
            pad_left(&p.price.to_string(), 12),
            pad_left(&format!("{} {}", p.stock, p.unit), 12)
        ));
    }
    text.push_str(&format!("{} produk", products.len()));
    text
}

#[derive(Serialize)]
struct StockChange {
    sku: String,
    name: String,
    change: Quantity,
    stock: Quantity,
}

pub fn stock(
    store: &mut Store,
    command: StockCommand,
    now: OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    let (sku, change) = match command {
        StockCommand::Receive {
            sku,
            quantity,
            cost,
            paid,
            note,
        } => {
            store.receive_stock_paid(&sku, quantity, cost, paid, note.as_deref(), now)?;
            (sku, quantity)
        }
        StockCommand::Adjust { sku, delta, reason } => {
            store.adjust_stock(&sku, delta, &reason, now)?;
            (sku, delta)
        }
        StockCommand::Count { sku, counted } => {
            let difference = store.count_stock(&sku, counted, now)?;
            (sku, difference)
        }
        StockCommand::Ledger { sku } => {
            store.require_stall()?;
            let product = store.find_product(&sku)?;
            let ledger = store.ledger(&sku)?;
            out.emit(&serde_json::json!({ "sku": product.sku, "name": product.name, "stock": product.stock, "movements": ledger }), |_| {
                let mut text = format!("Kartu stok {} — {}\n", product.sku, product.name);
                for m in &ledger {
                    let detail = m.receipt.clone().or_else(|| m.note.clone()).unwrap_or_default();
                    text.push_str(&format!(
                        "{}  {} {} {}  {}\n",
                        m.at.get(..16).unwrap_or(&m.at).replace('T', " "),
                        pad(m.kind.label(), 14),
                        pad_left(&signed(m.quantity), 9),
                        pad_left(&m.balance.to_string(), 9),
                        detail
                    ));
                }
                text.push_str(&format!("Stok sekarang: {} {}", product.stock, product.unit));
                text
            });
            return Ok(());
        }
    };
    let product = store.find_product(&sku)?;
    let view = StockChange {
        sku: product.sku.clone(),
        name: product.name.clone(),
        change,
        stock: product.stock,
    };
    out.emit(&view, |v| {
        format!(
            "{} {}: {} → stok {} {}",
            v.sku,
            v.name,
            signed(v.change),
            v.stock,
            product.unit
        )
    });
    Ok(())
}

fn signed(quantity: Quantity) -> String {
    if quantity.is_negative() {
        quantity.to_string()
    } else {
        format!("+{quantity}")
    }
}
