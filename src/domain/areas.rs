//! Areas of opportunity, the third dimension of the 4-dimensional customer: what each
//! interaction was about, one of our offerings (`Settings::offerings`) or one of the
//! customer's goals. Coverage reads departments × levels × areas, and a plan whose every
//! recent conversation was about one area is in a rut of its own.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::coverage::ENGAGED_DAYS;
use super::model::{AccountPlan, Goal, Id, Interaction, Settings};

/// In a rut of one area when at least this many of the window's interactions name areas,
/// and all of them name the same single one (fewer says too little).
pub const ONE_AREA_MIN_TALKS: usize = 3;

/// What an area is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AreaKind {
    Offering,
    Goal,
}

/// An area of opportunity an interaction can name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Area {
    pub id: Id,
    pub name: String,
    pub kind: AreaKind,
}

/// The areas a plan's interactions can be about: our offerings, then the customer's goals
/// in their ranked order.
pub fn areas(plan: &AccountPlan, settings: &Settings) -> Vec<Area> {
    let offerings = settings.offerings.iter().map(|o| Area {
        id: o.id.clone(),
        name: o.name.clone(),
        kind: AreaKind::Offering,
    });
    let goals = ranked_goals(plan).into_iter().map(|g| Area {
        id: g.id.clone(),
        name: if g.title.is_empty() {
            "Untitled goal".into()
        } else {
            g.title.clone()
        },
        kind: AreaKind::Goal,
    });
    offerings.chain(goals).collect()
}

/// The customer's goals by the account manager's rank (1 first); unranked goals after the
/// ranked ones, in plan order.
pub fn ranked_goals(plan: &AccountPlan) -> Vec<&Goal> {
    let mut goals: Vec<&Goal> = plan.goals.iter().collect();
    goals.sort_by_key(|g| g.rank.unwrap_or(u32::MAX));
    goals
}

/// The name of area `id`, if it is one of the plan's areas.
pub fn area_name<'a>(plan: &'a AccountPlan, settings: &'a Settings, id: &Id) -> Option<&'a str> {
    settings
        .offerings
        .iter()
        .find(|o| &o.id == id)
        .map(|o| o.name.as_str())
        .or_else(|| {
            plan.goals
                .iter()
                .find(|g| &g.id == id)
                .map(|g| g.title.as_str())
        })
}

/// The interactions of the [`ENGAGED_DAYS`] window ending `today`.
pub fn in_window(plan: &AccountPlan, today: NaiveDate) -> impl Iterator<Item = &Interaction> {
    let first = today
        .checked_sub_days(Days::new(ENGAGED_DAYS as u64 - 1))
        .unwrap_or(NaiveDate::MIN);
    plan.interactions
        .iter()
        .filter(move |i| i.date.is_some_and(|d| (first..=today).contains(&d)))
}

/// How much one area was talked about in the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaTalks {
    pub area: Area,
    /// Interactions of the window that named it.
    pub interactions: usize,
    pub last: Option<NaiveDate>,
}

/// Every area with the window's interactions about it, in [`areas`] order.
pub fn area_talks(plan: &AccountPlan, settings: &Settings, today: NaiveDate) -> Vec<AreaTalks> {
    let mut out: Vec<AreaTalks> = areas(plan, settings)
        .into_iter()
        .map(|area| AreaTalks {
            area,
            interactions: 0,
            last: None,
        })
        .collect();
    for i in in_window(plan, today) {
        for t in out.iter_mut().filter(|t| i.areas.contains(&t.area.id)) {
            t.interactions += 1;
            t.last = t.last.max(i.date);
        }
    }
    out
}

/// The one area every conversation of the window was about, with how many interactions
/// named it; `None` when the talks spread over several areas, or too few named one.
pub fn one_area(plan: &AccountPlan, today: NaiveDate) -> Option<(&Id, usize)> {
    let mut only: Option<&Id> = None;
    let mut talks = 0;
    for i in in_window(plan, today).filter(|i| !i.areas.is_empty()) {
        for a in &i.areas {
            match only {
                None => only = Some(a),
                Some(o) if o == a => {}
                Some(_) => return None,
            }
        }
        talks += 1;
    }
    only.filter(|_| talks >= ONE_AREA_MIN_TALKS)
        .map(|a| (a, talks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Term;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn talk(date: &str, areas: &[&str]) -> Interaction {
        Interaction {
            date: Some(day(date)),
            areas: areas.iter().map(|a| Id::new(*a)).collect(),
            ..Interaction::default()
        }
    }

    fn goal(id: &str, title: &str, rank: Option<u32>) -> Goal {
        Goal {
            id: Id::new(id),
            title: title.into(),
            rank,
            ..Goal::default()
        }
    }

    const TODAY: &str = "2026-11-24";

    #[test]
    fn areas_are_the_offerings_then_the_goals_by_rank() {
        let settings = Settings {
            offerings: vec![Term::new("off-a", "Analytics")],
            ..Settings::default()
        };
        let plan = AccountPlan {
            goals: vec![
                goal("g1", "Cut costs", None),
                goal("g2", "Open clinics", Some(2)),
                goal("g3", "Go digital", Some(1)),
            ],
            ..AccountPlan::default()
        };
        let names: Vec<String> = areas(&plan, &settings)
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(
            names,
            ["Analytics", "Go digital", "Open clinics", "Cut costs"]
        );
        assert_eq!(
            area_name(&plan, &settings, &Id::new("g2")),
            Some("Open clinics")
        );
        assert_eq!(
            area_name(&plan, &settings, &Id::new("off-a")),
            Some("Analytics")
        );
        assert_eq!(area_name(&plan, &settings, &Id::new("nope")), None);
    }

    #[test]
    fn the_window_counts_the_talks_per_area() {
        let settings = Settings::default();
        let plan = AccountPlan {
            interactions: vec![
                talk("2026-11-20", &["off-core", "off-analytics"]),
                talk("2026-10-01", &["off-core"]),
                talk("2026-08-26", &["off-support"]), // 90 days ago: outside the window
                talk("2026-11-30", &["off-services"]), // future: not yet a touch
            ],
            ..AccountPlan::default()
        };
        let t = area_talks(&plan, &settings, day(TODAY));
        assert_eq!(t.len(), 4);
        assert_eq!((t[0].interactions, t[0].last), (2, Some(day("2026-11-20"))));
        assert_eq!(t[1].interactions, 1);
        assert_eq!((t[2].interactions, t[3].interactions), (0, 0));
    }

    #[test]
    fn every_talk_about_one_area_is_a_rut_of_its_own() {
        let mut plan = AccountPlan {
            interactions: vec![
                talk("2026-11-20", &["off-core"]),
                talk("2026-11-10", &["off-core"]),
                talk("2026-11-01", &[]), // names nothing: not counted either way
            ],
            ..AccountPlan::default()
        };
        // Two talks say too little.
        assert_eq!(one_area(&plan, day(TODAY)), None);
        plan.interactions.push(talk("2026-10-01", &["off-core"]));
        assert_eq!(one_area(&plan, day(TODAY)), Some((&Id::new("off-core"), 3)));
        // One talk about something else spreads them.
        plan.interactions
            .push(talk("2026-10-02", &["off-core", "g1"]));
        assert_eq!(one_area(&plan, day(TODAY)), None);
    }
}
