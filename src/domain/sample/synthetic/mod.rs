//! Synthetic workspaces for benchmarks and property tests: realistic, varied, valid, and
//! fully determined by a seed and `today`. Here the workspace, the team and one account's
//! frame; its people in `people`, its plan parts in `plan`.

mod people;
mod plan;
mod rng;
mod words;

use std::sync::Arc;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

use crate::domain::model::{
    Account, AccountPlan, Id, PlanPart, Segment, Settings, TeamMember, Workspace, SCHEMA_VERSION,
};

use people::{cadence, contacts, interactions, team_roles};
use plan::{
    actions, contract, feedback, goals, measures, opportunities, revenue, reviews, white_space,
};
use rng::Rng;
use words::{FIRST, INDUSTRIES, LAST, NAME_A, NAME_B};

/// How much of each list one synthetic account gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub contacts: usize,
    pub interactions: usize,
    pub opportunities: usize,
}

/// The benchmark's account: 30 contacts, 200 interactions, 20 opportunities.
pub const BENCH: Shape = Shape {
    contacts: 30,
    interactions: 200,
    opportunities: 20,
};

/// A small account for property tests.
pub const SMALL: Shape = Shape {
    contacts: 6,
    interactions: 20,
    opportunities: 3,
};

/// Rounds money to a whole multiple of `step`.
fn round_to(v: f64, step: f64) -> f64 {
    (v / step).round() * step
}

/// `today - n` days (saturating at `today` for negative `n`).
fn days_before(today: NaiveDate, n: i64) -> NaiveDate {
    today - Days::new(n.max(0) as u64)
}

fn days_after(d: NaiveDate, n: i64) -> NaiveDate {
    d + Days::new(n.max(0) as u64)
}

fn noon(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(12, 0, 0).expect("valid time").and_utc()
}

/// First day of the fiscal year (starting in `month`) that contains `today`.
pub(crate) fn fiscal_year_start(today: NaiveDate, month: u8) -> NaiveDate {
    let year = if today.month() >= month as u32 {
        today.year()
    } else {
        today.year() - 1
    };
    NaiveDate::from_ymd_opt(year, month as u32, 1).expect("valid month")
}

/// Actuals for the fiscal quarters that ended by `today`: `commitment / 4 × pace`.
pub(crate) fn past_quarter_actuals(
    fy_start: NaiveDate,
    today: NaiveDate,
    commitment: f64,
    mut pace: impl FnMut() -> f64,
) -> [Option<f64>; 4] {
    let mut out = [None; 4];
    for (q, slot) in out.iter_mut().enumerate() {
        let end = fy_start
            .checked_add_months(Months::new(3 * (q as u32 + 1)))
            .expect("date");
        if end <= today {
            *slot = Some(round_to(commitment / 4.0 * pace(), 100.0));
        }
    }
    out
}

/// The team: one leader and `n - 1` account managers and specialists.
fn synthetic_team(rng: &mut Rng, n: usize, today: NaiveDate) -> Vec<TeamMember> {
    const TITLES: &[&str] = &[
        "Account manager",
        "Senior account manager",
        "Solutions specialist",
        "Customer success manager",
    ];
    (0..n)
        .map(|k| {
            let first = FIRST[(k * 7 + rng.below(3)) % FIRST.len()];
            let last = *rng.pick(LAST);
            TeamMember {
                id: Id(format!("tm-{:03}", k + 1)),
                name: format!("{first} {last}"),
                email: format!(
                    "{}.{}@example.com",
                    first.to_lowercase(),
                    last.to_lowercase()
                ),
                title: if k == 0 {
                    "Head of account management".into()
                } else {
                    rng.pick(TITLES).to_string()
                },
                updated_at: Some(noon(days_before(today, rng.range(1, 300)))),
            }
        })
        .collect()
}

