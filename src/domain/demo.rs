//! The demo workspace a first visit opens with: a small team and six fictional accounts
//! of varied health, with histories dated relative to `today`.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use super::model::{
    Account, AccountPlan, Action, ActionLink, ActionStatus, CellStatus, ComponentKind, Contact,
    Contract, DecisionRole, Dimension, Direction, FeedbackItem, Goal, GoalKind, Id, Interaction,
    InteractionKind, Meeting, NamedRef, Opportunity, PlanPart, RenewalStatus, Revenue, Review,
    ReviewKind, Rhythm, Risk, ScoreSnapshot, Segment, Settings, Stage, Stance, SuccessMeasure,
    TeamMember, TeamRole, Term, WhiteSpaceCell, Workspace, SCHEMA_VERSION,
};
use super::synthetic::{fiscal_year_start, past_quarter_actuals};

const LEAD: &str = "tm-demo-lead";
const PRIYA: &str = "tm-demo-priya";
const DANIEL: &str = "tm-demo-daniel";
const SOFIA: &str = "tm-demo-sofia";

/// Marks a snapshot component as absent (no data at the time).
const NA: u8 = u8::MAX;

/// The demo workspace, dated relative to `today`.
pub fn demo_workspace(today: NaiveDate) -> Workspace {
    let member = |id: &str, name: &str, email: &str, title: &str| TeamMember {
        id: Id::new(id),
        name: name.into(),
        email: email.into(),
        title: title.into(),
        updated_at: None,
    };
    Workspace {
        schema_version: SCHEMA_VERSION,
        id: Id::new("ws-demo"),
        name: "Demo workspace".into(),
        demo: true,
        settings: Settings::default(),
        team: vec![
            member(
                LEAD,
                "Morgan Hale",
                "morgan.hale@example.com",
                "Head of account management",
            ),
            member(
                PRIYA,
                "Priya Raman",
                "priya.raman@example.com",
                "Senior account manager",
            ),
            member(
                DANIEL,
                "Daniel Okoye",
                "daniel.okoye@example.com",
                "Account manager",
            ),
            member(
                SOFIA,
                "Sofia Lind",
                "sofia.lind@example.com",
                "Account manager",
            ),
        ],
        accounts: vec![
            harborview(today).into(),
            brightwell(today).into(),
            meridian(today).into(),
            copperleaf(today).into(),
            lumina(today).into(),
            stonebridge(today).into(),
        ],
        sync_marks: BTreeMap::new(),
    }
}

/// Builds one demo account's plan; entities are referred to by 1-based position.
struct B {
    p: &'static str,
    today: NaiveDate,
    owner: Id,
    plan: AccountPlan,
}

fn id(kind: &str, p: &str, n: usize) -> Id {
    Id(format!("{kind}-{p}-{n:02}"))
}

impl B {
    fn new(p: &'static str, today: NaiveDate, owner: &str, fy_month: u8) -> Self {
        B {
            p,
            today,
            owner: Id::new(owner),
            plan: AccountPlan {
                year: chrono::Datelike::year(&fiscal_year_start(today, fy_month)),
                ..AccountPlan::default()
            },
        }
    }

    /// `today` shifted by `offset` days (negative: in the past).
    fn day(&self, offset: i64) -> NaiveDate {
        self.today + Duration::days(offset)
    }

    fn con(&self, n: usize) -> Id {
        id("con", self.p, n)
    }

    #[allow(clippy::too_many_arguments)]
    fn contact(
        &mut self,
        name: &str,
        title: &str,
        dept: &str,
        level: &str,
        role: DecisionRole,
        stance: Stance,
        strength: u8,
        boss: Option<usize>,
        challenge: &str,
    ) {
        let n = self.plan.contacts.len() + 1;
        let (first, last) = name.rsplit_once(' ').unwrap_or((name, ""));
        self.plan.contacts.push(Contact {
            id: self.con(n),
            name: name.into(),
            title: title.into(),
            department: Some(Id(format!("dept-{dept}"))),
            level: Some(Id(format!("lvl-{level}"))),
            role: Some(role),
            stance: Some(stance),
            strength: Some(strength),
            reports_to: boss.map(|b| self.con(b)),
            owner: Some(self.owner.clone()),
            email: format!(
                "{}.{}@{}.example",
                first.to_lowercase().replace([' ', '.'], ""),
                last.to_lowercase(),
                self.p
            ),
            phone: String::new(),
            major_challenge: challenge.into(),
            notes: String::new(),
            updated_at: None,
        });
    }

    fn touch(&mut self, ago: i64, who: &[usize], kind: InteractionKind, note: &str) {
        let n = self.plan.interactions.len() + 1;
        self.plan.interactions.push(Interaction {
            id: id("int", self.p, n),
            date: Some(self.day(-ago)),
            contacts: who.iter().map(|&c| self.con(c)).collect(),
            kind,
            note: note.into(),
            by: Some(self.owner.clone()),
            updated_at: None,
        });
    }

    fn goal(&mut self, title: &str, kind: GoalKind, source: Option<usize>, description: &str) {
        let n = self.plan.goals.len() + 1;
        self.plan.goals.push(Goal {
            id: id("goal", self.p, n),
            title: title.into(),
            description: description.into(),
            kind,
            source_contact: source.map(|c| self.con(c)),
            updated_at: None,
        });
    }

