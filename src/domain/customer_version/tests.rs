use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::domain::model::{CoachingAnswer, Stance, Workspace};
use crate::domain::sample::demo::demo_workspace;
use crate::domain::sample::synthetic::{synthetic_workspace, SMALL};
use crate::domain::validate::validate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
}

/// Every field the customer version leaves out (paths with `[]` for any index), and the
/// value it holds there instead.
fn left_out() -> Vec<(&'static str, Value)> {
    vec![
        ("/notes", json!("")),
        ("/plan/revenue/growth_target", Value::Null),
        ("/plan/contacts/[]/stance", Value::Null),
        ("/plan/contacts/[]/strength", Value::Null),
        ("/plan/contacts/[]/role", Value::Null),
        ("/plan/contacts/[]/notes", json!("")),
        ("/plan/interactions/[]/note", json!("")),
        ("/plan/white_space/cells/[]/competitor", Value::Null),
        ("/plan/white_space/cells/[]/note", json!("")),
        ("/plan/opportunities/[]/probability", json!(0.0)),
        ("/plan/actions/[]/impact", Value::Null),
        ("/plan/contract/risk", json!("low")),
        ("/plan/contract/notes", json!("")),
        ("/plan/reviews", json!([])),
    ]
}

/// Walks the full account (`full`) and its customer version (`safe`) side by side: the
/// paths where they differ outside the left-out fields go to `changed`, and left-out
/// fields that do not hold their blank value go to `kept`.
fn compare(
    full: &Value,
    safe: &Value,
    at: String,
    changed: &mut BTreeSet<String>,
    kept: &mut BTreeSet<String>,
) {
    if let Some((_, blank)) = left_out().into_iter().find(|(p, _)| *p == at) {
        if *safe != blank {
            kept.insert(at);
        }
        return;
    }
    match (full, safe) {
        (Value::Object(f), Value::Object(s)) => {
            let keys: BTreeSet<&String> = f.keys().chain(s.keys()).collect();
            for k in keys {
                let (fv, sv) = (
                    f.get(k).unwrap_or(&Value::Null),
                    s.get(k).unwrap_or(&Value::Null),
                );
                compare(fv, sv, format!("{at}/{k}"), changed, kept);
            }
        }
        (Value::Array(f), Value::Array(s)) if f.len() == s.len() => {
            for (fv, sv) in f.iter().zip(s) {
                compare(fv, sv, format!("{at}/[]"), changed, kept);
            }
        }
        _ if full != safe => {
            changed.insert(at);
        }
        _ => {}
    }
}

/// `(changed, kept)` of [`compare`] for an account and its customer version.
fn differences(a: &Account) -> (BTreeSet<String>, BTreeSet<String>) {
    let full = serde_json::to_value(a).unwrap();
    let safe = serde_json::to_value(customer_version(a)).unwrap();
    let (mut changed, mut kept) = (BTreeSet::new(), BTreeSet::new());
    compare(&full, &safe, String::new(), &mut changed, &mut kept);
    (changed, kept)
}

/// Harborview from the demo with every sensitive field filled, each text marked SECRET.
fn plan_with_secrets() -> Account {
    let ws = demo_workspace(today());
    let mut a = (*ws.accounts[0]).clone();
    a.notes = "SECRET account note".into();
    let p = &mut a.plan;
    p.revenue.growth_target = Some(123_457.0);
    for (i, c) in p.contacts.iter_mut().enumerate() {
        c.notes = format!("SECRET contact note {i}");
    }
    p.contacts[0].stance = Some(Stance::Opponent);
    for x in &mut p.interactions {
        x.note = format!("SECRET {}", x.note);
    }
    for cell in &mut p.white_space.cells {
        cell.competitor = Some("SECRET Rival".into());
        cell.note = "SECRET cell note".into();
    }
    p.opportunities[0].probability = 0.37;
    p.contract.risk = Risk::High;
    p.contract.notes = "SECRET contract note".into();
    for r in &mut p.reviews {
        r.notes = "SECRET review note".into();
        r.answers.push(CoachingAnswer {
            question: "What help do you need from me or the team?".into(),
            answer: "SECRET coaching answer".into(),
        });
    }
    a
}

#[test]
fn no_sensitive_value_survives_anywhere_in_the_customer_version() {
    let a = plan_with_secrets();
    let full = serde_json::to_string(&a).unwrap();
    for secret in [
        "SECRET", "opponent", "123457", "0.37", "\"high\"", "coaching",
    ] {
        assert!(full.contains(secret), "the test plan has {secret}");
    }
    let safe = serde_json::to_string(&customer_version(&a)).unwrap();
    for secret in [
        "SECRET", "opponent", "123457", "0.37", "\"high\"", "coaching", "snapshot",
    ] {
        assert!(!safe.contains(secret), "{secret} survives");
    }
    for stance in Stance::ALL {
        assert!(
            !safe.contains(&format!("\"{}\"", stance.key())),
            "{stance:?} survives"
        );
    }
    let (changed, kept) = differences(&a);
    assert_eq!(
        kept,
        BTreeSet::new(),
        "left-out fields that still hold a value"
    );
    assert_eq!(
        changed,
        BTreeSet::new(),
        "fields changed that should have stayed"
    );
}

#[test]
fn the_demo_s_customer_versions_are_valid_and_keep_their_goals() {
    let ws = demo_workspace(today());
    let safe = Workspace {
        accounts: ws
            .accounts
            .iter()
            .map(|a| Arc::new(customer_version(a)))
            .collect(),
        ..ws.clone()
    };
    assert_eq!(validate(&safe), vec![]);
    for (full, safe) in ws.accounts.iter().zip(&safe.accounts) {
        assert_eq!(full.plan.goals, safe.plan.goals);
        assert_eq!(full.plan.contributors, safe.plan.contributors);
        assert!(safe
            .plan
            .contacts
            .iter()
            .all(|c| c.stance.is_none() && c.strength.is_none()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Whatever the plan, the customer version changes nothing but the left-out fields
    /// (so every goal, measure, opportunity, action, meeting, contact… stays as it was),
    /// blanks every one of them, and is its own customer version.
    #[test]
    fn only_the_left_out_fields_change(
        seed in any::<u64>(),
        i in 0usize..2,
        note in "\\PC{1,12}",
        contributors in proptest::collection::vec(0usize..8, 0..4),
    ) {
        let ws = synthetic_workspace(seed, 2, &SMALL, today());
        let mut a = (*ws.accounts[i]).clone();
        a.notes = note.clone();
        let p = &mut a.plan;
        p.contacts.iter_mut().for_each(|c| c.notes = note.clone());
        p.white_space.cells.iter_mut().for_each(|c| c.note = note.clone());
        p.contract.notes = note.clone();
        for k in contributors {
            if let Some(c) = p.contacts.get(k) {
                p.contributors.contacts.push(c.id.clone());
            }
            p.contributors.members.push(ws.team[k % ws.team.len()].id.clone());
        }
        let (changed, kept) = differences(&a);
        prop_assert!(changed.is_empty(), "changed: {changed:?}");
        prop_assert!(kept.is_empty(), "kept: {kept:?}");
        let safe = customer_version(&a);
        prop_assert_eq!(&customer_version(&safe), &safe);
        prop_assert_eq!(&safe.plan.contributors, &a.plan.contributors);
        prop_assert_eq!(safe.id, a.id);
    }
}
