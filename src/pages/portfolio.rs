//! The portfolio: every account at a glance, and where new accounts are added.

use leptos::prelude::*;

use crate::app::href_for;
use crate::state::use_app;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let state = use_app();
    let accounts = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.accounts
                .iter()
                .filter(|a| !a.archived)
                .map(|a| (a.id.clone(), a.name.clone(), a.industry.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page" aria-labelledby="portfolio-heading">
            <h1 id="portfolio-heading">"Portfolio"</h1>
            <AddAccountForm />
            <Show
                when=move || !accounts.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="empty-state">
                            "No accounts yet. Add your first customer account above to start its plan."
                        </p>
                    }
                }
            >
                <table class="table">
                    <caption class="visually-hidden">"Accounts"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Account"</th>
                            <th scope="col">"Industry"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || accounts.get()
                            key=|(id, name, industry)| (id.clone(), name.clone(), industry.clone())
                            let((id, name, industry))
                        >
                            <tr>
                                <td>
                                    <a href=href_for(&[("account", id.as_str())])>{name}</a>
                                </td>
                                <td>{industry}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// Adds an account by name; an empty name gets a message next to the field.
#[component]
fn AddAccountForm() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.add_account(&name.get_untracked()) {
            Ok(_) => {
                name.set(String::new());
                error.set(None);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="inline-form" on:submit=on_submit>
            <label for="new-account-name">"Account name"</label>
            <input
                id="new-account-name"
                type="text"
                autocomplete="off"
                bind:value=name
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby="new-account-error"
            />
            <button type="submit">"Add account"</button>
            <p id="new-account-error" class="field-error" aria-live="polite">
                {move || error.get()}
            </p>
        </form>
    }
}
