//! Synthetic workspaces for benchmarks and property tests: realistic, varied, valid, and
//! fully determined by a seed and `today`.

use std::sync::Arc;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

use crate::domain::model::{
    Account, AccountPlan, Action, ActionLink, ActionStatus, CellStatus, ComponentKind, Contact,
    Contract, DecisionRole, Dimension, Direction, Feedback, FeedbackItem, Goal, GoalKind, Id,
    Interaction, InteractionKind, Meeting, NamedRef, Opportunity, PlanPart, RenewalStatus, Revenue,
    Review, ReviewKind, Rhythm, Risk, ScoreSnapshot, Segment, Settings, Stage, Stance,
    SuccessMeasure, TeamMember, TeamRole, Term, WhiteSpace, WhiteSpaceCell, Workspace,
    SCHEMA_VERSION,
};

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

/// SplitMix64: a tiny, fast, deterministic PRNG.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1).max(1) as u64)) as i64
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// An index drawn with the given relative weights.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

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

const FIRST: &[&str] = &[
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara",
    "Liam", "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wei",
    "Yara", "Zoe",
];
const LAST: &[&str] = &[
    "Adler", "Brooks", "Castro", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito",
    "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Silva",
    "Tanaka", "Varga", "Weber", "Young", "Zhang",
];
const NAME_A: &[&str] = &[
    "Blue",
    "North",
    "Silver",
    "Granite",
    "Harbor",
    "Summit",
    "Cedar",
    "Iron",
    "Bright",
    "Coastal",
    "Prairie",
    "Red",
    "Clear",
    "Evergreen",
    "Falcon",
    "Lumen",
];
const NAME_B: &[&str] = &[
    "ridge", "field", "stone", "wave", "gate", "point", "brook", "line", "peak", "vale",
];
const INDUSTRIES: &[(&str, &str)] = &[
    ("Logistics", "Logistics"),
    ("Manufacturing", "Industries"),
    ("Healthcare", "Health"),
    ("Retail", "Retail"),
    ("Financial services", "Capital"),
    ("Energy", "Energy"),
    ("Software", "Systems"),
    ("Education", "Learning"),
    ("Food & beverage", "Foods"),
    ("Telecommunications", "Telecom"),
];
const TITLES_BY_LEVEL: [&[&str]; 4] = [
    &[
        "Chief Executive Officer",
        "Chief Financial Officer",
        "Chief Information Officer",
        "Chief Operating Officer",
        "VP Operations",
    ],
    &[
        "Director of Finance",
        "Head of IT",
        "Director of Operations",
        "Head of Procurement",
        "Senior Director",
    ],
    &[
        "Finance Manager",
        "IT Manager",
        "Operations Manager",
        "Category Manager",
        "Project Manager",
    ],
    &[
        "Analyst",
        "Administrator",
        "Coordinator",
        "Specialist",
        "Engineer",
    ],
];
const CHALLENGES: &[&str] = &[
    "Cutting operating costs by a tenth",
    "Consolidating vendors after a merger",
    "Moving reporting to real time",
    "Hiring fast enough for the new sites",
    "Passing the next compliance audit",
    "Getting adoption of the new tooling",
    "Keeping the legacy system alive until replacement",
    "Proving ROI on last year's projects",
];
const NOTES: &[&str] = &[
    "Discussed roadmap and open tickets",
    "Walked through usage report",
    "Introduced the analytics module",
    "Follow-up on pricing question",
    "Check-in after the upgrade",
    "Planning session for next quarter",
    "Escalation about response times",
    "Lunch; talked about their reorganisation",
];

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
            reviews,
            reviewed,
        },
    }
}

fn revenue(rng: &mut Rng, segment: Segment, fy_start: NaiveDate, today: NaiveDate) -> Revenue {
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
    }
}

