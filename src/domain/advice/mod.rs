//! Next best actions: the course corrections that would raise the account's score most.
//! Each candidate is tried on a copy of the account and re-scored, so its estimated gain
//! is what the scorecard would really show after doing it, not a guess. A plan too thin to
//! judge leads with what to fill in first (`fill_in`), each step with what it unlocks.

mod fill_in;
mod follow_through;
mod practices;

pub use practices::is_key_contact;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::coverage::{coverage_grid, rut, weakest_cell, RUT_MIN_TOUCHES, RUT_TOP_TWO_SHARE};
use super::model::ComponentKind;
use super::model::{
    Account, AccountPlan, ActionStatus, Contact, DecisionRole, Id, Interaction, Meeting, PlanPart,
    Settings, Stance,
};
use super::scoring::{score_account, Scorecard};
use super::staleness::{rhythm_of, staleness};

/// Renewals closer than this many days need an executive sponsor meeting.
pub const RENEWAL_WATCH_DAYS: i64 = 90;

/// One course correction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextBestAction {
    pub title: String,
    /// The component it raises.
    pub component: ComponentKind,
    /// Points of overall score it would add (0 when it matters but moves no score).
    pub estimated_gain: f64,
    /// Where in the plan it is done.
    pub section: PlanPart,
    /// The entity it is about, when there is one.
    pub target: Option<Id>,
    /// The components a step of filling the plan in gives data to; empty for a course
    /// correction.
    pub unlocks: Vec<ComponentKind>,
    /// The plan gets no band before this is done (a contact, a revenue commitment).
    pub needed_for_band: bool,
}

impl NextBestAction {
    /// What doing it brings, for the line under its title: "Needed for a band · unlocks
    /// Coverage", "Success measures · +12.5 points".
    pub fn note(&self) -> String {
        if self.unlocks.is_empty() && !self.needed_for_band {
            let gain = if self.estimated_gain > 0.0 {
                format!("+{:.1} points", self.estimated_gain)
            } else {
                "keeps the plan honest".to_string()
            };
            return format!("{} · {gain}", self.component.label());
        }
        let unlocks = self
            .unlocks
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(", ");
        match (self.needed_for_band, unlocks.is_empty()) {
            (true, true) => "Needed for a band".to_string(),
            (true, false) => format!("Needed for a band · unlocks {unlocks}"),
            (false, _) => format!("Unlocks {unlocks}"),
        }
    }
}

struct Candidate {
    title: String,
    component: ComponentKind,
    section: PlanPart,
    target: Option<Id>,
    apply: Box<dyn Fn(&mut Account)>,
}

fn candidate(
    title: String,
    component: ComponentKind,
    section: PlanPart,
    target: Option<Id>,
    apply: impl Fn(&mut Account) + 'static,
) -> Candidate {
    Candidate {
        title,
        component,
        section,
        target,
        apply: Box::new(apply),
    }
}

/// What to do next on an account on `today`: for a plan too thin to judge, what to fill in
/// first, then the course corrections, largest gain first; for a plan judged, the
/// corrections first, then what is still to fill in.
pub fn next_best_actions(
    account: &Account,
    settings: &Settings,
    today: NaiveDate,
) -> Vec<NextBestAction> {
    let card = score_account(account, settings, today);
    let steps = fill_in::steps(account, &card, settings, today);
    let corrections = corrections(account, &card, settings, today);
    let (first, then) = if card.is_incomplete() {
        (steps, corrections)
    } else {
        (corrections, steps)
    };
    first.into_iter().chain(then).collect()
}

