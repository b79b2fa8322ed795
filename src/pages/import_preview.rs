//! The preview of an import: what the files would add and change, account by account, and
//! each conflict side by side, field by field, with the user's choice.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::merge::{Change, Choice, Choices, Clash, Status};
use crate::domain::model::{EntityKind, Id};
use crate::state::{use_app, PendingImport};

#[component]
pub fn ImportPreview() -> impl IntoView {
    let state = use_app();
    let choices = RwSignal::new(Choices::default());
    move || {
        state.pending_import.get().map(|pending| {
            choices.set(Choices::default());
            let apply = move |_| state.apply_import(&choices.get_untracked());
            let cancel = move |_| state.cancel_import();
            let conflicts: Vec<Change> = pending.preview.conflicts().cloned().collect();
            let accounts = accounts_of(&pending);
            let names: BTreeMap<Id, String> = accounts.iter().cloned().collect();
            view! {
                <section class="import-preview" aria-labelledby="preview-heading">
                    <h3 id="preview-heading">{if pending.from_sync {
                        format!("Review the changes from the team database {} before applying them", pending.title())
                    } else {
                        format!("Review {} before importing", pending.title())
                    }}</h3>
                    <p>{summary(&pending)}</p>
                    {state.is_demo().then(|| view! {
                        <p class="note">"The demo accounts are replaced by this file's."</p>
                    })}
                    <AccountTable pending=pending.clone() accounts />
                    {(!conflicts.is_empty()).then(|| view! {
                        <Conflicts conflicts names choices />
                    })}
                    <div class="button-row">
                        <button type="button" on:click=apply>{if pending.from_sync { "Apply" } else { "Import" }}</button>
                        <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                    </div>
                </section>
            }
        })
    }
}

fn summary(p: &PendingImport) -> String {
    let m = &p.preview;
    let count = |f: fn(&Status) -> bool| m.changes.iter().filter(|c| f(&c.status)).count();
    format!(
        "{} new, {} updated, {} deleted as in the file, {} kept because yours is newer, {} in conflict.",
        count(|s| *s == Status::Added),
        count(|s| *s == Status::Updated),
        count(|s| *s == Status::Removed),
        count(|s| *s == Status::Kept),
        count(|s| matches!(s, Status::Conflict(_))),
    )
}

/// Every account the files hold, in their order, then those the files delete; each once,
/// by id, with its name.
fn accounts_of(p: &PendingImport) -> Vec<(Id, String)> {
    let mut seen = std::collections::HashSet::new();
    let in_files = p
        .files
        .iter()
        .flat_map(|f| f.file.workspace.accounts.iter());
    let deleted = p
        .preview
        .changes
        .iter()
        .filter(|c| c.entity.kind == EntityKind::Account);
    in_files
        .map(|a| (a.id.clone(), a.name.clone()))
        .chain(deleted.map(|c| (c.entity.id.clone(), c.name.clone())))
        .filter(|(id, _)| seen.insert(id.clone()))
        .collect()
}

#[component]
fn AccountTable(pending: PendingImport, accounts: Vec<(Id, String)>) -> impl IntoView {
    let mut by_account: BTreeMap<Id, Vec<&Change>> = BTreeMap::new();
    for c in &pending.preview.changes {
        let account = match (&c.entity.account, c.entity.kind) {
            (Some(a), _) => a.clone(),
            (None, EntityKind::Account) => c.entity.id.clone(),
            (None, _) => continue,
        };
        by_account.entry(account).or_default().push(c);
    }
    let rows = accounts
        .into_iter()
        .map(|(id, name)| {
            let what = account_outcome(by_account.get(&id).map_or(&[][..], |v| v.as_slice()));
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{what}</td>
                </tr>
            }
        })
        .collect_view();
    let team = workspace_changes(&pending.preview.changes);
    view! {
        <div class="table-scroll" role="region" aria-label="Accounts in the file" tabindex="0">
        <table class="table">
            <caption class="visually-hidden">"Accounts in the file"</caption>
            <thead>
                <tr>
                    <th scope="col">"Account"</th>
                    <th scope="col">"What happens"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
        {(!team.is_empty()).then(|| view! { <p>{team}</p> })}
    }
}

/// One account's changes in a phrase.
fn account_outcome(changes: &[&Change]) -> String {
    let whole = changes
        .iter()
        .find(|c| c.entity.kind == EntityKind::Account);
    if let Some(c) = whole {
        return match c.status {
            Status::Added => "New: will be added".into(),
            Status::Removed => "Deleted in the file: will be deleted".into(),
            Status::Conflict(Clash::DeletedHere) => {
                "Deleted here, changed in the file: your choice below".into()
            }
            Status::Conflict(_) => "Changed here, deleted in the file: your choice below".into(),
            _ => String::new(),
        };
    }
    let n = |s: fn(&Status) -> bool| changes.iter().filter(|c| s(&c.status)).count();
    let parts: Vec<String> = [
        (n(|s| *s == Status::Added), "added"),
        (n(|s| *s == Status::Updated), "updated"),
        (n(|s| *s == Status::Removed), "deleted"),
        (
            n(|s| matches!(s, Status::Conflict(_))),
            "in conflict (below)",
        ),
        (n(|s| *s == Status::Kept), "kept because yours is newer"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, what)| format!("{count} {what}"))
    .collect();
    if parts.is_empty() {
        "Same as yours".into()
    } else {
        parts.join(", ")
    }
}

