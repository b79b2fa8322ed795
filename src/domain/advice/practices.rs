//! Course corrections from the account practices that no score measures directly: the
//! people (a decision maker we barely know, a key contact whose major challenge we never
//! learnt), the renewal window (stay close, then widen again), and the plays (no grow play,
//! no top opportunities picked). They rank by their gain like the others, which is 0 when
//! doing them moves no score: they keep the plan honest.

use chrono::NaiveDate;

use super::{candidate, Candidate};
use crate::domain::coverage::window_touches;
use crate::domain::model::{AccountPlan, ComponentKind, Contact, DecisionRole, PlanPart, Settings};
use crate::domain::new_contacts::challenge_known;
use crate::domain::plays::play_mix;
use crate::domain::renewal::{renewal_phase, RenewalPhase};

/// A relationship this weak (1–5) with a decision maker is worth building.
pub const WEAK_STRENGTH: u8 = 2;

/// Every practice correction that applies to the plan.
pub(super) fn practices(
    plan: &AccountPlan,
    settings: &Settings,
    today: NaiveDate,
    out: &mut Vec<Candidate>,
) {
    weak_decision_makers(plan, out);
    unknown_challenges(plan, settings, out);
    renewal(plan, today, out);
    plays(plan, out);
}

fn name(c: &Contact) -> &str {
    if c.name.is_empty() {
        "an unnamed contact"
    } else {
        &c.name
    }
}

/// Decision makers with a weak relationship.
fn weak_decision_makers(plan: &AccountPlan, out: &mut Vec<Candidate>) {
    for c in &plan.contacts {
        let Some(s) = c.strength.filter(|s| *s <= WEAK_STRENGTH) else {
            continue;
        };
        if c.role == Some(DecisionRole::DecisionMaker) {
            out.push(candidate(
                format!(
                    "Decision maker {} has a weak relationship with us ({s} of 5): build it",
                    name(c)
                ),
                ComponentKind::RelationshipBalance,
                PlanPart::Contacts,
                Some(c.id.clone()),
                |_| {},
            ));
        }
    }
}

/// A key contact (a decision maker, or at an executive level) whose major challenge is
/// unknown.
pub fn is_key_contact(c: &Contact, settings: &Settings) -> bool {
    let executive = c
        .level
        .as_ref()
        .is_some_and(|l| settings.levels.iter().any(|x| &x.id == l && x.executive));
    executive || c.role == Some(DecisionRole::DecisionMaker)
}

fn unknown_challenges(plan: &AccountPlan, settings: &Settings, out: &mut Vec<Candidate>) {
    for c in &plan.contacts {
        if is_key_contact(c, settings) && !challenge_known(c) {
            out.push(candidate(
                format!("Learn the major challenge {} faces", name(c)),
                ComponentKind::RelationshipBalance,
                PlanPart::Contacts,
                Some(c.id.clone()),
                |_| {},
            ));
        }
    }
}

/// In the renewal window, stay close to the contacts you know (the most touched of the
/// last 90 days, and the decision makers); after it, widen again.
fn renewal(plan: &AccountPlan, today: NaiveDate, out: &mut Vec<Candidate>) {
    let known = || -> Vec<&str> {
        let mut touched = window_touches(plan, today);
        touched.sort_by_key(|t| std::cmp::Reverse(t.1));
        let mut names: Vec<&str> = Vec::new();
        let by_id = |id: &crate::domain::model::Id| plan.contacts.iter().find(|c| &c.id == id);
        let decision_makers = plan
            .contacts
            .iter()
            .filter(|c| c.role == Some(DecisionRole::DecisionMaker));
        for c in touched
            .iter()
            .filter_map(|(id, _)| by_id(id))
            .take(2)
            .chain(decision_makers)
        {
            if !names.contains(&name(c)) && names.len() < 3 {
                names.push(name(c));
            }
        }
        names
    };
    match renewal_phase(&plan.contract, today) {
        RenewalPhase::Window { closes } => {
            let names = known();
            let who = if names.is_empty() {
                "the contacts you know".to_string()
            } else {
                names.join(", ")
            };
            out.push(candidate(
                format!("Renewal window until {closes}: stay close to {who}"),
                ComponentKind::RelationshipBalance,
                PlanPart::Contract,
                None,
                |_| {},
            ));
        }
        RenewalPhase::After { closed } => out.push(candidate(
            format!("The renewal window closed on {closed}: widen again, meet someone new"),
            ComponentKind::Coverage,
            PlanPart::Contacts,
            None,
            |_| {},
        )),
        RenewalPhase::Quiet => {}
    }
}

