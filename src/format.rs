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

/// Parses a number as people type it: spaces, thousands separators and a currency sign
/// are allowed; an empty field is "no value".
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_' | '$' | '€' | '£' | '%' | '\u{a0}'))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    match cleaned.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(Some(n)),
        _ => Err(format!("“{}” is not a number.", text.trim())),
    }
}

/// `1250000.5` as `1,250,000.5`; whole numbers without decimals.
pub fn format_number(n: f64) -> String {
    let negative = n < 0.0;
    let n = n.abs();
    let whole = n.trunc() as u64;
    let frac = ((n - n.trunc()) * 100.0).round() as u64;
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
    if negative {
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

    proptest! {
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
