//! Contacts & relationship map data: who we know at the customer, where they sit, what
//! role they play in decisions, how they feel about us, and their major challenge; when we
//! first met them and who introduced us (the weekly challenge counts new contacts).

use leptos::prelude::*;

use crate::components::fields::{DateField, SelectField, TextArea, TextField};
use crate::domain::model::{
    AccountPlan, Choice, Contact, DecisionRole, Id, Introducer, PlanPart, Stance,
};
use crate::state::use_app;

use super::interactions::InteractionsList;
use super::section::*;

fn list(p: &AccountPlan) -> &Vec<Contact> {
    &p.contacts
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<Contact> {
    &mut p.contacts
}

#[component]
pub fn ContactsSection(id: Id) -> impl IntoView {
    let state = use_app();
    let search = RwSignal::new(String::new());
    let all = state.account_value(&id, |a| {
        a.plan
            .contacts
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    format!("{} {} {}", c.name, c.title, c.major_challenge).to_lowercase(),
                )
            })
            .collect::<Vec<_>>()
    });
    let shown = Memo::new(move |_| {
        let q = search.get().trim().to_lowercase();
        all.with(|list| {
            list.iter()
                .filter(|(_, text)| q.is_empty() || text.contains(&q))
                .map(|(id, _)| id.clone())
                .collect::<Vec<_>>()
        })
    });
    let total = move || all.with(Vec::len);
    let add_id = id.clone();
    let (cards_id, log_id) = (id.clone(), id.clone());
    let add = move |_| {
        search.set(String::new());
        let new = add_to(state, &add_id, "con", list_mut, |cid| Contact {
            id: cid,
            ..Contact::default()
        });
        focus_first_input(card_id(&new));
    };
    // A link from the relationship map names a contact's card in the URL's hash.
    Effect::new(move |_| focus_card_from_hash());
    let map_href = crate::nav::href_for(&[("account", id.as_str()), ("section", super::MAP_SLUG)]);
    view! {
        <section class="card" aria-labelledby="section-heading">
            <SectionHead id=id.clone() part=PlanPart::Contacts />
            <p class="hint">
                "Who reports to whom draws the "<a href=map_href>"relationship map"</a>"."
            </p>
            <div class="toolbar">
                <label for="contact-search">"Search contacts"</label>
                <input id="contact-search" type="search" placeholder="Name, title or challenge" bind:value=search />
                <span class="hint" aria-live="polite">
                    {move || format!("{} of {} contacts", shown.with(Vec::len), total())}
                </span>
                <button type="button" on:click=add>"Add contact"</button>
            </div>
            <ul class="entity-list">
                <For each=move || shown.get() key=|c| c.clone() let:cid>
                    <ContactCard account=cards_id.clone() contact=cid />
                </For>
            </ul>
            <InteractionsList account=log_id />
        </section>
    }
}

