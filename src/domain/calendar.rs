//! Dates and times as people read them: "Jumat, 27 November 2026" and
//! "27 Nov 2026 14.05" in Indonesian (times with a dot, as Indonesian print
//! writes them), "Friday, 27 November 2026" and "27 Nov 2026 14:05" in
//! English. Files meant for programs (JSON, CSV `date` columns) keep ISO
//! dates and never come here.

use time::{Date, Month, PrimitiveDateTime, Weekday};

use super::language::Language;

fn weekday(day: Weekday, language: Language) -> &'static str {
    use Weekday::*;
    match (language, day) {
        (Language::Id, Monday) => "Senin",
        (Language::Id, Tuesday) => "Selasa",
        (Language::Id, Wednesday) => "Rabu",
        (Language::Id, Thursday) => "Kamis",
        (Language::Id, Friday) => "Jumat",
        (Language::Id, Saturday) => "Sabtu",
        (Language::Id, Sunday) => "Minggu",
        (Language::En, Monday) => "Monday",
        (Language::En, Tuesday) => "Tuesday",
        (Language::En, Wednesday) => "Wednesday",
        (Language::En, Thursday) => "Thursday",
        (Language::En, Friday) => "Friday",
        (Language::En, Saturday) => "Saturday",
        (Language::En, Sunday) => "Sunday",
    }
}

pub fn month(month: Month, language: Language) -> &'static str {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let index = usize::from(u8::from(month)) - 1;
    match language {
        Language::Id => ID[index],
        Language::En => EN[index],
    }
}

/// The month's short name: "Agu", "Okt", "Des" in Indonesian.
fn month_short(of: Month, language: Language) -> &'static str {
    let name = month(of, language);
    name.get(..3).unwrap_or(name)
}

/// "Jumat, 27 November 2026".
pub fn long_date(date: Date, language: Language) -> String {
    format!(
        "{}, {} {} {}",
        weekday(date.weekday(), language),
        date.day(),
        month(date.month(), language),
        date.year()
    )
}

/// "27 Nov 2026".
pub fn short_date(date: Date, language: Language) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_short(date.month(), language),
        date.year()
    )
}

/// "27 Nov 2026 14.05" (Indonesian), "27 Nov 2026 14:05" (English).
pub fn date_time(at: PrimitiveDateTime, language: Language) -> String {
    let separator = match language {
        Language::Id => '.',
        Language::En => ':',
    };
    format!(
        "{} {:02}{separator}{:02}",
        short_date(at.date(), language),
        at.hour(),
        at.minute()
    )
}

/// An ISO day (`2026-11-27`) as [`long_date`]; text that is not one stays
/// as it is.
pub fn long_day(iso: &str, language: Language) -> String {
    parse_day(iso).map_or_else(|| iso.to_string(), |d| long_date(d, language))
}

/// An ISO day as [`short_date`]; text that is not one stays as it is.
pub fn short_day(iso: &str, language: Language) -> String {
    parse_day(iso).map_or_else(|| iso.to_string(), |d| short_date(d, language))
}

/// A stored stamp (`2026-11-27T14:05:09+07:00`, on the stall's clock) as
/// [`date_time`], in the stamp's own offset; text that is not one stays as
/// it is.
pub fn stamp(stamp: &str, language: Language) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    stamp
        .get(..16)
        .and_then(|head| PrimitiveDateTime::parse(head, &format).ok())
        .map_or_else(|| stamp.to_string(), |at| date_time(at, language))
}

fn parse_day(iso: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(iso.get(..10)?, &format).ok()
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    #[test]
    fn an_indonesian_date_names_the_day_and_the_month() {
        assert_eq!(
            long_date(date!(2026 - 11 - 27), Language::Id),
            "Jumat, 27 November 2026"
        );
        assert_eq!(
            long_date(date!(2026 - 08 - 17), Language::Id),
            "Senin, 17 Agustus 2026"
        );
        assert_eq!(
            long_date(date!(2026 - 11 - 29), Language::Id),
            "Minggu, 29 November 2026"
        );
        assert_eq!(
            short_date(date!(2026 - 10 - 02), Language::Id),
            "2 Okt 2026"
        );
        assert_eq!(
            short_date(date!(2026 - 12 - 31), Language::Id),
            "31 Des 2026"
        );
        assert_eq!(
            short_date(date!(2027 - 05 - 01), Language::Id),
            "1 Mei 2027"
        );
    }

    #[test]
    fn english_writes_english_dates_and_times_with_a_colon() {
        assert_eq!(
            long_date(date!(2026 - 11 - 27), Language::En),
            "Friday, 27 November 2026"
        );
        assert_eq!(
            date_time(datetime!(2026-11-27 14:05), Language::En),
            "27 Nov 2026 14:05"
        );
        assert_eq!(
            short_date(date!(2026 - 05 - 01), Language::En),
            "1 May 2026"
        );
    }

    #[test]
    fn indonesian_times_take_a_dot() {
        assert_eq!(
            date_time(datetime!(2026-11-27 14:05), Language::Id),
            "27 Nov 2026 14.05"
        );
        assert_eq!(
            stamp("2026-11-27T09:03:59+07:00", Language::Id),
            "27 Nov 2026 09.03"
        );
        assert_eq!(
            long_day("2026-11-27", Language::Id),
            "Jumat, 27 November 2026"
        );
    }

    #[test]
    fn text_that_is_not_a_date_is_left_as_it_is() {
        assert_eq!(stamp("-", Language::Id), "-");
        assert_eq!(long_day("kemarin", Language::En), "kemarin");
        assert_eq!(short_day("2026-13-40", Language::Id), "2026-13-40");
    }
}
