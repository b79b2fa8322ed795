//! The account practices in the score: acceptance attendee by attendee, and a revenue
//! commitment nobody at the customer agreed (the arithmetic in the comments).

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::meeting::set_response;
use crate::domain::model::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-24";

fn account(plan: AccountPlan) -> Account {
    Account {
        id: Id::new("acc"),
        fiscal_year_start_month: 1,
        created_on: Some(day("2026-01-01")),
        plan: AccountPlan { year: 2026, ..plan },
        ..Account::default()
    }
}

fn component(a: &Account, kind: ComponentKind) -> ComponentScore {
    score_account(a, &Settings::default(), day(TODAY))
        .component(kind)
        .unwrap()
        .clone()
}

#[test]
fn cadence_weighs_acceptance_by_each_attendee() {
    // Quarterly: 1 expected in the window, held once: 60. Four attendees: accepted,
    // tentative (half), declined, no answer: 1.5 / 4 = 0.375 of 40 = 15. Total 75, even
    // though the old flag said accepted by all.
    let mut m = Meeting {
        id: Id::new("qbr"),
        recurrence: Rhythm::Quarterly,
        attendees: vec![Id::new("c1"), Id::new("c2"), Id::new("c3")],
        internal_attendees: vec![Id::new("t1")],
        accepted_by_all: true,
        held: vec![day("2026-10-01")],
        next_date: Some(day("2027-01-05")),
        ..Meeting::default()
    };
    set_response(&mut m, Id::new("c1"), AttendeeResponse::Accepted);
    set_response(&mut m, Id::new("c2"), AttendeeResponse::Tentative);
    set_response(&mut m, Id::new("t1"), AttendeeResponse::Declined);
    let a = account(AccountPlan {
        cadence: vec![m.clone()],
        ..AccountPlan::default()
    });
    let c = component(&a, ComponentKind::Cadence);
    assert_eq!(c.score, Some(75));
    assert_eq!(
        c.explanation,
        "1 of 1 expected meetings held, 0 of 1 meeting accepted by all parties, 0 overdue."
    );
    // Everyone accepts: 60 + 40.
    for who in ["c1", "c2", "c3", "t1"] {
        set_response(&mut m, Id::new(who), AttendeeResponse::Accepted);
    }
    let b = account(AccountPlan {
        cadence: vec![m],
        ..AccountPlan::default()
    });
    assert_eq!(component(&b, ComponentKind::Cadence).score, Some(100));
}

fn revenue_plan(actuals: [f64; 3]) -> AccountPlan {
    let mut plan = AccountPlan::default();
    plan.revenue.commitment = Some(1_200_000.0);
    plan.revenue.quarterly_actuals = [Some(actuals[0]), Some(actuals[1]), Some(actuals[2]), None];
    plan
}

#[test]
fn an_unagreed_commitment_caps_revenue_below_green() {
    // Three quarters over: 900K expected; 900K recorded: 100% on pace.
    let mut plan = revenue_plan([300_000.0, 300_000.0, 300_000.0]);
    let unrecorded = component(&account(plan.clone()), ComponentKind::Revenue);
    assert_eq!(unrecorded.score, Some(70));
    assert_eq!(
        unrecorded.explanation,
        "Actuals 900K against 900K expected by the end of Q3 (100%). Nobody at the customer is \
         recorded as agreeing the commitment: revenue counts at most 70."
    );
    plan.revenue.estimate = true;
    let estimate = component(&account(plan.clone()), ComponentKind::Revenue);
    assert_eq!(estimate.score, Some(70));
    assert!(estimate
        .explanation
        .ends_with("The commitment is our own estimate: revenue counts at most 70."));
    plan.revenue.estimate = false;
    plan.revenue.agreed_by = Some(Id::new("cfo"));
    plan.revenue.agreed_on = Some(day("2026-01-15"));
    let agreed = component(&account(plan), ComponentKind::Revenue);
    assert_eq!(agreed.score, Some(100));
    assert_eq!(
        agreed.explanation,
        "Actuals 900K against 900K expected by the end of Q3 (100%)."
    );
    // Under the cap, the pace stands: 500K of 900K is 56 either way.
    let behind = revenue_plan([300_000.0, 200_000.0, 0.0]);
    assert_eq!(
        component(&account(behind), ComponentKind::Revenue).score,
        Some(56)
    );
}

proptest! {
    #[test]
    fn every_score_stays_in_0_to_100_whatever_the_answers_and_agreement(
        answers in prop::collection::vec(prop::collection::vec(0..4u8, 0..6), 0..5),
        flags in prop::collection::vec(any::<bool>(), 5),
        held in prop::collection::vec(0i64..400, 0..8),
        actuals in prop::collection::vec(0.0..2_000_000.0f64, 3),
        agreed in any::<bool>(),
        estimate in any::<bool>(),
    ) {
        let mut plan = revenue_plan([actuals[0], actuals[1], actuals[2]]);
        plan.revenue.agreed_by = agreed.then(|| Id::new("c0"));
        plan.revenue.estimate = estimate;
        for (k, a) in answers.iter().enumerate() {
            let mut m = Meeting {
                id: Id::new(format!("m{k}")),
                recurrence: Rhythm::Monthly,
                accepted_by_all: flags[k],
                held: held.iter().map(|d| day(TODAY) - chrono::Duration::days(*d)).collect(),
                next_date: Some(day("2026-12-01")),
                ..Meeting::default()
            };
            for (j, r) in a.iter().enumerate() {
                let who = Id::new(format!("c{j}"));
                m.attendees.push(who.clone());
                set_response(&mut m, who, AttendeeResponse::ALL[usize::from(*r)]);
            }
            plan.cadence.push(m);
        }
        let a = account(plan);
        let card = score_account(&a, &Settings::default(), day(TODAY));
        for c in &card.components {
            prop_assert!(c.score.is_none_or(|s| s <= 100), "{:?}", c);
        }
        prop_assert!(card.overall.is_none_or(|s| s <= 100));
        let revenue = card.component(ComponentKind::Revenue).unwrap().score;
        if !agreed {
            prop_assert!(revenue.is_some_and(|s| s <= 70));
        }
    }
}
