//! Cadence: the agreed rhythm of meetings (business reviews, operational calls, executive
//! sponsor meetings), whether all parties accepted it, when each next takes place and
//! when it was held.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::fields::{CheckboxField, DateField, SelectField, TextField};
use crate::domain::model::{AccountPlan, Choice, Id, Meeting, PlanPart, Rhythm};
use crate::state::use_app;

use super::section::*;

fn list(p: &AccountPlan) -> &Vec<Meeting> {
    &p.cadence
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<Meeting> {
    &mut p.cadence
}

#[component]
pub fn CadenceSection(id: Id) -> impl IntoView {
    let state = use_app();
    let ids = ids_of(state, &id, list);
    let add_id = id.clone();
    let cards_id = id.clone();
    let add = move |_| {
        let new = add_to(state, &add_id, "mtg", list_mut, |mid| Meeting {
            id: mid,
            ..Meeting::default()
        });
        focus_first_input(card_id(&new));
    };
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Cadence />
            <p class="hint">"A cadence the customer has accepted guarantees access: agree it, then hold it."</p>
            <ul class="entity-list">
                <For each=move || ids.get() key=|m| m.clone() let:mid>
                    <MeetingCard account=cards_id.clone() meeting=mid />
                </For>
            </ul>
            <button type="button" on:click=add>"Add meeting"</button>
        </section>
    }
}

#[component]
fn MeetingCard(account: Id, meeting: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let b = Bound::new(state, account.clone(), meeting.clone(), list, list_mut);
    let del = b.clone();
    let types = Signal::derive(move || {
        state.workspace.with(|ws| {
            ws.settings
                .meeting_types
                .iter()
                .map(|t| (t.id.to_string(), t.name.clone()))
                .collect()
        })
    });
    let overdue = b.value(move |m| m.next_date.is_some_and(|d| d < today));
    view! {
        <EntityCard
            dom_id=card_id(&meeting)
            title=b.value(|m| display_name(&m.title, "New meeting"))
            kind="meeting"
            on_delete=Callback::new(move |what| del.delete(what))
        >
            {move || overdue.get().then(|| view! { <p class="overdue">"Overdue: the next date has passed."</p> })}
            <div class="form-grid">
                <TextField label="Meeting" value=b.value(|m| m.title.clone()) on_commit=b.setter(|m, v| m.title = v) />
                <SelectField label="Type" none="Not set" options=types
                    value=b.value(|m| id_value(&m.meeting_type)) on_commit=b.setter(|m, v| m.meeting_type = opt_id(v)) />
                <SelectField label="Recurs" options={choice_options::<Rhythm>()}
                    value=b.value(|m| m.recurrence.key().to_string())
                    on_commit=b.setter(|m, v: String| if let Some(r) = Rhythm::from_key(&v) { m.recurrence = r }) />
                <DateField label="Next date" value=b.value(|m| m.next_date) on_commit=b.setter(|m, v| m.next_date = v) />
            </div>
            <CheckboxField label="Accepted by all parties" value=b.value(|m| m.accepted_by_all) on_commit=b.setter(|m, v| m.accepted_by_all = v) />
            <MeetingAttendees b=b.clone() />
            <HeldDates b />
        </EntityCard>
    }
}

/// Who attends a meeting, the customer's and ours, a checkbox each, under a summary that
/// names the customer's.
#[component]
fn MeetingAttendees(b: Bound<Meeting>) -> impl IntoView {
    let state = use_app();
    let attendee_text = state.account_value(&b.account, {
        let meeting = b.entity.clone();
        move |a| {
            let Some(m) = a.plan.cadence.iter().find(|m| m.id == meeting) else {
                return String::new();
            };
            m.attendees
                .iter()
                .filter_map(|id| a.plan.contacts.iter().find(|c| &c.id == id))
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        }
    });
    let card = card_id(&b.entity);
    view! {
        <details>
            <summary>{move || format!("Attendees: {}", { let t = attendee_text.get(); if t.is_empty() { "none yet".to_string() } else { t } })}</summary>
            <CheckboxPicks legend="Customer attendees" box_prefix=format!("{card}-att")
                options=contact_options(state, &b.account)
                chosen=b.value(|m| m.attendees.clone())
                toggle=b.setter(|m, id: Id| toggle_id(&mut m.attendees, id)) />
            <CheckboxPicks legend="Our attendees" box_prefix=format!("{card}-int")
                options=member_options(state)
                chosen=b.value(|m| m.internal_attendees.clone())
                toggle=b.setter(|m, id: Id| toggle_id(&mut m.internal_attendees, id)) />
        </details>
    }
}

/// The dates a meeting was held, newest first, each removable, and "Held today" (which
/// moves a next date that has come to the one after).
#[component]
fn HeldDates(b: Bound<Meeting>) -> impl IntoView {
    let today = use_app().today;
    let held = b.value(|m| {
        let mut h = m.held.clone();
        h.sort_unstable_by(|a, b| b.cmp(a));
        h
    });
    let record = b.setter(move |m, day: NaiveDate| {
        if !m.held.contains(&day) {
            m.held.push(day);
        }
        if m.next_date.is_some_and(|d| d <= day) {
            m.next_date = Some(day + chrono::Duration::days(m.recurrence.days()));
        }
    });
    let unrecord = b.setter(|m, day: NaiveDate| m.held.retain(|d| *d != day));
    view! {
        <div class="held">
            <h4>"Held"</h4>
            <button type="button" class="secondary" on:click=move |_| record.run(today)>"Held today"</button>
            <ul class="chips">
                {move || held.get().into_iter().map(|d| view! {
                    <li>
                        {d.to_string()}
                        <button type="button" class="link" aria-label=format!("Remove held date {d}") on:click=move |_| unrecord.run(d)>"×"</button>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