/// The course corrections, largest gain first.
fn corrections(
    account: &Account,
    card: &Scorecard,
    settings: &Settings,
    today: NaiveDate,
) -> Vec<NextBestAction> {
    let base = card.overall.unwrap_or(0) as f64;
    let base_exact = exact_overall(card).unwrap_or(base);
    let mut out: Vec<NextBestAction> = candidates(account, settings, today)
        .into_iter()
        .map(|c| {
            let mut tried = account.clone();
            (c.apply)(&mut tried);
            let after =
                exact_overall(&score_account(&tried, settings, today)).unwrap_or(base_exact);
            NextBestAction {
                title: c.title,
                component: c.component,
                estimated_gain: ((after - base_exact) * 10.0).round() / 10.0,
                section: c.section,
                target: c.target,
                unlocks: Vec::new(),
                needed_for_band: false,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.estimated_gain
            .total_cmp(&a.estimated_gain)
            .then_with(|| a.title.cmp(&b.title))
    });
    out
}

/// The overall score before rounding, so that small gains still rank.
fn exact_overall(card: &Scorecard) -> Option<f64> {
    card.overall?;
    // Recompute the weighted mean from the rounded component scores and their weights.
    Some(
        card.components
            .iter()
            .filter_map(|c| Some(c.score? as f64 * c.weight))
            .sum(),
    )
}

fn engaged_contact(id: &str, dept: &Id, level: &Id, today: NaiveDate) -> (Contact, Interaction) {
    let cid = Id::new(format!("nba-{id}"));
    (
        Contact {
            id: cid.clone(),
            department: Some(dept.clone()),
            level: Some(level.clone()),
            ..Contact::default()
        },
        Interaction {
            id: Id::new(format!("nba-touch-{id}")),
            date: Some(today),
            contacts: vec![cid],
            ..Interaction::default()
        },
    )
}

/// Every course correction that applies to the account, by component.
fn candidates(account: &Account, settings: &Settings, today: NaiveDate) -> Vec<Candidate> {
    let plan = &account.plan;
    let mut out = Vec::new();
    coverage_gap(plan, settings, today, &mut out);
    out_of_the_rut(plan, settings, today, &mut out);
    doubting_decision_makers(plan, &mut out);
    meetings_to_fix(plan, today, &mut out);
    renewal_without_sponsor(plan, settings, today, &mut out);
    measures_off_target(plan, &mut out);
    follow_through::measure_checks_due(plan, today, &mut out);
    missing_actuals(account, today, &mut out);
    follow_through::unagreed_commitment(plan, &mut out);
    unaligned_opportunities(plan, &mut out);
    unsourced_goals(plan, &mut out);
    overdue_actions(plan, today, &mut out);
    follow_through::low_value_work(plan, today, &mut out);
    stale_parts(account, settings, today, &mut out);
    practices::practices(plan, settings, today, &mut out);
    out
}

/// Coverage: meet someone in the weakest cell of the coverage grid.
fn coverage_gap(
    plan: &AccountPlan,
    settings: &Settings,
    today: NaiveDate,
    out: &mut Vec<Candidate>,
) {
    if !plan.contacts.is_empty() {
        let grid = coverage_grid(plan, settings, today);
        if let Some((d, l)) = weakest_cell(&grid) {
            let (dept, level) = (grid.departments[d].clone(), grid.levels[l].clone());
            let title = if level.executive {
                format!("No executive contact engaged in {}", dept.name)
            } else {
                format!("Meet someone in {} at {} level", dept.name, level.name)
            };
            out.push(candidate(
                title,
                ComponentKind::Coverage,
                PlanPart::Contacts,
                None,
                move |a| {
                    let (c, i) = engaged_contact("cov", &dept.id, &level.id, today);
                    a.plan.contacts.push(c);
                    a.plan.interactions.push(i);
                },
            ));
        }
    }
}

/// Relationship balance: out of the rut, when two contacts hold most of the recent touches.
fn out_of_the_rut(
    plan: &AccountPlan,
    settings: &Settings,
    today: NaiveDate,
    out: &mut Vec<Candidate>,
) {
    let r = rut(plan, settings, today);
    // In a renewal window the concentration is right (`RutReport::tempered`).
    if r.touches >= RUT_MIN_TOUCHES && r.top_two_share > RUT_TOP_TWO_SHARE && r.tempered.is_none() {
        let top: Vec<Id> = r.per_contact.iter().take(2).map(|c| c.id.clone()).collect();
        let names: Vec<String> = r
            .per_contact
            .iter()
            .take(2)
            .map(|c| c.name.clone())
            .collect();
        let others: Vec<Id> = plan
            .contacts
            .iter()
            .filter(|c| !top.contains(&c.id))
            .map(|c| c.id.clone())
            .take(3)
            .collect();
        if !others.is_empty() {
            out.push(candidate(
                format!(
                    "Out of the rut: {} hold {:.0}% of the last 90 days' touches",
                    names.join(" and "),
                    r.top_two_share * 100.0
                ),
                ComponentKind::RelationshipBalance,
                PlanPart::Contacts,
                None,
                move |a| {
                    for (k, id) in others.iter().enumerate() {
                        for n in 0..2 {
                            a.plan.interactions.push(Interaction {
                                id: Id::new(format!("nba-rut-{k}-{n}")),
                                date: Some(today),
                                contacts: vec![id.clone()],
                                ..Interaction::default()
                            });
                        }
                    }
                },
            ));
        }
    }
}

/// Relationship balance: decision makers who doubt us.
fn doubting_decision_makers(plan: &AccountPlan, out: &mut Vec<Candidate>) {
    for c in &plan.contacts {
        let doubting = matches!(
            c.stance,
            Some(Stance::Neutral | Stance::Skeptic | Stance::Opponent)
        );
        if c.role == Some(DecisionRole::DecisionMaker) && doubting {
            let id = c.id.clone();
            let stance = c.stance.unwrap_or(Stance::Neutral).label().to_lowercase();
            out.push(candidate(
                format!(
                    "Decision maker {} is {stance}: find out why and win them over",
                    c.name
                ),
                ComponentKind::RelationshipBalance,
                PlanPart::Contacts,
                Some(id.clone()),
                move |a| {
                    if let Some(c) = a.plan.contacts.iter_mut().find(|c| c.id == id) {
                        c.stance = Some(Stance::Supporter);
                    }
                },
            ));
        }
    }
}

/// Cadence: overdue meetings, and meetings not accepted by all.
fn meetings_to_fix(plan: &AccountPlan, today: NaiveDate, out: &mut Vec<Candidate>) {
    for m in &plan.cadence {
        let id = m.id.clone();
        let name = if m.title.is_empty() {
            "A meeting".to_string()
        } else {
            m.title.clone()
        };
        if let Some(next) = m.next_date.filter(|d| *d < today) {
            let period = m.recurrence.days();
            let id = id.clone();
            out.push(candidate(
                format!("{name} overdue by {} days", (today - next).num_days()),
                ComponentKind::Cadence,
                PlanPart::Cadence,
                Some(id.clone()),
                move |a| {
                    if let Some(m) = a.plan.cadence.iter_mut().find(|m| m.id == id) {
                        m.held.push(today);
                        m.next_date = Some(today + Duration::days(period));
                    }
                },
            ));
        }
        if !super::meeting::accepted_by_all(m) {
            out.push(candidate(
                follow_through::not_accepted_title(plan, m, &name),
                ComponentKind::Cadence,
                PlanPart::Cadence,
                Some(id.clone()),
                move |a| {
                    if let Some(m) = a.plan.cadence.iter_mut().find(|m| m.id == id) {
                        super::meeting::accept_all(m);
                    }
                },
            ));
        }
    }
}

/// Cadence: a renewal close by without an executive sponsor meeting.
fn renewal_without_sponsor(
    plan: &AccountPlan,
    settings: &Settings,
    today: NaiveDate,
    out: &mut Vec<Candidate>,
) {
    if let Some(end) = plan.contract.end_date {
        let days = (end - today).num_days();
        let exec_levels: Vec<&Id> = settings
            .levels
            .iter()
            .filter(|l| l.executive)
            .map(|l| &l.id)
            .collect();
        let exec_meeting = plan.cadence.iter().any(|m| {
            m.meeting_type
                .as_ref()
                .is_some_and(|t| t.as_str() == "mt-exec")
                || m.title.to_lowercase().contains("sponsor")
                || m.attendees.iter().any(|a| {
                    plan.contacts.iter().any(|c| {
                        &c.id == a && c.level.as_ref().is_some_and(|l| exec_levels.contains(&l))
                    })
                })
        });
        if (0..=RENEWAL_WATCH_DAYS).contains(&days) && !exec_meeting {
            out.push(candidate(
                format!("Renewal in {days} days and no executive sponsor meeting in the cadence"),
                ComponentKind::Cadence,
                PlanPart::Cadence,
                None,
                move |a| {
                    a.plan.cadence.push(Meeting {
                        id: Id::new("nba-exec"),
                        title: "Executive sponsor meeting".into(),
                        meeting_type: Some(Id::new("mt-exec")),
                        accepted_by_all: true,
                        held: vec![today],
                        next_date: Some(today + Duration::days(92)),
                        ..Meeting::default()
                    });
                },
            ));
        }
    }
}

/// Success measures: not measured, or behind.
fn measures_off_target(plan: &AccountPlan, out: &mut Vec<Candidate>) {
    for m in &plan.measures {
        let id = m.id.clone();
        let name = if m.name.is_empty() {
            "unnamed".to_string()
        } else {
            m.name.clone()
        };
        let title = match (m.current, m.target) {
            (None, _) => format!("Success measure “{name}” has no current value"),
            (_, None) => format!("Success measure “{name}” has no target"),
            _ if super::scoring::measures_on_target(m) => continue,
            (Some(c), Some(t)) => {
                format!("Success measure “{name}” is behind target ({c} against {t})")
            }
        };
        out.push(candidate(
            title,
            ComponentKind::SuccessMeasures,
            PlanPart::SuccessMeasures,
            Some(id.clone()),
            move |a| {
                if let Some(m) = a.plan.measures.iter_mut().find(|m| m.id == id) {
                    let t = m.target.unwrap_or(1.0);
                    m.target = Some(t);
                    m.current = Some(t);
                }
            },
        ));
    }
}

/// Revenue: quarters over without actuals.
fn missing_actuals(account: &Account, today: NaiveDate, out: &mut Vec<Candidate>) {
    let plan = &account.plan;
    if plan.revenue.commitment.is_some_and(|c| c > 0.0) {
        let due = super::scoring::revenue_quarters_due(account, today);
        for q in 0..due {
            if plan.revenue.quarterly_actuals[q].is_none() {
                let pro_rata = plan.revenue.commitment.unwrap_or(0.0) / 4.0;
                out.push(candidate(
                    format!("Record the actuals of Q{}", q + 1),
                    ComponentKind::Revenue,
                    PlanPart::Revenue,
                    None,
                    move |a| a.plan.revenue.quarterly_actuals[q] = Some(pro_rata),
                ));
            }
        }
    }
}

/// Growth pipeline: open opportunities without a goal.
fn unaligned_opportunities(plan: &AccountPlan, out: &mut Vec<Candidate>) {
    if let Some(goal) = plan.goals.first().map(|g| g.id.clone()) {
        for o in plan
            .opportunities
            .iter()
            .filter(|o| o.stage.is_open() && o.goal.is_none())
        {
            let id = o.id.clone();
            let goal = goal.clone();
            out.push(candidate(
                format!("Opportunity “{}” is not aligned to a customer goal", o.name),
                ComponentKind::GrowthPipeline,
                PlanPart::Opportunities,
                Some(id.clone()),
                move |a| {
                    if let Some(o) = a.plan.opportunities.iter_mut().find(|o| o.id == id) {
                        o.goal = Some(goal.clone());
                    }
                },
            ));
        }
    }
}

/// Growth pipeline: goals nobody at the customer confirmed.
fn unsourced_goals(plan: &AccountPlan, out: &mut Vec<Candidate>) {
    for g in plan.goals.iter().filter(|g| g.source_contact.is_none()) {
        out.push(candidate(
            format!(
                "Goal “{}” has no source: confirm it with the customer",
                g.title
            ),
            ComponentKind::GrowthPipeline,
            PlanPart::Goals,
            Some(g.id.clone()),
            |_| {},
        ));
    }
}

/// Execution: overdue actions.
fn overdue_actions(plan: &AccountPlan, today: NaiveDate, out: &mut Vec<Candidate>) {
    for x in &plan.actions {
        let open = matches!(x.status, ActionStatus::Open | ActionStatus::InProgress);
        if let Some(due) = x.due.filter(|d| open && *d < today) {
            let id = x.id.clone();
            out.push(candidate(
                format!(
                    "Action “{}” overdue by {} days",
                    x.title,
                    (today - due).num_days()
                ),
                ComponentKind::Execution,
                PlanPart::Actions,
                Some(id.clone()),
                move |a| {
                    if let Some(x) = a.plan.actions.iter_mut().find(|x| x.id == id) {
                        x.status = ActionStatus::Done;
                        x.completed_on = Some(today);
                    }
                },
            ));
        }
    }
}

/// Freshness: stale parts.
fn stale_parts(account: &Account, settings: &Settings, today: NaiveDate, out: &mut Vec<Candidate>) {
    for p in staleness(account, rhythm_of(account, settings), today)
        .parts
        .into_iter()
        .filter(|p| p.stale)
    {
        let part = p.part;
        let title = match p.last_reviewed {
            Some(d) => format!(
                "Review {}: last reviewed {} days ago",
                part.label(),
                (today - d).num_days()
            ),
            None => format!("Review {}: never reviewed", part.label()),
        };
        out.push(candidate(
            title,
            ComponentKind::Freshness,
            part,
            None,
            move |a| {
                a.plan.reviewed.insert(part, today);
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{AccountPlan, Contract, SuccessMeasure};

    pub(super) fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    pub(super) const TODAY: &str = "2026-11-24";

    /// An account with every part reviewed four days before [`TODAY`].
    pub(super) fn base() -> Account {
        let mut a = Account {
            id: Id::new("acc"),
            created_on: Some(day("2026-01-01")),
            fiscal_year_start_month: 1,
            ..Account::default()
        };
        a.plan.year = 2026;
        for p in PlanPart::ALL {
            a.plan.reviewed.insert(p, day("2026-11-20"));
        }
        a
    }

    #[test]
    fn an_unmeasured_success_measure_is_named_and_its_gain_is_real() {
        let mut a = base();
        a.plan.measures.push(SuccessMeasure {
            id: Id::new("m"),
            name: "Uptime".into(),
            target: Some(99.9),
            ..SuccessMeasure::default()
        });
        let nba = next_best_actions(&a, &Settings::default(), day(TODAY));
        // Two components, no contact, no commitment: the plan is incomplete, so what to
        // fill in leads, and the first correction follows.
        let steps = nba.iter().take_while(|n| !n.unlocks.is_empty()).count();
        assert!(nba[0].needed_for_band && steps > 0);
        let first = &nba[steps];
        assert_eq!(first.title, "Success measure “Uptime” has no current value");
        assert_eq!(first.component, ComponentKind::SuccessMeasures);
        assert_eq!(first.section, PlanPart::SuccessMeasures);
        // Freshness 100 (weight 10: the measures part, the one started, is reviewed) and
        // measures 0 (weight 15): overall 40. Measured on target the measures score 100:
        // overall 100. Gain 60.
        assert_eq!(first.estimated_gain, 60.0);
        assert_eq!(first.note(), "Success measures · +60.0 points");
    }

    #[test]
    fn an_overdue_meeting_and_a_renewal_without_an_executive_meeting_are_flagged() {
        let mut a = base();
        a.plan.cadence.push(Meeting {
            id: Id::new("qbr"),
            title: "Quarterly business review".into(),
            accepted_by_all: true,
            next_date: Some(day("2026-11-12")),
            ..Meeting::default()
        });
        a.plan.contract = Contract {
            end_date: Some(day("2027-01-21")),
            ..Contract::default()
        };
        let titles: Vec<String> = next_best_actions(&a, &Settings::default(), day(TODAY))
            .into_iter()
            .map(|n| n.title)
            .collect();
        assert!(
            titles.contains(&"Quarterly business review overdue by 12 days".to_string()),
            "{titles:?}"
        );
        assert!(
            titles.contains(
                &"Renewal in 58 days and no executive sponsor meeting in the cadence".to_string()
            ),
            "{titles:?}"
        );
    }

    #[test]
    fn a_missing_executive_in_a_department_is_the_coverage_advice() {
        let mut a = base();
        a.plan.contacts.push(Contact {
            id: Id::new("c"),
            name: "Kim".into(),
            department: Some(Id::new("dept-finance")),
            level: Some(Id::new("lvl-manager")),
            ..Contact::default()
        });
        a.plan.interactions.push(Interaction {
            id: Id::new("i"),
            date: Some(day("2026-11-20")),
            contacts: vec![Id::new("c")],
            ..Interaction::default()
        });
        let nba = next_best_actions(&a, &Settings::default(), day(TODAY));
        let cov = nba
            .iter()
            .find(|n| n.component == ComponentKind::Coverage)
            .unwrap();
        // The executive office is the first department with no engagement at all.
        assert_eq!(
            cov.title,
            "No executive contact engaged in Executive office"
        );
        assert!(cov.estimated_gain > 0.0);
    }

    #[test]
    fn actions_are_ranked_by_gain_and_nothing_is_advised_for_a_healthy_plan() {
        let mut a = base();
        a.plan.measures.push(SuccessMeasure {
            id: Id::new("m"),
            name: "NPS".into(),
            target: Some(40.0),
            current: Some(45.0),
            last_checked: Some(day("2026-11-20")),
            ..SuccessMeasure::default()
        });
        // A workspace that scores measures and freshness alone, and judges any plan.
        let mut settings = Settings::default();
        for k in ComponentKind::ALL {
            if !matches!(k, ComponentKind::SuccessMeasures | ComponentKind::Freshness) {
                settings.weights.set(k, 0.0);
            }
        }
        settings.confidence = crate::domain::model::Confidence {
            min_components: 0,
            needs_contact: false,
            needs_commitment: false,
        };
        assert!(next_best_actions(&a, &settings, day(TODAY)).is_empty());
        // Measures are the one part started: only it goes stale.
        a.plan.reviewed.clear();
        a.plan.cadence.push(Meeting {
            id: Id::new("q"),
            title: "QBR".into(),
            ..Meeting::default()
        });
        let nba = next_best_actions(&a, &settings, day(TODAY));
        let titles: Vec<&str> = nba.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(
            titles,
            // Each review restores half the freshness: equal gains, by title.
            vec![
                "Review Cadence: never reviewed",
                "Review Success measures: never reviewed",
                "QBR is not accepted by all parties",
            ]
        );
        assert!(nba
            .windows(2)
            .all(|w| w[0].estimated_gain >= w[1].estimated_gain));
    }

    #[test]
    fn a_skeptical_decision_maker_is_named() {
        let mut a = base();
        a.plan = AccountPlan {
            contacts: vec![Contact {
                id: Id::new("d"),
                name: "Dana Cole".into(),
                role: Some(DecisionRole::DecisionMaker),
                stance: Some(Stance::Skeptic),
                ..Contact::default()
            }],
            ..a.plan
        };
        let nba = next_best_actions(&a, &Settings::default(), day(TODAY));
        assert!(nba.iter().any(|n| n.title
            == "Decision maker Dana Cole is skeptic: find out why and win them over"
            && n.target == Some(Id::new("d"))));
    }
}