    /// `(name, unit, direction, target, current)`, evaluator, goal, days since checked.
    fn measure(
        &mut self,
        what: (&str, &str, Direction, f64, Option<f64>),
        evaluator: Option<usize>,
        goal: Option<usize>,
        checked_ago: Option<i64>,
    ) {
        let n = self.plan.measures.len() + 1;
        let (name, unit, direction, target, current) = what;
        self.plan.measures.push(SuccessMeasure {
            id: id("msr", self.p, n),
            name: name.into(),
            target: Some(target),
            current,
            unit: unit.into(),
            direction,
            method: "Monthly report".into(),
            evaluator: evaluator.map(|c| self.con(c)),
            rhythm: Rhythm::Quarterly,
            last_checked: checked_ago.map(|a| self.day(-a)),
            goal: goal.map(|g| id("goal", self.p, g)),
            updated_at: None,
        });
    }

    /// `(name, goal, dimension, value, stage, probability)`, days since created, days to close.
    fn opp(
        &mut self,
        what: (&str, Option<usize>, Dimension, f64, Stage, f64),
        created_ago: i64,
        close_in: i64,
        next_step: &str,
    ) {
        let n = self.plan.opportunities.len() + 1;
        let (name, goal, dimension, value, stage, probability) = what;
        self.plan.opportunities.push(Opportunity {
            id: id("opp", self.p, n),
            name: name.into(),
            goal: goal.map(|g| id("goal", self.p, g)),
            dimension,
            value: Some(value),
            stage,
            probability,
            created_on: Some(self.day(-created_ago)),
            close_date: Some(self.day(close_in)),
            next_step: next_step.into(),
            owner: Some(self.owner.clone()),
            updated_at: None,
        });
    }

    /// An action created `created_ago` days ago, due in `due_in` days (negative: past);
    /// done `done_ago` days ago when given.
    fn action(
        &mut self,
        title: &str,
        created_ago: i64,
        due_in: i64,
        done_ago: Option<i64>,
        link: Option<ActionLink>,
    ) {
        let n = self.plan.actions.len() + 1;
        let status = if done_ago.is_some() {
            ActionStatus::Done
        } else if due_in < 0 {
            ActionStatus::InProgress
        } else {
            ActionStatus::Open
        };
        self.plan.actions.push(Action {
            id: id("act", self.p, n),
            title: title.into(),
            owner: Some(self.owner.clone()),
            created_on: Some(self.day(-created_ago)),
            due: Some(self.day(due_in)),
            status,
            completed_on: done_ago.map(|a| self.day(-a)),
            link,
            updated_at: None,
        });
    }

    fn goal_link(&self, n: usize) -> Option<ActionLink> {
        Some(ActionLink::Goal(id("goal", self.p, n)))
    }
    fn opp_link(&self, n: usize) -> Option<ActionLink> {
        Some(ActionLink::Opportunity(id("opp", self.p, n)))
    }
    fn measure_link(&self, n: usize) -> Option<ActionLink> {
        Some(ActionLink::Measure(id("msr", self.p, n)))
    }

    /// A cadence meeting; `held_ago` lists days since each time it took place.
    fn meeting(
        &mut self,
        ty: &str,
        attendees: &[usize],
        accepted: bool,
        next_in: Option<i64>,
        held_ago: &[i64],
    ) {
        let n = self.plan.cadence.len() + 1;
        let (title, recurrence) = match ty {
            "qbr" => ("Quarterly business review", Rhythm::Quarterly),
            "ops" => ("Monthly operational call", Rhythm::Monthly),
            _ => ("Executive sponsor meeting", Rhythm::HalfYearly),
        };
        let mut held: Vec<NaiveDate> = held_ago.iter().map(|&a| self.day(-a)).collect();
        held.sort_unstable();
        self.plan.cadence.push(Meeting {
            id: id("mtg", self.p, n),
            title: title.into(),
            meeting_type: Some(Id(format!("mt-{ty}"))),
            attendees: attendees.iter().map(|&c| self.con(c)).collect(),
            internal_attendees: vec![self.owner.clone()],
            recurrence,
            next_date: next_in.map(|d| self.day(d)),
            accepted_by_all: accepted,
            held,
            updated_at: None,
        });
    }

    fn role(&mut self, member: &str, role: &str, sponsor_of: Option<usize>, duties: &str) {
        let n = self.plan.team.len() + 1;
        self.plan.team.push(TeamRole {
            id: id("role", self.p, n),
            member: Some(Id::new(member)),
            role: role.into(),
            responsibilities: duties.into(),
            executive_sponsor: sponsor_of.is_some(),
            counterpart: sponsor_of.map(|c| self.con(c)),
            updated_at: None,
        });
    }

    /// Revenue with actuals for the quarters already past, at `pace` of the commitment.
    fn revenue(&mut self, fy_month: u8, last_year: f64, commitment: f64, growth: f64, pace: f64) {
        let fy = fiscal_year_start(self.today, fy_month);
        self.plan.revenue = Revenue {
            last_year: Some(last_year),
            commitment: Some(commitment),
            growth_target: Some(growth),
            quarterly_actuals: past_quarter_actuals(fy, self.today, commitment, || pace),
        };
    }

