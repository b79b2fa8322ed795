//! Opportunities: concrete growth plays, each aligned to a customer goal and tagged engage,
//! win or grow (the mix is shown, and a plan without a grow play is warned); the account
//! manager picks the top 2–3 aligned ones, which the leader's coaching question asks for.

use leptos::prelude::*;

use crate::components::fields::{DateField, NumberField, SelectField, TextField};
use crate::domain::model::{AccountPlan, Choice, Dimension, Id, Opportunity, PlanPart, Stage};
use crate::domain::plays::{can_pick, play_mix, top_opportunities, MAX_TOP};
use crate::state::use_app;

use super::section::*;

fn list(p: &AccountPlan) -> &Vec<Opportunity> {
    &p.opportunities
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<Opportunity> {
    &mut p.opportunities
}

#[component]
pub fn OpportunitiesSection(id: Id) -> impl IntoView {
    let state = use_app();
    let show_closed = RwSignal::new(false);
    let all = state.account_value(&id, |a| {
        a.plan
            .opportunities
            .iter()
            .map(|o| (o.id.clone(), o.stage.is_open()))
            .collect::<Vec<_>>()
    });
    let shown = Memo::new(move |_| {
        let closed = show_closed.get();
        all.with(|l| {
            l.iter()
                .filter(|(_, open)| closed || *open)
                .map(|(id, _)| id.clone())
                .collect::<Vec<_>>()
        })
    });
    let money = crate::state::use_money();
    let summary = state.account_value(&id, move |a| {
        let open: Vec<_> = a
            .plan
            .opportunities
            .iter()
            .filter(|o| o.stage.is_open())
            .collect();
        let aligned = open.iter().filter(|o| o.goal.is_some()).count();
        let value: f64 = open.iter().filter_map(|o| o.value).sum();
        format!(
            "{} open ({} aligned to a goal), worth {} in all.",
            open.len(),
            aligned,
            money(value)
        )
    });
    let mix = state.account_value(&id, |a| play_mix(&a.plan));
    let top = state.account_value(&id, |a| {
        top_opportunities(&a.plan)
            .into_iter()
            .map(|o| display_name(&o.name, "New opportunity"))
            .collect::<Vec<_>>()
    });
    let add_id = id.clone();
    let cards_id = id.clone();
    let add = move |_| {
        show_closed.set(show_closed.get_untracked());
        let new = add_to(state, &add_id, "opp", list_mut, |oid| Opportunity {
            id: oid,
            probability: 0.1,
            ..Opportunity::default()
        });
        focus_first_input(card_id(&new));
    };
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Opportunities />
            <div class="toolbar">
                <span>{move || summary.get()}</span>
                <div class="field-check">
                    <input id="show-closed" type="checkbox" bind:checked=show_closed />
                    <label for="show-closed">"Show won and lost"</label>
                </div>
                <button type="button" on:click=add>"Add opportunity"</button>
            </div>
            <p class="play-mix">{move || {
                let m = mix.get();
                format!(
                    "Mix of open plays: engage {} · win {} · grow {}.",
                    m.engage.count, m.win.count, m.grow.count
                )
            }}</p>
            {move || mix.get().no_grow().then(|| view! {
                <p class="warning-text" role="status">"No grow play: every open opportunity engages or wins. Plan at least one that grows the account after this sale."</p>
            })}
            <p class="top-picks">{move || {
                let t = top.get();
                if t.is_empty() {
                    format!("Top opportunities: none picked yet; pick up to {MAX_TOP} aligned ones.")
                } else {
                    format!("Top opportunities: {}.", t.join("; "))
                }
            }}</p>
            <ul class="entity-list">
                <For each=move || shown.get() key=|o| o.clone() let:oid>
                    <OpportunityCard account=cards_id.clone() opportunity=oid />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn OpportunityCard(account: Id, opportunity: Id) -> impl IntoView {
    let state = use_app();
    let b = Bound::new(state, account.clone(), opportunity.clone(), list, list_mut);
    let del = b.clone();
    let goals = state.account_value(&account, |a| {
        a.plan
            .goals
            .iter()
            .map(|g| (g.id.to_string(), display_name(&g.title, "Untitled goal")))
            .collect()
    });
    let unaligned = b.value(|o| o.goal.is_none());
    let me = opportunity.clone();
    let pickable = state.account_value(&account, move |a| {
        a.plan
            .opportunities
            .iter()
            .find(|o| o.id == me)
            .is_some_and(|o| can_pick(&a.plan, o))
    });
    let top_box = format!("top-{opportunity}");
    let set_top = b.setter(|o, v: bool| o.top = v);
    view! {
        <EntityCard
            dom_id=card_id(&opportunity)
            title=b.value(|o| display_name(&o.name, "New opportunity"))
            kind="opportunity"
            on_delete=Callback::new(move |what| del.delete(what))
        >
            {move || unaligned.get().then(|| view! { <p class="warning-text">"Not aligned to a customer goal yet."</p> })}
            <div class="form-grid">
                <TextField label="Opportunity" value=b.value(|o| o.name.clone()) on_commit=b.setter(|o, v| o.name = v) />
                <SelectField label="Aligned goal" none="No goal" options=goals
                    value=b.value(|o| id_value(&o.goal)) on_commit=b.setter(|o, v| o.goal = opt_id(v)) />
                <SelectField label="Dimension" options={choice_options::<Dimension>()}
                    value=b.value(|o| o.dimension.key().to_string())
                    on_commit=b.setter(|o, v: String| if let Some(d) = Dimension::from_key(&v) { o.dimension = d }) />
                <NumberField label="Value" min=0.0 money=true value=b.value(|o| o.value) on_commit=b.setter(|o, v| o.value = v) />
                <SelectField label="Stage" options={choice_options::<Stage>()}
                    value=b.value(|o| o.stage.key().to_string())
                    on_commit=b.setter(|o, v: String| if let Some(d) = Stage::from_key(&v) { o.stage = d }) />
                <NumberField label="Probability (%)" min=0.0 max=100.0
                    value=b.value(|o| Some((o.probability * 100.0).round()))
                    on_commit=b.setter(|o, v: Option<f64>| o.probability = v.unwrap_or(0.0) / 100.0) />
                <DateField label="Expected close" value=b.value(|o| o.close_date) on_commit=b.setter(|o, v| o.close_date = v) />
                <SelectField label="Our owner" none="Nobody" options=member_options(state)
                    value=b.value(|o| id_value(&o.owner)) on_commit=b.setter(|o, v| o.owner = opt_id(v)) />
            </div>
            <TextField label="Next step" value=b.value(|o| o.next_step.clone()) on_commit=b.setter(|o, v| o.next_step = v) />
            <div class="field field-check">
                <input id=top_box.clone() type="checkbox" prop:checked=b.value(|o| o.top)
                    prop:disabled=move || !pickable.get()
                    on:change=move |ev| set_top.run(event_target_checked(&ev)) />
                <label for=top_box>{format!("One of the top {MAX_TOP}")}</label>
            </div>
        </EntityCard>
    }
}
