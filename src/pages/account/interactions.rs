//! Interactions: dated touches with one or more contacts. Logging one is quick from
//! anywhere in the plan: press L (outside a text field), type part of a name, Enter to
//! pick it, Ctrl/Cmd+Enter to save.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::model::{AccountPlan, Choice, Id, Interaction, InteractionKind};
use crate::state::use_app;

use super::section::*;

fn list(p: &AccountPlan) -> &Vec<Interaction> {
    &p.interactions
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<Interaction> {
    &mut p.interactions
}

/// The dated list of touches, newest first, filterable by contact.
#[component]
pub fn InteractionsList(account: Id) -> impl IntoView {
    let state = use_app();
    let filter = RwSignal::new(String::new());
    let rows = state.account_value(&account, |a| {
        let name = |id: &Id| {
            a.plan
                .contacts
                .iter()
                .find(|c| &c.id == id)
                .map(|c| display_name(&c.name, "Unnamed contact"))
                .unwrap_or_else(|| "Removed contact".into())
        };
        let mut rows: Vec<_> = a
            .plan
            .interactions
            .iter()
            .map(|i| {
                (
                    i.id.clone(),
                    i.date,
                    i.kind.label(),
                    i.contacts.iter().map(name).collect::<Vec<_>>().join(", "),
                    i.note.clone(),
                    i.contacts.clone(),
                )
            })
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        rows
    });
    let shown = Memo::new(move |_| {
        let f = filter.get();
        rows.with(|r| {
            r.iter()
                .filter(|row| f.is_empty() || row.5.iter().any(|c| c.as_str() == f))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let open_log = use_context::<LogDialog>();
    let options = contact_options(state, &account);
    let account = StoredValue::new(account);
    view! {
        <section class="subsection" aria-labelledby="interactions-heading">
            <div class="section-head">
                <h3 id="interactions-heading">"Interactions"</h3>
                {open_log.map(|d| view! {
                    <button type="button" on:click=move |_| d.open.set(true) aria-keyshortcuts="L">
                        "Log interaction (L)"
                    </button>
                })}
            </div>
            <div class="toolbar">
                <label for="interaction-filter">"Show interactions with"</label>
                <select id="interaction-filter" on:change=move |ev| filter.set(event_target_value(&ev))>
                    <option value="">"Everyone"</option>
                    {move || options.get().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || !shown.with(Vec::is_empty) fallback=|| view! { <p class="empty-state">"No interactions logged."</p> }>
                <table class="table">
                    <caption class="visually-hidden">"Interactions"</caption>
                    <thead>
                        <tr><th scope="col">"Date"</th><th scope="col">"Kind"</th><th scope="col">"With"</th><th scope="col">"Note"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|r| (r.0.clone(), r.1, r.3.clone(), r.4.clone()) let:row>
                            {
                                let b = Bound::new(state, account.get_value(), row.0.clone(), list, list_mut);
                                let what = format!("interaction of {}", row.1.map(|d| d.to_string()).unwrap_or_default());
                                view! {
                                    <tr>
                                        <td>{row.1.map(|d| d.to_string()).unwrap_or_else(|| "No date".into())}</td>
                                        <td>{row.2}</td>
                                        <td>{row.3.clone()}</td>
                                        <td>{row.4.clone()}</td>
                                        <td>
                                            <button type="button" class="danger" aria-label=format!("Delete {what}") on:click=move |_| b.delete(what.clone())>
                                                "Delete"
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// Whether the log-interaction dialog is open; provided by the account page.
#[derive(Clone, Copy)]
pub struct LogDialog {
    pub open: RwSignal<bool>,
}

/// The log-interaction dialog of one account.
#[component]
pub fn LogInteraction(account: Id) -> impl IntoView {
    let state = use_app();
    let dialog = expect_context::<LogDialog>();
    let date = RwSignal::new(state.today.format("%Y-%m-%d").to_string());
    let kind = RwSignal::new(InteractionKind::default().key().to_string());
    let note = RwSignal::new(String::new());
    let find = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<Id>::new());
    let error = RwSignal::new(None::<String>);
    let contacts = contact_options(state, &account);
    let matches = Memo::new(move |_| {
        let q = find.get().trim().to_lowercase();
        contacts.with(|all| {
            all.iter()
                .filter(|(_, n)| q.is_empty() || n.to_lowercase().contains(&q))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let toggle = move |id: Id| {
        picked.update(|p| {
            if let Some(i) = p.iter().position(|x| x == &id) {
                p.remove(i);
            } else {
                p.push(id);
            }
        })
    };
    let close = move || {
        dialog.open.set(false);
        picked.set(Vec::new());
        note.set(String::new());
        find.set(String::new());
        error.set(None);
    };
    let save_account = StoredValue::new(account.clone());
    let save = move || {
        let who = picked.get_untracked();
        if who.is_empty() {
            error.set(Some("Pick at least one contact.".into()));
            return;
        }
        let Ok(day) = NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d") else {
            error.set(Some("Enter the date as YYYY-MM-DD.".into()));
            return;
        };
        let k = InteractionKind::from_key(&kind.get_untracked()).unwrap_or_default();
        let text = note.get_untracked();
        add_to(
            state,
            &save_account.get_value(),
            "int",
            list_mut,
            move |iid| Interaction {
                id: iid,
                date: Some(day),
                contacts: who,
                kind: k,
                note: text,
                updated_at: Some(Utc::now()),
                ..Interaction::default()
            },
        );
        close();
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        } else if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            save();
        }
    };
    let on_find_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.ctrl_key() && !ev.meta_key() {
            ev.prevent_default();
            if let Some((id, _)) = matches.with_untracked(|m| m.first().cloned()) {
                toggle(Id::new(id));
                find.set(String::new());
            }
        }
    };
    Effect::new(move |_| {
        if dialog.open.get() {
            request_animation_frame(|| {
                if let Some(el) = document().get_element_by_id("log-find") {
                    let _ =
                        wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
                }
            });
        }
    });
    view! {
        <Show when=move || dialog.open.get()>
            <div class="modal-backdrop">
                <div class="modal" role="dialog" aria-modal="true" aria-labelledby="log-heading" on:keydown=on_keydown>
                    <h2 id="log-heading">"Log an interaction"</h2>
                    <div class="field">
                        <label for="log-find">"Find contacts"</label>
                        <input id="log-find" type="search" placeholder="Type a name, Enter to pick" bind:value=find on:keydown=on_find_key />
                    </div>
                    <fieldset class="contact-picks">
                        <legend>"With"</legend>
                        <For each=move || matches.get() key=|(id, name)| (id.clone(), name.clone()) let:pick>
                            {
                                let (cid, name) = pick;
                                let box_id = format!("log-pick-{cid}");
                                let id = Id::new(cid);
                                let checked_id = id.clone();
                                view! {
                                    <div class="field-check">
                                        <input id=box_id.clone() type="checkbox"
                                            prop:checked=move || picked.with(|p| p.contains(&checked_id))
                                            on:change=move |_| toggle(id.clone()) />
                                        <label for=box_id>{name}</label>
                                    </div>
                                }
                            }
                        </For>
                        {move || contacts.with(Vec::is_empty).then(|| view! { <p class="hint">"Add contacts to this plan first."</p> })}
                    </fieldset>
                    <div class="form-grid">
                        <div class="field">
                            <label for="log-date">"Date"</label>
                            <input id="log-date" type="date" bind:value=date />
                        </div>
                        <div class="field">
                            <label for="log-kind">"Kind"</label>
                            <select id="log-kind" on:change=move |ev| kind.set(event_target_value(&ev)) prop:value=move || kind.get()>
                                {InteractionKind::ALL.map(|k| view! { <option value=k.key()>{k.label()}</option> })}
                            </select>
                        </div>
                    </div>
                    <div class="field">
                        <label for="log-note">"Note"</label>
                        <textarea id="log-note" rows="3" bind:value=note></textarea>
                    </div>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                    <div class="button-row">
                        <button type="button" on:click=move |_| save() aria-keyshortcuts="Control+Enter">"Save interaction"</button>
                        <button type="button" class="secondary" on:click=move |_| close()>"Cancel"</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
