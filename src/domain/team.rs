//! The team view: the portfolio grouped by owner, the way a leader looks at it — each
//! account manager's accounts with their scores, overdue reviews and overdue actions —
//! sortable, and the order a group walk-through steps through the plans in.

use serde::Serialize;

use super::model::{Band, Id};
use super::portfolio::PortfolioRow;

/// One owner's accounts and their totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OwnerSummary {
    /// The team member; `None` groups the accounts nobody owns.
    pub owner: Option<Id>,
    pub name: String,
    pub accounts: usize,
    /// Mean of the judged accounts' overall scores (red, amber or green), rounded: an
    /// incomplete plan's number is no judgement to average.
    pub average_score: Option<u8>,
    pub red: usize,
    pub amber: usize,
    pub green: usize,
    /// Plans too thin to judge (band Incomplete).
    pub incomplete: usize,
    pub unscored: usize,
    /// Accounts with at least one plan part overdue for review.
    pub overdue_reviews: usize,
    /// Plan parts overdue for review, over all the owner's accounts.
    pub stale_parts: usize,
    pub overdue_actions: usize,
    pub rows: Vec<PortfolioRow>,
}

/// Name shown for the accounts nobody owns.
pub const UNASSIGNED: &str = "Unassigned";
/// Name shown for an owner id that is not (or no longer) a team member's.
pub const UNKNOWN_OWNER: &str = "Unknown owner";

/// Groups portfolio rows by owner: one summary per owner with accounts, in the order the
/// owners first appear, rows in their given order.
pub fn by_owner(rows: &[PortfolioRow]) -> Vec<OwnerSummary> {
    let mut out: Vec<OwnerSummary> = Vec::new();
    for r in rows {
        let i = match out.iter().position(|o| o.owner == r.owner) {
            Some(i) => i,
            None => {
                let name = match (&r.owner, r.owner_name.trim()) {
                    (None, _) => UNASSIGNED.to_string(),
                    (Some(_), "") => UNKNOWN_OWNER.to_string(),
                    (Some(_), n) => n.to_string(),
                };
                out.push(OwnerSummary {
                    owner: r.owner.clone(),
                    name,
                    accounts: 0,
                    average_score: None,
                    red: 0,
                    amber: 0,
                    green: 0,
                    incomplete: 0,
                    unscored: 0,
                    overdue_reviews: 0,
                    stale_parts: 0,
                    overdue_actions: 0,
                    rows: Vec::new(),
                });
                out.len() - 1
            }
        };
        let o = &mut out[i];
        o.accounts += 1;
        match r.band {
            Some(Band::Red) => o.red += 1,
            Some(Band::Amber) => o.amber += 1,
            Some(Band::Green) => o.green += 1,
            Some(Band::Incomplete) => o.incomplete += 1,
            None => o.unscored += 1,
        }
        o.overdue_reviews += usize::from(r.stale);
        o.stale_parts += r.stale_parts;
        o.overdue_actions += r.overdue_actions;
        o.rows.push(r.clone());
    }
    for o in &mut out {
        let scores: Vec<f64> = o
            .rows
            .iter()
            .filter(|r| r.band.is_some_and(Band::is_real))
            .filter_map(|r| r.score)
            .map(f64::from)
            .collect();
        o.average_score = (!scores.is_empty())
            .then(|| (scores.iter().sum::<f64>() / scores.len() as f64).round() as u8);
    }
    out
}

/// The columns the owners table sorts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum OwnerSort {
    Name,
    Accounts,
    AverageScore,
    Red,
    Incomplete,
    OverdueReviews,
    OverdueActions,
}

/// The columns an owner's accounts table sorts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AccountSort {
    Name,
    Score,
    OverdueReviews,
    OverdueActions,
}

/// Sorts owners on `by`; ties (and `Unassigned`, always last on the name) by name.
pub fn sort_owners(list: &mut [OwnerSummary], by: OwnerSort, ascending: bool) {
    list.sort_by(|a, b| {
        let primary = match by {
            OwnerSort::Name => a
                .owner
                .is_none()
                .cmp(&b.owner.is_none())
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())),
            OwnerSort::Accounts => a.accounts.cmp(&b.accounts),
            OwnerSort::AverageScore => a.average_score.cmp(&b.average_score),
            OwnerSort::Red => a.red.cmp(&b.red),
            OwnerSort::Incomplete => a.incomplete.cmp(&b.incomplete),
            OwnerSort::OverdueReviews => a.overdue_reviews.cmp(&b.overdue_reviews),
            OwnerSort::OverdueActions => a.overdue_actions.cmp(&b.overdue_actions),
        };
        let primary = if ascending {
            primary
        } else {
            primary.reverse()
        };
        primary.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
}

