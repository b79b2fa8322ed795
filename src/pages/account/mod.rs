//! One account's plan: a header, a navigation with a section per plan part (the URL names
//! the section, so back/forward and reload land on it), and the chosen section's editor.

mod actions;
mod cadence;
mod contacts;
mod contract;
mod feedback;
mod goals;
mod interactions;
mod measures;
mod opportunities;
mod overview;
mod reviews;
mod scorecard;
mod section;
mod team;
mod white_space;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::href_for;
use crate::components::account_exports::AccountExports;
use crate::domain::model::{Id, PlanPart};
use crate::state::use_app;

pub use section::SectionHead;

#[component]
pub fn AccountPage(id: String) -> impl IntoView {
    let state = use_app();
    let id = Id::new(id);
    let exists = {
        let id = id.clone();
        Memo::new(move |_| state.workspace.with(|ws| ws.account(&id).is_some()))
    };
    move || {
        if exists.get() {
            view! { <AccountPlan id=id.clone() /> }.into_any()
        } else {
            view! {
                <section class="page">
                    <h1>"Account not found"</h1>
                    <p>
                        "This account does not exist in this browser's workspace. It may have been deleted, or the link comes from another browser."
                    </p>
                    <a href=href_for(&[])>"Back to the portfolio"</a>
                </section>
            }
            .into_any()
        }
    }
}

#[component]
fn AccountPlan(id: Id) -> impl IntoView {
    let state = use_app();
    let query = use_query_map();
    // No section (or "scorecard") shows the scorecard.
    let section = Memo::new(move |_| {
        query
            .with(|q| q.get("section"))
            .and_then(|s| PlanPart::from_slug(&s))
    });
    // The reviews section has no plan part of its own.
    let on_reviews =
        Memo::new(move |_| query.with(|q| q.get("section").as_deref() == Some(reviews::SLUG)));
    // A review being held survives a visit to another section of the plan.
    reviews::provide_draft();
    let name = state.account_value(&id, |a| a.name.clone());
    // L anywhere in the plan (outside a text field) logs an interaction.
    let log = interactions::LogDialog {
        open: RwSignal::new(false),
    };
    provide_context(log);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let plain = !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key();
        if plain
            && ev.key().eq_ignore_ascii_case("l")
            && !crate::components::undo_notice::in_text_field()
        {
            ev.prevent_default();
            log.open.set(true);
        }
    });
    on_cleanup(move || keys.remove());
    let nav_id = id.clone();
    let body_id = id.clone();
    view! {
        <section class="page" aria-labelledby="account-heading">
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href=href_for(&[])>"Portfolio"</a>
            </nav>
            <h1 id="account-heading">{move || name.get()}</h1>
            <AccountExports id=id.clone() />
            <nav class="section-nav" aria-label="Plan sections">
                <a href=href_for(&[("account", nav_id.as_str()), ("section", "scorecard")]) aria-current=move || (section.get().is_none() && !on_reviews.get()).then_some("page")>
                    "Scorecard"
                </a>
                {PlanPart::ALL
                    .into_iter()
                    .map(|part| {
                        let href = href_for(&[("account", nav_id.as_str()), ("section", part.slug())]);
                        view! {
                            <a href=href aria-current=move || (section.get() == Some(part)).then_some("page")>
                                {part.label()}
                            </a>
                        }
                    })
                    .collect_view()}
                <a href=href_for(&[("account", nav_id.as_str()), ("section", reviews::SLUG)]) aria-current=move || on_reviews.get().then_some("page")>
                    "Reviews"
                </a>
            </nav>
            {move || if on_reviews.get() {
                view! { <reviews::ReviewsSection id=body_id.clone() /> }.into_any()
            } else {
                section_view(body_id.clone(), section.get())
            }}
            <interactions::LogInteraction account=id.clone() />
        </section>
    }
}

fn section_view(id: Id, part: Option<PlanPart>) -> AnyView {
    let Some(part) = part else {
        return view! { <scorecard::ScorecardSection id /> }.into_any();
    };
    match part {
        PlanPart::Revenue => view! { <overview::OverviewSection id /> }.into_any(),
        PlanPart::Goals => view! { <goals::GoalsSection id /> }.into_any(),
        PlanPart::SuccessMeasures => view! { <measures::MeasuresSection id /> }.into_any(),
        PlanPart::Feedback => view! { <feedback::FeedbackSection id /> }.into_any(),
        PlanPart::Contacts => view! { <contacts::ContactsSection id /> }.into_any(),
        PlanPart::Opportunities => view! { <opportunities::OpportunitiesSection id /> }.into_any(),
        PlanPart::Actions => view! { <actions::ActionsSection id /> }.into_any(),
        PlanPart::Cadence => view! { <cadence::CadenceSection id /> }.into_any(),
        PlanPart::Team => view! { <team::TeamSection id /> }.into_any(),
        PlanPart::Contract => view! { <contract::ContractSection id /> }.into_any(),
        PlanPart::WhiteSpace => view! { <white_space::WhiteSpaceSection id /> }.into_any(),
    }
}
