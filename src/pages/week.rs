//! My week: the agenda of `domain::agenda` across accounts, for the accounts of the person
//! using this browser (chosen in Settings), everyone's, or one owner's. Each item links to
//! its section; an action can be marked done, an action or a meeting moved, right here;
//! the actions and meetings download as one calendar file.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::agenda::{agenda, count, Item, Kind, Whose};
use crate::domain::model::{ActionStatus, Id};
use crate::nav::href_for;
use crate::persist::browser;
use crate::persist::export::{ics, naming::export_file_name};
use crate::state::{use_app, AppState};

/// The "Show" choice: "" is everyone, otherwise a team member's id.
fn whose_of(choice: &str) -> Whose {
    if choice.is_empty() {
        Whose::Everyone
    } else {
        Whose::Owner(Id::new(choice))
    }
}

#[component]
pub fn WeekPage() -> impl IntoView {
    let state = use_app();
    let today = state.today;
    // Someone no longer in the team is nobody: everyone's week is shown.
    let me = browser::read_me()
        .filter(|id| state.workspace.with_untracked(|ws| ws.member(id).is_some()));
    let show = RwSignal::new(me.as_ref().map(|m| m.to_string()).unwrap_or_default());
    let groups = Memo::new(move |_| {
        let whose = whose_of(&show.get());
        state.workspace.with(|ws| agenda(ws, &whose, today))
    });
    let chose = me.is_some();
    let owners = move || {
        state.workspace.with(|ws| {
            ws.team
                .iter()
                .map(|m| {
                    let id = m.id.to_string();
                    let text = if me.as_ref() == Some(&m.id) {
                        format!("My accounts ({})", m.name)
                    } else {
                        m.name.clone()
                    };
                    view! { <option value=id.clone() selected=move || show.get() == id>{text}</option> }
                })
                .collect_view()
        })
    };
    let error = RwSignal::new(None::<String>);
    let download = move |_| {
        let whose = whose_of(&show.get_untracked());
        let text = state
            .workspace
            .with_untracked(|ws| ics::agenda_ics(ws, &whose, Utc::now()));
        let name = export_file_name("agenda", today, "ics");
        let result = browser::download_text(&name, "text/calendar;charset=utf-8", &text);
        error.set(
            result
                .err()
                .map(|e| format!("The calendar could not be saved: {e}")),
        );
    };
    view! {
        <section class="page week" aria-labelledby="week-heading">
            <h1 id="week-heading">"My week"</h1>
            {(!chose).then(|| view! {
                <p class="hint">
                    "Say who you are in " <a href=href_for(&[("page", "settings")])>"Settings"</a>
                    " to see your own accounts first."
                </p>
            })}
            <div class="toolbar">
                <label for="week-show">"Show"</label>
                <select id="week-show" on:change=move |ev| show.set(event_target_value(&ev))>
                    <option value="" selected=move || show.get().is_empty()>"Everyone"</option>
                    {owners}
                </select>
                <button type="button" class="secondary" on:click=download>"Download calendar (.ics)"</button>
            </div>
            {move || error.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
            <p class="hint" aria-live="polite">
                {move || match count(&groups.get()) {
                    0 => "Nothing due: a clear week.".to_string(),
                    1 => "1 thing to do.".to_string(),
                    n => format!("{n} things to do."),
                }}
            </p>
            {move || {
                groups
                    .get()
                    .into_iter()
                    .filter(|g| !g.items.is_empty())
                    .map(|g| {
                        let heading = format!("week-{}", g.kind as usize);
                            let labelled_by = heading.clone();
                        view! {
                            <section class="card" aria-labelledby=labelled_by>
                                <h2 id=heading>{format!("{} ({})", g.kind.label(), g.items.len())}</h2>
                                <ul class="agenda">
                                    {g.items.into_iter().map(|i| view! { <AgendaItem item=i state today /> }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </section>
    }
}

fn when(kind: Kind, date: Option<NaiveDate>, today: NaiveDate) -> String {
    match (kind, date) {
        (Kind::MeasureCheck, None) => "never checked".into(),
        (Kind::DecisionMaker, None) => "never touched".into(),
        (Kind::DecisionMaker, Some(d)) => format!("last touched {d}"),
        (_, Some(d)) if d == today => "today".into(),
        (_, Some(d)) if d < today => format!("{d} ({} days ago)", (today - d).num_days()),
        (_, Some(d)) => d.to_string(),
        (_, None) => String::new(),
    }
}

/// One line of the agenda: its link, its date, and for actions and meetings what can be
/// done from here.
#[component]
fn AgendaItem(item: Item, state: AppState, today: NaiveDate) -> impl IntoView {
    let href = href_for(&[
        ("account", item.account.as_str()),
        ("section", item.part.slug()),
    ]);
    let text = format!("{} — {}", item.title, item.account_name);
    let date = when(item.kind, item.date, today);
    let is_action = matches!(item.kind, Kind::OverdueAction | Kind::ActionThisWeek);
    let movable = is_action || item.kind == Kind::Meeting;
    let (account, entity) = (item.account.clone(), item.entity.clone());
    let done = {
        let (account, entity, title) = (account.clone(), entity.clone(), item.title.clone());
        is_action.then(move || {
            let mark = move |_| {
                state.update_account(&account, |a| {
                    if let Some(x) = a.plan.actions.iter_mut().find(|x| Some(&x.id) == entity.as_ref()) {
                        x.status = ActionStatus::Done;
                        x.completed_on = Some(today);
                    }
                })
            };
            view! {
                <button type="button" class="secondary" aria-label=format!("Mark done: {title}") on:click=mark>
                    "Mark done"
                </button>
            }
        })
    };
    let mover = movable.then(move || {
        let label = format!("Move {} to", item.title);
        let value = item
            .date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let kind = item.kind;
        let moved = move |ev| {
            let Ok(day) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") else {
                return;
            };
            state.update_account(&account, |a| {
                let plan = &mut a.plan;
                if kind == Kind::Meeting {
                    if let Some(m) = plan
                        .cadence
                        .iter_mut()
                        .find(|m| Some(&m.id) == entity.as_ref())
                    {
                        m.next_date = Some(day);
                    }
                } else if let Some(x) = plan
                    .actions
                    .iter_mut()
                    .find(|x| Some(&x.id) == entity.as_ref())
                {
                    x.due = Some(day);
                }
            })
        };
        view! { <input type="date" aria-label=label prop:value=value on:change=moved /> }
    });
    view! {
        <li>
            <a href=href>{text}</a>
            " "
            <span class="when">{date}</span>
            {done}
            {mover}
        </li>
    }
}
