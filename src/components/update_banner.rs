//! "A new version is ready": shown when a new release waits in the service worker.

use leptos::prelude::*;

use crate::pwa;

#[component]
pub fn UpdateBanner(ready: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || ready.get()>
            <div class="banner banner-info" role="status">
                "A new version of Account Planner is ready. "
                <button type="button" on:click=move |_| pwa::apply_update()>
                    "Reload to update"
                </button>
            </div>
        </Show>
    }
}
