//! The coaching review: the questions a leader walks through with an account manager,
//! each tied to the plan part it probes, and the facts from the plan that help ask it
//! ("2 of 3 goals were told to us by a contact").

use chrono::NaiveDate;

use super::coverage::{coverage_grid, last_touches, ENGAGED_DAYS};
use super::model::{Account, AccountPlan, CellStatus, Id, PlanPart, Settings, TeamMember};
use super::money::format_money_short;
use super::scoring::{action_overdue, measures_on_target, plural};

/// One coaching question and the part of the plan it is about (`None`: the whole plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoachingQuestion {
    pub text: &'static str,
    pub part: Option<PlanPart>,
}

const fn q(text: &'static str, part: Option<PlanPart>) -> CoachingQuestion {
    CoachingQuestion { text, part }
}

/// The leader's questions, in the order of a walk through the plan.
pub const QUESTIONS: [CoachingQuestion; 12] = [
    q(
        "How do you know these are the customer's goals?",
        Some(PlanPart::Goals),
    ),
    q(
        "Who at the account have you met to help develop the plan?",
        Some(PlanPart::Contacts),
    ),
    q(
        "What are the top 2-3 aligned opportunities?",
        Some(PlanPart::Opportunities),
    ),
    q(
        "How will the customer measure our success, and are we on target?",
        Some(PlanPart::SuccessMeasures),
    ),
    q(
        "Which departments and levels have we not reached yet?",
        Some(PlanPart::Contacts),
    ),
    q(
        "What has the customer asked us to start, stop and keep doing?",
        Some(PlanPart::Feedback),
    ),
    q(
        "Is the meeting cadence agreed with the customer, and is it kept?",
        Some(PlanPart::Cadence),
    ),
    q(
        "Where is the white space, and who holds it today?",
        Some(PlanPart::WhiteSpace),
    ),
    q(
        "What could put the renewal at risk, and what is the plan for it?",
        Some(PlanPart::Contract),
    ),
    q(
        "Which actions are overdue, and what is in the way?",
        Some(PlanPart::Actions),
    ),
    q(
        "Who is our executive sponsor, and whom do they meet at the customer?",
        Some(PlanPart::Team),
    ),
    q("What help do you need from me or the team?", None),
];

/// Facts from the plan that bear on question `index` of `QUESTIONS` on `today`: one
/// sentence each, with the numbers and names behind them (`team`: the workspace's, for our
/// people's names). Empty for an unknown index or a question the plan has nothing to say
/// about.
pub fn evidence(
    index: usize,
    account: &Account,
    settings: &Settings,
    team: &[TeamMember],
    today: NaiveDate,
) -> Vec<String> {
    let p = &account.plan;
    match index {
        0 => goals_evidence(p),
        1 => [contributors(p, team)]
            .into_iter()
            .chain(contacts_met(p, today))
            .collect(),
        2 => top_aligned_opportunities(p),
        3 => measures_evidence(p),
        4 => coverage_evidence(p, settings, today),
        5 => feedback_counts(p),
        6 => cadence_evidence(p, today),
        7 => white_space_evidence(p),
        8 => renewal_evidence(p, today),
        9 => overdue_actions(p, today),
        10 => sponsor_evidence(p),
        _ => Vec::new(),
    }
}

/// Goals: how many a contact told us, and the guesses by name.
fn goals_evidence(p: &AccountPlan) -> Vec<String> {
    if p.goals.is_empty() {
        return vec!["No customer goals recorded yet.".into()];
    }
    let sourced = p
        .goals
        .iter()
        .filter(|g| g.source_contact.is_some())
        .count();
    let mut out = vec![format!(
        "{sourced} of {} told to us by a contact.",
        plural(p.goals.len(), "goal", "goals")
    )];
    let guesses: Vec<String> = p
        .goals
        .iter()
        .filter(|g| g.source_contact.is_none())
        .map(|g| format!("“{}”", g.title))
        .collect();
    if !guesses.is_empty() {
        out.push(format!(
            "Unsourced (a guess until confirmed): {}.",
            guesses.join(", ")
        ));
    }
    out
}

