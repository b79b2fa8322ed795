//! Success measures: how the customer measures us and the ROI they expect, with target,
//! current value, direction, who evaluates it and how often; each value recorded on its
//! date and drawn as a small chart, and when the next check with the customer is due.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::charts::measure::MeasureChart;
use crate::components::fields::{unique_id, DateField, NumberField, SelectField, TextField};
use crate::domain::measure_check::{due_on, is_due};
use crate::domain::measure_values::{points, record_value, remove_value};
use crate::domain::model::{AccountPlan, Choice, Direction, Id, PlanPart, Rhythm, SuccessMeasure};
use crate::format::parse_number;
use crate::state::use_app;

use super::section::*;

fn list(p: &AccountPlan) -> &Vec<SuccessMeasure> {
    &p.measures
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<SuccessMeasure> {
    &mut p.measures
}

#[component]
pub fn MeasuresSection(id: Id) -> impl IntoView {
    let state = use_app();
    let ids = ids_of(state, &id, list);
    let add_id = id.clone();
    let add = move |_| {
        let new = add_to(state, &add_id, "msr", list_mut, |mid| SuccessMeasure {
            id: mid,
            ..SuccessMeasure::default()
        });
        focus_first_input(card_id(&new));
    };
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::SuccessMeasures />
            <p class="hint">"How the customer will measure you, and the return they expect. Check them at least twice a year, ideally every quarter."</p>
            <ul class="entity-list">
                <For each=move || ids.get() key=|m| m.clone() let:mid>
                    <MeasureCard account=id.clone() measure=mid />
                </For>
            </ul>
            <button type="button" on:click=add>"Add success measure"</button>
        </section>
    }
}

/// The measure's final value last year and the change since, when last year's plan had it.
#[component]
fn LastYearFinal(account: Id, measure: Id) -> impl IntoView {
    let state = use_app();
    let locale = crate::state::use_locale();
    let id = measure.clone();
    let compared = state.account_value(&account, move |a| {
        let (last, target) = crate::domain::plan_year::measure_last_year(a, &id)?;
        let now = a
            .plan
            .measures
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.current);
        Some((last, target, now))
    });
    move || {
        compared.get().map(|(last, target, now)| {
            let l = locale.get();
            let num = |v: Option<f64>| v.map_or("not recorded".to_string(), |v| l.number(v));
            let change = match (now, last) {
                (Some(n), Some(f)) => format!(", {}{} since", if n >= f { "+" } else { "−" }, l.number((n - f).abs())),
                _ => String::new(),
            };
            view! {
                <p class="variance hint">{format!("Last year: final {} (target {}){change}.", num(last), num(target))}</p>
            }
        })
    }
}

