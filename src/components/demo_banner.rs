//! "This is demo data": shown while the workspace is the demo a first visit opens with,
//! with a button to clear it and start empty.

use leptos::prelude::*;

use crate::domain::model::Workspace;
use crate::state::use_app;

#[component]
pub fn DemoBanner() -> impl IntoView {
    let state = use_app();
    let is_demo = Memo::new(move |_| state.workspace.with(|ws| ws.demo));
    let clear = move |_| state.replace_workspace(Workspace::default());
    view! {
        <Show when=move || is_demo.get()>
            <div class="banner banner-info" role="region" aria-label="Demo data">
                <strong>"Demo data. "</strong>
                "These accounts are made up, to show what a plan looks like. Nothing here leaves your browser. "
                <button type="button" on:click=clear>"Clear demo and start empty"</button>
            </div>
        </Show>
    }
}
