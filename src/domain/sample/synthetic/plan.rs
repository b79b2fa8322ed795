//! The plan parts of a synthetic account: revenue, goals and measures, feedback, white
//! space, opportunities, actions, the contract and past reviews.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::model::{
    Action, ActionLink, ActionStatus, CellStatus, ComponentKind, Contact, Contract, Dimension,
    Direction, Feedback, FeedbackItem, Goal, GoalKind, Id, NamedRef, Opportunity, PlanPart,
    RenewalStatus, Revenue, Review, ReviewKind, Rhythm, Risk, ScoreSnapshot, Segment, Stage,
    SuccessMeasure, Term, WhiteSpace, WhiteSpaceCell,
};

use super::rng::Rng;
use super::{days_after, days_before, noon, past_quarter_actuals, round_to, Ctx};

pub(super) fn revenue(
    rng: &mut Rng,
    segment: Segment,
    fy_start: NaiveDate,
    today: NaiveDate,
) -> Revenue {
    let base = match segment {
        Segment::Strategic => 2_000_000.0,
        Segment::Key => 800_000.0,
        Segment::Growth => 300_000.0,
        Segment::Maintain => 120_000.0,
    };
    let last_year = round_to(base * (0.5 + rng.range(0, 100) as f64 / 100.0), 1000.0);
    let commitment = round_to(last_year * (0.9 + rng.range(0, 30) as f64 / 100.0), 1000.0);
    let growth_target = round_to(
        commitment * (0.05 + rng.range(0, 20) as f64 / 100.0),
        1000.0,
    );
    let quarterly_actuals = past_quarter_actuals(fy_start, today, commitment, || {
        0.75 + rng.range(0, 40) as f64 / 100.0
    });
    Revenue {
        last_year: Some(last_year),
        commitment: Some(commitment),
        growth_target: Some(growth_target),
        quarterly_actuals,
        updated_at: None,
        ..Default::default()
    }
}

const GOALS: &[(&str, GoalKind)] = &[
    ("Cut cost to serve by 10%", GoalKind::Goal),
    ("Open two new regional sites", GoalKind::Initiative),
    (
        "Move finance reporting to monthly close in 5 days",
        GoalKind::Goal,
    ),
    ("Replace the legacy order system", GoalKind::SpecialProject),
    (
        "Report customer satisfaction per site",
        GoalKind::MeasurementChange,
    ),
    ("Grow online revenue by a quarter", GoalKind::Goal),
    ("Pass ISO 27001 certification", GoalKind::Initiative),
    ("Consolidate suppliers from 40 to 25", GoalKind::Initiative),
    ("Launch the self-service portal", GoalKind::SpecialProject),
    (
        "Measure teams on first-time-right",
        GoalKind::MeasurementChange,
    ),
];

pub(super) fn goals(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact]) -> Vec<Goal> {
    let n = rng.range(2, 5) as usize;
    let start = rng.below(GOALS.len());
    (0..n)
        .map(|k| {
            let (title, kind) = GOALS[(start + k) % GOALS.len()];
            let source_contact = if !contacts.is_empty() && rng.chance(0.8) {
                Some(rng.pick(contacts).id.clone())
            } else {
                None
            };
            Goal {
                id: ctx.id("goal", k),
                title: title.into(),
                description: format!("Stated priority for {}", ctx.today.year()),
                kind,
                source_contact,
                rank: None,
                updated_at: Some(noon(days_before(ctx.today, rng.range(0, 300)))),
            }
        })
        .collect()
}

