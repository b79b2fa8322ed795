//! The demo's promises: valid on any day, deterministic, and each account the story it tells.

use chrono::{Duration, NaiveDate};

use super::demo_workspace;
use crate::domain::model::{
    Account, ActionStatus, DecisionRole::DecisionMaker, Direction, Id, Interaction, PlanPart, Risk,
    Stance, Stance::Skeptic, Workspace,
};
use crate::domain::validate::validate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
}

#[test]
fn the_demo_validates_for_several_days() {
    for (y, m, d) in [(2026, 5, 14), (2026, 1, 2), (2025, 12, 31), (2027, 2, 28)] {
        let ws = demo_workspace(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let problems = validate(&ws);
        assert!(problems.is_empty(), "{y}-{m}-{d}: {problems:?}");
    }
}

#[test]
fn the_demo_is_deterministic_and_marked() {
    let a = demo_workspace(today());
    assert_eq!(a, demo_workspace(today()));
    assert!(a.demo);
    assert_eq!(a.name, "Demo workspace");
    assert_eq!(a.team.len(), 4);
}

fn account<'a>(ws: &'a Workspace, name: &str) -> &'a Account {
    ws.accounts
        .iter()
        .find(|a| a.name.starts_with(name))
        .unwrap()
}

#[test]
fn six_accounts_with_owners_from_the_team_and_two_or_three_reviews() {
    let ws = demo_workspace(today());
    assert_eq!(ws.accounts.len(), 6);
    let leaders = ws
        .team
        .iter()
        .filter(|m| m.title.starts_with("Head"))
        .count();
    assert_eq!(leaders, 1);
    for a in &ws.accounts {
        let n = a.plan.reviews.len();
        if a.name.starts_with("Lumina") {
            assert_eq!(n, 0);
            assert_eq!(a.plan.contacts.len(), 2);
        } else {
            assert!((2..=3).contains(&n), "{}: {n} reviews", a.name);
            let overall: Vec<_> = a
                .plan
                .reviews
                .iter()
                .map(|r| r.snapshot.as_ref().unwrap().overall)
                .collect();
            assert!(
                overall.windows(2).all(|w| w[0] != w[1]),
                "{}: flat trend",
                a.name
            );
        }
    }
}

#[test]
fn the_thriving_account_is_covered_on_target_and_fresh() {
    let ws = demo_workspace(today());
    let a = account(&ws, "Harborview");
    let p = &a.plan;
    let execs: Vec<&Id> = p
        .contacts
        .iter()
        .filter(|c| c.level == Some(Id::new("lvl-exec")))
        .map(|c| &c.id)
        .collect();
    assert_eq!(execs.len(), 3);
    let recent = |x: &&Interaction| x.date.unwrap() >= today() - Duration::days(90);
    assert!(p
        .interactions
        .iter()
        .filter(recent)
        .any(|x| x.contacts.iter().any(|c| execs.contains(&c))));
    assert!(p
        .cadence
        .iter()
        .all(|m| m.accepted_by_all && m.next_date.unwrap() > today()));
    for m in &p.measures {
        let (t, c) = (m.target.unwrap(), m.current.unwrap());
        assert!(
            if m.direction == Direction::LowerIsBetter {
                c <= t
            } else {
                c >= t
            },
            "{}",
            m.name
        );
    }
    let pipeline: f64 = p
        .opportunities
        .iter()
        .filter(|o| o.goal.is_some())
        .filter_map(|o| o.value)
        .sum();
    assert_eq!(pipeline, 420_000.0);
    assert!(pipeline > p.revenue.growth_target.unwrap());
    assert_eq!(p.reviewed.len(), PlanPart::ALL.len());
    assert!(p
        .reviewed
        .values()
        .all(|d| *d >= today() - Duration::days(8)));
}

