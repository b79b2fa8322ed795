//! Settings → Team sync: the server and team database, sign in and out (the password goes
//! to the server and is never kept), and a status anyone understands: last synced, changes
//! waiting, what went wrong in words; the conflicts a sync found, settled in the import's
//! preview.

use leptos::prelude::*;

use super::import_preview::ImportPreview;
use crate::state::use_app;

#[component]
pub fn SyncCard() -> impl IntoView {
    let state = use_app();
    state.load_sync_status();
    let status = state.sync_status();
    let enabled = move || status.with(|s| s.enabled && !s.signed_out);
    let from_sync = move || {
        state
            .pending_import
            .with(|p| p.as_ref().is_some_and(|p| p.from_sync))
    };
    view! {
        <section class="card" aria-labelledby="sync-heading">
            <h2 id="sync-heading">"Team sync"</h2>
            <p>
                "Share plans with your team through your company's CouchDB server. The app keeps working offline and syncs when the server can be reached. Everyone in a team database can read every plan in it. Off until you sign in: nothing leaves this browser before."
            </p>
            <SyncStatusLine />
            {move || if enabled() { view! { <SyncActions /> }.into_any() } else { view! { <SignInForm /> }.into_any() }}
            {move || from_sync().then(|| view! { <ImportPreview /> })}
        </section>
    }
}

#[component]
fn SyncStatusLine() -> impl IntoView {
    let state = use_app();
    let status = state.sync_status();
    // Changes made here that the server does not have: follows every edit.
    let waiting = Memo::new(move |_| {
        state.workspace.track();
        // And after every sync: what the server has changed.
        let (enabled, _, _) = status.with(|s| (s.enabled, s.last_synced, s.running));
        enabled.then(|| state.sync_waiting())
    });
    view! {
        <div class="sync-status">
            <p role="status">
                {move || status.with(|s| {
                    if !s.enabled {
                        return "Sync is off.".to_string();
                    }
                    let who = s.user.clone().unwrap_or_default();
                    let last = match s.last_synced {
                        Some(t) => format!("Last synced at {}.", t.with_timezone(&chrono::Local).format("%H:%M:%S on %d %b")),
                        None => "Not synced yet.".into(),
                    };
                    let running = if s.running { " Syncing…" } else { "" };
                    format!("Signed in as {who} to the team database “{}”. {last}{running}", s.database)
                })}
            </p>
            {move || waiting.get().map(|n| view! {
                <p>{if n == 0 { "No changes waiting.".to_string() } else { format!("Changes waiting to be sent: {n}.") }}</p>
            })}
            {move || status.with(|s| s.note.clone()).map(|n| view! { <p class="note">{n}</p> })}
            {move || status.with(|s| s.error.clone()).map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || {
                let n = status.with(|s| s.conflicts);
                let closed = state.pending_import.with(Option::is_none);
                (n > 0 && closed).then(|| view! {
                    <p>
                        {format!("{n} conflict{} from the team wait for your choice. ", if n == 1 { "" } else { "s" })}
                        <button type="button" on:click=move |_| state.review_sync_conflicts()>"Review conflicts"</button>
                    </p>
                })
            }}
        </div>
    }
}

#[component]
fn SyncActions() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="button-row">
            <button type="button" on:click=move |_| state.sync_now()>"Sync now"</button>
            <button type="button" class="secondary" on:click=move |_| state.sign_out_of_sync()>"Sign out"</button>
        </div>
    }
}

#[component]
fn SignInForm() -> impl IntoView {
    let state = use_app();
    let (server, database, user) = state.sync_status().with_untracked(|s| {
        (
            s.server.clone(),
            s.database.clone(),
            s.user.clone().unwrap_or_default(),
        )
    });
    let server = RwSignal::new(server);
    let database = RwSignal::new(database);
    let user = RwSignal::new(user);
    let password = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pw = password.get_untracked();
        // The password goes to the server once, and is not kept here.
        password.set(String::new());
        state.sign_in_to_sync(
            server.get_untracked(),
            database.get_untracked(),
            user.get_untracked(),
            pw,
        );
    };
    view! {
        <form class="form-grid sync-sign-in" on:submit=submit>
            <label>"Server address"
                <input type="url" required placeholder="https://couch.example.com" bind:value=server />
            </label>
            <label>"Team database"
                <input type="text" required placeholder="sales-emea" bind:value=database />
            </label>
            <label>"User name"
                <input type="text" required autocomplete="username" bind:value=user />
            </label>
            <label>"Password"
                <input type="password" required autocomplete="current-password" bind:value=password />
            </label>
            <div class="button-row">
                <button type="submit">"Sign in and sync"</button>
            </div>
        </form>
    }
}
