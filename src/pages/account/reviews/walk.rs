//! A monthly review or quarterly update, part by part: where the part stands, its editor
//! right there to bring it up to date, a note, then "Reviewed, next" or "Skip this part";
//! at the end a summary with the score snapshot the review will keep.

use leptos::prelude::*;

use crate::components::fields::{SelectField, TextArea};
use crate::domain::model::Id;
use crate::domain::review::{kind_label, ReviewStep, StepStatus};
use crate::domain::scoring::score_account;
use crate::format::band_label;
use crate::state::use_app;

use super::super::section::{id_value, member_options, opt_id};
use super::use_draft;

/// "Stale: 14 days overdue, last reviewed 2026-03-30.", "Not started: nothing is filled
/// in yet."
fn standing(s: &ReviewStep) -> String {
    let last = s
        .last_reviewed
        .map(|d| format!("last reviewed {d}"))
        .unwrap_or_else(|| "never reviewed".into());
    if !s.started {
        "Not started: nothing is filled in yet.".to_string()
    } else if s.stale {
        if s.overdue_days > 0 {
            format!("Stale: {} days overdue, {last}.", s.overdue_days)
        } else {
            format!("Stale: due today, {last}.")
        }
    } else {
        format!("Up to date, {last}.")
    }
}

fn status_text(s: &ReviewStep) -> &'static str {
    match (s.status, s.stale) {
        (StepStatus::Reviewed, _) => "reviewed",
        (StepStatus::Skipped, _) => "skipped",
        (StepStatus::Pending, true) => "stale",
        (StepStatus::Pending, false) if !s.started => "not started",
        (StepStatus::Pending, false) => "to review",
    }
}

