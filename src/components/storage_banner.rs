//! A persistent warning while changes live only in memory (storage missing or full).

use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    move || {
        state.storage_problem.get().map(|problem| {
            view! {
                <div class="banner banner-warning" role="alert">
                    <strong>"Not saved. "</strong>
                    {problem}
                </div>
            }
        })
    }
}
