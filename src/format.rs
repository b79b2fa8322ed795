//! How numbers are read from and shown to people: plain functions, tested natively, used
//! by the fields and tables of the UI.

use crate::domain::model::Band;

/// Money as a short figure (`1.25M`, `340K`, `950`): the domain writes it into its
/// sentences, so it lives there.
pub use crate::domain::money::format_money_short;

/// A band's name for people: "Red", "Amber", "Green", "Incomplete", or "No score".
pub fn band_label(b: Option<Band>) -> &'static str {
    b.map_or("No score", Band::label)
}

/// A band as the suffix of its CSS class, its key or "none" (`band-red`, `band-amber`,
/// `band-green`, `band-incomplete`, `band-none`).
pub fn band_class(b: Option<Band>) -> &'static str {
    b.map_or("none", Band::key)
}

/// How one locale writes numbers, money and dates. The app supports the locales listed in
/// [`LOCALES`]; any other browser language falls back to the first of the same language,
/// then to English (US).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    /// The BCP 47 tag stored as the preference (`de-DE`).
    pub tag: &'static str,
    /// The locale's name in its own language, for the settings' choice.
    pub name: &'static str,
    /// The decimal separator.
    pub decimal: char,
    /// The thousands separator.
    pub group: char,
    /// How the locale writes a date short and numeric (not chrono's `strftime`, whose
    /// parser would weigh on the first visit's download).
    pub date: DateStyle,
    /// Whether the currency comes before the figure (`$1.5K`, `1,5K €`).
    pub currency_first: bool,
}

/// The order of a short numeric date's parts, their separator, and whether the day and
/// month have two digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateStyle {
    pub order: DateOrder,
    pub separator: char,
    pub two_digits: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// 7/4/2026
    MonthDayYear,
    /// 04/07/2026
    DayMonthYear,
    /// 2026-07-04
    YearMonthDay,
}

const fn style(order: DateOrder, separator: char, two_digits: bool) -> DateStyle {
    DateStyle {
        order,
        separator,
        two_digits,
    }
}

const MDY: DateStyle = style(DateOrder::MonthDayYear, '/', false);
const DMY: DateStyle = style(DateOrder::DayMonthYear, '/', true);
const D_M_Y: DateStyle = style(DateOrder::DayMonthYear, '/', false);
const DOTS: DateStyle = style(DateOrder::DayMonthYear, '.', false);
const DASHES: DateStyle = style(DateOrder::DayMonthYear, '-', false);
const ISO: DateStyle = style(DateOrder::YearMonthDay, '-', true);
const YMD: DateStyle = style(DateOrder::YearMonthDay, '/', true);

const NBSP: char = '\u{a0}';
const NARROW_NBSP: char = '\u{202f}';

/// The supported locales; the first is the fallback.
pub const LOCALES: [Locale; 11] = [
    locale("en-US", "English (United States)", '.', ',', MDY, true),
    locale("en-GB", "English (United Kingdom)", '.', ',', DMY, true),
    locale("de-DE", "Deutsch (Deutschland)", ',', '.', DOTS, false),
    locale("de-CH", "Deutsch (Schweiz)", '.', '’', DOTS, true),
    locale("fr-FR", "Français (France)", ',', NARROW_NBSP, DMY, false),
    locale("es-ES", "Español (España)", ',', '.', D_M_Y, false),
    locale("it-IT", "Italiano (Italia)", ',', '.', DMY, false),
    locale("nl-NL", "Nederlands (Nederland)", ',', '.', DASHES, true),
    locale("pt-BR", "Português (Brasil)", ',', '.', DMY, true),
    locale("sv-SE", "Svenska (Sverige)", ',', NBSP, ISO, false),
    locale("ja-JP", "日本語 (日本)", '.', ',', YMD, true),
];

const fn locale(
    tag: &'static str,
    name: &'static str,
    decimal: char,
    group: char,
    date: DateStyle,
    currency_first: bool,
) -> Locale {
    Locale {
        tag,
        name,
        decimal,
        group,
        date,
        currency_first,
    }
}

