//! The closed sets of values the model chooses from, stored by their snake_case names.

use serde::{Deserialize, Serialize};

/// An enum whose values people choose from a list: generic code (a select's options)
/// reaches the `ALL`, `key` and `label` that `choices!` gives it.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order the app lists them.
    const ALL: &'static [Self];
    /// The value's stored name, as the JSON spells it.
    fn key(self) -> &'static str;
    /// The value's name for people.
    fn label(self) -> &'static str;

    /// The value whose stored name is `key`, if any (a select's value, for instance).
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|x| x.key() == key)
    }
}

/// Gives an enum of unit variants, from one table, `ALL` (every value, in the order the app
/// lists them), `key` (the value's stored name, as in the JSON) and `label` (its name for
/// people): the one place each is spelled. The same three also make it a `Choice`.
macro_rules! choices {
    ($ty:ident { $($variant:ident => $key:literal, $label:literal;)+ }) => {
        impl $ty {
            /// Every value, in the order the app lists them.
            pub const ALL: [$ty; [$($key),+].len()] = [$($ty::$variant),+];

            /// The value's stored name, as the JSON spells it.
            pub fn key(self) -> &'static str {
                match self {
                    $($ty::$variant => $key,)+
                }
            }

            /// The value's name for people.
            pub fn label(self) -> &'static str {
                match self {
                    $($ty::$variant => $label,)+
                }
            }
        }

        impl Choice for $ty {
            const ALL: &'static [Self] = &$ty::ALL;
            fn key(self) -> &'static str {
                $ty::key(self)
            }
            fn label(self) -> &'static str {
                $ty::label(self)
            }
        }
    };
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

/// An overall score's band: red, amber or green by the settings' thresholds, or
/// `Incomplete` when the plan is too thin to judge (see `Settings::confidence`), whatever
/// its number: an empty plan must never look healthy, nor ill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Red,
    Amber,
    Green,
    Incomplete,
}

choices!(Band {
    Red => "red", "Red";
    Amber => "amber", "Amber";
    Green => "green", "Green";
    Incomplete => "incomplete", "Incomplete";
});

