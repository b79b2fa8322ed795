//! The scorecard: the account's health with how much of the plan it stands on (or why
//! the plan is too thin to judge), each component's score, weight and reason, the next
//! best actions (what to fill in first, then what would raise the score most, each a link
//! to where it is done), the plan's completeness, the rut warning with this week's
//! challenge, the coverage grid and the trend.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::completeness::PlanCompleteness;
use crate::components::charts::trend::{TrendChart, TrendPoint};
use crate::domain::advice::{next_best_actions, NextBestAction};
use crate::domain::areas::{area_name, area_talks, AreaKind, AreaTalks};
use crate::domain::coverage::{coverage_grid, rut, RutReport};
use crate::domain::model::Band;
use crate::domain::model::{Account, Bands, Id};
use crate::domain::new_contacts::{challenge_progress, ChallengeProgress};
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
    let progress =
        Memo::new(move |_| account.with(|a| a.as_ref().map(|a| challenge_progress(a, today))));
    let trend_points = trend_points(account, card, today);
    let bands = state.workspace.with_untracked(|ws| ws.settings.bands);
    view! {
        <section class="card scorecard" aria-labelledby="scorecard-heading">
            <h2 id="scorecard-heading">"Scorecard"</h2>
            <Overall account card />
            <ScoreComponents id=id.clone() card bands />
            <NextBestActions id=id.clone() nba />
            <PlanCompleteness id=id.clone() />
            <RutNotice report=rut_report progress />
            <section aria-labelledby="trend-heading">
                <h3 id="trend-heading">"Trend"</h3>
                <TrendChart points=trend_points bands />
            </section>
            <CoverageGrid id=id.clone() />
        </section>
    }
}

/// The overall score, its band (or Incomplete, and why), what it stands on, and its trend.
#[component]
fn Overall(account: Memo<Option<Account>>, card: Memo<Option<Scorecard>>) -> impl IntoView {
    move || {
        card.get().map(|c| {
            let t = account.with(|a| {
                a.as_ref()
                    .map(|a| trend(&a.plan, c.judged_overall()))
                    .unwrap_or(Trend::Unknown)
            });
            let trend_text = match t {
                Trend::Up => "up since the last review",
                Trend::Down => "down since the last review",
                Trend::Flat => "flat since the last review",
                Trend::Unknown if c.is_incomplete() => "no trend until the plan can be judged",
                Trend::Unknown => "no earlier review to compare",
            };
            let gaps: Vec<String> = c.gaps.iter().map(|g| g.to_string()).collect();
            view! {
                <p class=format!("overall band-{}", band_class(c.band))>
                    <span class="overall-score">{c.overall.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</span>
                    <span class="overall-band">{match c.band { None => "Not enough data", b => band_label(b) }}</span>
                    <span class="hint">{format!("{} · {trend_text}", c.measured_text())}</span>
                </p>
                {(c.band == Some(Band::Incomplete)).then(|| view! {
                    <p class="incomplete-why">
                        {format!("Too little of the plan is filled in to judge it: {}. Fill in what the next best actions list first.", gaps.join("; "))}
                    </p>
                })}
            }
        })
    }
}

/// The address of one of the account's plan sections.
fn section_href(account: &Id, slug: &str) -> String {
    href_for(&[("account", account.as_str()), ("section", slug)])
}

/// The trend chart's points: the overall score saved with each review held up to `today`,
/// oldest first, then the score now; each marked when the plan was too thin to judge.
fn trend_points(
    account: Memo<Option<Account>>,
    card: Memo<Option<Scorecard>>,
    today: NaiveDate,
) -> Signal<Vec<TrendPoint>> {
    Signal::derive(move || {
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            let mut pts: Vec<TrendPoint> = a
                .plan
                .reviews
                .iter()
                .filter_map(|r| {
                    let s = r.snapshot.as_ref()?;
                    Some(TrendPoint {
                        date: r.date?,
                        score: s.overall?,
                        incomplete: s.incomplete,
                    })
                })
                // A review held today is a point of its own, next to the score now.
                .filter(|p| p.date <= today)
                .collect();
            pts.sort_unstable_by_key(|p| (p.date, p.score));
            let now = card.with(|c| {
                c.as_ref()
                    .and_then(|c| Some((c.overall?, c.is_incomplete())))
            });
            if let Some((score, incomplete)) = now {
                pts.push(TrendPoint {
                    date: today,
                    score,
                    incomplete,
                });
            }
            pts
        })
    })
}

/// Each score component's score, weight and reason, named by a link to its section.
#[component]
fn ScoreComponents(id: Id, card: Memo<Option<Scorecard>>, bands: Bands) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label="Score components" tabindex="0">
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
        </div>
    }
}

