//! Charts drawn as SVG by the app (no chart library, no network).

pub mod heatmap;
pub mod measure;
pub mod org_chart;
pub mod trend;

/// An SVG path through `points` (x, y), in order: "M x,y L x,y …".
pub fn polyline(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { " L" }))
        .collect()
}
