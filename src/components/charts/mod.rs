//! Charts drawn as SVG by the app (no chart library, no network).

pub mod heatmap;
pub mod measure;
pub mod org_chart;
pub mod trend;
