//! The relationship map: the account's contacts as an org chart (SVG), laid out by
//! `domain::org_chart`. Each box is a link to the contact; its fill and a symbol give the
//! contact's stance, a badge their role in decisions (decision makers also get a heavy
//! border), and a circle the initials of our owner of the relationship. In the customer
//! version the boxes say nothing of stance and role.

use leptos::prelude::*;

use crate::domain::model::{Contact, DecisionRole, Id, Stance, TeamMember};
use crate::domain::org_chart::{layout, OrgChart, NODE_H, NODE_W};
use crate::format::{ellipsize, initials};

/// Room around the drawing.
const PAD: f64 = 12.0;

/// Stance: CSS class (its key), label, and a symbol so that colour is never the only cue.
pub fn stance_look(s: Option<Stance>) -> (&'static str, &'static str, &'static str) {
    let Some(s) = s else {
        return ("unknown", "Stance not known", "?");
    };
    let symbol = match s {
        Stance::Champion => "★",
        Stance::Supporter => "▲",
        Stance::Neutral => "●",
        Stance::Skeptic => "▼",
        Stance::Opponent => "✖",
    };
    (s.key(), s.label(), symbol)
}

/// Role in decisions: CSS class (its key), label, and the badge on the box.
pub fn role_look(r: Option<DecisionRole>) -> (&'static str, &'static str, &'static str) {
    let Some(r) = r else {
        return ("none", "Role not known", "");
    };
    let badge = match r {
        DecisionRole::DecisionMaker => "DM",
        DecisionRole::Influencer => "INF",
        DecisionRole::Coach => "CO",
        DecisionRole::User => "USR",
        DecisionRole::Gatekeeper => "GK",
    };
    (r.key(), r.label(), badge)
}

/// What a box shows of its contact.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeInfo {
    pub id: Id,
    pub name: String,
    pub title: String,
    pub stance: Option<Stance>,
    pub role: Option<DecisionRole>,
    /// Our owner's name, if any.
    pub owner: Option<String>,
    pub boss: Option<String>,
}

/// The chart with what each box shows, in contact order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapData {
    pub chart: OrgChart,
    pub info: Vec<NodeInfo>,
    /// For the customer version: no stance and no role in the boxes.
    pub customer: bool,
}

fn name_of(c: &Contact) -> String {
    if c.name.trim().is_empty() {
        "Unnamed contact".into()
    } else {
        c.name.trim().to_string()
    }
}

impl MapData {
    pub fn new(contacts: &[Contact], team: &[TeamMember]) -> Self {
        let chart = layout(contacts);
        let info = chart
            .nodes
            .iter()
            .map(|n| {
                let c = &contacts[n.contact];
                NodeInfo {
                    id: c.id.clone(),
                    name: name_of(c),
                    title: c.title.trim().to_string(),
                    stance: c.stance,
                    role: c.role,
                    owner: c
                        .owner
                        .as_ref()
                        .and_then(|o| team.iter().find(|m| &m.id == o))
                        .map(|m| m.name.trim().to_string())
                        .filter(|n| !n.is_empty()),
                    boss: n.boss.map(|b| name_of(&contacts[b])),
                }
            })
            .collect();
        MapData {
            chart,
            info,
            customer: false,
        }
    }

    /// The same map for the customer version (see `domain::customer_version`).
    pub fn for_customer(mut self) -> Self {
        for n in &mut self.info {
            n.stance = None;
            n.role = None;
        }
        self.customer = true;
        self
    }

    /// What a screen reader says for a box, and what the tooltip shows.
    pub fn describe(&self, i: usize) -> String {
        let n = &self.info[i];
        let mut parts = vec![n.name.clone()];
        if !n.title.is_empty() {
            parts.push(n.title.clone());
        }
        if !self.customer {
            parts.push(stance_look(n.stance).1.to_string());
            parts.push(role_look(n.role).1.to_string());
        }
        parts.push(match &n.boss {
            Some(b) => format!("reports to {b}"),
            None => "reports to nobody on the map".into(),
        });
        parts.push(match &n.owner {
            Some(o) => format!("our owner {o}"),
            None => "no owner on our side".into(),
        });
        parts.join(", ")
    }
}

