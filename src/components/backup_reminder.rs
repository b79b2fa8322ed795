//! Shown when the browser refuses to keep storage persistent (Safari, for one, may clear
//! script-written storage after seven days without a visit): a reminder to export now
//! and then, with the export one click away. Dismissed for the session.

use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app();
    let dismissed = RwSignal::new(false);
    let shown = move || state.persistence_refused.get() && !dismissed.get();
    view! {
        <Show when=shown>
            <div class="banner banner-info" role="region" aria-label="Backup reminder">
                "This browser may clear stored plans after a long absence or when space runs low. Export a backup now and then. "
                <button type="button" on:click=move |_| state.download_workspace()>"Export a backup"</button>
                " "
                <button type="button" class="secondary" on:click=move |_| dismissed.set(true)>"Dismiss"</button>
            </div>
        </Show>
    }
}
