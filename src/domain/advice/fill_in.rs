//! What to fill in first: a step for each component without data, saying what it
//! unlocks. The steps a band waits for (a contact, a revenue commitment, as the settings
//! ask) come first; then the rest, those unlocking the most weight first. A step whose
//! components carry no weight is left out: it would change nothing.

use chrono::NaiveDate;

use super::NextBestAction;
use crate::domain::model::{Account, ComponentKind, PlanPart, Settings};
use crate::domain::scoring::{revenue_quarters_due, Gap, Scorecard};

/// One step of filling the plan in, before ranking.
struct Step {
    title: &'static str,
    section: PlanPart,
    unlocks: Vec<ComponentKind>,
    needed_for_band: bool,
}

/// The steps that give the account's plan data where `card` has none, most needed first.
pub(super) fn steps(
    account: &Account,
    card: &Scorecard,
    settings: &Settings,
    today: NaiveDate,
) -> Vec<NextBestAction> {
    let without_data = |k: ComponentKind| card.component(k).is_some_and(|c| c.score.is_none());
    let weight = |k: ComponentKind| {
        let w = settings.weights_for(account.segment).get(k);
        if w.is_finite() && w > 0.0 {
            w
        } else {
            0.0
        }
    };
    let mut steps: Vec<Step> = candidates(account, card, today)
        .into_iter()
        .map(|mut s| {
            s.unlocks.retain(|k| without_data(*k) && weight(*k) > 0.0);
            // Any step starts a part of the plan: the first also gives freshness its data.
            if without_data(ComponentKind::Freshness) && weight(ComponentKind::Freshness) > 0.0 {
                s.unlocks.push(ComponentKind::Freshness);
            }
            s
        })
        .filter(|s| s.needed_for_band || s.unlocks.iter().any(|k| *k != ComponentKind::Freshness))
        .collect();
    let unlocked = |s: &Step| s.unlocks.iter().map(|k| weight(*k)).sum::<f64>();
    // Stable: equal steps keep the order `candidates` lists them in.
    steps.sort_by(|a, b| {
        b.needed_for_band
            .cmp(&a.needed_for_band)
            .then_with(|| unlocked(b).total_cmp(&unlocked(a)))
    });
    steps
        .into_iter()
        .map(|s| NextBestAction {
            title: s.title.to_string(),
            component: s.unlocks.first().copied().unwrap_or(ComponentKind::Revenue),
            estimated_gain: 0.0,
            section: s.section,
            target: None,
            unlocks: s.unlocks,
            needed_for_band: s.needed_for_band,
        })
        .collect()
}

