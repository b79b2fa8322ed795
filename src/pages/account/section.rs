//! The head of every plan section: its title, whether it is started and when it was last
//! reviewed (and whether that is overdue, by the one staleness rule of
//! `domain::staleness`, as the portfolio and the reviews judge it), and "Mark reviewed".

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::model::{Choice, Id, PlanPart};
use crate::domain::staleness::{part_status, rhythm_of, PartStatus};
use crate::state::use_app;

#[component]
pub fn SectionHead(id: Id, part: PlanPart) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let status = {
        let id = id.clone();
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                ws.account(&id)
                    .map(|a| part_status(a, part, rhythm_of(a, &ws.settings), today))
            })
        })
    };
    let line = move || {
        status.get().map(|s| {
            let (class, text) = standing(&s, today);
            view! { <span class=class>{text}</span> }
        })
    };
    view! {
        <div class="section-head">
            <h2 id="section-heading">{part.label()}</h2>
            <div class="reviewed">
                {line}
                <button type="button" class="secondary" on:click=move |_| state.mark_reviewed(&id, part)>
                    "Mark reviewed"
                </button>
            </div>
        </div>
    }
}

/// The status line's class and text: "Not started", "Last reviewed today", "Last reviewed
/// 40 days ago (…) · overdue for review", "Never reviewed · due 2026-12-11".
fn standing(s: &PartStatus, today: NaiveDate) -> (&'static str, String) {
    let reviewed = match s.last_reviewed {
        Some(d) => format!("Last reviewed {}", describe_day(d, today)),
        None => "Never reviewed".to_string(),
    };
    if !s.started {
        let text = match s.last_reviewed {
            Some(_) => format!("Not started · {}", reviewed.to_lowercase()),
            None => "Not started".to_string(),
        };
        ("not-started", text)
    } else if s.stale {
        ("stale", format!("{reviewed} · overdue for review"))
    } else if s.last_reviewed.is_none() {
        ("", format!("{reviewed} · due {}", s.due))
    } else {
        ("", reviewed)
    }
}

/// "today", "yesterday", "12 days ago (11/12/2026)": the date as the user's locale writes it.
pub fn describe_day(d: NaiveDate, today: NaiveDate) -> String {
    let locale = crate::state::use_locale().get();
    match (today - d).num_days() {
        0 => "today".into(),
        1 => "yesterday".into(),
        n if n > 1 => format!("{n} days ago ({})", locale.date(d)),
        _ => locale.date(d),
    }
}

use chrono::Utc;

use crate::domain::model::{
    AccountPlan, Action, Contact, FeedbackItem, Goal, Interaction, Meeting, Opportunity,
    SuccessMeasure, TeamRole, Timestamp,
};
use crate::state::AppState;

/// An entity of a plan list: found by its id, stamped when edited (imports merge by it).
pub trait Entity: Clone + Send + Sync + 'static {
    fn id(&self) -> &Id;
    fn touch(&mut self, now: Timestamp);
}

macro_rules! entity {
    ($($t:ty),*) => {$(
        impl Entity for $t {
            fn id(&self) -> &Id {
                &self.id
            }
            fn touch(&mut self, now: Timestamp) {
                self.updated_at = Some(now);
            }
        }
    )*};
}
entity!(
    Goal,
    SuccessMeasure,
    FeedbackItem,
    Contact,
    Interaction,
    Opportunity,
    Action,
    Meeting,
    TeamRole
);

/// Which list of the plan an entity lives in.
pub type ListOf<T> = fn(&AccountPlan) -> &Vec<T>;
pub type ListOfMut<T> = fn(&mut AccountPlan) -> &mut Vec<T>;

/// One entity of one account's plan, with signals to read its fields and callbacks to
/// write them: what a card of a list section binds its fields to.
pub struct Bound<T: Entity> {
    pub state: AppState,
    pub account: Id,
    pub entity: Id,
    list: ListOf<T>,
    list_mut: ListOfMut<T>,
}

impl<T: Entity> Clone for Bound<T> {
    fn clone(&self) -> Self {
        Bound {
            state: self.state,
            account: self.account.clone(),
            entity: self.entity.clone(),
            list: self.list,
            list_mut: self.list_mut,
        }
    }
}

impl<T: Entity> Bound<T> {
    pub fn new(
        state: AppState,
        account: Id,
        entity: Id,
        list: ListOf<T>,
        list_mut: ListOfMut<T>,
    ) -> Self {
        Bound {
            state,
            account,
            entity,
            list,
            list_mut,
        }
    }

    /// A field of the entity as a signal (the default value once it is gone).
    pub fn value<V>(&self, read: impl Fn(&T) -> V + Send + Sync + 'static) -> Signal<V>
    where
        V: Default + Clone + Send + Sync + 'static,
    {
        let (entity, list) = (self.entity.clone(), self.list);
        self.state.account_value(&self.account, move |a| {
            list(&a.plan)
                .iter()
                .find(|e| e.id() == &entity)
                .map(&read)
                .unwrap_or_default()
        })
    }

    /// A setter of a field of the entity; stamps the entity as changed.
    pub fn setter<V: 'static>(
        &self,
        write: impl Fn(&mut T, V) + Send + Sync + 'static,
    ) -> Callback<V> {
        let (entity, list_mut) = (self.entity.clone(), self.list_mut);
        self.state.account_setter(&self.account, move |a, v| {
            if let Some(e) = list_mut(&mut a.plan).iter_mut().find(|e| e.id() == &entity) {
                write(e, v);
                e.touch(Utc::now());
            }
        })
    }

    /// Deletes the entity, with undo; `what` names it ("contact “Ann Lee”").
    pub fn delete(&self, what: String) {
        let (entity, list_mut) = (self.entity.clone(), self.list_mut);
        self.state.delete_in_account(&self.account, what, move |a| {
            list_mut(&mut a.plan).retain(|e| e.id() != &entity);
        });
    }
}