/// Contributors: who helped develop the plan, the customer's people first (none of them
/// is worth a question of its own).
fn contributors(p: &AccountPlan, team: &[TeamMember]) -> String {
    let who = &p.contributors;
    if who.is_empty() {
        return "No one is recorded as having helped develop the plan.".into();
    }
    let name = |n: &str, fallback: &str| {
        let n = n.trim();
        (if n.is_empty() { fallback } else { n }).to_string()
    };
    let contacts: Vec<String> = who
        .contacts
        .iter()
        .filter_map(|id| p.contacts.iter().find(|c| &c.id == id))
        .map(|c| name(&c.name, "Unnamed contact"))
        .collect();
    let members: Vec<String> = who
        .members
        .iter()
        .filter_map(|id| team.iter().find(|m| &m.id == id))
        .map(|m| name(&m.name, "Unnamed member"))
        .collect();
    let mut out = format!(
        "Helped develop the plan: {}",
        if contacts.is_empty() {
            "no one at the customer".to_string()
        } else {
            contacts.join(", ")
        }
    );
    if !members.is_empty() {
        out.push_str(&format!("; from our team: {}", members.join(", ")));
    }
    out.push('.');
    out
}

/// Contacts: who was met in the engaged window, most recent first.
fn contacts_met(p: &AccountPlan, today: NaiveDate) -> Vec<String> {
    let last = last_touches(p, today);
    let mut met: Vec<(&str, i64)> = p
        .contacts
        .iter()
        .filter_map(|c| {
            let d = last.get(c.id.as_str())?;
            let days = (today - *d).num_days();
            (days < ENGAGED_DAYS).then_some((c.name.as_str(), days))
        })
        .collect();
    met.sort_by_key(|&(_, days)| days);
    let mut out = vec![format!(
        "{} of {} engaged in the last {ENGAGED_DAYS} days.",
        met.len(),
        plural(p.contacts.len(), "contact", "contacts")
    )];
    if !met.is_empty() {
        let names: Vec<&str> = met.iter().map(|(n, _)| *n).collect();
        out.push(format!("Met: {}.", names.join(", ")));
    }
    out
}

/// Opportunities: the top ones the account manager picked (`plays::top_opportunities`,
/// by their goal's rank), each with its goal, and the unaligned count.
fn top_aligned_opportunities(p: &AccountPlan) -> Vec<String> {
    let mut out: Vec<String> = super::plays::top_opportunities(p)
        .into_iter()
        .map(|o| {
            let goal = o
                .goal
                .as_ref()
                .and_then(|g| p.goals.iter().find(|x| &x.id == g));
            let aligned = match goal {
                Some(g) => match g.rank {
                    Some(r) => format!("for “{}” (goal #{r})", g.title),
                    None => format!("for “{}”", g.title),
                },
                None => "not aligned to a goal".into(),
            };
            format!(
                "{}: {} at {:.0}%, {aligned}.",
                o.name,
                format_money_short(o.value.unwrap_or(0.0)),
                o.probability * 100.0
            )
        })
        .collect();
    if out.is_empty() {
        out.push(
            "No top opportunities picked yet: pick the 2–3 aligned ones that matter most.".into(),
        );
    }
    let unaligned = p
        .opportunities
        .iter()
        .filter(|o| o.stage.is_open() && o.goal.is_none())
        .count();
    if unaligned > 0 {
        out.push(format!(
            "{} not aligned to any goal.",
            plural(unaligned, "open opportunity is", "open opportunities are")
        ));
    }
    out
}

/// Success measures: how many are on target and how many unmeasured.
fn measures_evidence(p: &AccountPlan) -> Vec<String> {
    if p.measures.is_empty() {
        return vec!["No success measures agreed yet.".into()];
    }
    let on = p.measures.iter().filter(|m| measures_on_target(m)).count();
    let unmeasured = p.measures.iter().filter(|m| m.current.is_none()).count();
    vec![format!(
        "{on} of {} on or ahead of target; {unmeasured} without a current value.",
        plural(p.measures.len(), "measure", "measures")
    )]
}

/// Coverage: the engaged cells, and the departments without any contact.
fn coverage_evidence(p: &AccountPlan, settings: &Settings, today: NaiveDate) -> Vec<String> {
    let grid = coverage_grid(p, settings, today);
    let mut out = vec![format!(
        "{} of {} coverage cells engaged in the last {ENGAGED_DAYS} days{}.",
        grid.engaged_cells,
        grid.counted_cells,
        if grid.executive_engaged {
            ""
        } else {
            ", no executive among them"
        }
    )];
    let empty: Vec<&str> = grid
        .departments
        .iter()
        .zip(&grid.cells)
        .filter(|(_, row)| row.iter().all(|c| c.contacts.is_empty()))
        .map(|(d, _)| d.name.as_str())
        .collect();
    if !empty.is_empty() {
        out.push(format!("No contact at all in: {}.", empty.join(", ")));
    }
    out
}

