//! Demo data: a new stall filled with a Lampung catalogue and some days of
//! sales, made through the same book operations a vendor uses.

mod books;
mod catalogue;
mod consign;
mod rng;

use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time};

use crate::domain::barcode::ean13_from_twelve;
use crate::domain::cart::{CartLine, price_cart};
use crate::domain::discount::Discount;
use crate::domain::payment::{PaymentMethod, Tender};
use crate::domain::pin::PinError;
use crate::domain::unit::Unit;
use crate::money::{Quantity, Rupiah};
use crate::store::{
    NewProduct, ProductFilter, ReturnItem, SaleItem, SaleRequest, Store, StoreError,
};
use catalogue::CATALOGUE;
use rng::Rng;

/// What the demo put in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DemoSummary {
    pub products: usize,
    pub sales: usize,
    pub days: u32,
}

/// Fills a new stall with `days` days of trade ending at `now` (today's sales
/// stop at the current hour, and before the first sale's hour the days end
/// yesterday; earlier days are closed with a cash count).
/// The days of trade the first run's demo makes: enough that last month's
/// books (Laporan, SAK EMKM) are whole, whatever day it is run.
pub const FIRST_RUN_DAYS: u32 = 35;

pub fn fill(store: &mut Store, days: u32, now: OffsetDateTime) -> Result<DemoSummary, StoreError> {
    let identity = store.require_stall()?;
    if !store.list_products(&ProductFilter::default())?.is_empty() {
        return Err(StoreError::NotEmpty);
    }
    let clock = DemoClock {
        offset: store.settings()?.utc_offset,
        today: store.business_day(now),
        now,
    };
    // A day's first sale comes by 08:40; before that today has no trade
    // yet, and the `days` days of trade end yesterday.
    let traded_today = now >= clock.at(clock.today, 8, 40);
    let first = clock.today - Duration::days(i64::from(days.max(1)) - i64::from(traded_today));
    let mut rng = Rng::new(seed(identity.stall_code()));
    let consigned = stock_catalogue(store, &mut rng, clock.at(first, 7, 0))?;
    books::opening(store, first, clock.at(first, 7, 11))?;
    consign::producers(store, clock.at(first, 7, 12))?;
    for (producer, items) in consigned {
        consign::receive(store, producer, items, clock.at(first, 7, 15))?;
    }
    let mut sales = 0;
    let mut date = first;
    while date <= clock.today {
        sales += trade_day(store, &mut rng, &clock, date)?;
        if date != clock.today {
            close_demo_day(store, &mut rng, &clock, date)?;
        }
        date = date.next_day().unwrap_or(clock.today);
        if date == first {
            break;
        }
    }
    consign::payout(store, now)?;
    Ok(DemoSummary {
        products: CATALOGUE.len(),
        sales,
        days,
    })
}

/// The stall's clock for the demo's days: times of day on the stall's
/// offset, and today and now, past which nothing is dated.
struct DemoClock {
    offset: time::UtcOffset,
    today: Date,
    now: OffsetDateTime,
}

impl DemoClock {
    fn at(&self, date: Date, hour: u8, minute: u8) -> OffsetDateTime {
        let time = Time::from_hms(hour, minute, 0).unwrap_or(Time::MIDNIGHT);
        PrimitiveDateTime::new(date, time).assume_offset(self.offset)
    }

    /// Whether `when` is still ahead of the clock (today only).
    fn ahead(&self, date: Date, when: OffsetDateTime) -> bool {
        date == self.today && when > self.now
    }
}