    /// A contract that ends in `ends_in` days after running `years` years.
    fn contract(
        &mut self,
        ends_in: i64,
        years: i64,
        notice: u32,
        status: RenewalStatus,
        risk: Risk,
        notes: &str,
    ) {
        let end = self.day(ends_in);
        self.plan.contract = Contract {
            start_date: Some(end - Duration::days(365 * years)),
            end_date: Some(end),
            notice_days: Some(notice),
            value: self.plan.revenue.commitment.map(|c| c * years as f64),
            renewal_status: status,
            risk,
            notes: notes.into(),
            updated_at: None,
        };
    }

    fn feedback(&mut self, start: &[&str], stop: &[&str], keep: &[&str], source: usize, ago: i64) {
        let mut k = 0;
        let mut items = |texts: &[&str]| -> Vec<FeedbackItem> {
            texts
                .iter()
                .map(|t| {
                    k += 1;
                    FeedbackItem {
                        id: id("fb", self.p, k),
                        text: (*t).into(),
                        source_contact: Some(self.con(source)),
                        date: Some(self.day(-ago)),
                        updated_at: None,
                    }
                })
                .collect()
        };
        let (start, stop, keep) = (items(start), items(stop), items(keep));
        self.plan.feedback.start = start;
        self.plan.feedback.stop = stop;
        self.plan.feedback.keep = keep;
    }

    /// White space rows and cells: `(unit, offering, status, value, competitor)`.
    fn white_space(
        &mut self,
        units: &[&str],
        cells: &[(usize, &str, CellStatus, f64, Option<&str>)],
    ) {
        self.plan.white_space.units = units
            .iter()
            .enumerate()
            .map(|(k, u)| Term {
                id: id("unit", self.p, k + 1),
                name: (*u).into(),
            })
            .collect();
        self.plan.white_space.cells = cells
            .iter()
            .map(|&(u, off, status, value, competitor)| WhiteSpaceCell {
                unit: id("unit", self.p, u),
                offering: Id(format!("off-{off}")),
                status,
                value: (value > 0.0).then_some(value),
                competitor: competitor.map(str::to_string),
                note: String::new(),
                updated_at: None,
            })
            .collect();
    }

    /// A review with a snapshot; components in `ComponentKind::ALL` order (`NA`: absent).
    /// The snapshot leaves out the last `newer` contacts, goals and opportunities, which
    /// were added after the review.
    fn review(
        &mut self,
        ago: i64,
        kind: ReviewKind,
        overall: u8,
        comps: [u8; 8],
        newer: usize,
        notes: &str,
    ) {
        let n = self.plan.reviews.len() + 1;
        let refs = |items: Vec<(Id, String)>| -> Vec<NamedRef> {
            let keep = items.len().saturating_sub(newer);
            items
                .into_iter()
                .take(keep)
                .map(|(id, name)| NamedRef { id, name })
                .collect()
        };
        let plan = &self.plan;
        let snapshot = ScoreSnapshot {
            overall: Some(overall),
            components: ComponentKind::ALL
                .into_iter()
                .zip(comps)
                .filter(|(_, v)| *v != NA)
                .collect(),
            contacts: refs(
                plan.contacts
                    .iter()
                    .map(|c| (c.id.clone(), c.name.clone()))
                    .collect(),
            ),
            goals: refs(
                plan.goals
                    .iter()
                    .map(|g| (g.id.clone(), g.title.clone()))
                    .collect(),
            ),
            opportunities: refs(
                plan.opportunities
                    .iter()
                    .map(|o| (o.id.clone(), o.name.clone()))
                    .collect(),
            ),
        };
        let reviewer = if kind == ReviewKind::Coaching {
            Id::new(LEAD)
        } else {
            self.owner.clone()
        };
        self.plan.reviews.push(Review {
            id: id("rev", self.p, n),
            date: Some(self.day(-ago)),
            kind,
            reviewer: Some(reviewer),
            notes: notes.into(),
            parts: PlanPart::ALL.to_vec(),
            answers: Vec::new(),
            follow_ups: Vec::new(),
            snapshot: Some(snapshot),
            updated_at: None,
        });
    }

