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
        accounts: vec![harborview(today), brightwell(today)],
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
        held.sort();
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
        (40, &[1], Email, "Irene declined the QBR invitation"),
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
}