pub(super) fn measures(
    rng: &mut Rng,
    ctx: &Ctx,
    contacts: &[Contact],
    goals: &[Goal],
) -> Vec<SuccessMeasure> {
    const MEASURES: &[(&str, &str, Direction, f64)] = &[
        ("System uptime", "%", Direction::HigherIsBetter, 99.9),
        (
            "Ticket resolution time",
            "hours",
            Direction::LowerIsBetter,
            8.0,
        ),
        ("User adoption", "%", Direction::HigherIsBetter, 80.0),
        (
            "Cost savings delivered",
            "USD",
            Direction::HigherIsBetter,
            250_000.0,
        ),
        (
            "Net promoter score",
            "points",
            Direction::HigherIsBetter,
            40.0,
        ),
        ("Onboarding time", "days", Direction::LowerIsBetter, 10.0),
    ];
    let n = rng.range(1, 4) as usize;
    let start = rng.below(MEASURES.len());
    (0..n)
        .map(|k| {
            let (name, unit, direction, target) = MEASURES[(start + k) % MEASURES.len()];
            // Somewhere between 70% and 120% of target, one decimal; some unmeasured.
            let current = if rng.chance(0.85) {
                Some((target * rng.range(70, 120) as f64 / 100.0 * 10.0).round() / 10.0)
            } else {
                None
            };
            Measure {
                name,
                unit,
                direction,
                target,
                current,
            }
            .build(rng, ctx, k, contacts, goals)
        })
        .collect()
}

/// The fixed parts of one synthetic success measure.
struct Measure {
    name: &'static str,
    unit: &'static str,
    direction: Direction,
    target: f64,
    current: Option<f64>,
}

impl Measure {
    fn build(
        self,
        rng: &mut Rng,
        ctx: &Ctx,
        k: usize,
        contacts: &[Contact],
        goals: &[Goal],
    ) -> SuccessMeasure {
        SuccessMeasure {
            id: ctx.id("msr", k),
            name: self.name.into(),
            target: Some(self.target),
            current: self.current,
            unit: self.unit.into(),
            direction: self.direction,
            method: ["Monthly report", "Survey", "System metric"][rng.below(3)].into(),
            evaluator: (!contacts.is_empty() && rng.chance(0.8))
                .then(|| rng.pick(contacts).id.clone()),
            rhythm: [Rhythm::Monthly, Rhythm::Quarterly, Rhythm::HalfYearly]
                [rng.weighted(&[2, 5, 1])],
            last_checked: rng
                .chance(0.9)
                .then(|| days_before(ctx.today, rng.range(0, 200))),
            goal: (!goals.is_empty() && rng.chance(0.8)).then(|| rng.pick(goals).id.clone()),
            updated_at: Some(noon(days_before(ctx.today, rng.range(0, 200)))),
            ..Default::default()
        }
    }
}

pub(super) fn feedback(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact]) -> Feedback {
    const START: &[&str] = &[
        "Share a roadmap each quarter",
        "Bring industry benchmarks",
        "Involve us earlier in projects",
    ];
    const STOP: &[&str] = &[
        "Sending invoices with errors",
        "Changing the support contact",
        "Pushing upgrades before year end",
    ];
    const KEEP: &[&str] = &[
        "The monthly usage report",
        "Fast escalation handling",
        "On-site training days",
    ];
    let mut k = 0;
    let mut list = |rng: &mut Rng, texts: &[&str]| -> Vec<FeedbackItem> {
        let n = rng.below(texts.len() + 1);
        (0..n)
            .map(|t| {
                k += 1;
                FeedbackItem {
                    id: ctx.id("fb", k),
                    text: texts[t].into(),
                    source_contact: (!contacts.is_empty() && rng.chance(0.7))
                        .then(|| rng.pick(contacts).id.clone()),
                    date: Some(days_before(ctx.today, rng.range(0, 300))),
                    updated_at: None,
                    ..Default::default()
                }
            })
            .collect()
    };
    Feedback {
        start: list(rng, START),
        stop: list(rng, STOP),
        keep: list(rng, KEEP),
    }
}