/// The ids of a list, in order, as a signal for a keyed `<For>`.
pub fn ids_of<T: Entity>(state: AppState, account: &Id, list: ListOf<T>) -> Signal<Vec<Id>> {
    state.account_value(account, move |a| {
        list(&a.plan).iter().map(|e| e.id().clone()).collect()
    })
}

/// Appends a new entity made by `make` (given a fresh id) and returns its id.
pub fn add_to<T: Entity>(
    state: AppState,
    account: &Id,
    prefix: &str,
    list_mut: ListOfMut<T>,
    make: impl FnOnce(Id) -> T,
) -> Id {
    let id = state.new_id(prefix);
    let mut entity = make(id.clone());
    entity.touch(Utc::now());
    state.update_account(account, move |a| list_mut(&mut a.plan).push(entity));
    id
}

/// Moves keyboard focus to the first input of the element with `dom_id` once it is on
/// the page (after "Add …", so the user can type straight away).
pub fn focus_first_input(dom_id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&dom_id) {
            if let Ok(Some(input)) = el.query_selector("input, textarea, select") {
                if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
                    let _ = input.focus();
                }
            }
        }
    });
}

/// Focuses the card named by the URL's hash (`#card-…`, as a link from the relationship
/// map has), once it is on the page: the card scrolls into view and a screen reader reads
/// its name.
pub fn focus_card_from_hash() {
    request_animation_frame(|| {
        let Ok(hash) = window().location().hash() else {
            return;
        };
        let Some(raw) = hash.strip_prefix('#').filter(|h| h.starts_with("card-")) else {
            return;
        };
        let dom_id = js_sys::decode_uri_component(raw)
            .map(String::from)
            .unwrap_or_else(|_| raw.to_string());
        if let Some(el) = document().get_element_by_id(&dom_id) {
            let _ = el.set_attribute("tabindex", "-1");
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// The DOM id of an entity's card.
pub fn card_id(entity: &Id) -> String {
    format!("card-{entity}")
}

/// Options for choosing one of the account's contacts.
pub fn contact_options(state: AppState, account: &Id) -> Signal<Vec<(String, String)>> {
    state.account_value(account, |a| {
        a.plan
            .contacts
            .iter()
            .map(|c| (c.id.to_string(), display_name(&c.name, "Unnamed contact")))
            .collect()
    })
}

/// Options for choosing one of our team members.
pub fn member_options(state: AppState) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        state.workspace.with(|ws| {
            ws.team
                .iter()
                .map(|m| (m.id.to_string(), display_name(&m.name, "Unnamed member")))
                .collect()
        })
    })
}

/// A select's options for a choice (see [`Choice`]): each value's key, and its label for
/// people, in the order the app lists them.
pub fn choice_options<T: Choice + Send + Sync>() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        T::ALL
            .iter()
            .map(|x| (x.key().to_string(), x.label().to_string()))
            .collect()
    })
}

/// A select's value from an optional choice: its key, or the empty "none" option.
pub fn choice_value<T: Choice>(x: Option<T>) -> String {
    x.map(T::key).unwrap_or_default().to_string()
}

/// Adds `id` to `list`, or takes it out when it is there already (a checkbox's change).
pub fn toggle_id(list: &mut Vec<Id>, id: Id) {
    if let Some(i) = list.iter().position(|x| *x == id) {
        list.remove(i);
    } else {
        list.push(id);
    }
}

/// A fieldset of checkboxes, one per option (id, name), checked while `chosen` holds it;
/// each box's id is `box_prefix` and the option's id.
#[component]
pub fn CheckboxPicks(
    legend: &'static str,
    box_prefix: String,
    options: Signal<Vec<(String, String)>>,
    chosen: Signal<Vec<Id>>,
    toggle: Callback<Id>,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {move || options.get().into_iter().map(|(oid, name)| {
                let box_id = format!("{box_prefix}-{oid}");
                let id = Id::new(oid);
                let checked_id = id.clone();
                view! {
                    <div class="field-check">
                        <input id=box_id.clone() type="checkbox" prop:checked=move || chosen.with(|a| a.contains(&checked_id)) on:change=move |_| toggle.run(id.clone()) />
                        <label for=box_id>{name}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A name to show, or `fallback` when it is blank.
pub fn display_name(name: &str, fallback: &str) -> String {
    if name.trim().is_empty() {
        fallback.to_string()
    } else {
        name.to_string()
    }
}

/// `Some(Id)` from a select's value, `None` for the empty "none" option.
pub fn opt_id(v: String) -> Option<Id> {
    (!v.is_empty()).then(|| Id::new(v))
}

/// A select's value from an optional id.
pub fn id_value(id: &Option<Id>) -> String {
    id.as_ref().map(|i| i.to_string()).unwrap_or_default()
}

/// The frame of one entity's card: its title (live), a delete button with undo, and its
/// fields.
#[component]
pub fn EntityCard(
    dom_id: String,
    #[prop(into)] title: Signal<String>,
    /// Names the entity in the delete button and the undo notice ("goal").
    kind: &'static str,
    on_delete: Callback<String>,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{dom_id}-title");
    let labelledby = heading_id.clone();
    view! {
        <li class="entity" id=dom_id aria-labelledby=labelledby>
            <div class="entity-head">
                <h3 id=heading_id>{move || title.get()}</h3>
                <button
                    type="button"
                    class="danger"
                    aria-label=move || format!("Delete {kind} {}", title.get())
                    on:click=move |_| on_delete.run(format!("{kind} “{}”", title.get_untracked()))
                >
                    "Delete"
                </button>
            </div>
            {children()}
        </li>
    }
}
