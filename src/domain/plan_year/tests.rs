//! The fiscal year worked out by hand for each start month, the quarters due, and the
//! rollover: nothing of the old plan is lost, and the new one compares with it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::model::{FeedbackItem, Goal, SuccessMeasure};
use crate::domain::sample::synthetic::{synthetic_workspace, SMALL};
use crate::domain::scoring::revenue_quarters_due as quarters_due;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_fiscal_year_of_a_day_for_each_start_month() {
    // 15 May 2026: for a start in January–May the fiscal year began in 2026; for a start
    // in June–December it began in 2025 and has not ended yet.
    let d = day("2026-05-15");
    for month in 1..=5 {
        assert_eq!(fiscal_year_of(d, month), 2026, "start month {month}");
    }
    for month in 6..=12 {
        assert_eq!(fiscal_year_of(d, month), 2025, "start month {month}");
    }
    // The first and last days of a July year.
    assert_eq!(fiscal_year_of(day("2026-07-01"), 7), 2026);
    assert_eq!(fiscal_year_of(day("2026-06-30"), 7), 2025);
    assert_eq!(fiscal_year_of(day("2026-12-31"), 1), 2026);
    assert_eq!(fiscal_year_of(day("2027-01-01"), 1), 2027);
    // A month out of range is read as January, as the scores read it.
    assert_eq!(fiscal_year_of(day("2026-03-01"), 0), 2026);
    assert_eq!(fiscal_year_start(2026, 7), Some(day("2026-07-01")));
}

#[test]
fn a_year_is_labelled_as_people_name_it() {
    assert_eq!(year_label(2026, 1), "FY 2026");
    assert_eq!(year_label(2026, 7), "FY 2026/27");
    assert_eq!(year_label(2026, 4), "FY 2026/27");
    assert_eq!(year_label(2099, 10), "FY 2099/00");
}

fn july_account(year: i32) -> Account {
    let mut a = Account::new(
        Id::new("acc"),
        "Acme",
        day("2026-03-01"),
        Default::default(),
    );
    a.fiscal_year_start_month = 7;
    a.plan.year = year;
    a
}

#[test]
fn quarters_due_count_from_the_fiscal_year_start() {
    // FY 2025/26 from 1 July 2025: on 15 May 2026, Q1 (Jul–Sep), Q2 (Oct–Dec) and Q3
    // (Jan–Mar) are over, Q4 (Apr–Jun) is not.
    let a = july_account(2025);
    assert_eq!(quarters_due(&a, day("2026-05-15")), 3);
    assert_eq!(quarters_due(&a, day("2025-09-30")), 0);
    assert_eq!(quarters_due(&a, day("2025-10-01")), 1);
    assert_eq!(quarters_due(&a, day("2026-07-01")), 4);
    // The plan labelled with the calendar year (FY 2026/27) has not begun: nothing is due.
    assert_eq!(quarters_due(&july_account(2026), day("2026-05-15")), 0);
}

#[test]
fn changing_the_fiscal_start_keeps_the_plan_on_the_running_year() {
    // Created in March 2026 with a January year: FY 2026. The customer's year starts in
    // July: the year running in March is FY 2025/26, so the plan is for 2025.
    let today = day("2026-03-10");
    let mut a = Account::new(Id::new("acc"), "Acme", today, Default::default());
    assert_eq!(a.plan.year, 2026);
    change_fiscal_start(&mut a, 7, today);
    assert_eq!((a.fiscal_year_start_month, a.plan.year), (7, 2025));
    assert_eq!(plan_label(&a), "FY 2025/26");
    // A plan set for next year keeps its year when the month changes.
    a.plan.year = 2026;
    change_fiscal_start(&mut a, 4, today);
    assert_eq!((a.fiscal_year_start_month, a.plan.year), (4, 2026));
}

fn fb(id: &str) -> FeedbackItem {
    FeedbackItem {
        id: Id::new(id),
        text: id.into(),
        ..FeedbackItem::default()
    }
}