/// No grow play; no top opportunities picked while some are aligned.
fn plays(plan: &AccountPlan, out: &mut Vec<Candidate>) {
    if play_mix(plan).no_grow() {
        out.push(candidate(
            "No grow play in the plan: add an opportunity that grows the account beyond this sale"
                .into(),
            ComponentKind::GrowthPipeline,
            PlanPart::Opportunities,
            None,
            |_| {},
        ));
    }
    let aligned = plan
        .opportunities
        .iter()
        .any(|o| o.stage.is_open() && o.goal.is_some());
    if aligned && !plan.opportunities.iter().any(|o| o.top) {
        out.push(candidate(
            "Pick the top 2–3 aligned opportunities".into(),
            ComponentKind::GrowthPipeline,
            PlanPart::Opportunities,
            None,
            |_| {},
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Contract, Dimension, Id, Interaction, Opportunity, Stage};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn titles(plan: &AccountPlan, today: &str) -> Vec<String> {
        let mut out = Vec::new();
        practices(plan, &Settings::default(), day(today), &mut out);
        out.into_iter().map(|c| c.title).collect()
    }

    fn person(id: &str, role: DecisionRole, level: &str, strength: u8, challenge: &str) -> Contact {
        Contact {
            id: Id::new(id),
            name: id.to_uppercase(),
            role: Some(role),
            level: Some(Id::new(level)),
            strength: Some(strength),
            major_challenge: challenge.into(),
            ..Contact::default()
        }
    }

    #[test]
    fn weak_decision_makers_and_unknown_challenges_of_key_contacts() {
        let plan = AccountPlan {
            contacts: vec![
                person(
                    "ann",
                    DecisionRole::DecisionMaker,
                    "lvl-manager",
                    2,
                    "Budget",
                ),
                person("bob", DecisionRole::DecisionMaker, "lvl-manager", 3, ""),
                person("cy", DecisionRole::User, "lvl-exec", 1, " "),
                person("dee", DecisionRole::User, "lvl-staff", 1, ""), // not a key contact
            ],
            ..AccountPlan::default()
        };
        assert_eq!(
            titles(&plan, "2026-11-24"),
            [
                "Decision maker ANN has a weak relationship with us (2 of 5): build it",
                "Learn the major challenge BOB faces",
                "Learn the major challenge CY faces",
            ]
        );
    }

    #[test]
    fn stay_close_in_the_renewal_window_and_widen_after_it() {
        let mut plan = AccountPlan {
            contacts: vec![
                person("ann", DecisionRole::DecisionMaker, "lvl-exec", 4, "x"),
                person("bob", DecisionRole::User, "lvl-staff", 4, "x"),
                person("cy", DecisionRole::User, "lvl-staff", 4, "x"),
            ],
            contract: Contract {
                end_date: Some(day("2027-01-31")),
                notice_days: Some(30),
                ..Contract::default()
            },
            ..AccountPlan::default()
        };
        for (k, who) in ["bob", "bob", "cy"].iter().enumerate() {
            plan.interactions.push(Interaction {
                id: Id::new(format!("i{k}")),
                date: Some(day("2026-11-20")),
                contacts: vec![Id::new(*who)],
                ..Interaction::default()
            });
        }
        // Notice by 2027-01-01: the window opened 2026-10-03.
        assert_eq!(
            titles(&plan, "2026-11-24"),
            ["Renewal window until 2027-01-31: stay close to BOB, CY, ANN"]
        );
        assert!(titles(&plan, "2026-10-02").is_empty());
        assert_eq!(
            titles(&plan, "2027-02-10"),
            ["The renewal window closed on 2027-01-31: widen again, meet someone new"]
        );
    }

    #[test]
    fn no_grow_play_and_no_top_pick() {
        let mut plan = AccountPlan {
            opportunities: vec![Opportunity {
                id: Id::new("o"),
                goal: Some(Id::new("g")),
                dimension: Dimension::Win,
                stage: Stage::Qualified,
                ..Opportunity::default()
            }],
            ..AccountPlan::default()
        };
        assert_eq!(
            titles(&plan, "2026-11-24"),
            [
                "No grow play in the plan: add an opportunity that grows the account beyond this sale",
                "Pick the top 2–3 aligned opportunities",
            ]
        );
        plan.opportunities[0].dimension = Dimension::Grow;
        plan.opportunities[0].top = true;
        assert!(titles(&plan, "2026-11-24").is_empty());
    }
}
