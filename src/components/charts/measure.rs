//! A success measure's recorded values over time, as a small SVG line chart with its target
//! as a dashed line, and the same values in a table (with a button to take one out). The
//! chart is an image named after the measure; the table is what a screen reader reads.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::model::MeasureValue;
use crate::format::format_number;

const W: f64 = 320.0;
const H: f64 = 110.0;
const PAD_L: f64 = 44.0;
const PAD_R: f64 = 10.0;
const PAD_T: f64 = 10.0;
const PAD_B: f64 = 22.0;

/// The value range drawn: the values and the target, with a margin so that no point sits
/// on the frame; a flat series gets a range of its own.
fn range(points: &[MeasureValue], target: Option<f64>) -> (f64, f64) {
    let values = points.iter().map(|p| p.value).chain(target);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let pad = if hi > lo {
        (hi - lo) * 0.1
    } else {
        lo.abs().max(1.0) * 0.1
    };
    (lo - pad, hi + pad)
}

#[component]
pub fn MeasureChart(
    /// The measure's name, which names the chart.
    #[prop(into)]
    name: Signal<String>,
    #[prop(into)] unit: Signal<String>,
    #[prop(into)] target: Signal<Option<f64>>,
    #[prop(into)] points: Signal<Vec<MeasureValue>>,
    /// Takes out the value of a day.
    on_remove: Callback<NaiveDate>,
) -> impl IntoView {
    // Drawn again only when the values change, not on every edit of the account.
    let points = Memo::new(move |_| points.get());
    let title_id = crate::components::fields::unique_id("measure-chart");
    let desc_id = format!("{title_id}-desc");
    let chart = move || {
        let pts = points.get();
        if pts.is_empty() {
            return view! { <p class="hint">"No value recorded yet: record one to start the chart."</p> }.into_any();
        }
        let target = target.get();
        let unit = unit.get();
        let (lo, hi) = range(&pts, target);
        let y = move |v: f64| PAD_T + (H - PAD_T - PAD_B) * (1.0 - (v - lo) / (hi - lo));
        let (first, last) = (pts[0].date, pts[pts.len() - 1].date);
        let span = (last - first).num_days().max(1) as f64;
        let single = pts.len() == 1;
        let x = move |d: NaiveDate| {
            if single {
                (PAD_L + W - PAD_R) / 2.0
            } else {
                PAD_L + (W - PAD_L - PAD_R) * ((d - first).num_days() as f64 / span)
            }
        };
        let path = super::polyline(pts.iter().map(|p| (x(p.date), y(p.value))));
        let latest = pts[pts.len() - 1];
        let desc = format!(
            "{} values from {first} to {last}; latest {} on {}{}.",
            pts.len(),
            with_unit(latest.value, &unit),
            latest.date,
            target
                .map(|t| format!("; target {}", with_unit(t, &unit)))
                .unwrap_or_default()
        );
        view! {
            <svg class="measure-chart" viewBox=format!("0 0 {W} {H}") role="img"
                aria-labelledby=title_id.clone() aria-describedby=desc_id.clone()>
                <title id=title_id.clone()>{move || format!("Values of {}", name.get())}</title>
                <desc id=desc_id.clone()>{desc}</desc>
                {target.map(|t| view! {
                    <line class="measure-target" x1=PAD_L x2=W - PAD_R y1=y(t) y2=y(t) />
                    <text class="axis" x=W - PAD_R y=y(t) - 4.0 text-anchor="end">{format!("Target {}", format_number(t))}</text>
                })}
                <text class="axis" x=PAD_L - 6.0 y=y(hi) + 10.0 text-anchor="end">{format_number(round2(hi))}</text>
                <text class="axis" x=PAD_L - 6.0 y=y(lo) text-anchor="end">{format_number(round2(lo))}</text>
                <text class="axis" x=PAD_L y=H - 6.0>{first.to_string()}</text>
                {(!single).then(|| view! { <text class="axis" x=W - PAD_R y=H - 6.0 text-anchor="end">{last.to_string()}</text> })}
                <path class="measure-line" d=path />
                {pts.iter().map(|p| view! { <circle class="measure-dot" cx=x(p.date) cy=y(p.value) r="3.5" /> }).collect_view()}
            </svg>
        }
        .into_any()
    };
    let table = move || {
        let pts = points.get();
        let unit = unit.get();
        (!pts.is_empty()).then(|| view! {
            <table class="measure-values">
                <caption>{move || format!("Recorded values of {}", name.get())}</caption>
                <tr><th scope="col">"Date"</th><th scope="col">"Value"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr>
                {pts.into_iter().rev().map(|p| {
                    let d = p.date;
                    view! {
                        <tr>
                            <td>{d.to_string()}</td>
                            <td>{with_unit(p.value, &unit)}</td>
                            <td><button type="button" class="link" aria-label=format!("Remove the value of {d}") on:click=move |_| on_remove.run(d)>"×"</button></td>
                        </tr>
                    }
                }).collect_view()}
            </table>
        })
    };
    view! { <div class="chart measure-history">{chart}{table}</div> }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// "99.95 %", "1,340 hours", "12".
fn with_unit(v: f64, unit: &str) -> String {
    if unit.trim().is_empty() {
        format_number(v)
    } else {
        format!("{} {}", format_number(v), unit.trim())
    }
}
