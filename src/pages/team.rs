//! The team view, for a leader: every owner's accounts with their scores, plans too thin
//! to judge (Incomplete, counted apart), overdue reviews and overdue actions, sortable;
//! and a group walk-through that steps through the plans one by one
//! (`?page=team&walk=<account id>`, so back/forward and reload keep the place).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::sort_header::SortHeader;
use crate::components::undo_notice::in_text_field;
use crate::domain::advice::next_best_actions;
use crate::domain::model::Id;
use crate::domain::portfolio::{self, PortfolioRow};
use crate::domain::scoring::score_account;
use crate::domain::team::{
    by_owner, sort_owners, sort_rows, walk_order, walk_position, AccountSort, OwnerSort,
    OwnerSummary,
};
use crate::format::{band_class, band_label};
use crate::nav::{href_for, navigate_to};
use crate::state::use_app;

fn walk_href(id: &Id) -> String {
    href_for(&[("page", "team"), ("walk", id.as_str())])
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let query = use_query_map();
    let walk_at = Memo::new(move |_| query.with(|q| q.get("walk")));
    let walking = Memo::new(move |_| walk_at.with(Option::is_some));
    let rows = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| portfolio::portfolio(ws, today).rows)
    });
    let owner_sort = RwSignal::new((OwnerSort::Name, true));
    let account_sort = RwSignal::new((AccountSort::Score, true));
    let owners = Memo::new(move |_| {
        let mut list = rows.with(|r| by_owner(r));
        let (by, asc) = owner_sort.get();
        sort_owners(&mut list, by, asc);
        let (by, asc) = account_sort.get();
        for o in &mut list {
            sort_rows(&mut o.rows, by, asc);
        }
        list
    });
    let order = Memo::new(move |_| owners.with(|o| walk_order(o)));
    view! {
        <section class="page" aria-labelledby="team-heading">
            <h1 id="team-heading">"Team view"</h1>
            {move || if walking.get() {
                view! { <Walkthrough order walk_at /> }.into_any()
            } else {
                view! { <Overview owners owner_sort account_sort order /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Overview(
    owners: Memo<Vec<OwnerSummary>>,
    owner_sort: RwSignal<(OwnerSort, bool)>,
    account_sort: RwSignal<(AccountSort, bool)>,
    order: Memo<Vec<Id>>,
) -> impl IntoView {
    let state = use_app();
    let bands = Memo::new(move |_| state.workspace.with(|ws| ws.settings.bands));
    let start = move |_| {
        if let Some(first) = order.with_untracked(|o| o.first().cloned()) {
            navigate_to(&walk_href(&first));
        }
    };
    view! {
        <Show
            when=move || owners.with(|o| !o.is_empty())
            fallback=|| view! { <p class="empty-state">"No accounts yet: the team view lists each owner's accounts once there are some."</p> }
        >
            <div class="toolbar">
                <button type="button" on:click=start>"Walk through the plans"</button>
                <span class="hint">"Step through every plan, one by one, in the order below: for a team review."</span>
            </div>
            <div class="table-scroll" role="region" aria-label="Owners" tabindex="0">
                <table class="table team-owners">
                    <caption>"Owners"</caption>
                    <thead>
                        <tr>
                            <SortHeader label="Owner" col=OwnerSort::Name sort=owner_sort ascending_first=true />
                            <SortHeader label="Accounts" col=OwnerSort::Accounts sort=owner_sort ascending_first=false />
                            <SortHeader label="Average score" col=OwnerSort::AverageScore sort=owner_sort ascending_first=true />
                            <SortHeader label="Red" col=OwnerSort::Red sort=owner_sort ascending_first=false />
                            <SortHeader label="Incomplete" col=OwnerSort::Incomplete sort=owner_sort ascending_first=false />
                            <SortHeader label="Overdue reviews" col=OwnerSort::OverdueReviews sort=owner_sort ascending_first=false />
                            <SortHeader label="Overdue actions" col=OwnerSort::OverdueActions sort=owner_sort ascending_first=false />
                        </tr>
                    </thead>
                    <tbody>
                        {move || owners.get().into_iter().map(|o| {
                            let band = o.average_score.map(|s| crate::domain::scoring::band_for(s, &bands.get()));
                            view! {
                                <tr>
                                    <th scope="row">{o.name.clone()}</th>
                                    <td>{o.accounts}</td>
                                    <td class=format!("score band-{}", band_class(band))>{o.average_score.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</td>
                                    <td>{o.red}</td>
                                    <td>{o.incomplete}</td>
                                    <td class:overdue={o.overdue_reviews > 0}>{o.overdue_reviews}</td>
                                    <td class:overdue={o.overdue_actions > 0}>{o.overdue_actions}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || owners.get().into_iter().enumerate().map(|(i, o)| view! {
                <OwnerAccounts index=i owner=o sort=account_sort />
            }).collect_view()}
        </Show>
    }
}

/// One owner's accounts.
#[component]
fn OwnerAccounts(
    index: usize,
    owner: OwnerSummary,
    sort: RwSignal<(AccountSort, bool)>,
) -> impl IntoView {
    let heading = format!("owner-{index}-heading");
    let labelledby = heading.clone();
    let summary = format!(
        "{} account{} · {} incomplete · {} with overdue reviews · {} overdue action{}",
        owner.accounts,
        if owner.accounts == 1 { "" } else { "s" },
        owner.incomplete,
        owner.overdue_reviews,
        owner.overdue_actions,
        if owner.overdue_actions == 1 { "" } else { "s" }
    );
    view! {
        <section class="subsection" aria-labelledby=labelledby>
            <h2 id=heading>{owner.name.clone()}</h2>
            <p class="hint">{summary}</p>
            <div class="table-scroll" role="region" aria-label=format!("Accounts of {}", owner.name) tabindex="0">
                <table class="table team-accounts">
                    <caption class="visually-hidden">{format!("Accounts of {}", owner.name)}</caption>
                    <thead>
                        <tr>
                            <SortHeader label="Account" col=AccountSort::Name sort ascending_first=true />
                            <SortHeader label="Score" col=AccountSort::Score sort ascending_first=true />
                            <th scope="col">"Band"</th>
                            <SortHeader label="Overdue review" col=AccountSort::OverdueReviews sort ascending_first=false />
                            <SortHeader label="Overdue actions" col=AccountSort::OverdueActions sort ascending_first=false />
                        </tr>
                    </thead>
                    <tbody>
                        {owner.rows.into_iter().map(|r| view! { <AccountRow r /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn AccountRow(r: PortfolioRow) -> impl IntoView {
    let href = href_for(&[("account", r.id.as_str())]);
    let reviews_href = href_for(&[("account", r.id.as_str()), ("section", "reviews")]);
    let actions_href = href_for(&[("account", r.id.as_str()), ("section", "actions")]);
    let review = if r.stale {
        format!(
            "{} part{} overdue",
            r.stale_parts,
            if r.stale_parts == 1 { "" } else { "s" }
        )
    } else if let Some(next) = r.next_review {
        format!("On time (next {next})")
    } else {
        "Nothing started to review".to_string()
    };
    view! {
        <tr>
            <th scope="row"><a href=href>{r.name.clone()}</a></th>
            <td class=format!("score band-{}", band_class(r.band))>{r.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td>{band_label(r.band)}</td>
            <td class:overdue=r.stale>
                {if r.stale { view! { <a href=reviews_href>{review}</a> }.into_any() } else { view! { <span>{review}</span> }.into_any() }}
            </td>
            <td class:overdue={r.overdue_actions > 0}>
                {if r.overdue_actions > 0 { view! { <a href=actions_href>{r.overdue_actions}</a> }.into_any() } else { view! { <span>"0"</span> }.into_any() }}
            </td>
        </tr>
    }
}

/// The group walk-through: one plan at a time, Previous/Next (and ← →) to move.
#[component]
fn Walkthrough(order: Memo<Vec<Id>>, walk_at: Memo<Option<String>>) -> impl IntoView {
    let position = Memo::new(move |_| {
        let at = walk_at.get().map(Id::new);
        order.with(|o| walk_position(o, at.as_ref()))
    });
    let go = move |target: Option<Id>| {
        if let Some(id) = target {
            navigate_to(&walk_href(&id));
        }
    };
    let previous =
        move || go(position.with_untracked(|p| p.as_ref().and_then(|p| p.previous.clone())));
    let next = move || go(position.with_untracked(|p| p.as_ref().and_then(|p| p.next.clone())));
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.shift_key() || in_text_field() {
            return;
        }
        match ev.key().as_str() {
            "ArrowLeft" => {
                ev.prevent_default();
                previous();
            }
            "ArrowRight" => {
                ev.prevent_default();
                next();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    let status = move || {
        position
            .get()
            .map(|p| format!("Plan {} of {}", p.index + 1, p.total))
            .unwrap_or_else(|| "No plans to walk through".into())
    };
    view! {
        <section class="walkthrough" aria-labelledby="walk-heading">
            <div class="section-head">
                <h2 id="walk-heading" aria-live="polite">{status}</h2>
                <a href=href_for(&[("page", "team")])>"Leave the walk-through"</a>
            </div>
            <div class="button-row">
                <button type="button" class="secondary" aria-keyshortcuts="ArrowLeft"
                    disabled=move || position.with(|p| p.as_ref().is_none_or(|p| p.previous.is_none()))
                    on:click=move |_| previous()>
                    "Previous plan"
                </button>
                <button type="button" aria-keyshortcuts="ArrowRight"
                    disabled=move || position.with(|p| p.as_ref().is_none_or(|p| p.next.is_none()))
                    on:click=move |_| next()>
                    "Next plan"
                </button>
                <span class="hint">"Or press ← and →."</span>
            </div>
            {move || position.get().map(|p| view! { <WalkCard id=p.current /> })}
        </section>
    }
}

/// One plan in the walk-through: its scorecard summary and next best actions.
#[component]
fn WalkCard(id: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let data = {
        let id = id.clone();
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                let a = ws.account(&id)?;
                let owner = a
                    .owner
                    .as_ref()
                    .and_then(|o| ws.member(o))
                    .map(|m| m.name.clone())
                    .unwrap_or_else(|| crate::domain::team::UNASSIGNED.into());
                let card = score_account(a, &ws.settings, today);
                let nba = next_best_actions(a, &ws.settings, today);
                Some((a.name.clone(), owner, card, nba))
            })
        })
    };
    let plan_href = move |slug: &str| href_for(&[("account", id.as_str()), ("section", slug)]);
    move || {
        let plan_href = plan_href.clone();
        data.get().map(|(name, owner, card, nba)| {
            view! {
                <article class="card walk-card" aria-labelledby="walk-account-heading">
                    <h3 id="walk-account-heading">{name.clone()}</h3>
                    <p class="hint">{format!("Owner: {owner}")}</p>
                    <p class=format!("overall band-{}", band_class(card.band))>
                        <span class="overall-score">{card.overall.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</span>
                        <span class="overall-band">{match card.band { None => "Not enough data", b => band_label(b) }}</span>
                        <span class="hint">{card.measured_text()}</span>
                    </p>
                    <div class="table-scroll" role="region" aria-label=format!("Scorecard of {name}") tabindex="0">
                    <table class="table">
                        <caption>{format!("Scorecard of {name}")}</caption>
                        <thead><tr><th scope="col">"Component"</th><th scope="col">"Score"</th><th scope="col">"Why"</th></tr></thead>
                        <tbody>
                            {card.components.into_iter().map(|c| view! {
                                <tr>
                                    <th scope="row">{c.kind.label()}</th>
                                    <td>{c.score.map(|s| s.to_string()).unwrap_or_else(|| "No data".into())}</td>
                                    <td>{c.explanation}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    <h4>"Next best actions"</h4>
                    {if nba.is_empty() {
                        view! { <p class="hint">"Nothing to correct: the plan is in good shape."</p> }.into_any()
                    } else {
                        view! {
                            <ol class="nba">
                                {nba.into_iter().take(5).map(|n| {
                                    view! {
                                        <li class:fill-in=!n.unlocks.is_empty()>
                                            <a href=plan_href(n.section.slug())>{n.title.clone()}</a>
                                            <span class="hint">{format!(" {}", n.note())}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                    <p><a href=plan_href("scorecard")>{format!("Open the plan of {name}")}</a></p>
                </article>
            }
        })
    }
}
