//! Actions: the execution plan. Who does what by when, linked to what it moves forward;
//! overdue actions stand out (the tyranny of the urgent, made visible).

use leptos::prelude::*;

use crate::components::fields::{DateField, SelectField, TextField};
use crate::domain::action_impact::rank;
use crate::domain::model::{
    AccountPlan, Action, ActionLink, ActionStatus, Choice, Id, Impact, PlanPart,
};
use crate::domain::review::delete_action;
use crate::state::use_app;

use super::section::*;

fn list(p: &AccountPlan) -> &Vec<Action> {
    &p.actions
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<Action> {
    &mut p.actions
}

/// `opportunity:<id>`, `goal:<id>`, `measure:<id>` for the link select.
fn link_value(l: &Option<ActionLink>) -> String {
    match l {
        Some(ActionLink::Opportunity(id)) => format!("opportunity:{id}"),
        Some(ActionLink::Goal(id)) => format!("goal:{id}"),
        Some(ActionLink::Measure(id)) => format!("measure:{id}"),
        None => String::new(),
    }
}

fn link_from(v: &str) -> Option<ActionLink> {
    let (kind, id) = v.split_once(':')?;
    let id = Id::new(id);
    match kind {
        "opportunity" => Some(ActionLink::Opportunity(id)),
        "goal" => Some(ActionLink::Goal(id)),
        "measure" => Some(ActionLink::Measure(id)),
        _ => None,
    }
}

#[component]
pub fn ActionsSection(id: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let filter = RwSignal::new("open".to_string());
    let impact = RwSignal::new(String::new());
    let sort = RwSignal::new("added".to_string());
    let all = state.account_value(&id, move |a| {
        a.plan
            .actions
            .iter()
            .map(|x| Row {
                id: x.id.clone(),
                status: x.status,
                overdue: x.due.is_some_and(|d| d < today),
                due: x.due,
                impact: x.impact,
            })
            .collect::<Vec<_>>()
    });
    let shown = Memo::new(move |_| {
        let (f, i, by) = (filter.get(), impact.get(), sort.get());
        all.with(|l| {
            let mut rows: Vec<&Row> = l
                .iter()
                .filter(|r| {
                    let open = matches!(r.status, ActionStatus::Open | ActionStatus::InProgress);
                    let status = match f.as_str() {
                        "open" => open,
                        "overdue" => open && r.overdue,
                        _ => true,
                    };
                    let impact = match i.as_str() {
                        "" => true,
                        "none" => r.impact.is_none(),
                        key => r.impact.map(Impact::key) == Some(key),
                    };
                    status && impact
                })
                .collect();
            match by.as_str() {
                "impact" => rows.sort_by_key(|r| (rank(r.impact), r.due.is_none(), r.due)),
                "due" => rows.sort_by_key(|r| (r.due.is_none(), r.due, rank(r.impact))),
                _ => {}
            }
            rows.into_iter().map(|r| r.id.clone()).collect::<Vec<_>>()
        })
    });
    let overdue = move || {
        all.with(|l| {
            l.iter()
                .filter(|r| {
                    r.overdue && matches!(r.status, ActionStatus::Open | ActionStatus::InProgress)
                })
                .count()
        })
    };
    let add_id = id.clone();
    let cards_id = id.clone();
    let add = move |_| {
        filter.set("open".into());
        let new = add_to(state, &add_id, "act", list_mut, move |aid| Action {
            id: aid,
            created_on: Some(today),
            ..Action::default()
        });
        focus_first_input(card_id(&new));
    };
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Actions />
            <div class="toolbar">
                <label for="action-filter">"Show"</label>
                <select id="action-filter" on:change=move |ev| filter.set(event_target_value(&ev)) prop:value=move || filter.get()>
                    <option value="open">"Open"</option>
                    <option value="overdue">"Overdue"</option>
                    <option value="all">"All"</option>
                </select>
                <label for="action-impact">"With impact"</label>
                <select id="action-impact" on:change=move |ev| impact.set(event_target_value(&ev)) prop:value=move || impact.get()>
                    <option value="">"Any"</option>
                    {Impact::ALL.map(|x| view! { <option value=x.key()>{x.label()}</option> })}
                    <option value="none">"Not judged"</option>
                </select>
                <label for="action-sort">"Sort by"</label>
                <select id="action-sort" on:change=move |ev| sort.set(event_target_value(&ev)) prop:value=move || sort.get()>
                    <option value="added">"Order added"</option>
                    <option value="due">"Due date"</option>
                    <option value="impact">"Impact, highest first"</option>
                </select>
                {move || {
                    let n = overdue();
                    (n > 0).then(|| view! { <span class="overdue">{format!("{n} overdue")}</span> })
                }}
                <button type="button" on:click=add>"Add action"</button>
            </div>
            <ul class="entity-list">
                <For each=move || shown.get() key=|a| a.clone() let:aid>
                    <ActionCard account=cards_id.clone() action=aid />
                </For>
            </ul>
        </section>
    }
}