impl Default for Locale {
    fn default() -> Self {
        LOCALES[0]
    }
}

impl Locale {
    /// The supported locale for a browser language (`navigator.language`) or a stored tag:
    /// the same tag, else the first of the same language, else English (US).
    pub fn for_tag(tag: &str) -> Locale {
        let tag = tag.trim();
        let language = |t: &str| {
            t.split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        };
        LOCALES
            .iter()
            .find(|l| l.tag.eq_ignore_ascii_case(&tag.replace('_', "-")))
            .or_else(|| LOCALES.iter().find(|l| language(l.tag) == language(tag)))
            .copied()
            .unwrap_or_default()
    }

    fn separator_name(c: char) -> &'static str {
        match c {
            '.' => "a point",
            ',' => "a comma",
            '’' | '\'' => "an apostrophe",
            _ => "a space",
        }
    }

    /// `n` with this locale's separators: `1,250,000.5`, `1.250.000,5`; at most two
    /// decimals, whole numbers without any.
    pub fn number(&self, n: f64) -> String {
        let plain = format_number(n);
        plain
            .chars()
            .map(|c| match c {
                ',' => self.group,
                '.' => self.decimal,
                c => c,
            })
            .collect()
    }

    /// Money as a short figure with the workspace's currency: `$1.25M`, `1,25M €`, `CHF 950`.
    pub fn money(&self, n: f64, currency: &str) -> String {
        let figure: String = format_money_short(n)
            .chars()
            .map(|c| if c == '.' { self.decimal } else { c })
            .collect();
        let code = currency.trim();
        let sign = match code {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "JPY" => "¥",
            "" => return figure,
            other => other,
        };
        let symbol = sign.chars().count() == 1;
        match (self.currency_first, symbol && self.tag.starts_with("en")) {
            (true, true) => format!("{sign}{figure}"),
            (true, false) => format!("{sign}{NBSP}{figure}"),
            (false, _) => format!("{figure}{NBSP}{sign}"),
        }
    }

    /// A date as this locale writes it short: `12/4/2026`, `4.12.2026`, `2026-12-04`.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let DateStyle {
            order,
            separator: s,
            two_digits,
        } = self.date;
        let part = |n: u32| {
            if two_digits {
                format!("{n:02}")
            } else {
                n.to_string()
            }
        };
        let (y, m, day) = (d.year(), part(d.month()), part(d.day()));
        match order {
            DateOrder::MonthDayYear => format!("{m}{s}{day}{s}{y}"),
            DateOrder::DayMonthYear => format!("{day}{s}{m}{s}{y}"),
            DateOrder::YearMonthDay => format!("{y}{s}{m}{s}{day}"),
        }
    }

    /// Reads a number as people of this locale type it (see [`parse_number_in`]).
    pub fn parse(&self, text: &str) -> Result<Option<f64>, String> {
        parse_number_in(self, text)
    }
}

