//! The synthetic generator's promises: valid, deterministic, varied, shaped as asked.

use chrono::{Days, NaiveDate};

use super::rng::Rng;
use super::{synthetic_workspace, BENCH, SMALL};
use crate::domain::model::{ActionStatus, Workspace};
use crate::domain::validate::validate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
}

#[test]
fn synthetic_workspaces_validate_for_several_seeds_and_sizes() {
    for seed in [0, 1, 42, 0xDEAD_BEEF, u64::MAX] {
        for (n, shape) in [(0, &SMALL), (1, &SMALL), (25, &SMALL), (3, &BENCH)] {
            let ws = synthetic_workspace(seed, n, shape, today());
            assert_eq!(ws.accounts.len(), n);
            let problems = validate(&ws);
            assert!(
                problems.is_empty(),
                "seed {seed}, {n} accounts: {problems:?}"
            );
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_workspace_and_another_seed_another() {
    let a = synthetic_workspace(7, 5, &SMALL, today());
    let b = synthetic_workspace(7, 5, &SMALL, today());
    let c = synthetic_workspace(8, 5, &SMALL, today());
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn round_trips_through_json() {
    let ws = synthetic_workspace(3, 4, &BENCH, today());
    let text = serde_json::to_string(&ws).unwrap();
    let back: Workspace = serde_json::from_str(&text).unwrap();
    assert_eq!(back, ws);
}

#[test]
fn shape_sets_the_list_lengths_and_ids_follow_the_pattern() {
    let ws = synthetic_workspace(11, 2, &BENCH, today());
    let a = &ws.accounts[1];
    assert_eq!(a.id.as_str(), "acc-000001");
    assert_eq!(a.plan.contacts.len(), 30);
    assert_eq!(a.plan.interactions.len(), 200);
    assert_eq!(a.plan.contacts[7].id.as_str(), "con-000001-07");
    assert_eq!(ws.team.len(), 8);
}

#[test]
fn splitmix_matches_the_reference_sequence() {
    // First outputs of SplitMix64 seeded with 0 (reference implementation).
    let mut r = Rng::new(0);
    assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
}

#[test]
fn money_is_integral_and_probabilities_have_two_decimals() {
    let ws = synthetic_workspace(5, 20, &SMALL, today());
    for a in &ws.accounts {
        let r = &a.plan.revenue;
        let mut money: Vec<f64> = [r.last_year, r.commitment, r.growth_target]
            .into_iter()
            .chain(r.quarterly_actuals)
            .flatten()
            .collect();
        money.extend(a.plan.opportunities.iter().filter_map(|o| o.value));
        money.extend(a.plan.white_space.cells.iter().filter_map(|c| c.value));
        money.extend(a.plan.contract.value);
        for m in money {
            assert_eq!(m, m.trunc(), "{} has {m}", a.id);
        }
        for o in &a.plan.opportunities {
            let cents = o.probability * 100.0;
            assert!((cents - cents.round()).abs() < 1e-9, "{}", o.probability);
            assert!((0.0..=1.0).contains(&o.probability));
        }
    }
}

#[test]
fn contacts_report_only_to_earlier_contacts() {
    let ws = synthetic_workspace(9, 10, &BENCH, today());
    for a in &ws.accounts {
        for (j, c) in a.plan.contacts.iter().enumerate() {
            if let Some(boss) = &c.reports_to {
                let b = a.plan.contacts.iter().position(|x| &x.id == boss).unwrap();
                assert!(b < j, "{} reports to a later contact", c.id);
            }
        }
    }
}

#[test]
fn the_workspace_is_varied() {
    let ws = synthetic_workspace(21, 40, &SMALL, today());
    let t = today();
    let plans = || ws.accounts.iter().map(|a| &a.plan);
    let overdue = plans()
        .flat_map(|p| &p.actions)
        .filter(|x| x.status == ActionStatus::Open && x.due.is_some_and(|d| d < t))
        .count();
    let done = plans()
        .flat_map(|p| &p.actions)
        .filter(|x| x.status == ActionStatus::Done)
        .count();
    assert!(overdue > 0 && done > 0, "overdue {overdue}, done {done}");
    // In a rut: two contacts take over 70% of the touches.
    let ruts = plans()
        .filter(|p| {
            let two = p
                .interactions
                .iter()
                .filter(|x| {
                    x.contacts
                        .iter()
                        .all(|c| c == &p.contacts[1].id || c == &p.contacts[2].id)
                })
                .count();
            two * 10 > p.interactions.len() * 7
        })
        .count();
    assert!(ruts > 0 && ruts < 40, "{ruts} accounts in a rut");
    let segments: std::collections::BTreeSet<_> = ws.accounts.iter().map(|a| a.segment).collect();
    assert_eq!(segments.len(), 4);
    let oldest = plans()
        .flat_map(|p| &p.interactions)
        .filter_map(|x| x.date)
        .min()
        .unwrap();
    assert!(oldest >= t - Days::new(365) && oldest < t - Days::new(300));
    for p in plans() {
        assert!((1..=4).contains(&p.reviews.len()));
        assert!(p.reviews.iter().all(|r| r.snapshot.is_some()));
        let sourced = p
            .goals
            .iter()
            .filter(|g| g.source_contact.is_some())
            .count();
        assert!(p.goals.len() >= 2 && sourced <= p.goals.len());
    }
}

#[test]
fn accounts_do_not_depend_on_how_many_are_made() {
    let few = synthetic_workspace(4, 2, &SMALL, today());
    let many = synthetic_workspace(4, 6, &SMALL, today());
    assert_eq!(few.accounts[..], many.accounts[..2]);
}
