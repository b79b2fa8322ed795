//! The checks of the workspace settings: taxonomy ids, weights, bands, the confidence
//! rule and the rhythm.

use super::{index_ids, push, Problem, Taxonomies};
use crate::domain::model::{
    Bands, ComponentKind, Confidence, ReviewRhythm, Segment, Settings, Weights,
};

/// Checks the settings and returns their taxonomies, indexed by id.
pub(super) fn check_settings<'a>(s: &'a Settings, out: &mut Vec<Problem>) -> Taxonomies<'a> {
    let taxonomies = index_taxonomies(s, out);
    check_weights(&s.weights, out);
    check_bands(s.bands, out);
    check_confidence(s.confidence, out);
    check_rhythm(&s.rhythm, "settings.rhythm", out);
    for segment in Segment::ALL {
        let process = s.segments.get(segment);
        let at = format!("settings.segments.{}", segment.key());
        if let Some(r) = &process.rhythm {
            check_rhythm(r, &format!("{at}.rhythm"), out);
        }
        if let Some(w) = &process.weights {
            check_weights_at(w, &format!("{at}.weights"), out);
        }
    }
    taxonomies
}

fn index_taxonomies<'a>(s: &'a Settings, out: &mut Vec<Problem>) -> Taxonomies<'a> {
    let departments = index_ids(
        s.departments.iter().map(|t| &t.id),
        "department",
        |i| format!("settings.departments[{i}]"),
        out,
    );
    let levels = index_ids(
        s.levels.iter().map(|t| &t.id),
        "level",
        |i| format!("settings.levels[{i}]"),
        out,
    );
    let offerings = index_ids(
        s.offerings.iter().map(|t| &t.id),
        "offering",
        |i| format!("settings.offerings[{i}]"),
        out,
    );
    let meeting_types = index_ids(
        s.meeting_types.iter().map(|t| &t.id),
        "meeting type",
        |i| format!("settings.meeting_types[{i}]"),
        out,
    );
    Taxonomies {
        departments,
        levels,
        offerings,
        meeting_types,
    }
}

fn check_weights(weights: &Weights, out: &mut Vec<Problem>) {
    check_weights_at(weights, "settings.weights", out);
}

fn check_weights_at(weights: &Weights, at: &str, out: &mut Vec<Problem>) {
    for (name, w) in [
        ("coverage", weights.coverage),
        ("relationship_balance", weights.relationship_balance),
        ("cadence", weights.cadence),
        ("success_measures", weights.success_measures),
        ("revenue", weights.revenue),
        ("growth_pipeline", weights.growth_pipeline),
        ("execution", weights.execution),
        ("freshness", weights.freshness),
    ] {
        if !w.is_finite() {
            push(out, format!("{at}.{name}"), "weight is not a number".into());
        } else if w < 0.0 {
            push(
                out,
                format!("{at}.{name}"),
                format!("weight {w} is negative; weights must be zero or more"),
            );
        }
    }
}

fn check_bands(bands: Bands, out: &mut Vec<Problem>) {
    if bands.amber_from > bands.green_from {
        push(
            out,
            "settings.bands.amber_from".into(),
            format!(
                "amber starts at {} but green already starts at {}: amber must start at or below green",
                bands.amber_from, bands.green_from
            ),
        );
    }
    if bands.green_from > 100 {
        push(
            out,
            "settings.bands.green_from".into(),
            format!(
                "green starts at {}, above the highest score of 100",
                bands.green_from
            ),
        );
    }
}

fn check_confidence(c: Confidence, out: &mut Vec<Problem>) {
    let all = ComponentKind::ALL.len();
    if usize::from(c.min_components) > all {
        push(
            out,
            "settings.confidence.min_components".into(),
            format!(
                "{} components are asked for, but a score has {all}: no plan could get a band",
                c.min_components
            ),
        );
    }
}

fn check_rhythm(rhythm: &ReviewRhythm, at: &str, out: &mut Vec<Problem>) {
    if rhythm.monthly_review_days == 0 {
        push(
            out,
            format!("{at}.monthly_review_days"),
            "the monthly review rhythm must be at least one day".into(),
        );
    }
    if rhythm.quarterly_update_days == 0 {
        push(
            out,
            format!("{at}.quarterly_update_days"),
            "the quarterly update rhythm must be at least one day".into(),
        );
    }
}
