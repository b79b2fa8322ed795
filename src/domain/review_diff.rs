//! What changed between two review snapshots: entities added, removed and renamed, and
//! how the scores moved.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::model::{ComponentKind, Id, NamedRef, ScoreSnapshot};

/// An entity present in both snapshots under different names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renamed {
    pub id: Id,
    pub before: String,
    pub after: String,
}

/// Changes to one list of entities, each in the order of the snapshot it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct EntityDiff {
    pub added: Vec<NamedRef>,
    pub removed: Vec<NamedRef>,
    pub renamed: Vec<Renamed>,
}

impl EntityDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.renamed.is_empty()
    }
}

/// A component whose score changed, appeared (`before` is `None`) or disappeared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ComponentChange {
    pub kind: ComponentKind,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl ComponentChange {
    /// `after - before` when the component has a score in both.
    pub fn delta(&self) -> Option<i16> {
        Some(i16::from(self.after?) - i16::from(self.before?))
    }
}

/// The difference between two review snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ReviewDiff {
    pub contacts: EntityDiff,
    pub goals: EntityDiff,
    pub opportunities: EntityDiff,
    /// Change of the overall score; `None` when unchanged or missing on either side.
    pub overall: Option<i16>,
    /// Changed components, in `ComponentKind` order.
    pub components: Vec<ComponentChange>,
}

impl ReviewDiff {
    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty()
            && self.goals.is_empty()
            && self.opportunities.is_empty()
            && self.overall.is_none()
            && self.components.is_empty()
    }
}

/// What changed from `before` to `after`.
pub fn diff(before: &ScoreSnapshot, after: &ScoreSnapshot) -> ReviewDiff {
    let overall = match (before.overall, after.overall) {
        (Some(b), Some(a)) if a != b => Some(i16::from(a) - i16::from(b)),
        _ => None,
    };
    let components = ComponentKind::ALL
        .into_iter()
        .map(|kind| ComponentChange {
            kind,
            before: before.components.get(&kind).copied(),
            after: after.components.get(&kind).copied(),
        })
        .filter(|c| c.before != c.after)
        .collect();
    ReviewDiff {
        contacts: entities(&before.contacts, &after.contacts),
        goals: entities(&before.goals, &after.goals),
        opportunities: entities(&before.opportunities, &after.opportunities),
        overall,
        components,
    }
}

/// Id → name of its first occurrence.
fn names(list: &[NamedRef]) -> HashMap<&Id, &str> {
    let mut out = HashMap::new();
    for r in list {
        out.entry(&r.id).or_insert(r.name.as_str());
    }
    out
}

/// The entries of `list` whose ids are not in `other`, each id once.
fn missing_from(list: &[NamedRef], other: &HashMap<&Id, &str>) -> Vec<NamedRef> {
    let mut seen = HashSet::new();
    list.iter()
        .filter(|r| !other.contains_key(&r.id) && seen.insert(&r.id))
        .cloned()
        .collect()
}