/// Parses a number as people type it in `locale`: the locale's decimal separator, its
/// thousands separator (or spaces) only between groups of three digits, a currency sign or
/// a percent sign around it; an empty field is "no value". Anything that could be read two
/// ways ("2,5" in English: 25 or 2.5?) is refused with what was expected, never guessed.
pub fn parse_number_in(locale: &Locale, text: &str) -> Result<Option<f64>, String> {
    let shown = text.trim();
    let body = shown
        .trim_matches(|c: char| matches!(c, '$' | '€' | '£' | '¥' | '%') || c.is_whitespace())
        .trim();
    if body.is_empty() {
        return Ok(None);
    }
    let (negative, body) = match body.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, body),
    };
    let not_a_number = || format!("“{shown}” is not a number.");
    let is_group = |c: char| {
        c == locale.group
            || matches!(c, ' ' | NBSP | NARROW_NBSP)
            || (c == '\'' && locale.group == '’')
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == locale.decimal || is_group(c))
    {
        return Err(not_a_number());
    }
    let mut halves = body.split(locale.decimal);
    let whole = halves.next().unwrap_or("");
    let fraction = halves.next();
    if halves.next().is_some() {
        return Err(format!(
            "“{shown}” has more than one decimal separator: use {} once, e.g. {}.",
            Locale::separator_name(locale.decimal),
            locale.number(1234.5)
        ));
    }
    if fraction.is_some_and(|f| f.chars().any(is_group)) {
        return Err(format!(
            "“{shown}”: {} separates thousands, before the decimals, e.g. {}.",
            Locale::separator_name(locale.group),
            locale.number(1234.5)
        ));
    }
    let groups: Vec<&str> = whole.split(is_group).collect();
    let grouped_well = groups.len() == 1
        || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_well {
        // "2,5" in English: the writer most likely meant decimals; say how to write them.
        let example = if groups.len() == 2 && fraction.is_none() {
            format!("{}{}{}", groups[0], locale.decimal, groups[1])
        } else {
            locale.number(1234.5)
        };
        return Err(format!(
            "Use {} for decimals, e.g. {example} ({} separates thousands: {}).",
            Locale::separator_name(locale.decimal),
            Locale::separator_name(locale.group),
            locale.number(2500.0)
        ));
    }
    let digits: String = groups.concat();
    let fraction = fraction.unwrap_or("");
    if digits.is_empty() && fraction.is_empty() {
        return Err(not_a_number());
    }
    let canonical = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if digits.is_empty() { "0" } else { &digits },
        if fraction.is_empty() { "0" } else { fraction }
    );
    match canonical.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(Some(n)),
        _ => Err(not_a_number()),
    }
}

/// Parses a number as people type it in English (US): see [`parse_number_in`].
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    parse_number_in(&LOCALES[0], text)
}

/// `1250000.5` as `1,250,000.5`; whole numbers without decimals.
pub fn format_number(n: f64) -> String {
    let negative = n < 0.0;
    let n = n.abs();
    let whole = n.trunc() as u64;
    let frac = ((n - n.trunc()) * 100.0).round() as u64;
    // 0.999 rounds up to the next whole number, not to ".100".
    let (whole, frac) = if frac >= 100 {
        (whole + 1, 0)
    } else {
        (whole, frac)
    };
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0 {
        out.push_str(&format!(".{frac:02}"));
        while out.ends_with('0') {
            out.pop();
        }
    }
    if negative && (whole > 0 || frac > 0) {
        format!("-{out}")
    } else {
        out
    }
}

/// A person's initials for a small badge: "Priya Shah" → "PS", "Cher" → "C"; at most
/// three letters, from the first and last words.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = |w: &str| w.chars().find(|c| c.is_alphanumeric());
    let picked = match words.as_slice() {
        [] => Vec::new(),
        [one] => vec![*one],
        [a, .., z] => vec![*a, *z],
    };
    picked
        .into_iter()
        .filter_map(first)
        .flat_map(char::to_uppercase)
        .take(3)
        .collect()
}

