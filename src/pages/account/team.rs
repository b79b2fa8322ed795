//! Internal team: our people on the account, their roles and responsibilities, and the
//! executive sponsor matched to a customer executive.

use leptos::prelude::*;

use crate::components::fields::{CheckboxField, SelectField, TextArea, TextField};
use crate::domain::model::{AccountPlan, Id, PlanPart, TeamRole};
use crate::state::use_app;

use super::section::*;

fn list(p: &AccountPlan) -> &Vec<TeamRole> {
    &p.team
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<TeamRole> {
    &mut p.team
}

#[component]
pub fn TeamSection(id: Id) -> impl IntoView {
    let state = use_app();
    let ids = ids_of(state, &id, list);
    let has_sponsor = state.account_value(&id, |a| a.plan.team.iter().any(|r| r.executive_sponsor));
    let add_id = id.clone();
    let cards_id = id.clone();
    let add = move |_| {
        let new = add_to(state, &add_id, "role", list_mut, |rid| TeamRole {
            id: rid,
            ..TeamRole::default()
        });
        focus_first_input(card_id(&new));
    };
    let new_member = RwSignal::new(String::new());
    let add_member = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // An empty name adds nothing.
        if state.add_member(&new_member.get_untracked()).is_err() {
            return;
        }
        new_member.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Team />
            {move || (!has_sponsor.get()).then(|| view! { <p class="warning-text">"No executive sponsor yet."</p> })}
            <ul class="entity-list">
                <For each=move || ids.get() key=|r| r.clone() let:rid>
                    <RoleCard account=cards_id.clone() role=rid />
                </For>
            </ul>
            <button type="button" on:click=add>"Add team role"</button>
            <form class="inline-form subsection" on:submit=add_member>
                <label for="new-member">"New team member"</label>
                <input id="new-member" type="text" bind:value=new_member autocomplete="off" />
                <button type="submit" class="secondary">"Add to team"</button>
            </form>
        </section>
    }
}

#[component]
fn RoleCard(account: Id, role: Id) -> impl IntoView {
    let state = use_app();
    let b = Bound::new(state, account.clone(), role.clone(), list, list_mut);
    let del = b.clone();
    let title = {
        let role = role.clone();
        Signal::derive(move || {
            state.workspace.with(|ws| {
                let r = ws
                    .account(&account)
                    .and_then(|a| a.plan.team.iter().find(|r| r.id == role));
                let who = r
                    .and_then(|r| r.member.as_ref())
                    .and_then(|m| ws.member(m))
                    .map(|m| m.name.clone());
                match (who, r.map(|r| r.role.clone()).filter(|x| !x.is_empty())) {
                    (Some(w), Some(r)) => format!("{w}, {r}"),
                    (Some(w), None) => w,
                    (None, Some(r)) => r,
                    (None, None) => "New team role".into(),
                }
            })
        })
    };
    view! {
        <EntityCard dom_id=card_id(&role) title kind="team role" on_delete=Callback::new(move |what| del.delete(what))>
            <div class="form-grid">
                <SelectField label="Team member" none="Nobody yet" options=member_options(state)
                    value=b.value(|r| id_value(&r.member)) on_commit=b.setter(|r, v| r.member = opt_id(v)) />
                <TextField label="Role" value=b.value(|r| r.role.clone()) on_commit=b.setter(|r, v| r.role = v) />
                <SelectField label="Matched to" none="Nobody" options=contact_options(state, &b.account)
                    value=b.value(|r| id_value(&r.counterpart)) on_commit=b.setter(|r, v| r.counterpart = opt_id(v)) />
            </div>
            <CheckboxField label="Executive sponsor" value=b.value(|r| r.executive_sponsor) on_commit=b.setter(|r, v| r.executive_sponsor = v) />
            <TextArea label="Responsibilities" rows=2 value=b.value(|r| r.responsibilities.clone()) on_commit=b.setter(|r, v| r.responsibilities = v) />
        </EntityCard>
    }
}