/// Goods waiting for their producers' handover notes.
type Consigned = Vec<(&'static str, Vec<(String, Quantity)>)>;

/// The catalogue added at `added` (07:00 of the first day), own goods with
/// their stok awal (ten minutes later); consigned goods come in from their
/// producers, not as stok awal, and are returned for that.
fn stock_catalogue(
    store: &mut Store,
    rng: &mut Rng,
    added: OffsetDateTime,
) -> Result<Consigned, StoreError> {
    let mut consigned: Consigned = Vec::new();
    for (index, item) in CATALOGUE.iter().enumerate() {
        let barcode = item.has_barcode().then(|| {
            let company = catalogue::company_prefix(item.category);
            ean13_from_twelve(899_000_000_000 + company * 100_000 + index as u64 + 1)
        });
        let product = NewProduct {
            sku: item.sku.into(),
            barcode,
            name: item.name.into(),
            unit: item.unit,
            category: item.category.into(),
            price: Rupiah::new(item.price),
            cost: Some(Rupiah::new(item.cost)),
            min_stock: minimum(item.unit, item.price),
        };
        store.add_product(&product, added)?;
        if let Some(producer) = consign::producer_of(item.sku) {
            let quantity = opening_stock(item.unit, item.price, rng);
            match consigned.iter_mut().find(|(p, _)| *p == producer) {
                Some((_, items)) => items.push((item.sku.into(), quantity)),
                None => consigned.push((producer, vec![(item.sku.into(), quantity)])),
            }
            continue;
        }
        // Stok awal bought with the owner's money: capital brought in.
        store.receive_stock_paid(
            item.sku,
            opening_stock(item.unit, item.price, rng),
            Some(product.cost.unwrap_or_default()),
            Some(crate::domain::books_event::Paid::Owner),
            Some("stok awal"),
            added + Duration::minutes(10),
        )?;
    }
    Ok(consigned)
}

/// One day's trade from 08:00, the day opened first; returns the sales.
fn trade_day(
    store: &mut Store,
    rng: &mut Rng,
    clock: &DemoClock,
    date: Date,
) -> Result<usize, StoreError> {
    // Before opening hours today is left for the vendor to open with the
    // kas awal counted: a day opened at 07:30 now would date a record
    // ahead of the clock, and the morning's first sale would be refused as
    // a clock set back.
    let opens = clock.at(date, 7, 30);
    if store.day(date)?.is_none() && !clock.ahead(date, opens) {
        store.open_day(Rupiah::new(200_000), opens)?;
    }
    let mut sales = 0;
    let mut minute_of_day = 8 * 60;
    for _ in 0..rng.between(14, 32) {
        minute_of_day += rng.between(5, 40) as u32;
        if minute_of_day >= 21 * 60 {
            break;
        }
        let when = clock.at(date, (minute_of_day / 60) as u8, (minute_of_day % 60) as u8);
        if clock.ahead(date, when) {
            break;
        }
        let request = random_sale(store, rng)?;
        let sale = store.complete_sale(&request, when)?;
        sales += 1;
        // The book's records run forward in time: the next sale comes
        // after a return.
        if rng.chance(3) && bring_one_back(store, clock, date, &sale, when)? {
            minute_of_day += 20;
        }
    }
    Ok(sales)
}

/// Now and then a buyer brings one piece back later that day, refunded the
/// way it was paid; kasbon sales are left alone. Whether it came back.
fn bring_one_back(
    store: &mut Store,
    clock: &DemoClock,
    date: Date,
    sale: &crate::store::CompletedSale,
    when: OffsetDateTime,
) -> Result<bool, StoreError> {
    let Some(line) = sale.lines.iter().find(|l| l.quantity == Quantity::ONE) else {
        return Ok(false);
    };
    let Some(paid) = sale.payments.first().map(|p| p.method) else {
        return Ok(false);
    };
    let back_at = when + Duration::minutes(20);
    if paid == PaymentMethod::Kasbon || clock.ahead(date, back_at) {
        return Ok(false);
    }
    let back = ReturnItem {
        sku: line.sku.clone(),
        quantity: Quantity::ONE,
    };
    let refund = Tender {
        method: paid,
        amount: line.net,
        reference: None,
    };
    match store.return_items(&sale.receipt, &[back], &refund, back_at) {
        // Nearly the whole sale back is the manager's, not the demo's: that
        // buyer keeps the goods.
        Err(StoreError::Pin(PinError::Required(_))) => Ok(false),
        other => other.map(|_| true),
    }
}

/// Tutup kasir at 21:15, now and then a little short or over; the day's
/// restock and the books' records after it.
fn close_demo_day(
    store: &mut Store,
    rng: &mut Rng,
    clock: &DemoClock,
    date: Date,
) -> Result<(), StoreError> {
    let expected = store.day_report(date)?.cash.expected;
    let slip = match rng.between(0, 9) {
        0 => -5_000,
        1 => 2_000,
        _ => 0,
    };
    let counted = expected.checked_add(Rupiah::new(slip))?;
    store.close_day(counted, clock.at(date, 21, 15))?;
    restock(store, rng, clock.at(date, 21, 30))?;
    books::after_close(
        store,
        date,
        Rupiah::new(200_000),
        counted,
        clock.at(date, 21, 40),
    )
}

fn seed(code: &str) -> u64 {
    code.bytes().fold(0xC0FFEE, |acc, b| {
        acc.wrapping_mul(31).wrapping_add(u64::from(b))
    })
}

fn minimum(unit: Unit, price: i64) -> Quantity {
    let units = match unit {
        Unit::Pack => 20,
        Unit::Kg | Unit::M => 5,
        _ if price >= 900_000 => 2,
        _ => 5,
    };
    Quantity::from_milli(units * Quantity::SCALE)
}

fn opening_stock(unit: Unit, price: i64, rng: &mut Rng) -> Quantity {
    let units = match unit {
        Unit::Pack => rng.between(60, 150),
        Unit::Kg => rng.between(15, 30),
        Unit::M => rng.between(40, 80),
        _ if price >= 900_000 => rng.between(2, 4),
        _ => rng.between(15, 40),
    };
    Quantity::from_milli(units as i64 * Quantity::SCALE)
}

/// A buyer's basket: mostly snacks and coffee, now and then cloth.
fn random_sale(store: &Store, rng: &mut Rng) -> Result<SaleRequest, StoreError> {
    let weights: Vec<u32> = CATALOGUE.iter().map(|p| p.popularity).collect();
    let lines = rng.between(1, 4) as usize;
    let mut items: Vec<SaleItem> = Vec::with_capacity(lines);
    let mut cart = Vec::with_capacity(lines);
    for _ in 0..lines {
        let product = &CATALOGUE[rng.weighted(&weights)];
        if items.iter().any(|i| i.code == product.sku) {
            continue;
        }
        let milli = match product.unit {
            Unit::Kg => [250, 500, 1_000][rng.between(0, 2) as usize],
            Unit::M => [1_500, 2_000, 2_500][rng.between(0, 2) as usize],
            _ if product.price >= 200_000 => 1_000,
            _ => rng.between(1, 3) as i64 * 1_000,
        };
        let discount =
            (product.price >= 100_000 && rng.chance(10)).then_some(Discount::Percent(1_000));
        let quantity = Quantity::from_milli(milli);
        items.push(SaleItem {
            code: product.sku.into(),
            quantity,
            discount,
        });
        cart.push(CartLine {
            unit_price: Rupiah::new(product.price),
            quantity,
            discount,
        });
    }
    let discount = rng.chance(4).then_some(Discount::Percent(500));
    let total = price_cart(&cart, discount, store.settings()?.tax)?.total;
    let method = match rng.between(0, 99) {
        0..=54 => PaymentMethod::Cash,
        55..=84 => PaymentMethod::Qris,
        85..=92 => PaymentMethod::Transfer,
        _ => PaymentMethod::Card,
    };
    let amount = if method == PaymentMethod::Cash && rng.chance(70) {
        // Buyers hand over round notes.
        let step = if total.value() <= 50_000 {
            10_000
        } else {
            50_000
        };
        Rupiah::new((total.value() + step - 1) / step * step)
    } else {
        total
    };
    let reference =
        (method == PaymentMethod::Qris).then(|| format!("QR{:08}", rng.between(0, 99_999_999)));
    Ok(SaleRequest {
        items,
        discount,
        tenders: vec![Tender {
            method,
            amount,
            reference,
        }],
    })
}

/// After closing, the vendor restocks some of what ran low.
fn restock(store: &mut Store, rng: &mut Rng, when: OffsetDateTime) -> Result<(), StoreError> {
    let low = store.list_products(&ProductFilter {
        low_stock_only: true,
        ..Default::default()
    })?;
    for product in low {
        if rng.chance(40) {
            let item = CATALOGUE.iter().find(|c| c.sku == product.sku);
            let quantity = match item {
                Some(item) => opening_stock(item.unit, item.price, rng),
                None => continue,
            };
            match consign::producer_of(&product.sku) {
                Some(producer) => {
                    consign::receive(store, producer, vec![(product.sku.clone(), quantity)], when)?
                }
                None => {
                    // Bought from the bank account, or now and then on the
                    // supplier's credit.
                    let paid = if product.sku.len() % 4 == 0 {
                        crate::domain::books_event::Paid::Credit
                    } else {
                        crate::domain::books_event::Paid::Bank
                    };
                    store.receive_stock_paid(
                        &product.sku,
                        quantity,
                        product.cost,
                        Some(paid),
                        Some("belanja ulang"),
                        when,
                    )?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    /// Days with at least one sale in the book.
    fn days_with_sales(store: &Store) -> Vec<String> {
        let mut statement = store
            .connection()
            .prepare("SELECT DISTINCT day FROM sales ORDER BY day")
            .unwrap();
        statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn demo_loaded_before_opening_hours_dates_nothing_ahead_of_the_clock() {
        let now = datetime!(2026-11-27 06:00 +7);
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .init_stall("ST07", "Tapis Indah", None, 1802, None, now)
            .unwrap();
        fill(&mut store, 7, now).unwrap();
        let today = store.business_day(now);
        assert_eq!(store.day(today).unwrap(), None, "today waits for kas awal");
        // The vendor opens the day at 06:01 and sells at 06:02.
        store
            .open_day(Rupiah::new(150_000), now + Duration::minutes(1))
            .unwrap();
        let request = random_sale(&store, &mut Rng::new(7)).unwrap();
        let sale = store
            .complete_sale(&request, now + Duration::minutes(2))
            .unwrap();
        assert_eq!(sale.day, today.to_string());
    }

    #[test]
    fn three_days_of_demo_are_three_days_of_sales_early_or_late() {
        for (now, last) in [
            (datetime!(2026-11-27 07:30 +7), "2026-11-26"),
            (datetime!(2026-11-27 15:00 +7), "2026-11-27"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(dir.path()).unwrap();
            store
                .init_stall("ST07", "Tapis Indah", None, 1802, None, now)
                .unwrap();
            fill(&mut store, 3, now).unwrap();
            let days = days_with_sales(&store);
            assert_eq!(days.len(), 3, "at {now}: {days:?}");
            assert_eq!(days.last().map(String::as_str), Some(last));
        }
    }
}
