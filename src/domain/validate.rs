//! Validation: checks a whole workspace and reports every problem with the path of the bad
//! field, so that an import can be refused (or a stored value repaired) with a message the
//! user can act on. It never stops at the first problem and never panics.
//!
//! Ids are looked up through one hash map per entity kind and account, so a workspace of
//! 1,000 accounts × 30 contacts × 200 interactions validates in a few milliseconds.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::model::{
    Account, AccountPlan, ActionLink, Id, Money, Settings, Workspace, SCHEMA_VERSION,
};

/// One thing wrong with a workspace: where (`accounts[3].plan.contacts[12].reports_to`)
/// and what, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// The problems a change would introduce: those of `after` that `before` does not have.
/// Used to refuse removing a team member or a taxonomy entry that is still referred to,
/// naming every place that refers to it.
pub fn introduced_problems(before: &Workspace, after: &Workspace) -> Vec<Problem> {
    let old = validate(before);
    validate(after)
        .into_iter()
        .filter(|p| !old.contains(p))
        .collect()
}

/// Checks the whole workspace and returns every problem found (empty when it is valid).
pub fn validate(ws: &Workspace) -> Vec<Problem> {
    let mut out = Vec::new();
    if ws.schema_version > SCHEMA_VERSION {
        push(
            &mut out,
            "schema_version".into(),
            format!(
                "schema version {} is newer than this app understands ({SCHEMA_VERSION})",
                ws.schema_version
            ),
        );
    }
    let team = index_ids(
        ws.team.iter().map(|m| &m.id),
        "team member",
        |i| format!("team[{i}]"),
        &mut out,
    );
    let tax = check_settings(&ws.settings, &mut out);
    let _ = index_ids(
        ws.accounts.iter().map(|a| &a.id),
        "account",
        |i| format!("accounts[{i}]"),
        &mut out,
    );
    let refs = Lookups {
        team: &team,
        tax: &tax,
    };
    for (i, account) in ws.accounts.iter().enumerate() {
        check_account(i, account, &refs, &mut out);
    }
    out
}

fn push(out: &mut Vec<Problem>, path: String, message: String) {
    out.push(Problem { path, message });
}

/// Ids of one entity kind → position of their first use.
type IdIndex<'a> = HashMap<&'a str, usize>;

/// Indexes ids, reporting empty and duplicate ones at `<path(i)>.id`.
fn index_ids<'a>(
    ids: impl Iterator<Item = &'a Id>,
    what: &str,
    path: impl Fn(usize) -> String,
    out: &mut Vec<Problem>,
) -> IdIndex<'a> {
    let mut index = HashMap::new();
    for (i, id) in ids.enumerate() {
        if id.as_str().trim().is_empty() {
            push(
                out,
                format!("{}.id", path(i)),
                format!("this {what} has no id"),
            );
            continue;
        }
        if let Some(&first) = index.get(id.as_str()) {
            push(
                out,
                format!("{}.id", path(i)),
                format!("{what} id '{id}' is already used by {}", path(first)),
            );
        } else {
            index.insert(id.as_str(), i);
        }
    }
    index
}

/// The taxonomies of the settings, by id.
struct Taxonomies<'a> {
    departments: IdIndex<'a>,
    levels: IdIndex<'a>,
    offerings: IdIndex<'a>,
    meeting_types: IdIndex<'a>,
}

struct Lookups<'a, 'b> {
    team: &'b IdIndex<'a>,
    tax: &'b Taxonomies<'a>,
}

