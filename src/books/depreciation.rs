//! Straight-line depreciation: an asset's cost spread evenly over its life in
//! months, from the month it was bought; the last month takes what the
//! division left, so the whole cost is depreciated and no more.

use time::{Date, Month};

use crate::domain::books_event::Event;
use crate::money::Rupiah;

/// The last day of a month.
pub fn month_end(year: i32, month: Month) -> Date {
    let first = Date::from_calendar_date(year, month, 1).expect("day 1 exists");
    let days = month.length(year);
    first.replace_day(days).expect("last day exists")
}

fn months_between(from: Date, to: Date) -> i64 {
    (to.year() as i64 - from.year() as i64) * 12 + (to.month() as i64 - from.month() as i64)
}

/// One month's charge for an asset, `index` months after the month bought.
fn charge(cost: Rupiah, life_months: u32, index: i64) -> Rupiah {
    let life = i64::from(life_months.max(1));
    if index < 0 || index >= life {
        return Rupiah::ZERO;
    }
    let monthly = cost.value() / life;
    if index == life - 1 {
        Rupiah::new(cost.value() - monthly * (life - 1))
    } else {
        Rupiah::new(monthly)
    }
}

/// What an asset bought on `bought` has lost by the end of `through`'s
/// month: the sum of its monthly charges so far.
pub fn depreciated(cost: Rupiah, life_months: u32, bought: Date, through: Date) -> Rupiah {
    let months = months_between(bought, through);
    let life = i64::from(life_months.max(1));
    if months < 0 {
        return Rupiah::ZERO;
    }
    if months >= life - 1 {
        return cost;
    }
    Rupiah::new(cost.value() / life * (months + 1))
}

/// The depreciation events of every asset among `events`, one per asset and
/// month, dated at month end, up to and including `through`'s month.
pub fn depreciation_events(events: &[Event], through: Date) -> Vec<Event> {
    let mut out = Vec::new();
    for event in events {
        let Event::Asset {
            date,
            cost,
            life_months,
            ..
        } = *event
        else {
            continue;
        };
        let months = months_between(date, through).min(i64::from(life_months));
        let (mut year, mut month) = (date.year(), date.month());
        for index in 0..=months {
            let amount = charge(cost, life_months, index);
            if amount.is_positive() {
                out.push(Event::Depreciation {
                    date: month_end(year, month),
                    amount,
                });
            }
            if month == Month::December {
                year += 1;
            }
            month = month.next();
        }
    }
    out
}
