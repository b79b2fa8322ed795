//! Course corrections of the account practices: measures whose check is due, a revenue
//! commitment nobody at the customer agreed, meetings some attendees have not accepted,
//! and low-impact work crowding out overdue high-impact actions.

use chrono::NaiveDate;

use super::{candidate, Candidate};
use crate::domain::action_impact;
use crate::domain::commitment::{is_agreed, who_to_ask};
use crate::domain::measure_check::{due_on, is_due};
use crate::domain::meeting::not_accepted;
use crate::domain::model::{
    AccountPlan, ActionStatus, ComponentKind, Id, Impact, Meeting, PlanPart,
};

/// Success measures with a value whose evaluation rhythm has passed (a measure without a
/// value is advised to be measured already).
pub(super) fn measure_checks_due(plan: &AccountPlan, today: NaiveDate, out: &mut Vec<Candidate>) {
    for m in plan.measures.iter().filter(|m| m.current.is_some()) {
        if !is_due(m, today) {
            continue;
        }
        let name = if m.name.is_empty() {
            "unnamed"
        } else {
            &m.name
        };
        let title = match due_on(m) {
            Some(d) => format!("Check success measure “{name}” with the customer: due since {d}"),
            None => format!("Check success measure “{name}” with the customer: never checked"),
        };
        let id = m.id.clone();
        out.push(candidate(
            title,
            ComponentKind::SuccessMeasures,
            PlanPart::SuccessMeasures,
            Some(id.clone()),
            move |a| {
                if let Some(m) = a.plan.measures.iter_mut().find(|m| m.id == id) {
                    m.last_checked = Some(today);
                }
            },
        ));
    }
}

/// A commitment recorded but not agreed by anyone at the customer.
pub(super) fn unagreed_commitment(plan: &AccountPlan, out: &mut Vec<Candidate>) {
    let r = &plan.revenue;
    if !r.commitment.is_some_and(|c| c > 0.0) || is_agreed(r) {
        return;
    }
    let who = who_to_ask(plan);
    let title = match who {
        Some(c) if !c.name.trim().is_empty() => {
            format!("Get the revenue commitment agreed with {}", c.name)
        }
        _ => "Get the revenue commitment agreed with the customer".to_string(),
    };
    let contact = who.map(|c| c.id.clone());
    out.push(candidate(
        title,
        ComponentKind::Revenue,
        PlanPart::Revenue,
        contact.clone(),
        move |a| {
            a.plan.revenue.agreed_by = Some(contact.clone().unwrap_or_else(|| Id::new("nba")));
            a.plan.revenue.estimate = false;
        },
    ));
}

/// "QBR: Dana Cole and 1 more have not accepted", or, with no answers recorded, "QBR is not
/// accepted by all parties".
pub(super) fn not_accepted_title(plan: &AccountPlan, m: &Meeting, name: &str) -> String {
    let missing = not_accepted(m);
    let Some(first) = missing.first() else {
        return format!("{name} is not accepted by all parties");
    };
    let first_name = plan
        .contacts
        .iter()
        .find(|c| &c.id == *first)
        .map(|c| c.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "an attendee".to_string());
    match missing.len() {
        1 => format!("{name}: {first_name} has not accepted"),
        n => format!("{name}: {first_name} and {} more have not accepted", n - 1),
    }
}

/// Many open low-impact actions while high-impact ones are overdue: stop the low ones.
pub(super) fn low_value_work(plan: &AccountPlan, today: NaiveDate, out: &mut Vec<Candidate>) {
    let Some(w) = action_impact::low_value_work(plan, today) else {
        return;
    };
    let low: Vec<Id> = w.low_open.iter().map(|a| a.id.clone()).collect();
    let title =
        format!(
        "{} open actions are low impact while {} high-impact {} overdue: stop the low-value work",
        w.low_open.len(),
        w.high_overdue.len(),
        if w.high_overdue.len() == 1 { "one is" } else { "ones are" }
    );
    out.push(candidate(
        title,
        ComponentKind::Execution,
        PlanPart::Actions,
        None,
        move |a| {
            for x in a.plan.actions.iter_mut().filter(|x| low.contains(&x.id)) {
                if x.impact == Some(Impact::Low) {
                    x.status = ActionStatus::Cancelled;
                }
            }
        },
    ));
}

