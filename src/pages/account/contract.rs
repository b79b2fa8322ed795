//! Contract & renewal: when it ends, the notice period, renewal status and risk, and how
//! many days remain before notice must be given.

use leptos::prelude::*;

use crate::components::fields::{DateField, NumberField, SelectField, TextArea};
use crate::domain::model::{Choice, Id, PlanPart, RenewalStatus, Risk};
use crate::state::use_app;

use super::section::{choice_options, SectionHead};

#[component]
pub fn ContractSection(id: Id) -> impl IntoView {
    let s = use_app();
    let today = s.today;
    let countdown = s.account_value(&id, move |a| {
        let c = &a.plan.contract;
        let end = c.end_date?;
        let days = (end - today).num_days();
        let notice = c.notice_days.map(|n| days - i64::from(n));
        Some(match (days, notice) {
            (d, _) if d < 0 => format!("The contract ended {} days ago.", -d),
            (d, Some(n)) if n < 0 => {
                format!("Ends in {d} days; the notice date passed {} days ago.", -n)
            }
            (d, Some(n)) => format!("Ends in {d} days; notice must be given within {n} days."),
            (d, None) => format!("Ends in {d} days."),
        })
    });
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Contract />
            <p role="status">{move || countdown.get().unwrap_or_else(|| "No end date recorded.".into())}</p>
            <div class="form-grid">
                <DateField label="Contract start" value=s.account_value(&id, |a| a.plan.contract.start_date) on_commit=s.account_setter(&id, |a, v| a.plan.contract.start_date = v) />
                <DateField label="Contract end" value=s.account_value(&id, |a| a.plan.contract.end_date) on_commit=s.account_setter(&id, |a, v| a.plan.contract.end_date = v) />
                <NumberField label="Notice period (days)" min=0.0
                    value=s.account_value(&id, |a| a.plan.contract.notice_days.map(f64::from))
                    on_commit=s.account_setter(&id, |a, v: Option<f64>| a.plan.contract.notice_days = v.map(|n| n.round().clamp(0.0, 3650.0) as u32)) />
                <NumberField label="Contract value" min=0.0 money=true value=s.account_value(&id, |a| a.plan.contract.value) on_commit=s.account_setter(&id, |a, v| a.plan.contract.value = v) />
                <SelectField label="Renewal status"
                    options={choice_options::<RenewalStatus>()}
                    value=s.account_value(&id, |a| a.plan.contract.renewal_status.key().to_string())
                    on_commit=s.account_setter(&id, |a, v: String| if let Some(x) = RenewalStatus::from_key(&v) { a.plan.contract.renewal_status = x }) />
                <SelectField label="Renewal risk"
                    options={choice_options::<Risk>()}
                    value=s.account_value(&id, |a| a.plan.contract.risk.key().to_string())
                    on_commit=s.account_setter(&id, |a, v: String| if let Some(x) = Risk::from_key(&v) { a.plan.contract.risk = x }) />
            </div>
            <TextArea label="Notes" value=s.account_value(&id, |a| a.plan.contract.notes.clone()) on_commit=s.account_setter(&id, |a, v| a.plan.contract.notes = v) />
        </section>
    }
}
