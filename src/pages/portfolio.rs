//! The portfolio: every account at a glance — score and band (Incomplete for a plan too
//! thin to judge, sorted and counted apart), trend, how much of the plan is filled in,
//! revenue against the commitment, renewal countdown, next review and staleness —
//! sortable on every column, filterable, searchable, with the totals on top. Accounts are
//! added, renamed, archived and deleted (with undo) here.

use leptos::prelude::*;

use crate::components::sort_header::SortHeader;
use crate::domain::model::{Band, Id, Segment};
use crate::domain::portfolio::{self, PortfolioRow};
use crate::domain::scoring::Trend;
use crate::format::{band_class, band_label};
use crate::nav::href_for;
use crate::state::use_app;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Name,
    Segment,
    Owner,
    Score,
    Trend,
    Filled,
    Revenue,
    Renewal,
    Review,
}

const COLUMNS: [(Column, &str); 9] = [
    (Column::Name, "Account"),
    (Column::Segment, "Segment"),
    (Column::Owner, "Owner"),
    (Column::Score, "Score"),
    (Column::Trend, "Trend"),
    (Column::Filled, "Plan filled in"),
    (Column::Revenue, "Actuals / commitment"),
    (Column::Renewal, "Renewal"),
    (Column::Review, "Next review"),
];

fn trend_arrow(t: Trend) -> (&'static str, &'static str) {
    match t {
        Trend::Up => ("↑", "Up since the last review"),
        Trend::Down => ("↓", "Down since the last review"),
        Trend::Flat => ("→", "Flat since the last review"),
        Trend::Unknown => ("·", "No earlier review to compare"),
    }
}

