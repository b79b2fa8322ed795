//! When a success measure is next to be evaluated: one rhythm after its last check. Read by
//! the advice, the agenda and the measures section alike, so that they never disagree.

use chrono::{Duration, NaiveDate};

use crate::domain::model::SuccessMeasure;

/// The day the next check falls due; `None` for a measure never checked (due at once).
pub fn due_on(measure: &SuccessMeasure) -> Option<NaiveDate> {
    measure
        .last_checked
        .map(|last| last + Duration::days(measure.rhythm.days()))
}

/// Whether the measure should be evaluated by `today`: never checked, or its rhythm has passed.
pub fn is_due(measure: &SuccessMeasure, today: NaiveDate) -> bool {
    due_on(measure).is_none_or(|day| day <= today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Rhythm;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_monthly_measure_checked_on_1_march_is_due_31_days_later() {
        let m = SuccessMeasure {
            rhythm: Rhythm::Monthly,
            last_checked: Some(day("2026-03-01")),
            ..Default::default()
        };
        assert_eq!(due_on(&m), Some(day("2026-04-01")));
        assert!(!is_due(&m, day("2026-03-31")));
        assert!(is_due(&m, day("2026-04-01")));
    }

    #[test]
    fn a_measure_never_checked_is_due_at_once() {
        let m = SuccessMeasure::default();
        assert_eq!(due_on(&m), None);
        assert!(is_due(&m, day("2026-01-01")));
    }
}
