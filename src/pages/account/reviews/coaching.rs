//! The coaching review: the leader's questions, each with the facts from the plan that
//! bear on it and a link to the part it probes, the manager's answers, follow-up actions
//! agreed on the spot, and the reviewer chosen from the team.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::fields::{DateField, SelectField, TextArea, TextField};
use crate::domain::coaching::{evidence, QUESTIONS};
use crate::domain::model::Id;
use crate::nav::href_for;
use crate::state::use_app;

use super::super::section::{display_name, id_value, member_options, opt_id};
use super::use_draft;

#[component]
pub fn CoachingReview(id: Id) -> impl IntoView {
    let state = use_app();
    let slot = use_draft();
    let today = state.today;
    let error = RwSignal::new(None::<String>);
    // The facts are read once, when the review opens: they prompt, they do not track.
    let facts: Vec<Vec<String>> = state.workspace.with_untracked(|ws| {
        ws.account(&id)
            .map(|a| {
                (0..QUESTIONS.len())
                    .map(|i| evidence(i, a, &ws.settings, &ws.team, today))
                    .collect()
            })
            .unwrap_or_default()
    });
    let (reviewer, set_reviewer) =
        slot.text(|d| id_value(&d.reviewer), |d, v| d.reviewer = opt_id(v));
    let (notes, set_notes) = slot.text(|d| d.notes.clone(), |d, v| d.notes = v);
    let questions = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let answer = Signal::derive(move || {
                slot.draft
                    .with(|d| {
                        d.as_ref()
                            .and_then(|d| d.answers.get(i))
                            .map(|a| a.answer.clone())
                    })
                    .unwrap_or_default()
            });
            let set_answer = Callback::new(move |v: String| {
                slot.draft.update(|d| {
                    if let Some(d) = d {
                        d.set_answer(i, v)
                    }
                })
            });
            let link = q.part.map(|part| {
                let href = href_for(&[("account", id.as_str()), ("section", part.slug())]);
                view! { <a href=href>{format!("Open {}", part.label())}</a> }
            });
            let facts = facts.get(i).cloned().unwrap_or_default();
            view! {
                <li class="coaching-question">
                    <TextArea label=q.text value=answer on_commit=set_answer rows=2 />
                    {(!facts.is_empty()).then(|| view! {
                        <ul class="hint evidence">
                            {facts.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ul>
                    })}
                    {link}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="review-walk" aria-labelledby="coaching-heading">
            <div class="section-head">
                <h3 id="coaching-heading">"Coaching review"</h3>
                <button type="button" class="secondary" on:click=move |_| slot.draft.set(None)>
                    "Cancel review"
                </button>
            </div>
            <div class="form-grid">
                <SelectField label="Reviewer" none="Nobody chosen" options=member_options(state) value=reviewer on_commit=set_reviewer />
            </div>
            <ol class="coaching-questions">{questions}</ol>
            <FollowUps />
            <TextArea label="Coaching notes" value=notes on_commit=set_notes />
            <p class="field-error" role="alert">{move || error.get().filter(|_| super::still_refused(slot))}</p>
            <div class="button-row">
                <button type="button" on:click=move |_| super::save(state, slot, &id, error)>
                    "Save coaching review"
                </button>
            </div>
        </section>
    }
}

/// Follow-up actions agreed in the review: added to the plan's actions when it is saved.
#[component]
fn FollowUps() -> impl IntoView {
    let state = use_app();
    let slot = use_draft();
    let title = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(None::<NaiveDate>);
    let error = RwSignal::new(None::<String>);
    let listed = Memo::new(move |_| {
        slot.draft
            .with(|d| d.as_ref().map(|d| d.follow_ups.clone()).unwrap_or_default())
    });
    let add = move |_| {
        let mut result = Ok(());
        slot.draft.update(|d| {
            if let Some(d) = d {
                result = d.add_follow_up(
                    &title.get_untracked(),
                    opt_id(owner.get_untracked()),
                    due.get_untracked(),
                );
            }
        });
        match result {
            Ok(()) => {
                title.set(String::new());
                due.set(None);
                error.set(None);
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let member_name = move |id: &Option<Id>| {
        state.workspace.with_untracked(|ws| {
            id.as_ref()
                .and_then(|i| ws.member(i))
                .map(|m| display_name(&m.name, "Unnamed member"))
        })
    };
    view! {
        <section class="follow-ups" aria-labelledby="follow-ups-heading">
            <h4 id="follow-ups-heading">"Follow-up actions"</h4>
            {move || {
                let list = listed.get();
                if list.is_empty() {
                    return view! { <p class="hint">"None agreed yet."</p> }.into_any();
                }
                view! {
                    <ul>
                        {list.into_iter().enumerate().map(|(i, f)| {
                            let mut text = f.title.clone();
                            if let Some(name) = member_name(&f.owner) {
                                text.push_str(&format!(" · {name}"));
                            }
                            if let Some(d) = f.due {
                                text.push_str(&format!(" · due {d}"));
                            }
                            let label = format!("Remove follow-up {}", f.title);
                            view! {
                                <li>
                                    {text}
                                    " "
                                    <button type="button" class="link" aria-label=label on:click=move |_| slot.draft.update(|d| if let Some(d) = d { d.remove_follow_up(i) })>
                                        "Remove"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <div class="form-grid">
                <TextField label="New follow-up action" value=title on_commit=Callback::new(move |v| title.set(v)) />
                <SelectField label="Follow-up owner" none="Nobody yet" options=member_options(state) value=owner on_commit=Callback::new(move |v| owner.set(v)) />
                <DateField label="Follow-up due" value=due on_commit=Callback::new(move |v| due.set(v)) />
            </div>
            <p class="field-error" role="alert">{move || error.get().filter(|_| super::still_refused(slot))}</p>
            <button type="button" class="secondary" on:click=add>"Add follow-up"</button>
        </section>
    }
}
