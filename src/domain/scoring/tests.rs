//! Scoring rules on small hand-built plans (the arithmetic in the comments), and the
//! invariants every plan keeps.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::model::*;

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub const TODAY: &str = "2026-11-24";

fn contact(id: &str, dept: &str, level: &str) -> Contact {
    Contact {
        id: Id::new(id),
        name: id.to_uppercase(),
        department: Some(Id::new(dept)),
        level: Some(Id::new(level)),
        ..Contact::default()
    }
}

fn touch(id: &str, date: &str, who: &[&str]) -> Interaction {
    Interaction {
        id: Id::new(id),
        date: Some(day(date)),
        contacts: who.iter().map(|w| Id::new(*w)).collect(),
        ..Interaction::default()
    }
}

pub(crate) fn account(plan: AccountPlan) -> Account {
    Account {
        id: Id::new("acc"),
        name: "Acme".into(),
        fiscal_year_start_month: 1,
        created_on: Some(day("2026-01-01")),
        plan: AccountPlan { year: 2026, ..plan },
        ..Account::default()
    }
}

fn score_of(a: &Account, kind: ComponentKind) -> Option<u8> {
    score_account(a, &Settings::default(), day(TODAY))
        .component(kind)
        .unwrap()
        .score
}

#[test]
fn bands_follow_the_thresholds() {
    let b = Bands::default();
    assert_eq!(band_for(0, &b), Band::Red);
    assert_eq!(band_for(49, &b), Band::Red);
    assert_eq!(band_for(50, &b), Band::Amber);
    assert_eq!(band_for(74, &b), Band::Amber);
    assert_eq!(band_for(75, &b), Band::Green);
    let strict = Bands {
        amber_from: 60,
        green_from: 90,
    };
    assert_eq!(band_for(80, &strict), Band::Amber);
}

#[test]
fn an_empty_plan_has_no_score_and_is_incomplete() {
    let a = account(AccountPlan::default());
    let card = score_account(&a, &Settings::default(), day(TODAY));
    // Nothing filled in: no component has data, not even freshness (no part is started,
    // so none counts as reviewed on time).
    assert!(card.components.iter().all(|c| c.score.is_none()));
    assert_eq!((card.overall, card.measured), (None, 0));
    assert_eq!(card.band, Some(Band::Incomplete));
    assert_eq!(
        card.gaps,
        vec![
            Gap::TooFewComponents {
                measured: 0,
                needed: 4
            },
            Gap::NoContact,
            Gap::NoCommitment
        ]
    );
    assert_eq!(card.measured_text(), "Measured on 0 of 8 components");
    assert_eq!(
        card.component(ComponentKind::Freshness)
            .unwrap()
            .explanation,
        "No part of the plan is filled in yet."
    );
    let cov = card.component(ComponentKind::Coverage).unwrap();
    assert_eq!(cov.weight, 0.0);
    assert_eq!(cov.explanation, "No contacts recorded yet.");
}

/// Two contacts touched together on 1 November, and a 1.2M commitment with three
/// quarters' actuals; Revenue and Contacts started, never reviewed since January.
fn four_components() -> Account {
    let mut plan = AccountPlan {
        contacts: vec![
            contact("a", "dept-finance", "lvl-exec"),
            contact("b", "dept-it", "lvl-manager"),
        ],
        interactions: vec![touch("i", "2026-11-01", &["a", "b"])],
        ..AccountPlan::default()
    };
    plan.revenue.commitment = Some(1_200_000.0);
    plan.revenue.agreed_by = Some(Id::new("a"));
    plan.revenue.quarterly_actuals = [Some(300_000.0), Some(250_000.0), Some(200_000.0), None];
    account(plan)
}