#[cfg(test)]
mod tests {
    use crate::domain::advice::next_best_actions;
    use crate::domain::meeting::set_response;
    use crate::domain::model::*;

    use crate::domain::advice::tests::{day, TODAY};

    fn base() -> Account {
        let mut a = crate::domain::advice::tests::base();
        a.plan.contacts = vec![
            Contact {
                id: Id::new("c1"),
                name: "Dana Cole".into(),
                ..Contact::default()
            },
            Contact {
                id: Id::new("c2"),
                name: "Raymond Cho".into(),
                role: Some(DecisionRole::DecisionMaker),
                ..Contact::default()
            },
        ];
        a
    }

    fn titles(a: &Account) -> Vec<String> {
        next_best_actions(a, &Settings::default(), day(TODAY))
            .into_iter()
            .map(|n| n.title)
            .collect()
    }

    #[test]
    fn a_measure_checked_a_quarter_ago_is_due_since_its_day() {
        let mut a = base();
        a.plan.measures.push(SuccessMeasure {
            id: Id::new("m"),
            name: "NPS".into(),
            target: Some(40.0),
            current: Some(45.0),
            rhythm: Rhythm::Quarterly,
            // 1 July + 92 days = 1 October.
            last_checked: Some(day("2026-07-01")),
            ..SuccessMeasure::default()
        });
        let t = titles(&a);
        assert!(
            t.contains(
                &"Check success measure “NPS” with the customer: due since 2026-10-01".into()
            ),
            "{t:?}"
        );
        a.plan.measures[0].last_checked = Some(day("2026-09-01"));
        assert!(!titles(&a)
            .iter()
            .any(|t| t.starts_with("Check success measure")));
    }

    #[test]
    fn an_unagreed_commitment_is_to_be_agreed_with_the_decision_maker_and_gains() {
        let mut a = base();
        a.plan.revenue.commitment = Some(1_200_000.0);
        a.plan.revenue.quarterly_actuals =
            [Some(300_000.0), Some(300_000.0), Some(300_000.0), None];
        let nba = next_best_actions(&a, &Settings::default(), day(TODAY));
        let agree = nba
            .iter()
            .find(|n| n.title == "Get the revenue commitment agreed with Raymond Cho")
            .expect("the agreement is advised");
        assert_eq!(agree.component, ComponentKind::Revenue);
        assert_eq!(agree.target, Some(Id::new("c2")));
        // Revenue from 70 (capped) to 100: a real gain.
        assert!(agree.estimated_gain > 0.0, "{agree:?}");
        a.plan.revenue.agreed_by = Some(Id::new("c2"));
        assert!(!titles(&a).iter().any(|t| t.starts_with("Get the revenue")));
    }

    #[test]
    fn a_meeting_names_who_has_not_accepted() {
        let mut a = base();
        let mut m = Meeting {
            id: Id::new("q"),
            title: "QBR".into(),
            attendees: vec![Id::new("c1"), Id::new("c2")],
            internal_attendees: vec![Id::new("t1")],
            next_date: Some(day("2026-12-20")),
            ..Meeting::default()
        };
        set_response(&mut m, Id::new("c1"), AttendeeResponse::Declined);
        set_response(&mut m, Id::new("t1"), AttendeeResponse::Accepted);
        a.plan.cadence.push(m);
        let t = titles(&a);
        assert!(
            t.contains(&"QBR: Dana Cole and 1 more have not accepted".into()),
            "{t:?}"
        );
    }

    #[test]
    fn low_impact_work_crowding_out_an_overdue_high_impact_action_is_named() {
        let mut a = base();
        let action = |id: &str, impact, due: &str| Action {
            id: Id::new(id),
            title: id.into(),
            impact: Some(impact),
            due: Some(day(due)),
            ..Action::default()
        };
        a.plan.actions = vec![
            action("big", Impact::High, "2026-11-01"),
            action("l1", Impact::Low, "2026-12-01"),
            action("l2", Impact::Low, "2026-12-02"),
            action("l3", Impact::Low, "2026-12-03"),
        ];
        let t = titles(&a);
        assert!(
            t.contains(
                &"3 open actions are low impact while 1 high-impact one is overdue: stop the low-value work"
                    .into()
            ),
            "{t:?}"
        );
    }
}