/// What the list filters and sorts the actions by.
#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    status: ActionStatus,
    overdue: bool,
    due: Option<chrono::NaiveDate>,
    impact: Option<Impact>,
}

#[component]
fn ActionCard(account: Id, action: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let b = Bound::new(state, account.clone(), action.clone(), list, list_mut);
    // A deleted action also leaves the reviews that agreed it as a follow-up.
    let (del_account, del_action) = (account.clone(), action.clone());
    let delete = Callback::new(move |what: String| {
        let id = del_action.clone();
        state.delete_in_account(&del_account, what, move |a| delete_action(&mut a.plan, &id));
    });
    let links = state.account_value(&account, |a| {
        let p = &a.plan;
        p.opportunities
            .iter()
            .map(|o| {
                (
                    format!("opportunity:{}", o.id),
                    format!("Opportunity: {}", display_name(&o.name, "untitled")),
                )
            })
            .chain(p.goals.iter().map(|g| {
                (
                    format!("goal:{}", g.id),
                    format!("Goal: {}", display_name(&g.title, "untitled")),
                )
            }))
            .chain(p.measures.iter().map(|m| {
                (
                    format!("measure:{}", m.id),
                    format!("Measure: {}", display_name(&m.name, "untitled")),
                )
            }))
            .collect()
    });
    let feedback = state.account_value(&account, |a| {
        let f = &a.plan.feedback;
        let lists = [
            ("Start doing", &f.start),
            ("Stop doing", &f.stop),
            ("Keep doing", &f.keep),
        ];
        lists
            .into_iter()
            .flat_map(|(tag, l)| {
                l.iter().map(move |x| {
                    (
                        x.id.to_string(),
                        format!("{tag}: {}", display_name(&x.text, "untitled")),
                    )
                })
            })
            .collect()
    });
    let overdue = b.value(move |x| {
        matches!(x.status, ActionStatus::Open | ActionStatus::InProgress)
            && x.due.is_some_and(|d| d < today)
    });
    view! {
        <EntityCard
            dom_id=card_id(&action)
            title=b.value(|x| display_name(&x.title, "New action"))
            kind="action"
            on_delete=delete
        >
            {move || overdue.get().then(|| view! { <p class="overdue">"Overdue"</p> })}
            <div class="form-grid">
                <TextField label="What" value=b.value(|x| x.title.clone()) on_commit=b.setter(|x, v| x.title = v) />
                <SelectField label="Who" none="Nobody yet" options=member_options(state)
                    value=b.value(|x| id_value(&x.owner)) on_commit=b.setter(|x, v| x.owner = opt_id(v)) />
                <DateField label="Due" value=b.value(|x| x.due) on_commit=b.setter(|x, v| x.due = v) />
                <SelectField
                    label="Status"
                    options={choice_options::<ActionStatus>()}
                    value=b.value(|x| x.status.key().to_string())
                    on_commit=b.setter(move |x, v: String| {
                        if let Some(s) = ActionStatus::from_key(&v) {
                            x.status = s;
                            x.completed_on = (s == ActionStatus::Done).then_some(x.completed_on.unwrap_or(today));
                        }
                    })
                />
                <SelectField label="Moves forward" none="Nothing linked" options=links
                    value=b.value(|x| link_value(&x.link)) on_commit=b.setter(|x, v: String| x.link = link_from(&v)) />
                <SelectField label="Impact" none="Not judged" options={choice_options::<Impact>()}
                    value=b.value(|x| choice_value(x.impact)) on_commit=b.setter(|x, v: String| x.impact = Impact::from_key(&v)) />
                <SelectField label="Answers feedback" none="No feedback item" options=feedback
                    value=b.value(|x| id_value(&x.feedback)) on_commit=b.setter(|x, v| x.feedback = opt_id(v)) />
            </div>
        </EntityCard>
    }
}