#[test]
fn four_components_a_contact_and_a_commitment_make_a_real_band() {
    // Coverage 30.67 (2 of 15 cells and an executive), balance 100 (touches 1/1), revenue
    // 83.33 (750K of 900K), freshness 0 (2 started parts, both overdue since February):
    // (15 × 30.67 + 15 × 100 + 15 × 83.33 + 10 × 0) / 55 = 3210 / 55 = 58.4 → 58, amber.
    let a = four_components();
    let card = score_account(&a, &Settings::default(), day(TODAY));
    assert_eq!((card.overall, card.measured), (Some(58), 4));
    assert!(card.gaps.is_empty() && !card.is_incomplete());
    assert_eq!(card.band, Some(Band::Amber));
    assert_eq!(card.judged_overall(), Some(58));
    assert_eq!(
        card.component(ComponentKind::Freshness).unwrap().explanation,
        "0 of 2 started plan parts reviewed on time, 9 parts not started; next review due 2026-02-01."
    );
}

#[test]
fn without_a_commitment_the_plan_is_incomplete_never_red() {
    // No commitment: revenue has no data. Coverage and balance with freshness: (15 ×
    // 30.67 + 15 × 100 + 10 × 0) / 40 = 1960 / 40 = 49, which would be red.
    let mut a = four_components();
    a.plan.revenue.commitment = None;
    let card = score_account(&a, &Settings::default(), day(TODAY));
    assert_eq!((card.overall, card.measured), (Some(49), 3));
    assert_eq!(card.band, Some(Band::Incomplete));
    assert_eq!(card.judged_overall(), None);
    assert_eq!(
        card.gaps,
        vec![
            Gap::TooFewComponents {
                measured: 3,
                needed: 4
            },
            Gap::NoCommitment
        ]
    );
    assert_eq!(
        card.gaps[0].to_string(),
        "3 of 8 components have data, 4 are needed"
    );
    // A workspace that asks for three components and no commitment judges it: red.
    let mut s = Settings {
        confidence: Confidence {
            min_components: 3,
            needs_contact: true,
            needs_commitment: false,
        },
        ..Settings::default()
    };
    let card = score_account(&a, &s, day(TODAY));
    assert_eq!((card.overall, card.band), (Some(49), Some(Band::Red)));
    // Without contacts: the contact rule holds it back whatever the count.
    a.plan.contacts.clear();
    s.confidence.min_components = 0;
    let card = score_account(&a, &s, day(TODAY));
    assert_eq!(card.gaps, vec![Gap::NoContact]);
    assert_eq!(card.band, Some(Band::Incomplete));
}

#[test]
fn coverage_is_engaged_cells_plus_an_executive() {
    // 15 counted cells (5 departments × 3 levels). Two engaged, one with an executive:
    // 100 × (0.8 × 2/15 + 0.2) = 30.67 → 31.
    let plan = AccountPlan {
        contacts: vec![
            contact("a", "dept-finance", "lvl-exec"),
            contact("b", "dept-it", "lvl-manager"),
        ],
        interactions: vec![touch("i", "2026-11-01", &["a", "b"])],
        ..AccountPlan::default()
    };
    let a = account(plan);
    assert_eq!(score_of(&a, ComponentKind::Coverage), Some(31));
    let card = score_account(&a, &Settings::default(), day(TODAY));
    assert_eq!(
        card.component(ComponentKind::Coverage).unwrap().explanation,
        "2 of 15 department × level cells engaged in the last 90 days, including an executive."
    );
    // Without the executive: 100 × 0.8 × 1/15 = 5.33 → 5.
    let mut b = a.clone();
    b.plan.interactions[0].contacts = vec![Id::new("b")];
    assert_eq!(score_of(&b, ComponentKind::Coverage), Some(5));
}

