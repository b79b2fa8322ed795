//! The archived accounts (`?page=archived`): out of the portfolio, each can be opened
//! (read-only), restored or deleted for good (with undo).

use leptos::prelude::*;

use crate::domain::model::Id;
use crate::nav::href_for;
use crate::state::use_app;

/// An archived account as the list shows it.
#[derive(Clone, PartialEq)]
struct Archived {
    id: Id,
    name: String,
    segment: &'static str,
    owner: String,
    changed: String,
}

#[component]
pub fn ArchivedPage() -> impl IntoView {
    let state = use_app();
    let list = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let mut list: Vec<Archived> = ws
                .accounts
                .iter()
                .filter(|a| a.archived)
                .map(|a| Archived {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    segment: a.segment.label(),
                    owner: a
                        .owner
                        .as_ref()
                        .and_then(|o| ws.member(o))
                        .map(|m| m.name.clone())
                        .unwrap_or_else(|| "—".into()),
                    changed: a
                        .details_updated_at
                        .map(|t| t.date_naive().to_string())
                        .unwrap_or_else(|| "—".into()),
                })
                .collect();
            list.sort_by_key(|a| a.name.to_lowercase());
            list
        })
    });
    view! {
        <section class="page" aria-labelledby="archived-heading">
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href=href_for(&[])>"Portfolio"</a>
            </nav>
            <h1 id="archived-heading">"Archived accounts"</h1>
            <p class="hint">"Archived accounts are out of the portfolio and its figures. Open one to read its plan, or restore it to work on it again."</p>
            {move || if list.with(Vec::is_empty) {
                view! { <p class="empty-state">"No archived accounts."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-label="Archived accounts" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">"Archived accounts"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Account"</th>
                                    <th scope="col">"Segment"</th>
                                    <th scope="col">"Owner"</th>
                                    <th scope="col">"Last changed"</th>
                                    <th scope="col"><span class="visually-hidden">"Manage"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=move || list.get() key=|a| a.id.clone() let:a>
                                    <ArchivedRow a />
                                </For>
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ArchivedRow(a: Archived) -> impl IntoView {
    let state = use_app();
    let (restore_id, delete_id) = (a.id.clone(), a.id.clone());
    view! {
        <tr>
            <th scope="row"><a href=href_for(&[("account", a.id.as_str())])>{a.name.clone()}</a></th>
            <td>{a.segment}</td>
            <td>{a.owner}</td>
            <td>{a.changed}</td>
            <td class="row-actions">
                <button type="button" class="link" aria-label=format!("Restore {}", a.name) on:click=move |_| state.restore_account(&restore_id)>"Restore"</button>
                <button type="button" class="link danger-text" aria-label=format!("Delete {}", a.name) on:click=move |_| state.delete_account(&delete_id)>"Delete"</button>
            </td>
        </tr>
    }
}
