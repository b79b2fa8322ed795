//! Plan completeness on the account page: each part of the plan, whether it is started,
//! what is filled in and what is missing. The parts are plain text, not links: the
//! section navigation beside it already has a link of each part's name.

use leptos::prelude::*;

use crate::domain::completeness::{plan_completeness, PartState};
use crate::domain::model::Id;
use crate::state::use_app;

#[component]
pub fn PlanCompleteness(id: Id) -> impl IntoView {
    let state = use_app();
    let parts = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.account(&id)
                .map(|a| plan_completeness(a, &ws.settings))
                .unwrap_or_default()
        })
    });
    let started = move || {
        parts.with(|p| {
            let n = p
                .iter()
                .filter(|x| x.state != PartState::NotStarted)
                .count();
            format!("{n} of {} parts of the plan started.", p.len())
        })
    };
    let list = |items: Vec<&'static str>| {
        if items.is_empty() {
            "—".to_string()
        } else {
            items.join(", ")
        }
    };
    view! {
        <section aria-labelledby="completeness-heading">
            <h3 id="completeness-heading">"Plan completeness"</h3>
            <p class="hint">{started}</p>
            <div class="table-scroll" role="region" aria-label="Plan completeness" tabindex="0">
                <table class="table completeness">
                    <caption class="visually-hidden">"What each part of the plan holds and lacks"</caption>
                    <thead><tr><th scope="col">"Part"</th><th scope="col">"State"</th><th scope="col">"Filled in"</th><th scope="col">"Missing"</th></tr></thead>
                    <tbody>
                        {move || parts.get().into_iter().map(|p| {
                            let class = match p.state {
                                PartState::NotStarted => "not-started",
                                PartState::Partial => "partial",
                                PartState::Complete => "complete",
                            };
                            view! {
                                <tr>
                                    <th scope="row">{p.part.label()}</th>
                                    <td class=class>{p.state.label()}</td>
                                    <td>{list(p.filled().collect())}</td>
                                    <td>{list(p.missing().collect())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
