//! Reviews of a plan and the snapshot of scores and entities each one keeps.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ComponentKind, Id, PlanPart, ReviewKind, Timestamp};
use crate::domain::dates;

/// Scheduled maintenance of a plan, with a snapshot of the scores for trends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Review {
    pub id: Id,
    #[serde(deserialize_with = "dates::opt_day")]
    pub date: Option<NaiveDate>,
    pub kind: ReviewKind,
    /// The team member who led it (the leader, for a coaching review).
    pub reviewer: Option<Id>,
    pub notes: String,
    /// The parts reviewed.
    pub parts: Vec<PlanPart>,
    /// Coaching questions and the manager's answers.
    pub answers: Vec<CoachingAnswer>,
    /// Actions agreed as follow-ups (ids of `AccountPlan::actions`).
    pub follow_ups: Vec<Id>,
    pub snapshot: Option<ScoreSnapshot>,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CoachingAnswer {
    pub question: String,
    pub answer: String,
}

/// The scores and the plan's main entities at a review, so that trends and review diffs
/// can be drawn later without the plan's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ScoreSnapshot {
    pub overall: Option<u8>,
    /// The plan was too thin to judge (band Incomplete): `overall` is kept, but it is no
    /// red, amber or green, and trends do not compare with it. False in snapshots from
    /// before the rule.
    pub incomplete: bool,
    /// Components that had data at the time.
    pub components: BTreeMap<ComponentKind, u8>,
    pub contacts: Vec<NamedRef>,
    pub goals: Vec<NamedRef>,
    pub opportunities: Vec<NamedRef>,
}

/// An entity's id with its name at the time of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct NamedRef {
    pub id: Id,
    pub name: String,
}
