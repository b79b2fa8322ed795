//! White space: the customer's business units × our offerings. Each cell says whether it
//! is sold, in progress, an open opportunity, held by a competitor (which) or not
//! applicable, with an estimated value; totals show where growth can come from.

use chrono::Utc;
use leptos::prelude::*;

use crate::components::charts::heatmap::WhiteSpaceHeatmap;
use crate::domain::model::{CellStatus, Choice, Id, PlanPart, Term, WhiteSpaceCell};
use crate::domain::white_space::heatmap;
use crate::state::use_app;

use super::section::SectionHead;

#[component]
pub fn WhiteSpaceSection(id: Id) -> impl IntoView {
    let state = use_app();
    let units = state.account_value(&id, |a| a.plan.white_space.units.clone());
    let offerings =
        Signal::derive(move || state.workspace.with(|ws| ws.settings.offerings.clone()));
    let map_id = id.clone();
    let map = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.account(&map_id)
                .map(|a| heatmap(&a.plan.white_space, &ws.settings.offerings))
                .unwrap_or_default()
        })
    });
    let new_unit = RwSignal::new(String::new());
    let add_id = id.clone();
    let add_unit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_unit.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        let uid = state.new_id("unit");
        state.update_account(&add_id, |a| {
            a.plan.white_space.units.push(Term { id: uid, name })
        });
        new_unit.set(String::new());
    };
    let money = crate::state::use_money();
    let grid_id = id.clone();
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::WhiteSpace />
            <p>{move || map.with(|m| format!("Open white space {} · held by competitors {}", money(m.all.open), money(m.all.competitor)))}</p>
            <Show when=move || map.with(|m| !m.units.is_empty())>
                <h3>"Heatmap"</h3>
                <WhiteSpaceHeatmap map=map />
                <h3>"Edit the grid"</h3>
            </Show>
            <form class="inline-form" on:submit=add_unit>
                <label for="new-unit">"Business unit"</label>
                <input id="new-unit" type="text" placeholder="Division, department or location" bind:value=new_unit autocomplete="off" />
                <button type="submit">"Add unit"</button>
            </form>
            <Show when=move || !units.with(Vec::is_empty) fallback=|| view! { <p class="empty-state">"Add the customer's business units to map where you sell and where you could."</p> }>
                <div class="table-scroll" role="region" aria-label="White space grid" tabindex="0">
                    <table class="table white-space">
                        <caption class="visually-hidden">"White space: business units by offering"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Business unit"</th>
                                {move || offerings.get().into_iter().map(|o| view! { <th scope="col">{o.name}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {
                                let grid_id = grid_id.clone();
                                move || {
                                    let offs = offerings.get();
                                    units.get().into_iter().map(|u| view! { <UnitRow account=grid_id.clone() unit=u offerings=offs.clone() /> }).collect_view()
                                }
                            }
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn UnitRow(account: Id, unit: Term, offerings: Vec<Term>) -> impl IntoView {
    let state = use_app();
    let del_account = account.clone();
    let del_unit = unit.clone();
    let delete = move |_| {
        let u = del_unit.clone();
        state.delete_in_account(
            &del_account,
            format!("business unit “{}”", u.name),
            move |a| {
                a.plan.white_space.units.retain(|x| x.id != u.id);
                a.plan.white_space.cells.retain(|c| c.unit != u.id);
            },
        );
    };
    let cells = offerings
        .into_iter()
        .map(|o| view! { <CellEditor account=account.clone() unit=unit.clone() offering=o /> })
        .collect_view();
    view! {
        <tr>
            <th scope="row">
                {unit.name.clone()}
                <button type="button" class="link" aria-label=format!("Delete business unit {}", unit.name) on:click=delete>"×"</button>
            </th>
            {cells}
        </tr>
    }
}

#[component]
fn CellEditor(account: Id, unit: Term, offering: Term) -> impl IntoView {
    let state = use_app();
    let (u, o) = (unit.id.clone(), offering.id.clone());
    let cell = state.account_value(&account, move |a| {
        a.plan
            .white_space
            .cells
            .iter()
            .find(|c| c.unit == u && c.offering == o)
            .cloned()
    });
    let (u, o) = (unit.id.clone(), offering.id.clone());
    let edit = state.account_setter(&account, move |a, f: CellEdit| {
        let cells = &mut a.plan.white_space.cells;
        let i = match cells.iter().position(|c| c.unit == u && c.offering == o) {
            Some(i) => i,
            None => {
                cells.push(WhiteSpaceCell {
                    unit: u.clone(),
                    offering: o.clone(),
                    ..WhiteSpaceCell::default()
                });
                cells.len() - 1
            }
        };
        let c = &mut cells[i];
        match f {
            CellEdit::Status(s) => c.status = s,
            CellEdit::Value(v) => c.value = v,
            CellEdit::Competitor(name) => c.competitor = (!name.trim().is_empty()).then_some(name),
        }
        c.updated_at = Some(Utc::now());
    });
    let where_ = format!("{} × {}", unit.name, offering.name);
    let value_error = RwSignal::new(None::<String>);
    let locale = crate::state::use_locale();
    let error_id = format!("wse-{}-{}", unit.id, offering.id);
    view! {
        <td class=move || format!("ws-cell ws-{}", cell.get().map(|c| c.status.key()).unwrap_or("unknown"))>
            <label class="visually-hidden" for=format!("ws-{}-{}", unit.id, offering.id)>{format!("Status of {where_}")}</label>
            <select id=format!("ws-{}-{}", unit.id, offering.id)
                prop:value=move || cell.get().map(|c| c.status.key()).unwrap_or("")
                on:change=move |ev| {
                    if let Some(s) = CellStatus::from_key(&event_target_value(&ev)) {
                        edit.run(CellEdit::Status(s));
                    }
                }>
                <option value="">"Unknown"</option>
                {CellStatus::ALL.map(|s| view! { <option value=s.key()>{s.label()}</option> })}
            </select>
            <label class="visually-hidden" for=format!("wsv-{}-{}", unit.id, offering.id)>{format!("Value of {where_}")}</label>
            <input id=format!("wsv-{}-{}", unit.id, offering.id) type="text" inputmode="decimal" placeholder="Value"
                aria-invalid=move || value_error.with(Option::is_some).to_string()
                aria-describedby=error_id.clone()
                prop:value=move || { let l = locale.get(); cell.get().and_then(|c| c.value).map(|v| l.number(v)).unwrap_or_default() }
                on:change=move |ev| match locale.get_untracked().parse(&event_target_value(&ev)) {
                    Ok(v) if v.is_none_or(|n| n >= 0.0) => { value_error.set(None); edit.run(CellEdit::Value(v)) }
                    Ok(_) => value_error.set(Some("Enter a positive amount.".into())),
                    Err(e) => value_error.set(Some(e)),
                } />
            {move || cell.get().filter(|c| c.status == CellStatus::Competitor).map(|c| {
                let id = format!("wsc-{}-{}", unit.id, offering.id);
                view! {
                    <label class="visually-hidden" for=id.clone()>{format!("Competitor in {} × {}", unit.name, offering.name)}</label>
                    <input id=id type="text" placeholder="Which competitor" prop:value=c.competitor.unwrap_or_default()
                        on:change=move |ev| edit.run(CellEdit::Competitor(event_target_value(&ev))) />
                }
            })}
            <span class="field-error" id=error_id aria-live="polite">{move || value_error.get()}</span>
        </td>
    }
}

#[derive(Clone)]
enum CellEdit {
    Status(CellStatus),
    Value(Option<f64>),
    Competitor(String),
}
