//! Feedback items (start / stop / keep) and the actions that answer them: an action may
//! name one item, and the link is kept whole both ways (shown on each side, cleared when
//! the item goes, never left pointing at nothing).

use crate::domain::model::{AccountPlan, Action, FeedbackItem, Id};

/// Every feedback item of the plan, start, stop and keep in turn.
pub fn items(plan: &AccountPlan) -> impl Iterator<Item = &FeedbackItem> {
    let f = &plan.feedback;
    f.start.iter().chain(&f.stop).chain(&f.keep)
}

pub fn find<'a>(plan: &'a AccountPlan, id: &Id) -> Option<&'a FeedbackItem> {
    items(plan).find(|f| &f.id == id)
}

/// The actions that answer feedback item `id`.
pub fn actions_for<'a>(plan: &'a AccountPlan, id: &'a Id) -> impl Iterator<Item = &'a Action> {
    plan.actions
        .iter()
        .filter(move |a| a.feedback.as_ref() == Some(id))
}

/// Deletes a feedback item and the actions' links to it.
pub fn delete_item(plan: &mut AccountPlan, id: &Id) {
    let f = &mut plan.feedback;
    for list in [&mut f.start, &mut f.stop, &mut f.keep] {
        list.retain(|x| &x.id != id);
    }
    for a in &mut plan.actions {
        if a.feedback.as_ref() == Some(id) {
            a.feedback = None;
        }
    }
}

/// Clears the actions' links to feedback items the plan does not have (after a merge took
/// an item away on one side while an action was linked to it on the other).
pub fn drop_dangling_links(plan: &mut AccountPlan) {
    if plan.actions.iter().all(|a| a.feedback.is_none()) {
        return;
    }
    let known: std::collections::HashSet<Id> = items(plan).map(|f| f.id.clone()).collect();
    for a in &mut plan.actions {
        if a.feedback.as_ref().is_some_and(|f| !known.contains(f)) {
            a.feedback = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> AccountPlan {
        let mut p = AccountPlan::default();
        p.feedback.start.push(FeedbackItem {
            id: Id::new("fb-1"),
            ..FeedbackItem::default()
        });
        p.feedback.stop.push(FeedbackItem {
            id: Id::new("fb-2"),
            ..FeedbackItem::default()
        });
        for (id, fb) in [("a1", Some("fb-1")), ("a2", Some("fb-2")), ("a3", None)] {
            p.actions.push(Action {
                id: Id::new(id),
                feedback: fb.map(Id::new),
                ..Action::default()
            });
        }
        p
    }

    #[test]
    fn deleting_an_item_clears_the_links_to_it_only() {
        let mut p = plan();
        let fb1 = Id::new("fb-1");
        assert_eq!(actions_for(&p, &fb1).count(), 1);
        delete_item(&mut p, &fb1);
        assert!(find(&p, &fb1).is_none());
        let links: Vec<_> = p.actions.iter().map(|a| a.feedback.clone()).collect();
        assert_eq!(links, vec![None, Some(Id::new("fb-2")), None]);
    }

    #[test]
    fn dangling_links_are_dropped() {
        let mut p = plan();
        p.feedback.stop.clear();
        drop_dangling_links(&mut p);
        assert_eq!(p.actions[0].feedback, Some(Id::new("fb-1")));
        assert_eq!(p.actions[1].feedback, None);
    }
}
