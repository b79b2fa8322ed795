//! Validation: checks a whole workspace and reports every problem with the path of the bad
//! field, so that an import can be refused (or a stored value repaired) with a message the
//! user can act on. It never stops at the first problem and never panics.
//!
//! Ids are looked up through one hash map per entity kind and account, so a workspace of
//! 1,000 accounts × 30 contacts × 200 interactions validates in a few milliseconds.

mod cycles;
mod plan;
mod settings;

use std::collections::HashMap;

use serde::Serialize;

use super::model::{Account, Id, Money, Workspace, SCHEMA_VERSION};
use plan::check_plan;
use settings::check_settings;

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

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_practices;
