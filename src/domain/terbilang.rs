//! An amount in words, as a kuitansi states it beside the figure so it
//! cannot be altered: *terbilang* in Indonesian ("seratus dua puluh lima
//! ribu rupiah"), words in English ("one hundred twenty-five thousand
//! rupiah"). Covers every amount Sentra accepts (up to
//! [`super::limits::MAX_AMOUNT`]) and far beyond, to the trillions.

use super::language::Language;
use crate::money::Rupiah;

const ID_UNITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];

/// Indonesian words for 1..=999.
fn id_below_thousand(n: u64) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let mut words = Vec::new();
    match hundreds {
        0 => {}
        1 => words.push("seratus".to_string()),
        h => words.push(format!("{} ratus", ID_UNITS[h as usize])),
    }
    match rest {
        0 => {}
        10 => words.push("sepuluh".into()),
        11 => words.push("sebelas".into()),
        12..=19 => words.push(format!("{} belas", ID_UNITS[(rest - 10) as usize])),
        1..=9 => words.push(ID_UNITS[rest as usize].into()),
        _ => {
            words.push(format!("{} puluh", ID_UNITS[(rest / 10) as usize]));
            if rest % 10 > 0 {
                words.push(ID_UNITS[(rest % 10) as usize].into());
            }
        }
    }
    words.join(" ")
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// English words for 1..=999.
fn en_below_thousand(n: u64) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let mut words = Vec::new();
    if hundreds > 0 {
        words.push(format!("{} hundred", EN_UNITS[hundreds as usize]));
    }
    match rest {
        0 => {}
        1..=19 => words.push(EN_UNITS[rest as usize].into()),
        _ if rest % 10 == 0 => words.push(EN_TENS[(rest / 10) as usize].into()),
        _ => words.push(format!(
            "{}-{}",
            EN_TENS[(rest / 10) as usize],
            EN_UNITS[(rest % 10) as usize]
        )),
    }
    words.join(" ")
}

/// A whole number in words, without the currency.
pub fn number(n: u64, language: Language) -> String {
    // Groups of three digits from the top: triliun, miliar, juta, ribu, one.
    const SCALES: [(u64, &str, &str); 5] = [
        (1_000_000_000_000_000, "ribu triliun", "quadrillion"),
        (1_000_000_000_000, "triliun", "trillion"),
        (1_000_000_000, "miliar", "billion"),
        (1_000_000, "juta", "million"),
        (1_000, "ribu", "thousand"),
    ];
    if n == 0 {
        return match language {
            Language::Id => "nol".into(),
            Language::En => "zero".into(),
        };
    }
    let below = |group| match language {
        Language::Id => id_below_thousand(group),
        Language::En => en_below_thousand(group),
    };
    let mut words = Vec::new();
    let mut rest = n;
    for (scale, id, en) in SCALES {
        let group = rest / scale;
        rest %= scale;
        if group == 0 {
            continue;
        }
        match language {
            // Indonesian says "seribu", not "satu ribu" (but "satu juta").
            Language::Id if group == 1 && scale == 1_000 => words.push("seribu".to_string()),
            // The top group may pass a thousand (u64 reaches 18 446 ribu triliun).
            Language::Id => words.push(format!("{} {id}", number(group, language))),
            Language::En => words.push(format!("{} {en}", number(group, language))),
        }
    }
    if rest > 0 {
        words.push(below(rest));
    }
    words.join(" ")
}

/// An amount of rupiah in words: "seratus dua puluh lima ribu rupiah".
/// A negative amount (which no kuitansi carries) is said with "minus".
pub fn rupiah(amount: Rupiah, language: Language) -> String {
    let value = amount.value();
    let words = format!("{} rupiah", number(value.unsigned_abs(), language));
    if value < 0 {
        format!("minus {words}")
    } else {
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::limits::MAX_AMOUNT;

    fn id(n: u64) -> String {
        number(n, Language::Id)
    }

    #[test]
    fn small_numbers_have_their_own_words() {
        assert_eq!(id(0), "nol");
        assert_eq!(id(1), "satu");
        assert_eq!(id(10), "sepuluh");
        assert_eq!(id(11), "sebelas");
        assert_eq!(id(12), "dua belas");
        assert_eq!(id(19), "sembilan belas");
        assert_eq!(id(20), "dua puluh");
        assert_eq!(id(99), "sembilan puluh sembilan");
    }

    #[test]
    fn one_hundred_and_one_thousand_take_se() {
        assert_eq!(id(100), "seratus");
        assert_eq!(id(111), "seratus sebelas");
        assert_eq!(id(250), "dua ratus lima puluh");
        assert_eq!(id(1_000), "seribu");
        assert_eq!(id(1_100), "seribu seratus");
        assert_eq!(id(2_000), "dua ribu");
        assert_eq!(id(100_000), "seratus ribu");
        assert_eq!(id(101_000), "seratus satu ribu");
    }

    #[test]
    fn millions_and_billions() {
        assert_eq!(id(1_000_000), "satu juta");
        assert_eq!(id(1_001_000_000), "satu miliar satu juta");
        assert_eq!(
            id(1_234_567),
            "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh"
        );
        assert_eq!(id(1_000_001_000), "satu miliar seribu");
    }

    #[test]
    fn the_largest_amount_sentra_accepts() {
        assert_eq!(rupiah(MAX_AMOUNT, Language::Id), "sepuluh miliar rupiah");
        assert_eq!(
            rupiah(
                MAX_AMOUNT.checked_sub(Rupiah::new(1)).unwrap(),
                Language::Id
            ),
            "sembilan miliar sembilan ratus sembilan puluh sembilan juta \
             sembilan ratus sembilan puluh sembilan ribu \
             sembilan ratus sembilan puluh sembilan rupiah"
        );
        assert_eq!(rupiah(MAX_AMOUNT, Language::En), "ten billion rupiah");
    }

    #[test]
    fn a_fee_in_words() {
        assert_eq!(
            rupiah(Rupiah::new(125_000), Language::Id),
            "seratus dua puluh lima ribu rupiah"
        );
        assert_eq!(
            rupiah(Rupiah::new(125_000), Language::En),
            "one hundred twenty-five thousand rupiah"
        );
        assert_eq!(rupiah(Rupiah::new(0), Language::Id), "nol rupiah");
        assert_eq!(
            number(1_001_000_000, Language::En),
            "one billion one million"
        );
        assert_eq!(number(12, Language::En), "twelve");
        assert_eq!(number(1_000, Language::En), "one thousand");
        assert!(number(u64::MAX, Language::Id).starts_with("delapan belas ribu empat ratus"));
    }
}