/// The map of `data`; each box links to `href_of(contact id)` and calls `on_open` when
/// followed (the caller navigates).
#[component]
pub fn OrgChartView(
    #[prop(into)] data: Signal<MapData>,
    /// Names the drawing for screen readers.
    #[prop(into)]
    label: Signal<String>,
    href_of: Callback<Id, String>,
    on_open: Callback<String>,
) -> impl IntoView {
    move || {
        let d = data.get();
        let (w, h) = (d.chart.width + 2.0 * PAD, d.chart.height + 2.0 * PAD);
        let lines = d
            .chart
            .edges
            .iter()
            .map(|e| view! { <path d=line_path(&e.points) /> })
            .collect_view();
        let nodes = (0..d.chart.nodes.len())
            .map(|i| node_box(&d, i, href_of, on_open))
            .collect_view();
        view! {
            <svg
                class="org-chart"
                viewBox=format!("0 0 {w} {h}")
                width=w
                height=h
                role="group"
                aria-label=move || label.get()
            >
                <g class="org-lines" aria-hidden="true">{lines}</g>
                <g class="org-nodes">{nodes}</g>
            </svg>
        }
    }
}

/// An SVG path through `points`, moved in by the drawing's padding.
fn line_path(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| {
            format!(
                "{}{:.1},{:.1}",
                if i == 0 { "M" } else { " L" },
                x + PAD,
                y + PAD
            )
        })
        .collect()
}

/// The box of node `i`: a link to its contact with the name, title, stance, role badge
/// and owner's initials.
fn node_box(
    d: &MapData,
    i: usize,
    href_of: Callback<Id, String>,
    on_open: Callback<String>,
) -> impl IntoView {
    let n = &d.chart.nodes[i];
    let info = d.info[i].clone();
    let described = d.describe(i);
    let aria = described.clone();
    let href = href_of.run(info.id.clone());
    let follow = href.clone();
    let (x, y) = (n.x + PAD, n.y + PAD);
    let (stance_class, stance_label, symbol) = stance_look(info.stance);
    let (role_class, _, badge) = role_look(info.role);
    let owner = info
        .owner
        .as_deref()
        .map(initials)
        .unwrap_or_else(|| "–".into());
    let name_max = if badge.is_empty() { 22 } else { 18 };
    // The link is the only child of its <g>: leptos 0.8's view! makes an `a` an SVG link only
    // there (among siblings it makes an HTML one, which SVG does not draw).
    view! {
        <g>
            <g>
                <a
                    href=href
                    class=format!("org-node stance-{stance_class} role-{role_class}")
                    aria-label=aria
                    on:click=move |ev| {
                        ev.prevent_default();
                        on_open.run(follow.clone());
                    }
                >
                    <title>{described}</title>
                    <rect class="org-box" x=x y=y width=NODE_W height=NODE_H rx="6" />
                </a>
            </g>
            // Drawn over the link, outside it: the text is shortened and abbreviated, and a
            // link's visible text must be part of its name (WCAG 2.5.3), which is the full
            // description. Clicks pass through to the box (style: `.org-label`).
            <g class="org-label" aria-hidden="true">
                <text class="org-name" x=x + 10.0 y=y + 19.0>{ellipsize(&info.name, name_max)}</text>
                <text class="org-title" x=x + 10.0 y=y + 35.0>{ellipsize(&info.title, 28)}</text>
                {(!d.customer).then(|| view! { <text class="org-stance" x=x + 10.0 y=y + 54.0>{format!("{symbol} {stance_label}")}</text> })}
                {(!badge.is_empty()).then(|| view! {
                    <g>
                        <rect class="org-badge" x=x + NODE_W - 40.0 y=y + 6.0 width="34" height="16" rx="3" />
                        <text class="org-badge-text" x=x + NODE_W - 23.0 y=y + 18.0 text-anchor="middle">{badge}</text>
                    </g>
                })}
                <circle class="org-owner" cx=x + NODE_W - 18.0 cy=y + NODE_H - 16.0 r="11" />
                <text class="org-owner-text" x=x + NODE_W - 18.0 y=y + NODE_H - 12.0 text-anchor="middle">{owner}</text>
            </g>
        </g>
    }
}

/// What the colours, symbols and badges mean.
#[component]
pub fn OrgLegend() -> impl IntoView {
    // Every stance, then "not known".
    let stances = Stance::ALL.map(Some).into_iter().chain([None]);
    view! {
        <div class="legend" aria-label="Legend" role="group">
            <ul class="legend-items">
                {stances.map(|s| {
                    let (class, label, symbol) = stance_look(s);
                    view! { <li><span class=format!("legend-swatch stance-{class}") aria-hidden="true">{symbol}</span>{label}</li> }
                }).collect_view()}
            </ul>
            <ul class="legend-items">
                {DecisionRole::ALL.map(|r| {
                    let (_, label, badge) = role_look(Some(r));
                    view! { <li><span class="legend-badge" aria-hidden="true">{badge}</span>{label}</li> }
                })}
                <li><span class="legend-owner" aria-hidden="true">"AB"</span>"Initials of our owner"</li>
            </ul>
        </div>
    }
}
