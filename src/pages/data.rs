//! Export and import: the whole workspace as a JSON file, and a checked, previewed import
//! (from the file picker or a file dropped anywhere on the page) that changes nothing
//! until the user has seen what it would do and chosen how to settle each conflict. A share
//! link the page was opened with is previewed here too.

use leptos::prelude::*;

use super::import_preview::ImportPreview;
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
        if let Some(list) = input.files() {
            state.import_files((0..list.length()).filter_map(|i| list.get(i)).collect());
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <p>
                "Import workspace or account files exported by Account Planner: yours from another device, or your team's (pick or drop several to roll them up). Each is checked completely first; you then see what they would add or change, entity by entity, and nothing is written until you confirm. You can also drop files anywhere on this page."
            </p>
            <div class="field">
                <label for="import-file">"Import files"</label>
                <input id="import-file" type="file" multiple accept=".json,application/json" on:change=on_change />
            </div>
            <ImportProgress />
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
        state.import_errors.get().into_iter().map(|(file, problems)| {
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
        }).collect_view()
    }
}

/// While files are read: which one, how far, and a way to stop.
#[component]
fn ImportProgress() -> impl IntoView {
    let state = use_app();
    move || {
        state.import_progress.get().map(|p| {
            view! {
                <div class="import-progress">
                    <p role="status">{format!("Reading file {} of {}: {}…", p.done + 1, p.total, p.current)}</p>
                    <progress max=p.total value=p.done aria-label="Files read"></progress>
                    <button type="button" class="secondary" on:click=move |_| state.cancel_import()>"Cancel import"</button>
                </div>
            }
        })
    }
}