#[component]
fn MeasureCard(account: Id, measure: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let b = Bound::new(state, account.clone(), measure.clone(), list, list_mut);
    let del = b.clone();
    let goals = state.account_value(&account, |a| {
        a.plan
            .goals
            .iter()
            .map(|g| (g.id.to_string(), display_name(&g.title, "Untitled goal")))
            .collect()
    });
    view! {
        <EntityCard
            dom_id=card_id(&measure)
            title=b.value(|m| display_name(&m.name, "New success measure"))
            kind="success measure"
            on_delete=Callback::new(move |what| del.delete(what))
        >
            <div class="form-grid">
                <TextField label="Measure" value=b.value(|m| m.name.clone()) on_commit=b.setter(|m, v| m.name = v) />
                <NumberField label="Target" value=b.value(|m| m.target) on_commit=b.setter(|m, v| m.target = v) />
                <NumberField label="Current value" value=b.value(|m| m.current) on_commit=b.setter(move |m, v: Option<f64>| match v {
                    Some(v) => record_value(m, today, v),
                    None => remove_value(m, today),
                }) />
                <LastYearFinal account=account.clone() measure=measure.clone() />
                <TextField label="Unit" placeholder="%, days, hours…" value=b.value(|m| m.unit.clone()) on_commit=b.setter(|m, v| m.unit = v) />
                <SelectField
                    label="Better when"
                    options=Signal::derive(|| vec![("higher".to_string(), "Higher".to_string()), ("lower".to_string(), "Lower".to_string())])
                    value=b.value(|m| if m.direction == Direction::LowerIsBetter { "lower".to_string() } else { "higher".to_string() })
                    on_commit=b.setter(|m, v: String| {
                        m.direction = if v == "lower" { Direction::LowerIsBetter } else { Direction::HigherIsBetter };
                    })
                />
                <TextField label="How it is evaluated" value=b.value(|m| m.method.clone()) on_commit=b.setter(|m, v| m.method = v) />
                <SelectField
                    label="Evaluated by"
                    none="Nobody named"
                    options=contact_options(state, &account)
                    value=b.value(|m| id_value(&m.evaluator))
                    on_commit=b.setter(|m, v| m.evaluator = opt_id(v))
                />
                <SelectField
                    label="Checked"
                    options={choice_options::<Rhythm>()}
                    value=b.value(|m| m.rhythm.key().to_string())
                    on_commit=b.setter(|m, v: String| {
                        if let Some(r) = Rhythm::from_key(&v) {
                            m.rhythm = r;
                        }
                    })
                />
                <DateField label="Last checked" value=b.value(|m| m.last_checked) on_commit=b.setter(|m, v| m.last_checked = v) />
                <SelectField
                    label="Serves goal"
                    none="No goal"
                    options=goals
                    value=b.value(|m| id_value(&m.goal))
                    on_commit=b.setter(|m, v| m.goal = opt_id(v))
                />
            </div>
            <CheckDue b=b.clone() />
            <RecordValue b=b.clone() />
            <MeasureChart
                name=b.value(|m| display_name(&m.name, "this measure"))
                unit=b.value(|m| m.unit.clone())
                target=b.value(|m| m.target)
                points=b.value(points)
                on_remove=b.setter(|m, d: NaiveDate| remove_value(m, d))
            />
        </EntityCard>
    }
}

/// "Check due since 2026-09-01", "Never checked: check due now", "Next check due …", by the
/// one rule of `domain::measure_check`.
#[component]
fn CheckDue(b: Bound<SuccessMeasure>) -> impl IntoView {
    let today = use_app().today;
    let line = b.value(move |m| {
        let due = is_due(m, today);
        let text = match (due_on(m), due) {
            (None, _) => "Never checked: check due now".to_string(),
            (Some(d), true) => format!("Check due since {d}"),
            (Some(d), false) => format!("Next check due {d}"),
        };
        (due, text)
    });
    view! {
        <p class="measure-check" class:overdue=move || line.get().0>{move || line.get().1}</p>
    }
}

/// Records a value on a day (today unless another is picked): it joins the history, and
/// the latest value becomes the current one.
#[component]
fn RecordValue(b: Bound<SuccessMeasure>) -> impl IntoView {
    let today = use_app().today;
    let value = RwSignal::new(String::new());
    let date = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let error = RwSignal::new(None::<String>);
    let record = b.setter(|m, (d, v): (NaiveDate, f64)| record_value(m, d, v));
    let (value_id, date_id) = (unique_id("mv"), unique_id("md"));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = match parse_number(&value.get_untracked()) {
            Ok(Some(v)) => v,
            Ok(None) => return error.set(Some("Enter the value measured.".into())),
            Err(e) => return error.set(Some(e)),
        };
        let Ok(d) = NaiveDate::parse_from_str(date.get_untracked().trim(), "%Y-%m-%d") else {
            return error.set(Some("Enter the date as YYYY-MM-DD.".into()));
        };
        error.set(None);
        record.run((d, v));
        value.set(String::new());
    };
    view! {
        <form class="record-value" on:submit=submit>
            <div class="field">
                <label for=value_id.clone()>"Value measured"</label>
                <input id=value_id type="text" inputmode="decimal" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=date_id.clone()>"Measured on"</label>
                <input id=date_id type="date" prop:value=move || date.get()
                    on:change=move |ev| date.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="secondary">"Record value"</button>
            <span class="field-error" aria-live="polite">{move || error.get()}</span>
        </form>
    }
}
