//! The account-planning model: every concept of the product brief's glossary as a plain,
//! serialisable type. These types are also the stored and exported format (see
//! `docs/format.md`), so a field's name is a promise: add fields with `#[serde(default)]`,
//! never rename one without a migration.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::dates;

/// The schema version this build writes. Older versions are migrated forward on load and
/// import; newer ones are refused.
pub const SCHEMA_VERSION: u32 = 1;

/// Wall-clock instant of the last change to an entity, used to merge imports.
pub type Timestamp = DateTime<Utc>;

/// An amount of money in the account's currency (whole units; cents allowed).
pub type Money = f64;

/// A stable, globally unique identifier. Ids never change once given, so that two copies
/// of a workspace can be merged entity by entity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Self {
        Id(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_string())
    }
}

/// Everything a user has: one JSON document when exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub schema_version: u32,
    /// Identifies this workspace across devices, so imports can tell "my own export" apart.
    pub id: Id,
    pub name: String,
    /// True while the workspace is the demo content a first visit opens with.
    pub demo: bool,
    pub settings: Settings,
    pub team: Vec<TeamMember>,
    /// Shared, so that a copy of the workspace (the app keeps one as what storage holds)
    /// costs a pointer per account, and an edit copies only the account it changes
    /// (`Arc::make_mut`).
    pub accounts: Vec<Arc<Account>>,
    /// When this workspace last exchanged data with another workspace (keyed by that
    /// workspace's id): the "last common" instant that tells an edit on both sides (a
    /// conflict) from an edit on one side only.
    #[serde(deserialize_with = "dates::stamp_map")]
    pub sync_marks: BTreeMap<Id, Timestamp>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            schema_version: SCHEMA_VERSION,
            id: Id::default(),
            name: "My accounts".into(),
            demo: false,
            settings: Settings::default(),
            team: Vec::new(),
            accounts: Vec::new(),
            sync_marks: BTreeMap::new(),
        }
    }
}

impl Workspace {
    pub fn account(&self, id: &Id) -> Option<&Account> {
        self.shared(id).map(|a| &**a)
    }
    /// The account as the workspace holds it, to share rather than copy.
    pub fn shared(&self, id: &Id) -> Option<&Arc<Account>> {
        self.accounts.iter().find(|a| &a.id == id)
    }
    pub fn account_mut(&mut self, id: &Id) -> Option<&mut Account> {
        self.accounts
            .iter_mut()
            .find(|a| &a.id == id)
            .map(Arc::make_mut)
    }
    pub fn member(&self, id: &Id) -> Option<&TeamMember> {
        self.team.iter().find(|m| &m.id == id)
    }
}

/// One of our own people (account manager, leader, specialist).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TeamMember {
    pub id: Id,
    pub name: String,
    pub email: String,
    pub title: String,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// Workspace settings: taxonomies, scoring weights and bands, review rhythm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The customer's departments / divisions / locations that coverage is measured over.
    pub departments: Vec<Term>,
    /// Seniority levels, most senior first.
    pub levels: Vec<LevelTerm>,
    /// Our products and services: the columns of the white-space grid.
    pub offerings: Vec<Term>,
    pub meeting_types: Vec<Term>,
    pub weights: Weights,
    pub bands: Bands,
    pub rhythm: ReviewRhythm,
    /// Currency code shown next to money (display only; no conversion).
    pub currency: String,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

/// A named entry of a taxonomy. Referenced by id so that a rename reaches every use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Term {
    pub id: Id,
    pub name: String,
}

impl Term {
    pub fn new(id: &str, name: &str) -> Self {
        Term {
            id: Id::new(id),
            name: name.into(),
        }
    }
}

/// A seniority level. `executive` marks the levels that count as executive contacts;
/// `in_coverage` marks the levels whose cells count in the coverage grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct LevelTerm {
    pub id: Id,
    pub name: String,
    pub executive: bool,
    pub in_coverage: bool,
}

