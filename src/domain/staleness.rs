//! Staleness ("scheduled maintenance"): each plan part is due for review on its rhythm —
//! the fast-moving parts at the monthly review, the rest at the quarterly update — and a
//! part not reviewed on time is stale.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::model::{Account, PlanPart, ReviewRhythm};

/// Which review a part belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Cycle {
    Monthly,
    Quarterly,
}

/// The fast-moving parts (people, deals, execution, meetings, money) are reviewed monthly;
/// goals, measures, feedback, white space, team and contract at the quarterly update.
pub fn cycle_of(part: PlanPart) -> Cycle {
    match part {
        PlanPart::Revenue
        | PlanPart::Contacts
        | PlanPart::Opportunities
        | PlanPart::Actions
        | PlanPart::Cadence => Cycle::Monthly,
        PlanPart::Goals
        | PlanPart::SuccessMeasures
        | PlanPart::Feedback
        | PlanPart::WhiteSpace
        | PlanPart::Team
        | PlanPart::Contract => Cycle::Quarterly,
    }
}

/// Days between reviews of `part`.
pub fn rhythm_days(part: PlanPart, rhythm: &ReviewRhythm) -> i64 {
    match cycle_of(part) {
        Cycle::Monthly => i64::from(rhythm.monthly_review_days.max(1)),
        Cycle::Quarterly => i64::from(rhythm.quarterly_update_days.max(1)),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartStatus {
    pub part: PlanPart,
    pub cycle: Cycle,
    pub last_reviewed: Option<NaiveDate>,
    /// When the next review is due.
    pub due: NaiveDate,
    /// Days past `due` (0 when not overdue).
    pub overdue_days: i64,
    pub stale: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Staleness {
    pub parts: Vec<PartStatus>,
    /// The earliest due date of any part: the date of the next review.
    pub next_review: NaiveDate,
    pub stale_parts: usize,
}

impl Staleness {
    pub fn is_stale(&self) -> bool {
        self.stale_parts > 0
    }
    pub fn part(&self, part: PlanPart) -> Option<&PartStatus> {
        self.parts.iter().find(|p| p.part == part)
    }
}

/// The review status of every part of an account's plan on `today`. A part never
/// reviewed is due one rhythm after the account was created (a new account gets that
/// long to fill it in), or today when the creation date is unknown.
pub fn staleness(account: &Account, rhythm: &ReviewRhythm, today: NaiveDate) -> Staleness {
    let parts: Vec<PartStatus> = PlanPart::ALL
        .into_iter()
        .map(|part| part_status(account, part, rhythm, today))
        .collect();
    let next_review = parts.iter().map(|p| p.due).min().unwrap_or(today);
    let stale_parts = parts.iter().filter(|p| p.stale).count();
    Staleness {
        parts,
        next_review,
        stale_parts,
    }
}

/// What the scorecard and the portfolio read of [`staleness`], without listing the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewSummary {
    pub next_review: NaiveDate,
    pub stale_parts: usize,
}

impl ReviewSummary {
    pub fn is_stale(&self) -> bool {
        self.stale_parts > 0
    }
}

/// [`staleness`]'s next review and stale count, for a caller that needs only those.
pub fn review_summary(account: &Account, rhythm: &ReviewRhythm, today: NaiveDate) -> ReviewSummary {
    PlanPart::ALL.into_iter().fold(
        ReviewSummary {
            next_review: NaiveDate::MAX,
            stale_parts: 0,
        },
        |s, part| {
            let p = part_status(account, part, rhythm, today);
            ReviewSummary {
                next_review: s.next_review.min(p.due),
                stale_parts: s.stale_parts + usize::from(p.stale),
            }
        },
    )
}

fn part_status(
    account: &Account,
    part: PlanPart,
    rhythm: &ReviewRhythm,
    today: NaiveDate,
) -> PartStatus {
    let last = account.plan.reviewed.get(&part).copied();
    let days = rhythm_days(part, rhythm);
    let due = match (last, account.created_on) {
        (Some(d), _) => d + Duration::days(days),
        (None, Some(c)) => c + Duration::days(days),
        (None, None) => today,
    };
    let overdue_days = (today - due).num_days().max(0);
    PartStatus {
        part,
        cycle: cycle_of(part),
        last_reviewed: last,
        due,
        overdue_days,
        stale: today > due || (last.is_none() && today >= due),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parts_go_stale_on_their_own_rhythm() {
        let rhythm = ReviewRhythm::default(); // 31 and 92 days
        let today = day("2026-11-24");
        let mut a = Account {
            created_on: Some(day("2025-01-01")),
            ..Account::default()
        };
        // Reviewed 40 days ago: monthly parts are 9 days overdue, quarterly ones are not.
        for part in PlanPart::ALL {
            a.plan.reviewed.insert(part, day("2026-10-15"));
        }
        let s = staleness(&a, &rhythm, today);
        let contacts = s.part(PlanPart::Contacts).unwrap();
        assert_eq!(contacts.due, day("2026-11-15"));
        assert_eq!(contacts.overdue_days, 9);
        assert!(contacts.stale);
        let goals = s.part(PlanPart::Goals).unwrap();
        assert_eq!(goals.due, day("2027-01-15"));
        assert!(!goals.stale);
        assert_eq!(s.stale_parts, 5); // the five monthly parts
        assert_eq!(s.next_review, day("2026-11-15"));
        assert!(s.is_stale());
    }

    #[test]
    fn a_part_reviewed_today_is_fresh_and_due_one_rhythm_later() {
        let today = day("2026-11-24");
        let mut a = Account::default();
        a.plan.reviewed.insert(PlanPart::Revenue, today);
        let s = staleness(&a, &ReviewRhythm::default(), today);
        let revenue = s.part(PlanPart::Revenue).unwrap();
        assert!(!revenue.stale);
        assert_eq!(revenue.due, day("2026-12-25"));
        // Never reviewed, creation unknown: due today, stale.
        let goals = s.part(PlanPart::Goals).unwrap();
        assert_eq!(goals.due, today);
        assert!(goals.stale);
    }

    #[test]
    fn a_new_account_gets_one_rhythm_to_fill_its_plan_in() {
        let today = day("2026-11-24");
        let a = Account {
            created_on: Some(day("2026-11-10")),
            ..Account::default()
        };
        let s = staleness(&a, &ReviewRhythm::default(), today);
        assert_eq!(s.stale_parts, 0);
        assert_eq!(s.next_review, day("2026-12-11")); // created + 31 days
    }

    #[test]
    fn the_summary_matches_the_full_status() {
        let today = day("2026-11-24");
        let mut a = Account {
            created_on: Some(day("2026-09-01")),
            ..Account::default()
        };
        a.plan.reviewed.insert(PlanPart::Goals, day("2026-10-15"));
        a.plan
            .reviewed
            .insert(PlanPart::Contacts, day("2026-11-20"));
        for rhythm in [
            ReviewRhythm::default(),
            ReviewRhythm {
                monthly_review_days: 0,
                quarterly_update_days: 400,
            },
        ] {
            for d in [today, day("2026-09-01"), day("2027-06-01")] {
                let s = staleness(&a, &rhythm, d);
                let summary = review_summary(&a, &rhythm, d);
                assert_eq!(summary.next_review, s.next_review);
                assert_eq!(summary.stale_parts, s.stale_parts);
            }
        }
    }

    #[test]
    fn the_settings_rhythm_applies() {
        let today = day("2026-11-24");
        let mut a = Account::default();
        a.plan
            .reviewed
            .insert(PlanPart::Contacts, day("2026-11-10"));
        let weekly = ReviewRhythm {
            monthly_review_days: 7,
            quarterly_update_days: 30,
        };
        assert_eq!(
            staleness(&a, &weekly, today)
                .part(PlanPart::Contacts)
                .unwrap()
                .overdue_days,
            7
        );
    }
}