#[test]
fn relationship_balance_rewards_spread_and_penalises_doubting_decision_makers() {
    // Three contacts, touches 2/1/1: HHI = 0.25 + 0.0625 + 0.0625 = 0.375;
    // spread = (1 − 0.375) / (1 − 1/3) = 0.9375 → 94.
    let mut plan = AccountPlan {
        contacts: vec![
            contact("a", "d", "l"),
            contact("b", "d", "l"),
            contact("c", "d", "l"),
        ],
        interactions: vec![
            touch("1", "2026-11-01", &["a", "b"]),
            touch("2", "2026-11-02", &["a", "c"]),
        ],
        ..AccountPlan::default()
    };
    assert_eq!(
        score_of(&account(plan.clone()), ComponentKind::RelationshipBalance),
        Some(94)
    );
    // A skeptical decision maker costs 20: 93.75 − 20 = 73.75 → 74.
    plan.contacts[2].role = Some(DecisionRole::DecisionMaker);
    plan.contacts[2].stance = Some(Stance::Skeptic);
    assert_eq!(
        score_of(&account(plan.clone()), ComponentKind::RelationshipBalance),
        Some(74)
    );
    // One contact takes every touch: no spread at all.
    plan.interactions = vec![
        touch("1", "2026-11-01", &["a"]),
        touch("2", "2026-11-02", &["a"]),
    ];
    plan.contacts[2].role = None;
    assert_eq!(
        score_of(&account(plan.clone()), ComponentKind::RelationshipBalance),
        Some(0)
    );
    // Old interactions only: nothing in the window.
    plan.interactions = vec![touch("1", "2025-01-01", &["a", "b"])];
    assert_eq!(
        score_of(&account(plan), ComponentKind::RelationshipBalance),
        Some(0)
    );
}

#[test]
fn cadence_counts_held_accepted_and_overdue() {
    // Quarterly meeting: window 182 days → 1 expected (182/92). Held once, accepted,
    // next date ahead: 60 + 40 = 100.
    let good = Meeting {
        id: Id::new("m1"),
        recurrence: Rhythm::Quarterly,
        accepted_by_all: true,
        held: vec![day("2026-10-01")],
        next_date: Some(day("2027-01-05")),
        ..Meeting::default()
    };
    // Monthly call: 182/31 = 5 expected; held 2 → 60 × 2/5 = 24; not accepted; next date
    // passed: −20 → 4.
    let poor = Meeting {
        id: Id::new("m2"),
        recurrence: Rhythm::Monthly,
        held: vec![day("2026-09-01"), day("2026-10-01"), day("2025-01-01")],
        next_date: Some(day("2026-11-01")),
        ..Meeting::default()
    };
    let a = account(AccountPlan {
        cadence: vec![good.clone()],
        ..AccountPlan::default()
    });
    assert_eq!(score_of(&a, ComponentKind::Cadence), Some(100));
    let b = account(AccountPlan {
        cadence: vec![good, poor],
        ..AccountPlan::default()
    });
    // Mean of 100 and 4 = 52.
    assert_eq!(score_of(&b, ComponentKind::Cadence), Some(52));
    let card = score_account(&b, &Settings::default(), day(TODAY));
    assert_eq!(
        card.component(ComponentKind::Cadence).unwrap().explanation,
        "3 of 6 expected meetings held, 1 of 2 meetings accepted by all parties, 1 overdue."
    );
}

#[test]
fn success_measures_respect_direction_and_count_unmeasured_against() {
    let m = |id: &str, target, current, direction| SuccessMeasure {
        id: Id::new(id),
        target,
        current,
        direction,
        ..SuccessMeasure::default()
    };
    let plan = AccountPlan {
        measures: vec![
            m("uptime", Some(99.9), Some(99.95), Direction::HigherIsBetter), // on target
            m("tickets", Some(10.0), Some(8.0), Direction::LowerIsBetter),   // on target
            m("nps", Some(40.0), Some(32.0), Direction::HigherIsBetter),     // behind
            m("roi", Some(2.0), None, Direction::HigherIsBetter),            // unmeasured
        ],
        ..AccountPlan::default()
    };
    let a = account(plan);
    assert_eq!(score_of(&a, ComponentKind::SuccessMeasures), Some(50)); // 2 of 4
    let card = score_account(&a, &Settings::default(), day(TODAY));
    assert_eq!(
        card.component(ComponentKind::SuccessMeasures)
            .unwrap()
            .explanation,
        "2 of 4 success measures on or ahead of target, 1 behind, 1 not measured."
    );
}

