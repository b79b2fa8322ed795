//! Cadence: the agreed rhythm of meetings (business reviews, operational calls, executive
//! sponsor meetings), whether all parties accepted it, when each next takes place and
//! when it was held.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::fields::{unique_id, CheckboxField, DateField, SelectField, TextField};
use crate::domain::meeting::{
    accept_all, acceptance, answered, drop_attendee, response, set_response,
};
use crate::domain::model::{AccountPlan, AttendeeResponse, Choice, Id, Meeting, PlanPart, Rhythm};
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
            <Acceptance b=b.clone() />
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
                toggle=b.setter(|m, id: Id| toggle_attendee(m, id, false)) />
            <CheckboxPicks legend="Our attendees" box_prefix=format!("{card}-int")
                options=member_options(state)
                chosen=b.value(|m| m.internal_attendees.clone())
                toggle=b.setter(|m, id: Id| toggle_attendee(m, id, true)) />
            <Answers b=b.clone() />
        </details>
    }
}

/// Adds an attendee, or takes one out with their answer.
fn toggle_attendee(m: &mut Meeting, id: Id, ours: bool) {
    if m.attendees.contains(&id) || m.internal_attendees.contains(&id) {
        drop_attendee(m, &id);
    } else if ours {
        m.internal_attendees.push(id);
    } else {
        m.attendees.push(id);
    }
}

/// Accepted by all parties: a checkbox while no attendee's answer is recorded; once one
/// is, what the answers say ("Accepted by 2 of 4 attendees").
#[component]
fn Acceptance(b: Bound<Meeting>) -> impl IntoView {
    let by_answers = b.value(answered);
    let summary = b.value(|m| {
        let n = m.attendees.len() + m.internal_attendees.len();
        let accepted = m
            .responses
            .values()
            .filter(|r| **r == AttendeeResponse::Accepted)
            .count();
        if acceptance(m) >= 1.0 {
            "Accepted by all parties (every attendee accepted)".to_string()
        } else {
            format!("Accepted by {accepted} of {n} attendees")
        }
    });
    let check = b.clone();
    move || {
        if by_answers.get() {
            view! { <p class="acceptance">{move || summary.get()}</p> }.into_any()
        } else {
            view! {
                <CheckboxField label="Accepted by all parties" value=check.value(|m| m.accepted_by_all)
                    on_commit=check.setter(|m, v: bool| if v { accept_all(m) } else { m.accepted_by_all = false }) />
            }
            .into_any()
        }
    }
}

/// Each attendee's answer to the meeting: accepted, tentative, declined or no answer.
#[component]
fn Answers(b: Bound<Meeting>) -> impl IntoView {
    let state = use_app();
    let people = state.account_value(&b.account, {
        let meeting = b.entity.clone();
        move |a| {
            let Some(m) = a.plan.cadence.iter().find(|m| m.id == meeting) else {
                return Vec::new();
            };
            let contact = |id: &Id| {
                a.plan
                    .contacts
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| display_name(&c.name, "Unnamed contact"))
            };
            m.attendees
                .iter()
                .map(|id| (id.clone(), contact(id).unwrap_or_else(|| id.to_string())))
                .collect::<Vec<_>>()
        }
    });
    let members = Signal::derive(move || {
        state.workspace.with(|ws| {
            ws.team
                .iter()
                .map(|t| (t.id.clone(), display_name(&t.name, "Unnamed member")))
                .collect::<Vec<_>>()
        })
    });
    let ours = b.value(|m| m.internal_attendees.clone());
    // A memo: an answer changes the workspace, and the selects must stay put (and keep focus).
    let all = Memo::new(move |_| {
        let mut out = people.get();
        let team = members.get();
        for id in ours.get() {
            let name = team
                .iter()
                .find(|(t, _)| *t == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| id.to_string());
            out.push((id, name));
        }
        out
    });
    let b2 = b.clone();
    view! {
        <fieldset class="answers">
            <legend>"Answers"</legend>
            {move || {
                let list = all.get();
                if list.is_empty() {
                    return view! { <p class="hint">"Choose the attendees first."</p> }.into_any();
                }
                list.into_iter().map(|(id, name)| {
                    let sel = unique_id("ans");
                    let read = id.clone();
                    let value = b2.value(move |m| response(m, &read).key().to_string());
                    let set = b2.setter(move |m, v: String| {
                        if let Some(r) = AttendeeResponse::from_key(&v) {
                            set_response(m, id.clone(), r);
                        }
                    });
                    view! {
                        <div class="field">
                            <label for=sel.clone()>{format!("Answer of {name}")}</label>
                            <select id=sel on:change=move |ev| set.run(event_target_value(&ev)) prop:value=move || value.get()>
                                {AttendeeResponse::ALL.iter().map(|r| {
                                    let key = r.key();
                                    view! { <option value=key selected=move || value.get() == key>{r.label()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view().into_any()
            }}
        </fieldset>
    }
}

/// The dates a meeting was held, newest first, each removable, and "Mark held" on a day
/// picked (today unless changed): it moves a next date that has come to the one after,
/// and logs the meeting as an interaction with its attendees.
#[component]
fn HeldDates(b: Bound<Meeting>) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let held = b.value(|m| {
        let mut h = m.held.clone();
        h.sort_unstable_by(|a, b| b.cmp(a));
        h
    });
    let picked = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let error = RwSignal::new(None::<String>);
    let (account, meeting) = (b.account.clone(), b.entity.clone());
    let mark = move |_| {
        let Ok(day) = NaiveDate::parse_from_str(picked.get_untracked().trim(), "%Y-%m-%d") else {
            return error.set(Some("Pick the day it was held.".into()));
        };
        error.set(None);
        state.mark_meeting_held(&account, &meeting, day);
    };
    let unrecord = b.setter(|m, day: NaiveDate| m.held.retain(|d| *d != day));
    let input = unique_id("held-on");
    view! {
        <div class="held">
            <h4>"Held"</h4>
            <div class="field">
                <label for=input.clone()>"Held on"</label>
                <input id=input type="date" prop:value=move || picked.get()
                    on:change=move |ev| picked.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="secondary" on:click=mark>"Mark held"</button>
            <span class="field-error" aria-live="polite">{move || error.get()}</span>
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
