//! Reviews ("scheduled maintenance") of one account's plan: start a monthly review, a
//! quarterly update or a coaching review, walk through it, save it; the review history;
//! and what changed between any two reviews.

mod coaching;
mod compare;
mod history;
mod walk;

use leptos::prelude::*;

use crate::domain::model::{Id, PlanPart, ReviewKind};
use crate::domain::review::{kind_label, ReviewDraft};
use crate::domain::staleness::{rhythm_of, staleness, PartStatus};
use crate::state::{store_review_draft, stored_review_draft, use_app, AppState};

/// The URL slug of the section (`?account=<id>&section=reviews`).
pub const SLUG: &str = "reviews";

/// The review being held on the account shown, if any.
#[derive(Clone, Copy)]
pub struct DraftSlot {
    pub draft: RwSignal<Option<ReviewDraft>>,
    /// What the last save did, for the status line.
    pub saved: RwSignal<Option<String>>,
}

/// Provides the slot for the account page, so that a review being held survives a look
/// at another section of the plan.
impl DraftSlot {
    /// A text value of the draft for a field to show, and its setter (nothing while no
    /// review is held).
    pub fn text(
        self,
        read: fn(&ReviewDraft) -> String,
        write: fn(&mut ReviewDraft, String),
    ) -> (Signal<String>, Callback<String>) {
        let draft = self.draft;
        (
            Signal::derive(move || draft.with(|d| d.as_ref().map(read)).unwrap_or_default()),
            Callback::new(move |v: String| {
                draft.update(|d| {
                    if let Some(d) = d {
                        write(d, v)
                    }
                })
            }),
        )
    }
}

/// The review held on account `id`, read back from this browser (a reload or a closed
/// tab loses nothing) and kept there on every change until it is saved or cancelled
/// (`state::store_review_draft`).
pub fn provide_draft(id: &Id) {
    let (draft, problem) = match stored_review_draft(id) {
        Ok(draft) => (draft, None),
        Err(why) => (None, Some(why)),
    };
    let slot = DraftSlot {
        draft: RwSignal::new(draft),
        saved: RwSignal::new(problem),
    };
    provide_context(slot);
    let id = id.clone();
    Effect::new(move |first: Option<()>| {
        slot.draft.with(|d| {
            // The first run only starts tracking: what was read is in storage already (and
            // a draft that could not be read stays until another review starts).
            if first.is_some() {
                if let Err(why) = store_review_draft(&id, d.as_ref()) {
                    slot.saved.set(Some(format!(
                        "The review in progress could not be kept in this browser: {why}."
                    )));
                }
            }
        });
    });
}

fn use_draft() -> DraftSlot {
    expect_context::<DraftSlot>()
}

#[component]
pub fn ReviewsSection(id: Id) -> impl IntoView {
    let slot = use_draft();
    // Only the kind of review held picks the view: edits inside it re-render nothing.
    let mode = Memo::new(move |_| slot.draft.with(|d| d.as_ref().map(|d| d.kind)));
    let body_id = id.clone();
    view! {
        <section class="card reviews" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">"Reviews"</h2>
            <div role="status">{move || slot.saved.get().map(|t| view! { <p class="notice">{t}</p> })}</div>
            {move || match mode.get() {
                None => view! { <StartReview id=body_id.clone() /> }.into_any(),
                Some(ReviewKind::Coaching) => view! { <coaching::CoachingReview id=body_id.clone() /> }.into_any(),
                Some(_) => view! { <walk::ReviewWalk id=body_id.clone() /> }.into_any(),
            }}
            <history::ReviewHistory id=id.clone() />
            <compare::CompareReviews id />
        </section>
    }
}

/// "2 parts overdue for review: Opportunities, Cadence.", "Every part of the plan is
/// reviewed on time.", and the parts not started, which are neither.
fn standing_text(stale: &[PlanPart], not_started: &[PlanPart]) -> String {
    let parts = |list: &[PlanPart]| {
        let names: Vec<&str> = list.iter().map(|p| p.label()).collect();
        let count = if list.len() == 1 {
            "1 part".to_string()
        } else {
            format!("{} parts", list.len())
        };
        (count, names.join(", "))
    };
    let all = PlanPart::ALL.len();
    let judged = match (stale.is_empty(), not_started.len()) {
        (_, n) if n == all => {
            "Nothing of the plan is filled in yet: no part to review.".to_string()
        }
        (true, 0) => "Every part of the plan is reviewed on time.".to_string(),
        (true, _) => "Every started part of the plan is reviewed on time.".to_string(),
        (false, _) => {
            let (count, names) = parts(stale);
            format!("{count} overdue for review: {names}.")
        }
    };
    if not_started.is_empty() || not_started.len() == all {
        judged
    } else {
        let (count, names) = parts(not_started);
        format!("{judged} {count} not started: {names}.")
    }
}

