//! Feedback: the customer's start doing / stop doing / keep doing lists, each item with
//! its answer, where it stands, and the actions that answer it.

use chrono::Utc;
use leptos::prelude::*;

use crate::components::fields::{DateField, SelectField, TextArea, TextField};
use crate::domain::feedback::{actions_for, delete_item};
use crate::domain::model::{AccountPlan, Choice, FeedbackItem, FeedbackStatus, Id, PlanPart};
use crate::state::use_app;

use super::section::*;

fn start(p: &AccountPlan) -> &Vec<FeedbackItem> {
    &p.feedback.start
}
fn start_mut(p: &mut AccountPlan) -> &mut Vec<FeedbackItem> {
    &mut p.feedback.start
}
fn stop(p: &AccountPlan) -> &Vec<FeedbackItem> {
    &p.feedback.stop
}
fn stop_mut(p: &mut AccountPlan) -> &mut Vec<FeedbackItem> {
    &mut p.feedback.stop
}
fn keep(p: &AccountPlan) -> &Vec<FeedbackItem> {
    &p.feedback.keep
}
fn keep_mut(p: &mut AccountPlan) -> &mut Vec<FeedbackItem> {
    &mut p.feedback.keep
}

#[component]
pub fn FeedbackSection(id: Id) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Feedback />
            <p class="hint">"Ask before the year starts and at every review: what should we start, stop and keep doing?"</p>
            <NewYearNote id=id.clone() />
            <div class="feedback-columns">
                <FeedbackList account=id.clone() title="Start doing" singular="start doing item" list=start list_mut=start_mut />
                <FeedbackList account=id.clone() title="Stop doing" singular="stop doing item" list=stop list_mut=stop_mut />
                <FeedbackList account=id.clone() title="Keep doing" singular="keep doing item" list=keep list_mut=keep_mut />
            </div>
            <LastYearsFeedback id />
        </section>
    }
}

/// Once next year's plan is started, its feedback is empty until asked for again: says so.
#[component]
fn NewYearNote(id: Id) -> impl IntoView {
    let state = use_app();
    let note = state.account_value(&id, |a| {
        let f = &a.plan.feedback;
        let empty = f.start.is_empty() && f.stop.is_empty() && f.keep.is_empty();
        (empty && crate::domain::plan_year::last_year(a).is_some())
            .then(|| crate::domain::plan_year::plan_label(a))
    });
    move || {
        note.get().map(|label| view! {
            <p class="notice" role="status">{format!("No feedback for {label} yet: ask the customer what to start, stop and keep doing this year. Last year's items are below, read-only.")}</p>
        })
    }
}

/// Last year's start / stop / keep items, read-only, under the new year's lists.
#[component]
fn LastYearsFeedback(id: Id) -> impl IntoView {
    let state = use_app();
    let last = state.account_value(&id, |a| crate::domain::plan_year::last_year(a).cloned());
    move || {
        last.get().map(|p| {
            let heading = format!(
                "Last year's feedback ({})",
                crate::domain::plan_year::year_label(p.year, p.fiscal_year_start_month)
            );
            let name = heading.clone();
            view! {
                <section class="last-year subsection" aria-label=name>
                    <h3>{heading}</h3>
                    <super::plan_year::LastYearFeedback plan=p />
                </section>
            }
        })
    }
}

#[component]
fn FeedbackList(
    account: Id,
    title: &'static str,
    singular: &'static str,
    list: ListOf<FeedbackItem>,
    list_mut: ListOfMut<FeedbackItem>,
) -> impl IntoView {
    let state = use_app();
    let ids = ids_of(state, &account, list);
    let add_id = account.clone();
    let today = state.today;
    let add = move |_| {
        let new = add_to(state, &add_id, "fb", list_mut, |fid| FeedbackItem {
            id: fid,
            date: Some(today),
            updated_at: Some(Utc::now()),
            ..FeedbackItem::default()
        });
        focus_first_input(card_id(&new));
    };
    view! {
        <div class="feedback-list">
            <h3>{title}</h3>
            <ul class="entity-list">
                <For each=move || ids.get() key=|f| f.clone() let:fid>
                    <FeedbackCard account=account.clone() item=fid singular list list_mut />
                </For>
            </ul>
            <button type="button" class="secondary" on:click=add>{format!("Add to “{title}”")}</button>
        </div>
    }
}

#[component]
fn FeedbackCard(
    account: Id,
    item: Id,
    singular: &'static str,
    list: ListOf<FeedbackItem>,
    list_mut: ListOfMut<FeedbackItem>,
) -> impl IntoView {
    let state = use_app();
    let b = Bound::new(state, account.clone(), item.clone(), list, list_mut);
    // A deleted item also leaves the actions that answered it.
    let (del_account, del_item) = (account.clone(), item.clone());
    let delete = Callback::new(move |what: String| {
        let id = del_item.clone();
        state.delete_in_account(&del_account, what, move |a| delete_item(&mut a.plan, &id));
    });
    let linked_item = item.clone();
    let linked = state.account_value(&account, move |a| {
        actions_for(&a.plan, &linked_item)
            .map(|x| {
                format!(
                    "{} ({})",
                    display_name(&x.title, "untitled"),
                    x.status.label().to_lowercase()
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <EntityCard
            dom_id=card_id(&item)
            title=b.value(|f| display_name(&f.text, "New item"))
            kind=singular
            on_delete=delete
        >
            <TextField label="What" value=b.value(|f| f.text.clone()) on_commit=b.setter(|f, v| f.text = v) />
            <SelectField
                label="Said by"
                none="Not noted"
                options=contact_options(state, &account)
                value=b.value(|f| id_value(&f.source_contact))
                on_commit=b.setter(|f, v| f.source_contact = opt_id(v))
            />
            <DateField label="When" value=b.value(|f| f.date) on_commit=b.setter(|f, v| f.date = v) />
            <SelectField
                label="Status"
                options={choice_options::<FeedbackStatus>()}
                value=b.value(|f| f.status.key().to_string())
                on_commit=b.setter(|f, v: String| if let Some(s) = FeedbackStatus::from_key(&v) { f.status = s })
            />
            <TextArea label="Response" rows=2 value=b.value(|f| f.response.clone()) on_commit=b.setter(|f, v| f.response = v) />
            <div class="linked-actions">
                {move || {
                    let l = linked.get();
                    if l.is_empty() {
                        view! { <p class="hint">"No action answers it yet."</p> }.into_any()
                    } else {
                        view! {
                            <p>"Answered by actions:"</p>
                            <ul>{l.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                        }.into_any()
                    }
                }}
            </div>
        </EntityCard>
    }
}