/// `text` cut to at most `max` characters, an ellipsis marking the cut.
pub fn ellipsize(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_incomplete_plan_is_named_and_classed_apart_from_the_bands() {
        assert_eq!(band_label(Some(Band::Incomplete)), "Incomplete");
        assert_eq!(band_class(Some(Band::Incomplete)), "incomplete");
        assert_eq!(band_label(Some(Band::Green)), "Green");
        assert_eq!((band_label(None), band_class(None)), ("No score", "none"));
    }

    #[test]
    fn numbers_are_read_as_people_type_them() {
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("  "), Ok(None));
        assert_eq!(parse_number("1,250,000"), Ok(Some(1_250_000.0)));
        assert_eq!(parse_number("$ 12 500.50"), Ok(Some(12_500.5)));
        assert_eq!(parse_number("-3"), Ok(Some(-3.0)));
        assert_eq!(parse_number("75%"), Ok(Some(75.0)));
        assert!(parse_number("12abc").unwrap_err().contains("12abc"));
        assert!(parse_number("inf").is_err());
        assert!(parse_number("NaN").is_err());
    }

    #[test]
    fn numbers_are_shown_with_thousands_separators() {
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(1000.0), "1,000");
        assert_eq!(format_number(1_250_000.5), "1,250,000.5");
        assert_eq!(format_number(-12_345.25), "-12,345.25");
    }

    #[test]
    fn initials_come_from_the_first_and_last_words() {
        assert_eq!(initials("Priya Shah"), "PS");
        assert_eq!(initials("  ana maría de la cruz "), "AC");
        assert_eq!(initials("Cher"), "C");
        assert_eq!(initials(""), "");
        assert_eq!(initials("Émile (Ops) Zola"), "ÉZ");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(ellipsize("Short", 10), "Short");
        assert_eq!(
            ellipsize("Director of Clinical Operations", 16),
            "Director of Cli…"
        );
        assert_eq!(ellipsize("abc def", 5), "abc…");
        assert_eq!(ellipsize("ééééé", 5), "ééééé");
    }

    fn tag(t: &str) -> Locale {
        Locale::for_tag(t)
    }

    #[test]
    fn the_browser_language_picks_a_supported_locale() {
        assert_eq!(tag("de-DE").tag, "de-DE");
        assert_eq!(tag("de").tag, "de-DE");
        assert_eq!(tag("de-AT").tag, "de-DE");
        assert_eq!(tag("de-CH").tag, "de-CH");
        assert_eq!(tag("en_GB").tag, "en-GB");
        assert_eq!(tag("fr-CA").tag, "fr-FR");
        assert_eq!(tag("zz").tag, "en-US");
        assert_eq!(tag("").tag, "en-US");
    }

    #[test]
    fn each_locale_reads_its_own_decimal_separator() {
        assert_eq!(tag("de-DE").parse("2,5"), Ok(Some(2.5)));
        assert_eq!(tag("de-DE").parse("1.234,5"), Ok(Some(1234.5)));
        assert_eq!(tag("de-DE").parse("1.234"), Ok(Some(1234.0)));
        assert_eq!(tag("en-US").parse("1,234.5"), Ok(Some(1234.5)));
        assert_eq!(tag("en-US").parse("2.5"), Ok(Some(2.5)));
        assert_eq!(tag("fr-FR").parse("1 234,5 €"), Ok(Some(1234.5)));
        assert_eq!(tag("fr-FR").parse("1\u{202f}234,5"), Ok(Some(1234.5)));
        assert_eq!(tag("de-CH").parse("1'234.5"), Ok(Some(1234.5)));
        assert_eq!(tag("de-DE").parse(",5"), Ok(Some(0.5)));
        assert_eq!(tag("de-DE").parse("-3,25"), Ok(Some(-3.25)));
        assert_eq!(tag("de-DE").parse("  "), Ok(None));
    }

    #[test]
    fn ambiguous_text_is_refused_with_what_was_expected() {
        let en = tag("en-US");
        let e = en.parse("2,5").unwrap_err();
        assert!(e.starts_with("Use a point for decimals, e.g. 2.5"), "{e}");
        assert!(en
            .parse("1.2.3")
            .unwrap_err()
            .contains("more than one decimal separator"));
        assert!(en.parse("1,23,456").is_err());
        assert!(en.parse("1,2345").is_err());
        assert!(en.parse("1.234,5").is_err());
        assert!(en.parse("1 2").is_err());
        let de = tag("de-DE");
        let e = de.parse("2.5").unwrap_err();
        assert!(e.starts_with("Use a comma for decimals, e.g. 2,5"), "{e}");
        assert!(de.parse("1.2.3").is_err());
        assert!(de.parse("1,234.5").is_err());
        assert!(de
            .parse("1,2,3")
            .unwrap_err()
            .contains("more than one decimal separator"));
        assert!(de.parse("-").is_err());
        assert!(de.parse(",").is_err());
    }

    #[test]
    fn numbers_money_and_dates_are_shown_as_the_locale_writes_them() {
        assert_eq!(tag("de-DE").number(1_250_000.5), "1.250.000,5");
        assert_eq!(tag("en-US").number(1_250_000.5), "1,250,000.5");
        assert_eq!(tag("fr-FR").number(2_500.25), "2\u{202f}500,25");
        assert_eq!(format_number(0.999), "1");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(tag("en-US").money(1_250_000.0, "USD"), "$1.25M");
        assert_eq!(tag("en-GB").money(950.0, "GBP"), "£950");
        assert_eq!(tag("de-DE").money(1_500.0, "EUR"), "1,5K\u{a0}€");
        assert_eq!(tag("en-US").money(1_500.0, "CHF"), "CHF\u{a0}1.5K");
        assert_eq!(tag("de-DE").money(1_500.0, ""), "1,5K");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 7, 4).unwrap();
        assert_eq!(tag("en-US").date(d), "7/4/2026");
        assert_eq!(tag("en-GB").date(d), "04/07/2026");
        assert_eq!(tag("de-DE").date(d), "4.7.2026");
        assert_eq!(tag("sv-SE").date(d), "2026-07-04");
        assert_eq!(tag("es-ES").date(d), "4/7/2026");
        assert_eq!(tag("nl-NL").date(d), "4-7-2026");
        assert_eq!(tag("ja-JP").date(d), "2026/07/04");
    }

    proptest! {
        /// No text parses to a number the user did not type: what a locale shows reads back
        /// to the very same number, in every locale.
        #[test]
        fn a_number_shown_in_a_locale_reads_back_the_same(cents in -10_000_000_000i64..10_000_000_000i64, which in 0..LOCALES.len()) {
            let l = LOCALES[which];
            let n = cents as f64 / 100.0;
            let back = l.parse(&l.number(n)).unwrap().unwrap();
            prop_assert_eq!(back, n, "{} -> {}", n, l.number(n));
        }

        /// A thousands separator anywhere but between groups of three is refused, never
        /// read as a decimal separator or dropped.
        #[test]
        fn a_separator_in_a_wrong_place_is_refused(digits in "[1-9][0-9]{1,9}", at in 1usize..10, which in 0..LOCALES.len()) {
            let l = LOCALES[which];
            let at = at.min(digits.len() - 1);
            prop_assume!((digits.len() - at) % 3 != 0);
            let text = format!("{}{}{}", &digits[..at], l.group, &digits[at..]);
            prop_assert!(l.parse(&text).is_err(), "{} read as {:?}", text, l.parse(&text));
        }

        /// Whatever is accepted means exactly its digits: the group separators dropped, the
        /// one decimal separator as the point.
        #[test]
        fn what_is_accepted_is_what_was_typed(text in "-?[0-9.,' ]{1,12}", which in 0..LOCALES.len()) {
            let l = LOCALES[which];
            if let Ok(Some(n)) = l.parse(&text) {
                let plain: String = text.trim().chars().filter(|c| c.is_ascii_digit() || *c == l.decimal || *c == '-')
                    .map(|c| if c == l.decimal { '.' } else { c }).collect();
                let (sign, unsigned) = plain.strip_prefix('-').map_or(("", plain.as_str()), |u| ("-", u));
                let padded = if unsigned.contains('.') { format!("{sign}0{unsigned}0") } else { format!("{sign}0{unsigned}") };
                let expected: f64 = padded.parse().unwrap();
                prop_assert_eq!(n, expected, "{}", text);
            }
        }

        #[test]
        fn an_ellipsized_text_never_exceeds_its_limit(text in ".{0,60}", max in 1usize..40) {
            prop_assert!(ellipsize(&text, max).chars().count() <= max);
        }

        #[test]
        fn what_is_shown_reads_back_to_the_same_cents(cents in -10_000_000_000i64..10_000_000_000i64) {
            let n = cents as f64 / 100.0;
            let back = parse_number(&format_number(n)).unwrap().unwrap();
            prop_assert!((back - n).abs() < 0.005, "{n} -> {} -> {back}", format_number(n));
        }
    }
}
