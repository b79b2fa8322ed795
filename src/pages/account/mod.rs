//! One account's plan: a header, a navigation with a section per plan part (the URL names
//! the section, so back/forward and reload land on it), and the chosen section's editor.

mod actions;
mod cadence;
mod completeness;
mod contacts;
mod contract;
mod feedback;
mod goals;
mod interactions;
mod measures;
mod opportunities;
mod overview;
mod plan_year;
mod print;
mod relationship_map;
mod reviews;
mod scorecard;
mod section;
mod team;
mod white_space;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::account_exports::AccountExports;
use crate::domain::model::{Id, PlanPart};
use crate::nav::{href_for, navigate_to};
use crate::state::use_app;

pub use section::SectionHead;

/// The URL slug of the relationship map (a view of the contacts, not a plan part).
pub const MAP_SLUG: &str = "relationship-map";
/// The URL slug of the print view: every section one after another.
pub const PRINT_SLUG: &str = "print";
/// The print view's query parameter that picks the version, and its value for the customer
/// version (in the URL, so that a reload prints the same version).
pub const VERSION_PARAM: &str = "version";
pub const CUSTOMER_VERSION: &str = "customer";

/// What the account page shows, named by the URL's `section`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    /// No section, "scorecard" or an unknown slug.
    Scorecard,
    Map,
    /// `true`: the customer version.
    Print(bool),
    Reviews,
    Part(PlanPart),
}

impl View {
    fn from_query(slug: Option<&str>, version: Option<&str>) -> View {
        match slug {
            Some(MAP_SLUG) => View::Map,
            Some(PRINT_SLUG) => View::Print(version == Some(CUSTOMER_VERSION)),
            Some(reviews::SLUG) => View::Reviews,
            Some(s) => PlanPart::from_slug(s).map_or(View::Scorecard, View::Part),
            None => View::Scorecard,
        }
    }
}

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
    let section = Memo::new(move |_| {
        query.with(|q| {
            View::from_query(q.get("section").as_deref(), q.get(VERSION_PARAM).as_deref())
        })
    });
    // A review being held survives a visit to another section of the plan.
    reviews::provide_draft(&id);
    let name = state.account_value(&id, |a| a.name.clone());
    // An archived account opens read-only: every control of the plan is disabled (one
    // `<fieldset disabled>`), and the notice above offers Restore.
    let archived = state.account_value(&id, |a| a.archived);
    // L anywhere in the plan (outside a text field) logs an interaction.
    let log = interactions::LogDialog {
        open: RwSignal::new(false),
    };
    provide_context(log);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let plain = !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key();
        if plain
            && !archived.get_untracked()
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
    let print_href = href_for(&[("account", id.as_str()), ("section", PRINT_SLUG)]);
    // Shows every section, then opens the browser's print dialog once they are drawn.
    let print_plan = move |_| {
        if !matches!(section.get_untracked(), View::Print(_)) {
            navigate_to(&print_href);
        }
        request_animation_frame(|| {
            request_animation_frame(|| {
                let _ = window().print();
            })
        });
    };
    view! {
        <section class="page" aria-labelledby="account-heading">
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href=href_for(&[])>"Portfolio"</a>
            </nav>
            <h1 id="account-heading">{move || name.get()}</h1>
            <ArchivedNotice id=id.clone() archived />
            <div class="account-tools">
                <AccountExports id=id.clone() />
                <button type="button" class="secondary print-button" on:click=print_plan>"Print plan"</button>
                <DuplicateButton id=id.clone() />
            </div>
            <nav class="section-nav" aria-label="Plan sections">
                <a href=href_for(&[("account", nav_id.as_str()), ("section", "scorecard")]) aria-current=move || (section.get() == View::Scorecard).then_some("page")>
                    "Scorecard"
                </a>
                {PlanPart::ALL
                    .into_iter()
                    .map(|part| {
                        let href = href_for(&[("account", nav_id.as_str()), ("section", part.slug())]);
                        let map = (part == PlanPart::Contacts).then(|| {
                            let href = href_for(&[("account", nav_id.as_str()), ("section", MAP_SLUG)]);
                            view! {
                                <a href=href aria-current=move || (section.get() == View::Map).then_some("page")>
                                    "Relationship map"
                                </a>
                            }
                        });
                        view! {
                            <a href=href aria-current=move || (section.get() == View::Part(part)).then_some("page")>
                                {part.label()}
                            </a>
                            {map}
                        }
                    })
                    .collect_view()}
                <a href=href_for(&[("account", nav_id.as_str()), ("section", reviews::SLUG)]) aria-current=move || (section.get() == View::Reviews).then_some("page")>
                    "Reviews"
                </a>
            </nav>
            <fieldset class="read-only-plan" disabled=move || archived.get()>
                <legend class="visually-hidden">"The plan"</legend>
                {move || section_view(body_id.clone(), section.get())}
            </fieldset>
            <interactions::LogInteraction account=id.clone() />
        </section>
    }
}

fn section_view(id: Id, view: View) -> AnyView {
    let part = match view {
        View::Scorecard => return view! { <scorecard::ScorecardSection id /> }.into_any(),
        View::Map => return view! { <relationship_map::RelationshipMapSection id /> }.into_any(),
        View::Print(customer) => return view! { <print::PrintPlan id customer /> }.into_any(),
        View::Reviews => return view! { <reviews::ReviewsSection id /> }.into_any(),
        View::Part(part) => part,
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

/// "Archived — read-only", with Restore, on an archived account's page.
#[component]
fn ArchivedNotice(id: Id, archived: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(id);
    view! {
        <Show when=move || archived.get()>
            <div class="banner archived-notice" role="status">
                <strong>"Archived — read-only."</strong>
                <span>"This account is out of the portfolio; restore it to change its plan."</span>
                <button type="button" on:click=move |_| state.restore_account(&id.get_value())>"Restore"</button>
                <a href=href_for(&[("page", crate::pages::ARCHIVED_PAGE)])>"All archived accounts"</a>
            </div>
        </Show>
    }
}

/// Makes a new account from this one as its template (`domain::template`: the plan's
/// people and structure under new ids, not its history) and opens it where it is named.
#[component]
fn DuplicateButton(id: Id) -> impl IntoView {
    let state = use_app();
    let duplicate = move |_| {
        if let Some(copy) = state.duplicate_account(&id) {
            navigate_to(&href_for(&[
                ("account", copy.as_str()),
                ("section", PlanPart::Revenue.slug()),
            ]));
        }
    };
    view! {
        <button type="button" class="secondary" on:click=duplicate
            title="A new account with this plan's contacts, goals, measures, white space, opportunities, open actions, cadence, team and contract; without its interactions, reviews and feedback">
            "Duplicate as new account"
        </button>
    }
}