#[test]
fn revenue_is_pro_rata_to_the_quarters_over() {
    // Fiscal year from January 2026; on 24 Nov three quarters are over. Commitment 1.2M:
    // 900K expected; actuals 300K + 250K + 200K = 750K → 83%.
    let mut plan = AccountPlan::default();
    plan.revenue.commitment = Some(1_200_000.0);
    plan.revenue.agreed_by = Some(Id::new("cfo"));
    plan.revenue.quarterly_actuals = [Some(300_000.0), Some(250_000.0), Some(200_000.0), None];
    let a = account(plan);
    assert_eq!(score_of(&a, ComponentKind::Revenue), Some(83));
    // A fiscal year starting in July 2026: only Q1 (Jul–Sep) is over: 300K ≥ 300K → 100.
    let mut b = a.clone();
    b.fiscal_year_start_month = 7;
    b.plan.revenue.quarterly_actuals = [Some(300_000.0), None, None, None];
    assert_eq!(score_of(&b, ComponentKind::Revenue), Some(100));
    // A missing quarter counts as nothing: Q1 and Q3 recorded, Q2 not: 500K of 900K → 56.
    let mut c = a.clone();
    c.plan.revenue.quarterly_actuals = [Some(300_000.0), None, Some(200_000.0), None];
    assert_eq!(score_of(&c, ComponentKind::Revenue), Some(56));
    let card = score_account(&c, &Settings::default(), day(TODAY));
    assert!(card
        .component(ComponentKind::Revenue)
        .unwrap()
        .explanation
        .contains("One quarter's actuals are not recorded."));
    // No commitment: no data.
    assert_eq!(
        score_of(&account(AccountPlan::default()), ComponentKind::Revenue),
        None
    );
}

#[test]
fn the_pipeline_counts_aligned_open_opportunities_and_open_white_space() {
    let mut plan = AccountPlan::default();
    plan.revenue.growth_target = Some(200_000.0);
    let opp = |id: &str, goal: Option<&str>, value, p, stage| Opportunity {
        id: Id::new(id),
        goal: goal.map(Id::new),
        value: Some(value),
        probability: p,
        stage,
        ..Opportunity::default()
    };
    plan.opportunities = vec![
        opp("a", Some("g"), 100_000.0, 0.5, Stage::Qualified), // 50K
        opp("b", None, 500_000.0, 0.9, Stage::Proposed),       // unaligned: 0
        opp("c", Some("g"), 80_000.0, 1.0, Stage::Won),        // closed: 0
    ];
    plan.white_space.cells = vec![WhiteSpaceCell {
        status: CellStatus::Open,
        value: Some(100_000.0),
        ..WhiteSpaceCell::default()
    }];
    // 80 × 50K/200K + 20 × 100K/200K = 20 + 10 = 30.
    assert_eq!(
        score_of(&account(plan), ComponentKind::GrowthPipeline),
        Some(30)
    );
}

#[test]
fn execution_counts_on_time_late_and_overdue() {
    let act = |id: &str, due: &str, status, done: Option<&str>| Action {
        id: Id::new(id),
        due: Some(day(due)),
        status,
        completed_on: done.map(day),
        ..Action::default()
    };
    let plan = AccountPlan {
        actions: vec![
            act("1", "2026-10-01", ActionStatus::Done, Some("2026-09-30")), // on time
            act("2", "2026-10-01", ActionStatus::Done, Some("2026-10-20")), // late: half
            act("3", "2026-11-01", ActionStatus::Open, None),               // overdue
            act("4", "2026-12-01", ActionStatus::Open, None),               // not due: ignored
            act("5", "2026-10-01", ActionStatus::Cancelled, None),          // ignored
        ],
        ..AccountPlan::default()
    };
    // (1 + 0.5) / 3 = 50.
    assert_eq!(score_of(&account(plan), ComponentKind::Execution), Some(50));
    let not_due = AccountPlan {
        actions: vec![act("4", "2026-12-01", ActionStatus::Open, None)],
        ..AccountPlan::default()
    };
    assert_eq!(score_of(&account(not_due), ComponentKind::Execution), None);
}

