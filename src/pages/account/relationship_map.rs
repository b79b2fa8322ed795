//! The relationship map: the org chart drawn from the contacts' reports-to lines, a
//! legend, the same chart as a nested list, and a link from every box to its contact.

use leptos::prelude::*;

use crate::components::charts::org_chart::{
    role_look, stance_look, MapData, OrgChartView, OrgLegend,
};
use crate::domain::model::Id;
use crate::nav::{href_for, navigate_to};
use crate::state::use_app;

use super::section::card_id;

/// The link to a contact's card in the Contacts section.
pub fn contact_href(account: &Id, contact: &Id) -> String {
    format!(
        "{}#{}",
        href_for(&[("account", account.as_str()), ("section", "contacts")]),
        card_id(contact)
    )
}

/// The map's data, kept up to date with the account's contacts and our team (`customer`:
/// for the customer version).
pub fn map_data(id: &Id, customer: bool) -> Memo<MapData> {
    let state = use_app();
    let id = id.clone();
    Memo::new(move |_| {
        state.workspace.with(|ws| {
            let data = ws
                .account(&id)
                .map(|a| MapData::new(&a.plan.contacts, &ws.team))
                .unwrap_or_default();
            if customer {
                data.for_customer()
            } else {
                data
            }
        })
    })
}

/// The chart with its legend, for this section and the print view (`customer`: the
/// customer version's, without stances, roles and their legend).
#[component]
pub fn RelationshipMap(id: Id, #[prop(optional)] customer: bool) -> impl IntoView {
    let state = use_app();
    let data = map_data(&id, customer);
    let name = state.account_value(&id, |a| a.name.clone());
    let count = move || data.with(|d| d.info.len());
    let label = Signal::derive(move || {
        format!(
            "Relationship map of {}: {} contacts, {} reporting lines. Each box links to its contact.",
            name.get(),
            count(),
            data.with(|d| d.chart.edges.len())
        )
    });
    let href_id = id.clone();
    let href_of = Callback::new(move |c: Id| contact_href(&href_id, &c));
    let on_open = Callback::new(move |href: String| navigate_to(&href));
    view! {
        <Show
            when=move || { count() > 0 }
            fallback=|| view! { <p class="empty-state">"No contacts yet: add them, with who they report to, to draw the map."</p> }
        >
            {(!customer).then(|| view! { <OrgLegend /> })}
            <div class="org-chart-scroll">
                <OrgChartView data=data label=label href_of=href_of on_open=on_open />
            </div>
            {move || {
                let broken = data.with(|d| d.chart.broken_lines.iter().map(|&i| d.info[i].name.clone()).collect::<Vec<_>>());
                (!broken.is_empty()).then(|| view! {
                    <p class="hint">
                        {format!("Drawn at the top because whom they report to is missing or reports back to them: {}.", broken.join(", "))}
                    </p>
                })
            }}
        </Show>
    }
}

#[component]
pub fn RelationshipMapSection(id: Id) -> impl IntoView {
    let data = map_data(&id, false);
    let contacts = href_for(&[("account", id.as_str()), ("section", "contacts")]);
    view! {
        <section class="card" aria-labelledby="map-heading">
            <div class="section-head">
                <h2 id="map-heading">"Relationship map"</h2>
                <a href=contacts>"Edit contacts and reporting lines"</a>
            </div>
            <p class="hint">
                "Who reports to whom, how each contact stands towards us, their role in decisions and who on our side owns the relationship. Select a box to open the contact."
            </p>
            <RelationshipMap id=id.clone() />
            <details class="org-list">
                <summary>"The map as a list"</summary>
                {move || data.with(|d| {
                    let roots: Vec<usize> = d.chart.nodes.iter().filter(|n| n.boss.is_none()).map(|n| n.contact).collect();
                    view! { <ul>{roots.into_iter().map(|r| list_item(d, r)).collect_view()}</ul> }
                })}
            </details>
        </section>
    }
}

/// One contact of the nested list, with their reports below.
fn list_item(d: &MapData, i: usize) -> AnyView {
    let n = &d.info[i];
    let mut text = n.name.clone();
    if !n.title.is_empty() {
        text.push_str(&format!(" — {}", n.title));
    }
    text.push_str(&format!(
        " · {} · {}",
        stance_look(n.stance).1,
        role_look(n.role).1
    ));
    if let Some(o) = &n.owner {
        text.push_str(&format!(" · our owner {o}"));
    }
    let reports: Vec<usize> = d.chart.reports_of(i).map(|r| r.contact).collect();
    view! {
        <li>
            {text}
            {(!reports.is_empty()).then(|| view! { <ul>{reports.into_iter().map(|r| list_item(d, r)).collect_view()}</ul> })}
        </li>
    }
    .into_any()
}
