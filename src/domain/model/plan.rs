//! The entities an account plan is made of, part by part: revenue, goals, measures,
//! feedback, contacts and interactions, white space, opportunities, actions, cadence, team
//! and contract.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::{
    ActionStatus, AttendeeResponse, CellStatus, DecisionRole, Dimension, Direction, FeedbackStatus,
    GoalKind, Id, Impact, InteractionKind, Money, RenewalStatus, Rhythm, Risk, Stage, Stance, Term,
    Timestamp,
};
use crate::domain::dates;

/// Revenue: last year's spend, this year's commitment and growth target, actuals per quarter
/// of the customer's fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Revenue {
    pub last_year: Option<Money>,
    /// The customer's non-binding agreement on expected spend this year.
    pub commitment: Option<Money>,
    /// Growth we aim for on top of the commitment.
    pub growth_target: Option<Money>,
    /// Actual spend per fiscal quarter (Q1..Q4); `None` until recorded.
    pub quarterly_actuals: [Option<Money>; 4],
    /// The customer contact who agreed the commitment; `None` while nobody has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreed_by: Option<Id>,
    /// When they agreed it.
    #[serde(
        deserialize_with = "dates::opt_day",
        skip_serializing_if = "Option::is_none"
    )]
    pub agreed_on: Option<NaiveDate>,
    /// The commitment is our own estimate, not the customer's word.
    #[serde(skip_serializing_if = "is_false")]
    pub estimate: bool,
    #[serde(
        deserialize_with = "dates::opt_stamp",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<Timestamp>,
}

/// What the customer is trying to achieve; an unsourced goal is a guess.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Goal {
    pub id: Id,
    pub title: String,
    pub description: String,
    pub kind: GoalKind,
    /// The contact who told us.
    pub source_contact: Option<Id>,
    /// The account manager's ranking of the customer's goals: 1 matters most; unranked
    /// goals come after the ranked ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// How the customer measures us.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SuccessMeasure {
    pub id: Id,
    pub name: String,
    pub target: Option<f64>,
    pub current: Option<f64>,
    pub unit: String,
    pub direction: Direction,
    /// How it is evaluated (report, survey, system metric…).
    pub method: String,
    /// The customer contact who evaluates it.
    pub evaluator: Option<Id>,
    pub rhythm: Rhythm,
    #[serde(deserialize_with = "dates::opt_day")]
    pub last_checked: Option<NaiveDate>,
    /// The goal it serves, if any.
    pub goal: Option<Id>,
    /// The values recorded, oldest first (one per day); the last is `current`. Data from
    /// before the history has `current` alone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<MeasureValue>,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// One value of a success measure, on the day it was measured.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MeasureValue {
    #[serde(deserialize_with = "dates::required_day")]
    pub date: NaiveDate,
    pub value: f64,
}

/// Start doing / stop doing / keep doing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Feedback {
    pub start: Vec<FeedbackItem>,
    pub stop: Vec<FeedbackItem>,
    pub keep: Vec<FeedbackItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct FeedbackItem {
    pub id: Id,
    pub text: String,
    pub source_contact: Option<Id>,
    #[serde(deserialize_with = "dates::opt_day")]
    pub date: Option<NaiveDate>,
    /// The answer to it, the customer's or ours.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub response: String,
    #[serde(skip_serializing_if = "FeedbackStatus::is_default")]
    pub status: FeedbackStatus,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// A person at the customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Contact {
    pub id: Id,
    pub name: String,
    pub title: String,
    /// A department of `Settings::departments`.
    pub department: Option<Id>,
    /// A level of `Settings::levels`.
    pub level: Option<Id>,
    pub role: Option<DecisionRole>,
    pub stance: Option<Stance>,
    /// Relationship strength, 1 (weak) to 5 (strong).
    pub strength: Option<u8>,
    /// Another contact of the same account.
    pub reports_to: Option<Id>,
    /// Our team member who owns the relationship.
    pub owner: Option<Id>,
    pub email: String,
    pub phone: String,
    pub major_challenge: String,
    pub notes: String,
    /// When we first met them: a new contact of the week or the quarter.
    #[serde(
        deserialize_with = "dates::opt_day",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_met: Option<NaiveDate>,
    /// Who referred us to them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub introduced_by: Option<Introducer>,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// Who introduced us to a contact: another contact of the account, or one of our team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Introducer {
    /// A contact of the same account.
    Contact(Id),
    /// A member of `Workspace::team`.
    Member(Id),
}

