//! New contacts, the weekly challenge's score: meet one new contact in the account each
//! week and learn the major challenge they face. A contact is new from the day we first
//! met them (`Contact::first_met`); the challenge counts as learnt once it is recorded.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::model::{Account, Contact};

/// New contacts met, and their major challenges learnt, in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Met {
    pub new_contacts: usize,
    pub challenges_learnt: usize,
}

/// The weekly challenge's progress: this week (Monday to `today`) and this quarter of the
/// customer's fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChallengeProgress {
    pub week: Met,
    pub quarter: Met,
    pub week_from: NaiveDate,
    pub quarter_from: NaiveDate,
}

impl ChallengeProgress {
    /// "This week: 1 new contact met, 1 major challenge learnt. This quarter: 3 and 2."
    pub fn sentence(&self) -> String {
        let s = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        format!(
            "This week: {} met, {} learnt. This quarter: {} met, {} learnt.",
            s(self.week.new_contacts, "new contact", "new contacts"),
            s(
                self.week.challenges_learnt,
                "major challenge",
                "major challenges"
            ),
            s(self.quarter.new_contacts, "new contact", "new contacts"),
            s(
                self.quarter.challenges_learnt,
                "major challenge",
                "major challenges"
            ),
        )
    }
}

/// The first day of the fiscal quarter (of a year starting in `start_month`) holding `today`.
pub fn fiscal_quarter_start(start_month: u8, today: NaiveDate) -> NaiveDate {
    let start = i32::from(start_month.clamp(1, 12)) - 1;
    let month = today.month0() as i32;
    let into = (month - start).rem_euclid(3);
    let first = today.with_day(1).unwrap_or(today);
    first
        .checked_sub_months(chrono::Months::new(into as u32))
        .unwrap_or(first)
}

/// Whether a contact's major challenge is known.
pub fn challenge_known(c: &Contact) -> bool {
    !c.major_challenge.trim().is_empty()
}

/// The account's new contacts this week and this quarter on `today`.
pub fn challenge_progress(account: &Account, today: NaiveDate) -> ChallengeProgress {
    let week_from = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let quarter_from = fiscal_quarter_start(account.fiscal_year_start_month, today);
    let count = |from: NaiveDate| {
        let mut m = Met::default();
        for c in &account.plan.contacts {
            if c.first_met.is_some_and(|d| (from..=today).contains(&d)) {
                m.new_contacts += 1;
                m.challenges_learnt += usize::from(challenge_known(c));
            }
        }
        m
    };
    ChallengeProgress {
        week: count(week_from),
        quarter: count(quarter_from),
        week_from,
        quarter_from,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Id;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn met(id: &str, on: Option<&str>, challenge: &str) -> Contact {
        Contact {
            id: Id::new(id),
            first_met: on.map(day),
            major_challenge: challenge.into(),
            ..Contact::default()
        }
    }

    #[test]
    fn fiscal_quarters_follow_the_start_month() {
        let d = day("2026-11-24");
        assert_eq!(fiscal_quarter_start(1, d), day("2026-10-01"));
        assert_eq!(fiscal_quarter_start(4, d), day("2026-10-01"));
        assert_eq!(fiscal_quarter_start(7, d), day("2026-10-01"));
        assert_eq!(fiscal_quarter_start(2, d), day("2026-11-01"));
        assert_eq!(fiscal_quarter_start(3, d), day("2026-09-01"));
        assert_eq!(
            fiscal_quarter_start(12, day("2027-01-05")),
            day("2026-12-01")
        );
    }

    #[test]
    fn new_contacts_and_challenges_of_the_week_and_the_quarter() {
        // 2026-11-26 is a Thursday: the week runs from Monday 2026-11-23.
        let mut a = Account {
            fiscal_year_start_month: 1,
            ..Account::default()
        };
        a.plan.contacts = vec![
            met("a", Some("2026-11-23"), "Budget cuts"), // this week, challenge learnt
            met("b", Some("2026-11-25"), "  "),          // this week, challenge not known
            met("c", Some("2026-11-22"), "Hiring"),      // last Sunday: this quarter only
            met("d", Some("2026-10-01"), ""),            // first day of the quarter
            met("e", Some("2026-09-30"), "Old"),         // last quarter
            met("f", Some("2026-11-27"), "Later"),       // after today: not yet met
            met("g", None, "Unknown date"),
        ];
        let p = challenge_progress(&a, day("2026-11-26"));
        assert_eq!(p.week_from, day("2026-11-23"));
        assert_eq!(p.quarter_from, day("2026-10-01"));
        assert_eq!(
            p.week,
            Met {
                new_contacts: 2,
                challenges_learnt: 1
            }
        );
        assert_eq!(
            p.quarter,
            Met {
                new_contacts: 4,
                challenges_learnt: 2
            }
        );
        assert_eq!(
            p.sentence(),
            "This week: 2 new contacts met, 1 major challenge learnt. This quarter: 4 new contacts met, 2 major challenges learnt."
        );
    }
}
