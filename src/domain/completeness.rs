//! Plan completeness: for each part of the plan, what is filled in and what is missing. A
//! part with nothing filled in is **not started**: it has nothing to review, so it is
//! neither fresh nor stale (`staleness`), and it gives the scorecard no data.
//!
//! [`is_started`] is what staleness and the portfolio ask of every account, so it only
//! looks at whether lists are empty and figures set; [`part_completeness`] lists a part's
//! checks for the account page, and a part is started exactly when one of them is filled.

use serde::Serialize;

use super::model::{
    Account, AccountPlan, ActionStatus, DecisionRole, PlanPart, Settings, SuccessMeasure,
};

/// A set of plan parts, as bits: a portfolio row keeps which parts are started without a
/// list of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PartSet(u16);

impl PartSet {
    fn bit(part: PlanPart) -> u16 {
        // The parts are declared in `PlanPart::ALL`'s order, 11 of them.
        1 << (part as u16)
    }
    pub fn insert(&mut self, part: PlanPart) {
        self.0 |= Self::bit(part);
    }
    pub fn contains(self, part: PlanPart) -> bool {
        self.0 & Self::bit(part) != 0
    }
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The parts not in the set, in plan order.
    pub fn missing(self) -> impl Iterator<Item = PlanPart> {
        PlanPart::ALL
            .into_iter()
            .filter(move |p| !self.contains(*p))
    }
}

/// True when something of `part` is filled in.
pub fn is_started(plan: &AccountPlan, part: PlanPart) -> bool {
    match part {
        PlanPart::Revenue => {
            let r = &plan.revenue;
            r.last_year.is_some()
                || r.commitment.is_some()
                || r.growth_target.is_some()
                || r.quarterly_actuals.iter().any(Option::is_some)
        }
        PlanPart::Goals => !plan.goals.is_empty(),
        PlanPart::SuccessMeasures => !plan.measures.is_empty(),
        PlanPart::Feedback => {
            let f = &plan.feedback;
            !(f.start.is_empty() && f.stop.is_empty() && f.keep.is_empty())
        }
        PlanPart::Contacts => !plan.contacts.is_empty() || !plan.interactions.is_empty(),
        PlanPart::WhiteSpace => {
            !plan.white_space.units.is_empty() || !plan.white_space.cells.is_empty()
        }
        PlanPart::Opportunities => !plan.opportunities.is_empty(),
        PlanPart::Actions => !plan.actions.is_empty(),
        PlanPart::Cadence => !plan.cadence.is_empty(),
        PlanPart::Team => !plan.team.is_empty(),
        PlanPart::Contract => {
            let c = &plan.contract;
            c.start_date.is_some()
                || c.end_date.is_some()
                || c.notice_days.is_some()
                || c.value.is_some()
        }
    }
}

/// The parts of the plan with something filled in.
pub fn started_parts(plan: &AccountPlan) -> PartSet {
    let mut set = PartSet::default();
    for part in PlanPart::ALL {
        if is_started(plan, part) {
            set.insert(part);
        }
    }
    set
}

/// How far a part is filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PartState {
    NotStarted,
    Partial,
    Complete,
}

impl PartState {
    pub fn label(self) -> &'static str {
        match self {
            PartState::NotStarted => "Not started",
            PartState::Partial => "Partly filled in",
            PartState::Complete => "Filled in",
        }
    }
}

/// One thing a part should hold, and whether it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Check {
    pub label: &'static str,
    pub filled: bool,
}

/// One part's checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartCompleteness {
    pub part: PlanPart,
    pub state: PartState,
    pub checks: Vec<Check>,
}

impl PartCompleteness {
    pub fn filled(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.checks.iter().filter(|c| c.filled).map(|c| c.label)
    }
    pub fn missing(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.checks.iter().filter(|c| !c.filled).map(|c| c.label)
    }
}

/// What `part` of the account's plan holds and lacks.
pub fn part_completeness(
    account: &Account,
    settings: &Settings,
    part: PlanPart,
) -> PartCompleteness {
    let checks: Vec<Check> = checks(&account.plan, settings, part)
        .into_iter()
        .map(|(label, filled)| Check { label, filled })
        .collect();
    let filled = checks.iter().filter(|c| c.filled).count();
    let state = if filled == 0 {
        PartState::NotStarted
    } else if filled == checks.len() {
        PartState::Complete
    } else {
        PartState::Partial
    };
    PartCompleteness {
        part,
        state,
        checks,
    }
}

