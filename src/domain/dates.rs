//! Reading the model's dates and instants fast.
//!
//! Loading 1,000 stored accounts reads about 600,000 of them, and chrono's general parser
//! took about a fifth of that load in the browser. The two shapes this app writes
//! (`2026-11-24` and `2026-11-24T09:30:00Z`, with up to nine digits of fraction) are read
//! here by hand; anything else goes to chrono's own parser, so every text is read exactly
//! as chrono's `Deserialize` reads it, with its error messages. Writing is left to chrono.
//! The model's fields name these readers with `#[serde(deserialize_with = "…")]`.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::de::{self, Deserialize, Deserializer, Visitor};

use super::model::Timestamp;

/// `YYYY-MM-DD` read by hand, `None` for any other text (which may still be a date that
/// chrono reads).
pub fn quick_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(&b[0..4])? as i32,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` read by hand, `None` for any other text.
pub fn quick_stamp(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[b.len() - 1] != b'Z' {
        return None;
    }
    let day = quick_day(s.get(..10)?)?;
    let (hour, minute, second) = (
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    );
    let fraction = &b[19..b.len() - 1];
    let nanos = match fraction {
        [] => 0,
        [b'.', f @ ..] if (1..=9).contains(&f.len()) => digits(f)? * 10u32.pow(9 - f.len() as u32),
        _ => return None,
    };
    // A leap second (60) is chrono's to read.
    if second > 59 {
        return None;
    }
    Some(day.and_hms_nano_opt(hour, minute, second, nanos)?.and_utc())
}

/// The number written in ASCII digits, `None` if any byte is not one.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// What chrono's `Deserialize for NaiveDate` makes of `s`.
fn day(s: &str) -> Result<NaiveDate, chrono::ParseError> {
    quick_day(s).map_or_else(|| s.parse(), Ok)
}

/// What chrono's `Deserialize for DateTime<Utc>` makes of `s`.
fn stamp(s: &str) -> Result<Timestamp, chrono::ParseError> {
    match quick_stamp(s) {
        Some(t) => Ok(t),
        None => s
            .parse::<DateTime<FixedOffset>>()
            .map(|t| t.with_timezone(&Utc)),
    }
}

/// A date, read with [`day`].
struct Day(NaiveDate);

/// An instant, read with [`stamp`].
struct Stamp(Timestamp);

/// Reads a string with `read`, as chrono's visitor for the same type does (`expecting` is
/// chrono's wording, for values of the wrong type).
struct ReadWith<T> {
    expecting: &'static str,
    read: fn(&str) -> Result<T, chrono::ParseError>,
}

impl<T> Visitor<'_> for ReadWith<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        (self.read)(s).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let read = ReadWith {
            expecting: "a formatted date string",
            read: day,
        };
        d.deserialize_str(read).map(Day)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let read = ReadWith {
            expecting: "an RFC 3339 formatted date and time string",
            read: stamp,
        };
        d.deserialize_str(read).map(Stamp)
    }
}

/// For `Option<NaiveDate>` fields.
pub fn opt_day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Ok(Option::<Day>::deserialize(d)?.map(|x| x.0))
}

/// For `NaiveDate` fields that must be there (a measure value's day), read by the same
/// quick parser as the others rather than chrono's general one.
pub fn required_day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    Ok(Day::deserialize(d)?.0)
}

/// For `Option<Timestamp>` fields.
pub fn opt_stamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
    Ok(Option::<Stamp>::deserialize(d)?.map(|x| x.0))
}

/// For `Vec<NaiveDate>` fields.
pub fn days<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    Ok(Vec::<Day>::deserialize(d)?
        .into_iter()
        .map(|x| x.0)
        .collect())
}

/// For maps of dates, such as when each plan part was last reviewed.
pub fn day_map<'de, D, K>(d: D) -> Result<BTreeMap<K, NaiveDate>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord,
{
    map_of(d, |x: Day| x.0)
}

/// For maps of instants, such as the workspace's sync marks.
pub fn stamp_map<'de, D, K>(d: D) -> Result<BTreeMap<K, Timestamp>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord,
{
    map_of(d, |x: Stamp| x.0)
}

/// A map whose values are read as `W` and kept as what `value` makes of them.
fn map_of<'de, D, K, W, V>(d: D, value: fn(W) -> V) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord,
    W: Deserialize<'de>,
{
    Ok(BTreeMap::<K, W>::deserialize(d)?
        .into_iter()
        .map(|(k, v)| (k, value(v)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn chrono_day(s: &str) -> Result<NaiveDate, String> {
        serde_json::from_value::<NaiveDate>(json!(s)).map_err(|e| e.to_string())
    }
    fn chrono_stamp(s: &str) -> Result<Timestamp, String> {
        serde_json::from_value::<Timestamp>(json!(s)).map_err(|e| e.to_string())
    }
    fn ours_day(s: &str) -> Result<NaiveDate, String> {
        serde_json::from_value::<Day>(json!(s))
            .map(|d| d.0)
            .map_err(|e| e.to_string())
    }
    fn ours_stamp(s: &str) -> Result<Timestamp, String> {
        serde_json::from_value::<Stamp>(json!(s))
            .map(|d| d.0)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_shapes_the_app_writes_are_read_by_hand() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(quick_day("2026-11-24"), Some(day));
        let at = day.and_hms_opt(9, 30, 5).unwrap().and_utc();
        assert_eq!(quick_stamp("2026-11-24T09:30:05Z"), Some(at));
        assert_eq!(
            quick_stamp("2026-11-24T09:30:05.25Z"),
            Some(
                day.and_hms_nano_opt(9, 30, 5, 250_000_000)
                    .unwrap()
                    .and_utc()
            )
        );
        // What chrono writes reads back by hand, at every precision it writes.
        for nanos in [0, 123_000_000, 123_456_000, 123_456_789] {
            let t = day.and_hms_nano_opt(23, 59, 59, nanos).unwrap().and_utc();
            let written = serde_json::to_value(t).unwrap();
            assert_eq!(quick_stamp(written.as_str().unwrap()), Some(t), "{written}");
        }
    }

    #[test]
    fn other_shapes_and_bad_dates_go_to_chrono_with_its_messages() {
        for s in [
            "2026-02-30",
            "2026-13-01",
            " 2026-11-24",
            "+2026-11-24",
            "2026-1-24",
            "yesterday",
        ] {
            assert_eq!(quick_day(s), None, "{s}");
            assert_eq!(ours_day(s), chrono_day(s), "{s}");
        }
        for s in [
            "2026-11-24T09:30:05+01:00",
            "2026-11-24t09:30:05z",
            "2026-11-24 09:30:05Z",
            "2026-12-31T23:59:60Z",
            "2026-11-24T24:00:00Z",
            "2026-11-24T09:30:05.1234567891Z",
            "2026-11-24T09:30:05.Z",
            "2026-11-24",
        ] {
            assert_eq!(quick_stamp(s), None, "{s}");
            assert_eq!(ours_stamp(s), chrono_stamp(s), "{s}");
        }
    }

    #[test]
    fn null_missing_and_lists_read_as_the_model_expects() {
        #[derive(serde::Deserialize, Default, Debug)]
        #[serde(default)]
        struct Holder {
            #[serde(deserialize_with = "opt_day")]
            day: Option<NaiveDate>,
            #[serde(deserialize_with = "opt_stamp")]
            at: Option<Timestamp>,
            #[serde(deserialize_with = "days")]
            held: Vec<NaiveDate>,
            #[serde(deserialize_with = "day_map")]
            reviewed: BTreeMap<String, NaiveDate>,
            #[serde(deserialize_with = "stamp_map")]
            marks: BTreeMap<String, Timestamp>,
        }
        let h: Holder = serde_json::from_str(
            r#"{"day":null,"held":["2026-01-02","2026-01-03"],"reviewed":{"goals":"2026-01-04"},"marks":{"ws-1":"2026-01-05T06:07:08Z"}}"#,
        )
        .unwrap();
        assert_eq!((h.day, h.at), (None, None));
        assert_eq!(h.held.len(), 2);
        assert_eq!(
            h.reviewed["goals"],
            NaiveDate::from_ymd_opt(2026, 1, 4).unwrap()
        );
        assert_eq!(
            h.marks["ws-1"],
            quick_stamp("2026-01-05T06:07:08Z").unwrap()
        );
        let bad = serde_json::from_str::<Holder>(r#"{"day":"2026-02-30"}"#).unwrap_err();
        assert!(bad.to_string().contains("out of range"), "{bad}");
        // A value of the wrong type is refused in chrono's words.
        let number = json!(20261124);
        assert_eq!(
            serde_json::from_value::<Day>(number.clone())
                .err()
                .map(|e| e.to_string()),
            serde_json::from_value::<NaiveDate>(number.clone())
                .err()
                .map(|e| e.to_string())
        );
        assert_eq!(
            serde_json::from_value::<Stamp>(number.clone())
                .err()
                .map(|e| e.to_string()),
            serde_json::from_value::<Timestamp>(number)
                .err()
                .map(|e| e.to_string())
        );
    }

    proptest! {
        /// Any text that looks nearly like a date reads exactly as chrono reads it.
        #[test]
        fn days_read_as_chrono_reads_them(s in "[0-9+ -]{0,3}[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,3}") {
            prop_assert_eq!(ours_day(&s), chrono_day(&s));
        }

        #[test]
        fn instants_read_as_chrono_reads_them(
            s in "[0-9]{4}-[0-1][0-9]-[0-3][0-9][Tt ][0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,11})?(Z|z|[+-][0-2][0-9]:[0-5][0-9])"
        ) {
            prop_assert_eq!(ours_stamp(&s), chrono_stamp(&s));
        }

        #[test]
        fn any_instant_chrono_writes_reads_back_by_hand(secs in 0i64..8_000_000_000, nanos in 0u32..1_000_000_000) {
            let t = DateTime::<Utc>::from_timestamp(secs, nanos).unwrap();
            let written = serde_json::to_value(t).unwrap();
            prop_assert_eq!(quick_stamp(written.as_str().unwrap()), Some(t));
        }

        #[test]
        fn any_text_at_all_reads_as_chrono_reads_it(s in "\\PC{0,30}") {
            prop_assert_eq!(ours_day(&s), chrono_day(&s));
            prop_assert_eq!(ours_stamp(&s), chrono_stamp(&s));
        }
    }
}