#[test]
fn freshness_is_the_share_of_started_parts_reviewed_on_time() {
    let mut plan = crate::domain::staleness::tests::every_part_started(None).plan;
    // Reviewed 10 days ago: every part fresh.
    for p in PlanPart::ALL {
        plan.reviewed.insert(p, day("2026-11-14"));
    }
    assert_eq!(
        score_of(&account(plan.clone()), ComponentKind::Freshness),
        Some(100)
    );
    // Monthly parts 40 days old: 5 of 11 stale → 6/11 = 54.5 → 55.
    for p in [
        PlanPart::Revenue,
        PlanPart::Contacts,
        PlanPart::Opportunities,
        PlanPart::Actions,
        PlanPart::Cadence,
    ] {
        plan.reviewed.insert(p, day("2026-10-15"));
    }
    assert_eq!(
        score_of(&account(plan.clone()), ComponentKind::Freshness),
        Some(55)
    );
    // Parts emptied are not started: neither fresh nor stale. Left: goals, measures,
    // feedback, white space, team and contract (fresh) and revenue (stale): 6/7 = 85.7.
    plan.contacts.clear();
    plan.opportunities.clear();
    plan.actions.clear();
    plan.cadence.clear();
    let a = account(plan);
    assert_eq!(score_of(&a, ComponentKind::Freshness), Some(86));
    let card = score_account(&a, &Settings::default(), day(TODAY));
    assert_eq!(
        card.component(ComponentKind::Freshness).unwrap().explanation,
        "6 of 7 started plan parts reviewed on time, 4 parts not started; next review due 2026-11-15."
    );
}

#[test]
fn the_overall_score_is_the_weighted_mean_of_components_with_data() {
    let mut plan = AccountPlan::default();
    for p in PlanPart::ALL {
        plan.reviewed.insert(p, day("2026-11-14")); // freshness 100
    }
    plan.measures = vec![SuccessMeasure {
        id: Id::new("m"),
        target: Some(1.0),
        ..SuccessMeasure::default()
    }]; // 0
    let a = account(plan);
    // The measures part is the one started, reviewed on time: freshness 100. Freshness
    // weight 10, measures 15: (100 × 10 + 0 × 15) / 25 = 40.
    let card = score_account(&a, &Settings::default(), day(TODAY));
    assert_eq!((card.overall, card.measured), (Some(40), 2));
    // Two components, no contact, no commitment: too thin for red.
    assert_eq!(card.band, Some(Band::Incomplete));
    assert!((card.component(ComponentKind::Freshness).unwrap().weight - 0.4).abs() < 1e-12);
    // Weights set to zero or nonsense leave a component out.
    let mut s = Settings::default();
    s.weights.success_measures = f64::NAN;
    let card = score_account(&a, &s, day(TODAY));
    assert_eq!((card.overall, card.measured), (Some(100), 1));
    // Judged with no threshold at all, the 100 is green.
    s.confidence = Confidence {
        min_components: 0,
        needs_contact: false,
        needs_commitment: false,
    };
    assert_eq!(score_account(&a, &s, day(TODAY)).band, Some(Band::Green));
}

#[test]
fn trend_compares_with_the_latest_snapshot() {
    let review = |date: &str, overall| Review {
        id: Id::new(date),
        date: Some(day(date)),
        snapshot: Some(ScoreSnapshot {
            overall: Some(overall),
            ..ScoreSnapshot::default()
        }),
        ..Review::default()
    };
    let plan = AccountPlan {
        reviews: vec![review("2026-10-01", 60), review("2026-08-01", 80)],
        ..AccountPlan::default()
    };
    assert_eq!(trend(&plan, Some(65)), Trend::Up);
    assert_eq!(trend(&plan, Some(62)), Trend::Flat);
    assert_eq!(trend(&plan, Some(57)), Trend::Down);
    assert_eq!(trend(&plan, None), Trend::Unknown);
    assert_eq!(trend(&AccountPlan::default(), Some(50)), Trend::Unknown);
    // The latest snapshot was of an incomplete plan: its number is not compared.
    let mut thin = plan.clone();
    thin.reviews[0].snapshot.as_mut().unwrap().incomplete = true;
    assert_eq!(trend(&thin, Some(65)), Trend::Unknown);
}

