//! One account's plan.

use leptos::prelude::*;

use crate::app::href_for;
use crate::components::account_exports::AccountExports;
use crate::domain::model::Id;
use crate::state::use_app;

#[component]
pub fn AccountPage(id: String) -> impl IntoView {
    let state = use_app();
    let id = Id::new(id);
    let account = {
        let id = id.clone();
        Memo::new(move |_| state.workspace.with(|ws| ws.account(&id).cloned()))
    };
    move || {
        match account.get() {
        None => view! {
            <section class="page">
                <h1>"Account not found"</h1>
                <p>"This account does not exist in this browser's workspace. It may have been deleted, or the link comes from another browser."</p>
                <a href=href_for(&[])>"Back to the portfolio"</a>
            </section>
        }
        .into_any(),
        Some(account) => {
            let id = id.clone();
            let exports_id = id.clone();
            let on_industry = move |ev| {
                let value = event_target_value(&ev);
                state.update_account(&id, |a| a.industry = value);
            };
            view! {
                <section class="page" aria-labelledby="account-heading">
                    <nav aria-label="Breadcrumb" class="breadcrumb">
                        <a href=href_for(&[])>"Portfolio"</a>
                    </nav>
                    <h1 id="account-heading">{account.name.clone()}</h1>
                    <AccountExports id=exports_id />
                    <div class="field">
                        <label for="account-industry">"Industry"</label>
                        <input
                            id="account-industry"
                            type="text"
                            prop:value=account.industry.clone()
                            on:change=on_industry
                        />
                    </div>
                </section>
            }
            .into_any()
        }
    }
    }
}
