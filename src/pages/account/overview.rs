//! Overview & revenue: who the customer is, who helped develop the plan, and this year's
//! money: last year's spend, the revenue commitment, the growth target and actuals per
//! fiscal quarter.

use leptos::prelude::*;

use crate::components::fields::{
    CheckboxField, DateField, NumberField, SelectField, TextArea, TextField,
};
use crate::domain::model::{Choice, Id, PlanPart, Segment};
use crate::state::use_app;

use super::section::{
    choice_options, contact_options, member_options, toggle_id, CheckboxPicks, SectionHead,
};

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[component]
pub fn OverviewSection(id: Id) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Revenue />
            <AccountFields id=id.clone() />
            <Contributors id=id.clone() />
            <RevenueFields id=id.clone() />
            <super::plan_year::RevenueVariance id=id.clone() />
            <super::plan_year::LastYearPlan id />
        </section>
    }
}

/// Who the customer is: name, industry, segment, owner, fiscal year and notes.
#[component]
fn AccountFields(id: Id) -> impl IntoView {
    let s = use_app();
    let today = s.today;
    let team = Signal::derive(move || {
        s.workspace.with(|ws| {
            ws.team
                .iter()
                .map(|m| (m.id.to_string(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3>"Account"</h3>
        <div class="form-grid">
            <TextField
                label="Account name"
                required=true
                value=s.account_value(&id, |a| a.name.clone())
                on_commit=s.account_setter(&id, |a, v: String| a.name = v.trim().to_string())
            />
            <TextField
                label="Industry"
                value=s.account_value(&id, |a| a.industry.clone())
                on_commit=s.account_setter(&id, |a, v| a.industry = v)
            />
            <SelectField
                label="Segment"
                options={choice_options::<Segment>()}
                value=s.account_value(&id, |a| a.segment.key().to_string())
                on_commit=s.account_setter(&id, |a, v: String| {
                    if let Some(seg) = Segment::from_key(&v) {
                        a.segment = seg;
                    }
                })
            />
            <SelectField
                label="Owner"
                none="No owner"
                options=team
                value=s.account_value(&id, |a| a.owner.as_ref().map(|o| o.to_string()).unwrap_or_default())
                on_commit=s.account_setter(&id, |a, v: String| a.owner = (!v.is_empty()).then(|| Id::new(v)))
            />
            <SelectField
                label="Fiscal year starts in"
                options=Signal::derive(|| {
                    MONTHS.iter().enumerate().map(|(i, m)| ((i + 1).to_string(), m.to_string())).collect()
                })
                value=s.account_value(&id, |a| a.fiscal_year_start_month.clamp(1, 12).to_string())
                on_commit=s.account_setter(&id, move |a, v: String| {
                    if let Ok(m) = v.parse::<u8>() {
                        crate::domain::plan_year::change_fiscal_start(a, m, today);
                    }
                })
            />
        </div>
        <super::plan_year::PlanYear id=id.clone() />
        <TextArea
            label="Notes"
            value=s.account_value(&id, |a| a.notes.clone())
            on_commit=s.account_setter(&id, |a, v| a.notes = v)
        />
    }
}

/// Who helped develop the plan, a checkbox per contact and team member: the coaching
/// review's "Who at the account have you met to help develop the plan?" shows them.
#[component]
fn Contributors(id: Id) -> impl IntoView {
    let s = use_app();
    view! {
        <h3>"Who helped develop the plan"</h3>
        <div class="contributors">
            <CheckboxPicks
                legend="Contacts who helped develop the plan"
                box_prefix=format!("contrib-con-{id}")
                options=contact_options(s, &id)
                chosen=s.account_value(&id, |a| a.plan.contributors.contacts.clone())
                toggle=s.account_setter(&id, |a, c: Id| toggle_id(&mut a.plan.contributors.contacts, c))
            />
            <CheckboxPicks
                legend="Team members who helped develop the plan"
                box_prefix=format!("contrib-mem-{id}")
                options=member_options(s)
                chosen=s.account_value(&id, |a| a.plan.contributors.members.clone())
                toggle=s.account_setter(&id, |a, m: Id| toggle_id(&mut a.plan.contributors.members, m))
            />
        </div>
    }
}

/// This year's money: last year's spend, the commitment, the growth target and the
/// actuals per fiscal quarter.
#[component]
fn RevenueFields(id: Id) -> impl IntoView {
    let s = use_app();
    let plan_label = s.account_value(&id, crate::domain::plan_year::plan_label);
    let quarters = (0..4usize)
        .map(|q| {
            view! {
                <NumberField
                    label=format!("Q{} actual", q + 1)
                    value=s.account_value(&id, move |a| a.plan.revenue.quarterly_actuals[q])
                    on_commit=s.account_setter(&id, move |a, v| a.plan.revenue.quarterly_actuals[q] = v)
                    min=0.0
                    money=true
                />
            }
        })
        .collect_view();
    view! {
        <h3>{move || format!("Revenue, {}", plan_label.get())}</h3>
        <div class="form-grid">
            <NumberField
                label="Last year's spend"
                value=s.account_value(&id, |a| a.plan.revenue.last_year)
                on_commit=s.account_setter(&id, |a, v| a.plan.revenue.last_year = v)
                min=0.0
                money=true
            />
            <NumberField
                label="Revenue commitment"
                hint="The customer's expected spend this year, agreed up front."
                value=s.account_value(&id, |a| a.plan.revenue.commitment)
                on_commit=s.account_setter(&id, |a, v| a.plan.revenue.commitment = v)
                min=0.0
                money=true
            />
            <NumberField
                label="Growth target"
                value=s.account_value(&id, |a| a.plan.revenue.growth_target)
                on_commit=s.account_setter(&id, |a, v| a.plan.revenue.growth_target = v)
                min=0.0
                money=true
            />
        </div>
        <Agreement id=id.clone() />
        <h4>"Actuals by fiscal quarter"</h4>
        <div class="form-grid">{quarters}</div>
    }
}

/// Who at the customer agreed the commitment and when, or that it is our own estimate:
/// an unagreed commitment counts less in the score (`domain::commitment`).
#[component]
fn Agreement(id: Id) -> impl IntoView {
    let s = use_app();
    let status = s.account_value(&id, |a| {
        let r = &a.plan.revenue;
        let who = r.agreed_by.as_ref().map(|c| {
            a.plan
                .contacts
                .iter()
                .find(|x| &x.id == c)
                .map(|x| x.name.clone())
                .unwrap_or_else(|| c.to_string())
        });
        match (who, r.agreed_on) {
            (Some(w), Some(d)) => format!("Agreed by {w} on {d}."),
            (Some(w), None) => format!("Agreed by {w}."),
            _ if r.estimate => "Our own estimate: not agreed with the customer.".to_string(),
            _ => "Not agreed with the customer yet.".to_string(),
        }
    });
    view! {
        <h4>"Agreement on the commitment"</h4>
        <p class="commitment-status" aria-live="polite">{move || status.get()}</p>
        <div class="form-grid">
            <SelectField
                label="Commitment agreed by"
                none="Nobody yet"
                options=contact_options(s, &id)
                value=s.account_value(&id, |a| a.plan.revenue.agreed_by.as_ref().map(|c| c.to_string()).unwrap_or_default())
                on_commit=s.account_setter(&id, |a, v: String| {
                    let r = &mut a.plan.revenue;
                    r.agreed_by = (!v.is_empty()).then(|| Id::new(v));
                    if r.agreed_by.is_some() {
                        r.estimate = false;
                    }
                })
            />
            <DateField
                label="Agreed on"
                value=s.account_value(&id, |a| a.plan.revenue.agreed_on)
                on_commit=s.account_setter(&id, |a, v| a.plan.revenue.agreed_on = v)
            />
        </div>
        <CheckboxField
            label="The commitment is our own estimate"
            value=s.account_value(&id, |a| a.plan.revenue.estimate)
            on_commit=s.account_setter(&id, |a, v: bool| {
                let r = &mut a.plan.revenue;
                r.estimate = v;
                if v {
                    r.agreed_by = None;
                    r.agreed_on = None;
                }
            })
        />
    }
}
