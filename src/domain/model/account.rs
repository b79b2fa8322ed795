//! A customer account and its plan for the year.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Action, ClosedPlan, Contact, Contract, Contributors, Feedback, Goal, Id, Interaction, Meeting,
    Opportunity, PlanPart, Revenue, Review, Segment, SuccessMeasure, TeamRole, Timestamp,
    Tombstone, WhiteSpace,
};
use crate::domain::dates;

/// A customer, with its current account plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Account {
    pub id: Id,
    pub name: String,
    pub industry: String,
    pub segment: Segment,
    /// The team member who owns the account.
    pub owner: Option<Id>,
    /// Month (1–12) the customer's fiscal year starts.
    pub fiscal_year_start_month: u8,
    pub notes: String,
    pub archived: bool,
    #[serde(deserialize_with = "dates::opt_day")]
    pub created_on: Option<NaiveDate>,
    /// The last change to anything of the account (its plan included).
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
    /// The last change to the account's own fields (its details: name, industry, segment,
    /// owner, fiscal year, notes, archived, the plan's year and contributors), which merge as one
    /// entity.
    #[serde(
        deserialize_with = "dates::opt_stamp",
        skip_serializing_if = "Option::is_none"
    )]
    pub details_updated_at: Option<Timestamp>,
    pub plan: AccountPlan,
    /// What was deleted from the plan, so that merges do not bring it back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
}

impl Account {
    /// A new, empty account whose plan starts in `today`'s year.
    pub fn new(id: Id, name: &str, today: NaiveDate, now: Timestamp) -> Self {
        use chrono::Datelike;
        Account {
            id,
            name: name.trim().to_string(),
            fiscal_year_start_month: 1,
            created_on: Some(today),
            updated_at: Some(now),
            details_updated_at: Some(now),
            plan: AccountPlan {
                year: today.year(),
                ..AccountPlan::default()
            },
            ..Account::default()
        }
    }
}

/// One account's plan for its current plan year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct AccountPlan {
    /// The fiscal year this plan is for (the year in which it starts).
    pub year: i32,
    pub revenue: Revenue,
    pub goals: Vec<Goal>,
    pub measures: Vec<SuccessMeasure>,
    pub feedback: Feedback,
    pub contacts: Vec<Contact>,
    pub interactions: Vec<Interaction>,
    pub white_space: WhiteSpace,
    pub opportunities: Vec<Opportunity>,
    pub actions: Vec<Action>,
    pub cadence: Vec<Meeting>,
    pub team: Vec<TeamRole>,
    pub contract: Contract,
    /// Who helped develop the plan. Not written while nobody is named: an empty member
    /// would cost every stored account about 10 characters of the localStorage quota.
    #[serde(skip_serializing_if = "Contributors::is_empty")]
    pub contributors: Contributors,
    pub reviews: Vec<Review>,
    /// When each part was last reviewed.
    #[serde(deserialize_with = "dates::day_map")]
    pub reviewed: BTreeMap<PlanPart, NaiveDate>,
    /// The plans of past years, oldest first, read-only: kept when next year's plan was
    /// started. Not written while there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<ClosedPlan>,
}