#[test]
fn the_rut_account_only_talks_to_two_friendly_staff() {
    let ws = demo_workspace(today());
    let p = &account(&ws, "Brightwell").plan;
    let touched: std::collections::BTreeSet<&Id> =
        p.interactions.iter().flat_map(|x| &x.contacts).collect();
    assert_eq!(touched.len(), 2);
    for id in touched {
        let c = p.contacts.iter().find(|c| &c.id == id).unwrap();
        assert_eq!(c.level, Some(Id::new("lvl-staff")));
        assert_eq!(c.stance, Some(Stance::Champion));
    }
    assert!(p
        .contacts
        .iter()
        .all(|c| c.level != Some(Id::new("lvl-exec"))));
    let dm = p
        .contacts
        .iter()
        .find(|c| c.role == Some(DecisionMaker))
        .unwrap();
    assert_eq!(dm.stance, Some(Skeptic));
}

#[test]
fn the_renewal_at_risk_ends_in_58_days_with_an_overdue_qbr() {
    let ws = demo_workspace(today());
    let p = &account(&ws, "Meridian").plan;
    assert_eq!(
        p.contract.end_date,
        Some(NaiveDate::from_ymd_opt(2026, 7, 11).unwrap())
    );
    assert_eq!(p.contract.risk, Risk::High);
    assert!(p
        .cadence
        .iter()
        .all(|m| m.meeting_type != Some(Id::new("mt-exec"))));
    assert!(p.team.iter().all(|r| !r.executive_sponsor));
    let qbr = p
        .cadence
        .iter()
        .find(|m| m.meeting_type == Some(Id::new("mt-qbr")))
        .unwrap();
    assert!(qbr.next_date.unwrap() < today());
}

#[test]
fn the_stale_plan_has_no_recent_review_and_overdue_actions() {
    let ws = demo_workspace(today());
    let p = &account(&ws, "Copperleaf").plan;
    let latest = p.reviewed.values().max().unwrap();
    assert!(*latest <= today() - Duration::days(122), "{latest}");
    let overdue = p
        .actions
        .iter()
        .filter(|x| x.status != ActionStatus::Done && x.due.unwrap() < today())
        .count();
    assert_eq!(overdue, 3);
}

#[test]
fn the_demo_shows_the_practices_in_full_depth() {
    use crate::domain::advice::next_best_actions;
    use crate::domain::commitment::is_agreed;
    use crate::domain::meeting::{accepted_by_all, not_accepted};
    use crate::domain::model::{FeedbackStatus, Settings};
    let ws = demo_workspace(today());
    let hv = &account(&ws, "Harborview").plan;
    // Uptime: three values, the latest the current one.
    let uptime = &hv.measures[0];
    assert_eq!(uptime.history.len(), 3);
    assert_eq!(uptime.current, Some(99.95));
    assert!(uptime.history.windows(2).all(|w| w[0].date < w[1].date));
    assert!(accepted_by_all(&hv.cadence[0]) && hv.cadence[0].responses.len() == 5);
    assert_eq!(hv.revenue.agreed_by, Some(Id::new("con-hv-02")));
    assert_eq!(hv.feedback.start[0].status, FeedbackStatus::InProgress);
    assert_eq!(
        hv.actions[5].feedback,
        Some(hv.feedback.start[0].id.clone())
    );
    // The rut: the commitment is our estimate, and Irene declined the QBR.
    let bw = &account(&ws, "Brightwell").plan;
    assert!(bw.revenue.estimate && !is_agreed(&bw.revenue));
    assert_eq!(not_accepted(&bw.cadence[1]), vec![&Id::new("con-bw-01")]);
    // The stale plan: low-value work while the high-impact pilot scope is overdue.
    let cl = account(&ws, "Copperleaf");
    let titles: Vec<String> = next_best_actions(cl, &Settings::default(), today())
        .into_iter()
        .map(|n| n.title)
        .collect();
    assert!(
        titles.contains(
            &"3 open actions are low impact while 1 high-impact one is overdue: stop the low-value work"
                .to_string()
        ),
        "{titles:?}"
    );
}
