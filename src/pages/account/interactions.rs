//! Interactions: dated touches with one or more contacts. Logging one is quick from
//! anywhere in the plan: press L (outside a text field), type part of a name, Enter to
//! pick it, Ctrl/Cmd+Enter to save. Each names the areas of opportunity it was about (our
//! offerings, the customer's goals): the third dimension of coverage.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::areas::{area_name, areas};
use crate::domain::model::{AccountPlan, Choice, Id, Interaction, InteractionKind};
use crate::state::{use_app, AppState};

use super::section::*;

fn list(p: &AccountPlan) -> &Vec<Interaction> {
    &p.interactions
}
fn list_mut(p: &mut AccountPlan) -> &mut Vec<Interaction> {
    &mut p.interactions
}

/// One interaction as the list shows it.
#[derive(Clone, PartialEq)]
struct LogRow {
    id: Id,
    date: Option<NaiveDate>,
    kind: &'static str,
    /// The contacts' names, joined.
    with: String,
    note: String,
    contacts: Vec<Id>,
}

/// The plan's interactions as the list shows them, newest first.
fn log_rows(plan: &AccountPlan) -> Vec<LogRow> {
    let name = |id: &Id| {
        plan.contacts
            .iter()
            .find(|c| &c.id == id)
            .map(|c| display_name(&c.name, "Unnamed contact"))
            .unwrap_or_else(|| "Removed contact".into())
    };
    let mut rows: Vec<_> = plan
        .interactions
        .iter()
        .map(|i| LogRow {
            id: i.id.clone(),
            date: i.date,
            kind: i.kind.label(),
            with: i.contacts.iter().map(name).collect::<Vec<_>>().join(", "),
            note: i.note.clone(),
            contacts: i.contacts.clone(),
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.date));
    rows
}