pub(super) fn white_space(rng: &mut Rng, ctx: &Ctx) -> WhiteSpace {
    const UNITS: &[&str] = &[
        "Headquarters",
        "North region",
        "South region",
        "Europe",
        "Asia-Pacific",
        "Manufacturing",
        "Retail stores",
        "Shared services",
    ];
    const COMPETITORS: &[&str] = &[
        "Acmetrics",
        "Orbital Soft",
        "Keystone Data",
        "Vantage Cloud",
    ];
    let n = rng.range(2, 5) as usize;
    let start = rng.below(UNITS.len());
    let units: Vec<Term> = (0..n)
        .map(|k| Term {
            id: ctx.id("unit", k),
            name: UNITS[(start + k) % UNITS.len()].into(),
        })
        .collect();
    let mut cells = Vec::new();
    for unit in &units {
        for offering in &ctx.settings.offerings {
            if rng.chance(0.15) {
                continue; // unknown
            }
            let status = [
                CellStatus::Sold,
                CellStatus::InProgress,
                CellStatus::Open,
                CellStatus::Competitor,
                CellStatus::NotApplicable,
            ][rng.weighted(&[4, 1, 3, 2, 1])];
            let value =
                (status != CellStatus::NotApplicable).then(|| rng.range(1, 60) as f64 * 5_000.0);
            cells.push(WhiteSpaceCell {
                unit: unit.id.clone(),
                offering: offering.id.clone(),
                status,
                value,
                competitor: (status == CellStatus::Competitor)
                    .then(|| rng.pick(COMPETITORS).to_string()),
                note: String::new(),
                updated_at: None,
            });
        }
    }
    WhiteSpace { units, cells }
}

pub(super) fn opportunities(
    rng: &mut Rng,
    ctx: &Ctx,
    goals: &[Goal],
    n: usize,
) -> Vec<Opportunity> {
    const PLAYS: &[&str] = &[
        "Analytics rollout",
        "Premium support upgrade",
        "Site expansion",
        "Data migration services",
        "Executive dashboard",
        "Training programme",
        "Platform upsell",
        "Integration project",
    ];
    const STEPS: &[&str] = &[
        "Send proposal",
        "Book workshop",
        "Meet the CFO",
        "Run a pilot",
        "Agree scope",
        "Share references",
    ];
    (0..n)
        .map(|k| {
            let stage = [
                Stage::Identified,
                Stage::Qualified,
                Stage::Proposed,
                Stage::Negotiation,
                Stage::Won,
                Stage::Lost,
            ][rng.weighted(&[4, 4, 3, 2, 2, 1])];
            let probability = match stage {
                Stage::Won => 1.0,
                Stage::Lost => 0.0,
                _ => rng.range(5, 95) as f64 / 100.0,
            };
            let created = days_before(ctx.today, rng.range(10, 330));
            Opportunity {
                id: ctx.id("opp", k),
                name: format!("{} {}", rng.pick(PLAYS), k + 1),
                goal: (!goals.is_empty() && rng.chance(0.8)).then(|| rng.pick(goals).id.clone()),
                dimension: [Dimension::Engage, Dimension::Win, Dimension::Grow]
                    [rng.weighted(&[2, 3, 5])],
                value: Some(rng.range(2, 100) as f64 * 5_000.0),
                stage,
                probability,
                created_on: Some(created),
                close_date: Some(days_after(created, rng.range(20, 270))),
                next_step: rng.pick(STEPS).to_string(),
                owner: Some(ctx.member(rng)),
                top: false,
                updated_at: Some(noon(created)),
            }
        })
        .collect()
}

pub(super) fn actions(
    rng: &mut Rng,
    ctx: &Ctx,
    goals: &[Goal],
    measures: &[SuccessMeasure],
    opportunities: &[Opportunity],
) -> Vec<Action> {
    const TITLES: &[&str] = &[
        "Prepare QBR deck",
        "Call the new CIO",
        "Send usage report",
        "Draft renewal proposal",
        "Organise training",
        "Map the finance org chart",
        "Ask for a reference",
        "Review open tickets",
    ];
    let n = rng.range(3, 10) as usize;
    (0..n)
        .map(|k| {
            let created = days_before(ctx.today, rng.range(5, 180));
            let due = days_after(created, rng.range(7, 90));
            let status = [
                ActionStatus::Open,
                ActionStatus::InProgress,
                ActionStatus::Done,
                ActionStatus::Cancelled,
            ][rng.weighted(&[4, 2, 5, 1])];
            let completed_on = (status == ActionStatus::Done)
                .then(|| days_after(created, rng.range(0, (ctx.today - created).num_days())));
            let link = match rng.below(4) {
                0 if !opportunities.is_empty() => {
                    Some(ActionLink::Opportunity(rng.pick(opportunities).id.clone()))
                }
                1 if !goals.is_empty() => Some(ActionLink::Goal(rng.pick(goals).id.clone())),
                2 if !measures.is_empty() => {
                    Some(ActionLink::Measure(rng.pick(measures).id.clone()))
                }
                _ => None,
            };
            Action {
                id: ctx.id("act", k),
                title: rng.pick(TITLES).to_string(),
                owner: Some(ctx.member(rng)),
                created_on: Some(created),
                due: Some(due),
                status,
                completed_on,
                link,
                updated_at: Some(noon(created)),
                ..Default::default()
            }
        })
        .collect()
}

