//! One account's exports: its plan as JSON (to share or move) or as a link, its customer
//! version as JSON (to build the plan with the customer), contacts and opportunities as
//! CSV (for spreadsheets and CRMs), and its cadence as an iCalendar file.

use chrono::Utc;
use leptos::prelude::*;

use crate::components::share_link::SharePanel;
use crate::domain::model::Id;
use crate::persist::browser;
use crate::persist::export::{csv, ics, json, naming::export_file_name};
use crate::state::use_app;

#[derive(Clone, Copy)]
enum Export {
    Plan,
    CustomerPlan,
    Contacts,
    Opportunities,
    Cadence,
}

#[component]
pub fn AccountExports(id: Id) -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let run = move |id: &Id, what: Export| {
        let made = state.workspace.with_untracked(|ws| {
            let account = ws.account(id)?;
            let name = &account.name;
            Some(match what {
                Export::Plan => (
                    export_file_name(name, state.today, "json"),
                    "application/json",
                    json::export_account(ws, id, Utc::now())?,
                ),
                Export::CustomerPlan => (
                    export_file_name(&format!("{name} customer version"), state.today, "json"),
                    "application/json",
                    json::export_customer_account(ws, id, Utc::now())?,
                ),
                Export::Contacts => (
                    export_file_name(&format!("{name} contacts"), state.today, "csv"),
                    "text/csv;charset=utf-8",
                    csv::contacts_csv(ws, account),
                ),
                Export::Opportunities => (
                    export_file_name(&format!("{name} opportunities"), state.today, "csv"),
                    "text/csv;charset=utf-8",
                    csv::opportunities_csv(ws, account),
                ),
                Export::Cadence => (
                    export_file_name(&format!("{name} cadence"), state.today, "ics"),
                    "text/calendar;charset=utf-8",
                    ics::cadence_ics(ws, account, Utc::now()),
                ),
            })
        });
        let result = match made {
            Some((file, mime, text)) => browser::download_text(&file, mime, &text),
            None => Err("this account no longer exists".into()),
        };
        error.set(result.err().map(|e| format!("The export failed: {e}")));
    };
    let sharing = RwSignal::new(false);
    let (share_id, download_id) = (id.clone(), id.clone());
    let download = Callback::new(move |()| run(&download_id, Export::Plan));
    let button = move |label: &'static str, what: Export| {
        let id = id.clone();
        view! {
            <button type="button" class="secondary" on:click=move |_| run(&id, what)>
                {label}
            </button>
        }
    };
    view! {
        <div class="button-row" role="group" aria-label="Export this account">
            {button("Export plan (JSON)", Export::Plan)}
            {button("Customer version (JSON)", Export::CustomerPlan)}
            {button("Contacts (CSV)", Export::Contacts)}
            {button("Opportunities (CSV)", Export::Opportunities)}
            {button("Cadence (iCalendar)", Export::Cadence)}
            <button type="button" class="secondary" aria-expanded=move || sharing.get().to_string() on:click=move |_| sharing.update(|open| *open = !*open)>
                "Share as link"
            </button>
        </div>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        // Drawn again on every change, so the link follows the plan.
        {move || sharing.get().then(|| {
            state.workspace.track();
            view! { <SharePanel id=share_id.clone() download /> }
        })}
    }
}