/// Every part's completeness, in plan order.
pub fn plan_completeness(account: &Account, settings: &Settings) -> Vec<PartCompleteness> {
    PlanPart::ALL
        .into_iter()
        .map(|p| part_completeness(account, settings, p))
        .collect()
}

/// What a part should hold, and whether it does.
type Checks = Vec<(&'static str, bool)>;

/// A part's checks. The first ones together say whether it is started (as
/// [`is_started`]); the later ones each need the part started.
fn checks(plan: &AccountPlan, settings: &Settings, part: PlanPart) -> Checks {
    match part {
        PlanPart::Revenue => revenue_checks(plan),
        PlanPart::Goals => goal_checks(plan),
        PlanPart::SuccessMeasures => measure_checks(plan),
        PlanPart::Feedback => feedback_checks(plan),
        PlanPart::Contacts => contact_checks(plan, settings),
        PlanPart::WhiteSpace => vec![
            ("business units", !plan.white_space.units.is_empty()),
            ("cells filled in", !plan.white_space.cells.is_empty()),
        ],
        PlanPart::Opportunities => vec![
            ("opportunities", !plan.opportunities.is_empty()),
            (
                "an opportunity aligned to a goal",
                plan.opportunities.iter().any(|o| o.goal.is_some()),
            ),
        ],
        PlanPart::Actions => action_checks(plan),
        PlanPart::Cadence => cadence_checks(plan),
        PlanPart::Team => vec![
            ("team roles", !plan.team.is_empty()),
            (
                "an executive sponsor",
                plan.team.iter().any(|r| r.executive_sponsor),
            ),
        ],
        PlanPart::Contract => contract_checks(plan),
    }
}

fn revenue_checks(plan: &AccountPlan) -> Checks {
    let r = &plan.revenue;
    vec![
        ("revenue commitment", r.commitment.is_some()),
        ("growth target", r.growth_target.is_some()),
        ("last year's spend", r.last_year.is_some()),
        (
            "quarterly actuals",
            r.quarterly_actuals.iter().any(Option::is_some),
        ),
    ]
}

/// Goals, and who at the customer told us each (an unsourced goal is a guess).
fn goal_checks(plan: &AccountPlan) -> Checks {
    let any = !plan.goals.is_empty();
    vec![
        ("customer goals", any),
        (
            "who told us each goal",
            any && plan.goals.iter().all(|g| g.source_contact.is_some()),
        ),
    ]
}

fn measure_checks(plan: &AccountPlan) -> Checks {
    let any = !plan.measures.is_empty();
    let measured = |m: &SuccessMeasure| m.target.is_some() && m.current.is_some();
    vec![
        ("success measures", any),
        (
            "a target and a current value for each",
            any && plan.measures.iter().all(measured),
        ),
    ]
}

fn feedback_checks(plan: &AccountPlan) -> Checks {
    let f = &plan.feedback;
    vec![
        ("start doing", !f.start.is_empty()),
        ("stop doing", !f.stop.is_empty()),
        ("keep doing", !f.keep.is_empty()),
    ]
}

/// Actions, each open one with a due date (an action without one never comes due).
fn action_checks(plan: &AccountPlan) -> Checks {
    let any = !plan.actions.is_empty();
    let open = |s: ActionStatus| matches!(s, ActionStatus::Open | ActionStatus::InProgress);
    vec![
        ("actions", any),
        (
            "a due date on each open action",
            any && plan
                .actions
                .iter()
                .all(|a| !open(a.status) || a.due.is_some()),
        ),
    ]
}

fn cadence_checks(plan: &AccountPlan) -> Checks {
    let any = !plan.cadence.is_empty();
    vec![
        ("meetings", any),
        (
            "each accepted by all parties",
            any && plan.cadence.iter().all(|m| m.accepted_by_all),
        ),
    ]
}

fn contract_checks(plan: &AccountPlan) -> Checks {
    let c = &plan.contract;
    vec![
        ("end date", c.end_date.is_some()),
        ("start date", c.start_date.is_some()),
        ("notice period", c.notice_days.is_some()),
        ("contract value", c.value.is_some()),
    ]
}

/// Contacts and interactions: someone to talk to, an executive and a decision maker among
/// them, and touches logged.
fn contact_checks(plan: &AccountPlan, settings: &Settings) -> Checks {
    let executive = plan.contacts.iter().any(|c| {
        c.level
            .as_ref()
            .is_some_and(|l| settings.levels.iter().any(|t| &t.id == l && t.executive))
    });
    vec![
        ("contacts", !plan.contacts.is_empty()),
        ("interactions logged", !plan.interactions.is_empty()),
        ("an executive contact", executive),
        (
            "a decision maker",
            plan.contacts
                .iter()
                .any(|c| c.role == Some(DecisionRole::DecisionMaker)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Contact, Id, Interaction, TeamRole};
    use crate::domain::sample::demo::demo_workspace;
    use crate::domain::sample::synthetic::{synthetic_workspace, SMALL};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn new_account() -> Account {
        Account::new(Id::new("a"), "Acme", today(), Default::default())
    }

    fn of(a: &Account, part: PlanPart) -> PartCompleteness {
        part_completeness(a, &Settings::default(), part)
    }

    #[test]
    fn a_new_account_has_every_part_not_started() {
        let a = new_account();
        assert!(started_parts(&a.plan).is_empty());
        let all = plan_completeness(&a, &Settings::default());
        assert_eq!(all.len(), 11);
        assert!(all.iter().all(|p| p.state == PartState::NotStarted));
        assert_eq!(
            of(&a, PlanPart::Revenue).missing().collect::<Vec<_>>(),
            vec![
                "revenue commitment",
                "growth target",
                "last year's spend",
                "quarterly actuals"
            ]
        );
    }

    #[test]
    fn a_commitment_starts_the_revenue_part_and_the_rest_is_missing() {
        let mut a = new_account();
        a.plan.revenue.commitment = Some(500_000.0);
        let r = of(&a, PlanPart::Revenue);
        assert_eq!(r.state, PartState::Partial);
        assert_eq!(r.filled().collect::<Vec<_>>(), vec!["revenue commitment"]);
        assert_eq!(r.missing().count(), 3);
        let started = started_parts(&a.plan);
        assert_eq!(started.len(), 1);
        assert!(started.contains(PlanPart::Revenue));
        assert_eq!(started.missing().count(), 10);
        assert_eq!(started.missing().next(), Some(PlanPart::Goals));
    }

    #[test]
    fn contacts_are_complete_with_an_executive_a_decision_maker_and_a_touch() {
        let mut a = new_account();
        a.plan.contacts.push(Contact {
            id: Id::new("c"),
            level: Some(Id::new("lvl-exec")),
            ..Contact::default()
        });
        let c = of(&a, PlanPart::Contacts);
        assert_eq!(
            c.filled().collect::<Vec<_>>(),
            vec!["contacts", "an executive contact"]
        );
        assert_eq!(
            c.missing().collect::<Vec<_>>(),
            vec!["interactions logged", "a decision maker"]
        );
        a.plan.contacts[0].role = Some(DecisionRole::DecisionMaker);
        a.plan.interactions.push(Interaction {
            id: Id::new("i"),
            contacts: vec![Id::new("c")],
            ..Interaction::default()
        });
        assert_eq!(of(&a, PlanPart::Contacts).state, PartState::Complete);
        // Interactions alone (their contact deleted) still start the part.
        a.plan.contacts.clear();
        assert!(is_started(&a.plan, PlanPart::Contacts));
    }

    #[test]
    fn a_team_role_without_a_sponsor_is_partly_filled_in() {
        let mut a = new_account();
        a.plan.team.push(TeamRole::default());
        let t = of(&a, PlanPart::Team);
        assert_eq!(t.state, PartState::Partial);
        assert_eq!(
            t.missing().collect::<Vec<_>>(),
            vec!["an executive sponsor"]
        );
        a.plan.team[0].executive_sponsor = true;
        assert_eq!(of(&a, PlanPart::Team).state, PartState::Complete);
    }

    #[test]
    fn started_is_one_of_the_checks_filled_in_every_sample() {
        let demo = demo_workspace(today());
        let synthetic = synthetic_workspace(3, 20, &SMALL, today());
        let mut accounts: Vec<Account> = demo
            .accounts
            .iter()
            .chain(&synthetic.accounts)
            .map(|a| (**a).clone())
            .collect();
        accounts.push(new_account());
        for a in &accounts {
            let started = started_parts(&a.plan);
            for part in PlanPart::ALL {
                let c = of(a, part);
                assert_eq!(
                    c.state != PartState::NotStarted,
                    started.contains(part),
                    "{} {part:?}",
                    a.name
                );
            }
        }
        // The demo's new account has only its contacts started.
        let lumina = demo
            .accounts
            .iter()
            .find(|a| a.name.starts_with("Lumina"))
            .unwrap();
        let started = started_parts(&lumina.plan);
        assert_eq!(started.len(), 1);
        assert!(started.contains(PlanPart::Contacts));
    }
}