#[test]
fn a_snapshot_keeps_scores_and_names() {
    let plan = AccountPlan {
        contacts: vec![contact("a", "dept-it", "lvl-exec")],
        interactions: vec![touch("i", "2026-11-20", &["a"])],
        goals: vec![Goal {
            id: Id::new("g"),
            title: "Grow".into(),
            ..Goal::default()
        }],
        ..AccountPlan::default()
    };
    let a = account(plan);
    let card = score_account(&a, &Settings::default(), day(TODAY));
    let snap = snapshot(&a, &card);
    assert_eq!(snap.overall, card.overall);
    // Coverage, balance and freshness, without a commitment: incomplete, and marked so.
    assert!(card.is_incomplete() && snap.incomplete);
    assert_eq!(
        snap.components.get(&ComponentKind::Coverage).copied(),
        card.component(ComponentKind::Coverage).unwrap().score
    );
    assert!(!snap.components.contains_key(&ComponentKind::Revenue));
    assert_eq!(snap.contacts[0].name, "A");
    assert_eq!(snap.goals[0].name, "Grow");
}

// ---- properties ---------------------------------------------------------------

const DEPTS: [&str; 5] = [
    "dept-exec",
    "dept-finance",
    "dept-it",
    "dept-ops",
    "dept-procurement",
];
const LEVELS: [&str; 4] = ["lvl-exec", "lvl-senior", "lvl-manager", "lvl-staff"];

prop_compose! {
    fn arb_contact(i: usize)(d in 0..5usize, l in 0..4usize, role in 0..6u8, stance in 0..6u8) -> Contact {
        Contact {
            id: Id::new(format!("c{i}")),
            name: format!("C{i}"),
            department: Some(Id::new(DEPTS[d])),
            level: Some(Id::new(LEVELS[l])),
            role: DecisionRole::ALL.get(role as usize).copied(),
            stance: Stance::ALL.get(stance as usize).copied(),
            ..Contact::default()
        }
    }
}

/// An interaction's seed: how many days ago, and which contacts (by number).
type TouchSeed = (i64, Vec<usize>);
/// A success measure's seed: target, current, and whether lower is better.
type MeasureSeed = (Option<f64>, Option<f64>, bool);
/// A meeting's seed: its rhythm (by number), accepted by all, days ago it was held, and
/// days to the next one.
type MeetingSeed = (usize, bool, Vec<i64>, Option<i64>);
/// An action's seed: days (less 100) ago it is due, its status (by number), and days ago
/// it was done.
type ActionSeed = (Option<i64>, usize, Option<i64>);
/// Revenue's seed: commitment, growth target and quarterly actuals.
type RevenueSeed = (Option<f64>, Option<f64>, [Option<f64>; 4]);
/// An opportunity's seed: value, probability, aligned to a goal, and stage (by number).
type OpportunitySeed = (Option<f64>, f64, bool, usize);

pub(crate) fn arb_plan() -> impl Strategy<Value = AccountPlan> {
    (0..8usize)
        .prop_flat_map(|n| {
            let contacts: Vec<_> = (0..n).map(arb_contact).collect();
            (
                contacts,
                prop::collection::vec((0..400i64, prop::collection::vec(0..8usize, 1..3)), 0..30),
                arb_measures(),
                arb_meetings(),
                arb_actions(),
                arb_revenue(),
                arb_opportunities(),
                prop::collection::vec(0..200i64, 0..11),
            )
        })
        .prop_map(
            |(contacts, touches, measures, meetings, actions, revenue, opps, reviewed)| {
                let mut plan = AccountPlan {
                    year: 2026,
                    ..AccountPlan::default()
                };
                plan.interactions = interactions_of(touches, contacts.len());
                plan.contacts = contacts;
                plan.measures = measures_of(measures);
                plan.cadence = meetings_of(meetings);
                plan.actions = actions_of(actions);
                plan.revenue.commitment = revenue.0;
                plan.revenue.growth_target = revenue.1;
                plan.revenue.quarterly_actuals = revenue.2;
                plan.opportunities = opportunities_of(opps);
                for (p, d) in PlanPart::ALL.into_iter().zip(reviewed) {
                    plan.reviewed.insert(p, ago(d));
                }
                plan
            },
        )
}