/// The first eight next best actions, each a link to where it is done, with its gain or
/// what it unlocks.
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
                            view! {
                                <li class:fill-in=!n.unlocks.is_empty()>
                                    <a href=href class="nba-link">{n.title.clone()}</a>
                                    <span class="hint">{format!(" {}", n.note())}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// The rut warning, or only this week's challenge when the plan is not in a rut; in a
/// renewal window, why staying close is not counted; and the new contacts met this week and
/// this quarter.
#[component]
fn RutNotice(
    report: Memo<Option<RutReport>>,
    progress: Memo<Option<ChallengeProgress>>,
) -> impl IntoView {
    move || {
        report.get().filter(|r| r.in_rut || r.challenge.is_some() || r.tempered.is_some()).map(|r| view! {
        <section class=if r.in_rut { "rut rut-warning" } else { "rut" } aria-labelledby="rut-heading" role=if r.in_rut { "alert" } else { "region" }>
            <h3 id="rut-heading">{if r.in_rut { "In a rut" } else { "This week's challenge" }}</h3>
            <ul>{r.reasons.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
            <p class="hint">{format!("Last 90 days: {} touches; the top two contacts hold {:.0}%; concentration index (HHI) {:.2}.", r.touches, r.top_two_share * 100.0, r.herfindahl)}</p>
            {r.tempered.map(|t| view! { <p role="status">{t}</p> })}
            {r.challenge.map(|c| view! { <p><strong>"Challenge: "</strong>{c}</p> })}
            {move || progress.get().map(|p| view! { <p class="challenge-progress">{p.sentence()}</p> })}
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
            ws.account(&id).map(|a| {
                let g = coverage_grid(&a.plan, &ws.settings, today);
                // Each cell's areas by name, in the grid's order.
                let names: Vec<Vec<String>> = g
                    .cells
                    .iter()
                    .flatten()
                    .map(|c| {
                        c.areas
                            .iter()
                            .filter_map(|x| area_name(&a.plan, &ws.settings, x))
                            .map(str::to_string)
                            .collect()
                    })
                    .collect();
                (g, names, area_talks(&a.plan, &ws.settings, today))
            })
        })
    });
    move || {
        grid.get().map(|(g, names, talks)| {
        let levels = g.levels.clone();
        let per_row = levels.len();
        let cell_areas = move |d: usize, l: usize| names.get(d * per_row + l).cloned().unwrap_or_default();
        view! {
            <section aria-labelledby="coverage-heading">
                <h3 id="coverage-heading">"Coverage"</h3>
                <p class="hint">{format!("{} of {} cells engaged in the last 90 days.", g.engaged_cells, g.counted_cells)}</p>
                <div class="table-scroll" role="region" aria-label="Coverage" tabindex="0">
                    <table class="table coverage-grid">
                        <caption class="visually-hidden">"Coverage: departments by levels"</caption>
                        <thead><tr><th scope="col">"Department"</th>{levels.iter().map(|l| view! { <th scope="col">{l.name.clone()}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {g.departments.iter().zip(g.cells.iter()).enumerate().map(|(di, (d, row))| view! {
                                <tr>
                                    <th scope="row">{d.name.clone()}</th>
                                    {row.iter().enumerate().map(|(li, cell)| {
                                        let about = cell_areas(di, li);
                                        let class = if !cell.counts { "cov-off" } else if cell.engaged { "cov-engaged" } else if cell.contacts.is_empty() { "cov-empty" } else { "cov-cold" };
                                        view! {
                                            <td class=class>
                                                {if cell.contacts.is_empty() { view! { <span class="hint">"—"</span> }.into_any() } else {
                                                    view! { <ul class="cell-contacts">{cell.contacts.iter().map(|c| view! {
                                                        <li>{if c.name.is_empty() { "Unnamed".to_string() } else { c.name.clone() }}
                                                            <span class="hint">{c.days_since.map(|d| format!(" · {d} d")).unwrap_or_else(|| " · never".into())}</span></li>
                                                    }).collect_view()}</ul> }.into_any()
                                                }}
                                                {(!about.is_empty()).then(|| view! { <p class="cell-areas">"About: "{about.join(", ")}</p> })}
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <AreaCoverage talks />
            </section>
        }
    })
    }
}

/// The third dimension: how much each area of opportunity was talked about in the window.
#[component]
fn AreaCoverage(talks: Vec<AreaTalks>) -> impl IntoView {
    let talked = talks.iter().filter(|t| t.interactions > 0).count();
    view! {
        // On screen only: the print keeps the cells' "About" lines within its page budget.
        <section class="screen-only" aria-labelledby="areas-heading">
            <h4 id="areas-heading">"Areas of opportunity"</h4>
            <p class="hint">{format!("{talked} of {} areas talked about in the last 90 days.", talks.len())}</p>
            <div class="table-scroll" role="region" aria-label="Areas of opportunity" tabindex="0">
            <table class="table area-coverage">
                <caption class="visually-hidden">"Areas of opportunity talked about in the last 90 days"</caption>
                <thead><tr><th scope="col">"Area"</th><th scope="col">"Kind"</th><th scope="col">"Interactions (90 days)"</th><th scope="col">"Last"</th></tr></thead>
                <tbody>
                    {talks.into_iter().map(|t| {
                        let class = if t.interactions > 0 { "area-talked" } else { "area-silent" };
                        view! {
                        <tr class=class>
                            <th scope="row">{t.area.name}</th>
                            <td>{match t.area.kind { AreaKind::Offering => "Our offering", AreaKind::Goal => "Customer goal" }}</td>
                            <td>{t.interactions}</td>
                            <td>{t.last.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
            </div>
        </section>
    }
}
