//! The demo shows the account practices: new contacts and who introduced them, the areas
//! talked about, a rut with a topic, a renewal window, ranked goals and top picks.

use chrono::NaiveDate;

use super::demo_workspace;
use crate::domain::advice::next_best_actions;
use crate::domain::coverage::rut;
use crate::domain::model::{Account, Introducer, Workspace};
use crate::domain::new_contacts::{challenge_progress, Met};
use crate::domain::plays::top_opportunities;

/// A Thursday: the week runs from Monday 2026-05-11.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
}

fn account<'a>(ws: &'a Workspace, name: &str) -> &'a Account {
    ws.accounts
        .iter()
        .find(|a| a.name.starts_with(name))
        .unwrap()
}

#[test]
fn the_new_account_met_two_people_this_quarter_one_of_them_this_week() {
    let ws = demo_workspace(today());
    let lumina = account(&ws, "Lumina");
    // Dana met on Saturday (last week), introduced by Sofia; Ravi on Tuesday, by Dana.
    assert_eq!(
        lumina.plan.contacts[1].introduced_by,
        Some(Introducer::Contact(lumina.plan.contacts[0].id.clone()))
    );
    let p = challenge_progress(lumina, today());
    assert_eq!(
        p.week,
        Met {
            new_contacts: 1,
            challenges_learnt: 0
        }
    );
    assert_eq!(
        p.quarter,
        Met {
            new_contacts: 2,
            challenges_learnt: 1
        }
    );
}

#[test]
fn the_rut_account_talks_about_one_thing_and_the_renewal_stays_close() {
    let ws = demo_workspace(today());
    let r = rut(&account(&ws, "Brightwell").plan, &ws.settings, today());
    assert!(
        r.reasons.contains(
            &"Every conversation of the last 90 days was about Core platform (11 interactions)."
                .to_string()
        ),
        "{:?}",
        r.reasons
    );
    // Meridian's contract ends in 58 days with 60 days' notice: inside the window.
    let meridian = account(&ws, "Meridian");
    let advice = next_best_actions(meridian, &ws.settings, today());
    assert!(advice.iter().any(|n| {
        n.title
        == "Renewal window until 2026-07-11: stay close to Aisha Rahman, Mei Tanaka, Carla Jimenez"
    }));
}

#[test]
fn the_thriving_account_ranked_its_goals_and_picked_its_top_three() {
    let ws = demo_workspace(today());
    let hv = account(&ws, "Harborview");
    let top: Vec<&str> = top_opportunities(&hv.plan)
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "Scheduling migration services",
            "Capacity analytics for clinics",
            "Premium support for the new clinics"
        ]
    );
    let talked = hv
        .plan
        .interactions
        .iter()
        .filter(|i| !i.areas.is_empty())
        .count();
    assert_eq!(talked, 11);
}
