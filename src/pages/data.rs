//! Export and import: the whole workspace as a JSON file, and a checked, previewed import
//! (from the file picker or a file dropped anywhere on the page) that changes nothing
//! until the user has seen what it would do and chosen how to settle each conflict. A share
//! link the page was opened with is previewed here too.

use leptos::prelude::*;

use crate::domain::model::Id;
use crate::persist::merge::{Choice, Choices, Status};
use crate::state::use_app;

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="data-heading">
            <h1 id="data-heading">"Import & export"</h1>
            <ExportSection />
            <ImportSection />
        </section>
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let state = use_app();
    let export = move |_| state.download_workspace();
    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <p>
                "Save the whole workspace as one JSON file, to keep as a backup, move to another browser or computer, or share with a colleague. Each account page also exports its plan, contacts, opportunities and cadence."
            </p>
            <button type="button" on:click=export>"Export workspace"</button>
        </section>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let state = use_app();
    // A share link the page was opened with: its preview (or what is wrong with it).
    state.open_share_link();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            state.import_file(file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <p>
                "Import a workspace or account file exported by Account Planner. It is checked completely first; you then see what it would add or change, and nothing is written until you confirm. You can also drop a file anywhere on this page."
            </p>
            <div class="field">
                <label for="import-file">"Import a file"</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=on_change />
            </div>
            {move || state.import_done.get().map(|msg| view! { <p class="notice" role="status">{msg}</p> })}
            <ImportErrors />
            <ImportPreview />
        </section>
    }
}

#[component]
fn ImportErrors() -> impl IntoView {
    let state = use_app();
    move || {
        state.import_errors.get().map(|(file, problems)| {
            let count = problems.len();
            let shown: Vec<_> = problems.into_iter().take(50).collect();
            view! {
                <div class="banner banner-error" role="alert">
                    <p>
                        <strong>{format!("“{file}” was not imported.")}</strong>
                        " Nothing was changed. "
                        {if count == 1 { "One problem:".to_string() } else { format!("{count} problems:") }}
                    </p>
                    <ul class="problems">
                        {shown
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <li>
                                        {(!p.path.is_empty()).then(|| view! { <code>{p.path.clone()}</code> ": " })}
                                        {p.message}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {(count > 50).then(|| view! { <p>{format!("…and {} more.", count - 50)}</p> })}
                </div>
            }
        })
    }
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::Added => "New: will be added",
        Status::Updated => "Changed in the file: will be updated",
        Status::Unchanged => "Same as yours",
        Status::LocalNewer => "Yours is newer: kept",
        Status::Conflict => "Changed on both sides: your choice",
    }
}

#[component]
fn ImportPreview() -> impl IntoView {
    let state = use_app();
    let choices = RwSignal::new(Choices::default());
    move || {
        state.pending_import.get().map(|pending| {
            choices.set(Choices::default());
            let plan = pending.plan.clone();
            let summary = format!(
                "{} new, {} updated, {} unchanged, {} kept because yours is newer, {} in conflict.",
                plan.count(Status::Added),
                plan.count(Status::Updated),
                plan.count(Status::Unchanged),
                plan.count(Status::LocalNewer),
                plan.count(Status::Conflict),
            );
            let rows = plan
                .accounts
                .iter()
                .cloned()
                .map(|e| view! { <PreviewRow entry_id=e.id name=e.name status=e.status choices /> })
                .collect_view();
            let members = plan
                .members
                .iter()
                .filter(|m| m.status != Status::Unchanged)
                .map(|m| format!("{} ({})", m.name, status_text(m.status).to_lowercase()))
                .collect::<Vec<_>>();
            let apply = move |_| state.apply_import(&choices.get_untracked());
            let cancel = move |_| state.pending_import.set(None);
            view! {
                <section class="import-preview" aria-labelledby="preview-heading">
                    <h3 id="preview-heading">{format!("Review “{}” before importing", pending.file_name)}</h3>
                    <p>{summary}</p>
                    {state.is_demo().then(|| view! {
                        <p class="note">"The demo accounts are replaced by this file's."</p>
                    })}
                    <table class="table">
                        <caption class="visually-hidden">"Accounts in the file"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Account"</th>
                                <th scope="col">"What happens"</th>
                                <th scope="col">"Your choice"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(!members.is_empty()).then(|| view! { <p>"Team members: " {members.join(", ")}</p> })}
                    {(plan.settings == Status::Conflict).then(|| view! {
                        <p>"The file's settings differ from yours; yours are kept."</p>
                    })}
                    <div class="button-row">
                        <button type="button" on:click=apply>"Import"</button>
                        <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                    </div>
                </section>
            }
        })
    }
}

#[component]
fn PreviewRow(
    entry_id: Id,
    name: String,
    status: Status,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let choosable = matches!(
        status,
        Status::Conflict | Status::LocalNewer | Status::Updated
    );
    let select_id = format!("choice-{entry_id}");
    let label = format!("Choice for {name}");
    let id_for_change = entry_id.clone();
    let on_change = move |ev| {
        let choice = match event_target_value(&ev).as_str() {
            "incoming" => Choice::TakeIncoming,
            "both" => Choice::KeepBoth,
            _ => Choice::KeepLocal,
        };
        choices.update(|c| {
            c.accounts.insert(id_for_change.clone(), choice);
        });
    };
    let default = match Choice::default_for(status) {
        Choice::TakeIncoming => "incoming",
        Choice::KeepBoth => "both",
        Choice::KeepLocal => "local",
    };
    view! {
        <tr>
            <th scope="row">{name.clone()}</th>
            <td>{status_text(status)}</td>
            <td>
                {choosable
                    .then(|| {
                        view! {
                            <label class="visually-hidden" for=select_id.clone()>{label}</label>
                            <select id=select_id on:change=on_change prop:value=default>
                                <option value="local" selected=default == "local">"Keep mine"</option>
                                <option value="incoming" selected=default == "incoming">"Take theirs"</option>
                                <option value="both" selected=default == "both">"Keep both"</option>
                            </select>
                        }
                    })}
            </td>
        </tr>
    }
}