pub(super) fn contract(rng: &mut Rng, ctx: &Ctx, revenue: &Revenue) -> Contract {
    let end = days_after(ctx.today, rng.range(20, 720));
    let years = rng.range(1, 3) as u32;
    let start = end
        .checked_sub_months(Months::new(12 * years))
        .expect("date");
    let risk = [Risk::Low, Risk::Medium, Risk::High][rng.weighted(&[5, 3, 1])];
    let renewal_status = if (end - ctx.today).num_days() < 120 {
        [RenewalStatus::NotStarted, RenewalStatus::InDiscussion][rng.below(2)]
    } else {
        RenewalStatus::NotStarted
    };
    Contract {
        start_date: Some(start),
        end_date: Some(end),
        notice_days: Some(*rng.pick(&[30, 60, 90])),
        value: revenue.commitment.map(|c| c * years as f64),
        renewal_status,
        risk,
        notes: String::new(),
        updated_at: None,
    }
}

fn named<T>(items: &[T], f: impl Fn(&T) -> (&Id, &str)) -> Vec<NamedRef> {
    items
        .iter()
        .map(|x| {
            let (id, name) = f(x);
            NamedRef {
                id: id.clone(),
                name: name.to_string(),
            }
        })
        .collect()
}

pub(super) fn reviews(
    rng: &mut Rng,
    ctx: &Ctx,
    contacts: &[Contact],
    goals: &[Goal],
    opportunities: &[Opportunity],
    actions: &[Action],
) -> Vec<Review> {
    let n = rng.range(1, 4) as usize;
    let mut age = rng.range(0, 40);
    let mut ages = Vec::new();
    for _ in 0..n {
        ages.push(age);
        age += rng.range(25, 95);
    }
    ages.reverse();
    let mut score = rng.range(35, 85);
    ages.into_iter()
        .enumerate()
        .map(|(k, age)| {
            score = (score + rng.range(-8, 8)).clamp(0, 100);
            let mut components = std::collections::BTreeMap::new();
            for kind in ComponentKind::ALL {
                if rng.chance(0.9) {
                    components.insert(kind, (score + rng.range(-25, 25)).clamp(0, 100) as u8);
                }
            }
            // Older reviews saw fewer of today's entities.
            let upto = |len: usize| len * (k + 1) / n;
            let snapshot = ScoreSnapshot {
                overall: Some(score as u8),
                // Drawn from the components, without a draw of its own (the same
                // workspaces as before): thin snapshots are incomplete.
                incomplete: components.len() < 4,
                components,
                contacts: named(&contacts[..upto(contacts.len())], |c| (&c.id, &c.name)),
                goals: named(&goals[..upto(goals.len())], |g| (&g.id, &g.title)),
                opportunities: named(&opportunities[..upto(opportunities.len())], |o| {
                    (&o.id, &o.name)
                }),
            };
            let kind = [
                ReviewKind::Monthly,
                ReviewKind::Quarterly,
                ReviewKind::Coaching,
            ][rng.weighted(&[5, 2, 1])];
            Review {
                id: ctx.id("rev", k),
                date: Some(days_before(ctx.today, age)),
                kind,
                reviewer: Some(if kind == ReviewKind::Coaching {
                    ctx.team[0].id.clone()
                } else {
                    ctx.owner.clone()
                }),
                notes: "Walked through the plan".into(),
                parts: PlanPart::ALL
                    .into_iter()
                    .filter(|_| rng.chance(0.5))
                    .collect(),
                answers: Vec::new(),
                follow_ups: actions
                    .iter()
                    .filter(|_| rng.chance(0.15))
                    .map(|a| a.id.clone())
                    .collect(),
                snapshot: Some(snapshot),
                updated_at: None,
            }
        })
        .collect()
}
