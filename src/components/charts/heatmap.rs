//! The white-space heatmap: business units × offerings, each cell coloured by its status
//! and heated by its value (from `domain::white_space`), with its status in words, the
//! competitor named, and totals per unit, per offering and overall.

use leptos::prelude::*;

use crate::domain::model::CellStatus;
use crate::domain::white_space::{HeatCell, Heatmap, Totals};
use crate::format::{format_money_short, format_number};

/// Status: CSS class (its key), label (its long label), and a short mark shown in the cell.
pub fn status_look(s: CellStatus) -> (&'static str, &'static str, &'static str) {
    let mark = match s {
        CellStatus::Sold => "✔ Sold",
        CellStatus::InProgress => "◐ In progress",
        CellStatus::Open => "○ Open",
        CellStatus::Competitor => "⚔ Competitor",
        CellStatus::NotApplicable => "n/a",
    };
    (s.key(), s.long_label(), mark)
}

fn money(v: f64) -> String {
    if v > 0.0 {
        format_money_short(v)
    } else {
        "–".into()
    }
}

fn cell_view(unit: &str, offering: &str, cell: Option<HeatCell>) -> impl IntoView {
    let Some(c) = cell else {
        return view! { <td class="hm-cell hm-unknown" title=format!("{unit} × {offering}: not filled in")><span class="hint">"Unknown"</span></td> }
            .into_any();
    };
    let (class, label, mark) = status_look(c.status);
    let title = format!(
        "{unit} × {offering}: {label}{}{}",
        c.value
            .map(|v| format!(", {}", format_number(v)))
            .unwrap_or_default(),
        c.competitor
            .as_ref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default()
    );
    view! {
        <td class=format!("hm-cell hm-{class} heat-{}", c.level) title=title>
            <span class="hm-status">{mark}</span>
            {c.value.map(|v| view! { <span class="hm-value">{format_money_short(v)}</span> })}
            {c.competitor.map(|n| view! { <span class="hm-rival">{n}</span> })}
        </td>
    }
    .into_any()
}

fn total_cells(t: &Totals) -> impl IntoView {
    view! {
        <td class="hm-total">{money(t.total())}</td>
        <td class="hm-total hm-potential">{money(t.potential())}</td>
    }
}

#[component]
pub fn WhiteSpaceHeatmap(#[prop(into)] map: Signal<Heatmap>) -> impl IntoView {
    move || {
        let h = map.get();
        if h.units.is_empty() || h.offerings.is_empty() {
            return view! { <p class="empty-state">"No business units yet: the heatmap appears once the grid has rows."</p> }.into_any();
        }
        let head = h
            .offerings
            .iter()
            .map(|o| view! { <th scope="col">{o.name.clone()}</th> })
            .collect_view();
        let body = h
            .units
            .iter()
            .enumerate()
            .map(|(u, unit)| {
                let cells = h
                    .offerings
                    .iter()
                    .enumerate()
                    .map(|(o, off)| cell_view(&unit.name, &off.name, h.cells[u][o].clone()))
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{unit.name.clone()}</th>
                        {cells}
                        {total_cells(&h.rows[u])}
                    </tr>
                }
            })
            .collect_view();
        let column_totals = h
            .columns
            .iter()
            .map(|t| view! { <td class="hm-total">{money(t.total())}</td> })
            .collect_view();
        let column_potential = h
            .columns
            .iter()
            .map(|t| view! { <td class="hm-total hm-potential">{money(t.potential())}</td> })
            .collect_view();
        view! {
            <div class="table-scroll" role="region" aria-label="White space heatmap" tabindex="0">
                <table class="table heatmap">
                    <caption>"White space by business unit and offering, with totals"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Business unit"</th>
                            {head}
                            <th scope="col">"Total"</th>
                            <th scope="col">"To win"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"Total"</th>
                            {column_totals}
                            <td class="hm-total hm-grand">{money(h.all.total())}</td>
                            <td class="hm-total hm-potential hm-grand">{money(h.all.potential())}</td>
                        </tr>
                        <tr>
                            <th scope="row">"To win"</th>
                            {column_potential}
                            <td></td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <HeatLegend />
        }
        .into_any()
    }
}

#[component]
fn HeatLegend() -> impl IntoView {
    view! {
        <div class="legend" role="group" aria-label="Legend">
            <ul class="legend-items">
                {CellStatus::ALL.map(|s| {
                    let (class, label, mark) = status_look(s);
                    view! { <li><span class=format!("legend-cell hm-{class} heat-3") aria-hidden="true">{mark}</span>{label}</li> }
                })}
            </ul>
            <p class="hint">"The stronger the colour, the bigger the value against the biggest cell. “Total” adds every cell with a value except not applicable; “To win” adds open white space and competitors' cells."</p>
        </div>
    }
}
