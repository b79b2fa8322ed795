//! Contract & renewal: when it ends, the notice period, renewal status and risk, and how
//! many days remain before notice must be given.

use leptos::prelude::*;

use crate::components::fields::{DateField, NumberField, SelectField, TextArea};
use crate::domain::model::{Id, PlanPart, RenewalStatus, Risk};
use crate::state::use_app;

use super::section::SectionHead;

pub(super) const STATUSES: [(RenewalStatus, &str, &str); 4] = [
    (RenewalStatus::NotStarted, "not_started", "Not started"),
    (
        RenewalStatus::InDiscussion,
        "in_discussion",
        "In discussion",
    ),
    (RenewalStatus::Renewed, "renewed", "Renewed"),
    (RenewalStatus::Lost, "lost", "Lost"),
];

pub(super) const RISKS: [(Risk, &str, &str); 3] = [
    (Risk::Low, "low", "Low"),
    (Risk::Medium, "medium", "Medium"),
    (Risk::High, "high", "High"),
];

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
                <NumberField label="Contract value" min=0.0 value=s.account_value(&id, |a| a.plan.contract.value) on_commit=s.account_setter(&id, |a, v| a.plan.contract.value = v) />
                <SelectField label="Renewal status"
                    options=Signal::derive(|| STATUSES.iter().map(|(_, v, l)| (v.to_string(), l.to_string())).collect())
                    value=s.account_value(&id, |a| STATUSES.iter().find(|x| x.0 == a.plan.contract.renewal_status).map(|x| x.1.to_string()).unwrap_or_default())
                    on_commit=s.account_setter(&id, |a, v: String| if let Some(x) = STATUSES.iter().find(|x| x.1 == v) { a.plan.contract.renewal_status = x.0 }) />
                <SelectField label="Renewal risk"
                    options=Signal::derive(|| RISKS.iter().map(|(_, v, l)| (v.to_string(), l.to_string())).collect())
                    value=s.account_value(&id, |a| RISKS.iter().find(|x| x.0 == a.plan.contract.risk).map(|x| x.1.to_string()).unwrap_or_default())
                    on_commit=s.account_setter(&id, |a, v: String| if let Some(x) = RISKS.iter().find(|x| x.1 == v) { a.plan.contract.risk = x.0 }) />
            </div>
            <TextArea label="Notes" value=s.account_value(&id, |a| a.plan.contract.notes.clone()) on_commit=s.account_setter(&id, |a, v| a.plan.contract.notes = v) />
        </section>
    }
}