/// A synthetic workspace of `accounts` accounts, each shaped by `shape`.
pub fn synthetic_workspace(
    seed: u64,
    accounts: usize,
    shape: &Shape,
    today: NaiveDate,
) -> Workspace {
    let mut rng = Rng::new(seed);
    let settings = Settings::default();
    let team = synthetic_team(&mut rng, 8, today);
    let accounts = (0..accounts)
        .map(|i| {
            // Each account has its own stream, so account i does not depend on the count.
            let mut r = Rng::new(seed ^ (i as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
            r.next_u64();
            Arc::new(synthetic_account(&mut r, i, shape, &settings, &team, today))
        })
        .collect();
    Workspace {
        schema_version: SCHEMA_VERSION,
        id: Id(format!("ws-synthetic-{seed:016x}")),
        name: "Synthetic workspace".into(),
        demo: false,
        settings,
        team,
        accounts,
        sync_marks: Default::default(),
        deleted: Vec::new(),
    }
}

/// Everything one account's generators share.
struct Ctx<'a> {
    i: usize,
    today: NaiveDate,
    settings: &'a Settings,
    team: &'a [TeamMember],
    owner: Id,
    /// Concentrates interactions on two friendly staff contacts.
    in_rut: bool,
}

impl Ctx<'_> {
    fn id(&self, prefix: &str, k: usize) -> Id {
        Id(format!("{prefix}-{:06}-{k:02}", self.i))
    }
    fn member(&self, rng: &mut Rng) -> Id {
        if rng.chance(0.6) {
            self.owner.clone()
        } else {
            rng.pick(self.team).id.clone()
        }
    }
}

fn synthetic_account(
    rng: &mut Rng,
    i: usize,
    shape: &Shape,
    settings: &Settings,
    team: &[TeamMember],
    today: NaiveDate,
) -> Account {
    let (industry, kind) = *rng.pick(INDUSTRIES);
    let name = format!("{}{} {kind}", rng.pick(NAME_A), rng.pick(NAME_B));
    let segment = [
        Segment::Strategic,
        Segment::Key,
        Segment::Growth,
        Segment::Maintain,
    ][rng.weighted(&[10, 25, 40, 25])];
    // Leader (team[0]) owns no accounts.
    let owner = team[1 + rng.below(team.len() - 1)].id.clone();
    let fiscal_year_start_month = [1u8, 4, 7, 10][rng.weighted(&[70, 15, 10, 5])];
    let year = fiscal_year_start(today, fiscal_year_start_month).year();
    let ctx = Ctx {
        i,
        today,
        settings,
        team,
        owner: owner.clone(),
        in_rut: rng.chance(0.25),
    };
    let fy_start = fiscal_year_start(today, fiscal_year_start_month);
    let revenue = revenue(rng, segment, fy_start, today);
    let contacts = contacts(rng, &ctx, shape.contacts);
    let interactions = interactions(rng, &ctx, &contacts, shape.interactions);
    let goals = goals(rng, &ctx, &contacts);
    let measures = measures(rng, &ctx, &contacts, &goals);
    let feedback = feedback(rng, &ctx, &contacts);
    let white_space = white_space(rng, &ctx);
    let opportunities = opportunities(rng, &ctx, &goals, shape.opportunities);
    let actions = actions(rng, &ctx, &goals, &measures, &opportunities);
    let cadence = cadence(rng, &ctx, &contacts);
    let team_roles = team_roles(rng, &ctx, &contacts);
    let contract = contract(rng, &ctx, &revenue);
    let reviews = reviews(rng, &ctx, &contacts, &goals, &opportunities, &actions);
    let mut reviewed = std::collections::BTreeMap::new();
    for part in PlanPart::ALL {
        if rng.chance(0.85) {
            reviewed.insert(part, days_before(today, rng.range(0, 200)));
        }
    }
    Account {
        id: Id(format!("acc-{i:06}")),
        name,
        industry: industry.into(),
        segment,
        owner: Some(owner),
        fiscal_year_start_month,
        notes: String::new(),
        archived: false,
        created_on: Some(days_before(today, rng.range(120, 2000))),
        updated_at: Some(noon(days_before(today, rng.range(0, 60)))),
        details_updated_at: None,
        deleted: Vec::new(),
        plan: AccountPlan {
            year,
            revenue,
            goals,
            measures,
            feedback,
            contacts,
            interactions,
            white_space,
            opportunities,
            actions,
            cadence,
            team: team_roles,
            contract,
            // None: drawing them would change every later draw of the seeded generator.
            contributors: Default::default(),
            reviews,
            reviewed,
            previous: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests;
