//! The scorecard: an account's health as named components, each 0–100 with a sentence
//! holding its numbers, weighted into an overall score and a red/amber/green band. A
//! component without data says so and is left out of the weighting: it neither props
//! the score up nor drags it down. The score says how many components it stands on, and
//! a plan too thin to judge (`confidence`) gets the Incomplete band instead.

mod balance;
mod cadence;
mod confidence;
mod coverage;
mod execution;
mod freshness;
mod measures;
mod pipeline;
mod revenue;

use chrono::NaiveDate;
use serde::Serialize;

use super::coverage::WindowTouches;
use super::model::{
    Account, AccountPlan, Band, Bands, ComponentKind, NamedRef, PlanPart, ScoreSnapshot, Settings,
};

/// What one component says: a score, or why there is none.
pub(crate) type Verdict = Result<(f64, String), String>;

/// One component of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentScore {
    pub kind: ComponentKind,
    /// 0–100, or `None` when the plan has no data for it.
    pub score: Option<u8>,
    /// Its share of the overall score (normalised over the components with data).
    pub weight: f64,
    /// One sentence with the numbers behind the score, or what data is missing.
    pub explanation: String,
    /// The plan section that feeds it.
    pub section: PlanPart,
}

pub use confidence::Gap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// The weighted mean of the components with data, even when the plan is incomplete.
    pub overall: Option<u8>,
    /// Red, amber or green by `overall`; Incomplete when `gaps` is not empty; `None` when
    /// nothing can be scored and nothing is required.
    pub band: Option<Band>,
    /// The components with data (and weight) that `overall` stands on.
    pub measured: usize,
    /// Why the plan is too thin to judge; empty when it is not.
    pub gaps: Vec<Gap>,
    pub components: Vec<ComponentScore>,
}

impl Scorecard {
    pub fn component(&self, kind: ComponentKind) -> Option<&ComponentScore> {
        self.components.iter().find(|c| c.kind == kind)
    }

    /// The plan is too thin to judge: its band is Incomplete.
    pub fn is_incomplete(&self) -> bool {
        !self.gaps.is_empty()
    }

    /// The overall score when it is a judgement (a real band), for trends.
    pub fn judged_overall(&self) -> Option<u8> {
        self.overall.filter(|_| !self.is_incomplete())
    }

    /// "Measured on 3 of 8 components".
    pub fn measured_text(&self) -> String {
        format!(
            "Measured on {} of {} components",
            self.measured,
            self.components.len()
        )
    }
}

/// The plan section each component is fed by.
pub fn section_of(kind: ComponentKind) -> PlanPart {
    match kind {
        ComponentKind::Coverage | ComponentKind::RelationshipBalance => PlanPart::Contacts,
        ComponentKind::Cadence => PlanPart::Cadence,
        ComponentKind::SuccessMeasures => PlanPart::SuccessMeasures,
        ComponentKind::Revenue => PlanPart::Revenue,
        ComponentKind::GrowthPipeline => PlanPart::Opportunities,
        ComponentKind::Execution => PlanPart::Actions,
        ComponentKind::Freshness => PlanPart::Revenue,
    }
}

/// Red below `amber_from`, amber below `green_from`, green from there up.
pub fn band_for(score: u8, bands: &Bands) -> Band {
    if score < bands.amber_from {
        Band::Red
    } else if score < bands.green_from {
        Band::Amber
    } else {
        Band::Green
    }
}

fn component(
    kind: ComponentKind,
    account: &Account,
    window: &WindowTouches,
    settings: &Settings,
    today: NaiveDate,
) -> Verdict {
    let plan = &account.plan;
    match kind {
        ComponentKind::Coverage => coverage::score(plan, settings, window),
        ComponentKind::RelationshipBalance => balance::score(plan, window),
        ComponentKind::Cadence => cadence::score(plan, today),
        ComponentKind::SuccessMeasures => measures::score(plan),
        ComponentKind::Revenue => revenue::score(account, today),
        ComponentKind::GrowthPipeline => pipeline::score(plan),
        ComponentKind::Execution => execution::score(plan, today),
        ComponentKind::Freshness => freshness::score(account, settings, today),
    }
}