/// What is overdue, and the three ways to start a review.
#[component]
fn StartReview(id: Id) -> impl IntoView {
    let state = use_app();
    let slot = use_draft();
    let today = state.today;
    // The stale parts, and the parts not started (never stale, never on time).
    let standing = {
        let id = id.clone();
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                let Some(a) = ws.account(&id) else {
                    return (Vec::new(), Vec::new());
                };
                let parts = staleness(a, rhythm_of(a, &ws.settings), today).parts;
                let of = |keep: fn(&PartStatus) -> bool| -> Vec<PlanPart> {
                    parts.iter().filter(|p| keep(p)).map(|p| p.part).collect()
                };
                (of(|p| p.stale), of(|p| !p.started))
            })
        })
    };
    let id = StoredValue::new(id);
    let start = move |kind: ReviewKind| {
        let draft = state.workspace.with_untracked(|ws| {
            let team: Vec<Id> = ws.team.iter().map(|m| m.id.clone()).collect();
            ws.account(&id.get_value())
                .map(|a| ReviewDraft::start(a, &ws.settings, &team, kind, today))
        });
        slot.saved.set(None);
        slot.draft.set(draft);
    };
    view! {
        <div class="review-start">
            <p>
                {move || standing.with(|(stale, not_started)| standing_text(stale, not_started))}
            </p>
            <div class="button-row">
                <button type="button" on:click=move |_| start(ReviewKind::Monthly)>
                    "Start " {kind_label(ReviewKind::Monthly).to_lowercase()}
                </button>
                <button type="button" class="secondary" on:click=move |_| start(ReviewKind::Quarterly)>
                    "Start " {kind_label(ReviewKind::Quarterly).to_lowercase()}
                </button>
                <button type="button" class="secondary" on:click=move |_| start(ReviewKind::Coaching)>
                    "Start " {kind_label(ReviewKind::Coaching).to_lowercase()}
                </button>
            </div>
            <p class="hint">
                "A monthly review walks through the parts overdue for review; a quarterly update through the whole plan; a coaching review through the leader's questions."
            </p>
        </div>
    }
}

/// True while the held review still cannot be saved: a refusal shown earlier goes away
/// once the reviewer has fixed what it said.
fn still_refused(slot: DraftSlot) -> bool {
    slot.draft
        .with(|d| d.as_ref().is_some_and(|d| d.problem().is_some()))
}

/// Saves the held review into the account, or says why it cannot be saved.
fn save(state: AppState, slot: DraftSlot, id: &Id, error: RwSignal<Option<String>>) {
    let Some(draft) = slot.draft.get_untracked() else {
        return;
    };
    if let Some(why) = draft.problem() {
        error.set(Some(why));
        return;
    }
    let settings = state.workspace.with_untracked(|ws| ws.settings.clone());
    let review_id = state.new_id("rev");
    let mut outcome = None;
    state.update_account(id, |a| {
        outcome = Some(crate::domain::review::save_review(
            a,
            &draft,
            &settings,
            review_id,
            || state.new_id("act"),
            chrono::Utc::now(),
        ));
    });
    match outcome {
        Some(Ok(_)) => {
            let parts = draft.reviewed_parts().len();
            let follow_ups = draft.follow_ups.len();
            let what = match draft.kind {
                ReviewKind::Coaching => format!(
                    "{} saved with {} follow-up action{}.",
                    kind_label(draft.kind),
                    follow_ups,
                    if follow_ups == 1 { "" } else { "s" }
                ),
                _ => format!(
                    "{} saved: {} part{} marked reviewed.",
                    kind_label(draft.kind),
                    parts,
                    if parts == 1 { "" } else { "s" }
                ),
            };
            error.set(None);
            slot.draft.set(None);
            slot.saved.set(Some(what));
        }
        Some(Err(why)) => error.set(Some(why)),
        None => error.set(Some("This account no longer exists.".into())),
    }
}
