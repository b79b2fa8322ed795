//! My week: what needs doing across all accounts, one list per kind of work. Overdue
//! actions and those due in the coming seven days, meetings in the next 14 days, plan
//! reviews due, success-measure checks due, renewals inside their notice period and
//! decision makers nobody has touched in 90 days. Each rule reads the one rule of its
//! concept (`scoring::action_overdue`, `staleness`, `measure_check`), so the
//! agenda never disagrees with the account's own sections. Archived accounts never appear.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use super::measure_check;
use super::model::{
    Account, ActionStatus, DecisionRole, Id, PlanPart, RenewalStatus, ReviewRhythm, Workspace,
};
use super::scoring::action_overdue as is_overdue;
use super::staleness::part_status;

/// Days ahead that count as "this week" (today and the six days after it).
pub const WEEK_DAYS: i64 = 7;
/// Days ahead the meetings are listed for (today and the 14 days after it).
pub const MEETING_DAYS: i64 = 14;
/// A decision maker with no interaction for this many days is listed.
pub const UNTOUCHED_DAYS: i64 = 90;

/// Whose accounts the agenda covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whose {
    Everyone,
    /// The accounts this team member owns.
    Owner(Id),
}

impl Whose {
    pub fn covers(&self, account: &Account) -> bool {
        match self {
            Whose::Everyone => true,
            Whose::Owner(id) => account.owner.as_ref() == Some(id),
        }
    }
}

/// The kinds of work, in the order the agenda shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    OverdueAction,
    ActionThisWeek,
    Meeting,
    Review,
    MeasureCheck,
    Renewal,
    DecisionMaker,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::OverdueAction,
        Kind::ActionThisWeek,
        Kind::Meeting,
        Kind::Review,
        Kind::MeasureCheck,
        Kind::Renewal,
        Kind::DecisionMaker,
    ];

    /// The heading of the kind's list.
    pub fn label(self) -> &'static str {
        match self {
            Kind::OverdueAction => "Overdue actions",
            Kind::ActionThisWeek => "Actions due this week",
            Kind::Meeting => "Meetings in the next 14 days",
            Kind::Review => "Reviews due",
            Kind::MeasureCheck => "Measure checks due",
            Kind::Renewal => "Renewals in their notice period",
            Kind::DecisionMaker => "Decision makers not touched in 90 days",
        }
    }

    /// The plan section where the work is done.
    pub fn part(self) -> PlanPart {
        match self {
            Kind::OverdueAction | Kind::ActionThisWeek => PlanPart::Actions,
            Kind::Meeting => PlanPart::Cadence,
            Kind::Review => PlanPart::Goals,
            Kind::MeasureCheck => PlanPart::SuccessMeasures,
            Kind::Renewal => PlanPart::Contract,
            Kind::DecisionMaker => PlanPart::Contacts,
        }
    }
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub account: Id,
    pub account_name: String,
    /// The action, meeting, measure or contact; `None` for a review (the account's).
    pub entity: Option<Id>,
    pub title: String,
    /// When it is due (the action's due day, the meeting's next date, the review's or the
    /// check's due day, the contract's end, the decision maker's last touch); `None` for a
    /// measure never checked or a decision maker never touched.
    pub date: Option<NaiveDate>,
    /// The section it leads to.
    pub part: PlanPart,
}

/// One kind's items, sorted by date (undated first), then account, then title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: Kind,
    pub items: Vec<Item>,
}

/// The agenda on `today` of the accounts `whose` covers: one group per kind, every kind
/// listed (empty or not), in [`Kind::ALL`] order.
pub fn agenda(ws: &Workspace, whose: &Whose, today: NaiveDate) -> Vec<Group> {
    let mut items: Vec<Item> = Vec::new();
    for account in ws
        .accounts
        .iter()
        .filter(|a| !a.archived && whose.covers(a))
    {
        account_items(account, &ws.settings.rhythm, today, &mut items);
    }
    items.sort_by(|a, b| {
        (a.kind, a.date, &a.account_name, &a.title).cmp(&(
            b.kind,
            b.date,
            &b.account_name,
            &b.title,
        ))
    });
    let mut groups: Vec<Group> = Kind::ALL
        .into_iter()
        .map(|kind| Group {
            kind,
            items: Vec::new(),
        })
        .collect();
    for item in items {
        groups[item.kind as usize].items.push(item);
    }
    groups
}

/// The number of items of every group.
pub fn count(groups: &[Group]) -> usize {
    groups.iter().map(|g| g.items.len()).sum()
}