#[component]
pub fn ReviewWalk(id: Id) -> impl IntoView {
    let slot = use_draft();
    let kind = slot
        .draft
        .with_untracked(|d| d.as_ref().map(|d| d.kind))
        .unwrap_or_default();
    let current = Memo::new(move |_| slot.draft.with(|d| d.as_ref().map(|d| d.current)));
    let steps = Memo::new(move |_| {
        slot.draft.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.steps
                        .iter()
                        .map(|s| (s.part, status_text(s)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let on_summary = Memo::new(move |_| {
        slot.draft
            .with(|d| d.as_ref().is_some_and(|d| d.on_summary()))
    });
    let body_id = id.clone();
    view! {
        <section class="review-walk" aria-labelledby="review-walk-heading">
            <div class="section-head">
                <h3 id="review-walk-heading">{kind_label(kind)}</h3>
                <button type="button" class="secondary" on:click=move |_| slot.draft.set(None)>
                    "Cancel review"
                </button>
            </div>
            <ol class="review-steps" aria-label="Review steps">
                {move || {
                    let here = current.get().unwrap_or(0);
                    steps
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (part, status))| {
                            view! {
                                <li aria-current=(i == here).then_some("step") class=format!("step-{}", status.replace(' ', "-"))>
                                    <button type="button" class="link" on:click=move |_| slot.draft.update(|d| if let Some(d) = d { d.go_to(i) })>
                                        {part.label()}
                                    </button>
                                    <span class="hint">{format!(" {status}")}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
                <li aria-current=move || on_summary.get().then_some("step") class="step-summary">
                    <button type="button" class="link" on:click=move |_| slot.draft.update(|d| if let Some(d) = d { d.go_to(usize::MAX) })>
                        "Summary"
                    </button>
                </li>
            </ol>
            {move || {
                let i = current.get()?;
                let step = slot.draft.with_untracked(|d| d.as_ref().and_then(|d| d.steps.get(i).cloned()));
                Some(match step {
                    Some(step) => view! { <Step id=body_id.clone() index=i step /> }.into_any(),
                    None => view! { <Summary id=body_id.clone() /> }.into_any(),
                })
            }}
        </section>
    }
}

/// One part of the walk.
#[component]
fn Step(id: Id, index: usize, step: ReviewStep) -> impl IntoView {
    let slot = use_draft();
    let total = slot
        .draft
        .with_untracked(|d| d.as_ref().map(|d| d.steps.len()))
        .unwrap_or(0);
    let part = step.part;
    let note = Signal::derive(move || {
        slot.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.steps.get(index))
                .map(|s| s.note.clone())
                .unwrap_or_default()
        })
    });
    let set_note = Callback::new(move |v: String| {
        slot.draft.update(|d| {
            if let Some(d) = d {
                d.set_note(index, v)
            }
        })
    });
    let act = move |f: fn(&mut crate::domain::review::ReviewDraft)| {
        slot.draft.update(|d| {
            if let Some(d) = d {
                f(d)
            }
        });
    };
    view! {
        <section class="review-step" aria-labelledby="review-step-heading">
            <h3 id="review-step-heading">{format!("Part {} of {}: {}", index + 1, total, part.label())}</h3>
            <p class=if step.stale { "stale" } else { "" }>{standing(&step)}</p>
            <p class="hint">"Bring the part up to date in its editor below, note what changed, then mark it reviewed."</p>
            <TextArea label=format!("Notes on {}", part.label()) value=note on_commit=set_note rows=2 />
            <div class="button-row">
                <button type="button" class="secondary" disabled={index == 0} on:click=move |_| act(|d| d.back())>
                    "Previous part"
                </button>
                <button type="button" class="secondary" on:click=move |_| act(|d| d.skip())>
                    "Skip this part"
                </button>
                <button type="button" on:click=move |_| act(|d| d.confirm())>
                    "Reviewed, next"
                </button>
            </div>
            <div class="review-embedded">{super::super::section_view(id, super::super::View::Part(part))}</div>
        </section>
    }
}

/// The end of the walk: what was done, the reviewer, notes, the snapshot, Save.
#[component]
fn Summary(id: Id) -> impl IntoView {
    let state = use_app();
    let slot = use_draft();
    let error = RwSignal::new(None::<String>);
    let steps = Memo::new(move |_| {
        slot.draft.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.steps
                        .iter()
                        .map(|s| (s.part, s.status))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // The snapshot the review will keep: the scores once the reviewed parts are marked.
    let preview = {
        let id = id.clone();
        Memo::new(move |_| {
            let draft = slot.draft.get()?;
            state.workspace.with(|ws| {
                let mut a = ws.account(&id)?.clone();
                for p in draft.reviewed_parts() {
                    a.plan.reviewed.insert(p, draft.date);
                }
                let card = score_account(&a, &ws.settings, draft.date);
                Some((card.overall, card.band))
            })
        })
    };
    let (reviewer, set_reviewer) =
        slot.text(|d| id_value(&d.reviewer), |d, v| d.reviewer = opt_id(v));
    let (notes, set_notes) = slot.text(|d| d.notes.clone(), |d, v| d.notes = v);
    view! {
        <section class="review-step" aria-labelledby="review-summary-heading">
            <h3 id="review-summary-heading">"Summary"</h3>
            <ul>
                {move || steps.get().into_iter().map(|(part, status)| {
                    let text = match status {
                        StepStatus::Reviewed => "marked reviewed",
                        StepStatus::Skipped => "skipped",
                        StepStatus::Pending => "not looked at",
                    };
                    view! { <li>{format!("{}: {text}", part.label())}</li> }
                }).collect_view()}
            </ul>
            <p>
                {move || match preview.get() {
                    Some((Some(score), band)) => format!("Score saved with the review: {score} ({}).", band_label(band).to_lowercase()),
                    _ => "The plan has not enough data for a score yet.".to_string(),
                }}
            </p>
            <div class="form-grid">
                <SelectField label="Reviewer" none="Nobody chosen" options=member_options(state) value=reviewer on_commit=set_reviewer />
            </div>
            <TextArea label="Review notes" value=notes on_commit=set_notes />
            <p class="field-error" role="alert">{move || error.get().filter(|_| super::still_refused(slot))}</p>
            <div class="button-row">
                <button type="button" class="secondary" on:click=move |_| slot.draft.update(|d| if let Some(d) = d { d.back() })>
                    "Previous part"
                </button>
                <button type="button" on:click=move |_| super::save(state, slot, &id, error)>
                    "Save review"
                </button>
            </div>
        </section>
    }
}