impl Default for Settings {
    fn default() -> Self {
        let t = Term::new;
        let level = |id: &str, name: &str, executive: bool, in_coverage: bool| LevelTerm {
            id: Id::new(id),
            name: name.into(),
            executive,
            in_coverage,
        };
        Settings {
            departments: vec![
                t("dept-exec", "Executive office"),
                t("dept-finance", "Finance"),
                t("dept-it", "IT"),
                t("dept-ops", "Operations"),
                t("dept-procurement", "Procurement"),
            ],
            levels: vec![
                level("lvl-exec", "Executive", true, true),
                level("lvl-senior", "Senior manager", false, true),
                level("lvl-manager", "Manager", false, true),
                level("lvl-staff", "Staff", false, false),
            ],
            offerings: vec![
                t("off-core", "Core platform"),
                t("off-analytics", "Analytics"),
                t("off-support", "Premium support"),
                t("off-services", "Professional services"),
            ],
            meeting_types: vec![
                t("mt-qbr", "Quarterly business review"),
                t("mt-ops", "Monthly operational call"),
                t("mt-exec", "Executive sponsor meeting"),
            ],
            weights: Weights::default(),
            bands: Bands::default(),
            rhythm: ReviewRhythm::default(),
            currency: "USD".into(),
            updated_at: None,
        }
    }
}

/// The scorecard's components.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Coverage,
    RelationshipBalance,
    Cadence,
    SuccessMeasures,
    Revenue,
    GrowthPipeline,
    Execution,
    Freshness,
}

impl ComponentKind {
    pub const ALL: [ComponentKind; 8] = [
        ComponentKind::Coverage,
        ComponentKind::RelationshipBalance,
        ComponentKind::Cadence,
        ComponentKind::SuccessMeasures,
        ComponentKind::Revenue,
        ComponentKind::GrowthPipeline,
        ComponentKind::Execution,
        ComponentKind::Freshness,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ComponentKind::Coverage => "Coverage",
            ComponentKind::RelationshipBalance => "Relationship balance",
            ComponentKind::Cadence => "Cadence",
            ComponentKind::SuccessMeasures => "Success measures",
            ComponentKind::Revenue => "Revenue",
            ComponentKind::GrowthPipeline => "Growth pipeline",
            ComponentKind::Execution => "Execution",
            ComponentKind::Freshness => "Plan freshness",
        }
    }
}

/// The user's weight for each component; normalised over the components that have data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub coverage: f64,
    pub relationship_balance: f64,
    pub cadence: f64,
    pub success_measures: f64,
    pub revenue: f64,
    pub growth_pipeline: f64,
    pub execution: f64,
    pub freshness: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            coverage: 15.0,
            relationship_balance: 15.0,
            cadence: 10.0,
            success_measures: 15.0,
            revenue: 15.0,
            growth_pipeline: 10.0,
            execution: 10.0,
            freshness: 10.0,
        }
    }
}

impl Weights {
    pub fn get(&self, kind: ComponentKind) -> f64 {
        match kind {
            ComponentKind::Coverage => self.coverage,
            ComponentKind::RelationshipBalance => self.relationship_balance,
            ComponentKind::Cadence => self.cadence,
            ComponentKind::SuccessMeasures => self.success_measures,
            ComponentKind::Revenue => self.revenue,
            ComponentKind::GrowthPipeline => self.growth_pipeline,
            ComponentKind::Execution => self.execution,
            ComponentKind::Freshness => self.freshness,
        }
    }
    pub fn set(&mut self, kind: ComponentKind, value: f64) {
        let slot = match kind {
            ComponentKind::Coverage => &mut self.coverage,
            ComponentKind::RelationshipBalance => &mut self.relationship_balance,
            ComponentKind::Cadence => &mut self.cadence,
            ComponentKind::SuccessMeasures => &mut self.success_measures,
            ComponentKind::Revenue => &mut self.revenue,
            ComponentKind::GrowthPipeline => &mut self.growth_pipeline,
            ComponentKind::Execution => &mut self.execution,
            ComponentKind::Freshness => &mut self.freshness,
        };
        *slot = value;
    }
}