fn arb_measures() -> impl Strategy<Value = Vec<MeasureSeed>> {
    prop::collection::vec(
        (
            prop::option::of(-10.0..200.0f64),
            prop::option::of(-10.0..200.0f64),
            any::<bool>(),
        ),
        0..5,
    )
}

fn arb_meetings() -> impl Strategy<Value = Vec<MeetingSeed>> {
    prop::collection::vec(
        (
            0..5usize,
            any::<bool>(),
            prop::collection::vec(0..400i64, 0..8),
            prop::option::of(-100..100i64),
        ),
        0..4,
    )
}

fn arb_actions() -> impl Strategy<Value = Vec<ActionSeed>> {
    prop::collection::vec(
        (
            prop::option::of(0..400i64),
            0..4usize,
            prop::option::of(0..400i64),
        ),
        0..8,
    )
}

fn arb_revenue() -> impl Strategy<Value = RevenueSeed> {
    (
        prop::option::of(0.0..2e6f64),
        prop::option::of(0.0..1e6f64),
        prop::array::uniform4(prop::option::of(0.0..1e6f64)),
    )
}

fn arb_opportunities() -> impl Strategy<Value = Vec<OpportunitySeed>> {
    prop::collection::vec(
        (
            prop::option::of(0.0..1e6f64),
            0.0..=1.0f64,
            any::<bool>(),
            0..6usize,
        ),
        0..6,
    )
}

/// `d` days before [`TODAY`].
fn ago(d: i64) -> NaiveDate {
    day(TODAY) - chrono::Duration::days(d)
}

/// The interactions of `touches` with a plan's `n` contacts (none without contacts).
fn interactions_of(touches: Vec<TouchSeed>, n: usize) -> Vec<Interaction> {
    touches
        .into_iter()
        .enumerate()
        .filter(|_| n > 0)
        .map(|(i, (d, who))| Interaction {
            id: Id::new(format!("i{i}")),
            date: Some(ago(d)),
            contacts: who
                .into_iter()
                .map(|w| Id::new(format!("c{}", w % n)))
                .collect(),
            ..Interaction::default()
        })
        .collect()
}

fn measures_of(measures: Vec<MeasureSeed>) -> Vec<SuccessMeasure> {
    measures
        .into_iter()
        .enumerate()
        .map(|(i, (t, c, lower))| SuccessMeasure {
            id: Id::new(format!("m{i}")),
            target: t,
            current: c,
            direction: if lower {
                Direction::LowerIsBetter
            } else {
                Direction::HigherIsBetter
            },
            ..SuccessMeasure::default()
        })
        .collect()
}

fn meetings_of(meetings: Vec<MeetingSeed>) -> Vec<Meeting> {
    let rhythms = [
        Rhythm::Weekly,
        Rhythm::Monthly,
        Rhythm::Quarterly,
        Rhythm::HalfYearly,
        Rhythm::Yearly,
    ];
    meetings
        .into_iter()
        .enumerate()
        .map(|(i, (r, acc, held, next))| Meeting {
            id: Id::new(format!("mt{i}")),
            recurrence: rhythms[r],
            accepted_by_all: acc,
            held: held.into_iter().map(ago).collect(),
            next_date: next.map(|d| day(TODAY) + chrono::Duration::days(d)),
            ..Meeting::default()
        })
        .collect()
}

fn actions_of(actions: Vec<ActionSeed>) -> Vec<Action> {
    actions
        .into_iter()
        .enumerate()
        .map(|(i, (due, s, done))| Action {
            id: Id::new(format!("a{i}")),
            due: due.map(|d| ago(d - 100)),
            status: ActionStatus::ALL[s],
            completed_on: done.map(ago),
            ..Action::default()
        })
        .collect()
}

