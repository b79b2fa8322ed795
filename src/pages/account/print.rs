//! The plan as it prints: every section one after another, read-only and compact, with
//! the charts, grouped into three sheets (a page break before each: the scorecard with the
//! account, its goals and measures; the people; growth and execution) so that a plan fits
//! on a few A4 or Letter pages for a meeting with the customer. `style/print.css` hides
//! the app around it when printing. The customer version (`&version=customer`, so that a
//! reload stays on it) prints `domain::customer_version` of the plan, without the scorecard
//! and without the columns and rows of what it leaves out.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::charts::heatmap::WhiteSpaceHeatmap;
use crate::components::fields::CheckboxField;
use crate::domain::coverage::last_touches;
use crate::domain::customer_version::customer_version;
use crate::domain::model::{Account, Id, PlanPart, Settings, TeamMember};
use crate::domain::white_space::heatmap;
use crate::format::{format_money_short, format_number};
use crate::nav::{href_for, navigate_to};
use crate::state::{use_app, AppState};

use super::relationship_map::RelationshipMap;
use super::scorecard::ScorecardSection;
use super::section::{describe_day, display_name};

fn money(v: Option<f64>) -> String {
    v.map(format_number).unwrap_or_else(|| "–".into())
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "–".into())
}

/// Names of the account's people and the workspace's terms, and which version prints.
struct Names<'a> {
    account: &'a Account,
    team: &'a [TeamMember],
    settings: &'a Settings,
    /// The customer version: the columns and rows of what it leaves out are left out too.
    customer: bool,
}

impl Names<'_> {
    fn contact(&self, id: &Option<Id>) -> String {
        id.as_ref()
            .and_then(|id| self.account.plan.contacts.iter().find(|c| &c.id == id))
            .map(|c| display_name(&c.name, "Unnamed contact"))
            .unwrap_or_else(|| "–".into())
    }
    fn contacts(&self, ids: &[Id]) -> String {
        let names: Vec<String> = ids.iter().map(|i| self.contact(&Some(i.clone()))).collect();
        if names.is_empty() {
            "–".into()
        } else {
            names.join(", ")
        }
    }
    fn member(&self, id: &Option<Id>) -> String {
        id.as_ref()
            .and_then(|id| self.team.iter().find(|m| &m.id == id))
            .map(|m| display_name(&m.name, "Unnamed member"))
            .unwrap_or_else(|| "–".into())
    }
    fn members(&self, ids: &[Id]) -> String {
        let names: Vec<String> = ids.iter().map(|i| self.member(&Some(i.clone()))).collect();
        names.join(", ")
    }
    fn term(list: &[crate::domain::model::Term], id: &Option<Id>) -> String {
        id.as_ref()
            .and_then(|id| list.iter().find(|t| &t.id == id))
            .map(|t| t.name.clone())
            .unwrap_or_else(|| "–".into())
    }
    /// Who helped develop the plan: the customer's people, then ours.
    fn contributors(&self) -> String {
        let who = &self.account.plan.contributors;
        let contacts = who.contacts.iter().filter_map(|id| {
            let c = self.account.plan.contacts.iter().find(|c| &c.id == id)?;
            Some(display_name(&c.name, "Unnamed contact"))
        });
        let members = who.members.iter().filter_map(|id| {
            let m = self.team.iter().find(|m| &m.id == id)?;
            Some(display_name(&m.name, "Unnamed member"))
        });
        let names: Vec<String> = contacts.chain(members).collect();
        if names.is_empty() {
            "–".into()
        } else {
            names.join(", ")
        }
    }
    fn goal(&self, id: &Option<Id>) -> String {
        id.as_ref()
            .and_then(|id| self.account.plan.goals.iter().find(|g| &g.id == id))
            .map(|g| display_name(&g.title, "Untitled goal"))
            .unwrap_or_else(|| "Not aligned".into())
    }
}

/// A plan part's block: its heading (the section's name) and content.
fn part(p: PlanPart, body: AnyView) -> impl IntoView {
    let heading = format!("print-{}", p.slug());
    let labelledby = heading.clone();
    view! {
        <section class="print-part" aria-labelledby=labelledby>
            <h2 id=heading>{p.label()}</h2>
            {body}
        </section>
    }
}