#[component]
fn ContactCard(account: Id, contact: Id) -> impl IntoView {
    let state = use_app();
    let b = Bound::new(state, account.clone(), contact.clone(), list, list_mut);
    let del = b.clone();
    let settings = move |f: fn(&crate::domain::model::Settings) -> Vec<(String, String)>| {
        Signal::derive(move || state.workspace.with(|ws| f(&ws.settings)))
    };
    let departments = settings(|s| {
        s.departments
            .iter()
            .map(|d| (d.id.to_string(), d.name.clone()))
            .collect()
    });
    let levels = settings(|s| {
        s.levels
            .iter()
            .map(|l| (l.id.to_string(), l.name.clone()))
            .collect()
    });
    let me = contact.clone();
    let others = state.account_value(&account, move |a| {
        a.plan
            .contacts
            .iter()
            .filter(|c| c.id != me)
            .map(|c| (c.id.to_string(), display_name(&c.name, "Unnamed contact")))
            .collect()
    });
    let introducers = introducer_options(state, &account, &contact);
    let who = contact.clone();
    let last_touch = state.account_value(&account, move |a| {
        a.plan
            .interactions
            .iter()
            .filter(|i| i.contacts.contains(&who))
            .filter_map(|i| i.date)
            .max()
    });
    let today = state.today;
    view! {
        <EntityCard
            dom_id=card_id(&contact)
            title=b.value(|c| display_name(&c.name, "New contact"))
            kind="contact"
            on_delete=Callback::new(move |what| del.delete(what))
        >
            <p class="hint">
                {move || match last_touch.get() {
                    Some(d) => format!("Last interaction {}", describe_day(d, today)),
                    None => "No interaction logged yet".to_string(),
                }}
            </p>
            <div class="form-grid">
                <TextField label="Name" value=b.value(|c| c.name.clone()) on_commit=b.setter(|c, v| c.name = v) />
                <TextField label="Title" value=b.value(|c| c.title.clone()) on_commit=b.setter(|c, v| c.title = v) />
                <SelectField label="Department" none="Not set" options=departments
                    value=b.value(|c| id_value(&c.department)) on_commit=b.setter(|c, v| c.department = opt_id(v)) />
                <SelectField label="Level" none="Not set" options=levels
                    value=b.value(|c| id_value(&c.level)) on_commit=b.setter(|c, v| c.level = opt_id(v)) />
                <SelectField label="Role in decisions" none="Not known" options={choice_options::<DecisionRole>()}
                    value=b.value(|c| choice_value(c.role)) on_commit=b.setter(|c, v: String| c.role = DecisionRole::from_key(&v)) />
                <SelectField label="Stance" none="Not known" options={choice_options::<Stance>()}
                    value=b.value(|c| choice_value(c.stance)) on_commit=b.setter(|c, v: String| c.stance = Stance::from_key(&v)) />
                <SelectField
                    label="Relationship strength"
                    none="Not rated"
                    options=Signal::derive(|| (1..=5).map(|n| (n.to_string(), format!("{n} of 5"))).collect())
                    value=b.value(|c| c.strength.map(|s| s.to_string()).unwrap_or_default())
                    on_commit=b.setter(|c, v: String| c.strength = v.parse().ok().filter(|n| (1..=5).contains(n)))
                />
                <SelectField label="Reports to" none="Nobody here" options=others
                    value=b.value(|c| id_value(&c.reports_to)) on_commit=b.setter(|c, v| c.reports_to = opt_id(v)) />
                <SelectField label="Our owner" none="Nobody" options=member_options(state)
                    value=b.value(|c| id_value(&c.owner)) on_commit=b.setter(|c, v| c.owner = opt_id(v)) />
                <DateField label="First met" value=b.value(|c| c.first_met) on_commit=b.setter(|c, v| c.first_met = v) />
                <SelectField label="Introduced by" none="Nobody recorded" options=introducers
                    value=b.value(|c| introducer_value(&c.introduced_by)) on_commit=b.setter(|c, v: String| c.introduced_by = introducer_from(&v)) />
                <TextField label="Email" kind="email" value=b.value(|c| c.email.clone()) on_commit=b.setter(|c, v| c.email = v) />
                <TextField label="Phone" kind="tel" value=b.value(|c| c.phone.clone()) on_commit=b.setter(|c, v| c.phone = v) />
            </div>
            <TextArea label="Major challenge" rows=2 value=b.value(|c| c.major_challenge.clone()) on_commit=b.setter(|c, v| c.major_challenge = v) />
            <TextArea label="Notes" rows=2 value=b.value(|c| c.notes.clone()) on_commit=b.setter(|c, v| c.notes = v) />
        </EntityCard>
    }
}

/// Who can introduce `contact`: the account's other contacts, then our team; values
/// `contact:<id>` and `member:<id>`.
fn introducer_options(
    state: crate::state::AppState,
    account: &Id,
    contact: &Id,
) -> Signal<Vec<(String, String)>> {
    let (account, me) = (account.clone(), contact.clone());
    Signal::derive(move || {
        state.workspace.with(|ws| {
            let contacts = ws.account(&account).into_iter().flat_map(|a| {
                a.plan.contacts.iter().filter(|c| c.id != me).map(|c| {
                    (
                        format!("contact:{}", c.id),
                        display_name(&c.name, "Unnamed contact"),
                    )
                })
            });
            let members = ws.team.iter().map(|m| {
                (
                    format!("member:{}", m.id),
                    format!("{} (our team)", display_name(&m.name, "Unnamed member")),
                )
            });
            contacts.chain(members).collect()
        })
    })
}

fn introducer_value(by: &Option<Introducer>) -> String {
    match by {
        Some(Introducer::Contact(id)) => format!("contact:{id}"),
        Some(Introducer::Member(id)) => format!("member:{id}"),
        None => String::new(),
    }
}

fn introducer_from(v: &str) -> Option<Introducer> {
    match v.split_once(':') {
        Some(("contact", id)) if !id.is_empty() => Some(Introducer::Contact(Id::new(id))),
        Some(("member", id)) if !id.is_empty() => Some(Introducer::Member(Id::new(id))),
        _ => None,
    }
}
