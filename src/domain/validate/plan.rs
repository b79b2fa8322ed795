//! The checks of one account's plan, part by part, in the order their problems are
//! reported: money, ids, then each part's references and ranges.

use std::collections::HashMap;

use super::cycles::check_reporting_cycles;
use super::{
    contact_ref, finite, index_ids, member_ref, money, push, term_ref, IdIndex, Lookups, Problem,
    Taxonomies,
};
use crate::domain::model::{
    AccountPlan, ActionLink, ComponentKind, Contract, Feedback, FeedbackItem, Introducer, Revenue,
    ScoreSnapshot,
};

/// Checks the plan at path `p`, reporting every problem to `out`.
pub(super) fn check_plan(p: &str, plan: &AccountPlan, refs: &Lookups, out: &mut Vec<Problem>) {
    check_revenue(p, &plan.revenue, out);
    // Id indexes first, so that references can point forwards and backwards.
    let ids = PlanIds::index(p, plan, out);
    let check = PlanCheck {
        p,
        plan,
        team: refs.team,
        tax: refs.tax,
        ids,
    };
    check.goals(out);
    check.measures(out);
    check.feedback(out);
    check.contacts(out);
    check_reporting_cycles(p, plan, &check.ids.contacts, out);
    check.interactions(out);
    check.white_space(out);
    check.opportunities(out);
    check.actions(out);
    check.cadence(out);
    check.internal_team(out);
    check_contract(p, &plan.contract, out);
    check.contributors(out);
    check.reviews(out);
    check.practices(out);
}

fn check_revenue(p: &str, r: &Revenue, out: &mut Vec<Problem>) {
    money(r.last_year, || format!("{p}.revenue.last_year"), out);
    money(r.commitment, || format!("{p}.revenue.commitment"), out);
    money(
        r.growth_target,
        || format!("{p}.revenue.growth_target"),
        out,
    );
    for (q, v) in r.quarterly_actuals.iter().enumerate() {
        money(*v, || format!("{p}.revenue.quarterly_actuals[{q}]"), out);
    }
}

fn check_contract(p: &str, contract: &Contract, out: &mut Vec<Problem>) {
    money(contract.value, || format!("{p}.contract.value"), out);
    if let (Some(start), Some(end)) = (contract.start_date, contract.end_date) {
        if end < start {
            push(
                out,
                format!("{p}.contract.end_date"),
                format!("contract ends on {end}, before it starts on {start}"),
            );
        }
    }
}

/// The ids of the plan's entities that other entities refer to, by kind.
struct PlanIds<'a> {
    contacts: IdIndex<'a>,
    goals: IdIndex<'a>,
    measures: IdIndex<'a>,
    opportunities: IdIndex<'a>,
    actions: IdIndex<'a>,
    units: IdIndex<'a>,
}

impl<'a> PlanIds<'a> {
    /// Indexes the ids of every entity list of the plan, reporting empty and duplicate
    /// ones; the lists nothing refers to are checked too, though not kept.
    fn index(p: &str, plan: &'a AccountPlan, out: &mut Vec<Problem>) -> Self {
        let contacts = index_ids(
            plan.contacts.iter().map(|c| &c.id),
            "contact",
            |j| format!("{p}.contacts[{j}]"),
            out,
        );
        let goals = index_ids(
            plan.goals.iter().map(|g| &g.id),
            "goal",
            |j| format!("{p}.goals[{j}]"),
            out,
        );
        let measures = index_ids(
            plan.measures.iter().map(|m| &m.id),
            "success measure",
            |j| format!("{p}.measures[{j}]"),
            out,
        );
        let opportunities = index_ids(
            plan.opportunities.iter().map(|o| &o.id),
            "opportunity",
            |j| format!("{p}.opportunities[{j}]"),
            out,
        );
        let actions = index_ids(
            plan.actions.iter().map(|x| &x.id),
            "action",
            |j| format!("{p}.actions[{j}]"),
            out,
        );
        let units = index_ids(
            plan.white_space.units.iter().map(|u| &u.id),
            "business unit",
            |j| format!("{p}.white_space.units[{j}]"),
            out,
        );
        check_unreferenced_ids(p, plan, out);
        PlanIds {
            contacts,
            goals,
            measures,
            opportunities,
            actions,
            units,
        }
    }
}

