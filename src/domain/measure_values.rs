//! A success measure's dated history of values: recording one keeps the history in date
//! order (one value a day) and makes the latest the measure's `current` value, so that the
//! score, the chart and the check rhythm all read the same figures.

use chrono::NaiveDate;

use crate::domain::model::{MeasureValue, SuccessMeasure};

/// Records `value` as measured on `date` (replacing a value of the same day), and marks
/// the measure checked then. A measure from before the history, with a current value and
/// a last check only, keeps that value as the history's first point.
pub fn record_value(m: &mut SuccessMeasure, date: NaiveDate, value: f64) {
    if m.history.is_empty() {
        if let (Some(current), Some(checked)) = (m.current, m.last_checked) {
            if checked != date {
                m.history.push(MeasureValue {
                    date: checked,
                    value: current,
                });
            }
        }
    }
    match m.history.binary_search_by(|v| v.date.cmp(&date)) {
        Ok(i) => m.history[i].value = value,
        Err(i) => m.history.insert(i, MeasureValue { date, value }),
    }
    m.current = m.history.last().map(|v| v.value);
    m.last_checked = m.last_checked.max(Some(date));
}

/// Takes out the value of `date`; the latest remaining one (or none) becomes current.
pub fn remove_value(m: &mut SuccessMeasure, date: NaiveDate) {
    let before = m.history.len();
    m.history.retain(|v| v.date != date);
    if m.history.len() != before || m.history.is_empty() {
        m.current = m.history.last().map(|v| v.value);
    }
}

/// The points to draw: the history, or for a measure from before it, its current value on
/// the day it was last checked.
pub fn points(m: &SuccessMeasure) -> Vec<MeasureValue> {
    if !m.history.is_empty() {
        return m.history.clone();
    }
    match (m.last_checked, m.current) {
        (Some(date), Some(value)) => vec![MeasureValue { date, value }],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn recording_two_values_orders_them_and_the_latest_is_current() {
        let mut m = SuccessMeasure::default();
        record_value(&mut m, day("2026-06-30"), 92.0);
        record_value(&mut m, day("2026-03-31"), 88.5);
        assert_eq!(
            m.history,
            vec![
                MeasureValue {
                    date: day("2026-03-31"),
                    value: 88.5
                },
                MeasureValue {
                    date: day("2026-06-30"),
                    value: 92.0
                },
            ]
        );
        // The back-dated value does not move the current value nor the last check.
        assert_eq!(m.current, Some(92.0));
        assert_eq!(m.last_checked, Some(day("2026-06-30")));
        // The same day again replaces its value.
        record_value(&mut m, day("2026-06-30"), 95.0);
        assert_eq!(m.history.len(), 2);
        assert_eq!(m.current, Some(95.0));
    }

    #[test]
    fn a_measure_from_before_the_history_keeps_its_value_as_the_first_point() {
        let mut m = SuccessMeasure {
            current: Some(40.0),
            last_checked: Some(day("2026-02-01")),
            ..SuccessMeasure::default()
        };
        assert_eq!(points(&m).len(), 1);
        record_value(&mut m, day("2026-05-01"), 44.0);
        let dates: Vec<_> = m.history.iter().map(|v| (v.date, v.value)).collect();
        assert_eq!(
            dates,
            vec![(day("2026-02-01"), 40.0), (day("2026-05-01"), 44.0)]
        );
        assert_eq!(m.current, Some(44.0));
    }

    #[test]
    fn removing_the_latest_value_makes_the_one_before_current() {
        let mut m = SuccessMeasure::default();
        record_value(&mut m, day("2026-03-31"), 1.0);
        record_value(&mut m, day("2026-06-30"), 2.0);
        remove_value(&mut m, day("2026-06-30"));
        assert_eq!(m.current, Some(1.0));
        remove_value(&mut m, day("2026-03-31"));
        assert_eq!((m.current, m.history.len()), (None, 0));
    }

    proptest! {
        #[test]
        fn recording_keeps_the_history_sorted_and_current_the_latest(
            values in prop::collection::vec((0i64..400, -1000.0..1000.0f64), 1..30)
        ) {
            let mut m = SuccessMeasure::default();
            let start = day("2026-01-01");
            for (offset, v) in &values {
                record_value(&mut m, start + chrono::Duration::days(*offset), *v);
            }
            prop_assert!(m.history.windows(2).all(|w| w[0].date < w[1].date));
            prop_assert_eq!(m.current, m.history.last().map(|v| v.value));
            let latest = values.iter().map(|(o, _)| *o).max().unwrap();
            prop_assert_eq!(m.last_checked, Some(start + chrono::Duration::days(latest)));
            // The value kept for a day is the last recorded for it.
            for v in &m.history {
                let offset = (v.date - start).num_days();
                let last = values.iter().rev().find(|(o, _)| *o == offset).unwrap().1;
                prop_assert_eq!(v.value, last);
            }
        }
    }
}
