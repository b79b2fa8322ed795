//! Charts drawn as SVG by the app (no chart library, no network).

pub mod trend;