/// Empty and duplicate ids of the entities nothing refers to.
fn check_unreferenced_ids(p: &str, plan: &AccountPlan, out: &mut Vec<Problem>) {
    let _ = index_ids(
        plan.interactions.iter().map(|x| &x.id),
        "interaction",
        |j| format!("{p}.interactions[{j}]"),
        out,
    );
    let _ = index_ids(
        plan.cadence.iter().map(|x| &x.id),
        "meeting",
        |j| format!("{p}.cadence[{j}]"),
        out,
    );
    let _ = index_ids(
        plan.team.iter().map(|x| &x.id),
        "team role",
        |j| format!("{p}.team[{j}]"),
        out,
    );
    let _ = index_ids(
        plan.reviews.iter().map(|x| &x.id),
        "review",
        |j| format!("{p}.reviews[{j}]"),
        out,
    );
    check_feedback_ids(p, &plan.feedback, out);
}

/// Feedback items are one kind of entity spread over three lists.
fn feedback_lists(fb: &Feedback) -> [(&'static str, &Vec<FeedbackItem>); 3] {
    [("start", &fb.start), ("stop", &fb.stop), ("keep", &fb.keep)]
}

/// The feedback items' ids, indexed across the three lists and each reported at its place
/// in its own list.
fn check_feedback_ids(p: &str, fb: &Feedback, out: &mut Vec<Problem>) {
    let feedback_lists = feedback_lists(fb);
    let feedback_path = |k: usize| {
        let mut k = k;
        for (name, list) in feedback_lists {
            if k < list.len() {
                return format!("{p}.feedback.{name}[{k}]");
            }
            k -= list.len();
        }
        format!("{p}.feedback")
    };
    let _ = index_ids(
        feedback_lists
            .iter()
            .flat_map(|(_, l)| l.iter().map(|f| &f.id)),
        "feedback item",
        feedback_path,
        out,
    );
}

/// What the reference checks of one plan share: its path, the plan, its ids and the
/// workspace's team and taxonomies.
struct PlanCheck<'a> {
    p: &'a str,
    plan: &'a AccountPlan,
    team: &'a IdIndex<'a>,
    tax: &'a Taxonomies<'a>,
    ids: PlanIds<'a>,
}