fn contacts(rng: &mut Rng, ctx: &Ctx, n: usize) -> Vec<Contact> {
    let levels = &ctx.settings.levels;
    let departments = &ctx.settings.departments;
    let mut out: Vec<Contact> = Vec::with_capacity(n);
    let mut level_of: Vec<usize> = Vec::with_capacity(n);
    for j in 0..n {
        // The first contact is an executive; in a rut, the next two are friendly staff.
        let level = match j {
            0 => 0,
            1 | 2 if ctx.in_rut => levels.len() - 1,
            _ => rng.weighted(&[10, 25, 35, 30]).min(levels.len() - 1),
        };
        let department = if j == 0 {
            departments[0].id.clone()
        } else {
            departments[1 + rng.below(departments.len() - 1)].id.clone()
        };
        // Report to an earlier, more senior contact: reporting lines never loop.
        let bosses: Vec<usize> = (0..j).filter(|&b| level_of[b] < level).collect();
        let reports_to = if bosses.is_empty() || rng.chance(0.15) {
            None
        } else {
            Some(out[*rng.pick(&bosses)].id.clone())
        };
        let role = match level {
            0 => [DecisionRole::DecisionMaker, DecisionRole::Influencer][rng.weighted(&[3, 1])],
            _ => [
                DecisionRole::DecisionMaker,
                DecisionRole::Influencer,
                DecisionRole::Coach,
                DecisionRole::User,
                DecisionRole::Gatekeeper,
            ][rng.weighted(&[1, 4, 2, 5, 2])],
        };
        let stance = if ctx.in_rut && (j == 1 || j == 2) {
            Stance::Champion
        } else {
            [
                Stance::Champion,
                Stance::Supporter,
                Stance::Neutral,
                Stance::Skeptic,
                Stance::Opponent,
            ][rng.weighted(&[2, 5, 5, 2, 1])]
        };
        let first = *rng.pick(FIRST);
        let last = *rng.pick(LAST);
        let titles = TITLES_BY_LEVEL[level.min(3)];
        out.push(Contact {
            id: ctx.id("con", j),
            name: format!("{first} {last}"),
            title: rng.pick(titles).to_string(),
            department: Some(department),
            level: Some(levels[level].id.clone()),
            role: if rng.chance(0.9) { Some(role) } else { None },
            stance: if rng.chance(0.9) { Some(stance) } else { None },
            strength: Some(rng.range(1, 5) as u8),
            reports_to,
            owner: Some(ctx.member(rng)),
            email: format!(
                "{}.{}@customer{:06}.example",
                first.to_lowercase(),
                last.to_lowercase(),
                ctx.i
            ),
            phone: format!("+1 555 {:04}", rng.below(10_000)),
            major_challenge: rng.pick(CHALLENGES).to_string(),
            notes: String::new(),
            updated_at: Some(noon(days_before(ctx.today, rng.range(0, 200)))),
        });
        level_of.push(level);
    }
    out
}

fn interactions(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact], n: usize) -> Vec<Interaction> {
    if contacts.is_empty() {
        return Vec::new();
    }
    let mut ages: Vec<i64> = (0..n).map(|_| rng.range(0, 364)).collect();
    ages.sort_unstable_by(|a, b| b.cmp(a));
    ages.into_iter()
        .enumerate()
        .map(|(k, age)| {
            let rut = ctx.in_rut && contacts.len() >= 3 && rng.chance(0.85);
            let mut who: Vec<Id> = Vec::new();
            let count = if rut { 1 } else { 1 + rng.weighted(&[6, 3, 1]) };
            for _ in 0..count {
                let j = if rut {
                    1 + rng.below(2)
                } else {
                    rng.below(contacts.len())
                };
                let id = contacts[j].id.clone();
                if !who.contains(&id) {
                    who.push(id);
                }
            }
            let date = days_before(ctx.today, age);
            Interaction {
                id: Id(format!("int-{:06}-{k:03}", ctx.i)),
                date: Some(date),
                contacts: who,
                kind: [
                    InteractionKind::Meeting,
                    InteractionKind::Call,
                    InteractionKind::Email,
                    InteractionKind::Event,
                ][rng.weighted(&[3, 4, 5, 1])],
                note: rng.pick(NOTES).to_string(),
                by: Some(ctx.member(rng)),
                updated_at: Some(noon(date)),
            }
        })
        .collect()
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

fn goals(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact]) -> Vec<Goal> {
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
                updated_at: Some(noon(days_before(ctx.today, rng.range(0, 300)))),
            }
        })
        .collect()
}