    /// Marks every part reviewed, the first `ago` days ago and each next one a day later.
    fn reviewed_all(&mut self, ago: i64) {
        for (k, part) in PlanPart::ALL.into_iter().enumerate() {
            let when = self.day(-(ago - (k as i64) % 3).max(0));
            self.plan.reviewed.insert(part, when);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        self,
        name: &str,
        industry: &str,
        segment: Segment,
        fy_month: u8,
        created_ago: i64,
        notes: &str,
    ) -> Account {
        Account {
            id: Id(format!("acc-demo-{}", self.p)),
            name: name.into(),
            industry: industry.into(),
            segment,
            owner: Some(self.owner.clone()),
            fiscal_year_start_month: fy_month,
            notes: notes.into(),
            archived: false,
            created_on: Some(self.day(-created_ago)),
            updated_at: None,
            plan: self.plan,
        }
    }
}

use DecisionRole::{Coach, DecisionMaker, Gatekeeper, Influencer, User};
use InteractionKind::{Call, Email, Event, Meeting as Mtg};
use Stance::{Champion, Neutral, Skeptic, Supporter};

#[rustfmt::skip]
/// Thriving: broad coverage including executives, cadence held, measures on target.
fn harborview(today: NaiveDate) -> Account {
    let mut b = B::new("hv", today, PRIYA, 1);
    b.revenue(1, 2_200_000.0, 2_400_000.0, 300_000.0, 1.04);
    b.contact("Elaine Marsh", "Chief Executive Officer", "exec", "exec", DecisionMaker, Supporter, 4, None, "Keeping two new clinics on budget");
    b.contact("Raymond Cho", "Chief Financial Officer", "finance", "exec", DecisionMaker, Champion, 5, Some(1), "Cutting administrative cost per patient visit");
    b.contact("Nadia Okonkwo", "Chief Information Officer", "it", "exec", DecisionMaker, Supporter, 4, Some(1), "Retiring the old scheduling system");
    b.contact("Felix Arden", "Director of Clinical Operations", "ops", "senior", Influencer, Champion, 5, Some(1), "Staffing the new clinics");
    b.contact("Grace Liu", "IT Infrastructure Manager", "it", "manager", Coach, Champion, 4, Some(3), "Migrating without downtime");
    b.contact("Marco Bellini", "Head of Procurement", "procurement", "senior", Gatekeeper, Neutral, 3, Some(2), "Fewer, larger suppliers");
    b.contact("Hannah Vos", "Finance Manager", "finance", "manager", User, Supporter, 3, Some(2), "Faster month-end close");
    b.contact("Owen Pryce", "Operations Manager", "ops", "manager", User, Supporter, 3, Some(4), "Patient wait times");
    b.contact("Lea Santos", "Data Analyst", "it", "staff", User, Supporter, 2, Some(5), "Too many manual reports");
    for (ago, who, kind, note) in [
        (170, &[1, 2][..], Mtg, "Annual planning: goals for the year and the two new clinics"),
        (150, &[5, 9], Call, "Scheduling migration: data mapping"),
        (128, &[4, 8], Mtg, "Clinic opening checklist walk-through"),
        (110, &[6], Call, "Procurement framework renewal questions"),
        (96, &[3, 5], Mtg, "Architecture review for the scheduling replacement"),
        (80, &[1, 2, 3, 4], Mtg, "Quarterly business review"),
        (71, &[7], Email, "Sent the admin-hours savings report"),
        (63, &[2], Mtg, "Executive sponsor meeting with Morgan"),
        (52, &[4, 8], Call, "First clinic live: feedback from operations"),
        (41, &[5, 9], Call, "Monthly operational call"),
        (33, &[6, 7], Mtg, "Pricing for premium support at the new clinics"),
        (26, &[3], Call, "Migration cut-over plan agreed"),
        (18, &[1, 4], Event, "Healthcare leaders breakfast"),
        (11, &[5, 9], Call, "Monthly operational call"),
        (6, &[2, 7], Mtg, "Savings review with finance"),
        (2, &[3, 5], Email, "Go-live date confirmed"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Open two community clinics this year", GoalKind::Initiative, Some(1), "Both clinics live and fully staffed by autumn.");
    b.goal("Cut administrative cost per patient visit by 8%", GoalKind::Goal, Some(2), "Measured by finance every quarter.");
    b.goal("Replace the patient scheduling system", GoalKind::SpecialProject, Some(3), "The old system is out of support next year.");
    b.measure(("Scheduling system uptime", "%", Direction::HigherIsBetter, 99.9, Some(99.95)), Some(3), Some(3), Some(20));
    b.measure(("Admin hours saved per month", "hours", Direction::HigherIsBetter, 1200.0, Some(1340.0)), Some(2), Some(2), Some(25));
    b.measure(("Clinic onboarding time", "days", Direction::LowerIsBetter, 30.0, Some(26.0)), Some(4), Some(1), Some(40));
    b.opp(("Capacity analytics for clinics", Some(1), Dimension::Grow, 180_000.0, Stage::Proposed, 0.6), 90, 45, "Present the business case to Raymond");
    b.opp(("Scheduling migration services", Some(3), Dimension::Win, 150_000.0, Stage::Negotiation, 0.75), 120, 20, "Agree the statement of work");
    b.opp(("Premium support for the new clinics", Some(1), Dimension::Grow, 90_000.0, Stage::Qualified, 0.4), 35, 75, "Send the support proposal to Marco");
    b.action("Prepare the QBR deck", 95, -82, Some(83), b.opp_link(1));
    b.action("Send the admin-hours savings report", 80, -70, Some(71), b.measure_link(2));
    b.action("Book the executive sponsor meeting", 75, -65, Some(70), b.goal_link(1));
    b.action("Agree the migration cut-over plan", 40, -25, Some(26), b.opp_link(2));
    b.action("Draft the premium support proposal", 10, 9, None, b.opp_link(3));
    b.action("Plan the next QBR agenda with Raymond", 5, 10, None, b.goal_link(2));
    b.meeting("qbr", &[1, 2, 3, 4], true, Some(12), &[262, 171, 80]);
    b.meeting("ops", &[5, 9], true, Some(19), &[131, 101, 71, 41, 11]);
    b.meeting("exec", &[2], true, Some(120), &[245, 63]);
    b.role(PRIYA, "Account manager", None, "Owns the plan and the relationship");
    b.role(LEAD, "Executive sponsor", Some(2), "Meets the CFO twice a year");
    b.role(SOFIA, "Solutions specialist", None, "Scheduling migration design");
    b.contract(700, 3, 90, RenewalStatus::NotStarted, Risk::Low, "Three-year framework agreement.");
    b.feedback(
        &["Share benchmarks from other hospital groups"],
        &["Sending separate invoices per clinic"],
        &["The monthly savings report", "Named support engineer"],
        2,
        170,
    );
    b.white_space(
        &["Main hospital", "Community clinics", "Shared services"],
        &[
            (1, "core", CellStatus::Sold, 900_000.0, None),
            (1, "analytics", CellStatus::InProgress, 180_000.0, None),
            (1, "support", CellStatus::Sold, 120_000.0, None),
            (2, "core", CellStatus::Sold, 300_000.0, None),
            (2, "support", CellStatus::Open, 90_000.0, None),
            (3, "services", CellStatus::Competitor, 60_000.0, Some("Keystone Data")),
            (3, "analytics", CellStatus::Open, 70_000.0, None),
        ],
    );
    b.review(75, ReviewKind::Quarterly, 72, [70, 68, 75, 65, 80, 60, 78, 85], 1, "Good start; pipeline thin on the clinics.");
    b.review(40, ReviewKind::Coaching, 79, [78, 74, 82, 75, 84, 72, 80, 90], 1, "Sourced every goal; add procurement to the map.");
    b.review(8, ReviewKind::Monthly, 86, [88, 82, 92, 90, 88, 85, 84, 96], 0, "On track on all fronts.");
    b.reviewed_all(8);
    b.finish("Harborview Health Network", "Healthcare", Segment::Strategic, 1, 1500, "Regional hospital group with 14 sites.")
}

#[rustfmt::skip]
/// In a rut: two friendly staff contacts take all touches; the decision maker is a skeptic.
fn brightwell(today: NaiveDate) -> Account {
    let mut b = B::new("bw", today, DANIEL, 1);
    b.revenue(1, 700_000.0, 720_000.0, 120_000.0, 0.95);
    b.contact("Irene Kowalczyk", "Director of Purchasing", "procurement", "senior", DecisionMaker, Skeptic, 1, None, "Proving savings from the supplier review");
    b.contact("Jamie Fletcher", "Purchasing Coordinator", "procurement", "staff", User, Champion, 5, Some(1), "Chasing late deliveries");
    b.contact("Tom Becker", "Production Planner", "ops", "staff", Coach, Champion, 5, None, "Planning with spreadsheets");
    b.contact("Lukas Meyer", "Plant Manager", "ops", "manager", Influencer, Neutral, 2, None, "Line downtime");
    for (ago, who, kind, note) in [
        (118, &[2, 3][..], Mtg, "Lunch with Jamie and Tom"),
        (104, &[2], Call, "Delivery issue on the March order"),
        (92, &[3], Email, "Sent the planning template"),
        (85, &[2, 3], Mtg, "Site visit, coffee with the planning team"),
        (77, &[2], Call, "Invoice question"),
        (66, &[3], Call, "Tom asked about a new report"),
        (58, &[2], Email, "Price list for next year"),
        (49, &[2, 3], Mtg, "Monthly operational call"),
        (40, &[2], Email, "Jamie says Irene declined the QBR invitation"),
        (33, &[3], Call, "Report fix delivered"),
        (24, &[2], Call, "Reorder confirmation"),
        (19, &[2, 3], Mtg, "Monthly operational call"),
        (9, &[2], Email, "Jamie forwarded the supplier review timeline"),
        (3, &[3], Call, "Chat about the new plant line"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Reduce packaging waste by 15%", GoalKind::Goal, Some(3), "Heard from Tom; not yet confirmed by management.");
    b.goal("Consolidate suppliers", GoalKind::Initiative, None, "Our assumption from the supplier review.");
    b.measure(("Order fill rate", "%", Direction::HigherIsBetter, 98.0, Some(96.5)), Some(2), None, Some(50));
    b.measure(("Invoice accuracy", "%", Direction::HigherIsBetter, 99.0, None), None, Some(2), None);
    b.opp(("Premium support upgrade", None, Dimension::Grow, 40_000.0, Stage::Identified, 0.2), 60, 90, "Ask Jamie who decides");
    b.opp(("Demand planning analytics", Some(1), Dimension::Win, 60_000.0, Stage::Qualified, 0.3), 45, 120, "Demo for Tom's team");
    b.action("Ask Jamie for an introduction to the COO", 50, -14, None, b.goal_link(2));
    b.action("Send the fill-rate report", 40, -30, Some(31), b.measure_link(1));
    b.action("Meet Irene about the supplier review", 20, 12, None, b.goal_link(2));
    b.meeting("ops", &[2, 3], true, Some(11), &[109, 79, 49, 19]);
    b.meeting("qbr", &[1, 2], false, Some(20), &[150]);
    b.role(DANIEL, "Account manager", None, "Owns the plan and the relationship");
    b.contract(400, 2, 60, RenewalStatus::NotStarted, Risk::Medium, "Supplier review under way.");
    b.feedback(&["Visit the plant more often"], &[], &["Quick answers from Daniel"], 2, 118);
    b.white_space(
        &["Main plant", "Distribution"],
        &[
            (1, "core", CellStatus::Sold, 500_000.0, None),
            (1, "analytics", CellStatus::Open, 60_000.0, None),
            (2, "core", CellStatus::Competitor, 150_000.0, Some("Orbital Soft")),
            (2, "support", CellStatus::Open, 40_000.0, None),
        ],
    );
    b.review(95, ReviewKind::Monthly, 66, [55, 60, 62, 58, 75, 55, 70, 80], 0, "Friendly account, little access.");
    b.review(62, ReviewKind::Coaching, 61, [48, 45, 60, 55, 72, 50, 68, 78], 0, "Who have you met beyond Jamie and Tom?");
    b.review(30, ReviewKind::Monthly, 55, [40, 30, 58, 50, 70, 45, 65, 75], 0, "Still no meeting with Irene.");
    b.reviewed_all(30);
    b.finish("Brightwell Foods", "Food & beverage", Segment::Key, 1, 1100, "Regional snack and bakery producer.")
}

#[rustfmt::skip]
/// Renewal at risk: contract ends in 58 days, no executive sponsor meeting, QBR overdue.
fn meridian(today: NaiveDate) -> Account {
    let mut b = B::new("mf", today, PRIYA, 1);
    b.revenue(1, 950_000.0, 900_000.0, 150_000.0, 0.85);
    b.contact("Carla Jimenez", "Chief Operating Officer", "ops", "exec", DecisionMaker, Neutral, 2, None, "Cutting empty miles across the fleet");
    b.contact("Benedikt Roth", "Head of IT", "it", "senior", Influencer, Supporter, 4, Some(1), "Moving dispatch to the cloud");
    b.contact("Aisha Rahman", "Fleet Operations Manager", "ops", "manager", Coach, Champion, 4, Some(1), "Driver shortages");
    b.contact("Gordon Pike", "Procurement Manager", "procurement", "manager", Gatekeeper, Skeptic, 2, None, "Renegotiating every contract by 10%");
    b.contact("Mei Tanaka", "Dispatcher", "ops", "staff", User, Supporter, 3, Some(3), "Too many screens to dispatch one truck");
    for (ago, who, kind, note) in [
        (205, &[1, 2][..], Mtg, "Annual plan meeting with Carla"),
        (190, &[1, 2, 3], Mtg, "Quarterly business review"),
        (150, &[3, 5], Call, "Dispatch screen feedback"),
        (120, &[2], Call, "Cloud migration questions"),
        (100, &[2, 3], Mtg, "Quarterly business review (Carla sent apologies)"),
        (75, &[3, 5], Call, "Monthly operational call"),
        (47, &[3, 5], Call, "Monthly operational call"),
        (30, &[4], Email, "Gordon asked for renewal pricing and a 12% discount"),
        (21, &[2], Call, "Benedikt mentioned a competitor demo"),
        (16, &[3, 5], Call, "Monthly operational call"),
        (5, &[4], Call, "Procurement wants a proposal within two weeks"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Cut empty miles by 12%", GoalKind::Goal, Some(1), "Carla's headline goal for the year.");
    b.goal("Move dispatch to the cloud", GoalKind::Initiative, Some(2), "Board-approved, vendor not yet chosen.");
    b.measure(("On-time delivery", "%", Direction::HigherIsBetter, 95.0, Some(91.0)), Some(3), Some(1), Some(45));
    b.measure(("Dispatch system uptime", "%", Direction::HigherIsBetter, 99.5, Some(99.6)), Some(2), Some(2), Some(45));
    b.opp(("Route optimisation analytics", Some(1), Dimension::Grow, 110_000.0, Stage::Qualified, 0.35), 140, 60, "Show the empty-miles model to Carla");
    b.opp(("Cloud dispatch migration", Some(2), Dimension::Win, 85_000.0, Stage::Proposed, 0.5), 110, 40, "Answer Benedikt's security questions");
    b.action("Draft the renewal proposal", 25, -6, None, b.goal_link(2));
    b.action("Book an executive sponsor meeting with Carla", 60, -12, None, b.goal_link(1));
    b.action("Send the on-time delivery report", 50, -40, Some(42), b.measure_link(1));
    b.action("Prepare the competitor comparison", 20, 5, None, b.opp_link(2));
    b.meeting("qbr", &[1, 2, 3], true, Some(-9), &[190, 100]);
    b.meeting("ops", &[3, 5], true, Some(14), &[75, 47, 16]);
    b.role(PRIYA, "Account manager", None, "Owns the plan and the renewal");
    b.role(SOFIA, "Solutions specialist", None, "Cloud dispatch design");
    b.contract(58, 3, 60, RenewalStatus::InDiscussion, Risk::High, "Procurement has asked two competitors for quotes.");
    b.feedback(&["Show us the value in numbers"], &["Slow answers on security questions"], &["Aisha's weekly check-ins"], 3, 190);
    b.white_space(
        &["Road freight", "Warehousing"],
        &[
            (1, "core", CellStatus::Sold, 700_000.0, None),
            (1, "analytics", CellStatus::Open, 110_000.0, None),
            (2, "core", CellStatus::Competitor, 200_000.0, Some("Vantage Cloud")),
            (2, "services", CellStatus::NotApplicable, 0.0, None),
        ],
    );
    b.review(100, ReviewKind::Quarterly, 70, [68, 66, 72, 70, 75, 65, 70, 80], 0, "Renewal next; get Carla into a meeting.");
    b.review(55, ReviewKind::Coaching, 58, [55, 55, 55, 60, 62, 55, 55, 70], 0, "What is your plan if procurement runs a tender?");
    b.review(20, ReviewKind::Monthly, 47, [45, 50, 35, 55, 48, 50, 40, 72], 0, "QBR slipped; discount pressure.");
    b.reviewed_all(20);
    b.finish("Meridian Freight", "Logistics", Segment::Key, 1, 1150, "Road freight and warehousing, 600 trucks.")
}

#[rustfmt::skip]
/// Stale plan: nothing reviewed for over four months, overdue actions.
fn copperleaf(today: NaiveDate) -> Account {
    let mut b = B::new("cl", today, DANIEL, 4);
    b.revenue(4, 400_000.0, 420_000.0, 60_000.0, 0.9);
    b.contact("Hugo Lindqvist", "Managing Director", "exec", "exec", DecisionMaker, Supporter, 3, None, "Winning the rail contract");
    b.contact("Sean Doyle", "Finance Director", "finance", "senior", Influencer, Neutral, 2, Some(1), "Rolling forecasts");
    b.contact("Petra Novak", "Engineering Manager", "it", "manager", Coach, Champion, 4, Some(1), "Machine downtime");
    b.contact("Yusuf Demir", "Maintenance Planner", "ops", "staff", User, Supporter, 3, Some(3), "Paper work orders");
    for (ago, who, kind, note) in [
        (260, &[1, 3][..], Mtg, "Kick-off of the year's plan"),
        (230, &[2], Call, "Budget timing"),
        (200, &[3, 4], Mtg, "Downtime workshop"),
        (160, &[1, 2, 3], Mtg, "Quarterly business review"),
        (120, &[3], Email, "Pilot proposal sent"),
        (70, &[4], Call, "Support ticket follow-up"),
        (25, &[3], Call, "Petra asked where the pilot stands"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Halve unplanned machine downtime", GoalKind::Goal, Some(1), "Needed for the rail contract.");
    b.goal("Move to monthly rolling forecasts", GoalKind::MeasurementChange, Some(2), "Finance changes how it plans.");
    b.measure(("Unplanned downtime", "hours/month", Direction::LowerIsBetter, 40.0, Some(55.0)), Some(3), Some(1), Some(170));
    b.opp(("Predictive maintenance pilot", Some(1), Dimension::Grow, 70_000.0, Stage::Qualified, 0.3), 200, 30, "Agree pilot scope with Petra");
    b.opp(("Forecasting add-on", Some(2), Dimension::Engage, 25_000.0, Stage::Identified, 0.15), 150, 90, "Meet Sean");
    b.action("Agree the pilot scope", 190, -90, None, b.opp_link(1));
    b.action("Send the downtime baseline", 170, -60, None, b.measure_link(1));
    b.action("Introduce our analytics lead to Sean", 150, -30, None, b.opp_link(2));
    b.action("Run the downtime workshop", 230, -200, Some(200), b.goal_link(1));
    b.meeting("qbr", &[1, 2, 3], true, Some(-70), &[250, 160]);
    b.role(DANIEL, "Account manager", None, "Owns the plan and the relationship");
    b.contract(260, 2, 90, RenewalStatus::NotStarted, Risk::Medium, "");
    b.feedback(&["Bring a maintenance expert"], &[], &["Training on site"], 1, 260);
    b.white_space(
        &["Main works"],
        &[
            (1, "core", CellStatus::Sold, 350_000.0, None),
            (1, "analytics", CellStatus::InProgress, 70_000.0, None),
            (1, "support", CellStatus::Open, 30_000.0, None),
        ],
    );
    b.review(240, ReviewKind::Quarterly, 64, [60, 62, 70, 55, 72, 58, 66, 80], 1, "Pilot is the focus.");
    b.review(150, ReviewKind::Monthly, 60, [58, 60, 62, 50, 70, 55, 55, 70], 0, "Pilot scope still open.");
    b.reviewed_all(150);
    b.finish("Copperleaf Engineering", "Manufacturing", Segment::Growth, 4, 900, "Precision parts for rail and aerospace.")
}

#[rustfmt::skip]
/// New account: barely filled in.
fn lumina(today: NaiveDate) -> Account {
    let mut b = B::new("ll", today, SOFIA, 1);
    b.contact("Dana Whitfield", "Director of IT", "it", "senior", Influencer, Supporter, 3, None, "Moving three campuses to one platform");
    b.contact("Ravi Menon", "Procurement Officer", "procurement", "staff", Gatekeeper, Neutral, 2, None, "");
    b.touch(5, &[1], Call, "Introductory call after the contract signature");
    b.finish("Lumina Learning", "Education", Segment::Growth, 1, 9, "Signed last week; plan to be built.")
}

#[rustfmt::skip]
/// Average: reasonable coverage, some gaps, one overdue action.
fn stonebridge(today: NaiveDate) -> Account {
    let mut b = B::new("sb", today, SOFIA, 1);
    b.revenue(1, 500_000.0, 530_000.0, 80_000.0, 0.97);
    b.contact("Ingrid Solberg", "Chief Financial Officer", "finance", "exec", DecisionMaker, Neutral, 3, None, "Margin pressure from lower rates");
    b.contact("Marcus Reid", "Head of Member Services", "ops", "senior", Influencer, Supporter, 4, Some(1), "Shorter waits in branches");
    b.contact("Chen Wei", "IT Service Manager", "it", "manager", Coach, Champion, 4, None, "Legacy core banking");
    b.contact("Olivia Grant", "Branch Operations Manager", "ops", "manager", User, Supporter, 3, Some(2), "Staff turnover");
    b.contact("Patrick Moore", "Vendor Manager", "procurement", "manager", Gatekeeper, Neutral, 2, Some(1), "Vendor risk reviews");
    b.contact("Sara Holt", "Service Desk Analyst", "it", "staff", User, Supporter, 3, Some(3), "");
    for (ago, who, kind, note) in [
        (160, &[1, 2][..], Mtg, "Annual planning"),
        (130, &[3, 6], Call, "Service desk review"),
        (100, &[2, 4], Mtg, "Branch visit"),
        (85, &[1, 3], Mtg, "Quarterly business review"),
        (60, &[5], Email, "Vendor risk questionnaire returned"),
        (44, &[3], Call, "Upgrade planning"),
        (30, &[3, 6], Call, "Service desk review"),
        (12, &[2, 4], Call, "Member wait-time figures"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Cut branch wait times to under 10 minutes", GoalKind::Goal, Some(2), "Member satisfaction driver.");
    b.goal("Replace the core banking system", GoalKind::SpecialProject, Some(3), "Three-year programme.");
    b.goal("Grow mobile banking users by 20%", GoalKind::Goal, None, "Assumed from their annual report.");
    b.measure(("Average branch wait", "minutes", Direction::LowerIsBetter, 10.0, Some(12.0)), Some(2), Some(1), Some(60));
    b.measure(("Service desk first-time fix", "%", Direction::HigherIsBetter, 80.0, Some(83.0)), Some(3), None, Some(30));
    b.opp(("Queue analytics for branches", Some(1), Dimension::Grow, 45_000.0, Stage::Qualified, 0.4), 70, 60, "Pilot in two branches");
    b.opp(("Core banking integration services", Some(2), Dimension::Win, 30_000.0, Stage::Identified, 0.2), 40, 150, "Meet the programme lead");
    b.action("Share wait-time benchmark", 30, -5, None, b.measure_link(1));
    b.action("Run the branch pilot plan", 20, 25, None, b.opp_link(1));
    b.action("Send QBR notes", 84, -78, Some(80), b.goal_link(1));
    b.meeting("qbr", &[1, 2, 3], true, Some(5), &[175, 85]);
    b.meeting("ops", &[3, 6], false, Some(14), &[130, 30]);
    b.role(SOFIA, "Account manager", None, "Owns the plan and the relationship");
    b.role(LEAD, "Executive sponsor", Some(1), "Yearly meeting with the CFO");
    b.contract(300, 3, 90, RenewalStatus::NotStarted, Risk::Low, "");
    b.feedback(&["Visit more branches"], &["Jargon in reports"], &["Quick upgrades"], 2, 160);
    b.white_space(
        &["Branches", "Head office"],
        &[
            (1, "core", CellStatus::Sold, 250_000.0, None),
            (1, "analytics", CellStatus::Open, 45_000.0, None),
            (2, "core", CellStatus::Sold, 200_000.0, None),
            (2, "services", CellStatus::Open, 30_000.0, None),
            (2, "support", CellStatus::Competitor, 50_000.0, Some("Acmetrics")),
        ],
    );
    b.review(80, ReviewKind::Quarterly, 60, [58, 62, 60, NA, 70, 50, 60, 70], 1, "Measures not yet agreed.");
    b.review(45, ReviewKind::Monthly, 63, [60, 64, 62, 55, 72, 52, 62, 72], 0, "Measures agreed with Marcus and Chen.");
    b.review(15, ReviewKind::Monthly, 62, [60, 65, 60, 58, 70, 50, 58, 75], 0, "Wait times still above target.");
    for (part, ago) in [
        (PlanPart::Revenue, 15), (PlanPart::Goals, 45), (PlanPart::SuccessMeasures, 15),
        (PlanPart::Feedback, 80), (PlanPart::Contacts, 15), (PlanPart::WhiteSpace, 80),
        (PlanPart::Opportunities, 45), (PlanPart::Actions, 15), (PlanPart::Cadence, 45),
        (PlanPart::Team, 80), (PlanPart::Contract, 80),
    ] {
        b.plan.reviewed.insert(part, b.day(-ago));
    }
    b.finish("Stonebridge Credit Union", "Financial services", Segment::Key, 1, 1300, "Member-owned bank with 22 branches.")
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