/// Red below `amber_from`, amber below `green_from`, green from there up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Bands {
    pub amber_from: u8,
    pub green_from: u8,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            amber_from: 50,
            green_from: 75,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Red,
    Amber,
    Green,
}

/// How often plans are maintained: a monthly review of the fast-moving parts and a
/// quarterly update of the whole plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewRhythm {
    pub monthly_review_days: u32,
    pub quarterly_update_days: u32,
}

impl Default for ReviewRhythm {
    fn default() -> Self {
        ReviewRhythm {
            monthly_review_days: 31,
            quarterly_update_days: 92,
        }
    }
}

/// Segment / tier of an account.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Strategic,
    Key,
    #[default]
    Growth,
    Maintain,
}

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
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
    pub plan: AccountPlan,
}

/// The plan's parts that are reviewed (and go stale) separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanPart {
    Revenue,
    Goals,
    SuccessMeasures,
    Feedback,
    Contacts,
    WhiteSpace,
    Opportunities,
    Actions,
    Cadence,
    Team,
    Contract,
}

impl PlanPart {
    pub const ALL: [PlanPart; 11] = [
        PlanPart::Revenue,
        PlanPart::Goals,
        PlanPart::SuccessMeasures,
        PlanPart::Feedback,
        PlanPart::Contacts,
        PlanPart::WhiteSpace,
        PlanPart::Opportunities,
        PlanPart::Actions,
        PlanPart::Cadence,
        PlanPart::Team,
        PlanPart::Contract,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PlanPart::Revenue => "Overview & revenue",
            PlanPart::Goals => "Customer goals & initiatives",
            PlanPart::SuccessMeasures => "Success measures",
            PlanPart::Feedback => "Feedback",
            PlanPart::Contacts => "Contacts & interactions",
            PlanPart::WhiteSpace => "White space",
            PlanPart::Opportunities => "Opportunities",
            PlanPart::Actions => "Actions",
            PlanPart::Cadence => "Cadence",
            PlanPart::Team => "Internal team",
            PlanPart::Contract => "Contract & renewal",
        }
    }

    /// The URL slug of the part's section.
    pub fn slug(self) -> &'static str {
        match self {
            PlanPart::Revenue => "revenue",
            PlanPart::Goals => "goals",
            PlanPart::SuccessMeasures => "measures",
            PlanPart::Feedback => "feedback",
            PlanPart::Contacts => "contacts",
            PlanPart::WhiteSpace => "white-space",
            PlanPart::Opportunities => "opportunities",
            PlanPart::Actions => "actions",
            PlanPart::Cadence => "cadence",
            PlanPart::Team => "team",
            PlanPart::Contract => "contract",
        }
    }

    pub fn from_slug(slug: &str) -> Option<PlanPart> {
        PlanPart::ALL.into_iter().find(|p| p.slug() == slug)
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
    pub reviews: Vec<Review>,
    /// When each part was last reviewed.
    #[serde(deserialize_with = "dates::day_map")]
    pub reviewed: BTreeMap<PlanPart, NaiveDate>,
}

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    #[default]
    Goal,
    Initiative,
    SpecialProject,
    /// A change in how the customer measures itself.
    MeasurementChange,
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
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

/// How often something is evaluated or recurs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Rhythm {
    Weekly,
    Fortnightly,
    Monthly,
    #[default]
    Quarterly,
    HalfYearly,
    Yearly,
}

