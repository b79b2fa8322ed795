//! Actions by expected impact: so that low-value work can be seen (sorted, filtered) and
//! stopped when it crowds out the high-impact work that is overdue (the tyranny of the
//! urgent).

use chrono::NaiveDate;

use crate::domain::model::{AccountPlan, Action, ActionStatus, Impact};

/// This many open low-impact actions, while a high-impact one is overdue, is low-value
/// work crowding out what matters.
pub const LOW_VALUE_MIN: usize = 3;

/// Sorts high first, then medium, low, and unjudged last.
pub fn rank(impact: Option<Impact>) -> u8 {
    match impact {
        Some(Impact::High) => 0,
        Some(Impact::Medium) => 1,
        Some(Impact::Low) => 2,
        None => 3,
    }
}

fn open(a: &Action) -> bool {
    matches!(a.status, ActionStatus::Open | ActionStatus::InProgress)
}

/// Open low-impact actions and overdue high-impact ones, when the first are at least
/// [`LOW_VALUE_MIN`] and the second at least one.
pub struct LowValueWork<'a> {
    pub low_open: Vec<&'a Action>,
    pub high_overdue: Vec<&'a Action>,
}

pub fn low_value_work(plan: &AccountPlan, today: NaiveDate) -> Option<LowValueWork<'_>> {
    let low_open: Vec<&Action> = plan
        .actions
        .iter()
        .filter(|a| open(a) && a.impact == Some(Impact::Low))
        .collect();
    if low_open.len() < LOW_VALUE_MIN {
        return None;
    }
    let high_overdue: Vec<&Action> = plan
        .actions
        .iter()
        .filter(|a| open(a) && a.impact == Some(Impact::High) && a.due.is_some_and(|d| d < today))
        .collect();
    (!high_overdue.is_empty()).then_some(LowValueWork {
        low_open,
        high_overdue,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Id;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn action(id: &str, impact: Option<Impact>, due: &str, status: ActionStatus) -> Action {
        Action {
            id: Id::new(id),
            impact,
            due: Some(day(due)),
            status,
            ..Action::default()
        }
    }

    #[test]
    fn three_open_low_actions_and_an_overdue_high_one_are_low_value_work() {
        let today = day("2026-11-24");
        let mut p = AccountPlan {
            actions: vec![
                action("h", Some(Impact::High), "2026-11-10", ActionStatus::Open),
                action("l1", Some(Impact::Low), "2026-12-10", ActionStatus::Open),
                action(
                    "l2",
                    Some(Impact::Low),
                    "2026-12-10",
                    ActionStatus::InProgress,
                ),
                action("l3", Some(Impact::Low), "2026-12-10", ActionStatus::Done),
            ],
            ..AccountPlan::default()
        };
        // Two open low ones: not yet.
        assert!(low_value_work(&p, today).is_none());
        p.actions.push(action(
            "l4",
            Some(Impact::Low),
            "2026-10-01",
            ActionStatus::Open,
        ));
        let w = low_value_work(&p, today).unwrap();
        assert_eq!((w.low_open.len(), w.high_overdue.len()), (3, 1));
        // The high one done: nothing crowded out.
        p.actions[0].status = ActionStatus::Done;
        assert!(low_value_work(&p, today).is_none());
    }

    #[test]
    fn rank_puts_high_first_and_unjudged_last() {
        let mut v = vec![
            None,
            Some(Impact::Low),
            Some(Impact::High),
            Some(Impact::Medium),
        ];
        v.sort_by_key(|i| rank(*i));
        assert_eq!(
            v,
            vec![
                Some(Impact::High),
                Some(Impact::Medium),
                Some(Impact::Low),
                None
            ]
        );
    }
}
