//! Staleness ("scheduled maintenance"): each plan part is due for review on its rhythm —
//! the fast-moving parts at the monthly review, the rest at the quarterly update — and a
//! part not reviewed on time is stale. A part with nothing filled in is **not started**
//! (`completeness`): it has nothing to review, so it is neither on time nor stale. This is
//! the one rule of staleness: the section headings, the scorecard, the portfolio, the team
//! view and the reviews all read it from here, on the rhythm of the account's segment
//! ([`rhythm_of`]).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::completeness::{is_started, PartSet};
use super::model::{Account, PlanPart, ReviewRhythm, Settings};

/// The rhythm `account` is reviewed on: its segment's (`Settings::rhythm_for`). Every
/// caller of [`staleness`], [`review_summary`] and [`part_status`] passes this one.
pub fn rhythm_of<'a>(account: &Account, settings: &'a Settings) -> &'a ReviewRhythm {
    settings.rhythm_for(account.segment)
}

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
    /// Something of the part is filled in; when not, nothing below applies to it.
    pub started: bool,
    /// When the next review is due (were the part started).
    pub due: NaiveDate,
    /// Days past `due` (0 when not overdue, or not started).
    pub overdue_days: i64,
    /// Started and not reviewed on time.
    pub stale: bool,
}

impl PartStatus {
    /// Started and reviewed on time.
    pub fn on_time(&self) -> bool {
        self.started && !self.stale
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Staleness {
    pub parts: Vec<PartStatus>,
    /// The earliest due date of a started part: the date of the next review; `None` while
    /// nothing is started.
    pub next_review: Option<NaiveDate>,
    pub stale_parts: usize,
    pub started: PartSet,
}

impl Staleness {
    pub fn is_stale(&self) -> bool {
        self.stale_parts > 0
    }
    pub fn part(&self, part: PlanPart) -> Option<&PartStatus> {
        self.parts.iter().find(|p| p.part == part)
    }
}

/// The review status of every part of an account's plan on `today` (see [`part_status`]).
pub fn staleness(account: &Account, rhythm: &ReviewRhythm, today: NaiveDate) -> Staleness {
    let parts: Vec<PartStatus> = PlanPart::ALL
        .into_iter()
        .map(|part| part_status(account, part, rhythm, today))
        .collect();
    let summary = summarise(&parts);
    Staleness {
        parts,
        next_review: summary.next_review,
        stale_parts: summary.stale_parts,
        started: summary.started,
    }
}

/// What the scorecard and the portfolio read of [`staleness`], without listing the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewSummary {
    pub next_review: Option<NaiveDate>,
    pub stale_parts: usize,
    pub started: PartSet,
}

impl ReviewSummary {
    pub fn is_stale(&self) -> bool {
        self.stale_parts > 0
    }
}

/// [`staleness`]'s next review, stale count and started parts, for a caller that needs
/// only those.
pub fn review_summary(account: &Account, rhythm: &ReviewRhythm, today: NaiveDate) -> ReviewSummary {
    let parts = PlanPart::ALL.map(|part| part_status(account, part, rhythm, today));
    summarise(&parts)
}

fn summarise(parts: &[PartStatus]) -> ReviewSummary {
    let mut s = ReviewSummary {
        next_review: None,
        stale_parts: 0,
        started: PartSet::default(),
    };
    for p in parts.iter().filter(|p| p.started) {
        s.started.insert(p.part);
        s.stale_parts += usize::from(p.stale);
        s.next_review = Some(s.next_review.map_or(p.due, |d| d.min(p.due)));
    }
    s
}

/// One part's review status on `today`. A started part never reviewed is due one rhythm
/// after the account was created (a new account gets that long to fill it in), or today
/// when the creation date is unknown. A part not started is never stale.
pub fn part_status(
    account: &Account,
    part: PlanPart,
    rhythm: &ReviewRhythm,
    today: NaiveDate,
) -> PartStatus {
    let last = account.plan.reviewed.get(&part).copied();
    let started = is_started(&account.plan, part);
    let days = rhythm_days(part, rhythm);
    let due = match (last, account.created_on) {
        (Some(d), _) => d + Duration::days(days),
        (None, Some(c)) => c + Duration::days(days),
        (None, None) => today,
    };
    let overdue = today > due || (last.is_none() && today >= due);
    PartStatus {
        part,
        cycle: cycle_of(part),
        last_reviewed: last,
        started,
        due,
        overdue_days: if started {
            (today - due).num_days().max(0)
        } else {
            0
        },
        stale: started && overdue,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::model::{
        Action, Contact, FeedbackItem, Goal, Meeting, Opportunity, SuccessMeasure, TeamRole, Term,
    };

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// An account with something in every part of its plan, and no review yet.
    pub(crate) fn every_part_started(created_on: Option<NaiveDate>) -> Account {
        let mut a = Account {
            created_on,
            ..Account::default()
        };
        let p = &mut a.plan;
        p.revenue.commitment = Some(1_000.0);
        p.goals.push(Goal::default());
        p.measures.push(SuccessMeasure::default());
        p.feedback.keep.push(FeedbackItem::default());
        p.contacts.push(Contact::default());
        p.white_space.units.push(Term::new("u", "Unit"));
        p.opportunities.push(Opportunity::default());
        p.actions.push(Action::default());
        p.cadence.push(Meeting::default());
        p.team.push(TeamRole::default());
        p.contract.end_date = Some(day("2027-06-30"));
        a
    }

    #[test]
    fn parts_go_stale_on_their_own_rhythm() {
        let rhythm = ReviewRhythm::default(); // 31 and 92 days
        let today = day("2026-11-24");
        let mut a = every_part_started(Some(day("2025-01-01")));
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
        assert!(!goals.stale && goals.on_time());
        assert_eq!(s.stale_parts, 5); // the five monthly parts
        assert_eq!(s.next_review, Some(day("2026-11-15")));
        assert_eq!(s.started.len(), 11);
        assert!(s.is_stale());
    }

    #[test]
    fn a_part_never_filled_in_is_not_started_never_on_time_nor_stale() {
        let today = day("2026-11-24");
        // Created long ago, never filled in, even marked reviewed: nothing is judged.
        let mut a = Account {
            created_on: Some(day("2025-01-01")),
            ..Account::default()
        };
        a.plan.reviewed.insert(PlanPart::Goals, day("2026-11-20"));
        let s = staleness(&a, &ReviewRhythm::default(), today);
        assert!(s
            .parts
            .iter()
            .all(|p| !p.started && !p.stale && !p.on_time()));
        assert!(s.parts.iter().all(|p| p.overdue_days == 0));
        assert_eq!((s.stale_parts, s.next_review), (0, None));
        assert!(s.started.is_empty());
        // A goal starts the part: reviewed 4 days ago, on time until 2027-02-20.
        a.plan.goals.push(crate::domain::model::Goal::default());
        let s = staleness(&a, &ReviewRhythm::default(), today);
        let goals = s.part(PlanPart::Goals).unwrap();
        assert!(goals.on_time());
        assert_eq!(s.next_review, Some(day("2027-02-20")));
    }

    #[test]
    fn a_part_reviewed_today_is_fresh_and_due_one_rhythm_later() {
        let today = day("2026-11-24");
        let mut a = every_part_started(None);
        a.plan.reviewed.insert(PlanPart::Revenue, today);
        let s = staleness(&a, &ReviewRhythm::default(), today);
        let revenue = s.part(PlanPart::Revenue).unwrap();
        assert!(!revenue.stale);
        assert_eq!(revenue.due, day("2026-12-25"));
        // Started, never reviewed, creation unknown: due today, stale.
        let goals = s.part(PlanPart::Goals).unwrap();
        assert_eq!(goals.due, today);
        assert!(goals.stale);
    }

    #[test]
    fn a_new_account_gets_one_rhythm_to_fill_its_plan_in() {
        let today = day("2026-11-24");
        let a = every_part_started(Some(day("2026-11-10")));
        let s = staleness(&a, &ReviewRhythm::default(), today);
        assert_eq!(s.stale_parts, 0);
        assert_eq!(s.next_review, Some(day("2026-12-11"))); // created + 31 days
                                                            // A day after the monthly parts were due: those five are stale.
        let s = staleness(&a, &ReviewRhythm::default(), day("2026-12-12"));
        assert_eq!(s.stale_parts, 5);
    }

    #[test]
    fn the_summary_matches_the_full_status() {
        let today = day("2026-11-24");
        let mut a = every_part_started(Some(day("2026-09-01")));
        a.plan.reviewed.insert(PlanPart::Goals, day("2026-10-15"));
        a.plan
            .reviewed
            .insert(PlanPart::Contacts, day("2026-11-20"));
        let mut half = a.clone();
        half.plan.goals.clear();
        half.plan.team.clear();
        for a in [&a, &half, &Account::default()] {
            for rhythm in [
                ReviewRhythm::default(),
                ReviewRhythm {
                    monthly_review_days: 0,
                    quarterly_update_days: 400,
                },
            ] {
                for d in [today, day("2026-09-01"), day("2027-06-01")] {
                    let s = staleness(a, &rhythm, d);
                    let summary = review_summary(a, &rhythm, d);
                    assert_eq!(summary.next_review, s.next_review);
                    assert_eq!(summary.stale_parts, s.stale_parts);
                    assert_eq!(summary.started, s.started);
                }
            }
        }
        assert_eq!(
            review_summary(&half, &ReviewRhythm::default(), today)
                .started
                .len(),
            9
        );
    }

    #[test]
    fn the_settings_rhythm_applies() {
        let today = day("2026-11-24");
        let mut a = every_part_started(None);
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