/// Every step that would give a component without data its data, or close a gap.
fn candidates(account: &Account, card: &Scorecard, today: NaiveDate) -> Vec<Step> {
    let plan = &account.plan;
    let gap = |g: Gap| card.gaps.contains(&g);
    let step = |title, section, unlocks: &[ComponentKind], needed_for_band| Step {
        title,
        section,
        unlocks: unlocks.to_vec(),
        needed_for_band,
    };
    let mut out = Vec::new();
    if plan.contacts.is_empty() {
        out.push(step(
            "Add the contacts you work with at the customer",
            PlanPart::Contacts,
            &[ComponentKind::Coverage],
            gap(Gap::NoContact),
        ));
    }
    if !plan.revenue.commitment.is_some_and(|c| c > 0.0) {
        // Revenue is judged from the end of the first quarter on.
        let unlocks: &[ComponentKind] = if revenue_quarters_due(account, today) > 0 {
            &[ComponentKind::Revenue]
        } else {
            &[]
        };
        out.push(step(
            "Record this year's revenue commitment",
            PlanPart::Revenue,
            unlocks,
            gap(Gap::NoCommitment),
        ));
    }
    if plan.interactions.is_empty() {
        out.push(step(
            "Log your meetings, calls and emails with the contacts",
            PlanPart::Contacts,
            &[ComponentKind::RelationshipBalance],
            false,
        ));
    }
    if plan.measures.is_empty() {
        out.push(step(
            "Agree with the customer how they will measure your success",
            PlanPart::SuccessMeasures,
            &[ComponentKind::SuccessMeasures],
            false,
        ));
    }
    if !plan.revenue.growth_target.is_some_and(|t| t > 0.0) {
        out.push(step(
            "Record the growth target",
            PlanPart::Revenue,
            &[ComponentKind::GrowthPipeline],
            false,
        ));
    }
    if plan.cadence.is_empty() {
        out.push(step(
            "Agree a rhythm of meetings with the customer",
            PlanPart::Cadence,
            &[ComponentKind::Cadence],
            false,
        ));
    }
    if plan.actions.is_empty() {
        out.push(step(
            "Plan the actions that carry the plan, each with a due date",
            PlanPart::Actions,
            &[ComponentKind::Execution],
            false,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::next_best_actions;
    use super::*;
    use crate::domain::model::{Contact, Id, Interaction};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    const TODAY: &str = "2026-11-24";

    fn new_account() -> Account {
        Account::new(Id::new("a"), "Acme", day(TODAY), Default::default())
    }

    fn titles(nba: &[NextBestAction]) -> Vec<&str> {
        nba.iter().map(|n| n.title.as_str()).collect()
    }

    #[test]
    fn a_new_account_is_told_what_to_fill_in_first_and_what_each_unlocks() {
        let a = new_account();
        let nba = next_best_actions(&a, &Settings::default(), day(TODAY));
        // The contact and the commitment first (a band waits for them), then by the weight
        // each unlocks: measures 15, then the 10s in the scorecard's order.
        assert_eq!(
            titles(&nba),
            vec![
                "Add the contacts you work with at the customer",
                "Record this year's revenue commitment",
                "Log your meetings, calls and emails with the contacts",
                "Agree with the customer how they will measure your success",
                "Record the growth target",
                "Agree a rhythm of meetings with the customer",
                "Plan the actions that carry the plan, each with a due date",
            ]
        );
        let first = &nba[0];
        assert!(first.needed_for_band);
        assert_eq!(first.section, PlanPart::Contacts);
        assert_eq!(
            first.unlocks,
            vec![ComponentKind::Coverage, ComponentKind::Freshness]
        );
        assert_eq!(
            first.note(),
            "Needed for a band · unlocks Coverage, Plan freshness"
        );
        // A fiscal year from January: three quarters are over, so the commitment unlocks
        // revenue too.
        assert_eq!(
            nba[1].note(),
            "Needed for a band · unlocks Revenue, Plan freshness"
        );
        assert_eq!(nba[3].note(), "Unlocks Success measures, Plan freshness");
        assert!(nba
            .iter()
            .all(|n| n.estimated_gain == 0.0 && n.target.is_none()));
    }

    #[test]
    fn filled_parts_drop_out_and_a_judged_plan_puts_its_corrections_first() {
        let mut a = new_account();
        a.plan.contacts.push(Contact {
            id: Id::new("c"),
            department: Some(Id::new("dept-it")),
            level: Some(Id::new("lvl-exec")),
            ..Contact::default()
        });
        a.plan.interactions.push(Interaction {
            id: Id::new("i"),
            date: Some(day(TODAY)),
            contacts: vec![Id::new("c")],
            ..Interaction::default()
        });
        a.plan.revenue.commitment = Some(100_000.0);
        a.plan.revenue.quarterly_actuals = [Some(25_000.0), Some(25_000.0), Some(25_000.0), None];
        let settings = Settings::default();
        let card = crate::domain::scoring::score_account(&a, &settings, day(TODAY));
        // Coverage, balance, revenue and freshness have data: four, a contact and a
        // commitment, so the plan is judged.
        assert!(!card.is_incomplete(), "{:?}", card.gaps);
        let steps = steps(&a, &card, &settings, day(TODAY));
        assert_eq!(
            titles(&steps),
            vec![
                "Agree with the customer how they will measure your success",
                "Record the growth target",
                "Agree a rhythm of meetings with the customer",
                "Plan the actions that carry the plan, each with a due date",
            ]
        );
        assert!(steps
            .iter()
            .all(|s| !s.needed_for_band && s.unlocks.len() == 1));
        let nba = next_best_actions(&a, &settings, day(TODAY));
        assert!(
            nba[0].unlocks.is_empty(),
            "a correction leads: {:?}",
            nba[0]
        );
        assert_eq!(
            nba.iter().filter(|n| !n.unlocks.is_empty()).count(),
            4,
            "the steps follow"
        );
    }

    #[test]
    fn a_step_that_unlocks_no_weight_is_left_out() {
        let a = new_account();
        let mut settings = Settings::default();
        settings.weights.cadence = 0.0;
        settings.weights.execution = 0.0;
        settings.confidence.needs_commitment = false;
        let card = crate::domain::scoring::score_account(&a, &settings, day(TODAY));
        let steps = steps(&a, &card, &settings, day(TODAY));
        let t = titles(&steps);
        assert!(!t.contains(&"Agree a rhythm of meetings with the customer"));
        assert!(!t.contains(&"Plan the actions that carry the plan, each with a due date"));
        // Not needed for a band any more, the commitment ranks by the weight it unlocks:
        // revenue 15 and freshness 10, as the interactions' and the measures' steps, and
        // before them in the scorecard's order.
        assert_eq!(t[0], "Add the contacts you work with at the customer");
        assert_eq!(t[1], "Record this year's revenue commitment");
        assert!(!steps[1].needed_for_band);
    }
}