/// Scores an account's plan on `today`.
pub fn score_account(account: &Account, settings: &Settings, today: NaiveDate) -> Scorecard {
    // Coverage and balance both read the window's touches: one pass over the interactions.
    let window = WindowTouches::new(&account.plan, today);
    // The account's segment's weights (`Settings::weights_for`).
    let weights = settings.weights_for(account.segment);
    let verdicts = ComponentKind::ALL.map(|k| (k, component(k, account, &window, settings, today)));
    let usable = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
    let total_weight: f64 = verdicts
        .iter()
        .filter(|(_, v)| v.is_ok())
        .map(|(k, _)| usable(weights.get(*k)))
        .sum();
    let mut weighted = 0.0;
    let components: Vec<ComponentScore> = verdicts
        .into_iter()
        .map(|(kind, v)| {
            let (score, explanation, weight) = match v {
                Ok((s, why)) => {
                    let s = s.clamp(0.0, 100.0);
                    let w = if total_weight > 0.0 {
                        usable(weights.get(kind)) / total_weight
                    } else {
                        0.0
                    };
                    weighted += s * w;
                    (Some(s.round() as u8), why, w)
                }
                Err(why) => (None, why, 0.0),
            };
            ComponentScore {
                kind,
                score,
                weight,
                explanation,
                section: section_of(kind),
            }
        })
        .collect();
    let overall = (total_weight > 0.0).then(|| weighted.round().clamp(0.0, 100.0) as u8);
    let measured = components.iter().filter(|c| c.weight > 0.0).count();
    let gaps = confidence::gaps(account, measured, &settings.confidence);
    let band = if gaps.is_empty() {
        overall.map(|s| band_for(s, &settings.bands))
    } else {
        Some(Band::Incomplete)
    };
    Scorecard {
        overall,
        band,
        measured,
        gaps,
        components,
    }
}

/// Direction of the overall score since the last review snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Trend {
    Up,
    Down,
    Flat,
    Unknown,
}

/// A change smaller than this many points is flat.
pub const TREND_THRESHOLD: i16 = 3;

/// `current` (a judged score, see [`Scorecard::judged_overall`]) against the overall
/// score of the latest review snapshot that has one. Unknown when either was too thin to
/// judge: an incomplete plan's number is not compared.
pub fn trend(plan: &AccountPlan, current: Option<u8>) -> Trend {
    let previous = plan
        .reviews
        .iter()
        .filter_map(|r| Some((r.date?, r.snapshot.as_ref()?)))
        .filter(|(_, s)| s.overall.is_some())
        .max_by_key(|(d, _)| *d)
        .and_then(|(_, s)| s.overall.filter(|_| !s.incomplete));
    match (previous, current) {
        (Some(p), Some(c)) => {
            let delta = i16::from(c) - i16::from(p);
            if delta >= TREND_THRESHOLD {
                Trend::Up
            } else if delta <= -TREND_THRESHOLD {
                Trend::Down
            } else {
                Trend::Flat
            }
        }
        _ => Trend::Unknown,
    }
}

/// The scores and main entities of a plan now, to keep with a review.
pub fn snapshot(account: &Account, card: &Scorecard) -> ScoreSnapshot {
    let refs = |items: Vec<(&super::model::Id, &String)>| {
        items
            .into_iter()
            .map(|(id, name)| NamedRef {
                id: id.clone(),
                name: name.clone(),
            })
            .collect()
    };
    let p = &account.plan;
    ScoreSnapshot {
        overall: card.overall,
        incomplete: card.is_incomplete(),
        components: card
            .components
            .iter()
            .filter_map(|c| Some((c.kind, c.score?)))
            .collect(),
        contacts: refs(p.contacts.iter().map(|c| (&c.id, &c.name)).collect()),
        goals: refs(p.goals.iter().map(|g| (&g.id, &g.title)).collect()),
        opportunities: refs(p.opportunities.iter().map(|o| (&o.id, &o.name)).collect()),
    }
}

/// True when a measure has both values and is on or ahead of target.
pub fn measures_on_target(m: &super::model::SuccessMeasure) -> bool {
    measures::on_target(m)
}

/// How many quarters a revenue comparison covers on `today`.
pub fn revenue_quarters_due(account: &Account, today: NaiveDate) -> usize {
    revenue::quarters_due(account, today)
}

/// Estimated value of open white-space cells.
pub fn open_white_space(plan: &AccountPlan) -> f64 {
    pipeline::open_white_space(plan)
}

/// An open action past its due date.
pub fn action_overdue(a: &super::model::Action, today: NaiveDate) -> bool {
    execution::is_overdue(a, today)
}

/// `n` of `total` as a whole percentage, for explanations: written straight into the
/// sentence, without a string of its own.
pub(crate) fn pct(part: f64, total: f64) -> Pct {
    Pct { part, total }
}

pub(crate) struct Pct {
    part: f64,
    total: f64,
}

impl std::fmt::Display for Pct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.total <= 0.0 {
            f.write_str("0%")
        } else {
            write!(f, "{:.0}%", 100.0 * self.part / self.total)
        }
    }
}

/// "1 contact", "3 contacts".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod practices_tests;
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_segments;