/// A list of facts, label and value, in the order given.
fn facts(items: Vec<(String, String)>) -> AnyView {
    view! {
        <dl class="print-facts">
            {items.into_iter().map(|(t, d)| view! { <div><dt>{t}</dt><dd>{d}</dd></div> }).collect_view()}
        </dl>
    }
    .into_any()
}

/// A table of text under `head`, without the columns at the positions in `hidden` (what
/// the customer version leaves out); the cells of the columns in `nowrap` (dates) do not
/// wrap.
fn text_table(
    head: &[&'static str],
    rows: Vec<Vec<String>>,
    hidden: &[usize],
    nowrap: &[usize],
) -> AnyView {
    let shown = move |i: &usize| !hidden.contains(i);
    let head: Vec<&'static str> = (0..head.len()).filter(shown).map(|i| head[i]).collect();
    let rows: Vec<Vec<(String, bool)>> = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .enumerate()
                .filter(|(i, _)| shown(i))
                .map(|(i, cell)| (cell, nowrap.contains(&i)))
                .collect()
        })
        .collect();
    let name = format!("Table of {}", head.join(", "));
    view! {
        <div class="table-scroll" role="region" aria-label=name tabindex="0">
        <table class="table print-table">
            <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
            <tbody>
                {rows.into_iter().map(|row| view! {
                    <tr>{row.into_iter().map(|(cell, nowrap)| view! { <td class:nowrap=nowrap>{cell}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

fn none_yet(what: &'static str) -> AnyView {
    view! { <p class="hint">{what}</p> }.into_any()
}

/// What `draw` makes of the account's names (nothing while the account is missing).
fn with_names(
    state: AppState,
    account: Memo<Option<Account>>,
    customer: bool,
    draw: impl FnOnce(&Names) -> AnyView,
) -> AnyView {
    account.with(|a| {
        let Some(a) = a else { return ().into_any() };
        state.workspace.with(|ws| {
            draw(&Names {
                account: a,
                team: &ws.team,
                settings: &ws.settings,
                customer,
            })
        })
    })
}

/// The print view's URL, of the customer version or of the whole plan.
fn print_href(id: &Id, customer: bool) -> String {
    let mut params = vec![("account", id.as_str()), ("section", super::PRINT_SLUG)];
    if customer {
        params.push((super::VERSION_PARAM, super::CUSTOMER_VERSION));
    }
    href_for(&params)
}

#[component]
pub fn PrintPlan(id: Id, customer: bool) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let account = {
        let id = id.clone();
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                let a = ws.account(&id)?;
                Some(if customer {
                    customer_version(a)
                } else {
                    a.clone()
                })
            })
        })
    };
    let white_space = Memo::new(move |_| {
        account.with(|a| {
            a.as_ref()
                .map(|a| {
                    state
                        .workspace
                        .with(|ws| heatmap(&a.plan.white_space, &ws.settings.offerings))
                })
                .unwrap_or_default()
        })
    });
    let back = href_for(&[("account", id.as_str()), ("section", "scorecard")]);
    let switch_id = id.clone();
    let switch = Callback::new(move |on: bool| navigate_to(&print_href(&switch_id, on)));
    let sheet_id = id.clone();
    let text_parts = move || {
        with_names(state, account, customer, |names| {
            view! {
                <div class="print-sheet-rest">
                    {part(PlanPart::Revenue, revenue(names))}
                    {part(PlanPart::Contract, contract(names))}
                    {part(PlanPart::Goals, goals(names))}
                    {part(PlanPart::SuccessMeasures, measures(names))}
                    {part(PlanPart::Feedback, feedback(names))}
                </div>
                <div class="print-sheet">
                    {part(PlanPart::Contacts, contacts(names, today))}
                    <section class="print-part" aria-labelledby="print-map">
                        <h2 id="print-map">"Relationship map"</h2>
                        <RelationshipMap id=sheet_id.clone() customer />
                    </section>
                </div>
            }
            .into_any()
        })
    };
    let growth_parts = move || {
        with_names(state, account, customer, |names| {
            view! {
                {part(PlanPart::Opportunities, opportunities(names))}
                {part(PlanPart::Actions, actions(names, today))}
                {part(PlanPart::Cadence, cadence(names))}
                {part(PlanPart::Team, team(names))}
            }
            .into_any()
        })
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="print-plan">
            <div class="print-toolbar screen-only" role="region" aria-label="Print">
                <p>{if customer {
                    "The customer version, to build the plan with the customer: without stances, relationship strength, roles in decisions, internal notes, competitors, probabilities, the growth target, contract risk, scores and coaching."
                } else {
                    "The whole plan on a few pages, as it prints: the app's navigation and buttons are left out."
                }}</p>
                <CheckboxField label="Customer version" value=customer on_commit=switch />
                <button type="button" on:click=print>"Print"</button>
                <a href=back>"Back to the plan"</a>
            </div>
            <PrintCover account=account today=today customer />
            {(!customer).then(|| view! {
                <div class="print-sheet print-first">
                    <ScorecardSection id=id.clone() />
                </div>
            })}
            {text_parts}
            <div class="print-sheet">
                <section class="print-part" aria-labelledby="print-white-space">
                    <h2 id="print-white-space">{PlanPart::WhiteSpace.label()}</h2>
                    <WhiteSpaceHeatmap map=white_space />
                </section>
                {growth_parts}
            </div>
        </div>
    }
}

#[component]
fn PrintCover(account: Memo<Option<Account>>, today: NaiveDate, customer: bool) -> impl IntoView {
    let state = use_app();
    move || {
        account.with(|a| {
            a.as_ref().map(|a| {
                let (owner, contributors) = state.workspace.with(|ws| {
                    let names = Names {
                        account: a,
                        team: &ws.team,
                        settings: &ws.settings,
                        customer,
                    };
                    (names.member(&a.owner), names.contributors())
                });
                let months = super::overview::MONTHS;
                view! {
                    <div class="print-cover">
                        <p class="print-kicker">{format!("Account plan {}", a.plan.year)}</p>
                        {customer.then(|| view! { <h2 class="print-version">"Customer version"</h2> })}
                        {facts(vec![
                            ("Industry".into(), if a.industry.is_empty() { "–".to_string() } else { a.industry.clone() }),
                            ("Segment".into(), a.segment.label().into()),
                            ("Owner".into(), owner),
                            ("Fiscal year starts".into(), months[usize::from(a.fiscal_year_start_month.clamp(1, 12)) - 1].into()),
                            ("Developed with".into(), contributors),
                            ("Printed".into(), today.to_string()),
                        ])}
                        {(!a.notes.trim().is_empty()).then(|| view! { <p>{a.notes.clone()}</p> })}
                    </div>
                }
            })
        })
    }
}

fn revenue(n: &Names) -> AnyView {
    let r = &n.account.plan.revenue;
    let actual: f64 = r.quarterly_actuals.iter().flatten().sum();
    let mut items = vec![
        ("Last year's spend".into(), money(r.last_year)),
        ("Revenue commitment".into(), money(r.commitment)),
    ];
    if !n.customer {
        items.push(("Growth target".into(), money(r.growth_target)));
    }
    for (q, v) in r.quarterly_actuals.iter().enumerate() {
        items.push((format!("Q{} actual", q + 1), money(*v)));
    }
    items.push(("Actual to date".into(), format_number(actual)));
    facts(items)
}

fn contract(n: &Names) -> AnyView {
    let c = &n.account.plan.contract;
    let mut items = vec![
        ("Start".into(), day(c.start_date)),
        ("End".into(), day(c.end_date)),
        (
            "Notice".into(),
            c.notice_days
                .map(|d| format!("{d} days"))
                .unwrap_or_else(|| "–".into()),
        ),
        ("Value".into(), money(c.value)),
        ("Renewal".into(), c.renewal_status.label().into()),
    ];
    if !n.customer {
        items.push(("Risk".into(), c.risk.label().into()));
    }
    view! {
        {facts(items)}
        {(!c.notes.trim().is_empty()).then(|| view! { <p>{c.notes.clone()}</p> })}
    }
    .into_any()
}

fn goals(n: &Names) -> AnyView {
    let goals = &n.account.plan.goals;
    if goals.is_empty() {
        return none_yet("No goals recorded yet.");
    }
    view! {
        <ol class="print-list">
            {goals.iter().map(|g| view! {
                <li>
                    <strong>{display_name(&g.title, "Untitled goal")}</strong>
                    {format!(" ({})", g.kind.label())}
                    {(!g.description.trim().is_empty()).then(|| format!(" — {}", g.description.trim()))}
                    <span class="hint">{match &g.source_contact {
                        Some(_) => format!(" Told us: {}.", n.contact(&g.source_contact)),
                        None => " Not sourced from the customer.".to_string(),
                    }}</span>
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}

fn measures(n: &Names) -> AnyView {
    let list = &n.account.plan.measures;
    if list.is_empty() {
        return none_yet("No success measures recorded yet.");
    }
    let num = |v: Option<f64>, unit: &str| {
        v.map(|v| format!("{} {unit}", format_number(v)).trim().to_string())
            .unwrap_or_else(|| "–".into())
    };
    let rows = list
        .iter()
        .map(|m| {
            vec![
                display_name(&m.name, "Unnamed measure"),
                num(m.target, &m.unit),
                num(m.current, &m.unit),
                n.contact(&m.evaluator),
                m.rhythm.label().into(),
                day(m.last_checked),
            ]
        })
        .collect();
    text_table(
        &[
            "Measure",
            "Target",
            "Current",
            "Evaluated by",
            "Rhythm",
            "Last checked",
        ],
        rows,
        &[],
        &[5],
    )
}

fn feedback(n: &Names) -> AnyView {
    let f = &n.account.plan.feedback;
    let column = |title: &'static str, items: &[crate::domain::model::FeedbackItem]| {
        view! {
            <div>
                <h3>{title}</h3>
                {if items.is_empty() {
                    view! { <p class="hint">"Nothing yet."</p> }.into_any()
                } else {
                    view! { <ul class="print-list">{items.iter().map(|i| view! {
                        <li>{i.text.clone()}<span class="hint">{i.source_contact.as_ref().map(|_| format!(" — {}", n.contact(&i.source_contact)))}</span></li>
                    }).collect_view()}</ul> }.into_any()
                }}
            </div>
        }
    };
    view! {
        <div class="feedback-columns">
            {column("Start doing", &f.start)}
            {column("Stop doing", &f.stop)}
            {column("Keep doing", &f.keep)}
        </div>
    }
    .into_any()
}

fn contacts(n: &Names, today: NaiveDate) -> AnyView {
    let plan = &n.account.plan;
    if plan.contacts.is_empty() {
        return none_yet("No contacts recorded yet.");
    }
    let last = last_touches(plan, today);
    let mut recent: Vec<_> = plan
        .interactions
        .iter()
        .filter(|i| i.date.is_some())
        .collect();
    recent.sort_by_key(|i| std::cmp::Reverse(i.date));
    recent.truncate(6);
    // Role, stance and strength: left out of the customer version, and so is a touch's note.
    let hidden: &[usize] = if n.customer { &[4, 5, 6] } else { &[] };
    let people = plan
        .contacts
        .iter()
        .map(|c| {
            vec![
                display_name(&c.name, "Unnamed contact"),
                c.title.clone(),
                Names::term(&n.settings.departments, &c.department),
                n.settings
                    .levels
                    .iter()
                    .find(|l| Some(&l.id) == c.level.as_ref())
                    .map_or_else(|| "–".into(), |l| l.name.clone()),
                c.role.map_or("–", |r| r.label()).into(),
                c.stance.map_or("–", |s| s.label()).into(),
                c.strength
                    .map(|s| format!("{s} of 5"))
                    .unwrap_or_else(|| "–".into()),
                n.member(&c.owner),
                last.get(c.id.as_str())
                    .map(|d| describe_day(*d, today))
                    .unwrap_or_else(|| "never".into()),
            ]
        })
        .collect();
    let touches = recent
        .into_iter()
        .map(|i| {
            vec![
                day(i.date),
                n.contacts(&i.contacts),
                i.kind.label().into(),
                i.note.clone(),
            ]
        })
        .collect::<Vec<_>>();
    let note: &[usize] = if n.customer { &[3] } else { &[] };
    view! {
        {text_table(
            &["Name", "Title", "Department", "Level", "Role", "Stance", "Strength", "Our owner", "Last interaction"],
            people,
            hidden,
            &[],
        )}
        {(!touches.is_empty()).then(|| view! {
            <h3>"Latest interactions"</h3>
            {text_table(&["Date", "With", "Kind", "Note"], touches, note, &[0])}
        })}
    }
    .into_any()
}

fn opportunities(n: &Names) -> AnyView {
    let list = &n.account.plan.opportunities;
    if list.is_empty() {
        return none_yet("No opportunities recorded yet.");
    }
    let open: f64 = list
        .iter()
        .filter(|o| o.stage.is_open())
        .filter_map(|o| o.value)
        .sum();
    let rows = list
        .iter()
        .map(|o| {
            vec![
                display_name(&o.name, "Unnamed opportunity"),
                n.goal(&o.goal),
                o.dimension.label().into(),
                o.stage.label().into(),
                money(o.value),
                format!("{:.0}%", o.probability * 100.0),
                day(o.close_date),
                o.next_step.clone(),
                n.member(&o.owner),
            ]
        })
        .collect();
    // The probability is left out of the customer version.
    let hidden: &[usize] = if n.customer { &[5] } else { &[] };
    view! {
        {text_table(
            &["Opportunity", "Customer goal", "Dimension", "Stage", "Value", "Probability", "Close", "Next step", "Owner"],
            rows,
            hidden,
            &[6],
        )}
        <p class="hint">{format!("Open pipeline {}", format_money_short(open))}</p>
    }
    .into_any()
}

fn actions(n: &Names, today: NaiveDate) -> AnyView {
    let list = &n.account.plan.actions;
    if list.is_empty() {
        return none_yet("No actions recorded yet.");
    }
    view! {
        <div class="table-scroll" role="region" aria-label="Actions" tabindex="0">
        <table class="table print-table">
            <thead><tr><th scope="col">"Action"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Status"</th><th scope="col">"Completed"</th></tr></thead>
            <tbody>
                {list.iter().map(|x| {
                    let overdue = matches!(x.status, crate::domain::model::ActionStatus::Open | crate::domain::model::ActionStatus::InProgress)
                        && x.due.is_some_and(|d| d < today);
                    view! {
                        <tr>
                            <td>{display_name(&x.title, "Untitled action")}</td>
                            <td>{n.member(&x.owner)}</td>
                            <td class="nowrap">{day(x.due)}{overdue.then(|| view! { <strong class="overdue">" overdue"</strong> })}</td>
                            <td>{x.status.label()}</td>
                            <td class="nowrap">{day(x.completed_on)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

fn cadence(n: &Names) -> AnyView {
    let list = &n.account.plan.cadence;
    if list.is_empty() {
        return none_yet("No meetings agreed yet.");
    }
    let rows = list
        .iter()
        .map(|m| {
            vec![
                display_name(&m.title, "Untitled meeting"),
                Names::term(&n.settings.meeting_types, &m.meeting_type),
                n.contacts(&m.attendees),
                n.members(&m.internal_attendees),
                m.recurrence.label().into(),
                day(m.next_date),
                (if m.accepted_by_all { "Yes" } else { "No" }).into(),
                day(m.held.iter().max().copied()),
            ]
        })
        .collect();
    text_table(
        &[
            "Meeting",
            "Type",
            "Customer attendees",
            "Our attendees",
            "Recurs",
            "Next",
            "Accepted by all",
            "Last held",
        ],
        rows,
        &[],
        &[5, 7],
    )
}

fn team(n: &Names) -> AnyView {
    let list = &n.account.plan.team;
    if list.is_empty() {
        return none_yet("No one on the account team yet.");
    }
    let rows = list
        .iter()
        .map(|r| {
            vec![
                n.member(&r.member),
                r.role.clone(),
                r.responsibilities.clone(),
                if r.executive_sponsor {
                    format!("Yes, matched to {}", n.contact(&r.counterpart))
                } else {
                    "No".into()
                },
            ]
        })
        .collect();
    text_table(
        &["Member", "Role", "Responsibilities", "Executive sponsor"],
        rows,
        &[],
        &[],
    )
}
