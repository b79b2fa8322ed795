//! The plan's year in the account view: which fiscal year the plan is for (changeable),
//! starting next year's plan, last year's plan shown read-only, and the new plan's
//! variance against it.

use leptos::prelude::*;

use crate::components::fields::SelectField;
use crate::domain::model::{ClosedPlan, FeedbackItem, Id};
use crate::domain::plan_year::{
    fiscal_year_of, last_year, plan_label, revenue_variance, start_next_year, year_label,
};
use crate::state::{use_app, use_locale, use_money};

/// The plan's year: a choice of fiscal years around today's, and "Start next year's plan"
/// behind a confirmation.
#[component]
pub fn PlanYear(id: Id) -> impl IntoView {
    let s = use_app();
    let today = s.today;
    let month = s.account_value(&id, |a| a.fiscal_year_start_month);
    let year = s.account_value(&id, |a| a.plan.year);
    let options = Signal::derive(move || {
        let m = month.get();
        let now = fiscal_year_of(today, m);
        let chosen = year.get();
        let mut years: Vec<i32> = (now - 2..=now + 1).collect();
        if !years.contains(&chosen) {
            years.push(chosen);
            years.sort_unstable();
        }
        years
            .into_iter()
            .map(|y| (y.to_string(), year_label(y, m)))
            .collect::<Vec<_>>()
    });
    let confirming = RwSignal::new(false);
    let label = s.account_value(&id, plan_label);
    let next_label = s.account_value(&id, |a| {
        year_label(a.plan.year + 1, a.fiscal_year_start_month)
    });
    let start_id = id.clone();
    let start = move |_| {
        s.update_account(&start_id, |a| *a = start_next_year(a, today));
        confirming.set(false);
    };
    view! {
        <div class="form-grid">
            <SelectField
                label="Plan year"
                options
                value=Signal::derive(move || year.get().to_string())
                on_commit=s.account_setter(&id, |a, v: String| {
                    if let Ok(y) = v.parse::<i32>() {
                        a.plan.year = y;
                    }
                })
            />
        </div>
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button type="button" class="secondary" on:click=move |_| confirming.set(true)>"Start next year's plan"</button>
            }
        >
            <div class="confirm" role="group" aria-label="Start next year's plan">
                <p>{move || format!(
                    "Start the plan for {}? Contacts, white space, opportunities, actions, cadence, team and contract carry over; goals and measures too, the measures' values cleared. {}'s revenue, goals, measures (with their final values) and feedback are kept as last year's plan, read-only.",
                    next_label.get(),
                    label.get()
                )}</p>
                <div class="button-row">
                    <button type="button" on:click=start.clone()>{move || format!("Start {}", next_label.get())}</button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}

/// This year's actuals against last year's over the same quarters, with last year's
/// totals; nothing without a plan kept for last year.
#[component]
pub fn RevenueVariance(id: Id) -> impl IntoView {
    let s = use_app();
    let money = use_money();
    let variance = s.account_value(&id, revenue_variance);
    move || {
        variance.get().map(|v| {
            let so_far = if v.quarters == 0 {
                "No actuals recorded this year yet.".to_string()
            } else {
                let change = v.change();
                let pct = if v.last_year > 0.0 {
                    format!(" ({:+.0}%)", 100.0 * change / v.last_year)
                } else {
                    String::new()
                };
                format!(
                    "Q1–Q{}: {} this year against {} last year, {}{}{pct}.",
                    v.quarters,
                    money(v.this_year),
                    money(v.last_year),
                    if change >= 0.0 { "+" } else { "−" },
                    money(change.abs()),
                )
            };
            let last = format!(
                "{}: actuals {} against a commitment of {}.",
                v.last_label,
                v.last_year_total.map_or("not recorded".into(), money),
                v.last_commitment.map_or("none".into(), money),
            );
            view! {
                <div class="variance" role="group" aria-label="Against last year">
                    <h4>"Against last year"</h4>
                    <p>{so_far}</p>
                    <p class="hint">{last}</p>
                </div>
            }
        })
    }
}

/// Last year's plan, read-only: revenue, goals, measures with their final values, feedback.
#[component]
pub fn LastYearPlan(id: Id) -> impl IntoView {
    let s = use_app();
    let last = s.account_value(&id, |a| last_year(a).cloned());
    move || last.get().map(|p| view! { <ClosedPlanView plan=p /> })
}

#[component]
fn ClosedPlanView(plan: ClosedPlan) -> impl IntoView {
    let money = use_money();
    let locale = use_locale();
    let label = year_label(plan.year, plan.fiscal_year_start_month);
    let heading = format!("Last year's plan ({label})");
    let r = &plan.revenue;
    let actual: Vec<f64> = r.quarterly_actuals.iter().flatten().copied().collect();
    let revenue = format!(
        "Commitment {}; actuals {} ({} of 4 quarters recorded).",
        r.commitment.map_or("none".into(), money),
        if actual.is_empty() {
            "not recorded".into()
        } else {
            money(actual.iter().sum())
        },
        actual.len()
    );
    let value = move |v: Option<f64>| v.map_or("—".into(), |v| locale.get().number(v));
    let measures = plan
        .measures
        .iter()
        .map(|m| {
            let unit = m.unit.clone();
            view! {
                <li>{format!("{}: final {} {unit} (target {})", m.name, value(m.current), value(m.target))}</li>
            }
        })
        .collect_view();
    let goals = plan
        .goals
        .iter()
        .map(|g| view! { <li>{g.title.clone()}</li> })
        .collect_view();
    let name = heading.clone();
    view! {
        <section class="last-year subsection" aria-label=name>
            <h3>{heading}</h3>
            <p class="hint">{format!("Read-only: kept as it ended when next year's plan was started{}.", plan.closed_on.map(|d| format!(" on {}", locale.get().date(d))).unwrap_or_default())}</p>
            <h4>"Revenue"</h4>
            <p>{revenue}</p>
            <h4>"Goals"</h4>
            {if plan.goals.is_empty() { view! { <p class="hint">"None."</p> }.into_any() } else { view! { <ul>{goals}</ul> }.into_any() }}
            <h4>"Success measures"</h4>
            {if plan.measures.is_empty() { view! { <p class="hint">"None."</p> }.into_any() } else { view! { <ul>{measures}</ul> }.into_any() }}
            <LastYearFeedback plan=plan.clone() />
        </section>
    }
}

/// Last year's start / stop / keep items, read-only.
#[component]
pub fn LastYearFeedback(plan: ClosedPlan) -> impl IntoView {
    let list = |title: &'static str, items: &[FeedbackItem]| {
        let items = items
            .iter()
            .map(|f| view! { <li>{f.text.clone()}</li> })
            .collect_view();
        view! { <div><h5>{title}</h5><ul>{items}</ul></div> }
    };
    let f = &plan.feedback;
    view! {
        <h4>"Feedback"</h4>
        <div class="feedback-columns">
            {list("Start doing", &f.start)}
            {list("Stop doing", &f.stop)}
            {list("Keep doing", &f.keep)}
        </div>
    }
}
