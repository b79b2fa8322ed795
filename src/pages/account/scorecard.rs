//! The scorecard: the account's health with each component's score, weight and reason,
//! the next best actions that would raise it most (each a link to where it is done), the
//! rut warning with this week's challenge, the coverage grid and the trend.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::charts::trend::TrendChart;
use crate::domain::advice::{next_best_actions, NextBestAction};
use crate::domain::coverage::{coverage_grid, rut, RutReport};
use crate::domain::model::{Account, Bands, Id};
use crate::domain::scoring::{score_account, trend, Scorecard, Trend};
use crate::format::{band_class, band_label};
use crate::nav::href_for;
use crate::state::use_app;

#[component]
pub fn ScorecardSection(id: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let account = {
        let id = id.clone();
        Memo::new(move |_| state.workspace.with(|ws| ws.account(&id).cloned()))
    };
    let settings = Memo::new(move |_| state.workspace.with(|ws| ws.settings.clone()));
    let card = Memo::new(move |_| {
        account.with(|a| {
            a.as_ref()
                .map(|a| settings.with(|s| score_account(a, s, today)))
        })
    });
    let nba = Memo::new(move |_| {
        account.with(|a| {
            a.as_ref()
                .map(|a| settings.with(|s| next_best_actions(a, s, today)))
                .unwrap_or_default()
        })
    });
    let rut_report = Memo::new(move |_| {
        account.with(|a| {
            a.as_ref()
                .map(|a| settings.with(|s| rut(&a.plan, s, today)))
        })
    });
    let trend_points = trend_points(account, card, today);
    let bands = state.workspace.with_untracked(|ws| ws.settings.bands);
    view! {
        <section class="card scorecard" aria-labelledby="scorecard-heading">
            <h2 id="scorecard-heading">"Scorecard"</h2>
            {move || card.get().map(|c| {
                let t = account.with(|a| a.as_ref().map(|a| trend(&a.plan, c.overall)).unwrap_or(Trend::Unknown));
                let trend_text = match t {
                    Trend::Up => "up since the last review",
                    Trend::Down => "down since the last review",
                    Trend::Flat => "flat since the last review",
                    Trend::Unknown => "no earlier review to compare",
                };
                view! {
                    <p class=format!("overall band-{}", band_class(c.band))>
                        <span class="overall-score">{c.overall.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</span>
                        <span class="overall-band">{match c.band { None => "Not enough data", b => band_label(b) }}</span>
                        <span class="hint">{trend_text}</span>
                    </p>
                }
            })}
            <ScoreComponents id=id.clone() card bands />
            <NextBestActions id=id.clone() nba />
            <RutNotice report=rut_report />
            <section aria-labelledby="trend-heading">
                <h3 id="trend-heading">"Trend"</h3>
                <TrendChart points=trend_points bands />
            </section>
            <CoverageGrid id=id.clone() />
        </section>
    }
}

/// The address of one of the account's plan sections.
fn section_href(account: &Id, slug: &str) -> String {
    href_for(&[("account", account.as_str()), ("section", slug)])
}

/// The trend chart's points: the overall score saved with each review held up to `today`,
/// oldest first, then the score now.
fn trend_points(
    account: Memo<Option<Account>>,
    card: Memo<Option<Scorecard>>,
    today: NaiveDate,
) -> Signal<Vec<(NaiveDate, u8)>> {
    Signal::derive(move || {
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            let mut pts: Vec<(NaiveDate, u8)> = a
                .plan
                .reviews
                .iter()
                .filter_map(|r| Some((r.date?, r.snapshot.as_ref()?.overall?)))
                // A review held today is a point of its own, next to the score now.
                .filter(|(d, _)| *d <= today)
                .collect();
            pts.sort_unstable();
            if let Some(now) = card.with(|c| c.as_ref().and_then(|c| c.overall)) {
                pts.push((today, now));
            }
            pts
        })
    })
}