fn check_settings<'a>(s: &'a Settings, out: &mut Vec<Problem>) -> Taxonomies<'a> {
    let departments = index_ids(
        s.departments.iter().map(|t| &t.id),
        "department",
        |i| format!("settings.departments[{i}]"),
        out,
    );
    let levels = index_ids(
        s.levels.iter().map(|t| &t.id),
        "level",
        |i| format!("settings.levels[{i}]"),
        out,
    );
    let offerings = index_ids(
        s.offerings.iter().map(|t| &t.id),
        "offering",
        |i| format!("settings.offerings[{i}]"),
        out,
    );
    let meeting_types = index_ids(
        s.meeting_types.iter().map(|t| &t.id),
        "meeting type",
        |i| format!("settings.meeting_types[{i}]"),
        out,
    );
    let weights = &s.weights;
    for (name, w) in [
        ("coverage", weights.coverage),
        ("relationship_balance", weights.relationship_balance),
        ("cadence", weights.cadence),
        ("success_measures", weights.success_measures),
        ("revenue", weights.revenue),
        ("growth_pipeline", weights.growth_pipeline),
        ("execution", weights.execution),
        ("freshness", weights.freshness),
    ] {
        if !w.is_finite() {
            push(
                out,
                format!("settings.weights.{name}"),
                "weight is not a number".into(),
            );
        } else if w < 0.0 {
            push(
                out,
                format!("settings.weights.{name}"),
                format!("weight {w} is negative; weights must be zero or more"),
            );
        }
    }
    let bands = s.bands;
    if bands.amber_from > bands.green_from {
        push(
            out,
            "settings.bands.amber_from".into(),
            format!(
                "amber starts at {} but green already starts at {}: amber must start at or below green",
                bands.amber_from, bands.green_from
            ),
        );
    }
    if bands.green_from > 100 {
        push(
            out,
            "settings.bands.green_from".into(),
            format!(
                "green starts at {}, above the highest score of 100",
                bands.green_from
            ),
        );
    }
    if s.rhythm.monthly_review_days == 0 {
        push(
            out,
            "settings.rhythm.monthly_review_days".into(),
            "the monthly review rhythm must be at least one day".into(),
        );
    }
    if s.rhythm.quarterly_update_days == 0 {
        push(
            out,
            "settings.rhythm.quarterly_update_days".into(),
            "the quarterly update rhythm must be at least one day".into(),
        );
    }
    Taxonomies {
        departments,
        levels,
        offerings,
        meeting_types,
    }
}

/// Reports a reference to a contact of this account that does not exist.
fn contact_ref(
    contacts: &IdIndex,
    id: &Id,
    path: impl FnOnce() -> String,
    verb: &str,
    out: &mut Vec<Problem>,
) {
    if !contacts.contains_key(id.as_str()) {
        push(
            out,
            path(),
            format!("{verb} contact '{id}', which does not exist in this account"),
        );
    }
}

/// Reports a reference to a member of the workspace team that does not exist.
fn member_ref(team: &IdIndex, id: &Id, path: impl FnOnce() -> String, out: &mut Vec<Problem>) {
    if !team.contains_key(id.as_str()) {
        push(
            out,
            path(),
            format!("refers to team member '{id}', who is not in the workspace team"),
        );
    }
}

/// Reports a reference into a settings taxonomy that does not exist.
fn term_ref(
    terms: &IdIndex,
    id: &Id,
    what: &str,
    list: &str,
    path: impl FnOnce() -> String,
    out: &mut Vec<Problem>,
) {
    if !terms.contains_key(id.as_str()) {
        push(
            out,
            path(),
            format!("{what} '{id}' is not one of the settings' {list}"),
        );
    }
}

/// Reports a negative or non-finite amount of money.
fn money(value: Option<Money>, path: impl FnOnce() -> String, out: &mut Vec<Problem>) {
    if let Some(v) = value {
        if !v.is_finite() {
            push(out, path(), "amount is not a number".into());
        } else if v < 0.0 {
            push(out, path(), format!("amount {v} is negative"));
        }
    }
}

fn finite(value: Option<f64>, path: impl FnOnce() -> String, out: &mut Vec<Problem>) {
    if let Some(v) = value {
        if !v.is_finite() {
            push(out, path(), "value is not a number".into());
        }
    }
}