/// A dated touch with one or more contacts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Interaction {
    pub id: Id,
    #[serde(deserialize_with = "dates::opt_day")]
    pub date: Option<NaiveDate>,
    pub contacts: Vec<Id>,
    pub kind: InteractionKind,
    pub note: String,
    /// Our team member who had the touch.
    pub by: Option<Id>,
    /// The areas of opportunity it was about (the third dimension of coverage): ids of
    /// `Settings::offerings` and of the plan's goals.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Id>,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// The customer's business units × our offerings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct WhiteSpace {
    /// Rows: the customer's business units (divisions, departments, locations).
    pub units: Vec<Term>,
    /// Cells that have been filled in; a missing cell is unknown.
    pub cells: Vec<WhiteSpaceCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct WhiteSpaceCell {
    pub unit: Id,
    /// An offering of `Settings::offerings`.
    pub offering: Id,
    pub status: CellStatus,
    pub value: Option<Money>,
    pub competitor: Option<String>,
    pub note: String,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// Last year's plan, kept read-only when next year's starts (see
/// `domain::plan_year::start_next_year`): what was aimed for and how it ended, so the new plan
/// can be compared with it. Merges as one entity, by its id (`fy-<year>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ClosedPlan {
    pub id: Id,
    /// The fiscal year it was for (the year in which it started).
    pub year: i32,
    /// The month that fiscal year started in.
    pub fiscal_year_start_month: u8,
    /// The day next year's plan was started.
    #[serde(deserialize_with = "dates::opt_day")]
    pub closed_on: Option<NaiveDate>,
    /// The year's revenue: commitment, target and the actuals as they ended.
    pub revenue: Revenue,
    pub goals: Vec<Goal>,
    /// The measures with their final values.
    pub measures: Vec<SuccessMeasure>,
    pub feedback: Feedback,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// A concrete growth play, aligned to a customer goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Opportunity {
    pub id: Id,
    pub name: String,
    /// The customer goal it serves; unaligned opportunities are vendor wishes.
    pub goal: Option<Id>,
    pub dimension: Dimension,
    pub value: Option<Money>,
    pub stage: Stage,
    /// 0.0 to 1.0.
    pub probability: f64,
    #[serde(deserialize_with = "dates::opt_day")]
    pub created_on: Option<NaiveDate>,
    #[serde(deserialize_with = "dates::opt_day")]
    pub close_date: Option<NaiveDate>,
    pub next_step: String,
    pub owner: Option<Id>,
    /// Picked by the account manager as one of the top 2–3 aligned opportunities (the
    /// leader's coaching question).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub top: bool,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// What an action moves forward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum ActionLink {
    Opportunity(Id),
    Goal(Id),
    Measure(Id),
}

/// One step of the execution plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Action {
    pub id: Id,
    pub title: String,
    /// Our team member who does it.
    pub owner: Option<Id>,
    #[serde(deserialize_with = "dates::opt_day")]
    pub created_on: Option<NaiveDate>,
    #[serde(deserialize_with = "dates::opt_day")]
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    #[serde(deserialize_with = "dates::opt_day")]
    pub completed_on: Option<NaiveDate>,
    pub link: Option<ActionLink>,
    /// Its expected impact; `None` until someone judges it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact: Option<Impact>,
    /// The feedback item (start / stop / keep) it answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Id>,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// A recurring meeting of the agreed cadence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Meeting {
    pub id: Id,
    pub title: String,
    /// A meeting type of `Settings::meeting_types`.
    pub meeting_type: Option<Id>,
    /// Customer contacts who attend.
    pub attendees: Vec<Id>,
    /// Our team members who attend.
    pub internal_attendees: Vec<Id>,
    pub recurrence: Rhythm,
    #[serde(deserialize_with = "dates::opt_day")]
    pub next_date: Option<NaiveDate>,
    /// Accepted by all parties: the customer has agreed to the rhythm.
    pub accepted_by_all: bool,
    /// Dates on which it took place.
    #[serde(deserialize_with = "dates::days")]
    pub held: Vec<NaiveDate>,
    /// Each attendee's answer (customer contacts and our team members alike, by id); an
    /// attendee not listed has not answered. Once any answer is recorded, acceptance is
    /// read from them rather than from `accepted_by_all`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub responses: BTreeMap<Id, AttendeeResponse>,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// Who helped develop the plan, as the leader's coaching question asks: the customer's
/// people and ours, kept apart so that each id is checked against its own list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Contributors {
    /// Contacts of this account.
    pub contacts: Vec<Id>,
    /// Members of `Workspace::team`.
    pub members: Vec<Id>,
}

impl Contributors {
    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty() && self.members.is_empty()
    }
}

/// One of our people on the account and what they do there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TeamRole {
    pub id: Id,
    /// A member of `Workspace::team`.
    pub member: Option<Id>,
    pub role: String,
    pub responsibilities: String,
    pub executive_sponsor: bool,
    /// The customer executive this person is matched to.
    pub counterpart: Option<Id>,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Contract {
    #[serde(deserialize_with = "dates::opt_day")]
    pub start_date: Option<NaiveDate>,
    #[serde(deserialize_with = "dates::opt_day")]
    pub end_date: Option<NaiveDate>,
    pub notice_days: Option<u32>,
    pub value: Option<Money>,
    pub renewal_status: RenewalStatus,
    pub risk: Risk,
    pub notes: String,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

fn is_false(b: &bool) -> bool {
    !*b
}