/// Feedback: how many items to start, stop and keep doing.
fn feedback_counts(p: &AccountPlan) -> Vec<String> {
    let f = &p.feedback;
    vec![format!(
        "Start doing: {}; stop doing: {}; keep doing: {}.",
        f.start.len(),
        f.stop.len(),
        f.keep.len()
    )]
}

/// Cadence: how many meetings are accepted, and the overdue ones.
fn cadence_evidence(p: &AccountPlan, today: NaiveDate) -> Vec<String> {
    if p.cadence.is_empty() {
        return vec!["No meeting cadence agreed yet.".into()];
    }
    let accepted = p.cadence.iter().filter(|m| m.accepted_by_all).count();
    let mut out = vec![format!(
        "{accepted} of {} accepted by all parties.",
        plural(p.cadence.len(), "meeting", "meetings")
    )];
    let overdue: Vec<String> = p
        .cadence
        .iter()
        .filter(|m| m.next_date.is_some_and(|d| d < today))
        .map(|m| format!("“{}”", m.title))
        .collect();
    if !overdue.is_empty() {
        out.push(format!("Overdue: {}.", overdue.join(", ")));
    }
    out
}

/// White space: the open value, and the competitors holding cells.
fn white_space_evidence(p: &AccountPlan) -> Vec<String> {
    let cells = &p.white_space.cells;
    let open: f64 = cells
        .iter()
        .filter(|c| c.status == CellStatus::Open)
        .filter_map(|c| c.value)
        .sum();
    let competitors: Vec<String> = {
        let mut names: Vec<String> = cells
            .iter()
            .filter(|c| c.status == CellStatus::Competitor)
            .filter_map(|c| c.competitor.clone())
            .filter(|n| !n.trim().is_empty())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    let mut out = vec![format!("Open white space {}.", format_money_short(open))];
    if !competitors.is_empty() {
        out.push(format!("Held by competitors: {}.", competitors.join(", ")));
    }
    out
}

/// Contract: when it ends, the renewal status and the risk.
fn renewal_evidence(p: &AccountPlan, today: NaiveDate) -> Vec<String> {
    match p.contract.end_date {
        None => vec!["No contract end date recorded.".into()],
        Some(end) => {
            let days = (end - today).num_days();
            let when = if days < 0 {
                format!(
                    "Contract ended {} ago",
                    plural((-days) as usize, "day", "days")
                )
            } else {
                format!("Contract ends in {}", plural(days as usize, "day", "days"))
            };
            let renewal = p.contract.renewal_status.label().to_lowercase();
            let risk = p.contract.risk.label().to_lowercase();
            vec![format!("{when}; renewal {renewal}, risk {risk}.")]
        }
    }
}

/// Actions: the overdue ones by title.
fn overdue_actions(p: &AccountPlan, today: NaiveDate) -> Vec<String> {
    let overdue: Vec<String> = p
        .actions
        .iter()
        .filter(|a| action_overdue(a, today))
        .map(|a| format!("“{}”", a.title))
        .collect();
    if overdue.is_empty() {
        vec!["No overdue actions.".into()]
    } else {
        vec![format!(
            "{} overdue: {}.",
            plural(overdue.len(), "action", "actions"),
            overdue.join(", ")
        )]
    }
}

/// Team: each executive sponsor and whom they meet, or that there is none.
fn sponsor_evidence(p: &AccountPlan) -> Vec<String> {
    let contact_name = |id: &Id| {
        p.contacts
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let sponsors: Vec<String> = p
        .team
        .iter()
        .filter(|r| r.executive_sponsor)
        .map(|r| {
            let counterpart = r
                .counterpart
                .as_ref()
                .map(contact_name)
                .filter(|n| !n.is_empty());
            match counterpart {
                Some(c) => format!("{} meets {c}", r.role),
                None => format!("{} has no customer counterpart", r.role),
            }
        })
        .collect();
    if sponsors.is_empty() {
        vec!["No executive sponsor on the account team.".into()]
    } else {
        vec![format!("{}.", sponsors.join("; "))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::demo::demo_workspace;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
    }

    fn facts(name: &str, index: usize) -> Vec<String> {
        let ws = demo_workspace(today());
        let a = ws
            .accounts
            .iter()
            .find(|a| a.name.starts_with(name))
            .unwrap();
        evidence(index, a, &ws.settings, &ws.team, today())
    }

    #[test]
    fn the_brief_s_questions_are_asked_each_once() {
        let texts: Vec<&str> = QUESTIONS.iter().map(|q| q.text).collect();
        for must in [
            "How do you know these are the customer's goals?",
            "Who at the account have you met to help develop the plan?",
            "What are the top 2-3 aligned opportunities?",
        ] {
            assert!(texts.contains(&must), "{must}");
        }
        let mut unique = texts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), texts.len());
        assert!(texts.iter().all(|t| t.ends_with('?')));
        assert_eq!(QUESTIONS[0].part, Some(PlanPart::Goals));
        assert_eq!(QUESTIONS[2].part, Some(PlanPart::Opportunities));
    }

    #[test]
    fn goals_evidence_names_the_guesses() {
        assert_eq!(
            facts("Stonebridge", 0),
            vec![
                "2 of 3 goals told to us by a contact.".to_string(),
                "Unsourced (a guess until confirmed): “Grow mobile banking users by 20%”."
                    .to_string()
            ]
        );
        assert_eq!(
            facts("Lumina", 0),
            vec!["No customer goals recorded yet.".to_string()]
        );
    }

    #[test]
    fn who_was_met_counts_the_last_90_days() {
        // Brightwell: only Jamie and Tom were touched; Jamie 9 days ago, Tom 3.
        assert_eq!(
            facts("Brightwell", 1),
            vec![
                "Helped develop the plan: Jamie Fletcher, Tom Becker; from our team: Daniel Okoye."
                    .to_string(),
                "2 of 4 contacts engaged in the last 90 days.".to_string(),
                "Met: Tom Becker, Jamie Fletcher.".to_string()
            ]
        );
    }

    #[test]
    fn who_helped_develop_the_plan_names_the_contributors() {
        assert_eq!(
            facts("Meridian", 1)[0],
            "No one is recorded as having helped develop the plan."
        );
        let ws = demo_workspace(today());
        let mut a = (*ws.accounts[0]).clone();
        a.plan.contributors.contacts = vec![Id::new("con-gone")];
        a.plan.contributors.members = vec![Id::new("tm-demo-lead"), Id::new("tm-gone")];
        a.plan.contacts[0].name = " ".into();
        a.plan
            .contributors
            .contacts
            .push(a.plan.contacts[0].id.clone());
        assert_eq!(
            evidence(1, &a, &ws.settings, &ws.team, today())[0],
            "Helped develop the plan: Unnamed contact; from our team: Morgan Hale."
        );
        a.plan.contributors.contacts.clear();
        assert_eq!(
            evidence(1, &a, &ws.settings, &ws.team, today())[0],
            "Helped develop the plan: no one at the customer; from our team: Morgan Hale."
        );
    }

    #[test]
    fn the_top_opportunities_are_the_picked_ones_by_their_goal_s_rank() {
        let f = facts("Harborview", 2);
        assert_eq!(f.len(), 3);
        // Picked: the migration (goal ranked 1), then the two for the clinics (ranked 2).
        assert_eq!(
            f[0],
            "Scheduling migration services: 150K at 75%, for “Replace the patient scheduling system” (goal #1)."
        );
        assert!(f[1].starts_with("Capacity analytics for clinics: 180K at 60%"));
        assert!(f[2].starts_with("Premium support for the new clinics"));
        // Nothing picked: no guess from value, a request to pick.
        let bw = facts("Brightwell", 2);
        assert_eq!(bw.len(), 2);
        assert_eq!(
            bw[0],
            "No top opportunities picked yet: pick the 2–3 aligned ones that matter most."
        );
        assert_eq!(bw[1], "1 open opportunity is not aligned to any goal.");
    }

    #[test]
    fn overdue_actions_renewal_and_sponsor_facts() {
        let cl = facts("Copperleaf", 9);
        assert!(cl[0].starts_with("3 actions overdue: "), "{cl:?}");
        let mf = facts("Meridian", 8);
        assert_eq!(
            mf,
            vec!["Contract ends in 58 days; renewal in discussion, risk high.".to_string()]
        );
        assert_eq!(
            facts("Meridian", 10),
            vec!["No executive sponsor on the account team.".to_string()]
        );
        assert_eq!(
            facts("Harborview", 10),
            vec!["Executive sponsor meets Raymond Cho.".to_string()]
        );
        assert!(facts("Harborview", 11).is_empty());
        assert!(facts("Harborview", 99).is_empty());
    }

    #[test]
    fn every_question_has_something_to_say_about_a_full_plan() {
        for i in 0..QUESTIONS.len() - 1 {
            assert!(!facts("Harborview", i).is_empty(), "question {i}");
        }
    }
}