impl PlanCheck<'_> {
    fn goals(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        for (j, g) in self.plan.goals.iter().enumerate() {
            if let Some(c) = &g.source_contact {
                contact_ref(
                    &self.ids.contacts,
                    c,
                    || format!("{p}.goals[{j}].source_contact"),
                    "is sourced from",
                    out,
                );
            }
        }
    }

    fn measures(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        for (j, m) in self.plan.measures.iter().enumerate() {
            if let Some(c) = &m.evaluator {
                contact_ref(
                    &self.ids.contacts,
                    c,
                    || format!("{p}.measures[{j}].evaluator"),
                    "is evaluated by",
                    out,
                );
            }
            if let Some(g) = &m.goal {
                if !self.ids.goals.contains_key(g.as_str()) {
                    push(
                        out,
                        format!("{p}.measures[{j}].goal"),
                        format!("serves goal '{g}', which does not exist in this account"),
                    );
                }
            }
            finite(m.target, || format!("{p}.measures[{j}].target"), out);
            finite(m.current, || format!("{p}.measures[{j}].current"), out);
        }
    }

    fn feedback(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        for (name, list) in feedback_lists(&self.plan.feedback) {
            for (j, f) in list.iter().enumerate() {
                if let Some(c) = &f.source_contact {
                    contact_ref(
                        &self.ids.contacts,
                        c,
                        || format!("{p}.feedback.{name}[{j}].source_contact"),
                        "came from",
                        out,
                    );
                }
            }
        }
    }

    fn contacts(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        let tax = self.tax;
        for (j, c) in self.plan.contacts.iter().enumerate() {
            if let Some(d) = &c.department {
                term_ref(
                    &tax.departments,
                    d,
                    "department",
                    "departments",
                    || format!("{p}.contacts[{j}].department"),
                    out,
                );
            }
            if let Some(l) = &c.level {
                term_ref(
                    &tax.levels,
                    l,
                    "level",
                    "levels",
                    || format!("{p}.contacts[{j}].level"),
                    out,
                );
            }
            if let Some(r) = &c.reports_to {
                contact_ref(
                    &self.ids.contacts,
                    r,
                    || format!("{p}.contacts[{j}].reports_to"),
                    "reports to",
                    out,
                );
            }
            if let Some(o) = &c.owner {
                member_ref(self.team, o, || format!("{p}.contacts[{j}].owner"), out);
            }
            self.introducer(j, c, out);
            if let Some(s) = c.strength {
                if !(1..=5).contains(&s) {
                    push(
                        out,
                        format!("{p}.contacts[{j}].strength"),
                        format!("relationship strength {s} is outside 1–5"),
                    );
                }
            }
        }
    }

    fn interactions(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        for (j, x) in self.plan.interactions.iter().enumerate() {
            for (k, c) in x.contacts.iter().enumerate() {
                contact_ref(
                    &self.ids.contacts,
                    c,
                    || format!("{p}.interactions[{j}].contacts[{k}]"),
                    "involves",
                    out,
                );
            }
            if let Some(b) = &x.by {
                member_ref(self.team, b, || format!("{p}.interactions[{j}].by"), out);
            }
            for (k, a) in x.areas.iter().enumerate() {
                let known = self.tax.offerings.contains_key(a.as_str())
                    || self.ids.goals.contains_key(a.as_str());
                if !known {
                    push(
                        out,
                        format!("{p}.interactions[{j}].areas[{k}]"),
                        format!("area '{a}' is neither one of the settings' offerings nor a goal of this account"),
                    );
                }
            }
        }
    }

    /// Who introduced contact `j`: another contact of the account, or a team member.
    fn introducer(&self, j: usize, c: &crate::domain::model::Contact, out: &mut Vec<Problem>) {
        let p = self.p;
        let path = || format!("{p}.contacts[{j}].introduced_by");
        match &c.introduced_by {
            Some(Introducer::Contact(by)) if *by == c.id => {
                push(out, path(), "a contact cannot introduce themselves".into())
            }
            Some(Introducer::Contact(by)) => {
                contact_ref(&self.ids.contacts, by, path, "was introduced by", out)
            }
            Some(Introducer::Member(m)) => member_ref(self.team, m, path, out),
            None => {}
        }
    }

    fn white_space(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        let mut cells: HashMap<(&str, &str), usize> = HashMap::new();
        for (j, cell) in self.plan.white_space.cells.iter().enumerate() {
            if !self.ids.units.contains_key(cell.unit.as_str()) {
                push(
                    out,
                    format!("{p}.white_space.cells[{j}].unit"),
                    format!(
                        "business unit '{}' is not a row of this white space",
                        cell.unit
                    ),
                );
            }
            term_ref(
                &self.tax.offerings,
                &cell.offering,
                "offering",
                "offerings",
                || format!("{p}.white_space.cells[{j}].offering"),
                out,
            );
            money(
                cell.value,
                || format!("{p}.white_space.cells[{j}].value"),
                out,
            );
            let key = (cell.unit.as_str(), cell.offering.as_str());
            if let Some(&first) = cells.get(&key) {
                push(
                    out,
                    format!("{p}.white_space.cells[{j}]"),
                    format!(
                        "unit '{}' × offering '{}' is already filled in by white_space.cells[{first}]",
                        cell.unit, cell.offering
                    ),
                );
            } else {
                cells.insert(key, j);
            }
        }
    }

    fn opportunities(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        for (j, o) in self.plan.opportunities.iter().enumerate() {
            if let Some(g) = &o.goal {
                if !self.ids.goals.contains_key(g.as_str()) {
                    push(
                        out,
                        format!("{p}.opportunities[{j}].goal"),
                        format!("is aligned to goal '{g}', which does not exist in this account"),
                    );
                }
            }
            money(o.value, || format!("{p}.opportunities[{j}].value"), out);
            if !(0.0..=1.0).contains(&o.probability) {
                push(
                    out,
                    format!("{p}.opportunities[{j}].probability"),
                    format!("probability {} is outside 0–1", o.probability),
                );
            }
            if let (Some(created), Some(close)) = (o.created_on, o.close_date) {
                if close < created {
                    push(
                        out,
                        format!("{p}.opportunities[{j}].close_date"),
                        format!("closes on {close}, before it was created on {created}"),
                    );
                }
            }
            if let Some(m) = &o.owner {
                member_ref(
                    self.team,
                    m,
                    || format!("{p}.opportunities[{j}].owner"),
                    out,
                );
            }
        }
    }

    fn actions(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        let ids = &self.ids;
        for (j, x) in self.plan.actions.iter().enumerate() {
            if let Some(m) = &x.owner {
                member_ref(self.team, m, || format!("{p}.actions[{j}].owner"), out);
            }
            if let Some(link) = &x.link {
                let (found, what, id) = match link {
                    ActionLink::Opportunity(id) => (
                        ids.opportunities.contains_key(id.as_str()),
                        "opportunity",
                        id,
                    ),
                    ActionLink::Goal(id) => (ids.goals.contains_key(id.as_str()), "goal", id),
                    ActionLink::Measure(id) => (
                        ids.measures.contains_key(id.as_str()),
                        "success measure",
                        id,
                    ),
                };
                if !found {
                    push(
                        out,
                        format!("{p}.actions[{j}].link"),
                        format!("is linked to {what} '{id}', which does not exist in this account"),
                    );
                }
            }
            if let (Some(created), Some(done)) = (x.created_on, x.completed_on) {
                if done < created {
                    push(
                        out,
                        format!("{p}.actions[{j}].completed_on"),
                        format!("completed on {done}, before it was created on {created}"),
                    );
                }
            }
        }
    }

    fn cadence(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        for (j, m) in self.plan.cadence.iter().enumerate() {
            if let Some(t) = &m.meeting_type {
                term_ref(
                    &self.tax.meeting_types,
                    t,
                    "meeting type",
                    "meeting types",
                    || format!("{p}.cadence[{j}].meeting_type"),
                    out,
                );
            }
            for (k, c) in m.attendees.iter().enumerate() {
                contact_ref(
                    &self.ids.contacts,
                    c,
                    || format!("{p}.cadence[{j}].attendees[{k}]"),
                    "invites",
                    out,
                );
            }
            for (k, t) in m.internal_attendees.iter().enumerate() {
                member_ref(
                    self.team,
                    t,
                    || format!("{p}.cadence[{j}].internal_attendees[{k}]"),
                    out,
                );
            }
        }
    }

    fn internal_team(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        for (j, role) in self.plan.team.iter().enumerate() {
            if let Some(m) = &role.member {
                member_ref(self.team, m, || format!("{p}.team[{j}].member"), out);
            }
            if let Some(c) = &role.counterpart {
                contact_ref(
                    &self.ids.contacts,
                    c,
                    || format!("{p}.team[{j}].counterpart"),
                    "is matched to",
                    out,
                );
            }
        }
    }

    /// Contributors are contacts of this account and members of the team, like the
    /// people every other part refers to.
    fn contributors(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        let who = &self.plan.contributors;
        for (k, c) in who.contacts.iter().enumerate() {
            contact_ref(
                &self.ids.contacts,
                c,
                || format!("{p}.contributors.contacts[{k}]"),
                "was developed with",
                out,
            );
        }
        for (k, m) in who.members.iter().enumerate() {
            member_ref(
                self.team,
                m,
                || format!("{p}.contributors.members[{k}]"),
                out,
            );
        }
    }

    fn reviews(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        for (j, review) in self.plan.reviews.iter().enumerate() {
            if let Some(m) = &review.reviewer {
                member_ref(self.team, m, || format!("{p}.reviews[{j}].reviewer"), out);
            }
            for (k, f) in review.follow_ups.iter().enumerate() {
                if !self.ids.actions.contains_key(f.as_str()) {
                    push(
                        out,
                        format!("{p}.reviews[{j}].follow_ups[{k}]"),
                        format!("follow-up action '{f}' does not exist in this account"),
                    );
                }
            }
            if let Some(s) = &review.snapshot {
                check_snapshot(p, j, s, out);
            }
        }
    }
}

