//! Money as the domain writes it into its sentences ("150K at 75%"); `crate::format`
//! re-exports it for the views.

/// Money as a short figure for tables and summaries: `1.25M`, `340K`, `950`.
/// Written into one string: the scorecard's explanations call it five times per account.
pub fn format_money_short(n: f64) -> String {
    use std::fmt::Write;
    let a = n.abs();
    let mut out = String::from(if n < 0.0 { "-" } else { "" });
    // Writing to a String cannot fail.
    if a >= 1_000_000.0 {
        let _ = write!(out, "{:.2}", a / 1_000_000.0);
        trim_zeros(&mut out);
        out.push('M');
    } else if a >= 1_000.0 {
        let _ = write!(out, "{:.1}", a / 1_000.0);
        trim_zeros(&mut out);
        out.push('K');
    } else {
        let _ = write!(out, "{}", a.round());
    }
    out
}

/// Drops a decimal fraction's trailing zeros, and its point when nothing is left of it.
fn trim_zeros(s: &mut String) {
    if s.contains('.') {
        let kept = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(kept);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_shortened_for_tables() {
        assert_eq!(format_money_short(1_250_000.0), "1.25M");
        assert_eq!(format_money_short(2_000_000.0), "2M");
        assert_eq!(format_money_short(340_000.0), "340K");
        assert_eq!(format_money_short(1_500.0), "1.5K");
        assert_eq!(format_money_short(950.0), "950");
        assert_eq!(format_money_short(-4_000.0), "-4K");
    }
}