fn check_account(i: usize, a: &Account, refs: &Lookups, out: &mut Vec<Problem>) {
    let at = format!("accounts[{i}]");
    if let Some(owner) = &a.owner {
        member_ref(refs.team, owner, || format!("{at}.owner"), out);
    }
    if !(1..=12).contains(&a.fiscal_year_start_month) {
        push(
            out,
            format!("{at}.fiscal_year_start_month"),
            format!(
                "fiscal year start month {} is not a month (1–12)",
                a.fiscal_year_start_month
            ),
        );
    }
    check_plan(&format!("{at}.plan"), &a.plan, refs, out);
}

fn check_plan(p: &str, plan: &AccountPlan, refs: &Lookups, out: &mut Vec<Problem>) {
    let team = refs.team;
    let tax = refs.tax;

    // Revenue.
    let r = &plan.revenue;
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

    // Id indexes first, so that references can point forwards and backwards.
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
    // Feedback items are one kind of entity spread over three lists.
    let fb = &plan.feedback;
    let feedback_lists = [("start", &fb.start), ("stop", &fb.stop), ("keep", &fb.keep)];
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

    // Goals.
    for (j, g) in plan.goals.iter().enumerate() {
        if let Some(c) = &g.source_contact {
            contact_ref(
                &contacts,
                c,
                || format!("{p}.goals[{j}].source_contact"),
                "is sourced from",
                out,
            );
        }
    }

    // Success measures.
    for (j, m) in plan.measures.iter().enumerate() {
        if let Some(c) = &m.evaluator {
            contact_ref(
                &contacts,
                c,
                || format!("{p}.measures[{j}].evaluator"),
                "is evaluated by",
                out,
            );
        }
        if let Some(g) = &m.goal {
            if !goals.contains_key(g.as_str()) {
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

    // Feedback.
    for (name, list) in feedback_lists {
        for (j, f) in list.iter().enumerate() {
            if let Some(c) = &f.source_contact {
                contact_ref(
                    &contacts,
                    c,
                    || format!("{p}.feedback.{name}[{j}].source_contact"),
                    "came from",
                    out,
                );
            }
        }
    }

    // Contacts.
    for (j, c) in plan.contacts.iter().enumerate() {
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
                &contacts,
                r,
                || format!("{p}.contacts[{j}].reports_to"),
                "reports to",
                out,
            );
        }
        if let Some(o) = &c.owner {
            member_ref(team, o, || format!("{p}.contacts[{j}].owner"), out);
        }
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
    check_reporting_cycles(p, plan, &contacts, out);

    // Interactions.
    for (j, x) in plan.interactions.iter().enumerate() {
        for (k, c) in x.contacts.iter().enumerate() {
            contact_ref(
                &contacts,
                c,
                || format!("{p}.interactions[{j}].contacts[{k}]"),
                "involves",
                out,
            );
        }
        if let Some(b) = &x.by {
            member_ref(team, b, || format!("{p}.interactions[{j}].by"), out);
        }
    }

    // White space.
    let mut cells: HashMap<(&str, &str), usize> = HashMap::new();
    for (j, cell) in plan.white_space.cells.iter().enumerate() {
        if !units.contains_key(cell.unit.as_str()) {
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
            &tax.offerings,
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

    // Opportunities.
    for (j, o) in plan.opportunities.iter().enumerate() {
        if let Some(g) = &o.goal {
            if !goals.contains_key(g.as_str()) {
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
            member_ref(team, m, || format!("{p}.opportunities[{j}].owner"), out);
        }
    }

    // Actions.
    for (j, x) in plan.actions.iter().enumerate() {
        if let Some(m) = &x.owner {
            member_ref(team, m, || format!("{p}.actions[{j}].owner"), out);
        }
        if let Some(link) = &x.link {
            let (found, what, id) = match link {
                ActionLink::Opportunity(id) => {
                    (opportunities.contains_key(id.as_str()), "opportunity", id)
                }
                ActionLink::Goal(id) => (goals.contains_key(id.as_str()), "goal", id),
                ActionLink::Measure(id) => {
                    (measures.contains_key(id.as_str()), "success measure", id)
                }
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

    // Cadence.
    for (j, m) in plan.cadence.iter().enumerate() {
        if let Some(t) = &m.meeting_type {
            term_ref(
                &tax.meeting_types,
                t,
                "meeting type",
                "meeting types",
                || format!("{p}.cadence[{j}].meeting_type"),
                out,
            );
        }
        for (k, c) in m.attendees.iter().enumerate() {
            contact_ref(
                &contacts,
                c,
                || format!("{p}.cadence[{j}].attendees[{k}]"),
                "invites",
                out,
            );
        }
        for (k, t) in m.internal_attendees.iter().enumerate() {
            member_ref(
                team,
                t,
                || format!("{p}.cadence[{j}].internal_attendees[{k}]"),
                out,
            );
        }
    }

    // Internal team.
    for (j, role) in plan.team.iter().enumerate() {
        if let Some(m) = &role.member {
            member_ref(team, m, || format!("{p}.team[{j}].member"), out);
        }
        if let Some(c) = &role.counterpart {
            contact_ref(
                &contacts,
                c,
                || format!("{p}.team[{j}].counterpart"),
                "is matched to",
                out,
            );
        }
    }

    // Contract.
    let contract = &plan.contract;
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

    // Reviews.
    for (j, review) in plan.reviews.iter().enumerate() {
        if let Some(m) = &review.reviewer {
            member_ref(team, m, || format!("{p}.reviews[{j}].reviewer"), out);
        }
        for (k, f) in review.follow_ups.iter().enumerate() {
            if !actions.contains_key(f.as_str()) {
                push(
                    out,
                    format!("{p}.reviews[{j}].follow_ups[{k}]"),
                    format!("follow-up action '{f}' does not exist in this account"),
                );
            }
        }
        if let Some(s) = &review.snapshot {
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
    }
}

/// The serialised key of a component, as it appears in the JSON path.
fn component_key(kind: super::model::ComponentKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Reports every reports-to cycle once, at its member that comes first in the list. A
/// contact who reports to themself is a cycle of one.
fn check_reporting_cycles(p: &str, plan: &AccountPlan, contacts: &IdIndex, out: &mut Vec<Problem>) {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let n = plan.contacts.len();
    let boss = |j: usize| -> Option<usize> {
        plan.contacts[j]
            .reports_to
            .as_ref()
            .and_then(|r| contacts.get(r.as_str()).copied())
    };
    let mut state = vec![NEW; n];
    let mut path = Vec::new();
    let mut seen_in_cycle = HashSet::new();
    for start in 0..n {
        if state[start] != NEW {
            continue;
        }
        path.clear();
        let mut cur = Some(start);
        while let Some(j) = cur {
            match state[j] {
                NEW => {
                    state[j] = ON_PATH;
                    path.push(j);
                    cur = boss(j);
                }
                ON_PATH => {
                    // `j` is on the current path: the path from `j` on is a cycle.
                    let from = path.iter().position(|&x| x == j).unwrap_or(0);
                    let cycle = &path[from..];
                    let first = cycle.iter().copied().min().unwrap_or(j);
                    if seen_in_cycle.insert(first) {
                        let mut names: Vec<String> =
                            cycle.iter().map(|&x| name_of(plan, x)).collect();
                        names.push(name_of(plan, j));
                        let message = if cycle.len() == 1 {
                            format!("{} reports to themself", name_of(plan, j))
                        } else {
                            format!(
                                "reporting lines go round in a circle: {}",
                                names.join(" → ")
                            )
                        };
                        push(out, format!("{p}.contacts[{first}].reports_to"), message);
                    }
                    break;
                }
                _ => break,
            }
        }
        for &j in &path {
            state[j] = DONE;
        }
    }
}

fn name_of(plan: &AccountPlan, j: usize) -> String {
    let c = &plan.contacts[j];
    if c.name.trim().is_empty() {
        format!("'{}'", c.id)
    } else {
        c.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Contact, FeedbackItem, Interaction, WhiteSpaceCell};
    use crate::domain::sample::synthetic::{synthetic_workspace, SMALL};
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use std::sync::Arc;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
    }

    /// A valid two-account workspace to break.
    fn valid() -> Workspace {
        let ws = synthetic_workspace(1, 2, &SMALL, today());
        assert_eq!(validate(&ws), vec![]);
        ws
    }

    fn paths(ws: &Workspace) -> Vec<String> {
        validate(ws).into_iter().map(|p| p.path).collect()
    }

    fn contact(id: &str, name: &str, boss: Option<&str>) -> Contact {
        Contact {
            id: Id::new(id),
            name: name.into(),
            reports_to: boss.map(Id::new),
            ..Contact::default()
        }
    }

    /// One account holding just these contacts.
    fn with_contacts(contacts: Vec<Contact>) -> Workspace {
        let mut ws = Workspace::default();
        ws.accounts.push(Arc::new(Account {
            id: Id::new("acc-1"),
            fiscal_year_start_month: 1,
            ..Account::default()
        }));
        Arc::make_mut(&mut ws.accounts[0]).plan.contacts = contacts;
        ws
    }

    #[test]
    fn removing_a_used_team_member_names_every_reference_and_an_unused_one_none() {
        let before = valid();
        let owner = before.accounts[0]
            .owner
            .clone()
            .expect("synthetic accounts have owners");
        let mut after = before.clone();
        after.team.retain(|m| m.id != owner);
        let found = introduced_problems(&before, &after);
        assert!(!found.is_empty());
        assert!(
            found.iter().any(|p| p.path == "accounts[0].owner"),
            "{found:?}"
        );
        assert!(found.iter().all(|p| p.message.contains(owner.as_str())));

        let mut unused = before.clone();
        unused.team.push(crate::domain::model::TeamMember {
            id: Id::new("tm-spare"),
            name: "Spare".into(),
            ..Default::default()
        });
        let mut removed = unused.clone();
        removed.team.pop();
        assert_eq!(introduced_problems(&unused, &removed), vec![]);
    }

    #[test]
    fn removing_a_department_in_use_is_an_introduced_problem_but_old_problems_are_not() {
        let mut before = valid();
        Arc::make_mut(&mut before.accounts[1])
            .plan
            .revenue
            .commitment = Some(-1.0); // an existing problem
        let dept = before.accounts[0].plan.contacts[0]
            .department
            .clone()
            .expect("synthetic contacts have departments");
        let mut after = before.clone();
        after.settings.departments.retain(|d| d.id != dept);
        let found = introduced_problems(&before, &after);
        assert!(!found.is_empty());
        assert!(found
            .iter()
            .all(|p| !p.path.starts_with("accounts[1].plan.revenue")));
        assert!(
            found.iter().any(|p| p.path.ends_with(".department")),
            "{found:?}"
        );
    }

    #[test]
    fn an_interaction_with_a_missing_contact_is_reported_at_that_contact() {
        let mut ws = valid();
        Arc::make_mut(&mut ws.accounts[1]).plan.interactions[3].contacts[0] = Id::new("con-ghost");
        let problems = validate(&ws);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].path,
            "accounts[1].plan.interactions[3].contacts[0]"
        );
        assert!(problems[0].message.contains("con-ghost"));
    }

    #[test]
    fn duplicate_ids_are_reported_at_the_second_use() {
        let mut ws = valid();
        Arc::make_mut(&mut ws.accounts[1]).id = ws.accounts[0].id.clone();
        Arc::make_mut(&mut ws.accounts[0]).plan.interactions[5].id =
            ws.accounts[0].plan.interactions[4].id.clone();
        let problems = validate(&ws);
        let got: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            got,
            ["accounts[1].id", "accounts[0].plan.interactions[5].id"]
        );
        assert!(problems[1]
            .message
            .contains("accounts[0].plan.interactions[4]"));
    }

    #[test]
    fn duplicate_contacts_and_empty_ids_are_reported() {
        let ws = with_contacts(vec![
            contact("c1", "Ann", None),
            contact("c1", "Bob", None),
            contact(" ", "Cy", None),
        ]);
        assert_eq!(
            paths(&ws),
            [
                "accounts[0].plan.contacts[1].id",
                "accounts[0].plan.contacts[2].id"
            ]
        );
    }

    #[test]
    fn feedback_ids_are_unique_across_the_three_lists() {
        let mut ws = with_contacts(vec![]);
        let item = |id: &str| FeedbackItem {
            id: Id::new(id),
            ..FeedbackItem::default()
        };
        let fb = &mut Arc::make_mut(&mut ws.accounts[0]).plan.feedback;
        fb.start = vec![item("f1"), item("f2")];
        fb.keep = vec![item("f3"), item("f1")];
        assert_eq!(paths(&ws), ["accounts[0].plan.feedback.keep[1].id"]);
    }

    #[test]
    fn a_reporting_cycle_is_reported_once_at_its_first_member() {
        let ws = with_contacts(vec![
            contact("c0", "Root", None),
            contact("c1", "Ann", Some("c2")),
            contact("c2", "Bob", Some("c3")),
            contact("c3", "Cy", Some("c1")),
        ]);
        let problems = validate(&ws);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "accounts[0].plan.contacts[1].reports_to");
        assert!(
            problems[0].message.contains("Ann → Bob → Cy → Ann"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn a_contact_reporting_to_themself_is_a_cycle_of_one() {
        let ws = with_contacts(vec![
            contact("c0", "Root", None),
            contact("c1", "Ann", Some("c1")),
        ]);
        let problems = validate(&ws);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "accounts[0].plan.contacts[1].reports_to");
        assert_eq!(problems[0].message, "Ann reports to themself");
    }

    #[test]
    fn reporting_to_a_missing_contact_is_a_dangling_reference_not_a_cycle() {
        let ws = with_contacts(vec![contact("c0", "Root", Some("c9"))]);
        let problems = validate(&ws);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "accounts[0].plan.contacts[0].reports_to");
        assert!(problems[0].message.contains("does not exist"));
    }

    #[test]
    fn negative_and_non_finite_money_is_reported() {
        let mut ws = valid();
        let plan = &mut Arc::make_mut(&mut ws.accounts[0]).plan;
        plan.revenue.commitment = Some(-5.0);
        plan.revenue.quarterly_actuals[2] = Some(f64::NAN);
        plan.contract.value = Some(f64::INFINITY);
        plan.white_space.cells[0].value = Some(-1.0);
        assert_eq!(
            paths(&ws),
            [
                "accounts[0].plan.revenue.commitment",
                "accounts[0].plan.revenue.quarterly_actuals[2]",
                "accounts[0].plan.white_space.cells[0].value",
                "accounts[0].plan.contract.value",
            ]
        );
        let problems = validate(&ws);
        assert_eq!(problems[0].message, "amount -5 is negative");
        assert_eq!(problems[1].message, "amount is not a number");
    }

    #[test]
    fn a_probability_outside_zero_to_one_or_nan_is_reported() {
        let mut ws = valid();
        let opps = &mut Arc::make_mut(&mut ws.accounts[1]).plan.opportunities;
        opps[0].probability = 1.5;
        opps[1].probability = -0.01;
        opps[2].probability = f64::NAN;
        assert_eq!(
            paths(&ws),
            [
                "accounts[1].plan.opportunities[0].probability",
                "accounts[1].plan.opportunities[1].probability",
                "accounts[1].plan.opportunities[2].probability",
            ]
        );
        // The bounds themselves are fine.
        let opps = &mut Arc::make_mut(&mut ws.accounts[1]).plan.opportunities;
        opps[0].probability = 0.0;
        opps[1].probability = 1.0;
        opps[2].probability = 0.5;
        assert_eq!(paths(&ws), Vec::<String>::new());
    }

    #[test]
    fn a_contract_ending_before_it_starts_is_reported_at_its_end_date() {
        let mut ws = valid();
        let c = &mut Arc::make_mut(&mut ws.accounts[0]).plan.contract;
        c.end_date = c.start_date.map(|d| d.pred_opt().unwrap());
        let problems = validate(&ws);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "accounts[0].plan.contract.end_date");
        // Ending on the day it starts is allowed.
        let c = &mut Arc::make_mut(&mut ws.accounts[0]).plan.contract;
        c.end_date = c.start_date;
        assert!(validate(&ws).is_empty());
    }

    #[test]
    fn a_duplicate_white_space_cell_and_an_unknown_unit_are_reported() {
        let mut ws = valid();
        let cells = &mut Arc::make_mut(&mut ws.accounts[0]).plan.white_space.cells;
        let copy = cells[0].clone();
        cells.push(copy);
        cells.push(WhiteSpaceCell {
            unit: Id::new("unit-x"),
            ..cells[0].clone()
        });
        let n = cells.len();
        assert_eq!(
            paths(&ws),
            [
                format!("accounts[0].plan.white_space.cells[{}]", n - 2),
                format!("accounts[0].plan.white_space.cells[{}].unit", n - 1),
            ]
        );
    }

    #[test]
    fn an_interaction_by_an_unknown_team_member_is_reported() {
        let mut ws = valid();
        Arc::make_mut(&mut ws.accounts[0])
            .plan
            .interactions
            .push(Interaction {
                id: Id::new("int-new"),
                by: Some(Id::new("tm-ghost")),
                ..Interaction::default()
            });
        let n = ws.accounts[0].plan.interactions.len();
        assert_eq!(
            paths(&ws),
            [format!("accounts[0].plan.interactions[{}].by", n - 1)]
        );
    }

    /// Breaks account `i` of `ws` in one of several ways; returns the expected path.
    fn inject(ws: &mut Workspace, i: usize, defect: usize, k: usize) -> String {
        let plan = &mut Arc::make_mut(&mut ws.accounts[i]).plan;
        let p = format!("accounts[{i}].plan");
        match defect {
            0 => {
                let k = k % plan.interactions.len();
                plan.interactions[k].contacts[0] = Id::new("con-ghost");
                format!("{p}.interactions[{k}].contacts[0]")
            }
            1 => {
                let k = k % plan.contacts.len();
                plan.contacts[k].reports_to = Some(plan.contacts[k].id.clone());
                format!("{p}.contacts[{k}].reports_to")
            }
            2 => {
                plan.revenue.last_year = Some(-1.0);
                format!("{p}.revenue.last_year")
            }
            3 => {
                let k = k % plan.opportunities.len();
                plan.opportunities[k].probability =
                    if k.is_multiple_of(2) { 1.01 } else { f64::NAN };
                format!("{p}.opportunities[{k}].probability")
            }
            4 => {
                let c = &mut plan.contract;
                c.end_date = c.start_date.map(|d| d.pred_opt().unwrap());
                format!("{p}.contract.end_date")
            }
            5 => {
                let k = 1 + k % (plan.goals.len() - 1);
                plan.goals[k].id = plan.goals[0].id.clone();
                format!("{p}.goals[{k}].id")
            }
            _ => {
                let k = k % plan.contacts.len();
                plan.contacts[k].owner = Some(Id::new("tm-ghost"));
                format!("{p}.contacts[{k}].owner")
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn one_injected_defect_is_reported_at_its_path(
            seed in any::<u64>(),
            i in 0usize..3,
            defect in 0usize..7,
            k in 0usize..100,
        ) {
            let mut ws = synthetic_workspace(seed, 3, &SMALL, today());
            prop_assert!(validate(&ws).is_empty());
            let expected = inject(&mut ws, i, defect, k);
            let problems = validate(&ws);
            prop_assert!(problems.iter().any(|p| p.path == expected), "{expected} not in {problems:?}");
            let prefix = format!("accounts[{i}].");
            prop_assert!(problems.iter().all(|p| p.path.starts_with(&prefix)), "{problems:?}");
        }
    }
}