fn measures(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact], goals: &[Goal]) -> Vec<SuccessMeasure> {
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
        }
    }
}

fn feedback(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact]) -> Feedback {
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

fn white_space(rng: &mut Rng, ctx: &Ctx) -> WhiteSpace {
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

fn opportunities(rng: &mut Rng, ctx: &Ctx, goals: &[Goal], n: usize) -> Vec<Opportunity> {
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
                updated_at: Some(noon(created)),
            }
        })
        .collect()
}

fn actions(
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
            }
        })
        .collect()
}

fn cadence(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact]) -> Vec<Meeting> {
    let kinds = [
        ("mt-qbr", "Quarterly business review", Rhythm::Quarterly),
        ("mt-ops", "Monthly operational call", Rhythm::Monthly),
        ("mt-exec", "Executive sponsor meeting", Rhythm::HalfYearly),
    ];
    let mut out = Vec::new();
    for (k, (ty, title, recurrence)) in kinds.into_iter().enumerate() {
        if !rng.chance(0.75) {
            continue;
        }
        let period = recurrence.days();
        // Held on most past occurrences over the last year.
        let mut held = Vec::new();
        let mut age = rng.range(0, period - 1);
        while age < 365 {
            if rng.chance(0.8) {
                held.push(days_before(ctx.today, age));
            }
            age += period;
        }
        held.reverse();
        let attendees = if contacts.is_empty() {
            Vec::new()
        } else {
            let mut a = vec![contacts[rng.below(contacts.len().min(3))].id.clone()];
            let other = rng.pick(contacts).id.clone();
            if !a.contains(&other) {
                a.push(other);
            }
            a
        };
        let last = held
            .last()
            .copied()
            .unwrap_or(days_before(ctx.today, period));
        // Some next dates are already past: an overdue meeting.
        let next = last + Days::new(period as u64);
        let next = if rng.chance(0.2) {
            days_before(ctx.today, rng.range(1, 30))
        } else if next < ctx.today {
            days_after(ctx.today, rng.range(1, 20))
        } else {
            next
        };
        out.push(Meeting {
            id: ctx.id("mtg", k),
            title: title.into(),
            meeting_type: Some(Id::new(ty)),
            attendees,
            internal_attendees: vec![ctx.owner.clone()],
            recurrence,
            next_date: Some(next),
            accepted_by_all: rng.chance(0.7),
            held,
            updated_at: None,
        });
    }
    out
}

fn team_roles(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact]) -> Vec<TeamRole> {
    let mut out = vec![TeamRole {
        id: ctx.id("role", 0),
        member: Some(ctx.owner.clone()),
        role: "Account manager".into(),
        responsibilities: "Owns the plan and the relationship".into(),
        executive_sponsor: false,
        counterpart: None,
        updated_at: None,
    }];
    if rng.chance(0.6) {
        out.push(TeamRole {
            id: ctx.id("role", 1),
            member: Some(ctx.team[0].id.clone()),
            role: "Executive sponsor".into(),
            responsibilities: "Meets the customer's executive twice a year".into(),
            executive_sponsor: true,
            counterpart: contacts.first().map(|c| c.id.clone()),
            updated_at: None,
        });
    }
    if rng.chance(0.5) {
        let member = ctx.team[1 + rng.below(ctx.team.len() - 1)].id.clone();
        out.push(TeamRole {
            id: ctx.id("role", 2),
            member: Some(member),
            role: "Solutions specialist".into(),
            responsibilities: "Technical design and workshops".into(),
            executive_sponsor: false,
            counterpart: None,
            updated_at: None,
        });
    }
    out
}

fn contract(rng: &mut Rng, ctx: &Ctx, revenue: &Revenue) -> Contract {
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

fn reviews(
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

#[cfg(test)]
mod tests {
    use super::*;
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
        let segments: std::collections::BTreeSet<_> =
            ws.accounts.iter().map(|a| a.segment).collect();
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
}
