//! Titip jual in the demo: a few producers from different regencies whose
//! goods the stall sells on consignment — received under handover notes,
//! sold among the other goods, restocked from the producer, and one of them
//! paid — so a new user sees the feature at once.

use time::OffsetDateTime;

use crate::domain::consign::{PayoutMethod, Terms};
use crate::money::{Quantity, Rupiah};
use crate::store::{HandoverItem, NewProducer, Store, StoreError};

/// A demo producer: code, name, regency, NIB.
const PRODUCERS: [(&str, &str, u16, Option<&str>); 4] = [
    ("P001", "Ibu Sari Handayani", 1806, Some("9120001234567")),
    (
        "P002",
        "Kelompok Tapis Sinar Siger",
        1802,
        Some("9120007654321"),
    ),
    ("P003", "Kopi Liwa Pak Yusuf", 1801, None),
    ("P004", "Gula Aren Ibu Rohana", 1807, None),
];

/// The catalogue's goods that belong to a producer, and their terms.
const CONSIGNED: [(&str, &str, Terms); 7] = [
    ("KRP-02", "P001", Terms::ConsignPrice(Rupiah::new(7_500))),
    ("KRP-04", "P001", Terms::Commission(2_500)),
    ("TPS-04", "P002", Terms::ConsignPrice(Rupiah::new(220_000))),
    ("TPS-07", "P002", Terms::Commission(3_000)),
    ("KPI-01", "P003", Terms::ConsignPrice(Rupiah::new(33_000))),
    ("KPI-04", "P003", Terms::Commission(2_000)),
    ("OLH-02", "P004", Terms::ConsignPrice(Rupiah::new(18_000))),
];

/// The producer whose goods `sku` are, if the demo consigns it.
pub fn producer_of(sku: &str) -> Option<&'static str> {
    CONSIGNED
        .iter()
        .find(|(s, ..)| *s == sku)
        .map(|(_, producer, _)| *producer)
}

/// Adds the producers and makes their goods consigned (before any stock).
pub fn producers(store: &mut Store, at: OffsetDateTime) -> Result<(), StoreError> {
    for (code, name, regency, nib) in PRODUCERS {
        store.add_producer(
            &NewProducer {
                code: code.into(),
                name: name.into(),
                regency,
                nib: nib.map(str::to_string),
                phone: Some(format!("0812-7{}-0{}", &code[1..], regency % 100)),
                bank: Some(format!("BRI a.n. {name}")),
            },
            at,
        )?;
    }
    for (sku, producer, terms) in CONSIGNED {
        store.set_consignment(sku, Some((producer, terms)), at)?;
    }
    Ok(())
}

/// Goods in from a producer: one handover note for `items`.
pub fn receive(
    store: &mut Store,
    producer: &str,
    items: Vec<(String, Quantity)>,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    if items.is_empty() {
        return Ok(());
    }
    let items: Vec<HandoverItem> = items
        .into_iter()
        .map(|(sku, quantity)| HandoverItem { sku, quantity })
        .collect();
    store.consign_receive(producer, &items, Some("titipan demo"), at)?;
    Ok(())
}

/// At the end of the demo, the stall pays Ibu Sari half of what she is
/// owed: in cash if the drawer holds it, else by transfer.
pub fn payout(store: &mut Store, now: OffsetDateTime) -> Result<(), StoreError> {
    let balance = store.producer_balance("P001")?;
    let half = Rupiah::new(balance.value() / 2 / 1_000 * 1_000);
    if !half.is_positive() {
        return Ok(());
    }
    let today = store.business_day(now);
    let today_open = store.day(today)?.is_some_and(|day| day.open);
    let drawer = store.day_report(today)?.cash.expected;
    let (method, reference) = if today_open && half <= drawer {
        (PayoutMethod::Cash, None)
    } else {
        (PayoutMethod::Transfer, Some("BRI 0042 demo"))
    };
    store.record_payout("P001", half, method, reference, now)?;
    Ok(())
}
