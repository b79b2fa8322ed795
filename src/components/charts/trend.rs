//! The trend of the overall score across review snapshots (and today), as an SVG line
//! chart with the band thresholds shaded, and a table of the same figures for screen
//! readers. A score of a plan too thin to judge is a hollow dot, and says so in words.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::model::Bands;

const W: f64 = 560.0;
const H: f64 = 180.0;
const PAD_L: f64 = 36.0;
const PAD_R: f64 = 12.0;
const PAD_T: f64 = 10.0;
const PAD_B: f64 = 26.0;

/// One point of the trend: a date's overall score, and whether the plan was incomplete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendPoint {
    pub date: NaiveDate,
    pub score: u8,
    pub incomplete: bool,
}

impl TrendPoint {
    /// "62", or "62 (incomplete)".
    fn label(self) -> String {
        if self.incomplete {
            format!("{} (incomplete)", self.score)
        } else {
            self.score.to_string()
        }
    }
}

#[component]
pub fn TrendChart(#[prop(into)] points: Signal<Vec<TrendPoint>>, bands: Bands) -> impl IntoView {
    let y = |s: f64| PAD_T + (H - PAD_T - PAD_B) * (1.0 - s / 100.0);
    let body = move || {
        let pts = points.get();
        if pts.len() < 2 {
            return view! { <p class="hint">"The trend appears after the first review with a score snapshot."</p> }.into_any();
        }
        let first = pts[0].date;
        let last = pts[pts.len() - 1].date;
        let span = (last - first).num_days().max(1) as f64;
        let x = move |d: NaiveDate| {
            PAD_L + (W - PAD_L - PAD_R) * ((d - first).num_days() as f64 / span)
        };
        let path = super::polyline(pts.iter().map(|p| (x(p.date), y(f64::from(p.score)))));
        let (amber, green) = (f64::from(bands.amber_from), f64::from(bands.green_from));
        let rows = pts.clone();
        view! {
            <svg class="trend-chart" viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="trend-title">
                <title id="trend-title">"Overall score over time"</title>
                <rect class="zone-green" x=PAD_L y=y(100.0) width=W - PAD_L - PAD_R height=y(green) - y(100.0) />
                <rect class="zone-amber" x=PAD_L y=y(green) width=W - PAD_L - PAD_R height=y(amber) - y(green) />
                <rect class="zone-red" x=PAD_L y=y(amber) width=W - PAD_L - PAD_R height=y(0.0) - y(amber) />
                {[0.0, 50.0, 100.0].map(|v| view! { <text class="axis" x=PAD_L - 6.0 y=y(v) + 4.0 text-anchor="end">{v.to_string()}</text> })}
                <text class="axis" x=PAD_L y=H - 6.0>{first.to_string()}</text>
                <text class="axis" x=W - PAD_R y=H - 6.0 text-anchor="end">{last.to_string()}</text>
                <path class="trend-line" d=path />
                {pts.iter().map(|p| view! {
                    <circle class="trend-dot" class:incomplete=p.incomplete cx=x(p.date) cy=y(f64::from(p.score)) r="4">
                        <title>{format!("{}: {}", p.date, p.label())}</title>
                    </circle>
                }).collect_view()}
            </svg>
            <table class="visually-hidden">
                <caption>"Overall score by date"</caption>
                <tr><th scope="col">"Date"</th><th scope="col">"Score"</th></tr>
                {rows.into_iter().map(|p| view! { <tr><td>{p.date.to_string()}</td><td>{p.label()}</td></tr> }).collect_view()}
            </table>
        }
        .into_any()
    };
    view! { <div class="chart">{body}</div> }
}
