//! Process by segment: an account is reviewed on its segment's rhythm and scored with its
//! segment's weights, by every reader of the one staleness rule and by the scorecard.

use proptest::prelude::*;
use std::sync::Arc;

use super::tests::{account, arb_plan, day, TODAY};
use super::*;
use crate::domain::advice::next_best_actions;
use crate::domain::model::*;
use crate::domain::portfolio;
use crate::domain::review::parts_to_review;
use crate::domain::staleness::tests::every_part_started;
use crate::domain::staleness::{rhythm_of, staleness};

/// Every part started, created long ago, every part reviewed 40 days before `TODAY`.
fn reviewed_40_days_ago(segment: Segment) -> Account {
    let mut a = every_part_started(Some(day("2025-01-01")));
    a.segment = segment;
    for part in PlanPart::ALL {
        a.plan.reviewed.insert(part, day("2026-10-15"));
    }
    a
}

#[test]
fn by_default_strategic_accounts_are_reviewed_monthly_and_maintain_ones_quarterly() {
    let s = Settings::default();
    let today = day(TODAY);
    let stale = |segment| {
        staleness(
            &reviewed_40_days_ago(segment),
            rhythm_of(&reviewed_40_days_ago(segment), &s),
            today,
        )
    };
    // 40 days after the last review: the five monthly parts are 9 days overdue at 31 days…
    assert_eq!(stale(Segment::Strategic).stale_parts, 5);
    assert_eq!(stale(Segment::Growth).stale_parts, 5); // the workspace's rhythm
                                                       // …and a maintain account, reviewed every 92 days, is due on 2027-01-15.
    let maintain = stale(Segment::Maintain);
    assert_eq!(maintain.stale_parts, 0);
    assert_eq!(maintain.next_review, Some(day("2027-01-15")));
    // Freshness: 6 of 11 parts on time (55) against 11 of 11 (100).
    let fresh = |segment| {
        score_account(&reviewed_40_days_ago(segment), &s, today)
            .component(ComponentKind::Freshness)
            .and_then(|c| c.score)
    };
    assert_eq!(fresh(Segment::Strategic), Some(55));
    assert_eq!(fresh(Segment::Maintain), Some(100));
}

#[test]
fn a_segment_s_own_rhythm_changes_only_its_accounts() {
    let mut s = Settings::default();
    s.segments.key.rhythm = Some(ReviewRhythm {
        monthly_review_days: 7,
        quarterly_update_days: 30,
    });
    let today = day(TODAY);
    let key = reviewed_40_days_ago(Segment::Key);
    assert_eq!(staleness(&key, rhythm_of(&key, &s), today).stale_parts, 11);
    let growth = reviewed_40_days_ago(Segment::Growth);
    assert_eq!(
        staleness(&growth, rhythm_of(&growth, &s), today).stale_parts,
        5
    );
}

#[test]
fn a_segment_s_own_weights_score_its_accounts() {
    let mut s = Settings::default();
    // Strategic accounts weigh freshness alone.
    let mut only_freshness = Weights::default();
    for k in ComponentKind::ALL {
        only_freshness.set(k, 0.0);
    }
    only_freshness.freshness = 1.0;
    s.segments.strategic.weights = Some(only_freshness);
    let today = day(TODAY);
    let strategic = score_account(&reviewed_40_days_ago(Segment::Strategic), &s, today);
    // 6 of 11 parts on time: 54.5, the whole score.
    assert_eq!(strategic.overall, Some(55));
    assert_eq!(strategic.measured, 1);
    let growth = score_account(&reviewed_40_days_ago(Segment::Growth), &s, today);
    assert!(growth.measured > 1, "{growth:?}");
}

fn segment_of(i: usize) -> Segment {
    Segment::ALL[i % Segment::ALL.len()]
}

proptest! {
    #[test]
    fn the_segment_s_rhythm_is_the_one_used_everywhere(
        plan in arb_plan(),
        seg in 0..4usize,
        own in (1..120u32, 1..200u32),
        workspace in (1..120u32, 1..200u32),
    ) {
        let today = day(TODAY);
        let mut a = account(plan);
        a.segment = segment_of(seg);
        let own = ReviewRhythm { monthly_review_days: own.0, quarterly_update_days: own.1 };
        let mut s = Settings {
            rhythm: ReviewRhythm { monthly_review_days: workspace.0, quarterly_update_days: workspace.1 },
            ..Settings::default()
        };
        s.segments.get_mut(a.segment).rhythm = Some(own);
        prop_assert_eq!(rhythm_of(&a, &s), &own);
        let expected = staleness(&a, &own, today);
        // The portfolio row.
        let mut ws = Workspace { settings: s.clone(), ..Workspace::default() };
        ws.accounts.push(Arc::new(a.clone()));
        let row = portfolio::row(&ws, &a, today);
        prop_assert_eq!(row.stale_parts, expected.stale_parts);
        prop_assert_eq!(row.next_review, expected.next_review);
        // The scorecard's freshness: as with a workspace whose only rhythm is the segment's.
        let plain = Settings {
            rhythm: own,
            segments: SegmentProcesses {
                strategic: SegmentProcess::default(),
                key: SegmentProcess::default(),
                growth: SegmentProcess::default(),
                maintain: SegmentProcess::default(),
            },
            ..Settings::default()
        };
        let freshness = |s: &Settings| score_account(&a, s, today)
            .component(ComponentKind::Freshness)
            .and_then(|c| c.score);
        prop_assert_eq!(freshness(&s), freshness(&plain));
        // The monthly review walks the stale parts.
        if expected.stale_parts > 0 {
            prop_assert_eq!(parts_to_review(&a, &s, ReviewKind::Monthly, today).len(), expected.stale_parts);
        }
        // The advice names each stale part once.
        let reviews = next_best_actions(&a, &s, today)
            .into_iter()
            .filter(|n| n.component == ComponentKind::Freshness && n.title.starts_with("Review "))
            .count();
        prop_assert_eq!(reviews, expected.stale_parts);
    }

    #[test]
    fn every_score_stays_in_0_to_100_with_a_segment_s_weights(
        plan in arb_plan(),
        seg in 0..4usize,
        weights in prop::collection::vec(0.0..100.0f64, 8),
        min_components in 0..=9u8,
    ) {
        let mut a = account(plan);
        a.segment = segment_of(seg);
        let mut s = Settings::default();
        s.confidence.min_components = min_components;
        let mut w = Weights::default();
        for (k, v) in ComponentKind::ALL.into_iter().zip(weights) {
            w.set(k, v);
        }
        s.segments.get_mut(a.segment).weights = Some(w);
        let card = score_account(&a, &s, day(TODAY));
        for c in &card.components {
            prop_assert!(c.score.is_none_or(|x| x <= 100));
            prop_assert!((0.0..=1.0).contains(&c.weight));
        }
        prop_assert!(card.overall.is_none_or(|o| o <= 100));
        // Below the confidence threshold: Incomplete, never red, amber or green.
        if card.measured < usize::from(min_components) {
            prop_assert_eq!(card.band, Some(Band::Incomplete));
        }
    }
}