/// The dated list of touches, newest first, filterable by contact.
#[component]
pub fn InteractionsList(account: Id) -> impl IntoView {
    let state = use_app();
    let filter = RwSignal::new(String::new());
    let rows = state.account_value(&account, |a| log_rows(&a.plan));
    let shown = Memo::new(move |_| {
        let f = filter.get();
        rows.with(|r| {
            r.iter()
                .filter(|row| f.is_empty() || row.contacts.iter().any(|c| c.as_str() == f))
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
                <div class="table-scroll" role="region" aria-label="Interactions" tabindex="0">
                <table class="table">
                    <caption class="visually-hidden">"Interactions"</caption>
                    <thead>
                        <tr><th scope="col">"Date"</th><th scope="col">"Kind"</th><th scope="col">"With"</th><th scope="col">"About"</th><th scope="col">"Note"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|r| (r.id.clone(), r.date, r.with.clone(), r.note.clone()) let:row>
                            <InteractionRow account=account.get_value() row />
                        </For>
                    </tbody>
                </table>
                </div>
            </Show>
        </section>
    }
}

/// One interaction's row of the list: what it was about (editable in place) and its delete
/// button. The row stays while its areas change (they are not part of its key), so the
/// picks stay open.
#[component]
fn InteractionRow(account: Id, row: LogRow) -> impl IntoView {
    let state = use_app();
    let b = Bound::new(state, account.clone(), row.id.clone(), list, list_mut);
    let day = row.date.map(|d| d.to_string()).unwrap_or_default();
    let what = format!("interaction of {day}");
    let about = {
        let (acc, iid) = (account.clone(), row.id.clone());
        Signal::derive(move || {
            state
                .workspace
                .with(|ws| {
                    let a = ws.account(&acc)?;
                    let i = a.plan.interactions.iter().find(|i| i.id == iid)?;
                    let names: Vec<&str> = i
                        .areas
                        .iter()
                        .map(|x| area_name(&a.plan, &ws.settings, x).unwrap_or("Removed area"))
                        .collect();
                    Some(names.join(", "))
                })
                .unwrap_or_default()
        })
    };
    let editing = RwSignal::new(false);
    let options = area_options(state, &account);
    let chosen = b.value(|i| i.areas.clone());
    let toggle = b.setter(|i, id: Id| toggle_id(&mut i.areas, id));
    let prefix = format!("int-{}-area", row.id);
    let edit_label = format!("Edit the areas of the {what}");
    view! {
        <tr>
            <td>{row.date.map(|d| d.to_string()).unwrap_or_else(|| "No date".into())}</td>
            <td>{row.kind}</td>
            <td>{row.with}</td>
            <td>
                {about}
                " "
                <button type="button" class="secondary" aria-expanded=move || editing.get().to_string()
                    aria-label=edit_label on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || if editing.get() { "Done" } else { "Edit" }}
                </button>
                {move || editing.get().then(|| view! {
                    <CheckboxPicks legend="About" box_prefix=prefix.clone() options chosen toggle />
                })}
            </td>
            <td>{row.note}</td>
            <td>
                <button type="button" class="danger" aria-label=format!("Delete {what}") on:click=move |_| b.delete(what.clone())>
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

/// Whether the log-interaction dialog is open; provided by the account page.
#[derive(Clone, Copy)]
pub struct LogDialog {
    pub open: RwSignal<bool>,
}

/// The log dialog's fields.
#[derive(Clone, Copy)]
struct LogFields {
    date: RwSignal<String>,
    kind: RwSignal<String>,
    note: RwSignal<String>,
    find: RwSignal<String>,
    picked: RwSignal<Vec<Id>>,
    /// The areas of opportunity it was about.
    areas: RwSignal<Vec<Id>>,
    error: RwSignal<Option<String>>,
}

impl LogFields {
    fn new(today: NaiveDate) -> Self {
        LogFields {
            date: RwSignal::new(today.format("%Y-%m-%d").to_string()),
            kind: RwSignal::new(InteractionKind::default().key().to_string()),
            note: RwSignal::new(String::new()),
            find: RwSignal::new(String::new()),
            picked: RwSignal::new(Vec::new()),
            areas: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
        }
    }

    /// The `contacts` (id, name) whose name holds the search, all of them while it is empty.
    fn matches(self, contacts: Signal<Vec<(String, String)>>) -> Memo<Vec<(String, String)>> {
        let find = self.find;
        Memo::new(move |_| {
            let q = find.get().trim().to_lowercase();
            contacts.with(|all| {
                all.iter()
                    .filter(|(_, n)| q.is_empty() || n.to_lowercase().contains(&q))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    }

    /// Picks a contact, or unpicks one already picked.
    fn toggle(self, id: Id) {
        self.picked.update(|p| toggle_id(p, id))
    }

    /// Empties the picks, the note, the search and the error (the date and kind stay).
    fn clear(self) {
        self.picked.set(Vec::new());
        self.areas.set(Vec::new());
        self.note.set(String::new());
        self.find.set(String::new());
        self.error.set(None);
    }

    /// Adds the interaction the fields describe to `account`'s plan; false, with the error
    /// shown, when they do not describe one.
    fn save(self, state: AppState, account: &Id) -> bool {
        let who = self.picked.get_untracked();
        if who.is_empty() {
            self.error.set(Some("Pick at least one contact.".into()));
            return false;
        }
        let Ok(day) = NaiveDate::parse_from_str(&self.date.get_untracked(), "%Y-%m-%d") else {
            self.error.set(Some("Enter the date as YYYY-MM-DD.".into()));
            return false;
        };
        let k = InteractionKind::from_key(&self.kind.get_untracked()).unwrap_or_default();
        let text = self.note.get_untracked();
        let about = self.areas.get_untracked();
        add_to(state, account, "int", list_mut, move |iid| Interaction {
            id: iid,
            date: Some(day),
            contacts: who,
            kind: k,
            note: text,
            areas: about,
            updated_at: Some(Utc::now()),
            ..Interaction::default()
        });
        true
    }
}

/// Puts the focus in the dialog's search each time it opens.
fn focus_find_on_open(dialog: LogDialog) {
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
}

/// The log-interaction dialog of one account.
#[component]
pub fn LogInteraction(account: Id) -> impl IntoView {
    let state = use_app();
    let dialog = expect_context::<LogDialog>();
    let fields = LogFields::new(state.today);
    let LogFields {
        date,
        kind,
        note,
        find,
        error,
        ..
    } = fields;
    let contacts = contact_options(state, &account);
    let area_opts = area_options(state, &account);
    let matches = fields.matches(contacts);
    let close = move || {
        dialog.open.set(false);
        fields.clear();
    };
    let save_account = StoredValue::new(account.clone());
    let save = move || {
        if fields.save(state, &save_account.get_value()) {
            close();
        }
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
                fields.toggle(Id::new(id));
                find.set(String::new());
            }
        }
    };
    focus_find_on_open(dialog);
    view! {
        <Show when=move || dialog.open.get()>
            <div class="modal-backdrop">
                <div class="modal" role="dialog" aria-modal="true" aria-labelledby="log-heading" on:keydown=on_keydown>
                    <h2 id="log-heading">"Log an interaction"</h2>
                    <div class="field">
                        <label for="log-find">"Find contacts"</label>
                        <input id="log-find" type="search" placeholder="Type a name, Enter to pick" bind:value=find on:keydown=on_find_key />
                    </div>
                    <ContactPicks fields matches contacts />
                    <CheckboxPicks legend="About" box_prefix="log-area".to_string()
                        options=area_opts
                        chosen=fields.areas.into()
                        toggle=Callback::new(move |id: Id| fields.areas.update(|a| toggle_id(a, id))) />
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

/// The areas an interaction of `account` can be about (id, name): offerings, then goals.
fn area_options(state: AppState, account: &Id) -> Signal<Vec<(String, String)>> {
    let id = account.clone();
    Signal::derive(move || {
        state.workspace.with(|ws| {
            ws.account(&id)
                .map(|a| {
                    areas(&a.plan, &ws.settings)
                        .into_iter()
                        .map(|x| (x.id.to_string(), x.name))
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

/// The dialog's contacts that match its search, each picked or not by a checkbox.
#[component]
fn ContactPicks(
    fields: LogFields,
    matches: Memo<Vec<(String, String)>>,
    contacts: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let picked = fields.picked;
    view! {
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
                                on:change=move |_| fields.toggle(id.clone()) />
                            <label for=box_id>{name}</label>
                        </div>
                    }
                }
            </For>
            {move || contacts.with(Vec::is_empty).then(|| view! { <p class="hint">"Add contacts to this plan first."</p> })}
        </fieldset>
    }
}
