//! Reporting lines that go round in a circle.

use std::collections::HashSet;

use super::{push, IdIndex, Problem};
use crate::domain::model::AccountPlan;

/// Reports every reports-to cycle once, at its member that comes first in the list. A
/// contact who reports to themself is a cycle of one.
pub(super) fn check_reporting_cycles(
    p: &str,
    plan: &AccountPlan,
    contacts: &IdIndex,
    out: &mut Vec<Problem>,
) {
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
