//! The review history: every past review, newest first, with its score, the parts it
//! reviewed, its notes, and a coaching review's answers and follow-up actions.

use leptos::prelude::*;

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
                                </tr>
                            </thead>
                            <tbody>
                                {list.into_iter().map(|s| view! { <HistoryRow s actions_href=actions_href.clone() /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn HistoryRow(s: Shown, actions_href: String) -> impl IntoView {
    let r = s.review;
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
        </tr>
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
