//! Synthetic workspaces for benchmarks and property tests: realistic, varied, valid, and
//! fully determined by a seed and `today`.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

use super::model::{
    Account, AccountPlan, Contact, DecisionRole, Id, Interaction, InteractionKind, Revenue,
    Segment, Settings, Stance, TeamMember, Workspace, SCHEMA_VERSION,
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
            synthetic_account(&mut r, i, shape, &settings, &team, today)
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
    let year = if today.month() as u8 >= fiscal_year_start_month {
        today.year()
    } else {
        today.year() - 1
    };
    let ctx = Ctx {
        i,
        today,
        settings,
        team,
        owner: owner.clone(),
        in_rut: rng.chance(0.25),
    };
    let fy_start = NaiveDate::from_ymd_opt(year, fiscal_year_start_month as u32, 1).expect("date");
    let revenue = revenue(rng, segment, fy_start, today);
    let contacts = contacts(rng, &ctx, shape.contacts);
    let interactions = interactions(rng, &ctx, &contacts, shape.interactions);
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
            contacts,
            interactions,
            ..AccountPlan::default()
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
    let mut quarterly_actuals = [None; 4];
    for (q, slot) in quarterly_actuals.iter_mut().enumerate() {
        let end = fy_start
            .checked_add_months(Months::new(3 * (q as u32 + 1)))
            .expect("date");
        if end <= today {
            let pace = 0.75 + rng.range(0, 40) as f64 / 100.0;
            *slot = Some(round_to(commitment / 4.0 * pace, 100.0));
        }
    }
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
}
