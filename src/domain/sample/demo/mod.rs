//! The demo workspace a first visit opens with: a small team and six fictional accounts
//! of varied health, with histories dated relative to `today`. Here the team and the builder
//! the accounts are written with; the accounts themselves in `accounts`.

mod accounts;

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use super::synthetic::{fiscal_year_start, past_quarter_actuals};
use crate::domain::model::{
    Account, AccountPlan, Action, ActionLink, ActionStatus, AttendeeResponse, CellStatus,
    ClosedPlan, ComponentKind, Contact, Contract, DecisionRole, Dimension, Direction, Feedback,
    FeedbackItem, FeedbackStatus, Goal, GoalKind, Id, Impact, Interaction, InteractionKind,
    Introducer, Meeting, NamedRef, Opportunity, PlanPart, RenewalStatus, Revenue, Review,
    ReviewKind, Rhythm, Risk, ScoreSnapshot, Segment, Settings, Stage, Stance, SuccessMeasure,
    TeamMember, TeamRole, Term, WhiteSpaceCell, Workspace, SCHEMA_VERSION,
};
use accounts::{brightwell, copperleaf, harborview, lumina, meridian, stonebridge};

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
        deleted: Vec::new(),
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
            first_met: None,
            introduced_by: None,
            updated_at: None,
        });
    }

    /// Contact `n` was first met `ago` days ago, introduced by a contact (by position) or a
    /// team member (by id).
    fn met(&mut self, n: usize, ago: i64, by_contact: Option<usize>, by_member: Option<&str>) {
        let by = by_contact
            .map(|c| Introducer::Contact(self.con(c)))
            .or_else(|| by_member.map(|m| Introducer::Member(Id::new(m))));
        let first_met = Some(self.day(-ago));
        let c = &mut self.plan.contacts[n - 1];
        c.first_met = first_met;
        c.introduced_by = by;
    }

    /// What interaction `n` (1-based) was about: offerings by key ("core"), goals by
    /// position.
    fn about(&mut self, n: usize, offerings: &[&str], goals: &[usize]) {
        let mut areas: Vec<Id> = offerings.iter().map(|o| Id(format!("off-{o}"))).collect();
        areas.extend(goals.iter().map(|&g| id("goal", self.p, g)));
        self.plan.interactions[n - 1].areas = areas;
    }

    /// The account manager's ranking of the goals: positions, most important first.
    fn rank_goals(&mut self, order: &[usize]) {
        for (rank, &g) in order.iter().enumerate() {
            self.plan.goals[g - 1].rank = Some(rank as u32 + 1);
        }
    }

    /// The opportunities (by position) picked as the top aligned ones.
    fn pick_top(&mut self, opportunities: &[usize]) {
        for &o in opportunities {
            self.plan.opportunities[o - 1].top = true;
        }
    }

    /// Our own note on contact `n` (1-based): left out of the customer version.
    fn contact_note(&mut self, n: usize, note: &str) {
        self.plan.contacts[n - 1].notes = note.into();
    }

    /// Who helped develop the plan: contacts by position, team members by id.
    fn contributors(&mut self, contacts: &[usize], members: &[&str]) {
        self.plan.contributors.contacts = contacts.iter().map(|&c| self.con(c)).collect();
        self.plan.contributors.members = members.iter().map(|&m| Id::new(m)).collect();
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
            areas: Vec::new(),
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
            rank: None,
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
            ..Default::default()
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
            top: false,
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
            ..Default::default()
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
            ..Default::default()
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
            updated_at: None,
            ..Default::default()
        };
    }

    /// Last year's plan as it ended, kept when this year's was started: the same goals and
    /// measures (the measures' finals a little behind today's values), the feedback given
    /// then, and actuals adding up to last year's spend, which was `pace` of its commitment.
    fn last_year(&mut self, fy_month: u8, pace: f64, keep: &[&str]) {
        let year = self.plan.year - 1;
        let spent = self.plan.revenue.last_year.unwrap_or(0.0);
        let quarter = |share: f64| Some((spent * share / 1000.0).round() * 1000.0);
        let measures = self
            .plan
            .measures
            .iter()
            .map(|m| SuccessMeasure {
                current: m.current.map(|c| (c * 1.2).round()),
                history: Vec::new(),
                ..m.clone()
            })
            .collect();
        let feedback = keep
            .iter()
            .enumerate()
            .map(|(i, text)| FeedbackItem {
                id: id("fb", self.p, 90 + i),
                text: (*text).into(),
                source_contact: Some(self.con(1)),
                date: fiscal_year_start(self.today, fy_month)
                    .checked_sub_signed(Duration::days(300)),
                ..FeedbackItem::default()
            })
            .collect();
        self.plan.previous.push(ClosedPlan {
            id: crate::domain::plan_year::closed_plan_id(year),
            year,
            fiscal_year_start_month: fy_month,
            closed_on: Some(fiscal_year_start(self.today, fy_month)),
            revenue: Revenue {
                last_year: Some((spent * 0.9 / 1000.0).round() * 1000.0),
                commitment: Some((spent / pace / 1000.0).round() * 1000.0),
                growth_target: Some((spent * 0.1 / 1000.0).round() * 1000.0),
                quarterly_actuals: [quarter(0.24), quarter(0.25), quarter(0.25), quarter(0.26)],
                ..Revenue::default()
            },
            goals: self.plan.goals.clone(),
            measures,
            feedback: Feedback {
                keep: feedback,
                ..Feedback::default()
            },
            updated_at: None,
        });
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
                        ..Default::default()
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
            // Every demo review saw at least seven components, a contact and a commitment.
            incomplete: false,
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

    /// The commitment agreed by contact `n`, `after` days into the fiscal year.
    fn agreed(&mut self, n: usize, fy_month: u8, after: i64) {
        let fy = fiscal_year_start(self.today, fy_month);
        self.plan.revenue.agreed_by = Some(self.con(n));
        self.plan.revenue.agreed_on = Some((fy + Duration::days(after)).min(self.today));
    }

    /// The commitment is our own estimate.
    fn estimate(&mut self) {
        self.plan.revenue.estimate = true;
    }

    /// Values of measure `n` (1-based) recorded `ago` days ago, oldest first.
    fn measure_history(&mut self, n: usize, values: &[(i64, f64)]) {
        for &(ago, v) in values {
            let day = self.day(-ago);
            crate::domain::measure_values::record_value(&mut self.plan.measures[n - 1], day, v);
        }
    }

    /// Answers to meeting `n`: contacts by position, the owner as `0`.
    fn answers(&mut self, n: usize, answers: &[(usize, AttendeeResponse)]) {
        for &(who, r) in answers {
            let id = if who == 0 {
                self.owner.clone()
            } else {
                self.con(who)
            };
            crate::domain::meeting::set_response(&mut self.plan.cadence[n - 1], id, r);
        }
    }

    /// Feedback item `k` (1-based, across start, stop and keep): its status and response.
    fn feedback_answer(&mut self, k: usize, status: FeedbackStatus, response: &str) {
        let id = id("fb", self.p, k);
        let f = &mut self.plan.feedback;
        if let Some(item) = f
            .start
            .iter_mut()
            .chain(&mut f.stop)
            .chain(&mut f.keep)
            .find(|x| x.id == id)
        {
            item.status = status;
            item.response = response.into();
        }
    }

    /// Action `n` (1-based): its impact, and the feedback item `k` it answers.
    fn impact(&mut self, n: usize, impact: Impact, answers: Option<usize>) {
        let fb = answers.map(|k| id("fb", self.p, k));
        let a = &mut self.plan.actions[n - 1];
        a.impact = Some(impact);
        a.feedback = fb;
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
            details_updated_at: None,
            plan: self.plan,
            deleted: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_practices;