impl PlanCheck<'_> {
    /// The references and values of the account practices: who agreed the commitment,
    /// measure histories, the feedback item an action answers, meeting answers.
    fn practices(&self, out: &mut Vec<Problem>) {
        let p = self.p;
        let plan = self.plan;
        if let Some(c) = &plan.revenue.agreed_by {
            contact_ref(
                &self.ids.contacts,
                c,
                || format!("{p}.revenue.agreed_by"),
                "was agreed by",
                out,
            );
        }
        for (j, m) in plan.measures.iter().enumerate() {
            for (k, v) in m.history.iter().enumerate() {
                finite(
                    Some(v.value),
                    || format!("{p}.measures[{j}].history[{k}].value"),
                    out,
                );
                if k > 0 && m.history[k - 1].date >= v.date {
                    push(
                        out,
                        format!("{p}.measures[{j}].history[{k}].date"),
                        format!(
                            "value of {} comes after one of {}: the history is in date order, one value a day",
                            v.date,
                            m.history[k - 1].date
                        ),
                    );
                }
            }
        }
        let items: std::collections::HashSet<&str> = feedback_lists(&plan.feedback)
            .into_iter()
            .flat_map(|(_, l)| l.iter().map(|f| f.id.as_str()))
            .collect();
        for (j, x) in plan.actions.iter().enumerate() {
            if let Some(f) = &x.feedback {
                if !items.contains(f.as_str()) {
                    push(
                        out,
                        format!("{p}.actions[{j}].feedback"),
                        format!(
                            "answers feedback item '{f}', which does not exist in this account"
                        ),
                    );
                }
            }
        }
        for (j, m) in plan.cadence.iter().enumerate() {
            for who in m.responses.keys() {
                if !m.attendees.contains(who) && !m.internal_attendees.contains(who) {
                    push(
                        out,
                        format!("{p}.cadence[{j}].responses.{who}"),
                        format!(
                            "records an answer of '{who}', who is not an attendee of this meeting"
                        ),
                    );
                }
            }
        }
    }
}

/// The snapshot of review `j`: no score above 100.
fn check_snapshot(p: &str, j: usize, s: &ScoreSnapshot, out: &mut Vec<Problem>) {
    if let Some(o) = s.overall {
        if o > 100 {
            push(
                out,
                format!("{p}.reviews[{j}].snapshot.overall"),
                format!("score {o} is above 100"),
            );
        }
    }
    for (kind, v) in &s.components {
        if *v > 100 {
            push(
                out,
                format!(
                    "{p}.reviews[{j}].snapshot.components.{}",
                    component_key(*kind)
                ),
                format!("{} score {v} is above 100", kind.label()),
            );
        }
    }
}

/// The serialised key of a component, as it appears in the JSON path.
fn component_key(kind: ComponentKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