fn entities(before: &[NamedRef], after: &[NamedRef]) -> EntityDiff {
    let (b, a) = (names(before), names(after));
    let mut seen = HashSet::new();
    let renamed = after
        .iter()
        .filter(|r| seen.insert(&r.id))
        .filter_map(|r| {
            let old = b.get(&r.id)?;
            let new = a[&r.id];
            (*old != new).then(|| Renamed {
                id: r.id.clone(),
                before: old.to_string(),
                after: new.to_string(),
            })
        })
        .collect();
    EntityDiff {
        added: missing_from(after, &b),
        removed: missing_from(before, &a),
        renamed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn r(id: &str, name: &str) -> NamedRef {
        NamedRef {
            id: Id::new(id),
            name: name.into(),
        }
    }

    fn snap(
        overall: Option<u8>,
        comps: &[(ComponentKind, u8)],
        contacts: Vec<NamedRef>,
    ) -> ScoreSnapshot {
        ScoreSnapshot {
            overall,
            incomplete: false,
            components: comps.iter().copied().collect(),
            contacts,
            goals: Vec::new(),
            opportunities: Vec::new(),
        }
    }

    #[test]
    fn reports_added_removed_and_renamed_contacts() {
        let before = snap(
            None,
            &[],
            vec![r("c1", "Ann"), r("c2", "Bob"), r("c3", "Cy")],
        );
        let after = snap(
            None,
            &[],
            vec![r("c3", "Cyrus"), r("c1", "Ann"), r("c4", "Dee")],
        );
        let d = diff(&before, &after);
        assert_eq!(d.contacts.added, vec![r("c4", "Dee")]);
        assert_eq!(d.contacts.removed, vec![r("c2", "Bob")]);
        assert_eq!(
            d.contacts.renamed,
            vec![Renamed {
                id: Id::new("c3"),
                before: "Cy".into(),
                after: "Cyrus".into()
            }]
        );
        assert!(d.goals.is_empty() && d.opportunities.is_empty());
        assert!(!d.is_empty());
    }

    #[test]
    fn reports_score_changes_and_components_that_appear_or_disappear() {
        use ComponentKind::*;
        let before = snap(
            Some(60),
            &[(Coverage, 50), (Revenue, 70), (Cadence, 40)],
            vec![],
        );
        let after = snap(
            Some(72),
            &[(Coverage, 65), (Revenue, 70), (Execution, 80)],
            vec![],
        );
        let d = diff(&before, &after);
        assert_eq!(d.overall, Some(12));
        let changes: Vec<_> = d
            .components
            .iter()
            .map(|c| (c.kind, c.before, c.after, c.delta()))
            .collect();
        assert_eq!(
            changes,
            vec![
                (Coverage, Some(50), Some(65), Some(15)),
                (Cadence, Some(40), None, None),
                (Execution, None, Some(80), None),
            ]
        );
        assert_eq!(diff(&after, &before).overall, Some(-12));
    }

    #[test]
    fn overall_is_none_when_unchanged_or_missing() {
        assert_eq!(
            diff(&snap(Some(5), &[], vec![]), &snap(Some(5), &[], vec![])).overall,
            None
        );
        assert_eq!(
            diff(&snap(None, &[], vec![]), &snap(Some(5), &[], vec![])).overall,
            None
        );
        assert!(diff(&ScoreSnapshot::default(), &ScoreSnapshot::default()).is_empty());
    }

    #[test]
    fn goals_and_opportunities_are_compared_too() {
        let mut before = ScoreSnapshot::default();
        before.goals.push(r("g1", "Grow"));
        let mut after = ScoreSnapshot::default();
        after.opportunities.push(r("o1", "Upsell"));
        let d = diff(&before, &after);
        assert_eq!(d.goals.removed, vec![r("g1", "Grow")]);
        assert_eq!(d.opportunities.added, vec![r("o1", "Upsell")]);
    }

    #[test]
    fn the_demo_reviews_show_what_changed() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 5, 14).unwrap();
        let ws = crate::domain::sample::demo::demo_workspace(today);
        let a = ws.account(&Id::new("acc-demo-sb")).unwrap();
        let snaps: Vec<_> = a
            .plan
            .reviews
            .iter()
            .map(|r| r.snapshot.as_ref().unwrap())
            .collect();
        let d = diff(snaps[0], snaps[1]);
        assert_eq!(d.overall, Some(3));
        assert!(d
            .components
            .iter()
            .any(|c| c.kind == ComponentKind::SuccessMeasures
                && c.before.is_none()
                && c.after == Some(55)));
        assert_eq!(d.contacts.added, vec![r("con-sb-06", "Sara Holt")]);
        assert_eq!(
            d.goals.added,
            vec![r("goal-sb-03", "Grow mobile banking users by 20%")]
        );
    }

    fn arb_refs() -> impl Strategy<Value = Vec<NamedRef>> {
        // Few ids and names, so that lists overlap and renames happen.
        prop::collection::vec((0u8..8, 0u8..3), 0..8).prop_map(|v| {
            v.into_iter()
                .map(|(i, n)| r(&format!("id{i}"), &format!("name{n}")))
                .collect()
        })
    }

    fn arb_snapshot() -> impl Strategy<Value = ScoreSnapshot> {
        (
            prop::option::of(0u8..=100),
            prop::collection::btree_map(0usize..8, 0u8..=100, 0..8),
            arb_refs(),
            arb_refs(),
            arb_refs(),
        )
            .prop_map(
                |(overall, comps, contacts, goals, opportunities)| ScoreSnapshot {
                    overall,
                    incomplete: false,
                    components: comps
                        .into_iter()
                        .map(|(k, v)| (ComponentKind::ALL[k], v))
                        .collect(),
                    contacts,
                    goals,
                    opportunities,
                },
            )
    }

    proptest! {
        #[test]
        fn a_snapshot_does_not_differ_from_itself(s in arb_snapshot()) {
            prop_assert!(diff(&s, &s).is_empty());
        }

        #[test]
        fn added_one_way_is_removed_the_other_way(a in arb_snapshot(), b in arb_snapshot()) {
            let (ab, ba) = (diff(&a, &b), diff(&b, &a));
            prop_assert_eq!(&ab.contacts.added, &ba.contacts.removed);
            prop_assert_eq!(&ab.goals.added, &ba.goals.removed);
            prop_assert_eq!(&ab.opportunities.added, &ba.opportunities.removed);
            prop_assert_eq!(ab.overall.map(|d| -d), ba.overall);
            prop_assert_eq!(ab.components.len(), ba.components.len());
            prop_assert_eq!(ab.contacts.renamed.len(), ba.contacts.renamed.len());
        }
    }
}
