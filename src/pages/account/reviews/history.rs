//! The review history: every past review, newest first, with its score, the parts it
//! reviewed, its notes, and a coaching review's answers and follow-up actions.

use leptos::prelude::*;

use crate::components::fields::TextArea;
use crate::domain::model::{ActionStatus, Id, PlanPart, Review, ReviewKind};
use crate::domain::review::{history, kind_label};
use crate::nav::href_for;
use crate::state::use_app;

use super::super::section::display_name;

/// A review as the table shows it, with names resolved.
#[derive(Clone, PartialEq)]
struct Shown {
    review: Review,
    reviewer: String,
    /// Follow-ups: title and status, or `None` once the action is deleted.
    follow_ups: Vec<(String, Option<ActionStatus>)>,
}

#[component]
pub fn ReviewHistory(id: Id) -> impl IntoView {
    let state = use_app();
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                let Some(a) = ws.account(&id) else {
                    return Vec::new();
                };
                history(&a.plan.reviews)
                    .into_iter()
                    .map(|r| Shown {
                        reviewer: r
                            .reviewer
                            .as_ref()
                            .and_then(|m| ws.member(m))
                            .map(|m| display_name(&m.name, "Unnamed member"))
                            .unwrap_or_else(|| "—".into()),
                        follow_ups: r
                            .follow_ups
                            .iter()
                            .map(|f| match a.plan.actions.iter().find(|x| &x.id == f) {
                                Some(x) => {
                                    (display_name(&x.title, "Untitled action"), Some(x.status))
                                }
                                None => ("Deleted action".into(), None),
                            })
                            .collect(),
                        review: r.clone(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let actions_href = href_for(&[("account", id.as_str()), ("section", "actions")]);
    // The past review being edited: its editor sits below the table, which is drawn again
    // on every change, so that typing in it keeps the focus.
    let editing = RwSignal::new(None::<Id>);
    let editor_id = id.clone();
    view! {
        <section class="subsection" aria-labelledby="review-history-heading">
            <h3 id="review-history-heading">"Review history"</h3>
            {move || {
                let list = rows.get();
                if list.is_empty() {
                    return view! { <p class="empty-state">"No reviews yet. Start one above: it is kept here with a snapshot of the scores."</p> }.into_any();
                }
                let actions_href = actions_href.clone();
                view! {
                    <div class="table-scroll" role="region" aria-label="Past reviews" tabindex="0">
                        <table class="table review-history">
                            <caption class="visually-hidden">"Past reviews, newest first"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Date"</th>
                                    <th scope="col">"Review"</th>
                                    <th scope="col">"Reviewer"</th>
                                    <th scope="col">"Score"</th>
                                    <th scope="col">"Covered"</th>
                                    <th scope="col">"Notes"</th>
                                    <th scope="col"><span class="visually-hidden">"Manage"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.into_iter().map(|s| view! { <HistoryRow s account=id.clone() editing actions_href=actions_href.clone() /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {move || editing.get().map(|review| view! { <ReviewEditor account=editor_id.clone() review editing /> })}
        </section>
    }
}

#[component]
fn HistoryRow(
    s: Shown,
    account: Id,
    editing: RwSignal<Option<Id>>,
    actions_href: String,
) -> impl IntoView {
    let state = use_app();
    let r = s.review;
    let name = review_name(&r);
    let (edit_id, delete_id) = (r.id.clone(), r.id.clone());
    let delete = move |_| {
        let id = delete_id.clone();
        if editing.get_untracked().as_ref() == Some(&id) {
            editing.set(None);
        }
        state.delete_in_account(&account, name.clone(), move |a| {
            a.plan.reviews.retain(|r| r.id != id)
        });
    };
    let label = review_name(&r);
    let covered = if r.kind == ReviewKind::Coaching {
        format!(
            "{} answered, {} follow-up{}",
            r.answers.len(),
            s.follow_ups.len(),
            if s.follow_ups.len() == 1 { "" } else { "s" }
        )
    } else if r.parts.is_empty() {
        "—".to_string()
    } else if PlanPart::ALL.iter().all(|p| r.parts.contains(p)) {
        "The whole plan".to_string()
    } else {
        r.parts
            .iter()
            .map(|p| p.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let has_details = !r.answers.is_empty() || !s.follow_ups.is_empty();
    let answers = r.answers.clone();
    let follow_ups = s.follow_ups;
    view! {
        <tr>
            <th scope="row">{r.date.map(|d| d.to_string()).unwrap_or_else(|| "Undated".into())}</th>
            <td>{kind_label(r.kind)}</td>
            <td>{s.reviewer}</td>
            <td class="score">{snapshot_score(r.snapshot.as_ref())}</td>
            <td>{covered}</td>
            <td class="review-notes">
                {r.notes.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                {has_details.then(|| view! {
                    <details>
                        <summary>"Answers and follow-ups"</summary>
                        <dl class="answers">
                            {answers.into_iter().map(|a| view! { <dt>{a.question}</dt><dd>{a.answer}</dd> }).collect_view()}
                        </dl>
                        {(!follow_ups.is_empty()).then(|| view! {
                            <p>"Follow-up actions:"</p>
                            <ul>
                                {follow_ups.into_iter().map(|(title, status)| view! {
                                    <li>
                                        {title}
                                        {status.map(|s| format!(" ({})", s.label().to_lowercase()))}
                                    </li>
                                }).collect_view()}
                            </ul>
                            <a href=actions_href.clone()>"Open the actions"</a>
                        })}
                    </details>
                })}
            </td>
            <td class="row-actions">
                <button type="button" class="link" aria-label=format!("Edit {label}")
                    on:click=move |_| editing.set(Some(edit_id.clone()))>"Edit"</button>
                <button type="button" class="link danger-text" aria-label=format!("Delete {label}")
                    on:click=delete>"Delete"</button>
            </td>
        </tr>
    }
}

/// "monthly review of 2026-03-02", for buttons and the undo notice.
fn review_name(r: &Review) -> String {
    let kind = kind_label(r.kind).to_lowercase();
    match r.date {
        Some(d) => format!("{kind} of {d}"),
        None => format!("undated {kind}"),
    }
}

/// A past review's notes and answers, edited in place (each change saved, and undone as
/// one step per field with Ctrl+Z outside the field).
#[component]
fn ReviewEditor(account: Id, review: Id, editing: RwSignal<Option<Id>>) -> impl IntoView {
    let state = use_app();
    let read = {
        let (account, review) = (account.clone(), review.clone());
        move |f: fn(&Review) -> String| {
            let review = review.clone();
            state.account_value(&account, move |a| {
                a.plan
                    .reviews
                    .iter()
                    .find(|r| r.id == review)
                    .map(f)
                    .unwrap_or_default()
            })
        }
    };
    let write = {
        let (account, review) = (account.clone(), review.clone());
        move |f: fn(&mut Review, String)| {
            let review = review.clone();
            state.account_setter(&account, move |a, v: String| {
                if let Some(r) = a.plan.reviews.iter_mut().find(|r| r.id == review) {
                    f(r, v);
                }
            })
        }
    };
    let (name, questions) = state.workspace.with_untracked(|ws| {
        ws.account(&account)
            .and_then(|a| a.plan.reviews.iter().find(|r| r.id == review))
            .map(|r| {
                (
                    review_name(r),
                    r.answers
                        .iter()
                        .map(|a| a.question.clone())
                        .collect::<Vec<_>>(),
                )
            })
            .unwrap_or_default()
    });
    let answers = questions
        .into_iter()
        .enumerate()
        .map(|(i, question)| {
            let review = review.clone();
            let value = state.account_value(&account, {
                let review = review.clone();
                move |a| {
                    a.plan
                        .reviews
                        .iter()
                        .find(|r| r.id == review)
                        .and_then(|r| r.answers.get(i))
                        .map(|x| x.answer.clone())
                        .unwrap_or_default()
                }
            });
            let set = state.account_setter(&account, move |a, v: String| {
                if let Some(x) = a
                    .plan
                    .reviews
                    .iter_mut()
                    .find(|r| r.id == review)
                    .and_then(|r| r.answers.get_mut(i))
                {
                    x.answer = v;
                }
            });
            view! { <TextArea label=question value on_commit=set rows=2 /> }
        })
        .collect_view();
    view! {
        <section class="subsection review-edit" aria-labelledby="review-edit-heading">
            <h4 id="review-edit-heading">{format!("Editing the {name}")}</h4>
            <TextArea label="Notes of the review" value=read(|r| r.notes.clone()) on_commit=write(|r, v| r.notes = v) />
            {answers}
            <div class="button-row">
                <button type="button" on:click=move |_| editing.set(None)>"Done editing"</button>
            </div>
        </section>
    }
}

/// A snapshot's overall score, marked when the plan was too thin to judge: "62", "62
/// (incomplete)", "—".
fn snapshot_score(s: Option<&crate::domain::model::ScoreSnapshot>) -> String {
    match s.and_then(|s| Some((s.overall?, s.incomplete))) {
        Some((o, true)) => format!("{o} (incomplete)"),
        Some((o, false)) => o.to_string(),
        None => "—".into(),
    }
}
