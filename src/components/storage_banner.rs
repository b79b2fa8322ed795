//! Warnings about storage that stay until the problem is gone: changes living only in
//! memory (storage missing or full), stored values that could not be read (kept and
//! offered for download), and data written by a newer version (nothing is saved then).

use leptos::prelude::*;

use crate::persist::browser;
use crate::persist::export::naming::export_file_name;
use crate::state::use_app;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    view! {
        {move || {
            state
                .read_only
                .get()
                .map(|message| {
                    view! {
                        <div class="banner banner-error" role="alert">
                            <strong>"Read only. "</strong>
                            {message}
                            " Nothing you change here is saved: open the app's newer version, or export what you need."
                        </div>
                    }
                })
        }}
        {move || {
            state
                .storage_problem
                .get()
                .map(|problem| {
                    view! {
                        <div class="banner banner-warning" role="alert">
                            <strong>"Not saved. "</strong>
                            {problem}
                            " Export to keep a copy: "
                            <button type="button" on:click=move |_| state.download_workspace()>
                                "Export workspace"
                            </button>
                        </div>
                    }
                })
        }}
        <QuarantineBanner />
        <TabConflictBanner />
    }
}

/// The same account changed here and in another tab: the user decides which stays.
#[component]
fn TabConflictBanner() -> impl IntoView {
    let state = use_app();
    move || {
        state
            .tab_conflicts
            .get()
            .into_iter()
            .map(|c| {
                let (keep_id, take_id) = (c.id.clone(), c.id.clone());
                let what = if c.theirs.is_some() {
                    format!("“{}” was changed in another tab while you were editing it here.", c.name)
                } else {
                    format!("“{}” was deleted in another tab while you were editing it here.", c.name)
                };
                let take_label = if c.theirs.is_some() {
                    "Use the other tab's version"
                } else {
                    "Delete it here too"
                };
                view! {
                    <div class="banner banner-warning" role="alert">
                        <p>{what} " Your edits to it are not saved until you choose."</p>
                        <div class="button-row">
                            <button type="button" on:click=move |_| state.settle_tab_conflict(&keep_id, false)>
                                "Keep this tab's version"
                            </button>
                            <button type="button" class="secondary" on:click=move |_| state.settle_tab_conflict(&take_id, true)>
                                {take_label}
                            </button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}

/// One line per stored value that failed to decode, each with a download of its raw text.
#[component]
fn QuarantineBanner() -> impl IntoView {
    let state = use_app();
    move || {
        let items = state.quarantined.get();
        (!items.is_empty()).then(|| {
            let rows = items
                .into_iter()
                .map(|q| {
                    let what = match &q.account_name {
                        Some(name) => format!("The stored plan of “{name}”"),
                        None => format!("The stored value “{}”", q.key),
                    };
                    let label = format!("Download the raw data of {}", q.account_name.as_deref().unwrap_or(&q.key));
                    let file = export_file_name(
                        &format!("unreadable-{}", q.account_name.as_deref().unwrap_or("data")),
                        state.today,
                        "json",
                    );
                    let raw = q.raw.clone();
                    let download = move |_| {
                        let _ = browser::download_text(&file, "application/json", &raw);
                    };
                    view! {
                        <li>
                            {what} " could not be read (" {q.reason.clone()} "). It is kept unchanged, with a backup copy. "
                            <button type="button" class="secondary" aria-label=label on:click=download>
                                "Download raw data"
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="banner banner-error" role="alert">
                    <strong>"Some stored data could not be read."</strong>
                    <ul>{rows}</ul>
                </div>
            }
        })
    }
}