/// The team members and settings the import changes, in a sentence.
fn workspace_changes(changes: &[Change]) -> String {
    let listed: Vec<String> = changes
        .iter()
        .filter(|c| c.entity.account.is_none() && c.entity.kind != EntityKind::Account)
        .filter(|c| c.status != Status::Kept)
        .map(|c| format!("{} ({})", c.name, status_phrase(c.status)))
        .collect();
    if listed.is_empty() {
        String::new()
    } else {
        format!("Team and settings: {}.", listed.join(", "))
    }
}

fn status_phrase(s: Status) -> &'static str {
    match s {
        Status::Added => "new",
        Status::Updated => "updated",
        Status::Removed => "deleted",
        Status::Kept => "yours kept",
        Status::Conflict(_) => "in conflict, below",
    }
}

#[component]
fn Conflicts(
    conflicts: Vec<Change>,
    names: BTreeMap<Id, String>,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let all = move |choice: Choice| {
        choices.set(Choices {
            each: BTreeMap::new(),
            all: Some(choice),
        })
    };
    let items = conflicts
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let place = c
                .entity
                .account
                .as_ref()
                .and_then(|a| names.get(a))
                .cloned();
            view! { <ConflictChoice index=i change=c place choices /> }
        })
        .collect_view();
    view! {
        <section class="conflicts" aria-labelledby="conflicts-heading">
            <h4 id="conflicts-heading">"Conflicts: changed on both sides"</h4>
            <p>"Each was changed here and in the file since you last exchanged them. Yours is kept unless you take theirs."</p>
            <div class="button-row">
                <button type="button" class="secondary" on:click=move |_| all(Choice::KeepMine)>"Keep mine for all"</button>
                <button type="button" class="secondary" on:click=move |_| all(Choice::TakeTheirs)>"Take theirs for all"</button>
            </div>
            {items}
        </section>
    }
}

#[component]
fn ConflictChoice(
    index: usize,
    change: Change,
    place: Option<String>,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let kind = change.entity.kind;
    // A part every account has once (details, revenue, contract; the settings) is named
    // by its kind alone.
    let what = match kind {
        EntityKind::Details | EntityKind::Revenue | EntityKind::Contract | EntityKind::Settings => {
            capitalised(kind.label())
        }
        _ => format!("{} “{}”", capitalised(kind.label()), change.name),
    };
    let legend = match &place {
        Some(account) => format!("{what} in {account}"),
        None => what,
    };
    let clash = match change.status {
        Status::Conflict(Clash::DeletedHere) => "You deleted it; the file changed it.",
        Status::Conflict(Clash::DeletedThere) => "You changed it; the file deleted it.",
        _ => "Both changed it.",
    };
    let entity = change.entity.clone();
    let current = {
        let entity = entity.clone();
        move || choices.with(|c| c.of(&entity))
    };
    let pick = move |choice: Choice| {
        let entity = entity.clone();
        move |_| {
            choices.update(|c| {
                c.each.insert(entity.clone(), choice);
            })
        }
    };
    let name = format!("conflict-{index}");
    let rows = change
        .fields
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{f.field.clone()}</th>
                    <td>{f.mine.clone()}</td>
                    <td>{f.theirs.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let has_fields = !change.fields.is_empty();
    let mine_checked = {
        let current = current.clone();
        move || current() == Choice::KeepMine
    };
    let theirs_checked = move || current() == Choice::TakeTheirs;
    view! {
        <fieldset class="conflict">
            <legend>{legend}</legend>
            <p>{clash}</p>
            {has_fields.then(|| view! {
                <div class="table-scroll" role="region" aria-label="Differences" tabindex="0">
                <table class="table">
                    <caption class="visually-hidden">"Differences"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Field"</th>
                            <th scope="col">"Yours"</th>
                            <th scope="col">"In the file"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                </div>
            })}
            <label class="choice">
                <input type="radio" name=name.clone() prop:checked=mine_checked on:change=pick(Choice::KeepMine) />
                "Keep mine"
            </label>
            <label class="choice">
                <input type="radio" name=name prop:checked=theirs_checked on:change=pick(Choice::TakeTheirs) />
                "Take theirs"
            </label>
        </fieldset>
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
