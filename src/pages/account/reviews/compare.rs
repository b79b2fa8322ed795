//! What changed between two reviews (or a review and the plan now): contacts, goals and
//! opportunities added, removed and renamed, and how each score moved.

use leptos::prelude::*;

use crate::components::fields::SelectField;
use crate::domain::model::{Id, ScoreSnapshot};
use crate::domain::review::{default_comparison, history, review_label};
use crate::domain::review_diff::{diff, EntityDiff, ReviewDiff};
use crate::domain::scoring::{score_account, snapshot};
use crate::state::use_app;

/// The choice that stands for the plan as it is today.
const NOW: &str = "now";

#[component]
pub fn CompareReviews(id: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    // The plan now and every review with a snapshot, newest first: (value, label,
    // snapshot); and the pair compared first: the latest review against the one before
    // it, or with a single review, it against now.
    let data =
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                let Some(a) = ws.account(&id) else {
                    return (Vec::new(), (String::new(), String::new()));
                };
                let now = snapshot(a, &score_account(a, &ws.settings, today));
                let mut out = vec![(NOW.to_string(), "Now (the plan today)".to_string(), now)];
                out.extend(history(&a.plan.reviews).into_iter().filter_map(|r| {
                    Some((r.id.to_string(), review_label(r), r.snapshot.clone()?))
                }));
                let pair = match default_comparison(&a.plan.reviews) {
                    Some((from, to)) => (from.to_string(), to.to_string()),
                    None => (
                        out.get(1).map(|x| x.0.clone()).unwrap_or_default(),
                        NOW.to_string(),
                    ),
                };
                (out, pair)
            })
        });
    let choices = Memo::new(move |_| data.with(|d| d.0.clone()));
    let defaults = Memo::new(move |_| data.with(|d| d.1.clone()));
    let from = RwSignal::new(None::<String>);
    let to = RwSignal::new(None::<String>);
    let from_value = Signal::derive(move || from.get().unwrap_or_else(|| defaults.get().0));
    let to_value = Signal::derive(move || to.get().unwrap_or_else(|| defaults.get().1));
    let options = Signal::derive(move || {
        choices.with(|c| {
            c.iter()
                .map(|(v, l, _)| (v.clone(), l.clone()))
                .collect::<Vec<_>>()
        })
    });
    let pick = move |value: &str| -> Option<ScoreSnapshot> {
        choices.with(|c| c.iter().find(|x| x.0 == value).map(|x| x.2.clone()))
    };
    let result = Memo::new(move |_| {
        let (a, b) = (pick(&from_value.get())?, pick(&to_value.get())?);
        Some((
            (a.overall, a.incomplete),
            (b.overall, b.incomplete),
            diff(&a, &b),
        ))
    });
    view! {
        <section class="subsection" aria-labelledby="compare-heading">
            <h3 id="compare-heading">"Compare reviews"</h3>
            <Show
                when=move || choices.with(|c| c.len() >= 2)
                fallback=|| view! { <p class="hint">"After the first review, compare it with the plan today or with later reviews."</p> }
            >
                <div class="form-grid">
                    <SelectField label="From" options value=from_value on_commit=Callback::new(move |v| from.set(Some(v))) />
                    <SelectField label="To" options value=to_value on_commit=Callback::new(move |v| to.set(Some(v))) />
                </div>
                {move || result.get().map(|(before, after, d)| view! { <DiffView before after d /> })}
            </Show>
        </section>
    }
}

/// "62", "62 (incomplete)", "—".
fn score_text((s, incomplete): (Option<u8>, bool)) -> String {
    match s {
        Some(s) if incomplete => format!("{s} (incomplete)"),
        Some(s) => s.to_string(),
        None => "—".into(),
    }
}

/// A score and whether the plan was too thin to judge then.
type Overall = (Option<u8>, bool);

#[component]
fn DiffView(before: Overall, after: Overall, d: ReviewDiff) -> impl IntoView {
    // Two judged scores compare; a score of an incomplete plan is only shown.
    let overall = match (before, after) {
        ((Some(b), false), (Some(a), false)) if a != b => format!(
            "Overall score: {b} → {a} ({:+}).",
            i16::from(a) - i16::from(b)
        ),
        ((Some(b), false), (Some(_), false)) => format!("Overall score: {b}, unchanged."),
        _ => format!(
            "Overall score: {} → {}.",
            score_text(before),
            score_text(after)
        ),
    };
    if d.is_empty() {
        return view! {
            <div class="review-diff" aria-live="polite">
                <p>{overall}</p>
                <p>"No changes between these two."</p>
            </div>
        }
        .into_any();
    }
    let components = (!d.components.is_empty()).then(|| {
        view! {
            <div class="table-scroll" role="region" aria-label="Score changes" tabindex="0">
            <table class="table">
                <caption>"Score changes"</caption>
                <thead>
                    <tr><th scope="col">"Component"</th><th scope="col">"From"</th><th scope="col">"To"</th><th scope="col">"Change"</th></tr>
                </thead>
                <tbody>
                    {d.components.iter().map(|c| view! {
                        <tr>
                            <th scope="row">{c.kind.label()}</th>
                            <td>{score_text((c.before, false))}</td>
                            <td>{score_text((c.after, false))}</td>
                            <td>{c.delta().map(|x| format!("{x:+}")).unwrap_or_else(|| if c.before.is_none() { "new".into() } else { "no data now".into() })}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        }
    });
    view! {
        <div class="review-diff" aria-live="polite">
            <p>{overall}</p>
            {components}
            <div class="diff-lists">
                <Entities title="Contacts" e=d.contacts />
                <Entities title="Goals" e=d.goals />
                <Entities title="Opportunities" e=d.opportunities />
            </div>
        </div>
    }
    .into_any()
}

/// One list's changes, or nothing when it did not change.
#[component]
fn Entities(title: &'static str, e: EntityDiff) -> impl IntoView {
    (!e.is_empty()).then(|| {
        let heading = format!("{title} changed");
        view! {
            <section aria-label=heading.clone()>
                <h4>{title}</h4>
                <ul>
                    {e.added.into_iter().map(|r| view! { <li>{format!("Added: {}", r.name)}</li> }).collect_view()}
                    {e.removed.into_iter().map(|r| view! { <li>{format!("Removed: {}", r.name)}</li> }).collect_view()}
                    {e.renamed.into_iter().map(|r| view! { <li>{format!("Renamed: {} → {}", r.before, r.after)}</li> }).collect_view()}
                </ul>
            </section>
        }
    })
}
