//! Workspace settings: the taxonomies, the scoring weights and bands, the review rhythm.

use serde::{Deserialize, Serialize};

use super::{ComponentKind, Id, Segment, Timestamp};
use crate::domain::dates;

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
    /// When a plan is too thin for a band.
    pub confidence: Confidence,
    pub rhythm: ReviewRhythm,
    /// The review rhythm and weights of each segment, where it has its own.
    pub segments: SegmentProcesses,
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
            confidence: Confidence::default(),
            rhythm: ReviewRhythm::default(),
            segments: SegmentProcesses::default(),
            currency: "USD".into(),
            updated_at: None,
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

/// When a score stands on too little of the plan to judge it: its band is then
/// Incomplete, never red, amber or green. Added within schema version 1: older data
/// without it gets the defaults (fewer than 4 components with data, no contact, or no
/// revenue commitment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Confidence {
    /// The fewest scorecard components with data for a real band (0–8).
    pub min_components: u8,
    /// A plan without a contact is incomplete.
    pub needs_contact: bool,
    /// A plan without a revenue commitment is incomplete.
    pub needs_commitment: bool,
}

impl Default for Confidence {
    fn default() -> Self {
        Confidence {
            min_components: 4,
            needs_contact: true,
            needs_commitment: true,
        }
    }
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

impl Settings {
    /// The review rhythm of accounts of `segment`: the segment's own, or the workspace's.
    pub fn rhythm_for(&self, segment: Segment) -> &ReviewRhythm {
        self.segments
            .get(segment)
            .rhythm
            .as_ref()
            .unwrap_or(&self.rhythm)
    }

    /// The component weights of accounts of `segment`: the segment's own, or the
    /// workspace's.
    pub fn weights_for(&self, segment: Segment) -> &Weights {
        self.segments
            .get(segment)
            .weights
            .as_ref()
            .unwrap_or(&self.weights)
    }
}

/// How accounts of one segment are run: their review rhythm and score weights, each
/// `None` to follow the workspace's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SegmentProcess {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<ReviewRhythm>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<Weights>,
}

/// The process of each segment. By default a strategic account is reviewed monthly (and
/// updated quarterly), a maintain account reviewed and updated quarterly; key and growth
/// accounts follow the workspace's rhythm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SegmentProcesses {
    pub strategic: SegmentProcess,
    pub key: SegmentProcess,
    pub growth: SegmentProcess,
    pub maintain: SegmentProcess,
}

impl Default for SegmentProcesses {
    fn default() -> Self {
        SegmentProcesses {
            strategic: SegmentProcess {
                rhythm: Some(ReviewRhythm {
                    monthly_review_days: 31,
                    quarterly_update_days: 92,
                }),
                weights: None,
            },
            key: SegmentProcess::default(),
            growth: SegmentProcess::default(),
            maintain: SegmentProcess {
                rhythm: Some(ReviewRhythm {
                    monthly_review_days: 92,
                    quarterly_update_days: 92,
                }),
                weights: None,
            },
        }
    }
}

impl SegmentProcesses {
    pub fn get(&self, segment: Segment) -> &SegmentProcess {
        match segment {
            Segment::Strategic => &self.strategic,
            Segment::Key => &self.key,
            Segment::Growth => &self.growth,
            Segment::Maintain => &self.maintain,
        }
    }

    pub fn get_mut(&mut self, segment: Segment) -> &mut SegmentProcess {
        match segment {
            Segment::Strategic => &mut self.strategic,
            Segment::Key => &mut self.key,
            Segment::Growth => &mut self.growth,
            Segment::Maintain => &mut self.maintain,
        }
    }
}