/// `a` against `b` on `col`, ascending; by score, the judged plans always come before the
/// incomplete ones (`portfolio::by_score`), so `ascending` is passed to it.
fn compare(a: &PortfolioRow, b: &PortfolioRow, col: Column, ascending: bool) -> std::cmp::Ordering {
    let trend_rank = |t: Trend| match t {
        Trend::Down => 0,
        Trend::Flat => 1,
        Trend::Up => 2,
        Trend::Unknown => 3,
    };
    let ratio = |r: &PortfolioRow| {
        if r.commitment > 0.0 {
            r.actuals / r.commitment
        } else {
            -1.0
        }
    };
    let primary = match col {
        Column::Score => {
            return portfolio::by_score(a, b, ascending).then_with(|| a.name.cmp(&b.name))
        }
        Column::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        Column::Segment => a.segment.cmp(&b.segment),
        Column::Owner => a
            .owner_name
            .to_lowercase()
            .cmp(&b.owner_name.to_lowercase()),
        Column::Trend => trend_rank(a.trend).cmp(&trend_rank(b.trend)),
        Column::Filled => a.started.len().cmp(&b.started.len()),
        Column::Revenue => ratio(a).total_cmp(&ratio(b)),
        Column::Renewal => a
            .renewal_in_days
            .unwrap_or(i64::MAX)
            .cmp(&b.renewal_in_days.unwrap_or(i64::MAX)),
        Column::Review => a
            .next_review
            .unwrap_or(chrono::NaiveDate::MAX)
            .cmp(&b.next_review.unwrap_or(chrono::NaiveDate::MAX)),
    }
    .then_with(|| a.name.cmp(&b.name));
    if ascending {
        primary
    } else {
        primary.reverse()
    }
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let state = use_app();
    // While the start decodes plans, the accounts not decoded yet show their summaries.
    let data = Memo::new(move |_| state.portfolio());
    let search = RwSignal::new(String::new());
    let segment = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let band = RwSignal::new(String::new());
    let sort = RwSignal::new((Column::Score, false));
    // Rows in the document: a page at a time, so that a portfolio of a thousand accounts
    // opens, sorts and filters at once; the summary and the filters always cover them all.
    let shown = RwSignal::new(PAGE);
    // Rows are put in the document a screenful per turn of the page, so that neither a
    // start nor "Show all" keeps the page busy for long at a time.
    let rendered = RwSignal::new(STEP);
    let rows = Memo::new(move |_| {
        let q = search.get().trim().to_lowercase();
        let (seg, own, bnd) = (segment.get(), owner.get(), band.get());
        let (col, ascending) = sort.get();
        data.with(|p| {
            let mut rows: Vec<PortfolioRow> = p
                .rows
                .iter()
                .filter(|r| q.is_empty() || r.name.to_lowercase().contains(&q))
                .filter(|r| seg.is_empty() || r.segment.label() == seg)
                .filter(|r| {
                    own.is_empty() || r.owner.as_ref().map(|o| o.as_str()) == Some(own.as_str())
                })
                .filter(|r| bnd.is_empty() || band_label(r.band) == bnd)
                .cloned()
                .collect();
            rows.sort_by(|a, b| compare(a, b, col, ascending));
            rows
        })
    });
    let owners = Signal::derive(move || {
        state.workspace.with(|ws| {
            ws.team
                .iter()
                .map(|m| (m.id.to_string(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let has_accounts = move || data.with(|p| !p.rows.is_empty());
    // Archived accounts are out of the rows; a link lists them (a page of its own, so a
    // reload stays on the list).
    let archived = Memo::new(move |_| {
        let decoded = state
            .workspace
            .with(|ws| ws.accounts.iter().filter(|a| a.archived).count());
        let pending = state.loading.with(|p| {
            p.as_ref()
                .map_or(0, |p| p.iter().filter(|(_, s)| s.archived).count())
        });
        decoded + pending
    });
    Effect::new(move |marked: Option<bool>| {
        let target = shown.get().min(rows.with(Vec::len));
        if rendered.get() < target {
            set_timeout(
                move || rendered.try_update(|n| *n += STEP).unwrap_or_default(),
                std::time::Duration::ZERO,
            );
            return marked.unwrap_or(false);
        }
        // `make bench` times the load to this mark: the first page of rows in the document.
        if marked != Some(true) {
            crate::state::mark_after_paint("portfolio-interactive");
        }
        true
    });
    view! {
        <section class="page" aria-labelledby="portfolio-heading">
            <h1 id="portfolio-heading">"Portfolio"</h1>
            <Summary data />
            <AddAccountForm />
            {move || {
                let n = archived.get();
                (n > 0).then(|| view! {
                    <p class="archived-link">
                        <a href=href_for(&[("page", crate::pages::ARCHIVED_PAGE)])>{format!("Show archived ({n})")}</a>
                    </p>
                })
            }}
            <Show
                when=has_accounts
                fallback=|| view! {
                    <p class="empty-state">"No accounts yet. Add your first customer account above to start its plan."</p>
                }
            >
                <div class="toolbar" role="search">
                    <label for="portfolio-search">"Search accounts"</label>
                    <input id="portfolio-search" type="search" bind:value=search />
                    <label for="filter-segment">"Segment"</label>
                    <select id="filter-segment" on:change=move |ev| segment.set(event_target_value(&ev))>
                        <option value="">"All"</option>
                        {Segment::ALL.map(|s| view! { <option value=s.label()>{s.label()}</option> })}
                    </select>
                    <label for="filter-owner">"Owner"</label>
                    <select id="filter-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                        <option value="">"Everyone"</option>
                        {move || owners.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                    <label for="filter-band">"Band"</label>
                    <select id="filter-band" on:change=move |ev| band.set(event_target_value(&ev))>
                        <option value="">"All"</option>
                        {crate::domain::model::Band::ALL.map(Some).into_iter().chain([None]).map(band_label).map(|s| view! { <option value=s>{s}</option> }).collect_view()}
                    </select>
                    <span class="hint" aria-live="polite">{move || format!("{} of {} accounts", rows.with(Vec::len), data.with(|p| p.rows.len()))}</span>
                </div>
                <div class="table-scroll" role="region" aria-label="Accounts" tabindex="0">
                    <table class="table portfolio">
                        <caption class="visually-hidden">"Accounts"</caption>
                        <thead>
                            <tr>
                                {COLUMNS.map(|(col, label)| view! {
                                    <SortHeader label col sort
                                        ascending_first=matches!(col, Column::Name | Column::Renewal | Column::Review) />
                                })}
                                <th scope="col"><span class="visually-hidden">"Manage"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.with(|r| r.iter().take(shown.get().min(rendered.get())).map(|r| r.id.clone()).collect::<Vec<_>>()) key=|id| id.clone() let:id>
                                <Row id rows />
                            </For>
                        </tbody>
                    </table>
                </div>
                <MoreRows rows shown rendered />
            </Show>
        </section>
    }
}

/// How many rows the portfolio shows at first, and adds per "Show more".
const PAGE: usize = 100;
/// How many rows go into the document per turn of the page: about a screenful.
const STEP: usize = 25;

/// "Showing 100 of 1,000 accounts" (those in the document, which `rendered` fills a
/// screenful at a time), with buttons for the next page and for all of them.
#[component]
fn MoreRows(
    rows: Memo<Vec<PortfolioRow>>,
    shown: RwSignal<usize>,
    rendered: RwSignal<usize>,
) -> impl IntoView {
    let total = move || rows.with(Vec::len);
    let in_document = move || total().min(shown.get()).min(rendered.get());
    let hidden = move || total().saturating_sub(shown.get());
    view! {
        <Show when=move || { in_document() < total() }>
            <div class="more-rows">
                <p>{move || format!("Showing the first {} of {} accounts.", in_document(), total())}</p>
                <Show when=move || { hidden() > 0 }>
                    <button type="button" on:click=move |_| shown.update(|n| *n = n.saturating_add(PAGE))>
                        {move || format!("Show {} more", hidden().min(PAGE))}
                    </button>
                    <button type="button" on:click=move |_| shown.set(usize::MAX)>
                        {move || format!("Show all {}", total())}
                    </button>
                </Show>
            </div>
        </Show>
    }
}

#[component]
fn Summary(data: Memo<portfolio::Portfolio>) -> impl IntoView {
    let t = move || data.with(|p| p.totals.clone());
    // While plans are still being decoded, a figure would leave accounts out: "…" instead.
    let figure = move |f: fn(&portfolio::PortfolioTotals) -> String| {
        move || {
            let t = t();
            if t.pending > 0 {
                "…".to_string()
            } else {
                f(&t)
            }
        }
    };
    let money = crate::state::use_money();
    let sum = move |f: fn(&portfolio::PortfolioTotals) -> f64| {
        move || {
            let t = t();
            if t.pending > 0 {
                "…".to_string()
            } else {
                money(f(&t))
            }
        }
    };
    view! {
        <dl class="summary" aria-label="Portfolio summary" aria-busy=move || (t().pending > 0).to_string()>
            <div><dt>"Accounts"</dt><dd>{move || t().accounts}</dd></div>
            <div class="band-red"><dt>"Red"</dt><dd>{figure(|t| t.red.to_string())}</dd></div>
            <div class="band-amber"><dt>"Amber"</dt><dd>{figure(|t| t.amber.to_string())}</dd></div>
            <div class="band-green"><dt>"Green"</dt><dd>{figure(|t| t.green.to_string())}</dd></div>
            <div class="band-incomplete"><dt>"Incomplete"</dt><dd>{figure(|t| t.incomplete.to_string())}</dd></div>
            <div><dt>"Commitment"</dt><dd>{sum(|t| t.commitment)}</dd></div>
            <div><dt>"Actuals"</dt><dd>{sum(|t| t.actuals)}</dd></div>
            <div><dt>"Pipeline (weighted)"</dt><dd>{sum(|t| t.pipeline)}</dd></div>
            <div><dt>"Open white space"</dt><dd>{sum(|t| t.open_white_space)}</dd></div>
            <div><dt>"Overdue reviews"</dt><dd>{figure(|t| t.overdue_reviews.to_string())}</dd></div>
            <div><dt>"Renewals in 90 days"</dt><dd>{figure(|t| t.renewals_90_days.to_string())}</dd></div>
        </dl>
    }
}

/// One account's row. It changes in place (its score once its plan is decoded, an edit
/// here or in another tab) rather than being made again, so a rename in progress survives.
#[component]
fn Row(id: Id, rows: Memo<Vec<PortfolioRow>>) -> impl IntoView {
    let state = use_app();
    let row = Memo::new({
        let id = id.clone();
        move |_| rows.with(|rs| rs.iter().find(|r| r.id == id).cloned())
    });
    let name = move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    let href = href_for(&[("account", id.as_str())]);
    let (rename_id, archive_id, delete_id) = (id.clone(), id.clone(), id.clone());
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let input_id = format!("rename-{id}");
    view! {
        <tr>
            <th scope="row">
                {move || if renaming.get() {
                    let rename_id = rename_id.clone();
                    view! {
                        <form class="inline-form" on:submit=move |ev| {
                            ev.prevent_default();
                            let v = new_name.get_untracked().trim().to_string();
                            if !v.is_empty() {
                                state.update_account(&rename_id, |a| a.name = v);
                            }
                            renaming.set(false);
                        }>
                            <label class="visually-hidden" for=input_id.clone()>"New name"</label>
                            <input id=input_id.clone() type="text" bind:value=new_name />
                            <button type="submit">"Save"</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <a href=href.clone()>{name}</a> }.into_any()
                }}
                {move || row.with(|r| r.as_ref().filter(|r| r.stale).map(|r| view! {
                    <span class="stale-marker" title=format!("{} plan parts overdue for review", r.stale_parts)>"Stale"</span>
                }))}
            </th>
            {move || row.with(|r| r.as_ref().map(cells))}
            <td class="row-actions">
                <button type="button" class="link" aria-label=move || format!("Rename {}", name())
                    on:click=move |_| { new_name.set(name()); renaming.set(true) }>"Rename"</button>
                <button type="button" class="link" aria-label=move || format!("Archive {}", name()) on:click=move |_| state.archive_account(&archive_id)>"Archive"</button>
                <button type="button" class="link danger-text" aria-label=move || format!("Delete {}", name()) on:click=move |_| state.delete_account(&delete_id)>"Delete"</button>
            </td>
        </tr>
    }
}

/// A row's cells from its segment to its next review: "…" for the figures of an account
/// whose plan is still being decoded.
fn cells(r: &PortfolioRow) -> AnyView {
    let money = crate::state::use_money();
    let owner = if r.owner_name.is_empty() {
        "—".to_string()
    } else {
        r.owner_name.clone()
    };
    let known = view! {
        <td>{r.segment.label()}</td>
        <td>{owner}</td>
    };
    if r.pending {
        return view! {
            {known}
            <td class="score pending" aria-busy="true">"…"<span class="visually-hidden">" (scoring)"</span></td>
            <td aria-busy="true">"…"</td>
            <td aria-busy="true">"…"</td>
            <td aria-busy="true">"…"</td>
            <td aria-busy="true">"…"</td>
            <td aria-busy="true">"…"</td>
        }
        .into_any();
    }
    let (arrow, arrow_label) = trend_arrow(r.trend);
    let renewal = match r.renewal_in_days {
        Some(d) if d < 0 => format!("Ended {} days ago", -d),
        Some(d) => format!("{d} days"),
        None => "—".into(),
    };
    let renewal_soon = r.renewal_in_days.is_some_and(|d| (0..=90).contains(&d));
    let revenue = if r.commitment > 0.0 {
        format!("{} / {}", money(r.actuals), money(r.commitment))
    } else {
        "—".into()
    };
    view! {
        {known}
        <td class=format!("score band-{}", band_class(r.band))>
            {r.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}
            // Incomplete is said in words, not in a colour alone; the bands' colours have
            // their names for screen readers.
            {if r.band == Some(Band::Incomplete) {
                view! { <span class="band-tag">" incomplete"</span> }.into_any()
            } else {
                view! { <span class="visually-hidden">{format!(" ({})", band_label(r.band))}</span> }.into_any()
            }}
        </td>
        <td><span aria-label=arrow_label title=arrow_label>{arrow}</span></td>
        {filled_cell(r)}
        <td>{revenue}</td>
        <td class:overdue=renewal_soon>{renewal}</td>
        <td>{r.next_review.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</td>
    }
    .into_any()
}

/// "4 of 11": the parts of the plan started, the ones not started named on hover and to
/// screen readers.
fn filled_cell(r: &PortfolioRow) -> impl IntoView {
    let total = crate::domain::model::PlanPart::ALL.len();
    let started = r.started.len();
    let missing = (started < total).then(|| {
        let names: Vec<&str> = r.started.missing().map(|p| p.label()).collect();
        format!("Not started: {}", names.join(", "))
    });
    let hidden = missing.clone();
    view! {
        <td class="filled" title=missing>
            {format!("{started} of {total}")}
            {hidden.map(|m| view! { <span class="visually-hidden">{format!(" ({m})")}</span> })}
        </td>
    }
}

/// Adds an account by name; an empty name gets a message next to the field.
#[component]
fn AddAccountForm() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.add_account(&name.get_untracked()) {
            Ok(_) => {
                name.set(String::new());
                error.set(None);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="inline-form" on:submit=on_submit>
            <label for="new-account-name">"Account name"</label>
            <input
                id="new-account-name"
                type="text"
                autocomplete="off"
                bind:value=name
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby="new-account-error"
            />
            <button type="submit">"Add account"</button>
            <p id="new-account-error" class="field-error" aria-live="polite">
                {move || error.get()}
            </p>
        </form>
    }
}