/// Each score component's score, weight and reason, named by a link to its section.
#[component]
fn ScoreComponents(id: Id, card: Memo<Option<Scorecard>>, bands: Bands) -> impl IntoView {
    view! {
        <table class="table components">
            <caption>"Score components"</caption>
            <thead><tr><th scope="col">"Component"</th><th scope="col">"Score"</th><th scope="col">"Weight"</th><th scope="col">"Why"</th></tr></thead>
            <tbody>
                {move || card.get().map(|c| c.components.into_iter().map(|comp| {
                    let href = section_href(&id, comp.section.slug());
                    view! {
                        <tr>
                            <th scope="row"><a href=href>{comp.kind.label()}</a></th>
                            <td class=format!("score band-{}", band_class(comp.score.map(|s| crate::domain::scoring::band_for(s, &bands))))>
                                {comp.score.map(|s| s.to_string()).unwrap_or_else(|| "No data".into())}
                            </td>
                            <td>{if comp.weight > 0.0 { format!("{:.0}%", comp.weight * 100.0) } else { "—".into() }}</td>
                            <td>{comp.explanation}</td>
                        </tr>
                    }
                }).collect_view())}
            </tbody>
        </table>
    }
}

/// The first eight course corrections, each a link to where it is done, with its gain.
#[component]
fn NextBestActions(id: Id, nba: Memo<Vec<NextBestAction>>) -> impl IntoView {
    view! {
        <section aria-labelledby="nba-heading">
            <h3 id="nba-heading">"Next best actions"</h3>
            {move || {
                let list = nba.get();
                if list.is_empty() {
                    return view! { <p class="hint">"Nothing to correct: the plan is in good shape."</p> }.into_any();
                }
                view! {
                    <ol class="nba">
                        {list.into_iter().take(8).map(|n| {
                            let href = section_href(&id, n.section.slug());
                            let gain = if n.estimated_gain > 0.0 { format!("+{:.1} points", n.estimated_gain) } else { "keeps the plan honest".to_string() };
                            view! {
                                <li>
                                    <a href=href class="nba-link">{n.title.clone()}</a>
                                    <span class="hint">{format!(" {} · {}", n.component.label(), gain)}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// The rut warning, or only this week's challenge when the plan is not in a rut.
#[component]
fn RutNotice(report: Memo<Option<RutReport>>) -> impl IntoView {
    move || {
        report.get().filter(|r| r.in_rut || r.challenge.is_some()).map(|r| view! {
        <section class=if r.in_rut { "rut rut-warning" } else { "rut" } aria-labelledby="rut-heading" role=if r.in_rut { "alert" } else { "region" }>
            <h3 id="rut-heading">{if r.in_rut { "In a rut" } else { "This week's challenge" }}</h3>
            <ul>{r.reasons.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
            <p class="hint">{format!("Last 90 days: {} touches; the top two contacts hold {:.0}%; concentration index (HHI) {:.2}.", r.touches, r.top_two_share * 100.0, r.herfindahl)}</p>
            {r.challenge.map(|c| view! { <p><strong>"Challenge: "</strong>{c}</p> })}
        </section>
    })
    }
}

/// Departments × levels, each cell listing its contacts and how recently we engaged them.
#[component]
fn CoverageGrid(id: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let grid = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.account(&id)
                .map(|a| coverage_grid(&a.plan, &ws.settings, today))
        })
    });
    move || {
        grid.get().map(|g| {
        let levels = g.levels.clone();
        view! {
            <section aria-labelledby="coverage-heading">
                <h3 id="coverage-heading">"Coverage"</h3>
                <p class="hint">{format!("{} of {} cells engaged in the last 90 days.", g.engaged_cells, g.counted_cells)}</p>
                <div class="table-scroll">
                    <table class="table coverage-grid">
                        <caption class="visually-hidden">"Coverage: departments by levels"</caption>
                        <thead><tr><th scope="col">"Department"</th>{levels.iter().map(|l| view! { <th scope="col">{l.name.clone()}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {g.departments.iter().zip(g.cells.iter()).map(|(d, row)| view! {
                                <tr>
                                    <th scope="row">{d.name.clone()}</th>
                                    {row.iter().map(|cell| {
                                        let class = if !cell.counts { "cov-off" } else if cell.engaged { "cov-engaged" } else if cell.contacts.is_empty() { "cov-empty" } else { "cov-cold" };
                                        view! {
                                            <td class=class>
                                                {if cell.contacts.is_empty() { view! { <span class="hint">"—"</span> }.into_any() } else {
                                                    view! { <ul class="cell-contacts">{cell.contacts.iter().map(|c| view! {
                                                        <li>{if c.name.is_empty() { "Unnamed".to_string() } else { c.name.clone() }}
                                                            <span class="hint">{c.days_since.map(|d| format!(" · {d} d")).unwrap_or_else(|| " · never".into())}</span></li>
                                                    }).collect_view()}</ul> }.into_any()
                                                }}
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }
    })
    }
}