fn opportunities_of(opps: Vec<OpportunitySeed>) -> Vec<Opportunity> {
    opps.into_iter()
        .enumerate()
        .map(|(i, (v, p, aligned, s))| Opportunity {
            id: Id::new(format!("o{i}")),
            value: v,
            probability: p,
            goal: aligned.then(|| Id::new("g")),
            stage: Stage::ALL[s],
            ..Opportunity::default()
        })
        .collect()
}

proptest! {
    #[test]
    fn every_score_is_between_0_and_100(plan in arb_plan()) {
        let card = score_account(&account(plan), &Settings::default(), day(TODAY));
        for c in &card.components {
            if let Some(s) = c.score { prop_assert!(s <= 100); }
            prop_assert!((0.0..=1.0).contains(&c.weight));
            prop_assert_eq!(c.score.is_none(), c.weight == 0.0);
        }
        let measured = card.components.iter().filter(|c| c.score.is_some()).count();
        prop_assert_eq!(card.measured, measured);
        prop_assert_eq!(card.overall.is_some(), measured > 0);
        prop_assert!(card.overall.is_none_or(|o| o <= 100));
        let total: f64 = card.components.iter().map(|c| c.weight).sum();
        prop_assert!(measured == 0 || (total - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_plan_below_the_threshold_is_never_green_amber_or_red(
        plan in arb_plan(),
        min_components in 0..=9u8,
        needs_contact in any::<bool>(),
        needs_commitment in any::<bool>(),
    ) {
        let a = account(plan);
        let s = Settings {
            confidence: Confidence { min_components, needs_contact, needs_commitment },
            ..Settings::default()
        };
        let card = score_account(&a, &s, day(TODAY));
        let thin = card.measured < usize::from(min_components)
            || (needs_contact && a.plan.contacts.is_empty())
            || (needs_commitment && !a.plan.revenue.commitment.is_some_and(|c| c > 0.0));
        if thin {
            prop_assert_eq!(card.band, Some(Band::Incomplete));
            prop_assert!(card.judged_overall().is_none());
        } else {
            prop_assert!(card.gaps.is_empty());
            prop_assert_eq!(card.band, card.overall.map(|o| band_for(o, &s.bands)));
        }
        prop_assert!(card.measured <= ComponentKind::ALL.len());
        prop_assert!(card.overall.is_none_or(|o| o <= 100));
    }

    #[test]
    fn an_engaged_contact_in_an_empty_cell_never_lowers_coverage(plan in arb_plan(), d in 0..5usize, l in 0..3usize) {
        let a = account(plan);
        let before = score_of(&a, ComponentKind::Coverage).unwrap_or(0);
        let mut b = a.clone();
        b.plan.contacts.push(contact("new", DEPTS[d], LEVELS[l]));
        b.plan.interactions.push(touch("new-touch", TODAY, &["new"]));
        let after = score_of(&b, ComponentKind::Coverage).unwrap();
        prop_assert!(after >= before, "{before} -> {after}");
    }

    #[test]
    fn scaling_every_weight_keeps_the_overall(plan in arb_plan(), k in 0.01..100.0f64) {
        let a = account(plan);
        let s = Settings::default();
        let mut scaled = s.clone();
        for kind in ComponentKind::ALL {
            scaled.weights.set(kind, s.weights.get(kind) * k);
        }
        let x = score_account(&a, &s, day(TODAY)).overall;
        let y = score_account(&a, &scaled, day(TODAY)).overall;
        prop_assert!(x.zip(y).is_none_or(|(x, y)| x.abs_diff(y) <= 1), "{x:?} vs {y:?}");
    }

    #[test]
    fn the_weight_of_a_component_without_data_changes_nothing(plan in arb_plan(), w in 0.0..1000.0f64) {
        let a = account(plan);
        let s = Settings::default();
        let card = score_account(&a, &s, day(TODAY));
        for c in card.components.iter().filter(|c| c.score.is_none()) {
            let mut t = s.clone();
            t.weights.set(c.kind, w);
            prop_assert_eq!(score_account(&a, &t, day(TODAY)).overall, card.overall);
        }
    }
}
