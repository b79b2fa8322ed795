//! Customer goals & initiatives: what the customer is trying to achieve this year, each
//! with who told us (an unsourced goal is a guess, and the list says so), ranked by the
//! account manager (1 matters most).

use leptos::prelude::*;

use crate::components::fields::{SelectField, TextArea, TextField};
use crate::domain::model::{AccountPlan, Choice, Goal, GoalKind, Id, PlanPart};
use crate::state::use_app;

use super::section::*;

fn list(p: &AccountPlan) -> &Vec<Goal> {
    &p.goals
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<Goal> {
    &mut p.goals
}

#[component]
pub fn GoalsSection(id: Id) -> impl IntoView {
    let state = use_app();
    let ids = ids_of(state, &id, list);
    let unsourced = state.account_value(&id, |a| {
        a.plan
            .goals
            .iter()
            .filter(|g| g.source_contact.is_none())
            .count()
    });
    let ranking = state.account_value(&id, |a| {
        crate::domain::areas::ranked_goals(&a.plan)
            .into_iter()
            .filter_map(|g| {
                Some(format!(
                    "{}. {}",
                    g.rank?,
                    display_name(&g.title, "Untitled goal")
                ))
            })
            .collect::<Vec<_>>()
    });
    let count = state.account_value(&id, |a| a.plan.goals.len());
    let add_id = id.clone();
    let add = move |_| {
        let new = add_to(state, &add_id, "goal", list_mut, |gid| Goal {
            id: gid,
            ..Goal::default()
        });
        focus_first_input(card_id(&new));
    };
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Goals />
            <p class="hint">
                "What the customer is trying to achieve this year, their key initiatives and special projects, and changes in how they measure themselves. Note who told you each one."
            </p>
            {move || {
                let n = unsourced.get();
                (n > 0).then(|| view! {
                    <p class="warning-text">{format!("{n} without a source: ask the customer before you build on them.")}</p>
                })
            }}
            {move || {
                let r = ranking.get();
                (!r.is_empty()).then(|| view! { <p class="goal-ranking">"Ranked: "{r.join("; ")}</p> })
            }}
            <ul class="entity-list">
                <For each=move || ids.get() key=|g| g.clone() let:gid>
                    <GoalCard account=id.clone() goal=gid count />
                </For>
            </ul>
            <button type="button" on:click=add>"Add goal"</button>
        </section>
    }
}

#[component]
fn GoalCard(account: Id, goal: Id, count: Signal<usize>) -> impl IntoView {
    let state = use_app();
    let b = Bound::new(state, account.clone(), goal.clone(), list, list_mut);
    let del = b.clone();
    view! {
        <EntityCard
            dom_id=card_id(&goal)
            title=b.value(|g| display_name(&g.title, "New goal"))
            kind="goal"
            on_delete=Callback::new(move |what| del.delete(what))
        >
            <div class="form-grid">
                <TextField label="Goal" value=b.value(|g| g.title.clone()) on_commit=b.setter(|g, v| g.title = v) />
                <SelectField
                    label="Kind"
                    options={choice_options::<GoalKind>()}
                    value=b.value(|g| g.kind.key().to_string())
                    on_commit=b.setter(|g, v: String| {
                        if let Some(k) = GoalKind::from_key(&v) {
                            g.kind = k;
                        }
                    })
                />
                <SelectField
                    label="Rank"
                    none="Not ranked"
                    options=Signal::derive(move || (1..=count.get().max(1)).map(|n| (n.to_string(), n.to_string())).collect())
                    value=b.value(|g| g.rank.map(|r| r.to_string()).unwrap_or_default())
                    on_commit=b.setter(|g, v: String| g.rank = v.parse().ok().filter(|r| *r >= 1))
                />
                <SelectField
                    label="Told us"
                    none="Nobody yet (a guess)"
                    options=contact_options(state, &account)
                    value=b.value(|g| id_value(&g.source_contact))
                    on_commit=b.setter(|g, v| g.source_contact = opt_id(v))
                />
            </div>
            <TextArea label="Details" value=b.value(|g| g.description.clone()) on_commit=b.setter(|g, v| g.description = v) />
        </EntityCard>
    }
}