impl Rhythm {
    /// Nominal length of one period in days.
    pub fn days(self) -> i64 {
        match self {
            Rhythm::Weekly => 7,
            Rhythm::Fortnightly => 14,
            Rhythm::Monthly => 31,
            Rhythm::Quarterly => 92,
            Rhythm::HalfYearly => 183,
            Rhythm::Yearly => 366,
        }
    }
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
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
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
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionRole {
    DecisionMaker,
    Influencer,
    /// Coach or champion inside the customer.
    Coach,
    User,
    Gatekeeper,
}

/// A contact's attitude to us, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Champion,
    Supporter,
    Neutral,
    Skeptic,
    Opponent,
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
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    #[default]
    Meeting,
    Call,
    Email,
    Event,
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum CellStatus {
    Sold,
    InProgress,
    #[default]
    Open,
    /// Held by a competitor (named in `WhiteSpaceCell::competitor`).
    Competitor,
    NotApplicable,
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

/// The planning dimension of an opportunity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Engage,
    Win,
    #[default]
    Grow,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Identified,
    Qualified,
    Proposed,
    Negotiation,
    Won,
    Lost,
}

impl Stage {
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Won | Stage::Lost)
    }
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
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Cancelled,
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
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum RenewalStatus {
    #[default]
    NotStarted,
    InDiscussion,
    Renewed,
    Lost,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    #[default]
    Low,
    Medium,
    High,
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    #[default]
    Monthly,
    Quarterly,
    Coaching,
}

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

/// A fresh id: a prefix naming the kind of entity, the creation time and random bits.
/// The caller supplies both (the domain never reads the clock or a random source), and
/// the time part keeps ids made on one device roughly in creation order.
pub fn new_id(prefix: &str, now_ms: i64, random: u64) -> Id {
    Id(format!(
        "{prefix}-{}{}",
        base36(now_ms.max(0) as u64),
        base36(random)
    ))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
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
            plan: AccountPlan {
                year: today.year(),
                ..AccountPlan::default()
            },
            ..Account::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_differ_by_time_and_randomness_and_carry_the_prefix() {
        let a = new_id("acc", 1_700_000_000_000, 42);
        let b = new_id("acc", 1_700_000_000_000, 43);
        let c = new_id("acc", 1_700_000_000_001, 42);
        assert!(a.as_str().starts_with("acc-"));
        assert_ne!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn a_copy_shares_its_accounts_until_one_is_edited() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let now = DateTime::<Utc>::from_timestamp(1_764_000_000, 0).unwrap();
        let mut ws = Workspace::default();
        for id in ["acc-1", "acc-2"] {
            ws.accounts
                .push(Arc::new(Account::new(Id::new(id), id, today, now)));
        }
        let copy = ws.clone();
        assert!(Arc::ptr_eq(&ws.accounts[0], &copy.accounts[0]));
        ws.account_mut(&Id::new("acc-1")).unwrap().notes = "edited".into();
        // The edit copied that account only; the copy still reads as before.
        assert_eq!(copy.accounts[0].notes, "");
        assert_eq!(ws.accounts[0].notes, "edited");
        assert!(!Arc::ptr_eq(&ws.accounts[0], &copy.accounts[0]));
        assert!(Arc::ptr_eq(&ws.accounts[1], &copy.accounts[1]));
    }

    #[test]
    fn new_account_trims_its_name_and_plans_for_this_year() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let now = DateTime::<Utc>::from_timestamp(1_764_000_000, 0).unwrap();
        let a = Account::new(Id::new("acc-1"), "  Acme Corp ", today, now);
        assert_eq!(a.name, "Acme Corp");
        assert_eq!(a.plan.year, 2026);
        assert_eq!(a.created_on, Some(today));
        assert!(a.plan.contacts.is_empty());
    }

    #[test]
    fn plan_part_slugs_round_trip() {
        for part in PlanPart::ALL {
            assert_eq!(PlanPart::from_slug(part.slug()), Some(part));
        }
        assert_eq!(PlanPart::from_slug("nope"), None);
    }

    #[test]
    fn a_workspace_round_trips_through_json() {
        let mut ws = Workspace::default();
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let now = DateTime::<Utc>::from_timestamp(1_764_000_000, 0).unwrap();
        let mut acc = Account::new(Id::new("acc-1"), "Acme", today, now);
        acc.plan.reviewed.insert(PlanPart::Contacts, today);
        acc.plan.actions.push(Action {
            id: Id::new("act-1"),
            link: Some(ActionLink::Goal(Id::new("goal-1"))),
            ..Action::default()
        });
        ws.accounts.push(Arc::new(acc));
        let text = serde_json::to_string(&ws).unwrap();
        let back: Workspace = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ws);
    }
}
