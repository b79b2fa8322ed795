//! The head of every plan section: its title, when it was last reviewed (and whether that
//! is overdue), and "Mark reviewed".

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::model::{Id, PlanPart};
use crate::state::use_app;

#[component]
pub fn SectionHead(id: Id, part: PlanPart) -> impl IntoView {
    let state = use_app();
    let reviewed = state.account_value(&id, move |a| a.plan.reviewed.get(&part).copied());
    let rhythm_days = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| i64::from(ws.settings.rhythm.quarterly_update_days))
    });
    let today = state.today;
    let status = move || match reviewed.get() {
        None => view! { <span class="stale">"Never reviewed"</span> }.into_any(),
        Some(d) => {
            let age = (today - d).num_days();
            let text = format!("Last reviewed {}", describe_day(d, today));
            if age > rhythm_days.get() {
                view! { <span class="stale">{text}</span> }.into_any()
            } else {
                view! { <span>{text}</span> }.into_any()
            }
        }
    };
    view! {
        <div class="section-head">
            <h2 id="section-heading">{part.label()}</h2>
            <div class="reviewed">
                {status}
                <button type="button" class="secondary" on:click=move |_| state.mark_reviewed(&id, part)>
                    "Mark reviewed"
                </button>
            </div>
        </div>
    }
}

/// "today", "yesterday", "12 days ago (2026-11-12)".
pub fn describe_day(d: NaiveDate, today: NaiveDate) -> String {
    match (today - d).num_days() {
        0 => "today".into(),
        1 => "yesterday".into(),
        n if n > 1 => format!("{n} days ago ({d})"),
        _ => d.to_string(),
    }
}