/// Sorts one owner's accounts on `by`; ties by account name. By score, the judged plans
/// come first either way, then the incomplete ones, then the unscored
/// ([`portfolio::by_score`](super::portfolio::by_score)).
pub fn sort_rows(rows: &mut [PortfolioRow], by: AccountSort, ascending: bool) {
    rows.sort_by(|a, b| {
        let primary = match by {
            AccountSort::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            AccountSort::Score => super::portfolio::by_score(a, b, ascending),
            AccountSort::OverdueReviews => a.stale_parts.cmp(&b.stale_parts),
            AccountSort::OverdueActions => a.overdue_actions.cmp(&b.overdue_actions),
        };
        // `by_score` knows its direction already.
        let primary = if ascending || by == AccountSort::Score {
            primary
        } else {
            primary.reverse()
        };
        primary.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
}

/// The accounts in the order a group walk-through steps through them: owner by owner,
/// each owner's accounts in the order shown.
pub fn walk_order(owners: &[OwnerSummary]) -> Vec<Id> {
    owners
        .iter()
        .flat_map(|o| o.rows.iter().map(|r| r.id.clone()))
        .collect()
}

/// Where a walk-through stands: the account shown (the first when `at` is not in the
/// order), its 0-based position, and its neighbours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkPosition {
    pub current: Id,
    pub index: usize,
    pub total: usize,
    pub previous: Option<Id>,
    pub next: Option<Id>,
}

pub fn walk_position(order: &[Id], at: Option<&Id>) -> Option<WalkPosition> {
    let index = at
        .and_then(|id| order.iter().position(|x| x == id))
        .unwrap_or(0);
    let current = order.get(index)?.clone();
    Some(WalkPosition {
        current,
        index,
        total: order.len(),
        previous: index.checked_sub(1).map(|i| order[i].clone()),
        next: order.get(index + 1).cloned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::portfolio::portfolio;
    use crate::domain::sample::demo::demo_workspace;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
    }

    fn demo_owners() -> Vec<OwnerSummary> {
        let ws = demo_workspace(today());
        by_owner(&portfolio(&ws, today()).rows)
    }

    fn names(list: &[OwnerSummary]) -> Vec<&str> {
        list.iter().map(|o| o.name.as_str()).collect()
    }

    #[test]
    fn the_demo_team_has_three_owners_of_two_accounts_each() {
        let owners = demo_owners();
        assert_eq!(
            names(&owners),
            vec!["Priya Raman", "Daniel Okoye", "Sofia Lind"]
        );
        assert!(owners.iter().all(|o| o.accounts == 2));
        let daniel = &owners[1];
        let accounts: Vec<&str> = daniel.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(accounts, vec!["Brightwell Foods", "Copperleaf Engineering"]);
        // Copperleaf: three overdue actions and every part overdue for review; Brightwell
        // one overdue action.
        assert_eq!(daniel.overdue_actions, 4);
        assert_eq!((daniel.overdue_reviews, daniel.stale_parts), (1, 11));
        // Sofia: Stonebridge has two stale parts (opportunities and cadence).
        let sofia = &owners[2];
        assert_eq!((sofia.overdue_reviews, sofia.stale_parts), (1, 2));
        // The average is the rounded mean of the owner's judged scores: Sofia's Lumina
        // Learning, barely filled in, is incomplete and left out.
        assert_eq!((sofia.incomplete, owners[0].incomplete), (1, 0));
        let mean = |o: &OwnerSummary| {
            let s: Vec<f64> = o
                .rows
                .iter()
                .filter(|r| r.band != Some(Band::Incomplete))
                .filter_map(|r| r.score)
                .map(f64::from)
                .collect();
            (s.iter().sum::<f64>() / s.len() as f64).round() as u8
        };
        for o in &owners {
            assert_eq!(o.average_score, Some(mean(o)));
        }
        for o in &owners {
            assert_eq!(
                o.red + o.amber + o.green + o.incomplete + o.unscored,
                o.accounts
            );
        }
    }

    fn row(id: &str, owner: Option<&str>, owner_name: &str, score: Option<u8>) -> PortfolioRow {
        let ws = crate::domain::model::Workspace::default();
        let a = crate::domain::model::Account {
            id: Id::new(id),
            name: id.to_uppercase(),
            ..Default::default()
        };
        let mut r = crate::domain::portfolio::row(&ws, &a, today());
        r.owner = owner.map(Id::new);
        r.owner_name = owner_name.into();
        r.score = score;
        r.stale = false;
        r.stale_parts = 0;
        r.overdue_actions = 0;
        r.band = score
            .map(|s| crate::domain::scoring::band_for(s, &crate::domain::model::Bands::default()));
        r
    }

    #[test]
    fn aggregates_scores_bands_and_overdue_counts_per_owner() {
        let mut rows = vec![
            row("a", Some("m1"), "Ann", Some(80)),
            row("b", None, "", Some(40)),
            row("c", Some("m1"), "Ann", Some(45)),
            row("d", Some("gone"), "", None),
            row("e", Some("m1"), "Ann", None),
        ];
        rows[0].overdue_actions = 2;
        rows[2].overdue_actions = 1;
        rows[2].stale = true;
        rows[2].stale_parts = 4;
        let owners = by_owner(&rows);
        assert_eq!(names(&owners), vec!["Ann", UNASSIGNED, UNKNOWN_OWNER]);
        let ann = &owners[0];
        assert_eq!(ann.accounts, 3);
        assert_eq!(ann.average_score, Some(63)); // (80 + 45) / 2 = 62.5
        assert_eq!((ann.red, ann.amber, ann.green, ann.unscored), (1, 0, 1, 1));
        assert_eq!(ann.overdue_actions, 3);
        assert_eq!((ann.overdue_reviews, ann.stale_parts), (1, 4));
        assert_eq!(owners[2].average_score, None);
        assert!(by_owner(&[]).is_empty());
    }

    #[test]
    fn owners_and_accounts_sort_both_ways() {
        let mut rows = vec![
            row("a", Some("m1"), "Zoe", Some(80)),
            row("b", None, "", Some(40)),
            row("c", Some("m2"), "adam", Some(45)),
            row("d", Some("m2"), "adam", Some(70)),
        ];
        rows[1].overdue_actions = 5;
        let mut owners = by_owner(&rows);
        sort_owners(&mut owners, OwnerSort::Name, true);
        assert_eq!(names(&owners), vec!["adam", "Zoe", UNASSIGNED]);
        sort_owners(&mut owners, OwnerSort::AverageScore, true);
        assert_eq!(names(&owners), vec![UNASSIGNED, "adam", "Zoe"]); // 40, 58, 80
        sort_owners(&mut owners, OwnerSort::AverageScore, false);
        assert_eq!(names(&owners), vec!["Zoe", "adam", UNASSIGNED]);
        sort_owners(&mut owners, OwnerSort::OverdueActions, false);
        assert_eq!(owners[0].name, UNASSIGNED);
        sort_owners(&mut owners, OwnerSort::Accounts, false);
        assert_eq!(owners[0].name, "adam");

        let mut adam = owners[0].rows.clone();
        sort_rows(&mut adam, AccountSort::Score, false);
        assert_eq!(adam[0].id, Id::new("d"));
        sort_rows(&mut adam, AccountSort::Score, true);
        assert_eq!(adam[0].id, Id::new("c"));
        sort_rows(&mut adam, AccountSort::Name, false);
        assert_eq!(adam[0].id, Id::new("d"));

        // An incomplete plan's 100 sorts after the judged plans, both ways, and is counted.
        let mut thin = row("e", Some("m2"), "adam", Some(100));
        thin.band = Some(Band::Incomplete);
        let mut adam = adam.clone();
        adam.push(thin.clone());
        sort_rows(&mut adam, AccountSort::Score, false);
        assert_eq!(adam.last().unwrap().id, Id::new("e"));
        sort_rows(&mut adam, AccountSort::Score, true);
        assert_eq!(adam.last().unwrap().id, Id::new("e"));
        rows.push(thin);
        let mut owners = by_owner(&rows);
        let adam = owners.iter().find(|o| o.name == "adam").unwrap();
        assert_eq!((adam.incomplete, adam.average_score), (1, Some(58)));
        sort_owners(&mut owners, OwnerSort::Incomplete, false);
        assert_eq!(owners[0].name, "adam");
    }

    #[test]
    fn the_walk_goes_owner_by_owner_and_stops_at_the_ends() {
        let owners = demo_owners();
        let order = walk_order(&owners);
        assert_eq!(order.len(), 6);
        assert_eq!(order[0], owners[0].rows[0].id);
        assert_eq!(order[2], owners[1].rows[0].id);

        let first = walk_position(&order, None).unwrap();
        assert_eq!((first.index, first.total), (0, 6));
        assert_eq!(first.previous, None);
        assert_eq!(first.next.as_ref(), Some(&order[1]));
        let third = walk_position(&order, Some(&order[2])).unwrap();
        assert_eq!(third.previous.as_ref(), Some(&order[1]));
        assert_eq!(third.next.as_ref(), Some(&order[3]));
        let last = walk_position(&order, Some(&order[5])).unwrap();
        assert_eq!(last.next, None);
        // An id no longer in the order (account archived meanwhile) starts over.
        let lost = walk_position(&order, Some(&Id::new("nope"))).unwrap();
        assert_eq!(lost.index, 0);
        assert_eq!(walk_position(&[], None), None);
    }
}