impl Band {
    /// Red, amber or green: a judgement of the plan, not a plan too thin to judge.
    pub fn is_real(self) -> bool {
        self != Band::Incomplete
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

choices!(Segment {
    Strategic => "strategic", "Strategic";
    Key => "key", "Key";
    Growth => "growth", "Growth";
    Maintain => "maintain", "Maintain";
});

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

choices!(GoalKind {
    Goal => "goal", "Goal";
    Initiative => "initiative", "Key initiative";
    SpecialProject => "special_project", "Special project";
    MeasurementChange => "measurement_change", "Change in how they measure themselves";
});

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

choices!(Rhythm {
    Weekly => "weekly", "Weekly";
    Fortnightly => "fortnightly", "Every two weeks";
    Monthly => "monthly", "Monthly";
    Quarterly => "quarterly", "Quarterly";
    HalfYearly => "half_yearly", "Twice a year";
    Yearly => "yearly", "Yearly";
});

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

choices!(DecisionRole {
    DecisionMaker => "decision_maker", "Decision maker";
    Influencer => "influencer", "Influencer";
    Coach => "coach", "Coach / champion";
    User => "user", "User";
    Gatekeeper => "gatekeeper", "Gatekeeper";
});

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

choices!(Stance {
    Champion => "champion", "Champion";
    Supporter => "supporter", "Supporter";
    Neutral => "neutral", "Neutral";
    Skeptic => "skeptic", "Skeptic";
    Opponent => "opponent", "Opponent";
});

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

choices!(InteractionKind {
    Meeting => "meeting", "Meeting";
    Call => "call", "Call";
    Email => "email", "Email";
    Event => "event", "Event";
});

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

choices!(CellStatus {
    Sold => "sold", "Sold";
    InProgress => "in_progress", "In progress";
    Open => "open", "Open opportunity";
    Competitor => "competitor", "Competitor";
    NotApplicable => "not_applicable", "Not applicable";
});

impl CellStatus {
    /// The status where it stands on its own, as in the heatmap's legend and its cells'
    /// tooltips: the label, except that a competitor's cell is "Held by a competitor".
    pub fn long_label(self) -> &'static str {
        match self {
            CellStatus::Competitor => "Held by a competitor",
            s => s.label(),
        }
    }
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

choices!(Dimension {
    Engage => "engage", "Engage";
    Win => "win", "Win";
    Grow => "grow", "Grow";
});

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

choices!(Stage {
    Identified => "identified", "Identified";
    Qualified => "qualified", "Qualified";
    Proposed => "proposed", "Proposed";
    Negotiation => "negotiation", "Negotiation";
    Won => "won", "Won";
    Lost => "lost", "Lost";
});

impl Stage {
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Won | Stage::Lost)
    }
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

choices!(ActionStatus {
    Open => "open", "Open";
    InProgress => "in_progress", "In progress";
    Done => "done", "Done";
    Cancelled => "cancelled", "Cancelled";
});

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

choices!(RenewalStatus {
    NotStarted => "not_started", "Not started";
    InDiscussion => "in_discussion", "In discussion";
    Renewed => "renewed", "Renewed";
    Lost => "lost", "Lost";
});

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

choices!(Risk {
    Low => "low", "Low";
    Medium => "medium", "Medium";
    High => "high", "High";
});

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

choices!(ReviewKind {
    Monthly => "monthly", "Monthly review";
    Quarterly => "quarterly", "Quarterly update";
    Coaching => "coaching", "Coaching review";
});

/// The kinds of entity a merge compares one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Account,
    Member,
    Settings,
    /// The account's own fields (name, industry, segment, owner, notes…).
    Details,
    Revenue,
    Contract,
    Contact,
    Interaction,
    Goal,
    Measure,
    Feedback,
    /// A business unit of the white-space grid.
    Unit,
    /// A white-space cell; its id is `unit/offering`.
    Cell,
    Opportunity,
    Action,
    Meeting,
    TeamRole,
    Review,
    /// Last year's plan, kept read-only (`AccountPlan::previous`).
    ClosedPlan,
}

choices!(EntityKind {
    Account => "account", "account";
    Member => "member", "team member";
    Settings => "settings", "settings";
    Details => "details", "account details";
    Revenue => "revenue", "revenue";
    Contract => "contract", "contract";
    Contact => "contact", "contact";
    Interaction => "interaction", "interaction";
    Goal => "goal", "goal";
    Measure => "measure", "success measure";
    Feedback => "feedback", "feedback item";
    Unit => "unit", "business unit";
    Cell => "cell", "white-space cell";
    Opportunity => "opportunity", "opportunity";
    Action => "action", "action";
    Meeting => "meeting", "meeting";
    TeamRole => "team_role", "team role";
    Review => "review", "review";
    ClosedPlan => "closed_plan", "past year's plan";
});

/// An attendee's answer to a cadence meeting's invitation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum AttendeeResponse {
    Accepted,
    Tentative,
    Declined,
    /// Not stored: an attendee without an answer has none.
    #[default]
    NoAnswer,
}

choices!(AttendeeResponse {
    Accepted => "accepted", "Accepted";
    Tentative => "tentative", "Tentative";
    Declined => "declined", "Declined";
    NoAnswer => "no_answer", "No answer";
});

/// Where a start / stop / keep item stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Declined,
}

choices!(FeedbackStatus {
    Open => "open", "Open";
    InProgress => "in_progress", "In progress";
    Done => "done", "Done";
    Declined => "declined", "Declined";
});

impl FeedbackStatus {
    pub fn is_default(&self) -> bool {
        *self == FeedbackStatus::Open
    }
}

/// An action's expected impact, so that low-value work can be seen and stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    High,
    Medium,
    Low,
}

choices!(Impact {
    High => "high", "High";
    Medium => "medium", "Medium";
    Low => "low", "Low";
});