fn account_items(a: &Account, rhythm: &ReviewRhythm, today: NaiveDate, out: &mut Vec<Item>) {
    let item = |kind: Kind, entity: Option<&Id>, title: String, date: Option<NaiveDate>| Item {
        kind,
        account: a.id.clone(),
        account_name: a.name.clone(),
        entity: entity.cloned(),
        title,
        date,
        part: kind.part(),
    };
    let week_end = today + Duration::days(WEEK_DAYS - 1);
    let p = &a.plan;
    for action in &p.actions {
        let open = matches!(action.status, ActionStatus::Open | ActionStatus::InProgress);
        let kind = match action.due {
            _ if is_overdue(action, today) => Kind::OverdueAction,
            Some(d) if open && (today..=week_end).contains(&d) => Kind::ActionThisWeek,
            _ => continue,
        };
        out.push(item(
            kind,
            Some(&action.id),
            action.title.clone(),
            action.due,
        ));
    }
    let meetings_end = today + Duration::days(MEETING_DAYS);
    for m in &p.cadence {
        if let Some(d) = m.next_date.filter(|d| (today..=meetings_end).contains(d)) {
            let title = if m.title.trim().is_empty() {
                "Meeting".to_string()
            } else {
                m.title.clone()
            };
            out.push(item(Kind::Meeting, Some(&m.id), title, Some(d)));
        }
    }
    if let Some((title, due)) = reviews_due(a, rhythm, week_end) {
        let mut review = item(Kind::Review, None, title, Some(due));
        review.part = first_due_part(a, rhythm, week_end);
        out.push(review);
    }
    for m in p
        .measures
        .iter()
        .filter(|m| measure_check::is_due(m, week_end))
    {
        let title = format!("Check {}", m.name);
        out.push(item(
            Kind::MeasureCheck,
            Some(&m.id),
            title,
            measure_check::due_on(m),
        ));
    }
    if let Some(end) = renewal_in_notice(a, today) {
        let days = p.contract.notice_days.unwrap_or(0);
        let title = format!("Contract ends {end} ({days} days' notice)");
        out.push(item(Kind::Renewal, None, title, Some(end)));
    }
    untouched_decision_makers(a, today, |id, name, last| {
        out.push(item(Kind::DecisionMaker, Some(id), name.to_string(), last));
    });
}

/// Parts started and due for review by `by` (overdue included), with the earliest due day.
fn due_parts(a: &Account, rhythm: &ReviewRhythm, by: NaiveDate) -> Vec<(PlanPart, NaiveDate)> {
    PlanPart::ALL
        .into_iter()
        .map(|part| part_status(a, part, rhythm, by))
        .filter(|s| s.started && (s.stale || s.due <= by))
        .map(|s| (s.part, s.due))
        .collect()
}

/// "Review Goals, Contacts" and the earliest due day, when some part is due by `by`.
fn reviews_due(a: &Account, rhythm: &ReviewRhythm, by: NaiveDate) -> Option<(String, NaiveDate)> {
    let parts = due_parts(a, rhythm, by);
    let due = parts.iter().map(|(_, d)| *d).min()?;
    let names: Vec<&str> = parts.iter().map(|(p, _)| p.label()).collect();
    Some((format!("Review {}", names.join(", ")), due))
}

/// The section of the part due first, where the review starts.
fn first_due_part(a: &Account, rhythm: &ReviewRhythm, by: NaiveDate) -> PlanPart {
    due_parts(a, rhythm, by)
        .into_iter()
        .min_by_key(|(_, d)| *d)
        .map_or(PlanPart::Goals, |(p, _)| p)
}

/// The contract's end day when `today` is inside its notice period (the `notice_days` before
/// the end, the end included) and the renewal is still open (not renewed, not lost).
pub fn renewal_in_notice(a: &Account, today: NaiveDate) -> Option<NaiveDate> {
    let c = &a.plan.contract;
    let (end, notice) = (c.end_date?, c.notice_days?);
    let open = matches!(
        c.renewal_status,
        RenewalStatus::NotStarted | RenewalStatus::InDiscussion
    );
    let start = end - Duration::days(i64::from(notice));
    (open && (start..=end).contains(&today)).then_some(end)
}

/// Calls `found` with each decision maker whose last interaction (on or before `today`) is
/// more than [`UNTOUCHED_DAYS`] ago, or who has none.
fn untouched_decision_makers(
    a: &Account,
    today: NaiveDate,
    mut found: impl FnMut(&Id, &str, Option<NaiveDate>),
) {
    let p = &a.plan;
    let deciders: Vec<_> = p
        .contacts
        .iter()
        .filter(|c| c.role == Some(DecisionRole::DecisionMaker))
        .collect();
    if deciders.is_empty() {
        return;
    }
    let mut last: HashMap<&Id, NaiveDate> = HashMap::with_capacity(deciders.len());
    for x in &p.interactions {
        let Some(d) = x.date.filter(|d| *d <= today) else {
            continue;
        };
        for c in &x.contacts {
            last.entry(c).and_modify(|l| *l = (*l).max(d)).or_insert(d);
        }
    }
    let limit = today - Duration::days(UNTOUCHED_DAYS);
    for c in deciders {
        let touched = last.get(&c.id).copied();
        if touched.is_none_or(|d| d < limit) {
            found(&c.id, &c.name, touched);
        }
    }
}

#[cfg(test)]
mod tests;