#[test]
fn next_years_plan_keeps_last_years_and_compares_with_it() {
    let mut a = july_account(2025);
    a.plan.revenue.commitment = Some(1_000_000.0);
    a.plan.revenue.quarterly_actuals = [
        Some(200_000.0),
        Some(250_000.0),
        Some(300_000.0),
        Some(350_000.0),
    ];
    a.plan.goals.push(Goal {
        id: Id::new("g1"),
        title: "Grow".into(),
        ..Goal::default()
    });
    a.plan.measures.push(SuccessMeasure {
        id: Id::new("m1"),
        name: "NPS".into(),
        target: Some(50.0),
        current: Some(42.0),
        last_checked: Some(day("2026-06-01")),
        ..SuccessMeasure::default()
    });
    a.plan.feedback.start.push(fb("f1"));
    a.plan.feedback.keep.push(fb("f2"));
    a.plan
        .reviewed
        .insert(PlanPart::Feedback, day("2026-06-01"));
    a.plan
        .reviewed
        .insert(PlanPart::Contacts, day("2026-06-01"));

    let next = start_next_year(&a, day("2026-07-02"));
    assert_eq!(next.plan.year, 2026);
    assert_eq!(plan_label(&next), "FY 2026/27");
    // Last year's plan, as it ended.
    let last = last_year(&next).expect("kept");
    assert_eq!((last.id.as_str(), last.year), ("fy-2025", 2025));
    assert_eq!(last.revenue, a.plan.revenue);
    assert_eq!(last.measures[0].current, Some(42.0));
    assert_eq!(last.feedback, a.plan.feedback);
    // The new plan: last year's spend is what was actually spent (200+250+300+350 = 1.1M).
    assert_eq!(next.plan.revenue.last_year, Some(1_100_000.0));
    assert_eq!(next.plan.revenue.commitment, None);
    assert_eq!(next.plan.revenue.quarterly_actuals, [None; 4]);
    assert_eq!(next.plan.goals, a.plan.goals);
    assert_eq!(
        (next.plan.measures[0].current, next.plan.measures[0].target),
        (None, Some(50.0))
    );
    assert!(next.plan.feedback.start.is_empty() && next.plan.feedback.keep.is_empty());
    assert!(!next.plan.reviewed.contains_key(&PlanPart::Feedback));
    assert!(next.plan.reviewed.contains_key(&PlanPart::Contacts));
    assert_eq!(
        measure_last_year(&next, &Id::new("m1")),
        Some((Some(42.0), Some(50.0)))
    );

    // Two quarters recorded this year: 230K + 240K against last year's 200K + 250K.
    let mut later = next.clone();
    later.plan.revenue.quarterly_actuals = [Some(230_000.0), Some(240_000.0), None, None];
    let v = revenue_variance(&later).expect("last year kept");
    assert_eq!(
        (v.quarters, v.this_year, v.last_year),
        (2, 470_000.0, 450_000.0)
    );
    assert_eq!(v.change(), 20_000.0);
    assert_eq!(v.last_label, "FY 2025/26");
    assert_eq!(
        (v.last_year_total, v.last_commitment),
        (Some(1_100_000.0), Some(1_000_000.0))
    );
    assert_eq!(revenue_variance(&a), None);
}

/// Every entity of a plan, named by its list and id; the revenue and contract as text.
fn entities(p: &crate::domain::model::AccountPlan) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    macro_rules! add {
        ($($name:literal: $list:expr),+) => {$(
            out.extend($list.iter().map(|e| format!("{}/{}", $name, e.id)));
        )+};
    }
    add!("contact": p.contacts, "interaction": p.interactions, "goal": p.goals,
        "measure": p.measures, "unit": p.white_space.units, "opportunity": p.opportunities,
        "action": p.actions, "meeting": p.cadence, "team": p.team, "review": p.reviews,
        "closed": p.previous, "feedback": p.feedback.start, "feedback": p.feedback.stop,
        "feedback": p.feedback.keep);
    out.extend(
        p.white_space
            .cells
            .iter()
            .map(|c| format!("cell/{}/{}", c.unit, c.offering)),
    );
    out
}

proptest! {
    /// A rollover loses no entity: every entity of the old plan is in the new plan or in
    /// last year's, and the old revenue, goals, measures and feedback are kept whole.
    #[test]
    fn a_rollover_loses_no_entity(seed in 0u64..500, days in 0i64..900, times in 1usize..3) {
        let start = day("2025-01-01");
        let ws = synthetic_workspace(seed, 2, &SMALL, start);
        let today = start + chrono::Duration::days(days);
        for account in &ws.accounts {
            let mut old = (**account).clone();
            for _ in 0..times {
                let next = start_next_year(&old, today);
                let kept = last_year(&next).expect("last year's plan").clone();
                let mut in_new = entities(&next.plan);
                for g in &kept.goals { in_new.insert(format!("goal/{}", g.id)); }
                for m in &kept.measures { in_new.insert(format!("measure/{}", m.id)); }
                for f in kept.feedback.start.iter().chain(&kept.feedback.stop).chain(&kept.feedback.keep) {
                    in_new.insert(format!("feedback/{}", f.id));
                }
                let lost: Vec<_> = entities(&old.plan).difference(&in_new).cloned().collect();
                prop_assert!(lost.is_empty(), "lost {:?}", lost);
                prop_assert_eq!(&kept.revenue, &old.plan.revenue);
                prop_assert_eq!(&kept.goals, &old.plan.goals);
                prop_assert_eq!(&kept.measures, &old.plan.measures);
                prop_assert_eq!(&kept.feedback, &old.plan.feedback);
                prop_assert_eq!(&next.plan.contract, &old.plan.contract);
                prop_assert_eq!(next.plan.previous.len(), old.plan.previous.len() + 1);
                prop_assert_eq!(next.plan.year, old.plan.year + 1);
                old = next;
            }
        }
    }
}
